"""The public library API: its surface is pinned, it matches the CLI, and the docs' examples run."""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path

import pytest

import pipeline
from pipeline import Pipeline, Settings, load_articles, process_batch

from .conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = ["Article", "ArticleResult", "ConfigError", "ExtractionError", "InputError", "NewsfactsError", "Pipeline",
          "PromptError", "RunResult", "Settings", "find_mentions", "load_articles", "process_batch", "run_batch"]


def test_the_public_surface_is_pinned() -> None:
    assert pipeline.__all__ == PUBLIC  # change this list only on purpose
    for name in PUBLIC:
        assert getattr(pipeline, name).__doc__, name
    for method in ("run", "arun", "extract", "aextract", "validate"):
        assert "Example" in getattr(Pipeline, method).__doc__ or method.startswith("a"), method


def replay() -> Settings:
    return Settings.from_env({}, replay=True, cassette_dir=ROOT / "cassettes")


def test_run_extract_validate_and_async_twins_agree(tmp_path: Path) -> None:
    pipe = Pipeline(replay())
    result = pipe.run([SEEDS], tmp_path / "run")
    again = asyncio.run(pipe.arun([SEEDS], tmp_path / "arun"))
    assert [f.fact_id for f in again.facts] == [f.fact_id for f in result.facts] and result.facts
    article = load_articles([SEEDS]).articles[0]
    one = pipe.extract(article)
    assert {f.fact_id for f in one.facts} == {f.fact_id for f in result.facts if f.article_id == article.article_id}
    assert [f.fact_id for f in asyncio.run(pipe.aextract(article)).facts] == [f.fact_id for f in one.facts]
    report = pipe.validate(result.facts)
    assert [g.key for g in report.groups] == [g.key for g in result.validation.groups]


def test_process_batch_is_pure_and_idempotent(tmp_path: Path) -> None:
    articles = load_articles([SEEDS]).articles
    first = process_batch(articles, replay(), run_id="r1")
    second = process_batch(articles, replay(), run_id="r1")
    assert [r.model_dump() for r in first] == [r.model_dump() for r in second]
    assert {r.status for r in first} == {"done"} and not list(tmp_path.iterdir())
    via_run = Pipeline(replay()).run([SEEDS], tmp_path / "run").facts
    strip = lambda facts: sorted((f.model_dump(exclude={"run_id"}) for f in facts), key=lambda f: f["fact_id"])  # noqa: E731
    assert strip([f for r in first for f in r.facts]) == strip(via_run)


def doc_examples() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "library.md").read_text(), flags=re.S)


@pytest.mark.parametrize("code", doc_examples(), ids=["prefect task", "notebook cell", "scanner alone"])
def test_docs_examples_run(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "seeds").symlink_to(SEEDS)
    (tmp_path / "cassettes").symlink_to(ROOT / "cassettes")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PREFECT_API_URL", os.environ.get("PREFECT_API_URL", ""))
    exec(compile(code, "docs/library.md", "exec"), {"__name__": "docs_example"})
    printed = capsys.readouterr().out
    assert printed.strip() and ("facts," in printed or "percent" in printed or "{" in printed)


def test_the_library_reports_a_replay_miss_like_a_run() -> None:
    """The per-article step is shared: a changed request fails for good with the re-record advice."""
    article = load_articles([SEEDS]).articles[0]
    changed = Settings.from_env({}, replay=True, cassette_dir=ROOT / "cassettes", prompt="extract_facts@1",
                                max_output_tokens=999)
    [result] = process_batch([article], changed)
    assert result.status == "failed_permanent" and "no recorded answer matches" in (result.error or "")
