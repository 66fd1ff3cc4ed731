"""Stage (model access): a chat answer is checked as it arrives, before the openai client reads it.

A 200 whose body is empty, cut off, not JSON, has no choices, or reports negative token usage is
not an answer: `check_answer` raises `BrokenAnswer`, which the openai client retries like a dropped
connection and finally reports as a connection error caused by it. A call that takes longer in
all than its deadline (a server sending one byte at a time never trips a read timeout) raises
`CallDeadline`, a timeout the client also retries. Both are raised by `ThrottledTransport`.
"""

from __future__ import annotations

import json
from typing import Any

import httpx2


class BrokenAnswer(Exception):
    """A 200 from the chat endpoint that is no usable completion; the message says why."""


class CallDeadline(httpx2.TimeoutException):
    """One HTTP request took longer in all than its deadline."""


def is_chat_completion(request: httpx2.Request) -> bool:
    return request.method == "POST" and request.url.path.endswith("/chat/completions")


def check_answer(body: bytes) -> None:
    """Raise BrokenAnswer unless `body` is a JSON completion with choices and sane usage."""
    if not body.strip():
        raise BrokenAnswer("the endpoint answered 200 with an empty body")
    try:
        answer = json.loads(body)
    except ValueError:
        raise BrokenAnswer(f"the endpoint answered 200 with a body that is not JSON ({len(body)} bytes)") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("choices"), list) or not answer["choices"]:
        raise BrokenAnswer("the endpoint answered 200 with JSON that holds no choices")
    _check_usage(answer.get("usage"))


def _check_usage(usage: Any) -> None:
    if usage is None:
        return
    if not isinstance(usage, dict):
        raise BrokenAnswer("the answer's usage is not an object")
    for name in ("prompt_tokens", "completion_tokens"):
        count = usage.get(name, 0)
        if count is not None and (not isinstance(count, int) or count < 0):
            raise BrokenAnswer(f"the answer's usage has {name} = {count!r}")
