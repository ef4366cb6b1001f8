"""The grammar of time expressions that lean on the story around them: "overnight" (the night before the
day the story is at), "Oct. 12, the day before the crash", "this year as last", "the end of the month".
Appended to the main patterns."""

from __future__ import annotations

import re

from briefing.timeline import resolve_story as sto
from briefing.timeline.context import Resolver
from briefing.timeline.words import alternation, words

_GENERIC = alternation(words("time_overnight_generic"))
_FUNCTION = (
    r"and|or|but|nor|the|for|from|with|into|onto|when|while|that|than|then|this|these|those|its|his|her|their"
)

STORY_PATTERNS: list[tuple[str, re.Pattern[str], Resolver]] = [
    (
        "overnight",
        re.compile(
            # before the noun it dates ("overnight losses", "the overnight talks"): not "changed overnight"
            # (suddenly), not "the overnight rate" (a kind of thing), not "flew overnight on" (no anchor)
            rf"\bovernight(?=[\s-]+(?!(?:{_GENERIC}|{_FUNCTION})\b)[a-z]{{3,}}\b)",
            re.I,
        ),
        sto.r_overnight,
    ),
    (
        "apposed_day",
        re.compile(r"(?<=,\s)the\s+day\b(?=\s+(?:before|after|of|when|that)\b)", re.I),
        sto.r_apposed_day,
    ),
    (
        "elided_last",
        re.compile(r"\b(?:as|than)\s+last\b(?=\s*[.,;:!?)\"”]|\s+(?:and|but|or|when|while)\b)", re.I),
        sto.r_elided_last,
    ),
    (
        "month_end",
        re.compile(
            r"\b(?:the\s+)?(?:end|close)\s+of\s+(?:the|this)\s+month\b|\b(?P<point>month[\s-]end)\b", re.I
        ),
        sto.r_month_end,
    ),
]
