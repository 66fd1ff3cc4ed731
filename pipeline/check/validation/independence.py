"""Validation: which articles are independent sources — copies are not confirmation.

An article's origin is, strongest first:
- the wire or outlet its metadata names: a fact's `agency`, `based_on` or `wire` field;
- the agency its source line names: "KVIA (Associated Press)", "Free Press Journal (IANS)",
  "Shafaqna (Guardian rewrite)", "newsbulletin247.com (rewrite of a Skai report)"; "X (via Y)"
  is X's story carried by Y;
- the agency its text names in a dateline or credit, when texts are given: "(AP) —", "(Reuters) -",
  "— AFP", "Yonhap News Agency", "Copyright … Associated Press";
- else the outlet itself.
With texts, articles that share a group and whose cleaned texts are near-duplicates
(`rapidfuzz.fuzz.ratio` ≥ `NEAR_DUPLICATE` on their openings) are one source as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from rapidfuzz import fuzz

from schemas.facts import QuantFact
from schemas.primitives.textnorm import fold_text

NEAR_DUPLICATE = 85.0
OPENING_CHARS = 1500
MAX_ARTICLES_COMPARED = 60  # per group; beyond it only metadata and source lines decide

AGENCIES: dict[str, str] = {
    "associated press": "AP", "ap": "AP", "reuters": "Reuters", "thomson reuters": "Reuters", "afp": "AFP",
    "agence france-presse": "AFP", "agence france presse": "AFP", "dpa": "dpa", "deutsche presse-agentur": "dpa",
    "yonhap": "Yonhap", "kyodo": "Kyodo", "xinhua": "Xinhua", "ians": "IANS", "pti": "PTI",
    "press trust of india": "PTI", "ani": "ANI", "efe": "EFE", "ansa": "ANSA", "upi": "UPI", "tass": "TASS",
    "anadolu": "Anadolu", "bernama": "Bernama", "pa": "PA", "pa media": "PA", "press association": "PA",
    "anp": "ANP", "bloomberg": "Bloomberg", "dw": "DW", "deutsche welle": "DW", "rttnews": "RTTNews",
}
_SHORT = {"ap", "afp", "dpa", "ians", "pti", "ani", "efe", "ansa", "upi", "tass", "pa", "anp", "dw"}  # case matters
_NAMES = sorted(AGENCIES, key=len, reverse=True)
_AGENCY_ANY = re.compile(r"\b(" + "|".join(re.escape(n) for n in _NAMES) + r")\b", re.IGNORECASE)
_PAREN = re.compile(r"\((?P<inner>[^()]+)\)")
_REWRITE = re.compile(r"^(?:(?:a )?(?:rewrite|copy) of (?:an? |the )?)?(?P<name>.+?)(?: (?:rewrite|report|copy|story))?$", re.IGNORECASE)
_VIA = re.compile(r"^(?P<origin>.+?)\s*\(via [^()]+\)\s*$", re.IGNORECASE)
_DATELINE = re.compile(r"\((?P<name>[A-Za-z][A-Za-z .-]{1,30})\)\s*[-—–]|[-—–]\s*(?P<tail>AFP|dpa|AP|Reuters)\b"
                       r"|(?:©|copyright)\s*(?:\d{4}\s*)?(?:the\s+)?(?P<credit>[A-Z][A-Za-z .-]{1,30})")


def agency(name: str | None) -> str | None:
    """The wire service a name stands for ("Associated Press" -> "AP"), or None."""
    if not name:
        return None
    for match in _AGENCY_ANY.finditer(name):
        word = match.group(1)
        if word.casefold() in _SHORT and not word.isupper() and word != "dpa":
            continue
        return AGENCIES[word.casefold()]
    return None


@lru_cache(maxsize=65536)
def origin_of_source(source: str) -> str:
    """The independent source a source line names: its agency or rewritten outlet, else the outlet."""
    source = " ".join(source.split())
    if via := _VIA.match(source):
        return origin_of_source(via["origin"])
    for match in _PAREN.finditer(source):
        inner = match["inner"]
        if found := agency(inner):
            return found
        if re.search(r"\b(?:rewrite|report|copy|story)\b", inner, re.IGNORECASE):
            return _REWRITE.match(inner.strip())["name"]  # type: ignore[index]
    outlet = source.split("(")[0].strip() or source
    return agency(outlet) if agency(outlet) and len(outlet) <= 30 else outlet


def origin_in_text(text: str) -> str | None:
    """An agency named in a dateline or credit line of the text."""
    for match in _DATELINE.finditer(text[:400] + "\n" + text[-400:]):
        if found := agency(match["name"] or match["tail"] or match["credit"]):
            return found
    return None


def origin_of(fact: QuantFact, texts: Mapping[str, str] | None = None) -> str:
    extra = fact.model_extra or {}
    for field in ("agency", "based_on", "wire"):
        value = extra.get(field)
        if isinstance(value, str) and value.strip():
            return agency(value) or value.strip()
    if texts and fact.article_id in texts and (found := origin_in_text(texts[fact.article_id])):
        return found
    return origin_of_source(fact.source) if fact.source else fact.article_id


class Origins:
    """Each article's independent source, merged over near-duplicate texts."""

    def __init__(self, facts: Iterable[QuantFact], texts: Mapping[str, str] | None = None) -> None:
        self.texts = texts or {}
        self.origin: dict[str, str] = {}
        for fact in facts:
            if fact.article_id not in self.origin:
                self.origin[fact.article_id] = origin_of(fact, texts)
        self._openings: dict[str, str] = {}
        self._compared: set[tuple[str, str]] = set()

    def merge_copies(self, article_ids: list[str]) -> None:
        """Union the origins of articles (of one group) whose texts are near-duplicates."""
        ids = [a for a in dict.fromkeys(article_ids) if a in self.texts][:MAX_ARTICLES_COMPARED]
        for i, first in enumerate(ids):
            for second in ids[i + 1:]:
                pair = (first, second) if first < second else (second, first)
                if pair in self._compared or self.of(first) == self.of(second):
                    continue
                self._compared.add(pair)
                if fuzz.ratio(self._opening(first), self._opening(second)) >= NEAR_DUPLICATE:
                    self._join(first, second)

    def _opening(self, article_id: str) -> str:
        if article_id not in self._openings:
            self._openings[article_id] = fold_text(self.texts[article_id][:OPENING_CHARS]).casefold()
        return self._openings[article_id]

    def _join(self, first: str, second: str) -> None:
        keep, drop = sorted((self.of(first), self.of(second)), key=lambda o: (o not in AGENCIES.values(), o))
        for article, origin in self.origin.items():
            if origin == drop:
                self.origin[article] = keep

    def of(self, article_id: str) -> str:
        return self.origin.get(article_id, article_id)
