"""Secrets never reach an output, and nothing named by an article or a setting escapes --out.
(Cassette paths are checked in test_cassettes.py, size caps in test_bad_input.py, hostile HTML in
test_html_report.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .fake_api import FakeAPI
from .test_faults import write_articles

ROOT = Path(__file__).resolve().parent.parent
KEY = "sk-proj-FAKE-0123456789abcdefghijklmnop"


def every_file(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


def test_a_known_key_is_in_no_cassette_log_store_or_report(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    env = {**os.environ, "NEWSFACTS_API_KEY": KEY}
    with FakeAPI() as api:
        command = [sys.executable, "-m", "pipeline", "run", str(tmp_path / "in"), "--base-url", api.base_url,
                   "--model", "fake-model", "--prompt", "extract_facts@3", "--record", "--cassettes",
                   str(tmp_path / "cassettes"), "--out", str(tmp_path / "out")]
        run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        sent = [r for r in api.requests if r.path.endswith("/chat/completions")]
    assert run.returncode == 0, run.stderr
    assert sent, "the key was used: requests reached the API"
    files = every_file(tmp_path / "out", tmp_path / "cassettes")
    assert {p.suffix for p in files} >= {".jsonl", ".json", ".md", ".html", ".db", ".yaml"}
    for path in files:
        data = path.read_bytes()
        assert KEY.encode() not in data and b"Bearer" not in data, path
    assert KEY not in run.stdout + run.stderr


def test_outputs_stay_inside_out(tmp_path: Path) -> None:
    folder = tmp_path / "work" / "in"
    write_articles(folder, 1)
    (folder / "..meta.json.txt").write_text("Testland's GDP grew 2.5% in 2023, it said.\n")
    before = set(every_file(tmp_path))
    with FakeAPI() as api:
        env = {**os.environ, "NEWSFACTS_API_KEY": "k"}
        subprocess.run([sys.executable, "-m", "pipeline", "run", str(folder), "--base-url", api.base_url, "--model",
                        "../../escape", "--out", str(tmp_path / "work" / "out")], cwd=ROOT, env=env, check=True,
                       capture_output=True, timeout=120)
    written = set(every_file(tmp_path)) - before
    assert written and all(p.is_relative_to(tmp_path / "work" / "out") for p in written)
