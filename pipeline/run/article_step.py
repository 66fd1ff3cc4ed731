"""Stage (runner): the per-article step — one article in, its result out — and the one store step.

Every way of running newsfacts goes through here: the runner's workers, the library
(`pipeline.api`) and the Ray workers. `process_article` extracts one article (inside its cassette
in replay and record modes), normalizes its facts, and turns a failed model call into a failed
result; `store_result` writes a result, its facts and findings or its failure, in one transaction.
`process_articles` is the pure unit of work of the library and of distributed engines.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any, Literal

from pydantic import BaseModel, Field

from schemas.facts import ArticleFacts, Finding, QuantFact, Usage

from ..check.normalize import normalize
from ..errors import InvalidAnswer, ReplayError
from ..extract.extraction import extract
from ..extract.labelling import Asker
from ..extract.prompt_spec import LoadedPrompt
from ..ingest.sources import Article
from ..model import llm, redact
from ..model.cassettes import replay_miss
from ..model.endpoint import LazyEndpoint, recording
from ..model.throttle import Throttle, counting_requests
from ..settings import Settings
from ..store.fact_store import Store

ResultStatus = Literal["done", "failed_retryable", "validation_failed", "failed_permanent", "rate_limited", "deferred"]
FAILED: tuple[ResultStatus, ...] = ("failed_retryable", "validation_failed", "failed_permanent")
PENDING: tuple[ResultStatus, ...] = ("rate_limited", "deferred")  # not written: a later run does the article
RAW_ANSWER_CHARS = 4000  # the last invalid answer kept for review, at most this long
REPLAY_MISS = ("no recorded answer matches this request (prompt, model or settings changed); "
               "re-record with `make record`")


class ArticleResult(BaseModel):
    """What the per-article step gives for one article: its facts and findings, or why it failed."""

    article_id: str
    status: ResultStatus = Field(description="done; failed_retryable, validation_failed, failed_permanent; "
                                             "or left pending: rate_limited, deferred")
    facts: list[QuantFact] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    error: str | None = None
    raw_answer: str | None = Field(None, description="validation_failed: the model's last answer (redacted, capped)")

    @property
    def grounded(self) -> int:
        """How many of its facts have their quote located in the article."""
        return sum(1 for f in self.facts if f.grounding in ("exact", "fuzzy"))


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("run_%Y%m%dT%H%M%SZ_") + secrets.token_hex(3)


def _failed(article_id: str, exc: llm.CallFailed, settings: Settings) -> ArticleResult:
    """A failed call as a result; in replay mode a connection error may really be a cassette miss."""
    status, message = exc.failure.status, exc.failure.message
    if settings.replay and replay_miss(exc):
        status, message = "failed_permanent", REPLAY_MISS
    return ArticleResult(article_id=article_id, status=status, error=message, usage=exc.usage)


def invalid(article_id: str, exc: InvalidAnswer) -> ArticleResult:
    """An answer still invalid after every reask: the article fails with the validator's message and
    the last answer, both redacted; the answer is cut to RAW_ANSWER_CHARS."""
    raw = redact.redact(exc.raw_answer)[:RAW_ANSWER_CHARS] if exc.raw_answer else None
    return ArticleResult(article_id=article_id, status="validation_failed", error=redact.redact(str(exc)),
                         raw_answer=raw, usage=exc.usage)


async def process_article(article: Article, prompt: LoadedPrompt, client: Any, settings: Settings, run_id: str,
                          ask: Asker | None = None) -> ArticleResult:
    """Extract, ground and normalize one article; a failed call gives a failed result, never an exception."""
    with counting_requests() as sent:
        result = await _extracted(article, prompt, client, settings, run_id, ask)
    return result.model_copy(update={"usage": with_requests(result.usage, sent[0])})


def with_requests(usage: Usage, sent: int) -> Usage:
    """`usage` counting every HTTP request sent, also those that brought no usable answer."""
    return usage.model_copy(update={"calls": max(usage.calls, sent)})


async def _extracted(article: Article, prompt: LoadedPrompt, client: Any, settings: Settings, run_id: str,
                     ask: Asker | None) -> ArticleResult:
    try:
        with recording(article.article_id, prompt.name, settings):
            found = await extract(article, prompt, client, settings, run_id, ask)
    except llm.CallFailed as exc:
        return _failed(article.article_id, exc, settings)
    except InvalidAnswer as exc:
        return invalid(article.article_id, exc)
    except ReplayError as exc:
        return ArticleResult(article_id=article.article_id, status="failed_permanent", error=str(exc))
    return ArticleResult(article_id=article.article_id, status="done", facts=normalize(found.facts),
                         findings=found.findings, usage=found.usage)


def store_result(store: Store, result: ArticleResult, prompt: LoadedPrompt, model: str, run_id: str) -> None:
    """Write one result: its facts and findings marked done, or its failure (earlier facts stay).

    A rate-limited article, or one the budget stopped, is not written: it stays pending, for the next run."""
    if result.status in PENDING:
        return
    if result.status == "done":
        store.save_result(ArticleFacts(article_id=result.article_id, facts=result.facts, findings=result.findings,
                                       prompt=prompt.ref, model=model, usage=result.usage), run_id)
    else:
        store.save_failure(result.article_id, prompt.ref, model, run_id, result.status, result.error or "failed",
                           result.raw_answer)


async def process_articles(articles: Sequence[Article], prompt: LoadedPrompt, settings: Settings, run_id: str,
                           throttle: Throttle | None = None) -> list[ArticleResult]:
    """Run a batch of articles through the per-article step: no store, no file."""
    endpoint = LazyEndpoint(settings, throttle)
    results = []
    try:
        for article in articles:
            client, live = await endpoint.get()
            results.append(await process_article(article, prompt, client, live, run_id))
    finally:
        await endpoint.aclose()
        endpoint.close()
    return results
