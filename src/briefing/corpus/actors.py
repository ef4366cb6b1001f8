"""Actors across the corpus: one row per real-world actor, its spellings and titles merged.

Each article's actor gets one key (see :mod:`briefing.corpus.names`), chosen by a vote of its name and the
names the article spells it with, so one article's odd canonical name is outvoted by its own mentions.
The analyst's registry wins: a name or alias it lists gives the registry's name. Then, across the corpus:
  - a person's surname alone joins the full name with that surname that has most of the mentions
    (at least three quarters of them; "Clinton" stays apart when Hillary and Bill share the corpus);
  - two people with the same first name whose surnames differ by a letter or two are one ("Zelensky");
  - an acronym joins the one long name it abbreviates ("FBI", "Federal Bureau of Investigation").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio

from briefing.corpus.lexicon import Lexicon
from briefing.corpus.names import acronym, key_of
from briefing.registry import Registry

SURNAME_SHARE = 0.75
SPELLING_SIMILARITY = 88  # rapidfuzz ratio of two surnames, out of 100
MIN_SPELLING_LENGTH = 5


@dataclass
class ActorIndex:
    """Corpus actors: ``of[(stem, article actor id)]`` is the corpus actor id; ``rows`` one per actor."""

    of: dict[tuple[str, str], str] = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)
    by_outlet: list[dict] = field(default_factory=list)
    members: list[dict] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # corpus actor id -> display name


def merge_actors(
    actors: list[dict], outlet_of: dict[str, str], lex: Lexicon, registry: Registry | None = None
) -> ActorIndex:
    """Merge every article's actors (digest rows) into corpus actors."""
    known = _registry_names(registry)
    keys = [_vote(a, lex, known) for a in actors]
    kinds = {k: a["kind"] for a, k in zip(actors, keys, strict=True)}
    mentions: Counter[str] = Counter()
    for a, k in zip(actors, keys, strict=True):
        mentions[k] += a["mentions"]
    alias = _resolve(set(keys), kinds, mentions)
    final = [_follow(alias, k) for k in keys]
    return _index(actors, final, outlet_of)


def _registry_names(registry: Registry | None) -> dict[str, str]:
    """Every name and alias of the registry, case-folded -> the registry's name."""
    known: dict[str, str] = {}
    for e in registry.entries if registry else ():
        for n in (e.name, *e.aliases):
            known.setdefault(n.casefold().strip(), e.name)
    return known


def _vote(actor: dict, lex: Lexicon, known: dict[str, str]) -> str:
    names = [actor["name"], *actor.get("surfaces", [])]
    for n in names:
        if entry := known.get(n.casefold().strip()):
            return f"reg:{entry}"
    kind = actor["kind"]
    votes = Counter(k for n in names if (k := key_of(n, kind, lex)))
    votes[key_of(actor["name"], kind, lex)] += 0.5  # the article's own choice breaks ties
    full = [(n, k) for k, n in votes.items() if k and not k.startswith("~")]
    if kind == "person" and full:
        return f"person:{max(full)[1]}"
    best = max(((n, k) for k, n in votes.items() if k), default=(0, ""))[1]
    return f"{'person' if kind == 'person' else 'other'}:{best or actor['name'].casefold()}"


def _resolve(keys: set[str], kinds: dict[str, str], mentions: Counter) -> dict[str, str]:
    """Corpus-wide merges: surnames alone, spellings, acronyms. Returns key -> the key it joins."""
    alias: dict[str, str] = {}
    persons = [k for k in keys if k.startswith("person:") and not k.startswith("person:~")]
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for k in persons:
        first, last = k[7:].split(" ", 1)
        by_last[last].append(k)
        by_first[first].append(k)
    for group in by_first.values():  # "Zelenskyy" and "Zelensky"
        group.sort(key=lambda k: -mentions[k])
        for i, k in enumerate(group):
            for big in group[:i]:
                a, b = k.rsplit(" ", 1)[1], big.rsplit(" ", 1)[1]
                if min(len(a), len(b)) >= MIN_SPELLING_LENGTH and ratio(a, b) >= SPELLING_SIMILARITY:
                    alias[k] = _follow(alias, big)
                    break
    for k in keys:  # a surname alone
        if k.startswith("person:~"):
            cands = sorted({_follow(alias, c) for c in by_last.get(k[8:], [])}, key=lambda c: -mentions[c])
            total = sum(mentions[c] for c in cands)
            if cands and mentions[cands[0]] >= SURNAME_SHARE * total:
                alias[k] = cands[0]
    longs = defaultdict(list)
    for k in keys:
        if k.startswith("other:") and (abbr := acronym(k[6:])):
            longs[abbr].append(k)
    for k in keys:  # an acronym
        bare = k[6:]
        if k.startswith("other:") and " " not in bare and len(longs.get(bare, [])) == 1:
            alias[k] = longs[bare][0]
    return alias


def _follow(alias: dict[str, str], key: str) -> str:
    seen = set()
    while key in alias and key not in seen:
        seen.add(key)
        key = alias[key]
    return key


def _index(actors: list[dict], final: list[str], outlet_of: dict[str, str]) -> ActorIndex:
    groups: dict[str, list[dict]] = defaultdict(list)
    for a, k in zip(actors, final, strict=True):
        groups[k].append(a)
    order = sorted(groups, key=lambda k: (-sum(a["mentions"] for a in groups[k]), k))
    idx = ActorIndex()
    for n, key in enumerate(order, 1):
        aid = f"AC{n}"
        members = groups[key]
        name = key[4:] if key.startswith("reg:") else _display(members)
        idx.names[aid] = name
        idx.rows.append(_row(aid, name, members, outlet_of))
        per: dict[str, list[dict]] = defaultdict(list)
        for a in members:
            idx.of[(a["stem"], a["actor_id"])] = aid
            idx.members.append(
                {"actor_id": aid, "stem": a["stem"], "article_actor_id": a["actor_id"], "name": a["name"]}
            )
            per[outlet_of.get(a["stem"], "")].append(a)
        for outlet, xs in sorted(per.items()):
            idx.by_outlet.append(
                {
                    "actor_id": aid,
                    "outlet": outlet,
                    "articles": len({a["stem"] for a in xs}),
                    "mentions": sum(a["mentions"] for a in xs),
                }
            )
    return idx


def _display(members: list[dict]) -> str:
    """The name most mentions use, preferring a full name for a person."""
    votes: Counter[str] = Counter()
    for a in members:
        votes[a["name"]] += a["mentions"] + 1
        for s in a.get("surfaces", [])[:3]:
            votes[s] += 1
    kind = Counter(a["kind"] for a in members).most_common(1)[0][0]
    ranked = sorted(votes, key=lambda n: (-(kind != "person" or len(n.split()) > 1), -votes[n], n))
    return ranked[0]


def _row(aid: str, name: str, members: list[dict], outlet_of: dict[str, str]) -> dict:
    kinds = Counter(a["kind"] for a in members)
    roles = Counter(a["role"] for a in members if a.get("role"))
    variants: dict[str, str] = {}
    for a in members:
        for n in [a["name"], *a.get("surfaces", [])]:
            variants.setdefault(" ".join(n.split()).casefold(), " ".join(n.split()))
    stems = {a["stem"] for a in members}
    return {
        "actor_id": aid,
        "name": name,
        "kind": kinds.most_common(1)[0][0],
        "role": roles.most_common(1)[0][0] if roles else "",
        "variants": "; ".join(sorted(v for v in variants.values() if v != name)[:12]),
        "articles": len(stems),
        "outlets": len({outlet_of.get(s, "") for s in stems}),
        "mentions": sum(a["mentions"] for a in members),
    }
