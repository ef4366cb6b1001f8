"""Pronouns: the fitting actor of the nearest clause's subject."""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc

from briefing.actors.context import by_sentence
from briefing.actors.entity import Ent
from briefing.actors.resolve import Resolver
from briefing.lexicon.words import (
    PRONOUNS,
)
from briefing.model import Document

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


def resolve_pronouns(doc: Document, sdoc: SpacyDoc, res: Resolver) -> None:
    by_sent = by_sentence(doc, res)
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
