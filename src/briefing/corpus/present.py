"""What the corpus notebooks show: tables and sentences written from the corpus tables, and the evidence.

Built on the article briefing's safe-HTML helpers (:mod:`briefing.present`): every string from an article
or from the input goes through ``esc``; functions return ``Html``. Evidence links point into the Sources
section, where :class:`Evidence` prints, per article, exactly the sentences this briefing cited, read
from DIR/articles/<stem>/ one article at a time.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from briefing.corpus.contract import CorpusBundle
from briefing.present.html import (
    Html,
    block,
    esc,
    human_date,
    join,
    names_list,
    note,
    para,
    quote,
    shorten,
    table,
    tag,
)
from briefing.present.html import plural as _plural

MARKS = ("contested", "corroborated", "single-source")


def plural(n: int, word: str, words: str = "") -> str:
    """``10,640 statements``: the article briefing's plural, with thousands separated."""
    return f"{int(n):,}" + _plural(int(n), word, words)[len(str(int(n))) :]


SOURCING = ("on_record", "anonymous", "second_hand", "official")


# ------------------------------------------------------------------ evidence


class Evidence:
    """The sentences this briefing cites, by article: the links to them, and the Sources that hold them."""

    def __init__(self, t: CorpusBundle) -> None:
        self.t = t
        self.number = {stem: i + 1 for i, stem in enumerate(t.articles.stem)}
        rows = t.articles.set_index("stem") if len(t.articles) else pd.DataFrame()
        self.meta = rows.to_dict("index") if len(rows) else {}
        self.cited: dict[str, dict[int, list[tuple[int, int]]]] = {}
        self.targets: set[str] = set()  # rows shown with an anchor (statements, stories, events)
        self.refs: dict[str, str] = {}  # rows linked to: id -> what it is

    def target(self, item_id: str) -> Html:
        """The row's id as the anchor its references link to."""
        self.targets.add(item_id)
        return tag("span", item_id, id=item_id.lower())

    def ref(self, what: str, item_id: str) -> Html:
        """A link to a row (CL3, ST2, EV5); rows not shown above are listed under Sources."""
        self.refs.setdefault(item_id, what)
        return tag("a", item_id, href=f"#{item_id.lower()}", cls="ref", title=f"{what} {item_id}")

    def article_anchor(self, stem: str) -> str:
        return f"a{self.number.get(stem, 0)}"

    def label(self, stem: str) -> str:
        m = self.meta.get(stem, {})
        return f"{m.get('outlet', '?')} {m.get('published', '')}".strip()

    def link(self, stem: str, sid: int, start: int = -1, end: int = -1, label: str = "") -> Html:
        """A reference to sentence ``sid`` of article ``stem`` (registered for the Sources section)."""
        if stem not in self.number:
            return Html("")
        if int(sid) < 0:
            return self.article_link(stem, label)
        spans = self.cited.setdefault(stem, {}).setdefault(int(sid), [])
        if int(start) >= 0 and (int(start), int(end)) not in spans:
            spans.append((int(start), int(end)))
        title = f"sentence {int(sid)} of {self.meta.get(stem, {}).get('title') or stem}"
        href = f"#{self.article_anchor(stem)}-s{int(sid)}"
        return tag("a", label or self.label(stem), href=href, cls="ref", title=shorten(title, 120))

    def article_link(self, stem: str, label: str = "") -> Html:
        self.cited.setdefault(stem, {})
        title = self.meta.get(stem, {}).get("title") or stem
        return tag(
            "a", label or self.label(stem), href=f"#{self.article_anchor(stem)}", cls="ref", title=title
        )


def evidence(t: CorpusBundle) -> Evidence:
    """The briefing's one :class:`Evidence` for ``t``: every section registers its citations in it."""
    return t.cache.setdefault("evidence", Evidence(t))


def _sentences(folder: Path, wanted: Iterable[int]) -> dict[int, tuple[int, int, str]]:
    """The text of the wanted sentences of one article (None of the rest is kept)."""
    wanted = set(wanted)
    try:
        text = (folder / "article.txt").read_text(encoding="utf-8")
        rows = (folder / "sentences.csv").read_text(encoding="utf-8")
    except OSError:
        return {}
    out = {}
    for r in csv.DictReader(io.StringIO(rows, newline="")):
        sid = int(r["sentence_id"])
        if sid in wanted:
            a, z = int(r["start"]), int(r["end"])
            out[sid] = (a, z, text[a:z])
    return out


def _highlighted(sentence: tuple[int, int, str], spans: list[tuple[int, int]]) -> Html:
    """The sentence with the cited claims marked (offsets are the article's)."""
    a, _, text = sentence
    cuts = sorted({(max(s - a, 0), min(e - a, len(text))) for s, e in spans if e > a and s < a + len(text)})
    parts, pos = [], 0
    for s, e in cuts:
        if s < pos:
            continue
        parts += [esc(text[pos:s]), f"<mark>{esc(text[s:e])}</mark>"]
        pos = e
    parts.append(esc(text[pos:]))
    return Html("".join(parts))


# ------------------------------------------------------------------ small pieces


def mark_badge(mark: str) -> Html:
    return tag("span", mark, cls=f"mark mark-{mark}") if mark else Html("")


def pct(value: float) -> str:
    return "" if value is None or pd.isna(value) or value == "" else f"{float(value) * 100:.0f}%"


def _ids(value: str) -> list[str]:
    return [v for v in str(value or "").replace(";", " ").split() if v]


def _stat(n: object, label: str) -> Html:
    return tag("div", tag("span", str(n), cls="stat-n") + tag("span", label, cls="stat-l"), cls="stat")


def _more(shown: int, total: int, what: str, csv_name: str) -> Html:
    if total <= shown:
        return Html("")
    return para(
        f"{total - shown} more {what} are in {csv_name} (the table shows the first {shown}).", cls="muted"
    )


# ------------------------------------------------------------------ 00 overview


def bluf(t: CorpusBundle) -> Html:
    """The key points of the corpus, written from its tables."""
    a, s, ev = t.articles, t.statements, evidence(t)
    items = [_scope_line(t)]
    if len(t.stories):
        multi = t.stories[t.stories.articles > 1]
        top = t.stories.iloc[0]
        verb = "is" if len(multi) == 1 else "are"
        size = plural(int(top.articles), "article")
        items.append(
            f"{plural(len(multi), 'story', 'stories')} {verb} covered by more than one article; the largest "
            f"({top.story_id}, {size} from {top['first']} to {top['last']}) is about {top.label}."
        )
    if len(s):
        shared = s[s.articles > 1]
        marks = s.mark.value_counts()
        items.append(
            f"Of {plural(len(s), 'attributed statement')}, {len(shared)} appear in more than one article: "
            f"{marks.get('corroborated', 0)} corroborated by independent sources, "
            f"{marks.get('contested', 0)} contested by another article, the rest from a single source."
        )
        lead = _lead_statement(s)
        if lead is not None:
            items.append(
                Html("The most widely reported statement: ")
                + tag("strong", lead.speaker)
                + Html(" ")
                + quote(lead.text, 200)
                + f" ({plural(int(lead.articles), 'article')}, {int(lead.independent_sources)} independent) "
                + ev.ref("statement", lead.statement_id)
            )
    if len(t.outlets) > 1:
        o = t.outlets.sort_values("anonymous_share", ascending=False).iloc[0]
        items.append(
            f"{o.outlet} relies most on anonymous sources ({pct(o.anonymous_share)} of its sourced claims); "
            f"sourcing is classed {_sourcing_origin(a)}."
        )
    if len(t.errors):
        items.append(
            f"{plural(len(t.errors), 'article')} could not be analysed; they are listed under Sources."
        )
    return block(tag("ul", join(tag("li", i) for i in items), cls="bluf"))


def _scope_line(t: CorpusBundle) -> str:
    a = t.articles
    outlets = sorted(set(a.outlet))
    dates = sorted(d for d in a.published if d)
    span = f", published {dates[0]} to {dates[-1]}" if dates else ", publication dates unknown"
    names = (
        names_list(outlets) if len(outlets) <= 8 else f"{', '.join(outlets[:8])} and {len(outlets) - 8} more"
    )
    return f"{plural(len(a), 'article')} from {plural(len(outlets), 'outlet')} ({names}){span}."


def _lead_statement(s: pd.DataFrame) -> pd.Series | None:
    shared = s[s.articles > 1].sort_values(["independent_sources", "articles"], ascending=False)
    return shared.iloc[0] if len(shared) else None


def _sourcing_origin(a: pd.DataFrame) -> str:
    n = (a.sourcing_from == "analysis").sum()
    if n == len(a):
        return "by the per-article analysis (sourcing.csv)"
    if n == 0:
        return "by the corpus fallback rules (data/corpus.yaml), as no per-article analysis was found"
    return f"by the per-article analysis for {n} articles and by the fallback rules for {len(a) - n}"


def at_a_glance(t: CorpusBundle) -> Html:
    s = t.statements
    stats = [
        (len(t.articles), "articles analysed"),
        (t.articles.outlet.nunique(), "outlets"),
        (int((t.stories.articles > 1).sum()) if len(t.stories) else 0, "stories with 2+ articles"),
        (len(t.actors), "actors"),
        (int((s.mark == "corroborated").sum()) if len(s) else 0, "corroborated statements"),
        (int((s.mark == "contested").sum()) if len(s) else 0, "contested statements"),
        (len(t.errors), "failed articles"),
    ]
    return block(tag("div", join(_stat(n, label) for n, label in stats), cls="glance"))


def method() -> Html:
    """How the articles were compared, in a few sentences (the rules live in briefing.corpus)."""
    parts = [
        "Stories: articles are taken in order of publication; each joins the story whose articles it is "
        "most similar to (the actors it mentions, weighted by how rare they are in the corpus, and the "
        "statements it shares with them), if that story had an article in the previous seven days; "
        "otherwise it opens a new story.",
        "Actors: the same person under different spellings and titles is one actor (titles, middle names "
        "and accents set aside; a surname alone joins the full name that has most of its mentions; the "
        "analyst's registry wins).",
        "Statements: two claims are one statement when the same actor makes them and their content words "
        "nearly coincide. A statement is corroborated when two or more independent sources report it; wire "
        "copy republished verbatim (found by shared word sequences, or a wire credited in the dateline) "
        "counts once. It is contested when a claim in another article denies it, says the opposite, or "
        "gives other figures.",
        "Timeline: dated events from different articles are one when they fall on the same date and share "
        "an actor or most of their description.",
    ]
    return block(*(para(p) for p in parts))


# ------------------------------------------------------------------ 01 stories


def stories_table(t: CorpusBundle, ev: Evidence, stories: pd.DataFrame, limit: int = 40) -> Html:
    if not len(stories):
        return block(para("No story has more than one article.", cls="empty"))
    members = t.story_articles
    rows = []
    for _, s in stories.head(limit).iterrows():
        arts = members[members.story_id == s.story_id]
        listing = join(
            tag("li", ev.article_link(m.stem) + Html(" ") + shorten(m.title or m.stem, 100) + _joined(m))
            for _, m in arts.iterrows()
        )
        details = tag("details", tag("summary", plural(len(arts), "article")) + tag("ul", listing))
        statements = join((ev.ref("statement", x) for x in _ids(s.shared_statements)), " ")
        rows.append(
            [
                ev.target(s.story_id),
                s.label,
                f"{s['first']} to {s['last']}" if s["first"] else "",
                details,
                s.outlets,
                s.shared_actors,
                statements,
            ]
        )
    headers = [
        "Story",
        "About",
        "Dates",
        "Articles",
        "Outlets",
        "Shared actors (articles)",
        "Shared statements",
    ]
    caption = "Stories with more than one article, largest first"
    return block(
        table(headers, rows, caption=caption, cls="stories"),
        _more(min(limit, len(stories)), len(stories), "stories", "stories.csv"),
    )


def _joined(m: pd.Series) -> Html:
    if pd.isna(m.similarity) or m.similarity == "":
        return tag("span", " (opened the story)", cls="muted")
    shared = f"; shared {m.shared}" if m.shared else ""
    return tag("span", f" (similarity {float(m.similarity):.2f}{shared})", cls="muted")


def stories_note(t: CorpusBundle) -> Html:
    st = t.stories
    if not len(st):
        return note("No stories.")
    single = int((st.articles == 1).sum())
    return note(
        f"{plural(len(st), 'story', 'stories')}: {len(st) - single} with two or more articles, {single} "
        "single articles "
        "that matched no other. Each article's similarity to its story when it joined, and what it shared, "
        "is the evidence for the grouping."
    )


# ------------------------------------------------------------------ 02 actors


def actors_table(t: CorpusBundle, actors: pd.DataFrame, limit: int = 40) -> Html:
    if not len(actors):
        return block(para("No actors were found.", cls="empty"))
    outlets = sorted(set(t.actor_outlets.outlet)) if len(t.actor_outlets) else []
    per = t.actor_outlets.pivot_table(index="actor_id", columns="outlet", values="mentions", aggfunc="sum")
    rows = []
    for _, a in actors.head(limit).iterrows():
        counts = [
            int(per.at[a.actor_id, o]) if o in per.columns and pd.notna(per.at[a.actor_id, o]) else 0
            for o in outlets
        ]
        variants = tag("span", a.variants, cls="muted small") if a.variants else ""
        rows.append([a["name"], a.kind, variants, a.articles, *counts, a.mentions])
    headers = ["Actor", "Kind", "Also written", "Articles", *outlets, "Mentions"]
    numeric = [3, *range(4, 4 + len(outlets) + 1)]
    caption = "Actors across the corpus: mentions per outlet"
    return block(
        table(headers, rows, caption=caption, numeric=numeric, cls="actors"),
        _more(min(limit, len(actors)), len(actors), "actors", "actors.csv"),
    )


def actors_note(t: CorpusBundle) -> Html:
    a = t.actors
    merged = int((a.variants != "").sum()) if len(a) else 0
    return note(
        f"{plural(len(a), 'actor')} across {plural(len(t.articles), 'article')}; {merged} of them were "
        "written "
        "more than one way and are merged (the spellings are listed)."
    )


# ------------------------------------------------------------------ 03 claims


def statements_table(
    t: CorpusBundle, ev: Evidence, rows: pd.DataFrame, caption: str, limit: int = 40
) -> Html:
    if not len(rows):
        return block(para(f"{caption}: none.", cls="empty"))
    reports = t.statement_reports
    out = []
    for _, s in rows.head(limit).iterrows():
        rep = reports[reports.statement_id == s.statement_id]
        links = join(
            (
                ev.link(r.stem, r.sentence_id, r.start, r.end, f"{r.outlet} {r.published}")
                for _, r in rep.iterrows()
            ),
            " ",
        )
        why = Html(esc(s.mark_evidence))
        if s.contested_by:
            why = why + Html(" ") + join((ev.ref("statement", x) for x in _ids(s.contested_by)), " ")
        out.append(
            [
                ev.target(s.statement_id),
                s.speaker,
                tag("span", f"{s.cue}: ", cls="muted") + quote(s.text, 220) if s.cue else quote(s.text, 220),
                mark_badge(s.mark),
                int(s.independent_sources),
                links,
                why,
            ]
        )
    headers = [
        "",
        "Speaker",
        "Statement",
        "Mark",
        "Independent sources",
        "Reported in",
        "Evidence for the mark",
    ]
    return block(
        table(headers, out, caption=caption, numeric=[4], cls="statements"),
        _more(min(limit, len(rows)), len(rows), "statements", "statements.csv"),
    )


def claims_note(t: CorpusBundle) -> Html:
    s = t.statements
    if not len(s):
        return note("No attributed claims were found.")
    m = s.mark.value_counts()
    return note(
        f"{plural(len(s), 'statement')} from {plural(int(s.reports.sum()), 'attributed claim')}: "
        f"{m.get('corroborated', 0)} corroborated, {m.get('contested', 0)} contested, "
        f"{m.get('single-source', 0)} single-source. Each report links to its sentence under Sources."
    )


def contradictions_table(t: CorpusBundle, ev: Evidence, limit: int = 40) -> Html:
    x = t.contradictions
    if not len(x):
        return block(para("No claim in one article contradicts a claim in another.", cls="empty"))
    claims = t.statement_reports.set_index(["stem", "claim_id"])
    items = []
    for _, r in x.head(limit).iterrows():
        sides = []
        for stem, cid, sid in (
            (r.stem, r.claim_id, r.statement_id),
            (r.other_stem, r.other_claim_id, r.other_id),
        ):
            c = claims.loc[(stem, cid)] if (stem, cid) in claims.index else None
            if c is None:
                continue
            c = c.iloc[0] if isinstance(c, pd.DataFrame) else c
            speaker = t.statements.set_index("statement_id").speaker.get(sid, "")
            sides.append(
                tag(
                    "div",
                    ev.ref("statement", sid)
                    + Html(" ")
                    + tag("strong", speaker)
                    + f" ({c.cue}) "
                    + quote(c.text, 200)
                    + Html(" ")
                    + ev.link(stem, c.sentence_id, c.start, c.end),
                )
            )
        why = {"denial": "a denial", "negation": "the opposite", "figures": "other figures"}.get(
            r.kind, r.kind
        )
        items.append(
            tag(
                "li",
                para(f"{why.capitalize()} (“{r.words}”)", cls="lead") + tag("div", join(sides), cls="versus"),
            )
        )
    return block(
        tag("ul", join(items), cls="evidence-list"),
        _more(min(limit, len(x)), len(x), "contradictions", "contradictions.csv"),
    )


# ------------------------------------------------------------------ 04 timeline


def timeline_table(t: CorpusBundle, ev: Evidence, events: pd.DataFrame, limit: int = 40) -> Html:
    if not len(events):
        return block(para("No dated events.", cls="empty"))
    reports = t.timeline_reports
    rows = []
    for _, e in events.head(limit).iterrows():
        rep = reports[reports.event_id == e.event_id]
        links = join(
            (ev.link(r.stem, r.sentence_id, r.start, r.end, f"{r.outlet}") for _, r in rep.iterrows()), " "
        )
        when = human_date(e.date) + (" (planned)" if e.tense == "planned" else "")
        rows.append(
            [ev.target(e.event_id) + f" {when}", quote(e.description, 200), e.actors, e.articles, links]
        )
    headers = ["Date", "What happened", "Actors", "Articles", "Reported by"]
    return block(
        table(headers, rows, caption="Merged timeline", numeric=[3], cls="timeline corpus-timeline"),
        _more(min(limit, len(events)), len(events), "events", "timeline.csv"),
    )


def timeline_note(t: CorpusBundle) -> Html:
    e = t.timeline
    if not len(e):
        return note("No article dated an event to a day, a week or a month.")
    shared = int((e.articles > 1).sum())
    return note(
        f"{plural(len(e), 'dated event')} from {e.date.min()} to {e.date.max()}; {shared} reported by more "
        "than "
        "one article. Events dated only to a year or a duration are left out."
    )


# ------------------------------------------------------------------ 05 outlets


def outlets_table(t: CorpusBundle) -> Html:
    o = t.outlets
    if not len(o):
        return block(para("No outlets.", cls="empty"))
    rows = [
        [
            r.outlet,
            r.articles,
            r.sourced_claims,
            *(pct(r[f"{k}_share"]) for k in SOURCING),
            pct(r.editorial_share),
            r.top_quoted,
        ]
        for _, r in o.iterrows()
    ]
    headers = [
        "Outlet",
        "Articles",
        "Sourced claims",
        "On record",
        "Anonymous",
        "Second-hand",
        "Official",
        "Editorial sentences",
        "Quoted most (claims)",
    ]
    return block(table(headers, rows, caption="Outlet profiles", numeric=list(range(1, 8))))


def sourcing_note(t: CorpusBundle) -> Html:
    return note(
        "Shares are of each outlet's sourced claims (quotes, reported speech and unattributed claims); the "
        f"editorial share is of its body sentences. Sourcing was classed {_sourcing_origin(t.articles)}."
    )


# ------------------------------------------------------------------ 06 sources


def errors_table(t: CorpusBundle) -> Html:
    e = t.errors
    if not len(e):
        return block(para("Every article was analysed.", cls="empty"))
    rows = [[r.source, r.stage, r.reason] for _, r in e.iterrows()]
    return block(
        table(["Article", "Stage", "Why it failed"], rows, caption=f"{plural(len(e), 'failed article')}")
    )


def sources(t: CorpusBundle, ev: Evidence, articles: Sequence[str] | None = None) -> Html:
    """Every article (metadata, a link to its text) and the sentences this briefing cites from it."""
    wanted = [s for s in (articles if articles is not None else t.articles.stem) if s in ev.meta]
    sizes = dict(zip(t.stories.story_id, t.stories.articles, strict=False))
    stories = {stem: _story_of(ev, ev.meta[stem].get("story_id", ""), sizes) for stem in wanted}
    others = _unshown(t, ev)  # after every reference is known, before the sentences they cite are read
    cards = [_card(ev, stem, stories[stem]) for stem in wanted]
    lead = note(
        f"{plural(len(wanted), 'article')}, with every sentence this briefing cites from each (the cited "
        "claim marked). The link under each opens the article's full text in the corpus folder."
    )
    return block(others, lead, join(cards))


def _card(ev: Evidence, stem: str, story: Html) -> Html:
    m = ev.meta[stem]
    cited = ev.cited.get(stem, {})
    sentences = _sentences(ev.t.articles_dir / stem, cited) if cited else {}
    items = [
        tag(
            "li",
            tag("span", f"s{sid} ", cls="muted small") + _highlighted(sentences[sid], spans),
            id=f"{ev.article_anchor(stem)}-s{sid}",
        )
        for sid, spans in sorted(cited.items())
        if sid in sentences
    ]
    head = tag("h3", f"{m['outlet']}, {m['published'] or 'date unknown'}: " + (m["title"] or stem))
    facts = para(
        tag("span", m["source"], cls="mono small"),
        f" · {plural(int(m['words']), 'word')} · ",
        story,
        " · full text: ",
        tag("a", f"articles/{stem}/article.txt", href=f"../articles/{stem}/article.txt"),
        cls="muted small",
    )
    body = tag("ol", join(items), cls="evidence-list") if items else Html("")
    return tag("div", head + facts + body, id=ev.article_anchor(stem), cls="article-card")


def _story_of(ev: Evidence, story_id: str, sizes: dict[str, int]) -> Html:
    if not story_id:
        return Html("")
    if sizes.get(story_id, 1) < 2:
        return Html("a story of its own")
    return Html("story ") + ev.ref("story", story_id)


def _unshown(t: CorpusBundle, ev: Evidence) -> Html:
    """The statements and stories linked to above but not shown in a table (beyond its limit)."""
    missing = [i for i in ev.refs if i not in ev.targets]
    if not missing:
        return Html("")
    st = t.statements.set_index("statement_id")
    stories = t.stories.set_index("story_id")
    reports = t.statement_reports
    items = []
    for item in missing:
        if item in st.index:
            s = st.loc[item]
            rep = reports[reports.statement_id == item]
            links = join((ev.link(r.stem, r.sentence_id, r.start, r.end) for _, r in rep.iterrows()), " ")
            body = Html("") + f"{s.speaker} ({s.cue}): " + quote(s.text, 200) + Html(" ") + mark_badge(s.mark)
            items.append(tag("li", ev.target(item) + Html(" ") + body + Html(" ") + links))
        elif item in stories.index:
            s = stories.loc[item]
            what = f" {s.label}: {plural(int(s.articles), 'article')}, {s['first']} to {s['last']}"
            items.append(tag("li", ev.target(item) + what))
    return block(
        tag("h3", "Statements and stories referred to above"), tag("ul", join(items), cls="evidence-list")
    )
