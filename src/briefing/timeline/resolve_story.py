"""Resolvers of time expressions that lean on the story around them (see ``patterns_story``)."""

from __future__ import annotations

import re
from datetime import timedelta

from briefing.timeline.context import Context, Resolved, group
from briefing.timeline.dates import iso_day, iso_month, month_end
from briefing.timeline.grammar import DAY, MONC, WDI, YEAR
from briefing.timeline.resolve_relative import period_bounds


def r_overnight(m: re.Match, ctx: Context) -> Resolved:
    """'overnight losses in New York', 'the overnight talks': the night before the day the story is at
    (the day last named, else publication), dated by its evening."""
    day = ctx.last_day or ctx.pub
    return (iso_day(day - timedelta(days=1)), "day") if day else ("", "unknown")


_DAY_BEFORE_COMMA = re.compile(rf"(?:{MONC}\s+{DAY}(?:,\s+{YEAR})?|{WDI}|(?i:yesterday|today|tomorrow)),\s+$")


def r_apposed_day(m: re.Match, ctx: Context) -> Resolved:
    """'Oct. 12, the day before the crash': the day just named, said again."""
    if ctx.last_day is None or not _DAY_BEFORE_COMMA.search(m.string, max(0, m.start() - 30), m.start()):
        return None
    return iso_day(ctx.last_day), "day"


_THIS_UNIT = re.compile(r"\bthis\s+(year|month|week)\b", re.IGNORECASE)


def r_elided_last(m: re.Match, ctx: Context) -> Resolved:
    """'a higher dividend this year as last', 'more this month than last': the unit before this one."""
    units = _THIS_UNIT.findall(m.string, ctx.sentence_start, m.start())
    if not units or ctx.pub is None:
        return None
    unit = units[-1].lower()
    return period_bounds(ctx.pub, unit, -1)[2], unit


_MONTH = re.compile(MONC)


def r_month_end(m: re.Match, ctx: Context) -> Resolved:
    """'by the end of the month' (the month the story is in: a month written out earlier in the sentence,
    else publication's); 'month-end' is its last day."""
    written = [w.start() for w in _MONTH.finditer(m.string, ctx.sentence_start, m.start())]
    last = ctx.last_period
    if written and last and last[1] in ("month", "day") and 0 <= written[-1] - ctx.last_period_at < 30:
        y, mo = int(last[0][:4]), int(last[0][5:7])
    elif ctx.pub:
        y, mo = ctx.pub.year, ctx.pub.month
    else:
        return "", "unknown"
    if group(m, "point"):
        return iso_day(month_end(y, mo)), "day"
    return iso_month(y, mo), "month"
