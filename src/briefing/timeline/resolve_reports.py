"""The periods a company reports on, named by anaphora: "the quarter", "the latest period", "the year-ago
quarter", "year-earlier profit", "the 1988 period", and "a year ago" when it compares a figure.

News of results names the quarter once ("third-quarter profit rose ...") and then refers back to it. The
period reported on is the quarter (or half) named last; before any is named, the latest quarter ended
by publication. A comparison with "a year ago" or "last year" after a figure means the same period a
year before, as TimeML annotates it.
"""

from __future__ import annotations

import re
from datetime import date

from briefing.timeline import resolve_fiscal as fis
from briefing.timeline.context import Context, Resolved, group
from briefing.timeline.dates import iso_month, shift_years
from briefing.timeline.words import ORDINALS

_COMPARED = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|than|versus|vs\.|against)\b|(?:[$€£#]|C\$)\s?\d|"
    r"\d\s*(?:%|percent\b|cents?\b|million\b|billion\b)",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"[.;:!?]\s|\n")


def quarter_of(y: int, q: int) -> str:
    return f"{iso_month(y, 3 * q - 2)}/{iso_month(y, 3 * q)}"


def latest_quarter(pub: date) -> str:
    """The last calendar quarter ended by ``pub``."""
    q = (pub.month - 1) // 3  # quarters ended this year
    return quarter_of(pub.year, q) if q else quarter_of(pub.year - 1, 4)


def reported(ctx: Context, quarter: bool = True) -> str | None:
    """The period reported on: the quarter named (or, for "period", the span compared), else the latest
    quarter ended by publication."""
    named = ctx.report if quarter else ctx.compare or ctx.report
    if named:
        return named
    return latest_quarter(ctx.pub) if ctx.pub else None


def _in_year(period: str, y: int) -> str:
    return shift_years(period, y - int(period[:4]))


def _says_quarter(m: re.Match) -> bool:
    return "quarter" in m.group().lower()


def r_report(m: re.Match, ctx: Context) -> Resolved:
    """'the quarter', 'the latest period', 'the current quarter', 'the 1988 period', 'next year's first
    quarter'."""
    if _says_quarter(m) and (end := fis.stated_end(m, ctx)):  # "the quarter ended July 31"
        return fis.ending_on(end, 3), "range"
    if group(m, "current") or (group(m, "this") and not ctx.report):  # no report: "this quarter" is now
        return (quarter_of(ctx.pub.year, (ctx.pub.month - 1) // 3 + 1), "range") if ctx.pub else None
    q = ORDINALS.get(group(m, "ord", "ord2"))
    year = _year_named(m, ctx)
    if q and year:
        return quarter_of(year, q), "range"
    if group(m, "that") and ctx.last_quarter:
        return ctx.last_quarter, "range"
    period = reported(ctx, _says_quarter(m))
    if period is None:
        return "", "unknown"
    if year:
        return _in_year(period, year), ctx.precision_of(period)
    return period, ctx.precision_of(period)


def r_report_before(m: re.Match, ctx: Context) -> Resolved:
    """'the year-ago quarter', 'year-earlier profit', 'last year's quarter', 'the quarter a year ago'."""
    period = reported(ctx, _says_quarter(m))
    if period is None:
        return "", "unknown"
    q = ORDINALS.get(group(m, "ord", "ord2", "ord3", "ord4"))
    precision = ctx.precision_of(period)
    if q:
        period, precision = quarter_of(int(period[:4]), q), "range"
    return shift_years(period, -1), precision


def r_months_to_date(m: re.Match, ctx: Context) -> Resolved:
    """'the first nine months': January to the end of the latest such span ended by publication."""
    n = {"three": 3, "six": 6, "nine": 9}[group(m, "n", "n2")]
    if end := fis.stated_end(m, ctx):  # "the six months ended Oct. 1"
        return fis.ending_on(end, n), "range"
    if group(m, "y"):
        y = int(group(m, "y"))
    elif ctx.pub:
        y = ctx.pub.year if ctx.pub.month > n else ctx.pub.year - 1
    else:
        return "", "unknown"
    return f"{iso_month(y, 1)}/{iso_month(y, n)}", "range"


def compared_period(m: re.Match, ctx: Context) -> tuple[str, str] | None:
    """The period a year before the one a figure is compared with: "exports fell 2% in December from a
    year earlier", "net rose to $5 million from $4 million a year ago". That period is the one named
    earlier in the sentence, else the one reported on. None outside a comparison."""
    base = ctx.last_period if ctx.last_period and ctx.last_period_at >= ctx.sentence_start else None
    if base is None and ctx.compare:
        base = (ctx.compare, ctx.precision_of(ctx.compare))
    if base is None:
        return None
    text = m.string
    stops = [c.end() for c in _CLAUSE_START.finditer(text, max(0, m.start() - 160), m.start())]
    lead = text[stops[-1] if stops else max(0, m.start() - 160) : m.start()]
    if not _COMPARED.search(lead):
        return None
    return shift_years(base[0], -1), base[1]


def _year_named(m: re.Match, ctx: Context) -> int | None:
    if group(m, "y"):
        return int(group(m, "y"))
    rel = group(m, "rel")
    if rel and ctx.pub:
        return ctx.pub.year + {"next": 1, "this": 0, "last": -1}[rel]
    return None
