"""report.md, sized for a CI job summary: conflicts first, then single-source facts, then counts."""

from __future__ import annotations

from pathlib import Path

from pipeline.run.runner import run_batch

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
    conflicts, single, counts = (text.index(h) for h in ("## Conflicts (1)", "## Facts with a single source (1 fact in 1 single-source group)", "## Counts"))
    assert conflicts < single < counts
    conflict_part = text[conflicts:single]
    assert "the statistics office said" in conflict_part and "a private bank estimated" in conflict_part
    assert "2.5 million tonnes" in text[single:counts]


def test_a_finding_names_each_fact_it_is_about() -> None:
    from pipeline.report.outputs import render_markdown
    from schemas.facts import Finding, QuantFact

    fact = QuantFact(fact_id="f1", article_id="a1", source="Daily Example", entity="Testland", metric="gdp_real_growth",
                     value=2.5, unit="percent", status="actual", period_end="2031-12-31", quote="grew 2.5% in 2031")
    finding = Finding(check="dates", severity="warning", fact_ids=["f1"], message="an actual ends after publication")
    summary = {"run_id": "r", "model": "m", "prompt": "p", "counts": {k: 0 for k in (
        "articles", "done", "skipped", "failed", "problems", "facts", "grounded", "model_calls", "tokens")}}
    text = render_markdown([fact], [finding], summary)
    line = text[text.index("`dates`"):].splitlines()[1]
    assert "Daily Example" in line and "`gdp_real_growth`" in line and "2.5 percent" in line and "grew 2.5% in 2031" in line


def _money_groups():
    from pipeline.check.validation import validate
    from schemas.facts import QuantFact

    def fact(i: int, **changes) -> QuantFact:
        base = dict(fact_id=f"f{i}", article_id=f"a{i}", source=f"Outlet {i}", entity="Testland", metric="gdp_nominal",
                    value=22.6e9, unit="EUR", period_text="in 2022", published="2024-01", quote=f"economy worth {i}")
        return QuantFact(**(base | changes))

    facts = [fact(1), fact(2, value=24.5e9, unit="USD", source="Daily Wire (Associated Press)"),
             fact(3, value=24.5e9, unit="USD", source="Evening Post (AP)"),
             fact(4, value=-3, unit="shells", metric="artillery_shells_transferred", quote="minus three shells"),
             fact(5, value=2e6, unit="shells", metric="artillery_shells_transferred", quote="two million shells"),
             fact(6, value=2e6, unit="shells", metric="artillery_shells_transferred", quote="2 million shells", source="Outlet 5")]
    return facts, validate(facts)


def test_report_shows_independent_sources_rates_tried_and_excluded_facts() -> None:
    from pipeline.report.outputs import render_markdown

    facts, report = _money_groups()
    summary = {"run_id": "r", "model": "m", "prompt": "p", "counts": {k: 0 for k in (
        "articles", "done", "skipped", "failed", "problems", "facts", "grounded", "model_calls", "tokens")}}
    text = render_markdown(facts, report.findings, summary, report.groups)
    money = next(g for g in report.groups if g.metric == "gdp_nominal")
    assert money.verdict == "agree" and (money.outlets, money.independent_sources) == (3, 2)
    assert "3 outlets, 2 independent sources (AP: Daily Wire (Associated Press), Evening Post (AP))" in money.sources_note
    shells = next(g for g in report.groups if g.metric == "artillery_shells_transferred")
    assert [e.fact_id for e in shells.excluded] == ["f4"] and "units error" in shells.excluded[0].reason
    assert "## Agreements on one independent source (1)" in text and r"testland \| artillery\_shells\_transferred" in text
    assert "## Groups with excluded facts (1)" in text and "excluded: Outlet 4 -3 shells — quarantined: units error" in text
    assert money.rate_range.startswith("EUR→USD") and "fits" in money.rate
