"""Text the bottom line can reuse: actors named by their canonical names, typos mended, datelines cut.

Words inside quotation marks stay exactly as written. Outside them a misspelt name ("Zelenskky") or
word ("Rusian", when the article spells it "Russian" elsewhere) takes the article's own majority
spelling, and a pronoun that stands for another actor than the sentence's subject takes that actor's
name, so a sentence read alone still says who is meant.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from rapidfuzz.distance import Levenshtein

from briefing.analysis.context import Context
from briefing.model import Mention

_SUBJECT = frozenset({"he", "she", "they", "him", "them"})


class Namer:
    """Rewrites spans of the article for the bottom line (one per analysis)."""

    def __init__(self, ctx: Context, pronouns: bool = True) -> None:
        self.ctx = ctx
        self.pronouns = pronouns

    @cached_property
    def _spellings(self) -> dict[tuple[str, str], str]:
        """(actor, surface) -> the article's majority spelling of that surface, when they differ by a typo."""
        forms: dict[tuple[str, str], Counter[str]] = {}
        for m in self.ctx.mentions:  # a demonym is compared with demonyms, a name with names
            forms.setdefault((m.actor_id, m.how), Counter())[m.surface] += 1
        out = {}
        for (actor, _), counts in forms.items():
            for surface, n in counts.items():
                for other, k in counts.most_common():
                    if other != surface and k > n and _typo(surface, other):
                        out[(actor, surface)] = other
                        break
        return out

    def name(self, actor_id: str, fallback: str = "") -> str:
        """The canonical name, with "the" where the article writes one ("the Kremlin")."""
        name = self._whole(actor_id, self.ctx.name(actor_id)) or fallback
        return f"the {name}" if self._takes_article(actor_id, name) else name

    def described(self, actor_id: str, fallback: str = "") -> str:
        """A person's name with the role the text gives them: "Daniel Okafor, the health secretary,"."""
        name = self.name(actor_id, fallback)
        actor = self.ctx.actors.get(actor_id)
        role = " ".join((actor.role if actor is not None and actor.role_start >= 0 else "").split())
        if actor is None or actor.kind != "person" or not _usable_role(role):
            return name
        role = re.sub(r"^(The|A|An)\b", lambda m: m.group(1).lower(), role)
        if not re.match(r"(?:the|a|an|his|her|its|their)\b|\w+[’']s\b", role):
            role = f"the {role}"  # "Dominic Raab, the Foreign Secretary,"
        return f"{name}, {role},"

    def _whole(self, actor_id: str, name: str) -> str:
        """A person's name with a word doubled ("Han Han") is the extraction's slip: the article's
        fullest spelling of it ("Han Sung-ho") stands in."""
        parts = name.split()
        actor = self.ctx.actors.get(actor_id)
        if not parts or actor is None or actor.kind != "person" or len(set(parts)) == len(parts):
            return name
        named = [m.surface for m in self.ctx.by_actor.get(actor_id, []) if m.how in ("name", "alias", "typo")]
        fuller = [s for s in named if s.split()[0] == parts[0] and len(s.split()) > 1]
        return max(fuller, key=len, default=name)

    def _takes_article(self, actor_id: str, name: str) -> bool:
        a = self.ctx.actors.get(actor_id)
        if a is None or a.kind in ("person", "state") or name.lower().startswith("the "):
            return False
        text = self.ctx.doc.text
        mentions = [m for m in self.ctx.by_actor.get(actor_id, []) if m.surface.endswith(name)]
        with_the = sum(
            text[max(0, m.start - 4) : m.start].lower() == "the " or m.surface.lower().startswith("the ")
            for m in mentions
        )
        return with_the * 2 > len(mentions) > 0

    def subject_of(self, start: int, end: int) -> str:
        """The actor a free sentence is about: its first mention (of a person, organisation or state)."""
        first = next((m for m in self.ctx.mentions_in(start, end) if m.how != "pronoun"), None)
        return first.actor_id if first else ""

    def rewrite(self, start: int, end: int, subject_id: str = "", full_first: bool = False) -> str:
        """text[start:end] with typos mended and other actors' pronouns named, quotes untouched.

        ``full_first``: a person named by surname at the very start gets the full name."""
        text = self.ctx.doc.text
        out, pos, named = [], start, {subject_id}
        every = self.ctx.every_mention_in(start, end)
        if full_first and every and every[0].start == start:
            first, name = every[0], self.ctx.name(every[0].actor_id)
            actor = self.ctx.actors.get(first.actor_id)
            if actor and actor.kind == "person" and name != first.surface and name.endswith(first.surface):
                out.append(name)
                pos = first.end
        for m in every:  # outer mentions first; an inner one when the outer is left as it is
            if m.start < pos or self.ctx.in_quotes(m.start, m.end):
                continue
            new = self._replacement(m, named)
            if new is None:
                continue
            out.append(text[pos : m.start])
            out.append(new)
            pos = m.end
        out.append(text[pos:end])
        return "".join(out)

    def _replacement(self, m: Mention, named: set[str]) -> str | None:
        name = self.ctx.name(m.actor_id)
        if m.how == "typo":  # "Zelenskky" -> "Zelenskyy"; a name too far from the surface is no typo
            return name if name and _near(m.surface, name) else None
        fixed = self._spellings.get((m.actor_id, m.surface))
        if fixed:
            return fixed
        if not self.pronouns or m.how != "pronoun" or m.actor_id in named or not name:
            return None
        if m.surface.lower() not in _SUBJECT:
            return None  # possessives stay: "its" is too often resolved to the wrong owner
        named.add(m.actor_id)
        return self.name(m.actor_id)


def possessive(name: str) -> str:
    """ "Reuters’", "the companies’", "Ukraine’s": a name ending in s takes the apostrophe alone."""
    return f"{name}’" if name.endswith("s") else f"{name}’s"


def _usable_role(role: str) -> bool:
    """A short role the text states, not an abbreviation ("Gov.") nor a byline note."""
    words = role.split()
    return (
        1 <= len(words) <= 10
        and not re.search(r"\b(?:said|says|told|who|which|author|journalist|writer|reporter)\b", role)
        and not re.fullmatch(r"[A-Z][a-z]{0,4}\.", role)
    )


def _near(surface: str, name: str) -> bool:
    """A misspelling of the name, or of its last part ("Zelenskky" for "Volodymyr Zelenskyy")."""
    tail = " ".join(name.split()[-len(surface.split()) :])
    return any(Levenshtein.normalized_distance(surface.lower(), n.lower()) <= 0.25 for n in (name, tail))


def _typo(a: str, b: str) -> bool:
    """One or two letters apart, same first letter, long enough to be a misspelling, not another word."""
    if a[:1].lower() != b[:1].lower() or min(len(a), len(b)) < 5:
        return False
    return 0 < Levenshtein.distance(a.lower(), b.lower()) <= (1 if min(len(a), len(b)) < 8 else 2)


def sentence_case(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def balanced(text: str) -> str:
    """Close a quotation the text opened and a claim's span left open."""
    if text.count("“") > text.count("”"):
        text = text.rstrip(" ,;:") + "”"
    elif text.count('"') % 2:
        text = text.rstrip(" ,;:") + '"'
    return text


def finish(text: str) -> str:
    """One sentence: capitalised, single spaces, quotes closed, ending in a full stop. The stop goes
    inside a closing quote that holds a whole quoted sentence, outside one that ends a fragment."""
    text = balanced(sentence_case(" ".join(text.split())))
    text = re.sub(r"\s*[,;:–—-]+$", "", text)
    quote = re.search(r"([,;:.!?]?)([”’\"])$", text)
    if quote:
        body, mark = text[: quote.start()], quote.group(2)
        opening = body.rfind("“") if mark == "”" else body.rfind(mark)
        whole = opening >= 0 and re.search(r"(?:^|:\s*)$", body[:opening]) is not None
        if quote.group(1) in ".!?" and quote.group(1):
            return text if whole else body + mark + quote.group(1)
        return body + "." + mark if whole else body + mark + "."
    return text if re.search(r"[.!?]$", text) else text + "."


def lower_start(text: str) -> str:
    """What was said, as the continuation of a sentence: "The job cuts ..." -> "the job cuts ...";
    a leading "But" or "And" goes. Names and "I" keep their capital."""
    text = re.sub(r"^(?:But|And|So|Yet|However,)\s+", "", text.strip())
    first = text.split(" ", 1)[0]
    if first in (
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "It",
        "Its",
        "Their",
        "Our",
        "We",
        "They",
        "He",
        "She",
        "His",
        "Her",
        "Every",
        "Some",
        "Any",
        "No",
        "Most",
        "All",
    ):
        return text[:1].lower() + text[1:]
    return text
