"""Descriptions ("the brokerage", "the company", "the analyst", "the government", "police", "the state
government") go to the most recent fitting actor, or to the body the article is about."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from briefing.actors.context import by_sentence, dominant_state, mentions_sorted, salient, state_counts
from briefing.actors.entity import Ent, name_key
from briefing.actors.resolve import Resolver
from briefing.lexicon.words import (
    PARTY_WORDS,
    ROLE_NOUNS,
)
from briefing.model import Document

_DESCRIPTION = re.compile(
    r"\b(?:[Tt]he\s+(?:(?:former|vice|new|outgoing|incoming|presumptive|top|then)\s+)?|"
    r"(?=[Cc]ompany management))"
    r"(?P<noun>Company|company|firm|brokerage|bank|lender|retailer|party|site|website|group|government|"
    r"administration|analyst|spokesman|spokeswoman|spokesperson|economist|strategist|minister|candidate|"
    r"nominee|senator|governor|congressman|congresswoman|mayor|ambassador|president|chairman|chancellor|"
    r"chief executive|delegation|commission|ministry|council|committee|agency|department|court|union|trust|"
    r"league|regulator|central bank|corporation|university|institute|foundation|club)\b"
    r"(?:\s+management\b)?(?![\s,]+[A-Z])"
)

# Organisation words that refer back only to an organisation with that word in its name
# ("the commission" = the State Election Commission), or to a close synonym
_NAMED_BY_HEAD = {
    "commission": ("commission",),
    "ministry": ("ministry",),
    "council": ("council",),
    "committee": ("committee",),
    "agency": ("agency",),
    "department": ("department",),
    "court": ("court",),
    "union": ("union",),
    "trust": ("trust",),
    "league": ("league",),
    "regulator": ("regulator", "authority", "commission"),
    "central bank": ("bank", "reserve"),
    "corporation": ("corporation", "corp"),
    "university": ("university",),
    "institute": ("institute",),
    "foundation": ("foundation",),
    "club": ("club", " fc", "united", "rovers", "city", "athletic"),
}

_ORG_KIND_HINTS = {
    "brokerage": ("securities", "equities", "capital", "brokerage", "research"),
    "bank": ("bank", "fargo", "morgan", "lender"),
    "party": tuple(PARTY_WORDS),
    "site": (".", "site", "website", "politik"),
    "website": (".", "site", "website"),
}


def descriptions(doc: Document, res: Resolver) -> None:
    ments = mentions_sorted(res)
    starts = [m[0] for m in ments]
    counts = state_counts(res)
    by_sent = by_sentence(doc, res)
    for m in _DESCRIPTION.finditer(doc.text):
        noun = m.group("noun").lower()
        sent = doc.sentence_at(m.start())
        if sent is None or sent.kind == "boilerplate":
            continue
        if any(
            s <= m.start() < t
            for s, t, _ in ments[
                max(0, bisect.bisect_left(starts, m.start()) - 2) : bisect.bisect_left(starts, m.end()) + 1
            ]
        ):
            continue
        if noun in ("government", "administration"):
            target = _government(res, dominant_state(res, counts))
            how = "alias"
        else:
            target = salient(doc, by_sent, sent.id, m.start(), lambda e, n=noun: _fits_description(e, n))
            how = "title" if target is not None and target.kind == "person" else "alias"
        if target is not None:
            target.add(m.start(), m.end(), how)
            by_sent.setdefault(sent.id, []).append((m.start(), target))
            by_sent[sent.id].sort(key=lambda x: x[0])


def the_police(doc: Document, res: Resolver) -> None:
    """ "police said", "according to police": the one police force the article names, wherever it names it."""
    forces = [e for e in res.ents if e.kind == "organisation" and name_key(e.name).endswith("police")]
    if len(forces) != 1:
        return
    taken = {(s, t) for e in res.ents for s, t, _ in e.mentions}
    for m in re.finditer(r"\b(?:[Tt]he\s+)?[Pp]olice\b", doc.text):
        sent = doc.sentence_at(m.start())
        if sent is not None and sent.kind == "body" and not any(s <= m.start() < t for s, t in taken):
            forces[0].add(m.start(), m.end(), "alias")


def state_government(doc: Document, res: Resolver) -> None:
    """ "the Republican-controlled state government": the region (a US state, an Indian state) the article
    is about, when one is named at least twice; else a state government of its own."""
    regions = Counter({e: len(e.mentions) for e in res.ents if e.kind == "place" and e.state and not e.venue})
    top = regions.most_common(2)
    region = top[0][0] if top and top[0][1] >= 2 and (len(top) < 2 or top[0][1] > top[1][1]) else None
    taken = {(s, t) for e in res.ents for s, t, _ in e.mentions}
    for m in re.finditer(r"\b[Tt]he\s+(?:[\w-]+\s+)?state\s+government\b", doc.text):
        sent = doc.sentence_at(m.start())
        if sent is None or sent.kind != "body" or (m.start(), m.end()) in taken:
            continue
        target = (
            region
            or res.by_alias.get(name_key("State government"))
            or res._new("State government", "organisation")
        )
        target.add(m.start(), m.end(), "alias")


def _government(res: Resolver, state: str) -> Ent | None:
    """ "the government": the government of the state the article is mostly about, its own actor."""
    if not state:
        return None
    name = f"Government of {state}"
    gov = res.by_alias.get(name_key(name)) or res._new(name, "organisation")
    gov.state = gov.side = state
    return gov


_ABBREVIATED = {"senator": "sen.", "governor": "gov.", "congressman": "rep.", "congresswoman": "rep."}

_PUBLIC_BODY = frozenset(
    """commission ministry department council committee court parliament assembly senate congress agency
    authority regulator government administration police army union league""".split()
)


def _fits_description(e: Ent, noun: str) -> bool:
    """Whether a description like "the brokerage" or "the analyst" can refer to ``e``."""
    if noun in ROLE_NOUNS or noun == "chief executive":
        role = e.role.lower()
        return e.kind == "person" and (noun in role or _ABBREVIATED.get(noun, "-") in role)
    if e.kind != "organisation" or e.state or noun == "delegation":
        return False
    name = e.name.lower()
    if noun in _NAMED_BY_HEAD:
        return any(h in name for h in _NAMED_BY_HEAD[noun])
    hints = _ORG_KIND_HINTS.get(noun)
    if hints is None:  # company, firm, retailer, lender, group: any organisation but a party, a medium
        words = name.split()  # or a public body ("the company" is never the European Commission)
        public = any(w in _PUBLIC_BODY for w in words)
        return not any(w in PARTY_WORDS for w in words) and e.side != "media" and not public
    return any(h in name or h in e.role.lower() for h in hints)
