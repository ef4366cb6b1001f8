"""The bottom line up front: three to six whole sentences written from the analysis tables.

1. What happened: the lead event (its dateline cut, names canonical, relative dates resolved).
2. Each principal side's position, with its speaker and act: the answer to the act the lead reports,
   then both sides of the central dispute, else the parties' strongest acts.
3. The outside view: the expert finding that bears most on those positions (ICD 203 only for a
   likelihood; a doubt is a caveat).
4. What comes next: the earliest dated event still ahead.
5. A sourcing caveat where one applies: a claim on unnamed or second-hand sources, a source the text
   marks as partisan or state-run, the outlet's own opinion, an outlet the text does not name.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefing.analysis import words
from briefing.analysis.context import Context
from briefing.analysis.dates import start_of
from briefing.analysis.naming import Namer, finish, lower_start, possessive
from briefing.analysis.phrasing import claim_sentence, finding_sentence, position_sentence, with_dates
from briefing.analysis.title import lead, strip_dateline
from briefing.lexicon import lists
from briefing.model import BottomLine, Contrast, Dispute, Event, Figure, Position, SourceFlag, Sourcing

MAX_LINES, MIN_WORDS_OF_ACT, MAX_UPCOMING = 6, 5, 50
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
FUTURE_HEADS = frozenset({"due", "expect", "schedule", "set", "plan", "intend", "aim", "poise", "slate"})
LONG_LEAD = 38  # words: a lead longer than this loses a participial clause


@dataclass(frozen=True)
class _Line:
    kind: str
    text: str
    start: int
    end: int
    refs: tuple[str, ...] = ()
    label: str = ""


def write_bottom_line(
    ctx: Context,
    positions: list[Position],
    disputes: list[Dispute],
    contrasts: list[Contrast],
    sourcing: list[Sourcing],
    flags: list[SourceFlag],
    figures: list[Figure],
) -> list[BottomLine]:
    namer = Namer(ctx)
    event = _event_line(ctx, namer)
    lead_span = (event.start, event.end) if event else (-1, -1)
    parties = _party_lines(ctx, namer, positions, disputes, lead_span)
    used = {line.start for line in parties} | {lead_span[0]}
    outside = _outside_line(ctx, namer, positions, contrasts, parties)
    after = _next_lines(ctx, namer, used | ({outside.start} if outside else set()))
    caveat = _sourcing_line(ctx, namer, sourcing, flags, figures, parties)
    lines = [x for x in (event, *parties, outside, *after[:1], caveat) if x is not None]
    weak_caveat = caveat if caveat and caveat.label == "outlet not stated" else None
    for weak in (weak_caveat, *parties[2:], *after[:1]):
        if len(lines) > MAX_LINES and weak in lines:
            lines.remove(weak)  # the least telling first: an unnamed outlet, a third party, what is next
    lines = lines[:MAX_LINES]
    if len(lines) < 3:  # a short story: more of what comes next
        lines = (lines + [x for x in after[1:] if x not in lines])[:3]
    return [BottomLine(i, x.kind, x.text, x.start, x.end, x.refs, x.label) for i, x in enumerate(lines, 1)]


# ------------------------------------------------------------------ what happened


def _event_line(ctx: Context, namer: Namer) -> _Line | None:
    first = lead(ctx.doc)
    if first is None:
        return None
    body = ctx.doc.body_sentences()
    if len(ctx.doc.text[first.start : first.end].split()) <= 4 and len(body) > 1:
        first = body[1]  # "JEFFERSON CITY, Mo." cut from its sentence by the abbreviation
    _, cut = strip_dateline(ctx.doc.text[first.start : first.end])
    start, end = first.start + cut, first.end
    skip = _participle(ctx, start, end)
    events = [e for e in ctx.ex.events if start <= e.start and e.end <= end]
    text = with_dates(ctx, namer, start, end, events, skip=skip)
    refs = tuple(e.id for e in events if not (skip and skip[0] <= e.start < skip[1]))
    return _Line("event", finish(text), first.start, first.end, refs, "what happened")


def _participle(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """In a long lead, the participial clause to leave out (", blaming a drop in orders"), never the
    main clause or one coordinated with it (", and said it would cut 1,200 jobs" stays)."""
    span = ctx.clause(start, end)
    if span is None or len(ctx.doc.text[start:end].split()) <= LONG_LEAD:
        return None
    root = span.root
    for child in root.rights:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.i > span.start + 8:
            prev = child.doc[child.i - 1]
            if prev.text != ",":
                continue
            tokens = [t for t in child.subtree]
            last = tokens[-1]
            b = last.idx + len(last)
            return prev.idx, b
    return None


# ------------------------------------------------------------------ positions


def _usable(ctx: Context, p: Position, lead_span: tuple[int, int]) -> bool:
    """Outside the lead, by a named party (a place is context, not a party), and more than "rejected
    the proposal"."""
    inside_lead = lead_span[0] <= p.start < lead_span[1]
    unnamed = set(lists.words("sourcing", "unnamed_speakers"))
    actor = ctx.actors.get(p.actor_id)
    if inside_lead or (actor is not None and actor.kind == "place"):
        return False
    if p.actor.lower().split()[-1:] in ([w] for w in unnamed):
        return False
    return p.claim_id != "" or len(p.text.split()) >= MIN_WORDS_OF_ACT


def _focus(ctx: Context, lead_span: tuple[int, int]) -> tuple[set[str], set[str]]:
    """What the headline and the lead are about: their matter keys and the actors they name (the
    sides of the actors, as positions are compared by side)."""
    from briefing.analysis.matters import matter_of
    from briefing.analysis.title import title_of

    _, a, b = title_of(ctx.doc)
    spans = [s for s in ((a, b), lead_span) if s[0] >= 0]
    keys = {k for s in spans for k in matter_of(ctx, *s).keys}
    actors = {ctx.side(m.actor_id) for s in spans for m in ctx.mentions_in(*s)}
    return keys, actors


def _relevance(actor_id: str, keys: tuple[str, ...] | set[str], focus: tuple[set[str], set[str]]) -> int:
    return (actor_id in focus[1]) + bool(set(keys) & focus[0])


def _party_lines(
    ctx: Context, namer: Namer, positions: list[Position], disputes: list[Dispute], lead_span: tuple[int, int]
) -> list[_Line]:
    by_id = {p.id: p for p in positions}
    chosen: list[Position] = []
    lines: dict[str, _Line] = {}
    sides: set[str] = set()

    def take(p: Position, again: bool = False) -> None:
        """Take a side's position when it can be written as a whole sentence."""
        if (again or p.side not in sides) and p not in chosen:
            line = _position_line(ctx, namer, p, disputes)
            if line is not None:
                chosen.append(p)
                lines[p.id] = line
                sides.add(p.side)

    # the answer to what the lead reports ("Egypt accused ..." -> "... rejected the accusations")
    for d in disputes:
        a, b = by_id.get(d.a_position), by_id.get(d.b_position)
        if a and b and lead_span[0] <= a.start < lead_span[1] and _usable(ctx, b, lead_span):
            take(b)
            break
    # both sides of the central dispute: the first whose two positions can stand alone
    for d in disputes:
        pair = [by_id.get(d.a_position), by_id.get(d.b_position)]
        if all(p and _usable(ctx, p, lead_span) and p not in chosen for p in pair):
            for p in pair:
                take(p, again=True)
            break
    # else each side's strongest act
    rank = words.act_rank()
    rest = [p for p in positions if p.role == "party" and _usable(ctx, p, lead_span)]
    weight = {p.side: 0 for p in rest}
    for p in rest:
        weight[p.side] += ctx.actors[p.actor_id].mentions if p.actor_id in ctx.actors else 0
    focus = _focus(ctx, lead_span)
    heaviest = max(weight.values(), default=1) or 1

    def standing(p: Position) -> float:
        """About what the headline and the lead are about, and how present the side is."""
        return _relevance(p.actor_id, p.keys, focus) + 3 * weight[p.side] / heaviest

    # a demand, refusal, ... says more than a statement; then the side that matters most
    rest.sort(key=lambda p: (p.act not in words.STRONG_ACTS, -standing(p), rank.get(p.act, 99), p.start))
    for p in rest:
        if p.act in words.STRONG_ACTS or len(chosen) < 2:
            take(p)
    return [lines[p.id] for p in chosen][:3]


def _position_line(ctx: Context, namer: Namer, p: Position, disputes: list[Dispute]) -> _Line | None:
    text = position_sentence(ctx, namer, p)
    if not text:
        return None
    sent = ctx.doc.sentence_at(p.start)
    refs = tuple(x for x in (p.claim_id, p.id) if x)
    refs += tuple(d.id for d in disputes if p.id in (d.a_position, d.b_position))
    a, b = (sent.start, sent.end) if sent else (p.start, p.end)
    return _Line("position", text, a, b, refs, "statement" if p.act == "statement" else p.act)


# ------------------------------------------------------------------ the outside view


def _outside_line(
    ctx: Context, namer: Namer, positions: list[Position], contrasts: list[Contrast], parties: list[_Line]
) -> _Line | None:
    from briefing.analysis.matters import matter_of

    experts = {x.actor_id: x for x in ctx.ex.experts}
    chosen_positions = {r for line in parties for r in line.refs}
    bearing = {c.finding_start: (c.position_id in chosen_positions) * 2 + 1 for c in contrasts}
    first = lead(ctx.doc)
    focus = _focus(ctx, (first.start, first.end) if first else (-1, -1))
    best = None
    for f in ctx.ex.findings:
        x = experts.get(f.expert_id)
        if x is None:
            continue
        on_focus = min(4, 2 * len(set(matter_of(ctx, f.start, f.end).keys) & focus[0]))
        score = (
            bearing.get(f.start, 0) * 2
            + on_focus
            + 3 * bool(f.likelihood or f.caveat)
            + (f.kind in ("judgement", "prediction"))
            + (len(f.text.split()) >= 8)
            - 2 * bool(re.match(r"(?:If|And|But|So)\b", f.text))
        )
        if best is None or score > best[0]:
            text = finding_sentence(ctx, namer, x, f)
            if text:
                best = (score, f, text)
    if best is None:
        return None
    _, f, text = best
    sent = ctx.doc.sentence_at(f.start)
    label = f.likelihood or ("caveat: " + f.caveat if f.caveat else "stated without hedging")
    refs = tuple(x for x in (f.claim_id,) if x)
    a, b = (sent.start, sent.end) if sent else (f.start, f.end)
    return _Line("outside view", text, a, b, refs, label)


# ------------------------------------------------------------------ what comes next


def _ahead(ctx: Context, e: Event) -> bool:
    """Planned, and dated after publication when the publication date is known."""
    when = start_of(e)
    published = ctx.doc.published
    if when is None or e.precision in ("duration", "unknown") or e.tense != "planned":
        return False
    return published is None or when >= published


def _told_as_ahead(ctx: Context, e: Event) -> bool:
    """The verb the date hangs on is future: "will meet on Thursday", "is expected to begin next week"."""
    span = ctx.span(e.start, e.end)
    if span is None:
        return False
    verb = span.root
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
        if verb.lemma_.lower() in FUTURE_HEADS:  # "due in Ankara on Thursday"
            return True
    for _ in range(3):
        if any(c.lower_ in FUTURE_AUX for c in verb.children) or verb.lemma_.lower() in FUTURE_HEADS:
            return True
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ in ("xcomp", "ccomp", "conj") or infinitive:
            verb = verb.head
        else:
            break
    return False


def _next_lines(ctx: Context, namer: Namer, used: set[int]) -> list[_Line]:
    voiced = sorted(
        (c.start, c.end) for c in ctx.ex.claims if c.mode == "editorial" or c.speaker_id in ctx.experts
    )
    starts = [a for a, _ in voiced]
    out, seen = [], set(used)
    upcoming = sorted((e for e in ctx.ex.events if _ahead(ctx, e)), key=lambda e: (start_of(e), e.start))
    for e in upcoming[:MAX_UPCOMING]:
        i = bisect.bisect_right(starts, e.start) - 1
        if i >= 0 and voiced[i][0] <= e.start < voiced[i][1]:
            continue  # an expert's forecast or the outlet's opinion is not an event
        sent = ctx.doc.sentence_at(e.start)
        if sent is None or sent.start in seen or sent.kind != "body":
            continue
        if not _told_as_ahead(ctx, e):
            continue  # the date may be ahead, the sentence tells of the past
        seen.add(sent.start)
        text = _event_sentence(ctx, namer, e, sent.start, sent.end)
        if text:
            out.append(_Line("next", text, sent.start, sent.end, (e.id,), "what comes next"))
    return out


def _event_sentence(ctx: Context, namer: Namer, e: Event, start: int, end: int) -> str | None:
    claim = next(
        (c for c in ctx.attributed() if c.start <= e.start < c.end and c.speaker_id not in ctx.experts), None
    )
    events = [x for x in ctx.ex.events if start <= x.start < end]
    if claim is not None and claim.mode == "indirect":
        dated = with_dates(ctx, namer, claim.start, claim.end, events, claim.speaker_id)
        return claim_sentence(ctx, namer, claim, "statement", content=dated)
    _, cut = strip_dateline(ctx.doc.text[start:end])
    return finish(with_dates(ctx, namer, start + cut, end, events))


# ------------------------------------------------------------------ sourcing


def _sourcing_line(
    ctx: Context,
    namer: Namer,
    sourcing: list[Sourcing],
    flags: list[SourceFlag],
    figures: list[Figure],
    parties: list[_Line],
) -> _Line | None:
    single = [s for s in sourcing if s.single and ctx.claims[s.claim_id].speaker_id not in ctx.experts]
    single = [s for s in single if _single_clause(ctx, s) is not None] or single
    if single and _single_clause(ctx, single[0]) is not None:
        return _single_source_line(ctx, namer, single)
    spoken = {r for line in parties for r in line.refs}
    speakers = {ctx.claims[r].speaker_id for r in spoken if r in ctx.claims}
    marked = [f for f in flags if f.actor_id in speakers and f.flag != "party to the conflict"]
    if marked:
        f = marked[0]
        text = f"The text marks {namer.name(f.actor_id, f.actor)} as {f.flag} (“{f.words}”)."
        return _Line("sourcing", finish(text), f.evidence_start, f.evidence_end, (f.actor_id,), f.flag)
    value = {f.name: f for f in figures}
    editorial = int(value["editorial"].value)
    if editorial >= 2:
        e = min((c for c in ctx.ex.claims if c.mode == "editorial"), key=lambda c: len(c.text))
        text = (
            f"The article is partly opinion: {editorial} of its sentences are the outlet’s own judgements, "
            f"such as “{e.text.strip().rstrip('.')}”."
        )
        return _Line("sourcing", text, e.start, e.end, (e.id,), "opinion")
    if value["outlet"].value == "not stated":
        return _Line(
            "sourcing",
            "The text does not name its outlet; every claim in it comes from a named or official source.",
            -1,
            -1,
            (),
            "outlet not stated",
        )
    return None


def _single_clause(ctx: Context, s: Sourcing) -> tuple[int, int] | None:
    """What the unnamed source is said to say: the clause holding the evidence when the evidence is in
    the claim ("Treasury officials are understood to ..."), else the claim when it is a clause."""
    from briefing.analysis.phrasing import has_subject

    claim = ctx.claims[s.claim_id]
    if claim.start <= s.evidence_start < claim.end:
        span = ctx.span(s.evidence_start, s.evidence_end)
        if span is not None:
            verb = span[0]
            while verb.dep_ not in ("ROOT", "ccomp", "conj") and verb.head is not verb:
                verb = verb.head
            tokens = list(verb.subtree)
            conj = [t for t in verb.children if t.dep_ in ("conj", "cc")]
            last = min((t.i for t in conj if t.i > verb.i), default=tokens[-1].i + 1)
            a, b = tokens[0].idx, verb.doc[last - 1].idx + len(verb.doc[last - 1])
            return (a, b) if has_subject(ctx, a, b) else None
    if claim.mode == "indirect" and has_subject(ctx, claim.start, claim.end):
        return claim.start, claim.end
    return None


def _single_source_line(ctx: Context, namer: Namer, single: list[Sourcing]) -> _Line:
    s = single[0]
    claim = ctx.claims[s.claim_id]
    if s.sourcing == "anonymous":
        a, b = _single_clause(ctx, s) or (claim.start, claim.end)
        content = lower_start(namer.rewrite(a, b, claim.speaker_id).strip().rstrip(".,;"))
        text = f"The claim that {content} rests on unnamed sources (“{s.source}”)"
    else:
        who = namer.name(claim.speaker_id, claim.speaker)
        text = f"{possessive(who)} account reaches the article second-hand (“{s.source}”)"
    if s.contested_by:
        names = _names(ctx, namer, s.contested_by)
        text += f"; {names} {'contest' if _several(ctx, s.contested_by) else 'contests'} it"
    elif s.corroborated_by:
        names = _names(ctx, namer, s.corroborated_by)
        text += f"; {names} {'support' if _several(ctx, s.corroborated_by) else 'supports'} it"
    else:
        text += "; nothing else in the article corroborates or contests it"
    more = len(single) - 1
    if more:
        claims = f"{more} more claim rests" if more == 1 else f"{more} more claims rest"
        text += f", and {claims} on unnamed or second-hand sources"
    return _Line("sourcing", finish(text), claim.start, claim.end, (claim.id,), s.sourcing)


def _several(ctx: Context, claim_ids: tuple[str, ...]) -> bool:
    return len({ctx.claims[c].speaker_id or ctx.claims[c].speaker for c in claim_ids}) > 1


def _names(ctx: Context, namer: Namer, claim_ids: tuple[str, ...]) -> str:
    claims = [ctx.claims[c] for c in claim_ids]
    names = list(dict.fromkeys(namer.name(c.speaker_id, c.speaker) for c in claims))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
