"""Labelling: a price change of one part of the consumer basket is that part's inflation rate (`basket.basket_part`)."""

from __future__ import annotations

import pytest

from pipeline.extract.labelling.basket import basket_part
from pipeline.extract.labelling.mention_facts import measured
from pipeline.extract.mentions import quantities
from tests.test_mention_facts import facts_of

RELEASE = "Ruritania's consumer price index rose 0.3% in April. "  # an article about consumer prices


def parts(sentence: str, metric: str = "other", label: str | None = "percentage", context: str = RELEASE) -> list[tuple]:
    text = context + sentence
    return [(m.text, basket_part(measured(m, text), metric, label, text)) for m in quantities(text)
            if m.unit == "percent" and m.start >= len(context)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The index for diesel fell 4.1% in April, after declining 2.2% in March.", ["diesel", "diesel"]),
    ("The clothing index rose 0.6 percent over the month.", ["clothing"]),
    ("Second-hand car prices slipped 0.9% in April and were down 6% from a year earlier.",
     ["Second-hand car", "Second-hand car"]),
    ("Rail fares climbed 1.8% in April.", ["Rail fares"]),
    ("Over the past 12 months the rent index has increased 4.4%.", ["rent"]),
    ("The price of coffee jumped 7%.", ["coffee"]),
    ("Bread prices rose 0.4% and water costs 0.7%.", ["Bread", "water"]),
    ("Core CPI, which leaves out food and fuel, rose 0.2% in April.", ["Core CPI"]),
    ("Core CPI, which leaves out food and fuel, gained just 0.2% in April, also coming below forecasts of a 0.3% "
     "increase and slowing from the 0.3% gain in March.", ["Core CPI", "Core CPI", "Core CPI"]),  # one subject
    ("The index for diesel fell 4.1%, more than offsetting a 0.3% increase in rent for the month.", ["diesel", "rent"]),
    ("Households saw a 3% rise in bread prices last month.", ["bread"]),
    ("Rent prices rose 4.4% over the year, accounting for 60% of the total increase.", ["Rent", None]),  # a share
    ("The toys and games index was down (-0.8%) in April.", ["toys and games"]),
    ("Index items that rose included rent (+0.5%); dental care (+0.3%), and books (+1.2%).",
     ["rent", "dental care", "books"]),
    ("The largest rises were in the categories of “leisure goods” (4.4 per cent) and insurance (2.1 per cent).",
     ["leisure goods", "insurance"]),
    ("Among the April increases, those in personal care (2.9%), rent (2.4%) and travel (1.8%) led.",
     ["personal care", "rent", "travel"]),
    ("The biggest rises were in clothing (4.1%) and recreation (3.3%).", ["clothing", "recreation"]),
    ("Lunch got dearer, as the cost of sandwiches rose 2.1%.", ["sandwiches"]),  # after "as", a cost of
    ("Lamb prices, meanwhile, also increased 0.9% in April.", ["Lamb"]),  # past an aside
    ("Mutton, meanwhile, cost 1.4% more in April.", ["Mutton"]),
    ("Cheese costs 2.2% more than a year ago.", ["Cheese"]),
    ("Butter prices are 12% higher than in April last year.", ["Butter"]),  # a copula before a comparison
    ("Fish prices overall rose 0.6% in April.", ["Fish"]),
    ("The cost of eating at home edged up 0.2%.", ["eating at home"]),
    ("Butter prices shot up 9% in April.", ["Butter"]),
    ("The 9% jump brings butter prices to a record high.", ["butter"]),
    ("In April alone, the cost of butter across the country jumped 9% from a year ago.", ["butter"]),
])
def test_a_part_of_the_basket_is_read_from_the_words_before_its_change(sentence, expected) -> None:
    assert [part for _, part in parts(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "The all-items index rose 0.3% on a seasonally adjusted basis.",  # the whole index
    "Overall consumer prices increased 2.4% over the year.",
    "Annual inflation eased to 2.4%.",
    "Crude oil prices fell 3% on Tuesday.",  # markets outside the basket's parts
    "Shares of Acme rose 4% after the release.",
    "House prices rose 1.1% in April.",
    "Workers got a 4% rise in wages last month.",  # no price
    "With this figure, Ruritania also overtakes Freedonia (94%) in the region.",  # a name, no part
    "Price rises were steepest in the north (4%).",  # a place, no part
    "But the family dinner still costs 25% more than in 2019.",  # a meal, with its article: no bare part
    "Butter prices are 12% of the dairy index.",  # a level, no comparison
])
def test_the_whole_index_markets_and_names_are_no_part(sentence) -> None:
    assert [part for _, part in parts(sentence)] == [None]


def test_only_a_kind_only_or_inflation_label_in_an_article_about_consumer_prices_is_read() -> None:
    sentence = "The index for diesel fell 4.1% in April."
    assert parts(sentence, "other", "diesel_price_change") == [("4.1%", None)]  # the model named it
    assert parts(sentence, "inflation_rate", None) == [("4.1%", "diesel")]
    assert parts(sentence, context="Ruritania's fuel retailers cut costs. ") == [("4.1%", None)]


def test_a_part_s_change_is_its_inflation_rate_held_by_the_part_not_the_country() -> None:
    facts = facts_of(RELEASE + "The index for diesel fell 4.1% in April.", label="percentage")
    diesel = facts[-1]
    assert (diesel.metric, diesel.entity, diesel.value, diesel.metric_label) == ("inflation_rate", "diesel", -4.1, None)
