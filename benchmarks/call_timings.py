"""Benchmark: where each call to the embedded model spends its time — prompt tokens served from the
prefix cache, prompt tokens evaluated, tokens generated — read from the llama.cpp server's log.

Usage, after any run with the embedded model (the server writes its log there):

    .venv/bin/python benchmarks/call_timings.py [~/.cache/newsfacts/llama-server.log]

Prints one row per model call and the totals. The first call of a server has no cache line; its
cached tokens are 0.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_LOG = Path.home() / ".cache" / "newsfacts" / "llama-server.log"
_CACHED = re.compile(r"Llama\.generate: (\d+) prefix-match hit, remaining (\d+) prompt tokens to eval")
_PROMPT = re.compile(r"prompt eval time =\s+([\d.]+) ms /\s+(\d+) tokens")
_GENERATED = re.compile(r"\beval time =\s+([\d.]+) ms /\s+(\d+) runs")


@dataclass
class Call:
    cached: int = 0
    evaluated: int = 0
    prompt_ms: float = 0.0
    generated: int = 0
    generation_ms: float = 0.0


def read_calls(log: str) -> list[Call]:
    """One `Call` per request, from the cache line (if any) and the two timing lines that follow it."""
    calls: list[Call] = []
    current = Call()
    for line in log.splitlines():
        if found := _CACHED.search(line):
            current.cached = int(found[1])
        elif found := _PROMPT.search(line):
            current.prompt_ms, current.evaluated = float(found[1]), int(found[2])
        elif found := _GENERATED.search(line):
            current.generation_ms, current.generated = float(found[1]), int(found[2])
            calls.append(current)
            current = Call()
    return calls


def table(calls: list[Call]) -> str:
    rows = ["| call | prompt tokens | from cache | evaluated | prompt eval s | generated | generation s |",
            "|---:|---:|---:|---:|---:|---:|---:|"]
    for number, c in enumerate(calls, 1):
        rows.append(f"| {number} | {c.cached + c.evaluated} | {c.cached} | {c.evaluated} | {c.prompt_ms / 1000:.1f} "
                    f"| {c.generated} | {c.generation_ms / 1000:.1f} |")
    total = Call(sum(c.cached for c in calls), sum(c.evaluated for c in calls), sum(c.prompt_ms for c in calls),
                 sum(c.generated for c in calls), sum(c.generation_ms for c in calls))
    rows.append(f"| all {len(calls)} | {total.cached + total.evaluated} | {total.cached} | {total.evaluated} "
                f"| {total.prompt_ms / 1000:.1f} | {total.generated} | {total.generation_ms / 1000:.1f} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", nargs="?", type=Path, default=DEFAULT_LOG)
    args = parser.parse_args()
    calls = read_calls(args.log.read_text(errors="replace"))
    print(table(calls) if calls else f"no timed calls in {args.log} (was the server started with --verbose True?)")


if __name__ == "__main__":
    main()
