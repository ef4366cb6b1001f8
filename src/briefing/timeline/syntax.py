"""The tense of the verb that governs a time expression, read from spaCy's dependency parse.

"He will succeed her Feb. 1" (planned), "It had been due to expire Friday" (past: the schedule itself is
past), "They meet Monday" (present), "a still unspecified date in January" (the adjective is no verb).
The parse is the extraction's own (``briefing.nlp.parse``: one per document, offsets into its text); the
timeline loads no model. Without a parse the timeline falls back on the nearest tense word
(``tense.clause_tense``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.timeline.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SCHEDULE = frozenset(words("time_schedule_words")) | frozenset(words("time_intent_words"))
_AHEAD = frozenset(words("time_ahead_words")) | frozenset(words("time_effect_words"))
_COMMIT = frozenset(words("time_commit_verbs"))
_ON_A_NOUN = frozenset({"compound", "npadvmod", "nmod", "appos"})
_CONDITION = frozenset({"if", "unless", "when", "once", "until", "before"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re", "does", "do"})
_PAST_AUX = frozenset({"was", "were", "did", "had", "'d", "’d"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve"})
_END_POINT = frozenset({"until", "through", "till", "into"})


def governing_tense(doc: Doc, start: int, end: int) -> str:
    """past, present or planned: the tense of the verb governing the characters [start, end) of the
    parsed ``doc`` ("" when no verb governs them)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    if not tokens:
        return ""
    root = next((t for t in tokens if not (start <= t.head.idx < end) or t.head is t), tokens[0])
    if root.dep_ == "poss" or (root.head.pos_ in ("NOUN", "PROPN") and root.dep_ in _ON_A_NOUN):
        return ""  # "Monday's decision", "the win Tuesday": the verb over the noun is a weak guide
    verb = root.head
    for _ in range(12):
        if verb.lower_ in _AHEAD and not verb.tag_.startswith("VB"):
            return "planned"  # "elections due in May", "the upcoming vote on Sunday"
        if (verb.tag_.startswith("VB") or verb.tag_ == "MD") and verb.is_alpha:  # not a "-" tagged VBD
            if _clause_starts_after(verb, tokens[-1].i):
                return ""  # a misattached phrase: the verb's clause opens after the expression
            tense = _tense(verb)
            if tense == "past" and tokens[0].lower_ in _END_POINT and _present_perfect(verb):
                return "present"  # "has extended the loans through January": the end may lie ahead
            if tense != "up":
                return tense
        if verb.head is verb:
            return ""
        verb = verb.head
    return ""


def _clause_starts_after(verb: Token, last: int) -> bool:
    """Whether the clause of ``verb`` opens (with "that", "if", "because" ...) after token ``last``:
    "warnings from Moscow on Thursday that strikes could do harm" -- the weekday is no part of it."""
    return any(c.dep_ == "mark" and c.i > last for c in verb.children)


def _present_perfect(verb: Token) -> bool:
    """ "has extended", "have been granted": a present perfect (not "had")."""
    said = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(said & _PERFECT_AUX) and not said & _PAST_AUX


def _tense(verb: Token) -> str:
    """The tense of one verb with its auxiliaries, or "up" when its governor decides (participles)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    said = {a.lower_ for a in aux}
    if any(a.tag_ == "MD" for a in aux):
        return "past" if "have" in said else "planned"
    if said & _PAST_AUX:
        return "past"
    if verb.tag_ == "VB" and "to" in said:
        return _infinitive(verb)
    if said & _PERFECT_AUX or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or said & _PRESENT_AUX or _bare_with_subject(verb, aux):
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        return "planned" if marks & _CONDITION else "present"  # "if the vote goes ahead in May"
    if verb.tag_ == "MD":
        return "planned"
    if verb.tag_ == "VBN" and not aux:  # a participle alone: "terms announced Friday"
        return "planned" if verb.lower_ in _AHEAD else "past"
    return "up"


def _bare_with_subject(verb: Token, aux: list[Token]) -> bool:
    """A base form with its own subject and no auxiliary is a present tagged as a base form
    ("the envoys meet again Monday")."""
    return verb.tag_ == "VB" and not aux and any(c.dep_ == "nsubj" for c in verb.children)


def _infinitive(verb: Token) -> str:
    """'due to expire', 'set to resume', 'plans to visit' look ahead, unless the schedule is itself past
    ('had been due to expire', 'was set to headline Tuesday'); after a past verb of commitment ('agreed
    to', 'urged them to') its time may lie before or after publication (the nearest); other infinitives
    say nothing."""
    gov = verb.head
    if gov.lower_ in ("is", "are", "am", "'s", "'re", "’s", "’re"):
        return "planned"  # "is to resume trading Tuesday"
    if gov.lower_ in _SCHEDULE:
        above = gov if gov.tag_.startswith("VB") else gov.head
        aux = {c.lower_ for c in above.children if c.dep_ in ("aux", "auxpass")} | {above.lower_}
        return "past" if aux & {"had", "'d", "’d", "was", "were"} else "planned"
    if gov.tag_ in ("VBD", "VBN") and gov.lemma_.lower() in _COMMIT:
        return "present"  # "agreed to purchase it in February": still to be done, before or after now
    return ""
