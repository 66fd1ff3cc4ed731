"""Unit tests for pipeline.extract.grounding: locating quotes and checking the numbers in them."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.extract.grounding import QuoteLocation, ground_fact, ground_facts, locate_quote
from schemas.primitives.numbers import value_in_text
from schemas.facts import QuantFact

ARTICLE = (
    "SEOUL \u2014 North Korea\u2019s economy grew 3.1% in 2023, the Bank of Korea said on Friday, "
    "ending three consecutive years of contraction.\n\n"
    "Pyongyang has shipped more than 1 million artillery shells to Russia,  according to "
    "South Korean\u00a0intelligence, while its trade with China rose 74.6% in 2023 to "
    "$2.77 billion.\n"
    "\u201cThe arms trade has been a significant boost,\u201d said one analyst, who estimated "
    "that approximately two million workers in a total population of 26 million depend on "
    "the defense sector. Gross national income was valued at just $24.5 billion."
)


def make_fact(quote: str, value: float, unit: str = "count", **extra: Any) -> QuantFact:
    fields: dict[str, Any] = {
        "fact_id": extra.pop("fact_id", "f1"), "article_id": "a1", "entity": "North Korea",
        "metric": "other", "metric_label": "test_metric", "value": value, "unit": unit,
        "quote": quote,
    }
    return QuantFact(**(fields | extra))


EXACT_CASES: list[tuple[str, str]] = [
    # (quote as the model wrote it, the slice of ARTICLE it must map to)
    ("North Korea\u2019s economy grew 3.1% in 2023", "North Korea\u2019s economy grew 3.1% in 2023"),
    ("North Korea's economy grew 3.1% in 2023", "North Korea\u2019s economy grew 3.1% in 2023"),
    ("more than 1 million artillery shells to Russia, according to South Korean intelligence",
     "more than 1 million artillery shells to Russia,  according to South Korean\u00a0intelligence"),
    ("\"The arms trade has been a significant boost,\" said one analyst",
     "\u201cThe arms trade has been a significant boost,\u201d said one analyst"),
    ("rose 74.6% in 2023 to\n$2.77 billion", "rose 74.6% in 2023 to $2.77 billion"),
    ("  valued at just $24.5 billion  ", "valued at just $24.5 billion"),
    ("SEOUL - North Korea's economy", "SEOUL \u2014 North Korea\u2019s economy"),
    ("NORTH KOREA\u2019S ECONOMY GREW", "North Korea\u2019s economy grew"),
]


@pytest.mark.parametrize(("quote", "original"), EXACT_CASES)
def test_locate_quote_exact_with_original_offsets(quote: str, original: str) -> None:
    loc = locate_quote(ARTICLE, quote)
    assert loc.method == "exact" and loc.score == 100.0
    assert loc.start is not None and loc.end is not None
    assert ARTICLE[loc.start:loc.end] == original


def test_collapsed_newline_between_sentences_is_exact() -> None:
    text = ARTICLE.replace("to $2.77", "to\n\n$2.77")
    loc = locate_quote(text, "rose 74.6% in 2023 to $2.77 billion")
    assert loc.method == "exact"
    assert loc.start is not None and text[loc.start:loc.end] == "rose 74.6% in 2023 to\n\n$2.77 billion"


FUZZY_CASES: list[tuple[str, str]] = [
    ("the Bank of Korea said Friday, ending three consecutive years of contraction",
     "contraction"),
    ("Pyongyang has shipped over 1 million artillery shells to Russia, according to South Korean",
     "Pyongyang"),
    ("approximately two milion workers in a total population of 26 million depend on the defence sector",
     "26 million"),
]


@pytest.mark.parametrize(("quote", "must_contain"), FUZZY_CASES)
def test_locate_quote_fuzzy_for_slight_misquotes(quote: str, must_contain: str) -> None:
    loc = locate_quote(ARTICLE, quote)
    assert loc.method == "fuzzy"
    assert 90.0 <= loc.score < 100.0
    assert loc.start is not None and loc.end is not None
    assert must_contain in ARTICLE[loc.start:loc.end]
    assert loc.end - loc.start >= 0.8 * len(quote)


NONE_CASES = [
    "North Korea's economy shrank 4.5% in 2023 as sanctions bit hard across every sector",
    "Kim Jong Un inaugurated a new missile factory in Hamhung on Tuesday",
    "",
    "   \n\t ",
    "\u200b\u200b",
    ARTICLE + " And then it goes on with a long paragraph that the article never had, adding "
    "figures for exports, imports and the price of rice that nobody reported.",
]


@pytest.mark.parametrize("quote", NONE_CASES)
def test_locate_quote_none(quote: str) -> None:
    assert locate_quote(ARTICLE, quote) == QuoteLocation(None, None, "none", 0.0)


def test_quote_longer_than_a_short_text_is_not_found() -> None:
    assert locate_quote("GDP grew 3.1%.", "GDP grew 3.1% in 2023, the central bank said").method == "none"


def test_whole_short_text_misquoted_is_fuzzy() -> None:
    text = "GDP grew 3.1% in 2023, the central bank said."
    loc = locate_quote(text, "GDP grew 3.1% in 2023, the central bank said on Friday.")
    assert loc == QuoteLocation(0, len(text), "fuzzy", loc.score)
    assert loc.score >= 90.0


@pytest.mark.parametrize(
    ("quote", "original"),
    [
        ("the Bank of Korea said Friday, ending three consecutive years of contraction",
         "the Bank of Korea said on Friday, ending three consecutive years of contraction"),
        ("Pyongyang has shipped over 1 million artillery shells to Russia, according to South Korean",
         "Pyongyang has shipped more than 1 million artillery shells to Russia,  according to "
         "South Korean"),
    ],
)
def test_fuzzy_span_is_snapped_to_whole_words(quote: str, original: str) -> None:
    loc = locate_quote(ARTICLE, quote)
    assert loc.method == "fuzzy"
    assert ARTICLE[loc.start:loc.end] == original


def test_min_score_is_respected() -> None:
    quote = "the Bank of Korea said Friday, ending three consecutive years of contraction"
    assert locate_quote(ARTICLE, quote, min_score=99.5).method == "none"


def test_short_partial_overlap_is_not_accepted() -> None:
    # The opening words match exactly, but most of the quote is invented.
    quote = "valued at just $24.5 billion by analysts in Seoul who studied trade data closely"
    assert locate_quote(ARTICLE, quote).method == "none"


def test_locate_quote_maps_a_misquote_in_a_long_article_to_the_real_words() -> None:
    """Correctness only: speed is for benchmarks, not for a timed unit test that fails under load."""
    article = (ARTICLE + "\n") * 8  # about 5,000 characters
    misquote = "approximately two milion workers in a total population of 26 million depend on"
    found = locate_quote(article, misquote)
    assert found.method == "fuzzy" and found.score >= 90
    assert article[found.start:found.end] == "approximately two million workers in a total population of 26 million depend on"
    assert locate_quote(article, NONE_CASES[1]).method == "none"


GROUNDED_CASES: list[tuple[str, float, float | None, str, str]] = [
    ("North Korea's economy grew 3.1% in 2023", 3.1, None, "percent", "exact"),
    ("more than 1 million artillery shells", 1e6, None, "shells", "exact"),
    ("rose 74.6% in 2023 to $2.77 billion", 2.77e9, None, "USD", "exact"),
    ("rose 74.6% in 2023 to $2.77 billion", 74.6, None, "percent", "exact"),
    ("approximately two million workers in a total population of 26 million", 2e6, None,
     "workers", "exact"),
    ("a total population of 26 million", 26e6, None, "people", "exact"),
    ("valued at just $24.5 billion", 24.5e9, None, "USD", "exact"),
    ("ending three consecutive years of contraction", 3, None, "years", "exact"),
    ("approximately two million workers in a total population of 26 million", 2e6, 26e6,
     "workers", "exact"),
    ("Pyongyang has shipped over 1 million artillery shells to Russia, according to South Korean",
     1e6, None, "shells", "fuzzy"),
]


@pytest.mark.parametrize(("quote", "value", "value_max", "unit", "method"), GROUNDED_CASES)
def test_ground_fact_verified(
    quote: str, value: float, value_max: float | None, unit: str, method: str
) -> None:
    fact = make_fact(quote, value, unit, value_max=value_max)
    grounded, findings = ground_fact(fact, ARTICLE)
    assert grounded.grounding == method
    assert grounded.span is not None
    passage = ARTICLE[grounded.span[0]:grounded.span[1]]
    assert all(value_in_text(v, passage) for v in (value, value_max) if v is not None)
    assert [f.severity for f in findings] == (["info"] if method == "fuzzy" else [])
    assert fact.grounding is None and fact.span is None  # the input is not mutated


def test_ground_fact_span_points_at_the_article() -> None:
    fact = make_fact("North Korea's economy grew 3.1% in 2023", 3.1, "percent")
    grounded, _ = ground_fact(fact, ARTICLE)
    assert grounded.span is not None
    start, end = grounded.span
    assert ARTICLE[start:end] == "North Korea\u2019s economy grew 3.1% in 2023"


def test_fuzzy_finding_reports_the_score() -> None:
    fact = make_fact(FUZZY_CASES[0][0], 3, "years")
    grounded, findings = ground_fact(fact, ARTICLE)
    assert grounded.grounding == "fuzzy"
    (finding,) = findings
    assert finding.check == "grounding" and finding.severity == "info"
    assert "similarity" in finding.message and "/100" in finding.message


def test_invented_quote_is_kept_with_an_error() -> None:
    quote = NONE_CASES[1]
    fact = make_fact(quote, 1, "factories", fact_id="f9")
    grounded, findings = ground_fact(fact, ARTICLE)
    assert grounded.grounding == "none" and grounded.span is None
    (finding,) = findings
    assert (finding.check, finding.severity) == ("grounding", "error")
    assert finding.fact_ids == ["f9"] and finding.article_id == "a1"
    assert "not in the article" in finding.message
    assert quote[:40] in finding.message


VALUE_MISMATCH_CASES: list[tuple[str, float, float | None, str]] = [
    ("more than 1 million artillery shells", 2e6, None, "'1 million'"),
    ("valued at just $24.5 billion", 24.5, None, "'24.5 billion'"),
    ("North Korea's economy grew 3.1% in 2023", 0.031, None, "'3.1'"),
    ("North Korea's economy grew 3.1% in 2023", 3.1, 4.0, "'2023'"),
    ("\"The arms trade has been a significant boost,\" said one analyst", 1e9, None, "'one'"),
]


@pytest.mark.parametrize(("quote", "value", "value_max", "listed"), VALUE_MISMATCH_CASES)
def test_value_not_in_quote_is_unverified(
    quote: str, value: float, value_max: float | None, listed: str
) -> None:
    fact = make_fact(quote, value, value_max=value_max)
    grounded, findings = ground_fact(fact, ARTICLE)
    assert grounded.grounding == "none"
    assert grounded.span is not None  # the quote itself was found
    (finding,) = findings
    assert (finding.check, finding.severity) == ("grounding", "error")
    wrong = value if value_max is None else value_max
    assert f"{wrong:g}" in finding.message
    assert listed in finding.message


def test_number_from_outside_the_quote_does_not_count() -> None:
    # 26 million is in the article, but not in this sentence.
    fact = make_fact("more than 1 million artillery shells", 26e6, "shells")
    grounded, findings = ground_fact(fact, ARTICLE)
    assert grounded.grounding == "none"
    assert findings[0].severity == "error"


def test_long_quote_is_shortened_in_messages() -> None:
    quote = "An invented sentence " * 10
    _, findings = ground_fact(make_fact(quote, 1), ARTICLE)
    assert "..." in findings[0].message
    assert quote not in findings[0].message


def test_ground_facts_never_drops_and_keeps_order() -> None:
    facts = [
        make_fact("North Korea's economy grew 3.1% in 2023", 3.1, "percent", fact_id="ok"),
        make_fact(NONE_CASES[0], 4.5, "percent", fact_id="invented"),
        make_fact("more than 1 million artillery shells", 2e6, "shells", fact_id="wrong"),
        make_fact(FUZZY_CASES[1][0], 1e6, "shells", fact_id="fuzzy"),
    ]
    grounded, findings = ground_facts(facts, ARTICLE)
    assert len(grounded) == len(facts)
    assert [f.fact_id for f in grounded] == ["ok", "invented", "wrong", "fuzzy"]
    assert [f.grounding for f in grounded] == ["exact", "none", "none", "fuzzy"]
    assert [(f.fact_ids, f.severity) for f in findings] == [
        (["invented"], "error"), (["wrong"], "error"), (["fuzzy"], "info"),
    ]


def test_ground_facts_empty() -> None:
    assert ground_facts([], ARTICLE) == ([], [])
