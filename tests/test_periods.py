"""Period resolution: every rule, anchored on full and partial publication dates."""

import pytest

from pipeline.check.normalize import period_of
from pipeline.check.periods import first_day, last_day, periods_in, resolve_period
from schemas.facts import QuantFact

CASES = [
    # text, published, start, end, rule, cumulative
    ("in 2023", "2024-07", "2023-01-01", "2023-12-31", "year", False),
    ("2023", None, "2023-01-01", "2023-12-31", "year", False),
    ("the 2023 figure", None, "2023-01-01", "2023-12-31", "year", False),
    ("this year", "2024-01", "2024-01-01", "2024-12-31", "this_year", False),
    ("last year", "2024-01-15", "2023-01-01", "2023-12-31", "last_year", False),
    ("next year", "2024", "2025-01-01", "2025-12-31", "next_year", False),
    ("last month", "2024-01", "2023-12-01", "2023-12-31", "last_month", False),
    ("this month", "2024-02-10", "2024-02-01", "2024-02-29", "this_month", False),
    ("this week", "2024-07-10", "2024-07-08", "2024-07-14", "this_week", False),
    ("last week", "2024-07-10", "2024-07-01", "2024-07-07", "last_week", False),
    ("since August", "2024-01", "2023-08-01", "2024-01", "since_month", True),
    ("Since August", "2024-08-20", "2024-08-01", "2024-08-20", "since_month", True),
    ("since August 2022", "2024-01", "2022-08-01", "2024-01", "since_date", True),
    ("since 2022", "2024-07", "2022-01-01", "2024-07", "since_date", True),
    ("Q3 2023", None, "2023-07-01", "2023-09-30", "quarter", False),
    ("q1 of 2024", None, "2024-01-01", "2024-03-31", "quarter", False),
    ("the third quarter of 2023", None, "2023-07-01", "2023-09-30", "quarter", False),
    ("the third quarter", "2024-01", "2023-07-01", "2023-09-30", "latest_quarter", False),
    ("the second quarter", "2024-07", "2024-04-01", "2024-06-30", "latest_quarter", False),
    ("the first half of 2024", None, "2024-01-01", "2024-06-30", "half", False),
    ("H2 2023", None, "2023-07-01", "2023-12-31", "half", False),
    ("the first half", "2024-07", "2024-01-01", "2024-06-30", "latest_half", False),
    ("over the last five years", "2024-01", "2019-01", "2024-01", "last_n_years", False),
    ("the past 3 years", "2024", "2021", "2024", "last_n_years", False),
    ("March 5, 2024", None, "2024-03-05", "2024-03-05", "explicit_date", False),
    ("5 March 2024", None, "2024-03-05", "2024-03-05", "explicit_date", False),
    ("on 2024-03-05", None, "2024-03-05", "2024-03-05", "iso_date", False),
    ("in March 2024", None, "2024-03-01", "2024-03-31", "month_year", False),
    ("in March", "2024-07", "2024-03-01", "2024-03-31", "latest_month", False),
    ("in September", "2024-07", "2023-09-01", "2023-09-30", "latest_month", False),
    ("2020-2022", None, "2020-01-01", "2022-12-31", "year_range", False),
    ("between 2020 and 2022", None, "2020-01-01", "2022-12-31", "year_range", False),
    ("2022-23", None, "2022-01-01", "2023-12-31", "year_range", False),
    ("through 2023", None, None, "2023-12-31", "through_year", True),
    # parts of a year in the words news reports use
    ("in July-September", "2024-02-15", "2023-07-01", "2023-09-30", "latest_month_range", False),
    ("in October to December", "2024-02-15", "2023-10-01", "2023-12-31", "latest_month_range", False),
    ("the October-to-December period", "2024-02", "2023-10-01", "2023-12-31", "latest_month_range", False),
    ("between October and December 2023", "2024-02", "2023-10-01", "2023-12-31", "month_range", False),
    ("in the April-June period last year", "2024-02-15", "2023-04-01", "2023-06-30", "month_range", False),
    ("the final three months of last year", "2024-02-15", "2023-10-01", "2023-12-31", "quarter", False),
    ("in the last three months of 2023", "2024-02", "2023-10-01", "2023-12-31", "quarter", False),
    ("in the first three months of the year", "2024-05", "2024-01-01", "2024-03-31", "latest_quarter", False),
    ("in the last quarter of last year", "2024-02-15", "2023-10-01", "2023-12-31", "quarter", False),
    ("in the final quarter of the year", "2024-01-16", "2023-10-01", "2023-12-31", "latest_quarter", False),
    ("in the fourth quarter of the year", "2024-02-15", "2023-10-01", "2023-12-31", "latest_quarter", False),
    ("its fiscal fourth quarter", "2024-02-22", "2023-10-01", "2023-12-31", "latest_quarter", False),
    ("the three months ended Dec. 31", "2024-02-21", "2023-10-01", "2023-12-31", "latest_months_ended", False),
    ("six months to June 2024", None, "2024-01-01", "2024-06-30", "months_ended", False),
    ("the current quarter", "2024-02-22", "2024-01-01", "2024-03-31", "this_quarter", False),
    ("last quarter", "2024-05-02", "2024-01-01", "2024-03-31", "last_quarter", False),
    ("in the year just concluded", "2024-01", "2023-01-01", "2023-12-31", "last_year", False),
    ("since the beginning of the year", "2024-02", "2024-01-01", "2024-02", "since_year_start", True),
    ("1997 general election", "2024-07-06", "1997-01-01", "1997-12-31", "year", False),  # an earlier year's event
    # a season of an earlier year is that year: its months depend on the hemisphere
    ("summer 2020", "2023-06-14", "2020-01-01", "2020-12-31", "year", False),
    ("in the autumn of 2019", "2024-02", "2019-01-01", "2019-12-31", "year", False),
    # a day named in words, placed from the publication day (the latest such day on or before it)
    ("on Tuesday", "2024-05-29", "2024-05-28", "2024-05-28", "weekday", False),
    ("Wednesday's vote", "2024-05-29", "2024-05-29", "2024-05-29", "weekday", False),
    ("last Wednesday", "2024-05-29", "2024-05-22", "2024-05-22", "weekday", False),
    ("today", "2024-05-29", "2024-05-29", "2024-05-29", "today", False),
    ("yesterday", "2024-03-01", "2024-02-29", "2024-02-29", "yesterday", False),
    ("On May 29", "2024-06", "2024-05-29", "2024-05-29", "month_day", False),
    ("on the 3rd of January", "2024-02-10", "2024-01-03", "2024-01-03", "month_day", False),
    ("on Dec 30", "2025-01-02", "2024-12-30", "2024-12-30", "month_day", False),
]


@pytest.mark.parametrize(("text", "published", "start", "end", "rule", "cumulative"), CASES)
def test_rules(text, published, start, end, rule, cumulative):
    period = resolve_period(text, published)
    assert (period.start, period.end, period.rule, period.cumulative) == (start, end, rule, cumulative)


@pytest.mark.parametrize(("text", "published"), [
    ("", "2024-01"), (None, "2024-01"), ("sometime soon", "2024-01"), ("recently", "2024-07"),
    ("last month", "2024"),  # needs the publication month
    ("this week", "2024-07"),  # needs the publication day
    ("since August", None), ("last year", None), ("the third quarter", "2024"),
    ("over the last five years", None), ("may grow", None), ("2000 shells", None),
    ("2024 general election", "2024-07-06"),  # an event of the year of publication: a level of the day reported
    ("1997 general election", None),
    # relative to a time the sentence names, not to publication: never guessed
    ("the previous year", "2024-01"), ("in the previous quarter", "2024-02-15"), ("from the previous quarter", "2024-02"),
    ("in the previous three-month period", "2024-02-15"), ("a year earlier", "2024-02"), ("For the year", "2024-02-15"),
    ("on Tuesday", "2024-05"),  # needs the publication day
    ("in the week to Friday", "2024-05-29"), ("since Tuesday", "2024-05-29"),  # a day that bounds a span
    ("prices may 10", "2024-05-29"),  # the verb
    ("spring 2024", "2024-06-14"), ("in the summer of 2024", "2024-06-14"),  # may still be running, or to come
    ("summer 2020", None),
])
def test_unresolved_is_never_a_guess(text, published):
    period = resolve_period(text, published)
    assert (period.start, period.end, period.rule, period.resolved) == (None, None, "unresolved", False)


@pytest.mark.parametrize(("iso", "first", "last"), [
    ("2024", "2024-01-01", "2024-12-31"), ("2024-02", "2024-02-01", "2024-02-29"), ("2023-02-14", "2023-02-14", "2023-02-14"),
])
def test_partial_date_bounds(iso, first, last):
    assert (first_day(iso).isoformat(), last_day(iso).isoformat()) == (first, last)


@pytest.mark.parametrize(("sentence", "rules"), [
    ("North Korea's GDP grew 3.1% in 2023, the bank said.", ["year"]),
    ("Output grew in 2023 after shrinking in 2020.", ["year", "year"]),
    ("It sent 2000 shells, the agency said.", []),
    ("Since August, it has sent a million shells, up from Q1 2023.", ["quarter", "since_month"]),
])
def test_periods_in_a_sentence(sentence, rules):
    assert sorted(p.rule for p in periods_in(sentence, "2024-01")) == sorted(rules)


def test_a_calendar_date_may_carry_its_time_of_day() -> None:
    from pipeline.check.periods import is_calendar_date

    assert is_calendar_date("2023-02-24T09:00") and is_calendar_date("2023-02-24T09:00:30")
    assert not any(is_calendar_date(d) for d in ("2023-02-24T25:00", "2023-02-30T09:00", "2023-02T09:00", "0-01-01"))


@pytest.mark.parametrize(("quote", "period_text", "start", "end"), [
    # a labeller gives the year and drops the quarter the sentence names: the quarter wins
    ("Output contracted by 0.3% on a quarterly basis in the fourth quarter of 2023.", "2023",
     "2023-10-01", "2023-12-31"),
    ("Statisticians estimate output dropped 0.3 percent in the final quarter of the year.", "2023",
     "2023-10-01", "2023-12-31"),
    # the year is written on its own too, or the sentence names two quarters: the label's year stays
    ("The economy grew 0.3% in 2023, after a dip in the fourth quarter of 2023.", "in 2023", "2023-01-01", "2023-12-31"),
    ("GDP contracted by 0.4% during the final three months of last year, after 3.3% in July-September.", "last year",
     "2023-01-01", "2023-12-31"),
    ("The economy contracted 0.3% in 2023.", "in 2023", "2023-01-01", "2023-12-31"),
])
def test_a_year_label_is_narrowed_to_the_one_quarter_its_sentence_names(quote: str, period_text: str, start: str, end: str) -> None:
    fact = QuantFact(fact_id="f1", article_id="a1", source="s", entity="Germany", metric="gdp_real_growth", value=-0.3,
                     unit="percent", quote=quote, published="2024-01-30", period_text=period_text)
    period = period_of(fact)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(("quote", "words", "period_text", "start", "end"), [
    # the sentence names two quarters: the one written just after the number narrows the year
    ("Output contracted for the second quarter running, after a 2.1-percent decrease in the third quarter of 2023.",
     "2.1-percent", "last year", "2023-07-01", "2023-09-30"),
    ("GDP contracted by 0.4% during the final three months of last year, after 3.3% in July-September.", "0.4%", "last year",
     "2023-10-01", "2023-12-31"),
    # nothing right after it: the label's year stays
    ("GDP shrank 0.4% last year, after a dip in the fourth quarter and growth in the third quarter.", "0.4%",
     "last year", "2023-01-01", "2023-12-31"),
])
def test_of_several_quarters_the_one_right_after_the_number_narrows_the_year(quote, words, period_text, start, end) -> None:
    at = quote.index(words) + 100  # the quote starts at 100 in its article
    fact = QuantFact(fact_id="f1", article_id="a1", source="s", entity="Japan", metric="gdp_real_growth", value=-2.1,
                     unit="percent", quote=quote, published="2024-02-15", period_text=period_text,
                     span=(100, 100 + len(quote)), mention_span=(at, at + len(words)))
    assert (period_of(fact).start, period_of(fact).end) == (start, end)


@pytest.mark.parametrize(("quote", "words", "expected"), [
    # the one period of the sentence is written after a later figure: it is that figure's
    ("Prices rose 4.1% over the month, faster than the 2.2% seen in October.", "4.1%", (None, None)),
    ("Prices rose 4.1% over the month, faster than the 2.2% seen in October.", "2.2%", ("2023-10-01", "2023-10-31")),
    # written before the number, or right after it, it is still the sentence's period
    ("In October, prices rose 4.1% and wages 2.2%.", "2.2%", ("2023-10-01", "2023-10-31")),
    ("Prices rose 4.1% in October, the steepest rise on record.", "4.1%", ("2023-10-01", "2023-10-31")),
])
def test_a_quote_gives_its_period_only_to_the_figures_it_follows(quote, words, expected) -> None:
    at = quote.index(words) + 100  # the quote starts at 100 in its article
    fact = QuantFact(fact_id="f1", article_id="a1", source="s", entity="Ruritania", metric="inflation_rate", value=4.1,
                     unit="percent", quote=quote, published="2023-11-15", span=(100, 100 + len(quote)),
                     mention_span=(at, at + len(words)))
    assert (period_of(fact).start, period_of(fact).end) == expected


@pytest.mark.parametrize(("period_text", "quote", "expected"), [
    ("in the previous quarter", "GDP contracted by 0.4% during the final three months of last year, after shrinking a "
     "revised 3.3% in the previous quarter.", ("2023-07-01", "2023-09-30", "quote:previous_quarter")),
    ("the previous year", "Growth was 1.9% in 2023, after 1% in the previous year.", ("2022-01-01", "2022-12-31",
                                                                                       "quote:previous_year")),
    # compared with the previous quarter is no time of its own; nothing to place it against
    ("the previous quarter", "Output rose 2% in the first quarter of 2024 from the previous quarter.", (None, None, "unresolved")),
    ("in the previous quarter", "Output rose 2% in the previous quarter.", (None, None, "unresolved")),
])
def test_the_previous_quarter_is_placed_before_the_quarter_its_sentence_names(period_text, quote, expected) -> None:
    fact = QuantFact(fact_id="f1", article_id="a1", source="s", entity="Japan", metric="gdp_real_growth", value=-3.3,
                     unit="percent", quote=quote, published="2024-02-15", period_text=period_text)
    period = period_of(fact)
    assert (period.start, period.end, period.rule) == expected


# Fiscal years: a part of one is placed only when its months do not depend on a start month that
# is unknown (hand-written phrases in the forms Indian, Australian and US reporting use).
@pytest.mark.parametrize(("text", "published", "fiscal_start", "start", "end", "rule"), [
    # January to March of a split year fall in its second calendar year, whatever month it starts in
    ("in the January-March period of 2022-23", "2023-08-31", None, "2023-01-01", "2023-03-31", "fiscal_months"),
    ("during the January-March quarter of 2022-23", "2023-09", None, "2023-01-01", "2023-03-31", "fiscal_months"),
    ("the October to December quarter of 2023-24", "2024-02-29", None, "2023-10-01", "2023-12-31", "fiscal_months"),
    # months of the fiscal year that holds the publication date
    ("in the first quarter (April-June) of this fiscal", "2023-08-31", None, "2023-04-01", "2023-06-30",
     "fiscal_quarter"),
    # a quarter's months come from the start month the country's fiscal year has
    ("in Q1 2022-23", "2023-08-31", 4, "2022-04-01", "2022-06-30", "fiscal_quarter"),
    ("in the first quarter of FY23-24", "2023-08-31", 4, "2023-04-01", "2023-06-30", "fiscal_quarter"),
    ("the first quarter of 2023-’24", "2023-08", 4, "2023-04-01", "2023-06-30", "fiscal_quarter"),
    ("in Q1 FY24", "2023-08-31", 4, "2023-04-01", "2023-06-30", "fiscal_quarter"),
    ("in the last quarter (Q4FY22-23)", "2023-08-31", 4, "2023-01-01", "2023-03-31", "fiscal_quarter"),
    ("the first quarter of the previous financial year", "2023-08-31", 4, "2022-04-01", "2022-06-30", "fiscal_quarter"),
    ("In the fourth quarter (January-March) of last financial year", "2023-08", 4, "2023-01-01", "2023-03-31",
     "fiscal_quarter"),
    ("the third quarter of FY24", "2024-05-01", 7, "2024-01-01", "2024-03-31", "fiscal_quarter"),
    ("Q2 FY24", "2024-05-01", 10, "2024-01-01", "2024-03-31", "fiscal_quarter"),
    # a whole fiscal year
    ("in 2022-23", "2023-08-31", 4, "2022-04-01", "2023-03-31", "fiscal_year"),
    ("FY2024", "2024-11", 10, "2023-10-01", "2024-09-30", "fiscal_year"),
    ("in fiscal year 2024", "2024-11", 4, "2023-04-01", "2024-03-31", "fiscal_year"),
    ("in the third quarter of fiscal year 2024", "2024-08", 10, "2024-04-01", "2024-06-30", "fiscal_quarter"),
    ("for fiscal 2024", "2024-11", None, "2024-01-01", "2024-12-31", "year"),  # as the year rule always read it
    # a split year with no start month known stays the span of its calendar years, as before
    ("in 2022-23", "2023-08-31", None, "2022-01-01", "2023-12-31", "year_range"),
])
def test_fiscal_periods(text, published, fiscal_start, start, end, rule) -> None:
    period = resolve_period(text, published, fiscal_start)
    assert (period.start, period.end, period.rule) == (start, end, rule)


@pytest.mark.parametrize("text", [
    "in Q1 2022-23",  # not January to March 2022: the quarter's months need the start month
    "in Q1 FY24", "the first quarter of the previous financial year",
    "in the first quarter (April-June) of financial year 2023-’24",  # April-June is in 2023 only if it starts in April
    "In the fourth quarter (January-March) of last financial year",  # which fiscal year is the last one?
    "in the financial year 2022-23", "FY2024",
    "the October to December quarter of FY24",  # "FY24" may be the calendar year 2024
    "in the third quarter of fiscal year 2024",
])
def test_a_fiscal_period_that_needs_an_unknown_start_month_is_unresolved(text) -> None:
    assert not resolve_period(text, "2023-08-31").resolved


@pytest.mark.parametrize(("entity", "start"), [
    ("India", 4), ("India's economy", 4), ("Reserve Bank of India", 4), ("Australia", 7), ("United States", 10),
    ("Indiana", None), ("Meta", None), ("unknown", None), (None, None), ("India and Australia", None),
])
def test_the_fiscal_year_of_a_country_named_by_the_entity(entity, start) -> None:
    from pipeline.check.fiscal import fiscal_start

    assert fiscal_start(entity) == start


def test_a_fact_about_india_places_its_fiscal_quarter_from_its_own_words() -> None:
    fact = QuantFact(fact_id="f", article_id="a", entity="India", metric="gdp_real_growth", value=13.1, unit="percent",
                     quote="The economy grew 13.1% in Q1 2022-23.", published="2023-08-31", period_text="in Q1 2022-23")
    assert (period_of(fact).start, period_of(fact).end) == ("2022-04-01", "2022-06-30")
    unnamed = fact.model_copy(update={"entity": "unknown"})
    assert not period_of(unnamed).resolved
    from_quote = fact.model_copy(update={"period_text": None, "quote": "Growth was 7.8% in Q1 FY24, the ministry said."})
    assert (period_of(from_quote).start, period_of(from_quote).end) == ("2023-04-01", "2023-06-30")
