"""Time expressions that lean on the story around them: "overnight", "Oct. 12, the day before ...",
"this year as last", "the end of the month", "a week or so ago". Made-up sentences, fixed dates."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.timeline import find_time_expressions

MONDAY = date(2024, 10, 28)


def dated(text: str, published: date = MONDAY) -> list[tuple[str, str]]:
    return [(e.text, e.date) for e in find_time_expressions(text, published)]


def test_overnight_before_a_noun_is_the_night_before_the_day_the_story_is_at() -> None:
    text = "Tokyo stocks closed higher Friday, lifted by overnight gains on Wall Street."
    assert dated(text) == [("Friday", "2024-10-25"), ("overnight", "2024-10-24")]
    assert dated("Investors digested the overnight selloff.") == [("overnight", "2024-10-27")]


@pytest.mark.parametrize(
    "text",
    [
        "The singer became a star overnight.",  # suddenly
        "Change will not come overnight, she said.",
        "Banks lend to each other at the overnight rate.",  # a kind of rate
        "The crew flew overnight to Lagos.",  # no noun to date
    ],
)
def test_overnight_as_suddenly_or_as_a_kind_is_no_date(text: str) -> None:
    assert dated(text) == []


def test_the_day_in_apposition_is_the_day_just_named() -> None:
    text = "Ten days after Oct. 3, the day before the strike, the union had lost members."
    assert dated(text)[1:] == [("after Oct. 3", "2024-10-03"), ("the day", "2024-10-03")]
    assert dated("Nobody knew what the day before the vote would bring.") == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The payout will be twice as large this year as last.", "2023"),
        ("Fewer ships docked this month than last, the port said.", "2024-09"),
    ],
)
def test_an_elided_last_is_the_unit_before_this_one(text: str, want: str) -> None:
    assert dated(text)[-1][1] == want


def test_the_end_of_the_month_is_the_month_the_story_is_in() -> None:
    assert dated("The plant should reopen by the end of the month.") == [("the end of the month", "2024-10")]
    text = "The strike began on Aug. 3 and was over by the end of the month."
    assert dated(text) == [("on Aug. 3", "2024-08-03"), ("the end of the month", "2024-08")]


def test_or_so_is_an_approximate_count() -> None:
    assert dated("A week or so ago the board chose a new chief.") == [("A week or so ago", "2024-10")]
