"""Prompt files: strict loading, rendering, and the lock that keeps released versions fixed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.errors import PromptError
from pipeline.extract.prompt_spec import render
from pipeline.extract.prompts import check_lock, default_dir, list_prompts, load_prompt, lock, parse_ref


def test_every_shipped_prompt_matches_the_lock() -> None:
    assert check_lock() == []


def test_lock_has_an_entry_for_every_prompt_version() -> None:
    names = {p.name for p in list_prompts()}
    assert "extract_facts@1" in names


@pytest.mark.parametrize("ref, expected", [
    ("extract_facts@1", ("extract_facts", 1)),
    ("extract_facts@12", ("extract_facts", 12)),
    ("extract_facts@2#abcdef", ("extract_facts", 2)),
])
def test_parse_ref(ref: str, expected: tuple[str, int]) -> None:
    assert parse_ref(ref) == expected


@pytest.mark.parametrize("ref", ["extract_facts", "extract_facts@0", "Extract@1", "x@v1", "../etc@1"])
def test_bad_refs_are_rejected(ref: str) -> None:
    with pytest.raises(PromptError):
        parse_ref(ref)


@pytest.fixture
def prompt_copy(tmp_path: Path) -> Path:
    shutil.copytree(default_dir(), tmp_path / "prompts", ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return tmp_path / "prompts"


def test_changed_released_prompt_fails_the_lock_check(prompt_copy: Path) -> None:
    path = prompt_copy / "extract_facts" / "v1.yaml"
    path.write_text(path.read_text().replace("fact-checkers", "fact checkers"))
    problems = check_lock(prompt_copy)
    assert any("extract_facts@1 changed after release" in p.message and p.kind == "changed" for p in problems)
    with pytest.raises(PromptError, match="changed after release"):
        lock(prompt_copy)


def test_new_version_is_added_to_the_lock(prompt_copy: Path) -> None:
    v1 = prompt_copy / "extract_facts" / "v1.yaml"
    v9 = prompt_copy / "extract_facts" / "v9.yaml"
    v9.write_text(v1.read_text().replace("version: 1", "version: 9"))
    assert any("extract_facts@9 is not in" in p.message and p.kind == "unlocked" for p in check_lock(prompt_copy))
    assert "extract_facts@9" in lock(prompt_copy)
    assert check_lock(prompt_copy) == []


@pytest.mark.parametrize("mutation, message", [
    (("response_model: ExtractionResult", "response_model: ExtractionResult\nsurprise: 1"), "surprise"),
    (("{text}", "{body}"), "unknown template fields"),
    (("version: 1", "version: 2"), "declares extract_facts@2"),
    (("response_model: ExtractionResult", "response_model: ExtractionResults"), r"v1\.yaml: unknown response_model 'ExtractionResults'"),
])
def test_malformed_prompt_files_are_refused(prompt_copy: Path, mutation: tuple[str, str], message: str) -> None:
    path = prompt_copy / "extract_facts" / "v1.yaml"
    path.write_text(path.read_text().replace(*mutation))
    with pytest.raises(PromptError, match=message):
        load_prompt("extract_facts@1", prompt_copy)


def test_render_puts_the_article_in_the_user_message_verbatim() -> None:
    text = "Prices rose {sharply} by 4.9% — a seven-year high."
    messages = render(load_prompt("extract_facts@1"), {"text": text, "source": "Outlet", "published": None})
    assert [m["role"] for m in messages] == ["system", "user"]
    assert text in messages[1]["content"]
    assert "Published: unknown" in messages[1]["content"]


def test_ref_carries_the_content_hash() -> None:
    prompt = load_prompt("extract_facts@1")
    assert prompt.ref == f"extract_facts@1#{prompt.sha256[:12]}"


@pytest.mark.parametrize("ref, expected", [
    ("extract_facts@1", "Return every quantitative fact in this article as JSON."),
    ("extract_facts@2", "⟦m3: 22.6 billion euro⟧"),
])
def test_prompts_render_shows_the_exact_first_call(ref: str, expected: str) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    seed = Path(__file__).resolve().parent.parent / "seeds" / "001_d62aa7f765da4adb.txt"
    result = CliRunner().invoke(app, ["prompts", "render", ref, str(seed)])
    assert result.exit_code == 0
    assert "----- system -----" in result.stdout and expected in result.stdout


def test_every_shipped_prompt_names_a_labelling_strategy() -> None:
    from pipeline.extract.labelling import STRATEGIES, strategy_for

    assert {strategy_for(p).response_model for p in list_prompts()} == set(STRATEGIES)
