"""Acts, matters and points of dispute on our own sentences (analysis stage)."""

from __future__ import annotations

import pytest

from briefing.analysis import analyse
from tests.test_analysis_support import Said, Story, Who

TEXT = "\n".join(
    [
        "Harbour Pay Dispute Deepens",
        "The Dockworkers Union demanded a 10 per cent pay rise on Monday.",
        "The port authority said it would not raise pay this year.",
        "Union leader Tomas Brandt said the port must reopen talks before Friday.",
        "Port chief Elena Varga accused the union of blocking the harbour gates.",
        "The union rejected the accusation as baseless.",
        "Varga proposed holding new talks in Karvik next week.",
        "Varga also said the rules a ship must follow are old.",
        "Brandt vowed to keep the gates closed until a deal is signed.",
        "",
    ]
)
PEOPLE = [
    Who("A1", "Dockworkers Union", "organisation", "union", ("The union", "the union")),
    Who("A2", "port authority", "organisation", "port"),
    Who("A3", "Tomas Brandt", "person", "union", ("Brandt",)),
    Who("A4", "Elena Varga", "person", "port", ("Varga",)),
]
SAID = [
    Said("C1", "A2", "said", "it would not raise pay this year."),
    Said("C2", "A3", "said", "the port must reopen talks before Friday."),
    Said("C3", "A4", "accused", "the union of blocking the harbour gates."),
    Said("C4", "A1", "rejected", "the accusation as baseless."),
    Said("C5", "A4", "proposed", "holding new talks in Karvik next week."),
    Said("C6", "A4", "said", "the rules a ship must follow are old."),
    Said("C7", "A3", "vowed", "to keep the gates closed until a deal is signed."),
]


@pytest.fixture(scope="module")
def an():
    return analyse(Story(TEXT, PEOPLE, SAID).extraction())


def acts(an) -> dict[str, str]:
    return {p.claim_id: p.act for p in an.positions if p.claim_id}


def test_acts_from_the_cue_verb(an):
    got = acts(an)
    assert got["C3"] == "accusation"  # accused
    assert got["C5"] == "proposal"  # proposed: a proposal, not a demand
    assert got["C7"] == "promise"  # vowed


def test_acts_from_what_is_said(an):
    got = acts(an)
    assert got["C1"] == "refusal"  # "it would not raise pay"
    assert got["C2"] == "demand"  # "the port must reopen talks"
    assert got["C6"] == "statement"  # "must" inside "the rules a ship must follow" demands nothing


def test_rejecting_an_accusation_is_a_denial(an):
    assert acts(an)["C4"] == "denial"


def test_an_act_the_text_reports_without_a_quote_is_a_position(an):
    reported = [p for p in an.positions if not p.claim_id]
    demand = [p for p in reported if p.actor_id == "A1" and p.act == "demand"]
    assert len(demand) == 1
    assert "pay rise" in demand[0].text and "pay" in demand[0].keys
    assert TEXT[demand[0].start : demand[0].end] == demand[0].text


def test_matters_are_the_articles_own_noun_phrases(an):
    by_claim = {p.claim_id: p for p in an.positions}
    assert by_claim["C2"].matter == "talks"
    assert TEXT[by_claim["C2"].matter_start : by_claim["C2"].matter_end] == "talks"
    assert {"talks"} <= set(by_claim["C5"].keys)
    keys = {m.key for m in an.matters}
    assert "pay" in keys and "talks" in keys  # matters more than one party speaks to


def test_demand_and_refusal_on_one_matter_are_a_dispute(an):
    pairs = {(d.a_act, d.b_act, d.a_actor_id, d.b_actor_id): d for d in an.disputes}
    d = pairs[("demand", "refusal", "A1", "A2")]
    assert "pay" in d.matter
    assert TEXT[d.a_start : d.a_end].startswith("demanded a 10 per cent pay rise")
    assert TEXT[d.b_start : d.b_end] == "it would not raise pay this year."


def test_a_denial_answers_the_accusation_it_names(an):
    d = [d for d in an.disputes if d.kind == "accusation / denial"]
    assert len(d) == 1 and (d[0].a_claim_id, d[0].b_claim_id) == ("C3", "C4")


def test_one_side_is_never_in_dispute_with_itself(an):
    sides = {"A1": "union", "A3": "union", "A2": "port", "A4": "port"}
    assert all(sides[d.a_actor_id] != sides[d.b_actor_id] for d in an.disputes)
