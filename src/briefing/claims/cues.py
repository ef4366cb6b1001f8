"""What kind of claim a cue and its content make: claim types and hedging words.

The speech verbs themselves are data (``lexicon/speech_verbs.yaml``): each names the claim type it
signals; a verb that signals none leaves the content to decide (a condition, a warning, a demand, a
prediction, or a plain assertion).
"""

from __future__ import annotations

import re

from briefing.lexicon import Lexicon

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


def claim_type(lex: Lexicon, lemma: str, content: str) -> str:
    """assertion, demand, refusal, assessment, warning or condition, from the cue then the content."""
    verb = lex.verb(lemma)
    if verb is not None and verb.type:
        return verb.type
    if _CONDITION.search(content):
        return "condition"
    if _WARNING_WORDS.search(content):
        return "warning"
    if _DEMAND_WORDS.search(content):
        return "demand"
    if _PREDICTION.search(content):
        return "assessment"
    return "assertion"
