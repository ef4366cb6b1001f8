"""Corrections through the real command line: `briefing extract` and `briefing report` apply them,
flag the rows, warn about stale ones on the terminal, and refuse a malformed file with its line."""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from conftest import run_cli
from test_reviews import TEXT

from briefing import reviews
from briefing.io import EXTRACTION_TABLES, read_extraction, write_extraction

CORRECTIONS = """\
# checked against the council's press release
corrections:
  - published: 2025-06-11          # the dateline says Wednesday
  - add_claim: “a betrayal of the island”
    speaker: Harbour Watch
    cue: called
  - drop_claim: will hurt trade    # "believes" is no statement
  - drop_claim: words this article never had
"""


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("article")
    path = folder / "harbour.txt"
    path.write_text(TEXT, encoding="utf-8")
    (folder / "data" / "reviews").mkdir(parents=True)
    (folder / "data" / "reviews" / "harbour.yaml").write_text(CORRECTIONS, encoding="utf-8")
    (folder / "bare").mkdir()
    return path


def rows(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def extracted(article: Path) -> tuple[Path, Path, str]:
    """The extraction without corrections and with them, and the second run's stderr."""
    plain, reviewed = article.parent / "plain", article.parent / "reviewed"
    first = run_cli("extract", article, "--out", plain, "--data", article.parent / "bare")
    assert first.returncode == 0, first.stderr
    second = run_cli("extract", article, "--out", reviewed, "--data", article.parent / "data")
    assert second.returncode == 0, second.stderr
    return plain, reviewed, second.stderr


def test_extract_applies_the_corrections_and_flags_the_rows(extracted):
    _, folder, _ = extracted
    claims = rows(folder, "claims")
    added = [c for c in claims if "a betrayal of the island" in c["text"] and c["speaker"] == "Harbour Watch"]
    assert len(added) == 1 and added[0]["reviewed"] == "1"
    assert not [c for c in claims if "hurt trade" in c["text"]]
    meta = json.loads((folder / "document.json").read_text(encoding="utf-8"))
    assert (meta["published"], meta["published_from"]) == ("2025-06-11", "review")
    assert (meta["review"]["corrections"], meta["review"]["applied"]) == (4, 3)


def test_the_reviewed_date_is_what_relative_dates_resolve_against(extracted):
    _, folder, _ = extracted
    tuesday = [e for e in rows(folder, "events") if e["date_text"].lower().endswith("tuesday")]
    assert tuesday and tuesday[0]["date"] == "2025-06-10"


def test_a_stale_correction_is_one_warning_line_on_the_terminal(extracted):
    _, _, stderr = extracted
    lines = stderr.strip().splitlines()
    assert lines == [
        "briefing: warning: data/reviews/harbour.yaml, line 8: drop_claim “words this article never had”: "
        "not applied, the text is no longer in the article"
    ]


def test_corrections_never_touch_the_text_or_the_offsets_of_unchanged_rows(extracted):
    plain, folder, _ = extracted
    assert (folder / "article.txt").read_bytes() == (plain / "article.txt").read_bytes()
    key = ("start", "end", "speaker_id", "mode", "text")
    before = {tuple(r[k] for k in key) for r in rows(plain, "claims")}
    untouched = [r for r in rows(folder, "claims") if r["reviewed"] == "0"]
    assert untouched and all(tuple(r[k] for k in key) in before for r in untouched)
    assert [(s["start"], s["end"]) for s in rows(folder, "sentences")] == [
        (s["start"], s["end"]) for s in rows(plain, "sentences")
    ]
    before_mentions = {(m["actor_id"], m["start"], m["end"]) for m in rows(plain, "mentions")}
    assert all(
        (m["actor_id"], m["start"], m["end"]) in before_mentions
        for m in rows(folder, "mentions")
        if m["reviewed"] == "0"
    )


def test_applying_the_file_again_to_its_own_output_changes_no_byte(extracted, article, tmp_path):
    _, folder, _ = extracted
    again = reviews.apply(read_extraction(folder), reviews.load(article, article.parent / "data"))
    write_extraction(again, tmp_path)
    for name in [*EXTRACTION_TABLES, "document"]:
        suffix = ".json" if name == "document" else ".csv"
        assert (tmp_path / f"{name}{suffix}").read_bytes() == (folder / f"{name}{suffix}").read_bytes(), name


def test_a_malformed_file_is_one_line_with_its_line_number_and_exit_2(tmp_path):
    article = tmp_path / "harbour.txt"
    article.write_text(TEXT, encoding="utf-8")
    (tmp_path / "data" / "reviews").mkdir(parents=True)
    bad = tmp_path / "data" / "reviews" / "harbour.yaml"
    bad.write_text("corrections:\n  - merge: Okafur\n    int0: Maria Okafor\n", encoding="utf-8")
    proc = run_cli("extract", article, "--out", tmp_path / "out", "--data", tmp_path / "data")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"briefing: {bad}: line 3: unknown field 'int0' in merge; merge takes into, note"
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_report_shows_the_corrections_in_manifest_and_briefing(article, tmp_path):
    out = tmp_path / "report"
    proc = run_cli("report", article, "--out", out, "--data", article.parent / "data")
    assert proc.returncode == 0, proc.stderr
    assert "briefing: warning: data/reviews/harbour.yaml, line 8:" in proc.stderr
    review = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["review"]
    sha = hashlib.sha256((article.parent / "data" / "reviews" / "harbour.yaml").read_bytes()).hexdigest()
    assert review["file"] == "data/reviews/harbour.yaml" and review["sha256"] == sha
    assert (review["corrections"], review["applied"], len(review["warnings"])) == (4, 3, 1)
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "3 of 4 corrections applied from data/reviews/harbour.yaml" in html
    assert "words this article never had" in html and 'class="reviewed-mark"' in html
