"""Stage (ingest): what is known about an article besides its text, and where it comes from.

Metadata comes, strongest first, from a sidecar (`000.txt.meta.json` or `000.meta.json`), the
folder's `meta.json` (file name -> {outlet, url, published, language, author, title}) and the
file itself (JSON fields, HTML metadata, the first short line of a text file; `sources.py` reads
those). JSON nested deeper than `MAX_JSON_DEPTH` is a problem with a reason, not a crash.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, field_validator

from .files import ArticleLoadError, is_regular_file

MAX_JSON_DEPTH = 100  # far beyond any real article or meta.json; Python's parser dies near 1,000
_META_KEYS = {"source": ("source", "outlet"), "url": ("url",), "published": ("published", "date"),
              "title": ("title",), "language": ("language",), "author": ("author",)}


class ArticleMeta(BaseModel):
    """What is known about an article besides its text; any field may be missing."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str | None = None
    url: str | None = None
    published: Annotated[str | None, AfterValidator(partial_iso_date)] = None
    title: str | None = None
    language: str | None = None
    author: str | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return (value.strip() or None) if isinstance(value, str) else value


def partial_iso_date(value: str | None) -> str | None:
    """`value` if it is YYYY, YYYY-MM or YYYY-MM-DD (a full timestamp keeps its date), else None."""
    formats = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
    try:
        if value is None:
            return None
        if re.fullmatch(r"\d{4}(-\d\d){0,2}", value):
            datetime.strptime(value, formats[len(value)])  # rejects month 13, February 30
            return value
        return datetime.fromisoformat(value).date().isoformat() if value[10:11] in ("T", " ") else None
    except ValueError:
        return None


def meta_from_mapping(data: Any, origin: Path, what: str) -> ArticleMeta:
    """Read the known metadata keys (`outlet` -> source, `date` -> published) of one entry."""
    if not isinstance(data, Mapping):
        raise ArticleLoadError(origin, "invalid", f"{what} is not a JSON object")
    picked = {field: next((data[k] for k in keys if data.get(k) is not None), None)
              for field, keys in _META_KEYS.items()}
    try:
        return ArticleMeta(**picked)
    except ValidationError as exc:
        bad = ", ".join(str(err["loc"][0]) for err in exc.errors())
        raise ArticleLoadError(origin, "invalid", f"{what}: field {bad} must be a string") from None


def merge_meta(*layers: ArticleMeta | None) -> ArticleMeta:
    """Field by field, the first layer that has a value wins."""
    return ArticleMeta(**{field: next((getattr(m, field) for m in layers if m and getattr(m, field)), None)
                          for field in ArticleMeta.model_fields})


def json_depth(raw: str) -> int:
    """How deeply the brackets of a JSON text nest (brackets inside strings do not count)."""
    depth = deepest = 0
    for token in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]', raw):
        mark = token[0]
        if mark in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif mark in "]}":
            depth -= 1
    return deepest


def parse_json_text(raw: str, path: Path) -> Any:
    """`raw` parsed as JSON; bad syntax and nesting deeper than MAX_JSON_DEPTH are load errors naming `path`."""
    if raw.count("[") + raw.count("{") > MAX_JSON_DEPTH and json_depth(raw) > MAX_JSON_DEPTH:
        raise ArticleLoadError(path, "invalid", f"JSON nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ArticleLoadError(path, "invalid", f"invalid JSON (line {exc.lineno}: {exc.msg})") from None


def read_json_file(path: Path) -> Any:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ArticleLoadError(path, "invalid", f"cannot read: {exc}") from None
    return parse_json_text(raw, path)


def folder_meta(folder: Path) -> Mapping[str, Any]:
    """The folder's meta.json, a mapping from file name to metadata (empty when there is none)."""
    path = folder / "meta.json"
    if not is_regular_file(path):
        return {}
    data = read_json_file(path)
    if not isinstance(data, Mapping):
        raise ArticleLoadError(path, "invalid", "must be a JSON object keyed by file name")
    return data


def resolve_meta(path: Path, folders: dict[Path, Mapping[str, Any]] | None = None) -> ArticleMeta:
    """Sidecar over folder meta.json for one article (`folders` caches meta.json); errors name the file."""
    folders = {} if folders is None else folders
    try:
        if path.parent not in folders:
            folders[path.parent] = folder_meta(path.parent)
        entry = folders[path.parent].get(path.name)
        folder_file = path.parent / "meta.json"
        listed = None if entry is None else meta_from_mapping(entry, folder_file, f"entry {path.name!r}")
        sidecars = (path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json"))
        sidecar = next((s for s in sidecars if is_regular_file(s)), None)
        own = None if sidecar is None else meta_from_mapping(read_json_file(sidecar), sidecar, "sidecar")
    except ArticleLoadError as exc:
        raise ArticleLoadError(path, "invalid", f"metadata {exc}") from None
    return merge_meta(own, listed)
