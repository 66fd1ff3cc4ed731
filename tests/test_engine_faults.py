"""Engine faults of issue 17 against the fake API over real HTTP: a broken endpoint never looks like
success, the budget holds before every call, nothing hangs, and no secret leaks."""

from __future__ import annotations

import json
import threading
import time
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import cli
from pipeline.errors import StoreError
from pipeline.run import batch_api
from pipeline.run.runner import RunResult, run_batch
from pipeline.store.fact_store import Store

from .conftest import fresh_postgres
from .fake_api import FakeAPI
from .test_faults import KEY, read_jsonl, settings, write_articles


def run_with(tmp_path: Path, faults: dict[int, str], **changes) -> tuple[RunResult, int]:
    """One run over tmp_path/in into tmp_path/out against a fake API with `faults`; the result and
    the chat requests the server saw."""
    with FakeAPI(faults=faults) as api:
        result = run_batch([tmp_path / "in"], settings(api, **({"concurrency": 1} | changes)), tmp_path / "out")
        return result, api.chat_calls


def extraction_rows(db: Path) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("SELECT * FROM extractions ORDER BY article_id")]


@pytest.mark.parametrize("fault", ["empty", "garbage", "cut"])
def test_a_broken_200_body_is_a_failed_call_never_done(tmp_path: Path, fault: str) -> None:
    write_articles(tmp_path / "in", 1)
    result, sent = run_with(tmp_path, {n: fault for n in range(1, 200)})
    (outcome,) = result.outcomes
    assert outcome.status == "failed_retryable" and outcome.error
    assert extraction_rows(tmp_path / "out" / "newsfacts.db")[0]["status"] == "failed_retryable"
    assert read_jsonl(tmp_path / "out" / "facts.jsonl") == []
    run = json.loads((tmp_path / "out" / "run.json").read_text())
    assert sent > 1 and run["counts"]["model_calls"] == sent
    with FakeAPI() as api:  # the next run retries it
        again = run_batch([tmp_path / "in"], settings(api, concurrency=1), tmp_path / "out")
    assert [o.status for o in again.outcomes] == ["done"]


def test_one_quantity_that_fails_every_transport_retry_is_asked_again_not_the_article_failed(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 1)
    # request 1 labels the first quantity; 2-4 are the second's call and its two transport retries
    result, sent = run_with(tmp_path, {2: "500", 3: "drop", 4: "garbage"})
    assert [o.status for o in result.outcomes] == ["done"]
    assert sent == 5 and result.summary["counts"]["model_calls"] == 5
    assert len(read_jsonl(tmp_path / "out" / "facts.jsonl")) == 2


def test_the_article_fails_with_the_reason_once_its_retries_are_spent(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 1)
    result, sent = run_with(tmp_path, {n: "500" for n in range(2, 200)}, article_retries=1)
    (outcome,) = result.outcomes
    assert outcome.status == "failed_retryable" and "InternalServerError" in outcome.error
    assert sent == 1 + 2 * 3  # the first quantity, then two calls of three attempts for the second


@pytest.mark.parametrize("fault", ["429_long", "429_inf"])
def test_a_retry_after_beyond_the_cap_stops_the_run_for_later_instead_of_hanging(tmp_path: Path, fault: str) -> None:
    write_articles(tmp_path / "in", 6)
    with FakeAPI(faults={3: fault}) as api:
        started = time.monotonic()
        result = run_batch([tmp_path / "in"], settings(api, concurrency=1, max_rate_limit_wait=5), tmp_path / "out")
        seconds = time.monotonic() - started
        sent = api.chat_calls
    assert seconds < 20 and sent == 3  # the 429 is the last request: nothing more is sent
    statuses = [o.status for o in result.outcomes]
    assert statuses.count("done") == 1 and statuses.count("rate_limited") == 5
    assert "rate-limited, resume later" in result.summary["stopped"]
    assert [r["status"] for r in extraction_rows(tmp_path / "out" / "newsfacts.db")] == ["done"]  # the rest stay pending
    assert cli.exit_code(result, cli.FailOn.never) == cli.EXIT_RATE_LIMITED == 8
    with FakeAPI() as api:  # resumed later: the rest is done, the first skipped
        again = run_batch([tmp_path / "in"], settings(api, concurrency=1), tmp_path / "out")
    assert sorted(o.status for o in again.outcomes) == ["done"] * 5 + ["skipped"]


def test_an_answer_sent_one_byte_at_a_time_hits_the_call_deadline(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 1)
    with FakeAPI(faults={1: "trickle"}, trickle_seconds=0.05) as api:  # ~300 bytes: 15 s, never a 1 s read gap
        started = time.monotonic()
        result = run_batch([tmp_path / "in"], settings(api, concurrency=1, timeout=1.0), tmp_path / "out")
        seconds = time.monotonic() - started
    assert seconds < 8
    assert [o.status for o in result.outcomes] == ["done"]  # the call was sent again and answered


def test_the_budget_is_checked_before_every_call_not_only_between_articles(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # one article of 40 quantities: a budget check between articles alone would send all 40 calls
    (folder / "long.txt").write_text("".join(f"The port handled {n + 2} million tonnes of grain in {2000 + n}.\n\n"
                                             for n in range(40)))
    price = {"fake-model": (1.0, 2.0)}  # the fake answer: 100 + 20 tokens, $0.00014 a call
    with FakeAPI() as api:
        one = settings(api, concurrency=1, prices=price, max_output_tokens=50)
        max_cost = 0.003  # each call reserves its most (prompt estimate + 50 output tokens) before it goes
        result = run_batch([folder], one.model_copy(update={"max_cost": max_cost}), tmp_path / "out")
        sent = api.chat_calls
    (outcome,) = result.outcomes
    assert outcome.status == "deferred" and "cost budget reached" in outcome.error
    assert "cost budget reached" in result.summary["stopped"]
    spent = sent * (100 * 1.0 + 20 * 2.0) / 1e6
    assert 3 <= sent < 40 and spent <= max_cost  # stopped in time: no overrun at all
    assert extraction_rows(tmp_path / "out" / "newsfacts.db") == []  # left pending for a later run


@pytest.mark.parametrize(("fault", "status"), [("no_usage", "done"), ("negative_usage", "failed_retryable")])
def test_missing_usage_is_counted_at_its_most_and_negative_usage_is_a_broken_answer(
        tmp_path: Path, fault: str, status: str) -> None:
    write_articles(tmp_path / "in", 1)
    with FakeAPI(faults={n: fault for n in range(1, 200)}) as api:
        result = run_batch([tmp_path / "in"], settings(api, concurrency=1, max_output_tokens=300, article_retries=0),
                           tmp_path / "out")
    (outcome,) = result.outcomes
    assert outcome.status == status
    if fault == "no_usage":  # the prompt's characters / 4 and the output limit, for each of the 2 calls
        assert outcome.usage.completion_tokens == 2 * 300 and outcome.usage.prompt_tokens > 2 * 50
    else:
        assert "usage has prompt_tokens = -1000000" in outcome.error
        assert result.summary["counts"]["tokens"] >= 0


def test_a_context_length_400_is_permanent_and_skipped_until_the_article_changes(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    first, calls = run_with(tmp_path, {1: "context"})
    second, rerun_calls = run_with(tmp_path, {})
    (tmp_path / "in" / "article_000.txt").write_text("Testland's imports fell 3.5% in 2024, the ministry said.\n")
    third, _ = run_with(tmp_path, {})
    assert calls == 3 and sorted(o.status for o in first.outcomes) == ["done", "failed_permanent"]
    assert rerun_calls == 0  # the failed article is not sent again
    (failed,) = [o for o in second.outcomes if o.status != "skipped"]
    assert failed.status == "failed_permanent" and "failed permanently" in failed.error and "BadRequestError" in failed.error
    assert sorted(o.status for o in third.outcomes) == ["done", "skipped"]  # the edited article is a new one


def test_an_answer_still_invalid_after_every_reask_fails_its_article_with_the_answer_kept(tmp_path: Path) -> None:
    """The first quantity's answer and its reask both fail the label validator (a metric the prompt
    does not allow): that article is validation_failed, keeps no facts, and the store holds the last
    answer and the validator's message; the other article is done, and the next run retries the failed one."""
    write_articles(tmp_path / "in", 2)
    result, sent = run_with(tmp_path, {1: "invalid", 2: "invalid"})
    assert sent == 4 and sorted(o.status for o in result.outcomes) == ["done", "validation_failed"]
    (failed,) = [o for o in result.outcomes if o.status == "validation_failed"]
    assert "quantity m1 «1.5%» still failed validation after 2 attempts: metric: Input should be" in failed.error
    rows = {r["article_id"]: r for r in extraction_rows(tmp_path / "out" / "newsfacts.db")}
    row = rows[failed.article_id]
    assert row["status"] == "validation_failed" and row["error"] == failed.error
    assert json.loads(row["raw_answer"])["metric"] == "no_such_metric"
    assert rows[next(o.article_id for o in result.outcomes if o.status == "done")]["raw_answer"] is None
    facts = read_jsonl(tmp_path / "out" / "facts.jsonl")
    assert len(facts) == 2 and failed.article_id not in {f["article_id"] for f in facts}
    run = json.loads((tmp_path / "out" / "run.json").read_text())
    assert run["counts"]["failed"] == 1 and [a["error"] for a in run["articles"] if a["error"]] == [failed.error]
    report = (tmp_path / "out" / "report.md").read_text()
    assert "## Failed articles (1;" in report and "| article\\_000.txt | validation\\_failed | the answer about" in report
    status = CliRunner().invoke(cli.app, ["status", "--out", str(tmp_path / "out"), "--answers"]).stdout
    assert status.startswith("extractions: 1 done, 1 validation_failed\n") and failed.error in status
    assert "last answer: {" in status and "no_such_metric" in status
    again, resent = run_with(tmp_path, {})
    assert resent == 2 and sorted(o.status for o in again.outcomes) == ["done", "skipped"]
    assert extraction_rows(tmp_path / "out" / "newsfacts.db")[0]["raw_answer"] is None


def test_an_entity_and_attribution_named_nowhere_in_the_article_are_reasked(tmp_path: Path) -> None:
    """A prompt-injected label names "Zeta Holdings" (according to the "IMF") for a figure about
    Testland: the validator reasks it, saying why, and the fact ends with the entity the reask gives."""
    write_articles(tmp_path / "in", 1)
    with FakeAPI(faults={1: "injected"}) as api:
        result = run_batch([tmp_path / "in"], settings(api, concurrency=1), tmp_path / "out")
        bodies = [json.dumps(r.body["messages"]) for r in api.requests if r.path.endswith("/chat/completions")]
    assert [o.status for o in result.outcomes] == ["done"] and len(bodies) == 3  # the first quantity, its reask, the second
    assert "entity \\u00abZeta Holdings\\u00bb is not named in the article" in bodies[1]
    facts = read_jsonl(tmp_path / "out" / "facts.jsonl")
    assert len(facts) == 2 and {f["entity"] for f in facts} == {"Testland"}
    assert not {f["attribution"] for f in facts} - {None}


def test_a_key_echoed_in_an_error_and_a_password_in_the_url_never_reach_outputs_store_or_logs(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write_articles(tmp_path / "in", 1)
    with FakeAPI(faults={1: "context"}) as api:
        url = api.base_url.replace("http://", "http://reporter:hunter2secret@")
        with caplog.at_level("DEBUG"):
            result = run_batch([tmp_path / "in"], settings(api, base_url=url, concurrency=1), tmp_path / "out")
    assert "maximum context length" in result.outcomes[0].error and "[redacted]" in result.outcomes[0].error
    for path in (tmp_path / "out").iterdir():
        text = path.read_bytes().decode("utf-8", "replace")
        assert KEY not in text and "hunter2secret" not in text, path.name
    assert KEY not in caplog.text and "hunter2secret" not in caplog.text


def test_a_store_write_error_fails_the_run_cleanly_and_keeps_what_was_done(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_articles(tmp_path / "in", 12)
    real_save = Store.save_result
    saved: list[str] = []

    def disk_full_after_two(store: Store, result, run_id: str) -> None:
        if len(saved) >= 2:
            raise StoreError("cannot write to newsfacts.db: OperationalError: database or disk is full")
        real_save(store, result, run_id)
        saved.append(result.article_id)

    monkeypatch.setattr(Store, "save_result", disk_full_after_two)
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            run_batch([tmp_path / "in"], settings(api, concurrency=2), tmp_path / "out")
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            outcome.append(exc)

    with FakeAPI() as api:
        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        worker.join(timeout=30)
    assert not worker.is_alive(), "the run hung after a store write error"
    assert isinstance(outcome[0], StoreError) and "disk is full" in str(outcome[0])
    done = [r["article_id"] for r in extraction_rows(tmp_path / "out" / "newsfacts.db") if r["status"] == "done"]
    assert sorted(done) == sorted(saved) and len(done) == 2



def long_article(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "long.txt").write_text("".join(f"The port handled {n + 2} million tonnes of grain in {2000 + n}.\n\n"
                                             for n in range(count)))


def test_quantities_past_the_cap_are_not_sent_and_a_finding_names_them(tmp_path: Path) -> None:
    long_article(tmp_path / "in", 30)
    with FakeAPI() as api:
        result = run_batch([tmp_path / "in"], settings(api, concurrency=1, max_quantities_per_article=12), tmp_path / "out")
        sent = api.chat_calls
    assert [o.status for o in result.outcomes] == ["done"] and sent == 12
    (finding,) = [f for f in result.findings if "NEWSFACTS_MAX_QUANTITIES_PER_ARTICLE" in f.message]
    assert finding.message.startswith("18 of the article's 30 quantities were not sent") and "«14 million tonnes»" in finding.message and "and 8 more" in finding.message


def test_an_article_stops_at_its_call_cap(tmp_path: Path) -> None:
    long_article(tmp_path / "in", 30)
    result, sent = run_with(tmp_path, {n: "500" for n in range(1, 500)}, max_calls_per_article=7)
    (outcome,) = result.outcomes
    assert outcome.status == "failed_permanent" and "NEWSFACTS_MAX_CALLS_PER_ARTICLE=7" in outcome.error
    assert sent <= 7 + 2  # the cap is checked before each call; one call may take its transport retries


def test_a_batch_api_run_killed_after_its_job_exists_resumes_that_job_instead_of_paying_twice(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_articles(tmp_path / "in", 4)
    real_wait = batch_api.wait

    async def killed(*args, **kwargs):
        raise KeyboardInterrupt  # the process dies while it waits on the saved job

    with FakeAPI(batch_polls=2) as api:
        options = settings(api, batch_api=True, poll_seconds=0.01)
        monkeypatch.setattr(batch_api, "wait", killed)
        with pytest.raises(KeyboardInterrupt):
            run_batch([tmp_path / "in"], options, tmp_path / "out")
        monkeypatch.setattr(batch_api, "wait", real_wait)
        result = run_batch([tmp_path / "in"], options, tmp_path / "out")
        jobs = len(api.batches)
    assert jobs == 1  # the same command run again resumed the saved job
    assert {o.status for o in result.outcomes} == {"done"} and len(read_jsonl(tmp_path / "out" / "facts.jsonl")) == 8
    with Store(tmp_path / "out" / "newsfacts.db") as store:
        [job] = store.batch_jobs()
    assert job.status == "completed, processed"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return str(tmp_path / "shared.db") if request.param == "sqlite" else fresh_postgres()


def test_two_runners_on_one_store_never_pay_twice_for_an_article(tmp_path: Path, store_location: str) -> None:
    quantity_count = write_articles(tmp_path / "in", 16)
    results: list = []
    with FakeAPI(latency=0.05) as api:
        def runner(name: str) -> None:
            options = settings(api, concurrency=2, db=store_location)
            results.append(run_batch([tmp_path / "in"], options, tmp_path / name))

        threads = [threading.Thread(target=runner, args=(name,)) for name in ("one", "two")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        calls = api.chat_calls
    assert len(results) == 2 and calls == quantity_count  # each article's calls made once, by one runner
    done = [o.article_id for r in results for o in r.outcomes if o.status == "done"]
    assert len(done) == len(set(done)) == 16
    with Store(store_location) as store:
        assert store.facts() and len({f.fact_id for f in store.facts()}) == quantity_count


def test_a_lease_holds_off_other_runners_until_it_expires(store_location: str) -> None:
    key = ("a_1", "extract_facts@3#x", "m")
    with Store(store_location) as store:
        assert store.claim(*key, "run_a", 60) and store.claim(*key, "run_a", 60)  # its owner may renew it
        assert not store.claim(*key, "run_b", 60)
        store.release(*key, "run_a")
        assert store.claim(*key, "run_b", 0.05)
        time.sleep(0.1)
        assert store.claim(*key, "run_a", 60)  # run_b's lease expired
