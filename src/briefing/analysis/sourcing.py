"""Sourcing: how each claim is sourced, which sources the text marks, what corroborates or contests.

A claim is ``anonymous`` when nobody is named ("sources said", "officials are understood to",
"economists said"), ``second-hand`` when relayed from another outlet or a report ("told the BBC",
"according to a report by ..."), ``official`` when it rests on a statement or document or on an
institution speaking as such ("said in a statement", "the ministry said"), else ``on-record``: a named
person. The words that decide are kept as evidence. Patterns: ``lexicon/sourcing.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.analysis import words
from briefing.analysis.context import Context
from briefing.analysis.outlet import outlet_names
from briefing.commentary.credentials import descriptions
from briefing.lexicon import lists
from briefing.model import Claim, Dispute, Position, SourceFlag, Sourcing

CLASSES = ("on-record", "anonymous", "second-hand", "official")


def classify(ctx: Context, claim: Claim, outlet: str) -> Sourcing:
    """The sourcing class of one attributed claim with its evidence."""
    sent = ctx.doc.sentence_at(claim.cue_start if claim.cue_start >= 0 else claim.start)
    a, b = (sent.start, sent.end) if sent else (claim.start, claim.end)
    for kind, found in (
        ("anonymous", _anonymous(ctx, claim, a, b)),
        ("second-hand", _second_hand(ctx, a, b, outlet)),
        ("official", _official(ctx, claim, a, b)),
    ):
        if found:
            return Sourcing(claim.id, kind, found[0], found[1], ctx.doc.text[found[0] : found[1]])
    cue = (claim.cue_start, claim.cue_end) if claim.cue_start >= 0 else (claim.start, claim.end)
    return Sourcing(claim.id, "on-record", cue[0], cue[1], ctx.name(claim.speaker_id) or claim.speaker)


def _search(patterns, text: str, a: int, b: int, skip: tuple[int, int] = (-1, -1)) -> tuple[int, int] | None:
    for rx in patterns:
        for m in rx.finditer(text, a, b):
            if not (skip[0] <= m.start() < skip[1]):
                return m.start(), m.end()
    return None


def _anonymous(ctx: Context, claim: Claim, a: int, b: int) -> tuple[int, int] | None:
    found = _search(words.sourcing_patterns("anonymous"), ctx.doc.text, a, b)
    if found:
        return found
    unnamed = set(lists.words("sourcing", "unnamed_speakers"))
    surface = (claim.speaker_surface or claim.speaker).strip().lower()
    if surface.split()[-1:] and surface.split()[-1] in unnamed and claim.cue_start >= 0:
        at = ctx.doc.text[a:b].lower().rfind(surface)
        return (a + at, a + at + len(surface)) if at >= 0 else (claim.cue_start, claim.cue_end)
    return None


def _second_hand(ctx: Context, a: int, b: int, outlet: str) -> tuple[int, int] | None:
    names = outlet_names(outlet, ctx.ex.actors)
    kinds = "|".join(re.escape(w.title()) for w in _outlet_words())
    others = [re.escape(n) for n in names] + [rf"[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*\s+(?:{kinds})"]
    outlets = "(?-i:" + "|".join(others) + ")"  # a name keeps its capitals: "a news conference" is none
    found = _search(words.sourcing_patterns("second_hand", outlets), ctx.doc.text, a, b)
    if found and outlet and outlet.lower() in ctx.doc.text[found[0] : found[1]].lower():
        return None  # "told Reuters" in a Reuters story is first-hand
    return found


def _outlet_words() -> list[str]:
    return [w for w in lists.words("sourcing", "outlet_words") if len(w) > 3]


def _official(ctx: Context, claim: Claim, a: int, b: int) -> tuple[int, int] | None:
    found = _search(words.sourcing_patterns("official"), ctx.doc.text, a, b, (claim.start, claim.end))
    if found:
        return found
    actor = ctx.actors.get(claim.speaker_id)
    institutional = actor is not None and actor.kind in ("organisation", "state", "group")
    if institutional and ctx.role(claim.speaker_id) == "party" and claim.cue_start >= 0:
        m = ctx.mention_in_sentence(claim.speaker_id, a, b)
        return m or (claim.cue_start, claim.cue_end)
    return None


# ------------------------------------------------------------------ marks the text puts on sources


def source_flags(ctx: Context, disputes: list[Dispute]) -> list[SourceFlag]:
    """Speakers the text marks as state-run or partisan, and the parties to the article's disputes."""
    speakers = list(dict.fromkeys(c.speaker_id for c in ctx.attributed() if c.speaker_id))
    out: list[SourceFlag] = []
    for actor_id in speakers:
        actor = ctx.actors.get(actor_id)
        if actor is None:
            continue
        texts = descriptions(ctx.doc, actor, ctx.by_actor.get(actor_id, []))
        first = next(iter(ctx.by_actor.get(actor_id, [])), None)
        if first is not None:
            texts.append((first.surface, first.start, first.end))
        seen = set()
        for flag, rx in words.flag_patterns():
            for text, a, _ in texts:
                m = rx.search(text)
                if m and flag not in seen:
                    seen.add(flag)
                    out.append(SourceFlag(actor_id, actor.name, flag, a + m.start(), a + m.end(), m.group()))
    sides = {s for d in disputes for s in (ctx.side(d.a_actor_id), ctx.side(d.b_actor_id))}
    for actor_id in speakers:
        side = ctx.side(actor_id)
        if side not in sides or ctx.role(actor_id) != "party":
            continue
        d = next(d for d in disputes if side in (ctx.side(d.a_actor_id), ctx.side(d.b_actor_id)))
        a, b = (d.a_start, d.a_end) if ctx.side(d.a_actor_id) == side else (d.b_start, d.b_end)
        out.append(SourceFlag(actor_id, ctx.name(actor_id), "party to the conflict", a, b, d.matter))
    return out


# ------------------------------------------------------------------ the table


def find_sourcing(
    ctx: Context, positions: list[Position], disputes: list[Dispute], flags: list[SourceFlag], outlet: str
) -> list[Sourcing]:
    """Every attributed claim's sourcing, flags, and for anonymous or second-hand claims what else in the
    article corroborates or contests them."""
    by_claim = {p.claim_id: p for p in positions if p.claim_id}
    keyed = _by_key(positions)
    by_actor: dict[str, list[SourceFlag]] = {}
    for f in flags:
        by_actor.setdefault(f.actor_id, []).append(f)
    out = []
    for c in ctx.attributed():
        row = classify(ctx, c, outlet)
        marks = by_actor.get(c.speaker_id, [])
        if marks:
            row = replace(
                row,
                flags=tuple(dict.fromkeys(f.flag for f in marks)),
                flag_evidence_start=marks[0].evidence_start,
                flag_evidence_end=marks[0].evidence_end,
            )
        if row.sourcing in ("anonymous", "second-hand"):
            pro, con, near = _related(by_claim.get(c.id), keyed, disputes)
            row = replace(row, single=True, corroborated_by=pro, contested_by=con, related=near)
        out.append(row)
    return out


def _related(
    p: Position | None, by_key: dict[str, list[Position]], disputes: list[Dispute]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Claims of other speakers that contest (a dispute, an opposed act on the matter), corroborate (most
    of the same matter, same polarity) or only touch the same matter as ``p``."""
    if p is None:
        return (), (), ()
    contested = [
        d.b_claim_id if d.a_position == p.id else d.a_claim_id
        for d in disputes
        if p.id in (d.a_position, d.b_position)
    ]
    corroborated, near = [], []
    sharing = {q.id: q for k in p.keys for q in by_key.get(k, ())}
    for q in sharing.values():
        if q.id == p.id or not q.claim_id or q.actor_id == p.actor_id:
            continue
        shared = set(p.keys) & set(q.keys)
        opposed = (p.act, q.act) in words.opposed() or (q.act, p.act) in words.opposed()
        most = len(shared) >= 3 and len(shared) * 5 >= 3 * max(len(p.keys), len(q.keys))
        if len(shared) >= 2 and opposed:
            contested.append(q.claim_id)
        elif most and q.polarity == p.polarity:
            corroborated.append(q.claim_id)
        elif len(shared) >= 2:
            near.append(q.claim_id)
    return _ids(corroborated), _ids(contested), _ids(near)


def _by_key(positions: list[Position]) -> dict[str, list[Position]]:
    """Positions by matter key."""
    out: dict[str, list[Position]] = {}
    for q in positions:
        for k in q.keys:
            out.setdefault(k, []).append(q)
    return out


def _ids(ids: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for x in ids if x))
