"""Tests for pipeline.store.fact_store against real SQLite files in tmp_path."""

from __future__ import annotations

import inspect
import sqlite3
import threading
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from pipeline.errors import StoreError

from .conftest import fresh_postgres
from pipeline.store.fact_store import STORE_VERSION, ExtractionState, Store
from schemas.facts import ArticleFacts, Finding, QuantFact, Usage

P1 = "extract_facts@1#aaaa"
P2 = "extract_facts@2#bbbb"
M1 = "qwen-small"
M2 = "gpt-other"


@dataclass(frozen=True)
class Article:
    article_id: str
    path: str
    source: str | None
    url: str | None
    published: str | None
    title: str | None
    text: str
    content_sha256: str


def article(article_id: str = "a1", title: str | None = "Title", sha: str = "0" * 64) -> Article:
    return Article(article_id, f"seeds/{article_id}.txt", "Reuters", "https://example.test/x",
                   "2024-07", title, "GDP grew 3% in 2023.", sha)


def fact(
    fact_id: str, article_id: str = "a1", span: tuple[int, int] | None = (0, 5), **extra: Any
) -> QuantFact:
    return QuantFact(fact_id=fact_id, article_id=article_id, entity="Chile", metric="gdp_real_growth",
                     value=3.0, unit="percent", quote="GDP grew 3%", span=span, prompt=P1, model=M1,
                     run_id="r1", **extra)


def result(
    article_id: str, facts: list[QuantFact], prompt: str = P1, model: str = M1,
    findings: list[Finding] | None = None, usage: Usage | None = None,
) -> ArticleFacts:
    return ArticleFacts(article_id=article_id, facts=facts, findings=findings or [], prompt=prompt,
                        model=model, usage=usage or Usage(prompt_tokens=100, completion_tokens=20, calls=1))


def finding(fact_ids: list[str], message: str = "value out of range") -> Finding:
    return Finding(check="range", severity="warning", fact_ids=fact_ids, message=message)


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the mutable tables, read through an independent connection."""
    with closing(sqlite3.connect(db)) as conn:
        return {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
                for table in ("articles", "runs", "extractions", "facts", "findings")}


def ids(facts: list[QuantFact]) -> list[str]:
    return [f.fact_id for f in facts]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "dir" / "facts.sqlite"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, db: Path) -> Any:
    """The store under test, on each backend. Tests that also read the SQLite file run on SQLite only."""
    if request.param == "postgresql":
        if "db" in inspect.signature(request.node.function).parameters:
            pytest.skip("reads or changes the SQLite file directly")
        location: str | Path = fresh_postgres()
    else:
        location = db
    with Store(location) as opened:
        yield opened


def test_fact_round_trip_keeps_every_field_including_extras(store: Store) -> None:
    original = fact("f1", span=(3, 9), grounding="exact", extractor_note="from table 2", confidence=0.75)
    store.save_result(result("a1", [original]), run_id="r1")

    [back] = store.facts()
    assert back == original
    assert back.model_extra == {"extractor_note": "from table 2", "confidence": 0.75}
    assert back.span == (3, 9)


def test_facts_order_is_article_then_span_start_nulls_last_then_fact_id(store: Store) -> None:
    store.save_result(result("b", [fact("b1", "b", (0, 1))]), run_id="r1")
    store.save_result(result("a", [fact("z", "a", None), fact("y", "a", (40, 45)), fact("x", "a", (2, 9)),
                                   fact("w", "a", None), fact("v", "a", (40, 41))]), run_id="r1")
    assert ids(store.facts()) == ["x", "v", "y", "w", "z", "b1"]


def test_save_result_twice_is_idempotent(store: Store, db: Path) -> None:
    same = result("a1", [fact("f1"), fact("f2", span=(6, 9))], findings=[finding(["f1", "f2"])])
    store.save_result(same, run_id="r1")
    first = dump(db)
    store.save_result(same, run_id="r1")
    second = dump(db)

    assert len(second["facts"]) == 2 and len(second["findings"]) == 1
    assert second["facts"] == first["facts"]
    assert [row[1:] for row in second["findings"]] == [row[1:] for row in first["findings"]]
    assert store.findings() == [finding(["f1", "f2"]).model_copy(update={"article_id": "a1"})]


def test_reextraction_replaces_own_facts_and_leaves_other_prompt_alone(store: Store) -> None:
    store.save_result(result("a1", [fact("old1"), fact("old2")], findings=[finding(["old1"])]), "r1")
    store.save_result(result("a1", [fact("p2fact")], prompt=P2, findings=[finding(["p2fact"])]), "r1")
    store.save_result(result("a1", [fact("new1")], findings=[finding(["new1"], "new")]), "r2")

    assert ids(store.facts(prompt=P1)) == ["new1"]
    assert ids(store.facts(prompt=P2)) == ["p2fact"]
    assert [f.fact_ids for f in store.findings(prompt=P1)] == [["new1"]]
    assert [f.fact_ids for f in store.findings(prompt=P2)] == [["p2fact"]]


class ExplodingFact(QuantFact):
    """A fact that cannot be serialized: fails inside the transaction, after the DELETEs."""

    def model_dump_json(self, **kwargs: Any) -> str:
        raise RuntimeError("serializer exploded")


def add_finding_trigger(db: Path) -> None:
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("""CREATE TRIGGER refuse BEFORE INSERT ON findings WHEN NEW.message = 'boom'
                        BEGIN SELECT RAISE(ABORT, 'finding refused'); END""")
        conn.commit()


FAILURES = [
    pytest.param(lambda db: None, [fact("n1"), ExplodingFact(**fact("n2").model_dump())], [],
                 RuntimeError, id="fact-serialization-fails"),
    pytest.param(add_finding_trigger, [fact("n1"), fact("n2")], [finding(["n1"]), finding(["n2"], "boom")],
                 StoreError, id="finding-insert-aborted-by-sqlite"),
]


@pytest.mark.parametrize(("prepare", "facts", "findings", "error"), FAILURES)
def test_failure_mid_transaction_leaves_db_unchanged(
    store: Store, db: Path, prepare: Any, facts: list[QuantFact], findings: list[Finding], error: type
) -> None:
    store.save_result(result("a1", [fact("old")], findings=[finding(["old"])]), run_id="r1")
    prepare(db)
    before, state_before = dump(db), store.state("a1", P1, M1)

    with pytest.raises(error):
        store.save_result(result("a1", facts, findings=findings), run_id="r2")

    assert dump(db) == before
    assert store.state("a1", P1, M1) == state_before
    assert ids(store.facts()) == ["old"]
    store.save_result(result("a1", [fact("after")]), run_id="r3")  # the connection is still usable
    assert ids(store.facts()) == ["after"]


def test_fact_for_another_article_is_refused_before_writing(store: Store, db: Path) -> None:
    before = dump(db)
    with pytest.raises(StoreError, match="stray"):
        store.save_result(result("a1", [fact("ok"), fact("stray", article_id="a2")]), run_id="r1")
    assert dump(db) == before


@pytest.mark.parametrize(
    ("article_id", "prompt", "model", "expected"),
    [("a1", P1, M1, True), ("a1", P2, M1, False), ("a1", P1, M2, False), ("a2", P1, M1, False),
     ("failed", P1, M1, False), ("nothing", P1, M1, False)],
)
def test_is_done_only_for_done_with_same_prompt_and_model(
    store: Store, article_id: str, prompt: str, model: str, expected: bool
) -> None:
    store.save_result(result("a1", [fact("f1")]), run_id="r1")
    store.save_result(result("a2", [], prompt=P2), run_id="r1")
    store.save_failure("failed", P1, M1, "r1", "failed_retryable", "TimeoutError: read timed out")
    assert store.is_done(article_id, prompt, model) is expected


def test_save_failure_counts_attempts_and_keeps_earlier_facts(store: Store) -> None:
    usage = Usage(prompt_tokens=500, completion_tokens=80, calls=2)
    store.save_result(result("a1", [fact("f1")], findings=[finding(["f1"])], usage=usage), run_id="r1")
    store.save_failure("a1", P1, M1, "r2", "failed_retryable", "APITimeoutError: timed out")
    store.save_failure("a1", P1, M1, "r3", "validation_failed", "ValidationError: 2 errors", '{"metric": "x"}')

    state = store.state("a1", P1, M1)
    assert state is not None
    assert (state.status, state.attempts, state.error, state.run_id) == (
        "validation_failed", 3, "ValidationError: 2 errors", "r3")
    assert state.usage == usage and state.raw_answer == '{"metric": "x"}'
    assert not store.is_done("a1", P1, M1)
    assert ids(store.facts()) == ["f1"] and len(store.findings()) == 1


def test_first_failure_creates_state_and_success_clears_error(store: Store) -> None:
    store.save_failure("a1", P1, M1, "r1", "failed_permanent", "BadRequestError: context too long")
    first = store.state("a1", P1, M1)
    assert first is not None
    assert (first.status, first.attempts, first.usage) == ("failed_permanent", 1, Usage())

    store.save_result(result("a1", [fact("f1")]), run_id="r2")
    done = store.state("a1", P1, M1)
    assert done == ExtractionState(article_id="a1", prompt=P1, model=M1, status="done", attempts=2,
                                   error=None, usage=Usage(prompt_tokens=100, completion_tokens=20, calls=1),
                                   run_id="r2", updated_at=done.updated_at)
    age = datetime.now(timezone.utc) - datetime.fromisoformat(done.updated_at)
    assert timedelta(0) <= age < timedelta(minutes=1)


def test_save_failure_refuses_done_status(store: Store) -> None:
    with pytest.raises(StoreError, match="not a failure status"):
        store.save_failure("a1", P1, M1, "r1", "done", "x")  # type: ignore[arg-type]
    assert store.state("a1", P1, M1) is None


def test_store_file_is_wal_with_version_and_parent_dirs_created(store: Store, db: Path) -> None:
    assert db.parent.is_dir()
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == STORE_VERSION


def test_two_stores_on_one_file_can_both_write(db: Path) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def writer(store: Store, prefix: str) -> None:
        try:
            start.wait()
            for i in range(30):
                aid = f"{prefix}{i}"
                store.upsert_article(article(aid))
                store.save_result(result(aid, [fact(f"{aid}-f", aid)]), run_id=prefix)
        except BaseException as exc:  # collected, asserted below
            errors.append(exc)

    with Store(db) as one, Store(db) as two:
        threads = [threading.Thread(target=writer, args=(s, p)) for s, p in ((one, "x"), (two, "y"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert len(one.facts()) == 60 and len(two.facts()) == 60


def test_write_waits_for_a_held_lock_instead_of_failing(store: Store, db: Path) -> None:
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    with closing(holder):
        holder.execute("BEGIN IMMEDIATE")
        release = threading.Timer(0.3, holder.execute, args=("COMMIT",))
        release.start()
        began = time.monotonic()
        store.upsert_article(article("a1"))
        waited = time.monotonic() - began
        release.join()
    assert waited >= 0.25
    assert dump(db)["articles"][0][0] == "a1"


def test_runs_start_and_finish_round_trip(store: Store) -> None:
    store.start_run("r1", {"model": M1, "cache_dir": Path("/tmp/cache"), "concurrency": 4})
    started = store.run("r1")
    assert started is not None
    assert (started.finished_at, started.summary) == (None, {})
    assert started.settings == {"model": M1, "cache_dir": "/tmp/cache", "concurrency": 4}

    summary = {"articles": 3, "facts": 12, "failed": ["a9"], "usage": {"calls": 4}}
    store.finish_run("r1", summary)
    finished = store.run("r1")
    assert finished is not None
    assert finished.summary == summary and finished.started_at == started.started_at
    assert finished.finished_at is not None and finished.finished_at >= started.started_at
    assert store.run("never") is None


def test_finishing_an_unknown_run_fails(store: Store) -> None:
    with pytest.raises(StoreError, match="never started"):
        store.finish_run("ghost", {})


def test_reopening_keeps_all_data(db: Path) -> None:
    with Store(db) as first:
        first.upsert_article(article("a1"))
        first.start_run("r1", {"model": M1})
        first.save_result(result("a1", [fact("f1", extra_field=[1, 2])], findings=[finding(["f1"])]), "r1")
        first.finish_run("r1", {"facts": 1})
        rows = dump(db)

    with Store(db) as again:
        assert dump(db) == rows
        assert again.is_done("a1", P1, M1)
        assert again.facts()[0].model_extra == {"extra_field": [1, 2]}
        run = again.run("r1")
        assert run is not None and run.summary == {"facts": 1}


def test_upsert_article_is_idempotent_and_refreshes_metadata(store: Store, db: Path) -> None:
    store.upsert_article(article("a1"))
    store.save_result(result("a1", [fact("f1")]), run_id="r1")
    store.upsert_article(article("a1"))
    once = dump(db)
    store.upsert_article(article("a1", title="Corrected title", sha="1" * 64))

    rows = dump(db)
    assert len(rows["articles"]) == 1 and rows["articles"][0][5:7] == ("Corrected title", "1" * 64)
    assert (rows["extractions"], rows["facts"]) == (once["extractions"], once["facts"])


@pytest.mark.parametrize(
    ("filters", "fact_ids", "finding_facts"),
    [
        ({}, ["a-p1", "a-p2", "b-p1m2", "c-p1"], [["a-p1"], ["a-p2"], ["b-p1m2"], ["c-p1"]]),
        ({"article_ids": ["a", "c"]}, ["a-p1", "a-p2", "c-p1"], [["a-p1"], ["a-p2"], ["c-p1"]]),
        ({"article_ids": []}, [], []),
        ({"prompt": P2}, ["a-p2"], [["a-p2"]]),
        ({"model": M2}, ["b-p1m2"], [["b-p1m2"]]),
        ({"article_ids": ["a", "b"], "prompt": P1, "model": M1}, ["a-p1"], [["a-p1"]]),
    ],
)
def test_filters_select_facts_and_findings(
    store: Store, filters: dict[str, Any], fact_ids: list[str], finding_facts: list[list[str]]
) -> None:
    for aid, prompt, model, fid in (("a", P1, M1, "a-p1"), ("a", P2, M1, "a-p2"),
                                    ("b", P1, M2, "b-p1m2"), ("c", P1, M1, "c-p1")):
        store.save_result(result(aid, [fact(fid, aid)], prompt, model, [finding([fid])]), run_id="r1")
    assert ids(store.facts(**filters)) == fact_ids
    assert [f.fact_ids for f in store.findings(**filters)] == finding_facts


def test_single_string_is_not_accepted_as_article_ids(store: Store) -> None:
    with pytest.raises(StoreError, match="sequence"):
        store.facts(article_ids="a1")


def test_store_from_newer_code_is_refused(db: Path) -> None:
    db.parent.mkdir(parents=True)
    with closing(sqlite3.connect(db)) as conn:
        conn.execute(f"PRAGMA user_version = {STORE_VERSION + 1}")
    with pytest.raises(StoreError, match="store version"):
        Store(db)


def test_unopenable_path_and_closed_store_raise_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Store(tmp_path)  # a directory, not a database file
    store = Store(tmp_path / "f.sqlite")
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="closed"):
        store.facts()
