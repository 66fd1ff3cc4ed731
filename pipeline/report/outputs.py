"""Stage (reports): facts.jsonl, findings.jsonl, groups.jsonl, report.md, report.html and run.json, written atomically.

Every file is written to a temporary name in the output folder and moved into place with
os.replace, so a crash never leaves a half-written report at the final path.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from schemas.facts import Finding, QuantFact
from schemas.validation import AgreementGroup

from ..check.periods import calendar_year
from ..check.validation.intervals import describe_bounds, human
from .html_page import render_html

FILES = ("facts.jsonl", "findings.jsonl", "groups.jsonl", "report.md", "report.html", "run.json")


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write `text` (or its pieces, in order) to `path` so that readers see the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.writelines([text] if isinstance(text, str) else text)
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


def jsonl(models: list[QuantFact] | list[Finding] | list[AgreementGroup]) -> Iterator[str]:
    return (m.model_dump_json() + "\n" for m in models)


def _value_text(fact: QuantFact) -> str:
    value = human(fact.value) + ("" if fact.value_max is None else f"–{human(fact.value_max)}")
    return f"{value} {fact.unit}"


def _period(fact: QuantFact) -> str | None:
    """The resolved period ("2023", "2023-08-01 to 2024-01"), else the words the article used."""
    start, end = fact.period_start, fact.period_end
    if year := calendar_year(start, end):
        return year
    if start or end:
        return f"{start or '…'} to {end or '…'}"
    return fact.period_text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _cell(text: str | None, limit: int = 120) -> str:
    flat = " ".join((text or "").split()).replace("|", "\\|")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


MARKDOWN_ROWS = 200  # a CI job summary holds 1 MiB; report.html and facts.jsonl have everything


def _conflict_lines(groups: list[AgreementGroup]) -> list[str]:
    conflicts = [g for g in groups if g.verdict == "conflict"]
    lines = [f"## Conflicts ({len(conflicts)})", ""] + ([] if conflicts else ["None.", ""])
    for g in conflicts:
        lines += [f"### `{g.key}`", "", "| source | value | interval | qualifier | quote |", "|---|---|---|---|---|"]
        lines += [f"| {_cell(m.source or m.article_id, 40)} | {human(m.value)} {m.unit} | {describe_bounds(m.low, m.high)} {g.unit} "
                  f"| {m.qualifier} | {_cell(m.quote, 160)} |" for m in g.members]
        lines += [f"\n{_cell(g.detail, 400)}" + "".join(f" Assumed: {_cell(a, 200)}" for a in g.assumptions), ""]
    return lines


def _single_source_lines(facts: list[QuantFact], groups: list[AgreementGroup]) -> list[str]:
    single = {fid for g in groups if g.verdict == "single_source" for fid in g.fact_ids}
    rows = [f for f in facts if f.fact_id in single]
    groups_n = sum(g.verdict == "single_source" for g in groups)
    lines = [f"## Facts with a single source ({_count(len(rows), 'fact')} in {_count(groups_n, 'single-source group')})", "",
             "| source | entity | metric | value | period | quote |",
             "|---|---|---|---|---|---|"]
    lines += [f"| {_cell(f.source or f.article_id, 40)} | {_cell(f.entity, 30)} | {f.metric} | {_value_text(f)} "
              f"| {_cell(_period(f), 30)} | {_cell(f.quote)} |" for f in rows[:MARKDOWN_ROWS]]
    if len(rows) > MARKDOWN_ROWS:
        lines.append(f"\n…and {len(rows) - MARKDOWN_ROWS} more in report.html and facts.jsonl.")
    return lines + [""]



def render_markdown(facts: list[QuantFact], findings: list[Finding], summary: dict[str, Any],
                    groups: list[AgreementGroup] | None = None) -> str:
    """A report sized for a CI job summary: conflicts first, then single-source facts, then counts."""
    groups = groups or []
    counts = summary["counts"]
    verdicts = Counter(g.verdict for g in groups)
    lines = [f"# newsfacts run {summary['run_id']}", "", f"Model `{summary['model']}`, prompt `{summary['prompt']}`.", ""]
    lines += _conflict_lines(groups) + _single_source_lines(facts, groups)
    cost = "unknown" if counts.get("cost_usd") is None else f"${counts['cost_usd']:.4f}"
    lines += [
        "## Counts", "",
        "| articles | done | skipped | failed | problems | facts | grounded | groups agreeing | groups in conflict "
        "| single-source groups | model calls | tokens | cost |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {counts['articles']} | {counts['done']} | {counts['skipped']} | {counts['failed']} | {counts['problems']} "
        f"| {counts['facts']} | {counts['grounded']} | {verdicts['agree']} | {verdicts['conflict']} | {verdicts['single_source']} "
        f"| {counts['model_calls']} | {counts['tokens']} | {cost} |", "",
    ]
    serious = [f for f in findings if f.severity != "info"]
    by_severity = Counter(f.severity for f in findings)
    lines += [f"## Findings ({', '.join(f'{n} {s}' for s, n in sorted(by_severity.items())) or 'none'})", ""]
    by_id = {f.fact_id: f for f in facts}
    for finding in sorted(serious, key=lambda f: (-"info warning error".split().index(f.severity), f.check))[:MARKDOWN_ROWS]:
        lines.append(f"- **{finding.severity}** `{finding.check}` {_cell(finding.message, 300)}")
        lines += [f"  - {_fact_line(by_id[fid])}" for fid in finding.fact_ids[:FACTS_PER_FINDING] if fid in by_id]
    return "\n".join(lines) + "\n"


FACTS_PER_FINDING = 5


def _fact_line(fact: QuantFact) -> str:
    """Which fact a finding is about: source, metric, value and quote."""
    return (f"{_cell(fact.source or fact.article_id, 40)}: `{fact.metric}` {_value_text(fact)}, "
            f"«{_cell(fact.quote, 160)}»")


def write_outputs(out_dir: Path, facts: list[QuantFact], findings: list[Finding], summary: dict[str, Any],
                  groups: list[AgreementGroup] | None = None, articles: list[dict[str, Any]] | None = None) -> list[Path]:
    """Write all run outputs into `out_dir`; returns the paths written.

    Each file is made while it is written, one after the other, so a large run never holds all of
    its outputs (the HTML page shows every article's text) in memory at once."""
    remove_stale_temps(out_dir)
    write_atomic(out_dir / "facts.jsonl", jsonl(facts))
    write_atomic(out_dir / "findings.jsonl", jsonl(findings))
    write_atomic(out_dir / "groups.jsonl", jsonl(groups or []))
    write_atomic(out_dir / "report.md", render_markdown(facts, findings, summary, groups))
    write_atomic(out_dir / "report.html", render_html(facts, findings, groups or [], summary, articles or []))
    write_atomic(out_dir / "run.json", json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    return [out_dir / name for name in FILES]
