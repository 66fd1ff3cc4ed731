"""Benchmark: validation time and peak memory for 100,000 facts over 1,000 agreement groups.

Usage:

    .venv/bin/python benchmarks/validate_scale.py [--facts 100000] [--groups 1000]

The facts are synthetic but shaped like real ones: annual figures in US dollars and euros (so
money groups need exchange rates), percentages, and cumulative "since" counts, from many sources
with mixed qualifiers; one group in five has an outlier and ends in conflict. They are
normalized first, as `newsfacts run` stores them, and validation is timed on those, the way a
run validates the store. Prints seconds, facts/s and the peak resident memory of the whole
process, input included. Target on 2 cores: under 10 s and under 500 MB.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.check.normalize import normalize_fact  # noqa: E402
from pipeline.check.validation import validate  # noqa: E402
from schemas.facts import QuantFact  # noqa: E402

SHAPES = [  # metric, unit choices, base value, period words
    ("gdp_nominal", ("USD", "EUR"), 24.5e9, "in {year}"),
    ("gdp_real_growth", ("percent",), 3.1, "in {year}"),
    ("trade_volume", ("USD", "EUR"), 2.77e9, "in {year}"),
    ("artillery_shells_transferred", ("shells",), 1e6, "since August"),
]
QUALIFIERS = ["approximately", "approximately", "approximately", "at_least"]


def make_facts(n_facts: int, n_groups: int, seed: int = 7) -> list[QuantFact]:
    """Synthetic facts, each normalized as it is made, as the store holds them."""
    rng = random.Random(seed)
    facts = []
    for i in range(n_facts):
        g = i % n_groups
        metric, units, base, period = SHAPES[g % len(SHAPES)]
        year = 2000 + (g // len(SHAPES)) % 24
        unit = rng.choice(units)
        outlier = g % 5 == 0 and i % 97 == 0
        value = base * (1 + g % 7 / 10) * (1.5 if outlier else 1) / (1.1 if unit == "EUR" else 1)
        facts.append(normalize_fact(QuantFact(
            fact_id=f"f{i}", article_id=f"a{rng.randrange(n_facts // 10)}", source=f"outlet {rng.randrange(300)}",
            entity=f"country {g // (len(SHAPES) * 24)}", metric=metric, value=value, unit=unit,
            qualifier=rng.choice(QUALIFIERS), period_text=period.format(year=year),
            published=f"{year + 1}-{rng.randrange(1, 13):02d}", quote=f"quote {i}",
        )))
    return facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--groups", type=int, default=1_000)
    args = parser.parse_args()
    started = time.perf_counter()
    facts = make_facts(args.facts, args.groups)
    normalizing = time.perf_counter() - started
    started = time.perf_counter()
    report = validate(facts)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    verdicts = {v: report.count(v) for v in ("agree", "conflict", "single_source", "incomparable")}
    print(f"facts: {len(facts):,}  groups: {len(report.groups):,}  verdicts: {verdicts}  findings: {len(report.findings):,}")
    print(f"validation: {seconds:.2f} s ({len(facts) / seconds:,.0f} facts/s)  peak memory: {peak_mb:,.0f} MB"
          f"  (making and normalizing them took {normalizing:.2f} s)")


if __name__ == "__main__":
    main()
