"""Expert versus parties: each expert finding beside the party position on the same matter.

A finding meets a position when both name the same matter (shared matter keys) or when the finding
speaks of the party itself and the position is one of its acts. The relation is "qualifies" when the
expert doubts or negates what the party's statement asserts, else "bears on": a pointer for the
analyst, not a verdict.
"""

from __future__ import annotations

from briefing.analysis.context import Context
from briefing.analysis.matters import matter_of
from briefing.analysis.positions import polarity
from briefing.analysis.words import STRONG_ACTS
from briefing.model import Contrast, Position

MAX_FINDINGS, PER_KEY = 400, 60  # a wire dump's thousands of findings need not all be set against all


def find_contrasts(ctx: Context, positions: list[Position], limit: int = 8) -> list[Contrast]:
    parties = [p for p in positions if p.role == "party"]
    by_key: dict[str, list[Position]] = {}
    by_side: dict[str, list[Position]] = {}
    for p in parties:
        for k in p.keys:
            by_key.setdefault(k, []).append(p)
        if p.act in STRONG_ACTS:
            by_side.setdefault(p.side, []).append(p)
    best: dict[str, tuple[int, Contrast]] = {}
    for f in ctx.ex.findings[:MAX_FINDINGS]:
        keys = set(matter_of(ctx, f.start, f.end).keys)
        about = {ctx.side(m.actor_id) for m in ctx.mentions_in(f.start, f.end)}
        near = {p.id: p for k in keys for p in by_key.get(k, ())[:PER_KEY]}
        near |= {p.id: p for side in about for p in by_side.get(side, ())[:PER_KEY]}
        scored = []
        for p in near.values():
            shared = keys & set(p.keys)
            on_party = p.side in about and p.act in STRONG_ACTS
            score = 2 * len(shared) + on_party
            if shared or on_party:
                scored.append((score, -p.start, p, sorted(shared)))
        if not scored:
            continue
        score, _, p, shared = max(scored, key=lambda s: (s[0], s[1]))
        negated = bool(f.caveat) or polarity(ctx, f.start, f.end) != p.polarity
        row = Contrast(
            f.expert_id,
            ctx.name(f.expert_id),
            f.text,
            f.start,
            f.end,
            p.actor_id,
            p.actor,
            p.id,
            p.claim_id,
            p.text,
            p.start,
            p.end,
            ", ".join(shared) if shared else p.matter,
            "qualifies" if negated else "bears on",
        )
        if p.id not in best or score > best[p.id][0]:
            best[p.id] = (score, row)
    ranked = sorted(best.values(), key=lambda x: (-x[0], x[1].start))
    return [row for _, row in ranked[:limit]]
