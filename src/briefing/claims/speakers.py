"""Speakers of the claims stage: find the subject of a cue in the text, then resolve it to an actor.

The subject is found without a parser: from the cue, words are read leftwards (or rightwards for
inverted "..., said X") over auxiliaries and adverbs, then a noun phrase is collected up to a clause
boundary. Appositives ("Will Moy, chief executive of Full Fact, told") are stepped over. The subject
span is resolved through the actor index (names, titles, metonyms, pronouns the actors stage
resolved); otherwise pronouns fall back to the previous compatible speaker or mention, names to an
actor sharing the surname.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from briefing.lexicon.words import is_speaker_noun
from briefing.model import Actor, ActorIndex, Mention, Span

WINDOW = 300  # characters read around a cue: bounded, so long texts stay linear

_TOKEN = re.compile(r"[\w’'&.-]*\w[\w’'&-]*|[^\w\s]")
PRONOUNS = {"he": "person", "she": "person", "it": "thing", "they": "plural", "we": "plural", "i": "person"}
# Between a subject and its cue: auxiliaries, adverbs, time words ("has also repeated", "last week called").
SKIP_WORDS = frozenset(
    """has have had was were is are be been being will would shall should can could may might must did
    does do also later previously repeatedly earlier then again reportedly publicly privately already
    once still further now not never just even first recently separately initially finally subsequently
    today yesterday tonight last this next past week month year weekend night morning afternoon evening
    monday tuesday wednesday thursday friday saturday sunday on""".split()
)
# Words that end a subject noun phrase when read leftwards.
_BOUNDARY = frozenset(
    """that which who whom whose when while after before because since although though if but as where
    than so why how whether what to for in on at with by into about against despite amid among over
    under between through during without within upon per via like unlike or nor yet not whenever
    wherever unless until once""".split()
)
_INSIDE_NP = frozenset({"of", "the", "a", "an", "and", "&", "de", "van", "von", "al", "from"})
_DETERMINERS = frozenset(
    "the a an this that these those his her its their our some many several both two three other one".split()
)
_OPENING_WH = frozenset({"why", "how", "whether", "what"})
MAX_NP = 10


@dataclass(frozen=True)
class Subject:
    span: Span
    how: str  # left, right (inverted), pronoun


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or tok[:1].isdigit()


def left_subject(text: str, lo: int, cue_start: int) -> Subject | None:
    """The subject written before a cue in text[lo:cue_start], or None."""
    toks = _tokens(text, max(lo, cue_start - WINDOW), cue_start)
    i = _skip_tail(toks, len(toks) - 1)
    while i >= 0 and _adverb(toks[i][2]):
        i -= 1
    if i < 0:
        return None
    if toks[i][2] in _APPOSITIVE_MARKS and (sub := _appositive(toks, i)):
        return sub
    low = toks[i][2].lower()
    if low in PRONOUNS:
        return Subject((toks[i][0], toks[i][1]), "pronoun")
    if not toks[i][2][:1].isalnum() or low in _BOUNDARY or low in _INSIDE_NP:
        return None
    j = _np_start(toks, i)
    if j is None or (j > 0 and toks[j - 1][2].lower() in _OPENING_WH):
        return None
    return Subject((toks[j][0], toks[i][1]), "left")


_APPOSITIVE_MARKS = (",", "-", "–", "—")


def _skip_tail(toks: list[tuple[int, int, str]], i: int) -> int:
    """Step left over a title's full stop ("Biden Jr.") and a bracketed note ("Durbin (D-Ill.)")."""
    if i >= 1 and toks[i][2] == "." and _abbreviation(toks[i - 1][2]):
        i -= 1
    if i >= 0 and toks[i][2] == ")":
        while i >= 0 and toks[i][2] != "(":
            i -= 1
        i -= 1
    return i


def _adverb(tok: str) -> bool:
    """An auxiliary, adverb or time word standing between a subject and its cue."""
    return tok.lower() in SKIP_WORDS or (tok.endswith("ly") and not _is_cap(tok))


def _np_start(toks: list[tuple[int, int, str]], i: int) -> int | None:
    """Index of the first token of the noun phrase ending at token i (read leftwards)."""
    j, head = i, i
    while j - 1 >= 0 and i - (j - 1) < MAX_NP:
        prev = toks[j - 1][2]
        low = prev.lower()
        if prev == "." and j - 2 >= 0 and _abbreviation(toks[j - 2][2]):
            j -= 1  # "Rep. Earl Blumenauer", "Joseph R. Biden"
            continue
        if not prev[:1].isalnum() and prev not in "&":
            break
        if low in _BOUNDARY or low in PRONOUNS:
            break
        right_ok = _is_cap(toks[j][2]) or _determiner(toks[j][2])
        if low == "and" and not (right_ok and j - 2 >= 0 and _is_cap(toks[j - 2][2])):
            break
        if low == "of" and j - 2 >= 0:
            head = j - 2
        plain = low not in _INSIDE_NP and low not in _DETERMINERS
        if not _is_cap(prev) and plain and not _is_cap(toks[j][2]):
            # two lower-case words in a row: "members laughed", unless a determiner leads or the
            # head is a speaking noun with a modifier ("media outlets", "former secretary of state")
            modifier = is_speaker_noun(toks[head][2]) and not low.endswith(("ed", "ing", "ly"))
            if not modifier and (j - 2 < 0 or not _determiner(toks[j - 2][2])):
                break
        j -= 1
    while j <= i and toks[j][2].lower() in _INSIDE_NP - {"the", "a", "an"}:
        j += 1
    return j if j <= i else None


_TITLES = frozenset(
    "mr mrs ms dr rep sen gov gen lt col capt prof rev st jr sr sgt adm supt insp det hon pres".split()
)


def _abbreviation(tok: str) -> bool:
    return tok.lower() in _TITLES or (len(tok) == 1 and tok.isupper())


def _determiner(tok: str) -> bool:
    """ "the", "his", ... or a possessive ("Trump’s longtime confidant")."""
    return tok.lower() in _DETERMINERS or tok.endswith(("’s", "'s"))


def _appositive(toks: list[tuple[int, int, str]], comma: int) -> Subject | None:
    """ "NP, appositive, CUE" (or with dashes): the NP (or the appositive when it is the name)."""
    mark, k = toks[comma][2], comma - 1
    while k >= 0 and toks[k][2] != mark:
        if toks[k][2] in '.;:“”"' and not (toks[k][2] == "." and k and _abbreviation(toks[k - 1][2])):
            return None
        k -= 1
    if k < 1 or comma - k < 2:
        return None
    head = left_subject_tokens(toks, _skip_tail(toks, k - 1))
    if head is None:
        return None
    j, i = head
    appos = (toks[k + 1][0], toks[comma - 1][1])
    # the head noun is the last word: "Egypt's foreign ministry spokesman" is no name, and a name after
    # a preposition ("a spokeswoman for Pruitt") is not the head at all
    head_is_name = _is_cap(toks[i][2]) and (j == 0 or toks[j - 1][2].lower() not in _BOUNDARY)
    appos_is_name = all(_is_cap(t[2]) for t in toks[k + 1 : comma])
    if appos_is_name and not head_is_name:
        return Subject(appos, "left")
    return Subject((toks[j][0], toks[i][1]), "left")


def _appositive_name(toks: list[tuple[int, int, str]], after: int) -> Subject | None:
    """A name set off by commas just after a role ("..., of water and energy, Dawit Gebremedhin,")."""
    nxt = [t for t in toks if t[0] >= after][:12]
    comma = next((k for k, t in enumerate(nxt) if t[2] == ","), None)
    if comma is None or any(_is_cap(t[2]) or not t[2][:1].isalpha() for t in nxt[:comma]):
        return None
    name = list(itertools.takewhile(lambda t: _is_cap(t[2]), nxt[comma + 1 :]))
    end = comma + 1 + len(name)
    if name and end < len(nxt) and nxt[end][2] == ",":
        return Subject((name[0][0], name[-1][1]), "main")
    return None


def _np_word(tok: str, out: list[tuple[int, int, str]], nxt: tuple[int, int, str] | None) -> bool:
    """Whether a sentence's first noun phrase goes on with ``tok``: names and "of", a role noun
    before a name ("Jefferies analyst Mark Odell"), modifiers after a determiner ("Its chief executive")."""
    low = tok.lower()
    if not tok[:1].isalnum():
        return False
    if _is_cap(tok) or low in _INSIDE_NP:
        return True
    if is_speaker_noun(low) and nxt is not None and _is_cap(nxt[2]):
        return True
    modifier = not low.endswith(("ed", "ly")) and low not in SKIP_WORDS
    return modifier and _determiner(out[0][2]) and len(out) < 4


def left_subject_tokens(toks: list[tuple[int, int, str]], i: int) -> tuple[int, int] | None:
    if i < 0 or not toks[i][2][:1].isalnum() or toks[i][2].lower() in _BOUNDARY:
        return None
    j = _np_start(toks, i)
    return (j, i) if j is not None else None


_RIGHT_STOP = frozenset(
    "in on at during to after before about with via when that who which while as last this earlier told "
    "said and adding saying of".split()
)


def right_subject(text: str, cue_end: int, hi: int) -> Subject | None:
    """The subject after an inverted cue ("..., said X", "according to X"), or None."""
    toks = _tokens(text, cue_end, min(hi, cue_end + WINDOW))
    out: list[tuple[int, int, str]] = []
    for t in toks:
        low = t[2].lower()
        if t[2] == "." and out and _abbreviation(out[-1][2]):
            continue  # "said Rep. Jim Clyburn"
        stop = low in _RIGHT_STOP and low != "of" and not t[2].isupper()  # "according to the WHO"
        if not t[2][:1].isalnum() or (out and stop) or len(out) >= MAX_NP:
            break
        if low == "of" and not out:
            break
        out.append(t)
    while out and out[-1][2].lower() in _INSIDE_NP:
        out.pop()
    if not out or (
        not _is_cap(out[0][2])
        and out[0][2].lower() not in _DETERMINERS | set(PRONOUNS)
        and not out[0][2].endswith("s")
        and not is_speaker_noun(out[0][2])  # "according to police"
    ):
        return None
    how = "pronoun" if len(out) == 1 and out[0][2].lower() in PRONOUNS else "right"
    return Subject((out[0][0], out[-1][1]), how)


def first_subject(text: str, lo: int, hi: int) -> Subject | None:
    """The sentence's own subject (for "..., saying" and "X agreed, but said"): its first noun phrase,
    after an opening adverbial that ends in a comma."""
    toks = _tokens(text, lo, min(hi, lo + WINDOW))
    i = 0
    opener = toks[0][2].lower() if toks else ""
    adverbial = opener in _BOUNDARY | SKIP_WORDS | {"however", "nonetheless", "meanwhile"}
    if adverbial or opener.endswith(("ly", "ing", "ed")):
        i = next((k + 1 for k, t in enumerate(toks) if t[2] == ","), len(toks))
        while i < len(toks) and toks[i][2] in "”\"’'":
            i += 1
    rest = toks[i:]
    out: list[tuple[int, int, str]] = []
    for k, t in enumerate(rest):
        low = t[2].lower()
        if t[2] == "." and out and _abbreviation(out[-1][2]):
            continue
        if low in PRONOUNS and not out:
            return Subject((t[0], t[1]), "main")
        if not out and re.fullmatch(r"(?:it|that|there|here|this|what)[’']s", low):
            return None  # "It’s ...": no subject to take
        if not out:
            if not (_is_cap(t[2]) or low in _DETERMINERS):
                break
        elif not _np_word(t[2], out, rest[k + 1] if k + 1 < len(rest) else None):
            break
        out.append(t)
        if len(out) >= MAX_NP or (not _is_cap(t[2]) and is_speaker_noun(low) and _determiner(out[0][2])):
            break
    if out and not _is_cap(out[-1][2]) and (name := _appositive_name(rest, out[-1][1])):
        return name  # "Its chief executive, Jordan Ames, met ...", "X's minister of energy, Y, said"
    while out and out[-1][2].lower() in _INSIDE_NP:
        out.pop()
    return Subject((out[0][0], out[-1][1]), "main") if out else None


# ------------------------------------------------------------------ resolution


class MentionLookup:
    """Mentions sorted by start, for overlap queries in logarithmic time.

    The claims stage may add actors (unnamed sources) and mentions (descriptions, pronouns it resolved):
    they are kept here in ``added_actors`` / ``added_mentions`` and returned; the index it was built from
    is never changed.
    """

    def __init__(self, index: ActorIndex, text: str) -> None:
        self.index_text = text
        self.all_actors: list[Actor] = list(index.actors)
        self.mentions = sorted(index.mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)
        self.actors = {a.id: a for a in index.actors}
        self.added_actors: list[Actor] = []
        self.added_mentions: list[Mention] = []

    def add_actor(self, actor: Actor) -> None:
        self.all_actors.append(actor)
        self.actors[actor.id] = actor
        self.added_actors.append(actor)

    def add_mention(self, mention: Mention) -> None:
        """Record a mention found by the claims stage (it replaces an earlier one of the same span)."""
        self.added_mentions = [
            m for m in self.added_mentions if (m.start, m.end) != (mention.start, mention.end)
        ]
        self.added_mentions.append(mention)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.start < end and start < m.end]

    def best(self, start: int, end: int) -> Mention | None:
        """The mention nearest the head (the end) of a noun phrase; the longest among equals."""
        hits = [m for m in self.overlapping(start, end) if m.actor_id in self.actors]
        cut = self._of_at(start, end)
        head = [m for m in hits if m.end <= cut]  # "Luka Horvat of Parsifal Research"
        return max(head or hits, key=lambda m: (min(m.end, end), m.end - m.start), default=None)

    def _of_at(self, start: int, end: int) -> int:
        """Where " of " (or " at ", " from ") follows a name inside a noun phrase, else ``end``."""
        m = re.search(r"[A-Z][\w.’'-]*\s+(?:of|at|from)\s", self.index_text[start:end])
        return start + m.end() if m else end

    def recent(self, before: int, kinds: set[str], limit: int = 3000) -> Actor | None:
        """The actor of the nearest mention before ``before`` whose kind is in ``kinds``."""
        i = bisect.bisect_left(self.starts, before) - 1
        while i >= 0 and self.mentions[i].start >= before - limit:
            a = self.actors.get(self.mentions[i].actor_id)
            if a and a.kind in kinds and self.mentions[i].how != "pronoun":
                return a
            i -= 1
        return None

    def by_surname(self, words: list[str]) -> Actor | None:
        """An actor whose name's last word (or whole name) is one of ``words`` (typos aside)."""
        keys = {w.lower().strip("’'s") for w in words if len(w) > 2}
        for a in self.all_actors:
            parts = a.name.split()
            if parts and (parts[-1].lower() in keys or a.name.lower() in keys):
                return a
        return None


def pronoun_kinds(pronoun: str) -> set[str]:
    kind = PRONOUNS.get(pronoun.lower(), "")
    if kind == "person":
        return {"person"}
    if kind == "thing":
        return {"organisation", "state"}
    return {"group", "organisation", "state"}
