"""The analyst's workbench without a browser: the JupyterLab command `make lab` builds, and the typed
parameters papermill shows for every notebook."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import papermill
import pytest

from briefing import lab
from briefing.config import NOTEBOOKS_DIR, PROJECT_ROOT, SECTION_NOTEBOOKS


def build(**kw) -> list[str]:
    options = {"root": False, "open_browser": True, "encrypt": True, **kw}
    return lab.command(Path("/nb"), 8888, python="python", **options)


def test_root_gets_allow_root_and_nobody_else_does():
    assert "--allow-root" in build(root=True)
    assert "--allow-root" not in build(root=False)


def test_it_listens_on_localhost_only_and_the_url_stays_right():
    cmd = build()
    assert "--ServerApp.ip=127.0.0.1" in cmd and "--ServerApp.port=8888" in cmd
    assert "--ServerApp.port_retries=0" in cmd  # no silent move to another port than the one printed
    assert lab.url(8888, "abc") == "http://127.0.0.1:8888/lab?token=abc"


def test_no_browser_where_there_is_no_display():
    assert "--no-browser" in build(open_browser=False) and "--no-browser" not in build()
    assert not lab.has_display({}, "linux")
    assert lab.has_display({"DISPLAY": ":0"}, "linux") and lab.has_display({}, "darwin")


def test_kernels_do_not_talk_plain_tcp():
    assert "--KernelManager.transport_encryption=auto" in build(encrypt=True)
    assert "--KernelManager.transport=ipc" in build(encrypt=False)


def test_the_token_is_never_on_the_command_line(monkeypatch, capsys):
    monkeypatch.setenv("JUPYTER_TOKEN", "s3cret-token")
    assert lab.main(["--dry-run", "--port", "8888"]) == 0
    printed = capsys.readouterr().out
    assert "s3cret-token" not in printed and "-m jupyterlab" in printed


def test_a_busy_port_gives_another_free_one():
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        assert lab.free_port(taken) != taken


def test_make_lab_runs_the_launcher():
    proc = subprocess.run(
        ["make", "-n", "lab", "PY=python", "STAMP=Makefile"], capture_output=True, text=True, cwd=PROJECT_ROOT
    )
    assert proc.returncode == 0, proc.stderr
    assert "-m briefing.lab" in proc.stdout


@pytest.mark.parametrize("name", SECTION_NOTEBOOKS)
def test_every_parameter_has_a_type_papermill_knows(name):
    params = papermill.inspect_notebook(str(NOTEBOOKS_DIR / name))
    assert params, name
    for p in params.values():
        assert p["inferred_type_name"] not in ("None", "", None), f"{name}: {p['name']} has no type"


def test_help_notebook_shows_no_unknown_type():
    proc = subprocess.run(
        [sys.executable, "-m", "papermill", "--help-notebook", str(NOTEBOOKS_DIR / SECTION_NOTEBOOKS[0])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "article: str" in proc.stdout and "Unknown type" not in proc.stdout
