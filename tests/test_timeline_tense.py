"""The tense that places a weekday or a month: the verb governing it, read from the parse.

Made-up sentences; the parse-based cases are skipped where the English pipeline is not installed.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefing import nlp
from briefing.ingest import build_document
from briefing.model import ActorIndex
from briefing.timeline import clause_tense, find_events, find_time_expressions
from briefing.timeline.syntax import governing_tense

WEDNESDAY = date(2024, 10, 16)


def _has_model() -> bool:
    try:
        nlp.pipeline()
    except OSError:
        return False
    return True


needs_parse = pytest.mark.skipif(not _has_model(), reason="spaCy's English pipeline is not installed")


def dated(sentence: str, published: date = WEDNESDAY) -> list[tuple[str, str]]:
    """The dates found with the document's own parse, as the extraction pipeline hands it over."""
    doc = build_document(sentence + "\n", "t.txt", published)
    return [(e.date_text, e.date) for e in find_events(doc, ActorIndex(), [], parsed=nlp.parse(doc))]


def by_words(sentence: str, published: date = WEDNESDAY) -> list[tuple[str, str]]:
    """The dates found without a parse: the word rules decide the tense."""
    return [(e.text, e.date) for e in find_time_expressions(sentence, published, [(0, len(sentence))])]


@needs_parse
@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("The offer had been due to expire Friday evening.", "2024-10-11"),  # a schedule in the past
        ("The fundraiser, which she was set to headline Tuesday, drew few donors.", "2024-10-15"),
        ("Under the terms announced Friday, holders get $40 a share.", "2024-10-11"),  # participle: done
        ("The shares are to resume trading in Paris on Thursday.", "2024-10-17"),  # "is to": ahead
        ("Markets will be calm if the vote goes ahead on Saturday.", "2024-10-19"),  # condition: ahead
    ],
)
def test_weekdays_follow_the_governing_verb(sentence: str, want: str) -> None:
    assert [d for _, d in dated(sentence)] == [want]


@needs_parse
@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Ms. Holm, 61, will succeed the founder Feb. 1, after he retires.", "2025-02-01"),
        ("The bonus would be paid on a still unspecified date in January.", "2025-01"),
        ("Local elections due in May will test the coalition.", "2025-05"),
    ],
)
def test_months_follow_the_governing_verb(sentence: str, want: str) -> None:
    assert [d for _, d in dated(sentence)] == [want]


@needs_parse
def test_a_present_verb_takes_the_nearest_weekday() -> None:
    friday = date(2024, 10, 18)
    assert dated("The two envoys meet separately Monday with the mediator.", friday) == [
        ("Monday", "2024-10-21")
    ]
    assert dated("The envoys met separately Monday with the mediator.", friday) == [("Monday", "2024-10-14")]


def test_a_month_in_a_past_clause_is_not_months_ahead() -> None:
    assert by_words("The bank changed its accounting year in December.", date(2024, 8, 16)) == [
        ("in December", "2023-12")
    ]


def test_the_word_rules_know_infinitives_and_adjectives_from_past_verbs() -> None:
    text = "She will succeed him on a still unspecified date."
    i = text.index("on a")
    assert clause_tense(text, 0, len(text), i, len(text) - 1) == "planned"
    text = "It had been due to expire on Friday."
    i = text.index("on Friday")
    assert clause_tense(text, 0, len(text), i, i + 9) == "past"


def test_without_the_parse_the_word_rules_decide() -> None:
    friday = date(2024, 10, 18)
    assert by_words("The envoys were due to meet on Monday.", friday) == [("on Monday", "2024-10-14")]
    assert by_words("The envoys are due to meet on Monday.", friday) == [("on Monday", "2024-10-21")]


@needs_parse
def test_the_parse_handed_over_decides_where_the_words_would_not() -> None:
    # the nearest tense word is "met" (past); the verb governing "Monday" is "meet" (present)
    friday = date(2024, 10, 18)
    sentence = "The envoys, who met in May, meet again Monday with the mediator."
    assert by_words(sentence, friday)[-1] == ("Monday", "2024-10-14")
    assert dated(sentence, friday)[-1] == ("Monday", "2024-10-21")


@needs_parse
def test_a_phrase_before_the_clause_that_opens_after_it_is_no_part_of_that_clause() -> None:
    from spacy.tokens import Doc

    # a parse as the model sometimes makes it: "on Thursday" hung on "hurt", whose clause opens at "that"
    words = "Officials shrugged off warnings on Thursday that tariffs could hurt trade .".split()
    heads = [1, 1, 1, 1, 8, 4, 8, 8, 8, 1, 8, 1]
    deps = ["nsubj", "ROOT", "prt", "dobj", "prep", "pobj", "mark", "nsubj", "aux", "ccomp", "dobj", "punct"]
    tags = ["NNS", "VBD", "RP", "NNS", "IN", "NNP", "IN", "NNS", "MD", "VB", "NN", "."]
    doc = Doc(nlp.pipeline().vocab, words=words, heads=heads, deps=deps, tags=tags)
    start = doc.text.index("on Thursday")
    assert governing_tense(doc, start, start + len("on Thursday")) == ""  # the words decide: "shrugged"
    assert governing_tense(doc, doc.text.index("trade"), len(doc.text) - 2) == "planned"


@needs_parse
@pytest.mark.parametrize(
    ("sentence", "published", "want"),
    [
        # an end point after a present perfect may lie ahead
        ("Banks have extended the credit line through January.", date(2024, 10, 16), "2025-01"),
        # an infinitive after a past verb: its time is after the verb's, before or after publication
        (
            "The rival, which agreed to buy the unit for $20 million in February, walked away.",
            date(2024, 10, 30),
            "2025-02",
        ),
    ],
)
def test_what_a_past_or_perfect_verb_leaves_open_takes_the_nearest(
    sentence: str, published: date, want: str
) -> None:
    assert [d for _, d in dated(sentence, published)] == [want]


@needs_parse
def test_an_infinitive_that_happened_stays_in_the_past() -> None:
    # "prompted ... to call" implies the call was made: the past verb decides, not the nearest January
    text = "The petition prompted lawmakers to call a debate in January on the ban."
    assert dated(text, date(2024, 8, 10)) == [("in January", "2024-01")]
