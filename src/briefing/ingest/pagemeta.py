"""What a saved web page says about its article: JSON-LD, Open Graph, <meta> and <link> tags, <title>.

Read from the parsed markup only: the JSON-LD is parsed as data (json.loads), no script is run and no
address is fetched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from lxml import html as lxml_html

from briefing.ingest.source import Found, found, parse_day

_MAX_DEPTH = 12  # JSON-LD nests a few levels; deeper is not metadata worth walking


def parse_page(markup: str):
    """The page's element tree (lxml; scripts stay inert text), or None when it has no elements."""
    try:
        return lxml_html.document_fromstring(markup)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None


# ------------------------------------------------------------------ JSON-LD


def jsonld_objects(tree) -> list[dict[str, Any]]:
    """Every JSON object in the page's ``application/ld+json`` blocks, @graph members included."""
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except (ValueError, RecursionError):
            continue  # a broken block is common and says nothing
        objects.extend(_walk(data, 0))
    return objects


def _walk(data: object, depth: int) -> Iterator[dict[str, Any]]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk(data["@graph"], depth + 1)


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type", [])
    return [str(k) for k in (kind if isinstance(kind, list) else [kind])]


def is_article(obj: dict[str, Any]) -> bool:
    """schema.org's article types: Article, NewsArticle, ReportageNewsArticle, BlogPosting, Report, ..."""
    return any(t.endswith(("Article", "Posting")) or t == "Report" for t in _types(obj))


def _names(value: object, by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Names in an author or publisher value: a string, a Person/Organization, an @id, or a list of them."""
    if isinstance(value, str):
        return [value] if not value.startswith(("http://", "https://")) else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v, by_id)]
    if isinstance(value, dict):
        if "name" in value and isinstance(value["name"], str):
            return [value["name"]]
        ref = by_id.get(str(value.get("@id", "")))
        if ref is not None and ref is not value and isinstance(ref.get("name"), str):
            return [ref["name"]]
    return []


def _url(value: object) -> str:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or ""
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else ""


def jsonld_fields(tree) -> dict[str, Any]:
    """title, outlet, author, url, published from the page's first JSON-LD article object."""
    objects = jsonld_objects(tree)
    by_id = {str(o["@id"]): o for o in objects if "@id" in o}
    article = next((o for o in objects if is_article(o)), None)
    if article is None:
        return {}
    headline = article.get("headline") or article.get("name")
    authors = list(dict.fromkeys(_names(article.get("author"), by_id)))
    publisher = _names(article.get("publisher"), by_id)
    return {
        "title": found(headline if isinstance(headline, str) else "", "JSON-LD headline"),
        "outlet": found(publisher[0] if publisher else "", "JSON-LD publisher"),
        "author": found(" and ".join(authors), "JSON-LD author"),
        "url": found(_url(article.get("url")) or _url(article.get("mainEntityOfPage")), "JSON-LD url"),
        "published": _dated(article.get("datePublished"), "JSON-LD datePublished"),
    }


def _dated(value: object, origin: str) -> tuple[date, str] | None:
    day = parse_day(value) if isinstance(value, str) else None
    return (day, origin) if day else None


# ------------------------------------------------------------------ Open Graph, <meta>, <link>, <title>

_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+)\s*-->", re.IGNORECASE)


def meta_tags(tree) -> dict[str, str]:
    """<meta property|name=... content=...>, keys lower-cased, the first of each kept."""
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content:
            tags.setdefault(key, content)
    return tags


def markup_fields(tree, markup: str) -> dict[str, Any]:
    """title, outlet, author, url, published from Open Graph and the page's own tags."""
    tags = meta_tags(tree)
    canonical = next(
        (
            link.get("href", "")
            for link in tree.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split()
        ),
        "",
    )
    title_el = next(tree.iter("title"), None)
    author = tags.get("author") or tags.get("article:author") or ""
    saved = _SAVED_FROM.search(markup[:4096])
    return {
        "title": found(tags.get("og:title"), "Open Graph og:title")
        or found(tags.get("twitter:title"), "Twitter card title")
        or found(title_el.text_content() if title_el is not None else "", "the page's <title>"),
        "outlet": found(tags.get("og:site_name"), "Open Graph og:site_name")
        or found(tags.get("application-name"), "the page's application-name"),
        "author": found(
            author if not author.startswith(("http://", "https://")) else "", "the page's author tag"
        ),
        "url": found(_url(canonical), "the page's canonical link")
        or found(_url(tags.get("og:url", "")), "Open Graph og:url")
        or found(saved.group(1) if saved else "", "the browser's 'saved from' note"),
        "published": _dated(tags.get("article:published_time"), "Open Graph article:published_time"),
    }


def strip_outlet(title: Found, outlet: Found | None) -> Found:
    """ "Talks stall | The Daily Example" -> "Talks stall" when the outlet is the part after the separator."""
    if outlet is None:
        return title
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        head, _, tail = title.value.rpartition(sep)
        if head and tail.strip().casefold() == outlet.value.casefold():
            return Found(head.strip(), title.origin)
    return title


def page_fields(tree, markup: str) -> dict[str, Found | tuple[date, str] | None]:
    """The page's metadata: the article's own JSON-LD record first, then Open Graph and tags; but the
    outlet is the site's name (og:site_name) before the JSON-LD publisher, often a company's legal name."""
    ld, tags = jsonld_fields(tree), markup_fields(tree, markup)
    fields = {key: ld.get(key) or tags.get(key) for key in ("title", "outlet", "author", "url", "published")}
    fields["outlet"] = tags.get("outlet") or ld.get("outlet")
    return fields


__all__ = ["Found", "jsonld_fields", "markup_fields", "page_fields", "parse_page", "strip_outlet"]
