"""The quantity-mention scanner, on real-world phrasings from business, economics and war reporting."""

from __future__ import annotations

import time

import pytest

from pipeline.extract.mentions import quantities, rejections, scan, scan_candidates, sentence_bounds

# (text, [(mention text, value, value_max, unit, unit class, qualifier)])
CASES = [
    ("North Korea has sent more than 1 million artillery shells to Russia",
     [("more than 1 million artillery shells", 1e6, None, "artillery_shells", "count", "more_than")]),
    ("North Korea has shipped about a million shells", [("about a million shells", 1e6, None, "shells", "count", "approximately")]),
    ("valued at just $24.5 billion", [("$24.5 billion", 24.5e9, None, "USD", "currency", "exact")]),
    ("worth just 22.6 billion euro in 2022", [("22.6 billion euro", 22.6e9, None, "EUR", "currency", "exact")]),
    ("exports of US$3bn", [("US$3bn", 3e9, None, "USD", "currency", "exact")]),
    ("a budget of 3 trillion won", [("3 trillion won", 3e12, None, "KRW", "currency", "exact")]),
    ("approximately two million workers in a total population of 26 million",
     [("approximately two million workers", 2e6, None, "workers", "count", "approximately"), ("26 million", 26e6, None, None, "count", "exact")]),
    ("at least 10 arms transfers", [("at least 10 arms transfers", 10, None, "arms_transfers", "count", "at_least")]),
    ("ballistic missiles typically cost several million dollars", [("several million dollars", 2e6, 9e6, "USD", "currency", "several")]),
    ("the state training thousands of hackers", [("thousands of hackers", 2e3, 9e3, "hackers", "count", "several")]),
    ("likely to number in the millions.", [("millions", 2e6, 9e6, None, "count", "several")]),
    ("shrinking over the last five years", [("five years", 5, None, "years", "duration", "exact")]),
    ("helping end a three-year downturn", [("three-year", 3, None, "years", "duration", "exact")]),
    ("rates rose 50 basis points", [("50 basis points", 50, None, "basis_points", "percent", "exact")]),
    ("unemployment fell 0.3 percentage points", [("0.3 percentage points", -0.3, None, "percentage_points", "percent", "exact")]),
    ("growth of 2-3% is expected", [("2-3%", 2, 3, "percent", "percent", "range")]),
    ("between 10 and 12 million people", [("between 10 and 12 million people", 10e6, 12e6, "people", "count", "range")]),
    ("inflation eased to 4.9 per cent", [("4.9 per cent", 4.9, None, "percent", "percent", "exact")]),
    ("a dozen drones", [("a dozen drones", 12, None, "drones", "count", "exact")]),
    ("growth (-4.5%) last year", [("-4.5%", -4.5, None, "percent", "percent", "exact")]),
    ("nearly 300 troops", [("nearly 300 troops", 300, None, "troops", "count", "approximately")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_quantities(text: str, expected: list[tuple]) -> None:
    found = [(m.text, m.value, m.value_max, m.unit, m.unit_class, m.qualifier) for m in quantities(text)]
    assert found == expected
    assert all(text[m.start:m.end] == m.text for m in quantities(text))


@pytest.mark.parametrize("text, date_parts", [
    ("largest expansion since 2016", ["2016"]),
    ("a closed-door briefing on November 1", ["1"]),
    ("attacks on December 29 and January 2", ["29", "2"]),
    ("signed on 1 July 2024", ["1", "2024"]),
    ("the first accusation came in September 2022", ["2022"]),
])
def test_date_parts_are_flagged_not_counted(text: str, date_parts: list[str]) -> None:
    assert [m.text for m in scan(text) if m.is_year] == date_parts
    assert quantities(text) == []


@pytest.mark.parametrize("text", [
    "cited cooperation as one factor", "the two sides turned to one another", "one of the largest employers",
    "the first time since the pandemic", "an A320 and a COVID-19 ward",
])
def test_words_that_are_not_quantities(text: str) -> None:
    assert [m for m in quantities(text) if m.text.lower() in {"one", "a", "an", "320", "19"}] == []


@pytest.mark.parametrize("text, direction", [
    ("the economy contracted 4.5 percent", "down"), ("a 0.2 percent dip", "down"), ("exports fell 3%", "down"),
    ("GDP grew 3.1% in 2023", "up"), ("output expanded by 4.9%", "up"), ("prices were 3% in March", None),
])
def test_direction_words(text: str, direction: str | None) -> None:
    assert quantities(text)[0].direction == direction


def test_ids_run_in_order_and_sentences_are_found() -> None:
    text = "Prices in the U.S. rose 3.1% last year. Mr. Smith said exports hit $2 billion! Imports fell 4%."
    mentions = quantities(text)
    assert [m.id for m in mentions] == ["m1", "m2", "m3"]
    sentences = [text[m.sentence_start:m.sentence_end] for m in mentions]
    assert sentences == ["Prices in the U.S. rose 3.1% last year.", "Mr. Smith said exports hit $2 billion!", "Imports fell 4%."]
    assert sentence_bounds(text, 0) == (0, len(sentences[0]))


def test_scan_is_deterministic_and_fast_on_long_text() -> None:
    text = "In 2023 output grew 3.1% to $2.77 billion, with about 2 million workers. " * 700
    assert len(text) > 50_000
    started = time.perf_counter()
    first = scan(text)
    elapsed = time.perf_counter() - started
    assert first == scan(text)
    assert len([m for m in first if not m.is_year]) == 3 * 700
    assert elapsed < 5  # a generous bound: this guards against quadratic behaviour, not speed


# Issue 15's classes, one table: new hand-written sentences (not copies of tests/data/scanner).
# (class, text, [(value, value_max, unit, qualifier, direction)])
CLASS_CASES = [
    ('words_decimal', 'Inflation in the euro area edged down to two point six percent in May.',
     [(2.6, None, 'percent', 'exact', None)]),
    ('words_decimal', "The firm's shares lost four point one per cent on Friday.",
     [(-4.1, None, 'percent', 'exact', 'down')]),
    ('words_decimal', 'The council expects 7 point 2 million visitors this year.',
     [(7200000.0, None, 'visitors', 'exact', None)]),
    ('words_decimal', 'Wages grew by three and a half percent last year.',
     [(3.5, None, 'percent', 'exact', 'up')]),
    ('words_fraction', 'Three in four nurses said they were considering leaving.',
     [(75.0, None, 'percent', 'exact', None)]),
    ('words_fraction', "Roughly a third of the city's buses run on electricity.",
     [(33.3333333333, None, 'percent', 'approximately', None)]),
    ('words_fraction', 'Nearly half of all households rent their homes.',
     [(50.0, None, 'percent', 'approximately', None)]),
    ('words_fraction', 'Two out of five voters remain undecided.',
     [(40.0, None, 'percent', 'exact', None)]),
    ('words_fraction', 'The value of the bonds fell by two-thirds in a year.',
     [(-66.6666666667, None, 'percent', 'exact', 'down')]),
    ('words_one', 'The ferry sank with one crew member on board.',
     [(1, None, 'crew_members', 'exact', None)]),
    ('words_vague', 'Dozens of shops closed early as the storm approached.',
     [(24, 108, 'shops', 'several', None)]),
    ('words_vague', 'Tens of thousands of fans lined the streets for the parade.',
     [(20000.0, 90000.0, 'fans', 'several', None)]),
    ('words_vague', 'Several thousand homes were left without heating.',
     [(2000.0, 9000.0, 'homes', 'several', None)]),
    ('words_multiplier', 'Online sales have risen fivefold since the pandemic.',
     [(5, None, 'times', 'exact', 'up')]),
    ('words_multiplier', 'Fees jumped 3-fold after the reform.',
     [(3, None, 'times', 'exact', 'up')]),
    ('words_multiplier', 'Emergency calls were four times higher than a year earlier.',
     [(4, None, 'times', 'exact', 'up')]),
    ('scale_abbrev', 'The bank set aside £2.5bn for bad loans.',
     [(2500000000.0, None, 'GBP', 'exact', None)]),
    ('scale_abbrev', 'The app was downloaded 12m times in its first week.',
     [(12000000.0, None, 'times', 'exact', None)]),
    ('scale_abbrev', 'The merger creates a group worth $14 B.',
     [(14000000000.0, None, 'USD', 'exact', None)]),
    ('indian_scale', 'The scheme will cost Rs 3,200 crore over five years.',
     [(32000000000.0, None, 'INR', 'exact', None), (5, None, 'years', 'exact', None)]),
    ('indian_scale', 'About 4 lakh pilgrims are expected at the temple.',
     [(400000.0, None, 'pilgrims', 'approximately', None)]),
    ('sign_minus', 'Overnight the temperature fell to minus 14 degrees Celsius.',
     [(-14, None, 'degrees_celsius', 'exact', None)]),
    ('sign_minus', 'Euro area retail sales by country: Ireland -2.1%, Portugal +1.4%.',
     [(-2.1, None, 'percent', 'exact', None), (1.4, None, 'percent', 'exact', None)]),
    ('sign_verb', 'Car exports contracted 5.4% in the first half.',
     [(-5.4, None, 'percent', 'exact', 'down')]),
    ('sign_verb', 'The dollar weakened 0.6% against the yen.',
     [(-0.6, None, 'percent', 'exact', 'down')]),
    ('sign_verb', 'The survey points to a 1.2% drop in house prices.',
     [(-1.2, None, 'percent', 'exact', 'down')]),
    ('sign_verb', 'Tourist spending plummeted 38 per cent during the strike.',
     [(-38, None, 'percent', 'exact', 'down')]),
    ('sign_verb', 'Steel output shrank by 2.6 percent from a year earlier.',
     [(-2.6, None, 'percent', 'exact', 'down')]),
    ('direction_level', 'The pound climbed 0.4% to $1.27.',
     [(0.4, None, 'percent', 'exact', 'up'), (1.27, None, 'USD', 'exact', None)]),
    ('direction_level', 'Unemployment rose to 5.1% in March.',
     [(5.1, None, 'percent', 'exact', None)]),
    ('direction_level', 'Copper slid 1.5% to $8,900 a tonne.',
     [(-1.5, None, 'percent', 'exact', 'down'), (8900, None, 'USD per tonne', 'exact', None)]),
    ('direction_level', 'The jobless rate held at 3.9 percent.',
     [(3.9, None, 'percent', 'exact', None)]),
    ('range', 'Mortgage rates rose from 5.2% to 6.1% over the summer.',
     [(5.2, 6.1, 'percent', 'range', 'up')]),
    ('range', 'Between 300 and 400 jobs are at risk.',
     [(300, 400, 'jobs', 'range', None)]),
    ('range', 'The repairs will take six to eight weeks.',
     [(6, 8, 'weeks', 'range', None)]),
    ('range', 'Analysts expect a rise of 3-4% next year.',
     [(3, 4, 'percent', 'range', 'up')]),
    ('by_to', 'Sales rose by 8% to €3.1 billion.',
     [(8, None, 'percent', 'exact', 'up'), (3100000000.0, None, 'EUR', 'exact', None)]),
    ('by_to', 'The number of strikes fell by 12 to 40.',
     [(-12, None, None, 'exact', 'down'), (40, None, None, 'exact', None)]),
    ('unit_rate', 'Diesel costs 1.72 euros per litre.',
     [(1.72, None, 'EUR per liter', 'exact', None)]),
    ('unit_rate', 'Nurses earn about £18 an hour.',
     [(18, None, 'GBP per hour', 'approximately', None)]),
    ('unit_rate', 'The group paid a dividend of 42 cents a share.',
     [(0.42, None, 'USD per share', 'exact', None)]),
    ('unit_rate', 'The mine produces 2 million tonnes a year.',
     [(2000000.0, None, 'tonnes per year', 'exact', None)]),
    ('unit_pc', 'Rents rose 6pc in the year to June.',
     [(6, None, 'percent', 'exact', 'up')]),
    ('unit_bps', 'The bank raised rates by 75 bps.',
     [(75, None, 'basis_points', 'exact', 'up')]),
    ('unit_bps', 'Gilt yields fell 12 basis points.',
     [(-12, None, 'basis_points', 'exact', 'down')]),
    ('unit_pounds', 'The suitcase weighed 50 pounds.',
     [(50, None, 'pounds', 'exact', None)]),
    ('unit_pounds', 'Fans paid 60 pounds for a ticket.',
     [(60, None, 'GBP', 'exact', None)]),
    ('unit_glued_currency', 'The startup raised A$40 million.',
     [(40000000.0, None, 'AUD', 'exact', None)]),
    ('unit_glued_currency', 'A metro ticket in Beijing costs about ¥5.',
     [(5, None, 'CNY', 'approximately', None)]),
    ('unit_glued_currency', 'The budget sets aside HK$2.4 billion for clinics.',
     [(2400000000.0, None, 'HKD', 'exact', None)]),
    ('unit_shared', 'Prices rose 2 and 4 percent in April and May respectively.',
     [(2, None, 'percent', 'exact', 'up'), (4, None, 'percent', 'exact', 'up')]),
    ('unit_shared', 'A pint costs six or seven pounds in the city.',
     [(6, 7, 'GBP', 'range', None)]),]


@pytest.mark.parametrize("kind, text, expected", CLASS_CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in CLASS_CASES])
def test_each_class_of_issue_15(kind: str, text: str, expected: list[tuple]) -> None:
    found = [(m.value, m.value_max, m.unit, m.qualifier, m.direction) for m in quantities(text)]
    assert [(pytest.approx(v), None if vm is None else pytest.approx(vm), u, q, d) for v, vm, u, q, d in expected] == found


@pytest.mark.parametrize("text, rules", [
    ("The Nasdaq 100 ended the week flat.", ["name"]),
    ("Apple unveiled the iPhone 16 on Monday.", ["name"]),
    ("Protesters gathered outside 11 Downing Street.", ["address"]),
    ("The airline will retire its Boeing 747 fleet.", ["name"]),
    ("The yield on 10-year Treasury notes rose.", ["bond_tenor"]),
    ("The polls opened at 7am and closed at 10pm.", ["clock_time", "clock_time"]),
    ("The earthquake struck at 02:14 local time.", ["clock_time", "clock_time"]),
    ("Liverpool beat Everton 2-0 at Anfield.", ["sports_score", "sports_score"]),
    ("The Bulls won 101-99 in overtime.", ["sports_score", "sports_score"]),
    ("The rules took effect on 3 March 2025.", ["date", "date"]),
    ("Spending in 2024-25 is set to rise.", ["date", "date"]),
    ("The two companies agreed to merge.", ["phrase"]),
    ("One of the pilots was injured.", ["phrase"]),
    ("One of the three suspects was released without charge.", ["phrase", "phrase"]),
    ("The Big Four firms were fined.", ["name"]),
    ("It was the fourth straight monthly increase.", []),
])
def test_numbers_that_are_not_quantities_say_which_rule_decided(text: str, rules: list[str]) -> None:
    assert quantities(text) == []
    assert [r.rule for r in rejections(text)] == rules
    assert all(text[r.start:r.end] == r.text for r in rejections(text))


def test_scan_candidates_lists_kept_and_rejected_numbers_in_order() -> None:
    text = "The S&P 500 fell 2% at 3:45 p.m. on Friday."
    candidates = scan_candidates(text)
    assert [(c.text, c.rule) for c in candidates] == [("500", "name"), ("2%", None), ("3", "clock_time"), ("45", "clock_time")]
    assert candidates[1].mention is not None and candidates[1].mention.value == -2


@pytest.mark.parametrize("text, cue", [
    ("Output contracted 3.2% in the quarter.", "contracted"),
    ("Retail sales saw a 0.7% dip in January.", "dip"),
    ("The cold snap took temperatures to minus 9 degrees Celsius.", "minus"),
    ("The central bank cut its key rate by 25 basis points.", "cut its key rate by"),
])
def test_the_words_that_set_a_sign_are_kept(text: str, cue: str) -> None:
    (mention,) = quantities(text)
    assert mention.value < 0
    assert mention.cue == cue
