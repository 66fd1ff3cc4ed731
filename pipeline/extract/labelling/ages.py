"""Stage (extraction, labelling): a person's age, and whose it is.

The scanner reads an age from its words as years counted, not a span of time ("a 61-year-old",
"Sheinbaum, 61,", "Prabowo, aged 72,", "Ash is 37 but": `mention_units.age_in_apposition`). A small
model names it by its kind ("count", "years"), often under another person's name or as a forecast,
and a figure named by its kind is never compared. So an age whose words name its person is `age`
(`age_label`), held by that person (`age_holder`), and actual (an age is stated as of its day):
- the name before it: "Sheinbaum, 61,", "Prabowo, aged 72", "his son, Ash, is 37", "Okafor (58)";
- the name after it: "the 61-year-old Sheinbaum", "his 36-year-old son, Tom Ash," ("son Tom Ash"),
  not a place ("a 42-year-old Chico man") nor a nationality ("the 38-year-old Kenyan");
- the name it is set beside: "Jason Kennison, a 40-year-old mechanic", "Tyson, the 58-year-old former
  champion", and the name that opens the clause after "At 26 years old," or "At 18,";
- for "the 26-year-old" that names no one, the person the article last named, when that is also the
  person it names most so far (`_last_person`): news writing calls its subject "the 26-year-old" on a
  later mention; a person is a name of two or more words whose last word the text also uses alone
  ("Tigist Assefa" ... "Assefa said"), which places and bodies ("Berlin Marathon") rarely do.
An age limit ("a minimum age of 40") or an age no name owns keeps the model's label.
"""

from __future__ import annotations

import re
from collections import Counter

from schemas.metric_checks import Measured
from schemas.vocabulary import is_unnamed

from ..mention_units import AGE_VERB, DEMONYM
from .names import OPENERS, name, runs

_NAME_BEFORE = re.compile(rf",\s+(?:{AGE_VERB}\s+)?$|\s\($", re.IGNORECASE)  # "Sheinbaum, 61", "Okafor (58)"
# "36-year-old son, Tom Ash,", "36-year-old son Tom Ash was" (a kin or role word before the name).
_NOUN_THEN_NAME = re.compile(r"^\s+(?:[a-z]+,|(?:son|daughter|wife|husband|brother|sister|mother|father|grandson|"
                             r"granddaughter|nephew|niece|partner|candidate|challenger|rival|leader|star|player|"
                             r"champion|founder|chief|singer|actor|actress))\s+")
# A name before a word for a person is where they are from: "a 42-year-old Chico man".
_PERSON_AFTER = re.compile(r"^\s*(?:man|woman|men|women|boy|girl|resident|native|mother|father|driver|teen\w*|captain|"
                           r"striker|forward|midfielder|defender|goalkeeper|player|international|coach)\b")
_APPOSED = re.compile(r",\s+(?:a|an|the)\s+$", re.IGNORECASE)  # "Jason Kennison, a 40-year-old mechanic"
_AT_AGE = re.compile(r"(?:^|[\s(])[Aa]t\s+(?:just\s+|only\s+)?$")  # "At 18, Gukesh has"
_CLAUSE_AFTER = re.compile(r"^(?:\s+years?\s+old)?,\s+")
_DEFINITE = re.compile(r"(?:^|\s)[Tt]he\s+$")  # "said the 26-year-old": the person named before
# A nationality after the age describes the person, it does not name them: "the 38-year-old Kenyan".
_NATIONALITY = re.compile(rf"(?:{DEMONYM}|[A-Z][a-z]+(?:an|i))$")  # and "Kenyan", "Israeli"
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


def age_holder(found: Measured, earlier: str = "") -> str | None:
    """The name of the person whose age is at `found.span`, from the words next to it, or for "the
    26-year-old" the person `earlier` (the article before the sentence) and the sentence last named;
    None when unclear."""
    if found.span is None or found.sentence[:found.span[1]].lower().endswith("olds"):
        return None  # "the 3-year-olds": an age group's, no one person's
    before, after = found.sentence[:found.span[0]], found.sentence[found.span[1]:]
    for beside in (_NAME_BEFORE.search(before), _APPOSED.search(before)):
        if beside and (holder := _apposed_name(before[:beside.start()])):
            return holder
    if _AT_AGE.search(before) and (clause := _CLAUSE_AFTER.match(after)):
        named = runs(after[clause.end():])
        if named and named[0][0] == 0:
            return name(named[0][2], ticket=False)
    if holder := _name_after(after):
        return holder
    if _DEFINITE.search(before) and not after.lstrip()[:1].isupper():  # not "the 38-year-old Kenyan"
        return _last_person(earlier + before)
    return None


def _apposed_name(before: str) -> str | None:
    """The name `before` ends with, unless it is a sentence's opening words ("In Paris, a 40-year-old")."""
    found = runs(before)
    if not found or before[found[-1][1]:].strip() or found[-1][2][0].lower().rstrip(",") in OPENERS:
        return None
    return name(found[-1][2], ticket=False)


def _name_after(after: str) -> str | None:
    """The name right after the age ("61-year-old Sheinbaum", "36-year-old son Tom Ash"), not a place
    before a word for a person ("Chico man") nor a nationality ("Kenyan")."""
    if noun := _NOUN_THEN_NAME.match(after):
        after = " " + after[noun.end():]
    named = runs(after)
    if not named or after[:named[0][0]].strip() or _PERSON_AFTER.match(after[named[0][1]:]):
        return None
    if len(named[0][2]) == 1 and _NATIONALITY.match(named[0][2][0].rstrip(",")):
        return None
    return name(named[0][2], ticket=False)


def _last_person(text: str) -> str | None:
    """The person `text` names last, in full, when it is also the person it names most; else None.

    A person is a name of two or more words (`names.name`) whose last word `text` also uses alone; the
    last name of any kind must be that person's ("Eliud Kipchoge's win. The 38-year-old": not Assefa's)."""
    named = [(name(words, ticket=False) or "", len(words)) for _, _, run in runs(text) for words in _sentences(run)]
    full: dict[str, set[str]] = {}
    for whole, _ in named:
        if len(whole.split()) >= 2:
            full.setdefault(whole.split()[-1], set()).add(whole)
    alone = {whole for whole, size in named if size == 1}
    people = {surname: names.pop() for surname, names in full.items() if surname in alone and len(names) == 1}
    said = [whole.split()[-1] for whole, size in named if whole and (size > 1 or whole in people)]
    times = Counter(s for s in said if s in people).most_common()
    if not times or said[-1] != times[0][0] or (len(times) > 1 and times[1][1] == times[0][1]):
        return None  # the last name is not the person named most ("... Eliud Kipchoge's fifth win. The 38-year-old")
    return people[said[-1]]


def _sentences(words: list[str]) -> list[list[str]]:
    """A run of capitalised words cut where a sentence ends inside it ("Berlin. Kebede"; not "U.S. Steel")."""
    cut = [i + 1 for i, word in enumerate(words[:-1]) if word.endswith((".", "!", "?")) and len(word.strip(".")) > 2
           and "." not in word.strip(".")]
    return [words[a:b] for a, b in zip([0, *cut], [*cut, len(words)])]
