"""Scoring against gold facts: the matching rule, the figures, and the CLI's JSON form."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.check.evaluation import GoldFact, evaluate, pair_up, same_amount, same_place
from pipeline.ingest.jsonl import read_jsonl
from pipeline.errors import InputError
from schemas.facts import QuantFact

GOLD = GoldFact(fact_id="g1", article_id="a1", entity="North Korea", metric="gdp_nominal", value=24.5e9,
                unit="USD", anchor="$24.5 billion", span=(100, 113))


def fact(**changes: Any) -> QuantFact:
    base = dict(fact_id="f1", article_id="a1", entity="North Korea", metric="gdp_nominal", value=24.5e9,
                unit="USD", quote="valued at just $24.5 billion", span=(85, 114), grounding="exact")
    return QuantFact(**{**base, **changes})


@pytest.mark.parametrize("changes, matches", [
    ({}, True),
    ({"value": 24.6e9}, True),  # within 1%
    ({"value": 24.8e9}, False),  # 1.2% off
    ({"unit": "EUR"}, True),  # same unit class: currency
    ({"unit": "percent"}, False),
    ({"span": (0, 50), "quote": "the economy is valued at just $24.5 billion"}, True),  # anchor in quote
    ({"span": (0, 50), "quote": "valued at 24.5 billion"}, False),  # neither span nor anchor
    ({"span": None}, True),
    ({"article_id": "a2"}, False),
    ({"metric": "gni_nominal"}, True),  # metric is scored separately
])
def test_matching_rule(changes: dict[str, Any], matches: bool) -> None:
    report = evaluate([fact(**changes)], [GOLD])
    assert report.overall.matched == int(matches)


@pytest.mark.parametrize("value, unit, gold_value, gold_unit, same", [
    (3.45, "minutes", 207, "seconds", True),  # "three minutes and 27 seconds" against a gold in seconds
    (2.0097, "hours", 7235, "seconds", True),  # "2 hours, 35 seconds"
    (3.45, "hours", 207, "seconds", False),
    (1.6, "miles", 2.575, "kilometers", True),
    (2.05, "megajoules", 2_050_000, "joules", True),  # "2.05MJ" against a gold in joules
    (1.2, "terawatt_hours", 4.32e15, "joules", True),
    (400, "megawatts", 0.4, "gigawatts", True),
    (2.05, "megajoules", 2.05, "megawatts", False),  # energy is not power
    (207, "seconds", 207, "percent", False),  # no dimension: the unit classes must agree
    (5, "EUR", 5, "USD", True),  # money is one class; exchange is not the evaluation's business
    (2, "times", 100, "percent", True),  # "doubled" read as a multiple against a gold rise of 100%
    (0.5, "times", -50, "percent", True),  # "halved"
    (2, "times", 2, "percent", False),
    (100 / 292.2e6, "percent", 292.2e6, "one_in", True),  # odds "1 in 292.2 million" read as a percentage
    (100 / 24.9, "percent", 24.9, "one_in", True),
    (5.0, "percent", 24.9, "one_in", False),
    (3.125, "bitcoins", 3.125, "BTC", True),  # a coin's ticker is its coins, not ISO money
    (3.125, "bitcoins per block", 3.125, "BTC per block", True),
    (3.125, "bitcoins", 3.125, "USD", False),
])
def test_amounts_of_one_dimension_compare_once_converted(value: float, unit: str, gold_value: float, gold_unit: str,
                                                         same: bool) -> None:
    assert same_amount(value, unit, gold_value, gold_unit) is same


def test_figures_and_lists() -> None:
    gold2 = GOLD.model_copy(update={"fact_id": "g2", "value": 3.1, "unit": "percent", "anchor": "grew 3.1%", "span": (200, 209)})
    facts = [
        fact(),
        fact(fact_id="f2", value=3.4, unit="percent", quote="GDP grew 3.1% in 2023", span=(196, 217)),  # right place, wrong value
        fact(fact_id="f3", value=7.0, unit="percent", quote="an invented 7%", span=(400, 414), grounding="none"),
    ]
    report = evaluate(facts, [GOLD, gold2])
    s = report.overall
    assert (s.gold, s.extracted, s.matched) == (2, 3, 1)
    assert (s.precision, s.recall) == (0.3333, 0.5)
    assert s.f1 == 0.4
    assert s.grounded_rate == 0.6667
    assert s.value_accuracy == 0.5
    assert [g.fact_id for g in report.missed] == ["g2"]
    assert [f.fact_id for f in report.unmatched] == ["f2", "f3"]
    assert report.wrong_values == [("f2", "g2")]


def test_matching_is_one_to_one() -> None:
    twins = [fact(), fact(fact_id="f2")]
    report = evaluate(twins, [GOLD])
    assert report.overall.matched == 1
    assert report.overall.precision == 0.5


def test_two_figures_of_one_sentence_pair_with_the_gold_facts_on_their_numbers() -> None:
    # "Prices showed a fall of 0.2% in May, short of the forecast of a 0.2% rise." (sentence at 300)
    gold = [GOLD.model_copy(update={"fact_id": f"g{n}", "value": v, "unit": "percent", "anchor": a, "span": sp})
            for n, v, a, sp in ((1, -0.2, "a fall of 0.2%", (314, 328)), (2, 0.2, "a 0.2% rise", (362, 373)))]
    sentence = dict(unit="percent", quote="Prices showed a fall of 0.2% in May, short of the forecast of a 0.2% rise.",
                    span=(300, 374))
    facts = [fact(fact_id="rise", value=0.2, mention_span=(364, 368), **sentence),
             fact(fact_id="fall", value=-0.2, mention_span=(324, 328), **sentence)]
    report = evaluate(facts, gold)
    assert report.overall.matched == 2 and report.wrong_values == []
    by_size = pair_up(facts, gold, lambda f, g: abs(f.value) == abs(g.value) and same_place(f, g))  # the sign scored apart
    assert [(f.fact_id, g.fact_id) for f, g in by_size] == [("fall", "g1"), ("rise", "g2")]


def test_a_gold_figure_left_unextracted_does_not_take_its_neighbours_fact() -> None:
    # "Two towns passed the 40C mark, one hitting 40.2C." (sentence at 300): only 40.2 was extracted
    gold = [GOLD.model_copy(update={"fact_id": f"g{n}", "value": v, "unit": "degrees_celsius", "anchor": a, "span": sp})
            for n, v, a, sp in ((1, 40.0, "passed the 40C mark", (310, 329)), (2, 40.2, "hitting 40.2C", (335, 348)))]
    hit = fact(fact_id="f1", value=40.2, unit="degrees_celsius", quote="Two towns passed the 40C mark, one hitting 40.2C.",
               span=(300, 349), mention_span=(343, 348))
    report = evaluate([hit], gold)
    assert [g.fact_id for g in report.missed] == ["g1"] and report.wrong_values == []


def test_bad_gold_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(GOLD.model_dump_json() + "\n" + '{"fact_id": "x"}\n')
    with pytest.raises(InputError, match=r"gold.jsonl:2"):
        read_jsonl(path, GoldFact)


def test_eval_cli_json_has_the_headline_fields(tmp_path: Path) -> None:
    facts_path, gold_path = tmp_path / "facts.jsonl", tmp_path / "gold.jsonl"
    facts_path.write_text(fact().model_dump_json() + "\n")
    gold_path.write_text(GOLD.model_dump_json() + "\n")
    result = CliRunner().invoke(app, ["eval", "--gold", str(gold_path), str(facts_path), "--format", "json"])
    assert result.exit_code == 0
    body = json.loads(result.stdout)
    assert {k: body[k] for k in ("precision", "recall", "f1", "grounded_rate", "value_accuracy")} == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "grounded_rate": 1.0, "value_accuracy": 1.0}


def test_seed_gold_anchors_sit_at_their_spans() -> None:
    from pipeline.ingest.sources import load_articles

    root = Path(__file__).resolve().parent.parent / "seeds"
    texts = {a.article_id: a.text for a in load_articles([root]).articles}
    gold = read_jsonl(root / "gold.jsonl", GoldFact)
    assert len(gold) >= 20
    for g in gold:
        assert g.span is not None and texts[g.article_id][g.span[0]:g.span[1]] == g.anchor
