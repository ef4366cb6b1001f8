"""The briefing's title: the file's own title, else the headline line, else the lead cut at a clause.

A dateline ("NAIROBI, Kenya"), a date line, a byline or a kicker ("Opinion") is never a title.
"""

from __future__ import annotations

import re

from briefing.model import Document, Sentence

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_LINE = re.compile(rf"\b{_MONTH}\b.*\b(?:19|20)\d\d\b|\b(?:19|20)\d\d\b.*\b{_MONTH}\b", re.IGNORECASE)
_PLACE_LINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w.]*\.?(?:\s+[A-Z][\w.]*)*)?\s*[—–:-]?$")
_CLAUSE = re.compile(
    r",\s+(?:but|as|while|after|before|which|who|where|when|although|though|amid|according|with|"
    r"[a-z]+ing)\b|;\s|\s[–—]\s|:\s"
)
SHORT, LONG = 20, 40

DATELINE = re.compile(
    r"^\s*(?:\([^)]{1,30}\)\s*[—–-]+\s*|"
    r"[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w.]*\.?(?:\s+[A-Z][\w.]*\.?)?)*(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^)]{1,30}\))?\s*[—–:-]+\s*"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([^)]{1,30}\)\s*[—–-]+\s*"
    r")"
)


def strip_dateline(text: str) -> tuple[str, int]:
    """("A federal judge on Tuesday ...", characters cut) for "JEFFERSON CITY, Mo. (AP) — A federal ..."."""
    m = DATELINE.match(text)
    if not m or len(text) - m.end() < 20:
        return text, 0
    return text[m.end() :], m.end()


def not_a_title(line: str) -> bool:
    """A dateline, a date line, a byline or a one- or two-word kicker."""
    words = line.split()
    return (
        len(words) <= 2
        or bool(_PLACE_LINE.match(line.strip()))
        or (len(words) <= 9 and bool(_DATE_LINE.search(line)))
        or line.lower().startswith("by ")
    )


def title_of(doc: Document) -> tuple[str, int, int]:
    """(title, start, end); offsets -1 when the title comes from the file's own metadata."""
    meta = str(getattr(doc, "title", "") or "").strip()
    if meta:
        return meta, -1, -1
    for para in _top_headlines(doc):
        line = doc.text[para[0] : para[1]]
        if not not_a_title(line):
            return line.strip(), para[0], para[1]
    return lead_title(doc)


def _top_headlines(doc: Document) -> list[tuple[int, int]]:
    """Headline paragraphs before the first body sentence, as (start, end)."""
    out: list[tuple[int, int]] = []
    for s in doc.sentences:
        if s.kind == "body":
            break
        if s.kind == "headline":
            p = doc.paragraphs[s.paragraph]
            if (p.start, p.end) not in out:
                out.append((p.start, p.end))
    return out


def lead(doc: Document) -> Sentence | None:
    return next((s for s in doc.sentences if s.kind == "body"), None)


def lead_title(doc: Document) -> tuple[str, int, int]:
    """The first body sentence without its dateline, cut at the first clause boundary when long."""
    first = lead(doc) or (doc.sentences[0] if doc.sentences else None)
    if first is None:
        return doc.source, -1, -1
    text, cut = strip_dateline(doc.text[first.start : first.end])
    start = first.start + cut
    text = text.rstrip()
    if len(text.split()) > SHORT:
        for m in _CLAUSE.finditer(text):
            if len(text[: m.start()].split()) >= 8:
                text = text[: m.start()]
                break
    if len(text.split()) > LONG:
        m = list(re.finditer(r",\s", text[: len(" ".join(text.split()[:LONG]))]))
        text = text[: m[-1].start()] if m else text
    text = text.rstrip(" .,;:")
    return text, start, start + len(text)
