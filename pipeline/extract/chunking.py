"""Stage (chunking): split long articles on paragraph boundaries with overlap, and merge the facts back.

A small model sees only part of a long article at a time. `split_text` cuts the text into chunks
of at most `budget` characters at the strongest boundary it can find (a blank line, then a line
end, then a sentence end, then a space, else a hard cut), and starts each chunk about `overlap`
characters before the previous one ended, so a sentence cut at one edge is whole in a neighbour.
The facts the chunks give carry full-text spans (`shift_span`); `merge_facts` drops the copies
the overlaps produce, keeping the best-grounded one, in one sweep over the facts sorted by span.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from schemas.facts import QuantFact

from schemas.primitives.textnorm import fold_text

# Strongest first; separators in one group are equally good, the latest one wins.
BOUNDARIES: tuple[tuple[str, ...], ...] = (("\n\n",), ("\n",), (". ", "? ", "! "), (" ", "\t"))
GROUNDING_RANK: dict[str | None, int] = {"exact": 0, "fuzzy": 1, "none": 2, None: 2}


@dataclass(frozen=True)
class Chunk:
    """One part of an article: `text == full_text[start:end]`."""

    index: int
    start: int
    end: int
    text: str


def _best_cut(text: str, lo: int, hi: int) -> int | None:
    """The latest offset in [lo, hi] just after the strongest kind of boundary found there."""
    for separators in BOUNDARIES:
        cuts = [at + len(sep) for sep in separators if (at := text.rfind(sep, max(lo - len(sep), 0), hi)) >= 0]
        if cuts:
            return max(cuts)
    return None


def _chunk_end(text: str, start: int, covered: int, budget: int) -> int:
    """Where the chunk starting at `start` ends: a boundary in the back half of its new text."""
    limit = start + budget
    if limit >= len(text):
        return len(text)
    cut = _best_cut(text, (covered + limit + 1) // 2, limit)
    return limit if cut is None else cut


def _next_start(text: str, start: int, end: int, overlap: int) -> int:
    """Where the chunk after [start, end) starts: a boundary `overlap` to `2 * overlap` before `end`."""
    hi = end - overlap
    cut = _best_cut(text, max(start + 1, hi - overlap), hi)
    return hi if cut is None else cut


def split_text(text: str, budget: int, overlap: int = 400) -> list[Chunk]:
    """Chunks of at most `budget` characters covering `text`, neighbours sharing about `overlap`."""
    if overlap < 0:
        raise ValueError(f"chunk overlap must not be negative, got {overlap}")
    if budget <= 0 or budget <= 2 * overlap:
        raise ValueError(
            f"chunk budget must be positive and more than twice the overlap (budget={budget}, overlap={overlap})"
        )
    chunks: list[Chunk] = []
    start = covered = 0
    while True:
        end = _chunk_end(text, start, covered, budget)
        chunks.append(Chunk(len(chunks), start, end, text[start:end]))
        if end >= len(text):
            return chunks
        start, covered = _next_start(text, start, end, overlap), end


def shift_span(span: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    """A chunk-relative span moved to full-text offsets (None stays None)."""
    return None if span is None else (span[0] + offset, span[1] + offset)


def _spans_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """One span inside the other, or sharing at least half of the shorter one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared >= 0 and 2 * shared >= min(a[1] - a[0], b[1] - b[0])


def _same_claim(a: QuantFact, b: QuantFact) -> bool:
    """Same metric and value; then the same number (both built from a marked number: "96% rejected
    the contract and 96% approved the strike" are two facts in one sentence), else overlapping
    spans, or (both without span) same unit and quote."""
    if a.metric != b.metric or not math.isclose(a.value, b.value, rel_tol=1e-6):
        return False
    if a.mention_span is not None and b.mention_span is not None:
        return tuple(a.mention_span) == tuple(b.mention_span)
    if a.span is not None and b.span is not None:
        return _spans_match(a.span, b.span)
    return a.span is None and b.span is None and a.unit == b.unit and fold_text(a.quote) == fold_text(b.quote)


def _better(facts: list[QuantFact], i: int, j: int) -> bool:
    """Whether fact `i` should replace its copy `j`: better grounded, or as good and earlier."""
    return (GROUNDING_RANK.get(facts[i].grounding, 2), i) < (GROUNDING_RANK.get(facts[j].grounding, 2), j)


def _keep(facts: list[QuantFact], i: int, candidates: list[int], kept: set[int]) -> None:
    """Add fact `i` to `kept` unless a candidate is a copy; a better copy replaces the kept one."""
    twin = next((j for j in candidates if _same_claim(facts[i], facts[j])), None)
    if twin is not None and not _better(facts, i, twin):
        return
    if twin is not None:
        kept.discard(twin)
        candidates.remove(twin)
    kept.add(i)
    candidates.append(i)


def _span(fact: QuantFact) -> tuple[int, int]:
    assert fact.span is not None
    return fact.span


def merge_facts(chunks_facts: list[list[QuantFact]]) -> list[QuantFact]:
    """The chunks' facts (spans already in full-text offsets) as one list without overlap copies.

    Facts with a span are swept in order of span start and compared only with kept facts whose
    span reaches the current start; facts without one are compared within their quote group."""
    facts = [fact for part in chunks_facts for fact in part]
    kept: set[int] = set()
    active: list[int] = []
    for i in sorted((i for i, f in enumerate(facts) if f.span is not None), key=lambda i: (_span(facts[i])[0], i)):
        active = [j for j in active if _span(facts[j])[1] >= _span(facts[i])[0]]
        _keep(facts, i, active, kept)
    by_quote: dict[tuple[str, str, str], list[int]] = {}
    for i, fact in enumerate(facts):
        if fact.span is None:
            group = by_quote.setdefault((fact.metric, fact.unit, fold_text(fact.quote)), [])
            _keep(facts, i, group, kept)
    return [facts[i] for i in sorted(kept, key=lambda i: (facts[i].span is None, (facts[i].span or (0, 0))[0], i))]
