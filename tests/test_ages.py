"""Unit tests: a person's age is read as years counted, named `age`, held by the person its words
name and compared only within two weeks (pipeline/extract/mention_units.age_in_apposition,
pipeline/extract/labelling/ages, pipeline/check/validation/timeline.window_days)."""

from __future__ import annotations

import pytest

from pipeline.check.validation import validate
from pipeline.extract.labelling.ages import age_holder, age_label
from pipeline.extract.labelling.base import Provenance
from pipeline.extract.labelling.mention_facts import fact_from_label, measured
from pipeline.extract.mentions import quantities
from pipeline.ingest.sources import Article
from schemas.labels import MentionLabel

# Hand-written sentences in news style: (sentence, the number's words, the label, the holder).
CASES = [
    ("Mara Lind, 61, thanked her supporters.", "61", "age", "Mara Lind"),
    ("Lind, aged 72, was expected to win on her third attempt.", "72", "age", "Lind"),
    ("The mayor's son, Tom Ash, is 37 but joined the ticket after a court ruling.", "37", "age", "Tom Ash"),
    ("Defence Minister Tom Ash, who is 58, led the count.", "58", "age", "Tom Ash"),
    ("The 61-year-old Lind won easily.", "61-year-old", "age", "Lind"),
    ("The mayor's 36-year-old son, Tom Ash, joined the race.", "36-year-old", "age", "Tom Ash"),
    ("Her 36-year-old son Tom Ash was named her running mate.", "36-year-old", "age", "Tom Ash"),
    ("Ana Silva-Reyes, 44, led the count.", "44", "age", "Ana Silva-Reyes"),  # a person's name is never a ticket
    ("Former minister Okafor (58) was acquitted on Monday.", "58", "age", "Okafor"),
    ("The crown passes to her son Prince Tomas, he is 74 years old.", "74 years old", "age", "Prince Tomas"),
    # No named person, or an age limit: the model's label stays.
    ("A 42-year-old Easton man was arrested.", "42-year-old", "age", None),
    ("A 42-year-old man was arrested.", "42-year-old", "age", None),
    ("Among the dead was Jon Haas, a 40-year-old mechanic from Perth.", "40-year-old", "age", "Jon Haas"),
    ("Ruiz beat Haas, the 58-year-old former champion, on points.", "58-year-old", "age", "Haas"),
    ("At 26 years old, Kebede has become the first woman to do it.", "26 years old", "age", "Kebede"),
    ("At 18, Dorji has climbed higher than any teenager.", "18", "age", "Dorji"),
    ("The guide who found them, 73-year-old Pema Dorji, spoke to reporters.", "73-year-old", "age", "Pema Dorji"),
    ("In Perth, a 40-year-old mechanic was arrested.", "40-year-old", "age", None),
    ("The 38-year-old Kenyan, who is aiming for a third title, ran.", "38-year-old", "age", None),
    ("The 25-year-old France captain joined in July.", "25-year-old", "age", None),
    ("The court waived the minimum age requirement of 40 for candidates.", "40", None, None),
]


@pytest.mark.parametrize(("sentence", "words", "label", "holder"), CASES)
def test_an_age_is_named_and_held_by_the_person_next_to_it(sentence, words, label, holder) -> None:
    mention = next(m for m in quantities(sentence) if m.text == words)
    assert (mention.unit, mention.unit_class) == ("years", "count")
    found = measured(mention, sentence)
    assert (age_label(found, "count"), age_holder(found)) == (label, holder)


def test_an_age_the_model_never_named_is_an_age() -> None:
    sentence = "Her son, Tom Ash, is 37 but joined the ticket."
    found = measured(next(m for m in quantities(sentence) if m.text == "37"), sentence)
    assert (age_label(found, "unlabelled_count"), age_label(found, "support_level")) == ("age", None)


def test_an_age_the_model_named_age_is_held_by_the_name_after_it_not_the_story_s_subject() -> None:
    sentence = "Ash raised both arms while 75-year-old Lindqvist, who held the record, stood and applauded."
    [mention] = quantities(sentence)
    article = Article(article_id="a1", path="a1.txt", source="a1", url=None, published="2023-02-08", title=None,
                      language="en", text=sentence, content_sha256="0" * 64)
    stamp = Provenance(prompt_ref="extract_facts@6", model="test", run_id="r1")
    fact = fact_from_label(mention, MentionLabel(id=mention.id, is_fact=True, metric="other", metric_label="age",
                                                 entity="Tom Ash", status="actual"), article, stamp)
    assert (fact.metric_label, fact.entity) == ("age", "Lindqvist")


def test_a_number_after_a_common_noun_is_no_age() -> None:
    [mention] = quantities("The toll, is 37.")
    assert mention.unit is None


def _facts(texts: dict[str, tuple[str, str]]) -> list:
    stamp = Provenance(prompt_ref="extract_facts@6", model="test", run_id="r1")
    facts = []
    for article_id, (published, text) in texts.items():
        article = Article(article_id=article_id, path=f"{article_id}.txt", source=article_id, url=None,
                          published=published, title=None, language="en", text=text, content_sha256="0" * 64)
        facts += [fact_from_label(m, MentionLabel(id=m.id, is_fact=True, metric="other", metric_label="count",
                                                  entity="Mara Lind", status="forecast"), article, stamp)
                  for m in quantities(text)]
    return facts


def test_two_ages_of_one_person_in_one_fortnight_disagree() -> None:
    """The model gave the running mate's age the candidate's name and called it a forecast; the
    rule takes the person from the words, and 36 against 37 a week apart is a conflict."""
    facts = _facts({"a1": ("2024-03-15", "Lind's 36-year-old son, Tom Ash, will be her deputy."),
                    "a2": ("2024-03-22", "Her son, Tom Ash, is 37 but became her running mate.")})
    assert [(f.entity, f.metric_label, f.status) for f in facts] == [("Tom Ash", "age", "actual")] * 2
    [group] = validate(facts).groups
    assert group.verdict == "conflict"


def test_ages_months_apart_may_straddle_a_birthday() -> None:
    facts = _facts({"a1": ("2024-01-15", "Her son, Tom Ash, is 36 and runs the campaign."),
                    "a2": ("2024-06-22", "Her son, Tom Ash, is 37 and runs the campaign.")})
    assert sorted(g.verdict for g in validate(facts).groups) == ["single_source", "single_source"]


def test_one_runner_s_ages_under_two_spellings_of_her_name_disagree() -> None:
    """Outlets transliterate a name differently; one letter more in a long word is the same person."""
    facts = _facts({"a1": ("2023-09-24", "Tigist Kebede, 26, won in Berlin."),
                    "a2": ("2023-09-24", "Tigst Kebede, 29, won in Berlin."),
                    "a3": ("2023-09-25", "It was the second win in Berlin for Kebede, 26.")})
    [group] = validate(facts).groups
    assert (group.entity, group.verdict) == ("tigist kebede", "conflict")


@pytest.mark.parametrize(("one", "other"), [("Jake Mwangi", "Jane Mwangi"), ("Ana Mwangi", "Anna Mwangi")])
def test_a_changed_letter_or_a_short_name_is_another_person(one, other) -> None:
    facts = _facts({"a1": ("2023-09-24", f"{one}, 26, won in Berlin."),
                    "a2": ("2023-09-24", f"{other}, 29, won in Berlin.")})
    assert sorted(g.verdict for g in validate(facts).groups) == ["single_source", "single_source"]


def test_the_n_year_old_is_the_person_the_article_last_and_most_named() -> None:
    text = ("Tigist Kebede won the race in Berlin. Kebede led from the start. "
            "\"I knew I could do it,\" said the 26-year-old. Brigid Otieno was second. The 29-year-old ran well.")
    facts = _facts({"a1": ("2023-09-24", text)})
    assert [(f.value, f.entity) for f in facts if f.metric_label == "age"] == [(26, "Tigist Kebede")]
    assert [f.entity for f in facts if f.value == 29] == ["Mara Lind"]  # the model's: Otieno was named last, Kebede most
