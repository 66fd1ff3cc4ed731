"""`newsfacts validate` on the seeds' gold facts and on a replayed run: verdicts, JSON, ids, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.check.evaluation import GoldFact
from pipeline.ingest.jsonl import read_jsonl
from pipeline.extract.mentions import sentence_bounds
from pipeline.ingest.sources import load_articles

from .conftest import SEEDS


@pytest.fixture(scope="module")
def gold_facts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-written gold facts in the fact contract's form, each quoting its sentence."""
    texts = {a.article_id: a.text for a in load_articles([SEEDS]).articles}
    path = tmp_path_factory.mktemp("gold") / "facts.jsonl"
    lines = []
    for gold in read_jsonl(SEEDS / "gold.jsonl", GoldFact):
        text = texts[gold.article_id]
        start, end = sentence_bounds(text, gold.span[0])
        body = gold.model_dump(mode="json", exclude={"anchor", "span"}) | {"quote": text[start:end], "span": [start, end]}
        lines.append(json.dumps(body))
    path.write_text("\n".join(lines) + "\n")
    return path


def validate_json(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(app, ["validate", *args, "--format", "json"])
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip().startswith("{") else {}


def group(body: dict, key: str) -> dict:
    return next(g for g in body["groups"] if g["key"] == key)


def test_seed_verdicts(gold_facts: Path) -> None:
    code, body = validate_json(str(gold_facts))
    assert code == 0 and set(body) == {"findings", "groups"}
    shells = group(body, "north korea | artillery_shells_transferred | since 2023-08 | estimate")
    assert shells["verdict"] == "agree" and {m["qualifier"] for m in shells["members"]} == {"more_than", "approximately"}
    gdp = group(body, "north korea | gdp_nominal | 2022 | estimate")
    assert gdp["verdict"] == "agree" and "EUR→USD" in gdp["rate"] and "fits" in gdp["rate"] and "EUR→USD" in gdp["rate_range"]
    assert {m["unit"] for m in gdp["members"]} == {"USD", "EUR"}
    assert "latest annual figure available at its publication" in gdp["assumptions"][0]
    streak = group(body, "north korea | consecutive_contraction_years | as of 2024 | estimate")
    assert streak["verdict"] == "conflict" and sorted(m["value"] for m in streak["members"]) == [3, 5]


def test_groups_list_fact_ids_and_input_ids_are_kept(gold_facts: Path) -> None:
    given = {json.loads(line)["fact_id"] for line in gold_facts.read_text().splitlines()}
    _, body = validate_json(str(gold_facts))
    grouped = [fid for g in body["groups"] for fid in g["fact_ids"]]
    assert grouped and set(grouped) <= given and all(g["fact_ids"] == [m["fact_id"] for m in g["members"]] for g in body["groups"])


def test_missing_ids_get_stable_content_ids(tmp_path: Path, gold_facts: Path) -> None:
    lines = [json.loads(line) for line in gold_facts.read_text().splitlines()]
    anonymous = tmp_path / "anon.jsonl"
    anonymous.write_text("".join(json.dumps({k: v for k, v in f.items() if k not in ("fact_id", "quote")}) + "\n" for f in lines))
    first, second = validate_json(str(anonymous))[1], validate_json(str(anonymous))[1]
    ids = [fid for g in first["groups"] for fid in g["fact_ids"]]
    assert ids and all(fid.startswith("v_") for fid in ids) and first == second


def test_fail_on(gold_facts: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["validate", str(gold_facts), "--fail-on", "conflict"]).exit_code == 1
    assert runner.invoke(app, ["validate", str(gold_facts), "--fail-on", "warning"]).exit_code == 1
    assert runner.invoke(app, ["validate", str(gold_facts), "--fail-on", "error"]).exit_code == 0
    assert runner.invoke(app, ["validate", str(gold_facts)]).exit_code == 0


def test_grounding_runs_only_with_articles(tmp_path: Path, gold_facts: Path) -> None:
    lines = [json.loads(line) for line in gold_facts.read_text().splitlines()]
    lines[0]["quote"] = "North Korea's economy grew 99% in 2024."  # not in the article
    edited = tmp_path / "edited.jsonl"
    edited.write_text("".join(json.dumps(f) + "\n" for f in lines))
    _, without = validate_json(str(edited))
    _, with_text = validate_json(str(edited), "--articles", str(SEEDS))
    assert not [f for f in without["findings"] if f["check"] in ("grounding", "coverage")]
    flagged = [f for f in with_text["findings"] if f["check"] == "grounding"]
    assert [f["fact_ids"] for f in flagged] == [[lines[0]["fact_id"]]] and flagged[0]["severity"] == "error"


def test_bad_input_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"article_id": "a", "entity": "x", "metric": "gdp_real_growth", "value": 1, "unit": "percent"}\nnot json\n')
    result = CliRunner().invoke(app, ["validate", str(bad)])
    assert result.exit_code == 2 and "bad.jsonl:2" in result.stderr


def test_table_output(gold_facts: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(gold_facts)])
    assert "cross-source agreement" in result.stdout and "conflict" in result.stdout and "EUR→USD" in result.stdout
