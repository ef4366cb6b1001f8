"""The analysis stage as a whole on our own story: a bottom line of whole sentences with evidence,
titles that are never datelines, one set of figures, and tables that read back as written."""

from __future__ import annotations

import re
from datetime import date

import pytest

from briefing.analysis import analyse
from briefing.analysis.title import title_of
from briefing.ingest import build_document
from briefing.io import read_analysis, write_analysis
from tests.test_analysis_support import Said, Story, When, Who

TEXT = "\n".join(
    [
        "Harbour Pay Dispute Deepens",
        "KARVIK (Reuters) - The Dockworkers Union demanded a 10 per cent pay rise on Monday, as ships queued "
        "outside the port.",
        "The port authority said it would not raise pay this year.",
        "Union leader Tomas Brandtt said the port must reopen talks before Friday.",
        "Ines Okafor, a labour economist at the University of Lisbon, said a long strike would very likely "
        "cut exports by a fifth.",
        "Brandt said he would meet the port authority on Thursday.",
        "",
    ]
)
PEOPLE = [
    Who("A1", "Dockworkers Union", "organisation", "union", ("The union",)),
    Who("A2", "port authority", "organisation", "port"),
    Who("A3", "Tomas Brandt", "person", "union", ("Brandt", "he"), typos=("Tomas Brandtt",)),
    Who("A4", "Ines Okafor", "person"),
]
SAID = [
    Said("C1", "A2", "said", "it would not raise pay this year."),
    Said("C2", "A3", "said", "the port must reopen talks before Friday."),
    Said("C3", "A4", "said", "a long strike would very likely cut exports by a fifth."),
    Said("C4", "A3", "said", "he would meet the port authority on Thursday."),
]
DATES = [When("E1", "on Monday", "2025-03-10"), When("E2", "on Thursday", "2025-03-13", tense="planned")]


@pytest.fixture(scope="module")
def an():
    return analyse(Story(TEXT, PEOPLE, SAID, DATES).extraction())


def lines(an) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for b in an.bottom_line:
        out.setdefault(b.kind, []).append(b.text)
    return out


def test_three_to_six_whole_sentences_with_evidence(an):
    assert 3 <= len(an.bottom_line) <= 6
    for b in an.bottom_line:
        assert re.match(r"[A-Z“]", b.text) and re.search(r"[.!?][”’]?$|\)\.$", b.text), b.text
        assert b.text.count("“") == b.text.count("”")
        if b.kind != "sourcing":
            assert 0 <= b.evidence_start < b.evidence_end <= len(TEXT)


def test_what_happened_is_the_lead_without_its_dateline_and_with_its_date(an):
    event = lines(an)["event"][0]
    assert event.startswith("The Dockworkers Union demanded a 10 per cent pay rise on Monday (10 March 2025)")
    assert "KARVIK" not in event and "Reuters" not in event


def test_each_side_in_one_sentence_with_its_act_and_canonical_name(an):
    positions = {b.label: b.text for b in an.bottom_line if b.kind == "position"}
    assert positions["refusal"] == "The port authority refused, saying it would not raise pay this year."
    assert positions["demand"] == "Tomas Brandt demanded that the port reopen talks before Friday."


def test_the_outside_view_carries_an_icd_term_only_for_a_likelihood(an):
    view = lines(an)["outside view"][0]
    assert view.startswith("Ines Okafor, a labour economist at the University of Lisbon,")
    assert view.endswith("(ICD 203: very likely).")


def test_what_comes_next_is_dated(an):
    nxt = lines(an)["next"][0]
    assert nxt == "Tomas Brandt said he would meet the port authority on Thursday (13 March 2025)."


def test_a_misspelt_name_is_never_copied():
    story = Story(
        "Tomas Brandtt said the union would strike on Friday.\nBrandt said the port must reopen talks.\n",
        [Who("A3", "Tomas Brandt", "person", "union", ("Brandt",), typos=("Tomas Brandtt",))],
        [Said("C1", "A3", "said", "the port must reopen talks.")],
    )
    an = analyse(story.extraction())
    assert all("Brandtt" not in b.text for b in an.bottom_line)
    assert any("Tomas Brandt" in b.text for b in an.bottom_line)


def test_figures_are_computed_once_and_match_the_document(an):
    fig = {f.name: f.value for f in an.figures}
    assert fig["sentences"] == str(len(re.findall(r"\n", TEXT)))  # one sentence a line here
    assert fig["attributed"] == "4" and fig["experts"] == "1"
    assert fig["outlet"] == "Reuters" and fig["title"] == "Harbour Pay Dispute Deepens"


def test_links_are_ranked_once(an):
    ranks = [link.rank for link in an.links]
    assert ranks == sorted(ranks) and ranks[:1] == [1]
    weights = [link.weight for link in an.links]
    assert weights == sorted(weights, reverse=True)


def test_tables_read_back_as_written(an, tmp_path):
    write_analysis(an, tmp_path)
    assert read_analysis(tmp_path) == an


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "NAIROBI, Kenya\nGunmen attacked a police post near the border with Somalia early on Sunday, "
            "killing four officers and wounding six others, police said.\n",
            "Gunmen attacked a police post near the border with Somalia early on Sunday",
        ),
        (
            "Opinion\nThe port deal is a bad bargain\nBy Ana Lind\nThe council signed the deal on Monday.\n",
            "The port deal is a bad bargain",
        ),
        (
            "Tue 24 Mar 2026 06.00 GMT\nThe council signed a port deal on Monday, officials said.\n",
            "The council signed a port deal on Monday, officials said",
        ),
        (
            "Ukraine and Russia are set to hold their first direct talks in more than three years in "
            "Istanbul, but the Russian president will not attend.\n",
            # a long lead is cut at a clause boundary, never mid-clause
            "Ukraine and Russia are set to hold their first direct talks in more than three years in "
            "Istanbul",
        ),
    ],
)
def test_a_dateline_is_never_a_title_and_a_long_lead_is_cut_at_a_clause(text, title):
    assert title_of(build_document(text, "x.txt", date(2025, 3, 10)))[0] == title
