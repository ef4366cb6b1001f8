"""``make bench``: how fast the report and the extraction are, against a floor measured in the same run.

Floor: papermill executing and nbconvert rendering a notebook with nothing but a parameters cell, run the
same way as a report (a fresh process, one kernel). Every figure is printed with its ratio to the floor.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefing.config import PROJECT_ROOT, SEED_ARTICLE

ARTICLES_DIR = PROJECT_ROOT.parent / "shared" / "articles"
REPEATS = 3

_FLOOR_SCRIPT = r"""
import sys, nbformat, papermill
from nbconvert import HTMLExporter
nb = nbformat.v4.new_notebook()
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
cell = nbformat.v4.new_code_cell('article = ""')
cell.metadata["tags"] = ["parameters"]
nb.cells = [cell]
out = papermill.execute_notebook(nb, None, parameters={"article": "x"}, kernel_name="python3",
                                 progress_bar=False)
html, _ = HTMLExporter(exclude_input=True).from_notebook_node(out)
open(sys.argv[1], "w").write(html)
"""


def _timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=PROJECT_ROOT)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd[:4])} failed: {proc.stderr.strip()[-400:]}")
    return elapsed


def _median(cmd: list[str]) -> float:
    return statistics.median(_timed(cmd) for _ in range(REPEATS))


def bench_report(tmp: Path) -> tuple[float, float]:
    py = sys.executable
    floor = _median([py, "-c", _FLOOR_SCRIPT, str(tmp / "floor.html")])
    report = _median([py, "-m", "briefing", "report", str(SEED_ARTICLE), "--out", str(tmp / "seed")])
    return floor, report


def _corpus() -> str:
    paths = sorted(ARTICLES_DIR.glob("*.txt")) or [SEED_ARTICLE]
    return "\n".join(p.read_text(encoding="utf-8") for p in paths) + "\n"


def _extract_seconds(text: str) -> float:
    from briefing.ingest import build_document
    from briefing.pipeline import extract_document

    t0 = time.perf_counter()
    extract_document(build_document(text, "bench"))
    return time.perf_counter() - t0


def bench_extract() -> list[tuple[int, int, float]]:
    """(characters, words, seconds) for texts from 1 KB to 5 MB built from the real articles."""
    corpus = _corpus()
    _extract_seconds(corpus)  # warm up: matchers and lexicons are built once per process
    rows = []
    for size in (1_000, 10_000, 100_000, 1_000_000, 5_000_000):
        text = (corpus * (size // len(corpus) + 1))[:size]
        text = text[: text.rfind("\n") + 1] or text
        rows.append((len(text), len(text.split()), _extract_seconds(text)))
    return rows


def bench_batch(tmp: Path, n: int = 20) -> float:
    """Articles per minute for ``briefing report`` over n articles in one command."""
    paths = (sorted(ARTICLES_DIR.glob("*.txt")) or [SEED_ARTICLE]) * n
    inputs = []
    for i, p in enumerate(paths[:n]):
        q = tmp / "batch-in" / f"{i:02d}_{p.name}"
        q.parent.mkdir(exist_ok=True)
        q.write_bytes(p.read_bytes())
        inputs.append(str(q))
    seconds = _timed([sys.executable, "-m", "briefing", "report", *inputs, "--out", str(tmp / "batch")])
    return n / seconds * 60


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp_name:
        tmp = Path(tmp_name)
        floor, report = bench_report(tmp)
        print(f"floor   papermill + nbconvert, empty notebook : {floor:6.2f} s   (1.00x)")
        ratio = report / floor
        print(f"report  seed article, warm environment       : {report:6.2f} s   ({ratio:.2f}x floor)")
        print("extract characters      words    seconds   words/s")
        for chars, words, secs in bench_extract():
            print(f"        {chars:>10,} {words:>10,} {secs:>10.3f} {words / secs:>9,.0f}")
        per_minute = bench_batch(tmp)
        print(
            f"batch   20 articles in one `briefing report`   : {per_minute:6.1f} articles/min "
            f"({60 / per_minute:.2f} s each, {60 / per_minute / floor:.2f}x floor)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
