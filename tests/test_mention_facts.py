"""Facts built from labelled mentions: a move "from A to B" is the level it reached and the earlier level it
started from; a toll's rise is not the toll."""

from __future__ import annotations

import pytest

from pipeline.extract.labelling.base import Provenance
from pipeline.check.validation.questions import stance
from pipeline.extract.labelling.mention_facts import facts_of_mention, measured
from pipeline.extract.mentions import quantities
from pipeline.ingest.sources import Article
from schemas.facts import QuantFact
from schemas.labels import MentionLabel
from schemas.metric_checks import measured_problem

STAMP = Provenance(prompt_ref="extract_facts@6", model="test", run_id="r1")


def facts_of(text: str, metric: str = "other", label: str | None = "count") -> list[QuantFact]:
    """The facts of every quantity in `text`, each labelled `metric` (`label`) by the model."""
    article = Article(article_id="a1", path="a1.txt", source="Outlet", url=None, published="2024-07-08", title=None,
                      language="en", text=text, content_sha256="0" * 64)
    return [fact for m in quantities(text) for fact in facts_of_mention(
        m, MentionLabel(id=m.id, is_fact=True, metric=metric, metric_label=label, entity="Ruritania"), article, STAMP)]


def ends_of(text: str, metric: str = "other", label: str | None = "count") -> list[tuple]:
    return [(f.value, f.value_max, f.qualifier) for f in facts_of(text, metric, label)]


@pytest.mark.parametrize("text, metric, label, expected", [
    ("The number of Green deputies has increased from 31 to 54.", "other", "count", [(54.0, None, "exact"), (31.0, None, "exact")]),
    ("The jobless rate fell from 6.1% to 5.8% in the spring.", "unemployment_rate", None,
     [(5.8, None, "exact"), (6.1, None, "exact")]),
    ("The bank cut its rate from 4.25% to 4% on Thursday.", "other", "policy_rate", [(4.0, None, "exact"), (4.25, None, "exact")]),
    ("Inflation rose from 2.2 to 2.9 percent.", "inflation_rate", None, [(2.9, None, "exact"), (2.2, None, "exact")]),
    # a verb that names no way: the ends as written say it
    ("The fund revised its growth forecast from 3% to 2.5% on Tuesday.", "gdp_real_growth", None,
     [(2.5, None, "exact"), (3.0, None, "exact")]),
    ("The tally was revised from 12 to 15 overnight.", "other", "count", [(15.0, None, "exact"), (12.0, None, "exact")]),
    ("Her share went from 1.2 to 1.5 billion views.", "other", "views", [(1.5e9, None, "exact"), (1.2e9, None, "exact")]),
    ("The levy pushed the typical bill from £980 to £1,140.", "other", "bill", [(1140.0, None, "exact"), (980.0, None, "exact")]),
    # the level left behind named as the one now
    ("The cap will rise from the current £1,650 to £2,980.", "other", "bill", [(2980.0, None, "exact"), (1650.0, None, "exact")]),
    ("The group plans to sell down its holding in the lender from the current 34% to 24%.", "other", "stake",
     [(24.0, None, "exact"), (34.0, None, "exact")]),
    # the size of the move between the verb and "from", and an adjective that looks like a verb
    ("The fare will increase 9.8 per cent from £2.05 to £2.25 a ride.", "other", "amount",
     [(9.8, None, "exact"), (2.25, None, "exact"), (2.05, None, "exact")]),
    ("The fare will rise by £0.20 from £2.05 to £2.25 a ride.", "other", "amount",
     [(0.2, None, "exact"), (2.25, None, "exact"), (2.05, None, "exact")]),
    ("She raised the lower rate from 11% to 17%.", "other", "tax_rate", [(17.0, None, "exact"), (11.0, None, "exact")]),
    # a verb right before "from", with no object between
    ("The wait for full pay is reduced from eight years to three years.", "other", "wait", [(3.0, None, "exact"), (8.0, None, "exact")]),
    ("Prices fell 3%, from $10 to $9.70.", "other", "price", [(-3.0, None, "exact"), (9.7, None, "exact"), (10.0, None, "exact")]),
    # a move whose verb is left out shares the verb of the move before it
    ("She raised the basic rate from 12% to 19% and the top rate from 21% to 26%.", "other", "tax_rate",
     [(19.0, None, "exact"), (12.0, None, "exact"), (26.0, None, "exact"), (21.0, None, "exact")]),
])
def test_a_move_from_one_level_to_another_is_the_level_reached_and_the_level_it_started_from(
        text: str, metric: str, label: str | None, expected: list[tuple]) -> None:
    assert ends_of(text, metric, label) == expected


def test_the_ends_of_a_move_are_checked_as_levels_and_a_change_as_a_change() -> None:
    """A count metric fits the level a move reached ("rose from 5.8 million to 6.3 million"), not its size."""
    text = "The region's population rose by 0.5 million, from 5.8 million to 6.3 million."
    by_size, move = quantities(text)
    assert measured_problem("population", measured(move, text)) is None
    assert "not a level" in measured_problem("population", measured(by_size, text))


def test_the_level_a_move_started_from_is_its_own_number_and_the_earlier_figure() -> None:
    text = "The film's takings jumped from $80.5 million to $82 million on Monday."
    reached, began = facts_of(text, "other", "box_office")
    assert [text[slice(*f.mention_span)] for f in (reached, began)] == ["from $80.5 million to $82 million", "$80.5 million"]
    assert (reached.value, began.value, reached.unit, began.unit) == (82_000_000, 80_500_000, "USD", "USD")
    assert (stance(reached), stance(began)) == ("", "earlier")  # two questions for the verdicts, never a conflict
    assert reached.fact_id != began.fact_id


@pytest.mark.parametrize("text, expected", [
    ("Estimates of the crowd ranged from 8,000 to 12,000.", [(8000.0, 12000.0, "range")]),
    ("Forecasters expect between 4 and 6 inches of snow.", [(4.0, 6.0, "range")]),
    ("The estimate was revised to range from 8 to 12 per cent.", [(8.0, 12.0, "range")]),
    ("Prices were cut in May. Deposit rates from 5% to 4% are offered.", [(4.0, 5.0, "range")]),  # a verb of another sentence
    ("Estimates ranged from 10 to 18, and the count from 20 to 24.", [(10.0, 18.0, "range"), (20.0, 24.0, "range")]),
    ("She raised the lower rate from 11% to 17% and the higher from 24% to 20%.",  # the ends go the other way
     [(17.0, None, "exact"), (11.0, None, "exact"), (20.0, 24.0, "range")]),
])
def test_a_range_with_no_move_keeps_both_ends(text: str, expected: list[tuple]) -> None:
    assert ends_of(text) == expected


@pytest.mark.parametrize("text, metric, label, expected", [
    ("Health officials reported four more deaths on Friday.", "casualties", None, "deaths_added"),
    ("The agency counted three additional fatalities.", "casualties", None, "deaths_added"),
    ("Eleven new illnesses were reported in the update.", "other", "count", "illnesses_added"),
    ("Two more people have died since the weekend.", "casualties", None, "deaths_added"),
    ("Another 15 people were injured in the aftershock.", "other", "count", "injuries_added"),
    ("The three most recent deaths were in the north.", "casualties", None, "deaths_added"),
])
def test_what_a_report_added_to_a_toll_is_not_the_toll(text: str, metric: str, label: str | None, expected: str) -> None:
    assert [(f.metric, f.metric_label, f.value > 0) for f in facts_of(text, metric, label)] == [("other", expected, True)]


@pytest.mark.parametrize("text", ["The death toll has risen to nine, officials said.", "Nine people have died so far.",
                                  "The company hired 40 new workers."])
def test_a_toll_or_a_count_of_other_things_keeps_its_label(text: str) -> None:
    assert [f.metric for f in facts_of(text, "casualties", None)] == ["casualties"]
