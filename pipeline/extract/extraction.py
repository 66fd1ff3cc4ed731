"""Stage (extraction): one article in, ArticleFacts out.

Long articles are split on paragraph boundaries (chunking) and each part is labelled on its own by
the strategy the prompt names (`labelling`): v1 lets the model write whole facts, v2 and v3 let
it label quantities that code has parsed. The parts' facts are merged, split where one number is
written for two periods (`shared_periods`), grounded in the full text, and checked for coverage.
Every model call goes through an asker: `LiveAsker` here, or the Batch API's, which answers from a
finished batch first.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from schemas.facts import ArticleFacts, Finding, Usage

from ..ingest.sources import Article
from ..model import llm
from ..model.throttle import requests_sent
from ..settings import Settings
from .chunking import merge_facts
from .coverage import check_article_coverage
from .entities import fill_entities, unnamed_entities
from .grounding import ground_facts
from .labelling import Asker, LabelRequest, Provenance, parts_of, strategy_for
from .mentions import quantities
from .prompt_spec import LoadedPrompt
from .shared_periods import one_per_period

DEFAULT_MAX_TOKENS = 1536
LISTED = 10  # quantities named in a finding; the rest are counted


def first_messages(prompt: LoadedPrompt, article: Article) -> list[dict[str, str]]:
    """The exact messages of the first call for `article` (what `prompts render` shows)."""
    return strategy_for(prompt).first_messages(prompt, article)


def call_params(prompt: LoadedPrompt, settings: Settings) -> llm.CallParams:
    """Sampling parameters: the prompt's, with --max-output-tokens taking precedence."""
    max_tokens = settings.max_output_tokens or prompt.spec.params.max_tokens or DEFAULT_MAX_TOKENS
    return llm.CallParams(temperature=prompt.spec.params.temperature, max_tokens=max_tokens)


class LiveAsker:
    """Sends each request to the model now; `previous` (a failed answer) makes it a reask.

    A call that fails all its transport retries with a retryable error is sent again while the
    article's `article_retries` last, so one quantity's bad luck does not fail its article."""

    def __init__(self, client: Any, settings: Settings, params: llm.CallParams) -> None:
        self.client, self.settings, self.params = client, settings, params
        self.retries_left = settings.article_retries

    def _check_cap(self) -> None:
        """Refuse the call once the article has sent NEWSFACTS_MAX_CALLS_PER_ARTICLE requests."""
        cap = self.settings.max_calls_per_article
        if requests_sent() >= cap:
            raise llm.CallFailed(llm.ModelFailure(
                "failed_permanent", f"the article reached NEWSFACTS_MAX_CALLS_PER_ARTICLE={cap} calls; raise it "
                                    f"and use --force to try again"), Usage())

    async def __call__(self, request: LabelRequest, key: str | None = None,
                       previous: llm.FailedAnswer | None = None) -> llm.StructuredReply:
        lost = Usage()
        while True:
            self._check_cap()
            try:
                reply = await llm.structured(self.client, request.messages, request.response_model, request.context,
                                             self.settings, self.params, previous, request.grammar)
                return replace(reply, usage=reply.usage + lost)
            except llm.CallFailed as exc:
                if exc.failure.status != "failed_retryable" or self.retries_left <= 0:
                    raise llm.CallFailed(exc.failure, exc.usage + lost) from exc
                self.retries_left, lost = self.retries_left - 1, lost + exc.usage


def left_out(article: Article, cap: int) -> list[Finding]:
    """A finding naming the quantities not sent to the model because of the per-article cap."""
    found = quantities(article.text)
    if len(found) <= cap:
        return []
    rest = found[cap:]
    shown = ", ".join(f"«{m.text}»" for m in rest[:LISTED])
    more = f" and {len(rest) - LISTED} more" if len(rest) > LISTED else ""
    return [Finding(check="extraction", severity="warning", article_id=article.article_id,
                    message=f"{len(rest)} of the article's {len(found)} quantities were not sent to the model "
                            f"(NEWSFACTS_MAX_QUANTITIES_PER_ARTICLE={cap}): {shown}{more}")]


async def extract(article: Article, prompt: LoadedPrompt, client: Any, settings: Settings, run_id: str,
                  ask: Asker | None = None) -> ArticleFacts:
    """Extract, attach provenance, ground and check coverage for one article.

    `ask` replaces the live model calls (the Batch API path answers from its batch first)."""
    strategy = strategy_for(prompt)
    ask = ask or LiveAsker(client, settings, call_params(prompt, settings))
    stamp = Provenance(prompt.ref, settings.model, run_id)
    chunks = parts_of(article, settings.chunk_chars, settings.chunk_overlap, settings.max_quantities_per_article)
    parts = [await strategy.extract_part(part, prompt, ask, stamp) for part in chunks]
    facts, unnamed = unnamed_entities(one_per_period(merge_facts([p.facts for p in parts]), article.text), article.text,
                                      article.article_id)
    facts, named = fill_entities(facts, article.article_id)
    facts, grounding = ground_facts(facts, article.text)
    reasons = {span: reason for p in parts for span, reason in p.reasons.items()}
    findings = [f for p in parts for f in p.findings] + unnamed + named + grounding
    if strategy.labels_mentions:
        findings += left_out(article, settings.max_quantities_per_article)
    findings += check_article_coverage(article.article_id, article.text, facts, reasons)
    return ArticleFacts(
        article_id=article.article_id, facts=facts, findings=findings, prompt=prompt.ref, model=settings.model,
        usage=sum((p.usage for p in parts), Usage()), attempts=sum(p.attempts for p in parts),
    )
