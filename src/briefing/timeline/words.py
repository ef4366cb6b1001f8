"""The timeline's word lists, read once from plain data files in ``briefing/lexicon/time_*``.

``.txt`` files hold one entry a line (``#`` starts a comment); ``.yaml`` files a mapping or list. This small
cached reader takes the file's path so that it can give way to the project's ``Lexicon`` loader unchanged.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LEXICON = Path(__file__).resolve().parent.parent / "lexicon"


@cache
def read_list(path: Path) -> tuple[str, ...]:
    """The entries of a one-a-line word list (comments and blank lines skipped)."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line)


@cache
def read_yaml(path: Path) -> Any:
    """A YAML data file as plain Python data."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def words(name: str) -> tuple[str, ...]:
    return read_list(LEXICON / f"{name}.txt")


def table(name: str) -> Any:
    return read_yaml(LEXICON / f"{name}.yaml")


def alternation(entries: tuple[str, ...] | list[str]) -> str:
    """A regular-expression alternation of literal entries, longest first."""
    return "|".join(re.escape(e) for e in sorted(entries, key=len, reverse=True))


WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
NUMBERS: dict[str, int] = table("time_count_words")
ORDINALS: dict[str, int] = {str(k): v for k, v in table("time_ordinals").items()}
UNITS: dict[str, str] = table("time_units")
SEASONS: dict[str, tuple[int, int]] = {k: tuple(v) for k, v in table("time_seasons").items()}
SPOKEN_UNITS = {w: i for i, w in enumerate(table("time_spoken_numbers")["units"])}
SPOKEN_TENS: dict[str, int] = table("time_spoken_numbers")["tens"]
COUNT_NOUNS = frozenset(words("time_count_nouns"))
