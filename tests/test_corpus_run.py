"""Running a corpus: the pool survives killed workers, the cache resumes, Dask gives the same tables, and the
command writes one self-contained corpus briefing with its failures listed.

Real articles come from ../shared/polnear (a fixed dozen, read in place, never copied); the tests skip
when it is absent.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefing.config import DATA_DIR
from briefing.corpus.extract import extract_corpus, local_runner
from briefing.corpus.inputs import read_corpus
from briefing.corpus.pool import LocalPool
from briefing.corpus.progress import Progress
from tests.conftest import SHARED, run_cli

POLNEAR = SHARED / "polnear" / "articles"
HAND = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module", autouse=True)
def warm_parent() -> None:
    """Load the pipeline once in this process: the forked workers start with it (as a desk's would not)."""
    from briefing.corpus.worker import warm

    warm(str(DATA_DIR))


def polnear_dozen() -> list[Path]:
    """Twelve PolNeAR articles spread over its outlets and months (the same ones every run)."""
    files = sorted(POLNEAR.glob("*.txt"))
    if len(files) < 100:
        pytest.skip(f"no PolNeAR articles in {POLNEAR}")
    return [files[i * len(files) // 12] for i in range(12)]


def corpus_folder(tmp_path: Path, articles: list[Path], name: str = "in") -> Path:
    """A folder of symbolic links to the articles (read in place: nothing is copied)."""
    folder = tmp_path / name
    folder.mkdir()
    for a in articles:
        (folder / a.name).symlink_to(a)
    return folder


# ------------------------------------------------------------------ the pool (tasks of our own)


def _echo_or_die(task: dict) -> dict:
    """A task that kills its own worker process the first time (a marker file remembers)."""
    marker = Path(task["marker"]) if task.get("marker") else None
    if task.get("always_die") or (marker is not None and not marker.exists()):
        if marker is not None:
            marker.write_text("died once")
        os.kill(os.getpid(), signal.SIGKILL)
    if task.get("sleep"):
        time.sleep(task["sleep"])
    return {"stem": task["stem"], "ok": True, "pid": os.getpid()}


def test_a_killed_worker_costs_only_its_task(tmp_path: Path) -> None:
    tasks = [{"stem": f"t{i}"} for i in range(6)]
    tasks[2]["marker"] = str(tmp_path / "marker")  # dies once, succeeds on the retry
    tasks[4]["always_die"] = True  # dies every time: reported, not retried forever
    results = []
    LocalPool(2).run(tasks, _echo_or_die, results.append)
    by_stem = {r["stem"]: r for r in results}
    assert sorted(by_stem) == [f"t{i}" for i in range(6)] and len(results) == 6
    assert by_stem["t2"]["ok"] and (tmp_path / "marker").exists()
    assert not by_stem["t4"]["ok"] and "worker process died" in by_stem["t4"]["reason"]
    assert all(by_stem[s]["ok"] for s in ("t0", "t1", "t3", "t5"))


def test_a_task_that_hangs_is_stopped_and_the_rest_go_on() -> None:
    tasks = [{"stem": "slow", "sleep": 30}, {"stem": "a"}, {"stem": "b"}]
    results, t0 = [], time.monotonic()
    LocalPool(2, timeout=0.6).run(tasks, _echo_or_die, results.append)
    by_stem = {r["stem"]: r for r in results}
    assert time.monotonic() - t0 < 20
    assert by_stem["a"]["ok"] and by_stem["b"]["ok"]
    assert not by_stem["slow"]["ok"] and "took longer than 1 s" in by_stem["slow"]["reason"]


# ------------------------------------------------------------------ extraction: kill, resume, add


class _KillOnce(LocalPool):
    """The local pool, with a worker killed (SIGKILL) while it extracts, right after the first result."""

    def run(self, tasks, fn, on_result):
        killed = []

        def kill_a_busy_worker(result: dict) -> None:
            on_result(result)
            busy = [w for w in self.live if w.task is not None and w.process.pid != result.get("pid")]
            if not killed and busy:
                os.kill(busy[0].process.pid, signal.SIGKILL)
                killed.append(busy[0].task["stem"])

        super().run(tasks, fn, kill_a_busy_worker)
        assert killed, "no worker was killed mid-task"
        self.killed = killed


def test_killing_a_worker_mid_run_loses_nothing_and_a_rerun_resumes(tmp_path: Path) -> None:
    folder = corpus_folder(tmp_path, polnear_dozen()[:6])
    (folder / "broken.txt").write_bytes(b"%PDF-1.7 not text")
    out = tmp_path / "out"
    pool = _KillOnce(2, initargs=(str(DATA_DIR),))
    first = extract_corpus(read_corpus(folder), out, pool, DATA_DIR)
    assert first.extracted == 6 and first.reused == 0  # the killed article was extracted again
    assert (out / "articles" / pool.killed[0] / "cache.json").exists()
    assert [(e["source"], e["stage"]) for e in first.errors] == [("broken.txt", "input")]
    assert "looks like a PDF document" in first.errors[0]["reason"]
    assert len(first.digests) == 6
    assert not list((out / "articles").glob(".*")), "a staging folder was left behind"

    again = extract_corpus(read_corpus(folder), out, local_runner(1, DATA_DIR, 60), DATA_DIR)
    assert (again.extracted, again.reused, len(again.errors)) == (0, 6, 1)
    assert [d["article"] for d in again.digests] == [d["article"] for d in first.digests]


_EXTRACT_SCRIPT = """
import sys
from pathlib import Path
from briefing.config import DATA_DIR
from briefing.corpus.extract import extract_corpus, local_runner
from briefing.corpus.inputs import read_corpus
if __name__ == "__main__":
    extract_corpus(read_corpus(sys.argv[1]), Path(sys.argv[2]), local_runner(1, DATA_DIR, 60), DATA_DIR)
"""


@pytest.mark.slow
def test_a_run_killed_outright_keeps_every_finished_article(tmp_path: Path) -> None:
    folder = corpus_folder(tmp_path, polnear_dozen())
    out = tmp_path / "out"
    script = tmp_path / "extract.py"
    script.write_text(_EXTRACT_SCRIPT)
    proc = subprocess.Popen([sys.executable, str(script), str(folder), str(out)], start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((out / "articles").glob("*/cache.json"))) < 3:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, mid-run
    proc.wait()
    kept = {p.parent.name for p in (out / "articles").glob("*/cache.json")}
    assert 3 <= len(kept) < 12
    done = extract_corpus(read_corpus(folder), out, local_runner(2, DATA_DIR, 60), DATA_DIR)
    assert done.reused >= len(kept) and done.extracted + done.reused == 12 and not done.errors
    assert not list((out / "articles").glob(".*")), "a staging folder was left behind"


def test_adding_articles_extracts_only_the_new_ones(tmp_path: Path) -> None:
    articles = polnear_dozen()
    folder = corpus_folder(tmp_path, articles[:3])
    out = tmp_path / "out"
    extract_corpus(read_corpus(folder), out, local_runner(1, DATA_DIR, 60), DATA_DIR)
    for a in articles[3:5]:
        (folder / a.name).symlink_to(a)
    (folder / articles[0].name).unlink()  # changed text: extracted again
    (folder / articles[0].name).write_text(articles[0].read_text(encoding="utf-8") + "\nA new line.\n")
    done = extract_corpus(read_corpus(folder), out, local_runner(1, DATA_DIR, 60), DATA_DIR)
    assert (done.extracted, done.reused) == (3, 2)


# ------------------------------------------------------------------ Dask


def test_dask_extracts_and_aggregates_as_this_process_does(tmp_path: Path) -> None:
    from briefing.corpus.aggregate import aggregate
    from briefing.corpus.cluster import DaskRunner
    from briefing.corpus.inputs import read_bytes
    from briefing.corpus.lexicon import lexicon
    from briefing.corpus.worker import extract_article

    sources = read_corpus(HAND)
    with DaskRunner(workers=1, processes=False) as dask:
        remote = extract_corpus(sources, tmp_path / "dask", dask, DATA_DIR)
        tables = dask.call(aggregate, remote.digests, lexicon(DATA_DIR), None)
        assert dask.describe() == "Dask (a LocalCluster, 1 worker)"
    assert remote.extracted == len(sources) and not remote.errors
    for s in sources:  # the same files as an extraction in this process
        here = extract_article(
            {"stem": s.stem, "label": s.label, "published": s.published, "data": read_bytes(s)}
        )
        for name in ("claims.csv", "actors.csv", "events.csv", "corpus.json"):
            assert (tmp_path / "dask" / "articles" / s.stem / name).read_bytes() == here["files"][name], name
    assert tables == aggregate(remote.digests, lexicon(DATA_DIR), None)
    assert any(s["mark"] == "contested" for s in tables["statements"])


@pytest.mark.slow
def test_a_dask_worker_killed_mid_task_costs_only_that_task(tmp_path: Path) -> None:
    from briefing.corpus.cluster import DaskRunner

    tasks = [{"stem": f"t{i}"} for i in range(5)]
    tasks[1]["marker"] = str(tmp_path / "marker")  # its worker dies once: the task runs again elsewhere
    tasks[3]["always_die"] = True  # kills every worker that takes it: reported, the rest go on
    results = []
    with DaskRunner(workers=2) as dask:
        dask.run(tasks, _echo_or_die, results.append)
    by_stem = {r["stem"]: r for r in results}
    assert len(results) == 5 and by_stem["t1"]["ok"] and (tmp_path / "marker").exists()
    assert not by_stem["t3"]["ok"] and "worker died each time" in by_stem["t3"]["reason"]
    assert all(by_stem[s]["ok"] for s in ("t0", "t2", "t4"))


# ------------------------------------------------------------------ progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_and_silence_elsewhere() -> None:
    tty, pipe = _Terminal(), io.StringIO()
    for stream in (tty, pipe):
        p = Progress(10, reused=2, stream=stream)
        for ok in (True, True, False):
            p._last = -1.0
            p.advance(ok)
            time.sleep(0.01)
        p.close()
    assert pipe.getvalue() == ""
    line = tty.getvalue().split("\r")[-1]
    assert "3/8, 1 failed" in line and "articles/min" in line and "left" in line


# ------------------------------------------------------------------ the command, end to end


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids, self.hrefs, self.srcs, self.tags = set(), [], [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if "src" in a:
            self.srcs.append(a["src"])


HOSTILE = (
    "Officials <script>window.pwned = 1</script> meet\n"
    'The minister said on Monday that <img src=x onerror="window.pwned=2"> talks would resume.\n'
)


def test_the_command_writes_one_self_contained_corpus_briefing(tmp_path: Path) -> None:
    folder = corpus_folder(tmp_path, polnear_dozen())
    (folder / "empty.txt").write_text("   \n")
    (folder / "hostile_2025-01-06_markup.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("corpus", folder, "--out", out, "--workers", "2", timeout=240)
    assert proc.returncode == 0, proc.stderr
    html_path = out / "corpus" / "briefing.html"
    assert proc.stdout.strip() == str(html_path)
    summary = proc.stderr.strip().splitlines()
    assert len(summary) == 1 and re.match(
        r"corpus: 14 articles from \d+ outlets: 13 extracted, 0 reused, 1 failed", summary[0]
    )

    errors = list(csv.DictReader((out / "errors.csv").open(encoding="utf-8")))
    assert [(e["source"], e["stage"]) for e in errors] == [("empty.txt", "input")]
    assert (out / "corpus" / "errors.csv").read_text() == (out / "errors.csv").read_text()

    html = html_path.read_text(encoding="utf-8")
    links = _Links()
    links.feed(html)
    assert "script" not in links.tags and "window.pwned" not in " ".join(links.srcs)
    assert "&lt;script&gt;" in html or "&lt;img" in html  # the hostile article is shown, as text
    assert not [u for u in links.srcs if not u.startswith("data:")], "an external resource"
    assert not [h for h in links.hrefs if re.match(r"(?i)(https?:)?//|javascript:", h)]
    internal = [h[1:] for h in links.hrefs if h.startswith("#")]
    assert internal and not [h for h in internal if h not in links.ids], "a link to nothing"
    evidence = [h for h in internal if re.fullmatch(r"a\d+-s\d+", h)]
    assert len(evidence) > 10  # claims and events link into the articles' sentences
    for section in (
        "Stories",
        "Actors across the corpus",
        "Claims across outlets",
        "Timeline",
        "Outlet profiles",
    ):
        assert f">{section}</h2>" in html
    assert "empty.txt" in html and "def " not in html and "import " not in html

    manifest = json.loads((out / "corpus" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["analysed"] == 13 and manifest["failed"] == 1 and len(manifest["article_sha256"]) == 13
    assert manifest["libraries"]["distributed"] != "not installed"
    assert not [p for p in out.glob(".*staging*")]


def test_a_failed_render_keeps_the_previous_corpus_briefing(tmp_path: Path, monkeypatch) -> None:
    from briefing.corpus import render
    from briefing.errors import ReportError

    out = tmp_path / "out"
    (out / "corpus").mkdir(parents=True)
    (out / "corpus" / "briefing.html").write_text("the previous briefing")

    def broken(*args, **kwargs):
        raise ReportError("a notebook cell failed: boom")

    monkeypatch.setattr(render, "_render", broken)
    counts = dict.fromkeys(("articles", "analysed", "extracted", "reused", "failed", "worker_seconds"), 0)
    info = {"input": "x", "input_sha256": "0", "scheduler": "test", "timings": {}, "peak_rss_mb": 0, **counts}
    with pytest.raises(ReportError):
        render.publish_corpus({"articles": []}, info, out, DATA_DIR)
    assert (out / "corpus" / "briefing.html").read_text() == "the previous briefing"
    assert sorted(p.name for p in out.iterdir()) == ["corpus"]
