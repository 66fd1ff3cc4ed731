"""Stage (extraction, labelling): the rise of a running toll ("six more deaths") is not the toll.

An outbreak's or a disaster's count is reported as a total ("the death toll has risen to nine") and
as what a new report added to it ("six more deaths", "five additional fatalities", "14 new
illnesses", "another 12 people were killed", "the five most recent deaths"). A small model labels
both `casualties`, so a source that gives the rise would be compared with another's total and make
a false conflict. So a count of the harmed or the ill whose own words say it was added, labelled
`casualties` or named only by its kind, is `other` named after what was added: `deaths_added`,
`injuries_added`, `cases_added`, `illnesses_added`, `hospitalizations_added`. It stays positive: a
rise.
"""

from __future__ import annotations

import re

from schemas.vocabulary import is_kind_name

# "six more deaths", "the five most recent deaths"; "another 12 deaths", "the latest 3 deaths".
_ADDED_IN = re.compile(r"^\S+\s+(?:more|additional|new|further|most\s+recent|latest|newest)\s", re.IGNORECASE)
_ADDED_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|the\s+latest|the\s+newest)\s+$", re.IGNORECASE)
# What was added, by the noun counted; the people counted are named by what befell them after.
_NOUNS = {"deaths": "deaths", "fatalities": "deaths", "dead": "deaths", "lives": "deaths",
          "injuries": "injuries", "injured": "injuries", "wounded": "injuries",
          "cases": "cases", "infections": "cases", "illnesses": "illnesses", "hospitalizations": "hospitalizations",
          "hospitalisations": "hospitalizations"}
_PEOPLE = frozenset({"people", "persons", "patients", "victims", "residents"})
_BEFELL = (("deaths", re.compile(r"^\s+(?:have\s+|had\s+|were\s+|have\s+been\s+|had\s+been\s+)?(?:died|killed|dead)\b")),
           ("injuries", re.compile(r"^\s+(?:have\s+|had\s+|were\s+)?(?:been\s+)?(?:injured|hurt|wounded)\b")),
           ("hospitalizations", re.compile(r"^\s+(?:have\s+|had\s+|were\s+)?(?:been\s+)?hospitali[sz]ed\b")),
           ("illnesses", re.compile(r"^\s+(?:have\s+|had\s+|were\s+)?(?:been\s+)?(?:sickened|fallen\s+ill|fell\s+ill)\b")))


def added_label(text: str, start: int, end: int, unit: str | None, metric: str, label: str | None) -> str | None:
    """`<what>_added` when the count at [start, end) of `text` (counting `unit`) is what a report
    added to a toll and the model named it `casualties` or only by its kind; else None."""
    if metric != "casualties" and not (metric == "other" and is_kind_name(label)):
        return None
    if not (_ADDED_IN.match(text[start:end]) or _ADDED_BEFORE.search(text[max(0, start - 20):start])):
        return None
    noun = _NOUNS.get(unit or "")
    if noun is None and unit in _PEOPLE:
        after = text[end:end + 40]
        noun = next((name for name, pattern in _BEFELL if pattern.match(after)), None)
    return f"{noun}_added" if noun else None
