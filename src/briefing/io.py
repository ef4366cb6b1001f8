"""Write the extraction as the CSV contract (../shared/eval/README.md) and read it back for notebooks.

The contract's columns come first, in its order; extra columns follow them.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.model import Extraction

if TYPE_CHECKING:  # pandas costs a second to import; extraction does not need it
    import pandas as pd

COLUMNS = {
    "sentences": ["sentence_id", "start", "end", "paragraph", "kind"],
    "actors": [
        "actor_id",
        "name",
        "kind",
        "role",
        "affiliation",
        "side",
        "mentions",
        "group",
        "expert",
        "role_start",
        "role_end",
        "notes",
    ],
    "mentions": ["actor_id", "surface", "start", "end", "how"],
    "claims": [
        "claim_id",
        "speaker_id",
        "speaker",
        "cue",
        "mode",
        "text",
        "start",
        "end",
        "sentence_id",
        "cue_start",
        "cue_end",
        "claim_type",
        "hedges",
        "speaker_surface",
    ],
    "events": [
        "event_id",
        "date_text",
        "start",
        "end",
        "date",
        "precision",
        "description",
        "actor_ids",
        "sentence_id",
        "tense",
    ],
    "experts": ["actor_id", "name", "credentials", "evidence_start", "evidence_end", "channel"],
    "findings": ["expert_id", "kind", "text", "start", "end", "claim_id", "likelihood", "likelihood_words"],
}


def _rows(ex: Extraction) -> dict[str, list[list[object]]]:
    doc, idx = ex.document, ex.actors
    counts: dict[str, int] = {}
    for m in idx.mentions:
        counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
    return {
        "sentences": [[s.id, s.start, s.end, s.paragraph, s.kind] for s in doc.sentences],
        "actors": [
            [
                a.id,
                a.name,
                a.kind,
                a.role,
                a.affiliation,
                a.side,
                counts.get(a.id, 0),
                a.group,
                int(a.expert),
                *(a.role_evidence or ("", "")),
                a.notes,
            ]
            for a in idx.actors
        ],
        "mentions": [
            [m.actor_id, m.surface, m.start, m.end, m.how]
            for m in sorted(idx.mentions, key=lambda m: (m.start, m.end))
        ],
        "claims": [
            [
                c.id,
                c.speaker_id,
                c.speaker,
                c.cue,
                c.mode,
                c.text,
                c.start,
                c.end,
                c.sentence_id,
                c.cue_start,
                c.cue_end,
                c.claim_type,
                c.hedges,
                c.speaker_surface,
            ]
            for c in ex.claims
        ],
        "events": [
            [
                e.id,
                e.date_text,
                e.start,
                e.end,
                e.date,
                e.precision,
                e.description,
                ";".join(e.actor_ids),
                e.sentence_id,
                e.tense,
            ]
            for e in ex.events
        ],
        "experts": [
            [x.actor_id, x.name, x.credentials, x.evidence_start, x.evidence_end, x.channel]
            for x in ex.experts
        ],
        "findings": [
            [f.expert_id, f.kind, f.text, f.start, f.end, f.claim_id, f.likelihood, f.likelihood_words]
            for f in ex.findings
        ],
    }


def write_extraction(ex: Extraction, out: Path) -> None:
    """article.txt, the CSVs and document.json into ``out`` (which must exist)."""
    doc = ex.document
    # newline="" keeps the text byte-exact: offsets must line up with the file
    with (out / "article.txt").open("w", encoding="utf-8", newline="") as f:
        f.write(doc.text)
    for name, rows in _rows(ex).items():
        with (out / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(COLUMNS[name])
            w.writerows(rows)
    meta = {
        "source": doc.source,
        "published": doc.published.isoformat() if doc.published else None,
        "published_from": doc.published_from,
        "published_evidence": list(doc.published_evidence) if doc.published_evidence else None,
        "characters": len(doc.text),
        "paragraphs": len(doc.paragraphs),
        "quotes": [[q.start, q.end, q.paragraph, q.group, int(q.closed)] for q in doc.quotes],
    }
    (out / "document.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")


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

    def span(self, start: int, end: int) -> str:
        return self.text[int(start) : int(end)]

    def sentence_of(self, offset: int) -> str:
        """The text of the sentence holding ``offset`` (the evidence a reader checks)."""
        s = self.sentences[(self.sentences.start <= offset) & (self.sentences.end > offset)]
        return self.span(s.start.iloc[0], s.end.iloc[0]) if len(s) else ""


def load(folder: str | Path) -> Bundle:
    """Read an extraction folder written by ``briefing extract``."""
    import pandas as pd

    folder = Path(folder)
    text = (folder / "article.txt").read_text(encoding="utf-8")
    meta_path = folder / "document.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    frames = {}
    for name, cols in COLUMNS.items():
        path = folder / f"{name}.csv"
        df = (
            pd.read_csv(path, dtype=str, keep_default_na=False)
            if path.exists()
            else pd.DataFrame(columns=cols)
        )
        for col in df.columns:
            if col in {
                "start",
                "end",
                "sentence_id",
                "paragraph",
                "mentions",
                "role_start",
                "role_end",
                "evidence_start",
                "evidence_end",
                "cue_start",
                "cue_end",
                "expert",
            }:
                df[col] = pd.to_numeric(df[col], errors="coerce").fillna(-1).astype(int)
        frames[name] = df
    return Bundle(folder=folder, text=text, meta=meta, **frames)
