"""Build an extraction by hand from our own sentences, for the analysis tests (no tests here).

The analysis is tested on what the extraction would give it (actors, mentions, claims with cue and
content offsets), so a test fails only when the analysis itself goes wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from briefing.commentary import find_experts
from briefing.ingest import build_document
from briefing.model import Actor, ActorIndex, Claim, Event, Extraction, Mention


@dataclass
class Who:
    id: str
    name: str
    kind: str = "person"
    side: str = "unknown"
    surfaces: tuple[str, ...] = ()  # how the text names it, besides its name
    role: str = ""
    typos: tuple[str, ...] = ()  # misspellings of its name the text carries


@dataclass
class Said:
    id: str
    who: str
    cue: str
    content: str
    mode: str = "indirect"
    claim_type: str = "assertion"


@dataclass
class When:
    id: str
    text: str
    date: str
    precision: str = "day"
    tense: str = "past"


@dataclass
class Story:
    text: str
    people: list[Who]
    said: list[Said] = field(default_factory=list)
    dates: list[When] = field(default_factory=list)
    published: date | None = date(2025, 3, 10)

    def extraction(self) -> Extraction:
        doc = build_document(self.text, "own.txt", self.published)
        actors, mentions = [], []
        for w in self.people:
            role = (w.role, *_first(self.text, w.role)) if w.role and w.role in self.text else ("", -1, -1)
            actors.append(
                Actor(w.id, w.name, w.kind, role[0], side=w.side, role_start=role[1], role_end=role[2])
            )
            for surface in dict.fromkeys((w.name, *w.surfaces, *w.typos)):
                how = "pronoun" if surface.lower() in ("he", "she", "it", "they", "him", "them") else "name"
                how = "typo" if surface in w.typos else how
                for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", self.text):
                    mentions.append(Mention(w.id, surface, m.start(), m.end(), how))
        index = ActorIndex(tuple(actors), tuple(_outermost(mentions))).counted()
        claims = [self._claim(doc, s, {a.id: a.name for a in actors}) for s in self.said]
        events = [self._event(doc, e) for e in self.dates]
        experts, findings = find_experts(doc, index, claims)
        return Extraction(doc, index, tuple(claims), tuple(events), tuple(experts), tuple(findings))

    def _claim(self, doc, s: Said, names: dict[str, str]) -> Claim:
        a = self.text.index(s.content)
        hits = [m.start() for m in re.finditer(re.escape(s.cue), self.text)]
        cue = min(hits, key=lambda i: abs(i - a)) if hits else -1
        sent = doc.sentence_at(a)
        return Claim(
            s.id,
            s.who,
            names.get(s.who, ""),
            s.cue,
            s.mode,
            s.content,
            a,
            a + len(s.content),
            sent.id if sent else -1,
            cue,
            cue + len(s.cue) if cue >= 0 else -1,
            s.claim_type,
        )

    def _event(self, doc, e: When) -> Event:
        a = self.text.index(e.text)
        sent = doc.sentence_at(a)
        return Event(e.id, e.text, a, a + len(e.text), e.date, e.precision, "", (), sent.id, e.tense)


def _first(text: str, part: str) -> tuple[int, int]:
    i = text.index(part)
    return i, i + len(part)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """One mention per span: a surface inside a longer one of the same actor is dropped."""
    keep = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if keep and m.start < keep[-1].end:
            continue
        keep.append(m)
    return keep


def test_a_quote_in_the_bottom_line_never_carries_its_attribution() -> None:
    from briefing.analysis.phrasing import quoted

    two = "“Orders were thin, though margins held,” wrote Okonkwo. “We expect a slower spring.”"
    assert quoted(two) == "“Orders were thin, though margins held.”"
    assert quoted("“We will not sign,” the minister said") == "“We will not sign.”"
    assert quoted('the "golden share" stays with the state') == '“the "golden share" stays with the state.”'


def test_a_name_ending_in_s_takes_the_apostrophe_alone() -> None:
    from briefing.analysis.naming import possessive

    assert possessive("the unions") == "the unions’"
    assert possessive("Kenya") == "Kenya’s"
