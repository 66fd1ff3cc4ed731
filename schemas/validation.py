"""Schema: what the validation stage returns — agreement groups and the report that holds them.

An agreement group is `{key, verdict, fact_ids, detail}` (DESIGN.md §3), plus each member's value
normalized side by side with its quote, so a reader can see why the verdict is what it is.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from .facts import Finding

Verdict = Literal["agree", "conflict", "single_source", "incomparable"]


class GroupMember(BaseModel):
    """One fact in a group, its value as an interval in the group's unit, and its evidence."""

    fact_id: str
    article_id: str
    source: str | None = None
    published: str | None = None
    value: float
    unit: str
    qualifier: str
    low: float | None = Field(None, description="interval in the group's unit; None when it cannot be converted")
    high: float | None = None
    period_start: str | None = None
    period_end: str | None = None
    quote: str
    origin: str | None = Field(None, description="the independent source it counts as (its wire or outlet)")


class ExcludedFact(BaseModel):
    """A fact of the group that does not vote: quarantined by an error finding, or undated and not consistent."""

    fact_id: str
    article_id: str
    source: str | None = None
    value: float
    unit: str
    quote: str
    reason: str


class AgreementGroup(BaseModel):
    """Facts about one entity, metric and comparable period, and whether their sources agree."""

    key: str = Field(description="entity | metric | period")
    entity: str
    metric: str
    period: str
    verdict: Verdict
    fact_ids: list[str]
    detail: str
    unit: str
    members: list[GroupMember] = Field(default_factory=list)
    rate: str | None = Field(None, description="the exchange rates that reconcile the amounts (for an agreement), else those tried")
    rate_range: str | None = Field(None, description="the span of ECB rates tried for each currency converted")
    assumptions: list[str] = Field(default_factory=list)
    excluded: list[ExcludedFact] = Field(default_factory=list, description="facts listed with the group that never vote")
    outlets: int | None = Field(None, description="distinct outlets among the voting facts (None: not counted)")
    independent_sources: int | None = Field(None, description="distinct origins among them: wire copies and rewrites count once")
    sources_note: str | None = Field(None, description="'N outlets, M independent sources' and which outlets copy whom")


class ValidationReport(BaseModel):
    """All findings of the per-fact, consistency and agreement checks, and the agreement groups."""

    findings: list[Finding] = Field(default_factory=list)
    groups: list[AgreementGroup] = Field(default_factory=list)

    def count(self, verdict: Verdict) -> int:
        return sum(1 for g in self.groups if g.verdict == verdict)
