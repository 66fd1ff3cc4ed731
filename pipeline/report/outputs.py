"""Stage (reports): facts.jsonl, findings.jsonl, groups.jsonl, report.md, report.html and run.json, written atomically.

Every file is written to a temporary name in the output folder and moved into place with
os.replace, so a crash never leaves a half-written report at the final path. `check_writable`
tries the folder before a run calls any model; a folder that cannot be written is an OutputError.

report.md is shown as a CI job summary, where GitHub renders markdown and some HTML, so every
string that comes from an input or from the model (article text, quotes, outlets, entities, file
names, units, finding messages, settings) goes through `md_text`: HTML characters become entities
and markdown's control characters are backslash-escaped; nothing from data is put in a code span.
A fact whose quote was not found in its article (grounding "none") is never listed as a fact: it
is in its own section of rejected facts, with the reason its findings give.
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
from schemas.validation import AgreementGroup, ExcludedFact

from ..check.periods import calendar_year
from ..check.validation.intervals import describe_bounds, human
from ..errors import OutputError
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


def check_writable(out_dir: Path) -> None:
    """Create `out_dir` if needed and write a probe file in it; OutputError says why that fails."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=out_dir, prefix=".probe.", suffix=".tmp")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"output folder {out_dir} cannot be written: {exc.strerror or exc}") from None


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


_MD_SPECIAL = frozenset("\\`*_{}[]()#!|~$")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def md_text(text: str) -> str:
    """`text` as literal characters in GitHub markdown: no HTML, no emphasis, link, image or table cell from data."""
    return "".join(_HTML_SPECIAL.get(c) or ("\\" + c if c in _MD_SPECIAL else c) for c in text)


def _code(name: str) -> str:
    """A check or metric name of ours for a code span: only [a-z0-9_:.-] survive."""
    return "".join(c for c in name if c.isascii() and (c.isalnum() or c in "_:.-"))


def _cell(text: str | None, limit: int = 120) -> str:
    """One line of escaped text (whitespace collapsed), cut to `limit` characters before escaping."""
    flat = " ".join((text or "").split())
    return md_text(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def is_rejected(fact: QuantFact) -> bool:
    """True for a fact whose quote is not in its article: never shown as a fact."""
    return fact.grounding == "none"


def _rejected_lines(facts: list[QuantFact], findings: list[Finding]) -> list[str]:
    rejected = [f for f in facts if is_rejected(f)]
    if not rejected:
        return []
    reasons: dict[str, list[str]] = {}
    for finding in findings:
        for fid in finding.fact_ids:
            reasons.setdefault(fid, []).append(finding.message)
    lines = [f"## Rejected: quote not found in the article ({_count(len(rejected), 'item')}, not counted as facts)", "",
             "| source | entity | metric | value | claimed quote | reason |", "|---|---|---|---|---|---|"]
    lines += [f"| {_cell(f.source or f.article_id, 40)} | {_cell(f.entity, 30)} | {_cell(f.metric)} | {_cell(_value_text(f), 40)} "
              f"| {_cell(f.quote)} | {_cell('; '.join(reasons.get(f.fact_id, [])) or 'quote not found in the article', 200)} |"
              for f in rejected[:MARKDOWN_ROWS]]
    return lines + [""]


MARKDOWN_ROWS = 200  # a CI job summary holds 1 MiB; report.html and facts.jsonl have everything
FAILED_STATUSES = ("validation_failed", "failed_retryable", "failed_permanent")


def _failed_lines(summary: dict[str, Any]) -> list[str]:
    """The articles of this run that failed, with the reason (a rerun retries all but failed_permanent)."""
    failed = [a for a in summary.get("articles", []) if a.get("status") in FAILED_STATUSES]
    if not failed:
        return []
    lines = [f"## Failed articles ({len(failed)}; a rerun retries validation_failed and failed_retryable)", "",
             "| file | status | reason |", "|---|---|---|"]
    lines += [f"| {_cell(Path(a['path']).name, 60)} | {_cell(a['status'])} | {_cell(a.get('error'), 300)} |"
              for a in failed[:MARKDOWN_ROWS]]
    return lines + [""]


def _conflict_lines(groups: list[AgreementGroup], rejected: set[str]) -> list[str]:
    conflicts = [g for g in groups if g.verdict == "conflict"]
    lines = [f"## Conflicts ({len(conflicts)})", ""] + ([] if conflicts else ["None.", ""])
    for g in conflicts:
        lines += [f"### {_cell(g.key, 200)}", "", "| source | value | interval | qualifier | quote |", "|---|---|---|---|---|"]
        lines += [f"| {_cell(m.source or m.article_id, 40)} | {_cell(f'{human(m.value)} {m.unit}', 60)} "
                  f"| {_cell(f'{describe_bounds(m.low, m.high)} {g.unit}', 80)} "
                  f"| {_cell(m.qualifier)} | {_cell(m.quote, 160)} |" for m in g.members if m.fact_id not in rejected]
        lines += [f"\n{_cell(g.detail, 400)}" + "".join(f" Assumed: {_cell(a, 200)}" for a in g.assumptions), ""]
        lines += _backing_lines(g)
    return lines


def _backing_lines(g: AgreementGroup) -> list[str]:
    """What backs a group and what it leaves out: independent sources, rates tried, excluded facts."""
    lines = [f"Sources: {_cell(g.sources_note, 300)}."] if g.sources_note else []
    if g.rate_range:
        lines.append(f"Rates tried: {_cell(g.rate_range, 300)}." + (f" Fitting: {_cell(g.rate, 300)}." if g.rate else ""))
    lines += [f"Excluded: {_excluded_text(e)}" for e in g.excluded[:FACTS_PER_FINDING]]
    return [line + "  " for line in lines] + ([""] if lines else [])


def _backed_lines(groups: list[AgreementGroup]) -> list[str]:
    """Agreements that rest on one independent source, and groups that leave facts out."""
    thin = [g for g in groups if g.verdict == "agree" and g.independent_sources == 1]
    with_excluded = [g for g in groups if g.excluded and g.verdict != "conflict"]
    lines = [f"## Agreements on one independent source ({len(thin)})", ""]
    lines += [f"- {_cell(g.key, 200)}: {_cell(g.sources_note, 300)}" for g in thin[:MARKDOWN_ROWS]] or ["None."]
    lines += ["", f"## Groups with excluded facts ({len(with_excluded)})", ""]
    for g in with_excluded[:MARKDOWN_ROWS]:
        lines.append(f"- {_cell(g.key, 200)} ({g.verdict}; {_cell(g.sources_note or 'sources not counted', 300)})")
        lines += [f"  - excluded: {_excluded_text(e)}" for e in g.excluded[:FACTS_PER_FINDING]]
    return lines + ([] if with_excluded else ["None."]) + [""]


def _excluded_text(e: ExcludedFact) -> str:
    """An excluded fact, escaped: its source, value and unit, and why it does not vote."""
    return f"{_cell(e.source or e.article_id, 40)} {_cell(f'{human(e.value)} {e.unit}', 60)} — {_cell(e.reason, 200)}"


def _single_source_lines(facts: list[QuantFact], groups: list[AgreementGroup]) -> list[str]:
    single = {fid for g in groups if g.verdict == "single_source" for fid in g.fact_ids}
    rows = [f for f in facts if f.fact_id in single and not is_rejected(f)]
    groups_n = sum(g.verdict == "single_source" for g in groups)
    lines = [f"## Facts with a single source ({_count(len(rows), 'fact')} in {_count(groups_n, 'single-source group')})", "",
             "| source | entity | metric | value | period | quote |",
             "|---|---|---|---|---|---|"]
    lines += [f"| {_cell(f.source or f.article_id, 40)} | {_cell(f.entity, 30)} | {_cell(f.metric)} | {_cell(_value_text(f), 60)} "
              f"| {_cell(_period(f), 30)} | {_cell(f.quote)} |" for f in rows[:MARKDOWN_ROWS]]
    if len(rows) > MARKDOWN_ROWS:
        lines.append(f"\n…and {len(rows) - MARKDOWN_ROWS} more in report.html and facts.jsonl.")
    return lines + [""]



def render_markdown(facts: list[QuantFact], findings: list[Finding], summary: dict[str, Any],
                    groups: list[AgreementGroup] | None = None) -> str:
    """A report sized for a CI job summary: conflicts first (with their sources, rates tried and excluded
    facts), agreements resting on one independent source, groups that left facts out, then
    single-source facts, then counts."""
    groups = groups or []
    counts = summary["counts"]
    verdicts = Counter(g.verdict for g in groups)
    lines = [f"# newsfacts run {_cell(summary['run_id'])}", "",
             f"Model {_cell(summary['model'])}, prompt {_cell(summary['prompt'])}.", ""]
    rejected = {f.fact_id for f in facts if is_rejected(f)}
    lines += (_conflict_lines(groups, rejected) + _backed_lines(groups) + _single_source_lines(facts, groups)
              + _rejected_lines(facts, findings) + _failed_lines(summary))
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
        lines.append(f"- **{finding.severity}** `{_code(finding.check)}` {_cell(finding.message, 300)}")
        lines += [f"  - {_fact_line(by_id[fid])}" for fid in finding.fact_ids[:FACTS_PER_FINDING] if fid in by_id]
    return "\n".join(lines) + "\n"


FACTS_PER_FINDING = 5


def _fact_line(fact: QuantFact) -> str:
    """Which fact a finding is about: source, metric, value and quote."""
    shown = "rejected, " if is_rejected(fact) else ""
    return (f"{_cell(fact.source or fact.article_id, 40)}: {shown}`{_code(fact.metric)}` {_cell(_value_text(fact), 60)}, "
            f"«{_cell(fact.quote, 160)}»")


def write_outputs(out_dir: Path, facts: list[QuantFact], findings: list[Finding], summary: dict[str, Any],
                  groups: list[AgreementGroup] | None = None, articles: list[dict[str, Any]] | None = None) -> list[Path]:
    """Write all run outputs into `out_dir`; returns the paths written.

    Each file is made while it is written, one after the other, so a large run never holds all of
    its outputs (the HTML page shows every article's text) in memory at once."""
    try:
        return _write_all(out_dir, facts, findings, summary, groups or [], articles or [])
    except OSError as exc:
        raise OutputError(f"cannot write the reports into {out_dir}: {exc.strerror or exc}") from None


def _write_all(out_dir: Path, facts: list[QuantFact], findings: list[Finding], summary: dict[str, Any],
               groups: list[AgreementGroup], articles: list[dict[str, Any]]) -> list[Path]:
    remove_stale_temps(out_dir)
    write_atomic(out_dir / "facts.jsonl", jsonl(facts))
    write_atomic(out_dir / "findings.jsonl", jsonl(findings))
    write_atomic(out_dir / "groups.jsonl", jsonl(groups))
    write_atomic(out_dir / "report.md", render_markdown(facts, findings, summary, groups))
    write_atomic(out_dir / "report.html", render_html(facts, findings, groups, summary, articles))
    write_atomic(out_dir / "run.json", json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    return [out_dir / name for name in FILES]
