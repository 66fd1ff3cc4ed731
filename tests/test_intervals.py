"""Intervals from value and qualifier: every qualifier, rounding of round figures."""

import math

import pytest

from pipeline.check.validation.intervals import Interval, common, half_last_digit, human, interval_for

INF = math.inf


@pytest.mark.parametrize(("value", "half"), [
    (24.5e9, 0.05e9), (3.1, 0.05), (1e6, 0.5e6), (2.77e9, 0.005e9), (2770, 5), (2771, 0.5), (0.25, 0.005), (-4.5, 0.05), (0, 0.5),
])
def test_half_last_significant_digit(value, half):
    assert math.isclose(half_last_digit(value), half)


@pytest.mark.parametrize(("value", "qualifier", "value_max", "low", "high"), [
    (24.5e9, "exact", None, 24.45e9, 24.55e9),
    (3.1, "exact", None, 3.05, 3.15),
    (1e6, "approximately", None, 0.5e6, 1.5e6),  # rounding is wider than 5%
    (2.77e9, "approximately", None, 2.6315e9, 2.9085e9),  # 5% is wider than rounding
    (12, "approximately", None, 11.4, 12.6),  # "a dozen"
    (1e6, "more_than", None, 1e6, INF),
    (1e9, "at_least", None, 1e9, INF),
    (2e6, "at_least", None, 2e6, INF),  # "millions"
    (5, "less_than", None, 0, 5),
    (5, "at_most", None, 0, 5),
    (2, "range", 3, 1.5, 3.5),
    (2e9, "several", None, 2e9, 9e9),  # "several billion"
    (2e6, "several", 9e6, 2e6, 9e6),
    (2e9, "range", None, 1.5e9, 2.5e9),  # a range without its top is read as written
])
def test_every_qualifier(value, qualifier, value_max, low, high):
    got = interval_for(value, qualifier, value_max)
    assert math.isclose(got.low, low, rel_tol=1e-9, abs_tol=1e-9) and (got.high == high or math.isclose(got.high, high, rel_tol=1e-9))


def test_less_than_a_signed_quantity_is_open_downwards():
    assert interval_for(-2.0, "less_than", nonnegative=False) == Interval(-INF, -2.0, high_open=True)


def test_the_hedge_of_a_signed_fall_or_loss_bounds_its_size():
    """"A loss of more than $6 billion" (-6e9, more_than) is -6e9 or below; "fell less than 2%" is -2 to 0."""
    assert interval_for(-6e9, "more_than", nonnegative=False, of_size=True) == Interval(-INF, -6e9, high_open=True)
    assert interval_for(-2.0, "less_than", nonnegative=False, of_size=True) == Interval(-2.0, 0.0, low_open=True)
    assert interval_for(6e9, "more_than", of_size=True) == Interval(6e9, INF, low_open=True)  # a positive figure as written


def test_common_part():
    assert common([Interval(1, 5), Interval(3, 9), Interval(4, INF)]) == Interval(4, 5)
    assert common([Interval(1, 2), Interval(3, 4)]) is None


@pytest.mark.parametrize(("value", "text"), [(24.45e9, "24.45 billion"), (1.5e6, "1.5 million"), (500000, "500,000"), (3.15, "3.15"), (0.001, "0.001")])
def test_human_numbers(value, text):
    assert human(value) == text


@pytest.mark.parametrize(("a", "b", "meet"), [
    ((2.4, "exact"), (2.5, "exact"), False),  # adjacent at one decimal: two different figures
    ((72, "exact"), (71, "exact"), False),
    ((2.4, "exact"), (2.45, "exact"), True),  # 2.45 lies in [2.35, 2.45)? no, but [2.445, 2.455) meets it
    ((7, "exact"), (6.8, "exact"), True),  # different precisions: 6.8 lies in [6.5, 7.5)
    ((1e6, "more_than"), (1e6, "at_most"), False),  # (1e6, ∞) and [0, 1e6]
    ((1e6, "at_least"), (1e6, "at_most"), True),
    ((24.5e9, "exact"), (24.6e9, "exact"), False),
])
def test_rounding_intervals_are_half_open(a, b, meet):
    assert (common([interval_for(*a), interval_for(*b)]) is not None) is meet


@pytest.mark.parametrize(("value", "low", "high"), [
    (40.0, 39.5, 40.5),  # "40%": a rate rounded to tens is written "about 40%"
    (100.0, 99.5, 100.5),
    (3.1, 3.05, 3.15),
    (-20.0, -20.5, -19.5),
])
def test_a_whole_number_percentage_is_given_to_the_unit(value, low, high):
    got = interval_for(value, "exact", nonnegative=False, to_the_unit=True)
    assert math.isclose(got.low, low) and math.isclose(got.high, high)
    assert interval_for(40.0, "exact").low == 35.0  # not given to the unit (money, large counts): rounding to tens
    assert common([interval_for(40.0, "exact", to_the_unit=True), interval_for(38.0, "exact", to_the_unit=True)]) is None
