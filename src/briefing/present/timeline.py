"""04 Timeline: every time expression, resolved (the dates are formatted here only).

The helpers show the events they are given in their order; the notebook sorts them (by date, then by
place in the text, unless the analyst changes it) and chooses which to show."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd

from briefing.io import Bundle
from briefing.present.common import actor_names
from briefing.present.markup import (
    Html,
    block,
    empty,
    item_ref,
    note,
    plural,
    quote,
    sent_ref,
    shorten,
    table,
    tag,
)


def date_range(value: str) -> tuple[date, date] | None:
    """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``A/B`` as first and last day; None when unresolved."""
    value = str(value or "").strip()
    if not value:
        return None
    if "/" in value:
        a, z = (date_range(p) for p in value.split("/", 1))
        return (a[0], z[1]) if a and z else None
    try:
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            y, m = map(int, value.split("-"))
            last = (date(y + (m == 12), m % 12 + 1, 1) - date(y, m, 1)).days
            return date(y, m, 1), date(y, m, last)
        d = date.fromisoformat(value)
        return d, d
    except ValueError:
        return None


def human_date(value: str) -> str:
    r = date_range(value)
    if r is None:
        return "unresolved"
    a, z = r
    if a == z:
        return f"{a.day} {a:%b %Y}"
    if re.fullmatch(r"\d{4}", str(value)):
        return str(value)
    if re.fullmatch(r"\d{4}-\d{2}", str(value)):
        return f"{a:%B %Y}"
    if a.day == 1 and (z + timedelta(days=1)).day == 1:  # whole months
        return f"{a:%b}–{z:%b %Y}" if a.year == z.year else f"{a:%b %Y} – {z:%b %Y}"
    return f"{a.day} {a:%b %Y} – {z.day} {z:%b %Y}"


def first_day(value: str) -> date | None:
    """The first day a resolved date covers (``2025-03`` -> 1 March 2025); None when unresolved."""
    r = date_range(value)
    return r[0] if r else None


def span(events: pd.DataFrame) -> tuple[str, str]:
    """The earliest and the latest of the resolved dates of ``events``, as a reader writes them."""
    pairs = zip(events.date, events.start, strict=False)
    keyed = sorted((r[0], int(s), str(d)) for d, s in pairs if (r := date_range(d)))
    return (human_date(keyed[0][2]), human_date(keyed[-1][2])) if keyed else ("", "")


def timeline_table(b: Bundle, events: pd.DataFrame | None = None) -> Html:
    """One row per time expression of ``events``, in its order."""
    e = b.events if events is None else events
    if not len(e):
        return empty("No time expressions were found in this article.")
    names = actor_names(b)
    rows = []
    for _, r in e.iterrows():
        who = ", ".join(names.get(a, a) for a in str(r.actor_ids).split(";") if a)
        when = (
            tag("span", human_date(r.date), cls="nowrap")
            + Html(" ")
            + item_ref(r.event_id, "time expression")
        )
        rows.append(
            [when, quote(r.date_text, 60), shorten(r.description, 110), who, r.tense, sent_ref(r.sentence_id)]
        )
    return block(
        table(["Date", "As written", "What happens", "Who", "Status", "Where"], rows, cls="timeline")
    )


def timeline_note(b: Bundle, events: pd.DataFrame | None = None) -> Html:
    """The article's counts (the analysis figures) and the dates ``events`` run from and to."""
    e = b.events if events is None else events
    if not len(e):
        return note("The article gives no dates or time expressions.")
    text = plural(b.count("events"), "time expression")
    first, last = span(e)
    if first:
        text += f", {b.count('dated_events')} resolved, from {first} to {last}"
    planned = b.count("planned_events")
    if planned:
        text += f"; {planned} planned or expected"
    unresolved = b.count("events") - b.count("dated_events")
    if unresolved:
        why = "" if b.meta.get("published") else " because the publication date is unknown"
        text += f"; {unresolved} could not be placed on a date{why}"
    return note(text + ".")
