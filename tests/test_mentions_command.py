"""`newsfacts mentions` and `pipeline.find_mentions`: the quantity scanner used on its own."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import pipeline
from pipeline.cli import app

RUNNER = CliRunner()
FIELDS = ["text", "start", "end", "value", "value_max", "unit", "qualifier", "direction"]


def test_library_call_gives_plain_records() -> None:
    records = pipeline.find_mentions("Profits slumped 23% to £410m, a fall of between 5 and 6 billion yen.")
    assert [list(r) for r in records] == [FIELDS] * 3
    assert [(r["value"], r["unit"], r["direction"]) for r in records] == [
        (-23.0, "percent", "down"), (410e6, "GBP", None), (-6e9, "JPY", "down")]
    assert records[2]["value_max"] == -5e9 and records[2]["qualifier"] == "range"


def test_jsonl_from_stdin_gives_one_line_per_input() -> None:
    lines = [{"id": "a", "text": "Exports fell 4.1% to $2.3 billion."}, {"id": 7, "text": "No figures here."}]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n"
    result = RUNNER.invoke(app, ["mentions", "--jsonl", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 7]
    assert out[1]["mentions"] == []
    first, second = out[0]["mentions"]
    assert list(first) == FIELDS
    assert (first["text"], first["value"], first["direction"]) == ("4.1%", -4.1, "down")
    assert (second["value"], second["unit"], second["direction"]) == (2.3e9, "USD", None)
    assert lines[0]["text"][first["start"]:first["end"]] == first["text"]


def test_jsonl_rejects_a_line_that_is_not_an_object_with_text() -> None:
    result = RUNNER.invoke(app, ["mentions", "--jsonl", "-"], input='{"id": 1}\n')
    assert result.exit_code == 2
    assert "line 1" in result.output


def test_files_are_printed_as_tables(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("The index dropped 310 points, or 0.9%, to 34,500 on Monday.\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["mentions", str(article)])
    assert result.exit_code == 0, result.output
    assert "story.txt" in result.stdout
    for cell in ("310 points", "-310", "0.9%", "-0.9", "34,500", "down"):
        assert cell in result.stdout
