"""The rows corrections work on, and how a correction finds the actor, claim or sentence it means.

A correction names things the way an analyst sees them: an actor by its name (or any name the text
gives it), a claim or a sentence by a piece of its text or by offsets. Ids such as ``C7`` change when
the extraction improves, so the file never relies on them (the notebook helper writes text instead).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from briefing.lexicon import Lexicon
from briefing.model import Actor, Claim, Document, Event, Extraction, Mention, Sentence
from briefing.reviews.locate import Locator, Span, nearest
from briefing.reviews.schema import Correction, show

_ID_LIKE = re.compile(r"[ACEFSs]\d+")


class NotApplied(Exception):
    """A correction that cannot take effect on this article; the message says why (one warning line)."""


@dataclass
class State:
    """Mutable working copies of an extraction's rows while the corrections are applied in order."""

    doc: Document
    actors: list[Actor]
    mentions: list[Mention]
    claims: list[Claim]
    events: list[Event]
    lex: Lexicon | None = None  # the run's word lists (``--data``); None: the package's own
    locator: Locator = field(init=False)
    changed: bool = False  # an actor or claim changed: experts and findings are derived again

    def __post_init__(self) -> None:
        self.locator = Locator(self.doc.text)

    @classmethod
    def of(cls, ex: Extraction) -> State:
        return cls(
            ex.document, list(ex.actors.actors), list(ex.actors.mentions), list(ex.claims), list(ex.events)
        )

    # ------------------------------------------------------------ actors

    def actor(self, name: str) -> Actor | None:
        """The actor called ``name``, or the one the text most often calls so; None when there is none."""
        wanted = key(name)
        for a in self.actors:
            if key(a.name) == wanted:
                return a
        votes = Counter(m.actor_id for m in self.mentions if key(m.surface) == wanted)
        for actor_id, _ in votes.most_common():
            if (a := self.actor_by_id(actor_id)) is not None:
                return a
        return None

    def actor_by_id(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def put_actor(self, actor: Actor) -> None:
        self.actors = [actor if a.id == actor.id else a for a in self.actors]
        self.changed = True

    def absent(self, name: str) -> NotApplied:
        """Why an actor reference does not resolve: not in the article at all (the article changed)."""
        hint = (
            " (ids such as A3 change between runs: write the name)"
            if _ID_LIKE.fullmatch(name.strip())
            else ""
        )
        return NotApplied(f"{show(name)} is not in the article{hint}")

    def speaker(self, name: str, kind: str | None) -> Actor:
        """The actor called ``name``; when there is none but the text names it, a new actor (reviewed)."""
        if (a := self.actor(name)) is not None:
            return a
        spans = self.locator.find(name, whole_words=True)
        if not spans:
            raise NotApplied(f"the speaker {show(name)} is not in the article")
        new = Actor(next_id("A", [a.id for a in self.actors]), " ".join(name.split()), kind or "person")
        new = replace(new, reviewed=True)
        taken = set(spans)
        self.mentions = [m for m in self.mentions if (m.start, m.end) not in taken]
        self.mentions += [Mention(new.id, self.doc.text[s:e], s, e, "name", True) for s, e in spans]
        self.actors.append(new)
        self.changed = True
        return new

    # ------------------------------------------------------------ text, claims, sentences

    def span(self, c: Correction) -> Span:
        """Where the correction's text (or offsets) lies in the article."""
        if isinstance(c.target, tuple):
            start, end = c.target
            if end > len(self.doc.text):
                raise NotApplied(
                    f"[{start}, {end}] is beyond the end of the article ({len(self.doc.text)} characters)"
                )
            return start, end
        spans = self.locator.find_quoted(str(c.target))
        if not spans:
            hint = (
                " (ids such as C7 change between runs: quote the text)"
                if _ID_LIKE.fullmatch(str(c.target))
                else ""
            )
            raise NotApplied(f"the text is no longer in the article{hint}")
        if c.get("at") is not None:
            return nearest(spans, c.get("at"))
        if len(spans) > 1:
            raise NotApplied(
                f"the text occurs {len(spans)} times; add `at: {spans[0][0]}` (the offset of the one meant)"
            )
        return spans[0]

    def claims_at(self, c: Correction) -> tuple[list[int], Span]:
        """The claims the correction means (indices, best overlap first), and where its text is."""
        start, end = self.span(c)
        found = [(min(end, cl.end) - max(start, cl.start), i) for i, cl in enumerate(self.claims)]
        found = [(ov, i) for ov, i in found if ov > 0]
        if c.get("from") is not None:
            who = self.actor(c.get("from"))
            found = [(ov, i) for ov, i in found if self._spoken_by(self.claims[i], c.get("from"), who)]
        if not found:
            return [], (start, end)
        best = max(ov for ov, _ in found)
        tied = [i for ov, i in found if ov == best]
        if len({self.claims[i].speaker_id for i in tied}) > 1:
            names = sorted({self.claims[i].speaker or "no speaker" for i in tied})
            raise NotApplied(
                f"{len(tied)} claims share this text ({', '.join(names)}); add `from:` with the speaker meant"
            )
        return tied, (start, end)

    @staticmethod
    def _spoken_by(claim: Claim, name: str, who: Actor | None) -> bool:
        return claim.speaker_id == who.id if who is not None else key(claim.speaker) == key(name)

    def sentence(self, c: Correction) -> Sentence:
        start, _ = self.span(c)
        sent = self.doc.sentence_at(start)
        if sent is None:
            raise NotApplied("the text is not inside a sentence")
        return sent

    def put_sentence(self, sentence: Sentence) -> None:
        sentences = tuple(sentence if s.id == sentence.id else s for s in self.doc.sentences)
        self.doc = replace(self.doc, sentences=sentences)

    def add_claim(self, claim: Claim) -> None:
        self.claims.append(replace(claim, id=next_id("C", [c.id for c in self.claims]), reviewed=True))
        self.claims.sort(key=lambda c: (c.start, c.cue_start))
        self.changed = True


def key(name: str) -> str:
    words = " ".join(name.casefold().replace("’", "'").split())
    return words[4:] if words.startswith("the ") else words


def next_id(prefix: str, ids: list[str]) -> str:
    """``prefix`` and one more than the largest number among ``ids`` (ids are never reused in a run)."""
    numbers = [int(i[len(prefix) :]) for i in ids if i.startswith(prefix) and i[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"
