"""Expert commentary on our own sentences, with actors and claims built by hand.

Experts are recognised from credentials in five shapes (appositive, relative clause, "of the X", "X, who
heads Y", a title before the name), wherever the credentials stand; institutions are kept whole and
typed; findings carry an ICD 203 term only for a likelihood, and doubt about an inference is a caveat.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from briefing.commentary import caveat, find_experts, finding_kind, likelihood
from briefing.ingest import build_document
from briefing.model import Actor, ActorIndex, Claim, Mention

TEXT = "\n".join(
    [
        "Water Talks Resume",
        "The Riverland government said it is ready for a fair deal in the talks on the dam.",
        "Maria Olsen, a senior fellow at the Delta Policy Institute, has followed the talks for years.",
        "“Their aim is to buy time before the rainy season. The reservoir will very likely run low by "
        "August,” Olsen said.",
        "Tom Berg, who heads the Northbridge Institute for Water Studies, said the talks do not necessarily "
        "mean a deal is near.",
        "Ana Ruiz of the consultancy Halvard Group wrote in a note to clients that the dam could be finished "
        "by 2027.",
        "Halden Securities strategist Lena Moss said the plan was sound.",
        "Ivo Pardo, who teaches hydrology at the University of Tarn, Eastport, said the flow data were "
        "reliable.",
        "Olsen views the chances of a deal before the rains as slim.",
        "Water Minister Karl Weiss said the dam would open on time.",
        "Sara Lind, a former judge who now leads the Unity Party, said the deal was a scandal.",
        "",
    ]
)

PEOPLE = {
    "A1": ("Riverland government", "organisation", "The Riverland government"),
    "A2": ("Maria Olsen", "person", "Maria Olsen"),
    "A3": ("Tom Berg", "person", "Tom Berg"),
    "A4": ("Ana Ruiz", "person", "Ana Ruiz"),
    "A5": ("Lena Moss", "person", "Lena Moss"),
    "A6": ("Ivo Pardo", "person", "Ivo Pardo"),
    "A7": ("Karl Weiss", "person", "Karl Weiss"),
    "A8": ("Sara Lind", "person", "Sara Lind"),
    "A9": ("Delta Policy Institute", "organisation", "Delta Policy Institute"),
    "A10": ("Northbridge Institute", "organisation", "Northbridge Institute for Water Studies"),
    "A11": ("Halden Securities", "organisation", "Halden Securities"),
    "A12": ("Unity Party", "organisation", "Unity Party"),
}


def span(part: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(part, i + 1)
    return i, i + len(part)


def claim(cid: str, who: str, mode: str, part: str, cue: str) -> Claim:
    a, b = span(part)
    # the cue of each claim is the one nearest to it
    hits = [i for i in range(len(TEXT)) if TEXT.startswith(cue, i)]
    c0 = min(hits, key=lambda i: abs(i - a))
    return Claim(cid, who, PEOPLE[who][0], cue, mode, part, a, b, -1, c0, c0 + len(cue))


def build() -> tuple:
    doc = build_document(TEXT, "t.txt", date(2024, 6, 6))
    actors = [Actor(i, name, kind) for i, (name, kind, _) in PEOPLE.items()]
    role = span("Water Minister")  # the actors stage found the minister's role
    actors[6] = replace(actors[6], role="Water Minister", role_start=role[0], role_end=role[1])
    mentions = [Mention(i, surface, *span(surface)) for i, (_, _, surface) in PEOPLE.items()]
    mentions += [Mention("A2", "Olsen", *span("Olsen", 1)), Mention("A2", "Olsen", *span("Olsen", 2))]
    idx = ActorIndex(tuple(actors), tuple(sorted(mentions, key=lambda m: m.start))).counted()
    claims = [
        claim("C1", "A1", "indirect", "it is ready for a fair deal in the talks on the dam.", "said"),
        claim(
            "C2",
            "A2",
            "direct",
            "Their aim is to buy time before the rainy season. The reservoir will very likely run low by "
            "August,",
            "said",
        ),
        claim("C3", "A3", "indirect", "the talks do not necessarily mean a deal is near.", "said"),
        claim("C4", "A4", "indirect", "the dam could be finished by 2027.", "wrote"),
        claim("C5", "A5", "indirect", "the plan was sound.", "said"),
        claim("C6", "A6", "indirect", "the flow data were reliable.", "said"),
        claim("C7", "A7", "indirect", "the dam would open on time.", "said"),
        claim("C8", "A8", "indirect", "the deal was a scandal.", "said"),
    ]
    return doc, idx, claims


@pytest.fixture(scope="module")
def found():
    doc, idx, claims = build()
    experts, findings = find_experts(doc, idx, claims)
    return {x.actor_id: x for x in experts}, findings


def test_credentials_in_five_shapes(found):
    experts, _ = found
    assert experts["A2"].credentials == "a senior fellow at the Delta Policy Institute"  # appositive
    assert experts["A3"].credentials == "who heads the Northbridge Institute for Water Studies"  # heads Y
    assert experts["A4"].credentials.startswith("of the consultancy Halvard Group")  # of the X Group
    assert experts["A5"].credentials == "Halden Securities strategist"  # a title before the name
    assert experts["A6"].credentials.startswith("who teaches hydrology at")  # relative clause
    for x in experts.values():
        assert TEXT[x.evidence_start : x.evidence_end] == x.credentials


def test_credentials_found_in_an_earlier_sentence_than_the_quote(found):
    experts, findings = found
    assert "A2" in experts  # described in one sentence, quoted in the next as "Olsen"
    assert any(f.expert_id == "A2" and "reservoir" in f.text for f in findings)


def test_institutions_kept_whole_and_typed(found):
    experts, _ = found
    got = {i: (x.affiliation, x.affiliation_type) for i, x in experts.items()}
    assert got["A2"] == ("Delta Policy Institute", "think tank")
    assert got["A3"] == ("Northbridge Institute for Water Studies", "think tank")
    assert got["A4"] == ("Halvard Group", "consultancy")
    assert got["A5"] == ("Halden Securities", "bank research")
    assert got["A6"] == ("University of Tarn, Eastport", "university")
    for x in experts.values():
        assert TEXT[x.affiliation_start : x.affiliation_end] == x.affiliation


def test_parties_are_not_experts_and_institutions_are_not_second_experts(found):
    experts, _ = found
    assert {"A1", "A7", "A8"}.isdisjoint(experts)  # a government, a minister, a party leader once a judge
    assert {"A9", "A10", "A11"}.isdisjoint(experts)  # affiliations that do not speak themselves


def test_channel_of_an_expert(found):
    experts, _ = found
    assert experts["A4"].channel == "in a note to clients"


def test_findings_map_likelihood_only_and_show_doubt_as_a_caveat(found):
    _, findings = found
    by_text = {f.text: f for f in findings}
    reservoir = by_text["The reservoir will very likely run low by August"]
    assert (reservoir.likelihood, reservoir.kind) == ("very likely", "prediction")
    doubt = by_text["the talks do not necessarily mean a deal is near."]
    assert doubt.likelihood == "" and doubt.caveat == "do not necessarily"
    dam = by_text["the dam could be finished by 2027."]
    assert dam.likelihood == "roughly even chance"


def test_a_judgement_reported_without_quotes_is_a_finding(found):
    _, findings = found
    slim = [f for f in findings if "chances" in f.text]
    assert len(slim) == 1 and slim[0].expert_id == "A2"
    assert slim[0].text.startswith("views the chances")
    assert slim[0].likelihood == "very unlikely"


def test_likelihood_scale_and_caveats():
    assert likelihood("Rates will almost certainly rise.") == ("almost certain", "almost certainly")
    assert likelihood("A deal is highly unlikely.") == ("very unlikely", "highly unlikely")
    assert likelihood("The plan might work.") == ("roughly even chance", "might")
    assert likelihood("There is almost no chance of a truce.") == ("almost no chance", "almost no chance")
    assert likelihood("The vote was on May 3.") == ("", "")
    assert likelihood("The plant closed.") == ("", "")
    # negated inference and doubt: a caveat, never a probability
    doubts = ("The visit does not mean a deal is close.", "The talks do not necessarily indicate a shift.")
    for text in doubts:
        assert likelihood(text) == ("", "") and caveat(text)
    # comparisons of risk and past expectations are no estimate
    assert likelihood("Smokers are three times more likely to fall ill.") == ("", "")
    assert likelihood("Sales were weaker than expected.") == ("", "")


def test_finding_kinds():
    assert finding_kind("His goal is to split the coalition.") == "motive"
    assert finding_kind("The mayor wants the port sold.") == "belief"
    assert finding_kind("We see risks in the budget.") == "judgement"
    assert finding_kind("Prices will fall next year.") == "prediction"
    assert finding_kind("Sales fell because of the storm.") == "reasoning"
