"""The data model every stage passes on: frozen dataclasses with character offsets as evidence.

All offsets are Python ``str`` indices into ``Document.text``, end exclusive.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Literal, get_args

Span = tuple[int, int]

SentenceKind = Literal["headline", "body", "byline", "boilerplate"]
ActorKind = Literal["person", "organisation", "state", "place", "group"]
ClaimMode = Literal["direct", "indirect", "editorial", "unattributed"]
SENTENCE_KINDS: tuple[str, ...] = get_args(SentenceKind)
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
CLAIM_MODES: tuple[str, ...] = get_args(ClaimMode)


def column(name: str) -> dict[str, str]:
    """Field metadata: the field is written to its CSV under ``name`` (see ``briefing.io``)."""
    return {"column": name}


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    id: int = field(metadata=column("sentence_id"))
    start: int
    end: int
    paragraph: int
    kind: SentenceKind
    reviewed: bool = False  # changed or confirmed by the analyst's corrections (briefing.reviews)


@dataclass(frozen=True)
class Quote:
    """The words between one pair of quotation marks, within one paragraph.

    A quote that runs over several paragraphs is several ``Quote`` parts sharing ``group``:
    every part but the last has ``closed=False``.
    """

    start: int  # first character inside the marks
    end: int  # just before the closing mark (or the paragraph end when unclosed)
    paragraph: int
    group: int
    closed: bool


@dataclass(frozen=True)
class Document:
    """An article after ingest: the exact text, its paragraphs, sentences and quotes."""

    text: str
    source: str  # file name, for messages and provenance
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    published: date | None = None
    published_from: str = "unknown"  # "argument", "file", "text" or "unknown"
    published_evidence: Span | None = None  # where the text states the date
    # What the file says about the article (a saved page's JSON-LD and Open Graph, a PDF's or Word
    # file's properties); "" where it says nothing. ``origins`` tells where each value was found, as
    # (field, origin) pairs: ("title", "JSON-LD headline"), ("published", "Open Graph
    # article:published_time").
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    source_format: str = "text"  # text, html, pdf or docx: what the file was, recognised by its content
    origins: tuple[tuple[str, str], ...] = ()

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``, or None (between sentences)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def span_text(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    def body_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if s.kind == "body"]

    def origin(self, name: str) -> str:
        """Where the file states ``name`` (title, outlet, author, url, published), or ""."""
        return dict(self.origins).get(name, "")


@dataclass(frozen=True)
class Actor:
    id: str = field(metadata=column("actor_id"))  # "A1", "A2", ... in order of first mention
    name: str
    kind: ActorKind
    role: str = ""
    affiliation: str = ""
    side: str = "unknown"
    mentions: int = 0  # how many mentions the index holds (set by ``ActorIndex.counted``)
    group: str = ""  # e.g. "Russian delegation" when the text states membership
    expert: bool = False  # an outside analyst rather than a party
    role_start: int = -1  # where the text states the role, -1 when it does not
    role_end: int = -1
    notes: str = ""
    reviewed: bool = False  # changed or confirmed by the analyst's corrections (briefing.reviews)
    gender: str = ""  # "m" or "f" when the text shows it (a courtesy title, a given name), else ""

    @property
    def role_evidence(self) -> Span | None:
        return (self.role_start, self.role_end) if self.role_start >= 0 else None


@dataclass(frozen=True)
class Mention:
    actor_id: str
    surface: str
    start: int
    end: int
    how: str = "name"  # name, alias, typo, title, metonym, pronoun, demonym, description
    reviewed: bool = False  # changed or confirmed by the analyst's corrections (briefing.reviews)


@dataclass(frozen=True)
class ActorIndex:
    """The actors of a document and every place the text refers to them."""

    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def merged(self, actors: Sequence[Actor], mentions: Sequence[Mention]) -> ActorIndex:
        """A new index with ``actors`` added and ``mentions`` added; a new mention replaces an earlier
        one of the same span (a pronoun a later stage resolved differently). Counts are refreshed."""
        spans = {(m.start, m.end) for m in mentions}
        kept = [m for m in self.mentions if (m.start, m.end) not in spans]
        merged = sorted([*kept, *mentions], key=lambda m: (m.start, m.end))
        return ActorIndex((*self.actors, *actors), tuple(merged)).counted()

    def counted(self) -> ActorIndex:
        """The same index with each actor's ``mentions`` count set from its mentions."""
        n = Counter(m.actor_id for m in self.mentions)
        return ActorIndex(tuple(replace(a, mentions=n[a.id]) for a in self.actors), self.mentions)

    def get(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def mentions_of(self, actor_id: str) -> list[Mention]:
        return [m for m in self.mentions if m.actor_id == actor_id]

    def mention_in(self, start: int, end: int) -> Mention | None:
        """The longest mention overlapping [start, end), or None."""
        hits = [m for m in self.mentions if m.start < end and start < m.end]
        return max(hits, key=lambda m: (m.end - m.start, -m.start), default=None)


@dataclass(frozen=True)
class Claim:
    id: str = field(metadata=column("claim_id"))  # "C1", ...
    speaker_id: str  # actor id, "" when there is none
    speaker: str  # the speaker's canonical name, or "" (editorial)
    cue: str  # the verb or phrase of communication ("said", "according to", "(byline)")
    mode: ClaimMode
    text: str
    start: int
    end: int
    sentence_id: int
    cue_start: int = -1
    cue_end: int = -1
    claim_type: str = "assertion"  # assertion, demand, refusal, assessment, warning, condition
    hedges: str = ""  # hedging words found in the claim, ";"-separated
    speaker_surface: str = ""  # how the text names the speaker at the cue ("She", "the Kremlin")
    reviewed: bool = False  # changed or confirmed by the analyst's corrections (briefing.reviews)


@dataclass(frozen=True)
class Event:
    """A time expression, resolved against the publication date, and what happened then."""

    id: str = field(metadata=column("event_id"))  # "E1", ...
    date_text: str
    start: int
    end: int
    date: str  # ISO "YYYY", "YYYY-MM", "YYYY-MM-DD", "A/B", or "" when unresolved
    precision: str  # day, week, month, year, range, duration, unknown
    description: str
    actor_ids: tuple[str, ...] = ()
    sentence_id: int = -1
    tense: str = "past"  # past, present, planned
    reviewed: bool = False  # changed or confirmed by the analyst's corrections (briefing.reviews)


@dataclass(frozen=True)
class Finding:
    """One piece of an outside expert's assessment, taken from the expert's own words."""

    expert_id: str
    kind: str  # judgement, reasoning, motive, prediction, belief
    text: str
    start: int
    end: int
    claim_id: str = ""
    likelihood: str = ""  # ICD 203 term, or "" when stated without hedging
    likelihood_words: str = ""
    reviewed: bool = False  # changed or confirmed by the analyst's corrections (briefing.reviews)


@dataclass(frozen=True)
class Expert:
    actor_id: str
    name: str
    credentials: str
    evidence_start: int
    evidence_end: int
    channel: str = ""  # "in a lengthy post on X", "told Reuters", ...
    reviewed: bool = False  # changed or confirmed by the analyst's corrections (briefing.reviews)


@dataclass(frozen=True)
class ReviewSummary:
    """What the analyst's corrections file did to one extraction (see ``briefing.reviews``)."""

    file: str = ""  # the corrections file as the analyst knows it ("data/reviews/x.yaml"), "" when none
    sha256: str = ""  # of the file's bytes, as applied
    corrections: int = 0  # entries in the file
    applied: int = 0  # entries in effect after this run (the rest are ``warnings``)
    warnings: tuple[str, ...] = ()  # one line per correction that no longer matches the article


@dataclass(frozen=True)
class Extraction:
    """Everything extraction finds in one document; what ``io.write_extraction`` writes."""

    document: Document
    actors: ActorIndex
    claims: tuple[Claim, ...]
    events: tuple[Event, ...]
    experts: tuple[Expert, ...] = ()
    findings: tuple[Finding, ...] = ()
    review: ReviewSummary = ReviewSummary()
