"""Validation: per-fact checks, grouping, verdicts, FX candidates, cumulative counts, consistency."""

import itertools

import pytest

from pipeline.check.normalize import normalize
from pipeline.check.validation import validate
from pipeline.check.validation.checks import check_dates, check_units
from pipeline.check.validation.grouping import entity_key, group_facts
from schemas.facts import QuantFact

_ids = itertools.count()


def fact(**changes) -> QuantFact:
    base = dict(fact_id=f"f{next(_ids)}", article_id="a1", source="Outlet A", entity="North Korea",
                metric="gdp_real_growth", value=3.1, unit="percent", quote="q", published="2024-07", period_text="in 2023")
    return QuantFact(**(base | changes))


def verdicts(facts):
    return {g.key: g.verdict for g in validate(facts).groups}


@pytest.mark.parametrize(("unit", "value", "metric", "message"), [
    ("shells", -5, "artillery_shells_transferred", "cannot be negative"),
    ("percent", 590, "gdp_real_growth", "wrong magnitude"),
    ("percent", 590, "manufacturing_growth", "wrong magnitude"),
    ("percent", -120, "exports_growth", "wrong magnitude"),
    ("percent", 5, "gdp_nominal", "measured in currency"),
    ("USD", 5e9, "gdp_real_growth", "measured in percent"),
])
def test_unit_checks_find(unit, value, metric, message):
    findings = check_units(fact(unit=unit, value=value, metric=metric))
    assert [f.severity for f in findings] == ["error"] and message in findings[0].message


@pytest.mark.parametrize(("unit", "value", "metric"), [
    ("percent", 74.6, "trade_volume_growth"), ("percent", -4.5, "gdp_real_growth"), ("shells", 1e6, "artillery_shells_transferred"),
    ("USD", 24.5e9, "gdp_nominal"), ("percent", 45, "other"),
])
def test_unit_checks_pass(unit, value, metric):
    assert check_units(fact(unit=unit, value=value, metric=metric)) == []


def test_a_count_may_be_negative_only_when_its_name_says_it_is_a_change():
    fall = fact(unit="people", value=-2.08e6, metric="other", metric_label="population_change")
    level = fact(unit="people", value=-2e7, metric="other", metric_label="people affected")
    assert check_units(fall) == [] and "cannot be negative" in check_units(level)[0].message


@pytest.mark.parametrize(("start", "end", "status", "published", "needle"), [
    ("2024-01-01", "2024-12-31", "actual", "2024-01", "after publication"),
    ("2019-01-01", "2019-12-31", "forecast", "2024-07", "ended"),
    ("2023-12-01", "2023-01-31", "actual", "2024-07", "before it starts"),
])
def test_date_checks_find(start, end, status, published, needle):
    findings = check_dates(fact(period_start=start, period_end=end, status=status, published=published))
    assert len(findings) == 1 and needle in findings[0].message


def test_an_amount_set_for_a_running_year_or_a_later_term_is_a_warning_a_measured_flow_an_error():
    prize = dict(metric="other", metric_label="prize_money", unit="GBP", value=2.7e6, period_start="2024-01-01",
                 period_end="2024-12-31", status="actual", published="2024-06-13")
    assert [(f.severity, "an amount set for it" in f.message) for f in check_dates(fact(**prize))] == [("warning", True)]
    contract = prize | {"metric_label": "contract_value", "period_start": "2025-01-01", "period_end": "2034-12-31"}
    assert [f.severity for f in check_dates(fact(**contract))] == ["warning"]  # agreed now, for a later term
    growth = check_dates(fact(period_start="2024-01-01", period_end="2024-12-31", status="actual", published="2024-06-13"))
    visitors = check_dates(fact(**(contract | {"metric_label": "visitors", "unit": "people"})))
    assert [f.severity for f in growth] == [f.severity for f in visitors] == ["error"]  # counted before it happened


@pytest.mark.parametrize(("start", "end", "status", "published"), [
    ("2023-01-01", "2023-12-31", "actual", "2024-07"), ("2024-01-01", "2024-12-31", "forecast", "2024-01"),
    ("2023-01-01", "2023-12-31", "forecast", "2024-01"), (None, None, "actual", "2024-07"), ("2023-01-01", "2023-12-31", "actual", None),
])
def test_date_checks_pass(start, end, status, published):
    assert check_dates(fact(period_start=start, period_end=end, status=status, published=published)) == []


@pytest.mark.parametrize(("written", "key"), [
    ("North Korea", "north korea"), ("the DPRK", "north korea"), ("  NORTH   korea ", "north korea"), ("U.S.", "united states"),
    ("Xóchitl Gálvez", "xochitl galvez"), ("Xochitl Galvez", "xochitl galvez"), ("unknown", None), ("", None),
    ("Quillon Inc (NASDAQ: QLN)", "quillon"), ("Harrow Freight Holdings Limited", "harrow freight"),
    ("Stannet Corp.", "stannet"), ("U.K. Mint Co", "uk mint"), ("Shiv Sena (UBT)", "shiv sena (ubt)"), ("Co", "co"),
])
def test_entities_fold_case_and_aliases(written, key):
    assert entity_key(written) == key


def test_years_never_mix_and_cumulative_meets_only_cumulative():
    facts = [
        fact(article_id="a1", period_text="in 2016", value=3.9), fact(article_id="a2", period_text="in 2022", value=-0.2),
        fact(article_id="a1", metric="artillery_shells_transferred", unit="shells", value=1e6, qualifier="more_than", period_text="since August", published="2024-01"),
        fact(article_id="a2", metric="artillery_shells_transferred", unit="shells", value=5e5, period_text="in 2023", published="2024-01"),
    ]
    keys = sorted(g.key for g in group_facts(normalize(facts)))
    assert keys == ["north korea | artillery_shells_transferred | 2023", "north korea | artillery_shells_transferred | since 2023-08",
                    "north korea | gdp_real_growth | 2016", "north korea | gdp_real_growth | 2022"]


def test_unknown_entities_and_unlabelled_metrics_are_not_grouped():
    facts = [fact(entity="unknown"), fact(metric="other", metric_label="unlabelled_percent"), fact(metric="other")]
    assert validate(facts).groups == []


def test_other_metrics_that_name_only_a_kind_of_number_are_never_compared():
    kinds = [fact(metric="other", metric_label="percentage", value=409.0, article_id=f"a{n}") for n in range(2)]
    kinds[1] = kinds[1].model_copy(update={"value": 56.0, "fact_id": "f_other"})
    named = [f.model_copy(update={"metric_label": "revenue_growth"}) for f in kinds]
    assert validate(kinds).groups == []
    assert [g.verdict for g in validate(named).groups] == ["conflict"]


@pytest.mark.parametrize(("second", "verdict"), [
    (dict(value=3.1), "agree"),
    (dict(value=3.14), "agree"),  # 3.1 means 3.05-3.15
    (dict(value=3.0, qualifier="approximately"), "agree"),
    (dict(value=4.9), "conflict"),
    (dict(value=3.1, unit="percentage_points"), "incomparable"),
    (dict(value=3.1, article_id="a1"), "single_source"),
])
def test_verdicts(second, verdict):
    facts = [fact(article_id="a1"), fact(**({"article_id": "a2", "source": "Outlet B"} | second))]
    assert verdicts(facts) == {"north korea | gdp_real_growth | 2023": verdict}


def test_conflict_gives_a_finding_with_both_quotes_in_the_group():
    report = validate([fact(article_id="a1", quote="grew 3.1%"), fact(article_id="a2", value=4.9, quote="grew 4.9%")])
    group = report.groups[0]
    assert group.verdict == "conflict" and [m.quote for m in group.members] == ["grew 3.1%", "grew 4.9%"]
    assert [(round(m.low, 6), round(m.high, 6)) for m in group.members] == [(3.05, 3.15), (4.85, 4.95)]
    assert [f.check for f in report.findings] == ["agreement"] and set(report.findings[0].fact_ids) == set(group.fact_ids)


def money(**changes):
    return fact(**(dict(metric="gdp_nominal", period_text="in 2022") | changes))


@pytest.mark.parametrize(("usd_value", "fits"), [
    (24.5e9, "1.079–1.089"),  # a rate of early 2022 or January 2024 reconciles it
    (23.8e9, "1.049–1.058"),  # 23.75–23.85 over 22.55–22.65: near the 2022 average
    (21.7e9, "0.9565–0.9645"),  # only the lows of autumn 2022 (the span starts at 0.9565)
])
def test_money_is_judged_over_the_span_of_rates_from_period_to_publication(usd_value, fits):
    facts = [money(article_id="a1", value=22.6e9, unit="EUR", published="2024-01"),
             money(article_id="a2", source="Outlet B", value=usd_value, unit="USD", published="2024-01")]
    group = validate(facts).groups[0]
    assert group.verdict == "agree" and group.unit == "USD"
    assert group.rate_range.startswith("EUR→USD 0.9565–1.146 (ECB") and "2022-01-01 to 2024-01-31" in group.rate_range
    assert group.rate.startswith(f"EUR→USD {fits} fits")


def test_money_no_rate_reconciles_is_a_conflict_and_no_rate_at_all_is_incomparable():
    conflict = validate([money(article_id="a1", value=22.6e9, unit="EUR"), money(article_id="a2", value=27.5e9, unit="USD")])
    assert conflict.groups[0].verdict == "conflict" and "EUR→USD 0.9565–1.146" in conflict.groups[0].rate_range
    kpw = validate([money(article_id="a1", value=22.6e9, unit="KPW"), money(article_id="a2", value=30e9, unit="USD")])
    assert kpw.groups[0].verdict == "incomparable" and "KPW" in kpw.groups[0].detail


def test_a_country_amount_in_a_foreign_currency_is_a_conversion():
    """Germany's GDP in dollars was converted from euros at the writer's rate: $4.4tn and $4.5tn agree."""
    facts = [money(entity="Germany", article_id=f"a{i}", source=f"Outlet {i}", value=v, unit="USD", period_text="in 2023",
                   published="2024-02-15") for i, v in enumerate((4.4e12, 4.5e12, 4.46e12))]
    group = validate(facts).groups[0]
    assert (group.verdict, group.unit) == ("agree", "EUR") and group.rate_range.startswith("USD→EUR")


def test_undated_annual_figure_takes_the_latest_year_published_by_then():
    dated_2022 = money(article_id="a1", value=22.6e9, unit="EUR", published="2024-01")
    dated_2023 = money(article_id="a3", value=30e9, unit="USD", period_text="in 2023", published="2024-07")  # not out yet in January
    undated = money(article_id="a2", value=24.5e9, unit="USD", period_text=None, quote="valued at $24.5 billion", published="2024-01")
    groups = {g.period: g for g in validate([dated_2022, dated_2023, undated]).groups}
    assert undated.fact_id in groups["2022"].fact_ids and groups["2022"].verdict == "agree"
    assert "latest annual figure available" in groups["2022"].assumptions[0]
    inconsistent = undated.model_copy(update={"value": 40e9, "fact_id": "u2"})
    groups = {g.period: g for g in validate([dated_2022, dated_2023, inconsistent]).groups}
    assert groups["2022"].verdict == "single_source" and [e.fact_id for e in groups["2022"].excluded] == ["u2"]
    assert "undated" in groups["2022"].excluded[0].reason


def shells(article_id, value, qualifier, published, period_text="since August"):
    return fact(article_id=article_id, metric="artillery_shells_transferred", unit="shells", value=value,
                qualifier=qualifier, published=published, period_text=period_text)


def test_cumulative_counts_may_grow_but_never_shrink():
    growing = [shells("a1", 5e5, "approximately", "2023-10"), shells("a2", 1e6, "more_than", "2024-01")]
    assert verdicts(growing) == {"north korea | artillery_shells_transferred | since 2023-08": "agree"}
    shrinking = [shells("a1", 1e6, "more_than", "2023-10"), shells("a2", 3e5, "exact", "2023-12")]
    report = validate(shrinking)
    assert report.groups[0].verdict == "conflict" and "smaller than one reported" in report.groups[0].detail


def test_one_article_with_values_that_cannot_all_hold():
    report = validate([fact(value=3.1), fact(value=4.9, metric="gdp_real_growth")])
    assert report.groups[0].verdict == "single_source"
    assert any(f.check == "consistency" and "cannot all hold" in f.message for f in report.findings)


def test_exports_plus_imports_and_growth_consistency():
    year = dict(metric="trade_volume", unit="USD", period_text="in 2023")
    facts = [fact(**year | dict(value=2.77e9)), fact(**year | dict(metric="exports", value=0.31e9)),
             fact(**year | dict(metric="imports", value=2.03e9)),
             fact(**year | dict(period_text="in 2022", value=1.59e9)),
             fact(metric="trade_volume_growth", value=50.0, period_text="in 2023")]
    messages = [f.message for f in validate(facts).findings if f.check == "consistency"]
    assert any("exports + imports" in m for m in messages) and any("× (1 + 2023 growth)" in m for m in messages)
    facts[2] = fact(**year | dict(metric="imports", value=2.46e9))
    facts[4] = fact(metric="trade_volume_growth", value=74.6, period_text="in 2023")
    assert [f for f in validate(facts).findings if f.check == "consistency"] == []


def test_a_new_article_is_checked_against_the_facts_already_stored(tmp_path):
    from pipeline.run.runner import validate_against_store
    from pipeline.store.fact_store import Store
    from schemas.facts import ArticleFacts

    earlier = fact(article_id="a1", value=3.1, prompt="p@1", model="m")
    new = fact(article_id="a2", value=4.9, prompt="p@1", model="m")
    unrelated = fact(article_id="a3", value=1.0, period_text="in 2019", prompt="p@1", model="m")
    with Store(tmp_path / "s.db") as store:
        for f in (earlier, new, unrelated):
            store.save_result(ArticleFacts(article_id=f.article_id, facts=[f], prompt="p@1", model="m"), run_id="r1")
        report = validate_against_store(store.facts(None, "p@1", "m"), store.facts(["a2"]))
    assert [(g.verdict, sorted(g.fact_ids)) for g in report.groups] == [("conflict", sorted([earlier.fact_id, new.fact_id]))]
    assert [f.check for f in report.findings] == ["agreement"]


def test_counts_of_one_thing_with_a_longer_noun_are_compared():
    facts = [shells("a1", 1e6, "more_than", "2024-01"),
             fact(article_id="a2", metric="artillery_shells_transferred", unit="artillery_shells", value=1e6,
                  qualifier="approximately", published="2024-01", period_text="since August")]
    assert verdicts(facts) == {"north korea | artillery_shells_transferred | since 2023-08": "agree"}


def test_counts_of_different_things_are_incomparable():
    facts = [shells("a1", 2, "exact", "2024-01", period_text=None),
             fact(article_id="a2", metric="artillery_shells_transferred", unit="sides", value=2, published="2024-01", period_text=None)]
    group = validate(facts).groups[0]
    assert group.verdict == "incomparable" and "counts of different things" in group.detail


@pytest.mark.parametrize("units", [("USD per year", "USD per month"), ("USD", "USD per year")])
def test_money_per_different_things_is_incomparable(units):
    facts = [fact(article_id=f"a{n}", source=f"Outlet {n}", entity="Acme machinists", metric="other",
                  metric_label="average_salary", unit=unit, value=value, period_text="in 2023")
             for n, (unit, value) in enumerate(zip(units, (75608, 6300)))]
    group = validate(facts).groups[0]
    assert group.verdict == "incomparable" and "money per different things" in group.detail


def test_a_money_rate_is_money_and_is_compared_with_the_same_rate():
    facts = [fact(article_id=f"a{n}", source=f"Outlet {n}", entity="Brent crude", metric="other", metric_label="oil_price",
                  unit="USD per barrel", value=value, period_text="in 2023") for n, value in enumerate((82.0, 91.5))]
    assert check_units(facts[0]) == []
    assert verdicts(facts) == {"brent crude | other:oil_price | 2023": "conflict"}


def measure(article_id, value, unit, **changes):
    return fact(**(dict(article_id=article_id, source=f"Outlet {article_id}", entity="Harbour Bridge", metric="other",
                        metric_label="bridge_length", value=value, unit=unit, period_text=None, published="2024-03-27")
                   | changes))


@pytest.mark.parametrize(("other", "verdict"), [
    ((2.6, "kilometers"), "agree"),  # 1.6 miles is 2.49 to 2.66 km
    ((3.1, "kilometers"), "conflict"),
    ((8450, "feet"), "agree"),  # 1.6 miles is 8,184 to 8,712 feet
    ((2.6, "kilometres"), "agree"),  # the British spelling is the same unit
])
def test_lengths_in_miles_kilometers_and_feet_are_compared_in_one_unit(other, verdict):
    group = validate([measure("a1", 1.6, "miles"), measure("a2", *other), measure("a3", 1.6, "miles")]).groups[0]
    assert group.verdict == verdict and group.unit == "miles"


def test_durations_in_months_and_years_are_compared_and_a_month_apart_conflicts():
    tour = dict(entity="Eras Tour", metric_label="tour_duration")
    agree = validate([measure("a1", 21, "months", **tour), measure("a2", 2, "years", qualifier="approximately", **tour)])
    apart = validate([measure("a1", 21, "months", **tour), measure("a2", 22, "months", **tour), measure("a3", 2, "years", **tour)])
    assert agree.groups[0].verdict == "agree" and apart.groups[0].verdict == "conflict"


def test_hours_and_days_are_compared_in_one_unit():
    fire = dict(entity="Warehouse fire", metric_label="fire_duration")
    assert validate([measure("a1", 36, "hours", **fire), measure("a2", 1.5, "days", **fire)]).groups[0].verdict == "agree"
    assert validate([measure("a1", 30, "hours", **fire), measure("a2", 2, "days", **fire)]).groups[0].verdict == "conflict"


@pytest.mark.parametrize(("facts", "verdict"), [
    ([dict(value=7.2, attribution="Central Weather Administration"), dict(value=7.4, attribution="US Geological Survey")],
     "incomparable"),
    ([dict(value=7.2), dict(value=7.4)], "incomparable"),  # no agency named: either may be right
    ([dict(value=7.2, attribution="US Geological Survey"), dict(value=7.4, attribution="the US Geological Survey")],
     "conflict"),  # one agency, two figures
])
def test_a_quakes_magnitude_conflicts_only_within_one_seismic_agency(facts, verdict):
    quake = dict(entity="Hualien earthquake", metric_label="earthquake_magnitude", unit="magnitude")
    group = validate([measure(f"a{n}", **(quake | f)) for n, f in enumerate(facts)]).groups[0]
    assert group.verdict == verdict


@pytest.mark.parametrize(("first", "second", "verdict"), [
    ([12, 757], 757, "incomparable"),  # World Cup goals and career goals under one name: the name covers two things
    ([757, 757], 757, "agree"),
    ([38, 40], 38, "conflict"),  # close: one thing told two ways, and the 40 still votes against the other outlet's 38
    ([65.5e9, 65.46e12], 65.46e12, "conflict"),  # a scale slip is no other thing
])
def test_an_article_whose_own_figures_lie_far_apart_does_not_vote(first, second, verdict):
    goals = dict(entity="Pele", metric_label="goals", unit="goals")
    facts = [measure("a1", value, **goals) for value in first] + [measure("a2", second, **goals)]
    assert validate(facts).groups[0].verdict == verdict


@pytest.mark.parametrize(("label", "values", "verdict"), [
    ("balls", (95, 17), "incomparable"),  # "off 95 balls" and "17 balls to spare": which count of balls, the name never says
    ("number_of_balls", (95, 3), "incomparable"),
    ("balls", (95, 90), "conflict"),  # close: one count told two ways
    ("balls", (95, 55), "incomparable"),  # 1.7 times apart is already two counts (583 points in all, 340 from juries)
    ("balls", (95, 76), "conflict"),  # 1.25 times apart: one count told two ways (160 ships waiting against 128)
    ("balls", (95, 950), "conflict"),  # a scale slip is no other thing
    ("balls_faced", (95, 17), "conflict"),  # the name says which count
])
def test_figures_far_apart_named_only_by_their_unit_are_incomparable(label, values, verdict):
    balls = dict(entity="Travis Head", metric_label=label, unit="balls")
    assert validate([measure(f"a{n}", value, **balls) for n, value in enumerate(values)]).groups[0].verdict == verdict


@pytest.mark.parametrize(("first", "second", "verdict"), [
    ([24, 21], [24, 21], "incomparable"),  # each outlet gives both: two things under one name (aboard, rescued earlier)
    ([24, 21], [21, 24, 24], "incomparable"),
    ([24, 21], [24], "conflict"),  # the second outlet gives only one; the first's 21 still votes against it
    ([24, 21], [24, 19], "conflict"),  # the 19 meets neither of the first outlet's figures
])
def test_figures_every_outlet_gives_alike_are_two_things_not_a_conflict(first, second, verdict):
    crew = dict(entity="MSC Elsa 3 crew", metric_label="crew_members", unit="crew_members")
    facts = [measure("a1", value, **crew) for value in first] + [measure("a2", value, **crew) for value in second]
    assert validate(facts).groups[0].verdict == verdict


def test_a_part_and_its_whole_in_one_article_make_no_conflict():
    quote = "Four of the seven crew members on board were killed."
    crew = dict(entity="Ferry crew", metric_label="crew_aboard", unit="crew_members", quote=quote, span=(100, 100 + len(quote)))
    part = measure("a1", 4, mention_span=(100, 104), **crew)
    whole = measure("a1", 7, mention_span=(100 + quote.index("seven"), 100 + quote.index("seven") + 5), **crew)
    elsewhere = measure("a2", 4, **(crew | dict(quote="It killed four crew members.", span=(0, 28))))
    assert validate([part, whole, elsewhere]).groups[0].verdict == "incomparable"
    assert validate([whole, measure("a2", 4, **(crew | dict(quote="Four crew members were aboard.", span=(0, 30))))]
                    ).groups[0].verdict == "conflict"  # with no part written before it, 7 against 4 is a conflict


def test_a_count_of_the_missing_is_compared_on_its_day_only():
    missing = dict(entity="Harbour Bridge collapse", metric_label="missing", unit="people")
    wednesday = [measure("a1", 6, **missing, published="2024-03-27"), measure("a2", 6, **missing, published="2024-03-27")]
    sunday = measure("a3", 4, **missing, published="2024-03-31")
    vague = measure("a4", 5, **missing, published="2024-03")
    groups = {g.key: g.verdict for g in validate([*wednesday, sunday, vague]).groups}
    assert groups == {"harbour bridge collapse | other:missing | as of 2024-03-27..2024-03-27": "agree",
                      "harbour bridge collapse | other:missing | as of 2024-03-31..2024-03-31": "single_source",
                      "harbour bridge collapse | other:missing | as of 2024-03 (no day)": "single_source"}
    same_day = validate([*wednesday, measure("a3", 4, **missing, published="2024-03-27")]).groups[0]
    assert same_day.verdict == "conflict"


def test_an_amount_converted_from_another_currency_may_be_cut_short():
    fine = dict(entity="Apple", metric="other", metric_label="antitrust_fine", period_text="on Monday", published="2024-03-04")
    eur = [fact(article_id=a, source=f"Outlet {a}", value=1.84e9, unit="EUR", **fine) for a in ("a1", "a2")]
    usd = fact(article_id="a3", source="Outlet C", value=1.9e9, unit="USD", **fine)  # €1.84bn was $1.99bn that day
    assert validate([*eur, usd]).groups[0].verdict == "agree"
    assert validate([*eur, fact(article_id="a4", value=2.2e9, unit="USD", **fine)]).groups[0].verdict == "conflict"


def crash_deaths(article_id, value, period_text, published="2024-12-30"):
    return fact(article_id=article_id, source=f"Outlet {article_id}", entity="Korean Air crash in Guam", metric="other",
                metric_label="deaths", unit="people", value=value, published=published, period_text=period_text)


def test_a_past_event_s_final_toll_is_that_year_s_figure_whatever_part_of_the_year_is_named():
    facts = [crash_deaths("a1", 228, "in August 1997"), crash_deaths("a2", 229, "in 1997")]
    assert verdicts(facts) == {"korean air crash in guam | other:deaths | 1997": "conflict"}


def test_a_recent_toll_stated_for_a_month_is_still_a_running_count():
    facts = [crash_deaths("a1", 150, "in December", published="2024-12-30"),
             crash_deaths("a2", 179, "in December", published="2024-12-31")]
    assert list(verdicts(facts)) == ["korean air crash in guam | other:deaths | since 2024-12"]


def reading(article_id, value, period_text, published="2024-05-29", **changes):
    """A station's maximum temperature, hand-written in the style of heatwave reports."""
    return fact(**(dict(article_id=article_id, source=f"Outlet {article_id}", entity="Palam", metric="other",
                        metric_label="max_temperature", value=value, unit="degrees_celsius", period_text=period_text,
                        published=published) | changes))


def test_levels_stated_for_two_named_days_meet_only_their_own_day():
    facts = [reading("a1", 47.4, "on Tuesday"), reading("a2", 47.4, "yesterday"), reading("a3", 49.1, "on Wednesday"),
             reading("a4", 49.1, "today"), reading("a5", 48.0, None)]
    assert verdicts(facts) == {"palam | other:max_temperature | on 2024-05-28": "agree",
                               "palam | other:max_temperature | on 2024-05-29": "agree",
                               "palam | other:max_temperature | as of 2024": "single_source"}
    one_day = [reading("a1", 20, "early Tuesday", metric_label="workers_on_site", unit="people"),
               reading("a2", 8, None, metric_label="workers_on_site", unit="people")]
    assert list(verdicts(one_day).values()) == ["conflict"]  # one named day says nothing against an undated report


def test_a_level_a_change_started_from_is_another_question():
    quote = "Revenue fell 1% to $12.8 billion from $12.9 billion."
    now = [fact(article_id=a, source=f"Outlet {a}", entity="Intel", metric="other", metric_label="revenue",
                value=12.8e9, unit="USD", quote=quote, period_text="in the second quarter") for a in ("a1", "a2")]
    before = fact(article_id="a3", source="Outlet a3", entity="Intel", metric="other", metric_label="revenue",
                  value=12.9e9, unit="USD", quote="from $12.9 billion", period_text="in the second quarter")
    assert sorted(verdicts([*now, before]).values()) == ["agree", "single_source"]


def test_a_figure_of_an_earlier_unplaced_time_is_never_compared():
    share = dict(entity="Labour", metric="other", metric_label="vote_share", unit="percent")
    facts = [fact(article_id="a1", value=34.0, period_text=None, **share),
             fact(article_id="a2", source="Outlet B", value=57.0, period_text="in the last election", **share)]
    assert all(not key.endswith("as of 2024") or verdict == "single_source" for key, verdict in verdicts(facts).items())
    assert any(key.endswith("(published 2024)") for key in verdicts(facts))


def test_market_prices_and_vague_amounts_are_never_called_a_conflict():
    price = dict(entity="Acme", metric="other", metric_label="share_price_change", unit="percent", period_text=None)
    moves = [fact(article_id="a1", value=-20.0, **price), fact(article_id="a2", source="Outlet B", value=-26.1, **price)]
    assert list(verdicts(moves).values()) == ["incomparable"]
    plan = dict(entity="Acme", metric="other", metric_label="cost_cuts", unit="USD", period_text=None)
    vague = [fact(article_id="a1", value=2e9, value_max=9e9, qualifier="several", **plan),
             fact(article_id="a2", source="Outlet B", value=12.5e9, **plan), fact(article_id="a3", source="Outlet C", value=12.5e9, **plan)]
    assert list(verdicts(vague).values()) == ["incomparable"]
    precise = [*vague, fact(article_id="a4", source="Outlet D", value=14.2e9, **plan)]
    assert list(verdicts(precise).values()) == ["conflict"]  # two precise figures apart are still a conflict


@pytest.mark.parametrize(("label", "published", "verdict"), [
    ("opening_share_price", ["2024-03-21", "2024-03-21"], "conflict"),  # the open is fixed once the day has opened
    ("closing_share_price", ["2024-03-22", "2024-03-25"], "conflict"),
    ("intraday_high_share_price", ["2024-03-22", "2024-03-23"], "conflict"),  # reported once the day was over
    ("intraday_high_share_price", ["2024-03-21", "2024-03-22"], "incomparable"),  # the high so far, during the day
    ("intraday_high_share_price", ["2024-03", "2024-03-22"], "incomparable"),  # not known to be after the day
    ("share_price", ["2024-03-22", "2024-03-22"], "incomparable"),  # any moment of the day
])
def test_a_named_days_open_or_close_is_one_price(label, published, verdict):
    price = dict(entity="Acme", metric="other", metric_label=label, unit="USD", period_text="on 21 March 2024")
    facts = [fact(article_id="a1", value=34.0, published=published[0], **price),
             fact(article_id="a2", source="Outlet B", value=47.0, published=published[1], **price)]
    assert list(verdicts(facts).values()) == [verdict]


@pytest.mark.parametrize(("quotes", "verdict"), [
    (["Acme's stock closed at $41.20 on its first day.", "Acme shares traded as high as $44 on Friday."], "incomparable"),
    (["Acme raised the price of its kettle to $41.20.", "Acme shares traded as high as $44 on Friday."], "conflict"),
])
def test_a_bare_price_given_in_words_of_shares_trading_is_a_market_price(quotes, verdict):
    price = dict(entity="Acme", metric="other", metric_label="price", unit="USD", period_text=None)
    facts = [fact(article_id=f"a{n}", source=f"Outlet {n}", value=value, quote=quote, **price)
             for n, (quote, value) in enumerate(zip(quotes, (41.2, 44.0)))]
    assert list(verdicts(facts).values()) == [verdict]


@pytest.mark.parametrize(("entity", "label", "period", "published", "verdict"), [
    ("Bitcoin (price)", "record_high", "on 5 December 2024", ["2024-12-06", "2024-12-07"], "incomparable"),  # no session
    ("Bitcoin", "price", "in December 2024", ["2024-12-06", "2024-12-07"], "incomparable"),  # two moments of a month
    ("Bitcoin", "maximum_supply", "in December 2024", ["2024-12-06", "2024-12-07"], "conflict"),  # not a price
    ("Acme", "record_high", "on 5 December 2024", ["2024-12-06", "2024-12-07"], "conflict"),  # nothing traded named
    ("Brent crude", "price", "on 5 December 2024", ["2024-12-06", "2024-12-07"], "incomparable"),
])
def test_an_entity_that_names_what_is_traded_makes_its_prices_market_prices(entity, label, period, published, verdict):
    price = dict(entity=entity, metric="other", metric_label=label, unit="USD", period_text=period)
    facts = [fact(article_id="a1", value=103619.0, published=published[0], **price),
             fact(article_id="a2", source="Outlet B", value=103457.0, published=published[1], **price)]
    assert list(verdicts(facts).values()) == [verdict]


def test_a_percentage_and_a_number_of_one_cut_are_judged_apart():
    cut = dict(entity="Acme", metric="other", metric_label="headcount_change", period_text=None)
    facts = [fact(article_id="a1", value=-15.0, unit="percent", **cut), fact(article_id="a2", source="Outlet B", value=-15.0, unit="percent", **cut),
             fact(article_id="a3", value=-15000.0, unit="people", qualifier="approximately", **cut),
             fact(article_id="a4", source="Outlet D", value=-17500.0, unit="people", qualifier="approximately", **cut)]
    assert sorted(verdicts(facts).values()) == ["agree", "conflict"]


def test_a_count_in_progress_a_candidate_s_votes_and_a_fire_s_area_only_grow():
    counted = dict(entity="Kenya", metric="other", metric_label="ballots_counted", unit="percent", period_text=None)
    fire = dict(entity="Creek Fire", metric="other", metric_label="fire_area", unit="acres", period_text=None)
    votes = dict(entity="Ana Ruiz", metric="other", metric_label="presidential_votes", unit="votes", period_text=None)
    for what, early, late in ((counted, 85.0, 99.9), (fire, 6000.0, 45000.0), (votes, 4.66e6, 4671021.0)):
        rising = [fact(article_id="a1", value=early, published="2024-05-31", **what),
                  fact(article_id="a2", source="Outlet B", value=late, published="2024-06-02", **what)]
        falling = [fact(article_id="a1", value=late, published="2024-05-31", **what),
                   fact(article_id="a2", source="Outlet B", value=early, published="2024-06-02", **what)]
        assert list(verdicts(rising).values()) == ["agree"] and list(verdicts(falling).values()) == ["conflict"]


def test_a_day_named_in_the_quote_beside_its_period_is_when_it_was_said():
    quote = ("The agency believes 40,000 tonnes of grain have been shipped since August, a lawmaker said after "
             "a briefing on November 1.")
    placed = normalize([fact(entity="Ukraine", metric="other", metric_label="grain_shipped", value=40000, unit="tonnes",
                            quote=quote, period_text=None, published="2024-01")])[0]
    assert (placed.period_start, placed.period_rule) == ("2023-08-01", "quote:since_month")


def test_a_figure_restated_in_another_unit_is_as_precise_as_the_coarser_one():
    wind = dict(entity="Hurricane Ada", metric_label="maximum_sustained_wind", period_text=None, published="2024-10-09")
    first = [measure("a1", 120, "miles per hour", **wind), measure("a1", 193, "kilometers per hour", **wind)]
    assert validate([*first, measure("a2", 195, "kilometers per hour", **wind)]).groups[0].verdict == "agree"
    assert validate([*first, measure("a2", 215, "kilometers per hour", **wind)]).groups[0].verdict == "conflict"
    alone = validate([measure("a1", 193, "kilometers per hour", **wind),
                      measure("a2", 195, "kilometers per hour", **wind)]).groups[0]
    assert alone.verdict == "conflict"  # without the coarser figure beside it, 193 is given to the unit


def test_sources_that_give_one_range_must_give_its_two_ends_alike():
    share = dict(entity="Ana Ruiz", metric="other", metric_label="vote_share_quick_count", unit="percent",
                 qualifier="range", period_text="on Sunday", published="2024-06-03", status="estimate")
    ranged = [fact(article_id=a, source=f"Outlet {a}", value=26.6, value_max=high, **share)
              for a, high in (("a1", 28.6), ("a2", 28.6), ("a3", 28.8))]
    group = validate(ranged).groups[0]
    assert group.verdict == "conflict" and "high ends differ" in group.detail
    assert validate(ranged[:2]).groups[0].verdict == "agree"
    point = fact(article_id="a4", source="Outlet a4", **(share | {"qualifier": "exact"}), value=27.5)
    assert validate([ranged[0], point]).groups[0].verdict == "agree"  # a figure inside the range is consistent with it


def test_the_ends_of_one_range_are_given_to_the_finer_ends_rounding():
    spread = dict(entity="tap water samples", metric="other", metric_label="microbes_per_litre", unit="microbes",
                  qualifier="range", period_text="in the study", published="2024-03-04")
    ranged = [fact(article_id=a, source=f"Outlet {a}", value=120000, value_max=high, **spread)
              for a, high in (("a1", 380000), ("a2", 400000))]
    group = validate(ranged).groups[0]  # alone, 400,000 would allow 350,000 to 450,000
    assert group.verdict == "conflict" and "high ends differ" in group.detail
    again = [ranged[1], fact(article_id="a3", source="Outlet a3", value=120000, value_max=400000, **spread)]
    assert validate(again).groups[0].verdict == "agree"


@pytest.mark.parametrize(("written", "span", "mention", "verdict"), [
    ("a quarter of a million", None, None, "agree"),  # a round amount, as a gold anchor quotes it
    ("The crowd was put at a quarter-million on Sunday.", (100, 149), (121, 138), "agree"),  # the figure's own words
    ("250,000", None, None, "conflict"),  # given to the ten thousand: 245,000 to 255,000
    ("The crowd, a quarter of the city, was 250,000.", (100, 146), (138, 145), "conflict"),  # the fraction is not the figure
])
def test_a_fraction_of_a_scale_word_is_a_round_amount(written, span, mention, verdict):
    crowd = dict(entity="the march", metric="other", metric_label="crowd_size", unit="people", period_text=None,
                 published="2024-05-06")
    counted = fact(article_id="a1", source="Outlet a1", value=240000, quote="an estimated 240,000", **crowd)
    round_ = fact(article_id="a2", source="Outlet a2", value=250000, quote=written, span=span, mention_span=mention, **crowd)
    assert validate([counted, round_]).groups[0].verdict == verdict


@pytest.mark.parametrize(("quote", "words", "basis"), [
    ("Prices were 48% higher on the year in May, after rising 6% against April.", "48%", "y/y"),
    ("Prices were 48% higher on the year in May, after rising 6% against April.", "6%", "m/m"),
    ("Annual inflation was 5% in March, up from 4% in February.", "4%", "y/y"),  # one basis for the sentence
    ("Monthly inflation eased to 2.1% from 2.6% as the annual rate of inflation fell to 40%.", "40%", "y/y"),
    ("Prices rose 0.3% on the month and 4% in the year to March.", "0.3%", "m/m"),
    ("Prices rose 0.3% on the month and 4% in the year to March.", "4%", "y/y"),
])
def test_a_rates_basis_is_read_from_its_own_clause(quote, words, basis):
    from pipeline.check.validation.questions import basis_of
    at = quote.index(words) + 100
    rate = fact(quote=quote, metric="inflation_rate", span=(100, 100 + len(quote)), mention_span=(at, at + len(words)))
    assert basis_of(rate) == basis
