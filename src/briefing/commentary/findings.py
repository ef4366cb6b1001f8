"""An expert's findings: each sentence of what they are reported to say, and each judgement the text
reports of them without a quote ("she views the chances of a meeting as slim"), with its kind and its
likelihood (ICD 203) or caveat."""

from __future__ import annotations

import re

from briefing.commentary.estimative import caveat, likelihood
from briefing.model import Claim, Document, Finding, Mention

_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My)\b")
_MOTIVE = re.compile(
    r"\b(?:(?:his|her|their|its)\s+(?:\w+\s+)?(?:aim|goal|objective|intention|purpose|motive|strategy|"
    r"agenda)|aims?\s+to|seeks?\s+to|intends?\s+to|is\s+trying\s+to|tries\s+to|in\s+order\s+to)\b",
    re.IGNORECASE,
)
_BELIEF = re.compile(
    r"\b(?:(?:does|do|did)\s+not\s+believe|doesn[’']t\s+believe|believes|thinks|wants|sees|fears|"
    r"hopes|considers|is\s+convinced|are\s+convinced|expects)\b",
    re.IGNORECASE,
)
_PREDICTION = re.compile(
    r"\b(?:will|won[’']t|going\s+to|is\s+likely\s+to|are\s+likely\s+to|expects?|expected|forecasts?|"
    r"predicts?|outlook|next\s+(?:year|quarter|month)|coming\s+(?:months|years|quarters|weeks)|"
    r"near[\s-]term|could|would(?!\s+have))\b",
    re.IGNORECASE,
)
_REASONING = re.compile(
    r"\b(?:because|as\s+a\s+result|due\s+to|given|driven\s+by|thanks\s+to|owing\s+to|reflects?|reflected|"
    r"tied\s+to|stems?\s+from|responding\s+to|in\s+response\s+to|therefore|thus|hence|which\s+means)\b",
    re.IGNORECASE,
)
# A judgement the text reports in its own words: "<expert> views / sees / rates / puts ... as ...".
_JUDGES = re.compile(
    r"\s+(?:also\s+)?(?:(?:has|have|had)\s+)?(?P<verb>views|view|viewed|sees|saw|considers|considered|regards|regarded|rates|rated|"
    r"puts|put|judges|judged|estimates|estimated|describes|described|calls|called|doubts|doubted|"
    r"expects|expected|believes|believed|thinks|thought)\s+(?P<what>[^.;!?]{6,240})",
)


def finding_kind(sentence: str) -> str:
    """motive, belief, prediction, reasoning or judgement, from cue words in one sentence."""
    if _MOTIVE.search(sentence) and not _first_person_subject(sentence, _MOTIVE):
        return "motive"
    if _BELIEF.search(sentence) and not _first_person_subject(sentence, _BELIEF):
        return "belief"
    if _PREDICTION.search(sentence):
        return "prediction"
    if _REASONING.search(sentence):
        return "reasoning"
    return "judgement"


def _first_person_subject(sentence: str, cue: re.Pattern[str]) -> bool:
    """'We see risks': the expert's own view, not one attributed to others."""
    m = cue.search(sentence)
    return bool(m and _FIRST_PERSON.search(sentence[max(0, m.start() - 25) : m.start()]))


_SENTENCE_CUT = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[“\"‘A-Z])")


def split_claim(claim: Claim) -> list[tuple[int, int]]:
    """The sentences of a claim's content as document spans (trimmed of quote marks and spaces)."""
    spans, pos = [], 0
    for m in _SENTENCE_CUT.finditer(claim.text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(claim.text)))
    out = []
    for a, b in spans:
        piece = claim.text[a:b]
        lead = len(piece) - len(piece.lstrip(' “"‘'))
        trail = len(piece.rstrip(' ”"’,'))
        if trail - lead > 2:
            out.append((claim.start + a + lead, claim.start + a + trail))
    return out


def finding(doc: Document, expert_id: str, a: int, b: int, claim_id: str = "") -> Finding:
    text = doc.text[a:b]
    term, words = likelihood(text)
    return Finding(expert_id, finding_kind(text), text, a, b, claim_id, term, words, caveat(text))


def findings_of(doc: Document, expert_id: str, claims: list[Claim]) -> list[Finding]:
    """Each sentence the expert is reported to say, in reading order, as a Finding."""
    findings: list[Finding] = []
    covered_to = -1
    for c in sorted(claims, key=lambda c: c.start):
        for a, b in split_claim(c):
            if b <= covered_to:
                continue  # the same words reported twice (overlapping claims)
            findings.append(finding(doc, expert_id, a, b, c.id))
            covered_to = max(covered_to, b)
    return findings


def reported_judgements(
    doc: Document, expert_id: str, mentions: list[Mention], claims: list[Claim]
) -> list[Finding]:
    """Judgements the text reports of the expert outside any claim: "X views the chances as slim"."""
    covered = [(c.start, c.end) for c in claims]
    out = []
    for m in mentions:
        found = _JUDGES.match(doc.text, m.end, min(len(doc.text), m.end + 260))
        if not found:
            continue
        a, b = found.start("verb"), found.end("what")
        if any(x <= a < y or x < b <= y for x, y in covered):
            continue
        out.append(finding(doc, expert_id, a, b))
    return out
