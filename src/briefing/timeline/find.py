"""Finding time expressions: every pattern's matches in reading order, overlaps settled, each resolved
against the publication date, the clause's tense and what the text named before it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from briefing.timeline.context import Context, Resolver
from briefing.timeline.dates import day_bounds
from briefing.timeline.grammar import INDIA_FY
from briefing.timeline.patterns import PATTERNS, PRIORITY
from briefing.timeline.syntax import governing_tense
from briefing.timeline.tense import clause_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str
    kind: str  # the pattern that found it
    date: str
    precision: str
    tense: str


def find_time_expressions(
    text: str,
    published: date | None,
    sentences: list[tuple[int, int]] | None = None,
    parsed: Doc | None = None,
) -> list[TimeExpression]:
    """Every time expression in text, resolved against ``published``, in reading order. ``parsed`` is the
    text's dependency parse (token offsets into ``text``); without it the tense comes from the words."""
    if parsed is not None and len(parsed.text) != len(text):
        parsed = None  # not this text's parse
    spans = _candidates(text)
    bounds = sentences or [(0, len(text))]
    starts = [s for s, _ in bounds]
    india = bool(INDIA_FY.search(text))
    found: list[TimeExpression] = []
    ctx = Context(published, india)
    for start, end, name, m, fn in spans:
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        lo, hi = bounds[i]
        ctx.at(lo, partial(_tense, text, parsed, (lo, hi), start, end))
        resolved = fn(m, ctx)
        if resolved is None:
            continue
        value, precision = resolved
        # the clause's tense, if the resolver read it or the date holds publication ("this year": done?)
        tense = ctx.tense if ctx.tense_read or _straddles(value, published) else ""
        ctx.note(
            name, value, precision, start, reports=not (m.groupdict().get("y") or m.groupdict().get("rel"))
        )
        if name == "clock" and found and found[-1].precision == "day" and found[-1].start >= lo:
            value = found[-1].date  # "on Tuesday ... at 9 a.m.": the day already named
        found.append(TimeExpression(start, end, text[start:end], name, value, precision, tense))
    return found


def _tense(text: str, parsed: Doc | None, sentence: tuple[int, int], start: int, end: int) -> str:
    """The governing verb's tense from the parse, else the nearest tense word."""
    from_parse = governing_tense(parsed, start, end) if parsed is not None else ""
    return from_parse or clause_tense(text, *sentence, start, end)


def _straddles(value: str, published: date | None) -> bool:
    """Whether a date is unresolved or holds the publication day (only then the clause tells its tense)."""
    bounds = day_bounds(value)
    return bounds is None or published is None or bounds[0] <= published <= bounds[1]


def _candidates(text: str) -> list[tuple[int, int, str, re.Match, Resolver]]:
    """Matches of every pattern in reading order; of overlapping ones the longest (then priority) wins."""
    cands = [(m.start(), m.end(), name, m, fn) for name, rx, fn in PATTERNS for m in rx.finditer(text)]
    cands.sort(key=lambda c: (c[0], c[0] - c[1], PRIORITY[c[2]]))
    kept: list[tuple[int, int, str, re.Match, Resolver]] = []
    for c in cands:
        if not kept or c[0] >= kept[-1][1]:
            kept.append(c)
        elif (c[1] - c[0], -PRIORITY[c[2]]) > (kept[-1][1] - kept[-1][0], -PRIORITY[kept[-1][2]]):
            kept[-1] = c
    return kept
