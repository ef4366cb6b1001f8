"""Corpus input: a folder, JSONL and CSV indexed without holding the texts; bad containers refused by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.corpus.inputs import read_bytes, read_corpus
from briefing.errors import InputError
from tests.conftest import run_cli

TEXT_A = "Harbour strike ends\nThe union said on Friday that the strike was over.\n"
TEXT_B = "Talks resume\nThe minister said talks would resume on Monday.\nA second line.\n"


def test_a_folder_gives_one_source_per_txt_with_outlet_and_date_from_the_name(tmp_path: Path) -> None:
    (tmp_path / "harbour-times_2025-03-11_strike-ends.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(TEXT_B, encoding="utf-8")
    (tmp_path / "readme.md").write_text("not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT_B, encoding="utf-8")
    sources = read_corpus(tmp_path)
    assert [s.stem for s in sources] == ["harbour-times_2025-03-11_strike-ends", "notes"]
    named, plain = sources
    assert (named.outlet, named.published) == ("harbour-times", "2025-03-11")
    assert (plain.outlet, plain.published) == ("", "")
    assert read_bytes(named) == TEXT_A.encode()
    assert len(named.sha256) == 64 and named.sha256 != plain.sha256


def test_jsonl_rows_keep_their_metadata_and_their_text_is_read_back_by_offset(tmp_path: Path) -> None:
    rows = [
        {"text": TEXT_A, "outlet": "Harbour Times", "published": "2025-03-11T08:00:00Z", "title": "Ends"},
        {},
        {"text": TEXT_B, "id": "talks/1", "url": "https://example.org/x"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) if r else "" for r in rows) + "\n", encoding="utf-8")
    a, b = read_corpus(path)
    assert (a.outlet, a.published, a.title) == ("Harbour Times", "2025-03-11", "Ends")
    assert a.stem.startswith("Harbour-Times-") and b.stem == "talks-1"
    assert read_bytes(a).decode() == TEXT_A and read_bytes(b).decode() == TEXT_B
    assert b.label == "in.jsonl:3"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "is not valid JSON"),
        ('["a list"]', "is not a JSON object"),
        ('{"title": "no text"}', "has no 'text' field"),
        ('{"text": "x", "published": "last Tuesday"}', "published is not a date"),
    ],
)
def test_a_bad_jsonl_row_names_the_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": TEXT_A}) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_corpus(path)
    assert str(err.value).startswith(f"{path}:2: ") and problem in str(err.value)


def test_csv_rows_may_span_lines_and_are_read_back(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        'outlet,published,text\nNorvia Post,2025-03-11,"'
        + TEXT_B.replace('"', '""')
        + '"\nMetro,,"'
        + TEXT_A
        + '"\n',
        encoding="utf-8",
    )
    a, b = read_corpus(path)
    assert read_bytes(a).decode() == TEXT_B and read_bytes(b).decode() == TEXT_A
    assert (a.outlet, a.published, b.published) == ("Norvia Post", "2025-03-11", "")


def test_csv_refusals_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("outlet,text\nA,one\nB,two,three\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"in\.csv:3: has 3 fields; the header has 2"):
        read_corpus(path)
    path.write_text("outlet,body\nA,one\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'text' column"):
        read_corpus(path)


def test_missing_empty_and_unreadable_inputs(tmp_path: Path, monkeypatch) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        read_corpus(tmp_path / "nowhere")
    with pytest.raises(InputError, match=r"holds no \.txt articles"):
        read_corpus(tmp_path)
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match=r"is not a folder of \.txt articles"):
        read_corpus(tmp_path / "a.pdf")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    with pytest.raises(InputError, match=r"cannot be read \(Permission denied\)"):
        read_corpus(tmp_path)


def test_repeated_stems_get_their_own_folders(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    row = json.dumps({"text": TEXT_A, "outlet": "wire"})
    path.write_text(f"{row}\n{row}\n", encoding="utf-8")
    a, b = read_corpus(path)
    assert b.stem == f"{a.stem}-2"


def test_the_command_refuses_a_bad_row_in_one_line_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": TEXT_A}) + "\n{broken\n", encoding="utf-8")
    proc = run_cli("corpus", path, "--out", tmp_path / "out", timeout=60)
    assert proc.returncode == 2
    assert (
        proc.stderr.strip()
        == f"briefing: {path}:2: is not valid JSON (Expecting property name enclosed in double quotes)"
    )
    assert not (tmp_path / "out").exists()
