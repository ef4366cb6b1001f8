"""Expert commentary stage on our own sentences, with actors and claims built by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from briefing.commentary import contrasts, find_experts, finding_kind, likelihood
from briefing.ingest import build_document
from briefing.model import Actor, ActorIndex, Claim, Document, Extraction, Mention

TEXT = (
    "Water Talks Resume\n"
    "The Riverland government said it is ready for a fair deal in the talks on the dam.\n"
    "Maria Olsen, a senior fellow at the Delta Policy Institute, wrote in a long post on Bluesky that the "
    "talks are probably not a sign of real openness on the dam.\n"
    "“Their aim is to buy time before the rainy season. The government does not believe a deal can pass "
    "parliament. The reservoir will very likely run low by August.”\n"
    "Maria Olsen\n"
)


def span(text: str, part: str) -> tuple[int, int]:
    i = TEXT.index(part)
    return i, i + len(part)


def claim(cid: str, speaker: Actor, mode: str, part: str, cue: str) -> Claim:
    a, b = span(TEXT, part)
    c0, c1 = span(TEXT, cue)
    return Claim(cid, speaker.id, speaker.name, cue, mode, part, a, b, -1, c0, c1)


def build() -> tuple[Document, ActorIndex, list[Claim]]:
    doc = build_document(TEXT, "t.txt", date(2024, 6, 6))
    gov = Actor("A1", "Riverland government", "organisation", side="Riverland")
    olsen = Actor("A2", "Maria Olsen", "person")  # not flagged: the stage must read her description
    dam = Actor("A3", "the dam", "organisation")
    mentions = [
        Mention("A1", "The Riverland government", *span(TEXT, "The Riverland government")),
        Mention("A2", "Maria Olsen", *span(TEXT, "Maria Olsen")),
    ]
    idx = ActorIndex((gov, olsen, dam), tuple(mentions))
    claims = [
        claim("C1", gov, "indirect", "it is ready for a fair deal in the talks on the dam.", "said"),
        claim(
            "C2", olsen, "indirect", "the talks are probably not a sign of real openness on the dam.", "wrote"
        ),
        claim(
            "C3",
            olsen,
            "direct",
            "Their aim is to buy time before the rainy season. The government does "
            "not believe a deal can pass parliament. The reservoir will very likely run low by August.",
            "Maria Olsen\n",
        ),
    ]
    return doc, idx, claims


def test_expert_found_from_description_with_channel() -> None:
    doc, idx, claims = build()
    experts, _ = find_experts(doc, idx, claims)
    assert [x.actor_id for x in experts] == ["A2"]
    x = experts[0]
    assert x.credentials == "a senior fellow at the Delta Policy Institute"
    assert TEXT[x.evidence_start : x.evidence_end] == x.credentials
    assert x.channel == "in a long post on Bluesky"


def test_parties_are_not_experts() -> None:
    doc, idx, claims = build()
    minister = Actor(
        "A1", "Riverland government", "organisation", role="minister of water", role_start=0, role_end=5
    )
    idx = replace(idx, actors=(minister, *idx.actors[1:]))
    experts, _ = find_experts(doc, idx, claims)
    assert "A1" not in {x.actor_id for x in experts}


def test_flagged_expert_is_kept() -> None:
    doc, idx, claims = build()
    flagged = Actor("A1", "Riverland government", "organisation", expert=True)
    idx = replace(idx, actors=(flagged, *idx.actors[1:]))
    experts, _ = find_experts(doc, idx, claims)
    assert {x.actor_id for x in experts} == {"A1", "A2"}


def test_findings_in_reading_order_with_kinds_and_likelihood() -> None:
    doc, idx, claims = build()
    _, findings = find_experts(doc, idx, claims)
    got = [(f.kind, f.likelihood, f.likelihood_words) for f in findings]
    assert got == [
        ("judgement", "unlikely", "probably not"),
        ("motive", "", ""),
        ("belief", "", ""),
        ("prediction", "very likely", "very likely"),
    ]
    for f in findings:
        assert TEXT[f.start : f.end] == f.text
        assert f.expert_id == "A2"
    assert findings[0].claim_id == "C2" and findings[1].claim_id == "C3"


def test_likelihood_scale() -> None:
    assert likelihood("Rates will almost certainly rise.") == ("almost certain", "almost certainly")
    assert likelihood("A deal is highly unlikely.") == ("very unlikely", "highly unlikely")
    assert likelihood("The plan might work.") == ("roughly even chance", "might")
    assert likelihood("There is almost no chance of a truce.") == ("almost no chance", "almost no chance")
    assert likelihood("The vote was on May 3.") == ("", "")
    assert likelihood("The plant closed.") == ("", "")


def test_finding_kinds() -> None:
    assert finding_kind("His goal is to split the coalition.") == "motive"
    assert finding_kind("The mayor wants the port sold.") == "belief"
    assert finding_kind("We see risks in the budget.") == "judgement"
    assert finding_kind("Prices will fall next year.") == "prediction"
    assert finding_kind("Sales fell because of the storm.") == "reasoning"


def test_contrasts_pair_expert_and_party_on_the_same_topic() -> None:
    doc, idx, claims = build()
    experts, findings = find_experts(doc, idx, claims)
    ex = Extraction(doc, idx, claims, [], experts, findings)
    pairs = contrasts(ex)
    assert pairs, "expected at least one contrast"
    first = pairs[0]
    assert first.expert_id == "A2" and first.party_id == "A1"
    assert "dam" in first.shared
    assert first.opposed  # the expert's "not a sign" against the party's plain statement
