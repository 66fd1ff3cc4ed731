"""Stage (extraction, after the parts are merged): one fact for each period a number is written for.

"Unemployment revised higher to 4.4% in 2024 and 2025" states two figures, one a year, with one
number. A single fact would carry only one of the years, and the other year's figure could never
be checked against another source. So a fact built on a scanned number that the text writes for
two periods (`mention_periods.periods_shared`) becomes two facts, alike but for the period; the
second has its own id. A model's period that is neither of the two gives way to the text's words.
This runs after the parts are merged, so the copies are never taken for one fact read twice.
"""

from __future__ import annotations

from schemas.facts import QuantFact, fact_id

from .mention_periods import periods_shared


def copies(first_id: str, periods: list[str]) -> list[dict[str, str]]:
    """The id and period of each fact one number gives: the first keeps the fact's id."""
    return [{"fact_id": first_id if n == 0 else fact_id(first_id, period), "period_text": period}
            for n, period in enumerate(periods)]


def one_per_period(facts: list[QuantFact], text: str) -> list[QuantFact]:
    """`facts` with each fact on a number written for two periods split into one fact per period."""
    result = []
    for fact in facts:
        periods = periods_shared(text, *fact.mention_span) if fact.mention_span else []
        result.extend([fact.model_copy(update=update) for update in copies(fact.fact_id, periods)] or [fact])
    return result
