"""Which articles are one source: wire copy republished verbatim counts once.

Two articles are copies when most of the shorter one's word 5-grams are in the longer one (estimated
from the sample each worker kept, see :func:`briefing.corpus.worker.shingles`). An article's source is
then, in order: the wire its dateline credits ("(AP)"), shared by every copy of it; the group of copies
(named after its first article); or its outlet. Claims are counted as corroborated by independent
sources, not by outlets: two outlets running the same AP story are one source.
"""

from __future__ import annotations

from collections import Counter, defaultdict

COPY_CONTAINMENT = 0.6  # share of the shorter article's sampled 5-grams found in the longer
MIN_SHINGLES = 8  # shorter samples say too little


def copy_groups(articles: list[dict]) -> dict[str, str]:
    """stem -> the stem of its group's first article, for every article that has a copy."""
    postings: dict[int, list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        for h in a.get("shingles", []):
            postings[h].append(i)
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(articles):
        size = len(a.get("shingles", []))
        if size < MIN_SHINGLES:
            continue
        shared = Counter(j for h in a["shingles"] for j in postings[h] if j > i)
        for j, n in shared.items():
            other = len(articles[j].get("shingles", []))
            if other >= MIN_SHINGLES and n / min(size, other) >= COPY_CONTAINMENT:
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        groups[find(i)].append(i)
    out = {}
    for members in groups.values():
        if len(members) > 1:
            first = articles[min(members)]["stem"]
            for i in members:
                out[articles[i]["stem"]] = first
    return out


def source_keys(articles: list[dict], copies: dict[str, str]) -> dict[str, str]:
    """stem -> its independent source: ``wire:AP``, ``copy:<stem>`` or ``outlet:<outlet>``."""
    credit_of_group: dict[str, str] = {}
    for a in articles:
        if a["stem"] in copies and _wire(a):
            credit_of_group.setdefault(copies[a["stem"]], _wire(a))
    keys = {}
    for a in articles:
        group = copies.get(a["stem"])
        if wire := _wire(a) or credit_of_group.get(group or "", ""):
            keys[a["stem"]] = f"wire:{wire}"
        elif group:
            keys[a["stem"]] = f"copy:{group}"
        else:
            keys[a["stem"]] = f"outlet:{a['outlet']}"
    return keys


def _wire(article: dict) -> str:
    """The wire a dateline credits ("(AP)"), when it is not the publishing outlet itself.

    A web site named in boilerplate ("USATODAY.com") is the outlet's own page, not a wire.
    """
    credit = (article.get("credit") or "").strip()
    if not credit or "." in credit or _bare(credit) == _bare(article.get("outlet") or ""):
        return ""
    return credit


def _bare(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())


def describe(key: str) -> str:
    kind, _, name = key.partition(":")
    return {"wire": f"{name} wire copy", "copy": f"copies of {name}", "outlet": name}.get(kind, key)
