"""Timeline conventions of news (TimeML): periods a report refers back to, comparisons, anaphora.

Every sentence here is made up for the test; publication dates are fixed.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefing.timeline import find_time_expressions

NOV_2 = date(2023, 11, 2)  # a Thursday, a month after the third quarter ended


def dated(text: str, published: date | None = NOV_2) -> list[tuple[str, str]]:
    return [(e.text, e.date) for e in find_time_expressions(text, published)]


def value_of(text: str, expression: str, published: date | None = NOV_2) -> str:
    hits = [d for t, d in dated(text, published) if t == expression]
    assert len(hits) == 1, dated(text, published)
    return hits[0]


# ------------------------------------------------------------------ months named with "last"


@pytest.mark.parametrize(
    ("sentence", "published", "want"),
    [
        ("The ferry line closed last April.", date(2023, 10, 20), "2023-04"),
        ("The ferry line closed last September.", date(2023, 10, 20), "2022-09"),  # that one is "last month"
        ("The ferry line closed last October.", date(2023, 10, 20), "2022-10"),
        ("The ferry line closed last December.", date(2024, 1, 20), "2022-12"),
    ],
)
def test_last_month_name_skips_the_month_just_ended(sentence: str, published: date, want: str) -> None:
    assert dated(sentence, published) == [(sentence.split(" closed ")[1].rstrip("."), want)]


# ------------------------------------------------------------------ the period a company reports on

RESULTS = (
    "Harbour Mills said third-quarter profit rose 8% to $40 million from $37 million a year ago. "
    "Sales in the quarter rose to $900 million. In the year-ago quarter, the mill took a charge. "
    "Year-earlier results were restated. The latest period also had a tax credit, unlike the 2022 period."
)


def test_a_report_names_its_quarter_once_and_refers_back_to_it() -> None:
    assert dated(RESULTS) == [
        ("third-quarter", "2023-07/2023-09"),
        ("a year ago", "2022-07/2022-09"),
        ("the quarter", "2023-07/2023-09"),
        ("the year-ago quarter", "2022-07/2022-09"),
        ("Year-earlier", "2022-07/2022-09"),
        ("The latest period", "2023-07/2023-09"),
        ("the 2022 period", "2022-07/2022-09"),
    ]


def test_the_quarter_before_any_is_named_is_the_latest_ended() -> None:
    assert dated("Output fell in the latest quarter.") == [("the latest quarter", "2023-07/2023-09")]
    assert dated("Output is rising in the current quarter.") == [("the current quarter", "2023-10/2023-12")]


def test_a_quarter_still_ahead_is_not_the_one_reported_on() -> None:
    text = "The brewer expects a loss in the fourth quarter. In the quarter, sales fell."
    assert value_of(text, "the quarter") == "2023-07/2023-09"


def test_of_two_quarters_named_the_later_ended_is_reported_on() -> None:
    text = (
        "Third-quarter net rose. After a weak second quarter, sales recovered. "
        "The year-earlier period was weak."
    )
    assert value_of(text, "The year-earlier period") == "2022-07/2022-09"
    assert value_of(text, "second quarter") == "2023-04/2023-06"


@pytest.mark.parametrize(
    ("sentence", "expression", "want"),
    [
        ("Profit in the 2021 second quarter was higher.", "the 2021 second quarter", "2021-04/2021-06"),
        (
            "The spin-off could come in next year's first quarter.",
            "next year's first quarter",
            "2024-01/2024-03",
        ),
        ("It earned less than in the quarter a year ago.", "the quarter a year ago", "2022-07/2022-09"),
        (
            "Profit beat the corresponding period last year.",
            "the corresponding period last year",
            "2022-07/2022-09",
        ),
        ("Orders exceeded last year's quarter.", "last year's quarter", "2022-07/2022-09"),
        (
            "In the year-earlier third quarter it lost money.",
            "the year-earlier third quarter",
            "2022-07/2022-09",
        ),
    ],
)
def test_named_and_year_ago_quarters(sentence: str, expression: str, want: str) -> None:
    assert value_of(sentence, expression) == want


def test_that_quarter_is_the_quarter_last_named() -> None:
    text = (
        "In the comparable year-ago quarter it lost $2 million. Results for that quarter included a charge."
    )
    assert value_of(text, "that quarter") == "2022-07/2022-09"


def test_a_quarter_point_or_a_quarter_of_something_is_no_period() -> None:
    assert dated("The bank cut rates by a quarter-point, and the quarter of voters who abstained grew.") == []


# ------------------------------------------------------------------ comparisons with a year before


def test_a_year_ago_after_a_figure_is_the_same_period_a_year_before() -> None:
    text = "Third-quarter sales rose. The unit had net income of $2 million, or 3 cents a share, a year ago."
    assert value_of(text, "a year ago") == "2022-07/2022-09"


def test_a_year_earlier_compares_the_period_named_in_its_own_sentence() -> None:
    text = "Net rose in the third quarter. Exports fell 4% in September from a year earlier."
    assert value_of(text, "a year earlier") == "2022-09"


def test_a_year_ago_without_a_comparison_is_the_year() -> None:
    assert value_of("Third-quarter sales rose. A year ago, the firm moved to Ohio.", "A year ago") == "2022"


def test_last_year_stays_a_year_even_in_a_comparison() -> None:
    assert (
        value_of("Third-quarter sales fell to $3 million from $4 million last year.", "last year") == "2022"
    )


def test_nine_months_compare_as_a_year() -> None:
    text = (
        "Third-quarter profit fell. In the first nine months, net rose to $9 million "
        "from $8 million a year earlier."
    )
    assert value_of(text, "the first nine months") == "2023-01/2023-09"
    assert value_of(text, "a year earlier") == "2022"


def test_a_year_earlier_is_shifted_once_not_twice() -> None:
    text = (
        "Third-quarter net rose to $5 million from $4 million a year earlier. "
        "Sales were $9 million a year earlier."
    )
    assert [d for t, d in dated(text) if t == "a year earlier"] == ["2022-07/2022-09", "2022-07/2022-09"]


# ------------------------------------------------------------------ the year, year-end and other anaphora


@pytest.mark.parametrize(
    ("sentence", "expression", "want"),
    [
        ("The shares hit a high for the year in June.", "the year", "2023"),
        ("Sales for the full year should rise.", "the full year", "2023"),
        ("Rains delayed planting earlier in the year.", "earlier in the year", "2023"),
        ("In 2019 the plant closed, and for the year output halved.", "the year", "2019"),
        ("The deal should close by year-end.", "year-end", "2023-12-31"),
        ("The index has risen 4% since year-end.", "since year-end", "2022-12-31"),
        ("Staff will be cut by the end of the year.", "the end of the year", "2023"),
    ],
)
def test_the_year_is_the_year_the_story_is_in(sentence: str, expression: str, want: str) -> None:
    assert value_of(sentence, expression) == want


def test_a_fiscal_year_without_its_months_is_the_calendar_year() -> None:
    found = find_time_expressions("Sales in the current fiscal year will be flat.", NOV_2)
    assert [(e.date, e.precision) for e in found] == [("2023", "fiscal")]


def test_the_year_is_not_a_year_ago_or_a_written_year() -> None:
    found = [t for t, _ in dated("The year-ago figure and the year 2000 problem.")]
    assert found == ["year-ago", "2000"]


def test_anaphora_take_the_time_last_named() -> None:
    text = (
        "The mill opened in 1958. That year, the town grew. The dam failed in May 1961; the following month, "
        "the mill closed. Rights will end on Dec. 31. Until then, the shares trade."
    )
    got = dated(text)
    assert ("That year", "1958") in got
    assert ("the following month", "1961-06") in got
    assert ("Until then", "2023-12-31") in got


def test_part_of_the_day_last_named() -> None:
    text = "Markets fell on Monday. Dealers sold heavily in the morning."
    assert value_of(text, "in the morning") == "2023-10-30"


# ------------------------------------------------------------------ more news conventions


@pytest.mark.parametrize(
    ("sentence", "expression", "want"),
    [
        ("The board named her chair, effective Feb. 1.", "Feb. 1", "2024-02-01"),
        ("It declared a dividend payable Dec. 15 to holders of record.", "Dec. 15", "2023-12-15"),
        ("The network first reported the story last night.", "last night", "2023-11-01"),
        ("The bonds will be redeemed in five years.", "in five years", "2028"),
        ("The plant will reopen in 18 months.", "in 18 months", "2025-05"),
        ("Sales should recover in the last half of 2024.", "the last half of 2024", "2024-07/2024-12"),
        (
            "Losses will continue through the first two quarters of 2024.",
            "the first two quarters of 2024",
            "2024-01/2024-06",
        ),
    ],
)
def test_news_conventions(sentence: str, expression: str, want: str) -> None:
    assert value_of(sentence, expression) == want


@pytest.mark.parametrize(
    "sentence",
    [
        "It will be the first rate rise in five years.",  # a span back from now
        "The plant will hire staff in a year of rising demand.",  # "in a year" is no date ahead
        "The plant closed in five years of decline.",  # not said of the future
    ],
)
def test_in_n_years_is_a_date_only_when_it_looks_ahead(sentence: str) -> None:
    assert all(d == "" for _, d in dated(sentence))


def test_the_previous_weekday_counts_back_from_the_day_last_named() -> None:
    text = "Shares fell on Friday, down 4% from the previous Friday."
    assert dated(text) == [("on Friday", "2023-10-27"), ("the previous Friday", "2023-10-20")]


def test_this_quarter_is_the_current_one_unless_a_report_names_another() -> None:
    assert value_of("Growth should pick up this quarter.", "this quarter") == "2023-10/2023-12"
    text = "Third-quarter net fell. This quarter's loss includes a charge."
    assert value_of(text, "This quarter") == "2023-07/2023-09"


def test_a_weekday_owning_what_a_day_has_had_is_past() -> None:
    monday = date(2024, 10, 21)  # Thursday 17 lies four days back, Thursday 24 three ahead
    text = "The notes convert at a 20% premium over Thursday's closing price."
    assert dated(text, monday) == [("Thursday's", "2024-10-17")]
    assert dated("Thursday's vote is the real test.", monday) == [("Thursday's", "2024-10-24")]


def test_the_past_year_is_the_twelve_months_up_to_publication() -> None:
    assert dated("Rents have doubled over the past year.", date(2024, 10, 16)) == [
        ("over the past year", "2023-10/2024-10")
    ]


def test_around_year_end_is_december_not_its_last_day() -> None:
    assert dated("The merger should close around year-end.") == [("around year-end", "2023-12")]
    assert dated("The merger should close by year-end.") == [("year-end", "2023-12-31")]
