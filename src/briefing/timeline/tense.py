"""The tense of the clause around a time expression: past, present or planned (the nearest cue)."""

from __future__ import annotations

import re

from briefing.timeline.words import alternation, words

_SCHEDULE = alternation(words("time_schedule_words"))
_FUTURE = re.compile(
    r"\b(?:will|would|won[’']t|shall|could|might|(?-i:may)|(?:is|are|am)\s+(?:due|set|scheduled|expected|"
    r"slated|going|poised|planning|to)|plans?\s+to|intends?\s+to|upcoming|due\s+(?:in|on|by|next)|"
    # a participle phrase with no auxiliary still looks ahead: "talks, set to resume Monday" (but
    # "was set to take effect" looked ahead from the past)
    rf"(?<!was\s)(?<!were\s)(?<!been\s)(?:{_SCHEDULE})\s+to\s+(?!have\b)\w+|"
    # "effective Feb. 1", "payable on Dec. 15": announced before the date they name
    rf"(?:{alternation(words('time_effect_words'))})(?=\s+(?:on\s+|from\s+)?(?-i:[A-Z]|\d)))\b",
    re.IGNORECASE,
)
_PAST_WORDS = alternation(words("time_past_verbs")).replace("'", "[’']")  # "didn't" or "didn’t"
# "-ed" words are past, but not "succeed", "need", nor adjectives after a determiner ("an unspecified date")
_PAST = re.compile(
    rf"\b(?:{_PAST_WORDS}|(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bstill\s)(?:\w{{2,}}[^\We]ed|\w*(?:agr|fr|decr|guarant)eed))\b",
    re.IGNORECASE,
)
_PRESENT = re.compile(rf"\b(?:{alternation(words('time_present_verbs'))})\b", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"\b(?:is|are|am|be|being)\s+$", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[;:]|\s[–—]\s|,\s+(?:but|while|whereas|although|though)\b")
_WINDOW = 160  # characters either side examined for tense cues


def clause_tense(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """past, present or planned: the nearest tense cue to text[start:end] in its clause ("" if none)."""
    a, b = clause_bounds(text, max(lo, start - _WINDOW), min(hi, end + _WINDOW), start, end)
    best: tuple[int, int, str] | None = None
    for rank, (pattern, tense) in enumerate(((_FUTURE, "planned"), (_PAST, "past"), (_PRESENT, "present"))):
        for m in pattern.finditer(text, a, b):
            if start <= m.start() < end:
                continue  # the expression's own words ("last week") are not a tense cue
            if tense == "past" and _PASSIVE_AUX.search(text, a, m.start()):
                continue  # "is expected", "will be held": the auxiliary decides
            # the governing verb usually comes first: cues after the expression count double
            dist = start - m.end() if m.end() <= start else 2 * (m.start() - end) + 10
            key = (max(dist, 0), rank, tense)
            if best is None or key < best:
                best = key
    return best[2] if best else ""


def clause_bounds(
    text: str, a: int, b: int, start: int, end: int, breaks: re.Pattern[str] = CLAUSE_BREAK
) -> tuple[int, int]:
    """The stretch of text[a:b] between the clause breaks around text[start:end]."""
    for m in breaks.finditer(text, a, b):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return a, b
