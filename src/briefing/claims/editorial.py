"""The outlet's own voice: sentences that evaluate without attributing, as ``mode=editorial`` claims.

A body sentence (or a headline) is editorial when it is the writer's own evaluation:

1. it is none of these: inside a claim the claims stage found, quoted speech, reported speech ("said",
   "according to", or the subject of a verb of saying, thinking or feeling, "Critics argue ...",
   "She hopes ..."), the words after a colon that introduces someone's speech, or web furniture
   (sign-up prompts, "Source: ...", photo credits);
2. its evidence of evaluation (``editorial_score``: words of judgement, stance, obligation, the
   reader addressed, rhetorical questions ...) reaches THRESHOLD.

The span is the sentence; its cue is the strongest piece of evidence. Never attributed to an actor.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from briefing.claims.editorial_score import Assessment, assess, hands_over, lexicon, owner, parser
from briefing.model import Claim, Document, Sentence, Span

THRESHOLD = 2
MAX_SENTENCE = 1500  # longer "sentences" are unsegmented dumps, not a verdict
_QUOTE_CHARS = '“”"'
_QUOTED = re.compile(r'[“"]([^“”"]*)[”"]')
QUOTED_SHARE = 0.5  # a sentence mostly in quotation marks is someone else's words


def _covered(spans: list[Span], starts: list[int], a: int, b: int) -> bool:
    """More than a third of [a, b) lies inside claims (bounded scan around the position)."""
    i = bisect.bisect_right(starts, b)
    inside = 0
    for s, e in spans[max(0, i - 8) : i]:
        inside += max(0, min(b, e) - max(a, s))
    return inside > (b - a) / 3


def _quoted(text: str) -> bool:
    """Someone's words in quotation marks: the sentence opens with a quote, a quote runs past its end
    or ends in it, or quoted stretches make up most of it. Scare quotes ("the so-called “reform”") and
    a phrase cited inside the writer's own sentence leave it the writer's."""
    if not any(c in text for c in _QUOTE_CHARS) or not text.strip(_QUOTE_CHARS + " ."):
        return False
    if text.lstrip()[:1] in _QUOTE_CHARS:
        return True
    if text.count("“") != text.count("”") or text.count('"') % 2 == 1:
        return True
    quoted = sum(len(q.split()) for q in _QUOTED.findall(text))
    return quoted > QUOTED_SHARE * len(text.split())


def _candidates(doc: Document, covered: list[Span]) -> list[Sentence]:
    """Body sentences and headlines outside every claim, quote and explicit attribution."""
    spans = sorted(covered)
    starts = [s for s, _ in spans]
    out = []
    for sent in doc.sentences:
        text = doc.text[sent.start : sent.end]
        if sent.kind not in ("body", "headline") or sent.end - sent.start > MAX_SENTENCE:
            continue
        if _covered(spans, starts, sent.start, sent.end) or _quoted(text):
            continue
        out.append(sent)
    return out


def _introduces_speech(doc: Document, sent: Sentence, parsed: Doc | None) -> bool:
    """The sentence before, in the same paragraph, hands over to a speaker with a colon."""
    if sent.id == 0:
        return False
    prev = doc.sentences[sent.id - 1]
    text = doc.text[prev.start : prev.end].rstrip()
    if prev.paragraph != sent.paragraph or not text.endswith(":"):
        return False
    clause = _span(parsed, prev.start, prev.start + len(text)) if parsed is not None else parser()(text)
    return bool(hands_over(clause, lexicon()) or owner(clause, lexicon()))


def _span(parsed: Doc, start: int, end: int) -> SpacySpan:
    """The tokens of [start, end) in the document's parse."""
    return parsed.char_span(start, end, alignment_mode="expand") or parsed[0:0]


def _parses(doc: Document, sentences: list[Sentence], parsed: Doc | None) -> Iterable[Doc | SpacySpan]:
    """Each sentence's parse: its span in the document's parse, or the sentence parsed alone."""
    if parsed is not None:
        return [_span(parsed, s.start, s.end) for s in sentences]
    return parser().pipe(doc.text[s.start : s.end] for s in sentences)


def _editorial(doc: Document, sent: Sentence, verdict: Assessment, parsed: Doc | None = None) -> bool:
    return (
        verdict.score >= THRESHOLD
        and not verdict.owner
        and not verdict.furniture
        and not _introduces_speech(doc, sent, parsed)
    )


def find_editorial(doc: Document, covered: list[Span], parsed: Doc | None = None) -> list[Claim]:
    """Editorial claims (ids left empty) for the writer's own evaluative sentences.

    ``parsed`` is the document's parse (``briefing.nlp.parse(doc)``); without it each candidate
    sentence is parsed alone.
    """
    sentences = _candidates(doc, covered)
    lex = lexicon()
    out = []
    for sent, tokens in zip(sentences, _parses(doc, sentences, parsed), strict=True):
        text = doc.text[sent.start : sent.end]
        verdict = assess(tokens, lex)
        if _editorial(doc, sent, verdict, parsed):
            out.append(
                Claim(
                    id="",
                    speaker_id="",
                    speaker="",
                    cue=verdict.cue or "?",
                    mode="editorial",
                    text=text,
                    start=sent.start,
                    end=sent.end,
                    sentence_id=sent.id,
                    claim_type="assessment",
                )
            )
    return out
