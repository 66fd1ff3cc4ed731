"""A fact without an entity takes the one its sentence names, only when exactly one fits."""

from __future__ import annotations

import pytest

from pipeline.extract.entities import fill_entities
from schemas.facts import QuantFact


def fact(fact_id: str, entity: str, quote: str) -> QuantFact:
    return QuantFact(fact_id=fact_id, article_id="a", entity=entity, metric="gdp_real_growth", value=1.0,
                     unit="percent", quote=quote)


@pytest.mark.parametrize(("quote", "entity"), [
    ("North Korea's trade ties are paying off, helping end a three-year downturn.", "North Korea"),
    ("north korea ended a three-year downturn.", "North Korea"),
    ("North Korea and Russia ended a three-year downturn.", "unknown"),  # two known entities: no guess
    ("The economy ended a three-year downturn.", "unknown"),  # none named
    ("South Koreans said the downturn ended.", "unknown"),  # "South Korea" is not a whole word here
])
def test_entity_from_the_sentence(quote: str, entity: str) -> None:
    facts = [fact("f1", "North Korea", "North Korea grew 3.1%."), fact("f2", "Russia", "Russia grew 2%."),
             fact("f3", "South Korea", "South Korea grew 1%."), fact("f4", "unknown", quote)]
    filled, findings = fill_entities(facts, "a")
    assert filled[3].entity == entity
    assert [f.fact_ids for f in findings] == ([["f4"]] if entity != "unknown" else [])
    assert [f.entity for f in filled[:3]] == ["North Korea", "Russia", "South Korea"]
