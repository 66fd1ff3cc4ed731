"""Primitive (normalize stage): the month names and quarter ordinals that period phrases are read with,
and the ISO bounds of a run of months.

Shared by the period rules (`periods`) and the fiscal-year rules (`fiscal`): "Sept." and "September"
are both month 9, "final" and "last" both the fourth quarter.
"""

from __future__ import annotations

import calendar
from datetime import date

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4}


def month_group(name: str) -> str:
    """A regex group `name` matching any month name or abbreviation, with an optional stop."""
    return rf"(?P<{name}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


def month_span(year: int, first: int, last: int, year_end: int | None = None) -> tuple[str, str]:
    """The first day of month `first` of `year` and the last day of month `last` of `year_end`
    (`year` unless given: a fiscal year ends in the next calendar year), as ISO dates."""
    end_year = year if year_end is None else year_end
    return date(year, first, 1).isoformat(), date(end_year, last, calendar.monthrange(end_year, last)[1]).isoformat()
