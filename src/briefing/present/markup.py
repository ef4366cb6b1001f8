"""Safe HTML on markupsafe: every string from the article is escaped before it reaches the page.

:class:`Html` is markupsafe's :class:`~markupsafe.Markup` (text already safe) that Jupyter displays as
HTML, never as Markdown or LaTeX. Joining, concatenating or formatting it escapes whatever is not
already ``Html``; ``$`` is escaped too, so no TeX ever typesets. Every helper copes with empty input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape


class Html(Markup):
    """A fragment of HTML built only from escaped text and our own markup."""

    __slots__ = ()

    @classmethod
    def escape(cls, s: object) -> Html:
        if hasattr(s, "__html__"):
            return cls(s)
        return cls(str(escape("" if s is None else s)).replace("$", "&#36;"))

    @property
    def html(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:  # the text/plain fallback Jupyter stores beside the HTML: keep it short
        return f"<briefing HTML, {len(self)} characters>"


def esc(value: object) -> Html:
    """Escaped text (``$`` too), or ``value`` itself when it is already :class:`Html`."""
    return Html.escape(value)


def join(parts: Iterable[object], sep: object = "") -> Html:
    return esc(sep).join(parts)


def _attr_name(key: str) -> str:
    key = key.rstrip("_").replace("_", "-")
    return "class" if key == "cls" else key


def tag(name: str, content: object = "", **attrs: object) -> Html:
    """``<name attrs>content</name>``; attribute values are escaped, ``cls`` becomes ``class``."""
    assert re.fullmatch(r"[a-z][a-z0-9]*", name), name
    attr = join(
        Html(' {}="{}"').format(Html(_attr_name(k)), v) for k, v in attrs.items() if v not in (None, "")
    )
    return Html("<{0}{1}>{2}</{0}>").format(Html(name), attr, content)


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


def shorten(text: object, limit: int = 240) -> str:
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–- ") + "…"


def quote(text: object, limit: int = 240) -> Html:
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


def badge(text: object, cls: str = "badge") -> Html:
    return tag("span", text, cls=cls)


IRREGULAR = {"person": "people", "party": "parties", "analysis": "analyses", "is": "are"}


def plural(n: int, word: str, words: str = "") -> str:
    return f"{n} {word if n == 1 else (words or IRREGULAR.get(word) or word + 's')}"


def names_list(names: Sequence[str]) -> str:
    names = [str(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# ------------------------------------------------------------------ links into the source text


def anchor_id(item_id: str) -> str:
    """``C3`` -> ``c3``: the anchor of a claim, event or actor in the source-text section."""
    return re.sub(r"[^a-z0-9_-]", "", str(item_id).lower())


def sent_ref(sid: object) -> Html:
    if sid is None or str(sid).lstrip("-") == "" or int(sid) < 0:
        return Html("")
    n = int(sid)
    return tag("a", f"s{n}", href=f"#s{n}", cls="ref", title=f"sentence {n} in the source text")


def item_ref(item_id: str, what: str) -> Html:
    if not item_id:
        return Html("")
    return tag(
        "a", item_id, href=f"#{anchor_id(item_id)}", cls="ref", title=f"{what} {item_id} in the source text"
    )


def is_reviewed(row: object) -> bool:
    """Whether the analyst's corrections changed or confirmed this row (column ``reviewed``)."""
    return bool(int(getattr(row, "get", lambda *_: 0)("reviewed", 0) or 0))


def reviewed_mark(row: object) -> Html:
    """A small mark on a row the analyst's corrections changed or confirmed."""
    if not is_reviewed(row):
        return Html("")
    return Html(' <span class="reviewed-mark" title="changed or confirmed by the analyst">reviewed</span>')
