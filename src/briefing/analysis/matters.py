"""What a position is about, in the article's own words: the noun phrases of the claim.

The matter is the first noun phrase of the claim that names neither an actor, nor a date or a number,
nor a word too general to say anything ("the way", "the proposal": what is proposed is the matter).
``keys`` are the lemmas of all such nouns, mapped onto one word where news English uses several for the
same thing (``briefing/lexicon/matters.yaml``), so two claims on "talks" and "negotiations" meet.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from briefing.analysis import words
from briefing.analysis.context import Context

_NOT_MATTERS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"})
_DETERMINERS = frozenset({"DET", "PRON", "NUM", "PUNCT"})


@dataclass(frozen=True)
class Matter:
    label: str
    start: int
    end: int
    keys: tuple[str, ...]


NONE = Matter("", -1, -1, ())


def key(token: Token) -> str:
    lemma = token.lemma_.lower()
    return words.same_matter().get(lemma, words.same_matter().get(token.lower_, lemma))


OBJECTS = frozenset({"dobj", "pobj", "attr", "oprd", "dative", "nsubjpass"})


def matter_of(ctx: Context, start: int, end: int, prefer_object: bool = False) -> Matter:
    """The matter of text[start:end] and the keys to match it with others.

    ``prefer_object``: for a demand, refusal or promise, what is demanded (the object) rather than who
    must act (the subject): "the port must reopen talks" is about talks."""
    span = ctx.span(start, end)
    if span is None:
        return NONE
    chunks = [c for c in ctx.chunks_in(span) if _is_matter(ctx, c) or _compound(ctx, c)]
    chunks += _bare_objects(ctx, span, chunks)
    chunks.sort(key=lambda c: c.start)
    keys = tuple(dict.fromkeys(key(t) for c in chunks for t in c if _content_noun(ctx, t)))
    if chunks:
        objects = [c for c in chunks if c.root.dep_ in OBJECTS]
        best = objects[0] if prefer_object and objects else chunks[0]
        label = _label(best)
        return Matter(label.text, label.start_char, label.end_char, keys)
    verb = next((t for t in span if t.pos_ == "VERB" and t.dep_ != "aux"), None)
    if verb is None:
        return NONE
    phrase = verb_phrase(verb, span.end)
    return Matter(phrase.text, phrase.start_char, phrase.end_char, (key(verb),))


def _bare_objects(ctx: Context, span: Span, chunks: list[Span]) -> list[Span]:
    """An object the tagger took for a verb ("raise pay": pay/VERB/dobj) is a noun all the same."""
    inside = {t.i for c in chunks for t in c}
    out = []
    for t in span:
        verb_as_object = t.dep_ in OBJECTS and t.pos_ == "VERB" and t.is_alpha
        if t.i not in inside and verb_as_object and t.lemma_.lower() not in words.generic_nouns():
            out.append(t.doc[t.i : t.i + 1])
    return out


def verb_phrase(verb: Token, limit: int) -> Span:
    """The verb with what follows it up to the first punctuation: "meet him in person"."""
    end = verb.i + 1
    while (
        end < limit
        and not verb.doc[end].is_punct
        and verb.doc[end].dep_ in ("dobj", "prep", "pobj", "prt", "det", "compound", "amod", "poss", "nummod")
    ):
        end += 1
    return verb.doc[verb.i : end]


def _is_matter(ctx: Context, chunk: Span) -> bool:
    root = chunk.root
    if root.pos_ == "PRON" or root.ent_type_ in _NOT_MATTERS or not root.is_alpha:
        return False
    if root.lemma_.lower() in words.generic_nouns() or root.lower_ in words.generic_nouns():
        return False
    return ctx.mention_covering(root.idx, root.idx + len(root)) is None


def _compound(ctx: Context, chunk: Span) -> bool:
    """A general head with a telling modifier is a matter: "pay offer", "peace proposal"."""
    root = chunk.root
    return root.pos_ == "NOUN" and any(c.dep_ == "compound" and _content_noun(ctx, c) for c in root.children)


def _content_noun(ctx: Context, t: Token) -> bool:
    return (
        (t.pos_ == "NOUN" or (t.pos_ == "VERB" and t.dep_ in OBJECTS))
        and t.is_alpha
        and t.lemma_.lower() not in words.generic_nouns()
        and t.lower_ not in words.generic_nouns()
        and ctx.mention_covering(t.idx, t.idx + len(t)) is None
    )


def _label(chunk: Span) -> Span:
    """The noun phrase without its determiners and possessives: "its territory" -> "territory"."""
    i = chunk.start
    while i < chunk.end - 1 and _leading(chunk.doc[i]):
        i += 1
    return chunk.doc[i : chunk.end]


def _leading(t: Token) -> bool:
    return (
        t.pos_ in _DETERMINERS
        or t.dep_ in ("poss", "case", "nummod")
        or (t.head.dep_ == "poss" and t.head.i > t.i)
        or t.ent_type_ in _NOT_MATTERS
        or t.text in ("%", "$", "£", "€", "-", "–")
    )


def matter_table(ctx: Context, positions: list) -> list:
    """The matters at least two parties take positions on (else the commonest), most contested first."""
    from briefing.model import Matter as Row

    parties = [p for p in positions if p.role == "party"]
    by_key: dict[str, list] = {}
    for p in parties:
        for k in p.keys:
            by_key.setdefault(k, []).append(p)
    rows = []
    for k, ps in by_key.items():
        sides = {p.side for p in ps}
        labelled = next((p for p in ps if p.matter and key_in(ctx, p, k)), None)
        label, a, b = _label_for(ctx, labelled, k) if labelled else (k, -1, -1)
        rows.append(
            (
                len(sides),
                len(ps),
                Row(k, label, tuple(dict.fromkeys(p.actor_id for p in ps)), tuple(p.id for p in ps), a, b),
            )
        )
    rows.sort(key=lambda r: (-r[0], -r[1], r[2].evidence_start))
    shared = [r for n, _, r in rows if n >= 2]
    return shared or [r for _, _, r in rows[:3]]


def key_in(ctx: Context, p, k: str) -> bool:
    return p.matter_start >= 0 and any(key(t) == k for t in ctx.span(p.matter_start, p.matter_end) or ())


def _label_for(ctx: Context, p, k: str) -> tuple[str, int, int]:
    return p.matter, p.matter_start, p.matter_end
