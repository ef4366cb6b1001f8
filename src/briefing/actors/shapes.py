"""The shape of tokens and lines: capitalised words, name-like words, title-cased lines."""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from briefing.lexicon.words import NAME_JOINERS, NOT_NAMES, ORG_TAILS, fold

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})

ORG_FOLLOWERS = frozenset(
    "shares stock stocks management executives board employees spokesman spokeswoman analysts "
    "reported reports results earnings".split()
)

DOMAIN = re.compile(r"^[A-Za-z][\w-]*\.(?:com|org|net|co|io|gov|edu|uk|in|ru|ua)$|^[A-Z]\.[A-Z][a-z]+")


def is_cap(tok: Token) -> bool:
    t = tok.text
    if not t[:1].isupper():
        return False
    acronym = t.isupper() and 2 <= len(t) <= 5 and t.isalpha()  # "WHO", "IT" are names in capitals
    if fold(t) in NOT_NAMES and not acronym:
        return False
    return any(c.isalpha() for c in t) and not t.isdigit()


def lower_words(sdoc: SpacyDoc) -> set[str]:
    """Words the document writes in lower case somewhere: a capitalised form of them is a common word."""
    return {t.text for t in sdoc if t.text.islower() and t.text.isalpha()}


LONE_NAME = re.compile(r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,4}")  # a quote's speaker on its own line

PARTY_STATE = re.compile(r"\(\s*[DRI]\s*-\s*[A-Z][\w.]*(?:\s?[A-Z][\w.]*)?\s*\)")

SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III"})


def name_like(tok: Token) -> bool:
    t = tok.text
    if t.lower() in NAME_JOINERS or re.fullmatch(r"[A-Z]\.", t) or t in SUFFIXES:
        return True
    return (
        t[:1].isupper()
        and t[1:].replace("'", "").replace("’", "").replace("-", "").isalpha()
        and not t.isupper()
        and t.lower() not in ORG_TAILS
    )


def title_cased(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    small = {"a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "by", "with", "is"}
    content = [w for w in words if w.lower() not in small]
    return len(content) >= 4 and all(w[:1].isupper() for w in content)
