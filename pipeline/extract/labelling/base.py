"""Stage (extraction, labelling): what every labelling strategy shares — parts, requests, replies.

A strategy never talks to the model itself. It builds `LabelRequest`s (messages, response model,
validation context) and hands each to an `Asker`: the live asker sends it through the model
client, the Batch API asker first looks for the batch's answer to the same request. Because both
read the one request a strategy built, a batch answer always matches its live twin.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from pydantic import BaseModel

from schemas.facts import Finding, QuantFact, Usage
from schemas.primitives.scripts import scripts_in

from ...errors import ConfigError, InvalidAnswer
from ..chunking import split_text
from ..mention_phrases import phrase_rule
from ..mentions import Mention, quantities
from ..prompt_spec import LoadedPrompt

if TYPE_CHECKING:
    from ...ingest.sources import Article
    from ...model.llm import StructuredReply


PRECEDING_SENTENCES = 2  # sentences shown before a quantity's own sentence (prompts v3 to v5)


def not_batchable(prompt: LoadedPrompt) -> ConfigError:
    """The error for `--batch-api` with a prompt whose later requests depend on earlier answers."""
    return ConfigError(f"--batch-api needs a prompt whose requests are all known before any answer "
                       f"(extract_facts@3 to @7), not {prompt.name}")


def article_context(article: Article) -> dict[str, Any]:
    """What every label validator reads about the article: its scripts, its text, where the names a
    label writes must be found, and its outlet, which may itself be who says a figure."""
    return {"scripts": scripts_in(article.text), "text": article.text, "outlet": article.source}


@dataclass(frozen=True)
class LabelRequest:
    """One model call as a strategy means it: exactly these messages, this model, this context."""

    messages: list[dict[str, str]]
    response_model: type[BaseModel]
    context: dict[str, Any]
    grammar: dict[str, Any] | None = None  # the JSON schema a local server enforces, when narrower than the model's


class Asker(Protocol):
    """Answers a request: live, or from a Batch API job; `key` names a request that can be batched."""

    def __call__(self, request: LabelRequest, key: str | None = None) -> Awaitable[StructuredReply]: ...


@dataclass(frozen=True)
class Part:
    """One chunk of an article, as an article of its own that starts at `offset` in the full text."""

    article: Article
    offset: int
    limit: int | None = None  # at most this many of its quantities are sent to the model

    @cached_property
    def mentions(self) -> list[Mention]:
        return quantities(self.article.text)[:self.limit]

    @cached_property
    def settled(self) -> dict[str, str]:
        """Mention id -> the rule that decided it only joins a phrase (`mention_phrases`); never asked about."""
        return {m.id: rule for m in self.mentions if (rule := phrase_rule(self.article.text, m))}

    @property
    def asked(self) -> list[Mention]:
        """The mentions the model is asked about: all but those settled by rule."""
        return [m for m in self.mentions if m.id not in self.settled]

    def key(self, mention_id: str) -> str:
        """The name of the request about one quantity (a Batch API custom_id)."""
        return f"{self.article.article_id}/{self.offset}/{mention_id}"


def parts_of(article: Article, chunk_chars: int, overlap: int, max_quantities: int | None = None) -> list[Part]:
    """The parts an article is sent in: its chunks on paragraph boundaries, holding at most
    `max_quantities` quantities in all (the first ones; the rest are left out)."""
    parts, left = [], max_quantities
    for chunk in split_text(article.text, chunk_chars, overlap):
        part = Part(article.model_copy(update={"text": chunk.text}), chunk.start, left)
        parts.append(part)
        left = None if left is None else max(0, left - len(part.mentions))
    return parts


@dataclass
class PartResult:
    """What one part (chunk) of an article gave."""

    facts: list[QuantFact]
    findings: list[Finding] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    attempts: int = 0
    reasons: dict[tuple[int, int], str] = field(default_factory=dict)


def still_invalid(reply: StructuredReply, about: str, usage: Usage) -> InvalidAnswer:
    """The error that fails an article whose answer about `about` failed validation on every attempt.

    It carries the last answer and the validator's message, for review; `usage` is what the part spent."""
    return InvalidAnswer(f"the answer about {about} still failed validation after {reply.attempts} attempts: "
                         f"{reply.last_error or 'no valid JSON'}", reply.raw_text, usage)


@dataclass(frozen=True)
class Provenance:
    """What every fact of one extraction is stamped with."""

    prompt_ref: str
    model: str
    run_id: str


class Strategy(Protocol):
    """One way of labelling an article, chosen by the prompt's `response_model`."""

    response_model: ClassVar[str]
    batchable: ClassVar[bool]  # can every request be built before any answer is in (Batch API)?
    labels_mentions: ClassVar[bool]  # does it send the scanned quantities (capped per article), not the whole text?

    def first_messages(self, prompt: LoadedPrompt, article: Article) -> list[dict[str, str]]: ...

    async def extract_part(self, part: Part, prompt: LoadedPrompt, ask: Asker, stamp: Provenance) -> PartResult: ...

    def requests(self, part: Part, prompt: LoadedPrompt) -> Iterator[tuple[str, LabelRequest]]: ...
