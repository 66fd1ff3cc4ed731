"""Stage (checks): coverage — the quantities in an article that no fact accounts for.

The mention scanner finds every quantity; a quantity is accounted for when a fact was built from
it (prompt v2) or when a fact's span contains it and the fact's value is that quantity (prompt
v1). What is left is listed in one `coverage` finding per article, with the model's reason when
it declined the number, so a reader can see what the extraction passed over.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from schemas.facts import Finding, QuantFact

from .mentions import Mention, quantities

CHECK = "coverage"
LISTED = 12


def _same(a: float, b: float | None) -> bool:
    return b is not None and math.isclose(abs(a), abs(b), rel_tol=0.005)


def accounted_for(mention: Mention, facts: list[QuantFact]) -> bool:
    """True when some fact was built from this mention or states its number inside its span."""
    for fact in facts:
        if getattr(fact, "mention_span", None) in ((mention.start, mention.end), [mention.start, mention.end]):
            return True
        inside = fact.span is not None and fact.span[0] <= mention.start and mention.end <= fact.span[1]
        if inside and (_same(fact.value, mention.value) or _same(fact.value, mention.value_max)):
            return True
    return False


def _describe(mention: Mention, reasons: Mapping[tuple[int, int], str]) -> str:
    reason = reasons.get((mention.start, mention.end))
    return f"«{mention.text}»" + (f" (model: {reason})" if reason else "")


def check_article_coverage(
    article_id: str, text: str, facts: list[QuantFact], reasons: Mapping[tuple[int, int], str] | None = None,
) -> list[Finding]:
    """One info finding listing the quantities that no fact accounts for, or none.

    `reasons` maps a mention's (start, end) to the model's reason for declining it."""
    mentions = quantities(text)
    missing = [m for m in mentions if not accounted_for(m, facts)]
    if not missing:
        return []
    listed = "; ".join(_describe(m, reasons or {}) for m in missing[:LISTED])
    more = f"; and {len(missing) - LISTED} more" if len(missing) > LISTED else ""
    return [Finding(
        check=CHECK, severity="info", article_id=article_id,
        message=f"{len(missing)} of {len(mentions)} quantities are in no fact: {listed}{more}",
    )]
