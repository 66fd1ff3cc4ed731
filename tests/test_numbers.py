"""Unit tests for schemas.primitives.numbers: numbers as news prose writes them."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from schemas.primitives.numbers import NumberMatch, find_numbers, numbers_in, parse_number, round_fractions, value_in_text

FIND_CASES: list[tuple[str, list[tuple[str, float]]]] = [
    ("a hall of about 18, 000 square metres", [("18, 000", 18000)]),  # a comma typed with a space after it
    ("ranked 3, 4 and 000", [("3", 3), ("4", 4), ("000", 0)]),
    ("more than 1 million artillery shells", [("1 million", 1e6)]),
    ("about one million shells", [("one million", 1e6)]),
    ("valued at just $24.5 billion", [("24.5 billion", 24.5e9)]),
    ("22.6 billion euro in 2022", [("22.6 billion", 22.6e9), ("2022", 2022)]),
    ("grew 3.1% in 2023", [("3.1", 3.1), ("2023", 2023)]),
    ("rose 74.6% in 2023 to $2.77 billion", [("74.6", 74.6), ("2023", 2023), ("2.77 billion", 2.77e9)]),
    ("approximately two million workers in a total population of 26 million",
     [("two million", 2e6), ("26 million", 26e6)]),
    ("at least $1 billion", [("1 billion", 1e9)]),
    ("the economy shrank (-4.5%) last year", [("-4.5", -4.5)]),
    ("growth of \u22124.5% in the quarter", [("\u22124.5", -4.5)]),
    ("a deal worth 1.5bn", [("1.5bn", 1.5e9)]),
    ("losing $1.6 bilion and 3 milion jobs", [("1.6 bilion", 1.6e9), ("3 milion", 3e6)]),  # typed with one "l"
    ("a grant of $2m", [("2m", 2e6)]),
    ("exports of \u00a33.4 bn", [("3.4 bn", 3.4e9)]),
    ("revenue of 12mn won", [("12mn", 12e6)]),
    ("debt of $1.2tn", [("1.2tn", 1.2e12)]),
    ("10k protesters", [("10k", 1e4)]),
    ("a $3B contract", [("3B", 3e9)]),
    ("a market value of $2.5T", [("2.5T", 2.5e12)]),  # a capital T after a currency sign: a trillion
    ("the shares passed (dollar)3T", [("3T", 3e12)]),
    ("a 7T magnet in the scanner", [("7", 7)]),  # no currency: no scale
    ("$5T-shirts on sale", [("5", 5)]),
    ("sent a dozen missiles", [("a dozen", 12)]),
    ("ten launchers", [("ten", 10)]),
    ("half a million rounds", [("half a million", 5e5)]),
    ("half of a million rounds", [("half of a million", 5e5)]),
    ("a quarter of a million rounds", [("a quarter of a million", 2.5e5)]),
    ("three-quarters of a billion euros", [("three-quarters of a billion", 7.5e8)]),
    ("a quarter-million fans", [("a quarter-million", 2.5e5)]),
    ("A half-million people fled", [("A half-million", 5e5)]),
    ("passed the half-million mark", [("half-million", 5e5)]),
    ("two-thirds of the vote", []),
    ("a billion dollars", [("a billion", 1e9)]),
    ("A million shells", [("A million", 1e6)]),
    ("two dozen drones", [("two dozen", 24)]),
    ("twenty-five tanks", [("twenty-five", 25)]),
    ("Sixty percent of exports", [("Sixty", 60)]),
    ("one hundred and twenty soldiers", [("one hundred and twenty", 120)]),
    ("a hundred thousand troops", [("a hundred thousand", 1e5)]),
    ("two million five hundred thousand people", [("two million five hundred thousand", 2.5e6)]),
    ("one million or two million", [("one million", 1e6), ("two million", 2e6)]),
    ("an estimated 100,000 troops", [("100,000", 1e5)]),
    ("some 11,000 North Korean soldiers", [("11,000", 11000)]),
    ("sales of 2,770 units", [("2,770", 2770)]),
    ("fell 0.2 percentage points", [("0.2", 0.2)]),
    ("the 2022-23 fiscal year", [("2022", 2022), ("23", 23)]),
    ("inflation of 5 - 6%", [("5", 5), ("6", 6)]),
    ("between 3%-4% a year", [("3", 3), ("4", 4)]),
    ("grew 3.1pc", [("3.1", 3.1)]),
    ("a 10km front", [("10", 10)]),
    ("zero growth", [("zero", 0)]),
    ("1,000,000 rounds", [("1,000,000", 1e6)]),
    ("US$1.2 trillion", [("1.2 trillion", 1.2e12)]),
]

NO_NUMBER_CASES = [
    "the first shipment",
    "the second quarter",
    "the 23rd round of talks",
    "an Airbus A320",
    "no one knows",
    "two-thirds of the budget",
    "millions of people",
    "hundreds of shells",
]


@pytest.mark.parametrize(("text", "value"), [
    ("67.1 million", 67_100_000.0), ("8.2 million", 8_200_000.0), ("4.1bn", 4_100_000_000.0), ("2.3 lakh", 230_000.0),
    ("-4.1 billion", -4_100_000_000.0), ("two point three million", 2_300_000.0),
])
def test_a_scaled_decimal_is_the_whole_number_written(text: str, value: float) -> None:
    """Exactly, not the binary product (67.1 * 1e6 is 67,099,999.99999999, which counts nothing whole)."""
    assert [m.value for m in find_numbers(text)] == [value]


@pytest.mark.parametrize(("text", "expected"), FIND_CASES)
def test_find_numbers_texts_and_values(text: str, expected: list[tuple[str, float]]) -> None:
    found = find_numbers(text)
    assert [(m.text, m.value) for m in found] == [(t, pytest.approx(v)) for t, v in expected]
    for match in found:
        assert text[match.start:match.end] == match.text


@pytest.mark.parametrize("text", NO_NUMBER_CASES)
def test_find_numbers_ignores_words_that_are_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("COVID-19 cases", 19.0), ("an F-16 jet", 16.0), ("the G-7 summit", 7.0)],
)
def test_hyphen_after_a_word_is_not_a_minus(text: str, value: float) -> None:
    assert numbers_in(text) == [value]


@pytest.mark.parametrize(
    ("text", "scale"),
    [("24.5 billion", 1e9), ("1.5bn", 1e9), ("$2m", 1e6), ("10k", 1e3), ("1.2tn", 1e12),
     ("one million", 1e6), ("half a million", 1e6), ("2,770", 1.0), ("a dozen", 1.0), ("3.1%", 1.0)],
)
def test_scale_is_reported(text: str, scale: float) -> None:
    (match,) = find_numbers(text)
    assert match.scale == scale
    assert match.value / match.scale == pytest.approx(parse_number(text) / scale)  # type: ignore[operator]


@pytest.mark.parametrize(("text", "spans"), [
    ("A half-million people and a quarter of a million cars", [(0, 14), (26, 48)]),
    ("half a billion and three-quarters of a million", [(0, 14), (19, 46)]),
    ("250,000 people, a quarter of them children", []),  # a share of a whole, not of a scale word
    ("two million", []),
])
def test_round_fractions_are_fractions_of_a_scale_word(text: str, spans: list[tuple[int, int]]) -> None:
    assert round_fractions(text) == spans


def test_currency_and_percent_are_outside_the_match() -> None:
    text = "worth $24.5 billion, up 3.1%"
    first, second = find_numbers(text)
    assert (first.start, first.text) == (7, "24.5 billion")
    assert text[second.end] == "%"


def test_offsets_are_in_order_across_mixed_forms() -> None:
    text = "Ten ships, 1.5bn won and a dozen drones in 2023"
    found = find_numbers(text)
    assert [m.text for m in found] == ["Ten", "1.5bn", "a dozen", "2023"]
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_number_match_is_frozen() -> None:
    match = NumberMatch(0, 2, "26", 26.0, 1.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.value = 3.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("24.5 billion", 24.5e9), ("1,000", 1000.0), ("one million", 1e6), ("a dozen", 12.0),
        ("1.5bn", 1.5e9), ("$2m", 2e6), ("US$2m", 2e6), ("3.1%", 3.1), ("-4.5%", -4.5),
        ("ten", 10.0), ("half a million", 5e5), ("  26 ", 26.0), ("0.2", 0.2),
        ("\u20ac22.6 billion", 22.6e9), ("seventy-four", 74.0),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["", "shells", "1 and 2", "24.5 billion shells", "between 10 and 12", "first"]
)
def test_parse_number_rejects_non_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1e6, "more than 1 million artillery shells"),
        (1e6, "about one million shells"),
        (24.5e9, "valued at just $24.5 billion"),
        (22.6e9, "22.6 billion euro in 2022"),
        (3.1, "grew 3.1% in 2023"),
        (74.6, "rose 74.6% in 2023 to $2.77 billion"),
        (2.77e9, "rose 74.6% in 2023 to $2.77 billion"),
        (2e6, "approximately two million workers in a total population of 26 million"),
        (26e6, "approximately two million workers in a total population of 26 million"),
        (-4.5, "the economy shrank 4.5% last year"),
        (-4.5, "(-4.5%)"),
        (4.5, "(-4.5%)"),
        (0.0, "zero growth"),
        (2.7e9, "$2.7bn"),
        (2_771_000_000.0, "$2.77 billion"),
    ],
)
def test_value_in_text_true(value: float, text: str) -> None:
    assert value_in_text(value, text)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (24.5, "valued at just $24.5 billion"),
        (2e6, "more than 1 million artillery shells"),
        (3.2, "grew 3.1% in 2023"),
        (0.031, "grew 3.1% in 2023"),
        (0.0, "grew 0.1% in 2023"),
        (1e6, "no figures were given"),
        (19.0, "the first shipment"),
    ],
)
def test_value_in_text_false(value: float, text: str) -> None:
    assert not value_in_text(value, text)


def test_value_in_text_respects_rel_tol() -> None:
    assert not value_in_text(2.8e9, "$2.77 billion")
    assert value_in_text(2.8e9, "$2.77 billion", rel_tol=0.02)



NEW_CASES = json.loads((Path(__file__).parent / "data" / "mention_cases.json").read_text(encoding="utf-8"))["numbers"]


@pytest.mark.parametrize("case", NEW_CASES, ids=[c["text"] for c in NEW_CASES])
def test_spoken_decimals_scale_words_and_glued_currencies(case: dict) -> None:
    """Issue 15: "two point eight", "5 point 6 million", "two and a half", "7 hundred", lakh and crore, "$6 B", "Rs900"."""
    assert [[m.text, m.value] for m in find_numbers(case["text"])] == [[t, pytest.approx(v)] for t, v in case["expected"]]
