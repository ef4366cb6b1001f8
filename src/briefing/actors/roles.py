"""Roles from appositives in both orders and from titles before a name, with their offsets."""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc

from briefing.actors.resolve import Resolver
from briefing.lexicon.words import (
    EXPERT_NOUNS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    fold,
)
from briefing.model import Document

_APPOSITIVE_STOP = re.compile(
    r"[;:!?]|\.(?=\s|$)|,\s|\s(?:and|but)\s+[A-Z]|"
    r"\s(?:who|which|said|says|told|wrote|was|is|"
    r"has|had|will|would|pointed|cautioned)\b|[“”\"]"
)


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
    if not words or len(words) > 16 or not any(role_word(w) for w in words):
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


def role_word(w: str) -> bool:
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
    if i < 0 or not (role_word(sdoc[i].text) or (comma and sdoc[i].text.isalpha() and not sdoc[i].is_stop)):
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
    if not any(role_word(sdoc[k].text) for k in range(first, i + 1)):
        return None
    return (sdoc[first].idx, end)
