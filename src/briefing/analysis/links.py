"""Who is linked to whom: sentences naming both actors, and claims in which one speaks about the other.

Computed once and ranked once, so the network chart's caption and the paragraph beside it name the
same strongest links.
"""

from __future__ import annotations

import bisect
from collections import Counter

from briefing.analysis.context import Context
from briefing.model import Link

TOP = 12  # the most mentioned actors (places aside) that the network shows


def find_links(ctx: Context, top: int = TOP) -> list[Link]:
    actors = sorted(
        (a for a in ctx.ex.actors.counted().actors if a.kind != "place" and a.mentions > 0),
        key=lambda a: (-a.mentions, _num(a.id)),
    )[:top]
    keep = {a.id for a in actors}
    sentences = _sentences_of(ctx, keep)
    pairs: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], int] = {}
    ids = [a.id for a in actors]
    for i, x in enumerate(ids):
        for y in ids[i + 1 :]:
            shared = sentences.get(x, set()) & sentences.get(y, set())
            if shared:
                pairs[(x, y)] += len(shared)
                first[(x, y)] = min(shared)
    speaks: Counter[tuple[str, str]] = Counter()
    for c in ctx.attributed():
        if c.speaker_id not in keep:
            continue
        for target in {m.actor_id for m in ctx.mentions_in(c.start, c.end)} & keep - {c.speaker_id}:
            speaks[_pair(ids, c.speaker_id, target)] += 1
    rows = []
    for key in set(pairs) | set(speaks):
        x, y = key
        s = ctx.doc.sentences[first[key]] if key in first else None
        rows.append(
            (pairs[key] + speaks[key], pairs[key], speaks[key], x, y, (s.start, s.end) if s else (-1, -1))
        )
    rows.sort(key=lambda r: (-r[0], -r[1], ids.index(r[3]), ids.index(r[4])))
    return [
        Link(x, y, ctx.name(x), ctx.name(y), n, k, w, rank, *ev)
        for rank, (w, n, k, x, y, ev) in enumerate(rows, 1)
    ]


def _num(actor_id: str) -> int:
    digits = "".join(ch for ch in actor_id if ch.isdigit())
    return int(digits) if digits else 0


def _pair(order: list[str], a: str, b: str) -> tuple[str, str]:
    return (a, b) if order.index(a) < order.index(b) else (b, a)


def _sentences_of(ctx: Context, keep: set[str]) -> dict[str, set[int]]:
    """For each actor kept, the ids of the sentences that mention it."""
    starts = [s.start for s in ctx.doc.sentences]
    out: dict[str, set[int]] = {}
    for m in ctx.mentions:
        if m.actor_id in keep:
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0:
                out.setdefault(m.actor_id, set()).add(ctx.doc.sentences[i].id)
    return out
