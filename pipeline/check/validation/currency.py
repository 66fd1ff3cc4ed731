"""Validation: amounts in different currencies, judged over the span of ECB rates a writer could use.

An outlet that writes "$X (€Y)" converts at a rate of its own choosing, on some day between the
start of the period and its publication (for a figure with no period of its own, a recent rate:
from a quarter before its publication). So each amount not in the group's currency becomes the
interval it covers under every ECB rate of that span (`fx.span`: from the earliest period start of
the group to its latest publication), and the amounts agree when some value lies in every interval,
i.e. when some rate in the span reconciles each of them. An amount in a currency other than the
group's is taken for a conversion, and a conversion is often cut short rather than rounded (€1.84
billion written "$1.9 billion" at $1.08), so its interval reaches one unit of its last digit
further from zero before it is converted; amounts in the group's currency keep their rounding.
The group reports the range tried and the rates that fit. The group's currency is the entity's
own when it is a country the ECB quotes (a German GDP given only in dollars is a conversion from
euros), else the commonest of the currencies the figures were first written in (an amount after one of its own
article in another currency, "3 billion francs ($3.24 billion)", is that one converted), US dollars on a tie.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from schemas.units import is_currency

from .. import fx
from ..periods import first_day
from .grouping import Member
from .intervals import Interval, cut_short_allowed

HOME_CURRENCY: dict[str, str] = {
    **{country: "EUR" for country in (
        "germany", "france", "italy", "spain", "netherlands", "belgium", "austria", "ireland", "portugal", "greece",
        "finland", "slovakia", "slovenia", "estonia", "latvia", "lithuania", "luxembourg", "malta", "cyprus",
        "croatia", "euro area", "eurozone", "euro zone")},
    "united states": "USD", "japan": "JPY", "united kingdom": "GBP", "china": "CNY", "south korea": "KRW",
    "india": "INR", "canada": "CAD", "australia": "AUD", "switzerland": "CHF", "sweden": "SEK", "norway": "NOK",
    "denmark": "DKK", "poland": "PLN", "czech republic": "CZK", "hungary": "HUF", "romania": "RON", "bulgaria": "BGN",
    "turkey": "TRY", "brazil": "BRL", "mexico": "MXN", "indonesia": "IDR", "south africa": "ZAR", "israel": "ILS",
    "thailand": "THB", "malaysia": "MYR", "philippines": "PHP", "singapore": "SGD", "new zealand": "NZD",
    "iceland": "ISK", "hong kong": "HKD", "russia": "RUB",
}


@dataclass(frozen=True)
class Converted:
    """Every member's interval in the group's currency, and the span of rates used per foreign currency."""

    intervals: list[Interval]
    spans: dict[str, fx.RateSpan]


def _first_units(members: list[Member]) -> dict[str, str]:
    """Each article's currency written first among the members."""
    first: dict[str, tuple[int, str]] = {}
    for m in members:
        start = m.fact.span[0] if m.fact.span else 0
        if m.fact.article_id not in first or start < first[m.fact.article_id][0]:
            first[m.fact.article_id] = (start, m.fact.unit)
    return {article: unit for article, (_, unit) in first.items()}


def written_first(members: list[Member]) -> list[str]:
    """The currencies the figures were written in before any conversion: an amount that follows an amount of its own
    article in another currency ("3 billion Swiss francs ($3.24 billion)") is that one converted, and is left out."""
    first = _first_units(members)
    return [m.fact.unit for m in members if m.fact.unit == first[m.fact.article_id]]


def converted_from(members: list[Member]) -> list[str]:
    """The currencies articles convert the figure from: each article that writes it in two currencies names its
    first one ("RMB 2.39 trillion ($333 billion)" is a yuan figure, whatever currency other articles give alone)."""
    first = _first_units(members)
    currencies: dict[str, set[str]] = {}
    for m in members:
        currencies.setdefault(m.fact.article_id, set()).add(m.fact.unit)
    return [first[article] for article, units in currencies.items() if len(units) > 1]


def target_currency(entity: str, units: list[str], written: list[str] | None = None, origins: list[str] | None = None) -> str:
    """The currency a money group is compared in: the entity's home currency, else the one two or more articles
    convert the figure from (`converted_from`: "RMB 2.39 trillion ($333 billion)" twice makes a yuan figure of it,
    however many give it in dollars alone), else the commonest of those the figures were `written` in first
    (`written_first`; all `units` when not given), US dollars on a tie."""
    home = HOME_CURRENCY.get(entity)
    if home and fx.quoted(home) and all(fx.quoted(u) for u in units):
        return home
    converted = Counter(origins or ()).most_common(1)
    if converted and converted[0][1] >= 2:  # two articles or more convert it from one currency: its own
        return converted[0][0]
    counts = Counter(written or units).most_common()
    tied = [unit for unit, n in counts if n == counts[0][1]]
    return "USD" if "USD" in tied else sorted(tied)[0]


def needs_conversion(units: list[str], target: str) -> bool:
    return any(is_currency(u) and u != target for u in units)


def rate_dates(members: list[Member]) -> tuple[str, str] | None:
    """From the earliest period start to the latest publication (else period end). A figure with no
    period of its own (a film's budget, a mission's cost) was converted at a recent rate the writer
    chose, not that morning's: its span starts `RECENT_RATE_DAYS` before its publication."""
    starts = [m.period_start or _recent(m.fact.published) for m in members]
    ends = [d for m in members for d in (m.fact.published, m.period_end) if d]
    starts = [s for s in starts if s]
    if not starts or not ends:
        return None
    return min(starts), max(ends, key=lambda d: (d[:10] + "-99")[:10])


RECENT_RATE_DAYS = 92  # a quarter


def _recent(published: str | None) -> str | None:
    return (first_day(published) - timedelta(days=RECENT_RATE_DAYS)).isoformat() if published else None


def convert(members: list[Member], own: list[Interval], target: str) -> Converted | str:
    """The members' intervals in `target` over the span of rates, or why some cannot be converted."""
    dates = rate_dates(members)
    spans: dict[str, fx.RateSpan] = {}
    intervals: list[Interval] = []
    for m, interval in zip(members, own):
        unit = m.fact.unit
        if unit == target or not is_currency(unit):
            intervals.append(interval)
            continue
        if unit not in spans:
            found = fx.span(unit, target, *dates) if dates else None
            if found is None:
                return f"no ECB rate converts {unit} to {target}" + (f" between {dates[0]} and {dates[1]}" if dates else " (no dates)")
            spans[unit] = found
        converted = cut_short_allowed(m.fact.value, m.fact.qualifier, interval)  # "$1.9 billion" for €1.84 billion
        intervals.append(converted.scaled(spans[unit].low, spans[unit].high))
    return Converted(intervals, spans)


def rates_tried(converted: Converted) -> str:
    return "; ".join(span.describe() for span in converted.spans.values())


def rates_that_fit(members: list[Member], own: list[Interval], converted: Converted, value: Interval) -> str:
    """For each foreign currency, the rates in the span under which all its amounts meet `value`."""
    notes = []
    for unit, span in converted.spans.items():
        low, high = span.low, span.high
        for m, interval in zip(members, own):
            if m.fact.unit == unit and interval.low > 0:
                low, high = max(low, value.low / interval.high), min(high, value.high / interval.low)
        days = span.within(low, high) if low <= high else []
        if days:
            notes.append(f"{unit}→{span.target} {low:.4g}–{high:.4g} fits (the ECB rate was in that range on "
                         f"{len(days)} day{'s' if len(days) != 1 else ''}, e.g. {days[0].isoformat()})")
        else:
            notes.append(f"{unit}→{span.target}: each source's amount fits some rate of the span, not one common rate")
    return "; ".join(notes)
