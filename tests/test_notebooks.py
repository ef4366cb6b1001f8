"""The section notebooks: stored clean, analysis in visible pandas cells and display in one-call cells, and
each runs top to bottom with its default parameters."""

from __future__ import annotations

import ast
import sys
from datetime import date
from pathlib import Path

import nbformat
import pytest

from briefing.config import NOTEBOOKS_DIR, PROJECT_ROOT, SECTION_NOTEBOOKS

sys.path.insert(0, str(Path(__file__).parent))
from test_present import build_fixture

PARAMETERS = {"article", "published", "data_dir", "extraction_dir"}
# the sections whose analysis an analyst reads and edits in the notebook (select, merge, sort in pandas)
ANALYSED = ("01_actors.ipynb", "02_claims.ipynb", "04_timeline.ipynb")


def notebooks() -> list[Path]:
    return [NOTEBOOKS_DIR / name for name in SECTION_NOTEBOOKS]


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_stored_without_outputs(path):
    nb = read(path)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: stored with outputs"
            assert cell.execution_count is None, f"{path.name}: stored with an execution count"


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_first_code_cell_holds_the_parameters(path):
    code = [c for c in read(path).cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    names = {
        t.id
        for node in ast.parse(code[0].source).body
        for t in ([node.target] if isinstance(node, ast.AnnAssign) else getattr(node, "targets", []))
    }
    assert names >= PARAMETERS  # and the section's own knobs
    assert "prepare(article, published, data_dir, extraction_dir)" in code[1].source


def _is_display(cell) -> bool:
    """One call of a display helper (``P.``/``charts.``), which only formats what it is given."""
    tree = ast.parse(cell.source)
    one_call = (
        len(tree.body) == 1
        and isinstance(tree.body[0], ast.Expr)
        and isinstance(tree.body[0].value, ast.Call)
    )
    return one_call and cell.source.startswith(("P.", "charts."))


def _is_analysis(cell) -> bool:
    """Plain statements (assignments, ifs) that display nothing: the cell's last line is no expression."""
    tree = ast.parse(cell.source)
    return bool(tree.body) and not any(isinstance(node, ast.Expr) for node in tree.body)


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_one_section_heading_and_cells_that_analyse_or_display(path):
    cells = read(path).cells
    sections = [c for c in cells if "section" in c.metadata.get("tags", [])]
    assert len(sections) == 1 and sections[0].source.startswith("## ")
    code = [c for c in cells if c.cell_type == "code"][2:]
    for cell in code:
        assert _is_display(cell) or _is_analysis(cell), cell.source
    if path.name in ANALYSED:
        assert any(_is_analysis(c) for c in code), f"{path.name}: no analysis cell to edit"
        # every display there but the article's counts formats a frame the notebook built
        for cell in filter(_is_display, code):
            call = ast.parse(cell.source).body[0].value
            assert len(call.args) >= 2 or cell.source.endswith("_note(b)"), cell.source


def test_every_section_notebook_exists_and_no_other():
    # corpus_*.ipynb are the corpus briefing's sections (tests/test_corpus_notebooks.py)
    names = [p.name for p in NOTEBOOKS_DIR.glob("*.ipynb") if not p.name.startswith("corpus_")]
    assert sorted(names) == sorted(SECTION_NOTEBOOKS)


def _errors(nb: nbformat.NotebookNode) -> list[str]:
    return [
        f"{o.get('ename')}: {o.get('evalue')}" if o.output_type == "error" else o.text
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.output_type == "error" or (o.output_type == "stream" and o.name == "stderr")
    ]


@pytest.mark.slow
@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_runs_with_its_defaults(path, tmp_path):
    """As an analyst runs it in JupyterLab: cwd notebooks/, default parameters (extracts the seed)."""
    papermill = pytest.importorskip("papermill")
    nb = papermill.execute_notebook(
        str(path),
        str(tmp_path / path.name),
        cwd=str(NOTEBOOKS_DIR),
        kernel_name="python3",
        progress_bar=False,
    )
    assert _errors(nb) == []


@pytest.mark.slow
def test_sections_in_one_kernel_on_an_invented_article(tmp_path):
    """The report's path: all sections in one kernel against a ready extraction; every cell shows HTML."""
    from briefing import report

    build_fixture(tmp_path / "extraction")
    (tmp_path / "notebooks").mkdir()
    nb = report.execute_sections(tmp_path / "notebooks", PROJECT_ROOT / "data", date(2025, 3, 10))
    assert _errors(nb) == []
    shown = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith(("P.", "charts."))]
    assert shown and all(any("text/html" in o.get("data", {}) for o in c.outputs) for c in shown)
