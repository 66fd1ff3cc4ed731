"""Schema: unit spellings the model may write, mapped to the contract's units.

The model is asked for `percent`, `percentage_points`, an ISO-4217 code, or a plural noun. Small
models write "%", "$" or "dollars" anyway; these are mapped here instead of spending a reask.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .primitives.textnorm import without_accents

# Cryptocurrencies are counted coins, not ISO money: each one's name and tickers, lower-cased ("bitcoin", "BTC", "XBT",
# "ether", "ETH"), with the coins' plural noun.
COIN_UNITS: dict[str, str] = {"bitcoin": "bitcoins", "btc": "bitcoins", "xbt": "bitcoins", "ether": "ether", "eth": "ether",
                              "usdc": "usdc", "usdt": "usdt"}  # the stablecoins counted as coins, as their tickers

_ALIASES: dict[str, str] = {
    "%": "percent", "per cent": "percent", "percentage": "percent", "pct": "percent",
    "percentage points": "percentage_points", "percentage point": "percentage_points",
    "pp": "percentage_points",
    "basis points": "basis_points", "basis point": "basis_points", "bps": "basis_points", "bp": "basis_points",
    "pc": "percent",
    "teu": "teu", "teus": "teu",  # twenty-foot equivalent units: "13,300 TEUs"
    "$": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD", "us dollars": "USD",
    "€": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP",
    "¥": "JPY", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "won": "KRW", "korean won": "KRW", "₩": "KRW", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "₽": "RUB", "rupee": "INR", "rupees": "INR", "₹": "INR",
    **COIN_UNITS,
}


def coins_unit(unit: str) -> str:
    """A unit whose money is a cryptocurrency's ticker, in coins: "BTC" -> "bitcoins", "BTC per block" -> "bitcoins
    per block"; any other unit as it is."""
    money, per, rest = unit.partition(" per ")
    ticker = len(money) == 3 and money.isupper()
    return (COIN_UNITS.get(money.lower(), money) if ticker else money) + per + rest


@lru_cache(maxsize=1)
def iso_currency_codes() -> frozenset[str]:
    """Every ISO-4217 alphabetic code known to pycountry (imported here: the CLI's start-up needs no table), and the
    withdrawn codes news still writes (`_FORMER_CODES`)."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies) | _FORMER_CODES


# Codes withdrawn from ISO 4217 that news of their years still writes: Zimbabwe's dollars ("30,000 ZWD to 1 USD",
# ZWL until 2024), Venezuela's bolivar fuerte.
_FORMER_CODES = frozenset({"ZWD", "ZWL", "VEF"})


# The day whose legal tender `_currencies_in_use` reads (fixed, so that a text always gives the same units).
_TENDER_ON = date(2026, 1, 1)
# Currency names that are also common words after a number ("the 1,000 mark", "20 Afghanis", "in real terms",
# "Zimbabwe Gold", a city, punctuation): never read as money by name alone.
_NOT_BY_NAME = frozenset({"mark", "marks", "real", "reals", "afghani", "afghanis", "gold", "golds", "colon", "colons",
                          "cordoba", "cordobas", "sol", "sols"})


@lru_cache(maxsize=1)
def _currencies_in_use() -> dict[str, tuple[str, ...]]:
    """Every current currency (legal tender on `_TENDER_ON`, CLDR through babel) with the English names
    of the places that use it."""
    import babel.numbers
    from babel import Locale

    used_in: dict[str, list[str]] = {}
    for territory, place in Locale("en").territories.items():
        for code in babel.numbers.get_territory_currencies(territory, _TENDER_ON, tender=True):
            used_in.setdefault(code, []).append(place)
    return {code: tuple(places) for code, places in sorted(used_in.items())}


def currency_places(code: str) -> tuple[str, ...]:
    """The English names of the places whose legal tender `code` is ("UAH" -> ("Ukraine",))."""
    return _currencies_in_use().get(code, ())


def _english_name(code: str, count: int) -> str:
    import babel.numbers

    return without_accents(babel.numbers.get_currency_name(code, count=count, locale="en")).lower()


@lru_cache(maxsize=1)
def _last_word_owners() -> dict[str, set[str]]:
    """The currencies whose English name ends in each word, with the plurals news writes ("quetzales")."""
    owners: dict[str, set[str]] = {}
    for code in _currencies_in_use():
        for count in (1, 2):
            last = _english_name(code, count).split()[-1]
            for form in ((last, last + "s", last + "es") if count == 1 else (last,)):
                owners.setdefault(form, set()).add(code)
    return owners


@lru_cache(maxsize=1)
def currency_names() -> dict[str, str]:
    """Every current currency by its English names, lower case without accents: the full name, singular
    and plural ("georgian lari", "georgian laris"), and the last word alone when only one current currency
    has it ("lari", "laris", "pula", "quetzal"; also "quetzales", "guaranies"). A last word several
    currencies share ("dinar", "som", "manat", `shared_currency_names`) or that is a common word
    (`_NOT_BY_NAME`) is left out."""
    names = {_english_name(code, count): code for code in _currencies_in_use() for count in (1, 2)}
    names.update({word: next(iter(codes)) for word, codes in _last_word_owners().items()
                  if len(codes) == 1 and word not in _NOT_BY_NAME})
    return names


@lru_cache(maxsize=1)
def shared_currency_names() -> dict[str, dict[str, tuple[str, ...]]]:
    """The last words several current currencies share, each with its currencies and the places that use
    them: {"manat": {"AZN": ("Azerbaijan",), "TMT": ("Turkmenistan",)}, ...}."""
    places = _currencies_in_use()
    return {word: {code: places[code] for code in sorted(codes)} for word, codes in _last_word_owners().items()
            if len(codes) > 1}


def is_currency(unit: str) -> bool:
    return unit in iso_currency_codes()


def base_unit(unit: str | None) -> str | None:
    """What a rate is counted in ("USD" of "USD per barrel"); any other unit is itself."""
    return unit.split(" per ")[0] if unit else unit


# What a model means by a bare "points" in its answer (prompts v1 to v3 write the unit): percentage
# points. The scanner tells them apart ("3 points" of a poll lead; "300 points" of an index, "30
# points" scored), so a mention's "points" stays a counted noun.
MODEL_ALIASES: dict[str, str] = {"points": "percentage_points"}


def canonical_unit(raw: str) -> str:
    """Map a written unit to the contract form; unknown nouns come back lower-cased and trimmed."""
    text = " ".join(raw.strip().split())
    alias = _ALIASES.get(text.lower())
    if alias:
        return alias
    money, per, rest = text.replace("_", " ").partition(" per ")
    if per and rest and is_currency(code := canonical_unit(money)):
        return f"{code} per {rest.lower()}"  # a money rate keeps its code: "USD per barrel", not "usds_per_barrel"
    if len(text) == 3 and text.isalpha() and text.upper() in iso_currency_codes():
        return text.upper()
    if text.lower() in {"percent", "percentage_points", "basis_points"}:
        return text.lower()
    if len(text) == 3 and text.isupper():
        return text  # looks like a code but is not one: the validator says so
    return text.lower().replace(" ", "_")


def currencies_named(text: str) -> set[str]:
    """ISO codes of the currencies a text names by symbol ("$"), word ("euro") or code ("KRW")."""
    codes = iso_currency_codes()
    found = {code for code in re.findall(r"\b[A-Z]{3}\b", text) if code in codes}
    for written, code in _ALIASES.items():
        if code not in codes:
            continue
        pattern = re.escape(written) if not written.isalpha() else rf"\b{re.escape(written)}\b"
        if re.search(pattern, text, flags=re.IGNORECASE):
            found.add(code)
    return found


# Measures that convert within their dimension: the size of each unit in its dimension's base unit,
# in the contract's spelling (plural, snake_case) and the short forms that reach facts.
MEASURE_DIMENSIONS: dict[str, dict[str, float]] = {
    "length": {"meters": 1.0, "kilometers": 1000.0, "kms": 1000.0, "km": 1000.0, "miles": 1609.344,
               "feet": 0.3048, "inches": 0.0254, "yards": 0.9144, "centimeters": 0.01, "millimeters": 0.001},
    "speed": {"kilometers_per_hour": 1.0, "km/h": 1.0, "kph": 1.0, "miles_per_hour": 1.609344, "mph": 1.609344},
    "mass": {"kilograms": 1.0, "kg": 1.0, "tonnes": 1000.0, "lbs": 0.45359237, "milligrams": 1e-6, "mg": 1e-6},
    "energy": {"joules": 1.0, "kilojoules": 1e3, "megajoules": 1e6, "gigajoules": 1e9, "terajoules": 1e12,
               "kilowatt_hours": 3.6e6, "megawatt_hours": 3.6e9, "gigawatt_hours": 3.6e12, "terawatt_hours": 3.6e15},
    "power": {"watts": 1.0, "kilowatts": 1e3, "megawatts": 1e6, "gigawatts": 1e9, "terawatts": 1e12},
    "time": {"seconds": 1 / 86400, "minutes": 1 / 1440, "hours": 1 / 24, "days": 1.0, "weeks": 7.0, "months": 365.2425 / 12,
             "quarters": 365.2425 / 4, "years": 365.2425, "decades": 3652.425},
}
_DIMENSION_OF = {unit: name for name, units in MEASURE_DIMENSIONS.items() for unit in units}
_SPELLING = (("kilometre", "kilometer"), ("centimetre", "centimeter"), ("millimetre", "millimeter"),
             ("metre", "meter"), ("litre", "liter"), ("storeys", "stories"), ("traveller", "traveler"),
             ("licence", "license"), ("offence", "offense"), ("defence", "defense"), ("kilos", "kilograms"),
             ("gramme", "gram"))


def american(word: str) -> str:
    """British spellings of measures in American spelling ("metres" -> "meters"), and "kilos" as kilograms."""
    for british, us in _SPELLING:
        word = word.replace(british, us)
    return word


def _spelled(unit: str) -> str:
    """A unit as `MEASURE_DIMENSIONS` spells it ("Kilometres" -> "kilometers", "miles per hour" -> "miles_per_hour")."""
    return american(unit.strip().lower().replace(" ", "_"))


def dimension_of(unit: str | None) -> str | None:
    """The dimension a unit measures ("miles" -> "length", "kilometers per hour" -> "speed"), else None."""
    return _DIMENSION_OF.get(_spelled(unit or ""))


def unit_size(unit: str) -> float:
    """The size of a unit of some dimension in that dimension's base unit (`dimension_of` must know it)."""
    spelled = _spelled(unit)
    return MEASURE_DIMENSIONS[_DIMENSION_OF[spelled]][spelled]
