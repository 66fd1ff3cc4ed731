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


def one_per_period(facts: list[QuantFact], text: str) -> list[QuantFact]:
    """`facts` with each fact on a number written for two periods split into one fact per period."""
    result = []
    for fact in facts:
        periods = periods_shared(text, *fact.mention_span) if fact.mention_span else []
        if not periods:
            result.append(fact)
            continue
        result.append(fact.model_copy(update={"period_text": periods[0]}))
        result.extend(fact.model_copy(update={"period_text": period, "fact_id": fact_id(fact.fact_id, period)})
                      for period in periods[1:])
    return result
