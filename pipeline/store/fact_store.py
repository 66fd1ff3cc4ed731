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
opening a version 1 store (or a version 2 one written before leases) creates both. Version 3 adds
`extractions.raw_answer`, the last answer of an extraction that failed validation, kept for review. The tables and
statements are in `schema.py`, the records read back and the checks on what may be stored in
`records.py`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, get_args

from schemas.facts import ArticleFacts, Finding, QuantFact

from ..errors import StoreError
from . import schema as sql
from .backends import SCHEMA_LOCK, Backend, open_backend
from .records import (ArticleLike, BatchJob, ExtractionState, FailureStatus, RunRecord, dumps_json, fact_from_row,
                      finding_from_row, lease_owner, now_iso, owner_is_gone, run_from_row, state_from_row,
                      text_or_none, unstorable)
from .schema import STORE_VERSION

__all__ = ["STORE_VERSION", "ArticleLike", "BatchJob", "ExtractionState", "RunRecord", "Store", "lease_owner", "unstorable"]


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
        row = (article.article_id, str(article.path), text_or_none(article.source), text_or_none(article.url),
               text_or_none(article.published), article.title, article.content_sha256, article.text)
        with self._write() as conn:
            old = [] if self.keep_history else self._older_versions(conn, article)
            for table in ("facts", "findings", "extractions", "articles"):
                for old_id in old:
                    conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (old_id,))
            conn.execute(sql.UPSERT_ARTICLE, row)
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
        return state_from_row(rows[0]) if rows else None

    def states(self) -> list[tuple[ExtractionState, str | None]]:
        """Every extraction the store knows, with its article's path (None if the article is gone)."""
        rows = self._read("SELECT e.*, a.path AS path FROM extractions e LEFT JOIN articles a ON a.article_id = e.article_id "
                          "ORDER BY e.status, a.path, e.article_id, e.prompt, e.model", ())
        return [(state_from_row(row), row["path"]) for row in rows]

    def is_done(self, article_id: str, prompt: str, model: str) -> bool:
        found = self.state(article_id, prompt, model)
        return found is not None and found.status == "done"

    def claim(self, article_id: str, prompt: str, model: str, run_id: str, seconds: float) -> bool:
        """Take the lease on one extraction for `seconds`, unless another owner holds an unexpired one
        (an owner that was a process of this host that is gone, killed, holds nothing)."""
        key, owner, until = (article_id, prompt, model), lease_owner(run_id), time.time() + seconds
        with self._write(lock_key=article_id) as conn:
            if conn.execute(sql.CLAIM, (*key, owner, until, time.time())).rowcount == 1:
                return True
            held = conn.execute(sql.LEASE_OWNER, key).fetchone()
            if held is None or not owner_is_gone(held["owner"]):
                return False
            conn.execute(sql.TAKE_OVER, (owner, until, *key, held["owner"]))
            return True

    def release(self, article_id: str, prompt: str, model: str, run_id: str) -> None:
        """Give the lease back (a crashed owner's lease expires, or is taken over on its host)."""
        with self._write() as conn:
            conn.execute(f"DELETE FROM leases WHERE {sql.LEASE_KEY} AND owner = ?", (article_id, prompt, model, lease_owner(run_id)))

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
                conn.execute(sql.UPSERT_FACT, (fact.fact_id, *key, run_id, fact.model_dump_json()))
            for g in [*result.findings, *rejected]:
                conn.execute(sql.INSERT_FINDING, (*key, g.check, g.severity, json.dumps(g.fact_ids), g.message))
            conn.execute(sql.UPSERT_STATE.format(usage=sql.SET_USAGE), (*key, "done", None, None,
                         usage.prompt_tokens, usage.completion_tokens, usage.calls, run_id, now_iso()))

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
        self, article_id: str, prompt: str, model: str, run_id: str, status: FailureStatus, error: str,
        raw_answer: str | None = None,
    ) -> None:
        """Record a failed attempt, with the model's last answer when it never validated (for review);
        facts from an earlier success stay as they are."""
        if status not in get_args(FailureStatus):
            raise StoreError(f"not a failure status: {status!r}")
        row = (article_id, prompt, model, status, error, raw_answer, 0, 0, 0, run_id, now_iso())
        with self._write() as conn:
            conn.execute(sql.UPSERT_STATE.format(usage=""), row)

    def facts(
        self, article_ids: Sequence[str] | None = None, prompt: str | None = None, model: str | None = None
    ) -> list[QuantFact]:
        """Stored facts, ordered by article, span start (facts without a span last), fact id."""
        where, params = _where(self._db, article_ids, prompt, model)
        sql = (f"SELECT fact_id, article_id, fact_json FROM facts{where} "
               f"ORDER BY article_id, {self._db.span_start()} NULLS LAST, fact_id")
        facts: list[QuantFact] = []
        for row in self._read(sql, params):
            fact = fact_from_row(row)
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
        return [finding_from_row(row) for row in self._read(sql, params)]

    def start_run(self, run_id: str, settings: dict[str, Any]) -> None:
        """Record a run's start; starting the same run again only refreshes its settings."""
        sql = """INSERT INTO runs (run_id, started_at, settings_json) VALUES (?, ?, ?)
                 ON CONFLICT (run_id) DO UPDATE SET settings_json = excluded.settings_json"""
        with self._write() as conn:
            conn.execute(sql, (run_id, now_iso(), dumps_json(settings)))

    def finish_run(self, run_id: str, summary: dict[str, Any]) -> None:
        sql = "UPDATE runs SET finished_at = ?, summary_json = ? WHERE run_id = ?"
        with self._write() as conn:
            if conn.execute(sql, (now_iso(), dumps_json(summary), run_id)).rowcount != 1:
                raise StoreError(f"cannot finish run {run_id!r}: it was never started")

    def save_batch_job(self, batch: BatchJob) -> None:
        sql = """INSERT INTO batches (batch_id, input_file_id, prompt, model, base_url, run_id, article_ids_json,
                 requests, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (batch_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at"""
        now = now_iso()
        row = (batch.batch_id, batch.input_file_id, batch.prompt, batch.model, batch.base_url, batch.run_id,
               json.dumps(batch.article_ids), batch.requests, batch.status, batch.created_at or now, now)
        with self._write() as conn:
            conn.execute(sql, row)

    def set_batch_job_status(self, batch_id: str, status: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE batches SET status = ?, updated_at = ? WHERE batch_id = ?", (status, now_iso(), batch_id))

    def batch_jobs(self, batch_id: str | None = None) -> list[BatchJob]:
        """Every saved batch, newest first, or the one with `batch_id`."""
        where, params = (" WHERE batch_id = ?", [batch_id]) if batch_id else ("", [])
        rows = self._read(f"SELECT * FROM batches{where} ORDER BY created_at DESC, batch_id", params)
        return [BatchJob(**{k: row[k] for k in row.keys() if k != "article_ids_json"},
                            article_ids=json.loads(row["article_ids_json"])) for row in rows]

    def run(self, run_id: str) -> RunRecord | None:
        rows = self._read("SELECT * FROM runs WHERE run_id = ?", (run_id,))
        return run_from_row(rows[0]) if rows else None

    def _init_schema(self) -> None:
        found = self._db.version()
        if found > STORE_VERSION:
            raise StoreError(f"{self.path} has store version {found}; this code knows {STORE_VERSION}")
        with self._write(lock_key=SCHEMA_LOCK) as conn:
            for statement in sql.SCHEMA:
                conn.execute(self._db.schema(statement))
            for table, column, kind in sql.ADDED_COLUMNS:
                self._db.add_column(conn, table, column, kind)
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
