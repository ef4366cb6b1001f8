"""Any accepted file -> ``Extracted``: recognised by content (sniff.py), read by its format's module."""

from __future__ import annotations

import zlib

from briefing.config import MAX_UNPACK_RATIO, MAX_UNPACKED_BYTES
from briefing.errors import InputError
from briefing.ingest.decode import decode
from briefing.ingest.sniff import sniff
from briefing.ingest.source import Extracted

FORMAT_NAMES = {"text": "plain text", "html": "web page", "pdf": "PDF", "docx": "Word document"}


def extract_source(data: bytes, name: object) -> Extracted:
    """The article text and file metadata of ``data``, or one InputError naming the problem."""
    kind = sniff(data, name)
    if kind == "gzip":
        data = gunzip(data, name)
        kind = sniff(data, name)
        if kind == "gzip":
            raise InputError(name, "is gzip-compressed twice; decompress it first")
    if kind == "text":
        return Extracted(decode(data, name), "text")
    if kind in ("html", "mhtml"):
        from briefing.ingest import html

        return html.from_html(data, name) if kind == "html" else html.from_mhtml(data, name)
    if kind == "pdf":
        from briefing.ingest import pdf

        return pdf.from_pdf(data, name)
    from briefing.ingest import docx

    return docx.from_docx(data, name)


def gunzip(data: bytes, name: object) -> bytes:
    """gzip data unpacked, at most MAX_UNPACKED_BYTES and MAX_UNPACK_RATIO times its packed size."""
    limit = min(MAX_UNPACKED_BYTES, MAX_UNPACK_RATIO * len(data))
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = unpacker.decompress(data, limit + 1)
    except zlib.error as exc:
        raise InputError(name, f"is damaged gzip data ({exc})") from None
    if len(out) > limit:
        raise InputError(name, f"is gzip data that unpacks to more than {limit:,} bytes (the limit)")
    if not unpacker.eof:
        raise InputError(name, "is truncated gzip data")
    return out
