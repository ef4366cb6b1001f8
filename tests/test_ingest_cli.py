"""`briefing extract` and `report` on saved pages, PDFs and Word files, as a user runs them."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.ingest import ingest
from tests import ingest_samples as s
from tests.conftest import run_cli


@pytest.fixture
def asset_server() -> Iterator[tuple[str, list[str]]]:
    """A web server on the loopback that records every request: the page's images, frames, scripts and
    style sheets point at it, so any fetch shows."""
    hits: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def test_extract_reads_a_saved_page_whatever_its_name(tmp_path: Path, asset_server) -> None:
    host, hits = asset_server
    page = tmp_path / "saved.txt"  # the name says text; the content is a web page
    page.write_text(s.news_page(host), encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("extract", page, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert (out / "article.txt").read_text(encoding="utf-8") == ingest(page).text
    meta = json.loads((out / "document.json").read_text(encoding="utf-8"))
    assert (meta["title"], meta["outlet"], meta["published"]) == (s.HEADLINE, s.OUTLET, "2025-03-12")
    assert meta["published_from"] == "file" and meta["origins"]["published"] == "JSON-LD datePublished"
    assert hits == []  # nothing in the page was fetched


BAD_FILES = {
    "scan.pdf": (s.scanned_pdf, "without a text layer"),
    "locked.pdf": (s.encrypted_pdf, "encrypted"),
    "cut.pdf": (lambda: s.text_pdf()[:900], "truncated"),
    "bomb.docx": (s.zip_bomb_docx, "zip bomb"),
    "login.html": (lambda: s.empty_page().encode(), "no article body"),
}


# every bad file through extract; two through report (same ingest, a slower start)
RUNS = [("extract", name) for name in sorted(BAD_FILES)] + [("report", "scan.pdf"), ("report", "bomb.docx")]


@pytest.mark.parametrize(("command", "name"), RUNS)
def test_bad_files_end_in_one_line_and_write_nothing(tmp_path: Path, name: str, command: str) -> None:
    make, problem = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(make())
    out = tmp_path / "out"
    proc = run_cli(command, path, "--out", out)
    assert proc.returncode == 2, proc.stderr
    err = proc.stderr.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0] and problem in err[0], proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_extract_reads_a_word_file(tmp_path: Path) -> None:
    path = tmp_path / "from a colleague.docx"
    path.write_bytes(s.word_file())
    proc = run_cli("extract", path, "--out", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "out" / "article.txt").read_text(encoding="utf-8")
    assert text.splitlines()[0] == s.HEADLINE and s.BODY[1] in text.splitlines()


@pytest.mark.slow
def test_a_saved_page_becomes_a_briefing_titled_from_the_page(tmp_path: Path, asset_server) -> None:
    host, hits = asset_server
    page = tmp_path / "harbour.html"
    page.write_text(s.news_page(host), encoding="utf-8")
    out = tmp_path / "report"
    proc = run_cli("report", page, "--out", out)
    assert proc.returncode == 0, proc.stderr
    html = (out / "briefing.html").read_text(encoding="utf-8")
    header = html[html.index('<header class="title-block">') : html.index("</header>")]
    assert f"<h1>{s.HEADLINE}</h1>" in header
    assert s.OUTLET in header and s.AUTHOR in header and "2025-03-12" in header
    assert "JSON-LD datePublished" in header and "Open Graph og:site_name" in header
    assert host not in html and "<script" not in html.lower() and "<iframe" not in html.lower()
    kept = out / "source" / page.name
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert kept.read_bytes() == page.read_bytes()
    assert manifest["sha256"] == hashlib.sha256(page.read_bytes()).hexdigest()
    assert manifest["source_copy"] == f"source/{page.name}" and manifest["source_format"] == "html"
    assert (manifest["title_from"], manifest["published_from"]) == ("JSON-LD headline", "file")
    assert hits == []
