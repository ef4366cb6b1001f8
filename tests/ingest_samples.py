"""Files of every accepted format, made at test time from one invented article: a saved news page (menus,
a cookie notice, ads, JSON-LD and Open Graph metadata, scripts, external images and iframes), a PDF written
by hand or printed from the page by headless Chromium, a Word file written with python-docx, a scanned-like
PDF (an image and no text) and an encrypted PDF (pypdf).
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import textwrap
import zlib
from pathlib import Path

HEADLINE = "Harbour board delays vote on Eastbank container terminal"
OUTLET = "The Northbridge Courier"
AUTHOR = "Mara Ellison"
URL = "https://courier.example/news/2025/03/12/harbour-vote"
BODY = [
    "NORTHBRIDGE — The Northbridge harbour board on Tuesday postponed its vote on a container terminal at "
    "Eastbank, the third delay since the plan was filed in 2023.",
    "Board chair Ruth Okafor said the members needed more time to study a revised traffic survey. “We will "
    "not vote on a plan that sends four hundred lorries a day through a residential street,” she said.",
    "The operator, Tidewater Logistics, said it was disappointed but would answer every question the board "
    "had put to it. Its director, Simon Vale, told reporters the terminal would bring 600 jobs to the town.",
    "Residents of Quay Street have collected more than 3,000 signatures against the scheme. Their spokesman, "
    "Daniel Frost, said the delay showed that the board had listened to them.",
    "The board is expected to meet again on April 8, when officials said a decision was likely.",
]
# What a page wraps around the article, none of which may reach article.txt.
FURNITURE = [
    "We use cookies to improve your experience",
    "Subscribe for unlimited access",
    "Most read this week",
    "Advertisement from our partners",
    "Privacy policy and terms of use",
]


def news_page(
    asset_host: str = "http://127.0.0.1:9",
    ld_date: str = "2025-03-12T06:30:00+00:00",
    og_date: str = "2025-03-11T21:00:00+00:00",
    url: str = URL,
    first_line: str = "",
) -> str:
    """A saved article page; every external resource points at ``asset_host`` (to catch any fetch).
    JSON-LD and Open Graph give different dates (either may be left out: ""), to tell which one wins."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": HEADLINE,
        "author": [{"@type": "Person", "name": AUTHOR}],
        "publisher": {"@type": "Organization", "name": "Courier Media Group Ltd"},
        "mainEntityOfPage": {"@id": url},
    }
    if ld_date:
        ld["datePublished"] = ld_date
    og = f'<meta property="article:published_time" content="{og_date}">' if og_date else ""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in [first_line, *BODY] if p)
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ("Home", "News", "Sport", "Weather"))
    most_read = "".join(f'<li><a href="/story-{i}">Story number {i} of the week</a></li>' for i in range(8))
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{HEADLINE} | {OUTLET}</title>
<meta property="og:title" content="{HEADLINE} | {OUTLET}">
<meta property="og:site_name" content="{OUTLET}">
<meta property="og:type" content="article">
{og}
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="{asset_host}/style.css">
<link rel="preload" href="{asset_host}/font.woff2" as="font">
<script src="{asset_host}/tracker.js"></script>
<script>fetch("{asset_host}/beacon"); window.pwned = 1;</script>
<script type="application/ld+json">{json.dumps(ld)}</script>
</head><body>
<div class="cookie-banner"><p>{FURNITURE[0]}. <button>Accept all</button></p></div>
<header><a href="/"><img src="{asset_host}/logo.png" alt="{OUTLET}"></a>
<nav><ul>{nav}</ul></nav>
<div class="promo"><a href="/subscribe">{FURNITURE[1]}</a></div></header>
<div class="ad"><iframe src="{asset_host}/ad-frame.html" width="728" height="90"></iframe>
<img src="{asset_host}/banner.gif" alt=""><span>{FURNITURE[3]}</span></div>
<main><article>
<h1>{HEADLINE}</h1>
<p class="byline">By <a href="/authors/mara">{AUTHOR}</a></p>
<figure><img src="{asset_host}/photo.jpg" srcset="{asset_host}/photo-2x.jpg 2x">
<figcaption>The Eastbank site seen from the river.</figcaption></figure>
{paragraphs}
<iframe src="{asset_host}/video-embed.html"></iframe>
</article></main>
<aside><h2>{FURNITURE[2]}</h2><ol>{most_read}</ol></aside>
<footer><p>© 2025 {OUTLET}. {FURNITURE[4]}.</p><img src="{asset_host}/pixel.gif" width="1"></footer>
<script>document.write("<p>" + "Text that only a script writes " + window.pwned + "</p>");</script>
</body></html>
"""


def empty_page() -> str:
    """A page with menus and a cookie notice but no article."""
    return (
        '<!DOCTYPE html><html><head><title>Sign in</title></head><body><nav><a href="/">Home</a></nav>'
        "<p>Please sign in.</p><footer>Terms</footer></body></html>"
    )


# ------------------------------------------------------------------ PDF written by hand


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _page_stream(lines: list[str], header: str, footer: str) -> bytes:
    ops = [b"BT /F1 9 Tf 72 770 Td " + _pdf_string(header) + b" Tj ET"]
    ops.append(b"BT /F1 11 Tf 72 720 Td 14 TL")
    for line in lines:
        ops.append((_pdf_string(line) + b" Tj T*") if line else b"T*")
    ops.append(b"ET")
    ops.append(b"BT /F1 9 Tf 280 40 Td " + _pdf_string(footer) + b" Tj ET")
    return b"\n".join(ops)


def _assemble(objects: list[bytes], info: dict[str, str] | None = None) -> bytes:
    """A PDF of ``objects`` (numbered from 1; object 1 is the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    all_objects = list(objects)
    if info:
        fields = b" ".join(b"/" + k.encode() + b" " + _pdf_string(v) for k, v in info.items())
        all_objects.append(b"<< " + fields + b" >>")
    for i, body in enumerate(all_objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(all_objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    trailer = f"<< /Size {len(all_objects) + 1} /Root 1 0 R"
    trailer += f" /Info {len(all_objects)} 0 R >>" if info else " >>"
    out += f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(data: bytes, extra: str = "") -> bytes:
    return f"<< /Length {len(data)}{extra} >>\nstream\n".encode() + data + b"\nendstream"


def text_pdf(
    paragraphs: list[str] | None = None, lines_per_page: int = 40, info: dict | None = None
) -> bytes:
    """A PDF with a text layer: paragraphs wrapped at 85 characters, a blank line between them, a running
    header on every page and "Page i of n" at the bottom."""
    paragraphs = [HEADLINE, *BODY] if paragraphs is None else paragraphs
    lines: list[str] = []
    for p in paragraphs:
        lines += [*textwrap.wrap(p, 85), ""]
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    n = len(pages)
    objects: list[bytes] = [
        b"",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for i, page_lines in enumerate(pages):
        content = _page_stream(page_lines, f"{OUTLET} - Print edition", f"Page {i + 1} of {n}")
        objects.append(_stream(content))
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects)} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {n} >>".encode()
    return _assemble(objects, info)


def scanned_pdf() -> bytes:
    """A page that is one grey image and no text: what a scanner makes."""
    pixels = bytes((x * 7 + y * 3) % 256 for y in range(64) for x in range(64))
    image = _stream(
        zlib.compress(pixels),
        " /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
        "/BitsPerComponent 8 /Filter /FlateDecode",
    )
    content = _stream(b"q 468 0 0 648 72 72 cm /Im1 Do Q")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        content,
        image,
    ]
    return _assemble(objects, {"Producer": "Scanner Pro"})


def encrypted_pdf(user_password: str = "secret") -> bytes:
    """The text PDF encrypted with pypdf (RC4-128); an empty user password opens without one."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def printed_pdf(html_path: Path, pdf_path: Path) -> bytes:
    """The page printed to PDF by headless Chromium, as an analyst's browser would (header and footer on)."""
    browser = chromium()
    assert browser is not None
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--print-to-pdf={pdf_path}",
            html_path.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    return pdf_path.read_bytes()


# ------------------------------------------------------------------ Word


def word_file(core_title: str = HEADLINE) -> bytes:
    """A .docx written with python-docx: a Title-styled headline, a byline, the body, a small table."""
    import docx

    document = docx.Document()
    document.core_properties.title = core_title
    document.core_properties.author = AUTHOR
    document.add_paragraph(HEADLINE, style="Title")
    document.add_paragraph(f"By {AUTHOR}")
    for p in BODY:
        document.add_paragraph(p)
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate((("Vote", "Date"), ("Postponed", "11 March 2025"))):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    broken = document.add_paragraph("Officials said the survey")
    broken.add_run().add_break()  # a manual line break: two lines, two paragraphs
    broken.add_run("would be published in full.")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def zip_bomb_docx() -> bytes:
    """A .docx whose document.xml is 8 MB of one repeated character: packed about 1000 to one."""

    return zip_of(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": "<w:document>" + " " * 8_000_000 + "</w:document>",
        }
    )


def zip_of(members: dict[str, str]) -> bytes:
    """A ZIP archive of the given text members, dated 1980-01-01: the same bytes (and so the same test ids
    in every pytest-xdist worker) whenever it is made."""
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)
    return buf.getvalue()
