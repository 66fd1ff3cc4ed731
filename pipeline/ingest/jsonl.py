"""Primitive: read JSON-lines files of facts or gold facts into typed models.

Every error names the file and the line: bad JSON, `NaN` or `Infinity` (which JSON does not have,
but Python writes), a number too large for a float, nesting too deep, or a line that is not a valid
model. Such a file is refused whole; nothing downstream ever sees a non-finite number.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import InputError

M = TypeVar("M", bound=BaseModel)


class _NotFinite(ValueError):
    """A number JSON-lines input may not hold."""


def _reject_constant(name: str) -> Any:
    raise _NotFinite(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise _NotFinite(f"{text[:20]}{'…' if len(text) > 20 else ''} is too large for a number")
    return number


def _finite_int(text: str) -> int | float:
    number = int(text)
    _finite_float(text)  # an integer beyond a float's range would become inf in a fact
    return number


def parse_line(line: str) -> Any:
    """One JSON value; NaN, Infinity and numbers beyond a float's range are refused (ValueError)."""
    try:
        return json.loads(line, parse_constant=_reject_constant, parse_float=_finite_float, parse_int=_finite_int)
    except RecursionError:
        raise _NotFinite("JSON nested too deeply") from None


def read_jsonl(path: Path, model: type[M]) -> list[M]:
    """Parse a JSON-lines file into `model` objects; errors name the file and line."""
    items: list[M] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    for number, line in enumerate(lines, 1):
        if line.strip():
            items.append(_model_of(line, model, f"{path}:{number}"))
    return items


def _model_of(line: str, model: type[M], where: str) -> M:
    try:
        return model.model_validate(parse_line(line))
    except _NotFinite as exc:
        raise InputError(f"{where}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON (column {exc.colno}: {exc.msg})") from None
    except ValueError as exc:  # an integer with more digits than Python converts
        raise InputError(f"{where}: {exc}") from None
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(map(str, error["loc"]))
        raise InputError(f"{where}: not a valid {model.__name__}: {field + ': ' if field else ''}{error['msg']}") from None
