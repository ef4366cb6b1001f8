"""What a resolver sees: the publication date, the clause's tense and what the text named before."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from briefing.ingest import MONTHS
from briefing.timeline.words import NUMBERS, SPOKEN_TENS, SPOKEN_UNITS


@dataclass
class Context:
    """The publication date, the tense and the document's conventions and anaphora anchors."""

    pub: date | None
    tense: str
    india_fy: bool = False
    last_year: int | None = None  # the year of the last expression resolved (for "the following year")
    last_day: date | None = None  # the last single day resolved (for "that day", "the next day")
    last_period: tuple[str, str] | None = None  # the last (date, precision) resolved ("a year earlier")

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
