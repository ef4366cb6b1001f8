"""Actors stage: every person, organisation, state and place the article names, once each, with every
way the text refers to it.

``detect`` finds candidate names (rules, gazetteers and the statistical model's entities voting:
``vote``, ``layout``), ``resolve`` merges them into entities (``lone``, ``tidy``), ``refs`` adds the
references that are not names (``credits``, ``titles``, ``pronouns``, ``descriptions``), ``roles`` and
``sides`` read what the text says about each actor, ``index`` makes the model's actor index.
"""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc

from briefing.actors.detect import Detector
from briefing.actors.index import apply_registry, to_index
from briefing.actors.refs import add_references
from briefing.actors.resolve import Resolver
from briefing.actors.roles import describe_roles
from briefing.actors.sides import describe_sides
from briefing.lexicon import Lexicon
from briefing.model import ActorIndex, Document
from briefing.registry import Registry

__all__ = ["find_actors"]


def find_actors(
    doc: Document, parsed: SpacyDoc, lex: Lexicon, registry: Registry | None = None
) -> ActorIndex:
    """Every actor of ``doc`` with all its mentions; ids "A1", "A2", ... in order of first mention.

    ``parsed`` is ``nlp.parse(doc)`` (one tokenisation, the parse and the model's entities);
    ``lex`` the word lists (``lexicon.load``)."""
    det = Detector(doc, parsed, lex)
    res = Resolver(doc, det.ents, lex)
    res.resolve(det.candidates())
    describe_roles(doc, det.sdoc, res)
    add_references(doc, det.sdoc, res)
    describe_sides(doc, res)
    if registry is not None:
        apply_registry(res, registry)
    return to_index(res)
