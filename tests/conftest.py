"""Shared fixtures: the real command line, the seed and the articles beside the project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ad27deec139d2dc8.txt"
SHARED = ROOT.parent / "shared"
ARTICLES = sorted((SHARED / "articles").glob("*.txt"))


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


def articles_or_skip() -> list[Path]:
    if not ARTICLES:
        pytest.skip(f"no articles in {SHARED / 'articles'}")
    return ARTICLES


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's briefing, rendered once by the real `briefing report` command."""
    out = tmp_path_factory.mktemp("seed") / "report"
    proc = run_cli("report", SEED, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == str(out / "briefing.html")
    return out
