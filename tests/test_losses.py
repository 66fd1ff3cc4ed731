"""Unit tests: money that its words call a company's loss is negative net income (an operating or
pre-tax loss negative operating or pre-tax income), and a loss per share negative earnings per share (pipeline/extract/labelling/losses, used by mention_facts)."""

from __future__ import annotations

import pytest

from pipeline.extract.labelling.base import Provenance
from pipeline.extract.labelling.losses import loss_label
from pipeline.extract.labelling.mention_facts import fact_from_label
from pipeline.extract.mentions import quantities
from pipeline.ingest.sources import Article
from schemas.labels import MentionLabel

CASES = [
    # (sentence, the number's words, the model's name for it, the name the fact gets or None)
    ("The chipmaker booked a loss of $2.4 billion for the second quarter.", "$2.4 billion", "money", "net_income"),
    ("For the quarter the chipmaker booked a loss of $2.4 billion, or 57 cents per share.", "57 cents per share",
     "money", "eps"),
    ("Acme reports a $1.6 billion loss and layoffs", "$1.6 billion", "amount", "net_income"),
    ("The airline swung to a net loss of €310 million for the half-year.", "€310 million", "net_loss", "net_income"),
    ("It reported a net loss of 12 cents a share.", "12 cents a share", "loss_per_share", "eps"),
    ("The group narrowed its quarterly loss to $45 million.", "$45 million", "net_income", None),  # a level, no "loss of"
    ("Insurers face an insured loss of $30 billion from the storm.", "$30 billion", "money", None),
    ("The unit reported an operating loss of $2 billion.", "$2 billion", "money", "operating_income"),
    ("It booked a $2 billion operating loss.", "$2 billion", "money", "operating_income"),
    ("Its loss from operations totaled $640 million.", "$640 million", "money", "operating_income"),
    ("The bank made a pre-tax loss of £90m in the half.", "£90m", "amount", "pretax_income"),
    ("Farmers counted a $5 million loss in revenue after the frost.", "$5 million", "money", None),
    ("The carmaker posted a loss of $1.2 billion in the quarter.", "$1.2 billion", "insured_losses", None),
    ("Revenue was $12.8 billion, down 1% from a year earlier.", "$12.8 billion", "money", None),
    ("The firm posted a loss of 19.9% in its market share.", "19.9%", "percentage", None),
    ("The lender took a $3.1 billion loss on the sale of its bond portfolio.", "$3.1 billion", "money", None),
    ("The fund sold its stake at a $700 million loss in May.", "$700 million", "money", None),
    ("The insurer's $450 million loss was booked on its sale of the unit.", "$450 million", "money", None),
    ("The chain's buffet deal caused $14 million in losses last year.", "$14 million", "money", None),
    ("The walkout led to about $90 million in losses, the carmaker said.", "about $90 million", "money", None),
    ("The chain booked $14 million in losses last year.", "$14 million", "money", "net_income"),
    ("Sales should top $2 billion this year, though losses are expected to reach $900 million.", "$900 million", "money",
     "net_income"),
    ("Insured losses are expected to reach $4 billion after the storm.", "$4 billion", "money", None),
    ("The developer expects a net loss for the first half of this year totalling 30 billion yuan.", "30 billion yuan",
     "money", "net_income"),
    ("The builder is bracing for losses of up to CNY40 billion (USD5.5 billion) this year.", "USD5.5 billion", "usd",
     "net_income"),  # the conversion of a loss is that loss
    ("The group reported revenue of €5 billion ($5.4 billion) for the year.", "$5.4 billion", "money", None),
    ("The deposit fund will cover the $9 billion loss on the failed lender.", "$9 billion", "money", None),  # borne by
    ("Taxpayers could end up shouldering losses of $4 billion.", "$4 billion", "money", None),  # another: a cost
    # what an incident cost, an estimate or a rate of it, and a loss suffered: no period's result
    ("The smelter counted $40 million in losses after the cyberattack on its plants.", "$40 million", "money", None),
    ("The port counted a loss of $8 million from the fire.", "$8 million", "money", None),
    ("The chain faces estimated losses of $90 million and an estimated daily loss of $2.1 million.", "$90 million",
     "money", None),
    ("The chain faces estimated losses of $90 million and an estimated daily loss of $2.1 million.", "$2.1 million",
     "money", None),
    ("The insurer suffered $300 million in losses when it declined to settle.", "$300 million", "money", None),
    ("The firm expects an estimated net loss of $40 million for the year.", "$40 million", "money", "net_income"),
    ("The airline reported a loss of $300 million in the quarter after the strike.", "$300 million", "money",
     "net_income"),
    ("The airline posted a loss of $300 million after the strike.", "$300 million", "money", "net_income"),
]


@pytest.mark.parametrize(("sentence", "words", "label", "named"), CASES)
def test_money_called_a_loss_is_net_income_or_eps(sentence: str, words: str, label: str, named: str | None) -> None:
    mention = next(m for m in quantities(sentence) if m.text == words)
    assert loss_label(sentence, mention.start, mention.end, mention.unit, mention.unit_class, label) == named


def test_the_fact_of_a_loss_is_negative_net_income_and_its_per_share_figure_negative_eps() -> None:
    text = "In the April-June period the group booked a loss of $2.4 billion, or 57 cents per share."
    article = Article(article_id="a1", path="a1.txt", source="Outlet", url=None, published="2024-08-01", title=None,
                      language="en", text=text, content_sha256="0" * 64)
    stamp = Provenance(prompt_ref="extract_facts@6", model="test", run_id="r1")
    facts = [fact_from_label(m, MentionLabel(id=m.id, is_fact=True, metric="other", metric_label="money",
                                             entity="Acme"), article, stamp)
             for m in quantities(text)]
    assert [(f.metric_label, f.value, f.unit) for f in facts] == [("net_income", -2.4e9, "USD"),
                                                                   ("eps", -0.57, "USD per share")]
