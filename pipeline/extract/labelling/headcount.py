"""Stage (extraction, labelling): the people a company or body employs, and whose they are.

"OpenAI's 770 employees", "the Daily Mail's account of OpenAI's 700 staff", "Acme's roughly 12,000
workers": a count of the people an owner employs, written with the owner's possessive right before
it. A small model names such a count only by its kind ("count") and gives it no entity, so it is
never compared, and two outlets that disagree on a headcount are never shown. So such a count
(`headcount`), when the model names it only by its kind, is `employees`, counted in employees
whatever the noun ("700 staff" and "770 employees" are one question), held by the owner its
possessive names (`names.name`).

Left as labelled: a part of the whole ("747 of OpenAI's 770 employees" labels only the 770), a
count whose noun is narrowed by a place or a kind after it ("the bank's 3,000 staff in London",
"its 400 staff who joined"), an owner that is no name ("the company's 3,000 workers"), and a move
("cut 2,000 of its 9,000 jobs" is no headcount noun).
"""

from __future__ import annotations

import re

from schemas.metric_checks import Measured
from schemas.vocabulary import is_unnamed

from .names import name, runs

_HEADCOUNT_NOUNS = frozenset(("employees", "staff", "staffers", "workers", "personnel"))
_OWNER_BEFORE = re.compile(r"['’]s\s+(?:(?:about|around|roughly|nearly|almost|some|more\s+than|over|its|their)\s+)?$")
_NARROWED_AFTER = re.compile(r"^\s+(?:in|at|based|from|across|who|that|which|working|on|outside|abroad|aged|under|over)\b")


def headcount(found: Measured, label: str | None) -> str | None:
    """The owner's name when the count at `found.span`, named only by its kind, is the people the owner
    its possessive names employs ("OpenAI's 700 staff"); else None."""
    if found.span is None or found.unit not in _HEADCOUNT_NOUNS or found.direction is not None or not is_unnamed(label):
        return None
    before, after = found.sentence[:found.span[0]], found.sentence[found.span[1]:]
    owner = _OWNER_BEFORE.search(before)
    if owner is None or _NARROWED_AFTER.match(after):
        return None
    named = runs(before[:owner.start()])
    if not named or named[-1][1] != owner.start():
        return None  # "the company's": no name owns it
    return name(named[-1][2], ticket=False)
