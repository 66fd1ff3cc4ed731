"""Cassette hygiene: safe loading, readable bodies, no secrets, and misses that fail loudly."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml
from vcr.errors import CannotOverwriteExistingCassetteException

from pipeline.model import llm
from pipeline.model.cassettes import ReadableSerializer, cassette_path, make_vcr, replay_miss, use_cassette
from pipeline.errors import CassetteError, ReplayError
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = sorted((ROOT / "cassettes").rglob("*.yaml"))
SECRET_MARKERS = ("sk-", "Bearer ", "set-cookie", "openai-organization", "openai-project", "api-key", "authorization")


def test_cassettes_are_committed() -> None:
    assert CASSETTES, "no cassettes under cassettes/; record them with `make record`"


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: p.name)
def test_cassette_holds_no_secret_or_session_header(path: Path) -> None:
    text = path.read_text()
    for marker in SECRET_MARKERS:
        assert marker.lower() not in text.lower(), f"{path} contains {marker!r}"


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: p.name)
def test_cassette_bodies_are_readable_yaml_mappings(path: Path) -> None:
    data = yaml.safe_load(path.read_text())
    for item in data["interactions"]:
        assert isinstance(item["request"]["body"], dict)
        assert isinstance(item["response"]["body"]["string"], dict)
        assert set(item["response"]["headers"]) <= {"content-type", "Content-Type"}


def test_cassette_with_python_tag_is_refused(tmp_path: Path) -> None:
    evil = tmp_path / "evil.yaml"
    evil.write_text("interactions:\n- !!python/object/apply:os.system ['touch pwned']\nversion: 1\n")
    with pytest.raises(CassetteError) as refused:
        ReadableSerializer.deserialize(evil.read_text())
    assert isinstance(refused.value.__cause__, yaml.constructor.ConstructorError)
    assert not (tmp_path / "pwned").exists()


def test_serializer_round_trip_keeps_json_bodies() -> None:
    body = '{"model":"m","messages":[{"role":"user","content":"Ünïcode – 3.1%"}]}'
    cassette = {"interactions": [{
        "request": {"body": body, "headers": {}, "method": "POST", "uri": "http://x/v1/chat/completions"},
        "response": {"body": {"string": b'{"ok": true}'}, "headers": {}, "status": {"code": 200, "message": "OK"}},
    }], "version": 1}
    text = ReadableSerializer.serialize(cassette)
    assert "Ünïcode" in text
    loaded = ReadableSerializer.deserialize(text)
    assert loaded["interactions"][0]["request"]["body"] == body
    assert loaded["interactions"][0]["response"]["body"]["string"] == '{"ok":true}'


@pytest.mark.parametrize("parts", [
    ("extract_facts@1", "qwen/Qwen 1.5B", "a_0123456789abcdef"),
    ("extract_facts@1", "../../etc", "../../passwd"),
])
def test_cassette_paths_stay_inside_the_folder(tmp_path: Path, parts: tuple[str, str, str]) -> None:
    path = cassette_path(tmp_path, *parts)
    assert path.resolve().is_relative_to(tmp_path.resolve())


def test_replay_settings_never_retry_and_use_a_placeholder_key() -> None:
    settings = Settings.from_env({"NEWSFACTS_API_KEY": "sk-real-key-abcdefghijklmnop"}, replay=True)
    assert settings.max_retries == 0
    assert settings.api_key is not None and settings.api_key.get_secret_value() == "replay-placeholder-key"


def test_interception_canary_a_miss_raises_from_vcr(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("interactions: []\nversion: 1\n")
    settings = Settings.from_env({}, replay=True)
    client = llm.build_client(settings)

    async def call() -> None:
        await client.chat.completions.create(
            model=settings.model, messages=[{"role": "user", "content": "hi"}], response_model=None, max_retries=0)

    with use_cassette(empty, record=False), pytest.raises(Exception) as caught:
        asyncio.run(call())
    assert replay_miss(caught.value)
    chain = []
    cause: BaseException | None = caught.value
    while cause is not None:
        chain.append(type(cause))
        cause = cause.__cause__ or cause.__context__
    assert CannotOverwriteExistingCassetteException in chain


def test_missing_cassette_is_a_replay_error(tmp_path: Path) -> None:
    with pytest.raises(ReplayError, match="no recording"):
        with use_cassette(tmp_path / "absent.yaml", record=False):
            pass


def test_misspelled_record_mode_is_refused() -> None:
    recorder = make_vcr(record=False)
    with pytest.raises(ValueError):
        recorder.use_cassette("x.yaml", record_mode="nonee").__enter__()
