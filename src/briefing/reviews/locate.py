"""Find a piece of text an analyst quoted in the article, whatever their quotes, dashes and spacing.

The analyst copies words from the briefing or types them: curly or straight quotation marks, an en dash
or a hyphen, one space or a line break, upper or lower case all match. Offsets returned are the
article's own (``str`` indices, end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]

_FOLD = {
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‹": "'",
    "›": "'",
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
}
_QUOTES = "\"'“”„«»‘’‚‹›"


def normalise(text: str) -> tuple[str, list[int]]:
    """``text`` folded for matching, and for each folded character the offset it came from."""
    out: list[str] = []
    origin: list[int] = []
    space = False
    for i, ch in enumerate(text):
        ch = _FOLD.get(ch, ch)
        if ch.isspace():
            if space:
                continue
            ch, space = " ", True
        else:
            space = False
        for c in ch.lower():
            out.append(c)
            origin.append(i)
    return "".join(out), origin


@dataclass
class Locator:
    """Searches one article; the folded text is computed once."""

    text: str
    _folded: str = field(init=False, repr=False)
    _origin: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._folded, self._origin = normalise(self.text)

    def find(self, needle: str, whole_words: bool = False) -> list[Span]:
        """Every place ``needle`` occurs (overlapping ones too), in order."""
        folded = normalise(needle.strip())[0]
        if not folded:
            return []
        spans: list[Span] = []
        i = self._folded.find(folded)
        while i >= 0:
            j = i + len(folded)
            if not whole_words or self._bounded(i, j):
                spans.append((self._origin[i], self._origin[j - 1] + 1))
            i = self._folded.find(folded, i + 1)
        return spans

    def find_quoted(self, needle: str) -> list[Span]:
        """Like ``find``; a needle copied with its quotation marks also matches the words inside them."""
        return self.find(needle) or self.find(needle.strip().strip(_QUOTES))

    def _bounded(self, i: int, j: int) -> bool:
        before = self._folded[i - 1] if i > 0 else " "
        after = self._folded[j] if j < len(self._folded) else " "
        return not (before.isalnum() or after.isalnum())

    def contains(self, needle: str) -> bool:
        return bool(self.find(needle, whole_words=True))


def nearest(spans: list[Span], at: int) -> Span:
    """The span starting closest to offset ``at``."""
    return min(spans, key=lambda s: (abs(s[0] - at), s[0]))
