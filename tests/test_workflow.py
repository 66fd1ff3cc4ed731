"""The CI workflow template: parsed, and its commands run against the replay cassettes."""

from __future__ import annotations

import os
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


def test_triggers_cache_artifacts_and_summary() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert triggers["push"]["paths"] == ["articles/**"] and "workflow_dispatch" in triggers
    found = steps()
    assert found["Restore the fact store"]["uses"].startswith("actions/cache/restore@")
    assert found["Save the fact store"]["uses"].startswith("actions/cache/save@")
    assert found["Restore the fact store"]["with"]["path"] == found["Save the fact store"]["with"]["path"] == ".newsfacts"
    assert "--fail-on conflict" in found["Check the articles"]["run"]
    uploaded = found["Upload the reports"]["with"]["path"].split()
    assert {Path(p).name for p in uploaded} == {"report.html", "facts.jsonl", "findings.jsonl"}
    assert "$GITHUB_STEP_SUMMARY" in found["Job summary"]["run"]
    assert "secrets.NEWSFACTS_API_KEY" in workflow["jobs"]["check"]["env"]["NEWSFACTS_API_KEY"]


def test_the_workflow_commands_run_against_the_replay_cassettes(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "articles")
    (tmp_path / "articles" / "gold.jsonl").unlink()
    found = steps()
    command = shlex.split(found["Check the articles"]["run"])
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
