"""Stage (runner engine): the async work of one run — stream the articles, keep the model busy.

A producer streams articles from disk, records each in the store and skips what is done; a pool
of workers extracts the rest, one article at a time each, through one model client whose
requests all pass the run's throttle. A 401 stops every worker; a spent budget defers the rest.
The Batch API path collects the articles instead, sends one batch, and finishes each article
from its answers. `runner.py` sets a run up and writes its outputs.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, Field

from schemas.facts import Finding, Usage

from . import batches, llm
from .cassettes import cassette_path, use_cassette
from .errors import AuthError, ReplayError
from .extraction import Labeller, extract
from .local_model import LocalServer, resolve_gguf
from .normalize import normalize
from .pricing import Budget, cost_of
from .prompts import LoadedPrompt
from .settings import Settings
from .sources import Article, LoadProblem, iter_articles
from .store import Store
from .throttle import Throttle


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


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, outcome: ArticleOutcome) -> None: ...
    def batch_status(self, status: llm.BatchStatus) -> None: ...


class NoProgress:
    def start(self, total: int) -> None:
        pass

    def advance(self, outcome: ArticleOutcome) -> None:
        pass

    def batch_status(self, status: llm.BatchStatus) -> None:
        pass


@contextmanager
def model_endpoint(settings: Settings) -> Iterator[Settings]:
    """Settings pointing at a live endpoint: the embedded server is started here when needed."""
    if not settings.uses_local_model:
        yield settings
        return
    gguf = resolve_gguf(settings.local_gguf, settings.cache_dir)
    log = settings.cache_dir / "llama-server.log"
    with LocalServer(gguf, settings.model, log, settings.local_ctx) as server:
        yield settings.model_copy(update={"base_url": server.base_url, "timeout": settings.local_timeout})


def recording(article: Article, prompt: LoadedPrompt, settings: Settings) -> Any:
    if not (settings.replay or settings.record):
        return nullcontext()
    path = cassette_path(settings.cassette_dir, prompt.name, settings.model, article.article_id)
    if settings.record:
        path.unlink(missing_ok=True)
    return use_cassette(path, record=settings.record)


async def _process_one(article: Article, prompt: LoadedPrompt, client: Any, settings: Settings, store: Store,
                       run_id: str, labeller: Labeller | None = None) -> ArticleOutcome:
    started = time.monotonic()
    outcome = ArticleOutcome(path=article.path, article_id=article.article_id, status="done")
    try:
        with recording(article, prompt, settings):
            result = await extract(article, prompt, client, settings, run_id, labeller)
    except llm.CallFailed as exc:
        status, message = exc.failure.status, exc.failure.message
        if settings.replay and llm.replay_miss(exc):
            status, message = "failed_permanent", "no recorded answer matches this request (prompt, model or settings changed); re-record with `make record`"
        store.save_failure(article.article_id, prompt.ref, settings.model, run_id, status, message)
        return outcome.model_copy(update={"status": status, "error": message, "usage": exc.usage, "seconds": time.monotonic() - started})
    except ReplayError as exc:
        store.save_failure(article.article_id, prompt.ref, settings.model, run_id, "failed_permanent", str(exc))
        return outcome.model_copy(update={"status": "failed_permanent", "error": str(exc)})
    result = result.model_copy(update={"facts": normalize(result.facts)})
    store.save_result(result, run_id)
    grounded = sum(1 for f in result.facts if f.grounding in ("exact", "fuzzy"))
    return outcome.model_copy(update={
        "facts": len(result.facts), "grounded": grounded, "usage": result.usage,
        "seconds": round(time.monotonic() - started, 2),
    })


class LazyEndpoint:
    """The model client, made on first use: the embedded server starts only if an article needs it."""

    def __init__(self, settings: Settings, throttle: Throttle) -> None:
        self.settings, self.throttle = settings, throttle
        self._stack = ExitStack()
        self._ready: tuple[Any, Settings] | None = None
        self._lock = asyncio.Lock()

    async def get(self) -> tuple[Any, Settings]:
        async with self._lock:
            if self._ready is None:
                live = await asyncio.to_thread(self._stack.enter_context, model_endpoint(self.settings))
                self._ready = (llm.build_client(live, throttle=self.throttle), live)
            return self._ready

    async def aclose(self) -> None:
        """Close the client's connections (the embedded server stops in `close`)."""
        if self._ready is not None:
            await llm.close_client(self._ready[0])

    def close(self) -> None:
        self._stack.close()


@dataclass
class BatchState:
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


async def produce(paths: list[str | Path], state: BatchState, put: Callable[[Article], Awaitable[None]]) -> None:
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
        if not redo and state.store.is_done(item.article_id, state.prompt.ref, state.settings.model):
            state.finish(ArticleOutcome(path=item.path, article_id=item.article_id, status="skipped"))
            continue
        await put(item)


async def _work(state: BatchState, queue: asyncio.Queue[Article | None]) -> None:
    while (article := await queue.get()) is not None:
        outcome = ArticleOutcome(path=article.path, article_id=article.article_id, status="not_started")
        if state.aborted is not None:
            state.finish(outcome.model_copy(update={"error": str(state.aborted)}))
            continue
        if reason := state.budget.exhausted():
            state.finish(outcome.model_copy(update={"status": "deferred", "error": reason}))
            continue
        try:
            client, live = await state.endpoint.get()
            outcome = await _process_one(article, state.prompt, client, live, state.store, state.run_id)
        except AuthError as exc:
            state.aborted = exc
            state.finish(outcome.model_copy(update={"error": str(exc)}))
            continue
        state.budget.add(outcome.usage)
        state.finish(outcome.model_copy(update={"cost": cost_of(outcome.usage, state.budget.price)}))


async def run_all(paths: list[str | Path], state: BatchState) -> None:
    workers = 1 if state.settings.replay or state.settings.record else state.settings.concurrency
    queue: asyncio.Queue[Article | None] = asyncio.Queue(maxsize=2 * workers)
    tasks = [asyncio.create_task(_work(state, queue)) for _ in range(workers)]
    try:
        await produce(paths, state, queue.put)
        for _ in range(workers):
            await queue.put(None)
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        await state.endpoint.aclose()


async def collect_todo(paths: list[str | Path], state: BatchState) -> list[Article]:
    """Stream the articles like `produce`, and keep the ones still to do (for engines that want them all)."""
    todo: list[Article] = []

    async def collect(article: Article) -> None:
        todo.append(article)

    await produce(paths, state, collect)
    return todo


async def run_batch_api(paths: list[str | Path], state: BatchState) -> None:
    """Collect the articles to do, send them as one Batch API job, wait, and finish them."""
    todo = await collect_todo(paths, state)
    if not todo:
        return
    client, live = await state.endpoint.get()
    try:
        record = await batches.submit(client, todo, state.prompt, live, state.store, state.run_id)
        await wait_and_finish(record.batch_id, todo, state, client, live)
    finally:
        await state.endpoint.aclose()


async def wait_and_finish(batch_id: str, articles: list[Article], state: BatchState, client: Any, live: Settings) -> None:
    status = await batches.wait(client, batch_id, state.store, live.poll_seconds, state.progress.batch_status)
    answers = batches.BatchAnswers(await batches.results_of(client, status))
    for article in articles:
        outcome = await _process_one(article, state.prompt, client, live, state.store, state.run_id, answers.labeller)
        batch_usage = answers.batch_usage.get(article.article_id, Usage())
        costs = [cost_of(batch_usage, state.budget.price, batch=True), cost_of(outcome.usage, state.budget.price)]
        usage = outcome.usage + batch_usage
        state.budget.add(usage)
        note = f"{answers.sent_back[article.article_id]} answers sent back for a reask" if article.article_id in answers.sent_back else None
        state.finish(outcome.model_copy(update={
            "usage": usage, "cost": None if None in costs else sum(c for c in costs if c is not None),
            "error": outcome.error or note}))
    state.store.set_batch_status(batch_id, f"{status.status}, processed")
