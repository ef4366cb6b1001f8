"""What the article is about, for references to resolve against: its mentions by sentence, the state
it is mostly about, the actors salient at a point."""

from __future__ import annotations

from collections import Counter

from briefing.actors.entity import Ent
from briefing.actors.resolve import Resolver
from briefing.model import Document


def mentions_sorted(res: Resolver) -> list[tuple[int, int, Ent]]:
    return sorted(((s, t, e) for e in res.ents for s, t, _ in e.mentions), key=lambda x: (x[0], x[1]))


def state_counts(res: Resolver) -> Counter:
    """Mentions of each state, its seats of government and its bodies included ("Downing Street" is the
    United Kingdom's, "Egypt's foreign ministry" Egypt's)."""
    counts: Counter = Counter()
    for e in res.ents:
        if e.kind == "state":
            counts[e.name] += len(e.mentions)
        elif e.kind == "organisation" and e.state:
            counts[e.state] += len(e.mentions)
    return counts


def dominant_state(res: Resolver, counts: Counter) -> str:
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) == 2 and top[0][1] <= top[1][1]):
        return ""
    return top[0][0]


def by_sentence(doc: Document, res: Resolver) -> dict[int, list[tuple[int, Ent]]]:
    by_sent: dict[int, list[tuple[int, Ent]]] = {}
    for s, _, e in mentions_sorted(res):
        sent = doc.sentence_at(s)
        if sent is not None and e.kind in ("person", "organisation", "state", "group"):
            by_sent.setdefault(sent.id, []).append((s, e))
    return by_sent


def salient(doc: Document, by_sent: dict[int, list[tuple[int, Ent]]], sid: int, pos: int, fits) -> Ent | None:
    """Of the fitting actors in this and the three previous sentences, the one mentioned most so far."""
    seen: list[Ent] = []
    for k in range(sid, max(-1, sid - 4), -1):
        seen.extend(e for s, e in by_sent.get(k, ()) if s < pos and fits(e) and e not in seen)
    if not seen:
        return None
    return max(seen, key=lambda e: (sum(1 for s, _, _ in e.mentions if s < pos), -seen.index(e)))
