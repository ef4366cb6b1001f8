"""Ingest: bytes on disk -> Document (exact text, paragraphs, sentences with kinds, quotes, metadata).

A file is recognised by its content (sniff.py) and read by its format's module: plain text (decode.py), a
saved web page (html.py, pagemeta.py: trafilatura, JSON-LD, Open Graph), a PDF with a text layer (pdf.py:
pdfminer.six) or a Word file (docx.py: python-docx). Each gives the text, one paragraph a line (what
article.txt holds and every offset points into), and what the file says about the article (source.py).
segment.py then finds paragraphs, sentences and quotes; kinds.py tells headline, byline, boilerplate and
body apart; meta.py reads what the text says about itself (publication date, outlet).

The publication date: the analyst's ``--published`` wins, then the file's own date (JSON-LD
datePublished, Open Graph article:published_time, htmldate on the markup), then a date the text states.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.errors import InputError
from briefing.ingest.decode import decode, read_article, read_bytes
from briefing.ingest.formats import extract_source
from briefing.ingest.kinds import paragraph_kind
from briefing.ingest.meta import MONTHS, infer_outlet, infer_published
from briefing.ingest.segment import ABBREVIATIONS, find_quotes, split_paragraphs, split_sentences
from briefing.ingest.source import Extracted
from briefing.model import Document, Sentence

__all__ = [
    "ABBREVIATIONS",
    "MONTHS",
    "Extracted",
    "build_document",
    "decode",
    "extract_source",
    "find_quotes",
    "infer_outlet",
    "infer_published",
    "ingest",
    "ingest_bytes",
    "paragraph_kind",
    "read_article",
    "read_bytes",
    "split_paragraphs",
    "split_sentences",
]


def build_document(
    text: str, source: str = "<input>", published: date | None = None, meta: Extracted | None = None
) -> Document:
    """Paragraphs, sentences (with kinds) and quotes of already-decoded text, with the file's metadata."""
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise InputError(source, "is empty (no text to analyse)")
    sentences: list[Sentence] = []
    for p in paragraphs:
        prev = paragraphs[p.index - 1] if p.index else None
        kind = paragraph_kind(text, p, prev, first=p.index == 0)
        for a, b in split_sentences(text, p.start, p.end):
            sentences.append(Sentence(len(sentences), a, b, p.index, kind))
    origins = {k: f.origin for k, f in meta.found().items()} if meta else {}
    published_from, evidence = ("argument", None) if published else ("unknown", None)
    if published is None and meta is not None and meta.published is not None:
        published, origins["published"] = meta.published
        published_from = "file"
    if published is None and (found := infer_published(text)):
        published, evidence = found
        published_from = "text"
    values = {k: f.value for k, f in meta.found().items()} if meta else {}
    return Document(
        text=text,
        source=source,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        quotes=tuple(find_quotes(text, paragraphs)),
        published=published,
        published_from=published_from,
        published_evidence=evidence,
        title=values.get("title", ""),
        outlet=values.get("outlet", ""),
        author=values.get("author", ""),
        url=values.get("url", ""),
        source_format=meta.format if meta else "text",
        origins=tuple(origins.items()),
    )


def ingest_bytes(
    data: bytes, name: object, published: date | None = None, source: str | None = None
) -> Document:
    """An article file's bytes, recognised by content, read and segmented; errors name ``name``."""
    extracted = extract_source(data, name)
    return build_document(extracted.text, source=source or str(name), published=published, meta=extracted)


def ingest(path: str | Path, published: date | None = None) -> Document:
    """Read an article file (plain text, saved web page, PDF or Word file) and segment it."""
    p = Path(path)
    return ingest_bytes(read_bytes(p), p, published, source=p.name)
