"""The Sourcing section: which outlet this is, how each claim is sourced, which sources the text marks,
and what corroborates or contests the claims that rest on one anonymous or second-hand source."""

from __future__ import annotations

from briefing.io import Bundle
from briefing.present.common import speaker_label, where
from briefing.present.markup import Html, block, empty, item_ref, join, para, plural, quote, table, tag

CLASS_WORDS = {
    "on-record": "on the record, from a named person",
    "official": "from an official statement or document, or an institution speaking as such",
    "anonymous": "from unnamed sources",
    "second-hand": "relayed from another outlet or a report",
}


def outlet_line(b: Bundle) -> Html:
    f = b.figures[b.figures.name == "outlet"] if len(b.figures) else b.figures
    if not len(f) or f.value.iloc[0] == "not stated":
        return para(
            "Outlet: not stated. The text names no outlet (no dateline credit, “Source:” line or "
            "copyright line).",
            cls="lead",
        )
    r = f.iloc[0]
    how = r.label.split("(", 1)[1].rstrip(")") if "(" in r.label else "the text"
    return para(
        Html("Outlet: {}, from the {} ").format(tag("strong", r.value), how),
        where(b, r.evidence_start),
        cls="lead",
    )


def sourcing_summary(b: Bundle) -> Html:
    s = b.sourcing
    if not len(s):
        return block(outlet_line(b), para("No claim in this article is attributed to a source.", cls="empty"))
    rows = []
    for kind, words in CLASS_WORDS.items():
        hit = s[s.sourcing == kind]
        if len(hit):
            refs = join((item_ref(c, "claim") for c in hit.claim_id), " ")
            rows.append([kind, words, len(hit), refs])
    lead = f"How the {plural(len(s), 'attributed claim')} are sourced."
    return block(
        outlet_line(b), para(lead), table(["Sourcing", "Meaning", "Claims", "Which"], rows, numeric=[2])
    )


def flags_table(b: Bundle) -> Html:
    f = b.source_flags
    if not len(f):
        return empty(
            "The text marks no source as state-run or partisan, and no party to a dispute speaks in it."
        )
    rows = [
        [r.actor, r.flag, quote(r.words, 80) if r.words else "", where(b, r.evidence_start)]
        for _, r in f.iterrows()
    ]
    lead = (
        "Sources the text itself marks as state-run or partisan, and the parties to the article's disputes."
    )
    return block(para(lead, cls="lead"), table(["Source", "Flag", "The text's words", "Where"], rows))


def single_sources(b: Bundle) -> Html:
    s = b.sourcing
    s = s[s.single == 1] if len(s) else s
    if not len(s):
        return empty("No claim rests on one anonymous or second-hand source.")
    claims = b.claims.set_index("claim_id")
    rows = []
    for _, r in s.iterrows():
        c = claims.loc[r.claim_id]
        said = Html("{}: {} {}").format(
            tag("strong", speaker_label(c)), quote(c.text, 220), item_ref(r.claim_id, "claim")
        )
        rows.append(
            [
                said,
                f"{r.sourcing} (“{r.source}”)",
                _refs(r.corroborated_by),
                _refs(r.contested_by),
                _refs(r.related),
            ]
        )
    lead = (
        f"{plural(len(s), 'claim')} {'rests' if len(s) == 1 else 'rest'} on one anonymous or second-hand "
        "source. Beside each: what else in the article corroborates or contests it, and other claims on "
        "the same matter."
    )
    headers = ["Claim", "Sourcing", "Corroborated by", "Contested by", "Same matter"]
    return block(para(lead, cls="lead"), table(headers, rows))


def _refs(ids: str) -> Html:
    found = [i for i in str(ids).split(";") if i]
    return join((item_ref(i, "claim") for i in found), " ") if found else Html("nothing")
