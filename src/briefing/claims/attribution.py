"""Claims: every attributed statement (direct quotes, reported speech) and the outlet's own voice.

1. The parse gives every act of communication: a cue, its source and its content (``syntax``).
2. Direct quotes (``doc.quotes``): a quote whose words are what an act of communication says is a
   direct claim of that act's source (``"...," said X`` / ``X told reporters: "..."``); else a lone
   byline line after it names the speaker; else a quote that stands as a sentence of its own goes on
   with the speaker of the nearest claim of its paragraph, or of the paragraph before when the
   paragraph holds nothing but quotes. A quoted term inside a sentence (scare quotes) is no claim.
3. Reported speech: every other act of communication in a body sentence whose content is not mostly
   quoted words and that is not said inside someone else's quote or content.
4. Speakers are resolved in reading order (``speakers``). Joint subjects give one claim per actor.
5. Editorial sentences (``editorial``) are added for the text no claim covers.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from spacy.tokens import Doc, Token

from briefing.claims import syntax
from briefing.claims.cues import claim_type, hedges_in
from briefing.claims.editorial import find_editorial
from briefing.claims.speakers import MentionLookup, Resolved, SpeakerResolver, conjuncts, phrase_span
from briefing.claims.syntax import Attribution
from briefing.lexicon import Lexicon
from briefing.model import Actor, ActorIndex, Claim, Document, Mention, Quote, Sentence, Span

_CLOSE = "”\"’'»"
_QUOTED_SHARE = 0.5  # an act whose content is at least this much quoted words is a direct quote
_ATTRIBUTED = ("body", "headline")


@dataclass
class Draft:
    """A claim before its speaker is resolved."""

    start: int
    end: int
    mode: str
    sentence: Sentence
    cue: str = ""
    cue_start: int = -1
    cue_end: int = -1
    lemma: str = ""
    source: Token | None = None
    byline: Span | None = None
    inherit: Draft | None = None
    speakers: list[Resolved] = field(default_factory=list)
    surface: str = ""
    resolved: bool = False
    parts: list[Span] = field(default_factory=list)  # the quote parts a merged claim joins


class Context:
    """The document with the lookups every step shares."""

    def __init__(self, doc: Document, parsed: Doc, actors: ActorIndex, lex: Lexicon) -> None:
        self.doc, self.text, self.parsed, self.lex = doc, doc.text, parsed, lex
        self.mentions = MentionLookup(actors, doc.text)
        self.resolver = SpeakerResolver(self.mentions, lex)
        self.quotes = sorted(doc.quotes, key=lambda q: q.start)
        self.quote_starts = [q.start for q in self.quotes]

    def sentence(self, offset: int) -> Sentence | None:
        return self.doc.sentence_at(offset)

    def in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end

    def quoted_chars(self, a: int, b: int) -> int:
        i = bisect.bisect_right(self.quote_starts, b)
        return sum(max(0, min(b, q.end) - max(a, q.start)) for q in self.quotes[max(0, i - 50) : i])

    def draft(self, att: Attribution, a: int, b: int, mode: str) -> Draft | None:
        sent = self.sentence(att.cue[0]) or self.sentence(a)
        if sent is None:
            return None
        return Draft(a, b, mode, sent, self.text[slice(*att.cue)], *att.cue, att.lemma, att.source)


# ------------------------------------------------------------------ acts of communication


def _acts(ctx: Context) -> list[Attribution]:
    """The parse's acts of communication in attributable sentences, not said inside a quote."""
    out = []
    found = [
        *syntax.attributions(ctx.parsed, ctx.lex),
        *syntax.according_to(ctx.parsed),
        *syntax.speech_nouns(ctx.parsed, ctx.lex),
    ]
    for att in found:
        sent = ctx.sentence(att.cue[0])
        if sent is None or sent.kind not in _ATTRIBUTED or ctx.in_quote(att.cue[0]):
            continue
        if att.source is None or (att.how != "according" and not ctx.resolver.can_speak(att.source)):
            continue  # "according to X" names a source whatever X is: a poll, records, a filing
        out.append(att)
    return _outermost(out)


def _outermost(acts: list[Attribution]) -> list[Attribution]:
    """An act whose cue lies inside another act's content is reported speech within reported speech:
    the outer act is the claim ("X said that Y claimed Z" is X's). Contents are taken in order of
    start, so each cue is checked against the contents open at its position."""
    by_start = sorted(acts, key=lambda a: a.content[0])
    starts = [a.content[0] for a in by_start]
    longest = max((a.content[1] - a.content[0] for a in acts), default=0)
    keep = []
    for a in acts:
        lo = bisect.bisect_left(starts, a.cue[0] - longest)
        hi = bisect.bisect_right(starts, a.cue[0])
        if not any(o is not a and o.content[0] <= a.cue[0] < o.content[1] for o in by_start[lo:hi]):
            keep.append(a)
    return keep


# ------------------------------------------------------------------ direct quotes


def _quote_span(ctx: Context, q: Quote) -> Span | None:
    span = syntax.trim(ctx.text, (q.start, q.end))
    return span


def _direct_drafts(ctx: Context, acts: list[Attribution]) -> tuple[list[Draft], set[int]]:
    """One draft per paragraph part of every quote; returns the drafts and the acts they used."""
    groups: dict[int, list[Quote]] = {}
    for q in ctx.quotes:
        sent = ctx.sentence(q.start)
        if sent is not None and sent.kind == "body":
            groups.setdefault(q.group, []).append(q)
    drafts: list[Draft] = []
    used: set[int] = set()
    index = ActIndex(acts)
    for parts in groups.values():
        act = _act_of(ctx, parts, index)
        byline = None if act else _byline_after(ctx, parts[-1])
        for q in parts:
            span = _quote_span(ctx, q)
            sent = ctx.sentence(q.start)
            if span is None or sent is None:
                continue
            if act is not None:
                d = ctx.draft(act, *span, "direct")
            else:
                d = Draft(*span, "direct", sent, byline=byline, cue="(byline)" if byline else "")
            if d is not None and (act or byline or _standalone(ctx, q)):
                drafts.append(d)
        if act is not None:
            used.add(id(act))
    return drafts, used


def _act_of(ctx: Context, parts: list[Quote], acts: ActIndex) -> Attribution | None:
    """The act of communication whose content is this quote's words: its content begins where the
    quote begins or covers half of it, or its cue stands right after the closing mark ("...,” said X",
    the parse giving only the quote's last sentence as content) or right before the opening one ("he
    urged voters, “...”", the parse missing the link)."""
    best, score = None, 0.0
    for part in parts:
        for act in acts.overlapping(part.start - _ADJACENT - 40, part.end + _ADJACENT + 120):
            fit = _fit(ctx, part, act)
            if fit > score:
                best, score = act, fit
    return best


_ADJACENT = 8  # characters between a quote mark and a cue that still frame the quote: ",” said"


def _fit(ctx: Context, part: Quote, act: Attribution) -> float:
    """How well ``act`` frames the quote ``part`` (0: not at all)."""
    a, b = act.content
    overlap = max(0, min(b, part.end) - max(a, part.start))
    near = 1 / (1 + min(abs(act.cue[0] - part.end), abs(act.cue[1] - part.start)))
    frame = min(act.cue[0], act.source.left_edge.idx) if act.source is not None else act.cue[0]
    after = 0 <= frame - part.end <= _ADJACENT and (act.how == "bare" or part.start <= a < b <= part.end + 2)
    before = 0 <= part.start - act.cue[1] <= _ADJACENT + 20 and _only_object_between(ctx, act, part)
    opens = abs(a - part.start) <= 2 and ctx.quoted_chars(a, b) >= _QUOTED_SHARE * (b - a)
    covers = overlap >= 0.5 * (part.end - part.start) and ctx.quoted_chars(a, b) >= _QUOTED_SHARE * (b - a)
    return overlap + near if (opens or covers or after or before) else 0.0


def _only_object_between(ctx: Context, act: Attribution, part: Quote) -> bool:
    """Between the cue and the quote only the act's own object and a comma or colon ("urged voters, “")."""
    gap = ctx.text[act.cue[1] : part.start]
    if act.content[1] <= part.start and act.content[0] >= act.cue[1]:
        gap = ctx.text[act.content[1] : part.start]
    elif act.how == "bare":  # "telling reporters, “": the cue's own short object may stand between
        gap = re.sub(r"^\s+(?:\w[\w’'.-]*\s+){0,3}?(?=[,:])", "", gap)
    return gap.strip(" ,:“\"‘'").strip() == "" and ("," in gap or ":" in gap)


class ActIndex:
    """Acts sorted by where their content starts and where their cue starts, for overlap queries."""

    def __init__(self, acts: list[Attribution]) -> None:
        self.acts = sorted(acts, key=lambda a: a.content[0])
        self.starts = [a.content[0] for a in self.acts]
        self.longest = max((a.content[1] - a.content[0] for a in acts), default=0)
        self.by_cue = sorted(acts, key=lambda a: a.cue[0])
        self.cue_starts = [a.cue[0] for a in self.by_cue]

    def overlapping(self, start: int, end: int) -> list[Attribution]:
        """Acts whose content overlaps [start, end), or whose cue lies in it."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        found = [a for a in self.acts[lo:hi] if a.content[0] < end and start < a.content[1]]
        c0, c1 = bisect.bisect_left(self.cue_starts, start), bisect.bisect_left(self.cue_starts, end)
        return found + [a for a in self.by_cue[c0:c1] if a not in found]


def _byline_after(ctx: Context, q: Quote) -> Span | None:
    """A lone name line right after the quote's paragraph."""
    nxt = q.paragraph + 1
    if nxt >= len(ctx.doc.paragraphs):
        return None
    p = ctx.doc.paragraphs[nxt]
    s = ctx.sentence(p.start)
    return (p.start, p.end) if s and s.kind == "byline" else None


def _standalone(ctx: Context, q: Quote) -> bool:
    """The quote opens its sentence (or follows a colon) and runs to its end: spoken words on their
    own, not a quoted term inside someone's sentence."""
    text = ctx.text
    sent = ctx.sentence(q.start)
    if sent is None:
        return False
    head = text[sent.start : max(sent.start, q.start - 1)].strip()
    opens = not head or head[-1] in ":–—-("
    inner = text[q.start : q.end].rstrip()
    tail = text[q.end : max(q.end, sent.end)].strip(_CLOSE + " ")
    return opens and (not q.closed or inner[-1:] in ".!?…," or tail in ("", ".", "!", "?"))


def _link_orphans(ctx: Context, drafts: list[Draft]) -> None:
    """A stand-alone quote without a cue takes the speaker of the nearest claim in its paragraph (the
    previous one first), or of the previous paragraph's last claim when its paragraph holds nothing
    but quotes; the rest stay ``unattributed``."""
    drafts.sort(key=lambda d: d.start)
    by_para: dict[int, list[Draft]] = {}
    for d in drafts:
        by_para.setdefault(d.sentence.paragraph, []).append(d)
    for para, group in by_para.items():
        sourced = [k for k, d in enumerate(group) if _has_source(d)]
        for k, d in enumerate(group):
            if _has_source(d):
                continue
            i = bisect.bisect_left(sourced, k)
            before = group[sourced[i - 1]] if i > 0 else None
            after = group[sourced[i]] if i < len(sourced) else None
            src = before or after
            if src is None and _mostly_quoted(ctx, para):
                prev = by_para.get(para - 1, [])
                src = prev[-1] if prev and _has_source(prev[-1]) else None
            if src is not None:
                d.inherit, d.cue = src, src.cue or "(continued)"
            else:
                d.mode = "unattributed"


def _has_source(d: Draft) -> bool:
    return bool(d.source is not None or d.byline or d.inherit or d.lemma == "according to")


def _mostly_quoted(ctx: Context, para: int) -> bool:
    p = ctx.doc.paragraphs[para]
    return ctx.quoted_chars(p.start, p.end) >= 0.85 * (p.end - p.start)


# ------------------------------------------------------------------ reported speech


def _reported_drafts(
    ctx: Context, acts: list[Attribution], used: set[int], direct: list[Draft]
) -> list[Draft]:
    spans = sorted((d.start, d.end) for d in direct)
    starts = [s for s, _ in spans]
    out = []
    for act in acts:
        if id(act) in used or act.how == "bare":
            continue
        a, b = act.content
        i = bisect.bisect_right(starts, b)
        inside = sum(max(0, min(b, e) - max(a, s)) for s, e in spans[max(0, i - 5) : i])
        if inside >= 0.5 * (b - a):
            continue  # what the act says is a direct quote already claimed
        d = ctx.draft(act, a, b, "indirect")
        if d is not None:
            out.append(d)
    return out


# ------------------------------------------------------------------ speakers


def _vague(ctx: Context, d: Draft) -> bool:
    """ "experts say", "sources said": a bare plural of no one in particular (no determiner, owner,
    number or qualifier) names no identifiable source."""
    tok = d.source
    if tok is None or d.mode == "direct" or tok.lemma_.lower() not in ctx.lex.vague_sources:
        return False
    return not any(
        c.dep_ in ("det", "poss", "nummod", "amod", "prep", "compound", "acl", "relcl") for c in tok.children
    )


def _resolve(ctx: Context, drafts: list[Draft]) -> None:
    prev: list[Draft] = []
    for d in sorted(drafts, key=lambda x: x.cue_start if x.cue_start >= 0 else x.start):
        _resolve_one(ctx, d, prev)
        if d.speakers:
            prev.append(d)


def _resolve_one(ctx: Context, d: Draft, prev: list[Draft]) -> None:
    if d.resolved:
        return
    d.resolved = True
    if d.inherit is not None:
        _resolve_one(ctx, d.inherit, prev)
        d.speakers, d.surface = list(d.inherit.speakers), d.inherit.surface
        return
    if d.byline is not None:
        m = ctx.mentions.covering(*d.byline)
        if m is not None:
            actor = ctx.mentions.actors[m.actor_id]
            d.speakers = [Resolved(actor.id, actor.name, "byline")]
        d.surface = ctx.text[slice(*d.byline)]
        return
    if d.source is None:
        return
    d.surface = ctx.text[slice(*phrase_span(d.source))]
    if _vague(ctx, d):
        d.mode = "unattributed"  # the wording stays as the claim's speaker text, with no actor
        return
    found = [r for head in conjuncts(d.source) if (r := _speaker(ctx, head, d, prev))]
    d.speakers = list({r.actor_id: r for r in found}.values())


def _speaker(ctx: Context, tok: Token, d: Draft, prev: list[Draft]) -> Resolved | None:
    res = ctx.resolver
    if (noun := syntax.antecedent(tok)) is not None:  # "X, who said ...": X speaks, through "who"
        found = _speaker(ctx, noun, d, prev)
        if found is not None:
            res.link_pronoun(tok, found.actor_id)
        return found
    if ctx.lex.pronoun(tok.text) is not None:
        found = _pronoun(ctx, tok, d, prev)
        if found is not None:
            res.link_pronoun(tok, found.actor_id)
        return found
    if (issuer := res.issuer(tok)) is not None and (found := res.named(issuer) or res.role(issuer)):
        return found
    found = res.named(tok) or res.role(tok)
    if found is not None:
        res.link_source(tok, found)
        return found
    return res.unnamed_source(tok)


def _pronoun(ctx: Context, tok: Token, d: Draft, prev: list[Draft]) -> Resolved | None:
    """The speaker just before when the pronoun agrees with it and no newer fitting antecedent came
    between; else what the actors stage resolved; else the nearest fitting actor."""
    res = ctx.resolver
    staged = res.actors_stage_pronoun(tok)
    if staged is not None and not res.pronoun_fits(ctx.mentions.actors[staged.actor_id], tok.text):
        staged = None  # the actors stage's guess does not agree with the pronoun
    last = prev[-1] if prev else None
    if last is not None and d.sentence.id - last.sentence.id <= 2:
        speaker = last.speakers[0]
        actor = ctx.mentions.actors.get(speaker.actor_id)
        newer = (
            staged is not None
            and staged.actor_id != speaker.actor_id
            and _mentioned_after(
                ctx, staged.actor_id, last.cue_start if last.cue_start >= 0 else last.start, tok.idx
            )
        )
        if actor is not None and res.pronoun_fits(actor, tok.text) and not newer:
            return Resolved(actor.id, actor.name, "pronoun")
    return staged or res.nearest(tok)


def _mentioned_after(ctx: Context, actor_id: str, after: int, before: int) -> bool:
    return any(
        m.actor_id == actor_id and m.how != "pronoun" and after < m.start < before
        for m in ctx.mentions.overlapping(after, before)
    )


# ------------------------------------------------------------------ assembly

MERGE_RUNS = True


def _merge_runs(drafts: list[Draft]) -> list[Draft]:
    """A quotation interrupted by its attribution ("“A,” X said. “B.”") is one act of communication:
    the quote parts of one paragraph that share a speaker and follow each other with no other claim
    between become one claim, whose offsets run from the first part to the last and whose text joins
    the parts with an ellipsis."""
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda x: x.start):
        prev = out[-1] if out else None
        if prev is not None and _same_run(prev, d):
            prev.parts.append((d.start, d.end))
            prev.end = d.end
            continue
        d.parts = [(d.start, d.end)]
        out.append(d)
    return out


_RUN_GAP = 40  # at most this many characters between two parts of one quotation: the attribution alone


def _same_run(prev: Draft, d: Draft) -> bool:
    if prev.mode != "direct" or d.mode != "direct" or prev.sentence.paragraph != d.sentence.paragraph:
        return False
    if d.start - prev.end > _RUN_GAP:
        return False
    ids = [r.actor_id for r in prev.speakers]
    return (
        bool(ids) and ids == [r.actor_id for r in d.speakers] and (d.inherit is not None or d.cue == prev.cue)
    )


def _to_claims(ctx: Context, drafts: list[Draft]) -> list[Claim]:
    claims: list[Claim] = []
    for d in sorted(drafts, key=lambda x: (x.start, x.cue_start)):
        content = (
            " … ".join(ctx.text[a:b] for a, b in d.parts) if len(d.parts) > 1 else ctx.text[d.start : d.end]
        )
        lead = d.speakers[0] if d.speakers else None
        base = Claim(
            id="",
            speaker_id=lead.actor_id if lead else "",
            speaker=lead.name if lead else (d.surface if d.mode != "unattributed" else ""),
            cue=d.cue,
            mode=d.mode,
            text=content,
            start=d.start,
            end=d.end,
            sentence_id=d.sentence.id,
            cue_start=d.cue_start,
            cue_end=d.cue_end,
            claim_type=claim_type(ctx.lex, d.lemma, content),
            hedges=hedges_in(content),
            speaker_surface=d.surface,
        )
        claims.append(base)
        claims.extend(replace(base, speaker_id=r.actor_id, speaker=r.name) for r in d.speakers[1:])
    return claims


class ClaimsFound(NamedTuple):
    """What the claims stage found: its claims, and the actors and mentions it adds to the index."""

    claims: tuple[Claim, ...]
    actors: tuple[Actor, ...]  # unnamed sources ("aides", "the campaign") made group actors
    mentions: tuple[Mention, ...]  # their wordings, and pronouns resolved to a claim's speaker


def find_claims(doc: Document, actors: ActorIndex, parsed: Doc, lex: Lexicon) -> ClaimsFound:
    """Every attributed statement of the document, plus the outlet's editorial sentences."""
    ctx = Context(doc, parsed, actors, lex)
    acts = _acts(ctx)
    direct, used = _direct_drafts(ctx, acts)
    drafts = direct + _reported_drafts(ctx, acts, used, direct)
    _link_orphans(ctx, drafts)
    _resolve(ctx, drafts)
    if MERGE_RUNS:
        drafts = _merge_runs(drafts)
    claims = _to_claims(ctx, drafts)
    claims.extend(find_editorial(doc, [(c.start, c.end) for c in claims], parsed))
    claims.sort(key=lambda c: (c.start, c.end))
    numbered = tuple(replace(c, id=f"C{i + 1}") for i, c in enumerate(claims))
    return ClaimsFound(numbered, tuple(ctx.mentions.added_actors), tuple(ctx.mentions.added_mentions))
