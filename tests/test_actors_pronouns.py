"""Pronouns resolved with the parse: agreement, the reporting subject, never through another speaker."""

from __future__ import annotations

from tests.actor_cases import run


def _pronouns(text: str) -> list[tuple[str, str]]:
    idx = run(text)
    return [(m.surface, idx.get(m.actor_id).name) for m in idx.mentions if m.how == "pronoun"]


def test_an_unnamed_subject_keeps_its_pronouns_from_the_person_it_names() -> None:
    got = _pronouns(
        "The lawyer for Mr. John Doe told reporters he plans to appeal. He said he was not surprised.\n"
    )
    assert not [p for p in got if p[1] == "John Doe"], got


def test_reported_speech_takes_the_subject_of_the_reporting_verb() -> None:
    got = _pronouns(
        "Tom Berg met Ana Lund in Oslo on Monday. Lund told reporters on Tuesday she would not resign.\n"
        "Nordwind Inc said on Monday it would cut 300 jobs.\n"
    )
    assert ("she", "Ana Lund") in got
    assert ("it", "Nordwind Inc") in got


def test_a_possessive_takes_the_subject_of_its_clause_or_the_person_it_agrees_with() -> None:
    got = _pronouns(
        "Tom Berg said his team would reply within a week.\nThe board praised Kim Sato for her work.\n"
    )
    assert ("his", "Tom Berg") in got and ("her", "Kim Sato") in got


def test_a_pronoun_does_not_reach_back_over_another_named_speaker() -> None:
    got = _pronouns(
        "Ana Lund said the talks had failed.\n"
        "Pat Morrow, a professor at Northfield University, said the visit mattered. She said it was "
        "overdue.\n"
    )
    assert ("She", "Pat Morrow") in got, got


def test_a_pronoun_in_a_sentence_without_a_verb_is_still_resolved() -> None:
    got = _pronouns("Nordwind Inc cut 300 jobs on Monday.\nA bad day for its workers in Oslo.\n")
    assert ("its", "Nordwind Inc") in got, got
