"""Resolvers of calendar dates written out: full dates, month-days, months, years, ranges, decades."""

from __future__ import annotations

import re
from datetime import date

from briefing.timeline.context import Context, Resolved, day_no, group, month_no, spoken_year
from briefing.timeline.dates import iso_day, iso_month, safe_date
from briefing.timeline.grammar import WD
from briefing.timeline.words import COUNT_NOUNS, WEEKDAYS


def r_full_date(m: re.Match, ctx: Context) -> Resolved:
    if group(m, "iso"):
        y, mo, d = (int(x) for x in group(m, "iso").split("-"))
    else:
        y, mo, d = int(group(m, "y", "y_")), month_no(group(m, "mon", "mon_")), day_no(group(m, "d", "d_"))
    dd = safe_date(y, mo, d)
    return (iso_day(dd), "day") if dd else None


def r_day_range(m: re.Match, ctx: Context) -> Resolved:
    mo = month_no(group(m, "mon", "mon_"))
    d1, d2 = day_no(group(m, "d1", "d1_")), day_no(group(m, "d2", "d2_"))
    year = int(group(m, "y")) if group(m, "y") else None
    if year is None:
        first = ctx.pick([x for y in _near_years(ctx) if (x := safe_date(y, mo, d1))])
        year = first.year if first else None
    a, b = (safe_date(year, mo, d1), safe_date(year, mo, d2)) if year else (None, None)
    return (f"{iso_day(a)}/{iso_day(b)}", "range") if a and b and a < b else None


def r_month_day(m: re.Match, ctx: Context) -> Resolved:
    """A month and day without a year: the year its weekday fits, else the nearest the tense allows."""
    mo, d = month_no(group(m, "mon", "mon_")), day_no(group(m, "d", "d_"))
    cands = [x for y in _near_years(ctx) if (x := safe_date(y, mo, d))]
    wd = re.match(rf"(?:\w+\s+)?({WD})", m.group(), re.IGNORECASE)
    fitting = [c for c in cands if wd and c.weekday() == WEEKDAYS[wd.group(1).lower()]]
    if len(fitting) == 1:
        return iso_day(fitting[0]), "day"
    if closing := _PERIOD_CLOSED.search(m.string, max(0, m.start() - 12), m.start()):
        ctx.tense = "past" if closing.group(1).lower() in ("ended", "closed") else "planned"
        hit = ctx.pick(cands)  # "the quarter ended Oct. 31": no slack, the end is past
        return (iso_day(hit), "day") if hit else ("", "unknown")
    hit = _nearest_unless_contradicted(ctx, cands)
    return (iso_day(hit), "day") if hit else ("", "unknown")


_PERIOD_CLOSED = re.compile(r"\b(ended|closed|ends)\s+(?:on\s+)?$", re.IGNORECASE)


def _nearest_unless_contradicted(ctx: Context, cands: list[date], slack: int = 45) -> date | None:
    """The nearest candidate, unless the tense rules it out by more than ``slack`` days."""
    if ctx.pub is None or not cands:
        return None
    pub = ctx.pub
    near = min(cands, key=lambda c: (abs((c - pub).days), c > pub))
    ahead = (near - pub).days
    if (ctx.tense == "past" and ahead > slack) or (ctx.tense == "planned" and -ahead > slack):
        return ctx.pick(cands)
    return near


def _near_years(ctx: Context) -> list[int]:
    return [ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1] if ctx.pub else []


def r_month_year(m: re.Match, ctx: Context) -> Resolved:
    y = int(group(m, "y")) if group(m, "y") else spoken_year(group(m, "sy"))
    return (iso_month(y, month_no(group(m, "mon"))), "month") if y else None


def r_month_range(m: re.Match, ctx: Context) -> Resolved:
    m1, m2 = month_no(group(m, "mon1")), month_no(group(m, "mon2"))
    y2 = int(group(m, "y"))
    y1 = y2 if m1 <= m2 else y2 - 1
    return f"{iso_month(y1, m1)}/{iso_month(y2, m2)}", "range"


def r_month_rel(m: re.Match, ctx: Context) -> Resolved:
    """'last May', 'this September', 'June last year', 'January this year', bare 'in October'."""
    if ctx.pub is None:
        return "", "unknown"
    mo = month_no(group(m, "mon", "mon2", "mon3", "mon4"))
    pub_k = ctx.pub.year * 12 + ctx.pub.month - 1
    if group(m, "which2"):  # "June last year", "January this year"
        y = ctx.pub.year + {"last": -1, "next": 1}.get(group(m, "which2"), 0)
        return iso_month(y, mo), "month"
    which = group(m, "which")
    ks = [(ctx.pub.year + dy) * 12 + mo - 1 for dy in (-2, -1, 0, 1)]
    if which == "last":  # the latest before the month just ended (that one would be "last month")
        k = max(k for k in ks if k <= pub_k - 2)
    elif which in ("next", "coming"):
        k = min(k for k in ks if k > pub_k)
    elif which == "this":
        k = ks[2]
    else:
        k = _pick_k(ks, pub_k, ctx.tense)
    return iso_month(k // 12, k % 12 + 1), "month"


def _pick_k(ks: list[int], now: int, tense: str, slack: int = 2) -> int:
    """Among month indices the nearest to now, unless the tense rules it out by more than ``slack``."""
    near = min(ks, key=lambda k: (abs(k - now), k > now))
    if tense == "past" and near - now > slack:
        return max(k for k in ks if k <= now)
    if tense == "planned" and now - near > slack:
        return min(k for k in ks if k >= now)
    return near


def r_year(m: re.Match, ctx: Context) -> Resolved:
    y = int(group(m, "y")) if group(m, "y") else spoken_year(group(m, "sy"))
    return (f"{y:04d}", "year") if y else None


def r_year_range(m: re.Match, ctx: Context) -> Resolved:
    y1 = int(group(m, "b1", "y1"))
    tail = group(m, "b2", "y2")
    y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
    return (f"{y1:04d}/{y2:04d}", "range") if y1 < y2 <= y1 + 50 else None


def r_decade(m: re.Match, ctx: Context) -> Resolved:
    d = group(m, "dec", "dec2")
    y = int(d) if len(d) == 4 else (1900 if int(d) >= 30 else 2000) + int(d)
    return (f"{y:04d}/{y + 9:04d}", "range") if y % 10 == 0 else None


def r_year_rel(m: re.Match, ctx: Context) -> Resolved:
    """'mid-1996', 'early 2020', 'the end of 2019': the year (no finer claim)."""
    return f"{int(group(m, 'y')):04d}", "year"


# ------------------------------------------------------------------ checks on top of the grammar

_YEAR_CUE = re.compile(r"(?:in|since|by|until|from|before|after|during|of|year)\s+$", re.IGNORECASE)


def r_year_checked(m: re.Match, ctx: Context) -> Resolved:
    """A four-digit or spoken year, unless it counts things ("2000 troops", "two thousand people")."""
    nxt = re.match(r"\s*([A-Za-z]+)", m.string[m.end() : m.end() + 20])
    if nxt and nxt.group(1).lower() in COUNT_NOUNS:
        return None
    said = m.group().lower()
    cued = bool(_YEAR_CUE.search(m.string, max(0, m.start() - 12), m.start())) or " " in said.strip()
    if said.strip().startswith("two thousand") and not cued:
        return None
    if group(m, "y") and int(group(m, "y")) < 1800 and not cued:
        return None
    return r_year(m, ctx)
