"""Stage (reports): facts.jsonl, findings.jsonl, groups.jsonl, report.md, report.html and run.json, written atomically.

Every file is written to a temporary name in the output folder and moved into place with
os.replace, so a crash never leaves a half-written report at the final path.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from schemas.facts import Finding, QuantFact
from schemas.validation import AgreementGroup

from .html_report import render_html

FILES = ("facts.jsonl", "findings.jsonl", "groups.jsonl", "report.md", "report.html", "run.json")


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def remove_stale_temps(out_dir: Path) -> None:
    """Delete temp files a crashed earlier run left behind."""
    for stray in out_dir.glob(".*.tmp"):
        stray.unlink(missing_ok=True)


def jsonl(models: list[QuantFact] | list[Finding] | list[AgreementGroup]) -> str:
    return "".join(m.model_dump_json() + "\n" for m in models)


def _value_text(fact: QuantFact) -> str:
    value = f"{fact.value:,.6g}" if abs(fact.value) < 1e6 else f"{fact.value:,.0f}"
    if fact.value_max is not None:
        value += f"–{fact.value_max:,.6g}"
    return f"{value} {fact.unit}"


def _period(fact: QuantFact) -> str | None:
    """The resolved period ("2023", "2023-08-01 to 2024-01"), else the words the article used."""
    start, end = fact.period_start, fact.period_end
    if start and end and start[:4] == end[:4] and start.endswith("-01-01") and end.endswith("-12-31"):
        return start[:4]
    if start or end:
        return f"{start or '…'} to {end or '…'}"
    return fact.period_text


def _cell(text: str | None, limit: int = 120) -> str:
    flat = " ".join((text or "").split()).replace("|", "\\|")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _group_lines(groups: list[AgreementGroup]) -> list[str]:
    """Conflicts first, then agreements, each with the sources' values side by side."""
    shown = [g for g in groups if g.verdict in ("conflict", "agree", "incomparable")]
    lines = [f"## Cross-source agreement ({', '.join(f'{n} {v}' for v, n in sorted(Counter(g.verdict for g in groups).items())) or 'no groups'})", ""]
    for g in shown:
        lines.append(f"- **{g.verdict}** `{g.key}`: {_cell(g.detail, 400)}")
        lines += [f"  - assumed: {_cell(a, 200)}" for a in g.assumptions]
    return lines + [""]


def render_markdown(facts: list[QuantFact], findings: list[Finding], summary: dict[str, Any],
                    groups: list[AgreementGroup] | None = None) -> str:
    """A short report for people: counts, cross-source verdicts, findings, then facts per article."""
    counts = summary["counts"]
    lines = [
        f"# newsfacts run {summary['run_id']}", "",
        f"Model `{summary['model']}`, prompt `{summary['prompt']}`.", "",
        "| articles | done | skipped | failed | problems | facts | grounded | model calls | tokens |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {counts['articles']} | {counts['done']} | {counts['skipped']} | {counts['failed']} | {counts['problems']} "
        f"| {counts['facts']} | {counts['grounded']} | {counts['model_calls']} | {counts['tokens']} |", "",
    ]
    lines += _group_lines(groups or [])
    by_severity = Counter(f.severity for f in findings)
    lines += [f"## Findings ({', '.join(f'{n} {s}' for s, n in sorted(by_severity.items())) or 'none'})", ""]
    for finding in sorted(findings, key=lambda f: (-"info warning error".split().index(f.severity), f.check)):
        lines.append(f"- **{finding.severity}** `{finding.check}` {_cell(finding.message, 300)}")
    lines += ["", "## Facts", ""]
    for article_id in sorted({f.article_id for f in facts}):
        rows = [f for f in facts if f.article_id == article_id]
        lines += [f"### {rows[0].source or article_id}", "", "| entity | metric | value | qualifier | period | grounding | quote |",
                  "|---|---|---|---|---|---|---|"]
        lines += [
            f"| {_cell(f.entity, 40)} | {f.metric_label if f.metric == 'other' else f.metric} | {_value_text(f)} "
            f"| {f.qualifier} | {_cell(_period(f), 30)} | {f.grounding or 'none'} | {_cell(f.quote)} |" for f in rows
        ]
        lines.append("")
    return "\n".join(lines)


def write_outputs(out_dir: Path, facts: list[QuantFact], findings: list[Finding], summary: dict[str, Any],
                  groups: list[AgreementGroup] | None = None, articles: list[dict[str, Any]] | None = None) -> list[Path]:
    """Write all run outputs into `out_dir`; returns the paths written."""
    remove_stale_temps(out_dir)
    contents = {
        "facts.jsonl": jsonl(facts),
        "findings.jsonl": jsonl(findings),
        "groups.jsonl": jsonl(groups or []),
        "report.md": render_markdown(facts, findings, summary, groups),
        "report.html": render_html(facts, findings, groups or [], summary, articles or []),
        "run.json": json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
    }
    for name, text in contents.items():
        write_atomic(out_dir / name, text)
    return [out_dir / name for name in FILES]
