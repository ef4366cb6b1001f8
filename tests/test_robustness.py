"""Hostile input, kills and a full disk: a correct report or one clean line, never damage.

Concurrent runs are checked with every article in test_end_to_end.py (two batches started together).
"""

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
from tests.conftest import ARTICLES, ROOT, SEED, run_cli, run_here

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


# The 2 MB line takes most of a minute to extract: it runs in the slow tier (and in the report batch below).
HOSTILE_NAMES = [
    pytest.param(name, marks=pytest.mark.slow) if len(HOSTILE_TEXTS[name]) > 1_000_000 else name
    for name in sorted(HOSTILE_TEXTS)
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_extract_on_hostile_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(HOSTILE_TEXTS[name])
    proc = run_here("extract", path, "--out", tmp_path / "out")
    accepted_or_refused(proc)


@pytest.mark.slow
def test_report_on_hostile_text(tmp_path: Path) -> None:
    """Every hostile text in one `briefing report` batch: each a correct briefing or one clean line."""
    inputs = []
    for i, name in enumerate(sorted(HOSTILE_TEXTS)):
        path = tmp_path / "in" / f"hostile{i}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(HOSTILE_TEXTS[name])
        inputs.append((name, path))
    out = tmp_path / "reports"
    proc = run_cli("report", *(p for _, p in inputs), "--out", out, timeout=600)
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (0, 2), proc.stderr
    written = proc.stdout.split()
    for name, path in inputs:
        html_path = out / path.stem / "briefing.html"
        refusals = [line for line in proc.stderr.splitlines() if str(path) in line]
        if str(html_path) in written:
            html = html_path.read_text(encoding="utf-8")
            assert html.rstrip().endswith("</html>"), name
            assert "<h1>Heading" not in html and "<strong>bold</strong>" not in html, name  # stays text
            assert not refusals, (name, refusals)
        else:
            assert len(refusals) == 1, (name, proc.stderr)
            assert not (out / path.stem).exists(), name


def test_extraction_grows_linearly_with_the_length_of_real_text() -> None:
    """4x the text costs about 4x the time (within 2x of it), not 16x: nothing quadratic on long input.

    Measured in CPU seconds of this process, best of three, after a warm-up, so other processes on the
    machine do not count. Five megabytes, and the 10 MB limit, are measured by `make bench`.
    """
    from briefing.ingest import build_document
    from briefing.pipeline import extract_document

    def cost(size: int) -> float:
        text = (REAL_TEXT * (size // len(REAL_TEXT) + 1))[:size]
        doc = build_document(text[: text.rfind("\n") + 1], "long.txt")
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            extract_document(doc)
            best = min(best, time.process_time() - t0)
        return best

    cost(5_000)  # warm up: matchers and word lists are built once per process
    small, large = cost(25_000), cost(100_000)
    assert large < 8 * small, f"25 KB took {small:.2f} s, 100 KB {large:.2f} s"


@pytest.mark.slow
def test_a_file_at_the_size_limit_is_read_whole(tmp_path: Path) -> None:
    """Exactly MAX_INPUT_BYTES of real text is accepted and split to its last sentence; a byte more is not."""
    from briefing.config import MAX_INPUT_BYTES
    from briefing.ingest import ingest

    data = ((REAL_TEXT + "\n") * (MAX_INPUT_BYTES // len(REAL_TEXT) + 1)).encode()[:MAX_INPUT_BYTES]
    cut = data.rfind(b" ")  # end on whole characters: pad the last word with full stops
    data = data[:cut] + b"." * (MAX_INPUT_BYTES - cut)
    path = tmp_path / "wire dump.txt"
    path.write_bytes(data)
    assert path.stat().st_size == MAX_INPUT_BYTES
    doc = ingest(path)
    assert doc.text.encode() == data
    assert doc.sentences[-1].end > len(doc.text) - 1000
    path.write_bytes(data + b"x")
    with pytest.raises(InputError, match="limit"):
        ingest(path)


@pytest.mark.slow
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
    proc = run_here("report", SEED, "--out", blocker / "report")
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
