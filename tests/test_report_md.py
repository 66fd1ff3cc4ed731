"""report.md, sized for a CI job summary: conflicts first, then single-source facts, then counts."""

from __future__ import annotations

from pathlib import Path

from pipeline.runner import run_batch

from .fake_api import FakeAPI
from .test_faults import settings


def test_conflicts_come_first_with_both_quotes(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Testland's GDP grew 3.1% in 2023, the statistics office said.\n")
    (tmp_path / "in" / "b.txt").write_text("Testland's GDP grew 4.9% in 2023, a private bank estimated.\n")
    (tmp_path / "in" / "c.txt").write_text("Testland's port handled 2.5 million tonnes of grain in 2022.\n")
    with FakeAPI() as api:
        run_batch([tmp_path / "in"], settings(api), tmp_path / "out")
    text = (tmp_path / "out" / "report.md").read_text()
    conflicts, single, counts = (text.index(h) for h in ("## Conflicts (1)", "## Single-source facts (1)", "## Counts"))
    assert conflicts < single < counts
    conflict_part = text[conflicts:single]
    assert "the statistics office said" in conflict_part and "a private bank estimated" in conflict_part
    assert "2.5 million tonnes" in text[single:counts]
