"""Parse evaluation: CoNLL-U reading, attachment scores and the ClearNLP -> UD conversion, on our own
four-sentence treebank (UD annotation written by hand for these tests)."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.evaluate_parse import (
    MODEL,
    Analysis,
    Predicted,
    attachment,
    main,
    read_conllu,
    to_ud,
)

# Sentence 3 has a multiword token (don't = do + n't) and sentence 4 an empty node, both to be skipped.
TREEBANK = """\
# newdoc id = own-1
# sent_id = own-1-1
# text = The cat sat on the mat.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tsat\tsit\tVERB\tVBD\t_\t0\troot\t_\t_
4\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_
5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_
6\tmat\tmat\tNOUN\tNN\t_\t3\tobl\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# sent_id = own-1-2
# text = Maria is a teacher.
1\tMaria\tMaria\tPROPN\tNNP\t_\t4\tnsubj\t_\t_
2\tis\tbe\tAUX\tVBZ\t_\t4\tcop\t_\t_
3\ta\ta\tDET\tDT\t_\t4\tdet\t_\t_
4\tteacher\tteacher\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# newdoc id = own-2
# sent_id = own-2-1
# text = We don't know.
1\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# sent_id = own-2-2
# text = She was happy in London.
1\tShe\tshe\tPRON\tPRP\t_\t3\tnsubj\t_\t_
2\twas\tbe\tAUX\tVBD\t_\t3\tcop\t_\t_
3\thappy\thappy\tADJ\tJJ\t_\t0\troot\t_\t_
3.1\tfelt\tfeel\tVERB\tVBD\t_\t_\t_\t3:conj\t_
4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_
5\tLondon\tLondon\tPROPN\tNNP\t_\t3\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
"""


@pytest.fixture
def treebank(tmp_path: Path) -> Path:
    path = tmp_path / "own.conllu"
    path.write_text(TREEBANK, encoding="utf-8")
    return path


def gold_analysis(sentence) -> Analysis:
    return Analysis(tuple(w.head for w in sentence.words), tuple(w.deprel for w in sentence.words))


def clearnlp(heads: list[int], labels: str, tags: str, lemmas: str, persons=()) -> Predicted:
    """A parse as spaCy's English pipeline writes it (ClearNLP labels; -1 marks the root)."""
    tag_list = tags.split()
    return Predicted(tuple(heads), tuple(labels.split()), tuple(tag_list), ("X",) * len(tag_list),
                     tuple(lemmas.split()), tuple(persons))  # fmt: skip


# ------------------------------------------------------------------ reading


def test_reads_words_skipping_ranges_and_empty_nodes(treebank: Path) -> None:
    sentences = read_conllu(treebank)
    assert [s.text for s in sentences] == [
        "The cat sat on the mat.",
        "Maria is a teacher.",
        "We don't know.",
        "She was happy in London.",
    ]
    dont = sentences[2]
    assert [w.form for w in dont.words] == ["We", "do", "n't", "know", "."]
    assert [w.space_after for w in dont.words] == [True, False, True, False, False]
    assert [dont.text[a:b] for a, b in (w.span for w in dont.words)] == ["We", "do", "n't", "know", "."]
    assert [w.form for w in sentences[3].words] == ["She", "was", "happy", "in", "London", "."]
    assert [s.doc_id for s in sentences] == ["own-1", "own-1", "own-2", "own-2"]


def test_a_malformed_line_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.conllu"
    bad.write_text("# text = Hi.\n1\tHi\thi\tINTJ\n", encoding="utf-8")
    assert main([str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.conllu" in err[0] and "line 2" in err[0]


def test_a_missing_file_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nowhere.conllu")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nowhere.conllu" in err[0]


# ------------------------------------------------------------------ metrics


def test_the_gold_parse_scores_one(treebank: Path) -> None:
    sentences = read_conllu(treebank)
    scores = attachment(sentences, [gold_analysis(s) for s in sentences])
    for tally in (scores.with_punct, scores.without_punct):
        assert (tally.uas, tally.las) == (1.0, 1.0)
    assert scores.with_punct.words == 23 and scores.without_punct.words == 19


def test_one_wrong_head_costs_exactly_one_word(treebank: Path) -> None:
    sentences = read_conllu(treebank)
    analyses = [gold_analysis(s) for s in sentences]
    heads = list(analyses[0].heads)
    heads[1] = 5  # "cat" hung on "mat" instead of "sat"
    analyses[0] = replace(analyses[0], heads=tuple(heads))
    scores = attachment(sentences, analyses)
    assert scores.with_punct.uas == pytest.approx(22 / 23)
    assert scores.with_punct.las == pytest.approx(22 / 23)
    assert scores.without_punct.uas == pytest.approx(18 / 19)


def test_a_wrong_label_costs_las_only(treebank: Path) -> None:
    sentences = read_conllu(treebank)
    analyses = [gold_analysis(s) for s in sentences]
    labels = list(analyses[1].labels)
    labels[1] = "aux"  # "is" as an auxiliary, not a copula
    analyses[1] = replace(analyses[1], labels=tuple(labels))
    scores = attachment(sentences, analyses)
    assert scores.with_punct.uas == 1.0
    assert scores.with_punct.las == pytest.approx(22 / 23)


def test_a_wrong_punctuation_head_counts_only_with_punctuation(treebank: Path) -> None:
    sentences = read_conllu(treebank)
    analyses = [gold_analysis(s) for s in sentences]
    heads = list(analyses[0].heads)
    heads[6] = 5  # the full stop on "mat"
    analyses[0] = replace(analyses[0], heads=tuple(heads))
    scores = attachment(sentences, analyses)
    assert scores.with_punct.uas == pytest.approx(22 / 23)
    assert scores.without_punct.uas == 1.0


# ------------------------------------------------------------------ ClearNLP -> UD


def test_prepositional_phrase_heads_on_the_noun(treebank: Path) -> None:
    # The cat sat on the mat .  (ClearNLP: on = prep of sat, mat = pobj of on)
    parse = clearnlp([1, 2, -1, 2, 5, 3, 2], "det nsubj ROOT prep det pobj punct",
                     "DT NN VBD IN DT NN .", "the cat sit on the mat .")  # fmt: skip
    ud = to_ud(parse)
    assert ud == gold_analysis(read_conllu(treebank)[0])
    assert ud.labels[3] == "case" and ud.heads[3] == 5


def test_prepositional_phrase_under_a_noun_is_nmod() -> None:
    # the leader of the party
    ud = to_ud(
        clearnlp([1, -1, 1, 4, 2], "det ROOT prep det pobj", "DT NN IN DT NN", "the leader of the party")
    )
    assert ud.heads == (1, -1, 4, 4, 1)
    assert ud.labels == ("det", "root", "case", "det", "nmod")


def test_copula_hands_its_dependents_to_the_predicate(treebank: Path) -> None:
    # Maria is a teacher .  (ClearNLP: is = ROOT, teacher = attr)
    parse = clearnlp([1, -1, 3, 1, 1], "nsubj ROOT det attr punct", "NNP VBZ DT NN .", "Maria be a teacher .")
    assert to_ud(parse) == gold_analysis(read_conllu(treebank)[1])


def test_copula_with_adjective_and_prepositional_phrase(treebank: Path) -> None:
    # She was happy in London .  (ClearNLP: was = ROOT; happy = acomp; in = prep of was)
    parse = clearnlp([1, -1, 1, 1, 3, 1], "nsubj ROOT acomp prep pobj punct",
                     "PRP VBD JJ IN NNP .", "she be happy in London .")  # fmt: skip
    assert to_ud(parse) == gold_analysis(read_conllu(treebank)[3])


def test_prepositional_predicate_takes_the_copula() -> None:
    # She is in Paris .
    ud = to_ud(
        clearnlp([1, -1, 1, 2, 1], "nsubj ROOT prep pobj punct", "PRP VBZ IN NNP .", "she be in Paris .")
    )
    assert ud.heads == (3, 3, 3, -1, 3)
    assert ud.labels == ("nsubj", "cop", "case", "root", "punct")


def test_existential_there_keeps_be_as_head() -> None:
    # There is a cat .
    ud = to_ud(clearnlp([1, -1, 3, 1, 1], "expl ROOT det attr punct", "EX VBZ DT NN .", "there be a cat ."))
    assert ud.heads == (1, -1, 3, 1, 1)
    assert ud.labels == ("expl", "root", "det", "nsubj", "punct")


def test_auxiliaries_stay_on_the_predicate_and_infinitival_to_is_mark() -> None:
    # He has been trying to leave .
    parse = clearnlp([3, 3, 3, -1, 5, 3, 3], "nsubj aux aux ROOT aux xcomp punct",
                     "PRP VBZ VBN VBG TO VB .", "he have be try to leave .")  # fmt: skip
    ud = to_ud(parse)
    assert ud.heads == (3, 3, 3, -1, 5, 3, 3)
    assert ud.labels == ("nsubj", "aux", "aux", "root", "mark", "xcomp", "punct")


def test_coordination_hangs_on_the_first_conjunct_with_cc_on_the_next() -> None:
    # apples , pears and plums  (ClearNLP chains: plums -> pears -> apples; and -> pears)
    parse = clearnlp([-1, 0, 0, 2, 2], "ROOT punct conj cc conj", "NNS , NNS CC NNS", "apple , pear and plum")
    ud = to_ud(parse)
    assert ud.heads == (-1, 2, 0, 4, 0)
    assert ud.labels == ("root", "punct", "conj", "cc", "conj")


def test_subordinate_clause_keeps_its_mark_under_the_predicate() -> None:
    # He left because he was tired .  (ClearNLP: because = mark of was, tired = acomp of was)
    parse = clearnlp([1, -1, 4, 4, 1, 4, 1], "nsubj ROOT mark nsubj advcl acomp punct",
                     "PRP VBD IN PRP VBD JJ .", "he leave because he be tired .")  # fmt: skip
    ud = to_ud(parse)
    assert ud.heads == (1, -1, 5, 5, 5, 1, 1)
    assert ud.labels == ("nsubj", "root", "mark", "nsubj", "cop", "advcl", "punct")


def test_a_person_name_is_headed_by_its_first_word() -> None:
    # Mary Jo Foley wrote .  (ClearNLP: Mary, Jo = compound of Foley)
    parse = clearnlp([2, 2, 3, -1, 3], "compound compound nsubj ROOT punct",
                     "NNP NNP NNP VBD .", "Mary Jo Foley write .", persons=[(0, 3)])  # fmt: skip
    ud = to_ud(parse)
    assert ud.heads == (3, 0, 0, -1, 3)
    assert ud.labels == ("nsubj", "flat", "flat", "root", "punct")


# ------------------------------------------------------------------ the real model on our sentences


@pytest.mark.skipif(importlib.util.find_spec(MODEL) is None, reason=f"{MODEL} not installed")
def test_the_model_parses_gold_words_as_one_sentence_each(treebank: Path) -> None:
    import spacy

    from briefing.evaluate_parse import gold_doc, parse_sentences

    nlp = spacy.load(MODEL)
    sentences = read_conllu(treebank)
    doc = nlp(gold_doc(nlp.vocab, sentences[2]))
    assert [t.text for t in doc] == ["We", "do", "n't", "know", "."] and doc.text == "We don't know."
    preds, _ = parse_sentences(nlp, sentences)
    assert all(sum(h < 0 for h in p.heads) == 1 for p in preds)  # the parser kept each sentence whole
    assert to_ud(preds[0]) == gold_analysis(sentences[0])
    assert to_ud(preds[1]) == gold_analysis(sentences[1])
