"""A fact without an entity takes the one its sentence names, only when exactly one fits."""

from __future__ import annotations

import pytest

from pipeline.extract.entities import fill_entities, named_in_article, unnamed_entities
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


@pytest.mark.parametrize(("entity", "named"), [
    ("Washington Commanders", True),
    ("Josh Harris", True),  # one word of it is enough
    ("Japan", True),  # "Japanese"
    ("United States", True),  # "U.S."
    ("European Union", False),  # neither its words nor "EU"
    ("Germany", False),
])
def test_entity_the_article_names(entity: str, named: bool) -> None:
    text = "NFL owners approved the $6.05 billion sale of the Washington Commanders to Harris, a U.S. investor, and his Japanese partners."
    assert named_in_article(entity, text) is named


def test_an_entity_never_named_is_dropped() -> None:
    facts = [fact("f1", "United States", "The team sold for $6.05 billion."), fact("f2", "Washington Commanders", "The team sold for $6.05 billion.")]
    kept, findings = unnamed_entities(facts, "The Washington Commanders sold for $6.05 billion.", "a")
    assert [f.entity for f in kept] == ["unknown", "Washington Commanders"]
    assert [f.fact_ids for f in findings] == [["f1"]]
