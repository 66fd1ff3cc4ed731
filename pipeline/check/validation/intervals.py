"""Validation: turn a value and its qualifier into the interval of values the source allows.

- exact: a round figure means ± half its last significant digit, half-open ("$24.5 billion" is
  [24.45, 24.55) billion; "3.1%" is [3.05, 3.15)%), so "2.4%" and "2.5%", each given to one
  decimal, are two different figures: their intervals touch but do not meet; a whole-number
  percentage is given to the unit ("40%" is [39.5, 40.5), so it differs from "38%");
- approximately: that, or ± 5%, whichever is wider;
- more_than / at_least: open upwards; less_than / at_most: open downwards (to 0 for amounts that
  cannot be negative); of a negative figure that a fall or loss signed (`of_size`), the hedge bounds
  its size: "a loss of more than $6 billion" is -6 billion or below, "fell less than 2%" is -2% to 0;
- range: from value to value_max, each with its rounding (two ranges of one figure are compared end
  by end, both ends to the finer one's rounding: `range_step`, `agreement.ranges_apart`);
- several: value to value_max when given, else 2–9 of the scale ("several billion" is 2–9 billion).
The qualifier words themselves ("a dozen", "millions") are parsed upstream into value and qualifier.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal

APPROXIMATE_SHARE = 0.05
TRUNCATED_DIGITS = 4


@dataclass(frozen=True)
class Interval:
    """The values a source allows; an open end excludes its bound (rounding is half-open)."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    @property
    def empty(self) -> bool:
        return self.low > self.high or (self.low == self.high and (self.low_open or self.high_open))

    def overlaps(self, other: Interval) -> bool:
        return common([self, other]) is not None

    def scaled(self, low_factor: float, high_factor: float) -> Interval:
        """Both ends multiplied by a conversion factor (a rate, or a span of rates)."""
        return Interval(self.low * low_factor, self.high * high_factor, self.low_open, self.high_open)

    def describe(self) -> str:
        if self.high == math.inf:
            return f"≥ {human(self.low)}"
        if self.low == -math.inf:
            return f"≤ {human(self.high)}"
        return f"{human(self.low)}–{human(self.high)}"


def precision(value: float, qualifier: str, to_the_unit: bool = False) -> str:
    """How precisely a source gave its figure: "to the nearest 0.1", "about (±5%)", "at least"."""
    if qualifier == "exact":
        return f"to the nearest {human(2 * half_step(value, to_the_unit))}"
    return {"approximately": "about (±5% or its rounding)", "more_than": "more than", "at_least": "at least",
            "less_than": "less than", "at_most": "at most"}.get(qualifier, qualifier)


def human(value: float) -> str:
    """A number as a reader writes it: 2.445e10 -> "24.45 billion", 1500000 -> "1.5 million"."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:,.5g} {word}"
    return f"{value:,.4f}".rstrip("0").rstrip(".") if abs(value) >= 0.01 or value == 0 else f"{value:.3g}"


def half_last_digit(value: float) -> float:
    """Half a unit of the last significant digit: 24.5e9 -> 0.05e9, 3.1 -> 0.05, 1e6 -> 0.5e6."""
    if value == 0:
        return 0.5
    exponent = Decimal(f"{abs(value):.12g}").normalize().as_tuple().exponent
    return 0.5 * 10.0 ** int(exponent)


def half_step(value: float, to_the_unit: bool = False) -> float:
    """The rounding a written figure allows: `half_last_digit`, but a whole number that `to_the_unit`
    marks is given to the unit (a percentage, "40%" is 39.5 to 40.5, not 35 to 45; a count of fewer
    than 100 things, `agreement.to_the_unit`): a source that rounds it to tens says "about 40%"."""
    if to_the_unit and value == int(value) and value != 0:
        return 0.5
    return half_last_digit(value)


def _shift(value: float, by: float) -> float:
    """value + by in decimal, so that 2.4 + 0.05 and 2.5 - 0.05 give the very same float."""
    return float(Decimal(f"{value:.12g}") + Decimal(f"{by:.12g}"))


def _written_scale(value: float) -> float:
    """The thousands-power a round figure is written in: 2e9 -> 1e9, 3e6 -> 1e6, 40 -> 1."""
    if value <= 0:
        return 1.0
    return 10.0 ** (3 * math.floor(math.log10(value) / 3))


@lru_cache(maxsize=65536)
def interval_for(value: float, qualifier: str, value_max: float | None = None, nonnegative: bool = True,
                 to_the_unit: bool = False, of_size: bool = False) -> Interval:
    """The interval of values a source allows when it writes `value` with `qualifier` (`to_the_unit`:
    a whole number is given to the unit, `half_step`; `of_size`: a negative value's hedge bounds its size)."""
    floor = 0.0 if nonnegative else -math.inf
    rounding = half_step(value, to_the_unit)
    if qualifier == "approximately":
        width = max(rounding, APPROXIMATE_SHARE * abs(value))
        return Interval(value - width, value + width)
    if of_size and value < 0 and qualifier in ("more_than", "at_least"):
        return Interval(-math.inf, value, high_open=qualifier == "more_than")
    if of_size and value < 0 and qualifier in ("less_than", "at_most"):
        return Interval(value, 0.0, low_open=qualifier == "less_than")
    if qualifier in ("more_than", "at_least"):
        return Interval(value, math.inf, low_open=qualifier == "more_than")
    if qualifier in ("less_than", "at_most"):
        return Interval(floor, value, high_open=qualifier == "less_than")
    if qualifier == "range" and value_max is not None:
        return Interval(_shift(value, -rounding), _shift(value_max, half_step(value_max, to_the_unit)), high_open=True)
    if qualifier == "several":
        if value_max is not None:
            return Interval(value, value_max)
        scale = _written_scale(value)
        return Interval(2 * scale, 9 * scale)
    return rounded(value, rounding)


def rounded(value: float, step: float) -> Interval:
    """The values that round to `value` with a half-step of `step` (half-open)."""
    return Interval(_shift(value, -step), _shift(value, step), high_open=True)


def range_step(low: float, high: float, to_the_unit: bool = False) -> float:
    """The rounding both ends of one range are given to, when two sources' ranges are compared end
    by end: the finer end's. In "from 110,000 to 400,000" the writer counts in ten thousands, so
    400,000 is 395,000 to 405,000, not 350,000 to 450,000 as it would be alone. (A range's own
    interval, tested for overlap with single figures, keeps each end's own rounding.)"""
    return min(half_step(low, to_the_unit), half_step(high, to_the_unit))


def cut_short(value: float, precise: float) -> bool:
    """Whether `value` is `precise` with its last digits dropped ("1.409 billion" for 1.40967
    billion): `precise` is given more finely, and truncating it at `value`'s last digit gives `value`.
    Only a figure of `TRUNCATED_DIGITS` significant digits or more is read so: a census total is cut
    short, but "1.6 million" for 1.66 million is a wrong figure (rounding gives 1.7)."""
    step = Decimal(f"{2 * half_last_digit(value):.12g}")
    fine = Decimal(f"{abs(precise):.12g}")
    digits = len(Decimal(f"{abs(value):.12g}").normalize().as_tuple().digits)
    if value == 0 or digits < TRUNCATED_DIGITS or (value < 0) != (precise < 0) \
            or half_last_digit(precise) >= half_last_digit(value):
        return False
    return (fine // step) * step == Decimal(f"{abs(value):.12g}")


def cut_short_allowed(value: float, qualifier: str, interval: Interval) -> Interval:
    """The interval of an exact figure widened away from zero by one unit of its last digit: the
    figure may be a finer one cut short ("$1.9 billion" for $1.95 billion)."""
    if qualifier != "exact" or value == 0:
        return interval
    unit = 2 * half_last_digit(value)
    if value > 0:
        return Interval(interval.low, _shift(interval.high, unit), interval.low_open, interval.high_open)
    return Interval(_shift(interval.low, -unit), interval.high, interval.low_open, interval.high_open)


def with_truncation(figures: list[tuple[float, str]], intervals: list[Interval]) -> list[Interval]:
    """Each exact figure that cuts a more precise exact figure of the list short (`cut_short`) also
    allows that truncation: its interval is widened upward by one unit of its last digit. Figures
    given at the same precision keep their half-open rounding ("24.5" and "24.6" still differ)."""
    out = list(intervals)
    for i, (value, qualifier) in enumerate(figures):
        if qualifier == "exact" and any(q == "exact" and cut_short(value, other) for other, q in figures):
            out[i] = cut_short_allowed(value, qualifier, out[i])  # away from zero: -1.409 cuts -1.40967 short too
    return out


def common(intervals: list[Interval]) -> Interval | None:
    """The values every interval allows, or None when two of them do not meet (an open end excludes its bound)."""
    low = max(i.low for i in intervals)
    high = min(i.high for i in intervals)
    low_open = any(i.low_open for i in intervals if i.low == low)
    high_open = any(i.high_open for i in intervals if i.high == high)
    meet = Interval(low, high, low_open, high_open)
    return None if meet.empty else meet


def describe_bounds(low: float | None, high: float | None) -> str:
    """An interval as text, or "not compared" when a member's value could not be put in the group's unit."""
    return "not compared" if low is None or high is None else Interval(low, high).describe()
