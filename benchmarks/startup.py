"""Benchmark: how long `newsfacts --help` takes, and which heavy modules it loads (target: under 0.3 s).

Usage:

    .venv/bin/python benchmarks/startup.py [--runs 10]

Runs the installed console script (or `python -m pipeline` when none is installed beside this
Python) as a new process each time and prints the median and the spread of the wall-clock times,
then whether openai, instructor or trafilatura were imported.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 0.3


def command() -> list[str]:
    script = Path(sys.executable).with_name("newsfacts")
    return [str(script), "--help"] if script.exists() else [sys.executable, "-m", "pipeline", "--help"]


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def heavy_modules() -> list[str]:
    code = ("import sys\nfrom pipeline.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print('loaded=' + ','.join(m for m in ('openai', 'instructor', 'trafilatura') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("loaded="))
    return [m for m in line.removeprefix("loaded=").split(",") if m]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    cmd = command()
    timed(cmd)  # warm the file cache once
    times = sorted(timed(cmd) for _ in range(args.runs))
    median = statistics.median(times)
    verdict = "PASS" if median < TARGET_SECONDS else "FAIL"
    print(f"{' '.join(Path(c).name for c in cmd)}: median {median:.3f} s over {args.runs} runs "
          f"(min {times[0]:.3f}, max {times[-1]:.3f})  {verdict} (target < {TARGET_SECONDS} s)")
    print(f"heavy modules loaded by --help: {', '.join(heavy_modules()) or 'none'}")


if __name__ == "__main__":
    main()
