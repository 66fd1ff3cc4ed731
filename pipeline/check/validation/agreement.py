"""Validation: decide whether the sources in one group agree — `agree`, `conflict`,
`single_source` or `incomparable` — with the values side by side.

Each fact becomes an interval (`intervals.interval_for`); the sources agree when some value lies in
every interval. Money in different currencies is converted to the group's currency under three
candidate rates in turn — the period average, the period end, the publication date — and the group
agrees if any one of them reconciles the values; the verdict names that rate. A cumulative group
("since August") also checks that a count reported later is not smaller than an earlier one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from schemas.facts import Finding
from schemas.units import is_currency
from schemas.validation import AgreementGroup, GroupMember, Verdict
from schemas.vocabulary import unit_class

from .. import fx
from ..periods import first_day
from .grouping import Group, Member
from .intervals import Interval, common, human, interval_for

RateFinder = Callable[[str, str, Member], "fx.RateRange | None"]


def _by_period_average(source: str, target: str, m: Member) -> fx.RateRange | None:
    return fx.period_average(source, target, m.period_start, m.period_end) if m.period_start and m.period_end else None


def _by_period_end(source: str, target: str, m: Member) -> fx.RateRange | None:
    return fx.period_end(source, target, m.period_end) if m.period_end else None


def _by_publication(source: str, target: str, m: Member) -> fx.RateRange | None:
    return fx.on_date(source, target, m.fact.published) if m.fact.published else None


RATE_CANDIDATES: list[tuple[str, RateFinder]] = [
    ("period-average rate", _by_period_average),
    ("period-end rate", _by_period_end),
    ("publication-date rate", _by_publication),
]


def own_interval(m: Member) -> Interval:
    f = m.fact
    nonnegative = unit_class(f.unit) != "percent"
    return interval_for(f.value, f.qualifier, f.value_max, nonnegative=nonnegative and f.value >= 0)


def group_unit(units: list[str]) -> str:
    """The unit a group is compared in: US dollars if any member uses them, else the commonest."""
    if all(is_currency(u) for u in units) and "USD" in units:
        return "USD"
    return Counter(units).most_common(1)[0][0]


def comparable_units(units: list[str]) -> str | None:
    """Why the units cannot be compared, or None when they can."""
    classes = {unit_class(u) for u in units}
    if len(classes) > 1:
        return f"units of different kinds: {', '.join(sorted(set(units)))}"
    if classes == {"percent"} and len(set(units)) > 1:
        return "percent and percentage points measure different things"
    if classes == {"duration"} and len(set(units)) > 1:
        return f"durations in different units: {', '.join(sorted(set(units)))}"
    if classes == {"count"} and len({u.rsplit("_", 1)[-1] for u in units}) > 1:
        return f"counts of different things: {', '.join(sorted(set(units)))}"  # "artillery_shells" and "shells" are one
    return None


def convert(members: list[Member], target: str, finder: RateFinder) -> tuple[list[Interval], list[str]] | None:
    """Every member's interval in `target` under one candidate rate, or None if a rate is missing."""
    intervals: list[Interval] = []
    rates: list[str] = []
    for m in members:
        own = own_interval(m)
        if m.fact.unit == target or not is_currency(m.fact.unit):
            intervals.append(own)
            continue
        rate = finder(m.fact.unit, target, m)
        if rate is None:
            return None
        intervals.append(own.scaled(rate.low, rate.high))
        if rate.describe() not in rates:
            rates.append(rate.describe())
    return intervals, rates


def _members(group: Group, intervals: list[Interval | None], unit: str) -> list[GroupMember]:
    out = []
    for m, interval in zip(group.members, intervals):
        f = m.fact
        out.append(GroupMember(
            fact_id=f.fact_id, article_id=f.article_id, source=f.source, published=f.published, value=f.value,
            unit=f.unit, qualifier=f.qualifier, low=interval.low if interval else None,
            high=interval.high if interval else None, period_start=m.period_start, period_end=m.period_end, quote=f.quote))
    return out


def _side_by_side(group: Group, intervals: list[Interval], unit: str) -> str:
    return "; ".join(f"{m.fact.source or m.fact.article_id}: {i.describe()} {unit}" for m, i in zip(group.members, intervals))


def judge(group: Group) -> tuple[AgreementGroup, list[Finding]]:
    """The verdict on one group, and a finding for each conflict."""
    units = [m.fact.unit for m in group.members]
    unit = group_unit(units)
    result = dict(key=group.key, entity=group.entity, metric=group.metric, period=group.period, fact_ids=[m.fact.fact_id for m in group.members], unit=unit, assumptions=group.assumptions)
    if reason := comparable_units(units):
        return AgreementGroup(verdict="incomparable", detail=reason, members=_members(group, [None] * len(units), unit), **result), []
    verdict, detail, intervals, rate = _verdict(group, unit)
    members = _members(group, intervals or [None] * len(units), unit)
    agreement = AgreementGroup(verdict=verdict, detail=detail, members=members, rate=rate, **result)
    findings = []
    if verdict == "conflict":
        findings.append(Finding(check="agreement", severity="warning", fact_ids=result["fact_ids"],
                                message=f"{group.key}: sources conflict — {detail}"))
    if verdict == "single_source" and intervals and common(intervals) is None:
        findings.append(Finding(
            check="consistency", severity="warning", fact_ids=result["fact_ids"], article_id=group.members[0].fact.article_id,
            message=f"{group.key}: one article gives values that cannot all hold — {_side_by_side(group, intervals, unit)}"))
    return agreement, findings


def _verdict(group: Group, unit: str) -> tuple[Verdict, str, list[Interval] | None, str | None]:
    sources = {m.fact.article_id for m in group.members}
    tried: list[str] = []
    shown: tuple[list[Interval], str | None] | None = None  # a conflict shows the first candidate's values
    needs_fx = any(is_currency(m.fact.unit) and m.fact.unit != unit for m in group.members)
    for name, finder in RATE_CANDIDATES if needs_fx else [("", _by_period_end)]:
        converted = convert(group.members, unit, finder)
        if converted is None:
            continue
        intervals, rates = converted
        rate = f"{name}: {', '.join(rates)}" if rates else None
        if len(sources) == 1:
            return "single_source", "one source only", intervals, rate
        problem = _cumulative_problem(group, intervals) if group.cumulative else _disjoint(group, intervals, unit)
        if problem is None:
            return "agree", f"agree{' under the ' + rate if rate else ''}: {_side_by_side(group, intervals, unit)}", intervals, rate
        tried.append(f"{name or 'as written'}: {problem}")
        shown = shown or (intervals, rate)
    if not tried:
        missing = sorted({m.fact.unit for m in group.members if m.fact.unit != unit})
        return "incomparable", f"no ECB rate converts {', '.join(missing)} to {unit} for these dates", None, None
    assert shown is not None
    return "conflict", " | ".join(tried), shown[0], shown[1]


def _disjoint(group: Group, intervals: list[Interval], unit: str) -> str | None:
    if common(intervals) is not None:
        return None
    return _side_by_side(group, intervals, unit)


def _cumulative_problem(group: Group, intervals: list[Interval]) -> str | None:
    """Same as-of date: the intervals must meet. Later reports: never below an earlier one."""
    by_end: dict[str, list[tuple[Member, Interval]]] = {}
    for m, i in zip(group.members, intervals):
        by_end.setdefault((m.period_end or m.fact.published or "")[:7], []).append((m, i))
    earlier_floor: tuple[float, str] | None = None
    for end in sorted(by_end, key=lambda e: first_day(e) if e else first_day("1900")):
        same = [i for _, i in by_end[end]]
        if common(same) is None:
            return f"reports as of {end} disagree: " + "; ".join(i.describe() for i in same)
        highest = max(i.high for i in same)
        if earlier_floor and highest < earlier_floor[0]:
            return f"a count reported as of {end} (at most {human(highest)}) is smaller than one reported as of {earlier_floor[1]} (at least {human(earlier_floor[0])})"
        lowest = max(i.low for i in same)
        if earlier_floor is None or lowest > earlier_floor[0]:
            earlier_floor = (lowest, end)
    return None
