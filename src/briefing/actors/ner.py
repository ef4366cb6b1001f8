"""The statistical model's named entities, as one vote beside the rules.

spaCy's entities (PERSON, ORG, GPE, NORP, FAC, LOC, and the labels of things that are no actors: laws,
events, works, dates) are trimmed to the name itself (no leading "the", no possessive, no punctuation at
the edges) so that they line up with the rules' candidates, and are counted per surface: a name the text
uses five times gets five votes. The model is good at telling an organisation's multi-word name from a
person's and at finding where an institution's name ends; it is unreliable on a surname alone ("Osei"
typed ORG, "Trump" typed ORG in "Trump campaign"), which the rules decide.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span

from briefing.lexicon.words import fold

# model label -> the kind it votes for; "none" is a vote that the name is no actor, "other" for a name
# of no actor kind; numbers, money and quantities are left out
KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "LAW": "none",
    "EVENT": "none",
    "WORK_OF_ART": "none",
    "DATE": "none",
    "TIME": "none",
    "LANGUAGE": "none",
    "PRODUCT": "other",  # a name, of no kind the actors know ("Green List" read as a product)
}
_EDGE = frozenset({"the", "The", "'s", "’s", "'", "’", '"', "“", "”", "‘"})


@dataclass(frozen=True)
class Entity:
    start: int  # character offsets of the trimmed name
    end: int
    first: int  # token indices [first, last)
    last: int
    label: str  # the model's label
    kind: str  # what it votes for (KIND_OF_LABEL)


class Entities:
    """The model's entities of one parsed document, indexed by span and by surface."""

    def __init__(self, parsed: SpacyDoc) -> None:
        self.parsed = parsed
        self.all = [e for e in (_trim(span) for span in parsed.ents) if e is not None]
        self.by_span = {(e.start, e.end): e for e in self.all}
        self.by_token: dict[int, Entity] = {i: e for e in self.all for i in range(e.first, e.last)}
        self.votes: dict[str, Counter] = {}
        text = parsed.text  # built from the tokens on every access: once
        for e in self.all:
            self.votes.setdefault(fold(text[e.start : e.end]), Counter())[e.kind] += 1

    def at(self, start: int, end: int) -> Entity | None:
        """The entity whose trimmed name is exactly ``text[start:end]``."""
        return self.by_span.get((start, end))

    def over(self, token: int) -> Entity | None:
        return self.by_token.get(token)

    def kinds_of(self, surface: str) -> Counter:
        """Votes for every entity the model found with this surface, anywhere in the document."""
        return self.votes.get(fold(surface), Counter())


def _trim(span: Span) -> Entity | None:
    kind = KIND_OF_LABEL.get(span.label_)
    if kind is None:
        return None
    a, b = span.start, span.end
    doc = span.doc
    while a < b and (doc[a].text in _EDGE or doc[a].is_punct or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].text in _EDGE or doc[b - 1].is_space or doc[b - 1].text in ",;:)(-–—"):
        b -= 1
    if a >= b:
        return None
    if any(doc[k].is_sent_start for k in range(a + 1, b)) or any("\n" in doc[k].text for k in range(a, b)):
        return None  # the model read across a sentence or a line ("the U.S. Washington has ...")
    return Entity(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), a, b, span.label_, kind)
