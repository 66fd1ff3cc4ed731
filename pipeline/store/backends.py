"""Stage (store): the two databases behind `Store` — SQLite (embedded default) and PostgreSQL.

`Store` writes one SQL dialect with `?` placeholders; a backend runs it. What differs is here: how
to connect, how a write transaction starts, how a list of ids is passed, how a JSON field is read
for ordering, and where the schema version is kept. PostgreSQL is for many concurrent writers
(`--db postgresql://...`, with `pip install newsfacts[postgres]`): each article's write holds a
transaction-scoped advisory lock on the article, so two workers never interleave one article.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from ..errors import StoreError
from ..settings import without_password

BUSY_TIMEOUT_MS = 30_000
SCHEMA_LOCK = "newsfacts:schema"  # the lock key of schema changes: PostgreSQL's CREATE TABLE IF NOT EXISTS races


class Writer(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...


class Backend(Protocol):
    name: str

    def write(self, lock_key: str | None = None) -> Any: ...  # a context manager yielding a Writer
    def read(self, sql: str, params: Sequence[Any]) -> list[Any]: ...
    def in_ids(self, column: str, ids: Sequence[str]) -> tuple[str, Any]: ...
    def span_start(self) -> str: ...
    def version(self) -> int: ...
    def set_version(self, writer: Writer, version: int) -> None: ...
    def schema(self, statement: str) -> str: ...
    def add_column(self, writer: Writer, table: str, column: str, kind: str) -> None: ...  # unless it exists
    def close(self) -> None: ...


def is_postgres(location: str | Path) -> bool:
    return str(location).startswith(("postgresql://", "postgres://"))


def shown(location: str | Path) -> str:
    """The store's location for messages and logs: a URL loses its user and password."""
    text = str(location)
    return (without_password(text) or text) if is_postgres(text) else text


def open_backend(location: str | Path) -> Backend:
    """PostgreSQL for a postgresql:// URL, else an SQLite file at that path."""
    if is_postgres(location):
        return PostgresBackend(str(location))
    return SQLiteBackend(Path(location))


class SQLiteBackend:
    """One connection in WAL mode; every write is one BEGIN IMMEDIATE transaction."""

    name = "sqlite"

    def __init__(self, path: Path) -> None:
        self.where = str(path)
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = _connect(path)

    @contextmanager
    def write(self, lock_key: str | None = None) -> Iterator[sqlite3.Connection]:
        """Commit on success, roll back on any exception. BEGIN IMMEDIATE serializes writers."""
        with self._lock, _errors(sqlite3.Error, f"write to {self.where}"):
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def read(self, sql: str, params: Sequence[Any]) -> list[sqlite3.Row]:
        with self._lock, _errors(sqlite3.Error, f"read from {self.where}"):
            return self._connection().execute(sql, params).fetchall()

    def in_ids(self, column: str, ids: Sequence[str]) -> tuple[str, Any]:
        return f"{column} IN (SELECT value FROM json_each(?))", json.dumps(list(ids))

    def span_start(self) -> str:
        return "json_extract(fact_json, '$.span[0]')"

    def version(self) -> int:
        return int(self.read("PRAGMA user_version", ())[0][0])

    def set_version(self, writer: Writer, version: int) -> None:
        writer.execute(f"PRAGMA user_version = {int(version)}")

    def schema(self, statement: str) -> str:
        return statement

    def add_column(self, writer: Writer, table: str, column: str, kind: str) -> None:
        names = {row["name"] for row in writer.execute(f"PRAGMA table_info({table})").fetchall()}
        if column not in names:
            writer.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"fact store {self.where} is closed")
        return self._conn


def _connect(path: Path) -> sqlite3.Connection:
    """Open the file with the pragmas every connection needs; a failure closes what it opened."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"cannot open fact store {path}: {exc}") from exc
    try:
        conn.row_factory = sqlite3.Row
        # WAL with synchronous=NORMAL: a commit survives the process being killed at any instant;
        # only a power cut or OS crash can lose the last commits (never corrupt the file).
        for pragma in (f"busy_timeout = {BUSY_TIMEOUT_MS}", "journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON"):
            _execute_when_free(conn, f"PRAGMA {pragma}")
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"cannot open fact store {path}: {exc}") from exc
    return conn


def _execute_when_free(conn: sqlite3.Connection, sql: str) -> None:
    """Run `sql`, waiting while another connection holds the file: switching a new file to WAL can
    report SQLITE_BUSY at once, without SQLite's busy handler, when two runners open it together."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute(sql)
            return
        except sqlite3.OperationalError as exc:
            busy = getattr(exc, "sqlite_errorcode", 0) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class _PgWriter:
    """Runs the store's `?` SQL on a psycopg cursor."""

    def __init__(self, cursor: Any) -> None:
        self.cursor = cursor

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        self.cursor.execute(sql.replace("?", "%s"), tuple(params))
        return self.cursor


class PostgresBackend:
    """One psycopg connection; each write is a transaction, locked per article when asked."""

    name = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError:
            raise StoreError("a postgresql:// store needs psycopg: pip install 'newsfacts[postgres]'") from None
        self._psycopg = psycopg
        self.where = shown(url)
        self._lock = threading.RLock()
        try:
            self._conn = psycopg.connect(url, row_factory=dict_row, autocommit=False)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open fact store {self.where}: {exc}") from None

    @contextmanager
    def write(self, lock_key: str | None = None) -> Iterator[_PgWriter]:
        with self._lock, _errors(self._psycopg.Error, f"write to {self.where}"):
            with self._conn.transaction(), self._conn.cursor() as cursor:
                if lock_key is not None:
                    cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (lock_key,))
                yield _PgWriter(cursor)

    def read(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        with self._lock, _errors(self._psycopg.Error, f"read from {self.where}"):
            with self._conn.transaction(), self._conn.cursor() as cursor:
                return list(cursor.execute(sql.replace("?", "%s"), tuple(params)).fetchall())

    def in_ids(self, column: str, ids: Sequence[str]) -> tuple[str, Any]:
        return f"{column} = ANY(?)", list(ids)

    def span_start(self) -> str:
        return "((fact_json::jsonb) -> 'span' ->> 0)::int"

    def version(self) -> int:
        with self.write(SCHEMA_LOCK) as writer:  # two runners opening a new database at once
            writer.execute("CREATE TABLE IF NOT EXISTS store_meta (version INTEGER NOT NULL)")
        rows = self.read("SELECT version FROM store_meta", ())
        return int(rows[0]["version"]) if rows else 0

    def set_version(self, writer: Writer, version: int) -> None:
        writer.execute("DELETE FROM store_meta")
        writer.execute("INSERT INTO store_meta (version) VALUES (?)", (version,))

    def schema(self, statement: str) -> str:
        return statement.replace("id INTEGER PRIMARY KEY", "id BIGSERIAL PRIMARY KEY")

    def add_column(self, writer: Writer, table: str, column: str, kind: str) -> None:
        writer.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind}")

    def close(self) -> None:
        with self._lock:
            self._conn.close()


@contextmanager
def _errors(kind: type[BaseException], action: str) -> Iterator[None]:
    try:
        yield
    except kind as exc:
        raise StoreError(f"cannot {action}: {type(exc).__name__}: {exc}") from exc
