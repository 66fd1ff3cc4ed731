"""Schema: the mention-guided form — the model labels numbers that code has already parsed.

Prompt v2 shows the article with every quantity marked (⟦m3: more than 1 million⟧). The model
answers one `MentionLabel` per mark: is it a fact, and if so about whom, measuring what, over
which period, according to whom. It never writes a number. Validators read the scanned mentions
through instructor's `context={"mentions": {...}}` and word their errors as instructions.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, ValidationInfo, model_validator

from .facts import Status
from .vocabulary import METRIC_UNIT_CLASS, Metric


class MentionLabel(BaseModel):
    """The model's verdict on one marked number."""

    id: str = Field(description="The mark's id, e.g. m3.")
    is_fact: bool = Field(description="true if the number states a fact: an amount, percentage, count or duration.")
    metric: Metric | None = Field(None, description="What is measured; 'other' plus metric_label if nothing fits.")
    entity: str | None = Field(None, description="Who or what the number is about, e.g. 'North Korea'.")
    period_text: str | None = Field(None, description="Words giving the time period, e.g. 'in 2023', 'since August'.")
    status: Status | None = Field(None, description="actual, estimate, forecast (expected future) or claim.")
    attribution: str | None = Field(None, description="Who says it: a person, agency or outlet.")
    metric_label: str | None = Field(None, description="Short snake_case name of the measure when metric is 'other'.")
    reason: str | None = Field(None, description="When is_fact is false: why, in a few words (e.g. 'a date').")

    @model_validator(mode="after")
    def _check_against_mention(self, info: ValidationInfo) -> "MentionLabel":
        mentions = (info.context or {}).get("mentions")
        if mentions is None:
            return self
        if self.id not in mentions:
            raise ValueError(f"there is no mark {self.id!r}; use only the ids shown, such as {next(iter(mentions), 'm1')}")
        if not self.is_fact:
            return self
        if self.metric is None:
            raise ValueError(f"{self.id} is a fact: give its metric, or set is_fact to false")
        if self.metric == "other" and not self.metric_label:
            raise ValueError(f"{self.id}: metric is 'other', so set metric_label to a short snake_case name")
        expected = METRIC_UNIT_CLASS.get(self.metric)
        actual = mentions[self.id]
        if expected and expected != actual:
            raise ValueError(
                f"{self.id} is a {actual} but metric {self.metric!r} is measured in {expected}; "
                f"choose a metric measured in {actual}, or 'other' with a metric_label"
            )
        return self


class MentionLabels(BaseModel):
    """One label per marked number."""

    labels: list[MentionLabel] = Field(description="One entry per mark, in the order of the marks.")

    @model_validator(mode="after")
    def _first_answer_wins(self) -> "MentionLabels":
        unique: dict[str, MentionLabel] = {}
        for label in self.labels:
            unique.setdefault(label.id, label)
        self.labels = list(unique.values())
        return self

    def answered(self) -> set[str]:
        return {label.id for label in self.labels}

