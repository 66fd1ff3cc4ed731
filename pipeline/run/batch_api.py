"""Stage (runner, Batch API): send every quantity's labelling call as one OpenAI batch, at half price.

`submit()` builds the requests the prompt's labelling strategy would send live (prompt v3: one
per quantity), uploads the file, creates the batch, and saves the batch id in the store at once,
so a crash never orphans a paid batch. `wait()` polls with progress until the batch ends. Each
article then runs through the usual per-article step with a `BatchJobAsker`, which answers every
request from the batch by its `custom_id`; answers that failed or do not validate go back through
the normal path, a failed validation as a reask with the validator's message. `newsfacts batches list|resume|cancel` work on the saved ids.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from schemas.facts import Usage

from ..extract.extraction import LiveAsker, call_params
from ..extract.labelling import LabelRequest, parts_of, strategy_for
from ..extract.labelling.base import not_batchable
from ..extract.prompt_spec import LoadedPrompt
from ..ingest.sources import Article
from ..model import llm
from ..settings import Settings, without_password
from ..store.fact_store import BatchJob, Store

def build_requests(articles: list[Article], prompt: LoadedPrompt, settings: Settings) -> list[dict[str, Any]]:
    """One Batch API request for every request the prompt's strategy would send live."""
    strategy = strategy_for(prompt)
    if not strategy.batchable:
        raise not_batchable(prompt)
    params = call_params(prompt, settings)
    return [llm.batch_job_request(key, request.messages, request.response_model, settings, params, request.grammar)
            for article in articles
            for part in parts_of(article, settings.chunk_chars, settings.chunk_overlap, settings.max_quantities_per_article)
            for key, request in strategy.requests(part, prompt)]


async def submit(client: Any, articles: list[Article], prompt: LoadedPrompt, settings: Settings, store: Store,
                 run_id: str) -> BatchJob:
    """Upload and create the batch, and record it before anything else can go wrong."""
    lines = build_requests(articles, prompt, settings)
    file_id, batch_id = await llm.create_batch_job(client, lines)
    record = BatchJob(batch_id=batch_id, input_file_id=file_id, prompt=prompt.ref, model=settings.model,
                         base_url=without_password(settings.base_url), run_id=run_id, article_ids=[a.article_id for a in articles],
                         requests=len(lines), status="submitted")
    store.save_batch_job(record)
    return record


ENDED = ("failed", "expired", "cancelling", "cancelled")  # a job that will give no (more) answers
PROCESSED = ", processed"  # appended to a job's status once its answers are stored


def open_job(store: Store, prompt: LoadedPrompt, model: str, article_ids: set[str]) -> BatchJob | None:
    """A saved job for this prompt and model, not processed yet, holding some of `article_ids`: a
    run killed after creating it left it there, and it is resumed rather than paid for again."""
    for job in store.batch_jobs():
        alive = not job.status.endswith(PROCESSED) and job.status not in ENDED
        if alive and job.prompt == prompt.ref and job.model == model and article_ids.intersection(job.article_ids):
            return job
    return None


async def wait(client: Any, batch_id: str, store: Store, poll_seconds: float,
               report: Callable[[llm.BatchJobStatus], None] | None = None) -> llm.BatchJobStatus:
    """Poll until the batch ends; every status is saved and reported."""
    while True:
        status = await llm.get_batch_job(client, batch_id)
        store.set_batch_job_status(batch_id, status.status)
        if report:
            report(status)
        if status.finished:
            return status
        await asyncio.sleep(poll_seconds)


class BatchJobAsker:
    """Answers each request from the finished batch; what failed there is asked live.

    An answer that came back but does not validate is sent back as a reask that carries the
    validator's message (`llm.structured`'s one reask path); a failed request is asked afresh."""

    def __init__(self, results: list[dict[str, Any]], live: LiveAsker) -> None:
        self.results = {r.get("custom_id"): r for r in results}
        self.live = live
        self.batch_usage: dict[str, Usage] = {}
        self.sent_back: dict[str, int] = {}

    async def __call__(self, request: LabelRequest, key: str | None = None) -> llm.StructuredReply:
        result = self.results.get(key) if key is not None else None
        if result is None:
            return await self.live(request, key)
        article_id = key.split("/", 1)[0]
        answer, usage, failed = llm.read_batch_job_answer(result, llm.prepared(request.response_model), request.context)
        self.batch_usage[article_id] = self.batch_usage.get(article_id, Usage()) + usage
        if answer is not None:
            return llm.StructuredReply(answer, None, None, Usage(), 1)
        self.sent_back[article_id] = self.sent_back.get(article_id, 0) + 1
        return await self.live(request, key, failed)


async def results_of(client: Any, status: llm.BatchJobStatus) -> list[dict[str, Any]]:
    """Every result line of a finished batch: answers and errors."""
    lines: list[dict[str, Any]] = []
    for file_id in (status.output_file_id, status.error_file_id):
        if file_id:
            lines += await llm.batch_job_results(client, file_id)
    return lines
