"""Shared fixtures: the seed folder, settings for tests, and scripted HTTP transports."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2
import pytest
from openai.types.chat import ChatCompletion, ChatCompletionMessage
from openai.types.chat.chat_completion import Choice
from openai.types.completion_usage import CompletionUsage

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


def completion(content: str, finish_reason: str = "stop", prompt_tokens: int = 100, completion_tokens: int = 50) -> ChatCompletion:
    """A real openai ChatCompletion object, as a server would send it."""
    return ChatCompletion(
        id="chatcmpl-test", object="chat.completion", created=0, model="scripted",
        choices=[Choice(index=0, finish_reason=finish_reason,
                        message=ChatCompletionMessage(role="assistant", content=content))],
        usage=CompletionUsage(prompt_tokens=prompt_tokens, completion_tokens=completion_tokens,
                              total_tokens=prompt_tokens + completion_tokens),
    )


def facts_json(*facts: dict[str, Any]) -> str:
    return json.dumps({"facts": list(facts)})


class Script:
    """A scripted OpenAI-compatible endpoint: answers requests in order, and records them."""

    def __init__(self, *responses: httpx2.Response | ChatCompletion) -> None:
        self.responses = list(responses)
        self.requests: list[httpx2.Request] = []

    def handler(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        if not self.responses:
            return httpx2.Response(500, json={"error": {"message": "script exhausted"}})
        answer = self.responses.pop(0)
        if isinstance(answer, ChatCompletion):
            return httpx2.Response(200, content=answer.model_dump_json(), headers={"content-type": "application/json"})
        return answer

    def client(self) -> httpx2.AsyncClient:
        return httpx2.AsyncClient(transport=httpx2.MockTransport(self.handler))

    def bodies(self) -> list[dict[str, Any]]:
        return [json.loads(r.content) for r in self.requests]


@pytest.fixture
def script() -> Callable[..., Script]:
    return Script


PG_URL = os.environ.get("NEWSFACTS_TEST_POSTGRES")
TABLES = ("facts", "findings", "extractions", "articles", "runs", "batches", "leases", "store_meta")


def fresh_postgres() -> str:
    """A PostgreSQL database emptied of the store's tables; skips (or, in CI, fails) without a server."""
    if not PG_URL:
        if os.environ.get("NEWSFACTS_REQUIRE_POSTGRES"):
            pytest.fail("NEWSFACTS_REQUIRE_POSTGRES is set but NEWSFACTS_TEST_POSTGRES is not")
        pytest.skip("no PostgreSQL server (set NEWSFACTS_TEST_POSTGRES; .ci/run does)")
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        for table in TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {table}")
    return PG_URL
