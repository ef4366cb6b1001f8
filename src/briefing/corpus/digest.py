"""One article's extraction reduced to what the corpus compares: a few small records, no article text.

:func:`digest` reads the article's files (the CSVs, ``corpus.json``, ``sourcing.csv`` when the analysis
stage wrote one) one article at a time; it keeps the claims, name-like mentions, the events dated to a
day, a week or a month, and counts, and classifies each claim's sourcing. The aggregation works on
digests only: about 9 KB an article on PolNeAR (claims, names, dated events), against 7 KB of text.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from briefing.corpus.inputs import Source
from briefing.corpus.lexicon import Lexicon
from briefing.corpus.sourcing import CLASSES, SOURCED_MODES, classify
from briefing.corpus.timeline import PRECISIONS

Digest = dict[str, Any]
NAME_LIKE = ("name", "alias", "typo")  # mention kinds that spell the actor's name
FILES = (
    "article.txt",
    "sentences.csv",
    "actors.csv",
    "mentions.csv",
    "claims.csv",
    "events.csv",
    "corpus.json",
    "sourcing.csv",
)


def read_files(folder: Path) -> dict[str, str]:
    """The files of an article folder that :func:`digest` reads (absent ones left out)."""
    return {n: (folder / n).read_text(encoding="utf-8") for n in FILES if (folder / n).is_file()}


def digest(source: Source, files: Mapping[str, str], lex: Lexicon) -> Digest:
    """The corpus's view of one article."""
    info = json.loads(files.get("corpus.json") or "{}")
    text = files.get("article.txt", "")
    sentences = _rows(files, "sentences.csv")
    actors = _rows(files, "actors.csv")
    kinds = {a["actor_id"]: a["kind"] for a in actors}
    claims = _claims(source.stem, files, text, sentences, kinds, lex)
    body = sum(1 for s in sentences if s["kind"] == "body")
    editorial = {c["sentence_id"] for c in claims if c["mode"] == "editorial"}
    sourcing_from = "analysis" if "sourcing.csv" in files else "fallback"
    return {
        "article": {
            "stem": source.stem,
            "source": source.label,
            "outlet": source.outlet or info.get("credit") or "unknown",
            "outlet_from": "input" if source.outlet else ("dateline" if info.get("credit") else "unknown"),
            "credit": info.get("credit", ""),
            "published": source.published or info.get("published", ""),
            "title": source.title or info.get("title", ""),
            "url": source.url,
            "sha256": source.sha256,
            "words": int(info.get("words") or len(text.split())),
            "sentences": len(sentences),
            "body_sentences": body,
            "editorial_sentences": len(editorial),
            "claims": sum(1 for c in claims if c["mode"] in SOURCED_MODES),
            "sourcing_from": sourcing_from,
            "shingles": info.get("shingles", []),
        },
        "actors": _actors(source.stem, actors, _rows(files, "mentions.csv")),
        "claims": claims,
        "events": _events(source.stem, _rows(files, "events.csv")),
    }


def _rows(files: Mapping[str, str], name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(files.get(name, ""), newline="")))


def _int(value: str | int | None, default: int = -1) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _actors(stem: str, actors: list[dict], mentions: list[dict]) -> list[dict]:
    surfaces: dict[str, Counter] = {}
    for m in mentions:  # proper names only: "the group" is a reference, not a spelling
        if m.get("how", "name") in NAME_LIKE and _proper(m["surface"]):
            surfaces.setdefault(m["actor_id"], Counter())[" ".join(m["surface"].split())] += 1
    return [
        {
            "stem": stem,
            "actor_id": a["actor_id"],
            "name": a["name"],
            "kind": a["kind"],
            "role": a.get("role", ""),
            "mentions": _int(a.get("mentions"), 0),
            "surfaces": [s for s, _ in surfaces.get(a["actor_id"], Counter()).most_common(8)],
        }
        for a in actors
    ]


def _proper(surface: str) -> bool:
    """A capitalised word after any leading article: "the Kremlin", "Trump"; not "The company"."""
    words = surface.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return any(w[:1].isupper() for w in words)


def _claims(
    stem: str,
    files: Mapping[str, str],
    text: str,
    sentences: list[dict],
    kinds: dict[str, str],
    lex: Lexicon,
) -> list[dict]:
    spans = {_int(s["sentence_id"]): (_int(s["start"]), _int(s["end"])) for s in sentences}
    given = {r["claim_id"]: r for r in _rows(files, "sourcing.csv")}
    out = []
    for c in _rows(files, "claims.csv"):
        sid = _int(c.get("sentence_id"))
        a, z = spans.get(sid, (-1, -1))
        row = {
            "stem": stem,
            "claim_id": c["claim_id"],
            "speaker_id": c.get("speaker_id", ""),
            "speaker": c.get("speaker", ""),
            "speaker_kind": kinds.get(c.get("speaker_id", ""), ""),
            "cue": c.get("cue", ""),
            "mode": c.get("mode", ""),
            "text": c.get("text", ""),
            "start": _int(c.get("start")),
            "end": _int(c.get("end")),
            "sentence_id": sid,
            "claim_type": c.get("claim_type", ""),
        }
        row["sourcing"], row["sourcing_why"] = "", ""
        if row["mode"] in SOURCED_MODES:
            row["sourcing"], row["sourcing_why"] = _sourcing(c, given, row["speaker_kind"], text[a:z], lex)
        out.append(row)
    return out


def _sourcing(claim: dict, given: dict, kind: str, sentence: str, lex: Lexicon) -> tuple[str, str]:
    row = given.get(claim["claim_id"])
    if row and row.get("sourcing") in CLASSES:
        return row["sourcing"], "per-article analysis"
    return classify(claim, kind, sentence, lex)


def _events(stem: str, events: list[dict]) -> list[dict]:
    return [
        {
            "stem": stem,
            "event_id": e["event_id"],
            "date": e["date"],
            "precision": e.get("precision", ""),
            "date_text": e.get("date_text", ""),
            "description": e.get("description", ""),
            "actor_ids": [a for a in e.get("actor_ids", "").split(";") if a],
            "sentence_id": _int(e.get("sentence_id")),
            "start": _int(e.get("start")),
            "end": _int(e.get("end")),
            "tense": e.get("tense", ""),
        }
        for e in events
        if e.get("date") and e.get("precision") in PRECISIONS  # what the merged timeline can use
    ]
