"""The data model every stage passes on: frozen dataclasses with character offsets as evidence.

All offsets are Python ``str`` indices into ``Document.text``, end exclusive.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

Span = tuple[int, int]

SENTENCE_KINDS = ("headline", "body", "byline", "boilerplate")
ACTOR_KINDS = ("person", "organisation", "state", "place", "group")
CLAIM_MODES = ("direct", "indirect", "editorial", "unattributed")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    id: int
    start: int
    end: int
    paragraph: int
    kind: str  # one of SENTENCE_KINDS


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
    published_from: str = "unknown"  # "argument", "text" or "unknown"
    published_evidence: Span | None = None  # where the text states the date

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


@dataclass(frozen=True)
class Actor:
    id: str  # "A1", "A2", ... in order of first mention
    name: str
    kind: str  # one of ACTOR_KINDS
    role: str = ""
    affiliation: str = ""
    side: str = "unknown"
    role_evidence: Span | None = None
    group: str = ""  # e.g. "Russian delegation" when the text states membership
    expert: bool = False  # an outside analyst rather than a party
    notes: str = ""


@dataclass(frozen=True)
class Mention:
    actor_id: str
    surface: str
    start: int
    end: int
    how: str = "name"  # name, alias, typo, title, metonym, pronoun, demonym


@dataclass
class ActorIndex:
    """The actors of a document and every place the text refers to them."""

    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

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
    id: str  # "C1", ...
    speaker_id: str  # actor id, "" when there is none
    speaker: str  # the speaker's canonical name, or "" (editorial)
    cue: str  # the verb or phrase of communication ("said", "according to", "(byline)")
    mode: str  # one of CLAIM_MODES
    text: str
    start: int
    end: int
    sentence_id: int
    cue_start: int = -1
    cue_end: int = -1
    claim_type: str = "assertion"  # assertion, demand, refusal, assessment, warning, condition
    hedges: str = ""  # hedging words found in the claim, ";"-separated
    speaker_surface: str = ""  # how the text names the speaker at the cue ("She", "the Kremlin")


@dataclass(frozen=True)
class Event:
    """A time expression, resolved against the publication date, and what happened then."""

    id: str  # "E1", ...
    date_text: str
    start: int
    end: int
    date: str  # ISO "YYYY", "YYYY-MM", "YYYY-MM-DD", "A/B", or "" when unresolved
    precision: str  # day, week, month, year, range, duration, unknown
    description: str
    actor_ids: tuple[str, ...] = ()
    sentence_id: int = -1
    tense: str = "past"  # past, present, planned


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


@dataclass(frozen=True)
class Expert:
    actor_id: str
    name: str
    credentials: str
    evidence_start: int
    evidence_end: int
    channel: str = ""  # "in a lengthy post on X", "told Reuters", ...


@dataclass
class Extraction:
    """Everything extraction finds in one document; what ``io.write_extraction`` writes."""

    document: Document
    actors: ActorIndex
    claims: list[Claim]
    events: list[Event]
    experts: list[Expert] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
