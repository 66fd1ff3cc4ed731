"""Validation: what question a fact answers, beyond entity, metric and period.

Two facts share a verdict only when they answer the same question:
- status: an `actual`, an `estimate` (a provisional or flash figure), a `claim`, and each
  forecaster's `forecast` are different questions, and so is a figure its words give as the one a
  change started from or a newer forecast replaced ("to $12.8 billion from $12.9 billion",
  `earlier_figure`); a forecast's forecaster is the one named in its
  attribution ("IMF", "Atlanta Fed GDPNow", "analysts polled by Investing.com" -> investing.com),
  and forecasts naming no one ("economists", "market consensus (unnamed)") share one question whose
  disagreements cannot be called a conflict, since they may be different polls;
- basis: an annualized quarterly rate, a quarter-on-quarter rate, a year-on-year rate and a
  calendar-adjusted annual rate are different measures of one period; the basis comes from a
  supplied `basis` field, else from the words of the quote, period and label; and a growth of
  exports, imports or trade measured in yuan is not one measured in dollars (`currency_terms`:
  the one currency its quote names);
- time kind: a running count (a toll, a count "since" a start; a percentage "since" a start is a
  change over a span, a flow; a toll of an event more than a year before publication is final, a
  flow of its calendar year), a flow over a period (a quarter's
  growth, a year's output, any figure stated for a month, quarter or year, such as December's
  unemployment rate), or a level stated as of a day (a turnout, a distance, a streak as of its end).
  A figure whose period words name a span that could not be placed ("in the quarter", "for the
  year", "the annual figures"), or an earlier time that could not be placed ("in the last
  election"), is a flow of an unknown period: listed as undated, never compared as a level of the
  day it was published (a quarter's output is not the year's). The part of a count done so far
  ("85% of the ballots counted") and a fire's area only grow, like a toll; shares of the vote move
  by the day as the count goes on (`changes_daily`), except those given as the final or official
  result, which meet across the days of their year (`final_result_year`); market prices and their
  moves are of moments rarely stated (`moves_by_the_minute`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from functools import lru_cache
from typing import Literal

from schemas.facts import QuantFact
from schemas.primitives.numbers import FIGURE_NOT_YEAR
from schemas.units import currencies_named
from schemas.vocabulary import GROWTH_OF, period_kind, unit_class

from ..periods import calendar_year, first_day, last_day

TimeKind = Literal["running", "level", "flow"]
UNNAMED = "unnamed"
PAST_TOLL_DAYS = 366  # a toll stated for a time this long before publication is final (`past_toll_year`)

_AGAINST_PREVIOUS = r"\b(?:from|on|over|against|compared (?:to|with)) the (?:previous|prior|preceding) "
_PRICE_RISE = r"(?:consumer[- ]price |CPI )?(?:inflation|CPI|price (?:growth|rises?|increases?))\b"
_COMPARED = r"\b(?:compared (?:to|with)|in comparison (?:to|with)|against|versus)"  # "compared to November"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_BASES = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in [
    ("annualized", r"\bannuali[sz]ed\b|\bat an annual rate\b|\bseasonally adjusted annual rate\b|\bSAAR\b"),
    ("yy", r"\byear[- ](?:on|over)[- ]year\b|\by/y\b|\byoy\b|\bfrom a year (?:earlier|ago)\b|\b12-month\b"
           r"|\bcompared with a year earlier\b|\bon the year\b|\bfrom the same (?:time|period|month|quarter) (?:last|a) year\b"
           rf"|\bannual (?:rate of )?{_PRICE_RISE}|\binter-?annual\b|\bin the (?:year|12 months|twelve months) to\b"
           rf"|{_COMPARED} {_MONTH},? (?:of )?(?:\d{{4}}|last year|a year (?:earlier|ago)|the previous year)\b"),
    ("qq", rf"\bquarter[- ](?:on|over)[- ]quarter\b|\bq/q\b|\bsequential(?:ly)?\b|{_AGAINST_PREVIOUS}quarter\b"),
    ("mm", rf"\bmonth[- ](?:on|over)[- ]month\b|\bm/m\b|{_AGAINST_PREVIOUS}month\b|\bmonthly (?:rate of )?{_PRICE_RISE}"
           rf"|\bmonthly rate\b|\bon the month\b|{_COMPARED} {_MONTH}\b"
           r"(?!,? (?:\d{4}|(?:of )?(?:last|a|the previous|the prior) year))"),
]), re.IGNORECASE)
_BASIS_NAMES = {"annualized": "annualized", "yy": "y/y", "qq": "q/q", "mm": "m/m"}
_ADJUSTED = re.compile(r"\bcalendar[- ]adjusted\b|\badjusted for calendar\b|\bworking[- ]day adjusted\b", re.IGNORECASE)
_GENERIC_FORECASTERS = frozenset(
    "economists economist analysts analyst experts expert forecasters forecaster consensus market markets survey "
    "surveys poll polls polled average median estimates estimate expectations expected wall street unnamed "
    "private sector private-sector observers traders investors of by the a an and in".split())
# Words that name a forecaster's people or papers, not the forecaster: "Fed officials", "Federal
# Reserve projections" and "the Fed's policymakers" are one forecaster.
_FORECASTER_PARTS = frozenset(
    "officials official projections projection policymakers policymaker rate-setters forecasts forecast outlook "
    "staff members median dot plot".split())
# One forecaster's usual names, folded as `forecaster` folds them.
_FORECASTER_ALIASES = {"federal reserve": "fed", "us federal reserve": "fed", "u s federal reserve": "fed",
                       "fomc": "fed", "international monetary fund": "imf", "european central bank": "ecb",
                       "bank england": "boe", "reserve bank india": "rbi"}
# The missing are no tally: their number falls as people are found ("six missing" on Wednesday,
# "four remain missing" on Sunday). A candidate's votes are: they grow as the count goes on ("4.66
# million" at 99% counted, 4,671,021 final), and so are buildings a disaster damaged or destroyed (270
# reported at first, 2,207 once the maps were done).
_TALLY_WORDS = re.compile(r"\b(?:death|deaths|dead|died|killed|fatalit\w*|toll|injur\w*|wounded|casualt\w*|votes|"
                          r"displaced|evacuat\w*|homeless|rescued|arrest\w*|detained|infect\w*|"
                          r"fire area|burn\w*|scorch\w*|destroy\w*|damag\w*|"
                          r"sign[ -]?ups?|downloads|registrations)\b")  # an app's sign-ups only grow, by the hour
# Levels of people that rise and fall by the day, compared only on the same day (`timeline.window_days`).
_DAILY_WORDS = re.compile(r"\b(?:missing|unaccounted|stranded|trapped|without power|outages?|power cuts?|"
                          r"vote share|share of (?:the )?votes?|"  # shares of the vote move as the count goes on
                          r"(?<!average )(?<!average daily )(?<!mean )(?:daily\s+)?(?:high|low|max(?:imum)?|min(?:imum)?|peak)\s+"
                          r"temperatures?)\b")  # a day's high is that day's, not a monthly average's
# A share of the vote its sentence gives as the final or official result, which no longer moves:
# "the final tally announced by the commission", "official results", "the commission declared X victorious".
_FINAL_WORDS = re.compile(r"\b(?:final|official|certified)\s+(?:results?|tally|count|vote count|outcome)\b|"
                          r"\b(?:officially|formally)\s+(?:declared|announced|confirmed|certified)\b|"
                          r"\bdeclared\b[^.;]{0,40}?\b(?:winners?|victorious|victor)\b", re.IGNORECASE)
_FINAL_KINDS = re.compile(r"\bvote share\b(?! (?:quick count|exit poll))")
# Prices of what is traded move by the minute: reports of them, or of their moves, are as of
# moments that are rarely stated, so they are never called a conflict (`moves_by_the_minute`).
_MARKET_WORDS = re.compile(r"\b(?:(?:share|stock) price|stocks?(?! options)|"
                           r"shares? (?:value|drop|fall|fell|plunge|slide|sank|rise|rose|gain|jump|move)\w*|"
                           r"market (?:value|cap\w*)|(?:bond|treasury) yields?|exchange rate|crude|brent|wti|oil price|"
                           r"gold price|bitcoin|futures)\b")
# The part of a count done so far ("85% of the ballots counted"), which only grows.
_PROGRESS_WORDS = re.compile(r"\b(?:counted|reporting|tallied)\b")
# Period words that place a figure before the time of the report, without saying when: "the last
# election", "a day earlier", "the previous survey".
_EARLIER_TIME = re.compile(r"\b(?:last|previous|prior|preceding|earlier|former|before)\b", re.IGNORECASE)
_SPAN_WORDS = re.compile(r"\b(?:year|quarter|month|week|half|annual|yearly|quarterly|monthly|weekly|fiscal)\b",
                         re.IGNORECASE)
_TALLY_HEADS = re.compile(r"\b(?:cases|aftershocks|victims|arrests|evacuees)$")  # counted only as the label's head noun
# Seats are a final result once declared, and are compared so; a count of them its sentence gives as the
# count so far ("won at least 137 seats ... in ballots counted so far", "107 seats ..., the latest results
# showed", "according to early tallies", "as of early Friday") only grows, a tally like votes.
_SEATS = re.compile(r"\bseats?\b")
_PARTIAL_COUNT = re.compile(
    r"\b(?:(?:counted|declared|reported|tallied|won|taken|secured)\s+so\s+far|so\s+far\s+(?:counted|declared|reported|won|taken|secured)|"
    r"(?:latest|partial|early|initial|provisional|preliminary|running)\s+(?:election\s+|official\s+)?"
    r"(?:results|count|counts|returns|tally|tallies|figures|data)|(?<!final\s)tallies|as\s+of\s+early\s+\w+|"
    r"as\s+(?:the\s+)?counting\s+(?:continued|continues|went\s+on)|still\s+being\s+counted|"
    r"with\s+(?:about\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)\s+of\s+"
    r"(?:the\s+)?(?:votes?|ballots|precincts|polling\s+stations|constituencies)\s+(?:counted|reporting|declared))\b",
    re.IGNORECASE)


_MONEY_GROWTH = frozenset(GROWTH_OF.values())


@lru_cache(maxsize=4096)
def _bases_in(text: str) -> str | None:
    found = _BASES.search(text)
    rate = _BASIS_NAMES[found.lastgroup] if found and found.lastgroup else None
    adjusted = "calendar-adjusted" if _ADJUSTED.search(text) else None
    return ", ".join(filter(None, (rate, adjusted))) or None


def basis_of(fact: QuantFact) -> str | None:
    """The measure's basis ("annualized", "q/q", "y/y, calendar-adjusted"...), None when nothing states it:
    from the words of the figure's own clause (`own_clause`), its period words and its label, else
    from its sentence when the sentence states one basis only."""
    supplied = (fact.model_extra or {}).get("basis")
    if isinstance(supplied, str) and supplied.strip():
        text = re.sub(r"\(.*?\)", "", supplied).strip().lower()
        return _bases_in(text) or text
    if unit_class(fact.unit) != "percent":
        return None  # only rates are stated on a basis
    label = (fact.metric_label or "").replace("_", " ")  # "monthly_inflation"
    if own := _bases_in(" ".join(filter(None, (own_clause(fact), fact.period_text, label)))):
        return own
    if len({m.lastgroup for m in _BASES.finditer(fact.quote)}) == 1:  # one basis for the whole sentence
        return _bases_in(fact.quote)
    return None


# The words that end a clause between two figures
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:after|while|whereas|but|and|following)\b", re.IGNORECASE)


def own_clause(fact: QuantFact) -> str:
    """The words of the fact's quote that belong to its own number, when the fact knows where its
    number is: from the last clause break after the figure before it to the first clause break
    before the figure after it. In "prices were 48% higher on the year in May, after rising 6% against
    April", "on the year" is the 48%'s and "against April" the 6%'s. Else the quote. Unlike
    `schemas.metric_checks.own_clause`, which stops at every clause break, it only cuts between the
    figure and its neighbouring figures, so the words after the quote's last figure are all that figure's."""
    quote = fact.quote
    if (number := fact.number_in_quote()) is None:
        return quote
    start, end = number
    before = [m.end() for m in FIGURE_NOT_YEAR.finditer(quote, 0, start)]
    after = next((m.start() for m in FIGURE_NOT_YEAR.finditer(quote, end)), None)
    left = quote[before[-1]:start] if before else quote[:start]
    right = quote[end:after] if after is not None else quote[end:]
    if before:
        left = left[max((m.end() for m in _CLAUSE_BREAK.finditer(left)), default=0):]
    if after is not None:
        right = right[:next((m.start() for m in _CLAUSE_BREAK.finditer(right)), len(right))]
    return left + quote[start:end] + right


def currency_terms(fact: QuantFact) -> str | None:
    """The currency a growth of money is measured in, when its quote names exactly one ("exports were
    12.4 trillion yuan, a rise of 1.1%" is in CNY; "$1.7 trillion, down 3.1%" in USD)."""
    if fact.metric not in _MONEY_GROWTH or not fact.quote:
        return None
    named = currencies_named(fact.quote)
    return f"in {named.pop()}" if len(named) == 1 else None


@lru_cache(maxsize=4096)
def forecaster(attribution: str | None) -> str:
    """Who makes a forecast, folded to a key ("Fed officials" and "Federal Reserve projections" are
    "fed"); `UNNAMED` for "economists", "market consensus" and the like."""
    if not attribution:
        return UNNAMED
    text = re.sub(r"[()\[\],;:.’']", " ", re.sub(r"['’]s\b", " ", attribution))
    named = [w for w in text.split() if w.casefold() not in _GENERIC_FORECASTERS | _FORECASTER_PARTS]
    if not named or not any(w[:1].isupper() or w[:1].isdigit() for w in named):
        return UNNAMED
    key = " ".join(w.casefold() for w in named)
    return _FORECASTER_ALIASES.get(key, key)


def stance(fact: QuantFact, replaced: bool = False) -> str:
    """The status part of the question: "" for an actual, else "estimate", "claim" or "forecast: <who>";
    "earlier" is added for a figure its words give as the one a change started from or a newer one
    replaced (`earlier_figure`: "fell to $12.8 billion from $12.9 billion", "down from 2.1%"), or that
    its own article `replaced` with a revised figure (`replaced_in_article`)."""
    earlier = "earlier" if replaced or earlier_figure(fact) else ""
    if fact.status == "forecast":
        return f"forecast: {forecaster(fact.attribution)}{', ' + earlier if earlier else ''}"
    return ", ".join(filter(None, ("" if fact.status == "actual" else fact.status, earlier)))


# The words of a figure a change started from, or of a forecast that another replaced: "down from
# 2.1%", "to $12.8 billion from $12.9 billion", "(vs. 2.8% prior)", "previously 2.3%", "had projected
# 2%", "the previous estimate of 0.8%": the level before and the level after, or one forecaster's
# two vintages, are two questions, not a conflict.
_EARLIER_BEFORE = re.compile(
    r"(?:\b(?:from|vs\.?|versus|previously|prior|earlier|had\s+(?:been\s+)?(?:forecast|projected|expected|estimated|"
    r"predicted|seen))\s+(?:(?:an?|the|its|their)\s+)?(?:(?:previous|prior|earlier)\s+)?"
    r"|\b(?:an?|the|its|their)\s+(?:previous|prior|earlier)\s+"
    r"|\b(?:previously|originally|initially)\s+(?:reported|published|announced|estimated|stated|given)\s+(?:as\s+|at\s+)?)"
    r"(?:(?:forecast|projection|estimate|outlook)\s+)?(?:of\s+)?$", re.IGNORECASE)
# "the 164,000 originally reported", "2.1% previously": not "the first estimate of 0.3%", which may be today's.
_EARLIER_AFTER = re.compile(r"^\s*(?:%|percent|per\s+cent)?\s*(?:prior|previously|earlier|originally|initially)\b",
                            re.IGNORECASE)
_NUMBER = re.compile(r"(?:[$€£¥₹]\s?)?\d[\d,]*(?:\.\d+)?")  # with its currency sign: "from $12.9 billion"


def _number_in_quote(fact: QuantFact) -> tuple[int, int] | None:
    """Where the fact's number is in its quote."""
    if fact.mention_span and fact.span:
        start, end = (at - fact.span[0] for at in fact.mention_span)
        return start, end
    found = _NUMBER.search(fact.quote)  # a quote that is the number's own short phrase
    return found.span() if found else None


def earlier_figure(fact: QuantFact) -> bool:
    """Do the words next to the number give it as the figure a change started from, or the forecast a
    newer one replaced (`_EARLIER_BEFORE`)?"""
    if (at := _number_in_quote(fact)) is None:
        return False
    start, end = at
    return bool(_EARLIER_BEFORE.search(fact.quote[max(0, start - 40):start])
                or _EARLIER_AFTER.match(fact.quote[end:end + 20]))


# Words that give a figure as a revised one: "was revised up by 12,000 to 315,000", "the March tally
# upgraded to 315,000", "March's revised figures showed 315,000" (not the "from" figure of "revised to
# 315,000 from 303,000", which `_EARLIER_BEFORE` reads).
_REVISED_BEFORE = re.compile(r"\b(?:revised|revisions?|upgraded|downgraded|restated|(?:adjusted|marked)\s+(?:up|down))\b"
                             r"(?:(?!\b(?:from|than)\b)[^.;])*$", re.IGNORECASE)


def revised_figure(fact: QuantFact) -> bool:
    """Do the words before the number give it as a revised figure (`_REVISED_BEFORE`)?"""
    if (at := _number_in_quote(fact)) is None:
        return False
    return bool(_REVISED_BEFORE.search(fact.quote[max(0, at[0] - 60):at[0]]))


def replaced_in_article(facts: list[QuantFact], key: Callable[[QuantFact], Hashable | None]) -> set[str]:
    """The facts an article gives for a question it also answers with a revised figure of another value
    ("303,000 in March" beside "The March figure was revised up by 12,000 to 315,000"): the first
    estimate the revision replaced, a question apart from the revised one. `key` is the question
    (entity, metric and status) of a fact, or None for one that is not grouped; only facts with a
    period of their own are compared."""
    asked: dict[tuple[object, ...], list[QuantFact]] = defaultdict(list)
    for fact in facts:
        if fact.period_start and (question := key(fact)) is not None:
            asked[(fact.article_id, question, fact.period_start, fact.period_end)].append(fact)
    replaced = set()
    for same in asked.values():
        revised = {fact.value for fact in same if revised_figure(fact)}
        replaced |= {fact.fact_id for fact in same if revised and fact.value not in revised}
    return replaced


def is_tally(fact: QuantFact) -> bool:
    """A count of people or events that only grows as reports come in (a death toll, aftershocks, an app's sign-ups)."""
    if fact.metric == "casualties":
        return True
    label = (fact.metric_label or "").replace("_", " ").casefold().strip()
    if fact.metric == "other" and unit_class(fact.unit) == "percent":
        return bool(_PROGRESS_WORDS.search(label))  # "85% of the ballots counted", then "99.9%"
    if fact.metric != "other" or unit_class(fact.unit) != "count":
        return False
    return bool(_TALLY_WORDS.search(label) or _TALLY_HEADS.search(label)
                or (_SEATS.search(label) and _PARTIAL_COUNT.search(fact.quote or "")))


def changes_daily(metric: str) -> bool:
    """Is a metric key ("other:missing", "other:vote_share") a level that changes by the day?"""
    return bool(_DAILY_WORDS.search(metric.replace("_", " ").casefold()))


def final_result_year(fact: QuantFact, metric: str) -> str | None:
    """The year of publication of a share of the vote (`metric`: its key, "other:vote_share") that
    its sentence gives as the final or official result: such shares meet across days, unlike those
    of a count still going on; None for any other fact."""
    final = _FINAL_KINDS.search(metric.replace("_", " ").casefold()) and _FINAL_WORDS.search(fact.quote)
    if not (fact.published and final):
        return None
    return fact.published[:4]


# A price named by no more than "price" is a market price when every sentence that gives it is
# about shares trading ("RDDT closed at $50.44", "the stock opened at $47").
# What is traded everywhere at once, by the entity's name: its price and peaks differ by exchange
# and feed ("bitcoin (price)", "ether", "gold price", "brent crude").
_CRYPTO = r"ether(?:eum)?|crypto\w*|btc"  # with "bitcoin", which `_MARKET_WORDS` knows
_TRADED = re.compile(rf"{_MARKET_WORDS.pattern}|\b(?:{_CRYPTO})\b")
_AT_A_MOMENT = re.compile(r"\b(?:prices?|high|low|record|peak|level|trading|valuation|value|market cap\w*)\b")
_MOVE_WORDS = re.compile(r"\b(?:change|gain|rise|fall|drop|jump|surge|slide|loss|decline|return|increase|decrease)s?\b")
_ROUND_THE_CLOCK = re.compile(rf"\b(?:bitcoin|{_CRYPTO}|exchange rate)\b")  # no session
_BARE_PRICE = re.compile(r"other:(?:price|prices|value|price_per_share|amount_per_share)")
_TRADING = re.compile(r"\b(?:shares?|stocks?|traded|trading|opened\s+at|closed\s+at|ipo|listing|debut)\b", re.IGNORECASE)


def moves_by_the_minute(metric: str, facts: Sequence[QuantFact] = (), entity: str = "") -> bool:
    """Is a metric key ("other:share_price", "other:stock_price_change") a market price or its move,
    a price, peak or move of an `entity` that names what is traded ("other:record_high" of "bitcoin
    (price)"), or a bare "price" that every one of its `facts` gives in words of shares trading?"""
    words = metric.replace("_", " ").casefold()
    if _MARKET_WORDS.search(words):
        return True
    if _TRADED.search(entity.casefold()) and (_AT_A_MOMENT.search(words) or _MOVE_WORDS.search(words)):
        return True
    return bool(facts) and bool(_BARE_PRICE.fullmatch(metric)) and all(_TRADING.search(f.quote) for f in facts)


def at_a_moment(metric: str, facts: Sequence[QuantFact]) -> bool:
    """Is a market metric key a price at some moment ("other:price", "other:record_high"), not a move,
    stated by every one of its `facts` for a span shorter than a year and not as an average? "Hit
    $103,000 in December" is one of the month's many prices; a year's oil price is its average."""
    def within_months(f: QuantFact) -> bool:
        return bool(f.period_start and f.period_end) and (last_day(f.period_end) - first_day(f.period_start)).days < 300
    return bool(_AT_A_MOMENT.search(metric.replace("_", " ").casefold())) and "averag" not in metric \
        and all(within_months(f) and "averag" not in f.quote.casefold() for f in facts)


# A quake's magnitude, depth and epicentre are measured by each seismic agency on its own (the USGS,
# Japan's JMA, Taiwan's CWA): two agencies' figures differ without either being wrong.
_SEISMIC = re.compile(r"quake|seismic|tremor|richter")
_AGENCY_MEASURE = re.compile(r"magnitude|depth|epicent|hypocent|distance")


def measured_by_agencies(metric: str, entity: str = "") -> bool:
    """Is a metric key a quake's magnitude, depth or epicentre distance ("other:earthquake_magnitude", or
    "other:depth" of an entity named a quake), which each seismic agency measures on its own?"""
    words = f"{metric} {entity}".replace("_", " ").casefold()
    return bool(_AGENCY_MEASURE.search(metric.casefold()) and (_SEISMIC.search(words) or "magnitude" in metric))


def measuring_agency(facts: Sequence[QuantFact]) -> str | None:
    """The one agency every fact names (`forecaster`'s folding of the attribution), else None."""
    agencies = {forecaster(f.attribution) for f in facts}
    return agencies.pop() if len(agencies) == 1 and UNNAMED not in agencies else None


# A moment of one trading session that is fixed once it has passed: its opening and closing prices;
# its high and low only once the day is over (a report during the day gives the high so far).
_SESSION_FIXED = re.compile(r"\b(?:open|opening|close|closing)\b")
_SESSION_EXTREME = re.compile(r"\b(?:high|low|peak|intraday)\b")


def one_session_moment(metric: str, facts: list[QuantFact], entity: str = "") -> bool:
    """Are market prices (`moves_by_the_minute`) all one fixed moment of one named trading day: its
    open or close ("opened at $47 on 21 March"), or its high or low in reports published after that
    day? Such a price is one value, so two that differ conflict. What trades round the clock on many
    exchanges (bitcoin, an exchange rate) has no session: its day's peak differs by feed."""
    if _ROUND_THE_CLOCK.search(f"{metric} {entity}".replace("_", " ").casefold()):
        return False
    days = {(f.period_start, f.period_end) for f in facts}
    if len(days) != 1:
        return False
    start, end = days.pop()
    if not start or start != end:
        return False
    words = metric.replace("_", " ").casefold()
    if _SESSION_FIXED.search(words):
        return True
    return bool(_SESSION_EXTREME.search(words)) and all(len(f.published or "") == 10 and f.published > start for f in facts)


def past_toll_year(fact: QuantFact) -> str | None:
    """The calendar year of a tally stated for a time in one year that ended more than a year before
    publication: a past event's final toll ("228 died in August 1997", in a 2024 article), which is
    that year's figure, compared with the same event's toll stated for the year ("229 died in 1997")."""
    start, end = fact.period_start, fact.period_end
    if not (start and end and fact.published and start[:4] == end[:4] and is_tally(fact)):
        return None
    if (first_day(fact.published) - last_day(end)).days <= PAST_TOLL_DAYS:
        return None
    return start[:4]


def time_kind(fact: QuantFact) -> TimeKind:
    """How the fact's value relates to time, which decides what "the same period" is."""
    start, end = fact.period_start, fact.period_end
    rule = (fact.period_rule or "").split(":")[-1]
    kind = period_kind(fact.metric)
    if rule.startswith("since") and start and unit_class(fact.unit) != "percent":
        return "running"
    if past_toll_year(fact):
        return "flow"
    if (kind == "cumulative" or is_tally(fact)) and not calendar_year(start, end):
        return "running"
    if kind == "annual":
        return "flow"
    if start and end and start != end and unit_class(fact.unit) != "duration":
        return "flow"  # a figure stated for a month, quarter or year is that period's (a streak is stated as of its end)
    if not start and not end and unit_class(fact.unit) != "duration" and _SPAN_WORDS.search(fact.period_text or ""):
        return "flow"  # "in the quarter": some span, not placed
    if not start and not end and _EARLIER_TIME.search(fact.period_text or ""):
        return "flow"  # "in the last election", "a day earlier": some earlier time, not placed
    return "level"
