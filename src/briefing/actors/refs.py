"""References that are not names, in the order they build on each other: bylines, states' bodies and
offices, leader titles, pronouns, then descriptions ("the company", "the government", "police")."""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc

from briefing.actors.credits import bylines
from briefing.actors.descriptions import descriptions, state_government, the_police
from briefing.actors.pronouns import resolve_pronouns
from briefing.actors.resolve import Resolver
from briefing.actors.titles import head_of_government, leader_titles, state_bodies, unnamed_officers
from briefing.model import Document


def add_references(doc: Document, sdoc: SpacyDoc, res: Resolver) -> None:
    bylines(doc, res)
    state_bodies(doc, res)
    unnamed_officers(doc, res)
    leader_titles(doc, res)
    head_of_government(doc, res)
    resolve_pronouns(doc, sdoc, res)
    descriptions(doc, res)
    the_police(doc, res)
    state_government(doc, res)
