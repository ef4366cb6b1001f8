"""What a format module hands back: the article's text, one paragraph a line, and what the file says about it.

Every format (html.py, pdf.py, docx.py) returns an ``Extracted``: the text as it will be written to
article.txt (every later offset points into it) and the metadata found in the file, each value with the
place it was found, so that the briefing can say where its title, outlet, author and date come from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.config import MAX_TEXT_CHARS
from briefing.errors import InputError


@dataclass(frozen=True)
class Found:
    """A value the file states, and where: ``Found("Reuters", "Open Graph og:site_name")``."""

    value: str
    origin: str


@dataclass(frozen=True)
class Extracted:
    text: str  # one paragraph a line, ending in a newline
    format: str  # "text", "html", "pdf" or "docx"
    title: Found | None = None
    outlet: Found | None = None
    author: Found | None = None
    url: Found | None = None
    published: tuple[date, str] | None = None  # the date and where the file states it

    def found(self) -> dict[str, Found]:
        """The metadata fields the file gave, by name."""
        named = {"title": self.title, "outlet": self.outlet, "author": self.author, "url": self.url}
        return {k: v for k, v in named.items() if v is not None and v.value}


# Characters that carry no text: zero-width spaces and joiners, soft hyphens, the BOM inside a text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\u00ad\ufeff"))
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


def clean_line(line: str) -> str:
    """One paragraph on one line: runs of white space (tabs, no-break spaces, breaks) become one space."""
    line = _CONTROL.sub(" ", line.translate(_INVISIBLE))
    return _SPACES.sub(" ", line).strip()


def join_paragraphs(paragraphs: Iterable[str], name: object) -> str:
    """The article.txt text: each paragraph cleaned onto one line, empty ones dropped, within the limit."""
    lines = [c for p in paragraphs if (c := clean_line(p))]
    text = "".join(f"{line}\n" for line in lines)
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            name, f"the text extracted from it is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}"
        )
    return text


def found(value: object, origin: str) -> Found | None:
    """A ``Found`` for a non-empty value (cleaned onto one line), else None."""
    text = clean_line(str(value)) if value else ""
    return Found(text, origin) if text else None


def first(*candidates: Found | None) -> Found | None:
    """The first candidate the file gave: the order is the precedence."""
    return next((c for c in candidates if c is not None and c.value), None)


_ISO_DAY = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_EARLIEST = date(1990, 1, 1)  # before the web: a date in page markup before this is a placeholder


def parse_day(value: object) -> date | None:
    """The calendar day of an ISO 8601 date or timestamp as written ("2025-05-15T23:30:00-04:00" is the
    15th: the outlet's own day, not converted to UTC), or None when it is no plausible publication day
    (unreadable, before 1990, or in the future)."""
    m = _ISO_DAY.match(str(value or "").strip())
    if not m:
        return None
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return day if _EARLIEST <= day <= date.today() + timedelta(days=2) else None  # time zones: a day ahead
