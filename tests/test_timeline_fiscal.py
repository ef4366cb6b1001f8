"""A company's own periods: fiscal labels the text defines, fiscal labels it does not, and periods it
closes with a date. Every sentence is made up for the test; publication dates are fixed."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.timeline import find_time_expressions

NOV_5 = date(2024, 11, 5)


def periods(text: str, published: date = NOV_5) -> list[tuple[str, str, str]]:
    return [(e.text, e.date, e.precision) for e in find_time_expressions(text, published)]


def of(text: str, expression: str, published: date = NOV_5) -> tuple[str, str]:
    hits = [(d, p) for t, d, p in periods(text, published) if t == expression]
    assert len(hits) == 1, periods(text, published)
    return hits[0]


# ------------------------------------------------------------------ labels the text does not define


@pytest.mark.parametrize(
    ("sentence", "expression", "want"),
    [
        ("The toolmaker expects fiscal 2025 sales to rise.", "fiscal 2025", "2025"),
        ("Its FY2024 margins were thin.", "FY2024", "2024"),
        (
            "The grocer lost money in the fiscal third quarter.",
            "in the fiscal third quarter",
            "2024-07/2024-09",
        ),
        (
            "It earned more in the fiscal second-quarter than analysts thought.",
            "in the fiscal second-quarter",
            "2024-04/2024-06",
        ),
        ("Sales in the latest fiscal year reached $2 billion.", "the latest fiscal year", "2023"),
        ("Margins should widen this fiscal year.", "this fiscal year", "2024"),
        ("Margins narrowed last fiscal year.", "last fiscal year", "2023"),
    ],
)
def test_an_undefined_fiscal_label_is_the_calendar_period_of_that_name(
    sentence: str, expression: str, want: str
) -> None:
    assert of(sentence, expression) == (want, "fiscal")


def test_what_refers_back_to_a_fiscal_stand_in_is_approximate_too() -> None:
    text = (
        "The chipmaker earned $40 million in the fiscal first quarter, up from $31 million a year "
        "earlier. Sales in the quarter rose 9%."
    )
    assert periods(text)[1:] == [
        ("a year earlier", "2023-01/2023-03", "fiscal"),
        ("the quarter", "2024-01/2024-03", "fiscal"),
    ]


# ------------------------------------------------------------------ periods the text closes with a date


@pytest.mark.parametrize(
    ("sentence", "expression", "want"),
    [
        (
            "The brewer's fourth quarter ended Aug. 31 brought record sales.",
            "fourth quarter",
            "2024-06/2024-08",
        ),
        ("Revenue for the quarter ended July 27 rose 4%.", "the quarter", "2024-05/2024-07"),
        ("It expects a loss in the year ending June 30, 2025.", "the year", "2024-07/2025-06"),
        # a 52-week year closing early in a month closes the month before
        ("Net income for the six months ended Oct. 2 doubled.", "the six months", "2024-04/2024-09"),
        (
            "Sales for its fiscal first quarter, which ended Sept. 29, were flat.",
            "fiscal first quarter",
            "2024-07/2024-09",
        ),
    ],
)
def test_a_period_the_text_closes_with_a_date_is_that_period(
    sentence: str, expression: str, want: str
) -> None:
    assert of(sentence, expression) == (want, "range")


def test_a_defined_fiscal_year_sets_the_company_calendar_for_later_labels() -> None:
    text = (
        "In the fiscal year ended Jan. 31, the furniture chain sold $80 million of sofas. It expects "
        "fiscal 2025 sales to grow, though its fiscal third quarter was weak and last fiscal year was worse."
    )
    assert periods(text) == [
        ("the fiscal year", "2023-02/2024-01", "range"),
        ("Jan. 31", "2024-01-31", "day"),
        ("fiscal 2025", "2025-02/2026-01", "range"),  # a year ending in January is named by its start
        ("fiscal third quarter", "2024-08/2024-10", "range"),
        ("last fiscal year", "2023-02/2024-01", "range"),
    ]


def test_a_fiscal_quarter_closed_by_a_date_tells_the_year_end() -> None:
    text = "Its fiscal first quarter ended Sept. 30. In fiscal 2024 the company earned $5 million."
    assert of(text, "fiscal 2024") == ("2023-07/2024-06", "range")  # a June year is named by its end


def test_the_fiscal_year_of_a_quarter_closed_by_a_date() -> None:
    text = "Earnings for its fourth quarter ended Sept. 30 fell, which will cut profit for the fiscal year."
    assert of(text, "the fiscal year") == ("2023-10/2024-09", "range")


def test_the_indian_convention_still_wins() -> None:
    text = "The Sensex rose. Infosys raised its FY25 guidance, and Rs 500 crore was set aside."
    assert of(text, "FY25") == ("2024-04/2025-03", "range")


def test_a_fiscal_year_that_ends_ahead_is_defined_by_that_end() -> None:
    text = "The deficit for this fiscal year, which ends Sept. 30, will grow. In fiscal 2026 it falls."
    assert of(text, "this fiscal year", date(2025, 1, 20)) == ("2024-10/2025-09", "range")
    assert of(text, "fiscal 2026", date(2025, 1, 20)) == ("2025-10/2026-09", "range")


def test_the_day_a_period_ended_is_past_even_days_ahead_on_the_calendar() -> None:
    text = "In the year-ago period, the second quarter ended Oct. 31, the chain lost money."
    found = periods(text, date(2024, 10, 27))
    assert found[-2:] == [
        ("the second quarter", "2023-08/2023-10", "range"),
        ("Oct. 31", "2023-10-31", "day"),
    ]
