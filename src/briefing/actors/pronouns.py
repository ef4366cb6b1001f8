"""Pronouns resolved with the parse: agreement, the subject of the clause that reports them, the last
subject before them, never an actor inside another speaker's description.

- Agreement: he/she/his/her stand for a person of that gender (or of none yet), it/its for an
  organisation, a state or a group (``lexicon/pronouns.yaml``).
- In reported speech the subject of the reporting verb is the antecedent: "Smith told reporters he would
  appeal"; a possessive or an object takes the subject of its own clause: "Smith said her team ...".
- Else the subject of the nearest earlier sentence that has a fitting actor, else its first fitting
  actor. Subjects are read from the parse, not from word order.
- An unnamed subject that could be the antecedent ("The lawyer for Mr. Doe told reporters he ...") takes
  the pronoun: it goes to no actor, and certainly not to Doe inside that subject.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from briefing.actors.entity import Ent
from briefing.actors.resolve import Resolver
from briefing.lexicon import Pronoun
from briefing.lexicon.words import ROLE_NOUNS, is_speaker_noun
from briefing.model import Document

Fits = Callable[[Ent], bool]

_RESOLVED = frozenset("he his she her it its".split())  # "him" is left to the claims; "they" to groups
_SUBJECTS = ("nsubj", "nsubjpass")
_REPORTED = ("ccomp", "xcomp", "advcl", "conj", "parataxis")
_KINDS = ("person", "organisation", "state", "group")
_MODALS = frozenset("would will could might may should can must wo does did do has had is was".split())
_EXPLETIVE_VERBS = frozenset(
    "be been seem appear look take make mean matter become depend remain signal cost require need help "
    "feel turn happen".split()
)
_EXPLETIVE_NEXT = frozenset(
    "is was 's ’s be seems seemed appears appeared looks looked remains means meant matters takes took "
    "makes would might may could should can must wo does did do will isn't wasn't becomes became feels "
    "felt depends turns turned".split()
)


class _Mentions:
    """Which actor each token names, kept up to date as pronouns are resolved."""

    def __init__(self, doc: Document, parsed: SpacyDoc, res: Resolver) -> None:
        self.doc, self.parsed = doc, parsed
        self.by_token: dict[int, Ent] = {}
        for e in res.ents:
            if e.kind in _KINDS:
                for s, t, _ in e.mentions:
                    self.add(s, t, e)

    def add(self, start: int, end: int, e: Ent) -> None:
        span = self.parsed.char_span(start, end, alignment_mode="expand")
        for tok in span if span is not None else ():
            self.by_token.setdefault(tok.i, e)

    def actor(self, tok: Token) -> Ent | None:
        """The actor a subject names: its head token, or the name it ends with ("Mr. Doe")."""
        return self.by_token.get(tok.i)

    def in_sentence(self, sid: int, before: int) -> list[tuple[Token, Ent]]:
        sent = self.doc.sentences[sid]
        span = self.parsed.char_span(sent.start, min(sent.end, before), alignment_mode="expand")
        out: list[tuple[Token, Ent]] = []
        for tok in span if span is not None else ():
            e = self.by_token.get(tok.i)
            if e is not None and (not out or out[-1][1] is not e or out[-1][0].i != tok.i - 1):
                out.append((tok, e))
        return out


def resolve_pronouns(doc: Document, parsed: SpacyDoc, res: Resolver) -> None:
    if res.lex is None:
        return
    known = _Mentions(doc, parsed, res)
    for tok in parsed:
        p = res.lex.pronoun(tok.lower_) if tok.lower_ in _RESOLVED else None
        sent = doc.sentence_at(tok.idx) if p is not None else None
        if p is None or sent is None or sent.kind != "body":
            continue
        if p.gender == "n" and _expletive(parsed, tok, sent.start, _reported(tok)):
            continue
        target = _antecedent(doc, known, tok, sent.id, _fits(p))
        if target is None:
            continue
        if p.gender in ("m", "f") and not target.gender:
            target.gender = p.gender
        target.add(tok.idx, tok.idx + len(tok), "pronoun")
        known.add(tok.idx, tok.idx + len(tok), target)


def _fits(p: Pronoun) -> Fits:
    if p.gender in ("m", "f"):
        return lambda e: e.kind == "person" and e.gender in ("", p.gender)
    return lambda e: e.kind in ("organisation", "state", "group")


def _antecedent(doc: Document, known: _Mentions, tok: Token, sid: int, fits: Fits) -> Ent | None:
    clause = _verb_of(tok)
    if tok.dep_ in _SUBJECTS:
        found, decided = _reporting_subject(known, tok, clause, fits)
    else:
        found, decided = _own_subject(known, tok, clause, fits)
        if not decided:
            same = [e for t, e in known.in_sentence(sid, tok.idx) if fits(e)]
            found, decided = (same[-1], True) if same else (None, False)
    if decided:
        return found
    return _earlier(doc, known, sid, fits)


def _reporting_subject(known: _Mentions, tok: Token, clause: Token, fits: Fits) -> tuple[Ent | None, bool]:
    """ "Smith told reporters he ...": the subject of the verb that reports the pronoun's clause."""
    v = clause
    while v.dep_ in _REPORTED and v.head.i != v.i:
        v = v.head
        subj = _subject(v)
        if subj is not None and subj.i < tok.i:
            return _as_antecedent(known, subj, fits)
    return None, False


def _own_subject(known: _Mentions, tok: Token, clause: Token, fits: Fits) -> tuple[Ent | None, bool]:
    """ "Smith said her team ...": a possessive or an object takes the subject of its clause."""
    v = clause
    while True:
        subj = _subject(v)
        if subj is not None and subj.i < tok.i:
            return _as_antecedent(known, subj, fits)
        if v.dep_ not in _REPORTED or v.head.i == v.i:
            return None, False
        v = v.head


def _as_antecedent(known: _Mentions, subj: Token, fits: Fits) -> tuple[Ent | None, bool]:
    """(actor, decided): a fitting named subject decides; an unnamed one that could agree takes the
    pronoun away from every other actor; any other subject leaves the question open."""
    e = known.actor(subj)
    if e is not None:
        return (e, True) if fits(e) else (None, False)
    if subj.pos_ == "NOUN" and subj.tag_ == "NN" and _could_agree(subj, fits):
        return None, True
    return None, False


def _could_agree(noun: Token, fits: Fits) -> bool:
    """An unnamed "lawyer", "spokesman", "official" for he/she; a "company", "ministry", "board" for it."""
    body = noun.lower_ in _BODY_NOUNS
    person_noun = not body and (noun.lower_ in ROLE_NOUNS or is_speaker_noun(noun.lower_))
    probe = Ent("", "person")
    return person_noun if fits(probe) else body


_BODY_NOUNS = frozenset(
    "company firm group bank ministry government agency board committee council court union party "
    "administration department commission authority regulator".split()
)


def _earlier(doc: Document, known: _Mentions, sid: int, fits: Fits) -> Ent | None:
    """The fitting subject of the nearest earlier sentence with a fitting actor, else its first one."""
    para = doc.sentences[sid].paragraph
    for k in range(sid - 1, max(-1, sid - 4), -1):
        sent = doc.sentences[k]
        if sent.kind != "body" and sent.paragraph != para:
            continue
        found = [(t, e) for t, e in known.in_sentence(k, sent.end) if fits(e)]
        first_subject = next((t for t, _ in _subjects(known, k)), None)
        if first_subject is not None:
            e, decided = _as_antecedent(known, first_subject, fits)
            if decided:
                return e
        if found:
            subjects = [e for t, e in found if t.dep_ in _SUBJECTS or _subject_name(t)]
            return subjects[0] if subjects else found[0][1]
    return None


def _subjects(known: _Mentions, sid: int) -> list[tuple[Token, Ent | None]]:
    sent = known.doc.sentences[sid]
    span = known.parsed.char_span(sent.start, sent.end, alignment_mode="expand")
    return [(t, known.actor(t)) for t in span if t.dep_ in _SUBJECTS] if span is not None else []


def _subject_name(tok: Token) -> bool:
    """A token inside a subject name ("Laura" of "Laura Bennett said")."""
    return tok.dep_ == "compound" and tok.head.dep_ in _SUBJECTS


def _subject(verb: Token) -> Token | None:
    subj = next((t for t in verb.children if t.dep_ in _SUBJECTS), None)
    if subj is None and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        return _subject(verb.head)  # "Smith arrived and said ...": the subject the verbs share
    return subj


def _verb_of(tok: Token) -> Token:
    v = tok.head
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return v


def _reported(tok: Token) -> bool:
    """The pronoun is the subject of a clause a verb reports ("Nordwind said on Monday it would ...")."""
    return tok.dep_ in _SUBJECTS and _verb_of(tok).dep_ == "ccomp"


def _expletive(parsed: SpacyDoc, tok: Token, sent_start: int, reported: bool) -> bool:
    """ "it is", "it would be", "it seems": "it" stands for no actor; nor does a subject "it" that is
    neither reported nor where a subject pronoun starts a clause."""
    if tok.dep_ == "expl":
        return True
    if tok.lower_ == "its":
        return False
    i = tok.i
    prev = parsed[i - 1] if i > 0 and parsed[i - 1].idx >= sent_start else None
    opens = prev is None or prev.lower_ in _OPENERS or prev.lower_.endswith("ly")
    if tok.dep_ in _SUBJECTS and not (opens or reported):
        return True
    words = [t.lower_ for t in parsed[i + 1 : i + 5] if t.lower_ not in ("not", "n't", "also", "’t")]
    if not words or words[0] in ("to", ".", ",", "’s", "'s", "is", "was"):
        return True
    if words[0] in _MODALS:
        return len(words) < 2 or words[1] in _EXPLETIVE_VERBS
    return words[0] in _EXPLETIVE_NEXT


_OPENERS = frozenset(
    ', that and but because as when while if though although so since what where “ " — – ; :'.split()
)
