"""Word lists as data: the package's files in this folder, loaded once into one ``Lexicon``.

The pipeline loads the lexicon (``load(data_dir)``) and passes it down to the stages that read it. The
files here are general English (how news reports speech, which pronouns refer to whom); what an
analyst curates about the world (places, metonyms, estimative terms, the actor registry) lives in the
data folder (``--data``, default ``data/``), whose copy of a lexicon file, when present, replaces the
package's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import yaml

from briefing.config import DATA_DIR


@dataclass(frozen=True)
class SpeechVerb:
    lemma: str  # "say", "call for"
    type: str  # the claim type the verb signals, "" when the content decides
    content: str  # "clause" or "object"
    belief: bool = False  # a verb of thinking ("believes"): counts only with a clause
    needs: str = ""  # what must complete an object content: "as" or "oprd" (see speech_verbs.yaml)


@dataclass(frozen=True)
class Pronoun:
    word: str
    gender: str  # "m", "f", "n" (it), "" (either)
    number: str  # singular, plural
    case: str  # subject, object, possessive
    kinds: frozenset[str]  # actor kinds it can stand for


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: Mapping[str, SpeechVerb]  # by lemma, multi-word ones included ("call for")
    pronouns: Mapping[str, Pronoun]
    carry_on_verbs: frozenset[str]  # "went on to say": verbs under which an infinitive cue still speaks
    document_nouns: frozenset[str]  # "a statement from X said": documents that speak for their issuer
    subordinators: frozenset[str]  # "when", "because": a cue under one is a circumstance, not an attribution
    speech_nouns: frozenset[str]  # "his vow that ...": nouns that attribute a that-clause
    quantity_nouns: frozenset[str]  # "46 percent said", "half of respondents say": poll sources
    vague_sources: frozenset[str]  # "experts say": no identifiable source when bare

    def verb(self, lemma: str) -> SpeechVerb | None:
        return self.speech_verbs.get(lemma.lower())

    @property
    def verb_heads(self) -> frozenset[str]:
        """First words of the speech verbs: the lemmas a parse token must have to start a cue."""
        return frozenset(v.split()[0] for v in self.speech_verbs)

    def particles(self, head: str) -> frozenset[str]:
        """The particles that make a multi-word cue with ``head`` ("for", "on" for "call")."""
        return frozenset(v.split()[1] for v in self.speech_verbs if " " in v and v.split()[0] == head)

    def pronoun(self, word: str) -> Pronoun | None:
        return self.pronouns.get(word.lower())


def _read(name: str, data_dir: Path) -> dict:
    """A lexicon file from the data folder when the analyst keeps one there, else the package's."""
    override = data_dir / "lexicon" / name
    text = (
        override.read_text(encoding="utf-8")
        if override.is_file()
        else (files("briefing") / "lexicon" / name).read_text(encoding="utf-8")
    )
    return yaml.safe_load(text) or {}


@cache
def load(data_dir: Path | None = None) -> Lexicon:
    """The lexicon, read once per data folder."""
    folder = data_dir or DATA_DIR
    verbs = {
        str(lemma).lower(): SpeechVerb(
            str(lemma).lower(),
            str(v.get("type", "")),
            v.get("content", "clause"),
            bool(v.get("belief", False)),
            str(v.get("needs", "")),
        )
        for lemma, v in _read("speech_verbs.yaml", folder).items()
    }
    pronouns = {
        str(w).lower(): Pronoun(
            str(w).lower(), str(p.get("gender", "")), p["number"], p["case"], frozenset(p.get("kinds", ()))
        )
        for w, p in _read("pronouns.yaml", folder).items()
    }
    grammar = _read("grammar.yaml", folder)
    return Lexicon(
        verbs,
        pronouns,
        frozenset(grammar.get("carry_on_verbs", ())),
        frozenset(grammar.get("document_nouns", ())),
        frozenset(grammar.get("subordinators", ())),
        frozenset(grammar.get("speech_nouns", ())),
        frozenset(grammar.get("quantity_nouns", ())),
        frozenset(grammar.get("vague_sources", ())),
    )
