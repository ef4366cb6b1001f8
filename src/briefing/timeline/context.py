"""What a resolver sees: the publication date, the clause's tense and what the text named before."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from briefing.ingest import MONTHS
from briefing.timeline.words import NUMBERS, SPOKEN_TENS, SPOKEN_UNITS


@dataclass
class Context:
    """The publication date, the tense and the document's conventions and anaphora anchors."""

    pub: date | None
    india_fy: bool = False
    last_year: int | None = None  # the year of the last expression resolved (for "the following year")
    last_day: date | None = None  # the last single day resolved (for "that day", "the next day")
    last_period: tuple[str, str] | None = None  # the last (date, precision) resolved ("a year earlier")
    last_period_at: int = -1  # where that expression starts
    report: str | None = None  # the quarter (or half) a company reports on: "the quarter", "year-ago quarter"
    compare: str | None = None  # the span its figures cover, last named: that quarter, or "nine months" year
    last_quarter: str | None = None  # the last quarter named, a year-ago one too ("that quarter")
    year_named: tuple[int, int] | None = None  # (year, offset) of the last year written out
    sentence_start: int = 0  # where the sentence of the expression being resolved starts
    fy_end: int | None = None  # the month the company's fiscal year ends, once the text has said it
    stand_ins: set[str] = field(default_factory=set)  # calendar periods shown for undefined fiscal ones
    _tense: str | None = field(default=None, repr=False)
    _tense_of: Callable[[], str] | None = field(default=None, repr=False)

    def at(self, sentence_start: int, tense_of: Callable[[], str]) -> None:
        """Move on to the next expression: its sentence, and how to read its clause's tense if asked."""
        self.sentence_start, self._tense, self._tense_of = sentence_start, None, tense_of

    @property
    def tense(self) -> str:
        """past, present, planned or "": read (by parse, which costs) only when a resolver asks."""
        if self._tense is None:
            self._tense = self._tense_of() if self._tense_of else ""
        return self._tense

    @tense.setter
    def tense(self, value: str) -> None:
        self._tense = value

    @property
    def tense_read(self) -> bool:
        return self._tense is not None

    def note(self, kind: str, value: str, precision: str, start: int = 0, reports: bool = False) -> None:
        """Remember what an expression resolved to, as the anchor of the anaphora that follow it."""
        if precision == "day" and len(value) == 10:
            self.last_day = date.fromisoformat(value)  # "yesterday ... the next day" too
        if not value or kind in _NOT_ANCHORS:
            return
        if precision == "fiscal":
            self.stand_ins.add(value)
        if value[:4].isdigit():
            self.last_year = int(value[:4])
        if kind == "months_to_date":
            if value[5:7] == "01":  # "the first nine months": a part of a year, compared as that year
                value, precision = value[:4], "year"
            self.compare = value if reports else self.compare
        if kind not in _SHIFTED:
            self.last_period, self.last_period_at = (value, precision), start
        if is_quarter(value):
            self.last_quarter = value
        if kind in _REPORT_KINDS and reports:
            self._reported(value)
        if kind in _WRITTEN_YEARS:
            self.year_named = (int(value[:4]), start)

    def _reported(self, value: str) -> None:
        """A quarter or half named without a year is reported on once it has ended; of several, the latest."""
        end = value[-7:]
        if self.pub is None or end >= f"{self.pub.year:04d}-{self.pub.month:02d}":
            return
        if self.report is None or end > self.report[-7:]:
            self.report = value
        self.compare = self.report

    def precision_of(self, period: str) -> str:
        """How precise a period referred back to is: 'fiscal' when it stands in for an undefined fiscal
        period, else 'year' or 'range'."""
        if period in self.stand_ins:
            return "fiscal"
        return "year" if len(period) == 4 else "range"

    def pick(self, candidates: list[date]) -> date | None:
        """The candidate consistent with the tense: latest on/before, earliest on/after, or nearest."""
        if self.pub is None:
            return None
        before = [c for c in candidates if c <= self.pub]
        after = [c for c in candidates if c >= self.pub]
        if self.tense == "past" and before:
            return max(before)
        if self.tense == "planned" and after:
            return min(after)
        return min(candidates, key=lambda c: (abs((c - self.pub).days), c > self.pub))


_NOT_ANCHORS = frozenset(
    {"relative_day", "clock", "part_of_day", "overnight"}
)  # "today" names no period in the story
_REPORT_KINDS = frozenset({"quarter", "half", "report"})  # what a company reports results for
_SHIFTED = frozenset({"duration", "anchored_year", "report_before"})  # "a year earlier" twice is not 2 years
_WRITTEN_YEARS = frozenset({"full_date", "month_year", "year", "spoken_year", "year_rel", "month_range"})


def is_quarter(value: str) -> bool:
    """'2023-07/2023-09': three months from the first of a month."""
    a, _, b = value.partition("/")
    if not (len(a) == len(b) == 7 and a[4] == b[4] == "-"):
        return False
    return (int(b[:4]) * 12 + int(b[5:])) - (int(a[:4]) * 12 + int(a[5:])) == 2


Resolved = tuple[str, str] | None  # (date, precision)
Resolver = Callable[[re.Match, Context], Resolved]


def group(m: re.Match, *names: str) -> str:
    """The first non-empty named group among ``names``, lower-cased ("" when none)."""
    groups = m.groupdict()
    return next((groups[n].lower() for n in names if groups.get(n)), "")


def count(word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.lower().strip())
    return int(word) if word.isdigit() else NUMBERS.get(word.removesuffix(" of"))


def day_no(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def month_no(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")[:3] if word.lower()[:4] != "sept" else "sep"]


def spoken_year(words: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000."""
    parts = re.split(r"[\s-]+", words.lower().replace(" and ", " "))
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(SPOKEN_UNITS.get(p, 0) for p in parts[2:])
    century = {"nineteen": 1900, "twenty": 2000}.get(parts[0])
    if century is None:
        return None
    rest = 0
    for p in parts[1:]:
        rest += SPOKEN_TENS.get(p, SPOKEN_UNITS.get(p, 0))
    return century + rest
