"""Stage (runner): one run from start to finish — set up, do the work, validate, write the outputs.

`run_batch()` is the one entry point the CLI and the library call; `resume_batch_job()`,
`cancel_batch_job()` and `list_batch_jobs()` handle Batch API jobs saved in the store. The async work
itself is in `workers.py`. No article is sent to the model twice for the same content, prompt
version and model; each article's facts and its `done` mark are committed together, so an
interrupted run resumes where it stopped.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from schemas.facts import Finding, QuantFact, Usage
from schemas.validation import ValidationReport

from ..check.validation import validate
from ..errors import ConfigError, InputError
from ..extract.prompt_spec import LoadedPrompt
from ..extract.prompts import check_released, load_prompt
from ..ingest.files import InputPaths, LoadProblem, count_files
from ..ingest.sources import Article
from ..model import llm
from ..model.cassettes import check_cassettes
from ..model.endpoint import LazyEndpoint
from ..model.throttle import Throttle
from ..report.outputs import check_writable, write_outputs
from ..settings import Settings, without_password
from ..store.backends import shown
from ..store.fact_store import BatchJob, ExtractionState, Store
from .article_step import FAILED, new_run_id
from .pricing import Budget, price_of
from .progress import NoProgress, Progress
from .workers import ArticleOutcome, RunState, finish_batch_job, run_all, run_with_batch_api

__all__ = ["ArticleOutcome", "Progress", "RunResult", "cancel_batch_job", "list_batch_jobs", "resume_batch_job", "run_batch"]


class RunResult(BaseModel):
    """A finished run: its outcomes, the facts and findings of its inputs, and the summary."""

    run_id: str
    out_dir: Path
    outcomes: list[ArticleOutcome]
    facts: list[QuantFact]
    findings: list[Finding]
    summary: dict[str, Any]
    validation: ValidationReport = Field(default_factory=ValidationReport)


def _problem_finding(problem: LoadProblem) -> Finding:
    severity = "info" if problem.status == "duplicate" else "warning"
    return Finding(check="input", severity=severity, message=f"{problem.path}: {problem.reason}")


def store_location(settings: Settings, out_dir: Path) -> str | Path:
    """--db (a file or a postgresql:// URL), else OUT/newsfacts.db."""
    return settings.db or out_dir / "newsfacts.db"


@dataclass(frozen=True)
class RunSetup:
    """What a run works out once, before it starts: its prompt, the model's price, the settings it records."""

    prompt: LoadedPrompt
    price: tuple[float, float] | None
    recorded: dict[str, Any]


def _prepare(settings: Settings) -> RunSetup:
    """The prompt (refused if a released version changed) and the model's price (needed for --max-cost)."""
    prompt = load_prompt(settings.prompt, settings.prompts_dir)
    check_released(prompt, settings.prompts_dir)
    price = price_of(settings.model, settings.prices)
    if settings.max_cost is not None and price is None:
        raise ConfigError(f"--max-cost needs a price for model {settings.model!r}: set NEWSFACTS_PRICES")
    return RunSetup(prompt, price, settings_summary(settings, prompt))


def _execute(settings: Settings, out_dir: Path, progress: Progress | None, total: int,
             work: Callable[[RunState], Awaitable[None]]) -> RunResult:
    """One run: store and throttle set up, `work` done, then validation, outputs and the summary."""
    setup = _prepare(settings)
    check_writable(out_dir)  # before any model call: a run must not pay for outputs it cannot write
    if settings.replay:
        check_cassettes(settings.cassette_dir, setup.prompt.name, settings.model)
    prompt, run_id, started = setup.prompt, new_run_id(), time.monotonic()
    with Store(store_location(settings, out_dir), keep_history=settings.keep_history) as store:
        store.start_run(run_id, setup.recorded)
        progress = progress or NoProgress()
        budget = Budget(settings.max_tokens, settings.max_cost, setup.price)
        throttle = Throttle(settings.concurrency, settings.rpm, settings.tpm, listener=progress,
                            max_pause=settings.max_rate_limit_wait, meter=budget)
        endpoint = LazyEndpoint(settings, throttle, say=progress.note)
        state = RunState(prompt, settings, store, run_id, endpoint, budget, progress)
        progress.start(total)
        try:
            asyncio.run(work(state))
        finally:
            endpoint.close()
        if state.aborted is not None:
            raise state.aborted
        ids = [o.article_id for o in state.outcomes if o.article_id]
        stored = store.facts(None, prompt.ref, settings.model)  # read once: the run's facts and those to check them against
        wanted = set(ids)
        facts = [f for f in stored if f.article_id in wanted]
        progress.note(f"checking {len(facts)} facts against the {len(stored)} in the store")
        validation = validate_against_store(stored, facts)
        findings = (store.findings(ids, prompt.ref, settings.model) + [_problem_finding(p) for p in state.problems]
                    + state.notes + validation.findings + store.notices)
        summary = summarize(run_id, setup, settings.model, state.outcomes, facts, findings, time.monotonic() - started)
        summary["counts"] |= {verdict: validation.count(verdict) for verdict in ("agree", "conflict", "single_source", "incomparable")}
        summary["counts"] |= {"rate_limited": throttle.rate_limited, "not_english": len(state.notes)}
        summary["stopped"] = state.budget.exhausted() or (str(throttle.stopped) if throttle.stopped else None)
        progress.note(f"writing the outputs to {out_dir}")
        write_outputs(out_dir, facts, findings, summary, validation.groups, store.article_rows(ids))
        store.finish_run(run_id, summary)
    return RunResult(run_id=run_id, out_dir=out_dir, outcomes=state.outcomes, facts=facts, findings=findings,
                     summary=summary, validation=validation)


def run_batch(paths: list[str | Path], settings: Settings, out_dir: Path, progress: Progress | None = None) -> RunResult:
    """Process every article under `paths` and write the outputs into `out_dir`."""
    inputs = InputPaths(paths, follow_links=settings.follow_links)  # the engine passes it on to sources
    if settings.engine == "ray":
        from .ray import run_ray  # Ray is an optional extra

        location = str(store_location(settings, out_dir))
        return _execute(settings, out_dir, progress, count_files(inputs), lambda state: run_ray(inputs, state, location))
    runner = run_with_batch_api if settings.batch_api else run_all
    return _execute(settings, out_dir, progress, count_files(inputs), lambda state: runner(inputs, state))


def _stored_batch_job(batch_id: str, settings: Settings, out_dir: Path) -> tuple[BatchJob, Settings]:
    with Store(store_location(settings, out_dir)) as store:
        found = store.batch_jobs(batch_id)
    if not found:
        raise ConfigError(f"no batch {batch_id!r} in the store {shown(store_location(settings, out_dir))}")
    record = found[0]
    prompt_name = record.prompt.split("#")[0]
    return record, settings.model_copy(update={"model": record.model, "prompt": prompt_name,
                                               "base_url": settings.base_url or record.base_url})


def resume_batch_job(batch_id: str, settings: Settings, out_dir: Path, progress: Progress | None = None) -> RunResult:
    """Finish a Batch API job saved in the store (after a crash, or a run that stopped waiting)."""
    record, live_settings = _stored_batch_job(batch_id, settings, out_dir)

    async def work(state: RunState) -> None:
        articles = [Article(**row, language=None) for row in state.store.article_rows(record.article_ids)]
        client, live = await state.endpoint.get()
        try:
            await finish_batch_job(batch_id, articles, state, client, live)
        finally:
            await state.endpoint.aclose()

    return _execute(live_settings, out_dir, progress, len(record.article_ids), work)


def cancel_batch_job(batch_id: str, settings: Settings, out_dir: Path) -> str:
    """Ask the API to cancel a saved batch; returns the status it reports."""
    record, live = _stored_batch_job(batch_id, settings, out_dir)

    async def cancel() -> str:
        client = llm.build_client(live)
        try:
            return await llm.request_batch_job_cancel(client, batch_id)
        finally:
            await llm.close_client(client)

    status = asyncio.run(cancel())
    with Store(store_location(settings, out_dir)) as store:
        store.set_batch_job_status(record.batch_id, status)
    return status


def extraction_states(settings: Settings, out_dir: Path) -> list[tuple[ExtractionState, str | None]]:
    """Where every extraction in the store stands (`newsfacts status`), with its article's path."""
    location = store_location(settings, out_dir)
    if isinstance(location, Path) and not location.is_file():
        raise InputError(f"no fact store at {location}: run `newsfacts run` first, or give --out or --db")
    with Store(location) as store:
        return store.states()


def list_batch_jobs(settings: Settings, out_dir: Path) -> list[BatchJob]:
    with Store(store_location(settings, out_dir)) as store:
        return store.batch_jobs()


def validate_against_store(stored: list[QuantFact], run_facts: list[QuantFact]) -> ValidationReport:
    """Validate the run's facts against every fact the store holds for this prompt and model.

    Only what concerns the run is kept: groups with one of its facts, and findings about them."""
    report = validate(stored)
    mine = {f.fact_id for f in run_facts}
    groups = [g for g in report.groups if mine.intersection(g.fact_ids)]
    findings = [f for f in report.findings if mine.intersection(f.fact_ids)]
    return ValidationReport(findings=findings, groups=groups)


def settings_summary(settings: Settings, prompt: LoadedPrompt) -> dict[str, Any]:
    """The settings worth recording with a run. The API key is never included."""
    return {
        "model": settings.model, "base_url": without_password(settings.base_url) or "embedded", "prompt": prompt.ref,
        "replay": settings.replay, "record": settings.record, "concurrency": settings.concurrency,
        "reasks": settings.reasks, "max_retries": settings.max_retries, "timeout": settings.timeout,
    }


def _run_cost(outcomes: list[ArticleOutcome], price: tuple[float, float] | None) -> float | None:
    """The sum of the articles' costs (Batch API calls at their discount); None when the price is unknown."""
    costs = [o.cost for o in outcomes if o.usage.calls]
    if price is None or None in costs:
        return None
    return round(sum(c for c in costs if c is not None), 6)


def summarize(run_id: str, setup: RunSetup, model: str, outcomes: list[ArticleOutcome],
              facts: list[QuantFact], findings: list[Finding], seconds: float) -> dict[str, Any]:
    """The run.json content: counts, usage and one line per input."""
    usage = sum((o.usage for o in outcomes), Usage())
    failed = [o for o in outcomes if o.status in (*FAILED, "not_started")]
    price = setup.price
    counts = {
        "articles": sum(1 for o in outcomes if o.article_id), "done": sum(1 for o in outcomes if o.status == "done"),
        "skipped": sum(1 for o in outcomes if o.status == "skipped"), "failed": len(failed),
        "problems": sum(1 for o in outcomes if o.article_id is None), "facts": len(facts),
        "grounded": sum(1 for f in facts if f.grounding in ("exact", "fuzzy")),
        "findings": len(findings), "model_calls": usage.calls, "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens, "tokens": usage.total_tokens,
        "deferred": sum(1 for o in outcomes if o.status in ("deferred", "rate_limited")),
        "by_status": dict(sorted(Counter(o.status for o in outcomes).items())),
        "cost_usd": _run_cost(outcomes, price),
    }
    return {
        "run_id": run_id, "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(seconds, 2), "model": model, "prompt": setup.prompt.ref,
        "settings": setup.recorded, "counts": counts,
        "price_per_million_tokens": None if price is None else {"input": price[0], "output": price[1]},
        "articles": [o.model_dump(mode="json") for o in outcomes],
    }
