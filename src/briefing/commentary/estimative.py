"""Estimative language: how likely an expert judges an outcome, on the ICD 203 scale, and the caveats
(doubt, negated inference) that carry no probability at all.

The phrases live in ``data/estimative.yaml`` (an analyst may curate it); a built-in copy stands in when
the file is missing. "The talks do not necessarily indicate X" doubts an inference: it is a caveat, not
a 50% estimate. "Three times more likely to die" compares risks: no estimate either.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from briefing.config import DATA_DIR

ICD203_SCALE = (
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
)
CAVEATS, NOT_ESTIMATIVE = "caveats", "not estimative"

_BUILTIN: dict[str, list[str]] = {
    "almost certain": ["almost certainly", "virtually certain", "certainly", "definitely", "undoubtedly"],
    "very likely": ["very likely", "highly likely", "very probably", "most likely"],
    "likely": ["likely", "probably", "expect", "expects", "expected to", "poised to"],
    "roughly even chance": ["may", "might", "could", "possibly", "perhaps", "maybe", "even chance"],
    "unlikely": ["unlikely", "probably not", "doubtful", "improbable", "not likely"],
    "very unlikely": ["very unlikely", "highly unlikely", "little chance", "slim chance", "chances ... slim"],
    "almost no chance": ["almost no chance", "no chance", "virtually impossible", "impossible"],
    CAVEATS: ["not necessarily", "does not mean", "is no sign", "does not indicate", "unclear", "uncertain"],
    NOT_ESTIMATIVE: ["more likely", "less likely", "than expected", "had expected", "could not", "cannot"],
}


def _regex(phrase: str) -> str:
    """A phrase as a pattern; "A ... B" allows up to eight words between A and B."""
    parts = [re.escape(p.strip()) for p in phrase.lower().split("...")]
    return r"(?:\W+[\w’'-]+){0,8}?\W+".join(parts)


@cache
def lexicon(path: Path | None = None) -> tuple[re.Pattern[str], list[tuple[str, str]]]:
    """One regex over every phrase (longest first, each a named group) and (group, label) pairs."""
    source = path or DATA_DIR / "estimative.yaml"
    table = _BUILTIN
    if source.exists():
        loaded = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
        table = {k: [str(p) for p in v] for k, v in loaded.items() if v}
    labels = [*ICD203_SCALE, CAVEATS, NOT_ESTIMATIVE]
    phrases = sorted(((p, label) for label in labels for p in table.get(label, [])), key=lambda x: -len(x[0]))
    groups = [(f"g{i}", label) for i, (_, label) in enumerate(phrases)]
    alternation = "|".join(f"(?P<g{i}>{_regex(p)})" for i, (p, _) in enumerate(phrases))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE), groups


def _matches(text: str) -> list[tuple[str, str]]:
    """(label, words) of each estimative phrase in ``text``, in order; "May" the month is none."""
    rx, groups = lexicon()
    out = []
    for m in rx.finditer(text):
        if m.group() == "May" and m.start():
            continue
        label = next(label for g, label in groups if m.group(g) is not None)
        out.append((label, " ".join(m.group().lower().split())))
    return out


def likelihood(text: str) -> tuple[str, str]:
    """(ICD 203 term, the words that put it there) for the first likelihood expression, or ("", "").

    Caveats and comparisons are no likelihood: "not necessarily" gives ("", "")."""
    found = [(label, w) for label, w in _matches(text) if label in ICD203_SCALE]
    if not found:
        return "", ""
    return found[0][0], "; ".join(dict.fromkeys(w for _, w in found))


def caveat(text: str) -> str:
    """The words of doubt or negated inference in ``text`` ("not necessarily"), or ""."""
    return "; ".join(dict.fromkeys(w for label, w in _matches(text) if label == CAVEATS))
