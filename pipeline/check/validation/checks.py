"""Validation: per-fact checks. Each `check_<concern>()` looks at facts and returns findings.

- units: a negative count, a currency metric measured in something else (or the reverse), a
  percentage outside what its metric can plausibly take (a "590%" GDP growth rate);
- dates: an `actual` for a period that ends after publication (an error: it cannot have happened
  yet; a warning for an `other` measure of a period running at publication, or an amount of money
  set for a later term: a contract's value, a budget, a fine), a `forecast` for a period long past (a warning), a period that ends before it starts, a
  date no calendar has, period words that cannot be placed from the publication date ("last year"
  in an article dated 0001-01-01);
- grounding and coverage, when the article texts are at hand (`grounding.py`, `coverage.py`);
- names, when the article texts are at hand: an entity or attribution the article never names (an
  error: a prompt-injected or invented name must not decide which question a fact answers). It
  flags facts that no validator checked: from old stores, other tools, or answers read back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from schemas.facts import Finding, QuantFact, Severity
from schemas.primitives.names import name_found
from schemas.vocabulary import GENERIC_PERCENT_RANGE, METRIC_UNIT_CLASS, PERCENT_RANGE, unit_class

from ...extract.coverage import check_article_coverage
from ...extract.grounding import ground_fact
from ..periods import first_day, is_calendar_date, last_day, placement_problem

LONG_PAST_DAYS = 366


def _finding(check: str, severity: Severity, fact: QuantFact, message: str) -> Finding:
    return Finding(check=check, severity=severity, fact_ids=[fact.fact_id], article_id=fact.article_id, message=message)


# An `other` count named as a change ("population_change", "net_loss_of_jobs") may be negative.
_CHANGE_LABEL = re.compile(r"(?:^|[_\s])(?:change|changes|decline|decrease|drop|fall|loss|net|shrinkage|growth|"
                           r"increase|difference|reduction)(?:$|[_\s])", re.IGNORECASE)


def check_units(fact: QuantFact) -> list[Finding]:
    """Unit and magnitude problems of one fact."""
    found: list[Finding] = []
    cls = unit_class(fact.unit)
    expected = METRIC_UNIT_CLASS.get(fact.metric)
    if expected and expected != cls:
        found.append(_finding("units", "error", fact, f"{fact.metric} is measured in {expected}, but the unit is {fact.unit!r}"))
    if cls == "count" and fact.value < 0 and not _CHANGE_LABEL.search(fact.metric_label or ""):
        found.append(_finding("units", "error", fact, f"a count cannot be negative: {fact.value:g} {fact.unit}"))
    if cls == "percent" and fact.unit == "percent":
        low, high = PERCENT_RANGE.get(fact.metric, GENERIC_PERCENT_RANGE)
        for value in filter(lambda v: v is not None, (fact.value, fact.value_max)):
            if not low <= value <= high:
                found.append(_finding("units", "error", fact,
                                      f"{value:g}% is the wrong magnitude for {fact.metric} (plausible: {low:g}% to {high:g}%)"))
    return found


def check_dates(fact: QuantFact) -> list[Finding]:
    """Period problems of one fact, judged against its publication date."""
    start, end, published = fact.period_start, fact.period_end, fact.published
    bad = next((f"{name} {day!r}" for name, day in (("period_start", start), ("period_end", end), ("published", published))
                if day and not is_calendar_date(day)), None)
    if bad:
        return [_finding("dates", "error", fact, f"{bad} is not a date in the calendar; the period is not checked")]
    if fact.period_rule in (None, "unresolved") and (problem := placement_problem(fact.period_text or fact.quote, published)):
        return [_finding("dates", "warning", fact, problem)]
    if start and end and last_day(end) < first_day(start):
        return [_finding("dates", "error", fact, f"the period ends ({end}) before it starts ({start})")]
    if not (end and published):
        return []
    if fact.status == "actual" and first_day(end) > last_day(published):
        if fact.metric == "other" and start and (first_day(start) <= last_day(published) or unit_class(fact.unit) == "currency"):
            return [_finding("dates", "warning", fact,
                             f"reported as actual for a period that ends after publication ({start} to {end}, published "
                             f"{published}): an amount set for it (a prize, a budget, a contract, a fine), or a forecast?")]
        return [_finding("dates", "error", fact,
                         f"reported as actual, but its period ends {end}, after publication ({published}); a forecast?")]
    days_past = (first_day(published) - last_day(end)).days
    if fact.status == "forecast" and days_past > LONG_PAST_DAYS:
        return [_finding("dates", "warning", fact,
                         f"a forecast for a period that ended {days_past} days before publication ({end}); an actual?")]
    return []


def check_grounding(facts: list[QuantFact], texts: Mapping[str, str]) -> list[Finding]:
    """Re-locate each fact's quote and number in its article's text; facts without a text are skipped."""
    return [finding for fact in facts if fact.article_id in texts for finding in ground_fact(fact, texts[fact.article_id])[1]]


def check_coverage(facts: list[QuantFact], texts: Mapping[str, str]) -> list[Finding]:
    """Per article, the quantities no fact accounts for."""
    by_article: dict[str, list[QuantFact]] = {article_id: [] for article_id in texts}
    for fact in facts:
        if fact.article_id in by_article:
            by_article[fact.article_id].append(fact)
    return [finding for article_id, own in by_article.items() for finding in check_article_coverage(article_id, texts[article_id], own)]


def check_names(facts: list[QuantFact], texts: Mapping[str, str]) -> list[Finding]:
    """An error for each fact whose entity or attribution its article's text never names; facts
    without a text are skipped."""
    found: list[Finding] = []
    for fact in facts:
        text = texts.get(fact.article_id)
        if text is None:
            continue
        for field, value in (("entity", fact.entity), ("attribution", fact.attribution)):
            if value and not name_found(value, text):
                found.append(_finding("names", "error", fact, f"{field} «{value}» is not named in the article"))
    return found
