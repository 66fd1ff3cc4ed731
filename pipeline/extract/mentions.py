"""Stage (mentions): deterministic quantity-mention scanner — every quantity in a text, with offsets.

Built on `numbers.find_numbers`: each number is widened to its whole expression ("more than
1 million", "$24.5 billion", "22.6 billion euro", "74.6%", "a three-year") and read for its unit,
unit class, hedge and direction. Vague amounts ("several billion", "millions of", "thousands
of") are found too. Parts of dates (years, days of a month) are kept but flagged, so callers can
leave them out. No model is involved: the same text always gives the same mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from schemas.units import iso_currency_codes

from . import mention_rules as rules
from schemas.primitives.numbers import NumberMatch, find_numbers

UnitClass = Literal["percent", "currency", "count", "duration"]
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_ABBREVIATIONS = frozenset("mr mrs ms dr st no vs jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd co gen sen rep gov".split())
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and)\s*$")


@dataclass(frozen=True)
class Mention:
    """One quantity expression: `text == source[start:end]`, value in base units."""

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


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin: after . ! ? and a space before a capital, and after line ends."""
    starts = [0]
    for match in _BOUNDARY.finditer(text):
        word = re.search(r"(\w+)\W*$", text[max(0, match.start() - 12):match.start()])
        if match.group(0).strip(" \t\"”’)") == "" and word and _is_abbreviation(word.group(1)):
            continue
        starts.append(match.end())
    return starts


def _is_abbreviation(word: str) -> bool:
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def sentence_bounds(text: str, pos: int, starts: list[int] | None = None) -> tuple[int, int]:
    """The [start, end) of the sentence containing `pos`, trailing spaces excluded."""
    starts = starts if starts is not None else sentence_starts(text)
    index = bisect_right(starts, pos) - 1
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    return starts[index], len(text[:end].rstrip())


def _unit_after(after: str, code: str | None) -> tuple[str | None, UnitClass, int, float]:
    """(unit, class, characters consumed, value factor) from the words after a number."""
    match = rules.AFTER.match(after)
    if match and match["pct"]:
        return "percent", "percent", match.end(), 1.0
    if match and match["pp"]:
        return "percentage_points", "percent", match.end(), 1.0
    if match and match["bp"]:
        return "percentage_points", "percent", match.end(), 0.01
    if match and match["dur"]:
        return match["dunit"] + "s", "duration", match.end(), 1.0
    word = match["cword"] if match else None
    if word and (word.lower() in rules.CURRENCY_WORDS or (word.isupper() and word in iso_currency_codes())):
        return rules.CURRENCY_WORDS.get(word.lower(), word), "currency", match.end(), 1.0
    if code:
        return code, "currency", 0, 1.0
    noun, _ = rules.counted_noun(after)
    return noun, "count", 0, 1.0


def _from_number(text: str, number: NumberMatch) -> Mention | None:
    if number.scale == 1 and number.text.lower() in {"one", "a", "an"}:
        return None  # "one of the", "one another": a word, not a quantity
    if number.start >= 2 and text[number.start - 1] == "-" and text[number.start - 2].isalpha():
        return None  # "COVID-19", "F-16", "Su-27": part of a name
    code, currency_len = rules.currency_before(text[:number.start])
    unit, unit_class, consumed, factor = _unit_after(text[number.end:], code)
    start, end = number.start - currency_len, number.end + consumed
    qualifier, hedge_len = rules.hedge_before(text[:start])
    has_unit = unit is not None or number.scale != 1
    dated = rules.is_date_part(number.value, number.text[:1].isdigit(), text[:number.start], text[number.end:], has_unit)
    return Mention(
        id="", start=start - hedge_len, end=end, text=text[start - hedge_len:end], value=number.value * factor,
        value_max=None, unit=unit, unit_class=unit_class, qualifier=qualifier,
        direction=rules.direction_near(text[:start], text[end:]), is_year=dated, sentence_start=0, sentence_end=0,
    )


def _vague(text: str) -> list[Mention]:
    found = []
    for match in rules.VAGUE.finditer(text):
        if match["several"]:
            scale = rules.SCALE[match["scale"].lower()]
            value, value_max, qualifier = 2 * scale, 9 * scale, "several"
        else:
            value, value_max, qualifier = rules.PLURAL_SCALE[match["plural"].lower()], None, "at_least"
        unit, unit_class, consumed, _ = _unit_after(text[match.end():], rules.currency_before(text[:match.start()])[0])
        end = match.end() + consumed
        found.append(Mention("", match.start(), end, text[match.start():end], value, value_max, unit, unit_class,
                             qualifier, None, False, 0, 0))
    return found


def _scale_word(mention: Mention) -> float:
    words = mention.text.lower().split()
    return next((rules.SCALE[w] for w in words if w in rules.SCALE), 1.0)


def _merge_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """"2-3%", "10 to 12 million", "between 5 and 7 years": one mention with value and value_max."""
    merged: list[Mention] = []
    for mention in mentions:
        last = merged[-1] if merged else None
        if last is not None and _joins(text, last, mention):
            low = last.value if last.unit or _scale_word(last) != 1 else last.value * _scale_word(mention)
            merged[-1] = replace(mention, start=last.start, text=text[last.start:mention.end], value=low,
                                 value_max=mention.value, qualifier="range")
        else:
            merged.append(mention)
    return merged


def _joins(text: str, low: Mention, high: Mention) -> bool:
    if low.is_year or high.is_year or low.value_max is not None or low.unit not in (None, high.unit):
        return False
    return bool(_RANGE_JOIN.match(text[low.end:high.start])) and low.value < high.value * (1 if low.unit else _scale_word(high))


def scan(text: str) -> list[Mention]:
    """Every quantity and date part in `text`, in order, without overlaps, ids m1..mN."""
    vague = _vague(text)
    numbers = [m for n in find_numbers(text) if (m := _from_number(text, n)) is not None]
    numbers = [m for m in numbers if not any(v.start <= m.start < v.end for v in vague)]
    mentions = _merge_ranges(text, sorted(numbers + vague, key=lambda m: m.start))
    starts = sentence_starts(text)
    numbered = []
    for index, mention in enumerate(mentions, 1):
        first, last = sentence_bounds(text, mention.start, starts)
        numbered.append(replace(mention, id=f"m{index}", sentence_start=first, sentence_end=max(last, mention.end)))
    return numbered


def quantities(text: str) -> list[Mention]:
    """`scan()` without date parts, renumbered m1..mN."""
    return list(_quantities(text))


@lru_cache(maxsize=8)
def _quantities(text: str) -> tuple[Mention, ...]:
    # Cached: extraction asks for an article's quantities to build its prompt, and again to
    # check coverage. Mentions are frozen, so sharing them is safe.
    kept = [m for m in scan(text) if not m.is_year]
    return tuple(replace(m, id=f"m{index}") for index, m in enumerate(kept, 1))
