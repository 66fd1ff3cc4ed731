"""Primitive: find and parse the numbers written in text.

News prose writes numbers three ways: digits ("2,770", "3.1", "-4.5", "2¾"), digits with a scale word
("24.5 billion", "1.5bn", "$2m", "8 B", "$3T", "4 hundred", "85 lakh", "1.5 lakh crore", "3 point 4
million") and words ("ten", "a dozen", "one million", "half a million", "two point five"; see
number_words).
`find_numbers` returns every one of them with its character offsets, its value in base units and
the scale that was applied. Currency symbols and "%" are never part of a match. Years get no
special treatment: deciding that 2023 is a date is the caller's business.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from .currency_marks import GLUED, PLACED_MARKS, SCALED_ONLY
from .number_words import DIGIT_WORDS, SCALE_WORDS, Token, fraction_of_scale_spans, spelled_matches, times

# Short scale forms that may follow a number after a space ("1.5 bn") or attached ("1.5bn"), and
# the scale words as typed with one "l" ("$1.6 bilion") or one "i" ("$1.2 billon"), which published copy does carry.
_SPACED_SHORT: dict[str, float] = {
    "bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12,
    "milion": 1e6, "bilion": 1e9, "trilion": 1e12, "billon": 1e9,
    "cr": 1e7,  # crore, as Indian papers shorten it: "Rs 20,000-cr FPO", "₹500 cr"
}
# Single letters are only a scale when attached ("$2m", "10k", "$3B"): "100 m" is a distance.
# A capital B after a space is a billion too ("an $8 B takeover").
# A capital T only after a currency sign, a trillion of money ("$3T", "(dollar)3T"; not "a 3T scanner").
_ATTACHED_SHORT: dict[str, float] = {"m": 1e6, "k": 1e3, "b": 1e9, "t": 1e12}
_MONEY_TRILLION = "|".join(f"(?<=[$€£¥)]{digits})" for digits in (r"\d", r"\d\d", r"\d\.\d", r"\d\.\d\d", r"\d\d\.\d"))
_WORD_SCALES = ("lakh\\s+cr(?:ore)?|hundred\\s+(?:thousand|million|billion)|hundred|thousand|(?:million|billion|trillion)s?|lakh|"
                "crore")  # "$13 Billions": a plural scale after a figure is the scale

# Fractions printed as one character after the whole number ("2¾ per cent", "4½ years").
_GLYPHS: dict[str, float] = {"¼": 0.25, "½": 0.5, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375,
                             "⅝": 0.625, "⅞": 0.875}
_SHORT_ALT = "|".join(sorted(_SPACED_SHORT, key=len, reverse=True))
_NOT_LETTER = r"(?![^\W\d_])"
# Currency codes that newswires glue to the amount ("USD35.3 billion", "EUR1.2bn").
_GLUED_CODES = "|".join(f"(?<=\\b{code})" for code in (
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "AUD", "CAD", "CHF", "HKD", "SGD", "NZD", "KRW", "RUB", "BRL", "ZAR",
    "MXN", "SEK", "NOK", "DKK", "PKR", "AED", "SAR", "TRY", "LKR", "BDT", "THB", "IDR", "MYR", "VND", "NGN", "KES",
    "GHS", "EGP", "QAR", "KWD", "BHD", "OMR", "JOD", "ILS", "PLN", "CZK", "HUF", "UAH", "KZT", "TWD", "ARS", "CLP",
    "ISK", "TND"))  # not "PHP", "COP", "RON", "NPR" ("PHP8", "COP28", "RON95", a radio's name): `_NAME_LIKE_CODES`
_NAME_LIKE_CODES = ("PHP", "COP", "RON", "NPR", "AMD")  # glued only before a scale, a thousands comma or cents ("NPR1,800",
# "AMD5,000": drams, where "AMD" alone is also a chipmaker)
# More codes of the same kind, only in capitals ("BOB38", "PEN120", "XOF5,000"); not "ALL", "TOP", "CUP", "AMD",
# "IRR", "SOS" (words, a chipmaker, a rate of return; "AMD" only as `_NAME_LIKE_CODES` are).
_GLUED_CODES += "|" + "|".join(f"(?<=\\b(?-i:{code}))" for code in (
    "BOB", "PEN", "UYU", "PYG", "VES", "GTQ", "HNL", "NIO", "CRC", "DOP", "JMD", "TTD", "XOF", "XAF", "MAD", "DZD",
    "ETB", "TZS", "UGX", "RWF", "ZMW", "MWK", "MZN", "AOA", "NAD", "BWP", "MUR", "IQD", "LBP", "UZS", "AZN", "GEL",
    "BYN", "MDL", "RSD", "BAM", "MKD", "BGN", "MNT", "KHR", "LAK", "MMK", "MVR", "BND", "FJD", "PGK", "SDG",
    "SSP", "LYD", "XCD", "BBD", "BSD", "GYD", "SRD", "HTG", "KGS", "TJS", "TMT", "AFN", "BTN", "LRD", "SLE", "SLL",
    "GMD", "GNF", "CDF", "BIF", "DJF", "ERN", "SCR", "KMF", "MGA", "LSL", "SZL", "CVE", "MRU", "SYP", "YER", "KPW",
    "MOP", "WST", "VUV", "SBD", "AWG", "BZD", "KYD", "ZWL"))
# Other currency abbreviations glued to the amount (currency_marks.GLUED: "Rp507bn", "KSh520", "DKr32"), and the
# marks of currency_marks.SCALED_ONLY and PLACED_MARKS only before a scale, a thousands comma or cents ("R42bn",
# "Sh1,200", "K12.3bn", "R215.40"), or a price of one thing ("R380 a kilo", "R95 each"; not "R2").
_SCALED_OR_GROUPED = (r"(?=\d+(?:\.\d+)?(?:bn|m|k|\s?(?:billion|million|trillion))\b|\d{1,3},\d{3}\b|\d+\.\d\d(?!\d|\.\d)"
                      r"|\d+(?:\.\d+)?\s(?:(?:a|an|per)\s(?!(?:few|couple|lot|bit|little|number|while|long|short)\b)[a-z]|each\b))")
# ... and the rand's "R" glued to a price after a word of paying ("costs R150 for adults", "sells for R85").
_PRICE_WORDS = ("cost", "costs", "for", "paid", "pay", "pays", "charge", "charges", "fetch", "fetches", "fee of", "price of",
                "priced at", "sold at")
_GLUED_SYMBOLS = "|".join([*(f"(?<=\\b(?-i:{s}))" for s in GLUED), *(f"(?<=\\b(?-i:{w} R))" for w in _PRICE_WORDS),
                           *(f"(?<=\\b(?-i:{s})){_SCALED_OR_GROUPED}" for s in (*SCALED_ONLY, *PLACED_MARKS, *_NAME_LIKE_CODES))])
# Decimals spoken after digits, as transcripts write them: "3 point 4", "18-point-seven" (18.7); and digits
# after a spoken whole: "zero-point-65" (0.65).
_SPOKEN_DIGIT = "|".join(w for w in DIGIT_WORDS if w != "oh")
_SPOKEN_DECIMAL = (rf"\d+(?:\s+|-)point(?:\s+|-)(?:\d+(?![\d,])|(?:{_SPOKEN_DIGIT})(?:-(?:{_SPOKEN_DIGIT}))*\b)"
                   rf"|\b(?:{_SPOKEN_DIGIT})(?:\s+|-)point(?:\s+|-)\d+(?!\d|[.,]\d)")
# A decimal comma before a percent sign, a scale word or a measure, as continental writers type it: "80,8%", "$6,17
# billion" (not "1,200").
_DECIMAL_COMMA_DIGITS = r"\d{1,3},\d{1,2}"
_DECIMAL_COMMA = _DECIMAL_COMMA_DIGITS + (r"(?=\s?%|\s?(?:billion|million|trillion|bn|mn)\b|[MB]\b"  # "$2,3M"
                                          r"|\s(?:tonnes?|tons?|kilo(?:gram|metre|meter)?s?|kg|km|grams?|metres?|meters?|"
                                          r"litres?|liters?|hectares?|carats?|miles?)\b)")  # "2,5 tonnes of gold"
_NUMERIC = re.compile(
    r"(?P<sign>(?<![\w.\-\u2212])(?<!\+/)[-\u2212]"  # a minus is a sign only after a non-word char, not in "+/-"
    r"|(?<=[\s(])(?<![\d%]\s)\u2013)?"  # and an en dash typed as one after a space, not between two numbers ("5 –7")
    # "A320", "COVID19": glued digits are a name; "Rs2,000" and "USD35.3" are not
    r"(?:(?<=Rs)|(?<=Rs\.)|(?<=\$US)|(?<=\$A)|(?<=\$NZ)|(?<=\$C)|" + _GLUED_CODES + "|" + _GLUED_SYMBOLS + r"|(?<![\w.]))"
    r"(?P<num>" + _SPOKEN_DECIMAL + "|" + _DECIMAL_COMMA + r"|\d{1,2},(?:\d{2},)+\d{3}(?![\d,])(?:\.\d+)?"  # grouped the Indian way: "7,50,000", "1,00,00,000"
    r"|\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?"
    r"|\d{1,3}(?:,\s000(?![\d,.]))+"  # a thousand's group typed with a space after its comma: "490, 000", "57, 000"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?![\d,.]))+(?![\w%]|\s(?-i:[A-Z]{2,})s?\b|-\d|-[a-z])"  # "96 006": thousands grouped by spaces
    # (not "14 737 MAX jets", "190 737 MAXs", nor "3 100-metre titles")
    r"|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<frac>[" + "".join(_GLYPHS) + r"]|(?<=\d)\s+and\s+(?:a\s+half|a\s+quarter|three[\s-]quarters)\b"  # "2¾ per cent", "17 and a half hours"
    r"|(?<=\d)[\s-](?:1/[248]|3/[48]|[12]/3|[57]/8)(?![\d/]))?"  # a fraction typed after the whole: "6 1/2 years", "5-1/4"
    r"(?!\d)(?!(?:,\d{3})*(?:st|nd|rd|th)" + _NOT_LETTER + r")"  # "23rd", "1,000th" are ordinals
    r"(?:(?P<word>[\s-]?(?:" + _WORD_SCALES + "|" + _SHORT_ALT + r"))" + _NOT_LETTER
    + r"|(?P<letter>[mkb]|(?-i:\sB)(?![-\u2013]\d)|(?:" + _MONEY_TRILLION + r")(?-i:T)(?!-))(?![^\W_]))?",  # "$3B", not the "4B" of a code "4B7X9", nor "20 B-52 bombers"
    re.IGNORECASE,
)
# A figure written in digits that is not a year ("25.5%", "1,200", "3.5"; not "2023"): where a
# sentence's other figures stand (`normalize`, `questions.own_clause`).
FIGURE_NOT_YEAR = re.compile(r"(?<![\w.,])(?!(?:1[89]|20)\d\d\b)\d[\d,.]*")
_CURRENCY_PREFIX = re.compile(r"\b[A-Z]{1,3}(?=[$€£¥₩₹₽])")  # the "US" of "US$", "HK" of "HK$"
_WORD = re.compile(r"[^\W\d_]+")
_DAY_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$|\d\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class NumberMatch:
    """One number found in a text: `text == source[start:end]`, `value` already scaled."""

    start: int
    end: int
    text: str
    value: float
    scale: float


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number written in `text`, digits or words, in order of appearance."""
    numeric = _joined_parts(text, _numeric_matches(text))
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


_PART_SCALE = re.compile(r"\d\s+(?:thousand|hundred|lakh|(?P<crore>crore))$", re.IGNORECASE)


def _joined_parts(text: str, matches: list[NumberMatch]) -> list[NumberMatch]:
    """Digits and scale words in parts, as translated news writes them: "64 thousand 500 square meters" (64,500),
    "1 lakh 20 thousand" (120,000), "1 thousand 200 crore rupees" (1,200 crore), "66 crore 21 lakh devotees" (after
    crore, only a part with its own scale: not "Rs 100 crore 50 times"): the smaller part after a space."""
    joined: list[NumberMatch] = []
    for match in matches:
        head = joined[-1] if joined else None
        part = _PART_SCALE.search(head.text) if head else None
        if head and part and not (part["crore"] and match.scale == 1) and text[head.end:match.start] == " " and match.text[:1].isdigit() \
                and not re.match(r"[\d,]*\.\d", head.text) and text[match.end:match.end + 1] != "-":  # not "2.8 lakh 80-kilo bags"
            base = match.value / match.scale
            if match.scale < head.scale and abs(match.value) < head.scale:
                value, scale = head.value + match.value, head.scale
            elif match.scale > head.scale and base < head.scale:
                value, scale = (head.value + base) * match.scale, match.scale
            else:
                joined.append(match)
                continue
            joined[-1] = NumberMatch(head.start, match.end, text[head.start:match.end], value, scale)
            continue
        joined.append(match)
    return joined


def _numeric_matches(text: str) -> list[NumberMatch]:
    """Every number in digits; digits grouped by spaces are one number ("96 006"), except after a
    month or a day ("on May 5 200 people"), where the groups are read apart."""
    matches = []
    for m in _NUMERIC.finditer(text):
        if re.search(r"\s\d", m.group("num")) and _DAY_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            first = m.start("num") + re.search(r"\s", m.group("num")).start()
            matches += [_numeric_match(text, n) for n in _NUMERIC.finditer(text[:first], m.start())]
            matches += [_numeric_match(text, n) for n in _NUMERIC.finditer(text, first + 1) if n.start() < m.end()]
        else:
            matches.append(_numeric_match(text, m))
    return matches


def _numeric_match(text: str, m: re.Match[str]) -> NumberMatch:
    """Turn one regex hit into a NumberMatch; a minus right after a number is a range dash."""
    start = m.start()
    negative = m.group("sign") is not None
    if negative and _follows_number(text, start):
        negative, start = False, m.start("num")
    base = _base(m.group("num"))
    base += _fraction(m.group("frac"))
    scale = _scale_of(m.group("word"), m.group("letter"))
    if base >= 1e6 and scale >= 1e6 and "," in m.group("num"):
        scale = 1.0  # "$148,169,000 million": the digits already say the sum; the scale word is a slip
    value = -times(base, scale) if negative else times(base, scale)
    return NumberMatch(start, m.end(), text[start:m.end()], value, scale)


def _fraction(frac: str | None) -> float:
    """The fraction written after a whole number: a glyph ("¾"), words ("and a half") or digits ("6 1/2")."""
    if not frac:
        return 0.0
    if "/" in frac:
        numerator, denominator = frac.strip(" -").split("/")
        return int(numerator) / int(denominator)
    words = frac.split()
    return _GLYPHS.get(frac) or {"half": 0.5, "quarter": 0.25}.get(words[-1].lower(), 0.75)


def _base(num: str) -> float:
    """The value of the digits matched: "1,200", "3 point 4", "18-point-seven" (18.7), "zero-point-65", "80,8"."""
    if re.fullmatch(_DECIMAL_COMMA_DIGITS, num):  # a decimal comma
        return float(num.replace(",", "."))
    parts = re.split(r"(?:\s+|-)point(?:\s+|-)", num, maxsplit=1, flags=re.IGNORECASE)
    if len(parts) == 1:
        return float(re.sub(r"[\s,]", "", num))
    whole = DIGIT_WORDS.get(parts[0].lower(), parts[0])
    digits = "".join(str(DIGIT_WORDS.get(word, word)) for word in parts[1].lower().split("-"))
    return float(f"{whole}.{digits}")


def _follows_number(text: str, pos: int) -> bool:
    """True when the last non-space character before `pos` ends a number ("5 - 6", "3% - 4%"); not
    when the minus is spaced from that number but glued to its own, as a table's signed column is
    ("161 -76")."""
    if pos > 0 and text[pos - 1].isspace() and pos + 1 < len(text) and text[pos + 1].isdigit():
        return False
    before = text[:pos].rstrip()
    return bool(before) and (before[-1].isdigit() or before[-1] == "%")


def _scale_of(word: str | None, letter: str | None) -> float:
    if word:
        keys = word.lower().replace("-", " ").split()
        if keys[0] in _SPACED_SHORT:
            return _SPACED_SHORT[keys[0]]
        return math.prod(100.0 if k == "hundred" else _SPACED_SHORT[k] if k in _SPACED_SHORT else SCALE_WORDS[k] if k in SCALE_WORDS
                         else SCALE_WORDS[k[:-1]] for k in keys)  # "1.5 lakh cr"
    if letter:
        return _ATTACHED_SHORT[letter.strip().lower()]
    return 1.0


# --- words -----------------------------------------------------------------------------------


def _spelled_matches(text: str) -> list[NumberMatch]:
    """Runs of number words ("twenty-five", "two point five million"), parsed by number_words."""
    return [NumberMatch(start, end, text[start:end], value, scale)
            for start, end, value, scale in spelled_matches(text, _tokens(text))]


def round_fractions(text: str) -> list[tuple[int, int]]:
    """Where `text` writes a fraction of a scale word ("a quarter of a million", "half a billion",
    "three-quarters of a million", "a half-million"): a round amount, not a figure given to its
    last digit, and not a share."""
    return fraction_of_scale_spans(text, _tokens(text))


def _tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
