"""Entity and attribution names must be named in the article (issue 17 §5): the matcher, the
validator that reasks, and the validation-stage finding for facts no validator saw."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.check.validation import validate
from schemas.base import reject_unfound_names
from schemas.facts import QuantFact
from schemas.labels import QuantityLabel
from schemas.primitives.names import name_found

STORY = (
    "Germany's economy shrank 0.3% in the second quarter, the federal statistics office said on Tuesday, "
    "while the International Monetary Fund cut its forecast for the euro area. In Britain, the Office for "
    "National Statistics said wages rose 5.2%. Chilean copper exports rose 12%, and Brazilian officials "
    "said the U.S. tariff would cost $1.2 billion. The Bank of Japan left rates unchanged. The government "
    "said the economy would recover. French and Spanish bond yields fell, and the Fed held rates."
)


@pytest.mark.parametrize("name", [
    "Germany", "German", "germany's economy", "International Monetary Fund", "IMF", "I.M.F.",
    "Office for National Statistics", "ONS", "U.S.", "US", "United States", "America", "UK", "United Kingdom",
    "Britain", "Chile", "Brazil", "Bank of Japan", "BOJ", "BoJ", "France", "Spain", "Federal Reserve",
    "the government", "the economy", "statistics office", "Statistics Office, Germany", "euro area",
    "unknown", "",
])
def test_names_the_article_gives_directly_inflected_abbreviated_or_by_a_known_equivalent(name: str) -> None:
    assert name_found(name, STORY)


@pytest.mark.parametrize("name", [
    "Zeta Holdings", "World Bank", "OECD", "Italy", "Italian", "Bank of England", "European Central Bank",
    "ECB", "the ministry", "Reuters", "Italian government", "Office for Budget Responsibility", "Australia",
])
def test_names_the_article_never_gives_are_not_found(name: str) -> None:
    assert not name_found(name, STORY)


def test_initialisms_need_capitals_and_inflections_need_a_shared_stem() -> None:
    assert not name_found("US", "Officials told us the figures were provisional.")
    assert not name_found("United States", "Officials told us the figures were provisional.")
    assert not name_found("IMF", "in March, figures from the ministry showed a fall")
    assert name_found("International Monetary Fund", "the IMF said growth would slow")
    assert name_found("Bank of Korea", "exports rose, the BOK said")
    assert name_found("North Korea", "North Korean exports rose") and name_found("North Korean", "North Korea's exports")
    assert not name_found("Austria", "Australia's central bank") and not name_found("Iran", "Iraq's oil output")
    assert name_found("Japanese government", "the government and the Bank of Japan")  # every content word, inflected


def test_reject_unfound_names_is_an_instruction_and_needs_the_text() -> None:
    with pytest.raises(ValueError, match="entity «Zeta Holdings» is not named in the article: write entity"):
        reject_unfound_names({"entity": "Zeta Holdings", "attribution": None}, {"text": STORY})
    reject_unfound_names({"entity": "Zeta Holdings"}, {})  # no text: nothing to check
    reject_unfound_names({"entity": "Germany", "attribution": "IMF"}, {"text": STORY})


def test_a_label_naming_someone_the_article_never_names_fails_validation() -> None:
    label = {"is_fact": True, "metric": "gdp_real_growth", "entity": "Germany", "status": "actual", "attribution": "IMF"}
    assert QuantityLabel.model_validate(label, context={"text": STORY}).attribution == "IMF"
    with pytest.raises(ValidationError, match="attribution «World Bank» is not named"):
        QuantityLabel.model_validate(label | {"attribution": "World Bank"}, context={"text": STORY})


def fact(entity: str, attribution: str | None) -> QuantFact:
    return QuantFact(fact_id=f"f_{entity[:4]}", article_id="a1", source="Wire", published="2024-08-01", entity=entity,
                     metric="gdp_real_growth", value=-0.3, unit="percent", status="actual", attribution=attribution,
                     period_text="in the second quarter", quote="Germany's economy shrank 0.3% in the second quarter",
                     prompt="p", model="m", run_id="r")


def test_validation_flags_stored_facts_whose_names_the_article_never_gives() -> None:
    report = validate([fact("Zeta Holdings", "IMF"), fact("Germany", "Bundesbank")], {"a1": STORY})
    names = [f for f in report.findings if f.check == "names"]
    assert [(f.fact_ids, f.severity, f.message) for f in names] == [
        (["f_Zeta"], "error", "entity «Zeta Holdings» is not named in the article"),
        (["f_Germ"], "error", "attribution «Bundesbank» is not named in the article"),
    ]
    assert not [f for f in validate([fact("Zeta Holdings", "IMF")]).findings if f.check == "names"]  # no texts: not checked


def test_spaced_initials_are_the_initialism() -> None:
    from schemas.primitives.names import name_found
    text = "The quake had a magnitude of 6.8, according to the US Geological Survey."
    assert name_found("U. S. Geological Survey", text) and name_found("U.S. Geological Survey", text)
    assert not name_found("U. K. Met Office", text)


def test_the_world_is_named_by_global_and_worldwide_but_no_world_body_is() -> None:
    text = "More than a billion people are now living with obesity globally, the study found."
    assert name_found("world", text) and name_found("the world", text) and name_found("worldwide", text)
    assert not name_found("World Bank", text) and not name_found("World Health Organization", text)
