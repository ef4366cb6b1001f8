"""A saved web page -> the article's text (trafilatura) and its metadata (JSON-LD, Open Graph, htmldate).

Nothing in the page is run or fetched: the markup is parsed by lxml (scripts stay inert text), trafilatura
and htmldate read that tree only (they fetch only when handed an address, which they never are here), and
JSON-LD is read with json.loads. Pages saved as one file (.mhtml) are unpacked with the standard library.
"""

from __future__ import annotations

import codecs
import dataclasses
import email
import email.policy
import logging
import re
from datetime import date
from functools import cache

from briefing.errors import InputError
from briefing.ingest.pagemeta import page_fields, parse_page, strip_outlet
from briefing.ingest.source import Extracted, Found, first, found, join_paragraphs, parse_day

# Fewer letters than a news brief's first paragraph (about 25 words): the page has no article body.
MIN_BODY_CHARS = 150
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_HEADLINE_WITHIN = 3  # trafilatura may keep the headline among the body's first lines (after a kicker)
_LIST_MARK = re.compile(r"^- (?=\S)")  # trafilatura's text output marks list items "- "


def from_html(data: bytes, name: object) -> Extracted:
    """The main text of a saved page, headline first, and what the page says about its article."""
    return from_markup(decode_html(data, name), name)


def from_mhtml(data: bytes, name: object) -> Extracted:
    """A page saved as one file: the first text/html part, and the address the browser saved it from."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    location = message.get("Snapshot-Content-Location", "")
    for part in message.walk():
        if part.get_content_type() == "text/html":
            try:
                markup = part.get_content()
            except (LookupError, ValueError):
                markup = part.get_payload(decode=True).decode("utf-8", "replace")
            extracted = from_markup(markup, name)
            saved = found(location, "the address the browser saved the page from")
            if (
                extracted.url is None
                and saved is not None
                and saved.value.startswith(("http://", "https://"))
            ):
                return _with_url(extracted, saved)
            return extracted
    raise InputError(name, "is a saved web page (MHTML) with no HTML part")


def _with_url(e: Extracted, url: Found) -> Extracted:
    return dataclasses.replace(e, url=url)


def decode_html(data: bytes, name: object) -> str:
    """The page's characters: by its byte-order mark, else its declared charset, else UTF-8, else the
    best guess of charset-normalizer."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, "replace").lstrip("\ufeff")
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), "replace")
        except LookupError:
            pass  # an unknown charset name: guess instead
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(name, "is a web page in an encoding that cannot be recognised") from None
        return str(best)


def from_markup(markup: str, name: object) -> Extracted:
    markup = _XML_DECLARATION.sub("", markup, count=1)  # lxml refuses a str that declares an encoding
    tree = parse_page(markup)
    if tree is None:
        raise InputError(name, "is an HTML page with no content")
    page = page_fields(tree, markup)
    result = _trafilatura(markup)
    body = _body_lines(result.text if result is not None else "")
    if sum(len("".join(line.split())) for line in body) < MIN_BODY_CHARS:
        raise InputError(
            name, "is a web page with no article body to extract (an index, a login or an empty page?)"
        )
    meta = _merge(page, result)
    title = meta["title"]
    if title is not None:  # the headline heads article.txt once, wherever trafilatura left it near the top
        head = [line for line in body[:_HEADLINE_WITHIN] if not _same(line, title.value)]
        body = [title.value, *head, *body[_HEADLINE_WITHIN:]]
    return Extracted(
        text=join_paragraphs(body, name),
        format="html",
        title=title,
        outlet=meta["outlet"],
        author=meta["author"],
        url=meta["url"],
        published=meta["published"],
    )


def _body_lines(text: str) -> list[str]:
    return [_LIST_MARK.sub("", line) for line in text.split("\n") if line.strip()]


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _merge(page: dict, result) -> dict:
    """The page's own records first, then what trafilatura and htmldate read from the rest of the markup."""

    def tf(attr: str, origin: str) -> Found | None:
        return found(getattr(result, attr, None) or "", origin)

    outlet = first(page["outlet"], tf("sitename", "the page's markup (trafilatura)"))
    title = first(page["title"], tf("title", "the page's markup (trafilatura)"))
    day = parse_day(getattr(result, "date", None))
    return {
        "title": strip_outlet(title, outlet) if title else None,
        "outlet": outlet,
        "author": first(page["author"], tf("author", "the page's markup (trafilatura)")),
        "url": first(page["url"], _http(tf("url", "the page's markup (trafilatura)"))),
        "published": page["published"] or ((day, "the page's markup (htmldate)") if day else None),
    }


def _http(value: Found | None) -> Found | None:
    return value if value is not None and value.value.startswith(("http://", "https://")) else None


def _trafilatura(markup: str):
    """trafilatura's main text and metadata, with htmldate on the markup only (no guessing from the text:
    a date the text states is ingest's own, with its evidence)."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    return trafilatura.bare_extraction(
        markup,
        include_comments=False,
        with_metadata=True,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "outputformat": "%Y-%m-%d",
            "max_date": date.today().isoformat(),
        },
        config=_config(),
    )


@cache
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # a signal alarm: not in a library, nor in a thread
    return config
