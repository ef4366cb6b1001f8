"""The grammar of anaphoric time expressions: periods of a company's report, "the year", "year-end",
"that year", "the following month", "until then", "in the morning". Appended to the main patterns."""

from __future__ import annotations

import re

from briefing.timeline import resolve_anaphora as ana
from briefing.timeline import resolve_reports as rep
from briefing.timeline.context import Resolver
from briefing.timeline.grammar import YEAR

_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
# "quarter" as a period, not "a quarter-point", "the quarter of voters", "the Latin Quarter"
_Q = r"(?-i:quarter)\b(?![\s-]+(?:point|percentage|mile|final|century|pound|inch|of\b))"
_QP = rf"(?:{_Q}|(?-i:period)\b(?!\s+of\b))"
_BEFORE = r"(?:year[\s-]ago|year[\s-]earlier|prior[\s-]year|year[\s-]before)"
_A_YEAR_AGO = r"(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|prior)\s+year)"

ANAPHORA_PATTERNS: list[tuple[str, re.Pattern[str], Resolver]] = [
    (
        "report",
        re.compile(
            rf"\b(?:(?P<that>that)|(?P<this>this)|the|its)\s+(?:(?P<current>current)\s+|(?:latest|most\s+recent|"
            rf"just[\s-]+(?:ended|completed))\s+)?{_Q}|\b(?:the|this)\s+(?:latest|most\s+recent|current|"
            rf"just[\s-]+(?:ended|completed))\s+period\b",
            re.I,
        ),
        rep.r_report,
    ),
    (
        "report_year",
        re.compile(
            rf"\b(?:the\s+)?(?P<y>{YEAR})\s+(?:(?P<ord>{_ORD})[\s-]+)?{_QP}|"
            rf"\b(?P<rel>this|next|last)\s+year['’]s\s+(?P<ord2>{_ORD})[\s-]+{_Q}",
            re.I,
        ),
        rep.r_report,
    ),
    (
        "report_before",
        re.compile(
            rf"\b(?:(?:the|its|a)\s+)?(?:comparable\s+|corresponding\s+|same\s+)?{_BEFORE}\s+"
            rf"(?:(?P<ord>{_ORD})[\s-]+)?(?:{_QP}|(?:six|nine)\s+months\b)|"
            rf"\b(?:the\s+)?(?:corresponding|same|comparable)\s+(?:(?P<ord2>{_ORD})[\s-]+)?{_QP}\s+(?:of\s+)?"
            rf"{_A_YEAR_AGO}\b|"
            rf"\b(?:the\s+)?(?:(?P<ord3>{_ORD})[\s-]+)?{_Q}\s+a\s+year\s+(?:ago|earlier|before)\b|"
            rf"\blast\s+year['’]s\s+(?:(?P<ord4>{_ORD})[\s-]+)?{_QP}|"
            r"\b(?:year-ago|year-earlier)\b(?=\s+[\w$])",
            re.I,
        ),
        rep.r_report_before,
    ),
    (
        "months_to_date",
        re.compile(
            rf"\b(?:the\s+)?(?:first|latest)\s+(?P<n>three|six|nine)\s+months\b(?=\s+of\s+(?P<y>{YEAR})\b)?|"
            r"\bthe\s+(?P<n2>six|nine)\s+months\b(?=\s*[,.;]|\s+(?:ended|ending|through|to\s+(?-i:[A-Z])))",
            re.I,
        ),
        rep.r_months_to_date,
    ),
    (
        "the_year",
        re.compile(
            r"\b(?:(?:earlier|later)\s+in\s+)?(?:(?i:the)|its)\s+(?:(?P<mod>full|whole|entire|current|calendar|"
            r"latest|most\s+recent)\s+)?(?P<fiscal>fiscal\s+)?year\b(?![\s-]+(?:ago|earlier|before|after|later|old|\d|two\b|nineteen|"
            r"twenty|in\s+which))(?!-|['’]s\s+end)",
        ),
        ana.r_the_year,
    ),
    (
        "year_end",
        re.compile(
            r"\b(?:(?P<since>since)\s+|(?P<approx>around|about|near|towards?|approximately)\s+)?"
            r"(?:(?:the\s+)?(?:end|close)\s+of\s+(?:the|this)\s+(?:calendar\s+)?year|"
            r"(?:the\s+)?year['’]s\s+end|(?P<fiscal>fiscal\s+)?(?P<point>year[\s-]end))\b",
            re.I,
        ),
        ana.r_year_end,
    ),
    (
        "fiscal_year_rel",
        re.compile(
            r"\b(?:the\s+)?(?P<rel>this|next|last|coming|previous|prior|past)\s+fiscal\s+year\b(?![\s-]+\d)",
            re.I,
        ),
        ana.r_fiscal_year_rel,
    ),
    ("that_year", re.compile(r"\b(?:that|the\s+same)\s+year\b", re.I), ana.r_that_year),
    (
        "that_month",
        re.compile(r"\b(?:the\s+(?P<dir>following|next|previous|preceding)|that|the\s+same)\s+month\b", re.I),
        ana.r_that_month,
    ),
    ("then", re.compile(r"\b(?:until|till|by|since|before|after)\s+then\b", re.I), ana.r_then),
    (
        "part_of_that_day",
        re.compile(
            r"\b(?:in|during)\s+the\s+(?:morning|afternoon|evening)\b(?!\s+(?:show|news|paper|program|edition))",
            re.I,
        ),
        ana.r_part_of_that_day,
    ),
]
