"""Unit tests: the people an owner employs, written after the owner's possessive, are its `employees`
(pipeline/extract/labelling/headcount), and two outlets' headcounts of one owner meet in one verdict."""

from __future__ import annotations

import pytest

from pipeline.check.validation import validate
from pipeline.extract.labelling.base import Provenance
from pipeline.extract.labelling.headcount import headcount
from pipeline.extract.labelling.mention_facts import fact_from_label, measured
from pipeline.extract.mentions import quantities
from pipeline.ingest.sources import Article
from schemas.labels import MentionLabel

# Hand-written sentences in news style: (sentence, the number's words, the owner or None).
CASES = [
    ("A letter from about 500 of Lumen's 640 staff reached the board on Sunday.", "640 staff", "Lumen"),
    ("A letter from about 500 of Lumen's 640 staff reached the board on Sunday.", "about 500", None),  # a part
    ("Northgate Rail's roughly 12,000 workers will vote on the offer.", "roughly 12,000 workers", "Northgate Rail"),
    ("The company's 3,000 workers walked out.", "3,000 workers", None),  # no name owns them
    ("Harbour Bank's 2,400 staff in Leeds were told of the move.", "2,400 staff", None),  # narrowed by a place
    ("Lumen's 14 patents were sold.", "14 patents", None),  # no headcount
]


@pytest.mark.parametrize(("sentence", "words", "owner"), CASES)
def test_a_headcount_is_held_by_the_owner_its_possessive_names(sentence, words, owner) -> None:
    mention = next(m for m in quantities(sentence) if m.text == words)
    assert headcount(measured(mention, sentence), "count") == owner


def test_a_headcount_the_model_named_is_left_as_named() -> None:
    sentence = "Lumen's 640 staff signed the letter."
    found = measured(next(m for m in quantities(sentence) if m.text == "640 staff"), sentence)
    assert headcount(found, "signatories") is None


def test_two_outlets_headcounts_of_one_owner_meet_in_one_verdict() -> None:
    sentences = {"a1": "The letter came from most of Lumen's 640 staff.", "a2": "Most of Lumen's 710 employees signed."}
    facts = []
    for article_id, sentence in sentences.items():
        mention = next(m for m in quantities(sentence) if m.unit in ("staff", "employees"))
        article = Article(article_id=article_id, path=f"{article_id}.txt", source=f"Outlet {article_id}", url=None,
                          published="2023-11-20", title=None, language="en", text=sentence, content_sha256="0" * 64)
        label = MentionLabel(id=mention.id, is_fact=True, metric="other", metric_label="count", entity="unknown",
                             status="actual")
        facts.append(fact_from_label(mention, label, article, Provenance("extract_facts@6", "test", "r1")))
    assert [(f.metric_label, f.entity) for f in facts] == [("employees", "Lumen")] * 2
    [group] = [g for g in validate(facts).groups if g.metric == "other:employees"]
    assert group.verdict == "conflict"
