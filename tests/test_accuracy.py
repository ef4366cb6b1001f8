"""Accuracy floors: the real extraction on annotated articles, scored by the project's evaluation script.

The scorer lives beside the project (../shared/eval/score.py); without it these tests are skipped.
The floors sit a little under today's figures, so that a change which makes the tool worse in
general fails here, while the figures themselves are reported by `make eval`. Four sets: our own
articles, the shared ones, a fixed sample of PolNeAR's training articles (where errors are read) and
PolNeAR's held-out development articles (only these summary figures are ever read from it): a change
that helps the sets it was developed on and hurts the held-out one fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from briefing import evaluate
from briefing.ingest import ingest
from briefing.io import write_extraction
from briefing.pipeline import extract_document
from briefing.registry import load_registry
from tests.conftest import ROOT, SHARED

SCORER = SHARED / "eval" / "score.py"
OWN_GOLD = ROOT / "tests" / "articles" / "gold"

# figure -> lowest acceptable value (micro-averaged over the set)
OWN_FLOORS = {
    "attribution_f1": 0.85,
    "speaker_accuracy": 0.90,
    "direct_quote_recall": 0.95,
    "actor_recall": 0.75,
    "person_precision": 0.90,
    "editorial_f1": 0.5,
    "boilerplate_flagged": 1.0,
    "date_recall": 0.95,
    "date_accuracy": 0.93,
}
# PolNeAR annotates attribution only (no actors, editorial or dates in its gold)
POLNEAR_SAMPLE = 40  # articles, evenly spread over the 817 training ones (briefing.evaluate.gold_files)
# today (2026-12-01): sample 0.688 / 0.936 / 0.906; held-out 0.711 / 0.947 / 0.937
POLNEAR_FLOORS = {"attribution_f1": 0.67, "speaker_accuracy": 0.92, "direct_quote_recall": 0.88}
POLNEAR_DEV_FLOORS = {"attribution_f1": 0.69, "speaker_accuracy": 0.93, "direct_quote_recall": 0.92}
SHARED_FLOORS = {
    "attribution_f1": 0.90,
    "speaker_accuracy": 0.95,
    "actor_recall": 0.95,
    "person_precision": 0.95,
    "editorial_f1": 0.7,
    "boilerplate_flagged": 1.0,
    "date_recall": 0.95,
}


def _score(gold: Path, out: Path) -> dict[str, float]:
    """Extract every annotated article in this process (as `briefing extract` does), then score."""
    if not SCORER.exists():
        pytest.skip(f"no scorer at {SCORER}")
    registry = load_registry(None)
    for path in sorted(gold.glob("*.yaml")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc = ingest(gold.parent / meta["article"], date.fromisoformat(str(meta["published"])))
        (out / path.stem).mkdir(parents=True)
        write_extraction(extract_document(doc, registry), out / path.stem)
    proc = subprocess.run(
        [sys.executable, str(SCORER), str(gold), "--out", str(out), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["micro"]


@pytest.mark.parametrize(
    ("gold", "floors"),
    [(OWN_GOLD, OWN_FLOORS), (SHARED / "articles" / "gold", SHARED_FLOORS)],
    ids=["own-articles", "shared-articles"],
)
def test_extraction_keeps_its_accuracy(gold: Path, floors: dict[str, float], tmp_path: Path) -> None:
    if not gold.is_dir():
        pytest.skip(f"no annotations in {gold}")
    got = _score(gold, tmp_path)
    low = {k: (got[k], floor) for k, floor in floors.items() if got[k] is None or got[k] < floor}
    assert not low, f"below the floor (got, floor): {low}"
    assert got.get("boilerplate_as_claim", 0) in (0, None)


@pytest.mark.parametrize(
    ("gold", "sample", "floors"),
    [
        (SHARED / "polnear" / "gold", POLNEAR_SAMPLE, POLNEAR_FLOORS),
        (SHARED / "polnear-dev" / "gold", 0, POLNEAR_DEV_FLOORS),
    ],
    ids=["polnear-sample", "polnear-dev"],
)
def test_attribution_keeps_its_accuracy_on_polnear(
    gold: Path, sample: int, floors: dict[str, float], tmp_path: Path
) -> None:
    """Only the summary figures: the held-out set's misses are never listed, here or anywhere."""
    if not gold.is_dir() or not SCORER.exists():
        pytest.skip(f"no annotations in {gold} or no scorer")
    got, _ = evaluate.evaluate(gold, tmp_path, sample=sample, jobs=2)
    low = {k: (got[k], floor) for k, floor in floors.items() if got[k] is None or got[k] < floor}
    assert not low, f"{gold.parent.name}: below the floor (got, floor): {low}"
