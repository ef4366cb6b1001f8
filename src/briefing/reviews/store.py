"""Append a correction to an article's file: atomically, under a lock, keeping the analyst's text.

The file is the analyst's work. A write holds an exclusive lock on the reviews folder (two notebooks
appending at once both land), reads the file with ruamel.yaml's round-trip loader (comments, order,
quoting and indentation kept), writes the new text to a temporary file beside it, flushes it to disk
and renames it over the old one. A writer killed at any moment leaves the old file or the new one,
never a mixture; the next writer removes its temporary file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path
from typing import Any

from briefing.reviews.schema import Correction, parse

try:  # POSIX; elsewhere writes are atomic but not serialised
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".tmp"
CHUNK = 1 << 16
NEW_FILE = """\
# Reviewed corrections to {article}: applied after extraction on every run (briefing report,
# briefing extract, the notebooks), in this order. Edit freely: comments and order are kept when the
# notebook helper (`from briefing import review`) appends. The format: data/reviews/README.md.
article: {article}
corrections: []
"""


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on ``folder`` for the duration (released by the kernel if the holder dies)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def append(path: Path, entry: dict[str, Any], article: str = "") -> Correction:
    """Add ``entry`` at the end of the file's ``corrections`` (the file is created when absent).

    Returns the entry as read back from the written file (with its line). A malformed file is left
    alone and raises InputError: the analyst's own edit must be fixed first, not overwritten.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path.parent):
        _sweep(path)
        text = (
            path.read_text(encoding="utf-8")
            if path.exists()
            else NEW_FILE.format(article=article or path.stem)
        )
        parse(text, path)
        new = _appended(text, entry)
        written = parse(new, path)  # what is written must read back
        _write_atomic(path, new)
    return written[-1]


def _appended(text: str, entry: dict[str, Any]) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.util import load_yaml_guess_indent

    _, indent, offset = load_yaml_guess_indent(text) if text.strip() else (None, None, None)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the analyst's lines
    yaml.indent(mapping=2, sequence=indent or 4, offset=2 if offset is None else offset)
    data = yaml.load(text)
    if data is None:
        data = CommentedMap()
    if data.get("corrections") is None:
        data["corrections"] = CommentedSeq()
    item = CommentedMap()
    for key, value in entry.items():
        if isinstance(value, list | tuple):
            value = CommentedSeq(value)
            value.fa.set_flow_style()
        item[key] = value
    data["corrections"].append(item)
    out = StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, flush it to disk, rename it over ``path``."""
    data = memoryview(text.encode("utf-8"))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        try:
            while data:
                data = data[os.write(fd, data[:CHUNK]) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)  # mkstemp's is 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a crash right after it must not bring the old file back)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on a folder
        pass
    finally:
        os.close(fd)


def _sweep(path: Path) -> None:
    """Remove temporary files a killed writer left (called under the lock: no live writer has one)."""
    for leftover in path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"):
        leftover.unlink(missing_ok=True)
