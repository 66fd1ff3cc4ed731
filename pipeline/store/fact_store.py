"""Stage (store): the fact store — idempotent, one transaction per article, resumable.

One database holds the articles, the runs, the extraction state of every (article, prompt,
model), the facts and findings that extraction produced, and Batch API jobs. SQLite is the
embedded default; a postgresql:// URL selects PostgreSQL for many concurrent writers
(`backends.py`). `save_result` replaces one extraction's facts and findings and marks it
done in a single transaction, so a crash leaves the old rows or the new ones, never a mix; facts
are upserted on their id. `is_done` lets a rerun skip finished work, and `claim` gives one runner at a time a lease on
an extraction, so runners sharing a store never pay twice for one article. Facts are stored whole as
JSON, so fields this module does not know survive a round trip.

Nothing is stored that cannot be read back: a fact with a non-finite number or a date outside the
calendar is left out with an error finding naming its article (`save_result`), and a stored row
that no longer validates is skipped with a finding (`facts`), never a crash; such findings are in
`notices`. A new version of a file (same path, new content) replaces the old version's article,
facts, findings and extraction state, unless the store keeps history (`--keep-history`).
Store version 2 adds the index on article paths that this needs, and the `leases` table of `claim`;
opening a version 1 store (or a version 2 one written before leases) creates both.
"""

from __future__ import annotations

import json
import math
import os
import socket
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, Protocol, get_args

from pydantic import BaseModel, Field, ValidationError

from schemas.facts import ArticleFacts, Finding, QuantFact, Usage

from ..check.periods import is_calendar_date
from ..errors import StoreError
from .backends import SCHEMA_LOCK, Backend, open_backend

STORE_VERSION = 2  # 2: index articles_by_path (versions replace each other) and table leases. Kept by the backend: PRAGMA user_version in SQLite, table store_meta in PostgreSQL

ExtractionStatus = Literal["done", "failed_retryable", "failed_permanent", "validation_failed", "empty"]
FailureStatus = Literal["failed_retryable", "failed_permanent", "validation_failed", "empty"]

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS articles (
        article_id TEXT PRIMARY KEY, path TEXT NOT NULL, source TEXT, url TEXT, published TEXT,
        title TEXT, content_sha256 TEXT NOT NULL, text TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS runs (
        run_id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT,
        settings_json TEXT NOT NULL, summary_json TEXT)""",
    """CREATE TABLE IF NOT EXISTS extractions (
        article_id TEXT NOT NULL, prompt TEXT NOT NULL, model TEXT NOT NULL, status TEXT NOT NULL,
        attempts INTEGER NOT NULL, error TEXT, prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL, calls INTEGER NOT NULL, run_id TEXT NOT NULL,
        updated_at TEXT NOT NULL, PRIMARY KEY (article_id, prompt, model))""",
    """CREATE TABLE IF NOT EXISTS facts (
        fact_id TEXT PRIMARY KEY, article_id TEXT NOT NULL, prompt TEXT NOT NULL,
        model TEXT NOT NULL, run_id TEXT NOT NULL, fact_json TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS facts_by_extraction ON facts (article_id, prompt, model)",
    "CREATE INDEX IF NOT EXISTS articles_by_path ON articles (path)",
    """CREATE TABLE IF NOT EXISTS findings (
        id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, prompt TEXT NOT NULL, model TEXT NOT NULL,
        check_name TEXT NOT NULL, severity TEXT NOT NULL, fact_ids_json TEXT NOT NULL,
        message TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS findings_by_extraction ON findings (article_id, prompt, model)",
    """CREATE TABLE IF NOT EXISTS batches (
        batch_id TEXT PRIMARY KEY, input_file_id TEXT NOT NULL, prompt TEXT NOT NULL, model TEXT NOT NULL,
        base_url TEXT, run_id TEXT NOT NULL, article_ids_json TEXT NOT NULL, requests INTEGER NOT NULL,
        status TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
    # who works on an extraction now, until when (seconds since the epoch): runners sharing a store
    """CREATE TABLE IF NOT EXISTS leases (
        article_id TEXT NOT NULL, prompt TEXT NOT NULL, model TEXT NOT NULL, owner TEXT NOT NULL,
        expires_at DOUBLE PRECISION NOT NULL, PRIMARY KEY (article_id, prompt, model))""",
)

_CLAIM = """
    INSERT INTO leases (article_id, prompt, model, owner, expires_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (article_id, prompt, model) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
    WHERE leases.expires_at < ? OR leases.owner = excluded.owner"""
_LEASE_KEY = "article_id = ? AND prompt = ? AND model = ?"
_LEASE_OWNER = f"SELECT owner FROM leases WHERE {_LEASE_KEY}"
_TAKE_OVER = f"UPDATE leases SET owner = ?, expires_at = ? WHERE {_LEASE_KEY} AND owner = ?"


def lease_owner(run_id: str) -> str:
    """Who holds a lease: host, process and run."""
    return f"{socket.gethostname()}:{os.getpid()}:{run_id}"


def _owner_is_gone(owner: str) -> bool:
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

_UPSERT_ARTICLE = """
    INSERT INTO articles (article_id, path, source, url, published, title, content_sha256, text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (article_id) DO UPDATE SET path = excluded.path, source = excluded.source,
        url = excluded.url, published = excluded.published, title = excluded.title,
        content_sha256 = excluded.content_sha256, text = excluded.text"""

_UPSERT_FACT = """
    INSERT INTO facts (fact_id, article_id, prompt, model, run_id, fact_json) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (fact_id) DO UPDATE SET article_id = excluded.article_id, prompt = excluded.prompt,
        model = excluded.model, run_id = excluded.run_id, fact_json = excluded.fact_json"""

_INSERT_FINDING = """
    INSERT INTO findings (article_id, prompt, model, check_name, severity, fact_ids_json, message)
    VALUES (?, ?, ?, ?, ?, ?, ?)"""

# A success records its usage; a failure keeps the usage of whatever last succeeded.
_UPSERT_STATE = """
    INSERT INTO extractions (article_id, prompt, model, status, attempts, error, prompt_tokens,
        completion_tokens, calls, run_id, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (article_id, prompt, model) DO UPDATE SET status = excluded.status,
        attempts = extractions.attempts + 1, error = excluded.error, run_id = excluded.run_id,
        updated_at = excluded.updated_at{usage}"""
_SET_USAGE = """, prompt_tokens = excluded.prompt_tokens,
        completion_tokens = excluded.completion_tokens, calls = excluded.calls"""


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
    def text(self) -> str: ...
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


class Store:
    """The fact store on one backend (`backends`); every write is one transaction."""

    def __init__(self, path: str | Path, keep_history: bool = False) -> None:
        self._db = open_backend(path)
        self.path = self._db.where
        self.keep_history = keep_history
        self._notices: dict[str, Finding] = {}
        try:
            self._init_schema()
        except BaseException:
            self.close()
            raise

    @property
    def backend(self) -> str:
        return self._db.name

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def notices(self) -> list[Finding]:
        """Findings about the store itself: facts left out or skipped, old versions replaced."""
        return list(self._notices.values())

    def upsert_article(self, article: ArticleLike) -> None:
        """Insert the article or refresh its row; an older version of the same file is replaced (see `keep_history`)."""
        row = (article.article_id, str(article.path), _text(article.source), _text(article.url),
               _text(article.published), article.title, article.content_sha256, article.text)
        with self._write() as conn:
            old = [] if self.keep_history else self._older_versions(conn, article)
            for table in ("facts", "findings", "extractions", "articles"):
                for old_id in old:
                    conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (old_id,))
            conn.execute(_UPSERT_ARTICLE, row)
        if old:
            self._note(Finding(check="store", severity="info", article_id=article.article_id, message=(
                f"{article.path}: changed since it was stored; the facts of its earlier version ({', '.join(old)}) "
                "were replaced (--keep-history keeps them)")))

    def _older_versions(self, conn: Any, article: ArticleLike) -> list[str]:
        sql = "SELECT article_id FROM articles WHERE path = ? AND article_id <> ? ORDER BY article_id"
        return [r["article_id"] for r in conn.execute(sql, (str(article.path), article.article_id)).fetchall()]

    def _note(self, finding: Finding) -> None:
        self._notices.setdefault(finding.message, finding)

    def article_rows(self, article_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The stored articles (their cleaned text and metadata), in the order asked."""
        clause, param = self._db.in_ids("article_id", article_ids)
        rows = {row["article_id"]: dict(row) for row in self._read(f"SELECT * FROM articles WHERE {clause}", [param])}
        return [rows[i] for i in article_ids if i in rows]

    def state(self, article_id: str, prompt: str, model: str) -> ExtractionState | None:
        sql = "SELECT * FROM extractions WHERE article_id = ? AND prompt = ? AND model = ?"
        rows = self._read(sql, (article_id, prompt, model))
        return _state_from_row(rows[0]) if rows else None

    def is_done(self, article_id: str, prompt: str, model: str) -> bool:
        found = self.state(article_id, prompt, model)
        return found is not None and found.status == "done"

    def claim(self, article_id: str, prompt: str, model: str, run_id: str, seconds: float) -> bool:
        """Take the lease on one extraction for `seconds`, unless another owner holds an unexpired one
        (an owner that was a process of this host that is gone, killed, holds nothing)."""
        key, owner, until = (article_id, prompt, model), lease_owner(run_id), time.time() + seconds
        with self._write(lock_key=article_id) as conn:
            if conn.execute(_CLAIM, (*key, owner, until, time.time())).rowcount == 1:
                return True
            held = conn.execute(_LEASE_OWNER, key).fetchone()
            if held is None or not _owner_is_gone(held["owner"]):
                return False
            conn.execute(_TAKE_OVER, (owner, until, *key, held["owner"]))
            return True

    def release(self, article_id: str, prompt: str, model: str, run_id: str) -> None:
        """Give the lease back (a crashed owner's lease expires, or is taken over on its host)."""
        with self._write() as conn:
            conn.execute(f"DELETE FROM leases WHERE {_LEASE_KEY} AND owner = ?", (article_id, prompt, model, lease_owner(run_id)))

    def save_result(self, result: ArticleFacts, run_id: str) -> None:
        """Replace the facts and findings of one extraction and mark it done, all or nothing."""
        key = (result.article_id, result.prompt, result.model)
        strays = sorted({f.fact_id for f in result.facts if f.article_id != result.article_id})
        if strays:
            raise StoreError(f"facts {strays} do not belong to article {result.article_id}")
        usage = result.usage
        facts, rejected = self._storable(result)
        with self._write(lock_key=result.article_id) as conn:
            for table in ("facts", "findings"):
                conn.execute(f"DELETE FROM {table} WHERE article_id = ? AND prompt = ? AND model = ?", key)
            for fact in facts:
                conn.execute(_UPSERT_FACT, (fact.fact_id, *key, run_id, fact.model_dump_json()))
            for g in [*result.findings, *rejected]:
                conn.execute(_INSERT_FINDING, (*key, g.check, g.severity, json.dumps(g.fact_ids), g.message))
            conn.execute(_UPSERT_STATE.format(usage=_SET_USAGE), (*key, "done", None,
                         usage.prompt_tokens, usage.completion_tokens, usage.calls, run_id, _now()))

    def _storable(self, result: ArticleFacts) -> tuple[list[QuantFact], list[Finding]]:
        """The facts that can be stored and read back, and an error finding for each one that cannot."""
        kept: list[QuantFact] = []
        rejected: list[Finding] = []
        where = self._article_path(result.article_id)
        for fact in result.facts:
            reason = unstorable(fact)
            if reason is None:
                kept.append(fact)
                continue
            rejected.append(Finding(check="store", severity="error", fact_ids=[fact.fact_id], article_id=result.article_id,
                                    message=f"{where}: fact {fact.fact_id} ({fact.metric}, «{fact.quote[:80]}») "
                                            f"not stored: {reason}"))
        return kept, rejected

    def _article_path(self, article_id: str) -> str:
        rows = self._read("SELECT path FROM articles WHERE article_id = ?", (article_id,))
        return f"{rows[0]['path']} ({article_id})" if rows else f"article {article_id}"

    def save_failure(
        self, article_id: str, prompt: str, model: str, run_id: str, status: FailureStatus, error: str
    ) -> None:
        """Record a failed attempt; facts from an earlier success stay as they are."""
        if status not in get_args(FailureStatus):
            raise StoreError(f"not a failure status: {status!r}")
        row = (article_id, prompt, model, status, error, 0, 0, 0, run_id, _now())
        with self._write() as conn:
            conn.execute(_UPSERT_STATE.format(usage=""), row)

    def facts(
        self, article_ids: Sequence[str] | None = None, prompt: str | None = None, model: str | None = None
    ) -> list[QuantFact]:
        """Stored facts, ordered by article, span start (facts without a span last), fact id."""
        where, params = _where(self._db, article_ids, prompt, model)
        sql = (f"SELECT fact_id, article_id, fact_json FROM facts{where} "
               f"ORDER BY article_id, {self._db.span_start()} NULLS LAST, fact_id")
        facts: list[QuantFact] = []
        for row in self._read(sql, params):
            fact = _fact_from_row(row)
            if isinstance(fact, Finding):
                self._note(fact)
            else:
                facts.append(fact)
        return facts

    def findings(
        self, article_ids: Sequence[str] | None = None, prompt: str | None = None, model: str | None = None
    ) -> list[Finding]:
        """Stored findings, ordered by article, then in the order they were saved."""
        where, params = _where(self._db, article_ids, prompt, model)
        sql = f"SELECT * FROM findings{where} ORDER BY article_id, id"
        return [_finding_from_row(row) for row in self._read(sql, params)]

    def start_run(self, run_id: str, settings: dict[str, Any]) -> None:
        """Record a run's start; starting the same run again only refreshes its settings."""
        sql = """INSERT INTO runs (run_id, started_at, settings_json) VALUES (?, ?, ?)
                 ON CONFLICT (run_id) DO UPDATE SET settings_json = excluded.settings_json"""
        with self._write() as conn:
            conn.execute(sql, (run_id, _now(), _dumps(settings)))

    def finish_run(self, run_id: str, summary: dict[str, Any]) -> None:
        sql = "UPDATE runs SET finished_at = ?, summary_json = ? WHERE run_id = ?"
        with self._write() as conn:
            if conn.execute(sql, (_now(), _dumps(summary), run_id)).rowcount != 1:
                raise StoreError(f"cannot finish run {run_id!r}: it was never started")

    def save_batch_job(self, batch: BatchJob) -> None:
        sql = """INSERT INTO batches (batch_id, input_file_id, prompt, model, base_url, run_id, article_ids_json,
                 requests, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (batch_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at"""
        now = _now()
        row = (batch.batch_id, batch.input_file_id, batch.prompt, batch.model, batch.base_url, batch.run_id,
               json.dumps(batch.article_ids), batch.requests, batch.status, batch.created_at or now, now)
        with self._write() as conn:
            conn.execute(sql, row)

    def set_batch_job_status(self, batch_id: str, status: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE batches SET status = ?, updated_at = ? WHERE batch_id = ?", (status, _now(), batch_id))

    def batch_jobs(self, batch_id: str | None = None) -> list[BatchJob]:
        """Every saved batch, newest first, or the one with `batch_id`."""
        where, params = (" WHERE batch_id = ?", [batch_id]) if batch_id else ("", [])
        rows = self._read(f"SELECT * FROM batches{where} ORDER BY created_at DESC, batch_id", params)
        return [BatchJob(**{k: row[k] for k in row.keys() if k != "article_ids_json"},
                            article_ids=json.loads(row["article_ids_json"])) for row in rows]

    def run(self, run_id: str) -> RunRecord | None:
        rows = self._read("SELECT * FROM runs WHERE run_id = ?", (run_id,))
        return _run_from_row(rows[0]) if rows else None

    def _init_schema(self) -> None:
        found = self._db.version()
        if found > STORE_VERSION:
            raise StoreError(f"{self.path} has store version {found}; this code knows {STORE_VERSION}")
        with self._write(lock_key=SCHEMA_LOCK) as conn:
            for statement in _SCHEMA:
                conn.execute(self._db.schema(statement))
            self._db.set_version(conn, STORE_VERSION)

    def _write(self, lock_key: str | None = None) -> Any:
        """One transaction (locked per article when `lock_key` is given): commit, or roll back on any error."""
        return self._db.write(lock_key)

    def _read(self, sql: str, params: Sequence[Any]) -> list[Any]:
        return self._db.read(sql, params)


def _where(
    db: Backend, article_ids: Sequence[str] | None, prompt: str | None, model: str | None
) -> tuple[str, list[Any]]:
    """A WHERE clause for the given filters; ids travel as one parameter, so any count works."""
    if isinstance(article_ids, str):
        raise StoreError("article_ids must be a sequence of ids, not one string")
    clauses: list[str] = []
    params: list[Any] = []
    if article_ids is not None:
        clause, param = db.in_ids("article_id", article_ids)
        clauses.append(clause)
        params.append(param)
    for column, value in (("prompt", prompt), ("model", model)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _state_from_row(row: Any) -> ExtractionState:
    usage = Usage(prompt_tokens=row["prompt_tokens"], completion_tokens=row["completion_tokens"],
                  calls=row["calls"])
    return ExtractionState(article_id=row["article_id"], prompt=row["prompt"], model=row["model"],
                           status=row["status"], attempts=row["attempts"], error=row["error"],
                           usage=usage, run_id=row["run_id"], updated_at=row["updated_at"])


def _run_from_row(row: Any) -> RunRecord:
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
        return f"it would not read back: {_first_error(exc)}"
    return None


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    return f"{'.'.join(map(str, error['loc']))}: {error['msg']}"


def _fact_from_row(row: Any) -> QuantFact | Finding:
    """The stored fact, or an error finding when its row no longer validates (the row is then skipped)."""
    try:
        fact = QuantFact.model_validate_json(row["fact_json"])
        reason = unstorable(fact)
    except ValidationError as exc:
        reason = _first_error(exc)
    if reason is None:
        return fact
    return Finding(check="store", severity="error", fact_ids=[row["fact_id"]], article_id=row["article_id"],
                   message=f"stored fact {row['fact_id']} of article {row['article_id']} cannot be read and is skipped "
                           f"({reason}); `newsfacts run --force` extracts the article again")


def _finding_from_row(row: Any) -> Finding:
    return Finding(check=row["check_name"], severity=row["severity"],
                   fact_ids=json.loads(row["fact_ids_json"]), message=row["message"],
                   article_id=row["article_id"])


def _dumps(value: dict[str, Any]) -> str:
    """JSON for settings and summaries; Paths, dates and the like become their str()."""
    return json.dumps(value, sort_keys=True, default=str)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
