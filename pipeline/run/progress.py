"""Stage (runner): what a run tells whoever watches it — articles finished, model calls, set-up steps.

The runner and the workers call a `Progress`; the CLI supplies one that draws a bar in a terminal or
writes plain lines to a log (`pipeline/console.py`), the library passes `NoProgress`. Model calls are
reported by the run's throttle, which sees every request (retries and reasks included), and set-up
steps ("starting the local model server") by the model endpoint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..model.llm import BatchJobStatus
    from .workers import ArticleOutcome


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, outcome: ArticleOutcome) -> None: ...
    def batch_job_update(self, status: BatchJobStatus) -> None: ...
    def note(self, message: str) -> None: ...
    def request_sent(self) -> None: ...
    def request_answered(self, status: int | None) -> None: ...


class NoProgress:
    """Progress that tells nobody: the library's default."""

    def start(self, total: int) -> None:
        pass

    def advance(self, outcome: ArticleOutcome) -> None:
        pass

    def batch_job_update(self, status: BatchJobStatus) -> None:
        pass

    def note(self, message: str) -> None:
        pass

    def request_sent(self) -> None:
        pass

    def request_answered(self, status: int | None) -> None:
        pass
