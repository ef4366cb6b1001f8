"""What the section notebooks show: HTML tables and sentences written from the extraction.

Every string that comes from the article is untrusted: it goes through :func:`esc` before it reaches any
HTML. Functions return :class:`Html` (displayed as HTML by Jupyter, never as Markdown), so article text is
never rendered as Markdown or LaTeX. Every function copes with empty tables.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

import pandas as pd

from briefing.io import Bundle

# ------------------------------------------------------------------ safe HTML


@dataclass(frozen=True, repr=False)
class Html:
    """A fragment of HTML that is already safe: built only from escaped text and our own markup."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:  # the text/plain fallback Jupyter stores beside the HTML: keep it short
        return f"<briefing HTML, {len(self.html)} characters>"

    def __add__(self, other: object) -> Html:
        return Html(self.html + esc(other))

    def __radd__(self, other: object) -> Html:
        return Html(esc(other) + self.html)


def esc(value: object) -> str:
    """HTML-escape anything that is not already :class:`Html` (``$`` too, so no TeX ever typesets)."""
    if isinstance(value, Html):
        return value.html
    return html.escape("" if value is None else str(value), quote=True).replace("$", "&#36;")


def join(parts: Iterable[object], sep: str = "") -> Html:
    return Html(esc(sep).join(esc(p) for p in parts))


def tag(name: str, content: object = "", **attrs: object) -> Html:
    """``<name attrs>content</name>``; attribute values are escaped, ``cls`` becomes ``class``."""
    attr = "".join(
        f' {k.rstrip("_").replace("cls", "class").replace("_", "-")}="{esc(v)}"'
        for k, v in attrs.items()
        if v not in (None, "")
    )
    return Html(f"<{name}{attr}>{esc(content)}</{name}>")


def block(*parts: object, cls: str = "") -> Html:
    """A top-level output block; ``mathjax_ignore`` keeps JupyterLab from typesetting ``$`` in it."""
    return tag("div", join(parts), cls=f"briefing-block tex2jax_ignore mathjax_ignore {cls}".strip())


def para(*parts: object, cls: str = "") -> Html:
    return tag("p", join(parts), cls=cls)


def note(text: object) -> Html:
    """A sentence written from the data saying what a table or chart means."""
    return block(para(text, cls="lead"))


def empty(text: str) -> Html:
    return block(para(text, cls="empty"))


def shorten(text: str, limit: int = 240) -> str:
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–- ") + "…"


def quote(text: str, limit: int = 240) -> Html:
    return tag("q", shorten(text, limit))


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    caption: str = "",
    numeric: Sequence[int] = (),
    cls: str = "",
) -> Html:
    """A readable HTML table; cells are escaped unless they are :class:`Html`."""
    head = join(tag("th", h, scope="col", cls="num" if i in numeric else "") for i, h in enumerate(headers))
    body = join(
        tag("tr", join(tag("td", c, cls="num" if i in numeric else "") for i, c in enumerate(r)))
        for r in rows
    )
    cap = tag("caption", caption) if caption else Html("")
    return tag(
        "div",
        tag("table", cap + tag("thead", tag("tr", head)) + tag("tbody", body), cls=cls),
        cls="table-wrap",
    )


IRREGULAR = {"person": "people", "party": "parties", "analysis": "analyses"}


def plural(n: int, word: str, words: str = "") -> str:
    return f"{n} {word if n == 1 else (words or IRREGULAR.get(word) or word + 's')}"


def names_list(names: Sequence[str]) -> str:
    names = [str(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# ------------------------------------------------------------------ links into the source text


def sent_ref(sid: int) -> Html:
    if sid is None or int(sid) < 0:
        return Html("")
    n = int(sid)
    return tag("a", f"s{n}", href=f"#s{n}", cls="ref", title=f"sentence {n} in the source text")


def anchor_id(item_id: str) -> str:
    """``C3`` -> ``c3``: the anchor of a claim, event or actor in the source-text section."""
    return re.sub(r"[^a-z0-9_-]", "", str(item_id).lower())


def item_ref(item_id: str, what: str) -> Html:
    if not item_id:
        return Html("")
    return tag(
        "a", item_id, href=f"#{anchor_id(item_id)}", cls="ref", title=f"{what} {item_id} in the source text"
    )


def reviewed_mark(row: pd.Series) -> Html:
    """A small mark on a row the analyst's corrections changed or confirmed (column ``reviewed``)."""
    if not int(row.get("reviewed", 0) or 0):
        return Html("")
    return Html(' <span class="reviewed-mark" title="changed or confirmed by the analyst">reviewed</span>')


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


# ------------------------------------------------------------------ shared lookups


def actor_names(b: Bundle) -> dict[str, str]:
    return dict(zip(b.actors.actor_id, b.actors.name, strict=False))


def expert_frame(b: Bundle) -> pd.DataFrame:
    """The experts table, or, when the commentary stage found none, the actors flagged as experts."""
    if len(b.experts) or "expert" not in b.actors.columns:
        return b.experts
    a = b.actors[(b.actors.expert == 1) & (b.actors.kind == "person")]
    return pd.DataFrame(
        {
            "actor_id": a.actor_id,
            "name": a.name,
            "credentials": a.role,
            "evidence_start": a.get("role_start", -1),
            "evidence_end": a.get("role_end", -1),
            "channel": "",
        }
    )


def expert_ids(b: Bundle) -> set[str]:
    ids = set(b.experts.actor_id)
    if "expert" in b.actors.columns:
        ids |= set(b.actors.actor_id[b.actors.expert == 1])
    return ids


def attributed(b: Bundle) -> pd.DataFrame:
    """Claims someone in the article made (direct or indirect), not the outlet's voice."""
    c = b.claims
    return c[c["mode"].isin(["direct", "indirect"])]


def editorial(b: Bundle) -> pd.DataFrame:
    return b.claims[b.claims["mode"] == "editorial"]


def speaker_label(row: pd.Series) -> str:
    return str(row.get("speaker") or row.get("speaker_surface") or "unnamed source")


def lede(b: Bundle) -> tuple[str, int]:
    """The first body sentence (the news in one line) and its id."""
    s = b.sentences[b.sentences.kind == "body"]
    if not len(s):
        s = b.sentences
    if not len(s):
        return "", -1
    return b.span(s.start.iloc[0], s.end.iloc[0]).strip(), int(s.sentence_id.iloc[0])


def actor_sentences(b: Bundle) -> dict[str, set[int]]:
    """For each actor, the ids of the sentences that mention it."""
    out: dict[str, set[int]] = {}
    if not len(b.mentions) or not len(b.sentences):
        return out
    starts = b.sentences.start.to_numpy()
    ids = b.sentences.sentence_id.to_numpy()
    for aid, start in zip(b.mentions.actor_id, b.mentions.start, strict=False):
        i = int(starts.searchsorted(int(start), side="right")) - 1
        if i >= 0:
            out.setdefault(aid, set()).add(int(ids[i]))
    return out


# ------------------------------------------------------------------ publication date


def format_date(iso: str) -> str:
    try:
        d = date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return f"{d.day} {d:%B %Y} ({d:%A})"


def published_note(b: Bundle) -> Html:
    """Where the publication date came from: the argument, the text (quoted), or unknown."""
    pub, source = b.meta.get("published"), b.meta.get("published_from", "unknown")
    ev = b.meta.get("published_evidence")
    if not pub:
        return Html(
            "The publication date is unknown: it was not given and the text does not state it, "
            "so relative dates such as “last week” are left unresolved."
        )
    head = Html(f"Publication date: <strong>{esc(format_date(pub))}</strong>, ")
    if source == "text" and ev:
        return head + Html("stated in the text: ") + evidence(b, int(ev[0]), 300) + Html(".")
    if source == "argument":
        return head + Html("given by the analyst when the briefing was run.")
    if source == "file":  # a saved page's or document's own metadata
        where = (b.meta.get("origins") or {}).get("published", "")
        return head + Html("as the file itself records it") + Html(f" ({esc(where)})." if where else ".")
    if source == "review":
        return head + Html("set in the analyst’s reviewed corrections.")
    return head + Html(f"source: {esc(source)}.")


# ------------------------------------------------------------------ 00 bottom line up front

KEY_TYPES = ("refusal", "demand", "condition", "warning", "proposal")


def key_positions(b: Bundle, limit: int = 2) -> list[Html]:
    """The sharpest stances (refusals, demands, conditions, warnings), one per speaker."""
    c = attributed(b)
    c = c[c.claim_type.isin(KEY_TYPES) & ~c.speaker_id.isin(expert_ids(b))]
    order = {t: i for i, t in enumerate(KEY_TYPES)}
    c = c.assign(_o=c.claim_type.map(order)).sort_values(["_o", "start"], kind="stable")
    out, seen = [], set()
    for _, r in c.iterrows():
        who = speaker_label(r)
        if who in seen:
            continue
        seen.add(who)
        out.append(
            Html(f"<strong>{esc(who)}</strong> ({esc(r.claim_type)}): ")
            + quote(r.text, 200)
            + Html(" ")
            + item_ref(r.claim_id, "claim")
        )
        if len(out) >= limit:
            break
    return out


def speakers_line(b: Bundle) -> Html | None:
    c = attributed(b)
    if not len(c):
        return None
    counts = Counter(speaker_label(r) for _, r in c.iterrows()).most_common(4)
    who = names_list([f"{n} ({k})" for n, k in counts])
    return Html(f"Most quoted: {esc(who)} — {esc(plural(len(c), 'attributed claim'))} in all.")


def likelihood_text(row: pd.Series) -> str:
    if row.get("likelihood"):
        words = f" (“{row.likelihood_words}”)" if row.get("likelihood_words") else ""
        return f"{row.likelihood}{words}"
    return "stated without hedging"


def expert_claim_line(b: Bundle) -> Html | None:
    """When no findings were extracted: the expert's first attributed claim, with its hedges."""
    x = expert_frame(b)
    c = attributed(b)
    c = c[c.speaker_id.isin(set(x.actor_id))]
    if not len(c):
        return None
    short = c[c.text.str.len() <= 300]
    c = short if len(short) else c
    # a hedged judgement says most about the expert's view; else the fullest statement
    r = c.assign(_h=(c.hedges == "").astype(int), _n=-c.text.str.len()).sort_values(["_h", "_n"]).iloc[0]
    cred = x[x.actor_id == r.speaker_id].credentials.iloc[0]
    cred = f", {shorten(str(cred), 90)}" if cred else ""
    hedge = f"hedged (“{r.hedges.replace(';', '”, “')}”)" if r.hedges else "stated without hedging"
    return (
        Html(f"Outside view — <strong>{esc(speaker_label(r))}</strong>{esc(cred)}: ")
        + quote(r.text, 220)
        + Html(f" <em>{esc(hedge)}</em>. ")
        + item_ref(r.claim_id, "claim")
    )


def expert_line(b: Bundle) -> Html | None:
    f = b.findings
    if not len(f):
        return expert_claim_line(b)
    pref = {"judgement": 0, "prediction": 1, "motive": 2, "belief": 3, "reasoning": 4}
    # a full proposition first (a fragment such as "against reading too much into it" says little)
    short = f.text.str.split().str.len() < 8
    f = f.assign(_s=short, _o=f.kind.map(pref).fillna(9)).sort_values(["_s", "_o", "start"], kind="stable")
    r = f.iloc[0]
    ex = expert_frame(b)
    ex = ex[ex.actor_id == r.expert_id]
    who = str(ex.name.iloc[0]) if len(ex) else actor_names(b).get(r.expert_id, "An outside expert")
    cred = f", {shorten(str(ex.credentials.iloc[0]), 90)}" if len(ex) and ex.credentials.iloc[0] else ""
    return (
        Html(f"Outside view — <strong>{esc(who)}</strong>{esc(cred)}: ")
        + quote(r.text, 220)
        + Html(f" Confidence: <em>{esc(likelihood_text(r))}</em>. ")
        + sent_ref(sentence_id_at(b, r.start))
    )


def editorial_line(b: Bundle) -> Html | None:
    e = editorial(b)
    if not len(e):
        return None
    rank = e.claim_type.map({"assessment": 0, "warning": 1}).fillna(2)
    r = e.assign(_o=rank, _n=e.text.str.len()).sort_values(["_o", "_n"], kind="stable").iloc[0]
    more = f" (and {plural(len(e) - 1, 'more editorial remark')})" if len(e) > 1 else ""
    return (
        Html("The outlet’s own opinion: ")
        + quote(r.text, 200)
        + Html(f"{esc(more)} ")
        + item_ref(r.claim_id, "claim")
    )


def bluf_items(b: Bundle) -> list[Html]:
    """3–6 key sentences, each written from the data."""
    items: list[Html] = []
    text, sid = lede(b)
    if text:
        items.append(Html("The story: ") + quote(text, 260) + Html(" ") + sent_ref(sid))
    items += key_positions(b)
    items += [x for x in (expert_line(b), editorial_line(b), speakers_line(b)) if x is not None]
    items = items[:5]
    items.append(published_note(b))
    return items


def bluf(b: Bundle) -> Html:
    items = bluf_items(b)
    return block(tag("ul", join(tag("li", i) for i in items), cls="bluf"))


def at_a_glance(b: Bundle) -> Html:
    """Counts of what was found, as a row of figures."""
    body = b.sentences[b.sentences.kind == "body"]
    stats = [
        ("actors", len(b.actors)),
        ("attributed claims", len(attributed(b))),
        ("editorial remarks", len(editorial(b))),
        ("outside experts", len(expert_frame(b))),
        ("dated events", int((b.events.date != "").sum()) if len(b.events) else 0),
        ("sentences", len(body)),
    ]
    cells = join(
        tag("div", tag("span", str(n), cls="stat-n") + tag("span", label, cls="stat-l"), cls="stat")
        for label, n in stats
    )
    return block(tag("div", cells, cls="glance"))


# ------------------------------------------------------------------ 01 actors


def actors_frame(b: Bundle) -> pd.DataFrame:
    a = b.actors.copy()
    if not len(a):
        return a
    return a.sort_values(["mentions", "actor_id"], ascending=[False, True], kind="stable")


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
    return Html(f"{esc(left)}<strong>{esc(b.text[start:end])}</strong>{esc(right)}")


def first_appearance(b: Bundle, actor_id: str) -> Html:
    m = b.mentions[b.mentions.actor_id == actor_id]
    if not len(m):
        return Html("")
    first = m.sort_values("start").iloc[0]
    where = sent_ref(sentence_id_at(b, first.start))
    return in_context(b, int(first.start), int(first.end)) + Html(" ") + where


def role_text(row: pd.Series) -> str:
    role, aff = str(row.role or ""), str(row.affiliation or "")
    return role if not aff or aff.lower() in role.lower() else f"{role}; {aff}" if role else aff


def actors_table(b: Bundle) -> Html:
    a = actors_frame(b)
    a = a[a.kind != "place"] if len(a) else a
    if not len(a):
        return empty("No actors were found in this article.")
    rows, experts = [], expert_ids(b)
    for _, r in a.iterrows():
        name = tag("span", r["name"], id=f"actor-{anchor_id(r.actor_id)}", cls="actor-name")
        if r.actor_id in experts:
            name = name + Html(' <span class="badge">expert</span>')
        name = name + reviewed_mark(r)
        rows.append(
            [
                name,
                r.kind,
                role_text(r),
                r.side if r.side != "unknown" else "",
                int(r.mentions),
                first_appearance(b, r.actor_id),
            ]
        )
    return block(
        table(
            ["Actor", "Kind", "Role", "Side", "Mentions", "First appearance"], rows, numeric=[4], cls="actors"
        ),
        places_line(b),
    )


def places_line(b: Bundle) -> Html:
    p = actors_frame(b)
    p = p[p.kind == "place"] if len(p) else p
    if not len(p):
        return Html("")
    names = ", ".join(f"{n} ({m})" for n, m in zip(p.name, p.mentions, strict=False))
    return para(f"Places named (context, not actors): {names}.", cls="small")


def actors_note(b: Bundle) -> Html:
    a = actors_frame(b)
    if not len(a):
        return note("The extraction found no named people, organisations or states.")
    kinds = Counter(a.kind)
    parts = ", ".join(plural(n, str(k)) for k, n in kinds.most_common())
    top = list(a.name[:3])
    share = a.mentions[:3].sum() / max(1, a.mentions.sum())
    return note(
        f"{plural(len(a), 'actor')} ({parts}). The article centres on {names_list(top)}, "
        f"who take {share:.0%} of all {int(a.mentions.sum())} mentions."
    )


def groups(b: Bundle) -> Html:
    """Group membership the text states (delegations, coalitions) and each side's actors."""
    a = b.actors
    if not len(a):
        return empty("No group membership was stated.")
    rows = [[g, ", ".join(sorted(m.name))] for g, m in a[a["group"] != ""].groupby("group")]
    sides = [
        [s, ", ".join(sorted(m.name))]
        for s, m in a[~a.side.isin(["", "unknown"])].groupby("side")
        if set(m.name) != {s}
    ]
    out = []
    if rows:
        out.append(table(["Group stated in the text", "Members"], rows))
    if sides:
        out.append(table(["Side", "Actors"], sides))
    if not out:
        return empty("The text states no group membership and no actor could be placed on a side.")
    return block(*out)


def links(b: Bundle, top: int = 12) -> pd.DataFrame:
    """Who is linked to whom: sentences mentioning both, and claims by one that mention the other."""
    a = actors_frame(b)
    keep = list(a[a.kind != "place"].actor_id[:top]) if len(a) else []
    sents = {a: s for a, s in actor_sentences(b).items() if a in keep}
    rows = []
    for i, x in enumerate(keep):
        for y in keep[i + 1 :]:
            n = len(sents.get(x, set()) & sents.get(y, set()))
            if n:
                rows.append((x, y, n, "co-occurrence"))
    for _, c in attributed(b).iterrows():
        if c.speaker_id not in keep:
            continue
        inside = b.mentions[(b.mentions.start >= c.start) & (b.mentions.end <= c.end)]
        for target in set(inside.actor_id) - {c.speaker_id}:
            if target in keep:
                rows.append((c.speaker_id, target, 1, "speaks about"))
    df = pd.DataFrame(rows, columns=["source", "target", "weight", "kind"])
    return df.groupby(["source", "target", "kind"], as_index=False).weight.sum()


def links_note(b: Bundle) -> Html:
    df = links(b)
    if not len(df):
        return note("No two actors appear in the same sentence, so there is no network to draw.")
    names = actor_names(b)
    co = df[df.kind == "co-occurrence"].sort_values("weight", ascending=False)[:3]
    pairs = [
        f"{names.get(r.source)} – {names.get(r.target)} ({plural(r.weight, 'sentence')})"
        for _, r in co.iterrows()
    ]
    talk = df[df.kind == "speaks about"].sort_values("weight", ascending=False)[:2]
    about = [f"{names.get(r.source)} about {names.get(r.target)}" for _, r in talk.iterrows()]
    text = f"Strongest links: {'; '.join(pairs)}." if pairs else ""
    if about:
        text += f" Who speaks about whom: {'; '.join(about)}."
    return note(text.strip())


# ------------------------------------------------------------------ 02 claims and positions

ISSUES: dict[str, str] = {
    "ceasefire": r"\b(cease-?fire|truce|armistice|hostilities)",
    "territory": r"\b(territor|annex|occupied|cede|border|land\b|lands\b|region)",
    "talks & meetings": r"\b(talks|meet|negotiat|summit|attend|dialogue|face-to-face|visit)",
    "sanctions": r"\b(sanction|embargo|tariff|blacklist)",
    "military & security": r"\b(troops|military|weapon|arms\b|army|missile|attack|security|defen[cs]e|war\b)",
    "economy & trade": r"\b(econom|trade|price|inflation|budget|tax|market|jobs|investment)",
    "elections & politics": r"\b(election|vote|ballot|campaign|parliament|congress|coalition)",
    "law & justice": r"\b(court|law\b|laws\b|legal|justice|prosecut|trial|investigat|crime)",
    "health": r"\b(health|vaccin|virus|pandemic|hospital|disease|outbreak)",
    "energy & climate": r"\b(energy|oil\b|gas\b|climate|emission|nuclear|power plant)",
    "migration": r"\b(migra|refugee|asylum|deport)",
    "humanitarian": r"\b(humanitarian|civilian|prisoner|aid\b|hostage|famine)",
}


def issues_of(text: str) -> list[str]:
    low = str(text).lower()
    return [issue for issue, pattern in ISSUES.items() if re.search(pattern, low)]


def claims_note(b: Bundle) -> Html:
    c = b.claims
    if not len(c):
        return note("No claims were found in this article.")
    modes = Counter(c["mode"])
    words = {
        "direct": "direct quotes",
        "indirect": "reported statements",
        "editorial": "editorial remarks by the outlet",
        "unattributed": "unattributed statements",
    }
    parts = ", ".join(f"{n} {words.get(m, m)}" for m, n in modes.most_common())
    return note(f"{plural(len(c), 'claim')}: {parts}.")


def claims_by_speaker(b: Bundle) -> Html:
    c = attributed(b)
    if not len(c):
        return empty("No claim in this article is attributed to a named source.")
    out = []
    order = c.assign(_who=[speaker_label(r) for _, r in c.iterrows()])
    ranked = order._who.value_counts().index
    for who in ranked:
        rows = []
        for _, r in order[order._who == who].iterrows():
            rows.append(
                [
                    item_ref(r.claim_id, "claim") + reviewed_mark(r),
                    r.claim_type,
                    r["mode"],
                    quote(r.text, 300),
                    str(r.hedges).replace(";", ", "),
                    sent_ref(r.sentence_id),
                ]
            )
        out.append(tag("h4", f"{who} — {plural(len(rows), 'claim')}"))
        out.append(table(["", "Type", "Mode", "What was said", "Hedges", "Where"], rows, cls="claims"))
    return block(*out)


def claims_by_type(b: Bundle) -> Html:
    c = attributed(b)
    if not len(c):
        return empty("There are no attributed claims to count by type.")
    who = pd.Series([speaker_label(r) for _, r in c.iterrows()], index=c.index, name="speaker")
    ct = pd.crosstab(who, c.claim_type)
    ct = ct.loc[ct.sum(axis=1).sort_values(ascending=False).index]
    rows = [[name, *[int(v) or "" for v in ct.loc[name]]] for name in ct.index]
    cols = list(ct.columns)
    top = c.claim_type.value_counts()
    lead = para(f"Commonest kind of claim: {top.index[0]} ({top.iloc[0]} of {len(c)}).", cls="lead")
    return block(lead, table(["Speaker", *cols], rows, numeric=list(range(1, len(cols) + 1))))


def positions(b: Bundle) -> pd.DataFrame:
    """Party x issue: the claims each party makes on each issue (issues found in the claim text)."""
    c = attributed(b)
    c = c[~c.speaker_id.isin(expert_ids(b))]
    rows = [
        (speaker_label(r), issue, r.claim_type, r.claim_id)
        for _, r in c.iterrows()
        for issue in issues_of(r.text)
    ]
    return pd.DataFrame(rows, columns=["party", "issue", "claim_type", "claim_id"])


def position_cell(b: Bundle, hits: pd.DataFrame) -> Html:
    """The first claim on the issue in a few words, and links to the others."""
    if not len(hits):
        return Html("")
    first = b.claims[b.claims.claim_id == hits.claim_id.iloc[0]].iloc[0]
    out = (
        tag("strong", first.claim_type)
        + Html(": ")
        + quote(first.text, 70)
        + Html(" ")
        + item_ref(first.claim_id, "claim")
    )
    rest = [item_ref(c, "claim") for c in hits.claim_id.iloc[1:]]
    if rest:
        out = out + tag("span", Html(" also ") + join(rest, Html(" ")), cls="small")
    return out


def positions_matrix(b: Bundle) -> Html:
    p = positions(b)
    if not len(p):
        return empty(
            "No party’s claims touch a recognisable issue (ceasefire, territory, talks, sanctions, …)."
        )
    issues = list(p.issue.value_counts().index)
    parties = list(p.party.value_counts().index)
    rows = []
    for party in parties:
        cells: list[object] = [party]
        for issue in issues:
            hits = p[(p.party == party) & (p.issue == issue)]
            cells.append(position_cell(b, hits))
        rows.append(cells)
    contested = plural(p[p.issue == issues[0]].party.nunique(), "party")
    text = (
        f"{plural(len(parties), 'party')} take positions on {plural(len(issues), 'issue')}; "
        f"the most contested is {issues[0]} ({contested}). "
        "Each cell shows the party’s first claim on the issue and links to the others."
    )
    return block(para(text, cls="lead"), table(["Party", *issues], rows, cls="matrix"))


def editorial_panel(b: Bundle) -> Html:
    e = editorial(b)
    if not len(e):
        return block(
            tag(
                "aside",
                tag("h3", "The outlet’s own voice")
                + para("No editorial opinion was detected: the article reads as reporting."),
                cls="editorial",
            )
        )
    items = join(
        tag("li", quote(r.text, 300) + Html(" ") + item_ref(r.claim_id, "claim")) for _, r in e.iterrows()
    )
    text = (
        f"The outlet states {plural(len(e), 'opinion')} in its own voice, attributed to no source. "
        "Read these as commentary, not as reported fact."
    )
    return block(
        tag("aside", tag("h3", "The outlet’s own voice") + para(text) + tag("ul", items), cls="editorial")
    )


# ------------------------------------------------------------------ 03 expert commentary

ICD203 = (
    ("almost no chance", "01–05%"),
    ("very unlikely", "05–20%"),
    ("unlikely", "20–45%"),
    ("roughly even chance", "45–55%"),
    ("likely", "55–80%"),
    ("very likely", "80–95%"),
    ("almost certain", "95–99%"),
)


def experts_table(b: Bundle) -> Html:
    x = expert_frame(b)
    if not len(x):
        return empty("No expert commentary was found in this article.")
    rows = [
        [r["name"], r.credentials, r.channel, evidence(b, r.evidence_start, 200)] for _, r in x.iterrows()
    ]
    text = (
        f"{plural(len(x), 'outside expert')} comment: {names_list(list(x.name))}. "
        "Credentials are as the article states them."
    )
    return block(para(text, cls="lead"), table(["Expert", "Credentials", "Channel", "Evidence"], rows))


def expert_claims_table(b: Bundle) -> Html:
    c = attributed(b)
    c = c[c.speaker_id.isin(set(expert_frame(b).actor_id))]
    if not len(c):
        return empty("No expert judgement, prediction or reasoning was extracted.")
    rows = [
        [
            speaker_label(r),
            r.claim_type,
            quote(r.text, 320),
            tag("em", f"hedged: {r.hedges.replace(';', ', ')}" if r.hedges else "stated without hedging"),
            item_ref(r.claim_id, "claim"),
        ]
        for _, r in c.iterrows()
    ]
    text = (
        "No findings were classified, so the experts’ own statements are listed; hedging words are "
        "shown, not mapped to the ICD 203 scale."
    )
    return block(
        para(text, cls="lead"),
        table(["Expert", "Kind", "Statement", "Hedging", "Claim"], rows, cls="findings"),
    )


def findings_table(b: Bundle) -> Html:
    f = b.findings
    if not len(f):
        return expert_claims_table(b)
    names = actor_names(b)
    rows = [
        [
            names.get(r.expert_id, r.expert_id),
            r.kind,
            quote(r.text, 320),
            tag("em", likelihood_text(r)),
            sent_ref(sentence_id_at(b, r.start)),
        ]
        for _, r in f.iterrows()
    ]
    hedged = int((f.likelihood != "").sum())
    text = (
        f"{plural(len(f), 'finding')}; {hedged} carry an explicit likelihood, "
        f"{len(f) - hedged} are stated without hedging."
    )
    return block(
        para(text, cls="lead"),
        table(["Expert", "Kind", "Finding", "Likelihood (ICD 203)", "Where"], rows, cls="findings"),
    )


def icd203_scale() -> Html:
    cells = join(tag("li", tag("strong", term) + Html(" ") + tag("span", rng)) for term, rng in ICD203)
    return block(tag("p", "ICD 203 expressions of likelihood:", cls="small") + tag("ul", cells, cls="scale"))


def expert_contrast(b: Bundle, limit: int = 6) -> Html:
    """Each party claim beside the expert finding on the same topic (shared words and actors)."""
    from briefing.commentary import contrasts

    if not len(b.findings):
        return empty("With no expert findings there is nothing to contrast with the parties’ own claims.")
    best: dict[int, object] = {}  # one row per party claim: its closest finding
    for x in contrasts(b):
        if x.claim_start not in best or x.score > best[x.claim_start].score:
            best[x.claim_start] = x
    if not best:
        return empty("No expert finding shares a topic with a party’s own claims.")
    names, rows = actor_names(b), []
    for x in sorted(best.values(), key=lambda x: (-x.score, x.claim_start))[:limit]:
        hint = "opposite polarity" if x.opposed else "same polarity"
        said = quote(x.claim, 200) + Html(" ") + sent_ref(sentence_id_at(b, x.claim_start))
        judged = quote(x.finding, 200) + Html(" ") + sent_ref(sentence_id_at(b, x.finding_start))
        rows.append(
            [
                x.party,
                said,
                names.get(x.expert_id, x.expert_id) + ": ",
                judged,
                f"{', '.join(x.shared[:4])} ({hint})",
            ]
        )
    lead = (
        "What each party says, beside the expert finding that shares most of its topic (words and actors "
        "both mention). “Opposite polarity” means one side is negated and the other is not: a hint "
        "to read both, not a verdict."
    )
    return block(
        para(lead, cls="lead"),
        table(["Party", "The party says", "Expert", "The expert assesses", "Shared topic"], rows),
    )


# ------------------------------------------------------------------ 04 timeline


def date_range(value: str) -> tuple[date, date] | None:
    """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``A/B`` as first and last day; None when unresolved."""
    value = str(value or "").strip()
    if not value:
        return None
    if "/" in value:
        a, z = (date_range(p) for p in value.split("/", 1))
        return (a[0], z[1]) if a and z else None
    try:
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            y, m = map(int, value.split("-"))
            last = (date(y + (m == 12), m % 12 + 1, 1) - date(y, m, 1)).days
            return date(y, m, 1), date(y, m, last)
        d = date.fromisoformat(value)
        return d, d
    except ValueError:
        return None


def human_date(value: str) -> str:
    r = date_range(value)
    if r is None:
        return "unresolved"
    a, z = r
    if a == z:
        return f"{a.day} {a:%b %Y}"
    if re.fullmatch(r"\d{4}", str(value)):
        return str(value)
    if re.fullmatch(r"\d{4}-\d{2}", str(value)):
        return f"{a:%B %Y}"
    if a.day == 1 and (z + timedelta(days=1)).day == 1:  # whole months
        return f"{a:%b}–{z:%b %Y}" if a.year == z.year else f"{a:%b %Y} – {z:%b %Y}"
    return f"{a.day} {a:%b %Y} – {z.day} {z:%b %Y}"


def timeline_frame(b: Bundle) -> pd.DataFrame:
    e = b.events.copy()
    if not len(e):
        return e
    e["_range"] = [date_range(d) for d in e.date]
    e["_key"] = [r[0] if r else date.max for r in e._range]
    return e.sort_values(["_key", "start"], kind="stable")


def timeline_table(b: Bundle) -> Html:
    e = timeline_frame(b)
    if not len(e):
        return empty("No time expressions were found in this article.")
    names = actor_names(b)
    rows = []
    for _, r in e.iterrows():
        who = ", ".join(names.get(a, a) for a in str(r.actor_ids).split(";") if a)
        ref = item_ref(r.event_id, "time expression")
        when = tag("span", human_date(r.date), cls="nowrap") + Html(" ") + ref
        rows.append(
            [when, quote(r.date_text, 60), shorten(r.description, 110), who, r.tense, sent_ref(r.sentence_id)]
        )
    return block(
        table(["Date", "As written", "What happens", "Who", "Status", "Where"], rows, cls="timeline")
    )


def timeline_note(b: Bundle) -> Html:
    e = timeline_frame(b)
    if not len(e):
        return note("The article gives no dates or time expressions.")
    dated = e[e._range.notna()]
    text = f"{plural(len(e), 'time expression')}"
    if len(dated):
        first, last = human_date(dated.date.iloc[0]), human_date(dated.date.iloc[-1])
        text += f", {len(dated)} resolved, from {first} to {last}"
    planned = int((e.tense == "planned").sum())
    if planned:
        text += f"; {planned} planned or expected"
    unresolved = len(e) - len(dated)
    if unresolved:
        why = "" if b.meta.get("published") else " because the publication date is unknown"
        text += f"; {unresolved} could not be placed on a date{why}"
    return note(text + ".")


# ------------------------------------------------------------------ 05 source text

MODE_LABEL = {
    "direct": "direct quote",
    "indirect": "reported speech",
    "editorial": "outlet’s opinion",
    "unattributed": "unattributed",
}


@dataclass(frozen=True)
class Layer:
    """One marked span of the source text: which element, its classes, title and anchor id."""

    start: int
    end: int
    rank: int  # nesting order: sentence 0, claim 1, date 2, mention 3
    name: str
    cls: str
    title: str = ""
    anchor: str = ""
    label: str = ""


def layers(b: Bundle) -> list[Layer]:
    out = [
        Layer(
            r.start, r.end, 0, "span", f"sent kind-{r.kind}", f"sentence {r.sentence_id}", f"s{r.sentence_id}"
        )
        for _, r in b.sentences.iterrows()
    ]
    for _, r in b.claims.iterrows():
        who = speaker_label(r) if r["mode"] in ("direct", "indirect") else "the outlet"
        out.append(
            Layer(
                r.start,
                r.end,
                1,
                "span",
                f"claim mode-{r['mode']}" + (" reviewed" if int(r.get("reviewed", 0) or 0) else ""),
                f"{r.claim_id} · {who} · {MODE_LABEL.get(r['mode'], r['mode'])} · {r.claim_type}"
                + (" · reviewed" if int(r.get("reviewed", 0) or 0) else ""),
                anchor_id(r.claim_id),
                r.claim_id,
            )
        )
    for _, r in b.events.iterrows():
        out.append(
            Layer(
                r.start,
                r.end,
                2,
                "span",
                "when",
                f"{r.event_id} · {human_date(r.date)}",
                anchor_id(r.event_id),
            )
        )
    names = actor_names(b)
    for _, r in b.mentions.iterrows():
        out.append(Layer(r.start, r.end, 3, "span", "ment", names.get(r.actor_id, r.actor_id)))
    return [x for x in out if 0 <= x.start < x.end <= len(b.text)]


def _open(layer: Layer, first: bool) -> str:
    attrs = f' class="{esc(layer.cls)}"'
    if layer.title:
        attrs += f' title="{esc(layer.title)}"'
    if first and layer.anchor:
        attrs += f' id="{esc(layer.anchor)}"'
    label = ""
    if first and layer.label:
        label = f'<span class="claim-label" aria-hidden="true">{esc(layer.label)}</span>'
    return f"<{layer.name}{attrs}>{label}"


def marked_text(b: Bundle) -> str:
    """The article as paragraphs, each segment wrapped in every span covering it (always well nested)."""
    text, spans = b.text, layers(b)
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    cuts = sorted(
        {0, len(text), *(s.start for s in spans), *(s.end for s in spans), *breaks, *(i + 1 for i in breaks)}
    )
    opened: set[Layer] = set()
    paras, current = [], []
    pending = sorted(spans, key=lambda s: s.start)
    live: list[Layer] = []
    i = 0
    for a, z in pairwise(cuts):  # sweep: spans start and end only at cuts
        while i < len(pending) and pending[i].start <= a:
            live.append(pending[i])
            i += 1
        live = [s for s in live if s.end > a]
        piece = text[a:z]
        if piece == "\n" or not piece:
            if current:
                paras.append("".join(current))
                current = []
            continue
        active = sorted((s for s in live if z <= s.end), key=lambda s: (s.rank, s.start))
        html_open = "".join(_open(s, s not in opened) for s in active)
        opened |= set(active)
        html_close = "".join(f"</{s.name}>" for s in reversed(active))
        current.append(f"{html_open}{esc(piece)}{html_close}")
    if current:
        paras.append("".join(current))
    return "".join(f"<p>{p}</p>" for p in paras if p.strip())


def legend() -> Html:
    keys = [
        ("ment", "actor mention"),
        ("claim mode-direct", "direct quote"),
        ("claim mode-indirect", "reported speech"),
        ("claim mode-editorial", "outlet’s opinion"),
        ("claim mode-unattributed", "unattributed"),
        ("when", "time expression"),
        ("sent kind-boilerplate", "web-page boilerplate"),
    ]
    items = join(tag("li", tag("span", "Sample", cls=cls) + Html(" ") + label) for cls, label in keys)
    return tag("ul", items, cls="legend", aria_label="Legend of the highlighting")


def source_text(b: Bundle) -> Html:
    if not b.text.strip():
        return empty("The article is empty.")
    text = (
        f"The full article ({plural(len(b.text.split()), 'word')}, "
        f"{plural(len(b.sentences), 'sentence')}). Hover a highlight for its details; every s-, C- and "
        "E-reference elsewhere in this briefing links here."
    )
    return block(para(text, cls="lead"), legend(), tag("div", Html(marked_text(b)), cls="source-text"))
