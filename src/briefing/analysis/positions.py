"""Positions: every attributed claim and every act the text reports, with its act and its matter."""

from __future__ import annotations

from briefing.analysis.acts import act_of_claim, reported_acts
from briefing.analysis.context import Context
from briefing.analysis.matters import matter_of
from briefing.model import Position

OBJECT_ACTS = frozenset({"demand", "refusal", "proposal", "promise", "acceptance"})
_NEGATION = frozenset({"not", "n't", "never", "no", "nothing", "neither", "nor"})


def find_positions(ctx: Context) -> list[Position]:
    """Positions in reading order: claims of speakers, then acts reported of parties, merged by offset."""
    rows = [_from_claim(ctx, c) for c in ctx.attributed()]
    rows += [_from_act(ctx, r) for r in reported_acts(ctx)]
    rows.sort(key=lambda p: (p.start, p.end))
    return [_numbered(p, i) for i, p in enumerate(rows, 1)]


def _numbered(p: Position, i: int) -> Position:
    from dataclasses import replace

    return replace(p, id=f"P{i}")


def _from_claim(ctx: Context, c) -> Position:
    act = act_of_claim(ctx, c)
    m = matter_of(ctx, c.start, c.end, prefer_object=act.act in OBJECT_ACTS)
    return Position(
        "",
        c.id,
        c.speaker_id,
        ctx.name(c.speaker_id) or c.speaker,
        act.act,
        c.text,
        c.start,
        c.end,
        act.start,
        act.end,
        m.label,
        m.start,
        m.end,
        m.keys,
        ctx.role(c.speaker_id),
        ctx.side(c.speaker_id) if c.speaker_id else f"?{c.speaker}",
        polarity(ctx, c.start, c.end),
    )


def _from_act(ctx: Context, r) -> Position:
    m = matter_of(ctx, r.verb_end, r.end, prefer_object=True)
    return Position(
        "",
        "",
        r.actor_id,
        ctx.name(r.actor_id),
        r.act,
        ctx.doc.text[r.start : r.end],
        r.start,
        r.end,
        r.verb_start,
        r.verb_end,
        m.label,
        m.start,
        m.end,
        m.keys,
        ctx.role(r.actor_id),
        ctx.side(r.actor_id),
        "+",
    )


def polarity(ctx: Context, start: int, end: int) -> str:
    """ "-" when the main verb of the proposition is negated ("it won't recognise ...")."""
    span = ctx.clause(start, end)
    if span is None:
        return "+"
    from briefing.analysis.acts import top_verbs

    heads = top_verbs(span)
    verbs = [*heads, *(c for v in heads for c in v.children if c.dep_ in ("ccomp", "xcomp"))]
    negated = any(c.dep_ == "neg" or c.lower_ in _NEGATION for v in verbs for c in v.children)
    return "-" if negated else "+"
