"""Issue 17, reports: report.md (a CI job summary) escapes every string from an input or the model,
and an ungrounded fact is listed apart as rejected, never as a fact, in report.md and report.html."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from pipeline.report.html_page import render_html
from pipeline.report.outputs import render_markdown
from schemas.facts import Finding, QuantFact
from schemas.validation import AgreementGroup, GroupMember

HOSTILE = [
    '<img src="https://evil.test/p.gif">', "<details><summary>open</summary>hidden</details>",
    "[click](https://evil.test)", "![pixel](https://evil.test/x.png)", "**bold** _em_ `code`", "a | b | c",
    "<script>alert(1)</script>", "~~gone~~ $x^2$",
]
COUNTS = {k: 0 for k in ("articles", "done", "skipped", "failed", "problems", "facts", "grounded", "model_calls", "tokens")}


def hostile_fact(i: int, text: str, **changes: object) -> QuantFact:
    base = dict(fact_id=f"f{i}", article_id=f"a{i}", source=text, entity=text, metric="other", metric_label=text,
                value=3.0, unit=text, period_text=text, quote=text, attribution=text, grounding="exact")
    return QuantFact(**(base | changes))


def rendered(markdown: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(markdown)


def hostile_report() -> str:
    facts = [hostile_fact(i, text) for i, text in enumerate(HOSTILE)]
    member = GroupMember(fact_id="f0", article_id="a0", source=HOSTILE[0], value=3.0, unit=HOSTILE[1],
                         qualifier="exact", low=2.95, high=3.05, quote=HOSTILE[2])
    groups = [AgreementGroup(key=HOSTILE[3], verdict="conflict", fact_ids=["f0"], detail=HOSTILE[4], entity="e",
                             metric="other", period=HOSTILE[0], unit=HOSTILE[5], members=[member, member],
                             assumptions=[HOSTILE[6]]),
              AgreementGroup(key="k", verdict="single_source", fact_ids=[f.fact_id for f in facts], detail="d",
                             entity="e", metric="other", period=HOSTILE[0], unit="u", members=[])]
    findings = [Finding(check="units", severity="error", fact_ids=[f.fact_id], message=f.quote) for f in facts]
    summary = {"run_id": HOSTILE[7], "model": HOSTILE[0], "prompt": HOSTILE[2], "counts": COUNTS}
    return render_markdown(facts, findings, summary, groups)


def test_report_md_escapes_hostile_strings_in_every_field() -> None:
    html = rendered(hostile_report())
    for tag in ("<img", "<details", "<script", "<a ", "<em>", "<del>", "<s>"):
        assert tag not in html, tag
    assert html.count("<strong>") == len(HOSTILE)  # only the report's own severity labels
    text = re.sub(r"<[^>]+>", "", html)
    for hostile in HOSTILE:
        assert hostile.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") in text, hostile


def ungrounded_case() -> tuple[list[QuantFact], list[Finding], list[AgreementGroup]]:
    kept = hostile_fact(1, "Daily Example", quote="exports grew 3%", grounding="exact")
    invented = hostile_fact(2, "Daily Example", article_id="a1", value=9.0, quote="exports grew 9% (invented)", grounding="none")
    reason = Finding(check="grounding", severity="error", fact_ids=["f2"], message="quote not found in the article text")
    groups = [AgreementGroup(key=f"k{f.fact_id}", verdict="single_source", fact_ids=[f.fact_id], detail="d", entity="e",
                             metric="other", period=HOSTILE[0], unit="u", members=[]) for f in (kept, invented)]
    return [kept, invented], [reason], groups


def test_an_ungrounded_fact_is_listed_as_rejected_not_as_a_fact_in_report_md() -> None:
    facts, findings, groups = ungrounded_case()
    text = render_markdown(facts, findings, {"run_id": "r", "model": "m", "prompt": "p", "counts": COUNTS}, groups)
    tables, rejected = text.split("## Rejected")[0], text.split("## Rejected")[1].split("## Counts")[0]
    assert "exports grew 3%" in tables and "invented" not in tables
    assert "invented" in rejected and "quote not found in the article text" in rejected


def test_an_ungrounded_fact_is_listed_as_rejected_not_as_a_fact_in_report_html() -> None:
    facts, findings, groups = ungrounded_case()
    article = {"article_id": "a1", "text": "Testland's exports grew 3% in 2023.", "title": "t", "path": "a.txt",
               "source": "Daily Example", "url": None, "published": None}
    page = "".join(render_html(facts, findings, groups, {"run_id": "r", "counts": COUNTS | {"facts": 2}}, [article]))
    facts_table = page.split("Rejected: quote not found")[0].split('id="articles"')[1]
    assert "exports grew 3%" in facts_table and "invented" not in facts_table
    assert 'class="rejected-row"' in page and "quote not found in the article text" in page.split("Rejected: quote not found")[1]
