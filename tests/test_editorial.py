"""The outlet's own voice on hand-made sentences: evaluative, unattributed, never inside a quote."""

from __future__ import annotations

from briefing.claims.editorial import find_editorial
from briefing.ingest import build_document


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
