"""Claims across outlets: the same statement reported by several articles, recognised as one.

Two attributed claims (direct quotes or reported speech) are one statement when their speakers are the
same corpus actor and their content words nearly coincide: at least 70% of the shorter claim's content
words (four or more; stop words dropped, case folded) are in the longer one, or, for shorter claims, the
two have the same content words. A quote and its paraphrase
("I will win Iowa" / "he would win Iowa") match: pronouns and auxiliaries are stop words. Each
statement is then marked:
  - corroborated: reported by two or more independent sources (see :mod:`briefing.corpus.copies`);
  - single-source: one source, however many outlets carried it;
  - contested: another article holds a claim that contradicts it (see :mod:`briefing.corpus.contradict`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

from briefing.corpus.copies import describe


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


ATTRIBUTED = ("direct", "indirect")
SAME_STATEMENT = 0.7  # share of the shorter claim's content words found in the longer
MIN_WORDS = 4
MIN_IDENTICAL = 2  # shorter claims match only when their content words are the same
_WORD = re.compile(r"\d[\d,.]*\d|\d|[^\W_]+(?:['’][^\W_]+)*")  # "4,000" is one word


@lru_cache(maxsize=1 << 16)
def content_words(text: str, ignore: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words that carry a text's content: lower-cased; stop words, ``ignore``, possessives dropped."""
    stop = stop_words() | ignore if ignore else stop_words()
    words = (w.lower().replace("’", "'") for w in _WORD.findall(text))
    return frozenset(w.removesuffix("'s") for w in words if (w not in stop and len(w) > 1) or w.isdigit())


@cache
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"'s", "’s", "s"}


@dataclass
class Statements:
    rows: list[dict] = field(default_factory=list)
    reports: list[dict] = field(default_factory=list)
    of_claim: dict[tuple[str, str], str] = field(default_factory=dict)  # (stem, claim id) -> statement id


def group_statements(
    claims: list[dict], speaker_of: dict[tuple[str, str], str], ignore: frozenset[str] = frozenset()
) -> list[list[dict]]:
    """Attributed claims grouped into statements (lists of claims), largest first."""
    by_speaker: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        if c["mode"] in ATTRIBUTED and (who := speaker_of.get((c["stem"], c["speaker_id"]))):
            by_speaker[who].append(c)
    groups: list[list[dict]] = []
    for speaker in sorted(by_speaker):
        groups.extend(_cluster(by_speaker[speaker], ignore))
    groups.sort(key=lambda g: (-len({c["stem"] for c in g}), g[0]["stem"], g[0]["claim_id"]))
    return groups


def _cluster(claims: list[dict], ignore: frozenset[str]) -> list[list[dict]]:
    """One speaker's claims, joined when one nearly contains the other (union-find over candidates)."""
    words = [content_words(c["text"], ignore) for c in claims]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for w in ws:
            postings[w].append(i)
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, ws in enumerate(words):
        if len(ws) < MIN_IDENTICAL:
            continue
        shared = Counter(j for w in ws for j in postings[w] if j > i)
        for j, n in shared.items():
            short = min(len(ws), len(words[j]))
            if n >= SAME_STATEMENT * short and (short >= MIN_WORDS or ws == words[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[dict]] = defaultdict(list)
    for i, c in enumerate(claims):
        groups[find(i)].append(c)
    return list(groups.values())


def build_statements(
    groups: list[list[dict]],
    speaker_of: dict[tuple[str, str], str],
    names: dict[str, str],
    articles: dict[str, dict],
    source_of: dict[str, str],
) -> Statements:
    out = Statements()
    for n, group in enumerate(groups, 1):
        sid = f"CL{n}"
        group = sorted(group, key=lambda c: (articles[c["stem"]]["published"], c["stem"], c["start"]))
        speaker = speaker_of[(group[0]["stem"], group[0]["speaker_id"])]
        sources = sorted({source_of[c["stem"]] for c in group})
        outlets = sorted({articles[c["stem"]]["outlet"] for c in group})
        rep = max(group, key=lambda c: (c["mode"] == "direct", len(c["text"])))
        out.rows.append(
            {
                "statement_id": sid,
                "speaker_id": speaker,
                "speaker": names.get(speaker, ""),
                "cue": rep["cue"],
                "text": rep["text"],
                "mode": rep["mode"],
                "reports": len(group),
                "articles": len({c["stem"] for c in group}),
                "outlets": "; ".join(outlets),
                "independent_sources": len(sources),
                "sources": "; ".join(describe(s) for s in sources),
                "first_reported": articles[group[0]["stem"]]["published"],
                "mark": "",
                "mark_evidence": "",
                "contested_by": "",
            }
        )
        for c in group:
            out.of_claim[(c["stem"], c["claim_id"])] = sid
            a = articles[c["stem"]]
            out.reports.append(
                {
                    "statement_id": sid,
                    "stem": c["stem"],
                    "claim_id": c["claim_id"],
                    "outlet": a["outlet"],
                    "published": a["published"],
                    "source": describe(source_of[c["stem"]]),
                    "mode": c["mode"],
                    "cue": c["cue"],
                    "text": c["text"],
                    "sentence_id": c["sentence_id"],
                    "start": c["start"],
                    "end": c["end"],
                    "sourcing": c["sourcing"],
                }
            )
    return out


def mark(statements: Statements, contradictions: list[dict]) -> None:
    """Set each statement's mark and the evidence for it (in place)."""
    from briefing.corpus.contradict import explain

    against: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for x in contradictions:
        against[x["statement_id"]].append((x["other_id"], x))
        against[x["other_id"]].append((x["statement_id"], x))
    for row in statements.rows:
        sid, xs = row["statement_id"], against.get(row["statement_id"], [])
        if xs:
            row["mark"] = "contested"
            row["contested_by"] = "; ".join(sorted({o for o, _ in xs}, key=lambda s: int(s[2:])))
            why = "; ".join(dict.fromkeys(explain(x, sid) for _, x in xs))
            row["mark_evidence"] = f"{why}; {plural(row['independent_sources'], 'independent source')}"
        elif row["independent_sources"] >= 2:
            row["mark"] = "corroborated"
            row["mark_evidence"] = f"{row['independent_sources']} independent sources: {row['sources']}"
        else:
            row["mark"] = "single-source"
            n = row["articles"]
            carried = f", carried by {n} articles ({row['outlets']})" if n > 1 else ""
            row["mark_evidence"] = f"one source: {row['sources']}{carried}"
