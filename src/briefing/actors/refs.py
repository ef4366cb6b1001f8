"""References that are not names, and what the text says about each actor.

- Leader titles ("the Russian leader", "Ukraine's President") go to the person the text gives that office,
  or else to the one person whose sentences clearly go with that state.
- Descriptions ("the brokerage", "the company", "the analyst", "the government") go to the most recent
  fitting actor; pronouns to the subject of the nearest earlier clause with a fitting actor.
- Roles come from appositives in both orders and from titles before a name, with their offsets; the
  affiliation is the organisation or state inside the role; the side follows from it.
- Group membership ("Also included in the delegation are X, Y and Z") and stated absence.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from rapidfuzz import fuzz
from spacy.tokens import Doc as SpacyDoc

from briefing.actors.detect import LONE_NAME
from briefing.actors.resolve import TYPO_RATIO, Ent, Resolver, _key
from briefing.lexicon.words import (
    EXPERT_NOUNS,
    LEADER_TITLES,
    MEDIA_TAILS,
    NEWS_AGENCIES,
    PARTY_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    demonym_table,
    fold,
    is_common_word,
    is_given_name,
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
_APPOSITIVE_STOP = re.compile(
    r"[;:!?]|\.(?=\s|$)|,\s|\s(?:and|but)\s+[A-Z]|"
    r"\s(?:who|which|said|says|told|wrote|was|is|"
    r"has|had|will|would|pointed|cautioned)\b|[“”\"]"
)
_SUBJECT_OPENERS = {
    "",
    ",",
    "that",
    "and",
    "but",
    "because",
    "as",
    "when",
    "while",
    "if",
    "though",
    "although",
    "so",
    "since",
    "what",
    "where",
    "“",
    '"',
    "—",
    "–",
    ";",
    ":",
}
_EXPLETIVE_NEXT = set(
    "is was 's ’s be seems seemed appears appeared looks looked remains means meant matters takes took "
    "makes would might may could should can must wo does did do will isn't wasn't becomes became feels "
    "felt depends turns turned".split()
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
_BYLINE = re.compile(
    r"^(?:By|Write to|Contact|Reporting by|Written by)\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})"
)


# ---------------------------------------------------------------------- roles (before titles)


def describe_roles(doc: Document, sdoc: SpacyDoc, res: Resolver) -> None:
    """Role, affiliation and evidence of every person, from appositives and titles around its names."""
    for e in res.ents:
        if e.kind != "person":
            continue
        for s, t, how in sorted(e.mentions):
            if how not in ("name", "typo"):
                continue
            found = _role_after(doc, s, t) or _role_before(doc, sdoc, s)
            if found:
                a, b = found
                while a < b and doc.text[a] in " ,-–—":
                    a += 1  # "BERLIN (Reuters) - German Chancellor Olaf Scholz"
                e.role_evidence, e.role = (a, b), doc.text[a:b].strip(" ,")
                break
        office = [(a, b) for a, b in e.titles if fold(doc.text[a:b]).strip(".") not in _COURTESY]
        if not e.role and office:  # "Rep. Jim Clyburn", "Sen. Chuck Grassley"
            e.role_evidence = office[0]
            e.role = doc.text[office[0][0] : office[0][1]]


_COURTESY = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"}


def _role_after(doc: Document, s: int, t: int) -> tuple[int, int] | None:
    """ "Tatiana Stanovaya, a senior fellow at ... and founder of ..."; "Sanjiv Bhasin, Director, IIFL"."""
    sent = doc.sentence_at(s)
    if sent is None:
        return None
    m = re.match(r"(?:\s*\([^()]{1,24}\))?,\s+(?:(?:a|an|the|now)\s+)?", doc.text[t : sent.end])
    if not m:
        return None
    a = t + m.end()
    rest = doc.text[a : sent.end]
    stop = _APPOSITIVE_STOP.search(rest)
    while (
        stop
        and re.match(r"\s(?:and|but)\s", stop.group())
        and re.search(r"[A-Z][\w’'-]*$", rest[: stop.start()])
    ):
        stop = _APPOSITIVE_STOP.search(rest, stop.end())  # "of the Health and Care Workers Union"
    end = a + (stop.start() if stop else len(rest))
    phrase = doc.text[a:end]
    words = phrase.split()
    if not words or len(words) > 16 or not any(_role_word(w) for w in words):
        return None
    if words[0].islower() and words[0].endswith(("ing", "ed")):
        return None  # ", alluding to the chair's ambitions": a participle clause, not a role
    if words[0][:1].isupper() and len(words) <= 3 and stop and doc.text[a + stop.start()] == ",":
        # "Director, IIFL Securities": a bare title followed by the organisation
        more = re.match(
            r",\s+([A-Z][\w&-]*(?:\.[\w&-]+)*(?:\s+[A-Z][\w&-]*(?:\.[\w&-]+)*){0,4})(?=[,.;]|$)",
            doc.text[end : sent.end],
        )
        if more:
            end = end + more.end()
    return (a, end)


def _role_word(w: str) -> bool:
    """An office or profession: a role noun, or a specialist ("epidemiologist", "nephrologist")."""
    word = re.sub(r"[’']s$", "", w).strip(",.").lower()
    return (
        word in ROLE_NOUNS
        or word in EXPERT_NOUNS
        or bool(re.fullmatch(r"\w{3,}olog(?:ist|er)|scientist|pollster", word))
    )


def _role_before(doc: Document, sdoc: SpacyDoc, s: int) -> tuple[int, int] | None:
    """ "Jefferies analyst Jonathan ..."; "Foreign Minister Sergei ..."; "Foreign policy aide, Yuri ..."."""
    span = sdoc.char_span(s, s + 1, alignment_mode="expand")
    if span is None:
        return None
    i = span.start - 1
    comma = i >= 0 and sdoc[i].text == ","
    if comma:
        i -= 1
    if i < 0 or not (_role_word(sdoc[i].text) or (comma and sdoc[i].text.isalpha() and not sdoc[i].is_stop)):
        return None
    end = sdoc[i].idx + len(sdoc[i])
    first = i
    j = i - 1
    while j >= 0 and i - j < 10:
        w = sdoc[j].text
        lw = w.lower()
        if lw in ("the", "a", "an"):
            first = j
            break
        ok = (
            w[:1].isupper()
            or lw in ROLE_NOUNS
            or lw in TITLE_MODIFIERS
            or w in ("-", "’s", "'s")
            or ((comma and lw in ("of", "at", "for")) or (comma and w.isalpha() and not sdoc[j].is_stop))
        )
        if not ok or (sdoc[j].is_punct and w != "-"):
            break
        first = j
        j -= 1
    if not any(_role_word(sdoc[k].text) for k in range(first, i + 1)):
        return None
    return (sdoc[first].idx, end)


# ---------------------------------------------------------------------- references


def add_references(doc: Document, sdoc: SpacyDoc, res: Resolver) -> None:
    _bylines(doc, res)
    _state_bodies(doc, res)
    _unnamed_officers(doc, res)
    _leader_titles(doc, res)
    _head_of_government(doc, res)
    _pronouns(doc, sdoc, res)
    _descriptions(doc, res)
    _the_police(doc, res)
    _state_government(doc, res)


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


def _state_bodies(doc: Document, res: Resolver) -> None:
    """One organisation per state body named through its state, with that state as its side."""
    for m in _STATE_BODY.finditer(doc.text):
        state = _state_of(m.group("state"))
        sent = doc.sentence_at(m.start())
        if not state or sent is None or sent.kind not in ("body", "headline"):
            continue
        name = f"{state}’s {' '.join(m.group('body').lower().split())}"
        e = res.by_alias.get(_key(name)) or res._new(name, "organisation")
        e.state = e.side = state
        e.add(m.start(), m.end(), "name")
        res._alias(e, m.group())


_ROLE_OF = re.compile(
    r"\b[Tt]he\s+(?P<role>chairman|chairwoman|chair|leader|head|chief executive|spokesman|spokeswoman|"
    r"spokesperson|president|director|founder|secretary|general secretary|treasurer|governor)\s+of\s+"
    r"(?:the\s+)?(?P<org>[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,4})"
)


def _unnamed_officers(doc: Document, res: Resolver) -> None:
    """ "The chairman of the Conservative Party described ...": a person the text does not name.

    Only when no named person's role already says it, and the organisation is an actor."""
    for m in _ROLE_OF.finditer(doc.text):
        org = res.by_alias.get(_key(m.group("org")))
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
            holder = res.by_alias.get(_key(name)) or res._new(name, "person")
            holder.role, holder.role_evidence, holder.affiliation = name, (m.start(), m.end()), org.name
        holder.add(m.start(), m.end(), "title")


# "the prime minister" with no name: an office of government only (a president or a chancellor may head a
# company, a university or a club)
_HEAD_OF_GOVERNMENT = re.compile(
    r"\b[Tt]he\s+(?P<office>prime minister|premier)\b(?!\s*,?\s+[A-Z])(?!\s+of\b)"
)


def _head_of_government(doc: Document, res: Resolver) -> None:
    """ "Downing Street said the prime minister had full confidence": the named holder of the office, or
    an unnamed one of the state the article is about."""
    found = [
        m
        for m in _HEAD_OF_GOVERNMENT.finditer(doc.text)
        if (s := doc.sentence_at(m.start())) and s.kind == "body"
    ]
    if not found:
        return
    state = _dominant_state(res, _state_counts(res))
    for m in found:
        office = m.group("office")
        holder = next((p for p in res.ents if p.kind == "person" and office in p.role.lower()), None)
        if holder is None and state:
            name = f"{office.title()} of {state}"
            holder = res.by_alias.get(_key(name)) or res._new(name, "person")
            holder.role = holder.role or name
            holder.role_evidence = holder.role_evidence or (m.start(), m.end())
            holder.side = state
        if holder is not None:
            holder.add(m.start(), m.end(), "title")


def _bylines(doc: Document, res: Resolver) -> None:
    """The article's authors and the journalists a credit line names, as people on the media's side."""
    for sent in doc.sentences:
        line = doc.text[sent.start : sent.end]
        by, credit = bool(_BYLINE.match(line)), bool(_CREDIT.search(line))
        if sent.kind == "byline":
            if LONE_NAME.fullmatch(line.strip()) and not by:
                continue  # the speaker of the quote above, not an author
        elif not (sent.kind == "boilerplate" and (by or credit)):
            continue
        author = sent.kind == "byline" or (by and not credit)
        for m in _CREDIT_NAME.finditer(line):
            if not (m.group("lead") or (m.start() == 0 and sent.kind == "byline")):
                continue  # "... in Cairo", "Associated Press writer ..."
            a = sent.start + m.start("name")
            b = a + len(_person_part(m.group("name")))
            name = doc.text[a:b]
            if fold(name) in place_table() or len(name.split()) < 2:
                continue
            e = res.by_alias.get(_key(name))
            if e is None:
                e = res._new(name, "person")
            elif e.kind == "organisation" and e.name == name:
                e.kind = "person"  # "Al Root" looked like two everyday words; the credit line says who
                res._alias(e, e.name)
            if e.kind == "person":
                e.add(a, b, "name")
                e.role = e.role or ("author of the article" if author else "journalist")
                e.role_evidence = e.role_evidence or (sent.start, b)
                e.side = "media"


# "(Reporting by A in X and B in Y; Editing by C)", "A contributed to this report."
_CREDIT = re.compile(r"\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled)\s+by\b|\bcontributed\s+to\s+this")
_CREDIT_NAME = re.compile(
    r"(?P<lead>\b(?:[Bb]y|and|writer|[Cc]ontact|to)\s+|&\s+|;\s+)?(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})"
)


def _person_part(name: str) -> str:
    """ "Harriet Cole Political" -> "Harriet Cole": a trailing everyday word is the desk, not the name."""
    words = name.split()
    while len(words) > 2 and is_common_word(words[-1]) and not is_given_name(words[-1]):
        words.pop()
    return " ".join(words)


def _state_of(word: str) -> str:
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


def _leader_titles(doc: Document, res: Resolver) -> None:
    titles: list[tuple[int, int, str, str, int, int]] = []  # start, end, state, title, who-start, who-end
    for rx in (_DEMONYM_TITLE, _POSSESSIVE_TITLE):
        for m in rx.finditer(doc.text):
            state = _state_of(m.group("who"))
            if state:
                title = m.group("title").lower()
                titles.append((m.start(), m.end(), state, title, m.start("who"), m.end("who")))
    if not titles:
        return
    holders = _office_holders(doc, res, {t[2] for t in titles})
    for s, t, state, _title, ws, we in titles:
        st = res.by_alias.get(_key(state))
        if st is not None and not any(ms <= ws < me for ms, me, _ in st.mentions):
            st.add(ws, we, "demonym" if _key(doc.text[ws:we]) not in st.aliases else "name")
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
            and _role_state(doc, res, p) == st
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
        e = res.by_alias.get(_key(st))
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


def _role_state(doc: Document, res: Resolver, p: Ent) -> str:
    if not p.role_evidence:
        return ""
    s, t = p.role_evidence
    for w in re.findall(r"[A-Z][\w-]+", doc.text[s:t]):
        st = _state_of(w)
        if st:
            return st
    return ""


def _mentions_sorted(res: Resolver) -> list[tuple[int, int, Ent]]:
    return sorted(((s, t, e) for e in res.ents for s, t, _ in e.mentions), key=lambda x: (x[0], x[1]))


def _descriptions(doc: Document, res: Resolver) -> None:
    ments = _mentions_sorted(res)
    starts = [m[0] for m in ments]
    state_counts = _state_counts(res)
    by_sent = _by_sentence(doc, res)
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
            target = _government(res, _dominant_state(res, state_counts))
            how = "alias"
        else:
            target = _salient(doc, by_sent, sent.id, m.start(), lambda e, n=noun: _fits_description(e, n))
            how = "title" if target is not None and target.kind == "person" else "alias"
        if target is not None:
            target.add(m.start(), m.end(), how)
            by_sent.setdefault(sent.id, []).append((m.start(), target))
            by_sent[sent.id].sort(key=lambda x: x[0])


def _the_police(doc: Document, res: Resolver) -> None:
    """ "police said", "according to police": the one police force the article names, wherever it names it."""
    forces = [e for e in res.ents if e.kind == "organisation" and _key(e.name).endswith("police")]
    if len(forces) != 1:
        return
    taken = {(s, t) for e in res.ents for s, t, _ in e.mentions}
    for m in re.finditer(r"\b(?:[Tt]he\s+)?[Pp]olice\b", doc.text):
        sent = doc.sentence_at(m.start())
        if sent is not None and sent.kind == "body" and not any(s <= m.start() < t for s, t in taken):
            forces[0].add(m.start(), m.end(), "alias")


def _state_government(doc: Document, res: Resolver) -> None:
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
            or res.by_alias.get(_key("State government"))
            or res._new("State government", "organisation")
        )
        target.add(m.start(), m.end(), "alias")


def _government(res: Resolver, state: str) -> Ent | None:
    """ "the government": the government of the state the article is mostly about, its own actor."""
    if not state:
        return None
    name = f"Government of {state}"
    gov = res.by_alias.get(_key(name)) or res._new(name, "organisation")
    gov.state = gov.side = state
    return gov


def _state_counts(res: Resolver) -> Counter:
    """Mentions of each state, its seats of government and its bodies included ("Downing Street" is the
    United Kingdom's, "Egypt's foreign ministry" Egypt's)."""
    counts: Counter = Counter()
    for e in res.ents:
        if e.kind == "state":
            counts[e.name] += len(e.mentions)
        elif e.kind == "organisation" and e.state:
            counts[e.state] += len(e.mentions)
    return counts


def _dominant_state(res: Resolver, counts: Counter) -> str:
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) == 2 and top[0][1] <= top[1][1]):
        return ""
    return top[0][0]


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


def _by_sentence(doc: Document, res: Resolver) -> dict[int, list[tuple[int, Ent]]]:
    by_sent: dict[int, list[tuple[int, Ent]]] = {}
    for s, _, e in _mentions_sorted(res):
        sent = doc.sentence_at(s)
        if sent is not None and e.kind in ("person", "organisation", "state", "group"):
            by_sent.setdefault(sent.id, []).append((s, e))
    return by_sent


# ---------------------------------------------------------------------- pronouns


def _pronouns(doc: Document, sdoc: SpacyDoc, res: Resolver) -> None:
    by_sent = _by_sentence(doc, res)
    for tok in sdoc:
        low = tok.text.lower()
        if low not in PRONOUNS or (low in ("him",)):
            continue
        gender, role = PRONOUNS[low]
        sent = doc.sentence_at(tok.idx)
        if sent is None or sent.kind not in ("body",):
            continue
        prev = sdoc[tok.i - 1].text.lower() if tok.i > 0 and sdoc[tok.i - 1].idx >= sent.start else ""
        if gender == "n":
            if role == "subj" and (
                (prev not in _SUBJECT_OPENERS and not prev.endswith("ly")) or _expletive(sdoc, tok.i)
            ):
                continue
            target = _antecedent(
                doc,
                by_sent,
                sent.id,
                tok.idx,
                _fits_it,
                subject=True,
                same_first=role == "poss" or prev not in ("", "“", '"'),
            )
        else:
            opener = prev in _SUBJECT_OPENERS and _clause_initial(sdoc, tok.i, sent.start)
            target = _antecedent(
                doc, by_sent, sent.id, tok.idx, lambda e, g=gender: _fits_person(e, g), subject=opener
            )
            if target is not None and not target.gender:
                target.gender = gender
        if target is not None:
            target.add(tok.idx, tok.idx + len(tok), "pronoun")
            by_sent.setdefault(sent.id, []).append((tok.idx, target))
            by_sent[sent.id].sort(key=lambda x: x[0])


_MODALS = set("would will could might may should can must wo does did do has had is was".split())
_EXPLETIVE_VERBS = set(
    "be been seem appear look take make mean matter become depend remain signal cost require need help "
    "feel turn happen".split()
)


def _expletive(sdoc: SpacyDoc, i: int) -> bool:
    """ "it is", "it would be", "it seems": "it" stands for no actor."""
    words = [
        t.text.lower() for t in sdoc[i + 1 : i + 5] if t.text.lower() not in ("not", "n't", "also", "’t")
    ]
    if not words or words[0] in ("to", ".", ",", "’s", "'s"):
        return True
    if words[0] in ("is", "was"):
        return True
    if words[0] in _MODALS:
        return len(words) < 2 or words[1] in _EXPLETIVE_VERBS
    return words[0] in _EXPLETIVE_NEXT


def _clause_initial(sdoc: SpacyDoc, i: int, sent_start: int) -> bool:
    """The pronoun opens its sentence, or follows only an adverb and a comma ("Nonetheless, he")."""
    j = i - 1
    while j >= 0 and sdoc[j].idx >= sent_start and i - j <= 3:
        if sdoc[j].text in ("“", '"'):
            return True
        j -= 1
    return j < 0 or sdoc[j + 1].idx == sent_start or sdoc[max(j, 0)].idx < sent_start


def _fits_person(e: Ent, gender: str) -> bool:
    return e.kind == "person" and e.gender in ("", gender)


def _fits_it(e: Ent) -> bool:
    return e.kind in ("organisation", "state", "group")


def _salient(
    doc: Document, by_sent: dict[int, list[tuple[int, Ent]]], sid: int, pos: int, fits
) -> Ent | None:
    """Of the fitting actors in this and the three previous sentences, the one mentioned most so far."""
    seen: list[Ent] = []
    for k in range(sid, max(-1, sid - 4), -1):
        seen.extend(e for s, e in by_sent.get(k, ()) if s < pos and fits(e) and e not in seen)
    if not seen:
        return None
    return max(seen, key=lambda e: (sum(1 for s, _, _ in e.mentions if s < pos), -seen.index(e)))


def _subjectish(doc: Document, s: int) -> bool:
    """Not after a preposition, not a possessive modifier, not a dateline ("LONDON (AP)")."""
    before = doc.text[max(0, s - 12) : s].lower().split()
    after = doc.text[s : s + 40]
    if before and (before[-1] in _PREPOSITIONS or before[-1].endswith("(")):
        return False
    word = re.match(r"[\w.&-]+", after)
    rest = after[word.end() :] if word else after
    dateline = bool(word) and word.group().isupper() and len(word.group()) > 3  # "LONDON (AP) —"
    return not rest.startswith(("'s", "’s", " (")) and not dateline


_PREPOSITIONS = set(
    "in at from to with of for on by into against about over after before between through under within "
    "across toward towards".split()
)


def _antecedent(
    doc: Document,
    by_sent: dict[int, list[tuple[int, Ent]]],
    sid: int,
    pos: int,
    fits,
    subject: bool,
    same_first: bool = False,
) -> Ent | None:
    """Same clause, most recent fitting actor (or its subject: ``same_first``); else the subject-like
    fitting actor of the nearest earlier sentence."""
    if same_first:
        same = [(s, e) for s, e in by_sent.get(sid, ()) if s < pos and fits(e)]
        if same:
            return next((e for s, e in same if _subjectish(doc, s)), same[0][1])
    if not subject:
        same = [e for s, e in by_sent.get(sid, ()) if s < pos and fits(e)]
        if same:
            return same[-1]
    para = doc.sentences[sid].paragraph
    for k in range(sid - 1, max(-1, sid - 4), -1):
        if doc.sentences[k].kind != "body" and doc.sentences[k].paragraph != para:
            continue
        found = [(s, e) for s, e in by_sent.get(k, ()) if fits(e)]
        if found:
            return next((e for s, e in found if _subjectish(doc, s)), found[0][1])
    return None


# ---------------------------------------------------------------------- sides, experts, groups


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
    home = _state_of(e.name.split()[0]) if len(words) >= 2 and words[-1] in _GOVERNMENT_TAILS else ""
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
    st = _role_state(doc, res, e)
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
        state = _state_of(adj) if adj else ""
        if noun in labels and not state:
            labels[noun].add(m.start(), m.end(), "alias")
            continue
        if not state:
            continue
        g = res.by_alias.get(_key(m.group("label"))) or res._new(m.group("label"), "group")
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
