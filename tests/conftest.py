"""Shared fixtures: the real command line, the seed and the articles beside the project.

Two tiers (`make test-fast` runs the first, `make test` both, plus the browser tests):
- fast: units, and the command line run in this process (``run_here``) wherever the subject is what the
  command does rather than how a process starts and exits;
- ``slow``: end-to-end runs that execute notebooks (every test that uses ``seed_report`` is slow, marked
  here), and the few checks that need a real process of their own (``run_cli``).
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ad27deec139d2dc8.txt"
SHARED = ROOT.parent / "shared"
ARTICLES = sorted((SHARED / "articles").glob("*.txt"))

# Fixtures that run a whole report: a test that uses one is end-to-end, whatever it checks.
REPORT_FIXTURES = {"seed_report"}


def run_cli(*args: object, timeout: float = 300, cwd: Path = ROOT, **kwargs) -> subprocess.CompletedProcess:
    """Run ``python -m briefing ARGS`` as a user would (from the project root), capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        **kwargs,
    )


def run_here(*args: object) -> subprocess.CompletedProcess:
    """``briefing ARGS`` through the command line's own entry point, in this process.

    The same parsing, checks, messages and exit codes as ``run_cli``, without a second of interpreter and
    spaCy start-up each time. An uncaught exception propagates and fails the test (a real run would print
    a traceback); argparse's exit becomes the return code.
    """
    from briefing import cli

    out, err = io.StringIO(), io.StringIO()
    argv = [str(a) for a in args]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(["briefing", *argv], code, out.getvalue(), err.getvalue())


def articles_or_skip() -> list[Path]:
    if not ARTICLES:
        pytest.skip(f"no articles in {SHARED / 'articles'}")
    return ARTICLES


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if REPORT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's briefing, rendered once by the real `briefing report` command.

    Not on a terminal, so the command prints nothing but the briefing's path.
    """
    out = tmp_path_factory.mktemp("seed") / "report"
    proc = run_cli("report", SEED, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines() == [str(out / "briefing.html")]
    assert proc.stderr == ""
    return out


@pytest.fixture(scope="session")
def seed_extraction(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's extraction, written once by `briefing extract` (in this process)."""
    out = tmp_path_factory.mktemp("seed-extraction")
    proc = run_here("extract", SEED, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(out)
    return out
