"""Stage (mentions, rules): the word lists and patterns the scanner reads a number's surroundings with.

Each function looks at the text just before or after a number and says one thing: the currency,
the unit, the hedge, the direction, or whether the number is part of a date.
"""

from __future__ import annotations

import re

from schemas.units import iso_currency_codes

CURRENCY_BEFORE = re.compile(r"(?:(US|HK|C|A|NZ|S)\$|([$€£¥₩₹₽])|\b([A-Z]{3}))\s?$")
SYMBOL_CODES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR", "₽": "RUB"}
PREFIX_CODES = {"US": "USD", "HK": "HKD", "C": "CAD", "A": "AUD", "NZ": "NZD", "S": "SGD"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "won": "KRW", "yuan": "CNY",
    "renminbi": "CNY", "yen": "JPY", "pound": "GBP", "pounds": "GBP", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "rupee": "INR", "rupees": "INR",
}
AFTER = re.compile(
    r"^(?:(?P<pct>\s?%|\s(?:percent|per cent)\b)|(?P<pp>\s(?:percentage points?|pp)\b)"
    r"|(?P<bp>\s(?:basis points?|bps?)\b)|(?P<dur>[\s-](?P<dunit>year|month|week|day|quarter)s?\b)"
    r"|\s(?P<cword>[A-Za-z]+)\b)"
)
HEDGES = (
    ("at_least", r"at least|no fewer than|no less than|a minimum of"),
    ("more_than", r"more than|over|above|upwards of|in excess of|exceeding"),
    ("less_than", r"less than|under|below|fewer than"),
    ("at_most", r"up to|at most|no more than|a maximum of"),
    ("approximately", r"about|around|roughly|approximately|approximate|an estimated|estimated|some|nearly|almost|close to|circa"),
)
HEDGE_BEFORE = [(q, re.compile(rf"\b(?:{words})\s+(?:an?\s+)?(?:US\$|[$€£¥₩₹₽])?$", re.IGNORECASE)) for q, words in HEDGES]
DOWN = re.compile(r"\b(contract\w*|fell|fall\w*|drop\w*|shr[ai]nk\w*|declin\w*|dip\w*|decreas\w*|plung\w*|slump\w*|lower\w*|los[st]\w*|down)\b", re.IGNORECASE)
UP = re.compile(r"\b(grew|grow\w*|rose|ris\w*|increas\w*|expand\w*|gain\w*|jump\w*|climb\w*|up|boost\w*|surg\w*)\b", re.IGNORECASE)
MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
MONTH_BEFORE = re.compile(rf"\b{MONTHS}\s$", re.IGNORECASE)
MONTH_AFTER = re.compile(rf"^\s(?:of\s)?{MONTHS}\b", re.IGNORECASE)
NOUN_STOP = frozenset(
    "a an the of to in on at by for from with and or but than since as per this that these those its their "
    "his her our your is are was were be been year years month months week weeks day days percent".split()
)
VAGUE = re.compile(
    r"\b(?P<several>several|a few|a couple of)\s+(?P<scale>thousand|million|billion|trillion)\b"
    r"|\b(?P<plural>dozens|hundreds|thousands|millions|billions)(?:\s+of)?\b",
    re.IGNORECASE,
)
PLURAL_SCALE = {"dozens": 24.0, "hundreds": 200.0, "thousands": 2e3, "millions": 2e6, "billions": 2e9}
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def currency_before(before: str) -> tuple[str | None, int]:
    """(ISO code, length of the currency text) when `before` ends with a symbol or code."""
    match = CURRENCY_BEFORE.search(before[-6:])
    if not match:
        return None, 0
    prefix, symbol, code = match.groups()
    if prefix:
        return PREFIX_CODES[prefix], len(match.group(0))
    if symbol:
        return SYMBOL_CODES[symbol], len(match.group(0))
    return (code, len(match.group(0))) if code in iso_currency_codes() else (None, 0)


def hedge_before(before: str) -> tuple[str, int]:
    """(qualifier, length of the hedge words) for the words right before a number."""
    for qualifier, pattern in HEDGE_BEFORE:
        match = pattern.search(before[-40:])
        if match:
            return qualifier, len(match.group(0))
    return "exact", 0


def direction_near(before: str, after: str) -> str | None:
    """'down' or 'up' from verbs and nouns next to the number, nearest first."""
    near_before = before[-45:]
    words = [(m.end(), "down") for m in DOWN.finditer(near_before)] + [(m.end(), "up") for m in UP.finditer(near_before)]
    if words:
        return max(words)[1]
    if DOWN.search(after[:25]):
        return "down"
    return "up" if UP.search(after[:25]) else None


IRREGULAR_PLURALS = frozenset("people children men women police personnel staff troops cattle".split())


def _plural(word: str) -> bool:
    return word in IRREGULAR_PLURALS or (word.endswith("s") and len(word) > 2 and not word.endswith("ss"))


def counted_noun(after: str) -> tuple[str | None, int]:
    """A plural noun phrase (up to two words) right after a number, as snake_case, and its length."""
    words = re.match(r"^\s+([a-z]+)(?:\s+([a-z]+))?", after)
    if not words or words.group(1) in NOUN_STOP:
        return None, 0
    first, second = words.group(1), words.group(2)
    if second and second not in NOUN_STOP and _plural(second):
        return f"{first}_{second}", words.end(2)
    return (first, words.end(1)) if _plural(first) else (None, 0)


def is_date_part(value: float, digits: bool, before: str, after: str, has_unit: bool) -> bool:
    """A year ("in 2023", "2022-23") or a day of a month ("November 1", "1 July")."""
    if has_unit or not digits:
        return False
    if value.is_integer() and 1900 <= value <= 2100:
        return True
    day = value.is_integer() and 1 <= value <= 31
    return day and bool(MONTH_BEFORE.search(before[-12:]) or MONTH_AFTER.search(after[:12]))
