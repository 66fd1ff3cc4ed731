"""Stage (ingest): which files are articles, and how the inputs reach them.

Folders are walked recursively in sorted order, skipping hidden files, `meta.json`, `*.meta.json`
sidecars and every other file type. Only regular files are read: a FIFO, socket or device is named
as a problem, never opened (it would block the run). A symbolic link whose target lies outside the
input roots (the folders and files given) is named as a problem and not read, unless the inputs
are `InputPaths` with `follow_links`, the CLI's `--follow-links`. A file that cannot be loaded is a
`LoadProblem`, raised as an `ArticleLoadError` (an `InputError`) by the single-file loaders.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..errors import InputError

ProblemStatus = Literal["empty", "invalid", "too_large", "unsupported", "duplicate"]
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".json", ".html", ".htm"})


class LoadProblem(BaseModel):
    """A file that could not be loaded, and why."""

    model_config = ConfigDict(frozen=True)

    path: str
    reason: str
    status: ProblemStatus


class InputPaths(list[Path]):
    """The files and folders a run reads, with the link policy: links out of them are followed only if asked."""

    def __init__(self, paths: Sequence[str | Path] = (), follow_links: bool = False) -> None:
        super().__init__(Path(p) for p in paths)
        self.follow_links = follow_links


class ArticleLoadError(InputError):
    """An article file that cannot be loaded; `status` and `reason` fill a LoadProblem."""

    def __init__(self, path: Path, status: ProblemStatus, reason: str) -> None:
        super().__init__(f"{display_path(path)}: {reason}")
        self.path, self.status, self.reason = display_path(path), status, reason

    def problem(self) -> LoadProblem:
        return LoadProblem(path=self.path, reason=self.reason, status=self.status)


def display_path(path: Path) -> str:
    """The path as given, or relative to the working directory when it lies below it."""
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        path = path.relative_to(Path.cwd())
    return path.as_posix()


def is_article_file(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith(".") or name == "meta.json" or name.endswith(".meta.json"):
        return False
    return path.suffix.lower() in ARTICLE_SUFFIXES


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


def file_kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def is_regular_file(path: Path) -> bool:
    """True for a regular file (links followed); False for anything else, or a name the system refuses."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):  # missing, a name too long, a NUL byte
        return False


def _walk(root: Path, follow_links: bool) -> tuple[list[Path], list[LoadProblem]]:
    """Article files below `root`, in a stable order; hidden folders are skipped.

    Linked folders are entered only when `follow_links` is set (each real folder once), else named."""
    found: list[Path] = []
    skipped: list[LoadProblem] = []
    seen: set[Path] = set()
    for folder, dirs, files in os.walk(root, followlinks=follow_links):
        real = _resolved(Path(folder))
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if not follow_links:
            skipped += [LoadProblem(path=display_path(Path(folder) / d), status="unsupported", reason=_LINKED_FOLDER)
                        for d in dirs if (Path(folder) / d).is_symlink()]
        found.extend(Path(folder) / name for name in sorted(files) if is_article_file(Path(name)))
    return found, skipped


_LINKED_FOLDER = "symbolic link to a folder; not entered (--follow-links enters it)"


def _link_problem(path: Path, roots: Sequence[Path]) -> LoadProblem | None:
    """A problem for a link whose target lies outside every input root (or nowhere to be found)."""
    if not any(p.is_symlink() for p in (path, *path.parents)):
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        return LoadProblem(path=display_path(path), status="invalid", reason=f"cannot read: broken link ({exc.__class__.__name__})")
    if any(target == root or target.is_relative_to(root) for root in roots):
        return None
    return LoadProblem(path=display_path(path), status="unsupported",
                       reason="symbolic link to a file outside the input folders; not read (--follow-links reads it)")


def _found_under(given: Path, follow_links: bool) -> tuple[list[Path], list[LoadProblem]]:
    """The article files one given path names or holds, and the problems with it."""
    if given.is_dir():
        found, skipped = _walk(given, follow_links)
        if found or skipped:
            return found, skipped
        reason = f"folder holds no article files ({', '.join(sorted(ARTICLE_SUFFIXES))})"
        return [], [LoadProblem(path=display_path(given), status="invalid", reason=reason)]
    if given.exists() or given.is_symlink():
        return [given], []
    return [], [LoadProblem(path=display_path(given), reason="no such file or folder", status="invalid")]


def expand_inputs(paths: Sequence[str | Path]) -> tuple[list[Path], list[LoadProblem]]:
    """The files named or found under `paths`, each once, and a problem for each missing path or outbound link."""
    follow = bool(getattr(paths, "follow_links", False))
    roots = [Path(p).resolve() for p in paths]
    files: dict[Path, Path] = {}
    problems: list[LoadProblem] = []
    for given in map(Path, paths):
        found, skipped = _found_under(given, follow)
        problems += skipped
        for file in found:
            link = None if follow else _link_problem(file, roots)
            if link is not None:
                problems.append(link)
            else:
                files.setdefault(_resolved(file), file)
    return list(files.values()), problems


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop: keep the name, reading it reports the problem
        return path.absolute()


def count_files(paths: Sequence[str | Path]) -> int:
    """How many article files `paths` name or hold (for a progress bar's total)."""
    return len(expand_inputs(paths)[0])
