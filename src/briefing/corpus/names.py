"""Name keys: how two articles' names for one real-world actor are recognised as the same.

A person's key is ``first last`` after titles, middle names, initials and suffixes are dropped and case
and accents folded ("Sen. Bernard J. Sanders Jr." -> ``bernard sanders``); a name of one word is a
surname only and is resolved later against the corpus. Any other actor's key is its folded name without
a leading "the", a possessive or punctuation ("the U.S. State Department's" -> ``us state department``).
"""

from __future__ import annotations

import re
import unicodedata

from briefing.corpus.lexicon import Lexicon

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d+", re.UNICODE)
_JOINERS = frozenset("of for and the de del der van von bin al da di du la le".split())


def fold(text: str) -> str:
    """Case- and accent-insensitive: "Erdoğan" and "erdogan" compare equal."""
    s = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def tokens(name: str) -> list[str]:
    return [t.strip("'-") for t in _TOKEN.findall(fold(name).replace(".", " ")) if t.strip("'-")]


def person_tokens(name: str, lex: Lexicon) -> list[str]:
    """The name's words without titles, initials, suffixes and a possessive."""
    words = [w.removesuffix("'s") for w in tokens(name)]
    while words and (words[0] in lex.titles or " ".join(words[:2]) in lex.titles):
        words = words[2:] if " ".join(words[:2]) in lex.titles else words[1:]
    return [w for w in words if len(w) > 1 and w not in lex.suffixes and w not in lex.titles]


def person_key(name: str, lex: Lexicon) -> str:
    """``first last``, or ``~last`` for a surname alone, or "" when nothing of a name is left."""
    words = [w for w in person_tokens(name, lex) if w not in _JOINERS or w == "bin"]
    if not words:
        return ""
    if len(words) == 1:
        return f"~{words[0]}"
    return f"{words[0]} {words[-1]}"


def other_key(name: str) -> str:
    """An organisation's, state's, place's or group's key."""
    words = [w.removesuffix("'s") for w in tokens(name)]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def acronym(key: str) -> str:
    """``federal bureau of investigation`` -> ``fbi``: the initials of its words, joiners skipped."""
    words = [w for w in key.split() if w not in _JOINERS]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def key_of(name: str, kind: str, lex: Lexicon) -> str:
    return person_key(name, lex) if kind == "person" else other_key(name)
