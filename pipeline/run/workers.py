"""Stage (runner engine): the async work of one run — stream the articles, keep the model busy.

A producer streams articles from disk, records each in the store and skips what is done; a pool
of workers extracts the rest, one article at a time each, through one model client whose
requests all pass the run's throttle. A 401 stops every worker; a spent budget defers the rest.
The Batch API path collects the articles instead, sends them as one Batch API job, and finishes
each article from its answers. `runner.py` sets a run up and writes its outputs.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from schemas.facts import Finding, Usage

from ..errors import AuthError
from ..extract.extraction import LiveAsker, call_params
from ..extract.labelling import Asker
from ..extract.prompt_spec import LoadedPrompt
from ..ingest.files import LoadProblem
from ..ingest.sources import Article, iter_articles
from ..model.endpoint import LazyEndpoint
from ..settings import Settings
from ..store.fact_store import Store
from . import batch_api
from .article_step import ArticleResult, process_article, store_result
from .pricing import Budget, cost_of
from .progress import Progress


class ArticleOutcome(BaseModel):
    """What happened to one input file in one run."""

    path: str
    article_id: str | None = None
    status: str
    facts: int = 0
    grounded: int = 0
    seconds: float = 0.0
    usage: Usage = Field(default_factory=Usage)
    error: str | None = None
    cost: float | None = Field(None, description="US dollars, when the model's price is known")


async def _process_one(article: Article, state: RunState, ask: Asker | None = None) -> ArticleOutcome:
    """The per-article step and the store step for one article of this run, as an outcome."""
    started = time.monotonic()
    client, live = await state.endpoint.get()
    result = await process_article(article, state.prompt, client, live, state.run_id, ask)
    store_result(state.store, result, state.prompt, live.model, state.run_id)
    return outcome_of(article, result, time.monotonic() - started)


async def _claimed(article: Article, state: RunState) -> ArticleOutcome:
    """The article processed under this run's lease on it; skipped if another runner holds it or did it."""
    key = (article.article_id, state.prompt.ref, state.settings.model)
    if not state.store.claim(*key, state.run_id, state.settings.lease_seconds):
        return ArticleOutcome(path=article.path, article_id=article.article_id, status="skipped",
                              error="another runner on this store is working on it")
    try:
        if state.store.is_done(*key) and not (state.settings.force or state.settings.record):
            return ArticleOutcome(path=article.path, article_id=article.article_id, status="skipped")
        return await _process_one(article, state)
    finally:
        state.store.release(*key, state.run_id)


def outcome_of(article: Article, result: ArticleResult, seconds: float) -> ArticleOutcome:
    return ArticleOutcome(path=article.path, article_id=article.article_id, status=result.status, error=result.error,
                          facts=len(result.facts), grounded=result.grounded, usage=result.usage, seconds=round(seconds, 2))


@dataclass
class RunState:
    """What the workers of one run share."""

    prompt: LoadedPrompt
    settings: Settings
    store: Store
    run_id: str
    endpoint: LazyEndpoint
    budget: Budget
    progress: Progress
    outcomes: list[ArticleOutcome] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    aborted: AuthError | None = None

    def finish(self, outcome: ArticleOutcome) -> None:
        self.outcomes.append(outcome)
        self.progress.advance(outcome)


async def produce(paths: list[str | Path], state: RunState, put: Callable[[Article], Awaitable[None]]) -> None:
    """Stream the articles: record each, skip what is done, hand the rest to `put`."""
    redo = state.settings.force or state.settings.record
    for item in iter_articles(paths, state.settings.max_bytes):
        if isinstance(item, LoadProblem):
            state.problems.append(item)
            state.finish(ArticleOutcome(path=item.path, status=item.status, error=item.reason))
            continue
        state.store.upsert_article(item)
        if item.language not in (None, "en"):
            state.notes.append(Finding(
                check="input", severity="warning", article_id=item.article_id,
                message=f"{item.path}: written in {item.language!r}, not English; digits are read, but spelled-out "
                        f"numbers, scale words and period words are read in English only"))
        if not redo and (skipped := _skipped(item, state)) is not None:
            state.finish(skipped)
            continue
        await put(item)


def _skipped(article: Article, state: RunState) -> ArticleOutcome | None:
    """The outcome of an article not to send again: done, or failed permanently (a 400, such as a
    context length exceeded) with the same content, prompt and model (all three are in its key)."""
    found = state.store.state(article.article_id, state.prompt.ref, state.settings.model)
    if found is None or found.status not in ("done", "failed_permanent"):
        return None
    if found.status == "done":
        return ArticleOutcome(path=article.path, article_id=article.article_id, status="skipped")
    return ArticleOutcome(path=article.path, article_id=article.article_id, status="failed_permanent",
                          error=f"not sent again: failed permanently before ({found.error}); a change to the "
                                f"article, the prompt or the model, or --force, tries it again")


async def _work(state: RunState, queue: asyncio.Queue[Article | None]) -> None:
    while (article := await queue.get()) is not None:
        outcome = ArticleOutcome(path=article.path, article_id=article.article_id, status="not_started")
        if state.aborted is not None:
            state.finish(outcome.model_copy(update={"error": str(state.aborted)}))
            continue
        if (stop := state.endpoint.throttle_stop()) is not None:
            state.finish(outcome.model_copy(update={"status": "rate_limited", "error": str(stop)}))
            continue
        if reason := state.budget.exhausted():
            state.finish(outcome.model_copy(update={"status": "deferred", "error": reason}))
            continue
        try:
            outcome = await _claimed(article, state)
        except AuthError as exc:
            state.aborted = exc
            state.finish(outcome.model_copy(update={"error": str(exc)}))
            continue
        state.finish(outcome.model_copy(update={"cost": cost_of(outcome.usage, state.budget.price)}))  # metered per call


async def run_all(paths: list[str | Path], state: RunState) -> None:
    """The producer and the workers; the first error in any of them (a store that cannot be
    written) stops them all and is raised, so no worker dies while the producer waits on it."""
    workers = 1 if state.settings.replay or state.settings.record else state.settings.concurrency
    queue: asyncio.Queue[Article | None] = asyncio.Queue(maxsize=2 * workers)
    tasks = [asyncio.create_task(_work(state, queue)) for _ in range(workers)]
    tasks.append(asyncio.create_task(_produce_all(paths, state, queue, workers)))
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for task in done:
            task.result()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await state.endpoint.aclose()


async def _produce_all(paths: list[str | Path], state: RunState, queue: asyncio.Queue[Article | None], workers: int) -> None:
    await produce(paths, state, queue.put)
    for _ in range(workers):
        await queue.put(None)


async def collect_todo(paths: list[str | Path], state: RunState) -> list[Article]:
    """Stream the articles like `produce`, and keep the ones still to do (for engines that want them all)."""
    todo: list[Article] = []

    async def collect(article: Article) -> None:
        todo.append(article)

    await produce(paths, state, collect)
    return todo


async def run_with_batch_api(paths: list[str | Path], state: RunState) -> None:
    """Collect the articles to do, send them as one Batch API job, wait, and finish them; a job
    a killed run left unprocessed is resumed first, for the articles it holds."""
    todo = await collect_todo(paths, state)
    if not todo:
        return
    client, live = await state.endpoint.get()
    try:
        todo = await _resume_open_job(todo, state, client, live)
        if todo:
            record = await batch_api.submit(client, todo, state.prompt, live, state.store, state.run_id)
            await finish_batch_job(record.batch_id, todo, state, client, live)
    finally:
        await state.endpoint.aclose()


async def _resume_open_job(todo: list[Article], state: RunState, client: Any, live: Settings) -> list[Article]:
    """Finish the saved, unprocessed job holding some of `todo`, if any; the articles still to send."""
    job = batch_api.open_job(state.store, state.prompt, live.model, {a.article_id for a in todo})
    if job is None:
        return todo
    state.progress.note(f"resuming the saved Batch API job {job.batch_id} instead of creating another")
    held = set(job.article_ids)
    await finish_batch_job(job.batch_id, [a for a in todo if a.article_id in held], state, client, live)
    return [a for a in todo if a.article_id not in held]


async def finish_batch_job(batch_id: str, articles: list[Article], state: RunState, client: Any, live: Settings) -> None:
    status = await batch_api.wait(client, batch_id, state.store, live.poll_seconds, state.progress.batch_job_update)
    answers = batch_api.BatchJobAsker(await batch_api.results_of(client, status), LiveAsker(client, live, call_params(state.prompt, live)))
    for article in articles:
        outcome = await _process_one(article, state, answers)
        batch_usage = answers.batch_usage.get(article.article_id, Usage())
        costs = [cost_of(batch_usage, state.budget.price, batch=True), cost_of(outcome.usage, state.budget.price)]
        usage = outcome.usage + batch_usage
        state.budget.add(batch_usage)  # the live reasks were metered call by call
        note = f"{answers.sent_back[article.article_id]} answers sent back for a reask" if article.article_id in answers.sent_back else None
        state.finish(outcome.model_copy(update={
            "usage": usage, "cost": None if None in costs else sum(c for c in costs if c is not None),
            "error": outcome.error or note}))
    state.store.set_batch_job_status(batch_id, status.status + batch_api.PROCESSED)
