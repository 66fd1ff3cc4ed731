"""Stage (extraction, labelling): a person's age, and whose it is.

The scanner reads an age from its words as years counted, not a span of time ("a 61-year-old",
"Sheinbaum, 61,", "Prabowo, aged 72,", "Ash is 37 but": `mention_units.age_in_apposition`). A small
model names it by its kind ("count", "years"), often under another person's name or as a forecast,
and a figure named by its kind is never compared. So an age whose words name its person is `age`
(`age_label`), held by that person (`age_holder`), and actual (an age is stated as of its day):
- the name before it: "Sheinbaum, 61,", "Prabowo, aged 72", "his son, Ash, is 37", "Okafor (58)";
- the name after it: "the 61-year-old Sheinbaum", "his 36-year-old son, Tom Ash," ("son Tom Ash"),
  not a place ("a 42-year-old Chico man").
An age limit ("a minimum age of 40") or an age no name owns keeps the model's label.
"""

from __future__ import annotations

import re

from schemas.metric_checks import Measured
from schemas.vocabulary import is_unnamed

from ..mention_units import AGE_VERB
from .names import name, name_at_end, runs

_NAME_BEFORE = re.compile(rf",\s+(?:{AGE_VERB}\s+)?$|\s\($", re.IGNORECASE)  # "Sheinbaum, 61", "Okafor (58)"
# "36-year-old son, Tom Ash,", "36-year-old son Tom Ash was" (a kin or role word before the name).
_NOUN_THEN_NAME = re.compile(r"^\s+(?:[a-z]+,|(?:son|daughter|wife|husband|brother|sister|mother|father|grandson|"
                             r"granddaughter|nephew|niece|partner|candidate|challenger|rival|leader|star|player|"
                             r"champion|founder|chief|singer|actor|actress))\s+")
# A name before a word for a person is where they are from: "a 42-year-old Chico man".
_PERSON_AFTER = re.compile(r"^\s*(?:man|woman|men|women|boy|girl|resident|native|mother|father|driver|teen\w*)\b")
_LIMIT = re.compile(r"\b(?:minimum|maximum|limit|requirement|threshold|retirement|voting|legal|eligib\w*)\b",
                    re.IGNORECASE)


def age_label(found: Measured, label: str | None) -> str | None:
    """`age` for an age the scanner read that the model named only by its kind, never named, or
    named `age` itself (whose holder its words still decide: "75-year-old Abdul-Jabbar" in a story
    about another player); else None."""
    if found.unit != "years" or found.unit_class != "count" or found.span is None \
            or not (is_unnamed(label) or (label or "").strip().lower() == "age"):
        return None
    return None if _LIMIT.search(found.sentence[max(0, found.span[0] - 40):found.span[0]]) else "age"


def age_holder(found: Measured) -> str | None:
    """The name of the person whose age is at `found.span`, from the words next to it; None when unclear."""
    if found.span is None:
        return None
    before, after = found.sentence[:found.span[0]], found.sentence[found.span[1]:]
    if comma := _NAME_BEFORE.search(before):
        return name_at_end(before[:comma.start()], ticket=False)
    if noun := _NOUN_THEN_NAME.match(after):
        after = " " + after[noun.end():]
    named = runs(after)
    if not named or after[:named[0][0]].strip() or _PERSON_AFTER.match(after[named[0][1]:]):
        return None
    return name(named[0][2], ticket=False)
