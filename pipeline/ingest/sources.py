"""Stage (sources): load articles, clean boilerplate, give each a stable id.

Article files are .txt, .md, .json and .html/.htm; folders are walked recursively in sorted
order, skipping hidden files, `meta.json`, `*.meta.json` sidecars and every other file type.
Metadata comes, strongest first, from a sidecar (`000.txt.meta.json` or `000.meta.json`), the
folder's `meta.json` (file name -> {outlet, url, published, language, author, title}) and the
file itself (JSON fields, HTML metadata, the first short line of a text file). `clean_text`
removes invisible characters and web boilerplate; the id is a hash of the cleaned text, so the
same article under two names or with CRLF line ends is loaded once. One bad file becomes a
`LoadProblem`; `load_article` raises `InputError` (an `ArticleLoadError`) for it instead.

Only regular files are read: a FIFO, socket or device is named as a problem, never opened (it
would block the run). A symbolic link whose target lies outside the input roots (the folders and
files given) is named as a problem and not read, unless the inputs are `InputPaths` with
`follow_links`, the CLI's `--follow-links`. JSON nested deeper than `MAX_JSON_DEPTH` and names too
long for the file system are problems with a reason, not crashes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import trafilatura
from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import InputError
from .cleaning import clean_text, decode_text

ProblemStatus = Literal["empty", "invalid", "too_large", "unsupported", "duplicate"]
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".json", ".html", ".htm"})
MAX_BYTES = 5_000_000
LANGUAGE_MIN_CHARS, LANGUAGE_SAMPLE_CHARS, LANGUAGE_MIN_PROBABILITY = 200, 5000, 0.9
ENGLISH_SHARE = 0.15  # running English prose is about a quarter function words
MAX_TITLE_CHARS = 200
MAX_JSON_DEPTH = 100  # far beyond any real article or meta.json; Python's parser dies near 1,000
_TEXT_FIELDS = ("text", "body", "content")
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


class Article(BaseModel):
    """One loaded article. `text` is the cleaned text every fact span refers to."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    path: str
    source: str | None
    url: str | None
    published: str | None
    title: str | None
    language: str | None
    text: str
    content_sha256: str


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


class LoadResult(BaseModel):
    articles: list[Article]
    problems: list[LoadProblem]


class ArticleLoadError(InputError):
    """An article file that cannot be loaded; `status` and `reason` fill a LoadProblem."""

    def __init__(self, path: Path, status: ProblemStatus, reason: str) -> None:
        super().__init__(f"{display_path(path)}: {reason}")
        self.path, self.status, self.reason = display_path(path), status, reason

    def problem(self) -> LoadProblem:
        return LoadProblem(path=self.path, reason=self.reason, status=self.status)


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


def read_text(path: Path, max_bytes: int) -> str:
    """The file's text, refusing files over `max_bytes`, and anything but a regular file, before reading."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ArticleLoadError(path, "unsupported", f"{file_kind(info.st_mode)}, not a regular file; only regular files are read")
        size = info.st_size
        if size > max_bytes:
            raise ArticleLoadError(path, "too_large", f"file has {size} bytes, the limit is {max_bytes}")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ArticleLoadError(path, "invalid", f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise ArticleLoadError(path, "too_large", f"file has over {max_bytes} bytes, the limit")
    if not data:
        raise ArticleLoadError(path, "empty", "file is empty")
    try:
        return decode_text(data)
    except ValueError as exc:
        raise ArticleLoadError(path, "invalid", str(exc)) from None


def parse_plain(raw: str, path: Path) -> tuple[str, ArticleMeta]:
    """A .txt/.md article: the text, and its first line as a title when it is short."""
    text = clean_text(raw)
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if path.suffix.lower() == ".md":
        first = first.lstrip("#").strip()
    return text, ArticleMeta(title=first if 0 < len(first) < MAX_TITLE_CHARS else None)


def parse_json(raw: str, path: Path) -> tuple[str, ArticleMeta]:
    """A .json article: an object with `text`, `body` or `content`, and optional metadata."""
    data = parse_json_text(raw, path)
    if not isinstance(data, dict):
        raise ArticleLoadError(path, "invalid", "a JSON article must be an object")
    field = next((f for f in _TEXT_FIELDS if f in data), None)
    if field is None:
        raise ArticleLoadError(path, "invalid", "JSON article has no text field (text, body or content)")
    if not isinstance(data[field], str):
        raise ArticleLoadError(path, "invalid", f"JSON field {field!r} must be a string")
    return clean_text(data[field]), meta_from_mapping(data, path, "JSON article")


def parse_html(raw: str, path: Path) -> tuple[str, ArticleMeta]:
    """An .html page: the main text by trafilatura, and the page's title, date and URL."""
    try:
        extracted = trafilatura.extract(raw, include_comments=False)
        found = trafilatura.extract_metadata(raw)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken pages
        raise ArticleLoadError(path, "invalid", f"HTML could not be parsed: {exc}") from None
    if not extracted:
        raise ArticleLoadError(path, "empty", "no article text found in the HTML")
    meta = ArticleMeta(title=found.title, url=found.url, published=found.date) if found else None
    return clean_text(extracted), meta or ArticleMeta()


_PARSERS = {".txt": parse_plain, ".md": parse_plain, ".json": parse_json,
            ".html": parse_html, ".htm": parse_html}


def load_article(path: Path, meta: ArticleMeta | None = None, max_bytes: int = MAX_BYTES) -> Article:
    """Load one article file (`meta` defaults to sidecar + meta.json); raises ArticleLoadError (InputError)."""
    path = Path(path)
    if not is_article_file(path):
        kinds = ", ".join(sorted(ARTICLE_SUFFIXES))
        reason = f"not an article file (articles are {kinds}; not meta.json, sidecars or hidden files)"
        raise ArticleLoadError(path, "unsupported", reason)
    meta = resolve_meta(path) if meta is None else meta
    raw = read_text(path, max_bytes)
    text, embedded = _PARSERS[path.suffix.lower()](raw, path)
    if not text:
        reason = "file contains only whitespace" if not raw.strip() else "no article text left after cleaning"
        raise ArticleLoadError(path, "empty", reason)
    info = merge_meta(meta, embedded)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(article_id=f"a_{digest[:16]}", path=display_path(path), source=info.source, url=info.url,
                   published=info.published, title=info.title, language=info.language or detect_language(text), text=text,
                   content_sha256=digest)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # numpy-backed: loaded on first use

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


_ENGLISH_WORDS = frozenset("the of and to in a is that for on was with said as by it from at".split())


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, when the text is long enough to say so surely.

    Text full of common English words is English without asking the (slower) language model."""
    if len(text) < LANGUAGE_MIN_CHARS:
        return None
    words = re.findall(r"[a-z]+", text[:LANGUAGE_SAMPLE_CHARS].lower())
    if sum(w in _ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words):
        return "en"
    code, probability = _identifier().classify(text[:LANGUAGE_SAMPLE_CHARS])
    return str(code) if probability >= LANGUAGE_MIN_PROBABILITY else None


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


def _expand(paths: Sequence[str | Path]) -> tuple[list[Path], list[LoadProblem]]:
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


def iter_articles(paths: Sequence[str | Path], max_bytes: int = MAX_BYTES) -> Iterator[Article | LoadProblem]:
    """Each article under `paths`, loaded one at a time; a bad file or a repeat is a problem instead.

    Only the ids seen so far are kept, so any number of files streams in constant memory."""
    files, problems = _expand(paths)
    yield from problems
    seen: dict[str, str] = {}
    folders: dict[Path, Mapping[str, Any]] = {}
    for path in files:
        try:
            meta = resolve_meta(path, folders) if is_article_file(path) else None
            article = load_article(path, meta, max_bytes)
        except ArticleLoadError as exc:
            yield exc.problem()
            continue
        if article.article_id in seen:
            yield LoadProblem(path=article.path, reason=f"duplicate of {seen[article.article_id]}", status="duplicate")
            continue
        seen[article.article_id] = article.path
        yield article


def count_files(paths: Sequence[str | Path]) -> int:
    """How many article files `paths` name or hold (for a progress bar's total)."""
    return len(_expand(paths)[0])


def load_articles(paths: Sequence[str | Path], max_bytes: int = MAX_BYTES) -> LoadResult:
    """Load every article under `paths`; a bad file becomes a problem and the others still load."""
    result = LoadResult(articles=[], problems=[])
    for item in iter_articles(paths, max_bytes):
        (result.articles if isinstance(item, Article) else result.problems).append(item)
    return result
