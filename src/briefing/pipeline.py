"""The stages, one way: ingest -> actors -> claims -> commentary / timeline -> analysis -> CSVs.

Each stage is a function from the model to new model objects; none changes what an earlier one made.
``process_document`` is the whole run; the analyst's reviewed corrections (when they come) are applied
between the extraction and the analysis, so the analysis tables always reflect the reviewed extraction.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.actors import find_actors
from briefing.claims import find_claims
from briefing.commentary import find_experts
from briefing.ingest import ingest
from briefing.io import write_analysis, write_extraction
from briefing.model import Analysis, Document, Extraction
from briefing.registry import Registry, load_registry
from briefing.timeline import find_events


def extract_document(doc: Document, registry: Registry | None = None) -> Extraction:
    """Run every extraction stage on an ingested document."""
    actors = find_actors(doc, registry)
    found = find_claims(doc, actors)
    actors = actors.merged(found.actors, found.mentions)
    experts, findings = find_experts(doc, actors, found.claims)
    events = find_events(doc, actors, found.claims)
    return Extraction(doc, actors, found.claims, tuple(events), tuple(experts), tuple(findings))


def analyse_extraction(ex: Extraction) -> Analysis:
    """The analysis stage: bottom line, positions, disputes, sourcing, links, figures."""
    from briefing.analysis import analyse  # the trained parser: only when analysing

    return analyse(ex)


def process_document(doc: Document, registry: Registry | None = None) -> tuple[Extraction, Analysis]:
    """Extraction, then analysis, of an ingested document."""
    ex = extract_document(doc, registry)
    return ex, analyse_extraction(ex)


def write_results(ex: Extraction, an: Analysis, out: Path) -> None:
    """The extraction's CSVs and the analysis tables beside them, into ``out`` (which must exist)."""
    write_extraction(ex, out)
    write_analysis(an, out)


def extract_file(path: str | Path, published: date | None = None, data_dir: Path | None = None) -> Extraction:
    """Ingest an article file and extract everything from it."""
    return extract_document(ingest(path, published), load_registry(data_dir))
