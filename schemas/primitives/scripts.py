"""Primitive: the writing systems (scripts) a text is written in, from Unicode character names.

A small model sometimes drifts into another script in the middle of a field ("Russian领导"). The
label validators compare what the model wrote in an entity, an attribution or a period with the
scripts of the article itself: letters of a script the article never uses are an error to reask.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Unicode names that do not start with their script's name.
_RENAMED = {"FULLWIDTH": "LATIN", "HALFWIDTH": "LATIN"}


@lru_cache(maxsize=4096)
def script_of(char: str) -> str | None:
    """The script of a letter ("LATIN", "CJK", "CYRILLIC", "HANGUL", ...); None for anything else."""
    if unicodedata.category(char) not in ("Lu", "Ll", "Lt", "Lo"):
        return None
    first = unicodedata.name(char, "").split(" ", 1)[0]
    return _RENAMED.get(first, first) or None


@lru_cache(maxsize=8)
def scripts_in(text: str) -> frozenset[str]:
    """Every script whose letters appear in `text` (cached: each call about an article asks again)."""
    return frozenset(s for s in map(script_of, set(text)) if s is not None)


def foreign_letters(value: str, allowed: frozenset[str]) -> tuple[str, str] | None:
    """The first run of letters in `value` whose script is not `allowed`, with that script; else None."""
    for index, char in enumerate(value):
        script = script_of(char)
        if script is not None and script not in allowed:
            end = index
            while end < len(value) and script_of(value[end]) == script:
                end += 1
            return value[index:end], script
    return None
