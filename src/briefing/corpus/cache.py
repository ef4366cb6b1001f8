"""The per-article cache: DIR/articles/<stem>/ holds an article's extraction and the key it was made with.

An article is reused when its key matches: the SHA-256 of its input, the publication date it was
extracted with, the tool version and the analyst's data files. The tool version is the package version
plus a hash of the package's own source (of this subpackage only the worker, which writes each
article's files), so an edited extraction rule re-extracts everything and nothing else does. Each
folder is written into a staging folder beside it and renamed into place, so a killed run leaves
complete folders or none (an old folder moved aside and not yet replaced is only a cache miss).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

from briefing import __version__
from briefing.config import PACKAGE_DIR

KEY_FILE = "cache.json"
REQUIRED = ("article.txt", "claims.csv", "actors.csv", "mentions.csv", "events.csv", "corpus.json")
# The corpus word lists only change the aggregation, never an article's extraction.
NOT_EXTRACTION = {"corpus.yaml"}


@cache
def tool_version() -> str:
    """``0.1.0+<12 hex>``: the version and a hash of the modules that make an article's files.

    Every module outside ``corpus/``, and ``corpus/worker.py`` (which writes corpus.json): editing the
    comparison across articles re-uses every extracted article.
    """
    h = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        rel = path.relative_to(PACKAGE_DIR)
        if rel.parts[0] == "corpus" and rel.name != "worker.py":
            continue
        h.update(str(rel).encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"


def data_version(data_dir: Path) -> str:
    """A hash of the analyst's data files (registry, lexicons, reviews) that change extraction."""
    h = hashlib.sha256()
    if data_dir.is_dir():
        for path in sorted(data_dir.rglob("*")):
            if path.is_file() and path.name not in NOT_EXTRACTION and not path.name.startswith("."):
                h.update(str(path.relative_to(data_dir)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


def key_of(sha256: str, published: str, tool: str, data: str) -> dict[str, str]:
    return {"sha256": sha256, "published": published, "tool": tool, "data": data}


def is_cached(folder: Path, key: dict[str, str]) -> bool:
    """The folder holds a complete extraction made with exactly this key."""
    try:
        stored = json.loads((folder / KEY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stored == key and all((folder / name).is_file() for name in REQUIRED)


def store(articles_dir: Path, stem: str, files: dict[str, bytes], key: dict[str, str]) -> Path:
    """Write an article's files into DIR/articles/<stem>/ atomically; returns the folder."""
    target = articles_dir / stem
    staging = Path(tempfile.mkdtemp(prefix=f".{stem}.staging-{os.getpid()}-", dir=articles_dir))
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        (staging / KEY_FILE).write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
        staging.chmod(0o755)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _swap(staging: Path, target: Path) -> None:
    """Rename ``staging`` to ``target``; an older ``target`` is moved aside first, removed after."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def sweep(articles_dir: Path) -> int:
    """Remove staging and swap folders left by runs that were killed; returns how many."""
    removed = 0
    for path in articles_dir.glob(".*"):
        owner = path.name.rsplit(".staging-", 1)[-1].rsplit(".old-", 1)[-1].split("-")[0]
        if ".staging-" not in path.name and ".old-" not in path.name:
            continue
        if owner.isdigit() and _alive(int(owner)):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed += 1
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
