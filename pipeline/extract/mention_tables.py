"""Stage (mentions, tables): what the numbers in a table's rows count, from the table's heading.

Pages often carry a table as plain lines, one row a line: a name, a dash or a colon, and a number
("BJP – 240", "Labour: 412"), or every row run together on one line ("Alliance Won NDA 292 INDIA
234 Other 17"). The number says nothing of what it counts; the line above the rows does
("The number of seats each party won:"). A number with no unit in a row of three
rows or more takes the plural noun its heading counts (`heading_noun`); a heading that names no
such noun leaves the rows as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .mentions import Mention

# A row on a line of its own: a name (capitalised, with brackets and initials), a dash or a colon, a number.
ROW_HEAD = re.compile(r"(?P<name>[A-Z][^\n\d]{0,80}?)\s*[–—:-]\s*")
_ROW = re.compile(ROW_HEAD.pattern + r"\d[\d,]*\s*")
# A row run together with others: three name-number pairs or more on one line ("NDA 292 INDIA 234 Other 17").
NAME_WORD = r"[A-Z][\w'’.()&-]*"
RUN_ENTRY = re.compile(rf"((?:{NAME_WORD}\s+){{1,6}})\d[\d,]*")
RUN_ROW = re.compile(rf"(?:{RUN_ENTRY.pattern}\s*){{3,}}")
# What a heading counts: "the number of seats won", "seats won by party", "medals by country".
_HEADING_COUNTS = re.compile(r"\bnumber\s+of\s+(?P<of>[a-z]{3,}s)\b|\b(?P<by>[a-z]{3,}s)\s+(?:won|held|by|per|for\s+each)\b",
                      re.IGNORECASE)
_MIN_ROWS = 3
# A signed column: a sign spaced from the number before it and written against its own number
# ("Labour 98 -14 Greens 31 +9 Liberal 12", "161 -76").
_SIGNED_COLUMN = re.compile(r"\d%?\s+[-+\u2013\u2212]\d$")


def signed_column(text: str, sign_at: int) -> bool:
    """Is the character at `sign_at` the sign of a table's signed column (`_SIGNED_COLUMN`)?"""
    return sign_at > 0 and bool(_SIGNED_COLUMN.search(text, max(0, sign_at - 12), sign_at + 2))


def table_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with each count in a table's row given the noun its heading counts: a number with
    no unit, or one that took the next entry's name for its unit ("Forward 212 Others 37")."""
    units = _row_units(text)
    if not units:
        return mentions
    found = []
    for mention in mentions:
        noun = units.get(_line_start(text, mention.start))
        number = re.match(r"\d[\d,]*", mention.text)
        named = number and re.fullmatch(r"\s+[A-Z][\w'’.()&-]*", mention.text[number.end():])
        if noun and mention.unit_class == "count" and not mention.is_year and (mention.unit is None or named):
            mention = replace(mention, unit=noun, end=mention.start + number.end(), text=number.group()) if named \
                else replace(mention, unit=noun)
        found.append(mention)
    return found


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _row_units(text: str) -> dict[int, str]:
    """Line start -> the noun counted, for each line that is a row of a table whose heading names it."""
    units: dict[int, str] = {}
    heading: str | None = None
    rows: dict[int, int] = {}  # line start -> how many rows the line holds
    start = 0
    for line in text.split("\n"):
        if _ROW.fullmatch(line):
            rows[start] = 1
        elif RUN_ROW.fullmatch(line):
            rows[start] = _MIN_ROWS
        elif line.strip():
            _close(units, heading, rows)
            heading, rows = line, {}
        start += len(line) + 1
    _close(units, heading, rows)
    return units


def _close(units: dict[int, str], heading: str | None, rows: dict[int, int]) -> None:
    """Give the rows under `heading` its noun, when it names one and there are enough rows."""
    noun = heading_noun(heading) if heading else None
    if noun and sum(rows.values()) >= _MIN_ROWS:
        units.update(dict.fromkeys(rows, noun))


def heading_noun(heading: str) -> str | None:
    """The plural noun a heading counts ("The number of seats each party won:" ->
    "seats"), lower case; None when it names none."""
    match = _HEADING_COUNTS.search(heading)
    return (match["of"] or match["by"]).lower() if match else None
