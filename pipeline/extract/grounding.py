"""Stage (grounding): locate each fact's quote in the article and check its number.

A fact is only as good as the sentence it came from. For every fact we look for its quote in the
article: verbatim, then verbatim after normalization (curly vs straight quotes, collapsed
whitespace, invisible characters), then fuzzily with rapidfuzz. The quote's offsets in the
ORIGINAL article become the fact's `span`. Then the fact's value must be a number written in
that slice of the article. Facts are never dropped: a fact that fails either test keeps its
place with `grounding="none"` and an error finding that says why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from pipeline.extract.mentions import scan
from schemas.primitives.numbers import find_numbers, value_in_text
from schemas.primitives.textnorm import fold_text, fold_with_map, original_span
from schemas.facts import Finding, QuantFact

CHECK = "grounding"
MIN_COVERAGE = 0.8  # a fuzzy alignment must span at least this share of the quote
QUOTE_PREVIEW = 80


@dataclass(frozen=True)
class QuoteLocation:
    """Where a quote sits in the original article, and how it was found."""

    start: int | None
    end: int | None
    method: Literal["exact", "fuzzy", "none"]
    score: float

    @property
    def found(self) -> bool:
        return self.method != "none"


NOT_FOUND = QuoteLocation(None, None, "none", 0.0)


def locate_quote(text: str, quote: str, min_score: float = 90.0) -> QuoteLocation:
    """Find `quote` in `text`: exact, exact after normalization, fuzzy, or not at all."""
    needle = quote.strip()
    if not needle:
        return NOT_FOUND
    index = text.find(needle)
    if index >= 0:
        return QuoteLocation(index, index + len(needle), "exact", 100.0)
    ntext, offsets = fold_with_map(text)
    nquote = fold_text(needle)
    if not nquote:
        return NOT_FOUND
    nindex = ntext.find(nquote)
    if nindex >= 0:
        start, end = original_span(offsets, len(text), nindex, nindex + len(nquote))
        return QuoteLocation(start, end, "exact", 100.0)
    return _fuzzy_locate(ntext, offsets, len(text), nquote, min_score)


def _fuzzy_locate(
    ntext: str, offsets: list[int], text_len: int, nquote: str, min_score: float
) -> QuoteLocation:
    """Best fuzzy alignment of the normalized quote in the normalized text, if good enough."""
    window = _best_window(ntext, nquote, min_score)
    if window is None:
        return NOT_FOUND
    nstart, nend, score = window
    if nend - nstart < MIN_COVERAGE * len(nquote):
        return NOT_FOUND
    start, end = original_span(offsets, text_len, nstart, nend)
    return QuoteLocation(start, end, "fuzzy", round(score, 1))


def _best_window(ntext: str, nquote: str, min_score: float) -> tuple[int, int, float] | None:
    """The [start, end) window of `ntext` most like `nquote`, snapped to word edges, and its score.

    partial_ratio slides a quote-sized window, so a misquote that is shorter or longer than the
    original cuts a word at an edge; each edge is moved to whichever word edge fits better. A
    quote longer than the whole text is compared with the whole text instead, so that an article
    contained in a longer invented quote does not score 100.
    """
    if len(nquote) > len(ntext):
        score = fuzz.ratio(nquote, ntext)
        return (0, len(ntext), score) if score >= min_score else None
    alignment = fuzz.partial_ratio_alignment(nquote, ntext, score_cutoff=min_score)
    if alignment is None or alignment.score < min_score:
        return None
    start, end = alignment.dest_start, alignment.dest_end
    start = _snap(ntext, nquote, start, end, at_start=True)
    end = _snap(ntext, nquote, start, end, at_start=False)
    return start, end, alignment.score


def _snap(ntext: str, nquote: str, start: int, end: int, at_start: bool) -> int:
    """Move one edge of the window out of the middle of a word, to the better-fitting side."""
    edge = start if at_start else end
    if not (0 < edge < len(ntext) and ntext[edge - 1].isalnum() and ntext[edge].isalnum()):
        return edge
    left, right = edge, edge
    while left > 0 and ntext[left - 1].isalnum():
        left -= 1
    while right < len(ntext) and ntext[right].isalnum():
        right += 1
    if at_start:
        return max((left, right), key=lambda s: fuzz.ratio(nquote, ntext[s:end]))
    return max((right, left), key=lambda e: fuzz.ratio(nquote, ntext[start:e]))


def ground_facts(facts: list[QuantFact], text: str) -> tuple[list[QuantFact], list[Finding]]:
    """Ground every fact against the article text; same facts, same order, plus findings."""
    grounded: list[QuantFact] = []
    findings: list[Finding] = []
    for fact in facts:
        new_fact, fact_findings = ground_fact(fact, text)
        grounded.append(new_fact)
        findings.extend(fact_findings)
    return grounded, findings


def _given_span(fact: QuantFact, text: str) -> QuoteLocation | None:
    """The fact's own span, when it already points at its quote (facts built from mentions)."""
    if fact.span is None:
        return None
    start, end = fact.span
    if not 0 <= start < end <= len(text):
        return None
    passage = text[start:end]
    if passage == fact.quote or fold_text(passage) == fold_text(fact.quote):
        return QuoteLocation(start, end, "exact", 100.0)
    return None


def value_written(value: float, passage: str) -> bool:
    """True when `value` is a number in `passage`, including vague amounts ("several billion")."""
    if value_in_text(value, passage):
        return True
    candidates = [v for m in scan(passage) for v in (m.value, m.value_max) if v is not None]
    return any(math.isclose(abs(value), abs(v), rel_tol=0.005) for v in candidates)


def ground_fact(fact: QuantFact, text: str) -> tuple[QuantFact, list[Finding]]:
    """Locate one fact's quote, record its span and grounding, and check its value(s)."""
    location = _given_span(fact, text) or locate_quote(text, fact.quote)
    if not location.found or location.start is None or location.end is None:
        return _update(fact, None, "none"), [_finding(fact, "error", _not_found_message(fact))]
    span = (location.start, location.end)
    findings: list[Finding] = []
    if location.method == "fuzzy":
        findings.append(_finding(fact, "info", _fuzzy_message(fact, location)))
    passage = text[location.start:location.end]
    missing = [v for v in _values(fact) if not value_written(v, passage)]
    if missing:
        findings.append(_finding(fact, "error", _value_message(fact, missing, passage)))
        return _update(fact, span, "none"), findings
    return _update(fact, span, location.method), findings


def _values(fact: QuantFact) -> list[float]:
    return [fact.value] if fact.value_max is None else [fact.value, fact.value_max]


def _update(
    fact: QuantFact, span: tuple[int, int] | None, grounding: Literal["exact", "fuzzy", "none"]
) -> QuantFact:
    return fact.model_copy(update={"span": span, "grounding": grounding})


def _finding(fact: QuantFact, severity: Literal["info", "error"], message: str) -> Finding:
    return Finding(
        check=CHECK, severity=severity, fact_ids=[fact.fact_id],
        article_id=fact.article_id, message=message,
    )


def _preview(quote: str) -> str:
    text = " ".join(quote.split())
    return repr(text if len(text) <= QUOTE_PREVIEW else text[:QUOTE_PREVIEW] + "...")


def _not_found_message(fact: QuantFact) -> str:
    return (
        f"quote {_preview(fact.quote)} is not in the article "
        f"(no exact, normalized or fuzzy match); the fact is unverified"
    )


def _fuzzy_message(fact: QuantFact, location: QuoteLocation) -> str:
    return (
        f"quote {_preview(fact.quote)} matches the article only approximately "
        f"(similarity {location.score:.1f}/100) at characters {location.start}-{location.end}"
    )


def _value_message(fact: QuantFact, missing: list[float], passage: str) -> str:
    written = ", ".join(f"{m.text!r} ({m.value:g})" for m in find_numbers(passage)) or "no numbers"
    values = " and ".join(f"{v:g}" for v in missing)
    return (
        f"value {values} {fact.unit} is not written in quote {_preview(fact.quote)}; "
        f"the quote has {written}; the fact is unverified"
    )
