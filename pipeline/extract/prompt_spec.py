"""Stage (extraction, prompts): what a prompt is — its strict spec, its provenance, its rendering.

`PromptSpec` is a prompt file's content (extra keys refused, only known template fields);
`LoadedPrompt` adds the file's hash, the unit of provenance (`id@N#hash`); `render` turns it into
the exact chat messages. Loading files and the lock are in `prompts.py`.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, field_validator

TEMPLATE_FIELDS = frozenset({
    "text", "title", "source", "published", "url", "article_id", "marked_text", "mention_ids", "notes",
    "preceding", "sentence", "quantity", "quantity_kind", "metrics", "quantities",
})


class PromptParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    temperature: float = 0.0
    max_tokens: int | None = Field(None, gt=0)
    quantities_per_call: int | None = Field(None, gt=0)  # prompt v4: quantities labelled in one call
    kind_only_follow_up: bool = False  # prompt v7: ask once more for the metric of a label that only names the kind of number
    facts_by_grammar: bool = False  # prompt v7: the grammar answers money, percentages and counts in the millions as facts


class PromptSpec(BaseModel):
    """One released prompt version, exactly as written in its YAML file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    version: int = Field(gt=0)
    description: str
    response_model: str
    params: PromptParams = Field(default_factory=PromptParams)
    system: str
    user: str

    @field_validator("system", "user")
    @classmethod
    def _known_fields_only(cls, template: str) -> str:
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
        except ValueError as exc:
            raise ValueError(f"bad template syntax: {exc}") from None
        unknown = names - TEMPLATE_FIELDS
        if unknown:
            raise ValueError(f"unknown template fields {sorted(unknown)}; allowed: {sorted(TEMPLATE_FIELDS)}")
        return template


@dataclass(frozen=True)
class LoadedPrompt:
    """A prompt spec with the hash of its file: the unit of provenance."""

    spec: PromptSpec
    sha256: str

    @property
    def name(self) -> str:
        return f"{self.spec.id}@{self.spec.version}"

    @property
    def ref(self) -> str:
        """`id@version#hash12`, stored on every fact."""
        return f"{self.name}#{self.sha256[:12]}"


def render(prompt: LoadedPrompt, fields: dict[str, str | None]) -> list[dict[str, str]]:
    """The exact chat messages for one article. Missing fields render as 'unknown'."""
    values = {name: ("unknown" if fields.get(name) is None else fields[name]) for name in TEMPLATE_FIELDS}
    return [
        {"role": "system", "content": prompt.spec.system.format_map(values)},
        {"role": "user", "content": prompt.spec.user.format_map(values)},
    ]
