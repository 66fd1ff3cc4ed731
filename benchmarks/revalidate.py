"""Benchmark helper: apply today's label and validation rules to an earlier run's facts, with no model call.

    python benchmarks/revalidate.py out/quality/realworld-<model>-extract_facts-v6 out/quality/revalidated
    python benchmarks/quality.py --set realworld --score-only out/quality/revalidated

A real-article run costs about 18 minutes of the embedded model. When only code after the model
has changed, this shows what that code does to the same answers: each `other` fact whose name or
words stand for a vocabulary metric gets it (`schemas.metric_checks.metric_named`, as the
extraction stage does), the period written next to the number is read again
(`mention_periods.period_next_to`, else the model's words), a number written for two periods
gives a fact for each (`shared_periods`), the resolved periods are dropped so validation resolves
them again, and
`newsfacts validate` writes the groups. Fact ids are kept, so the scores pair facts as before.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline.extract.mention_periods import period_next_to, periods_shared  # noqa: E402
from pipeline.extract.mentions import quantities  # noqa: E402
from pipeline.extract.shared_periods import copies  # noqa: E402
from schemas.metric_checks import Measured, metric_named  # noqa: E402
from schemas.vocabulary import unit_class  # noqa: E402

RESOLVED = ("period_start", "period_end", "period_rule")


def direction_in(quote: str, start: int) -> str | None:
    """The direction the scanner gives the number at `start` of the quote (facts do not keep it)."""
    return next((m.direction for m in quantities(quote) if m.start <= start < m.end), None)


def relabelled(fact: dict) -> dict:
    """The fact with the metric today's code reads for an `other` label, and no resolved period."""
    fact = {k: v for k, v in fact.items() if k not in RESOLVED}
    if not fact.get("mention_span") or not fact.get("span"):
        return fact
    start, end = (at - fact["span"][0] for at in fact["mention_span"])
    fact["period_text"] = period_next_to(fact["quote"], start, end) or fact.get("period_text")
    if fact["metric"] == "other" and not (fact.get("metric_label") or "").startswith("unlabelled"):
        found = Measured(fact["value"], fact["unit"], unit_class(fact["unit"]), fact["quote"], (start, end),
                         direction_in(fact["quote"], start))
        if named := metric_named(fact.get("metric_label"), found, fact.get("entity") or ""):
            fact |= {"metric": named, "metric_label": None}
    return fact


def per_period(fact: dict) -> list[dict]:
    """The fact, or one copy for each period when its number is written for two (`shared_periods`)."""
    if not fact.get("mention_span") or not fact.get("span"):
        return [fact]
    periods = periods_shared(fact["quote"], *(at - fact["span"][0] for at in fact["mention_span"]))
    return [fact | update for update in copies(fact["fact_id"], periods)] or [fact]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path, help="an earlier run's output folder (facts.jsonl, run.json)")
    parser.add_argument("out", type=Path, help="folder to write, replaced if it exists")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    shutil.copytree(args.run, args.out)
    before = [json.loads(line) for line in (args.run / "facts.jsonl").read_text().splitlines() if line.strip()]
    relabelled_facts = [relabelled(fact) for fact in before]
    changed = sum(1 for old, new in zip(before, relabelled_facts) if old["metric"] != new["metric"])
    facts = [copy for fact in relabelled_facts for copy in per_period(fact)]
    (args.out / "facts.jsonl").write_text("".join(json.dumps(f) + "\n" for f in facts))
    report = json.loads(subprocess.run([sys.executable, "-m", "pipeline", "validate", str(args.out / "facts.jsonl"),
                                        "--format", "json"], capture_output=True, text=True, check=True).stdout)
    (args.out / "groups.jsonl").write_text("".join(json.dumps(g) + "\n" for g in report["groups"]))
    conflicts = sum(g["verdict"] == "conflict" for g in report["groups"])
    print(f"{len(facts)} facts, {changed} given a vocabulary metric, {len(report['groups'])} groups, {conflicts} conflicts "
          f"-> {args.out}")


if __name__ == "__main__":
    main()
