"""Corpus input: a folder of articles (.txt, saved web pages, PDF, Word), or a JSONL / CSV file with one
article a row.

Reading the input only indexes it: each article becomes a :class:`Source` holding where its bytes are
(a file, or a row's byte range), its metadata and the SHA-256 of its text, never the text itself, so a
corpus of any size costs the parent process a few hundred bytes an article. :func:`read_bytes` fetches
one article's bytes when it is handed to a worker.

A container that cannot be read as a whole (a malformed JSONL line, a CSV row with the wrong number of
fields, no ``text`` column, a bad date) is bad input: :class:`InputError` naming ``file:line``. A single
article that cannot be analysed (empty, binary, too large) is not: it fails alone, later, in its worker.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from briefing.config import MAX_INPUT_BYTES
from briefing.errors import InputError

META_FIELDS = ("outlet", "published", "url", "title")
# "<outlet>_<YYYY-MM-DD>_<slug>.txt": the outlet and date a file name carries (PolNeAR's convention)
_FILE_NAME = re.compile(r"^(?P<outlet>[A-Za-z0-9][A-Za-z0-9.&-]*)_(?P<date>\d{4}-\d{2}-\d{2})_(?P<slug>.+)$")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# the files of a folder read as articles: what `briefing report` reads (recognised by content, not name)
ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".mhtml", ".mht", ".gz", ".pdf", ".docx")


@dataclass(frozen=True)
class Source:
    """One article of the corpus: where its bytes are and what the input says about it."""

    stem: str  # its folder name under DIR/articles/
    label: str  # how messages name it: "a.txt" or "corpus.jsonl:12"
    path: str
    fmt: str = "txt"  # txt, jsonl or csv
    offset: int = 0  # byte range of a row in a JSONL or CSV file
    length: int = -1
    sha256: str = ""  # of the file's bytes, or of a row's text in UTF-8
    size: int = 0
    outlet: str = ""
    published: str = ""  # YYYY-MM-DD or ""
    url: str = ""
    title: str = ""


def read_corpus(path: str | Path) -> list[Source]:
    """Index INPUT: a folder of article files, a .jsonl or a .csv file."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file or folder")
    if p.is_dir():
        sources = _folder(p)
    elif p.suffix.lower() in (".jsonl", ".ndjson"):
        sources = _jsonl(p)
    elif p.suffix.lower() == ".csv":
        sources = _csv(p)
    else:
        raise InputError(p, "is not a folder of articles, a .jsonl or a .csv file")
    if not sources:
        what = f"holds no articles ({', '.join(ARTICLE_SUFFIXES)})" if p.is_dir() else "holds no articles"
        raise InputError(p, what)
    return _unique_stems(sources)


def read_bytes(source: Source) -> bytes:
    """The article's bytes: the whole file, or a row's text as UTF-8 (read again, parsed again)."""
    with open(source.path, "rb") as f:
        if source.fmt == "txt":
            return f.read(MAX_INPUT_BYTES + 1)
        f.seek(source.offset)
        raw = f.read(source.length)
    if source.fmt == "jsonl":
        return str(json.loads(raw.decode("utf-8"))["text"]).encode("utf-8")
    header, row = _csv_row(source.path, raw)
    return row[header.index("text")].encode("utf-8")


# ------------------------------------------------------------------ a folder


def _folder(folder: Path) -> list[Source]:
    try:
        files = sorted(
            f for f in folder.iterdir() if f.suffix.lower() in ARTICLE_SUFFIXES and not f.name.startswith(".")
        )
    except OSError as exc:
        raise InputError(folder, f"cannot be read ({exc.strerror or exc})") from None
    return [_file_source(f) for f in files if not f.is_dir()]


def _file_source(f: Path) -> Source:
    meta = _FILE_NAME.match(f.stem)
    published = meta.group("date") if meta and _iso_date(meta.group("date")) else ""
    try:
        size = f.stat().st_size
        digest = _sha256_file(f) if size <= MAX_INPUT_BYTES else ""
    except OSError:  # unreadable: the article fails alone, in its worker, with the reason
        size, digest = 0, ""
    return Source(
        stem=_safe(f.stem),
        label=f.name,
        path=str(f.resolve()),
        sha256=digest,
        size=size,
        outlet=meta.group("outlet") if meta else "",
        published=published,
    )


def _sha256_file(f: Path) -> str:
    h = hashlib.sha256()
    with f.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# ------------------------------------------------------------------ JSONL


def _jsonl(path: Path) -> list[Source]:
    sources = []
    offset = 0
    for lineno, raw in enumerate(_lines(path), 1):
        start, offset = offset, offset + len(raw)
        if not raw.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            row = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise InputError(where, "is not valid UTF-8") from None
        except json.JSONDecodeError as exc:
            raise InputError(where, f"is not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise InputError(where, "is not a JSON object with a 'text' field")
        sources.append(_row_source(row, where, path, "jsonl", start, len(raw)))
    return sources


def _lines(path: Path) -> Iterator[bytes]:
    try:
        with path.open("rb") as f:
            yield from f
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None


# ------------------------------------------------------------------ CSV


def _csv(path: Path) -> list[Source]:
    """Rows of a CSV with a header naming a ``text`` column; a row may span lines (quoted newlines)."""
    csv.field_size_limit(MAX_INPUT_BYTES + 1)
    sources: list[Source] = []
    positions = _Positions(path)
    reader = csv.reader(positions)
    try:
        header = [h.strip().lower().lstrip("\ufeff") for h in next(reader, [])]
        if "text" not in header:
            raise InputError(path, "has no 'text' column in its header line")
        while True:
            start, line = positions.offset, reader.line_num + 1
            row = next(reader, None)
            if row is None:
                break
            where = f"{path}:{line}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise InputError(where, f"has {len(row)} fields; the header has {len(header)}")
            record = dict(zip(header, row, strict=True))
            sources.append(_row_source(record, where, path, "csv", start, positions.offset - start))
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}", f"is not valid CSV ({exc})") from None
    return sources


class _Positions:
    """Lines of a file for csv.reader, keeping the byte offset after the last line handed out."""

    def __init__(self, path: Path) -> None:
        self.path, self.offset, self._lines = path, 0, _lines(path)

    def __iter__(self) -> _Positions:
        return self

    def __next__(self) -> str:
        raw = next(self._lines)
        lineno_hint = f"{self.path} (byte {self.offset})"
        self.offset += len(raw)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(lineno_hint, "is not valid UTF-8") from None


def _csv_row(path: str, raw: bytes) -> tuple[list[str], list[str]]:
    with open(path, "rb") as f:
        first = f.readline().decode("utf-8")
    header = [h.strip().lower().lstrip("\ufeff") for h in next(csv.reader([first]))]
    row = next(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    return header, row


# ------------------------------------------------------------------ rows


def _row_source(row: dict, where: str, path: Path, fmt: str, offset: int, length: int) -> Source:
    text = row.get("text")
    if not isinstance(text, str):
        raise InputError(where, "has no 'text' field holding the article as a string")
    meta = {}
    for key in META_FIELDS:
        value = row.get(key)
        if value is not None and not isinstance(value, str | int | float):
            raise InputError(where, f"field '{key}' is not a string")
        meta[key] = " ".join(str(value or "").split())
    if meta["published"]:
        meta["published"] = _iso_date(meta["published"])
        if not meta["published"]:
            raise InputError(
                where, f"published is not a date in the form YYYY-MM-DD: {row.get('published')!r}"
            )
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    ident = str(row.get("id") or "").strip()
    stem = _safe(ident) if ident else f"{_safe(meta['outlet'] or 'row')}-{digest[:12]}"
    return Source(
        stem=stem,
        label=where.rsplit("/", 1)[-1],
        path=str(path.resolve()),
        fmt=fmt,
        offset=offset,
        length=length,
        sha256=digest,
        size=len(data),
        **meta,
    )


def _iso_date(value: str) -> str:
    """``2016-01-04`` or an ISO timestamp starting with it -> ``2016-01-04``; "" when not a date."""
    head = value.strip()[:10]
    try:
        return date.fromisoformat(head).isoformat()
    except ValueError:
        try:
            return datetime.fromisoformat(value.strip()).date().isoformat()
        except ValueError:
            return ""


def _safe(name: str) -> str:
    return _UNSAFE.sub("-", name).strip(".-")[:100] or "article"


def _unique_stems(sources: list[Source]) -> list[Source]:
    """Two articles never share a folder: a repeated stem gets -2, -3, ..."""
    seen: dict[str, int] = {}
    out = []
    for s in sources:
        n = seen.get(s.stem.lower(), 0) + 1
        seen[s.stem.lower()] = n
        out.append(s if n == 1 else replace(s, stem=f"{s.stem}-{n}"))
    return out
