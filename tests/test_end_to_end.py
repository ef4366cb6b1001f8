"""The real commands on the seed and on every article beside the project: real CSVs, real HTML.

`extract` runs in this process (the contract is what is checked); every report is a real process (slow).
"""

from __future__ import annotations

import csv
import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.io import columns
from tests.conftest import ARTICLES, ROOT, SEED, run_cli, run_here

# The contract's columns (../shared/eval/README.md), which must come first and in this order.
CONTRACT = {
    "sentences": ["sentence_id", "start", "end", "paragraph", "kind"],
    "actors": ["actor_id", "name", "kind", "role", "affiliation", "side", "mentions"],
    "mentions": ["actor_id", "surface", "start", "end"],
    "claims": ["claim_id", "speaker_id", "speaker", "cue", "mode", "text", "start", "end"],
    "events": ["event_id", "date_text", "start", "end", "date", "precision", "description", "actor_ids"],
}
SECTIONS = [
    "Bottom line up front",
    "Actors",
    "Claims and positions",
    "Expert commentary",
    "Timeline",
    "Source text",
]


def read(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames[: len(CONTRACT.get(name, []))] == CONTRACT.get(name, [])
        assert reader.fieldnames == columns(name)
        return list(reader)


def check_contract(folder: Path, source: Path) -> None:
    text = (folder / "article.txt").read_text(encoding="utf-8")
    original = source.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    assert text == original
    sentences = read(folder, "sentences")
    assert sentences and {s["kind"] for s in sentences} <= {"headline", "body", "byline", "boilerplate"}
    actors = read(folder, "actors")
    ids = {a["actor_id"] for a in actors}
    assert len(ids) == len(actors)
    mentions = read(folder, "mentions")
    for m in mentions:
        assert m["actor_id"] in ids
        assert text[int(m["start"]) : int(m["end"])] == m["surface"]
    counts = {i: sum(m["actor_id"] == i for m in mentions) for i in ids}
    assert all(int(a["mentions"]) == counts[a["actor_id"]] for a in actors)
    assert {a["kind"] for a in actors} <= {"person", "organisation", "state", "place", "group"}
    for c in read(folder, "claims"):
        assert c["mode"] in {"direct", "indirect", "editorial", "unattributed"}
        assert text[int(c["start"]) : int(c["end"])] == c["text"]
        assert not c["speaker_id"] or c["speaker_id"] in ids
        if c["mode"] == "editorial":
            assert c["speaker_id"] == ""
    for e in read(folder, "events"):
        assert text[int(e["start"]) : int(e["end"])] == e["date_text"]
        assert re.fullmatch(r"|\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?", e["date"])
        assert all(a in ids for a in e["actor_ids"].split(";") if a)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_extract_writes_the_contract(tmp_path: Path, article: Path) -> None:
    proc = run_here("extract", article, "--out", tmp_path)
    assert proc.returncode == 0, proc.stderr
    check_contract(tmp_path, article)


def test_seed_extraction_writes_the_contract(seed_extraction: Path) -> None:
    check_contract(seed_extraction, SEED)


def test_seed_extraction_finds_the_parties(seed_extraction: Path) -> None:
    names = {a["name"] for a in read(seed_extraction, "actors")}
    assert len(names) >= 10
    claims = read(seed_extraction, "claims")
    assert sum(c["mode"] in {"direct", "indirect"} for c in claims) >= 10
    assert any(c["mode"] == "editorial" for c in claims)
    assert len(read(seed_extraction, "events")) >= 4


def check_html(html: str) -> None:
    for title in SECTIONS:
        assert title in html, f"section {title!r} missing"
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=[\"']?(https?:)?//", html)
    assert not re.search(r'class="[^"]*(jp-CodeMirrorEditor|jp-InputPrompt|jp-OutputPrompt)', html)
    assert "In&nbsp;[" not in html and "Out[" not in html
    assert "Traceback" not in html


def test_seed_report_is_complete_and_self_contained(seed_report: Path) -> None:
    html = (seed_report / "briefing.html").read_text(encoding="utf-8")
    check_html(html)
    assert (seed_report / "extraction" / "claims.csv").exists()
    assert (seed_report / "notebooks" / "briefing.ipynb").exists()
    manifest = json.loads((seed_report / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["published"] == "2025-05-15" and manifest["published_from"] == "text"
    assert len(manifest["sha256"]) == 64
    assert not list(seed_report.parent.glob(".*staging*"))


@pytest.mark.slow
def test_report_on_every_article_two_commands_at_once(tmp_path: Path) -> None:
    """Every article, as an analyst with a folder would run them (`briefing report` batches), and two such
    commands started together: their kernels start side by side, and no two may collide (ports, folders)."""
    halves = (
        [ARTICLES[::2], ARTICLES[1::2]] if len(ARTICLES) > 1 else [[SEED], [SEED]]
    )  # seed_report: the seed
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "briefing", "report", *map(str, half), "--out", str(tmp_path / f"r{i}")],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i, half in enumerate(halves)
    ]
    for i, (run, half) in enumerate(zip(runs, halves, strict=True)):
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
        assert out.split() == [str(tmp_path / f"r{i}" / a.stem / "briefing.html") for a in half]
        for article in half:
            check_html((tmp_path / f"r{i}" / article.stem / "briefing.html").read_text(encoding="utf-8"))


def test_failed_run_keeps_the_previous_report(tmp_path: Path) -> None:
    """Refused input leaves an earlier report byte for byte as it was, and nothing beside it."""
    out = tmp_path / "kept"
    out.mkdir()
    (out / "briefing.html").write_text("<html>an earlier briefing</html>\n", encoding="utf-8")
    before = (out / "briefing.html").read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 not text")
    proc = run_here("report", bad, "--out", out)
    assert proc.returncode == 2
    assert (out / "briefing.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "kept"]


def test_failing_notebook_leaves_no_half_written_report(seed_report: Path, tmp_path: Path) -> None:
    """A section that raises fails the run cleanly; the earlier report stays as it was."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    nb_path = root / "notebooks" / "04_timeline.ipynb"
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    nb["cells"].append(
        {
            "cell_type": "code",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": "raise RuntimeError('broken analysis cell')",
        }
    )
    nb_path.write_text(json.dumps(nb), encoding="utf-8")
    out = tmp_path / "kept"
    shutil.copytree(seed_report, out)
    before = (out / "briefing.html").read_bytes()
    proc = run_cli("report", SEED, "--out", out, env={**__import__("os").environ, "BRIEFING_ROOT": str(root)})
    assert proc.returncode == 1
    assert "broken analysis cell" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert (out / "briefing.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept", "project"]


def test_same_input_gives_the_same_outputs(seed_report: Path, tmp_path: Path) -> None:
    """The seed again: the same files. Run from another folder with relative paths (the kernel and the
    extraction must agree on where things are) and on a terminal (one line per stage, the path last)."""
    shutil.copy(SEED, tmp_path / SEED.name)
    proc = run_on_terminal("report", SEED.name, "--out", "out/again", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out" / "again"
    assert proc.stdout.strip() == str(out / "briefing.html")
    stages = [line.split()[1] for line in proc.stderr.splitlines()]
    assert stages == ["extracting", "running", "rendering", "publishing", "written"], proc.stderr
    for name in ["actors", "mentions", "claims", "events", "sentences"]:
        assert (out / "extraction" / f"{name}.csv").read_bytes() == (
            seed_report / "extraction" / f"{name}.csv"
        ).read_bytes()
    run_time = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC")
    first = run_time.sub("", (seed_report / "briefing.html").read_text(encoding="utf-8"))
    second = run_time.sub("", (out / "briefing.html").read_text(encoding="utf-8"))
    assert first == second
    check_html(second)


def run_on_terminal(*args: object, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """``python -m briefing ARGS`` with its standard output on a pseudo-terminal (stderr captured apart)."""
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "briefing", *map(str, args)],
        stdout=follower,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
    ) as proc:
        os.close(follower)
        _, err = proc.communicate(timeout=300)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return subprocess.CompletedProcess(args, proc.returncode, shown.decode().replace("\r\n", "\n"), err)


def test_an_extraction_reads_back_as_the_objects_that_were_written(tmp_path: Path) -> None:
    """io.read_extraction is the inverse of write_extraction: same rows, same types, same offsets."""
    from briefing.io import read_extraction, write_extraction
    from briefing.pipeline import extract_file

    ex = extract_file(SEED)
    write_extraction(ex, tmp_path)
    back = read_extraction(tmp_path)
    assert back.document.text == ex.document.text
    assert back.document.sentences == ex.document.sentences
    assert back.document.quotes == ex.document.quotes
    assert back.actors.actors == ex.actors.counted().actors
    assert set(back.actors.mentions) == set(ex.actors.mentions)
    assert (back.claims, back.events) == (ex.claims, ex.events)
    assert (back.experts, back.findings) == (ex.experts, ex.findings)
