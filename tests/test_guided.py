"""Prompt v2 (mention-guided) end to end against a scripted labeller over HTTP, long articles included."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import httpx2
import pytest

from pipeline.errors import InvalidAnswer
from pipeline.model import llm
from pipeline.extract.extraction import extract
from pipeline.extract.labelling.marked import mark_text
from pipeline.extract.labelling.base import Part
from pipeline.extract.mentions import quantities
from pipeline.extract.prompts import load_prompt
from pipeline.settings import Settings
from pipeline.ingest.sources import Article, load_article
from schemas.facts import ArticleFacts

from .conftest import SEEDS, completion

# "other" for money and percentages: a fixed vocabulary metric would fail the metric checks on some numbers
METRIC_FOR = {"duration": "consecutive_contraction_years"}


class Labeller:
    """A scripted model: labels the marks it is asked about, using the scanner's unit class."""

    def __init__(self, answer_share: float = 1.0, decline: str | None = None) -> None:
        self.answer_share, self.decline = answer_share, decline
        self.asked: list[list[str]] = []

    def label(self, mark_id: str, words: str, kind: str) -> dict[str, Any]:
        if self.decline and self.decline in words:
            return {"id": mark_id, "is_fact": False, "reason": "a date"}
        metric = METRIC_FOR.get(kind, "other")
        # no entity: code fills it from the sentence (a name the article does not give would be reasked)
        return {"id": mark_id, "is_fact": True, "metric": metric, "entity": None, "status": "actual",
                "metric_label": "counted_things" if metric == "other" else None}

    def handler(self, request: httpx2.Request) -> httpx2.Response:
        user = json.loads(request.content)["messages"][-1]["content"]
        ids = re.search(r"Label these marks: (.*)", user).group(1).split(", ")
        marked = user.split("<<<\n", 1)[1].split("\n>>>", 1)[0]
        words = dict(re.findall(r"⟦(m\d+): ([^⟧]*)⟧", marked))
        kinds = {m.id: m.unit_class for m in quantities(re.sub(r"⟦m\d+: ([^⟧]*)⟧", r"\1", marked))}
        self.asked.append(ids)
        answered = ids[: max(1, int(len(ids) * self.answer_share))] if len(self.asked) == 1 else ids
        body = json.dumps({"labels": [self.label(i, words[i], kinds[i]) for i in answered]})
        return httpx2.Response(200, content=completion(body).model_dump_json(), headers={"content-type": "application/json"})

    def run(self, article: Article, **settings: Any) -> ArticleFacts:
        config = Settings(**{"base_url": "http://scripted.invalid/v1", "max_retries": 0, "prompt": "extract_facts@2", **settings})
        client = llm.build_client(config, http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(self.handler)))
        return asyncio.run(extract(article, load_prompt("extract_facts@2"), client, config, "run_test"))


def test_mark_text_wraps_each_mention_with_its_id() -> None:
    text = "GDP grew 3.1% in 2023 while trade rose to $2.77 billion."
    marked = mark_text(text, quantities(text))
    assert "⟦m1: 3.1%⟧" in marked and "⟦m2: $2.77 billion⟧" in marked
    assert re.sub(r"⟦m\d+: ([^⟧]*)⟧", r"\1", marked) == text


def test_every_guided_fact_is_grounded_and_takes_its_number_from_code() -> None:
    article = load_article(SEEDS / "001_d62aa7f765da4adb.txt")
    result = Labeller().run(article)
    assert result.facts, "the labeller marked every mention a fact"
    assert all(f.grounding == "exact" for f in result.facts)
    values = {m.value for m in quantities(article.text)}
    assert all(abs(f.value) in values for f in result.facts)
    assert all(article.text[f.span[0]:f.span[1]] == f.quote for f in result.facts)


def test_unanswered_marks_are_asked_again_and_only_them() -> None:
    article = load_article(SEEDS / "002_f21ded7eab1fc390.txt")
    labeller = Labeller(answer_share=0.5)
    result = labeller.run(article)
    first, second = labeller.asked
    assert set(second) == set(first) - set(first[: max(1, int(len(first) * 0.5))])
    assert len(result.facts) == len(Part(article, 0).asked)  # all but the phrase numbers settled by rule


def test_declined_marks_appear_in_the_coverage_finding_with_the_reason() -> None:
    article = load_article(SEEDS / "002_f21ded7eab1fc390.txt")
    result = Labeller(decline="three").run(article)
    coverage = [f for f in result.findings if f.check == "coverage"]
    assert len(coverage) == 1
    assert "«three-year»" in coverage[0].message or "three" in coverage[0].message
    assert "(model: a date)" in coverage[0].message


def long_article() -> Article:
    paragraphs = []
    for i in range(240):
        paragraphs.append(
            f"In district {i}, officials said output grew {i % 9 + 1}.{i % 7}% last year, while exports reached "
            f"${i + 10}.{i % 10} billion and the workforce counted about {i + 2} thousand people. "
            "Analysts cautioned that the figures were provisional and could be revised in later reports."
        )
    text = "\n\n".join(paragraphs)
    assert len(text) >= 50_000
    return Article(article_id="a_long", path="long.txt", source="Synthetic", url=None, published="2024-07",
                   title=None, language="en", text=text, content_sha256="0" * 64)


def test_fifty_thousand_character_article_is_chunked_and_merged_without_duplicates() -> None:
    article = long_article()
    labeller = Labeller()
    result = labeller.run(article, chunk_chars=12_000, chunk_overlap=400)
    assert len(labeller.asked) >= 5  # one call per chunk
    mentions = quantities(article.text)
    assert len(result.facts) == len(mentions)
    spans = [f.mention_span for f in result.facts]
    assert len(set(spans)) == len(spans)
    assert all(f.grounding == "exact" for f in result.facts)
    assert not [f for f in result.findings if f.check == "coverage"]


class WrongMetricFirst(Labeller):
    """Labels every percentage with a money metric on the first call, correctly afterwards."""

    def label(self, mark_id: str, words: str, kind: str) -> dict[str, Any]:
        answer = super().label(mark_id, words, kind)
        if kind == "percent" and len(self.asked) == 1:
            answer["metric"] = "gdp_nominal"
        return answer


def test_rejected_labels_are_asked_again_with_the_reason() -> None:
    article = load_article(SEEDS / "002_f21ded7eab1fc390.txt")
    labeller = WrongMetricFirst()
    bodies: list[str] = []
    original = labeller.handler

    def recording(request: httpx2.Request) -> httpx2.Response:
        bodies.append(json.loads(request.content)["messages"][-1]["content"])
        return original(request)

    labeller.handler = recording  # type: ignore[method-assign]
    result = labeller.run(article)
    percents = [m.id for m in quantities(article.text) if m.unit_class == "percent"]
    assert set(percents) <= set(labeller.asked[1])
    assert "were rejected" in bodies[1] and "measured in currency" in bodies[1]
    for mark in set(labeller.asked[1]) - set(percents):  # a scripted metric the metric checks refused
        assert re.search(rf"- {mark}: .*does not fit", bodies[1])
    assert sum(1 for f in result.facts if f.unit == "percent") == len(percents)
    assert len(bodies) == 2  # no full reask: only the rejected marks were asked again


class WrongMetricAlways(Labeller):
    """Labels every percentage with a money metric, on the follow-up call too."""

    def label(self, mark_id: str, words: str, kind: str) -> dict[str, Any]:
        answer = super().label(mark_id, words, kind)
        return answer | {"metric": "gdp_nominal"} if kind == "percent" else answer


def test_a_label_still_rejected_after_the_follow_up_fails_the_article_with_the_last_answer() -> None:
    text = "Testland's GDP grew 3.1% in 2023, while its trade with Farland rose to $2.77 billion, officials said.\n"
    labeller = WrongMetricAlways()
    with pytest.raises(InvalidAnswer) as caught:
        labeller.run(Article(article_id="a1", path="a.txt", source="Synthetic", url=None, published="2024-07", title=None,
                             language="en", text=text, content_sha256="0" * 64))
    assert labeller.asked == [["m1", "m2"], ["m1"]]  # the rejected percentage is asked about once more, then the article fails
    message = str(caught.value)
    assert message.startswith("the labels of m1 «3.1%» were still rejected after the follow-up call: ")
    assert "m1 is a percent but metric 'gdp_nominal' is measured in currency" in message
    assert json.loads(caught.value.raw_answer)["labels"][0]["metric"] == "gdp_nominal"
