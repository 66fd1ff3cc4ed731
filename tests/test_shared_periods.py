"""Unit tests: one fact for each period a number is written for (pipeline/extract/shared_periods.py)."""

from __future__ import annotations

from pipeline.extract.shared_periods import one_per_period
from schemas.facts import QuantFact

TEXT = "Officials raised their jobless projection to 4.3% in 2025 and 2026. Growth is seen at 1.9% in 2025."


def fact_on(number: str, fact_id: str, period: str | None) -> QuantFact:
    start = TEXT.index(number)
    sentence_end = TEXT.index(".", start) + 1
    sentence_start = TEXT.rfind(". ", 0, start) + 2 if ". " in TEXT[:start] else 0
    return QuantFact(fact_id=fact_id, article_id="a1", entity="United States", metric="unemployment_rate",
                     value=float(number.rstrip("%")), unit="percent", quote=TEXT[sentence_start:sentence_end],
                     span=(sentence_start, sentence_end), mention_span=(start, start + len(number)), period_text=period)


def test_a_number_written_for_two_years_becomes_a_fact_for_each() -> None:
    facts = one_per_period([fact_on("4.3%", "f1", "in 2025"), fact_on("1.9%", "f2", "in 2025")], TEXT)
    assert [(f.fact_id == "f1", f.value, f.period_text) for f in facts[:2]] == [(True, 4.3, "in 2025"), (False, 4.3, "in 2026")]
    assert facts[1].fact_id not in ("f1", "f2") and facts[1].mention_span == facts[0].mention_span
    assert facts[2] == fact_on("1.9%", "f2", "in 2025")  # one year: unchanged


def test_the_texts_two_periods_replace_a_model_period_that_is_neither() -> None:
    facts = one_per_period([fact_on("4.3%", "f1", "this year")], TEXT)
    assert [f.period_text for f in facts] == ["in 2025", "in 2026"]
    assert one_per_period(facts[:1], TEXT)[1].fact_id == facts[1].fact_id  # the same input, the same id
