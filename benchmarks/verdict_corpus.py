"""Benchmark support (validation stage): the real-figure verdict corpus and how it is scored.

The corpus (tests/data/verdicts/, issue 14) holds facts from public reporting on five stories, the
groups a fact-checker expects with their verdicts, and planted errors. This module loads it, runs
the validator the way `newsfacts validate` does (`pipeline.check.validation.inputs.validate_file`),
and scores:

- an expected group is matched to the given group that holds its voting facts (its `fact_ids`
  minus its `excluded`). If they land in several given groups the outcome is `split`; if a fact is
  in no group, `missing`; if the group also holds voting facts of another expected group, `merged`.
  Facts no expected group names (undated variants, a planted future actual) never count as a merge;
- a matched group is right when its verdict is the expected one, its independent-source count is
  the expected one (when the expectation gives one), and every expected exclusion is listed by the
  group as excluded and does not vote;
- a planted error is caught when some finding of the expected check names the fact at the expected
  severity or above.

Both benchmarks/verdicts.py and tests/test_verdict_corpus.py use these functions.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script from a checkout, like the other benchmarks

from pipeline.check.validation.inputs import validate_file  # noqa: E402
from schemas.facts import SEVERITY_RANK  # noqa: E402
from schemas.validation import ValidationReport  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "verdicts"
FACTS = CORPUS / "facts.jsonl"
VERDICTS = ("agree", "conflict", "single_source", "incomparable")
STRUCTURE = ("split", "merged", "missing")
_INDEPENDENT = re.compile(r"(\d+)\s+independent\s+sources?", re.IGNORECASE)


class ExpectedGroup(BaseModel):
    """One group a fact-checker expects: its facts, verdict, and why."""

    model_config = ConfigDict(populate_by_name=True)

    id: str
    fact_ids: list[str]
    verdict: str
    independent_sources: int | None = None
    excluded: list[str] = Field(default_factory=list)
    reason: str
    issue_class: str = Field(alias="class")

    @property
    def voting(self) -> list[str]:
        return [i for i in self.fact_ids if i not in self.excluded]


class PlantedError(BaseModel):
    """An error added to the corpus on purpose, and the finding that should catch it."""

    fact_id: str
    error: str
    expect_check: str
    severity: str
    based_on: str | None = None


@dataclass
class GivenGroup:
    """A group as the validator reported it, reduced to what matching needs."""

    key: str
    verdict: str
    voting: set[str]
    excluded: set[str]
    independent_sources: int | None
    detail: str


@dataclass
class GroupOutcome:
    expected: ExpectedGroup
    given: str  # a verdict, or split / merged / missing
    key: str | None
    problems: list[str] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return self.given == self.expected.verdict and not self.problems


@dataclass
class PlantedOutcome:
    planted: PlantedError
    found: list[str]  # "check/severity" of every finding naming the fact

    @property
    def caught(self) -> bool:
        want = SEVERITY_RANK[self.planted.severity]
        return any(check == self.planted.expect_check and SEVERITY_RANK[severity] >= want
                   for check, severity in (f.split("/") for f in self.found))


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_expected(path: Path = CORPUS / "expected.jsonl") -> list[ExpectedGroup]:
    return [ExpectedGroup.model_validate(row) for row in read_rows(path)]


def load_planted(path: Path = CORPUS / "planted.jsonl") -> list[PlantedError]:
    return [PlantedError.model_validate(row) for row in read_rows(path)]


def run_validator(facts: Path = FACTS) -> ValidationReport:
    """The report `newsfacts validate FACTS --format json` prints, from the same library call."""
    return validate_file(facts)


def _ids(items: Any) -> set[str]:
    """Fact ids from a list of ids or of objects that carry a `fact_id`."""
    out: set[str] = set()
    for item in items or []:
        out.add(item if isinstance(item, str) else str(item.get("fact_id")))
    return out


def given_groups(report: ValidationReport) -> list[GivenGroup]:
    """The report's groups; `excluded` and `independent_sources` are read when the validator gives them."""
    groups = []
    for g in report.groups:
        body = g.model_dump()
        excluded = _ids(body.get("excluded"))
        count = body.get("independent_sources")
        if count is None and (m := _INDEPENDENT.search(g.detail or "")):
            count = int(m.group(1))
        groups.append(GivenGroup(g.key, g.verdict, set(g.fact_ids) - excluded, excluded, count, g.detail or ""))
    return groups


def score_groups(expected: list[ExpectedGroup], report: ValidationReport) -> list[GroupOutcome]:
    groups = given_groups(report)
    home = {fid: n for n, g in enumerate(groups) for fid in g.voting}
    owner = {fid: e.id for e in expected for fid in e.voting}
    return [_score_one(e, groups, home, owner) for e in expected]


def _score_one(e: ExpectedGroup, groups: list[GivenGroup], home: dict[str, int], owner: dict[str, str]) -> GroupOutcome:
    missing = [fid for fid in e.voting if fid not in home]
    if missing:
        return GroupOutcome(e, "missing", None, [f"in no group: {', '.join(missing)}"])
    places = sorted({home[fid] for fid in e.voting})
    if len(places) > 1:
        keys = [f"{groups[n].key} ({sum(home[f] == n for f in e.voting)})" for n in places]
        return GroupOutcome(e, "split", None, [f"across {len(places)} groups: " + "; ".join(keys)])
    g = groups[places[0]]
    others = sorted({owner[fid] for fid in g.voting if fid in owner and owner[fid] != e.id})
    if others:
        return GroupOutcome(e, "merged", g.key, [f"merged with {', '.join(others)} in {g.key}"])
    return GroupOutcome(e, g.verdict, g.key, _checks(e, g))


def _checks(e: ExpectedGroup, g: GivenGroup) -> list[str]:
    problems = []
    if e.independent_sources is not None and g.independent_sources != e.independent_sources:
        problems.append(f"independent sources: expected {e.independent_sources}, given {g.independent_sources}")
    for fid in e.excluded:
        if fid in g.voting:
            problems.append(f"{fid} still votes")
        elif fid not in g.excluded:
            problems.append(f"{fid} not listed as excluded")
    return problems


def score_planted(planted: list[PlantedError], report: ValidationReport) -> list[PlantedOutcome]:
    found: dict[str, list[str]] = {}
    for f in report.findings:
        for fid in f.fact_ids:
            found.setdefault(fid, []).append(f"{f.check}/{f.severity}")
    return [PlantedOutcome(p, found.get(p.fact_id, [])) for p in planted]


def confusion(outcomes: list[GroupOutcome]) -> dict[str, Counter[str]]:
    """Expected verdict -> counts of what was given (a verdict, or split / merged / missing)."""
    table: dict[str, Counter[str]] = {v: Counter() for v in VERDICTS}
    for o in outcomes:
        starred = o.given == o.expected.verdict and o.problems  # right verdict, wrong count or exclusion
        given = f"{o.given}*" if starred else o.given
        table[o.expected.verdict][given] += 1
    return table
