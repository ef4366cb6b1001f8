"""A PDF with a text layer -> the article's text (pdfminer.six layout analysis) and its document properties.

Text boxes become paragraphs; the lines of a box are joined (a word broken at a line end is mended when the
mended word is a known English word); running headers and footers (a line repeated at the top or bottom of
several pages, page numbers, a browser's print date and address) are dropped, and so is a printed web
page's header above the headline (when the document's title is one of the first lines). A PDF without a
text layer (a scan), an encrypted, damaged or truncated one is refused with one line: no OCR offline.

The PDF's creation date is when the file was made (a browser's print, a monitoring service's export), not
when the article was published, so it is never used as the publication date.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass

from briefing.config import MAX_PDF_PAGES
from briefing.errors import InputError
from briefing.ingest.source import Extracted, Found, found, join_paragraphs

MIN_WORDS = 20  # fewer words on all pages: no text layer worth the name
_HEADER_LINES = 12  # a printed page's header is this many lines at most
_BAND = 0.08  # the top and bottom 8% of a page hold its running header and footer
_PAGE_NUMBER = re.compile(r"(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?", re.IGNORECASE)
_FILE_NAME = re.compile(r"(?:^microsoft \w+ - )|\.(?:docx?|pdf|indd|txt|html?|rtf|odt|pages)$|[\\/]", re.I)
_URL = re.compile(r"https?://\S+")
_SEPARATORS = (" | ", " - ", " – ", " — ")


@dataclass(frozen=True)
class Block:
    """One text box of one page: its lines, where it sits, and the page's height."""

    page: int
    lines: tuple[str, ...]
    indents: tuple[bool, ...]  # the line starts indented: a new paragraph inside the box
    top: float  # distance from the page's top edge, as a share of the page height
    bottom: float

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    def in_band(self) -> bool:
        return self.bottom < _BAND or self.top > 1 - _BAND


def from_pdf(data: bytes, name: object) -> Extracted:
    """The text of a PDF's pages, and its title, author and outlet where its properties give them."""
    if b"%%EOF" not in data[-2048:]:
        raise InputError(name, "is a truncated PDF (it does not end with %%EOF)")
    _quiet()
    doc = _open(data, name)
    try:
        blocks, images, pages = _layout(doc, name)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(name, f"is a damaged PDF ({type(exc).__name__}: {str(exc)[:80]})") from None
    body, footer_url = _drop_furniture(blocks, pages)
    paragraphs = [p for b in body for p in _paragraphs(b)]
    if sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
        if images:
            raise InputError(name, "is a PDF without a text layer (a scan?); there is no OCR offline")
        raise InputError(name, "is a PDF with no text to extract")
    info = _info(doc)
    title, outlet = _title(info.get("Title", ""))
    paragraphs = _from_headline(paragraphs, title)
    return Extracted(
        text=join_paragraphs(paragraphs, name),
        format="pdf",
        title=title,
        outlet=outlet,
        author=found(info.get("Author", ""), "the PDF's document properties"),
        url=found(footer_url, "the PDF's running footer (a browser's print)"),
    )


def _from_headline(paragraphs: list[str], title: Found | None) -> list[str]:
    """A printed web page opens with the site's header (menus, a cookie notice, the logo's name) above the
    headline: when one of the first lines is the document's title, the text starts there."""
    if title is None:
        return paragraphs
    wanted = " ".join(title.value.split()).casefold()
    for i, p in enumerate(paragraphs[:_HEADER_LINES]):
        if " ".join(p.split()).casefold() == wanted:
            return paragraphs[i:]
    return paragraphs


def _quiet() -> None:
    """pdfminer logs every oddity of a file; the user gets one line, so its log goes nowhere by default."""
    log = logging.getLogger("pdfminer")
    if not log.handlers:
        log.addHandler(logging.NullHandler())
        log.setLevel(logging.ERROR)


def _open(data: bytes, name: object):
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        return PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect:
        raise InputError(
            name, "is an encrypted PDF that needs a password; save an unprotected copy"
        ) from None
    except PDFEncryptionError as exc:
        raise InputError(name, f"is an encrypted PDF that cannot be opened ({exc})") from None
    except Exception as exc:
        raise InputError(name, f"is a damaged PDF ({type(exc).__name__}: {str(exc)[:80]})") from None


def _layout(doc, name: object) -> tuple[list[Block], int, int]:
    """Every text box in reading order, the number of images, and of pages."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager(caching=True)
    device = PDFPageAggregator(resources, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    blocks: list[Block] = []
    images = pages = 0
    for number, page in enumerate(PDFPage.create_pages(doc)):
        if number >= MAX_PDF_PAGES:
            raise InputError(name, f"is a PDF of more than {MAX_PDF_PAGES} pages: not one article")
        interpreter.process_page(page)
        layout = device.get_result()
        pages += 1
        blocks.extend(_blocks(layout, number))
        images += _count_images(layout)
    return blocks, images, pages


def _blocks(layout, page: int) -> list[Block]:
    from pdfminer.layout import LTTextBox, LTTextLine

    height = (layout.y1 - layout.y0) or 1.0
    out = []
    for box in layout:
        if not isinstance(box, LTTextBox):
            continue
        lines = [ln for ln in box if isinstance(ln, LTTextLine) and ln.get_text().strip()]
        if not lines:
            continue
        indents = tuple(i > 0 and ln.x0 - box.x0 > 0.8 * ln.height for i, ln in enumerate(lines))
        out.append(
            Block(
                page,
                tuple(ln.get_text().strip() for ln in lines),
                indents,
                top=(layout.y1 - box.y1) / height,
                bottom=(layout.y1 - box.y0) / height,
            )
        )
    return out


def _count_images(layout) -> int:
    from pdfminer.layout import LTFigure, LTImage

    count = 0
    for item in layout:
        if isinstance(item, LTImage):
            count += 1
        elif isinstance(item, LTFigure):
            count += _count_images(item)
    return count


def _drop_furniture(blocks: list[Block], pages: int) -> tuple[list[Block], str]:
    """The blocks less running headers and footers; and the address a browser printed in its footer."""

    def key(b: Block) -> str:
        return re.sub(r"\d+", "#", b.text.casefold())

    repeated = Counter(key(b) for b in blocks if b.in_band())
    body, url = [], ""
    for b in blocks:
        furniture = b.in_band() and (
            (pages > 1 and repeated[key(b)] > 1) or _PAGE_NUMBER.fullmatch(b.text.strip()) is not None
        )
        if not furniture:
            body.append(b)
        elif not url and (m := _URL.fullmatch(b.text.strip())) and "…" not in m.group():
            url = m.group()
    return body, url


def _paragraphs(block: Block) -> list[str]:
    """A box's lines joined into paragraphs; an indented line starts a new one."""
    paragraphs: list[list[str]] = []
    for line, indented in zip(block.lines, block.indents, strict=True):
        if indented or not paragraphs:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [_join_lines(lines) for lines in paragraphs]


def _join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        m = re.search(r"(\w+)-$", text)
        n = re.match(r"([a-z]\w*)", line)
        if m and n and _mended(m.group(1), n.group(1)):
            text = text[:-1] + line  # "negoti-" + "ations" -> "negotiations"
        else:
            glue = "" if m else " "  # "well-" + "known" stays "well-known"
            text = f"{text}{glue}{line}"
    return text


def _mended(head: str, tail: str) -> bool:
    """A word broken at a line end: the joined word is a known English word, and the parts are not both
    words of their own (that is a hyphenated compound, "well-known")."""
    from wordfreq import zipf_frequency

    joined = zipf_frequency(head + tail, "en")
    both = min(zipf_frequency(head, "en"), zipf_frequency(tail, "en"))
    return joined > 0 and joined >= both


def _info(doc) -> dict[str, str]:
    """The document information dictionary as text (Title, Author, Producer, CreationDate...)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    out: dict[str, str] = {}
    for info in doc.info:
        for key, value in info.items():
            value = resolve1(value)
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip():
                out.setdefault(str(key), value.strip())
    return out


def _title(value: str) -> tuple[Found | None, Found | None]:
    """The document title, unless it is a file name; "Headline | Outlet" gives the outlet too (a browser
    prints a page with the page's <title>, which is usually so made)."""
    if not value or _FILE_NAME.search(value) or value.casefold() in ("untitled", "title"):
        return None, None
    for sep in _SEPARATORS:
        head, _, tail = value.rpartition(sep)
        if head and len(head.split()) >= 3 and 0 < len(tail.split()) <= 5:
            return (
                found(head, "the PDF's document title"),
                found(tail, "the PDF's document title (the part after the separator)"),
            )
    return found(value, "the PDF's document title"), None
