"""Resolvers of parts of a year: quarters, halves, fiscal years (see ``resolve_fiscal``) and seasons."""

from __future__ import annotations

import re

from briefing.timeline import resolve_fiscal as fis
from briefing.timeline.context import Context, Resolved, group, month_no
from briefing.timeline.dates import add_months, iso_month
from briefing.timeline.words import ORDINALS, SEASONS


def r_fiscal(m: re.Match, ctx: Context) -> Resolved:
    """'fiscal 1989', 'FY2020': India's April–March year where the story shows that convention, the
    company's year where the text has said when it ends, else the calendar year of the same name."""
    y1 = _full_year(group(m, "y1"))
    y2 = _full_year(group(m, "y2"), y1) if group(m, "y2") else y1
    if y1 is None or y2 is None:
        return "", "unknown"
    if ctx.india_fy:
        return f"{iso_month(y1 - 1, 4)}/{iso_month(y2, 3)}", "range"
    if end := fis.stated_end(m, ctx):
        fis.learn_year_end(ctx, end, 0)
        return fis.ending_on(end, 12), "range"
    if ctx.fy_end and y1 == y2:
        return fis.fiscal_year(y1, ctx.fy_end), "range"
    return (f"{y1:04d}", fis.FISCAL) if y1 == y2 else ("", "unknown")  # "fiscal 2019-20": whose year?


def _full_year(tail: str, ref: int | None = None) -> int | None:
    if not tail:
        return None
    if len(tail) == 4:
        return int(tail)
    base = (ref // 100) * 100 if ref else 2000
    return base + int(tail)


def r_quarter(m: re.Match, ctx: Context) -> Resolved:
    """Quarters: "Q3", "the third quarter", "the September quarter"; closed by a date the text gives
    ("its fourth quarter ended Aug. 26"); fiscal ones by India's or the company's year, else calendar."""
    named = group(m, "qmon")
    q = ORDINALS.get(group(m, "ord")) or (int(group(m, "qn")) if group(m, "qn") else None)
    if named:
        q = (month_no(named) - 1) // 3 + 1
    if q is None or not 1 <= q <= 4:
        return None
    if end := fis.stated_end(m, ctx):
        if not named:
            fis.learn_year_end(ctx, end, 3 * (4 - q))
        return fis.ending_on(end, 3), "range"
    fiscal_shift = 3 if ctx.india_fy and not (named or group(m, "y")) else 0  # India: Q1 = April to June
    if group(m, "fiscal") and not fiscal_shift:
        return _fiscal_part(m, ctx, q, 3)
    first = 3 * q - 2 + fiscal_shift
    if group(m, "y") or group(m, "rel"):
        y = _explicit_year(m, ctx)
    else:
        y = _pick_period_year(ctx, (first - 1) % 12 + 1)
        if y is not None and first > 12:
            y -= 1  # the fiscal fourth quarter starts in January of the next calendar year
    if y is None:
        return "", "unknown"
    y1, m1 = add_months(y, 1, first - 1)
    y2, m2 = add_months(y1, m1, 2)
    return f"{iso_month(y1, m1)}/{iso_month(y2, m2)}", "range"


def r_half(m: re.Match, ctx: Context) -> Resolved:
    h = 1 if group(m, "h", "hn", "h2") in ("first", "1") else 2  # "the last half", "the last two quarters"
    if end := fis.stated_end(m, ctx):
        fis.learn_year_end(ctx, end, 6 * (2 - h))
        return fis.ending_on(end, 6), "range"
    if group(m, "fiscal"):
        return _fiscal_part(m, ctx, h, 6)
    y = _explicit_year(m, ctx) if group(m, "y") or group(m, "rel") else _pick_period_year(ctx, 6 * h - 5)
    return (f"{iso_month(y, 6 * h - 5)}/{iso_month(y, 6 * h)}", "range") if y else ("", "unknown")


def _fiscal_part(m: re.Match, ctx: Context, index: int, months: int) -> Resolved:
    """A fiscal quarter or half: of the company's year once the text has said when it ends, else the
    calendar quarter or half of the same name (precision "fiscal")."""
    year = _explicit_year(m, ctx) if group(m, "y") or group(m, "rel") else None
    if ctx.fy_end:
        period = fis.fiscal_part(ctx, ctx.fy_end, index, months, year)
        return (period, "range") if period else ("", "unknown")
    first = months * (index - 1) + 1
    y = year if year is not None else _pick_period_year(ctx, first)
    if y is None:
        return "", "unknown"
    return f"{iso_month(y, first)}/{iso_month(y, first + months - 1)}", fis.FISCAL


def _explicit_year(m: re.Match, ctx: Context) -> int | None:
    """The year written ("of 2025") or named relative to publication ("of next year")."""
    if group(m, "y"):
        return int(group(m, "y"))
    shift = {"next": 1, "this": 0, "last": -1}[group(m, "rel")]
    return ctx.pub.year + shift if ctx.pub else None


def _pick_period_year(ctx: Context, first_month: int) -> int | None:
    """The year of a period starting in first_month: the latest begun by publication, unless planned."""
    if ctx.pub is None:
        return None
    started = ctx.pub.month >= first_month
    if ctx.tense == "planned" and not started:
        return ctx.pub.year
    return ctx.pub.year if started else ctx.pub.year - 1


def r_season(m: re.Match, ctx: Context) -> Resolved:
    a, b = SEASONS[group(m, "season")]
    if group(m, "y"):
        y = int(group(m, "y"))
    elif ctx.pub is None:
        return "", "unknown"
    else:
        which = group(m, "which")
        y = ctx.pub.year + {"last": -1, "next": 1}.get(which, 0)
        if which == "last" and ctx.pub.month > b and a < b:
            y += 1  # "last summer" said in November: this year's
    y2 = y + 1 if a > b else y
    return f"{iso_month(y, a)}/{iso_month(y2, b)}", "range"


def r_season_checked(m: re.Match, ctx: Context) -> Resolved:
    if not (group(m, "which") or group(m, "y")):
        return None  # a bare "fall" or "spring" is too often a verb or noun
    return r_season(m, ctx)
