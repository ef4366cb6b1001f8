"""Extraction, stage by stage: ingest -> actors -> claims -> commentary / timeline -> reviews -> CSVs.

Each stage is a function from the model to new model objects; none changes what an earlier one made.
The analyst's reviewed corrections (``data/reviews/``) come last: the publication date before the
timeline resolves against it, everything else after every stage has run.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing import lexicon, nlp, reviews
from briefing.actors import find_actors
from briefing.claims import find_claims
from briefing.commentary import find_experts
from briefing.ingest import ingest
from briefing.model import Document, Extraction
from briefing.registry import Registry, load_registry
from briefing.timeline import find_events


def extract_document(
    doc: Document,
    registry: Registry | None = None,
    corrections: reviews.Corrections | None = None,
    lex: lexicon.Lexicon | None = None,
) -> Extraction:
    """Run every extraction stage on an ingested document, then apply the analyst's corrections."""
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
    return reviews.apply(ex, corrections)


def extract_file(path: str | Path, published: date | None = None, data_dir: Path | None = None) -> Extraction:
    """Ingest an article file, extract everything from it and apply its corrections file."""
    corrections = reviews.load(path, data_dir)  # a malformed file stops here, before the heavy work
    doc = ingest(path, published)
    return extract_document(doc, load_registry(data_dir), corrections, lexicon.load(data_dir))
