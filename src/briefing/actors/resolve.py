"""Candidates merged into entities, one per real-world actor.

A full name with its surname and misspelt variants (rapidfuzz, ``entity.TYPO_RATIO``); organisations with
their acronyms, tickers and short forms; parties with their members' words; states with capitals and
demonyms. Headlines and boilerplate only refer to actors found in the body; they never create one. One
capitalised word nothing explains is settled by ``lone.LoneWords``; ``tidy.Tidy`` makes the last passes.
"""

from __future__ import annotations

import re

from briefing.actors.cand import Cand
from briefing.actors.entity import Ent, name_key, near, nearest_before, strip_the
from briefing.actors.lone import LoneWords
from briefing.actors.ner import Entities
from briefing.actors.tidy import Tidy
from briefing.lexicon import Lexicon
from briefing.lexicon.words import (
    LEGAL_SUFFIXES,
    PARTY_WORDS,
    fold,
    is_common_word,
    party_names,
    place_table,
)
from briefing.model import Document


class Resolver(LoneWords, Tidy):
    """Merges candidates into entities."""

    def __init__(self, doc: Document, model: Entities | None = None, lex: Lexicon | None = None) -> None:
        self.doc = doc
        self.model = model  # the statistical model's entities and the parse: votes on lone words
        # first words of the speech verbs' lemmas ("say", "tell"), and what speaks for its issuer ("post")
        self.speech_lemmas = lex.verb_heads if lex else frozenset()
        self.documents = lex.document_nouns if lex else frozenset()
        self.lex = lex
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
        key = name_key(surface)
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
        e = self.by_alias.get(name_key(name))
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

    def add_party(self, c: Cand) -> bool:
        """ "Republicans", "the GOP", "a Texas Democrat", "the Tories": a mention of the party."""
        party = party_names().get(name_key(c.text))
        if party is None:
            return False
        e = self.by_alias.get(name_key(party))
        if e is None or e.kind != "organisation":
            e = self._new(party, "organisation")
            e.side = party
        e.add(c.start, c.end, "name" if name_key(c.text) == name_key(e.name) else "alias")
        return True

    def add_org(self, c: Cand) -> None:
        if self.add_party(c):
            return
        surface = strip_the(c.text)
        people = self.persons_by_surname.get(name_key(surface)) if " " not in surface.strip() else None
        if people and not surface.isupper():  # "Doe reported ...": a surname keeps its full name's kind
            nearest_before(people, c.start).add(c.start, c.end, "name")
            return
        e = self.by_alias.get(name_key(surface)) or self._short_form(surface)
        if e is None:
            e = self._new(surface, "organisation")
        e.add(c.start, c.end, "name" if name_key(surface) == name_key(e.name) else "alias")
        self._alias(e, surface)

    def _short_form(self, surface: str) -> Ent | None:
        """ "Moneycontrol.com" = "Moneycontrol"; "the Conservatives" = "Conservative Party"."""
        k = name_key(surface)
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
            and _abbreviates(words, name_key(e.name))
        ]
        # "Westmoor" when both "Westmoor Rovers" and "Westmoor Rovers Supporters' Trust" exist: the club,
        # whose name begins the other's
        for e in sorted(hits, key=lambda e: len(e.name)):
            if all(name_key(o.name).startswith(name_key(e.name) + " ") for o in hits if o is not e):
                return e
        return None

    # ------------------------------------------------------------------ people

    def add_person(self, c: Cand) -> Ent:
        words = c.text.split()
        e = self.by_alias.get(name_key(c.text))
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
        return next((e for e in self.persons_by_first.get(first, ()) if near(sur, e.surname)), None)

    def add_single(self, c: Cand) -> None:
        """One capitalised word: a surname, an organisation's short name, or an unknown organisation."""
        k = name_key(c.text)
        people = self.persons_by_surname.get(k)
        if not people and self.add_party(c):
            return
        if people:
            target = nearest_before(people, c.start)
            target.add(c.start, c.end, "name")
            return
        e = self.by_alias.get(k) or self._short_form(c.text)
        if e is not None:
            e.add(c.start, c.end, "name" if k == name_key(e.name) else "alias")
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

    def _fuzzy_surname(self, k: str) -> Ent | None:
        close = [s for s in self.surnames_by_prefix.get(k[:2], ()) if near(k, s)]
        hits = {id(e): e for s in close for e in self.persons_by_surname[s] if e.surname == s}
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
                if c.known_only and name_key(c.canon or c.text) not in self.by_alias and c.kind != "state":
                    continue
                self.add_place(c)
            elif c.kind == "organisation" and c.text.isupper() and self._bracketed(c):
                deferred.append(c)
            elif c.kind == "organisation" and (
                not c.known_only or name_key(strip_the(c.text)) in self.by_alias
            ):
                self.add_org(c)
        for c in cands:
            if c.kind == "person" and len(c.text.split()) == 1:
                c.kind = "single"
            if c.kind == "person" and c.known_only:
                e = self.by_alias.get(name_key(c.text))
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
    orgs = {name_key(c.text) for c in cands if c.kind == "organisation" and not c.known_only}
    for c in cands:
        words = c.text.split()
        if c.kind == "person" and not c.title and name_key(c.text) in orgs:
            c.kind = "organisation"
        if c.kind != "person" or len(words) < 3:
            continue
        for k in range(1, len(words) - 1):
            tail = " ".join(words[k:])
            if name_key(tail) in orgs:
                c.start = c.end - len(tail)
                c.text, c.kind, c.title = tail, "organisation", None
                break
