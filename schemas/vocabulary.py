"""Schema: the metric vocabulary and the unit class each metric implies.

A metric names what is measured; its unit class says which units can measure it. A percentage
labelled `gdp_nominal` is a contradiction, and the extraction validators reject it.
"""

from __future__ import annotations

import re

from typing import Literal, get_args

from .units import base_unit, is_currency

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

# What each count metric can count: the head nouns (singular) of the things counted. A count
# whose own noun is none of these is not that metric ("thousands of hackers" are no defence
# workers; "a million shells" are shells transferred, not transfers). Casualties count anyone.
COUNTED: dict[str, frozenset[str]] = {
    "artillery_shells_transferred": frozenset({"shell", "round", "munition", "ammunition", "projectile"}),
    "missiles_transferred": frozenset({"missile", "rocket"}),
    "arms_transfers": frozenset({"weapon", "arm", "shipment", "transfer", "delivery", "consignment",
                                 "container", "gun", "rifle", "drone", "tank", "launcher", "system"}),
    "population": frozenset({"people", "person", "resident", "inhabitant", "citizen", "population", "soul"}),
    "defense_sector_workers": frozenset({"worker", "employee", "people", "person", "staff", "job", "personnel"}),
    "military_personnel": frozenset({"troop", "soldier", "personnel", "people", "person", "serviceman", "servicemen",
                                     "servicemember", "sailor", "marine", "fighter", "men", "officer", "conscript",
                                     "reservist", "mercenary", "force"}),
}


_SAME_IN_PLURAL = frozenset({"species", "series"})  # not "specy"


def counted_noun(unit: str | None) -> str | None:
    """The singular head noun of a count's unit ("artillery_shells" -> "shell"), or None."""
    if not unit:
        return None
    head = unit.lower().split("_")[-1]
    if head in _SAME_IN_PLURAL:
        return head
    if head.endswith("ies"):
        return head[:-3] + "y"
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


# `other` names that only say what kind of number it is or its unit, not what it measures
# ("other:percentage", "other:millions", "other:kilometer", "other:distance": 71 km to a city and
# 18.5 km deep are both distances):
# code reads a vocabulary metric from the number's words where it can (`metric_checks.metric_named`),
# and such a fact is never compared across sources, since nothing says what it measures.
KIND_NAMES = frozenset({
    "percentage", "percent", "percentage_change", "change", "rate", "amount", "amount_of_money", "money", "count",
    "number", "value", "figure", "quantity", "total", "items", "people", "persons", "time", "duration", "years",
    "half", "thousands", "millions", "billions", "units", "dollars", "usd", "euros", "kilometer", "kilometers",
    "km", "meters", "miles", "kilometres", "metres", "distance", "length", "height", "area", "size", "weight",
    "speed", "seconds", "minutes", "hours", "days", "weeks", "months", "thousand", "million", "billion",
    "trillion", "trillions", "yuan", "yen", "pounds", "currency", "currencies", "cash", "francs", "rupees", "pesos",
    "mm", "cm", "millimeters", "centimeters", "micrometers", "micrometer", "microns", "micron", "nanometers", "inches",
    "inch", "feet", "foot", "millimetres", "centimetres", "micrometres", "nanometres",
    "percentages", "percents", "counts", "numbers", "values", "figures", "quantities", "totals", "amounts",
    # a reading's kind, of any place or day: "other:temperature", "other:degrees_fahrenheit"
    "temperature", "temperatures", "degree", "degrees", "fahrenheit", "celsius",
    "tonnes", "tons", "kilograms", "kg", "liters", "litres", "gallons", "acres", "hectares",
})
# Words that, next to kind names, still say nothing of what is measured: "percentage_growth" could
# be the growth of anything.
_KIND_FILLERS = frozenset({"of", "in", "the", "a", "things", "item", "amount", "sum", "level",
                           "growth", "increase", "decrease", "decline", "rise", "fall", "drop", "gain"})


def is_unnamed(name: str | None) -> bool:
    """Does an `other` name say nothing of what is measured: a kind name, or the "unlabelled_<kind>"
    the pipeline gives a figure the model never named?"""
    return (name or "").lower().startswith("unlabelled") or is_kind_name(name)


def is_kind_name(name: str | None) -> bool:
    """Does an `other` name only say what kind of number it is: no name, one of `KIND_NAMES` (or its
    plural: "durations", "lengths"), or only such words and words of change ("amount_of_money",
    "millions_of_items", "percentage_growth")?"""
    words = {_singular(word) for word in (name or "").lower().split("_")} - {""}
    return not words or words <= KIND_NAMES | _KIND_FILLERS or len(words) == 1 and is_currency(next(iter(words)).upper())


def names_only_its_unit(name: str | None, unit: str | None) -> bool:
    """Does an `other` name only repeat the fact's unit ("balls" for 95 balls, "number_of_overs" for 7 overs)? It
    says what is counted but not which count of it: "off 95 balls" and "with 17 balls to spare" share the name."""
    words = {word.removesuffix("s") for word in (name or "").lower().split("_")} - {"", "number", "of", "the"}
    unit_words = {word.removesuffix("s") for word in re.split(r"[\s_]+", (unit or "").lower())} - {""}
    return bool(words) and words <= unit_words


def _singular(word: str) -> str:
    """`word` as `KIND_NAMES` holds it: as written when listed ("years", "items"), else without a plural "s"."""
    return word[:-1] if word not in KIND_NAMES and word.endswith("s") and word[:-1] in KIND_NAMES else word


DURATION_UNITS = frozenset({"years", "months", "weeks", "days", "quarters"})
PERCENT_UNITS = frozenset({"percent", "percentage_points", "basis_points"})


def unit_class(unit: str) -> UnitClass:
    """Classify a normalized unit string: percent, currency (an ISO code, or a money rate such as
    "USD per barrel", as the scanner classes it), duration, else count."""
    if unit in PERCENT_UNITS:
        return "percent"
    if unit in DURATION_UNITS:
        return "duration"
    money = base_unit(unit)
    if len(money) == 3 and money.isupper():
        return "currency"
    return "count"


PeriodKind = Literal["annual", "cumulative", "as_of"]

# How a metric relates to time, which decides what "the same period" means when sources are
# compared: an annual flow is compared year by year, a cumulative count by its start ("since
# August"), and a level or streak by the time it is stated for.
METRIC_PERIOD_KIND: dict[str, PeriodKind] = {
    **{m: "annual" for m in (
        "gdp_real_growth", "gdp_nominal", "gni_nominal", "gni_per_capita", "trade_volume",
        "trade_volume_growth", "exports", "exports_growth", "imports", "imports_growth",
        "industrial_output_growth", "manufacturing_growth", "construction_growth",
        "agriculture_growth", "inflation_rate")},
    **{m: "cumulative" for m in (
        "artillery_shells_transferred", "missiles_transferred", "arms_transfers",
        "arms_sales_revenue", "munitions_sales_value", "casualties")},
}


def period_kind(metric: str) -> PeriodKind:
    """Annual, cumulative, or (the default for levels, streaks and unknown metrics) as-of."""
    return METRIC_PERIOD_KIND.get(metric, "as_of")


# The percentages each metric can plausibly take; outside them a value has the wrong magnitude
# (a "590%" GDP growth rate is a misread 5.9%, or a share read as a rate).
PERCENT_RANGE: dict[str, tuple[float, float]] = {
    "gdp_real_growth": (-40.0, 40.0),
    "industrial_output_growth": (-60.0, 100.0),
    "manufacturing_growth": (-60.0, 100.0),
    "construction_growth": (-80.0, 150.0),
    "agriculture_growth": (-60.0, 100.0),
    "trade_volume_growth": (-100.0, 1000.0),
    "exports_growth": (-100.0, 1000.0),
    "imports_growth": (-100.0, 1000.0),
    "inflation_rate": (-30.0, 100000.0),
    "unemployment_rate": (0.0, 100.0),
}
GENERIC_PERCENT_RANGE = (-100.0, 10000.0)

# Pairs (level metric, growth metric) for the check previous × (1 + growth) ≈ current.
GROWTH_OF: dict[str, str] = {
    "trade_volume": "trade_volume_growth", "exports": "exports_growth", "imports": "imports_growth",
}
