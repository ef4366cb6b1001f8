"""The analyst's edit: change an analysis cell of a section notebook, re-run the briefing's sections on an
invented article, and only that section's output changes, as the edit says."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from briefing import report
from briefing.config import NOTEBOOKS_DIR, PROJECT_ROOT, SECTION_NOTEBOOKS
from briefing.errors import ReportError
from briefing.present import html as P
from briefing.report.run import section_notebook

sys.path.insert(0, str(Path(__file__).parent))
from test_present import build_fixture

META = {
    "title": "Invented",
    "source": "invented.txt",
    "sha256": "0" * 64,
    "published": "2025-03-10",
    "published_from": "argument",
    "parameters": {"article": "invented.txt", "published": "2025-03-10"},
    "version": "test",
    "libraries": {},
    "generated": "test run",
}
EDIT = '\nclaims = claims[claims.side == "{side}"]  # the analyst keeps one side\'s claims'


class Sections(HTMLParser):
    """The text of a rendered briefing by section (h2) and subsection (h3); a chart counts by its alt text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[tuple[str, str], list[str]] = {}
        self.key, self.heading = ("", ""), ""
        self.speakers: list[str] = []  # the h4 headings: one per speaker in Claims by speaker
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.open.append(tag)
        if tag in ("h2", "h3", "h4"):
            self.heading = ""
        if tag == "img":
            self.parts.setdefault(self.key, []).append(f"[chart: {dict(attrs).get('alt')}]")

    def handle_endtag(self, tag):
        if self.open:
            self.open.pop()
        if tag == "h2":
            self.key = (self.heading.strip(), "")
        elif tag == "h3":
            self.key = (self.key[0], self.heading.strip())
        elif tag == "h4" and self.key[0] == "Claims and positions":
            self.speakers.append(self.heading.split(" — ")[0].strip())

    def handle_data(self, data):
        if self.open and self.open[-1] in ("h2", "h3", "h4"):
            self.heading += data
        self.parts.setdefault(self.key, []).append(data)


def read(html: str) -> Sections:
    s = Sections()
    s.feed(html)
    return s


def text(s: Sections) -> dict[tuple[str, str], str]:
    return {k: " ".join("".join(v).split()) for k, v in s.parts.items()}


def briefing(folder: Path, notebooks: Path) -> str:
    (folder / "notebooks").mkdir()
    nb = report.execute_sections(folder / "notebooks", PROJECT_ROOT / "data", date(2025, 3, 10), notebooks)
    return report.render_html(nb, META)


def edited_notebooks(folder: Path, side: str) -> Path:
    """A copy of the section notebooks whose claims-by-speaker analysis cell keeps one side's claims."""
    folder.mkdir()
    for name in SECTION_NOTEBOOKS:
        shutil.copy(NOTEBOOKS_DIR / name, folder / name)
    path = folder / "02_claims.ipynb"
    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code" and "claims = b.claims[" in c.source]
    assert len(cells) == 1, "the claims notebook has one cell selecting the claims to show by speaker"
    cells[0].source += EDIT.format(side=side)
    nbformat.write(nb, path)
    return folder


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The invented article's briefing from the notebooks as committed, and from the edited copy."""
    root = tmp_path_factory.mktemp("edit")
    bundle = build_fixture(root / "extraction")
    sides = dict(zip(bundle.actors.actor_id, bundle.actors.side, strict=False))
    said = bundle.claims[bundle.claims["mode"].isin(["direct", "indirect"])]
    side = said.speaker_id.map(sides).value_counts().index[-1]  # a side with fewer claims than another
    names = dict(zip(bundle.actors.actor_id, bundle.actors.name, strict=False))
    kept = {names[a] for a in said.speaker_id if sides.get(a) == side}
    before = briefing(root, NOTEBOOKS_DIR)
    (root / "notebooks").rename(root / "notebooks-before")
    after = briefing(root, edited_notebooks(root / "edited", side))
    return before, after, kept, bundle


def test_the_edited_cell_changes_its_section_as_the_edit_says(runs):
    before, after, kept, _ = runs
    old, new = read(before), read(after)
    assert kept and set(new.speakers) == kept  # only that side's speakers remain
    assert set(old.speakers) > kept  # and the committed notebook showed others too
    part = ("Claims and positions", "Claims by speaker")
    assert text(old)[part] != text(new)[part]


def test_the_other_sections_do_not_change(runs):
    before, after, *_ = runs
    old, new = text(read(before)), text(read(after))
    assert list(old) == list(new)
    changed = [k for k in old if old[k] != new[k]]
    assert changed == [("Claims and positions", "Claims by speaker")]
    assert ("Actors", "") in old and ("Timeline", "") in old  # the comparison saw every section


def test_the_briefing_shows_no_code(runs):
    _, after, *_ = runs
    assert "claims.side ==" not in after and "prepare(" not in after and "b.claims" not in after


def test_the_committed_cells_sort_as_they_say(runs):
    """Actors most mentioned first; time expressions by their first day (the helpers keep that order)."""
    before, *_, bundle = runs
    sections = text(read(before))
    actors = sections[("Actors", "")]
    people = bundle.actors[bundle.actors.kind != "place"]
    by_mentions = sorted(people.itertuples(), key=lambda r: (-r.mentions, r.actor_id))
    assert [r.name for r in by_mentions] == sorted(people.name, key=actors.index)
    timeline = sections[("Timeline", "")]
    dated = [(P.first_day(r.date), r.start, r.date_text) for r in bundle.events.itertuples()]
    in_order = [t for *_, t in sorted(d for d in dated if d[0])]
    assert len(in_order) > 1 and in_order == sorted(in_order, key=timeline.index)


def test_parameters_of_every_section_reach_the_one_kernel():
    """The report runs every section in one kernel under one parameters cell: it holds each section's
    knobs with the notebook's default, so papermill can set them."""
    import papermill

    joined = section_notebook()
    cell = next(c for c in joined.cells if "parameters" in c.metadata.get("tags", []))
    every = {}
    for name in SECTION_NOTEBOOKS:
        every.update(papermill.inspect_notebook(str(NOTEBOOKS_DIR / name)))
    for name, p in every.items():
        assert f"{name}: {p['inferred_type_name']} = {p['default']}" in cell.source


def test_a_parameter_with_two_defaults_is_refused(tmp_path):
    for name in SECTION_NOTEBOOKS[:2]:
        shutil.copy(NOTEBOOKS_DIR / name, tmp_path / name)
    path = tmp_path / SECTION_NOTEBOOKS[1]
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    cell.source = cell.source.replace('published: str = ""', 'published: str = "2025-01-01"')
    nbformat.write(nb, path)
    with pytest.raises(ReportError, match="published"):
        section_notebook(SECTION_NOTEBOOKS[:2], tmp_path)
