"""Paragraph kinds: headline, byline, boilerplate or body (sentences inherit their paragraph's kind)."""

from __future__ import annotations

import re

from briefing.model import Paragraph

# Lines a page or a wire service wraps around a story, recognised by how they open.
_BOILERPLATE = re.compile(
    r"""^[\[(]?(?:read\s+(?:also|more|next)|also\s+read|see\s+(?:also|more)\b|
    related(?:\s+(?:articles?|stories|news|posts?|reading))?\s*:|
    recommended\s*:|more\s+from|subscribe|sign\s+up|click\s+here|follow\s+(?:us|@|\w+'s\s+(?:full\s+)?coverage)|
    get\s+access|disclaimer\s*:|write\s+to\s+\S.*@|copyright|©|all\s+rights\s+reserved|share\s+this|
    advertisement\b|(?:this\s+)?story\s+continues|download\s+(?:the|our)\s+app|join\s+our|
    \(?(?:additional\s+)?(?:reporting|editing|writing|compiled)\s+by\b|our\s+standards\s*:|
    the\s+views\s+expressed\b|explore\s+more\s+on|catch\s+(?:all\s+)?the\s+latest|want\s+more\b|
    don[’']t\s+miss|get\s+the\s+latest|for\s+more\s+(?:news|stories|updates|on\s+this)\b|
    .{0,200}\bcontributed\s+(?:(?:to\s+)?this\s+(?:report|story|article)|(?:additional\s+)?reporting\b.{0,60})\.?$|
    you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)|also\s+on\s+\S+\.[a-z]{2,}\b|more\s*:?$|
    (?:most\s+(?:read|popular|viewed|shared|watched)|popular\s+(?:on|in|now)|trending(?:\s+now)?\s*:)|
    filed\s+under\b|source\s*:\s*[^.!?]{1,60}$|\d*\s*comments?\s*$|
    thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing|registering|reading|your\s+(?:interest|feedback))|
    (?:an\s+)?error\s+(?:has\s+)?occurred|there\s+was\s+(?:an\s+error|a\s+problem)\b|
    (?:if\s+you\s+)?(?:like[ds]?|enjoy(?:ed)?|love[ds]?)\s+this\s+(?:story|article|post|piece)\b|
    if\s+you\s+(?:buy|purchase|click|shop)\b.{0,100}\b(?:commission|affiliate|share\s+of\s+(?:the\s+)?(?:sale|revenue))|
    tell\s+us\s+what\s+you\s+think|have\s+your\s+say|this\s+(?:copy|material)\s+(?:is\s+for\s+your|may\s+not\s+be)\b|
    follow\s+\S+(?:\s+\S+){0,6}\s+on\s+(?:facebook|twitter|x|instagram|youtube|tiktok|linkedin|threads|bluesky)\b|
    [_\-=*~·•]{3,}$)""",
    re.IGNORECASE | re.VERBOSE,
)
# Lines that address the reader about the page itself, wherever the words stand in a short line: an
# inbox, a newsletter to sign up for, a link to click, cookies to accept, a form that failed.
_READER_ADDRESS = re.compile(
    r"""\byour\s+inbox\b|\bsign(?:ing)?\s+up\b.{0,80}\bnewsletter|\bnewsletter\b.{0,80}\bsign(?:ing)?\s+up\b|
    \bclick(?:ing)?\s+here\b|\bplease\s+try\s+again\b|\bpaywall|\b(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b|
    \baccept\s+(?:all\s+)?cookies\b|\bfor\s+your\s+personal,?\s+non-?commercial\s+use\b""",
    re.IGNORECASE | re.VERBOSE,
)
_READER_ADDRESS_WORDS = 40  # longer than this, a line is a story that mentions such things
_URL_OR_MAIL = re.compile(r"https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
_BYLINE_BY = re.compile(
    r"^(?:By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s+(?:and|&)\s+[A-Z][\w.'’ -]+)?$"
    # "By Nadia Farouk in Cairo and Henok Tesfaye in Addis Ababa", "By Laura Brennan, Health Correspondent"
    rf"|By\s+{_NAME}(?:\s+in\s+[A-Z][\w .'’-]{{1,30}})?(?:\s*(?:,|and|&)\s+[^.!?]{{1,60}})?$"
    # "Katja Mlakar, Europe columnist", "Harriet Cole Political correspondent"
    rf"|{_NAME},?\s+(?:[A-Za-z]+\s+){{0,3}}(?i:columnist|correspondent|editor|reporter|writer|contributor)s?$"
    # "Ravindra Joshi / TNN / Updated: Jun 10, 2025, 13:41 IST"
    rf"|{_NAME}\s*/\s*[A-Z][\w .]{{1,30}}\s*/.*$)"
)
_NAME_LINE = re.compile(r"^[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|bin|al|da|di|le)){1,4}$")
_STOPWORDS = frozenset(
    "a an the of to in on at for and or but by with from as is are was be not its it into".split()
)


def paragraph_kind(text: str, para: Paragraph, prev: Paragraph | None, first: bool) -> str:
    """headline, byline, boilerplate or body, for a whole paragraph."""
    line = text[para.start : para.end]
    words = line.split()
    if _BOILERPLATE.match(line) or (_URL_OR_MAIL.search(line) and len(words) <= 25 and not _quoted(line)):
        return "boilerplate"
    if len(words) <= _READER_ADDRESS_WORDS and not _quoted(line) and _READER_ADDRESS.search(line):
        return "boilerplate"
    if _BYLINE_BY.match(line):
        return "byline"
    prev_ends_quote = prev is not None and text[prev.end - 1] in '”"’'
    if prev_ends_quote and _NAME_LINE.match(line) and len(words) <= 5:
        return "byline"  # a lone name after a quote: the speaker of that quote
    terminal = line.rstrip("\"'”’)").endswith((".", "!", "?", ":", ";", ","))
    if len(words) <= 15 and not terminal:
        return "headline"
    if first and len(words) <= 25 and (_title_case(words) or line.endswith("?")):
        return "headline"
    return "body"


def _quoted(line: str) -> bool:
    return any(c in line for c in '“”"')


def _title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _STOPWORDS and w[:1].isalpha()]
    return bool(content) and sum(w[:1].isupper() for w in content) >= 0.8 * len(content)
