"""Entry point (CLI support): a run's progress on standard error — a bar in a terminal, plain lines in a log.

In a terminal, `BarProgress` draws one bar over the articles, with the model calls answered and in
flight and an estimate of the time left. When standard error is a file or a pipe (CI logs),
`LogProgress` writes one line per set-up step and per finished article, and a heartbeat line
whenever nothing was written for `heartbeat` seconds, so a long run is never silent.
"""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

if TYPE_CHECKING:
    from .model.llm import BatchJobStatus
    from .run.workers import ArticleOutcome

PROCESSED = ("done", "failed_retryable", "validation_failed", "failed_permanent")


class RunTally:
    """Counts shared by both displays: articles finished, requests answered and in flight, time left."""

    def __init__(self) -> None:
        self.total, self.finished, self.answered, self.in_flight = 0, 0, 0, 0
        self.seconds: list[float] = []
        self.started = time.monotonic()
        self.lock = threading.Lock()

    def finish(self, outcome: ArticleOutcome) -> None:
        with self.lock:
            self.finished += 1
            if outcome.status in PROCESSED:
                self.seconds.append(outcome.seconds)

    def eta(self) -> str:
        """Time left: the median seconds of a processed article times the articles not yet finished."""
        if not self.seconds:
            return "ETA after the first article"
        left = statistics.median(self.seconds) * max(0, self.total - self.finished)
        return f"ETA {clock(left)}"

    def request_sent(self) -> None:
        with self.lock:
            self.in_flight += 1

    def request_answered(self) -> None:
        with self.lock:
            self.in_flight -= 1
            self.answered += 1

    def line(self) -> str:
        return (f"{self.finished}/{self.total} articles, {self.answered} model calls answered, "
                f"{self.in_flight} in flight, {clock(time.monotonic() - self.started)} elapsed, {self.eta()}")


def job_line(status: BatchJobStatus) -> str:
    """A Batch API job's state: "batch job ID: in_progress (40/100 requests)"."""
    done = f"{status.completed + status.failed}/{status.total}" if status.total else "-"
    return f"batch job {status.batch_id}: {status.status} ({done} requests)"


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


class LogProgress:
    """Plain lines for logs: set-up steps, one line per finished article, and a heartbeat."""

    def __init__(self, stream: TextIO, heartbeat: float = 30.0) -> None:
        self.stream, self.heartbeat, self.tally = stream, heartbeat, RunTally()
        self._last_line = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="newsfacts-heartbeat", daemon=True)

    def _write(self, text: str) -> None:
        with self.tally.lock:
            self.stream.write(f"[{clock(time.monotonic() - self.tally.started):>7}] {text}\n")
            self.stream.flush()
            self._last_line = time.monotonic()

    def _beat(self) -> None:
        while not self._stop.wait(min(self.heartbeat, 1.0)):
            if time.monotonic() - self._last_line >= self.heartbeat:
                self._write(f"working: {self.tally.line()}")

    def start(self, total: int) -> None:
        self.tally.total = total
        self._write(f"{total} input files")
        self._thread.start()

    def advance(self, outcome: ArticleOutcome) -> None:
        self.tally.finish(outcome)
        detail = f"{outcome.facts} facts, {outcome.usage.calls} model calls, {outcome.seconds:.1f} s"
        note = f" ({outcome.error[:200]})" if outcome.error else ""
        self._write(f"{outcome.status:<16} {Path(outcome.path).name}: {detail}{note}; {self.tally.eta()}")

    def batch_job_update(self, status: BatchJobStatus) -> None:
        self._write(job_line(status))

    def note(self, message: str) -> None:
        self._write(message)

    def request_sent(self) -> None:
        self.tally.request_sent()

    def request_answered(self, status: int | None) -> None:
        self.tally.request_answered()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


class BarProgress:
    """A rich bar for terminals: one step per article, with model calls and the time left beside it."""

    def __init__(self, console: Console) -> None:
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TextColumn("{task.fields[calls]}"))
        self._bar = Progress(*columns, console=console, transient=False)
        self._task: Any = None
        self.tally = RunTally()

    def _show(self, **update: Any) -> None:
        if self._task is not None:
            calls = f"{self.tally.answered} calls, {self.tally.in_flight} in flight, {self.tally.eta()}"
            self._bar.update(self._task, calls=calls, **update)

    def start(self, total: int) -> None:
        self.tally.total = total
        if total:
            self._bar.start()
            self._task = self._bar.add_task("extracting", total=total, calls="")

    def advance(self, outcome: ArticleOutcome) -> None:
        self.tally.finish(outcome)
        self._show(advance=1, description=f"{Path(outcome.path).name}: {outcome.status}")

    def batch_job_update(self, status: BatchJobStatus) -> None:
        self._show(description=job_line(status))

    def note(self, message: str) -> None:
        self._bar.console.print(f"[dim]{escape(message)}[/dim]", highlight=False)

    def request_sent(self) -> None:
        self.tally.request_sent()
        self._show()

    def request_answered(self, status: int | None) -> None:
        self.tally.request_answered()
        self._show()

    def stop(self) -> None:
        self._bar.stop()
