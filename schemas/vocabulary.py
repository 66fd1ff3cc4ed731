"""Schema: the metric vocabulary and the unit class each metric implies.

A metric names what is measured; its unit class says which units can measure it. A percentage
labelled `gdp_nominal` is a contradiction, and the extraction validators reject it.
"""

from __future__ import annotations

from typing import Literal, get_args

UnitClass = Literal["percent", "currency", "count", "duration"]

Metric = Literal[
    "gdp_real_growth",
    "gdp_nominal",
    "gni_nominal",
    "gni_per_capita",
    "trade_volume",
    "trade_volume_growth",
    "exports",
    "exports_growth",
    "imports",
    "imports_growth",
    "industrial_output_growth",
    "manufacturing_growth",
    "construction_growth",
    "agriculture_growth",
    "inflation_rate",
    "unemployment_rate",
    "artillery_shells_transferred",
    "missiles_transferred",
    "arms_transfers",
    "arms_sales_revenue",
    "munitions_sales_value",
    "weapon_unit_cost",
    "population",
    "defense_sector_workers",
    "military_personnel",
    "casualties",
    "consecutive_contraction_years",
    "other",
]

METRICS: tuple[str, ...] = get_args(Metric)

METRIC_UNIT_CLASS: dict[str, UnitClass] = {
    "gdp_real_growth": "percent",
    "gdp_nominal": "currency",
    "gni_nominal": "currency",
    "gni_per_capita": "currency",
    "trade_volume": "currency",
    "trade_volume_growth": "percent",
    "exports": "currency",
    "exports_growth": "percent",
    "imports": "currency",
    "imports_growth": "percent",
    "industrial_output_growth": "percent",
    "manufacturing_growth": "percent",
    "construction_growth": "percent",
    "agriculture_growth": "percent",
    "inflation_rate": "percent",
    "unemployment_rate": "percent",
    "artillery_shells_transferred": "count",
    "missiles_transferred": "count",
    "arms_transfers": "count",
    "arms_sales_revenue": "currency",
    "munitions_sales_value": "currency",
    "weapon_unit_cost": "currency",
    "population": "count",
    "defense_sector_workers": "count",
    "military_personnel": "count",
    "casualties": "count",
    "consecutive_contraction_years": "duration",
}

# The counted noun a count metric is measured in, used when the model leaves the unit empty.
COUNT_NOUNS: dict[str, str] = {
    "artillery_shells_transferred": "shells", "missiles_transferred": "missiles",
    "arms_transfers": "transfers", "population": "people", "defense_sector_workers": "workers",
    "military_personnel": "people", "casualties": "people",
}

DURATION_UNITS = frozenset({"years", "months", "weeks", "days", "quarters"})
PERCENT_UNITS = frozenset({"percent", "percentage_points"})


def unit_class(unit: str) -> UnitClass:
    """Classify a normalized unit string: percent, currency (ISO code), duration, else count."""
    if unit in PERCENT_UNITS:
        return "percent"
    if unit in DURATION_UNITS:
        return "duration"
    if len(unit) == 3 and unit.isupper():
        return "currency"
    return "count"
