"""Schema: the mention-guided form — the model labels numbers that code has already parsed.

Prompt v2 shows the article with every quantity marked (⟦m3: more than 1 million⟧); prompt v3
asks about one quantity per call (`QuantityLabel`). The model answers one `MentionLabel` per
mark: is it a fact, and if so about whom, measuring what, over which period, according to whom.
It never writes a number. Validators read the scanned mentions from the validation context
(`schemas.base.context_of`), `{"mentions": {id: unit class}, "required": {id: words}, "measured":
{id: Measured}, "text": article}`, and word their errors as instructions; the metric of a measured
mention must fit its number and its words (`schemas.metric_checks`), and the entity and attribution
must be named in the text (`reject_unfound_names`). Marks in "required" (money, percentages,
counts in the millions) cannot be dismissed as not-a-fact: code already knows they are quantities.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, Field, PrivateAttr, ValidationError, ValidationInfo, create_model, model_validator
from pydantic_core.core_schema import ValidatorFunctionWrapHandler

from .base import ResponseModel, context_of, reject_foreign_script, reject_unfound_names
from .facts import Status
from .metric_checks import Measured, measured_problem
from .vocabulary import METRIC_UNIT_CLASS, Metric

# Why a quantity is a fact whatever the model answers, in the message that asks again; the context's
# "required_why" gives other words for other reasons ("a count written in digits").
REQUIRED_KINDS = "an amount of money, a percentage or a large count"


class MentionLabel(BaseModel):
    """The model's verdict on one marked number."""

    id: str = Field(description="The mark's id, e.g. m3.")
    is_fact: bool = Field(description="true if the number states a fact: an amount, percentage, count or duration.")
    metric: Metric | None = Field(None, description="What is measured; 'other' plus metric_label if nothing fits.")
    entity: str | None = Field(None, max_length=80, description="Who or what the number is about, e.g. 'North Korea'.")
    period_text: str | None = Field(None, max_length=60, description="Words giving the time period, e.g. 'in 2023'.")
    status: Status | None = Field(None, description="actual, estimate, forecast (expected future) or claim.")
    attribution: str | None = Field(None, max_length=80, description="Who says it: a person, agency or outlet.")
    metric_label: str | None = Field(None, max_length=60, description="snake_case name of the measure if metric is 'other'.")
    reason: str | None = Field(None, max_length=60, description="Only when is_fact is false: why, in a few words.")

    @model_validator(mode="after")
    def _check_against_mention(self, info: ValidationInfo) -> "MentionLabel":
        mentions = context_of(info).get("mentions")
        if mentions is None:
            return self
        if self.id not in mentions:
            raise ValueError(f"there is no mark {self.id!r}; use only the ids shown, such as {next(iter(mentions), 'm1')}")
        required = context_of(info).get("required", {})
        if not self.is_fact and self.id in required:
            kind = context_of(info).get("required_why", {}).get(self.id, REQUIRED_KINDS)
            raise ValueError(f"{self.id} «{required[self.id]}» is {kind}, not a date: set is_fact true and give its metric")
        if not self.is_fact:
            return self
        if self.metric is None:
            raise ValueError(f"{self.id} is a fact: give its metric, or set is_fact to false")
        if self.metric == "other" and not self.metric_label:
            raise ValueError(f"{self.id}: metric is 'other', so set metric_label to a short snake_case name")
        reject_foreign_script(written_fields(self), context_of(info))
        reject_unfound_names(named_fields(self), context_of(info))
        expected = METRIC_UNIT_CLASS.get(self.metric)
        actual = mentions[self.id]
        if expected and expected != actual:
            raise ValueError(
                f"{self.id} is a {actual} but metric {self.metric!r} is measured in {expected}; "
                f"choose a metric measured in {actual}, or 'other' with a metric_label"
            )
        reject_misfit(self, context_of(info).get("measured", {}).get(self.id))
        return self


class MentionLabels(ResponseModel):
    """One label per marked number.

    Labels are checked one by one: a bad label is set aside with its error instead of failing the
    whole answer, so the caller can ask again about just that mark (a reask would regenerate all).
    """

    labels: list[MentionLabel] = Field(description="One entry per mark, in the order of the marks.")
    _rejected: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_good_labels(cls, data: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> "MentionLabels":
        rejected: dict[str, str] = {}
        context = context_of(info)
        if isinstance(data, dict) and isinstance(data.get("labels"), list) and context:
            good = []
            for item in data["labels"]:
                try:
                    MentionLabel.model_validate(item, context=context)
                    good.append(item)
                except ValidationError as exc:
                    mark = item.get("id") if isinstance(item, dict) else None
                    rejected[str(mark)] = exc.errors()[0]["msg"].removeprefix("Value error, ")
            data = {**data, "labels": good}
        result = handler(data)
        result._rejected = rejected
        return result

    @model_validator(mode="after")
    def _first_answer_wins(self) -> "MentionLabels":
        unique: dict[str, MentionLabel] = {}
        for label in self.labels:
            unique.setdefault(label.id, label)
        self.labels = list(unique.values())
        return self

    @property
    def rejected(self) -> dict[str, str]:
        """Mark id -> why its label was set aside."""
        return self._rejected


class QuantityLabel(ResponseModel):
    """The model's verdict on one quantity, asked about on its own (prompt v3).

    `quantity_label_model(unit_class)` narrows `metric` to the metrics measured in that unit class,
    so the grammar-constrained answer cannot pair a percentage with a money metric. Validators read
    the context `{"required": bool, "words": str}` and word their errors as instructions.
    """

    is_fact: bool = Field(description="true if the number states a fact: an amount, percentage, count or duration.")
    metric: str | None = Field(None, description="What is measured; 'other' plus metric_label if nothing fits.")
    metric_label: str | None = Field(None, max_length=60, description="snake_case name of the measure if metric is 'other'.")
    entity: str | None = Field(None, max_length=80, description="Who or what the number is about, e.g. 'North Korea'.")
    period_text: str | None = Field(None, max_length=60, description="Words giving the time period, e.g. 'in 2023'.")
    status: Status | None = Field(None, description="actual, estimate, forecast (expected future) or claim.")
    attribution: str | None = Field(None, max_length=80, description="Who says it: a person, agency or outlet.")
    reason: str | None = Field(None, max_length=60, description="Only when is_fact is false: why, in a few words.")

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> "QuantityLabel":
        context = context_of(info)
        if not self.is_fact and context.get("required"):
            raise ValueError(f"«{context.get('words', 'this')}» is an amount of money, a percentage or a large count, "
                             f"not a date: set is_fact true and choose its metric")
        if self.is_fact and self.metric is None:
            raise ValueError("this is a fact: choose its metric, or set is_fact to false")
        if self.is_fact and self.metric == "other" and not self.metric_label:
            raise ValueError("metric is 'other', so set metric_label to a short snake_case name")
        if self.is_fact:
            reject_foreign_script(written_fields(self), context)
            reject_misfit(self, context.get("measured"))
            reject_unfound_names(named_fields(self), context)
        return self

    def for_mention(self, mention_id: str) -> MentionLabel:
        return MentionLabel(id=mention_id, **self.model_dump())



def reject_misfit(label: MentionLabel | QuantityLabel, measured: Measured | None) -> None:
    """Raise, as an instruction, when the label's metric cannot be what the measured number is
    (`schemas.metric_checks`); without a measured quantity in the context, nothing is checked."""
    metric = label.metric_label if label.metric == "other" else label.metric
    problem = measured_problem(metric, measured) if measured is not None and metric else None
    if problem:
        raise ValueError(problem)


def written_fields(label: MentionLabel | QuantityLabel) -> dict[str, str | None]:
    """The free-text fields the model writes into a fact."""
    return {"entity": label.entity, "attribution": label.attribution, "period_text": label.period_text,
            "metric_label": label.metric_label}


def named_fields(label: MentionLabel | QuantityLabel) -> dict[str, str | None]:
    """The fields that name someone, which the article must name too."""
    return {"entity": label.entity, "attribution": label.attribution}


def metrics_for(unit_class: str) -> tuple[str, ...]:
    """The vocabulary's metrics measured in `unit_class`, then `other`."""
    return tuple(m for m, c in METRIC_UNIT_CLASS.items() if c == unit_class) + ("other",)


@lru_cache(maxsize=None)
def quantity_label_model(unit_class: str) -> type[QuantityLabel]:
    """`QuantityLabel` with `metric` limited to what can measure a quantity of this unit class."""
    allowed = Literal[metrics_for(unit_class)]  # type: ignore[valid-type]
    field = Field(None, description="What is measured, from the allowed list; 'other' plus metric_label if nothing fits.")
    return create_model(f"QuantityLabel_{unit_class}", __base__=QuantityLabel, metric=(allowed | None, field))
