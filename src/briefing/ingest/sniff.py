"""What a file is, from its first bytes (never from its name: a PDF renamed .txt is still a PDF).

``sniff`` names the formats ingest reads (pdf, docx, html, mhtml, gzip, text) and refuses the rest with one
line saying what the file looks like.
"""

from __future__ import annotations

import io
import re
import zipfile

from briefing.errors import InputError

# Formats that are recognised only to be refused, with what to do instead.
REFUSED = {
    b"\x89PNG": "a PNG image, not an article (there is no OCR offline)",
    b"\xff\xd8\xff": "a JPEG image, not an article (there is no OCR offline)",
    b"GIF8": "a GIF image, not an article",
    b"II*\x00": "a TIFF image, not an article (there is no OCR offline)",
    b"MM\x00*": "a TIFF image, not an article (there is no OCR offline)",
    b"\xd0\xcf\x11\xe0": "a legacy or password-protected Microsoft Office file; save it as .docx or PDF",
    b"{\\rtf": "an RTF document; save it as .docx, PDF or plain text",
    b"7z\xbc\xaf": "a 7-Zip archive, not an article",
    b"Rar!": "a RAR archive, not an article",
}
_PDF_HEADER_WITHIN = 1024  # readers accept a PDF header that junk precedes, up to this offset
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>)", re.IGNORECASE)
_HTML_ANYWHERE = re.compile(rb"<(?:html|head|body)[\s>]", re.IGNORECASE)
_LEADING = re.compile(rb"^(?:\xef\xbb\xbf)?\s*")
# MIME headers (folded ones continue on lines that start with white space) up to a multipart/related type
_MHTML = re.compile(rb"^(?:[\w-]+:[^\n]*\n(?:[ \t][^\n]*\n)*)*?content-type:\s*multipart/related", re.I)


def sniff(data: bytes, name: object) -> str:
    """pdf, docx, html, mhtml, gzip or text; an InputError for anything else recognisable."""
    if data.startswith(b"%PDF-") or (b"%PDF-" in data[:_PDF_HEADER_WITHIN] and b"%%EOF" in data[-2048:]):
        return "pdf"
    if data.startswith(b"\x1f\x8b"):
        return "gzip"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data, name)
    for magic, what in REFUSED.items():
        if data.startswith(magic):
            raise InputError(name, f"looks like {what}")
    if _is_mhtml(data):
        return "mhtml"
    if _is_html(data):
        return "html"
    return "text"


def _is_html(data: bytes) -> bool:
    """Leading markup after white space or a byte-order mark: ``<!DOCTYPE html>``, ``<html>``, ... (a
    browser's ``<!-- saved from url=... -->`` note may come first). Text that merely holds tags is text."""
    head = _utf16_as_ascii(data[:4096])
    head = head[_LEADING.match(head).end() :]
    if _HTML_START.match(head):
        return True
    return head.startswith((b"<!--", b"<?xml")) and bool(_HTML_ANYWHERE.search(head))


def _utf16_as_ascii(head: bytes) -> bytes:
    """A UTF-16 page's first bytes with its NULs dropped, so that its markup can be seen."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head[2:].replace(b"\x00", b"")
    return head


def _is_mhtml(data: bytes) -> bool:
    """A page saved as one file (.mhtml, .mht): MIME headers announcing multipart/related."""
    head = data[:2048].replace(b"\r\n", b"\n")
    return bool(_MHTML.match(head))


def _zip_kind(data: bytes, name: object) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise InputError(name, "is a damaged or truncated ZIP file (a .docx is a ZIP archive)") from None
    if "word/document.xml" in names:
        return "docx"
    if "mimetype" in names and "content.xml" in names:
        raise InputError(name, "is an OpenDocument file; save it as .docx, PDF or plain text")
    raise InputError(name, "is a ZIP archive but not a Word document (it holds no word/document.xml)")
