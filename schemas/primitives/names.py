"""Primitive (extraction and validation): is a name the model wrote (an entity, an attribution) in the article?

A name is found when, case-insensitively and ignoring punctuation, every content word of it
occurs in the text (in any order; stop words such as "the" and "of" are ignored), a word also
matching its inflections ("North Korean", "North Korea's" for "North Korea"; "German" for
"Germany"); or when it is an initialism of words in the text, or the text holds its initialism
("IMF" and "International Monetary Fund", "U.S." and "United States", "BOK" and "Bank of
Korea"); or through a small table of demonyms whose spelling differs from the country's, and of
well-known equivalent names. Standard library only.
"""

from __future__ import annotations

import re
from functools import lru_cache

STOP_WORDS = frozenset({"the", "of", "and", "for", "in", "on", "at", "a", "an", "to", "by", "de", "&"})
# Words that say no one is named: never a claim that needs finding.
NOT_A_NAME = frozenset({"unknown", "none", "n/a", "na", "null", "not stated", "unspecified", "not specified"})
MIN_STEM = 4  # an inflection shares at least this many first letters ...
MAX_ENDING = 3  # ... and differs by at most this many last letters on each side ("korea"/"korean", "germany"/"german")

# Demonyms that the shared-stem rule cannot see ("France"/"French"); each set holds the names of one country.
DEMONYMS: tuple[frozenset[str], ...] = tuple(frozenset(group) for group in (
    {"france", "french"}, {"spain", "spanish"}, {"netherlands", "dutch", "holland"}, {"switzerland", "swiss"},
    {"norway", "norwegian"}, {"denmark", "danish"}, {"philippines", "filipino", "philippine"}, {"wales", "welsh"},
    {"poland", "polish"}, {"portugal", "portuguese"}, {"ireland", "irish"}, {"scotland", "scottish"},
    {"finland", "finnish"}, {"thailand", "thai"}, {"peru", "peruvian"}, {"belgium", "belgian"},
))
# Well-known equivalent names that are neither an initialism nor an inflection of each other, as
# news prose uses them interchangeably: the UK is "Britain" in most headlines, the US "America",
# the Federal Reserve "the Fed", the world "global".
EQUIVALENTS: tuple[frozenset[str], ...] = tuple(frozenset(group) for group in (
    {"UK", "Britain", "United Kingdom", "Great Britain", "British"},
    {"US", "USA", "United States", "America", "American"},
    {"Fed", "Federal Reserve"},
    {"world", "global", "globally", "worldwide"},  # "1 billion people globally": the world's figure
))  # initialisms in capitals: they are looked for as initialisms, never as the word "us"


def name_found(name: str, text: str) -> bool:
    """True when `name` (an entity or attribution the model wrote) is named in `text`."""
    words = _words(name)
    if not words or name.strip().casefold() in NOT_A_NAME:
        return True
    return any(_one_found(candidate, text) for candidate in (name, *_alternatives(words)))


def _one_found(name: str, text: str) -> bool:
    words, index = _words(name), _index(text)
    if _is_initialism(name, words):  # "IMF", "U.S.": in capitals in the text, or spelled out there
        return _capitals_in(words[0], text) or _spelled_out(words[0], index)
    if _words_found(words, index):
        return True
    return len(words) >= 2 and any(_capitals_in(initials, text) for initials in _initials(words))


def _tokens(text: str) -> list[str]:
    """Words without punctuation, case kept ("U.S." is "US", "Korea's" is "Korea")."""
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"\b([A-Z])\.\s(?=[A-Z]\.)", r"\1.", text)  # "U. S." is "U.S."
    text = re.sub(r"\b([A-Za-z])\.(?=[A-Za-z]\.)|(?<=\b[A-Za-z]\.[A-Za-z])\.", r"\1", text)
    return re.findall(r"[^\W_]+|&", text)


def _words(text: str) -> list[str]:
    """Lower-case words without punctuation."""
    return [t.casefold() for t in _tokens(text)]


Index = tuple[tuple[str, ...], frozenset[str], tuple[bool, ...]]


@lru_cache(maxsize=16)
def _index(text: str) -> Index:
    """The text's words in order, as a set, and whether each was capitalized (cached: one article is
    checked many times)."""
    tokens = _tokens(text)
    words = tuple(t.casefold() for t in tokens)
    return words, frozenset(words), tuple(t[:1].isupper() for t in tokens)


def _is_initialism(name: str, words: list[str]) -> bool:
    """One word of 2-6 letters, in capitals ("IMF", "U.S.") or mostly so ("BoJ", "BoE")."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    capitals = sum(c.isupper() for c in letters)
    return len(words) == 1 and 2 <= len(letters) <= 6 and letters[0].isupper() and (capitals == len(letters) or capitals >= 2)


def _same_word(name_word: str, text_word: str) -> bool:
    if name_word == text_word:
        return True
    if name_word.isdigit() or text_word.isdigit():
        return False
    stem = 0
    for a, b in zip(name_word, text_word):
        if a != b:
            break
        stem += 1
    return stem >= MIN_STEM and len(name_word) - stem <= MAX_ENDING and len(text_word) - stem <= MAX_ENDING


def _words_found(words: list[str], index: Index) -> bool:
    """Every content word of the name occurs in the text, as written or inflected."""
    content = [w for w in words if w not in STOP_WORDS] or words
    return all(w in index[1] or any(_same_word(w, t) for t in index[1]) for w in content)


def _initials(words: list[str]) -> set[str]:
    """A multi-word name's initialisms, with and without its stop words ("ofns" and "ons")."""
    every = "".join(w[0] for w in words)
    content = "".join(w[0] for w in words if w not in STOP_WORDS)
    return {i for i in (every, content) if len(i) >= 2}


def _capitals_in(initials: str, text: str) -> bool:
    """`initials` written in capitals in the text, with or without dots ("US", "U.S.")."""
    pattern = r"\.?".join(re.escape(c.upper()) for c in initials)
    return re.search(rf"(?<![A-Za-z]){pattern}\.?(?![A-Za-z])", text) is not None


def _spelled_out(letters: str, index: Index) -> bool:
    """Some run of capitalized words of the text has these initials ("Bank of Korea" for BOK); a stop
    word inside the run may give its letter or be skipped."""
    words, capitalized = index[0], index[2]
    return any(capitalized[i] and words[i][0] == letters[0] and _spells(letters, index, i) for i in range(len(words)))


def _spells(letters: str, index: Index, i: int) -> bool:
    if not letters:
        return True
    words, capitalized = index[0], index[2]
    if i >= len(words):
        return False
    word, stop = words[i], words[i] in STOP_WORDS
    if (capitalized[i] or stop) and word[0] == letters[0] and _spells(letters[1:], index, i + 1):
        return True
    return stop and _spells(letters, index, i + 1)


def _alternatives(words: list[str]) -> list[str]:
    """Other names of the same thing: a country's demonym, or a well-known equivalent."""
    joined = " ".join(w for w in words if w != "the")
    found: list[str] = []
    for group in (*DEMONYMS, *EQUIVALENTS):
        folded = {g.casefold(): g for g in group}
        if joined in folded or any(_same_word(joined, g) for g in folded if " " not in g):
            found += [g for f, g in sorted(folded.items()) if f != joined]
    return found
