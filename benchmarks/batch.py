"""Benchmark: the batch engine against a fake API with configurable latency, over real HTTP.

Usage:

    .venv/bin/python benchmarks/batch.py                 # all four
    .venv/bin/python benchmarks/batch.py throughput      # or: overhead, rerun, memory

- throughput: 320 one-quantity articles at --concurrency 16, 0.5 s per call, after a one-article
  warm-up run (the process's one-time imports, about 0.5 s, are not per-run work). Target: at
  least 0.85 of the ideal, where ideal = calls / concurrency × latency.
- overhead: the pipeline's own CPU time per article (the fake API runs in another process, so it
  is not counted), from the difference between a 600- and a 100-article run, five times, at
  --concurrency 1. Target: under 5 ms median. Also printed: the same at --concurrency 16, and one
  article's model call alone in a loop (openai + instructor + HTTP, the part that is not ours).
- rerun: rerunning 1,000 finished articles. Target: zero model calls and under 5 s.
- memory: 10,000 articles; peak RSS of the process. Target: under 300 MB.
Each prints its figures and PASS or FAIL against its target.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.model import llm  # noqa: E402
from pipeline.extract.labelling.grouped import group_request  # noqa: E402
from pipeline.extract.labelling.base import Part  # noqa: E402
from pipeline.extract.prompts import load_prompt  # noqa: E402
from pipeline.run.runner import run_batch  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from pipeline.ingest.sources import load_article  # noqa: E402
from pipeline.model.throttle import Throttle  # noqa: E402
from tests.fake_api import FakeAPI  # noqa: E402

WORDS = ["exports", "imports", "output", "sales", "lending", "tourism", "wages", "rents"]


def write_articles(folder: Path, count: int) -> None:
    """`count` distinct articles with one quantity each, a few sentences long like a news brief."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        word = WORDS[i % len(WORDS)]
        text = (f"Brief {i:05d} from the Testland desk.\n\n"
                f"Testland's {word} grew {i % 97 + 1}.{i % 10}% in 2023, the statistics office said on Monday. "
                f"Officials expect the trend to continue as demand from neighbouring markets holds up.\n")
        (folder / f"a{i:05d}.txt").write_text(text.replace(f"Brief {i:05d}", f"Brief number {word}-{i:05d}"))


def _serve(latency: float, ready: multiprocessing.Queue, stop: multiprocessing.Event) -> None:  # type: ignore[type-arg]
    with FakeAPI(latency=latency) as api:
        ready.put(api.base_url)
        stop.wait()


class RemoteFakeAPI:
    """The fake API in its own process, so its CPU time is not the pipeline's."""

    def __init__(self, latency: float) -> None:
        self.ready: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
        self.stop = multiprocessing.Event()
        self.proc = multiprocessing.Process(target=_serve, args=(latency, self.ready, self.stop), daemon=True)

    def __enter__(self) -> str:
        self.proc.start()
        return str(self.ready.get(timeout=30))

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.proc.join(timeout=10)


def settings(base_url: str, **changes: object) -> Settings:
    base = dict(base_url=base_url, model="fake-model", max_retries=2, timeout=30.0)  # the default prompt
    return Settings.from_env({"NEWSFACTS_API_KEY": "bench-key"}, **(base | changes))


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def throughput(work: Path) -> None:
    articles, concurrency, latency = 320, 16, 0.5
    write_articles(work / "in", articles)
    write_articles(work / "warm", 1)
    with RemoteFakeAPI(latency) as url:
        run_batch([work / "warm"], settings(url), work / "warm-out")  # one-time imports (openai loads lazily)
        started = time.perf_counter()
        result = run_batch([work / "in"], settings(url, concurrency=concurrency), work / "out")
        seconds = time.perf_counter() - started
    calls = result.summary["counts"]["model_calls"]
    ideal = calls / concurrency * latency
    print(f"throughput: {articles} articles, {calls} calls, concurrency {concurrency}, latency {latency} s: "
          f"{seconds:.2f} s against an ideal {ideal:.2f} s = {ideal / seconds:.2f} of ideal "
          f"({calls / seconds:.1f} calls/s)  {verdict(ideal / seconds >= 0.85)} (target ≥ 0.85)")


def cpu_per_article(url: str, work: Path, concurrency: int, trials: int = 5) -> list[float]:
    """ms of process CPU per article: a 600-article run minus a 100-article run, over 500."""
    per_article = []
    for trial in range(trials):
        cpu = {}
        for n in (100, 600):
            folder = work / f"c{concurrency}-t{trial}-{n}"
            write_articles(folder / "in", n)
            started = time.process_time()
            run_batch([folder / "in"], settings(url, concurrency=concurrency), folder / "out")
            cpu[n] = time.process_time() - started
        per_article.append((cpu[600] - cpu[100]) / 500 * 1000)
    return per_article


def cpu_per_model_call(url: str, work: Path, calls: int = 300) -> float:
    """ms of process CPU for one benchmark article's model call alone (openai + instructor + HTTP)."""
    write_articles(work / "one", 1)
    article = load_article(next((work / "one").iterdir()))
    config = settings(url)
    part = Part(article, 0)
    request = group_request(load_prompt(config.prompt), part, part.asked[:1], {})

    async def loop() -> float:
        client = llm.build_client(config, throttle=Throttle(1))
        params = llm.CallParams(temperature=0.0, max_tokens=200)

        async def call() -> None:
            await llm.structured(client, request.messages, request.response_model, request.context, config, params,
                                 grammar=request.grammar)

        for _ in range(20):  # warm-up: lazy imports, connection
            await call()
        started = time.process_time()
        for _ in range(calls):
            await call()
        spent = time.process_time() - started
        await llm.close_client(client)
        return spent / calls * 1000

    return asyncio.run(loop())


def overhead(work: Path) -> None:
    with RemoteFakeAPI(0.0) as url:
        serial = cpu_per_article(url, work, concurrency=1)
        parallel = cpu_per_article(url, work, concurrency=16)
        call = cpu_per_model_call(url, work)
    median = statistics.median(serial)
    print(f"overhead: CPU per article {median:.2f} ms median over 5 trials at --concurrency 1 "
          f"({', '.join(f'{x:.2f}' for x in serial)} ms)  {verdict(median < 5)} (target < 5 ms)\n"
          f"          at --concurrency 16: {statistics.median(parallel):.2f} ms median "
          f"({', '.join(f'{x:.2f}' for x in parallel)} ms)\n"
          f"          of which one model call through openai + instructor, alone in a loop: {call:.2f} ms")


def rerun(work: Path) -> None:
    write_articles(work / "in", 1000)
    with RemoteFakeAPI(0.0) as url:
        run_batch([work / "in"], settings(url, concurrency=8), work / "out")
        started = time.perf_counter()
        result = run_batch([work / "in"], settings(url, concurrency=8), work / "out")
        seconds = time.perf_counter() - started
    counts = result.summary["counts"]
    print(f"rerun: 1,000 finished articles: {counts['skipped']} skipped, {counts['model_calls']} model calls, "
          f"{seconds:.2f} s  {verdict(counts['model_calls'] == 0 and seconds < 5)} (target: 0 calls, < 5 s)")


def memory(work: Path) -> None:
    write_articles(work / "in", 10_000)
    with RemoteFakeAPI(0.0) as url:
        started = time.perf_counter()
        result = run_batch([work / "in"], settings(url, concurrency=16), work / "out")
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"memory: 10,000 articles ({result.summary['counts']['done']} done, {result.summary['counts']['facts']} facts) "
          f"in {seconds:.1f} s, peak RSS {peak:.0f} MB  {verdict(peak < 300)} (target < 300 MB)")


BENCHMARKS = {"throughput": throughput, "overhead": overhead, "rerun": rerun, "memory": memory}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="*", help=f"any of {', '.join(BENCHMARKS)} (default: all)")
    args = parser.parse_args()
    unknown = set(args.which) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark {', '.join(sorted(unknown))}; choose from {', '.join(BENCHMARKS)}")
    for name in args.which or BENCHMARKS:
        with tempfile.TemporaryDirectory(prefix=f"newsfacts-{name}-") as work:
            BENCHMARKS[name](Path(work))


if __name__ == "__main__":
    main()
