"""What every analysis step looks things up in: the extraction, its parse and a few indexes, built once."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span

from briefing.analysis.parse import BUDGET_WORDS, parse, span_of
from briefing.model import Actor, Claim, Document, Extraction, Mention

UNSIDED = ("", "unknown", "expert", "media")
LEAD_SENTENCES = 3


def _from(items: list, i: int):
    """items[i:], without copying the list (a long text has hundreds of thousands of mentions)."""
    for j in range(i, len(items)):
        yield items[j]


def wanted_sentences(ex: Extraction) -> set[int]:
    """The sentences the analysis reads the parse of: claims, act verbs, the lead, planned events."""
    from briefing.analysis.words import cue_stems

    doc = ex.document
    out = {s.id for s in doc.body_sentences()[:LEAD_SENTENCES]}
    out |= {c.sentence_id for c in ex.claims}
    out |= {s.id for c in ex.claims if (s := doc.sentence_at(c.start)) is not None}
    out |= {e.sentence_id for e in ex.events if e.tense == "planned"}
    stems = cue_stems()
    out |= {s.id for s in doc.body_sentences() if stems.search(doc.text, s.start, s.end)}
    return out


@dataclass
class Context:
    ex: Extraction
    parsed: Doc
    experts: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, ex: Extraction, parsed: Doc | None = None) -> Context:
        experts = frozenset(x.actor_id for x in ex.experts)
        # the extraction's parse when it is of this text and within the analysis's budget; a wire dump
        # is parsed again, only in the sentences that matter, so that the analysis stays linear
        if parsed is None or parsed.text != ex.document.text or len(parsed) > BUDGET_WORDS * 2:
            parsed = parse(ex.document, wanted_sentences(ex))
        return cls(ex, parsed, experts)

    @property
    def doc(self) -> Document:
        return self.ex.document

    @cached_property
    def actors(self) -> dict[str, Actor]:
        return {a.id: a for a in self.ex.actors.actors}

    def name(self, actor_id: str) -> str:
        a = self.actors.get(actor_id)
        return a.name if a else ""

    def role(self, actor_id: str) -> str:
        a = self.actors.get(actor_id)
        if actor_id in self.experts:
            return "expert"
        if a is not None and a.side == "media":
            return "media"
        return "party"

    def side(self, actor_id: str) -> str:
        """The actor's side; else the side of the organisation its role names ("general secretary of
        the Health and Care Workers Union"); else the actor itself. Positions are grouped by it."""
        if actor_id not in self._sides:
            self._sides[actor_id] = self._side(actor_id)
        return self._sides[actor_id]

    @cached_property
    def _sides(self) -> dict[str, str]:
        return {}

    def _side(self, actor_id: str) -> str:
        a = self.actors.get(actor_id)
        if a is None:
            return actor_id or "?"
        if a.side not in UNSIDED:
            return a.side
        home = self._home(a)
        return self.side(home.id) if home is not None and home.id != a.id else a.id

    def _home(self, a: Actor) -> Actor | None:
        described = f"{a.affiliation} {a.role} {a.group}"
        found = [
            o
            for o in self.actors.values()
            if o.kind in ("organisation", "state", "group")
            and o.id != a.id
            and len(o.name) > 3
            and o.name in described
        ]
        return max(found, key=lambda o: len(o.name), default=None)

    @cached_property
    def mentions(self) -> list[Mention]:
        return sorted(self.ex.actors.mentions, key=lambda m: (m.start, -m.end))

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside [start, end), outermost only (a title holding a demonym: the title)."""
        i = bisect.bisect_left(self._mention_starts, start)
        out: list[Mention] = []
        for m in _from(self.mentions, i):
            if m.start >= end:
                break
            if m.end <= end and not (out and m.start < out[-1].end):
                out.append(m)
        return out

    def every_mention_in(self, start: int, end: int) -> list[Mention]:
        """Every mention inside [start, end), nested ones too, by start."""
        i = bisect.bisect_left(self._mention_starts, start)
        out = []
        for m in _from(self.mentions, i):
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def mention_in_sentence(self, actor_id: str, start: int, end: int) -> tuple[int, int] | None:
        """The first mention of ``actor_id`` within [start, end), as offsets."""
        m = next((m for m in self.mentions_in(start, end) if m.actor_id == actor_id), None)
        return (m.start, m.end) if m else None

    def mention_covering(self, start: int, end: int) -> Mention | None:
        """The longest mention containing [start, end) (mentions are short: a few to look back over)."""
        i = bisect.bisect_right(self._mention_starts, start)
        hits = [m for m in self.mentions[max(0, i - 12) : i] if m.start <= start and end <= m.end]
        return max(hits, key=lambda m: m.end - m.start, default=None)

    @cached_property
    def by_actor(self) -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = {}
        for m in self.mentions:
            out.setdefault(m.actor_id, []).append(m)
        return out

    def span(self, start: int, end: int) -> Span | None:
        return span_of(self.parsed, start, end) if 0 <= start < end else None

    @cached_property
    def _chunks(self) -> list[Span]:
        return list(self.parsed.noun_chunks)  # once: the doc's noun_chunks walks the whole document

    @cached_property
    def _chunk_starts(self) -> list[int]:
        return [c.start for c in self._chunks]

    @cached_property
    def _ents(self) -> list[Span]:
        return list(self.parsed.ents)

    @cached_property
    def _ent_starts(self) -> list[int]:
        return [e.start for e in self._ents]

    def ents_in(self, span: Span) -> list[Span]:
        """The named entities inside ``span`` (a span's own .ents walks the whole document)."""
        i = bisect.bisect_left(self._ent_starts, span.start)
        out = []
        for e in _from(self._ents, i):
            if e.start >= span.end:
                break
            if e.end <= span.end:
                out.append(e)
        return out

    def chunks_in(self, span: Span) -> list[Span]:
        """The noun phrases inside ``span`` (token offsets)."""
        i = bisect.bisect_left(self._chunk_starts, span.start)
        out = []
        for c in _from(self._chunks, i):
            if c.start >= span.end:
                break
            if c.end <= span.end:
                out.append(c)
        return out

    def clause(self, start: int, end: int) -> Span | None:
        """The tokens of [start, end) without punctuation and quote marks at either end, so that the
        span's root is its main verb and not a full stop attached outside it."""
        span = self.span(start, end)
        if span is None:
            return None
        a, b = span.start, span.end
        while a < b and (span.doc[a].is_punct or span.doc[a].is_space):
            a += 1
        while b > a and (span.doc[b - 1].is_punct or span.doc[b - 1].is_space):
            b -= 1
        return span.doc[a:b] if b > a else None

    @cached_property
    def claims(self) -> dict[str, Claim]:
        return {c.id: c for c in self.ex.claims}

    def attributed(self) -> list[Claim]:
        return self._attributed

    @cached_property
    def _attributed(self) -> list[Claim]:
        return [c for c in self.ex.claims if c.mode in ("direct", "indirect") and (c.speaker_id or c.speaker)]

    def sentence_span(self, offset: int) -> tuple[int, int]:
        s = self.doc.sentence_at(offset)
        return (s.start, s.end) if s else (offset, offset)

    @cached_property
    def quoted(self) -> list[tuple[int, int]]:
        """Spans inside quotation marks (what must be quoted as it is)."""
        return [(q.start, q.end) for q in self.doc.quotes]

    def in_quotes(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.quoted)
