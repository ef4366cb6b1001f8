"""The corpus word lists (data/corpus.yaml), loaded once per folder, as whole-word patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from briefing.config import DATA_DIR
from briefing.errors import InputError

FILE = "corpus.yaml"


@dataclass(frozen=True)
class Lexicon:
    anonymous: re.Pattern[str]
    media: re.Pattern[str]
    official: re.Pattern[str]
    denial: re.Pattern[str]
    negation: re.Pattern[str]
    titles: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()  # words that carry no content when claims are compared


def words_pattern(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` as whole words, longest first; a pattern that never matches when empty."""
    if not words:
        return re.compile(r"(?!x)x")
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{alts})(?![\w'’])", re.IGNORECASE)


@cache
def _load(path: Path) -> Lexicon:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise InputError(path, f"is not valid YAML ({str(exc).splitlines()[0]})") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    sourcing, contra = raw.get("sourcing") or {}, raw.get("contradiction") or {}
    names, compare = raw.get("names") or {}, raw.get("compare") or {}

    def words(section: dict, key: str) -> list[str]:
        value = section.get(key) or []
        if not isinstance(value, list):
            raise InputError(path, f"'{key}' must be a list of words")
        return [str(v) for v in value]

    return Lexicon(
        anonymous=words_pattern(words(sourcing, "anonymous")),
        media=words_pattern(words(sourcing, "media")),
        official=words_pattern(words(sourcing, "official")),
        denial=words_pattern(words(contra, "denial")),
        negation=words_pattern(words(contra, "negation")),
        titles=frozenset(w.casefold() for w in words(names, "titles")),
        suffixes=frozenset(w.casefold() for w in words(names, "suffixes")),
        ignore=frozenset(w.casefold() for w in words(compare, "ignore")),
    )


def lexicon(data_dir: str | Path | None = None) -> Lexicon:
    """The word lists of ``data_dir``, or the project's when that folder has none."""
    path = Path(data_dir or DATA_DIR) / FILE
    if not path.exists():
        path = DATA_DIR / FILE
    return _load(path.resolve())
