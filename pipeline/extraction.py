"""Stage (extraction): one article in, ArticleFacts out.

Renders the article's prompt, asks the model for the prompt's response model, turns each
extracted fact into a provenance-carrying QuantFact, and grounds it in the article text. When the
model never passes validation, its last answer is re-read fact by fact: facts that pass are kept,
facts that only parse are kept unverified with a finding, and nothing is dropped silently.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel, ValidationError

from schemas.extraction import ExtractedFact, ExtractionResult, claims_a_fact
from schemas.facts import ArticleFacts, Finding, QuantFact

from . import llm
from .grounding import ground_facts
from .prompts import LoadedPrompt, render
from .settings import Settings
from .sources import Article

RESPONSE_MODELS: dict[str, type[BaseModel]] = {"ExtractionResult": ExtractionResult}
DEFAULT_MAX_TOKENS = 1536


def prompt_fields(article: Article) -> dict[str, str | None]:
    """The template fields a prompt may use for one article."""
    return {
        "text": article.text, "title": article.title, "source": article.source,
        "published": article.published, "url": article.url, "article_id": article.article_id,
    }


def call_params(prompt: LoadedPrompt, settings: Settings) -> llm.CallParams:
    """Sampling parameters: the prompt's, with --max-tokens taking precedence."""
    max_tokens = settings.max_tokens or prompt.spec.params.max_tokens or DEFAULT_MAX_TOKENS
    return llm.CallParams(temperature=prompt.spec.params.temperature, max_tokens=max_tokens)


async def extract(article: Article, prompt: LoadedPrompt, client: Any, settings: Settings, run_id: str) -> ArticleFacts:
    """Extract, attach provenance and ground every fact of one article."""
    context = {"article_text": article.text}
    reply = await llm.structured(
        client, render(prompt, prompt_fields(article)), RESPONSE_MODELS[prompt.spec.response_model],
        context, settings, call_params(prompt, settings),
    )
    findings: list[Finding] = []
    if isinstance(reply.output, ExtractionResult):
        extracted = reply.output.facts
        if reply.output.ignored:
            findings.append(Finding(
                check="extraction", severity="info", article_id=article.article_id,
                message=f"{reply.output.ignored} items the model returned state no fact (no quantity or no measure) and were left out",
            ))
    else:
        extracted, findings = salvage(reply.raw_text, reply.last_error, context, article.article_id)
    facts = [to_quant_fact(f, i, article, prompt.ref, settings.model, run_id) for i, f in enumerate(extracted)]
    grounded, grounding_findings = ground_facts(facts, article.text)
    return ArticleFacts(
        article_id=article.article_id, facts=grounded, findings=findings + grounding_findings,
        prompt=prompt.ref, model=settings.model, usage=reply.usage, attempts=reply.attempts,
    )


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


def fact_id(article_id: str, prompt_ref: str, model: str, index: int, fact: ExtractedFact) -> str:
    """Stable id: the same article, prompt, model and answer give the same id."""
    key = "|".join([article_id, prompt_ref, model, str(index), fact.quote, fact.metric, repr(fact.value)])
    return "f_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def to_quant_fact(fact: ExtractedFact, index: int, article: Article, prompt_ref: str, model: str, run_id: str) -> QuantFact:
    """Attach provenance to an extracted fact. Span and grounding are set by the grounding stage."""
    return QuantFact(
        fact_id=fact_id(article.article_id, prompt_ref, model, index, fact),
        article_id=article.article_id, source=article.source, url=article.url, published=article.published,
        entity=fact.entity, metric=fact.metric, metric_label=fact.metric_label,
        value=fact.value, value_max=fact.value_max, unit=fact.unit, qualifier=fact.qualifier,
        period_text=fact.period_text, status=fact.status, attribution=fact.attribution,
        quote=fact.quote, prompt=prompt_ref, model=model, run_id=run_id,
    )
