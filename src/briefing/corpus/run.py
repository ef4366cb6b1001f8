"""``briefing corpus INPUT --out DIR``: index, extract (or reuse), compare, render, publish.

DIR/articles/<stem>/   each article's extraction (the cache; kept across runs)
DIR/errors.csv         the articles that failed, with their one-line reason
DIR/corpus/            the corpus tables, briefing.html, manifest.json, notebooks/corpus.ipynb
                       (published atomically: a failed run keeps the previous one)
"""

from __future__ import annotations

import os
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from briefing.config import DATA_DIR, REPORTS_DIR
from briefing.corpus.aggregate import aggregate
from briefing.corpus.contract import COLUMNS, write_table
from briefing.corpus.extract import Extracted, extract_corpus, local_runner
from briefing.corpus.inputs import Source, read_corpus
from briefing.corpus.lexicon import lexicon
from briefing.corpus.progress import Progress, duration
from briefing.errors import InputError, ReportError
from briefing.registry import load_registry

TASK_TIMEOUT_S = 600.0


@dataclass
class CorpusResult:
    folder: Path  # DIR/corpus
    html: Path | None
    articles: int
    extracted: int
    reused: int
    failed: int
    outlets: int
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self, out: Path) -> str:
        failed = f", {self.failed} failed (reasons in {out / 'errors.csv'})" if self.failed else ""
        return (
            f"corpus: {self.articles} articles from {self.outlets} outlets: {self.extracted} extracted, "
            f"{self.reused} reused{failed}; {duration(self.seconds)}"
        )


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_out(input_path: Path) -> Path:
    return REPORTS_DIR / f"corpus-{input_path.stem or 'input'}"


def runner_for(scheduler: str, workers: int, data_dir: Path, timeout: float = TASK_TIMEOUT_S) -> Any:
    """``local`` (a process pool), ``dask`` (a LocalCluster) or ``tcp://host:port`` (a Dask cluster)."""
    if scheduler == "local":
        return local_runner(workers, data_dir, timeout)
    from briefing.corpus.cluster import DaskRunner

    if scheduler == "dask":
        return DaskRunner(workers=workers, data_dir=str(data_dir))
    if "://" in scheduler:
        return DaskRunner(address=scheduler, workers=workers, data_dir=str(data_dir))
    raise InputError(
        scheduler, "is no scheduler: use local, dask or the address of a Dask scheduler (tcp://...)"
    )


def run_corpus(
    input_path: str | Path,
    out: str | Path | None = None,
    scheduler: str = "local",
    workers: int = 0,
    data_dir: str | Path | None = None,
    render: bool = True,
    stream: TextIO | None = None,
    runner: Any = None,
) -> CorpusResult:
    """The whole corpus run; bad input raises InputError before anything is written."""
    t0 = time.perf_counter()
    input_path = Path(input_path)
    sources = read_corpus(input_path)
    out = Path(out or default_out(input_path)).resolve()
    data = Path(data_dir or DATA_DIR).resolve()
    lex, registry = lexicon(data), load_registry(data)  # a bad word list or registry fails now
    _writable(out)
    progress = Progress(len(sources), stream=stream or sys.stderr)
    timings: dict[str, float] = {}
    t_start = time.perf_counter()
    with runner or runner_for(scheduler, workers or cores(), data) as run:
        timings["start"] = time.perf_counter() - t_start  # a Dask cluster starts here; a pool in run()
        progress.stage(f"{len(sources)} articles; {run.describe()}")
        ex = extract_corpus(sources, out, run, data, progress)
        timings["extract"] = ex.seconds
        write_table(ex.errors, COLUMNS["errors"], out / "errors.csv")
        if not ex.digests:
            why = f"none of its {len(sources)} articles could be analysed (reasons in {out / 'errors.csv'})"
            if all(e["stage"] == "input" for e in ex.errors):
                raise InputError(input_path, why)
            raise ReportError(f"{input_path}: {why}")
        progress.stage("Comparing the articles across outlets…")
        t1 = time.perf_counter()
        tables = run.call(aggregate, ex.digests, lex, registry)
        timings["aggregate"] = time.perf_counter() - t1
        where = run.describe()
    tables["errors"] = ex.errors
    info = _run_info(input_path, sources, ex, where, timings)
    folder = out / "corpus"
    html = None
    t2 = time.perf_counter()
    from briefing.corpus.render import publish_corpus

    if render:
        progress.stage("Rendering the corpus briefing…")
    html = publish_corpus(tables, info, out, data, render=render)
    timings["render"] = time.perf_counter() - t2
    return CorpusResult(
        folder=folder,
        html=html,
        articles=len(sources),
        extracted=ex.extracted,
        reused=ex.reused,
        failed=len(ex.errors),
        outlets=len({d["article"]["outlet"] for d in ex.digests}),
        seconds=time.perf_counter() - t0,
        timings=timings,
    )


def _writable(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise InputError(out, f"cannot write the corpus here ({exc.strerror or exc})") from None


def _run_info(input_path: Path, sources: list[Source], ex: Extracted, where: str, timings: dict) -> dict:
    """What the briefing and the manifest say about this run."""
    import hashlib

    analysed = {d["article"]["stem"] for d in ex.digests}
    h = hashlib.sha256()
    for s in sources:
        if s.stem in analysed:
            h.update(f"{s.stem}\0{s.sha256}\n".encode())
    return {
        "input": input_path.name or str(input_path),
        "input_sha256": h.hexdigest(),
        "articles": len(sources),
        "analysed": len(analysed),
        "extracted": ex.extracted,
        "reused": ex.reused,
        "failed": len(ex.errors),
        "scheduler": where,
        "worker_seconds": round(ex.worker_seconds, 1),
        "timings": {k: round(v, 2) for k, v in timings.items()},
        "peak_rss_mb": peak_rss_mb(),
    }


def peak_rss_mb() -> float:
    """The peak resident memory of this (the parent) process, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


__all__ = ["CorpusResult", "ReportError", "run_corpus"]
