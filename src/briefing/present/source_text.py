"""05 Source text: the article with actors, claims (by mode) and time expressions highlighted; every
s-, C- and E-reference elsewhere in the briefing links here."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from briefing.io import Bundle
from briefing.present.common import actor_names, speaker_label
from briefing.present.markup import Html, anchor_id, block, empty, esc, is_reviewed, join, para, plural, tag
from briefing.present.timeline import human_date

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
        title = f"{r.claim_id} · {who} · {MODE_LABEL.get(r['mode'], r['mode'])} · {r.claim_type}"
        cls = f"claim mode-{r['mode']}"
        if is_reviewed(r):
            title, cls = f"{title} · reviewed", f"{cls} reviewed"
        out.append(Layer(r.start, r.end, 1, "span", cls, title, anchor_id(r.claim_id), r.claim_id))
    for _, r in b.events.iterrows():
        title = f"{r.event_id} · {human_date(r.date)}"
        out.append(Layer(r.start, r.end, 2, "span", "when", title, anchor_id(r.event_id)))
    names = actor_names(b)
    for _, r in b.mentions.iterrows():
        out.append(Layer(r.start, r.end, 3, "span", "ment", names.get(r.actor_id, r.actor_id)))
    return [x for x in out if 0 <= x.start < x.end <= len(b.text)]


def _open(layer: Layer, first: bool) -> Html:
    attrs = {"class": layer.cls, "title": layer.title, "id": layer.anchor if first else ""}
    attr = join(Html(' {}="{}"').format(Html(k), v) for k, v in attrs.items() if v)
    label = tag("span", layer.label, cls="claim-label", aria_hidden="true") if first and layer.label else ""
    return Html("<{}{}>{}").format(Html(layer.name), attr, label)


def marked_text(b: Bundle) -> Html:
    """The article as paragraphs, each segment wrapped in every span covering it (always well nested)."""
    text, spans = b.text, layers(b)
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    cuts = sorted(
        {0, len(text), *(s.start for s in spans), *(s.end for s in spans), *breaks, *(i + 1 for i in breaks)}
    )
    opened: set[Layer] = set()
    paras: list[Html] = []
    current: list[Html] = []
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
                paras.append(join(current))
                current = []
            continue
        active = sorted((s for s in live if z <= s.end), key=lambda s: (s.rank, s.start))
        html_open = join(_open(s, s not in opened) for s in active)
        opened |= set(active)
        html_close = join(Html("</{}>").format(Html(s.name)) for s in reversed(active))
        current.append(html_open + esc(piece) + html_close)
    if current:
        paras.append(join(current))
    return join(tag("p", p) for p in paras if str(p).strip())


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
        f"The full article ({plural(b.count('words'), 'word')}, {plural(b.count('sentences'), 'sentence')}). "
        "Hover a highlight for its details; every s-, C- and E-reference elsewhere in this briefing "
        "links here."
    )
    return block(para(text, cls="lead"), legend(), tag("div", marked_text(b), cls="source-text"))
