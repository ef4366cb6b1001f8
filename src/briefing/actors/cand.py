"""A candidate name: a stretch of text that names something, before it is merged into an actor."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Cand:
    """A stretch of text that names something, before it is merged into an actor."""

    start: int  # character offsets
    end: int
    text: str
    kind: str  # person, organisation, state, place, single (one unknown capitalised word)
    how: str = "name"
    canon: str = ""  # canonical name when a table knows it
    state: str = ""  # the state a seat of government or capital belongs to
    title: tuple[int, int] | None = None  # office title written before a person's name
    gender: str = ""
    known_only: bool = False  # headline/boilerplate: may only refer to an actor found elsewhere
    venue: bool = False  # a city named as where something happens (a dateline, "in Brussels")
    # typed by shape alone (no title, organisation word or context): the model may retype it
    weak: bool = False
