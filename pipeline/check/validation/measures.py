"""Validation: measures of one dimension written in different units, brought to one unit.

A bridge of "1.6 miles" and one of "2.6 km", a tour of "21 months" and one of "over two years", a
wind of "120 mph" and one of "193 km/h" answer the same question. Each such fact's interval is
multiplied by its unit's size in the group's unit before the intervals are compared, so a figure
keeps the rounding it was written with ("1.6 miles" allows 1.55 to 1.65 miles, 2.49 to 2.66 km).
Units of no dimension in `schemas.units.MEASURE_DIMENSIONS` (counted things, money, percentages)
are never converted.
"""

from __future__ import annotations

from collections import Counter

from schemas.units import dimension_of, unit_size


def one_dimension(units: list[str]) -> bool:
    """Are these units, two or more of them, all of one dimension that converts (miles and kilometers)?"""
    dimensions = {dimension_of(u) for u in units}
    return len(set(units)) > 1 and len(dimensions) == 1 and None not in dimensions


def factors(units: list[str]) -> tuple[str, list[float]]:
    """The group's unit (the commonest) and, for each unit, how many of it one of that unit is."""
    target = Counter(units).most_common(1)[0][0]
    return target, [unit_size(u) / unit_size(target) for u in units]
