"""Unit tests for schemas.primitives.textnorm: normalization with a map back to the original text."""

from __future__ import annotations

import pytest

from schemas.primitives.textnorm import fold_text, fold_with_map, original_span

NORMALIZE_CASES: list[tuple[str, str]] = [
    ("North Korea\u2019s economy", "north korea's economy"),
    ("\u2018a significant boost\u2019", "'a significant boost'"),
    ("\u201cWe will respond,\u201d he said", '"we will respond," he said'),
    ("\u201eZitat\u201c", '"zitat"'),
    ("\u00abune hausse\u00bb", '"une hausse"'),
    ("2022\u201323", "2022-23"),
    ("prices \u2014 and wages \u2015 rose", "prices - and wages - rose"),
    ("\u22124.5%", "-4.5%"),
    ("non\u2011binding", "non-binding"),
    ("3\u2032 and 4\u2033", "3' and 4\""),
    ("$24.5\u00a0billion", "$24.5 billion"),
    ("grew 3.1%\nin 2023", "grew 3.1% in 2023"),
    ("one  million\t\tshells", "one million shells"),
    ("  leading and trailing \n", "leading and trailing"),
    ("zero\u200bwidth\u200d joiner\ufeff", "zerowidth joiner"),
    ("\u202aBiDi\u202c \u2066isolate\u2069\u200e", "bidi isolate"),
    ("soft\u00adhyphen", "softhyphen"),
    ("\ufb01nance", "finance"),
    ("\uff11\uff10\uff10 shells", "100 shells"),
    ("KOREA", "korea"),
    ("", ""),
    (" \u00a0\n\t", ""),
]


@pytest.mark.parametrize(("text", "expected"), NORMALIZE_CASES)
def test_normalize(text: str, expected: str) -> None:
    assert fold_text(text) == expected


@pytest.mark.parametrize(("text", "expected"), NORMALIZE_CASES)
def test_map_has_one_in_range_offset_per_character(text: str, expected: str) -> None:
    normalized, offsets = fold_with_map(text)
    assert normalized == expected
    assert len(offsets) == len(normalized)
    assert offsets == sorted(offsets)
    assert all(0 <= i < len(text) for i in offsets)


@pytest.mark.parametrize(
    "text",
    ["Plain ASCII text.", "North Korea\u2019s \u201cboost\u201d", "a\u00a0b \u2014 c", "\ufb01ne \u0130stanbul"],
)
def test_every_character_maps_to_its_source(text: str) -> None:
    normalized, offsets = fold_with_map(text)
    for char, index in zip(normalized, offsets):
        assert char in fold_text(text[index]) or (char == " " and text[index].isspace())


def test_expanding_characters_share_a_source_index() -> None:
    normalized, offsets = fold_with_map("x\ufb01y")  # the "fi" ligature becomes two letters
    assert normalized == "xfiy"
    assert offsets == [0, 1, 1, 2]
    dotted, dotted_offsets = fold_with_map("\u0130")  # capital I with dot lowers to two chars
    assert len(dotted) == 2 and dotted_offsets == [0, 0]


def test_collapsed_whitespace_maps_to_first_space() -> None:
    normalized, offsets = fold_with_map("a \n\t b")
    assert normalized == "a b"
    assert offsets == [0, 1, 5]


def test_dropped_characters_are_skipped_in_the_map() -> None:
    normalized, offsets = fold_with_map("\u200bab\u200ec")
    assert normalized == "abc"
    assert offsets == [1, 2, 4]


@pytest.mark.parametrize(
    ("text", "needle", "original"),
    [
        ("North Korea\u2019s GDP grew 3.1%.", "korea's gdp", "Korea\u2019s GDP"),
        ("worth  $24.5\u00a0billion  in all", "$24.5 billion", "$24.5\u00a0billion"),
        ("  \u201cOne million shells,\u201d he said", '"one million shells,"', "\u201cOne million shells,\u201d"),
        ("the 2022\u201323 budget", "2022-23", "2022\u201323"),
        ("re\u200bsearch finds", "research", "re\u200bsearch"),
        ("line one\nline two", "one line", "one\nline"),
    ],
)
def test_original_span_recovers_the_original_slice(text: str, needle: str, original: str) -> None:
    normalized, offsets = fold_with_map(text)
    nstart = normalized.index(needle)
    start, end = original_span(offsets, len(text), nstart, nstart + len(needle))
    assert text[start:end] == original


@pytest.mark.parametrize(
    ("nstart", "nend", "expected"),
    [
        (0, 5, (2, 9)),     # the whole text, without the outer spaces
        (0, 0, (2, 2)),     # empty span at the start
        (3, 3, (7, 7)),     # empty span in the middle sits before "c"
        (5, 5, (9, 9)),     # empty span at the end sits just after "d"
        (-3, 2, (2, 4)),    # negative start is clamped
        (3, 99, (7, 9)),    # end past the text is clamped
        (4, 2, (8, 8)),     # reversed span is empty
        (2, 3, (4, 5)),     # the collapsed whitespace maps to its first character
    ],
)
def test_original_span_edge_cases(nstart: int, nend: int, expected: tuple[int, int]) -> None:
    text = "  ab \n cd  "
    normalized, offsets = fold_with_map(text)
    assert normalized == "ab cd"
    assert original_span(offsets, len(text), nstart, nend) == expected


def test_original_span_of_empty_normalized_text() -> None:
    _, offsets = fold_with_map(" \u200b ")
    assert original_span(offsets, 3, 0, 0) == (3, 3)
