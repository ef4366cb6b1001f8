"""What a party does with a claim: demand, proposal, refusal, denial, accusation, promise, warning.

The act comes from the cue verb when the verb names one ("rejected", "called for", "vowed"), else from
what is said ("Ukraine must cede ..." demands; "it won't recognise ..." refuses), else the claim is a
statement. A sentence that reports an act without a claim ("Putin has rejected the proposal") is an act
too: its subject is the actor. Word lists: ``briefing/lexicon/acts.yaml``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Span, Token

from briefing.analysis import words
from briefing.analysis.context import Context
from briefing.lexicon import lists
from briefing.model import Claim

PRONOUN_SUBJECTS = frozenset({"i", "we", "it", "he", "she", "they"})


@dataclass(frozen=True)
class Cue:
    lemma: str  # "say", "call for", "reject"
    tense: str  # past or present
    start: int
    end: int


@dataclass(frozen=True)
class Act:
    act: str
    start: int  # the words that make it this act
    end: int


def cue_of(ctx: Context, claim: Claim) -> Cue:
    """The claim's cue verb as a lemma (with its particle) and the tense it is reported in."""
    neutral = Cue("say", "past", claim.cue_start, claim.cue_end)
    if claim.cue_start < 0 or claim.cue.lower() in lists.words("acts", "neutral_cues"):
        return neutral
    span = ctx.span(claim.cue_start, claim.cue_end)
    verbs = [t for t in span or () if t.pos_ in ("VERB", "AUX")] if span else []
    if not verbs:
        return neutral
    verb = verbs[0]
    return Cue(phrasal_lemma(verb), tense_of(verb), claim.cue_start, claim.cue_end)


def phrasal_lemma(verb: Token) -> str:
    """ "call" + "for" -> "call for" when the pair is a cue of its own, else the verb's lemma."""
    lemma = verb.lemma_.lower()
    for t in verb.doc[verb.i + 1 : verb.i + 2]:
        pair = f"{lemma} {t.lower_}"
        if pair in words.cue_verbs():
            return pair
    return lemma


def tense_of(verb: Token) -> str:
    """present for "says", "insists" and "has repeated"; past otherwise."""
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "have" for c in verb.children):
        return "present"
    return "past"


def act_of_claim(ctx: Context, claim: Claim) -> Act:
    """The act a party performs with ``claim``, with the words that show it."""
    cue = cue_of(ctx, claim)
    by_cue = words.cue_verbs().get(cue.lemma)
    if by_cue:
        if by_cue == "refusal" and _object_is_claim(ctx, claim):
            by_cue = "denial"
        return Act(by_cue, cue.start, cue.end)
    found = content_act(ctx, claim.start, claim.end, claim.speaker_id)
    if found:
        return found
    if claim.claim_type == "condition":  # the extraction's "warning" is a guess; its condition is "if"
        return Act("condition", cue.start, cue.end)
    return Act("statement", cue.start, cue.end)


def _object_is_claim(ctx: Context, claim: Claim) -> bool:
    span = ctx.span(claim.start, claim.end)
    nouns = [t for t in span or () if t.pos_ == "NOUN"][:2]
    return any(t.lemma_.lower() in words.claim_nouns() for t in nouns)


def content_act(ctx: Context, start: int, end: int, speaker_id: str) -> Act | None:
    """The act the words of text[start:end] perform: a cue verb with the speaker's side as subject
    ("the union had written ... requesting urgent talks"), else the first content pattern ("must",
    "will not", "baseless")."""
    by_verb = _act_verb(ctx, start, end, speaker_id)
    if by_verb:
        return by_verb
    text = ctx.doc.text[start:end]
    for act, pattern in words.content_patterns():
        for m in pattern.finditer(text):
            a, b = start + m.start(), start + m.end()
            if act != "denial" and not _in_main_clause(ctx, a, b, start, end):
                continue  # "... one of the tests a judge must weigh": not what the speaker demands
            needs_subject = act == "promise" or pattern.pattern.startswith(r"\b(?:will")
            if needs_subject and not _speaker_is_subject(ctx, a, b, speaker_id):
                continue
            return Act(act, a, b)
    return None


def _in_main_clause(ctx: Context, a: int, b: int, start: int, end: int) -> bool:
    """Do the words at [a, b) belong to the head of what was said, a clause coordinated with it, or a
    condition on it ("if ...")? Not to a clause inside a noun phrase ("the tests a judge must weigh")."""
    span, at = ctx.clause(start, end), ctx.span(a, b)
    if span is None or at is None:
        return False
    verb = _governing_verb(at[0])
    heads = set(top_verbs(span))
    return verb in heads or (verb.dep_ == "advcl" and verb.head in heads)


def top_verbs(span) -> list[Token]:
    """The verbs heading a span: tokens whose head lies outside it (and their conjuncts), or its root."""
    tops = [t for t in span if not (span.start <= t.head.i < span.end) or t.head is t]
    verbs = [t for t in tops if t.pos_ in ("VERB", "AUX")] or [span.root]
    return [x for v in verbs for x in (v, *v.conjuncts)]


def _act_verb(ctx: Context, start: int, end: int, speaker_id: str) -> Act | None:
    span = ctx.span(start, end)
    for t in span or ():
        act = words.cue_verbs().get(phrasal_lemma(t)) if t.pos_ == "VERB" else None
        if act and not _negated(t) and _subject_is_speaker(ctx, t, speaker_id):
            return Act(act, t.idx, t.idx + len(t))
    return None


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _speaker_is_subject(ctx: Context, start: int, end: int, speaker_id: str) -> bool:
    """Is the subject of the verb at [start, end) the speaker ("we", "it", its name, "the company")?"""
    span = ctx.span(start, end)
    if span is None:
        return False
    return _subject_is_speaker(ctx, _governing_verb(span[0]), speaker_id)


def _subject_is_speaker(ctx: Context, verb: Token, speaker_id: str) -> bool:
    """The subject of ``verb`` (or, for a participle, of the verb it hangs on) names the speaker's side."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head is verb:
            break
        verb = verb.head
    if not subjects:
        return False
    subj = subjects[0]
    if subj.lower_ in PRONOUN_SUBJECTS:
        return True
    side = ctx.side(speaker_id)
    tokens = list(subj.subtree)
    for m in ctx.mentions_in(tokens[0].idx, tokens[-1].idx + len(tokens[-1])):
        if m.actor_id == speaker_id or ctx.side(m.actor_id) == side:
            return True
    return subj.lemma_.lower() in lists.words("acts", "self_nouns") and _speaks_for(ctx, subj, speaker_id)


def _speaks_for(ctx: Context, subj: Token, speaker_id: str) -> bool:
    """ "his office", "the company" said by the company, "the government" said by a minister."""
    own = ("his", "her", "its", "their", "our", "my")
    if any(c.dep_ == "poss" and c.lower_ in own for c in subj.children):
        return True
    actor = ctx.actors.get(speaker_id)
    if actor is None:
        return False
    if actor.kind in ("organisation", "group", "state"):
        return True
    official = lists.words("acts", "officials")
    return any(w in actor.role.lower() for w in official) and subj.lemma_.lower() in lists.words(
        "acts", "official_bodies"
    )


def _governing_verb(tok: Token) -> Token:
    while tok.dep_ in ("aux", "neg", "auxpass", "advmod", "mark") and tok.head is not tok:
        tok = tok.head
    return tok


# ------------------------------------------------------------------ acts the text reports


@dataclass(frozen=True)
class ReportedAct:
    actor_id: str
    act: str
    verb_start: int
    verb_end: int
    start: int  # the predicate: "has rejected Zelenskyy's bold proposal for a face-to-face meeting"
    end: int


def reported_acts(ctx: Context) -> list[ReportedAct]:
    """Sentences in which an actor is the subject of an act verb that no claim already covers."""
    covered = sorted((c.start, c.end) for c in ctx.attributed())
    cues = sorted((c.cue_start, c.cue_end) for c in ctx.ex.claims if c.cue_start >= 0)
    out: list[ReportedAct] = []
    for sent in ctx.doc.body_sentences():
        span = ctx.span(sent.start, sent.end)
        for verb in span or ():
            found = _reported(ctx, verb, covered, cues)
            if found:
                out.append(found)
    return out


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Is ``at`` inside one of the sorted, mostly disjoint ``spans``? (the few before it are checked)"""
    i = bisect.bisect_right(spans, (at, float("inf")))
    return any(a <= at < b for a, b in spans[max(0, i - 8) : i])


def _reported(
    ctx: Context, verb: Token, covered: list[tuple[int, int]], cues: list[tuple[int, int]]
) -> ReportedAct | None:
    if verb.pos_ != "VERB":
        return None
    act = words.cue_verbs().get(phrasal_lemma(verb))
    if act is None:
        return None
    at = verb.idx
    if _inside(covered, at) or _inside(cues, at):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    subj = subjects[0]
    if any(c.dep_ == "conj" for c in subj.children):
        return None  # "Johnson and Corbyn attacked each other's policies": no one party's act
    m = ctx.mention_covering(subj.idx, subj.idx + len(subj))
    if m is None or ctx.role(m.actor_id) != "party":
        return None
    pred = predicate(verb)
    if pred is None:
        return None
    if act == "refusal" and any(t.lemma_.lower() in words.claim_nouns() for t in pred if t.pos_ == "NOUN"):
        act = "denial"
    return ReportedAct(m.actor_id, act, verb.idx, verb.idx + len(verb), pred.start_char, pred.end_char)


_KEEP = frozenset(
    {"dobj", "prep", "prt", "xcomp", "ccomp", "attr", "dative", "acomp", "oprd", "advmod", "npadvmod"}
)


def predicate(verb: Token) -> Span | None:
    """The verb with its auxiliaries and complements, without coordinated or adverbial clauses."""
    left = [c for c in verb.lefts if c.dep_ in ("aux", "neg", "auxpass") and c.i >= verb.i - 3]
    right = [c for c in verb.rights if c.dep_ in _KEEP]
    if not any(c.dep_ in ("dobj", "prep", "xcomp", "ccomp", "attr", "dative") for c in right):
        return None  # "Zelenskyy agreed": an act with nothing said about what
    first = left[0].i if left else verb.i
    last = max((max(t.i for t in c.subtree) for c in right), default=verb.i)
    span = verb.doc[first : last + 1]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span
