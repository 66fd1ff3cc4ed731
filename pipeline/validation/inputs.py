"""Validation: read facts for `newsfacts validate` from a facts.jsonl written by us or by others.

Facts from elsewhere may lack an id or a quote. An id given in the input is kept; a missing one
is derived from the fact's content, so the same line always gets the same id.
"""

from __future__ import annotations

import json
from pathlib import Path

from schemas.facts import QuantFact, fact_id

from ..jsonl import read_jsonl


class FactInput(QuantFact):
    """A fact as others may write it: the id and the quote are optional."""

    fact_id: str | None = None  # type: ignore[assignment]
    quote: str = ""


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
