"""Benchmark (validation stage): cross-source verdicts on the real-figure corpus of issue 14.

Usage:

    .venv/bin/python benchmarks/verdicts.py [--corpus tests/data/verdicts2]

Validates a corpus's facts.jsonl (tests/data/verdicts/, or the folder `--corpus` names) with `pipeline.check.validation.inputs.validate_file`,
the call behind `newsfacts validate`, and prints: verdicts right / total, planted errors caught /
planted, the confusion between expected and given verdicts, the score per issue-14 class, and one
line per miss with the reason a fact-checker gave. Matching rules: benchmarks/verdict_corpus.py. Always exits 0.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.verdict_corpus import (  # noqa: E402
    FACTS, STRUCTURE, VERDICTS, GroupOutcome, PlantedOutcome, confusion, load_expected, load_planted, read_rows,
    run_validator, score_groups, score_planted,
)

COLUMNS = (*VERDICTS, *STRUCTURE)


def corpus_line(corpus: Path) -> str:
    facts = read_rows(corpus / FACTS.name)
    outlets = {f["source"] for f in facts}
    stories = {row["story"] for row in read_rows(corpus / "sources.jsonl")}
    return f"corpus: {len(facts)} facts, {len({f['article_id'] for f in facts})} pages, {len(outlets)} outlets, {len(stories)} stories"


def confusion_table(outcomes: list[GroupOutcome]) -> list[str]:
    table = confusion(outcomes)
    extra = sorted({c for row in table.values() for c in row} - set(COLUMNS))
    columns = [*COLUMNS, *extra]
    lines = ["| expected \\ given | " + " | ".join(columns) + " | total |", "|---" * (len(columns) + 2) + "|"]
    for verdict, row in table.items():
        cells = [str(row.get(c, 0) or "") for c in columns]
        lines.append(f"| {verdict} | " + " | ".join(cells) + f" | {sum(row.values())} |")
    return lines


def by_class(outcomes: list[GroupOutcome]) -> list[str]:
    right, total = Counter(), Counter()
    for o in outcomes:
        total[o.expected.issue_class] += 1
        right[o.expected.issue_class] += o.right
    order = sorted(total, key=lambda c: (not c.isdigit(), c))
    return [f"  class {c:<9} {right[c]:>3} / {total[c]:<3}" for c in order]


def misses(outcomes: list[GroupOutcome]) -> list[str]:
    lines = []
    for o in outcomes:
        if o.right:
            continue
        what = o.given + (f" ({'; '.join(o.problems)})" if o.problems else "")
        lines.append(f"- [{o.expected.issue_class}] {o.expected.id}: expected {o.expected.verdict}, given {what}"
                     f"\n    reason: {o.expected.reason}")
    return lines


def planted_lines(outcomes: list[PlantedOutcome]) -> list[str]:
    lines = []
    for o in outcomes:
        mark = "caught" if o.caught else "MISSED"
        found = ", ".join(o.found) or "no finding"
        lines.append(f"- {mark}: {o.planted.fact_id} ({o.planted.error}); expected {o.planted.expect_check}/"
                     f"{o.planted.severity}, found {found}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description="Cross-source verdicts on a real-figure corpus.")
    parser.add_argument("--corpus", type=Path, default=FACTS.parent, help="a folder laid out as tests/data/verdicts/")
    corpus = parser.parse_args().corpus
    try:
        report = run_validator(corpus / FACTS.name)
    except Exception as exc:  # a crash is a measurement too; the benchmark still exits 0
        print(f"validation failed: {type(exc).__name__}: {exc}")
        return 0
    outcomes = score_groups(load_expected(corpus / "expected.jsonl"), report)
    planted = score_planted(load_planted(corpus / "planted.jsonl"), report)
    right = sum(o.right for o in outcomes)
    caught = sum(p.caught for p in planted)
    reasonless = sum(1 for g in report.groups if not (g.detail or "").strip())
    print(corpus_line(corpus))
    print(f"verdicts right: {right} / {len(outcomes)} ({right / len(outcomes):.0%})")
    print(f"planted errors caught: {caught} / {len(planted)}")
    print(f"given groups: {len(report.groups)}, without a reason: {reasonless}")
    print("\nconfusion (rows: expected; columns: given; '*' = right verdict, wrong count or exclusion):")
    print("\n".join(confusion_table(outcomes)))
    print("\nby issue-14 class (right / total):")
    print("\n".join(by_class(outcomes)))
    print("\nmisses:")
    print("\n".join(misses(outcomes)) or "  none")
    print("\nplanted errors:")
    print("\n".join(planted_lines(planted)))
    return 0


if __name__ == "__main__":
    main()
    sys.exit(0)
