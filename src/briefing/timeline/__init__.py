"""Timeline: time expressions resolved against the publication date, and what happened then.

Each expression resolves to an ISO value with a precision:

    day "2025-05-15" · week "2025-05-05/2025-05-11" (Monday to Sunday) · month "2025-04" · year "2022"
    range "2022-03/2022-04" (also durations anchored at publication: "the last few months")
    duration (not anchored: "for several days", "in more than three years"; date "") · unknown (date "")
    fiscal (a calendar period shown for a fiscal one the text does not define: "fiscal 2024" -> "2024")

Weekdays resolve by the tense of the verb governing them (read from the document's parse when the
caller hands it over, else the nearest tense cue): past -> the latest
such day on or before publication, planned -> on or after, present -> the nearest; the publication
weekday itself is that day. Bare months and month-days take the nearest occurrence unless the tense
rules it out by more than a month or two. A period the text closes with a date ("the fiscal year ended
Sept. 30", "its fourth quarter ended Aug. 26") is that period, and a fiscal one so defined sets the
company's year for later fiscal labels; India's April–March year is recognised; a fiscal label the text
does not define is the calendar period of the same name with precision ``fiscal`` (approximate, as the
TimeML annotators wrote it). Without a publication date relative expressions stay unresolved.

Modules: ``words`` (word lists from ``briefing/lexicon/time_*``), ``grammar`` and ``patterns`` (the
regular expressions), ``tense`` and ``syntax`` (the clause's tense from words or from the parse),
``context``, ``resolve_calendar`` / ``resolve_periods`` / ``resolve_relative`` / ``resolve_fiscal`` /
``resolve_reports`` / ``resolve_anaphora`` (one resolver per pattern), ``find`` (expressions in reading
order), ``events``.
"""

from briefing.timeline.context import spoken_year
from briefing.timeline.dates import day_bounds
from briefing.timeline.events import find_events
from briefing.timeline.find import find_time_expressions
from briefing.timeline.tense import clause_tense

__all__ = ["clause_tense", "day_bounds", "find_events", "find_time_expressions", "spoken_year"]
