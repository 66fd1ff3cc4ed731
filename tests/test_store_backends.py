"""The store's contract on both backends: SQLite files, and a real PostgreSQL server.

PostgreSQL runs when NEWSFACTS_TEST_POSTGRES holds a URL (`.ci/run` installs Debian's server,
starts it on 127.0.0.1 and sets it, together with NEWSFACTS_REQUIRE_POSTGRES so that it cannot
be skipped in CI)."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from pipeline.run.runner import run_batch
from pipeline.store.fact_store import BatchJob, Store
from schemas.facts import ArticleFacts, Finding, QuantFact, Usage

from .conftest import fresh_postgres
from .fake_api import FakeAPI
from .test_faults import settings, write_articles

@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return str(tmp_path / "facts.db") if request.param == "sqlite" else fresh_postgres()


class Doc:
    def __init__(self, article_id: str) -> None:
        self.article_id, self.path, self.source, self.url = article_id, f"{article_id}.txt", "Outlet", "https://x.test"
        self.published, self.title, self.text, self.content_sha256 = "2024-07", "T", "GDP grew 3%.", "0" * 64


def fact(fact_id: str, article_id: str = "a1", span: tuple[int, int] | None = (0, 5), **extra: Any) -> QuantFact:
    return QuantFact(fact_id=fact_id, article_id=article_id, entity="Chile", metric="gdp_real_growth", value=3.0,
                     unit="percent", quote="GDP grew 3%", span=span, **extra)


def result(article_id: str, facts: list[QuantFact], prompt: str = "p@1", findings: list[Finding] | None = None) -> ArticleFacts:
    return ArticleFacts(article_id=article_id, facts=facts, findings=findings or [], prompt=prompt, model="m",
                        usage=Usage(prompt_tokens=10, completion_tokens=2, calls=1))


def test_round_trip_order_and_idempotent_saves(location: str) -> None:
    with Store(location) as store:
        store.upsert_article(Doc("a1"))
        facts = [fact("z", span=None), fact("y", span=(40, 45)), fact("x", span=(2, 9), mention_span=(3, 4), note="extra")]
        store.save_result(result("a1", facts), "r1")
        store.save_result(result("a1", facts), "r1")
        stored = store.facts(["a1"], "p@1", "m")
        assert [f.fact_id for f in stored] == ["x", "y", "z"]
        assert stored[0].mention_span == (3, 4) and stored[0].model_extra == {"note": "extra"}
        assert store.is_done("a1", "p@1", "m") and not store.is_done("a1", "p@2", "m")
        assert store.article_rows(["a1", "nope"])[0]["text"] == "GDP grew 3%."


def test_reextraction_replaces_only_its_own_facts(location: str) -> None:
    with Store(location) as store:
        store.save_result(result("a1", [fact("old1"), fact("old2")], findings=[Finding(check="c", severity="info", message="m")]), "r1")
        store.save_result(result("a1", [fact("p2")], prompt="p@2"), "r1")
        store.save_result(result("a1", [fact("new")]), "r2")
        assert [f.fact_id for f in store.facts(["a1"], "p@1", "m")] == ["new"]
        assert [f.fact_id for f in store.facts(["a1"], "p@2", "m")] == ["p2"]
        assert store.findings(["a1"], "p@1", "m") == []


def test_failures_keep_earlier_facts_and_runs_and_batches_round_trip(location: str) -> None:
    with Store(location) as store:
        store.save_result(result("a1", [fact("f1")]), "r1")
        store.save_failure("a1", "p@1", "m", "r2", "failed_retryable", "429")
        state = store.state("a1", "p@1", "m")
        assert state is not None and state.status == "failed_retryable" and state.attempts == 2
        assert [f.fact_id for f in store.facts(["a1"])] == ["f1"]
        store.start_run("r2", {"model": "m"})
        store.finish_run("r2", {"counts": {"facts": 1}})
        assert store.run("r2").summary == {"counts": {"facts": 1}}
        store.save_batch_job(BatchJob(batch_id="b1", input_file_id="f", prompt="p@1", model="m", base_url=None, run_id="r2",
                                     article_ids=["a1"], requests=3, status="submitted"))
        store.set_batch_job_status("b1", "completed")
        [batch] = store.batch_jobs("b1")
        assert (batch.status, batch.article_ids, batch.requests) == ("completed", ["a1"], 3)


def test_concurrent_writers_never_duplicate_a_fact(location: str) -> None:
    with Store(location):
        pass  # create the schema once

    def writer(n: int) -> None:
        with Store(location) as store:
            for round_ in range(10):
                for article in ("a1", "a2", "a3"):
                    facts = [fact(f"{article}-f{i}", article_id=article, run_tag=f"{n}-{round_}") for i in range(3)]
                    store.save_result(result(article, facts), f"r{n}")

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with Store(location) as store:
        ids = [f.fact_id for f in store.facts()]
    assert sorted(ids) == sorted(f"{a}-f{i}" for a in ("a1", "a2", "a3") for i in range(3))


def test_a_whole_run_gives_the_same_facts_on_both_backends(tmp_path: Path) -> None:
    pg = fresh_postgres()
    write_articles(tmp_path / "in", 4)
    with FakeAPI() as api:
        on_sqlite = run_batch([tmp_path / "in"], settings(api), tmp_path / "sqlite")
        on_pg = run_batch([tmp_path / "in"], settings(api, db=pg), tmp_path / "pg")
        rerun = run_batch([tmp_path / "in"], settings(api, db=pg), tmp_path / "pg")
    strip = lambda facts: [f.model_dump(exclude={"run_id"}) for f in facts]  # noqa: E731
    assert strip(on_pg.facts) == strip(on_sqlite.facts) and on_pg.facts
    assert rerun.summary["counts"]["model_calls"] == 0 and strip(rerun.facts) == strip(on_pg.facts)
    assert pg.split("@")[0] not in json.dumps(on_pg.summary) + (tmp_path / "pg" / "run.json").read_text()  # no password


@pytest.mark.parametrize("location, expected", [
    ("postgresql://newsfacts:secret@db.example:5432/facts", "postgresql://db.example:5432/facts"),
    ("postgresql://db.example/facts", "postgresql://db.example/facts"),
    ("/tmp/out/newsfacts.db", "/tmp/out/newsfacts.db"),
])
def test_a_store_location_is_shown_without_its_credentials(location: str, expected: str) -> None:
    from pipeline.store.backends import shown

    assert shown(location) == expected
