"""``make bench``: how fast the report is against one floor, measured as a user would, in the same run.

Floor: the papermill command line executing a notebook that holds only a parameters cell, plus the nbconvert
command line rendering it to HTML: what any notebook-based report costs at the least. Report: the
``briefing report`` command line on the seed. Both are warm (one untimed run each first), alternate, and the
best of three counts. Then the extraction alone (1 KB to 5 MB, in process) and a batch of 20 articles.

``--profile`` (``make bench PROFILE=1``) shows where the report's time beyond the floor goes: the command's
imports, each stage of one report run in this process, and each notebook cell (papermill's own timings),
beside the floor's counterparts. ``--quick`` stops after the floor and the report.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import nbformat

from briefing.config import PROJECT_ROOT, SEED_ARTICLE

ARTICLES_DIR = PROJECT_ROOT.parent / "shared" / "articles"
REPEATS = 3
EXTRACT_SIZES = (1_000, 10_000, 100_000, 1_000_000, 5_000_000)
BIN = Path(sys.executable).parent


# ------------------------------------------------------------------ command lines


def _tool(name: str, module: str) -> list[str]:
    """A console script beside this Python (as a user runs it), else ``python -m module``."""
    script = BIN / name
    return [str(script)] if script.exists() else [sys.executable, "-m", module]


def _timed(cmd: list[str], cwd: Path = PROJECT_ROOT) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd[:3])} ... failed: {proc.stderr.strip()[-400:]}")
    return elapsed


def floor_notebook(folder: Path) -> Path:
    """A notebook holding only a parameters cell, as papermill expects one."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    cell = nbformat.v4.new_code_cell('article = ""')
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    path = folder / "floor.ipynb"
    nbformat.write(nb, path)
    return path


def floor_commands(folder: Path) -> list[list[str]]:
    """papermill executes the one-cell notebook; nbconvert renders the result without its code."""
    source = floor_notebook(folder)
    executed = folder / "floor-out.ipynb"
    return [
        [*_tool("papermill", "papermill"), str(source), str(executed), "-p", "article", "x", "-k", "python3"],
        [*_tool("jupyter", "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)],
    ]


def report_command(out: Path, article: Path = SEED_ARTICLE) -> list[str]:
    return [*_tool("briefing", "briefing"), "report", str(article), "--out", str(out)]


def best_of(runs: dict[str, Callable[[], float]], repeats: int = REPEATS) -> dict[str, float]:
    """Each run once untimed (warm), then ``repeats`` rounds taking turns; the best time of each."""
    for run in runs.values():
        run()
    best = {name: float("inf") for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            best[name] = min(best[name], run())
    return best


def bench_report(tmp: Path) -> tuple[float, float]:
    """(floor seconds, report seconds), best of three, warm, alternating."""
    floor_cmds = floor_commands(tmp)
    report_cmd = report_command(tmp / "seed")
    best = best_of(
        {
            "floor": lambda: sum(_timed(cmd) for cmd in floor_cmds),
            "report": lambda: _timed(report_cmd),
        }
    )
    return best["floor"], best["report"]


# ------------------------------------------------------------------ extraction and batch


def _corpus() -> str:
    paths = sorted(ARTICLES_DIR.glob("*.txt")) or [SEED_ARTICLE]
    return "\n".join(p.read_text(encoding="utf-8") for p in paths) + "\n"


def _extract_seconds(text: str) -> float:
    from briefing.ingest import build_document
    from briefing.pipeline import extract_document

    t0 = time.perf_counter()
    extract_document(build_document(text, "bench"))
    return time.perf_counter() - t0


def _text_of(corpus: str, size: int) -> str:
    """About ``size`` characters of the articles repeated, cut at the end of a paragraph."""
    text = (corpus * (size // len(corpus) + 1))[:size]
    return text[: text.rfind("\n") + 1] or text


def bench_extract(sizes: tuple[int, ...] = EXTRACT_SIZES) -> list[tuple[int, int, float]]:
    """(characters, words, seconds) for texts from 1 KB to 5 MB built from the real articles."""
    corpus = _corpus()
    _extract_seconds(corpus)  # warm up: matchers and lexicons are built once per process
    rows = []
    for size in sizes:
        text = _text_of(corpus, size)
        rows.append((len(text), len(text.split()), _extract_seconds(text)))
    return rows


def bench_spacy(size: int = 1_000_000) -> tuple[float, float]:
    """(extraction seconds, seconds of spaCy's own ``nlp.pipe`` over the same paragraphs) at ``size``:
    how far the whole extraction is from the parse it rests on (issue 12's goal: within 1.5x)."""
    from briefing.ingest import build_document
    from briefing.nlp import pipeline

    text = _text_of(_corpus(), size)
    doc = build_document(text, "bench")
    paragraphs = [text[p.start : p.end] for p in doc.paragraphs]
    nlp = pipeline()
    t0 = time.perf_counter()
    for _ in nlp.pipe(paragraphs, batch_size=64):
        pass
    spacy_seconds = time.perf_counter() - t0
    return _extract_seconds(text), spacy_seconds


def bench_batch(tmp: Path, n: int = 20) -> float:
    """Articles per minute for ``briefing report`` over n articles in one command."""
    paths = (sorted(ARTICLES_DIR.glob("*.txt")) or [SEED_ARTICLE]) * n
    inputs = []
    for i, p in enumerate(paths[:n]):
        q = tmp / "batch-in" / f"{i:02d}_{p.name}"
        q.parent.mkdir(exist_ok=True)
        q.write_bytes(p.read_bytes())
        inputs.append(str(q))
    seconds = _timed([*_tool("briefing", "briefing"), "report", *inputs, "--out", str(tmp / "batch")])
    return n / seconds * 60


# ------------------------------------------------------------------ profile


def _import_seconds(statement: str) -> float:
    """Start-up plus ``statement`` in a fresh interpreter, less a bare start-up (best of three)."""
    run = [sys.executable, "-c", statement]
    bare = [sys.executable, "-c", "pass"]
    return min(_timed(run) for _ in range(REPEATS)) - min(_timed(bare) for _ in range(REPEATS))


def _stamp(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


@dataclass
class Cell:
    label: str  # the cell's last line, as a call usually is
    start: float  # epoch seconds (papermill's metadata)
    seconds: float


def cells_of(nb: nbformat.NotebookNode) -> tuple[float, list[Cell]]:
    """(epoch when papermill started, the code cells it ran), from papermill's own metadata."""
    cells = []
    for cell in nb.cells:
        meta = cell.metadata.get("papermill", {})
        if cell.cell_type == "code" and meta.get("start_time"):
            lines = cell.source.strip().splitlines() or [""]
            cells.append(Cell(lines[-1][:60], _stamp(meta["start_time"]), float(meta.get("duration") or 0)))
    started = nb.metadata.get("papermill", {}).get("start_time")
    return (_stamp(started) if started else float("nan")), cells


def profile_floor(tmp: Path) -> str:
    """The floor's two command lines apart (best of three), their imports, papermill's timings of its run."""
    papermill_cmd, nbconvert_cmd = floor_commands(tmp)
    papermill = min(_timed(papermill_cmd) for _ in range(REPEATS))
    nbconvert = min(_timed(nbconvert_cmd) for _ in range(REPEATS))
    started, cells = cells_of(nbformat.read(tmp / "floor-out.ipynb", as_version=4))
    kernel = cells[0].start - started if cells else float("nan")
    return (
        f"  floor   papermill command line {papermill:.2f} (its imports "
        f"{_import_seconds('import papermill.cli'):.2f}, kernel start {kernel:.2f}, the parameters cell "
        f"{cells[0].seconds if cells else float('nan'):.2f})\n"
        f"          nbconvert command line {nbconvert:.2f} (its imports "
        f"{_import_seconds('import nbconvert.nbconvertapp'):.2f})"
    )


_EXTRACTION_PARTS = r"""
import sys, time
t0 = time.perf_counter()
from briefing.pipeline import extract_file
t1 = time.perf_counter()
extract_file(sys.argv[1])
t2 = time.perf_counter()
extract_file(sys.argv[1])
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def extraction_parts() -> tuple[float, float, float]:
    """(imports, first extraction of the seed, second one) in a fresh interpreter: the first builds the
    word lists, place tables and matchers that every later extraction in the process reuses."""
    proc = subprocess.run(
        [sys.executable, "-c", _EXTRACTION_PARTS, str(SEED_ARTICLE)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=True,
    )
    imports, first, again = map(float, proc.stdout.split())
    return imports, first, again


def profile_report(tmp: Path) -> str:
    """One report run in this process, stage by stage (its progress callback), and its notebook cells."""
    from briefing.report import build_report

    imports, first, again = extraction_parts()
    marks: dict[str, float] = {}

    def mark(stage: str) -> None:
        marks.setdefault(stage.split()[0], time.time())

    t0 = time.time()
    result = build_report(SEED_ARTICLE, out=tmp / "profiled", progress=mark)
    end = time.time()
    started, cells = cells_of(nbformat.read(result.folder / "notebooks" / "briefing.ipynb", as_version=4))
    first_cell = next(c for c in cells if "prepare(" in c.label)  # imports, then waits for the extraction
    sections = [c for c in cells if c.start > first_cell.start and "prepare(" not in c.label]
    slowest = ", ".join(f"{c.label} {c.seconds:.2f}" for c in sorted(sections, key=lambda c: -c.seconds)[:3])
    extracted = marks["running"] - marks["extracting"]
    return (
        f"  report  the command's imports {_import_seconds('import briefing.cli, briefing.report'):.2f}, "
        f"ingest {marks['extracting'] - t0:.2f}\n"
        f"          extraction {extracted:.2f}, in a thread from the start (apart, in a fresh interpreter: "
        f"imports {imports:.2f}, word lists, place tables and matchers {first - again:.2f}, the seed itself "
        f"{again:.2f})\n"
        f"          kernel start {first_cell.start - started:.2f} (beside the extraction)\n"
        f"          first cell {first_cell.seconds:.2f}: the sections' imports (pandas, matplotlib, networkx "
        f"{_import_seconds('import briefing.present.html, briefing.present.charts'):.2f}), then the "
        f"extraction, done {marks['running'] - first_cell.start:.2f} after the cell began\n"
        f"          section cells {sum(c.seconds for c in sections):.2f} (slowest: {slowest})\n"
        f"          render the HTML in process {marks['publishing'] - marks['rendering']:.2f}, "
        f"publish {end - marks['publishing']:.2f}"
    )


def print_profile(tmp: Path, floor: float, report: float) -> None:
    print(
        f"\nprofile: where the report's {report - floor:.2f} s beyond the floor go (seconds; imports timed in"
    )
    print("a fresh interpreter; the report's stages in one run in this process)")
    print(profile_floor(tmp))
    print(profile_report(tmp))


# ------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    global REPEATS  # --repeats: every best-of in this run
    ap = argparse.ArgumentParser(prog="python -m briefing.bench", description=__doc__.splitlines()[0])
    ap.add_argument("--profile", action="store_true", help="show where the time beyond the floor goes")
    ap.add_argument("--quick", action="store_true", help="only the floor and the report")
    ap.add_argument("--repeats", type=int, default=REPEATS, help=f"timed runs of each (default {REPEATS})")
    args = ap.parse_args(argv)
    REPEATS = max(1, args.repeats)
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp_name:
        tmp = Path(tmp_name)
        floor, report = bench_report(tmp)
        print(
            f"floor   papermill + nbconvert command lines, parameters-only notebook: {floor:6.2f} s  (1.00x)"
        )
        print(
            f"report  `briefing report` on the seed, command line                : {report:6.2f} s  ", end=""
        )
        print(f"({report / floor:.2f}x the floor; best of {REPEATS}, warm, taking turns; goal 1.2x)")
        if args.profile:
            print_profile(tmp, floor, report)
        if args.quick:
            return 0
        print("extract characters      words    seconds   words/s   (in process)")
        for chars, words, secs in bench_extract():
            print(f"        {chars:>10,} {words:>10,} {secs:>10.3f} {words / secs:>9,.0f}")
        ours, theirs = bench_spacy()
        print(
            f"spaCy   1 MB: extraction {ours:.1f} s, spaCy's nlp.pipe alone {theirs:.1f} s "
            f"({ours / theirs:.2f}x; goal 1.5x)"
        )
        per_minute = bench_batch(tmp)
        print(
            f"batch   20 articles in one `briefing report`: {per_minute:6.1f} articles/min "
            f"({60 / per_minute:.2f} s each, {60 / per_minute / floor:.2f}x the floor)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
