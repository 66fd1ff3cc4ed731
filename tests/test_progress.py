"""Progress of a run: plain lines when stderr is a log (one per article, a heartbeat), and a fast --help."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from pipeline.console import LogProgress, RunTally
from pipeline.run.workers import ArticleOutcome
from schemas.facts import Usage

from .fake_api import FakeAPI

ROOT = Path(__file__).resolve().parent.parent


def test_a_piped_run_prints_a_line_per_article_and_a_heartbeat(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    for name, growth in (("a.txt", "3.1%"), ("b.txt", "2.4%")):
        (articles / name).write_text(f"Testland's economy grew {growth} in 2023, the statistics office said.\n")
    env = {**os.environ, "NEWSFACTS_API_KEY": "test-key", "NEWSFACTS_HEARTBEAT_SECONDS": "0.2"}
    with FakeAPI(latency=0.5) as api:
        run = subprocess.run(
            [sys.executable, "-m", "pipeline", "run", str(articles), "--out", str(tmp_path / "out"),
             "--base-url", api.base_url, "--model", "fake-model", "--concurrency", "1"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    done = [line for line in lines if re.search(r"\] done +[ab]\.txt: 1 facts, 1 model calls, [\d.]+ s", line)]
    assert len(done) == 2, run.stderr
    assert "ETA" in done[0]
    heartbeats = [line for line in lines if "working:" in line]
    assert heartbeats and re.search(r"model calls answered, [01] in flight, .* elapsed", heartbeats[0]), run.stderr


def test_heartbeat_and_eta_speak_of_what_is_known(tmp_path: Path) -> None:
    tally = RunTally()
    tally.total = 3
    assert tally.eta() == "ETA after the first article"
    tally.finish(ArticleOutcome(path="a.txt", status="skipped"))
    assert tally.eta() == "ETA after the first article"
    tally.finish(ArticleOutcome(path="b.txt", status="done", seconds=90.0, usage=Usage(calls=4)))
    assert tally.eta() == "ETA 1m30s"
    tally.request_sent()
    assert "2/3 articles, 0 model calls answered, 1 in flight" in tally.line()


def test_set_up_steps_and_failures_are_lines_of_their_own(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    with log.open("w") as stream:
        progress = LogProgress(stream, heartbeat=60)
        progress.start(1)
        progress.note("starting the local model server (model.gguf)")
        progress.advance(ArticleOutcome(path="dir/x.txt", status="failed_retryable", error="HTTP 500 three times"))
        progress.stop()
    text = log.read_text()
    assert re.search(r"\]\s+starting the local model server \(model\.gguf\)\n", text)
    assert "failed_retryable x.txt: 0 facts, 0 model calls, 0.0 s (HTTP 500 three times)" in text


def test_help_loads_neither_the_model_client_nor_the_article_reader() -> None:
    code = ("import sys\nfrom pipeline.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('openai', 'instructor', 'trafilatura') if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert shown.stdout.strip().splitlines()[-1] == "[]"
