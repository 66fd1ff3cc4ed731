"""Stage (extraction, prompts): load versioned prompt files and guard released versions.

A prompt lives in `prompts/<id>/v<N>.yaml` and is referred to as `id@N`. Its content hash makes
every fact traceable to the exact text that produced it (`id@N#hash`). A prompt whose
`response_model` names no labelling strategy (`labelling.STRATEGIES`) is refused when it loads.
Released versions never change: `prompts/prompts.lock.json` records each version's hash, and
`check_lock()` reports a file that no longer matches. To change a prompt, add v<N+1>.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import ValidationError

from ..errors import PromptError
from .labelling import STRATEGIES
from .prompt_spec import LoadedPrompt, PromptSpec

LOCK_NAME = "prompts.lock.json"
_REF = re.compile(r"^(?P<id>[a-z][a-z0-9_]*)@(?P<version>[1-9][0-9]*)$")


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
    if spec.response_model not in STRATEGIES:
        raise PromptError(f"{path}: unknown response_model {spec.response_model!r}; known: {', '.join(sorted(STRATEGIES))}")
    return LoadedPrompt(spec=spec, sha256=hashlib.sha256(raw).hexdigest())


def list_prompts(prompts_dir: Path | None = None) -> list[LoadedPrompt]:
    """Every prompt version on disk, sorted by id then version."""
    root = prompts_dir or default_dir()
    refs = []
    for path in root.glob("*/v*.yaml"):
        if path.stem[1:].isdigit():
            refs.append((path.parent.name, int(path.stem[1:])))
    return [load_prompt(f"{pid}@{ver}", root) for pid, ver in sorted(refs)]


def read_lock(prompts_dir: Path | None = None) -> dict[str, str]:
    path = (prompts_dir or default_dir()) / LOCK_NAME
    return json.loads(path.read_text()) if path.is_file() else {}


@dataclass(frozen=True)
class LockProblem:
    """A prompt version that does not match the lock: changed after release, or not locked yet."""

    name: str
    kind: Literal["changed", "unlocked"]
    message: str


def _lock_problem(prompt: LoadedPrompt, locked: str | None) -> LockProblem | None:
    if locked is None:
        return LockProblem(prompt.name, "unlocked", f"{prompt.name} is not in {LOCK_NAME}; run `newsfacts prompts lock`")
    if locked != prompt.sha256:
        return LockProblem(prompt.name, "changed", f"{prompt.name} changed after release (locked {locked[:12]}, "
                                                   f"now {prompt.sha256[:12]}); restore it and add a new version instead")
    return None


def check_lock(prompts_dir: Path | None = None) -> list[LockProblem]:
    """Problems with the lock: released prompts that changed, or prompts not yet locked."""
    lock = read_lock(prompts_dir)
    found = (_lock_problem(prompt, lock.get(prompt.name)) for prompt in list_prompts(prompts_dir))
    return [problem for problem in found if problem is not None]


def check_released(prompt: LoadedPrompt, prompts_dir: Path | None = None) -> None:
    """Refuse a prompt whose released version changed (a version not locked yet may run)."""
    problem = _lock_problem(prompt, read_lock(prompts_dir).get(prompt.name))
    if problem is not None and problem.kind == "changed":
        raise PromptError(problem.message)


def lock(prompts_dir: Path | None = None) -> list[str]:
    """Add unlocked versions to the lock file. Refuses when a released version has changed."""
    changed = [p.message for p in check_lock(prompts_dir) if p.kind == "changed"]
    if changed:
        raise PromptError("; ".join(changed))
    root = prompts_dir or default_dir()
    entries = read_lock(root)
    added = [p.name for p in list_prompts(root) if p.name not in entries]
    entries.update({p.name: p.sha256 for p in list_prompts(root)})
    (root / LOCK_NAME).write_text(json.dumps(dict(sorted(entries.items())), indent=2) + "\n")
    return added
