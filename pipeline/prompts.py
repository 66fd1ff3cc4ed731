"""Stage (prompts): load versioned prompt files, render them to messages, and guard released versions.

A prompt lives in `prompts/<id>/v<N>.yaml` and is referred to as `id@N`. Its content hash makes
every fact traceable to the exact text that produced it (`id@N#hash`). Released versions never
change: `prompts/prompts.lock.json` records each version's hash, and `check_lock()` fails when a
file no longer matches. To change a prompt, add v<N+1>.
"""

from __future__ import annotations

import hashlib
import json
import re
import string
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import PromptError

LOCK_NAME = "prompts.lock.json"
TEMPLATE_FIELDS = frozenset({
    "text", "title", "source", "published", "url", "article_id", "marked_text", "mention_ids", "notes",
    "preceding", "sentence", "quantity", "quantity_kind", "metrics",
})
_REF = re.compile(r"^(?P<id>[a-z][a-z0-9_]*)@(?P<version>[1-9][0-9]*)$")


class PromptParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    temperature: float = 0.0
    max_tokens: int | None = Field(None, gt=0)


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


def default_dir() -> Path:
    """The prompts folder that ships with the package."""
    return Path(str(resources.files("prompts")))


def parse_ref(ref: str) -> tuple[str, int]:
    """Split `extract_facts@2` into its id and version."""
    match = _REF.match(ref.split("#", 1)[0])
    if not match:
        raise PromptError(f"prompt reference {ref!r} is not of the form id@version (e.g. extract_facts@1)")
    return match["id"], int(match["version"])


def load_prompt(ref: str, prompts_dir: Path | None = None) -> LoadedPrompt:
    """Load and validate `id@version` from `prompts_dir` (default: the shipped prompts)."""
    prompt_id, version = parse_ref(ref)
    path = (prompts_dir or default_dir()) / prompt_id / f"v{version}.yaml"
    if not path.is_file():
        raise PromptError(f"prompt {prompt_id}@{version} not found: no file {path}")
    raw = path.read_bytes()
    try:
        spec = PromptSpec.model_validate(yaml.safe_load(raw))
    except (yaml.YAMLError, ValidationError) as exc:
        raise PromptError(f"{path}: {exc}") from None
    if (spec.id, spec.version) != (prompt_id, version):
        raise PromptError(f"{path}: declares {spec.id}@{spec.version}, expected {prompt_id}@{version}")
    return LoadedPrompt(spec=spec, sha256=hashlib.sha256(raw).hexdigest())


def list_prompts(prompts_dir: Path | None = None) -> list[LoadedPrompt]:
    """Every prompt version on disk, sorted by id then version."""
    root = prompts_dir or default_dir()
    refs = []
    for path in root.glob("*/v*.yaml"):
        if path.stem[1:].isdigit():
            refs.append((path.parent.name, int(path.stem[1:])))
    return [load_prompt(f"{pid}@{ver}", root) for pid, ver in sorted(refs)]


def render(prompt: LoadedPrompt, fields: dict[str, str | None]) -> list[dict[str, str]]:
    """The exact chat messages for one article. Missing fields render as 'unknown'."""
    values = {name: ("unknown" if fields.get(name) is None else fields[name]) for name in TEMPLATE_FIELDS}
    return [
        {"role": "system", "content": prompt.spec.system.format_map(values)},
        {"role": "user", "content": prompt.spec.user.format_map(values)},
    ]


def read_lock(prompts_dir: Path | None = None) -> dict[str, str]:
    path = (prompts_dir or default_dir()) / LOCK_NAME
    return json.loads(path.read_text()) if path.is_file() else {}


def check_lock(prompts_dir: Path | None = None) -> list[str]:
    """Problems with the lock: released prompts that changed, or prompts not yet locked."""
    lock = read_lock(prompts_dir)
    problems = []
    for prompt in list_prompts(prompts_dir):
        locked = lock.get(prompt.name)
        if locked is None:
            problems.append(f"{prompt.name} is not in {LOCK_NAME}; run `newsfacts prompts lock`")
        elif locked != prompt.sha256:
            problems.append(
                f"{prompt.name} changed after release (locked {locked[:12]}, now {prompt.sha256[:12]}); "
                f"restore it and add a new version instead"
            )
    return problems


def lock(prompts_dir: Path | None = None) -> list[str]:
    """Add unlocked versions to the lock file. Refuses when a released version has changed."""
    changed = [p for p in check_lock(prompts_dir) if "changed after release" in p]
    if changed:
        raise PromptError("; ".join(changed))
    root = prompts_dir or default_dir()
    entries = read_lock(root)
    added = [p.name for p in list_prompts(root) if p.name not in entries]
    entries.update({p.name: p.sha256 for p in list_prompts(root)})
    (root / LOCK_NAME).write_text(json.dumps(dict(sorted(entries.items())), indent=2) + "\n")
    return added
