"""Publish DIR/corpus/: the tables, the executed corpus notebooks, briefing.html and manifest.json.

The article briefing's machinery does the work (:mod:`briefing.report`): the corpus notebooks are joined
and run in one kernel, rendered with the ``corpus`` template (which extends the article briefing's), and
the whole folder is written beside its target and swapped in by :func:`briefing.report.publish`, so a
failed or killed run never leaves half a corpus briefing and keeps the previous one.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from briefing.corpus.cache import tool_version
from briefing.corpus.contract import write_tables
from briefing.errors import InputError, ReportError

NOTEBOOKS = (
    "corpus_00_overview.ipynb",
    "corpus_01_stories.ipynb",
    "corpus_02_actors.ipynb",
    "corpus_03_claims.ipynb",
    "corpus_04_timeline.ipynb",
    "corpus_05_outlets.ipynb",
    "corpus_06_sources.ipynb",
)
LIBRARIES = ("pandas", "spacy", "rapidfuzz", "papermill", "nbconvert", "dask", "distributed")
MAX_ROWS = 40  # rows a briefing table shows; the CSVs hold every row


def publish_corpus(tables: dict, info: dict, out: Path, data_dir: Path, render: bool = True) -> Path | None:
    """Write DIR/corpus atomically; returns briefing.html (None when not rendering)."""
    from briefing.report import publish, recover

    target = out / "corpus"
    recover(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-{os.getpid()}-", dir=out))
    staging.chmod(0o755)
    try:
        write_tables(tables, staging)
        meta = manifest(tables, info, data_dir)
        (staging / "run.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")
        if render:
            _render(staging, meta, data_dir)
        (staging / "manifest.json").write_text(
            json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        publish(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, LookupError):  # jinja2's TemplateNotFound is an OSError too: ours is missing
            raise ReportError(f"the corpus template is incomplete: {exc}") from None
        raise InputError(target, f"cannot write the corpus briefing ({exc.strerror or exc})") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target / "briefing.html" if render else None


def _render(staging: Path, meta: dict, data_dir: Path) -> None:
    import nbformat

    from briefing.report.run import execute_notebook, render_html, section_notebook

    (staging / "notebooks").mkdir()
    parameters = {  # relative: they stay right after the staging folder is renamed into place
        "corpus_dir": "..",
        "articles_dir": "../../articles",
        "corpus_input": "",
        "data_dir": str(data_dir),
        "max_rows": MAX_ROWS,
    }
    nb = execute_notebook(section_notebook(NOTEBOOKS), staging / "notebooks", parameters)
    nbformat.write(nb, staging / "notebooks" / "corpus.ipynb")
    html = render_html(nb, meta, template="corpus")
    (staging / "briefing.html").write_text(html, encoding="utf-8")


def manifest(tables: dict, info: dict, data_dir: Path) -> dict:
    """Provenance: the input, what was analysed, how, with which software (also manifest.json)."""
    articles = tables.get("articles", [])
    dates = sorted(a["published"] for a in articles if a.get("published"))
    outlets = sorted({a["outlet"] for a in articles})
    origin = sorted({a["sourcing_from"] for a in articles})
    return {
        "kind": "corpus",
        "title": f"{len(articles):,} articles from {len(outlets)} outlets"
        + (f", {dates[0]} to {dates[-1]}" if dates else ""),
        "source": info["input"],
        "sha256": info["input_sha256"],
        "outlets": outlets,
        "first": dates[0] if dates else "",
        "last": dates[-1] if dates else "",
        "articles": info["articles"],
        "analysed": info["analysed"],
        "extracted": info["extracted"],
        "reused": info["reused"],
        "failed": info["failed"],
        "scheduler": info["scheduler"],
        "sourcing_from": origin,
        "parameters": {"input": info["input"], "data_dir": data_dir.name, "max_rows": MAX_ROWS},
        "timings_s": info["timings"],
        "worker_seconds": info["worker_seconds"],
        "peak_rss_mb": info["peak_rss_mb"],
        "article_sha256": {a["stem"]: a["sha256"] for a in articles},
        "version": tool_version(),
        "python": sys.version.split()[0],
        "libraries": {name: _version(name) for name in LIBRARIES},
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"
