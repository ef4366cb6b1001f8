"""Segmentation: paragraphs (one a line), sentences and quotations, as exact offsets into the text."""

from __future__ import annotations

import re

from briefing.model import Paragraph, Quote, Span

# ------------------------------------------------------------------ paragraphs


def split_paragraphs(text: str) -> list[Paragraph]:
    """Every non-blank line is a paragraph (news text is one paragraph a line), trimmed of spaces."""
    paragraphs = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        lead = len(line) - len(line.lstrip())
        trail = len(line.rstrip())
        if trail > lead:
            paragraphs.append(Paragraph(len(paragraphs), m.start() + lead, m.start() + trail))
    return paragraphs


# ------------------------------------------------------------------ sentences

# Words whose full stop does not end a sentence (titles, months, common abbreviations).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt insp det st jr sr
    inc ltd co corp plc llc bros dept univ assn est approx vs etc al fig no nos vol pp ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    mt ft ave blvd rd hwy""".split()
)
# After these a capitalised word usually starts a new sentence even following "U.S." or "a.m.".
SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I You But And Or So Yet In On At This That These Those There Its His Her "
    "Their Our What When While If As After Before However Meanwhile Still Also".split()
)
_OPENERS = "\"'“‘([«"
_CLOSERS = "\"'”’)]»"

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then a space or a
# capital letter directly ("peace.That").
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]»]*(?=\s+\S|[A-Z][a-z])")


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans within text[start:end] (one paragraph)."""
    spans: list[Span] = []
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        if _is_boundary(text, m.start(), m.group(), cut, end):
            spans.append((s, cut))
            s = cut
            while s < end and text[s].isspace():
                s += 1
    if s < end:
        spans.append((s, end))
    return [(a, _rstrip(text, a, b)) for a, b in spans if text[a:b].strip()]


def _rstrip(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1].isspace():
        b -= 1
    return b


def _is_boundary(text: str, punct_at: int, punct: str, cut: int, end: int) -> bool:
    nxt = _next_word(text, cut, end)
    if not nxt:
        return False
    first = nxt.lstrip(_OPENERS)[:1]
    glued = cut < end and not text[cut].isspace()
    if glued:
        # "peace.That": only a lower-case word glued to a capitalised one (not "R.Politik", "x.com")
        prev = _prev_word(text, punct_at)
        return punct.startswith(".") and len(prev) > 1 and prev.islower() and nxt[:1].isupper()
    if not (first.isupper() or first.isdigit() or nxt[:1] in _OPENERS or not first.isalpha()):
        return False  # "? she asked", "e.g. the"
    if punct[0] != ".":
        return True
    if len(punct.rstrip(_CLOSERS)) > 1:  # "..." ellipsis: continues unless a capital follows
        return first.isupper()
    prev = _prev_word(text, punct_at)
    if not prev:
        return True
    bare = prev.lower().strip(".")
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", prev) or re.fullmatch(r"[ap]\.m", prev.lower()):
        # "U.S." / "a.m.": a sentence ends here only when a typical sentence opener follows
        return nxt.strip(_OPENERS + ",;:") in SENTENCE_STARTERS
    if len(prev) == 1 and prev.isupper():
        return False  # an initial: "George W. Bush"
    if bare in ABBREVIATIONS:
        return bare in {"etc", "al"} and nxt.strip(_OPENERS) in SENTENCE_STARTERS
    return True


def _prev_word(text: str, i: int) -> str:
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in _OPENERS:
        j -= 1
    return text[j:i]


def _next_word(text: str, i: int, end: int) -> str:
    while i < end and text[i].isspace():
        i += 1
    j = i
    while j < end and not text[j].isspace():
        j += 1
    return text[i:j]


# ------------------------------------------------------------------ quotes

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Quote]:
    """Double-quoted passages, paragraph by paragraph.

    An opening mark with no closing one in its paragraph continues the quote when the next paragraph
    opens with a quotation mark (the news convention for quotes over several paragraphs); otherwise the
    quote is closed at the paragraph end. Nested single quotes stay inside the outer quote. ``’’`` and
    ``''`` count as a closing double mark.
    """
    quotes: list[Quote] = []
    group = -1
    carry = False  # the previous paragraph left a quote open
    for p in paragraphs:
        i, in_quote, q_start = p.start, False, p.start
        if carry and text[p.start] in _DOUBLE_OPEN + '"':
            in_quote, q_start, i = True, p.start + 1, p.start + 1
        elif carry:
            carry = False
        while i < p.end:
            c = text[i]
            two = text[i : i + 2]
            if not in_quote and (c in _DOUBLE_OPEN or (c == '"' and _opens(text, i, p.end))):
                in_quote, q_start, group = True, i + 1, group + 1
            elif in_quote and (c in _DOUBLE_CLOSE or c == '"' or two in ("’’", "''")):
                if q_start < i:
                    quotes.append(Quote(q_start, i, p.index, group, closed=True))
                in_quote = False
                i += 2 if two in ("’’", "''") else 1
                continue
            i += 1
        carry = in_quote
        if in_quote and q_start < p.end:
            quotes.append(Quote(q_start, p.end, p.index, group, closed=False))
    return quotes


def _opens(text: str, i: int, end: int) -> bool:
    """A straight double quote opens when text follows it directly."""
    return i + 1 < end and not text[i + 1].isspace()
