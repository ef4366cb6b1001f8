"""The corpus CSV contract: what DIR/corpus/ holds, column by column, and how to read it back.

    articles.csv            one row per article analysed: outlet, date, title, its source key (wire copy
                            counts once), its story, counts, where its sourcing classes came from
    errors.csv              one row per article that failed: stem, source, stage, reason
    stories.csv             one row per story: label, articles, outlets, dates, what its articles share
    story_articles.csv      story membership: each article's similarity when it joined, what it shared
    actors.csv              one row per real-world actor across the corpus, with the spellings merged
    actor_outlets.csv       mentions of each actor per outlet
    actor_members.csv       which article actor (stem, actor_id) each corpus actor merges
    statements.csv          one row per statement (claims recognised as one across articles), its mark
                            (corroborated, single-source, contested) and the evidence for the mark
    statement_reports.csv   each article claim of each statement, with its offsets in its article
    contradictions.csv      pairs of contradicting claims: kind (denial, negation, figures), words
    timeline.csv            merged dated events; timeline_reports.csv: each article's report of them
    outlets.csv             outlet profiles: sourcing shares, editorial share, most quoted actors

Offsets (start, end, sentence_id) point into DIR/articles/<stem>/article.txt, as in the article contract.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

COLUMNS: dict[str, list[str]] = {
    "articles": [
        "stem",
        "source",
        "outlet",
        "outlet_from",
        "credit",
        "source_key",
        "copy_of",
        "story_id",
        "published",
        "title",
        "url",
        "sha256",
        "words",
        "sentences",
        "body_sentences",
        "editorial_sentences",
        "claims",
        "sourcing_from",
    ],
    "errors": ["stem", "source", "stage", "reason"],
    "stories": [
        "story_id",
        "label",
        "articles",
        "outlets",
        "first",
        "last",
        "shared_actors",
        "shared_actor_ids",
        "shared_statements",
    ],
    "story_articles": ["story_id", "stem", "outlet", "published", "title", "similarity", "shared"],
    "actors": ["actor_id", "name", "kind", "role", "variants", "articles", "outlets", "mentions"],
    "actor_outlets": ["actor_id", "outlet", "articles", "mentions"],
    "actor_members": ["actor_id", "stem", "article_actor_id", "name"],
    "statements": [
        "statement_id",
        "speaker_id",
        "speaker",
        "cue",
        "text",
        "mode",
        "reports",
        "articles",
        "outlets",
        "independent_sources",
        "sources",
        "first_reported",
        "mark",
        "mark_evidence",
        "contested_by",
    ],
    "statement_reports": [
        "statement_id",
        "stem",
        "claim_id",
        "outlet",
        "published",
        "source",
        "mode",
        "cue",
        "text",
        "sentence_id",
        "start",
        "end",
        "sourcing",
    ],
    "contradictions": [
        "statement_id",
        "other_id",
        "stem",
        "claim_id",
        "other_stem",
        "other_claim_id",
        "kind",
        "by",
        "words",
        "shared_words",
    ],
    "timeline": ["event_id", "date", "precision", "description", "actors", "articles", "outlets", "tense"],
    "timeline_reports": [
        "event_id",
        "stem",
        "article_event_id",
        "outlet",
        "date_text",
        "sentence_id",
        "start",
        "end",
    ],
    "outlets": [
        "outlet",
        "articles",
        "words",
        "sourced_claims",
        "on_record",
        "anonymous",
        "second_hand",
        "official",
        "on_record_share",
        "anonymous_share",
        "second_hand_share",
        "official_share",
        "editorial_sentences",
        "body_sentences",
        "editorial_share",
        "top_quoted",
        "sourcing_from",
    ],
}


def write_table(rows: list[dict], columns: list[str], path: Path) -> None:
    """Write rows as CSV atomically (a temporary file renamed into place)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    os.replace(tmp, path)


def write_tables(tables: dict[str, list[dict]], folder: Path) -> None:
    for name, columns in COLUMNS.items():
        write_table(tables.get(name, []), columns, folder / f"{name}.csv")


@dataclass
class CorpusBundle:
    """The corpus tables read back as DataFrames (what the corpus notebooks load)."""

    folder: Path
    articles_dir: Path
    manifest: dict
    tables: dict[str, pd.DataFrame]
    cache: dict[str, Any] = field(default_factory=dict)  # what the notebooks share across sections

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.__dict__["tables"][name]
        except KeyError:
            raise AttributeError(name) from None


# Columns read back as numbers, per table (the same name may hold a count in one table and a list of
# names in another: actors.outlets counts outlets, statements.outlets names them).
NUMERIC = {
    "articles": "words sentences body_sentences editorial_sentences claims",
    "stories": "articles",
    "actors": "articles outlets mentions",
    "actor_outlets": "articles mentions",
    "statements": "reports articles independent_sources",
    "statement_reports": "sentence_id start end",
    "timeline": "articles",
    "timeline_reports": "sentence_id start end",
    "outlets": "articles words sourced_claims on_record anonymous second_hand official editorial_sentences "
    "body_sentences",
}
SHARES = {
    "story_articles": "similarity",
    "outlets": "on_record_share anonymous_share second_hand_share official_share editorial_share",
}


def load_corpus(folder: str | Path, articles_dir: str | Path = "") -> CorpusBundle:
    """Read DIR/corpus/ (or a staging folder holding the same files)."""
    import json

    import pandas as pd

    folder = Path(folder)
    frames = {}
    for name, cols in COLUMNS.items():
        path = folder / f"{name}.csv"
        df = (
            pd.read_csv(path, dtype=str, keep_default_na=False)
            if path.exists()
            else pd.DataFrame(columns=cols)
        )
        for col in NUMERIC.get(name, "").split():
            if col in df.columns:
                df[col] = pd.to_numeric(df[col], errors="coerce").fillna(-1).astype(int)
        for col in SHARES.get(name, "").split():
            if col in df.columns:
                df[col] = pd.to_numeric(df[col], errors="coerce")
        frames[name] = df
    manifest_path = folder / "run.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    articles = Path(articles_dir) if articles_dir else folder.parent / "articles"
    return CorpusBundle(folder=folder, articles_dir=articles, manifest=manifest, tables=frames)
