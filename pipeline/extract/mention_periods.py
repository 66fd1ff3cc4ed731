"""Stage (extraction, labelling): the period written right next to a number, read by rule.

In "2017 (-1.2%), 2018 (0.6%) and 2019 (2.3%)" or "growth in 2016 (0.9%)" each figure has its own
year, and a model labelling the figures tends to drop it or give every figure the first one. When
the period touches the number in one of a few plain patterns, code reads it and the labelling
stage keeps it instead of the model's `period_text` (it is the text's own words):

- a year or quarter right before a parenthesised number: "2017 (-1.2%)", "in the third quarter (0.4%)";
- a year or quarter with a colon: "2023: 1.5%", "Q3: $4.1 billion";
- a year and "with" before the number: "set a record in 2021 with 59 megajoules";
- the period right after the number: "(0.9%) in 2016", "1.5% in 2023", "2% last year", "4% for 2024",
  "0.4% in the third quarter", "7.8% in the April-June quarter", "6.1% in the January-March period
  of 2022-23", "7.8% in the first quarter (April-June) of this fiscal", "2.1% in March" (months only after "in", "for", "during": a
  capitalised "May" alone is too often a verb or a name), also after up to three words that only
  say what kind of movement or measure it was: "the 1.8 percent expansion seen in 2022", "5%
  year-on-year in March" (never after other words: "the 2% target set in 2012" is left alone).

Anything further away is left to the model: "since 2019 it has doubled to 40%", "In 2019,
exports rose 5%", "the 2019 figure of 5%" all give None. "in 2023 dollars" is a price base, not
a period. But when the model's period is not in the number's sentence, `sentence_year` gives the
one year that sentence is about, if it names exactly one ("In 2022, exports increased by 7%",
"the last decline was in 2016, when exports fell 7.7%"), not a year it only measures from ("the
worst since 2016") and not when it also speaks of "last year" or "this year". And a period the
model gives that the sentence writes only as another figure's own ("shrank 0.3 percent, unlike
the 1.8 percent expansion seen in 2022") or as a year measured from ("since Germany
reunified in 1990") is no period of this figure (`belongs_elsewhere`).
"""

from __future__ import annotations

import calendar
import re

_YEAR = r"(?:19|20)\d\d(?:[-/]['’]?(?:\d\d|(?:19|20)\d\d)\b)?"
# A fiscal year after a quarter ("Q1 FY24", "the first quarter of the current fiscal"): kept whole,
# so the quarter is never read as the calendar one (`pipeline.check.fiscal`).
_FISCAL_YEAR = (rf"(?:FY\s?['’]?\d\d(?:\d\d)?(?:[-–/]['’]?\d\d)?\b|(?:the\s+)?(?:financial|fiscal)\s+year\s+{_YEAR}"
                r"|the\s+(?:current|previous|last)\s+(?:fiscal(?:\s+year)?|financial\s+year))")
_OF_YEAR = rf"(?:\s+of\s+(?:{_FISCAL_YEAR}|{_YEAR})|\s+(?:{_FISCAL_YEAR}|{_YEAR}))"
_ORD = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
MONTH_NAME = "(?:" + "|".join(calendar.month_name[1:]) + ")"
DAY_OR_MONTH = "(?:" + "|".join((*calendar.day_name, *calendar.month_name[1:])) + ")"  # "Monday", "March"
_MONTHS = rf"{MONTH_NAME}\s*(?:[-–—]|\s+to\s+)\s*{MONTH_NAME}"  # "April-June", "April to June"
_QUARTER = (rf"(?:the\s+{_ORD}\s+(?:quarter|half)(?:\s*\(\s*{_MONTHS}\s*\))?(?:\s+of\s+(?:{_FISCAL_YEAR}|{_YEAR}))?"
            rf"|(?:the\s+)?{_MONTHS}(?:\s+(?:quarter|period))?(?:\s+of\s+(?:{_FISCAL_YEAR}|{_YEAR})|\s+{_YEAR})?"
            rf"|Q[1-4]{_OF_YEAR}?|H[12]{_OF_YEAR}?)")
_RELATIVE = r"(?:last|this|next|the\s+previous|the\s+past)\s+(?:year|quarter|month)"
_MONTH = rf"{MONTH_NAME}(?:\s+{_YEAR})?"
_PERIOD = rf"(?:{_YEAR}|{_QUARTER})"

_BEFORE_PAREN = re.compile(rf"(?<![\w$€£.,])((?:in\s+)?{_PERIOD})\s*\(\s*$", re.IGNORECASE)
_BEFORE_COLON = re.compile(rf"(?:^|(?<=[\s(;,]))((?:in\s+)?{_PERIOD}):\s*$", re.IGNORECASE)
_GAP = (r"(?:\s+(?:expansion|growth|contraction|drop|fall|decline|rise|increase|gain|dip|slump|jump|rate|seen|"
        r"recorded|registered|posted|logged|reported|year-on-year|year-over-year|annually|annualized|annualised|"
        r"sequentially|on-year|quarter-on-quarter)){0,3}")
_AFTER = re.compile(rf"^{_GAP}\s+((?:in|for|during)\s+(?:{_PERIOD}|{_MONTH})|(?:in\s+)?{_RELATIVE})(?![\w-])"
                    r"(?!\s+(?:dollars|euros|pounds|yen|prices|terms|money|constant))", re.IGNORECASE)
# A year and what was had or done in it, before the number: "set a record in 2021 with 59 megajoules", "won in 2015
# with a total of 63 points" (not after a comma: "163,000 in 2022, with 85,000 fired in the fourth quarter" says more).
_BEFORE_WITH = re.compile(rf"(?<![\w-])((?:in|during)\s+{_PERIOD})\s+with\s+(?:(?:a|an)\s+(?:total|record|high|peak)\s+of\s+)?$",
                          re.IGNORECASE)
_OPEN = re.compile(r"\(\s*$")
_CLOSE = re.compile(r"^\s*\)")
WINDOW = 80  # characters read on each side: "in the first quarter (April-June) of financial year 2023-’24" fits


def period_next_to(text: str, start: int, end: int) -> str | None:
    """The period words right next to the number at text[start:end], or None."""
    before, after = text[max(0, start - WINDOW):start], text[end:end + WINDOW]
    close = _CLOSE.match(after)
    if _OPEN.search(before) and close:  # "2017 (-1.2%)", "(0.9%) in 2016"
        found = _BEFORE_PAREN.search(before) or _AFTER.match(after[close.end():])
    else:
        found = _BEFORE_COLON.search(before) or _AFTER.match(after) or _with_year(before)
    return " ".join(found.group(1).split()) if found else None


def _with_year(before: str) -> re.Match[str] | None:
    """`_BEFORE_WITH`, unless its year is one measured from ("the first since RBIs became official in 1920 with 10")."""
    found = _BEFORE_WITH.search(before)
    return None if found is None or _SINCE_EVENT.search(before, 0, found.start(1) + 3) else found


# One number written for two periods: "4.4% in 2024 and 2025", "2% for this year and 2025", "3%
# in both 2025 and 2026", "2026 and 2027 both at 2.9%".
_THIS = r"(?:this|next)\s+year"
_TWO_AFTER = re.compile(rf"^{_GAP}\s+(?P<prep>in|for|during)\s+(?:both\s+)?(?P<first>{_YEAR}|{_THIS})\s+and\s+"
                        rf"(?P<second>{_YEAR}|next(?:\s+year)?)(?![\w%-])"
                        r"(?=[ \t]*(?:[.,;:)\n]|$)|\s+(?:and|as|but|while|before|after|when|according)\b)", re.IGNORECASE)
_TWO_BEFORE = re.compile(rf"(?<![\w$€£.,])(?P<first>{_YEAR})\s+and\s+(?P<second>{_YEAR})\s+(?:both|each)\s+(?:at\s+)?$",
                         re.IGNORECASE)


def periods_shared(text: str, start: int, end: int) -> list[str]:
    """The two periods one number at text[start:end] is written for, or [] (see `_TWO_AFTER`)."""
    if found := _TWO_AFTER.match(text[end:end + WINDOW]):
        prep, second = found["prep"].lower(), found["second"]
        second = "next year" if second.lower() == "next" else second
        return [f"{prep} {' '.join(found['first'].split())}", f"{prep} {' '.join(second.split())}"]
    if found := _TWO_BEFORE.search(text[max(0, start - WINDOW):start]):
        return [f"in {found['first']}", f"in {found['second']}"]
    return []


_YEAR_IN = re.compile(r"(?<![\w$€£.,/-])((?:19|20)\d\d)(?![\w%/-])")
_FROM_YEAR = re.compile(r"\b(?:since|from|than|until|till|through|by|before|after|to|versus|vs\.?)\s+(?:early\s+|late\s+|mid-?)?$",
                        re.IGNORECASE)
_RELATIVE_ANY = re.compile(rf"\b{_RELATIVE}\b|\ba year (?:earlier|ago|before)\b", re.IGNORECASE)


# Words that set two figures against each other, so that each has its own period.
_CONTRAST = re.compile(r"\b(?:in contrast (?:to|with)|compared (?:with|to)|after|following|from|than|versus|vs\.?|"
                       r"against|unlike)\b", re.IGNORECASE)
_SINCE_EVENT = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,4}in\s+$", re.IGNORECASE)  # "since Germany reunified in 1990"


def belongs_elsewhere(sentence: str, period: str, own: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """Whether the period a model gave the quantity at sentence[own[0]:own[1]] is written in that
    sentence only as another quantity's own period (`others`: their spans in the sentence; "shrank
    0.3 percent, unlike the 1.8 percent expansion seen in 2022": 2022 is the 1.8's,
    `period_next_to`) or as a year measured from ("the second-highest since Germany reunified in
    1990"). Then it is not this quantity's period. Figures in a plain list may share one period
    ("exports rose 7% and imports fell 2% in 2022"), so only figures set against each other
    (`_CONTRAST`) claim their own."""
    places = [m.start() for m in re.finditer(re.escape(period.strip()), sentence, re.IGNORECASE)]
    if not places or (period.lower() in (period_next_to(sentence, *own) or "").lower()):
        return False
    claimed = set()
    for start, end in others:
        if not _CONTRAST.search(sentence[max(0, min(own[0], start) - 30):max(own[0], start)]):
            continue  # a list that may share one period ("rose 7% and 2% in 2022")
        if period.lower() in (period_next_to(sentence, start, end) or "").lower():
            claimed.add(sentence.lower().find(period.strip().lower(), end))
    return all(p in claimed or _FROM_YEAR.search(sentence[max(0, p - 20):p]) or _SINCE_EVENT.search(sentence[max(0, p - 50):p])
               for p in places)


def sentence_year(sentence: str) -> str | None:
    """The one year a sentence is about, or None (see the module docstring)."""
    if _RELATIVE_ANY.search(sentence):
        return None
    found = list(_YEAR_IN.finditer(sentence))
    if len({m.group(1) for m in found}) != 1:
        return None
    about = [m for m in found if not _FROM_YEAR.search(sentence[max(0, m.start() - 20):m.start()])]
    return about[0].group(1) if about else None

