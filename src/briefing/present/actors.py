"""01 Actors: the table of actors, the note above it, groups and sides, and who is linked to whom.

Each helper formats the rows it is given, in their order: the notebook selects and sorts them (which
actors, how many mentions, which sides). Without a frame a helper shows the stored table as it is."""

from __future__ import annotations

import pandas as pd

from briefing.io import Bundle
from briefing.present.common import expert_ids, in_context, sentence_id_at
from briefing.present.markup import (
    Html,
    anchor_id,
    badge,
    block,
    empty,
    names_list,
    note,
    para,
    plural,
    reviewed_mark,
    sent_ref,
    table,
    tag,
)


def _or(frame: pd.DataFrame | None, stored: pd.DataFrame) -> pd.DataFrame:
    return stored if frame is None else frame


def first_appearance(b: Bundle, actor_id: str) -> Html:
    m = b.mentions[b.mentions.actor_id == actor_id]
    if not len(m):
        return Html("")
    first = m.sort_values("start").iloc[0]
    return (
        in_context(b, int(first.start), int(first.end)) + Html(" ") + sent_ref(sentence_id_at(b, first.start))
    )


def role_text(row: pd.Series) -> str:
    role, aff = str(row.role or ""), str(row.affiliation or "")
    return role if not aff or aff.lower() in role.lower() else f"{role}; {aff}" if role else aff


def actors_table(b: Bundle, actors: pd.DataFrame | None = None) -> Html:
    """One row per actor of ``actors`` in its order; places go in a line under the table."""
    a = _or(actors, b.actors)
    a = a[a.kind != "place"] if len(a) else a
    if not len(a):
        return empty("No actors were found in this article.")
    rows, experts = [], expert_ids(b)
    for _, r in a.iterrows():
        name = tag("span", r["name"], id=f"actor-{anchor_id(r.actor_id)}", cls="actor-name")
        if r.actor_id in experts:
            name = name + Html(" ") + badge("expert")
        name = name + reviewed_mark(r)
        side = r.side if r.side not in ("unknown", "expert") else ""
        rows.append([name, r.kind, role_text(r), side, int(r.mentions), first_appearance(b, r.actor_id)])
    headers = ["Actor", "Kind", "Role", "Side", "Mentions", "First appearance"]
    return block(table(headers, rows, numeric=[4], cls="actors"), places_line(b, actors))


def places_line(b: Bundle, actors: pd.DataFrame | None = None) -> Html:
    p = _or(actors, b.actors)
    p = p[p.kind == "place"] if len(p) else p
    if not len(p):
        return Html("")
    names = ", ".join(f"{n} ({m})" for n, m in zip(p.name, p.mentions, strict=False))
    return para(f"Places named (context, not actors): {names}.", cls="small")


def actors_note(b: Bundle, actors: pd.DataFrame | None = None) -> Html:
    """The article's counts (the analysis figures) and the first three actors of ``actors``."""
    n = b.count("actors")
    if not n:
        return note("The extraction found no named people, organisations or states.")
    kinds = {"people": "person", "organisations": "organisation", "states": "state", "groups": "group"}
    parts = ", ".join(
        f"{b.count(k)} {k if b.count(k) != 1 else one}" for k, one in kinds.items() if b.count(k)
    )
    a = _or(actors, b.actors)
    a = a[a.kind != "place"] if len(a) else a
    top = list(a.name[:3])
    total = b.count("mentions")
    share = a.mentions[:3].sum() / max(1, total)
    return note(
        f"{plural(n, 'actor')} ({parts}). The article centres on {names_list(top)}, "
        f"who take {share:.0%} of all {total} mentions."
    )


def groups(b: Bundle, actors: pd.DataFrame | None = None) -> Html:
    """Group membership the text states (delegations, coalitions) and each side's actors."""
    a = _or(actors, b.actors)
    if not len(a):
        return empty("No group membership was stated.")
    rows = [[g, ", ".join(sorted(m.name))] for g, m in a[a["group"] != ""].groupby("group")]
    sides = [
        [s, ", ".join(sorted(m.name))]
        for s, m in a[~a.side.isin(["", "unknown"])].groupby("side")
        if set(m.name) != {s}
    ]
    out = []
    if rows:
        out.append(table(["Group stated in the text", "Members"], rows))
    if sides:
        out.append(table(["Side", "Actors"], sides))
    if not out:
        return empty("The text states no group membership and no actor could be placed on a side.")
    return block(*out)


def strongest(b: Bundle, n: int = 3, links: pd.DataFrame | None = None) -> list[str]:
    """The first ``n`` links of ``links`` (stored: by the analysis's rank): the chart's caption names the
    same."""
    links = _or(links, b.links.sort_values("rank") if len(b.links) else b.links)[:n]
    return [f"{r.source_name} – {r.target_name} ({_weight(r)})" for _, r in links.iterrows()]


def _weight(r: pd.Series) -> str:
    parts = [plural(int(r.sentences), "sentence")] if int(r.sentences) else []
    if int(r.speaks):
        parts.append(f"{int(r.speaks)} said about the other")
    return ", ".join(parts)


def links_note(b: Bundle, links: pd.DataFrame | None = None) -> Html:
    ln = _or(links, b.links)
    if not len(ln):
        return note("No two actors appear in the same sentence, so there is no network to draw.")
    text = f"Strongest links: {'; '.join(strongest(b, links=links))}."
    speaks = ln[ln.speaks > 0].sort_values(["speaks", "rank"], ascending=[False, True])[:2]
    about = [f"{r.source_name} and {r.target_name}" for _, r in speaks.iterrows()]
    if about:
        text += f" One speaks about the other most between {'; '.join(about)}."
    return note(text)
