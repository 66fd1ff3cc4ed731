"""The import rules of DESIGN.md §2, checked on the source text of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL_LIBS = {"openai", "instructor"}
# Layers, top to bottom. A module may import only from its own layer or below.
LAYERS = {
    "cli": 5, "__main__": 5, "api": 4,
    "runner": 4, "article_step": 4, "batches": 4, "workers": 4, "distributed": 4,
    "extraction": 3, "endpoint": 3, "llm": 3, "local_model": 3, "cassettes": 3, "grounding": 3, "sources": 3,
    "store": 3, "store_backends": 3, "report": 3, "prompts": 3, "normalize": 3, "mentions": 3, "validation": 3,
    "labelling": 3, "prompt_spec": 3, "entities": 3, "chunking": 3, "coverage": 3, "evaluation": 3, "mention_rules": 3, "pricing": 3, "html_report": 3,
    "schemas": 2,
    "numbers": 1, "textnorm": 1, "periods": 1, "fx": 1, "jsonl": 1, "throttle": 1, "cleaning": 1, "settings": 1, "errors": 1, "__init__": 1,
}
OFFLINE = ("validation", "mentions", "mention_rules", "grounding", "normalize", "numbers", "textnorm", "schemas",
           "chunking", "coverage", "evaluation", "periods", "fx")


def imports_of(path: Path) -> set[str]:
    """Absolute names of everything a module imports; relative imports are resolved."""
    package = path.relative_to(ROOT).parts[:-1]
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = ".".join(package[: len(package) - node.level + 1])
                names.update(f"{parent}.{base}" if base else f"{parent}.{alias.name}" for alias in node.names)
            else:
                names.add(base)
    return names


def layer_of(path: Path) -> tuple[str, int]:
    if path.relative_to(ROOT).parts[0] == "schemas":
        return "schemas", LAYERS["schemas"]
    rel = path.relative_to(ROOT / "pipeline")
    name = rel.parts[0].removesuffix(".py")
    return name, LAYERS[name]


MODULES = sorted((ROOT / "pipeline").rglob("*.py")) + sorted((ROOT / "schemas").rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_module_respects_layers(path: Path) -> None:
    name, level = layer_of(path)
    for imported in imports_of(path):
        top = imported.split(".")[0]
        if top in MODEL_LIBS:
            assert name == "llm", f"{path.name} imports {imported}; only llm.py may"
        if top == "pipeline" and name != "__init__":
            target = imported.split(".")[1] if "." in imported else "__init__"
            assert target != "cli" or name == "__main__", f"{path.name} imports cli"
            assert LAYERS[target] <= level, f"{path.name} (layer {level}) imports {target} (layer {LAYERS[target]})"
        if top == "schemas":
            assert level >= LAYERS["schemas"], f"{path.name} imports schemas from below it"


@pytest.mark.parametrize("name", OFFLINE)
def test_deterministic_stages_never_import_model_libraries(name: str) -> None:
    paths = [p for p in MODULES if name in p.relative_to(ROOT).parts or p.stem == name]
    for path in paths:
        assert not {i.split(".")[0] for i in imports_of(path)} & MODEL_LIBS, path


def test_every_module_says_which_stage_it_is() -> None:
    for path in MODULES:
        doc = ast.get_docstring(ast.parse(path.read_text()))
        assert doc, f"{path} has no module docstring"
