"""Batches through a fault-injecting fake API over real HTTP: every article ends done or failed
with a reason, no fact is stored twice, and HTTP calls stay within the retry budget."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.errors import AuthError
from pipeline.extract.mentions import quantities
from pipeline.run.runner import run_batch
from pipeline.settings import Settings

from .fake_api import FakeAPI

ROOT = Path(__file__).resolve().parent.parent
KEY = "sk-test-fault-0123456789"


def write_articles(folder: Path, count: int) -> int:
    """`count` small articles of two quantities each; returns how many quantities they hold in all."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        text = (f"Testland's exports grew {i + 1}.5% in 2023, the ministry said.\n\n"
                f"The port handled {i + 2} million tonnes of grain, officials said.\n")
        (folder / f"article_{i:03d}.txt").write_text(text)
        total += len(quantities(text))
    return total


def settings(api: FakeAPI, **changes) -> Settings:
    base = dict(base_url=api.base_url, model="fake-model", prompt="extract_facts@3", concurrency=4,
                max_retries=2, reasks=1, timeout=1.0)
    return Settings.from_env({"NEWSFACTS_API_KEY": KEY}, **(base | changes))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def stored_fact_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT fact_id FROM facts")]


FAULTS = {1: "429", 3: "500", 5: "503", 7: "malformed", 9: "drop", 11: "hang", 13: "truncated"}


def test_every_fault_ends_done_or_failed_within_the_retry_budget(tmp_path: Path) -> None:
    quantity_count = write_articles(tmp_path / "in", 8)
    with FakeAPI(faults=FAULTS, hang_seconds=3.0) as api:
        result = run_batch([tmp_path / "in"], settings(api), tmp_path / "out")
        calls = api.chat_calls
    statuses = {o.status for o in result.outcomes}
    assert statuses <= {"done", "validation_failed", "failed_retryable"}
    assert all(o.error for o in result.outcomes if o.status != "done")
    truncated = [o for o in result.outcomes if o.status == "validation_failed"]
    assert len(truncated) == 1 and "truncated" in truncated[0].error
    # one request per quantity, plus one per injected transport fault and one reask; the truncated
    # article stops at its truncated answer
    assert quantity_count <= calls + 1 <= quantity_count + len(FAULTS)
    ids = stored_fact_ids(tmp_path / "out" / "newsfacts.db")
    assert len(ids) == len(set(ids)) == len(read_jsonl(tmp_path / "out" / "facts.jsonl"))


def test_a_rerun_retries_only_the_failed_article(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 4)
    with FakeAPI(faults={2: "truncated"}) as api:
        first = run_batch([tmp_path / "in"], settings(api, concurrency=1), tmp_path / "out")
        calls_before = api.chat_calls
        second = run_batch([tmp_path / "in"], settings(api, concurrency=1), tmp_path / "out")
        rerun_calls = api.chat_calls - calls_before
    assert sorted(o.status for o in first.outcomes) == ["done", "done", "done", "validation_failed"]
    assert sorted(o.status for o in second.outcomes) == ["done", "skipped", "skipped", "skipped"]
    assert rerun_calls == 2  # the two quantities of the one article that failed
    ids = stored_fact_ids(tmp_path / "out" / "newsfacts.db")
    assert len(ids) == len(set(ids)) == 8


def test_401_stops_the_whole_run_at_once(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 20)
    with FakeAPI(faults={n: "401" for n in range(1, 100)}) as api:
        with pytest.raises(AuthError, match="refused the credentials"):
            run_batch([tmp_path / "in"], settings(api), tmp_path / "out")
        assert api.chat_calls <= 4  # the requests already in flight, not one per article


def test_a_429_storm_slows_the_run_and_it_still_finishes(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 6)
    with FakeAPI(faults={n: "429" for n in range(1, 7)}) as api:
        result = run_batch([tmp_path / "in"], settings(api, max_retries=6), tmp_path / "out")
    assert {o.status for o in result.outcomes} == {"done"}
    assert result.summary["counts"]["rate_limited"] == 6


def test_the_key_never_reaches_outputs_or_store(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    with FakeAPI() as api:
        run_batch([tmp_path / "in"], settings(api), tmp_path / "out")
    for path in (tmp_path / "out").iterdir():
        assert KEY not in path.read_bytes().decode("utf-8", "replace"), path.name


def test_token_budget_stops_starting_articles_and_keeps_finished_work(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 6)
    with FakeAPI() as api:
        result = run_batch([tmp_path / "in"], settings(api, concurrency=1, max_tokens=1600, max_output_tokens=20),
                           tmp_path / "out")
    done = [o for o in result.outcomes if o.status == "done"]
    deferred = [o for o in result.outcomes if o.status == "deferred"]
    # each call uses 120 tokens but reserves its most first (about 1,170 prompt + 20 output): after
    # four calls (two articles) the fifth's most would pass 1,600, so it is not sent
    assert len(done) == 2 and len(deferred) == 4
    assert "token budget reached" in result.summary["stopped"] and result.summary["counts"]["deferred"] == 4
    assert len(read_jsonl(tmp_path / "out" / "facts.jsonl")) == 4


def test_cost_is_counted_per_article_and_run(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    with FakeAPI() as api:
        result = run_batch([tmp_path / "in"], settings(api, prices={"fake-model": (1.0, 2.0)}), tmp_path / "out")
    # each call: 100 prompt and 20 completion tokens at $1 and $2 per million
    assert all(o.cost == pytest.approx(2 * (100 * 1 + 20 * 2) / 1e6) for o in result.outcomes)
    assert result.summary["counts"]["cost_usd"] == pytest.approx(4 * (100 + 40) / 1e6)


def _cli(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _done_count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM extractions WHERE status = 'done'").fetchone()[0]
    except sqlite3.Error:
        return 0


def _facts_without_run(path: Path) -> list[dict]:
    return sorted(({k: v for k, v in f.items() if k != "run_id"} for f in read_jsonl(path)), key=lambda f: f["fact_id"])


def test_sigkill_mid_run_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 30)
    env = {**os.environ, "NEWSFACTS_API_KEY": KEY}
    with FakeAPI(latency=0.05) as api:
        common = ["run", str(tmp_path / "in"), "--base-url", api.base_url, "--model", "fake-model",
                  "--prompt", "extract_facts@3", "--concurrency", "3"]
        with _cli([*common, "--out", str(tmp_path / "killed")], env) as proc:
            deadline = time.monotonic() + 60
            while _done_count(tmp_path / "killed" / "newsfacts.db") < 8 and time.monotonic() < deadline:
                time.sleep(0.02)
            os.kill(proc.pid, signal.SIGKILL)
        assert 8 <= _done_count(tmp_path / "killed" / "newsfacts.db") < 30
        with _cli([*common, "--out", str(tmp_path / "killed")], env) as rerun:
            assert rerun.wait(timeout=120) == 0
        with _cli([*common, "--out", str(tmp_path / "clean")], env) as clean:
            assert clean.wait(timeout=120) == 0
    resumed = _facts_without_run(tmp_path / "killed" / "facts.jsonl")
    assert resumed == _facts_without_run(tmp_path / "clean" / "facts.jsonl")
    ids = stored_fact_ids(tmp_path / "killed" / "newsfacts.db")
    assert len(ids) == len(set(ids)) == len(resumed) == 60
