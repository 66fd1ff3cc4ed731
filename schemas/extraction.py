"""Schema: what the model fills in, with the cheap validators that run during extraction.

These models are the `response_model` handed to instructor. Field descriptions are written for
the model. Validators read the article from the validation context `{"article_text": ...}`
(`schemas.base.context_of`) and word their errors as instructions, because instructor sends them
back to the model in a reask. With the article also under "text", the entity and attribution must
be named in it (`reject_unfound_names`).
Without a context (for example when re-reading a stored completion) the article checks are
skipped and only the shape is checked.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, PrivateAttr, ValidationInfo, field_validator, model_validator
from pydantic_core.core_schema import ValidatorFunctionWrapHandler

from schemas.primitives.numbers import NumberMatch, find_numbers, value_in_text
from schemas.primitives.textnorm import fold_text

from .base import ResponseModel, context_of, reject_foreign_script, reject_unfound_names
from .facts import Qualifier, Status
from .units import MODEL_ALIASES, canonical_unit, currencies_named, is_currency
from .vocabulary import COUNT_NOUNS, METRIC_UNIT_CLASS, Metric, unit_class

PERCENT_RANGE = (-100.0, 1000.0)


class ExtractedFact(BaseModel):
    """One quantitative fact as the model reports it. Provenance is added by code afterwards."""

    quote: str = Field(description="The sentence from the article that contains the number, copied exactly.")
    entity: str = Field(description="Who or what the number is about, e.g. 'North Korea'.")
    metric: Metric = Field(description="What is measured. Use 'other' and fill metric_label if nothing fits.")
    metric_label: str | None = Field(None, description="Short snake_case name of the measure when metric is 'other'.")
    value: float = Field(description="The number from the quote in base units: '$24.5 billion' is 24500000000.")
    value_max: float | None = Field(None, description="Upper end when the quote gives a range, else null.")
    unit: str = Field(description="percent, percentage_points, a currency code like USD, or a plural noun like shells.")
    qualifier: Qualifier = Field("exact", description="How the quote hedges the number: about = approximately.")
    period_text: str | None = Field(None, description="The words that give the time period, e.g. 'in 2023', or null.")
    status: Status = Field("actual", description="actual, estimate, forecast (expected future) or claim.")
    attribution: str | None = Field(None, description="Who says it: a person, agency or outlet, or null.")

    @field_validator("unit", mode="before")
    @classmethod
    def _canonical_unit(cls, unit: Any) -> Any:
        return canonical_unit(MODEL_ALIASES.get(unit.strip().lower(), unit)) if isinstance(unit, str) else unit

    @model_validator(mode="after")
    def _check_against_article(self, info: ValidationInfo) -> "ExtractedFact":
        if not self.unit:
            self.unit = self._unit_from_metric()
        self._check_metric_and_unit()
        reject_foreign_script({"entity": self.entity, "attribution": self.attribution, "period_text": self.period_text,
                               "metric_label": self.metric_label}, context_of(info))
        reject_unfound_names({"entity": self.entity, "attribution": self.attribution}, context_of(info))
        article = context_of(info).get("article_text")
        if article is not None:
            self._check_quote_in(article)
            self._fix_or_reject_value()
        return self

    def _unit_from_metric(self) -> str:
        """Fill an empty unit when the metric and the quote leave only one choice."""
        kind = METRIC_UNIT_CLASS.get(self.metric)
        if kind == "percent":
            return "percent"
        if kind == "duration":
            return "years"
        if kind == "count" and self.metric in COUNT_NOUNS:
            return COUNT_NOUNS[self.metric]
        currencies = currencies_named(self.quote) if kind == "currency" else set()
        if len(currencies) == 1:
            return currencies.pop()
        raise ValueError("unit is empty: write percent, a currency code such as USD, or the counted thing in plural")

    def _check_metric_and_unit(self) -> None:
        if self.metric == "other" and not self.metric_label:
            raise ValueError("metric is 'other': set metric_label to a short snake_case name of the measure")
        if len(self.unit) == 3 and self.unit.isupper() and not is_currency(self.unit):
            raise ValueError(f"unit {self.unit!r} is not an ISO-4217 currency code; use a code such as USD, EUR or KRW")
        expected = METRIC_UNIT_CLASS.get(self.metric)
        actual = unit_class(self.unit)
        if expected and expected != actual:
            raise ValueError(
                f"metric {self.metric!r} is measured in {expected} but unit {self.unit!r} is a {actual}; "
                f"choose a metric that fits the unit, or metric 'other' with a metric_label"
            )
        if actual == "percent" and not PERCENT_RANGE[0] <= self.value <= PERCENT_RANGE[1]:
            raise ValueError(f"value {self.value} percent is not a plausible percentage; write 3.1% as 3.1")

    def _check_quote_in(self, article: str) -> None:
        if fold_text(self.quote) not in fold_text(article):
            raise ValueError(
                f"quote {self.quote[:80]!r} is not in the article; copy the sentence exactly as written"
            )

    def _fix_or_reject_value(self) -> None:
        numbers = find_numbers(self.quote)
        self.value = _as_written(self.value, self.quote, numbers)
        if self.value_max is not None:
            self.value_max = _as_written(self.value_max, self.quote, numbers)


def is_incidental(match: NumberMatch, quote: str) -> bool:
    """A number that is rarely a quantity: a bare year (1900-2100, no '%'), or a lone 'one'/'a'."""
    if match.text.lower() in {"one", "a", "an"}:
        return True
    follows = quote[match.end:match.end + 2].lstrip()
    return match.scale == 1 and match.text.isdigit() and 1900 <= match.value <= 2100 and not follows.startswith("%")


def quantities_in(quote: str) -> list[NumberMatch]:
    """The numbers in a quote that can be the value of a fact."""
    return [m for m in find_numbers(quote) if not is_incidental(m, quote)]


def _as_written(value: float, quote: str, numbers: list[NumberMatch]) -> float:
    """Return `value` in base units if the quote states it; raise an instruction for the model if not.

    Two slips are fixed in code instead of a reask: a value written without its scale word (24.5
    for "$24.5 billion"), and any wrong value when the quote holds exactly one quantity.
    """
    sign = -1.0 if value < 0 else 1.0
    if value_in_text(value, quote):
        return value
    for match in numbers:
        unscaled = match.value / match.scale if match.scale else match.value
        if match.scale != 1 and abs(abs(value) - abs(unscaled)) <= 1e-9 * max(1.0, abs(unscaled)):
            return sign * abs(match.value)
    quantities = [m for m in numbers if not is_incidental(m, quote)]
    if len(quantities) == 1:
        return sign * abs(quantities[0].value)
    if not numbers:
        raise ValueError(f"quote {quote[:80]!r} has no number; quote the sentence that contains the number")
    written = ", ".join(f"{m.text!r} = {m.value:g}" for m in numbers)
    raise ValueError(f"value {value:g} is not a number in the quote; the quote has {written}. Use one of those")


def claims_a_fact(item: Any) -> bool:
    """False for an item that states no fact: its quote has no quantity, its value is 0 while the
    quote has no zero (how small models say "nothing here"), or it names no measure at all
    (metric 'other' with neither a label nor a unit)."""
    if not isinstance(item, dict) or not isinstance(item.get("quote"), str):
        return True
    quantities = quantities_in(item["quote"])
    if item.get("value") == 0 and not any(m.value == 0 for m in quantities):
        return False
    if item.get("metric") == "other" and not item.get("metric_label") and not item.get("unit"):
        return False
    return bool(quantities)


class ExtractionResult(ResponseModel):
    """Every quantitative fact in one article."""

    facts: list[ExtractedFact] = Field(description="All quantitative facts in the article, in order of appearance.")
    _ignored: int = PrivateAttr(default=0)

    @model_validator(mode="wrap")
    @classmethod
    def _skip_items_without_numbers(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> "ExtractionResult":
        """An item that states no fact is not a quantitative fact: leave it out, and count it."""
        ignored = 0
        if isinstance(data, dict) and isinstance(data.get("facts"), list):
            kept = [item for item in data["facts"] if claims_a_fact(item)]
            ignored, data = len(data["facts"]) - len(kept), {**data, "facts": kept}
        result = handler(data)
        result._ignored = ignored
        return result

    @property
    def ignored(self) -> int:
        """How many items the model returned that state no fact."""
        return self._ignored
