"""One capitalised word that no full name explains: a surname, a party, an organisation, or nothing."""

from __future__ import annotations

from tests.actor_cases import actor, kinds, run, surfaces


def test_a_surname_alone_keeps_the_kind_of_its_full_name() -> None:
    idx = run(
        "Harlan Voss, the county treasurer, spoke first.\n"
        "Later, Voss reported that the fund had lost money.\n"
    )
    voss = actor(idx, "Harlan Voss")
    assert surfaces(idx, voss).count("Voss") == 1
    assert "Voss" not in kinds(idx)  # no organisation "Voss" from "Voss reported"


def test_a_titled_surname_and_a_surname_taken_up_by_he_are_people() -> None:
    found = kinds(
        run(
            "President Okafor’s advice was ignored, and Okafor would not resign.\n"
            "Adeyemi told the Guardian he was not surprised.\n"
            "Kestrel said on Monday it would cut 300 jobs.\n"
        )
    )
    assert found.get("Okafor") == "person"
    assert found.get("Adeyemi") == "person"
    assert found.get("Kestrel") == "organisation"


def test_the_models_person_counts_only_for_a_speaker_and_a_possessive_name_is_a_business() -> None:
    found = kinds(
        run(
            "The video cut off her answer to a question about Brexit, and Brexit came up on Twitter.\n"
            "Shares of Tandry’s (TND) rose. Tandry’s reports earnings on Friday.\n"
        )
    )
    assert found.get("Brexit") != "person"
    assert found.get("Tandry") == "organisation"


def test_news_agencies_and_bodies_the_model_knows_are_organisations() -> None:
    found = kinds(
        run(
            "The decision was in line with a Reuters poll last week.\n"
            "The law, which the Democrat-led Legislature passed in May, was blocked. Critics called it a "
            "rebuke to a Legislature that ignored voters.\n"
        )
    )
    assert found.get("Reuters") == "organisation"
    assert found.get("Legislature") == "organisation"


def test_party_words_are_one_actor_per_party() -> None:
    idx = run(
        "State Sen. Rick Vane, a Joplin Republican who sponsored the bill, said the Republican-led "
        "Legislature acted. Republicans said the GOP would win.\n"
        "Former Liberal Democrat leader Nick Clegg said the Tories lied, and the Conservatives denied it.\n"
    )
    found = kinds(idx)
    assert "Joplin Republican" not in found and found["Rick Vane"] == "person"
    gop = actor(idx, "Republican Party")
    assert {"Republican", "Republicans", "GOP"} <= set(surfaces(idx, gop))
    assert found.get("Liberal Democrats") == "organisation" and "Democratic Party" not in found
    assert {"Tories", "Conservatives"} <= set(surfaces(idx, actor(idx, "Conservative Party")))


def test_a_name_that_starts_over_inside_itself_is_the_shorter_name() -> None:
    idx = run(
        "Ali Musa, the regional governor, said the road was closed.\n"
        "On Tuesday Ali Musa Ali told reporters the road had reopened.\n"
    )
    people = [a.name for a in idx.actors if a.kind == "person"]
    assert people == ["Ali Musa"]
    assert surfaces(idx, actor(idx, "Ali Musa")).count("Ali Musa") == 2


def test_a_three_part_name_repeating_a_word_is_kept_when_nothing_says_otherwise() -> None:
    idx = run("Mohamed Ali Mohamed, the port's director, said the ships were delayed.\n")
    assert actor(idx, "Mohamed Ali Mohamed").kind == "person"


def test_a_speaker_is_read_from_the_parse_and_a_people_is_a_group_but_its_adjective_nothing() -> None:
    found = kinds(
        run(
            "Arab states objected, and Hispanics said they were worried.\n"
            "Dr Ana Feld wrote in a post on X that the paper was sound, and Nordwind said it agreed.\n"
        )
    )
    assert "Arab" not in found  # "states" is a noun here, not "Arab states (that) ..."
    assert found.get("Hispanics") == "group"
    assert found.get("X") == "organisation" and found.get("Nordwind") == "organisation"
