"""Stage (model access): the only module that imports openai and instructor.

One instructor-wrapped AsyncOpenAI client serves every OpenAI-compatible endpoint: the embedded
llama.cpp server, a hosted API, or a replayed cassette. Retries are layered as DESIGN.md §4 says:
the openai client retries transport errors and honours Retry-After; instructor reasks only on
validation and parse errors, through an explicit tenacity policy; nothing else retries.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

import instructor
from instructor.core.hooks import Hooks
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from instructor.processing.response import handle_reask_kwargs
from openai.types.chat import ChatCompletion
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt

from schemas.base import validation_context
from schemas.facts import Usage

from ..errors import AuthError, BudgetSpent, ConfigError, ExtractionError, RateLimited
from ..settings import Settings, is_openai_endpoint
from . import redact
from .answer_check import BrokenAnswer
from .throttle import CHARS_PER_TOKEN, Throttle, ThrottledTransport

E = TypeVar("E", bound=BaseException)

REASKABLE = (PydanticValidationError, json.JSONDecodeError)


@dataclass(frozen=True)
class ModelFailure:
    """How a failed call should be treated by the runner."""

    status: str  # failed_retryable | validation_failed (retried next run) | failed_permanent (not sent again until
    # the article, prompt or model changes) | rate_limited | deferred (budget): left pending, for a later run
    message: str


class CallFailed(ExtractionError):
    """A model call failed after the allowed retries; carries usage spent so far."""

    def __init__(self, failure: ModelFailure, usage: Usage) -> None:
        super().__init__(failure.message)
        self.failure, self.usage = failure, usage


@dataclass(frozen=True)
class FailedAnswer:
    """An answer that came back but failed validation: the completion and the validator's error."""

    completion: dict[str, Any]
    error: Exception


def reask_messages(messages: list[dict[str, str]], previous: FailedAnswer) -> list[dict[str, Any]]:
    """`messages`, then instructor's own reask: the failed answer and the validator's message."""
    kwargs = handle_reask_kwargs({"messages": list(messages)}, instructor.Mode.JSON,
                                 ChatCompletion.model_validate(previous.completion), previous.error)
    return list(kwargs["messages"])


@dataclass
class StructuredReply:
    """The outcome of one structured call: a validated object or None, and the last answer's raw text."""

    output: BaseModel | None
    raw_text: str | None
    last_error: str | None
    usage: Usage
    attempts: int


def build_client(settings: Settings, http_client: Any = None, throttle: Throttle | None = None) -> instructor.AsyncInstructor:
    """An instructor client over AsyncOpenAI for `settings.base_url`; every request passes `throttle`."""
    if settings.base_url is None:
        raise ConfigError("no model endpoint: set --base-url / NEWSFACTS_BASE_URL or use the embedded model")
    if settings.api_key is None and is_openai_endpoint(settings.base_url):
        raise ConfigError("OpenAI's API needs a key: set NEWSFACTS_API_KEY or OPENAI_API_KEY")
    key = settings.api_key.get_secret_value() if settings.api_key else "no-key"
    redact.register(key if settings.api_key else None, *redact.url_secrets(settings.base_url))
    if http_client is None:
        http_client = openai.DefaultAsyncHttpxClient(transport=ThrottledTransport(throttle, deadline=settings.timeout))
    client = openai.AsyncOpenAI(
        base_url=settings.base_url, api_key=key, timeout=settings.timeout,
        max_retries=settings.max_retries, http_client=http_client,
    )
    return instructor.from_openai(client, mode=instructor.Mode.JSON)


async def close_client(client: instructor.AsyncInstructor) -> None:
    """Close the client's HTTP connections."""
    await client.client.close()


@dataclass(frozen=True)
class CallParams:
    """Sampling parameters for one call, taken from the prompt and settings."""

    temperature: float
    max_tokens: int


def _request_options(settings: Settings, response_model: type[BaseModel], params: CallParams,
                     grammar: dict[str, Any] | None = None) -> dict[str, Any]:
    options: dict[str, Any] = {
        "temperature": params.temperature, "max_tokens": params.max_tokens, "seed": settings.seed,
    }
    if not is_openai_endpoint(settings.base_url):
        # llama.cpp and most local servers turn a schema here into a grammar: every answer parses.
        # `grammar`, when given, is narrower than the response model (the ids and metrics of one call).
        schema = grammar or response_model.model_json_schema()
        options["extra_body"] = {"response_format": {"type": "json_object", "schema": schema}}
    return options


def _usage_hook(usage: list[Usage], most: Usage) -> Hooks:
    """Hooks that append each answer's usage; `most` (the request's size and output limit) when it reports none."""
    hooks = Hooks()

    def on_response(response: Any) -> None:
        raw = getattr(response, "usage", None)
        if raw is None:
            usage.append(most)
            return
        usage.append(Usage(
            prompt_tokens=getattr(raw, "prompt_tokens", 0) or 0,
            completion_tokens=getattr(raw, "completion_tokens", 0) or 0,
            calls=1,
        ))

    hooks.on("completion:response", on_response)
    return hooks


def _most(messages: list[dict[str, Any]], params: CallParams) -> Usage:
    """A call's usage at most: its prompt's characters / 4, and its output limit."""
    chars = sum(len(str(m.get("content", ""))) for m in messages)
    return Usage(prompt_tokens=chars // CHARS_PER_TOKEN, completion_tokens=params.max_tokens, calls=1)


def _completion_text(completion: Any) -> str | None:
    try:
        return completion.choices[0].message.content
    except (AttributeError, IndexError):
        return None


@lru_cache(maxsize=None)
def prepared(response_model: type[BaseModel]) -> type[BaseModel]:
    """The response model wrapped for instructor once, not on every call (its schema then builds once too)."""
    return instructor.openai_schema(response_model)


async def structured(
    client: instructor.AsyncInstructor,
    messages: list[dict[str, str]],
    response_model: type[BaseModel],
    context: dict[str, Any],
    settings: Settings,
    params: CallParams,
    previous: FailedAnswer | None = None,
    grammar: dict[str, Any] | None = None,
) -> StructuredReply:
    """Ask for `response_model`, reasking on validation errors up to `settings.reasks` times.

    This is the one reask path: instructor appends the failed answer and the validator's message.
    `previous`, an answer that failed elsewhere (a Batch API answer), starts the call as such a reask."""
    response_model = prepared(response_model)
    if previous is not None:
        messages = reask_messages(messages, previous)
    spent: list[Usage] = []
    policy = AsyncRetrying(
        stop=stop_after_attempt(settings.reasks + 1),
        retry=retry_if_exception_type(REASKABLE),
        reraise=True,
    )
    try:
        with validation_context(context):  # not instructor's context=, see schemas.base
            output = await client.chat.completions.create(
                messages=messages, model=settings.model, response_model=response_model,
                max_retries=policy, hooks=_usage_hook(spent, _most(messages, params)),
                **_request_options(settings, response_model, params, grammar),
            )
    except InstructorRetryException as exc:
        cause = exc.__cause__
        if isinstance(cause, REASKABLE):
            return StructuredReply(None, _completion_text(exc.last_completion), validator_message(cause),
                                   sum(spent, Usage()), exc.n_attempts)
        raise CallFailed(classify(cause or exc, params.max_tokens), sum(spent, Usage())) from (cause or exc)
    except Exception as exc:  # classified, then re-raised as our own error
        raise CallFailed(classify(exc, params.max_tokens), sum(spent, Usage())) from exc
    raw = _completion_text(getattr(output, "_raw_response", None))  # a valid answer may still hold labels set aside
    return StructuredReply(output, raw, None, sum(spent, Usage()), len(spent))


def validator_message(exc: BaseException) -> str:
    """What the validator said, as the model was told it: each error's place and message, on one line."""
    if not isinstance(exc, PydanticValidationError):
        return " ".join(str(exc).split())
    said = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"])
        said.append(f"{where + ': ' if where else ''}{str(error['msg']).removeprefix('Value error, ')}")
    return "; ".join(said)


def classify(exc: BaseException, max_tokens: int) -> ModelFailure:
    """Decide whether a failed call is worth retrying on a later run. Never includes a key."""
    if isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
        raise AuthError(f"the model endpoint refused the credentials ({type(exc).__name__}); check NEWSFACTS_API_KEY") from None
    name = type(exc).__name__
    if (stop := _cause_of_type(exc, RateLimited)) is not None:
        return ModelFailure("rate_limited", str(stop))
    if (spent := _cause_of_type(exc, BudgetSpent)) is not None:
        return ModelFailure("deferred", str(spent))
    if (broken := _cause_of_type(exc, BrokenAnswer)) is not None:
        return ModelFailure("failed_retryable", f"broken answer: {broken}")
    if isinstance(exc, IncompleteOutputException):
        return ModelFailure("validation_failed", f"output truncated at max_tokens={max_tokens}; raise --max-output-tokens")
    if isinstance(exc, (openai.RateLimitError, openai.APIConnectionError, openai.InternalServerError)):
        return ModelFailure("failed_retryable", f"{name}: {_short(exc)}")
    if isinstance(exc, openai.BadRequestError):
        return ModelFailure("failed_permanent", f"{name}: {_short(exc)}")
    if isinstance(exc, openai.APIStatusError):
        return ModelFailure("failed_retryable", f"{name} {exc.status_code}: {_short(exc)}")
    return ModelFailure("failed_retryable", f"{name}: {_short(exc)}")


def _cause_of_type(exc: BaseException, kind: type[E]) -> E | None:
    """`exc` or the first exception of type `kind` in its chain of causes."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _short(exc: BaseException) -> str:
    return redact.redact(" ".join(str(exc).split()))[:300]


# --- OpenAI Batch API: the same requests, sent as one file and answered within 24 hours ---------


@dataclass(frozen=True)
class BatchJobStatus:
    batch_id: str
    status: str  # validating | in_progress | finalizing | completed | failed | expired | cancelling | cancelled
    completed: int
    failed: int
    total: int
    output_file_id: str | None
    error_file_id: str | None

    @property
    def finished(self) -> bool:
        return self.status in ("completed", "failed", "expired", "cancelled")


@contextmanager
def _batch_api_errors() -> Iterator[None]:
    """A failed Files or Batches call becomes CallFailed, classified like a chat call (a 401 stops the run)."""
    try:
        yield
    except openai.APIError as exc:
        raise CallFailed(classify(exc, 0), Usage()) from exc


def batch_job_request(custom_id: str, messages: list[dict[str, str]], response_model: type[BaseModel],
                      settings: Settings, params: CallParams, grammar: dict[str, Any] | None = None) -> dict[str, Any]:
    """One line of a Batch API input file: a chat completion asking for `response_model` as JSON."""
    schema = json.dumps(response_model.model_json_schema(), ensure_ascii=False)
    system = f"{messages[0]['content']}\n\nAnswer with one JSON object that matches this JSON schema:\n{schema}"
    options = _request_options(settings, response_model, params, grammar)
    body: dict[str, Any] = {
        "model": settings.model, "messages": [{"role": "system", "content": system}, *messages[1:]],
        "temperature": options["temperature"], "max_tokens": options["max_tokens"], "seed": options["seed"],
        "response_format": {"type": "json_object"}, **options.get("extra_body", {}),
    }
    return {"custom_id": custom_id, "method": "POST", "url": "/v1/chat/completions", "body": body}


async def create_batch_job(client: instructor.AsyncInstructor, lines: list[dict[str, Any]]) -> tuple[str, str]:
    """Upload the requests and create the batch; returns (input file id, batch id)."""
    payload = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8")
    with _batch_api_errors():
        uploaded = await client.client.files.create(file=("newsfacts-batch.jsonl", payload), purpose="batch")
        batch = await client.client.batches.create(
            input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h")
    return uploaded.id, batch.id


async def get_batch_job(client: instructor.AsyncInstructor, batch_id: str) -> BatchJobStatus:
    with _batch_api_errors():
        batch = await client.client.batches.retrieve(batch_id)
    counts = batch.request_counts
    return BatchJobStatus(batch.id, batch.status, getattr(counts, "completed", 0) or 0, getattr(counts, "failed", 0) or 0,
                       getattr(counts, "total", 0) or 0, batch.output_file_id, batch.error_file_id)


async def request_batch_job_cancel(client: instructor.AsyncInstructor, batch_id: str) -> str:
    with _batch_api_errors():
        return str((await client.client.batches.cancel(batch_id)).status)


async def batch_job_results(client: instructor.AsyncInstructor, file_id: str) -> list[dict[str, Any]]:
    """The result lines of a finished batch (output or error file)."""
    with _batch_api_errors():
        content = await client.client.files.content(file_id)
    return [json.loads(line) for line in content.text.splitlines() if line.strip()]


def read_batch_job_answer(result: dict[str, Any], response_model: type[BaseModel],
                      context: dict[str, Any]) -> tuple[BaseModel | None, Usage, FailedAnswer | None]:
    """The validated answer of one batch result line, its usage, and, when it came back but does
    not validate, the failed answer to reask from. A failed or truncated request gives neither."""
    response = result.get("response") or {}
    body = response.get("body") or {}
    raw = body.get("usage") or {}
    usage = Usage(prompt_tokens=raw.get("prompt_tokens", 0), completion_tokens=raw.get("completion_tokens", 0), calls=1)
    if result.get("error") or response.get("status_code") != 200:
        return None, usage, None
    try:
        choice = body["choices"][0]
        if choice.get("finish_reason") == "length":
            return None, usage, None
        content = choice["message"]["content"]
    except (KeyError, IndexError, TypeError):
        return None, usage, None
    if not isinstance(content, str):
        return None, usage, None
    try:
        return response_model.model_validate_json(content, context=context), usage, None
    except REASKABLE as exc:
        return None, usage, FailedAnswer(body, exc)
