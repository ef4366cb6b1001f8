"""Ingest on hand-made tricky snippets: decoding, paragraphs, sentences, quotes, kinds, publication date."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.errors import InputError
from briefing.ingest import build_document, decode, find_quotes, infer_published, split_paragraphs


def sentences(text: str) -> list[str]:
    doc = build_document(text)
    return [text[s.start : s.end] for s in doc.sentences]


def kinds(text: str) -> list[tuple[str, str]]:
    doc = build_document(text)
    return [(text[s.start : s.end], s.kind) for s in doc.sentences]


# ------------------------------------------------------------------ decoding


@pytest.mark.parametrize(
    "data",
    [
        "Caf\u00e9 talks resumed.\n".encode(),
        b"\xef\xbb\xbf" + "Caf\u00e9 talks resumed.\n".encode(),
        "Caf\u00e9 talks resumed.\n".encode("utf-16"),  # with BOM
        "Caf\u00e9 talks resumed.\n".encode("utf-16-le"),  # unmarked, but unmistakable
        "Caf\u00e9 talks resumed.\r\n".encode(),
    ],
)
def test_decodes_utf8_and_utf16_to_the_same_text(data: bytes) -> None:
    assert decode(data) == "Caf\u00e9 talks resumed.\n"


def test_bom_is_removed_so_offsets_start_at_the_first_letter() -> None:
    assert decode(b"\xef\xbb\xbfHello there.")[0] == "H"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"%PDF-1.7 binary", "PDF"),
        (b"\x89PNG\r\n\x1a\n....", "PNG"),
        (b"Text with \x00 a NUL", "NUL"),
        (b"caf\xe9 in Latin-1", "not valid UTF-8"),
        (bytes(range(1, 32)) * 20, "control characters"),
    ],
)
def test_bad_bytes_are_refused_with_the_problem_named(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        decode(data, "x.txt")


def test_mixed_line_endings_become_newlines_without_shifting_text() -> None:
    assert decode(b"One.\r\nTwo.\rThree.\n") == "One.\nTwo.\nThree.\n"


# ------------------------------------------------------------------ paragraphs and sentences


def test_paragraphs_are_lines_trimmed_of_spaces_with_exact_offsets() -> None:
    text = "  First line here.  \n\nSecond line.\n"
    paras = split_paragraphs(text)
    assert [text[p.start : p.end] for p in paras] == ["First line here.", "Second line."]


def test_missing_space_after_full_stop_still_splits() -> None:
    assert sentences("They spoke of peace.That warning came true.") == [
        "They spoke of peace.",
        "That warning came true.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones at the U.S. embassy on Jan. 5 to talk.",
        "She founded the site R.Politik after leaving the institute.",
        "George W. Bush spoke at 9 a.m. ET to reporters.",
        "Shares rose 2.5% and the index hit 40,816.38 points on Monday.",
        "The company's site, example.com, was down.",
    ],
)
def test_abbreviations_initials_and_numbers_do_not_split(text: str) -> None:
    assert sentences(text) == [text]


def test_us_followed_by_a_sentence_opener_splits() -> None:
    assert sentences("He flew to the U.S. The talks began later.") == [
        "He flew to the U.S.",
        "The talks began later.",
    ]


def test_question_and_exclamation_and_closing_quote() -> None:
    assert sentences("“Who can we trust?” she asked. It was late! Nobody came.") == [
        "“Who can we trust?” she asked.",
        "It was late!",
        "Nobody came.",
    ]


def test_sentence_offsets_point_into_the_text() -> None:
    text = "Headline Without Stop\nFirst sentence.  Second one.\n"
    doc = build_document(text)
    for s in doc.sentences:
        assert text[s.start : s.end].strip() == text[s.start : s.end]
        assert doc.sentence_at(s.start) == s


# ------------------------------------------------------------------ quotes


def test_quote_over_two_paragraphs_is_one_group_and_byline_names_the_speaker() -> None:
    text = (
        "The analyst wrote a long note.\n"
        "“Growth will slow next year, and exports will fall.\n"
        "“Rates must therefore stay where they are.”\n"
        "Jane Doe\n"
    )
    doc = build_document(text)
    parts = [(text[q.start : q.end], q.closed) for q in doc.quotes]
    assert parts == [
        ("Growth will slow next year, and exports will fall.", False),
        ("Rates must therefore stay where they are.", True),
    ]
    assert len({q.group for q in doc.quotes}) == 1
    assert doc.sentences[-1].kind == "byline"


def test_unclosed_quote_without_continuation_stops_at_its_paragraph() -> None:
    text = "He said “this is unfinished\nThe next paragraph is narration.\n"
    paras = split_paragraphs(text)
    quotes = find_quotes(text, paras)
    assert [text[q.start : q.end] for q in quotes] == ["this is unfinished"]


def test_nested_single_quotes_stay_inside_and_double_apostrophe_closes() -> None:
    text = "“They call it an ‘Istanbul-2’ process,’’ the expert said."
    (q,) = find_quotes(text, split_paragraphs(text))
    assert text[q.start : q.end] == "They call it an ‘Istanbul-2’ process,"


def test_straight_quotes() -> None:
    text = 'The minister said: "We will not back down." Then she left.'
    (q,) = find_quotes(text, split_paragraphs(text))
    assert text[q.start : q.end] == "We will not back down."


def test_ten_thousand_unbalanced_marks_are_handled_quickly() -> None:
    text = "“word " * 10_000 + "end."
    doc = build_document(text)
    assert len(doc.quotes) == 1


# ------------------------------------------------------------------ kinds


def test_headline_byline_boilerplate_and_body() -> None:
    text = (
        "Markets Rally As Rates Fall\n"
        "By Jane Doe and John Roe\n"
        "Stocks rose on Monday after the central bank cut rates.\n"
        "READ ALSO: Ten things to know about rates\n"
        "Follow us on social media for more updates\n"
        "Write to Jane Doe at jane.doe@example.com\n"
        "___\n"
    )
    assert [k for _, k in kinds(text)] == [
        "headline",
        "byline",
        "body",
        "boilerplate",
        "boilerplate",
        "boilerplate",
        "boilerplate",
    ]


def test_a_sentence_quoting_a_link_is_not_boilerplate() -> None:
    text = "“Visit https://example.org for the facts,” the campaign said in a statement on Monday.\n"
    assert kinds(text)[0][1] == "body"


# ------------------------------------------------------------------ publication date


def test_publication_date_is_inferred_where_the_text_states_it() -> None:
    text = "He will meet him today, Thursday, May 15, 2025, in the capital."
    found = infer_published(text)
    assert found is not None
    d, (a, b) = found
    assert d == date(2025, 5, 15)
    assert text[a:b] == "Thursday, May 15, 2025"


def test_argument_wins_over_the_text_and_absence_is_unknown() -> None:
    text = "The summit opens today, Monday, 3 March 2025, in Paris."
    assert build_document(text, published=date(2025, 3, 4)).published == date(2025, 3, 4)
    assert build_document(text).published_from == "text"
    plain = build_document("Talks resumed last week in Paris.")
    assert plain.published is None and plain.published_from == "unknown"


def test_outlet_from_a_dateline_or_the_page_boilerplate() -> None:
    from briefing.ingest import infer_outlet

    wire = build_document("Talks Stall\nGENEVA (Reuters) — Talks stalled on Monday, envoys said.\n")
    found = infer_outlet(wire)
    assert found is not None and found[0] == "Reuters"
    page = build_document("Talks stalled on Monday.\nRead more stories like this on Examplenews.com today\n")
    assert infer_outlet(page)[0] == "Examplenews.com"
    assert infer_outlet(build_document("Talks stalled on Monday, envoys said.\n")) is None


def test_wire_and_newspaper_furniture_is_boilerplate() -> None:
    text = (
        "Rates Held\n"
        "The central bank held rates on Thursday.\n"
        "(Reporting by Jane Doe in Seoul; Editing by John Roe)\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n"
        "Associated Press writer Ann Lee in Denver contributed to this report.\n"
        "The views expressed in this column are the author's own.\n"
        "Want more analysis like this? Sign up for our newsletter.\n"
        "For more than a decade the bank has held rates in winter.\n"
    )
    assert [k for _, k in kinds(text)][1:] == ["body"] + ["boilerplate"] * 6 + ["body"]  # 2 in the last


def test_a_date_line_under_the_headline_is_the_publication_date() -> None:
    cases = {
        "Rates held\nBy Jane Doe\nTue 24 Mar 2026 06.00 GMT\nThe bank held rates on Sunday.\n": date(
            2026, 3, 24
        ),
        "Rates held\nFriday 29 August 2025 18:05, UK\nThe bank held rates.\n": date(2025, 8, 29),
        "Rates held\nJane Doe / TNN / Updated: Jun 10, 2025, 13:41 IST\nThe bank held rates.\n": date(
            2025, 6, 10
        ),
        "Rates held\nMarch 18, 2026 1:05 pm CET\nThe bank held rates.\n": date(2026, 3, 18),
    }
    for text, want in cases.items():
        found = infer_published(text)
        assert found is not None and found[0] == want, text
    story = "Rates held\n" + "The bank met.\n" * 8 + "Monday 3 March 2025\n"
    assert infer_published(story) is None  # a date deep in the story is not the publication's
