"""Validation: group facts that answer the same question — entity, metric, period, status, basis.

Grouping is a few passes over the facts with dictionaries and sorted lists: no pair of facts is
ever compared here.
- entity: case-folded, accents dropped, "the" dropped, aliases mapped ("DPRK" -> "north korea"), a
  candidate's or party's surname or short name taken as the full name other facts give (`full_names`); unknown entities
  and `other` metrics that are unlabelled or name only a kind of number ("other:percentage") are not
  grouped;
- question: status and forecaster (`questions.stance`; a first estimate its own article gives beside a
  revised figure is a question apart, `questions.replaced_in_article`) and, when sources give one period on two
  bases, the basis (`questions.basis_of`; for a growth of money, also `questions.currency_terms`;
  a percentage and a number of one thing, `as_share`);
- time (`questions.time_kind`): a flow by its exact period (a 2016 figure never meets a 2022 one,
  a quarter never meets its year; a past event's final toll by its calendar year,
  `past_toll_year`); a running count "since X" by its start, whatever the year it is reported in;
  levels, and tolls without a start or stated for one day ("110 million displaced today"), by
  windows of reference days (`timeline`), except that a share of the vote given as the final
  result meets the others so given in its year (`questions.final_result_year`), a level stated for
  a day joins the same figure stated for that day's month ("nearly 80%" on 13 June, "80%" in
  June) unless it changes by the day (`questions.changes_daily`: a day's high temperature), and
  when levels are stated for two or more named days ("on Tuesday", "May 29"), each meets only its
  day's;
- undated: a flow without a period is listed as undated; an annual one is offered to the latest
  year published by its publication date, and counts there only if it is consistent (agreement
  decides); it never makes a conflict;
- quarantined facts (an error finding) are listed in their group as excluded and never vote; a
  group left with no voting fact is not made (the error finding names the fact).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from schemas.facts import QuantFact
from schemas.primitives.textnorm import without_accents
from schemas.vocabulary import is_unnamed, period_kind, unit_class

from ...extract.entities import UNKNOWN
from ..periods import NAMED_DAY_RULES, calendar_year, first_day, last_day
from .questions import (TimeKind, basis_of, changes_daily, currency_terms, final_result_year, past_toll_year,
                        replaced_in_article, stance, time_kind)
from .timeline import reference_day, window_days, window_labels

ENTITY_ALIASES: dict[str, str] = {
    "dprk": "north korea", "democratic people's republic of korea": "north korea", "n. korea": "north korea",
    "rok": "south korea", "republic of korea": "south korea", "s. korea": "south korea",
    "us": "united states", "u.s.": "united states", "usa": "united states", "united states of america": "united states",
    "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
    "russian federation": "russia", "prc": "china", "people's republic of china": "china",
    "eu": "european union",
}
_UNKNOWN = UNKNOWN | {"it", "they"}  # a pronoun names nothing to group by either
Base = tuple[str, str, str]  # entity, metric, stance


@dataclass(slots=True)
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
    kind: TimeKind = "flow"
    stance: str = ""
    basis: str | None = None
    members: list[Member] = field(default_factory=list)
    candidates: list[Member] = field(default_factory=list)  # undated: vote only if consistent
    excluded: list[tuple[QuantFact, str]] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        parts = [self.entity, self.metric, self.period, self.basis or "", self.stance]
        return " | ".join(p for p in parts if p)

    @property
    def cumulative(self) -> bool:
        return self.kind == "running"


# A company named with its legal form or its listing ("Reddit Inc (NYSE: RDDT)", "Binance Holdings
# Limited", "Cleveland-Cliffs Inc.") is the company outlets name without them; a name's dotted
# initials are its initials ("U.S. Steel", "US Steel").
_LISTING = re.compile(r"\s*\((?:nyse|nasdaq|lse|tsx|asx|hkex|sgx|bse|nse|otc|euronext|xetra)\s*:[^)]*\)")
_LEGAL_FORM = re.compile(r",?\s+(?:inc|corp|corporation|co|ltd|limited|plc|llc|ag|s\.?a|n\.?v|holdings)\.?$")


@lru_cache(maxsize=65536)
def entity_key(entity: str) -> str | None:
    name = " ".join(without_accents(entity).casefold().split())  # outlets differ in keeping a name's accents
    name = re.sub(r"^the\s+", "", _LISTING.sub("", name)).strip(" ,;:")
    while (bare := _LEGAL_FORM.sub("", name)) != name and bare:
        name = bare
    name = re.sub(r"\b([a-z])\.([a-z])\.(?=\s)", r"\1\2", name)  # "U.S. Steel" as "US Steel"
    if name.rstrip(".") in _UNKNOWN:
        return None
    return ENTITY_ALIASES.get(name) or ENTITY_ALIASES.get(name.rstrip("."), name.rstrip("."))


# Figures held by candidates and parties, whom outlets name in full or by surname: "Xochitl
# Galvez" and "Galvez", "Green Party" and "Green" are one holder (`full_names`).
_HELD_BY_A_NAME = re.compile(r"\b(?:vote|votes|ballots?|seats?|age)\b")  # a candidate's, a party's, a person's


def full_names(facts: list[QuantFact]) -> dict[tuple[str, ...], str]:
    """For a figure held by candidates or parties, or a person's age, the full name each shorter
    name stands for ((metric, "galvez") -> "xochitl galvez"): the shorter name must be the last words
    of the longer ones, and those longer names must all be one name written more or less fully (with
    "Xochitl Galvez" and "Marcelo Galvez" both present, "Galvez" stays as written). A text that gives
    the two names different figures holds them apart ("DMK – 22" and "Marumalarchi DMK – 1" in one
    table of seats are two parties); and a name that a text sets beside itself with a bracketed
    qualifier ("NCP – 1" under "NCP (Sharad Pawar) – 8") is, in that text, the other one: keyed (metric, name,
    article) -> "ncp [not ncp (sharad pawar)]", it meets no other text's "NCP". An acronym is the
    name a text spells it out as ("National Rally (RN)": `_acronyms`), and a name spelled with one letter
    fewer is the other spelling ("tigst assefa" -> "tigist assefa", `spelling_variants`)."""
    values: dict[str, dict[str, dict[str, set[float]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
    for fact in facts:
        entity, metric = entity_key(fact.entity), metric_key(fact)
        if entity and metric and _HELD_BY_A_NAME.search(metric.replace("_", " ")):
            values[metric][entity][fact.article_id].add(fact.value)
    longer: dict[tuple[str, ...], str] = {}
    spelled = _spelled_out(facts) if values else set()
    for metric, held in values.items():
        spelled_so = {variant: spelling for variant, spelling in spelling_variants(held).items()
                      if not _told_apart(held[variant], held[spelling])}
        for name in held:
            fuller = sorted({spelled_so.get(other, other) for other in held if other != name and other.endswith(" " + name)})
            longest = max(fuller, key=len, default=None)
            if longest and all(longest.endswith(" " + other) for other in fuller if other != longest) \
                    and not _told_apart(held[name], held[longest]):
                longer[(metric, name)] = longest
            for qualified in (other for other in held if other.startswith(name + " (")):
                for article in held[name]:
                    if article in held[qualified] and not held[name][article] & held[qualified][article]:
                        longer[(metric, name, article)] = f"{name} [not {qualified}]"
        for variant, spelling in spelled_so.items():
            longer[(metric, variant)] = longer.get((metric, spelling), spelling)
        for short, full in _acronyms(spelled, held).items():
            longer.setdefault((metric, short), longer.get((metric, full), full))
    return longer


# A name written with its acronym in brackets: "the far-right National Rally (RN) got 125".
_SPELLED_OUT = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,6})\(([A-Z]{2,6})\)")


def _spelled_out(facts: list[QuantFact]) -> set[tuple[str, str]]:
    """(acronym, spelled-out words) for each "National Rally (RN)" in the facts' quotes, as entity keys."""
    pairs = set()
    for quote in {fact.quote for fact in facts}:
        for words, short in _SPELLED_OUT.findall(quote):
            short_key, words_key = entity_key(short), entity_key(words)
            if short_key and words_key:
                pairs.add((short_key, words_key))
    return pairs


def _acronyms(spelled: set[tuple[str, str]], held: Mapping[str, Mapping[str, set[float]]]) -> dict[str, str]:
    """Acronym -> the held name the texts spell it out as (`_spelled_out`), when both hold figures of
    one metric ("rn" -> "national rally"): the spelled-out words must end with that held name, every
    text that spells the acronym out must agree, and no text may give the two names figures that
    share no value."""
    named: dict[str, set[str]] = defaultdict(set)
    for short_key, words_key in spelled:
        if short_key in held:
            named[short_key] |= {name for name in held if name != short_key and
                                 (words_key == name or words_key.endswith(" " + name))}
    return {short: next(iter(names)) for short, names in named.items()
            if len(names) == 1 and not _told_apart(held[short], held[next(iter(names))])}


def spelling_variants(names: Iterable[str]) -> dict[str, str]:
    """Each name that another name spells with one more letter in one word of five letters or more
    -> that other spelling: outlets transliterate a name differently ("Tigst Assefa" and "Tigist
    Assefa", "Zelensky" and "Zelenskyy"). A letter changed ("Jake Paul", "Jane Paul") or one more
    letter in a short word ("Ana", "Anna") makes another name."""
    names = sorted(set(names))
    return {short: spelling for short in names for spelling in names if _one_letter_more(spelling, short)}


def _one_letter_more(spelling: str, short: str) -> bool:
    pairs = [(a, b) for a, b in zip(spelling.split(), short.split()) if a != b]
    if len(spelling.split()) != len(short.split()) or len(pairs) != 1:
        return False
    word, fewer = pairs[0]
    return len(word) >= 5 and len(word) == len(fewer) + 1 and any(word[:i] + word[i + 1:] == fewer for i in range(len(word)))


def _told_apart(short: dict[str, set[float]], full: dict[str, set[float]]) -> bool:
    """One text gives the two names figures that share no value: they hold different figures."""
    return any(article in full and not values & full[article] for article, values in short.items())


def metric_key(fact: QuantFact) -> str | None:
    if fact.metric != "other":
        return fact.metric
    label = (fact.metric_label or "").strip().casefold()
    if is_unnamed(label):
        return None  # nothing says what it measures
    return "other:" + re.sub(r"[^a-z0-9]+", "_", label).strip("_")


def flow_period(fact: QuantFact) -> str | None:
    """A flow's period label: "2023", "2023-10-01..2023-12-31"; None when undated."""
    start, end = fact.period_start, fact.period_end
    if year := calendar_year(start, end):
        return year
    return f"{start}..{end}" if start and end else None


class _Placer:
    """Puts each fact in its group; windows and undated figures are placed once every dated fact is known."""

    def __init__(self, quarantined: Mapping[str, str], names: Mapping[tuple[str, ...], str], replaced: set[str]) -> None:
        self.quarantined = quarantined
        self.names = names
        self.replaced = replaced
        self.groups: dict[tuple[Base, str], Group] = {}
        self.windowed: dict[tuple[Base, TimeKind], list[tuple[date, QuantFact]]] = defaultdict(list)
        self.undated: list[tuple[Base, QuantFact]] = []
        self.one_day: list[tuple[Base, QuantFact]] = []
        self.years: dict[Base, list[tuple[str, str | None]]] = defaultdict(list)

    def group(self, base: Base, period: str, kind: TimeKind) -> Group:
        if (base, period) not in self.groups:
            self.groups[(base, period)] = Group(base[0], base[1], period, kind, base[2])
        return self.groups[(base, period)]

    def add(self, base: Base, period: str, kind: TimeKind, fact: QuantFact) -> None:
        group = self.group(base, period, kind)
        if fact.fact_id in self.quarantined:
            group.excluded.append((fact, self.quarantined[fact.fact_id]))
            return
        group.members.append(Member(fact, fact.period_start, fact.period_end))
        if period.isdigit() and kind == "flow":
            self.years[base].append((period, fact.published))

    def place(self, fact: QuantFact) -> None:
        entity, metric = entity_key(fact.entity), metric_key(fact)
        if entity is None or metric is None:
            return
        entity = self.names.get((metric, entity, fact.article_id)) or self.names.get((metric, entity), entity)
        base, kind = (entity, metric, stance(fact, fact.fact_id in self.replaced)), time_kind(fact)
        if kind == "flow":
            period = past_toll_year(fact) or flow_period(fact)
            if period is None:
                self.undated.append((base, fact))
            else:
                self.add(base, period, kind, fact)
        elif kind == "running" and fact.period_start and fact.period_start != fact.period_end:
            self.add(base, _since(fact), kind, fact)
        elif kind == "running" and fact.period_start:
            self.one_day.append((base, fact))
        elif kind == "level" and (year := final_result_year(fact, metric)):
            self.add(base, f"final result ({year})", kind, fact)  # no longer moving by the day
        elif (day := reference_day(fact.period_end, fact.published)) is not None:
            self.windowed[(base, kind)].append((day, fact))
        else:
            self.undated.append((base, fact))

    def place_one_day(self) -> None:
        """A toll stated for one day runs from that day when other counts of it do (the first day's toll
        of a quake); else it is a level of that day ("110 million displaced today")."""
        for base, fact in self.one_day:
            day = reference_day(fact.period_end, fact.published)
            if (base, _since(fact)) in self.groups or day is None:
                self.add(base, _since(fact), "running", fact)
            else:
                self.windowed[(base, "running")].append((day, fact))

    def place_windows(self) -> None:
        for (base, kind), dated in self.windowed.items():
            daily = changes_daily(base[1])
            if kind == "level":  # a day's figure of what changes by the day is no month's ("118 °F" on three days of July)
                dated = self._on_named_days(base, dated if daily else self._into_months(base, dated))
                if not dated:
                    continue
            dated.sort(key=lambda item: item[0])
            if daily:
                dated = self._without_day(base, kind, dated)
                if not dated:
                    continue
            voting = [day for day, fact in dated if fact.fact_id not in self.quarantined] or [dated[0][0]]
            width = window_days(dated[0][1].unit, daily, age=base[1] == "other:age")
            labels = window_labels(voting, width, [day for day, _ in dated])
            for (day, fact), label in zip(dated, labels):
                self.add(base, label, kind, fact)

    def _without_day(self, base: Base, kind: TimeKind, dated: list[tuple[date, QuantFact]]) -> list[tuple[date, QuantFact]]:
        """A count that changes by the day, stated for no day (a month's publication date, no
        period) meets only others stated as vaguely in that month; those stated for a day are left."""
        left = []
        for day, fact in dated:
            when = fact.period_end or fact.published or ""
            if len(when) < 10:
                self.add(base, f"as of {when[:7]} (no day)", kind, fact)
            else:
                left.append((day, fact))
        return left

    def _into_months(self, base: Base, dated: list[tuple[date, QuantFact]]) -> list[tuple[date, QuantFact]]:
        """A level stated for a day joins the group of the same figure stated for that day's calendar
        month ("nearly 80%" on 13 June and "80%" in June 2024); the others are windowed."""
        left = []
        for day, fact in dated:
            month = _month_period(day)
            if (base, month) in self.groups:
                self.add(base, month, "flow", fact)
            else:
                left.append((day, fact))
        return left

    def _on_named_days(self, base: Base, dated: list[tuple[date, QuantFact]]) -> list[tuple[date, QuantFact]]:
        """When sources state a level for two or more named days ("49.9 degrees on Tuesday", "52.3 on
        Wednesday"), each such figure is its day's and meets only the same day's; the others are
        windowed. A single named day among undated reports says nothing against them."""
        if len({_named_day(fact) for _, fact in dated} - {None}) < 2:
            return dated
        left = []
        for day, fact in dated:
            if named := _named_day(fact):
                self.add(base, f"on {named}", "level", fact)
            else:
                left.append((day, fact))
        return left

    def place_undated(self) -> None:
        for base, fact in self.undated:
            year = _available_year(fact, self.years.get(base, [])) if period_kind(base[1].split(":")[0]) == "annual" else None
            if year is None or fact.fact_id in self.quarantined or not self.groups[(base, year)].members:
                published = f" (published {fact.published[:4]})" if fact.published else ""
                self.add(base, f"undated{published}", "flow", fact)
                continue
            group = self.groups[(base, year)]
            group.candidates.append(Member(fact, f"{year}-01-01", f"{year}-12-31"))
            group.assumptions.append(
                f"{fact.fact_id} states no year; offered as the latest annual figure available at its publication "
                f"({fact.published}): {year}; it counts only if consistent with the dated figures")


_DAY_RULES = NAMED_DAY_RULES | {"explicit_date", "iso_date"}


def _named_day(fact: QuantFact) -> str | None:
    """The one day the fact's own words name ("on Tuesday", "May 29"), else None."""
    rule = (fact.period_rule or "").split(":")[-1]
    return fact.period_start if rule in _DAY_RULES and fact.period_start == fact.period_end else None


def _month_period(day: date) -> str:
    """The flow period label of `day`'s calendar month: "2024-06-01..2024-06-30"."""
    month = day.isoformat()[:7]
    return f"{first_day(month).isoformat()}..{last_day(month).isoformat()}"


def _since(fact: QuantFact) -> str:
    return f"since {(fact.period_start or '')[:7]}"


def _available_year(fact: QuantFact, dated: list[tuple[str, str | None]]) -> str | None:
    """The latest year before publication that some source had published by then."""
    if not fact.published:
        return None
    published = first_day(fact.published)
    candidates = [year for year, seen in dated
                  if year < fact.published[:4] and seen is not None and first_day(seen) <= published]
    return max(candidates, default=None)


def as_share(fact: QuantFact) -> str:
    """Whether a figure is given as a percentage or as a number: "15% of its workforce" and "15,000
    jobs" are two measures of one cut."""
    return "as a percentage" if unit_class(fact.unit) == "percent" else "as a number"


def split_bases(group: Group) -> list[Group]:
    """One group per basis when its sources give the period on two or more bases (rates, or the
    currencies a growth of money is measured in, or a percentage and a number, `as_share`);
    unstated bases apart."""
    if len(group.members) < 2:
        return [group]
    split_by = [how for how in (basis_of, currency_terms, as_share)
                if len({how(m.fact) for m in group.members} - {None}) >= 2]
    if not split_by:
        return [group]

    def basis_of_fact(fact: QuantFact) -> str:
        return ", ".join(filter(None, (how(fact) for how in split_by))) or "basis not stated"

    parts: dict[str, Group] = {}
    for m in group.members:
        label = basis_of_fact(m.fact)
        if label not in parts:
            parts[label] = Group(group.entity, group.metric, group.period, group.kind, group.stance, label,
                                 assumptions=list(group.assumptions))
        parts[label].members.append(m)
    first = next(iter(parts.values()))
    for fact, reason in group.excluded:
        parts.get(basis_of_fact(fact), first).excluded.append((fact, reason))
    for m in group.candidates:
        parts.get(basis_of_fact(m.fact), first).candidates.append(m)
    return list(parts.values())


def _question(fact: QuantFact) -> tuple[str, str, str] | None:
    entity, metric = entity_key(fact.entity), metric_key(fact)
    return None if entity is None or metric is None else (entity, metric, fact.status)


def group_facts(facts: list[QuantFact], quarantined: Mapping[str, str] | None = None) -> list[Group]:
    """Every group of facts answering one question; `quarantined` maps fact ids to why they may not vote."""
    placer = _Placer(quarantined or {}, full_names(facts), replaced_in_article(facts, _question))
    for fact in facts:
        placer.place(fact)
    placer.place_one_day()
    placer.place_windows()
    placer.place_undated()
    return [part for group in placer.groups.values() if group.members for part in split_bases(group)]
