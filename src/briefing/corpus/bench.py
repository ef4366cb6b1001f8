"""``make bench-corpus``: corpus throughput for N articles, 1 and 2 workers, local pool and Dask.

Each configuration is one fresh ``briefing corpus`` command (an empty output folder, so every article is
extracted) on N PolNeAR articles spread evenly over the 817 (a folder of symbolic links: the articles
are read in place). Reported per run: articles per minute of the per-article phase (from the run's own
manifest: starting the workers, which load the pipeline once each, and extracting every article), the
comparison across articles, the wall time of the whole command (including the corpus briefing), the
peak memory of the parent process, and the machine's load average before the run (the cores are shared).
Before and after, :func:`capacity` measures what two processes gain over one on a CPU-bound task right
then: on shared cores the corpus's 2-worker ratio cannot beat it.

    python -m briefing.corpus.bench [--sizes 100 817] [--workers 1 2] [--schedulers local dask]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefing.config import PROJECT_ROOT

POLNEAR = PROJECT_ROOT.parent / "shared" / "polnear" / "articles"
RESULTS = PROJECT_ROOT / "build" / "bench-corpus.json"


def sample(n: int, source: Path = POLNEAR) -> list[Path]:
    files = sorted(source.glob("*.txt"))
    if not files:
        sys.exit(f"bench-corpus: no articles in {source}")
    n = min(n, len(files))
    return [files[i * len(files) // n] for i in range(n)]


def run_once(files: list[Path], scheduler: str, workers: int, tmp: Path) -> dict:
    folder = tmp / f"in-{len(files)}"
    if not folder.exists():
        folder.mkdir()
        for f in files:
            (folder / f.name).symlink_to(f)
    out = tmp / f"out-{len(files)}-{scheduler}-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    load = os.getloadavg()[0]
    cmd = [sys.executable, "-m", "briefing", "corpus", str(folder), "--out", str(out)]
    cmd += ["--scheduler", scheduler, "--workers", str(workers)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=PROJECT_ROOT)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"bench-corpus: {' '.join(cmd[3:])} failed: {proc.stderr.strip()[-400:]}")
    meta = json.loads((out / "corpus" / "manifest.json").read_text(encoding="utf-8"))
    # a Dask cluster starts and loads the pipeline before the tasks ("start"), a pool's workers inside
    # the phase: both counted, so the two compare
    extract = meta["timings_s"]["extract"] + meta["timings_s"].get("start", 0.0)
    shutil.rmtree(out, ignore_errors=True)
    return {
        "articles": len(files),
        "scheduler": scheduler,
        "workers": workers,
        "load_before": round(load, 2),
        "start_s": meta["timings_s"].get("start", 0.0),
        "extract_s": extract,
        "aggregate_s": meta["timings_s"]["aggregate"],
        "wall_s": round(wall, 1),
        "articles_per_min": round(len(files) / extract * 60, 1),
        "parent_peak_rss_mb": meta["peak_rss_mb"],
        "failed": meta["failed"],
    }


def _burn(task: dict) -> dict:
    """Pure Python arithmetic for about half a second: what two cores can do for two processes."""
    x = 0
    for i in range(3_000_000):
        x += i * i
    return {"stem": task["stem"], "ok": True}


def capacity(tasks: int = 12) -> float:
    """How much faster two worker processes run a CPU-bound task than one, on this machine, now.

    2.0 on two idle cores; near 1.0 when other work holds the cores. Read the corpus ratios against it.
    """
    from briefing.corpus.pool import LocalPool

    seconds = []
    for workers in (1, 2):
        t0 = time.perf_counter()
        LocalPool(workers).run([{"stem": str(i)} for i in range(tasks)], _burn, lambda r: None)
        seconds.append(time.perf_counter() - t0)
    return round(seconds[0] / seconds[1], 2)


def table(rows: list[dict]) -> str:
    head = (
        "| articles | scheduler | workers | per-article phase | articles/min | vs 1 worker | aggregation "
        "| whole command | parent peak RSS | load before |\n|---|---|---|---|---|---|---|---|---|---|"
    )
    one = {(r["articles"], r["scheduler"]): r["articles_per_min"] for r in rows if r["workers"] == 1}
    lines = [head]
    for r in rows:
        base = one.get((r["articles"], r["scheduler"]))
        ratio = f"{r['articles_per_min'] / base:.2f}x" if base else ""
        lines.append(
            f"| {r['articles']} | {r['scheduler']} | {r['workers']} | {r['extract_s']:.1f} s "
            f"| {r['articles_per_min']:.0f} | {ratio} | {r['aggregate_s']:.1f} s | {r['wall_s']:.0f} s "
            f"| {r['parent_peak_rss_mb']:.0f} MB | {r['load_before']:.2f} |"
        )
    return "\n".join(lines)


def linearity(rows: list[dict]) -> list[str]:
    """Seconds per article at each size, per configuration: equal when time is linear in N."""
    out = []
    for sched in sorted({r["scheduler"] for r in rows}):
        for w in sorted({r["workers"] for r in rows}):
            per = {
                r["articles"]: r["extract_s"] / r["articles"]
                for r in rows
                if (r["scheduler"], r["workers"]) == (sched, w)
            }
            if len(per) > 1:
                sizes = sorted(per)
                out.append(
                    f"{sched}, {w} worker(s): "
                    + ", ".join(f"N={n}: {per[n] * 1000:.0f} ms/article" for n in sizes)
                    + f" (ratio {per[sizes[-1]] / per[sizes[0]]:.2f})"
                )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 817])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--schedulers", nargs="+", default=["local", "dask"])
    args = ap.parse_args(argv)
    rows = []
    before = capacity()
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        for n in args.sizes:
            files = sample(n)
            for sched in args.schedulers:
                for w in args.workers:
                    r = run_once(files, sched, w, Path(tmp))
                    print(
                        f"  {n} articles, {sched}, {w} worker(s): {r['extract_s']:.1f} s, "
                        f"{r['articles_per_min']:.0f}/min, load {r['load_before']}",
                        file=sys.stderr,
                        flush=True,
                    )
                    rows.append(r)
    after = capacity()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps({"runs": rows, "capacity": [before, after]}, indent=1) + "\n", encoding="utf-8"
    )
    print(table(rows))
    for line in linearity(rows):
        print(line)
    print(
        f"machine: two processes ran a CPU-bound task {before}x (before) and {after}x (after) as fast as one"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
