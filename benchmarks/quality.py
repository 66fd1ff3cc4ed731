"""Benchmark: extraction quality and speed per model and prompt, as a Markdown table.

Two sets (each candidate is NAME=GGUF, or NAME=default for the embedded model):

    python benchmarks/quality.py --prompt extract_facts@5 --candidate qwen2.5-coder-1.5b-instruct-q4_k_m=default
    python benchmarks/quality.py --set realworld --prompt extract_facts@5 --candidate qwen2.5-coder-1.5b-instruct-q4_k_m=default

`--set seeds` (the default) runs `newsfacts run seeds/ --force` with the local llama.cpp server,
then `newsfacts eval --format json`, and prints one table row per pair: quality (precision, recall,
F1, grounded rate, metric accuracy) and speed side by side from the same run (median seconds per
article, model calls and prompt tokens sent per article from run.json, and prompt tokens the
server evaluated per article, not served from its prefix cache, from the server's log, which each
run's server writes anew; see call_timings.py).

`--set realworld` runs `newsfacts run fetched/articles/ --force` on the real-article dev set
(tests/data/realworld/; the texts are not in the repo, its README says how to fetch them) and
scores the run against tests/data/realworld/gold.jsonl: gold facts found (value up to sign, unit
class and place, as `pipeline.check.evaluation` matches them), found with the right metric, with the
right sign, with the gold's entity named (`right_entity`, a floor: gold entities that describe rather
than name are rarely matched) and with no entity at all, extracted facts that match no gold fact per article, seconds, calls and prompt tokens
per article (run.json), and the conflicts reported in groups.jsonl with how many are real
(tests/data/realworld/conflicts.jsonl). `--score-only DIR` scores an existing run's output
instead of running; `--verdicts-only` feeds the gold facts themselves to `newsfacts validate`,
which shows the conflicts the verdict rules report when every label is right. `--set holdout`
and `--set holdout2` do the same on the held-out sets (tests/data/holdout*/, texts in
fetched/holdout*/), which were built blind and are measured, never tuned to.
Outputs go to out/quality/.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

sys.path.insert(0, str(Path(__file__).resolve().parent))
from call_timings import DEFAULT_LOG, read_calls  # noqa: E402

# pipeline.check.evaluation's own pairing and value/place rules, so both scorers agree.
from pipeline.check.evaluation import GoldFact, pair_up, same_amount, same_place
from pipeline.extract.entities import is_unknown
from pipeline.ingest.jsonl import read_jsonl
from schemas.facts import QuantFact
from schemas.primitives.names import name_found
from schemas.validation import AgreementGroup

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "pipeline"]
REALWORLD = ROOT / "tests" / "data" / "realworld"
FETCHED = ROOT / "fetched" / "articles"
# The real-article sets: each one's committed gold folder and git-ignored texts folder. The held-out
# sets were built blind to the pipeline's output, and are measured, never tuned to (their READMEs).
REAL_SETS = {
    "realworld": (REALWORLD, FETCHED),
    "holdout": (ROOT / "tests" / "data" / "holdout", ROOT / "fetched" / "holdout"),
    "holdout2": (ROOT / "tests" / "data" / "holdout2", ROOT / "fetched" / "holdout2"),
    "holdout3": (ROOT / "tests" / "data" / "holdout3", ROOT / "fetched" / "holdout3"),
    "holdout4": (ROOT / "tests" / "data" / "holdout4", ROOT / "fetched" / "holdout4"),
    "holdout5": (ROOT / "tests" / "data" / "holdout5", ROOT / "fetched" / "holdout5"),
    "holdout6": (ROOT / "tests" / "data" / "holdout6", ROOT / "fetched" / "holdout6"),
    "holdout7": (ROOT / "tests" / "data" / "holdout7", ROOT / "fetched" / "holdout7"),
    "holdout8": (ROOT / "tests" / "data" / "holdout8", ROOT / "fetched" / "holdout8"),
    "holdout9": (ROOT / "tests" / "data" / "holdout9", ROOT / "fetched" / "holdout9"),
    "holdout10": (ROOT / "tests" / "data" / "holdout10", ROOT / "fetched" / "holdout10"),
    "holdout11": (ROOT / "tests" / "data" / "holdout11", ROOT / "fetched" / "holdout11"),
    "holdout12": (ROOT / "tests" / "data" / "holdout12", ROOT / "fetched" / "holdout12"),
    "holdout13": (ROOT / "tests" / "data" / "holdout13", ROOT / "fetched" / "holdout13"),
    "holdout14": (ROOT / "tests" / "data" / "holdout14", ROOT / "fetched" / "holdout14"),
    "holdout15": (ROOT / "tests" / "data" / "holdout15", ROOT / "fetched" / "holdout15"),
    "holdout16": (ROOT / "tests" / "data" / "holdout16", ROOT / "fetched" / "holdout16"),
    "holdout17": (ROOT / "tests" / "data" / "holdout17", ROOT / "fetched" / "holdout17"),
    "holdout18": (ROOT / "tests" / "data" / "holdout18", ROOT / "fetched" / "holdout18"),
    "holdout19": (ROOT / "tests" / "data" / "holdout19", ROOT / "fetched" / "holdout19"),
    "holdout20": (ROOT / "tests" / "data" / "holdout20", ROOT / "fetched" / "holdout20"),
    "holdout21": (ROOT / "tests" / "data" / "holdout21", ROOT / "fetched" / "holdout21"),
    "holdout22": (ROOT / "tests" / "data" / "holdout22", ROOT / "fetched" / "holdout22"),
    "holdout23": (ROOT / "tests" / "data" / "holdout23", ROOT / "fetched" / "holdout23"),
    "holdout24": (ROOT / "tests" / "data" / "holdout24", ROOT / "fetched" / "holdout24"),
    "holdout25": (ROOT / "tests" / "data" / "holdout25", ROOT / "fetched" / "holdout25"),
    "holdout26": (ROOT / "tests" / "data" / "holdout26", ROOT / "fetched" / "holdout26"),
    "holdout27": (ROOT / "tests" / "data" / "holdout27", ROOT / "fetched" / "holdout27"),
    "holdout28": (ROOT / "tests" / "data" / "holdout28", ROOT / "fetched" / "holdout28"),
    "holdout29": (ROOT / "tests" / "data" / "holdout29", ROOT / "fetched" / "holdout29"),
    "holdout30": (ROOT / "tests" / "data" / "holdout30", ROOT / "fetched" / "holdout30"),
    "holdout31": (ROOT / "tests" / "data" / "holdout31", ROOT / "fetched" / "holdout31"),
    "holdout32": (ROOT / "tests" / "data" / "holdout32", ROOT / "fetched" / "holdout32"),
    "holdout33": (ROOT / "tests" / "data" / "holdout33", ROOT / "fetched" / "holdout33"),
    "holdout34": (ROOT / "tests" / "data" / "holdout34", ROOT / "fetched" / "holdout34"),
    "holdout35": (ROOT / "tests" / "data" / "holdout35", ROOT / "fetched" / "holdout35"),
    "holdout36": (ROOT / "tests" / "data" / "holdout36", ROOT / "fetched" / "holdout36"),
    "holdout37": (ROOT / "tests" / "data" / "holdout37", ROOT / "fetched" / "holdout37"),
    "holdout38": (ROOT / "tests" / "data" / "holdout38", ROOT / "fetched" / "holdout38"),
    "holdout39": (ROOT / "tests" / "data" / "holdout39", ROOT / "fetched" / "holdout39"),
    "holdout40": (ROOT / "tests" / "data" / "holdout40", ROOT / "fetched" / "holdout40"),
    "holdout41": (ROOT / "tests" / "data" / "holdout41", ROOT / "fetched" / "holdout41"),
    "holdout42": (ROOT / "tests" / "data" / "holdout42", ROOT / "fetched" / "holdout42"),
    "holdout43": (ROOT / "tests" / "data" / "holdout43", ROOT / "fetched" / "holdout43"),
    "holdout44": (ROOT / "tests" / "data" / "holdout44", ROOT / "fetched" / "holdout44"),
    "holdout45": (ROOT / "tests" / "data" / "holdout45", ROOT / "fetched" / "holdout45"),
    "holdout46": (ROOT / "tests" / "data" / "holdout46", ROOT / "fetched" / "holdout46"),
    "holdout47": (ROOT / "tests" / "data" / "holdout47", ROOT / "fetched" / "holdout47"),
    "holdout48": (ROOT / "tests" / "data" / "holdout48", ROOT / "fetched" / "holdout48"),
    "holdout49": (ROOT / "tests" / "data" / "holdout49", ROOT / "fetched" / "holdout49"),
    "holdout50": (ROOT / "tests" / "data" / "holdout50", ROOT / "fetched" / "holdout50"),
    "holdout51": (ROOT / "tests" / "data" / "holdout51", ROOT / "fetched" / "holdout51"),
    "holdout52": (ROOT / "tests" / "data" / "holdout52", ROOT / "fetched" / "holdout52"),
    "holdout53": (ROOT / "tests" / "data" / "holdout53", ROOT / "fetched" / "holdout53"),
    "holdout54": (ROOT / "tests" / "data" / "holdout54", ROOT / "fetched" / "holdout54"),
    "holdout55": (ROOT / "tests" / "data" / "holdout55", ROOT / "fetched" / "holdout55"),
    "holdout56": (ROOT / "tests" / "data" / "holdout56", ROOT / "fetched" / "holdout56"),
    "holdout57": (ROOT / "tests" / "data" / "holdout57", ROOT / "fetched" / "holdout57"),
    "holdout58": (ROOT / "tests" / "data" / "holdout58", ROOT / "fetched" / "holdout58"),
    "holdout59": (ROOT / "tests" / "data" / "holdout59", ROOT / "fetched" / "holdout59"),
    "holdout60": (ROOT / "tests" / "data" / "holdout60", ROOT / "fetched" / "holdout60"),
    "holdout61": (ROOT / "tests" / "data" / "holdout61", ROOT / "fetched" / "holdout61"),
    "holdout62": (ROOT / "tests" / "data" / "holdout62", ROOT / "fetched" / "holdout62"),
    "holdout63": (ROOT / "tests" / "data" / "holdout63", ROOT / "fetched" / "holdout63"),
    "holdout64": (ROOT / "tests" / "data" / "holdout64", ROOT / "fetched" / "holdout64"),
    "holdout65": (ROOT / "tests" / "data" / "holdout65", ROOT / "fetched" / "holdout65"),
    "holdout66": (ROOT / "tests" / "data" / "holdout66", ROOT / "fetched" / "holdout66"),
    "holdout67": (ROOT / "tests" / "data" / "holdout67", ROOT / "fetched" / "holdout67"),
    "holdout68": (ROOT / "tests" / "data" / "holdout68", ROOT / "fetched" / "holdout68"),
    "holdout69": (ROOT / "tests" / "data" / "holdout69", ROOT / "fetched" / "holdout69"),
    "holdout70": (ROOT / "tests" / "data" / "holdout70", ROOT / "fetched" / "holdout70"),
    "holdout71": (ROOT / "tests" / "data" / "holdout71", ROOT / "fetched" / "holdout71"),
    "holdout72": (ROOT / "tests" / "data" / "holdout72", ROOT / "fetched" / "holdout72"),
    "holdout73": (ROOT / "tests" / "data" / "holdout73", ROOT / "fetched" / "holdout73"),
    "holdout74": (ROOT / "tests" / "data" / "holdout74", ROOT / "fetched" / "holdout74"),
    "holdout75": (ROOT / "tests" / "data" / "holdout75", ROOT / "fetched" / "holdout75"),
    "holdout76": (ROOT / "tests" / "data" / "holdout76", ROOT / "fetched" / "holdout76"),
    "holdout77": (ROOT / "tests" / "data" / "holdout77", ROOT / "fetched" / "holdout77"),
    "holdout78": (ROOT / "tests" / "data" / "holdout78", ROOT / "fetched" / "holdout78"),
    "holdout79": (ROOT / "tests" / "data" / "holdout79", ROOT / "fetched" / "holdout79"),
    "holdout80": (ROOT / "tests" / "data" / "holdout80", ROOT / "fetched" / "holdout80"),
    "holdout81": (ROOT / "tests" / "data" / "holdout81", ROOT / "fetched" / "holdout81"),
    "holdout82": (ROOT / "tests" / "data" / "holdout82", ROOT / "fetched" / "holdout82"),
    "holdout83": (ROOT / "tests" / "data" / "holdout83", ROOT / "fetched" / "holdout83"),
    "holdout84": (ROOT / "tests" / "data" / "holdout84", ROOT / "fetched" / "holdout84"),
    "holdout85": (ROOT / "tests" / "data" / "holdout85", ROOT / "fetched" / "holdout85"),
    "holdout86": (ROOT / "tests" / "data" / "holdout86", ROOT / "fetched" / "holdout86"),
    "holdout87": (ROOT / "tests" / "data" / "holdout87", ROOT / "fetched" / "holdout87"),
    "holdout88": (ROOT / "tests" / "data" / "holdout88", ROOT / "fetched" / "holdout88"),
    "holdout89": (ROOT / "tests" / "data" / "holdout89", ROOT / "fetched" / "holdout89"),
    "holdout90": (ROOT / "tests" / "data" / "holdout90", ROOT / "fetched" / "holdout90"),
    "holdout91": (ROOT / "tests" / "data" / "holdout91", ROOT / "fetched" / "holdout91"),
    "holdout92": (ROOT / "tests" / "data" / "holdout92", ROOT / "fetched" / "holdout92"),
    "holdout93": (ROOT / "tests" / "data" / "holdout93", ROOT / "fetched" / "holdout93"),
    "holdout94": (ROOT / "tests" / "data" / "holdout94", ROOT / "fetched" / "holdout94"),
    "holdout95": (ROOT / "tests" / "data" / "holdout95", ROOT / "fetched" / "holdout95"),
    "holdout96": (ROOT / "tests" / "data" / "holdout96", ROOT / "fetched" / "holdout96"),
    "holdout97": (ROOT / "tests" / "data" / "holdout97", ROOT / "fetched" / "holdout97"),
    "holdout98": (ROOT / "tests" / "data" / "holdout98", ROOT / "fetched" / "holdout98"),
    "holdout99": (ROOT / "tests" / "data" / "holdout99", ROOT / "fetched" / "holdout99"),
    "holdout100": (ROOT / "tests" / "data" / "holdout100", ROOT / "fetched" / "holdout100"),
    "holdout101": (ROOT / "tests" / "data" / "holdout101", ROOT / "fetched" / "holdout101"),
    "holdout102": (ROOT / "tests" / "data" / "holdout102", ROOT / "fetched" / "holdout102"),
    "holdout103": (ROOT / "tests" / "data" / "holdout103", ROOT / "fetched" / "holdout103"),
    "holdout104": (ROOT / "tests" / "data" / "holdout104", ROOT / "fetched" / "holdout104"),
    "holdout105": (ROOT / "tests" / "data" / "holdout105", ROOT / "fetched" / "holdout105"),
    "holdout106": (ROOT / "tests" / "data" / "holdout106", ROOT / "fetched" / "holdout106"),
    "holdout107": (ROOT / "tests" / "data" / "holdout107", ROOT / "fetched" / "holdout107"),
    "holdout108": (ROOT / "tests" / "data" / "holdout108", ROOT / "fetched" / "holdout108"),
    "holdout109": (ROOT / "tests" / "data" / "holdout109", ROOT / "fetched" / "holdout109"),
    "holdout110": (ROOT / "tests" / "data" / "holdout110", ROOT / "fetched" / "holdout110"),
    "holdout111": (ROOT / "tests" / "data" / "holdout111", ROOT / "fetched" / "holdout111"),
    "holdout112": (ROOT / "tests" / "data" / "holdout112", ROOT / "fetched" / "holdout112"),
    "holdout113": (ROOT / "tests" / "data" / "holdout113", ROOT / "fetched" / "holdout113"),
    "holdout114": (ROOT / "tests" / "data" / "holdout114", ROOT / "fetched" / "holdout114"),
    "holdout115": (ROOT / "tests" / "data" / "holdout115", ROOT / "fetched" / "holdout115"),
    "holdout116": (ROOT / "tests" / "data" / "holdout116", ROOT / "fetched" / "holdout116"),
}
EXIT_NO_TEXTS = 2
FILL_HINT = ("Fill it as tests/data/realworld/README.md says: run each query of articles.jsonl through the "
             "search tool's `pages` corpus, save the page's text under the file name given, and check its sha256.")


SEEDS_HEADER = (
    "| model | prompt | precision | recall | F1 | grounded rate | metric accuracy | median s per article "
    "| calls per article | prompt tokens sent per article | prompt tokens evaluated per article |\n"
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def run_pair(name: str, gguf: str, prompt: str) -> str:
    out = ROOT / "out" / "quality" / f"{name}-{prompt.replace('@', '-v')}"
    run_newsfacts("seeds/", name, gguf, prompt, out)
    scores = json.loads(subprocess.run(
        [*CLI, "eval", "--gold", "seeds/gold.jsonl", str(out / "facts.jsonl"), "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    run = json.loads((out / "run.json").read_text())
    done = [a["seconds"] for a in run["articles"] if a.get("article_id") and a.get("status") == "done"]
    _, calls, tokens = run_costs(run)
    log = DEFAULT_LOG.read_text(errors="replace") if DEFAULT_LOG.exists() else ""  # each run's server writes it anew
    evaluated = sum(c.evaluated for c in read_calls(log)) / max(1, len(done))
    return (f"| {name} | {prompt} | {scores['precision']:.2f} | {scores['recall']:.2f} | {scores['f1']:.2f} "
            f"| {scores['grounded_rate']:.2f} | {scores['metric_accuracy']:.2f} "
            f"| {statistics.median(done) if done else 0:.0f} | {calls:.1f} | {tokens:.0f} | {evaluated:.0f} |")


def run_newsfacts(path: str, name: str, gguf: str, prompt: str, out: Path) -> None:
    """`newsfacts run PATH --force` with this model and prompt; the exit code is the caller's to read from run.json."""
    env = dict(os.environ)
    if gguf != "default":
        env["NEWSFACTS_LOCAL_GGUF"] = gguf
    with subprocess.Popen([*CLI, "run", path, "--force", "--model", name, "--prompt", prompt, "--out", str(out)],
                          cwd=ROOT, env=env) as child:
        # stopped with SIGTERM (a CI timeout, `kill`), stop the run too: it stops its model server
        previous = signal.signal(signal.SIGTERM, lambda *_: (child.terminate(), sys.exit(128 + signal.SIGTERM)))
        try:
            child.wait()
        finally:
            signal.signal(signal.SIGTERM, previous)


# The real-article dev set: what is committed, and what must be fetched.

class DevArticle(BaseModel):
    """One article of the set: where it is published, the query that finds it, the hash of its saved text."""

    file: str
    file_id: str
    article_id: str
    outlet: str
    url: str
    published: str
    story: str
    query: str
    sha256: str
    chars: int
    based_on: str | None = None
    dropped_lines: list[str] = Field(default_factory=list)


class DevGold(GoldFact):
    """A gold fact of the set; `metric_also` lists other metrics a careful reader would also accept."""

    story: str
    metric_also: list[str] = Field(default_factory=list)


class DevConflict(BaseModel):
    """A cross-source group of gold facts whose values a careful fact-checker calls a real conflict."""

    conflict_id: str
    story: str
    entity: str
    metric: str
    period: str
    fact_ids: list[str]
    reason: str


class DevSet(BaseModel):
    articles: list[DevArticle]
    gold: list[DevGold]
    conflicts: list[DevConflict]


def load_dev_set(folder: Path = REALWORLD) -> DevSet:
    return DevSet(articles=read_jsonl(folder / "articles.jsonl", DevArticle),
                  gold=read_jsonl(folder / "gold.jsonl", DevGold),
                  conflicts=read_jsonl(folder / "conflicts.jsonl", DevConflict))


def fetched_problems(folder: Path, articles: list[DevArticle]) -> list[str]:
    """Why the saved texts cannot be scored against the gold: a missing folder, file, or changed text."""
    if not folder.is_dir():
        return [f"{folder} is missing."]
    problems = []
    for article in articles:
        path = folder / article.file
        if not path.is_file():
            problems.append(f"{path} is missing.")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != article.sha256:
            problems.append(f"{path} differs from the text the gold was written on (sha256).")
    if not (folder / "meta.json").is_file():
        problems.append(f"{folder / 'meta.json'} is missing.")
    return problems


# Scoring: which extracted fact points at which gold fact, and how right its labels are.

Pairs = list[tuple[QuantFact, DevGold]]


def _magnitude(value: float, value_max: float | None) -> float:
    """The size a figure starts from, whatever its sign: a range's end nearer zero ("a loss of $2bn to $9bn"
    is the same range as -9bn to -2bn)."""
    return abs(value) if value_max is None else min(abs(value), abs(value_max))


def _found(fact: QuantFact, gold: GoldFact) -> bool:
    """The gold number was found: same magnitude (the sign is scored apart), amount and place."""
    return (same_amount(_magnitude(fact.value, fact.value_max), fact.unit, _magnitude(gold.value, gold.value_max), gold.unit)
            and same_place(fact, gold))


def pair_facts(facts: list[QuantFact], gold: list[DevGold]) -> Pairs:
    """One-to-one pairs of extracted and gold facts, article by article, with `pipeline.check.evaluation`'s pairing."""
    pairs: Pairs = []
    for article_id in sorted({g.article_id for g in gold}):
        pairs += pair_up([f for f in facts if f.article_id == article_id],
                       [g for g in gold if g.article_id == article_id], _found)
    return pairs


def right_metric(fact: QuantFact, gold: DevGold) -> bool:
    """Same metric key, or one the gold also accepts; `other` labels are free text and are not compared."""
    return fact.metric == gold.metric or fact.metric in gold.metric_also


def right_sign(fact: QuantFact, gold: GoldFact) -> bool:
    return math.copysign(1.0, fact.value) == math.copysign(1.0, gold.value)


def right_entity(fact: QuantFact, gold: GoldFact) -> bool:
    """The fact's entity and the gold's name each other (`name_found` either way: "PVV" and "PVV",
    "UK" and "United Kingdom"). A gold entity that describes rather than names ("the study of heat
    deaths in summer 2022") is rarely matched, so this counts names got right, a floor."""
    return not is_unknown(fact.entity) and (name_found(fact.entity, gold.entity) or name_found(gold.entity, fact.entity))


def conflict_hits(groups: Iterable[AgreementGroup], gold_of: dict[str, DevGold], conflicts: list[DevConflict]) -> dict[str, set[str]]:
    """For each reported conflict group (by key), the ids of the real conflicts it shows.

    A reported group shows a real conflict when its facts point at two gold facts of that conflict
    with different values (or ranges with different ends)."""
    hits: dict[str, set[str]] = {}
    for n, group in enumerate(g for g in groups if g.verdict == "conflict"):
        golds = [gold_of[f] for f in group.fact_ids if f in gold_of]
        shown = {c.conflict_id for c in conflicts
                 if len({(g.value, g.value_max) for g in golds if g.fact_id in c.fact_ids}) >= 2}
        hits[f"{n}:{group.key}"] = shown
    return hits


def run_costs(run: dict[str, Any]) -> tuple[float, float, float]:
    """Seconds, model calls and prompt tokens per article done, from run.json."""
    done = [a for a in run.get("articles", []) if a.get("article_id") and a.get("status") == "done"]
    if not done:
        return 0.0, 0.0, 0.0
    usage = [a.get("usage") or {} for a in done]
    return (sum(a["seconds"] for a in done) / len(done), sum(u.get("calls", 0) for u in usage) / len(done),
            sum(u.get("prompt_tokens", 0) for u in usage) / len(done))


class RealworldScores(BaseModel):
    """The dev set's figures for one run; the lists say which facts and groups make them."""

    articles: int
    gold: int
    extracted: int
    found: int
    right_metric: int
    right_sign: int
    right_metric_and_sign: int
    right_entity: int = 0
    unknown_entity: int = 0
    unmatched: int
    unmatched_per_article: float
    conflicts_reported: int
    conflicts_real: int
    real_conflicts: int
    real_conflicts_shown: int
    seconds_per_article: float = 0.0
    calls_per_article: float = 0.0
    prompt_tokens_per_article: float = 0.0
    missed: list[str] = Field(default_factory=list, description="gold fact ids no fact found")
    wrong_labels: list[tuple[str, str]] = Field(default_factory=list, description="(fact id, gold id): wrong metric or sign")
    unmatched_facts: list[str] = Field(default_factory=list)
    false_conflicts: list[str] = Field(default_factory=list, description="keys of reported conflicts that are not real")


def label_counts(pairs: Pairs) -> dict[str, int]:
    """How many found facts have the right metric, the right sign, both, and the gold's entity; and
    how many have no entity."""
    return {"right_metric": sum(right_metric(f, g) for f, g in pairs), "right_sign": sum(right_sign(f, g) for f, g in pairs),
            "right_metric_and_sign": sum(right_metric(f, g) and right_sign(f, g) for f, g in pairs),
            "right_entity": sum(right_entity(f, g) for f, g in pairs), "unknown_entity": sum(is_unknown(f.entity) for f, _ in pairs)}


def conflict_counts(hits: dict[str, set[str]], conflicts: list[DevConflict]) -> dict[str, Any]:
    """Reported conflicts, how many of them are real, and how many real conflicts some report shows."""
    return {"conflicts_reported": len(hits), "conflicts_real": sum(1 for shown in hits.values() if shown),
            "real_conflicts": len(conflicts), "real_conflicts_shown": len(set().union(*hits.values())),
            "false_conflicts": [key for key, shown in hits.items() if not shown]}


def score_realworld(facts: list[QuantFact], dev: DevSet, groups: list[AgreementGroup], run: dict[str, Any] | None = None) -> RealworldScores:
    """Score one run's facts and groups against the dev set's gold facts and real conflicts."""
    ids = {a.article_id for a in dev.articles}
    facts = [f for f in facts if f.article_id in ids]
    pairs = pair_facts(facts, dev.gold)
    paired, found_gold = {f.fact_id for f, _ in pairs}, {g.fact_id for _, g in pairs}
    unmatched = [f.fact_id for f in facts if f.fact_id not in paired]
    seconds, calls, tokens = run_costs(run or {})
    return RealworldScores(
        articles=len(dev.articles), gold=len(dev.gold), extracted=len(facts), found=len(pairs),
        unmatched=len(unmatched), unmatched_per_article=round(len(unmatched) / max(1, len(dev.articles)), 2),
        seconds_per_article=round(seconds, 1), calls_per_article=round(calls, 1), prompt_tokens_per_article=round(tokens),
        missed=[g.fact_id for g in dev.gold if g.fact_id not in found_gold], unmatched_facts=unmatched,
        wrong_labels=[(f.fact_id, g.fact_id) for f, g in pairs if not (right_metric(f, g) and right_sign(f, g))],
        **label_counts(pairs), **conflict_counts(conflict_hits(groups, {f.fact_id: g for f, g in pairs}, dev.conflicts), dev.conflicts),
    )


REALWORLD_HEADER = (
    "| model | prompt | found | right metric | right sign | right metric and sign | right entity | no entity | extracted | wrong per article "
    "| conflicts reported | of them real | real conflicts shown | s per article | calls per article | prompt tokens per article |\n"
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def realworld_row(name: str, prompt: str, s: RealworldScores) -> str:
    return (f"| {name} | {prompt} | {s.found}/{s.gold} | {s.right_metric}/{s.gold} | {s.right_sign}/{s.gold} "
            f"| {s.right_metric_and_sign}/{s.gold} | {s.right_entity}/{s.found} | {s.unknown_entity}/{s.found} | {s.extracted} | {s.unmatched_per_article:.1f} "
            f"| {s.conflicts_reported} | {s.conflicts_real} | {s.real_conflicts_shown}/{s.real_conflicts} "
            f"| {s.seconds_per_article:.0f} | {s.calls_per_article:.0f} | {s.prompt_tokens_per_article:.0f} |")


def score_output(out: Path, dev: DevSet) -> RealworldScores:
    """Score a `newsfacts run` output folder (facts.jsonl, groups.jsonl, run.json) and save scores.json in it."""
    run = json.loads((out / "run.json").read_text()) if (out / "run.json").is_file() else None
    scores = score_realworld(read_jsonl(out / "facts.jsonl", QuantFact), dev,
                             read_jsonl(out / "groups.jsonl", AgreementGroup), run)
    (out / "scores.json").write_text(scores.model_dump_json(indent=2) + "\n")
    return scores


def gold_as_facts(gold: list[DevGold]) -> list[QuantFact]:
    """The gold facts in the fact contract, quoting their anchors: a run whose every label is right."""
    return [QuantFact.model_validate(g.model_dump(exclude={"anchor", "metric_also"}) | {"quote": g.anchor})
            for g in gold]


def validate_gold(dev: DevSet, out: Path) -> RealworldScores:
    """Run `newsfacts validate` on the gold facts themselves and score the conflicts it reports."""
    out.mkdir(parents=True, exist_ok=True)
    facts = gold_as_facts(dev.gold)
    (out / "facts.jsonl").write_text("".join(f.model_dump_json() + "\n" for f in facts))
    report = json.loads(subprocess.run([*CLI, "validate", str(out / "facts.jsonl"), "--format", "json"],
                                       cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    groups = [AgreementGroup.model_validate(g) for g in report["groups"]]
    (out / "groups.jsonl").write_text("".join(g.model_dump_json() + "\n" for g in groups))
    return score_realworld(facts, dev, groups)


def set_folders(which: str) -> tuple[Path, Path]:
    """The committed gold folder and the git-ignored texts folder of a real-article set."""
    return REAL_SETS[which]


def run_realworld(which: str, name: str, gguf: str, prompt: str, dev: DevSet) -> str:
    out = ROOT / "out" / "quality" / f"{which}-{name}-{prompt.replace('@', '-v')}"
    shutil.rmtree(out, ignore_errors=True)  # a fresh store: groups hold this run's facts only
    run_newsfacts(str(set_folders(which)[1].relative_to(ROOT)) + "/", name, gguf, prompt, out)
    return realworld_row(name, prompt, score_output(out, dev))


def realworld(args: argparse.Namespace) -> int:
    gold_folder, texts = set_folders(args.which)
    dev = load_dev_set(gold_folder)
    if args.verdicts_only:
        scores = validate_gold(dev, ROOT / "out" / "quality" / f"{args.which}-gold")
        print(REALWORLD_HEADER + "\n" + realworld_row("gold facts", "(no model)", scores))
        print("false conflicts:", *scores.false_conflicts, sep="\n  ")
        return 0
    problems = fetched_problems(texts, dev.articles)
    if problems and not args.score_only:
        print("\n".join(["The real-article texts are not ready:", *problems[:5], FILL_HINT]), file=sys.stderr)
        return EXIT_NO_TEXTS
    print(REALWORLD_HEADER)
    if args.score_only:
        print(realworld_row(args.score_only.name, "(scored)", score_output(args.score_only, dev)))
        return 0
    for candidate in args.candidate or []:
        name, gguf = candidate.split("=", 1)
        for prompt in args.prompt or []:
            print(run_realworld(args.which, name, gguf, prompt, dev), flush=True)
    return 0


def seeds(args: argparse.Namespace) -> int:
    print(SEEDS_HEADER)
    for candidate in args.candidate:
        name, gguf = candidate.split("=", 1)
        for prompt in args.prompt:
            print(run_pair(name, gguf, prompt), flush=True)
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("seeds", *REAL_SETS), default="seeds", dest="which")
    parser.add_argument("--candidate", action="append", help="NAME=GGUF path, or NAME=default")
    parser.add_argument("--prompt", action="append")
    parser.add_argument("--score-only", type=Path, help="realworld: score this run output folder, run nothing")
    parser.add_argument("--verdicts-only", action="store_true", help="realworld: validate the gold facts themselves")
    args = parser.parse_args()
    runs_model = not (args.which != "seeds" and (args.score_only or args.verdicts_only))
    if runs_model and not (args.candidate and args.prompt):
        parser.error("--candidate and --prompt are required to run a model")
    sys.exit(seeds(args) if args.which == "seeds" else realworld(args))


if __name__ == "__main__":
    main()
