"""How each claim is sourced: from the per-article analysis (sourcing.csv) when present, else a fallback.

The classes are those of the per-article analysis: ``on-record`` (a named source), ``anonymous`` (no
source named, or one kept unnamed), ``second-hand`` (another outlet or a report) and ``official`` (an
institution's statement or document). The fallback rules and their word lists are in data/corpus.yaml;
every class comes with the words that decided it, so the briefing can show why.
"""

from __future__ import annotations

from briefing.corpus.lexicon import Lexicon

CLASSES = ("on-record", "anonymous", "second-hand", "official")
SOURCED_MODES = ("direct", "indirect", "unattributed")  # editorial claims are the outlet's own voice


def classify(claim: dict, speaker_kind: str, sentence: str, lex: Lexicon) -> tuple[str, str]:
    """(class, why) for one claim row of claims.csv; ``sentence`` is the sentence holding its cue."""
    name = (claim.get("speaker") or "").strip()
    surface = (claim.get("speaker_surface") or "").strip()
    if not claim.get("speaker_id") and not name:
        return "anonymous", "no speaker named"
    if speaker_kind != "person" and (m := lex.media.search(surface or name)):
        return "second-hand", f"the source is a publication or report (“{m.group()}”)"
    if m := lex.anonymous.search(surface):
        return "anonymous", f"the source is kept unnamed (“{m.group()}”)"
    if speaker_kind == "group" and not names_someone(name):
        m = lex.anonymous.search(sentence)
        why = f"kept unnamed (“{m.group()}”)" if m else f"not named (“{surface or name}”)"
        return "anonymous", f"the source is {why}"
    if speaker_kind in ("organisation", "state"):
        return "official", f"an institution speaks ({speaker_kind}: {name})"
    if speaker_kind != "person" and (m := lex.official.search(sentence)):
        return "official", f"a statement or document (“{m.group()}”)"
    return "on-record", f"a named source ({name or surface})"


def names_someone(name: str) -> bool:
    """A proper name is in ``name``: a capitalised word after the first, or an acronym.

    A group's first word is capitalised only because it opened the sentence ("Senior officials").
    """
    words = [w for w in name.replace("’", "'").split() if w[:1].isalpha()]
    if not words:
        return False
    first = words[0]
    return any(w[:1].isupper() for w in words[1:]) or (len(first) > 1 and first.isupper())
