"""Regular-expression fragments of the time grammar, shared by the patterns and the resolvers."""

from __future__ import annotations

import re

from briefing.timeline.words import alternation, table

MONF = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONC = rf"(?:{MONF}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"  # capitalised: not "may"
WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WDI = rf"(?i:{WD})"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DASH = r"\s*(?:-|–|—|to|through|until|till)\s*"
NUM = (
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"few|a\s+few|several|a\s+couple\s+of|couple\s+of)"
)
TOD = r"(?:morning|afternoon|evening|night|midday|noon|midnight)"
CLOCK = (
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s*(?:[A-Z]{2,4}T|ET|GMT|UTC)\b)?"
    r"|noon|midnight)"
)
SPOKEN_YEAR = (
    r"(?:nineteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two\s+thousand"
    r"(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?"
)
B = r"(?<![\w$€£#.,-])"  # not inside a number, word or amount
A = r"(?![\w%]|[.,]\d)"
PREP = r"(?:on|by|until|since|from|before|after)"
MONTH_PREP = (
    r"(?:(?i:in|since|until|by|during|through|from|before|after|early|mid|late)|"
    r"(?i:the)\s+(?:middle|end|beginning|start)\s+of)"
)


def _india_fy() -> re.Pattern[str]:
    marks = table("time_fiscal_india")
    currency = alternation(marks["currency"])
    return re.compile(rf"(?<!\w)(?:{currency})\s?\d|\b(?:{alternation(marks['words'])})\b")


# Markers of India's April–March fiscal year (FY2020 = April 2019 to March 2020).
INDIA_FY = _india_fy()
