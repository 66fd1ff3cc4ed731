"""Primitive (normalize stage): resolve the words of a period against the publication date.

`resolve_period("since August", "2024-01")` gives 2023-08-01 … 2024-01, a cumulative period, and
records the rule that fired. Dates may be partial ("2024", "2024-07") because publication dates
often are. A phrase no rule understands, or one that needs more of the publication date than is
known ("last week" in an article dated only "2024-07"), stays unresolved: never a guess. So does
a phrase that would fall outside the calendar (years 1 to 9999): "last year" in an article dated
0001-01-01 is unresolved, and `placement_problem` says why, for a finding. Nothing here raises on
such dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from schemas.primitives.numbers import parse_number

from .calendar_words import MONTHS, ORDINALS, month_group, month_span
from .fiscal import FISCAL, place_fiscal

_MONTH = month_group("month")
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ORD = r"(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)"
# "of 2023", "of last year", "of the year" after a part of a year ("the final quarter of last year")
_OF_YEAR = rf"(?:\s+(?:of\s+)?(?:{_YEAR}|(?P<rel>last|this|the)\s+year))?"


@dataclass(frozen=True)
class Period:
    """A resolved (or unresolved) period: ISO bounds, possibly partial, and the rule that fired."""

    start: str | None
    end: str | None
    rule: str
    cumulative: bool = False

    @property
    def resolved(self) -> bool:
        return self.rule != "unresolved"


UNRESOLVED = Period(None, None, "unresolved")


def calendar_year(start: str | None, end: str | None) -> str | None:
    """The year, when the period is exactly one calendar year ("2023-01-01" to "2023-12-31", or "2023")."""
    if start and end and start[:4] == end[:4] and start[4:] in ("", "-01", "-01-01") and end[4:] in ("", "-12", "-12-31"):
        return start[:4]
    return None


def is_calendar_date(iso: str) -> bool:
    """True when `iso` (YYYY, YYYY-MM or YYYY-MM-DD, or a day with its time: 2023-02-24T09:00) names days
    that exist: "0-01-01", "2023-02-30" and "2023-02-24T25:00" do not."""
    if not re.fullmatch(r"\d{4}(-\d\d){0,2}|\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?", iso):
        return False
    try:
        first_day(iso), last_day(iso), datetime.fromisoformat(iso) if "T" in iso else None
    except ValueError:
        return False
    return True


def _placeable(period: Period | None) -> Period | None:
    """The period if both its bounds are calendar dates, else None (unresolved)."""
    if period is None or all(b is None or is_calendar_date(b) for b in (period.start, period.end)):
        return period
    return None


def _apply(rule: "Rule", match: re.Match[str], published: str | None, fiscal_start: int | None = None) -> Period | None:
    """A rule's period, or None when placing it leaves the calendar (year 0, year 10000); a fiscal
    phrase is placed with the month its fiscal year starts in, when known (`fiscal.fiscal_start`)."""
    try:
        return _placeable(_fiscal(match, published, fiscal_start) if rule is _fiscal else rule(match, published))
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=65536)
def first_day(iso: str) -> date:
    """The first day an ISO date, possibly partial, can mean: "2024-07" -> 2024-07-01 (a time of day is ignored)."""
    parts = [int(p) for p in iso[:10].split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@lru_cache(maxsize=65536)
def last_day(iso: str) -> date:
    """The last day an ISO date, possibly partial, can mean: "2024-02" -> 2024-02-29 (a time of day is ignored)."""
    parts = [int(p) for p in iso[:10].split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) > 1 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def _pub_parts(published: str | None) -> list[int]:
    return [int(p) for p in published.split("-")] if published else []


def _latest_month_on_or_before(month: int, published: str | None) -> int | None:
    """The year of the most recent `month` that starts on or before the publication month."""
    pub = _pub_parts(published)
    if len(pub) < 2:
        return None
    return pub[0] if month <= pub[1] else pub[0] - 1


Rule = Callable[[re.Match[str], str | None], Period | None]


def _iso_day(m: re.Match[str], pub: str | None) -> Period | None:
    day = m[0]
    return Period(day, day, "iso_date")


def _month_day_year(m: re.Match[str], pub: str | None) -> Period | None:
    try:
        day = date(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"])).isoformat()
    except ValueError:
        return None
    return Period(day, day, "explicit_date")


def _stated_year(m: re.Match[str], pub: str | None, first_month: int) -> tuple[int | None, bool]:
    """The year written ("2023"), named ("last year"), else the latest whose `first_month` is on or before publication."""
    groups = m.groupdict()
    if groups.get("year"):
        return int(groups["year"]), True
    rel = (groups.get("rel") or "").lower()
    if rel in ("last", "this"):
        pub = _pub_parts(pub)
        return (pub[0] - (rel == "last"), True) if pub else (None, True)
    return _latest_month_on_or_before(first_month, pub), False


def _part_of_year(m: re.Match[str], pub: str | None, index: int, months: int, name: str) -> Period | None:
    """The index-th part of `months` months of the stated year, else the latest such part by publication."""
    first = months * (index - 1) + 1
    year, stated = _stated_year(m, pub, first)
    if year is None:
        return None
    start, end = month_span(year, first, first + months - 1)
    return Period(start, end, name if stated else f"latest_{name}")


def _quarter(m: re.Match[str], pub: str | None) -> Period | None:
    q = int(m["q"]) if m.groupdict().get("q") else ORDINALS[m["ord"].lower()]
    return _part_of_year(m, pub, q, 3, "quarter")


def _three_months(m: re.Match[str], pub: str | None) -> Period | None:
    """"the final three months of 2023" is its fourth quarter, "the first three months" its first."""
    return _part_of_year(m, pub, 1 if m["ord"].lower() == "first" else 4, 3, "quarter")


def _relative_quarter(m: re.Match[str], pub: str | None) -> Period | None:
    """"this quarter" holds the publication date; "last quarter" is the one before it."""
    pub_parts = _pub_parts(pub)
    if len(pub_parts) < 2:
        return None
    index = pub_parts[0] * 4 + (pub_parts[1] - 1) // 3 - (m["which"].lower() == "last")
    start, end = month_span(index // 4, index % 4 * 3 + 1, index % 4 * 3 + 3)
    return Period(start, end, f"{'last' if m['which'].lower() == 'last' else 'this'}_quarter")


def _month_range(m: re.Match[str], pub: str | None) -> Period | None:
    """"July-September", "between October and December 2023", "the October-December period last year"."""
    first, last = MONTHS[m["m1"].lower()], MONTHS[m["m2"].lower()]
    if last <= first:
        return None
    year, stated = _stated_year(m, pub, first)
    if year is None:
        return None
    start, end = month_span(year, first, last)
    return Period(start, end, "month_range" if stated else "latest_month_range")


def _months_ended(m: re.Match[str], pub: str | None) -> Period | None:
    """"the three months ended Dec. 31": the n months up to that month's end."""
    n, last = parse_number(m["n"]), MONTHS[m["month"].lower()]
    if n is None or n != int(n) or not 1 <= n <= 12:
        return None
    year, stated = _stated_year(m, pub, last)
    if year is None:
        return None
    index = year * 12 + last - 1 - (int(n) - 1)
    start, end = date(index // 12, index % 12 + 1, 1).isoformat(), month_span(year, last, last)[1]
    return Period(start, end, "months_ended" if stated else "latest_months_ended")


def _anaphoric(m: re.Match[str], pub: str | None) -> Period | None:
    """"the previous year", "the prior quarter": relative to a time the sentence names, not to publication."""
    return None


# "in the previous quarter" is when; "from the previous quarter", "a year earlier" are what it is compared with.
_ANAPHORIC_UNIT = re.compile(r"\b(?:in|during|for|over)\s+the\s+(?:previous|prior|preceding)\s+"
                             r"(?P<u>year|quarter|three-month\s+period)\b", re.IGNORECASE)
_ANAPHORIC_CORE = re.compile(r"(?:previous|prior|preceding)\s+(?:year|quarter|three-month\s+period)", re.IGNORECASE)


def before_stated(phrase: str, sentence: str, published: str | None, fiscal_start: int | None = None) -> Period | None:
    """"the previous quarter" placed against the one quarter its sentence states ("fell 0.6% in the
    closing three months of last year, after a 3.3% slide in the previous quarter": the third
    quarter of last year); the same for a year. None when the sentence states no such period, or several."""
    core = _ANAPHORIC_CORE.search(phrase or "")
    match = next((m for m in _ANAPHORIC_UNIT.finditer(sentence) if core and core[0].lower() in m[0].lower()), None)
    if match is None:
        return None
    months = 12 if match["u"].lower() == "year" else 3
    stated = {p for _, p in stated_periods(sentence, published, fiscal_start) if p.start and p.end and len(p.start) == len(p.end) == 10
              and not p.cumulative and _months_between(p.start, p.end) == months and p.start[5:7] in _PERIOD_STARTS[months]}
    if len(stated) != 1:
        return None
    reference = stated.pop()
    year, month = int(reference.start[:4]), int(reference.start[5:7]) - months
    if month < 1:
        year, month = year - 1, month + 12
    start, end = month_span(year, month, month + months - 1)
    return _placeable(Period(start, end, "previous_quarter" if months == 3 else "previous_year"))


_PERIOD_STARTS = {3: ("01", "04", "07", "10"), 12: ("01",)}


def _months_between(start: str, end: str) -> int:
    return (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7]) + 1


def _since_year_start(m: re.Match[str], pub: str | None) -> Period | None:
    pub_parts = _pub_parts(pub)
    return Period(f"{pub_parts[0]}-01-01", pub, "since_year_start", cumulative=True) if pub and pub_parts else None


def _half(m: re.Match[str], pub: str | None) -> Period | None:
    return _part_of_year(m, pub, 1 if m["h"].lower() in ("first", "1") else 2, 6, "half")


def _since(m: re.Match[str], pub: str | None) -> Period | None:
    if pub is None:
        return None
    month = MONTHS[m["month"].lower()] if m["month"] else 1
    written_year = m["year"] or m["yonly"]
    year = int(written_year) if written_year else _latest_month_on_or_before(month, pub)
    if year is None:
        return None
    rule = "since_date" if written_year else "since_month"
    return Period(date(year, month, 1).isoformat(), pub, rule, cumulative=True)


def _year_range(m: re.Match[str], pub: str | None) -> Period | None:
    first, last = int(m["y1"]), int(m["y2"])
    if last < 100:  # "2022-23"
        last += first // 100 * 100
    if last <= first:
        return None
    return Period(f"{first}-01-01", f"{last}-12-31", "year_range")


def _through(m: re.Match[str], pub: str | None) -> Period | None:
    return Period(None, f"{m['year']}-12-31", "through_year", cumulative=True)


def _month_year(m: re.Match[str], pub: str | None) -> Period | None:
    month = MONTHS[m["month"].lower()]
    year = int(m["year"]) if m.groupdict().get("year") else _latest_month_on_or_before(month, pub)
    if year is None:
        return None
    start, end = month_span(year, month, month)
    return Period(start, end, "month_year" if m.groupdict().get("year") else "latest_month")


def _last_n_years(m: re.Match[str], pub: str | None) -> Period | None:
    n = parse_number(m["n"])
    if pub is None or n is None or n != int(n) or not 1 <= n <= 100:
        return None
    start = first_day(pub)
    start = start.replace(year=start.year - int(n), day=min(start.day, 28))
    return Period(start.isoformat()[: len(pub)], pub, "last_n_years")


def _relative_year(m: re.Match[str], pub: str | None) -> Period | None:
    pub_parts = _pub_parts(pub)
    if not pub_parts:
        return None
    which = (m["which"] or "last").lower()
    year = pub_parts[0] + {"this": 0, "current": 0, "last": -1, "past": -1, "next": 1}[which]
    return Period(f"{year}-01-01", f"{year}-12-31", f"{which}_year")


def _relative_month(m: re.Match[str], pub: str | None) -> Period | None:
    pub_parts = _pub_parts(pub)
    if len(pub_parts) < 2:
        return None
    shift = {"this": 0, "last": -1, "past": -1, "next": 1}[m["which"].lower()]
    index = pub_parts[0] * 12 + pub_parts[1] - 1 + shift
    start, end = month_span(index // 12, index % 12 + 1, index % 12 + 1)
    return Period(start, end, f"{m['which'].lower()}_month")


def _pub_day(pub: str | None) -> date | None:
    pub_parts = _pub_parts(pub)
    return date(*pub_parts[:3]) if len(pub_parts) >= 3 else None  # a day cannot be placed from a month


def _relative_week(m: re.Match[str], pub: str | None) -> Period | None:
    if (day := _pub_day(pub)) is None:
        return None  # a week cannot be placed without the publication day
    monday = date.fromordinal(day.toordinal() - day.weekday() - (7 if m["which"].lower() == "last" else 0))
    sunday = date.fromordinal(monday.toordinal() + 6)
    return Period(monday.isoformat(), sunday.isoformat(), f"{m['which'].lower()}_week")


_WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
# The rules that place a day named in words relative to publication ("on Tuesday", "May 29").
NAMED_DAY_RULES = frozenset({"weekday", "today", "yesterday", "tonight", "month_day"})


def _one_day(day: date, rule: str) -> Period:
    return Period(day.isoformat(), day.isoformat(), rule)


def _weekday(m: re.Match[str], pub: str | None) -> Period | None:
    """The latest such weekday on or before publication ("on Tuesday" in Wednesday's paper is the day
    before; "last Wednesday" in it is a week before)."""
    if (day := _pub_day(pub)) is None:
        return None
    back = (day.weekday() - _WEEKDAYS[m["weekday"].lower()]) % 7 or (7 if m["last"] else 0)
    return _one_day(date.fromordinal(day.toordinal() - back), "weekday")


def _today(m: re.Match[str], pub: str | None) -> Period | None:
    if (day := _pub_day(pub)) is None:
        return None
    return _one_day(date.fromordinal(day.toordinal() - (m["which"].lower() == "yesterday")), m["which"].lower())


def _month_day(m: re.Match[str], pub: str | None) -> Period | None:
    """"May 29", "29th of May": that day in the year of the latest such month on or before publication."""
    if m["month"].lower() == "may" and m["month"] != "May":
        return None  # "prices may 10": the verb
    month = MONTHS[m["month"].lower().rstrip(".")]
    year = _latest_month_on_or_before(month, pub)
    try:
        return _one_day(date(year, month, int(m["day"])), "month_day") if year else None
    except ValueError:
        return None


def _fiscal(m: re.Match[str], pub: str | None, start: int | None = None) -> Period | None:
    placed = place_fiscal(m, pub, start)
    return Period(*placed) if placed else None


def _season(m: re.Match[str], pub: str | None) -> Period | None:
    """"summer 2020", "the autumn of 2019": the year, since which months a season covers depends on
    the hemisphere; only for a year before publication (a season of the year of publication may still
    be running, or to come), else left unresolved."""
    parts = _pub_parts(pub)
    return _year(m, pub) if parts and int(m["year"]) < parts[0] else None


def _year(m: re.Match[str], pub: str | None) -> Period | None:
    year = next(g for g in m.groups() if g)
    return Period(f"{year}-01-01", f"{year}-12-31", "year")


_NUMWORD = r"(?P<n>\d{1,3}|[a-z]+)"
_FULL_MONTH = r"(?P<month>" + "|".join(calendar.month_name[1:]) + r")"
# A bare year is a period only where the words make it one ("in 2023", "2023's", "the 2023
# figure"); "2000 shells" is a count.
_YEAR_CONTEXT = (rf"(?:\b(?:in|for|of|during|from|throughout|fiscal|the|since|by|until)\s+{_YEAR}\b"
                 rf"|\b(?P<year2>(?:19|20)\d\d)(?=['’]s\b|\s+(?:GDP|growth|figures?|data|estimates?|budget|output)\b))")
# A day that only ends or starts a span is no period of one day: "the week to Friday", "since Tuesday".
_NOT_SPAN_END = "".join(rf"(?<!{word} )" for word in ("since", "to", "until", "till", "through", "ending", "ended", "from"))
RULES: list[tuple[str, re.Pattern[str], Rule]] = [
    (name, re.compile(pattern, re.IGNORECASE), rule) for name, pattern, rule in [
        ("iso_date", r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b", _iso_day),
        ("fiscal", FISCAL, _fiscal),
        ("explicit_date", rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}\b", _month_day_year),
        ("explicit_date", rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}\b", _month_day_year),
        ("since", r"\bsince\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+year\b", _since_year_start),
        ("quarter", rf"\bQ(?P<q>[1-4])(?:\s+(?:of\s+)?{_YEAR})?\b", _quarter),
        ("quarter", rf"\b{_ORD}\s+(?:fiscal\s+)?quarter{_OF_YEAR}\b", _quarter),
        ("quarter", rf"\b(?P<ord>last)\s+quarter\s+of{_OF_YEAR}\b", _quarter),
        ("quarter", rf"\b(?P<ord>first|final|last)\s+three\s+months{_OF_YEAR}\b", _three_months),
        ("relative_quarter", r"\b(?P<which>this|current|last)\s+quarter\b", _relative_quarter),
        ("months_ended", rf"\b(?P<n>\w+)\s+months\s+(?:ended|ending|to)\s+{_MONTH}(?:\s+[0-3]?\d\b)?,?(?:\s+{_YEAR})?", _months_ended),
        ("month_range", rf"\b(?:between\s+|from\s+)?{month_group('m1')}(?:\s*[-–—]\s*|\s+(?:to|and|through)\s+|-to-)"
                        rf"{month_group('m2')}\b(?:\s+(?:period|quarter))?{_OF_YEAR}", _month_range),
        ("half", rf"\b(?P<h>first|second)\s+half(?:\s+(?:of\s+)?{_YEAR})?\b", _half),
        ("half", rf"\bH(?P<h>[12])(?:\s+{_YEAR})?\b", _half),
        ("since", rf"\bsince\s+(?:early\s+|late\s+|mid-?)?(?:{_MONTH}(?:\s+{_YEAR})?|(?P<yonly>(?:19|20)\d\d)\b)", _since),
        ("year_range", r"\b(?:between\s+|from\s+)?(?P<y1>(?:19|20)\d\d)\s*(?:-|–|—|to|and|through)\s*(?P<y2>(?:19|20)?\d\d)\b", _year_range),
        ("through", rf"\b(?:through|by\s+the\s+end\s+of|as\s+of\s+the\s+end\s+of|up\s+to)\s+{_YEAR}\b", _through),
        ("month_day", rf"{_NOT_SPAN_END}\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)(?![\d.,%])", _month_day),
        ("month_day", rf"{_NOT_SPAN_END}\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?!\s*,?\s*(?:19|20)\d\d)", _month_day),
        ("month_year", rf"\b{_MONTH}\s+{_YEAR}\b", _month_year),
        ("month", rf"\b(?:in|during|early|late|mid-?|by|last|this)\s+{_FULL_MONTH}\b", _month_year),
        ("last_n_years", rf"\b(?:last|past|previous)\s+{_NUMWORD}\s+years\b", _last_n_years),
        ("relative_year", r"\b(?P<which>this|current|last|past|next)\s+year\b|\bthe\s+year\s+just\s+(?:ended|concluded|gone)\b", _relative_year),
        ("relative_month", r"\b(?P<which>this|last|past|next)\s+month\b", _relative_month),
        ("relative_week", r"\b(?P<which>this|last)\s+week\b", _relative_week),
        ("weekday", rf"{_NOT_SPAN_END}\b(?P<last>last\s+)?(?P<weekday>{'|'.join(calendar.day_name)})\b", _weekday),
        ("today", r"\b(?P<which>today|yesterday|tonight)\b", _today),
        ("anaphoric", r"\b(?:previous|prior|preceding)\s+(?:year|quarter|month|three-month\s+period|period)\b"
                      r"|\b(?:a|the)\s+(?:year|quarter)\s+(?:earlier|before)\b", _anaphoric),
        ("season", rf"\b(?:spring|summer|autumn|winter)\s+(?:of\s+)?{_YEAR}\b", _season),
        ("year", _YEAR_CONTEXT, _year),
    ]
]
_BARE_YEAR = re.compile(r"\s*(?:19|20)\d\d\s*")
_LEADING_YEAR = re.compile(r"\s*(?:the\s+)?(?P<y>(?:19|20)\d\d)\s+[a-z]", re.IGNORECASE)


def resolve_period(text: str | None, published: str | None, fiscal_start: int | None = None) -> Period:
    """Resolve `text` against the publication date with the first rule that matches it; a fiscal
    phrase with the month its fiscal year starts in, when known."""
    if not text or not text.strip():
        return UNRESOLVED
    if _BARE_YEAR.fullmatch(text):
        year = text.strip()
        return Period(f"{year}-01-01", f"{year}-12-31", "year")
    for _, pattern, rule in RULES:
        match = pattern.search(text)
        if match is None:
            continue
        if (period := _apply(rule, match, published, fiscal_start)) is not None:
            return period
        return UNRESOLVED  # the rule recognised the phrase but lacks the date to place it
    leading = _LEADING_YEAR.match(text)
    if leading and published and leading["y"] < published[:4]:
        # "1997 general election", "the 2017 vote": an event of an earlier year is of that year; one of
        # the year of publication ("2024 general election") stays a level of the day it is reported
        return Period(f"{leading['y']}-01-01", f"{leading['y']}-12-31", "year")
    return UNRESOLVED


def placement_problem(text: str | None, published: str | None) -> str | None:
    """Why a period phrase in `text` cannot be placed against `published`: it leaves the calendar. Else None."""
    if not text or not published:
        return None
    for name, pattern, rule in RULES:
        for match in pattern.finditer(text):
            try:
                period = rule(match, published)
            except (ValueError, OverflowError):
                period = Period("0", "0", name)
            if period is not None and _placeable(period) is None:
                return f"{match[0]!r} cannot be placed in the calendar from the publication date {published}; left unresolved"
    return None


def periods_in(sentence: str, published: str | None, fiscal_start: int | None = None,
               keep: Callable[[tuple[int, int]], bool] | None = None) -> list[Period]:
    """Every distinct period the sentence states, rule by rule, without overlaps; only those whose
    phrase's span `keep` accepts, when it is given."""
    found: list[Period] = []
    for span, period in stated_periods(sentence, published, fiscal_start):
        if (keep is None or keep(span)) and period not in found:
            found.append(period)
    return found


def stated_periods(sentence: str, published: str | None, fiscal_start: int | None = None) -> list[tuple[tuple[int, int], Period]]:
    """Each period phrase the sentence states, with its [start, end) span, rule by rule, without overlaps."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[tuple[int, int], Period]] = []
    for _, pattern, rule in RULES:
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            period = _apply(rule, match, published, fiscal_start)
            if period is not None:
                found.append((match.span(), period))
    return found
