"""Primitive (used by model access and the runner): keep a paid API busy without tripping its limits.

`Throttle` is shared by every HTTP request of a run. It admits a request when
- fewer than `limit` requests are in flight: `limit` starts at --concurrency, halves on each 429
  and grows back by one after `limit` successes in a row (additive increase, multiplicative
  decrease), so a 429 storm slows the whole run instead of every worker hammering on;
- no 429 pause is running: a 429's Retry-After pauses new requests for that long, up to
  `max_pause`; a longer Retry-After (3600, inf) stops the throttle: the request and every later
  one raise `RateLimited` instead of waiting, so the run ends with "rate-limited, resume later";
- the last minute's requests and tokens leave room under --rpm and --tpm.
`ThrottledTransport` applies it to every request the openai client sends, retries included.
The openai client still does the retrying itself and honours Retry-After; this only paces.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol

import httpx2

from ..errors import RateLimited
from .answer_check import CallDeadline, check_answer, is_chat_completion

WINDOW = 60.0
DEFAULT_PAUSE = 1.0
CHARS_PER_TOKEN = 4


_SENT: ContextVar[list[int] | None] = ContextVar("newsfacts_requests_sent", default=None)


@contextmanager
def counting_requests() -> Iterator[list[int]]:
    """Count the HTTP requests sent by the current task inside the block (`[n]`), answered or not."""
    counter = [0]
    token = _SENT.set(counter)
    try:
        yield counter
    finally:
        _SENT.reset(token)


def requests_sent() -> int:
    """The requests counted so far by the innermost `counting_requests` block (0 outside one)."""
    counter = _SENT.get()
    return 0 if counter is None else counter[0]


def _count_request() -> None:
    counter = _SENT.get()
    if counter is not None:
        counter[0] += 1


class CallMeter(Protocol):
    """The run's budget, asked before every model call and told what each answer used."""

    def reserve(self, prompt_tokens: int, completion_tokens: int) -> None: ...  # raises BudgetSpent
    def settle(self, reserved: tuple[int, int], used: tuple[int, int]) -> None: ...


class RequestListener(Protocol):
    """Told of every request the throttle admits and of its answer (a run's progress display)."""

    def request_sent(self) -> None: ...
    def request_answered(self, status: int | None) -> None: ...


class Throttle:
    """Admission control for one run: adaptive concurrency, 429 pauses, request and token rates."""

    def __init__(self, concurrency: int, rpm: int | None = None, tpm: int | None = None,
                 clock: Callable[[], float] = time.monotonic, window: float = WINDOW,
                 gate: Callable[[int], Awaitable[None]] | None = None, listener: RequestListener | None = None,
                 max_pause: float = float("inf"), meter: CallMeter | None = None) -> None:
        """`gate`, if given, is awaited before every request too: a limit shared by many processes.
        `listener`, if given, hears of every request sent and answered."""
        self.gate, self.listener, self.max_pause, self.meter = gate, listener, max_pause, meter
        self.stopped: RateLimited | None = None
        self.ceiling, self.limit = concurrency, concurrency
        self.rpm, self.tpm, self.clock, self.window = rpm, tpm, clock, window
        self.in_flight = 0
        self.paused_until = 0.0
        self.successes = 0
        self.rate_limited = 0
        self.sent = 0
        self._sent: deque[tuple[float, int]] = deque()
        self._changed = asyncio.Condition()

    def _wait_needed(self, tokens: int) -> float | None:
        """Seconds to wait before a request of `tokens` may go; None if it must wait for a release."""
        now = self.clock()
        while self._sent and self._sent[0][0] <= now - self.window:
            self._sent.popleft()
        if self.in_flight >= self.limit:
            return None
        waits = [self.paused_until - now]
        if self.rpm is not None and len(self._sent) >= self.rpm:
            waits.append(self._sent[0][0] + self.window - now)
        if self.tpm is not None and self._sent and sum(t for _, t in self._sent) + tokens > self.tpm:
            waits.append(self._sent[0][0] + self.window - now)
        return max(0.0, *waits)

    async def acquire(self, tokens: int = 0) -> None:
        async with self._changed:
            while True:
                if self.stopped is not None:
                    raise self.stopped
                wait = self._wait_needed(tokens)
                if wait == 0.0:
                    break
                try:
                    await asyncio.wait_for(self._changed.wait(), timeout=wait)
                except TimeoutError:
                    pass
            self.in_flight += 1
            self.sent += 1
            self._sent.append((self.clock(), tokens))
        if self.gate is not None:
            await self.gate(tokens)
        if self.listener is not None:
            self.listener.request_sent()

    def _pause(self, seconds: float) -> None:
        """Pause new requests for `seconds`, or stop for good when that is beyond `max_pause`."""
        if not seconds <= self.max_pause:  # inf and NaN too
            self.stopped = RateLimited(f"rate-limited, resume later: the endpoint asked to wait {seconds:g} s, "
                                       f"more than NEWSFACTS_MAX_RATE_LIMIT_WAIT={self.max_pause:g} s")
            return
        self.paused_until = max(self.paused_until, self.clock() + seconds)

    async def release(self, status: int | None, retry_after: float | None = None) -> None:
        async with self._changed:
            self.in_flight -= 1
            if status == 429:
                self.rate_limited += 1
                self.limit = max(1, self.limit // 2)
                self.successes = 0
                self._pause(DEFAULT_PAUSE if retry_after is None else retry_after)
            elif status is not None and status < 400:
                self.successes += 1
                if self.successes >= self.limit and self.limit < self.ceiling:
                    self.limit, self.successes = self.limit + 1, 0
            self._changed.notify_all()
        if self.listener is not None:
            self.listener.request_answered(status)


def estimate_tokens(body: bytes) -> int:
    """Prompt characters / 4 plus the requested max_tokens: what the request may cost at most."""
    return sum(estimate_usage(body))


def estimate_usage(body: bytes) -> tuple[int, int]:
    """(prompt characters / 4, the requested max_tokens): a request's usage at most, when no answer says it."""
    try:
        request = json.loads(body or b"{}")
    except ValueError:
        return len(body) // CHARS_PER_TOKEN, 0
    if not isinstance(request, dict):
        return len(body) // CHARS_PER_TOKEN, 0
    text = "".join(str(m.get("content", "")) for m in request.get("messages", []) if isinstance(m, dict))
    return len(text) // CHARS_PER_TOKEN, int(request.get("max_tokens") or 0)


def answered_usage(body: bytes, estimate: tuple[int, int]) -> tuple[int, int]:
    """The (prompt, completion) tokens an answer reports; `estimate` where it reports none."""
    try:
        usage = json.loads(body).get("usage")
        return int(usage["prompt_tokens"]), int(usage["completion_tokens"])
    except (ValueError, AttributeError, KeyError, TypeError):
        return estimate


def retry_after_seconds(headers: httpx2.Headers) -> float | None:
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        try:
            return float(headers[name]) * scale
        except (KeyError, ValueError):
            continue
    return None


class ThrottledTransport(httpx2.AsyncBaseTransport):
    """An httpx2 transport that asks the throttle before every request and reports every answer.

    A chat answer is read whole within `deadline` seconds and checked (`answer_check`)."""

    def __init__(self, throttle: Throttle | None, inner: httpx2.AsyncBaseTransport | None = None,
                 deadline: float | None = None) -> None:
        self.throttle, self.deadline = throttle, deadline
        self.inner = inner or httpx2.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        try:
            estimate = estimate_usage(request.content)
        except httpx2.RequestNotRead:  # a streamed upload (a Batch API file) uses no model tokens
            estimate = (0, 0)
        if self.throttle is None:
            _count_request()
            return await self._send(request)
        await self.throttle.acquire(sum(estimate))
        status, retry_after = None, None
        try:
            response = await self._metered(request, estimate)
            status, retry_after = response.status_code, retry_after_seconds(response.headers)
        finally:
            await self.throttle.release(status, retry_after)
        if self.throttle.stopped is not None:
            raise self.throttle.stopped
        return response

    async def _metered(self, request: httpx2.Request, estimate: tuple[int, int]) -> httpx2.Response:
        """Send a chat request only if the budget allows its most; charge what the answer used.

        A call that failed without an answer may still have been billed: it is charged its most."""
        meter = self.throttle.meter if self.throttle is not None and is_chat_completion(request) else None
        if meter is None:
            _count_request()
            return await self._send(request)
        meter.reserve(*estimate)
        used = estimate
        try:
            _count_request()
            response = await self._send(request)
            used = answered_usage(response.content, estimate) if response.status_code == 200 else (0, 0)
            return response
        finally:
            meter.settle(estimate, used)

    async def _send(self, request: httpx2.Request) -> httpx2.Response:
        """The answer, read whole and checked when it is a chat completion; all within the deadline."""
        if not is_chat_completion(request):
            return await self.inner.handle_async_request(request)
        try:
            async with asyncio.timeout(self.deadline):
                response = await self.inner.handle_async_request(request)
                body = await response.aread()
        except TimeoutError:
            raise CallDeadline(f"no whole answer within the call's deadline of {self.deadline:g} s", request=request) from None
        if response.status_code == 200:
            check_answer(body)
        return httpx2.Response(response.status_code, headers=response.headers, content=body,
                               request=request, extensions=response.extensions)

    async def aclose(self) -> None:
        await self.inner.aclose()
