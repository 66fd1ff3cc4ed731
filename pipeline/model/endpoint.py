"""Stage (model access): the model endpoint of one run, set up once and only when an article needs it.

`model_endpoint` starts the embedded llama.cpp server when the settings name no endpoint;
`LazyEndpoint` builds the one model client of a run (every request through the run's throttle)
on first use; `recording` wraps one article's calls in its cassette in replay and record modes.
The runner's workers, the library and the Ray workers all get their client here.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from typing import Any, TypeVar

from ..settings import Settings
from . import llm
from .cassettes import cassette_path, use_cassette
from .local_model import LocalServer, is_assembled, resolve_gguf
from .throttle import Throttle

T = TypeVar("T")


@contextmanager
def model_endpoint(settings: Settings, say: Callable[[str], None] = lambda _: None) -> Iterator[Settings]:
    """Settings pointing at a live endpoint: the embedded server is started here when needed.

    `say` hears of each set-up step and how long it took, so a long first start is not silent."""
    if not settings.uses_local_model:
        yield settings
        return
    gguf = _timed(say, "assembling the embedded model (1.1 GB, once)", "model assembled",
                  lambda: resolve_gguf(settings.local_gguf, settings.cache_dir),
                  quiet=settings.local_gguf is not None or is_assembled(settings.cache_dir))
    log = settings.cache_dir / "llama-server.log"
    server = LocalServer(gguf, settings.model, log, settings.local_ctx)
    _timed(say, f"starting the local model server ({gguf.name})", "local model server ready", server.__enter__)
    try:
        yield settings.model_copy(update={"base_url": server.base_url, "timeout": settings.local_timeout})
    finally:
        server.stop()


def _timed(say: Callable[[str], None], before: str, after: str, step: Callable[[], T], quiet: bool = False) -> T:
    """Run one set-up step, saying what it is before and how long it took after (unless `quiet`)."""
    if quiet:
        return step()
    say(before)
    started = time.monotonic()
    result = step()
    say(f"{after} in {time.monotonic() - started:.1f} s")
    return result


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

    def __init__(self, settings: Settings, throttle: Throttle | None = None,
                 say: Callable[[str], None] = lambda _: None) -> None:
        self.settings, self.throttle, self.say = settings, throttle, say
        self._stack = ExitStack()
        self._ready: tuple[Any, Settings] | None = None
        self._lock = asyncio.Lock()

    async def get(self) -> tuple[Any, Settings]:
        """The client and the live settings (the embedded server's URL when it runs)."""
        async with self._lock:
            if self._ready is None:
                live = await asyncio.to_thread(self._stack.enter_context, model_endpoint(self.settings, self.say))
                self._ready = (llm.build_client(live, throttle=self.throttle), live)
            return self._ready

    def throttle_stop(self) -> Exception | None:
        """Why the throttle stopped the run (a Retry-After beyond the cap), or None."""
        return None if self.throttle is None else self.throttle.stopped

    async def aclose(self) -> None:
        """Close the client's connections (the embedded server stops in `close`)."""
        if self._ready is not None:
            await llm.close_client(self._ready[0])

    def close(self) -> None:
        self._stack.close()
