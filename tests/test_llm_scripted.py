"""Scripted-HTTP tests: real openai response objects served through an httpx2 MockTransport."""

from __future__ import annotations

import asyncio
import json

import httpx2
import pytest

from pipeline.errors import AuthError, InvalidAnswer
from pipeline.model import llm
from pipeline.extract.extraction import extract
from pipeline.extract.prompts import load_prompt
from pipeline.settings import Settings
from pipeline.ingest.sources import load_article

from .conftest import SEEDS, Script, completion, facts_json

GDP = {
    "quote": "The bank's annual report, cited by Bloomberg, found that North Korea's 2023 GDP grew 3.1% in real terms.",
    "entity": "North Korea", "metric": "gdp_real_growth", "value": 3.1, "unit": "percent",
    "qualifier": "exact", "period_text": "2023", "status": "estimate", "attribution": "Bank of Korea",
}


def run_extract(script: Script, **settings: object):
    article = load_article(SEEDS / "002_f21ded7eab1fc390.txt")
    config = Settings(**{"base_url": "http://scripted.invalid/v1", "max_retries": 0, **settings})
    client = llm.build_client(config, http_client=script.client())
    return asyncio.run(extract(article, load_prompt("extract_facts@1"), client, config, "run_test"))


TRADE = dict(GDP, quote="The Bank of Korea highlighted increased trade volumes, which rose 74.6% in 2023 to $2.77 billion.",
             metric="trade_volume_growth", value=74.6)


def test_reask_after_validation_error_sends_the_error_back() -> None:
    wrong = dict(TRADE, value=1.0)  # the small-model failure: a value that is not in the quote
    script = Script(completion(facts_json(wrong)), completion(facts_json(TRADE)))
    result = run_extract(script)
    assert len(script.requests) == 2
    reask = script.bodies()[1]["messages"]
    assert "value 1 is not a number in the quote" in reask[-1]["content"]
    assert [(f.value, f.grounding) for f in result.facts] == [(74.6, "exact")]
    assert result.usage.calls == 2 and result.attempts == 2


def test_scale_written_without_base_units_is_fixed_without_a_reask() -> None:
    trade = dict(TRADE, metric="trade_volume", value=2.77, unit="$")
    script = Script(completion(facts_json(trade)))
    result = run_extract(script)
    assert len(script.requests) == 1
    assert (result.facts[0].value, result.facts[0].unit) == (2.77e9, "USD")


def test_429_with_retry_after_then_success(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("openai._base_client.anyio.sleep", fake_sleep)
    limited = httpx2.Response(429, headers={"retry-after": "2"}, json={"error": {"message": "slow down"}})
    script = Script(limited, completion(facts_json(GDP)))
    result = run_extract(script, max_retries=2)
    assert len(script.requests) == 2
    assert slept == [2.0]
    assert len(result.facts) == 1


def test_401_aborts_with_auth_error_and_no_key_in_message() -> None:
    script = Script(httpx2.Response(401, json={"error": {"message": "bad key"}}))
    with pytest.raises(AuthError) as caught:
        run_extract(script, api_key="sk-test-secret-never-shown-123456")
    assert "sk-test" not in str(caught.value)
    assert len(script.requests) == 1


def test_truncated_output_is_not_reasked() -> None:
    script = Script(completion('{"facts": [{"quote": "North', finish_reason="length"))
    with pytest.raises(llm.CallFailed) as caught:
        run_extract(script)
    assert caught.value.failure.status == "validation_failed"  # retried on the next run (a higher limit may fix it)
    assert "max_tokens" in caught.value.failure.message
    assert len(script.requests) == 1


def test_items_without_a_number_are_left_out_and_counted() -> None:
    chatter = dict(GDP, quote="Both countries have denied that arms shipments are occurring.", metric="other", value=0)
    zero = dict(GDP, quote="The Bank of Korea cited economic cooperation with Russia as one factor.", metric="other", value=0)
    script = Script(completion(facts_json(chatter, GDP, zero)))
    result = run_extract(script)
    assert len(script.requests) == 1
    assert [f.metric for f in result.facts] == ["gdp_real_growth"]
    assert any("2 items" in f.message and f.severity == "info" for f in result.findings)


def test_always_invalid_output_fails_the_article_with_the_last_answer_and_the_message() -> None:
    wrong = dict(TRADE, value=7.0)
    script = Script(*[completion(facts_json(wrong)) for _ in range(3)])
    with pytest.raises(InvalidAnswer) as caught:
        run_extract(script, reasks=2)
    assert len(script.requests) == 3
    assert "after 3 attempts: facts.0: value 7 is not a number in the quote" in str(caught.value)
    assert json.loads(caught.value.raw_answer)["facts"][0]["value"] == 7.0


def test_server_errors_are_retried_by_the_transport_layer_only(monkeypatch: pytest.MonkeyPatch) -> None:
    async def no_sleep(seconds: float) -> None:
        return None

    monkeypatch.setattr("openai._base_client.anyio.sleep", no_sleep)
    script = Script(*[httpx2.Response(500, json={"error": {"message": "boom"}}) for _ in range(3)])
    with pytest.raises(llm.CallFailed) as caught:
        run_extract(script, max_retries=2, reasks=2, article_retries=0)
    assert len(script.requests) == 3  # (1 + 2 transport retries) x 1 instructor attempt; no article retry asked for
    assert caught.value.failure.status == "failed_retryable"


def test_openai_key_is_never_sent_to_another_endpoint() -> None:
    env = {"OPENAI_API_KEY": "sk-openai-only"}
    local = Settings.from_env(env, base_url="http://127.0.0.1:9999/v1")
    hosted = Settings.from_env(env, base_url="https://api.openai.com/v1")
    assert local.api_key is None
    assert hosted.api_key is not None and hosted.api_key.get_secret_value() == "sk-openai-only"
    assert "sk-openai-only" not in repr(hosted)


def test_request_caps_tokens_and_constrains_json_for_local_servers() -> None:
    script = Script(completion(facts_json(GDP)))
    run_extract(script)
    body = script.bodies()[0]
    assert body["max_tokens"] == 1536
    assert body["response_format"]["type"] == "json_object"
    assert "facts" in body["response_format"]["schema"]["properties"]


