"""Whole sentences from the tables: a position with its speaker and act, an expert's judgement, an event.

What a party said is written as "<canonical name> <cue verb> <what was said>" ("Egypt accused Ethiopia of
..."), or, when the cue is neutral ("said", "insists") and the act is a demand, refusal, denial or
warning, in a frame that names the act ("Ukraine refused, saying it won't recognise ..."). A direct
quote is quoted whole and only when it is a clause. Names outside quotation marks are the canonical
ones; pronouns for other actors become names; typos are mended.
"""

from __future__ import annotations

import re

from briefing.analysis import words
from briefing.analysis.acts import cue_of
from briefing.analysis.context import Context
from briefing.analysis.naming import Namer, finish, lower_start
from briefing.analysis.title import strip_dateline
from briefing.lexicon import lists
from briefing.model import Claim, Event, Expert, Finding, Position

MAX_WORDS = 55
FRAMED = ("demand", "refusal", "warning")  # "denied this" would need what "this" is
_MODAL = re.compile(r"\b(?:must|should|ought to|(?:has|have|needs?) to)\s+(?=[a-z])")


def is_clause(ctx: Context, start: int, end: int) -> bool:
    """Has a finite verb with a subject: "We will not negotiate" is a clause, "a fair deal" is not."""
    span = ctx.span(start, end)
    return any(
        t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.tag_ in ("VBD", "VBZ", "VBP", "MD", "VB")
        for t in span or ()
    ) or any(t.tag_ in ("VBD", "VBZ", "VBP") for t in span or ())


def quoted(text: str) -> str:
    """The words of a quote inside quotation marks, as one sentence. A claim of several quoted stretches
    with the attribution between them ("…,” wrote Smith. “We …") or after them keeps its first stretch
    only, so that no attribution is quoted as if it were said."""
    text = text.strip().lstrip('“"‘').strip()
    inner = re.search(r'[,.!?…][”"]\s+\S', text)  # a quote closed, then the words around it go on
    if inner:
        text = text[: inner.start() + 1]
    text = text.strip('“”"‘’').strip()
    text = re.sub(r"[,;:]$", "", text)
    if not re.search(r"[.!?]$", text):
        text += "."
    return f"“{text}”"


def claim_sentence(
    ctx: Context,
    namer: Namer,
    claim: Claim,
    act: str,
    act_start: int = -1,
    content: str = "",
    with_role: bool = False,
) -> str | None:
    """One sentence for a party's or an expert's claim, or None when it would be a fragment.

    The act is named by a frame only when neither the cue nor a verb of the claim names it already
    ("requesting urgent talks" says it is a demand)."""
    if with_role:
        speaker = namer.described(claim.speaker_id, claim.speaker)
    else:
        speaker = namer.name(claim.speaker_id, claim.speaker)
    cue = cue_of(ctx, claim)
    direct = claim.mode == "direct"
    named = words.cue_verbs().get(cue.lemma)
    if direct:
        whole = whole_quote(ctx, claim)
        if (
            whole is None
            or not is_clause(ctx, claim.start, claim.end)
            or imperative(ctx, claim.start, claim.end)
        ):
            return None
        content = quoted(whole)
    else:
        if not (named or has_subject(ctx, claim.start, claim.end)):
            return None  # "said isn't a problem": a fragment of a clause
        content = lower_start(strip_dateline(content or _content(ctx, namer, claim))[0])
    if not content:
        return None
    tense = "plural" if _plural(ctx, claim.speaker_id) and cue.tense == "present" else cue.tense
    said_by_verb = _verb_at(ctx, act_start, claim)
    if act in FRAMED and not said_by_verb and named != act and not (act == "denial" and named == "refusal"):
        text = _framed(act, speaker, content, direct, tense)
    else:
        verb = _verb(cue.lemma, named)
        joint = ": " if direct else " "
        text = f"{speaker} {words.inflect(verb, tense)}{joint}{content}"
    return finish(text) if len(text.split()) <= MAX_WORDS else None


def imperative(ctx: Context, start: int, end: int) -> bool:
    """ "Look what I have delivered": an appeal to the listener, not a position."""
    span = ctx.clause(start, end)
    if span is None or not len(span):
        return False
    first = span[0]
    return (
        first.tag_ == "VB"
        and first.dep_ in ("ROOT", "ccomp", "xcomp", "conj", "advcl", "parataxis")
        and not any(c.dep_.startswith("nsubj") for c in first.children)
    )


def has_subject(ctx: Context, start: int, end: int) -> bool:
    span = ctx.span(start, end)
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for t in span or ())


def _plural(ctx: Context, actor_id: str) -> bool:
    a = ctx.actors.get(actor_id)
    return a is not None and a.kind == "group"


def whole_quote(ctx: Context, claim: Claim) -> str | None:
    """A direct quote with the parts the attribution split off ("“A,” she said, “and B.”"), or None
    when it is itself such a part with nothing before it."""
    same = [
        c
        for c in ctx.attributed()
        if c.mode == "direct"
        and c.speaker_id == claim.speaker_id
        and c.id != claim.id
        and ctx.doc.sentence_at(c.start) is not None
        and ctx.doc.sentence_at(c.start).paragraph == ctx.doc.sentence_at(claim.start).paragraph
    ]
    text = claim.text.strip()
    if text[:1].islower():
        before = [c for c in same if c.end <= claim.start]
        if not before:
            return None
        prev = max(before, key=lambda c: c.end)
        text = prev.text.strip().rstrip(",") + ", " + text
    after = [c for c in same if c.start >= claim.end and c.text.strip()[:1].islower()]
    if after:
        nxt = min(after, key=lambda c: c.start)
        text = text.rstrip(",") + ", " + nxt.text.strip()
    return text


def _verb_at(ctx: Context, at: int, claim: Claim) -> bool:
    """Is the act's evidence a verb inside the claim ("... requesting urgent talks")?"""
    if not (claim.start <= at < claim.end):
        return False
    span = ctx.span(at, at + 1)
    return (
        bool(span)
        and span[0].pos_ == "VERB"
        and span[0].lemma_.lower() in {v.split()[0] for v in words.cue_verbs()}
    )


def _verb(lemma: str, named: str | None) -> str:
    if named or lemma in ("say",):
        return lemma
    if lemma in lists.words("acts", "object_cues") or (" " in lemma and lemma not in words.cue_verbs()):
        return "say"
    return lemma


def _content(ctx: Context, namer: Namer, claim: Claim) -> str:
    text = namer.rewrite(claim.start, claim.end, claim.speaker_id)
    text, _ = strip_dateline(text)
    return text.strip()


def _framed(act: str, speaker: str, content: str, direct: bool, tense: str) -> str:
    frame = words.frames()[act][1 if direct else 0]
    if act == "demand" and not direct:
        content = _MODAL.sub("", content, count=1)  # "Ukraine must cede" -> "that Ukraine cede"
    verb = re.search(r"\{v:(\w+)\}", frame)
    if verb:
        frame = frame.replace(verb.group(), words.inflect(verb.group(1), tense))
    return frame.replace("{s}", speaker).replace("{c}", content).replace("{q}", content)


def act_sentence(ctx: Context, namer: Namer, p: Position) -> str:
    """A reported act: "Vladimir Putin has rejected Volodymyr Zelenskyy’s bold proposal for ..."."""
    predicate = namer.rewrite(p.start, p.end, p.actor_id)
    return finish(f"{namer.name(p.actor_id, p.actor)} {predicate}")


def position_sentence(ctx: Context, namer: Namer, p: Position) -> str | None:
    if not p.claim_id:
        return act_sentence(ctx, namer, p)
    claim = ctx.claims.get(p.claim_id)
    return claim_sentence(ctx, namer, claim, p.act, p.act_start, with_role=True) if claim else None


# ------------------------------------------------------------------ experts


def expert_intro(namer: Namer, x: Expert) -> str:
    """ "Tatiana Stanovaya, a senior fellow at the Carnegie Russia Eurasia Center," or "Jefferies analyst
    Mark Odell"."""
    name = namer.name(x.actor_id, x.name)
    cred = _short_credentials(x.credentials)
    if x.affiliation and cred.endswith(x.affiliation.split(",")[0]) and x.affiliation not in cred:
        cred = cred[: len(cred) - len(x.affiliation.split(",")[0])] + x.affiliation  # the whole name
    if not cred:
        kind = f"{x.affiliation_type} " if x.affiliation_type and x.affiliation != x.name else ""
        return f"{name}, of the {kind}{x.affiliation}," if x.affiliation and x.affiliation != x.name else name
    if cred.startswith(("of ", "at ")):
        return f"{name} {cred}"  # "Luka Horvat of the polling firm Parsifal Research"
    mention = next(iter(namer.ctx.by_actor.get(x.actor_id, [])), None)
    before_name = mention is not None and x.evidence_end <= mention.start + 1 and x.evidence_start >= 0
    if before_name and not re.match(r"(?:an?|the)\b", cred):
        return f"{cred} {name}"  # "Jefferies analyst Mark Odell"
    return f"{name}, {cred[:1].lower() + cred[1:] if not cred[:2].isupper() else cred},"


def _short_credentials(text: str) -> str:
    """The credentials up to their first institution: "... Center and founder of the site X" loses the
    founder."""
    text = " ".join(text.split())
    cut = re.search(r"\s+and\s+(?:the\s+)?(?:founder|co-founder|author|editor|host)\b", text)
    return text[: cut.start()] if cut else text


def finding_sentence(ctx: Context, namer: Namer, x: Expert, f: Finding) -> str | None:
    """The expert's judgement in one sentence, with the ICD 203 term only for a likelihood."""
    intro = expert_intro(namer, x)
    claim = ctx.claims.get(f.claim_id) if f.claim_id else None
    if claim is None:
        body = namer.rewrite(f.start, f.end, x.actor_id)
        text = f"{intro} {body}"
    else:
        cue = cue_of(ctx, claim)
        direct = claim.mode == "direct"
        if direct and (not is_clause(ctx, f.start, f.end) or re.match(r"(?:And|But|So|Or)\b", f.text)):
            return None
        body = quoted(f.text) if direct else namer.rewrite(f.start, f.end, x.actor_id).strip()
        if not direct and not is_clause(ctx, f.start, f.end):
            return None
        verb = _verb(cue.lemma, words.cue_verbs().get(cue.lemma))
        verb = "judge" if verb == "say" and f.kind == "judgement" and not direct else verb
        text = f"{intro} {words.inflect(verb, cue.tense)}{': ' if direct else ' that '}{body}"
        text = text.replace(" that that ", " that ")
    text = finish(text)
    if f.likelihood:
        icd = f" (ICD 203: {f.likelihood})"
        text = text[:-1] + icd + "." if text.endswith(".") else text + icd
    return text if len(text.split()) <= MAX_WORDS + 10 else None


# ------------------------------------------------------------------ events


def with_dates(
    ctx: Context,
    namer: Namer,
    start: int,
    end: int,
    events: list[Event],
    subject: str = "",
    skip: tuple[int, int] | None = None,
) -> str:
    """text[start:end] rewritten, each relative date followed by the date it resolves to; ``skip`` is a
    stretch left out (a participial clause of a long lead)."""
    pieces, pos = [], start
    free = not subject  # a sentence of the article's own, not what someone said
    subject = subject or namer.subject_of(start, end)
    cuts = [(e.start, e.end, e) for e in events if start <= e.start and e.end <= end]
    if skip:
        cuts = [c for c in cuts if not (skip[0] <= c[0] < skip[1])] + [(skip[0], skip[1], None)]
    for a, b, e in sorted(cuts, key=lambda c: c[0]):
        if a < pos:
            continue
        upto = b if e is not None else a
        pieces.append(namer.rewrite(pos, upto, subject, full_first=free and pos == start))
        if e is not None:
            pieces.append(_date_note(e))
        pos = b
    pieces.append(namer.rewrite(pos, end, subject, full_first=free and pos == start))
    return "".join(pieces)


def _date_note(e: Event) -> str:
    from briefing.analysis.dates import spelled

    note = spelled(e)
    if re.search(r"\b(?:19|20)\d\d\b", e.date_text):
        return ""
    if note and e.precision == "month" and note.split()[0].lower() in e.date_text.lower():
        note = note.split()[-1]  # "in October" (2025)
    return f" ({note})" if note else ""
