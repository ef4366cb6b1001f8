"""What a notebook's first cell calls: get the extraction for the parameters, extracting when needed."""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from briefing.io import Bundle, has_analysis, load, read_extraction, write_analysis


def wait_for(folder: Path, timeout: float = 600) -> None:
    """Wait while a report run is still writing ``folder`` (it extracts while the kernel starts).

    The run writes ``<folder>.partial`` and renames it when complete, or removes it on failure.
    """
    partial = folder.with_name(folder.name + ".partial")
    deadline = time.monotonic() + timeout
    while not folder.exists() and partial.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    if not folder.exists():
        raise FileNotFoundError(f"no extraction in {folder}")


def prepare(article: str, published: str = "", data_dir: str = "", extraction_dir: str = "") -> Bundle:
    """The extraction of ``article``: read from ``extraction_dir`` when given, else extracted now.

    A report run passes ``extraction_dir`` (extracted once for all notebooks); an analyst re-running a
    notebook in JupyterLab leaves it empty and gets a fresh extraction in a cache folder.
    """
    if extraction_dir:
        wait_for(Path(extraction_dir))
        if not has_analysis(extraction_dir):  # an extraction written before the analysis stage
            from briefing.pipeline import analyse_extraction

            write_analysis(analyse_extraction(read_extraction(extraction_dir)), Path(extraction_dir))
        return _reviewed(load(extraction_dir), data_dir)
    # spaCy and the lexicons: only when extracting here
    from briefing.pipeline import process_file, write_results

    pub = date.fromisoformat(published) if published else None
    key = hashlib.sha256(f"{Path(article).resolve()}|{published}|{data_dir}".encode()).hexdigest()[:16]
    out = Path(tempfile.gettempdir()) / f"briefing-{key}"
    out.mkdir(parents=True, exist_ok=True)
    ex, an = process_file(article, pub, Path(data_dir) if data_dir else None)  # corrections applied
    write_results(ex, an, out)
    return _reviewed(load(out), data_dir)


def _reviewed(bundle: Bundle, data_dir: str) -> Bundle:
    """Point the notebook helper ``briefing.review`` at this article; say which corrections did not apply."""
    from briefing import review

    review.use(bundle, data_dir)
    for line in (bundle.meta.get("review") or {}).get("warnings") or []:
        print(f"briefing: warning: {line}", file=sys.stderr)
    return bundle
