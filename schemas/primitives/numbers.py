"""Primitive: find and parse the numbers written in text.

News prose writes numbers three ways: digits ("2,770", "3.1", "-4.5"), digits with a scale word
("24.5 billion", "1.5bn", "$2m") and words ("ten", "a dozen", "one million", "half a million").
`find_numbers` returns every one of them with its character offsets, its value in base units and
the scale that was applied. Currency symbols and "%" are never part of a match. Years get no
special treatment: deciding that 2023 is a date is the caller's business.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
# Short scale forms that may follow a number after a space ("1.5 bn") or attached ("1.5bn").
_SPACED_SHORT: dict[str, float] = {
    "bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12,
}
# Single letters are only a scale when attached ("$2m", "10k", "$3B"): "100 m" is a distance.
_ATTACHED_SHORT: dict[str, float] = {"m": 1e6, "k": 1e3, "b": 1e9}

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_ARTICLE_TARGETS = {"hundred", "dozen", *SCALE_WORDS}
_FRACTION_WORDS = {"half", "halves", "third", "thirds", "quarter", "quarters", "fourth",
                   "fourths", "fifth", "fifths", "tenth", "tenths"}

_SHORT_ALT = "|".join(sorted(_SPACED_SHORT, key=len, reverse=True))
_NOT_LETTER = r"(?![^\W\d_])"
_NUMERIC = re.compile(
    r"(?P<sign>(?<![\w.\-\u2212])[-\u2212])?"  # a minus is a sign only after a non-word char
    r"(?<![\w.])"  # "A320", "COVID19": digits glued to a word are a name, not a number
    r"(?P<num>\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?!\d)(?!(?:st|nd|rd|th)" + _NOT_LETTER + r")"  # "23rd" is an ordinal
    r"(?:(?P<word>\s?(?:thousand|million|billion|trillion|" + _SHORT_ALT + r"))" + _NOT_LETTER
    + r"|(?P<letter>[mkb])" + _NOT_LETTER + r")?",
    re.IGNORECASE,
)
_CURRENCY_PREFIX = re.compile(r"\b[A-Z]{1,3}(?=[$€£¥₩₹₽])")  # the "US" of "US$", "HK" of "HK$"
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class NumberMatch:
    """One number found in a text: `text == source[start:end]`, `value` already scaled."""

    start: int
    end: int
    text: str
    value: float
    scale: float


@dataclass(frozen=True)
class _Token:
    """One alphabetic word of the source, lower-cased, with its offsets."""

    start: int
    end: int
    word: str


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number written in `text`, digits or words, in order of appearance."""
    numeric = _numeric_matches(text)
    taken = [(m.start, m.end) for m in numeric]
    spelled = [m for m in _spelled_matches(text) if not _overlaps(m, taken)]
    return sorted(numeric + spelled, key=lambda m: m.start)


def numbers_in(text: str) -> list[float]:
    """The values of every number in `text`, in order."""
    return [m.value for m in find_numbers(text)]


def parse_number(text: str) -> float | None:
    """Parse one number expression ("24.5 billion", "a dozen", "$2m", "3.1%"), else None.

    Currency symbols (also "US$"), "%", "+" and "~" around the number are allowed; nothing else.
    """
    matches = find_numbers(text)
    if len(matches) != 1:
        return None
    match = matches[0]
    rest = _CURRENCY_PREFIX.sub("", text[: match.start] + text[match.end:])
    if all(_is_decoration(ch) for ch in rest):
        return match.value
    return None


def value_in_text(value: float, text: str, rel_tol: float = 0.005) -> bool:
    """True when |value| equals |n| (within rel_tol; exactly for 0) for some number n in `text`.

    Numbers compare in base units: 24.5e9 is in "$24.5 billion", 3.1 is in "3.1%", and 24.5 is
    not in "$24.5 billion". Signs are ignored because prose often says "fell 4.5%".
    """
    target = abs(value)
    return any(math.isclose(target, abs(n), rel_tol=rel_tol) for n in numbers_in(text))


def _is_decoration(ch: str) -> bool:
    return ch.isspace() or ch in "%+~≈" or unicodedata.category(ch) == "Sc"


def _overlaps(match: NumberMatch, taken: list[tuple[int, int]]) -> bool:
    return any(match.start < end and start < match.end for start, end in taken)


# --- digits -----------------------------------------------------------------------------------


def _numeric_matches(text: str) -> list[NumberMatch]:
    return [_numeric_match(text, m) for m in _NUMERIC.finditer(text)]


def _numeric_match(text: str, m: re.Match[str]) -> NumberMatch:
    """Turn one regex hit into a NumberMatch; a minus right after a number is a range dash."""
    start = m.start()
    negative = m.group("sign") is not None
    if negative and _follows_number(text, start):
        negative, start = False, m.start("num")
    base = float(m.group("num").replace(",", ""))
    scale = _scale_of(m.group("word"), m.group("letter"))
    value = -base * scale if negative else base * scale
    return NumberMatch(start, m.end(), text[start:m.end()], value, scale)


def _follows_number(text: str, pos: int) -> bool:
    """True when the last non-space character before `pos` ends a number ("5 - 6", "3% - 4%")."""
    before = text[:pos].rstrip()
    return bool(before) and (before[-1].isdigit() or before[-1] == "%")


def _scale_of(word: str | None, letter: str | None) -> float:
    if word:
        key = word.strip().lower()
        return SCALE_WORDS.get(key) or _SPACED_SHORT[key]
    if letter:
        return _ATTACHED_SHORT[letter.lower()]
    return 1.0


# --- words ------------------------------------------------------------------------------------


def _spelled_matches(text: str) -> list[NumberMatch]:
    """Scan word tokens left to right and parse each run of number words."""
    tokens = [_Token(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    found: list[NumberMatch] = []
    i = 0
    while i < len(tokens):
        parsed = _parse_words(text, tokens, i)
        if parsed is None:
            i += 1
            continue
        match, i = parsed
        found.append(match)
    return found


def _joined(text: str, left: _Token, right: _Token, hyphen_ok: bool = False) -> bool:
    """True when `right` follows `left` after one run of spaces (or one hyphen if allowed)."""
    gap = text[left.end:right.start]
    if hyphen_ok and gap in ("-", "\u2010", "\u2011"):
        return True
    return gap != "" and gap.isspace()


def _parse_words(text: str, tokens: list[_Token], i: int) -> tuple[NumberMatch, int] | None:
    """Parse the number-word run starting at token i; return the match and the next index."""
    head = _head_value(text, tokens, i)
    if head is None:
        return None
    value, j = head
    value, j, scale = _extend(text, tokens, j, value)
    if _is_fraction(text, tokens, j - 1):
        return None
    first, last = tokens[i], tokens[j - 1]
    return NumberMatch(first.start, last.end, text[first.start:last.end], value, scale), j


def _head_value(text: str, tokens: list[_Token], i: int) -> tuple[float, int] | None:
    """The opening of a spelled number: a number word, "a"/"an" + scale, or "half a" + scale."""
    word = tokens[i].word
    if word == "one" and i > 0 and tokens[i - 1].word == "no":  # "no one" is nobody
        return None
    if word in UNITS or word in TENS:
        return _small_number(text, tokens, i)
    if word == "dozen":
        return 12.0, i + 1
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if word in ("a", "an") and nxt and nxt.word in _ARTICLE_TARGETS and _joined(text, tokens[i], nxt):
        return 1.0, i + 1
    if word == "half" and _half_a_scale(text, tokens, i):
        return 0.5, i + 2
    return None


def _half_a_scale(text: str, tokens: list[_Token], i: int) -> bool:
    """True for "half a million" / "half a billion" at token i."""
    if i + 2 >= len(tokens):
        return False
    art, scale = tokens[i + 1], tokens[i + 2]
    return (art.word == "a" and scale.word in SCALE_WORDS
            and _joined(text, tokens[i], art) and _joined(text, art, scale))


def _small_number(text: str, tokens: list[_Token], i: int) -> tuple[float, int]:
    """1..99 from "seven", "twenty", "twenty-five" or "twenty five"."""
    word = tokens[i].word
    if word in TENS and i + 1 < len(tokens):
        nxt = tokens[i + 1]
        if 1 <= UNITS.get(nxt.word, 0) <= 9 and _joined(text, tokens[i], nxt, hyphen_ok=True):
            return float(TENS[word] + UNITS[nxt.word]), i + 2
    return float(UNITS.get(word, TENS.get(word, 0))), i + 1


def _extend(text: str, tokens: list[_Token], j: int, value: float) -> tuple[float, int, float]:
    """Apply any following "hundred", "dozen" and scale words; return value, next index, scale."""
    total, current, scale = 0.0, value, 1.0
    while j < len(tokens) and _joined(text, tokens[j - 1], tokens[j], hyphen_ok=True):
        word = tokens[j].word
        if word in ("hundred", "dozen") and 0 < current < 100:
            current *= 100 if word == "hundred" else 12
            current, j = _after_hundred(text, tokens, j + 1, current)
        elif word in SCALE_WORDS and (scale == 1.0 or SCALE_WORDS[word] < scale):
            total += current * SCALE_WORDS[word]
            scale = max(scale, SCALE_WORDS[word])
            current, j = _after_scale(text, tokens, j + 1, scale)
        else:
            break
    return total + current, j, scale


def _after_hundred(text: str, tokens: list[_Token], j: int, current: float) -> tuple[float, int]:
    """Absorb the "(and) twenty-five" that may follow "hundred"."""
    k = j
    if k < len(tokens) and tokens[k].word == "and" and _joined(text, tokens[k - 1], tokens[k]):
        k += 1
    if k < len(tokens) and tokens[k].word in UNITS.keys() - {"zero"} | TENS.keys():
        if _joined(text, tokens[k - 1], tokens[k]):
            small, k = _small_number(text, tokens, k)
            return current + small, k
    return current, j


def _after_scale(text: str, tokens: list[_Token], j: int, scale: float) -> tuple[float, int]:
    """After "two million", go on into "five hundred thousand" but never into a new number."""
    if j >= len(tokens) or not _joined(text, tokens[j - 1], tokens[j]):
        return 0.0, j
    if tokens[j].word in UNITS or tokens[j].word in TENS:
        small, k = _small_number(text, tokens, j)
        if k < len(tokens) and _joined(text, tokens[k - 1], tokens[k]):
            word = tokens[k].word
            if word == "hundred" or SCALE_WORDS.get(word, scale) < scale:
                return small, k
    return 0.0, j


def _is_fraction(text: str, tokens: list[_Token], last: int) -> bool:
    """True for "two-thirds", "one half": the number is a fraction, not a count."""
    if last + 1 >= len(tokens):
        return False
    nxt = tokens[last + 1]
    gap = text[tokens[last].end:nxt.start]
    if nxt.word in ("quarter", "quarters"):  # "two quarters of growth" counts quarters
        return gap == "-"
    return nxt.word in _FRACTION_WORDS and gap in ("-", " ")
