"""Stage (extraction, labelling): the names of people and parties in a sentence, for rules that
take a figure's holder from the words (`elections`, `ages`).

A name is a run of capitalised words (weekday and month names are not names), cut after its last
title ("Party (TPP) Chairman Ko Wen-je" is "Ko Wen-je", "Jakarta Gov Anies Baswedan" is "Anies
Baswedan"); a bracketed acronym stands for the words before it ("African National Congress (ANC)"
is "ANC"); a "then-" prefix is dropped ("the then-KMT ticket"); and a ticket written as two names
is its head's ("Prabowo-Gibran" and "Anies Baswedan-Muhaimin Iskandar" are Prabowo's and Anies
Baswedan's; "Jean-Luc Mélenchon" stays whole: the hyphen is in a first name); an owner before a
name is not part of it ("Marine Le Pen's National Rally" is "National Rally").
"""

from __future__ import annotations

import calendar
import re

_WORD = re.compile(r"\(?[^\W\d_][\w.'’-]*\)?")
TITLES = frozenset(("president", "senator", "prime", "minister", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
                    "sir", "dame", "opposition", "former", "candidate", "rival", "leader", "governor", "mayor",
                    "deputy", "incumbent", "challenger", "frontrunner", "front-runner", "nominee", "the", "ruling",
                    "chairman", "chairwoman", "chair", "speaker", "gov", "gov.", "sen", "sen.", "rep", "rep.", "gen",
                    "gen."))
# Words that open a sentence with a capital and name no one: "Despite gaining", "Meanwhile, the pair".
OPENERS = frozenset(("despite", "meanwhile", "however", "after", "before", "although", "though", "while", "when",
                     "with", "in", "on", "at", "for", "since", "as", "but", "and", "yet", "also", "still", "then",
                     "overall", "nationally", "elsewhere", "separately", "earlier", "later", "today", "yesterday",
                     "by", "of", "from", "under", "according", "specifically", "instead", "together"))
CALENDAR = frozenset(name.lower() for name in [*calendar.day_name, *calendar.month_name[1:]])
THEN = re.compile(r"\bthen-(?=[A-Z])")


def runs(text: str) -> list[tuple[int, int, list[str]]]:
    """The runs of capitalised words in `text` (start, end, words), weekday and month names left out."""
    found: list[tuple[int, int, list[str]]] = []
    for word in _WORD.finditer(text):
        bare = THEN.sub("", word.group().strip("()"))
        capital = bare[:1].isupper() and bare.lower().rstrip("’'s") not in CALENDAR
        if not capital:
            continue
        if found and text[found[-1][1]:word.start()].strip() == "":
            start, _, words = found[-1]
            found[-1] = (start, word.end(), [*words, word.group()])
        else:
            found.append((word.start(), word.end(), [word.group()]))
    return found


def name(words: list[str], ticket: bool = True) -> str | None:
    """A holder's name from a run of capitalised words (see the module docstring); None for no name left.

    `ticket`: whether two names joined by a hyphen may be a ticket; a person's own name never is
    ("Abdul-Jabbar", `ages`)."""
    if len(words) > 1 and words[-1].startswith("(") and words[-1].endswith(")"):
        return words[-1].strip("()")
    words = words[max((i + 1 for i, w in enumerate(words) if w.lower() in TITLES), default=0):]  # after the last title
    words = words[max((i + 1 for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))), default=0):]  # "Le Pen's National Rally"
    while words and words[0].lower().rstrip(",") in OPENERS:
        words = words[1:]  # "Despite", "Meanwhile": a sentence's opening word
    words = [THEN.sub("", w.strip("()").rstrip(",")) for w in words]
    for i, word in enumerate(words):  # a ticket written as its two names is its head's: "Prabowo-Gibran"
        parts = word.split("-")
        if ticket and len(parts) == 2 and all(p[:1].isupper() and len(p) > 2 for p in parts) and (i > 0 or len(words) == 1):
            words = [*words[:i], parts[0]]
            break
    return " ".join(words).removesuffix("’s").removesuffix("'s") or None


def name_at_end(text: str, ticket: bool = True) -> str | None:
    """The name `text` ends with, if its last word is one."""
    found = runs(text)
    if not found or text[found[-1][1]:].strip():
        return None
    return name(found[-1][2], ticket)

