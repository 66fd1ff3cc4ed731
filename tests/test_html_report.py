"""report.html in a real headless Chromium: the DOM has one highlight per grounded fact and the
conflict rows, nothing from an article runs, only http(s) links survive; a screenshot is saved."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.run.runner import run_batch

from .fake_api import FakeAPI
from .test_faults import settings

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(os.environ.get("NEWSFACTS_ARTIFACTS", ROOT / "test-artifacts"))
HOSTILE = ("Testland's GDP grew 4.9% in 2023, the bank said. <script>document.title='pwned'</script>\n\n"
           "<img src=x onerror=\"document.title='pwned'\"> Click <a href=\"javascript:alert(1)\">here</a> "
           "or javascript:alert(2) for more.\n")
CALM = "Testland's GDP grew 3.1% in 2023, the statistics office said.\n"

pytestmark = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("NEWSFACTS_REQUIRE_BROWSER"),
                                reason="Debian's chromium is not installed (.ci/run installs it)")


class Dom(HTMLParser):
    """Counts what the rendered DOM holds."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def having(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def chromium(*args: str) -> str:
    command = [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=True).stdout


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("html")
    (folder / "in").mkdir()
    (folder / "in" / "calm.txt").write_text(CALM)
    (folder / "in" / "hostile.txt").write_text(HOSTILE)
    (folder / "in" / "meta.json").write_text(json.dumps({
        "hostile.txt": {"outlet": "Evil <b>News</b>", "url": "javascript:alert(3)", "published": "2024-01"},
        "calm.txt": {"outlet": "Calm Daily", "url": "https://calm.example/gdp", "published": "2024-01"}}))
    with FakeAPI() as api:
        result = run_batch([folder / "in"], settings(api), folder / "out")
    return folder / "out" / "report.html", result.summary


def test_dom_has_a_highlight_per_fact_and_the_conflict_rows(report: tuple[Path, dict]) -> None:
    path, summary = report
    dom = Dom()
    dom.feed(chromium("--dump-dom", path.as_uri()))
    facts = [json.loads(line) for line in (path.parent / "facts.jsonl").read_text().splitlines()]
    marks = dom.having("mark")
    assert len(marks) == len([f for f in facts if f["span"]]) == summary["counts"]["facts"]
    assert {m["data-fact"] for m in marks} == {f["fact_id"] for f in facts}
    conflicts = [s for s in dom.having("section") if s.get("data-verdict") == "conflict"]
    assert len(conflicts) == summary["counts"]["conflict"] == 1
    assert len(dom.having("tr", **{"class": "conflict-row"})) == 2
    assert len(dom.having("line", **{"class": "interval"})) >= 2  # the chart of the conflict


def test_nothing_from_an_article_runs_and_only_http_links_survive(report: tuple[Path, dict]) -> None:
    path, _ = report
    dom = Dom()
    dom.feed(chromium("--dump-dom", path.as_uri()))
    assert dom.title.startswith("newsfacts run") and "pwned" not in dom.title
    assert dom.having("script") == [] and dom.having("img") == []
    assert not [a for _, a in dom.tags if any(k.startswith("on") for k in a)]
    hrefs = [a["href"] for a in dom.having("a") if a.get("href")]
    assert hrefs and all(h.startswith(("#", "http://", "https://")) for h in hrefs)
    assert "https://calm.example/gdp" in hrefs
    text = path.read_text()
    assert "&lt;script&gt;" in text and "Evil &lt;b&gt;News&lt;/b&gt;" in text


def test_screenshot_is_saved_as_an_artifact(report: tuple[Path, dict]) -> None:
    path, _ = report
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "report.png"
    chromium(f"--screenshot={shot}", "--window-size=1200,1600", path.as_uri())
    assert shot.stat().st_size > 10_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_loads_nothing_from_the_network(report: tuple[Path, dict]) -> None:
    text = report[0].read_text()
    assert "default-src 'none'" in text
    assert not any(marker in text for marker in ('src="http', "<link ", "@import", "url(http"))


def test_seed_replay_report_shows_every_group_and_every_fact(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    from .conftest import SEEDS

    # the default prompt's recorded labels (2026-11-30 night) give the seeds agreements and single
    # sources, no conflict: conflict rows are checked on the `report` fixture above
    args = ["run", str(SEEDS), "--replay", "--out", str(tmp_path)]
    assert CliRunner().invoke(app, args).exit_code == 0
    dom = Dom()
    dom.feed(chromium("--dump-dom", (tmp_path / "report.html").as_uri()))
    facts = [json.loads(line) for line in (tmp_path / "facts.jsonl").read_text().splitlines()]
    assert len(dom.having("mark")) == len(facts) > 0
    verdicts = [s.get("data-verdict") for s in dom.having("section") if s.get("data-verdict")]
    groups = [json.loads(line) for line in (tmp_path / "groups.jsonl").read_text().splitlines()]
    assert sorted(verdicts) == sorted(g["verdict"] for g in groups) and "agree" in verdicts
    agree = next(g for g in groups if g["verdict"] == "agree")
    assert agree["key"] == "north korea | gdp_nominal | 2022"  # two outlets' 22.6 billion euro economy
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    chromium(f"--screenshot={ARTIFACTS / 'report-seeds.png'}", "--window-size=1200,1400", (tmp_path / "report.html").as_uri())


def test_groups_show_independent_sources_rates_tried_and_excluded_facts() -> None:
    from pipeline.report.html_page import render_html

    from .test_report_md import _money_groups

    facts, report = _money_groups()
    counts = {"articles": 6, "facts": 6, "grounded": 0, "conflict": 0, "agree": 2, "single_source": 0}
    page = "".join(render_html(facts, report.findings, report.groups, {"run_id": "r", "model": "m", "prompt": "p", "counts": counts}, []))
    assert "Sources: 3 outlets, 2 independent sources (AP: Daily Wire (Associated Press), Evening Post (AP))" in page
    assert "Rates tried: EUR→USD" in page and 'class="excluded-row"' in page and "quarantined: units error" in page
