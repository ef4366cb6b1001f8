"""Running the actors stage on hand-written text, for the actors tests."""

from __future__ import annotations

from briefing import lexicon, nlp
from briefing.actors import find_actors
from briefing.ingest import build_document
from briefing.model import Actor, ActorIndex, Document


def find(doc: Document) -> ActorIndex:
    return find_actors(doc, nlp.parse(doc), lexicon.load())


def run(text: str) -> ActorIndex:
    return find(build_document(text))


def actor(idx: ActorIndex, name: str) -> Actor:
    hits = [a for a in idx.actors if a.name == name]
    assert len(hits) == 1, [a.name for a in idx.actors]
    return hits[0]


def surfaces(idx: ActorIndex, a: Actor) -> list[str]:
    return [m.surface for m in idx.mentions_of(a.id)]


def kinds(idx: ActorIndex) -> dict[str, str]:
    return {a.name: a.kind for a in idx.actors}
