"""Sourcing on our own sentences: each class with its evidence, marked sources, what contests a claim
resting on one unnamed source, and the outlet as the text gives it."""

from __future__ import annotations

import pytest

from briefing.analysis import analyse
from briefing.analysis.outlet import outlet_of
from briefing.ingest import build_document
from briefing.model import ActorIndex
from tests.test_analysis_support import Said, Story, Who

TEXT = "\n".join(
    [
        "KARVIK (Reuters) - Two officials, who asked not to be named, said the bridge pillars were unsafe.",
        "Mayor Anna Berg denied that the bridge pillars were unsafe.",
        "Councillor Jon Holt, a ruling-party lawmaker, told the Evening Post that the repairs were on "
        "schedule.",
        "The transport ministry said in a statement that inspections had found cracks in two pillars.",
        "Vesta News, the state news agency, said the cracks were minor.",
        "Berg told reporters the bridge would reopen in May.",
        "",
    ]
)
PEOPLE = [
    Who("A1", "officials", "group"),
    Who("A2", "Anna Berg", "person", surfaces=("Berg",), role="Mayor"),
    Who("A3", "Jon Holt", "person", role="Councillor"),
    Who("A4", "transport ministry", "organisation", "Karvik"),
    Who("A5", "Vesta News", "organisation"),
    Who("A6", "Evening Post", "organisation", "media"),
]
SAID = [
    Said("C1", "A1", "said", "the bridge pillars were unsafe."),
    Said("C2", "A2", "denied", "that the bridge pillars were unsafe."),
    Said("C3", "A3", "told", "the repairs were on schedule."),
    Said("C4", "A4", "said", "inspections had found cracks in two pillars."),
    Said("C5", "A5", "said", "the cracks were minor."),
    Said("C6", "A2", "told", "the bridge would reopen in May."),
]


@pytest.fixture(scope="module")
def an():
    return analyse(Story(TEXT, PEOPLE, SAID).extraction())


def row(an, claim_id):
    return next(s for s in an.sourcing if s.claim_id == claim_id)


def test_each_class_with_the_words_that_decide_it(an):
    cases = {
        "C1": ("anonymous", "who asked not to be named"),
        "C3": ("second-hand", "told the Evening Post"),
        "C4": ("official", "in a statement"),
        "C6": ("on-record", "told"),
    }
    for claim_id, (kind, words) in cases.items():
        r = row(an, claim_id)
        assert r.sourcing == kind, claim_id
        assert TEXT[r.evidence_start : r.evidence_end] == words, claim_id


def test_the_sourcing_table_keeps_its_contract_columns_first():
    from briefing.io import columns

    assert columns("sourcing")[:4] == ["claim_id", "sourcing", "evidence_start", "evidence_end"]


def test_sources_the_text_marks(an):
    flags = {(f.actor_id, f.flag): f for f in an.source_flags}
    assert TEXT[flags[("A3", "partisan")].evidence_start : flags[("A3", "partisan")].evidence_end] == (
        "ruling-party"
    )
    assert flags[("A5", "state-run")].words == "state news agency"
    assert ("A2", "state-run") not in flags and ("A2", "partisan") not in flags
    assert row(an, "C5").flags == ("state-run",)


def test_an_unnamed_source_contested_in_the_article(an):
    r = row(an, "C1")
    assert r.single and r.contested_by == ("C2",)
    assert ("A1", "party to the conflict") in {(f.actor_id, f.flag) for f in an.source_flags}


def test_the_outlet_from_a_dateline_a_source_line_a_copyright_line_or_not_at_all():
    def outlet(text: str) -> str:
        return outlet_of(build_document(text, "x.txt"), ActorIndex())[0]

    assert outlet("KARVIK (Reuters) - The bridge closed on Monday, officials said.\n") == "Reuters"
    assert outlet("The bridge closed on Monday, officials said.\nSource: Harbour Times\n") == "Harbour Times"
    assert outlet(
        "The bridge closed on Monday, officials said.\n© 2025 Karvik Herald. All rights reserved.\n"
    ) == ("Karvik Herald")
    assert outlet("The bridge closed on Monday, officials said.\n") == "not stated"
