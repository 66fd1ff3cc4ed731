"""Benchmark (mentions stage): the quantity scanner against the hand-written set in tests/data/scanner/.

Usage:

    .venv/bin/python benchmarks/scanner.py                   # P/R/F1 overall and per class
    .venv/bin/python benchmarks/scanner.py --misses range    # every error on the sentences of one class ("all": of all)

Runs `pipeline.extract.mentions.quantities` on every sentence of `tests/data/scanner/sentences.jsonl` and
scores it at three levels, as quantity extractors are scored:

- value: the value (and, for a range, both ends, in either order) matches within a relative 1e-6;
  the sign counts, so "-1.3%" read as 1.3 is a miss;
- value+unit: a value match whose unit is also right (units are compared as `same_unit` says);
- value+change: a value match whose direction (up, down or none) is also right.

Each gold quantity is paired with at most one predicted quantity of the same value. When several
could pair, spans that overlap the gold span win, then the nearest start. Precision is pairs /
predicted, recall is pairs / gold, at each level. The conventions of the set are in
tests/data/scanner/README.md. The scoring functions are importable (tests/test_scanner_set.py).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script from a checkout, like the other benchmarks
DATA = ROOT / "tests" / "data" / "scanner" / "sentences.jsonl"

# The classes of issue 15's "Scanner" section, then the classes found while writing the set.
ISSUE_CLASSES: dict[str, str] = {
    "words_decimal": "decimals spoken: 'two point five percent', '3 point 4 million', 'one and a half'",
    "words_fraction": "fractions and proportions: 'two-thirds', 'one in five', 'half of'",
    "words_one": "'one' when it counts something",
    "words_vague": "vague amounts as ranges: 'tens of thousands', 'dozens', 'hundreds of'",
    "words_multiplier": "multipliers: 'sixfold', '2.5 times', '4 hundred'",
    "scale_abbrev": "scale abbreviations: '8 B', '55m', '$1.2bn', '3.4tn'",
    "sign_minus": "signs written out: 'minus 5', '-1.3%' after a name",
    "sign_verb": "signs set by the movement: 'contracted 3.2%', 'a 0.7% dip'",
    "direction_level": "a change gets a direction, the level it reaches does not",
    "range": "'from A to B', 'between A and B', 'A-B', 'A or B'",
    "by_to": "'increased by X to Y': two quantities, not a range",
    "not_name": "numbers inside names and street addresses",
    "not_time": "clock times and timestamps",
    "not_score": "sports scores",
    "not_date": "years and dates",
    "unit_rate": "rates keep their denominator: 'USD per barrel', 'USD per month'",
    "unit_pc": "'pc' for percent",
    "unit_bps": "basis points kept as basis points",
    "unit_pounds": "'pounds' as weight or money, by context",
    "unit_glued_currency": "currency codes glued to digits: US$, A$, HK$, Rs, ¥, £",
    "unit_shared": "a unit shared by two numbers: 'eight or nine euros'",
    "baseline": "plain digits with a plain unit",
}
EXTRA_CLASSES: dict[str, str] = {
    "words_plain": "whole numbers in words: 'forty-five', 'a dozen', 'half a billion'",
    "hedge": "the contract's qualifiers: 'more than', 'at least', 'up to', 'nearly'",
    "duration": "lengths of time: '12 years', 'a 90-day ceasefire'",
    "measure": "physical units: 'magnitude 6.4', '41.2C', '150 mph'",
    "indian_scale": "lakh and crore",
    "list": "several figures in one sentence, with their own years",
    "not_ordinal": "ordinals and ranks",
    "not_phrase": "numbers that only join a phrase: 'the two Koreas', 'one of the'",
    "mixed": "longer news sentences with several kinds of quantity",
}
CLASSES = {**ISSUE_CLASSES, **EXTRA_CLASSES}
LEVELS = ("value", "value+unit", "value+change")


@dataclass(frozen=True)
class Quantity:
    """One quantity, gold or predicted: `text` sits at [start, end) of its sentence."""

    text: str
    start: int
    end: int
    value: float
    value_max: float | None
    unit: str | None
    qualifier: str
    direction: str | None


@dataclass(frozen=True)
class Sentence:
    id: str
    classes: tuple[str, ...]
    text: str
    gold: tuple[Quantity, ...]


@dataclass
class Counts:
    """Sums over sentences: gold and predicted quantities, and the pairs right at each level."""

    gold: int = 0
    predicted: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    qualifier: int = 0
    empty: int = 0  # sentences with no gold quantity
    empty_clean: int = 0  # ... and no prediction either

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.qualifier += other.qualifier
        self.empty += other.empty
        self.empty_clean += other.empty_clean
        for level in LEVELS:
            self.right[level] += other.right[level]


# --- loading ----------------------------------------------------------------------------------


def gold_quantities(text: str, raw: list[dict]) -> tuple[Quantity, ...]:
    """Gold quantities with spans: each `text` is found at or after the previous one's start + 1."""
    found, pos = [], 0
    for item in raw:
        start = text.find(item["text"], pos)
        if start < 0:
            raise ValueError(f"gold text {item['text']!r} not found in order in {text!r}")
        found.append(Quantity(item["text"], start, start + len(item["text"]), item["value"], item["value_max"],
                              item["unit"], item["qualifier"], item["direction"]))
        pos = start + 1
    return tuple(found)


def load_sentences(path: Path = DATA) -> list[Sentence]:
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            sentences.append(Sentence(row["id"], tuple(row["class"]), row["text"], gold_quantities(row["text"], row["gold"])))
    return sentences


# --- comparing --------------------------------------------------------------------------------

_IRREGULAR = {"people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman",
              "feet": "foot", "staff": "staff", "aircraft": "aircraft"}
_ALIASES = {"kilometre": "kilometer", "km": "kilometer", "metre": "meter", "centimetre": "centimeter",
            "millimetre": "millimeter", "litre": "liter", "head": "capita"}
_WHOLE = {"percent", "percentage points", "basis points"}


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def normalize_unit(unit: str | None) -> str | None:
    """Compare form: lower case; each side of "per" reduced to its last word, singular ("artillery_shells" -> "shell")."""
    if unit is None:
        return None
    text = " ".join(unit.lower().replace("_", " ").replace("-", " ").split())
    if text in _WHOLE:
        return text
    parts = []
    for part in text.split(" per "):
        head = _singular(part.split()[-1]) if part.split() else part
        parts.append(_ALIASES.get(head, head))
    return " per ".join(parts)


def same_unit(gold: str | None, predicted: str | None) -> bool:
    return normalize_unit(gold) == normalize_unit(predicted)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _ends(q: Quantity, signed: bool) -> list[float]:
    ends = [q.value] if q.value_max is None else [q.value, q.value_max]
    return sorted(ends if signed else [abs(x) for x in ends])


def same_value(gold: Quantity, predicted: Quantity, signed: bool = True) -> bool:
    """Signed values match within 1e-6; a range matches a range with the same two ends, in any order.

    `signed=False` compares absolute values: a diagnostic that shows how much of a score is lost to signs.
    """
    if (gold.value_max is None) != (predicted.value_max is None):
        return False
    if gold.value_max is None:
        return _close(_ends(gold, signed)[0], _ends(predicted, signed)[0])
    ends = _ends(gold, signed), _ends(predicted, signed)
    return _close(ends[0][0], ends[1][0]) and _close(ends[0][1], ends[1][1])


def overlaps(a: Quantity, b: Quantity) -> bool:
    return a.start < b.end and b.start < a.end


def match(gold: Iterable[Quantity], predicted: Iterable[Quantity], signed: bool = True) -> list[tuple[Quantity, Quantity]]:
    """Pairs (gold, predicted) of equal value, each used once: overlapping spans first, then nearest."""
    gold, predicted = list(gold), list(predicted)
    candidates = sorted(
        ((not overlaps(g, p), abs(g.start - p.start), gi, pi)
         for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if same_value(g, p, signed)))
    used_gold, used_pred, pairs = set(), set(), []
    for _, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return sorted(pairs, key=lambda pair: pair[0].start)


# --- scoring ----------------------------------------------------------------------------------


def count(gold: Iterable[Quantity], predicted: Iterable[Quantity], signed: bool = True) -> Counts:
    """The counts of one sentence."""
    gold, predicted = list(gold), list(predicted)
    pairs = match(gold, predicted, signed)
    right = {
        "value": len(pairs),
        "value+unit": sum(same_unit(g.unit, p.unit) for g, p in pairs),
        "value+change": sum(g.direction == p.direction for g, p in pairs),
    }
    qualifier = sum(g.qualifier == p.qualifier for g, p in pairs)
    return Counts(len(gold), len(predicted), right, qualifier, int(not gold), int(not gold and not predicted))


def prf(right: int, predicted: int, gold: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1; None where a denominator is zero."""
    precision = right / predicted if predicted else None
    recall = right / gold if gold else None
    if precision is None or recall is None:
        return precision, recall, None
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


Predictor = Callable[[str], list[Quantity]]


def score(sentences: Iterable[Sentence], predictor: Predictor, signed: bool = True) -> dict[str, Counts]:
    """Counts for "overall" and for every class tag, a sentence counting in each of its classes."""
    table: dict[str, Counts] = {"overall": Counts()}
    for sentence in sentences:
        counts = count(sentence.gold, predictor(sentence.text), signed)
        for key in ("overall", *sentence.classes):
            table.setdefault(key, Counts()).add(counts)
    return table


def scanner_quantities(text: str) -> list[Quantity]:
    """The scanner's quantities as `Quantity` objects."""
    from pipeline.extract.mentions import quantities

    return [Quantity(m.text, m.start, m.end, m.value, m.value_max, m.unit, m.qualifier, m.direction)
            for m in quantities(text)]


# --- reporting --------------------------------------------------------------------------------


def _describe(q: Quantity) -> str:
    value = f"{q.value:g}" if q.value_max is None else f"{q.value:g}..{q.value_max:g}"
    return f"{q.text!r} {value} {q.unit} {q.qualifier} {q.direction}"


def errors(sentence: Sentence, predicted: list[Quantity]) -> list[str]:
    """One line per error: a gold quantity missed, a prediction with no gold, a wrong unit or direction."""
    pairs = match(sentence.gold, predicted)
    paired_gold = {id(g) for g, _ in pairs}
    paired_pred = {id(p) for _, p in pairs}
    lines = [f"  MISS   gold {_describe(g)}" for g in sentence.gold if id(g) not in paired_gold]
    lines += [f"  EXTRA  pred {_describe(p)}" for p in predicted if id(p) not in paired_pred]
    for g, p in pairs:
        if not same_unit(g.unit, p.unit):
            lines.append(f"  UNIT   {g.text!r}: gold {g.unit}, pred {p.unit}")
        if g.direction != p.direction:
            lines.append(f"  DIR    {g.text!r}: gold {g.direction}, pred {p.direction}")
    return lines


def _pct(x: float | None) -> str:
    return "    —" if x is None else f"{100 * x:5.1f}"


def format_row(name: str, counts: Counts, sentences: int) -> str:
    cells = []
    for level in LEVELS:
        cells.append(" ".join(_pct(x) for x in prf(counts.right[level], counts.predicted, counts.gold)))
    return f"{name:21} {sentences:5} {counts.gold:5} {counts.predicted:5} | " + " | ".join(cells)


def report(sentences: list[Sentence], table: dict[str, Counts]) -> str:
    sizes = {name: sum(name in s.classes for s in sentences) for name in CLASSES}
    head = f"{'class':21} {'sents':>5} {'gold':>5} {'pred':>5} | " + " | ".join(f"{lvl + ' P/R/F1':>17}" for lvl in LEVELS)
    lines = [head, "-" * len(head), format_row("overall", table["overall"], len(sentences)), ""]
    for name in CLASSES:
        lines.append(format_row(name, table.get(name, Counts()), sizes[name]))
    overall = table["overall"]
    lines.append("")
    lines.append(f"qualifier right on {overall.qualifier} of {overall.right['value']} value matches")
    lines.append(f"sentences with no quantity: {overall.empty}, of which {overall.empty_clean} got no prediction")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", metavar="CLASS", help="list the errors on the sentences of one class (or of all)")
    parser.add_argument("--ignore-sign", action="store_true",
                        help="diagnostic: compare absolute values (the set's figures are signed)")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    sentences = load_sentences(args.data)
    if args.misses:
        if args.misses not in CLASSES and args.misses != "all":
            parser.error(f"unknown class {args.misses!r}; one of: all, {', '.join(CLASSES)}")
        for sentence in (s for s in sentences if args.misses in s.classes or args.misses == "all"):
            lines = errors(sentence, scanner_quantities(sentence.text))
            if lines:
                print(f"[{sentence.id}] {sentence.text}", *lines, sep="\n")
        return
    if args.ignore_sign:
        print("values compared without their sign (diagnostic; the set's figures are signed)")
    print(report(sentences, score(sentences, scanner_quantities, signed=not args.ignore_sign)))
    print(speed())


LONG_TEXT = "In 2023 output grew 3.1% to $2.77 billion, with about 2 million workers. " * 700


def speed(runs: int = 5) -> str:
    """How long one scan of a 50,000-character text takes: the guard against quadratic behaviour."""
    from pipeline.extract.mentions import scan

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        scan(LONG_TEXT)
        times.append(time.perf_counter() - started)
    return f"scan of a {len(LONG_TEXT):,}-character text: median {statistics.median(times) * 1000:.0f} ms over {runs} runs"


if __name__ == "__main__":
    main()
