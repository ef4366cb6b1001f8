"""Comparing articles, on our own hand-made corpus (tests/corpus) where the answers are known.

The corpus: a wire story (AP) about a dock strike, republished verbatim by a paper that credits AP and by
one that does not; two independent reports by the Harbour Times; a Norvia Post report in which the
ministry denies the walkout and a port spokesman gives another figure; and an unrelated football
takeover covered by two outlets a fortnight later. Every article is really extracted.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing.corpus.aggregate import aggregate
from briefing.corpus.digest import digest, read_files
from briefing.corpus.inputs import read_corpus
from briefing.corpus.lexicon import lexicon
from briefing.corpus.names import acronym, other_key, person_key
from briefing.corpus.sourcing import classify
from briefing.corpus.worker import extract_article
from briefing.registry import Registry, RegistryEntry

HAND = Path(__file__).parent / "corpus"
LEX = lexicon()


def _extract_into(folder: Path) -> None:
    from briefing.corpus.inputs import read_bytes

    for s in read_corpus(HAND):
        result = extract_article(
            {"stem": s.stem, "label": s.label, "published": s.published, "data": read_bytes(s)}
        )
        assert result["ok"], result
        (folder / s.stem).mkdir(parents=True)
        for name, data in result["files"].items():
            (folder / s.stem / name).write_bytes(data)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hand")
    _extract_into(folder)
    return folder


def _digests(folder: Path) -> list[dict]:
    return [digest(s, read_files(folder / s.stem), LEX) for s in read_corpus(HAND)]


@pytest.fixture(scope="module")
def tables(extracted: Path) -> dict[str, list[dict]]:
    return aggregate(_digests(extracted), LEX)


def _statement(tables, speaker: str, words: str) -> dict:
    found = [s for s in tables["statements"] if s["speaker"] == speaker and words in s["text"]]
    assert len(found) == 1, [(s["speaker"], s["text"]) for s in tables["statements"]]
    return found[0]


def _reports(tables, sid: str) -> list[dict]:
    return [r for r in tables["statement_reports"] if r["statement_id"] == sid]


# ------------------------------------------------------------------ sources and copies


def test_wire_copy_counts_once_whether_or_not_it_credits_the_wire(tables) -> None:
    key = {a["outlet"]: a["source_key"] for a in tables["articles"] if "valmar" in a["stem"]}
    assert key == {"wire-ap": "wire:AP", "daily-courier": "wire:AP", "metro-daily": "wire:AP"}
    other = {a["source_key"] for a in tables["articles"] if a["outlet"] == "harbour-times"}
    assert other == {"outlet:harbour-times"}


def test_a_statement_from_two_independent_sources_is_corroborated(tables) -> None:
    s = _statement(tables, "Elena Varga", "would not raise wages")
    assert s["mark"] == "corroborated"
    assert s["articles"] == 5 and s["independent_sources"] == 2  # three wire copies + two Harbour Times
    assert s["sources"] == "harbour-times; AP wire copy"
    assert {r["outlet"] for r in _reports(tables, s["statement_id"])} == {
        "wire-ap",
        "daily-courier",
        "metro-daily",
        "harbour-times",
    }


def test_a_quote_carried_only_by_wire_copies_is_single_source(tables) -> None:
    s = _statement(tables, "Tomas Brandt", "We will stay out")
    assert (s["mark"], s["articles"], s["independent_sources"]) == ("single-source", 3, 1)
    assert "carried by 3 articles" in s["mark_evidence"]


def test_a_denial_and_another_figure_contest_the_walkout(tables) -> None:
    s = _statement(tables, "Tomas Brandt", "4,000 dockworkers walked out")
    assert s["mark"] == "contested" and s["independent_sources"] == 2
    kinds = {
        x["kind"]: x
        for x in tables["contradictions"]
        if s["statement_id"] in (x["statement_id"], x["other_id"])
    }
    assert set(kinds) == {"denial", "figures"}
    denier = next(r for r in tables["statements"] if r["statement_id"] == kinds["denial"]["by"])
    assert denier["speaker"] == "Transport Ministry" and denier["cue"] == "denied"
    assert kinds["figures"]["words"] in ("4,000 against 1,500", "1,500 against 4,000")
    assert "denied by" in s["mark_evidence"] and "other figures" in s["mark_evidence"]


def test_no_contradiction_between_unrelated_claims(tables) -> None:
    rovers = {a["stem"] for a in tables["articles"] if "rovers" in a["stem"]}
    assert not [x for x in tables["contradictions"] if x["stem"] in rovers or x["other_stem"] in rovers]


# ------------------------------------------------------------------ actors, stories, timeline, outlets


def test_one_actor_under_other_spellings_accents_and_titles(tables) -> None:
    by_name = {a["name"]: a for a in tables["actors"]}
    varga = by_name["Elena Varga"]
    assert "Elena Vargha" in varga["variants"] and varga["articles"] == 6 and varga["outlets"] == 5
    assert "Tomás Brandt" in by_name["Tomas Brandt"]["variants"]
    assert "Elena Vargha" not in by_name and "Tomás Brandt" not in by_name
    per = {(r["actor_id"], r["outlet"]): r["mentions"] for r in tables["actor_outlets"]}
    assert per[(varga["actor_id"], "norvia-post")] >= 1


def test_stories_group_the_strike_and_keep_the_takeover_apart(tables) -> None:
    stories = {s["story_id"]: s for s in tables["stories"]}
    member = {m["stem"]: m["story_id"] for m in tables["story_articles"]}
    strike = {member[a["stem"]] for a in tables["articles"] if "rovers" not in a["stem"]}
    rovers = {member[a["stem"]] for a in tables["articles"] if "rovers" in a["stem"]}
    assert len(strike) == 1 and len(rovers) == 1 and strike != rovers
    story = stories[strike.pop()]
    assert story["articles"] == 6 and "Elena Varga" in story["shared_actors"]
    joined = [m for m in tables["story_articles"] if m["story_id"] == story["story_id"] and m["shared"]]
    assert all(m["similarity"] >= 0.3 for m in joined) and len(joined) == 5  # the evidence of each join


def test_the_timeline_merges_one_event_from_several_articles(tables) -> None:
    monday = [e for e in tables["timeline"] if e["date"] == "2025-03-10" and e["articles"] >= 4]
    assert monday and "walked out" in monday[0]["description"]
    meeting = [
        e for e in tables["timeline"] if e["date"] == "2025-03-13" and "meet again" in e["description"]
    ]
    assert len(meeting) == 1 and meeting[0]["articles"] == 3 and meeting[0]["tense"] == "planned"


def test_outlet_profiles_count_sourcing_and_editorial_voice(tables) -> None:
    o = {r["outlet"]: r for r in tables["outlets"]}
    assert o["norvia-post"]["second_hand"] == 1  # "According to the Harbour Times, ..."
    assert o["norvia-post"]["official"] >= 1  # the ministry's denial
    assert o["harbour-times"]["anonymous"] >= 1  # "a senior ministry official, who spoke on condition ..."
    assert o["harbour-times"]["editorial_share"] > 0 and o["wire-ap"]["editorial_share"] == 0
    assert "Tomas Brandt" in o["wire-ap"]["top_quoted"]
    assert all(r["sourcing_from"] == "fallback" for r in tables["articles"])


def test_sourcing_csv_from_the_article_analysis_wins_over_the_fallback(
    extracted: Path, tmp_path: Path
) -> None:
    source = next(s for s in read_corpus(HAND) if s.stem.startswith("wire-ap"))
    folder = tmp_path / source.stem
    shutil.copytree(extracted / source.stem, folder)
    (folder / "sourcing.csv").write_text(
        "claim_id,sourcing,evidence_start,evidence_end\nC1,second-hand,0,5\n", encoding="utf-8"
    )
    d = digest(source, read_files(folder), LEX)
    assert d["article"]["sourcing_from"] == "analysis"
    c1 = next(c for c in d["claims"] if c["claim_id"] == "C1")
    assert (c1["sourcing"], c1["sourcing_why"]) == ("second-hand", "per-article analysis")


def test_digests_hold_no_article_text(extracted: Path) -> None:
    """The aggregation works from per-article tables: no digest carries the article's text."""
    for d in _digests(extracted):
        text = (extracted / d["article"]["stem"] / "article.txt").read_text(encoding="utf-8")
        flat = json.dumps(d, ensure_ascii=False)
        assert text.strip() not in flat and len(flat) < 4 * len(text) + 4000


# ------------------------------------------------------------------ the rules on our own sentences


@pytest.mark.parametrize(
    ("speaker", "surface", "kind", "sentence", "expected"),
    [
        ("", "", "", "The plan was approved, it emerged.", "anonymous"),
        (
            "A person familiar",
            "a person familiar",
            "group",
            "a person familiar with the talks said",
            "anonymous",
        ),
        ("Senior officials", "Senior officials", "group", "Senior officials said on Monday ...", "anonymous"),
        (
            "New York Times",
            "The New York Times",
            "organisation",
            "According to The New York Times ...",
            "second-hand",
        ),
        (
            "State Department",
            "The State Department",
            "organisation",
            "The State Department said ...",
            "official",
        ),
        ("Jane Roe", "Senator Jane Roe", "person", "Senator Jane Roe said in a statement ...", "on-record"),
    ],
)
def test_fallback_sourcing_classes(speaker, surface, kind, sentence, expected) -> None:
    claim = {"speaker": speaker, "speaker_surface": surface, "speaker_id": "A1" if speaker else ""}
    cls, why = classify(claim, kind, sentence, LEX)
    assert cls == expected and why


def test_name_keys() -> None:
    assert (
        person_key("Sen. Bernard J. Sanders", LEX) == person_key("Bernard Sanders", LEX) == "bernard sanders"
    )
    assert person_key("Donald Trump Jr.", LEX) != person_key("Donald Trump", LEX)
    assert person_key("Mr. Erdoğan", LEX) == "~erdogan"
    assert other_key("the U.S. State Department's") == "u s state department"
    assert acronym(other_key("Federal Bureau of Investigation")) == "fbi"


def test_the_registry_merges_what_spelling_cannot(extracted: Path) -> None:
    registry = Registry((RegistryEntry(name="Port of Valmar Authority", aliases=("Valmar",)),))
    t = aggregate(_digests(extracted), LEX, registry)
    assert "Port of Valmar Authority" in {a["name"] for a in t["actors"]}
    assert "Valmar" not in {a["name"] for a in t["actors"]}


# ------------------------------------------------------------------ what the briefing shows


def _page(t, limit: int) -> str:
    """Every corpus section as the notebooks call them, in their order, as one HTML string."""
    from briefing.corpus import present as C

    ev = C.evidence(t)
    s = t.statements
    parts = [
        C.bluf(t),
        C.at_a_glance(t),
        C.method(),
        C.stories_note(t),
        C.stories_table(t, ev, t.stories[t.stories.articles >= 2], limit=limit),
        C.actors_table(t, t.actors, limit=limit),
        C.statements_table(t, ev, s[s.mark == "contested"], "Contested", limit=limit),
        C.contradictions_table(t, ev, limit=limit),
        C.statements_table(t, ev, s[s.mark == "corroborated"], "Corroborated", limit=limit),
        C.timeline_table(t, ev, t.timeline, limit=limit),
        C.outlets_table(t),
        C.errors_table(t),
        C.sources(t, ev),
    ]
    return "".join(str(p) for p in parts)


@pytest.fixture()
def bundle(tables, extracted: Path, tmp_path: Path):
    from briefing.corpus.contract import load_corpus, write_tables

    write_tables({**tables, "errors": []}, tmp_path)
    return load_corpus(tmp_path, extracted)


@pytest.mark.parametrize("limit", [1, 40])
def test_every_link_of_the_briefing_lands_even_when_tables_are_cut(bundle, limit: int) -> None:
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.ids: set[str] = set()
            self.hrefs: list[str] = []

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if "id" in a:
                self.ids.add(a["id"])
            if a.get("href", "").startswith("#"):
                self.hrefs.append(a["href"][1:])

    html, page = _page(bundle, limit), Links()
    page.feed(html)
    assert page.hrefs and not [h for h in page.hrefs if h not in page.ids]
    if limit == 1:  # cut tables: what they leave out but others link to is listed under Sources
        assert "Statements and stories referred to above" in html


def test_cited_sentences_are_printed_with_the_claim_marked(bundle) -> None:
    from briefing.corpus import present as C

    html = str(C.statements_table(bundle, C.evidence(bundle), bundle.statements.head(3), "x"))
    html += str(C.sources(bundle, C.evidence(bundle)))
    assert "<mark>the government would not raise wages by more than 5 per cent this year.</mark>" in html
    assert 'href="../articles/wire-ap_2025-03-10_valmar-dock-strike/article.txt"' in html
