"""newsfacts: extract, ground and cross-check the quantitative facts in news articles.

Public API (re-exports only). Names are imported on first use (PEP 562): importing any module of
the package runs this file first, and an eager re-export would load the whole library, the model
client (openai, instructor) included, for `newsfacts --help`, for `validate` and for a report.

Public API: `Pipeline` (run, extract, validate, and async twins), `process_batch` for
distributed engines, `load_articles`, `find_mentions` (the quantity scanner alone, no model),
`Settings`, the result types and the errors. Facts,
findings and reports are Pydantic models (`schemas.facts`, `schemas.validation`).

Example:
    >>> from pipeline import Pipeline, Settings
    >>> result = Pipeline(Settings.from_env(replay=True)).run(["seeds/"], "out")  # doctest: +SKIP
    >>> result.summary["counts"]["facts"]  # doctest: +SKIP
    23
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Pipeline": ".api",
    "process_batch": ".api",
    "ArticleResult": ".run.article_step",
    "Settings": ".settings",
    "run_batch": ".run.runner",
    "RunResult": ".run.runner",
    "load_articles": ".ingest.sources",
    "find_mentions": ".extract.mentions",
    "Article": ".ingest.sources",
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
