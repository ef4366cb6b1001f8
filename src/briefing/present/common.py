"""Lookups every section shares: names, claims by mode, evidence sentences, expert ids."""

from __future__ import annotations

import pandas as pd

from briefing.io import Bundle
from briefing.present.markup import Html, quote, sent_ref, tag


def actor_names(b: Bundle) -> dict[str, str]:
    return dict(zip(b.actors.actor_id, b.actors.name, strict=False))


def expert_ids(b: Bundle) -> set[str]:
    """The outside experts the commentary stage found (its table, nothing else)."""
    return set(b.experts.actor_id)


def attributed(b: Bundle) -> pd.DataFrame:
    """Claims someone in the article made (direct or indirect), not the outlet's voice."""
    c = b.claims
    return c[c["mode"].isin(["direct", "indirect"])]


def editorial(b: Bundle) -> pd.DataFrame:
    return b.claims[b.claims["mode"] == "editorial"]


def speaker_label(row: pd.Series) -> str:
    return str(row.get("speaker") or row.get("speaker_surface") or "unnamed source")


def acts(b: Bundle) -> dict[str, str]:
    """claim id -> the act the analysis found (demand, refusal, ...)."""
    p = b.positions
    p = p[p.claim_id != ""] if len(p) else p
    return dict(zip(p.claim_id, p.act, strict=False))


def sentence_id_at(b: Bundle, offset: int) -> int:
    s = b.sentences[(b.sentences.start <= offset) & (b.sentences.end > offset)]
    return int(s.sentence_id.iloc[0]) if len(s) else -1


def evidence(b: Bundle, offset: int, limit: int = 220) -> Html:
    """The sentence holding ``offset``, quoted, with a link to it."""
    if offset is None or int(offset) < 0:
        return Html("")
    text = b.sentence_of(int(offset))
    if not text:
        return Html("")
    return quote(text, limit) + Html(" ") + sent_ref(sentence_id_at(b, int(offset)))


def where(b: Bundle, offset: int) -> Html:
    """Only the link to the sentence holding ``offset``."""
    return sent_ref(sentence_id_at(b, int(offset))) if offset is not None and int(offset) >= 0 else Html("")


def in_context(b: Bundle, start: int, end: int, width: int = 60) -> Html:
    """The words around ``[start, end)`` with the span in bold, cut at word boundaries within the sentence."""
    s = b.sentences[(b.sentences.start <= start) & (b.sentences.end > start)]
    lo, hi = (int(s.start.iloc[0]), int(s.end.iloc[0])) if len(s) else (0, len(b.text))
    a, z = max(lo, start - width), min(hi, end + width)
    left, right = b.text[a:start], b.text[end:z]
    if a > lo:
        left = "…" + left.split(" ", 1)[-1]
    if z < hi:
        right = right.rsplit(" ", 1)[0] + "…"
    return Html("{}{}{}").format(left, tag("strong", b.text[start:end]), right)
