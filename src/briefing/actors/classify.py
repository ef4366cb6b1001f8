"""One capitalised stretch classified: person, organisation, place, one unknown word, or nothing.

The rules read its shape and the words around it; a kind they give by shape alone is marked weak for the
statistical model's vote (``vote``). A mixin of ``Detector``.
"""

from __future__ import annotations

import re

from briefing.actors.cand import Cand
from briefing.actors.layout import LOCAL_BODY
from briefing.actors.shapes import DOMAIN, ORG_FOLLOWERS, PARTY_STATE, is_cap, name_like
from briefing.lexicon.words import (
    GEO_HEADS,
    GEO_TAILS,
    HONORIFICS,
    NAME_JOINERS,
    NON_PERSON_HEADS,
    NON_PERSON_TAILS,
    ORG_NOUNS,
    ROLE_NOUNS,
    SAY_VERBS,
    TITLE_CORE,
    TITLE_MODIFIERS,
    fold,
    is_common_word,
    is_given_name,
    place_table,
)

_GEO_NEXT = re.compile(r"\s+(?:river|dam|valley|basin|delta|reservoir|canal)\b")

_PERSON_NEXT = re.compile(r",\s+who\b|\s+\([DRI]\b|['’]s\s+(?:wife|husband|son|daughter|father|mother)\b")

_VERBISH = frozenset(
    "said says say told wrote added has had have is was are were will would could may might can "
    "also did does has reported warned insists agreed".split()
)

_PRODUCT_NOUNS = frozenset("newsletter newsletters podcast podcasts app apps blog series".split())

_PRODUCT_AFTER = re.compile(
    r",\s+(?:our|a|the|its|their)\s+(?:[\w-]+\s+){0,3}(?:newsletter|podcast|app|blog|series)\b"
)


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


class Classify:
    """Kinds of capitalised stretches of ``self.sdoc``."""

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
            all(name_like(toks[k]) for k in parts)
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
        if DOMAIN.match(text):
            return self._cand(a, b, "organisation")
        if text.isupper() and len(text) >= 2 and b - a == 1:
            return self._cand(
                a, b, "organisation", weak=True
            )  # an acronym: the model or the context confirms
        shouted = text.isupper() and (len(text) > 6 or text.lower() in self.lower)
        if b - a == 1 and (shouted or text.endswith("ism")):
            return None  # "ABSTRACT", "Communism"
        if nxt == "(" and PARTY_STATE.match(self.doc.text, toks[b].idx):
            return self._cand(a, b, "person" if b - a > 1 else "single")  # "Jim Clyburn (D-S.C.)"
        if prev == "(" and PARTY_STATE.match(self.doc.text, toks[a - 1].idx):
            return None
        ticker = nxt == "(" and nxt2 is not None and nxt2.text.isupper() and nxt2.text not in ("D", "R", "I")
        if prev in ORG_NOUNS or nxt in ORG_FOLLOWERS or ticker:
            return self._cand(a, b, "organisation")
        if nxt in ROLE_NOUNS and nxt2 is not None and is_cap(nxt2) and not self._model_place(text):
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
