"""Prompt v3 (one quantity per call) against a scripted model over HTTP: every quantity is asked
about once, metrics are limited to the quantity's unit class, and bad labels are reasked."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import httpx2
import pytest

from pipeline.model import llm
from pipeline.errors import InvalidAnswer
from pipeline.extract.extraction import extract
from pipeline.extract.labelling.base import Part
from pipeline.extract.mentions import quantities
from pipeline.extract.prompts import load_prompt
from pipeline.settings import Settings
from pipeline.ingest.sources import Article, load_article
from schemas.facts import ArticleFacts
from schemas.labels import metrics_for

from .conftest import SEEDS, completion

SEED = SEEDS / "001_d62aa7f765da4adb.txt"


class PerQuantity:
    """A scripted model that labels the one number it is shown with the last allowed metric, 'other'
    with a label (the first allowed metric can fail the metric checks: "several million dollars"
    is no economy's size)."""

    def __init__(self, first_answers: list[dict[str, Any]] | None = None, entity: str = "North Korea") -> None:
        self.first_answers = list(first_answers or [])
        self.entity = entity  # a name the article gives: the validator reasks any other
        self.requests: list[dict[str, Any]] = []

    def answer(self, quantity: str, metrics: list[str]) -> dict[str, Any]:
        if self.first_answers:
            return self.first_answers.pop(0)
        return {"is_fact": True, "metric": metrics[-1], "entity": self.entity, "status": "actual",
                "metric_label": "counted_things" if metrics[-1] == "other" else None}

    def handler(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        self.requests.append(body)
        user = body["messages"][1]["content"]  # the prompt; a reask adds messages after it
        quantity = re.search(r"The number: (.*) \(", user).group(1)
        metrics = re.search(r"Allowed metrics: (.*)", user).group(1).split(", ")
        reply = json.dumps(self.answer(quantity, metrics))
        return httpx2.Response(200, content=completion(reply).model_dump_json(), headers={"content-type": "application/json"})

    def run(self, article: Article | None = None, **settings: Any) -> ArticleFacts:
        config = Settings(**{"base_url": "http://scripted.invalid/v1", "max_retries": 0, "prompt": "extract_facts@3", **settings})
        client = llm.build_client(config, http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(self.handler)))
        return asyncio.run(extract(article or load_article(SEED), load_prompt("extract_facts@3"), client, config, "run_test"))


def test_one_call_per_quantity_and_every_fact_grounded_with_a_fitting_metric() -> None:
    model = PerQuantity()
    result = model.run()
    mentions = Part(load_article(SEED), 0).asked  # the byline's "4+ years in journalism" is settled by rule
    assert len(model.requests) == len(mentions) == len(result.facts)
    for fact, mention in zip(sorted(result.facts, key=lambda f: f.mention_span), mentions):
        assert fact.grounding == "exact" and fact.value == mention.value
        assert fact.metric == metrics_for(mention.unit_class)[-1] == "other" and fact.entity == model.entity
        assert fact.metric_label == "counted_things"


def test_the_schema_sent_limits_metrics_to_the_unit_class() -> None:
    model = PerQuantity()
    model.run()
    for body in model.requests:
        user = body["messages"][1]["content"]
        allowed = re.search(r"Allowed metrics: (.*)", user).group(1).split(", ")
        schema = body["response_format"]["schema"]
        enum = next(option["enum"] for option in schema["properties"]["metric"]["anyOf"] if "enum" in option)
        assert enum == allowed and enum[-1] == "other"


def test_a_percentage_called_not_a_fact_is_reasked_with_the_reason() -> None:
    model = PerQuantity(first_answers=[{"is_fact": False, "reason": "a date"}])
    result = model.run(reasks=1)
    assert len(model.requests) == len(Part(load_article(SEED), 0).asked) + 1
    reask = model.requests[1]["messages"]
    assert "set is_fact true" in json.dumps(reask)
    assert all(f.entity == model.entity for f in result.facts)


def test_a_label_that_never_validates_fails_the_article_with_the_last_answer() -> None:
    never = {"is_fact": True, "metric": "other"}  # 'other' without a label, every time
    model = PerQuantity(first_answers=[never, never])
    with pytest.raises(InvalidAnswer) as caught:
        model.run(reasks=1)
    assert len(model.requests) == 2  # the answer and its reask; no later quantity is asked about
    assert "quantity m1 «about a million shells» still failed validation after 2 attempts" in str(caught.value)
    assert "set metric_label" in str(caught.value) and json.loads(caught.value.raw_answer) == never


def test_template_syntax_in_an_article_reaches_the_model_verbatim(tmp_path) -> None:
    text = "Testland's GDP grew 4.5% in 2023 {{ 7*7 }} {% if x %} {# note #} {{{ said the bank.\n"
    (tmp_path / "braces.txt").write_text(text)
    model = PerQuantity(entity="Testland")
    result = model.run(load_article(tmp_path / "braces.txt"))
    sent = model.requests[0]["messages"][1]["content"]
    assert "{{ 7*7 }} {% if x %} {# note #} {{{" in sent and "49" not in sent
    assert 4.5 in [f.value for f in result.facts]


def test_phrase_numbers_are_settled_by_rule_and_never_sent(tmp_path) -> None:
    text = ("Copper hit a 15-year high on Monday. Weak supply was one factor, traders said.\n\n"
            "Chile's copper exports rose 12% to $4.1 billion in May.\n")
    (tmp_path / "copper.txt").write_text(text)
    model = PerQuantity(entity="Chile")
    result = model.run(load_article(tmp_path / "copper.txt"))
    sent = [body["messages"][1]["content"] for body in model.requests]
    assert len(sent) == len(quantities(text)) - 2
    assert not any(re.search(r"The number: (15-year|one factor) \(", s) for s in sent)
    assert sorted(f.value for f in result.facts) == pytest.approx([12.0, 4.1e9])
    coverage = next(f.message for f in result.findings if f.check == "coverage")
    assert "«15-year» (model: rule: record_span)" in coverage and "(model: rule: one_as_pronoun)" in coverage
