"""Finding time expressions: every pattern's matches in reading order, overlaps settled, each resolved
against the publication date, the clause's tense and what the text named before it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from briefing.timeline.context import Context, Resolver
from briefing.timeline.grammar import INDIA_FY
from briefing.timeline.patterns import PATTERNS, PRIORITY
from briefing.timeline.tense import clause_tense


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
    text: str, published: date | None, sentences: list[tuple[int, int]] | None = None
) -> list[TimeExpression]:
    """Every time expression in text, resolved against ``published``, in reading order."""
    spans = _candidates(text)
    bounds = sentences or [(0, len(text))]
    starts = [s for s, _ in bounds]
    india = bool(INDIA_FY.search(text))
    found: list[TimeExpression] = []
    ctx = Context(published, "", india)
    for start, end, name, m, fn in spans:
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        lo, hi = bounds[i]
        tense = clause_tense(text, lo, hi, start, end)
        ctx.tense, ctx.sentence_start = tense, lo
        resolved = fn(m, ctx)
        if resolved is None:
            continue
        value, precision = resolved
        ctx.note(
            name, value, precision, start, reports=not (m.groupdict().get("y") or m.groupdict().get("rel"))
        )
        if name == "clock" and found and found[-1].precision == "day" and found[-1].start >= lo:
            value = found[-1].date  # "on Tuesday ... at 9 a.m.": the day already named
        found.append(TimeExpression(start, end, text[start:end], name, value, precision, tense))
    return found


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
