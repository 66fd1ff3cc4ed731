"""Schema: the base of every model sent to a model as a response schema.

The JSON schema of a response model goes out with every call (in the request and, in instructor's
JSON mode, in the system message). Pydantic builds it anew each time, which costs milliseconds per
call; `ResponseModel` builds it once per class.

Validators that check an answer against the article read their context with `context_of`: the
context given to `model_validate`, or else the one `validation_context` has set for the current
task. The model call sets it that way rather than through instructor's `context=`, because
instructor then renders every message as a Jinja template, which costs about 1.5 ms of CPU per
call and would rewrite any `{{ ... }}` in an untrusted article.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from pydantic import BaseModel, ValidationInfo

from .primitives.names import name_found
from .primitives.scripts import foreign_letters


class ResponseModel(BaseModel):
    """A Pydantic model whose default JSON schema is built once per class; each caller gets a fresh copy."""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:  # type: ignore[override]
        if args or kwargs:
            return super().model_json_schema(*args, **kwargs)
        if "_schema_json" not in cls.__dict__:
            cls._schema_json = json.dumps(super().model_json_schema())  # type: ignore[attr-defined]
        # Parsing the kept JSON text is ten times cheaper than copy.deepcopy of the dict.
        return json.loads(cls._schema_json)  # type: ignore[attr-defined,no-any-return]


_TASK_CONTEXT: ContextVar[Mapping[str, Any] | None] = ContextVar("newsfacts_validation_context", default=None)


@contextmanager
def validation_context(context: Mapping[str, Any]) -> Iterator[None]:
    """Within the block (and only in the current task), validators without a context see `context`."""
    token = _TASK_CONTEXT.set(context)
    try:
        yield
    finally:
        _TASK_CONTEXT.reset(token)


def context_of(info: ValidationInfo) -> Mapping[str, Any]:
    """The context given to this validation, else the task's `validation_context`, else an empty one."""
    if info.context is not None:
        return info.context
    return _TASK_CONTEXT.get() or {}


def reject_foreign_script(fields: Mapping[str, str | None], context: Mapping[str, Any]) -> None:
    """Raise, as an instruction to the model, when a field it wrote uses a script the article does not.

    The context's "scripts" are the article's own (`scripts_in(article.text)`); without them, nothing is checked."""
    allowed = context.get("scripts")
    if allowed is None:
        return
    for name, value in fields.items():
        found = foreign_letters(value, allowed) if value else None
        if found is not None:
            raise ValueError(f"{name} «{value}» has {found[1].lower()} letters («{found[0]}») that the article never "
                             f"uses: write {name} with the article's own words")


def named_in_article(value: str, context: Mapping[str, Any]) -> bool:
    """Whether the context's article "text" (or its "outlet") names `value`; True without a text."""
    text = context.get("text")
    return text is None or name_found(value, text) or name_found(value, context.get("outlet") or "")


def reject_unfound_names(fields: Mapping[str, str | None], context: Mapping[str, Any]) -> None:
    """Raise, as an instruction to the model, when an entity or attribution it wrote is not named in
    the article (`schemas.primitives.names`: inflections, initialisms and a few equivalents count).

    The context's "text" is the article, or the chunk asked about; without it, nothing is checked.
    Its "outlet", the publication's name, counts too: an outlet may be who says a figure."""
    for name, value in fields.items():
        if value and not named_in_article(value, context):
            raise ValueError(f"{name} «{value}» is not named in the article: write {name} with the article's own "
                             f"words for who or what it is, or null if the article names none")
