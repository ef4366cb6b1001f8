"""A company's own periods: fiscal years, quarters and halves, and any period the text closes with a date.

Where the text says when the period ends ("the fiscal year ended Sept. 30", "its fourth quarter ended
Aug. 26", "the six months ended Oct. 1") that is the period: the whole months up to that day. A fiscal
label so defined also tells the company's year end, and later fiscal labels in the story follow it.

A fiscal label the text does not define ("fiscal 1989", "the fiscal first quarter") is shown as the
calendar period of the same name, as the TimeML annotators wrote it, with the precision ``fiscal`` so
the briefing can say that the date is approximate.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from briefing.timeline.context import Context, day_no, month_no
from briefing.timeline.dates import add_months, iso_month, safe_date
from briefing.timeline.grammar import DAY, MONC, YEAR

FISCAL = "fiscal"  # precision of a calendar period standing in for a fiscal one the text does not define

_ENDED = re.compile(
    rf"\s*,?\s*(?:(?:which|that)\s+)?(?P<verb>ended|ending|ends|closed)\s+(?:on\s+)?"
    rf"(?:(?P<mon>{MONC})\s+(?P<d>{DAY})\b(?:,?\s+(?P<y>{YEAR})\b)?|(?P<rel>yesterday|today|tomorrow)\b)"
)


def stated_end(m: re.Match, ctx: Context) -> date | None:
    """The day the text says the period just named ends: "the quarter ended Sept. 30", "the year ending
    June 30, 1990", "its fourth quarter ended yesterday" (None when it says none)."""
    e = _ENDED.match(m.string, m.end())
    if e is None:
        return None
    if e.group("rel"):
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[e.group("rel").lower()]
        return ctx.pub + timedelta(days=shift) if ctx.pub else None
    mo, d = month_no(e.group("mon")), day_no(e.group("d"))
    if e.group("y"):
        return safe_date(int(e.group("y")), mo, d)
    if ctx.pub is None:
        return None
    cands = [c for y in (ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1) if (c := safe_date(y, mo, d))]
    verb = e.group("verb").lower()
    if verb in ("ended", "closed"):
        return max((c for c in cands if c <= ctx.pub), default=None)
    if verb == "ends":  # "this fiscal year, which ends Sept. 30"
        return min((c for c in cands if c >= ctx.pub), default=None)
    return min(cands, key=lambda c: abs((c - ctx.pub).days)) if cands else None


def closing_month(end: date) -> tuple[int, int]:
    """The month a period ending on ``end`` closes: a day early in a month closes the month before
    (52-week years end on "July 2" or "Oct. 1")."""
    return (end.year, end.month) if end.day >= 15 else add_months(end.year, end.month, -1)


def months_up_to(y: int, mo: int, months: int) -> str:
    """The ``months`` whole months ending with month ``mo`` of year ``y``, as a month range."""
    y1, m1 = add_months(y, mo, 1 - months)
    return f"{iso_month(y1, m1)}/{iso_month(y, mo)}"


def ending_on(end: date, months: int) -> str:
    """The period of ``months`` months the text closes on ``end``."""
    return months_up_to(*closing_month(end), months)


def learn_year_end(ctx: Context, end: date, months_left: int) -> None:
    """Remember the company's fiscal year end: the month the period closes plus the months of the year
    left after it (a first quarter ended Sept. 30: the year ends in June)."""
    ctx.fy_end = add_months(*closing_month(end), months_left)[1]


def fiscal_year(n: int, end_month: int) -> str:
    """Fiscal ``n`` of a company whose year ends in ``end_month``: the twelve months most of which lie in
    ``n`` (a year ending in June is named by its end: fiscal 1990 ran from July 1989)."""
    return months_up_to(n if end_month >= 6 else n + 1, end_month, 12)


def fiscal_part(ctx: Context, end_month: int, index: int, months: int, year: int | None) -> str | None:
    """The ``index``-th quarter (``months`` = 3) or half (6) of the company's fiscal year: of fiscal
    ``year`` when written, else the latest begun by publication (or the next, in a planned clause)."""
    if year is not None:
        start = fiscal_year(year, end_month)[:7]
        y, mo = add_months(int(start[:4]), int(start[5:]), months * (index - 1))
    elif ctx.pub is None:
        return None
    else:
        first = add_months(2000, end_month, 1 + months * (index - 1))[1]  # its first calendar month
        started = ctx.pub.month >= first
        y = ctx.pub.year if started or ctx.tense == "planned" else ctx.pub.year - 1
        mo = first
    return months_up_to(*add_months(y, mo, months - 1), months)


def current_fiscal_year(ctx: Context, end_month: int, latest: bool) -> str | None:
    """The company's fiscal year holding publication, or (``latest``) the last one ended by then."""
    if ctx.pub is None:
        return None
    y = ctx.pub.year if ctx.pub.month <= end_month else ctx.pub.year + 1  # the year the current one ends
    return months_up_to(y - 1 if latest else y, end_month, 12)
