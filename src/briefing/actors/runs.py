"""Maximal runs of capitalised tokens, with the joiners that hold names together ("of", "&", hyphens,
"and" inside an organisation's name). A mixin of ``Detector``."""

from __future__ import annotations

from briefing.actors.shapes import POSSESSIVE, is_cap, name_like
from briefing.lexicon.words import NAME_JOINERS, ORG_HEADS, ORG_TAILS, fold, is_common_word


class Runs:
    """Capitalised runs of ``self.sdoc``."""

    def runs(self) -> list[tuple[int, int]]:
        """Maximal runs of capitalised tokens (with joiners like "of", hyphens and initials)."""
        toks, out, i = self.sdoc, [], 0
        n = len(toks)
        while i < n:
            if not is_cap(toks[i]):
                i += 1
                continue
            j = i + 1
            while j < n:
                t = toks[j]
                if is_cap(t) and (toks[j - 1].text not in POSSESSIVE or self._plural_possessive_org(j)):
                    j += 1
                elif j + 1 < n and is_cap(toks[j + 1]) and (self._joins(j) or self._org_and(i, j)):
                    j += 2
                elif self._name_hyphen(i, j):
                    j += 2  # "Park Ji-hoon"
                elif t.text in POSSESSIVE and j + 1 < n and self._plural_possessive_org(j + 1):
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
        while k < len(toks) and is_cap(toks[k]) and k - j <= 4:
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
            and name_like(toks[j - 1])
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
