"""benchmarks/revalidate.py: an earlier run's `other` facts get the vocabulary metric today's code reads,
and lose their resolved periods so validation resolves them again."""

from __future__ import annotations

from benchmarks.revalidate import relabelled

QUOTE = "Real GDP, the value of all goods produced, shrank 0.1% from the previous quarter."


def fact(metric: str, label: str | None, quote: str = QUOTE, words: str = "0.1%") -> dict:
    start = quote.index(words)
    return {"fact_id": "f1", "metric": metric, "metric_label": label, "value": -0.1, "unit": "percent", "quote": quote,
            "span": [100, 100 + len(quote)], "mention_span": [100 + start, 100 + start + len(words)],
            "period_text": "in 2023", "period_start": "2023-01-01", "period_end": "2023-12-31", "period_rule": "year"}


def test_a_bare_percentage_about_the_economy_becomes_its_growth_and_periods_are_resolved_again() -> None:
    out = relabelled(fact("other", "percentage"))
    assert (out["metric"], out["metric_label"]) == ("gdp_real_growth", None)
    assert "period_start" not in out and "period_rule" not in out and out["period_text"] == "in 2023"


def test_named_and_unlabelled_others_and_vocabulary_metrics_stay() -> None:
    assert relabelled(fact("other", "revenue_growth"))["metric"] == "other"
    assert relabelled(fact("other", "unlabelled_percent"))["metric_label"] == "unlabelled_percent"
    assert relabelled(fact("inflation_rate", None))["metric"] == "inflation_rate"
