"""Unit tests: a figure labelled actual whose own clause says it was expected becomes a forecast
(`status_of`), an entity that only repeats what the number counts is no entity, and an economy's
figure belongs to the economy its sentence names (`entity_of`);
both in pipeline/extract/labelling/mention_facts."""

from __future__ import annotations

import pytest

from pipeline.extract.labelling.mention_facts import measured, status_of
from pipeline.extract.mentions import quantities

CASES = [
    # (sentence, the number's words, the model's status, the fact's status)
    ("Analysts had expected output to grow by 1.1% over the quarter.", "1.1%", "actual", "forecast"),
    ("The company said revenue will reach $24 billion next quarter.", "$24 billion", "actual", "forecast"),
    ("Output shrank 0.4%, while analysts polled by the agency had forecast growth of 1.1%.", "1.1%", "actual", "forecast"),
    ("Output shrank 0.4%, while analysts polled by the agency had forecast growth of 1.1%.", "0.4%", "actual", "actual"),
    ("Output fell a larger-than-expected 0.3% in the quarter.", "0.3%", "actual", "actual"),
    ("Output fell 0.3% in the quarter, more than expected.", "0.3%", "actual", "actual"),
    ("Output fell 0.3% in the quarter worse than most economists expected.", "0.3%", "actual", "actual"),
    ("Officials estimate that 2,000 homes were destroyed.", "2,000 homes", "estimate", "estimate"),
    ("Officials expect 2,000 homes to be rebuilt.", "2,000 homes", None, "forecast"),
    ("The storm destroyed 2,000 homes.", "2,000 homes", None, "actual"),
    ("Allies promised Kyiv they would send 40,000 rifles within a year.", "40,000 rifles", "actual", "forecast"),
    ("The ministry set a target of 3.5% for the year.", "3.5%", "actual", "forecast"),
    ("Allies, which pledged 40,000 rifles, have sent 12,000 so far.", "12,000", "actual", "actual"),
    ("They have sent only 12,000 of the promised 40,000 rifles.", "12,000", "actual", "actual"),
    ("The mayor said the toll could climb to 9,000.", "9,000", "actual", "forecast"),
    ("They have sent only 12,000 of the promised 40,000 rifles.", "40,000 rifles", "actual", "forecast"),
    ("Officials lowered their inflation outlook to 2.3% from 2.6%.", "2.3%", "actual", "forecast"),
    ("The committee took down its projection to 2.6% in September.", "2.6%", "actual", "forecast"),
    ("The island state of 1.3 million people will elect a new parliament on Sunday.", "1.3 million people", "actual", "actual"),
    ("Planners expect the state to reach 1.3 million people by 2040.", "1.3 million people", "actual", "forecast"),
]


@pytest.mark.parametrize(("sentence", "words", "label", "status"), CASES)
def test_an_expected_figure_is_a_forecast_whatever_the_label(sentence: str, words: str, label: str | None, status: str) -> None:
    mention = next(m for m in quantities(sentence) if m.text == words)
    assert status_of(label, measured(mention, sentence)) == status


def test_an_entity_that_only_repeats_the_counted_noun_is_unknown() -> None:
    from pipeline.extract.labelling.mention_facts import entity_of
    sentence = "North Korea has sent about a million shells to Russia."
    mention = next(m for m in quantities(sentence) if m.text == "about a million shells")
    metric = "artillery_shells_transferred"
    assert (entity_of(mention, "shells", metric, sentence) == entity_of(mention, "Shell", metric, sentence)
            == entity_of(mention, None, metric, sentence) == "unknown")
    assert entity_of(mention, "North Korea", metric, sentence) == "North Korea"


@pytest.mark.parametrize(("entity", "kept"), [
    ("1.6-mile", False), ("1.6 miles", False), ("12 million vehicles", False), ("over 10 million fans", False),
    ("34", False), ("time", False), ("people", False),
    ("Harbour Bridge", True), ("G7", True), ("Channel 4", True), ("the EU", True),
])
def test_an_amount_or_a_lone_common_noun_is_no_entity(entity: str, kept: bool) -> None:
    from pipeline.extract.labelling.mention_facts import entity_of
    sentence = "The Harbour Bridge spans 1.6 miles across the bay."
    mention = next(m for m in quantities(sentence) if m.text == "1.6 miles")
    assert entity_of(mention, entity, "other", sentence) == (entity if kept else "unknown")


@pytest.mark.parametrize(("sentence", "entity", "kept"), [
    ("Freedonia has sent about a million shells to Sylvania, Ruritania's spy agency said.", "Ruritania", False),
    ("Freedonia has sent about a million shells to Sylvania, according to Ruritania's defence ministry.", "Ruritania",
     False),
    ("Freedonia has sent about a million shells to Sylvania, Ruritania's spy agency said.", "Freedonia", True),
    ("Ruritania has sent about a million shells to Sylvania, Ruritania's defence ministry said.", "Ruritania", True),
    ("Ruritania's army has received about a million shells, its officials said.", "Ruritania", True),
    ("Ruritania shipped about a million shells last year.", "Ruritania", True),  # no one reports it
])
def test_an_entity_named_only_as_the_figures_reporter_is_not_its_subject(sentence: str, entity: str, kept: bool) -> None:
    from pipeline.extract.labelling.mention_facts import entity_of
    mention = next(m for m in quantities(sentence) if m.text == "about a million shells")
    assert entity_of(mention, entity, "artillery_shells_transferred", sentence) == (entity if kept else "unknown")


OWNED = [
    ("Freedonia's small, open economy, which Sylvania's central bank says was worth $31.2 billion in 2022, "
     "is growing.", "Freedonia"),
    ("Sylvania's statistics office said Freedonia's gross domestic product reached $8 billion.", "Freedonia"),
    ("The Bank of Sylvania's estimate put the economy at $8 billion.", None),  # the bank's estimate, not its economy
    ("The IMF's outlook for the economy is $8 billion of output.", None),
    ("Freedonia's economy is worth $8 billion, while Sylvania's economy is worth $20 billion.", None),  # two owners
]


@pytest.mark.parametrize(("sentence", "owner"), OWNED)
def test_an_economy_figure_belongs_to_the_economy_its_sentence_names(sentence: str, owner: str | None) -> None:
    from pipeline.extract.entities import economy_owner
    from pipeline.extract.labelling.mention_facts import entity_of
    assert economy_owner(sentence) == owner
    mention = next(m for m in quantities(sentence) if m.unit_class == "currency")
    assert entity_of(mention, "Sylvania", "gdp_nominal", sentence) == (owner or "Sylvania")
    assert entity_of(mention, "Atlantis", "exports", sentence) == "Atlantis"  # only an economy's own figures


@pytest.mark.parametrize(("entity", "expected"), [
    ("Sylvania", "unknown"),  # the sentence speaks of the Freedonian economy
    ("Freedonia", "Freedonia"),  # the adjective names it
])
def test_an_economy_named_by_its_adjective_is_not_another_entitys(entity: str, expected: str) -> None:
    from pipeline.extract.labelling.mention_facts import entity_of
    sentence = "In the last quarter the Freedonian economy shrank 0.2% from the previous quarter."
    mention = next(m for m in quantities(sentence) if m.unit_class == "percent")
    assert entity_of(mention, entity, "gdp_real_growth", sentence) == expected
    assert entity_of(mention, "Sylvania", "exports", sentence) == "Sylvania"  # only an economy's own figures
