"""The ten corrections. Each takes effect, or finds its effect already there, or raises NotApplied.

Applying one twice changes nothing more: a merged actor is found again by the name the text gave it
and is already its target; a dropped claim's text holds no claim; a renamed actor answers to its new
name. Every row a correction changes or confirms is marked ``reviewed``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from briefing.model import Actor, Claim
from briefing.reviews.schema import SET_FIELDS, Correction, show
from briefing.reviews.state import NotApplied, State, key


def merge(st: State, c: Correction) -> None:
    into = st.actor(c.get("into"))
    if into is None:
        raise NotApplied(f"there is no actor {show(c.get('into'))} to merge into")
    src = st.actor(str(c.target))
    if src is None:
        if st.locator.contains(str(c.target)):
            return  # the text names it, but no actor is left to merge: already one
        raise st.absent(str(c.target))
    if src.id == into.id:
        st.put_actor(replace(into, reviewed=True))
        return
    st.put_actor(_absorb(into, src))
    st.actors = [a for a in st.actors if a.id != src.id]
    st.mentions = [
        replace(m, actor_id=into.id, reviewed=True) if m.actor_id == src.id else m for m in st.mentions
    ]
    st.claims = _dedupe(
        [
            replace(cl, speaker_id=into.id, speaker=into.name, reviewed=True)
            if cl.speaker_id == src.id
            else cl
            for cl in st.claims
        ]
    )
    st.events = [
        replace(
            e,
            actor_ids=tuple(dict.fromkeys(into.id if i == src.id else i for i in e.actor_ids)),
            reviewed=True,
        )
        if src.id in e.actor_ids
        else e
        for e in st.events
    ]


def _absorb(into: Actor, src: Actor) -> Actor:
    """``into`` keeps its own fields and fills the blank ones from ``src``."""
    role_from = into if into.role or not src.role else src
    return replace(
        into,
        role=role_from.role,
        role_start=role_from.role_start,
        role_end=role_from.role_end,
        affiliation=into.affiliation or src.affiliation,
        side=into.side if into.side not in ("", "unknown") else src.side,
        group=into.group or src.group,
        expert=into.expert or src.expert,
        reviewed=True,
    )


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per span, mode and speaker (a merge can make two joint speakers one)."""
    seen: set[tuple[int, int, str, str]] = set()
    out = []
    for cl in claims:
        key = (cl.start, cl.end, cl.mode, cl.speaker_id)
        if key not in seen:
            seen.add(key)
            out.append(cl)
    return out


def rename(st: State, c: Correction) -> None:
    new = " ".join(str(c.get("to")).split())
    a = st.actor(str(c.target))
    if a is None:
        if st.actor(new) is not None:
            return  # renamed already
        raise st.absent(str(c.target))
    st.put_actor(replace(a, name=new, reviewed=True))
    st.claims = [replace(cl, speaker=new, reviewed=True) if cl.speaker_id == a.id else cl for cl in st.claims]


def set_actor(st: State, c: Correction) -> None:
    a = st.actor(str(c.target))
    if a is None:
        raise st.absent(str(c.target))
    updates = {k: v for k in SET_FIELDS if (v := c.get(k)) is not None}
    if updates.get("side") == "":
        updates["side"] = "unknown"
    if "role" in updates and updates["role"] != a.role:
        updates.update(role_start=-1, role_end=-1)  # the text no longer states this role
    st.put_actor(replace(a, **updates, reviewed=True))


def drop_actor(st: State, c: Correction) -> None:
    a = st.actor(str(c.target))
    if a is None:
        if st.locator.contains(str(c.target)):
            return  # no actor by that name: dropped already
        raise st.absent(str(c.target))
    st.actors = [x for x in st.actors if x.id != a.id]
    st.mentions = [m for m in st.mentions if m.actor_id != a.id]
    st.claims = [_unspoken(cl) if cl.speaker_id == a.id else cl for cl in st.claims]
    st.events = [
        replace(e, actor_ids=tuple(i for i in e.actor_ids if i != a.id), reviewed=True)
        if a.id in e.actor_ids
        else e
        for e in st.events
    ]
    st.changed = True


def reassign(st: State, c: Correction) -> None:
    found, _ = st.claims_at(c)
    if not found:
        raise NotApplied("no claim covers this text any more")
    name = str(c.get("speaker"))
    who = st.speaker(name, c.get("kind")) if name.strip() else None
    for i in found:
        cl = st.claims[i]
        if who is None:
            st.claims[i] = _unspoken(cl)
        else:
            mode = cl.mode if cl.mode in ("direct", "indirect") else _mode_at(st, cl.start, cl.end)
            st.claims[i] = replace(cl, speaker_id=who.id, speaker=who.name, mode=mode, reviewed=True)
    st.claims = _dedupe(st.claims)
    st.changed = True


def _unspoken(cl: Claim) -> Claim:
    """A claim left without a speaker: a quote stays a quote, anything else is unattributed."""
    mode = "direct" if cl.mode == "direct" else "unattributed"
    return replace(cl, speaker_id="", speaker="", mode=mode, reviewed=True)


def drop_claim(st: State, c: Correction) -> None:
    found, _ = st.claims_at(c)  # the text must still be there; a text without a claim is dropped already
    st.claims = [cl for i, cl in enumerate(st.claims) if i not in set(found)]
    st.changed = st.changed or bool(found)


def add_claim(st: State, c: Correction) -> None:
    from briefing.claims.cues import claim_type, hedges_in, lemma_of  # the claims stage's own rules
    from briefing.lexicon import load

    start, end = _trimmed(st.doc.text, *st.span(c))
    name = str(c.get("speaker") or "")
    who = st.speaker(name, c.get("kind")) if name.strip() else None
    speaker_id = who.id if who else ""
    for i, cl in enumerate(st.claims):
        overlap = min(end, cl.end) - max(start, cl.start)
        if _same_speaker(cl, who) and cl.mode != "editorial" and overlap * 2 >= end - start:
            # the extraction finds it (now), or it was added before: confirm it, with the speaker's id
            st.claims[i] = replace(cl, speaker_id=speaker_id, speaker=who.name if who else "", reviewed=True)
            st.changed = True
            return
    text = st.doc.text[start:end]
    cue = str(c.get("cue") or "")
    cue_span = _cue_span(st, cue, start, end)
    sentence = st.doc.sentence_at(start)
    st.add_claim(
        Claim(
            id="",
            speaker_id=speaker_id,
            speaker=who.name if who else "",
            cue=cue,
            mode=c.get("mode") or (_mode_at(st, start, end) if who else "unattributed"),
            text=text,
            start=start,
            end=end,
            sentence_id=sentence.id if sentence else -1,
            cue_start=cue_span[0],
            cue_end=cue_span[1],
            claim_type=c.get("type") or claim_type(st.lex or load(), lemma_of(cue) if cue else "", text),
            hedges=hedges_in(text),
        )
    )


def _same_speaker(cl: Claim, who: Actor | None) -> bool:
    """The claim is ``who``'s: by id, or by name when the extraction named a speaker it had no actor for."""
    if who is None:
        return not cl.speaker_id and not cl.speaker
    return cl.speaker_id == who.id or (not cl.speaker_id and key(cl.speaker) == key(who.name))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _mode_at(st: State, start: int, end: int) -> str:
    """direct when the words lie inside quotation marks, else indirect."""
    inside = any(q.start <= start and end <= q.end + 1 for q in st.doc.quotes)
    return "direct" if inside else "indirect"


def _cue_span(st: State, cue: str, start: int, end: int) -> tuple[int, int]:
    """Where the cue is said: the occurrence nearest the claim within its paragraph, else (-1, -1)."""
    if not cue.strip():
        return -1, -1
    para = next((p for p in st.doc.paragraphs if p.start <= start < p.end), None)
    lo, hi = (para.start, para.end) if para else (0, len(st.doc.text))
    spans = [s for s in st.locator.find(cue, whole_words=True) if lo <= s[0] and s[1] <= hi]
    spans = [s for s in spans if s[1] <= start or s[0] >= end] or spans
    if not spans:
        return -1, -1
    return min(spans, key=lambda s: min(abs(s[0] - end), abs(s[1] - start)))


def editorial(st: State, c: Correction) -> None:
    sent = st.sentence(c)
    st.put_sentence(replace(sent, reviewed=True))
    mine = [i for i, cl in enumerate(st.claims) if cl.sentence_id == sent.id and cl.mode == "editorial"]
    if mine:
        for i in mine:
            st.claims[i] = replace(st.claims[i], reviewed=True)
        return
    loose = [i for i, cl in enumerate(st.claims) if cl.sentence_id == sent.id and cl.mode == "unattributed"]
    for i in loose:
        st.claims[i] = replace(st.claims[i], mode="editorial", speaker_id="", speaker="", reviewed=True)
    if not loose:
        text = st.doc.text[sent.start : sent.end]
        st.add_claim(
            Claim("", "", "", "", "editorial", text, sent.start, sent.end, sent.id, claim_type="assessment")
        )
    st.changed = True


def not_editorial(st: State, c: Correction) -> None:
    sent = st.sentence(c)
    st.put_sentence(replace(sent, reviewed=True))
    kept = [cl for cl in st.claims if not (cl.sentence_id == sent.id and cl.mode == "editorial")]
    st.changed = st.changed or len(kept) != len(st.claims)
    st.claims = kept


def published(st: State, c: Correction) -> None:
    day = c.target
    doc = st.doc
    if doc.published == day:
        return
    if doc.published_from == "argument":
        raise NotApplied(f"the date given on the command line ({doc.published}) comes first")
    st.doc = replace(doc, published=day, published_from="review", published_evidence=None)


ACTIONS: dict[str, Callable[[State, Correction], None]] = {
    "merge": merge,
    "rename": rename,
    "set": set_actor,
    "drop_actor": drop_actor,
    "reassign": reassign,
    "drop_claim": drop_claim,
    "add_claim": add_claim,
    "editorial": editorial,
    "not_editorial": not_editorial,
    "published": published,
}
