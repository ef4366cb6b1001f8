"""The per-article phase: reuse what is cached, extract the rest on a scheduler, digest every article.

The parent process reads each article's bytes only when its task is handed out, writes each result
into DIR/articles/<stem>/ as soon as it arrives (so a run killed at any point keeps every article done
so far), and keeps only the article's digest. Failed articles are collected with their one-line reason.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.config import MAX_INPUT_BYTES
from briefing.corpus import cache
from briefing.corpus.digest import Digest, digest, read_files
from briefing.corpus.inputs import Source, read_bytes
from briefing.corpus.lexicon import lexicon
from briefing.corpus.pool import LocalPool
from briefing.corpus.progress import Progress
from briefing.corpus.worker import extract_article
from briefing.errors import InputError


@dataclass
class Extracted:
    digests: list[Digest] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    extracted: int = 0
    reused: int = 0
    seconds: float = 0.0
    worker_seconds: float = 0.0


def extract_corpus(
    sources: list[Source],
    out: Path,
    runner: Any,
    data_dir: Path,
    progress: Progress | None = None,
) -> Extracted:
    """Extract (or reuse) every source into ``out/articles``; digests come back in input order.

    ``runner`` is a :class:`LocalPool` or a :class:`briefing.corpus.cluster.DaskRunner`: anything with
    ``run(tasks, fn, on_result)``.
    """
    t0 = time.perf_counter()
    articles_dir = out / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    cache.sweep(articles_dir)
    tool, data = cache.tool_version(), cache.data_version(data_dir)
    keys = {s.stem: cache.key_of(s.sha256, s.published, tool, data) for s in sources}
    reuse = {s.stem for s in sources if s.sha256 and cache.is_cached(articles_dir / s.stem, keys[s.stem])}
    todo = [s for s in sources if s.stem not in reuse]
    lex = lexicon(data_dir)
    by_stem = {s.stem: s for s in sources}
    done = Extracted(reused=len(reuse))
    got: dict[str, Digest] = {}
    progress = progress or Progress(len(sources))
    progress.reused = len(reuse)

    def on_result(result: dict) -> None:
        src = by_stem[result["stem"]]
        if result.get("ok"):
            files = result["files"]
            try:
                cache.store(articles_dir, src.stem, files, keys[src.stem])
            except OSError as exc:  # the input was fine; the output place is not
                raise InputError(articles_dir, f"cannot write here ({exc.strerror or exc})") from None
            got[src.stem] = digest(src, _texts(files), lex)
            done.extracted += 1
            done.worker_seconds += result.get("seconds", 0.0)
        else:
            done.errors.append(_error(src, result))
        progress.advance(bool(result.get("ok")))

    if todo:
        runner.run(_tasks(todo, data_dir), extract_article, on_result)
    progress.close()
    for s in sources:
        if s.stem in reuse:
            got[s.stem] = digest(s, read_files(articles_dir / s.stem), lex)
    done.digests = [got[s.stem] for s in sources if s.stem in got]
    order = {s.stem: i for i, s in enumerate(sources)}
    done.errors.sort(key=lambda e: order.get(e["stem"], 0))
    done.seconds = time.perf_counter() - t0
    return done


def _tasks(todo: list[Source], data_dir: Path) -> Iterator[dict]:
    """One task per article; its bytes are read only now, when a worker is free to take it."""
    for s in todo:
        task = {"stem": s.stem, "label": s.label, "published": s.published, "data_dir": str(data_dir)}
        if s.size > MAX_INPUT_BYTES:
            task["error"] = f"is {s.size:,} bytes; the limit is {MAX_INPUT_BYTES:,} bytes"
        else:
            try:
                task["data"] = read_bytes(s)
            except OSError as exc:
                task["error"] = f"cannot be read ({exc.strerror or exc})"
            except Exception as exc:  # the file changed since it was indexed: this article fails alone
                task["error"] = f"cannot be read again ({type(exc).__name__}: {exc})"
        yield task


def _texts(files: dict[str, bytes]) -> dict[str, str]:
    return {name: data.decode("utf-8") for name, data in files.items()}


def _error(src: Source, result: dict) -> dict:
    reason = " ".join(str(result.get("reason") or "failed").split())
    return {"stem": src.stem, "source": src.label, "stage": result.get("stage", ""), "reason": reason}


def local_runner(workers: int, data_dir: Path, timeout: float) -> LocalPool:
    """A local process pool whose workers load the pipeline and the registry once each."""
    from briefing.corpus.worker import warm

    return LocalPool(workers, initializer=warm, initargs=(str(data_dir),), timeout=timeout)
