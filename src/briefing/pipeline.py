"""Extraction, stage by stage: ingest -> actors -> claims -> commentary / timeline -> CSVs.

Each stage is a function from the model to new model objects; none changes what an earlier one made.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.actors import find_actors
from briefing.claims import find_claims
from briefing.commentary import find_experts
from briefing.ingest import ingest
from briefing.model import Document, Extraction
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


def extract_file(path: str | Path, published: date | None = None, data_dir: Path | None = None) -> Extraction:
    """Ingest an article file and extract everything from it."""
    return extract_document(ingest(path, published), load_registry(data_dir))
