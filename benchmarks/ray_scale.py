"""Benchmark: Ray Data runner throughput with 1, 2 and 4 workers under one API rate limit.

Usage:

    .venv/bin/python benchmarks/ray_scale.py [--articles 240] [--latency 0.2] [--rpm 1200]

A local Ray (2 CPUs) runs `newsfacts run --engine ray` over one-quantity articles against the fake
API (tests/fake_api.py) with a fixed latency per call; every worker's requests pass one
RateLimiter actor. Prints calls per second for each worker count, and a lower bound on the time:
each worker keeps one call in flight, and the limit allows at most --rpm calls in any 60 s (a run
shorter than a minute can use a whole minute's allowance at once).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ray  # noqa: E402

from benchmarks.batch import settings, write_articles  # noqa: E402
from pipeline.run.runner import run_batch  # noqa: E402
from tests.fake_api import FakeAPI  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--rpm", type=int, default=1200)
    args = parser.parse_args()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    print(f"{args.articles} articles, {args.latency} s per call, one limit of {args.rpm} requests/min "
          f"({args.rpm / 60:.0f}/s) for all workers")
    with FakeAPI(latency=args.latency) as api:
        for workers in (1, 2, 4):
            with tempfile.TemporaryDirectory() as work:
                write_articles(Path(work) / "in", args.articles)
                started = time.perf_counter()
                result = run_batch([Path(work) / "in"], settings(api.base_url, engine="ray", ray_workers=workers, rpm=args.rpm),
                                   Path(work) / "out")
                seconds = time.perf_counter() - started
            calls = result.summary["counts"]["model_calls"]
            # the limit allows `rpm` calls in any 60 s: a run of `calls` needs (calls - 1) // rpm full windows at least
            floor = max(calls / (workers / args.latency), (calls - 1) // args.rpm * 60.0)
            print(f"workers {workers}: {calls} calls in {seconds:.1f} s = {calls / seconds:.1f} calls/s "
                  f"(lower bound {floor:.1f} s: {workers} calls in flight at {args.latency} s each, "
                  f"at most {args.rpm} calls in any minute)")
    ray.shutdown()


if __name__ == "__main__":
    main()
