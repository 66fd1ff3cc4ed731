"""Stage (runner, distributed): extract on a Ray cluster with Ray Data, same facts as one process.

The driver streams the articles and skips what is done exactly as a local run does, then builds a
`ray.data` Dataset of the rest and runs `map_batches` with `ExtractBatch`, a class whose
`__call__` is an async generator around the per-article step (`article_step.process_articles`). Each worker writes its articles to the
shared store (PostgreSQL for a real cluster; `--db postgresql://...`), one transaction per
article, and every request of every worker passes one `RateLimiter` actor: one rate limit per
API key, however many workers. Fact ids depend only on article, prompt and model, so the facts
equal a single-process run's, fact id for fact id. Needs `pip install 'newsfacts[ray]'`.
"""

from __future__ import annotations

from typing import Any

from schemas.facts import Usage

from ..errors import ConfigError
from ..extract.prompt_spec import LoadedPrompt
from ..ingest.sources import Article
from ..model.throttle import Throttle
from ..settings import Settings
from ..store.fact_store import Store
from .article_step import process_articles, store_result
from .workers import ArticleOutcome, RunState, collect_todo

BATCH_SIZE = 8


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigError("--engine ray needs Ray: pip install 'newsfacts[ray]'") from None
    return ray


class RateLimiter:
    """A Ray actor that paces every worker's requests under one --rpm / --tpm."""

    def __init__(self, rpm: int | None, tpm: int | None) -> None:
        self.throttle = Throttle(1_000_000, rpm=rpm, tpm=tpm)

    async def acquire(self, tokens: int) -> None:
        await self.throttle.acquire(tokens)
        await self.throttle.release(200)


class ExtractBatch:
    """The map_batches callable: run a batch of articles through the per-article step, store each, yield their outcomes."""

    def __init__(self, settings: Settings, prompt: LoadedPrompt, run_id: str, limiter: Any = None) -> None:
        self.settings, self.prompt, self.run_id = settings, prompt, run_id

        async def gate(tokens: int) -> None:
            await limiter.acquire.remote(tokens)

        self.throttle = Throttle(settings.concurrency, gate=gate if limiter is not None else None)

    async def __call__(self, batch: Any) -> Any:
        import pandas as pd

        articles = [Article(**{k: (None if v != v else v) for k, v in row.items()}) for row in batch.to_dict("records")]
        results = await process_articles(articles, self.prompt, self.settings, self.run_id, self.throttle)
        with Store(str(self.settings.db)) as store:
            for result in results:
                store_result(store, result, self.prompt, self.settings.model, self.run_id)
        yield pd.DataFrame({
            "article_id": [r.article_id for r in results], "status": [r.status for r in results],
            "error": [r.error or "" for r in results], "facts": [len(r.facts) for r in results],
            "grounded": [r.grounded for r in results],
            "prompt_tokens": [r.usage.prompt_tokens for r in results],
            "completion_tokens": [r.usage.completion_tokens for r in results], "calls": [r.usage.calls for r in results],
        })


async def run_ray(paths: list[Any], state: RunState, store_location: str) -> None:
    """The driver: stream and skip as a local run does, then extract the rest on Ray."""
    settings = state.settings
    if settings.uses_local_model:
        raise ConfigError("--engine ray needs a model endpoint (--base-url); each worker would start its own model")
    todo = await collect_todo(paths, state)
    if not todo:
        return
    ray = _ray()
    if not ray.is_initialized():
        ray.init(address=settings.ray_address, ignore_reinit_error=True, log_to_driver=False)
    limiter = ray.remote(RateLimiter).remote(settings.rpm, settings.tpm) if (settings.rpm or settings.tpm) else None
    worker_settings = settings.model_copy(update={"db": store_location})
    dataset = ray.data.from_items([a.model_dump() for a in todo])
    outcomes = dataset.map_batches(ExtractBatch, fn_constructor_args=(worker_settings, state.prompt, state.run_id, limiter),
                                   batch_size=BATCH_SIZE, batch_format="pandas", concurrency=settings.ray_workers,
                                   num_cpus=0.5)
    paths_by_id = {a.article_id: a.path for a in todo}
    for row in outcomes.iter_rows():
        usage = Usage(prompt_tokens=int(row["prompt_tokens"]), completion_tokens=int(row["completion_tokens"]), calls=int(row["calls"]))
        state.budget.add(usage)
        state.finish(ArticleOutcome(path=paths_by_id[row["article_id"]], article_id=row["article_id"], status=row["status"],
                                    facts=int(row["facts"]), grounded=int(row["grounded"]), error=row["error"] or None,
                                    usage=usage))
