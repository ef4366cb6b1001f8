"""``make pdf``: print a briefing to PDF with headless Chromium (Debian's ``chromium`` package).

The page numbers and running title come from the briefing's own print CSS (``@page`` margin boxes), so
Chromium's default header and footer (file path, date) are switched off.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from briefing.config import REPORTS_DIR

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


def find_chromium() -> str | None:
    return next(
        (p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))), None
    )


def print_pdf(html: Path, pdf: Path, timeout: float = 120) -> Path:
    """Print ``html`` to ``pdf``; the PDF appears only when Chromium succeeded."""
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError("Chromium is not installed (make browser installs it)")
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as profile:
        tmp_pdf = Path(profile) / "out.pdf"
        cmd = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={tmp_pdf}",
            html.resolve().as_uri(),
        ]
        subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        if not tmp_pdf.exists() or tmp_pdf.stat().st_size == 0:
            raise RuntimeError(f"Chromium did not print {html}")
        shutil.move(tmp_pdf, pdf)
    return pdf


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="briefing.report.pdf", description=__doc__.splitlines()[0])
    ap.add_argument("article", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--published")  # accepted so `make pdf` can pass the report's arguments through
    args = ap.parse_args(argv)
    folder = args.out or REPORTS_DIR / args.article.stem
    html = folder / "briefing.html"
    if not html.exists():
        print(f"briefing.pdf: {html}: no briefing here; run `make report` first", file=sys.stderr)
        return 2
    try:
        pdf = print_pdf(html, folder / "briefing.pdf")
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        print(f"briefing.pdf: {html}: {exc}", file=sys.stderr)
        return 1
    print(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
