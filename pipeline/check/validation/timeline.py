"""Validation: time as a window, not a calendar bucket — levels, streaks and running counts.

- A level (a population, a turnout, a distance) is stated as of a reference day: its period's end,
  else its publication date. Levels are compared when their reference days lie within
  `LEVEL_WINDOW_DAYS` (90) of the first report of their window, whatever the calendar year; a
  streak counted in years, quarters or months gets a window of one such unit, and people missing,
  stranded or without power, whose number rises and falls by the day, a window of one day.
- A running count (a death toll, shells sent "since August") may grow between reports. It conflicts
  only when a report as of a time that is certainly later is certainly smaller than an earlier one.
  Reports whose times cannot be ordered — the same day without an hour, a month against a day in
  it — are not compared with each other: a toll rises within hours, and outlets publishing hours
  apart give different figures without either being wrong.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache

from ..periods import first_day, last_day
from .intervals import Interval, common, human

LEVEL_WINDOW_DAYS = 90
STREAK_WINDOW_DAYS = {"years": 366, "quarters": 92, "months": 31, "weeks": 7, "days": 1}
DAILY_WINDOW_DAYS = 0  # the same day only
AGE_WINDOW_DAYS = 14  # an age changes on a birthday: reports further apart may straddle one


def window_days(unit: str, daily: bool = False, age: bool = False) -> int:
    """How far apart two reports of a level may be and still describe one state of things; a level
    that changes by the day (`daily`: the missing, the people without power) only on the same day;
    a person's `age` within two weeks."""
    if age:
        return AGE_WINDOW_DAYS
    return DAILY_WINDOW_DAYS if daily else STREAK_WINDOW_DAYS.get(unit, LEVEL_WINDOW_DAYS)


def reference_day(period_end: str | None, published: str | None) -> date | None:
    """The day a level or count is stated for: its period's end, else its publication (the latest day it can mean)."""
    when = period_end or published
    return last_day(when[:10]) if when else None


def windows(days: Sequence[date], width: int) -> list[int]:
    """A window number for each day (given sorted): a window holds the days within `width` of its first."""
    numbers, current, opened = [], -1, None
    for day in days:
        if opened is None or (day - opened).days > width:
            current, opened = current + 1, day
        numbers.append(current)
    return numbers


def window_labels(voting: Sequence[date], width: int, days: Sequence[date]) -> list[str]:
    """A group label for each of `days` (sorted), from the windows the voting days make: "as of 2023" when
    the window is its year's only one, else "as of 2023-09-01..2023-10-15"; other days join the nearest window."""
    spans: dict[int, tuple[date, date]] = {}
    for day, n in zip(voting, windows(voting, width)):
        spans[n] = (spans.get(n, (day, day))[0], day)
    per_year: dict[int, int] = {}
    for first, _ in spans.values():
        per_year[first.year] = per_year.get(first.year, 0) + 1
    labels = {n: f"as of {first.year}" if first.year == last.year and per_year[first.year] == 1
              else f"as of {first.isoformat()}..{last.isoformat()}" for n, (first, last) in spans.items()}
    firsts = [spans[n][0] for n in range(len(spans))]
    def nearest(day: date) -> int:
        n = max(bisect_right(firsts, day) - 1, 0)
        return min((m for m in (n, n + 1) if m < len(spans)), key=lambda m: _distance(spans[m], day))
    return [labels[nearest(day)] for day in days]


def _distance(span: tuple[date, date], day: date) -> int:
    return 0 if span[0] <= day <= span[1] else min(abs((span[0] - day).days), abs((span[1] - day).days))


@dataclass(frozen=True)
class Stamp:
    """The instant a report speaks for, as the earliest and latest moment it can mean."""

    earliest: datetime
    latest: datetime
    label: str


@lru_cache(maxsize=65536)
def stamp(as_of: str | None) -> Stamp | None:
    """"2023-02-24" spans that day, "2023-02" the month, "2023-02-24T18:00" that moment."""
    if not as_of:
        return None
    if "T" in as_of:
        moment = datetime.fromisoformat(as_of[:19])
        return Stamp(moment, moment, as_of[:16])
    return Stamp(datetime.combine(first_day(as_of[:10]), time.min), datetime.combine(last_day(as_of[:10]), time.max), as_of[:10])


def same_instant_apart(reports: Sequence[tuple[Stamp, Interval, str]]) -> str | None:
    """Reports as of one exact moment (known to the minute) must meet."""
    at: dict[datetime, list[tuple[Stamp, Interval, str]]] = {}
    for report in reports:
        if report[0].earliest == report[0].latest:
            at.setdefault(report[0].earliest, []).append(report)
    for moment, same in at.items():
        if len(same) > 1 and common([r[1] for r in same]) is None:
            return f"reports as of {same[0][0].label} disagree: " + "; ".join(f"{r[2]}: {r[1].describe()}" for r in same)
    return None


def falling_count(reports: Sequence[tuple[Stamp, Interval, str]]) -> str | None:
    """Why a running count cannot hold: reports of one moment apart, or a certainly-later report below a
    certainly-earlier one; else None."""
    if apart := same_instant_apart(reports):
        return apart
    by_latest = sorted(reports, key=lambda r: r[0].latest)
    highest: tuple[Stamp, Interval, str] | None = None  # the earlier report with the highest floor so far
    cursor = 0
    for report in sorted(reports, key=lambda r: r[0].earliest):
        while cursor < len(by_latest) and by_latest[cursor][0].latest < report[0].earliest:
            earlier = by_latest[cursor]
            if highest is None or earlier[1].low > highest[1].low:
                highest = earlier
            cursor += 1
        if highest is not None and report[1].high < highest[1].low:
            return (f"{report[2]} as of {report[0].label} gives at most {human(report[1].high)}: smaller than one reported "
                    f"earlier, {highest[2]} as of {highest[0].label} (at least {human(highest[1].low)})")
    return None


def rising_summary(reports: Sequence[tuple[Stamp, Interval, str]]) -> str:
    """The reports in time order, for a running count that holds: "≥ 1,760 (2023-02-06) → 5,894 (2023-02-07)"."""
    ordered = sorted(reports, key=lambda r: (r[0].earliest, r[1].low))
    seen: list[str] = []
    for s, interval, _ in ordered:
        item = f"{interval.describe()} ({s.label})"
        if not seen or seen[-1] != item:
            seen.append(item)
    return " → ".join(seen[:12]) + (" → …" if len(seen) > 12 else "")
