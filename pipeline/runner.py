"""Stage (runner): batch orchestration — load, skip what is done, extract, store, report.

`run_batch()` is the one entry point the CLI and the library call. It never sends an article to
the model twice for the same content, prompt version and model; each article's facts and its
`done` mark are committed together, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, Field

from schemas.facts import Finding, QuantFact, Usage
from schemas.validation import ValidationReport

from . import llm
from .cassettes import cassette_path, use_cassette
from .errors import AuthError, PromptError, ReplayError
from .extraction import extract
from .local_model import LocalServer, resolve_gguf
from .normalize import normalize
from .prompts import LoadedPrompt, check_lock, load_prompt
from .report import write_outputs
from .settings import Settings
from .sources import Article, LoadProblem, load_articles
from .store import Store
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


class NoProgress:
    def start(self, total: int) -> None:
        pass

    def advance(self, outcome: ArticleOutcome) -> None:
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


async def _process_one(article: Article, prompt: LoadedPrompt, client: Any, settings: Settings, store: Store, run_id: str) -> ArticleOutcome:
    started = time.monotonic()
    outcome = ArticleOutcome(path=article.path, article_id=article.article_id, status="done")
    try:
        with _recording(article, prompt, settings):
            result = await extract(article, prompt, client, settings, run_id)
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


async def _process_all(articles: list[Article], prompt: LoadedPrompt, settings: Settings, store: Store, run_id: str, progress: Progress) -> list[ArticleOutcome]:
    client = llm.build_client(settings)
    limit = 1 if settings.replay or settings.record else settings.concurrency
    gate = asyncio.Semaphore(limit)
    aborted: list[AuthError] = []

    async def one(article: Article) -> ArticleOutcome:
        async with gate:
            if aborted:
                return ArticleOutcome(path=article.path, article_id=article.article_id, status="not_started", error=str(aborted[0]))
            try:
                outcome = await _process_one(article, prompt, client, settings, store, run_id)
            except AuthError as exc:
                aborted.append(exc)
                raise
            progress.advance(outcome)
            return outcome

    outcomes = await asyncio.gather(*(one(a) for a in articles), return_exceptions=True)
    if aborted:
        raise aborted[0]
    return [o for o in outcomes if isinstance(o, ArticleOutcome)]


def _problem_outcome(problem: LoadProblem) -> tuple[ArticleOutcome, Finding]:
    severity = "info" if problem.status == "duplicate" else "warning"
    finding = Finding(check="input", severity=severity, message=f"{problem.path}: {problem.reason}")
    return ArticleOutcome(path=problem.path, status=problem.status, error=problem.reason), finding


def run_batch(paths: list[str | Path], settings: Settings, out_dir: Path, progress: Progress | None = None) -> RunResult:
    """Process every article under `paths` and write the outputs into `out_dir`."""
    progress = progress or NoProgress()
    prompt = load_prompt(settings.prompt, settings.prompts_dir)
    changed = [p for p in check_lock(settings.prompts_dir) if p.startswith(prompt.name + " changed")]
    if changed:
        raise PromptError(changed[0])
    loaded = load_articles(paths)
    run_id, started = new_run_id(), time.monotonic()
    with Store(settings.db or out_dir / "newsfacts.db") as store:
        store.start_run(run_id, settings_summary(settings, prompt))
        for article in loaded.articles:
            store.upsert_article(article)
        redo = settings.force or settings.record
        todo = [a for a in loaded.articles if redo or not store.is_done(a.article_id, prompt.ref, settings.model)]
        todo_ids = {a.article_id for a in todo}
        skipped = [
            ArticleOutcome(path=a.path, article_id=a.article_id, status="skipped")
            for a in loaded.articles if a.article_id not in todo_ids
        ]
        progress.start(len(todo))
        outcomes: list[ArticleOutcome] = []
        if todo:
            with model_endpoint(settings) as live:
                outcomes = asyncio.run(_process_all(todo, prompt, live, store, run_id, progress))
        problems = [_problem_outcome(p) for p in loaded.problems]
        ids = [a.article_id for a in loaded.articles]
        facts = store.facts(ids, prompt.ref, settings.model)
        validation = validate_with_store(store, facts, prompt.ref, settings.model)
        findings = store.findings(ids, prompt.ref, settings.model) + [f for _, f in problems] + validation.findings
        all_outcomes = outcomes + skipped + [o for o, _ in problems]
        summary = summarize(run_id, settings, prompt, all_outcomes, facts, findings, time.monotonic() - started)
        summary["counts"] |= {verdict: validation.count(verdict) for verdict in ("agree", "conflict", "single_source", "incomparable")}
        write_outputs(out_dir, facts, findings, summary, validation.groups)
        store.finish_run(run_id, summary)
    return RunResult(run_id=run_id, out_dir=out_dir, outcomes=all_outcomes, facts=facts, findings=findings,
                     summary=summary, validation=validation)


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


def summarize(run_id: str, settings: Settings, prompt: LoadedPrompt, outcomes: list[ArticleOutcome],
              facts: list[QuantFact], findings: list[Finding], seconds: float) -> dict[str, Any]:
    """The run.json content: counts, usage and one line per input."""
    usage = sum((o.usage for o in outcomes), Usage())
    failed = [o for o in outcomes if o.status.startswith("failed") or o.status == "not_started"]
    counts = {
        "articles": sum(1 for o in outcomes if o.article_id), "done": sum(1 for o in outcomes if o.status == "done"),
        "skipped": sum(1 for o in outcomes if o.status == "skipped"), "failed": len(failed),
        "problems": sum(1 for o in outcomes if o.article_id is None), "facts": len(facts),
        "grounded": sum(1 for f in facts if f.grounding in ("exact", "fuzzy")),
        "findings": len(findings), "model_calls": usage.calls, "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens, "tokens": usage.total_tokens,
    }
    return {
        "run_id": run_id, "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(seconds, 2), "model": settings.model, "prompt": prompt.ref,
        "settings": settings_summary(settings, prompt), "counts": counts,
        "articles": [o.model_dump(mode="json") for o in outcomes],
    }
