"""Validation: internal consistency between metrics, within and across articles.

Where the facts allow it:
- exports + imports ≈ trade_volume, for the same entity, year and currency;
- previous × (1 + growth) ≈ current, for a level metric and its growth rate in consecutive years.
Each side is the interval every source of its group allows; groups in conflict are left out, since
they have no single value to build on. A relative tolerance absorbs rounding in the sums.
"""

from __future__ import annotations

from schemas.facts import Finding
from schemas.validation import AgreementGroup
from schemas.vocabulary import GROWTH_OF

from .intervals import Interval, common

TOLERANCE = 0.01


def consensus(group: AgreementGroup) -> Interval | None:
    """The values every member of a group allows, if the group has one."""
    if group.verdict not in ("agree", "single_source"):
        return None
    bounds = [Interval(m.low, m.high) for m in group.members if m.low is not None and m.high is not None]
    return common(bounds) if bounds else None


def _close(a: Interval, b: Interval) -> bool:
    return Interval(a.low * (1 - TOLERANCE), a.high * (1 + TOLERANCE)).overlaps(b)


def _index(groups: list[AgreementGroup]) -> dict[tuple[str, str, str], tuple[AgreementGroup, Interval]]:
    index = {}
    for g in groups:
        if g.period.isdigit() and (interval := consensus(g)) is not None:
            index[(g.entity, g.metric, g.period)] = (g, interval)
    return index


def _finding(groups: list[AgreementGroup], message: str) -> Finding:
    return Finding(check="consistency", severity="warning", fact_ids=[i for g in groups for i in g.fact_ids], message=message)


def check_consistency(groups: list[AgreementGroup]) -> list[Finding]:
    """Findings where related metrics do not add up."""
    index = _index(groups)
    return _check_sums(index) + _check_growth(index)


def _check_sums(index: dict[tuple[str, str, str], tuple[AgreementGroup, Interval]]) -> list[Finding]:
    found = []
    for (entity, metric, year), (total, total_i) in index.items():
        if metric != "trade_volume":
            continue
        parts = [index.get((entity, m, year)) for m in ("exports", "imports")]
        if None in parts or len({total.unit, *(p[0].unit for p in parts if p)}) > 1:
            continue
        (exports, ex_i), (imports, im_i) = parts  # type: ignore[misc]
        summed = Interval(ex_i.low + im_i.low, ex_i.high + im_i.high)
        if not _close(summed, total_i):
            found.append(_finding([total, exports, imports], f"{entity} {year}: exports + imports = {summed.describe()} "
                                  f"{total.unit}, but trade_volume = {total_i.describe()} {total.unit}"))
    return found


def _check_growth(index: dict[tuple[str, str, str], tuple[AgreementGroup, Interval]]) -> list[Finding]:
    found = []
    for (entity, metric, year), (current, cur_i) in index.items():
        growth_metric = GROWTH_OF.get(metric)
        previous = index.get((entity, metric, str(int(year) - 1)))
        growth = index.get((entity, growth_metric, year)) if growth_metric else None
        if previous is None or growth is None or previous[0].unit != current.unit:
            continue
        (prev, prev_i), (rate, rate_i) = previous, growth
        predicted = Interval(prev_i.low * (1 + rate_i.low / 100), prev_i.high * (1 + rate_i.high / 100))
        if not _close(predicted, cur_i):
            found.append(_finding([prev, rate, current], f"{entity} {metric}: {int(year) - 1} value × (1 + {year} growth) = "
                                  f"{predicted.describe()} {current.unit}, but the {year} value is {cur_i.describe()} {current.unit}"))
    return found
