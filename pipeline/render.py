"""Entry point (CLI support): what the commands print — run summaries, scores, verdict tables, mentions.

`cli.py` parses and calls the library; these functions turn the results into tables (rich) and
JSON lines. The stages they need are imported where used, so importing this module stays light.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from .errors import InputError

if TYPE_CHECKING:
    from schemas.validation import ValidationReport

    from .store.records import ExtractionState

    from .check.evaluation import EvalReport
    from .run.runner import RunResult


def status_lines(states: list[tuple[ExtractionState, str | None]], answers: bool = False) -> Iterator[str]:
    """`newsfacts status`: the extractions counted by status, then each one not done with its reason
    (and, with `answers`, the model's last answer kept for an answer that never validated)."""
    counts: dict[str, int] = {}
    for state, _ in states:
        counts[state.status] = counts.get(state.status, 0) + 1
    yield "extractions: " + (", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "none")
    for state, path in states:
        if state.status == "done":
            continue
        yield f"{state.status}\t{path or state.article_id}\t{state.attempts} attempts\t{state.prompt}\t{state.error or ''}"
        if answers and state.raw_answer:
            yield f"  last answer: {' '.join(state.raw_answer.split())}"


def print_summary(result: RunResult, console: Console) -> None:
    """The table of a run's inputs and one line of totals, on `console` (standard error)."""
    table = Table(title=f"run {result.run_id}", title_justify="left")
    for column in ("file", "status", "facts", "grounded", "seconds", "note"):
        table.add_column(column)
    for o in result.outcomes:
        table.add_row(Path(o.path).name, o.status, str(o.facts), str(o.grounded), f"{o.seconds:.1f}", (o.error or "")[:70])
    console.print(table)
    counts = result.summary["counts"]
    cost = "cost unknown" if counts["cost_usd"] is None else f"${counts['cost_usd']:.4f}"
    console.print(
        f"{counts['facts']} facts ({counts['grounded']} grounded), {counts['conflict']} conflicts, {counts['findings']} findings, "
        f"{counts['model_calls']} model calls, {counts['tokens']} tokens, {cost} -> {result.out_dir}"
    )
    if result.summary.get("stopped"):
        console.print(f"[yellow]stopped early:[/yellow] {result.summary['stopped']}; {counts['deferred']} articles wait for the next run")


def eval_json(report: EvalReport) -> str:
    """One JSON object: the overall scores at the top level, then the details."""
    body = report.overall.model_dump() | {
        "per_article": {k: v.model_dump() for k, v in report.per_article.items()},
        "missed": [g.model_dump(mode="json") for g in report.missed],
        "unmatched": [f.model_dump(mode="json") for f in report.unmatched],
        "wrong_values": report.wrong_values,
    }
    return json.dumps(body, indent=2, ensure_ascii=False)


def print_eval(report: EvalReport) -> None:
    """Scores per article and overall, then each missed gold fact and each unmatched fact."""
    table = Table(title="extraction quality", title_justify="left")
    columns = ("article", "gold", "extracted", "matched", "precision", "recall", "f1", "grounded", "value acc.")
    for column in columns:
        table.add_column(column)
    rows = list(report.per_article.items()) + [("overall", report.overall)]
    for name, s in rows:
        table.add_row(name, str(s.gold), str(s.extracted), str(s.matched), f"{s.precision:.2f}", f"{s.recall:.2f}",
                      f"{s.f1:.2f}", f"{s.grounded_rate:.2f}", f"{s.value_accuracy:.2f}")
    Console(width=None if sys.stdout.isatty() else 160).print(table)
    for gold in report.missed:
        typer.echo(f"missed    {gold.fact_id}: {gold.metric} {gold.value:g} {gold.unit}  «{gold.anchor}»")
    for fact in report.unmatched:
        typer.echo(f"unmatched {fact.fact_id}: {fact.metric} {fact.value:g} {fact.unit}  «{fact.quote[:70]}»")


def print_validation(report: ValidationReport) -> None:
    """Each cross-source group with the sources' values side by side, then the findings."""
    from .check.validation.intervals import describe_bounds

    table = Table(title="cross-source agreement", title_justify="left")
    for column in ("verdict", "entity | metric | period", "values side by side", "rate / assumption"):
        table.add_column(column)
    for g in report.groups:
        values = "\n".join(f"{m.source or m.article_id}: {describe_bounds(m.low, m.high)} {g.unit} ({m.qualifier})" for m in g.members)
        table.add_row(g.verdict, g.key, values, "\n".join(filter(None, [g.rate, *g.assumptions])))
    Console(width=None if sys.stdout.isatty() else 200).print(table)
    for f in report.findings:
        typer.echo(f"{f.severity:<8}{f.check:<12}{', '.join(f.fact_ids)[:40]:<42}{f.message}")


def mention_lines(lines: Iterator[str], where: str) -> Iterator[str]:
    """One output JSON line per input JSON line {"id", "text"}."""
    from .extract.mentions import find_mentions

    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text, ident = item["text"], item.get("id")
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{where} line {number}: expected a JSON object with \"id\" and \"text\" ({exc})") from None
        yield json.dumps({"id": ident, "mentions": find_mentions(str(text))}, ensure_ascii=False)


def print_mentions(name: str, text: str) -> None:
    """The quantities the scanner finds in one text, as a table."""
    from .extract.mentions import find_mentions

    found = find_mentions(text)
    typer.echo(f"{name}: {len(found)} quantities")
    table = Table()
    for column in ("text", "value", "value_max", "unit", "qualifier", "direction"):
        table.add_column(column, overflow="fold")
    for m in found:
        cells = (m["text"], f"{m['value']:g}", "" if m["value_max"] is None else f"{m['value_max']:g}")
        table.add_row(*cells, m["unit"] or "", m["qualifier"], m["direction"] or "")
    Console(width=None if sys.stdout.isatty() else 160).print(table)


def open_text(path: Path) -> Iterator[str]:
    """The lines of a JSON-lines file; a file that cannot be read is an InputError naming it."""
    try:
        return iter(path.read_text(encoding="utf-8").splitlines())
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
