"""Timeline stage: time expressions on our own sentences, resolved against a fixed publication date."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.ingest import build_document
from briefing.model import Actor, ActorIndex, Mention
from briefing.timeline import clause_tense, find_events, find_time_expressions, spoken_year

THURSDAY = date(2025, 5, 15)  # a Thursday


def resolve(sentence: str, published: date | None = THURSDAY) -> list[tuple[str, str, str]]:
    return [(e.text, e.date, e.precision) for e in find_time_expressions(sentence, published)]


def only(sentence: str, published: date | None = THURSDAY) -> tuple[str, str]:
    found = resolve(sentence, published)
    assert len(found) == 1, found
    return found[0][1], found[0][2]


# ------------------------------------------------------------------ weekdays and tense


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("The minister will arrive in Oslo on Thursday.", "2025-05-15"),
        ("The mayor is due in the capital on Thursday, where she will open a bridge.", "2025-05-15"),
        ("The board met late on Wednesday to approve the budget.", "2025-05-14"),
        ("The union said on Monday that it would strike.", "2025-05-12"),
        ("The council is scheduled to vote on Saturday.", "2025-05-17"),
        ("Extremists struck again, before talks set to resume Monday in the capital.", "2025-05-19"),
        ("The firm reports results Friday.", "2025-05-16"),
        ("The committee met early Tuesday.", "2025-05-13"),
        ("Protests followed Tuesday's vote.", "2025-05-13"),
        ("The ferry sailed last Thursday.", "2025-05-08"),
        ("The talks resume next Monday.", "2025-05-19"),
    ],
)
def test_weekdays_follow_the_tense(sentence: str, want: str) -> None:
    assert only(sentence) == (want, "day")


def test_clause_tense_prefers_the_nearest_cue() -> None:
    text = "The agency said late on Wednesday that the minister will resign."
    i = text.index("late")
    assert clause_tense(text, 0, len(text), i, i + len("late on Wednesday")) == "past"


# ------------------------------------------------------------------ explicit dates


@pytest.mark.parametrize(
    ("sentence", "want", "precision"),
    [
        ("The treaty was signed on Friday, March 7, 2014, in Vienna.", "2014-03-07", "day"),
        ("The report is dated 3 June 2021.", "2021-06-03", "day"),
        ("Filed on 2023-09-30 with the regulator.", "2023-09-30", "day"),
        ("The referendum will be held on Jan. 9.", "2026-01-09", "day"),
        ("The shipment left port on April 28.", "2025-04-28", "day"),
        ("Voters go to the polls on June 1.", "2025-06-01", "day"),
        ("The strike lasted from June 3-5, 2019.", "2019-06-03/2019-06-05", "range"),
        ("Prices peaked in October 1987.", "1987-10", "month"),
        ("The dam was built in 1962.", "1962", "year"),
        ("The flood of 1953 is remembered.", "1953", "year"),
        ("The works ran from 2016 to 2019.", "2016/2019", "range"),
        ("Sales boomed in the 1980s.", "1980/1989", "range"),
        ("The plan was drafted in mid-2008.", "2008", "year"),
        ("Fighting peaked in June–August 2016.", "2016-06/2016-08", "range"),
    ],
)
def test_explicit_dates(sentence: str, want: str, precision: str) -> None:
    assert only(sentence) == (want, precision)


def test_month_range_across_two_months() -> None:
    assert only("The negotiations of March–April 2022 failed.") == ("2022-03/2022-04", "range")


def test_weekday_fixes_the_year_of_a_month_day() -> None:
    assert only("The market opens on Sunday, May 10.", date(2026, 5, 1)) == ("2026-05-10", "day")


def test_spoken_years() -> None:
    assert spoken_year("nineteen eighty-four") == 1984
    assert spoken_year("two thousand") == 2000
    assert only("It began in nineteen seventy-two.") == ("1972", "year")


# ------------------------------------------------------------------ relative expressions


@pytest.mark.parametrize(
    ("sentence", "want", "precision"),
    [
        ("The bank raised rates last week.", "2025-05-05/2025-05-11", "week"),
        ("The bank raised rates last month.", "2025-04", "month"),
        ("The bank will cut rates next year.", "2026", "year"),
        ("Growth slowed last year.", "2024", "year"),
        ("Inflation rose this week.", "2025-05-12/2025-05-18", "week"),
        ("The clinic opened earlier this month.", "2025-05-01/2025-05-14", "range"),
        ("The bridge will open later this year.", "2025-05-16/2025-12-31", "range"),
        ("The court ruled today.", "2025-05-15", "day"),
        ("The court ruled yesterday.", "2025-05-14", "day"),
        ("The court rules tomorrow.", "2025-05-16", "day"),
        ("The mine closed two years ago.", "2023", "year"),
        ("The mine closed 10 days ago.", "2025-05-05", "day"),
        ("Shares rose 12% year to date.", "2025-01-01/2025-05-15", "range"),
        ("Over the last few months, exports fell.", "2025-02/2025-05", "range"),
        ("The villagers left last May.", "2024-05", "month"),
        ("The harvest begins in September.", "2025-09", "month"),
        ("The harvest ended in January.", "2025-01", "month"),
    ],
)
def test_relative_expressions(sentence: str, want: str, precision: str) -> None:
    assert only(sentence) == (want, precision)


def test_durations_without_anchor_are_not_dates() -> None:
    assert only("The agency had for several days refused to comment.") == ("", "duration")
    assert only("Their first meeting in more than three years.") == ("", "duration")


def test_relative_dates_stay_unresolved_without_publication_date() -> None:
    assert only("The bank raised rates last week.", None) == ("", "unknown")
    assert only("The minister will arrive on Thursday.", None) == ("", "unknown")
    assert only("The dam was built in 1962.", None) == ("1962", "year")


def test_the_following_year_takes_the_last_year_named() -> None:
    assert resolve("The plant opened in 1994 and closed the following year.")[1][1] == "1995"


# ------------------------------------------------------------------ quarters and fiscal years


def test_quarters_calendar_and_named() -> None:
    pub = date(2019, 11, 20)
    assert only("Profit rose in the third quarter.", pub) == ("2019-07/2019-09", "range")
    assert only("Profit rose in Q1 2018.", pub) == ("2018-01/2018-03", "range")
    assert only("The June quarter was weak.", pub) == ("2019-04/2019-06", "range")


def test_fiscal_years_follow_the_convention_the_text_shows() -> None:
    pub = date(2019, 11, 20)
    assert only("Targets for fiscal 2020 were cut.", pub) == ("2020", "fiscal")  # calendar stand-in
    assert only("Targets for fiscal 2019-20 were cut.", pub) == ("", "unknown")  # whose year?
    indian = "The Nifty rallied. Analysts expect earnings growth over FY2021-23."
    assert resolve(indian, pub)[-1][1:] == ("2020-04/2023-03", "range")


# ------------------------------------------------------------------ things that are not dates


@pytest.mark.parametrize(
    "sentence",
    [
        "The index closed at 40,816.38 points.",
        "The shares cost $2.53 each.",
        "Unemployment fell to 5%.",
        "Police deployed 2000 officers.",
        "Growth may return, analysts say.",
        "Thousands joined the march.",
    ],
)
def test_numbers_and_words_that_are_not_dates(sentence: str) -> None:
    assert resolve(sentence) == []


# ------------------------------------------------------------------ events


def test_events_carry_sentence_actors_and_tense() -> None:
    text = "Harbour Strike Ends\nThe dockers' union ended its strike on Tuesday after talks with the port.\n"
    doc = build_document(text, "t.txt", THURSDAY)
    start = text.index("The dockers")
    union = Actor("A1", "Dockers' Union", "organisation")
    idx = ActorIndex(
        (union,), (Mention("A1", "The dockers' union", start, start + len("The dockers' union")),)
    )
    events = find_events(doc, idx, [])
    assert len(events) == 1
    e = events[0]
    assert (e.date_text, e.date, e.precision, e.tense) == ("on Tuesday", "2025-05-13", "day", "past")
    assert e.actor_ids == ("A1",)
    assert "ended its strike" in e.description
    assert e.sentence_id == doc.sentence_at(e.start).id


def test_events_skip_boilerplate() -> None:
    text = "The port reopened on Monday after a long strike by the dockers.\nREAD ALSO: Strike of 2019 ends\n"
    events = find_events(build_document(text, "t.txt", THURSDAY), ActorIndex(), [])
    assert [e.date_text for e in events] == ["on Monday"]


def test_long_input_is_linear_enough() -> None:
    sentence = "The council met on Tuesday and will vote next month on the 2026 budget. "
    found = find_time_expressions(sentence * 5000, THURSDAY)
    assert len(found) == 15000


def test_event_tense_follows_the_resolved_date() -> None:
    text = "The election is on Dec. 12, and the party lost a vote last week.\n"
    events = find_events(build_document(text, "t.txt", date(2019, 11, 20)), ActorIndex(), [])
    got = [(e.date, e.tense) for e in events]
    assert got == [("2019-12-12", "planned"), ("2019-11-11/2019-11-17", "past")]


def test_anaphoric_days_take_the_day_last_named() -> None:
    found = resolve("The strike began on March 3. That day, the port closed. The next day ships waited.")
    assert [(t, d) for t, d, _ in found] == [
        ("on March 3", "2025-03-03"),
        ("That day", "2025-03-03"),
        ("The next day", "2025-03-04"),
    ]
    assert only("The envoy reached the border later in the day.") == ("2025-05-15", "day")
    assert only("He died on the same day.") == ("", "unknown")  # no day named before it


def test_the_nth_day_of_something_ongoing_is_today() -> None:
    assert only("It's the second day of an offensive in the north.") == ("2025-05-15", "day")
    assert resolve("It was the 20th day of the siege.") == []  # no anchor for a past count


def test_deadlines_days_before_months_and_periods_of_next_year() -> None:
    tuesday = date(2026, 2, 10)
    assert only("She called for talks with union leaders by Friday.", tuesday) == ("2026-02-13", "day")
    assert only("Strikes were held between 4 and 6 February.", tuesday) == ("2026-02-04/2026-02-06", "range")
    assert only("The review body reports on 2 March.", tuesday) == ("2026-03-02", "day")
    assert only("No recovery is assumed before the second half of next year.", tuesday) == (
        "2027-07/2027-12",
        "range",
    )
    assert only("Local elections are due in May.", tuesday) == ("2026-05", "month")
    assert only("The law was signed in May and was set to take effect later.", tuesday) == (
        "2025-05",
        "month",
    )


def test_a_year_earlier_shifts_the_period_last_named() -> None:
    found = resolve("Orders fell 3% in the third quarter from a year earlier.", date(2025, 1, 15))
    assert [(t, d) for t, d, _ in found] == [
        ("in the third quarter", "2024-07/2024-09"),
        ("a year earlier", "2023-07/2023-09"),
    ]
