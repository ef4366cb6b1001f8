"""Timeline: time expressions resolved against the publication date, and what happened then."""

from briefing.timeline.expressions import (
    clause_tense,
    day_bounds,
    find_events,
    find_time_expressions,
    spoken_year,
)

__all__ = ["clause_tense", "day_bounds", "find_events", "find_time_expressions", "spoken_year"]
