"""Calendar arithmetic and the ISO values the timeline writes (day, week, month, year, A/B ranges)."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta


def iso_day(d: date) -> str:
    return d.isoformat()


def iso_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def iso_week(d: date) -> str:
    """The Monday-to-Sunday week holding ``d``, as a day range."""
    monday = d - timedelta(days=d.weekday())
    return f"{iso_day(monday)}/{iso_day(monday + timedelta(days=6))}"


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def day_bounds(value: str) -> tuple[date, date] | None:
    """'2025', '2025-04', '2025-04-03' or 'A/B' -> (first day, last day); None when unresolved."""
    if "/" in value:
        a, b = (day_bounds(v) for v in value.split("/", 1))
        return (a[0], b[1]) if a and b else None
    parts = [int(p) for p in value.split("-")] if re.fullmatch(r"\d{4}(?:-\d\d){0,2}", value) else []
    if not parts:
        return None
    if len(parts) == 3:
        d = safe_date(*parts)
        return (d, d) if d else None
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), month_end(parts[0], parts[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def shift_years(value: str, years: int) -> str:
    """'2024-07/2024-09' a year earlier is '2023-07/2023-09' (29 February becomes the 28th)."""

    def one(v: str) -> str:
        y, rest = int(v[:4]) + years, v[4:]
        return f"{y:04d}{'-02-28' if rest == '-02-29' else rest}"

    return "/".join(one(v) for v in value.split("/"))
