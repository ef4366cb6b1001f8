"""Which outlet this is, when the text says it: a dateline credit "(Reuters)", a "Source:" line, a
copyright line, an outlet on the byline, a boilerplate line naming it, or the file's own metadata.
Otherwise "not stated"."""

from __future__ import annotations

import re

from briefing.analysis import words
from briefing.lexicon import lists
from briefing.model import ActorIndex, Document

NOT_STATED = "not stated"
_CREDIT = re.compile(
    r"^(?:[A-Z][\w .,'’-]{0,50}?\s+)?\((?P<outlet>[A-Z][\w&.' -]{1,30})\)\s*[—–:-]", re.MULTILINE
)
_SOURCE = re.compile(r"^\s*(?:Source|Via)\s*:\s*(?P<outlet>[^\n]{2,60}?)\s*$", re.MULTILINE | re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bCopyright\b)\s*(?:\d{4}(?:[-–]\d{4})?\s*)?(?P<outlet>[A-Z][\w&.' -]{1,40}?)"
    r"(?=\s*(?:\.|,|All rights|$))",
    re.MULTILINE,
)
_DOMAIN = re.compile(r"\b(?:www\.)?(?P<outlet>[A-Za-z][A-Za-z0-9-]{2,}\.(?:com|co\.uk|org|net|news|in|ng))\b")


def outlet_of(doc: Document, actors: ActorIndex) -> tuple[str, str, int, int]:
    """(outlet, how the text gives it, start, end), or ("not stated", "", -1, -1)."""
    meta = str(getattr(doc, "outlet", "") or "").strip()
    if meta:
        return meta, "the file's metadata", -1, -1
    top = doc.paragraphs[4].start if len(doc.paragraphs) > 4 else len(doc.text)
    for rx, how, limit in (
        (_CREDIT, "dateline credit", top),
        (_SOURCE, "“Source:” line", len(doc.text)),
        (_COPYRIGHT, "copyright line", len(doc.text)),
    ):
        m = rx.search(doc.text, 0, limit)
        if m:
            return m.group("outlet").strip(), how, m.start("outlet"), m.end("outlet")
    return _from_lines(doc, actors)


def _from_lines(doc: Document, actors: ActorIndex) -> tuple[str, str, int, int]:
    """An outlet named on a byline or in the web page's own lines ("on The Times of India")."""
    media = [a for a in actors.actors if a.side == "media" and a.kind == "organisation"]
    outlet_words = {w.lower() for w in lists.words("sourcing", "outlet_words")}
    for s in doc.sentences:
        if s.kind not in ("byline", "boilerplate"):
            continue
        line = doc.text[s.start : s.end]
        for a in media:
            at = line.find(a.name)
            if at >= 0:
                return a.name, _how(s.kind), s.start + at, s.start + at + len(a.name)
        for m in re.finditer(r"(?:The\s+)?[A-Z][\w&]*(?:\s+(?:of\s+)?[A-Z][\w&]*)*", line):
            if {w.lower() for w in m.group().split()} & outlet_words and len(m.group()) > 2:
                return m.group(), _how(s.kind), s.start + m.start(), s.start + m.end()
    for s in doc.sentences:
        if s.kind == "boilerplate" and (m := _DOMAIN.search(doc.text, s.start, s.end)):
            return m.group("outlet"), "web address in the page", m.start("outlet"), m.end("outlet")
    return NOT_STATED, "", -1, -1


def _how(kind: str) -> str:
    return "byline" if kind == "byline" else "the page's own line"


def outlet_names(outlet: str, actors: ActorIndex) -> list[str]:
    """Other outlets the article names (media actors), for spotting second-hand claims."""
    own = outlet.lower()
    names = [a.name for a in actors.actors if a.side == "media" and a.kind == "organisation"]
    return [n for n in names if n.lower() not in own and own not in n.lower()]


__all__ = ["NOT_STATED", "outlet_names", "outlet_of", "words"]
