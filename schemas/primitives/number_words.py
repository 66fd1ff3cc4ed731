"""Primitive (numbers, words): parse numbers written in words, as newsrooms write them.

"ten", "twenty-five", "a dozen", "one hundred and twenty", "half a million", "two million five
hundred thousand", decimals spoken as broadcasters write them ("two point five", "five point two
five", "nought point seven"), halves and quarters ("one and a half", "three and a quarter
million") and fractions of a scale word ("a quarter of a million", "two-thirds of a billion", "a
half-million"). Fractions on their own ("two-thirds") are not numbers here: the mention scanner reads
them as proportions. `spelled_matches` returns (start, end, value, scale) tuples, and
`fraction_of_scale_spans` where the fractions of a scale word are (round amounts).
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
}
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
# Digits after "point", one word each: "five point two five" is 5.25.
DIGIT_WORDS: dict[str, int] = {**{w: v for w, v in UNITS.items() if v <= 9}, "nought": 0, "oh": 0}
_ARTICLE_TARGETS = {"hundred", "dozen", "thousand", "million", "billion", "trillion"}
_FRACTION_WORDS = {"half", "halves", "third", "thirds", "quarter", "quarters", "fourth",
                   "fourths", "fifth", "fifths", "tenth", "tenths"}
_AND_A = {"half": 0.5, "quarter": 0.25}


class Token(NamedTuple):
    """One alphabetic word of the source, lower-cased, with its offsets (a tuple: texts have many words)."""

    start: int
    end: int
    word: str


def spelled_matches(text: str, tokens: list[Token]) -> list[tuple[int, int, float, float]]:
    """(start, end, value, scale) of each run of number words, left to right."""
    found: list[tuple[int, int, float, float]] = []
    i = 0
    while i < len(tokens):
        parsed = _parse_words(text, tokens, i)
        if parsed is None:
            i += 1
            continue
        found.append(parsed[0])
        i = parsed[1]
    return found


def fraction_of_scale_spans(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of each number that is a fraction of a scale word ("a quarter of a million",
    "half a billion", "a half-million"), left to right."""
    found: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if found and token.start < found[-1][1]:
            continue  # "quarter" inside "a quarter of a million"
        if _fraction_of_scale(text, tokens, i) is not None or token.word == "half" and _half_a_scale(text, tokens, i):
            if (parsed := _parse_words(text, tokens, i)) is not None:
                found.append(parsed[0][:2])
    return found


def joined(text: str, left: Token, right: Token, hyphen_ok: bool = False) -> bool:
    """True when `right` follows `left` after one run of spaces (or one hyphen if allowed)."""
    gap = text[left.end:right.start]
    if hyphen_ok and gap in ("-", "\u2010", "\u2011"):
        return True
    return gap != "" and gap.isspace()


def _parse_words(text: str, tokens: list[Token], i: int) -> tuple[tuple[int, int, float, float], int] | None:
    """Parse the number-word run starting at token i; return the match and the next index."""
    head = _head_value(text, tokens, i)
    if head is None:
        return None
    value, j = head
    value, j = _decimals(text, tokens, j, value)
    value, j, scale = _extend(text, tokens, j, value)
    if scale == 1.0 and value == int(value) and j - i > 1 and (spoken := _decimals(text, tokens, j, value))[1] > j:
        value, j, scale = _extend(text, tokens, spoken[1], spoken[0])  # "two hundred and thirty-one point five (billion)"
    if _is_fraction(text, tokens, j - 1):
        return None
    return (tokens[i].start, tokens[j - 1].end, value, scale), j


def _head_value(text: str, tokens: list[Token], i: int) -> tuple[float, int] | None:
    """The opening of a spelled number: a number word, "a"/"an" + scale, or "half a" + scale."""
    word = tokens[i].word
    if word == "one" and i > 0 and tokens[i - 1].word == "no":  # "no one" is nobody
        return None
    if (fraction := _fraction_of_scale(text, tokens, i)) is not None:
        return fraction
    if word in UNITS or word in TENS:
        return _small_number(text, tokens, i)
    if word == "nought" and _word_at(tokens, i + 1) == "point":
        return 0.0, i + 1
    if word == "dozen":
        return 12.0, i + 1
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if word in ("a", "an") and nxt and nxt.word in _ARTICLE_TARGETS and joined(text, tokens[i], nxt):
        return 1.0, i + 1
    if word == "half" and (_half_a_scale(text, tokens, i) or _half_a_dozen(text, tokens, i)):
        return 0.5, i + 2 + (tokens[i + 1].word == "of")
    return None


def _half_a_dozen(text: str, tokens: list[Token], i: int) -> bool:
    """True for "half a dozen" at token i: six, a count (not a round amount, as "half a million" is)."""
    return [_word_at(tokens, k) for k in (i + 1, i + 2)] == ["a", "dozen"] \
        and all(joined(text, tokens[k], tokens[k + 1]) for k in (i, i + 1))


_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
_PARTS = {"half": 2, "quarter": 4, "quarters": 4, "third": 3, "thirds": 3}


def _fraction_of_scale(text: str, tokens: list[Token], i: int) -> tuple[float, int] | None:
    """"a quarter of a million", "three-quarters of a billion", "two-thirds of a million", "a
    quarter-million", "a half-million" (and "quarter of a million", "half-million" after an
    adjective): the fraction, and the index
    of the scale word that `_extend` applies."""
    j, numerator = i, 1
    if tokens[i].word in _NUMERATORS and i + 1 < len(tokens) and joined(text, tokens[i], tokens[i + 1], hyphen_ok=True):
        j, numerator = i + 1, _NUMERATORS[tokens[i].word]
    part = tokens[j].word
    if part not in _PARTS or (numerator > 1) != part.endswith("s"):
        return None
    if _word_at(tokens, j + 1) in SCALE_WORDS and text[tokens[j].end:tokens[j + 1].start] == "-":
        return numerator / _PARTS[part], j + 1  # "a quarter-million"
    words = [_word_at(tokens, k) for k in (j + 1, j + 2, j + 3)]
    if words[0] == "of" and words[1] in ("a", "an") and words[2] in SCALE_WORDS \
            and all(joined(text, tokens[k], tokens[k + 1]) for k in (j, j + 1, j + 2)):
        return numerator / _PARTS[part], j + 3
    return None


def _word_at(tokens: list[Token], i: int) -> str | None:
    return tokens[i].word if i < len(tokens) else None


def _decimals(text: str, tokens: list[Token], j: int, value: float) -> tuple[float, int]:
    """Absorb "point two five" (spoken decimals) or "and a half" ("-and-a-half") after a whole number."""
    if _word_at(tokens, j) == "point" and _word_at(tokens, j + 1) in DIGIT_WORDS \
            and joined(text, tokens[j - 1], tokens[j], hyphen_ok=True):  # "two point five", "eighteen-point-seven"
        digits, k = "", j + 1
        while _word_at(tokens, k) in DIGIT_WORDS and joined(text, tokens[k - 1], tokens[k], hyphen_ok=True):
            digits, k = digits + str(DIGIT_WORDS[tokens[k].word]), k + 1
        return value + float("0." + digits), k
    if (_word_at(tokens, j) == "and" and _word_at(tokens, j + 1) == "a" and _word_at(tokens, j + 2) in _AND_A
            and all(joined(text, tokens[k], tokens[k + 1], hyphen_ok=True) for k in (j - 1, j, j + 1))):
        return value + _AND_A[tokens[j + 2].word], j + 3  # "four and a half", "four-and-a-half"
    if (_word_at(tokens, j) == "and" and _word_at(tokens, j + 1) in _AND_A and _word_at(tokens, j + 2) != "of"
            and all(joined(text, tokens[k], tokens[k + 1]) for k in (j - 1, j))):
        return value + _AND_A[tokens[j + 1].word], j + 2  # "two and half years", as Indian English writes it
    if (_word_at(tokens, j) == "and" and _word_at(tokens, j + 1) == "three" and _word_at(tokens, j + 2) in ("quarter", "quarters")
            and _word_at(tokens, j + 3) != "of" and all(joined(text, tokens[k], tokens[k + 1], hyphen_ok=True) for k in (j - 1, j, j + 1))):
        return value + 0.75, j + 3  # "one and three-quarter minutes", "three and three quarters kilos"
    return value, j


def _half_a_scale(text: str, tokens: list[Token], i: int) -> bool:
    """True for "half a million" / "half of a billion" / "half-a-trillion" at token i."""
    k = i + 1 + (_word_at(tokens, i + 1) == "of")
    if k + 1 >= len(tokens):
        return False
    art, scale = tokens[k], tokens[k + 1]
    return (art.word == "a" and scale.word in SCALE_WORDS
            and all(joined(text, tokens[n], tokens[n + 1], hyphen_ok=k == i + 1) for n in range(i, k + 1)))


def times(value: float, scale: float) -> float:
    """`value` times `scale` as written in decimal: "67.1 million" is 67,100,000, not the binary
    product 67,099,999.99999999, which would count nothing whole and compare unequal."""
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def _small_number(text: str, tokens: list[Token], i: int) -> tuple[float, int]:
    """1..99 from "seven", "twenty", "twenty-five" or "twenty five"."""
    word = tokens[i].word
    if word in TENS and i + 1 < len(tokens):
        nxt = tokens[i + 1]
        if 1 <= UNITS.get(nxt.word, 0) <= 9 and joined(text, tokens[i], nxt, hyphen_ok=True):
            return float(TENS[word] + UNITS[nxt.word]), i + 2
    return float(UNITS.get(word, TENS.get(word, 0))), i + 1


def _extend(text: str, tokens: list[Token], j: int, value: float) -> tuple[float, int, float]:
    """Apply any following "hundred", "dozen" and scale words; return value, next index, scale."""
    total, current, scale = 0.0, value, 1.0
    while j < len(tokens) and joined(text, tokens[j - 1], tokens[j], hyphen_ok=True):
        word = tokens[j].word
        if word in ("hundred", "dozen") and 0 < current < 100:
            current *= 100 if word == "hundred" else 12
            current, j = _after_hundred(text, tokens, j + 1, current)
        elif word in SCALE_WORDS and (scale == 1.0 or SCALE_WORDS[word] < scale):
            total += times(current, SCALE_WORDS[word])
            scale = max(scale, SCALE_WORDS[word])
            current, j = _after_scale(text, tokens, j + 1, scale)
        else:
            break
    return total + current, j, scale


def _after_hundred(text: str, tokens: list[Token], j: int, current: float) -> tuple[float, int]:
    """Absorb the "(and) twenty-five" that may follow "hundred"."""
    k = j
    if k < len(tokens) and tokens[k].word == "and" and joined(text, tokens[k - 1], tokens[k]):
        k += 1
    if k < len(tokens) and tokens[k].word in UNITS.keys() - {"zero"} | TENS.keys():
        if joined(text, tokens[k - 1], tokens[k]):
            small, k = _small_number(text, tokens, k)
            return current + small, k
    return current, j


def _after_scale(text: str, tokens: list[Token], j: int, scale: float) -> tuple[float, int]:
    """After "two million", go on into "five hundred thousand" but never into a new number."""
    if j >= len(tokens) or not joined(text, tokens[j - 1], tokens[j]):
        return 0.0, j
    if tokens[j].word == "and" and _word_at(tokens, j + 1) in UNITS.keys() - {"zero"} | TENS.keys() \
            and joined(text, tokens[j], tokens[j + 1]):  # "two thousand and forty", not "three million and four million"
        small, k = _small_number(text, tokens, j + 1)
        if (_word_at(tokens, k) not in SCALE_WORDS or SCALE_WORDS[tokens[k].word] < scale) \
                and not _is_fraction(text, tokens, k - 1):  # nor "half a billion and three-quarters of a million"
            return small, k
    if tokens[j].word in UNITS or tokens[j].word in TENS:
        small, k = _small_number(text, tokens, j)
        if k < len(tokens) and joined(text, tokens[k - 1], tokens[k]):
            word = tokens[k].word
            if word == "hundred" or SCALE_WORDS.get(word, scale) < scale:
                return small, k
    return 0.0, j


def _is_fraction(text: str, tokens: list[Token], last: int) -> bool:
    """True for "two-thirds", "one half": the number is a fraction, not a count."""
    if last + 1 >= len(tokens):
        return False
    nxt = tokens[last + 1]
    gap = text[tokens[last].end:nxt.start]
    if nxt.word in ("quarter", "quarters"):  # "two quarters of growth" counts quarters
        return gap == "-"
    return nxt.word in _FRACTION_WORDS and gap in ("-", " ")
