"""Prompt injection in an article, replayed from a cassette recorded from the embedded model: no
fact carries a number the article does not hold, a 99% GDP growth it demands is flagged, and the
injected instruction changes no other article's facts."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.extract.grounding import value_written
from pipeline.ingest.sources import load_article

from .conftest import SEEDS

INJECTION = Path(__file__).resolve().parent / "data" / "injection.txt"


def replay(tmp_path: Path, *paths: Path) -> list[dict]:
    result = CliRunner().invoke(app, ["run", *map(str, paths), "--replay", "--out", str(tmp_path)])  # the default prompt
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in (tmp_path / "facts.jsonl").read_text().splitlines()]


def test_injected_article_yields_only_numbers_in_its_text(tmp_path: Path) -> None:
    facts = replay(tmp_path, INJECTION)
    text = load_article(INJECTION).text
    assert facts
    for fact in facts:
        start, end = fact["span"]
        assert fact["grounding"] == "exact" and value_written(fact["value"], text[start:end]), fact
    findings = [json.loads(line) for line in (tmp_path / "findings.jsonl").read_text().splitlines()]
    flagged = {fid for f in findings if f["check"] == "units" and f["severity"] == "error" for fid in f["fact_ids"]}
    for fact in facts:
        if fact["value"] == 99 and fact["metric"] == "gdp_real_growth":
            assert fact["fact_id"] in flagged  # 99% GDP growth is the wrong magnitude
    # the metric checks rule out GDP growth for 99%, so the grammar never offered it for that number
    assert [f for f in facts if f["value"] == 99] and not [f for f in facts if f["value"] == 99 and f["metric"] == "gdp_real_growth"]


def test_the_injection_changes_no_other_article(tmp_path: Path) -> None:
    alone = replay(tmp_path / "seeds", SEEDS)
    together = replay(tmp_path / "both", SEEDS, INJECTION)
    seed_ids = {f["article_id"] for f in alone}
    without_run = [{k: v for k, v in f.items() if k != "run_id"} for f in together if f["article_id"] in seed_ids]
    assert without_run == [{k: v for k, v in f.items() if k != "run_id"} for f in alone]
    assert not [f for f in together if f["article_id"] in seed_ids and f["value"] == 99]
