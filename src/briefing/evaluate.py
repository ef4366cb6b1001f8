"""``make eval``: extract every annotated article of a gold folder in a process pool, then score.

The scorer is the project's evaluation script beside it (``../shared/eval/score.py``); this module only
runs the extraction in-process (one spaCy load per worker, not one per article as ``score.py --run``
does) and hands the output folders to the scorer's own functions, so the figures are the scorer's.

    python -m briefing.evaluate ../shared/polnear/gold --out build/polnear [--sample 60] [--jobs 2] [-v]

Only the summary line is printed unless ``-v`` asks for every miss (never use ``-v`` on a held-out set).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from types import ModuleType

import yaml

from briefing.config import PROJECT_ROOT
from briefing.nlp import CACHE_ENV

SCORER = PROJECT_ROOT.parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path = SCORER) -> ModuleType:
    """The evaluation script as a module, so its matching rules are used as they are."""
    spec = importlib.util.spec_from_file_location("briefing_scorer", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def gold_files(gold: Path, sample: int = 0) -> list[Path]:
    """The gold files of a folder in name order; ``sample`` > 0 keeps that many, evenly spread."""
    files = sorted(gold.glob("*.yaml")) if gold.is_dir() else [gold]
    if 0 < sample < len(files):
        step = len(files) / sample
        files = [files[int(i * step)] for i in range(sample)]
    return files


def article_of(gold_file: Path, meta: dict) -> Path:
    """Where the scorer looks for a gold file's article."""
    near = [gold_file.parent.parent / meta["article"], gold_file.parent.parent / "articles" / meta["article"]]
    return next((p for p in near if p.exists()), gold_file.parent / meta["article"])


def _extract_one(job: tuple[str, str, str, str | None]) -> str:
    """Extract one article into its folder; returns "" or the one-line reason it failed."""
    from briefing.ingest import ingest
    from briefing.io import write_extraction
    from briefing.pipeline import extract_document
    from briefing.registry import load_registry

    article, out, published, data_dir = job
    shutil.rmtree(out, ignore_errors=True)  # a failed article must not be scored on an old output
    try:
        doc = ingest(Path(article), date.fromisoformat(published) if published else None)
        ex = extract_document(doc, load_registry(Path(data_dir) if data_dir else None))
        Path(out).mkdir(parents=True, exist_ok=True)
        write_extraction(ex, Path(out))
    except Exception as exc:  # reported per article; the run goes on
        return f"{Path(article).name}: {type(exc).__name__}: {exc}"
    return ""


def extract_all(files: list[Path], out: Path, jobs: int, data_dir: Path | None = None) -> list[str]:
    """Extract the article of every gold file into ``out/<stem>``; returns the failures."""
    work = []
    for gf in files:
        meta = yaml.safe_load(gf.read_text(encoding="utf-8"))
        published = str(meta.get("published") or "") or None
        work.append((str(article_of(gf, meta)), str(out / gf.stem), published, str(data_dir or "") or None))
    if jobs <= 1:
        return [r for r in map(_extract_one, work) if r]
    with ProcessPoolExecutor(jobs) as pool:
        return [r for r in pool.map(_extract_one, work, chunksize=4) if r]


def score(files: list[Path], out: Path, scorer: ModuleType | None = None) -> tuple[dict, dict]:
    """Micro-averaged figures over ``files`` and each article's misses, by the scorer's own rules."""
    scorer = scorer or load_scorer()
    total = scorer.Counts()
    misses: dict[str, list[str]] = {}
    for gf in files:
        gold = yaml.safe_load(gf.read_text(encoding="utf-8"))
        n, problems = scorer.score_article(gold, out / gf.stem)
        total.merge(n)
        misses[gf.stem] = problems
    return scorer.figures(total), misses


def evaluate(gold: Path, out: Path, sample: int = 0, jobs: int = 0) -> tuple[dict, dict[str, list[str]]]:
    """Extract and score a gold folder (or a sample of it)."""
    files = gold_files(gold, sample)
    failures = extract_all(files, out, jobs or os.cpu_count() or 1)
    for f in failures:
        print(f"extract failed: {f}", file=sys.stderr)
    return score(files, out)


def summary_line(figures: dict) -> str:
    keys = ("attribution_f1", "speaker_accuracy", "direct_quote_recall", "actor_recall", "person_precision")
    keys += ("editorial_f1", "date_accuracy")
    return "SUMMARY " + " ".join(f"{k}={figures.get(k)}" for k in keys)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--sample", type=int, default=0, help="score only this many articles, evenly spread")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core)")
    ap.add_argument("--json", action="store_true", help="every figure as JSON")
    ap.add_argument(
        "--parse-cache",
        type=Path,
        default=PROJECT_ROOT / "build" / "parse-cache",
        help="keep parses here between runs (the model's output for the same text and sentences)",
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss (development sets only)")
    args = ap.parse_args(argv)
    os.environ.setdefault(CACHE_ENV, str(args.parse_cache))
    figures, misses = evaluate(args.gold, args.out, args.sample, args.jobs)
    if args.verbose:
        for stem, problems in misses.items():
            for p in problems:
                print(f"{stem}: {p}")
    print(json.dumps(figures) if args.json else summary_line(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
