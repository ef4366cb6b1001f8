"""Lexicons of the claims stage: communication cue verbs (all inflections), claim types, hedges.

Cue verbs are listed by lemma with the claim type they signal; inflected forms are generated
(regular English morphology plus a table of irregular verbs), so a verb added here is matched in
every tense. Multi-word cues ("point out", "call for") keep their particle.
"""

from __future__ import annotations

import re
from functools import lru_cache

# lemma -> claim type the cue signals ("" = decided by the content: assertion or condition)
CUE_LEMMAS: dict[str, str] = {
    # saying and reporting
    "say": "",
    "tell": "",
    "add": "",
    "note": "",
    "write": "",
    "state": "",
    "explain": "",
    "report": "",
    "reply": "",
    "respond": "",
    "answer": "",
    "tweet": "",
    "post": "",
    "declare": "",
    "announce": "",
    "mention": "",
    "remark": "",
    "comment": "",
    "observe": "",
    "reveal": "",
    "disclose": "",
    "confirm": "",
    "reiterate": "",
    "repeat": "",
    "stress": "",
    "emphasise": "",
    "emphasize": "",
    "insist": "",
    "maintain": "",
    "contend": "",
    "assert": "",
    "argue": "",
    "claim": "",
    "allege": "",
    "acknowledge": "",
    "admit": "",
    "concede": "",
    "point out": "",
    "counter": "",
    "retort": "",
    "testify": "",
    "recount": "",
    "recall": "",
    "describe": "",
    "attribute": "",
    "blame": "",
    "accuse": "",
    "praise": "",
    "criticise": "",
    "criticize": "",
    "condemn": "",
    "defend": "",
    "question": "",
    "agree": "",
    "complain": "",
    "boast": "",
    "joke": "",
    "quip": "",
    "brief": "",
    "go on to say": "",
    "point to": "",
    "continue": "",
    "call": "assessment",
    # demands and proposals
    "urge": "demand",
    "call for": "demand",
    "call on": "demand",
    "demand": "demand",
    "propose": "demand",
    "ask": "demand",
    "appeal": "demand",
    "challenge": "demand",
    "request": "demand",
    "recommend": "demand",
    "suggest": "assessment",
    "advise": "demand",
    "pledge": "demand",
    "promise": "demand",
    "vow": "demand",
    # refusals
    "deny": "refusal",
    "refute": "refusal",
    "dismiss": "refusal",
    "rebut": "refusal",
    "reject": "refusal",
    # assessments and predictions
    "predict": "assessment",
    "forecast": "assessment",
    "estimate": "assessment",
    "project": "assessment",
    "assess": "assessment",
    "conclude": "assessment",
    "believe": "assessment",
    "think": "assessment",
    "expect": "assessment",
    # warnings and threats
    "warn": "warning",
    "caution": "warning",
    "threaten": "warning",
}

# Cues that only count with an explicit "that"-clause (otherwise they are rarely speech):
# "Putin believes that ...", "we expect that ..." but not "expects growth", "questioned him".
THAT_ONLY = frozenset(
    "believe think expect recall question agree project observe maintain post answer brief report "
    "continue state comment mention note claim appeal counter".split()
)

_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thinking"),
    "go": ("goes", "went", "gone", "going"),
    "deny": ("denies", "denied", "denying"),
    "reply": ("replies", "replied", "replying"),
    "testify": ("testifies", "testified", "testifying"),
    "quip": ("quips", "quipped", "quipping"),
    "rebut": ("rebuts", "rebutted", "rebutting"),
    "admit": ("admits", "admitted", "admitting"),
    "forecast": ("forecasts", "forecast", "forecasting"),
    "estimate": ("estimates", "estimated", "estimating"),
}


def _inflect(verb: str) -> set[str]:
    """base, -s, -ed and -ing forms of one regular (or tabled irregular) verb."""
    if verb in _IRREGULAR:
        return {verb, *_IRREGULAR[verb]}
    if verb.endswith("e"):
        return {verb, verb + "s", verb + "d", verb[:-1] + "ing"}
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    if verb.endswith(("s", "sh", "ch", "x")):
        return {verb, verb + "es", verb + "ed", verb + "ing"}
    return {verb, verb + "s", verb + "ed", verb + "ing"}


@lru_cache(maxsize=1)
def form_table() -> dict[str, str]:
    """Every inflected cue (lower case, words joined by one space) -> its lemma."""
    table: dict[str, str] = {}
    for lemma in CUE_LEMMAS:
        head, *rest = lemma.split()
        for form in _inflect(head):
            table[" ".join([form, *rest])] = lemma
    return table


@lru_cache(maxsize=1)
def cue_regex() -> re.Pattern[str]:
    """Whole-word, case-insensitive alternation of every cue form, longest first."""
    forms = sorted(form_table(), key=len, reverse=True)
    alts = "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
    return re.compile(rf"(?<![\w’'-])(?:according\s+to|{alts})(?![\w’'-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(f.split()[0] for f in form_table()) | {"according"}


_WORD = re.compile(r"[A-Za-z]+")


def find_cues(text: str) -> list[re.Match[str]]:
    """Every cue in ``text``: the full pattern is tried only where a word could start a cue."""
    first, pattern = _first_words(), cue_regex()
    out = []
    for w in _WORD.finditer(text):
        if w.group().lower() in first and (m := pattern.match(text, w.start())):
            out.append(m)
    return out


def lemma_of(cue: str) -> str:
    key = " ".join(cue.lower().split())
    return "according to" if key == "according to" else form_table().get(key, key)


def is_participle(cue: str) -> bool:
    return cue.split()[0].lower().endswith("ing")


HEDGES = re.compile(
    r"\b(?:may|might|could|would|possibly|perhaps|probably|likely|unlikely|appears?\s+to|appeared\s+to|"
    r"seems?\s+to|seemed\s+to|not\s+necessarily|suggests?|reportedly|allegedly|apparently|"
    r"potentially|somewhat|about|around|roughly|approximately|expected\s+to|believed\s+to|"
    r"in\s+part|partly|largely|broadly|arguably|presumably|if)\b",
    re.IGNORECASE,
)
_HEDGE_SKIP = {"about", "around", "if", "would"}  # too generic to report as hedges on their own
_CONDITION = re.compile(r"(?:^|[\s,;:–—-])(?:if|unless|provided\s+that|as\s+long\s+as|in\s+case)\b", re.I)
_WARNING_WORDS = re.compile(r"\b(?:warn\w*|threat\w*|danger\w*|risks?|catastroph\w*|consequences)\b", re.I)
_DEMAND_WORDS = re.compile(r"\b(?:must|should|need\s+to|needs\s+to|ought\s+to|have\s+to|has\s+to)\b", re.I)
_PREDICTION = re.compile(r"\b(?:will|would|going\s+to|expect\w*|likely|forecast\w*)\b", re.I)


def hedges_in(text: str) -> str:
    """Hedging words of a claim's text, ';'-separated, first occurrence order, no repeats."""
    found: list[str] = []
    for m in HEDGES.finditer(text):
        if m.group()[0].isupper() and m.group().lower() == "may" and re.match(r"\s+\d", text[m.end() :]):
            continue  # "May 15": the month, not the modal
        w = " ".join(m.group().lower().split())
        if w not in _HEDGE_SKIP and w not in found:
            found.append(w)
    return ";".join(found)


def claim_type(lemma: str, content: str) -> str:
    """assertion, demand, refusal, assessment, warning or condition, from the cue then the content."""
    by_cue = CUE_LEMMAS.get(lemma, "")
    if by_cue:
        return by_cue
    if _CONDITION.search(content):
        return "condition"
    if _WARNING_WORDS.search(content):
        return "warning"
    if _DEMAND_WORDS.search(content):
        return "demand"
    if _PREDICTION.search(content):
        return "assessment"
    return "assertion"
