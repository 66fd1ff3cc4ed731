"""Stage (model access): the model endpoint of one run, set up once and only when an article needs it.

`model_endpoint` starts the embedded llama.cpp server when the settings name no endpoint;
`LazyEndpoint` builds the one model client of a run (every request through the run's throttle)
on first use; `recording` wraps one article's calls in its cassette in replay and record modes.
The runner's workers, the library and the Ray workers all get their client here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from typing import Any

from ..settings import Settings
from . import llm
from .cassettes import cassette_path, use_cassette
from .local_model import LocalServer, resolve_gguf
from .throttle import Throttle


@contextmanager
def model_endpoint(settings: Settings) -> Iterator[Settings]:
    """Settings pointing at a live endpoint: the embedded server is started here when needed."""
    if not settings.uses_local_model:
        yield settings
        return
    gguf = resolve_gguf(settings.local_gguf, settings.cache_dir)
    log = settings.cache_dir / "llama-server.log"
    with LocalServer(gguf, settings.model, log, settings.local_ctx) as server:
        yield settings.model_copy(update={"base_url": server.base_url, "timeout": settings.local_timeout})


def recording(article_id: str, prompt_name: str, settings: Settings) -> Any:
    """The cassette of one article and prompt (`id@N`) in replay and record modes; nothing otherwise."""
    if not (settings.replay or settings.record):
        return nullcontext()
    path = cassette_path(settings.cassette_dir, prompt_name, settings.model, article_id)
    if settings.record:
        path.unlink(missing_ok=True)
    return use_cassette(path, record=settings.record)


class LazyEndpoint:
    """The model client, made on first use: the embedded server starts only if an article needs it."""

    def __init__(self, settings: Settings, throttle: Throttle | None = None) -> None:
        self.settings, self.throttle = settings, throttle
        self._stack = ExitStack()
        self._ready: tuple[Any, Settings] | None = None
        self._lock = asyncio.Lock()

    async def get(self) -> tuple[Any, Settings]:
        """The client and the live settings (the embedded server's URL when it runs)."""
        async with self._lock:
            if self._ready is None:
                live = await asyncio.to_thread(self._stack.enter_context, model_endpoint(self.settings))
                self._ready = (llm.build_client(live, throttle=self.throttle), live)
            return self._ready

    async def aclose(self) -> None:
        """Close the client's connections (the embedded server stops in `close`)."""
        if self._ready is not None:
            await llm.close_client(self._ready[0])

    def close(self) -> None:
        self._stack.close()
