"""Last passes over the resolved entities: acronyms, tickers, headline words, spelling, venues.

A mixin of ``Resolver``.
"""

from __future__ import annotations

import re

from briefing.actors.cand import Cand
from briefing.actors.entity import name_key
from briefing.lexicon.words import fold


class Tidy:
    """Merges and clean-ups once every candidate is placed."""

    def _drop_venues(self) -> None:
        """A capital named only as a venue or a dateline, of a state that is an actor anyway, is context."""
        states = {e.name for e in self.ents if e.kind == "state" and e.mentions}
        for e in self.ents:
            if e.venue and e.kind == "place" and e.state in states:
                e.mentions.clear()

    def _known_inside(self, c: Cand) -> None:
        """Headline words ("Home Depot Stock Is Falling"): mentions of actors known from the body."""
        if c.start in self._starts:
            return
        words = list(re.finditer(r"[^\s]+", c.text))
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                a, b = c.start + words[i].start(), c.start + words[j - 1].end()
                k = name_key(self.doc.text[a:b])
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
            owner = long.get(e.name) or named_by.get(name_key(e.name))
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
