"""The grammar of time expressions: one regular expression per kind, built once, with its resolver.

Where matches overlap, the longest wins, then the earlier pattern in this list.
"""

from __future__ import annotations

import re

from briefing.timeline import resolve_calendar as cal
from briefing.timeline import resolve_periods as per
from briefing.timeline import resolve_relative as rel
from briefing.timeline.context import Resolver
from briefing.timeline.grammar import (
    CLOCK,
    DASH,
    DAY,
    MONC,
    MONF,
    MONTH_PREP,
    NUM,
    PREP,
    SPOKEN_YEAR,
    TOD,
    WD,
    WDI,
    YEAR,
    A,
    B,
)
from briefing.timeline.patterns_anaphora import ANAPHORA_PATTERNS
from briefing.timeline.patterns_story import STORY_PATTERNS

PATTERNS: list[tuple[str, re.Pattern[str], Resolver]] = [
    (
        "full_date",
        re.compile(
            rf"\b(?:(?i:late|early)\s+(?:on\s+)?)?(?:{WDI},?\s+)?(?:(?P<mon>{MONC})\s+(?P<d>{DAY}),?\s+"
            rf"(?P<y>{YEAR})|(?P<d_>{DAY})\s+(?P<mon_>{MONC}),?\s+(?P<y_>{YEAR}))\b|"
            rf"{B}(?P<iso>{YEAR}-[01]\d-[0-3]\d){A}"
        ),
        cal.r_full_date,
    ),
    (
        "day_range",
        re.compile(
            rf"\b(?:(?P<mon>{MONC})\s+(?P<d1>{DAY}){DASH}(?P<d2>{DAY})|(?:between\s+)?(?P<d1_>{DAY})"
            rf"(?:{DASH}|\s+(?:and|to)\s+)(?P<d2_>{DAY})\s+(?P<mon_>{MONF}))(?:,?\s+(?P<y>{YEAR}))?\b(?!\s*%)"
        ),
        cal.r_day_range,
    ),
    (
        "month_range",
        re.compile(
            rf"\b(?:between\s+|from\s+)?(?P<mon1>{MONF})(?:{DASH}|\s+and\s+)(?P<mon2>{MONF}),?\s+(?:of\s+)?"
            rf"(?P<y>{YEAR})\b"
        ),
        cal.r_month_range,
    ),
    (
        "month_year",
        re.compile(
            rf"\b(?:(?i:early|mid|late)[\s-]+|(?i:the)\s+(?:middle|end|beginning|start)\s+of\s+)?"
            rf"(?P<mon>{MONC}),?\s+(?:of\s+)?(?:(?P<y>{YEAR})\b|(?P<sy>{SPOKEN_YEAR})\b)"
        ),
        cal.r_month_year,
    ),
    (
        "month_day",
        re.compile(
            rf"\b(?:{PREP}\s+)?(?:{WDI},?\s+)?(?:(?P<mon>{MONC})\s+(?P<d>{DAY})(?![\d,.:]\d|\s*%)"
            rf"|(?:the\s+)?(?P<d_>{DAY})\s+(?:of\s+)?(?P<mon_>{MONF})(?!\s+{YEAR}))\b"
        ),
        cal.r_month_day,
    ),
    (
        "month_rel",
        re.compile(
            rf"\b(?:(?P<which>(?i:last|this|next|coming))\s+(?P<mon>{MONF})\b(?!\s+\d)|(?:{MONTH_PREP}[\s-]+)?"
            rf"(?P<mon2>{MONF})\s+(?P<which2>last|this|next)\s+year\b|{MONTH_PREP}[\s-]+(?P<mon3>{MONF})\b"
            rf"(?!\s+\d)|(?<!\bMay\s)(?P<mon4>January|February|April|June|July|August|September|October|"
            rf"November|December)\b(?!\s+\d))"
        ),
        cal.r_month_rel,
    ),
    (
        "quarter",
        re.compile(
            rf"\b(?:(?:in|during|for)\s+)?(?:the\s+)?(?P<fiscal>fiscal[\s-]+(?:year\s+)?)?(?:(?P<ord>first|second|"
            rf"third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|Q(?P<qn>[1-4])|(?P<qmon>March|June|September|"
            rf"December)[\s-]+quarter)(?:\s+(?:of\s+)?(?P<y>{YEAR})|\s+of\s+(?P<rel>next|this|last)\s+year|\s+of\s+the\s+year)?\b",
            re.I,
        ),
        per.r_quarter,
    ),
    (
        "half",
        re.compile(
            rf"\b(?P<fiscal>fiscal\s+)?(?:(?:the\s+)?(?P<h>first|second|last|latter)[\s-]+half|H(?P<hn>[12])|"
            rf"(?:the\s+)?(?P<h2>first|last)\s+two\s+quarters)"
            rf"(?:\s+(?:of\s+)?(?P<y>{YEAR})|\s+of\s+(?P<rel>next|this|last)\s+year|\s+of\s+the\s+year)?\b",
            re.I,
        ),
        per.r_half,
    ),
    (
        "fiscal",
        re.compile(
            rf"\b(?:FY\s?|fiscal(?:\s+year)?[\s-]+)(?P<y1>{YEAR}|\d\d)(?:\s*(?:-|–|/)\s*(?P<y2>\d{{4}}|\d\d))?\b",
            re.I,
        ),
        per.r_fiscal,
    ),
    (
        "season",
        re.compile(
            rf"\b(?:(?P<which>last|this|next)\s+)?(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)"
            rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b",
            re.I,
        ),
        per.r_season_checked,
    ),
    (
        "decade",
        re.compile(r"\b(?:the\s+)?(?:(?P<dec>(?:1[5-9]|20)\d0)s|[’'](?P<dec2>\d0)s)\b", re.I),
        cal.r_decade,
    ),
    (
        "year_range",
        re.compile(
            rf"{B}(?:between\s+(?P<b1>{YEAR})\s+and\s+(?P<b2>{YEAR})|(?:from\s+)?(?P<y1>{YEAR})"
            rf"(?:\s*(?:-|–|—)\s*|\s+(?:to|through)\s+)(?P<y2>{YEAR}|\d\d)){A}",
            re.I,
        ),
        cal.r_year_range,
    ),
    (
        "year_rel",
        re.compile(
            rf"\b(?:(?:early|mid|late)[\s-]+|the\s+(?:middle|end|beginning|start|turn)\s+of\s+)(?P<y>{YEAR})\b",
            re.I,
        ),
        cal.r_year_rel,
    ),
    (
        "spoken_year",
        re.compile(rf"\b(?:(?:the\s+)?year\s+)?(?P<sy>{SPOKEN_YEAR})\b", re.I),
        cal.r_year_checked,
    ),
    (
        "year",
        re.compile(rf"{B}(?:(?:in|since|by|until|from|before|after|during|of)\s+)?(?P<y>{YEAR}){A}", re.I),
        cal.r_year_checked,
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?:{CLOCK}|{TOD})\s+(?:on\s+)?)?(?:(?:late|early|earlier|later)\s+(?:on\s+)?|{PREP}\s+|"
            rf"(?P<which>last|next|this|coming)\s+|the\s+(?P<anchor>previous|preceding|following)\s+)?"
            rf"(?P<wd>{WD})(?:[’']s)?(?:\s+(?:{TOD}|{CLOCK}))?\b",
            re.I,
        ),
        rel.r_weekday_checked,
    ),
    (
        "relative_day",
        re.compile(
            rf"\b(?:(?:late|early|earlier|later)\s+)?(?P<rel>today|tonight|yesterday|tomorrow|this\s+{TOD}|last\s+night)"
            rf"(?:\s+{TOD})?\b",
            re.I,
        ),
        rel.r_relative_day,
    ),
    (
        "part_of_day",
        re.compile(r"\b(?:early|late|mid)[\s-]?(?:morning|afternoon|evening)\b", re.I),
        rel.r_part_of_today,
    ),
    (
        "anchored_year",
        re.compile(
            r"\b(?:the\s+(?P<dir>following|next|previous|preceding)\s+year|a\s+year\s+(?P<dir2>later|earlier|"
            r"before|after)|the\s+year\s+(?P<dir3>before|after))\b",
            re.I,
        ),
        rel.r_anchored_year,
    ),
    (
        "same_day",
        re.compile(
            r"\b(?:(?P<edge>later|earlier)\s+in\s+the\s+day|(?:on\s+)?(?:that|the\s+same)\s+day|"
            r"the\s+(?P<dir>next|following|previous)\s+day)\b",
            re.I,
        ),
        rel.r_same_day,
    ),
    (
        "nth_day",
        re.compile(
            r"\b(?:the\s+)?(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|"
            r"ninth|tenth|eleventh|twelfth|\w+teenth|\w+tieth(?:[\s-]\w+)?)\s+(?:straight\s+|consecutive\s+)?"
            r"day\b",
            re.I,
        ),
        rel.r_nth_day,
    ),
    (
        "year_to_date",
        re.compile(r"\b(?:year[\s-]to[\s-]date|so\s+far\s+this\s+year|YTD)\b", re.I),
        rel.r_year_to_date,
    ),
    (
        "period",
        re.compile(
            r"\b(?:(?P<edge>earlier|later)\s+)?(?P<which>last|this|next|past|coming)\s+"
            r"(?P<unit>week|month|year|weekend)\b(?!s)",
            re.I,
        ),
        rel.r_period,
    ),
    (
        "ago",
        re.compile(
            rf"\b(?:(?P<approx>nearly|almost|about|around|some|more\s+than|over|roughly)\s+)?(?P<n>{NUM})\s+"
            r"(?P<unit>days?|weeks?|months?|years?|decades?)(?P<orso>\s+or\s+so)?\s+ago\b",
            re.I,
        ),
        rel.r_ago,
    ),
    (
        "span",
        re.compile(
            rf"\b(?:(?:for|over|in|during)\s+)?the\s+(?:last|past)\s+(?:(?P<n>{NUM})\s+)?"
            r"(?P<unit>days?|weeks?|months?|years?|decades?)\b",
            re.I,
        ),
        rel.r_span,
    ),
    (
        "duration",
        re.compile(
            rf"\b(?:(?P<prep>for|in|within|over)\s+)?(?P<q>(?:more|less|fewer)\s+than\s+|nearly\s+|almost\s+|"
            rf"about\s+|at\s+least\s+|up\s+to\s+)?(?P<n>{NUM})\s+(?P<unit>days?|weeks?|months?|years?|decades?)\b"
            rf"(?![\s-]+old)",
            re.I,
        ),
        rel.r_duration,
    ),
    (
        "clock",
        re.compile(rf"\b(?:(?:at|around|about|by|before|after)\s+)?{CLOCK}", re.I),
        rel.r_part_of_today,
    ),
]
PATTERNS += ANAPHORA_PATTERNS + STORY_PATTERNS
PRIORITY = {name: i for i, (name, _, _) in enumerate(PATTERNS)}
