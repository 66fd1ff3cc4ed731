"""Text the model writes into a fact must be in the article's own scripts; other letters are reasked."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from schemas.extraction import ExtractedFact
from schemas.labels import MentionLabel, QuantityLabel
from schemas.primitives.scripts import foreign_letters, script_of, scripts_in

ENGLISH = "North Korea's economy grew 3.1% in 2023, the Bank of Korea said on Friday."


@pytest.mark.parametrize("char, script", [
    ("a", "LATIN"), ("É", "LATIN"), ("Ａ", "LATIN"), ("领", "CJK"), ("한", "HANGUL"), ("ж", "CYRILLIC"),
    ("λ", "GREEK"), ("ع", "ARABIC"), ("7", None), ("%", None), ("’", None), ("ʼ", None),
])
def test_script_of_a_character(char: str, script: str | None) -> None:
    assert script_of(char) == script


@pytest.mark.parametrize("value, article, found", [
    ("North Korean and Russian领导", ENGLISH, ("领导", "CJK")),
    ("along with俄罗斯", ENGLISH, ("俄罗斯", "CJK")),
    ("Министерство", ENGLISH, ("Министерство", "CYRILLIC")),
    ("Société Générale", ENGLISH, None),
    ("Bank of Korea (한국은행)", ENGLISH + " The Bank of Korea (한국은행) said so.", None),
    ("Kim Jong Un, 2024", ENGLISH, None),
])
def test_foreign_letters_are_those_the_article_never_uses(value: str, article: str, found: tuple[str, str] | None) -> None:
    assert foreign_letters(value, scripts_in(article)) == found


def _label(**fields: Any) -> dict[str, Any]:
    return {"is_fact": True, "metric": "gdp_real_growth", "entity": "North Korea", "status": "actual"} | fields


@pytest.mark.parametrize("field", ["entity", "attribution", "period_text", "metric_label"])
def test_a_quantity_label_in_a_foreign_script_is_reasked_with_the_reason(field: str) -> None:
    context = {"required": True, "words": "3.1%", "scripts": scripts_in(ENGLISH)}
    changes = {field: "Russian领导"} | ({"metric": "other"} if field == "metric_label" else {})
    with pytest.raises(ValidationError, match=rf"{field} «Russian领导» has cjk letters \(«领导»\) that the article never uses"):
        QuantityLabel.model_validate(_label(**changes), context=context)
    assert QuantityLabel.model_validate(_label(attribution="Bank of Korea"), context=context).attribution == "Bank of Korea"


def test_a_non_fact_is_not_checked_and_without_the_article_nothing_is() -> None:
    context = {"required": False, "words": "two", "scripts": scripts_in(ENGLISH)}
    assert not QuantityLabel.model_validate({"is_fact": False, "reason": "两个"}, context=context).is_fact
    assert QuantityLabel.model_validate(_label(entity="朝鲜")).entity == "朝鲜"


def test_marked_mention_labels_and_free_facts_are_checked_too() -> None:
    context = {"mentions": {"m1": "percent"}, "required": {}, "scripts": scripts_in(ENGLISH)}
    with pytest.raises(ValidationError, match="entity «朝鲜»"):
        MentionLabel.model_validate(_label(id="m1", entity="朝鲜"), context=context)
    fact = {"entity": "朝鲜", "metric": "gdp_real_growth", "value": 3.1, "unit": "percent", "quote": "grew 3.1% in 2023"}
    with pytest.raises(ValidationError, match="entity «朝鲜»"):
        ExtractedFact.model_validate(fact, context={"article_text": ENGLISH, "scripts": scripts_in(ENGLISH)})
