"""The run-wide throttle: adaptive concurrency under 429s, pauses, request and token rates."""

from __future__ import annotations

import asyncio
import time

from pipeline.model.throttle import Throttle, estimate_tokens


def run(coro):
    return asyncio.run(coro)


def test_429_halves_the_limit_and_successes_grow_it_back() -> None:
    async def scenario() -> list[int]:
        throttle = Throttle(8)
        seen = []
        await throttle.acquire()
        await throttle.release(429, 0.0)
        seen.append(throttle.limit)
        await throttle.acquire()
        await throttle.release(429, 0.0)
        seen.append(throttle.limit)
        for _ in range(2 + 3 + 4):  # limit successes in a row raise the limit by one
            await throttle.acquire()
            await throttle.release(200)
        seen.append(throttle.limit)
        return seen

    assert run(scenario()) == [4, 2, 5]


def test_retry_after_pauses_every_new_request() -> None:
    async def scenario() -> float:
        throttle = Throttle(4)
        await throttle.acquire()
        await throttle.release(429, 0.2)
        started = time.monotonic()
        await throttle.acquire()
        return time.monotonic() - started

    assert run(scenario()) >= 0.19


def test_in_flight_requests_never_exceed_the_limit() -> None:
    async def scenario() -> int:
        throttle = Throttle(3)
        peak = 0

        async def request() -> None:
            nonlocal peak
            await throttle.acquire()
            peak = max(peak, throttle.in_flight)
            await asyncio.sleep(0.01)
            await throttle.release(200)

        await asyncio.gather(*(request() for _ in range(20)))
        return peak

    assert run(scenario()) == 3


def test_requests_per_window_are_capped() -> None:
    async def scenario() -> float:
        throttle = Throttle(10, rpm=2, window=0.2)
        started = time.monotonic()
        for _ in range(5):  # 2 per 0.2 s: the 5th request waits two windows
            await throttle.acquire()
            await throttle.release(200)
        return time.monotonic() - started

    assert run(scenario()) >= 0.39


def test_tokens_per_window_are_capped() -> None:
    async def scenario() -> float:
        throttle = Throttle(10, tpm=1000, window=0.2)
        started = time.monotonic()
        for _ in range(3):  # 600 tokens each: one per window
            await throttle.acquire(600)
            await throttle.release(200)
        return time.monotonic() - started

    assert run(scenario()) >= 0.39


def test_token_estimate_counts_prompt_and_max_tokens() -> None:
    body = b'{"messages": [{"role": "user", "content": "' + b"x" * 400 + b'"}], "max_tokens": 50}'
    assert estimate_tokens(body) == 150
