"""The analyst's corrections (briefing.reviews): every kind, on an article and an extraction made here by
hand, so that what is tested is the corrections and not what the extraction happens to find."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from briefing import reviews
from briefing.errors import InputError
from briefing.ingest import build_document
from briefing.model import Actor, ActorIndex, Claim, Event, Extraction, Mention
from briefing.reviews import Corrections

TEXT = (
    "Harbour council rejects ferry plan\n"
    "The Pellworth harbour council on Tuesday rejected a plan to double the island ferry service.\n"
    "“We cannot ask families to pay for a boat they will rarely use,” said council leader Maria Okafor.\n"
    "Okafur added that the council remained open to a smaller scheme.\n"
    "Ferry operator Northsound Lines said it was disappointed by the decision.\n"
    "Transport minister Daniel Reyes said the government had no plans to fund island routes.\n"
    "Local shopkeeper Aisha Brandt believes the decision will hurt trade.\n"
    "The decision is a bitter blow for islanders.\n"
    "Harbour Watch, a residents’ group, called the vote “a betrayal of the island”.\n"
)
FILE = "data/reviews/harbour.yaml"


def at(piece: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def claim(cid: str, speaker: Actor | None, piece: str, mode: str = "indirect", text: str = TEXT) -> Claim:
    doc = build_document(text, "harbour.txt")
    start, end = at(piece, text)
    sid = doc.sentence_at(start).id
    who = (speaker.id, speaker.name) if speaker else ("", "")
    return Claim(cid, who[0], who[1], "said", mode, piece, start, end, sid)


def extraction(text: str = TEXT, published: date | None = None) -> Extraction:
    """What an imperfect extraction might make of TEXT: a typo'd duplicate, a false actor, a wrong
    speaker, a false claim, a missed claim."""
    doc = build_document(text, "harbour.txt", published)
    okafor = Actor("A1", "Maria Okafor", "person", role="council leader")
    okafur = Actor("A2", "Okafur", "organisation")
    northsound = Actor("A3", "Northsound Lines", "person")
    reyes = Actor("A4", "Daniel Reyes", "person", role="Transport minister")
    brandt = Actor("A5", "Aisha Brandt", "person")
    false = Actor("A6", "Transport", "organisation")
    mentions = [
        Mention(a.id, name, *at(name, text))
        for a, name in (
            (okafor, "Maria Okafor"),
            (okafur, "Okafur"),
            (northsound, "Northsound Lines"),
            (false, "Transport"),
            (reyes, "Daniel Reyes"),
            (brandt, "Aisha Brandt"),
        )
        if name in text
    ]
    pieces = [
        ("C1", okafor, "We cannot ask families to pay for a boat they will rarely use", "direct"),
        ("C2", okafur, "the council remained open to a smaller scheme.", "indirect"),
        ("C3", northsound, "it was disappointed by the decision.", "indirect"),
        ("C4", false, "the government had no plans to fund island routes.", "indirect"),  # wrong speaker
        ("C5", brandt, "the decision will hurt trade.", "indirect"),  # "believes": no claim
        ("C6", None, "The decision is a bitter blow for islanders.", "editorial"),
    ]
    claims = tuple(claim(c, who, p, m, text) for c, who, p, m in pieces if p in text)
    events = (Event("E1", "on Tuesday", *at("on Tuesday", text), "", "unknown", "", ("A2", "A1"), 1),)
    named = {m.actor_id for m in mentions}
    everyone = (okafor, okafur, northsound, reyes, brandt, false)
    actors = ActorIndex(tuple(a for a in everyone if a.id in named), tuple(mentions)).counted()
    return Extraction(doc, actors, claims, events)


def corrections(yaml_text: str) -> Corrections:
    return Corrections(reviews.parse(yaml_text, FILE), FILE, Path(FILE))


def applied(yaml_text: str, ex: Extraction | None = None) -> Extraction:
    return reviews.apply(ex or extraction(), corrections(yaml_text))


def actor_named(ex: Extraction, name: str) -> Actor | None:
    return next((a for a in ex.actors.actors if a.name == name), None)


def claim_with(ex: Extraction, piece: str) -> list[Claim]:
    return [c for c in ex.claims if piece in TEXT[c.start : c.end]]


# ------------------------------------------------------------------ every kind of correction


def test_merge_moves_mentions_claims_and_events_to_the_actor_kept():
    ex = applied("corrections:\n  - merge: Okafur\n    into: Maria Okafor\n")
    assert actor_named(ex, "Okafur") is None
    okafor = actor_named(ex, "Maria Okafor")
    assert okafor.reviewed and okafor.mentions == 2 and okafor.role == "council leader"
    moved = [m for m in ex.actors.mentions if m.surface == "Okafur"]
    assert [(m.actor_id, m.reviewed) for m in moved] == [("A1", True)]
    (c2,) = claim_with(ex, "remained open")
    assert (c2.speaker_id, c2.speaker, c2.reviewed) == ("A1", "Maria Okafor", True)
    assert ex.events[0].actor_ids == ("A1",) and ex.events[0].reviewed
    assert ex.review.applied == 1 and ex.review.warnings == ()


def test_rename_changes_the_name_and_the_speaker_column_not_the_text():
    ex = applied("corrections:\n  - rename: Northsound Lines\n    to: Northsound Ferries Ltd\n")
    a = actor_named(ex, "Northsound Ferries Ltd")
    assert a is not None and a.reviewed and a.id == "A3"
    assert [c.speaker for c in ex.claims if c.speaker_id == "A3"] == ["Northsound Ferries Ltd"]
    assert [m.surface for m in ex.actors.mentions if m.actor_id == "A3"] == ["Northsound Lines"]


def test_set_changes_only_the_fields_given():
    ex = applied("corrections:\n  - set: northsound lines\n    kind: organisation\n    side: operator\n")
    a = actor_named(ex, "Northsound Lines")
    assert (a.kind, a.side, a.role, a.reviewed) == ("organisation", "operator", "", True)


def test_drop_actor_removes_it_and_leaves_its_claims_without_a_speaker():
    ex = applied("corrections:\n  - drop_actor: Transport\n")
    assert actor_named(ex, "Transport") is None
    assert not [m for m in ex.actors.mentions if m.surface == "Transport"]
    (c4,) = claim_with(ex, "no plans to fund")
    assert (c4.speaker_id, c4.mode, c4.reviewed) == ("", "unattributed", True)


def test_reassign_by_quoted_text_gives_the_claim_its_speaker():
    ex = applied("corrections:\n  - reassign: “no plans to fund island routes”\n    speaker: Daniel Reyes\n")
    (c4,) = claim_with(ex, "no plans to fund")
    assert (c4.speaker_id, c4.speaker, c4.mode, c4.reviewed) == ("A4", "Daniel Reyes", "indirect", True)


def test_reassign_to_a_name_the_text_gives_makes_that_actor():
    ex = applied("corrections:\n  - reassign: hurt trade\n    speaker: Harbour Watch\n    kind: group\n")
    watch = actor_named(ex, "Harbour Watch")
    assert watch is not None and watch.kind == "group" and watch.reviewed
    assert [(m.start, m.end) for m in ex.actors.mentions if m.actor_id == watch.id] == [at("Harbour Watch")]
    assert claim_with(ex, "hurt trade")[0].speaker_id == watch.id


def test_drop_claim_by_offsets_removes_only_that_claim():
    start, end = at("the decision will hurt trade.")
    ex = applied(f"corrections:\n  - drop_claim: [{start}, {end}]\n")
    assert not claim_with(ex, "hurt trade")
    assert len(ex.claims) == len(extraction().claims) - 1


def test_add_claim_by_quoted_text_is_located_and_typed_by_its_quotation_marks():
    ex = applied(
        "corrections:\n  - add_claim: a betrayal of the island\n    speaker: Harbour Watch\n    cue: called\n"
    )
    (added,) = claim_with(ex, "a betrayal of the island")
    assert (added.start, added.end) == at("a betrayal of the island")
    assert (added.mode, added.speaker, added.cue, added.reviewed) == (
        "direct",
        "Harbour Watch",
        "called",
        True,
    )
    assert (added.cue_start, added.cue_end) == at("called")
    assert added.id == "C7"  # a new id: the others keep theirs


def test_add_claim_by_offsets():
    start, end = at("rejected a plan to double the island ferry service")
    ex = applied(
        f"corrections:\n  - add_claim: [{start}, {end}]\n    speaker: Maria Okafor\n    mode: indirect\n"
    )
    (added,) = claim_with(ex, "rejected a plan")
    assert (added.start, added.end, added.speaker_id, added.mode) == (start, end, "A1", "indirect")


def test_editorial_marks_the_sentence_holding_the_text():
    ex = applied("corrections:\n  - editorial: disappointed by the decision\n")
    sent = ex.document.sentence_at(at("disappointed")[0])
    mine = [c for c in ex.claims if c.mode == "editorial" and c.sentence_id == sent.id]
    assert [(c.start, c.end, c.reviewed) for c in mine] == [(sent.start, sent.end, True)]
    assert ex.document.sentences[sent.id].reviewed


def test_not_editorial_removes_the_outlets_voice_from_the_sentence():
    ex = applied("corrections:\n  - not_editorial: a bitter blow\n")
    assert not [c for c in ex.claims if c.mode == "editorial"]
    assert ex.document.sentences[ex.document.sentence_at(at("a bitter blow")[0]).id].reviewed


def test_published_sets_the_date_unless_the_command_line_gave_one():
    ex = applied("corrections:\n  - published: 2025-06-11\n")
    assert (ex.document.published, ex.document.published_from) == (date(2025, 6, 11), "review")
    given = applied("corrections:\n  - published: 2025-06-11\n", extraction(published=date(2025, 6, 12)))
    assert given.document.published == date(2025, 6, 12)
    assert len(given.review.warnings) == 1 and "command line" in given.review.warnings[0]


def test_dated_applies_the_date_before_extraction():
    doc = build_document(TEXT, "harbour.txt")
    dated = reviews.dated(doc, corrections("corrections:\n  - published: 2025-06-11\n"))
    assert (dated.published, dated.published_from) == (date(2025, 6, 11), "review")


def test_joint_claims_are_told_apart_by_from():
    ex = extraction()
    c1 = ex.claims[0]
    joint = replace(ex, claims=(*ex.claims, replace(c1, id="C9", speaker_id="A4", speaker="Daniel Reyes")))
    ambiguous = applied("corrections:\n  - drop_claim: We cannot ask families\n", joint)
    assert len(ambiguous.claims) == len(joint.claims) and "add `from:`" in ambiguous.review.warnings[0]
    meant = applied("corrections:\n  - drop_claim: We cannot ask families\n    from: Daniel Reyes\n", joint)
    assert [c.speaker for c in meant.claims if c.start == c1.start] == ["Maria Okafor"]


# ------------------------------------------------------------------ what corrections never do

ALL = """\
corrections:
  - merge: Okafur
    into: Maria Okafor
  - rename: Northsound Lines
    to: Northsound Ferries Ltd
  - set: Aisha Brandt
    role: shopkeeper
  - drop_actor: Transport
  - reassign: no plans to fund island routes
    speaker: Daniel Reyes
  - drop_claim: will hurt trade
  - add_claim: a betrayal of the island
    speaker: Harbour Watch
  - editorial: rejected a plan
  - not_editorial: a bitter blow
  - published: 2025-06-11
"""


def test_applying_twice_changes_nothing_more():
    once = applied(ALL)
    assert once.review.applied == 10 and once.review.warnings == ()
    assert applied(ALL, once) == once


def test_the_text_and_the_rows_no_correction_touched_stay_as_they_were():
    before = extraction()
    after = applied(ALL, before)
    assert after.document.text == before.document.text
    for name in ("claims", "events"):
        old = {r.id: r for r in getattr(before, name)}
        for row in getattr(after, name):
            if not row.reviewed:
                assert row == old[row.id], row
    old_mentions = set(before.actors.mentions)
    assert all(m in old_mentions for m in after.actors.mentions if not m.reviewed)
    assert [(s.start, s.end) for s in after.document.sentences] == [
        (s.start, s.end) for s in before.document.sentences
    ]
    unchanged = [c for c in after.claims if not c.reviewed]
    assert unchanged and all(TEXT[c.start : c.end] == c.text for c in after.claims)


def test_no_file_no_change():
    ex = extraction()
    assert reviews.apply(ex, Corrections()) is ex


# ------------------------------------------------------------------ the article changed


def test_a_correction_that_no_longer_matches_is_one_warning_and_the_others_still_apply():
    changed = TEXT.replace("will hurt trade", "may cost the town visitors").replace("Okafur", "She")
    ex = applied(ALL, extraction(changed))
    lines = ex.review.warnings
    assert len(lines) == 2 and ex.review.applied == 8 and ex.review.corrections == 10
    assert lines[0].startswith(f"{FILE}, line 2: merge “Okafur” into “Maria Okafor”: not applied")
    assert lines[1].startswith(f"{FILE}, line 11: drop_claim “will hurt trade”: not applied")
    assert all("\n" not in line for line in lines)
    assert claim_with(ex, "no plans to fund")[0].speaker == "Daniel Reyes"


def test_ids_in_the_file_are_not_trusted_and_the_warning_says_why():
    ex = applied("corrections:\n  - drop_claim: C5\n")
    assert len(ex.claims) == len(extraction().claims)
    assert "ids such as C7 change between runs" in ex.review.warnings[0]


def test_repeated_text_needs_at():
    ex = applied("corrections:\n  - editorial: the decision\n")
    assert "occurs 3 times" in ex.review.warnings[0]
    start = at("the decision will")[0]
    ex = applied(f"corrections:\n  - editorial: the decision\n    at: {start}\n")
    assert ex.document.sentences[ex.document.sentence_at(start).id].reviewed


# ------------------------------------------------------------------ malformed files


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("corrections:\n  - reasign: C4\n    speaker: X\n", 2, "needs exactly one action"),
        ("corrections:\n  - merge: A\n    rename: B\n    into: C\n", 2, "exactly one action"),
        ("corrections:\n  - merge: Okafur\n", 2, "merge needs `into:`"),
        ("corrections:\n  - set: X\n", 2, "set needs at least one of"),
        ("corrections:\n  - drop_claim: x\n\n  - set: X\n    kind: planet\n", 5, "kind must be one of"),
        ("corrections:\n  - published: 15 May 2025\n", 2, "published must be a date"),
        ("corrections:\n  - drop_claim: [40, 12]\n", 2, "needs start < end"),
        ("corrections:\n  - drop_claim: x\n    speaker: Y\n", 3, "unknown field 'speaker' in drop_claim"),
        ("corrections:\n  - add_claim: words\n", 2, "add_claim needs `speaker:`"),
        ("corrections:\n  - merge: [A\n    into: B\n", 3, "not valid YAML"),
        ("corrections:\n  - rename: A\n    to: B\n    to: C\n", 4, "duplicate key"),
        ("fixes:\n  - drop_actor: A\n", 1, "unknown key 'fixes'"),
        ("corrections: drop everything\n", 1, "must be a list"),
        ("corrections:\n  - just a sentence\n", 2, "each correction is a mapping"),
    ],
)
def test_a_malformed_file_names_the_line_and_the_problem(text, line, problem):
    with pytest.raises(InputError) as err:
        reviews.parse(text, FILE)
    message = str(err.value)
    assert message.startswith(f"{FILE}: line {line}: "), message
    assert problem in message and "\n" not in message


def test_an_empty_file_has_no_corrections():
    assert reviews.parse("", FILE) == () and reviews.parse("# nothing yet\ncorrections: []\n", FILE) == ()
