"""The notebook helper (briefing.review) and the corrections file it writes: ids turned into words,
the analyst's comments and order kept, nothing lost when a writer is killed or two write at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_reviews import at, extraction

from briefing import review, reviews
from briefing.errors import InputError
from briefing.io import load, write_extraction
from briefing.reviews import store

HANDWRITTEN = """\
# Corrections to harbour.txt, checked by J. Analyst on 12 June.

article: harbour.txt
corrections:
    # the council leader's name is misspelt once
    - merge: Okafur       # same person
      into: "Maria Okafor"

    - drop_claim: 'will hurt trade'   # "believes" reports no statement
"""


@pytest.fixture
def bundle(tmp_path: Path):
    """The hand-made extraction written as a folder and loaded as a notebook would; the helper on it."""
    folder = tmp_path / "extraction"
    folder.mkdir()
    write_extraction(extraction(), folder)
    b = load(folder)
    review.use(b, tmp_path / "data")
    return b


def applied_file(tmp_path: Path):
    corrections = reviews.load(tmp_path / "harbour.txt", tmp_path / "data")
    return reviews.apply(extraction(), corrections)


def test_ids_are_written_as_the_rows_own_words(bundle, tmp_path):
    review.reassign("C4", speaker="A4", note="the minister said it")
    text = review.path().read_text(encoding="utf-8")
    assert "C4" not in text and "A4" not in text
    assert "reassign: the government had no plans to fund island routes." in text
    assert "speaker: Daniel Reyes" in text and "note: the minister said it" in text
    ex = applied_file(tmp_path)
    assert ex.review.warnings == ()
    assert next(c for c in ex.claims if c.id == "C4").speaker == "Daniel Reyes"


def test_every_helper_writes_a_correction_that_applies(bundle, tmp_path):
    review.merge("Okafur", into="A1")
    review.rename("A3", to="Northsound Ferries Ltd")
    review.set_actor("Aisha Brandt", role="shopkeeper", side="residents")
    review.drop_actor("A6")
    review.drop_claim("C5")
    review.add_claim("a betrayal of the island", speaker="Harbour Watch", cue="called")
    review.editorial("s4")
    review.not_editorial("a bitter blow")
    review.published("2025-06-11")
    ex = applied_file(tmp_path)
    assert (ex.review.corrections, ex.review.applied, ex.review.warnings) == (9, 9, ())
    assert {a.name for a in ex.actors.actors} >= {"Maria Okafor", "Northsound Ferries Ltd", "Harbour Watch"}
    assert "Okafur" not in {a.name for a in ex.actors.actors} and "Transport" not in {
        a.name for a in ex.actors.actors
    }


def test_a_repeated_sentence_start_is_written_with_its_offset(bundle, tmp_path):
    start, end = at("the decision will hurt trade.")
    review.add_claim((start, end), speaker="Aisha Brandt", mode="indirect")
    written = review.path().read_text(encoding="utf-8")
    assert f"add_claim: [{start}, {end}]" in written
    assert applied_file(tmp_path).review.warnings == ()


@pytest.mark.parametrize(
    "call",
    [
        lambda: review.reassign("C99", speaker="Daniel Reyes"),
        lambda: review.reassign("C4", speaker="Someone Else"),
        lambda: review.drop_claim("words this article never had"),
        lambda: review.merge("Nobody", into="Maria Okafor"),
        lambda: review.set_actor("Maria Okafor", kind="planet"),
        lambda: review.editorial("s99"),
        lambda: review.published("15 June"),
    ],
)
def test_the_helper_refuses_what_it_cannot_find_and_writes_nothing(bundle, call):
    with pytest.raises(ValueError):
        call()
    assert not review.path().exists()


def test_appending_keeps_the_analysts_comments_order_and_quoting(tmp_path):
    path = tmp_path / "harbour.yaml"
    path.write_text(HANDWRITTEN, encoding="utf-8")
    store.append(path, {"reassign": "no plans to fund island routes", "speaker": "Daniel Reyes"})
    store.append(path, {"drop_claim": [12, 40]})
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HANDWRITTEN)
    assert text[len(HANDWRITTEN) :] == (
        "    - reassign: no plans to fund island routes\n"
        "      speaker: Daniel Reyes\n"
        "    - drop_claim: [12, 40]\n"
    )


def test_a_malformed_file_is_left_alone(tmp_path):
    path = tmp_path / "harbour.yaml"
    path.write_text("corrections:\n  - merge: Okafur\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: merge needs `into:`"):
        store.append(path, {"drop_actor": "Transport"})
    assert path.read_text(encoding="utf-8") == "corrections:\n  - merge: Okafur\n"


# ------------------------------------------------------------------ crashes and concurrent writers

WRITER = """
import os, sys, time
from pathlib import Path
from briefing.reviews import store

path, ready, pause, count = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])

def hang():
    ready.write_text("writing")
    time.sleep(120)

if pause == "write":  # stop in the middle of writing the new text
    real = os.write
    def write(fd, data):
        n = real(fd, bytes(data[: max(1, len(data) // 2)]))
        hang()
        return n
    os.write = write
elif pause == "fsync":  # stop with the new text written but not yet in place
    os.fsync = lambda fd: hang()
else:
    ready.write_text("started")
for i in range(count):
    store.append(path, {"drop_claim": f"{pause} {os.getpid()} {i}"}, "harbour.txt")
"""


def start_writer(tmp_path: Path, path: Path, pause: str, count: int = 1) -> tuple[subprocess.Popen, Path]:
    ready = tmp_path / f"ready-{pause}-{random.random()}"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(path), str(ready), pause, str(count)])
    return proc, ready


def wait_for(ready: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert proc.poll() is None, "the writer ended before it was caught"
        assert time.monotonic() < deadline, "the writer never started"
        time.sleep(0.02)


@pytest.mark.parametrize("pause", ["write", "fsync"])
def test_a_writer_killed_midway_leaves_the_file_intact(tmp_path, pause):
    path = tmp_path / "harbour.yaml"
    path.write_text(HANDWRITTEN, encoding="utf-8")
    proc, ready = start_writer(tmp_path, path, pause)
    wait_for(ready, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert path.read_text(encoding="utf-8") == HANDWRITTEN
    assert list(tmp_path.glob(".harbour.yaml.*.tmp")), "the kill did not happen during the write"
    store.append(path, {"drop_actor": "Transport"})  # the next writer takes over and tidies up
    assert not list(tmp_path.glob(".harbour.yaml.*.tmp"))
    assert [c.action for c in reviews.parse(path.read_text(encoding="utf-8"))] == [
        "merge",
        "drop_claim",
        "drop_actor",
    ]


def test_writers_killed_at_random_moments_never_leave_a_broken_file(tmp_path):
    path = tmp_path / "harbour.yaml"
    path.write_text(HANDWRITTEN, encoding="utf-8")
    seen = 2
    for _ in range(3):
        proc, ready = start_writer(tmp_path, path, "none", count=10_000)
        wait_for(ready, proc)
        time.sleep(random.uniform(0.2, 0.8))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        entries = reviews.parse(path.read_text(encoding="utf-8"))  # raises on a broken file
        assert len(entries) >= seen and [e.action for e in entries[:2]] == ["merge", "drop_claim"]
        seen = len(entries)
    assert seen > 2, "no append finished before the kills"


def test_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "harbour.yaml"
    path.write_text(HANDWRITTEN, encoding="utf-8")
    writers = [start_writer(tmp_path, path, "none", count=12)[0] for _ in range(4)]
    for proc in writers:
        assert proc.wait(timeout=240) == 0
    entries = reviews.parse(path.read_text(encoding="utf-8"))
    added = [e.target for e in entries[2:]]
    assert len(added) == 48 and len(set(added)) == 48
    for proc in writers:
        assert sum(str(t).startswith(f"none {proc.pid} ") for t in added) == 12
