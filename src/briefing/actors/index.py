"""The resolved entities as the model's actor index, with what the analyst's registry adds."""

from __future__ import annotations

from briefing.actors.resolve import Resolver
from briefing.model import Actor, ActorIndex, Mention
from briefing.registry import Registry


def apply_registry(res: Resolver, registry: Registry) -> None:
    """Reviewed knowledge fills what the text leaves blank; it never creates an actor."""
    for e in res.ents:
        entry = registry.lookup(e.name)
        entry = entry or next((registry.lookup(a) for a in e.aliases if registry.lookup(a)), None)
        if entry is None:
            continue
        e.name = entry.name or e.name
        e.kind = entry.kind or e.kind
        e.role = e.role or entry.role
        e.affiliation = e.affiliation or entry.affiliation
        if e.side == "unknown" and entry.side:
            e.side = entry.side


def to_index(res: Resolver) -> ActorIndex:
    ents = sorted((e for e in res.ents if e.mentions), key=lambda e: e.first)
    actors, mentions = [], []
    for n, e in enumerate(ents, 1):
        aid = f"A{n}"
        actors.append(
            Actor(
                id=aid,
                name=e.name,
                kind=e.kind,
                role=e.role,
                affiliation=e.affiliation,
                side=e.side,
                role_start=e.role_evidence[0] if e.role_evidence else -1,
                role_end=e.role_evidence[1] if e.role_evidence else -1,
                group=e.group,
                expert=e.expert,
                notes=e.notes,
                gender=e.gender if e.kind == "person" else "",
            )
        )
        seen: set[tuple[int, int]] = set()
        for s, t, how in sorted(e.mentions):
            if (s, t) not in seen:
                seen.add((s, t))
                mentions.append(Mention(aid, res.doc.text[s:t], s, t, how))
    mentions.sort(key=lambda m: (m.start, m.end))
    return ActorIndex(tuple(actors), tuple(mentions)).counted()
