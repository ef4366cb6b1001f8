"""Speakers: the source noun phrase of a cue (a parse token) resolved to an actor.

The head word of the source decides, in this order:
1. a mention of an actor covering the head word ("Vos", "the Kremlin", "the company");
2. a role noun whose appositive is a name ("Egypt's spokesman, Tamer Halim, said"): the named person;
3. a pronoun: the speaker of the claim just before when it agrees and no other named speaker came
   between; else what the actors stage resolved it to; else the nearest fitting actor;
4. a description ("the lawyer", "the agency's chief"): the actor the text gave that role, when it is
   the only one; else the source stays unnamed and becomes a group actor of its own, so that what it
   said is counted apart and never lent to a named actor. A name inside a modifier of the head
   ("the lawyer for Mr. Doe", "Egypt's spokesman") never speaks for it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Token

from briefing.lexicon import Lexicon
from briefing.lexicon.words import ROLE_NOUNS, is_speaker_noun
from briefing.model import Actor, ActorIndex, Mention, Span

_NAME_PARTS = {"compound", "flat", "nmod", "amod", "nummod", "det", "poss", "case", "punct"}
_DETERMINERS = frozenset("the a an another many some several other others most few both all".split())


class MentionLookup:
    """Mentions sorted by start, for overlap queries in logarithmic time.

    The claims stage may add actors (unnamed sources) and mentions (descriptions, pronouns it resolved):
    they are kept here in ``added_actors`` / ``added_mentions`` and returned; the index it was built from
    is never changed.
    """

    def __init__(self, index: ActorIndex, text: str) -> None:
        self.text = text
        self.all_actors: list[Actor] = list(index.actors)
        self.mentions = sorted(index.mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)
        self.actors = {a.id: a for a in index.actors}
        self.added_actors: list[Actor] = []
        self.added_mentions: list[Mention] = []

    def add_actor(self, actor: Actor) -> None:
        self.all_actors.append(actor)
        self.actors[actor.id] = actor
        self.added_actors.append(actor)

    def add_mention(self, mention: Mention) -> None:
        """Record a mention found by the claims stage (it replaces an earlier one of the same span)."""
        key = (mention.start, mention.end)
        self.added_mentions = [m for m in self.added_mentions if (m.start, m.end) != key]
        self.added_mentions.append(mention)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return [
            m for m in self.mentions[lo:hi] if m.start < end and start < m.end and m.actor_id in self.actors
        ]

    def covering(self, start: int, end: int) -> Mention | None:
        """The longest mention overlapping [start, end)."""
        hits = self.overlapping(start, end)
        return max(hits, key=lambda m: (m.end - m.start, -m.start), default=None)

    def recent(self, before: int, kinds: frozenset[str], limit: int = 3000) -> Actor | None:
        """The actor of the nearest mention before ``before`` whose kind is in ``kinds``."""
        i = bisect.bisect_left(self.starts, before) - 1
        while i >= 0 and self.mentions[i].start >= before - limit:
            a = self.actors.get(self.mentions[i].actor_id)
            if a and a.kind in kinds and self.mentions[i].how != "pronoun":
                return a
            i -= 1
        return None

    def by_surname(self, word: str, at: int) -> Actor | None:
        """The person whose name ends with ``word``; of several ("Clinton"), the one mentioned last
        before ``at``."""
        key = word.lower().strip("’'s")
        found = {
            a.id: a for a in self.all_actors if a.kind == "person" and a.name.lower().split()[-1:] == [key]
        }
        if len(found) <= 1:
            return next(iter(found.values()), None)
        i = bisect.bisect_left(self.starts, at) - 1
        while i >= 0:
            if self.mentions[i].actor_id in found:
                return found[self.mentions[i].actor_id]
            i -= 1
        return None

    def with_role(self, noun: str, before: int) -> Actor | None:
        """The one actor whose stated role is headed by ``noun``: among those mentioned before
        ``before``, else (a lead that names the person later: "A federal judge ruled ...") in the
        whole article."""
        pattern = re.compile(rf"\b{re.escape(noun)}s?\b", re.IGNORECASE)
        having = [a for a in self.all_actors if a.role and pattern.search(a.role)]
        seen = {m.actor_id for m in self.mentions if m.start < before}
        earlier = [a for a in having if a.id in seen]
        found = earlier or having
        return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class Resolved:
    actor_id: str
    name: str
    how: str  # mention, appositive, pronoun, role, surname, unnamed


def head_span(tok: Token) -> Span:
    """The head word with its name parts ("Banco Sur analyst Ivo Brandt" -> all five words)."""
    parts = [tok, *(c for c in tok.children if c.dep_ in ("compound", "flat") and c.i < tok.i)]
    first = min(p.i for p in parts)
    return tok.doc[first].idx, tok.idx + len(tok)


def phrase_span(tok: Token) -> Span:
    """The source noun phrase without a relative clause, appositive or trailing punctuation."""
    keep = [tok]
    for child in tok.children:
        if child.i > tok.i and child.dep_ in ("relcl", "acl", "appos", "punct", "conj", "cc"):
            continue
        keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    while len(keep) > 1 and keep[-1].is_punct:
        keep.pop()
    return keep[0].idx, keep[-1].idx + len(keep[-1])


def conjuncts(tok: Token) -> list[Token]:
    """ "Vos and Kowalczyk": both heads; a single subject: itself."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(conjuncts(c))
    return out


class SpeakerResolver:
    """Resolves source tokens to actors, adding unnamed sources as group actors."""

    def __init__(self, lookup: MentionLookup, lex: Lexicon) -> None:
        self.ml = lookup
        self.lex = lex
        self.unnamed: dict[str, Actor] = {}
        self.singular: set[str] = set()  # unnamed sources named by a singular noun ("the lawyer")

    def can_speak(self, tok: Token) -> bool:
        """A source that can communicate: an actor's mention, a name, a pronoun, a noun for people or
        bodies ("officials", "the ministry"), or a document that speaks for its issuer. "The decision
        suggests", "his refusal to say" have no speaker."""
        if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
            return self.can_speak(tok.head.head)
        if tok.pos_ in ("PROPN", "PRON") or self.ml.covering(tok.idx, tok.idx + len(tok)) is not None:
            return True
        word = tok.lemma_.lower()
        if any(c.dep_ == "appos" for c in tok.children) or word in self.lex.document_nouns:
            return True
        if word in self.lex.quantity_nouns:
            return True  # "46 percent said", "half of respondents say"
        return is_speaker_noun(tok.text) or tok.tag_ == "CD" or self.body_of(tok) is not None

    def body_of(self, tok: Token) -> Resolved | None:
        """ "the city of St. Louis", "the Missouri lodge of the Fraternal Order of Police", "a spokesman
        for the ministry": a common noun tied by "of/for/at" to a body (organisation, state, place) speaks
        for it. A person there ("the lawyer for Mr. Doe") does not: the lawyer is not Doe."""
        if tok.pos_ != "NOUN":
            return None
        for child in tok.children:
            if child.dep_ != "prep" or child.lower_ not in ("of", "for", "at") or child.i > tok.i + 2:
                continue
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            m = self.ml.covering(obj.idx, obj.idx + len(obj)) if obj is not None else None
            actor = self.ml.actors.get(m.actor_id) if m else None
            if actor is not None and actor.kind in ("organisation", "state", "place"):
                return Resolved(actor.id, actor.name, "body")
        return None

    def named(self, tok: Token) -> Resolved | None:
        """A mention covering the head word, or an appositive name of a role noun."""
        if tok.pos_ == "NOUN" and (named := self._appositive_name(tok)) is not None:
            return named  # "Its chief executive, Jordan Ames, said": the name, not the description
        a, b = head_span(tok)
        m = self.ml.covering(tok.idx, tok.idx + len(tok)) or self._name_in_head(a, b, tok)
        if m is not None:
            actor = self.ml.actors[m.actor_id]
            return Resolved(actor.id, actor.name, "mention")
        if (named := self._appositive_name(tok)) is not None:
            return named
        if tok.pos_ == "PROPN" and (actor := self.ml.by_surname(tok.text, tok.idx)):
            return Resolved(actor.id, actor.name, "surname")
        return self.body_of(tok)

    def _appositive_name(self, tok: Token) -> Resolved | None:
        """ "Egypt's spokesman, Tamer Halim," / "A spokeswoman for Pruitt, Tara Beckwith,": a role noun
        whose phrase ends in an appositive person's name (the parser may hang it on the nearer noun)."""
        if tok.pos_ == "PROPN":
            return None
        for t in tok.subtree:
            if t.dep_ != "appos" or t.i < tok.i:
                continue
            m = self.ml.covering(t.idx, t.idx + len(t))
            actor = self.ml.actors.get(m.actor_id) if m else None
            if actor is not None and actor.kind == "person":
                return Resolved(actor.id, actor.name, "appositive")
        return None

    def _name_in_head(self, a: int, b: int, tok: Token) -> Mention | None:
        """A person's name compounded onto a role noun ("analyst Ivo Brandt"), never a modifier before
        the head when the head is a common noun ("Banco Sur analyst" is not Banco Sur)."""
        if tok.pos_ != "PROPN":
            return None
        hits = [m for m in self.ml.overlapping(a, b) if m.end >= tok.idx]
        return max(hits, key=lambda m: m.end - m.start, default=None)

    def issuer(self, tok: Token) -> Token | None:
        """Who issued a document that speaks ("a statement from the ministry", "the company's report",
        "the commission issued a statement warning ..."): that actor's word, else None."""
        if tok.lemma_.lower() not in self.lex.document_nouns:
            return None
        for child in tok.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        for child in tok.children:  # "results published by the commission"
            agent = (
                next((g for g in child.children if g.dep_ == "agent"), None) if child.dep_ == "acl" else None
            )
            if agent is not None:
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
        if tok.dep_ == "dobj":
            return next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        return None

    def role(self, tok: Token) -> Resolved | None:
        """ "the lawyer", "the agency's chief": the one actor the text gave that role (a person's role:
        "the campaign", "the company" are bodies, resolved by the actors stage or left unnamed)."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ROLE_NOUNS:
            return None
        if not any(c.lower_ == "the" or c.dep_ == "poss" for c in tok.children):
            return None
        actor = self.ml.with_role(tok.lemma_.lower(), tok.idx)
        return Resolved(actor.id, actor.name, "role") if actor else None

    def unnamed_source(self, tok: Token) -> Resolved | None:
        """ "Aides said", "many analysts say", "the lawyer for Mr. Doe told": a source the article does
        not name becomes an actor of kind ``group``, one per wording."""
        if tok.pos_ == "PRON" or (
            tok.pos_ == "PROPN" and tok.tag_ != "NNPS" and not is_speaker_noun(tok.text)
        ):
            return None  # names are the actors stage's business ("Republicans" is a group); pronouns
            # are resolved, not named
        a, b = phrase_span(tok)
        words = self.ml.text[a:b].split()
        rest = words[1:] if words and words[0].lower() in _DETERMINERS else words
        speaks = (
            is_speaker_noun(tok.text)
            or tok.tag_ in ("CD", "NNPS")
            or tok.lemma_.lower() in self.lex.quantity_nouns
        )
        if not rest or len(words) > 8 or not speaks:
            return None
        surface = " ".join(words)
        key = " ".join(w.lower() for w in rest)
        actor = self.unnamed.get(key)
        if actor is None:
            actor = Actor(
                f"A{len(self.ml.all_actors) + 1}",
                surface[0].upper() + surface[1:],
                "group",
                notes="unnamed source, as the article describes it",
            )
            self.ml.add_actor(actor)
            self.unnamed[key] = actor
            if tok.tag_ == "NN":
                self.singular.add(actor.id)
        self.ml.add_mention(Mention(actor.id, self.ml.text[a:b], a, b, how="description"))
        return Resolved(actor.id, actor.name, "unnamed")

    def pronoun_fits(self, actor: Actor, word: str) -> bool:
        """Agreement: "he" for a man or an unnamed singular source, "it" for a body, "they" for a group."""
        p = self.lex.pronoun(word)
        if p is None:
            return False
        if actor.kind == "group":
            return p.number == "plural" or (actor.id in self.singular and p.gender in ("m", "f"))
        if actor.kind not in p.kinds:
            return False
        return not (actor.kind == "person" and actor.gender and p.gender in "mf" and actor.gender != p.gender)

    def actors_stage_pronoun(self, tok: Token) -> Resolved | None:
        m = self.ml.covering(tok.idx, tok.idx + len(tok))
        if m is None or m.how != "pronoun":
            return None
        actor = self.ml.actors[m.actor_id]
        return Resolved(actor.id, actor.name, "pronoun")

    def nearest(self, tok: Token) -> Resolved | None:
        p = self.lex.pronoun(tok.text)
        if p is None:
            return None
        actor = self.ml.recent(tok.idx, p.kinds)
        return Resolved(actor.id, actor.name, "pronoun") if actor else None

    def link_pronoun(self, tok: Token, actor_id: str) -> None:
        """Let mentions.csv say whom the pronoun stands for, as the claim does."""
        self.ml.add_mention(Mention(actor_id, tok.text, tok.idx, tok.idx + len(tok), how="pronoun"))

    def link_source(self, tok: Token, found: Resolved) -> None:
        """Let mentions.csv say whom a source that is no name stands for ("which", "the Sanders aide",
        "Sanders's campaign manager"), as the claim does; a name the index holds is left as it is."""
        if self.ml.covering(tok.idx, tok.idx + len(tok)) is not None:
            return
        how = "pronoun" if tok.pos_ == "PRON" or tok.tag_ in ("WP", "WDT") else "description"
        a, b = phrase_span(tok) if how == "description" else (tok.idx, tok.idx + len(tok))
        self.ml.add_mention(Mention(found.actor_id, self.ml.text[a:b], a, b, how=how))
