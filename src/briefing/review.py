"""Fix what you see while reading a notebook: each call appends one correction to the article's file.

::

    from briefing import review

    review.reassign("C7", speaker="Jane Roe")  # a claim: its id as shown, or a piece of its text
    review.drop_claim("C12")
    review.add_claim("the talks would fail", speaker="Dmitry Peskov", cue="said")
    review.merge("Zelenskky", into="Volodymyr Zelenskyy")  # actors: a name (or an id such as A3)
    review.rename("A4", to="Russian Ministry of Defence")
    review.set_actor("Kaja Kallas", side="EU", role="EU foreign policy chief")
    review.drop_actor("Istanbul Talks")
    review.editorial("The optics alone are devastating")  # a sentence: a piece of it, or s12
    review.not_editorial("s14")
    review.published("2025-05-15")

The file is ``data/reviews/<article stem>.yaml`` (``review.path()``); re-run the notebook from the top,
or ``make report``, to see the corrections applied. Ids change when the extraction improves, so they
are turned into the row's own words before anything is written. Every call checks that the correction
finds its row in the extraction as it is now, and raises ValueError (nothing written) when it does not.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from briefing.io import Bundle, read_extraction
from briefing.reviews import file_for, reviews_dir
from briefing.reviews.locate import Locator
from briefing.reviews.schema import Correction, Malformed, entry, show
from briefing.reviews.state import NotApplied, State
from briefing.reviews.store import append

QUOTE_WORDS = 10  # a long claim is referred to by its opening words, as many as make them unique


@dataclass
class _Target:
    bundle: Bundle
    path: Path


_current: _Target | None = None


def use(bundle: Bundle, data_dir: str | Path = "") -> Path:
    """Correct ``bundle``'s article from now on (a notebook's ``prepare`` does this); returns the file."""
    global _current
    source = str(bundle.meta.get("source") or bundle.folder.name)
    shown = (bundle.meta.get("review") or {}).get("file") or ""
    folder = reviews_dir(data_dir or None)
    file = folder / Path(shown).name if shown else file_for(source, data_dir or None)
    _current = _Target(bundle, file)
    return file


def path() -> Path:
    """The corrections file the helpers write to."""
    return _target().path


def show_file() -> None:
    """Print the corrections file as it is now."""
    p = path()
    print(p.read_text(encoding="utf-8") if p.exists() else f"{p}: no corrections yet")


# ------------------------------------------------------------------ actors


def merge(actor: str, into: str, note: str = "") -> Correction:
    """``actor`` and ``into`` are one: its mentions and claims go to ``into``."""
    st = _state()
    return _write({"merge": _actor_name(st, actor), "into": _actor_name(st, into)}, note)


def rename(actor: str, to: str, note: str = "") -> Correction:
    """Give ``actor`` the canonical name ``to``."""
    return _write({"rename": _actor_name(_state(), actor), "to": to}, note)


def set_actor(actor: str, note: str = "", **fields: str) -> Correction:
    """Set any of ``kind``, ``role``, ``affiliation``, ``side``, ``group`` of ``actor``."""
    return _write({"set": _actor_name(_state(), actor), **fields}, note)


def drop_actor(actor: str, note: str = "") -> Correction:
    """``actor`` is not an actor: its mentions go and its claims lose their speaker."""
    return _write({"drop_actor": _actor_name(_state(), actor)}, note)


# ------------------------------------------------------------------ claims and sentences


def reassign(claim: str | tuple[int, int], speaker: str, note: str = "", kind: str = "") -> Correction:
    """The claim was said by ``speaker`` (an actor, or a name the text gives; "" for no speaker)."""
    st = _state()
    ref = _claim_ref(st, claim, "reassign")
    return _write({**ref, "speaker": _speaker_name(st, speaker), **({"kind": kind} if kind else {})}, note)


def drop_claim(claim: str | tuple[int, int], note: str = "") -> Correction:
    """Not a claim."""
    return _write(_claim_ref(_state(), claim, "drop_claim"), note)


def add_claim(text: str | tuple[int, int], speaker: str = "", note: str = "", **fields: str) -> Correction:
    """A claim the extraction missed: a piece of the article (or offsets) and its speaker.

    Optional: ``mode`` (direct, indirect, unattributed), ``cue`` ("said"), ``type``, ``kind`` (of a new
    speaker).
    """
    st = _state()
    ref = _located(st, text, "add_claim")
    who = _speaker_name(st, speaker)
    return _write({**ref, **({"speaker": who} if who else {}), **fields}, note)


def editorial(sentence: str | int, note: str = "") -> Correction:
    """The sentence (``s12``, 12, or a piece of it) is the outlet's own opinion."""
    return _write(_sentence_ref(_state(), sentence, "editorial"), note)


def not_editorial(sentence: str | int, note: str = "") -> Correction:
    """The sentence is not the outlet's opinion."""
    return _write(_sentence_ref(_state(), sentence, "not_editorial"), note)


def published(day: str | date, note: str = "") -> Correction:
    """The publication date (YYYY-MM-DD); a date given on the command line still comes first."""
    try:
        day = date.fromisoformat(str(day))
    except ValueError:
        raise ValueError(f"not a date in the form YYYY-MM-DD: {day!r}") from None
    return _write({"published": day}, note)


# ------------------------------------------------------------------ resolving what the analyst sees


def _target() -> _Target:
    if _current is None:
        raise RuntimeError("no article yet: run the notebook's first cells (prepare), or review.use(bundle)")
    return _current


def _state() -> State:
    return State.of(read_extraction(_target().bundle.folder))


def _actor_name(st: State, ref: str) -> str:
    ref = str(ref).strip()
    if re.fullmatch(r"A\d+", ref):
        found = st.actor_by_id(ref)
        if found is None:
            raise ValueError(f"no actor {ref} in this extraction")
        return found.name
    if st.actor(ref) is None:
        raise ValueError(f"no actor called {show(ref)} in this extraction")
    return ref


def _speaker_name(st: State, ref: str) -> str:
    """An actor (by id or name), a name the article gives (a new actor when applied), or "" for none."""
    ref = str(ref).strip()
    if not ref or re.fullmatch(r"A\d+", ref) or st.actor(ref) is not None:
        return _actor_name(st, ref) if ref else ""
    if not st.locator.contains(ref):
        raise ValueError(f"the speaker {show(ref)} is neither an actor nor named in the article")
    return ref


def _claim_ref(st: State, ref: str | tuple[int, int], action: str) -> dict[str, Any]:
    """A claim as words of its own (plus ``at``/``from`` when those words alone are ambiguous)."""
    if isinstance(ref, str) and re.fullmatch(r"C\d+", ref.strip()):
        claim = next((c for c in st.claims if c.id == ref.strip()), None)
        if claim is None:
            raise ValueError(f"no claim {ref} in this extraction")
        out = _words(st.locator, st.doc.text, claim.start, claim.end, action)
        for extra in ({}, {"from": claim.speaker}):
            if extra and not claim.speaker:
                break
            try:
                found, _ = st.claims_at(_probe({**out, **extra}, action, "drop_claim"))
            except NotApplied:
                continue
            if found and st.claims[found[0]].id == claim.id:
                return {**out, **extra}
        raise ValueError(f"{ref} cannot be told apart from another claim on the same words; give offsets")
    out = _located(st, ref, action)
    try:
        found, _ = st.claims_at(_probe(out, action, "drop_claim"))
    except NotApplied as why:
        raise ValueError(str(why)) from None
    if not found:
        raise ValueError(f"no claim covers {show(ref)} in this extraction")
    return out


def _sentence_ref(st: State, ref: str | int, action: str) -> dict[str, Any]:
    key = str(ref).strip()
    if re.fullmatch(r"s?\d+", key):
        sid = int(key.lstrip("s"))
        sent = next((s for s in st.doc.sentences if s.id == sid), None)
        if sent is None:
            raise ValueError(f"no sentence s{sid} in this extraction")
        return _words(st.locator, st.doc.text, sent.start, sent.end, action)
    return _located(st, key, action)


def _located(st: State, ref: str | tuple[int, int], action: str) -> dict[str, Any]:
    """The reference as written, checked to be found (once, or with ``at``) in the article now."""
    out: dict[str, Any] = {action: list(ref) if isinstance(ref, tuple | list) else str(ref)}
    try:
        st.span(_probe(out, action, "editorial"))
    except NotApplied as why:
        raise ValueError(f"{show(ref)}: {why}") from None
    return out


def _words(locator: Locator, text: str, start: int, end: int, action: str) -> dict[str, Any]:
    """The row's opening words, as few as are unique in the article (``at`` when none are)."""
    words = text[start:end].split()
    for n in range(min(QUOTE_WORDS, len(words)), len(words) + 1):
        piece = _opening(text, start, end, n)
        if len(locator.find(piece)) == 1:
            return {action: piece}
    return {action: text[start:end].strip(), "at": start}


def _opening(text: str, start: int, end: int, n: int) -> str:
    """The first ``n`` words of text[start:end] exactly as the article writes them."""
    piece = text[start:end].strip()
    bounds = [m.end() for m in re.finditer(r"\S+", piece)]
    return piece[: bounds[min(n, len(bounds)) - 1]] if bounds else piece


def _probe(fields: dict[str, Any], action: str, probe: str) -> Correction:
    """``fields`` read as the correction ``probe`` (same target, no required fields) to locate its row."""
    return _check({probe if k == action else k: v for k, v in fields.items()})


def _check(fields: dict[str, Any]) -> Correction:
    try:
        return entry(fields, 0)
    except Malformed as exc:
        raise ValueError(exc.problem) from None


def _write(fields: dict[str, Any], note: str) -> Correction:
    fields = {k: v for k, v in fields.items() if v is not None}
    if note:
        fields["note"] = note
    _check({k: (list(v) if isinstance(v, tuple) else v) for k, v in fields.items()})
    target = _target()
    written = append(target.path, fields, str(target.bundle.meta.get("source") or ""))
    print(
        f"{target.path}, line {written.line}: {written.describe()} (re-run from the top to apply it)",
        file=sys.stdout,
    )
    return written
