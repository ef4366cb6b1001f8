"""Hostile input, kills, a full disk and concurrent runs: a correct report or one clean line, never damage."""

from __future__ import annotations

import errno
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.errors import InputError
from tests.conftest import ARTICLES, ROOT, SEED, run_cli

REAL_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in [SEED, *ARTICLES])

HOSTILE_HTML = (
    "Hostile Markup In An Article\n"
    "The minister said on Monday that <script>window.pwned = 1</script> talks will resume.\n"
    'An image <img src=x onerror="window.pwned = 2"> and a <a href="javascript:window.pwned=3">link</a>.\n'
    "<!-- a comment that should stay visible as text --> The spokesman said it was over.\n"
    "**Bold claim** and _emphasis_ and $$E = mc^2$$ and $x$ must show as typed, the analyst said.\n"
    "<style>body { display: none }</style> The end of the story came on Tuesday.\n"
)


def accepted_or_refused(proc: subprocess.CompletedProcess) -> None:
    """Either success, or exit 2 with one line on stderr, never a traceback."""
    assert "Traceback" not in proc.stderr
    if proc.returncode != 0:
        assert proc.returncode == 2, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


HOSTILE_TEXTS = {
    "one 2 MB line without punctuation": ("word " * 400_000).encode(),
    "10,000 unbalanced quotation marks": ("“He said " * 10_000 + ".").encode(),
    "right-to-left and emoji": "السلام عليكم. Talks 🕊️ resumed in Cairo, the envoy said. שלום.\n".encode(),
    "UTF-16 without BOM": "The envoy said talks resumed on Monday.\n".encode("utf-16-le"),
    "UTF-16 with BOM": "The envoy said talks resumed on Monday.\n".encode("utf-16"),
    "Markdown and LaTeX": b"# Heading\n$$\\frac{1}{0}$$ and **bold**, the analyst said.\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_extract_on_hostile_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(HOSTILE_TEXTS[name])
    proc = run_cli("extract", path, "--out", tmp_path / "out", timeout=120)
    accepted_or_refused(proc)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_report_on_hostile_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(HOSTILE_TEXTS[name])
    out = tmp_path / "report"
    proc = run_cli("report", path, "--out", out, timeout=300)
    accepted_or_refused(proc)
    if proc.returncode == 0:
        html = (out / "briefing.html").read_text(encoding="utf-8")
        assert html.rstrip().endswith("</html>")
        assert "<h1>Heading" not in html and "<strong>bold</strong>" not in html  # Markdown stays text
    else:
        assert not out.exists()


def test_extract_five_megabytes_of_real_text(tmp_path: Path) -> None:
    path = tmp_path / "wire dump.txt"
    path.write_text((REAL_TEXT + "\n") * (5_000_000 // len(REAL_TEXT) + 1), encoding="utf-8")
    proc = run_cli("extract", path, "--out", tmp_path / "out", timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "claims.csv").stat().st_size > 100_000


def test_hostile_markup_never_becomes_live_html(tmp_path: Path) -> None:
    path = tmp_path / "hostile ‘name’ “quoted” é.txt"
    path.write_text(HOSTILE_HTML, encoding="utf-8")
    out = tmp_path / "report"
    proc = run_cli("report", path, "--out", out)
    assert proc.returncode == 0, proc.stderr
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "window.pwned" in html  # the text is shown ...
    assert not re.search(r"<script>\s*window\.pwned", html)  # ... but never as markup
    assert not re.search(r"<img[^>]*onerror", html)
    assert not re.search(r"<a[^>]*href=[\"']?javascript:", html)
    assert "<style>body { display: none }" not in html
    assert "<!-- a comment" not in html
    assert "$$E = mc^2$$" in html or "$$E = mc^2$$".replace("$", "&#36;") in html


def test_unwritable_output_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = run_cli("report", SEED, "--out", blocker / "report")
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_disk_full_while_writing_keeps_the_previous_report(
    seed_report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC in the middle of a run: a clean InputError, the earlier briefing untouched."""
    from briefing.report import run as report

    out = tmp_path / "kept"
    shutil.copytree(seed_report, out)
    before = (out / "briefing.html").read_bytes()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(report, "write_extraction", full)
    with pytest.raises(InputError, match="No space left"):
        report.build_report(SEED, out=out)
    assert (out / "briefing.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept"]


@pytest.mark.slow
def test_killed_runs_never_damage_the_previous_report(seed_report: Path, tmp_path: Path) -> None:
    out = tmp_path / "kept"
    shutil.copytree(seed_report, out)
    before = (out / "briefing.html").read_bytes()
    rng = random.Random(7)
    for delay in sorted(rng.uniform(0.3, 5.0) for _ in range(3)):
        proc = subprocess.Popen(
            [sys.executable, "-m", "briefing", "report", str(SEED), "--out", str(out)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)  # the kernel too, as a crash or an OOM kill would
        proc.wait()
        html = out / "briefing.html"
        assert html.exists()
        # either the old report, or a complete new one that was swapped in before the kill
        assert html.read_bytes() == before or html.read_text(encoding="utf-8").rstrip().endswith("</html>")
    proc2 = run_cli("report", SEED, "--out", out)
    assert proc2.returncode == 0, proc2.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept"]


@pytest.mark.slow
def test_two_reports_at_once_both_succeed(tmp_path: Path) -> None:
    others = ARTICLES[:1] or [SEED]
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "briefing", "report", str(a), "--out", str(tmp_path / f"r{i}")],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i, a in enumerate([SEED, *others])
    ]
    for p in runs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    assert all((tmp_path / f"r{i}" / "briefing.html").exists() for i in range(len(runs)))
