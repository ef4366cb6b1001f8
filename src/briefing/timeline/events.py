"""Events: one per time expression in the headline and body, with a short extractive description, the
actors named in its sentence and whether it lies before or after publication."""

from __future__ import annotations

import bisect
import re
from datetime import date
from typing import TYPE_CHECKING

from briefing.model import ActorIndex, Claim, Document, Event, Mention, Sentence
from briefing.timeline.dates import day_bounds
from briefing.timeline.find import find_time_expressions
from briefing.timeline.tense import clause_bounds

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

_CLAUSE = re.compile(r"[;:]\s|\s[–—]\s|,\s+(?:but|while|whereas|although|though|which|who)\b")
_MAX_WORDS = 22


def describe(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """A short extractive description: the clause holding the expression, trimmed to a few words."""
    a, b = clause_bounds(text, lo, hi, start, end, _CLAUSE)
    clause = text[a:b].strip(' ,;:–—"“”')
    if len(clause.split()) < 4:
        clause = text[lo:hi].strip()
    words = clause.split()
    if len(words) > _MAX_WORDS:
        clause = " ".join(words[:_MAX_WORDS]) + " …"
    return re.sub(r"\s+", " ", clause)


def _actor_ids(mentions: list[Mention], starts: list[int], lo: int, hi: int) -> tuple[str, ...]:
    ids: list[str] = []
    for m in mentions[bisect.bisect_left(starts, lo) :]:
        if m.start >= hi:
            break
        if m.end <= hi and m.actor_id not in ids:
            ids.append(m.actor_id)
    return tuple(ids)


def event_tense(value: str, published: date | None, clause: str) -> str:
    """planned when the whole period lies after publication, past when before, else the clause's tense."""
    bounds = day_bounds(value) if published else None
    if bounds and published and bounds[0] > published:
        return "planned"
    if bounds and published and bounds[1] < published:
        return "past"
    return clause or "past"


def find_events(
    doc: Document, actors: ActorIndex, claims: list[Claim], *, parsed: SpacyDoc | None = None
) -> list[Event]:
    """One Event per time expression in headline and body text, with its sentence as evidence.
    ``parsed`` is the document's parse (``briefing.nlp.parse``); with it the verb governing a weekday or
    a month places it, without it the nearest tense word does."""
    usable = [s for s in doc.sentences if s.kind in ("headline", "body", "byline")]
    bounds = [(s.start, s.end) for s in usable]
    mentions = sorted(actors.mentions, key=lambda m: m.start)
    mstarts = [m.start for m in mentions]
    events: list[Event] = []
    for expr in find_time_expressions(doc.text, doc.published, bounds, parsed):
        sent: Sentence | None = doc.sentence_at(expr.start)
        if sent is None or sent.kind == "boilerplate":
            continue
        events.append(
            Event(
                id=f"E{len(events) + 1}",
                date_text=expr.text,
                start=expr.start,
                end=expr.end,
                date=expr.date,
                precision=expr.precision,
                description=describe(doc.text, sent.start, sent.end, expr.start, expr.end),
                actor_ids=_actor_ids(mentions, mstarts, sent.start, sent.end),
                sentence_id=sent.id,
                tense=event_tense(expr.date, doc.published, expr.tense),
            )
        )
    return events
