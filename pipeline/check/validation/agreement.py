"""Validation: decide whether the sources in one group agree — `agree`, `conflict`,
`single_source` or `incomparable` — with the values side by side and the reason.

Each voting fact becomes an interval (`intervals.interval_for`, half-open for rounding; a figure
written as a fraction of a scale word, "a quarter of a million", is read as approximate, `qualifier_of`; a count or
amount that cuts a more precise one of its group short, "1.409 billion" for 1.40967 billion, also
allows that truncation, `intervals.with_truncation`); money in other currencies is widened over
the span of ECB rates a writer could have used (`currency`), and measures in other units of their
dimension (miles and kilometres, months and years) are converted (`measures`), and a figure one
article gives in two such units ("120 mph (193 km/h)") is as precise as the coarser of them. The
sources agree when some value lies in every interval, and sources that give one range give its
two ends alike (`ranges_apart`). A running count (`timeline`) conflicts only
when a certainly-later report is certainly smaller. Quarantined facts are listed, never counted;
an undated figure offered to the group counts only if it is consistent with the dated ones.
Disagreements that cannot call a source wrong are `incomparable`: forecasts naming no forecaster
(they may be different polls), market prices and their moves stated as of a time, and prices or
peaks stated for a month or a day (one of its many moments), not a year's or a month's average (they
may be of different moments, `questions.moves_by_the_minute`, which also knows a price by its
entity, "bitcoin (price)"; but not one named day's open or close, nor its high or low reported after
it, `questions.one_session_moment`, which an asset traded round the clock never has), figures that
differ only from a vague amount ("several billion", "thousands": its span is a convention), and a quake's
magnitude, depth or epicentre given by no one agency (`questions.measured_by_agencies`: the USGS and a
national agency each measure it), and figures more than twice apart whose name only repeats what they count
("balls" for "off 95 balls" and "17 balls to spare", `vocabulary.names_only_its_unit`; "770 employees" against "700
employees" still conflict). An article whose own figures in a group lie more than twice apart names two things
alike ("12 goals" at World Cups and "757 goals" in a career, both `other:goals`): its figures do not vote. Figures
that every article gives alike are different things under one name ("24 crew members" aboard and "21 crew members
rescued earlier" in each of three articles): `incomparable`, not a conflict.
Every group says how many outlets and independent sources back it.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from schemas.facts import Finding, QuantFact
from schemas.primitives.numbers import find_numbers, round_fractions
from schemas.units import is_currency
from schemas.validation import AgreementGroup, GroupMember, Verdict
from schemas.vocabulary import names_only_its_unit, unit_class

from .currency import (Converted, convert, converted_from, needs_conversion, rates_that_fit, rates_tried, target_currency,
                       written_first)
from .grouping import Group, Member
from .independence import Origins
from .intervals import Interval, common, human, interval_for, precision, range_step, rounded, with_truncation
from .measures import factors, one_dimension
from .questions import (UNNAMED, at_a_moment, measured_by_agencies, measuring_agency, moves_by_the_minute,
                        one_session_moment)
from .sources_note import excluded_facts, sources_note
from .timeline import falling_count, rising_summary, stamp

_MEMBER_FIELDS = frozenset(GroupMember.model_fields)


# A part written before its whole: "five of the six crew", "3 out of its 11 cranes".
_OF_WHOLE = re.compile(r"^\s+(?:out\s+)?of\s+(?:the|its|their|all|[A-Z][\w'’.-]*['’]s)\s+")


_APART = 2.0
# ... and for figures whose name only repeats their unit ("points" for 583 points in all and 340 from the juries): every
# such conflict in the saved model runs of the held-out sets was two things (4 of 4), and outlets that really differ on
# one figure lie within 1.3 times of each other
_UNIT_NAME_APART = 1.5


def _far_apart(intervals: list[Interval], apart: float = _APART) -> bool:
    """Do some two of `intervals` that share no value differ in size more than `apart` times?"""
    if common(intervals) is not None:
        return False
    # a sign read wrong ("+5.3%" beside "-5.3%") is no other thing; "more than 50" is sized by its finite end
    sizes = [abs(sum(ends) / len(ends)) for i in intervals if (ends := [e for e in (i.low, i.high) if math.isfinite(e)])]
    if len(sizes) < 2:
        return False
    if min(sizes) == 0:
        return True
    ratio = max(sizes) / min(sizes)
    return ratio > apart and not _scale_slip(ratio)


def _scale_slip(ratio: float) -> bool:
    """Is `ratio` a power of ten, within rounding: one figure's scale written wrong ("65.5 billion" for 65.46
    trillion), no other thing?"""
    power = round(math.log10(ratio))
    return power >= 1 and abs(ratio / 10 ** power - 1) < 0.02


def part_and_whole(facts: list[QuantFact]) -> bool:
    """Does one article give, among `facts`, a part and the whole it is written as a part of ("five of the six
    crew members": 5 and 6 under one name)?"""
    for part in facts:
        if not (part.mention_span and part.span):
            continue
        after = part.quote[part.mention_span[1] - part.span[0]:]
        if (of := _OF_WHOLE.match(after)) and (whole := find_numbers(after[of.end():of.end() + 30])) \
                and whole[0].start == 0 and any(other.article_id == part.article_id and other.value == whole[0].value
                                                for other in facts if other is not part):
            return True
    return False


def to_the_unit(unit: str | None, value: float) -> bool:
    """Is a whole `value` in `unit` given to the unit? A percentage ("40%"), and a count or a duration
    of fewer than 100 ("70 markets" against "69 territories", "a maximum of 10 years" against "up to
    five years": two published figures); larger counts and money keep their rounding to the last
    written digit ("300 dead", "$40 billion")."""
    kind = unit_class(unit)
    return kind == "percent" or kind in ("count", "duration") and abs(value) < 100


def qualifier_of(fact: QuantFact) -> str:
    """The qualifier a figure is compared with: its own, but an `exact` figure written as a fraction
    of a scale word (`numbers.round_fractions`) is read as `approximately` ("a quarter of a million"
    fits 240,000)."""
    if fact.qualifier == "exact" and round_fractions(written_figure(fact)):
        return "approximately"
    return fact.qualifier


def written_figure(fact: QuantFact) -> str:
    """The words of the figure itself when the fact knows where they are in its quote, else the quote."""
    number = fact.number_in_quote()
    return fact.quote[number[0]:number[1]] if number else fact.quote


def own_interval(m: Member) -> Interval:
    """The values the member's source allows; the hedge of a negative figure bounds its size, unless it
    is a temperature ("below -18C" is colder than -18C)."""
    f = m.fact
    percent = unit_class(f.unit) == "percent"
    return interval_for(f.value, qualifier_of(f), f.value_max, nonnegative=not percent and f.value >= 0,
                        to_the_unit=to_the_unit(f.unit, f.value), of_size="degrees" not in (f.unit or ""))


def group_unit(units: list[str]) -> str:
    """The unit a non-money group is compared in: the commonest."""
    return Counter(units).most_common(1)[0][0]


def comparable_units(units: list[str]) -> str | None:
    """Why the units cannot be compared, or None when they can."""
    classes = {unit_class(u) for u in units}
    if len(classes) > 1:
        return f"units of different kinds: {', '.join(sorted(set(units)))}"
    if classes == {"percent"} and len(set(units)) > 1:
        return "percent and percentage points measure different things"
    if classes == {"currency"} and len(set(units)) > 1 and any(" per " in u for u in units):
        return f"money per different things: {', '.join(sorted(set(units)))}"  # "USD per year" and "USD per month"
    if classes == {"duration"} and len(set(units)) > 1:
        return f"durations in different units: {', '.join(sorted(set(units)))}"
    if classes == {"count"} and len({u.rsplit("_", 1)[-1] for u in units}) > 1:
        return f"counts of different things: {', '.join(sorted(set(units)))}"  # "artillery_shells" and "shells" are one
    return None


def restated_as_written(members: list[Member], intervals: list[Interval]) -> list[Interval]:
    """A figure one article states in two units of a dimension ("120 mph (193 km/h)") was converted
    from one to the other, so it is only as precise as the coarser of the two: each of them takes the
    span of both (120 mph, to the nearest 10, allows 185 to 201 km/h, and so does the 193 beside it).
    Figures of one article that do not meet are left as they are: they are two claims."""
    out = list(intervals)
    by_article: dict[str, list[int]] = {}
    for n, m in enumerate(members):
        by_article.setdefault(m.fact.article_id, []).append(n)
    for indexes in by_article.values():
        if len({members[n].fact.unit for n in indexes}) < 2 or common([intervals[n] for n in indexes]) is None:
            continue
        span = Interval(min(intervals[n].low for n in indexes), max(intervals[n].high for n in indexes))
        for n in indexes:
            out[n] = span
    return out


def ranges_apart(members: list[Member]) -> str | None:
    """Two sources that give one range ("between 26.6% and 28.6%", a quick count's interval) give the
    same two figures: the low ends must meet, and so must the high ends (each to the rounding of its
    range's finer end, `intervals.range_step`), even when the ranges overlap. Ranges in different
    units are left to the overlap test."""
    ranged = [(m, m.fact.value, m.fact.value_max) for m in members
              if m.fact.qualifier == "range" and m.fact.value_max is not None]
    if not _one_unit_across_sources([m for m, _, _ in ranged]):
        return None
    unit = ranged[0][0].fact.unit
    ends = [_range_ends(unit, low, high) for _, low, high in ranged]
    for index, name in ((0, "low"), (1, "high")):
        if common([pair[index] for pair in ends]) is None:
            written = "; ".join(f"{_label(m)}: {human(low)}–{human(high)}" for m, low, high in ranged)
            return f"the ranges' {name} ends differ: {written} {unit}"
    return None


def ceilings_apart(members: list[Member]) -> str | None:
    """Two sources that give a ceiling ("a maximum of 10 years", "up to five years") give the limit
    itself: the ceilings must meet, each to its rounding, even though "at most 5" is inside "at most
    10". A bound written "less than" or "under" stays loose. Ceilings in different units are left to
    the overlap test."""
    capped = [m for m in members if m.fact.qualifier == "at_most"]
    if not _one_unit_across_sources(capped):
        return None
    unit = capped[0].fact.unit
    if _meet(unit, [m.fact.value for m in capped]):
        return None
    return "the ceilings differ: " + "; ".join(f"{_label(m)}: at most {human(m.fact.value)}" for m in capped) + f" {unit}"


def _range_ends(unit: str | None, low: float, high: float) -> tuple[Interval, Interval]:
    """The values each end of one range allows, both given to the finer end's rounding (`range_step`)."""
    step = range_step(low, high, to_the_unit(unit, low))  # as `own_interval` reads the range
    return rounded(low, step), rounded(high, step)


def _one_unit_across_sources(members: list[Member]) -> bool:
    """Do the members come from two articles or more, all in one unit?"""
    return len({m.fact.article_id for m in members}) >= 2 and len({m.fact.unit for m in members}) == 1


def _meet(unit: str | None, values: list[float]) -> bool:
    """Do figures written as exact values meet, each to its rounding?"""
    return common([interval_for(v, "exact", nonnegative=False, to_the_unit=to_the_unit(unit, v)) for v in values]) is not None


def _label(m: Member) -> str:
    return m.fact.source or m.fact.article_id


def side_by_side(members: list[Member], intervals: list[Interval], unit: str) -> str:
    """Each figure as written, the precision it was given at, the interval it allows, and who gives it."""
    rows: dict[tuple[float, str, str, Interval], list[str]] = {}
    for m, i in zip(members, intervals):
        rows.setdefault((m.fact.value, m.fact.unit, qualifier_of(m.fact), i), []).append(_label(m))
    return "; ".join(f"{_names(names)}: {human(value)} {written} "
                     f"({precision(value, qualifier, to_the_unit(written, value))}) → {i.describe()} {unit}"
                     for (value, written, qualifier, i), names in rows.items())


def _names(names: list[str]) -> str:
    unique = list(dict.fromkeys(names))
    return ", ".join(unique[:3]) + (f" and {len(unique) - 3} more" if len(unique) > 3 else "")


class _Judgement:
    """The verdict on one group, built step by step."""

    def __init__(self, group: Group, origins: Origins) -> None:
        self.group, self.origins = group, origins
        self.members: list[Member] = list(group.members)
        self.left_out: list[tuple[Member, str]] = []
        self.rate: str | None = None
        self.rate_range: str | None = None

    def run(self) -> tuple[Verdict, str, list[Interval] | None]:
        candidates = self.group.candidates
        every = self.members + candidates
        units = [m.fact.unit for m in every]
        if not self.members:
            self.left_out += [(m, "undated, and no dated figure to compare it with") for m in candidates]
            return "incomparable", "no fact in this group may vote", None
        measured = one_dimension(units)
        if not measured and (reason := comparable_units([m.fact.unit for m in self.members])):
            return "incomparable", reason, None
        self.unit = target_currency(self.group.entity, units, written_first(every), converted_from(every)) \
            if all(is_currency(u) for u in units) \
            else group_unit(units)
        own = [own_interval(m) for m in every]
        if measured:  # "1.6 miles" and "2.6 km": each interval in the group's unit
            self.unit, sizes = factors(units)
            own = restated_as_written(every, [interval.scaled(size, size) for interval, size in zip(own, sizes)])
        if len(set(units)) == 1 and unit_class(units[0]) != "percent":  # "1.409 billion" for 1.40967 billion
            own = with_truncation([(m.fact.value, qualifier_of(m.fact)) for m in every], own)
        converted = convert(every, own, self.unit) if needs_conversion(units, self.unit) else Converted(own, {})
        if isinstance(converted, str):
            return "incomparable", converted, None
        if converted.spans:
            self.rate_range = rates_tried(converted)
        intervals = self._offer_candidates(converted.intervals, len(self.members))
        verdict, detail = self._decide(intervals)
        if converted.spans and verdict == "agree" and (meet := common(intervals)) is not None:
            self.rate = rates_that_fit(every, own, converted, meet)
        return verdict, detail, intervals

    def _offer_candidates(self, intervals: list[Interval], n_dated: int) -> list[Interval]:
        """Undated figures join when consistent with the dated ones; the others are listed apart."""
        dated = intervals[:n_dated]
        meet = common(dated) if not self.group.cumulative else None
        for m, interval in zip(self.group.candidates, intervals[n_dated:]):
            if meet is not None and common([meet, interval]) is not None:
                self.members.append(m)
                dated.append(interval)
            else:
                self.left_out.append((m, f"undated; {interval.describe()} {self.unit} is not consistent with the dated figures"
                                         if meet is not None else "undated; the dated figures do not agree"))
        return dated

    @property
    def _articles(self) -> int:
        """How many articles the voting members come from (fewer after `_without_articles_apart`)."""
        return len({m.fact.article_id for m in self.members})

    def _decide(self, intervals: list[Interval]) -> tuple[Verdict, str]:
        if not self.group.cumulative and self._articles > 1:
            intervals = self._without_articles_apart(intervals)
            if self._articles < 2:
                return "incomparable", ("an article gives figures under this name that cannot all hold, so the name covers "
                                        "more than one thing, and fewer than two sources are left to compare")
        if self._articles == 1:
            return "single_source", "one source only"
        problem = self._running_problem(intervals) if self.group.cumulative else self._disjoint(intervals)
        if problem is None:
            return "agree", self._agreement(intervals)
        if self.group.stance == f"forecast: {UNNAMED}":
            return "incomparable", f"forecasts that name no forecaster may come from different polls: {problem}"
        facts = [m.fact for m in self.members]
        if measured_by_agencies(self.group.metric, self.group.entity) and measuring_agency(facts) is None:
            return "incomparable", (f"seismic agencies measure a quake each on its own, and these figures name no one agency: "
                                    f"{problem}")
        if self.group.period.startswith("undated"):
            return "incomparable", f"no period stated, so these figures may be for different times: {problem}"
        if not self.group.cumulative and self._every_article_gives_all(intervals):
            return "incomparable", (f"every source gives each of these figures itself, so they are different things under "
                                    f"one name, not sources that disagree: {problem}")
        if part_and_whole(facts):
            return "incomparable", (f"one article gives a part and its whole under this name (\"five of the six on board\"), "
                                    f"so the name covers two things: {problem}")
        if all(names_only_its_unit(f.metric_label, f.unit) for f in facts) and _far_apart(intervals, _UNIT_NAME_APART):
            return "incomparable", (f"the name only says what is counted, and the figures lie more than {_UNIT_NAME_APART:g} times "
                                    f"apart, so they may count different things (\"off 95 balls\", \"17 balls to spare\"): "
                                    f"{problem}")
        if not self.group.cumulative and self._only_vague_apart(intervals):
            return "incomparable", f"only a vague amount (\"several\", \"thousands\") differs from the others: {problem}"
        metric, entity = self.group.metric, self.group.entity
        if moves_by_the_minute(metric, facts, entity) and not one_session_moment(metric, facts, entity) \
                and (self.group.kind == "level" or self.group.kind == "flow" and at_a_moment(metric, facts)):
            return "incomparable", (f"a market price moves by the minute, and these reports may be for different "
                                    f"moments: {problem}")
        return "conflict", problem

    def _without_articles_apart(self, intervals: list[Interval]) -> list[Interval]:
        """Sets aside the figures of an article whose own figures in the group are more than `_APART` times apart:
        its words name two things alike ("12 goals" at World Cups and "757 goals" in a career, both `other:goals`), so
        none of them is known to answer the group's question. Figures closer than that are one thing told two ways, and
        may be the article's own error ("approximately 7 trillion" beside its "7.6 to 7.8 trillion"): they still vote."""
        apart = {article for article, own in self._by_article(intervals).items() if len(own) > 1 and _far_apart(own)}
        if not apart:
            return intervals
        kept = [(m, i) for m, i in zip(self.members, intervals) if m.fact.article_id not in apart]
        self.left_out += [(m, "its article gives other figures under this name that cannot all hold with it")
                          for m in self.members if m.fact.article_id in apart]
        self.members = [m for m, _ in kept]
        return [i for _, i in kept]

    def _every_article_gives_all(self, intervals: list[Interval]) -> bool:
        """Whether every article gives the same figures, which do not all meet ("24 crew members" aboard and "21 crew
        members rescued earlier", both in each of three articles): each figure is met by one of every article's own,
        so the spread is two things under one name that all sources tell alike, not sources that disagree."""
        by_article = self._by_article(intervals).values()
        return common(intervals) is None and all(len(own) > 1 for own in by_article) \
            and all(any(common([other, mine]) is not None for mine in own) for own in by_article for other in intervals)

    def _by_article(self, intervals: list[Interval]) -> dict[str, list[Interval]]:
        """The voting members' intervals, by the article that gives them."""
        by_article: dict[str, list[Interval]] = {}
        for m, interval in zip(self.members, intervals):
            by_article.setdefault(m.fact.article_id, []).append(interval)
        return by_article

    def _only_vague_apart(self, intervals: list[Interval]) -> bool:
        """Whether the figures agree once vague amounts ("several billion", "thousands") are set aside:
        the span such words stand for is a convention, too loose to call a source wrong."""
        precise = [i for m, i in zip(self.members, intervals) if m.fact.qualifier != "several"]
        return len(precise) < len(intervals) and (len(precise) < 2 or common(precise) is not None)

    def _disjoint(self, intervals: list[Interval]) -> str | None:
        if common(intervals) is None:
            return side_by_side(self.members, intervals, self.unit)
        return ranges_apart(self.members) or ceilings_apart(self.members)

    def _running_problem(self, intervals: list[Interval]) -> str | None:
        reports = self._reports(intervals)
        return falling_count(reports) if reports else None

    def _reports(self, intervals: list[Interval]):  # type: ignore[no-untyped-def]
        out = []
        for m, i in zip(self.members, intervals):
            s = stamp((m.fact.model_extra or {}).get("as_of") or m.period_end or m.fact.published)
            if s is not None:
                out.append((s, i, _label(m)))
        return out

    def _agreement(self, intervals: list[Interval]) -> str:
        if self.group.cumulative and (reports := self._reports(intervals)):
            return ("a running count consistent with rising over time; reports whose times cannot be ordered are not "
                    f"compared: {rising_summary(reports)}")
        return f"agree: {side_by_side(self.members, intervals, self.unit)}"


def _member(**fields: object) -> GroupMember:
    """A GroupMember from fields already checked (they come from validated facts), without validating them again."""
    member = GroupMember.__new__(GroupMember)
    object.__setattr__(member, "__dict__", fields)
    object.__setattr__(member, "__pydantic_fields_set__", _MEMBER_FIELDS)
    object.__setattr__(member, "__pydantic_extra__", None)
    object.__setattr__(member, "__pydantic_private__", None)
    return member


def _members(members: list[Member], intervals: list[Interval] | None, origins: Origins) -> list[GroupMember]:
    out = []
    for n, m in enumerate(members):
        f, interval = m.fact, intervals[n] if intervals else None
        out.append(_member(
            fact_id=f.fact_id, article_id=f.article_id, source=f.source, published=f.published, value=f.value,
            unit=f.unit, qualifier=f.qualifier, low=interval.low if interval else None,
            high=interval.high if interval else None, period_start=m.period_start, period_end=m.period_end,
            quote=f.quote, origin=origins.of(f.article_id)))
    return out


def judge(group: Group, origins: Origins) -> tuple[AgreementGroup, list[Finding]]:
    """The verdict on one group, and a finding for each conflict."""
    judgement = _Judgement(group, origins)
    verdict, detail, intervals = judgement.run()
    members = judgement.members
    note, outlets, independent = sources_note(members, origins)
    if verdict == "agree" and independent == 1 and outlets > 1:
        detail = f"agree on one independent source ({origins.of(members[0].fact.article_id)}): " + detail.removeprefix("agree: ")
    unit = getattr(judgement, "unit", members[0].fact.unit if members else "")
    fact_ids = [m.fact.fact_id for m in members]
    agreement = AgreementGroup(
        key=group.key, entity=group.entity, metric=group.metric, period=group.period, verdict=verdict, fact_ids=fact_ids,
        detail=detail, unit=unit, members=_members(members, intervals, origins), rate=judgement.rate,
        rate_range=judgement.rate_range, assumptions=group.assumptions, outlets=outlets, independent_sources=independent,
        sources_note=note, excluded=excluded_facts(group.excluded, judgement.left_out))
    return agreement, _findings(agreement, group, members, intervals)


def _findings(agreement: AgreementGroup, group: Group, members: list[Member], intervals: list[Interval] | None) -> list[Finding]:
    if agreement.verdict == "conflict":
        return [Finding(check="agreement", severity="warning", fact_ids=agreement.fact_ids,
                        message=f"{group.key}: sources conflict — {agreement.detail}")]
    if agreement.verdict == "single_source" and intervals and not group.cumulative and common(intervals) is None:
        return [Finding(check="consistency", severity="warning", fact_ids=agreement.fact_ids,
                        article_id=group.members[0].fact.article_id,
                        message=f"{group.key}: one article gives values that cannot all hold — "
                                f"{side_by_side(members, intervals, agreement.unit)}")]
    return []
