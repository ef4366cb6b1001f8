"""02 Claims and positions: claims by speaker and by act, points of dispute, positions by matter, and
the outlet's own voice."""

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


def claims_by_speaker(b: Bundle) -> Html:
    c = attributed(b)
    if not len(c):
        return empty("No claim in this article is attributed to a named source.")
    act = acts(b)
    order = c.assign(_who=[speaker_label(r) for _, r in c.iterrows()])
    out = []
    for who in order._who.value_counts().index:
        rows = [
            [
                item_ref(r.claim_id, "claim") + reviewed_mark(r),
                act.get(r.claim_id, ""),
                r["mode"],
                quote(r.text, 300),
                str(r.hedges).replace(";", ", "),
                sent_ref(r.sentence_id),
            ]
            for _, r in order[order._who == who].iterrows()
        ]
        out.append(tag("h4", f"{who} — {plural(len(rows), 'claim')}"))
        out.append(table(["", "Act", "Mode", "What was said", "Hedges", "Where"], rows, cls="claims"))
    return block(*out)


def claims_by_type(b: Bundle) -> Html:
    """Speakers by the act of their claims (demand, refusal, ...), as the analysis classed them."""
    p = b.positions
    p = p[p.claim_id != ""] if len(p) else p
    if not len(p):
        return empty("There are no attributed claims to count by act.")
    ct = pd.crosstab(p.actor, p.act)
    ct = ct.loc[ct.sum(axis=1).sort_values(ascending=False).index]
    rows = [[name, *[int(v) or "" for v in ct.loc[name]]] for name in ct.index]
    cols = list(ct.columns)
    top = p.act.value_counts()
    lead = para(f"Commonest act: {top.index[0]} ({top.iloc[0]} of {len(p)} claims).", cls="lead")
    return block(lead, table(["Speaker", *cols], rows, numeric=list(range(1, len(cols) + 1))))


# ------------------------------------------------------------------ points of dispute


def _side(b: Bundle, who: str, act: str, claim_id: str, start: int, end: int) -> Html:
    said = quote(b.span(start, end), 260)
    ref = item_ref(claim_id, "claim") if claim_id else where(b, start)
    return Html("{}: {} {}").format(tag("strong", f"{who} ({act})"), said, ref)


def disputes_table(b: Bundle) -> Html:
    d = b.disputes
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


def positions_matrix(b: Bundle) -> Html:
    m, p = b.matters, b.positions
    if not len(m) or not len(p):
        return empty("No party's positions share a matter the analysis could name.")
    matters = list(m.itertuples())[:6]
    by_id = p.set_index("position_id")
    parties = list(dict.fromkeys(a for x in matters for a in str(x.parties).split(";") if a))
    names = dict(zip(p.actor_id, p.actor, strict=False))
    rows = []
    for actor in parties:
        cells: list[object] = [names.get(actor, actor)]
        for x in matters:
            ids = [i for i in str(x.positions).split(";") if i and by_id.loc[i].actor_id == actor]
            cells.append(position_cell(b, ids))
        rows.append(cells)
    top = matters[0]
    text = (
        f"{plural(len(parties), 'party')} take positions on {plural(len(matters), 'matter')}, each named "
        f"with the article's own words; the most contested is “{top.label}” "
        f"({plural(len(str(top.parties).split(';')), 'party')}). Each cell shows the party's first "
        "position on the matter with its act and links to the others."
    )
    return block(para(text, cls="lead"), table(["Party", *[x.label for x in matters]], rows, cls="matrix"))


# ------------------------------------------------------------------ the outlet's voice


def editorial_panel(b: Bundle) -> Html:
    e = editorial(b)
    title = tag("h3", "The outlet’s own voice")
    if not len(e):
        body = para("No editorial opinion was detected: the article reads as reporting.")
        return block(tag("aside", title + body, cls="editorial"))
    items = join(
        tag("li", quote(r.text, 300) + Html(" ") + item_ref(r.claim_id, "claim")) for _, r in e.iterrows()
    )
    text = (
        f"The outlet states {plural(b.count('editorial'), 'opinion')} in its own voice, attributed to no "
        "source. Read these as commentary, not as reported fact."
    )
    return block(tag("aside", title + para(text) + tag("ul", items), cls="editorial"))
