"""The extraction's CSV contract (../shared/eval/README.md), defined once, by the model's dataclasses.

Each table is a dataclass of ``briefing.model``: its fields, in order, are the CSV's columns (a field's
``column`` metadata renames it, e.g. ``Claim.id`` -> ``claim_id``). The contract's columns come first in
each dataclass, so extra columns follow them. ``write_extraction`` writes a folder, ``read_extraction``
reads it back into the same objects, and ``load`` gives the notebooks one DataFrame per table.

The analysis stage's tables (bottom line, positions, sourcing, disputes, ...) are defined the same way
and written beside the extraction by ``write_analysis``; ``read_analysis`` reads them back.
"""

from __future__ import annotations

import csv
import json
import typing
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.model import (
    Actor,
    ActorIndex,
    Analysis,
    BottomLine,
    Claim,
    Contrast,
    Dispute,
    Document,
    Event,
    Expert,
    Extraction,
    Figure,
    Finding,
    Link,
    Matter,
    Mention,
    Paragraph,
    Position,
    Quote,
    ReviewSummary,
    Sentence,
    SourceFlag,
    Sourcing,
)

if TYPE_CHECKING:  # pandas costs a second to import; extraction does not need it
    import pandas as pd

EXTRACTION_TABLES: dict[str, type] = {
    "sentences": Sentence,
    "actors": Actor,
    "mentions": Mention,
    "claims": Claim,
    "events": Event,
    "experts": Expert,
    "findings": Finding,
}
# table name -> dataclass; each is also the field of ``Analysis`` that holds its rows
ANALYSIS_TABLES: dict[str, type] = {
    "bottom_line": BottomLine,
    "positions": Position,
    "sourcing": Sourcing,
    "source_flags": SourceFlag,
    "disputes": Dispute,
    "matters": Matter,
    "contrasts": Contrast,
    "links": Link,
    "figures": Figure,
}
TABLES: dict[str, type] = {**EXTRACTION_TABLES, **ANALYSIS_TABLES}
LIST_SEPARATOR = ";"  # tuple fields (an event's actor ids) are written joined by this


def _column(f) -> str:
    return f.metadata.get("column", f.name)


def columns(table: str) -> list[str]:
    """The CSV columns of a table, in order."""
    return [_column(f) for f in fields(TABLES[table])]


def _types(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, tuple):
        return LIST_SEPARATOR.join(map(str, value))
    return value


def _parse(value: str, kind: Any) -> object:
    if kind is bool:
        return value not in ("", "0", "False", "false")
    if kind is int:
        return int(value) if value not in ("", None) else -1
    if typing.get_origin(kind) is tuple:
        return tuple(v for v in value.split(LIST_SEPARATOR) if v)
    return value


def _rows(ex: Extraction) -> dict[str, list[object]]:
    mentions = sorted(ex.actors.mentions, key=lambda m: (m.start, m.end))
    return {
        "sentences": list(ex.document.sentences),
        "actors": list(ex.actors.counted().actors),
        "mentions": mentions,
        "claims": list(ex.claims),
        "events": list(ex.events),
        "experts": list(ex.experts),
        "findings": list(ex.findings),
    }


def _write_table(out: Path, name: str, rows: list) -> None:
    names = [f.name for f in fields(TABLES[name])]
    with (out / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns(name))
        w.writerows([_cell(getattr(r, n)) for n in names] for r in rows)


def write_analysis(an: Analysis, out: Path) -> None:
    """One CSV per analysis table into ``out``, beside the extraction."""
    for name in ANALYSIS_TABLES:
        _write_table(out, name, list(getattr(an, name)))


def read_analysis(folder: str | Path) -> Analysis:
    """An analysis read back from its folder: the inverse of ``write_analysis``."""
    return Analysis(**{name: tuple(read_table(Path(folder), name)) for name in ANALYSIS_TABLES})


def has_analysis(folder: str | Path) -> bool:
    return all((Path(folder) / f"{name}.csv").exists() for name in ANALYSIS_TABLES)


def write_extraction(ex: Extraction, out: Path) -> None:
    """article.txt, one CSV per table and document.json into ``out`` (which must exist)."""
    doc = ex.document
    # newline="" keeps the text byte-exact: offsets must line up with the file
    with (out / "article.txt").open("w", encoding="utf-8", newline="") as f:
        f.write(doc.text)
    for name, rows in _rows(ex).items():
        _write_table(out, name, rows)
    meta = {
        "source": doc.source,
        "published": doc.published.isoformat() if doc.published else None,
        "published_from": doc.published_from,
        "published_evidence": list(doc.published_evidence) if doc.published_evidence else None,
        "title": doc.title,
        "outlet": doc.outlet,
        "author": doc.author,
        "url": doc.url,
        "source_format": doc.source_format,
        "origins": dict(doc.origins),  # where the file states each of the above (and a file's date)
        "characters": len(doc.text),
        "paragraphs": [[p.start, p.end] for p in doc.paragraphs],
        "quotes": [[q.start, q.end, q.paragraph, q.group, int(q.closed)] for q in doc.quotes],
        "review": asdict(ex.review),
    }
    (out / "document.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")


def read_table(folder: Path, table: str) -> list:
    """One CSV of an extraction folder as the model's objects (an absent file gives none)."""
    path = Path(folder) / f"{table}.csv"
    if not path.exists():
        return []
    cls = TABLES[table]
    types = _types(cls)
    by_column = {_column(f): f.name for f in fields(cls)}
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [
        cls(**{by_column[c]: _parse(v, types[by_column[c]]) for c, v in row.items() if c in by_column})
        for row in rows
    ]


def read_extraction(folder: str | Path) -> Extraction:
    """An extraction folder read back into the model: the inverse of ``write_extraction``."""
    folder = Path(folder)
    text = (folder / "article.txt").read_text(encoding="utf-8")
    meta_path = folder / "document.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    paragraphs = tuple(Paragraph(i, a, b) for i, (a, b) in enumerate(meta.get("paragraphs") or []))
    quotes = tuple(Quote(a, b, p, g, bool(c)) for a, b, p, g, c in meta.get("quotes") or [])
    evidence = meta.get("published_evidence")
    doc = Document(
        text=text,
        source=meta.get("source", folder.name),
        paragraphs=paragraphs,
        sentences=tuple(read_table(folder, "sentences")),
        quotes=quotes,
        published=date.fromisoformat(meta["published"]) if meta.get("published") else None,
        published_from=meta.get("published_from", "unknown"),
        published_evidence=tuple(evidence) if evidence else None,
        title=meta.get("title", ""),
        outlet=meta.get("outlet", ""),
        author=meta.get("author", ""),
        url=meta.get("url", ""),
        source_format=meta.get("source_format", "text"),
        origins=tuple((meta.get("origins") or {}).items()),
    )
    actors = ActorIndex(tuple(read_table(folder, "actors")), tuple(read_table(folder, "mentions")))
    review = meta.get("review") or {}
    return Extraction(
        doc,
        actors,
        tuple(read_table(folder, "claims")),
        tuple(read_table(folder, "events")),
        tuple(read_table(folder, "experts")),
        tuple(read_table(folder, "findings")),
        ReviewSummary(**{**review, "warnings": tuple(review.get("warnings") or ())}),
    )


@dataclass
class Bundle:
    """An extraction read back from its folder: the article text, metadata and one DataFrame per CSV."""

    folder: Path
    text: str
    meta: dict
    sentences: pd.DataFrame
    actors: pd.DataFrame
    mentions: pd.DataFrame
    claims: pd.DataFrame
    events: pd.DataFrame
    experts: pd.DataFrame
    findings: pd.DataFrame
    bottom_line: pd.DataFrame
    positions: pd.DataFrame
    sourcing: pd.DataFrame
    source_flags: pd.DataFrame
    disputes: pd.DataFrame
    matters: pd.DataFrame
    contrasts: pd.DataFrame
    links: pd.DataFrame
    figures: pd.DataFrame

    def figure(self, name: str, default: str = "") -> str:
        """One of the figures the analysis computed once (``figures.csv``), as text."""
        f = self.figures
        hit = f[f.name == name] if len(f) else f
        return str(hit.value.iloc[0]) if len(hit) else default

    def count(self, name: str) -> int:
        value = self.figure(name, "0")
        return int(value) if value.lstrip("-").isdigit() else 0

    def span(self, start: int, end: int) -> str:
        return self.text[int(start) : int(end)]

    def sentence_of(self, offset: int) -> str:
        """The text of the sentence holding ``offset`` (the evidence a reader checks)."""
        s = self.sentences[(self.sentences.start <= offset) & (self.sentences.end > offset)]
        return self.span(s.start.iloc[0], s.end.iloc[0]) if len(s) else ""


def frame(folder: Path, table: str) -> pd.DataFrame:
    """One CSV as a DataFrame: integer columns as int (absent values -1), the rest as text."""
    import pandas as pd

    path = Path(folder) / f"{table}.csv"
    cols = columns(table)
    if not path.exists():
        return pd.DataFrame(columns=cols)
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    types = _types(TABLES[table])
    for f in fields(TABLES[table]):
        col = _column(f)
        if col not in df.columns:
            df[col] = -1 if types[f.name] in (int, bool) else ""
        elif types[f.name] in (int, bool):
            df[col] = pd.to_numeric(df[col], errors="coerce").fillna(-1).astype(int)
    return df


def load(folder: str | Path) -> Bundle:
    """Read an extraction folder written by ``briefing extract``."""
    folder = Path(folder)
    text = (folder / "article.txt").read_text(encoding="utf-8")
    meta_path = folder / "document.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    frames = {name: frame(folder, name) for name in TABLES}
    return Bundle(folder=folder, text=text, meta=meta, **frames)
