"""Benchmark: extraction quality and speed per model and prompt on the seeds, as a Markdown table.

Usage (each candidate is NAME=GGUF, or NAME=default for the embedded model):

    python benchmarks/quality.py --prompt extract_facts@1 --prompt extract_facts@2 --prompt extract_facts@3 \
        --candidate qwen2.5-coder-1.5b-instruct-q4_k_m=default \
        --candidate qwen2.5-coder-0.5b-instruct-q4_k_m=/path/to/qwen0.5b.gguf

Each pair runs `newsfacts run seeds/ --force` with the local llama.cpp server, then
`newsfacts eval --format json`, and prints one table row. Outputs go to out/quality/.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "pipeline"]


def run_pair(name: str, gguf: str, prompt: str) -> str:
    out = ROOT / "out" / "quality" / f"{name}-{prompt.replace('@', '-v')}"
    env = dict(os.environ)
    if gguf != "default":
        env["NEWSFACTS_LOCAL_GGUF"] = gguf
    subprocess.run([*CLI, "run", "seeds/", "--force", "--model", name, "--prompt", prompt, "--out", str(out)],
                   cwd=ROOT, env=env, check=False)
    scores = json.loads(subprocess.run(
        [*CLI, "eval", "--gold", "seeds/gold.jsonl", str(out / "facts.jsonl"), "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    run = json.loads((out / "run.json").read_text())
    done = [a for a in run["articles"] if a["article_id"]]
    seconds = sum(a["seconds"] for a in done) / max(1, len(done))
    return (f"| {name} | {prompt} | {scores['precision']:.2f} | {scores['recall']:.2f} | {scores['f1']:.2f} "
            f"| {scores['grounded_rate']:.2f} | {seconds:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidate", action="append", required=True, help="NAME=GGUF path, or NAME=default")
    parser.add_argument("--prompt", action="append", required=True)
    args = parser.parse_args()
    print("| model | prompt | precision | recall | F1 | grounded rate | seconds per article |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for candidate in args.candidate:
        name, gguf = candidate.split("=", 1)
        for prompt in args.prompt:
            print(run_pair(name, gguf, prompt), flush=True)


if __name__ == "__main__":
    main()
