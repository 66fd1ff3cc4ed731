"""Schema: the base of every model sent to a model as a response schema.

The JSON schema of a response model goes out with every call (in the request and, in instructor's
JSON mode, in the system message). Pydantic builds it anew each time, which costs milliseconds per
call; `ResponseModel` builds it once per class. `context_of` reads a validator's context safely.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationInfo


class ResponseModel(BaseModel):
    """A Pydantic model whose default JSON schema is built once per class and copied out."""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:  # type: ignore[override]
        if args or kwargs:
            return super().model_json_schema(*args, **kwargs)
        if "_schema_cache" not in cls.__dict__:
            cls._schema_cache = super().model_json_schema()  # type: ignore[attr-defined]
        return copy.deepcopy(cls._schema_cache)  # type: ignore[attr-defined]


def context_of(info: ValidationInfo) -> Mapping[str, Any]:
    """The validation context, or an empty one when validation runs without one."""
    return info.context if info.context is not None else {}
