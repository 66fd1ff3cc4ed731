"""Validation: measures of one dimension written in different units, brought to one unit.

A bridge of "1.6 miles" and one of "2.6 km", a tour of "21 months" and one of "over two years", a
wind of "120 mph" and one of "193 km/h" answer the same question. Each such fact's interval is
multiplied by its unit's size in the group's unit before the intervals are compared, so a figure
keeps the rounding it was written with ("1.6 miles" allows 1.55 to 1.65 miles, 2.49 to 2.66 km).
Units of no dimension listed here (counted things, money, percentages) are never converted.
"""

from __future__ import annotations

from collections import Counter

# The size of each unit in its dimension's base unit, in the units' contract spelling (plural,
# snake_case) and the short forms that reach facts.
_DIMENSIONS: dict[str, dict[str, float]] = {
    "length": {"meters": 1.0, "kilometers": 1000.0, "kms": 1000.0, "km": 1000.0, "miles": 1609.344,
               "feet": 0.3048, "inches": 0.0254, "yards": 0.9144, "centimeters": 0.01, "millimeters": 0.001},
    "speed": {"kilometers_per_hour": 1.0, "km/h": 1.0, "kph": 1.0, "miles_per_hour": 1.609344, "mph": 1.609344},
    "mass": {"kilograms": 1.0, "kg": 1.0, "tonnes": 1000.0, "lbs": 0.45359237},
    "time": {"days": 1.0, "weeks": 7.0, "months": 365.2425 / 12, "quarters": 365.2425 / 4, "years": 365.2425,
             "decades": 3652.425},
}
_DIMENSION_OF = {unit: name for name, units in _DIMENSIONS.items() for unit in units}


def _spelled(unit: str) -> str:
    return unit.strip().lower().replace(" ", "_")


def one_dimension(units: list[str]) -> bool:
    """Are these units, two or more of them, all of one dimension that converts (miles and kilometers)?"""
    dimensions = {_DIMENSION_OF.get(_spelled(u)) for u in units}
    return len(set(units)) > 1 and len(dimensions) == 1 and None not in dimensions


def factors(units: list[str]) -> tuple[str, list[float]]:
    """The group's unit (the commonest) and, for each unit, how many of it one of that unit is."""
    target = Counter(units).most_common(1)[0][0]
    sizes = _DIMENSIONS[_DIMENSION_OF[_spelled(target)]]
    return target, [sizes[_spelled(u)] / sizes[_spelled(target)] for u in units]
