"""Reported speech from the dependency parse: a communication verb, its subject, and its complement.

For every verb whose lemma is a cue (``lexicon`` speech verbs) the parse gives:
- the content: the clausal complement (``ccomp``: "said [that the talks failed]"); for a cue set after
  its clause ("The talks failed, he said." / "..., said X") the clause it is attached to;
- the source: the cue's subject (``nsubj``), or the agent of a passive ("was quoted by"), or for a
  participle or a coordinated verb ("..., saying ...", "arrived and said ...") the subject of the verb
  it depends on; for a relative clause ("X, who said ...") the noun it describes; for "according to X"
  the object of "to".
Spans are character offsets into the document. Nothing here knows any name or any article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

_SUBJECT = {"nsubj", "nsubjpass", "csubj"}
_CONTENT = {"ccomp"}
_INVERTED = {"parataxis", "advcl", "ccomp", "conj"}  # a cue hung on the clause it reports
_INHERITS_SUBJECT = {"advcl", "xcomp", "conj", "pcomp"}  # "..., saying", "and said", "by saying"
_TRIM = set(" \n\t,;:.–—-“”\"‘’'()")


@dataclass(frozen=True)
class Attribution:
    """One act of communication found in the parse."""

    cue: tuple[int, int]  # the cue words (verb, with its particle: "called for", "pointed out")
    lemma: str
    source: tuple[int, int] | None  # the subject noun phrase, or None when the parse shows none
    content: tuple[int, int]  # what was communicated
    sentence_start: int


def _span(tokens: Iterable[Token]) -> tuple[int, int] | None:
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _trimmed(doc: Doc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Without the punctuation and quote marks at either edge."""
    if span is None:
        return None
    text = doc.text
    a, b = span
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return (a, b) if b - a >= 2 else None


def _phrase(tok: Token) -> tuple[int, int]:
    """The noun phrase a subject token heads, without a trailing relative clause or appositive."""
    keep = [tok]
    for child in tok.children:
        if child.dep_ in ("relcl", "acl", "appos", "punct") and child.i > tok.i:
            continue
        keep.extend(child.subtree)
    span = _span(keep)
    assert span is not None
    return span


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT:
            return child
    for child in verb.children:
        if child.dep_ == "agent":  # "was quoted by X"
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def source_of(verb: Token) -> Token | None:
    """Who communicates: the verb's subject, or that of the verb a participle or conjunct hangs on."""
    seen = 0
    while seen < 4:
        subj = _subject(verb)
        if subj is not None:
            return subj
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ not in _INHERITS_SUBJECT or verb.head is verb:
            return None
        verb = verb.head
        seen += 1
    return None


def _content(verb: Token) -> tuple[list[Token], str]:
    """The tokens of what was said, and how they were found."""
    comps = [c for c in verb.children if c.dep_ in _CONTENT]
    if comps:
        return [t for c in comps for t in c.subtree], "complement"
    head = verb.head
    if verb.dep_ in _INVERTED and head is not verb and head.i < verb.i and head.pos_ in ("VERB", "AUX"):
        own = {t.i for t in verb.subtree}
        return [t for t in head.subtree if t.i not in own], "inverted"
    return [], ""


def _cue_tokens(verb: Token, particles: dict[str, set[str]]) -> list[Token]:
    """The verb with its particle when the lexicon lists the pair ("call for", "point out")."""
    wanted = particles.get(verb.lemma_.lower(), set())
    extra = [c for c in verb.children if c.dep_ in ("prt", "prep") and c.lower_ in wanted]
    return [verb, *extra[:1]]


def attributions(doc: Doc, cues: frozenset[str], particles: dict[str, set[str]]) -> Iterator[Attribution]:
    """Every cue verb of ``doc`` with its source and content, in text order."""
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in cues:
            continue
        found = _attribution(doc, tok, particles)
        if found is not None:
            yield found


def _attribution(doc: Doc, verb: Token, particles: dict[str, set[str]]) -> Attribution | None:
    content, how = _content(verb)
    if not content:
        return None
    span = _trimmed(doc, _span(content))
    if span is None:
        return None
    subj = source_of(verb)
    source = _phrase(subj) if subj is not None else None
    cue_toks = _cue_tokens(verb, particles)
    cue = _span(cue_toks)
    assert cue is not None
    lemma = " ".join(t.lemma_.lower() for t in cue_toks)
    sent: Span = verb.sent
    if how == "inverted" and source is not None and source[0] < span[0] < span[1] <= source[0]:
        return None
    return Attribution(cue, lemma, source, span, sent.start_char)


def according_to(doc: Doc) -> Iterator[Attribution]:
    """ "..., according to X": X is the source of the clause "according" is attached to."""
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        head = tok.head
        if obj is None or head is tok:
            continue
        own = {t.i for t in tok.subtree}
        clause = [t for t in head.subtree if t.i not in own]
        span = _trimmed(doc, _span(clause))
        if span is None:
            continue
        cue = (tok.idx, to.idx + len(to))
        yield Attribution(cue, "according to", _phrase(obj), span, tok.sent.start_char)
