"""A Word file (.docx) -> the article's text (python-docx) and its document properties.

The body's paragraphs and tables, in order (a table row is one line, its cells joined by " | "); headers,
footers and comments are left out. A .docx is a ZIP archive: before python-docx opens it, the archive's
declared sizes are checked (MAX_UNPACKED_BYTES in all, MAX_UNPACK_RATIO to one for any large member), so a
zip bomb is refused without being unpacked; python-docx's XML parser resolves no entities.

The file's "created" date is when the file was made, not when the article was published: it is never used
as the publication date. Its "author" is whoever made the file, which the briefing says.
"""

from __future__ import annotations

import io
import zipfile

from briefing.config import MAX_UNPACK_RATIO, MAX_UNPACKED_BYTES
from briefing.errors import InputError
from briefing.ingest.source import Extracted, first, found, join_paragraphs

_MAX_MEMBERS = 10_000
_RATIO_FROM = 1024 * 1024  # the ratio is checked for members that unpack to more than this
_TITLE_STYLES = ("Title", "Heading 1")


def from_docx(data: bytes, name: object) -> Extracted:
    check_archive(data, name)
    document = _open(data, name)
    lines = list(_body_lines(document))
    if not any(line.strip() for line in lines):
        raise InputError(name, "is a Word document with no text")
    props = document.core_properties
    styled = next((p.text for p in document.paragraphs if _style(p) in _TITLE_STYLES and p.text.strip()), "")
    return Extracted(
        text=join_paragraphs(lines, name),
        format="docx",
        title=first(
            found(props.title, "the Word file's document properties"),
            found(styled, "the Word file's title-styled paragraph"),
        ),
        author=found(props.author, "the Word file's document properties (who made the file)"),
    )


def check_archive(data: bytes, name: object) -> None:
    """Refuse a ZIP whose declared contents are too large, too many, or packed too tightly to be real."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise InputError(name, "is a damaged or truncated Word file") from None
    total = sum(m.file_size for m in members)
    if len(members) > _MAX_MEMBERS or total > MAX_UNPACKED_BYTES:
        raise InputError(
            name, f"is a Word file that unpacks to {total:,} bytes in {len(members):,} parts (a zip bomb?)"
        )
    for m in members:
        if m.file_size > _RATIO_FROM and m.file_size > MAX_UNPACK_RATIO * max(m.compress_size, 1):
            raise InputError(
                name,
                f"is a Word file whose {m.filename} is packed {m.file_size // max(m.compress_size, 1):,} "
                f"to one (the limit is {MAX_UNPACK_RATIO}; a zip bomb?)",
            )


def _open(data: bytes, name: object):
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise InputError(name, f"is a damaged Word file ({type(exc).__name__}: {str(exc)[:80]})") from None


def _style(paragraph) -> str:
    try:
        return paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return ""


def _body_lines(document):
    """The body's paragraphs and table rows in document order."""
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
                yield " | ".join(" ".join(c.split()) for c in cells)
        else:
            yield from _broken_lines(block.text)


def _broken_lines(text: str) -> list[str]:
    """A paragraph's manual line breaks: a new line when what follows opens like one (a capital, a digit,
    a quotation mark); a break in mid-sentence, before a lower-case word, only wraps the line."""
    lines: list[str] = []
    for part in text.split("\n"):
        if lines and part[:1].islower():
            lines[-1] = f"{lines[-1]} {part}"
        else:
            lines.append(part)
    return lines
