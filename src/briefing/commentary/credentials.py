"""Who is an outside expert, from the credentials the text gives them in any form and any place.

A person's descriptions are read beside every mention of their name, wherever it is: an appositive
("Maria Olsen, a senior fellow at the Delta Institute,"), a relative clause ("..., who heads the X
Institute," / "who oversaw ... between 2015 and 2019"), a phrase ("Luka Horvat of the polling firm
Parsifal Research"), a title before the name ("Jefferies analyst Mark Odell", "Prof Daniel Reyes"), plus
the role the actors stage found. The institution is kept whole ("London School of Hygiene & Tropical
Medicine", "University of California, San Francisco") and typed (``lexicon/experts.yaml``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from briefing.lexicon import lists
from briefing.model import Actor, ActorIndex, Claim, Document, Mention

_NAMED = ("name", "alias", "typo")
_APPOSITIVE = re.compile(
    r"\s*,\s*(?P<desc>(?:who\s+)?[^,;:“”\"]{3,160}?)(?=,|;|\.\s|\.$|\s(?:said|says|wrote|writes|told|added)\b)"
)
_PHRASE = re.compile(
    r"\s+(?P<desc>(?:of|at|from|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}[A-Z][\w.&’'-]*"
    r"(?:\s+(?:(?:of|for|and|on|&)\s+)?[A-Z][\w.&’'-]*)*)"
)
_CAPITALISED = r"[A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|and|on|&|de)\s+)?[A-Z][\w.&’'-]*)*"
_TIE = re.compile(
    r"\b(?:at|of|for|with|from|heads|leads|runs|directs|chairs|founded)\s+(?:the\s+)?"
    r"(?P<pre>(?:[\w-]+\s+){0,4}?)(?P<name>" + _CAPITALISED + ")"
)
_BEFORE = 70


@dataclass(frozen=True)
class Credentials:
    text: str
    start: int
    end: int
    institution: str = ""
    institution_type: str = ""
    institution_start: int = -1
    institution_end: int = -1


# ------------------------------------------------------------------ word lists


@cache
def _any(name: str, key: str) -> re.Pattern[str]:
    words = sorted(lists.words(name, key), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


@cache
def _patterns(key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in lists.words("experts", key))


def has_credentials(text: str) -> bool:
    return bool(_any("experts", "credentials").search(text))


def party_role(text: str) -> bool:
    """A role that makes its bearer a party now (a former one does not: "former minister")."""
    current = re.split(r"\bnow\b", text)[-1] if re.search(r"\bnow\b", text) else text
    if any(p.search(current) for p in _patterns("former")) and not re.search(r"\bnow\b", text):
        return False
    return bool(_any("experts", "party_roles").search(current))


def former(text: str) -> bool:
    """A past role and no present one ("a former judge who now leads ..." is a present role)."""
    return not re.search(r"\bnow\b", text) and any(p.search(text) for p in _patterns("former"))


def institution_type(*texts: str) -> str:
    """The first kind of institution whose word occurs, reading the texts in order."""
    for text in texts:
        low = text.lower()
        for kind, words in lists.table("experts", "institution_types").items():
            if any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low) for w in words):
                return kind
    return ""


EXPERT_INSTITUTIONS = frozenset(
    {
        "university",
        "think tank",
        "pollster",
        "bank research",
        "consultancy",
        "fact-checker",
        "rating agency",
        "research firm",
    }
)


def research_channel(text: str) -> bool:
    return any(p.search(text) for p in _patterns("research_channels"))


# ------------------------------------------------------------------ descriptions


def descriptions(doc: Document, actor: Actor, mentions: list[Mention]) -> list[tuple[str, int, int]]:
    """Every description the text gives ``actor``, with its offsets, in reading order."""
    out: list[tuple[str, int, int]] = []
    if actor.role and actor.role_evidence:
        out.append((actor.role, *actor.role_evidence))
    text = doc.text
    for m in mentions:
        if m.how not in _NAMED:
            continue
        for rx in (_APPOSITIVE, _PHRASE):
            found = rx.match(text, m.end, min(len(text), m.end + 220))
            if found:
                out.append((found.group("desc").strip(), found.start("desc"), found.end("desc")))
        before = _title_before(text, m.start)
        if before:
            out.append(before)
    return sorted(set(out), key=lambda d: d[1])


@cache
def _before_name() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lists.words("experts", "credentials"))
    return re.compile(rf"((?:[A-Z][\w&.’'-]*\s+)*(?:[\w-]+\s+)?(?:{words}))\.?\s+$", re.IGNORECASE)


def _title_before(text: str, at: int) -> tuple[str, int, int] | None:
    """ "Jefferies analyst", "Capital Economics' Asia economist", "Prof" right before the name."""
    lead = text[max(0, at - _BEFORE) : at].rsplit("\n", 1)[-1]
    if not has_credentials(lead):
        return None
    m = _before_name().search(lead)
    if not m or not m.group(1).strip():
        return None
    start = at - len(lead) + m.start(1)
    desc = m.group(1).strip()
    # keep the phrase from its first capitalised word or its credential word, not the sentence before
    cut = re.search(r"(?:^|[.;:,]\s+)([^.;:,]*)$", desc)
    if cut and cut.start(1):
        start += cut.start(1)
        desc = cut.group(1)
    return desc, start, start + len(desc)


def institution_in(
    doc: Document,
    desc: tuple[str, int, int],
    orgs: list[Mention],
    index: ActorIndex | None = None,
    own: str = "",
) -> tuple[str, str, int, int]:
    """(name, type, start, end) of the institution a description names, or ("", "", -1, -1).

    An organisation the actors stage found inside the description is taken and widened to the whole
    name ("School of ..." after "London"; a university's ", San Francisco"). "At the pollster" names
    the pollster the text named last."""
    text, (words, a, b) = doc.text, desc
    inside = [m for m in _within(orgs, a, b) if m.actor_id != own]
    if inside:
        m = max(inside, key=lambda m: m.end - m.start)
        start, end = _widen(text, m.start, m.end)
    else:
        tie = _TIE.search(words)
        if not tie:
            return _named_before(doc, desc, index)
        start, end = a + tie.start("name"), a + tie.end("name")
    name = text[start:end]
    kind = institution_type(_words_before(text, a, start), name)
    if kind == "university":
        extra = re.match(r",\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?=\s*[,.;]|\s+(?:said|who)\b)", text[end:])
        if extra:
            end += extra.end()
            name = text[start:end]
    return name, kind, start, end


def _words_before(text: str, a: int, start: int) -> str:
    """The words describing an institution right before its name: "the polling firm" + Parsifal."""
    before = text[a:start]
    tie = list(re.finditer(r"\b(?:at|of|for|with|from|heads|leads|runs)\s+(?:the\s+)?", before))
    return before[tie[-1].end() :] if tie else before


def _named_before(
    doc: Document, desc: tuple[str, int, int], index: ActorIndex | None
) -> tuple[str, str, int, int]:
    """ "an associate director at the pollster": the type, and the latest institution of that type."""
    kind = institution_type(desc[0])
    if not kind or index is None:
        return "", kind, -1, -1
    earlier = [
        m
        for m in index.mentions
        if m.end <= desc[1] and desc[1] - m.start < 800 and institution_type(m.surface) == kind
    ]
    if not earlier:
        return "", kind, -1, -1
    m = earlier[-1]
    return doc.text[m.start : m.end], kind, m.start, m.end


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in capitalised words glued to the left of a name ("London" + "School of ...")."""
    while True:
        m = re.search(r"([A-Z][\w&’'-]*)\s+$", text[max(0, start - 30) : start])
        if not m or m.group(1) in ("The", "A", "An"):
            return start, end
        start = start - (len(text[max(0, start - 30) : start]) - m.start(1))


def credentials_of(
    doc: Document,
    actor: Actor,
    index: ActorIndex,
    mentions: list[Mention] | None = None,
    orgs: list[Mention] | None = None,
) -> Credentials | None:
    """The description that makes ``actor`` an expert, with its institution, or None.

    ``mentions`` (the actor's) and ``orgs`` (every organisation mention) may be given when known."""
    mentions = index.mentions_of(actor.id) if mentions is None else mentions
    orgs = [m for m in index.mentions if _is_org(index, m.actor_id)] if orgs is None else orgs
    found = descriptions(doc, actor, mentions)
    scored = [(d, institution_in(doc, d, orgs, index, actor.id)) for d in found]
    scored.sort(key=lambda x: (not _expert_words(x[0], x[1]), not x[1][0], -len(x[0][0]), x[0][1]))
    for desc, inst in scored:
        return Credentials(desc[0], desc[1], desc[2], *inst)
    return None


def _within(mentions: list[Mention], a: int, b: int) -> list[Mention]:
    """The mentions (sorted by start) lying inside [a, b)."""
    i = bisect.bisect_left(mentions, a, key=lambda m: m.start)
    out = []
    while i < len(mentions) and mentions[i].start < b:
        if mentions[i].end <= b:
            out.append(mentions[i])
        i += 1
    return out


def _is_org(index: ActorIndex, actor_id: str) -> bool:
    a = index.get(actor_id)
    return a is not None and a.kind in ("organisation", "group")


def _expert_words(desc: tuple[str, int, int], inst: tuple[str, str, int, int]) -> bool:
    return has_credentials(desc[0]) or inst[1] in EXPERT_INSTITUTIONS or (former(desc[0]) and bool(inst[0]))


def org_type(doc: Document, actor: Actor, mentions: list[Mention]) -> str:
    """The kind of institution an organisation is, by its name or the words the text puts before it
    ("Global financial firm JP Morgan", "the polling firm Parsifal Research")."""
    kind = institution_type(actor.name)
    for m in mentions[:3]:
        if kind:
            break
        line = doc.text[max(0, m.start - 40) : m.start].rsplit("\n", 1)[-1]
        before = re.split(r"[.;:,]", line)[-1]
        kind = institution_type(before)
    return kind


def is_expert(actor: Actor, cred: Credentials | None, channel: str = "", kind: str = "") -> bool:
    """Flagged by the actors stage; or described as an analyst, as working at a think tank, university,
    pollster, research desk or consultancy, or as a former insider of a named institution, and not as a
    party now ("a former prosecutor" who now leads a party is no outside voice)."""
    if actor.side == "media" or actor.kind not in ("person", "organisation"):
        return False
    if actor.expert:
        return True
    if actor.kind == "organisation":
        kind = kind or institution_type(actor.name)
        return kind in EXPERT_INSTITUTIONS or research_channel(channel)
    if cred is None:
        return research_channel(channel)
    expert_place = cred.institution_type in EXPERT_INSTITUTIONS
    if party_role(cred.text) and not expert_place:
        return False
    was_inside = former(cred.text) and bool(cred.institution)  # "who oversaw ... as the EFL's head"
    return has_credentials(cred.text) or expert_place or was_inside or research_channel(channel)


# ------------------------------------------------------------------ how they said it

_CHANNEL = re.compile(
    r"\b(?i:in)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:post|tweet|thread|blog(?:\s+post)?|op-ed|column|article|essay|"
    r"interview|podcast|newsletter|note|report|statement|e-?mail|letter|analysis|commentary|video|"
    r"broadcast|briefing)(?:\s+(?:on|to|with|for|in)\s+(?:(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*|"
    r"clients|investors|customers|subscribers))?"
    r"|\btold\s+(?:(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z0-9][\w.&’'-]*){0,3}|reporters|journalists|clients|"
    r"investors)"
    r"|\b(?:wrote|said|posted|commented)\s+(?:on|via)\s+(?:X|Twitter|Facebook|Telegram|LinkedIn|Substack|"
    r"[A-Z]{2,5})\b"
    r"|\bin\s+(?:comments|remarks)\s+to\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*",
)


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
