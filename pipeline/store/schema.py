"""Stage (store): the tables of the fact store and the SQL statements that write them.

Both backends run these statements (`backends.py` turns `?` into PostgreSQL's placeholders).
`STORE_VERSION` is kept in the database; `fact_store.Store` creates the tables and upgrades an
older store when it opens one.
"""

from __future__ import annotations

STORE_VERSION = 3  # 2: index articles_by_path (versions replace each other) and table leases; 3: extractions.raw_answer. Kept by the backend: PRAGMA user_version in SQLite, table store_meta in PostgreSQL

SCHEMA = (
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
        updated_at TEXT NOT NULL, raw_answer TEXT, PRIMARY KEY (article_id, prompt, model))""",
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

CLAIM = """
    INSERT INTO leases (article_id, prompt, model, owner, expires_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (article_id, prompt, model) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
    WHERE leases.expires_at < ? OR leases.owner = excluded.owner"""
LEASE_KEY = "article_id = ? AND prompt = ? AND model = ?"
LEASE_OWNER = f"SELECT owner FROM leases WHERE {LEASE_KEY}"
TAKE_OVER = f"UPDATE leases SET owner = ?, expires_at = ? WHERE {LEASE_KEY} AND owner = ?"

UPSERT_ARTICLE = """
    INSERT INTO articles (article_id, path, source, url, published, title, content_sha256, text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (article_id) DO UPDATE SET path = excluded.path, source = excluded.source,
        url = excluded.url, published = excluded.published, title = excluded.title,
        content_sha256 = excluded.content_sha256, text = excluded.text"""

UPSERT_FACT = """
    INSERT INTO facts (fact_id, article_id, prompt, model, run_id, fact_json) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (fact_id) DO UPDATE SET article_id = excluded.article_id, prompt = excluded.prompt,
        model = excluded.model, run_id = excluded.run_id, fact_json = excluded.fact_json"""

INSERT_FINDING = """
    INSERT INTO findings (article_id, prompt, model, check_name, severity, fact_ids_json, message)
    VALUES (?, ?, ?, ?, ?, ?, ?)"""

# columns added since store version 1 (CREATE TABLE IF NOT EXISTS leaves an older table as it was)
ADDED_COLUMNS = (("extractions", "raw_answer", "TEXT"),)

# A success records its usage; a failure keeps the usage of whatever last succeeded. `raw_answer`
# is the last answer of a validation_failed extraction, kept for review (null otherwise).
UPSERT_STATE = """
    INSERT INTO extractions (article_id, prompt, model, status, attempts, error, raw_answer, prompt_tokens,
        completion_tokens, calls, run_id, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (article_id, prompt, model) DO UPDATE SET status = excluded.status,
        attempts = extractions.attempts + 1, error = excluded.error, raw_answer = excluded.raw_answer,
        run_id = excluded.run_id, updated_at = excluded.updated_at{usage}"""
SET_USAGE = """, prompt_tokens = excluded.prompt_tokens,
        completion_tokens = excluded.completion_tokens, calls = excluded.calls"""
