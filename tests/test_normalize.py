"""Normalization: counted nouns, units, periods from words or quotes, money in US dollars."""

import pytest

from pipeline.check.normalize import count_noun, normalize_fact, parse_number
from schemas.facts import QuantFact


def fact(**changes) -> QuantFact:
    base = dict(fact_id="f1", article_id="a1", entity="North Korea", metric="gdp_nominal", value=22.6e9,
                unit="EUR", quote="worth just 22.6 billion euro in 2022", published="2024-01")
    return QuantFact(**(base | changes))


@pytest.mark.parametrize(("noun", "plural"), [
    ("shell", "shells"), ("shells", "shells"), ("person", "people"), ("people", "people"), ("battery", "batteries"),
    ("day", "days"), ("box", "boxes"), ("artillery shell", "artillery_shells"), ("staff", "staff"), ("tons", "tons"),
    ("kilometers per hour", "kilometers_per_hour"), ("mile per hour", "miles_per_hour"), ("barrels_per_day", "barrels_per_day"),
])
def test_counted_nouns_are_unified(noun, plural):
    assert count_noun(noun) == plural


@pytest.mark.parametrize(("text", "value"), [("22.6 billion", 22.6e9), ("a dozen", 12), ("1.5bn", 1.5e9), ("two million", 2e6)])
def test_numbers_with_scale_words(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_units_periods_and_dollars():
    out = normalize_fact(fact(unit="euro", period_text="in 2022"))
    assert (out.unit, out.period_start, out.period_end, out.period_rule) == ("EUR", "2022-01-01", "2022-12-31", "year")
    assert out.value_usd == pytest.approx(22.6e9 * 1.0666) and "2022-12-30" in out.fx_note


def test_period_from_the_quote_only_when_it_states_one():
    assert normalize_fact(fact(period_text=None)).period_rule == "quote:year"
    two = normalize_fact(fact(period_text=None, quote="22.6 billion euro in 2022, up from 2021's figure"))
    assert two.period_rule == "unresolved" and two.period_start is None


def test_undated_money_uses_the_publication_month():
    out = normalize_fact(fact(period_text=None, quote="valued at just 22.6 billion euro"))
    assert out.value_usd is not None and "2024-01" in out.fx_note


def test_unquoted_currency_is_marked_not_converted():
    out = normalize_fact(fact(unit="KPW", quote="22.6 billion won"))
    assert out.value_usd is None and "no ECB rate for KPW" in out.fx_note


def test_counts_and_already_resolved_periods_are_kept():
    given = fact(metric="artillery_shells_transferred", unit="shell", value=1e6, period_text="since August",
                 period_start="2023-08-01", period_end="2024-01", period_rule="since_month")
    out = normalize_fact(given)
    assert (out.unit, out.period_start, out.period_rule, out.value_usd) == ("shells", "2023-08-01", "since_month", None)


@pytest.mark.parametrize(("given", "rule", "start", "end"), [
    # bounds from another tool, corrected by hand, or from an older run: kept, never resolved again
    (dict(period_start="2020-01-01", period_end="2020-12-31", period_text="last year"), "given", "2020-01-01", "2020-12-31"),
    (dict(period_start="2023-10-01", period_end="2023-12-31", period_text=None, quote="grew 0.3%"), "given", "2023-10-01", "2023-12-31"),
    (dict(period_start="2022-01-01", period_end="2022-12-31", period_rule="unresolved"), "given", "2022-01-01", "2022-12-31"),
    (dict(period_end="2023-12-31", period_text=None), "given", None, "2023-12-31"),
    (dict(period_start="2023-08-01", period_end="2024-01", period_text="since August"), "given:since_month", "2023-08-01", "2024-01"),
])
def test_given_periods_are_data(given, rule, start, end):
    out = normalize_fact(fact(**given))
    assert (out.period_rule, out.period_start, out.period_end) == (rule, start, end)


def test_supplied_fields_are_kept():
    given = fact(entity="Germany", status="forecast", value_usd=24.0e9, fx_note="converted by the outlet", basis="annualized")
    out = normalize_fact(given)
    assert (out.entity, out.status, out.value_usd, out.fx_note, out.model_extra) == (
        "Germany", "forecast", 24.0e9, "converted by the outlet", {"basis": "annualized"})
