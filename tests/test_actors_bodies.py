"""Bodies the text names without a proper name: the government, the prime minister, the police, a state
government, a city's council."""

from __future__ import annotations

from tests.actor_cases import actor, kinds, run, surfaces


def test_the_government_and_an_unnamed_prime_minister_belong_to_the_state_of_its_seats() -> None:
    idx = run(
        "The minister defended the government’s pay offer on Monday.\n"
        "Downing Street said the prime minister had full confidence in the minister. No 10 also denied "
        "that the offer had been agreed in advance.\n"
    )
    gov = actor(idx, "Government of United Kingdom")
    assert "the government" in surfaces(idx, gov)
    pm = actor(idx, "Prime Minister of United Kingdom")
    assert pm.kind == "person" and "the prime minister" in surfaces(idx, pm)
    assert surfaces(idx, actor(idx, "Downing Street")) == ["Downing Street", "No 10"]


def test_a_named_prime_minister_takes_the_office_and_no_office_is_invented_without_a_state() -> None:
    idx = run(
        "Prime Minister Ana Lund said on Monday that the deal was done.\n"
        "Critics said the prime minister had moved too fast.\n"
    )
    assert "the prime minister" in surfaces(idx, actor(idx, "Ana Lund"))
    alone = run("The company said the prime minister had not called.\n")
    assert all(a.kind != "person" for a in alone.actors), kinds(alone)


def test_local_bodies_police_and_state_governments() -> None:
    idx = run(
        "Three people were killed when a hoarding collapsed, according to police.\n"
        "The firm had been blacklisted by the neighbouring Varna municipal corporation in 2023.\n"
        "Inspector Rahul Desai, spokesperson for the Dorvan city police, said a case was registered.\n"
        "The state government announced compensation for the families.\n"
    )
    found = kinds(idx)
    assert found.get("Varna municipal corporation") == "organisation", found
    police = actor(idx, "Dorvan city police")
    assert "police" in surfaces(idx, police)  # "according to police": the one force the article names
    assert "The state government" in surfaces(idx, actor(idx, "State government"))


def test_a_state_government_is_the_us_state_the_article_is_about() -> None:
    idx = run(
        "Missouri passed the law in May, and a judge in Missouri blocked it on Tuesday.\n"
        "It is the latest fight between the Republican-controlled state government and its cities.\n"
    )
    missouri = actor(idx, "Missouri")
    assert "the Republican-controlled state government" in surfaces(idx, missouri)
    assert "State government" not in kinds(idx)
