"""The analyst's reviewed registry of actors (data/actors.yaml): optional knowledge, never required."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefing.config import DATA_DIR
from briefing.errors import InputError


@dataclass(frozen=True)
class RegistryEntry:
    name: str
    kind: str = ""
    aliases: tuple[str, ...] = ()
    role: str = ""
    affiliation: str = ""
    side: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Registry:
    entries: tuple[RegistryEntry, ...] = field(default_factory=tuple)

    def lookup(self, surface: str) -> RegistryEntry | None:
        """The entry whose name or alias equals ``surface`` (case-insensitive)."""
        key = surface.casefold().strip()
        for e in self.entries:
            if key == e.name.casefold() or key in (a.casefold() for a in e.aliases):
                return e
        return None


def load_registry(data_dir: Path | None = None) -> Registry:
    """Read ``actors.yaml`` from the data folder; an absent or empty file gives an empty registry."""
    path = (data_dir or DATA_DIR) / "actors.yaml"
    if not path.exists():
        return Registry()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise InputError(path, f"is not valid YAML ({str(exc).splitlines()[0]})") from None
    items = raw.get("actors") or [] if isinstance(raw, dict) else []
    entries = []
    for item in items:
        if not isinstance(item, dict) or not item.get("name"):
            raise InputError(path, f"every actor needs a name; got {item!r}")
        entries.append(
            RegistryEntry(
                name=str(item["name"]),
                kind=str(item.get("kind", "")),
                aliases=tuple(str(a) for a in item.get("aliases") or ()),
                role=str(item.get("role", "")),
                affiliation=str(item.get("affiliation", "")),
                side=str(item.get("side", "")),
                notes=str(item.get("notes", "")),
            )
        )
    return Registry(tuple(entries))
