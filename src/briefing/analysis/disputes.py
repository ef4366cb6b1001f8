"""Points of dispute: two sides' positions on one matter that contradict each other.

Three ways two positions meet: the answer names the act it answers ("rejected Zelenskyy's proposal",
"denied receiving any such notice": the latest such act of another side); both share a matter (the same
noun, "territory"; or words for one thing, "talks" and "negotiations") and their acts are opposed
(demand and refusal, accusation and denial, see ``acts.yaml``); or both give figures for the same matter
that differ. Each dispute keeps both pieces of evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.analysis import words
from briefing.analysis.context import Context
from briefing.model import Dispute, Position

_FIGURES = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})


@dataclass(frozen=True)
class _Pair:
    a: Position
    b: Position
    score: int
    matter: str
    matter_start: int
    matter_end: int


def find_disputes(ctx: Context, positions: list[Position]) -> list[Dispute]:
    parties = [p for p in positions if p.role == "party"]
    pairs = [
        *_answers(ctx, parties),
        *_answered_accusations(ctx, parties),
        *_shared(ctx, parties),
        *_figures(ctx, parties),
    ]
    best: dict[tuple[str, str], _Pair] = {}
    for pair in pairs:
        k = (pair.a.id, pair.b.id)
        if k not in best or pair.score > best[k].score:
            best[k] = pair
    ranked = sorted(best.values(), key=lambda p: (-p.score, -_weight(ctx, p), p.a.start))
    kept, seen = [], set()
    for p in ranked:  # one dispute per answer and side, and per act and answering side
        keys = {(p.a.side, p.b.id), (p.a.id, p.b.side)}
        if keys & seen:
            continue
        seen |= keys
        kept.append(p)
    return [_dispute(p, i) for i, p in enumerate(kept, 1)]


def _weight(ctx: Context, pair: _Pair) -> int:
    """How central the two parties are: their mentions."""
    return sum(ctx.actors[x].mentions for x in (pair.a.actor_id, pair.b.actor_id) if x in ctx.actors)


def _dispute(p: _Pair, i: int) -> Dispute:
    a, b = p.a, p.b
    kind = "different figures" if b.act == "figure" else f"{_label(a.act)} / {_label(b.act)}"
    return Dispute(
        f"D{i}",
        p.matter,
        kind,
        a.id,
        a.actor_id,
        a.actor,
        a.act,
        a.claim_id,
        a.start,
        a.end,
        b.id,
        b.actor_id,
        b.actor,
        b.act,
        b.claim_id,
        b.start,
        b.end,
        p.matter_start,
        p.matter_end,
        p.score,
    )


def _label(act: str) -> str:
    return "claim" if act == "statement" else act


def _opposed(first: str, second: str) -> bool:
    return (first, second) in words.opposed()


# ------------------------------------------------------------------ an answer naming what it answers


def _answers(ctx: Context, parties: list[Position]) -> list[_Pair]:
    out = []
    for b in parties:
        if b.act not in ("refusal", "denial"):
            continue
        found = _referent(ctx, b, parties)
        if found is not None:
            m = _complement(ctx, b) or _matter_of(found) or _noun_of(ctx, b)
            out.append(_Pair(found, b, 6, *m))
    return out


def _act_noun(ctx: Context, p: Position):
    span = ctx.span(p.act_end if p.claim_id == "" else p.start, p.end)
    for t in span or ():
        if t.pos_ == "NOUN" and t.lemma_.lower() in words.act_nouns():
            return t
    return None


def _matter_of(p: Position) -> tuple[str, int, int] | None:
    return (p.matter, p.matter_start, p.matter_end) if p.matter else None


def _complement(ctx: Context, b: Position) -> tuple[str, int, int] | None:
    """What the answered act was about, when the answer says it: "proposal for a face-to-face meeting"."""
    from briefing.analysis.matters import _label

    noun = _act_noun(ctx, b)
    for prep in noun.children if noun is not None else ():
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "on", "to"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    first = min(t.i for t in obj.subtree)
                    label = _label(obj.doc[first : obj.i + 1])
                    return label.text, label.start_char, label.end_char
    return None


def _noun_of(ctx: Context, b: Position) -> tuple[str, int, int]:
    noun = _act_noun(ctx, b)
    if noun is None:
        return b.matter, b.matter_start, b.matter_end
    return noun.text, noun.idx, noun.idx + len(noun)


def _referent(ctx: Context, b: Position, parties: list[Position]) -> Position | None:
    """The act ``b`` answers: the possessor's ("Zelenskyy's proposal"), else the latest of another side."""
    noun = _act_noun(ctx, b)
    if noun is None:
        return None
    acts = words.act_nouns().get(noun.lemma_.lower(), ())
    owners = set()
    for c in noun.children:
        if c.dep_ == "poss":
            m = ctx.mention_covering(c.idx, c.idx + len(c))
            if m:
                owners.add(m.actor_id)
    candidates = [
        p
        for p in parties
        if p.act in acts and p.side != b.side and p.id != b.id and (not owners or p.actor_id in owners)
    ]
    before = [p for p in candidates if p.start < b.start]
    if before:
        return max(before, key=lambda p: p.start)
    return candidates[0] if owners and candidates else None


def _answered_accusations(ctx: Context, parties: list[Position]) -> list[_Pair]:
    """A denial or refusal by a side an earlier accusation named: "X accused Brussels of ..."."""
    out = []
    for a in parties:
        if a.act != "accusation":
            continue
        targets = {ctx.side(m.actor_id) for m in ctx.mentions_in(a.start, a.end)} - {a.side}
        for b in parties:
            if b.start > a.start and b.act in ("denial", "refusal") and b.side in targets:
                out.append(_Pair(a, b, 5, *(_matter_of(a) or _matter_of(b) or ("", -1, -1))))
                break
    return out


# ------------------------------------------------------------------ opposed acts on a shared matter


def _shared(ctx: Context, parties: list[Position]) -> list[_Pair]:
    out = []
    for i, x in enumerate(parties):
        for y in parties[i + 1 :]:
            if x.side == y.side:
                continue
            shared = [k for k in x.keys if k in y.keys]
            if not shared:
                continue
            for a, b in ((x, y), (y, x)):
                if a.act == "statement" and len(shared) < 2:
                    continue  # a denial answers a claim it shares more than one word with
                if _opposed(a.act, b.act):
                    out.append(_Pair(a, b, 2 + len(shared), *_matter_for(ctx, a, b, shared[0])))
    return out


def _matter_for(ctx: Context, a: Position, b: Position, key: str) -> tuple[str, int, int]:
    """The noun phrase of ``a`` (else ``b``) holding the shared key, as the text writes it."""
    from briefing.analysis.matters import key as key_of

    for p in (a, b):
        span = ctx.span(p.start, p.end)
        for chunk in span.noun_chunks if span is not None else ():
            if any(key_of(t) == key for t in chunk):
                from briefing.analysis.matters import _label

                label = _label(chunk)
                return label.text, label.start_char, label.end_char
    return key, -1, -1


# ------------------------------------------------------------------ different figures for one matter


def _figures(ctx: Context, parties: list[Position]) -> list[_Pair]:
    """Two sides giving different numbers of the same kind for the same noun ("40,000 people")."""
    counted = [(p, _counts(ctx, p)) for p in parties if p.act == "statement"]
    counted = [(p, c) for p, c in counted if c]
    out = []
    for i, (x, cx) in enumerate(counted):
        for y, cy in counted[i + 1 :]:
            if x.side == y.side:
                continue
            for (noun, label), value in cx.items():
                other = cy.get((noun, label))
                if other is not None and other[0] != value[0]:
                    word = ctx.doc.text[value[1] : value[2]]
                    out.append(_Pair(x, _as_figure(y), 4, word, value[1], value[2]))
                    break
    return out


def _as_figure(p: Position) -> Position:
    from dataclasses import replace

    return replace(p, act="figure")


def _counts(ctx: Context, p: Position) -> dict[tuple[str, str], tuple[str, int, int]]:
    """(quantified noun's lemma, kind of number) -> (the number as written, the noun's offsets)."""
    span = ctx.span(p.start, p.end)
    out = {}
    for e in span.ents if span is not None else ():
        if e.label_ not in _FIGURES:
            continue
        root = e.root
        noun = root.head if root.dep_ == "nummod" and root.head.pos_ == "NOUN" else None
        if noun is not None:  # the noun and what happens to it: "40,000 people ... displaced"
            verb = noun.head.lemma_.lower() if noun.head.pos_ == "VERB" else ""
            out[(f"{noun.lemma_.lower()} {verb}", e.label_)] = (e.text, noun.idx, noun.idx + len(noun))
    return out
