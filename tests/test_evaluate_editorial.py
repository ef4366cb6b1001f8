"""The subjectivity benchmark's reading of a SUBJ/OBJ sentence file and its figures (own sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.evaluate_editorial import figures, main, read_items, unquote


def write_tsv(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = ["sentence_id\tsentence\tlabel"] + [f"{i}\t{s}\t{label}" for i, (s, label) in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_figures_are_the_labs_subj_and_macro_f1() -> None:
    fig = figures(["SUBJ", "SUBJ", "OBJ", "OBJ", "OBJ"], ["SUBJ", "OBJ", "OBJ", "OBJ", "SUBJ"])
    assert (fig["SUBJ_precision"], fig["SUBJ_recall"], fig["SUBJ_f1"]) == (0.5, 0.5, 0.5)
    assert fig["OBJ_f1"] == 0.667  # P 2/3, R 2/3
    assert fig["macro_f1"] == 0.583
    assert fig["accuracy"] == 0.6


def test_the_benchmark_reads_each_sentence_as_the_tool_would(tmp_path: Path, capsys) -> None:
    tsv = write_tsv(
        tmp_path / "mine.tsv",
        [
            ("The harbour plan is a shameful waste of public money.", "SUBJ"),
            ("We should stop pretending the harbour can pay for itself.", "SUBJ"),
            ("Critics argue the plan is a shameful waste of public money.", "OBJ"),
            ("The council approved a budget of 4 million euros on Monday.", "OBJ"),
        ],
    )
    assert main([str(tsv)]) == 0
    out = capsys.readouterr().out
    assert "4 sentences" in out and "macro-F1=1.0" in out


def test_a_file_without_labels_is_refused_in_one_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttext\n1\tThe harbour reopened.\n", encoding="utf-8")
    assert main([str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "bad.tsv" in err


def test_an_unknown_label_names_its_row(tmp_path: Path) -> None:
    tsv = write_tsv(tmp_path / "odd.tsv", [("The harbour reopened.", "OBJ"), ("A fine day.", "MAYBE")])
    with pytest.raises(InputError, match="row 3"):
        read_items(tsv)


def test_a_csv_quoted_field_is_read_back_as_its_text(tmp_path: Path) -> None:
    rows = [('"The so-called ""reform"" is a shameful retreat."', "SUBJ"), ('"Lobster!"""', "OBJ")]
    items = read_items(write_tsv(tmp_path / "quoted.tsv", rows))
    # the second ends a quote that began in the sentence before: only its closing mark is left
    assert [i.sentence for i in items] == ['The so-called "reform" is a shameful retreat.', 'Lobster!"']
    assert unquote('He said "no" twice.') == 'He said "no" twice.'  # not a quoted field: as written
