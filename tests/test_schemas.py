"""The model-facing schema: validators that fix what is safe to fix and reask for the rest."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from pydantic import ValidationError

from pipeline.check.normalize import normalized_unit
from schemas.base import validation_context
from schemas.extraction import ExtractedFact, claims_a_fact
from schemas.facts import QuantFact
from schemas.units import canonical_unit, currency_names, shared_currency_names
from schemas.vocabulary import METRIC_UNIT_CLASS, METRICS, unit_class

ARTICLE = (
    "The total value is estimated to be several billion dollars, a significant amount for North Korea’s "
    "small economy (valued at just $24.5 billion).\n"
    "North Korea’s GDP grew 3.1% in 2023, according to central bank estimates.\n"
    "Trade volumes rose 74.6% in 2023 to $2.77 billion."
)
BASE = {
    "quote": "North Korea’s GDP grew 3.1% in 2023, according to central bank estimates.",
    "entity": "North Korea", "metric": "gdp_real_growth", "value": 3.1, "unit": "percent",
}
ECONOMY = dict(BASE, quote="small economy (valued at just $24.5 billion)", metric="gdp_nominal", value=24.5e9, unit="USD")


def check(**changes: Any) -> ExtractedFact:
    return ExtractedFact.model_validate({**BASE, **changes}, context={"article_text": ARTICLE})


@pytest.mark.parametrize("changes, message", [
    ({"unit": "shells"}, "choose a metric that fits the unit"),
    ({"metric": "gdp_nominal"}, "is measured in currency"),
    ({"unit": "XYZ", "metric": "other", "metric_label": "x"}, "not an ISO-4217 currency code"),
    ({"value": 5000.0, "metric": "other", "metric_label": "x",
      "quote": "North Korea’s GDP grew 3.1% in 2023"}, "not a plausible percentage"),
    ({"metric": "other"}, "set metric_label"),
    ({"quote": "North Korea's GDP grew 4.1% in 2023."}, "is not in the article"),
    ({"quote": "Trade volumes rose 74.6% in 2023 to $2.77 billion.", "metric": "trade_volume_growth", "value": 1.0},
     "value 1 is not a number in the quote"),
    ({"quote": "according to central bank estimates"}, "has no number"),
])
def test_errors_tell_the_model_what_to_fix(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        check(**changes)


@pytest.mark.parametrize("changes, field, expected", [
    ({}, "value", 3.1),
    ({"value": 1.0}, "value", 3.1),  # the quote's only quantity (2023 is a year)
    ({"value": -3.0}, "value", -3.1),  # the model's sign is kept
    ({"quote": "North Korea's GDP grew 3.1% in 2023"}, "quote", "North Korea's GDP grew 3.1% in 2023"),
    ({**ECONOMY, "value": 24.5}, "value", 24.5e9),
    ({**ECONOMY, "unit": "$"}, "unit", "USD"),
    ({**ECONOMY, "unit": "dollars"}, "unit", "USD"),
    ({"unit": "%"}, "unit", "percent"),
    ({"unit": "per cent"}, "unit", "percent"),
    ({"unit": "points"}, "unit", "percentage_points"),  # what a model means by it
])
def test_safe_fixes_are_applied_without_a_reask(changes: dict[str, Any], field: str, expected: Any) -> None:
    assert getattr(check(**changes), field) == expected


def test_without_an_article_only_the_shape_is_checked() -> None:
    fact = ExtractedFact.model_validate({**BASE, "quote": "not in any article", "value": 9.0})
    assert fact.value == 9.0


@pytest.mark.parametrize("raw, unit", [
    ("USD", "USD"), ("usd", "USD"), ("€", "EUR"), ("euro", "EUR"), ("KRW", "KRW"), ("won", "KRW"),
    ("Shells", "shells"), ("artillery shells", "artillery_shells"), ("percentage points", "percentage_points"),
    ("USD per year", "USD per year"), ("usd_per_barrel", "USD per barrel"), ("dollars per share", "USD per share"),
    ("BTC", "bitcoins"), ("Bitcoin", "bitcoins"), ("ETH", "ether"),  # tickers, no ISO codes: counted coins
    ("TEU", "teu"), ("TEUs", "teu"),  # containers, as the scanner writes them
])
def test_canonical_units(raw: str, unit: str) -> None:
    assert canonical_unit(raw) == unit


@pytest.mark.parametrize("raw, unit", [
    ("USD per year", "USD per year"), ("$ per barrel", "USD per barrel"),  # a money rate keeps its code
    ("kilometer per hour", "kilometers_per_hour"), ("shell", "shells"), ("EUR", "EUR"),
    ("points", "points"),  # the scanner's points of an index or a game; its percentage points say so
])
def test_normalized_units_keep_money_rates_and_pluralise_counted_nouns(raw: str, unit: str) -> None:
    assert normalized_unit(raw) == unit


@pytest.mark.parametrize("unit, cls", [
    ("USD", "currency"), ("USD per barrel", "currency"), ("EUR per month", "currency"), ("percent", "percent"),
    ("years", "duration"), ("shells", "count"), ("kilometers_per_hour", "count"), ("births per 1000_people", "count"),
])
def test_a_money_rate_is_in_the_currency_class_as_the_scanner_says(unit: str, cls: str) -> None:
    assert unit_class(unit) == cls


def test_a_currency_word_is_read_alone_only_when_one_current_currency_has_it() -> None:
    names, shared = currency_names(), shared_currency_names()
    assert names["lari"] == "GEL" and names["kyrgyz som"] == "KGS"
    assert "som" not in names and set(shared["som"]) == {"KGS", "UZS"}
    assert shared["manat"]["AZN"] == ("Azerbaijan",)
    assert not set(names) & set(shared)


def test_every_metric_but_other_has_a_unit_class() -> None:
    assert set(METRICS) - {"other"} == set(METRIC_UNIT_CLASS)


def test_required_metrics_are_in_the_vocabulary() -> None:
    required = """gdp_real_growth gdp_nominal gni_nominal gni_per_capita trade_volume trade_volume_growth exports
    exports_growth imports imports_growth industrial_output_growth manufacturing_growth construction_growth
    agriculture_growth artillery_shells_transferred arms_transfers arms_sales_revenue munitions_sales_value
    population defense_sector_workers consecutive_contraction_years""".split()
    assert set(required) <= set(METRICS)


def test_quantfact_carries_every_contract_field() -> None:
    contract = """fact_id article_id source url published entity metric metric_label value value_max unit qualifier
    period_start period_end period_text status attribution quote span prompt model run_id""".split()
    assert set(contract) <= set(QuantFact.model_fields)


@pytest.mark.parametrize("item, claims_a_number", [
    ({"quote": "Both sides deny them.", "value": 0}, False),
    ({"quote": "cited cooperation with Russia as one factor", "value": 1}, False),
    ({"quote": "the largest expansion since 2016", "value": 2016}, False),
    ({"quote": "the two powers have turned to one another", "value": 0}, False),
    ({"quote": "the two powers have turned to one another", "value": 2}, True),
    ({"quote": "output fell to 0 percent", "value": 0}, True),
    ({"quote": "GDP grew 3.1% in 2023", "value": 3.1}, True),
    ({"quote": "a million shells", "value": 1e6}, True),
])
def test_items_that_claim_no_number(item: dict[str, Any], claims_a_number: bool) -> None:
    assert claims_a_fact({"metric": "gdp_real_growth", **item}) is claims_a_number


def test_item_naming_no_measure_is_not_a_fact() -> None:
    assert not claims_a_fact({"quote": "a three-year downturn", "value": 3, "metric": "other", "unit": ""})
    assert claims_a_fact({"quote": "a three-year downturn", "value": 3, "metric": "other", "unit": "years"})


@pytest.mark.parametrize("changes, unit", [
    ({"unit": ""}, "percent"),
    ({**ECONOMY, "unit": ""}, "USD"),
    ({"quote": "Trade volumes rose 74.6% in 2023 to $2.77 billion.", "metric": "trade_volume", "value": 2.77e9, "unit": ""}, "USD"),
])
def test_empty_unit_is_filled_from_the_metric_and_quote(changes: dict[str, Any], unit: str) -> None:
    assert check(**changes).unit == unit


def test_empty_unit_without_a_clue_asks_the_model() -> None:
    with pytest.raises(ValidationError, match="unit is empty"):
        check(metric="other", metric_label="x", unit="")


def test_validation_context_reaches_validators_given_no_context() -> None:
    inside = {"article_text": ARTICLE}
    wrong = {**BASE, "quote": "North Korea's GDP grew 4.1% in 2023."}
    assert ExtractedFact.model_validate(wrong).value == 3.1  # no context: the article checks are skipped
    with validation_context(inside), pytest.raises(ValidationError, match="is not in the article"):
        ExtractedFact.model_validate(wrong)
    assert ExtractedFact.model_validate(wrong).value == 3.1  # and the context ends with the block


def test_each_task_sees_only_its_own_validation_context() -> None:
    """Concurrent model calls each validate against their own article."""
    async def validate_after_the_other_task_has_set_its_context(text: str, delay: float) -> str | None:
        with validation_context({"article_text": text}):
            await asyncio.sleep(delay)
            try:
                ExtractedFact.model_validate(BASE)
            except ValidationError as exc:
                return str(exc)
            return None

    async def both() -> list[str | None]:
        return list(await asyncio.gather(
            validate_after_the_other_task_has_set_its_context(ARTICLE, 0.02),
            validate_after_the_other_task_has_set_its_context("An article about something else.", 0.01),
        ))

    first, second = asyncio.run(both())
    assert first is None and second is not None and "is not in the article" in second
