"""Stage (mentions): deterministic quantity-mention scanner — every quantity in a text, with offsets.

Built on `numbers.find_numbers` and `mention_words`: each number is widened to its whole expression
("more than 1 million shells", "$24.5 billion", "minus 5", "$58 per barrel") and read for its unit
(mention_units), hedge and currency (mention_rules). Numbers that are not amounts (names, clock
times, scores, phrases) are set aside with the rule that decided it (mention_filters); parts of
dates stay in `scan()` flagged `is_year`. Ranges are joined and units shared (mention_ranges), a
bare exchange rate takes the currencies its sentence names, money after an hourly, daily, weekly or
monthly payment is per that period, bare "degrees" take the one scale the text writes, and a direction is
given only to a change, whose sign it sets (mention_signs). No model is involved: the same text always
gives the same mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from schemas.primitives.numbers import NumberMatch, find_numbers
from schemas.units import COIN_UNITS, dimension_of

from . import mention_ranges as ranges
from . import mention_rules as rules
from .mention_filters import company_named, counted_one_of, glued_brand, glued_name, not_quantity, vote_split
from .mention_signs import DONE_TO_COUNTED, HELD_COUNTS, NOUNS_DOWN, NOUNS_UP, Change, change_at, lost_before, moved_object, signed
from .mention_units import (GLUED_FIGURE, MEASURE_UNITS, TO_ONE_DOLLAR, UnitClass, UnitRead, age_in_apposition, exchange_rate, glued_metres, implied_rate, measure_before, moved_to_level,
                            each_after, good_after, money_before, part_of_whole, body_of_people, per_number_after, quoted_against, rate_after, rate_before, storm_category,
                            unit_after)
from .mention_tables import signed_column, table_units
from .mention_words import DURING_OVER, WordQuantity, word_quantities

__all__ = ["Mention", "Rejection", "UnitClass", "find_mentions", "preceding_start", "quantities", "rejections", "scan",
           "scan_candidates", "sentence_bounds", "sentence_starts"]
RECORD_FIELDS = ("text", "start", "end", "value", "value_max", "unit", "qualifier", "direction")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_PLUS_AFTER = re.compile(r"(?:\+|-plus)(?=[\s,.;:)]|$)")  # "4+ years", "11-plus years"
_OR_MORE = re.compile(r"\s+or\s+(?P<w>more|fewer|less)\b", re.IGNORECASE)
_NEXT_CHARACTER = re.compile(r"\s*(\S)")  # the first character after white space, read in place
_TIME_PARTS = frozenset({"weekends", "nights", "mornings", "afternoons", "evenings"})  # "arrested over one weekend": during it
_ANNUAL_RATE = re.compile(r"\ban?\s+(?:seasonally[\s-]adjusted\s+)?annual(?:i[sz]ed)?\s+(?:rate|pace)\s+of\s+$", re.IGNORECASE)
_ABBREVIATIONS = frozenset("mr mrs ms dr st no vs jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd co gen sen rep gov".split())


@dataclass(frozen=True)
class Mention:
    """One quantity expression: `text == source[start:end]`, value in base units, signed.

    `direction` is "up" or "down" only when the number is the size of a movement; `cue` keeps the
    words that set its direction or sign ("contracted", "a ... dip", "minus")."""

    id: str
    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    unit: str | None
    unit_class: UnitClass
    qualifier: str
    direction: str | None
    is_year: bool
    sentence_start: int
    sentence_end: int
    cue: str | None = None


@dataclass(frozen=True)
class Rejection:
    """A number the scanner read and set aside as not a quantity, with the rule that decided it."""

    text: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Candidate:
    """Every number the scanner read: a kept `mention`, or the `rule` that set it aside."""

    text: str
    start: int
    end: int
    rule: str | None
    mention: Mention | None


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin: after . ! ? and a space before a capital, and after line ends."""
    starts = [0]
    for match in _BOUNDARY.finditer(text):
        word = re.search(r"(\w+)\W*$", text[max(0, match.start() - 12):match.start()])
        if match.group(0).strip(" \t\"”’)") == "" and word and _is_abbreviation(word.group(1)):
            continue
        starts.append(match.end())
    return starts


def preceding_start(starts: list[int], sentence_start: int, sentences: int) -> int:
    """Where the `sentences` sentences before the one starting at `sentence_start` begin
    (`starts` from `sentence_starts`)."""
    index = max(i for i, start in enumerate(starts) if start <= sentence_start)
    return starts[max(0, index - sentences)]


def _is_abbreviation(word: str) -> bool:
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def sentence_bounds(text: str, pos: int, starts: list[int] | None = None) -> tuple[int, int]:
    """The [start, end) of the sentence containing `pos`, trailing spaces excluded."""
    starts = starts if starts is not None else sentence_starts(text)
    index = bisect_right(starts, pos) - 1
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    return starts[index], len(text[:end].rstrip())


_PER_TIME = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
# Measures of an amount of stuff, which "a" and one thing after them share out ("5,480 litres a cow", "42 tonnes a
# truck"); not a reading, a temperature or a time.
_AMOUNTS_OF_THINGS = MEASURE_UNITS - {"degrees", "degrees_celsius", "degrees_fahrenheit", "magnitude", "hectopascals", "millibars",
                                      "hours", "minutes", "seconds", "light_years"}


def _with_rate(text: str, start: int, end: int, unit: str | None, unit_class: UnitClass) -> tuple[str | None, int]:
    """The unit with its denominator ("USD per barrel", "births per 1000_people") and the new end of the mention."""
    if unit_class == "percent":
        return unit, end
    per, used = per_number_after(text, end)
    if per:
        return (f"{unit} per {per}" if unit else f"per_{per}"), end + used
    if unit is None:
        return unit, end
    if unit_class == "count" and _ANNUAL_RATE.search(text, max(0, start - 60), start):
        return f"{unit} per year", end  # "starts rose to an annual rate of 279,000 units"
    denominator, used = rate_after(text, end, of_one=unit_class == "currency" or unit in _AMOUNTS_OF_THINGS)
    if denominator is None and unit_class == "currency":
        denominator, used = quoted_against(text, end, unit)
    if denominator is None and unit_class == "currency":
        denominator = good_after(text, end) or each_after(text, start, end) or rate_before(text[max(0, start - 100):start])
    if denominator and denominator not in _PER_TIME and (then := rate_after(text, end + used))[0] in _PER_TIME:
        denominator, used = f"{denominator} per {then[0]}", used + then[1]  # "210 litres per person per day"
    return (f"{unit} per {denominator}" if denominator else unit), end + used


def _mention(text: str, start: int, end: int, value: float, unit: str | None, unit_class: UnitClass,
             cue: str | None = None, value_max: float | None = None, qualifier: str | None = None) -> Mention:
    hedge, hedge_len = rules.hedge_before(text[max(0, start - 40):start])
    if (unit_class == "duration" or unit in _TIME_PARTS) and hedge == "more_than" and DURING_OVER.search(text[max(0, start - 16):start]):
        hedge, hedge_len = "exact", 0  # "over five years" is during them; "for over five years" is more than
    unit, end = _with_rate(text, start, end, unit, unit_class)
    start -= hedge_len
    return Mention("", start, end, text[start:end], value, value_max, unit, unit_class, qualifier or hedge, None,
                   False, 0, 0, cue)


_WORD_UNIT_CLASS: dict[str | None, UnitClass] = {"times": "count", "titles": "count", "to_one": "count",  # else a share
                                                  **dict.fromkeys(("seconds", "hours", "days", "weeks", "months", "years"), "duration")}


def _from_words(text: str, found: WordQuantity, story: tuple[str, ...]) -> Mention:
    if found.kind == "figures":  # "a seven-figure sum": money, in the story's currency unless it names one
        return _mention(text, found.start, found.end, found.value, found.unit or rules.story_money(story), "currency",
                        value_max=found.value_max, qualifier="several")
    read = unit_after(text, found.end, None, story, singular_ok=found.value <= 1, value=found.value) \
        if found.unit is None else None
    unit = read.unit if read else found.unit
    unit_class: UnitClass = read.unit_class if read else _WORD_UNIT_CLASS.get(found.unit, "percent")
    if read and read.unit is None and storm_category(text, found.start, found.value):
        unit = "category"  # "a category three storm"
    end = found.end + (read.consumed if read else 0)
    factor = read.factor if read else 1.0  # "nearly a decade" is 10 years
    mention = _mention(text, found.start, end, _scaled(found.value, factor), unit, unit_class,
                       value_max=None if found.value_max is None else _scaled(found.value_max, factor),
                       qualifier={"vague": "several", "couple": "approximately", "decade_of_life": "range"}.get(found.kind))
    if found.kind == "multiplied" and found.value < 0:  # "halved": the verb is the fall, of 50 percent
        return replace(mention, direction="down", cue=text[found.start:found.end])
    if found.kind == "multiplied":  # "quadrupled": the verb is the rise
        return replace(mention, direction="up", cue=text[found.start:found.end])
    return mention


def _scaled(value: float, factor: float) -> float:
    """A value in the unit read after it: "164p" is 1.64 (divided, so that no float error creeps in), "a decade" 10."""
    return value / round(1 / factor) if factor < 1 else value * factor


# A frequency that names a band of the spectrum, alone or in a list of them: "the 700 MHz band", "in 900 MHz, 1800 MHz
# and 26 GHz frequency bands".
_BAND_AFTER = re.compile(r"(?:\s*(?:,|and|&)\s*(?:and\s+)?\d[\d,.]*\s?(?:[MG]Hz|[MG]hz))*\s+(?:frequency\s+|spectrum\s+|radio\s+)?bands?\b")


# A chip's process node, alone or in a list of them, in a story about chips: "28 nanometer chips", "12, 16, 22, and 28
# nanometer chips", "ranging from 12 to 28 nanometers": the name of a technology, not a length.
_NODE_AFTER = re.compile(r"(?:(?:\s*,\s*|\s+)(?:and\s+|to\s+|or\s+)?\d{1,2})*[\s-]?(?:nm|nanomet(?:er|re)s?)\b")
_CHIP_WORDS = re.compile(r"\b(?:chips?|semiconductors?|wafers?|foundr(?:y|ies)|fabs?|chipmakers?|processors?)\b", re.IGNORECASE)


# A coin's ticker before its count, as exchanges write it: "ETH 401,000", "BTC 2,500" (after it: `mention_units.CRYPTO_COINS`).
_COIN_BEFORE = re.compile(r"\b(?P<coin>ETH|BTC)\s?$")
_GENERATION = re.compile(r"[gG](?![\w-])")
_MOBILE_WORDS = re.compile(r"\b(?:spectrum|mobile|telecoms?|network|operators?|broadband|smartphones?|LTE|MHz|GHz|Jio|Airtel|"
                           r"Vodafone|Huawei|Ericsson|Nokia)\b", re.IGNORECASE)


def _from_number(text: str, number: NumberMatch, story: tuple[str, ...]) -> Mention | Rejection:
    code, currency_len = rules.currency_before(text[max(0, number.start - 8):number.start], story, scaled=number.scale >= 1e6)
    coin = None if code else _COIN_BEFORE.search(text, max(0, number.start - 5), number.start)  # "the theft of ETH 401,000"
    start = coin.start() if coin else number.start - currency_len
    minus_len = rules.minus_before(text[max(0, start - 16):start], currency=bool(currency_len))
    if minus_len == 1 and text[start:start + 1].isalpha() and (start == 1 or text[start - 2] == "\n"):
        minus_len = 0  # "-BRL 100 billion will be paid" opening a line: a list's dash, no minus
    spelled = not number.text[:1].isdigit() and number.text[:1] not in "-\u2212."
    single = spelled and number.value == 1 and number.scale == 1
    plus = len(sign[0]) if (sign := _PLUS_AFTER.match(text, number.end)) else 0  # "4+ years", "5,000+ fans": at least; the bound's length
    read = unit_after(text, number.end + plus, code, story, singular_ok=single, value=number.value)
    if coin and read.unit is None:
        read = UnitRead(COIN_UNITS[coin["coin"].lower()], "count")
    if not code and company_named(text, number.start, number.end):
        return Rejection(number.text, number.start, number.end, "name")  # "3M said", "3M's", "3M investors": the company
    if read.unit is None and not code and number.scale == 1e6 and glued_metres(text, number.start, number.end):
        read = UnitRead("meters", "count", factor=1e-6)  # "cleared 6.25m": metres, not millions
    bound = "at_least" if plus else None
    if not plus and read.unit is None and number.value != 1 and (more := _OR_MORE.match(text, number.end)):
        counted = unit_after(text, more.end(), code, story, value=number.value)
        if counted.unit is not None and counted.unit_class == "count":  # "36 or more points": at least 36 ("one or more" is "some")
            plus, read, bound = more.end() - number.end, counted, "at_most" if more["w"].lower() in ("fewer", "less") else "at_least"
    signed_at = number.start + (1 if number.text[:1] in "-\u2212" else 0)  # past a minus read with the number
    # a table's signed column ("Labour 98 -14 Greens 31"): the capitalised word after it is the next row's name
    column = not spelled and not code and signed_column(text, signed_at - 1)
    if column and read.unit_class == "count" and (following := _NEXT_CHARACTER.match(text, number.end)) \
            and following.group(1).isupper():
        read = UnitRead(None, "count")  # "-14 Greens": the next row's name, not what is counted
    has_unit = read.unit is not None or number.scale != 1
    # "Boeing 777 fleets" is still a name; "Rita's 895 mb" is a measure
    named_ok = number.scale == 1 and read.unit_class == "count" and read.unit not in MEASURE_UNITS \
        and not (plus and read.unit)  # "the BJP 400+ seats": a name's number takes no "+"
    measure = measure_before(text[max(0, start - 60):start], number.value) or (
        "category" if storm_category(text, start, number.value) else None)
    if measure and (read.unit is None or read.unit_class == "count"):
        read = UnitRead(measure, "count")  # "Magnitude 6.8 Hits": the scale, not what follows, is the unit
    elif read.unit is None and number.scale == 1 and vote_split(text, number.start, number.end):
        read = UnitRead("votes", "count")  # "voted 5-4": five votes for and four against
    elif read.unit is None and not code and age_in_apposition(text, number.start, number.end, number.value):
        read = UnitRead("years", "count")  # "Novak Djokovic, 37, lost": an age
    elif single and counted_one_of(text[max(0, start - 40):start], text[number.end:number.end + 80]):
        read = UnitRead(part_of_whole(text, number.end), "count")  # "Only one of the 38 boats": a boat, the whole's noun
    elif read.unit is None and not code and not (spelled and number.value < 2) and number.scale == 1 \
            and (whole := part_of_whole(text, number.end)):
        read = UnitRead(whole, "count")  # "358 of the town's 1,113 structures" counts structures
    elif read.unit is None and not code and (body := body_of_people(text, start)):
        read = UnitRead(body, "count")  # "a crew of 2,350" counts crew members
    elif not minus_len and (rule := not_quantity(text, number.start, number.end, number.value, spelled, not named_ok)) \
            and not (column and rule == "name"):
        return Rejection(number.text, number.start, number.end, rule)
    if number.value in (2, 3, 4, 5, 6) and _GENERATION.match(text, number.end) \
            and _MOBILE_WORDS.search(text, max(0, number.start - 300), number.end + 300):
        return Rejection(number.text, number.start, number.end, "name")  # "launch 5g in the country": a mobile network's generation
    if not code and number.value < 100 and (read.unit is None or read.unit == "nanometers") and _NODE_AFTER.match(text, number.end) \
            and _CHIP_WORDS.search(text, max(0, number.start - 200), number.end + 200):
        return Rejection(number.text, number.start, number.end, "name")  # "12, 16, 22, and 28 nanometer chips": process nodes
    if read.unit in ("megahertz", "gigahertz") and _BAND_AFTER.match(text, number.end + read.consumed):
        return Rejection(number.text, number.start, number.end, "name")  # "the 700 MHz band", "in 900 MHz, 1800 MHz ... bands"
    if not code and not spelled and (glued_name(text, number.start, number.end + read.consumed)
                                     or read.unit is None and glued_brand(text, number.end)):
        return Rejection(number.text, number.start, number.end, "name")  # "Boeing 777F", "Unit 7B", "7NEWS reports"
    value = _scaled(number.value, read.factor)
    cue = "minus" if minus_len else number.text[0] if number.value < 0 else None
    mention = _mention(text, start - minus_len, number.end + plus + read.consumed, -abs(value) if minus_len else value,
                       read.unit, read.unit_class, cue, qualifier=bound)
    year_ok = number.scale == 1 and "," not in number.text and (
        read.unit_class == "count" and (dimension_of(read.unit) is None or _WHEN_GLUED.search(text, max(0, start - 8), start))
        or not code and _money_of_a_year(text, start, number.end))  # "the 2030 plan", "in 2020 miles were logged"; not
    # "buried 2000 ft below", "1950 km", a measure
    dated = rules.is_date_part(number.value, not spelled and "," not in number.text, text[max(0, number.start - 40):number.start],
                               text[number.end:number.end + 30], has_unit and not year_ok)
    return replace(mention, is_year=True) if dated else mention


# Verbs of a decision taken again and again: "raised rates 11 times", "to cut three times".
_DECISIONS = re.compile(r"cut|cuts|cutting|rais\w+|hik\w+|lower\w*|reduc\w+|trim\w*|slash\w*", re.IGNORECASE)
_COMPARED = re.compile(r"\s+(?:faster|slower|quicker|more|less|fewer|higher|lower|larger|bigger|smaller|greater|as|over|"
                       r"the|what|that|its|their)\b", re.IGNORECASE)


def _is_size(unit: str | None) -> bool:
    """A length, area or weight: what a thing has, so that losing some is a fall."""
    return bool(unit) and (dimension_of(unit) in ("length", "mass") or unit.startswith("square_") or unit in ("hectares", "acres"))


# Counts whose loss is no fall of what one has: the people killed ("lost 14 soldiers in the ambush") and contests lost
# ("lost five games"); nor is a count taken by a cause ("lost 18,000 reindeer to predators"), a toll.
_LOST_NOT_HELD = frozenset("people lives soldiers troops civilians men women children officers fighters crew workers "
                           "games matches races fights bouts sets frames finals contests elections appeals cases runs wickets "
                           "goals tries".split())  # ... nor a margin of defeat ("losing by 96 runs")
_LOSS_VERB = re.compile(r"\blos(?:t|es|ing|e)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_TAKEN_BY = re.compile(r"(?:\s+of\s+(?:its|their|the|his|her|our)(?:\s+[\w-]+){1,3}?)?\s+to\s")  # "lost four of its schools to"


def _held_count(text: str, mention: Mention) -> bool:
    """Is the mention a count of things one has ("lost 2,300 yaks", "lost 4.2 million palms"), so that losing some is
    a fall?"""
    return mention.unit_class == "count" and mention.unit is not None and " per " not in mention.unit \
        and dimension_of(mention.unit) is None and mention.unit.split("_")[-1] not in _LOST_NOT_HELD \
        and not _TAKEN_BY.match(text, mention.end) and lost_before(before := text[max(0, mention.start - 60):mention.start]) \
        and _LOSS_VERB.search(before) is not None  # not "the cyclone wiped out 2,300 homes", a toll


# "11 more are planned", "dozens more craft were damaged": more of the things counted, not a rise (but "21 more seats
# than at the last election" and "a third more" are changes).
_MORE_THAN = re.compile(r"\bmore\s+(?:[\w-]+\s+){0,3}than\b", re.IGNORECASE)
# "adds fourteen galleries", "adds J$2.3bn for roads": things added; "adds £92 a year to a typical bill" is a rise
_ADDS = re.compile(r"(?:add|adds|adding)\b", re.IGNORECASE)
_ADDED_TO = re.compile(r"[^.;:]{0,25}?\bto\b")
_SUNK_INTO = re.compile(r"(?:sunk|sank|sink|sinks|sinking)\b", re.IGNORECASE)  # "sunk millions into offices": invested
_PLUNGED_INTO = re.compile(r"(?:plunged|plunges|plunge|plunging|tipped|tips|tipping)\b", re.IGNORECASE)  # "plunged millions into poverty"
_INTO_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}\s+into\b")


_JUMPED = re.compile(r"(?:soar|leap|vault)\w*$", re.IGNORECASE)


def _no_change(text: str, mention: Mention, cue: str) -> bool:
    """Does the movement word `cue` say what was done, not how far a level moved?"""
    counted = mention.unit_class == "count" and mention.unit != "times"
    return (counted and (cue.split()[0].lower() in DONE_TO_COUNTED or _ADDS.match(cue) is not None  # "sank two ferries", "adds 14 galleries"
                         or cue.lower() == "more" and not _MORE_THAN.search(text, mention.start, mention.end + 40)
                         or mention.unit is not None and cue.lower().endswith(" at"))  # "drops fell at four locations": where
            or mention.unit_class == "currency" and _ADDS.match(cue) is not None and not _ADDED_TO.match(text, mention.end)
            or _SUNK_INTO.match(cue) is not None and re.match(r"\s+into\b", text[mention.end:]) is not None
            or counted and _PLUNGED_INTO.match(cue) is not None and _INTO_AFTER.match(text, mention.end) is not None  # people
            # thrown into a plight, not a fall: "plunged millions into poverty" (not "plunged 30% into the close")
            or mention.unit_class != "percent" and cue.lower().startswith("recover")  # "police recovered Rs 12 lakh": found
            or mention.unit in MEASURE_UNITS and _JUMPED.match(cue) is not None)  # "soared 6.25m": the height a jump reached


# Counts whose noun is itself the cut: a fall, as "cut 9,000 jobs" is.
_CUTS_COUNTED = frozenset({"job_cuts", "layoffs", "lay_offs", "redundancies", "job_losses"})


_WHEN_GLUED = re.compile(r"\b(?:in|since|by|from|until|till|of|before|after)\s$", re.IGNORECASE)
_MONEY_OF_A_YEAR = re.compile(r"\s+(?:(?:dollar|euro|pound)\s+(?:bonds?|notes?|debt|loans?|terms|prices)|(?P<plural>dollars|euros|pounds))\b",
                              re.IGNORECASE)


def _money_of_a_year(text: str, start: int, end: int) -> bool:
    """Does a currency word after the number name a year's money or a bond due that year ("a 2023 dollar bond",
    "in 2015 dollars"), not an amount ("paid 2023 dollars")?"""
    match = _MONEY_OF_A_YEAR.match(text, end)
    return bool(match) and (not match["plural"] or text[max(0, start - 3):start].lower() == "in ")


# A noun of change and "of" right before a hedged number: "a decrease of over 800,000" is the change's size.
_CHANGE_OF = re.compile(rf"\b(?:an?\s+)?(?:[a-z]+\s+)?(?:{NOUNS_DOWN}|{NOUNS_UP}|loss)\s+of\s+$", re.IGNORECASE)


_BY_BEFORE = re.compile(r"\bby\s$", re.IGNORECASE)


def _with_change(text: str, mention: Mention) -> Mention:
    if mention.is_year or re.match(r"(?:above|below|past|beyond|under)\b", mention.text, re.IGNORECASE) \
            or (mention.unit_class != "percent" and mention.unit != "points" and re.match(r"over\b", mention.text, re.IGNORECASE)
                and not (mention.unit_class == "currency" and lost_before(text[max(0, mention.start - 130):mention.start]))
                and not _CHANGE_OF.search(text, max(0, mention.start - 40), mention.start)
                and not _BY_BEFORE.search(text, max(0, mention.start - 4), mention.start)):
        return mention  # "rose above 30 million": where it got to; "sinking over 30%", "lost over $5bn", "dropped over 1,000
        # points", "a decrease of over 800,000", "cut by over 10 billion yen": how far it moved
    held = (mention.unit or "").split("_")[-1] in HELD_COUNTS  # "lost 12 seats", "lost 900,000 landline users"
    held = held or _is_size(mention.unit) or _held_count(text, mention)  # "the glacier lost 3.2 metres", "lost 2,300 yaks"
    change = change_at(text, mention.start, mention.end,
                       mention.unit_class in ("percent", "currency") or mention.unit == "points" or held,
                       loss_ok=mention.unit_class != "currency", money=mention.unit_class == "currency")
    moved = mention.text.lower().startswith("from ")
    if change is None and ranges.is_move(mention):
        change = moved_object(text[max(0, mention.start - 60):mention.start],  # "cut its rate from 4.25% to 4%"
                              ranges.written_falling(mention))
    if change is None and ranges.is_move(mention) and (lead := ranges.MOVE_START.match(mention.text)) and lead["left"] \
            and (falling := ranges.written_falling(mention)) is not None:
        change = Change("down" if falling else "up", lead.group(0).strip())  # "cut its stake ... from the current 34% to 24%"
    if change is None and mention.unit in _CUTS_COUNTED:
        change = Change("down", mention.unit.replace("_", " "), by_noun=True)  # "9,000 job cuts", "the 10,000 layoffs"
    if change is None or _no_change(text, mention, change.cue):
        return mention
    if _DECISIONS.fullmatch(change.cue) and re.search(r"\btimes$", mention.text, re.IGNORECASE) \
            and mention.value == int(mention.value) and not _COMPARED.match(text[mention.end:]):
        return mention  # "to cut as many as six times this year": how often, not how far ("cut 2.5 times" is)
    if change.direction == "up" and mention.value < 0 and (mention.value_max is None or mention.value_max <= 0):
        change = replace(change, direction="down")  # "growth of minus 0.3%": the written sign says it fell
    if moved:  # "fell from 4.8 to 4.7 percent": the ends are levels
        return replace(mention, direction=change.direction, cue=change.cue)
    low, high = signed(mention.value, change.direction), signed(mention.value_max, change.direction) if mention.value_max is not None else None
    if high is not None and high < low:
        low, high = high, low
    return replace(mention, value=low, value_max=high, direction=change.direction, cue=change.cue)


def _listed(first: Mention, then: Mention) -> Mention | None:
    """A number listed right after a change is a change of the same kind ("lost $12bn, or 8%"); a
    move "from A to B" after another move goes the same way, unless its ends as written go the other."""
    if first.direction is None or then.direction is not None or then.is_year:
        return None
    if ranges.is_move(then):
        falling = ranges.written_falling(then)
        if not ranges.is_move(first) or falling is not None and falling != (first.direction == "down"):
            return None
        return replace(then, direction=first.direction, cue=first.cue)
    return replace(then, value=signed(then.value, first.direction), direction=first.direction, cue=first.cue)


def _read(text: str) -> tuple[list[Mention], list[Rejection]]:
    story = rules.story_cues(text)
    words = [_from_words(text, found, story) for found in word_quantities(text)]
    taken = [(m.start, m.end) for m in words]
    read = [_from_number(text, n, story) for n in find_numbers(text)
            if not any(s <= n.start < e or n.start <= s < n.end for s, e in taken)]
    rejected = [r for r in read if isinstance(r, Rejection)]
    mentions = sorted([*words, *(m for m in read if isinstance(m, Mention))], key=lambda m: m.start)
    mentions = [m for i, m in enumerate(mentions) if i == 0 or m.start >= mentions[i - 1].end or m.is_year]
    mentions = _feet_and_inches(text, _spoken_hundredths(text, mentions))
    mentions = ranges.merge_ranges(text, _to_one_dollar(text, mentions, story))
    mentions = ranges.share_units(text, _counted_by_words_around(text, mentions))
    mentions = _money_by_verb(text, table_units(text, mentions), rules.story_money(story))
    mentions = _periodic_money(text, _share_prices(text, mentions, rules.story_currency(story, "USD")))
    mentions = _or_more(text, _exchange_rates(text, _bracketed_negatives(text, _converted_amounts(text, mentions)), story))
    mentions = _metres_beside_lengths(text, _below_zero_beside(_temperature_scale(_fertility_rates(text, mentions))))
    mentions = _converted_moves(text, ranges.spread(_shared_noun_of_change(text, [_with_change(text, m) for m in mentions]), text, _listed))
    mentions = _counted_after_brackets(text, mentions, story)
    if mentions and _cut_off(text, mentions[-1]):
        last = mentions.pop()
        rejected.append(Rejection(last.text, last.start, last.end, "cut_off"))
    return mentions, rejected


# An excerpt that stops mid-sentence: no closing punctuation at its end, or an ellipsis.
_CLOSED_END = re.compile(r"[.!?:;\"”’')\]]\s*$")
_ELLIPSIS_END = re.compile(r"\s*(?:…|\.\.\.)\s*$")
_SCALES = ("thousand", "million", "billion", "trillion", "crore", "lakh")


def _cut_off(text: str, last: Mention) -> bool:
    """Is the text's last quantity cut short where an excerpt stops mid-sentence? Either only the start of a scale
    word or the rest of its digits follows it ("about 13 milli", "over 10 bi", "to $69,00"), or nothing does and
    nothing was read after its digits, in a prose line that is not the text's first ("levels of $43", "prices have
    fallen 23", "an additional $300…"): its scale or unit may be lost, and "$43 billion" must not be read as $43. A
    headline or a single sentence without a full stop keeps its last figure, and so do a price in pence or cents
    ("from £6.40") and a cut word that starts no scale ("a 22-foot subme", "32.2 poin")."""
    end = len(text.rstrip())
    if last.is_year or (_CLOSED_END.search(text, 0, end) and not _ELLIPSIS_END.search(text, 0, end)):
        return False
    tail = _ELLIPSIS_END.sub("", text[last.end:end]).strip()
    if tail:  # the start of a scale word, or the rest of the number itself ("rose to $69,00")
        return tail.isalpha() and any(scale.startswith(tail.lower()) and scale != tail.lower() for scale in _SCALES) \
            or re.fullmatch(r"[,.]\d*", tail) is not None
    line_start = text.rfind("\n", 0, last.start) + 1
    priced = last.unit_class == "currency" and re.search(r"\.\d\d$", last.text)  # "from £6.40": pence take no scale
    return last.text[-1:].isdigit() and not priced and line_start > 0 and len(text[line_start:end].split()) >= 5


def _spoken_hundredths(text: str, mentions: list[Mention]) -> list[Mention]:
    """A whole amount of money named in words and the hundredths said right after it, as a price is spoken
    ("three dollars eighty a pound", "about four pounds fifty a year", "5 pounds 20"): one amount, 3.80,
    with the rate written after the hundredths. The hundredths are a bare whole number under 100, or an amount in
    cents after "and" (`_and_its_cents`)."""
    result: list[Mention] = []
    for mention in mentions:
        last = result[-1] if result else None
        if last is not None and last.unit_class == "currency" and last.unit and " per " not in last.unit \
                and last.text[-1:].isalpha() and last.value_max is None and float(last.value).is_integer() \
                and mention.unit is None and mention.value_max is None and not mention.is_year \
                and float(mention.value).is_integer() and 1 <= mention.value < 100 \
                and text[last.end:mention.start].isspace() and len(text[last.end:mention.start]) == 1:
            unit, end = _with_rate(text, last.start, mention.end, last.unit, "currency")
            result[-1] = replace(last, end=end, text=text[last.start:end], value=last.value + mention.value / 100, unit=unit)
            continue
        if last is not None and _and_its_cents(text, last, mention):
            result[-1] = replace(last, end=mention.end, text=text[last.start:mention.end], value=last.value + mention.value)
            continue
        result.append(mention)
    return result


_CENTS = re.compile(r"(?:cents?|pence|centimes?|kopecks?|kopeks?)$", re.IGNORECASE)


def _and_its_cents(text: str, whole: Mention, cents: Mention) -> bool:
    """A whole amount and its hundredths in the same currency: "one euro and twenty cents" is 1.20 euros, "five pounds
    and forty pence" 5.40 pounds."""
    return whole.unit_class == "currency" and whole.unit is not None and (cents.unit or "").split(" per ")[0] == whole.unit.split(" per ")[0] \
        and whole.value_max is None and cents.value_max is None \
        and whole.text[-1:].isalpha() and float(whole.value).is_integer() and 0 < cents.value < 1 \
        and bool(_CENTS.search(cents.text)) and text[whole.end:cents.start] == " and "


# A height in feet and inches as sports pages write it: "the 6-foot-6 forward", "a 5-foot-11-inch guard" (the inches
# under 12, a half allowed: "6-foot-7½").
_INCHES_AFTER = re.compile(r"-(\d{1,2}(?:\.5)?)(½)?(?:-inch(?:es)?)?(?![\d.,½-])")


def _feet_and_inches(text: str, mentions: list[Mention]) -> list[Mention]:
    """"6-foot-6" is 6.5 feet: the whole feet the scanner read, with the inches glued after them."""
    result = []
    for mention in mentions:
        if mention.unit == "feet" and mention.value_max is None and re.search(r"\d-(?:foot|ft)$", mention.text) \
                and (inches := _INCHES_AFTER.match(text, mention.end)) \
                and (size := float(inches[1]) + 0.5 * bool(inches[2])) < 12:
            mention = replace(mention, end=inches.end(), text=text[mention.start:inches.end()], value=mention.value + size / 12)
        result.append(mention)
    return result


# Verbs of money right before a bare "millions" or "billions": "for transferring billions", "spent millions on".
_MONEY_VERB_BEFORE = re.compile(
    r"\b(?:paid|pay|pays|paying|spent|spend|spends|spending|cost|costs|costing|raised|raises?|raising|lost|losing|owed|owes|"
    r"transferr(?:ed|ing)|transfers?|launder(?:ed|ing|s)?|invest(?:ed|ing|s)?|earn(?:ed|ing|s)?|fined|"
    r"borrow(?:ed|ing|s)?|st(?:ole|olen)|siphon(?:ed|ing)?|pump(?:ed|ing)|funnel(?:l?ed|l?ing))\s+(?:\w+\s+)?$",
    re.IGNORECASE)


_WORTH_OF = re.compile(r"\s+worth\s+of\b", re.IGNORECASE)  # "millions worth of crustaceans"
# A value put on something, before a bare amount of millions or more: "valued the brand at 90 billion", "worth 12 million".
_VALUED_AT_BEFORE = re.compile(r"\b(?:valued|valuing|values?|valuations?)\b[^.;:\d]{0,40}?\bat\s+$|"
                               r"\bworth\s+(?:(?:about|around|some|roughly|nearly|almost|more\s+than|over|at\s+least)\s+)?$",
                               re.IGNORECASE)


# ... or a bare amount of millions or more "in" a kind of money: "has so far paid nearly 90 million in damages"
_IN_MONEY_AFTER = re.compile(r"\s+in\s+(?:[a-z]+\s+)?(?:compensation|funding|damages|fines|revenues?|sales|profits?|aid|investments?|"
                             r"losses|debts?|taxes|bonuses|subsidies|grants|loans|ransom|donations|payments|fees|wages|salaries|"
                             r"refunds|restitution)\b", re.IGNORECASE)  # "15 billion in consumer refunds"
# ... or a bare amount that sizes a payment named right after it, or named before it with the amount in brackets or after
# "of": "a 1 billion civil penalty", "Historic 25 Billion Settlement", "the restitution award (15 billion)", "a loan of 2
# billion"
_PAYMENT = r"(?:settlements?|penalty|penalties|fines?|awards?|payouts?|bailouts?|refunds?|restitution|compensation|damages)"
_PAYMENT_AFTER = re.compile(rf"\s+(?:[a-z]+\s+)?{_PAYMENT}\b", re.IGNORECASE)
_PAYMENT_BEFORE = re.compile(rf"\b{_PAYMENT}\s+(?:ever\s+)?\(\s*$|\b(?:{_PAYMENT}|loans?|credit|grants?|investments?|debts?)\s+of\s+$",
                             re.IGNORECASE)  # ... "an external loan of just over one billion"


def _money_by_verb(text: str, mentions: list[Mention], currency: str) -> list[Mention]:
    """A bare "millions" or "billions" right after a verb of money ("for laundering billions") or before "worth of"
    ("millions worth of crustaceans"), or a bare amount of millions or more put as a value ("valued the brand at 90
    billion") or "in" a kind of money ("150 million in compensation"), or the size of a payment ("a 1 billion civil penalty"),
    is money in the currency of the nearest amount
    of its sentence ("topping the $1.1 billion a rival paid ..."), else in the story's `currency` ("in which it has
    invested billions."), as "a six-figure sum" is."""
    result, starts = list(mentions), None
    for i, mention in enumerate(mentions):
        before = text[max(0, mention.start - 60):mention.start]
        if mention.unit is not None or mention.value < 1e6 or not (
                mention.qualifier == "several" and (_MONEY_VERB_BEFORE.search(before[-40:]) or _WORTH_OF.match(text, mention.end))
                or mention.unit_class == "count" and (_VALUED_AT_BEFORE.search(before) or _IN_MONEY_AFTER.match(text, mention.end)
                                                      or _PAYMENT_AFTER.match(text, mention.end) or _PAYMENT_BEFORE.search(before))):
            continue
        starts = starts or sentence_starts(text)  # found once, on the first bare "billions" after a money verb
        near = _nearest_money(mentions, mention, sentence_bounds(text, mention.start, starts))
        unit = near.unit.split(" per ")[0] if near else currency
        result[i] = replace(mention, unit=unit, unit_class="currency")
    return result


def _to_one_dollar(text: str, mentions: list[Mention], story: tuple[str, ...]) -> list[Mention]:
    """A bare rate written against "$1" ("the peso went to about 800 to $1") is the named currency per dollar, and
    the "$1" is its denominator, no amount of its own."""
    result: list[Mention] = []
    starts = None
    for mention in mentions:
        previous = result[-1] if result else None
        if previous is not None and previous.unit is None and mention.value == 1 and mention.unit == "USD" \
                and (gap := TO_ONE_DOLLAR.match(text, previous.end)) and gap.end() == mention.end:
            starts = starts or sentence_starts(text)
            rate = exchange_rate(text, previous.start, previous.end, sentence_bounds(text, previous.start, starts)[0], story)
            if rate:
                result[-1] = replace(previous, unit=rate, unit_class="currency")
                continue  # the "$1" is dropped
        result.append(mention)
    return result


# A bound written after the amount: "at 90 billion or more", "115 degrees or higher", "2.1 children or fewer", an
# age's "12 years and older" (not "or more than", a second amount's hedge; "one or more" is "some").
_OR_BOUND_AFTER = re.compile(r"^\s+(?:or\s+(?:(?P<least>more|higher|above|greater|older)|less|fewer|lower|below|younger)"
                             r"|and\s+(?:(?P<older>older|over|above|up)|younger|under|below))"
                             r"(?=\s*(?:[,.;:)!?]|$)|\s+(?:of|in|on|at|for|after|before|by|from|to|and|or|per|each|every|since|"
                             r"during|within|with|when|while|who|that|which|is|are|was|were|will|would|could|can|may|might)\b)",
                             re.IGNORECASE)  # not "in 4 days or more personal details"


def _or_more(text: str, mentions: list[Mention]) -> list[Mention]:
    """An exact amount with "or more" or "or less" after it is at least or at most that amount."""
    result = []
    for mention in mentions:
        bound = _OR_BOUND_AFTER.match(text[mention.end:mention.end + 30]) \
            if mention.qualifier == "exact" and mention.value_max is None and mention.value != 1 else None
        result.append(replace(mention, qualifier="at_least" if bound["least"] or bound["older"] else "at_most") if bound else mention)
    return result


# A share's price written bare after its move, as market reports print it: "XYZ stock climbed 1.4%
# Wednesday to 240.82", "shares fell 2% to 45.10" (not an index's level: "the Dow rose 1% to 38,102.44").
_MOVE_TO = re.compile(r"\d%\s+(?:[A-Za-z]+\s+){0,2}to\s+$")
_STOCK_WORDS = re.compile(r"\b(?:stock|stocks|shares?)\b", re.IGNORECASE)
_INDEX_NAMES = re.compile(r"\b(?:index|indices|indexes|Dow|Nasdaq|S&P|FTSE|Nikkei|DAX|CAC|Hang Seng|Kospi|Sensex|Nifty|"
                          r"Stoxx|benchmark|average)\b", re.IGNORECASE)


def _share_prices(text: str, mentions: list[Mention], currency: str) -> list[Mention]:
    """A bare price with two decimals after a share's move in percent (`_MOVE_TO`), or named a share's price
    ("its offer price of 82.50 apiece", `_PRICE_NAMED`), in a sentence with no index that is about stock or
    shares, or follows one ("XYZ stock climbed 2.1% to 318.40. Acme fell 1.7% to 92.15"), is in the currency
    of the nearest amount of its sentence within ten times of it, else in the story's currency."""
    result = list(mentions)
    starts = sentence_starts(text)
    for i, mention in enumerate(mentions):
        just_before = text[max(0, mention.start - 30):mention.start]
        if mention.unit is not None or not re.fullmatch(r"\d{1,5}\.\d\d", mention.text) \
                or not (_MOVE_TO.search(just_before) or _PRICE_NAMED.search(just_before) or _APIECE_AFTER.match(text, mention.end)):
            continue
        first, last = sentence_bounds(text, mention.start, starts)
        sentence, before = text[first:last], text[preceding_start(starts, first, 1):first]
        if not _INDEX_NAMES.search(sentence) and (_STOCK_WORDS.search(sentence) or _STOCK_WORDS.search(before)
                                                 and not _INDEX_NAMES.search(before)):
            near = _nearest_money(mentions, mention, (first, last), within_tenfold=True)
            result[i] = replace(mention, unit=near.unit if near else currency, unit_class="currency")
    return result


def _nearest_money(mentions: list[Mention], mention: Mention, sentence: tuple[int, int],
                   within_tenfold: bool = False) -> Mention | None:
    """The amount of money in `sentence` ([start, end)) nearest to `mention`; with `within_tenfold`, only a plain
    amount (no rate "per" anything) within ten times of its value."""
    first, last = sentence
    money = [m for m in mentions if m.unit_class == "currency" and m.unit and first <= m.start < last
             and not (within_tenfold and (" per " in m.unit or not m.value / 10 <= mention.value <= m.value * 10))]
    return min(money, key=lambda m: abs(m.start - mention.start)) if money else None


_PRICE_NAMED = re.compile(r"\b(?:offer|issue|share|listing|IPO|opening|closing)\s+price\s+of\s+$", re.IGNORECASE)
_APIECE_AFTER = re.compile(r"\s+(?:apiece|a\s+share|per\s+share)\b", re.IGNORECASE)


# Money named by how often it is paid: "the hourly rate to £14.20", "Monthly rent ... 3.2 million guaraníes", "lift the
# daily wage paid to latex tappers by 40 baht to 360 baht" (not "annual": "annual tuition fees will rise by £285" is the
# sum, as "the annual bill").
_PERIODIC = re.compile(r"\b(?P<every>hourly|daily|weekly|fortnightly|monthly)\s+(?:[a-z-]+\s+){0,2}?(?:rents?|wages?|pay|"
                       r"salar(?:y|ies)|fees?|hire|rates?|pensions?|allowances?|bills?|premiums?|subscriptions?|incomes?|"
                       r"stipends?|charges?|earnings|benefits?)\b", re.IGNORECASE)
_PERIOD_OF = {"hourly": "hour", "daily": "day", "weekly": "week", "fortnightly": "fortnight", "monthly": "month"}
_CLAUSE_BREAK_BEFORE = re.compile(r"[.;:!?]\s|,\s+(?:and|but|while|whereas)\s")  # not "monthly rent rose, and the council spent £2m"


def _periodic_money(text: str, mentions: list[Mention]) -> list[Mention]:
    """Money with no rate of its own after a payment named by how often it falls due, earlier in its clause, is per
    that period."""
    result = []
    for mention in mentions:
        if mention.unit_class == "currency" and mention.unit and " per " not in mention.unit:
            clause = _CLAUSE_BREAK_BEFORE.split(text[max(0, mention.start - 100):mention.start])[-1]
            if found := [*_PERIODIC.finditer(clause)]:
                mention = replace(mention, unit=f"{mention.unit} per {_PERIOD_OF[found[-1]['every'].lower()]}")
        result.append(mention)
    return result


_SCALE_END = re.compile(r"\d\s*(?:million|billion|trillion|bn|m)$", re.IGNORECASE)


def _converted_amounts(text: str, mentions: list[Mention]) -> list[Mention]:
    """A bare amount written with a scale word and followed by its conversion in brackets
    ("more than 80 billion (£65bn)") is money in the currency the text last wrote before it that
    is not the conversion's ("55.7 billion dollars (£45bn)"); one that follows money of the same
    scale in its sentence is in that money's currency ("10.4 trillion won, beating the 9.9 trillion
    analysts expected"), or that restates it in brackets ("INR 20.50 crore (205 million)"); a bare amount in crore or lakh
    in a text that writes rupees is in rupees ("Sam Curran (PBKS) - 18.5 crore"). Otherwise it stays bare."""
    result = list(mentions)
    rupees = _RUPEES.search(text) is not None
    for i, mention in enumerate(mentions):
        if mention.unit is None and rupees and _INDIAN_SCALE.search(mention.text):
            counted = _NAMED_KIND_THEN_PLURAL.match(text, mention.end)  # "1.35 lakh tissue-culture Medjool and Barhi palms"
            if counted:
                result[i] = replace(mention, unit=counted["noun"], unit_class="count", end=counted.end(),
                                    text=text[mention.start:counted.end()])
            elif "-" in mention.text or not _THING_AFTER_SCALE.match(text, mention.end):  # "a 2.5-crore teak dhow" is priced
                result[i] = replace(mention, unit="INR", unit_class="currency")  # "Sam Curran (PBKS) - 18.5 crore" in a rupee story
            continue
        if mention.unit is not None or not _SCALE_END.search(mention.text):
            continue
        then = mentions[i + 1] if i + 1 < len(mentions) else None
        if then is not None and then.unit_class == "currency" and re.fullmatch(r"\s*\(\s*", text[mention.end:then.start]):
            earlier = [m.unit.split(" per ")[0] for m in result[:i] if m.unit_class == "currency"]
            other = [unit for unit in earlier if unit != then.unit.split(" per ")[0]]
            if other:
                result[i] = replace(mention, unit=other[-1], unit_class="currency")
        elif i and (prior := result[i - 1]).unit_class == "currency" and (
                _last_scale(prior.text) == _last_scale(mention.text) and not re.search(r"[.!?;]\s", text[prior.end:mention.start])
                or prior.value == mention.value and re.fullmatch(r"\s*(?:[a-z]+\s+){0,2}\(\s*", text[prior.end:mention.start])):
            # ... or restates it in brackets in another scale: "INR 20.50 crore (205 million)", "a Rs 24.75 crore deal (247.5 million)"
            result[i] = replace(mention, unit=prior.unit.split(" per ")[0], unit_class="currency")
    return result


# Crore and lakh with no noun counted, in a text that writes rupees: rupees.
_INDIAN_SCALE = re.compile(r"\b(?:crores?|lakhs?|cr)\s*$", re.IGNORECASE)
# Names and kinds before the plural a count of lakhs counts: "8 lakh Basra and Chinese pearls", "1.35 lakh tissue-culture
# Medjool and Barhi palms" (capitalised or hyphenated words, "and", "or").
_NAMED_KIND_THEN_PLURAL = re.compile(r"(?:\s+(?:[A-Z][\w'’-]*|[a-z]+-[a-z]+|and|or))+\s+(?P<noun>(?!rupees\b)[a-z]{3,}s)\b")
_RUPEES = re.compile(r"₹|\bRs\.?\s?\d|\bINR\b|\brupees?\b", re.IGNORECASE)
# ... but not before a thing counted that no plural shows ("3 lakh pearl oyster seed", "8 lakh pav a day"): a noun that
# is no word of money, nor a word that joins a phrase
_THING_AFTER_SCALE = re.compile(
    r"\s+(?!(?:in|on|at|for|of|to|from|by|with|over|under|into|across|through|after|before|during|since|until|within|"
    r"against|about|around|and|or|but|a|an|the|this|that|these|those|each|per|as|than|so|was|were|"
    r"is|are|be|been|has|had|have|will|would|could|can|may|might|more|less|only|every|rupees?|worth|deal|contract|project|"
    r"scheme|package|bid|fine|loan|grant|budget|investment|payout|fund|funds|bill|fee|fees|salary|prize|bonus|subsidy|"
    r"compensation|penalty|tax|revenue|turnover|profit|loss|debt|cost|costs|valuation|price|aid|relief|reward|ex-gratia|"
    r"annually|yearly|monthly|apiece|crore|lakh)\b)[a-z]{2,}\b(?![-\w])")


# Money in brackets where a value is due, as accounts write a negative: "a loss per share of ($9.97)",
# "cash flow was negative, at ($1.3) billion" (its scale may follow the bracket). Not a conversion aside,
# which follows the amount it converts ("9.3 billion yen ($60 million)").
_VALUE_DUE = re.compile(r"(?:\b(?:of|at|to|was|were|is|are|be|been|from|totall?ing|totall?ed|reached)|[:=])\s*\(\s*$", re.IGNORECASE)
_BRACKET_SCALE = re.compile(r"\s*\)(?:\s?(?P<scale>million|billion|trillion|bn|m)\b)?", re.IGNORECASE)


def _bracketed_negatives(text: str, mentions: list[Mention]) -> list[Mention]:
    """Money written in accounting brackets where a value is due (`_VALUE_DUE`) is negative, with the
    scale written after the bracket if the amount has none ("($1.3) billion" is -1.3e9)."""
    result = []
    for mention in mentions:
        after = _BRACKET_SCALE.match(text, mention.end) if mention.unit_class == "currency" and mention.value > 0 else None
        if after is None or not _VALUE_DUE.search(text[max(0, mention.start - 40):mention.start]):
            result.append(mention)
            continue
        start = text.rindex("(", 0, mention.start)
        scale = _last_scale("1" + after["scale"]) if after["scale"] and _last_scale(mention.text) == 1.0 else 1.0
        end = after.end() if scale != 1.0 else text.index(")", mention.end) + 1
        result.append(replace(mention, start=start, end=end, text=text[start:end], value=-mention.value * scale,
                              value_max=None if mention.value_max is None else -mention.value_max * scale, cue="( )"))
    return result


def _last_scale(words: str) -> float:
    """The scale its last number is written with ("10.4 trillion won": 1e12), by the number reader."""
    numbers = find_numbers(words)
    return numbers[-1].scale if numbers else 1.0


def _exchange_rates(text: str, mentions: list[Mention], story: tuple[str, ...]) -> list[Mention]:
    """A bare number written as an exchange rate is money per unit of the other currency ("the
    zloty held at 4.27 per euro" is 4.27 PLN per euro, `exchange_rate`)."""
    starts = sentence_starts(text)  # once for the text, not once a number
    sentences = [sentence_bounds(text, mention.start, starts)[0] for mention in mentions]
    result, rates = [], {}
    for mention, sentence in zip(mentions, sentences):
        before = rates.get(starts[index - 1], (None,))[0] if (index := bisect_left(starts, sentence)) else None  # the sentence before's
        rate = None if mention.unit is not None or mention.is_year else \
            exchange_rate(text, mention.start, mention.end, sentence, story) \
            or implied_rate(text, mention.start, sentence, story, before)
        if rate:
            rates.setdefault(sentence, (rate, mention.end))
        result.append(replace(mention, unit=rate, unit_class="currency") if rate else mention)
    # The same rate's other level, bare, in that sentence: "fell to 50 to the dollar, after a year of an official rate of
    # about 31", "a record low of 42 per dollar after trading at about 30.9", "hit 1,400 against the dollar, then steadied at 1,380"
    return [replace(m, unit=rate[0], unit_class="currency")
            if m.unit is None and not m.is_year and (rate := rates.get(sentence))
            and (_RATE_LEVEL_BEFORE.search(text, max(0, m.start - 30), m.start) or moved_to_level(text, m.start, rate[1]))
            else m for m, sentence in zip(result, sentences)]


_RATE_LEVEL_BEFORE = re.compile(r"\b(?:from|rate\s+of|trading\s+at|traded\s+at|trades\s+at)\s+$", re.IGNORECASE)


# A sentence about a fertility rate, the children a woman has: "the total fertility rate fell to 1.20", "Tokyo's TFR
# dropped below 1.0", "the average number of births per woman".
_FERTILITY = re.compile(r"\bfertility\s+rates?\b|\bTFR\b|\b(?:births|children|babies)\s+(?:per|a)\s+woman\b", re.IGNORECASE)
_DECIMALS = re.compile(r"\d\.\d")


def _fertility_rates(text: str, mentions: list[Mention]) -> list[Mention]:
    """Bare figures under 10 written with decimals, and their moves in points, in a sentence about a fertility rate, are children per woman
    ("fell to 1.20", "went down 0.06 point"), as the real sets' writers read them; percentages and counts of other
    things are left alone."""
    starts, result = None, []
    for mention in mentions:
        if (mention.unit is None or mention.unit == "percentage_points") and not mention.is_year and abs(mention.value) < 10 \
                and mention.value_max is None and _DECIMALS.search(mention.text):
            starts = starts or sentence_starts(text)
            if _FERTILITY.search(text, *sentence_bounds(text, mention.start, starts)):
                mention = replace(mention, unit="children per woman", unit_class="count")
        result.append(mention)
    return result


def _temperature_scale(mentions: list[Mention]) -> list[Mention]:
    """Bare "degrees" are in the one scale the text writes for its other temperatures ("Delhi
    records 52.3 degrees" in a story of readings in °C); with both scales they stay degrees, and with neither only
    a temperature below zero is read in Celsius ("the sea dropped to minus 1.8 degrees"), the scale most of the
    world writes so."""
    scales = {m.unit for m in mentions} & {"degrees_celsius", "degrees_fahrenheit"}
    if len(scales) > 1:
        return mentions
    scale = scales.pop() if scales else None
    return [replace(m, unit=scale or "degrees_celsius")
            if m.unit == "degrees" and (scale or m.value < 0 and m.direction is None) else m for m in mentions]


def _converted_moves(text: str, mentions: list[Mention]) -> list[Mention]:
    """A measure in brackets right after a move of the same dimension is that move converted: "fell by 130,000 square
    kilometres (50,000 square miles)" is -50,000 square miles, down."""
    out: list[Mention] = []
    for mention in mentions:
        prior = out[-1] if out else None
        if prior and prior.direction and mention.direction is None and mention.unit and prior.unit \
                and (dimension_of(mention.unit) or mention.unit.split("_")[0]) == (dimension_of(prior.unit) or prior.unit.split("_")[0]) \
                and ranges.BRACKET_OPEN.fullmatch(text, prior.end, mention.start):
            sign = -1 if prior.direction == "down" else 1
            mention = replace(mention, value=sign * abs(mention.value), direction=prior.direction, cue=prior.cue)
        out.append(mention)
    return out


def _shared_noun_of_change(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two figures before one noun of a move share it: "recorded 39 percent and 35 percent declines", "4% and 6% rises
    in rents" are two falls, two rises (the noun right after the second, in the same unit, no verb of the first's own)."""
    out, shared = list(mentions), False  # shared: out[i] took its move from the figure after it ("10%, 12% and 15% rises")
    for i in range(len(out) - 1, 0, -1):
        first, then = out[i - 1], out[i]
        shared = first.direction is None and bool(then.direction and then.cue) and first.unit == then.unit \
            and first.unit is not None and first.value_max is None and bool(_BOTH_BEFORE_NOUN.fullmatch(text, first.end, then.start)) \
            and (shared or _NOUN_OF_MOVE.fullmatch(then.cue or "") is not None
                 and re.match(rf"\s+{re.escape(then.cue or '')}\b", text[then.end:then.end + 40]) is not None)
        if shared:
            sign = -1 if then.direction == "down" else 1
            out[i - 1] = replace(first, value=sign * abs(first.value), direction=then.direction, cue=then.cue)
    return out


_BOTH_BEFORE_NOUN = re.compile(r"\s*(?:,\s*|,?\s+(?:and|or)\s+)")
_NOUN_OF_MOVE = re.compile(f"{NOUNS_DOWN}|{NOUNS_UP}", re.IGNORECASE)


# A count whose verb is "numbered": its clause's subject is what it counts ("Visitors to the keep numbered 7,800",
# "Ice fishing huts on the lake now number about 410"); the subject a plural at the clause's start, before any
# place or time it is of. Not "the number of X" (no verb of counting) nor a singular crowd.
_NUMBERED = re.compile(r"(?:^|[.!?]\s+|\n|;\s*|,\s+(?:(?:and|while|but)\s+)?)(?:(?:The|the|Its|its|Their|their)\s+)?(?:[\w'’-]+\s+){0,3}?"
                       r"(?P<noun>[A-Za-z][a-z]{2,}s)(?<!ss)(?:\s+(?:on|in|at|to|from|of|for|across|around)\s+[^,.;:!?\d\n]{1,50}?)?"
                       r"\s+(?:(?:now|still|then|only|already)\s+)?(?:numbered|number)\s+$")
_GATHERINGS = frozenset("crowds audiences attendances gatherings numbers figures totals".split())  # counted in people, not crowds


# A bare count that totals "in all" what its sentence last named in the plural: "a fifth of its branches, about 240 in
# all", "The boatmen, 74 in all, ...".
_IN_ALL_AFTER = re.compile(r"\s+(?:in\s+all|in\s+total|all\s+told|altogether)\b")
_LAST_PLURAL = re.compile(r"\b(?P<noun>[a-z]{3,}(?:(?<!s)s|men))\b(?![-'’])[^.;:!?\d]{0,40}?,\s*(?:(?:about|around|some|nearly|almost|roughly)\s+)?$")


def _counted_by_words_around(text: str, mentions: list[Mention]) -> list[Mention]:
    """A bare count after "numbered" counts the plural subject of its clause (`_NUMBERED`); one "in all" after a
    comma counts the plural before it (`_LAST_PLURAL`)."""
    out = []
    for mention in mentions:
        if mention.unit is None and not mention.is_year and mention.value > 0:
            subject = _NUMBERED.search(text, max(0, mention.start - 120), mention.start)
            if subject is None and _IN_ALL_AFTER.match(text, mention.end):
                subject = _LAST_PLURAL.search(text, max(0, mention.start - 60), mention.start)
            if subject and subject["noun"].lower() not in _GATHERINGS:
                mention = replace(mention, unit=subject["noun"].lower(), unit_class="count")
        out.append(mention)
    return out


_BRACKET_CLOSE = re.compile(r"\s*\)")


def _counted_after_brackets(text: str, mentions: list[Mention], story: tuple[str, ...]) -> list[Mention]:
    """A bare count and its bracketed conversion count the noun after the brackets: "1.53 crore (15.3 million) people
    took a dip" is people, both; a measure and its conversion are the rate after them: "350 kilometres (220 miles) per
    hour" is 350 kilometers per hour and 220 miles per hour."""
    out = list(mentions)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        close = _BRACKET_CLOSE.match(text, second.end)
        if not close or not re.fullmatch(r"\s*\(\s*", text[first.end:second.start]):
            continue
        if first.unit is None and second.unit is None:
            read = unit_after(text, close.end(), None, story, value=second.value)
            if read.unit and read.unit_class == "count":
                out[i], out[i + 1] = (replace(m, unit=read.unit, unit_class="count") for m in (first, second))
        elif dimension_of(first.unit) is not None and dimension_of(first.unit) == dimension_of(second.unit) \
                and (per := rate_after(text, close.end())[0]) in _PER_TIME:
            out[i], out[i + 1] = (replace(m, unit=f"{m.unit} per {per}") for m in (first, second))
    return out


def _below_zero_beside(mentions: list[Mention]) -> list[Mention]:
    """A bare number below zero after a temperature in its sentence is in that temperature's scale: "averaged
    −2°C, and a table of readings put December at −5.5", "-34.6C ..., and the wind chill reached minus 45"."""
    out: list[Mention] = []
    for mention in mentions:
        before = [m.unit for m in out if m.sentence_start == mention.sentence_start and (m.unit or "").startswith("degrees_")]
        if mention.unit is None and mention.value < 0 and mention.direction is None and before:
            mention = replace(mention, unit=before[-1], unit_class="count")
        out.append(mention)
    return out


# A figure glued to "m" with no currency, read as millions: "10m or less, possibly about 3 – 4m".
_GLUED_MILLIONS = re.compile(rf"(?:^|\s){GLUED_FIGURE}(?:\s*[-–]\s*{GLUED_FIGURE})?m$")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while)\b")


def _metres_beside_lengths(text: str, mentions: list[Mention]) -> list[Mention]:
    """A bare figure glued to "m" (read as millions) close to a length in metres in its clause, with no word of money
    before it, is a length in metres too, as the words said of its neighbour ("braking at a 60m altitude, its error
    was 8m or less, perhaps 2 – 3m"); not "the ship is 300m long; the club paid
    4.5m" nor "towers of 210m, and home sales of 1.31m"."""
    lengths = [m for m in mentions if m.unit == "meters"]
    if not lengths:
        return mentions

    def near_length(m: Mention) -> bool:
        return any(abs(other.start - m.start) < 150 and not _CLAUSE_BREAK.search(text, min(other.end, m.end), max(other.start, m.start))
                   for other in lengths)

    return [replace(m, unit="meters", value=m.value / 1e6, value_max=None if m.value_max is None else m.value_max / 1e6)
            if m.unit is None and m.unit_class == "count" and abs(m.value) >= 1e6 and _GLUED_MILLIONS.search(m.text)
            and not money_before(text, m.start) and near_length(m) else m for m in mentions]


def _numbered(text: str, mentions: list[Mention]) -> list[Mention]:
    starts = sentence_starts(text)
    numbered = []
    for index, mention in enumerate(mentions, 1):
        first, last = sentence_bounds(text, mention.start, starts)
        numbered.append(replace(mention, id=f"m{index}", sentence_start=first, sentence_end=max(last, mention.end)))
    return numbered


def scan(text: str) -> list[Mention]:
    """Every quantity and date part in `text`, in order, without overlaps, ids m1..mN."""
    return _numbered(text, _read(text)[0])


def rejections(text: str) -> list[Rejection]:
    """The numbers in `text` that are not quantities (names, times, scores, phrases), with their rule."""
    mentions, rejected = _read(text)
    dates = [Rejection(m.text, m.start, m.end, "date") for m in mentions if m.is_year]
    return sorted([*rejected, *dates], key=lambda r: r.start)


def scan_candidates(text: str) -> list[Candidate]:
    """Every number read in `text`: each quantity with its mention, each other number with its rule."""
    kept = [Candidate(m.text, m.start, m.end, None, m) for m in quantities(text)]
    other = [Candidate(r.text, r.start, r.end, r.rule, None) for r in rejections(text)]
    return sorted([*kept, *other], key=lambda c: c.start)


def quantities(text: str) -> list[Mention]:
    """`scan()` without date parts, renumbered m1..mN."""
    return list(_quantities(text))


@lru_cache(maxsize=8)
def _quantities(text: str) -> tuple[Mention, ...]:
    # Cached: extraction asks for an article's quantities to build its prompt, and again to
    # check coverage. Mentions are frozen, so sharing them is safe.
    kept = [m for m in scan(text) if not m.is_year]
    return tuple(replace(m, id=f"m{index}") for index, m in enumerate(kept, 1))


def find_mentions(text: str) -> list[dict[str, Any]]:
    """The quantities in `text` as plain records: text, start, end, value, value_max, unit, qualifier, direction.

    This is what `newsfacts mentions --jsonl` writes. `qualifier` is one of the fact contract's
    words; `direction` is "up", "down" or None, and is set only on a change."""
    return [{name: getattr(m, name) for name in RECORD_FIELDS} for m in quantities(text)]
