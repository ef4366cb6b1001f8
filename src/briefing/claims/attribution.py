"""Claims: every attributed statement (direct quotes, reported speech) and the outlet's own voice.

1. Direct quotes (``doc.quotes``): a quote is a claim when an attribution frames it in its own
   sentence (``"...," said X`` / ``X said: "..."`` / ``"..." X told the BBC``), when a lone byline line
   follows it, or when it stands as a sentence of its own beside another claim of its paragraph (or
   fills a paragraph after one). Quoted terms inside a sentence (scare quotes) are not claims.
2. Reported speech: every communication cue verb (``cues``) outside quotes in a body sentence,
   with its subject (``claims_speakers``) and its content: the ``that``-clause or complement after the
   cue, or the clause before a sentence-final ``..., X said`` / ``according to X``.
3. Speakers are resolved in text order through the actor index; pronouns fall back to the previous
   compatible speaker. Joint subjects give one claim per actor.
4. Editorial sentences (``editorial``) are added for the text no claim covers.

Every step reads a bounded window around a cue or quote, so the stage is linear in the text length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from briefing.claims.cues import (
    THAT_ONLY,
    claim_type,
    find_cues,
    hedges_in,
    is_participle,
    lemma_of,
)
from briefing.claims.editorial import find_editorial
from briefing.claims.speakers import (
    PRONOUNS,
    SKIP_WORDS,
    WINDOW,
    MentionLookup,
    Subject,
    first_subject,
    left_subject,
    pronoun_kinds,
    right_subject,
)
from briefing.lexicon.words import is_speaker_noun
from briefing.model import Actor, ActorIndex, Claim, Document, Mention, Quote, Sentence, Span

_CLOSE_MARKS = "”\"’'»"
# Noun-or-verb cues that are surely verbs after "he", "she", "they": "he claims his boss is OK".
_VERB_AFTER_PRONOUN = frozenset({"claim", "note", "state", "comment", "mention", "report"})
_PARTICIPLE_LEAD = frozenset({"while", "by", "when", "after", "before", "also", "and", "without"})
_NOUN_MARKERS = frozenset("the a an his her its their this these those our my your whose".split())
_COMPOUND_NOUN = re.compile(r"\b(?:conference|phone|earnings|video|roll|wake-up)\s+$", re.IGNORECASE)
_NOT_CONTENT = re.compile(
    r"(?:as|while|when|little|nothing|much|more|something|anything|so|goodbye|hello)\b", re.I
)
_COMM_NOUNS = frozenset(
    "statement letter post tweet release message memo speech interview note report".split()
)
_ADJUNCT_START = frozenset(
    """in on at during from to via after before over through with last this next earlier late later again
    also repeatedly publicly privately recently previously today yesterday tonight of monday tuesday
    wednesday thursday friday saturday sunday""".split()
)
_OBJECT_CUES = frozenset(
    {"tell", "warn", "remind", "assure", "inform", "caution", "advise", "brief", "write"}
)
_THAT_GAP = re.compile(r"((?:\s+[^\s,.;:!?“”\"]+){0,12}?)\s*,?\s+that\b")
_CLAUSE_END = re.compile(r"\s*(?:;|\s[–—]\s|,\s+(?:but|while|whereas|though|although)\b)")
_LEAD_CONJ = re.compile(r"^(?:(?:but|and|so|yet|still|however|nonetheless|instead|now),?\s+)+", re.I)
_BEFORE_QUOTE = re.compile(r"\s*(?:[,:]\s*|\s+that\s*)?")
_BEFORE_QUOTE_WORDS = re.compile(r"(?:\s+[^\s,:;.!?“”\"]+){1,5}\s*(?:[,:]|\s+that)\s*")
_OBJECT = re.compile(
    r"\s+(?:(?:[A-Z][\w.’'&-]*)(?:\s+[A-Z][\w.’'&-]*){0,4}|(?:the\s+)?(?:reporters|"
    r"journalists|lawmakers|supporters|voters|members|crowd|audience|committee|court)|"
    r"me|him|her|us|them)(?=\s)"
)
_CLAUSE_START = re.compile(
    r"\s*(?:he|she|they|it|we|i|there|the|a|an|this|that|these|those|his|her|its|"
    r"their|our|[A-Z]|\d)",
    re.I,
)
_CALL_NAMING = re.compile(
    r"\s+(?!(?:for|on|off|up|in|back|out|upon|into|to|at)\b)[\w’'.-]+"
    r"(?:\s+(?!to\b)[\w’'.-]+){0,8}?\s+(?:a|an|“|\")",
    re.I,
)
_TERMINATOR = re.compile(r"[.!?;](?=\s|$)")


@dataclass
class Draft:
    """A claim before its speaker is resolved."""

    start: int
    end: int
    mode: str
    cue: str
    cue_start: int
    cue_end: int
    sentence: Sentence
    subject: Subject | None = None
    inherit: Draft | None = None  # a quote continuing another claim's speaker
    byline: Span | None = None
    speaker_id: str = ""
    speaker: str = ""
    surface: str = ""
    resolved: bool = False
    also: tuple[tuple[str, str], ...] = ()  # further speakers of a joint subject (id, name)


class _Context:
    """The document with lookups every detector shares."""

    def __init__(self, doc: Document, actors: ActorIndex) -> None:
        self.doc, self.text = doc, doc.text
        self.mentions = MentionLookup(actors, doc.text)
        self.quotes = sorted(doc.quotes, key=lambda q: q.start)
        self.quote_starts = [q.start for q in self.quotes]
        self.cues = [m for m in find_cues(doc.text) if self._body(m.start()) and self._verbal(m)]
        self.cue_starts = [m.start() for m in self.cues]
        self.used_cues: set[int] = set()
        self.unnamed: dict[str, Actor] = {}  # unnamed sources made actors, by their wording

    def _body(self, offset: int) -> bool:
        s = self.doc.sentence_at(offset)
        return s is not None and s.kind == "body"

    def _verbal(self, m: re.Match[str]) -> bool:
        """Not a name ("Islamic State", "West Point") nor a noun ("his claim", "the report")."""
        word = _prev_word(self.text, m.start())
        if m.group()[:1].isupper() and _prev_char(self.text, m.start()) not in "“\"‘'":
            s = self.doc.sentence_at(m.start())
            if s is None or s.start != m.start():
                return False
        if _COMPOUND_NOUN.search(self.text, max(0, m.start() - 20), m.start()):
            return False  # "on a conference call"
        return word not in _NOUN_MARKERS and not word.endswith(("’s", "'s"))

    def in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end

    def cues_between(self, lo: int, hi: int) -> list[re.Match[str]]:
        a, b = bisect.bisect_left(self.cue_starts, lo), bisect.bisect_left(self.cue_starts, hi)
        return self.cues[a:b]


# ------------------------------------------------------------------ helpers


def _trim(text: str, a: int, b: int) -> Span:
    """Strip spaces, leading conjunctions and trailing punctuation from text[a:b]."""
    while a < b and text[a].isspace():
        a += 1
    lead = _LEAD_CONJ.match(text, a, b)
    if lead:
        a = lead.end()
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:–—-"):
        b -= 1
    return a, b


def _prev_word(text: str, i: int) -> str:
    m = re.search(r"([\w’']+)\W*$", text[max(0, i - 40) : i])
    return m.group(1).lower() if m else ""


def _prev_char(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return text[j] if j >= 0 else ""


def _sentence(ctx: _Context, offset: int) -> Sentence | None:
    return ctx.doc.sentence_at(offset)


def _subject_of(ctx: _Context, cue: re.Match[str], lo: int, hi: int) -> Subject | None:
    """Who speaks at a cue: left of it, coordinated with an earlier verb, or inverted after it."""
    text, c0, c1 = ctx.text, cue.start(), cue.end()
    if lemma_of(cue.group()) == "according to":
        return right_subject(text, c1, hi)
    if is_participle(cue.group()):
        prev = _prev_word(text, c0)
        if _prev_char(text, c0) == "," or prev in _COMM_NOUNS | _PARTICIPLE_LEAD or prev.endswith("ly"):
            return first_subject(text, lo, c0) or _previous_cue_subject(ctx, cue, lo)
        return None
    if relative := _relative_clause_before(text, lo, c0):
        return relative  # "Brightline, which is based in Austin, Texas, says ..."
    sub = left_subject(text, lo, c0)
    if sub:
        return sub
    rel = re.search(r",\s*(?:who|which)\s+(?:\w+ly\s+|also\s+|has\s+|had\s+)*$", text[max(lo, c0 - 60) : c0])
    if rel:
        return left_subject(text, lo, max(lo, c0 - 60) + rel.start())
    if _coordinated(text, lo, c0):
        return first_subject(text, lo, c0)
    if _prev_char(text, c0) in ',“”"’' or c0 == lo:
        return right_subject(text, c1, hi)
    return None


_RELATIVE_BEFORE_CUE = re.compile(
    r",\s+(?:who|which|whose)\b[^.;:“”\"]*,\s*(?:\w+ly\s+|also\s+|has\s+|have\s+)*$"
)


def _relative_clause_before(text: str, lo: int, c0: int) -> Subject | None:
    """ "X, a nephrologist in Y, who was not involved, cautioned": the sentence's subject X."""
    a = max(lo, c0 - 250)
    m = _RELATIVE_BEFORE_CUE.search(text, a, c0)
    if m is None:
        return None
    opening = max(text.rfind(mark, lo, m.start()) for mark in (":", ";", " — ", " – "))
    start = opening + 2 if opening >= 0 else lo  # "Voter participation: Sanders, whose ..., said"
    return first_subject(text, start, m.start() + 1)


def _coordinated(text: str, lo: int, c0: int) -> bool:
    """ "X agreed, but (now) said ...": the cue shares the subject of an earlier verb."""
    words = re.findall(r"[\w’']+", text[max(lo, c0 - 60) : c0].lower())
    while words and (words[-1] in SKIP_WORDS or words[-1].endswith("ly")):
        words.pop()
    return bool(words) and words[-1] in {"and", "but"}


def _previous_cue_subject(ctx: _Context, cue: re.Match[str], lo: int) -> Subject | None:
    """ "“...,” he added, noting that ...": the participle shares the subject of the cue before it."""
    earlier = [c for c in ctx.cues_between(lo, cue.start()) if not is_participle(c.group())]
    if not earlier:
        return None
    prev = earlier[-1]
    sub = left_subject(ctx.text, lo, prev.start()) or right_subject(ctx.text, prev.end(), cue.start())
    return Subject(sub.span, "main") if sub else None


# ------------------------------------------------------------------ direct quotes


def _after_attribution(ctx: _Context, q: Quote) -> tuple[re.Match[str], Subject] | None:
    """``"...," said X`` / ``"..." X told the BBC``: a cue right after the closing mark."""
    text = ctx.text
    inner = text[q.start : q.end].rstrip().rstrip("’'").rstrip()
    i = q.end
    while i < len(text) and text[i] in _CLOSE_MARKS:
        i += 1
    lead = i
    while lead < len(text) and text[lead] in " ,\t":
        lead += 1
    sent = _sentence(ctx, lead)
    if sent is None or not _quote_opens_clause(ctx, q):
        return None
    lower_after = inner[-1:] == "." and text[lead : lead + 1].islower()  # "...” he said." after a full stop
    if not (inner[-1:] in ",!?…—-" or text[i : i + 1] == "," or lower_after):
        return None
    hi = min(sent.end, lead + WINDOW)
    nxt = bisect.bisect_right(ctx.quote_starts, lead)
    if nxt < len(ctx.quotes) and ctx.quotes[nxt].start - 1 < hi:
        hi = ctx.quotes[nxt].start - 1
    for cue in ctx.cues_between(lead, hi):
        if cue.start() == lead:
            sub = right_subject(text, cue.end(), hi)
        else:
            sub = left_subject(text, lead, cue.start())
            sub = sub if sub and sub.span[0] <= lead + 1 else None
        return (cue, sub) if sub else None
    return None


def _quote_opens_clause(ctx: _Context, q: Quote) -> bool:
    """The quote starts its sentence or clause, or is long: not a title or term inside a phrase."""
    text = ctx.text
    sent = _sentence(ctx, q.start)
    head = text[sent.start : max(sent.start, q.start - 1)].rstrip() if sent else ""
    return not head or head[-1] in ":,;–—-(" or len(text[q.start : q.end].split()) >= 6


def _before_attribution(ctx: _Context, q: Quote) -> tuple[re.Match[str], Subject] | None:
    """``X said: "..."`` / ``he urged voters, "..."`` / ``warning that "..."``."""
    text = ctx.text
    o = q.start - 1
    sent = _sentence(ctx, o) or _sentence(ctx, q.start)
    lo = max(sent.start if sent else o - WINDOW, o - WINDOW)
    k = bisect.bisect_left(ctx.quote_starts, q.start) - 1
    if k >= 0 and ctx.quotes[k].paragraph == q.paragraph:
        lo = max(lo, ctx.quotes[k].end + 1)
    cues = ctx.cues_between(lo, o)
    if not cues:
        return None
    cue = cues[-1]
    gap = text[cue.end() : o]
    if not (_BEFORE_QUOTE.fullmatch(gap) or _BEFORE_QUOTE_WORDS.fullmatch(gap)):
        return None
    if _prev_word(text, cue.start()) == "to" or _continues_after(ctx, q):
        return None
    sub = _subject_of(ctx, cue, sent.start if sent else lo, o)
    return (cue, sub) if sub else None


def _continues_after(ctx: _Context, q: Quote) -> bool:
    """The sentence goes on after the quote ("said “a wise Latina” can bring ..."): a quoted phrase
    inside reported speech, not a quotation of its own."""
    if not q.closed:
        return False
    sent = _sentence(ctx, q.start)
    end = sent.end if sent else q.end
    return len(re.findall(r"\w+", ctx.text[q.end : max(q.end, end)])) >= 2


def _standalone(ctx: _Context, q: Quote) -> bool:
    """The quote opens its sentence (or follows a colon) and ends it: an utterance, not a term."""
    text = ctx.text
    sent = _sentence(ctx, q.start)
    if sent is None:
        return False
    head = text[sent.start : max(sent.start, q.start - 1)].strip()
    opens = not head or head.endswith(":")
    inner = text[q.start : q.end].rstrip().rstrip("’'").rstrip()
    tail_end = sent.end if sent.end >= q.end else q.end
    tail = text[q.end : tail_end].strip(_CLOSE_MARKS + " ")
    return opens and (not q.closed or inner[-1:] in ".!?…" or tail in ("", ".", "!", "?"))


def _quote_span(ctx: _Context, q: Quote) -> Span:
    return _trim(ctx.text, q.start, q.end)


def _direct_drafts(ctx: _Context) -> list[Draft]:
    groups: dict[int, list[Quote]] = {}
    for q in ctx.quotes:
        sent = _sentence(ctx, q.start)
        if sent and sent.kind == "body":
            groups.setdefault(q.group, []).append(q)
    drafts: list[Draft] = []
    for parts in groups.values():
        drafts.extend(_group_drafts(ctx, parts))
    return drafts


def _group_drafts(ctx: _Context, parts: list[Quote]) -> list[Draft]:
    """One draft per paragraph part of a quote; the attribution of the group applies to all parts."""
    found = _after_attribution(ctx, parts[-1]) or _before_attribution(ctx, parts[0])
    byline = None if found else _byline_after(ctx, parts[-1])
    if not found and not byline and not all(_standalone(ctx, q) for q in parts[:1]):
        return []
    out = []
    for q in parts:
        a, b = _quote_span(ctx, q)
        if b - a < 2:
            continue
        sent = _sentence(ctx, q.start)
        d = Draft(a, b, "direct", "", -1, -1, sent)
        if found:
            cue, sub = found
            ctx.used_cues.add(cue.start())
            d.cue, d.cue_start, d.cue_end, d.subject = cue.group(), cue.start(), cue.end(), sub
        elif byline:
            d.cue, d.byline = "(byline)", byline
        out.append(d)
    return out


def _byline_after(ctx: _Context, q: Quote) -> Span | None:
    """A lone name line right after the quote's paragraph."""
    nxt = q.paragraph + 1
    if nxt >= len(ctx.doc.paragraphs):
        return None
    p = ctx.doc.paragraphs[nxt]
    s = _sentence(ctx, p.start)
    return (p.start, p.end) if s and s.kind == "byline" else None


def _link_orphans(ctx: _Context, drafts: list[Draft]) -> list[Draft]:
    """Unattributed stand-alone quotes take the speaker of the nearest claim in their paragraph
    (the previous one first), or of the previous paragraph's last claim when the paragraph holds
    nothing but quotes. The rest stay ``unattributed``."""
    drafts.sort(key=lambda d: d.start)
    by_para: dict[int, list[Draft]] = {}
    for d in drafts:
        by_para.setdefault(d.sentence.paragraph, []).append(d)
    quoted = _quoted_chars(ctx)
    for para, group in by_para.items():
        after: list[Draft | None] = [None] * len(group)
        nxt = None
        for k in range(len(group) - 1, -1, -1):
            after[k] = nxt
            nxt = group[k] if _has_source(group[k]) else nxt
        before = None
        for k, d in enumerate(group):
            if not _has_source(d):
                src = before or after[k]
                if src is None and quoted.get(para, 0) >= 0.85 * _para_len(ctx, para):
                    prev = by_para.get(para - 1, [])
                    src = prev[-1] if prev else None
                if src is not None:
                    d.inherit, d.cue = src, src.cue or "(continued)"
                else:
                    d.mode = "unattributed"
            before = d if _has_source(d) else before
    return drafts


def _has_source(d: Draft) -> bool:
    return bool(d.cue or d.byline or d.inherit)


def _quoted_chars(ctx: _Context) -> dict[int, int]:
    out: dict[int, int] = {}
    for q in ctx.quotes:
        out[q.paragraph] = out.get(q.paragraph, 0) + q.end - q.start
    return out


def _para_len(ctx: _Context, paragraph: int) -> int:
    p = ctx.doc.paragraphs[paragraph]
    return p.end - p.start


# ------------------------------------------------------------------ reported speech


def _reported_drafts(ctx: _Context) -> list[Draft]:
    drafts = []
    for cue in ctx.cues:
        if cue.start() in ctx.used_cues or ctx.in_quote(cue.start()):
            continue
        d = _reported(ctx, cue)
        if d:
            drafts.append(d)
    return drafts


def _reported(ctx: _Context, cue: re.Match[str]) -> Draft | None:
    text, c0, c1 = ctx.text, cue.start(), cue.end()
    sent = _sentence(ctx, c0)
    if sent is None:
        return None
    lemma = lemma_of(cue.group())
    if c0 == sent.start and cue.group().lower().endswith(("ed", "ing")):
        return None  # "Asked about ..., X said": a participial adjunct
    infinitive = _prev_word(text, c0) == "to" and not text[max(0, c0 - 12) : c0].startswith("went on")
    if lemma != "according to" and infinitive:
        return None  # "declined to say": an infinitive, not a statement
    lo, hi = max(sent.start, c0 - WINDOW), min(sent.end, c1 + WINDOW)
    if _passive(text, c0):
        return None
    sub = _subject_of(ctx, cue, lo, hi)
    if sub is None or not _plausible_speaker(ctx, sub):
        return None
    if lemma == "call" and not _call_names(text, c1, hi):
        return None
    if lemma == "reject" and not re.match(r"(?:\s+[^\s,.;]+){1,6}?\s+as\s", text[c1:hi]):
        return None  # "rejected the accusations as baseless" says something; "rejected a proposal" acts
    span = _content(ctx, cue, lemma, sub, lo, hi)
    if span is None:
        return None
    return Draft(span[0], span[1], "indirect", cue.group(), c0, c1, sent, subject=sub)


_BE = frozenset("is are was were be been being".split())


def _passive(text: str, c0: int) -> bool:
    """ "was accused by", "is expected to": the subject is not the speaker."""
    words = re.findall(r"[\w’']+", text[max(0, c0 - 40) : c0].lower())
    while words and (words[-1].endswith("ly") or words[-1] in {"also", "not", "widely", "often"}):
        words.pop()
    return bool(words) and words[-1] in _BE


def _plausible_speaker(ctx: _Context, sub: Subject) -> bool:
    """An actor mention, a pronoun, a name, or a noun that can speak ("the brokerage", "officials")."""
    if sub.how == "pronoun" or ctx.mentions.best(*sub.span):
        return True
    words = ctx.text[sub.span[0] : sub.span[1]].split()
    head = words[-1].strip("’'s,") if words else ""
    if head[:1].isupper():
        return True
    return any(is_speaker_noun(w) for w in words[-2:])


def _content(ctx: _Context, cue: re.Match[str], lemma: str, sub: Subject, lo: int, hi: int) -> Span | None:
    """What was said: the complement after the cue, or the clause before a post-posed attribution."""
    text = ctx.text
    if lemma == "according to":
        return _according_content(ctx, cue, sub, lo, hi)
    after = _content_after(text, cue.end(), hi, lemma, sub.how == "pronoun")
    if after:
        return after
    if sub.span[0] > cue.start():
        return _content_before(text, cue.start(), lo)
    if not _after_comma(text, sub.span[0]):
        return None
    if not _agrees(text, cue.group(), sub):
        return None
    inserted = _parenthetical(text, sub.span[0], cue.end(), lo, hi)
    if inserted is None and _tail_is_adjunct(text, cue.end(), hi, lemma):
        return _content_before(text, sub.span[0], lo)
    return inserted


def _after_comma(text: str, i: int) -> bool:
    """The subject follows a comma, also one inside closing quote marks (``...,” Mr. Hedge said``)."""
    j = i - 1
    while j >= 0 and text[j] in " ”\"’'":
        j -= 1
    return j >= 0 and text[j] == ","


def _agrees(text: str, cue: str, sub: Subject) -> bool:
    """A base-form cue ("state", "believe") needs a plural or first/second-person subject: otherwise
    the word is a noun ("a former Confederate state, has ...")."""
    first = cue.split()[0].lower()
    if lemma_of(cue).split()[0] != first:
        return True
    words = text[sub.span[0] : sub.span[1]].lower().split()
    return bool(words) and (words[-1] in {"they", "we", "i", "you"} or words[-1].endswith("s"))


def _parenthetical(text: str, sub_start: int, c1: int, lo: int, hi: int) -> Span | None:
    """ "The industry, she said, is doing better": the whole sentence around the inserted attribution."""
    m = re.match(r"[^,.;:!?“”\"]{0,60}?,\s", text[c1:hi])
    if not m or re.match(r",\s+(?:adding|saying|noting)\b", text[c1:hi]):
        return None
    before = _content_before(text, sub_start, lo, min_words=1)
    if before is None:
        return None
    a, b = _trim(text, before[0], _clause_end(text, c1 + m.end(), hi))
    return (a, b) if len(text[c1 + m.end() : b].split()) >= 2 else None


def _content_after(text: str, c1: int, hi: int, lemma: str, pronoun: bool = False) -> Span | None:
    m = _THAT_GAP.match(text, c1, hi)
    if m and m.group(1).split():
        first = m.group(1).split()[0].lower()
        if first not in _ADJUNCT_START and lemma not in _OBJECT_CUES:
            m = None
    if (
        m is None
        and lemma in THAT_ONLY
        and not (pronoun and lemma in _VERB_AFTER_PRONOUN)
        and not _FINITE_CLAUSE.match(text, c1, hi)
    ):
        return None
    start = m.end() if m else c1
    if m and text.startswith(",", start):
        start += 1  # "insist that, with the candidate focused on ..., there have been"
    if not m and lemma in _OBJECT_CUES and (obj := _OBJECT.match(text, start, hi)):
        start = obj.end()  # "told POLITICO he had ...", "told reporters the talks ..."
    while start < hi and text[start] in " \t":
        start += 1
    if (
        not m
        and (adjunct := _LEAD_ADJUNCT.match(text, start, hi))
        and _CLAUSE_AFTER.match(text, adjunct.end(), hi)
    ):
        start = adjunct.end() + 1  # "said on Wednesday it was monitoring ..."
    elif not m and (
        _NOT_CONTENT.match(text, start, hi)
        or re.match(r"(?:in|on|at|during|after|before|from|via|with|over|through)\b", text[start:hi])
    ):
        return None  # "said in his first appearance.": an adjunct, not what was said
    quote_after_that = start < hi and text[start] in '“"' and m is not None
    bad_start = start >= hi or text[start] in ',.;:!?“"' or (not m and not _obj_ok(text, start, hi, lemma))
    if bad_start and not quote_after_that:
        return None
    end = _clause_end(text, start, hi)
    a, b = _trim(text, start, end)
    return (a, b) if len(text[a:b].split()) >= 3 else None


# "claimed the result had been distorted", "believes Putin is bluffing": a clause with its own finite
# verb can follow without "that" ("claimed responsibility for", "expects growth" have none)
_FINITE_CLAUSE = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|its\s+|their\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?\s+"
    r"(?:had|has|have|was|were|is|are|would|will|could|can|did|does|do|might|may|must|should)\s+(?:not\s+)?\w+"
)


# A short time or channel phrase between a cue and its clause: "said on Wednesday", "told Reuters last week"
_CLAUSE_AFTER = re.compile(
    r"\s+(?:it|he|she|they|we|there|the|a|an|its|his|her|their|[A-Z][\w’'-]*)(?:\s+[\w’'-]+){0,3}?\s+"
    r"(?:had|has|have|was|were|is|are|would|will|could|can|did|does|do|might|may|must|should|\w+ed)\b"
)
_ADJUNCT = (
    r"(?:on|in|at|late|early|earlier|last|this|during)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|statement|interview|"
    r"morning|afternoon|evening|night|briefing|call|post|weekend)"
)
_LEAD_ADJUNCT = re.compile(
    rf"{_ADJUNCT}(?:\s+{_ADJUNCT})?(?=\s+(?:it|he|she|they|we|the|its|his|her|their|there|[A-Z][\w’'-]*)\s)",
    re.IGNORECASE,
)


def _obj_ok(text: str, start: int, hi: int, lemma: str) -> bool:
    """Without "that", a telling cue needs its object skipped and a clause after it."""
    if lemma not in {"tell", "add"}:
        return True
    return lemma == "tell" and bool(_CLAUSE_START.match(text, start, hi))


def _call_names(text: str, c1: int, hi: int) -> bool:
    """ "called the decision a landmark", "called her “the first lady”": naming, not phoning."""
    m = _CALL_NAMING.match(text, c1, hi)
    return m is not None


def _clause_end(text: str, start: int, hi: int) -> int:
    m = _CLAUSE_END.search(text, start, hi)
    return m.start() if m else hi


def _tail_is_adjunct(text: str, c1: int, hi: int, lemma: str) -> bool:
    """Nothing but adjuncts follow the cue up to the sentence end (", Oza said.", "..., he told the BBC.")."""
    tail = re.split(r"\s[–—]\s|\(", text[c1:hi], maxsplit=1)[0]
    if re.match(r",\s+(?:adding|saying|noting)\b", tail):
        return True
    words = re.findall(r"[\w’']+", tail)
    if words and words[0].lower() not in _ADJUNCT_START and lemma not in _OBJECT_CUES:
        return False
    return bool(re.fullmatch(r"[^.;:!?“”\"]{0,100}?[.!?]?[\"”’]?\s*", tail))


def _content_before(text: str, comma: int, lo: int, min_words: int = 3) -> Span | None:
    j = comma
    while j > lo and text[j - 1] in " ,":
        j -= 1
    a = lo
    close = text.rfind(";", lo, j)
    if close >= 0:
        a = close + 1
    a, b = _trim(text, a, j)
    return (a, b) if len(text[a:b].split()) >= min_words else None


def _according_content(ctx: _Context, cue: re.Match[str], sub: Subject, lo: int, hi: int) -> Span | None:
    text = ctx.text
    if _prev_char(text, cue.start()) == ",":
        return _content_before(text, cue.start(), lo)
    comma = text.find(",", sub.span[1], hi)
    if comma < 0:
        return None
    a, b = _trim(text, comma + 1, _clause_end(text, comma + 1, hi))
    return (a, b) if len(text[a:b].split()) >= 2 else None


# ------------------------------------------------------------------ overlaps between drafts


def _drop_duplicates(direct: list[Draft], reported: list[Draft]) -> list[Draft]:
    """A reported draft whose content is mostly a direct quote is that quote: keep the quote."""
    spans = sorted((d.start, d.end) for d in direct if d.mode == "direct")
    starts = [s for s, _ in spans]
    keep = []
    for r in reported:
        i = bisect.bisect_right(starts, r.end)
        inside = sum(max(0, min(r.end, e) - max(r.start, s)) for s, e in spans[max(0, i - 3) : i])
        if inside < 0.5 * (r.end - r.start):
            keep.append(r)
    return keep


def _cut_at_next(drafts: list[Draft], text: str) -> list[Draft]:
    """Where a later cue of the same sentence falls inside a reported content: after a conjunction, a
    comma-participle or a coordinated verb the content stops there; otherwise the later claim is
    nested in the first (what the speaker reported someone said) and is dropped."""
    by_sent: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sent.setdefault(d.sentence.id, []).append(d)
    dropped: set[int] = set()
    for group in by_sent.values():
        group.sort(key=lambda x: x.cue_start)
        for d in group:
            if d.mode != "indirect" or id(d) in dropped:
                continue
            for x in group:
                mark = _claim_mark(x)
                inside = d.start <= mark < d.end and mark >= d.cue_end
                if x is d or id(x) in dropped or x.cue_start < 0 or not inside:
                    continue
                if _TRAIL_CONJ.search(text, d.start, mark) or (x.subject and x.subject.how == "main"):
                    d.start, d.end = _trim_tail(d.start, mark, text)
                    break
                if x.mode == "indirect":
                    dropped.add(id(x))
    return [d for d in drafts if id(d) not in dropped]


def _claim_mark(x: Draft) -> int:
    """Where a claim's own words begin: its subject when written just before the cue, else the cue."""
    sub = x.subject
    if sub and sub.how in ("left", "pronoun") and sub.span[0] < x.cue_start:
        return sub.span[0]
    return x.cue_start


_TRAIL_CONJ = re.compile(
    r"(?:[,;–—]\s*|\b(?:and|but|after|before|while|when|as|because|though|although|"
    r"since|"
    r"whereas|until|once|so)\s+)$",
    re.I,
)
_TRAIL = re.compile(
    r"(?:\s+|,|\b(?:and|but|after|before|while|when|as|because|though|although|that|which|"
    r"since|so|or|then|saying|with|amid))+$",
    re.I,
)


def _trim_tail(a: int, b: int, text: str) -> Span:
    m = _TRAIL.search(text, a, b)
    return _trim(text, a, m.start() if m else b)


# ------------------------------------------------------------------ speakers


def _resolve(ctx: _Context, drafts: list[Draft]) -> None:
    prev: list[Draft] = []
    for d in sorted(drafts, key=lambda x: x.cue_start if x.cue_start >= 0 else x.start):
        _resolve_one(ctx, d, prev)
        prev.append(d)


def _resolve_one(ctx: _Context, d: Draft, prev: list[Draft]) -> None:
    if d.resolved:
        return
    d.resolved = True
    if d.inherit is not None:
        _resolve_one(ctx, d.inherit, prev)
        src = d.inherit
        d.speaker_id, d.speaker, d.surface, d.also = src.speaker_id, src.speaker, src.surface, src.also
        return
    span = d.byline or (d.subject.span if d.subject else None)
    if span is None:
        return
    surface = ctx.text[span[0] : span[1]]
    d.surface = surface
    parts = _joint_parts(ctx.text, span)
    found = [r for p in parts if (r := _resolve_span(ctx, p, d, prev))]
    ids = list(dict.fromkeys(found))
    if ids:
        d.speaker_id, d.speaker = ids[0]
        d.also = tuple(ids[1:])
    elif (source := _unnamed_source(ctx, span)) is not None:
        d.speaker_id, d.speaker = source
    else:
        d.speaker = surface


_DETERMINERS = frozenset("the a an another many some several other others most few both all".split())


def _unnamed_source(ctx: _Context, span: Span) -> tuple[str, str] | None:
    """ "Aides said", "many analysts say", "the campaign said": a source the article does not name.

    It becomes an actor of kind ``group`` (one per wording), so its claims are grouped and countable;
    a capitalised fragment ("Presidential") or a pronoun is not a source of its own.
    """
    surface = " ".join(ctx.text[span[0] : span[1]].split())
    words = surface.split()
    rest = words[1:] if words and words[0].lower() in _DETERMINERS else words
    if not rest or len(rest) > 5 or rest[0].lower() in PRONOUNS:
        return None
    if any(w[:1].isupper() or not w.replace("-", "").isalpha() for w in rest[1:]):
        return None  # names are the actors stage's business
    if not (rest[0][:1].islower() or len(rest) < len(words) or rest[-1].endswith("s")):
        return None
    key = " ".join(w.lower() for w in rest)
    actor = ctx.unnamed.get(key)
    if actor is None:
        actor = Actor(
            f"A{len(ctx.mentions.all_actors) + 1}",
            surface[0].upper() + surface[1:],
            "group",
            notes="unnamed source, as the article describes it",
        )
        ctx.mentions.add_actor(actor)
        ctx.unnamed[key] = actor
    wording = ctx.text[span[0] : span[1]]
    ctx.mentions.add_mention(Mention(actor.id, wording, *span, how="description"))
    return actor.id, actor.name


def _joint_parts(text: str, span: Span) -> list[Span]:
    """ "Johnson and Corbyn" -> both names; a single subject -> itself."""
    s = text[span[0] : span[1]]
    if " and " not in s and " & " not in s:
        return [span]
    parts, pos = [], 0
    for m in re.finditer(r"\s+(?:and|&)\s+|,\s+", s):
        parts.append((span[0] + pos, span[0] + m.start()))
        pos = m.end()
    parts.append((span[0] + pos, span[1]))
    return [p for p in parts if p[1] > p[0]]


def _resolve_span(ctx: _Context, span: Span, d: Draft, prev: list[Draft]) -> tuple[str, str] | None:
    ml = ctx.mentions
    words = ctx.text[span[0] : span[1]].split()
    if (
        len(words) == 1
        and words[0].lower() in PRONOUNS
        and (same := _adjacent_speaker(ctx, words[0], d, prev))
    ):
        _relink_pronoun(ctx, span, same[0])
        return same  # "..., the company said. It said ...": the speaker goes on
    m = ml.best(*span)
    if m is not None:
        a = ml.actors[m.actor_id]
        return a.id, a.name
    words = ctx.text[span[0] : span[1]].split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return _resolve_pronoun(ctx, words[0], span[0], prev)
    caps = [w for w in words if w[:1].isupper()]
    if caps and (a := ml.by_surname(caps)):
        return a.id, a.name
    if words and words[0].lower() == "the" and not any(w[:1].isupper() for w in words[1:]):
        return _previous_speaker(prev, d)
    return None


def _adjacent_speaker(ctx: _Context, pronoun: str, d: Draft, prev: list[Draft]) -> tuple[str, str] | None:
    """The speaker of the claim just before, in this sentence or the one before, if the pronoun fits."""
    last = prev[-1] if prev else None
    if last is None or not last.speaker_id or d.sentence.id - last.sentence.id > 1:
        return None
    a = ctx.mentions.actors.get(last.speaker_id)
    return (a.id, a.name) if a and a.kind in pronoun_kinds(pronoun) else None


def _relink_pronoun(ctx: _Context, span: Span, actor_id: str) -> None:
    """Let mentions.csv say whom the pronoun stands for, as the claim does."""
    ctx.mentions.add_mention(Mention(actor_id, ctx.text[span[0] : span[1]], *span, how="pronoun"))


def _resolve_pronoun(ctx: _Context, pronoun: str, at: int, prev: list[Draft]) -> tuple[str, str] | None:
    kinds = pronoun_kinds(pronoun)
    last = prev[-1] if prev else None
    if last and last.speaker_id and at - last.cue_start < 1500:
        a = ctx.mentions.actors.get(last.speaker_id)
        if a and a.kind in kinds:
            return a.id, a.name
    a = ctx.mentions.recent(at, kinds)
    if a:
        return a.id, a.name
    return None


def _previous_speaker(prev: list[Draft], d: Draft) -> tuple[str, str] | None:
    for p in reversed(prev[-3:]):
        if p.speaker_id and d.sentence.paragraph - p.sentence.paragraph <= 1:
            return p.speaker_id, p.speaker
    return None


# ------------------------------------------------------------------ assembly


def _to_claims(ctx: _Context, drafts: list[Draft]) -> list[Claim]:
    claims: list[Claim] = []
    for d in sorted(drafts, key=lambda x: (x.start, x.cue_start)):
        content = ctx.text[d.start : d.end]
        base = Claim(
            id="",
            speaker_id=d.speaker_id,
            speaker=d.speaker,
            cue=d.cue,
            mode=d.mode,
            text=content,
            start=d.start,
            end=d.end,
            sentence_id=d.sentence.id,
            cue_start=d.cue_start,
            cue_end=d.cue_end,
            claim_type=claim_type(lemma_of(d.cue), content),
            hedges=hedges_in(content),
            speaker_surface=d.surface,
        )
        claims.append(base)
        claims.extend(replace(base, speaker_id=i, speaker=n) for i, n in d.also)
    return claims


def _has_words(text: str, d: Draft) -> bool:
    """A claim must say something: at least two letters after trimming."""
    return d.end - d.start >= 2 and sum(c.isalpha() for c in text[d.start : d.end]) >= 2


class ClaimsFound(NamedTuple):
    """What the claims stage found: its claims, and the actors and mentions it adds to the index."""

    claims: tuple[Claim, ...]
    actors: tuple[Actor, ...]  # unnamed sources ("aides", "the campaign") made group actors
    mentions: tuple[Mention, ...]  # their wordings, and pronouns resolved to a claim's speaker


def find_claims(doc: Document, actors: ActorIndex) -> ClaimsFound:
    """Every attributed statement of the document, plus the outlet's editorial sentences."""
    ctx = _Context(doc, actors)
    direct = _direct_drafts(ctx)
    reported = _drop_duplicates(direct, _reported_drafts(ctx))
    drafts = _link_orphans(ctx, direct + reported)
    drafts = [d for d in _cut_at_next(drafts, doc.text) if _has_words(doc.text, d)]
    _resolve(ctx, drafts)
    claims = _to_claims(ctx, drafts)
    claims.extend(find_editorial(doc, [(c.start, c.end) for c in claims]))
    claims.sort(key=lambda c: (c.start, c.end))
    numbered = tuple(replace(c, id=f"C{i + 1}") for i, c in enumerate(claims))
    return ClaimsFound(numbered, tuple(ctx.mentions.added_actors), tuple(ctx.mentions.added_mentions))
