"""The analysis stage's word lists (``briefing/lexicon/*.yaml``), compiled once, and verb inflection."""

from __future__ import annotations

import re
from functools import cache

from briefing.lexicon import lists

# ------------------------------------------------------------------ acts


@cache
def cue_verbs() -> dict[str, str]:
    """cue lemma (a phrasal verb with its particle: "call for") -> act."""
    return {phrase: act for act, phrases in lists.table("acts", "cue_verbs").items() for phrase in phrases}


@cache
def cue_stems() -> re.Pattern[str]:
    """Any form of a cue verb ("rejected", "denies", "vowing"): the sentences worth parsing."""
    stems = set()
    for phrase in cue_verbs():
        head = phrase.split()[0]
        stems.add(head[:-1] if head.endswith(("e", "y")) and len(head) > 3 else head)
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, stems))) + r")\w*", re.IGNORECASE)


@cache
def content_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(act, pattern) in the order they are tried on what was said."""
    return [
        (act, re.compile(p, re.IGNORECASE))
        for act, patterns in lists.table("acts", "content").items()
        for p in patterns
    ]


@cache
def act_nouns() -> dict[str, tuple[str, ...]]:
    return lists.table("acts", "act_nouns")


def claim_nouns() -> frozenset[str]:
    return frozenset(lists.words("acts", "claim_nouns"))


@cache
def opposed() -> tuple[tuple[str, str], ...]:
    return tuple((str(a), str(b)) for a, b in lists.load("acts").get("opposed") or ())


@cache
def act_rank() -> dict[str, int]:
    return {act: i for i, act in enumerate(lists.words("acts", "rank"))}


@cache
def frames() -> dict[str, tuple[str, ...]]:
    return lists.table("acts", "frames")


STRONG_ACTS = ("demand", "proposal", "refusal", "denial", "accusation", "promise", "warning")

# ------------------------------------------------------------------ matters


@cache
def generic_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in lists.words("matters", "generic"))


@cache
def same_matter() -> dict[str, str]:
    """word -> the key of its group of words naming the same matter."""
    out: dict[str, str] = {}
    for group in lists.load("matters").get("same") or ():
        words = [str(w).lower() for w in group]
        for w in words:
            out[w] = words[0]
    return out


# ------------------------------------------------------------------ sourcing


@cache
def sourcing_patterns(kind: str, outlet: str = "") -> tuple[re.Pattern[str], ...]:
    """The patterns of one sourcing class; ``{outlet}`` stands for the outlet words and media names."""
    pats = []
    for p in lists.words("sourcing", kind):
        if "{outlet}" in p:
            if not outlet:
                continue
            p = p.replace("{outlet}", outlet)
        pats.append(re.compile(p, re.IGNORECASE | re.MULTILINE))
    return tuple(pats)


@cache
def flag_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for flag, patterns in lists.table("sourcing", "flags").items():
        for p in patterns:
            # party names must keep their capital ("a Conservative MP", not "conservative estimates")
            flags = 0 if re.search(r"\(\?:[A-Z]", p) else re.IGNORECASE
            out.append((flag, re.compile(p, flags)))
    return tuple(out)


# ------------------------------------------------------------------ inflection

_IRREGULAR_PAST = {
    "say": "said",
    "tell": "told",
    "write": "wrote",
    "make": "made",
    "think": "thought",
    "see": "saw",
    "give": "gave",
    "take": "took",
    "hold": "held",
    "put": "put",
    "set": "set",
    "swear": "swore",
    "show": "showed",
    "lead": "led",
    "send": "sent",
    "speak": "spoke",
    "know": "knew",
    "find": "found",
    "be": "was",
    "have": "had",
    "do": "did",
    "go": "went",
    "come": "came",
    "get": "got",
    "keep": "kept",
    "mean": "meant",
    "stand": "stood",
}


def past(lemma: str) -> str:
    """The simple past of a verb lemma ("refuse" -> "refused", "deny" -> "denied")."""
    head, _, rest = lemma.partition(" ")
    if head in _IRREGULAR_PAST:
        form = _IRREGULAR_PAST[head]
    elif head.endswith("e"):
        form = head + "d"
    elif re.search(r"[^aeiou]y$", head):
        form = head[:-1] + "ied"
    elif re.search(r"(?:^|[^aeiou])[aeiou][bdgmnprt]$", head) and len(head) <= 4:
        form = head + head[-1] + "ed"  # "ban" -> "banned"; longer verbs are mostly stressed early
    else:
        form = head + "ed"
    return f"{form} {rest}".strip()


def present(lemma: str) -> str:
    """The third person singular present ("deny" -> "denies", "push for" -> "pushes for")."""
    head, _, rest = lemma.partition(" ")
    if head == "be":
        form = "is"
    elif head == "have":
        form = "has"
    elif re.search(r"[^aeiou]y$", head):
        form = head[:-1] + "ies"
    elif re.search(r"(?:s|sh|ch|x|z|o)$", head):
        form = head + "es"
    else:
        form = head + "s"
    return f"{form} {rest}".strip()


def inflect(lemma: str, tense: str) -> str:
    """past, present (third person singular) or plural present ("Economists say")."""
    if tense == "plural":
        return lemma
    return present(lemma) if tense == "present" else past(lemma)
