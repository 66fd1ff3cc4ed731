"""The import rules of DESIGN.md §2, as import-linter contracts (pyproject.toml), plus what they cannot see.

The contracts check the import graph: layers top to bottom, the model client out of reach of
checks, scanner, grounding and labelling strategies, openai and instructor imported by `llm`
alone, and the CLI imported by nothing. Importing a module also runs its packages' `__init__`
files, which the graph does not show, so what a report or a validation loads is checked by
importing it in a fresh interpreter.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(p for package in ("pipeline", "schemas") for p in (ROOT / package).rglob("*.py"))


def test_import_contracts_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0


@pytest.mark.parametrize("module, never", [
    ("pipeline.check.validation", {"openai", "instructor", "trafilatura", "pipeline.model.llm"}),
    ("pipeline.report.outputs", {"openai", "instructor", "trafilatura", "pipeline.ingest.sources"}),
    ("pipeline.extract.prompts", {"openai", "instructor", "trafilatura"}),
    ("schemas.extraction", {"pipeline"}),
])
def test_importing_a_module_loads_nothing_it_does_not_need(module: str, never: set[str]) -> None:
    code = f"import sys, {module}; print(sorted(set(sys.modules) & set({sorted(never)!r})))"
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]", f"importing {module} loads {loaded.strip()}"


def test_every_module_says_which_stage_it_is() -> None:
    for path in MODULES:
        doc = ast.get_docstring(ast.parse(path.read_text()))
        assert doc, f"{path} has no module docstring"
