"""Schema: several scanned quantities labelled in one answer (prompt v4).

The model answers `{"labels": {"m3": {...}, "m5": {...}}}`: one short label per quantity it was
asked about, keyed by the quantity's id. The response model's own schema never changes, so the
instructions that carry it are the same in every call and a server can reuse them from its cache.
What does change, the ids asked about and the metrics each one's unit class allows, goes into the
grammar (`grammar_for`), which local servers enforce and which never enters the prompt.

Each label is checked as a `MentionLabel` (same validators, same messages): a label that fails is
set aside with its reason, and the others are kept, so the caller asks again about just that one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field, PrivateAttr, ValidationError, ValidationInfo, field_validator, model_validator

from .base import ResponseModel, context_of, named_in_article
from .facts import Status
from .labels import MentionLabel, metrics_for
from .primitives.scripts import foreign_letters
from .vocabulary import METRICS, is_kind_name

TEXT_LIMITS = {"entity": 60, "period": 40, "by": 60}
STATUSES = ["actual", "estimate", "forecast", "claim"]
OTHER = "other:"
OTHER_PATTERN = "^other:[a-z][a-z0-9_]{0,39}$"
NAMED_OTHER_PATTERN = "^other:[a-z][a-z0-9]*_[a-z0-9_]{1,30}$"  # two words at least: "other:hackers_trained"


class ShortLabel(BaseModel):
    """One quantity's label in few tokens: short keys, no reason, a metric outside the vocabulary
    written "other:<name>", and a number that is not a fact answered with `fact` alone."""

    fact: bool = Field(description="true if the number states a fact about the world.")
    metric: str | None = Field(None, description="A metric of the number's kind, or 'other:<snake_case_name>'.")
    entity: str | None = Field(None, max_length=TEXT_LIMITS["entity"], description="Who or what the number is about.")
    period: str | None = Field(None, max_length=TEXT_LIMITS["period"], description="The article's words for the period.")
    status: Status | None = Field(None, description="actual, estimate, forecast or claim.")
    by: str | None = Field(None, max_length=TEXT_LIMITS["by"], description="Who says it, as the article names them.")

    @field_validator("metric", "entity", "period", "by", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        """A grammar allows the string "null" or ""; both mean the model had nothing to write."""
        return None if isinstance(value, str) and value.strip().lower() in ("", "null", "none") else value

    def as_mention_label(self, mention_id: str) -> dict[str, Any]:
        """The same label in `MentionLabel`'s words; an `other` name that is a vocabulary metric is
        that metric, and is checked as one. A metric name written as the entity (a small model's
        slip: "other:percentage" about "industrial_output_growth") is never an entity."""
        metric, label = self.metric, None
        if metric and metric.startswith(OTHER):  # "other:weapon_unit_cost" is the vocabulary's own metric
            name = metric.removeprefix(OTHER)
            metric, label = (name, None) if name in METRICS else ("other", name)
        return {"id": mention_id, "is_fact": self.fact, "metric": metric, "metric_label": label,
                "entity": None if self.metric_as_entity() else self.entity, "period_text": self.period,
                "status": self.status, "attribution": self.by}

    def metric_as_entity(self) -> str | None:
        """The vocabulary metric written as the entity, if any."""
        return self.entity if self.entity in METRICS and self.entity != "other" else None

    def candidates(self, mention_id: str) -> list[dict[str, Any]]:
        """The label in `MentionLabel`'s words, first with the metric written as the entity when its
        own metric only names the kind of number (checked first, used if it passes), then as written."""
        fields = self.as_mention_label(mention_id)
        slipped = self.metric_as_entity()
        vague = fields["metric"] is None or (fields["metric"] == "other" and is_kind_name(fields["metric_label"]))
        return [fields | {"metric": slipped, "metric_label": None}, fields] if slipped and vague else [fields]


class GroupedLabels(ResponseModel):
    """Labels keyed by quantity id. Bad labels are set aside with their reason (`rejected`)."""

    labels: dict[str, ShortLabel] = Field(description="One label per quantity id asked about.")
    _rejected: dict[str, str] = PrivateAttr(default_factory=dict)
    _checked: dict[str, MentionLabel] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _check_each_label(self, info: ValidationInfo) -> "GroupedLabels":
        context = context_of(info)
        for mention_id, label in self.labels.items():
            for fields in label.candidates(mention_id):
                try:
                    self._checked[mention_id] = MentionLabel.model_validate(fields, context=context)
                    self._rejected.pop(mention_id, None)
                    break
                except ValidationError as exc:
                    self._rejected[mention_id] = exc.errors()[0]["msg"].removeprefix("Value error, ")  # the last: as written
        return self

    @property
    def checked(self) -> dict[str, MentionLabel]:
        """Quantity id -> its label, for the labels that passed every check."""
        return self._checked

    @property
    def rejected(self) -> dict[str, str]:
        """Quantity id -> why its label was set aside."""
        return self._rejected

    def without_unfound_names(self, mention_id: str, context: Mapping[str, Any]) -> tuple[MentionLabel, list[str]] | None:
        """The rejected label of `mention_id` with the entity or attribution its article does not name, and any of
        them or the period written in a script the article never uses, left blank, and those words, when that alone
        makes it pass every check; else None."""
        label = self.labels.get(mention_id)
        if label is None:
            return None
        fields = label.as_mention_label(mention_id)
        unfound = _unfound_names(fields, context)
        try:
            kept = MentionLabel.model_validate(fields | dict.fromkeys(unfound), context=context)
        except ValidationError:
            return None
        return (kept, [f"{key} «{fields[key]}»" for key in unfound]) if unfound else None

    def without_metric(self, mention_id: str, context: Mapping[str, Any]) -> MentionLabel | None:
        """The rejected label of `mention_id` as a fact of metric `other`, named "unlabelled_<unit class>"
        (never compared across sources), with any name its article does not give left blank, when
        the label says the number is a fact and that alone makes it pass; else None."""
        label = self.labels.get(mention_id)
        if label is None or not label.fact:
            return None
        fields = label.as_mention_label(mention_id)
        unfound = _unfound_names(fields, context)
        unlabelled = {"metric": "other", "metric_label": f"unlabelled_{context['mentions'][mention_id]}"}
        try:
            return MentionLabel.model_validate(fields | dict.fromkeys(unfound) | unlabelled, context=context)
        except ValidationError:
            return None

    def with_metric(self, mention_id: str, earlier: MentionLabel, context: Mapping[str, Any]) -> MentionLabel | None:
        """`earlier` with the metric this answer gives `mention_id` (an answer that was asked for the
        metric alone), when the changed label passes every check; else None."""
        label = self.labels.get(mention_id)
        if label is None or not label.fact or not label.metric:
            return None
        metric = {key: value for key, value in label.as_mention_label(mention_id).items() if key in ("metric", "metric_label")}
        try:
            return MentionLabel.model_validate(earlier.model_dump() | metric, context=context)
        except ValidationError:
            return None

    def not_a_fact(self, mention_id: str, context: Mapping[str, Any]) -> MentionLabel | None:
        """The answer "not a fact" for `mention_id` taken as it stands, although the context's
        "required" asked for a fact; None when the answer says something else."""
        label = self.labels.get(mention_id)
        if label is None or label.fact:
            return None
        return MentionLabel.model_validate({"id": mention_id, "is_fact": False}, context={"mentions": context["mentions"]})

    def refused_metrics(self) -> dict[str, str]:
        """Quantity id -> the vocabulary metric of its rejected label (not asked for again), however
        it was written: "other:population" is the metric `population`."""
        metrics = {i: self.labels[i].as_mention_label(i)["metric"] for i in self._rejected if i in self.labels}
        return {i: metric for i, metric in metrics.items() if metric and metric != "other"}


def _unfound_names(fields: Mapping[str, Any], context: Mapping[str, Any]) -> list[str]:
    """The label fields holding words its article does not give: an entity or attribution it does not name, or an
    entity, attribution or period written partly in a script the article never uses ("in 225 years ago P旭": a
    small model's drift, which failed a whole article of holdout56 when asked again)."""
    allowed = context.get("scripts")
    return [key for key in ("entity", "attribution", "period_text") if fields[key] and (
        key != "period_text" and not named_in_article(fields[key], context)
        or allowed is not None and foreign_letters(fields[key], allowed) is not None)]


def _text(limit: int) -> dict[str, Any]:
    return {"anyOf": [{"type": "string", "maxLength": limit}, {"type": "null"}]}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


NOT_A_FACT = _object({"fact": {"const": False}})


def label_grammar(unit_class: str, refused: frozenset[str] = frozenset(), entity_required: bool = False,
                  metric_only: bool = False, fact_required: bool = False) -> dict[str, Any]:
    """The JSON schema of one label: `{"fact": false}`, or a fact whose metric is one of `unit_class`'s
    but not one already `refused` for this quantity (so a second answer cannot repeat it), and
    whose entity is a name, not null, when `entity_required`. With `metric_only`, a fact's metric
    and nothing else (the rest of its label is already known), an `other` name of two words at
    least: the one-word names that only give the kind of number ("other:count") are what is asked
    about again. With `fact_required`, `{"fact": false}` is no answer: code knows the number is a
    quantity (money, a percentage, a count in the millions)."""
    metrics = [m for m in metrics_for(unit_class) if m != "other" and m not in refused]
    other = NAMED_OTHER_PATTERN if metric_only else OTHER_PATTERN
    metric = {"anyOf": [{"enum": metrics}] * bool(metrics) + [{"type": "string", "pattern": other}]}
    if metric_only:
        return _object({"fact": {"const": True}, "metric": metric})
    entity = {"type": "string", "minLength": 2, "maxLength": TEXT_LIMITS["entity"]} if entity_required else _text(TEXT_LIMITS["entity"])
    fact = _object({
        "fact": {"const": True}, "metric": metric, "entity": entity, "period": _text(TEXT_LIMITS["period"]),
        "status": {"enum": STATUSES}, "by": _text(TEXT_LIMITS["by"]),
    })
    return fact if fact_required else {"anyOf": [NOT_A_FACT, fact]}


def grammar_for(unit_classes: dict[str, str], refused: dict[str, frozenset[str]] | None = None,
                entity_required: bool = False, metric_only: bool = False,
                facts: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The schema a local server turns into a grammar: exactly these ids, in this order, each
    with the metrics of its unit class, so no quantity is skipped and no metric mismatches its unit;
    the ids in `facts` cannot be answered as no fact."""
    refused = refused or {}
    labels = {mention_id: label_grammar(unit_class, refused.get(mention_id, frozenset()), entity_required, metric_only,
                                        fact_required=mention_id in facts)
              for mention_id, unit_class in unit_classes.items()}
    inner = {"type": "object", "properties": labels, "required": list(labels), "additionalProperties": False}
    return {"type": "object", "properties": {"labels": inner}, "required": ["labels"], "additionalProperties": False}
