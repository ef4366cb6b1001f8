"""An actor under construction, and the keys its names are compared by."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from briefing.lexicon.words import fold

# Misspelt surnames: rapidfuzz ratio >= 88 on folded surnames of >= 6 letters sharing their first two
# letters, and only when no actor has the exact spelling. Measured on 11 real typo pairs (Zelenskky/
# Zelenskyy 88.9, Stanovya 94.1, Netanyhu 94.1 ...: 85.7-94.1, accent variants fold to equal) against 21
# distinct look-alike surnames (Sanders/Saunders 93.3, Carson/Carlson 92.3, Corbyn/Corbin 83.3 ...:
# 66.7-93.3): the ratio alone cannot separate them, so exact matches always win and a fuzzy match never
# joins two names that each come with their own first name.
TYPO_RATIO = 88.0


@dataclass(eq=False)
class Ent:
    """An actor under construction."""

    name: str
    kind: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, how)
    state: str = ""
    gender: str = ""
    role: str = ""
    role_evidence: tuple[int, int] | None = None
    affiliation: str = ""
    side: str = "unknown"
    expert: bool = False
    group: str = ""
    notes: str = ""
    aliases: set[str] = field(default_factory=set)  # folded surfaces that name it
    titles: list[tuple[int, int]] = field(default_factory=list)
    venue: bool = False  # a city known only as where things happen

    @property
    def first(self) -> int:
        return min(m[0] for m in self.mentions) if self.mentions else 10**12

    @property
    def surname(self) -> str:
        return fold(self.name.split()[-1]) if self.kind == "person" else ""

    def add(self, start: int, end: int, how: str) -> None:
        self.mentions.append((start, end, how))


def near(a: str, b: str) -> bool:
    if not a or not b or a == b:
        return a == b and bool(a)
    return len(a) >= 6 and len(b) >= 6 and a[:2] == b[:2] and fuzz.ratio(a, b) >= TYPO_RATIO


def nearest_before(people: list[Ent], pos: int) -> Ent:
    """The person with this surname mentioned most recently before ``pos`` (else the first one)."""
    best, best_pos = people[0], -1
    for e in people:
        before = [m[0] for m in e.mentions if m[0] < pos]
        if before and max(before) > best_pos:
            best, best_pos = e, max(before)
    return best


def strip_the(s: str) -> str:
    return s[4:] if s[:4].lower() == "the " else s


def name_key(s: str) -> str:
    k = fold(strip_the(s.strip()))
    for tail in ("'s", "'"):
        if k.endswith(tail):
            k = k[: -len(tail)]
    return k.strip(" .,")
