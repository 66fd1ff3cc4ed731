"""Stage (extraction): one article in, ArticleFacts out.

Long articles are split on paragraph boundaries (chunking) and each part is sent on its own. For
prompt v1 the model writes whole facts, re-checked by the schema validators; for prompt v2 the
model labels quantities that code has parsed (guided). The parts' facts are merged, grounded in
the full text, and checked for coverage. When the model never passes validation, its last answer
is re-read fact by fact: facts that pass are kept, facts that only parse are kept unverified with a
finding, and nothing is dropped silently.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import ValidationError

from schemas.extraction import ExtractedFact, ExtractionResult, claims_a_fact
from schemas.facts import ArticleFacts, Finding, QuantFact, Usage
from schemas.labels import MentionLabel

from . import guided, llm
from .chunking import merge_facts, split_text
from .coverage import check_coverage
from .entities import fill_entities
from .grounding import ground_facts
from .mentions import quantities, sentence_starts
from .prompts import LoadedPrompt, render
from .settings import Settings
from .sources import Article

DEFAULT_MAX_TOKENS = 1536
# (part, mentions, prompt, client, settings, params, offset) -> (labels by mention id, usage, attempts)
Labeller = Callable[..., Awaitable[tuple[dict[str, MentionLabel], Usage, int]]]
GUIDED_MODELS = {"MentionLabels", "QuantityLabel"}


@dataclass
class PartResult:
    """What one part (chunk) of an article gave."""

    facts: list[QuantFact]
    findings: list[Finding] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    attempts: int = 0
    reasons: dict[tuple[int, int], str] = field(default_factory=dict)


def prompt_fields(article: Article) -> dict[str, str | None]:
    """The template fields a prompt may use for one article."""
    return {
        "text": article.text, "title": article.title, "source": article.source,
        "published": article.published, "url": article.url, "article_id": article.article_id,
    }


def first_messages(prompt: LoadedPrompt, article: Article) -> list[dict[str, str]]:
    """The exact messages of the first call for `article` (what `prompts render` shows)."""
    mentions = quantities(article.text)
    if prompt.spec.response_model == "QuantityLabel" and mentions:
        return render(prompt, guided.quantity_fields(article, mentions[0], sentence_starts(article.text)))
    if prompt.spec.response_model in GUIDED_MODELS:
        return render(prompt, guided.call_fields(article, guided.mark_text(article.text, mentions), mentions, {}))
    return render(prompt, prompt_fields(article))


def call_params(prompt: LoadedPrompt, settings: Settings) -> llm.CallParams:
    """Sampling parameters: the prompt's, with --max-output-tokens taking precedence."""
    max_tokens = settings.max_output_tokens or prompt.spec.params.max_tokens or DEFAULT_MAX_TOKENS
    return llm.CallParams(temperature=prompt.spec.params.temperature, max_tokens=max_tokens)


async def extract(article: Article, prompt: LoadedPrompt, client: Any, settings: Settings, run_id: str,
                  labeller: Labeller | None = None) -> ArticleFacts:
    """Extract, attach provenance, ground and check coverage for one article.

    `labeller` replaces the mention-guided prompts' model calls (the Batch API path uses it)."""
    parts = []
    for chunk in split_text(article.text, settings.chunk_chars, settings.chunk_overlap):
        part = article.model_copy(update={"text": chunk.text})
        parts.append(await _extract_part(part, chunk.start, prompt, client, settings, run_id, labeller))
    facts, named = fill_entities(merge_facts([p.facts for p in parts]), article.article_id)
    facts, grounding = ground_facts(facts, article.text)
    reasons = {span: reason for p in parts for span, reason in p.reasons.items()}
    findings = [f for p in parts for f in p.findings] + named + grounding
    findings += check_coverage(article.article_id, article.text, facts, reasons)
    return ArticleFacts(
        article_id=article.article_id, facts=facts, findings=findings, prompt=prompt.ref, model=settings.model,
        usage=sum((p.usage for p in parts), Usage()), attempts=sum(p.attempts for p in parts),
    )


async def _extract_part(part: Article, offset: int, prompt: LoadedPrompt, client: Any, settings: Settings, run_id: str,
                        labeller: Labeller | None) -> PartResult:
    params = call_params(prompt, settings)
    if prompt.spec.response_model in GUIDED_MODELS:
        mentions = quantities(part.text)
        if not mentions:
            return PartResult(facts=[])
        label = labeller or (guided.label_each if prompt.spec.response_model == "QuantityLabel" else guided.label_mentions)
        labels, usage, attempts = await label(part, mentions, prompt, client, settings, params, offset)
        facts, findings = guided.facts_from_labels(mentions, labels, part, prompt.ref, settings.model, run_id, offset)
        reasons = {(m.start + offset, m.end + offset): labels[m.id].reason or "not a fact"
                   for m in mentions if m.id in labels and not labels[m.id].is_fact}
        return PartResult(facts, findings, usage, attempts, reasons)
    return await _extract_whole_facts(part, prompt, client, settings, run_id, params)


async def _extract_whole_facts(part: Article, prompt: LoadedPrompt, client: Any, settings: Settings, run_id: str, params: llm.CallParams) -> PartResult:
    """Prompt v1: the model writes each fact; the schema validators check it against the text."""
    context = {"article_text": part.text}
    reply = await llm.structured(client, first_messages(prompt, part), ExtractionResult, context, settings, params)
    findings: list[Finding] = []
    if isinstance(reply.output, ExtractionResult):
        extracted = reply.output.facts
        if reply.output.ignored:
            findings.append(Finding(
                check="extraction", severity="info", article_id=part.article_id,
                message=f"{reply.output.ignored} items the model returned state no fact (no quantity or no measure) and were left out",
            ))
    else:
        extracted, findings = salvage(reply.raw_text, reply.last_error, context, part.article_id)
    facts = [to_quant_fact(f, i, part, prompt.ref, settings.model, run_id) for i, f in enumerate(extracted)]
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
