"""Candidates that the layout of news text decides, whatever their words.

- A dateline ("GENEVA (Reuters) -", "JEFFERSON CITY, Mo. (AP) —", "NASHIK:") is the place the story was
  filed from: a place, never an organisation, and not the state a capital stands for elsewhere.
- A quotation in title case (CNN's “State of the Union”, “Miss Universe”) is the title of a work, a show
  or a slogan: the uncertain names inside it are no actors.
- A university's campus after a comma ("University of California, San Francisco") is part of its name.
- A place's name before a local body written in lower case ("the Malegaon municipal corporation", "Leeds
  city council", "Nashik police") names that body, an organisation.
"""

from __future__ import annotations

import re

from briefing.actors.cand import Cand
from briefing.lexicon.words import fold, place_table
from briefing.model import Document

_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?=(?:,[^\n]{0,30}?)?\s*(?:\(|:|—|–|--|-\s))"
)
_QUOTED = re.compile(r"[“\"](?P<q>[^“”\"\n]{3,80})[”\"]")
_SMALL = frozenset("a an the of to in on at for and or but by with is are be as from".split())
_CAMPUS_HEADS = ("university", "college", "institute of technology")


def datelines(doc: Document) -> list[Cand]:
    """One place per paragraph that opens with a dateline."""
    out = []
    for p in doc.paragraphs:
        m = _DATELINE.match(doc.text, p.start)
        if not m or m.end("place") - p.start < 3:
            continue
        name = m.group("place").strip(" .")
        if sum(ch.isalpha() for ch in name) < 3:
            continue
        entry = place_table().get(fold(name))
        canon = entry.surface if entry is not None and entry.kind == "place" else name.title()
        if entry is not None and entry.how == "metonym":
            canon = entry.surface  # "WASHINGTON (AP)": the city, not the United States
        c = Cand(p.start, p.start + len(name), doc.text[p.start : p.start + len(name)], "place", venue=True)
        c.canon, c.state = canon, entry.state if entry is not None else ""
        out.append(c)
    return out


def with_datelines(doc: Document, cands: list[Cand]) -> list[Cand]:
    """Candidates inside a dateline give way to the dateline's place."""
    lines = datelines(doc)
    keep = [c for c in cands if not any(d.start <= c.start < d.end for d in lines)]
    return sorted(keep + lines, key=lambda c: c.start)


def outside_titles(doc: Document, cands: list[Cand]) -> list[Cand]:
    """Uncertain candidates (one word, a shape-only name) inside a title-cased quotation, the title of a
    work, a show or a slogan, are dropped; names the rules are sure of stay ("reverted to the name “CCHQ
    Press”")."""
    spans = [(m.start("q"), m.end("q")) for m in _QUOTED.finditer(doc.text) if _title_case(m.group("q"))]
    return [c for c in cands if not (_unsure(c) and any(s <= c.start and c.end <= e for s, e in spans))]


def _unsure(c: Cand) -> bool:
    return c.weak or c.kind == "single" or (c.kind == "person" and " " not in c.text)


def _title_case(quote: str) -> bool:
    words = [w.strip(",.;:!?") for w in quote.split()]
    content = [w for w in words if w and w.lower() not in _SMALL]
    return 2 <= len(words) <= 8 and len(content) >= 2 and all(w[:1].isupper() for w in content)


LOCAL_BODY = re.compile(
    r"\s+(?:(?:municipal|city|district|county|state|regional|provincial|town|village|metropolitan)\s+)?"
    r"(?:corporation|council|municipality|police|administration|assembly|authority)\b"
)


def with_local_bodies(doc: Document, cands: list[Cand]) -> list[Cand]:
    """ "the Malegaon municipal corporation": a place's name and a lower-case body are one organisation."""
    out = []
    for c in cands:
        m = LOCAL_BODY.match(doc.text, c.end)
        if m and c.kind in ("place", "single") and not c.venue and " " not in c.text.strip():
            out.append(
                Cand(c.start, m.end(), doc.text[c.start : m.end()], "organisation", known_only=c.known_only)
            )
        else:
            out.append(c)
    return out


def with_campuses(doc: Document, cands: list[Cand]) -> list[Cand]:
    """ "University of California, San Francisco": the campus after the comma belongs to the name."""
    out: list[Cand] = []
    skip: set[int] = set()
    for i, c in enumerate(cands):
        if i in skip:
            continue
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if (
            nxt is not None
            and c.kind == "organisation"
            and any(h in c.text.lower() for h in _CAMPUS_HEADS)
            and doc.text[c.end : nxt.start] == ", "
            and len(nxt.text.split()) <= 3
            and nxt.kind in ("place", "state", "single")
            and re.match(r"[,;.)]|\s+(?:who|which|and|said)\b", doc.text[nxt.end : nxt.end + 8])
        ):
            merged = Cand(
                c.start, nxt.end, doc.text[c.start : nxt.end], "organisation", known_only=c.known_only
            )
            out.append(merged)
            skip.add(i + 1)
            continue
        out.append(c)
    return out
