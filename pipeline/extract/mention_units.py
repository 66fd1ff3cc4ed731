"""Stage (mentions, units): the unit written for a number, read from the words around it.

Percent ("%", "per cent", "pc"), percentage points, basis points (kept as basis points),
durations, currencies (symbols before, words and codes after, "164p" and "45 cents" as parts of
the story's currency, "pounds" as money or weight by context), measures ("41.2C", "km/h",
"metres") and counted nouns ("1,200 people"). A rate keeps its denominator: "$58 per barrel" is
`USD per barrel`, "$3,500 a month" is `USD per month`, and "GDP per capita reached $12,400" is
`USD per capita`; money or a measure shares out over one thing after "a" ("1,200 tenge a car", "5,480 litres a
cow"); an exchange rate is one currency per the other ("the zloty held at 4.27 per
euro" is `PLN per euro`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from schemas.primitives.number_words import TENS, UNITS
from schemas.primitives.textnorm import without_accents
from schemas.units import COIN_UNITS, american, currency_names, iso_currency_codes

from .mention_rules import currency_before, currency_by_place, first_cued, local_currency, named_first, story_currency

UnitClass = Literal["percent", "currency", "count", "duration"]


@dataclass(frozen=True)
class UnitRead:
    """A unit read after a number: the unit, its class, characters consumed, and a value factor."""

    unit: str | None
    unit_class: UnitClass
    consumed: int = 0
    factor: float = 1.0


# Every current currency by its English names (`currency_names`), and over them the names news gives
# most often the currency it means by them ("dollars" USD, "pesos" MXN) and spellings CLDR lacks ("zł", "reais").
CURRENCY_WORDS = currency_names() | {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "won": "KRW", "yuan": "CNY",
    "renminbi": "CNY", "yen": "JPY", "pound": "GBP", "pounds": "GBP", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "rupee": "INR", "rupees": "INR", "rand": "ZAR", "kroner": "NOK",
    "krone": "NOK", "kronor": "SEK", "krona": "SEK", "pesos": "MXN", "francs": "CHF", "franc": "CHF",
    "reais": "BRL", "lira": "TRY", "naira": "NGN", "shekels": "ILS", "ringgit": "MYR", "baht": "THB",
    "swiss francs": "CHF", "us dollars": "USD", "u.s. dollars": "USD", "u.s. dollar": "USD", "australian dollars": "AUD", "canadian dollars": "CAD",
    "hong kong dollars": "HKD", "new zealand dollars": "NZD", "singapore dollars": "SGD",
    "swedish crowns": "SEK", "swedish kronor": "SEK", "norwegian crowns": "NOK", "norwegian kroner": "NOK",
    "danish crowns": "DKK", "danish kroner": "DKK", "czech crowns": "CZK", "icelandic kronur": "ISK",
    "kenyan shillings": "KES", "ugandan shillings": "UGX", "tanzanian shillings": "TZS",
    "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "forint": "HUF", "forints": "HUF", "lei": "RON",
    "hryvnia": "UAH", "hryvnias": "UAH", "tenge": "KZT", "rupiah": "IDR", "cedi": "GHS", "cedis": "GHS",
    "birr": "ETB", "taka": "BDT", "zł": "PLN", "złoty": "PLN", "złotys": "PLN", "krónur": "ISK", "kronur": "ISK",
    "króna": "ISK", "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
    "liras": "TRY", "shekel": "ILS", "kwacha": "ZMW", "soles": "PEN", "peso": "MXN", "dong": "VND", "koruna": "CZK", "kč": "CZK",
    "cfa francs": "XOF", "cfa franc": "XOF", "egyptian pounds": "EGP", "lebanese pounds": "LBP",
    "sudanese pounds": "SDG", "syrian pounds": "SYP", "south african rand": "ZAR", "mexican pesos": "MXN",
    "argentine pesos": "ARS", "philippine pesos": "PHP", "colombian pesos": "COP", "chilean pesos": "CLP",
    "indian rupees": "INR", "pakistani rupees": "PKR", "sri lankan rupees": "LKR", "nepalese rupees": "NPR",
    "moroccan dirhams": "MAD", "uae dirhams": "AED", "saudi riyals": "SAR", "qatari riyals": "QAR",
    "kuwaiti dinars": "KWD", "jordanian dinars": "JOD", "iraqi dinars": "IQD", "tunisian dinars": "TND",
    "algerian dinars": "DZD", "libyan dinars": "LYD", "serbian dinars": "RSD", "new taiwan dollars": "TWD",
    "taiwan dollars": "TWD", "ec dollars": "XCD", "brazilian reais": "BRL", "turkish lira": "TRY", "nigerian naira": "NGN",
    "rial": "IRR", "rials": "IRR", "tögrög": "MNT", "tugrik": "MNT", "tugriks": "MNT",
    "maloti": "LSL", "meticais": "MZN", "pa'anga": "TOP", "pa’anga": "TOP", "paanga": "TOP",  # plurals and spellings CLDR lacks
}
# The words of a country written before its currency's name ("Egyptian pounds", "CFA francs").
_NATIONAL = "|".join(re.escape(national) for national in
                     sorted({" ".join(w.split()[:-1]) for w in CURRENCY_WORDS if " " in w}, key=len, reverse=True))
DURATIONS = "year|month|week|day|quarter|hour|minute|decade|fortnight"
DAY_HEADS = "pass|passes|tickets?|trippers?|visitors"  # what a day names as its length before it: "212,000 day passes"
# Decades and centuries are counted in years and fortnights in weeks, as reporters' figures for the same
# span are ("two decades", "20 years"): "in nearly three decades" is about 30 years, "over a century" more
# than 100, "nearly a millennium" about 1,000, "nearly a fortnight" about 2 weeks.
_COUNTED_IN = {"decade": ("years", 10.0), "centur": ("years", 100.0), "millenni": ("years", 1000.0), "fortnight": ("weeks", 2.0)}
_AFTER = re.compile(
    r"^(?:(?P<pct>\s?%|[\s-]?(?:percent|per[\s-]?cent|pct)\b|\s?pc\b)"
    r"|(?P<pp>\s?(?:percentage[\s-]points?|pp|ppts?|of\s+a\s+percentage[\s-]point)\b|-percentage[\s-]points?\b)"  # "a 2-percentage-point rise"
    r"|(?P<bp>[\s-]?(?:basis[\s-]points?|bps?)\b)"
    r"|(?P<age>[\s-](?P<aunit>year|month|week|day|decade|centur(?=y|ies))(?:s|y|ies)?[\s-]olds?\b)"  # an age: "a 42-year-old man", "he is 42 years old", "a 15-month-old son", "18 3-year-olds"
    rf"|(?P<dur>[\s-](?:(?:additional|extra|further|more|full|whole|long|straight|consecutive|successive|different|separate|"
    rf"working|business|trading|school|sick|calendar|peak|busy|earth|holiday|rainy|match|race|"
    rf"polling|voting|human|dog|cat|lunar|solar|divine)\s+)?"  # "38 consecutive days", "2,908 working days", "29 peak days", "31 earth years",
    # "12 human years", "seven dog years", "12 lunar months"
    rf"(?P<dunit>{DURATIONS}|centur(?=y|ies)|millenni(?=um|a\b)|(?<=-)second(?!-))(?:s|y|ies|ums?|a)?\b(?!-(?!long\b)[a-z])(?!\s+(?:on|over)\s+(?:a\s+)?(?:year|month|week|quarter)\b)"  # not "year-on-year",
    # "fell by 30,213 year on year", "day-trippers", "year-old"
    rf"(?<!day(?=\s(?:{DAY_HEADS})\b)))"  # nor "day passes" (`_DAY_COMPOUND`)
    r"|(?P<sub>p\b|(?-i:c)\b(?![.,]?\d)|\s(?:pence|(?:(?P<subcur>US|U\.S\.|euro|Australian|Canadian|New\s+Zealand|NZ|Singapore|Hong\s+Kong)\s)?"
    r"cents?)\b)"  # "65p", "45c a minute", "45 cents", "4 US cents", "1,204 Australian cents"
    rf"|(?P<cword>[\s-](?:(?:{_NATIONAL})\s(?=[a-zà-öø-ÿ]+\b))?(?:pa['’]anga|[^\W\d_]+))\b)",  # the pa'anga has an apostrophe
    re.IGNORECASE,
)
_MEASURES = [
    (re.compile(r"^\s?(?:°\s?C|C|degrees? (?:C|Celsius|Celcius|centigrade))\b"), "degrees_celsius"),
    (re.compile(r"^\s?(?:°\s?F|F|degrees? (?:F|Fahrenheit))\b"), "degrees_fahrenheit"),
    (re.compile(r"^\s?(?:km/h|kph|kmh|kilometres per hour|kilometers per hour)"), "kilometers per hour"),
    (re.compile(r"^\s?(?:mph|miles per hour)\b"), "miles per hour"),
    (re.compile(r"^\s?(?:bpd|b/d)\b", re.IGNORECASE), "barrels per day"),  # oil output: "a 2 million bpd cut"
    (re.compile(r"^(?:\s?(?:feet|Feet|ft)\b|[\s-][Ff]oot\b(?!\s+(?:soldiers|passengers|traffic|patrols?)\b))"), "feet"), (re.compile(r"^[\s-]inch(?:es)?\b"), "inches"),
    (re.compile(r"^in\b(?=\s*[)\],;.]|\s+(?:across|long|wide|tall|high|deep|thick|of)\b)"), "inches"),  # "5cm (2in)"
    (re.compile(r"^-degrees?\b|^\sdegree\b"), "degrees"),  # "2 degrees" is counted as a noun; "1 degree" is not
    # a race time's short units: "2hr 11min 53sec", "45 mins" (not "the 4 Sec. of State")
    (re.compile(r"^\s?hrs?\b(?!\.\s+[A-Z])"), "hours"), (re.compile(r"^\s?mins?\b(?!\.\s+[A-Z])"), "minutes"),
    (re.compile(r"^\s?secs?\b(?!\.\s+[A-Z])"), "seconds"),
    (re.compile(r"^\s?km\b"), "kilometers"), (re.compile(r"^[\s-]?cm\b"), "centimeters"),
    (re.compile(r"^[\s-]?(?:MHz|Mhz|megahertz)\b"), "megahertz"), (re.compile(r"^[\s-]?(?:GHz|Ghz|gigahertz)\b"), "gigahertz"),
    (re.compile(r"^\s?[μµ]m\b|^[\s-]micro(?:met(?:er|re)s?|ns?)\b"), "micrometers"),
    (re.compile(r"^\s?nm\b|^[\s-]nanomet(?:er|re)s?\b"), "nanometers"),
    (re.compile(r"^[\s-]?mm\b"), "millimeters"), (re.compile(r"^[\s-]?kg\b"), "kilograms"),
    (re.compile(r"^[\s-]?mg\b"), "milligrams"),
    (re.compile(r"^[\s-]gram(?:me)?\b|^\s?grammes\b|^g\b(?![.'’/-])"  # "a 300-gram truffle", "250g of flour"
                r"(?!\s+(?:network|phone|smartphone|mobile|service|coverage|signal|spectrum|mast|tower|connectivity|internet|data|"
                r"technology|rollout|auction|band|speed|plan|sim)s?\b)"), "grams"),  # not the "5g network"
    (re.compile(r"^(?:-(?:pound|lb)\b(?! note)|\s?lbs?\b)"), "pounds"),
    (re.compile(r"^-metric[\s-]tons?\b"), "metric_tons"),  # "the 21-metric ton stage", "a 40-metric-ton load"
    (re.compile(r"^-megawatt\b"), "megawatts"), (re.compile(r"^-kilowatt\b"), "kilowatts"),
    (re.compile(r"^-gigawatt\b"), "gigawatts"), (re.compile(r"^[\s-]mile\b"), "miles"),
    (re.compile(r"^\s?sq\.?\s?ft\b"), "square_feet"), (re.compile(r"^\s?(?:sq\.?\s?m|m²)(?!\w)"), "square_meters"),
    (re.compile(r"^\s?(?:sq\.?\s?km|km²)(?!\w)"), "square_kilometers"), (re.compile(r"^\s?TEUs?\b"), "teu"),
    (re.compile(r"^-(?:kilometre|kilometer|km)s?\b|^\s(?:kilometre|kilometer)\b"), "kilometers"),  # "a five-kilometres run"
    # "1.48c hotter", "the 1.5c temperature target": degrees Celsius in a lower-case "c", as some papers write them (not
    # "rose 1.5c", cents)
    (re.compile(r"^c\b(?=\s+(?:hotter|warmer|colder|cooler|of\s+(?:global\s+)?warming|above\s+pre-?industrial|temperature|"
                r"target|limit|threshold|mark)\b)"), "degrees_celsius"),
    # "8,163 m above sea level" (not "2 m people", "m/s", "m²")
    (re.compile(r"^[\s-](?:metre|meter)\b|^-(?:metre|meter)s\b|^\sm\b(?![.'’\w/²])"  # "located two-metres off"
                r"(?!\s+(?:people|residents|users|customers|viewers|voters|children|men|women)\b)"), "meters"),
    (re.compile(r"^[\s-](?:litre|liter)\b"), "liters"), (re.compile(r"^[\s-](?:centimetre|centimeter)\b"), "centimeters"),
    (re.compile(r"^[\s-](?:millimetre|millimeter)\b"), "millimeters"),
    (re.compile(r"^[\s-]kilogram\b|^-kilo\b"), "kilograms"), (re.compile(r"^[\s-]gallon\b"), "gallons"),  # "a 25-kilo sack"
    (re.compile(r"^[\s-]cubic[\s-](?:metre|meter)s?\b"), "cubic_meters"),
    (re.compile(r"^[\s-]square[\s-](?:feet|foot)\b"), "square_feet"),  # "40,000 square feet of roofs", "a 2,000-square-foot home"
    (re.compile(r"^\s?(?:mb|mbar|millibars?)\b"), "millibars"), (re.compile(r"^\s?(?:hPa|hectopascals?)\b"), "hectopascals"),
    (re.compile(r"^-(?:tonne|ton)\b|^\stonne\b"), "tonnes"), (re.compile(r"^[\s-]acre[\s-]f(?:ee|oo)t\b"), "acre_feet"), (re.compile(r"^[\s-]acre\b"), "acres"), (re.compile(r"^[\s-]magnitude\b|^\s+on\s+the\s+Richter\s+scale\b", re.IGNORECASE), "magnitude"), (re.compile(r"^[\s-]hectare\b"), "hectares"), (re.compile(r"^\s?MW\b"), "megawatts"), (re.compile(r"^\s?GW\b"), "gigawatts"),
    (re.compile(r"^\s?kWh\b"), "kilowatt_hours"), (re.compile(r"^\s?MWh\b"), "megawatt_hours"),
    (re.compile(r"^\s?GWh\b"), "gigawatt_hours"), (re.compile(r"^\s?TWh\b"), "terawatt_hours"),
    (re.compile(r"^\s?kJ\b"), "kilojoules"), (re.compile(r"^\s?MJ\b"), "megajoules"), (re.compile(r"^\s?GJ\b"), "gigajoules"),
    (re.compile(r"^\s?KB\b"), "kilobytes"), (re.compile(r"^\s?MB\b"), "megabytes"), (re.compile(r"^\s?GB\b"), "gigabytes"),
    (re.compile(r"^\s?TB\b"), "terabytes"),
    (re.compile(r"^\s?m/s\b"), "meters per second"), (re.compile(r"^\s?Mbps\b"), "megabits per second"),
    (re.compile(r"^\s?Gbps\b"), "gigabits per second"), (re.compile(r"^\s?ppm\b"), "parts_per_million"),
    (re.compile(r"^[\s-]light[\s-]years?\b"), "light_years"), (re.compile(r"^-carat\b"), "carats"),
]
_RATE = re.compile(
    r"^(?:\s+of\s+[a-z]+(?:-[a-z]+)*(?:\s+(?!(?:in|into|on|onto|at|by|within|during|over|per|an?|each|every|for|to|from|with|through|across|goes)\b)[a-z]+(?:-[a-z]+)*){0,4})?\s*(?:(?<![a-z])(?:per|an?|each|(?:(?:goes\s+)?(?:to|for)\s+)?every|(?:goes\s+)?(?:to|for)\s+each)\s+|/\s*|-an?-)"  # "a HK$2.5bn-a-year trade"
    r"(?P<den>(?:megawatt |kilowatt |square |cubic )?[a-z]+)\b"
    r"(?P<ago>(?=\s+(?:ago|earlier|later)\b|\s+before\s*(?:[.,;)]|$)))?",  # "a year earlier", "a year later" date it
    re.IGNORECASE,
)
_A_DENOMINATORS = frozenset(
    f"{DURATIONS} night barrel share litre liter pound ounce therm gallon tonne ton kilo kilogram head person "
    "seat ticket unit game match season winter summer mile bushel carat kilometre kilometer metre meter hectare acre dozen "
    "trip crossing journey voyage flight sailing shift batch foot term semester".replace("|", " ").split()
)
MEASURE_UNITS = frozenset(unit for _, unit in _MEASURES)
_GAS_VOLUME = re.compile(r"^\s?(bcm|tcf)\b", re.IGNORECASE)
_GAS_UNITS = {"bcm": ("cubic_meters", 1e9), "tcf": ("cubic_feet", 1e12)}  # billion cubic metres, trillion cubic feet
# Tonnage in the trade's abbreviations: "13.5 mmt" (million metric tonnes), "2.1 Mt", "45 LMT" (lakh metric tonnes), "10
# mtpa" (million tonnes a year); not "kt" (also knots) nor a lone "mt" or "MT" (a metric tonne or a million).
_TONNAGE = re.compile(r"^\s?(?P<abbr>(?i:mmts?)|Mt|(?i:lmt)|(?i:mtpa))\b")
_TONNAGE_UNITS = {"mmt": ("tonnes", 1e6), "mt": ("tonnes", 1e6), "lmt": ("tonnes", 1e5), "mtpa": ("tonnes per year", 1e6)}
_POINT_AFTER = re.compile(r"[\s-]points?\b", re.IGNORECASE)
_SHARE_WORDS = re.compile(r"%|\b(?:share|vote|votes|voters|poll|polls|polling|support|approval|lead|turnout|margin|"
                          r"percent|per cent|percentage|rate|rates|yield|yields)\b", re.IGNORECASE)
_INDEX_WORDS = re.compile(r"\b(?:index|indices|indexes|dow|nasdaq|ftse|s&p|nikkei|dax|cac|hang seng|kospi|sensex|"
                          r"stocks?|shares|futures|benchmark|scored?|scoring|game|games|match|season|rebounds|assists|"
                          r"goals?)\b", re.IGNORECASE)
_CATEGORY_BEFORE = re.compile(r"\bcategory[\s-]$", re.IGNORECASE)
_STORM_WORDS = re.compile(r"\b(?:hurricanes?|storms?|cyclones?|typhoons?|winds?)\b", re.IGNORECASE)
_PER_BEFORE = re.compile(r"\bper (capita|head|person)\b[^.;\d]{0,40}$", re.IGNORECASE)
_NOUN_SKIP = frozenset("new more straight consecutive successive further additional extra full other most recent latest "
                        "smaller larger bigger older newer younger cheaper".split())  # "40 smaller towns": towns
_FUNCTION_WORDS = ("a an the of to in on at by for from with and or nor not but than since as per this that these those its their "
                   "his her our your who which while when where each every i we you he she it they them us him")  # "the big one they remember"
_VERBS = "is are was were be been has have had will would can could may might said says does did do"
_PLACES = ("after before during outside inside near under over into across between against among amongst within throughout towards toward via "
           "beyond around along behind through beside aboard there here amid amidst despite upon until up down off away")
_NOT_COUNTED = "percent more less fewer year years month months week weeks day days now still also already worth too enough alone apiece"
NOUN_STOP = frozenset(" ".join((_FUNCTION_WORDS, _VERBS, _PLACES, _NOT_COUNTED)).split())
# Verbs in the past without "-ed", and "alive", "dead", "missing", which end a noun after "one" ("one bidder came
# forward", "one alpaca taken", "one person dead").
IRREGULAR_PAST = frozenset("left went came made took got fled ran lost won held said saw fell rose stood sat gave told "
                           "kept paid found became began brought spent broke grew drove flew sold bought sent built met led "
                           "alive taken stolen given seen chosen driven written eaten hidden forgotten broken beaten frozen shaken "
                           "spoken fallen risen dead missing".split())
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+(?:-[A-Za-z]+)*)\b(?!-)")
# A gun's or a shell's calibre: "155 mm", "155-millimetre", ".50-calibre".
CALIBRE_UNIT = r"(?:mm|millimet(?:re|er)s?|cal(?:iber|ibre)?)"
_CALIBRE = re.compile(rf"^\s+\d+(?:\.\d+)?[\s-]?{CALIBRE_UNIT}\b", re.IGNORECASE)
_CAPITALS = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper())  # "Époque", "Škoda", "Łódź"
# Names between a count and its noun, after an adjective of time: "27,000 Siemens Energy technicians", "Dozens of
# Christie's intermediaries", "four previous Powerball jackpots".
_NAMED = re.compile(r"^[^\S\n]+(?:of\s+(?:its|their|the)\s+)?(?:(?:previous|prior|earlier|former|other|new|direct|indirect|permanent|additional|more|"
                    r"vintage|classic|historic|(?!(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)[a-z]+-[a-z]+)\s+)?"  # "27,000 Siemens Energy technicians", "pre-war Citroën Traction Avant cars"
                    rf"(?=(?:[{_CAPITALS}]|\d+\s+[A-Z]))(?:(?:[{_CAPITALS}][\w&.'’-]*|\d+(?:-\d+)?)[^\S\n]+){{1,4}}(?=[a-z])")
_PLURAL_OWNER = re.compile(r"(?<=s)['’](?=\s+[a-z])")  # the apostrophe of a plural owner: "merchants' houses"
_SINGULAR_OWNER = re.compile(r"\s+[a-z]+['’]s(?=\s+[a-z])")  # ... and of a singular one or of "women": "shepherd's huts"
IRREGULAR_PLURALS = frozenset("people children men women police personnel staff crew troops cattle aircraft sheep fish livestock "
                              "salmon trout deer bison geese mice rai bigha reindeer moose elk caribou swine"
                              .split())
_WEIGHT = re.compile(r"\b(weigh\w*|lift\w*\b(?!\s+(?:the\s+|its\s+|their\s+)?(?:prices?|costs?|fares?|fees?|tariffs?|rates?|wages?|pay|"
                     r"caps?|bans?|sanctions|restrictions))|heav\w+|weight\w*|tuna|fish|catch|landings|scales|"
                     r"yield(?:s|ed|ing)?|harvested|carr(?:y|ies|ied|ying)|peel(?:s|ed|ing)?)\b",
                     re.IGNORECASE)  # not "lifted the price"; "yielded 152 million pounds", "carry up to 50 pounds"
# What a vehicle pulls or carries, right before its pounds: "can tow over 11,000 pounds", "a towing capacity of 11,000 pounds".
_TOWED = re.compile(r"\b(?:tow(?:s|ed|ing)?(?:\s+capacity)?|payload(?:\s+capacity)?)\s+(?:(?:of|up\s+to|over|more\s+than|nearly|"
                    r"about|around|almost|at\s+least)\s+)*\d[\d,.]*\s*(?:million\s+)?$", re.IGNORECASE)
# A weight's word after it, in one word or two ("are classed as a low birthweight"), not the market's
# "weighing on shares".
_WEIGHT_AFTER = re.compile(r"^[^.;]*?\w*weight\b|^[^.;]*?\bweigh(?:s|ed|ing)?\b(?!\s+on\b)|^\s+(?:heavier|lighter)\b", re.IGNORECASE)


# A count written as a compound before its noun: "an eight-person jury", "a two-stage rocket", "a 12-member panel", "a 92-page ruling",
# "a 3,000-piece jigsaw", "a 40-vehicle convoy", "a 30-nation coalition".
COMPOUND_NOUNS = ("person|member|judge|seat|seater|door|stage|engine|bedroom|room|bed|page|storey|story|storied|storeyed|lane|game|term|run|tranche|"
                  "piece|vehicle|car|carriage|truck|lorry|ship|vessel|home|house|flat|apartment|store|shop|branch|school|"
                  "nation|country|state|continent|city|region|island|province|county|district|venue|stadium|"
                  "team|club|player|worker|student|passenger|rider|round|night|"
                  "hit|homer|steal|goal|wicket|assist|rbi|strikeout|birdie|medal")  # "a six-hit game", "a 10-RBI game"
_COMPOUND = re.compile(rf"^-(?P<noun>{COMPOUND_NOUNS})\b", re.IGNORECASE)
# Any other such compound of a number in digits and a plain noun before the noun it describes: "a 4,500-pipe organ",
# "a 20-deck ship"; not a kind or a rank ("a 5-star hotel", "a 3-way race", "a 40-something"), nor a participle
# ("a 12-sided coin"), nor a unit or time, which are read before this.
_ANY_COMPOUND = re.compile(r"-(?P<noun>[a-z]{3,}(?<!ing)(?<!ed))(?=\s+[a-z])")
_NO_COMPOUND_COUNT = frozenset({"plus", "point", "pointer", "time", "times", "lot", "majority", "date", "capacity", "digit",
                                "star", "way", "old", "odd", "something", "fold", "strong", "year", "month", "week", "day",
                                "hour", "minute", "second", "season", "million", "billion", "thousand", "hundred", "odds",
                                "percent", "cent", "one", "all", "man", "mile", "foot", "inch", "yard", "run", "ers", "ish", "ths",
                                "gauge", "bore", "caliber", "calibre", "mph", "kph", "kmh", "mpg"})
_COMPOUND_PLURALS = {"seater": "seats", "min": "minutes", "storied": "stories", "storeyed": "stories"}  # "50-seater buses", "the
# 7-min heist", "a three-storied shrine"
_PLURAL_OF = {"man": "men", "woman": "women", "child": "children", "person": "people", "policeman": "policemen",
              **{word: word[:-1] + "ves" for word in ("calf", "half", "wolf", "shelf", "leaf", "loaf", "thief")},
              **{word: word[:-2] + "ves" for word in ("knife", "life", "wife")}}


def plural(word: str) -> str:
    if word in _PLURAL_OF:
        return _PLURAL_OF[word]
    if word.endswith(("ss", "sh", "ch", "x")) and word not in IRREGULAR_PLURALS or word.endswith("us") and word not in _US_PLURALS:
        return word + "es"  # "one press", "a single church", "one box", "one bus"
    if word in IRREGULAR_PLURALS or word.endswith("s"):
        return word
    if word.endswith("man") and len(word) >= 5 and word not in _MAN_NOT_MEN:
        return word[:-3] + "men"  # "one ferryman", "a single woman"
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


_MAN_NOT_MEN = frozenset("human german roman shaman talisman ottoman caiman".split())


# Most words in "-us" are one thing ("bus", "bonus", "campus"); these are plurals, and "celsius" ends a plural unit
# ("degrees celsius").
_US_PLURALS = frozenset("menus gurus emus gnus tutus haikus celsius".split())


# Latin plurals news counts ("seven crematoria", "three stadia") and compounds of an irregular plural ("600 schoolchildren").
_LATIN_PLURALS = frozenset("crematoria sanatoria auditoria moratoria symposia stadia curricula memoranda referenda "
                           "fungi cacti nuclei alumni larvae antennae vertebrae".split())


_SINGULAR_S = frozenset("tennis axis iris pelvis trellis metropolis chassis mantis gas canvas atlas bias alias lens news".split())  # "48 tennis courts",
# "40 handheld gas detectors"


def _is_plural(word: str) -> bool:
    return word in IRREGULAR_PLURALS or word in _US_PLURALS or word in _LATIN_PLURALS \
        or (word.endswith("s") and len(word) > 2 and not word.endswith(("ss", "us", "sis")) and word not in _SINGULAR_S) \
        or (len(word) > 5 and word.endswith("men") and not word.endswith(("imen", "omen", "umen"))) \
        or (len(word) > 8 and word.endswith(("children", "people")))  # "gunmen", not "specimen"; "schoolchildren"


def _acronym(word: str) -> bool:
    """A short name in capitals ("NHS", "IRS", "AWS"), whose final S is no plural."""
    return word.isupper() and 2 <= len(word) <= 4


PARTICIPLE = re.compile(r"^[a-z]{3,}(?<!e)ed$")  # "based", "killed", "reported"; not "bed", "seed", "speed"


def _hyphened_noun(after: str, match: re.Match[str]) -> bool:
    """A hyphened plural that is itself what is counted, with no noun after it ("40 e-scooters are", "12
    x-rays."), not an adjective before one ("long-range missiles")."""
    following = _WORD_AFTER.match(after, match.end())
    return _is_plural(match.group(1).lower().rsplit("-", 1)[-1]) \
        and (following is None or following.group(1).lower() in NOUN_STOP or following.group(1).lower() in _WHEN_WORDS
             or not after[match.end():match.end() + 1].isspace())


_WHEN_WORDS = frozenset("last this next each every".split())  # "58 call-outs last year": a time after the noun, no noun


_DAY_COMPOUND = re.compile(rf"\s(?:{DAY_HEADS})\b")


# Verbs that are never nouns nor modifiers of one, right after a bare count: its noun is the one named before.
_VERB_FIRST = frozenset("found sold bought sell sells buy buys carve carves earn earns bring brings come comes stay stays "
                        "go goes say says needed".split())  # "two needed liver transplants"


def _noun_words(after: str) -> list[re.Match[str]]:
    """Up to three words after a number (adjectives like "new" or hyphenated ones like "long-range"
    skipped), stopping at a function word."""
    words: list[re.Match[str]] = []
    pos = 0
    while len(words) < 3 and (match := _WORD_AFTER.match(after, pos)):
        word = match.group(1)
        pos = match.end()
        if not words and (PARTICIPLE.match(word.lower()) or word.lower() in IRREGULAR_PAST) \
                and (following := _WORD_AFTER.match(after, pos)) and following.group(1).lower() in _NOUN_SKIP:
            break  # "11 needed new engines": a verb and its object, not "7 arrested protesters"
        if not words and word in _VERB_FIRST:
            break  # "497 found buyers", "thirty sell records", "600 more carve necks": the verb of a count whose noun came before
        if not words and word in _PLACE_PREFIXES and (people := _WORD_AFTER.match(after, pos)) \
                and people.group(1)[0].isupper() and _is_plural(people.group(1).lower()):
            return [match, people]  # "two South Koreans", "17 million Sri Lankans": the people, with their country's first word
        if not words and (word.lower() in _NOUN_SKIP or "-" in word and not _hyphened_noun(after, match)):
            continue  # "new", "long-range", "well-known": what is counted comes after
        day_pass = word.lower() == "day" and _DAY_COMPOUND.match(after, pos)  # "212,000 day passes"
        if word.lower() in NOUN_STOP and not day_pass or word.lower() in UNITS or word.lower() in TENS \
                or (word[0].isupper() and (words or not _is_plural(word.lower()))) \
                or (words and (word.lower().endswith("ing") or word.lower() in IRREGULAR_PAST or PARTICIPLE.match(word.lower()))
                    and _is_plural(words[-1].group(1).lower())):
            break  # "nine tankers waiting offshore", "250 farmers drove tractors", "18 airports reported delays": a verb
        words.append(match)
    return words


_HEAD_OF = re.compile(r"^\s+head\s+of\s+(?P<noun>cattle|livestock|sheep|goats|pigs|camels|buffalo(?:es)?|deer|animals)\b",
                      re.IGNORECASE)


_ACTS_ON = re.compile(r"\s+(?:(?:the|a|an|its|their|his|her|our|some|all|more|as|it|that|this|they|them|him|us|we|he|she|"
                      r"there)\b|\d)", re.IGNORECASE)  # "one hospital serving the region", "one bank predicting it could"
_PLURAL_MODIFIERS = frozenset("sales news arms goods savings species series sports earnings customs clothes degrees".split())


def _noun_goes_on(after: str, previous: str, word: re.Match[str]) -> bool:
    """Does `word` go on the singular noun that ends in `previous` ("one crew member"), not start what it does
    ("one reef out of the 14", "one alpaca taken", "one hospital serving the region", "One pawnbroker remains")?"""
    name = word.group(1).lower()
    acting = name.endswith("ing") and _ACTS_ON.match(after, word.end())
    # a plural-like word after a singular one is its verb: "One pawnbroker remains", "A single examiner covers"
    verb = _is_plural(name) and previous not in _PLURAL_MODIFIERS and not _is_plural(previous)
    return not (name.endswith(("ed", "ly")) or name in IRREGULAR_PAST or name in ("out", "off", "up", "down") or acting or verb)


_PLACE_PREFIXES = frozenset("South North East West New Saudi Sri".split())
_OBJECT_PRONOUNS = frozenset("him her it them us me himself herself itself themselves myself ourselves".split())


def counted_noun(after: str, singular_ok: bool = False) -> tuple[str | None, int]:
    """The noun a number counts ("1,200 people", "artillery shells", "one hospital"), as snake_case, and its length."""
    if head := _HEAD_OF.match(after):
        return head["noun"].lower(), head.end()  # "300 head of cattle"
    if (named := _NAMED.match(after)) and (noun := counted_noun(" " + after[named.end():], singular_ok))[0]:
        return noun[0], named.end() - 1 + noun[1]  # "27,000 Siemens Energy technicians", "one Finnish maker": the names only say whose
    if not singular_ok and (owner := _SINGULAR_OWNER.match(after)) and (owned := counted_noun(after[owner.end():]))[0] \
            and _is_plural(owned[0].rsplit("_", 1)[-1]):
        return owned[0], owner.end() + owned[1]  # "38 shepherd's huts", "12 women's shelters": huts, the owner's kind
    words = _noun_words(after)
    if words and words[0].group(1).lower() == "times":
        return "times", words[0].end()  # "14 times average earnings": a multiple of what follows
    if singular_ok and len(words) > 1 and PARTICIPLE.match(words[0].group(1)) and words[1].group(1).islower() \
            and words[1].group(1) not in _OBJECT_PRONOUNS:
        words = words[1:]  # "a single collapsed wall": the wall, its state before it
    if singular_ok and words and not PARTICIPLE.match(words[0].group(1)):  # "one based in the east": no noun
        # "one crew member", "a single mature cherry tree": the singular noun, whatever plural-like word comes first
        kept = words[:1]
        for word in words[1:]:
            if not _noun_goes_on(after, kept[-1].group(1).lower(), word):
                break
            kept.append(word)
        names = [m.group(1).lower() for m in kept]
        return american("_".join(names[:-1] + [plural(names[-1])])), kept[-1].end()
    plurals = [i for i, m in enumerate(words) if _is_plural(m.group(1).lower()) and not _acronym(m.group(1))]
    if plurals:
        # the first plural ends the noun unless it names a kind ("sales staff", "crew members"): "35 bridges need
        # new bearings", "4 others whose decks"
        first = words[plurals[0]].group(1).lower()
        last = plurals[-1] if first in _PLURAL_MODIFIERS or first in IRREGULAR_PLURALS else plurals[0]
        if (owner := _PLURAL_OWNER.match(after, words[last].end())) and (owned := counted_noun(after[owner.end():]))[0]:
            return owned[0], owner.end() + owned[1]  # "17 merchants' houses": houses, the merchants' own
        if words[last].group(1).lower() == "ones":
            return None, 0  # "14 senior clubs and 12 junior ones": the noun is the earlier count's (`mention_ranges`)
        return american("_".join(m.group(1).lower() for m in words[:last + 1] if not _acronym(m.group(1))).replace("-", "_")), \
            words[last].end()  # "1,240 new NHS patients": patients
    calibre = _CALIBRE.match(after)  # "1 million 155-millimetre shells"
    if calibre and not singular_ok:
        noun, used = counted_noun(" " + after[calibre.end():])
        return (noun, calibre.end() - 1 + used) if noun else (None, 0)
    return None, 0


# A weight written before "pounds", with no word of money between them ("3 million tonnes worth 40
# million pounds" is money).
_WEIGHT_WORDS = r"(?:tons?|tonnes?|kilo(?:gram)?s?|kilogrammes?|kg|ounces?|grams?)\b"
_WEIGHT_UNIT = re.compile(rf"\b{_WEIGHT_WORDS}", re.IGNORECASE)
# The same weight converted right after it: "50 pounds, or about 23 kilograms", "260 pounds (118kg)".
_CONVERTED_WEIGHT = re.compile(r"^\s*(?:,\s*or|\(|/)\s*(?:about|around|roughly|some|nearly|almost|just\s+over|over)?\s*"
                               rf"\d[\d.,]*\s?{_WEIGHT_WORDS}", re.IGNORECASE)
_MONEY_CUE = re.compile(r"[£$€]|\b(?:worth|costs?|costing|paid|pays?|price[sd]?|valued?|sold|bought|spent|spend|fined?|"
                        r"budget|revenue|sterling|funding)\b", re.IGNORECASE)


def is_weight(text: str, start: int, end: int) -> bool:
    """"pounds" at [start, end) is weight before "of apples" or a weight's word ("a low birthweight",
    "47 pounds heavier"), after "weighs" or what a vehicle tows (`_TOWED`), after a weight in
    other units (`_WEIGHT_UNIT`), or, with no word of money before it, in a story that weighs in pounds
    and writes its money in dollars (`_weighs_in_pounds`); money otherwise."""
    if re.match(r"^\s+of\s+(?!(?:taxpayers|public|funding|investment|aid|cash|money|government|state|[A-Z][a-z]*['’]s)\b)[A-Za-z]",
                text[end:end + 30], re.IGNORECASE):  # "93 million pounds of Homarus americanus"
        return True
    before = text[max(0, start - 80):start]
    weighed = [*_WEIGHT.finditer(before), *_TOWED.finditer(before)]
    # a word of money after the weight's word is the nearer: "weighs 2.8 pounds and sells for 450 pounds"
    if weighed and not _paid_after(before[max(m.end() for m in weighed):]) or _WEIGHT_AFTER.search(text[end:end + 60]) \
            or _CONVERTED_WEIGHT.match(text[end:end + 40]):
        return True
    # "42 million metric tons of waste, or 287 pounds per person"; not a weight that sizes a thing ("a 50-kg bag")
    measure = [m for m in _WEIGHT_UNIT.finditer(before) if before[m.start() - 1:m.start()] != "-"]
    if measure:
        return not _paid_after(before[measure[-1].end():])
    return not _paid_after(before[-40:]) and _weighs_in_pounds(text)


@lru_cache(maxsize=256)
def _weighs_in_pounds(text: str) -> bool:
    """Does the story weigh things in pounds and write its money in dollars, never in sterling: a
    "pounds" it weighs ("weighed 2,749 pounds"), a "$" or "dollars", and no "£", "sterling", "pence" or
    "British pounds"? Then its other "pounds" are weights too ("Runner-up was a 2,310-pound squash; its grower
    takes home $2,000"); a story that writes no money in dollars may spell sterling "pounds"."""
    if _STERLING.search(text) or not _DOLLARS.search(text):
        return False
    return any(_WEIGHT.search(text[max(0, m.start() - 40):m.start()]) or _WEIGHT_AFTER.match(text[m.end():m.end() + 60])
               for m in _POUNDS.finditer(text))


_STERLING = re.compile(r"£|\b(?:sterling|pence|GBP|British\s+pounds?|pounds?\s+sterling)\b", re.IGNORECASE)
_DOLLARS = re.compile(r"\$|\bdollars?\b", re.IGNORECASE)
_POUNDS = re.compile(r"\d[\d,.]*\s+(?:million\s+|billion\s+)?pounds\b", re.IGNORECASE)


_PRIZE_OR_SALE = re.compile(r"\b(?:won|wins|prize|sells?|selling|fetch(?:es|ed|ing)?|commission(?:s|ed|ing)?|charg(?:e|es|ed|ing)|"
                            r"(?:took|take|takes|taking)\s+home|pocket(?:s|ed)?|earn(?:s|ed)?|award(?:s|ed)?)\b",
                            re.IGNORECASE)


def _paid_after(words: str) -> bool:
    """Do `words`, between a weight and "pounds", name money ("sold it online for", "won its grower")?"""
    return bool(_MONEY_CUE.search(words) or _PRIZE_OR_SALE.search(words))


# "6.25m" glued is metres, not millions, beside a length's words: after it ("300m long", "a 50m-high wave",
# "some 20m away", "6.24m (20 feet ...)") or before it in its sentence ("cleared 5.70m", "a javelin throw of 89.45m").
GLUED_FIGURE = r"\d(?:[\d,]*\d)?(?:\.\d+)?"  # the digits of a figure glued to its "m"
_GLUED_M = re.compile(GLUED_FIGURE + "m")
_SECOND_END_M = re.compile(rf"\s?[-–]\s?{GLUED_FIGURE}m\b")
SIZE_WORDS = "long|high|tall|deep|wide|thick"  # the words of a length after its number
_LENGTH_AFTER = re.compile(rf"^(?:-|\s)(?:{SIZE_WORDS}|away|above|below|altitude|in\s+(?:length|height|diameter|depth|width)|"
                           r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\b"
                           r"|^\s+(?:of\s+)?(?:water|snow|rain|sea|ice)\b|^\s*\(\s*\d[\d.,]*\s*(?:feet|foot|ft|yards|inches)\b", re.IGNORECASE)
_LENGTH_BEFORE = re.compile(r"\b(?:clear(?:ed|s|ing)?|soar(?:ed|s|ing)?|vault\w*|jump\w*|leap\w*|thr[eo]w\w*|heights?|altitude|depth|"
                            r"distances?|elevation|metres?|meters?|waves?|swell|dive|dived|rivers?|tides?|water\s+levels?|measur(?:e|es|ed|ing)|"
                            r"accuracy|radius|diameter|"
                            r"\d\s?(?:cm|mm|km))\b(?!-)(?:[^.;!?]|\.(?=\d)){0,60}$",
                            re.IGNORECASE)


# ... and near the words of jumps and throws, where a bare "6.24m" or "a world record of 6.03m" is a height or a distance;
# so is a figure to the centimetre ("2.45m", "89.45m") anywhere in such a story (not "housing starts fell to 1.29m").
_FIELD_EVENT = re.compile(r"\b(?:pole[\s-]vault\w*|vaulter\w*|(?:high|long|triple)[\s-]jump\w*|javelin|discus|shot[\s-]put\w*|"
                          r"hammer[\s-]throw\w*)\b", re.IGNORECASE)
_CENTIMETRES = re.compile(r"\d{1,2}\.\d\dm")


def money_before(text: str, start: int) -> bool:
    """Is there a word of money right before `start` ("paid", "worth", "£")?"""
    return _MONEY_CUE.search(text[max(0, start - 40):start]) is not None


def glued_metres(text: str, start: int, end: int) -> bool:
    """Is the number at [start, end), written with a glued "m" and no currency, a length in metres?"""
    if not _GLUED_M.fullmatch(text, start, end) or money_before(text, start):
        return False  # "after the jump, the club paid 4.5m": money
    if second := _SECOND_END_M.match(text, end):
        end = second.end()  # "2m-3m high": a range's first end is in the unit of its second
    return bool(_LENGTH_AFTER.match(text[end:end + 30]) or _LENGTH_BEFORE.search(text[max(0, start - 80):start])
                or _FIELD_EVENT.search(text, max(0, start - 600), end + 300)
                or _CENTIMETRES.fullmatch(text, start, end) and _FIELD_EVENT.search(text))


_DOLLAR_MARK = re.compile(r"\b(?:A|AU|NZ|C|CA|S|HK|NT|US)\$|€|(?<![A-Z])\$")


def _dollar_beside(text: str, end: int) -> str | None:
    """The currency of the last dollar or euro sign in the sentence before `end`, or else of the one the move's level
    is written in right after ("by 20 cents to A$3.40"), whose cents a number's are."""
    before = text[max(0, end - 150):end]
    marks = list(_DOLLAR_MARK.finditer(_SENTENCE_END.split(before)[-1]))
    if not marks and (level := _LEVEL_AFTER.match(text, end)):
        marks = [level]
    return currency_before(marks[-1].group(0))[0] if marks else None


_LEVEL_AFTER = re.compile(r"\s*(?:cents?|c)\s+(?:to|at)\s+(?:about\s+|around\s+)?" + _DOLLAR_MARK.pattern)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")  # a paragraph's end (`unit_after`)


# The dollars and the euro whose cents a text names: "4 US cents", "1,204 Australian cents".
_CENTS_OF = {"us": "USD", "u.s.": "USD", "euro": "EUR", "australian": "AUD", "canadian": "CAD", "new zealand": "NZD", "nz": "NZD",
             "singapore": "SGD", "hong kong": "HKD"}


def unit_after(text: str, end: int, code: str | None, cues: tuple[str, ...] = (), singular_ok: bool = False,
               value: float | None = None) -> UnitRead:
    """The unit written right after the number ending at `end` (`code`: a currency written before;
    `cues`: the currencies the story's own words point at, `mention_rules.story_cues`; `value`: the number's, if
    known). A unit never stands past a blank line: "Most wins: 10" ends its paragraph, the "Podiums" of the next is no unit
    (the words after the number are read up to it; the places a currency is named by, in the whole text)."""
    whole = text
    if paragraph_end := _BLANK_LINE.search(text, end, end + 60):
        text = text[:paragraph_end.start()]
    after = text[end:end + 60]
    for pattern, unit in _MEASURES:
        if (match := pattern.match(after)) and not code:
            return UnitRead(unit, "count", match.end())
    if not code and re.match(r"c\b(?![.'’])", after) and _about_temperature(text, end):
        return UnitRead("degrees_celsius", "count", 1)  # "The year's mean was 0.17c higher than in 2016"
    if (gas := _GAS_VOLUME.match(after)) and not code:  # "6bcm of gas" is 6 billion cubic metres
        unit, factor = _GAS_UNITS[gas.group(1).lower()]
        return UnitRead(unit, "count", gas.end(), factor)
    if (tonnage := _TONNAGE.match(after)) and not code:
        unit, factor = _TONNAGE_UNITS[tonnage["abbr"].lower().removesuffix("s")]
        return UnitRead(unit, "count", tonnage.end(), factor)
    if not code and (points := _points_after(text, end, value)):
        return points
    if not code and (compound := _COMPOUND.match(after)):
        noun = compound["noun"].lower()
        return UnitRead(_COMPOUND_PLURALS.get(noun) or american(plural(noun)), "count", compound.end())  # "an eight-person jury"
    match = _AFTER.match(after)
    if match and match["pct"]:
        return UnitRead("percent", "percent", match.end())
    if match and match["pp"]:
        return UnitRead("percentage_points", "percent", match.end())
    if match and match["bp"]:
        return UnitRead("basis_points", "percent", match.end())
    if match and match["age"] and (counted := _COUNTED_IN.get(match["aunit"].lower())):
        return UnitRead(counted[0], "count", match.end(), counted[1])  # "a three-century-old coral": 300 years
    if match and match["age"]:
        return UnitRead(match["aunit"].lower() + "s", "count", match.end())
    if match and match["dur"] and code:
        return UnitRead(code, "currency", 0)  # "a record £3,549 year" is money, its "a" dropped
    if match and match["dur"]:
        dunit = match["dunit"].lower()
        if dunit in _COUNTED_IN:
            unit, factor = _COUNTED_IN[dunit]
            return UnitRead(unit, "duration", match.end(), factor)
        # "a 40-second clip" is counted in seconds as "40 seconds" is (a noun), which the labeller expects as a fact
        return UnitRead(dunit + "s", "count" if dunit == "second" else "duration", match.end())
    if match and match["sub"] and (code or match["sub"].strip().lower() not in ("p", "pence")):
        named = _CENTS_OF.get(" ".join((match["subcur"] or "").lower().split()))
        return UnitRead(code or named or _dollar_beside(text, end) or story_currency(cues, "USD"), "currency", match.end(),
                        0.01)  # "cents" of the dollar named before it in the sentence ("closed at A$3.42, up 9c"), else of the story
    if match and match["sub"] and (pence := _pence_in_the_pound(text, end, match.end())):
        return pence
    if match and match["sub"]:
        return UnitRead("GBP", "currency", match.end(), 0.01)
    if not code and (euro := re.match(r"\s?€(?!\s?\d)", text[end:end + 4])):
        return UnitRead("EUR", "currency", euro.end())  # "a cap at 180€ per megawatt hour": the euro sign after, as much of Europe writes it
    if not code and (sub := _SUBUNIT_AFTER.match(text, end)):  # "fell 12 paise", "rose by 10 tetri": hundredths
        owners = SUBUNITS[sub[1].lower()]
        owner = first_cued(owners, cues) or named_first(owners, whole) or owners[0]
        return UnitRead(owner, "currency", sub.end() - end, 0.01)
    if not code and (demonym := _LISTED_DEMONYM.match(text, end)):
        return UnitRead("people", "count", demonym.end(1) - end)  # "53 Nepali, five Indian, four Russians": people
    return _word_unit(text, end, match, code, singular_ok, cues, whole)


# A nationality alone after a count, in a list of them (`mention_filters._DEMONYM_AFTER`): "53 Nepali, five Indian"
# (not a brand or a month: "1.64 million Hyundai and Genesis cars", "1 March,").
DEMONYM = (r"(?:[A-Z][a-z]+(?:ian|ean|ese|ish)|French|Dutch|Czech|Swiss|Thai|Nepali|Pakistani|Bangladeshi|Israeli|Iraqi|"
           r"Saudi|Kuwaiti|Omani|Yemeni|Somali|Qatari|Emirati|Bahraini|Afghan|Filipino|Greek)")  # a nationality's word
LISTED_DEMONYM = DEMONYM + r"(?=\s*[,;]|\s+and\b)"
_LISTED_DEMONYM = re.compile(rf"\s({LISTED_DEMONYM})")


# A sentence about temperatures, with no money in it, before a lower-case "c": degrees Celsius, not cents.
_TEMPERATURE_WORDS = re.compile(r"\b(?:temperatures?|warming|warmer|hotter|colder|cooler|degrees|celsius|climate|"
                                r"pre-?industrial|heat)\b|°", re.IGNORECASE)
_MONEY_MARKS = re.compile(r"[$€£¥₹]|\b(?:cents?|pence|prices?|shares?|stocks?|costs?|dollars?|euros?|litres?|liters?|gallons?|"
                          r"petrol|gasoline|diesel|fuel|fares?|tax|duty|wages?|pay)\b", re.IGNORECASE)


def _about_temperature(text: str, end: int) -> bool:
    """Does the sentence that ends at `end`'s number speak of temperature and of no money?"""
    start = max(text.rfind(". ", 0, end), text.rfind("\n", 0, end)) + 1
    sentence = text[start:min((i for i in (text.find(". ", end), text.find("\n", end)) if i != -1), default=len(text))]
    return bool(_TEMPERATURE_WORDS.search(sentence)) and not _MONEY_MARKS.search(sentence)


# A British income tax rate in pence in the pound is a percentage: "the 45p top rate", "the basic rate to 19p", "20p in
# the pound"; its move in pence is in points: "a 1p cut in the basic rate" (a duty in pence is money: "a 5p cut in fuel
# duty" is 5p a litre).
_INCOME_TAX_RATE = r"(?:(?:top|basic|higher|additional|starting)\s+rate|income\s+tax)\b"
_PENCE_RATE_AFTER = re.compile(rf"\s+(?:{_INCOME_TAX_RATE}|in\s+the\s+pound\b)", re.IGNORECASE)
_PENCE_MOVE_AFTER = re.compile(rf"\s+(?:cut|rise|increase|reduction|hike)\s+(?:in|to)\s+(?:the\s+)?{_INCOME_TAX_RATE}", re.IGNORECASE)
_PENCE_RATE_BEFORE = re.compile(rf"\b{_INCOME_TAX_RATE}[^.;\d£$€]{{0,40}}?\b(?P<prep>to|from|by|of|at)\s+[\d.]+$", re.IGNORECASE)


def _pence_in_the_pound(text: str, end: int, length: int) -> UnitRead | None:
    """A number of pence (`end`: the figure's end, `length`: its "p"'s) that is a tax rate, read as percent."""
    if text[end:end + length].strip().lower() not in ("p", "pence"):
        return None
    before = _PENCE_RATE_BEFORE.search(text, max(0, end - 60), end)
    if _PENCE_MOVE_AFTER.match(text, end + length) or before and before["prep"].lower() == "by":
        return UnitRead("percentage_points", "percent", length)
    if rate := _PENCE_RATE_AFTER.match(text, end + length):
        return UnitRead("percent", "percent", rate.end() - end)  # "the 40p higher rate": its "higher" names the rate
    return UnitRead("percent", "percent", length) if before else None


# The hundredths of currencies, which news writes by name ("the rupee fell 12 paise"), with the currencies
# they are hundredths of, the usual one first (the story's own, `story_cues`, or the one whose place it
# names first wins: "kopecks" in a story from Kyiv are the hryvnia's).
SUBUNITS = {
    "paise": ("INR",), "paisa": ("INR", "PKR"), "kobo": ("NGN",), "pesewas": ("GHS",), "pesewa": ("GHS",),
    "tetri": ("GEL",), "qapik": ("AZN",), "qəpik": ("AZN",), "luma": ("AMD",), "satang": ("THB",), "halalas": ("SAR",), "halala": ("SAR",),
    "thebe": ("BWP",), "ngwee": ("ZMW",), "tambala": ("MWK",), "groszy": ("PLN",), "grosz": ("PLN",),
    "kopecks": ("RUB", "UAH", "BYN"), "kopeks": ("RUB", "UAH", "BYN"), "kopiyok": ("UAH",), "bani": ("RON", "MDL"),
    "tiyin": ("KZT", "UZS", "KGS"), "tyiyn": ("KGS",), "centavos": ("MXN", "PHP", "BRL", "ARS", "COP"),
    "piastres": ("EGP", "LBP", "SYP", "SDG"), "piasters": ("EGP", "LBP", "SYP", "SDG"), "centimes": ("CHF", "XOF", "XAF", "MAD"), "centime": ("CHF", "XOF", "XAF", "MAD"), "rappen": ("CHF",),
}
_SUBUNIT_AFTER = re.compile(r"[\s-](" + "|".join(sorted(SUBUNITS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


# The people who expected a figure, written after it with nothing for them to have expected but the
# figure itself: "the 160,000 analysts had expected", "120,000 economists polled by Reuters had
# forecast". They are not what it counts ("2,000 economists expected a slowdown" is a survey's size).
_EXPECTED_BY = re.compile(
    r"^\s+(?:analysts|economists|forecasters|experts|strategists|traders|investors|markets|pundits|observers)\s+"
    r"(?:(?:polled|surveyed|asked)\s+by\s+(?:[A-Z][\w.&'’-]*\s+){1,3})?(?:had\s+(?:been\s+)?|have\s+(?:been\s+)?|were\s+|are\s+)?"
    r"(?:expect(?:ed|ing)|forecast(?:ed|ing)?|predict(?:ed|ing)|anticipat(?:ed|ing)|project(?:ed|ing)|"
    r"estimat(?:ed|ing)|pencill?ed\s+in|call(?:ed|ing)\s+for|look(?:ed|ing)\s+for)\b"
    r"(?!\s+(?:a|an|the|that|this|it|its|their|to|growth|[a-z]+ing)\b)")


# A part of a group named after it: "300 of the birds", "two of its stores" (not "12 of the 20
# players", whose whole is a number of its own, nor "one of the world's").
_PART_OF_THE = re.compile(r"\s+of\s+(?:the|its|their|these|those|our)\s+(?P<noun>[a-z]+)\b(?!['’])"
                          r"(?:\s+(?P<noun2>[a-z]+)\b(?!['’]))?")  # or the plural after one word more: "one of its rotor blades"


_WON_AS_VERB = re.compile(r"\s+(?:at\s+least|more|multiple|several|the|their|his|her|its|our|gold|silver|bronze|back|over|"
                          r"medals?|titles?|seats?|votes?|races?|games?|matches|awards?|prizes?|praise|approval|support|"
                          r"re-?election|nothing|none|no|one|two|three|four|five|six|seven|eight|nine|ten)\b|\s+\d", re.IGNORECASE)


def _word_unit(text: str, end: int, match: re.Match[str] | None, code: str | None, singular_ok: bool,
               cues: tuple[str, ...] = (), whole: str | None = None) -> UnitRead:
    """A currency word or code ("euros", "Swiss francs", "CHF"), "pounds" by context, or a counted
    noun (not the people who expected the figure, `_EXPECTED_BY`); `whole`: the text whose places name a
    shared currency word's country, when `text` was cut at the number's paragraph end."""
    word = match["cword"].strip().lstrip("-") if match else ""  # "1.84-billion-euro"
    lowered = " ".join(word.lower().split())
    if lowered in ("pound", "pounds") and is_weight(text, end, end + match.end()):
        return UnitRead("pounds", "count", match.end())
    if lowered == "won" and _WON_AS_VERB.match(text, end + match.end()):
        return UnitRead(None, "count")  # "while 44 won multiple medals": the verb
    if not code and (coins := _CRYPTO_AFTER.match(text, end)):
        return UnitRead(COIN_UNITS[coins["coin"].lower().removesuffix("s")], "count", coins.end() - end)  # "200 Bitcoin", "400 BTC"
    if not code and lowered in _CURRENCY_ADJECTIVES and (held := _HELD_IN_CURRENCY.match(text, end + match.end())) \
            and _small_count_before(text, end):
        return UnitRead(held["noun"].lower(), "count", held.end() - end)  # "two dollar bonds": bonds counted, no money
    if not code and (local := local_currency(lowered, cues) or currency_by_place(lowered, whole or text)):
        return UnitRead(local, "currency", match.end())  # "3.4 billion crowns" in a Swedish story, "som" in an Uzbek one
    if currency := CURRENCY_WORDS.get(lowered) or CURRENCY_WORDS.get(without_accents(lowered)) or (
            word if word.isupper() and word in iso_currency_codes() else None):
        return UnitRead(currency, "currency", match.end())
    if code:
        return UnitRead(code, "currency")
    if _EXPECTED_BY.match(text[end:end + 90]):
        return UnitRead(None, "count")
    noun, consumed = counted_noun(text[end:end + 60], singular_ok)
    if noun is None and (compound := _ANY_COMPOUND.match(text, end)) and compound["noun"] not in _NO_COMPOUND_COUNT \
            and compound["noun"] not in NOUN_STOP and re.search(r"\d[kK]?$", text[max(0, end - 2):end]):
        noun = _COMPOUND_PLURALS.get(compound["noun"]) or american(plural(compound["noun"]))
        return UnitRead(noun, "count", compound.end() - end)  # "a 4,500-pipe organ"
    if noun is None and (part := _PART_OF_THE.match(text, end)) and (part_noun := next(
            (word.lower() for word in (part["noun"], part["noun2"] or "") if _is_plural(word.lower()) and word.lower() not in NOUN_STOP),
            None)):
        return UnitRead(american(part_noun), "count")  # "fewer than 300 of the birds"
    if noun is None and (sized := _SIZED_BY_A_NUMBER.match(text, end)):
        # "two 40-foot containers": the containers are counted; the compound is a quantity of its own, left to it
        return UnitRead(counted_noun(text[sized.end():sized.end() + 60])[0], "count")
    return UnitRead(noun, "count", consumed)


# Coins of a cryptocurrency, counted (no ISO code, no exchange rate): "200 Bitcoin", "400 BTC", "150 more Bitcoin".
CRYPTO_COINS = r"[Bb]itcoins?|BTC|ether|ETH|USDC|USDT"  # also a counted name after a number (`mention_filters._COUNTED_NAME`)
_CRYPTO_AFTER = re.compile(rf"\s+(?:(?:more|additional|extra)\s+)?(?P<coin>{CRYPTO_COINS})\b(?![-’'])")


# A currency named in the singular before what is held in it ("missed two dollar bond coupon payments", "three
# yuan bonds"): a small whole count of the instruments, not an amount (banknotes and coins are amounts: "two dollar
# bills" is left to the currency).
_CURRENCY_ADJECTIVES = frozenset({"dollar", "euro", "yuan", "renminbi", "yen", "sterling", "franc", "rupee", "peso"})
_HELD_IN_CURRENCY = re.compile(r"(?:-denominated)?(?:\s+bond)?(?:\s+coupon)?\s+(?P<noun>bonds|loans|securities|tranches|"
                               r"coupons|payments|deposits)\b", re.IGNORECASE)


def _small_count_before(text: str, end: int) -> bool:
    """Does a whole count under 100 end at `end`: one or two digits, or one number word ("two", "forty")?"""
    word = re.split(r"[\s(]", text[max(0, end - 12):end])[-1].lower()
    return word.isdecimal() and len(word) <= 2 or word in UNITS or word in TENS


_SIZED_BY_A_NUMBER = re.compile(r"\s+\d[\d,.]*-[a-z]+(?:-[a-z]+)?(?=\s+[a-z])")


# An exchange rate: a bare number of one currency for one unit of another, the first named before it
# in its sentence ("the zloty held at 4.27 per euro", "the rupee hit 84.5 to the dollar").
_PER_CURRENCY = re.compile(r"\s*(?:per|to\s+the|against\s+the|for\s+the|a)\s+(?:(?:US|U\.S\.|American|United\s+States)\s+)?"
                           r"(?P<to>dollar|euro|pound|yen|yuan|greenback)\b(?!\s+(?:bills?|notes?|coins?|store|shop)\b)", re.IGNORECASE)


# A rate against one dollar written as money: "the peso went to about 800 to $1".
TO_ONE_DOLLAR = re.compile(r"\s+(?:to|per|for|against)\s+(?:US|U\.S\.)?\$\s?1(?![\d.,]*\d)(?!\s*(?:million|billion|trillion|bn|m)\b)",
                           re.IGNORECASE)
_NAMED_CURRENCY = re.compile(rf"\b(?:(?:[Tt]he\s+)?(?P<national>(?i:{_NATIONAL}))\s+(?P<of>[a-z]+)"
                             r"|(?:[Tt]he|(?P<own>[A-Z][a-z]+)['’]s)\s+(?:[A-Z][a-z]+\s+)?(?P<name>[a-z]+))\b")  # "halt Yen's slide"
_QUOTED_IN_DOLLARS = frozenset({"USD", "EUR", "GBP", "AUD", "NZD"})  # "the euro rose to 1.09": dollars per euro


def _currencies_named(text: str, start: int, end: int, cues: tuple[str, ...], dollar: bool = False) -> list[tuple[str, re.Match[str]]]:
    """The currencies named in text[start:end] ("the zloty", "Lebanese pounds", "Yen's slide"), last first, with
    their codes; the dollar, the euro and the pound only by a national name ("Swiss franc" is CHF), or with `dollar`
    the bare dollar too."""
    found = []
    for named in reversed(list(_NAMED_CURRENCY.finditer(text, start, end))):
        for name in filter(None, (named["of"] or named["name"], (named["own"] or "").lower())):
            national = f"{named['national'].lower()} {name}" if named["national"] else ""
            code = CURRENCY_WORDS.get(national) or CURRENCY_WORDS.get(national + "s") or local_currency(name, cues) \
                or (CURRENCY_WORDS.get(name) if name not in ("dollar", "euro", "pound") else None) \
                or ("USD" if dollar and name in ("dollar", "greenback") else None)
            if code:
                found.append((code, named))
                break
    return found


def exchange_rate(text: str, start: int, end: int, sentence_start: int, cues: tuple[str, ...] = ()) -> str | None:
    """The unit of a bare number written as an exchange rate ("PLN per euro"): the currency its
    sentence names before it ("the zloty", "Lebanese pounds"), per the one after it; else None."""
    target = _PER_CURRENCY.match(text, end)
    if not target and not TO_ONE_DOLLAR.match(text, end):
        return None
    to = _denominator(target["to"].lower()) if target else "dollar"
    code = next((code for code, _ in _currencies_named(text, sentence_start, start, cues) if code != CURRENCY_WORDS[to]), None)
    return f"{code} per {to}" if code else None


# A currency quoted in its own units to the dollar, the subject of a move to a bare level: "The rupiah hit a
# 25-year low, then recovered to 16,100", "the rupee closed at 83.21" are so many of it per dollar, as markets
# quote it, as is "It later rose to 16,050" after such a rate. Not the euro, the pound or the dollar, quoted
# the other way round, nor a level another subject reached ("the yen weakened and the Nikkei rose to 38,000").
_LEVEL_VERBS = (r"rose|rises|fell|falls|slipped|slips|slid|slides|dropped|drops|climbed|weakened|strengthened|recovered|"
                r"rebounded|bounced|hit|hits|touched|reached|traded|trades|trading|stood|stands|ended|closed|opened|"
                r"finished|settled|hovered|firmed|eased|plunged|tumbled|sank|jumped|surged|gained|retreated|steadied|"
                r"returned|crashed|plummeted|depreciated|appreciated|sagged|slumped|edged|was|is")
_MOVED_TO_LEVEL = re.compile(
    rf"\b(?:{_LEVEL_VERBS})(?:\s+(?:back|further|briefly|sharply|up|down|higher|lower|as\s+(?:low|high|weak|strong)\s+as))*"
    r"\s+(?:to|at|past|beyond|near|around|above|below)(?:\s+(?:a|an|its|the|new|fresh|record|all-time|\d+-year|intraday|"
    r"low|high|level|lowest|highest|weakest|strongest|of))*\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?$",
    re.IGNORECASE)
_NEW_SUBJECT = re.compile(r"(?:[,;]|\b(?:and|while|but|whereas|as|after|when|because))\s+(?:(?:the|a|an|its|their)\b|[A-Z])")
_IT = re.compile(r"\W*(?:It|The\s+(?:currency|unit))\b")


def moved_to_level(text: str, start: int, since: int) -> bool:
    """Does a move to a bare level end at `start` ("recovered to", "closed at a record low of"), with no new subject
    between `since` and it ("the rupee closed at 83.2, while the Sensex ended at 72,000")?"""
    moved = _MOVED_TO_LEVEL.search(text, max(since, start - 80), start)
    return moved is not None and not _NEW_SUBJECT.search(text, since, moved.start())


def implied_rate(text: str, start: int, sentence_start: int, cues: tuple[str, ...], rate_before: str | None) -> str | None:
    """The unit of a bare level a currency quoted per dollar moved to, its sentence's subject ("JPY per dollar"), or
    the rate of the sentence before (`rate_before`) when the subject is "it"; else None."""
    moved = _MOVED_TO_LEVEL.search(text, max(sentence_start, start - 80), start)
    if not moved:
        return None
    if _IT.match(text, sentence_start):
        return None if _NEW_SUBJECT.search(text, sentence_start, moved.start()) else rate_before
    named = _currencies_named(text, sentence_start, moved.start(), cues, dollar=True)
    if not named or named[0][0] in _QUOTED_IN_DOLLARS or _NEW_SUBJECT.search(text, named[0][1].end(), moved.start()):
        return None
    return f"{named[0][0]} per dollar"


def quoted_against(text: str, end: int, code: str) -> tuple[str | None, int]:
    """The other currency of an amount quoted as an exchange rate ("Rs 278 to the dollar",
    "₦1,530 against the US dollar"), and its length; None for an amount of that currency itself."""
    if code != "USD" and (one := _FOR_ONE_DOLLAR.match(text, end)):
        return "dollar", one.end() - end  # "50 pounds for $1"
    target = _PER_CURRENCY.match(text, end)
    if not target or target.group(0).split()[0].lower() == "a" or CURRENCY_WORDS[_denominator(target["to"].lower())] == code:
        return None, 0
    return _denominator(target["to"].lower()), target.end() - end


_FOR_ONE_DOLLAR = re.compile(r"\s+(?:for|to)\s+(?:(?:US)?\$1(?![\d.,]*\d)(?!\s*(?:million|billion|trillion|bn|m)\b)|1\s+USD\b)",
                             re.IGNORECASE)  # "50 pounds for $1", "30,000 ZWD to 1 USD"


def rate_after(text: str, end: int, of_one: bool = False) -> tuple[str | None, int]:
    """The denominator written after a unit ("per barrel", "a month", "of steel a year"), and its length;
    with `of_one` (after money or a measure), also any one thing it is of ("2,000 pounds a sack", "1,200 tenge a car",
    "5,480 litres a cow")."""
    match = _RATE.match(text[end:end + 60])
    if not match:
        return None, 0
    den = match["den"].lower().replace(" ", "_")
    written = match.group(0).lower()
    if of_one and den in _KIND_OF_PAYER and (payer := _WORD_AFTER.match(text, end + match.end())) and payer.group(1).islower() \
            and payer.group(1) not in NOUN_STOP:
        return american(payer.group(1)), payer.end() - end  # "ARS45,000 a foreign visitor": the visitor pays it
    if match["ago"] is not None and (re.fullmatch(DURATIONS, den) or den in ("term", "semester", "season", "winter", "summer")):
        return None, 0  # "up from $2,500 a year ago", "3 seats a term ago": a time, no rate
    if den in ("capita", "head"):
        return "capita", match.end()
    if den == "second" and "per" not in written:  # "5 metres a second, the gauge showed"; not "2 metres a second time"
        return ("second", match.end()) if _SECOND_ENDS.match(text, end + match.end()) else (None, 0)
    if _EACH_ONE.search(written) and den not in _NOT_EACH and match["den"].islower():
        noun = _WORD_AFTER.match(text, end + match.end()) if den.endswith("ed") or den in _KIND_OF_DAY else None
        if noun and noun.group(1).islower():  # "for every returned bottle": the thing after the participle
            if noun.group(1).lower() in _NOT_EACH:
                return None, 0  # "for each calendar year", "for each working day": a time, as "for every year"
            return american(noun.group(1)), noun.end() - end
        return american(den), match.end()  # "300 manat goes to every pensioner", "$40 for each tonne"
    if "per" not in written and "/" not in written and den.split("_")[-1] not in _A_DENOMINATORS \
            and not (of_one and re.search(r"\ban?\s+\S+$", written) and match["ago"] is None
                     and not re.search(r"\s(?:and|or|but)\s", written)  # "of hot air and lifts a basket": another clause
                     and _one_thing(match["den"], text[end + match.end():end + match.end() + 60])):
        return None, 0
    if den in ("the", "a", "an", "cent", "cents") or "/" in written and re.match(r"\s?\d", text[end + match.end():]):
        return None, 0  # "Total $88.2M/Wk 3": the third week, no rate
    if den in ("winter", "summer") and not re.match(r"\s*(?:an?|per)\s", written):
        return None, 0  # "a hundred nights a winter" is a rate; "days of -50C each winter" says when
    den = den + "_hour" if den in ("megawatt", "kilowatt") and text[end + match.end():].startswith((" hour", "-hour")) else den
    extra = 5 if den.endswith("_hour") and "hour" not in match["den"] else 0
    return _denominator(den), match.end() + extra


_SECOND_ENDS = re.compile(r"\s*(?:[.,;:)!?]|$)|\s+(?:and|or|in|at|on|over|from|through|during|when|while|with|as|for|to|"
                          r"the|an?|than|until|before|after)\b")
_EACH_ONE = re.compile(r"\b(?:to|for)\s+(?:every|each)\b")
_NOT_EACH = frozenset("of one other time day year month week".split())  # "for each of", "for every year": no thing paid for
_KIND_OF_DAY = frozenset("calendar school working business trading".split())  # "for each calendar year": the noun after it
_KIND_OF_PAYER = frozenset("foreign local overseas international domestic resident non-resident visiting returning adult "
                           "single double standard regular".split())  # "a foreign visitor", "a single room": the noun after it
# Words after "a" that name no thing a price could be of ("$5m a record", "£2bn a further"); "a piece" is "each".
_NO_BASIS = frozenset("few lot little bit further total record new third half quarter piece pop".split())


_DOES = re.compile(r"^\s+(?:[a-z]+ed|has|had|is|was|will|would|can|could|may|might|must|should|says|said)\b")
_ONE_OR_MANY = frozenset("sheep fish deer aircraft salmon trout cod bison moose craft".split())  # "R28 a sheep"


def _one_thing(word: str, after: str) -> bool:
    """A singular noun that is no subject of the verb after it ("the $1.1 billion a rival paid")."""
    if not word.islower() or " " in word or _is_plural(word) and word not in _ONE_OR_MANY or word in _NO_BASIS \
            or _DOES.match(after):
        return False
    following = _WORD_AFTER.match(after)
    return following is None or following.group(1).lower() not in IRREGULAR_PAST


# "three euros a kilo" is per kilogram, "€120/MWh" per megawatt hour, "per annum" per year
_SHORT_DENOMINATORS = {"kilo": "kilogram", "kg": "kilogram", "kwh": "kilowatt_hour", "mwh": "megawatt_hour", "annum": "year",
                       "greenback": "dollar"}  # "800 pesos per greenback"


def _denominator(word: str) -> str:
    """A rate's denominator as written ("kilo", "annum", "licence") in the contract's spelling ("kilogram", "license")."""
    return american(_SHORT_DENOMINATORS.get(word, word)).replace("-", "_")  # "call-out" -> "call_out"


_PER_NUMBER = re.compile(
    r"(?:\s+of\s+[a-z]+)?\s*per\s+(?P<n>\d{1,3}(?:,\d{3})+|\d+|hundred|thousand|million)\b(?![.,]\d)(?!-)"  # not "per 5-kilo bag"
    r"(?:\s+(?P<noun>[a-z]+)\b)?", re.IGNORECASE)
_PER_NUMBER_WORDS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_NOT_A_NOUN = frozenset("in on at and or the a an of from to last this that for by with than was were is are".split())


def per_number_after(text: str, end: int) -> tuple[str | None, int]:
    """A denominator that is itself a number, written after a rate ("6.39 births per 1,000 people",
    "7.87 per thousand", "104.49 males per 100 females", "28 litres of diesel per 100 km"): "1000_people" and its length, so that
    the denominator is part of the rate's unit ("births per 1000_people", or "per_1000_people"
    with no unit before it) and never a quantity of its own."""
    match = _PER_NUMBER.match(text, end)
    if not match:
        return None, 0
    n = match["n"].lower()
    count = _PER_NUMBER_WORDS.get(n) or int(n.replace(",", ""))
    noun = match["noun"] if match["noun"] and match["noun"].lower() not in _NOT_A_NOUN else None
    stop = match.end() if noun else match.end("n")
    return "_".join([str(count), *([american(noun.lower())] if noun else [])]), stop - end


# The same move restated in percent right after its points: "a fall of 2,000 points, or 9 per cent" (index points).
_OR_PERCENT = re.compile(r"\s*,?\s+or\s+(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|some\s+)?[\d.]+\s?(?:%|per\s?cent\b|"
                         r"percent\b)", re.IGNORECASE)


def _points_after(text: str, end: int, value: float | None) -> UnitRead | None:
    """"20 points", "a 17 point increase", "a four-point drop": percentage points in a sentence about
    shares, votes, polls or rates that names no index, market or game (a restatement in percent right after,
    `_OR_PERCENT`, is no share word), and never more than 100 of them; else index, game or contest points."""
    match = _POINT_AFTER.match(text, end)
    if not match:
        return None
    start = max(text.rfind(". ", 0, end) + 1, text.rfind("\n", 0, end) + 1, end - 200, 0)
    stop = min(x for x in (text.find(". ", end), text.find("\n", end), end + 120) if x >= 0)
    restated = _OR_PERCENT.match(text, match.end())
    sentence = text[start:match.end()] + text[restated.end():stop] if restated else text[start:stop]
    tally = value is not None and abs(value) > 100  # "376 points from the public vote"
    if _SHARE_WORDS.search(sentence) and not _INDEX_WORDS.search(sentence) and not tally:
        return UnitRead("percentage_points", "percent", match.end() - end)
    return UnitRead("points", "count", match.end() - end)


def storm_category(text: str, start: int, value: float) -> bool:
    """"a Category 3 storm", "downgraded to Category 1": a storm's rating on its scale (1 to 5), in a
    sentence or the one before it that speaks of a storm."""
    if not (1 <= value <= 5 and _CATEGORY_BEFORE.search(text[max(0, start - 12):start])):
        return False
    return bool(_STORM_WORDS.search(text[max(0, start - 250):start + 80]))


# A person's age set off by commas after their name: "Novak Djokovic, 37, lost", "said Edelmira Montiel, 87, a
# supporter" (not after a day or a month: "On Tuesday, 12, ..." is no age); "Prabowo, aged 72, was"; "his son,
# Tom Ash, is 37 but"; an age limit: "a minimum age requirement of 40", "at the age of 40".
_CALENDAR_NAMES = "|".join([*calendar.day_name, *calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"])
_NAME = rf"\b(?!(?:{_CALENDAR_NAMES})\b)[A-Z][a-z\u00c0-\u017f'’.-]+"
_NAME_COMMA = re.compile(rf"{_NAME},\s$")
# ... or in brackets, as many outlets write it, before the person's verb: "Okafor (58) was" (not a tally, "Leeds (12) and")
_NAME_BRACKET = re.compile(rf"{_NAME}\s\($")
_BRACKET_AGE_END = re.compile(r"\)(?:,|\s+(?:was|is|has|had|who|said|says|told|died|appeared|pleaded|faces|denied|denies)\b)")
# ... or after a person named by their role: "The driver, 52, told", "a retired teacher, 67, said"
_ROLE = ("man|woman|boy|girl|driver|defendant|victim|suspect|accused|mother|father|son|daughter|wife|husband|"
         "teenager|pilot|officer|worker|passenger|resident|owner|pensioner|student|teacher|nurse|doctor|farmer|"
         "player|striker|goalkeeper|captain|coach|singer|actor|actress|rapper|founder|grandmother|grandfather|"
         "sister|brother|gunman|attacker|survivor|patient|tenant|employee|soldier|veteran|climber|runner|"
         "fisherman|landlord|shopkeeper|mechanic|labourer|laborer|cleaner|engineer|journalist|photographer|"
         "president|governor|minister|mayor|senator|lawmaker|judge|killer|murderer|footballer|boxer|artist|author|"
         "writer|novelist|lawyer|businessman|businesswoman|billionaire|chairman|chairwoman|activist|priest|cyclist|"
         "swimmer|golfer|champion")
_ROLE_COMMA = re.compile(rf"\b(?:the|a|an|his|her|their)\s+(?:[a-z-]+\s+){{0,2}}(?:{_ROLE}),\s$",
                         re.IGNORECASE)
# ... or by any word of a person's work, with the person's verb after the age: "The harbourmaster, 58, has run"
_AGENT_COMMA = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z-]+['’]s\s+)?(?:[a-z-]+\s+)?[a-z]+(?:er|or|ist|man|woman|ian),\s$")
_PERSON_VERB = re.compile(r"\s+(?:has|had|is|was|will|said|says|told|who|died|lives|lived|works|worked|added|joined|began|started|"
                          r"still|first|learned|learnt|came|took|left|spent)\b")  # "its oldest ropemaker, 78, joined"
# ... or who speaks last in the sentence: "said Celal Kara, 40."
_SAID_NAME = re.compile(rf"\b(?:said|says|told|asked)\s+(?:{_NAME}\s+){{0,2}}{_NAME},\s$")
# The words before a time of day: "at 9:30 hours", "until at least “23h59", "since 11:15 hours" (`mention_filters`,
# `mention_words`); TIME_LEAD_END is what may follow the word ("at least", a quote).
TIME_LEAD_END = r"\s+(?:at\s+least\s+)?[\"“‘']?$"
CLOCK_LEAD = re.compile(r"\b(?:at|to|by|till|until|from|since|before|after|between|and)" + TIME_LEAD_END, re.IGNORECASE)
AGE_VERB = r"(?:aged|who\s+is|who\s+was|(?:he|she)\s+(?:is|was)|is|was|now)"  # the words between a name and its age: "Ash, aged
# 64", "Prince Tomas, he is 74 years old", "Costa, now 38,"
_NAME_AGED = re.compile(rf"{_NAME},\s+{AGE_VERB}\s+$")
_JUST = r"(?:(?:just|only|about|around|nearly|almost|barely)\s+)?"
# "at the age of just 17", "aged 19": an age whatever follows
_AGE_OF = re.compile(rf"\bage\s+(?:[a-z]+\s+){{0,2}}of\s+{_JUST}$|\bat\s+age\s+{_JUST}$|\bage\s*:\s*$|"  # ... "Age: 75" in a profile
                     rf"\b(?:boy|girl|child|lad|lass|youngster|teenager|youth)\s+of\s+{_JUST}$|\baged\s+{_JUST}(?:\d{{1,3}}(?:\s*,\s*\d{{1,3}})*,?\s+and\s+)?$",
                     re.IGNORECASE)  # ... and each age of a list: "two men, aged 34 and 41"
# "who turns 20 later in June", "he is only 19 and": an age when the clause ends after it
_AGE_REACHED = re.compile(rf"\b(?:turns|turned|turning|(?:will|would|to)\s+turn)\s+$|\b(?:he|she)\s+(?:is|was)\s+{_JUST}$"
                          rf"|(?-i:\b(?!(?:The|New|North|South|East|West|United|Saudi|Sri|Hong)\s)[A-Z][a-z]+\s+[A-Z][a-z]+)\s+was\s+{_JUST}$",
                          re.IGNORECASE)  # ... and a person's two names: "Princess Elizabeth was 13 when"
# "When she was 16 she ...": an age whatever follows
_WHEN_AGE = re.compile(rf"\bwhen\s+(?:he|she|I)\s+was\s+{_JUST}$", re.IGNORECASE)
# An age at a step of a life: "became monarch at just 25", "retired at 65", "married at the age of 19", "clinched the
# title at just 18", "won Wimbledon at 17"
_LIFE_STEP_AT = re.compile(r"\b(?:(?:became|becomes|become|becoming)\b[^.;:!?\d]{0,40}\bat\s+(?:just|only|barely)"
                           r"|(?:won|wins|win|winning|clinched|clinches|clinching|claimed|captured)\s+(?:the\s+|her\s+|his\s+|a\s+)?"
                           r"(?:(?:(?-i:[A-Z])[\w'’-]*\s+){1,3}|(?:[a-z]+\s+)?(?:title|crown|championship|medal|gold|"
                           r"cup|trophy|race|final|tournament)s?\s+)at(?:\s+(?:just|only|barely))?"
                           r"|(?:crowned|married|retired|widowed|orphaned|debuted|left\s+school)\b[^.;:!?\d]{0,30}\bat"
                           r"|\b(?:he|she|I)\s+(?:first\s+)?(?:started|began|joined)\b[^.;:!?\d]{0,30}\bat"  # "where she started at 15."
                           r"|\b(?:his|her)\s+first\s+(?:[a-z]+\s+){1,2}at"  # "launching his first boat at 23"
                           r"(?:\s+(?:just|only|barely))?)\s+$", re.IGNORECASE)
_LIFE_STEP_END = re.compile(r"^\s*(?:[,.;:)]|$|(?:and|but|when|while|as|upon|after|following|in|on)\b)")
_CLAUSE_WORDS = "but|and|when|while|as"
_CLAUSE_END = re.compile(rf"^\s*(?:[,.;:)]|$|(?:{_CLAUSE_WORDS})\b)")
# ... or a time after an age reached: "who turns 20 later in June"
_AGE_CLAUSE_END = re.compile(rf"^\s*(?:[,.;:)]|$|(?:{_CLAUSE_WORDS}|later|next|on|in|this|last|soon)\b)")
_RANGE_ON = re.compile(r"^\s*(?:to|-|–)\s*\d")
# The age bound of a group with no other noun: "those over 50", "buyers under 30", "people aged over 65"
_GROUP_AGED = re.compile(r"\b(?:those|people|anyone|adults|buyers|workers|voters|patients|residents|drivers|women|men|"
                         r"pensioners|users|smokers|children|kids|visitors|members|holders|competitors|runners|riders|pupils|"
                         r"students|customers|of\s+them|(?!numbers\b|orders\b|(?:sect|fact|vect|mot|col|flo|err|hon|lab|tract)ors\b)[a-z]{3,}(?:ers|ors|ists|ians))\s+"
                         r"(?:(?:are|is|were|was)\s+(?:now\s+|still\s+)?)?(?:aged\s+)?(?:over|under|above|below)\s+$"
                         r"|\baged\s+(?:over|under|above|below)\s+$",
                         re.IGNORECASE)  # "children under five ride free", "plot holders are now under 40,", "half of them over
# 50", "indigo makers are over 70", "the share aged over 55"
_GROUP_AGE_END = re.compile(rf"^\s*(?:[,.;:)]|$|(?:(?:still|also|only|now|already|usually|often)\s+)?(?:{_CLAUSE_WORDS}|to|who|were|are|will|can|cannot|could|must|may|paid|pay|ride|"
                            rf"travel|go|get|enter|rose|fell|in|[a-z]{{3,}}ed)\b)")


# A people's age measured: "the median age will rise from 44.9", "mothers' average age was 33.6"
_AGE_MEASURE = re.compile(r"\b(?:median|average|mean)\s+age\b(?:[^.;:!?]|\.(?=\d)){0,50}$", re.IGNORECASE)
# A sentence that opens with the age of the person it names next: "At 24, Duplantis ...", "At 71, she ...".
_AT_AGE_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)(?:And\s+|But\s+|Now\s+|Even\s+)?(?:[Aa]t|[Aa]ged|[Aa]t\s+(?:just|only))\s+$")
_AT_AGE_AFTER = re.compile(r"^,\s+(?:[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+)?\s+(?:is|was|has|had|became|becomes|will|would|won|took|"
                           r"remains|still|now|also|already)\b|(?:he|she)\b)|^\s+(?:he|she)\s+(?:was|is|had|has|became|won|made|played)\b")
# The youngest or oldest of a group of people: "the youngest was 19, the oldest 71"
_YOUNGEST = re.compile(r"\b(?:youngest|oldest)\s+(?:(?:[a-z-]+\s+){1,3}(?:was|is|were|are)\s+|(?:was|is)\s+|"
                       r"of\s+(?:the|its|their|[A-Z][\w'’-]*['’]s)\s+(?:[\w'’-]+\s+){1,3}(?:was|is|were|are)\s+|)$", re.IGNORECASE)  # "the
# youngest of the town's dredgermen is 23"
_WHEN_LIFE_AFTER = re.compile(r"\s+when\s+(?:he|she)\s+(?:died|retired|started|began|joined|left|won|became|married|"
                              r"first|finally|took|set\s+up|founded|opened)\b")
# The age a person died at: "Pelé dies at 82", "died at 96"
_DIED_AT = re.compile(r"\b(?:dies|died|dead|passes\s+away|passed\s+away)(?:\s+in\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?)?"
                      r"\s+at\s+$", re.IGNORECASE)  # ... "dies in Spain at 117"
# The oldest or youngest one at an age, one who lived to it, one thought to be that old or older: "the world's oldest
# person at 117", "the only person to have lived past 120", "people thought to be 110 or older"
_OLDEST_AT = re.compile(r"\b(?:oldest|youngest)\s+(?:[\w'’-]+\s+){0,3}at\s+(?:just\s+|only\s+)?$"
                        r"|\blived\s+(?:to|past|beyond|until)\s+(?:the\s+age\s+of\s+)?$", re.IGNORECASE)
_OR_OLDER = re.compile(r"\s+(?:or|and)\s+(?:older|younger)\b", re.IGNORECASE)


_FULL_NAME_COMMA = re.compile(rf"\b[{_CAPITALS}][\w'’-]+\s+[{_CAPITALS}][\w'’-]+,\s*$")


def age_in_apposition(text: str, start: int, end: int, value: float) -> bool:
    """Whether the whole number at [start, end) is a person's age after their name ("Sheinbaum, 61, is", "Ana Souza, 44; her
    co-pilot", "Okafor (58) was",
    "the driver, 52, said", "Prabowo, aged 72, was", "Raka, is 37 but"), after "aged" or "at the age of (just)", one reached
    ("who turns 20 later in June", "he is only 19 and", "Princess Elizabeth was 13 when", "When she was 16"), one at a
    step of a life ("became monarch at just 25 upon", "retired at 65.", "where she started at 15,", "launching his first boat at
    23", "as a boy of 12"), one a sentence opens with ("At 24, Duplantis is"), the youngest's
    or oldest's ("the youngest was 19, the oldest 71"), a median or
    average age ("the median age will rise from 41.5"), or an age limit ("a minimum age requirement of 40"); never a
    lottery's bonus ball ("the gold Mega Ball was 14", `BONUS_BALL`)."""
    if BONUS_BALL.search(text, max(0, start - 30), start):
        return False
    if 0 < value < 120 and _AGE_MEASURE.search(text, max(0, start - 70), start):
        return True  # "the median age will rise from 41.5 in 2020 to 52.8"
    if not (value == int(value) and 1 <= value <= 125):  # the oldest verified person lived to 122
        return False
    before = text[max(0, start - 40):start]
    if text[end:end + 1] == ";" and _FULL_NAME_COMMA.search(before):
        return True  # "Ana Souza, 44; her co-pilot Jonas Berg, 39;": a list of people (not "Germany, 40; France, 35")
    if text[end:end + 1] == "," and (_NAME_COMMA.search(before) or _ROLE_COMMA.search(before)
                                     or _AGENT_COMMA.search(before) and _PERSON_VERB.match(text, end + 1)):
        return True
    if text[end:end + 1] == "." and _SAID_NAME.search(text, max(0, start - 60), start):
        return True  # "said Celal Kara, 40."
    if 12 <= value <= 110 and _NAME_BRACKET.search(before) and _BRACKET_AGE_END.match(text[end:end + 12]):
        return True
    if _AGE_OF.search(before):
        return not _RANGE_ON.match(text[end:end + 12])  # "aged 5 to 19" stays one range
    if 12 <= value <= 110 and _AT_AGE_BEFORE.search(before) and _AT_AGE_AFTER.match(text[end:end + 30]):
        return True  # "At 24, Duplantis is": the age the sentence opens with
    if _DIED_AT.search(before) and not re.match(r"\s*(?:[:.]\d|am\b|pm\b|[ap]\.m\b|%)", text[end:end + 6]):
        return True  # "Pelé dies at 82"; not a clock time ("died at 3.15pm")
    if 2 <= value <= 100 and _GROUP_AGED.search(before) and _GROUP_AGE_END.match(text[end:end + 12]):
        return True
    if _YOUNGEST.search(text, max(0, start - 70), start) and _CLAUSE_END.match(text[end:end + 12]):
        return True  # "the youngest was 19, the oldest 71"
    if 5 <= value <= 120 and re.search(r"\b(?:was|is)\s+$", before) and _WHEN_LIFE_AFTER.match(text, end):
        return True  # "its maker was 92 when he died"
    if _OLDEST_AT.search(before) or _OR_OLDER.match(text, end):
        return True  # "the world's oldest person at 117", "lived past 120", "thought to be 110 or older"
    if _WHEN_AGE.search(before) or _LIFE_STEP_AT.search(text, max(0, start - 70), start) \
            and _LIFE_STEP_END.match(text[end:end + 12]):
        return True  # "When she was 16 she", "became monarch at just 25 upon"
    return bool(_NAME_AGED.search(before) and _CLAUSE_END.match(text[end:end + 12])
                or _AGE_REACHED.search(before) and _AGE_CLAUSE_END.match(text[end:end + 12]))


# A lottery's bonus ball, whose number is a label: "and the Powerball was 10", "the Mega Ball drawn was 14".
BONUS_BALL = re.compile(r"\b(?:Powerball|Mega\s+Ball|bonus\s+ball|Thunderball)(?:\s+(?:number|drawn))?(?:\s+(?:was|is|of))?\s$",
                        re.IGNORECASE)


# A part of a counted whole: "358 of the town's 1,113 structures", "12 out of its 40 branches".
_PART_OF = re.compile(r"^\s+(?:out\s+)?of\s+(?:the|its|their|his|her|our|[A-Z][\w.'’-]*['’]s)\s+"
                      r"(?:(?:[a-z]+\s+)?[a-z]+['’]s\s+)?(?:\d[\d,]*\s+(?P<words>[a-z]+(?:\s+[a-z]+){0,2})|(?P<slot>[a-z]+)\s+(?P<words2>[a-z]+(?:\s+[a-z]+){0,2}))\b")
# (the first plural of three words: "52 fixed speed cameras", "two of the largest credit card issuers"; or the word
# after the owner, when it is itself a plural: "140 of his sheep buried in drifts")


# ... and one whose size is not written: "all four of its runways", "three of the men"
_PART_OF_UNSIZED = re.compile(r"^\s+(?:out\s+)?of\s+(?:the|its|their|his|her|our|[A-Z][\w.'’-]*['’]s)\s+"
                              r"(?:[a-z]+['’]s\s+)?(?P<words>[a-z]+(?:\s+[a-z]+)?)\b")


# A body of people sized by the bare number after it: "a crew of 2,350", "a workforce of 12,000", "its staff of 300".
_BODY_OF = re.compile(r"\b(?:an?|its|their|his|her|the)\s+(?:(?:total|full|permanent|global|combined)\s+)?"
                      r"(?P<body>crew|staff|workforce)\s+of\s+(?:(?:about|around|some|nearly|roughly|almost|over|more\s+than|"
                      r"up\s+to|just\s+over|just\s+under)\s+)?$", re.IGNORECASE)
_BODY_UNITS = {"crew": "crew_members", "staff": "staff", "workforce": "workers"}


def body_of_people(text: str, start: int) -> str | None:
    """The unit of a bare number that sizes a crew, a staff or a workforce named right before it ("a crew of 2,350"
    counts crew members), else None."""
    match = _BODY_OF.search(text, max(0, start - 60), start)
    return _BODY_UNITS[match["body"].lower()] if match else None


def part_of_whole(text: str, end: int) -> str | None:
    """The noun of the whole that the bare number ending at `end` is part of ("358 of the town's 1,113
    structures" counts structures, "5 of the 10 largest banks" banks, "all four of its runways" runways):
    the first plural of the two words after the whole's number, or after "of the" when the whole has none;
    else None."""
    for pattern in (_PART_OF, _PART_OF_UNSIZED):
        match = pattern.match(text[end:end + 80])
        if match and match.groupdict().get("slot") and _is_plural(match["slot"]) and match["slot"] not in NOUN_STOP:
            return match["slot"]
        words = (match["words"] or match.groupdict().get("words2") or "") if match else ""
        nouns = [word for word in words.split() if _is_plural(word) and word not in NOUN_STOP]
        if nouns:
            return nouns[0]
    return None


def measure_before(before: str, value: float | None = None) -> str | None:
    """"magnitude" when the scale is named before the number ("a magnitude 6.4 quake", "the magnitude-6.8 quake");
    "times" for a ratio of risks or odds and the ends of its confidence interval ("hazard ratio, 4.1; 95% CI,
    1.9 to 8.8", "(HR 4.1", "an odds ratio of 1.7"); not a bill's number after "HR" ("HR 5376": no ratio reaches
    `_NO_RATIO`)."""
    if re.search(r"\bmagnitudes?(?:\s+(?:of\s+)?|-)$", before[-20:], re.IGNORECASE):
        return "magnitude"
    if value is not None and value >= _NO_RATIO:
        return None
    if _RATIO_BEFORE.search(before) or _INTERVAL_BEFORE.search(before) and _RATIO_NAMED.search(before):
        return "times"
    return None


_NO_RATIO = 100
_RATIO_NAMED = re.compile(r"\b(?:a?HR|a?OR|a?RR|IRR|(?i:hazard|odds|risk|rate)\s+ratios?|(?i:relative\s+risks?))\b")
_RATIO_BEFORE = re.compile(_RATIO_NAMED.pattern + r"(?:\s+(?i:of|was|were|is|=))?[\s,:=]*$")
_INTERVAL_BEFORE = re.compile(r"\b(?:CI|(?i:confidence\s+interval))(?:\s+(?i:of|was|from))?[\s,:=]*"
                              r"(?:\d[\d.]*\s*(?:(?i:to)|[-–])\s*)?$")  # and the interval's upper end


# "A kilo of tomatoes costs ₱180", "a litre of cooking oil in Addis Ababa jumped from 210 to 330 birr",
# "and a loaf of bread USh 5,000" (listed after another price), "taking a litre of petrol to 17.25
# Egyptian pounds": the subject is one unit of a good, so its price is per that unit.
_UNIT_OF = re.compile(r"(?P<listed>(?:,|\band)\s+)?\b(?:an?|one)\s+(?P<den>kilo|kilogram|kg|litre|liter|gallon|pound|tonne|"
                      r"ton|barrel|ounce|dozen|loaf|bag|sack|bottle|packet|pack|tin|carton|cup|pint|bushel|bowl|plate|box|crate|jar|tray)\s+of\s+"
                      r"(?:[\w'’-]+\s+){1,6}?"
                      r"(?:(?:now\s+|still\s+)?(?P<verb>costs?|sells?\s+for|sold\s+for|fetch(?:es|ed)?|retails?\s+(?:at|for)|"
                      r"went\s+for|goes\s+for|(?:(?:could|would|will|may|might)\s+)?trade[sd]?\s+at|(?:is|was)\s+(?:now\s+)?(?:priced\s+at\s+)?|rose|jumped|climbed|soared|fell|"
                      r"dropped|increased|went\s+up|hit|reached|(?:has|had)\s+(?:risen|fallen|climbed|jumped)|to)\b|$)", re.IGNORECASE)
# What may stand between the verb and the price: a move and "to" ("rose 2% to"), the lower end of a
# range ("jumped from 210 to"), the first price and its baseline ("costs ₱180 in Manila, up from"), a hedge.
_TO_PRICE = re.compile(r"\s*(?:(?:them|you|buyers|shoppers|customers|visitors|families)\s+)?"
                       r"(?:[^;.]{0,30}\b(?:to|from|by)\s+|(?:between\s+)?(?:\S*\d\S*?(?:,|\s+(?:and|or))\s+)+)?"
                       r"(?:(?:about|around|roughly|some|nearly|almost|just|only|over|under|more\s+than|less\s+than|up\s+to|"
                       r"as\s+much\s+as|at\s+least|an\s+estimated)\s+)*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_NOT_GOODS = re.compile(r"\b(?:worth|valued|costing|priced|at|for|with|and|or|in)\s+$", re.IGNORECASE)


# A price of one thing named apart from the number, in its sentence before it: "the price of a bus ticket
# ... by 10 qapik to", "Rates for a container to Lagos are now between", "the spot price of a memory chip
# fell from" (after "price of a", any noun); "A night at the resort can cost", "Tickets for the final cost
# between", "Museum tickets rose by", "ticket prices ... increased by 35p to" (a good sold one at a time,
# `_GOODS`). The thing is the denominator. A home, a painting or a fish sold at auction is no such good: its
# price is the whole of one sale.
_GOODS = (r"ticket|pass|visa|licen[cs]e|permit|ride|night|room|seat|meal|lunch|dinner|stamp|pack|packet|bundle|"
          r"bag|sack|can(?!\s+(?:now\s+|still\s+|also\s+)?(?:fetch|cost|sell|go|be|make|earn|reach|command|top)\b)|bottle|jar|box|crate|tray|tank|bale|loaf|plate|bowl|portion|lesson|container|"
          r"jab|shot|swim|entry|cone|scoop|cup|glass|pint|slice|haircut|session|pair|"
          r"consultation|call-?out|visit|appointment|check-?up|massage|bouquet|wash|crossing|round|game|admission|tour")
_ONE = r"(?:an?|each|one)\s+(?:[\w'’-]+\s+){0,3}?"
_PLACE_AFTER = r"(?:\s+(?:of|in|into|within|at|on|for|from|to|under|across)\s+[^,;:()]{1,70}?)?"
_PRICE_VERB = (r"(?:(?:now|still|can|will|typically|usually|normally|currently|each|also)\s+)*"
               r"(?:costs?|average[sd]?|sells?\s+for|sold\s+for|fetch(?:es|ed)?|retails?\s+(?:at|for)|goes\s+for|went\s+for|"
               r"(?:is|are|was|were)\s+(?:now\s+)?priced\s+at|start(?:s|ed)?\s+at|range[sd]?|rose|rise|fell|fall|"
               r"increased|climbed|jumped|went\s+up|(?:will\s+)?go\s+up|"
               r"(?:is|are|was|were)(?=\s*$|\s+(?:(?:about|around|just|only|from)\s+)?(?:[£$€¥₹]|[A-Z]{3}\s?\d|\d)))\b")  # "tickets are
# £18"
_PRICE_OF_ONE = re.compile(r"\b(?:prices?|rates?)\s+(?:of|for)\s+" + _ONE + r"(?P<den>[a-z]+)"
                           r"(?=\s+(?:of|in|at|on|for|from|to|by|will|would|could|can|was|were|is|are|has|had|have|"
                           r"[a-z]+ed|fell|rose|slid|sank|grew|went|hit|stood|costs|remains)\b)", re.IGNORECASE)
_GOOD_PRICES = re.compile(r"\b(?P<den>" + _GOODS + r")\s+(?:prices?|fees?|fares?)\b", re.IGNORECASE)
_GOOD_SUBJECT = re.compile(r"\b(?:" + _ONE.replace("each", "each|the") + r"(?P<den>" + _GOODS + r")|(?P<many>" + _GOODS + r")(?:e?s))\b"
                           + _PLACE_AFTER + r"\s+(?:(?:that|which)\s+)?(?:will\s+)?" + _PRICE_VERB, re.IGNORECASE)
_MOVED_GOOD = re.compile(r"\b(?:raised|raises|lifted|lifts|increased|increases|cut|cuts|lowered|lowers|reduced|reduces|hiked|"
                         r"hikes|put\s+up|puts\s+up)\s+(?:its|their|the|his|her)\s+(?:[\w'’-]+\s+){0,3}?(?P<den>" + _GOODS
                         + r")(?:\s+(?:prices?|fees?|fares?))?(?=\s+(?:by|from|to)\b)", re.IGNORECASE)  # "raised its adult ticket by €2 to"
_FOR_ONE_GOOD = re.compile(r"\s+for\s+(?:" + _ONE.replace("{0,3}", "{0,2}").replace("each", "each|the") + r"(?P<den>" + _GOODS + r")(?![\s-]+(?:" + _GOODS
                           + r")\b)|(?:an?|one|each)\s+"
                           r"(?P<measure>kilo(?:gram)?|kg|lit(?:re|er)|tonne|gallon))\b", re.IGNORECASE)
_COUNT_BEFORE = re.compile(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds|thousands|millions|"
                           r"many|several|few|some|all|no|more|fewer))\s+(?:[\w'’-]+\s+)?$", re.IGNORECASE)
# The price runs on to the number: no clause between ("costs them £3.10", "rose by five pounds to").
_ON_TO_PRICE = re.compile(r"(?:[^,;:.()]|(?<=\d)[.,](?=\d)){0,60}")
_NEXT_SUBJECT = re.compile(r"\b(?:and|but|while|whereas)\s+(?:an?|the|one)\s", re.IGNORECASE)  # "... and a Batumi coffee to"


_PLACE_PREPOSITION = re.compile(r"\b(?:over|across|through|along|via|past|beyond|near|around)\s+$", re.IGNORECASE)


def good_before(sentence: str) -> str | None:
    """The one thing whose price the number is, named in its sentence before it (`_PRICE_OF_ONE`,
    `_GOOD_PRICES`, `_GOOD_SUBJECT`, `_MOVED_GOOD`): the last such noun whose clause runs on to the number; else None."""
    found = [m for pattern in (_PRICE_OF_ONE, _GOOD_PRICES, _GOOD_SUBJECT, _MOVED_GOOD) for m in pattern.finditer(sentence)]
    for match in sorted(found, key=lambda m: m.end(), reverse=True):
        if match.groupdict().get("many") and _COUNT_BEFORE.search(sentence, 0, match.start()):
            continue  # "Two tickets in Arizona increased their prize to": a count of them, no price of one
        if match.group(0)[:4].lower() == "the " and _PLACE_PREPOSITION.search(sentence, 0, match.start()):
            continue  # "Clearing the road over the Rohtang pass cost": the place a cost is of, no good sold
        rest = sentence[match.end():]
        if not _NEXT_SUBJECT.search(rest) and (_ON_TO_PRICE.fullmatch(rest) or _TO_PRICE.fullmatch(rest)):
            den = (match["den"] or match.groupdict().get("many")).lower()
            return _denominator(den)
    return None


def good_after(text: str, end: int) -> str | None:
    """A good sold one at a time named right after the price ("30 pounds for a 20-kilo bag", "50 rufiyaa for a
    ferry ticket"), singular; else None."""
    match = _FOR_ONE_GOOD.match(text, end, end + 60)
    if match is None:
        return None
    den = (match["den"] or match["measure"]).lower()
    return _denominator(den)


# Money shared out "each": per one of the people or things the sentence counts before it, by a number
# ("412 passengers boarded ..., paying $640 each", "12,400 loans worth ..., about £72,000 each") or as its
# subject ("Pensioners in Yerevan will receive ... 15,000 dram each").
_EACH_AFTER = re.compile(r"\s+each\b(?!\s+(?:of|year|month|week|day|time|season)\b)", re.IGNORECASE)
_COUNTED = re.compile(r"(?:\d(?:[\d,.]*\d)?(?i:bn|mn|m|k|b)?|\b(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                      r"hundred|thousand|million|dozen))\s+(?:[A-Z][a-z]+\s+)?(?!(?:a|an|per)\s)(?P<words>[a-z-]+(?:\s+(?!(?:and|or|but|of|to|in|on|at|for|with|the|an?)\b)[a-z-]+){0,2})")
# The sentence's subject: a noun after at most two words that modify it ("Refurbished bunk beds in the hostel cost").
_SUBJECT_NOUNS = re.compile(r"^\W*(?:(?:The|All|Some|Many)\s+)?(?P<words>[A-Za-z-]+(?:\s+(?!of\b)[A-Za-z-]+){0,2})\b(?=,?\s+(?!of\b)[a-z])")
_ONE_OF = {"people": "person", "children": "child", "men": "man", "women": "woman", "staff": "staff", "niches": "niche",
           "caches": "cache", "avalanches": "avalanche"}


def _one_of(plural: str) -> str:
    """The singular of a plural noun ("winners" -> "winner", "families" -> "family")."""
    if plural in _ONE_OF:
        return _ONE_OF[plural]
    if plural in _ONE_OR_MANY:
        return plural
    if plural.endswith("ies") and len(plural) > 4:
        return plural[:-3] + "y"
    if plural.endswith(("ches", "shes", "xes", "sses")):
        return plural[:-2]
    return plural[:-1]


def each_after(text: str, start: int, end: int) -> str | None:
    """The one of the people or things a price "each" (right after it) is paid to or for: the first plural
    the number's sentence counts before it ("Four tickets matched all six numbers to win $2 million
    each"), else its plural subject; None when there is no "each" or no such noun."""
    if not _EACH_AFTER.match(text, end, end + 30):
        return None
    sentence = _SENTENCE_END.split(text[max(0, start - 200):start])[-1]
    nouns = [word for m in _COUNTED.finditer(sentence) for word in m["words"].split()
             if _is_plural(word) and word not in NOUN_STOP]
    subject = _SUBJECT_NOUNS.match(sentence)
    if not nouns and subject:
        words = subject["words"].split()  # lower case but the sentence's first word: "Oslo Metals shares" -> "shares"
        nouns = [word for word in [words[0][0].lower() + words[0][1:], *words[1:]]
                 if len(word) > 2 and word.islower() and _is_plural(word) and word not in NOUN_STOP][-1:]
    return american(_one_of(nouns[0])) if nouns else None


def rate_before(before: str) -> str | None:
    """"capita" when the clause names a per-capita measure before the number ("GDP per capita
    reached"); the unit of a good when the clause's subject is one unit of it (`_UNIT_OF`): right
    before the number, or before a verb of price whose price it is; else the one thing a price is of
    (`good_before`)."""
    if _PER_BEFORE.search(before[-70:]):
        return "capita"
    sentence = _SENTENCE_END.split(before)[-1]  # the number's sentence
    subjects = list(_UNIT_OF.finditer(sentence))
    if not subjects:
        return good_before(sentence)
    last = subjects[-1]
    rest = last.string[last.end():]
    if last["verb"] is None and (rest or not last["listed"] or _NOT_GOODS.search(before)) \
            or last["verb"] and not _TO_PRICE.fullmatch(rest):
        return None
    den = last["den"].lower()
    return _denominator(den)
