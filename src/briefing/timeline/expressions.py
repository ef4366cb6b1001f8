"""Timeline: every time expression, resolved against the publication date, and what happened then.

The grammar of time expressions is owned here (regular expressions built once); dateparser is not
needed. Each expression resolves to an ISO value with a precision:

    day "2025-05-15" · week "2025-05-05/2025-05-11" (Monday to Sunday) · month "2025-04" · year "2022"
    range "2022-03/2022-04" (also durations anchored at publication: "the last few months")
    duration (not anchored: "for several days", "in more than three years"; date "") · unknown (date "")

Weekdays resolve by the tense of the clause around them (the nearest tense cue): past -> the latest
such day on or before publication, planned -> on or after, present -> the nearest; the publication
weekday itself is that day. Bare months and month-days take the nearest occurrence unless the tense
rules it out by more than a month or two. Fiscal years and fiscal quarters resolve only under a
convention the text shows (India's April–March year); otherwise they stay unknown. Without a
publication date relative expressions stay unresolved. "Unknown" beats a wrong date.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.ingest import MONTHS
from briefing.model import ActorIndex, Claim, Document, Event, Mention, Sentence

# ------------------------------------------------------------------ vocabulary

WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "few": 3,
    "a few": 3,
    "several": 3,
    "couple": 2,
    "a couple": 2,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_UNITS = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
}
_SPOKEN_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_SPOKEN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Words after a four-digit number that make it a count, not a year ("2000 troops").
_COUNT_NOUNS = frozenset(
    """people troops soldiers points shares units km kilometres kilometers miles metres meters tons tonnes
    votes jobs employees workers cases deaths homes cars barrels dollars euros pounds rupees yen members
    students seats feet acres hectares pages words calories kg mw gw crore lakh million billion
    trillion pts bps officers police personnel residents households children flights staff visitors
    refugees protesters civilians patients companies firms men women times""".split()
)
# Markers of India's April–March fiscal year (FY2020 = April 2019 to March 2020).
_INDIA_FY = re.compile(r"₹|\bRs\.?\s?\d|\bcrore\b|\blakh\b|\bSensex\b|\bNifty\b|\bRBI\b|\bBSE\b|\bNSE\b")

_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONF = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|to|through|until|till)\s*"
_NUM = (
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"few|a\s+few|several|a\s+couple\s+of|couple\s+of)"
)
_TOD = r"(?:morning|afternoon|evening|night|midday|noon|midnight)"
_CLOCK = (
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s*(?:[A-Z]{2,4}T|ET|GMT|UTC)\b)?"
    r"|noon|midnight)"
)
_SPOKEN_YEAR = (
    r"(?:nineteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two\s+thousand"
    r"(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?"
)


# ------------------------------------------------------------------ dates


def _day(d: date) -> str:
    return d.isoformat()


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _week(d: date) -> str:
    monday = d - timedelta(days=d.weekday())
    return f"{_day(monday)}/{_day(monday + timedelta(days=6))}"


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


# ------------------------------------------------------------------ tense of the clause

_FUTURE = re.compile(
    r"\b(?:will|would|won[’']t|shall|could|might|(?-i:may)|(?:is|are|am)\s+(?:due|set|scheduled|expected|"
    r"slated|going|poised|planning|to)|plans?\s+to|intends?\s+to|upcoming|due\s+(?:in|on|by|next)|"
    # a participle phrase with no auxiliary still looks ahead: "talks, set to resume Monday" (but
    # "was set to take effect" looked ahead from the past)
    r"(?<!was\s)(?<!were\s)(?:set|due|scheduled|slated|poised|expected)\s+to\s+(?!have\b)\w+)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|didn[’']t|wasn[’']t|weren[’']t|said|told|went|came|met|made|took|gave|saw|"
    r"held|began|left|won|lost|got|wrote|spoke|sent|rose|fell|led|brought|thought|found|became|ran|"
    r"paid|sold|bought|kept|struck|broke|chose|grew|knew|flew|fought|sought|felt|heard|meant|built|"
    r"spent|slid|ago|since|earlier|last|previous|yesterday|\w{3,}ed)\b",
    re.IGNORECASE,
)
_PRESENT = re.compile(
    r"\b(?:is|are|am|says|reports|hosts|holds|meets|opens|starts|begins|ends|visits|faces|releases|"
    r"publishes|announces|plays|returns|arrives|leaves|launches|unveils|votes|decides|rules|"
    r"today|tonight|now)\b",
    re.IGNORECASE,
)
_PASSIVE_AUX = re.compile(r"\b(?:is|are|am|be|being)\s+$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|\s[–—]\s|,\s+(?:but|while|whereas|although|though)\b")
_WINDOW = 160  # characters either side examined for tense cues


def clause_tense(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """past, present or planned: the nearest tense cue to text[start:end] in its clause ("" if none)."""
    a, b = _clause_bounds(text, max(lo, start - _WINDOW), min(hi, end + _WINDOW), start, end)
    best: tuple[int, int, str] | None = None
    for rank, (pattern, tense) in enumerate(((_FUTURE, "planned"), (_PAST, "past"), (_PRESENT, "present"))):
        for m in pattern.finditer(text, a, b):
            if start <= m.start() < end:
                continue  # the expression's own words ("last week") are not a tense cue
            if tense == "past" and _PASSIVE_AUX.search(text, a, m.start()):
                continue  # "is expected", "will be held": the auxiliary decides
            # the governing verb usually comes first: cues after the expression count double
            dist = start - m.end() if m.end() <= start else 2 * (m.start() - end) + 10
            key = (max(dist, 0), rank, tense)
            if best is None or key < best:
                best = key
    return best[2] if best else ""


def _clause_bounds(
    text: str, a: int, b: int, start: int, end: int, breaks: re.Pattern[str] = _CLAUSE_BREAK
) -> tuple[int, int]:
    """The stretch of text[a:b] between the clause breaks around text[start:end]."""
    for m in breaks.finditer(text, a, b):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return a, b


# ------------------------------------------------------------------ resolution context


@dataclass
class _Ctx:
    """What a resolver needs: the publication date, the tense and the document's conventions."""

    pub: date | None
    tense: str
    india_fy: bool = False
    last_year: int | None = None  # the year of the last expression resolved (for "the following year")
    last_day: date | None = None  # the last single day resolved (for "that day", "the next day")
    last_period: tuple[str, str] | None = None  # the last (date, precision) resolved ("a year earlier")

    def pick(self, candidates: list[date]) -> date | None:
        """The candidate consistent with the tense: latest on/before, earliest on/after, or nearest."""
        if self.pub is None:
            return None
        before = [c for c in candidates if c <= self.pub]
        after = [c for c in candidates if c >= self.pub]
        if self.tense == "past" and before:
            return max(before)
        if self.tense == "planned" and after:
            return min(after)
        return min(candidates, key=lambda c: (abs((c - self.pub).days), c > self.pub))


Resolved = tuple[str, str] | None  # (date, precision)
Resolver = Callable[[re.Match, _Ctx], Resolved]


def _g(m: re.Match, *names: str) -> str:
    """The first non-empty named group among ``names``, lower-cased ("" when none)."""
    groups = m.groupdict()
    return next((groups[n].lower() for n in names if groups.get(n)), "")


def _num(word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.lower().strip())
    return int(word) if word.isdigit() else NUMBERS.get(word.removesuffix(" of"))


def _day_no(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _month_no(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")[:3] if word.lower()[:4] != "sept" else "sep"]


def spoken_year(words: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000."""
    parts = re.split(r"[\s-]+", words.lower().replace(" and ", " "))
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(_SPOKEN_UNITS.get(p, 0) for p in parts[2:])
    century = {"nineteen": 1900, "twenty": 2000}.get(parts[0])
    if century is None:
        return None
    rest = 0
    for p in parts[1:]:
        rest += _SPOKEN_TENS.get(p, _SPOKEN_UNITS.get(p, 0))
    return century + rest


# ------------------------------------------------------------------ resolvers


def _r_full_date(m: re.Match, ctx: _Ctx) -> Resolved:
    if _g(m, "iso"):
        y, mo, d = (int(x) for x in _g(m, "iso").split("-"))
    else:
        y, mo, d = int(_g(m, "y", "y_")), _month_no(_g(m, "mon", "mon_")), _day_no(_g(m, "d", "d_"))
    dd = _safe_date(y, mo, d)
    return (_day(dd), "day") if dd else None


def _r_day_range(m: re.Match, ctx: _Ctx) -> Resolved:
    mo, d1, d2 = _month_no(_g(m, "mon", "mon_")), _day_no(_g(m, "d1", "d1_")), _day_no(_g(m, "d2", "d2_"))
    year = int(_g(m, "y")) if _g(m, "y") else None
    if year is None:
        first = ctx.pick([x for y in _near_years(ctx) if (x := _safe_date(y, mo, d1))])
        year = first.year if first else None
    a, b = (_safe_date(year, mo, d1), _safe_date(year, mo, d2)) if year else (None, None)
    return (f"{_day(a)}/{_day(b)}", "range") if a and b and a < b else None


def _r_month_day(m: re.Match, ctx: _Ctx) -> Resolved:
    """A month and day without a year: the year its weekday fits, else the nearest the tense allows."""
    mo, d = _month_no(_g(m, "mon", "mon_")), _day_no(_g(m, "d", "d_"))
    cands = [x for y in _near_years(ctx) if (x := _safe_date(y, mo, d))]
    wd = re.match(rf"(?:\w+\s+)?({_WD})", m.group(), re.IGNORECASE)
    fitting = [c for c in cands if wd and c.weekday() == WEEKDAYS[wd.group(1).lower()]]
    if len(fitting) == 1:
        return _day(fitting[0]), "day"
    hit = _nearest_unless_contradicted(ctx, cands)
    return (_day(hit), "day") if hit else ("", "unknown")


def _nearest_unless_contradicted(ctx: _Ctx, cands: list[date], slack: int = 45) -> date | None:
    """The nearest candidate, unless the tense rules it out by more than ``slack`` days."""
    if ctx.pub is None or not cands:
        return None
    pub = ctx.pub
    near = min(cands, key=lambda c: (abs((c - pub).days), c > pub))
    ahead = (near - pub).days
    if (ctx.tense == "past" and ahead > slack) or (ctx.tense == "planned" and -ahead > slack):
        return ctx.pick(cands)
    return near


def _near_years(ctx: _Ctx) -> list[int]:
    return [ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1] if ctx.pub else []


def _r_month_year(m: re.Match, ctx: _Ctx) -> Resolved:
    y = int(_g(m, "y")) if _g(m, "y") else spoken_year(_g(m, "sy"))
    return (_month(y, _month_no(_g(m, "mon"))), "month") if y else None


def _r_month_range(m: re.Match, ctx: _Ctx) -> Resolved:
    m1, m2 = _month_no(_g(m, "mon1")), _month_no(_g(m, "mon2"))
    y2 = int(_g(m, "y"))
    y1 = y2 if m1 <= m2 else y2 - 1
    return f"{_month(y1, m1)}/{_month(y2, m2)}", "range"


def _r_month_rel(m: re.Match, ctx: _Ctx) -> Resolved:
    """'last May', 'this September', 'June last year', 'January this year', bare 'in October'."""
    if ctx.pub is None:
        return "", "unknown"
    mo = _month_no(_g(m, "mon", "mon2", "mon3", "mon4"))
    pub_k = ctx.pub.year * 12 + ctx.pub.month - 1
    if _g(m, "which2"):  # "June last year", "January this year"
        y = ctx.pub.year + {"last": -1, "next": 1}.get(_g(m, "which2"), 0)
        return _month(y, mo), "month"
    which = _g(m, "which")
    ks = [(ctx.pub.year + dy) * 12 + mo - 1 for dy in (-1, 0, 1)]
    if which == "last":  # "last February": the previous year's, as TimeML reads it
        k = ks[0]
    elif which in ("next", "coming"):
        k = min(k for k in ks if k > pub_k)
    elif which == "this":
        k = ks[1]
    else:
        k = _pick_k(ks, pub_k, ctx.tense)
    return _month(k // 12, k % 12 + 1), "month"


def _pick_k(ks: list[int], now: int, tense: str, slack: int = 2) -> int:
    """Among month indices the nearest to now, unless the tense rules it out by more than ``slack``."""
    near = min(ks, key=lambda k: (abs(k - now), k > now))
    if tense == "past" and near - now > slack:
        return max(k for k in ks if k <= now)
    if tense == "planned" and now - near > slack:
        return min(k for k in ks if k >= now)
    return near


def _r_year(m: re.Match, ctx: _Ctx) -> Resolved:
    y = int(_g(m, "y")) if _g(m, "y") else spoken_year(_g(m, "sy"))
    return (f"{y:04d}", "year") if y else None


def _r_year_range(m: re.Match, ctx: _Ctx) -> Resolved:
    y1 = int(_g(m, "b1", "y1"))
    tail = _g(m, "b2", "y2")
    y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
    return (f"{y1:04d}/{y2:04d}", "range") if y1 < y2 <= y1 + 50 else None


def _r_decade(m: re.Match, ctx: _Ctx) -> Resolved:
    d = _g(m, "dec", "dec2")
    y = int(d) if len(d) == 4 else (1900 if int(d) >= 30 else 2000) + int(d)
    return (f"{y:04d}/{y + 9:04d}", "range") if y % 10 == 0 else None


def _r_fiscal(m: re.Match, ctx: _Ctx) -> Resolved:
    """Fiscal years: resolvable only where the document shows the April–March (India) convention."""
    y1 = _full_year(_g(m, "y1"))
    y2 = _full_year(_g(m, "y2"), y1) if _g(m, "y2") else y1
    if not ctx.india_fy or y1 is None or y2 is None:
        return "", "unknown"
    return f"{_month(y1 - 1, 4)}/{_month(y2, 3)}", "range"


def _full_year(tail: str, ref: int | None = None) -> int | None:
    if not tail:
        return None
    if len(tail) == 4:
        return int(tail)
    base = (ref // 100) * 100 if ref else 2000
    return base + int(tail)


def _r_quarter(m: re.Match, ctx: _Ctx) -> Resolved:
    """Calendar quarters ("Q3", "the third quarter", "the September quarter"); fiscal ones only in India."""
    named = _g(m, "qmon")
    q = ORDINALS.get(_g(m, "ord")) or (int(_g(m, "qn")) if _g(m, "qn") else None)
    if named:
        q = (_month_no(named) - 1) // 3 + 1
    if q is None or not 1 <= q <= 4:
        return None
    fiscal_shift = 3 if ctx.india_fy and not (named or _g(m, "y")) else 0  # India: Q1 = April to June
    if _g(m, "fiscal") and not fiscal_shift:
        return "", "unknown"
    first = 3 * q - 2 + fiscal_shift
    if _g(m, "y") or _g(m, "rel"):
        y = _explicit_year(m, ctx)
    else:
        y = _pick_period_year(ctx, (first - 1) % 12 + 1)
        if y is not None and first > 12:
            y -= 1  # the fiscal fourth quarter starts in January of the next calendar year
    if y is None:
        return "", "unknown"
    y1, m1 = _add_months(y, 1, first - 1)
    y2, m2 = _add_months(y1, m1, 2)
    return f"{_month(y1, m1)}/{_month(y2, m2)}", "range"


def _r_half(m: re.Match, ctx: _Ctx) -> Resolved:
    if _g(m, "fiscal"):
        return "", "unknown"
    h = 1 if _g(m, "h", "hn") in ("first", "1") else 2
    y = _explicit_year(m, ctx) if _g(m, "y") or _g(m, "rel") else _pick_period_year(ctx, 6 * h - 5)
    return (f"{_month(y, 6 * h - 5)}/{_month(y, 6 * h)}", "range") if y else ("", "unknown")


def _explicit_year(m: re.Match, ctx: _Ctx) -> int | None:
    """The year written ("of 2025") or named relative to publication ("of next year")."""
    if _g(m, "y"):
        return int(_g(m, "y"))
    shift = {"next": 1, "this": 0, "last": -1}[_g(m, "rel")]
    return ctx.pub.year + shift if ctx.pub else None


def _pick_period_year(ctx: _Ctx, first_month: int) -> int | None:
    """The year of a period starting in first_month: the latest begun by publication, unless planned."""
    if ctx.pub is None:
        return None
    started = ctx.pub.month >= first_month
    if ctx.tense == "planned" and not started:
        return ctx.pub.year
    return ctx.pub.year if started else ctx.pub.year - 1


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def _r_season(m: re.Match, ctx: _Ctx) -> Resolved:
    a, b = _SEASONS[_g(m, "season")]
    if _g(m, "y"):
        y = int(_g(m, "y"))
    elif ctx.pub is None:
        return "", "unknown"
    else:
        which = _g(m, "which")
        y = ctx.pub.year + {"last": -1, "next": 1}.get(which, 0)
        if which == "last" and ctx.pub.month > b and a < b:
            y += 1  # "last summer" said in November: this year's
    y2 = y + 1 if a > b else y
    return f"{_month(y, a)}/{_month(y2, b)}", "range"


def _r_weekday(m: re.Match, ctx: _Ctx) -> Resolved:
    if ctx.pub is None:
        return "", "unknown"
    wd = WEEKDAYS[_g(m, "wd")]
    which = _g(m, "which")
    ctx.tense = ctx.tense or "past"  # news reports what happened
    pub = ctx.pub
    if which == "last":
        back = (pub.weekday() - wd) % 7 or 7
        return _day(pub - timedelta(days=back)), "day"
    if which == "next":
        fwd = (wd - pub.weekday()) % 7 or 7
        return _day(pub + timedelta(days=fwd)), "day"
    if which == "this":
        return _day(pub - timedelta(days=pub.weekday()) + timedelta(days=wd)), "day"
    cands = [pub - timedelta(days=(pub.weekday() - wd) % 7), pub + timedelta(days=(wd - pub.weekday()) % 7)]
    return _day(ctx.pick(cands)), "day"


def _r_relative_day(m: re.Match, ctx: _Ctx) -> Resolved:
    if ctx.pub is None:
        return "", "unknown"
    word = _g(m, "rel")
    shift = -1 if word.startswith("yesterday") else 1 if word.startswith("tomorrow") else 0
    return _day(ctx.pub + timedelta(days=shift)), "day"


def _r_period(m: re.Match, ctx: _Ctx) -> Resolved:
    """'last week', 'this month', 'next year', 'earlier this month', 'later this year'."""
    if ctx.pub is None:
        return "", "unknown"
    which, unit, edge = _g(m, "which"), _g(m, "unit"), _g(m, "edge")
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    first, last, fmt = _period_bounds(ctx.pub, unit, shift)
    if edge and shift == 0:
        if edge == "earlier" and ctx.pub > first:
            return f"{_day(first)}/{_day(ctx.pub - timedelta(days=1))}", "range"
        if edge == "later" and ctx.pub < last:
            return f"{_day(ctx.pub + timedelta(days=1))}/{_day(last)}", "range"
    return fmt, unit if unit != "weekend" else "range"


def _period_bounds(pub: date, unit: str, shift: int) -> tuple[date, date, str]:
    if unit in ("week", "weekend"):
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        if unit == "weekend":
            sat = monday + timedelta(days=5)
            return sat, sat + timedelta(days=1), f"{_day(sat)}/{_day(sat + timedelta(days=1))}"
        return monday, monday + timedelta(days=6), _week(monday)
    if unit == "month":
        y, mo = _add_months(pub.year, pub.month, shift)
        return date(y, mo, 1), _month_end(y, mo), _month(y, mo)
    y = pub.year + shift
    return date(y, 1, 1), date(y, 12, 31), f"{y:04d}"


def _r_ago(m: re.Match, ctx: _Ctx) -> Resolved:
    n, unit = _num(_g(m, "n")), _UNITS[_g(m, "unit")]
    if ctx.pub is None or n is None:
        return "", "unknown"
    if _g(m, "approx") or _g(m, "n") in ("few", "a few", "several"):
        unit_prec = {"day": "week", "week": "month"}.get(unit, unit)  # "a few days ago": coarser
    else:
        unit_prec = unit
    pub = ctx.pub
    if unit == "day":
        d = pub - timedelta(days=n)
        return (_day(d), "day") if unit_prec == "day" else (_week(d), "week")
    if unit == "week":
        d = pub - timedelta(weeks=n)
        return (_week(d), "week") if unit_prec == "week" else (_month(d.year, d.month), "month")
    if unit == "month":
        y, mo = _add_months(pub.year, pub.month, -n)
        return _month(y, mo), "month"
    years = n * (10 if unit == "decade" else 1)
    return f"{pub.year - years:04d}", "year"


def _r_span(m: re.Match, ctx: _Ctx) -> Resolved:
    """'for the last few months', 'over the past three years': the interval up to publication."""
    n = _num(_g(m, "n") or "1")
    unit = _UNITS[_g(m, "unit")]
    if ctx.pub is None or n is None:
        return "", "duration"
    pub = ctx.pub
    if unit == "day":
        return f"{_day(pub - timedelta(days=n))}/{_day(pub)}", "range"
    if unit == "week":
        return f"{_day(pub - timedelta(weeks=n))}/{_day(pub)}", "range"
    if unit == "month":
        y, mo = _add_months(pub.year, pub.month, -n)
        return f"{_month(y, mo)}/{_month(pub.year, pub.month)}", "range"
    years = n * (10 if unit == "decade" else 1)
    return f"{pub.year - years:04d}/{pub.year:04d}", "range"


def _r_duration(m: re.Match, ctx: _Ctx) -> Resolved:
    return "", "duration"


def _r_year_to_date(m: re.Match, ctx: _Ctx) -> Resolved:
    if ctx.pub is None:
        return "", "unknown"
    return f"{ctx.pub.year:04d}-01-01/{_day(ctx.pub)}", "range"


def _r_part_of_today(m: re.Match, ctx: _Ctx) -> Resolved:
    return (_day(ctx.pub), "day") if ctx.pub else ("", "unknown")


def _r_same_day(m: re.Match, ctx: _Ctx) -> Resolved:
    """'that day', 'the next day', 'later in the day': the day last named (the dateline day by default)."""
    anchor = ctx.last_day or (ctx.pub if _g(m, "edge") else None)
    if anchor is None:
        return "", "unknown"
    shift = {"next": 1, "following": 1, "previous": -1}.get(_g(m, "dir").lower(), 0)
    return _day(anchor + timedelta(days=shift)), "day"


_COPULA_BEFORE = re.compile(r"(?:\b(?:is|it|today|this)\s+|[’']s\s+)$", re.IGNORECASE)


def _r_nth_day(m: re.Match, ctx: _Ctx) -> Resolved:
    """'today is the eighth day of the strike', "It's the second day of ...": the publication day."""
    if not _COPULA_BEFORE.search(m.string, max(0, m.start() - 12), m.start()) or ctx.pub is None:
        return None
    return _day(ctx.pub), "day"


def _r_anchored_year(m: re.Match, ctx: _Ctx) -> Resolved:
    """'the following year', 'a year earlier': one year from the year last mentioned, if any."""
    if ctx.last_year is None:
        return "", "unknown"
    later = _g(m, "dir", "dir2", "dir3") in ("following", "next", "later", "after")
    if _g(m, "dir2") and ctx.last_period:  # "sales in the third quarter, down from a year earlier"
        value, precision = ctx.last_period
        return _shift_years(value, 1 if later else -1), precision
    return f"{ctx.last_year + (1 if later else -1):04d}", "year"


def _shift_years(value: str, years: int) -> str:
    """'2024-07/2024-09' a year earlier is '2023-07/2023-09' (29 February becomes the 28th)."""

    def one(v: str) -> str:
        y, rest = int(v[:4]) + years, v[4:]
        return f"{y:04d}{'-02-28' if rest == '-02-29' else rest}"

    return "/".join(one(v) for v in value.split("/"))


def _r_year_rel(m: re.Match, ctx: _Ctx) -> Resolved:
    """'mid-1996', 'early 2020', 'the end of 2019': the year (no finer claim)."""
    return f"{int(_g(m, 'y')):04d}", "year"


# ------------------------------------------------------------------ checks on top of the grammar

_YEAR_CUE = re.compile(r"(?:in|since|by|until|from|before|after|during|of|year)\s+$", re.IGNORECASE)


def _r_year_checked(m: re.Match, ctx: _Ctx) -> Resolved:
    """A four-digit or spoken year, unless it counts things ("2000 troops", "two thousand people")."""
    nxt = re.match(r"\s*([A-Za-z]+)", m.string[m.end() : m.end() + 20])
    if nxt and nxt.group(1).lower() in _COUNT_NOUNS:
        return None
    said = m.group().lower()
    cued = bool(_YEAR_CUE.search(m.string, max(0, m.start() - 12), m.start())) or " " in said.strip()
    if said.strip().startswith("two thousand") and not cued:
        return None
    if _g(m, "y") and int(_g(m, "y")) < 1800 and not cued:
        return None
    return _r_year(m, ctx)


def _r_season_checked(m: re.Match, ctx: _Ctx) -> Resolved:
    if not (_g(m, "which") or _g(m, "y")):
        return None  # a bare "fall" or "spring" is too often a verb or noun
    return _r_season(m, ctx)


def _r_weekday_checked(m: re.Match, ctx: _Ctx) -> Resolved:
    """'earlier Sunday' is past and 'later Thursday' planned, whatever the verbs say."""
    lead = m.group().lower()
    if lead.startswith("earlier"):
        ctx.tense = "past"
    elif lead.startswith("later") or _deadline(m):
        ctx.tense = "planned"
    return _r_weekday(m, ctx)


_REPORTED_DEMAND = re.compile(
    r"\b(?:said|says|called|calls|urged|urges|told|asked|asks|demanded|demands|wants|wanted|warned|"
    r"cautioned|expects|expected)\b(?![^.;]*\bhad\b)",
    re.IGNORECASE,
)


def _deadline(m: re.Match) -> bool:
    """ "called for talks by Friday": a deadline in what someone said or asked for lies ahead."""
    if not m.group().lower().startswith("by "):
        return False
    line_start = max(m.string.rfind(".", 0, m.start()), m.string.rfind("\n", 0, m.start())) + 1
    return bool(_REPORTED_DEMAND.search(m.string, line_start, m.start()))


# ------------------------------------------------------------------ patterns (built once)

_I = re.IGNORECASE
_B = r"(?<![\w$€£#.,-])"  # not inside a number, word or amount
_A = r"(?![\w%]|[.,]\d)"
_MONC = rf"(?:{_MONF}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"  # capitalised: not "may"
_WDI = rf"(?i:{_WD})"
_PREP = r"(?:on|by|until|since|from|before|after)"
_MONTH_PREP = (
    r"(?:(?i:in|since|until|by|during|through|from|before|after|early|mid|late)|"
    r"(?i:the)\s+(?:middle|end|beginning|start)\s+of)"
)

PATTERNS: list[tuple[str, re.Pattern[str], Resolver]] = [
    (
        "full_date",
        re.compile(
            rf"\b(?:(?i:late|early)\s+(?:on\s+)?)?(?:{_WDI},?\s+)?(?:(?P<mon>{_MONC})\s+(?P<d>{_DAY}),?\s+"
            rf"(?P<y>{_YEAR})|(?P<d_>{_DAY})\s+(?P<mon_>{_MONC}),?\s+(?P<y_>{_YEAR}))\b|"
            rf"{_B}(?P<iso>{_YEAR}-[01]\d-[0-3]\d){_A}"
        ),
        _r_full_date,
    ),
    (
        "day_range",
        re.compile(
            rf"\b(?:(?P<mon>{_MONC})\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})|(?:between\s+)?(?P<d1_>{_DAY})"
            rf"(?:{_DASH}|\s+(?:and|to)\s+)(?P<d2_>{_DAY})\s+(?P<mon_>{_MONF}))(?:,?\s+(?P<y>{_YEAR}))?\b(?!\s*%)"
        ),
        _r_day_range,
    ),
    (
        "month_range",
        re.compile(
            rf"\b(?:between\s+|from\s+)?(?P<mon1>{_MONF})(?:{_DASH}|\s+and\s+)(?P<mon2>{_MONF}),?\s+(?:of\s+)?"
            rf"(?P<y>{_YEAR})\b"
        ),
        _r_month_range,
    ),
    (
        "month_year",
        re.compile(
            rf"\b(?:(?i:early|mid|late)[\s-]+|(?i:the)\s+(?:middle|end|beginning|start)\s+of\s+)?"
            rf"(?P<mon>{_MONC}),?\s+(?:of\s+)?(?:(?P<y>{_YEAR})\b|(?P<sy>{_SPOKEN_YEAR})\b)"
        ),
        _r_month_year,
    ),
    (
        "month_day",
        re.compile(
            rf"\b(?:{_PREP}\s+)?(?:{_WDI},?\s+)?(?:(?P<mon>{_MONC})\s+(?P<d>{_DAY})(?![\d,.:]\d|\s*%)"
            rf"|(?:the\s+)?(?P<d_>{_DAY})\s+(?:of\s+)?(?P<mon_>{_MONF})(?!\s+{_YEAR}))\b"
        ),
        _r_month_day,
    ),
    (
        "month_rel",
        re.compile(
            rf"\b(?:(?P<which>(?i:last|this|next|coming))\s+(?P<mon>{_MONF})\b(?!\s+\d)|(?:{_MONTH_PREP}[\s-]+)?"
            rf"(?P<mon2>{_MONF})\s+(?P<which2>last|this|next)\s+year\b|{_MONTH_PREP}[\s-]+(?P<mon3>{_MONF})\b"
            rf"(?!\s+\d)|(?<!\bMay\s)(?P<mon4>January|February|April|June|July|August|September|October|"
            rf"November|December)\b(?!\s+\d))"
        ),
        _r_month_rel,
    ),
    (
        "quarter",
        re.compile(
            rf"\b(?:(?:in|during|for)\s+)?(?:the\s+)?(?P<fiscal>fiscal[\s-]+(?:year\s+)?)?(?:(?P<ord>first|second|"
            rf"third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|Q(?P<qn>[1-4])|(?P<qmon>March|June|September|"
            rf"December)[\s-]+quarter)(?:\s+(?:of\s+)?(?P<y>{_YEAR})|\s+of\s+(?P<rel>next|this|last)\s+year)?\b",
            _I,
        ),
        _r_quarter,
    ),
    (
        "half",
        re.compile(
            rf"\b(?P<fiscal>fiscal\s+)?(?:(?:the\s+)?(?P<h>first|second)[\s-]+half|H(?P<hn>[12]))"
            rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR})|\s+of\s+(?P<rel>next|this|last)\s+year)?\b",
            _I,
        ),
        _r_half,
    ),
    (
        "fiscal",
        re.compile(
            rf"\b(?:FY\s?|fiscal(?:\s+year)?[\s-]+)(?P<y1>{_YEAR}|\d\d)(?:\s*(?:-|–|/)\s*(?P<y2>\d{{4}}|\d\d))?\b",
            _I,
        ),
        _r_fiscal,
    ),
    (
        "season",
        re.compile(
            rf"\b(?:(?P<which>last|this|next)\s+)?(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)"
            rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?\b",
            _I,
        ),
        _r_season_checked,
    ),
    (
        "decade",
        re.compile(r"\b(?:the\s+)?(?:(?P<dec>(?:1[5-9]|20)\d0)s|[’'](?P<dec2>\d0)s)\b", _I),
        _r_decade,
    ),
    (
        "year_range",
        re.compile(
            rf"{_B}(?:between\s+(?P<b1>{_YEAR})\s+and\s+(?P<b2>{_YEAR})|(?:from\s+)?(?P<y1>{_YEAR})"
            rf"(?:\s*(?:-|–|—)\s*|\s+(?:to|through)\s+)(?P<y2>{_YEAR}|\d\d)){_A}",
            _I,
        ),
        _r_year_range,
    ),
    (
        "year_rel",
        re.compile(
            rf"\b(?:(?:early|mid|late)[\s-]+|the\s+(?:middle|end|beginning|start|turn)\s+of\s+)(?P<y>{_YEAR})\b",
            _I,
        ),
        _r_year_rel,
    ),
    ("spoken_year", re.compile(rf"\b(?:(?:the\s+)?year\s+)?(?P<sy>{_SPOKEN_YEAR})\b", _I), _r_year_checked),
    (
        "year",
        re.compile(rf"{_B}(?:(?:in|since|by|until|from|before|after|during|of)\s+)?(?P<y>{_YEAR}){_A}", _I),
        _r_year_checked,
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?:{_CLOCK}|{_TOD})\s+(?:on\s+)?)?(?:(?:late|early|earlier|later)\s+(?:on\s+)?|{_PREP}\s+|"
            rf"(?P<which>last|next|this|coming)\s+)?(?P<wd>{_WD})(?:[’']s)?(?:\s+(?:{_TOD}|{_CLOCK}))?\b",
            _I,
        ),
        _r_weekday_checked,
    ),
    (
        "relative_day",
        re.compile(
            rf"\b(?:(?:late|early|earlier|later)\s+)?(?P<rel>today|tonight|yesterday|tomorrow|this\s+{_TOD})"
            rf"(?:\s+{_TOD})?\b",
            _I,
        ),
        _r_relative_day,
    ),
    (
        "part_of_day",
        re.compile(r"\b(?:early|late|mid)[\s-]?(?:morning|afternoon|evening)\b", _I),
        _r_part_of_today,
    ),
    (
        "anchored_year",
        re.compile(
            r"\b(?:the\s+(?P<dir>following|next|previous|preceding)\s+year|a\s+year\s+(?P<dir2>later|earlier|"
            r"before|after)|the\s+year\s+(?P<dir3>before|after))\b",
            _I,
        ),
        _r_anchored_year,
    ),
    (
        "same_day",
        re.compile(
            r"\b(?:(?P<edge>later|earlier)\s+in\s+the\s+day|(?:on\s+)?(?:that|the\s+same)\s+day|"
            r"the\s+(?P<dir>next|following|previous)\s+day)\b",
            _I,
        ),
        _r_same_day,
    ),
    (
        "nth_day",
        re.compile(
            r"\b(?:the\s+)?(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|"
            r"ninth|tenth|eleventh|twelfth|\w+teenth|\w+tieth(?:[\s-]\w+)?)\s+(?:straight\s+|consecutive\s+)?"
            r"day\b",
            _I,
        ),
        _r_nth_day,
    ),
    (
        "year_to_date",
        re.compile(r"\b(?:year[\s-]to[\s-]date|so\s+far\s+this\s+year|YTD)\b", _I),
        _r_year_to_date,
    ),
    (
        "period",
        re.compile(
            r"\b(?:(?P<edge>earlier|later)\s+)?(?P<which>last|this|next|past|coming)\s+"
            r"(?P<unit>week|month|year|weekend)\b(?!s)",
            _I,
        ),
        _r_period,
    ),
    (
        "ago",
        re.compile(
            rf"\b(?:(?P<approx>nearly|almost|about|around|some|more\s+than|over|roughly)\s+)?(?P<n>{_NUM})\s+"
            r"(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago\b",
            _I,
        ),
        _r_ago,
    ),
    (
        "span",
        re.compile(
            rf"\b(?:(?:for|over|in|during)\s+)?the\s+(?:last|past)\s+(?:(?P<n>{_NUM})\s+)?"
            r"(?P<unit>days?|weeks?|months?|years?|decades?)\b",
            _I,
        ),
        _r_span,
    ),
    (
        "duration",
        re.compile(
            rf"\b(?:(?:for|in|within|over)\s+)?(?:(?:more|less|fewer)\s+than\s+|nearly\s+|almost\s+|about\s+|"
            rf"at\s+least\s+|up\s+to\s+)?{_NUM}\s+(?:days?|weeks?|months?|years?|decades?)\b(?![\s-]+old)",
            _I,
        ),
        _r_duration,
    ),
    ("clock", re.compile(rf"\b(?:(?:at|around|about|by|before|after)\s+)?{_CLOCK}", _I), _r_part_of_today),
]
_PRIORITY = {name: i for i, (name, _, _) in enumerate(PATTERNS)}


# ------------------------------------------------------------------ finding expressions


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str
    kind: str  # the pattern that found it
    date: str
    precision: str
    tense: str


def find_time_expressions(
    text: str, published: date | None, sentences: list[tuple[int, int]] | None = None
) -> list[TimeExpression]:
    """Every time expression in text, resolved against ``published``, in reading order."""
    spans = _candidates(text)
    bounds = sentences or [(0, len(text))]
    starts = [s for s, _ in bounds]
    india = bool(_INDIA_FY.search(text))
    found: list[TimeExpression] = []
    last_year: int | None = None
    last_day: date | None = None
    last_period: tuple[str, str] | None = None
    for start, end, name, m, fn in spans:
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        lo, hi = bounds[i]
        tense = clause_tense(text, lo, hi, start, end)
        resolved = fn(m, _Ctx(published, tense, india, last_year, last_day, last_period))
        if resolved is None:
            continue
        value, precision = resolved
        if value[:4].isdigit() and name not in ("relative_day", "clock", "part_of_day"):
            last_year = int(value[:4])
        if precision == "day" and len(value) == 10:
            last_day = date.fromisoformat(value)
        if value and name not in ("relative_day", "clock", "part_of_day", "duration"):
            last_period = (value, precision)
        if name == "clock" and found and found[-1].precision == "day" and found[-1].start >= lo:
            value = found[-1].date  # "on Tuesday ... at 9 a.m.": the day already named
        found.append(TimeExpression(start, end, text[start:end], name, value, precision, tense))
    return found


def _candidates(text: str) -> list[tuple[int, int, str, re.Match, Resolver]]:
    """Matches of every pattern in reading order; of overlapping ones the longest (then priority) wins."""
    cands = [(m.start(), m.end(), name, m, fn) for name, rx, fn in PATTERNS for m in rx.finditer(text)]
    cands.sort(key=lambda c: (c[0], c[0] - c[1], _PRIORITY[c[2]]))
    kept: list[tuple[int, int, str, re.Match, Resolver]] = []
    for c in cands:
        if not kept or c[0] >= kept[-1][1]:
            kept.append(c)
        elif (c[1] - c[0], -_PRIORITY[c[2]]) > (kept[-1][1] - kept[-1][0], -_PRIORITY[kept[-1][2]]):
            kept[-1] = c
    return kept


# ------------------------------------------------------------------ events


_CLAUSE = re.compile(r"[;:]\s|\s[–—]\s|,\s+(?:but|while|whereas|although|though|which|who)\b")
_MAX_WORDS = 22


def describe(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """A short extractive description: the clause holding the expression, trimmed to a few words."""
    a, b = _clause_bounds(text, lo, hi, start, end, _CLAUSE)
    clause = text[a:b].strip(' ,;:–—"“”')
    if len(clause.split()) < 4:
        clause = text[lo:hi].strip()
    words = clause.split()
    if len(words) > _MAX_WORDS:
        clause = " ".join(words[:_MAX_WORDS]) + " …"
    return re.sub(r"\s+", " ", clause)


def _actor_ids(mentions: list[Mention], starts: list[int], lo: int, hi: int) -> tuple[str, ...]:
    ids: list[str] = []
    for m in mentions[bisect.bisect_left(starts, lo) :]:
        if m.start >= hi:
            break
        if m.end <= hi and m.actor_id not in ids:
            ids.append(m.actor_id)
    return tuple(ids)


def day_bounds(value: str) -> tuple[date, date] | None:
    """'2025', '2025-04', '2025-04-03' or 'A/B' -> (first day, last day); None when unresolved."""
    if "/" in value:
        a, b = (day_bounds(v) for v in value.split("/", 1))
        return (a[0], b[1]) if a and b else None
    parts = [int(p) for p in value.split("-")] if re.fullmatch(r"\d{4}(?:-\d\d){0,2}", value) else []
    if not parts:
        return None
    if len(parts) == 3:
        d = _safe_date(*parts)
        return (d, d) if d else None
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), _month_end(parts[0], parts[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def event_tense(value: str, published: date | None, clause: str) -> str:
    """planned when the whole period lies after publication, past when before, else the clause's tense."""
    bounds = day_bounds(value) if published else None
    if bounds and published and bounds[0] > published:
        return "planned"
    if bounds and published and bounds[1] < published:
        return "past"
    return clause or "past"


def find_events(doc: Document, actors: ActorIndex, claims: list[Claim]) -> list[Event]:
    """One Event per time expression in headline and body text, with its sentence as evidence."""
    usable = [s for s in doc.sentences if s.kind in ("headline", "body", "byline")]
    bounds = [(s.start, s.end) for s in usable]
    mentions = sorted(actors.mentions, key=lambda m: m.start)
    mstarts = [m.start for m in mentions]
    events: list[Event] = []
    for expr in find_time_expressions(doc.text, doc.published, bounds):
        sent: Sentence | None = doc.sentence_at(expr.start)
        if sent is None or sent.kind == "boilerplate":
            continue
        events.append(
            Event(
                id=f"E{len(events) + 1}",
                date_text=expr.text,
                start=expr.start,
                end=expr.end,
                date=expr.date,
                precision=expr.precision,
                description=describe(doc.text, sent.start, sent.end, expr.start, expr.end),
                actor_ids=_actor_ids(mentions, mstarts, sent.start, sent.end),
                sentence_id=sent.id,
                tense=event_tense(expr.date, doc.published, expr.tense),
            )
        )
    return events
