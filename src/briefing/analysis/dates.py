"""Resolved dates in words, for the bottom line ("15 May 2025", "June 2024", "the week of 5 May 2025")."""

from __future__ import annotations

import re
from datetime import date

from briefing.model import Event


def parse(value: str) -> date | None:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date.fromisoformat(value + "-01")
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def start_of(e: Event) -> date | None:
    return parse(e.date.split("/")[0]) if e.date else None


def spelled(e: Event) -> str:
    """The event's date in words, or "" when it is unresolved or only a year."""
    first = start_of(e)
    if first is None:
        return ""
    if e.precision == "day":
        return f"{first.day} {first:%B %Y}"
    if e.precision == "month":
        return f"{first:%B %Y}"
    if e.precision == "week":
        return f"the week of {first.day} {first:%B %Y}"
    return ""
