"""Outlet profiles: how each outlet sources the story, how much of it is its own voice, whom it quotes.

Shares of sourcing are over the outlet's sourced claims (quotes, reported speech and unattributed
claims; editorial sentences are the outlet's own voice and are counted apart). The editorial share is
the share of its body sentences that the extraction marked as the outlet's opinion.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from briefing.corpus.sourcing import CLASSES, SOURCED_MODES

TOP_QUOTED = 5


def profiles(articles: list[dict], claims: list[dict], actor_of: dict, names: dict) -> list[dict]:
    arts: dict[str, list[dict]] = defaultdict(list)
    for a in articles:
        arts[a["outlet"]].append(a)
    outlet_of = {a["stem"]: a["outlet"] for a in articles}
    classes: dict[str, Counter] = defaultdict(Counter)
    quoted: dict[str, Counter] = defaultdict(Counter)
    for c in claims:
        outlet = outlet_of[c["stem"]]
        if c["mode"] in SOURCED_MODES and c["sourcing"]:
            classes[outlet][c["sourcing"]] += 1
        if c["mode"] in ("direct", "indirect") and (aid := actor_of.get((c["stem"], c["speaker_id"]))):
            quoted[outlet][aid] += 1
    rows = []
    for outlet in sorted(arts):
        xs, cls = arts[outlet], classes[outlet]
        sourced = sum(cls.values())
        body = sum(a["body_sentences"] for a in xs)
        editorial = sum(a["editorial_sentences"] for a in xs)
        origin = Counter(a["sourcing_from"] for a in xs)
        row = {
            "outlet": outlet,
            "articles": len(xs),
            "words": sum(a["words"] for a in xs),
            "sourced_claims": sourced,
        }
        for k in CLASSES:
            row[k.replace("-", "_")] = cls[k]
        for k in CLASSES:
            row[f"{k.replace('-', '_')}_share"] = round(cls[k] / sourced, 3) if sourced else ""
        row.update(
            {
                "editorial_sentences": editorial,
                "body_sentences": body,
                "editorial_share": round(editorial / body, 3) if body else "",
                "top_quoted": "; ".join(
                    f"{names.get(a, a)} ({n})" for a, n in quoted[outlet].most_common(TOP_QUOTED)
                ),
                "sourcing_from": "; ".join(f"{k} ({n})" for k, n in sorted(origin.items())),
            }
        )
        rows.append(row)
    return rows
