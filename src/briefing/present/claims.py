"""02 Claims and positions: claims by speaker and by act, points of dispute, positions by matter, and
the outlet's own voice.

Each helper formats the rows it is given, in their order: the notebook selects, merges and sorts them
(which claims, which sides, which speakers first). Without a frame a helper shows the stored table."""

from __future__ import annotations

import pandas as pd

from briefing.io import Bundle
from briefing.present.common import acts, attributed, editorial, speaker_label, where
from briefing.present.markup import (
    Html,
    anchor_id,
    block,
    empty,
    item_ref,
    join,
    note,
    para,
    plural,
    quote,
    reviewed_mark,
    sent_ref,
    table,
    tag,
)

MODE_WORDS = {
    "direct": "direct quotes",
    "indirect": "reported statements",
    "editorial": "editorial remarks by the outlet",
    "unattributed": "unattributed statements",
}


def claims_note(b: Bundle) -> Html:
    total = b.count("claims")
    if not total:
        return note("No claims were found in this article.")
    parts = [(b.count(k), MODE_WORDS[k]) for k in ("direct", "indirect", "editorial")]
    parts.append((total - sum(n for n, _ in parts), MODE_WORDS["unattributed"]))
    text = ", ".join(f"{n} {w}" for n, w in sorted(parts, key=lambda x: -x[0]) if n)
    return note(f"{plural(total, 'claim')}: {text}.")


def claims_by_speaker(b: Bundle, claims: pd.DataFrame | None = None) -> Html:
    """A table per speaker, in the order the speakers first come in ``claims`` (stored: the attributed
    claims). Its column ``who`` names the speaker and ``act`` the act, else they are looked up."""
    c = attributed(b) if claims is None else claims
    if not len(c):
        return empty("No claim in this article is attributed to a named source.")
    if "who" not in c:
        c = c.assign(who=[speaker_label(r) for _, r in c.iterrows()])
    if "act" not in c:
        c = c.assign(act=c.claim_id.map(acts(b)))
    out = []
    for who in dict.fromkeys(c.who):
        rows = [
            [
                item_ref(r.claim_id, "claim") + reviewed_mark(r),
                r.act if isinstance(r.act, str) else "",
                r["mode"],
                quote(r.text, 300),
                str(r.hedges).replace(";", ", "),
                sent_ref(r.sentence_id),
            ]
            for _, r in c[c.who == who].iterrows()
        ]
        out.append(tag("h4", f"{who} — {plural(len(rows), 'claim')}"))
        out.append(table(["", "Act", "Mode", "What was said", "Hedges", "Where"], rows, cls="claims"))
    return block(*out)


def claims_by_type(b: Bundle, counts: pd.DataFrame | None = None) -> Html:
    """Speakers by the act of their claims (demand, refusal, ...), as the analysis classed them:
    ``counts`` is a table of speakers (rows, in its order) by acts (columns), stored: every claim's act."""
    if counts is None:
        p = b.positions[b.positions.claim_id != ""] if len(b.positions) else b.positions
        counts = pd.crosstab(p.actor, p.act) if len(p) else pd.DataFrame()
    if not len(counts) or not int(counts.to_numpy().sum()):
        return empty("There are no attributed claims to count by act.")
    rows = [[name, *[int(v) or "" for v in counts.loc[name]]] for name in counts.index]
    cols = list(counts.columns)
    top = counts.sum().sort_values(ascending=False, kind="stable")
    total = int(top.sum())
    lead = para(f"Commonest act: {top.index[0]} ({int(top.iloc[0])} of {total} claims).", cls="lead")
    return block(lead, table(["Speaker", *cols], rows, numeric=list(range(1, len(cols) + 1))))


# ------------------------------------------------------------------ points of dispute


def _side(b: Bundle, who: str, act: str, claim_id: str, start: int, end: int) -> Html:
    said = quote(b.span(start, end), 260)
    ref = item_ref(claim_id, "claim") if claim_id else where(b, start)
    return Html("{}: {} {}").format(tag("strong", f"{who} ({act})"), said, ref)


def disputes_table(b: Bundle, disputes: pd.DataFrame | None = None) -> Html:
    """One row per dispute of ``disputes`` (stored: all, sharpest first), both positions side by side."""
    d = b.disputes if disputes is None else disputes
    if not len(d):
        return empty(
            "No two parties take contradicting positions on the same matter (a demand and a refusal, an "
            "accusation and a denial, different figures) in this article."
        )
    rows = [
        [
            tag("span", r.matter or "—", id=anchor_id(r.dispute_id)),
            _side(b, r.a_actor, r.a_act, r.a_claim_id, r.a_start, r.a_end),
            _side(b, r.b_actor, r.b_act, r.b_claim_id, r.b_start, r.b_end),
            r.kind,
        ]
        for _, r in d.iterrows()
    ]
    first = d.iloc[0]
    text = (
        f"{plural(len(d), 'point')} of dispute. The sharpest: {first.a_actor} and {first.b_actor} on "
        f"“{first.matter}” ({first.kind}). Each row sets both positions side by side, with their evidence."
    )
    return block(para(text, cls="lead"), table(["Matter", "One side", "The other side", "How"], rows))


# ------------------------------------------------------------------ positions by matter


def position_cell(b: Bundle, ids: list[str]) -> Html:
    """The first position on the matter in a few words, and links to the others."""
    if not ids:
        return Html("")
    p = b.positions.set_index("position_id")
    first = p.loc[ids[0]]
    ref = item_ref(first.claim_id, "claim") if first.claim_id else where(b, first.start)
    out = Html("{}: {} {}").format(tag("strong", first.act), quote(first.text, 70), ref)
    rest = [item_ref(p.loc[i].claim_id, "claim") for i in ids[1:] if p.loc[i].claim_id]
    if rest:
        out = out + tag("span", Html(" also ") + join(rest, " "), cls="small")
    return out


def positions_matrix(
    b: Bundle, matters: pd.DataFrame | None = None, positions: pd.DataFrame | None = None
) -> Html:
    """A column per matter of ``matters`` (stored: the first six), a row per party that takes one of
    ``positions`` (stored: all) on them, in the order the matters name the parties."""
    m = b.matters[:6] if matters is None else matters
    p = b.positions if positions is None else positions
    if not len(m) or not len(p):
        return empty("No party's positions share a matter the analysis could name.")
    matters_ = list(m.itertuples())
    by_id = p.set_index("position_id")
    shown = set(by_id.index)
    named = dict.fromkeys(a for x in matters_ for a in str(x.parties).split(";") if a)
    parties = [a for a in named if a in set(p.actor_id)]
    if not parties:
        return empty("No party's positions share a matter the analysis could name.")
    names = dict(zip(p.actor_id, p.actor, strict=False))
    rows = []
    for actor in parties:
        cells: list[object] = [names.get(actor, actor)]
        for x in matters_:
            ids = [i for i in str(x.positions).split(";") if i in shown and by_id.loc[i].actor_id == actor]
            cells.append(position_cell(b, ids))
        rows.append(cells)
    top = matters_[0]
    text = (
        f"{plural(len(parties), 'party')} take positions on {plural(len(matters_), 'matter')}, each named "
        f"with the article's own words; the most contested is “{top.label}” "
        f"({plural(len(str(top.parties).split(';')), 'party')}). Each cell shows the party's first "
        "position on the matter with its act and links to the others."
    )
    return block(para(text, cls="lead"), table(["Party", *[x.label for x in matters_]], rows, cls="matrix"))


# ------------------------------------------------------------------ the outlet's voice


def editorial_panel(b: Bundle, opinions: pd.DataFrame | None = None) -> Html:
    """The outlet's own remarks of ``opinions`` (stored: every claim in the editorial mode), set apart."""
    e = editorial(b) if opinions is None else opinions
    title = tag("h3", "The outlet’s own voice")
    if not len(e):
        body = para("No editorial opinion was detected: the article reads as reporting.")
        return block(tag("aside", title + body, cls="editorial"))
    items = join(
        tag("li", quote(r.text, 300) + Html(" ") + item_ref(r.claim_id, "claim")) for _, r in e.iterrows()
    )
    text = (
        f"The outlet states {plural(len(e), 'opinion')} in its own voice, attributed to no "
        "source. Read these as commentary, not as reported fact."
    )
    return block(tag("aside", title + para(text) + tag("ul", items), cls="editorial"))
