"""Stories: articles grouped by shared actors, a time window and the statements they share.

Single-pass clustering, as in topic detection and tracking: articles are taken in order of publication;
each joins the open story it is most similar to, if that similarity reaches ``THRESHOLD`` and the story's
latest article is at most ``WINDOW_DAYS`` older, else it opens a new story. Similarity is the cosine of
two weighted vectors: each corpus actor the article mentions, weighted by its share of the article's
mentions times its rarity across articles (an actor in every article tells nothing), and each statement
the article reports that another article also reports (weighted as the rarest actor). The evidence kept
for every story is what its articles share: the actors, the statements, and each article's similarity
when it joined.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date

WINDOW_DAYS = 7
THRESHOLD = 0.3
LABEL_ACTORS = 3
GROUPED_KINDS = ("person", "organisation", "state", "group", "place")


Pairs = dict[tuple[str, str], str]


def _vectors(
    articles: list[dict],
    actors: list[dict],
    actor_of: Pairs,
    kinds: dict[str, str],
    reported: dict[str, list[str]],
) -> dict[str, dict[str, float]]:
    per: dict[str, Counter] = defaultdict(Counter)
    for a in actors:
        aid = actor_of.get((a["stem"], a["actor_id"]))
        if aid and kinds.get(aid) in GROUPED_KINDS and a["mentions"] > 0:
            per[a["stem"]][aid] += a["mentions"]
    n = len(articles)
    df = Counter(aid for c in per.values() for aid in c)
    idf = {aid: math.log(n / k) for aid, k in df.items()}
    top = max(idf.values(), default=1.0) or 1.0
    shared = Counter(s for stems in reported.values() for s in {s for s in stems})
    vectors = {}
    for art in articles:
        counts = per.get(art["stem"], Counter())
        total = sum(counts.values()) or 1
        vec = {aid: (k / total) * idf[aid] for aid, k in counts.items() if idf[aid] > 0}
        for sid in reported.get(art["stem"], ()):
            if shared[sid] > 1:
                vec[sid] = top
        vectors[art["stem"]] = vec
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _day(iso: str) -> date | None:
    try:
        return date.fromisoformat(iso[:10])
    except (TypeError, ValueError):
        return None


def group_stories(
    articles: list[dict],
    actors: list[dict],
    actor_of: Pairs,
    kinds: dict[str, str],
    reported: dict[str, list[str]],
) -> list[dict]:
    """Each story: {"members": [(stem, similarity, shared features, all features)], "centroid", "last"}."""
    vectors = _vectors(articles, actors, actor_of, kinds, reported)
    order = sorted(articles, key=lambda a: (a["published"] or "9999", a["stem"]))
    stories: list[dict] = []
    for art in order:
        vec, day = vectors[art["stem"]], _day(art["published"])
        best, score = None, 0.0
        for story in stories:
            if day and story["last"] and (day - story["last"]).days > WINDOW_DAYS:
                continue
            s = _cosine(vec, story["centroid"])
            if s > score:
                best, score = story, s
        if best is not None and score >= THRESHOLD:
            shared = sorted(set(vec) & set(best["centroid"]), key=lambda k: -vec[k] * best["centroid"][k])
            best["members"].append((art["stem"], round(score, 3), shared, frozenset(vec)))
            for k, v in vec.items():
                best["centroid"][k] = best["centroid"].get(k, 0.0) + v
            best["last"] = max(filter(None, [best["last"], day]), default=None)
        else:
            stories.append(
                {"members": [(art["stem"], 1.0, [], frozenset(vec))], "centroid": dict(vec), "last": day}
            )
    stories.sort(key=lambda s: (-len(s["members"]), s["members"][0][0]))
    return stories


def story_tables(
    stories: list[dict], articles_by_stem: dict[str, dict], names: dict[str, str]
) -> tuple[list[dict], list[dict]]:
    """stories.csv and story_articles.csv rows, with the evidence of each grouping."""
    rows, members_rows = [], []
    for n, story in enumerate(stories, 1):
        sid = f"ST{n}"
        stems = [m[0] for m in story["members"]]
        arts = [articles_by_stem[s] for s in stems]
        in_articles = Counter(k for *_, features in story["members"] for k in features)
        common = [(k, c) for k, c in in_articles.most_common() if c > 1]
        actors = [(k, c) for k, c in common if k.startswith("AC")]
        statements = [(k, c) for k, c in common if k.startswith("CL")]
        label_ids = [k for k, _ in actors[:LABEL_ACTORS]] or _top_features(story["centroid"])
        dates = sorted(a["published"] for a in arts if a["published"])
        rows.append(
            {
                "story_id": sid,
                "label": ", ".join(names.get(k, k) for k in label_ids[:LABEL_ACTORS]),
                "articles": len(stems),
                "outlets": "; ".join(sorted({a["outlet"] for a in arts})),
                "first": dates[0] if dates else "",
                "last": dates[-1] if dates else "",
                "shared_actors": "; ".join(f"{names.get(k, k)} ({c})" for k, c in actors[:8]),
                "shared_actor_ids": " ".join(k for k, _ in actors[:8]),
                "shared_statements": " ".join(k for k, _ in statements[:8]),
            }
        )
        for stem, score, shared, _ in story["members"]:
            a = articles_by_stem[stem]
            members_rows.append(
                {
                    "story_id": sid,
                    "stem": stem,
                    "outlet": a["outlet"],
                    "published": a["published"],
                    "title": a["title"],
                    "similarity": score if shared else "",
                    "shared": "; ".join(names.get(k, k) for k in shared[:5]),
                }
            )
    return rows, members_rows


def _top_features(centroid: dict[str, float]) -> list[str]:
    return [k for k, _ in sorted(centroid.items(), key=lambda kv: -kv[1]) if k.startswith("AC")][
        :LABEL_ACTORS
    ]
