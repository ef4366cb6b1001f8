"""Contradictions across articles: a claim in one article that another article's claim gainsays.

Two attributed claims from different articles, in different statements, are about the same thing when
their content words overlap, weighted by how rare each word is in the corpus's claims (so "plan" and
"approved" count for more than "people"). They contradict when, besides (word lists in data/corpus.yaml):
  - denial: one claim is a denial (its cue or its opening words deny, dispute, reject ...), most of its
    content is in the other claim, and the two share a good part of their content together;
  - negation: one says it with a negation the other lacks ("will pay" / "will not pay"), and the two
    share most of their content;
  - figures: both give numbers, the numbers differ, and all the rest is the same.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from briefing.corpus.lexicon import Lexicon
from briefing.corpus.statements import ATTRIBUTED, content_words

DENIAL_OVERLAP = 0.7  # weighted share of the denial's content found in the other claim
DENIAL_JACCARD = 0.3  # and of the two claims' content together (a long quote merely touching it is not it)
NEGATION_OVERLAP = 0.7  # weighted Jaccard of the two claims' content
FIGURES_OVERLAP = 0.7  # weighted Jaccard of the words other than numbers
MIN_SHARED = 2  # content words in common (three for a negation or other figures)
MAX_POSTING = 400  # words in more claims than this do not propose candidates (they still count)
_NUMBER = re.compile(r"^\d[\d,.]*$")


def find_contradictions(
    claims: list[dict], statement_of: dict[tuple[str, str], str], lex: Lexicon
) -> list[dict]:
    """Pairs of contradicting claims, one row each, with the reason and the shared words."""
    items = [
        _Item(c, lex)
        for c in claims
        if c["mode"] in ATTRIBUTED and (c["stem"], c["claim_id"]) in statement_of
    ]
    df = Counter(w for it in items for w in it.words)
    idf = {w: math.log((1 + len(items)) / (1 + n)) + 1 for w, n in df.items()}
    for it in items:
        it.weight = _weight(it.words, idf)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        for w in it.words:
            if df[w] <= MAX_POSTING:
                postings[w].append(i)
    out, seen = [], set()
    for i, a in enumerate(items):
        shared_counts = Counter(j for w in a.words for j in postings.get(w, ()) if j > i)
        for j, n in shared_counts.items():
            b = items[j]
            if n < MIN_SHARED or not _may_contradict(a, b) or a.stem == b.stem:
                continue
            sa, sb = statement_of[a.key], statement_of[b.key]
            if sa == sb or frozenset((sa, sb)) in seen:
                continue
            if found := _contradiction(a, b, idf):
                seen.add(frozenset((sa, sb)))
                out.append(_row(sa, sb, a.claim, b.claim, found, a.words & b.words))
    return out


class _Item:
    """A claim with what the tests need computed once: content words, denial, negation, numbers."""

    def __init__(self, claim: dict, lex: Lexicon) -> None:
        self.claim, self.stem = claim, claim["stem"]
        self.key = (claim["stem"], claim["claim_id"])
        neg = lex.negation.search(claim["text"])
        self.negation = neg.group() if neg else ""
        self.words = content_words(claim["text"], lex.ignore) - {self.negation.lower()}
        self.numbers = frozenset(w for w in self.words if _NUMBER.match(w))
        opening = " ".join(claim["text"].split()[:4])
        den = lex.denial.search(claim.get("cue", "")) or lex.denial.search(opening)
        self.denial = den.group() if den else ""
        self.weight = 0.0


def _may_contradict(a: _Item, b: _Item) -> bool:
    """Cheap test first: a denial on one side only, a negation on one side only, or figures on both."""
    return (
        bool(a.denial) != bool(b.denial)
        or bool(a.negation) != bool(b.negation)
        or bool(a.numbers and b.numbers)
    )


def _weight(words: frozenset[str], idf: dict[str, float]) -> float:
    return sum(idf.get(w, 1.0) for w in words)


def _contradiction(a: _Item, b: _Item, idf: dict[str, float]) -> tuple[str, str, int] | None:
    """(kind, the words that show it, which claim denies or negates: 0 for a, 1 for b) or None."""
    shared = a.words & b.words
    if len(shared) < MIN_SHARED:
        return None
    overlap = _weight(shared, idf)
    if bool(a.denial) != bool(b.denial):
        denier = a if a.denial else b
        union = a.weight + b.weight - overlap
        if overlap >= DENIAL_OVERLAP * denier.weight and overlap >= DENIAL_JACCARD * union:
            return "denial", denier.denial, 0 if denier is a else 1
    union = a.weight + b.weight - overlap
    if (
        bool(a.negation) != bool(b.negation)
        and overlap >= NEGATION_OVERLAP * union
        and len(shared) > MIN_SHARED
    ):
        return "negation", a.negation or b.negation, 0 if a.negation else 1
    if a.numbers and b.numbers and a.numbers != b.numbers:
        rest_a, rest_b = a.words - a.numbers, b.words - b.numbers
        rest = _weight(rest_a & rest_b, idf) / max(_weight(rest_a | rest_b, idf), 1e-9)
        if rest >= FIGURES_OVERLAP and len(rest_a & rest_b) > MIN_SHARED:
            return "figures", f"{', '.join(sorted(a.numbers))} against {', '.join(sorted(b.numbers))}", 0
    return None


def _row(sa: str, sb: str, a: dict, b: dict, found: tuple[str, str, int], shared: frozenset[str]) -> dict:
    kind, words, side = found
    return {
        "statement_id": sa,
        "other_id": sb,
        "stem": a["stem"],
        "claim_id": a["claim_id"],
        "other_stem": b["stem"],
        "other_claim_id": b["claim_id"],
        "kind": kind,
        "by": (sa, sb)[side],  # the statement that denies or negates (figures: either)
        "words": words,
        "shared_words": " ".join(sorted(shared)),
    }


def explain(row: dict, from_side: str) -> str:
    """The contradiction as the statement ``from_side`` sees it: "denied by CL7 (“denied”)"."""
    other = row["other_id"] if from_side == row["statement_id"] else row["statement_id"]
    if row["kind"] == "denial":
        verb = "denies" if row["by"] == from_side else "denied by"
        return f"{verb} {other} (“{row['words']}”)"
    if row["kind"] == "negation":
        return f"{other} says the opposite (“{row['words']}”)"
    return f"{other} gives other figures ({row['words']})"
