"""Unit tests: periods written right next to numbers (pipeline/extract/mention_periods.py)."""

from __future__ import annotations

import pytest

from pipeline.extract.labelling.mention_facts import own_period
from pipeline.extract.mention_periods import period_next_to, periods_shared, sentence_year
from pipeline.extract.mentions import quantities


def period_of(sentence: str, words: str, nth: int = 0) -> str | None:
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(words, start + 1)
    return period_next_to(sentence, start, start + len(words))


LIST = "Chile's economy grew 1.3% in 2016, shrank in 2017 (-1.2%), then grew in 2018 (0.6%) and 2019 (2.3%)."

CASES = [
    (LIST, "-1.2%", "in 2017"),
    (LIST, "0.6%", "in 2018"),
    (LIST, "2.3%", "2019"),
    (LIST, "1.3%", "in 2016"),
    ("Growth in 2016 (0.9%) was the weakest in years.", "0.9%", "in 2016"),
    ("Growth was weak (0.9%) in 2016 and strong (3.4%) in 2017.", "0.9%", "in 2016"),
    ("Growth was weak (0.9%) in 2016 and strong (3.4%) in 2017.", "3.4%", "in 2017"),
    ("Output rose in the third quarter (0.4%) after a flat second quarter.", "0.4%", "in the third quarter"),
    ("Sales rose 0.4% in the third quarter of 2023.", "0.4%", "in the third quarter of 2023"),
    # a fiscal year after the quarter is kept with it, never cut to the calendar quarter's words
    ("The economy grew 7.8% in Q1 FY24, official data showed.", "7.8%", "in Q1 FY24"),
    ("Growth slowed to 6.1% in Q4 2022-’23.", "6.1%", "in Q4 2022-’23"),
    ("GDP expanded 7.8% in the first quarter of the last fiscal year.", "7.8%",
     "in the first quarter of the last fiscal year"),
    ("Profit rose 4% in the third quarter of fiscal year 2024.", "4%", "in the third quarter of fiscal year 2024"),
    # months written out, alone or in brackets after the quarter
    ("Driven by spending, output rose 7.8 per cent in the April-June quarter.", "7.8 per cent",
     "in the April-June quarter"),
    ("That topped the 6.1 percent expansion seen in the January-March period of 2022-23.", "6.1 percent",
     "in the January-March period of 2022-23"),
    ("The economy expanded 7.8 percent during the first quarter (April-June) of the previous fiscal.", "7.8 percent",
     "during the first quarter (April-June) of the previous fiscal"),
    ("Data showed GDP up 7.8% during the first quarter (April-June) of financial year 2023-’24.", "7.8%",
     "during the first quarter (April-June) of financial year 2023-’24"),
    ("Inflation was 3.1% last year and 2.4% this year.", "3.1%", "last year"),
    ("Inflation was 3.1% last year and 2.4% this year.", "2.4%", "this year"),
    ("The IMF expects growth of 2.9% for 2025.", "2.9%", "for 2025"),
    ("Exports by year - 2022: $4.1 billion; 2023: $4.6 billion.", "$4.6 billion", "2023"),
    ("Revenue in Q2 (£1.2bn) beat forecasts.", "£1.2bn", "in Q2"),
    ("The deficit was 5.8% in 2023-24, the Treasury said.", "5.8%", "in 2023-24"),
    ("Profit rose 12% in 2024, up from 8% in 2023.", "8%", "in 2023"),
    ("Prices rose 2.1% in March, after 2.4% in February 2024.", "2.1%", "in March"),
    ("Prices rose 2.1% in March, after 2.4% in February 2024.", "2.4%", "in February 2024"),
    ("GDP shrank 0.3%, after the 1.8 percent expansion seen in 2022.", "1.8 percent", "in 2022"),
    ("Exports rose 5% year-on-year in March.", "5%", "in March"),
    ("The economy grew 2% annualized in the fourth quarter.", "2%", "in the fourth quarter"),
    # a year and "with" before the figure: what was had or done that year
    ("The reactor had set its previous record in 2021 with 59 megajoules of output.", "59 megajoules", "in 2021"),
    ("The club last won the league in 2016 with a total of 81 points.", "81 points", "in 2016"),
    ("The firm cut 1,200 jobs in 2022, with 400 more in the fourth quarter.", "400", None),
    ("He was the first since the award began in 1956 with 12 wins.", "12 wins", None),
]


@pytest.mark.parametrize(("sentence", "words", "period"), CASES)
def test_a_period_touching_the_number_is_read(sentence: str, words: str, period: str) -> None:
    assert period_of(sentence, words) == period


LOOK_ALIKES = [
    ("Since 2019 it has doubled to 40%.", "40%"),  # the year belongs to "since", far from the number
    ("In 2019, exports rose 5% and imports fell 2%.", "5%"),  # a sentence-wide year: the model's call
    ("The 2019 figure of 5% was revised.", "5%"),
    ("Wages rose 3% in 2023 dollars.", "3%"),  # a price base, not a period
    ("Profit rose 12%, the best since 2019.", "12%"),
    ("Unemployment fell to 4.1% as hiring in 2024 slowed.", "4.1%"),
    ("Prices rose 2.1% (year on year) in March.", "2.1%"),  # the month is past the brackets
    ("The index closed at 2,017 (up 3%).", "3%"),  # a number, not a year, before the brackets
    ("Exports rose 5% in 20 countries.", "5%"),
    ("Sales fell 4% in Marchetti's stores.", "4%"),
    ("The 2% target set in 2012 still stands.", "2%"),  # the year dates the target, not the figure
    ("Prices rose 3% across the region in 2023.", "3%"),  # words other than a movement or measure
]


@pytest.mark.parametrize(("sentence", "words"), LOOK_ALIKES)
def test_years_that_do_not_touch_the_number_are_left_to_the_model(sentence: str, words: str) -> None:
    assert period_of(sentence, words) is None


def test_a_fact_takes_the_period_written_next_to_its_number_over_the_model_s() -> None:
    from pipeline.extract.labelling.base import Provenance
    from pipeline.extract.labelling.mention_facts import fact_from_label
    from pipeline.extract.mentions import quantities
    from pipeline.ingest.sources import Article
    from schemas.labels import MentionLabel

    article = Article(article_id="a_test", path="chile.txt", source="Test Wire", url=None, published="2020-03-01",
                      title=None, language="en", text=LIST, content_sha256="0" * 64)
    stamp = Provenance("extract_facts@3#x", "scripted", "run_test")
    facts = {}
    for mention in quantities(LIST):
        label = MentionLabel(id=mention.id, is_fact=True, metric="gdp_real_growth", entity="Chile", period_text="in 2016")
        facts[mention.text] = fact_from_label(mention, label, article, stamp).period_text
    assert facts == {"1.3%": "in 2016", "-1.2%": "in 2017", "0.6%": "in 2018", "2.3%": "2019"}


def test_the_numbers_own_words_are_not_its_period() -> None:
    text = "The economy ended a three-year downturn in 2023."
    mention = next(m for m in quantities(text) if m.text.startswith("three"))
    assert own_period(mention, "three-year", text) is None and own_period(mention, "Three-Year ", text) is None
    assert own_period(mention, "in 2023", text) == "in 2023" and own_period(mention, "IN  2023", text) == "IN  2023"


def test_a_period_the_article_does_not_write_is_dropped() -> None:
    text = "The country is expected to earn at least $1 billion from the sale of shells."
    mention = quantities(text)[0]
    assert own_period(mention, "2024", text) is None  # a year the model took from the publication date
    assert own_period(mention, None, text) is None


@pytest.mark.parametrize(("sentence", "year"), [
    ("In 2022, exports increased by 7% from the year earlier.", "2022"),
    ("The last decline in shipments was in 2016, when exports fell 7.7%.", "2016"),
    ("Exports fell 4.6%, the worst result since 2016.", None),  # a year it measures from
    ("Exports fell 4.6% last year, the first drop since 2016.", None),
    ("Exports rose 5% in 2022 and 7% in 2023.", None),  # two years: the model's to choose
    ("The 2024-25 budget rose 3%.", None),
])
def test_the_one_year_a_sentence_is_about(sentence: str, year: str | None) -> None:
    assert sentence_year(sentence) == year


def test_a_model_period_outside_the_sentence_gives_way_to_the_sentences_one_year() -> None:
    text = "Exports fell 4.6% in 2023. In 2022, exports increased by 7% from the year earlier."
    mention = next(m for m in quantities(text) if m.text == "7%")
    assert own_period(mention, "2023", text) == "2022"  # the model took the article's year
    assert own_period(mention, "In 2022", text) == "In 2022"
    first = quantities(text)[0]
    assert own_period(first, "in 2023", text) == "in 2023"


def test_a_model_period_from_another_paragraph_is_dropped() -> None:
    text = ("Through 2025, the bank sees its rate at 3.4%.\n"
            "Meanwhile, officials cut their inflation projection to 2.3%, from 2.6% before.")
    mention = next(m for m in quantities(text) if m.text == "2.3%")
    assert own_period(mention, "2025", text) is None  # the year of the paragraph before
    assert own_period(mention, "Through 2025", text.replace("\n", " ")) == "Through 2025"  # one paragraph: kept


@pytest.mark.parametrize(("text", "number", "period", "kept"), [
    # Hand-written, in the style of the classes seen in real articles.
    ("Output shrank 0.4 percent sequentially, in contrast to the 2.1 percent expansion seen in 2021.", "0.4 percent", "2021", False),
    ("Output shrank 0.4 percent sequentially, in contrast to the 2.1 percent expansion seen in 2021.", "2.1 percent", "2021", True),
    ("After a 2.1% expansion in 2021, output shrank 0.4%.", "0.4%", "2021", False),
    ("Sales fell 3% after rising 5% the previous year.", "3%", "the previous year", False),
    ("Prices rose 6.1% over the year, the fastest pace since the currency was floated in 1985.", "6.1%", "1985", False),
    ("Exports rose 7% and imports fell 2% in 2021.", "7%", "2021", True),  # a list may share its period
    ("In 2021, exports rose 7% while imports fell 2%.", "2%", "In 2021", True),
    ("Output shrank 0.4% in 2022 after growing 2.1% in 2021.", "0.4%", "in 2022", True),
])
def test_a_period_written_as_another_figures_own_is_not_the_models_to_give(text: str, number: str, period: str, kept: bool) -> None:
    mention = next(m for m in quantities(text) if m.text == number)
    assert own_period(mention, period, text) == (period if kept else None)


@pytest.mark.parametrize(("text", "number", "periods"), [
    # Hand-written, in the style of central banks' projections.
    ("The jobless rate is now seen at 4.3% in 2025 and 2026, up from 4.1%.", "4.3%", ["in 2025", "in 2026"]),
    ("Officials expect growth near 1.8% for this year and 2026.", "1.8%", ["for this year", "for 2026"]),
    ("Staff see inflation at 2.4% for this year and next.", "2.4%", ["for this year", "for next year"]),
    ("- projections show 2027 and 2028 both at 3.1%", "3.1%", ["in 2027", "in 2028"]),
    ("Prices rose 3% in both 2022 and 2023, the statistics office said.", "3%", ["in 2022", "in 2023"]),
    ("Exports rose 3% in 2022 and 2023 sales fell.", "3%", []),  # "2023 sales" is a noun phrase
    ("Exports rose 3% in 2022 and 5% in 2023.", "3%", []),  # each figure its own year
])
def test_one_number_written_for_two_periods_gives_both(text: str, number: str, periods: list[str]) -> None:
    start = text.index(number)
    assert periods_shared(text, start, start + len(number)) == periods
