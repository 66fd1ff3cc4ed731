"""Primitive (normalize stage): periods of a fiscal year — "Q1 FY24", "the January-March quarter of
2022-23", "the first quarter (April-June) of this fiscal".

A fiscal year starts in a month the words rarely give: April in India, July in Australia, October
for the US government. `fiscal_start` knows it for a few countries whose statistics are reported
by fiscal year; otherwise it is unknown. `FISCAL` finds a fiscal phrase: a part of the year (a
quarter, or a range of months) with the fiscal year it belongs to, or a fiscal year alone; the year
is written as a split year ("2022-23", "2023-’24", "FY23-24"), as "FY24" or "fiscal year 2024"
(named, as is usual, by the calendar year it ends in), or relative to publication ("the current fiscal", "the previous
financial year"). `place_fiscal` places it:
- months written out are placed in the fiscal year by its start month: January to March of
  2022-23 fall in 2023 whatever that month is (April, July or October), so they are placed even when
  it is unknown; April to June of 2023-24 are in 2023 only if the year starts in April;
- a quarter's months need the start month;
- a split year alone ("2022-23", no fiscal words) with no start month known stays the span of
  its two calendar years, as before.
Anything that depends on an unknown start month is not placed (None): never a guess, and never the
calendar quarter of the same number ("Q1 2022-23" is not January to March 2022).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .calendar_words import MONTHS, ORDINALS, month_group, month_span

# The month the government's fiscal year starts in, for countries whose figures are often given by
# fiscal year. Companies keep their own fiscal years, so a company's name gives none.
FISCAL_STARTS: dict[str, int] = {
    "india": 4, "bangladesh": 7, "pakistan": 7, "nepal": 7, "australia": 7, "new zealand": 7, "egypt": 7,
    "kenya": 7, "uganda": 7, "tanzania": 7, "canada": 4, "hong kong": 4, "singapore": 4, "south africa": 4,
    "united kingdom": 4, "britain": 4, "uk": 4, "united states": 10, "us": 10, "u.s.": 10,
}
# Start months a fiscal year may have when none is known: a phrase is placed only if all agree.
_POSSIBLE_STARTS = (4, 7, 10)
_ENTITY_WORDS = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(FISCAL_STARTS, key=len, reverse=True)) + r")\b")

def _range(first: str, last: str) -> str:
    return rf"{month_group(first)}\s*(?:[-–—]|\s+to\s+|-to-)\s*{month_group(last)}"


_QUARTER = r"(?:Q(?P<q>[1-4])|(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter)"
_PART = rf"(?:{_QUARTER}(?:\s*\(\s*{_range('pm1', 'pm2')}\s*\))?|{_range('m1', 'm2')}(?:\s+(?:period|quarter))?)"
_SPLIT = r"(?P<y1>(?:19|20)\d\d)\s*[-–/]\s*['’]?(?P<y2>\d\d)(?![\d-])"
_FY_SPLIT = r"FY\s?['’]?(?P<f1>\d\d)\s*[-–/]\s*['’]?(?P<f2>\d\d)(?![\d-])"
_FY_NUMBER = r"FY\s?['’]?(?P<fy>(?:19|20)\d\d|\d\d)(?![\d–/-])"
_RELATIVE = r"(?P<rel>current|this|last|previous|preceding|past)\s+(?:fiscal(?:\s+year)?|financial\s+year)\b"
_FISCAL_WORDS = r"(?P<words>(?:the\s+)?(?:(?:financial|fiscal)\s+year|fiscal)\s+)"
_FISCAL_NUMBER = r"(?:financial|fiscal)\s+(?:year\s+)?(?P<fyw>(?:19|20)\d\d)(?![\d–/-])"  # "fiscal year 2024"
_YEAR = rf"(?:{_FISCAL_WORDS}?(?:{_SPLIT}|{_FY_SPLIT}|{_FY_NUMBER})|(?:the\s+)?{_RELATIVE}|{_FISCAL_NUMBER})"
FISCAL = rf"\b(?:{_PART}\s*(?:\(\s*)?(?:(?:of|in|for)\s+(?:the\s+)?)?)?{_YEAR}"


@lru_cache(maxsize=4096)
def fiscal_start(entity: str | None) -> int | None:
    """The month the fiscal year of the country `entity` names starts in ("India", "India's
    economy", "Reserve Bank of India": 4), or None."""
    words = _ENTITY_WORDS.findall(" ".join((entity or "").replace("’", "'").casefold().split()))
    starts = {FISCAL_STARTS[w] for w in words}
    return starts.pop() if len(starts) == 1 else None


def _first_year(m: re.Match[str], published: str | None, start: int | None) -> tuple[int | None, tuple[int, ...]]:
    """The calendar year the fiscal year starts in, and the start months it may have."""
    if m["y1"]:
        y1, y2 = int(m["y1"]), int(m["y1"]) // 100 * 100 + int(m["y2"])
        return (y1 if y2 == y1 + 1 else None), _POSSIBLE_STARTS
    if m["f1"]:
        f1, f2 = int(m["f1"]), int(m["f2"])
        return (2000 + f1 if f2 == (f1 + 1) % 100 else None), _POSSIBLE_STARTS
    if m["fy"] or m["fyw"]:
        ends = int(m["fyw"]) if m["fyw"] else int(m["fy"]) + (2000 if len(m["fy"]) == 2 else 0)
        return ends - 1, (1, *_POSSIBLE_STARTS)  # "FY2024" may also be the calendar year: it then starts in 2024
    if start is None or not published or len(published) < 7:
        return None, _POSSIBLE_STARTS
    year, month = int(published[:4]), int(published[5:7])
    current = year if month >= start else year - 1
    return current - (m["rel"].lower() not in ("current", "this")), _POSSIBLE_STARTS


def _months(m: re.Match[str], start: int | None) -> tuple[int, int] | None:
    """The first and last month of the part of the year named, or None (no part, or an unknown start)."""
    first, last = m["pm1"] or m["m1"], m["pm2"] or m["m2"]
    if first:
        return MONTHS[first.lower().rstrip(".")], MONTHS[last.lower().rstrip(".")]
    quarter = int(m["q"]) if m["q"] else ORDINALS[m["ord"].lower()] if m["ord"] else None
    if quarter is None or start is None:
        return None
    first = (start - 1 + 3 * (quarter - 1)) % 12 + 1
    return first, (first + 1) % 12 + 1


def place_fiscal(m: re.Match[str], published: str | None, start: int | None = None) -> tuple[str, str, str] | None:
    """The start, end and rule name of the fiscal phrase `m` (a match of `FISCAL`), with `start` the
    month the fiscal year starts in if known; None when it cannot be placed without a guess."""
    relative_unknown = m["rel"] and start is None
    y1, starts = _first_year(m, published, start)
    has_part = bool(m["pm1"] or m["m1"] or m["q"] or m["ord"])
    if not has_part:
        if m["fyw"] and start is None:  # "fiscal 2023" alone: its calendar year, as the year rule always read it
            return f"{m['fyw']}-01-01", f"{m['fyw']}-12-31", "year"
        if m["y1"] and not m["words"] and (start is None or y1 is None):
            return _year_range(int(m["y1"]), int(m["y2"]))  # "2022-23", "2019-21": the calendar years, as before
        if y1 is None or start is None:
            return None
        return (*month_span(y1, start, (start - 2) % 12 + 1, y1 + 1), "fiscal_year")
    months = _months(m, start)
    if months is None or (relative_unknown and not _current_months(m)):
        return None
    first, last = months
    if relative_unknown:  # "April-June of the current fiscal": the latest such months by publication
        if not published or len(published) < 7:
            return None
        year = int(published[:4]) - (first > int(published[5:7]))
    else:
        if y1 is None:
            return None
        years = {y1 + 1 if s == 1 else y1 + (first < s) for s in ((start,) if start else starts)}
        if len(years) != 1:
            return None
        year = years.pop()
    return (*month_span(year, first, last, year + (last < first)), "fiscal_quarter" if m["q"] or m["ord"] else "fiscal_months")


def _year_range(first: int, short: int) -> tuple[str, str, str] | None:
    last = first // 100 * 100 + short
    return (f"{first}-01-01", f"{last}-12-31", "year_range") if last > first else None


def _current_months(m: re.Match[str]) -> bool:
    """Months written out, of the fiscal year that holds the publication date."""
    return bool((m["pm1"] or m["m1"]) and m["rel"].lower() in ("current", "this"))
