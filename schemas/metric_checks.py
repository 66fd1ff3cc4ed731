"""Schema (label checks): does a label's metric fit the number and the words around it?

The labelling validators (`schemas.labels`) call `metric_problem` for every label that states a
fact; a message it returns becomes a reask, so it is worded as an instruction to the model.
Three checks, each one code can make without a model:

1. **Per-capita cue.** A per-capita metric (`gni_per_capita`, or any name with per_capita,
   per_person, per_head) needs a per-capita cue in the sentence: "per capita", "per person",
   "per head", "a head", "each", "per inhabitant", "average income", ...
2. **Scale for the unit.** Money is put in rough US-dollar terms with `ROUGH_UNITS_PER_USD`,
   a table of rounded rates for currencies whose rate stays within a factor of about 2 over
   years; other currencies are not scale-checked (a wrong rate would reject right answers).
   - a per-capita amount above `PER_CAPITA_MAX_USD` (1 million) is not per person: the highest
     income per person of any country is about $250,000, so the limit leaves a margin of 4;
   - an economy's size (`gdp_nominal`, `gni_nominal`) below `ECONOMY_MIN_USD` (10 million) is
     not an economy: the smallest economies (Tuvalu, Nauru) are about $60-150 million;
   - a percentage outside the metric's range in `schemas.vocabulary.PERCENT_RANGE`, and above
     100 for a share (`unemployment_rate`, any name with share), has the wrong magnitude.
3. **Metric nouns.** For metrics the text must name (exports, imports, unemployment, inflation,
   deaths, population, trade, the economy), when the number's own clause names another metric's
   noun and not this one's, the metric belongs to the neighbour ("exports were $410 million, and
   imports were $1.9 billion": the second number is imports). The clause is the part of the
   sentence between ", and", ";", ",", " while ", " whereas ", " but " around the number; when it
   names no metric at all, the whole sentence is read the same way, so a rate in a list of
   growth rates is not an unemployment rate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import PERCENT_RANGE

PER_CAPITA_MAX_USD = 1_000_000.0
ECONOMY_MIN_USD = 10_000_000.0
SHARE_MAX_PERCENT = 100.0
ECONOMY_METRICS = frozenset({"gdp_nominal", "gni_nominal"})

# Rounded units of each currency per US dollar; only currencies that have stayed within about a
# factor of 2 of these for years. Unknown currencies skip the scale checks.
ROUGH_UNITS_PER_USD: dict[str, float] = {
    "USD": 1, "EUR": 0.9, "GBP": 0.8, "CHF": 0.9, "CAD": 1.35, "AUD": 1.5, "NZD": 1.6, "SGD": 1.35,
    "HKD": 7.8, "CNY": 7, "JPY": 140, "KRW": 1300, "INR": 80, "SEK": 10, "NOK": 10, "DKK": 7,
    "PLN": 4, "CZK": 23, "MXN": 18, "BRL": 5, "ZAR": 17, "TWD": 31, "THB": 34, "ILS": 3.7,
    "SAR": 3.75, "AED": 3.67, "QAR": 3.64, "KWD": 0.3, "MYR": 4.5, "PHP": 55, "IDR": 15000,
}

_PER_CAPITA_METRIC = re.compile(r"per_?(?:capita|person|head|inhabitant|resident)")
_PER_CAPITA_CUE = re.compile(
    r"\bper[\s-]+(?:capita|person|head|inhabitant|resident|citizen|worker|household|employee)\b|\ba head\b|"
    r"\beach\b|\bevery (?:person|citizen|resident|inhabitant)\b|\baverage (?:\w+ )?(?:income|wage|salary|earnings)\b|"
    r"\bincome of (?:the )?(?:average|typical)\b", re.IGNORECASE)

# The words that name what a metric measures. A metric listed here must find its own words
# near its number whenever another metric's words are there.
NOUNS: dict[str, str] = {
    "exports": r"\bexport",
    "imports": r"\bimport",
    "trade": r"\btrade\b|\btrading\b|\bcommerce\b",
    "unemployment": r"\bunemploy|\bjobless|\bout of work\b",
    "inflation": r"\binflation|\bconsumer prices?\b|\bprices\b|\bcpi\b|\bcost of living\b|\bdeflation",
    "deaths": r"\bdied\b|\bdead\b|\bdeaths?\b|\bkill|\btoll\b|\bfatalit|\bcasualt|\binjur|\bwounded\b|\blives\b",
    "population": r"\bpopulation\b|\binhabitants\b|\bresidents\b|\bhome to\b",
    "economy": r"\bgdp\b|\bgross domestic product\b|\beconom(?:y|ies|ic)\b|\bgrowth\b",
}
METRIC_NOUN: dict[str, str] = {
    "exports": "exports", "exports_growth": "exports", "imports": "imports", "imports_growth": "imports",
    "trade_volume": "trade", "trade_volume_growth": "trade", "unemployment_rate": "unemployment",
    "inflation_rate": "inflation", "casualties": "deaths", "population": "population",
    "gdp_real_growth": "economy", "gdp_nominal": "economy", "gni_nominal": "economy",
}
# Words that show a metric's own subject but do not point away from other metrics ("a country of
# 26 million people" is a population; "people" next to a death toll does not make it one).
OWN_ONLY: dict[str, str] = {"population": r"\bpeople\b|\bcitizens\b|\bpopulous\b"}
_OWN_ONLY_RE = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in OWN_ONLY.items()}
_NOUN_RE = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in NOUNS.items()}
_CLAUSE_BREAK = re.compile(r",\s+and\s|;|,\s|\s+while\s|\s+whereas\s|\s+but\s", re.IGNORECASE)


@dataclass(frozen=True)
class Measured:
    """What code knows of a scanned quantity: its value in base units, unit, unit class, its
    sentence and its [start, end) inside that sentence (None: the whole sentence)."""

    value: float
    unit: str | None
    unit_class: str
    sentence: str
    span: tuple[int, int] | None = None

    @property
    def words(self) -> str:
        return self.sentence[self.span[0]:self.span[1]] if self.span else "this number"


def metric_problem(metric: str, value: float, unit: str | None, unit_class: str, sentence: str,
                   span: tuple[int, int] | None = None) -> str | None:
    """Why `metric` cannot be what this number measures, as an instruction to the model; else None."""
    measured = Measured(value, unit, unit_class, sentence, span)
    for check in (_scale_problem, _per_capita_problem, _noun_problem):
        problem = check(metric, measured)
        if problem:
            return problem
    return None


def measured_problem(metric: str, measured: Measured) -> str | None:
    """`metric_problem` for a `Measured` quantity."""
    return metric_problem(metric, measured.value, measured.unit, measured.unit_class, measured.sentence, measured.span)


def is_per_capita(metric: str) -> bool:
    return bool(_PER_CAPITA_METRIC.search(metric))


def usd_estimate(value: float, unit: str | None) -> float | None:
    """`value` in rough US dollars, or None when the unit is no currency of the rate table."""
    code = (unit or "").split(" per ")[0]
    rate = ROUGH_UNITS_PER_USD.get(code)
    return None if rate is None else value / rate


def _per_capita_problem(metric: str, measured: Measured) -> str | None:
    if not is_per_capita(metric) or _PER_CAPITA_CUE.search(measured.sentence) or " per " in (measured.unit or ""):
        return None
    return (f"nothing in the sentence says «{measured.words}» is an amount per person (no 'per capita', 'per "
            f"person', 'each'): choose a metric that is not per capita")


def _scale_problem(metric: str, measured: Measured) -> str | None:
    if measured.unit_class == "percent":
        return _percent_problem(metric, measured)
    usd = usd_estimate(abs(measured.value), measured.unit) if measured.unit_class == "currency" else None
    if usd is None:
        return None
    if is_per_capita(metric) and usd > PER_CAPITA_MAX_USD:
        return (f"«{measured.words}» is the size of a whole economy or budget, not an amount per person: "
                f"choose a metric that is not per capita")
    if metric in ECONOMY_METRICS and usd < ECONOMY_MIN_USD:
        return (f"«{measured.words}» is far too small to be the size of an economy: choose the metric of "
                f"what this amount really is, or 'other' with a metric_label")
    return None


def _percent_problem(metric: str, measured: Measured) -> str | None:
    if measured.unit != "percent":
        return None  # percentage points and basis points are changes, not levels
    low, high = PERCENT_RANGE.get(metric, (float("-inf"), float("inf")))
    if "share" in metric:
        high = min(high, SHARE_MAX_PERCENT)
    if low <= measured.value <= high:
        return None
    return (f"«{measured.words}» ({measured.value:g} percent) is outside what {metric!r} can be "
            f"({low:g} to {high:g} percent): choose the metric this percentage measures")


def nouns_in(text: str) -> set[str]:
    """The metric nouns (keys of `NOUNS`) that `text` names."""
    return {name for name, pattern in _NOUN_RE.items() if pattern.search(text)}


def own_clause(sentence: str, span: tuple[int, int] | None) -> str:
    """The part of `sentence` between clause breaks that holds [span); the sentence without a span."""
    if span is None:
        return sentence
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, span[0])), default=0)
    after = _CLAUSE_BREAK.search(sentence, span[1])
    return sentence[start:after.start() if after else len(sentence)]


def _noun_problem(metric: str, measured: Measured) -> str | None:
    own = METRIC_NOUN.get(metric)
    if own is None:
        return None
    for text in (own_clause(measured.sentence, measured.span), measured.sentence):
        named = nouns_in(text)
        if own in named or (own in _OWN_ONLY_RE and _OWN_ONLY_RE[own].search(text)):
            return None
        if named:
            others = " and ".join(sorted(named))
            return (f"the words next to «{measured.words}» are about {others}; metric {metric!r} does not fit: "
                    f"a number takes its metric from its own noun")
    return None
