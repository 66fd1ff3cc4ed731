"""Validation: read facts for `newsfacts validate` from a facts.jsonl written by us or by others, and validate them.

Facts from elsewhere may lack an id or a quote. An id given in the input is kept; a missing one
is derived from the fact's content, so the same line always gets the same id. Dates must be
calendar dates (YYYY, YYYY-MM or YYYY-MM-DD, a day may carry its time), so no later check meets a year 0.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import field_validator

from schemas.facts import QuantFact, fact_id
from schemas.validation import ValidationReport

from ...ingest.jsonl import read_jsonl
from ...ingest.sources import load_articles
from ..periods import is_calendar_date
from . import validate


class FactInput(QuantFact):
    """A fact as others may write it: the id and the quote are optional."""

    fact_id: str | None = None  # type: ignore[assignment]
    quote: str = ""

    @field_validator("published", "period_start", "period_end")
    @classmethod
    def _calendar_date(cls, value: str | None) -> str | None:
        if value is not None and not is_calendar_date(value):
            raise ValueError(f"{value!r} is not a date in the calendar (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
        return value


def content_id(fact: FactInput) -> str:
    body = json.dumps(fact.model_dump(mode="json", exclude={"fact_id"}), sort_keys=True)
    return fact_id(body, prefix="v_")


def load_facts(path: Path) -> list[QuantFact]:
    """Facts from a JSON-lines file; errors name the file and the line."""
    facts = []
    for item in read_jsonl(path, FactInput):
        data = item.model_dump() | {"fact_id": item.fact_id or content_id(item)}
        facts.append(QuantFact.model_validate(data))
    return facts


def validate_file(facts_path: Path, articles: Path | None = None) -> ValidationReport:
    """Validate a facts.jsonl; with an articles folder, grounding and coverage are checked too."""
    texts = {a.article_id: a.text for a in load_articles([articles]).articles} if articles else None
    return validate(load_facts(facts_path), texts)
