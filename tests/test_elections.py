"""Unit tests: a percentage its words call a share of the vote is `vote_share`, held by the name the
sentence's grammar gives it (pipeline/extract/labelling/elections, used by mention_facts); shares held
by one candidate under a full name and a surname are compared (grouping.full_names)."""

from __future__ import annotations

import pytest

from pipeline.check.validation import validate
from pipeline.extract.labelling.base import Provenance
from pipeline.extract.labelling.elections import vote_holder, vote_label
from pipeline.extract.labelling.mention_facts import fact_from_label, measured
from pipeline.extract.mentions import quantities
from pipeline.ingest.sources import Article
from schemas.labels import MentionLabel

# Hand-written sentences in news style: (sentence, the number's words, the label, the holder).
CASES = [
    ("Her rival, Ana Ruiz, the nominee of a two-party alliance, took between 31.2% and 33.4% of the vote, the count showed.",
     "between 31.2% and 33.4%", "vote_share", "Ana Ruiz"),
    ("Challenger Ana Ruiz obtained between 31.2 percent and 33.4 percent of the vote and Tomas Vela obtained between "
     "8.1 percent and 9.0 percent of the vote, according to the quick count.",
     "between 8.1 percent and 9.0 percent", "vote_share_quick_count", "Tomas Vela"),
    ("Challenger Ana Ruiz obtained between 31.2 percent and 33.4 percent of the vote, according to the quick count.",
     "between 31.2 percent and 33.4 percent", "vote_share_quick_count", "Ana Ruiz"),
    ("The ruling Freedom Party (FP) has so far won only 44.3 percent of the vote.", "44.3 percent", "vote_share", "FP"),
    ("The Green Party's 6 per cent of the vote was its best ever.", "6 per cent", "vote_share", "Green Party"),
    ("The Liberal Democrats' 11% vote share brought them 60 seats.", "11%", "vote_share", "Liberal Democrats"),
    ("The Conservative vote share dropped by 18 points to 25 percent.", "25 percent", "vote_share", "Conservative"),
    ("The Union Party obtained 1,204,300 or 8.7% of the vote.", "8.7%", "vote_share", "Union Party"),
    ("The National Front came second with the most votes (22.5 percent) after the winner, followed by the NF "
     "(11.2 percent) and the PDU (7.3 percent).", "11.2 percent", "vote_share", "NF"),
    ("With 85% of the ballots counted, the Freedom Party had 41% of the votes.", "41%", "vote_share", "Freedom Party"),
    ("Exit polls showed that Ruiz received 55% of the vote.", "55%", "vote_share_exit_poll", "Ruiz"),
    ("Candidate Mara Lind received 2,104,377 votes, or 38.12 percent of the total.", "38.12 percent", "vote_share",
     "Mara Lind"),
    ("Lind secured over 2.1 million votes, or around 38.1% of the vote, compared to Piet Hols (賀) of the Unity Party "
     "(UP) with 1.6 million or 29.04%.", "29.04%", "vote_share", "Piet Hols"),
    ("Unity Party (UP) Chairman Piet Hols received 1,604,220 votes, or 29.05 percent of the total.", "29.05 percent",
     "vote_share", "Piet Hols"),
    ("In 2020, the Unity Party won 57.13 percent of the vote.", "57.13 percent", "vote_share", "Unity Party"),
    # a place in the race, then the share
    ("Mara Lind led her rivals with 41.6 percent of the vote, followed by Piet Hols, who came second with 30.2 percent.",
     "30.2 percent", "vote_share", "Piet Hols"),
    ("Mara Lind led her rivals with 41.6 percent of the vote.", "41.6 percent", "vote_share", "Mara Lind"),
    # A ticket is its head's; an aside between commas is skipped; a party's ticket is the party's.
    ("Hols of the Unity Party, who partnered with Eva Moor, came second with 1,604,220 votes, or 29.05 percent.",
     "29.05 percent", "vote_share", "Hols"),
    ("Mara Lind and her running mate Jon Berg garnered a total of 2,104,377 votes, or 38.12 percent.", "38.12 percent",
     "vote_share", "Mara Lind"),
    ("Piet Hols (賀) and his running mate Eva Moor (穆) of the Unity Party won 1,604,220 votes, or 29.05 percent, "
     "while Lind came first.", "29.05 percent", "vote_share", "Piet Hols"),
    ("Back in 2016, the Unity Party's joint ticket won 6,120,000 votes, or 44.2 percent of the valid ballots, with the "
     "then-Reform presidential ticket getting 4,010,500 votes (29.1 percent).", "29.1 percent", "vote_share", "Reform"),
    ("Back in 2016, the Unity Party's joint ticket won 6,120,000 votes, or 44.2 percent of the valid ballots.",
     "44.2 percent", "vote_share", "Unity Party"),
    ("Set against 2016, when the Unity Party took 3.2 million votes, or 44.2% of the vote, and Reform garnered 29.8%, "
     "this result was a blow to both.", "29.8%", "vote_share", "Reform"),
    # A former office is a title, not an earlier election; "last month's election" is this one.
    ("Lind won 52.4% of the votes, while former Easton mayor Piet Hols received 30.1%.", "52.4%", "vote_share", "Lind"),
    ("Lind took 41.2% of the vote in last month's presidential election.", "41.2%", "vote_share", "Lind"),
    ("Piet Hols received 1,604,220 votes, equivalent to 29.05% of all valid national votes.", "29.05%", "vote_share",
     "Piet Hols"),
    ("Meanwhile, candidate pair number 2, Piet Hols-Eva Moor, received 1,604,220 votes, equivalent to 29.05% of all "
     "valid votes.", "29.05%", "vote_share", "Piet Hols"),
    ("Lind-Berg won 52.4% of the vote.", "52.4%", "vote_share", "Lind"),
    ("Jean-Paul Ferrand won 21.3% of the vote.", "21.3%", "vote_share", "Jean-Paul Ferrand"),
    ("Lind won a whopping 61.4 percent of the vote, the final tally showed.", "61.4 percent", "vote_share", "Lind"),
    ("The commission declared Lind-Berg victorious after obtaining 9,604,220 votes, or 58.59% of the valid votes.",
     "58.59%", "vote_share", "Lind"),
    ("Ruiz won 52.4% of the votes, while former Easton Gov. Piet Hols received 30.1%.", "30.1%", "vote_share",
     "Piet Hols"),
    # Not a holder's share, or a holder the words do not make plain: the rule stays silent.
    ("The Unity Party won 48% of the vote, against 51% at the previous election.", "48%", None, "Unity Party"),
    ("Lind won 48% of the vote, two points short of her score last time.", "48%", None, "Lind"),
    ("The Spear party, led by Tom Ash, won 14.6% of the vote.", "14.6%", "vote_share", None),
    ("Mara Lind's running mate Jon Berg said the ticket garnered 2,104,377 votes, or 38.12 percent.", "38.12 percent",
     "vote_share", None),
    ("Next to 2016, when it won 44%, the party took 40% of the vote.", "40%", None, None),
    ("Ruiz won 59%, and her rival got 28% of the vote.", "28%", "vote_share", None),
    ("To rule without partners, the bloc needs to win over 50% of the vote.", "over 50%", "vote_share", None),
    ("Vela took 12% of the vote, down from 19% in 2019.", "12%", None, "Vela"),
    ("With 85% of the ballots counted, the Freedom Party had 41% of the votes.", "85%", None, None),
    ("A poll last week gave Ruiz 48% of the vote.", "48%", None, None),
    ("Opposition candidates won 30% of the vote.", "30%", "vote_share", None),
    ("Ruiz became the first woman to win the Ruritanian presidency by winning 57.4% of the vote.", "57.4%", "vote_share", None),
    ("Per the council's count, a sample of 1,000 stations, she won 57.4% of the vote.", "57.4%", "vote_share", None),
    ("The Freedom Party took over 60% of the vote in three of the eight regions.", "over 60%", None, "Freedom Party"),
    ("Mayor Tom Ash kept the seat of Easton and Weston with 47.5 per cent of the vote.", "47.5 per cent", "vote_share", None),
    # A count of votes is `votes`, held the same way.
    ("Anna Lind received nearly 4.1 million votes, while Piet Hols garnered more than 2.7 million votes.",
     "nearly 4.1 million votes", "votes", "Anna Lind"),
    ("Anna Lind received nearly 4.1 million votes, while Piet Hols garnered more than 2.7 million votes.",
     "more than 2.7 million votes", "votes", "Piet Hols"),
    ("Lind won in 16 of 18 regions and received 9.6 million votes compared to 4.1 million.", "4.1 million", None, None),
    ("In the quick count, Lind had 9.6 million votes.", "9.6 million votes", None, "Lind"),
    # So is a count of seats won: in a sentence, in a table's rows, and in a list that gives the verb once.
    ("The ruling Unity Alliance (UA) won 301 seats in the 450-member chamber.", "301 seats", "seats", "UA"),
    ("The Greens, who ran on a climate ticket, secured 48 seats.", "48 seats", "seats", "Greens"),
    ("The count ended with the Unity Party winning 198 seats and the Greens 61.", "61", "seats", "Greens"),
    ("The Opposition Forward bloc, an alliance of the Greens, Labour (LP) and Reform (RF), won 212 seats.",
     "212 seats", "seats", "Forward"),
    ("The vote went against the incumbents, with the Farmers Union, which won 37 seats, the only gainer.",
     "37 seats", "seats", "Farmers Union"),
    ("The Liberal Democratic party took 131 seats.", "131 seats", "seats", "Liberal Democratic"),
    ("The Unity Party led in 74 seats when counting closed.", "74 seats", "seats", "Unity Party"),
    ("Counting for the 2024 election ended with the Unity Party winning 198 seats, far fewer than had been expected.",
     "198 seats", "seats", "Unity Party"),
    ("The Unity Party is expected to win 198 seats.", "198 seats", None, None),
    ("Number of seats won by party:\nUnity Party – 198\nGreens – 61\nReform (Ruritania) – 12", "12", "seats",
     "Reform (Ruritania)"),
    ("The number of seats won by alliances:\nBloc Won UA 301 Forward 212 Others 37", "301", "seats", "UA"),
    ("The number of seats won by alliances:\nBloc Won UA 301 Forward 212 Others 37", "212", "seats", "Forward"),
    # The seats understood from an earlier count, a place in the race, an apposition, an owner before the name.
    ("The Unity Alliance won 210 seats, while the Greens (GR) got 64.", "64", "seats", "GR"),
    ("The Greens, at 64 seats, and Ana Ruiz's Forward bloc, with 57, trail.", "57", "seats", "Forward"),
    ("The Greens, at 64 seats, and Ana Ruiz's Forward bloc, with 57, trail.", "64 seats", "seats", "Greens"),
    ("The Farmers Union came in third with 37 seats.", "37 seats", "seats", "Farmers Union"),
    ("The Greens (GR), an alliance of two parties, won the most seats with 64.", "64", "seats", "GR"),
    ("Mayor Ana Ruiz's Unity Alliance won 210 seats, 40 fewer than polls had predicted.", "210 seats", "seats",
     "Unity Alliance"),
    ("The Greens won 64 seats, short of the 226 they needed.", "64 seats", "seats", "Greens"),
    # Not seats won: a change, a goal, a region's, a share of a pair, a sentence's opening word.
    ("The Greens won 64 seats, short of the 226 they needed.", "226", None, None),
    ("All three blocs are short of the 226 seats needed for a majority.", "226 seats", None, None),
    ("The Greens lost 22 seats.", "22 seats", None, None),
    ("Despite gaining over 90 seats, the party's share barely moved.", "over 90 seats", None, None),
    ("The Unity Party had set a goal of winning 350 seats.", "350 seats", None, "Unity Party"),
    ("The Farmers Union won 37 seats in Eastland.", "37 seats", None, "Farmers Union"),
    ("In Eastland, the Farmers Union won 37 seats.", "37 seats", None, "Farmers Union"),
    ("Both Reform and the Greens won 3 seats each.", "3 seats", "seats", None),
]


@pytest.mark.parametrize(("sentence", "words", "label", "holder"), CASES)
def test_a_share_of_the_vote_is_named_and_held_by_the_sentence_s_subject(sentence, words, label, holder) -> None:
    mention = next(m for m in quantities(sentence) if m.text == words)
    found = measured(mention, sentence)
    kind = "percentage" if mention.unit_class == "percent" else "count"  # the model's kind-only name
    assert (vote_label(found, kind, sentence), vote_holder(found)) == (label, holder)


def test_a_plural_kind_name_is_only_a_kind() -> None:
    sentence = "The Freedom Party won 44.3 percent of the vote."
    found = measured(next(m for m in quantities(sentence) if m.unit_class == "percent"), sentence)
    assert vote_label(found, "percentages", sentence) == "vote_share"


def test_a_share_the_model_named_is_left_as_named() -> None:
    sentence = "The Freedom Party won 44.3 percent of the vote."
    found = measured(next(m for m in quantities(sentence) if m.unit_class == "percent"), sentence)
    assert vote_label(found, "support_level", sentence) is None


def _facts(texts: dict[str, str], entity: str, published: dict[str, str] | None = None) -> list:
    stamp = Provenance(prompt_ref="extract_facts@6", model="test", run_id="r1")
    facts = []
    for article_id, text in texts.items():
        day = (published or {}).get(article_id, "2024-06-03")
        article = Article(article_id=article_id, path=f"{article_id}.txt", source=article_id, url=None,
                          published=day, title=None, language="en", text=text, content_sha256="0" * 64)
        facts += [fact_from_label(m, MentionLabel(id=m.id, is_fact=True, metric="other", metric_label="percentage",
                                                  entity=entity), article, stamp)
                  for m in quantities(text) if m.unit_class == "percent"]
    return facts


def test_shares_named_by_surname_and_full_name_meet_and_disagree() -> None:
    """The model gave the winner's name to the runner-up's share in one text; the rule takes the
    holder from the words, and "Ruiz" meets "Ana Ruiz"."""
    facts = _facts({"a1": "Challenger Ana Ruiz obtained between 31.2% and 33.4% of the vote, the quick count showed.",
                    "a2": "Her rival, Ruiz, won between 31.2% and 33.6% of the vote, according to a quick count."}, "Vela")
    assert [(f.entity, f.metric_label) for f in facts] == [("Ana Ruiz", "vote_share_quick_count"),
                                                           ("Ruiz", "vote_share_quick_count")]
    [group] = validate(facts).groups
    assert group.entity == "ana ruiz" and group.verdict == "conflict"


def test_a_surname_two_candidates_share_is_left_as_written() -> None:
    facts = _facts({"a1": "Ana Ruiz won 31.2% of the vote.", "a2": "Luis Ruiz won 12.5% of the vote.",
                    "a3": "Ruiz won 31.2% of the vote."}, "Vela")
    assert sorted(g.entity for g in validate(facts).groups) == ["ana ruiz", "luis ruiz", "ruiz"]


def _seat_facts(rows: dict[str, list[tuple[str, str]]], label: str = "seats_won") -> list:
    """Facts of seats from hand-written lines, each with the entity and label a model gave it (a line
    with no entity, such as a table's heading, holds no number)."""
    stamp = Provenance(prompt_ref="extract_facts@6", model="test", run_id="r1")
    facts = []
    for article_id, lines in rows.items():
        text = "\n".join(line for _, line in lines)
        article = Article(article_id=article_id, path=f"{article_id}.txt", source=article_id, url=None,
                          published="2024-06-05", title=None, language="en", text=text, content_sha256="0" * 64)
        for (entity, _), mention in zip([line for line in lines if line[0]], quantities(text)):
            facts.append(fact_from_label(mention, MentionLabel(id=mention.id, is_fact=True, metric="other",
                                                               metric_label=label, entity=entity), article, stamp))
    return facts


def test_a_table_giving_a_short_and_a_longer_name_two_figures_holds_them_apart() -> None:
    """"Freedom Party – 22" and "New Freedom Party – 1" in one table are two parties: the shorter name
    is not taken as the longer one's, and the other text's 22 meets the table's 22."""
    facts = _seat_facts({"a1": [("Freedom Party", "The Freedom Party won 22 seats.")],
                         "a2": [("Freedom Party", "Freedom Party – 22 seats"), ("New Freedom Party", "New Freedom Party – 1 seat")]})
    verdicts = sorted((g.entity, g.verdict) for g in validate(facts).groups)
    assert verdicts == [("freedom party", "agree"), ("new freedom party", "single_source")]


def test_a_name_set_beside_its_bracketed_faction_is_the_other_faction_in_that_text() -> None:
    """A table with "Unity (Lind) – 8" and "Unity – 1" means another Unity by the plain name; another
    text's "Unity" (7, which it says is Lind's) is not compared with that 1."""
    facts = _seat_facts({"a1": [("Unity", "Unity won 7 seats.")],
                         "a2": [("", "Seats won by party:"), ("Unity (Lind)", "Unity (Lind) – 8"), ("Unity", "Unity – 1"),
                                ("Greens", "Greens – 4")]})
    groups = validate(facts).groups
    assert not [g for g in groups if g.verdict == "conflict"]
    assert sorted(g.entity for g in groups) == ["greens", "unity", "unity (lind)", "unity [not unity (lind)]"]


def test_an_acronym_is_the_name_a_text_spells_it_out_as() -> None:
    """One text writes "the Green League (GL) took 41 seats", another "the Green League won 44 seats":
    the acronym's 41 meets the name's 44; an acronym no text spells out stays as written."""
    facts = _seat_facts({"a1": [("GL", "In the end the far-left Green League (GL) took 41 seats.")],
                         "a2": [("Green League", "The Green League won 44 seats."), ("UP", "The UP won 151 seats.")]})
    groups = sorted((g.entity, g.verdict) for g in validate(facts).groups)
    assert groups == [("green league", "conflict"), ("up", "single_source")]


def test_seats_the_words_tie_to_no_holder_are_not_compared() -> None:
    """The model's "seats" for counts whose holder the words do not give (an earlier two elections'
    counts, "the 310 and 280 seats it held after the 2019 and 2014 votes") becomes a kind name, never compared."""
    facts = _seat_facts({"a1": [("Ruritania", "It is a far cry from the 310 and 280 seats it held after the 2019 and 2014 votes.")] * 2,
                         "a2": [("Ruritania", "The Unity Party won 240 seats.")]}, label="seats")
    assert [f.metric_label for f in facts] == ["count", "count", "seats"]
    assert facts[2].entity == "Unity Party"


def test_a_share_in_a_sentence_about_one_year_is_that_election_s() -> None:
    facts = _facts({"a1": "In 2020, the Unity Party won 57.13 percent of the vote.",
                    "a2": "The Unity Party won 40.05 percent of the vote."}, "Vela")
    assert [(f.entity, f.period_text) for f in facts] == [("Unity Party", "2020"), ("Unity Party", None)]
    assert sorted(g.verdict for g in validate(facts).groups) == ["single_source", "single_source"]


def test_final_results_meet_across_days_and_running_counts_do_not() -> None:
    """Shares of the vote move by the day while the count goes on, so they meet only on one day;
    a share given as the final or official result no longer moves and meets the others so given."""
    final = _facts({"a1": "Ana Ruiz won 54.21 percent of the vote in the final tally released on Sunday.",
                    "a2": "Ana Ruiz obtained 54.22% of the vote, and the commission declared her the winner."},
                   "Vela", {"a1": "2024-03-24", "a2": "2024-05-28"})
    [group] = validate(final).groups
    assert (group.period, group.verdict) == ("final result (2024)", "conflict")
    running = _facts({"a1": "Ana Ruiz won 54.21 percent of the vote.", "a2": "Ana Ruiz won 54.22% of the vote."},
                     "Vela", {"a1": "2024-03-24", "a2": "2024-05-28"})
    assert [g.verdict for g in validate(running).groups] == ["single_source", "single_source"]
    quick = _facts({"a1": "Ana Ruiz won 58.3% of the vote in the quick count, before the final count.",
                    "a2": "Ana Ruiz took 58.1% of the vote in a quick count; the final count is due in March."},
                   "Vela", {"a1": "2024-02-14", "a2": "2024-02-20"})
    assert all(g.period != "final result (2024)" for g in validate(quick).groups)


def test_seats_counted_so_far_grow_into_the_final_count_and_final_counts_still_disagree() -> None:
    """A count of seats its sentence gives as the count so far only grows: it is no conflict with the
    final count. Two texts' final counts that differ still are."""
    facts = _seat_facts({"a1": [("Unity Party", "The Unity Party won 88 seats, the latest results on the commission's website showed.")],
                         "a2": [("Unity Party", "The Unity Party took at least 97 seats in ballots counted so far.")],
                         "a3": [("Unity Party", "The Unity Party won 131 seats.")]})
    assert [g.verdict for g in validate(facts).groups if g.verdict == "conflict"] == []
    early = _seat_facts({"a1": [("Unity Party", "The Unity Party has won 14 seats, according to early tallies.")],
                         "a2": [("Unity Party", "The Unity Party had won only nine seats as of early Saturday.")],
                         "a3": [("Unity Party", "The Unity Party has so far won 17 seats.")],
                         "a4": [("Unity Party", "The Unity Party won 21 seats.")]})
    assert [g.verdict for g in validate(early).groups if g.verdict == "conflict"] == []
    final = _seat_facts({"a1": [("Unity Party", "The Unity Party won 128 seats.")],
                         "a3": [("Unity Party", "The Unity Party won 131 seats.")]})
    assert [g.verdict for g in validate(final).groups] == ["conflict"]
