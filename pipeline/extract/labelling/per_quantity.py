"""Stage (extraction, labelling): prompt v3 — one call per quantity, live or as one Batch API job.

Each call shows one quantity marked in its sentence, with the text before it, and limits the
metric to those of its unit class; no quantity can be skipped, except those that only join a
phrase, which are settled by rule (`Part.settled`) and never asked about. Every request can be built before
any answer is in, so the same requests go out one by one or as one batch (`requests`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, TYPE_CHECKING

from schemas.facts import Usage
from schemas.labels import MentionLabel, QuantityLabel, metrics_for, quantity_label_model

from ..mentions import Mention, preceding_start, sentence_starts
from ..prompt_spec import LoadedPrompt, render
from .base import PRECEDING_SENTENCES, Asker, LabelRequest, Part, PartResult, Provenance, article_context, still_invalid
from .marked import call_fields, mark_text
from .mention_facts import kind_of, measured, must_be_fact, part_from_labels

if TYPE_CHECKING:
    from ...ingest.sources import Article


def quantity_fields(article: Article, mention: Mention, starts: list[int]) -> dict[str, str | None]:
    """Template fields for asking about one quantity: its marked sentence and the text before it."""
    first = preceding_start(starts, mention.sentence_start, PRECEDING_SENTENCES)
    text = article.text
    sentence = (text[mention.sentence_start:mention.start] + "⟦" + mention.text + "⟧"
                + text[mention.end:mention.sentence_end])
    kind = kind_of(mention)
    return {
        "title": article.title, "source": article.source, "published": article.published, "url": article.url,
        "article_id": article.article_id, "preceding": text[first:mention.sentence_start].strip() or "(start of the article)",
        "sentence": sentence.strip(), "quantity": mention.text, "quantity_kind": kind,
        "metrics": ", ".join(metrics_for(mention.unit_class)),
    }


def label_context(mention: Mention, article: Article) -> dict[str, Any]:
    """What the one-quantity label validators need to know: the article (`article_context`), the
    quantity, and the quantity measured in its sentence, for the metric checks."""
    return {**article_context(article), "required": must_be_fact(mention), "words": mention.text,
            "measured": measured(mention, article.text)}


def quantity_request(prompt: LoadedPrompt, article: Article, mention: Mention, starts: list[int]) -> LabelRequest:
    """The one request about `mention`, the same whether it is sent live or in a batch."""
    return LabelRequest(render(prompt, quantity_fields(article, mention, starts)), quantity_label_model(mention.unit_class),
                        label_context(mention, article))


class PerQuantity:
    """Prompt v3: one call per quantity; a label that fails validation is reasked, and one still
    invalid after the last reask fails the article (`validation_failed`, retried on the next run)."""

    response_model: ClassVar[str] = "QuantityLabel"
    batchable: ClassVar[bool] = True
    labels_mentions: ClassVar[bool] = True

    def first_messages(self, prompt: LoadedPrompt, article: Article) -> list[dict[str, str]]:
        part = Part(article, 0)
        if not part.asked:
            return render(prompt, call_fields(article, mark_text(article.text, []), [], {}))
        return quantity_request(prompt, article, part.asked[0], sentence_starts(article.text)).messages

    def requests(self, part: Part, prompt: LoadedPrompt) -> Iterator[tuple[str, LabelRequest]]:
        starts = sentence_starts(part.article.text)
        for mention in part.asked:
            yield part.key(mention.id), quantity_request(prompt, part.article, mention, starts)

    async def extract_part(self, part: Part, prompt: LoadedPrompt, ask: Asker, stamp: Provenance) -> PartResult:
        if not part.mentions:
            return PartResult(facts=[])
        labels: dict[str, MentionLabel] = {}
        usage, attempts = Usage(), 0
        for (key, request), mention in zip(self.requests(part, prompt), part.asked):
            reply = await ask(request, key)
            usage, attempts = usage + reply.usage, attempts + reply.attempts
            if not isinstance(reply.output, QuantityLabel):
                raise still_invalid(reply, f"quantity {mention.id} «{mention.text}»", usage)
            labels[mention.id] = reply.output.for_mention(mention.id)
        return part_from_labels(part, labels, usage, attempts, stamp)
