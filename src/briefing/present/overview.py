"""00 Bottom line up front: the analysis stage's sentences, and the figures at a glance."""

from __future__ import annotations

from datetime import date

from briefing.io import Bundle
from briefing.present.common import evidence, where
from briefing.present.markup import Html, badge, block, empty, esc, item_ref, join, para, tag

KIND_LABEL = {
    "event": "What happened",
    "position": "Position",
    "outside view": "Outside view",
    "next": "What comes next",
    "sourcing": "Sourcing",
}
REF_KIND = {"C": "claim", "E": "time expression", "D": "dispute"}


def bluf_items(b: Bundle) -> list[Html]:
    """Each sentence of the bottom line, labelled, with links to its evidence."""
    items = []
    for _, r in b.bottom_line.sort_values("line").iterrows():
        label = KIND_LABEL.get(r.kind, r.kind)
        if r.label and r.kind in ("position", "outside view", "sourcing"):
            label = f"{label} · {r.label}"
        refs = [item_ref(x, REF_KIND[x[0]]) for x in str(r.refs).split(";") if x[:1] in REF_KIND]
        links = join([where(b, r.evidence_start), *refs], " ")
        items.append(Html("{} {} {}").format(badge(label, "badge bl-kind"), r.text, links))
    return items


def bluf(b: Bundle) -> Html:
    items = bluf_items(b)
    if not items:
        return empty("The article gives too little to write a bottom line from.")
    return block(
        tag("ul", join(tag("li", i) for i in items), cls="bluf"), para(published_note(b), cls="small")
    )


STATS = (
    ("actors", "actors"),
    ("attributed", "attributed claims"),
    ("disputes", "points of dispute"),
    ("experts", "outside experts"),
    ("dated_events", "dated events"),
    ("sentences", "sentences"),
)


def at_a_glance(b: Bundle) -> Html:
    """The analysis stage's figures, the same every other section quotes."""
    cells = join(
        tag("div", tag("span", b.count(name), cls="stat-n") + tag("span", label, cls="stat-l"), cls="stat")
        for name, label in STATS
    )
    outlet = b.figure("outlet", "not stated")
    how = b.figures[b.figures.name == "outlet"].label.iloc[0] if len(b.figures) else "outlet"
    line = Html("Outlet: {} {}").format(tag("strong", outlet), _outlet_source(how))
    return block(tag("div", cells, cls="glance"), para(line, cls="small"))


def _outlet_source(label: str) -> str:
    return f"({label.split('(', 1)[1]}" if "(" in label else "(the text does not name it)"


# ------------------------------------------------------------------ publication date


def format_date(iso: str) -> str:
    try:
        d = date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return f"{d.day} {d:%B %Y} ({d:%A})"


def published_note(b: Bundle) -> Html:
    """Where the publication date came from: the argument, the text (quoted), or unknown."""
    pub, source = b.meta.get("published"), b.meta.get("published_from", "unknown")
    ev = b.meta.get("published_evidence")
    if not pub:
        return esc(
            "The publication date is unknown: it was not given and the text does not state it, "
            "so relative dates such as “last week” are left unresolved."
        )
    head = Html("Publication date: {}, ").format(tag("strong", format_date(pub)))
    if source == "text" and ev:
        return head + Html("stated in the text: ") + evidence(b, int(ev[0]), 300) + Html(".")
    if source == "argument":
        return head + "given by the analyst when the briefing was run."
    if source == "file":  # a saved page's or document's own metadata
        where = (b.meta.get("origins") or {}).get("published", "")
        return head + "as the file itself records it" + (f" ({where})." if where else ".")
    if source == "review":
        return head + "set in the analyst’s reviewed corrections."
    return head + f"source: {source}."
