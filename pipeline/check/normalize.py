"""Stage (normalize): bring every fact to one form — units, counted nouns, periods, US dollars.

Numbers arrive already in base units: the scanner and the extraction validators parse scale words
and spelled numbers with `numbers.parse_number` ("22.6 billion" -> 2.26e10, "a dozen" -> 12),
re-exported here for callers. This stage then
- maps units to the contract's form and unifies counted nouns ("shell" and "shells");
- keeps every field the caller supplied: a `period_start`/`period_end` given without a rule is
  data (rule `given`), never resolved again; entity, status, `value_usd` and the rest stay as given;
- resolves `period_text` against the publication date and records the rule that fired; a fact
  without period words takes the one period its quote states, if it states exactly one (a period
  written after a later figure of the sentence is that figure's, `_own_periods`);
- converts money to US dollars at an ECB rate (the period's end, else the publication date) and
  says which; a currency the ECB does not quote is marked, never converted at an invented rate.
"""

from __future__ import annotations

from schemas.facts import QuantFact
from schemas.primitives.numbers import FIGURE_NOT_YEAR, parse_number
from schemas.units import canonical_unit, is_currency
from schemas.vocabulary import unit_class

from . import fx
from .fiscal import fiscal_start
from .periods import NAMED_DAY_RULES, Period, before_stated, periods_in, resolve_period, stated_periods

__all__ = ["count_noun", "normalize", "normalize_fact", "parse_number", "period_of", "to_usd"]

_INVARIANT_PLURALS = {"people": "people", "person": "people", "personnel": "personnel", "staff": "staff",
                      "children": "children", "child": "children", "men": "men", "man": "men",
                      "women": "women", "woman": "women", "aircraft": "aircraft", "data": "data",
                      "feet": "feet", "foot": "feet",
                      # a scale's name is no counted noun: "degrees_fahrenheit", a quake's "magnitude", "teu"
                      "fahrenheit": "fahrenheit", "celsius": "celsius", "magnitude": "magnitude", "teu": "teu"}


def count_noun(noun: str) -> str:
    """One spelling for a counted noun, the plural: "shell" and "shells" both give "shells"; in a
    rate only the counted part is plural ("kilometer per hour" gives "kilometers_per_hour")."""
    noun = noun.strip().lower().replace(" ", "_")
    counted, per, rest = noun.partition("_per_")
    if per:
        return f"{count_noun(counted)}{per}{rest}"
    head, _, last = noun.rpartition("_")
    if last in _INVARIANT_PLURALS:
        plural = _INVARIANT_PLURALS[last]
    elif last.endswith("s") or not last.isalpha():
        plural = last
    elif last.endswith("y") and last[-2:-1] not in set("aeiou"):
        plural = last[:-1] + "ies"
    elif last.endswith(("x", "ch", "sh")):
        plural = last + "es"
    else:
        plural = last + "s"
    return f"{head}_{plural}" if head else plural


def normalized_unit(unit: str) -> str:
    """The contract's spelling of a unit: counted nouns plural, a money rate as "USD per barrel"."""
    unit = canonical_unit(unit)
    return count_noun(unit) if unit_class(unit) == "count" else unit


def given_period(fact: QuantFact) -> Period:
    """Bounds the caller supplied without a rule: kept as rule `given`; "since" words still make it cumulative."""
    words = resolve_period(fact.period_text, fact.published) if fact.period_text else None
    if words is not None and words.cumulative:
        return Period(fact.period_start, fact.period_end, f"given:{words.rule}", True)
    return Period(fact.period_start, fact.period_end, "given")


def period_of(fact: QuantFact) -> Period:
    """The fact's period: kept if resolved or given, else from its words (narrowed to the quarter
    its sentence names, `narrower_in_quote`; "the previous quarter" placed before the quarter its
    sentence names, `before_stated`), else from its quote."""
    if fact.period_rule and fact.period_rule != "unresolved":
        return Period(fact.period_start, fact.period_end, fact.period_rule, fact.period_rule.split(":")[-1].startswith("since"))
    if fact.period_start or fact.period_end:
        return given_period(fact)
    fiscal = fiscal_start(fact.entity)
    if fact.period_text:
        period = resolve_period(fact.period_text, fact.published, fiscal)
        if not period.resolved and (earlier := before_stated(fact.period_text, fact.quote, fact.published, fiscal)):
            return Period(earlier.start, earlier.end, f"quote:{earlier.rule}")
        return narrower_in_quote(fact, period) or period
    stated = _own_periods(fact, fiscal)
    if len(stated) > 1:  # "since August ..., at a briefing on November 1": a named day is often when it was said
        stated = [p for p in stated if p.rule not in NAMED_DAY_RULES]
    if len(stated) == 1:
        p = stated[0]
        return Period(p.start, p.end, f"quote:{p.rule}", p.cumulative)
    return resolve_period(None, fact.published)


def _own_periods(fact: QuantFact, fiscal: int | None) -> list[Period]:
    """The distinct periods the fact's quote states, less those written after another figure that
    follows the fact's own number: in "prices grew 25.5%, faster than the 12.8% registered in
    November", November is the 12.8%'s period, not the 25.5%'s."""
    return periods_in(fact.quote, fact.published, fiscal, keep=lambda span: not _after_another_figure(fact, span))


def _after_another_figure(fact: QuantFact, span: tuple[int, int]) -> bool:
    """Is the period phrase at `span` of the quote written after the fact's number, with another figure between them?"""
    if (number := fact.number_in_quote()) is None:
        return False
    return span[0] >= number[1] and bool(FIGURE_NOT_YEAR.search(fact.quote[number[1]:span[0]]))


def narrower_in_quote(fact: QuantFact, period: Period) -> Period | None:
    """The one quarter or month range inside the fact's year that its sentence names, when the
    fact's own period words give only that year and are not written outside that phrase ("shrank in
    the fourth quarter of 2023, with GDP falling by 0.3%" labelled "2023" is the fourth quarter; a
    labeller takes the year and drops the quarter). When the sentence names several, the one written
    just after the number. None otherwise: "grew 0.3% in 2023, after a fourth-quarter dip" keeps its year."""
    year = (period.start or "")[:4]
    if not (period.resolved and period.start == f"{year}-01-01" and period.end == f"{year}-12-31"):
        return None
    inside = [(span, p) for span, p in stated_periods(fact.quote, fact.published, fiscal_start(fact.entity))
              if p.start and p.end and p.start[:4] == p.end[:4] == year and (p.start, p.end) != (period.start, period.end)
              and not p.cumulative]
    if len(inside) > 1:  # "a second quarter of contraction after a 2.1% decrease in the third quarter of 2023"
        inside = [(span, p) for span, p in inside if _right_after(fact, span)]
    if len(inside) != 1:
        return None
    (start, end), narrower = inside[0]
    rest = " ".join((fact.quote[:start] + " " + fact.quote[end:]).split()).lower()
    if " ".join((fact.period_text or "").split()).lower() in rest:
        return None
    return Period(narrower.start, narrower.end, f"quote:{narrower.rule}")


def _right_after(fact: QuantFact, span: tuple[int, int]) -> bool:
    """Whether the period phrase at `span` of the quote follows the fact's number within a few words."""
    if (number := fact.number_in_quote()) is None:
        return False
    return 0 <= span[0] - number[1] <= 40 and "," not in fact.quote[number[1]:span[0]]


def to_usd(value: float, currency: str, period: Period, published: str | None) -> tuple[float | None, str]:
    """`value` in US dollars at the period-end rate, else the publication-date rate, and a note saying which."""
    if currency == "USD":
        return value, "already USD"
    if not fx.quoted(currency):
        return None, f"no ECB rate for {currency}; not converted"
    when = period.end if period.resolved and period.end else published
    if when is None:
        return None, f"no period or publication date to pick a {currency} rate; not converted"
    rate = fx.period_end(currency, "USD", when) if when == period.end else fx.on_date(currency, "USD", when)
    if rate is None:
        return None, f"no ECB {currency} rate for {when}; not converted"
    mid = (rate.low + rate.high) / 2
    return value * mid, rate.describe() if rate.low == rate.high else f"{currency}→USD {mid:.4f} (mid of {rate.describe()})"


def is_normalized(fact: QuantFact) -> bool:
    """True for a fact this stage already handled (facts read back from the store are)."""
    if fact.period_rule is None or normalized_unit(fact.unit) != fact.unit:
        return False
    return fact.fx_note is not None or not is_currency(fact.unit)


def normalize_fact(fact: QuantFact) -> QuantFact:
    """`fact` with its unit, period and US-dollar value in normal form: a copy, or itself if already so."""
    if is_normalized(fact):
        return fact
    unit = normalized_unit(fact.unit)
    period = period_of(fact)
    update: dict[str, object] = {
        "unit": unit, "period_start": period.start, "period_end": period.end, "period_rule": period.rule,
    }
    if is_currency(unit) and fact.fx_note is None:
        update["value_usd"], update["fx_note"] = to_usd(fact.value, unit, period, fact.published)
    return fact.model_copy(update=update)


def normalize(facts: list[QuantFact]) -> list[QuantFact]:
    return [normalize_fact(f) for f in facts]
