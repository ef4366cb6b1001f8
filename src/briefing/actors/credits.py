"""The article's authors and the journalists a credit line names, as people on the media's side."""

from __future__ import annotations

import re

from briefing.actors.entity import name_key
from briefing.actors.resolve import Resolver
from briefing.actors.shapes import LONE_NAME
from briefing.lexicon.words import (
    fold,
    is_common_word,
    is_given_name,
    place_table,
)
from briefing.model import Document

_BYLINE = re.compile(
    r"^(?:By|Write to|Contact|Reporting by|Written by)\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})"
)


def bylines(doc: Document, res: Resolver) -> None:
    """The article's authors and the journalists a credit line names, as people on the media's side."""
    for sent in doc.sentences:
        line = doc.text[sent.start : sent.end]
        by, credit = bool(_BYLINE.match(line)), bool(_CREDIT.search(line))
        if sent.kind == "byline":
            if LONE_NAME.fullmatch(line.strip()) and not by:
                continue  # the speaker of the quote above, not an author
        elif not (sent.kind == "boilerplate" and (by or credit)):
            continue
        author = sent.kind == "byline" or (by and not credit)
        for m in _CREDIT_NAME.finditer(line):
            if not (m.group("lead") or (m.start() == 0 and sent.kind == "byline")):
                continue  # "... in Cairo", "Associated Press writer ..."
            a = sent.start + m.start("name")
            b = a + len(_person_part(m.group("name")))
            name = doc.text[a:b]
            if fold(name) in place_table() or len(name.split()) < 2:
                continue
            e = res.by_alias.get(name_key(name))
            if e is None:
                e = res._new(name, "person")
            elif e.kind == "organisation" and e.name == name:
                e.kind = "person"  # "Al Root" looked like two everyday words; the credit line says who
                res._alias(e, e.name)
            if e.kind == "person":
                e.add(a, b, "name")
                e.role = e.role or ("author of the article" if author else "journalist")
                e.role_evidence = e.role_evidence or (sent.start, b)
                e.side = "media"


# "(Reporting by A in X and B in Y; Editing by C)", "A contributed to this report."
_CREDIT = re.compile(r"\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled)\s+by\b|\bcontributed\s+to\s+this")

_CREDIT_NAME = re.compile(
    r"(?P<lead>\b(?:[Bb]y|and|writer|[Cc]ontact|to)\s+|&\s+|;\s+)?(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})"
)


def _person_part(name: str) -> str:
    """ "Harriet Cole Political" -> "Harriet Cole": a trailing everyday word is the desk, not the name."""
    words = name.split()
    while len(words) > 2 and is_common_word(words[-1]) and not is_given_name(words[-1]):
        words.pop()
    return " ".join(words)
