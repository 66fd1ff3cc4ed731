"""Issue 17, the store: one hostile article never poisons it. Non-finite numbers and dates outside
the calendar are refused before they are stored, a bad stored row is skipped with a finding, and a
new version of a file replaces the old one's facts (unless history is kept), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from pipeline.run.runner import run_batch
from pipeline.settings import Settings
from pipeline.store.fact_store import STORE_VERSION, Store
from schemas.facts import ArticleFacts, QuantFact

from .conftest import fresh_postgres
from .fake_api import FakeAPI

HUGE = "1" + "0" * 320


def fake_settings(api: FakeAPI, **changes: object) -> Settings:
    return Settings.from_env({"NEWSFACTS_API_KEY": "k"}, base_url=api.base_url, model="fake-model",
                             prompt="extract_facts@3", **changes)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    return fresh_postgres() if request.param == "postgresql" else tmp_path / "store.db"


def test_a_number_beyond_a_float_is_refused_with_a_finding_and_later_runs_still_work(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "huge.txt").write_text(f"Testland's exports reached {HUGE} dollars in 2023, it said.\n")
    (tmp_path / "in" / "good.txt").write_text("Testland's exports grew 4.5% in 2023, the ministry said.\n")
    with FakeAPI() as api:
        for _ in range(2):  # the second run reads what the first stored
            result = run_batch([tmp_path / "in"], fake_settings(api), tmp_path / "out")
    refused = [f for f in result.findings if f.check == "store"]
    assert refused and all(f.severity == "error" and "huge.txt" in f.message and "not a finite number" in f.message
                           for f in refused)
    stored = read_jsonl(tmp_path / "out" / "facts.jsonl")
    assert stored and all(fact["value"] is not None for fact in stored)


def fact(fact_id: str, article_id: str, **changes: Any) -> QuantFact:
    base = dict(fact_id=fact_id, article_id=article_id, entity="Testland", metric="gdp_real_growth", value=3.0,
                unit="percent", quote="grew 3%")
    return QuantFact(**(base | changes))


def test_refused_values_never_reach_the_store(location: str | Path) -> None:
    bad = [fact("inf", "a1", value=float("inf")), fact("nan", "a1", value_max=float("nan")),
           fact("year0", "a1", period_start="0-01-01"), fact("ok", "a1")]
    with Store(location) as store:
        store.save_result(ArticleFacts(article_id="a1", facts=bad, prompt="p", model="m"), "r1")
        assert [f.fact_id for f in store.facts()] == ["ok"]
        refused = {f.fact_ids[0]: f.message for f in store.findings() if f.check == "store"}
    assert set(refused) == {"inf", "nan", "year0"}
    assert "not a finite number" in refused["inf"] and "not a date in the calendar" in refused["year0"]


def test_a_stored_row_that_no_longer_validates_is_skipped_with_a_finding(location: str | Path) -> None:
    with Store(location) as store:
        store.save_result(ArticleFacts(article_id="a1", facts=[fact("bad", "a1"), fact("ok", "a1")], prompt="p", model="m"), "r1")
        with store._write() as conn:  # what an older version wrote for a 309-digit number
            conn.execute("UPDATE facts SET fact_json = ? WHERE fact_id = ?",
                         (fact("bad", "a1").model_dump_json().replace('"value":3.0', '"value":null'), "bad"))
        assert [f.fact_id for f in store.facts()] == ["ok"]
        [notice] = store.notices
    assert notice.severity == "error" and notice.fact_ids == ["bad"] and "--force" in notice.message


def test_a_publication_date_of_year_one_leaves_last_year_unresolved_with_a_finding(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Testland's exports grew 4.5% last year, the ministry said.\n")
    (tmp_path / "in" / "meta.json").write_text('{"a.txt": {"published": "0001-01-01"}}')
    with FakeAPI() as api:
        for _ in range(2):
            result = run_batch([tmp_path / "in"], fake_settings(api), tmp_path / "out")
    assert result.facts and all(f.period_rule == "unresolved" for f in result.facts)
    assert any(f.check == "dates" and "cannot be placed in the calendar" in f.message for f in result.findings)


def write_version(folder: Path, growth: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "story.txt").write_text(f"Testland's exports grew {growth}% in 2023, the ministry said.\n")


@pytest.mark.parametrize("keep", [False, True])
def test_an_edited_article_replaces_its_old_facts_unless_history_is_kept(tmp_path: Path, keep: bool) -> None:
    with FakeAPI() as api:
        write_version(tmp_path / "in", "4.5")
        run_batch([tmp_path / "in"], fake_settings(api, keep_history=keep), tmp_path / "out")
        write_version(tmp_path / "in", "5.5")
        result = run_batch([tmp_path / "in"], fake_settings(api, keep_history=keep), tmp_path / "out")
    with Store(tmp_path / "out" / "newsfacts.db") as store:
        values = sorted(f.value for f in store.facts())
        articles = store._read("SELECT article_id FROM articles", ())
    assert values == ([4.5, 5.5] if keep else [5.5])
    assert len(articles) == (2 if keep else 1)
    assert any("earlier version" in f.message for f in result.findings) != keep
    assert not any(g.verdict == "conflict" for g in result.validation.groups) or keep


def test_versions_replace_each_other_on_both_backends(location: str | Path) -> None:
    from dataclasses import dataclass

    @dataclass
    class Version:
        article_id: str
        text: str
        path: str = "in/story.txt"
        source: str | None = None
        url: str | None = None
        published: str | None = None
        title: str | None = None
        content_sha256: str = "0" * 64

    with Store(location) as store:
        store.upsert_article(Version("a_old", "old"))
        store.save_result(ArticleFacts(article_id="a_old", facts=[fact("f_old", "a_old")], prompt="p", model="m"), "r1")
        store.upsert_article(Version("a_new", "new"))
        assert store.facts() == [] and not store.is_done("a_old", "p", "m")
        assert [n.article_id for n in store.notices] == ["a_new"]


def test_a_version_1_store_is_migrated_to_the_current_version(location: str | Path) -> None:
    with Store(location) as store:
        with store._write() as conn:
            store._db.set_version(conn, 1)
            conn.execute("DROP INDEX articles_by_path")
            conn.execute("DROP TABLE leases")
            conn.execute("ALTER TABLE extractions DROP COLUMN raw_answer")
        store.upsert_article(type("A", (), {"article_id": "a1", "path": "x.txt", "source": None, "url": None,
                                            "published": None, "title": None, "text": "t", "content_sha256": "0"})())
    with Store(location) as store:
        assert store._db.version() == STORE_VERSION == 3
        assert [r["article_id"] for r in store._read("SELECT article_id FROM articles", ())] == ["a1"]
        plan = store._read("SELECT article_id FROM articles WHERE path = ?", ("x.txt",))
        assert plan and _has_path_index(store)
        assert store.claim("a1", "p", "m", "r1", 60) and not store.claim("a1", "p", "m", "r2", 60)
        store.save_failure("a1", "p", "m", "r1", "validation_failed", "still invalid", '{"is_fact": false}')
        assert store.state("a1", "p", "m").raw_answer == '{"is_fact": false}'


def _has_path_index(store: Store) -> bool:
    if store.backend == "sqlite":
        return bool(store._read("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'articles_by_path'", ()))
    return bool(store._read("SELECT indexname FROM pg_indexes WHERE indexname = 'articles_by_path'", ()))


def test_runners_opening_a_new_sqlite_store_at_once_all_get_it(tmp_path: Path) -> None:
    # Switching a new file to WAL can answer SQLITE_BUSY at once, without SQLite's busy handler:
    # before the fix, about 1 trial in 8 had a runner fail with "database is locked".
    for trial in range(10):
        errors: list[Exception] = []
        start = threading.Barrier(6)

        def open_store(path: Path = tmp_path / f"new-{trial}.db") -> None:
            start.wait()
            try:
                with Store(path):
                    pass
            except Exception as exc:  # noqa: BLE001 - any failure to open is what this test catches
                errors.append(exc)

        threads = [threading.Thread(target=open_store) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors, errors
