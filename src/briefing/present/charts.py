"""Figures of the briefing: matplotlib/networkx charts embedded as base64 PNG in an HTML <figure>.

Figures are built with :class:`matplotlib.figure.Figure` (no pyplot state), so nothing is displayed twice
and nothing leaks between sections. Each public function returns :class:`briefing.present.Html` holding a
``<figure>`` with alt text and a caption written from the data, or a sentence when there is nothing to draw.
Each chart draws the rows of the DataFrame it is given, in their order (the notebook selects and sorts them).
"""

from __future__ import annotations

import base64
import io
import math
import textwrap
from datetime import date, timedelta
from itertools import pairwise

import networkx as nx
import pandas as pd
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from briefing.io import Bundle
from briefing.present import markup as P
from briefing.present.actors import strongest
from briefing.present.common import actor_names
from briefing.present.timeline import date_range, span

# Okabe–Ito: distinguishable with colour-blindness, dark enough for text on white
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D1F", "#555555")
INK, MUTED, GRID = "#1a1a1a", "#555555", "#dddddd"
KIND_COLOUR = {
    "person": PALETTE[0],
    "organisation": PALETTE[1],
    "state": PALETTE[2],
    "group": PALETTE[3],
    "place": PALETTE[7],
}


def _style(fig: Figure) -> None:
    for ax in fig.axes:
        ax.tick_params(colors=INK, labelsize=9)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        for side in ("left", "bottom"):
            ax.spines[side].set_color(MUTED)


def png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150, bbox_inches="tight", facecolor="white")
    return buf.getvalue()


def figure_html(fig: Figure, alt: str, caption: str) -> P.Html:
    """A self-contained <figure>: PNG as a data URI, alt text and caption (both escaped)."""
    data = base64.b64encode(png(fig)).decode("ascii")
    img = P.Html('<img src="data:image/png;base64,{}" alt="{}">').format(data, alt)
    return P.block(P.tag("figure", img + P.tag("figcaption", caption)), cls="chart")


def _label(text: str, width: int = 18) -> str:
    return "\n".join(textwrap.wrap(str(text), width)[:2]) or "?"


# ------------------------------------------------------------------ mentions


def mentions_bar(b: Bundle, actors: pd.DataFrame | None = None, top: int = 15) -> P.Html:
    """A bar per actor of ``actors`` (the first ``top`` mentioned at all; places are not actors)."""
    a = b.actors if actors is None else actors
    a = a[(a.mentions > 0) & (a.kind != "place")][:top] if len(a) else a
    if not len(a):
        return P.empty("No actor is mentioned, so there is no chart of mentions.")
    a = a.iloc[::-1]
    fig = Figure(figsize=(7.2, 0.38 * len(a) + 1.0))
    ax = fig.add_subplot()
    colours = [KIND_COLOUR.get(k, PALETTE[7]) for k in a.kind]
    ax.barh([P.shorten(n, 34) for n in a.name], a.mentions, color=colours)
    for y, v in enumerate(a.mentions):
        ax.text(v + 0.1, y, str(v), va="center", fontsize=9, color=INK)
    ax.set_xlabel("mentions (names, titles, metonyms and pronouns)", color=INK, fontsize=9)
    ax.xaxis.grid(True, color=GRID)
    ax.set_axisbelow(True)
    kinds = list(dict.fromkeys(a.kind[::-1]))
    handles = [Patch(color=KIND_COLOUR.get(k, PALETTE[7]), label=k) for k in kinds]
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0, a.mentions.max() * 1.08 + 0.5)
    ax.legend(handles=handles, frameon=False, fontsize=9, loc="lower right")
    _style(fig)
    top3 = ", ".join(f"{n} ({m})" for n, m in zip(a.name[::-1][:3], a.mentions[::-1][:3], strict=False))
    alt = f"Horizontal bar chart of mentions per actor for {len(a)} actors. Most mentioned: {top3}."
    caption = f"Mentions by actor (top {len(a)}), coloured by kind. Most mentioned: {top3}."
    return figure_html(fig, alt, caption)


# ------------------------------------------------------------------ network


def _graph(b: Bundle, links: pd.DataFrame) -> nx.Graph:
    """The analysis stage's links (``links.csv``): one edge per pair, its weight and rank as computed."""
    names = actor_names(b)
    kinds = dict(zip(b.actors.actor_id, b.actors.kind, strict=False))
    g = nx.Graph()
    for _, r in links.iterrows():
        for node in (r.source, r.target):
            g.add_node(node, name=names.get(node, node), kind=kinds.get(node, ""))
        g.add_edge(r.source, r.target, weight=int(r.weight), speaks=int(r.speaks) > 0, rank=int(r["rank"]))
    return g


def _circle(nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Nodes on a circle, first at the top: with <= 15 nodes no two labels can overlap."""
    n = max(1, len(nodes))
    return {
        v: (math.cos(math.pi / 2 - 2 * math.pi * i / n), math.sin(math.pi / 2 - 2 * math.pi * i / n))
        for i, v in enumerate(nodes)
    }


MAX_EDGES = 28


def _prune(g: nx.Graph) -> int:
    """Keep the graph legible: drop the weakest co-occurrence links beyond MAX_EDGES; return how many."""
    weak = sorted((-d["rank"], u, v) for u, v, d in g.edges(data=True) if not d["speaks"])
    extra = g.number_of_edges() - MAX_EDGES
    drop = [(u, v) for _, u, v in weak[: max(0, extra)]]
    g.remove_edges_from(drop)
    return len(drop)


def _order(b: Bundle, g: nx.Graph) -> list[str]:
    """Around the circle by side, most mentioned first, so each camp sits together."""
    side = dict(zip(b.actors.actor_id, b.actors.side, strict=False))
    mentions = dict(zip(b.actors.actor_id, b.actors.mentions, strict=False))
    weight: dict[str, int] = {}
    for v in g.nodes:
        weight[side.get(v, "")] = weight.get(side.get(v, ""), 0) + int(mentions.get(v, 0))

    def key(v: str) -> tuple[int, str, int]:
        return -weight[side.get(v, "")], side.get(v, ""), -int(mentions.get(v, 0))

    return sorted(g.nodes, key=key)


def network(b: Bundle, links: pd.DataFrame | None = None) -> P.Html:
    """The links of ``links`` (stored: all of them), strongest first as given."""
    g = _graph(b, b.links if links is None else links)
    if g.number_of_edges() == 0:
        return P.empty(
            "No two actors are linked (same sentence or one speaking about the other), "
            "so there is no network to draw."
        )
    dropped = _prune(g)
    g.remove_nodes_from([v for v in list(g.nodes) if g.degree(v) == 0])
    pos = _circle(_order(b, g))
    mentions = dict(zip(b.actors.actor_id, b.actors.mentions, strict=False))
    fig = Figure(figsize=(7.2, 6.4))
    ax = fig.add_subplot()
    wmax = max(d["weight"] for *_, d in g.edges(data=True))
    for u, v, d in sorted(g.edges(data=True), key=lambda e: e[2]["weight"]):
        (x0, y0), (x1, y1) = pos[u], pos[v]
        ax.plot(
            [x0, x1],
            [y0, y1],
            color=PALETTE[1] if d["speaks"] else "#9a9a9a",
            lw=0.7 + 4.5 * d["weight"] / wmax,
            alpha=0.8,
            zorder=1,
            solid_capstyle="round",
        )
    mmax = max(1, max(int(mentions.get(v, 1)) for v in g.nodes))
    for v in g.nodes:
        x, y = pos[v]
        ax.scatter(
            [x],
            [y],
            s=90 + 520 * int(mentions.get(v, 1)) / mmax,
            color=KIND_COLOUR.get(g.nodes[v]["kind"], PALETTE[7]),
            edgecolor="white",
            linewidth=1.5,
            zorder=2,
        )
        ax.text(
            1.2 * x,
            1.14 * y,
            _label(g.nodes[v]["name"]),
            fontsize=9,
            color=INK,
            zorder=3,
            ha="left" if x > 0.2 else "right" if x < -0.2 else "center",
            va="bottom" if y > 0.2 else "top" if y < -0.2 else "center",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.9},
        )
    ax.plot([], [], color="#9a9a9a", lw=2, label="mentioned in the same sentence")
    ax.plot([], [], color=PALETTE[1], lw=2, label="one speaks about the other")
    ax.legend(frameon=False, fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=2)
    ax.set_xlim(-1.9, 1.9)
    ax.set_ylim(-1.45, 1.45)
    ax.set_aspect("equal")
    ax.axis("off")
    pairs = "; ".join(strongest(b, links=links))  # the same ranking as the paragraph above the chart
    omitted = f" {P.plural(dropped, 'weaker link')} not drawn." if dropped else ""
    alt = (
        f"Network of {g.number_of_nodes()} actors and {g.number_of_edges()} links; line width shows how "
        f"often two actors appear together. Strongest links: {pairs}."
    )
    return figure_html(
        fig,
        alt,
        f"Who is linked to whom (the {g.number_of_nodes()} most mentioned actors, "
        f"grouped by side; dot size: mentions; line width: shared sentences and claims about the other). "
        f"Strongest links: {pairs}.{omitted}",
    )


# ------------------------------------------------------------------ timeline


def _published(b: Bundle) -> date | None:
    try:
        return date.fromisoformat(str(b.meta.get("published") or ""))
    except ValueError:
        return None


def panels(ranges: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """One x-range, or two when a long quiet gap (> 180 days, > half the span) separates old from recent."""
    lo, hi = min(a for a, _ in ranges), max(z for _, z in ranges)
    starts = sorted({a for a, _ in ranges})
    gaps = [(b - max(z for a, z in ranges if a <= prev), prev, b) for prev, b in pairwise(starts)]
    gap = max(gaps, default=None)
    if gap is None or gap[0].days < 180 or gap[0].days < (hi - lo).days / 2:
        return [(lo, hi)]
    cut = gap[2]
    return [(lo, max(z for a, z in ranges if a < cut)), (cut, hi)]


def _pad(lo: date, hi: date) -> tuple[float, float]:
    pad = max(3.0, (hi - lo).days * 0.06)
    return date2num(lo) - pad, date2num(hi + timedelta(days=1)) + pad


def _draw_events(ax, e, pub: date | None) -> None:
    for y, (_, r) in enumerate(e.iterrows()):
        a, z = r._range
        planned = r.tense == "planned" or (pub is not None and a > pub)
        colour = PALETTE[1] if planned else PALETTE[0]
        if z > a:
            ax.plot(
                [date2num(a), date2num(z + timedelta(days=1))],
                [y, y],
                color=colour,
                lw=6,
                solid_capstyle="butt",
                alpha=0.55,
            )
        ax.scatter(
            [date2num(a)],
            [y],
            s=46,
            color="white" if planned else colour,
            edgecolor=colour,
            linewidth=1.8,
            zorder=3,
        )


def timeline_chart(b: Bundle, events: pd.DataFrame | None = None) -> P.Html:
    """A line per dated event of ``events``, top to bottom in its order."""
    e = b.events if events is None else events
    e = e.assign(_range=[date_range(d) for d in e.date]) if len(e) else e
    e = e[e._range.notna()] if len(e) else e
    if not len(e):
        return P.empty("No time expression could be placed on a date, so there is no timeline chart.")
    pub = _published(b)
    ranges = list(e._range) + ([(pub, pub)] if pub else [])
    windows = panels(ranges)
    ratios = [1, 2] if len(windows) == 2 else [1]
    fig = Figure(figsize=(7.2, 0.42 * len(e) + 1.5))
    axes = fig.subplots(1, len(windows), sharey=True, width_ratios=ratios, squeeze=False)[0]
    for ax, (lo, hi) in zip(axes, windows, strict=True):
        _draw_events(ax, e, pub)
        ax.set_xlim(*_pad(lo, hi))
        loc = AutoDateLocator(minticks=2, maxticks=7 if ax is axes[-1] else 5)  # 5: no span without ticks
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(loc))
        ax.xaxis.grid(True, color=GRID)
        if pub and lo <= pub <= hi:
            ax.axvline(date2num(pub), color=PALETTE[2], lw=1.5, ls="--")
            ax.annotate(
                "published",
                (date2num(pub), 1.0),
                xycoords=("data", "axes fraction"),
                fontsize=9,
                color=INK,
                ha="center",
                va="bottom",
            )
    labels = [
        P.shorten(f"{r.date_text} — {r.description}" if r.description else r.date_text, 55)
        for _, r in e.iterrows()
    ]
    axes[0].set_yticks(range(len(e)), labels, fontsize=8.5)
    axes[0].invert_yaxis()
    if len(axes) == 2:
        axes[1].tick_params(left=False)
        axes[1].spines["left"].set_linestyle((0, (3, 3)))
    axes[-1].scatter([], [], color=PALETTE[0], label="past / present")
    axes[-1].scatter([], [], color="white", edgecolor=PALETTE[1], linewidth=1.8, label="planned / expected")
    fig.legend(
        *axes[-1].get_legend_handles_labels(),
        frameon=False,
        fontsize=9,
        loc="lower center",
        ncol=2,
        bbox_to_anchor=(0.6, -0.06),
    )
    _style(fig)
    first, last = span(e)
    mark = " The dashed line marks the publication day." if pub else ""
    split = " The axis is broken to show older background next to recent events." if len(axes) == 2 else ""
    alt = (
        f"Timeline of {len(e)} dated events from {first} to {last}; "
        f"filled dots past, hollow dots planned.{mark}"
    )
    return figure_html(
        fig,
        alt,
        f"Timeline of the {len(e)} dated events, {first} to {last}. "
        f"Filled: past or present; hollow: planned or expected.{mark}{split}",
    )
