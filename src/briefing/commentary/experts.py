"""Expert commentary: which actors are outside experts, what each says, and how sure they sound.

An expert is an actor the actors stage flagged (``Actor.expert``) or whose description reads like one
("a senior fellow at ...", "Jefferies analyst", "professor of ..."), unless the description makes them a
party (a minister, a spokesman, a chief executive). Each expert's claims, in reading order, are cut into
sentences and each becomes a ``Finding``: judgement, reasoning, motive, prediction or belief, with the
estimative words that place it on the ICD 203 scale (data/estimative.yaml). ``contrasts`` pairs expert
findings with party claims on the same topic, for the notebook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from briefing.config import DATA_DIR
from briefing.model import Actor, ActorIndex, Claim, Document, Expert, Finding, Mention

# ------------------------------------------------------------------ who is an expert

_CREDENTIAL = re.compile(
    r"\b(?:(?:senior|chief|lead|principal|visiting|associate|assistant|distinguished|non-?resident|research|"
    r"equity|market|political|investment|global|head)\s+)*(?:fellow|analysts?|economists?|strategists?|"
    r"professor|researcher|scholar|lecturer|historian|political\s+scientist|commentator|expert|"
    r"head\s+of\s+(?:\w+\s+)?research|director\s+of\s+research|research\s+director|portfolio\s+manager|"
    r"fund\s+manager|investor|founder)\b",
    re.IGNORECASE,
)
_PARTY_ROLE = re.compile(
    r"\b(?:minister|president|prime\s+minister|spokes(?:man|woman|person)|secretary|chancellor|governor|"
    r"senator|mayor|ambassador|commander|general|chief\s+executive|CEO|CFO|chair(?:man|woman)?|official|"
    r"adviser|aide|deputy|lawmaker|MP|candidate|leader)\b",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(r"\s*,\s*(?P<desc>[^,;:“”\"]{3,160}?)(?=,|;|\.\s|\.$|\s(?:said|says|wrote|told)\b)")
_BEFORE_NAME = 60

_CHANNEL = re.compile(
    r"\b(?i:in)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:post|tweet|thread|blog(?:\s+post)?|op-ed|column|article|essay|"
    r"interview|podcast|newsletter|note|report|statement|e-?mail|letter|analysis|commentary|video|"
    r"broadcast|briefing)(?:\s+(?:on|to|with|for|in)\s+(?:(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*|"
    r"clients|investors|customers|subscribers))?"
    r"|\btold\s+(?:(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}|reporters|journalists|clients|"
    r"investors)"
    r"|\b(?:wrote|said|posted|commented)\s+(?:on|via)\s+(?:X|Twitter|Facebook|Telegram|LinkedIn|Substack|"
    r"[A-Z]{2,5})\b"
    r"|\bin\s+(?:comments|remarks)\s+to\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*",
)


def credentials_of(doc: Document, actor: Actor, mentions: list[Mention]) -> tuple[str, int, int] | None:
    """The description that makes ``actor`` an expert (its role, or words beside one of its ``mentions``)."""
    if actor.role and actor.role_evidence and _CREDENTIAL.search(actor.role):
        return actor.role, actor.role_evidence[0], actor.role_evidence[1]
    for m in mentions:
        if m.how not in ("name", "alias", "typo"):
            continue
        after = _APPOSITIVE.match(doc.text, m.end, min(len(doc.text), m.end + 200))
        if after and _CREDENTIAL.search(after.group("desc")):
            return after.group("desc").strip(), after.start("desc"), after.end("desc")
        lead = doc.text[max(0, m.start - _BEFORE_NAME) : m.start]
        before = re.search(
            r"((?:[A-Z][\w&.’'-]*\s+)*[\w-]*\s*(?:analyst|economist|strategist|"
            r"professor|researcher|historian))\s+$",
            lead,
        )
        if before and before.group(1).strip():
            start = m.start - len(lead) + before.start(1)
            return before.group(1).strip(), start, start + len(before.group(1).strip())
    if actor.expert and actor.role:
        span = actor.role_evidence or (-1, -1)
        return actor.role, span[0], span[1]
    return None


def is_expert(actor: Actor, credentials: str) -> bool:
    """Flagged by the actors stage, or described as an analyst and not as a party to the story."""
    if actor.expert:
        return True
    return bool(credentials) and not _PARTY_ROLE.search(credentials) and actor.side not in ("media",)


def channel_of(doc: Document, claims: list[Claim]) -> str:
    """How the expert communicated ("in a lengthy post on X", "told Reuters"), from the cue sentences."""
    for c in claims:
        at = c.cue_start if c.cue_start >= 0 else c.start
        sent = doc.sentence_at(at)
        if sent is None:
            continue
        m = _CHANNEL.search(doc.text, sent.start, sent.end)
        if m and not (c.start <= m.start() < c.end):
            return m.group().strip().rstrip(".")
    return ""


# ------------------------------------------------------------------ estimative language

_BUILTIN_LEXICON: dict[str, list[str]] = {
    "almost certain": [
        "almost certainly",
        "virtually certain",
        "all but certain",
        "certainly",
        "definitely",
        "undoubtedly",
        "without doubt",
        "no doubt",
        "inevitably",
        "bound to",
        "sure to",
    ],
    "very likely": ["very likely", "highly likely", "very probably", "most likely", "strongly expect"],
    "likely": [
        "likely",
        "probably",
        "expect",
        "expects",
        "expected",
        "appears to",
        "seems to",
        "we believe",
        "i believe",
        "we think",
        "i think",
        "suggests",
    ],
    "roughly even chance": [
        "may",
        "might",
        "could",
        "possibly",
        "perhaps",
        "maybe",
        "not necessarily",
        "even chance",
        "toss-up",
        "uncertain",
        "unclear",
    ],
    "unlikely": ["unlikely", "probably not", "doubtful", "improbable", "not likely", "not expecting"],
    "very unlikely": ["very unlikely", "highly unlikely", "little chance", "slim chance"],
    "almost no chance": ["almost no chance", "no chance", "virtually impossible", "impossible", "will never"],
}
ICD203_SCALE = (
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
)


@lru_cache(maxsize=4)
def estimative_lexicon(path: Path | None = None) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over every phrase (longest first) and the phrase -> ICD 203 term table."""
    source = path or DATA_DIR / "estimative.yaml"
    table = _BUILTIN_LEXICON
    if source.exists():
        loaded = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
        table = {k: [str(p) for p in v] for k, v in loaded.items() if k in ICD203_SCALE and v}
    phrase_to_term = {p.lower(): term for term, phrases in table.items() for p in phrases}
    alternation = "|".join(re.escape(p) for p in sorted(phrase_to_term, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE), phrase_to_term


def likelihood(text: str) -> tuple[str, str]:
    """(ICD 203 term, the words that put it there) for the first estimative phrase, or ("", "")."""
    rx, table = estimative_lexicon()
    found = [m.group().lower() for m in rx.finditer(text) if not (m.group() == "May" and m.start())]
    if not found:
        return "", ""
    return table[found[0]], "; ".join(dict.fromkeys(found))


# ------------------------------------------------------------------ kinds of finding

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
        trail = len(piece.rstrip(' ”"’'))
        if trail - lead > 2:
            out.append((claim.start + a + lead, claim.start + a + trail))
    return out


def findings_of(doc: Document, expert_id: str, claims: list[Claim]) -> list[Finding]:
    """Each sentence the expert is reported to say, in reading order, as a Finding."""
    findings: list[Finding] = []
    covered_to = -1
    for c in sorted(claims, key=lambda c: c.start):
        for a, b in split_claim(c):
            if b <= covered_to:
                continue  # the same words reported twice (overlapping claims)
            text = doc.text[a:b]
            term, words = likelihood(text)
            findings.append(Finding(expert_id, finding_kind(text), text, a, b, c.id, term, words))
            covered_to = max(covered_to, b)
    return findings


# ------------------------------------------------------------------ the stage


def find_experts(
    doc: Document, actors: ActorIndex, claims: list[Claim]
) -> tuple[list[Expert], list[Finding]]:
    """Outside experts (with credentials, evidence and channel) and the findings from their own words."""
    spoken: dict[str, list[Claim]] = {}
    for c in claims:
        if c.speaker_id and c.mode in ("direct", "indirect"):
            spoken.setdefault(c.speaker_id, []).append(c)
    by_actor: dict[str, list[Mention]] = {}
    for m in actors.mentions:
        by_actor.setdefault(m.actor_id, []).append(m)
    experts: list[Expert] = []
    findings: list[Finding] = []
    for actor in actors.actors:
        if actor.kind not in ("person", "organisation", "group"):
            continue
        cred = credentials_of(doc, actor, by_actor.get(actor.id, []))
        said = sorted(spoken.get(actor.id, []), key=lambda c: c.start)
        if not is_expert(actor, cred[0] if cred else "") or not (said or actor.kind == "person"):
            continue
        text, start, end = cred or (actor.role, -1, -1)
        experts.append(Expert(actor.id, actor.name, text, start, end, channel_of(doc, said)))
        findings.extend(findings_of(doc, actor.id, said))
    return experts, findings


# ------------------------------------------------------------------ contrasts for the notebook

_STOP = frozenset(
    """the a an and or but of to in on at for with from by as is are was were be been being it its this that
    these those there their they them he she his her him we our you your not no nor do does did has have had
    will would could should may might can must than then so such also just more most very much many any some
    into about over after before while which who whom what when where why how said says say told according
    all only even still now new one two including against because however other like well make made
    take""".split()
)
_NEGATION = re.compile(r"\b(?:not|no|never|without|unlikely|neither|nor|hardly)\b|n[’']t\b", re.IGNORECASE)


@dataclass(frozen=True)
class Contrast:
    """An expert finding and a party claim on the same topic."""

    expert_id: str
    finding: str
    finding_start: int
    party_id: str
    party: str
    claim: str
    claim_start: int
    shared: tuple[str, ...]  # content words and actors both talk about
    score: int
    opposed: bool  # one is negated and the other is not: a hint, not a verdict


@dataclass(frozen=True)
class _Item:
    who: str
    name: str
    text: str
    start: int
    end: int


def contrasts(source: Any, min_score: int = 2, per_finding: int = 1) -> list[Contrast]:
    """Pairs (expert finding, party claim) sharing content words or actors talked about.

    ``source`` is an ``Extraction`` or a ``Bundle`` read back by ``briefing.io.load``.
    """
    findings, party, mentions = _records(source)
    topics = {id(i): _topic(i, mentions) for i in findings}
    # a party's claim is about its own position too: the expert talking about the party is on topic
    topics |= {id(c): _topic(c, mentions) | {"@" + c.name} for c in party}
    out: list[Contrast] = []
    for f in findings:
        scored = []
        for c in party:
            shared = sorted(topics[id(f)] & topics[id(c)])
            words = sum(not w.startswith("@") for w in shared)
            score = len(shared)
            about_party = "@" + c.name in shared  # the expert talks about this very party
            # a shared word, or the party itself: other actors alone are not a topic
            if (words or about_party) and score >= min_score - about_party:
                scored.append((score, c, shared))
        scored.sort(key=lambda s: (-s[0], s[1].start))
        for score, c, shared in scored[:per_finding]:
            opposed = bool(_NEGATION.search(f.text)) != bool(_NEGATION.search(c.text))
            out.append(
                Contrast(
                    f.who,
                    f.text,
                    f.start,
                    c.who,
                    c.name,
                    c.text,
                    c.start,
                    tuple(w.lstrip("@") for w in shared),
                    score,
                    opposed,
                )
            )
    return out


def _topic(item: _Item, mentions: list[tuple[str, str, int, int]]) -> set[str]:
    raw = re.findall(r"[A-Za-z][A-Za-z’'-]{2,}", item.text)
    words = {re.sub(r"[’']s?$", "", w.lower()).rstrip("s") for w in raw}  # "union's" -> "union"
    about = {
        "@" + name for aid, name, s, e in mentions if item.start <= s and e <= item.end and aid != item.who
    }
    in_names = {w.lower().rstrip("s") for name in about for w in name[1:].split()}
    return {w for w in words if w not in _STOP and w not in in_names and len(w) > 2} | about


def _records(source: Any) -> tuple[list[_Item], list[_Item], list[tuple[str, str, int, int]]]:
    """(expert findings, party claims, mentions as (actor id, actor name, start, end)) from either form."""
    if hasattr(source, "document"):  # an Extraction of model objects
        names = {a.id: a.name for a in source.actors.actors}
        experts = {x.actor_id for x in source.experts} | {a.id for a in source.actors.actors if a.expert}
        media = {a.id for a in source.actors.actors if a.side == "media"}
        findings = [
            _Item(f.expert_id, names.get(f.expert_id, ""), f.text, f.start, f.end) for f in source.findings
        ]
        party = [
            _Item(c.speaker_id, c.speaker, c.text, c.start, c.end)
            for c in source.claims
            if c.mode in ("direct", "indirect") and c.speaker_id and c.speaker_id not in experts | media
        ]
        mentions = [(m.actor_id, names.get(m.actor_id, ""), m.start, m.end) for m in source.actors.mentions]
        return findings, party, mentions
    actors = source.actors
    names = dict(zip(actors.actor_id, actors.name, strict=False))
    experts = set(source.experts.actor_id) | set(actors.actor_id[actors.expert == 1])
    media = set(actors.actor_id[actors.side == "media"])
    findings = [
        _Item(r.expert_id, names.get(r.expert_id, ""), r.text, int(r.start), int(r.end))
        for r in source.findings.itertuples()
    ]
    party = [
        _Item(r.speaker_id, r.speaker, r.text, int(r.start), int(r.end))
        for r in source.claims.itertuples()
        if r.mode in ("direct", "indirect") and r.speaker_id and r.speaker_id not in experts | media
    ]
    mentions = [
        (r.actor_id, names.get(r.actor_id, ""), int(r.start), int(r.end))
        for r in source.mentions.itertuples()
    ]
    return findings, party, mentions
