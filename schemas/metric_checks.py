"""Schema (label checks): does a label's metric fit the number and the words around it?

The labelling validators (`schemas.labels`) call `metric_problem` for every label that states a
fact; a message it returns becomes a reask, so it is worded as an instruction to the model.
The checks, each one code can make without a model:

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
   deaths, population, trade, the economy, industry, construction, agriculture), when the number's
   own clause names another metric's noun and not this one's, the metric belongs to the neighbour
   ("exports were $410 million, and imports were $1.9 billion": the second number is imports;
   "industrial output expanded by 4.9%" is no growth of the economy). The clause is the part of the
   sentence between ", and", ";", ",", ") and", " while ", " whereas ", " but " around the number; when it
   names no metric at all, the whole sentence is read the same way, so a rate in a list of
   growth rates is not an unemployment rate. When the sentence names other metrics before the
   number and this one only after it, the ones before win ("the economy ... shrinking by 0.3% as
   the country was battered by high inflation" is no inflation rate). A price is no sales revenue ("missiles typically
   cost several million dollars"), and "people" next to a death toll is no population. Some metrics
   (`NEEDS_OWN_NOUN`) need their words in the sentence, whatever else it names: a death toll words
   about deaths or injuries, a population words about a population or people, an economy's size
   (`gdp_nominal`) the economy (or a possessive whose noun is left out, "Germany's was $4.4
   trillion"), and its national income (`gni_nominal`) "national income" or "GNI". An economy's growth whose clause names no economy
   is not taken after words about a currency or a market ("The yen's depreciation against the
   dollar, down 6.6%"), nor after another subject in its own clause ("private consumption fell
   by 0.8%", "fishing grew 4.7%"), nor after words of sales, revenue or profit in a sentence that names no
   economy (a platform's GMV "up 28%"; not "a 1% increase, thanks to its arms sales"). No growth rate is taken for a share of a whole that names no
   change ("accounted for 98.3% of its trade", "22% of GDP"), nor for a percentage whose sentence
   names no growth, no economy and no movement ("damage could range from 30% to 50%").
   Growth of trade, exports or imports and the unemployment and inflation rates need their
   words in the sentence too, unless it carries its subject over with "It" or "The rate"
   (`NEEDS_OWN_NOUN_UNLESS_CARRIED`: "94.6 per cent of voting workers" is no growth of trade).
   A sector's growth (`NEEDS_OWN_CLAUSE`: industry, manufacturing, construction, agriculture)
   needs its sector's words in the number's own clause, or in the clause before when its own
   names nothing ("In construction, output fell 1.3%").
4. **What is counted.** A count whose scanned unit names what it counts ("thousands of hackers")
   takes only a count metric that counts such things (`vocabulary.COUNTED`): hackers are no
   defence workers, and shells are counted as shells transferred, not as transfers. A weapons or
   armed-forces metric (`MILITARY_METRICS`) is no count in a sentence about civilian goods or
   people that names nothing military ("461,538 deliveries" of cars); a death and injury toll does
   not count the missing or the displaced ("11,300 dead and 10,100 missing"); an industry's output
   growth is not a capacity's, nor deliveries or sales, nor one product's output ("car production
   slumped 8%", "jumped 35 per cent to 1.85 million vehicles").
5. **Levels, wholes and totals.** A count or money metric measures a level: not the size of a
   change ("fell by 2 million people", "a loss of about 3 million"), not a rate ("7.87 per 1,000
   people"), not a number with decimals ("about 1.66"). A population is the whole one, not "the
   urban population" or "the population aged 60 and above", nor people in a plight ("25,000 people
   to flee", "the evacuation of 25,000 residents") or an electorate ("eligible to vote"); exports,
   imports and trade are a country's totals, not trade with one partner ("exports to the US") and not a trade surplus;
   deaths counted beside births and population figures, with no disaster or violence named, are
   no casualties, and a group counted after a larger toll in its sentence ("121 lives, of whom 108
   were women") is a part of the toll, not the toll. When a number's own clause names no metric
   noun, the clause before it is read
   ("exports came to 12.4 trillion yuan, a rise of 1.1% on the year"); "import and export"
   named together is trade.

`metric_named` goes the other way: for a label the model left `other`, the vocabulary metric its
name or the number's words stand for, where code can tell (an economy's contraction, a death toll).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .primitives.numbers import find_numbers
from .units import base_unit
from .vocabulary import COUNTED, METRIC_UNIT_CLASS, PERCENT_RANGE, counted_noun, is_unnamed

PER_CAPITA_MAX_USD = 1_000_000.0
ECONOMY_MIN_USD = 10_000_000.0
POPULATION_MIN = 20  # fewer people than a hamlet holds: a group counted ("the five people aboard"), not a place's population
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

# A place sized by its people: "the town of 12,000 (people)", "a city of about 13,000".
_PLACE_OF = r"\b(?:town|city|village|island|nation|country|state|province|region|archipelago)\s+of\s+(?:(?:about|around|some|nearly|roughly|almost|over|more\s+than)\s+)?(?=\d|$)"  # "$": the text before the number ends there
# A place the number describes, as the text before the number ends: in "the island of 40,000 people
# will vote", the clause's verbs are the place's, not the number's (`mention_facts.status_of`).
PLACE_OF_BEFORE = re.compile(rf"{_PLACE_OF}$", re.IGNORECASE)
# The words that name what a metric measures. A metric listed here must find its own words
# near its number whenever another metric's words are there.
NOUNS: dict[str, str] = {
    "exports": r"\bexport",
    "imports": r"\bimport",
    "trade": r"\btrade\b(?!(?<=according to the trade)\s*(?:[,.;:)]|$))(?!-offs?\b|\s+(?:magazines?|publications?|press|journals?|unions?|shows?|fairs?|secrets?))"
             r"(?!(?<=\bto trade)\s+(?:briefly\s+|as\s+high\s+as\s+)?(?:at|above|below|near|around|higher|lower|\d))|"  # not a price "to
             # trade briefly above US$100,000", "to trade 66 per cent higher"
             r"(?<!share\s)(?<!stock\s)(?<!early\s)(?<!late\s)(?<!morning\s)(?<!afternoon\s)(?<!premarket\s)(?<!day\sof\s)(?<!days\sof\s)\btrading\b(?!\s+(?:at|for|up|down|higher|lower|flat|was|were|is|has|had|halts?|"
             r"suspensions?|resumed|resumes|days?|sessions?|hours|debut|floor)\b)"
             r"(?!\s+(?:in|of)\s+(?:[\w'’.-]+\s+){0,3}?(?:shares|stocks?|bonds?|securities|futures|options|units)\b)"
             r"|\bcommerce\b",  # not a share "trading at $79", "trading in Evergrande shares was suspended"
    "unemployment": r"\bunemploy|\bjobless|\bout of work\b",
    "inflation": r"\binflation|\bconsumer prices?\b|\bprices\b|\bcpi\b|\bh?icp\b|\bcost of living\b|\bdeflation|"
                 r"\ball[\s-]items\s+(?:index|cpi)\b",  # "HICP": the euro area's harmonised index
    "deaths": r"\bdied\b|\bdead\b|\bdeaths?\b|\bkill|\btoll\b|\bfatalit|\bcasualt|\binjur|\bwounded\b|\bmassacr|\bslain\b|"
              r"\bmurder(?:ed|s)?\b|\bperished\b|"
              r"\b(?:claim\w*|cost\w*|took|tak\w+|lost|los\w+)\s+(?:\S+\s+){0,4}?lives\b|\blives\s+(?:were\s+|have\s+been\s+)?lost\b|"
              r"\d\s+lives\b",  # lives lost, not "the daily lives of millions"
    "population": rf"\bpopulation\b(?!-)|\binhabitants\b|\bresidents\b|\bhome to\b|{_PLACE_OF}",  # not "population-based studies"
    "economy": r"\bgdp\b|\bgross domestic product\b|\beconom(?:y|ies|ic)\b|\bgrowth\b",
    "national income": r"\bgni\b|\bgross national\b|\bnational income\b",
    "sales": r"\bsales?\b|\bsell|\bsold\b|\bearn|\brevenues?\b|\bproceeds\b|\bturnover\b|\bdeals?\b",
    "cost": r"\bcosts?\b|\bcosting\b|\bpriced?\b|\bprice tag\b|\bapiece\b|\bper (?:unit|piece)\b",
    "industry": r"\bindustr(?:y|ies|ial)\b|\bmanufactur|\bfactor(?:y|ies)\b|\bproduction\b",
    "construction": r"\bconstruction\b|\bbuilding\b|\bhousing starts\b",
    "agriculture": r"\bagricultur|\bfarm|\bharvests?\b|\bcrops?\b|\bfisher(?:y|ies)\b",
    # No metric of the vocabulary: a central bank's rate is none of the rates above ("held rates at 5.25%").
    "interest rates": r"\binterest rates?\b|\b(?:bank|base|policy|benchmark|cash|repo|key|lending|deposit) rates?\b|"
                      r"\brate (?:hikes?|cuts?|rises?)\b|\bborrowing costs?\b|\b(?:held|hold|holds|kept|keeps) rates\b",
}
METRIC_NOUN: dict[str, str] = {
    "exports": "exports", "exports_growth": "exports", "imports": "imports", "imports_growth": "imports",
    "trade_volume": "trade", "trade_volume_growth": "trade", "unemployment_rate": "unemployment",
    "inflation_rate": "inflation", "casualties": "deaths", "population": "population",
    "gdp_real_growth": "economy", "gdp_nominal": "economy", "gni_nominal": "national income",
    "arms_sales_revenue": "sales", "munitions_sales_value": "sales", "weapon_unit_cost": "cost",
    "industrial_output_growth": "industry", "manufacturing_growth": "industry", "construction_growth": "construction",
    "agriculture_growth": "agriculture",
}
# Metrics whose own words must be in the number's sentence, whatever else it names: a count is
# only a death toll when the sentence speaks of deaths or injuries, and only a population when it
# speaks of a population or of people ("The 1-million target will not be reached" is none); an
# amount of money is only an economy's size when the sentence names the economy (not "cut billions
# of pounds from public spending", not a company's revenue), only its national income when it
# says so, and only exports, imports or trade when it speaks of them (not insured losses "between
# $22 billion and $36 billion").
NEEDS_OWN_NOUN = frozenset({"casualties", "gdp_nominal", "gni_nominal", "population", "exports", "imports",
                            "trade_volume"})
# Rates that need their words in the sentence too, unless it goes on from the one before with a
# pronoun or "the rate" ("It reached 5.2% in May"): "94.6 per cent of voting workers rejected the
# contract" is no growth of trade, "a two-thirds requirement" no unemployment rate.
NEEDS_OWN_NOUN_UNLESS_CARRIED = frozenset({"exports_growth", "imports_growth", "trade_volume_growth", "unemployment_rate",
                                           "inflation_rate"})
_CARRIED_SUBJECT = re.compile(r"^\W*(?:it|this|that|they|the (?:rate|figure|number|pace|level|index|reading))\b",
                              re.IGNORECASE)
# Metrics of one sector of an economy, whose words must be in the number's own clause, or in the
# clause just before it when its own names nothing ("In construction, output fell 1.3%"): in
# "retail (down 0.4 per cent), construction (-2.1)", the 0.4% is no construction figure.
NEEDS_OWN_CLAUSE = frozenset({"industrial_output_growth", "manufacturing_growth", "construction_growth",
                              "agriculture_growth"})
# Words that show a metric's own subject but do not point away from other metrics ("a country of
# 26 million people" is a population; "people" next to a death toll does not make it one), unless
# the number's nearest words name one of `OWN_ONLY_UNLESS` ("300 people have died" is no
# population; "killed 20 people in a country of 26 million people" still has one).
OWN_ONLY: dict[str, str] = {"population": r"\bpeople\b(?!['’])|\bcitizens\b|\bpopulous\b"}  # not "the People's Party"
OWN_ONLY_UNLESS: dict[str, frozenset[str]] = {"population": frozenset({"deaths"})}
_OWN_ONLY_RE = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in OWN_ONLY.items()}
_NOUN_RE = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in NOUNS.items()}
# "France's, published in May, was $3.1 trillion", "India's is about $3.7 trillion": a possessive
# whose noun is left out names the thing the text has just named, such as an economy.
_ELIDED_OWNER = re.compile(r"\b[A-Z][\w.]*['’]s(?=\s*,|\s+(?:is|was|were|stood|totall?ed|amounted|came|reached)\b)")
# The words after an amount that say what it is an amount of ("£40bn of higher taxes"), and the
# words of an economy's output among them.
_AMOUNT_OF = re.compile(r"\s+of\s+(?!which\b|whom\b)(?P<what>(?:[a-z-]+\s+){0,2}[a-z-]+)", re.IGNORECASE)
_OUTPUT_WORDS = re.compile(rf"{NOUNS['economy']}|{NOUNS['national income']}|\boutput\b|\bgoods\b|\bproduction\b",
                           re.IGNORECASE)
# "a loss of 3 million", "an increase of 11.96 million": a change named by its noun.
_CHANGE_OF = re.compile(r"\b(loss|decline|decrease|drop|fall|reduction|rise|increase|gain|jump)\s+of\s+$", re.IGNORECASE)
_UP_NOUNS = frozenset({"rise", "increase", "gain", "jump"})
# A number, its scale word and at most one noun, then "more", "fewer" or "less" and a "than" in the
# same clause: "315,000 more people will arrive than leave", "$2 billion less than planned".
_DIFFERENCE = re.compile(r"\S+(?:\s+(?:thousand|million|billion|trillion|bn|m|k)\b)?(?:\s+[a-z]+)?\s+"
                         r"(?P<than>(?:more|fewer|less)\b[^.;,]{0,80}?\bthan\b)", re.IGNORECASE)
_BALANCE = re.compile(r"\b(surplus|deficit)\b|\btrade\s+(balance|gap)\b", re.IGNORECASE)
_TRADE_METRICS = frozenset({"exports", "exports_growth", "imports", "imports_growth", "trade_volume", "trade_volume_growth"})
_PARTNER = re.compile(
    r"\b(?i:exports?|shipments|sales)\s+(?i:of\s+\w+\s+)?(?i:to)\s+(?i:the\s+)?[A-Z][\w.]*|"
    r"\b(?i:imports?)\s+(?i:of\s+\w+\s+)?(?i:from)\s+(?i:the\s+)?[A-Z][\w.]*|"
    r"\b(?i:trade)(?i:\s+(?:turnover|volume))?\s+(?i:with)\s+(?i:the\s+)?[A-Z][\w.]*")
_TOTAL = re.compile(r"\b(?:total|overall|all|whole|combined)\b", re.IGNORECASE)
# Words that make a population a part of one: before "population" ("the urban population") or
# after it ("the population aged 60 and above", "the population of working age").
_SUBGROUP = re.compile(
    r"\b(?:urban|rural|male|female|working[- ]age|elderly|older|young|youth|child|adult|school[- ]age|prison|"
    r"migrant|immigrant|foreign(?:[- ]born)?|indigenous|ethnic|muslim|christian|hindu|jewish|black|white|hispanic|"
    r"asian|\d+[- ]to[- ]\d+|over[- ]\d+)\s+populations?\b"
    r"|\bpopulations?\s+(?:aged|ages|over|under|above|below|between|of working age)\b", re.IGNORECASE)
_KIND_OF_PEOPLE = re.compile(r"[a-z-]+_people")  # the unit of "one billion obese people": people of one kind
_DEMOGRAPHY = re.compile(r"\bbirths?\b|\bbirth rate\b|\bfertility\b|\bdeath rate\b|\bmortality rate\b|\bpopulation\b",
                         re.IGNORECASE)
_HARM = re.compile(r"\bkill|\binjur|\bwound|\battack|\bwar\b|\bfighting\b|strikes?\b|quake|flood|storm|\bfires?\b|"
                   r"wildfire|\bcrash|\bdisaster|\bshoot|\bbomb|\bviolen|\bclash|\bepidemic|\boutbreak|\bpandemic|"
                   r"\bcovid|\bvirus|\bfamine|\bheat ?wave|\bcollapse|\bexplo|\bblast|\baccident|\bshelling|\bmissile|"
                   r"\bdrone|hurricane|typhoon|cyclone|landslide|tsunami|avalanche|eruption|\bdrown", re.IGNORECASE)
# Imports and exports named together as one total ("the total import and export value"): trade.
_COMBINED_TRADE = re.compile(r"\b(?:total\s+|combined\s+)?(?:import\s+and\s+export|export\s+and\s+import)s?\b|"
                             r"\b(?:total|combined)\s+(?:imports\s+and\s+exports|exports\s+and\s+imports)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",\s+and\s|;|,\s|\)\s+and\s|\s+while\s|\s+whereas\s|\s+but\s", re.IGNORECASE)
# A company's name, whose words name no metric: "Chaman Lal Setia Exports Ltd. fell 1.4%", "Global Imports Inc"
_COMPANY_NAME = re.compile(r"\b(?:[A-Z][\w&'’-]*\s+){1,5}(?:Ltd|Limited|Inc|Corp|Corporation|LLC|plc|PLC|GmbH|AG|SA)\b\.?")


@dataclass(frozen=True)
class Measured:
    """What code knows of a scanned quantity: its value in base units, unit, unit class, its
    sentence and its [start, end) inside that sentence (None: the whole sentence)."""

    value: float
    unit: str | None
    unit_class: str
    sentence: str
    span: tuple[int, int] | None = None
    direction: str | None = None  # "up" or "down" when the number is the size of a change

    @property
    def words(self) -> str:
        return self.sentence[self.span[0]:self.span[1]] if self.span else "this number"


def metric_problem(metric: str, value: float, unit: str | None, unit_class: str, sentence: str,
                   span: tuple[int, int] | None = None, direction: str | None = None) -> str | None:
    """Why `metric` cannot be what this number measures, as an instruction to the model; else None."""
    return measured_problem(metric, Measured(value, unit, unit_class, sentence, span, direction))


def measured_problem(metric: str, measured: Measured) -> str | None:
    """`metric_problem` for a `Measured` quantity."""
    # In order: the first problem found is the one the model is told.
    checks = (_scale_problem, _per_capita_problem, _income_problem, _amount_of_problem, _change_problem, _rate_problem,
              _noun_problem, _subgroup_problem, _population_change_problem,
              _study_problem, _partner_problem, _balance_problem, _whole_count_problem, _demography_problem, _subject_problem,
              _price_basis_problem,
              _share_problem, _counted_problem, _reading_problem, _years_problem, _civilian_problem, _product_problem, _not_harm_problem, _streak_problem,
              _unnamed_rate_problem, _no_growth_problem, _completion_problem, _margin_or_tariff_problem, _market_move_problem, _sales_growth_problem, _economy_size_problem, _target_problem,
              _policy_rate_problem, _count_growth_problem, _wildlife_problem,
              _crowd_problem,
              _toll_part_problem, _toll_population_problem, _event_problem, _moved_thing_problem, _picked_out_problem)
    for check in checks:
        problem = check(metric, measured)
        if problem:
            return problem
    return None


def _change_problem(metric: str, measured: Measured) -> str | None:
    """A count or an amount of money that is the size of a change ("fell by 2 million people",
    "rose by $20 billion", "a loss of about 3 million") or of a difference ("315,000 more people
    arriving than leaving", "£5bn less than planned") is not the level a count or money metric
    measures."""
    if METRIC_UNIT_CLASS.get(metric) not in ("count", "currency"):
        return None
    if measured.span and (more := _DIFFERENCE.match(measured.sentence[measured.span[0]:])):
        return (f"«{measured.words}» is how many more or fewer one thing is than another («{more.group('than')}»), not "
                f"a level: metric {metric!r} does not fit; choose other: with a metric_label for the difference")
    named = _CHANGE_OF.search(measured.sentence[:measured.span[0]]) if measured.span else None
    if measured.direction is None and named is None:
        return None
    went = "rose" if measured.direction == "up" or (named and named.group(1).lower() in _UP_NOUNS) else "fell"
    return (f"«{measured.words}» is how much something {went} by, not a level: metric {metric!r} does not fit; "
            f"choose other: with a metric_label for the change (such as {metric}_change)")


_ECONOMY_SIZES = frozenset({"gdp_nominal", "gni_nominal"})
_PER_DAY_OR_LESS = re.compile(r"\bper (?:second|minute|hour|day|week|month|person|capita)\b")


def _rate_problem(metric: str, measured: Measured) -> str | None:
    """A rate per so many people ("7.87 per 1,000 people") is no count, nor is a multiple ("three times higher");
    money a day or a week ("cost the economy $5 billion a day") is no economy's size, and money per one thing
    that is no time ("€76.50 per share", "800 pesos per dollar", "$80 a barrel") is a price or an exchange
    rate, no total of an economy or of trade."""
    if metric in _ECONOMY_SIZES and measured.unit and _PER_DAY_OR_LESS.search(measured.unit):
        return (f"«{measured.words}» is an amount {measured.unit.split(' ', 1)[1]}, not the size of an economy: "
                f"metric {metric!r} does not fit; choose other: with a metric_label for what it costs or earns")
    if metric in _MONEY_TOTALS and measured.unit and (price := _PER_THING.search(measured.unit)):
        return (f"«{measured.words}» is money per {price.group(1).replace('_', ' ')}, a price or a rate, not a total: "
                f"metric {metric!r} does not fit; choose other: with a metric_label for the price or rate")
    if METRIC_UNIT_CLASS.get(metric) == "count" and measured.unit == "times":
        return (f"«{measured.words}» is a multiple, not a count: metric {metric!r} does not fit; choose other: with a "
                f"metric_label for the ratio")
    if METRIC_UNIT_CLASS.get(metric) != "count" or not measured.unit or not re.search(r"\bper\b|^per_", measured.unit):
        return None
    return (f"«{measured.words}» is a rate ({measured.unit.replace('_', ' ')}), not a count: metric {metric!r} does "
            f"not fit; choose other: with a metric_label for the rate")


_MONEY_TOTALS = frozenset({"gdp_nominal", "gni_nominal", "trade_volume", "exports", "imports", "arms_sales_revenue",
                           "munitions_sales_value"})
_PER_THING = re.compile(r"\bper\s+(?!(?:year|annum|quarter|month|week|day|hour)s?\b)([a-z_]+)")


def _beside(measured: Measured, after: re.Pattern[str], before: re.Pattern[str]) -> re.Match[str] | None:
    """`after` matched right after the number, else `before` found right before it; None without a span."""
    if measured.span is None:
        return None
    return after.match(measured.sentence[measured.span[1]:]) or before.search(measured.sentence[:measured.span[0]])


def _subgroup_problem(metric: str, measured: Measured) -> str | None:
    """A population is the whole population: "the urban population", "the working-age population",
    "the population aged 60 and above" count a part of it, "2.8 million people without power",
    "25,000 people to flee", "the evacuation of 25,000 residents" and "deaths totalled 1,301 people"
    the people in a plight or a toll, "20 million people around the world" (fewer than the world holds) a part, "98
    million citizens are eligible to vote" the electorate (and "over 200,000 people voted" its voters) and "10 million people attended" an
    audience."""
    if metric != "population":
        return None
    toll = measured.span is not None and _TOLL_BEFORE.search(measured.sentence[:measured.span[0]])
    if plight := _beside(measured, _PLIGHT_AFTER, _PLIGHT_BEFORE) or toll:
        return (f"«{measured.words}» counts people in a plight («{plight.group('what')}»), not a population: metric "
                f"{metric!r} does not fit; choose other: and what happened to them")
    part = _SUBGROUP.search(own_clause(measured.sentence, measured.span)) or _KIND_OF_PEOPLE.fullmatch(measured.unit or "") \
        or (_AROUND_THE_WORLD.match(measured.sentence[measured.span[1]:])
            if measured.span is not None and abs(measured.value) < WORLD_POPULATION_MIN else None)
    if part is None:
        return None
    return (f"«{measured.words}» counts part of a population («{part.group(0).strip()}»), not all of it: metric "
            f"{metric!r} does not fit; choose other: with a metric_label for that part")


# A change of a population named before its number: "the natural decline in the population expanded ... to 848,659",
# "a population loss of 12,000" (not "the population fell to", a level).
_POPULATION_CHANGE = re.compile(r"\b(?:decline|decrease|drop|fall|increase|growth|rise|change|loss|gain)\s+(?:in|of)\s+(?:the\s+|its\s+|"
                                r"their\s+)?population\b|\bnatural\s+(?:population\s+)?(?:decline|decrease|increase|growth|change|loss)\b|"
                                r"\bpopulation\s+(?:decline|decrease|drop|loss|gain|growth|change)\b", re.IGNORECASE)


def _population_change_problem(metric: str, measured: Measured) -> str | None:
    """A number named as a population's change (a natural decline, a loss, a gain) is no population."""
    if metric != "population" or measured.span is None \
            or not (change := _POPULATION_CHANGE.search(measured.sentence[:measured.span[0]])):
        return None
    return (f"«{measured.words}» is a change of a population («{change.group(0)}»), not the population: metric {metric!r} "
            f"does not fit; choose other: with a metric_label for the change")


def _event_problem(metric: str, measured: Measured) -> str | None:
    """People that something happened to, or who did something, are no population: "30,000 people in
    the UK were infected", "46,000 people took part" (`_PEOPLE_EVENT_AFTER`), "an audience of 1.2 billion
    people", "unease among millions of people", "visited by 28 million people" (`_AUDIENCE_BEFORE`), "1,500 people,
    including the emperor" (`_GATHERING_AFTER`); but a place's people are
    one ("a nation of 2.5 million people will vote", "its 1.66 million people")."""
    if metric != "population" or measured.span is None or measured.unit not in ("people", "persons"):
        return None
    before, after = measured.sentence[:measured.span[0]], measured.sentence[measured.span[1]:]
    if PLACE_OF_BEFORE.search(before) or _OWNER_BEFORE.search(before) or _POPULATION_NAMED_BEFORE.search(before):
        return None
    if event := _PEOPLE_EVENT_AFTER.match(after) or _AUDIENCE_BEFORE.search(before) or _GATHERING_AFTER.match(after):
        return (f"«{measured.words}» counts people by what happened to them or what they did («{event.group('what')}»), "
                f"not a population: metric {metric!r} does not fit; choose other: and what happened to them")
    return None


def _picked_out_problem(metric: str, measured: Measured) -> str | None:
    """People a clause after them picks out, with no comma, are some of a population: "the 4,200 residents of Bruges
    who applied for a permit" (not "Bruges's 118,000 residents, who live inside the ring", nor people "who live" there)."""
    if metric != "population" or measured.span is None or not (picked := _RESTRICTED_AFTER.match(measured.sentence[measured.span[1]:])):
        return None
    return (f"«{measured.words}» counts the people a clause picks out («{picked.group(0).strip()}»), not a whole population: "
            f"metric {metric!r} does not fit; choose other: with a metric_label for them")


def _study_problem(metric: str, measured: Measured) -> str | None:
    """The people a trial or study enrolled or analysed ("3,417 randomized people", "an analysis of
    over 20,000 U.S. adults") are neither a population nor, when its findings are about deaths, a
    toll; deaths it counted ("analysed 1,200 deaths") may be one."""
    if metric not in ("population", "casualties") or metric == "casualties" and _NOUN_RE["deaths"].search(measured.words):
        return None
    if trial := _beside(measured, _TRIAL_AFTER, _TRIAL_BEFORE):
        return (f"«{measured.words}» counts the people of a trial or study («{trial.group('what')}»), not a "
                f"{'population' if metric == 'population' else 'toll'}: metric {metric!r} does not fit; choose other: "
                f"with a metric_label for them")
    return None


def _partner_problem(metric: str, measured: Measured) -> str | None:
    """A country's exports, imports or trade are its totals: a figure written after a partner
    ("exports to the US", "trade with the EU", "imports from Russia") is trade with that partner
    only, unless its own clause says it is the total."""
    if metric not in _TRADE_METRICS or measured.span is None:
        return None
    clause = own_clause(measured.sentence, measured.span)
    partner = list(_PARTNER.finditer(measured.sentence[:measured.span[0]])) + list(_PARTNER.finditer(clause))
    if not partner or _TOTAL.search(clause):
        return None
    return (f"«{measured.words}» is about trade with one partner («{partner[-1].group(0)}»), not the total: metric "
            f"{metric!r} does not fit; choose other: with a metric_label that names the partner")


def _balance_problem(metric: str, measured: Measured) -> str | None:
    """A surplus, deficit or trade balance is no exports, imports, trade volume or economy's size
    ("a large economy with a trade surplus of $96 billion")."""
    if metric not in _TRADE_METRICS | ECONOMY_METRICS:
        return None
    balance = next((found for text in own_clauses(measured) if (found := _BALANCE.search(text))), None)
    if balance is None:
        return None
    kind = balance.group(balance.lastindex or 0).lower()
    return (f"«{measured.words}» is a {kind}, not a total: metric {metric!r} does not fit; choose other: with a "
            f"metric_label that names the {kind} (such as trade_{kind})")


def _whole_count_problem(metric: str, measured: Measured) -> str | None:
    """Things counted are whole: "1.66" or "104.49" with no scale word is a rate or a ratio."""
    if METRIC_UNIT_CLASS.get(metric) != "count" or float(measured.value).is_integer():
        return None
    return (f"«{measured.words}» is not a whole number, so it counts nothing: metric {metric!r} does not fit; "
            f"choose other: with a metric_label for the rate or ratio it is")


def _demography_problem(metric: str, measured: Measured) -> str | None:
    """Deaths counted with births and population figures, from no disaster, attack or war, are a
    country's deaths in a year, not a toll of casualties."""
    if metric != "casualties" or not _DEMOGRAPHY.search(measured.sentence) or _HARM.search(measured.sentence):
        return None
    return (f"«{measured.words}» counts deaths of a whole population, from no disaster or violence: metric "
            f"{metric!r} does not fit; choose other: with a metric_label such as deaths")


def is_per_capita(metric: str) -> bool:
    return bool(_PER_CAPITA_METRIC.search(metric))


def usd_estimate(value: float, unit: str | None) -> float | None:
    """`value` in rough US dollars, or None when the unit is no currency of the rate table."""
    rate = ROUGH_UNITS_PER_USD.get(base_unit(unit) or "")
    return None if rate is None else value / rate


# What an income per person is called: not "each grade of the scale gains 4 per cent, plus £800"; "per capita" only
# when the sentence speaks of no spending ("per capita spending by visitors rose to 227,000 yen" is what they spent).
_INCOME = re.compile(r"\bgni\b|\bgross national\b|\bincomes?\b|\bearn\w*", re.IGNORECASE)
_PER_CAPITA = re.compile(r"\bper[\s-]capita\b", re.IGNORECASE)
_SPENDING = re.compile(r"\b(?:spen[dt]\w*|expenditures?|consumption|outlays?|purchases?|emissions?)\b", re.IGNORECASE)


def _income_problem(metric: str, measured: Measured) -> str | None:
    """Income per person (`gni_per_capita`) must be called income, earnings or GNI, or be per capita of no spending."""
    if metric != "gni_per_capita" or _INCOME.search(measured.sentence) \
            or _PER_CAPITA.search(measured.sentence) and not _SPENDING.search(measured.sentence):
        return None
    return (f"nothing in the sentence says «{measured.words}» is income (no 'income', 'GNI', 'per capita', 'earn'): "
            f"metric {metric!r} does not fit; choose other: with a metric_label for what the amount is")


def _per_capita_problem(metric: str, measured: Measured) -> str | None:
    if not is_per_capita(metric) or _PER_CAPITA_CUE.search(measured.sentence) \
            or _PER_CAPITA_CUE.search((measured.unit or "").replace("_", " ")):  # "USD per person", not "GBP per year"
        return None
    return (f"nothing in the sentence says «{measured.words}» is an amount per person (no 'per capita', 'per "
            f"person', 'each'): choose a metric that is not per capita")


def _amount_of_problem(metric: str, measured: Measured) -> str | None:
    """An amount of money followed by what it is an amount of ("£40bn of higher taxes", "$3 trillion
    of debt") is that, not the size of an economy, unless those words are the economy's output
    ("$1.2 trillion of economic output", "of GDP", "of goods and services")."""
    if metric not in ECONOMY_METRICS or measured.span is None:
        return None
    of = _AMOUNT_OF.match(measured.sentence[measured.span[1]:])
    if of is None or _OUTPUT_WORDS.search(of.group("what")):
        return None
    return (f"«{measured.words}» is an amount of «{of.group('what')}», not the size of an economy: metric {metric!r} "
            f"does not fit; choose other: with a metric_label for what it is")


def _scale_problem(metric: str, measured: Measured) -> str | None:
    if measured.unit_class == "percent":
        return _percent_problem(metric, measured)
    if metric == "population" and measured.unit_class == "count" and measured.unit and abs(measured.value) < POPULATION_MIN:
        return (f"«{measured.words}» is too few people to be a place's population: choose the metric of the group "
                f"it counts, or 'other' with a metric_label")
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


@lru_cache(maxsize=4096)
def nouns_in(text: str) -> frozenset[str]:
    """The metric nouns (keys of `NOUNS`) that `text` names (cached: every metric of a number's
    unit class is checked against the same clause and sentence)."""
    text = _COMBINED_TRADE.sub(" trade ", _COMPANY_NAME.sub(" the company ", text))
    return frozenset(name for name, pattern in _NOUN_RE.items() if pattern.search(text))


@lru_cache(maxsize=4096)
def clause_bounds(sentence: str, span: tuple[int, int] | None) -> tuple[int, int]:
    """Where the part of `sentence` between clause breaks that holds [span) starts and ends; the
    whole sentence without a span (cached: every metric of a number's unit class is checked on
    the same clause, by several checks)."""
    if span is None:
        return 0, len(sentence)
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, span[0])), default=0)
    after = _CLAUSE_BREAK.search(sentence, span[1])
    if after and _OF_THEM_ASIDE.match(sentence, after.end()) and (aside_end := _CLAUSE_BREAK.search(sentence, after.end())):
        after = _CLAUSE_BREAK.search(sentence, aside_end.end())  # "132 people, many of them children, died after": the
        # aside, and the verb it stands between
    return start, after.start() if after else len(sentence)


# An aside on a counted group, between the count and its verb: "41 people, many of them pilgrims, died".
_OF_THEM = r"(?:many|most|some|all|several|half|none|both|each|two|three)\s+of\s+(?:them|whom)\b"
_OF_THEM_ASIDE = re.compile(_OF_THEM, re.IGNORECASE)
_ASIDE_AFTER = re.compile(rf",\s+{_OF_THEM}[^,;]{{0,60}},", re.IGNORECASE)


def own_clause(sentence: str, span: tuple[int, int] | None) -> str:
    """The part of `sentence` between clause breaks that holds [span); the sentence without a span."""
    start, end = clause_bounds(sentence, span)
    return sentence[start:end]


# An aside between a subject and its verb: "The index, a gauge of what shoppers pay, slipped 0.2%";
# and a predicate that shares the subject of the clause before ("..., came in below estimates of
# 3.1%, and slowed from 3.3% in May").
ASIDE = re.compile(r"\s*(?:a|an|which|who|whose)\b", re.IGNORECASE)
_PREDICATE = re.compile(r"\s*(?:also\s+|then\s+)?(?:\w{3,}(?<!e)ed|\w{3,}ing|came|rose|fell|grew|was|were|held|stood|hit|"
                        r"slid|sank|shrank)\b(?!\s+(?:is|was|are|were)\b)", re.IGNORECASE)


def own_clauses(measured: Measured) -> list[str]:
    """The number's own clause, then the clause before it when its own names no metric noun
    ("Figures show exports came to 12.4 trillion yuan, a rise of 1.1% on the year"), and when that
    one is an aside or a predicate of the subject before it (`ASIDE`, `_PREDICATE`), the clauses
    before it too, up to the one that holds the subject."""
    start, end = clause_bounds(measured.sentence, measured.span)
    own = measured.sentence[start:end]
    if start == 0 or measured.span is None or nouns_in(own):
        return [own]
    before = clause_before(measured.sentence, start)
    clauses = [own, measured.sentence[slice(*before)]]
    while before[0] > 0 and len(clauses) < 5 and (
            ASIDE.match(clauses[-1]) or _PREDICATE.match(clauses[-1]) and not nouns_in(clauses[-1])):
        before = clause_before(measured.sentence, before[0])
        clauses.append(measured.sentence[slice(*before)])
    return clauses


def clause_before(sentence: str, start: int) -> tuple[int, int]:
    """Where the clause ends and starts that comes before the clause starting at `start`."""
    cut = max((m.start() for m in _CLAUSE_BREAK.finditer(sentence, 0, start) if m.end() == start), default=start - 2)
    return clause_bounds(sentence, (cut, cut))


def subject_clause(measured: Measured) -> str:
    """The number's own clause or, when it only goes on from the clause before it, naming no metric,
    change or other subject of its own ("the economy will grow by 1.3% this year, up from its earlier
    0.9%, and by 1.7% in 2026"), the nearest clause before it that does."""
    start, end = clause_bounds(measured.sentence, measured.span)
    while start > 0 and _goes_on(measured.sentence[start:end]):
        start, end = clause_before(measured.sentence, start)
    return measured.sentence[start:end]


def _goes_on(clause: str) -> bool:
    return bool(_GOES_ON.match(clause)) and not (nouns_in(clause) or _CHANGE_WORDS.search(clause)
                                                 or _OTHER_SUBJECTS.search(clause) or _SHARE_WORDS.search(clause))


def words_up_to(measured: Measured) -> str:
    """The words of the number's own clause before it ("Factory output fell" for 1.2%); the whole
    sentence without a span."""
    if measured.span is None:
        return measured.sentence
    return measured.sentence[clause_bounds(measured.sentence, measured.span)[0]:measured.span[0]]


_WORD_BREAK = re.compile(r"[,;:()]|\band\b|\bbut\b|\bwhile\b")


def nearest_words(measured: Measured, before: int = 3, after: int = 4, in_clause: bool = False) -> str:
    """The number's words with the few words just before and after it, inside its sentence (and,
    with `in_clause`, not past a comma, a bracket or an "and": "two were rescued, one of them hurt")."""
    if measured.span is None:
        return measured.sentence
    head, tail = measured.sentence[:measured.span[0]], measured.sentence[measured.span[1]:]
    if (aside := _ASIDE_AFTER.match(tail)) and not in_clause:
        tail = tail[aside.end():]  # "41 people, many of them pilgrims, died": the words past the aside
    if in_clause:
        head, tail = _WORD_BREAK.split(head)[-1], _WORD_BREAK.split(tail)[0]
    return " ".join([*head.split()[-before:], measured.words, *tail.split()[:after]])


def _noun_problem(metric: str, measured: Measured) -> str | None:
    own = METRIC_NOUN.get(metric)
    if own is None:
        return None
    if metric in NEEDS_OWN_NOUN and own not in nouns_in(measured.sentence) \
            and not (own == "economy" and _ELIDED_OWNER.search(measured.sentence)) \
            and not (own in _OWN_ONLY_RE and _OWN_ONLY_RE[own].search(measured.sentence)):
        what = "what is counted" if measured.unit_class == "count" else "what its own words name"
        return (f"nothing in the sentence of «{measured.words}» is about {own}: metric {metric!r} does not fit; "
                f"choose the metric of {what}")
    if metric in NEEDS_OWN_CLAUSE and not _in_own_clause(own, measured):
        return (f"the words next to «{measured.words}» are not about {own}: metric {metric!r} does not fit; "
                f"a number takes its metric from its own noun")
    if (before := _named_only_before(own, measured)):
        return (f"the words before «{measured.words}» are about {' and '.join(sorted(before))}; metric {metric!r} does "
                f"not fit: a number takes its metric from the noun before it")
    clauses = own_clauses(measured)
    for text in (*clauses, measured.sentence):
        named = nouns_in(text)
        if own in named or (own in _OWN_ONLY_RE and _OWN_ONLY_RE[own].search(text)
                            and not nouns_in(nearest_words(measured)) & OWN_ONLY_UNLESS.get(own, frozenset())):
            return None
        if named and text is clauses[-1] and len(clauses) > 1 and measured.span \
                and own in nouns_in(measured.sentence[:measured.span[0]]):
            return None  # "Unemployment in the region, which has weak growth, stood at 9.5%": an aside between
        if named and text is not clauses[-1] and text in clauses and ASIDE.match(text):
            continue  # the same, with the subject's clause read after the aside (`own_clauses`)
        if named:
            others = " and ".join(sorted(named))
            return (f"the words next to «{measured.words}» are about {others}; metric {metric!r} does not fit: "
                    f"a number takes its metric from its own noun")
    return None


def _named_only_before(own: str, measured: Measured) -> frozenset[str]:
    """The metric nouns the sentence names before the number, when they leave out `own` and its clause
    names `own` only after the number ("the economy ... shrinking by an estimated 0.3% as the country
    was battered by high inflation" is no inflation rate); else nothing."""
    if measured.span is None:
        return frozenset()
    before = nouns_in(measured.sentence[:measured.span[0]])
    if own in before or own not in nouns_in(own_clause(measured.sentence, measured.span)):
        return frozenset()
    if re.match(rf"\s+(?:(?!(?:as|and|or|but|while|with|amid|of|in|on|at|for|after|before|than|since|to|from|by)\b)[a-z]+\s+)?"
                rf"(?:{NOUNS[own]})", measured.sentence[measured.span[1]:], re.IGNORECASE):
        return frozenset()  # the noun the number stands before: "Amid Soaring 70% Inflation", "a 5% annual inflation"
    return before


# The thing a verb moves by the number, written between them: "reducing carbon emissions by 40 percent", "lower US
# emissions by up to 42%".
_MOVED_THING = re.compile(r"\b(?:lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|cut(?:s|ting)?|rais(?:e|es|ed|ing)|boost(?:s|ed|ing)?|"
                          r"increas(?:e|es|ed|ing)|lift(?:s|ed|ing)?|slash(?:es|ed|ing)?|curb(?:s|ed|ing)?)\s+"
                          r"(?P<what>(?:[\w'’-]+\s+){1,4}?)by\s+(?:(?:up\s+to|about|around|nearly|almost|more\s+than|some)\s+)?$",
                          re.IGNORECASE)
_MOVED_RATES = frozenset({"gdp_real_growth", "industrial_output_growth", "manufacturing_growth", "construction_growth",
                          "agriculture_growth", "exports_growth", "imports_growth", "trade_volume_growth", "inflation_rate",
                          "unemployment_rate"})


def _moved_thing_problem(metric: str, measured: Measured) -> str | None:
    """A rate whose verb names the thing it moves, and not the metric's own words: "reducing carbon emissions by 40
    percent" is no growth of industrial output, "lower US emissions by up to 42%" no growth of an economy."""
    if metric not in _MOVED_RATES or measured.span is None:
        return None
    moved = _MOVED_THING.search(measured.sentence, max(0, measured.span[0] - 80), measured.span[0])
    own = METRIC_NOUN[metric]
    if moved is None or _NOUN_RE[own].search(moved["what"]):
        return None
    return (f"«{measured.words}» is how far {moved['what'].strip()} moved, not {own}: metric {metric!r} does not fit; "
            f"choose other: and what moved")


def _in_own_clause(own: str, measured: Measured) -> bool:
    """Whether the number's own clause names `own`, or names nothing and the clause before it does."""
    return any(own in nouns_in(text) for text in own_clauses(measured))


def _subject_problem(metric: str, measured: Measured) -> str | None:
    """An economy's growth whose own clause names no economy, after words about a currency or a market
    ("The yen's depreciation against the dollar, down 6.6% since January": the number is theirs), or
    whose clause names another subject before the number ("private consumption fell by 0.8%",
    "fishing grew 4.7%", "weekly earnings growth has decreased to 5.6%"), or whose clause starts
    with its verb after such a subject ("The growth rate in the mining sector, however, slowed
    down to 5.8%")."""
    if metric != "gdp_real_growth" or measured.span is None:
        return None
    start, end = clause_bounds(measured.sentence, measured.span)
    clause = measured.sentence[start:end]
    if _ECONOMY_WORDS.search(clause) or ("economy" in nouns_in(clause) and not _OTHER_SUBJECTS.search(clause)):
        return None  # "earnings growth has decreased to 5.6%": growth, of earnings
    head = measured.sentence[:measured.span[0]]
    market = list(_MARKET_WORDS.finditer(head))
    economy = list(_NOUN_RE["economy"].finditer(head))
    if _SUBJECTLESS.match(head[start:]) and _subject_first(head):
        start = 0  # "The growth rate in the mining sector, however, slowed to 5.8%": its subject is before
    if market and (not economy or market[-1].start() > economy[-1].start()):
        subject = market[-1].group(0)
    elif found := list(_OTHER_SUBJECTS.finditer(head, start)):
        subject = found[-1].group(0)
    else:
        return None
    return (f"the words before «{measured.words}» are about {subject}, not the economy: metric "
            f"{metric!r} does not fit; a number takes its metric from its own noun")


def _subject_first(head: str) -> bool:
    """Whether the sentence names another subject before it first names the economy ("Household
    spending, which makes up nearly 60% of the economy, rose about 6%")."""
    other, economy = _OTHER_SUBJECTS.search(head), _ECONOMY_WORDS.search(head)
    return other is not None and (economy is None or other.start() < economy.start())


def _price_basis_problem(metric: str, measured: Measured) -> str | None:
    """Real growth is not growth at current prices, and an economy's size at constant prices is not
    its nominal size: the nearest cue before the number decides ("nominal GDP, or GDP at current
    prices, grew at 8.0%" is no real growth; "Real GDP or GDP at constant (2011-12) prices ... Rs
    40.37 lakh crore" is no nominal GDP)."""
    if metric not in ("gdp_real_growth", "gdp_nominal") or measured.span is None:
        return None
    head = measured.sentence[:measured.span[0]]
    cues = [(m.start(), "nominal") for m in _NOMINAL_WORDS.finditer(head)] + [(m.start(), "real") for m in _REAL_WORDS.finditer(head)]
    if not cues:
        return None
    basis = max(cues)[1]
    if metric == "gdp_real_growth" and basis == "nominal":
        return (f"the words before «{measured.words}» speak of nominal GDP, at current prices: metric 'gdp_real_growth' "
                f"is growth at constant prices; use other:nominal_gdp_growth")
    if metric == "gdp_nominal" and basis == "real":
        return (f"the words before «{measured.words}» speak of real GDP, at constant prices: metric 'gdp_nominal' is "
                f"the size at current prices; use other:real_gdp")
    return None


def stated_share(measured: Measured) -> bool:
    """Do the words around the number make it a share of a whole ("makes up about a quarter of its
    sales", "accounting for nearly 60% of the total increase", or a fraction in words of a whole with
    no "by" before it: "more than a sixth of the total")?"""
    if measured.span is None:
        return False
    before, after = measured.sentence[:measured.span[0]], measured.sentence[measured.span[1]:]
    fraction = _FRACTION_WORDS.search(measured.words) and not re.search(r"\bby\s+$", before)
    return bool(_OF_A_WHOLE.match(after) and (fraction or _SHARE_VERB_BEFORE.search(before[-40:])))


def _share_problem(metric: str, measured: Measured) -> str | None:
    """A growth rate whose own clause says what share of a whole the number is and names no change
    ("accounted for 98.3% of its trade", "22% of GDP", odds of "about 1 in 292 million", "between
    20 and 100 per cent of the maximum the law allows"): a share is no change. A share stated around
    the number itself ("a market that makes up about a quarter of its sales") is one even when the
    clause also speaks of growth ("the firm's growth there -- a market that makes up ..."), and is
    no rate of inflation or unemployment either ("accounting for nearly 60% of the total increase")."""
    if measured.unit_class != "percent":
        return None
    stated = stated_share(measured)
    if not (metric.endswith("_growth") or stated and metric in ("inflation_rate", "unemployment_rate")):
        return None
    clause = own_clause(measured.sentence, measured.span)
    after = measured.sentence[measured.span[1]:] if measured.span else ""
    share = _PROPORTION_WORDS.search(measured.words) or _SHARE_WORDS.search(clause) or _OF_A_WHOLE.match(after)
    if share is None or _CHANGE_WORDS.search(clause) and not stated:
        return None
    return (f"«{measured.words}» is a share of a whole («{share.group(0).strip()}»), not a change: metric {metric!r} "
            f"does not fit; choose the metric of what it is a share of, or other: with a metric_label")


# "personnel" and "forces" are also a police force's, a fire service's or a hospital's.
_SERVICES = re.compile(r"\bpolice\b|\bfire(?:fighters?|\s+brigades?|\s+services?)\b|\brescue\b|\bmedical\b|"
                       r"\bhealth\b|\bhospitals?\b|\bemergency\b|\bsecurity\s+staff\b", re.IGNORECASE)


def _names_military(sentence: str) -> bool:
    """Whether the sentence names something military ("personnel" and "forces" not next to a police,
    fire or medical service: "40 personnel" of the Additional Director General of Police are none)."""
    words = {m.group(0).lower() for m in _MILITARY.finditer(sentence)}
    return bool(words - {"personnel", "forces"}) or bool(words) and not _SERVICES.search(sentence)


def _civilian_problem(metric: str, measured: Measured) -> str | None:
    """A weapons or armed-forces metric for a number in a sentence that names nothing military: not
    one about civilian goods or people ("461,538 deliveries" of cars, "1.6 million were fully
    electric cars"), and for troops, defence workers and weapons money ("Rita's 895 mb", "Adjusted
    earnings per share came in at $5.16") not any such sentence. Shells and weapons sent may be
    counted in a sentence that names only the deliveries ("deliveries will now reach 524,000"), not
    in one that names no sending at all ("In total, Swift gave them 149")."""
    if metric not in MILITARY_METRICS | ARMS_MONEY_METRICS or _names_military(measured.sentence):
        return None
    civilian = _CIVILIAN.search(measured.sentence)
    if civilian is None and metric in _TRANSFER_METRICS and _TRANSFER_WORDS.search(measured.sentence):
        return None
    about = f"is about {civilian.group(0)}, and " if civilian else ""
    what = "what the money is" if metric in ARMS_MONEY_METRICS else "what is counted"
    return (f"the sentence of «{measured.words}» {about}names no weapon, army or war: metric {metric!r} does not fit; "
            f"choose other: and {what}")


def _product_problem(metric: str, measured: Measured) -> str | None:
    """An industry's output growth is not a capacity's, a product's deliveries or one product's
    output ("production capacity has increased by 40%", "a 40% surge in deliveries", "output
    climbed by 35 per cent to 1.85 million vehicles")."""
    if metric not in ("industrial_output_growth", "manufacturing_growth"):
        return None
    not_output = _NOT_OUTPUT.search(" ".join(own_clauses(measured)))
    about = _one_product(measured) or (not_output.group(0) if not_output else None)
    if about is None:
        return None
    return (f"«{measured.words}» is about {about}, not an industry's whole output: metric {metric!r} does not "
            f"fit; choose other: and what it measures")


def _one_product(measured: Measured) -> str | None:
    """The product whose output the number measures, when the words say one: "car production slumped 8%",
    "output of steel rose 5%", "climbed by 35 per cent to 1.85 million vehicles"."""
    if measured.span is None:
        return None
    before = words_up_to(measured)
    outputs = list(_LAST_OUTPUT.finditer(before))
    last = outputs[-1] if outputs and not re.search(r"\band\b", before[outputs[-1].end():]) else None  # "more electricity
    # production and cutting farm emissions by 30 percent": the number is of what comes after "and"
    for word in (last.group("head"), *(last.group("of") or "").split()) if last else ():
        if word and _ONE_PRODUCT.match(word):
            return last.group(0)
    after = _TO_PRODUCT.match(measured.sentence[measured.span[1]:])
    return after.group("what") if after else None


def _not_harm_problem(metric: str, measured: Measured) -> str | None:
    """A death and injury toll does not count the missing, the displaced, the evacuated, the trapped or the survivors
    ("11,300 dead and 10,100 missing", "137 were still trapped", "104 survivors", "Hundreds feared dead", "17 people
    killed or missing" together: no casualty figure)."""
    if metric != "casualties" or measured.span is None:
        return None
    found = _NOT_HARMED_AFTER.match(measured.sentence[measured.span[1]:]) or _NOT_HARMED_WORDS.search(measured.words)
    if found is None:
        return None
    return (f"«{measured.words}» counts people {found.group('what')}, not dead or injured: metric {metric!r} does not "
            f"fit; choose other: and what is counted")


# The verb "contract", not a contract of work ("a deal that would have raised pay by 25% over four years").
_CONTRACTION = re.compile(r"\bcontract(?:ed|ing|ions?)\b|\b(?:to|will|would|may|could|might)\s+contract\b|"
                          r"\bcontracts?\s+(?:by\s+|at\s+)?[\d-]|\brecession|\bshr[ai]nk|\bshrunk\b|\bdeclin|\bdownturn|\bnegative growth\b|"
                          r"\bslump|\bfell\b|\bfall", re.IGNORECASE)
_OF_WHAT = re.compile(r"\s+of\s+(?:(?:an?|the|its|their)\s+)?(?:[\w-]+\s+){0,2}[\w-]+")  # "a year of an enforced official rate"


# Words of growth or of an economy's output: a growth rate's sentence has one of them, or a movement.
_GROWTH_WORDS = re.compile(r"\b(?:gr[eo]w|grows|growing|growth|expan|contract|shr[ai]nk|shrunk|rose|rise|rising|"
                           r"fell|fall|declin|increas|decreas|slow|accelerat|rebound|recover|output|gdp|econom|"
                           r"recession|pace|clip|annuali[sz]ed|quarter)", re.IGNORECASE)


def _no_growth_problem(metric: str, measured: Measured) -> str | None:
    """An economy's growth rate is written with growth or the economy around it: a percentage whose
    sentence names neither, and no movement ("structural damage could range from 30% to 50%"), is
    a share of something else."""
    if metric != "gdp_real_growth" or measured.direction is not None or _GROWTH_WORDS.search(measured.sentence):
        return None
    return (f"nothing in the sentence of «{measured.words}» is about growth or an economy: metric {metric!r} does not "
            f"fit; choose other: with a metric_label for what it measures")


# How much of a thing is done, written after the share: "the building was only 30% completed", "45% complete".
_DONE_AFTER = re.compile(r"^\s*(?:of\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?)?(?:(?:was|is|were|are|had\s+been)\s+)?"
                         r"(?P<what>complete|completed|finished|built|done)\b", re.IGNORECASE)


def _completion_problem(metric: str, measured: Measured) -> str | None:
    """A share of the work done ("the building was only 30% completed") is no growth rate."""
    if not metric.endswith("_growth") or measured.unit_class != "percent" or measured.span is None:
        return None
    if done := _DONE_AFTER.match(measured.sentence[measured.span[1]:]):
        return (f"«{measured.words}» is how much is {done.group('what')}, not a growth rate: metric {metric!r} does not "
                f"fit; choose other: with a metric_label for the share done")
    return None


# A margin written just before the number: "its margin slid from -3% to -20%", "an operating margin of 8%".
_MARGIN_BEFORE = re.compile(r"\bmargins?\b[^.;:!?\d]{0,30}$", re.IGNORECASE)
# A tariff's rate, named right before it or within two words after: "a duty of 18%", "the total duty to 47%",
# "a 25% blanket tariff", "a 12% levy".
# ... and a tax's: "corporation tax from 19%", "the basic rate to 19p", "a 1p cut in the basic rate", "the 45% tax rate".
_NAMED_TAX_RATE = r"(?:basic|top|higher|additional|starting)\s+rate"  # a band of income tax
_TARIFF = rf"(?:tariffs?|duty|duties|levy|levies|customs|tax(?:es)?|vat|{_NAMED_TAX_RATE})"
_TARIFF_BEFORE = re.compile(rf"\b{_TARIFF}(?:\s+rates?)?\s+(?:of|at|to|from)\s+(?:(?:up\s+to|about|around|nearly|almost|over)\s+)?$",
                            re.IGNORECASE)
_TARIFF_AFTER = re.compile(rf"^\s*(?:(?!(?:as|even|while|after|before|pre|and|but|when|because|since|despite|though|with|amid|on|in|"
                           rf"of)\b)[\w-]+\s+){{0,2}}?{_TARIFF}\b"
                           rf"|^\s+(?:cut|rise|increase|reduction|hike)\s+in\s+(?:the\s+)?(?:{_NAMED_TAX_RATE}|(?:[a-z]+\s+)?tax\s+rate)\b",
                           re.IGNORECASE)  # not "rose 6% even as tariffs bit", "profit rose 5% before tax", "a 5% rise in tax revenue"


# A sum of money named by what it cost, lost, was spent or is owed, with no word of an economy's size near it:
# "economic damage estimated at $2.3 billion", "visitor spending of $900 million", "a default on its $51 billion debt".
_NOT_ECONOMY = re.compile(r"\b(?:damages?|losses|lost|costs?|costing|impacts?|effects?|benefits?|boost|windfall|spending|spent|expenditures?|revenues?|sales|"
                          r"gmv|gross\s+merchandise\s+(?:value|volume)|turnover|takings|"
                          r"bills?|budgets?|funds?|funding|investments?|aid|compensation|fines?|debts?|loans?|bonds?|"
                          r"deficits?|borrowing|bailout|liabilities|reserves)\b", re.IGNORECASE)  # "its US$51 billion foreign debt"
_ECONOMY = re.compile(r"\b(?:gdp|gross\s+domestic\s+product|economy|economies|output)\b", re.IGNORECASE)


def _economy_size_problem(metric: str, measured: Measured) -> str | None:
    """A nominal GDP is an economy's size: money named by a cost, loss or spending near it is another sum."""
    if metric != "gdp_nominal" or measured.unit_class != "currency":
        return None
    near = nearest_words(measured, 6, 4)
    if _ECONOMY.search(near) or not (cue := _NOT_ECONOMY.search(near)):
        return None
    return (f"«{measured.words}» is a sum of {cue.group(0).lower()}, not the size of an economy: metric {metric!r} does "
            f"not fit; choose other: with a metric_label for what the money is")


# A price on a market moving: "shares fell 17% on Monday", "the Nasdaq slid 3%", "wiping $200 billion off its market cap".
_MARKET = re.compile(r"\b(?:shares?|stocks?|market\s+(?:cap|capitali[sz]ation|value)|nasdaq|s&p|dow|ftse|nikkei|dax|"
                     r"hang\s+seng|sell-?off|share\s+price|stock\s+price)\b", re.IGNORECASE)


def _market_move_problem(metric: str, measured: Measured) -> str | None:
    """A percentage move in a sentence about shares, an index or a market value, with no word of an economy or
    its output, is a market's move, not an economy's growth or a trade flow's."""
    if not metric.endswith("_growth") or measured.unit_class != "percent" or not _MARKET.search(measured.sentence) \
            or _ECONOMY.search(measured.sentence):
        return None
    return (f"«{measured.words}» moves a price on a market, not an economy: metric {metric!r} does not fit; choose "
            f"other: with a metric_label for that price")


# What a business sells or earns: a growth of these is a company's or a trade's, not an economy's.
_SALES = re.compile(r"\b(?:gmv|gross\s+merchandise\s+(?:value|volume)|sales|revenues?|turnover|takings|orders|profits?|earnings)\b",
                    re.IGNORECASE)


def _sales_growth_problem(metric: str, measured: Measured) -> str | None:
    """A percentage after words of sales, revenue or profit, in a sentence with no word of an economy or its output, is a
    business's growth, not the economy's ("the GMV on its platform was $54.6 billion ..., up 28% from 2020")."""
    if metric != "gdp_real_growth" or measured.unit_class != "percent" or measured.span is None \
            or not (cue := _SALES.search(measured.sentence[:measured.span[0]])) or _ECONOMY.search(measured.sentence):
        return None  # a sale named after the number is a cause ("a 1% increase in 2024, thanks to its arms sales")
    return (f"the sentence of «{measured.words}» is about {cue.group(0).lower()}, not an economy: metric {metric!r} does "
            f"not fit; choose other: with a metric_label for what grew")


def _margin_or_tariff_problem(metric: str, measured: Measured) -> str | None:
    """A margin (profit as a share of revenue) is no growth or inflation rate, and a tariff's or tax's rate no rate of
    the vocabulary at all, whatever the sentence's other words ("the shipbuilder ..., as its margin slid from -3% to
    -20%", "a 12% levy on top of", "the 25% tariff the bloc already pays")."""
    if metric == "other" or measured.span is None:
        return None
    growth = metric.endswith("_growth") or metric == "inflation_rate"
    before, after = measured.sentence[:measured.span[0]], measured.sentence[measured.span[1]:]
    if growth and _MARGIN_BEFORE.search(before):
        return (f"«{measured.words}» is a margin, not a growth rate: metric {metric!r} does not fit; choose other: with a "
                f"metric_label for the margin")
    if measured.unit_class == "percent" and (_TARIFF_BEFORE.search(before) or _TARIFF_AFTER.match(after)):
        return (f"«{measured.words}» is the rate of a tariff or tax, which no metric of the vocabulary measures: metric "
                f"{metric!r} does not fit; choose other: with a metric_label for the tariff or tax")
    return None


def _unnamed_rate_problem(metric: str, measured: Measured) -> str | None:
    """A rate of `NEEDS_OWN_NOUN_UNLESS_CARRIED` whose sentence names neither it nor a subject carried over."""
    own = METRIC_NOUN.get(metric)
    if metric not in NEEDS_OWN_NOUN_UNLESS_CARRIED or own in nouns_in(measured.sentence) \
            or _CARRIED_SUBJECT.match(measured.sentence):
        return None
    return (f"nothing in the sentence of «{measured.words}» is about {own}: metric {metric!r} does not fit; "
            f"choose the metric of what its own words name")


# A rate's target, not the rate: "the Fed's 2% target", "an inflation target of 2%", "a 5% growth goal".
_TARGET_AFTER = re.compile(r"^\s*(?:\w+\s+)?(?:target|goal|objective|ceiling)\b", re.IGNORECASE)
_TARGET_BEFORE = re.compile(r"\b(?:target|goal|objective|ceiling)(?:\s+(?:rate|level|range))?\s+"
                            r"(?:of|at|is|was|near|around)\s+(?:(?:about|around|near|roughly|below|under|just)\s+)?$",
                            re.IGNORECASE)
# ... unless the rate is said to be at it: "met the MPC's 2 per cent target", "held steady at the BOE's target of 2%".
_AT_TARGET = re.compile(r"\b(?:at|hit|hits|reached|reaches|returned to|back to|fell to|dropped to|eased to|rose to|"
                        r"met|meets|matched|matches|in line with)\s+(?:(?:the|its|their|[\w.]+['’]s)\s+)*"
                        r"(?:target\s+of\s+)?$", re.IGNORECASE)


def _target_problem(metric: str, measured: Measured) -> str | None:
    """A rate's target is no measured rate ("toward the Fed's 2% target", "a growth target of 5%"),
    unless the rate is said to be at it (`_AT_TARGET`)."""
    if METRIC_UNIT_CLASS.get(metric) != "percent" or measured.span is None:
        return None
    head = measured.sentence[:measured.span[0]]
    if not (_TARGET_AFTER.match(measured.sentence[measured.span[1]:]) or _TARGET_BEFORE.search(head)) \
            or _AT_TARGET.search(head):
        return None
    return (f"«{measured.words}» is a target, not a measured figure: metric {metric!r} does not fit; "
            f"choose other: with a metric_label such as {metric.removesuffix('_rate')}_target")


def _policy_rate_problem(metric: str, measured: Measured) -> str | None:
    """A central bank's rate, or its change, is none of the vocabulary's rates: "a sizable half-point
    rate cut", "the benchmark rate at 5.25%" (unless the number's nearest words also name the metric's
    own noun)."""
    own = METRIC_NOUN.get(metric)
    if METRIC_UNIT_CLASS.get(metric) != "percent" or own is None:
        return None
    near = nouns_in(nearest_words(measured, 3, 4, in_clause=True))
    if own in near or "interest rates" not in near and not _rate_named_nearer(own, measured):
        return None
    return (f"the words next to «{measured.words}» are about interest rates: metric {metric!r} does not fit; "
            f"choose other: with a metric_label for the rate or its change")


_STEP = re.compile(r"\bby\s+[\d.,]+\s*(?:basis\s+points?|percentage\s+points?|points?|bps|%|percent|per\s+cent)\s+(?=to\b)",
                   re.IGNORECASE)


def _rate_named_nearer(own: str, measured: Measured) -> bool:
    """Just before the number, past no other number or new clause, its sentence names a central bank's
    rate, later than the metric's own noun: "to curb inflation, the bank lifted its key policy rate,
    taking it up by 500 basis points" (not "... since it began raising interest rates, and is
    expected to reach 9%")."""
    if measured.span is None:
        return False
    before = measured.sentence[:measured.span[0]]
    rate = [m.end() for m in _NOUN_RE["interest rates"].finditer(before)]
    named = [m.end() for m in _NOUN_RE[own].finditer(before)]
    if not rate or max(rate) < max(named, default=-1):
        return False
    between = _STEP.sub(" ", before[max(rate):])  # "lifting it by 500 basis points to 50 percent": the same rate
    return len(between) <= 40 and not re.search(r"\d|;|\b(?:and|but|while|whereas)\b", between)


_CROWD = re.compile(r"\bgather|\bcrowds?\b|\battend|\bdevotees\b|\bpilgrims\b|\bspectators\b|\bprotesters\b|"
                    r"\bpermitted\b|\ballowed\b|\bcapacity\b|\bcongregat|\brall(?:y|ies)\b|\bturnout\b|\bvisitors\b",
                    re.IGNORECASE)

_WORKING = re.compile(r"\b(?:working|employed|employs|employing|work(?:ed|s)?\s+(?:on|at|for))\b", re.IGNORECASE)


def _crowd_problem(metric: str, measured: Measured) -> str | None:
    """People gathered, attending or allowed in are a crowd, not a place's population ("a gathering of
    2.5 lakh people", "only 80,000 being permitted"); people working on or for something are a workforce
    ("some 2,500 people have worked on the dam for years")."""
    if metric != "population":
        return None
    near = nearest_words(measured, 4, 4, in_clause=True)
    if _WORKING.search(near):
        return (f"«{measured.words}» counts people at work on or for something, not those who live somewhere: metric "
                f"{metric!r} does not fit; choose other: with a metric_label such as workforce")
    if not _CROWD.search(near):
        return None
    return (f"«{measured.words}» counts people at one place or event, not those who live there: metric {metric!r} "
            f"does not fit; choose other: with a metric_label such as attendance")


# The people a toll is broken down into: "121 lives, of whom 108 were women", "121 people - 113
# women, seven children and one man", "killed 40, including 12 children".
_GROUP_AFTER = re.compile(r"^\s*(?:(?:of\s+(?:them|whom)\s+)?(?:were|are|was)\s+)?(?:[a-z-]+\s+)?"
                          r"(?P<group>women|men|children|girls|boys|minors|infants|babies|teenagers|students|pilgrims|"
                          r"devotees|foreigners|tourists|soldiers|officers|civilians|elderly)\b", re.IGNORECASE)


_DIED = re.compile(r"\b(?:died|deaths?|dead|killed|fatalities|perished|lost their lives)\b", re.IGNORECASE)
_INCLUDING_PART = re.compile(r"\b(?:including|among them|of whom|of which)\s+(?:(?:nearly|almost|about|around|some|over|more than)\s+)?$",
                             re.IGNORECASE)


def _toll_population_problem(metric: str, measured: Measured) -> str | None:
    """A number set after "including" in a sentence about deaths is part of the toll, not a population:
    "floods killed 2,300 people, including about 400 in the capital"."""
    if metric != "population" or measured.span is None or not _DIED.search(measured.sentence) \
            or not _INCLUDING_PART.search(measured.sentence[max(0, measured.span[0] - 40):measured.span[0]]):
        return None
    return (f"«{measured.words}» is part of the deaths its sentence counts, not a population: metric {metric!r} "
            f"does not fit; choose casualties or other: with a metric_label for that part")


def _toll_part_problem(metric: str, measured: Measured) -> str | None:
    """A group counted after a larger toll in its sentence is a part of that toll, not the toll:
    "121 lives, of whom 108 were women" (a total before it, then its breakdown by group)."""
    if metric != "casualties" or measured.span is None:
        return None
    noun = measured.words.split()[-1] if len(measured.words.split()) > 1 else ""  # "113 women"
    group = _GROUP_AFTER.match(f" {noun}") or _GROUP_AFTER.match(measured.sentence[measured.span[1]:measured.span[1] + 40])
    larger = [n for n in find_numbers(measured.sentence[:measured.span[0]])
              if n.value > measured.value and not re.fullmatch(r"(?:19|20)\d\d", n.text)]  # not "in 2013"
    if group is None or not larger:
        return None
    total = max(larger, key=lambda n: n.value)
    return (f"«{measured.words}» counts the {group['group'].lower()} among a larger toll ({total.text}), a part "
            f"of it: metric {metric!r} does not fit; choose other: with a metric_label for that part "
            f"(such as deaths_{group['group'].lower()})")


def _streak_problem(metric: str, measured: Measured) -> str | None:
    """Years of contraction need a contraction in the sentence: "328 shows spread across five
    years" is no downturn; nor are years the words after them give to something else ("The pound fell to a record
    low, after more than a year of a fixed rate")."""
    after = measured.sentence[measured.span[1]:] if measured.span else ""
    if metric != "consecutive_contraction_years" or _CONTRACTION.search(measured.sentence) and not (
            (of := _OF_WHAT.match(after)) and not _CONTRACTION.search(of.group(0))):
        return None
    return (f"«{measured.words}» counts no contraction or recession: metric {metric!r} does not fit; "
            f"choose other: and what lasted that long")


# Casualties count anyone, but not the places, vehicles or things around them ("the dead came from more than 10 countries"),
# nor those who fell ill ("33 hospitalizations", "57 cases" in an outbreak that also killed nine).
_NOT_CASUALTIES = frozenset({"country", "nation", "province", "region", "state", "city", "town", "village", "district",
                             "county", "home", "house", "building", "vehicle", "car", "hospital", "site", "day", "hour",
                             "case", "illness", "illnesse", "infection", "hospitalization", "hospitalisation",
                             "train", "coach", "carriage", "bogie", "plane", "aircraft", "jet", "flight", "helicopter", "bus",
                             "truck", "lorry", "ship", "boat", "vessel", "ferry",  # "when three trains collided"
                             "species", "fish", "bird", "animal", "cattle", "livestock", "sheep", "cow", "pig", "chicken",
                             "mammal", "turtle", "dolphin", "whale", "tree"})  # "12 different species" of fish killed


def _years_problem(metric: str, measured: Measured) -> str | None:
    """A toll or a population counts people, never years: "whose ages ranged from 27 to 56" are ages."""
    if metric not in ("casualties", "population") or measured.unit != "years":
        return None
    return (f"«{measured.words}» is in years, an age or a length of time, not a count of people: metric {metric!r} "
            f"does not fit; choose other: age, or what lasted that long")


def _counted_problem(metric: str, measured: Measured) -> str | None:
    noun = counted_noun(measured.unit) if measured.unit_class == "count" else None
    if noun is None or not (metric in COUNTED and noun not in COUNTED[metric]
                            or metric == "casualties" and noun in _NOT_CASUALTIES):
        return None
    return (f"«{measured.words}» counts {measured.unit.replace('_', ' ')}, and {metric!r} does not count them: "
            f"choose the metric of what is counted, or other: and what was counted")


# A bare number that is the reading of an index, score or rating just named before it ("an air quality index of
# 413", "Detroit's AQI hit 162", "a safety rating of 4"): a level on a scale, which counts nothing.
_READING_BEFORE = re.compile(r"\b(?:index|indices|indexes|AQI|score|scores|rating|ratings|reading|readings)\b"
                             r"(?:\s+\([^()]{1,12}\))?(?:\s+[a-z]+){0,3}?\s+$", re.IGNORECASE)


def _reading_problem(metric: str, measured: Measured) -> str | None:
    """A bare number read off an index or a score named just before it in its clause takes no count metric."""
    if METRIC_UNIT_CLASS.get(metric) != "count" or measured.unit is not None or measured.span is None \
            or not _READING_BEFORE.search(measured.sentence, clause_bounds(measured.sentence, measured.span)[0], measured.span[0]):
        return None
    return (f"«{measured.words}» is the reading of an index or score, a level on a scale that counts nothing: metric "
            f"{metric!r} does not fit; choose other: with a metric_label for the index")


# The ends of a change written as bare whole numbers ("from 1,820 in 2019 to 1,913 now"): a count moved, not an economy.
_BARE_COUNT = r"\d{1,3}(?:,\d{3})*(?![.,]?\d)(?!\s*(?:%|per\b|percent|pc\b|[a-z]*illion|bn|tn|trn|m\b))"
_COUNT_ENDS = re.compile(rf"\bfrom\s+{_BARE_COUNT}[^.;%$€£¥]{{0,30}}?\bto\s+{_BARE_COUNT}", re.IGNORECASE)


def _count_growth_problem(metric: str, measured: Measured) -> str | None:
    """A growth rate whose sentence names no economy and gives the change's ends as bare counts ("up 5.1%
    from 1,820 in 2019 to 1,913 this year") is the growth of what those count, not of an economy."""
    if metric != "gdp_real_growth" or _ECONOMY_WORDS.search(measured.sentence) or not _COUNT_ENDS.search(measured.sentence):
        return None
    return (f"«{measured.words}» is the change of a count whose ends the sentence gives, not an economy's growth: metric "
            f"{metric!r} does not fit; choose other: and what grew")


# Animals and plants counted: their "population" is no place's population of people.
_WILDLIFE = (r"(?:tigers?|lions?|leopards?|elephants?|rhinos?|rhinoceros(?:es)?|wol(?:f|ves)|bears?|birds?|fish|whales?|dolphins?|"
             r"bees?|deer|pandas?|gorillas?|chimpanzees?|orangutans?|cheetahs?|jaguars?|koalas?|turtles?|seals?|penguins?|"
             r"salmon|cod|bison|moose|elk|butterfl(?:y|ies)|bats?|frogs?|sharks?|crocodiles?|monkeys?|horses?|cattle|sheep|"
             r"goats?|pigs?|chickens?|rats?|mosquito(?:e)?s?|locusts?|animals?|wildlife|species|insects?|plants?|trees?|"
             r"vultures?|eagles?|owls?|otters?|beavers?|foxes|fox|hares?|rabbits?|camels?|giraffes?|zebras?|hippos?|"
             r"buffalo(?:e)?s?|antelopes?|gazelles?|lynx(?:es)?|pumas?|cougars?|hyenas?|stags?|swans?|geese|ducks?)")
_WILDLIFE_POPULATION = re.compile(rf"\b{_WILDLIFE}(?:['’]s?)?\s+populations?\b|\bpopulations?\s+of\s+(?:wild\s+)?{_WILDLIFE}\b",
                                  re.IGNORECASE)
_PEOPLE_WORDS = re.compile(r"\b(?:people|residents|inhabitants|citizens|humans?)\b", re.IGNORECASE)


def _wildlife_problem(metric: str, measured: Measured) -> str | None:
    """The population the sentence speaks of is of animals ("the lynx population in Spain was 1,668"), and it
    names no people: no population; nor is a change of wild populations, in a sentence that names no economy, an
    economy's growth ("22% and 31% falls show older losses, with some bird populations steady")."""
    if metric == "gdp_real_growth" and _WILD_THINGS.search(measured.sentence) and not _PEOPLE_WORDS.search(measured.sentence) \
            and "economy" not in nouns_in(measured.sentence):
        return (f"«{measured.words}» is a change in wild populations, not an economy's growth: metric {metric!r} does not "
                f"fit; choose other: with a metric_label for what changed")
    if metric != "population" or not _WILDLIFE_POPULATION.search(measured.sentence) or _PEOPLE_WORDS.search(measured.sentence):
        return None
    return (f"«{measured.words}» counts animals, not a place's people: metric {metric!r} does not fit; choose other: and "
            f"the animals counted")


_WILD_THINGS = re.compile(rf"\b(?:populations?|ecosystems?|habitats?|{_WILDLIFE})\b", re.IGNORECASE)


MILITARY_METRICS = frozenset({"arms_transfers", "artillery_shells_transferred", "missiles_transferred",
                              "military_personnel", "defense_sector_workers"})
ARMS_MONEY_METRICS = frozenset({"arms_sales_revenue", "munitions_sales_value", "weapon_unit_cost"})
_MILITARY = re.compile(
    r"\b(?:weapons?|arms|armed|arsenals?|military|militar\w*|army|armies|troops?|soldiers?|servicem[ae]n|shells?|"
    r"missiles?|rockets?|ammunition|munitions?|artillery|rounds|drones?|tanks?|howitzers?|defen[cs]e|war|warfare|"
    r"combat|battle\w*|front\s?lines?|invasion|navy|naval|air force|fighter|bombs?|guns?|rifles?|launchers?|"
    r"warheads?|ballistic|mobili[sz]\w*|conscripts?|mercenar\w*|personnel|forces|armou?red)\b", re.IGNORECASE)
_CIVILIAN = re.compile(
    r"\b(?:cars?|vehicles?|evs?|electric|automobiles?|sedans?|suvs?|smartphones?|phones?|laptops?|computers?|chips?|"
    r"homes?|houses?|apartments?|passengers?|tourists?|visitors?|customers?|subscribers?|users?|students?|"
    r"patients?|babies|births?|voters?|fans?|shoppers?|buyers?)\b|\bModel\s+[A-Z0-9]\b", re.IGNORECASE)
_NOT_OUTPUT = re.compile(r"\bcapacity\b|\bcapacities\b|\bdeliver(?:y|ies|ed)\b|\bsales\b|\bsold\b", re.IGNORECASE)
_PRODUCT = (r"(?:cars?|vehicles?|evs?|automobiles?|trucks?|smartphones?|phones?|chips?|shells?|rounds|missiles?|"
            r"oil|steel|coal|crude|barrels?|tonnes?|tons?|units|electricity|power|energy|gas|nuclear|wind|solar|grain|wheat|"
            r"rice|corn|maize|milk|wine|coffee|cocoa|sugar|gold|copper|cement)")
# The output a growth rate is about: the last "production" or "output" before the number, with the
# words that say whose ("car production", "output of steel", "factory output").
_LAST_OUTPUT = re.compile(r"(?:\b(?P<head>\w+)\s+)?\b(?:production|output)\b(?:\s+of\s+(?P<of>\w+(?:\s+\w+)?))?",
                          re.IGNORECASE)  # "output of steel", "production of cocoa beans"
_ONE_PRODUCT = re.compile(rf"^{_PRODUCT}$", re.IGNORECASE)
_TO_PRODUCT = re.compile(rf"^\s+to\s+[\d.,]+(?:\s+(?:million|billion|thousand))?\s+(?:\w+\s+)?(?P<what>{_PRODUCT})\b",
                         re.IGNORECASE)  # "climbed by 35 per cent to 1.85 million vehicles"
# People a clause after them picks out, with no comma ("the 4,200 residents of Bruges who applied"): some of them.
_RESTRICTED_AFTER = re.compile(r"^\s*(?:(?:people|residents|citizens|inhabitants|persons)\s+)?(?:of\s+(?:the\s+)?"
                               r"(?:[A-Z][\w.'’-]*\s+){1,3})?who\s+(?!live|lived|living|reside|resided|call)\w+")
# People "around the world" fewer than a billion are some of the world's people, not its population.
WORLD_POPULATION_MIN = 1e9
_AROUND_THE_WORLD = re.compile(r"^\s*(?:people\s+)?(?:(?:around|across|throughout)\s+the\s+(?:world|globe)|worldwide|globally)\b",
                               re.IGNORECASE)
_PLIGHT_AFTER = re.compile(
    r"^\s*(?:of\s+(?:its|their|the|his|her)\s+)?(?:people\s+|persons\s+|residents\s+|customers\s+)?"
    r"(?:(?:globally|worldwide|in\s+\d{4}|in\s+the\s+world)\s+)*"
    r"(?:(?:are|were|remain|remained|still|now|had\s+been|have\s+been|(?:had|have|has)\s+to\s+be|will\s+be|"
    r"was|being)\s+)*(?:left\s+)?(?P<what>without\b[\w\s]{0,20}|in\s+the\s+dark|affected|evacuated|displaced|stranded|"
    r"living\s+with|suffering\s+from|struggling\s+with|diagnosed\s+with|"
    r"with\s+(?!(?:a|an|the|its|their|his|her|some|many|most|no|more|less|fewer|over|about|nearly)\b)[a-z][\w-]*|"
    r"homeless|injured|missing|killed|dead|trapped|in\s+need|in\s+shelters|under\s+evacuation\s+orders?|"
    r"(?:sought|took|taking|seeking|found)\s+shelter|fled|had\s+fled|attended|came\s+to|watched|visited|flocked|"
    r"turned\s+out|(?:(?:ordered|told|forced)\s+)?to\s+(?:flee|leave|evacuate)|fleeing|"
    r"(?:eligible|registered)(?:\s+to\s+vote)?|voted|cast\s+(?:their\s+)?(?:ballots?|votes?)|went\s+to\s+the\s+polls|"
    r"on\s+board|aboard|on\s+(?:the|that|this|a)\s+(?:plane|flight|aircraft|jet|airliner|ship|boat|vessel|bus|train|ferry|"
    r"helicopter)\b)",
    re.IGNORECASE)
# ... or something that happened to the people counted, or that they did: "30,000 people in the UK were
# infected", "1,250 people with bleeding disorders developed HIV", "46,000 people took part" (not the verbs
# of a population: "26 million people live in", "people are living in").
_PEOPLE_EVENT_AFTER = re.compile(
    r"^\s*(?:of\s+(?:these|those|the|them)\s+)?(?:people\s+|persons\s+)?(?:(?:in|from|across)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*|[a-z]+)"
    r"(?:\s+(?:and|[a-z]+s|[A-Z][\w.'’-]*)){0,3}\s+)?"  # "in three provinces and Laos rely"
    r"(?:with\s+(?:[a-z-]+\s+){1,3}?)?(?!(?:[^.;,]*\b(?:live|lives|lived|living|inhabit\w*|resid\w*|population)\b))"
    r"(?P<what>(?:were|was|are|have|had|has|will|would|could|may|might|must|took|died|fell|went|came|got|lost|left|"
    r"became|hit|saw|made|ran|sat|stood|bought|sold|spent|paid|met|won|sent|held|kept|felt|found|gave|told|"
    r"use|used|uses|visit|watch|play|buy|own|rely|depend|subscribe|commute|face|lack|[a-z]{3,}ed|[a-z]{3,}ing)\b)")
# "250,000 people filling the square", "14 million people hit the site", "3 million people use the app"
# ... or the population named right before them: "the population milestone of 8 billion people", "a population of
# about 4 million people"
_POPULATION_NAMED_BEFORE = re.compile(r"\bpopulation\s+(?:[a-z]+\s+)?(?:of|at|to|reached|hit|passed|topped)\s+"
                                      r"(?:(?:about|some|nearly|roughly|almost|over|around|more\s+than|an\s+estimated)\s+)?$",
                                      re.IGNORECASE)
_OWNER_BEFORE = re.compile(r"(?:\b(?:its|their|whose)|[A-Z][\w.-]*['’]s?)\s+(?:(?:about|some|nearly|roughly|almost|over)\s+)?$")  # "its 1.66 million people"
# ... or the audience they made: "a global audience of 1.2 billion people", "watched by 31 million people", "a footfall
# of more than 63 crore people" (a crowd
# at a place is `_crowd_problem`'s).
_AUDIENCE_BEFORE = re.compile(r"\b(?P<what>audiences?|viewers|viewership|watched\s+by|among|crew|staff|workforce|"
                              r"seen\s+by|reached\s+by|visited\s+by|visitors?|attended\s+by|attendance|footfalls?|guests|spectators)\b[^.;,]{0,25}?\s+(?:(?:of|by)\s+)?(?:(?:about|some|over|nearly|almost|"
                              r"around|more\s+than|at\s+least|an\s+estimated)\s+)?$", re.IGNORECASE)
# ... or those named among them: "A total of 1,500 people, including the emperor and the prime minister, attended"
_GATHERING_AFTER = re.compile(r"^\s*,\s+(?P<what>including|among\s+them)\s")
# ... or the plight written before them: "the evacuation of over 25,000 residents", "forced 8,000 people", "an outbreak
# affected nearly 100,000 people".
_PLIGHT_BEFORE = re.compile(r"\b(?P<what>evacuation|evacuating|evacuated|displacement|displacing|displaced|forced|"
                            r"(?:queued|stuck|be|were|was|are|is|stood|waited)\s+behind|(?:in\s+(?:a\s+)?)?queue\s+(?:of|behind)|"
                            r"defraud(?:ed|ing)|cheat(?:ed|ing)|scamm(?:ed|ing)|dup(?:ed|ing)|"
                            r"forcing|ordered|ordering|rescued|rescuing|stranding|stranded|affected|affecting|infected|"
                            r"(?:an?\s+)?impact\s+on|benefit(?:s|ed|ing|ting)?|"
                            r"infecting|sickened|sickening|killed|killing|injured|injuring|buried|burying|trapped|trapping|"
                            r"(?:claimed|claiming|took|taking|cost|costing|threaten(?:s|ed|ing)?|sav(?:e|es|ed|ing))\s+the\s+lives)\s+"
                            r"(?:of\s+)?(?:the\s+)?"
                            r"(?:(?:about|some|over|nearly|almost|around|roughly|more\s+than|at\s+least|up\s+to)\s+)?$",
                            re.IGNORECASE)
# ... or a toll the clause counts them as: "the number of deaths during the pilgrimage totalled 1,301 people", "the
# number of victims could reach 500".
_TOLL_BEFORE = re.compile(r"\b(?P<what>deaths?|dead|death\s+toll|toll|fatalities|casualties|victims|injur\w+)\b[^.;,]{0,60}?"
                          r"\b(?:(?:could|may|might|would|will)\s+(?:reach|rise\s+to|climb\s+to|top|exceed)|"
                          r"totall?ed|totals?|reached|rose\s+to|climbed\s+to|stood\s+at|hit|was|were|is|are)\s+"
                          r"(?:(?:about|some|over|nearly|almost|around|more\s+than|at\s+least)\s+)?$", re.IGNORECASE)
# The people of a trial or study: "3,417 randomized obese or overweight people", "enrolled 3,400 patients".
_TRIAL_AFTER = re.compile(r"^\s+(?:of\s+(?:the\s+)?[\d,]+\s+)?(?:[a-z-]+\s+){0,3}?"
                          r"(?P<what>randomi[sz]ed|enrolled|participants|patients|volunteers)\b",
                          re.IGNORECASE)
_TRIAL_BEFORE = re.compile(r"\b(?P<what>randomi[sz]ed|randomi[sz]ing|enrolled|enrolling|recruited|recruiting|involving|"
                           r"surveyed|surveying|measurements\s+of|data\s+(?:on|from)|analy[sz]ed|analy[sz]ing|"
                           r"(?:analysis|sample|cohort|survey)\s+of|stud(?:y|ied|ying)(?:\s+(?:of|on|in))?|tracked|tracking|"
                           r"looked\s+at|looking\s+at|examined|examining)\s+"
                           r"(?:(?:about|some|over|nearly|almost|around|roughly|approximately|more\s+than)\s+)?$",
                           re.IGNORECASE)
_NOT_HARMED_AFTER = re.compile(
    r"^\s*(?:people\s+|persons\s+|others\s+|residents\s+)?(?:(?:are|were|remain|remained|still|reported|listed|"
    r"as)\s+)*(?:[a-z]+ly\s+)?(?:(?:killed|dead|died)\s+(?:or|and)\s+)?(?P<what>missing|unaccounted|displaced|homeless|evacuated|rescued|affected|stranded|trapped|"
    r"survived|survivors|feared\s+(?:dead|killed|drowned|missing|trapped|lost))\b",
    re.IGNORECASE)  # "104 were successfully rescued"
# ... nor when the scanned words name them survivors: "104 survivors".
# (not "missing" in the words: gold sets accept "The six people missing" or "79 people are dead/missing" as a toll; nor
# "evacuated": "17 people evacuated ... were injured")
_NOT_HARMED_WORDS = re.compile(r"\b(?P<what>survivors)\b", re.IGNORECASE)
_ECONOMY_WORDS = re.compile(r"\bgdp\b|\bgross domestic product\b|\beconom(?:y|ies)\b|\beconomic (?:output|activity)\b",
                            re.IGNORECASE)
# What else a percentage change in a sentence about the economy may measure ("the yen fell 6.6%",
# "a drop in investments of 2.1%"): a clause that names one of these is not the economy's growth.
_OTHER_SUBJECTS = re.compile(
    r"\b(?:invest\w*|consum\w*|spending|production|services|construction|manufactur\w*|industr\w*|wages?|"
    r"prices?|jobs?|employment|profits?|earnings|shares?|stocks?|index|indices|yen|dollar|euro|pound|sterling|"
    r"currency|yields?|bonds?|oil|population|debt|deficit|budget|reserves|remittances|sector|segment|fish\w*|mining|forestry|tourism|"
    r"retail|utilit\w*|electricity|harvests?|crops?|grain|rice|wheat|births?|babies|newborns|marriages?|divorces?|deaths?|gva|"
    r"gross value added|funds?|portfolios?|assets|revenues?|sales)\b",
    re.IGNORECASE)
# A clause that starts with its verb (after a connective): its subject is in the clause before.
_SUBJECTLESS = re.compile(r"^\W*(?:(?:however|also|meanwhile|though|instead|then|further)\W+)*"
                          r"(?:[a-z]+ed|grew|rose|fell|shrank|was|were|stood|came|jumped|eased|dipped|slid|sank)\b")
_NOMINAL_WORDS = re.compile(r"\bnominal\b|\bcurrent(?:\s+market)?\s+prices\b", re.IGNORECASE)
_REAL_WORDS = re.compile(r"\breal\s+(?:gdp|gross|terms|growth|economic)\b|\bconstant\s+(?:\(?[\d-]+\)?\s+)?prices\b|"
                         r"\binflation-adjusted\b", re.IGNORECASE)
_MARKET_WORDS = re.compile(r"\b(?:yen|dollar|euro|pound|sterling|currency|currencies|shares?|stocks?|index|indices|"
                           r"yields?|bonds?|oil|gold|bitcoin|nikkei)\b", re.IGNORECASE)
_CHANGE_WORDS = re.compile(
    r"\bgr[eo]w|\bgrowth\b|\bexpan|\bcontract|\bshr[ai]nk|\bshrunk\b|\bfell\b|\bfall|\bdecline|\bdrop|\brose\b|"
    r"\brise|\bslump|\bdip|\bincrease|\bdecrease|\brecession\b", re.IGNORECASE)
_FRACTION_WORDS = re.compile(r"\b(?:half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b",
                             re.IGNORECASE)  # "a sixth", "two-thirds"
_PROPORTION_WORDS = re.compile(r"\w\s+(?:in|out\s+of)\s+(?:every\s+)?\w", re.IGNORECASE)  # "1 in 292 million", "one out of five"
_SHARE_VERBS = r"account(?:s|ed|ing)?\s+for|ma(?:de|kes?|king)\s+up"  # "accounted for 98.3%", "makes up a quarter"
_SHARE_WORDS = re.compile(
    r"\bof (?:the |its |their |\w+['’]s )?(?:gdp|economy|gross domestic product|output|total)\b|"
    rf"\b(?:{_SHARE_VERBS})\b|\bshare\b|\bratio\b", re.IGNORECASE)
_SHARE_VERB_BEFORE = re.compile(rf"\b(?:{_SHARE_VERBS}|represent(?:s|ed|ing)?)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_OF_A_WHOLE = re.compile(r"^\s+of\s+(?:the|its|their|an?|all|that|this|these|those|it|them|\w+['’]s)\b",
                         re.IGNORECASE)  # "60% of the ...", "around 14% of that was spent on"
# How a clause that only goes on from the one before begins: "up from", "compared with", "and by".
_GOES_ON = re.compile(r"\W*(?:(?:up|down)\s+from|from|compared\s+(?:with|to)|against|versus|vs\.?|by)\b", re.IGNORECASE)
_CHANGE_NAME = {"growth", "change", "contraction", "decline", "expansion", "shrinkage", "drop", "fall"}
_ECONOMY_CHANGE_NAME = {"gdp", "economy", "economic", "real", "rate", "annual", "annualized", "quarterly", "yearly",
                        "percentage", "percent", "of", *_CHANGE_NAME}
_TRANSFER_METRICS = ("artillery_shells_transferred", "missiles_transferred", "arms_transfers")
_TRANSFER_WORDS = re.compile(
    r"\b(?:sen[dt]|sending|suppl(?:y|ied|ies|ying)|deliver\w*|ship(?:s|ped|ping|ments?)|transfer\w*|provid\w*|"
    r"handed over|hand(?:s|ing)? over)\b", re.IGNORECASE)
# The level a death toll reached, the toll named as the clause's subject: "The death toll from the
# floods has risen to nine", "the number of deaths is now 12"; not "rose by 12" (a change).
_TOLL_REACHED = re.compile(
    r"\b(?:death\s+toll|number\s+of\s+(?:deaths|dead|fatalities|people\s+killed))\b[^.;:,]*?\b(?:ha[sd]\s+)?"
    r"(?:risen|rose|rises|climbed|climbs|soared|jumped|reached|hit|stands\s+at|stood\s+at|is\s+now|was\s+now|"
    r"now\s+stands\s+at|(?:is|was)\s+at|is|was)\s+(?:to\s+)?(?:at\s+least\s+|more\s+than\s+|nearly\s+|about\s+|some\s+)?$",
    re.IGNORECASE)
_DEATH_NAMES = {"death", "deaths", "death_toll", "dead", "killed", "fatalities", "casualties", "injured", "injuries",
                "wounded", "toll"}


# A kind-only percentage takes the metric whose words lead up to it ("factory activity fell by
# 1% and building activity by 1.3%": the words since the clause's start or its last "and"),
# else the one its clause (or the clause before, `own_clauses`) names, when exactly one does.
# `True`: only for a change.
_TRADE_WORDS = r"\btrade\b(?!\s+(?:surplus|deficit|balance|gap|war|deal|talks))"
_INFLATION_WORDS = r"\binflation\b|\bconsumer prices?\b|\bcpi\b|\bh?icp\b|\ball[\s-]items\s+(?:index|cpi)\b"
_PERCENT_BY_WORDS: dict[str, tuple[re.Pattern[str], bool]] = {
    name: (re.compile(pattern, re.IGNORECASE), change) for name, pattern, change in (
        ("inflation_rate", _INFLATION_WORDS, False),
        ("unemployment_rate", r"\bunemploy|\bjobless rate\b", False),
        ("construction_growth", r"\bconstruction\b", True),
        ("agriculture_growth", r"\bagricultur|\bfarm (?:output|production)\b", True),
        ("manufacturing_growth", r"\bmanufactur", True),
        ("industrial_output_growth", r"\bindustrial (?:output|production)\b|\bproduction\b|\bindustry\b", True),
        ("exports_growth", r"\bexports?\b", True),
        ("imports_growth", r"\bimports?\b", True),
        ("trade_volume_growth", _TRADE_WORDS, True),
    )}
# Subjects that make a sector's percentage something else ("a drop in investments of 2.1%").
_SIDE_SUBJECTS = re.compile(r"\b(?:invest\w*|spending|wages?|profits?|earnings|shares?|stocks?|orders|permits|"
                            r"confidence|jobs?|employment|prices?|costs?)\b", re.IGNORECASE)


def _percent_named(measured: Measured, clause: str) -> str | None:
    change = bool(_CHANGE_WORDS.search(clause)) or measured.words[:1] in ("-", "+", "\u2212") or measured.direction is not None
    for text in _lead_and_clauses(measured):  # a clause before that names the sector may name its change
        fits = [name for name, (pattern, needs_change) in _PERCENT_BY_WORDS.items()
                if pattern.search(text) and (change or not needs_change or _CHANGE_WORDS.search(text))]
        side = _SIDE_SUBJECTS.search(text) and not re.search(_INFLATION_WORDS, text, re.IGNORECASE)
        if len(fits) == 1 and not side:
            return fits[0]
        if fits:
            return None
    return None


def _lead_and_clauses(measured: Measured) -> list[str]:
    """Where a number's own words are, nearest first: the words leading up to it (from its clause's
    start or last "and"), then `own_clauses`."""
    if measured.span is None:
        return [measured.sentence]
    texts = [words_up_to(measured), *own_clauses(measured)]
    texts = [_COMBINED_TRADE.sub(" trade ", text) for text in texts]  # "import and export" is one total
    return [re.split(r"\band\b", texts[0])[-1], *texts[1:]]


def _economy_change(clause: str, sentence: str, entity: str) -> bool:
    """A change named in the number's own clause, about the economy: the clause or, when it names
    no subject of its own, its sentence or the fact's entity names the economy ("GDP shrank 0.3%,
    after contracting 0.1% in the third quarter"; "a 0.1% fall" of the entity "UK economy"), and the
    clause names no other metric, subject or share of the economy."""
    if not _CHANGE_WORDS.search(clause) or _SHARE_WORDS.search(clause) or not nouns_in(clause) <= {"economy"}:
        return False
    if _ECONOMY_WORDS.search(clause):
        return True
    return not _OTHER_SUBJECTS.search(clause) and bool(_ECONOMY_WORDS.search(sentence) or _ECONOMY_WORDS.search(entity))


def metric_named(name: str | None, measured: Measured, entity: str = "") -> str | None:
    """The vocabulary metric that an `other` label stands for, when code can tell and that metric
    passes the metric checks (`measured_problem`), else None.

    Six cases, each decided by the label's name or the number's own words: an economy's growth or
    contraction in percent ("other:gdp_contraction", or a bare "other:percentage" for a change
    about the economy, `_economy_change`, which also reads the fact's `entity` and the clause a bare
    "up from 0.9%" goes on from, `subject_clause`) is
    `gdp_real_growth`; a percentage named as a rate and its basis only ("other:monthly_inflation")
    is that rate (`_rate_named`); another bare percentage takes the rate or sector growth its own words
    name ("an inflation rate of 6.9%", "construction activities by 1.3%", `_percent_named`); people
    killed or injured ("other:death_toll", or a bare "other:count" whose nearest words name deaths,
    or that its clause's death toll reached: "the death toll ... has risen to nine") are `casualties`;
    a place's residents or inhabitants ("other:residents") are its `population`;
    things counted as they change hands ("transfers of about one million shells") take the transfer
    metric that counts them (`_transfer_named`)."""
    named = _named(name, measured, entity)
    return named if named and measured_problem(named, measured) is None else None


def _named(name: str | None, measured: Measured, entity: str) -> str | None:
    name = (name or "").lower()
    kind_only = is_unnamed(name)  # a kind's name, or none: the model's "other:count" and the pipeline's "unlabelled_count"
    words = set(name.split("_"))
    clause = own_clause(measured.sentence, measured.span)
    if measured.unit_class == "percent" and measured.unit == "percent":
        of_change = "of" not in words or bool(words & _CHANGE_NAME)  # "percentage_of_gdp" is a share
        if words <= _ECONOMY_CHANGE_NAME and words & {"gdp", "economy", "economic"} and of_change:
            return "gdp_real_growth"
        if kind_only and _economy_change(subject_clause(measured), measured.sentence, entity):
            return "gdp_real_growth"
        if rate := _rate_named(words):
            return rate
        if kind_only:
            return _percent_named(measured, clause)
    if measured.unit_class == "currency" and kind_only and measured.direction is None:
        if measured.span and _ECONOMY_AFTER.match(measured.sentence[measured.span[1]:]):
            return "gdp_nominal"  # "an $80 billion economy", "its $24.5 billion economy"
        return _level_named(measured, _MONEY_BY_WORDS)
    if measured.unit_class == "count":
        if name in _DEATH_NAMES or {"death", "deaths", "killed"} & words:
            return "casualties"
        if kind_only and ("deaths" in nouns_in(nearest_words(measured)) or measured.direction is None
                          and _TOLL_REACHED.search(measured.sentence[:measured.span[0]] if measured.span else "")):
            return "casualties"
        if kind_only and measured.direction is None and (
                _level_named(measured, _COUNT_BY_WORDS) or nouns_in(measured.sentence) == {"population"}):
            return "population"
        if name in _POPULATION_NAMES and measured.direction is None:
            return "population"  # "other:residents" for "has around 5,500 residents"
        if kind_only and measured.direction is None and _LIVE_THERE.match(measured.sentence[measured.span[1]:] if measured.span else "") \
                and measured.unit in ("people", "persons", "residents", "inhabitants") and not _MORE_OF_THEM.search(measured.words):
            return "population"  # "At least 6,000 people live on Ha'apai", "where around 50 people live,"
        return _transfer_named(words, kind_only, measured, clause)
    return None


# A rate named by its own words and words of basis or kind only ("monthly_inflation",
# "annual_inflation_rate", "jobless_rate"). A forecast's or a part's name ("forecasted_inflation",
# "core_inflation", "food_inflation") keeps its label: it is another question than the rate.
_RATE_NAMES = {"inflation_rate": frozenset({"inflation", "cpi"}), "unemployment_rate": frozenset({"unemployment", "jobless"})}
_RATE_FILLERS = frozenset({"monthly", "annual", "annualized", "annualised", "yearly", "quarterly", "year", "month", "on",
                           "over", "the", "headline", "rate", "percentage", "percent", "consumer", "price", "prices",
                           "index", "yoy", "mom"})


def _rate_named(words: set[str]) -> str | None:
    fits = [metric for metric, names in _RATE_NAMES.items() if words & names and words <= names | _RATE_FILLERS]
    return fits[0] if len(fits) == 1 else None


# A kind-only amount of money or count takes the level its words name (`_lead_and_clauses`: "Exports
# slid 3.1%, ending the year at $1.7 trillion" is exports), only when one name fits.
_MONEY_BY_WORDS = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in (
    ("exports", r"\bexports?\b"), ("imports", r"\bimports?\b"),
    ("trade_volume", _TRADE_WORDS))}
_ECONOMY_AFTER = re.compile(r"^\s*econom(?:y|ies)\b(?!\s+(?:plan|package|fund|strategy|programme|program|initiative)s?\b)",
                            re.IGNORECASE)  # not "a $2 trillion economy plan"
_COUNT_BY_WORDS = {"population": re.compile(rf"\bpopulation\b|{_PLACE_OF}", re.IGNORECASE)}
# People who live in a named place, or where the sentence has just named ("where around 50 people live,"); not
# "11.1 million more people living in England" (a change) nor "live in poverty" (no place).
_LIVE_THERE = re.compile(r"\s+(?:still\s+)?(?:live|lives|lived|living)\s+(?:on|in)\s+(?:the\s+)?[A-Z]|\s+(?:still\s+)?(?:live|lived)\s*[,.;)]")
_MORE_OF_THEM = re.compile(r"\b(?:more|fewer|less|extra|additional|new|other)\b", re.IGNORECASE)
_POPULATION_NAMES = frozenset({"residents", "inhabitants", "population", "total_population", "number_of_residents"})


def _level_named(measured: Measured, table: dict[str, re.Pattern[str]]) -> str | None:
    for text in _lead_and_clauses(measured):
        fits = [name for name, pattern in table.items() if pattern.search(text)]
        if fits:
            return fits[0] if len(fits) == 1 else None
    return None


def _transfer_named(words: set[str], kind_only: bool, measured: Measured, clause: str) -> str | None:
    """The transfer metric that counts the number's things ("about one million shells" -> shells,
    `vocabulary.COUNTED`), when the name is kind-only or names those things too, and the clause
    says they changed hands ("sent", "transfers of", "delivered"): shells fired are not transferred."""
    noun = counted_noun(measured.unit)
    if noun is None or not _TRANSFER_WORDS.search(clause):
        return None
    if not kind_only and noun not in {counted_noun(word) for word in words}:
        return None
    fits = [metric for metric in _TRANSFER_METRICS if noun in COUNTED[metric]]
    return fits[0] if len(fits) == 1 else None
