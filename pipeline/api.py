"""Entry point (library): the `Pipeline` object and `process_batch`, for calling newsfacts from Python.

`Pipeline(settings)` runs a whole batch (`run`, the same as `newsfacts run`), extracts one article
(`extract`), or validates facts (`validate`), with async twins for code that already runs an event
loop. `process_batch(articles, settings)` is the unit of work a distributed engine calls per
partition: it runs each article through the per-article step (`article_step.py`), touches no
store and no file, and gives the same facts, fact id for fact id, every time for the same
articles, prompt and model.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from pathlib import Path

from schemas.facts import ArticleFacts, QuantFact
from schemas.validation import ValidationReport

from .check.validation import validate
from .extract.prompts import load_prompt
from .ingest.sources import Article, load_article
from .model import llm
from .model.throttle import Throttle
from .run.article_step import ArticleResult, new_run_id, process_articles
from .run.runner import RunResult, run_batch
from .settings import Settings


class Pipeline:
    """newsfacts as a Python object: run batches, extract single articles, validate facts.

    Args:
        settings: model, endpoint, prompt and limits; default `Settings.from_env()` (NEWSFACTS_*
            environment variables, else the embedded local model).

    Example:
        >>> from pipeline import Pipeline, Settings
        >>> pipe = Pipeline(Settings.from_env(replay=True))
        >>> result = pipe.run(["seeds/"], out_dir="out/lib")  # doctest: +SKIP
        >>> [f.metric for f in result.facts][:2]  # doctest: +SKIP
        ['gdp_real_growth', 'gdp_real_growth']
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()

    def run(self, paths: Sequence[str | Path], out_dir: str | Path = "out") -> RunResult:
        """Process every article under `paths`, store them, validate, and write the reports.

        Example:
            >>> Pipeline(Settings.from_env(replay=True)).run(["seeds/"], "out/lib").summary["counts"]["facts"]  # doctest: +SKIP
            23
        """
        return run_batch(list(paths), self.settings, Path(out_dir))

    async def arun(self, paths: Sequence[str | Path], out_dir: str | Path = "out") -> RunResult:
        """`run`, for async code: the batch runs in a worker thread with its own event loop.

        Example:
            >>> result = await Pipeline(Settings.from_env(replay=True)).arun(["seeds/"], "out/lib")  # doctest: +SKIP
        """
        return await asyncio.to_thread(self.run, paths, out_dir)

    def extract(self, article: Article | str | Path) -> ArticleFacts:
        """Extract, ground and normalize the facts of one article (an `Article` or a file path).

        Example:
            >>> facts = Pipeline(Settings.from_env(replay=True)).extract("seeds/001_d62aa7f765da4adb.txt")  # doctest: +SKIP
            >>> facts.facts[0].quote  # doctest: +SKIP
        """
        return asyncio.run(self.aextract(article))

    async def aextract(self, article: Article | str | Path) -> ArticleFacts:
        """`extract`, for async code."""
        loaded = article if isinstance(article, Article) else load_article(Path(article))
        prompt = load_prompt(self.settings.prompt, self.settings.prompts_dir)
        [result] = await process_articles([loaded], prompt, self.settings, new_run_id())
        if result.status != "done":
            raise llm.CallFailed(llm.ModelFailure(result.status, result.error or "failed"), result.usage)
        return ArticleFacts(article_id=result.article_id, facts=result.facts, findings=result.findings,
                            prompt=prompt.ref, model=self.settings.model, usage=result.usage)

    def validate(self, facts: list[QuantFact], texts: Mapping[str, str] | None = None) -> ValidationReport:
        """Check units, dates and cross-source agreement; `texts` (article id -> text) adds grounding.

        Example:
            >>> report = Pipeline().validate(result.facts)  # doctest: +SKIP
            >>> [g.verdict for g in report.groups if g.verdict == "conflict"]  # doctest: +SKIP
        """
        return validate(facts, texts)


def process_batch(articles: Sequence[Article], settings: Settings, run_id: str | None = None) -> list[ArticleResult]:
    """Extract a batch of articles: no store, no files; the unit of work of distributed engines.

    Fact ids depend only on the article, prompt and model, so the same batch gives the same facts;
    `run_id` (default: a new one) is stamped on them for provenance.

    Example:
        >>> from pipeline import load_articles
        >>> results = process_batch(load_articles(["seeds/"]).articles, Settings.from_env(replay=True))  # doctest: +SKIP
    """
    return asyncio.run(aprocess_batch(articles, settings, run_id))


async def aprocess_batch(articles: Sequence[Article], settings: Settings, run_id: str | None = None,
                         throttle: Throttle | None = None) -> list[ArticleResult]:
    """`process_batch`, for async code (an engine's async worker calls this); `throttle` paces its requests."""
    prompt = load_prompt(settings.prompt, settings.prompts_dir)
    return await process_articles(articles, prompt, settings, run_id or new_run_id(), throttle)
