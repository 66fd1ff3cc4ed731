"""Stage (runner, Batch API): send every quantity's labelling call as one OpenAI batch, at half price.

`submit()` builds one request per quantity (prompt v3), uploads the file, creates the batch, and
saves the batch id in the store at once, so a crash never orphans a paid batch. `wait()` polls
with progress until the batch ends. `finish()` maps the answers back by `custom_id` and runs each
article through the usual extraction, with a labeller that reads the batch's answers; quantities
whose answer failed or does not validate go back through the normal path, where instructor
reasks. `newsfacts batches list|resume|cancel` work on the saved ids.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from schemas.facts import Usage
from schemas.labels import MentionLabel, QuantityLabel, quantity_label_model

from . import guided, llm
from .chunking import split_text
from .errors import ConfigError
from .extraction import call_params
from .mentions import Mention, quantities, sentence_starts
from .prompts import LoadedPrompt, render
from .settings import Settings
from .sources import Article
from .store import BatchRecord, Store

BATCH_PROMPT_MODEL = "QuantityLabel"


def custom_id(article_id: str, offset: int, mention_id: str) -> str:
    return f"{article_id}/{offset}/{mention_id}"


def build_requests(articles: list[Article], prompt: LoadedPrompt, settings: Settings) -> list[dict[str, Any]]:
    """One Batch API request per quantity of every article part."""
    if prompt.spec.response_model != BATCH_PROMPT_MODEL:
        raise ConfigError(f"--batch-api needs a one-quantity-per-call prompt (extract_facts@3), not {prompt.name}")
    params = call_params(prompt, settings)
    lines = []
    for article in articles:
        for chunk in split_text(article.text, settings.chunk_chars, settings.chunk_overlap):
            part = article.model_copy(update={"text": chunk.text})
            starts = sentence_starts(part.text)
            for mention in quantities(part.text):
                messages = render(prompt, guided.quantity_fields(part, mention, starts))
                lines.append(llm.batch_request(custom_id(article.article_id, chunk.start, mention.id), messages,
                                               quantity_label_model(mention.unit_class), settings, params))
    return lines


async def submit(client: Any, articles: list[Article], prompt: LoadedPrompt, settings: Settings, store: Store,
                 run_id: str) -> BatchRecord:
    """Upload and create the batch, and record it before anything else can go wrong."""
    lines = build_requests(articles, prompt, settings)
    file_id, batch_id = await llm.submit_batch(client, lines)
    record = BatchRecord(batch_id=batch_id, input_file_id=file_id, prompt=prompt.ref, model=settings.model,
                         base_url=settings.base_url, run_id=run_id, article_ids=[a.article_id for a in articles],
                         requests=len(lines), status="submitted")
    store.save_batch(record)
    return record


async def wait(client: Any, batch_id: str, store: Store, poll_seconds: float,
               report: Callable[[llm.BatchStatus], None] | None = None) -> llm.BatchStatus:
    """Poll until the batch ends; every status is saved and reported."""
    while True:
        status = await llm.batch_status(client, batch_id)
        store.set_batch_status(batch_id, status.status)
        if report:
            report(status)
        if status.finished:
            return status
        await asyncio.sleep(poll_seconds)


class BatchAnswers:
    """The batch's answers by custom_id, served to extraction as a labeller."""

    def __init__(self, results: list[dict[str, Any]]) -> None:
        self.results = {r.get("custom_id"): r for r in results}
        self.batch_usage: dict[str, Usage] = {}
        self.sent_back: dict[str, int] = {}

    async def labeller(self, part: Article, mentions: list[Mention], prompt: LoadedPrompt, client: Any,
                       settings: Settings, params: llm.CallParams, offset: int = 0) -> tuple[dict[str, MentionLabel], Usage, int]:
        labels: dict[str, MentionLabel] = {}
        missing: list[Mention] = []
        for mention in mentions:
            result = self.results.get(custom_id(part.article_id, offset, mention.id))
            answer, usage = (None, Usage()) if result is None else llm.read_batch_answer(
                result, llm.prepared(quantity_label_model(mention.unit_class)), guided.label_context(mention))
            self.batch_usage[part.article_id] = self.batch_usage.get(part.article_id, Usage()) + usage
            if isinstance(answer, QuantityLabel):
                labels[mention.id] = answer.for_mention(mention.id)
            else:
                missing.append(mention)
        if not missing:
            return labels, Usage(), len(mentions)
        self.sent_back[part.article_id] = self.sent_back.get(part.article_id, 0) + len(missing)
        more, usage, attempts = await guided.label_each(part, missing, prompt, client, settings, params)
        return labels | more, usage, len(mentions) - len(missing) + attempts


async def results_of(client: Any, status: llm.BatchStatus) -> list[dict[str, Any]]:
    """Every result line of a finished batch: answers and errors."""
    lines: list[dict[str, Any]] = []
    for file_id in (status.output_file_id, status.error_file_id):
        if file_id:
            lines += await llm.batch_results(client, file_id)
    return lines
