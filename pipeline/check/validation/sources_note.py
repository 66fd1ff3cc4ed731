"""Validation: what backs a group — "N outlets, M independent sources" — and what it leaves out.

Outlets are the distinct sources (or articles) of the voting facts; independent sources are their
distinct origins (`independence.Origins`): wire copies and syndicated rewrites count once. The
excluded list names every fact shown with the group that did not vote, and why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from schemas.facts import QuantFact
from schemas.validation import ExcludedFact

from .grouping import Member
from .independence import Origins


def sources_note(members: Sequence[Member], origins: Origins) -> tuple[str, int, int]:
    """The note, the number of outlets and the number of independent sources."""
    by_origin: dict[str, set[str]] = defaultdict(set)
    for m in members:
        by_origin[origins.of(m.fact.article_id)].add(m.fact.source or m.fact.article_id)
    outlets = len({outlet for names in by_origin.values() for outlet in names})
    independent = len(by_origin)
    note = f"{outlets} outlet{'s' if outlets != 1 else ''}, {independent} independent source{'s' if independent != 1 else ''}"
    copies = [f"{origin}: {', '.join(sorted(names))}" for origin, names in sorted(by_origin.items())
              if len(names) > 1 or (names and origin not in names)]
    if copies and independent < outlets:
        note += " (" + "; ".join(copies) + ")"
    if independent == 1 and outlets > 1:
        note += "; all from one independent source"
    return note, outlets, independent


def excluded_facts(quarantined: Sequence[tuple[QuantFact, str]], left_out: Sequence[tuple[Member, str]]) -> list[ExcludedFact]:
    facts = [*quarantined, *((m.fact, reason) for m, reason in left_out)]
    return [ExcludedFact(fact_id=f.fact_id, article_id=f.article_id, source=f.source, value=f.value, unit=f.unit,
                         quote=f.quote, reason=reason) for f, reason in facts]
