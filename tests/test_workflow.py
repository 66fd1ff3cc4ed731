"""The CI workflow template: parsed, and its commands run against the replay cassettes."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "newsfacts.yml"


def steps() -> dict[str, dict]:
    job = yaml.safe_load(WORKFLOW.read_text())["jobs"]["check"]
    return {step.get("name", step.get("uses", "")): step for step in job["steps"]}


def check_command() -> list[str]:
    """The newsfacts command line of the "Check the articles" step's script."""
    script = steps()["Check the articles"]["run"]
    return shlex.split(next(line for line in script.splitlines() if line.strip().startswith("newsfacts ")))


def saves_after(code: str) -> bool:
    """Whether "Save the fact store" runs after the check step exits with `code` (its `if`, evaluated)."""
    condition = steps()["Save the fact store"]["if"]
    match = re.fullmatch(r"always\(\) && contains\(fromJSON\('(.*)'\), steps\.check\.outputs\.exit-code\)", condition)
    assert match, f"unexpected condition: {condition}"
    return code in json.loads(match.group(1))


def test_the_store_is_saved_only_after_a_run_that_left_it_intact(tmp_path: Path) -> None:
    assert [c for c in ("0", "1", "2", "3", "4", "5", "6", "7", "70", "") if saves_after(c)] == ["0", "1", "3", "4"]
    script = steps()["Check the articles"]["run"]
    assert steps()["Check the articles"]["id"] == "check"
    (tmp_path / "bin").mkdir()
    fake = tmp_path / "bin" / "newsfacts"
    for code in ("0", "5"):
        fake.write_text(f"#!/bin/sh\nexit {code}\n")
        fake.chmod(0o755)
        env = {**os.environ, "PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}", "GITHUB_OUTPUT": str(tmp_path / "out")}
        done = subprocess.run(["bash", "-e", "-c", script], env=env, cwd=tmp_path)
        assert done.returncode == int(code)
        assert (tmp_path / "out").read_text().splitlines()[-1] == f"exit-code={code}"


def test_triggers_cache_artifacts_and_summary() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert triggers["push"]["paths"] == ["articles/**"] and "workflow_dispatch" in triggers
    found = steps()
    assert found["Restore the fact store"]["uses"].startswith("actions/cache/restore@")
    assert found["Save the fact store"]["uses"].startswith("actions/cache/save@")
    assert found["Restore the fact store"]["with"]["path"] == found["Save the fact store"]["with"]["path"] == ".newsfacts"
    assert "--fail-on conflict" in " ".join(check_command())
    uploaded = found["Upload the reports"]["with"]["path"].split()
    assert {Path(p).name for p in uploaded} == {"report.html", "facts.jsonl", "findings.jsonl"}
    assert "$GITHUB_STEP_SUMMARY" in found["Job summary"]["run"]
    assert "secrets.NEWSFACTS_API_KEY" in workflow["jobs"]["check"]["env"]["NEWSFACTS_API_KEY"]


def test_the_workflow_commands_run_against_the_replay_cassettes(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "articles")
    (tmp_path / "articles" / "gold.jsonl").unlink()
    found = steps()
    command = check_command()
    assert command[:3] == ["newsfacts", "run", "articles/"]
    replay = ["--replay", "--cassettes", str(ROOT / "cassettes")]
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    run = subprocess.run([sys.executable, "-m", "pipeline", *command[1:], *replay], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 1), run.stderr  # 1 only when sources conflict
    for uploaded in found["Upload the reports"]["with"]["path"].split():
        assert (tmp_path / uploaded).is_file(), uploaded
    assert (tmp_path / ".newsfacts" / "newsfacts.db").is_file()  # what the cache saves
    subprocess.run(["bash", "-c", found["Job summary"]["run"]], cwd=tmp_path, env=env, check=True)
    assert (tmp_path / "summary.md").read_text().startswith("# newsfacts run")
    again = subprocess.run([sys.executable, "-m", "pipeline", *command[1:], *replay], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == run.returncode and '"model_calls": 0' in (tmp_path / "newsfacts-out" / "run.json").read_text()
