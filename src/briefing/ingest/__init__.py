"""Ingest: bytes on disk -> Document (exact text, paragraphs, sentences with kinds, quotes).

The text is only decoded, stripped of a byte-order mark and given ``\\n`` line endings; it is never
otherwise edited, so every offset the later stages report points into what the reader sees.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from briefing.config import MAX_INPUT_BYTES
from briefing.errors import InputError
from briefing.model import Document, Paragraph, Quote, Sentence, Span

# ------------------------------------------------------------------ decoding

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (perhaps a Word or OpenDocument file)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\xd0\xcf\x11\xe0": "a legacy Microsoft Office document",
    b"{\\rtf": "an RTF document",
}


def read_article(path: str | Path) -> str:
    """Read and decode an article file, or raise InputError naming the problem."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not a text file")
    try:
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(p, f"file is {size:,} bytes; the limit is {MAX_INPUT_BYTES:,} bytes")
        data = p.read_bytes()
    except PermissionError:
        raise InputError(p, "permission denied") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    return decode(data, p)


def decode(data: bytes, name: object = "<input>") -> str:
    """UTF-8 (with or without BOM) or UTF-16 (BOM, or unmarked but unmistakable); \\r\\n -> \\n."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(name, f"input is {len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,} bytes")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(name, f"looks like {what}, not plain text")
    text = _decode_unicode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(name, "is empty (no text to analyse)")
    _reject_binary(text, name)
    return text


def _decode_unicode(data: bytes, name: object) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, body = "utf-16", data
    elif _looks_utf16(data):
        encoding, body = ("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"), data
    else:
        encoding, body = "utf-8", data
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-8":
            raise InputError(
                name, f"is not valid UTF-8 (undecodable byte at offset {exc.start}); save it as UTF-8"
            ) from None
        raise InputError(name, f"is not valid {encoding.upper()} text") from None


def _looks_utf16(data: bytes) -> bool:
    """Unmarked UTF-16 of mostly Latin text: every other byte is NUL."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (odd.count(0) > 0.9 * len(odd) and even.count(0) == 0) or (
        even.count(0) > 0.9 * len(even) and odd.count(0) == 0
    )


def _reject_binary(text: str, name: object) -> None:
    if "\x00" in text:
        raise InputError(name, "contains NUL bytes: binary data, not plain text")
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\t\f\v")
    if controls > max(3, len(sample) // 100):
        raise InputError(name, "contains control characters: binary data, not plain text")


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


# ------------------------------------------------------------------ sentence kinds

_BOILERPLATE = re.compile(
    r"""^(?:read\s+(?:also|more|next)|also\s+read|see\s+also|related(?:\s+(?:articles?|stories|news))?\s*:|
    recommended\s*:|more\s+from|subscribe|sign\s+up|click\s+here|follow\s+(?:us|@|\w+'s\s+(?:full\s+)?coverage)|
    get\s+access|disclaimer\s*:|write\s+to\s+\S.*@|copyright|©|all\s+rights\s+reserved|share\s+this|
    advertisement\b|(?:this\s+)?story\s+continues|download\s+(?:the|our)\s+app|join\s+our|
    \(?(?:additional\s+)?(?:reporting|editing|writing|compiled)\s+by\b|our\s+standards\s*:|
    the\s+views\s+expressed\b|explore\s+more\s+on|catch\s+(?:all\s+)?the\s+latest|want\s+more\b|
    don[’']t\s+miss|get\s+the\s+latest|for\s+more\s+(?:news|stories|updates|on\s+this)\b|
    .{0,120}\bcontributed\s+(?:to\s+)?this\s+(?:report|story|article)\.?$|
    [_\-=*~·•]{3,}$)""",
    re.IGNORECASE | re.VERBOSE,
)
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


# ------------------------------------------------------------------ publication date

MONTHS = {  # month names and abbreviations -> number (the timeline uses them too)
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_FULL_DATE = (
    rf"(?:{_WEEKDAY_RE},?\s+)?(?:"
    rf"(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"  # May 15, 2025
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_RE})\.?,?\s+(?P<y2>\d{{4}})"  # 15 May 2025
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))"
)
_PUBLISHED_CUES = re.compile(
    rf"(?:\btoday,?\s+(?:is\s+)?"
    rf"|(?:^|[|/]\s*)(?:published|posted|updated|first published|date)\s*(?:on\s*)?:?\s*)({_FULL_DATE})",
    re.IGNORECASE | re.MULTILINE,
)
# A line near the top that is only a date, perhaps with a time: "Tue 24 Mar 2026 06.00 GMT",
# "Friday 29 August 2025 18:05, UK", "March 18, 2026 1:05 pm CET"
_DATE_LINE = re.compile(
    rf"^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)?({_FULL_DATE})"
    r"(?:,?\s+\d{1,2}[.:]\d\d(?:\s*[ap]\.?m\.?)?)?(?:,?\s+[A-Z]{2,4}\b)?(?:,\s*\w+)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_TOP_LINES = 8  # a date line further down is a date in the story, not the publication's


def infer_published(text: str) -> tuple[date, Span] | None:
    """A publication date the article states itself ("today, Thursday, May 15, 2025"; "Published: ...";
    a date line under the headline)."""
    for m in _PUBLISHED_CUES.finditer(text):
        d = _parse_full_date(m)
        if d:
            return d, (m.start(1), m.end(1))
    top = "\n".join(text.split("\n", _TOP_LINES)[:_TOP_LINES])  # not the whole of a long text
    for m in _DATE_LINE.finditer(top):
        d = _parse_full_date(m)
        if d:
            return d, (m.start(1), m.end(1))
    return None


def _parse_full_date(m: re.Match) -> date | None:
    try:
        if m.group("iso"):
            return date.fromisoformat(m.group("iso"))
        month = (m.group("m1") or m.group("m2")).lower().rstrip(".")
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y1") or m.group("y2"))
        return date(year, MONTHS[month], day)
    except (ValueError, KeyError):
        return None


# ------------------------------------------------------------------ outlet

# "LONDON (AP) —", "KYIV, Ukraine (Reuters) -": the wire or outlet in a dateline.
_DATELINE = re.compile(
    r"[A-Z][A-Z .,'’-]{1,40}(?:,\s+[A-Z][\w .]+)?\s+\((?P<outlet>[A-Z][\w&. ]{1,25})\)\s*[—–-]"
)  # used with .match(text, paragraph start): anchored there
_DOMAIN = re.compile(r"\b(?:www\.)?(?P<site>[A-Z][A-Za-z0-9-]{2,}\.(?:com|co\.uk|org|net|news|in|ng))\b")


def infer_outlet(doc: Document) -> tuple[str, Span] | None:
    """The outlet as the text names it: a dateline's "(AP)", else a site named in web-page boilerplate."""
    for p in doc.paragraphs[:3]:
        if m := _DATELINE.match(doc.text, p.start, p.end):
            return m.group("outlet"), m.span("outlet")
    for s in doc.sentences:
        if s.kind == "boilerplate" and (m := _DOMAIN.search(doc.text, s.start, s.end)):
            return m.group("site"), m.span("site")
    return None


# ------------------------------------------------------------------ the stage


def build_document(text: str, source: str = "<input>", published: date | None = None) -> Document:
    """Paragraphs, sentences (with kinds) and quotes of already-decoded text."""
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise InputError(source, "is empty (no text to analyse)")
    sentences: list[Sentence] = []
    for p in paragraphs:
        prev = paragraphs[p.index - 1] if p.index else None
        kind = paragraph_kind(text, p, prev, first=p.index == 0)
        for a, b in split_sentences(text, p.start, p.end):
            sentences.append(Sentence(len(sentences), a, b, p.index, kind))
    published_from, evidence = ("argument", None) if published else ("unknown", None)
    if published is None and (found := infer_published(text)):
        published, evidence = found
        published_from = "text"
    return Document(
        text=text,
        source=source,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        quotes=tuple(find_quotes(text, paragraphs)),
        published=published,
        published_from=published_from,
        published_evidence=evidence,
    )


def ingest(path: str | Path, published: date | None = None) -> Document:
    """Read, decode and segment an article file."""
    p = Path(path)
    return build_document(read_article(p), source=p.name, published=published)
