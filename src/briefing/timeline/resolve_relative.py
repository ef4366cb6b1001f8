"""Resolvers of dates relative to publication or to a date named before: weekdays, "yesterday", "last
week", "three years ago", "the past few months", "that day", "a year earlier"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from briefing.timeline.context import Context, Resolved, count, group
from briefing.timeline.dates import add_months, iso_day, iso_month, iso_week, month_end, shift_years
from briefing.timeline.resolve_reports import compared_period
from briefing.timeline.words import UNITS, WEEKDAYS, alternation, words


def r_weekday(m: re.Match, ctx: Context) -> Resolved:
    if ctx.pub is None:
        return "", "unknown"
    wd = WEEKDAYS[group(m, "wd")]
    which = group(m, "which")
    if group(m, "anchor"):  # "the previous Friday": before the day last named (else publication)
        return _beside(ctx.last_day or ctx.pub, wd, group(m, "anchor") == "following"), "day"
    ctx.tense = ctx.tense or "past"  # news reports what happened
    pub = ctx.pub
    if which == "last":
        back = (pub.weekday() - wd) % 7 or 7
        return iso_day(pub - timedelta(days=back)), "day"
    if which == "next":
        fwd = (wd - pub.weekday()) % 7 or 7
        return iso_day(pub + timedelta(days=fwd)), "day"
    if which == "this":
        return iso_day(pub - timedelta(days=pub.weekday()) + timedelta(days=wd)), "day"
    cands = [pub - timedelta(days=(pub.weekday() - wd) % 7), pub + timedelta(days=(wd - pub.weekday()) % 7)]
    return iso_day(ctx.pick(cands)), "day"


def _beside(anchor: date, wd: int, after: bool) -> str:
    """The weekday ``wd`` nearest before (or after) ``anchor``, never ``anchor`` itself."""
    if after:
        return iso_day(anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7))
    return iso_day(anchor - timedelta(days=(anchor.weekday() - wd) % 7 or 7))


def r_relative_day(m: re.Match, ctx: Context) -> Resolved:
    if ctx.pub is None:
        return "", "unknown"
    word = group(m, "rel")
    shift = -1 if word.startswith(("yesterday", "last")) else 1 if word.startswith("tomorrow") else 0
    return iso_day(ctx.pub + timedelta(days=shift)), "day"


def r_period(m: re.Match, ctx: Context) -> Resolved:
    """'last week', 'this month', 'next year', 'earlier this month', 'later this year'."""
    if ctx.pub is None:
        return "", "unknown"
    which, unit, edge = group(m, "which"), group(m, "unit"), group(m, "edge")
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    first, last, fmt = period_bounds(ctx.pub, unit, shift)
    if edge and shift == 0:
        if edge == "earlier" and ctx.pub > first:
            return f"{iso_day(first)}/{iso_day(ctx.pub - timedelta(days=1))}", "range"
        if edge == "later" and ctx.pub < last:
            return f"{iso_day(ctx.pub + timedelta(days=1))}/{iso_day(last)}", "range"
    return fmt, unit if unit != "weekend" else "range"


def period_bounds(pub: date, unit: str, shift: int) -> tuple[date, date, str]:
    if unit in ("week", "weekend"):
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        if unit == "weekend":
            sat = monday + timedelta(days=5)
            return sat, sat + timedelta(days=1), f"{iso_day(sat)}/{iso_day(sat + timedelta(days=1))}"
        return monday, monday + timedelta(days=6), iso_week(monday)
    if unit == "month":
        y, mo = add_months(pub.year, pub.month, shift)
        return date(y, mo, 1), month_end(y, mo), iso_month(y, mo)
    y = pub.year + shift
    return date(y, 1, 1), date(y, 12, 31), f"{y:04d}"


def r_ago(m: re.Match, ctx: Context) -> Resolved:
    n, unit = count(group(m, "n")), UNITS[group(m, "unit")]
    if ctx.pub is None or n is None:
        return "", "unknown"
    if n == 1 and unit == "year" and not group(m, "approx", "orso") and (before := compared_period(m, ctx)):
        return before
    if group(m, "approx", "orso") or group(m, "n") in ("few", "a few", "several"):
        unit_prec = {"day": "week", "week": "month"}.get(unit, unit)  # "a few days ago": coarser
    else:
        unit_prec = unit
    pub = ctx.pub
    if unit == "day":
        d = pub - timedelta(days=n)
        return (iso_day(d), "day") if unit_prec == "day" else (iso_week(d), "week")
    if unit == "week":
        d = pub - timedelta(weeks=n)
        return (iso_week(d), "week") if unit_prec == "week" else (iso_month(d.year, d.month), "month")
    if unit == "month":
        y, mo = add_months(pub.year, pub.month, -n)
        return iso_month(y, mo), "month"
    years = n * (10 if unit == "decade" else 1)
    return f"{pub.year - years:04d}", "year"


def r_span(m: re.Match, ctx: Context) -> Resolved:
    """'for the last few months', 'over the past three years': the interval up to publication."""
    n = count(group(m, "n") or "1")
    unit = UNITS[group(m, "unit")]
    if ctx.pub is None or n is None:
        return "", "duration"
    pub = ctx.pub
    if unit == "day":
        return f"{iso_day(pub - timedelta(days=n))}/{iso_day(pub)}", "range"
    if unit == "week":
        return f"{iso_day(pub - timedelta(weeks=n))}/{iso_day(pub)}", "range"
    if unit == "month":
        y, mo = add_months(pub.year, pub.month, -n)
        return f"{iso_month(y, mo)}/{iso_month(pub.year, pub.month)}", "range"
    years = n * (10 if unit == "decade" else 1)  # "the past year": the twelve months up to now
    return f"{iso_month(pub.year - years, pub.month)}/{iso_month(pub.year, pub.month)}", "range"


def r_duration(m: re.Match, ctx: Context) -> Resolved:
    """'for several days' is no date; 'in five years' said of what will happen is one (TimeML). Not 'in
    a year' (as often a rate), 'in a few years' (vague) nor 'the first rise in five years' (a span)."""
    n, unit = count(group(m, "n")), UNITS[group(m, "unit")]
    exact = bool(_EXACT.fullmatch(group(m, "n")))
    if group(m, "prep") != "in" or group(m, "q") or not exact or n is None or ctx.pub is None:
        return "", "duration"
    if _RECORD.search(m.string[: m.start()][-80:]) or ctx.tense != "planned":
        return "", "duration"
    return _ahead(ctx.pub, n, unit)


# "the first rise in five years", "its biggest loss in a decade": a span back from now, not a date ahead
_EXACT = re.compile(r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty")
_RECORD = re.compile(r"\b(?:first|last|only|\w{3,}est|time|times)\b[^,.;:]*$", re.IGNORECASE)


def _ahead(pub: date, n: int, unit: str) -> tuple[str, str]:
    if unit == "day":
        return iso_day(pub + timedelta(days=n)), "day"
    if unit == "week":
        return iso_week(pub + timedelta(weeks=n)), "week"
    if unit == "month":
        y, mo = add_months(pub.year, pub.month, n)
        return iso_month(y, mo), "month"
    return f"{pub.year + n * (10 if unit == 'decade' else 1):04d}", "year"


def r_year_to_date(m: re.Match, ctx: Context) -> Resolved:
    if ctx.pub is None:
        return "", "unknown"
    return f"{ctx.pub.year:04d}-01-01/{iso_day(ctx.pub)}", "range"


def r_part_of_today(m: re.Match, ctx: Context) -> Resolved:
    return (iso_day(ctx.pub), "day") if ctx.pub else ("", "unknown")


def r_same_day(m: re.Match, ctx: Context) -> Resolved:
    """'that day', 'the next day', 'later in the day': the day last named (the dateline day by default)."""
    anchor = ctx.last_day or (ctx.pub if group(m, "edge") else None)
    if anchor is None:
        return "", "unknown"
    shift = {"next": 1, "following": 1, "previous": -1}.get(group(m, "dir").lower(), 0)
    return iso_day(anchor + timedelta(days=shift)), "day"


_COPULA_BEFORE = re.compile(r"(?:\b(?:is|it|today|this)\s+|[’']s\s+)$", re.IGNORECASE)


def r_nth_day(m: re.Match, ctx: Context) -> Resolved:
    """'today is the eighth day of the strike', "It's the second day of ...": the publication day."""
    if not _COPULA_BEFORE.search(m.string, max(0, m.start() - 12), m.start()) or ctx.pub is None:
        return None
    return iso_day(ctx.pub), "day"


def r_anchored_year(m: re.Match, ctx: Context) -> Resolved:
    """'the following year', 'a year earlier': one year from the year last mentioned, if any."""
    if ctx.last_year is None:
        return "", "unknown"
    later = group(m, "dir", "dir2", "dir3") in ("following", "next", "later", "after")
    if not later and group(m, "dir2") and (before := compared_period(m, ctx)):
        return before
    if group(m, "dir2") and ctx.last_period:  # "sales in the third quarter, down from a year earlier"
        value, precision = ctx.last_period
        return shift_years(value, 1 if later else -1), precision
    return f"{ctx.last_year + (1 if later else -1):04d}", "year"


def r_weekday_checked(m: re.Match, ctx: Context) -> Resolved:
    """'earlier Sunday' is past and 'later Thursday' planned, whatever the verbs say."""
    lead = m.group().lower()
    if lead.startswith("earlier"):
        ctx.tense = "past"
    elif lead.startswith("later") or _deadline(m):
        ctx.tense = "planned"
    elif _owns_done_thing(m) and ctx.tense != "planned":
        ctx.tense = "past"  # "a premium over Thursday's closing price": a present clause, a past day
    return r_weekday(m, ctx)


_DONE = re.compile(rf"\s+(?:[\w.-]+\s+){{0,2}}?(?:{alternation(words('time_done_nouns'))})\b", re.IGNORECASE)


def _owns_done_thing(m: re.Match) -> bool:
    """ "Thursday's closing price", "Monday's announcement": a weekday owning what a day has had."""
    return m.group().lower().endswith(("'s", "’s")) and bool(_DONE.match(m.string, m.end()))


_REPORTED_DEMAND = re.compile(
    rf"\b(?:{alternation(words('time_demand_verbs'))})\b(?![^.;]*\bhad\b)", re.IGNORECASE
)


def _deadline(m: re.Match) -> bool:
    """ "called for talks by Friday": a deadline in what someone said or asked for lies ahead."""
    if not m.group().lower().startswith("by "):
        return False
    line_start = max(m.string.rfind(".", 0, m.start()), m.string.rfind("\n", 0, m.start())) + 1
    return bool(_REPORTED_DEMAND.search(m.string, line_start, m.start()))
