"""Schema: the fact contract (DESIGN.md §3) and the containers that carry it between stages.

`QuantFact` is the full, provenance-carrying record written to facts.jsonl. `Finding` is one
check's verdict on one or more facts. `ArticleFacts` is what extraction hands to the store.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .vocabulary import Metric

SCHEMA_VERSION = "quantfact@1"

Qualifier = Literal[
    "exact", "approximately", "more_than", "at_least", "less_than", "at_most", "range", "several"
]
Status = Literal["actual", "estimate", "forecast", "claim"]
Grounding = Literal["exact", "fuzzy", "none"]
Severity = Literal["info", "warning", "error"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


def fact_id(*parts: str, prefix: str = "f_") -> str:
    """The one fact-id scheme: `prefix` and 16 hex digits of the SHA-256 of `parts` joined by "|".

    Extraction hashes article, prompt, model and what locates the fact ("f_"); facts read from
    elsewhere without an id hash their content ("v_"), so the same input always gets the same id."""
    return prefix + hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


class Usage(BaseModel):
    """Token counts summed over every model call made for one unit of work."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: "Usage") -> "Usage":
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            calls=self.calls + other.calls,
        )


class QuantFact(BaseModel):
    """One quantitative claim, normalized, with everything needed to trace it to its sentence."""

    model_config = ConfigDict(extra="allow")

    fact_id: str
    article_id: str
    source: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO date, possibly partial: 2024 or 2024-07")
    entity: str
    metric: Metric
    metric_label: str | None = None
    value: float
    value_max: float | None = None
    unit: str
    qualifier: Qualifier = "exact"
    period_start: str | None = None
    period_end: str | None = None
    period_text: str | None = None
    period_rule: str | None = Field(None, description="which period rule resolved period_text, or 'unresolved'")
    status: Status = "actual"
    attribution: str | None = None
    quote: str
    span: tuple[int, int] | None = None
    mention_span: tuple[int, int] | None = Field(None, description="where the number itself is (mention-guided prompts)")
    grounding: Grounding | None = None
    value_usd: float | None = Field(None, description="money in US dollars at the ECB rate named in fx_note")
    fx_note: str | None = Field(None, description="the rate used for value_usd, or why none was applied")
    prompt: str | None = Field(None, description="id@version#hash of the prompt that produced it")
    model: str | None = None
    run_id: str | None = None
    schema_version: str = SCHEMA_VERSION

    def number_in_quote(self) -> tuple[int, int] | None:
        """Where the number itself is in `quote`, when the fact knows both spans (mention-guided prompts)."""
        if self.span is None or self.mention_span is None \
                or not self.span[0] <= self.mention_span[0] <= self.mention_span[1] <= self.span[1]:
            return None
        return self.mention_span[0] - self.span[0], self.mention_span[1] - self.span[0]


class Finding(BaseModel):
    """One check's verdict: which check, how serious, about which facts, and why."""

    check: str
    severity: Severity
    fact_ids: list[str] = Field(default_factory=list)
    message: str
    article_id: str | None = None


class ArticleFacts(BaseModel):
    """The facts and findings for one article from one extraction."""

    article_id: str
    facts: list[QuantFact] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    prompt: str
    model: str
    usage: Usage = Field(default_factory=Usage)
    attempts: int = 0
