"""The stages, one way: ingest -> actors -> claims -> commentary / timeline -> reviews -> analysis -> CSVs.

Each stage is a function from the model to new model objects; none changes what an earlier one made.
The analyst's reviewed corrections (``data/reviews/``) come after extraction: the publication date before
the timeline resolves against it, everything else after every extraction stage has run, so the analysis
tables always reflect the reviewed extraction. ``process_document`` is the whole run, on one parse.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import lexicon, nlp, reviews
from briefing.actors import find_actors
from briefing.claims import find_claims
from briefing.commentary import find_experts
from briefing.ingest import ingest
from briefing.io import write_analysis, write_extraction
from briefing.model import Analysis, Document, Extraction
from briefing.registry import Registry, load_registry
from briefing.timeline import find_events

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_document(
    doc: Document,
    registry: Registry | None = None,
    corrections: reviews.Corrections | None = None,
    lex: lexicon.Lexicon | None = None,
) -> Extraction:
    """Run every extraction stage on an ingested document, then apply the analyst's corrections."""
    return _extract(doc, registry, corrections, lex)[0]


def _extract(
    doc: Document,
    registry: Registry | None,
    corrections: reviews.Corrections | None,
    lex: lexicon.Lexicon | None,
) -> tuple[Extraction, Doc]:
    """The reviewed extraction and the document's one parse, which the analysis reads too."""
    corrections = corrections or reviews.Corrections()
    doc = reviews.dated(doc, corrections)
    lex = lex or lexicon.load()
    parsed = nlp.parse(doc)
    actors = find_actors(doc, parsed, lex, registry)
    found = find_claims(doc, actors, parsed, lex)
    actors = actors.merged(found.actors, found.mentions)
    experts, findings = find_experts(doc, actors, found.claims)
    events = find_events(doc, actors, found.claims, parsed=parsed)
    ex = Extraction(doc, actors, found.claims, tuple(events), tuple(experts), tuple(findings))
    return reviews.apply(ex, corrections, lex), parsed


def analyse_extraction(ex: Extraction, parsed: Doc | None = None) -> Analysis:
    """The analysis stage: bottom line, positions, disputes, sourcing, links, figures."""
    from briefing.analysis import analyse  # the trained parser: only when analysing

    return analyse(ex, parsed)


def process_document(
    doc: Document,
    registry: Registry | None = None,
    corrections: reviews.Corrections | None = None,
    lex: lexicon.Lexicon | None = None,
) -> tuple[Extraction, Analysis]:
    """Extraction (with the analyst's corrections), then analysis, of an ingested document."""
    ex, parsed = _extract(doc, registry, corrections, lex)
    return ex, analyse_extraction(ex, parsed)


def write_results(ex: Extraction, an: Analysis, out: Path) -> None:
    """The extraction's CSVs and the analysis tables beside them, into ``out`` (which must exist)."""
    write_extraction(ex, out)
    write_analysis(an, out)


def extract_file(path: str | Path, published: date | None = None, data_dir: Path | None = None) -> Extraction:
    """Ingest an article file, extract everything from it and apply its corrections file."""
    corrections = reviews.load(path, data_dir)  # a malformed file stops here, before the heavy work
    doc = ingest(path, published)
    return extract_document(doc, load_registry(data_dir), corrections, lexicon.load(data_dir))


def process_file(
    path: str | Path, published: date | None = None, data_dir: Path | None = None
) -> tuple[Extraction, Analysis]:
    """``extract_file``, then the analysis of the reviewed extraction."""
    corrections = reviews.load(path, data_dir)
    doc = ingest(path, published)
    return process_document(doc, load_registry(data_dir), corrections, lexicon.load(data_dir))
