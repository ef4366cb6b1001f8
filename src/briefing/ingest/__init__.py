"""Ingest: bytes on disk -> Document (exact text, paragraphs, sentences with kinds, quotes).

decode.py turns plain-text bytes into text; segment.py finds paragraphs, sentences and quotes; kinds.py
tells headline, byline, boilerplate and body apart; meta.py reads what the text says about itself
(publication date, outlet).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.errors import InputError
from briefing.ingest.decode import decode, read_article
from briefing.ingest.kinds import paragraph_kind
from briefing.ingest.meta import MONTHS, infer_outlet, infer_published
from briefing.ingest.segment import ABBREVIATIONS, find_quotes, split_paragraphs, split_sentences
from briefing.model import Document, Sentence

__all__ = [
    "ABBREVIATIONS",
    "MONTHS",
    "build_document",
    "decode",
    "find_quotes",
    "infer_outlet",
    "infer_published",
    "ingest",
    "paragraph_kind",
    "read_article",
    "split_paragraphs",
    "split_sentences",
]


def build_document(text: str, source: str = "<input>", published: date | None = None) -> Document:
    """Paragraphs, sentences (with kinds) and quotes of already-decoded text."""
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise InputError(source, "is empty (no text to analyse)")
    sentences: list[Sentence] = []
    for p in paragraphs:
        prev = paragraphs[p.index - 1] if p.index else None
        kind = paragraph_kind(text, p, prev, first=p.index == 0)
        for a, b in split_sentences(text, p.start, p.end):
            sentences.append(Sentence(len(sentences), a, b, p.index, kind))
    published_from, evidence = ("argument", None) if published else ("unknown", None)
    if published is None and (found := infer_published(text)):
        published, evidence = found
        published_from = "text"
    return Document(
        text=text,
        source=source,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        quotes=tuple(find_quotes(text, paragraphs)),
        published=published,
        published_from=published_from,
        published_evidence=evidence,
    )


def ingest(path: str | Path, published: date | None = None) -> Document:
    """Read, decode and segment an article file."""
    p = Path(path)
    return build_document(read_article(p), source=p.name, published=published)
