"""Stage (extraction, labelling): prompt v1 — the model writes whole facts, the schema checks them.

The schema validators (`schemas.extraction`) check each fact against the article and word their
errors for the model, which is reasked through the one reask path (`llm.structured`). An answer
that still fails validation after the last reask fails the article as `validation_failed` (retried
on the next run), with the last answer and the validator's message kept for review.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, TYPE_CHECKING

from schemas.extraction import ExtractedFact, ExtractionResult
from schemas.facts import Finding, QuantFact, fact_id

from ..prompt_spec import LoadedPrompt, render
from .base import Asker, LabelRequest, Part, PartResult, Provenance, article_context, not_batchable, still_invalid

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
        raise not_batchable(prompt)

    async def extract_part(self, part: Part, prompt: LoadedPrompt, ask: Asker, stamp: Provenance) -> PartResult:
        context = {"article_text": part.article.text, **article_context(part.article)}
        reply = await ask(LabelRequest(self.first_messages(prompt, part.article), ExtractionResult, context))
        if not isinstance(reply.output, ExtractionResult):
            raise still_invalid(reply, "the article's facts", reply.usage)
        findings: list[Finding] = []
        if reply.output.ignored:
            findings.append(Finding(
                check="extraction", severity="info", article_id=part.article.article_id,
                message=f"{reply.output.ignored} items the model returned state no fact (no quantity or no measure) and were left out",
            ))
        facts = [to_quant_fact(f, i, part.article, stamp) for i, f in enumerate(reply.output.facts)]
        return PartResult(facts, findings, reply.usage, reply.attempts)


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
