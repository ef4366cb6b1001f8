"""Offices and the bodies of states: leader titles ("the Russian leader", "Ukraine's President") go to
the person the text gives that office, or to the one person whose sentences clearly go with that state;
an unnamed head of government, an unnamed officer of a named organisation ("the chairman of the
Conservative Party"), a state's body named through its state ("Egypt's foreign ministry")."""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from briefing.actors.context import dominant_state, state_counts
from briefing.actors.entity import TYPO_RATIO, Ent, name_key
from briefing.actors.resolve import Resolver
from briefing.lexicon.words import (
    LEADER_TITLES,
    demonym_table,
    fold,
    place_table,
)
from briefing.model import Document

_TITLE_WORDS = (
    r"(?:[Pp]resident|[Ll]eader|[Pp]rime [Mm]inister|[Pp]remier|[Cc]hancellor|[Kk]ing|[Qq]ueen|"
    r"[Mm]onarch)"
)

_DEMONYM_TITLE = re.compile(
    rf"\b(?:[Tt]he\s+)(?P<who>[A-Z][\w-]+)\s+(?P<title>{_TITLE_WORDS})\b(?!\s*,?\s+[A-Z])"
)

_POSSESSIVE_TITLE = re.compile(
    rf"\b(?P<who>[A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?)[’']s\s+(?P<title>{_TITLE_WORDS})\b(?!\s*,?\s+[A-Z])"
)

# "Egypt's foreign ministry", "Russia's defence ministry", "China's central bank": a state's body that
# the text names only through its state
_STATE_BODY = re.compile(
    r"\b(?P<state>[A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?)[’']s\s+(?P<body>(?:(?:foreign|defen[cs]e|finance|interior|"
    r"health|economy|economic|trade|justice|irrigation|energy|environment|education|agriculture|water|"
    r"transport|culture|labou?r|industry|home|information|commerce|emergencies|emergency|"
    r"situations)\s+)?(?:ministry|military|army|armed\s+forces|navy|air\s+force|central\s+bank|embassy|"
    r"cabinet|presidency|foreign\s+office|state\s+media|electoral\s+commission|supreme\s+court))\b"
    # the body ends the noun phrase: not "Russia's military intelligence agency"
    r"(?!\s+(?!(?:and|or|but|said|says|has|had|have|is|was|were|are|will|would|could|on|in|at|to|of|for|"
    r"that|which|who|spokesman|spokeswoman|spokesperson)\b)[a-z]{3,}\b)"
)


def state_bodies(doc: Document, res: Resolver) -> None:
    """One organisation per state body named through its state, with that state as its side."""
    for m in _STATE_BODY.finditer(doc.text):
        state = state_of(m.group("state"))
        sent = doc.sentence_at(m.start())
        if not state or sent is None or sent.kind not in ("body", "headline"):
            continue
        name = f"{state}’s {' '.join(m.group('body').lower().split())}"
        e = res.by_alias.get(name_key(name)) or res._new(name, "organisation")
        e.state = e.side = state
        e.add(m.start(), m.end(), "name")
        res._alias(e, m.group())


_ROLE_OF = re.compile(
    r"\b[Tt]he\s+(?P<role>chairman|chairwoman|chair|leader|head|chief executive|spokesman|spokeswoman|"
    r"spokesperson|president|director|founder|secretary|general secretary|treasurer|governor)\s+of\s+"
    r"(?:the\s+)?(?P<org>[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,4})"
)


def unnamed_officers(doc: Document, res: Resolver) -> None:
    """ "The chairman of the Conservative Party described ...": a person the text does not name.

    Only when no named person's role already says it, and the organisation is an actor."""
    for m in _ROLE_OF.finditer(doc.text):
        org = res.by_alias.get(name_key(m.group("org")))
        sent = doc.sentence_at(m.start())
        if org is None or org.kind != "organisation" or sent is None or sent.kind != "body":
            continue
        role = m.group("role")
        holder = next(
            (
                p
                for p in res.ents
                if p.kind == "person" and role in p.role.lower() and org.name.lower() in p.role.lower()
            ),
            None,
        )
        if holder is None:
            name = f"{role[0].upper()}{role[1:]} of {'the ' if 'the ' in m.group(0) else ''}{org.name}"
            holder = res.by_alias.get(name_key(name)) or res._new(name, "person")
            holder.role, holder.role_evidence, holder.affiliation = name, (m.start(), m.end()), org.name
        holder.add(m.start(), m.end(), "title")


# "the prime minister" with no name: an office of government only (a president or a chancellor may head a
# company, a university or a club)
_HEAD_OF_GOVERNMENT = re.compile(
    r"\b[Tt]he\s+(?P<office>prime minister|premier)\b(?!\s*,?\s+[A-Z])(?!\s+of\b)"
)


def head_of_government(doc: Document, res: Resolver) -> None:
    """ "Downing Street said the prime minister had full confidence": the named holder of the office, or
    an unnamed one of the state the article is about."""
    found = [
        m
        for m in _HEAD_OF_GOVERNMENT.finditer(doc.text)
        if (s := doc.sentence_at(m.start())) and s.kind == "body"
    ]
    if not found:
        return
    state = dominant_state(res, state_counts(res))
    for m in found:
        office = m.group("office")
        holder = next((p for p in res.ents if p.kind == "person" and office in p.role.lower()), None)
        if holder is None and state:
            name = f"{office.title()} of {state}"
            holder = res.by_alias.get(name_key(name)) or res._new(name, "person")
            holder.role = holder.role or name
            holder.role_evidence = holder.role_evidence or (m.start(), m.end())
            holder.side = state
        if holder is not None:
            holder.add(m.start(), m.end(), "title")


def state_of(word: str) -> str:
    """The state a demonym or a country name (possibly misspelt: "Rusian") stands for, or ""."""
    k = fold(word)
    entry = place_table().get(k)
    if entry is not None and entry.kind == "state":
        return entry.state or entry.name
    if len(k) < 6:
        return ""
    best = max(demonym_table().items(), key=lambda kv: fuzz.ratio(k, kv[0]), default=None)
    if best and k[:2] == best[0][:2] and fuzz.ratio(k, best[0]) >= TYPO_RATIO:
        return best[1]
    return ""


def leader_titles(doc: Document, res: Resolver) -> None:
    titles: list[tuple[int, int, str, str, int, int]] = []  # start, end, state, title, who-start, who-end
    for rx in (_DEMONYM_TITLE, _POSSESSIVE_TITLE):
        for m in rx.finditer(doc.text):
            state = state_of(m.group("who"))
            if state:
                title = m.group("title").lower()
                titles.append((m.start(), m.end(), state, title, m.start("who"), m.end("who")))
    if not titles:
        return
    holders = _office_holders(doc, res, {t[2] for t in titles})
    for s, t, state, _title, ws, we in titles:
        st = res.by_alias.get(name_key(state))
        if st is not None and not any(ms <= ws < me for ms, me, _ in st.mentions):
            st.add(ws, we, "demonym" if name_key(doc.text[ws:we]) not in st.aliases else "name")
        person = holders.get(state)
        if person is not None:
            person.add(s, t, "title")
            if not person.role:
                person.role, person.role_evidence = f"{_title.capitalize()} of {state}", (s, t)
            if person.side == "unknown":
                person.side = state


def _office_holders(doc: Document, res: Resolver, states: set[str]) -> dict[str, Ent]:
    """State -> the person who holds its top office: stated in a role, else clear sentence co-occurrence."""
    people = [e for e in res.ents if e.kind == "person"]
    out: dict[str, Ent] = {}
    for st in states:
        stated = [
            p
            for p in people
            if p.role
            and any(w.lower() in LEADER_TITLES for w in p.role.split())
            and role_state(doc, res, p) == st
        ]
        if len(stated) == 1:
            out[st] = stated[0]
    cooc = _cooccurrence(doc, res, people, states - set(out))
    free = [p for p in people if not p.role and p not in out.values()]
    while True:  # the most clear-cut state first; each person holds one office
        best: tuple[int, str, Ent] | None = None
        for st in states - set(out):
            ranked = sorted(((cooc.get((st, p), 0), i) for i, p in enumerate(free)), reverse=True)
            if not ranked or ranked[0][0] < 2:
                continue
            margin = ranked[0][0] - (ranked[1][0] if len(ranked) > 1 else 0)
            if margin >= 1 and (best is None or margin > best[0]):
                best = (margin, st, free[ranked[0][1]])
        if best is None:
            return out
        out[best[1]] = best[2]
        free.remove(best[2])


def _cooccurrence(doc: Document, res: Resolver, people: list[Ent], states: set[str]) -> Counter:
    """(state, person) -> number of sentences naming both (the person by name, the state in any way)."""
    sent_people: dict[int, set[int]] = {}
    sent_states: dict[int, set[str]] = {}
    by_id = {id(p): p for p in people}
    for p in people:
        for s, _, how in p.mentions:
            sent = doc.sentence_at(s)
            if sent is not None and how in ("name", "typo"):
                sent_people.setdefault(sent.id, set()).add(id(p))
    for st in states:
        e = res.by_alias.get(name_key(st))
        for s, _, _how in e.mentions if e else ():
            sent = doc.sentence_at(s)
            if sent is not None:
                sent_states.setdefault(sent.id, set()).add(st)
    out: Counter = Counter()
    for sid, pids in sent_people.items():
        for st in sent_states.get(sid, ()):
            for pid in pids:
                out[(st, by_id[pid])] += 1
    return out


def role_state(doc: Document, res: Resolver, p: Ent) -> str:
    if not p.role_evidence:
        return ""
    s, t = p.role_evidence
    for w in re.findall(r"[A-Z][\w-]+", doc.text[s:t]):
        st = state_of(w)
        if st:
            return st
    return ""
