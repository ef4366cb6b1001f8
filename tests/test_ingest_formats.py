"""Ingest of saved web pages, PDFs and Word files, in process, on files made at test time (ingest_samples)."""

from __future__ import annotations

import gzip
import socket
from datetime import date
from email.message import EmailMessage

import pytest

from briefing.errors import InputError
from briefing.ingest import build_document, ingest_bytes
from briefing.ingest.pdf import _join_lines
from briefing.ingest.sniff import sniff
from tests import ingest_samples as s


def lines(doc) -> list[str]:
    return doc.text.splitlines()


def assert_article(doc) -> None:
    """Every paragraph of the invented article is a line of article.txt, whole and in order."""
    got = lines(doc)
    positions = [got.index(p) for p in s.BODY]
    assert positions == sorted(positions)


# ------------------------------------------------------------------ recognised by content


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (s.text_pdf(), "pdf"),
        (b"\xef\xbb\xbf  \n<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b'<!-- saved from url=(0022)https://example.org/ -->\n<html lang="en">', "html"),
        ("<!DOCTYPE html>".encode("utf-16"), "html"),
        (b"The minister said <script>x</script> talks will resume.\n", "text"),
        (b"<b>Bold</b> opening words are still a plain-text article.\n", "text"),
        (
            b"From: <Saved by Blink>\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;",
            "mhtml",
        ),
        (gzip.compress(b"<html></html>", mtime=0), "gzip"),
    ],
)
def test_the_format_comes_from_the_content_not_the_name(data: bytes, kind: str) -> None:
    assert sniff(data, "article.txt") == kind


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
        (b"\xd0\xcf\x11\xe0" + bytes(64), "legacy or password-protected"),
        (
            s.zip_of({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}),
            "OpenDocument",
        ),
        (s.zip_of({"notes.txt": "hello"}), "not a Word document"),
        (s.zip_of({"word/document.xml": "<x/>"})[:40], "damaged or truncated"),
    ],
)
def test_other_files_are_refused_saying_what_they_are(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        ingest_bytes(data, "in.txt")


# ------------------------------------------------------------------ saved web pages


def test_a_saved_page_gives_the_article_and_its_metadata() -> None:
    doc = ingest_bytes(s.news_page().encode(), "page.html")
    assert lines(doc)[0] == s.HEADLINE  # the headline heads article.txt
    assert_article(doc)
    for junk in [*s.FURNITURE, "Story number", "pwned", "fetch(", "only a script writes", "Home"]:
        assert junk not in doc.text
    assert (doc.title, doc.outlet, doc.author, doc.url) == (s.HEADLINE, s.OUTLET, s.AUTHOR, s.URL)
    assert doc.source_format == "html"
    # JSON-LD's datePublished (the 12th) wins over Open Graph's published_time (the 11th)
    assert (doc.published, doc.published_from) == (date(2025, 3, 12), "file")
    assert doc.origin("published") == "JSON-LD datePublished"
    assert doc.origin("outlet") == "Open Graph og:site_name"  # the site, not the publisher's legal name
    assert doc.sentences[0].kind == "headline"


def test_the_analyst_date_wins_then_the_file_then_the_text() -> None:
    page = s.news_page().encode()
    given = ingest_bytes(page, "page.html", published=date(2025, 3, 14))
    assert (given.published, given.published_from) == (date(2025, 3, 14), "argument")
    og = ingest_bytes(s.news_page(ld_date="").encode(), "page.html")
    assert (og.published, og.origin("published")) == (date(2025, 3, 11), "Open Graph article:published_time")
    in_url = ingest_bytes(s.news_page(ld_date="", og_date="").encode(), "page.html")
    assert (in_url.published, in_url.origin("published")) == (
        date(2025, 3, 12),
        "the page's markup (htmldate)",
    )
    undated = s.news_page(
        ld_date="",
        og_date="",
        url="https://courier.example/news/harbour-vote",
        first_line="Published: Monday, 10 March 2025",
    )
    text = ingest_bytes(undated.encode(), "page.html")
    assert (text.published, text.published_from) == (date(2025, 3, 10), "text")
    assert text.text[slice(*text.published_evidence)] == "Monday, 10 March 2025"


def test_a_page_title_loses_the_outlet_after_the_separator() -> None:
    page = s.news_page().replace('"headline"', '"alternativeHeadline"').encode()
    doc = ingest_bytes(page, "page.html")
    assert doc.title == s.HEADLINE and doc.origin("title") == "Open Graph og:title"


def test_nothing_in_a_page_is_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError(f"a network call was made: {args[:2]}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    doc = ingest_bytes(s.news_page("https://ads.example").encode(), "page.html")
    assert_article(doc)


def test_gzip_and_mhtml_pages_read_like_the_page() -> None:
    plain = ingest_bytes(s.news_page().encode(), "page.html")
    packed = ingest_bytes(gzip.compress(s.news_page().encode()), "page.html.gz")
    assert packed.text == plain.text and packed.published == plain.published
    msg = EmailMessage()
    msg["Snapshot-Content-Location"] = "https://courier.example/saved"
    msg["Subject"] = s.HEADLINE
    msg.set_content("x")
    msg.make_related()
    msg.add_related(s.news_page(), subtype="html", cte="quoted-printable")
    mhtml = ingest_bytes(msg.as_bytes(), "page.mhtml")
    assert mhtml.text == plain.text and mhtml.source_format == "html"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (s.empty_page().encode(), "no article body"),
        (gzip.compress(s.news_page().encode(), mtime=0)[:300], "truncated gzip"),
        (gzip.compress(b"<html>" + b" " * 5_000_000, mtime=0), "unpacks to more than"),
        (b"\x1f\x8b" + bytes(100), "damaged gzip"),
        # mtime=0 here and above: the same bytes, so the same test ids, in every pytest-xdist worker
        (gzip.compress(gzip.compress(b"<html></html>", mtime=0), mtime=0), "twice"),
    ],
)
def test_bad_pages_are_refused_in_one_line(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as err:
        ingest_bytes(data, "page.html")
    assert "\n" not in str(err.value) and str(err.value).startswith("page.html: ")


def test_the_extracted_text_has_its_own_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.ingest.source as source

    monkeypatch.setattr(source, "MAX_TEXT_CHARS", 500)
    with pytest.raises(InputError, match="the limit is 500"):
        ingest_bytes(s.news_page().encode(), "page.html")


# ------------------------------------------------------------------ PDF


def test_a_pdf_gives_paragraphs_without_running_headers_or_page_numbers() -> None:
    info = {"Title": f"{s.HEADLINE} | {s.OUTLET}", "Author": s.AUTHOR, "CreationDate": "D:20260101120000Z"}
    doc = ingest_bytes(s.text_pdf(lines_per_page=12, info=info), "article.txt")  # named .txt: still a PDF
    assert doc.source_format == "pdf"
    assert lines(doc)[0] == s.HEADLINE
    assert_article(doc)
    assert "Print edition" not in doc.text and "Page 1" not in doc.text  # on every page: furniture
    assert (doc.title, doc.outlet, doc.author) == (s.HEADLINE, s.OUTLET, s.AUTHOR)
    assert doc.published is None  # the file's creation date is not the publication date


def test_a_word_broken_at_a_line_end_is_mended_and_a_compound_kept() -> None:
    assert _join_lines(["The negoti-", "ations resumed"]) == "The negotiations resumed"
    assert _join_lines(["a well-", "known envoy"]) == "a well-known envoy"
    assert _join_lines(["talks -", "and more talks"]) == "talks - and more talks"


@pytest.mark.skipif(s.chromium() is None, reason="Chromium is not installed")
def test_a_page_printed_by_chromium_reads_from_its_headline(tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_text(s.news_page(), encoding="utf-8")
    doc = ingest_bytes(s.printed_pdf(page, tmp_path / "page.pdf"), "page.pdf")
    assert lines(doc)[0] == s.HEADLINE  # the site's header above it is gone
    assert_article(doc)
    assert (doc.title, doc.outlet) == (s.HEADLINE, s.OUTLET)
    assert s.FURNITURE[0] not in doc.text


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (s.scanned_pdf, "without a text layer"),
        (s.encrypted_pdf, "encrypted PDF that needs a password"),
        (lambda: s.text_pdf()[:-300], "truncated PDF"),
        (lambda: b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n", "damaged PDF"),
    ],
)
def test_bad_pdfs_are_refused_in_one_line(make, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as err:
        ingest_bytes(make(), "scan.pdf")
    assert "\n" not in str(err.value)


def test_a_pdf_locked_only_against_editing_opens() -> None:
    doc = ingest_bytes(s.encrypted_pdf(user_password=""), "locked.pdf")
    assert_article(doc)


# ------------------------------------------------------------------ Word


def test_a_word_file_gives_its_paragraphs_table_and_properties() -> None:
    doc = ingest_bytes(s.word_file(), "article.bin")
    assert doc.source_format == "docx"
    assert lines(doc)[:2] == [s.HEADLINE, f"By {s.AUTHOR}"]
    assert_article(doc)
    assert "Postponed | 11 March 2025" in lines(doc)
    assert "Officials said the survey would be published in full." in lines(doc)  # a wrap, not a paragraph
    assert (doc.title, doc.author) == (s.HEADLINE, s.AUTHOR)
    assert "who made the file" in doc.origin("author")
    assert [x.kind for x in doc.sentences[:2]] == ["headline", "byline"]


def test_a_word_title_comes_from_the_title_style_when_the_properties_have_none() -> None:
    doc = ingest_bytes(s.word_file(core_title=""), "article.docx")
    assert doc.title == s.HEADLINE and doc.origin("title") == "the Word file's title-styled paragraph"


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (s.zip_bomb_docx, "zip bomb"),
        (lambda: s.word_file()[:2000], "damaged or truncated"),
        (lambda: s.zip_of({"word/document.xml": "<not-closed"}), "damaged Word file"),
    ],
)
def test_bad_word_files_are_refused_in_one_line(make, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as err:
        ingest_bytes(make(), "memo.docx")
    assert "\n" not in str(err.value)


# ------------------------------------------------------------------ what survives extraction


@pytest.mark.parametrize(
    "line",
    [
        "Thanks for signing up!",
        "Keep an eye on your inbox for the morning briefing.",
        "Get the top stories delivered to your inbox every day by subscribing to our newsletter.",
        "Follow the Courier's politics desk on Facebook, Instagram and X.",
        "You may also like:",
        "Like this story? Share it with a friend!",
        "An error has occurred, please try again later.",
        "We use cookies to give you the best experience on our site.",
        "If you buy something through our links, we may earn a commission.",
        "Most read this week",
        "[Related: Port strike enters its second week]",
        "Tom Reyes and Ana Lind contributed reporting from Lisbon.",
        "This copy is for your personal, non-commercial use only.",
    ],
)
def test_page_furniture_that_survives_extraction_is_boilerplate(line: str) -> None:
    doc = build_document(f"Port strike ends\nDockers returned to work on Monday, the union said.\n{line}\n")
    assert {x.kind for x in doc.sentences if x.paragraph == 2} == {"boilerplate"}


@pytest.mark.parametrize(
    "line",
    [
        "The company said more than 20,000 readers had signed up for its newsletter since it was launched in "
        "January, and that the paper would start charging for it in the autumn.",
        "The regulator said the site uses cookies to track readers and fined it on Tuesday.",
        "Millions follow him on Instagram, where he posted the video on Sunday.",
    ],
)
def test_news_about_newsletters_and_cookies_is_still_body(line: str) -> None:
    doc = build_document(f"Port strike ends\n{line}\n")
    assert {x.kind for x in doc.sentences if x.paragraph == 1} == {"body"}
