"""One capitalised word no full name explains: an actor only on evidence from its uses.

A mixin of ``Resolver``: the evidence is the words around each use, the parse (the word as the subject of
a speech verb, a he/she taking it up) and the statistical model's entities.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Token

from briefing.actors.cand import Cand
from briefing.actors.entity import Ent, name_key
from briefing.lexicon.words import (
    NEWS_AGENCIES,
    NON_PERSON_TAILS,
    ORG_TAILS,
    SAY_VERBS,
    is_common_word,
    is_speaker_noun,
)

_PERSON_AFTER = re.compile(
    r"(?:,\s+who\b|['’]s\s+(?:wife|husband|son|daughter|father|mother|brother|sister|widow|family|"
    r"campaign|lawyer|attorney|spokesman|spokeswoman|aides?)\b|\s+\([DRI]\)|\s+(?:himself|herself)\b)"
)

_PERSON_BEFORE = re.compile(
    r"\b(?:wife|husband|son|daughter|brother|sister|mother|father|widow|spokesman|spokeswoman|aide|adviser|"
    r"lawyer|attorney|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s*,?\s*$"
)

_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f", "it": "n", "its": "n"}

_ORG_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:spokesman|spokeswoman|spokesperson|officials?|executives?|shares|stock|chief|CEO|founder"
    r"|analysts?)\b"
)

_ORG_BEFORE = re.compile(r"\b(?:at|from|joined|via)\s+(?:the\s+)?$")

# people and organisations both speak, and are told things: an actor, of a kind the model decides
_SPOKE_AFTER = re.compile(r"(?:['’]s)?\s+(?:" + "|".join(sorted(SAY_VERBS)) + r")\b")

_TOLD_BEFORE = re.compile(r"\b(?:told|by|for)\s+(?:the\s+)?$")  # "told Reuters", "a spokesman for X"


def _generic_plural(word: str) -> bool:
    """ "Analysts", "Aides", "Officials": a plural everyday noun for people, not a name ("Reuters")."""
    low = word.lower()
    return low.endswith("s") and is_speaker_noun(low) and is_common_word(low[:-1])


class LoneWords:
    """Settling the words ``Resolver.add_single`` could not place."""

    def settle_lone_words(self) -> None:
        """A capitalised word nothing else explains is an actor only on evidence from its uses.

        "who", a kinship word after it or a title before it makes a person ("Trump, who ...", "President
        Obama"); an acronym, a news agency, an organisation word after it or "at/from/joined" before it
        makes an organisation ("a spokesman at Nordwind"). Weaker evidence ("told Reuters", "Obama said")
        makes an actor whose kind the statistical model decides (person or organisation), else an
        organisation; the model alone may make one ("the Republican-led Legislature"). A word with none of
        these ("Okay", "Talks", "Week") names no actor.
        """
        for k, cands in self.lone_words.items():
            if _generic_plural(cands[0].text):
                continue  # "Analysts told Reuters": unnamed sources, which the claims stage groups
            owners = [self._org_ending_in(k, c.start) for c in cands]  # "the Commission" = the European ...
            if all(owners):
                for c, owner in zip(cands, owners, strict=True):
                    if owner is not None:
                        owner.add(c.start, c.end, "alias")
                continue
            kind = self._lone_kind(k, cands)
            if not kind:
                continue
            e = self.by_alias.get(k) or self._new(cands[0].text, kind)
            for c in cands:
                e.add(c.start, c.end, "name")

    def _lone_kind(self, k: str, cands: list[Cand]) -> str:
        text = self.doc.text
        before = [text[max(0, c.start - 30) : c.start] for c in cands]
        titled = k not in ORG_TAILS and k not in NON_PERSON_TAILS  # not "Justice Department"
        if (titled and any(c.title for c in cands)) or any(
            _PERSON_AFTER.match(text, c.end) or _PERSON_BEFORE.search(b)
            for c, b in zip(cands, before, strict=True)
        ):
            return "person"
        if k in NEWS_AGENCIES or any(
            (c.text.isupper() and sum(ch.isalpha() for ch in c.text) >= 2)
            or _ORG_AFTER.match(text, c.end)
            or _ORG_BEFORE.search(b)
            for c, b in zip(cands, before, strict=True)
        ):
            return "organisation"
        model = self._pronoun_kind(cands) or self._model_kind(cands)
        if model:
            return model
        spoke = any(self._spoke(c) or _TOLD_BEFORE.search(b) for c, b in zip(cands, before, strict=True))
        return "organisation" if spoke else ""

    def _spoke(self, c: Cand) -> bool:
        """The word is the subject of a speech verb in the parse ("Nordwind said"; not "Arab states")."""
        if self.model is None:
            return bool(_SPOKE_AFTER.match(self.doc.text, c.end))
        span = self.model.parsed.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            return False
        tok = span.root
        published = tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_ in self.documents
        return self._speaks(tok) or published  # "Nordwind said"; "a post on X"

    def _model_kind(self, cands: list[Cand]) -> str:
        """The kind the statistical model gives a lone word, read where the word is used.

        The small model calls many one-word names PERSON ("Twitter account", "about Brexit", "in
        Ghatkopar", "Brexit came up"); its PERSON counts only where the word is the subject of a speech
        verb ("Obama said"). A name written with "'s" as a verb's subject is a business's ("Lowe's
        reports earnings"), never a person's.
        """
        if self.model is None:
            return ""
        parsed, votes = self.model.parsed, Counter()
        for c in cands:
            span = parsed.char_span(c.start, c.end, alignment_mode="expand")
            if span is None or (ent := self.model.at(c.start, c.end)) is None:
                continue  # no entity, or the word inside a longer one ("the Obama administration")
            tok = span.root
            nxt = parsed[tok.i + 1].text if tok.i + 1 < len(parsed) else ""
            if nxt in ("'s", "’s") and tok.dep_ in ("nsubj", "nsubjpass"):
                return "organisation"
            if ent.kind != "person" or (self._speaks(tok) and nxt not in ("'s", "’s")):
                votes[ent.kind] += 1
        top = votes.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]) or top[0][0] in ("none", "other"):
            return ""
        if top[0][0] == "group" and not cands[0].text.endswith("s"):
            return ""  # a people's adjective ("Arab states", "Soviet"), not the people ("Muslims")
        return top[0][0]  # person, organisation, place ("to Europe"), group ("Muslims")

    def _speaks(self, tok: Token) -> bool:
        return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in self.speech_lemmas

    def _pronoun_kind(self, cands: list[Cand]) -> str:
        """ "Okonkwo told the Guardian he was fine", "Kestrel said it would ...": the pronoun that takes up
        a lone word says whether it names a person (he, she) or an organisation (it, its): read from the
        parse, the subject of a clause under the verb whose subject the word is."""
        if self.model is None:
            return ""
        votes = {"person": 0, "organisation": 0}
        for c in cands:
            gender = self._taken_up_by(c)
            if gender:
                votes["person" if gender in "mf" else "organisation"] += 1
        p, o = votes["person"], votes["organisation"]
        return "person" if p > o else "organisation" if o > p else ""

    def _taken_up_by(self, c: Cand) -> str:
        """The gender of the pronoun subject of a clause under the verb the word is the subject of."""
        parsed = self.model.parsed if self.model else None
        span = parsed.char_span(c.start, c.end, alignment_mode="expand") if parsed else None
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
            return ""
        for clause in (t for t in span.root.head.children if t.dep_ in ("ccomp", "advcl", "conj")):
            subj = next((t for t in clause.children if t.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ in _PRONOUN_GENDER:
                return _PRONOUN_GENDER[subj.lower_]
        return ""

    def _org_ending_in(self, k: str, pos: int) -> Ent | None:
        """The organisation named "... Commission" when the text says just "Commission": the only one, or
        of several the one mentioned last before, in the same or the previous sentence."""
        if k not in ORG_TAILS:
            return None
        hits = [
            e
            for e in self.ents
            if e.kind == "organisation" and len(e.name.split()) > 1 and name_key(e.name).endswith(" " + k)
        ]
        if len(hits) == 1:
            return hits[0]
        sent = self.doc.sentence_at(pos)
        if sent is None:
            return None
        since = self.doc.sentences[max(0, sent.id - 1)].start
        recent = [
            (max(s for s, _, _ in e.mentions if s < pos), e)
            for e in hits
            if any(since <= s < pos for s, _, _ in e.mentions)
        ]
        return max(recent, key=lambda x: x[0])[1] if recent else None
