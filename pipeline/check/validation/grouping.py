"""Validation: group facts that speak about the same thing — entity, metric and comparable period.

Grouping is one pass over the facts with a dictionary: no pair of facts is ever compared here.
- entity: case-folded, "the" dropped, aliases mapped ("DPRK" -> "north korea");
- metric: the vocabulary key; `other` only with a real label; unknown entities are not grouped;
- period, by how the metric relates to time (`schemas.vocabulary.period_kind`):
  - a cumulative "since X" period is keyed by its start and only meets other "since" periods;
  - an annual flow is keyed by its year (a 2016 figure never meets a 2022 one); an undated annual
    figure is taken as the latest annual figure available at its publication — the latest year
    another source published by then — and the group records that assumption;
  - a level or a streak is keyed by the year it is stated for, else its publication year.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from schemas.facts import QuantFact
from schemas.vocabulary import period_kind

from ...extract.entities import UNKNOWN
from ..periods import calendar_year, first_day

ENTITY_ALIASES: dict[str, str] = {
    "dprk": "north korea", "democratic people's republic of korea": "north korea", "n. korea": "north korea",
    "rok": "south korea", "republic of korea": "south korea", "s. korea": "south korea",
    "us": "united states", "u.s.": "united states", "usa": "united states", "united states of america": "united states",
    "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
    "russian federation": "russia", "prc": "china", "people's republic of china": "china",
    "eu": "european union",
}
_UNKNOWN = UNKNOWN | {"it", "they"}  # a pronoun names nothing to group by either


@dataclass
class Member:
    """A fact placed in a group, with the period it is compared under."""

    fact: QuantFact
    period_start: str | None
    period_end: str | None


@dataclass
class Group:
    entity: str
    metric: str
    period: str
    members: list[Member] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.entity} | {self.metric} | {self.period}"

    @property
    def cumulative(self) -> bool:
        return self.period.startswith("since")


def entity_key(entity: str) -> str | None:
    name = " ".join(entity.replace("’", "'").casefold().split())
    name = re.sub(r"^the\s+", "", name).strip(" ,;:")
    if name.rstrip(".") in _UNKNOWN:
        return None
    return ENTITY_ALIASES.get(name) or ENTITY_ALIASES.get(name.rstrip("."), name.rstrip("."))


def metric_key(fact: QuantFact) -> str | None:
    if fact.metric != "other":
        return fact.metric
    label = (fact.metric_label or "").strip().casefold()
    if not label or label.startswith("unlabelled"):
        return None
    return "other:" + re.sub(r"[^a-z0-9]+", "_", label).strip("_")


def _year_of(iso: str | None) -> str | None:
    return iso[:4] if iso else None


def period_key(fact: QuantFact) -> str | None:
    """The comparable-period part of the key; None for an undated annual figure (placed later)."""
    start, end = fact.period_start, fact.period_end
    if fact.period_rule and fact.period_rule.split(":")[-1].startswith("since") and start:
        return f"since {start[:7]}"
    kind = period_kind(fact.metric)
    if kind == "annual" or (kind == "cumulative" and start and end):
        if year := calendar_year(start, end):
            return year
        if start and end:
            return f"{start}..{end}"
        return None if kind == "annual" else _as_of(fact)
    return _as_of(fact)


def _as_of(fact: QuantFact) -> str | None:
    year = _year_of(fact.period_end) or _year_of(fact.published)
    return f"as of {year}" if year else None


def group_facts(facts: list[QuantFact]) -> list[Group]:
    """Every group of facts about one entity, metric and comparable period."""
    groups: dict[tuple[str, str, str], Group] = {}
    undated: list[tuple[tuple[str, str], QuantFact]] = []
    years: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)  # -> (year, publication)
    for fact in facts:
        entity, metric = entity_key(fact.entity), metric_key(fact)
        if entity is None or metric is None:
            continue
        period = period_key(fact)
        if period is None:
            undated.append(((entity, metric), fact))
            continue
        _group(groups, entity, metric, period).members.append(Member(fact, fact.period_start, fact.period_end))
        if period.isdigit():
            years[(entity, metric)].append((period, fact.published))
    for base, fact in undated:
        _place_undated(base, fact, groups, years)
    return list(groups.values())


def _group(groups: dict[tuple[str, str, str], Group], entity: str, metric: str, period: str) -> Group:
    if (entity, metric, period) not in groups:
        groups[(entity, metric, period)] = Group(entity, metric, period)
    return groups[(entity, metric, period)]


def _available_year(fact: QuantFact, dated: list[tuple[str, str | None]]) -> str | None:
    """The latest year before publication that some source had published by then."""
    if not fact.published:
        return None
    published = first_day(fact.published)
    candidates = [year for year, seen in dated
                  if year < fact.published[:4] and seen is not None and first_day(seen) <= published]
    return max(candidates, default=None)


def _place_undated(base: tuple[str, str], fact: QuantFact, groups: dict[tuple[str, str, str], Group],
                   years: dict[tuple[str, str], list[tuple[str, str | None]]]) -> None:
    year = _available_year(fact, years.get(base, []))
    if year is None:
        period = "undated" + (f" (published {fact.published[:4]})" if fact.published else "")
        _group(groups, *base, period).members.append(Member(fact, None, None))
        return
    group = groups[(*base, year)]
    group.members.append(Member(fact, f"{year}-01-01", f"{year}-12-31"))
    group.assumptions.append(
        f"{fact.fact_id} states no year; taken as the latest annual figure available at its publication "
        f"({fact.published}): {year}")
