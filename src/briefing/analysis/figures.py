"""The figures every section quotes, computed once: counts, the title and the outlet."""

from __future__ import annotations

from collections import Counter

from briefing.analysis.context import Context
from briefing.analysis.outlet import outlet_of
from briefing.analysis.title import title_of
from briefing.model import Dispute, Figure, Link, Sourcing


def find_figures(
    ctx: Context, sourcing: list[Sourcing], disputes: list[Dispute], links: list[Link]
) -> list[Figure]:
    ex, doc = ctx.ex, ctx.doc
    actors = [a for a in ex.actors.counted().actors]
    kinds = Counter(a.kind for a in actors)
    modes = Counter(c.mode for c in ex.claims)
    classes = Counter(s.sourcing for s in sourcing)
    dated = [e for e in ex.events if e.date]
    title = title_of(doc)
    outlet = outlet_of(doc, ex.actors)
    rows = [
        Figure("title", title[0], "title", title[1], title[2]),
        Figure("outlet", outlet[0], f"outlet ({outlet[1]})" if outlet[1] else "outlet", outlet[2], outlet[3]),
        Figure("words", str(len(doc.text.split())), "words"),
        Figure("paragraphs", str(len(doc.paragraphs)), "paragraphs"),
        Figure("sentences", str(len(doc.sentences)), "sentences"),
        Figure("body_sentences", str(len(doc.body_sentences())), "sentences of reporting"),
        Figure("actors", str(len(actors) - kinds["place"]), "actors"),
        Figure("people", str(kinds["person"]), "people"),
        Figure("organisations", str(kinds["organisation"]), "organisations"),
        Figure("states", str(kinds["state"]), "states"),
        Figure("groups", str(kinds["group"]), "groups"),
        Figure("places", str(kinds["place"]), "places"),
        Figure("mentions", str(sum(a.mentions for a in actors if a.kind != "place")), "mentions of actors"),
        Figure("claims", str(len(ex.claims)), "claims"),
        Figure("attributed", str(modes["direct"] + modes["indirect"]), "attributed claims"),
        Figure("direct", str(modes["direct"]), "direct quotes"),
        Figure("indirect", str(modes["indirect"]), "reported statements"),
        Figure("editorial", str(modes["editorial"]), "editorial remarks"),
        Figure("experts", str(len(ex.experts)), "outside experts"),
        Figure("findings", str(len(ex.findings)), "expert findings"),
        Figure("events", str(len(ex.events)), "time expressions"),
        Figure("dated_events", str(len(dated)), "dated events"),
        Figure("planned_events", str(sum(e.tense == "planned" for e in ex.events)), "planned events"),
        Figure("disputes", str(len(disputes)), "points of dispute"),
        Figure("links", str(len(links)), "links between actors"),
    ]
    rows += [
        Figure(f"sourcing_{k}", str(classes[k]), f"{k} claims")
        for k in ("on-record", "anonymous", "second-hand", "official")
    ]
    return rows
