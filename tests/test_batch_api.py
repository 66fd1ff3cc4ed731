"""`--batch-api` against a fake Files and Batches API over real HTTP: submit, persist the id, poll,
map answers back by custom_id, send failed items through the normal path; list, resume, cancel."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.run import batch_api as batches
from pipeline.model import llm
from pipeline.cli import app
from pipeline.extract.prompts import load_prompt
from pipeline.run.runner import cancel_batch_job, resume_batch_job, run_batch
from pipeline.settings import Settings
from pipeline.ingest.sources import load_articles
from pipeline.store.fact_store import Store

from .fake_api import FakeAPI
from .test_faults import KEY, read_jsonl, settings, write_articles


def submit(live: Settings, articles, store: Store, run_id: str):
    """What a run does before it waits: upload, create, save the id."""
    async def go():
        client = llm.build_client(live)
        try:
            return await batches.submit(client, articles, load_prompt("extract_facts@3"), live, store, run_id)
        finally:
            await llm.close_client(client)
    return asyncio.run(go())


def batch_settings(api: FakeAPI, **changes) -> Settings:
    return settings(api, **({"batch_api": True, "poll_seconds": 0.01} | changes))


def test_a_batch_run_stores_every_fact_and_persists_the_batch(tmp_path: Path) -> None:
    quantity_count = write_articles(tmp_path / "in", 5)
    with FakeAPI(batch_polls=3) as api:
        result = run_batch([tmp_path / "in"], batch_settings(api, prices={"fake-model": (1.0, 2.0)}), tmp_path / "out")
        chat_calls = api.chat_calls
        uploaded = api.files["file-1"].decode().splitlines()
    assert {o.status for o in result.outcomes} == {"done"} and chat_calls == 0
    assert len(uploaded) == quantity_count and len(read_jsonl(tmp_path / "out" / "facts.jsonl")) == quantity_count
    with Store(tmp_path / "out" / "newsfacts.db") as store:
        [record] = store.batch_jobs()
    assert record.status == "completed, processed" and record.requests == quantity_count and len(record.article_ids) == 5
    # half price: 100 prompt and 20 completion tokens per request at $1 and $2 per million
    assert result.summary["counts"]["cost_usd"] == pytest.approx(quantity_count * 140 / 1e6 / 2)


def test_failed_and_invalid_answers_go_back_through_the_normal_path(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    article_id = load_articles([tmp_path / "in"]).articles[0].article_id
    faults = {f"{article_id}/0/m1": "error", f"{article_id}/0/m2": "malformed"}
    with FakeAPI(batch_faults=faults) as api:
        result = run_batch([tmp_path / "in"], batch_settings(api), tmp_path / "out")
        assert api.chat_calls == 2  # one normal call for each failed item
        sent_back = [r.body["messages"] for r in api.requests if r.path.endswith("/chat/completions")]
    # the failed request is asked afresh; the answer that did not validate is reasked with the validator's message
    assert sorted(len(m) for m in sent_back) == [2, 4]
    reask = next(m for m in sent_back if len(m) == 4)
    assert reask[2]["role"] == "assistant" and "Invalid JSON" in reask[3]["content"]
    assert {o.status for o in result.outcomes} == {"done"}
    assert "2 answers sent back" in next(o.error for o in result.outcomes if o.article_id == article_id)
    assert len(read_jsonl(tmp_path / "out" / "facts.jsonl")) == 6


def test_a_batch_whose_run_died_is_listed_and_resumed(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    articles = load_articles([tmp_path / "in"]).articles
    with FakeAPI() as api:
        live = batch_settings(api)
        with Store(tmp_path / "out" / "newsfacts.db") as store:  # a run that submitted, then crashed
            for article in articles:
                store.upsert_article(article)
            record = submit(live, articles, store, "run_dead")
        listed = CliRunner().invoke(app, ["batches", "list", "--out", str(tmp_path / "out")])
        assert record.batch_id in listed.stdout and "submitted" in listed.stdout
        result = resume_batch_job(record.batch_id, Settings.from_env({"NEWSFACTS_API_KEY": KEY}, poll_seconds=0.01), tmp_path / "out")
    assert [o.status for o in result.outcomes] == ["done", "done"]
    assert len(read_jsonl(tmp_path / "out" / "facts.jsonl")) == 4


def test_cancel(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 1)
    articles = load_articles([tmp_path / "in"]).articles
    with FakeAPI(batch_polls=100) as api:
        live = batch_settings(api)
        with Store(tmp_path / "out" / "newsfacts.db") as store:
            record = submit(live, articles, store, "r")
        assert cancel_batch_job(record.batch_id, Settings.from_env({"NEWSFACTS_API_KEY": KEY}), tmp_path / "out") == "cancelled"
    with Store(tmp_path / "out" / "newsfacts.db") as store:
        assert store.batch_jobs(record.batch_id)[0].status == "cancelled"


def test_batch_api_needs_a_prompt_whose_requests_are_known_before_any_answer(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 1)
    with FakeAPI() as api:
        with pytest.raises(Exception, match="requests are all known before any answer"):
            run_batch([tmp_path / "in"], batch_settings(api, prompt="extract_facts@2"), tmp_path / "out")
