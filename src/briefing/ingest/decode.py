"""Decoding: the bytes of a plain-text article -> str, or one clear InputError.

The text is only decoded, stripped of a byte-order mark and given ``\\n`` line endings; it is never
otherwise edited, so every offset the later stages report points into what the reader sees.
"""

from __future__ import annotations

from pathlib import Path

from briefing.config import MAX_INPUT_BYTES
from briefing.errors import InputError

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


def read_bytes(path: str | Path) -> bytes:
    """The bytes of an article file (at most MAX_INPUT_BYTES), or InputError naming the problem."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not an article file")
    try:
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(p, f"file is {size:,} bytes; the limit is {MAX_INPUT_BYTES:,} bytes")
        return p.read_bytes()
    except PermissionError:
        raise InputError(p, "permission denied") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None


def read_article(path: str | Path) -> str:
    """Read and decode a plain-text article file, or raise InputError naming the problem."""
    return decode(read_bytes(path), Path(path))


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
