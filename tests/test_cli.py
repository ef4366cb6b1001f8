"""The command line on bad input: one line on stderr naming the file and the problem, exit 2.

The cases run through the command line's entry point in this process (``run_here``); one per command runs
as a real process too, where a stray warning or traceback from start-up would also show.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from tests.conftest import SEED, run_cli, run_here

BAD_INPUTS = {
    "missing.txt": None,
    "empty.txt": b"",
    "blank.txt": b"   \n\n\t\n",
    "random.bin": bytes((i * 37 + 11) % 256 for i in range(4096)),
    "picture.txt": b"\x89PNG\r\n\x1a\n" + bytes(200),
    "paper.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    "latin1.txt": "Caf\u00e9 au lait, s'il vous pla\u00eet. Les n\u00e9gociations.".encode("latin-1"),
    "nul.txt": b"Talks resumed.\x00\x00 More text.",
}


def _make(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    if BAD_INPUTS[name] is not None:
        path.write_bytes(BAD_INPUTS[name])
    return path


def _assert_clean_refusal(proc, path: Path) -> None:
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(path) in lines[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("command", ["extract", "report"])
@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_refused_in_one_line(tmp_path: Path, name: str, command: str) -> None:
    path = _make(tmp_path, name)
    out = tmp_path / "out"
    _assert_clean_refusal(run_here(command, path, "--out", out), path)
    assert not out.exists()
    left = [p.name for p in tmp_path.iterdir()]
    assert left == ([path.name] if path.exists() else [])  # no output, no staging folder left behind


@pytest.mark.parametrize(
    "command", ["extract", pytest.param("report", marks=pytest.mark.slow)]
)  # a report's process imports the notebook machinery before it refuses: seconds
def test_bad_input_is_refused_in_one_line_by_a_real_process(tmp_path: Path, command: str) -> None:
    path = _make(tmp_path, "random.bin")
    out = tmp_path / "out"
    _assert_clean_refusal(run_cli(command, path, "--out", out), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["random.bin"]


def test_a_directory_is_refused(tmp_path: Path) -> None:
    _assert_clean_refusal(run_here("extract", tmp_path, "--out", tmp_path / "out"), tmp_path)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    from briefing.config import MAX_INPUT_BYTES

    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(MAX_INPUT_BYTES + 1)
    proc = run_here("extract", path, "--out", tmp_path / "out")
    _assert_clean_refusal(proc, path)
    assert "limit" in proc.stderr


def test_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_here("extract", SEED, "--out", tmp_path, "--published", "15/05/2025")
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr and "Traceback" not in proc.stderr


def test_extract_writes_article_text_byte_exact_without_bom(tmp_path: Path) -> None:
    raw = "\ufeffHeadline Here\r\nThe minister said on Monday that talks would resume.\r\n"
    path = tmp_path / "bom.txt"
    path.write_bytes(raw.encode("utf-8"))
    proc = run_here("extract", path, "--out", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    written = (tmp_path / "out" / "article.txt").read_bytes().decode("utf-8")
    assert written == raw[1:].replace("\r\n", "\n")
    with (tmp_path / "out" / "sentences.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["kind"] for r in rows] == ["headline", "body"]
    assert written[int(rows[1]["start"]) : int(rows[1]["end"])].startswith("The minister")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_output_folder_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        proc = run_here("extract", SEED, "--out", locked / "out")
        assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    finally:
        locked.chmod(0o700)


def test_output_inside_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    proc = run_here("extract", SEED, "--out", blocker / "out")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_an_internal_error_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing import cli, pipeline

    def broken(*args, **kwargs):
        raise KeyError("a bug in a stage")

    monkeypatch.setattr(pipeline, "extract_document", broken)
    monkeypatch.delenv("BRIEFING_DEBUG", raising=False)
    assert cli.main(["extract", str(SEED), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "KeyError" in err[0] and str(SEED) in err[0]


class _FakeReport:
    """What build_report returns, after telling progress its stages as the real one does."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.html, self.seconds = folder, folder / "briefing.html", 1.5

    def run(self, article, published, out, data_dir, progress):
        for stage in ("extracting x.txt", "running the notebooks", "rendering the HTML", "publishing x"):
            progress(stage)
        return self


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "piped"])
def test_a_terminal_sees_each_stage_and_a_pipe_only_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], terminal: bool
) -> None:
    import briefing.report
    from briefing import cli

    fake = _FakeReport(tmp_path / "r")
    monkeypatch.setattr(briefing.report, "build_report", fake.run)
    monkeypatch.setattr(cli, "_on_terminal", lambda: terminal)
    assert cli.main(["report", str(SEED), "--out", str(tmp_path / "r")]) == 0
    out, err = capsys.readouterr()
    assert out == f"{fake.html}\n"
    if terminal:
        assert err.splitlines() == [
            "briefing: extracting x.txt",
            "briefing: running the notebooks",
            "briefing: rendering the HTML",
            "briefing: publishing x",
            "briefing: written in 1.5 s:",
        ]
    else:
        assert err == ""
