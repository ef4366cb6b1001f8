"""The analysis stage in one function: an extraction in, every analysis table out."""

from __future__ import annotations

from spacy.tokens import Doc

from briefing.analysis.bottom_line import write_bottom_line
from briefing.analysis.context import Context
from briefing.analysis.contrasts import find_contrasts
from briefing.analysis.disputes import find_disputes
from briefing.analysis.figures import find_figures
from briefing.analysis.links import find_links
from briefing.analysis.matters import matter_table
from briefing.analysis.outlet import outlet_of
from briefing.analysis.positions import find_positions
from briefing.analysis.sourcing import find_sourcing, source_flags
from briefing.model import Analysis, Extraction


def analyse(ex: Extraction, parsed: Doc | None = None) -> Analysis:
    """Positions, disputes, sourcing, expert contrasts, links, figures and the bottom line of ``ex``;
    ``parsed`` is the extraction's parse of the document when the caller has it (else it is parsed here)."""
    ctx = Context.of(ex, parsed)
    positions = find_positions(ctx)
    disputes = find_disputes(ctx, positions)
    flags = source_flags(ctx, disputes)
    outlet = outlet_of(ex.document, ex.actors)[0]
    sourcing = find_sourcing(ctx, positions, disputes, flags, outlet)
    contrasts = find_contrasts(ctx, positions)
    links = find_links(ctx)
    figures = find_figures(ctx, sourcing, disputes, links)
    bottom = write_bottom_line(ctx, positions, disputes, contrasts, sourcing, flags, figures)
    return Analysis(
        tuple(positions),
        tuple(sourcing),
        tuple(flags),
        tuple(disputes),
        tuple(matter_table(ctx, positions)),
        tuple(contrasts),
        tuple(links),
        tuple(figures),
        tuple(bottom),
    )
