"""Issue 14's verdict rules, class by class, on hand-written facts in news style."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from pipeline.check.validation import validate
from pipeline.check.validation.currency import target_currency
from pipeline.check.validation.independence import Origins, agency, origin_of_source
from pipeline.check.validation.intervals import interval_for
from pipeline.check.validation.questions import basis_of, currency_terms, forecaster, stance, time_kind
from pipeline.check.validation.timeline import falling_count, stamp, window_labels
from schemas.facts import QuantFact

_ids = itertools.count()


def fact(**changes: object) -> QuantFact:
    n = next(_ids)
    base = dict(fact_id=f"r{n}", article_id=f"a{n}", source=f"Outlet {n}", entity="Testland", metric="gdp_real_growth",
                value=2.4, unit="percent", quote="growth figure", published="2024-02-15", period_text="in 2023")
    return QuantFact(**(base | changes))


def groups(facts: list[QuantFact]) -> dict[str, tuple[str, list[str]]]:
    return {g.key: (g.verdict, g.fact_ids) for g in validate(facts).groups}


# class 1: given fields are data

def test_given_periods_keep_facts_apart_whatever_their_words() -> None:
    years = [fact(value=v, period_start=f"{y}-01-01", period_end=f"{y}-12-31", period_text="last year")
             for v, y in ((-4.9, 2020), (1.8, 2022), (-0.3, 2023))]
    assert sorted(verdict for verdict, _ in groups(years).values()) == ["single_source"] * 3


# class 2: errors do not vote

def test_a_fact_with_an_error_is_listed_as_excluded_and_never_votes() -> None:
    good = [fact(value=4.9), fact(value=4.9)]
    slip = fact(value=49.0)  # a units error: no GDP grows 49% in a year
    (group,) = validate([*good, slip]).groups
    assert group.verdict == "agree" and slip.fact_id not in group.fact_ids
    assert [e.fact_id for e in group.excluded] == [slip.fact_id] and "units error" in group.excluded[0].reason


def test_an_actual_for_a_period_after_publication_is_a_dates_error() -> None:
    future = fact(period_text="in the first quarter of 2024", published="2024-03-28", status="actual")
    report = validate([future])
    assert [(f.check, f.severity) for f in report.findings] == [("dates", "error")] and report.groups == []


# class 3: time is a window, not a calendar bucket

def toll(value: float, qualifier: str, as_of: str, **changes: object) -> QuantFact:
    return fact(**({"metric": "casualties", "unit": "people", "value": value, "qualifier": qualifier,
                    "period_start": "2023-02-06", "period_end": as_of, "period_text": "since the quake",
                    "published": as_of} | changes))


@pytest.mark.parametrize(("reports", "verdict"), [
    ([(1760, "more_than", "2023-02-06"), (5894, "exact", "2023-02-07"), (44218, "exact", "2023-02-24"),
      (53537, "exact", "2024-02-06")], "agree"),  # a rising toll, compared across the new year
    ([(8754, "exact", "2023-02-08"), (12391, "exact", "2023-02-08")], "agree"),  # the same day: the toll rose during it
    ([(6700, "more_than", "2023-02-24"), (5951, "exact", "2024-02-02")], "conflict"),  # later and certainly smaller
    ([(5914, "exact", "2023-02-24T09:00"), (6700, "more_than", "2023-02-24T09:00")], "conflict"),  # two counts of one moment
])
def test_a_running_count_may_rise_but_never_fall(reports: list[tuple[float, str, str]], verdict: str) -> None:
    (group,) = validate([toll(v, q, when) for v, q, when in reports]).groups
    assert group.key.startswith("testland | casualties | since 2023-02") and group.verdict == verdict


def test_levels_meet_within_90_days_whatever_the_year() -> None:
    turnout = dict(metric="other", metric_label="turnout", period_text=None)
    close = [fact(**turnout, value=59.9, published="2024-12-20"), fact(**turnout, value=59.9, published="2025-01-10")]
    apart = [fact(**turnout, value=59.9, published="2024-07-05"), fact(**turnout, value=52.0, published="2025-02-05")]
    assert [v for v, _ in groups(close).values()] == ["agree"]
    assert sorted(v for v, _ in groups(apart).values()) == ["single_source", "single_source"]


@pytest.mark.parametrize(("days", "labels"), [
    ([date(2023, 9, 9), date(2023, 9, 10)], ["as of 2023", "as of 2023"]),
    ([date(2023, 1, 5), date(2023, 11, 1)], ["as of 2023-01-05..2023-01-05", "as of 2023-11-01..2023-11-01"]),
    ([date(2023, 12, 20), date(2024, 1, 10)], ["as of 2023-12-20..2024-01-10"] * 2),
])
def test_window_labels(days: list[date], labels: list[str]) -> None:
    assert window_labels(days, 90, days) == labels


def test_falling_count_names_both_reports() -> None:
    reports = [(stamp("2023-10"), interval_for(1e6, "more_than"), "A"), (stamp("2023-12"), interval_for(3e5, "exact"), "B")]
    assert "smaller than one reported earlier, A as of 2023-10" in (falling_count(reports) or "")


# class 4: currencies over the span of rates

@pytest.mark.parametrize(("entity", "units", "target"), [
    ("germany", ["USD", "USD"], "EUR"), ("japan", ["USD", "JPY"], "JPY"), ("samsung electronics", ["KRW", "KRW", "USD"], "KRW"),
    ("north korea", ["USD", "EUR"], "USD"), ("acme", ["EUR", "GBP"], "EUR"),
])
def test_the_currency_a_group_is_compared_in(entity: str, units: list[str], target: str) -> None:
    assert target_currency(entity, units) == target


def test_one_currency_compared_as_written_is_not_widened_by_rates() -> None:
    """7.7 trillion won and "approximately 7 trillion" conflict even when a dollar figure joins them."""
    base = dict(entity="Samsung Electronics", metric="other", metric_label="operating profit", period_text="Q3 2019",
                published="2019-10-08", status="estimate")
    facts = [fact(**base, value=7.7e12, unit="KRW"), fact(**base, value=7.7e12, unit="KRW"),
             fact(**base, value=7e12, unit="KRW", qualifier="approximately"), fact(**base, value=6.4e9, unit="USD")]
    (group,) = validate(facts).groups
    assert group.verdict == "conflict" and group.unit == "KRW" and group.rate_range.startswith("USD→KRW")


def test_dollars_in_brackets_after_francs_are_conversions_so_the_group_is_compared_in_francs() -> None:
    """Two outlets write a price in francs with dollars in brackets, converted at their own rates ($3.24bn,
    $3.23bn), and a third writes "over $3 billion": the dollars are the commoner unit, but compared in the
    francs they were converted from, the amounts agree; a dollar figure no rate reconciles still conflicts."""
    deal = dict(entity="Alpenbank merger", metric="other", metric_label="takeover_price", period_text="19 March 2023",
                published="2023-03-20", quote="3 billion francs ($3.24 billion)")
    facts = [fact(**deal, article_id="x1", value=3e9, unit="CHF", span=(0, 16)),
             fact(**deal, article_id="x1", value=3.24e9, unit="USD", span=(18, 31)),
             fact(**deal, article_id="x2", value=3e9, unit="CHF", span=(0, 16)),
             fact(**deal, article_id="x2", value=3.23e9, unit="USD", span=(18, 31)),
             fact(**deal, article_id="x3", value=3e9, unit="USD", qualifier="more_than", span=(0, 16))]
    (group,) = validate(facts).groups
    assert group.unit == "CHF" and group.verdict == "agree"
    (group,) = validate([*facts, fact(**deal, article_id="x4", value=4.1e9, unit="USD", span=(0, 10))]).groups
    assert group.verdict == "conflict"


def test_two_articles_converting_from_one_currency_make_it_the_group_s_even_when_more_give_dollars_alone() -> None:
    """Two outlets write a debt in yuan with dollars in brackets ($333bn, $333bn), three more give dollars alone at
    their own rates ($328bn, "more than $330bn", "more than $300bn"): the figure is a yuan one, compared in yuan the
    amounts agree; one outlet's conversion alone does not decide (`target_currency`)."""
    debt = dict(entity="Lotus Property Group", metric="other", metric_label="total_liabilities", period_text="30 June 2023",
                published="2024-01-30", quote="RMB 2.39 trillion ($333 billion)")
    written = [("y1", 2.39e12, "CNY", "exact", 0), ("y1", 3.33e11, "USD", "exact", 19), ("y2", 2.39e12, "CNY", "exact", 0),
               ("y2", 3.33e11, "USD", "exact", 19), ("y3", 3.28e11, "USD", "exact", 0), ("y4", 3.3e11, "USD", "more_than", 0),
               ("y5", 3e11, "USD", "more_than", 0)]
    facts = [fact(**debt, article_id=article, value=value, unit=unit, qualifier=qualifier, span=(start, start + 12))
             for article, value, unit, qualifier, start in written]
    (group,) = validate(facts).groups
    assert group.unit == "CNY" and group.verdict == "agree"
    (group,) = validate([f for f in facts if f.article_id != "y2"]).groups
    assert group.unit == "USD" and group.verdict == "conflict"


def test_a_figure_with_no_period_is_converted_at_a_recent_rate_not_only_that_day_s() -> None:
    """A film's budget in rupees, converted by its writer at a rate of some weeks before (81.9 a
    dollar) while the ECB's rate that day was 82.9, agrees with the same budget in dollars; an amount
    no rate of the last quarter reconciles (101 rupees a dollar) still conflicts."""
    budget = dict(entity="Red Planet (film)", metric="other", metric_label="production_budget", period_text=None,
                  published="2023-08-23", quote="the film's budget")
    (group,) = validate([fact(**budget, value=108e6, unit="USD"), fact(**budget, value=8.85e9, unit="INR")]).groups
    assert group.verdict == "agree"
    (group,) = validate([fact(**budget, value=96.5e6, unit="USD"), fact(**budget, value=9.78e9, unit="INR")]).groups
    assert group.verdict == "conflict"


def test_buildings_a_disaster_destroyed_are_a_running_count() -> None:
    """270 structures reported first and 2,207 once mapped, the same day: a tally that grows, no conflict."""
    ruins = dict(entity="Harbour Town fire", metric="other", metric_label="structures_damaged_or_destroyed",
                 unit="structures", period_text=None, published="2023-08-12", status="estimate", quote="structures")
    (group,) = validate([fact(**ruins, value=270), fact(**ruins, value=2207)]).groups
    assert group.verdict != "conflict"


# class 5: rounding intervals are half-open

def test_adjacent_figures_at_one_precision_conflict_and_the_detail_says_the_precision() -> None:
    (group,) = validate([fact(value=9.1), fact(value=9.2)]).groups
    assert group.verdict == "conflict" and group.detail.count("(to the nearest 0.1)") == 2
    (group,) = validate([fact(value=2.8), fact(value=3)]).groups
    assert group.verdict == "agree" and "(to the nearest 1)" in group.detail


def test_a_small_whole_count_is_given_to_the_unit_and_a_large_one_keeps_its_rounding() -> None:
    markets = dict(metric="other", metric_label="opening_markets", unit="markets", quote="opened in markets")
    (group,) = validate([fact(**markets, value=70), fact(**markets, value=69)]).groups
    assert group.verdict == "conflict" and "70 markets (to the nearest 1)" in group.detail
    (group,) = validate([fact(**markets, value=700), fact(**markets, value=698)]).groups
    assert group.verdict == "agree"  # "700" may be rounded to tens
    (group,) = validate([fact(**markets, value=70, qualifier="approximately"), fact(**markets, value=69)]).groups
    assert group.verdict == "agree"  # a source that rounds says "about 70"


def test_a_small_whole_duration_is_given_to_the_unit() -> None:
    contract = dict(metric="other", metric_label="contract_length", unit="years", quote="a contract of years")
    (group,) = validate([fact(**contract, value=10), fact(**contract, value=9)]).groups
    assert group.verdict == "conflict" and "10 years (to the nearest 1)" in group.detail


def test_two_ceilings_must_meet_but_loose_upper_bounds_may_nest() -> None:
    ceiling = dict(metric="other", metric_label="max_prison_sentence", unit="years", quote="faces at most years")
    (group,) = validate([fact(**ceiling, value=10, qualifier="at_most"), fact(**ceiling, value=5, qualifier="at_most")]).groups
    assert group.verdict == "conflict" and group.detail.startswith("the ceilings differ:")
    (group,) = validate([fact(**ceiling, value=5, qualifier="at_most"), fact(**ceiling, value=5, qualifier="at_most")]).groups
    assert group.verdict == "agree"
    (group,) = validate([fact(**ceiling, value=10, qualifier="less_than"), fact(**ceiling, value=5, qualifier="less_than")]).groups
    assert group.verdict == "agree"  # "under 10 years" and "under five years" may both be true
    (group,) = validate([fact(**ceiling, value=10, qualifier="at_most"), fact(**ceiling, value=5)]).groups
    assert group.verdict == "agree"  # one ceiling and a figure within it


def test_a_count_cut_short_agrees_with_the_precise_one_but_one_precision_still_conflicts() -> None:
    people = dict(metric="population", unit="people", quote="population figure")
    facts = [fact(**people, value=1.409e9), fact(**people, value=1.40967e9), fact(**people, value=1.4e9)]
    (group,) = validate(facts).groups
    assert group.verdict == "agree", group.detail
    (group,) = validate([fact(**people, value=1.409e9), fact(**people, value=1.408e9)]).groups
    assert group.verdict == "conflict"  # two figures of one precision
    (group,) = validate([fact(**people, value=1.408e9), fact(**people, value=1.40967e9)]).groups
    assert group.verdict == "conflict"  # 1.408 is neither its rounding nor its truncation
    barrels = dict(metric="other", metric_label="output_cut", unit="barrels_per_day", quote="output cut")
    (group,) = validate([fact(**barrels, value=1.6e6), fact(**barrels, value=1.66e6)]).groups
    assert group.verdict == "conflict"  # two digits cut short are a wrong figure: 1.66 million rounds to 1.7


def test_percentages_are_never_read_as_cut_short() -> None:
    (group,) = validate([fact(value=2.4), fact(value=2.47)]).groups
    assert group.verdict == "conflict"


# class 6: status and source are part of the question

@pytest.mark.parametrize(("attribution", "key"), [
    ("International Monetary Fund", "imf"), ("IMF", "imf"), ("economists", "unnamed"),
    ("Fed officials", "fed"), ("Federal Reserve projections", "fed"), ("the Fed's policymakers", "fed"),
    ("Bank of England", "boe"), ("RBI", "rbi"), ("Reserve Bank of India", "rbi"), ("SBI economists", "sbi"),
    ("dot plot", "unnamed"),
    ("economists' consensus (unnamed survey)", "unnamed"), ("analysts polled by Investing.com", "investing com"),
    ("a Reuters poll of economists", "reuters"), ("Atlanta Fed GDPNow", "atlanta fed gdpnow"), (None, "unnamed"),
])
def test_forecasters(attribution: str | None, key: str) -> None:
    assert forecaster(attribution) == key


def test_forecasts_actuals_and_estimates_never_share_a_verdict() -> None:
    q4 = dict(period_text="the fourth quarter of 2023")
    facts = [fact(**q4, value=3.3), fact(**q4, value=3.3), fact(**q4, value=2.0, status="forecast", attribution="economists"),
             fact(**q4, value=2.0, status="forecast", attribution="economists"), fact(**q4, value=3.2, status="estimate")]
    found = groups(facts)
    assert {k.split(" | ", 2)[-1]: v for k, (v, _) in found.items()} == {
        "2023-10-01..2023-12-31": "agree", "2023-10-01..2023-12-31 | forecast: unnamed": "agree",
        "2023-10-01..2023-12-31 | estimate": "single_source"}


def test_one_forecaster_quoted_with_two_numbers_conflicts_but_unnamed_polls_do_not() -> None:
    named = [fact(value=3.2, status="forecast", attribution="Atlanta Fed GDPNow", period_text="the first quarter of 2024",
                  published="2024-02-28"),
             fact(value=2.1, status="forecast", attribution="Atlanta Fed GDPNow", period_text="Q1 2024", published="2024-03-28")]
    unnamed = [fact(value=1.1, status="forecast", attribution="economists", period_text="Q4 2023"),
               fact(value=1.4, status="forecast", attribution="economists", period_text="Q4 2023")]
    assert [v for v, _ in groups(named).values()] == ["conflict"]
    assert [v for v, _ in groups(unnamed).values()] == ["incomparable"]


def test_one_forecasters_names_are_one_forecaster_and_its_replaced_forecast_a_question_apart() -> None:
    outlook = dict(status="forecast", period_text="in 2024", metric="inflation_rate")
    now = [fact(**outlook, value=2.6, attribution="Fed officials", quote="raised its projection to 2.6%"),
           fact(**outlook, value=2.6, attribution="Federal Reserve projections", quote="moved to 2.6%")]
    replaced = [fact(**outlook, value=2.8, attribution="Fed projections", quote=quote)
                for quote in ("(vs. 2.8% prior)", "down from 2.8%", "previously 2.8%", "had projected 2.8% in June",
                              "the previous estimate of 2.8%", "its earlier 2.8%")]
    found = groups([*now, *replaced])
    assert {k.split(" | ")[-1]: v for k, (v, _) in found.items()} == {"forecast: fed": "agree",
                                                                     "forecast: fed, earlier": "agree"}
    assert [v for v, _ in groups([*now, fact(**outlook, value=2.8, attribution="the Fed", quote="at 2.8%")]).values()] \
        == ["conflict"]  # no word says 2.8% was replaced: one forecaster, two figures


@pytest.mark.parametrize("quote", ["the previously reported 199,000", "initially reported as 199,000",
                                   "the 199,000 originally reported for March", "199,000 initially"])
def test_a_figure_given_as_first_reported_is_a_question_apart_from_its_revision(quote: str) -> None:
    jobs = dict(metric="other", metric_label="payroll_change", unit="jobs", period_text="in March 2024",
                published="2024-05-03")
    found = groups([fact(**jobs, value=315_000, quote="revised up to 315,000"),
                    fact(**jobs, value=315_000, quote="March was revised to 315,000"),
                    fact(**jobs, value=199_000, quote=quote)])
    assert sorted(k.split(" | ")[-1] for k in found) == ["2024-03-01..2024-03-31", "earlier"], found
    assert [v for v, _ in groups([fact(**jobs, value=315_000, quote="revised up to 315,000"),
                                  fact(**jobs, value=199_000, quote="the first estimate of 199,000")]).values()] \
        == ["conflict"]  # "the first estimate" may be today's figure


def test_a_first_estimate_its_own_article_revises_is_a_question_apart() -> None:
    jobs = dict(metric="other", metric_label="payroll_change", unit="jobs", period_start="2024-03-01",
                period_end="2024-03-31", period_text="in March", published="2024-05-03")
    one = dict(article_id="a_one", source="Outlet One")
    revised = [fact(**jobs, **one, value=315_000, quote="The March figure was revised up by 12,000 to 315,000."),
               fact(**jobs, value=315_000, quote="March came to 315,000.")]
    first = fact(**jobs, **one, value=303_000, quote="Payrolls had risen by 303,000 in March.")
    found = groups([*revised, first])
    assert {k.split(" | ")[-1]: v for k, (v, _) in found.items()} == {"2024-03-01..2024-03-31": "agree",
                                                                     "earlier": "single_source"}
    other = fact(**jobs, value=303_000, quote="Payrolls had risen by 303,000 in March.")  # another article's figure
    assert sorted(v for v, _ in groups([*revised, other]).values()) == ["conflict"]


@pytest.mark.parametrize(("quote", "supplied", "basis"), [
    ("an annualized pace of 0.4%", None, "annualized"), ("0.4% from the previous quarter", None, "q/q"),
    ("3.4% year on year", None, "y/y"), ("calendar-adjusted GDP shrank 0.1%", None, "calendar-adjusted"),
    ("grew 0.3%", None, None), ("grew 0.3%", "annualized q/q (the text says year-on-year)", "annualized"),
    ("grew 0.3%", "annual", "annual"), ("grew 0.3%", "annual, calendar-adjusted", "calendar-adjusted"),
    ("GDP shrank 0.3 percent sequentially", None, "q/q"), ("fell 0.3% compared to the previous quarter", None, "q/q"),
    ("fell 0.3% against the previous quarter", None, "q/q"), ("rose 0.2% compared with the previous month", None, "m/m"),
])
def test_bases(quote: str, supplied: str | None, basis: str | None) -> None:
    extra = {"basis": supplied} if supplied else {}
    assert basis_of(fact(quote=quote, **extra)) == basis


def test_growth_of_trade_in_two_currencies_is_two_questions() -> None:
    trade = dict(metric="exports_growth", period_text="in 2023")
    facts = [fact(**trade, value=-3.1, quote="Exports came to $1.72 trillion in 2023, down by 3.1%."),
             fact(**trade, value=-3.1, quote="Exports slid 3.1%, ending the year at $1.7 trillion."),
             fact(**trade, value=1.1, quote="Exports came to 12.4 trillion yuan, a rise of 1.1% on the year.")]
    assert currency_terms(facts[0]) == "in USD" and currency_terms(facts[2]) == "in CNY"
    assert sorted(v for v, _ in groups(facts).values()) == ["agree", "single_source"]
    assert currency_terms(fact(value=5.2, quote="GDP grew 5.2% to 126 trillion yuan.")) is None  # real growth
    same = [fact(**trade, value=-3.1, quote="Exports fell 3.1% year on year to $1.72 trillion."), facts[0]]
    assert [v for v, _ in groups(same).values()] == ["agree"]  # one currency: a stated y/y splits nothing


def test_two_bases_of_one_quarter_are_two_questions() -> None:
    q4 = dict(period_text="in October-December", published="2024-02-15")
    facts = [fact(**q4, value=-0.4, quote="an annualized rate of 0.4%"), fact(**q4, value=-0.4, quote="an annualized pace"),
             fact(**q4, value=-0.1, quote="0.1% from the previous quarter")]
    assert sorted(v for v, _ in groups(facts).values()) == ["agree", "single_source"]


# class 7: copies are not confirmation

@pytest.mark.parametrize(("source", "origin"), [
    ("KVIA (Associated Press)", "AP"), ("dpa (via Yahoo News)", "dpa"), ("Free Press Journal (IANS)", "IANS"),
    ("Shafaqna (Guardian rewrite)", "Guardian"), ("site.org (rewrite of a Deutsche Welle report)", "DW"),
    ("The Telegraph (via Yahoo Finance Canada)", "The Telegraph"), ("Shanghai Daily (shine.cn)", "Shanghai Daily"),
    ("Daily Sabah", "Daily Sabah"), ("Reuters", "Reuters"),
])
def test_origins_from_source_lines(source: str, origin: str) -> None:
    assert origin_of_source(source) == origin


@pytest.mark.parametrize(("name", "wire"), [("Associated Press", "AP"), ("AP", "AP"), ("ap", None), ("a pap smear", None),
                                             ("dpa", "dpa"), ("Yonhap News Agency", "Yonhap"), ("Daily Post", None)])
def test_agency_names(name: str, wire: str | None) -> None:
    assert agency(name) == wire


def test_wire_copies_and_near_duplicate_texts_count_once() -> None:
    story = ("BERLIN — Testland's economy shrank 0.3% in 2023 as high energy prices and interest rates weighed on "
             "output, the statistics office said on Monday, and economists expect little growth this year. ") * 3
    texts = {"a1": story, "a2": story.replace("Monday", "Monday morning"),
             "a3": "LONDON (Reuters) - Testland's economy shrank 0.3% in 2023, a smaller fall than feared."}
    facts = [fact(article_id=a, source=s, value=-0.3, quote="economy shrank 0.3% in 2023")
             for a, s in (("a1", "Paper One"), ("a2", "Paper Two"), ("a3", "Paper Three"))]
    origins = Origins(facts, texts)
    assert origins.of("a3") == "Reuters" and origins.of("a1") != origins.of("a2")
    origins.merge_copies(["a1", "a2", "a3"])
    assert origins.of("a1") == origins.of("a2") != origins.of("a3")
    (group,) = validate(facts, texts).groups
    assert (group.verdict, group.outlets, group.independent_sources) == ("agree", 3, 2)


def test_an_agreement_on_one_independent_source_says_so() -> None:
    turnout = dict(metric="other", metric_label="general election turnout", value=59.9, period_text=None)
    facts = [fact(**turnout, source="Paper A (PA)"), fact(**turnout, source="Paper B", agency="PA")]
    (group,) = validate(facts).groups
    assert group.verdict == "agree" and group.detail.startswith("agree on one independent source (PA)")
    assert group.sources_note.startswith("2 outlets, 1 independent source")


# class 8: an undated fact never makes a conflict

def test_undated_figures_are_listed_never_conflicting() -> None:
    dated = [fact(value=2.5), fact(value=2.5)]
    undated = fact(value=1.9, period_text=None, quote="the economy grew 1.9%")
    (group,) = validate([*dated, undated]).groups
    assert group.verdict == "agree" and [e.fact_id for e in group.excluded] == [undated.fact_id]
    lonely = [fact(value=2.1, period_text="in December", published=None), fact(value=3.4, period_text=None, published=None)]
    assert {v for v, _ in groups(lonely).values()} <= {"incomparable", "single_source"}


def test_figures_for_a_span_that_could_not_be_placed_never_conflict() -> None:
    made = dict(metric="other", metric_label="scooters_made", unit="scooters", published="2025-01-06")
    quarter = fact(**made, value=120_000, period_text="in the quarter", quote="made 120,000 scooters in the quarter")
    year = fact(**made, value=455_000, period_text="for the year", quote="455,000 scooters for the year")
    assert time_kind(quarter) == time_kind(year) == "flow"
    assert "conflict" not in {verdict for verdict, _ in groups([quarter, year]).values()}


@pytest.mark.parametrize(("changes", "kind"), [
    (dict(period_text="since August", metric="artillery_shells_transferred", unit="shells"), "running"),
    (dict(metric="other", metric_label="deaths", unit="people", period_text=None), "running"),
    (dict(metric="other", metric_label="aftershock delay", unit="minutes", period_text=None), "level"),
    (dict(metric="other", metric_label="app_sign_ups", unit="users", period_text=None), "running"),  # only grow
    (dict(metric="other", metric_label="monthly_active_users", unit="users", period_text=None), "level"),
    (dict(metric="unemployment_rate", period_text="in December 2021"), "flow"),
    (dict(metric="consecutive_contraction_years", unit="years", period_text="over the last five years"), "level"),
    (dict(metric="population", unit="people", period_text=None), "level"),
    (dict(metric="other", metric_label="cars_built", unit="cars", period_text="during the quarter"), "flow"),
    (dict(metric="other", metric_label="fleet_size", unit="buses", period_text="at the end of the month"), "flow"),
    (dict(metric="other", metric_label="fleet_size", unit="buses", period_text="now"), "level"),
    (dict(metric="other", metric_label="displaced_rise", value=8.0, period_text="since 2022"), "flow"),
])
def test_time_kinds(changes: dict[str, object], kind: str) -> None:
    from pipeline.check.normalize import normalize_fact

    assert time_kind(normalize_fact(fact(**changes))) == kind


def test_a_toll_stated_for_one_day_runs_from_it_only_when_other_counts_start_there() -> None:
    toll = dict(metric="casualties", unit="people", entity="Testland")
    first_day = fact(**toll, value=1_760, period_start="2023-02-06", period_end="2023-02-06", published="2023-02-06")
    later = fact(**toll, value=44_218, period_start="2023-02-06", period_end="2023-02-24", published="2023-02-24")
    assert list(groups([first_day, later])) == ["testland | casualties | since 2023-02"]
    displaced = dict(metric="other", metric_label="displaced_people", unit="people", status="estimate")
    today = [fact(**displaced, value=110e6, period_start=day, period_end=day, published=day, source=f"Outlet {day}")
             for day in ("2023-06-13", "2023-06-14")]
    assert [key for key in groups(today)] == ["testland | other:displaced_people | as of 2023 | estimate"]


def test_a_level_stated_for_a_day_meets_the_same_figure_stated_for_its_month() -> None:
    share = dict(metric="other", metric_label="share_displaced", unit="percent", status="estimate", entity="Testland")
    day = fact(**share, value=80.0, qualifier="approximately", period_start="2024-06-13", period_end="2024-06-13",
               published="2024-06-13")
    month = fact(**share, value=80.0, period_start="2024-06-01", period_end="2024-06-30", published="2024-06-20")
    assert list(groups([day, month])) == ["testland | other:share_displaced | 2024-06-01..2024-06-30 | estimate"]


def test_a_day_s_high_temperature_never_meets_a_figure_stated_for_its_month() -> None:
    """A day's high is that day's: 41 °C on one day is no other answer to the month's 45 °C on other days."""
    high = dict(metric="other", metric_label="max_temperature", unit="degrees_celsius", entity="Testville")
    day = fact(**high, value=41.0, period_start="2024-06-28", period_end="2024-06-28", published="2024-06-29")
    month = fact(**high, value=45.0, period_start="2024-06-01", period_end="2024-06-30", published="2024-07-02")
    assert sorted(verdict for verdict, _ in groups([day, month]).values()) == ["single_source", "single_source"]
    assert "conflict" in {verdict for verdict, _ in groups([day, fact(**high, value=45.0, period_start="2024-06-28",
                                                                       period_end="2024-06-28", published="2024-06-29")]).values()}


def test_stance() -> None:
    assert [stance(fact(status=s, attribution="IMF")) for s in ("actual", "estimate", "forecast", "claim")] == [
        "", "estimate", "forecast: imf", "claim"]
