"""The rendered briefing in headless Chromium: no errors, no requests to any host, anchors resolve, axe clean.

Two briefings are rendered once per module: the seed through ``python -m briefing report`` (the real path),
and the invented article of test_present.py with hostile lines, executed by the same report code. Screenshots
go to build/screenshots/ for a human to look at.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pytest

from briefing import report
from briefing.config import PROJECT_ROOT, SECTION_NOTEBOOKS

sys.path.insert(0, str(Path(__file__).parent))
from test_present import ARTICLE, HOSTILE, build_fixture, hostile_text

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium"))
AXE = PROJECT_ROOT / "build" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = PROJECT_ROOT / "build" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    pytest.skip(f"Chromium is not installed at {CHROMIUM} (run `make browser`)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def render_invented(folder: Path, text: str, hostile: bool) -> Path:
    """The invented article's extraction, executed and rendered by the report's own functions."""
    bundle = build_fixture(folder / "extraction", text, date(2025, 3, 10), hostile_names=hostile)
    (folder / "notebooks").mkdir()
    nb = report.execute_sections(folder / "notebooks", PROJECT_ROOT / "data", date(2025, 3, 10))
    first = bundle.sentences.iloc[0]
    title = HOSTILE if hostile else bundle.span(first.start, first.end)
    meta = {
        "title": title,
        "source": "invented.txt",
        "sha256": "0" * 64,
        "published": "2025-03-10",
        "published_from": "argument",
        "parameters": {"article": HOSTILE if hostile else "invented.txt", "published": "2025-03-10"},
        "version": "test",
        "libraries": {},
        "generated": "test run",
    }
    out = folder / "briefing.html"
    out.write_text(report.render_html(nb, meta), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def seed_briefing(seed_report: Path) -> Path:
    """The seed rendered by the real `python -m briefing report` (conftest's session fixture)."""
    return seed_report / "briefing.html"


@pytest.fixture(scope="module")
def invented_briefing(tmp_path_factory) -> Path:
    return render_invented(tmp_path_factory.mktemp("invented"), ARTICLE, hostile=False)


@pytest.fixture(scope="module")
def hostile_briefing(tmp_path_factory) -> Path:
    return render_invented(tmp_path_factory.mktemp("hostile"), hostile_text(), hostile=True)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def open_page(browser, html: Path, width: int = 1366):
    """Open the file and record console errors and every request that is not the file itself."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    seen = {"errors": [], "requests": [], "failed": [], "dialogs": []}
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on(
        "request",
        lambda r: r.url != html.as_uri() and not r.url.startswith("data:") and seen["requests"].append(r.url),
    )
    page.on("requestfailed", lambda r: seen["failed"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(html.as_uri(), wait_until="load")
    return page, seen


def check_page(browser, html: Path, name: str) -> None:
    page, seen = open_page(browser, html)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.pdf(path=str(SHOTS / f"{name}.pdf"), format="A4", print_background=True)
    assert seen["errors"] == [], seen["errors"]
    assert seen["requests"] == [], seen["requests"]
    assert seen["failed"] == [], seen["failed"]
    assert seen["dialogs"] == [], seen["dialogs"]
    missing = page.evaluate("""() => [...document.querySelectorAll('a[href^="#"]')]
        .map(a => a.getAttribute('href').slice(1)).filter(id => id && !document.getElementById(id))""")
    assert missing == [], missing
    assert page.evaluate("document.querySelectorAll('script, iframe, object, embed').length") == 0
    text = page.inner_text("body")
    for noise in (
        "Out[",
        "Traceback (most recent",
        "UserWarning",
        "FutureWarning",
        "DeprecationWarning",
        "<pandas.",
        "<Figure size",
    ):
        assert noise not in text, noise
    assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0 && i.alt)")
    assert fits(page), "the page scrolls sideways on a laptop screen"
    page.set_viewport_size({"width": 700, "height": 1000})  # an A4 page's printable width
    page.emulate_media(media="print")
    assert fits(page), "a table or figure is wider than an A4 page"
    page.close()


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def axe_violations(browser, html: Path) -> list[str]:
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed at {AXE} (run `make browser`)")
    page, _ = open_page(browser, html)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    page.close()
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} nodes"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_seed_briefing_in_the_browser(browser, seed_briefing):
    check_page(browser, seed_briefing, "seed")


def test_seed_briefing_is_accessible(browser, seed_briefing):
    assert axe_violations(browser, seed_briefing) == []


def test_invented_briefing_in_the_browser(browser, invented_briefing):
    check_page(browser, invented_briefing, "invented")


def test_invented_briefing_is_accessible(browser, invented_briefing):
    assert axe_violations(browser, invented_briefing) == []


def test_hostile_text_stays_text_in_the_browser(browser, hostile_briefing):
    check_page(browser, hostile_briefing, "hostile")
    page, _ = open_page(browser, hostile_briefing)
    assert page.evaluate("document.querySelectorAll('img:not([src^=\"data:image/png\"])').length") == 0
    assert (
        page.evaluate(
            "[...document.querySelectorAll('*')].some(e => [...e.attributes]"
            ".some(a => a.name.startsWith('on')))"
        )
        is False
    )
    body = page.inner_text("body")
    assert "<script>alert(1)</script>" in body and "$$x$$" in body and "**md**" in body
    assert HOSTILE in page.title()
    assert HOSTILE in page.inner_text("h1") and HOSTILE in page.inner_text("footer")
    page.close()


def test_sections_are_numbered_and_listed(browser, invented_briefing):
    page, _ = open_page(browser, invented_briefing)
    toc = page.eval_on_selector_all("nav.toc a", "els => els.map(e => e.textContent)")
    heads = page.eval_on_selector_all("h2.section", "els => els.map(e => e.textContent)")
    assert toc == heads and len(heads) == len(SECTION_NOTEBOOKS)  # one h2 per section notebook
    assert page.locator("footer.provenance").inner_text().count("SHA-256") == 1
    page.click("a[href='#c1']")
    assert page.evaluate("location.hash") == "#c1"
    page.close()
