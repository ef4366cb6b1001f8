"""Points of dispute: two sides' positions on one matter that contradict each other.

Three ways two positions meet: the answer names the act it answers ("rejected Zelenskyy's proposal",
"denied receiving any such notice": the latest such act of another side; "X accused Brussels ...",
answered by Brussels); both share a matter (the same noun, "territory"; or words for one thing, "talks"
and "negotiations") and their acts are opposed (demand and refusal, accusation and denial, see
``acts.yaml``); or both give different figures for the same counted thing. Each dispute keeps both
pieces of evidence. Positions are indexed by act and by matter, so a long text costs linear time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Token

from briefing.analysis import words
from briefing.analysis.context import Context
from briefing.analysis.matters import _label as noun_phrase
from briefing.analysis.matters import key as key_of
from briefing.model import Dispute, Position

_FIGURES = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
PER_KEY = 60  # positions compared per matter key: a wire dump repeats its matters thousands of times
Found = tuple[str, int, int]  # a matter as written, with its offsets


@dataclass(frozen=True)
class _Pair:
    a: Position
    b: Position
    score: int
    matter: str
    matter_start: int
    matter_end: int


@dataclass
class _Parties:
    """The parties' positions, indexed by act and by matter key."""

    ctx: Context
    all: list[Position]

    @cached_property
    def by_act(self) -> dict[str, list[Position]]:
        out: dict[str, list[Position]] = {}
        for p in self.all:
            out.setdefault(p.act, []).append(p)
        return out

    def meeting(self, positions: list[Position]) -> Iterator[tuple[Position, Position]]:
        """Pairs of positions of different sides sharing a matter key, each pair once."""
        by_key: dict[str, list[int]] = {}
        for i, p in enumerate(positions):
            for k in p.keys:
                by_key.setdefault(k, []).append(i)
        seen: set[tuple[int, int]] = set()
        for idx in by_key.values():
            idx = idx[:PER_KEY]
            for n, i in enumerate(idx):
                for j in idx[n + 1 :]:
                    if (i, j) not in seen and positions[i].side != positions[j].side:
                        seen.add((i, j))
                        yield positions[i], positions[j]


def find_disputes(ctx: Context, positions: list[Position]) -> list[Dispute]:
    parties = _Parties(ctx, [p for p in positions if p.role == "party"])
    pairs = [*_answers(parties), *_answered_accusations(parties), *_shared(parties), *_figures(parties)]
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


def _matter_of(p: Position) -> Found | None:
    return (p.matter, p.matter_start, p.matter_end) if p.matter else None


# ------------------------------------------------------------------ an answer naming what it answers


def _answers(parties: _Parties) -> list[_Pair]:
    out = []
    for b in parties.all:
        if b.act not in ("refusal", "denial"):
            continue
        found = _referent(parties, b)
        if found is not None:
            m = _complement(parties.ctx, b) or _matter_of(found) or _noun_of(parties.ctx, b)
            out.append(_Pair(found, b, 6, *m))
    return out


def _act_noun(ctx: Context, p: Position) -> Token | None:
    span = ctx.span(p.act_end if p.claim_id == "" else p.start, p.end)
    for t in span or ():
        if t.pos_ == "NOUN" and t.lemma_.lower() in words.act_nouns():
            return t
    return None


def _complement(ctx: Context, b: Position) -> Found | None:
    """What the answered act was about, when the answer says it: "proposal for a face-to-face meeting"."""
    noun = _act_noun(ctx, b)
    for prep in noun.children if noun is not None else ():
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "on", "to"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    first = min(t.i for t in obj.subtree)
                    label = noun_phrase(obj.doc[first : obj.i + 1])
                    return label.text, label.start_char, label.end_char
    return None


def _noun_of(ctx: Context, b: Position) -> Found:
    noun = _act_noun(ctx, b)
    if noun is None:
        return b.matter, b.matter_start, b.matter_end
    return noun.text, noun.idx, noun.idx + len(noun)


def _referent(parties: _Parties, b: Position) -> Position | None:
    """The act ``b`` answers: the possessor's ("Zelenskyy's proposal"), else the latest of another side."""
    ctx = parties.ctx
    noun = _act_noun(ctx, b)
    if noun is None:
        return None
    owners = set()
    for c in noun.children:
        if c.dep_ == "poss" and (m := ctx.mention_covering(c.idx, c.idx + len(c))):
            owners.add(m.actor_id)
    candidates = [
        p
        for act in words.act_nouns().get(noun.lemma_.lower(), ())
        for p in parties.by_act.get(act, ())
        if p.side != b.side and p.id != b.id and (not owners or p.actor_id in owners)
    ]
    before = [p for p in candidates if p.start < b.start]
    if before:
        return max(before, key=lambda p: p.start)
    return min(candidates, key=lambda p: p.start) if owners and candidates else None


def _answered_accusations(parties: _Parties) -> list[_Pair]:
    """A denial or refusal by a side an earlier accusation named: "X accused Brussels of ..."."""
    ctx = parties.ctx
    answers = [*parties.by_act.get("denial", ()), *parties.by_act.get("refusal", ())]
    out = []
    for a in parties.by_act.get("accusation", ()):
        targets = {ctx.side(m.actor_id) for m in ctx.mentions_in(a.start, a.end)} - {a.side}
        later = [b for b in answers if b.start > a.start and b.side in targets]
        if later:
            b = min(later, key=lambda b: b.start)
            out.append(_Pair(a, b, 5, *(_matter_of(a) or _matter_of(b) or ("", -1, -1))))
    return out


# ------------------------------------------------------------------ opposed acts on a shared matter


def _shared(parties: _Parties) -> list[_Pair]:
    out = []
    for x, y in parties.meeting(parties.all):
        shared = [k for k in x.keys if k in y.keys]
        for a, b in ((x, y), (y, x)):
            if a.act == "statement" and len(shared) < 2:
                continue  # a denial answers a claim it shares more than one word with
            if (a.act, b.act) in words.opposed():
                out.append(_Pair(a, b, 2 + len(shared), *_matter_for(parties.ctx, a, b, shared[0])))
    return out


def _matter_for(ctx: Context, a: Position, b: Position, key: str) -> Found:
    """The noun phrase of ``a`` (else ``b``) holding the shared key, as the text writes it."""
    for p in (a, b):
        span = ctx.span(p.start, p.end)
        for chunk in ctx.chunks_in(span) if span is not None else ():
            if any(key_of(t) == key for t in chunk):
                label = noun_phrase(chunk)
                return label.text, label.start_char, label.end_char
    return key, -1, -1


# ------------------------------------------------------------------ different figures for one matter


def _figures(parties: _Parties) -> list[_Pair]:
    """Two sides giving different numbers of the same kind for the same counted thing ("40,000 people
    displaced" against "10,000 people displaced")."""
    ctx = parties.ctx
    statements = parties.by_act.get("statement", [])
    counts = {p.id: _counts(ctx, p) for p in statements}
    out = []
    for x, y in parties.meeting(statements):
        cx, cy = counts[x.id], counts[y.id]
        for what, value in cx.items():
            other = cy.get(what)
            if other is not None and other[0] != value[0]:
                word = ctx.doc.text[value[1] : value[2]]
                out.append(_Pair(x, replace(y, act="figure"), 4, word, value[1], value[2]))
                break
    return out


def _counts(ctx: Context, p: Position) -> dict[tuple[str, str], Found]:
    """(counted noun and what happens to it, kind of number) -> (the number, the noun's offsets)."""
    span = ctx.span(p.start, p.end)
    out = {}
    for e in ctx.ents_in(span) if span is not None else ():
        if e.label_ not in _FIGURES:
            continue
        root = e.root
        noun = root.head if root.dep_ == "nummod" and root.head.pos_ == "NOUN" else None
        if noun is not None:  # the noun and what happens to it: "40,000 people ... displaced"
            verb = noun.head.lemma_.lower() if noun.head.pos_ == "VERB" else ""
            out[(f"{noun.lemma_.lower()} {verb}", e.label_)] = (e.text, noun.idx, noun.idx + len(noun))
    return out
