"""The outlet's own voice on hand-made sentences: evaluative, unattributed, never inside a quote."""

from __future__ import annotations

from briefing.claims.editorial import THRESHOLD, find_editorial
from briefing.claims.editorial_score import assess, parser
from briefing.ingest import build_document
from briefing.nlp import parse


def editorial(body: str, covered: list[tuple[int, int]] | None = None) -> list[str]:
    text = "Harbour talks stall\n" + body + "\n"
    doc = build_document(text)
    return [c.text for c in find_editorial(doc, covered or [])]


def test_evaluative_sentence_is_editorial() -> None:
    got = editorial("The council met on Monday. The outcome was a fiasco for everyone involved.")
    assert got == ["The outcome was a fiasco for everyone involved."]


def test_plain_report_is_not_editorial() -> None:
    assert editorial("The council met on Monday and approved a budget of 4 million euros.") == []


def test_rhetorical_question_in_body_is_editorial() -> None:
    assert editorial("Fees rose again in May. Who will pay for the dredging now?") == [
        "Who will pay for the dredging now?"
    ]


def test_attributed_sentence_is_not_editorial() -> None:
    assert editorial("The mayor said the plan was a disastrous mistake.") == []


def test_quoted_sentence_is_not_editorial() -> None:
    assert editorial("“This is a disgraceful, shameful decision,” the mayor said.") == []


def test_sentence_inside_a_claim_is_skipped() -> None:
    body = "The outcome was a fiasco for everyone involved."
    start = len("Harbour talks stall\n")
    assert editorial(body, [(start, start + len(body))]) == []


def test_editorial_claims_carry_no_speaker() -> None:
    doc = build_document("Harbour talks stall\nThe results are remarkable and deeply encouraging.\n")
    (claim,) = find_editorial(doc, [])
    assert (claim.mode, claim.speaker_id, claim.speaker) == ("editorial", "", "")


def test_a_columnists_verdicts_and_predictions() -> None:
    got = editorial(
        "The governing party won 29 of 90 seats on Sunday. That is not a landslide. "
        "Heard, perhaps. If the leader holds her nerve, the country could become a rare example of change. "
        "The commission will publish final results on Friday."
    )
    assert got == [
        "That is not a landslide.",
        "Heard, perhaps.",
        "If the leader holds her nerve, the country could become a rare example of change.",
    ]


# The writer's own voice against reported opinion, web furniture and plain fact (issue 12).


def test_the_writers_verdict_is_editorial() -> None:
    got = editorial(
        "The council approved the harbour plan on Monday. The plan is a shameful waste of public money."
    )
    assert got == ["The plan is a shameful waste of public money."]


def test_the_writer_thinking_or_advising_is_editorial() -> None:
    assert editorial("I think the harbour plan is a mistake.") == ["I think the harbour plan is a mistake."]
    assert editorial("We should stop pretending the harbour can pay for itself.") == [
        "We should stop pretending the harbour can pay for itself."
    ]


def test_an_opinion_owned_by_someone_else_is_not_editorial() -> None:
    # The same verdicts, owned by the subject of a verb of thinking or feeling: no "said" to spot.
    assert editorial("Critics argue the plan is a shameful waste of public money.") == []
    assert (
        editorial("The charity's director hopes the talks end this shameful neglect of the harbour towns.")
        == []
    )
    assert editorial("She fears the deal is a disastrous mistake for the fishing fleet.") == []


def test_a_verdict_next_to_the_attribution_that_owns_it_is_not_editorial() -> None:
    asked = "The mayor was asked about the plan on Monday. "
    assert editorial(asked + "Her answer was blunt: it is a shameful waste of money.") == []
    assert editorial("The mayor put it bluntly: the plan is a shameful waste of money.") == []
    # With no one to hand it to, the colon keeps the verdict in the writer's voice.
    assert editorial(asked + "The answer is plain: it is a shameful waste of money.") == [
        "The answer is plain: it is a shameful waste of money."
    ]


def test_web_furniture_is_not_editorial() -> None:
    prompt = "Please contact us for subscription options if you want our best reporting."
    parsed = assess(parser()(prompt))
    assert parsed.furniture and parsed.score >= THRESHOLD  # it reads like the writer, but is page furniture
    assert editorial("The harbour lost a third of its traffic this year. " + prompt) == []
    credit = "Source: our own shameful survey of the harbour towns."
    assert assess(parser()(credit)).furniture
    assert editorial("The harbour lost a third of its traffic this year. " + credit) == []


def test_a_plain_fact_is_not_editorial_even_with_a_loaded_topic() -> None:
    assert editorial("The court convicted two officials of fraud over the harbour contract on Tuesday.") == []


# Quotation marks: someone's words against the writer's scare quotes (CheckThat guidelines, SUBJ 2).


def test_scare_quotes_leave_the_sentence_the_writers() -> None:
    got = editorial("The council’s “reform” is a shameful “compromise” that helps nobody.")
    assert got == ["The council’s “reform” is a shameful “compromise” that helps nobody."]


def test_the_last_sentence_of_a_quote_is_not_editorial() -> None:
    body = "“We have waited for the harbour long enough. This plan is a shameful waste of money.”"
    assert editorial(body) == []


def test_a_sentence_mostly_in_quotes_is_not_editorial() -> None:
    body = "Its verdict: “a shameful waste of money that no town on the coast can afford”."
    assert editorial(body) == []


# Figures qualified by an adjective are market reporting; a verdict on them stays the writer's.


def test_an_adjective_on_figures_is_market_reporting() -> None:
    assert editorial("The harbour operator cut its forecast after disappointing results in May.") == []
    assert editorial("Weak demand from China forced a third cut.") == []
    assert editorial("The harbour operator’s results look disappointing.") == [
        "The harbour operator’s results look disappointing."
    ]


def test_the_documents_parse_gives_the_same_verdicts() -> None:
    text = (
        "Harbour talks stall\nThe council met on Monday. The outcome was a fiasco for everyone involved.\n"
        "The mayor was asked about the plan. Her answer was blunt: it is a shameful waste of money.\n"
    )
    doc = build_document(text)
    alone = find_editorial(doc, [])
    assert [c.text for c in alone] == ["The outcome was a fiasco for everyone involved."]
    assert find_editorial(doc, [], parsed=parse(doc)) == alone


def test_a_word_of_the_page_used_in_a_sentence_is_no_furniture() -> None:
    got = editorial("The charity that sponsored the report runs a shameful cookie-cutter campaign.")
    assert got == ["The charity that sponsored the report runs a shameful cookie-cutter campaign."]
    assert editorial("The harbour lost a third of its traffic. Sponsored content: a shameful deal.") == []
