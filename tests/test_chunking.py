"""Chunking: long articles split within budget on the best boundary, and the chunks' facts merged back."""

from __future__ import annotations

import random
from typing import Any

import pytest

from pipeline.extract.chunking import Chunk, merge_facts, shift_span, split_text
from schemas.facts import QuantFact

SUBJECTS = ["Output in the district", "Steel exports", "The jobless rate", "Rail freight", "Core inflation",
            "Grain shipments", "Factory orders", "The trade surplus"]
VERBS = ["rose", "fell", "climbed", "slipped", "was revised to", "reached"]
TAILS = ["in the third quarter.", "from a year earlier, officials said.", "according to the ministry.",
         "after two weak months.", "the statistics office reported on Tuesday."]


def sentence(rng: random.Random) -> str:
    number = f"{rng.randint(1, 999)}.{rng.randint(0, 9)}"
    unit = rng.choice(["%", " billion dollars", " million tonnes", " points"])
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {number}{unit} {rng.choice(TAILS)}"


def article(paragraphs: int, seed: int = 7) -> str:
    """Paragraphs of one to three varied sentences with numbers (each paragraph < 400 characters)."""
    rng = random.Random(seed)
    return "\n\n".join(" ".join(sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(paragraphs))


def one_paragraph(sentences: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    return " ".join(sentence(rng) for _ in range(sentences))


LONG = article(400)
GIANT = one_paragraph(900)
LINES = one_paragraph(600).replace(". ", ".\n")


def test_the_synthetic_article_is_long() -> None:
    assert len(LONG) > 50_000 and LONG.count("\n\n") == 399


def check_chunks(text: str, chunks: list[Chunk], budget: int) -> None:
    """Within budget, in order, numbered, faithful to the text, and covering all of it with no gap."""
    assert [c.index for c in chunks] == list(range(len(chunks)))
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    assert all(c.text == text[c.start:c.end] and 0 < len(c.text) <= budget for c in chunks)
    for before, after in zip(chunks, chunks[1:]):
        assert before.start < after.start <= before.end < after.end


@pytest.mark.parametrize("text, budget, overlap", [
    (LONG, 6000, 400),
    (LONG, 12_000, 0),
    (LONG, 801, 400),  # barely more than twice the overlap: still progresses
    (GIANT, 5000, 300),
    (LINES, 4000, 200),
    ("word " * 5000, 3000, 100),
    ("x" * 20_000, 3000, 100),
    (article(40) + "\n\n" + one_paragraph(200) + "\n\n" + article(40), 6000, 400),  # one paragraph over budget
])
def test_chunks_cover_the_text_within_budget(text: str, budget: int, overlap: int) -> None:
    chunks = split_text(text, budget, overlap)
    assert len(chunks) > 1
    check_chunks(text, chunks, budget)


def test_long_article_splits_on_paragraphs_with_overlap() -> None:
    chunks = split_text(LONG, 6000, 400)
    # Paragraphs are under 400 characters and the overlap under 800: each chunk adds 4,800 or more.
    assert len(LONG) // 6000 < len(chunks) <= len(LONG) // 4800 + 1
    assert all(LONG[c.start - 2:c.start] == "\n\n" for c in chunks[1:])  # starts at a paragraph start
    assert all(LONG[c.end - 2:c.end] == "\n\n" for c in chunks[:-1])  # ends after a paragraph
    assert all(400 <= before.end - after.start <= 800 for before, after in zip(chunks, chunks[1:]))


def test_no_overlap_means_chunks_meet() -> None:
    chunks = split_text(LONG, 6000, 0)
    assert all(before.end == after.start for before, after in zip(chunks, chunks[1:]))


@pytest.mark.parametrize("text, budget, overlap, edges", [
    (GIANT, 5000, 300, {". "}),  # no blank line or line end: sentence ends
    (LINES, 4000, 200, {".\n"}),  # single line ends, no blank lines
    ("Is it up? Yes! It rose 3%. " * 400, 2000, 100, {"? ", "! ", ". "}),
    ("word " * 5000, 3000, 100, {"d "}),  # no punctuation: whitespace
])
def test_fallback_boundaries(text: str, budget: int, overlap: int, edges: set[str]) -> None:
    chunks = split_text(text, budget, overlap)
    assert all(text[c.end - 2:c.end] in edges for c in chunks[:-1])
    assert all(text[c.start - 2:c.start] in edges for c in chunks[1:])


def test_text_without_whitespace_is_cut_hard() -> None:
    chunks = split_text("x" * 20_000, 3000, 100)
    assert [len(c.text) for c in chunks[:-1]] == [3000] * (len(chunks) - 1)
    assert all(before.end - after.start == 100 for before, after in zip(chunks, chunks[1:]))


@pytest.mark.parametrize("text, budget, overlap", [("short text", 1000, 400), ("", 10, 0), ("x\n\n" * 250, 1000, 100)])
def test_text_within_budget_is_one_chunk(text: str, budget: int, overlap: int) -> None:
    assert split_text(text, budget, overlap) == [Chunk(0, 0, len(text), text)]


@pytest.mark.parametrize("budget, overlap, message", [
    (0, 0, "budget"), (-5, 1, "budget"), (800, 400, "twice the overlap"), (500, 300, "twice the overlap"),
    (1000, -1, "overlap"),
])
def test_bad_arguments_are_refused(budget: int, overlap: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        split_text("text", budget, overlap)


@pytest.mark.parametrize("span, offset, shifted", [((3, 9), 100, (103, 109)), ((0, 4), 0, (0, 4)), (None, 50, None)])
def test_shift_span(span: tuple[int, int] | None, offset: int, shifted: tuple[int, int] | None) -> None:
    assert shift_span(span, offset) == shifted


def fact(fact_id: str, **changes: Any) -> QuantFact:
    base: dict[str, Any] = dict(
        fact_id=fact_id, article_id="art", entity="X", metric="gdp_real_growth", value=3.1, unit="percent",
        quote="GDP grew 3.1% in 2023.", span=(100, 122), grounding="exact",
    )
    return QuantFact(**{**base, **changes})


@pytest.mark.parametrize("parts, kept", [
    ([[fact("a")], [fact("b")]], ["a"]),  # the same fact seen in two overlapping chunks
    ([[fact("a")], [fact("b", value=4.0)]], ["a", "b"]),  # same place, different numbers
    ([[fact("a")], [fact("b", metric="inflation_rate")]], ["a", "b"]),  # same place and number, other metric
    ([[fact("a")], [fact("b", value=3.1 * (1 + 1e-9))]], ["a"]),  # equal within 1e-6
    ([[fact("a")], [fact("b", value=3.1001)]], ["a", "b"]),
    ([[fact("a", grounding="none")], [fact("b")]], ["b"]),  # the grounded copy wins
    ([[fact("a", grounding=None)], [fact("b", grounding="fuzzy")]], ["b"]),
    ([[fact("a", grounding="fuzzy")], [fact("b", grounding="exact")], [fact("c", grounding="fuzzy")]], ["b"]),
    ([[fact("a", span=(105, 127))], [fact("b", span=(100, 122))]], ["a"]),  # equally grounded: the first
    ([[fact("a", span=(100, 160))], [fact("b", span=(120, 130))]], ["a"]),  # one span inside the other
    ([[fact("a", span=(100, 120))], [fact("b", span=(110, 140))]], ["a"]),  # shares half of the shorter
    ([[fact("a", span=(100, 120))], [fact("b", span=(111, 140))]], ["a", "b"]),  # shares less than half
    ([[fact("a", span=(100, 122))], [fact("b", span=(122, 140))]], ["a", "b"]),  # only touching
    ([[fact("a", span=(100, 122))], [fact("b", span=(300, 322))]], ["a", "b"]),  # same number, other place
    # two marked numbers of one sentence ("96% rejected the offer and 96% approved the strike")
    ([[fact("a", mention_span=(109, 112)), fact("b", mention_span=(150, 153))]], ["a", "b"]),
    ([[fact("a", mention_span=(109, 112))], [fact("b", mention_span=(109, 112), grounding="fuzzy")]], ["a"]),
])
def test_merge_facts_with_spans(parts: list[list[QuantFact]], kept: list[str]) -> None:
    assert [f.fact_id for f in merge_facts(parts)] == kept


@pytest.mark.parametrize("parts, kept", [
    ([[fact("a", span=None)], [fact("b", span=None, quote="gdp  grew 3.1% in 2023. ")]], ["a"]),  # same quote
    ([[fact("a", span=None, quote="GDP grew \u201c3.1%\u201d.")], [fact("b", span=None, quote='GDP grew "3.1%".')]],
     ["a"]),
    ([[fact("a", span=None, grounding="none")], [fact("b", span=None, grounding="fuzzy")]], ["b"]),
    ([[fact("a", span=None)], [fact("b", span=None, quote="Growth was 3.1% in 2023.")]], ["a", "b"]),
    ([[fact("a", span=None)], [fact("b", span=None, unit="percentage_points")]], ["a", "b"]),
    ([[fact("a", span=None)], [fact("b", span=None, value=3.2)]], ["a", "b"]),
    ([[fact("a", span=None)], [fact("b")]], ["b", "a"]),  # a span and no span are never copies
])
def test_merge_facts_without_spans(parts: list[list[QuantFact]], kept: list[str]) -> None:
    assert [f.fact_id for f in merge_facts(parts)] == kept


def test_merge_orders_by_span_start_with_spanless_last() -> None:
    parts = [
        [fact("n1", span=None, quote="first"), fact("c", span=(300, 322), value=1.0)],
        [fact("a", span=(10, 30), value=2.0), fact("n2", span=None, quote="second"), fact("b", span=(10, 50), value=5.0)],
    ]
    assert [f.fact_id for f in merge_facts(parts)] == ["a", "b", "c", "n1", "n2"]


@pytest.mark.parametrize("same_value", [False, True])
def test_merge_of_many_overlapping_copies_keeps_each_fact_once(same_value: bool) -> None:
    facts = [fact(f"f{i}", value=1.0 if same_value else float(i), span=(i * 25, i * 25 + 22)) for i in range(2000)]
    copies = [fact(f"g{i}", value=f.value, span=shift_span(f.span, 3), grounding="fuzzy") for i, f in enumerate(facts)]
    merged = merge_facts([copies[1000:], facts, copies[:1000]])
    assert [f.fact_id for f in merged] == [f.fact_id for f in facts]
