"""What the section notebooks show, in one namespace (``from briefing.present import html as P``).

Every function formats what the analysis stage computed (the tables ``briefing.io.load`` reads) and
returns :class:`Html`: escaped text and our own markup only (markupsafe), so article text never becomes
live HTML, Markdown or TeX. Every function copes with empty tables.
"""

from briefing.present.actors import (
    actors_note,
    actors_table,
    first_appearance,
    groups,
    links_note,
    places_line,
    strongest,
)
from briefing.present.claims import (
    claims_by_speaker,
    claims_by_type,
    claims_note,
    disputes_table,
    editorial_panel,
    positions_matrix,
)
from briefing.present.commentary import (
    ICD203,
    expert_contrast,
    experts_table,
    findings_table,
    icd203_scale,
    likelihood_text,
)
from briefing.present.common import actor_names, attributed, editorial, evidence, expert_ids, sentence_id_at
from briefing.present.markup import (
    Html,
    anchor_id,
    block,
    empty,
    esc,
    item_ref,
    join,
    names_list,
    note,
    para,
    plural,
    quote,
    sent_ref,
    shorten,
    table,
    tag,
)
from briefing.present.overview import at_a_glance, bluf, bluf_items, format_date, published_note
from briefing.present.source_text import layers, legend, marked_text, source_text
from briefing.present.sourcing import flags_table, outlet_line, single_sources, sourcing_summary
from briefing.present.timeline import date_range, first_day, human_date, span, timeline_note, timeline_table

__all__ = [
    "ICD203",
    "Html",
    "actor_names",
    "actors_note",
    "actors_table",
    "anchor_id",
    "at_a_glance",
    "attributed",
    "block",
    "bluf",
    "bluf_items",
    "claims_by_speaker",
    "claims_by_type",
    "claims_note",
    "date_range",
    "disputes_table",
    "editorial",
    "editorial_panel",
    "empty",
    "esc",
    "evidence",
    "expert_contrast",
    "expert_ids",
    "experts_table",
    "findings_table",
    "first_appearance",
    "first_day",
    "flags_table",
    "format_date",
    "groups",
    "human_date",
    "icd203_scale",
    "item_ref",
    "join",
    "layers",
    "legend",
    "likelihood_text",
    "links_note",
    "marked_text",
    "names_list",
    "note",
    "outlet_line",
    "para",
    "places_line",
    "plural",
    "positions_matrix",
    "published_note",
    "quote",
    "sent_ref",
    "sentence_id_at",
    "shorten",
    "single_sources",
    "source_text",
    "sourcing_summary",
    "span",
    "strongest",
    "table",
    "tag",
    "timeline_note",
    "timeline_table",
]
