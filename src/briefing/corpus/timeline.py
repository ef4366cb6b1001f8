"""A merged timeline: the dated events of every article, the same event reported twice kept once.

Events are the time expressions each article resolved to a day, a week or a month. Two events from
different articles are one when they resolve to the same date and either involve the same corpus actor
(other than the corpus's most frequent ones, which are in everything) or their descriptions share three
or more content words, at least 40% of the shorter one's (the words of the date itself left out), or
are the same words.
Each merged event lists the articles and outlets that report it.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from briefing.corpus.statements import content_words

PRECISIONS = ("day", "week", "month")  # a year or a duration is no event to put on a timeline
SAME_DESCRIPTION = 0.4  # share of the shorter description's content words in the longer
MIN_SHARED = 3
UBIQUITOUS = 0.25  # an actor in more than this share of the articles does not tie two events


def merge_events(
    events: list[dict],
    actor_of: dict,
    articles: dict[str, dict],
    names: dict,
    ignore: frozenset[str] = frozenset(),
) -> tuple[list, list]:
    """timeline.csv and timeline_reports.csv rows."""
    events = [e for e in events if e["precision"] in PRECISIONS]
    pairs = {(e["stem"], a) for e in events for x in e["actor_ids"] if (a := actor_of.get((e["stem"], x)))}
    per_actor = Counter(a for _, a in pairs)
    common = {a for a, k in per_actor.items() if k > max(2, UBIQUITOUS * len(articles))}
    by_date: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        by_date[e["date"]].append(e)
    rows, reports = [], []
    for day in sorted(by_date, key=_sort_key):
        for group in _same_events(by_date[day], actor_of, common, ignore):
            eid = f"EV{len(rows) + 1}"
            group.sort(key=lambda e: (articles[e["stem"]]["published"], e["stem"]))
            actor_ids = Counter(
                a for e in group for x in e["actor_ids"] if (a := actor_of.get((e["stem"], x)))
            )
            first = group[0]
            rows.append(
                {
                    "event_id": eid,
                    "date": day,
                    "precision": first["precision"],
                    "description": first["description"],
                    "actors": "; ".join(names.get(a, a) for a, _ in actor_ids.most_common(5)),
                    "articles": len({e["stem"] for e in group}),
                    "outlets": "; ".join(sorted({articles[e["stem"]]["outlet"] for e in group})),
                    "tense": "planned" if any(e["tense"] == "planned" for e in group) else first["tense"],
                }
            )
            for e in group:
                reports.append(
                    {
                        "event_id": eid,
                        "stem": e["stem"],
                        "article_event_id": e["event_id"],
                        "outlet": articles[e["stem"]]["outlet"],
                        "date_text": e["date_text"],
                        "sentence_id": e["sentence_id"],
                        "start": e["start"],
                        "end": e["end"],
                    }
                )
    return rows, reports


def _sort_key(value: str) -> tuple[str, int]:
    return (value.split("/")[0], len(value))


def _same_events(events: list[dict], actor_of: dict, common: set, ignore: frozenset[str]) -> list[list[dict]]:
    """Events of one date joined when they share a telling actor or most of their description."""
    actors = [
        {a for x in e["actor_ids"] if (a := actor_of.get((e["stem"], x))) and a not in common} for e in events
    ]
    # the date's own words ("on Monday") are shared by every event of the day: they tell nothing
    words = [content_words(e["description"], ignore) - content_words(e["date_text"]) for e in events]
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(events)):
        for j in range(i + 1, len(events)):
            if events[i]["stem"] == events[j]["stem"]:
                continue
            shared = len(words[i] & words[j])
            similar = shared >= MIN_SHARED and shared >= SAME_DESCRIPTION * min(len(words[i]), len(words[j]))
            if actors[i] & actors[j] or similar or (words[i] and words[i] == words[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[dict]] = defaultdict(list)
    for i, e in enumerate(events):
        groups[find(i)].append(e)
    return sorted(groups.values(), key=lambda g: -len({e["stem"] for e in g}))
