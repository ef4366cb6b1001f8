"""Datelines, venues and metonyms: where a story happens is a place, not an actor."""

from __future__ import annotations

from tests.actor_cases import actor, kinds, run, surfaces


def test_a_dateline_is_a_place_never_an_organisation_or_a_state() -> None:
    found = kinds(
        run(
            "GENEVA (Reuters) - The agency said the outbreak was not yet a pandemic.\n"
            "KINGSFORD CITY, Mo. (AP) — A judge blocked the law on Tuesday.\n"
            "WASHINGTON (AP) — Officials said the talks would resume.\n"
        )
    )
    assert found.get("Geneva") == "place" and found.get("Kingsford City") == "place", found
    assert "GENEVA" not in found and "KINGSFORD CITY" not in found
    assert "United States" not in found  # the dateline's city is not the government it stands for


def test_a_summit_host_city_is_a_venue_not_a_state_actor() -> None:
    found = kinds(
        run(
            "Leaders gathered in Canberra for the summit, where Mark Rutte said the alliance was united.\n"
            "Pressure on Beijing grew, and Beijing said it would not bow.\n"
        )
    )
    assert "Australia" not in found and found.get("Canberra") == "place"
    assert found.get("China") == "state"


def test_a_venue_city_of_a_state_the_text_names_adds_no_actor() -> None:
    idx = run(
        "Egypt accused Ethiopia of bad faith. The minister spoke to reporters in Addis Ababa on Tuesday.\n"
    )
    assert "Addis Ababa" not in kinds(idx) and "Addis Ababa" not in surfaces(idx, actor(idx, "Ethiopia"))


def test_a_seat_stands_for_the_body_named_in_the_metonym_table_but_not_as_a_venue() -> None:
    idx = run(
        "Washington has accused Brussels of unfairly targeting tech firms. Brussels insisted the fine was "
        "fair, and the European Commission said it would not back down. Leaders met in Brussels.\n"
    )
    commission = actor(idx, "European Commission")
    assert surfaces(idx, commission).count("Brussels") == 2
    assert kinds(idx).get("Brussels") == "place" and "Belgium" not in kinds(idx)


def test_the_commission_is_the_one_named_last_of_several() -> None:
    idx = run(
        "The State Election Commission published the results on Monday.\n"
        "Brussels said it looked forward to working with the winner, and there was relief in the "
        "Commission after a long dispute.\n"
    )
    assert "Commission" in surfaces(idx, actor(idx, "European Commission"))
    assert "Commission" not in kinds(idx)
