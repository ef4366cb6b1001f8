"""``make bench-editorial``: the editorial detector against a sentence-level subjectivity set.

The set is a TSV with a ``sentence`` and a ``label`` column (``SUBJ`` or ``OBJ``), as the CheckThat!
lab publishes its English news subjectivity data (see /work/notes/editorial.md for where it comes
from; it is never copied into the project). Each sentence is read as the tool reads an article: one
paragraph of its own, through ingest, actors and claims; the sentence counts as SUBJ when the tool
finds an editorial claim in it (the outlet's own opinion), OBJ otherwise.

    python -m briefing.evaluate_editorial path/to/test_en_labeled.tsv [--errors]

Prints SUBJ precision, recall and F1 and the macro-F1 over SUBJ/OBJ (the lab's official metric).
``--errors`` lists the misclassified sentences: use it on training and development splits only,
never on a test split.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import InputError
from briefing.ingest import build_document
from briefing.pipeline import extract_document

LABELS = ("SUBJ", "OBJ")


@dataclass(frozen=True)
class Item:
    sentence: str
    label: str


def read_items(path: Path) -> list[Item]:
    """The labelled sentences of a TSV; InputError names the file and what is wrong with it."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot be read ({exc})") from None
    if not rows or not {"sentence", "label"} <= set(rows[0]):
        raise InputError(path, "is not a TSV with 'sentence' and 'label' columns")
    items = [Item(unquote((r["sentence"] or "").strip()), (r["label"] or "").strip()) for r in rows]
    bad = next((i for i, it in enumerate(items) if it.label not in LABELS or not it.sentence), None)
    if bad is not None:
        raise InputError(path, f"row {bad + 2} has no sentence or a label other than SUBJ/OBJ")
    return items


def unquote(field: str) -> str:
    """A field the file's writer wrapped in CSV quotes (``"a ""b"" c"``) read back as its text.

    The lab's files are read without quote handling (``QUOTE_NONE``), yet a sentence holding a double
    quote was written CSV-style: wrapped in quotes, each inner quote doubled. Undo exactly that.
    """
    inner = field[1:-1]
    if len(field) >= 2 and field[0] == field[-1] == '"' and '"' not in inner.replace('""', ""):
        return inner.replace('""', '"')
    return field


def predict(sentence: str) -> str:
    """SUBJ when the tool finds an editorial claim in the sentence read as a one-paragraph article."""
    claims = extract_document(build_document(sentence + "\n")).claims
    return "SUBJ" if any(c.mode == "editorial" for c in claims) else "OBJ"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def figures(gold: list[str], pred: list[str]) -> dict[str, float]:
    """SUBJ precision/recall/F1, OBJ F1, macro-F1 and accuracy of two label sequences."""
    out: dict[str, float] = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        out[f"{label}_precision"], out[f"{label}_recall"], out[f"{label}_f1"] = prf(tp, fp, fn)
    out["macro_f1"] = (out["SUBJ_f1"] + out["OBJ_f1"]) / 2
    out["accuracy"] = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0
    return {k: round(v, 3) for k, v in out.items()}


def summary(path: Path, n: int, fig: dict[str, float]) -> str:
    return (
        f"{path.name}: {n} sentences  SUBJ P={fig['SUBJ_precision']} R={fig['SUBJ_recall']} "
        f"F1={fig['SUBJ_f1']}  OBJ F1={fig['OBJ_f1']}  macro-F1={fig['macro_f1']}  accuracy={fig['accuracy']}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tsv", type=Path)
    ap.add_argument("--errors", action="store_true", help="list misclassified sentences (never on test)")
    args = ap.parse_args(argv)
    try:
        items = read_items(args.tsv)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    pred = [predict(it.sentence) for it in items]
    if args.errors:
        for it, p in zip(items, pred, strict=True):
            if p != it.label:
                print(f"{it.label}->{p}\t{it.sentence}")
    print(summary(args.tsv, len(items), figures([it.label for it in items], pred)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
