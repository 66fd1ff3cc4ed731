"""Stage (store): the records the fact store reads and writes, and what may be stored at all.

`ExtractionState`, `RunRecord` and `BatchJob` are what the store gives back; the `*_from_row`
functions read them from rows; `unstorable` says why a fact could not be stored and read back;
`lease_owner` names who holds a lease on an extraction.
"""

from __future__ import annotations

import json
import math
import os
import socket
from datetime import datetime, timezone
from typing import Any, Literal, Protocol

from pydantic import BaseModel, Field, ValidationError

from schemas.facts import Finding, QuantFact, Usage

from ..check.periods import is_calendar_date

ExtractionStatus = Literal["done", "failed_retryable", "failed_permanent", "validation_failed", "empty"]
FailureStatus = Literal["failed_retryable", "failed_permanent", "validation_failed", "empty"]


def lease_owner(run_id: str) -> str:
    """Who holds a lease: host, process and run."""
    return f"{socket.gethostname()}:{os.getpid()}:{run_id}"


def owner_is_gone(owner: str) -> bool:
    """True when `owner` was a process of this host that no longer runs."""
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class ArticleLike(Protocol):
    """What the store needs from an article; `pipeline.ingest.sources` articles match it structurally."""

    @property
    def article_id(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def source(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def text_or_none(self) -> str: ...
    @property
    def content_sha256(self) -> str: ...


class ExtractionState(BaseModel):
    """Where one (article, prompt, model) extraction stands."""

    article_id: str
    prompt: str
    model: str
    status: ExtractionStatus
    attempts: int
    error: str | None
    usage: Usage
    run_id: str
    updated_at: str
    raw_answer: str | None = Field(None, description="validation_failed: the model's last answer, redacted and capped")


class RunRecord(BaseModel):
    """One run: when it started and finished, its settings and its JSON summary."""

    run_id: str
    started_at: str
    finished_at: str | None
    summary: dict[str, Any] = Field(default_factory=dict)
    settings: dict[str, Any] = Field(default_factory=dict)


class BatchJob(BaseModel):
    """A Batch API job, saved the moment it is created so that a crash never orphans a paid batch."""

    batch_id: str
    input_file_id: str
    prompt: str
    model: str
    base_url: str | None
    run_id: str
    article_ids: list[str]
    requests: int
    status: str
    created_at: str = ""
    updated_at: str = ""


def state_from_row(row: Any) -> ExtractionState:
    usage = Usage(prompt_tokens=row["prompt_tokens"], completion_tokens=row["completion_tokens"],
                  calls=row["calls"])
    return ExtractionState(article_id=row["article_id"], prompt=row["prompt"], model=row["model"],
                           status=row["status"], attempts=row["attempts"], error=row["error"],
                           usage=usage, run_id=row["run_id"], updated_at=row["updated_at"], raw_answer=row["raw_answer"])


def run_from_row(row: Any) -> RunRecord:
    return RunRecord(run_id=row["run_id"], started_at=row["started_at"], finished_at=row["finished_at"],
                     summary=json.loads(row["summary_json"] or "{}"), settings=json.loads(row["settings_json"]))


def unstorable(fact: QuantFact) -> str | None:
    """Why `fact` cannot be stored and read back (a non-finite number, a date no calendar has), else None."""
    for field in ("value", "value_max", "value_usd"):
        number = getattr(fact, field)
        if number is not None and not math.isfinite(number):
            return f"{field} is not a finite number ({number})"
    for field in ("published", "period_start", "period_end"):
        day = getattr(fact, field)
        if day is not None and not is_calendar_date(day):
            return f"{field} {day!r} is not a date in the calendar"
    try:
        QuantFact.model_validate_json(fact.model_dump_json())
    except ValidationError as exc:
        return f"it would not read back: {first_error(exc)}"
    return None


def first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    return f"{'.'.join(map(str, error['loc']))}: {error['msg']}"


def fact_from_row(row: Any) -> QuantFact | Finding:
    """The stored fact, or an error finding when its row no longer validates (the row is then skipped)."""
    try:
        fact = QuantFact.model_validate_json(row["fact_json"])
        reason = unstorable(fact)
    except ValidationError as exc:
        reason = first_error(exc)
    if reason is None:
        return fact
    return Finding(check="store", severity="error", fact_ids=[row["fact_id"]], article_id=row["article_id"],
                   message=f"stored fact {row['fact_id']} of article {row['article_id']} cannot be read and is skipped "
                           f"({reason}); `newsfacts run --force` extracts the article again")


def finding_from_row(row: Any) -> Finding:
    return Finding(check=row["check_name"], severity=row["severity"],
                   fact_ids=json.loads(row["fact_ids_json"]), message=row["message"],
                   article_id=row["article_id"])


def dumps_json(value: dict[str, Any]) -> str:
    """JSON for settings and summaries; Paths, dates and the like become their str()."""
    return json.dumps(value, sort_keys=True, default=str)


def text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
