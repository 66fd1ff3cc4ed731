"""Stage (evaluation): score extracted facts against hand-checked gold facts.

A fact matches a gold fact when their values agree within 1% and their unit classes agree (percent,
currency, count, duration), or their units measure one dimension and agree within 1% once converted
("3.45 minutes" and "207 seconds"), and they point at the same place: the spans overlap,
or the fact's quote contains the gold anchor. Matching is one-to-one and greedy in text order.
Precision, recall and F1 count matches; `grounded_rate` is the share of extracted facts whose
quote and number were found in the article; `value_accuracy` is, among facts that point at a gold
fact's place (matched ones first, so a sentence with two numbers is not counted against itself),
the share whose value is right.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field

from schemas.facts import QuantFact
from schemas.units import coins_unit, dimension_of, unit_size
from schemas.vocabulary import unit_class

from schemas.primitives.textnorm import fold_text

VALUE_TOLERANCE = 0.01


class GoldFact(BaseModel):
    """A hand-checked fact: the contract's fields plus the anchor words next to the number."""

    model_config = ConfigDict(extra="allow")

    fact_id: str
    article_id: str
    entity: str
    metric: str
    value: float
    value_max: float | None = None
    unit: str
    qualifier: str = "exact"
    anchor: str
    span: tuple[int, int] | None = None


class Scores(BaseModel):
    gold: int
    extracted: int
    matched: int
    precision: float
    recall: float
    f1: float
    grounded_rate: float
    value_accuracy: float
    metric_accuracy: float


class EvalReport(BaseModel):
    overall: Scores
    per_article: dict[str, Scores]
    missed: list[GoldFact] = Field(default_factory=list)
    unmatched: list[QuantFact] = Field(default_factory=list)
    wrong_values: list[tuple[str, str]] = Field(default_factory=list, description="(fact_id, gold fact_id)")


def same_value(a: float, b: float) -> bool:
    """Equal within the evaluation's relative tolerance."""
    return math.isclose(a, b, rel_tol=VALUE_TOLERANCE, abs_tol=1e-9)


def same_amount(value: float, unit: str, gold_value: float, gold_unit: str) -> bool:
    """One amount: equal values of one unit class, or of one dimension once converted (`schemas.units`); a
    multiple and the percentage change it makes are one ("doubled": 2 times, or up 100 percent; "halved": -50), and so
    are odds and the percentage they give ("1 in 292 million": 292 million `one_in`, or 100/292 million percent); a coin's
    ticker is its coins ("BTC", "bitcoins")."""
    unit, gold_unit = coins_unit(unit), coins_unit(gold_unit)  # "BTC" and "bitcoins" are one unit
    if {unit, gold_unit} == {"times", "percent"}:
        times, percent = (value, gold_value) if unit == "times" else (gold_value, value)
        return same_value((times - 1) * 100, percent)
    if {unit, gold_unit} == {"one_in", "percent"}:
        odds, percent = (value, gold_value) if unit == "one_in" else (gold_value, value)
        return odds > 0 and same_value(100 / odds, percent)
    dimension, gold_dimension = dimension_of(unit), dimension_of(gold_unit)
    if dimension is not None and gold_dimension is not None:  # energy is never power, nor a length a time
        return dimension == gold_dimension and same_value(value * unit_size(unit), gold_value * unit_size(gold_unit))
    return same_value(value, gold_value) and unit_class(unit) == unit_class(gold_unit)


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Do two [start, end) spans share a character?"""
    return bool(a and b and a[0] < b[1] and b[0] < a[1])


def same_place(fact: QuantFact, gold: GoldFact) -> bool:
    """The fact sits where the gold fact does: overlapping spans, or the gold anchor inside the quote."""
    return _overlap(fact.span, gold.span) or fold_text(gold.anchor) in fold_text(fact.quote)


def _matches(fact: QuantFact, gold: GoldFact) -> bool:
    return same_amount(fact.value, fact.unit, gold.value, gold.unit) and same_place(fact, gold)


def _on_the_number(fact: QuantFact, gold: GoldFact) -> bool:
    """The fact's number lies inside the gold fact's anchor (two figures of one sentence, "a decline of
    0.1%" and "a 0.1% increase", share their sentence but not their number)."""
    return _overlap(fact.mention_span, gold.span)


def pair_up(facts: list[QuantFact], gold: list[GoldFact], accept: Callable[[QuantFact, GoldFact], bool]) -> list[tuple[QuantFact, GoldFact]]:
    """One-to-one pairs: first each gold fact takes an unused fact that `accept`s it and whose number lies
    in its anchor (`_on_the_number`); then each gold fact still unpaired takes the first unused fact that
    `accept`s it. So a figure near another ("the 40C mark, hitting 40.2C") cannot take the fact of its
    neighbour's own number when that neighbour comes later."""
    fact_of: dict[int, QuantFact] = {}  # gold fact's index -> its fact
    used: set[str] = set()
    for on_number in (True, False):
        for i, g in enumerate(gold):
            f = None if i in fact_of else next(
                (f for f in facts if f.fact_id not in used and (not on_number or _on_the_number(f, g)) and accept(f, g)), None)
            if f is not None:
                fact_of[i] = f
                used.add(f.fact_id)
    return [(fact_of[i], g) for i, g in enumerate(gold) if i in fact_of]


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


Pairs = list[tuple[QuantFact, GoldFact]]


def _scores(facts: list[QuantFact], gold_count: int, matched: Pairs, placed: Pairs) -> Scores:
    precision, recall = _ratio(len(matched), len(facts)), _ratio(len(matched), gold_count)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    grounded = sum(1 for f in facts if f.grounding in ("exact", "fuzzy"))
    return Scores(
        gold=gold_count, extracted=len(facts), matched=len(matched), precision=precision, recall=recall,
        f1=f1, grounded_rate=_ratio(grounded, len(facts)),
        value_accuracy=_ratio(sum(1 for f, g in placed if same_value(f.value, g.value)), len(placed)),
        metric_accuracy=_ratio(sum(1 for f, g in matched if f.metric == g.metric), len(matched)),
    )


def evaluate(facts: list[QuantFact], gold: list[GoldFact]) -> EvalReport:
    """Overall and per-article scores, with the gold facts missed and the facts left unmatched."""
    per_article: dict[str, Scores] = {}
    matched: Pairs = []
    placed: Pairs = []
    for article_id in sorted({g.article_id for g in gold} | {f.article_id for f in facts}):
        article_facts = [f for f in facts if f.article_id == article_id]
        article_gold = [g for g in gold if g.article_id == article_id]
        article_matched = pair_up(article_facts, article_gold, _matches)
        article_placed = article_matched + pair_up(
            [f for f in article_facts if f.fact_id not in {m.fact_id for m, _ in article_matched}],
            [g for g in article_gold if g.fact_id not in {m.fact_id for _, m in article_matched}],
            same_place,
        )
        per_article[article_id] = _scores(article_facts, len(article_gold), article_matched, article_placed)
        matched += article_matched
        placed += article_placed
    matched_facts = {f.fact_id for f, _ in matched}
    matched_gold = {g.fact_id for _, g in matched}
    return EvalReport(
        overall=_scores(facts, len(gold), matched, placed), per_article=per_article,
        missed=[g for g in gold if g.fact_id not in matched_gold],
        unmatched=[f for f in facts if f.fact_id not in matched_facts],
        wrong_values=[(f.fact_id, g.fact_id) for f, g in placed if not same_value(f.value, g.value)],
    )
