"""Resolvers of expressions that refer back to a time named before, or to the story's own time:
"that year", "the following month", "until then", "the year", "year-end", "in the morning"."""

from __future__ import annotations

import re
from datetime import date

from briefing.timeline import resolve_fiscal as fis
from briefing.timeline.context import Context, Resolved, group
from briefing.timeline.dates import add_months, iso_day, iso_month, shift_years


def r_that_year(m: re.Match, ctx: Context) -> Resolved:
    """'that year', 'the same year': the year last named."""
    return (f"{ctx.last_year:04d}", "year") if ctx.last_year else ("", "unknown")


def r_that_month(m: re.Match, ctx: Context) -> Resolved:
    """'the following month', 'that month': the month last named (or the month of the day last named)."""
    anchor = _last_month(ctx)
    if anchor is None:
        return "", "unknown"
    shift = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(group(m, "dir"), 0)
    y, mo = add_months(anchor[0], anchor[1], shift)
    return iso_month(y, mo), "month"


def _last_month(ctx: Context) -> tuple[int, int] | None:
    if ctx.last_period and ctx.last_period[1] in ("month", "day"):
        value = ctx.last_period[0]
        return int(value[:4]), int(value[5:7])
    return None


def r_then(m: re.Match, ctx: Context) -> Resolved:
    """'until then', 'by then', 'since then': the time last named, whatever its precision."""
    return ctx.last_period if ctx.last_period else ("", "unknown")


def r_the_year(m: re.Match, ctx: Context) -> Resolved:
    """'the year', 'the full year', 'the current year', 'earlier in the year': the year the story is in
    (a year named in the same sentence, else the year reported on, else the publication year). A year
    the text closes with a date is that year ("the year ended Sept. 30"); a fiscal one is the company's
    once the text has said when it ends, else the calendar year of the same name."""
    if end := fis.stated_end(m, ctx):
        if group(m, "fiscal"):
            fis.learn_year_end(ctx, end, 0)
        return fis.ending_on(end, 12), "range"
    mod = group(m, "mod")
    if not group(m, "fiscal"):
        year = focus_year(m, ctx)
        return (f"{year:04d}", "year") if year else ("", "unknown")
    latest = mod in ("latest", "most recent")
    if ctx.fy_end:  # the year of the period reported on, else the one holding publication
        if ctx.report and mod not in ("current", "latest", "most recent"):
            period = _fiscal_year_holding(ctx.report, ctx.fy_end)
        else:
            period = fis.current_fiscal_year(ctx, ctx.fy_end, latest)
        return (period, "range") if period else ("", "unknown")
    if ctx.pub and mod in ("current", "latest", "most recent"):
        return f"{ctx.pub.year - latest:04d}", fis.FISCAL
    year = focus_year(m, ctx)
    return (f"{year:04d}", fis.FISCAL) if year else ("", "unknown")


def r_fiscal_year_rel(m: re.Match, ctx: Context) -> Resolved:
    """'this fiscal year', 'last fiscal year', 'the next fiscal year': the company's year once the text
    has said when it ends, else the calendar year of the same name."""
    if end := fis.stated_end(m, ctx):  # "this fiscal year, which ends Sept. 30"
        fis.learn_year_end(ctx, end, 0)
        return fis.ending_on(end, 12), "range"
    if ctx.pub is None:
        return "", "unknown"
    shift = {"this": 0, "next": 1, "coming": 1}.get(group(m, "rel"), -1)
    if ctx.fy_end:
        return shift_years(fis.current_fiscal_year(ctx, ctx.fy_end, False) or "", shift), "range"
    return f"{ctx.pub.year + shift:04d}", fis.FISCAL


def _fiscal_year_holding(period: str, end_month: int) -> str:
    """The company's fiscal year holding the last month of ``period``."""
    y, mo = int(period[-7:-3]), int(period[-2:])
    return fis.months_up_to(y if mo <= end_month else y + 1, end_month, 12)


def r_year_end(m: re.Match, ctx: Context) -> Resolved:
    """'year-end' (31 December), 'the end of the year', "year's end" (that year): this year's, or the
    last one before publication after 'since'. (The clause's tense is no guide: "said it would close
    by year-end" is past.) A fiscal year-end is the month the company's year ends, once the text has
    said it, else the calendar one (precision "fiscal"). "Around year-end" is December."""
    year = focus_year(m, ctx)
    if year is None:
        return "", "unknown"
    if ctx.pub and year == ctx.pub.year and group(m, "since"):
        year -= 1  # "since year-end": the last one before publication
    if group(m, "fiscal") and ctx.fy_end:
        return iso_month(year, ctx.fy_end), "month"
    if group(m, "fiscal"):
        return (iso_day(date(year, 12, 31)), fis.FISCAL) if group(m, "point") else (f"{year:04d}", fis.FISCAL)
    if group(m, "point") and group(m, "approx"):
        return iso_month(year, 12), "month"  # "around year-end": December, no finer
    return (iso_day(date(year, 12, 31)), "day") if group(m, "point") else (f"{year:04d}", "year")


def focus_year(m: re.Match, ctx: Context) -> int | None:
    if ctx.year_named and ctx.year_named[1] >= ctx.sentence_start:
        return ctx.year_named[0]
    if ctx.report:
        return int(ctx.report[:4])
    return ctx.pub.year if ctx.pub else None


def r_part_of_that_day(m: re.Match, ctx: Context) -> Resolved:
    """'in the morning', 'during the evening': part of the day last named, else of the publication day."""
    day = ctx.last_day or ctx.pub
    return (iso_day(day), "day") if day else ("", "unknown")
