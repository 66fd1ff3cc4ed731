"""Primitive: read JSON-lines files of facts or gold facts into typed models."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import InputError

M = TypeVar("M", bound=BaseModel)


def read_jsonl(path: Path, model: type[M]) -> list[M]:
    """Parse a JSON-lines file into `model` objects; errors name the file and line."""
    items: list[M] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from None
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                items.append(model.model_validate_json(line))
            except ValidationError as exc:
                raise InputError(f"{path}:{number}: not a valid {model.__name__}: {exc.errors()[0]['msg']}") from None
    return items
