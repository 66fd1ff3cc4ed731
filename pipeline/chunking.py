"""Stage (chunking): split long articles on paragraph boundaries with overlap, and merge the facts back.

An article longer than the character budget is cut into parts at the best boundary available (a
blank line, then a line end, then a sentence end, then a space), with a little overlap so a
sentence cut at one edge is whole in the neighbouring part. Facts from the parts carry spans in
the full text; `merge_facts` removes the copies that the overlaps produce.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from schemas.facts import QuantFact

from .textnorm import normalize

BOUNDARIES = ("\n\n", "\n", ". ", "? ", "! ", " ")
GROUNDING_RANK = {"exact": 0, "fuzzy": 1, "none": 2, None: 3}


@dataclass(frozen=True)
class Chunk:
    index: int
    start: int
    end: int
    text: str


def _cut_before(text: str, start: int, limit: int) -> int:
    """The best boundary in text[start:limit], as the offset just after it; `limit` if none."""
    for boundary in BOUNDARIES:
        at = text.rfind(boundary, start + 1, limit)
        if at > start:
            return at + len(boundary)
    return limit


def split_text(text: str, budget: int, overlap: int = 400) -> list[Chunk]:
    """Parts of at most `budget` characters covering `text`, neighbours sharing about `overlap`."""
    if budget <= 0 or budget <= 2 * overlap:
        raise ValueError(f"chunk budget {budget} must be positive and more than twice the overlap {overlap}")
    chunks: list[Chunk] = []
    start = 0
    while True:
        end = len(text) if len(text) - start <= budget else _cut_before(text, start, start + budget)
        chunks.append(Chunk(len(chunks), start, end, text[start:end]))
        if end >= len(text):
            return chunks
        next_start = _cut_before(text, start, end - overlap) if end - overlap > start else end
        start = next_start if start < next_start < end else end


def shift_span(span: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    return None if span is None else (span[0] + offset, span[1] + offset)


def _same_fact(a: QuantFact, b: QuantFact) -> bool:
    if a.metric != b.metric or not math.isclose(a.value, b.value, rel_tol=1e-6):
        return False
    if a.span and b.span:
        shared = min(a.span[1], b.span[1]) - max(a.span[0], b.span[0])
        shorter = min(a.span[1] - a.span[0], b.span[1] - b.span[0])
        return shared > 0 and shared >= 0.5 * shorter
    return a.span is None and b.span is None and a.unit == b.unit and normalize(a.quote) == normalize(b.quote)


def merge_facts(parts: list[list[QuantFact]]) -> list[QuantFact]:
    """One list of facts from all parts, copies from overlapping parts removed (grounded kept).

    Only facts with the same metric and value can be copies, so facts are compared within
    those groups, never all pairs."""
    ranked = sorted((f for part in parts for f in part), key=lambda f: GROUNDING_RANK.get(f.grounding, 3))
    groups: dict[tuple[str, str], list[QuantFact]] = {}
    for fact in ranked:
        group = groups.setdefault((fact.metric, f"{fact.value:.6g}"), [])
        if not any(_same_fact(fact, other) for other in group):
            group.append(fact)
    kept = [f for group in groups.values() for f in group]
    return sorted(kept, key=lambda f: (f.span is None, f.span[0] if f.span else 0))
