"""Stage (validation): check facts one by one, against each other, and across sources.

`validate(facts, texts)` normalizes the facts, runs the per-fact checks (units, dates, and —
when article texts are given — grounding and coverage), quarantines every fact with an error
finding (it is listed in its group, never votes), groups facts by the question they answer
(entity, metric, period, status, basis), works out which articles are independent sources (wire
copies and near-duplicate texts count once), judges each group, and checks that related metrics
add up. It is deterministic, offline, and calls no model. Reading facts and articles from files for
`newsfacts validate` is in `inputs.py`, so that importing this package (the report does, for its
interval wording) never loads the article reader and its HTML cleaner.
"""

from __future__ import annotations

from collections.abc import Mapping

from schemas.facts import QuantFact
from schemas.validation import ValidationReport

from ..normalize import normalize
from .agreement import judge
from .checks import check_coverage, check_dates, check_grounding, check_names, check_units
from .consistency import check_consistency
from .grouping import group_facts
from .independence import Origins

__all__ = ["validate"]


def validate(facts: list[QuantFact], texts: Mapping[str, str] | None = None) -> ValidationReport:
    """All findings and agreement groups for `facts`; `texts` maps article ids to their stored text."""
    facts = normalize(facts)
    findings = [f for fact in facts for f in (*check_units(fact), *check_dates(fact))]
    if texts:
        findings += check_grounding(facts, texts) + check_coverage(facts, texts) + check_names(facts, texts)
    quarantined: dict[str, str] = {}
    for finding in findings:
        if finding.severity == "error":
            for fact_id in finding.fact_ids:
                quarantined.setdefault(fact_id, f"quarantined: {finding.check} error — {finding.message}")
    origins = Origins(facts, texts)
    groups = []
    for group in group_facts(facts, quarantined):
        if texts:
            origins.merge_copies([m.fact.article_id for m in group.members])
        agreement, conflicts = judge(group, origins)
        groups.append(agreement)
        findings += conflicts
    findings += check_consistency(groups)
    groups.sort(key=lambda g: ({"conflict": 0, "agree": 1, "incomparable": 2, "single_source": 3}[g.verdict], g.key))
    return ValidationReport(findings=findings, groups=groups)
