"""The corpus notebooks: stored clean, typed parameters, one load call, and each runs with its defaults."""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest

from briefing.config import NOTEBOOKS_DIR
from briefing.corpus.render import NOTEBOOKS

PARAMETERS = {
    "corpus_dir": "str",
    "articles_dir": "str",
    "corpus_input": "str",
    "data_dir": "str",
    "max_rows": "int",
}


def corpus_notebooks() -> list[Path]:
    return [NOTEBOOKS_DIR / name for name in NOTEBOOKS]


def test_every_corpus_notebook_is_rendered_and_no_other() -> None:
    assert sorted(p.name for p in NOTEBOOKS_DIR.glob("corpus_*.ipynb")) == sorted(NOTEBOOKS)


@pytest.mark.parametrize("path", corpus_notebooks(), ids=lambda p: p.stem)
def test_stored_without_outputs_with_typed_parameters(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: stored with outputs"
    assert "parameters" in code[0].metadata.get("tags", [])
    body = ast.parse(code[0].source).body
    assert all(isinstance(node, ast.AnnAssign) for node in body), "every parameter is typed"
    assert {n.target.id: ast.unparse(n.annotation) for n in body} == PARAMETERS
    assert "prepare_corpus(corpus_dir, articles_dir, corpus_input, data_dir)" in code[1].source
    sections = [c for c in nb.cells if "section" in c.metadata.get("tags", [])]
    assert sections and all(c.source.startswith("## ") for c in sections)


@pytest.mark.slow
def test_a_notebook_runs_with_its_defaults(tmp_path: Path) -> None:
    """With corpus_dir empty, the notebook analyses the hand-made corpus itself and shows its tables."""
    import papermill

    out = tmp_path / "claims.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS_DIR / "corpus_03_claims.ipynb"),
        str(out),
        cwd=str(NOTEBOOKS_DIR),
        kernel_name="python3",
        progress_bar=False,
    )
    nb = nbformat.read(out, as_version=4)
    html = "".join(
        o.get("data", {}).get("text/html", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
    )
    assert "contested" in html and "corroborated" in html and "Tomas Brandt" in html
