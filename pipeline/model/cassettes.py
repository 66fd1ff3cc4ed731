"""Stage (model access, recording): vcrpy set-up for recording and replaying model calls.

One cassette per article, prompt version and model: `cassettes/<prompt@N>/<model>/<article_id>.yaml`.
Requests are matched on method, path and the parsed JSON body, so a changed prompt, model or
setting can never replay a stale answer. Bodies are stored as parsed YAML so people can read them;
headers are dropped except content-type, so no key, cookie or organization id is ever written.
Cassettes are loaded with a safe YAML loader only. A replayed run first checks every cassette of
its prompt and model (`check_cassettes`): one that does not load safely (a YAML tag such as
`!!python/object/apply`, broken YAML) stops the run with a `CassetteError` naming the file, before
any article is processed; nothing in it runs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import vcr
import yaml
from vcr.cassette import Cassette
from vcr.errors import CannotOverwriteExistingCassetteException

from ..errors import CassetteError, ReplayError

KEEP_HEADERS = {"content-type"}
_SLUG = re.compile(r"[^a-z0-9._-]+")


def cassette_path(root: Path, prompt_name: str, model: str, article_id: str) -> Path:
    """Where the recording for one article lives; every part is made filename-safe."""
    parts = [_SLUG.sub("-", p.lower()).strip("-.") or "x" for p in (prompt_name, model, article_id)]
    return root / parts[0] / parts[1] / f"{parts[2]}.yaml"


def _to_readable(body: Any) -> Any:
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    if isinstance(text, str):
        try:
            return json.loads(text)
        except ValueError:
            return text
    return body


def _from_readable(body: Any) -> Any:
    if isinstance(body, (dict, list)):
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return body


class ReadableSerializer:
    """YAML with JSON bodies parsed into mappings; loads with the safe loader only."""

    @staticmethod
    def serialize(cassette: dict[str, Any]) -> str:
        for item in cassette["interactions"]:
            item["request"]["body"] = _to_readable(item["request"]["body"])
            item["response"]["body"]["string"] = _to_readable(item["response"]["body"]["string"])
        return yaml.safe_dump(cassette, allow_unicode=True, sort_keys=False, width=120)

    @staticmethod
    def deserialize(text: str) -> dict[str, Any]:
        cassette = safe_yaml(text, "cassette")
        for item in cassette.get("interactions", []):
            item["request"]["body"] = _from_readable(item["request"]["body"])
            item["response"]["body"]["string"] = _from_readable(item["response"]["body"]["string"])
        return cassette


_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_yaml(text: str, where: str) -> Any:
    """`text` loaded with the safe loader; a tag or broken YAML is a CassetteError naming `where`."""
    try:
        return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())[:300]
        raise CassetteError(f"{where} cannot be loaded safely ({problem}); nothing in it was run") from exc


def check_cassettes(root: Path, prompt_name: str, model: str) -> None:
    """Load every cassette of this prompt and model safely, before a replay uses any of them."""
    folder = cassette_path(root, prompt_name, model, "x").parent
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        safe_yaml(path.read_text(encoding="utf-8", errors="replace"), str(path))


def json_body(r1: Any, r2: Any) -> None:
    """Match requests on their parsed JSON bodies; say which top-level keys differ."""
    a, b = _to_readable(r1.body), _to_readable(r2.body)
    if a == b:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
        raise AssertionError(f"request bodies differ in {keys}")
    raise AssertionError("request bodies differ")


def _scrub_request(request: Any) -> Any:
    request.headers = {k: v for k, v in request.headers.items() if k.lower() in KEEP_HEADERS}
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    response["headers"] = {k: v for k, v in response["headers"].items() if k.lower() in KEEP_HEADERS}
    return response


def make_vcr(record: bool) -> vcr.VCR:
    """A VCR that records everything (record=True) or replays only (record=False)."""
    recorder = vcr.VCR(
        record_mode="all" if record else "none",
        match_on=("method", "path", "json_body"),
        before_record_request=_scrub_request,
        before_record_response=_scrub_response,
        decode_compressed_response=True,
        serializer="readable",
    )
    recorder.register_serializer("readable", ReadableSerializer)
    recorder.register_matcher("json_body", json_body)
    return recorder


@contextmanager
def use_cassette(path: Path, record: bool) -> Iterator[Cassette]:
    """Record into or replay from `path`; in replay, every recorded call must be used."""
    if not record and not path.is_file():
        raise ReplayError(f"no recording at {path}; record it with `make record`")
    path.parent.mkdir(parents=True, exist_ok=True)
    with make_vcr(record).use_cassette(str(path)) as cassette:
        yield cassette
    if not record and not cassette.all_played:
        raise ReplayError(f"{path}: {len(cassette.data) - cassette.play_count} recorded calls were never replayed")


def replay_miss(exc: BaseException) -> bool:
    """True when a failed call was really a cassette without a matching recording.

    The openai client reports the miss as a connection error after its retries; the cassette's
    own exception is somewhere in the chain of causes."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, CannotOverwriteExistingCassetteException):
            return True
        cause = cause.__cause__ or cause.__context__
    return False
