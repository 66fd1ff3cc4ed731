"""Labelling: a figure whose clause names no subject of its own takes the subject of the figure before it
(`carried.carry_subjects`)."""

from __future__ import annotations

import pytest

from pipeline.extract.labelling.carried import listed_after, stands_for
from pipeline.extract.labelling.mention_facts import facts_from_labels, measured
from pipeline.extract.mentions import quantities
from pipeline.ingest.sources import Article
from schemas.labels import MentionLabel
from tests.test_mention_facts import STAMP

LEAD = "Ruritania's jobless rate rose to 5.4% in May."


def article_of(text: str) -> Article:
    return Article(article_id="a1", path="a1.txt", source="Outlet", url=None, published="2024-06-07", title=None,
                   language="en", text=text, content_sha256="0" * 64)


def labelled(text: str, second: str = "percentage") -> list[tuple]:
    """(number, metric, label, entity) of each fact of `text`, its first quantity labelled the jobless
    rate of Ruritania and every other one `other:<second>` of no known entity, as a small model does."""
    article = article_of(text)
    mentions = quantities(text)
    labels = {m.id: MentionLabel(id=m.id, is_fact=True, metric="unemployment_rate", entity="Ruritania") if i == 0 else
              MentionLabel(id=m.id, is_fact=True, metric="other", metric_label=second, entity="unknown")
              for i, m in enumerate(mentions)}
    facts, _ = facts_from_labels(mentions, labels, article, STAMP)
    return [(f.quote[slice(*f.number_in_quote())], f.metric, f.metric_label, f.entity) for f in facts]


RATE = ("unemployment_rate", None, "Ruritania")


@pytest.mark.parametrize("follow", [
    " It came in above the 5.2% consensus.",
    " It came in above Wall Street's 5.2% forecast.",
    " Economists polled by Reuters had expected 5.2%.",
    " The figure is up from a 5.2% reading in April.",
    " But the figure was well above the 5.2% level of a year ago.",
    "\n\nThat was a sharp rise from 5.2% in April.",
])
def test_a_figure_that_stands_for_the_one_before_takes_its_metric_and_entity(follow) -> None:
    assert labelled(LEAD + follow)[1] == ("5.2%", *RATE)


def test_forecasters_may_stand_for_a_figure_given_earlier_in_the_article() -> None:
    text = (LEAD + " The finance minister welcomed the news on Friday.\n\nAnalysts had pencilled in a 5.3% rate "
            "and a 0.1% monthly increase.")
    assert labelled(text)[1:] == [("5.3%", *RATE), ("0.1%", *RATE)]


@pytest.mark.parametrize("follow", [
    " Analysts had expected wage growth of 3%.",  # the clause names what it measures
    " It also said 12% of young people were out of work.",
    " That is 12% of the workforce.",  # a share
    " Shares fell on the news.\n\nIt closed 3% lower on Friday.",  # "it" is the sentence before's, which has no figure
    " Factory output grew 1.2%.",  # a subject of its own
    " Among those under 25, the rate was 11.2%.",  # another group's rate
    " Economists had expected 120,000 new jobs.",  # no earlier figure of that unit
])
def test_a_figure_with_a_subject_of_its_own_keeps_its_label(follow) -> None:
    facts = labelled(LEAD + follow)
    assert facts[0][1:] == RATE
    assert all(metric == "other" and label == "percentage" and entity == "unknown" for _, metric, label, entity in facts[1:])


def test_a_pronoun_s_figure_takes_the_metric_it_stands_for_over_one_its_sentence_does_not_name() -> None:
    text = LEAD + " That was far more than the 5.1% rise economists expected."
    article = article_of(text)
    mentions = quantities(text)
    labels = {mentions[0].id: MentionLabel(id=mentions[0].id, is_fact=True, metric="unemployment_rate", entity="Ruritania"),
              mentions[1].id: MentionLabel(id=mentions[1].id, is_fact=True, metric="inflation_rate", entity="Ruritania")}
    facts, _ = facts_from_labels(mentions, labels, article, STAMP)
    assert [f.metric for f in facts] == ["unemployment_rate", "unemployment_rate"]


def test_a_figure_the_model_named_keeps_its_name() -> None:
    assert labelled(LEAD + " It came in above the 5.2% consensus.", second="youth_unemployment")[1] == (
        "5.2%", "other", "youth_unemployment", "unknown")


def test_the_carried_fact_gets_the_id_of_its_new_metric() -> None:
    text = LEAD + " It came in above the 5.2% consensus."
    article = article_of(text)
    mentions = quantities(text)
    labels = {m.id: MentionLabel(id=m.id, is_fact=True, metric="unemployment_rate", entity="Ruritania") for m in mentions}
    direct, _ = facts_from_labels(mentions, labels, article, STAMP)
    carried, _ = facts_from_labels(mentions, {**labels, mentions[1].id: MentionLabel(
        id=mentions[1].id, is_fact=True, metric="other", metric_label="percentage", entity="unknown")}, article, STAMP)
    assert [f.fact_id for f in carried] == [f.fact_id for f in direct]


@pytest.mark.parametrize("follow", [
    " Youth joblessness rose to 11.2% in May and 11.9% in June.",
    " Youth joblessness rose 0.4% on the month, and 1.1% compared with a year earlier.",
])
def test_a_figure_listed_right_after_another_shares_its_subject(follow) -> None:
    text = "Ruritania's jobless rate rose to 5.4% in May." + follow
    article = article_of(text)
    mentions = quantities(text)
    names = ["unemployment_rate", "youth_unemployment", "percentage"]
    labels = {m.id: MentionLabel(id=m.id, is_fact=True, metric=names[i] if i == 0 else "other",
                                 metric_label=None if i == 0 else names[i], entity="Ruritania" if i < 2 else "unknown")
              for i, m in enumerate(mentions)}
    facts, _ = facts_from_labels(mentions, labels, article, STAMP)
    assert [(f.metric, f.metric_label, f.entity) for f in facts[1:]] == [("other", "youth_unemployment", "Ruritania")] * 2


@pytest.mark.parametrize("text", [
    "Exports rose 5% in May and imports 7% in June.",  # a subject of its own
    "Sales rose 5% on the month, and 40% of them were made online.",
    "Exports rose 5% on Monday and fell 7% on the week.",  # no list: a verb of its own
])
def test_a_figure_with_words_of_its_own_is_not_listed(text) -> None:
    first, then = quantities(text)
    assert not listed_after(text, (first.start, first.end), (then.start, then.end))


@pytest.mark.parametrize(("sentence", "expected"), [
    ("It came in under the 0.4% forecast.", "pronoun"),
    ("Economists surveyed by Dow Jones had looked for a 0.4% gain.", "forecast"),
    ("It raised its sales forecast by 0.4%.", None),
    ("Economists expect prices to rise 0.4%.", None),
])
def test_which_clauses_stand_for_an_earlier_figure(sentence, expected) -> None:
    mention = quantities(sentence)[0]
    assert stands_for(measured(mention, sentence)) == expected
