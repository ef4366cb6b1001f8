"""Sides (whose camp an actor is in), experts, and groups: membership ("Also included in the
delegation are X, Y and Z") and stated absence."""

from __future__ import annotations

import bisect
import re

from briefing.actors.entity import Ent, name_key
from briefing.actors.resolve import Resolver
from briefing.actors.titles import role_state, state_of
from briefing.lexicon.words import (
    EXPERT_NOUNS,
    MEDIA_TAILS,
    NEWS_AGENCIES,
    PARTY_WORDS,
    fold,
)
from briefing.model import Document

_EXPERT_ORG_TAILS = (
    "securities",
    "equities",
    "research",
    "institute",
    "center",
    "centre",
    "foundation",
    "university",
    "college",
    "school",
    "capital",
    "advisors",
    "advisers",
    "economics",
)

_GROUP = re.compile(
    r"\b(?:[Tt]he\s+)(?P<label>(?:(?P<adj>[A-Z][\w-]+)\s+)?"
    r"(?P<noun>delegation|negotiating team|"
    r"cabinet|panel|coalition|board))\b"
)

_MEMBERS = re.compile(
    r"\b(?:included in|members of|part of|joining|join|joined)\s+the\s+(?P<noun>\w+)|"
    r"\b(?P<noun2>delegation|team|cabinet|panel|board)\s+(?:includes|include|included|"
    r"comprises|comprised|will include|is made up of)\b"
)

_LED_BY = re.compile(
    r"\b(?P<noun>delegation|team|panel|board)\s+(?:\w+\s+){0,3}(?:led|headed|chaired)\s+by\b"
)

_ABSENT = re.compile(
    r"\bnot\s+(?:be\s+)?(?:sending|send|include|including|included|attending|attend|join|"
    r"joining|part of)\b"
)


def describe_sides(doc: Document, res: Resolver) -> None:
    told = {m.end() for m in re.finditer(r"\b(?:told|reported by|interview with)\s+(?:the\s+)?", doc.text)}
    for e in res.ents:
        if e.kind == "organisation":
            _org_side(e)
            looks_media = e.name.isupper() or any(w in MEDIA_TAILS for w in e.name.lower().split())
            interviewer = looks_media and any(
                s in told for s, _, _ in e.mentions
            )  # "told the BBC", not "MPs"
            if e.side == "unknown" and (fold(e.name) in NEWS_AGENCIES or interviewer):
                e.side = "media"
    spans = sorted(
        (
            (s, o)
            for o in res.ents
            if o.kind in ("organisation", "state")
            for s, _, _ in o.mentions
            if doc.text[s].isupper()
        ),
        key=lambda x: x[0],
    )
    starts = [s for s, _ in spans]
    for e in res.ents:
        if e.kind == "person":
            _person_side(doc, res, e, spans, starts)
    _groups(doc, res)


def _org_side(e: Ent) -> None:
    words = e.name.lower().split()
    home = state_of(e.name.split()[0]) if len(words) >= 2 and words[-1] in _GOVERNMENT_TAILS else ""
    if e.state:
        e.side = e.state
    elif home:  # "U.S. Commerce Department", "Russian Defence Ministry"
        e.side = home
    elif any(w in PARTY_WORDS for w in words):
        e.side = e.name
    elif words and (words[-1] in MEDIA_TAILS or ("." in e.name and e.name.split(".")[-1] in ("com", "net"))):
        e.side = "media"
    elif words and words[-1] in _EXPERT_ORG_TAILS:
        e.side, e.expert = "expert", True


_GOVERNMENT_TAILS = set(
    "department ministry office agency army navy government embassy parliament police forces military "
    "administration council cabinet".split()
)

_US_PARTY = {"D": "Democratic Party", "R": "Republican Party", "I": "independent"}


def _person_side(
    doc: Document, res: Resolver, e: Ent, spans: list[tuple[int, Ent]], starts: list[int]
) -> None:
    for _, t, how in e.mentions:  # "Jim Clyburn (D-S.C.)": the US convention for party and state
        m = re.match(r"\s*\(\s*([DRI])\s*-", doc.text[t : t + 8]) if how == "name" else None
        if m:
            e.side = e.affiliation = _US_PARTY[m.group(1)]
            break
    of_org = _of_organisation(doc, e, spans, starts)
    if of_org is not None:  # "Robert Habeck of the Greens"
        e.affiliation = e.affiliation or of_org.name
        if e.side == "unknown" and of_org.side != "unknown":
            e.side = of_org.side
    if not e.role_evidence:
        return
    s, t = e.role_evidence
    inside = list(
        {id(o): o for _, o in spans[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, t)]}.values()
    )
    org = next((o for o in inside if o.kind == "organisation"), None)
    st = role_state(doc, res, e)
    e.affiliation = (org.name if org else st) or e.affiliation
    role_words = {w.strip(",.").lower() for w in e.role.split()}
    if (
        role_words & EXPERT_NOUNS
        or re.search(
            r"research|fact-?check|think[- ]tank|poll(?:ster|ing)|scientist|\w{4,}olog(?:ist|er)\b",
            e.role.lower(),
        )
        or (org is not None and org.expert)
    ):
        e.expert, e.side = True, "expert"
        for o in inside:
            if o.kind == "organisation" and o.side == "unknown":
                o.side, o.expert = "expert", True
    elif e.side != "unknown":
        return
    elif org is not None and org.side != "unknown":
        e.side = org.side
    elif st:
        e.side = st


def _of_organisation(doc: Document, e: Ent, spans: list[tuple[int, Ent]], starts: list[int]) -> Ent | None:
    for _, t, how in e.mentions:
        m = re.match(r"\s+(?:of|from)\s+(?:the\s+)?", doc.text[t : t + 12]) if how == "name" else None
        if m:
            i = bisect.bisect_left(starts, t + m.end())
            if i < len(spans) and spans[i][0] == t + m.end() and spans[i][1].kind == "organisation":
                return spans[i][1]
    return None


def _groups(doc: Document, res: Resolver) -> None:
    labels: dict[str, Ent] = {}  # group noun -> group actor
    for m in _GROUP.finditer(doc.text):
        noun, adj = m.group("noun"), m.group("adj")
        state = state_of(adj) if adj else ""
        if noun in labels and not state:
            labels[noun].add(m.start(), m.end(), "alias")
            continue
        if not state:
            continue
        g = res.by_alias.get(name_key(m.group("label"))) or res._new(m.group("label"), "group")
        g.side = state
        g.add(m.start(), m.end(), "name")
        labels[noun] = g
    people = [e for e in res.ents if e.kind == "person"]
    for sent in doc.body_sentences():
        text = doc.text[sent.start : sent.end]
        matched = False
        for rx, note in ((_LED_BY, "led"), (_MEMBERS, "member"), (_ABSENT, "absent")):
            m = rx.search(text)
            if not m or (matched and note == "absent"):
                continue
            matched = True
            noun = (m.groupdict().get("noun") or m.groupdict().get("noun2") or "").lower()
            group = labels.get(noun) or (next(iter(labels.values())) if labels else None)
            after = sent.start + m.end()
            members = [
                p
                for p in people
                if any(after <= s < sent.end and h in ("name", "typo") for s, _, h in p.mentions)
            ]
            if note == "led":
                members = sorted(members, key=lambda p: min(s for s, _, _ in p.mentions if s >= after))[:1]
            for p in members:
                label = group.name if group else noun
                if note == "absent":
                    p.notes = f"not in {label}" if group else "stated absent"
                else:
                    p.group = label
                    if note == "led" and "head" not in p.role.lower():
                        p.notes = f"leads the {label}"
                if group is not None and p.side == "unknown" and note != "absent":
                    p.side = group.side
