"""Paths and limits, in one place (cookiecutter-data-science style)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "report" / "templates"


def _project_root() -> Path:
    """The checkout holding notebooks/ and data/ (overridable for installed use)."""
    env = os.environ.get("BRIEFING_ROOT")
    if env:
        return Path(env).resolve()
    here = PACKAGE_DIR
    for candidate in (here.parent.parent, Path.cwd()):
        if (candidate / "notebooks").is_dir():
            return candidate
    return here.parent.parent


PROJECT_ROOT = _project_root()
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
DATA_DIR = PROJECT_ROOT / "data"
REPORTS_DIR = PROJECT_ROOT / "reports"
SEED_ARTICLE = PROJECT_ROOT / "seeds" / "000_ad27deec139d2dc8.txt"

# Inputs larger than this are refused: a news article is rarely over 100 KB, and a wire dump of 10 MB
# still extracts in seconds, but its briefing would be an unreadable page.
MAX_INPUT_BYTES = 10 * 1024 * 1024
# A saved page, PDF or Word file is a container: the text taken out of it is limited on its own. Two million
# characters are some 330,000 words (a news article is rarely 3,000), and extract in about a minute.
MAX_TEXT_CHARS = 2_000_000
# Compressed input (a .html.gz, the XML inside a .docx) may unpack to at most this many bytes, at a ratio of
# at most MAX_UNPACK_RATIO to one: real pages and Word files stay far below both, a zip bomb does not.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_UNPACK_RATIO = 100
# A PDF of more pages is not one article (and pdfminer takes about 0.1 s a page).
MAX_PDF_PAGES = 300
# Seconds one notebook cell may run, and the kernel may take to start, before the report fails cleanly.
CELL_TIMEOUT_S = 300
KERNEL_START_TIMEOUT_S = 60

# The section notebooks, in the order the briefing shows them (Sourcing, added last, reads after Claims).
SECTION_NOTEBOOKS = (
    "00_overview.ipynb",
    "01_actors.ipynb",
    "02_claims.ipynb",
    "06_sourcing.ipynb",
    "03_commentary.ipynb",
    "04_timeline.ipynb",
    "05_source_text.ipynb",
)
