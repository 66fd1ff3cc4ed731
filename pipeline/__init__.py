"""newsfacts: extract, ground and cross-check the quantitative facts in news articles.

Public API (re-exports only). Names are imported on first use (PEP 562), so `import pipeline`
stays cheap and the schema layer can use the primitives without import cycles.

Example:
    >>> from pathlib import Path
    >>> from pipeline import Settings, run_batch
    >>> result = run_batch(["seeds/"], Settings.from_env(replay=True), Path("out"))  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Settings": ".settings",
    "run_batch": ".runner",
    "RunResult": ".runner",
    "ArticleOutcome": ".runner",
    "load_articles": ".sources",
    "Article": ".sources",
    "extract": ".extraction",
    "ground_facts": ".grounding",
    "Store": ".store",
    "NewsfactsError": ".errors",
    "ConfigError": ".errors",
    "InputError": ".errors",
    "PromptError": ".errors",
    "ExtractionError": ".errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
