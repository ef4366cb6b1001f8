"""The corpus analysis: per-article digests in, the corpus tables (see :mod:`.contract`) out.

A pure function of the digests and the analyst's data folder, so it runs the same in this process or as
one task on a Dask worker. Its steps, each in its own module:

    copies      which articles are one source (wire copy, verbatim republication)
    actors      one row per real-world actor across the corpus
    statements  the same claim reported by several articles, recognised as one, and marked
    contradict  claims that another article's claim contradicts
    stories     articles grouped by shared actors, time and statements
    timeline    dated events merged across articles
    outlets     per outlet: sourcing, editorial share, the actors it quotes most
"""

from __future__ import annotations

from briefing.corpus import actors as corpus_actors
from briefing.corpus import contradict, copies, outlets, statements, stories, timeline
from briefing.corpus.digest import Digest
from briefing.corpus.lexicon import Lexicon
from briefing.registry import Registry


def aggregate(digests: list[Digest], lex: Lexicon, registry: Registry | None = None) -> dict[str, list[dict]]:
    """Every corpus table, from the digests of the articles that were analysed.

    The word lists and the registry come as objects, not paths: a Dask worker elsewhere needs no copy of
    the analyst's data folder.
    """
    articles = [d["article"] for d in digests]
    by_stem = {a["stem"]: a for a in articles}
    actor_rows = [x for d in digests for x in d["actors"]]
    claims = [x for d in digests for x in d["claims"]]
    events = [x for d in digests for x in d["events"]]

    copy_of = copies.copy_groups(articles)
    source_of = copies.source_keys(articles, copy_of)
    outlet_of = {a["stem"]: a["outlet"] for a in articles}
    idx = corpus_actors.merge_actors(actor_rows, outlet_of, lex, registry)

    groups = statements.group_statements(claims, idx.of, lex.ignore)
    st = statements.build_statements(groups, idx.of, idx.names, by_stem, source_of)
    found = contradict.find_contradictions(claims, st.of_claim, lex)
    statements.mark(st, found)

    reported_in: dict[str, list[str]] = {}
    for r in st.reports:
        reported_in.setdefault(r["stem"], []).append(r["statement_id"])
    kinds = {r["actor_id"]: r["kind"] for r in idx.rows}
    grouped = stories.group_stories(articles, actor_rows, idx.of, kinds, reported_in)
    story_rows, story_members = stories.story_tables(grouped, by_stem, idx.names)
    story_of = {m["stem"]: m["story_id"] for m in story_members}

    events_rows, event_reports = timeline.merge_events(events, idx.of, by_stem, idx.names, lex.ignore)
    article_rows = [
        {
            **a,
            "source_key": source_of[a["stem"]],
            "copy_of": copy_of.get(a["stem"], ""),
            "story_id": story_of.get(a["stem"], ""),
        }
        for a in articles
    ]
    return {
        "articles": article_rows,
        "stories": story_rows,
        "story_articles": story_members,
        "actors": idx.rows,
        "actor_outlets": idx.by_outlet,
        "actor_members": idx.members,
        "statements": st.rows,
        "statement_reports": st.reports,
        "contradictions": found,
        "timeline": events_rows,
        "timeline_reports": event_reports,
        "outlets": outlets.profiles(articles, claims, idx.of, idx.names),
    }
