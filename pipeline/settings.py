"""Primitive: one Settings object, built at the edge and passed down.

Precedence is CLI flag > NEWSFACTS_* environment variable > default. Nothing here reads the
environment at import time: `Settings.from_env()` does it when called.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from .errors import ConfigError

DEFAULT_LOCAL_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"
OPENAI_HOSTS = {"api.openai.com"}
REPLAY_BASE_URL = "http://replay.newsfacts.invalid/v1"
REPLAY_API_KEY = "replay-placeholder-key"

# Settings fields that may come from NEWSFACTS_<NAME> environment variables.
_ENV_FIELDS = (
    "base_url", "model", "prompt", "timeout", "max_retries", "reasks", "article_retries", "lease_seconds", "max_quantities_per_article", "max_calls_per_article", "max_output_tokens",
    "concurrency", "max_rate_limit_wait", "rpm", "tpm", "max_tokens", "max_cost", "prices", "local_timeout", "local_gguf",
    "chunk_chars", "cache_dir", "cassette_dir", "db", "max_bytes", "poll_seconds", "engine", "ray_address", "ray_workers",
    "heartbeat_seconds",
)


class Settings(BaseModel):
    """Everything a run needs to know. Immutable once built."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    base_url: str | None = Field(None, description="OpenAI-compatible endpoint; None = embedded local model")
    model: str = DEFAULT_LOCAL_MODEL
    api_key: SecretStr | None = Field(None, description="resolved key; never logged or stored")
    prompt: str = "extract_facts@6"
    timeout: float = Field(120.0, gt=0, description="seconds per HTTP request to a remote API")
    local_timeout: float = Field(600.0, gt=0, description="seconds per request to the embedded CPU model")
    max_retries: int = Field(2, ge=0, description="transport retries, done by the openai client")
    reasks: int = Field(1, ge=0, description="extra attempts after a validation error")
    max_quantities_per_article: int = Field(1000, ge=1, description="quantities of one article sent to the model; "
                                            "the rest are left out, named in a finding")
    max_calls_per_article: int = Field(2500, ge=1, description="model requests one article may send, retries included; "
                                       "beyond it the article fails")
    lease_seconds: float = Field(1800.0, gt=0, description="how long a runner's claim on an article lasts; "
                                 "a crashed runner's articles are free again after it")
    article_retries: int = Field(4, ge=0, description="calls of one article that may be sent again after failing "
                                 "every transport retry, before the article fails")
    max_output_tokens: int | None = Field(None, gt=0, description="cap on generated tokens per call; default: the prompt's")
    seed: int = 7
    concurrency: int = Field(1, ge=1, description="articles in flight at once; the embedded model serves one")
    max_rate_limit_wait: float = Field(120.0, gt=0, description="longest pause a 429's Retry-After may impose; "
                                       "a longer one stops the run: rate-limited, resume later")
    rpm: int | None = Field(None, gt=0, description="requests per minute, at most")
    tpm: int | None = Field(None, gt=0, description="tokens per minute, at most (estimated before each request)")
    max_tokens: int | None = Field(None, gt=0, description="stop starting articles once a run has used this many tokens")
    max_cost: float | None = Field(None, gt=0, description="stop starting articles once a run has cost this many USD")
    prices: dict[str, tuple[float, float]] = Field(default_factory=dict, description="model -> USD per 1M (input, output) tokens")
    max_bytes: int = Field(5_000_000, gt=0, description="larger input files are refused before any model call")
    engine: str = Field("local", pattern="^(local|ray)$", description="local: this process; ray: a Ray cluster")
    ray_address: str | None = Field(None, description="Ray cluster address (default: start or join a local Ray)")
    ray_workers: int = Field(2, ge=1, description="Ray Data workers extracting at once")
    batch_api: bool = Field(False, description="send the calls as one OpenAI Batch API job (half price, within 24 h)")
    poll_seconds: float = Field(30.0, gt=0, description="how often a Batch API job is polled")
    heartbeat_seconds: float = Field(30.0, gt=0, description="in a log (not a terminal), a progress line at least this often")
    replay: bool = False
    record: bool = False
    prompts_dir: Path | None = None
    cassette_dir: Path = Path("cassettes")
    db: str | None = Field(None, description="SQLite file path or postgresql:// URL; default: OUT/newsfacts.db")
    local_gguf: Path | None = None
    cache_dir: Path = Field(default_factory=lambda: Path.home() / ".cache" / "newsfacts")
    local_ctx: int = 8192
    chunk_chars: int = Field(12_000, gt=1000, description="articles longer than this are split into parts")
    chunk_overlap: int = Field(400, ge=0)
    force: bool = False
    follow_links: bool = Field(False, description="read symbolic links that lead out of the input folders")
    keep_history: bool = Field(False, description="keep an edited file's old version and its facts in the store")

    @property
    def uses_local_model(self) -> bool:
        """True when newsfacts must start its own llama.cpp server."""
        return self.base_url is None and not self.replay

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> "Settings":
        """Build settings from NEWSFACTS_* variables, then apply non-None overrides (CLI flags)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for name in _ENV_FIELDS:
            raw = env.get(f"NEWSFACTS_{name.upper()}")
            if raw:
                values[name] = _json_setting(name, raw) if name == "prices" else raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        if values.get("replay"):
            # A replay miss must fail at once, not hide behind transport retries.
            values.update(base_url=REPLAY_BASE_URL, max_retries=0)
        values["api_key"] = resolve_api_key(values.get("base_url"), bool(values.get("replay")), env)
        try:
            return cls(**values)
        except ValueError as exc:
            raise ConfigError(f"invalid settings: {exc}") from None


def _json_setting(name: str, raw: str) -> Any:
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise ConfigError(f"NEWSFACTS_{name.upper()} is not valid JSON: {exc}") from None


def without_password(url: str | None) -> str | None:
    """`url` as it may be recorded: a user and password in it are dropped."""
    if not url:
        return url
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def is_openai_endpoint(base_url: str | None) -> bool:
    """True only for OpenAI's own API host."""
    return bool(base_url) and urlparse(base_url).hostname in OPENAI_HOSTS


def resolve_api_key(base_url: str | None, replay: bool, env: Mapping[str, str]) -> SecretStr | None:
    """Pick the key for an endpoint. OPENAI_API_KEY is only ever sent to OpenAI itself."""
    if replay:
        return SecretStr(REPLAY_API_KEY)
    key = env.get("NEWSFACTS_API_KEY")
    if not key and is_openai_endpoint(base_url):
        key = env.get("OPENAI_API_KEY")
    return SecretStr(key) if key else None
