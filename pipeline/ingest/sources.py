"""Stage (ingest): load articles, clean boilerplate, give each a stable id.

Article files are .txt, .md, .json and .html/.htm (`files.py` finds them under the inputs and
says which are read; `meta.py` reads their metadata). `clean_text` removes invisible characters
and web boilerplate; the id is a hash of the cleaned text, so the same article under two names or
with CRLF line ends is loaded once. One bad file becomes a `LoadProblem`; `load_article` raises
`InputError` (an `ArticleLoadError`) for it instead.
"""

from __future__ import annotations

import hashlib
import re
import stat
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import trafilatura
from pydantic import BaseModel, ConfigDict

from .cleaning import clean_text, decode_text
from .files import ARTICLE_SUFFIXES, ArticleLoadError, LoadProblem, display_path, expand_inputs, file_kind, is_article_file
from .meta import ArticleMeta, merge_meta, meta_from_mapping, parse_json_text, resolve_meta

MAX_BYTES = 5_000_000
LANGUAGE_MIN_CHARS, LANGUAGE_SAMPLE_CHARS, LANGUAGE_MIN_PROBABILITY = 200, 5000, 0.9
ENGLISH_SHARE = 0.15  # running English prose is about a quarter function words
MAX_TITLE_CHARS = 200

_TEXT_FIELDS = ("text", "body", "content")


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


class LoadResult(BaseModel):
    articles: list[Article]
    problems: list[LoadProblem]


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


def iter_articles(paths: Sequence[str | Path], max_bytes: int = MAX_BYTES) -> Iterator[Article | LoadProblem]:
    """Each article under `paths`, loaded one at a time; a bad file or a repeat is a problem instead.

    Only the ids seen so far are kept, so any number of files streams in constant memory."""
    files, problems = expand_inputs(paths)
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


def load_articles(paths: Sequence[str | Path], max_bytes: int = MAX_BYTES) -> LoadResult:
    """Load every article under `paths`; a bad file becomes a problem and the others still load."""
    result = LoadResult(articles=[], problems=[])
    for item in iter_articles(paths, max_bytes):
        (result.articles if isinstance(item, Article) else result.problems).append(item)
    return result
