"""Rules and the statistical model voting on the candidates' kinds and boundaries.

- Kinds: a candidate the rules typed by its shape alone (``Cand.weak``: two capitalised words that look
  like a name, an acronym, a run with no organisation word) takes the kind the model gives that surface
  across the document, when the model says so clearly: "Morgan Stanley" and "Westmoor Rovers" are
  organisations, "San Bernardino" a place, "Affordable Care Act" a law (no actor). A candidate with
  evidence of its own (a title, an organisation word, a context like "shares of") keeps its kind: the
  rules veto the model's "Trump" ORG.
- An acronym is an organisation when the model or the context says so; one that is an everyday word
  in capitals and that the model does not know ("TEXT", "MORE", "TODAY") is no name.
- Boundaries: where the model reads one organisation's (or facility's) name across several candidates
  ("London" + "School of Hygiene & Tropical Medicine", "U.S." + "Circuit Court of Appeals", "BBC Radio"
  + "5 Live"), the name is kept whole, with an ordinal before it ("8th U.S. Circuit ...").
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from briefing.actors.cand import Cand
from briefing.actors.ner import Entity
from briefing.lexicon.words import NAME_JOINERS, ORG_TAILS, ROLE_NOUNS, fold, is_common_word

if TYPE_CHECKING:
    from briefing.actors.detect import Detector

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")


def vote_kinds(det: Detector, cands: list[Cand]) -> list[Cand]:
    """Weak candidates retyped (or dropped) by the model's votes on their surface."""
    seen: dict[str, bool] = {}  # surface -> the model read some use of it as a name
    for c in cands:
        key = fold(c.text)
        seen[key] = seen.get(key, False) or _model_saw(det, c)
    out = []
    for c in cands:
        if not c.weak:
            out.append(c)
            continue
        if c.kind == "organisation" and _everyday_words(c.text) and not seen[fold(c.text)]:
            continue  # capitalised everyday words nothing vouches for: "Good Morning", "Great Again"
        kind = _retype(det, c, det.ents.kinds_of(c.text))
        if kind:
            c.kind = kind
            out.append(c)
    return out


def _everyday_words(text: str) -> bool:
    words = [w for w in text.split() if w.lower() not in NAME_JOINERS]
    return len(words) >= 2 and all(is_common_word(w) for w in words)


def _model_saw(det: Detector, c: Cand) -> bool:
    span = det.sdoc.char_span(c.start, c.end, alignment_mode="expand")
    return span is not None and any(det.ents.over(t.i) is not None for t in span)


def _retype(det: Detector, c: Cand, votes: Counter) -> str:
    """The candidate's kind after the vote, "" when it names no actor."""
    if c.text.isupper() and " " not in c.text:  # an acronym
        known = votes["organisation"] + votes["place"] + votes["group"] or _bracketed(det, c)
        return c.kind if known or not is_common_word(c.text) else ""
    if not votes or (c.kind == "person" and _person_context(det, c)):
        return c.kind
    own = votes[c.kind]
    if c.kind == "organisation" and votes["none"] > own:
        return ""  # a law, an event, a date or a work ("Election Day", "Affordable Care Act")
    if votes["place"] > max(own, votes["organisation"], votes["person"]):
        return "place"
    if c.kind == "person" and votes["organisation"] >= own:
        return "organisation"  # a person is the costlier mistake: a tie goes to the organisation
    if c.kind == "organisation" and votes["person"] > own and _name_shaped(c.text):
        return "person"
    return c.kind


def _bracketed(det: Detector, c: Cand) -> bool:
    """ "Lowe's (LOW)": capitals in brackets are a ticker or an acronym, whatever the word means."""
    return det.doc.text[max(0, c.start - 2) : c.start].rstrip().endswith("(")


def _person_context(det: Detector, c: Cand) -> bool:
    """ "Nino Kapanadze, a deputy economy minister", "Ana Ruiz, who ...": the text says it is a person."""
    text = det.doc.text
    for m in re.finditer(re.escape(c.text), text):
        after = _APPOSITIVE.match(text, m.end())
        if after and any(w.lower() in ROLE_NOUNS for w in after.group("words").split()):
            return True
        if _WHO.match(text, m.end()):
            return True
    return False


_APPOSITIVE = re.compile(r",\s+(?:a|an|the|its|his|her)\s+(?P<words>(?:[\w-]+\s+){0,4}[\w-]+)")
_WHO = re.compile(r",\s+who\b")


def _name_shaped(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and not w.isupper() for w in words)


def whole_names(det: Detector, cands: list[Cand]) -> list[Cand]:
    """Candidates that one organisation name of the model covers, merged into that name."""
    starts = sorted(cands, key=lambda c: c.start)
    people = {c.text.split()[-1] for c in cands if c.kind == "person" and " " in c.text}
    drop: set[int] = set()
    merged: list[Cand] = []
    for e in det.ents.all:
        if e.label not in ("ORG", "FAC"):
            continue
        first = _with_ordinal(det, e)
        a = det.sdoc[first].idx
        inside = [c for c in starts if a <= c.start and c.end <= e.end]
        crossing = [c for c in starts if c.start < e.end and c.end > a and c not in inside]
        if crossing or not inside or not _worth_merging(det, e, first, inside, people):
            continue
        drop.update(id(c) for c in inside)
        merged.append(_merged(det, inside[0], a, e.end))
    return sorted([c for c in cands if id(c) not in drop] + merged, key=lambda c: c.start)


def _with_ordinal(det: Detector, e: Entity) -> int:
    """ "the 8th U.S. Circuit Court of Appeals": the ordinal is part of the court's name."""
    i = e.first
    if i > 0 and _ORDINAL.match(det.sdoc[i - 1].text):
        return i - 1
    return i


def _worth_merging(det: Detector, e: Entity, first: int, inside: list[Cand], people: set[str]) -> bool:
    toks = det.sdoc[first : e.last]
    if len(toks) < 2 or not all(_name_token(t.text) for t in toks) or toks[-1].text.lower() in NAME_JOINERS:
        return False
    if any(c.kind == "person" and not c.weak for c in inside) or any(c.text in people for c in inside):
        return False  # a titled person or a known surname is no part of an organisation's name
    if len(inside) == 1 and (inside[0].start, inside[0].end) == (det.sdoc[first].idx, e.end):
        return False  # the same name: its kind is the vote's business
    org_inside = any(c.kind in ("organisation", "single") for c in inside)
    return org_inside or toks[-1].text.lower() in ORG_TAILS


def _name_token(word: str) -> bool:
    return (
        word[:1].isupper()
        or word.lower() in NAME_JOINERS
        or word in ("and", "&", "-", ".")
        or word.isdigit()
        or bool(_ORDINAL.match(word))
    )


def _merged(det: Detector, like: Cand, start: int, end: int) -> Cand:
    return Cand(start, end, det.doc.text[start:end], "organisation", known_only=like.known_only)
