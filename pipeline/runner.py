"""Stage (runner): batch orchestration — load, skip what is done, extract, store, report.

`run_batch()` is the one entry point the CLI and the library call. It never sends an article to
the model twice for the same content, prompt version and model; each article's facts and its
`done` mark are committed together, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import asyncio
from collections import Counter
import secrets
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, Field

from schemas.facts import Finding, QuantFact, Usage
from schemas.validation import ValidationReport

from . import batches, llm
from .cassettes import cassette_path, use_cassette
from .errors import AuthError, ConfigError, PromptError, ReplayError
from .extraction import Labeller, extract
from .local_model import LocalServer, resolve_gguf
from .normalize import normalize
from .pricing import Budget, cost_of, price_of
from .prompts import LoadedPrompt, check_lock, load_prompt
from .report import write_outputs
from .settings import Settings
from .sources import Article, LoadProblem, count_files, iter_articles
from .store import BatchRecord, Store
from .throttle import Throttle
from .validation import validate


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


class RunResult(BaseModel):
    """A finished run: its outcomes, the facts and findings of its inputs, and the summary."""

    run_id: str
    out_dir: Path
    outcomes: list[ArticleOutcome]
    facts: list[QuantFact]
    findings: list[Finding]
    summary: dict[str, Any]
    validation: ValidationReport = Field(default_factory=ValidationReport)


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


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("run_%Y%m%dT%H%M%SZ_") + secrets.token_hex(3)


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


def _recording(article: Article, prompt: LoadedPrompt, settings: Settings) -> Any:
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
        with _recording(article, prompt, settings):
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


async def _produce(paths: list[str | Path], state: BatchState, put: Callable[[Article], Awaitable[None]]) -> None:
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


async def _run_all(paths: list[str | Path], state: BatchState) -> None:
    workers = 1 if state.settings.replay or state.settings.record else state.settings.concurrency
    queue: asyncio.Queue[Article | None] = asyncio.Queue(maxsize=2 * workers)
    tasks = [asyncio.create_task(_work(state, queue)) for _ in range(workers)]
    try:
        await _produce(paths, state, queue.put)
        for _ in range(workers):
            await queue.put(None)
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        await state.endpoint.aclose()


async def _run_batch_api(paths: list[str | Path], state: BatchState) -> None:
    """Collect the articles to do, send them as one Batch API job, wait, and finish them."""
    todo: list[Article] = []

    async def collect(article: Article) -> None:
        todo.append(article)

    await _produce(paths, state, collect)
    if not todo:
        return
    client, live = await state.endpoint.get()
    try:
        record = await batches.submit(client, todo, state.prompt, live, state.store, state.run_id)
        await _wait_and_finish(record.batch_id, todo, state, client, live)
    finally:
        await state.endpoint.aclose()


async def _wait_and_finish(batch_id: str, articles: list[Article], state: BatchState, client: Any, live: Settings) -> None:
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


def _problem_finding(problem: LoadProblem) -> Finding:
    severity = "info" if problem.status == "duplicate" else "warning"
    return Finding(check="input", severity=severity, message=f"{problem.path}: {problem.reason}")


def _prepare(settings: Settings) -> tuple[LoadedPrompt, tuple[float, float] | None]:
    """The prompt (refused if a released version changed) and the model's price (needed for --max-cost)."""
    prompt = load_prompt(settings.prompt, settings.prompts_dir)
    changed = [p for p in check_lock(settings.prompts_dir) if p.startswith(prompt.name + " changed")]
    if changed:
        raise PromptError(changed[0])
    price = price_of(settings.model, settings.prices)
    if settings.max_cost is not None and price is None:
        raise ConfigError(f"--max-cost needs a price for model {settings.model!r}: set NEWSFACTS_PRICES")
    return prompt, price


def _execute(settings: Settings, out_dir: Path, progress: Progress | None, total: int,
             work: Callable[[BatchState], Awaitable[None]]) -> RunResult:
    """One run: store and throttle set up, `work` done, then validation, outputs and the summary."""
    prompt, price = _prepare(settings)
    run_id, started = new_run_id(), time.monotonic()
    with Store(settings.db or out_dir / "newsfacts.db") as store:
        store.start_run(run_id, settings_summary(settings, prompt))
        throttle = Throttle(settings.concurrency, settings.rpm, settings.tpm)
        endpoint = LazyEndpoint(settings, throttle)
        state = BatchState(prompt, settings, store, run_id, endpoint, Budget(settings.max_tokens, settings.max_cost, price),
                           progress or NoProgress())
        state.progress.start(total)
        try:
            asyncio.run(work(state))
        finally:
            endpoint.close()
        if state.aborted is not None:
            raise state.aborted
        ids = [o.article_id for o in state.outcomes if o.article_id]
        facts = store.facts(ids, prompt.ref, settings.model)
        validation = validate_with_store(store, facts, prompt.ref, settings.model)
        findings = (store.findings(ids, prompt.ref, settings.model) + [_problem_finding(p) for p in state.problems]
                    + state.notes + validation.findings)
        summary = summarize(run_id, settings, prompt, state.outcomes, facts, findings, time.monotonic() - started)
        summary["counts"] |= {verdict: validation.count(verdict) for verdict in ("agree", "conflict", "single_source", "incomparable")}
        summary["counts"] |= {"rate_limited": throttle.rate_limited, "not_english": len(state.notes)}
        summary["stopped"] = state.budget.exhausted()
        write_outputs(out_dir, facts, findings, summary, validation.groups)
        store.finish_run(run_id, summary)
    return RunResult(run_id=run_id, out_dir=out_dir, outcomes=state.outcomes, facts=facts, findings=findings,
                     summary=summary, validation=validation)


def run_batch(paths: list[str | Path], settings: Settings, out_dir: Path, progress: Progress | None = None) -> RunResult:
    """Process every article under `paths` and write the outputs into `out_dir`."""
    runner = _run_batch_api if settings.batch_api else _run_all
    return _execute(settings, out_dir, progress, count_files(paths), lambda state: runner(list(paths), state))


def _stored_batch(batch_id: str, settings: Settings, out_dir: Path) -> tuple[BatchRecord, Settings]:
    with Store(settings.db or out_dir / "newsfacts.db") as store:
        found = store.batches(batch_id)
    if not found:
        raise ConfigError(f"no batch {batch_id!r} in the store {settings.db or out_dir / 'newsfacts.db'}")
    record = found[0]
    prompt_name = record.prompt.split("#")[0]
    return record, settings.model_copy(update={"model": record.model, "prompt": prompt_name,
                                               "base_url": settings.base_url or record.base_url})


def resume_batch(batch_id: str, settings: Settings, out_dir: Path, progress: Progress | None = None) -> RunResult:
    """Finish a Batch API job saved in the store (after a crash, or a run that stopped waiting)."""
    record, live_settings = _stored_batch(batch_id, settings, out_dir)

    async def work(state: BatchState) -> None:
        articles = [Article(**row, language=None) for row in state.store.article_rows(record.article_ids)]
        client, live = await state.endpoint.get()
        try:
            await _wait_and_finish(batch_id, articles, state, client, live)
        finally:
            await state.endpoint.aclose()

    return _execute(live_settings, out_dir, progress, len(record.article_ids), work)


def cancel_batch(batch_id: str, settings: Settings, out_dir: Path) -> str:
    """Ask the API to cancel a saved batch; returns the status it reports."""
    record, live = _stored_batch(batch_id, settings, out_dir)

    async def cancel() -> str:
        client = llm.build_client(live)
        try:
            return await llm.cancel_batch(client, batch_id)
        finally:
            await llm.close_client(client)

    status = asyncio.run(cancel())
    with Store(settings.db or out_dir / "newsfacts.db") as store:
        store.set_batch_status(record.batch_id, status)
    return status


def list_batches(settings: Settings, out_dir: Path) -> list[BatchRecord]:
    with Store(settings.db or out_dir / "newsfacts.db") as store:
        return store.batches()


def validate_with_store(store: Store, batch_facts: list[QuantFact], prompt: str, model: str) -> ValidationReport:
    """Validate the batch against every fact the store holds for this prompt and model.

    Only what concerns the batch is kept: groups with one of its facts, and findings about them."""
    report = validate(store.facts(None, prompt, model))
    batch = {f.fact_id for f in batch_facts}
    groups = [g for g in report.groups if batch.intersection(g.fact_ids)]
    findings = [f for f in report.findings if batch.intersection(f.fact_ids)]
    return ValidationReport(findings=findings, groups=groups)


def settings_summary(settings: Settings, prompt: LoadedPrompt) -> dict[str, Any]:
    """The settings worth recording with a run. The API key is never included."""
    return {
        "model": settings.model, "base_url": settings.base_url or "embedded", "prompt": prompt.ref,
        "replay": settings.replay, "record": settings.record, "concurrency": settings.concurrency,
        "reasks": settings.reasks, "max_retries": settings.max_retries, "timeout": settings.timeout,
    }


def _run_cost(outcomes: list[ArticleOutcome], price: tuple[float, float] | None) -> float | None:
    """The sum of the articles' costs (Batch API calls at their discount); None when the price is unknown."""
    costs = [o.cost for o in outcomes if o.usage.calls]
    if price is None or None in costs:
        return None
    return round(sum(c for c in costs if c is not None), 6)


def summarize(run_id: str, settings: Settings, prompt: LoadedPrompt, outcomes: list[ArticleOutcome],
              facts: list[QuantFact], findings: list[Finding], seconds: float) -> dict[str, Any]:
    """The run.json content: counts, usage and one line per input."""
    usage = sum((o.usage for o in outcomes), Usage())
    failed = [o for o in outcomes if o.status.startswith("failed") or o.status == "not_started"]
    price = price_of(settings.model, settings.prices)
    counts = {
        "articles": sum(1 for o in outcomes if o.article_id), "done": sum(1 for o in outcomes if o.status == "done"),
        "skipped": sum(1 for o in outcomes if o.status == "skipped"), "failed": len(failed),
        "problems": sum(1 for o in outcomes if o.article_id is None), "facts": len(facts),
        "grounded": sum(1 for f in facts if f.grounding in ("exact", "fuzzy")),
        "findings": len(findings), "model_calls": usage.calls, "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens, "tokens": usage.total_tokens,
        "deferred": sum(1 for o in outcomes if o.status == "deferred"),
        "by_status": dict(sorted(Counter(o.status for o in outcomes).items())),
        "cost_usd": _run_cost(outcomes, price),
    }
    return {
        "run_id": run_id, "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(seconds, 2), "model": settings.model, "prompt": prompt.ref,
        "settings": settings_summary(settings, prompt), "counts": counts,
        "price_per_million_tokens": None if price is None else {"input": price[0], "output": price[1]},
        "articles": [o.model_dump(mode="json") for o in outcomes],
    }
