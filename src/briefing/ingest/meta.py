"""What the text itself says about the article: its publication date and its outlet."""

from __future__ import annotations

import re
from datetime import date

from briefing.model import Document, Span

# ------------------------------------------------------------------ publication date

MONTHS = {  # month names and abbreviations -> number (the timeline uses them too)
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_FULL_DATE = (
    rf"(?:{_WEEKDAY_RE},?\s+)?(?:"
    rf"(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"  # May 15, 2025
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_RE})\.?,?\s+(?P<y2>\d{{4}})"  # 15 May 2025
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))"
)
_PUBLISHED_CUES = re.compile(
    rf"(?:\btoday,?\s+(?:is\s+)?"
    rf"|(?:^|[|/]\s*)(?:published|posted|updated|first published|date)\s*(?:on\s*)?:?\s*)({_FULL_DATE})",
    re.IGNORECASE | re.MULTILINE,
)
# A line near the top that is only a date, perhaps with a time: "Tue 24 Mar 2026 06.00 GMT",
# "Friday 29 August 2025 18:05, UK", "March 18, 2026 1:05 pm CET"
_DATE_LINE = re.compile(
    rf"^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)?({_FULL_DATE})"
    r"(?:,?\s+\d{1,2}[.:]\d\d(?:\s*[ap]\.?m\.?)?)?(?:,?\s+[A-Z]{2,4}\b)?(?:,\s*\w+)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_TOP_LINES = 8  # a date line further down is a date in the story, not the publication's


def infer_published(text: str) -> tuple[date, Span] | None:
    """A publication date the article states itself ("today, Thursday, May 15, 2025"; "Published: ...";
    a date line under the headline)."""
    for m in _PUBLISHED_CUES.finditer(text):
        d = _parse_full_date(m)
        if d:
            return d, (m.start(1), m.end(1))
    top = "\n".join(text.split("\n", _TOP_LINES)[:_TOP_LINES])  # not the whole of a long text
    for m in _DATE_LINE.finditer(top):
        d = _parse_full_date(m)
        if d:
            return d, (m.start(1), m.end(1))
    return None


def _parse_full_date(m: re.Match) -> date | None:
    try:
        if m.group("iso"):
            return date.fromisoformat(m.group("iso"))
        month = (m.group("m1") or m.group("m2")).lower().rstrip(".")
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y1") or m.group("y2"))
        return date(year, MONTHS[month], day)
    except (ValueError, KeyError):
        return None


# ------------------------------------------------------------------ outlet

# "LONDON (AP) —", "KYIV, Ukraine (Reuters) -": the wire or outlet in a dateline.
_DATELINE = re.compile(
    r"[A-Z][A-Z .,'’-]{1,40}(?:,\s+[A-Z][\w .]+)?\s+\((?P<outlet>[A-Z][\w&. ]{1,25})\)\s*[—–-]"
)  # used with .match(text, paragraph start): anchored there
_DOMAIN = re.compile(r"\b(?:www\.)?(?P<site>[A-Z][A-Za-z0-9-]{2,}\.(?:com|co\.uk|org|net|news|in|ng))\b")


def infer_outlet(doc: Document) -> tuple[str, Span] | None:
    """The outlet as the text names it: a dateline's "(AP)", else a site named in web-page boilerplate."""
    for p in doc.paragraphs[:3]:
        if m := _DATELINE.match(doc.text, p.start, p.end):
            return m.group("outlet"), m.span("outlet")
    for s in doc.sentences:
        if s.kind == "boilerplate" and (m := _DOMAIN.search(doc.text, s.start, s.end)):
            return m.group("site"), m.span("site")
    return None
