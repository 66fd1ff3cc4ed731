"""Stage (extraction, labelling): prompt v1 — the model writes whole facts, the schema checks them.

The schema validators (`schemas.extraction`) check each fact against the article and word their
errors for the model, which is reasked through the one reask path (`llm.structured`). When the
model never passes validation, its last answer is re-read fact by fact: facts that pass are kept,
facts that only parse are kept unverified with a finding, and nothing is dropped silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, ClassVar, TYPE_CHECKING

from pydantic import ValidationError

from schemas.extraction import ExtractedFact, ExtractionResult, claims_a_fact
from schemas.facts import Finding, QuantFact, fact_id
from schemas.primitives.scripts import scripts_in

from ...errors import ConfigError
from ..prompt_spec import LoadedPrompt, render
from .base import Asker, LabelRequest, Part, PartResult, Provenance

if TYPE_CHECKING:
    from ...ingest.sources import Article


def prompt_fields(article: Article) -> dict[str, str | None]:
    """The template fields a prompt may use for one article."""
    return {
        "text": article.text, "title": article.title, "source": article.source,
        "published": article.published, "url": article.url, "article_id": article.article_id,
    }


class FreeExtraction:
    """Prompt v1: one call per part; the model writes each fact and the validators check it."""

    response_model: ClassVar[str] = "ExtractionResult"
    batchable: ClassVar[bool] = False
    labels_mentions: ClassVar[bool] = False

    def first_messages(self, prompt: LoadedPrompt, article: Article) -> list[dict[str, str]]:
        return render(prompt, prompt_fields(article))

    def requests(self, part: Part, prompt: LoadedPrompt) -> Iterator[tuple[str, LabelRequest]]:
        raise ConfigError(f"--batch-api needs a one-quantity-per-call prompt (extract_facts@3), not {prompt.name}")

    async def extract_part(self, part: Part, prompt: LoadedPrompt, ask: Asker, stamp: Provenance) -> PartResult:
        context = {"article_text": part.article.text, "scripts": scripts_in(part.article.text)}
        reply = await ask(LabelRequest(self.first_messages(prompt, part.article), ExtractionResult, context))
        findings: list[Finding] = []
        if isinstance(reply.output, ExtractionResult):
            extracted = reply.output.facts
            if reply.output.ignored:
                findings.append(Finding(
                    check="extraction", severity="info", article_id=part.article.article_id,
                    message=f"{reply.output.ignored} items the model returned state no fact (no quantity or no measure) and were left out",
                ))
        else:
            extracted, findings = salvage(reply.raw_text, reply.last_error, context, part.article.article_id)
        facts = [to_quant_fact(f, i, part.article, stamp) for i, f in enumerate(extracted)]
        return PartResult(facts, findings, reply.usage, reply.attempts)


def salvage(raw_text: str | None, last_error: str | None, context: dict[str, Any], article_id: str) -> tuple[list[ExtractedFact], list[Finding]]:
    """Re-read a final answer that failed validation, one fact at a time."""
    note = Finding(
        check="extraction", severity="warning", article_id=article_id,
        message=f"model output failed validation on every attempt; facts kept for review. Last error: {_first_line(last_error)}",
    )
    try:
        items = json.loads(raw_text or "").get("facts", [])
    except (ValueError, AttributeError):
        return [], [note.model_copy(update={"severity": "error", "message": "model output is not a JSON object with 'facts'"})]
    kept: list[ExtractedFact] = []
    findings = [note]
    for item in items if isinstance(items, list) else []:
        if not claims_a_fact(item):
            continue
        fact, problem = _validate_item(item, context)
        if fact is not None:
            kept.append(fact)
        if problem:
            findings.append(Finding(check="extraction", severity="warning", article_id=article_id, message=problem))
    return kept, findings


def _validate_item(item: Any, context: dict[str, Any]) -> tuple[ExtractedFact | None, str | None]:
    try:
        return ExtractedFact.model_validate(item, context=context), None
    except ValidationError as strict_error:
        reason = _first_line(str(strict_error.errors()[0]["msg"]))
    try:
        return ExtractedFact.model_validate(item), f"fact kept unverified: {reason}"
    except ValidationError:
        return None, f"model output item dropped, it does not fit the schema: {reason}: {str(item)[:160]}"


def _first_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0][:300] if text and text.strip() else "unknown"


def to_quant_fact(fact: ExtractedFact, index: int, article: Article, stamp: Provenance) -> QuantFact:
    """Attach provenance to an extracted fact. Span and grounding are set by the grounding stage.

    Its id: the same article, prompt, model and answer give the same id."""
    return QuantFact(
        fact_id=fact_id(article.article_id, stamp.prompt_ref, stamp.model, str(index), fact.quote, fact.metric, repr(fact.value)),
        article_id=article.article_id, source=article.source, url=article.url, published=article.published,
        entity=fact.entity, metric=fact.metric, metric_label=fact.metric_label,
        value=fact.value, value_max=fact.value_max, unit=fact.unit, qualifier=fact.qualifier,
        period_text=fact.period_text, status=fact.status, attribution=fact.attribution,
        quote=fact.quote, prompt=stamp.prompt_ref, model=stamp.model, run_id=stamp.run_id,
    )
