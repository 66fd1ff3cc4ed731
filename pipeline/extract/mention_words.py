"""Stage (mentions, words): quantities written as phrases rather than numbers.

- fractions and proportions, as percentages: "two-thirds", "a quarter of", "one in five", "nine out
  of 10", "half of", "fell by a third", and a hedged share standing for those it counts ("around
  half identified as female", "about a third were over 60");
- vague amounts, as ranges of 2 to 9 times their base: "dozens", "scores of", "hundreds of
  thousands", "tens of millions", "several hundred", "a few thousand", "several records" (2 to 9), "several times higher" (2 to 9 times), and
  decades alone as a length of time ("for decades", 20 to 90 years); "a couple of" is about 2;
- one unit of time, one degree or one measure after a hedge: "for more than a year", "nearly a
  decade" (10 years), "over a century" (100 years), "by more than a degree" (1; "a year ago" is
  none), "less than a metre", and the time something took: "took a month to reach"; half of one:
  "half an hour", "half a mile"; one and a half: "a year and a half", "a decade and a half" (15 years); a margin
  of one: "by a single vote";
- multipliers, in `times`: "sixfold", "12-fold", "a factor of three", the verbs "doubled",
  "tripled", "quadrupled" (not "doubled down", "doubled as"), and "double" or "triple" before what
  they multiply ("nearly double the 183,000 expected"; after "to" or "will", a verb and a rise: "wants to double the
  charge"; after a verb of seeing or making and its object, a rise too: "saw prices double in just hours"); "halved" and "to halve" are a fall of 50
  percent, as every blind writer of the scanner sets reads them;
- amounts named by their size alone, as ranges: "a multi-billion dollar plan" (2 to 9 billion),
  "double-digit growth" (10 to 99 percent), "won by a double-digit margin" (points);
- points written in words: "a quarter-point cut", "half a percentage point";
- an elapsed time written as a stopwatch shows it, in seconds: a race time "2:00:35" (7,235), a lap
  "1:32.456" (92.456), a gap "finished 1:13 ahead" (73); not a clock time ("14:32:05", "9:30", "7:58:09 a.m.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.primitives.number_words import TENS, UNITS
from schemas.primitives.numbers import parse_number, round_fractions

from .mention_units import CLOCK_LEAD

_NUMBER_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_DIGIT_WORD = "|".join(word for word, digit in UNITS.items() if digit <= 9)  # "a factor of two point five"
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                 "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
                 "tenth": 10, "tenths": 10, "seventh": 7, "sevenths": 7, "ninth": 9, "ninths": 9, "twelfth": 12, "twelfths": 12,
                 "twentieth": 20, "twentieths": 20, "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000}
_DENOMINATOR_WORDS = "|".join(sorted(_DENOMINATORS, key=len, reverse=True))  # "halves" before "half"
_FRACTION = re.compile(
    rf"\b(?P<num>{_NUMBER_WORD}|an?)(?P<gap>[\s-])(?P<den>{_DENOMINATOR_WORDS})\b"
    r"(?=\s+(?:of|the|his|her|its|their|smaller|larger|bigger|lower|higher|more|less|full|empty)\b|[\s,.;]|$)"
    r"(?!(?<=half)\s+of\s+(?:(?:the\s+)?(?:[a-z-]+\s+)?(?:duo|pair|couple)\b|(?-i:[A-Z][a-z])))",  # "one half of Tvorchi",
    re.IGNORECASE)  # "one half of the comedy duo": one of two people
_PROPORTION = re.compile(
    rf"(?<![\d.,])\b(?P<num>{_NUMBER_WORD}|\d+)(?:\s+(?P<noun>(?!(?:hundred|thousand|million|billion|trillion)\b)(?-i:[a-z][a-z-]{{2,}}(?:\s+(?!(?:in|out)\b)[a-z][a-z-]{{2,}}){{0,2}})))?(?:\s+|-)(?:(?P<out>out(?:\s+|-)of)|in)(?:\s+|-)(?P<every>every\s+)?"
    rf"(?:(?P<big>\d+(?:\.\d+)?(?:\s+(?:million|billion)|m|bn)|\d+\.\d+)|(?P<grouped>\d{{1,3}}(?:,\d{{3}})+)|(?:a\s+|(?<=every\s))(?P<round>hundred|thousand|million)|(?P<den>{_NUMBER_WORD}|\d+))\b"
    r"(?![.,]\d)(?!\s*%)(?!\s+and\s+an?\s+(?:half|quarter|third)\b|(?:\s+and\s+an?\s+half)?\s+(?:seconds|minutes|hours|days)\b)",
    re.IGNORECASE)  # not "shapes each one in three and a half minutes": a time
# "36 out of 38 provinces", "66 out of 86 declared": a part of a whole in digits, two counts, not a proportion
# ("Nine out of 10 doctors", "4 out of 5 voters" and "1 in 3 adults" are).
_COUNTED_NEXT = re.compile(r"\s+(?!(?:is|was|has|does)\b)[a-z]+s\b(?!\s+(?:its|their|his|her|an?|long|only)\b)")  # "one goal in 10
# games": what the second number counts (not a verb and its object: "one chick in four survives its first winter")
_PROPORTION_HINT = re.compile(rf"[\s-](?:out[\s-]+of|in)[\s-]+(?:every\s+)?(?:\d{{1,3}}(?:\.\d+)?(?:m|bn)\b|\d{{1,3}}(?:,\d{{3}})+\b|"
                              rf"(?:\d{{1,3}}|{_NUMBER_WORD}|(?:a\s+|(?<=every\s))(?:hundred|thousand|million))\b(?!\d|,\d))")  # "or 1 in 67, chance"
_HALF = re.compile(r"(?<!first )(?<!second )(?<!first-)(?<!second-)(?<!the )(?<!latter )(?<!one )\bhalf\b(?=\s+(?:of|the|its|their|his|her|full|empty|what|price)\b)"
                   r"(?!\s+(?:of\s+)?the\s+(?:story|picture|battle|equation|fun)\b)"  # "only ever half of the story": an idiom
                   r"|(?:(?<=\bby\s)|(?<=\bby\salmost\s)|(?<=\bby\snearly\s)|(?<=\bby\sabout\s)|(?<=\bby\saround\s)"
                   r"|(?<=\bby\sroughly\s)|(?<=\bby\smore\sthan\s))half\b(?![\s-]past\b)"
                   r"|(?:(?<=\bmake\sup\s)|(?<=\bmakes\sup\s)|(?<=\bmade\sup\s)|(?<=\bmaking\sup\s)|(?<=\baccount\sfor\s)"
                   r"|(?<=\baccounts\sfor\s)|(?<=\baccounted\sfor\s)|(?<=\baccounting\sfor\s))half\b(?=\s*[,.;)](?!\d))",
                   re.IGNORECASE)  # "half of", "half what they pay", "half price", "cut by half", "cut by almost half", "only
                                   # half full", "making up half."; not "by half past nine", a clock
# A hedged share, or one taken or kept, that stands for the people or things it counts, with no "of"
# after it ("around half identified as female", "About a third were over 60", "more than two-thirds said",
# "the winner takes half.", "with over half being Executive members"): a verb, the clause's end or the year comes next, not "a" or "an" ("about
# half an hour" is a time).
_SHARE = rf"(?P<share>(?:(?P<num>an?|{_NUMBER_WORD})[\s-])?(?P<den>half|thirds?|quarters?|fifths?|tenths?))\b"
_SHARE_VERB = (r"\s+(?:were|was|are|is|had|have|has|said|say|says|reported|identified|described|did|do|does|would|will|could|"
               r"can|may|might|live|lived|voted|agreed|died|survived|chose|used|took|saw|felt|got|received|came|went|being)\b")
_SHARE_ALONE = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|some|over|under|than|to|takes?|took|taking|gets?|got|getting|keeps?|kept|keeping)\s+"
    rf"{_SHARE}(?={_SHARE_VERB}|\s*[,;.](?!\d)"
    r"|\s+in\s+(?:19|20)\d\d\b)",  # "up from about half in 2015"
    re.IGNORECASE)
# ... and one that opens a clause of its own, its verb right after it: "seven in ten share a pitch, and a quarter have
# no floodlights", "but a third were against it" (not "an hour and a quarter.")
_SHARE_CLAUSE = re.compile(rf"\b(?:and|but|while|whereas)\s+{_SHARE}(?={_SHARE_VERB})", re.IGNORECASE)
_VAGUE = re.compile(
    r"\b(?P<tens>tens|hundreds)\s+of\s+(?P<of>thousands|millions|billions)(?:\s+of\b)?"
    r"|\b(?:several|a\s+few)\s+(?P<scale>dozen|hundred|thousand|million|billion|trillion)"
    r"(?:\s+(?P<times>thousand|million|billion|trillion))?\b"  # "several hundred million euros": 200 to 900 million
    r"|(?<!\d\s)\b(?P<plural>dozens|hundreds|thousands|millions|billions|trillions)(?:\s+of\b)?|\b(?P<scores>scores)\s+of\b"
    # "several records", "several European countries", "for several years": 2 to 9 of the things or units of
    # time named after it ("several decades" 20 to 90 years; not "several times", nor a date, "several years ago")
    r"|\b(?P<several>several)\b(?=\s+(?:more\s+)?(?!(?:times|more|other|others)\b)"
    r"(?:[\w.’'-]+\s+){0,2}?[a-z]+s\b)(?!\s+(?:seconds|minutes|hours|days|weeks|months|years|decades)\s+(?:ago|earlier|later|before)\b)",
    re.IGNORECASE)
# "several times higher", "several times as large": a multiple of 2 to 9 (not "met several times", how often)
_SEVERAL_TIMES = re.compile(r"\bseveral\s+times(?=\s+(?:higher|larger|bigger|greater|more|less|lower|smaller|faster|slower|"
                            r"as|the|that|what)\b)", re.IGNORECASE)
# "a couple of hospitals": about two; "a couple of hundred protesters": about 200
_COUPLE = re.compile(r"\ba\s+couple\s+of(?:\s+(?P<scale>dozen|hundred|thousand|million|billion))?\b(?=\s+[a-z])", re.IGNORECASE)
# "a multi-billion dollar plan", "a multimillion-pound deal": 2 to 9 of the scale, in the currency named
# after it (a dollar is the story's, read after the span; the others are named here).
_MULTI = re.compile(r"\bmulti-?(?P<scale>million|billion|trillion)(?=[\s-](?P<cur>dollars?|pounds?|euros?|rupees?|yen|yuan|rand|naira|"
                    r"ringgit|roubles?|rubles?|baht)\b)", re.IGNORECASE)
_MULTI_CURRENCY = {"pound": "GBP", "euro": "EUR", "rupee": "INR", "yen": "JPY", "yuan": "CNY", "rand": "ZAR", "naira": "NGN",
                   "ringgit": "MYR", "rouble": "RUB", "ruble": "RUB", "baht": "THB"}
# "double-digit (revenue) growth" (10 to 99 percent), "a double-digit margin" or lead (points); a size with
# nothing measured after it ("double-digit numbers") is left alone.
_DIGITS = re.compile(r"\b(?P<size>(?P<n>single|double|triple)[\s-]digits?)\s+(?:[a-z]+\s+)?(?:(?P<pct>growth|inflation|increases?|rises?|gains?|"
                     r"jumps?|declines?|drops?|falls?|returns?|deficits?|losses?|cuts?|percent(?:age)?(?!\s+points?))|(?P<pp>margins?|leads?))\b",
                     re.IGNORECASE)
_DIGIT_RANGES = {"single": (1.0, 9.0), "double": (10.0, 99.0), "triple": (100.0, 999.0)}
# A sum named by its count of digits: "a six-figure salary" (100,000 to 999,999), "an 8-figure euro fee", in the
# currency named after it, else the story's (`mentions._from_words`).
_FIGURES = re.compile(rf"\b(?P<n>{_NUMBER_WORD}|\d{{1,2}})[\s-]figure(?:[\s-](?P<cur>dollars?|pounds?|euros?|rupees?|yen|yuan))?"
                      r"(?=\s+[a-z])(?!\s+skat)", re.IGNORECASE)  # not "14 figure skaters"
# The same in the plural after a word of reaching, placing or earning: "its climb to six figures", "salaries in the
# low seven figures", "jobs earning 6 figures"; "six figures released" or "figures of the party" are numbers or people.
_FIGURES_REACHED = re.compile(rf"\b(?:to|into|in|hit\w*|reach\w*|top\w*|cross\w*|pass\w*|past|above|below|under|over|earn\w*|paid|pay\w*|"
                              rf"breach\w*|(?:in|into) the|low|high|mid)[\s-](?P<n>{_NUMBER_WORD}|\d{{1,2}})\s+figures\b"
                              r"(?!\s+(?:of|who|from|released|published|show\w*)\b)",
                              re.IGNORECASE)
_BASE = {"several": 1, "dozen": 12, "dozens": 12, "scores": 20, "hundred": 100, "hundreds": 100, "tens": 10, "thousand": 1e3,
         "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
         "trillions": 1e12}
_TIME = r"seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|millennium"
_MEASURE = (r"metres?|meters?|kilometres?|kilometers?|centimetres?|centimeters?|miles?|foot|inch|kilograms?|kilogrammes?|kilos?|"
            r"grams?|grammes?|tonnes?|"
            r"litres?|liters?|gallons?|hectares?|acres?")
_HEDGED_ONE = re.compile(rf"\b(?:more than|over|nearly|almost|less than|under|within|about|at least|at most|"
                         rf"up to|around)\s+(?P<n>an?)\s+(?:{_TIME}|degree|{_MEASURE})\b"
                         r"(?!\s+(?:left|remaining|to\s+play|to\s+go|ago|earlier|later)\b)", re.IGNORECASE)  # "with less than a second left": a game clock; "more than a year ago" dates
_TOOK_ONE = re.compile(r"\b(?:took|takes?|taking|required|requires?|needed|needs?|spent|spends?|spending|"
                       r"(?:delay(?:ed|ing|s)?|postpon(?:ed|ing|es?)|pushed\s+back|put\s+back|extended|held\s+up)"
                       r"(?:\s+(?:the|its|their|his|her|this|next)(?:\s+[\w-]+){1,3}?)?\s+(?:by|for))\s+(?:(?:just|only|barely)\s+)?(?P<n>an?)\s+"
                       r"(?:hour|day|week|fortnight|month|year|decade)\b(?!\s+(?:off|out|or|and\s+a\s+half|ago|earlier|later)\b)", re.IGNORECASE)  # "took a
# month to reach", "spent an hour answering", "was delayed by a year", "postponed for a year", "postponing the Games by a
# year"
# One unit of time and a half: "a year and a half" (1.5 years), "an hour and a half", "a decade and a half" (15 years).
# ... and of a measure: "a kilometre and a half", "a mile and a half".
_HALF_UNITS = {"hour": ("hours", 1.5), "day": ("days", 1.5), "week": ("weeks", 1.5), "month": ("months", 1.5),
               "year": ("years", 1.5), "decade": ("years", 15.0), "century": ("years", 150.0),
               "mile": ("miles", 1.5), "kilometre": ("kilometers", 1.5), "kilometer": ("kilometers", 1.5),
               "metre": ("meters", 1.5), "meter": ("meters", 1.5), "foot": ("feet", 1.5), "inch": ("inches", 1.5),
               "kilo": ("kilograms", 1.5), "kilogram": ("kilograms", 1.5), "litre": ("liters", 1.5), "liter": ("liters", 1.5),
               "gallon": ("gallons", 1.5), "tonne": ("tonnes", 1.5), "hectare": ("hectares", 1.5), "acre": ("acres", 1.5)}
_AND_A_HALF = re.compile(rf"\ban?\s+(?P<unit>{'|'.join(_HALF_UNITS)})([\s-])and\2a\2half\b", re.IGNORECASE)  # or "an hour-and-a-half"
_ONE_TIME_LONG = re.compile(r"\b(?P<n>an?)\s+(?:second|minute|hour|day|week|month|year|decade|century)-(?:long|old)\b", re.IGNORECASE)  # "a week-long trial" lasted a week; "a century-old bridge" is 100 years old
# "half an hour", "half a mile", "in half a century", "the past half-century" (50 years), "a half-hour break";
# not a company's reporting half ("a half-year loss", "a half-year dividend"), which names a period
_HALF_ONE = re.compile(rf"\b(?P<n>half\s+an?(?=\s+(?:{_TIME}|{_MEASURE})\b)|half(?=[\s-]centur(?:y|ies)\b)"
                       r"|(?<=\ba\s)half(?=-(?:second|minute|hour|day|week|month|year|mile)\b)"
                       r"(?!-year\s+(?:(?:pre-tax|net|operating|underlying|interim|record)\s+)?(?:loss|profit|results?|report|dividend|"
                       r"sales|revenue|earnings|figures|accounts|turnover|update|statement|deficit|surplus)\b))", re.IGNORECASE)
# "in a quarter of a century", "the last quarter-century" (25 years)
_QUARTER_ONE = re.compile(r"\b(?P<n>(?:a\s+)?quarter(?:\s+of\s+a)?)(?=[\s-]centur(?:y|ies)\b)", re.IGNORECASE)
_QUARTER_CENTURY = re.compile(r"(?:\s+of\s+a\s+|-)centur(?:y|ies)\b", re.IGNORECASE)
# a margin of one: "failed by a single vote", "won by a single point" (not "a single market", "in a single day", nor
# "the largest by a single airline", `_SUPERLATIVE_NEXT`)
_BY_A_SINGLE = re.compile(r"\bby\s+(?P<n>a\s+single)\s+(?=[a-z])", re.IGNORECASE)
# "A single pharmacy ... still had", "only a single operator is left": one of what follows, as the subject
# that opens a sentence or a clause after ", and" or ";", or after "only"/"just" ("not a single", "in a single night"
# are no count).
_NEXT_NOUN = r"(?=[a-z]|[A-Z][a-z]+\s+[a-z])"  # "a single stall", "a single Kazanlak distillery"
_A_SINGLE = re.compile(r"(?:(?<![^\n])|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=,\sand\s)|(?<=;\s)|(?<=\bthat\s)|\b(?i:only|just)\s+)"
                       rf"(?P<n>(?i:a)\s+single)\s+{_NEXT_NOUN}")
# ... or the subject of a verb of what one can do, anywhere: "herders say a single yak can haul 80 kilos"
_A_SINGLE_CAN = re.compile(r"\b(?P<n>(?i:a)\s+single)\s+(?=[a-z]+\s+(?:can|could|may|might|will|would|must)\s+[a-z])")
# ... and as the object of a verb in the past or the present: "the tender drew a single bid", "laid a single egg",
# "the ministry uses a single drone", "takes on a single apprentice".
_DID_A_SINGLE = re.compile(r"\b(?:[a-z]{2,}ed|with|drew|laid|won|took|got|made|sold|found|saw|gave|kept|held|bought|sent|built|caught|"
                           r"struck|hit|had|has|have|use|(?!(?:towards|afterwards|perhaps|always|sometimes|across|this|thus|less|unless|"
                           r"plus|was|its|his|various|previous)\b)[a-z]{3,}s|takes\s+on)\s+"
                           rf"(?P<n>a\s+single)\s+{_NEXT_NOUN}(?!(?:aim|goal|purpose|focus|priority|message|voice|mission|vision|"
                           r"objective|idea|point|thing|word|step)\b)")  # "has a single aim": a way of speaking
# ... and what a thing came from, or a length of time something lasted: "85 pounds of honey from a single hive", "shown
# for a single week" (not "in a single day", a way of stressing speed).
_FROM_A_SINGLE = re.compile(r"\b(?:from|for(?=\s+a\s+single\s+(?:day|night|week|fortnight|month|season|year|hour|minute)\b))\s+"
                            r"(?P<n>a\s+single)\s+(?=[a-z])", re.IGNORECASE)
_SUPERLATIVES = r"highest|largest|biggest|greatest|most|best|worst|longest|heaviest|record"
_SUPERLATIVE = re.compile(rf"\b(?:{_SUPERLATIVES})\b[^.;!?]*$",
                          re.IGNORECASE)  # "the highest sum ever raised from a single draw": stress, no count
_SUPERLATIVE_NEXT = re.compile(rf"\b(?:{_SUPERLATIVES})\s+(?:[\w-]+\s+){{0,3}}$",
                               re.IGNORECASE)  # "the largest (order) by a single airline"
_DENIED = re.compile(r"\b(?:never|not|no|without)\b|n[’']t\b[^.;]*$", re.IGNORECASE)  # "had never fined a single company"
_ONE_WORDS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century", "millennium",
              "degree", "metre", "meter", "mile", "foot", "inch", "kilo", "gram", "tonne", "litre", "liter", "gallon", "hectare", "acre", "single")
_FOLD = re.compile(rf"\b(?P<n>\d+(?:\.\d+)?|{_NUMBER_WORD}|hundred|thousand)-?fold\b", re.IGNORECASE)
_FACTOR = re.compile(rf"\ba factor of (?P<n>\d+(?:\.\d+)?|{_NUMBER_WORD})(?:\s+point\s+(?P<point>{_DIGIT_WORD})"
                     r"|\s+and\s+an?\s+(?P<part>half|quarter|third))?\b", re.IGNORECASE)  # "a factor of two and a half"
_PART = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
_MULTIPLIED = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "quintupl": 5.0}
# "double" or "triple" before what it multiplies ("nearly double the 183,000 expected", "double the
# forecast", "triple the risk", "double economists' forecasts"); not "double-digit", "a double bed",
# "doubled down".
_TIMES_THE = re.compile(r"(?<![\w-])(?P<stem>doubl|tripl|trebl|quadrupl)e"
                        r"(?=\s+(?:the|that|what|those|its|their|his|her|last)\b|\s+[A-Za-z]+(?:['’]s|s['’])\s)",
                        re.IGNORECASE)
# "twice as fast as expected", "twice the rate", "thrice what it was": a multiple compared; not
# "twice a year", "met twice", "twice in four games" (how often).
_TWICE = re.compile(r"(?<![\w-])(?P<w>twice|thrice)(?=\s+(?:as|the|that|what|those|its|their|his|her)\b|\s+last\s+[a-z]+['’]s\s)",
                    re.IGNORECASE)  # ... "twice last winter's price" (not "met twice last year")
_HOW_MANY_TIMES = {"twice": 2.0, "thrice": 3.0}
# ... and how many times a thing was done, after its verb (and its object) or before "in a row": "Messi scored
# twice", "raised rates twice", "won twice in a row" (not "think twice", nor "twice as many", a multiple).
_NOT_AN_OBJECT = r"(?:as|the|a|an|its|their|his|her|by|about|nearly|almost|more|less|than|and|or|but|to|in|on|at|for|with|from|of)\b"
_TWICE_DONE = re.compile(r"\b(?:(?!(?:need|want|seem)ed\b|(?:be|hav|think|go)ing\b)[a-z]{2,}(?:ed|ing)|won|wins?|met|meets?|hit|"
                         r"lost|lose|loses|beat|struck|ran|went|fell|rose|came|scores?)\s+"
                         rf"(?:(?:(?:the|a|an|its|their|his|her)\s+)?(?:(?!{_NOT_AN_OBJECT})[a-z][\w'’-]*\s+){{1,4}})?"  # "raised rates
                         # twice", "to win the Eurovision Song Contest twice"
                         r"(?P<w>twice|thrice)\b(?!\s+(?:as|the|that|what|those|its|their|his|her|over)\b|\s+last\s+[a-z]+['’]s\s)"
                         r"(?!\s+(?:a|per|each|every)\s+(?:year|month|week|day|season)\b)"  # "fell twice a year": how often
                         r"|\b(?P<row>twice|thrice)(?=\s+in\s+a\s+row\b)", re.IGNORECASE)
# ... or in a list after a count of times, whose verb it shares: "won the league five times, the cup twice"
_TWICE_LISTED = re.compile(r"\b[a-z]+[\s-]times,\s+(?:[^.;:,!?\d]{1,60}?\s)?(?P<w>twice|thrice)\b"
                           r"(?!\s+(?:as|the|that|what|over|a|per|each|every)\b)", re.IGNORECASE)
# "halved", "will halve", "halving its dividend", but not "the halving", an event's name
_MULTIPLIED_VERB = re.compile(r"\b(?P<stem>(?:doubl|tripl|trebl|quadrupl|quintupl)(?=ed\b|ing\b)"
                              r"|halv(?=ed\b|e\b|ing\s+(?:its|their|the|his|her|our|a|an)\b))(?:ed|ing|e)\b"
                              rf"(?!\s+(?:down|up|back)\b)(?!(?:(?<=doubled)|(?<=doubling))\s+as\s+(?:an?|the|its|their|his|her)\b)(?!\s+over\b(?!\s+(?:the|a|an|its|their|this|that|last|past|\d|(?:{_NUMBER_WORD})\b)))"
                              r"(?!\s+(?:(?i:in\s+(?:his|her|their|the)\s+[a-z]+\s+at-bat|to\s+(?:deep\s+)?(?:left|right|centre|center)|"
                              r"down\s+the\s+(?:line|left|right)|off|against)\b)(?:\s+(?-i:[A-Z])|(?<=t-bat)|(?<=left|ight|ntre|nter|line)))",
                              re.IGNORECASE)  # "doubled over in pain" is no multiple; "trebled over the period" is; a batter
                                              # who "doubled in his first at-bat" or "doubled against Cabrera" hit a double
# The verb after "will", "would" or "to", which names its rise: "output would more than double to 1.3
# million barrels", "is set to triple by 2030", "will produce 100 million doses and double production next year" (not
# "to double the size": what it multiplies follows; nor "to double-check").
_MODALS = r"will|would|could|should|might|may|can"
_HEDGED = r"(?:(?:more\s+than|nearly|almost|roughly|about)\s+)?"
_MULTIPLY_TO = re.compile(rf"\b(?:{_MODALS}|to)\s+(?:[a-z]+\s+[^.;:!?]{{0,80}}?\s+and\s+)?{_HEDGED}"  # "will produce ... and double"
                          r"(?P<verb>(?P<stem>doubl|tripl|trebl|quadrupl)e)\b(?!-)"
                          r"(?!\s+(?:down|up|over|back|as|the|that|what|its|their|his|her|our|this|these|those|zero|oh|nought)\b)",
                          re.IGNORECASE)  # (nor "calls to triple zero", a phone number)
# ... and after a verb of seeing or making and its object, with nothing multiplied after it: "traders saw prices double in
# just hours", "watched their rent triple since 2019" (not "saw a double rainbow", "made double the money").
_SEEN_MULTIPLY = re.compile(r"\b(?:saw|see|sees|seen|seeing|watched|watch|watches|watching|made|make|makes|making|helped|help|helps|"
                            rf"let|lets)\s+(?!(?:a|an|the)\s+(?:double|triple)\b)(?:[\w'’-]+\s+){{1,4}}?{_HEDGED}"
                            r"(?P<verb>(?P<stem>doubl|tripl|trebl|quadrupl)e)"
                            r"(?=\s+(?:in|within|since|from|to|by|and|after|overnight|again|this|last|between)\b|\s*[,.;:!?)])",
                            re.IGNORECASE)
# ... and the same verb before what it multiplies (`_TIMES_THE`), which it raises: "wants to double the charge" (not
# "set to double the 183,000 expected" or "the forecast": a comparison with a figure).
_VERB_BEFORE = re.compile(rf"\b(?:{_MODALS}|must|to)\s+{_HEDGED}$", re.IGNORECASE)
_AGAINST_A_FIGURE = re.compile(r"\s+(?:the\s+|analysts['’]\s+|economists['’]\s+)?(?:[$€£¥]?\d|forecasts?\b|expect|estimates?\b|"
                               r"consensus\b|projections?\b)", re.IGNORECASE)
# "a quarter-point cut", "half a percentage point", "half of a percentage point", "a Half Percentage
# Point", "a quarter-percentage-point cut", "three-quarters of a point", "a full percentage point", "another full point".
_POINTS = re.compile(r"\b(?:(?P<three>three)[\s-]quarters|(?:a\s+|one[\s-])?(?P<w>quarter|half))(?:\s+of)?(?:\s+an?)?"
                     r"[\s-]+(?:percentage[\s-]+)?point\b|\b(?P<full>full)\s+(?:percentage\s+)?point\b(?!\s+guard)",
                     re.IGNORECASE)
_POINT_VALUES = {"three": 0.75, "quarter": 0.25, "half": 0.5, "full": 1.0}


@dataclass(frozen=True)
class WordQuantity:
    """A quantity read from words; `unit` is None when it is read after the span ("dozens of homes").

    `kind` is fraction, vague (a range of 2 to 9 times its base, qualifier "several"), figures (a sum by its count
    of digits, "a six-figure salary", `several`, its unit None for the story's currency), couple (about 2), multiplier,
    multiplied (a verb that is itself the move: "doubled", "halved"), points, one (one unit, or half of one, whose
    unit is read after the span: "more than a year", "half an hour", "by a single vote"), elapsed (a stopwatch's
    "2:00:35", in seconds), titles (a count of titles won: "a double Olympic champion"), odds (betting odds "15-1", in
    `to_one`), done (how many times a thing was done: "scoring twice") or decade_of_life ("in his 40s", 40 to 49
    years)."""

    span: tuple[int, int]
    value: float
    value_max: float | None
    unit: str | None
    kind: str

    @property
    def start(self) -> int:
        return self.span[0]

    @property
    def end(self) -> int:
        return self.span[1]


def word_quantities(text: str) -> list[WordQuantity]:
    """Every fraction, proportion, vague amount, multiplier and worded point in `text`, in order."""
    low = text.lower()  # cheap tests first: most texts have none of these words
    found = [*(_points(text) if "point" in low else ()),
             *(_fractions(text) if "/" in text or any(w in low for w in _DENOMINATORS) else ()),
             *(_proportions(text) if _PROPORTION_HINT.search(low) else ()),
             *(_vague(text) if any(w in low for w in ("dozen", "hundred", "thousand", "million", "billion", "trillion", "scores",
                                                      "several")) else ()),
             *(_couple(text) if "couple" in low else ()),
             *(_decades(text) if "decades" in low else ()),
             *(_decade_of_life(text) if "0s" in low or "ties" in low else ()),
             *(_multipliers(text) if "fold" in low or "factor of" in low or "twice" in low or "thrice" in low
              or "halv" in low or "in half" in low or any(w in low for w in _MULTIPLIED) else ()),
             *(_sizes(text) if "multi" in low or "digit" in low or "figure" in low else ()),
             *(_one_unit(text) if any(w in low for w in _ONE_WORDS) else ()),
             *(_and_a_half(text) if "half" in low else ()),
             *(_elapsed(text) if ":" in text else ()),
             *(_titles(text) if any(w in low for w in ("double ", "triple ", "quadruple ")) else ()),
             *(_odds(text) if _ODDS_HINT.search(low) else ())]
    kept: list[WordQuantity] = []
    for item in sorted(found, key=lambda q: (q.start, -q.end)):
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


# Betting odds "N-M" ("N/M", "N to M") are N/M to one (`to_one`): "a 9-1 shot", "the 4-1 favorite", "went off at 15-1",
# "odds of 7/2", and "at 9-2" or "(7-2)" where a betting word stands within 150 characters. A score ("won 4-1", "a
# 3-1 win") is no odds, nor are the horses a bet names ("A $2 exacta (8-3) paid $330.44").
_ODDS_HINT = re.compile(r"odds|favou?rite|shot|outsider|underdog|\bbet|wager|bookie|bookmaker|punter")
_ODDS = re.compile(r"(?<![\w.,:/-])(?P<n>\d{1,3})(?:-|/|\s+to\s+)(?P<m>\d{1,2})(?![\w.,:/%-])")
_ODDS_AFTER = re.compile(r"\s*\)?\s*(?:odds|(?:co-)?favou?rites?|shot|long-?shots?|long\s+shots?|outsiders?|underdogs?)\b",
                         re.IGNORECASE)
_ODDS_BEFORE = re.compile(r"\b(?:odds\s+of|went\s+off\s+at|priced\s+at|quoted\s+at|backed\s+at|bets?\s+at|at\s+odds\s+of)\s+$",
                          re.IGNORECASE)
_AT_ODDS = re.compile(r"(?:\bat\s+|(?<!exacta )(?<!trifecta )(?<!superfecta )(?<!quinella )(?<!double )\()$", re.IGNORECASE)
_BETTING = re.compile(r"\b(?:odds|bets?|betting|bettors?|wager\w*|bookmakers?|bookies|sportsbooks?|moneyline|morning\s+line|favou?rites?|long-?shots?|punters?)\b",
                      re.IGNORECASE)


# American odds, near a betting word: "+105" pays 105 on 100 staked (1.05 to one), "-150" pays 100 on 150 (2/3 to one):
# "a +105 favorite", "was +120", "at -150". A minus needs the odds named beside it, as "N-M" does.
_MONEYLINE = re.compile(r"(?<![\w.,+-])(?P<sign>[+-])(?P<n>[1-9]\d{2,4})(?![\w:/%-]|[.,]\d)")


def _odds(text: str) -> list[WordQuantity]:
    found = []
    for match in _MONEYLINE.finditer(text):
        before, after = text[max(0, match.start() - 20):match.start()], text[match.end():match.end() + 20]
        if _BETTING.search(text, max(0, match.start() - 150), match.end() + 150) and (
                match["sign"] == "+" or _ODDS_AFTER.match(after) or _ODDS_BEFORE.search(before) or _AT_ODDS.search(before)):
            n = int(match["n"])
            found.append(WordQuantity(match.span(), n / 100 if match["sign"] == "+" else 100 / n, None, "to_one", "odds"))
    for match in _ODDS.finditer(text):
        before, after = text[max(0, match.start() - 20):match.start()], text[match.end():match.end() + 20]
        betting = _BETTING.search(text, max(0, match.start() - 150), match.end() + 150)
        if int(match["m"]) and (_ODDS_AFTER.match(after) or _ODDS_BEFORE.search(before)
                                or (_AT_ODDS.search(before) and betting)):
            found.append(WordQuantity(match.span(), int(match["n"]) / int(match["m"]), None, "to_one", "odds"))
    return found


# Titles counted by a multiplying word: "a double Olympic champion", "the triple reigning world champion"
# (the same count as "a two-time champion"); not "triple jump champion", whose event takes the word.
_TITLES = re.compile(r"\b(?P<n>[Dd]ouble|[Tt]riple|[Qq]uadruple)(?!\s+Crown\b)(?=\s+(?:(?:reigning|defending|former|current|world|[A-Z][a-z]+)\s+)"
                     r"{0,3}(?:champion|winner|medallist|medalist)s?\b)")
_TIMES_OF = {"double": 2.0, "triple": 3.0, "quadruple": 4.0}


def _titles(text: str) -> list[WordQuantity]:  # (not "a Triple Crown winner": a name)
    return [WordQuantity(m.span("n"), _TIMES_OF[m["n"].lower()], None, "titles", "titles") for m in _TITLES.finditer(text)]


def _number(word: str) -> float:
    lowered = word.lower()
    if lowered in ("a", "an"):
        return 1.0
    return float(lowered) if lowered[0].isdigit() else float(UNITS.get(lowered, TENS.get(lowered, {"hundred": 100, "thousand": 1000}.get(lowered, 0))))


_QUARTERS_OF_TIME = re.compile(r"\s+(?:high|low|peak|record|slide|decline|fall|drop|slump|streak|run|period|span|stretch|"
                               r"contraction|expansion|growth|recession|average|moving|rolling|losing|winning)\b", re.IGNORECASE)


# "cut by a fifth", "by close to a third": the size of a change
_SIZE_HEDGE = r"nearly|almost|about|around|roughly|some|more\s+than|less\s+than|just\s+(?:under|over)|over|under"
_BY_BEFORE = re.compile(rf"\bby\s+(?:(?:close\s+to|{_SIZE_HEDGE}|at\s+least)\s+)?$", re.IGNORECASE)


_AFTER_WHOLE = re.compile(rf"(?:\d|\b(?:{_NUMBER_WORD}))\s+and\s+$", re.IGNORECASE)  # "17 and a half", "one and three-quarter"
_OF_ONE_UNIT = re.compile(rf"\s+of\s+an?(?=\s+(?:{_TIME}|{_MEASURE}|percentage[\s-]point)\b)", re.IGNORECASE)


# A share set beside another share of the same sentence: "62% from members and a fifth from shops",
# "three-quarters now, against a third in 2015". A preposition or the clause's end follows ("a third
# party", "a quarter to six" are no share).
_PARALLEL_BEFORE = re.compile(r"(?:\band|\bagainst|\bversus|\bvs\.?|\bcompared\s+(?:with|to)|\bwhile|,)\s+"
                              r"(?:(?:roughly|about|around|nearly|almost|some|just\s+over|just\s+under)\s+)?$", re.IGNORECASE)
# ... followed by a place or a break, or as the subject of its own verb: "..., and a quarter could close", "and a fifth
# have left", "and roughly a tenth changes hands", "and about a sixth come from Russia"
_PARALLEL_AFTER = re.compile(r"\s+(?:in|from|for|at|on|by|with|among)\b|\s*[,;.](?!\d)|\s+to\s+(?!\d)"
                             r"(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)\b)"
                             r"|\s+(?:have|has|had|are|were|will|would|could|can|may|might|must|now|still|also)\s+[a-z]{3,}"
                             r"|\s+(?!(?:times|years|days|months|weeks)\b)[a-z]{3,}(?<!s)s\s+(?:hands|out|up|down|off|away|on|in|to|the|its|their)\b"
                             r"|\s+(?:bring|come|stay|go|live|work|remain|leave|travel|sell|buy|use|own|rent|earn|make|arrive|return)\s+"
                             r"(?:[a-z]+\s+){0,2}(?:from|in|to|at|on|for|with|abroad|home|overseas|the|their)\b",
                             re.IGNORECASE)
_SHARE_BEFORE = re.compile(r"%|\bper\s?cent\b|\b(?:half|thirds?|quarters?|fifths?|tenths?)\s+of\b"
                           r"|\b(?:one|two|three|four|five|six|seven|eight|nine)\s+(?:[a-z]+\s+)?(?:in|out\s+of)\s+(?:every\s+)?"
                           r"(?:two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)  # "Three in ten households"


# A share that is the size of a move, right after its verb: "gained almost a quarter", "up a third on the year".
_MOVED_BY_SHARE = re.compile(r"\b(?:up|down|gain(?:ed|s)?|lost|los(?:es|ing)|rose|risen|rising|f[ae]ll(?:s|en|ing)?|grew|grown|"
                             r"shr[au]nk|climb(?:ed|s)?|dropped|drops|jump(?:ed|s)?|slump(?:ed|s)?|surg(?:ed|es)|plung(?:ed|es)|"
                             rf"soar(?:ed|s)?|declin(?:ed|es)|shed|swell(?:ed|s)?)\s+(?:(?:{_SIZE_HEDGE})\s+)?$", re.IGNORECASE)


def _parallel_share(text: str, start: int, end: int) -> bool:
    """Is the bare "a third" at [start, end) a share set beside another share earlier in its sentence?"""
    before = text[max(0, start - 150):start]
    clause = re.split(r"[.!?]\s|\n", before)[-1]
    return bool(_PARALLEL_BEFORE.search(before) and _PARALLEL_AFTER.match(text, end) and _SHARE_BEFORE.search(clause))


# A fraction written with a slash before what it is a share of: "2/3 of the conclave", "a 3/4 majority", "less than 1/40
# of that permitted" (not a date, "on 2/3").
_SLASHED = re.compile(r"(?<![\d/.,])(?P<num>[1-9])/(?P<den>[2-9]|[1-9]\d|100)(?![\d/])(?=\s+of\b|[\s-]+majority\b)")


# "4pc now, down from a fifth a decade ago": the share left behind, then when (not "up from a third division club")
_SHARE_LEFT = re.compile(r"\b(?:up|down)\s+from\s+$", re.IGNORECASE)
_WHEN_LEFT = re.compile(r"\s*[,.;)]|\s+(?:a|an|in|at|on|last|the|two|three|four|five|ten|\d)\b", re.IGNORECASE)


def _fractions(text: str) -> list[WordQuantity]:
    found = [WordQuantity(m.span(), 100 * int(m["num"]) / int(m["den"]), None, "percent", "fraction")
             for m in _SLASHED.finditer(text) if int(m["num"]) < int(m["den"])] if "/" in text else []
    amounts = round_fractions(text)  # "a quarter of a million" is 250,000, a number (`numbers.find_numbers`)
    for m in _FRACTION.finditer(text):
        den = m["den"].lower()
        if any(start <= m.start() < end for start, end in amounts) or _AFTER_WHOLE.search(text[max(0, m.start() - 20):m.start()]):
            continue  # "17 and a half hours" is one number (`numbers.find_numbers`)
        if den.startswith("quarter") and m["gap"] == " " and (den.endswith("s") or m["num"].lower() not in ("a", "one")):
            continue  # "two quarters of growth" counts quarters
        if den == "quarter" and m["gap"] == "-" and _QUARTERS_OF_TIME.match(text[m.end():]):
            continue  # "a four-quarter high", "a two-quarter slide": quarters of a year, not 100% or 50%
        if den == "quarter" and _QUARTER_CENTURY.match(text, m.end()):
            continue  # "a quarter of a century" is 25 years (`_one_unit`)
        if m["num"].lower() in ("a", "an") and not re.match(r"\s+of\b", text[m.end():]) and not _BY_BEFORE.search(text[:m.start()]) \
                and not re.match(r"\s+(?:smaller|larger|bigger|lower|higher|more|less|fewer|below|above|full|empty|cheaper|dearer)\b",
                                 text[m.end():]) \
                and not _parallel_share(text, m.start(), m.end()) and not _MOVED_BY_SHARE.search(text, max(0, m.start() - 40), m.start()) \
                and not (_SHARE_LEFT.search(text, max(0, m.start() - 20), m.start()) and _WHEN_LEFT.match(text, m.end())):
            continue  # "a third term", "a quarter": not a share of something
        if one := _OF_ONE_UNIT.match(text, m.end()):  # "a tenth of a second" is 0.1 seconds, the unit read after the span
            found.append(WordQuantity((m.start(), one.end()), _number(m["num"]) / _DENOMINATORS[den], None, None, "one"))
            continue
        found.append(WordQuantity((m.start(), m.end()), 100 * _number(m["num"]) / _DENOMINATORS[den], None, "percent", "fraction"))
    for m in _HALF.finditer(text):
        if any(start <= m.start() < end for start, end in amounts):
            continue
        found.append(WordQuantity((m.start(), m.end()), 50.0, None, "percent", "fraction"))
    for m in (*_SHARE_ALONE.finditer(text), *_SHARE_CLAUSE.finditer(text)):
        den = m["den"].lower()
        if den == "half" and m["num"] or den != "half" and not m["num"] \
                or den.startswith("quarter") and not text[m.end():m.end() + 1].isspace():
            continue  # "a half", "about third", "led for over a quarter." (of a game)
        found.append(WordQuantity(m.span("share"), 100 * _number(m["num"] or "a") / _DENOMINATORS[den], None, "percent",
                                  "fraction"))
    return found


def _proportions(text: str) -> list[WordQuantity]:
    found = []
    for m in _PROPORTION.finditer(text):
        num = _number(m["num"])
        if m["grouped"] and (m["out"] or num != 1):
            continue  # "36 out of 1,200 workers": two counts; "1 in 12,607,306" is odds
        if m["noun"] and (num != 1 or m["noun"].endswith("s") or _COUNTED_NEXT.match(text, m.end())):
            continue  # "one pearl in twenty" is a proportion; "one goal in 10 games", "two trips in five" are counts
        # odds: "1 in 292.2 million", "1 in 292m", "1 in 24.9", "1 in 12,607,306", "one in a hundred"
        den = (parse_number(m["big"] or m["grouped"]) or 0.0) if m["big"] or m["grouped"] \
            else _BASE[m["round"].lower()] if m["round"] else _number(m["den"])
        in_year = not m["every"] and m["den"] and re.fullmatch(r"1[89]\d\d|2[01]\d\d", m["den"])  # "1.28 in 2020", "8 in 2021"
        whole = m["den"] and m["num"].isdigit() and m["den"].isdigit() and 10 < den and den not in (100, 1000) and m["out"]
        overs = re.match(r"\s+(?:overs|balls)\b", text[m.end():m.end() + 8])  # "287 for 4 in 50 overs": wickets, then overs
        if 0 < num < den and not in_year and not whole and not overs:
            found.append(WordQuantity((m.start(), m.end()), 100 * num / den, None, "percent", "fraction"))
    return found


def _vague(text: str) -> list[WordQuantity]:
    found = []
    for m in _VAGUE.finditer(text):
        if m["plural"] and m["plural"][0].isupper() and re.search(r"[A-Z][\w'’]*\s$", text[max(0, m.start() - 30):m.start()]) \
                and (not re.search(r"(?:^|[.!?:\n]\s*)\S+\s$", text[max(0, m.start() - 30):m.start()])
                     or not m.group(0).lower().endswith(" of")):
            continue  # a name: "Mega Millions" (not "Millions of people" opening a sentence, nor "Now Millions of")
        if m["tens"]:
            base = _BASE[m["tens"].lower()] * _BASE[m["of"].lower()]
        else:
            base = _BASE[(m["scale"] or m["plural"] or m["scores"] or m["several"]).lower()] * _BASE.get((m["times"] or "").lower(), 1)
        found.append(WordQuantity((m.start(), m.end()), 2 * base, 9 * base, None, "vague"))
    return found + [WordQuantity(m.span(), 2.0, 9.0, "times", "vague") for m in _SEVERAL_TIMES.finditer(text)]


def _couple(text: str) -> list[WordQuantity]:
    return [WordQuantity(m.span(), 2.0 * _BASE.get((m["scale"] or "").lower(), 1), None, None, "couple") for m in _COUPLE.finditer(text)]


def _sizes(text: str) -> list[WordQuantity]:
    found = []
    for m in _MULTI.finditer(text):
        base, word = _BASE[m["scale"].lower()], m["cur"].lower().rstrip("s")
        unit = _MULTI_CURRENCY.get(word)  # a dollar is read after the span, as the story's dollar
        end = m.end() + 1 + len(m["cur"]) if unit else m.end()
        found.append(WordQuantity((m.start(), end), 2 * base, 9 * base, unit, "vague"))
    named = [(m.span(), m["n"], m["cur"]) for m in _FIGURES.finditer(text)]
    named += [((m.start("n"), m.end()), m["n"], None) for m in _FIGURES_REACHED.finditer(text)]
    for span, n, currency in named:
        digits = int(_number(n))
        if 4 <= digits <= 15:  # "a two-figure sum" is no way of naming money
            word = (currency or "").lower().rstrip("s")
            found.append(WordQuantity(span, 10.0 ** (digits - 1), 10.0 ** digits - 1,
                                      _MULTI_CURRENCY.get(word, "USD" if word == "dollar" else None), "figures"))
    for m in _DIGITS.finditer(text):
        low, high = _DIGIT_RANGES[m["n"].lower()]
        found.append(WordQuantity(m.span("size") if m["pct"] else (m.start(), m.end()), low, high,
                                  "percent" if m["pct"] else "percentage_points", "vague"))
    return found


def _multipliers(text: str) -> list[WordQuantity]:
    found = [WordQuantity((m.start(), m.end()), _number(m["n"]), None, "times", "multiplier")
             for m in _FOLD.finditer(text)]
    found += [WordQuantity((m.start(), m.end()), _number(m["n"]) + (_number(m["point"]) / 10 if m["point"] else 0)
                           + _PART.get((m["part"] or "").lower(), 0), None, "times",
                           "multiplier") for m in _FACTOR.finditer(text)]
    for m in _TIMES_THE.finditer(text):
        if _VERB_BEFORE.search(text, max(0, m.start() - 40), m.start()) and not _AGAINST_A_FIGURE.match(text, m.end()):
            found.append(_multiplied(m.span(), m["stem"]))  # "wants to double the charge": the verb is the rise
        else:
            found.append(WordQuantity(m.span(), _MULTIPLIED[m["stem"].lower()], None, "times", "multiplier"))  # a comparison
    found += [WordQuantity(m.span(), _HOW_MANY_TIMES[m["w"].lower()], None, "times", "multiplier") for m in _TWICE.finditer(text)]
    found += [WordQuantity(m.span(group), _HOW_MANY_TIMES[m[group].lower()], None, "times", "done")
              for m in _TWICE_DONE.finditer(text) for group in ("w", "row") if m[group]]
    found += [WordQuantity(m.span("w"), _HOW_MANY_TIMES[m["w"].lower()], None, "times", "done") for m in _TWICE_LISTED.finditer(text)]
    return found + [_multiplied(m.span("verb"), m["stem"]) for pattern in (_MULTIPLY_TO, _SEEN_MULTIPLY)
                    for m in pattern.finditer(text)] \
        + [_multiplied(m.span(), m["stem"]) for m in _MULTIPLIED_VERB.finditer(text)] \
        + [_multiplied(m.span("half"), "halv") for m in _CUT_IN_HALF.finditer(text)]


# "was cut in half", "slashed its budget in half": halved; not "cut in half a mile from shore" (a distance), nor "cut
# approximately in half" (a method's rough step, no figure)
_CUT_IN_HALF = re.compile(r"\b(?:cut|cuts|cutting|slashed|slashes|slashing|sliced)\s+(?:(?![a-z]+ly\b)[a-z'’-]+\s+){0,4}?in\s+(?P<half>half)\b(?!\s+an?\b)",
                          re.IGNORECASE)


def _multiplied(span: tuple[int, int], stem: str) -> WordQuantity:
    """A verb that is itself the move: "quadrupled" is 4 times, up; "halved" a fall of 50 percent."""
    if stem.lower() == "halv":
        return WordQuantity(span, -50.0, None, "percent", "multiplied")
    return WordQuantity(span, _MULTIPLIED[stem.lower()], None, "times", "multiplied")


# "over" that says during, not more than: "rose 40% over a decade", "raise $80 billion over five years"; but "for over a
# year", "in over a decade", "has been over a year", "waited over a year" are more than
DURING_OVER = re.compile(r"(?<!for )(?<!in )(?<!of )(?<!than )(?<!just )(?<!well )(?<!lasted )(?<!lasts )(?<!lasting )(?<!took )"
                         r"(?<!taken )(?<!served )(?<!spent )(?<!waited )(?<!been )(?<!is )(?<!was )(?<!be )(?<!after )\bover\s+$",
                         re.IGNORECASE)


def _denied(text: str, start: int) -> bool:
    """Is "a single" at `start` denied ("had never fined a single company")?"""
    return bool(_DENIED.search(text, max(0, start - 30), start))


def _one_unit(text: str) -> list[WordQuantity]:
    hedged = [m for m in _HEDGED_ONE.finditer(text)  # not "raise $80 billion over a decade": during it
              if not (m.group(0)[:4].lower() == "over" and DURING_OVER.search(text, max(0, m.start() - 16), m.start() + 5))]
    found = [*hedged, *_TOOK_ONE.finditer(text), *_ONE_TIME_LONG.finditer(text), *_HALF_ONE.finditer(text),
             *(m for m in _BY_A_SINGLE.finditer(text) if not _SUPERLATIVE_NEXT.search(text, max(0, m.start() - 40), m.start())),
             *_A_SINGLE.finditer(text), *(m for m in _A_SINGLE_CAN.finditer(text) if not _denied(text, m.start())),
             *_QUARTER_ONE.finditer(text),
             *(m for m in _DID_A_SINGLE.finditer(text) if not _denied(text, m.start())),
             *(m for m in _FROM_A_SINGLE.finditer(text)
               if not (_denied(text, m.start()) or _SUPERLATIVE.search(text, max(0, m.start() - 80), m.start())))]
    return [WordQuantity(m.span("n"), 0.25 if "quarter" in m["n"].lower() else 0.5 if m["n"][0] in "hH" else 1.0, None, None,
                         "one") for m in sorted(found, key=lambda m: m.start())]


def _and_a_half(text: str) -> list[WordQuantity]:
    return [WordQuantity(m.span(), _HALF_UNITS[m["unit"].lower()][1], None, _HALF_UNITS[m["unit"].lower()][0], "one")
            for m in _AND_A_HALF.finditer(text)]


def _points(text: str) -> list[WordQuantity]:
    return [WordQuantity((m.start(), m.end()), _POINT_VALUES[(m["three"] or m["w"] or m["full"]).lower()], None,
                         "percentage_points", "points") for m in _POINTS.finditer(text)]


# Decades, not counted, as a length of time: "hidden for decades", "his decades of public service", "a
# decades-long cover-up" and a sentence's opening "Decades of neglect" are 20 to 90 years, as "dozens" is 24
# to 108 (not a time frame: "in recent decades", "over the past decades", "the decades of war", "for decades to
# come"; not a date, "decades ago"; "several decades" is read as "several" things are).
_DECADES = re.compile(r"(?:\b(?P<word>[A-Za-z]+)\s+)?\b(?P<span>decades)\b(?!-(?!long\b))(?!\s+(?:ago|to\s+come)\b)",
                      re.IGNORECASE)
_DECADES_AFTER = frozenset("for take takes took taken taking after within spanning lasting across over his her their its our my "
                           "a".split())


# A decade of someone's life, an age between its first and last year: "a man in his 40s" (40 to 49), "all in their
# twenties" (not "in the 1990s", "in the 20s" of a century, nor "in their early 30s", whose part of the decade is not said
# exactly)
_DECADE_OF_LIFE = re.compile(r"\bin\s+(?:his|her|their)\s+(?P<span>(?P<n>[1-9]0)['’]?s|(?P<w>twenties|thirties|forties|fifties|"
                             r"sixties|seventies|eighties|nineties))\b", re.IGNORECASE)
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80,
                 "nineties": 90}


def _decade_of_life(text: str) -> list[WordQuantity]:
    found = []
    for m in _DECADE_OF_LIFE.finditer(text):
        first = float(m["n"]) if m["n"] else float(_DECADE_WORDS[m["w"].lower()])
        found.append(WordQuantity(m.span("span"), first, first + 9, "years", "decade_of_life"))
    return found


def _decades(text: str) -> list[WordQuantity]:
    found = []
    for m in _DECADES.finditer(text):
        if text.startswith("-long", m.end()) or (m["word"] or "").lower() in _DECADES_AFTER \
                or m["word"] is None and m["span"][0] == "D" and text.startswith(" of ", m.end()):  # "Decades of neglect"
            found.append(WordQuantity(m.span("span"), 20.0, 90.0, "years", "vague"))
    return found


# A stopwatch's reading: hours of one digit, minutes and seconds ("2:00:35", "1:05:42.3"), or minutes and
# seconds with a fraction ("1:32.456", "47:12.8"), which no clock shows. Hours of two digits or with a
# leading zero ("14:32:05", "02:00:35") and a reading followed by a time of day's words ("7:58:09 a.m.",
# "1:23:45 GMT", "local time") are clock times.
_ELAPSED = re.compile(r"(?<![\d:.,])(?:(?P<h>[1-9]):(?P<m>[0-5]\d):(?P<s>[0-5]\d(?:\.\d+)?)|(?P<mm>[1-5]?\d):(?P<ss>[0-5]\d\.\d{1,3}))"
                      r"(?![\d:]|\.\d)(?!\s?(?:(?i:a\.?m\b|p\.?m\b|local\s+time|hours?\b|hrs\b)|(?:GMT|UTC|[A-Z]{1,3}T)\b))")


# ... and one with its unit written after it: "by 2:11 minutes" (two minutes and 11 seconds), "under 2:20 hours" (hours
# of one digit, not after a word of the clock: "at 9:30 hours", "11:15 hours" are times of day).
_ELAPSED_IN = re.compile(r"(?<![\d:.,])(?:(?P<a>\d{1,2}):(?P<b>[0-5]\d)(?![\d:]|\.\d)\s?(?i:minutes?|mins?)"
                         r"|(?P<h>\d):(?P<m>[0-5]\d)(?![\d:]|\.\d)\s?(?i:hours?|hrs?))\b")


# ... and a gap in a race in minutes and seconds, which no clock shows before these words: "finished 1:13 ahead", "coming
# in 10:56 behind", "a 1:48 overall lead", "three minutes back" (only with the colon).
_GAP = re.compile(r"(?<![\d:.,])(?P<a>\d{1,2}):(?P<b>[0-5]\d)(?![\d:]|\.\d)(?=\s+(?:(?:overall\s+)?(?:lead|advantage|deficit|gap|margin)\b|"
                  r"(?:ahead|behind|back|clear|adrift)\b))")


def _elapsed(text: str) -> list[WordQuantity]:
    found = [WordQuantity(m.span(), int(m["a"]) * 60 + float(m["b"]), None, "seconds", "elapsed") for m in _GAP.finditer(text)
             if not CLOCK_LEAD.search(text, max(0, m.start() - 20), m.start())]  # not "starts at 10:30 behind closed doors"
    for match in _ELAPSED.finditer(text):
        hours, minutes, seconds = (match["h"], match["m"], match["s"]) if match["h"] else ("0", match["mm"], match["ss"])
        found.append(WordQuantity(match.span(), int(hours) * 3600 + int(minutes) * 60 + float(seconds), None, "seconds",
                                  "elapsed"))
    for match in _ELAPSED_IN.finditer(text):
        if match["h"] and CLOCK_LEAD.search(text, max(0, match.start() - 20), match.start()):
            continue
        seconds = int(match["a"]) * 60 + int(match["b"]) if match["a"] else int(match["h"]) * 3600 + int(match["m"]) * 60
        found.append(WordQuantity(match.span(), float(seconds), None, "seconds", "elapsed"))
    return found
