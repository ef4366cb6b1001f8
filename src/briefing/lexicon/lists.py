"""Word lists kept as data files beside this module (``*.yaml``), loaded once per process.

A list here is part of the method (how English news marks a demand, an anonymous source or a think
tank), never knowledge of one article. An analyst may copy a file into ``data/`` to curate it: a file of
the same name there wins.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from briefing.config import DATA_DIR

HERE = Path(__file__).resolve().parent


@cache
def load(name: str) -> dict[str, Any]:
    """The mapping in ``<name>.yaml``: ``data/`` first, else the copy shipped with the package."""
    for folder in (DATA_DIR, HERE):
        path = folder / f"{name}.yaml"
        if path.exists():
            return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    raise FileNotFoundError(f"word list {name}.yaml is missing from {HERE}")


def words(name: str, key: str) -> tuple[str, ...]:
    """One list of a file, as a tuple of strings (empty when the key is absent)."""
    return tuple(str(w) for w in load(name).get(key) or ())


def table(name: str, key: str) -> dict[str, tuple[str, ...]]:
    """A mapping of lists (label -> words) of a file."""
    return {str(k): tuple(str(w) for w in v or ()) for k, v in (load(name).get(key) or {}).items()}
