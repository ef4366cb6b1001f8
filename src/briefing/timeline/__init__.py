"""Timeline: time expressions resolved against the publication date, and what happened then.

Each expression resolves to an ISO value with a precision:

    day "2025-05-15" · week "2025-05-05/2025-05-11" (Monday to Sunday) · month "2025-04" · year "2022"
    range "2022-03/2022-04" (also durations anchored at publication: "the last few months")
    duration (not anchored: "for several days", "in more than three years"; date "") · unknown (date "")

Weekdays resolve by the tense of the clause around them (the nearest tense cue): past -> the latest
such day on or before publication, planned -> on or after, present -> the nearest; the publication
weekday itself is that day. Bare months and month-days take the nearest occurrence unless the tense
rules it out by more than a month or two. Fiscal years and fiscal quarters resolve only under a
convention the text shows (India's April–March year); otherwise they stay unknown. Without a
publication date relative expressions stay unresolved. "Unknown" beats a wrong date.

Modules: ``words`` (word lists from ``briefing/lexicon/time_*``), ``grammar`` and ``patterns`` (the
regular expressions), ``tense``, ``context``, ``resolve_calendar`` / ``resolve_periods`` /
``resolve_relative`` (one resolver per pattern), ``find`` (expressions in reading order), ``events``.
"""

from briefing.timeline.context import spoken_year
from briefing.timeline.dates import day_bounds
from briefing.timeline.events import find_events
from briefing.timeline.find import find_time_expressions
from briefing.timeline.tense import clause_tense

__all__ = ["clause_tense", "day_bounds", "find_events", "find_time_expressions", "spoken_year"]
