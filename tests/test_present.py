"""The present layer and the charts on an invented article (extraction built in code, analysed by the
real analysis stage), on empty tables and on hostile text. Present only formats: what it shows must be
what the analysis tables say."""

from __future__ import annotations

import re
import warnings
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefing.analysis import analyse
from briefing.ingest import build_document
from briefing.io import Bundle, load
from briefing.model import Actor, ActorIndex, Claim, Event, Expert, Extraction, Finding, Mention
from briefing.pipeline import write_results
from briefing.present import charts
from briefing.present import html as P

# An invented story (no real article): a port strike in a made-up country.
ARTICLE = "\n".join(
    [
        "Harbour councils reject Norvia port deal as strike looms",
        "Maritime Minister Elena Varga refused on Monday to meet the Dockworkers Union, saying "
        "talks would only resume once the blockade ends.",
        '"We will not negotiate under threat," Varga said. "The port must reopen first."',
        "The Dockworkers Union, led by Tomas Brandt, demanded a 12 per cent pay rise and said "
        "members would strike next Friday if the government did not respond.",
        "Brandt told reporters that the union had offered a truce last month but the ministry never"
        " answered.",
        "The government's silence is a scandal that will haunt it for years.",
        "Ines Okafor, a labour economist at the University of Lisbon, wrote in a blog post that a "
        "long strike would very likely cut exports by a fifth.",
        "She said the minister probably misjudged the union's resolve.",
        "READ ALSO: Ten best beaches to visit this summer",
        "",
    ]
)

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3) $$x$$ **md**"


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def build_fixture(
    folder: Path, text: str = ARTICLE, published: date | None = date(2025, 3, 10), hostile_names: bool = False
) -> Bundle:
    """Write an extraction of ``text`` (the invented article, maybe with hostile lines) and load it."""
    doc = build_document(text, "invented.txt", published)
    sid = doc.sentence_at
    varga = HOSTILE if hostile_names else "Elena Varga"
    actors = [
        Actor("A1", varga, "person", "Maritime Minister", "government", "government"),
        Actor("A2", "Dockworkers Union", "organisation", "trade union", side="union"),
        Actor(
            "A3",
            "Tomas Brandt",
            "person",
            "union leader",
            "Dockworkers Union",
            "union",
            group="Dockworkers Union",
        ),
        Actor(
            "A4", "Ines Okafor", "person", "labour economist", "University of Lisbon", "expert", expert=True
        ),
    ]
    surfaces = [
        ("A1", "Elena Varga", 0),
        ("A1", "Varga", 1),
        ("A2", "Dockworkers Union", 0),
        ("A2", "Dockworkers Union", 1),
        ("A3", "Tomas Brandt", 0),
        ("A3", "Brandt", 1),
        ("A4", "Ines Okafor", 0),
        ("A4", "She", 0),
        ("A1", "the minister", 0),
        ("A2", "the union", 0),
    ]
    mentions = [Mention(a, s, *_at(text, s, n)) for a, s, n in surfaces]
    spans = [
        ("C1", "A1", "direct", "We will not negotiate under threat", "refusal", "said"),
        ("C2", "A1", "direct", "The port must reopen first.", "demand", "said"),
        ("C3", "A1", "indirect", "talks would only resume once the blockade ends", "condition", "saying"),
        (
            "C4",
            "A2",
            "indirect",
            "members would strike next Friday if the government did not respond",
            "warning",
            "said",
        ),
        (
            "C5",
            "A3",
            "indirect",
            "the union had offered a truce last month but the ministry never answered",
            "assertion",
            "told",
        ),
        (
            "C6",
            "",
            "editorial",
            "The government's silence is a scandal that will haunt it for years.",
            "assessment",
            "(outlet)",
        ),
        (
            "C7",
            "A4",
            "indirect",
            "a long strike would very likely cut exports by a fifth",
            "assessment",
            "wrote",
        ),
        ("C8", "A4", "indirect", "the minister probably misjudged the union's resolve", "assessment", "said"),
    ]
    names = {a.id: a.name for a in actors}
    claims = []
    for cid, who, mode, span, kind, cue in spans:
        s, e = _at(text, span)
        claims.append(
            Claim(
                cid,
                who,
                names.get(who, ""),
                cue,
                mode,
                span,
                s,
                e,
                sid(s).id,
                claim_type=kind,
                hedges="probably" if "probably" in span else "",
            )
        )
    events = [
        Event(
            "E1",
            "on Monday",
            *_at(text, "on Monday"),
            "2025-03-10",
            "day",
            "Varga refuses to meet",
            ("A1",),
            sid(_at(text, "on Monday")[0]).id,
            "past",
        ),
        Event(
            "E2",
            "next Friday",
            *_at(text, "next Friday"),
            "2025-03-21",
            "day",
            "strike threatened",
            ("A2",),
            sid(_at(text, "next Friday")[0]).id,
            "planned",
        ),
        Event(
            "E3",
            "last month",
            *_at(text, "last month"),
            "2025-02",
            "month",
            "union offers a truce",
            ("A3", "A2"),
            sid(_at(text, "last month")[0]).id,
            "past",
        ),
    ]
    cred = _at(text, "a labour economist at the University of Lisbon")
    experts = [
        Expert("A4", "Ines Okafor", "labour economist at the University of Lisbon", *cred, "in a blog post")
    ]
    c7, c8 = claims[6], claims[7]
    findings = [
        Finding("A4", "prediction", c7.text, c7.start, c7.end, "C7", "very likely", "very likely"),
        Finding("A4", "judgement", c8.text, c8.start, c8.end, "C8", "likely", "probably"),
    ]
    ex = Extraction(
        doc,
        ActorIndex(tuple(actors), tuple(mentions)),
        tuple(claims),
        tuple(events),
        tuple(experts),
        tuple(findings),
    )
    folder.mkdir(parents=True, exist_ok=True)
    write_results(ex, analyse(ex), folder)
    return load(folder)


def empty_fixture(folder: Path, text: str = "Nothing happened today.\n") -> Bundle:
    doc = build_document(text, "empty.txt", None)
    folder.mkdir(parents=True, exist_ok=True)
    ex = Extraction(doc, ActorIndex(), (), ())
    write_results(ex, analyse(ex), folder)
    return load(folder)


def hostile_text() -> str:
    lines = ARTICLE.splitlines()
    lines.insert(5, f"Varga said that {HOSTILE} was fine.")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def b(tmp_path_factory) -> Bundle:
    return build_fixture(tmp_path_factory.mktemp("ex"))


@pytest.fixture(scope="module")
def nothing(tmp_path_factory) -> Bundle:
    return empty_fixture(tmp_path_factory.mktemp("empty"))


SECTIONS = [
    P.bluf,
    P.at_a_glance,
    P.actors_table,
    P.actors_note,
    P.groups,
    P.links_note,
    P.claims_note,
    P.disputes_table,
    P.claims_by_speaker,
    P.claims_by_type,
    P.positions_matrix,
    P.editorial_panel,
    P.sourcing_summary,
    P.flags_table,
    P.single_sources,
    P.experts_table,
    P.findings_table,
    P.expert_contrast,
    P.timeline_table,
    P.timeline_note,
    P.source_text,
    charts.mentions_bar,
    charts.network,
    charts.timeline_chart,
]


class Checker(HTMLParser):
    """Collects tags, attributes and text; checks that the nesting is well formed."""

    VOID = frozenset({"img", "br", "meta", "input", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Checker:
    c = Checker()
    c.feed(html)
    c.close()
    assert not c.errors and not c.stack, (c.errors, c.stack)
    return c


# ------------------------------------------------------------------ behaviour


def text_of(html: object) -> str:
    return " ".join("".join(parse(str(html)).text).split())


def test_every_section_renders_on_the_invented_article(b):
    for fn in SECTIONS:
        out = fn(b)
        assert isinstance(out, P.Html), fn.__name__
        parse(out.html)


@pytest.mark.parametrize("fn", SECTIONS, ids=lambda f: f.__name__)
def test_empty_tables_give_a_sentence_not_an_error(nothing, fn):
    out = fn(nothing)
    assert isinstance(out, P.Html)
    parse(out.html)
    assert "Traceback" not in out.html


def test_empty_messages_are_plain_english(nothing):
    assert "No expert commentary was found in this article." in P.experts_table(nothing).html
    assert "No actors were found" in P.actors_table(nothing).html
    assert "relative dates" in P.published_note(nothing).html


def test_bluf_shows_the_analysis_sentences_each_with_its_evidence(b):
    items = P.bluf_items(b)
    assert 3 <= len(items) <= 6 and len(items) == len(b.bottom_line)
    for item, (_, row) in zip(items, b.bottom_line.iterrows(), strict=True):
        shown = text_of(item)
        assert row.text in shown  # the sentence as the analysis wrote it, nothing recomputed
        if row.evidence_start >= 0:  # "the text does not name its outlet" has no sentence to point at
            assert 'href="#s' in item.html
    assert "10 March 2025" in text_of(P.bluf(b))


def test_one_set_of_figures_across_sections(b):
    stats = re.findall(r'stat-n">(\d+)</span><span class="stat-l">([^<]+)<', P.at_a_glance(b).html)
    glance = {label: int(n) for n, label in stats}
    assert glance["sentences"] == b.count("sentences") == len(b.sentences)
    assert f"{glance['sentences']} sentences" in text_of(P.source_text(b))  # the same count in both
    assert glance["actors"] == b.count("actors")
    assert f"{glance['actors']} actors" in text_of(P.actors_note(b))
    assert f"{b.count('claims')} claims" in text_of(P.claims_note(b))


def test_network_caption_and_paragraph_name_the_same_strongest_links(b):
    first = b.links.sort_values("rank").iloc[0]
    pair = f"{first.source_name} – {first.target_name}"
    assert pair in text_of(P.links_note(b))
    assert pair in text_of(charts.network(b))


def test_actors_table_shows_the_rows_it_is_given_in_their_order_and_quotes_first_appearance(b):
    html = P.actors_table(b).html
    assert html.index("Elena Varga") < html.index("Tomas Brandt")
    fewest_first = P.actors_table(b, b.actors.sort_values("mentions")).html
    assert fewest_first.index("Tomas Brandt") < fewest_first.index("Elena Varga")
    assert "Tomas Brandt" not in P.actors_table(b, b.actors[b.actors.actor_id != "A3"]).html
    assert 'id="actor-a1"' in html and 'href="#s' in html and "expert" in html


def test_claims_show_the_act_the_analysis_found(b):
    acts = dict(zip(b.positions.claim_id, b.positions.act, strict=False))
    assert acts["C1"] == "refusal" and acts["C2"] == "demand"
    table = text_of(P.claims_by_speaker(b))
    assert "refusal" in table and "demand" in table


def test_positions_matrix_names_matters_from_the_claims(b):
    html = text_of(P.positions_matrix(b))
    for label in b.matters.label[:3]:
        assert label in html
    assert "Ines Okafor" not in set(b.positions[b.positions.role == "party"].actor)  # experts are no party


def test_sourcing_section_names_the_outlet_and_the_classes(b):
    text = text_of(P.sourcing_summary(b))
    assert "Outlet: not stated" in text
    assert set(b.sourcing.sourcing) <= {"on-record", "anonymous", "second-hand", "official"}
    for kind in set(b.sourcing.sourcing):
        assert kind in text


def test_editorial_panel_is_apart_from_reporting(b):
    html = P.editorial_panel(b).html
    assert html.count("<li>") == 1 and "scandal" in html and "<aside" in html


def test_findings_state_likelihood_caveat_or_no_hedging(b):
    assert "very likely" in P.findings_table(b).html
    assert "stated without hedging" in P.likelihood_text({"likelihood": "", "likelihood_words": ""})
    assert "caveat" in P.likelihood_text({"likelihood": "", "caveat": "not necessarily"})


def test_dates(b):
    assert P.date_range("2025-02") == (date(2025, 2, 1), date(2025, 2, 28))
    assert P.date_range("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert P.date_range("2025-05-05/2025-05-11") == (date(2025, 5, 5), date(2025, 5, 11))
    assert P.date_range("") is None and P.date_range("soon") is None
    assert P.first_day("2025-05-05/2025-05-11") == date(2025, 5, 5) and P.first_day("soon") is None
    first, last = P.span(b.events)  # the earliest and latest resolved dates, whatever the rows' order
    assert (first, last) == P.span(b.events.iloc[::-1])
    assert f"from {first} to {last}" in text_of(P.timeline_note(b))
    assert "planned" in P.timeline_note(b).html


def test_source_text_has_every_anchor_once(b):
    c = parse(P.source_text(b).html)
    ids = [a["id"] for _, a in c.tags if "id" in a]
    assert len(ids) == len(set(ids))
    for sid in b.sentences.sentence_id:
        assert f"s{sid}" in ids
    for cid in [*b.claims.claim_id, *b.events.event_id]:
        assert cid.lower() in ids
    assert "".join(c.text).count("Varga") >= 2


def test_every_link_in_the_briefing_points_at_an_anchor(b):
    html = "".join(fn(b).html for fn in SECTIONS)
    c = parse(html)
    ids = {a["id"] for _, a in c.tags if "id" in a}
    hrefs = {a["href"][1:] for t, a in c.tags if t == "a" and a.get("href", "").startswith("#")}
    assert hrefs and hrefs <= ids


def test_figures_are_self_contained_with_alt_and_caption(b):
    for fn in (charts.mentions_bar, charts.network, charts.timeline_chart):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a warning would show as stderr in the notebook
            c = parse(fn(b).html)
        img = [a for t, a in c.tags if t == "img"]
        assert len(img) == 1 and img[0]["src"].startswith("data:image/png;base64,")
        assert len(img[0]["alt"]) > 30
        assert any(t == "figcaption" for t, _ in c.tags)


# ------------------------------------------------------------------ hostile text


def test_hostile_text_appears_only_as_text(tmp_path):
    bundle = build_fixture(tmp_path, hostile_text(), hostile_names=True)
    html = "".join(fn(bundle).html for fn in SECTIONS)
    c = parse(html)
    allowed = {
        "div",
        "p",
        "span",
        "a",
        "q",
        "ul",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "caption",
        "strong",
        "em",
        "h3",
        "h4",
        "aside",
        "figure",
        "img",
        "figcaption",
        "br",
    }
    assert {t for t, _ in c.tags} <= allowed
    for _, attrs in c.tags:
        assert not any(k.startswith("on") for k in attrs)
        assert not attrs.get("href", "").lower().startswith("javascript")
    text = "".join(c.text)
    for piece in ("<script>alert(1)</script>", "onerror=alert(2)", "javascript:alert(3)", "$$x$$", "**md**"):
        assert piece in text
    assert HOSTILE in text_of(P.bluf(bundle))  # the bottom line names the (hostile) actor as text
    assert "$" not in html  # escaped as &#36;: no TeX typesetting anywhere
    assert "<strong>md</strong>" not in html


def test_escaping_is_markupsafe():
    from markupsafe import Markup

    assert isinstance(P.esc("x"), Markup)
    assert P.esc("<b>&\"'$") == "&lt;b&gt;&amp;&#34;&#39;&#36;"
    link = P.tag("a", "x", href='"><script>', cls="ref").html
    assert link == '<a href="&#34;&gt;&lt;script&gt;" class="ref">x</a>'
    assert P.esc(P.Html("<b>")) == "<b>"
    assert P.Html("<i>") + "<s>" == "<i>&lt;s&gt;"  # joining never un-escapes
    assert P.join(["<a>", P.Html("<b>")], ", ") == "&lt;a&gt;, <b>"


def test_shorten_cuts_at_a_word():
    assert P.shorten("one two three four", 9) == "one two…"
    assert re.fullmatch(r"\S+", P.shorten("x" * 10, 50))


def test_timeline_breaks_the_axis_only_across_a_long_quiet_gap():
    recent = [(date(2025, 5, d), date(2025, 5, d)) for d in (1, 9, 15)]
    assert len(charts.panels(recent)) == 1
    old = [(date(2022, 1, 1), date(2022, 12, 31)), *recent]
    year, may = (date(2022, 1, 1), date(2022, 12, 31)), (date(2025, 5, 1), date(2025, 5, 15))
    assert charts.panels(old) == [year, may]
