"""Unit tests: numbers that only join a phrase, settled by rule (pipeline/extract/mention_phrases.py)."""

from __future__ import annotations

import pytest

from pipeline.extract.mention_phrases import phrase_rule
from pipeline.extract.mentions import quantities


def rule_for(sentence: str, words: str) -> str | None:
    found = [m for m in quantities(sentence) if m.text.startswith(words) or words in m.text]
    assert found, f"the scanner keeps no quantity {words!r} in {sentence!r}"
    return phrase_rule(sentence, found[0])


PHRASES = [
    ("The yen fell to a seven-year low against the dollar.", "seven-year", "record_span"),
    ("No woman had broken the 14-minute barrier before her.", "14-minute", "threshold"),
    ("The relay team finally cracked the 40-second mark.", "40-second", "threshold"),
    ("Sales are set to break through the 2 million mark next year.", "2 million", "threshold"),
    ("The typhoon came ashore just shy of a Category 5 storm.", "5", "category_not_reached"),
    ("Gusts of 140 mph left the typhoon at the threshold of a Category 5 rating.", "5", "category_not_reached"),
    ("Category 4 winds begin at 130 mph.", "4", "category_not_reached"),
    ("The town had 22 days with highs of 40 degrees or hotter.", "40 degrees", "day_bound"),
    ("It was the only day in August that did not reach 38 degrees.", "38 degrees", "day_bound"),
    ("Lows never fell below 27 for nine nights in a row.", "27", "day_bound"),
    ("The city's longest 40-degree streak ended on Sunday.", "40-degree", "day_bound"),
    ("Copper prices hit a 15-year high on Tuesday.", "15-year", "record_span"),
    ("Mortgage rates touched a 20-year peak in October.", "20-year", "record_span"),
    ("Rainfall in Sindh ran 460% above the national 30-year average, the meteorologists said.", "30-year", "average_span"),
    ("Wheat stocks sit 12% below their five-year rolling average.", "five-year", "average_span"),
    ("The bank's shares suffered a record one-day loss.", "one-day", "record_span"),
    ("It was the index's biggest three-month rally since 2009.", "three-month", "record_span"),
    ("Weak demand was one factor behind the loss.", "one factor", "one_as_pronoun"),
    ("Two men were filmed, one wearing a grey hood.", "one wearing", "one_as_pronoun"),
    ("Ministers sat on one side of the hall.", "one side", "one_as_pronoun"),
    ("The current on one side pulled us out, and on the other side it pushed us back in.", "one side", "one_as_pronoun"),
    ("One reason is the strong dollar.", "One reason", "one_as_pronoun"),
    ("One analyst said the bank would cut rates.", "One analyst", "one_as_pronoun"),
    ("One key reason was the collapse in turnout.", "One key reason", "one_as_pronoun"),
    ("One highlight of the night was the swing in the north.", "One highlight", "one_as_pronoun"),
    ("Officials from those two countries met in Geneva.", "two", "definite_group"),
    ("Travel guides list the bay as one of the top 25 beaches anywhere in the world.", "25 beaches", "ranking"),
    ("The lender is among the world's top 10 banks by assets.", "10 banks", "ranking"),
    ("The top 10 banks hold 60% of deposits.", "10 banks", "ranking"),
    ("The top 20 added a combined $700 billion to their fortunes.", "20", "ranking"),
    ("These are the 12 richest people on the planet.", "12 richest people", "ranking"),
    ("The magazine named the world's 10 highest-paid anglers.", "10 highest-paid anglers", "ranking"),
    ("She beat the world number 2 in straight sets.", "2", "ranking"),
    ("He beat Lena Hart, 31, current number 4 in the world ranking.", "4", "ranking"),
    ("The number 3 in the world, Jan Berg, lost in the final.", "3", "ranking"),
    ("The storm hit two weeks earlier, the agency said.", "two weeks", "time_ago"),
    ("The ferry was relaunched just six days back after a refit.", "six days", "time_ago"),  # "back" as "ago"
    ("With more than 10 years in journalism, I cover markets and energy.", "10 years", "author_bio"),
    ("My career as a reporter spans 12 years and four continents.", "12 years", "author_bio"),
    ("Residents aged 70 and over now outnumber schoolchildren.", "70", "age_band"),
    ("Pensioners ride free, as do minors under the age of 16.", "under the age of 16", "age_band"),
    ("Backing was strongest in the 25-39 age group, at 61%, the pollster said.", "25-39", "age_band"),
    ("Among voters aged between 18 and 29 years, 44% backed the plan.", "between 18 and 29", "age_band"),
    ("In the age groups from 60 years onwards, opposition was clear.", "60 years", "age_band"),
    ("The lower ferry fare will now cover 16 and 17-year-olds as well.", "16", "age_band"),
    ("The lower ferry fare will now cover 16 and 17-year-olds as well.", "17-year-olds", "age_band"),
    ("Apprentice pay for 18 to 20-year-olds rises in April.", "18 to 20-year-olds", "age_band"),
    ("In 2021, 4.1 million people were 75 and over.", "75", "age_band"),
    ("The number of people aged 15 to 24 without work rose to 1.3 million.", "15", "age_band"),
    ("Those between 18 and 64 make up 58 percent of voters.", "between 18 and 64", "age_band"),
    ("Children under 5 accounted for 42 of the deaths.", "under 5", "age_band"),
    ("Patients aged 80 or above were moved first.", "80", "age_band"),
    ("Pupils between 6 and 11 years old get free meals.", "between 6 and 11", "age_band"),
    ("The study enrolled 9,120 adults aged 55 years or older.", "55 years", "age_band"),
    ("Patients on tirzepatide 15 mg lost the most weight.", "15 mg", "dose_in_name"),
    ("The coupe sprints from 0 to 62 mph in 3.9 seconds.", "from 0 to 62 mph", "speed_benchmark"),
    ("The meter grades noise on a scale from 0 to 10, and the street scored 8.", "from 0 to 10", "scale_band"),
    ("Any reading above 7 is classed as severe, the agency says.", "above 7", "scale_band"),
    ("Values below 20 are considered safe, while below 5 is ideal.", "below 5", "scale_band"),
    ("When pollen counts are between 50 and 90, people with asthma should stay inside.", "between 50 and 90", "scale_band"),
    ("A 12-month period ending in March is likely to break the record.", "12-month", "period_span"),
    ("The saloon goes 0-100 km/h in just 4.1 seconds.", "0-100 km/h", "speed_benchmark"),
    ("The van will have a single charge range of 180 miles.", "a single charge", "charge_basis"),
    ("A dozen free-range eggs cost $5.10 at the farm shop.", "A dozen free-range eggs", "unit_of_sale"),
    ("The average price per dozen eggs in Ohio hit $4.40 in March.", "dozen eggs", "unit_of_sale"),
    ("The label for Zepbound® 5 mg was widened.", "5 mg", "dose_in_name"),
    ("Tirzepatide 10 mg was well tolerated.", "10 mg", "dose_in_name"),
    ("A cold snap is defined as four days below 0C.", "four days", "definition"),
    ("A bear market is commonly defined as a fall of 20% from a peak.", "20%", "definition"),
    ("The term usually refers to grains smaller than 2 millimetres across.", "smaller than 2 millimetres", "definition"),
    ("Microbeads are small resin balls no bigger than 1 mm.", "no bigger than 1 mm", "definition"),
    ("Fine dust is matter smaller than 10 micrometres.", "smaller than 10 micrometres", "definition"),
    ("Labs say ultrafine dusts, measuring less than 0.1 micrometre, reach the blood.", "less than 0.1 micrometre",
     "definition"),
    ("One carat is 0.2 grams, so the stone weighs about 400 grams.", "One carat", "definition"),
    ("One carat is 0.2 grams, so the stone weighs about 400 grams.", "0.2 grams", "definition"),
    ("A troy ounce equals 31.1 grams.", "31.1 grams", "definition"),
    ("The lender's shares lost 22% of their value in just three trading sessions.", "three trading sessions", "change_window"),
    ("Within a day the port operator lost $2.1 billion in market value.", "Within a day", "change_window"),
    ("In the last four days the index fell 612 points.", "four days", "change_window"),
]


@pytest.mark.parametrize(("sentence", "words", "rule"), PHRASES)
def test_a_number_that_only_joins_a_phrase_is_settled_by_rule(sentence: str, words: str, rule: str) -> None:
    assert rule_for(sentence, words) == rule


FACTS = [
    ("The economy shrank for seven years in a row.", "seven years"),  # a streak is a fact
    ("The drought lasted five years.", "five years"),
    ("The jury reached its verdict within two hours.", "two hours"),  # no change beside it: the model decides
    ("The club lost 900 members in five years.", "five years"),  # years may be a streak
    ("The president made a two-day visit to Kenya.", "two-day"),  # a duration: the model decides
    ("Prices were the highest in more than 40 years.", "40 years"),  # hedged: never by rule
    ("The quake killed one person and injured 40.", "one person"),
    ("The crackdown has seen more than 2,700 arrested in 13 days.", "more than 2,700"),  # people held, no bound of days
    ("Only one bank failed last year.", "one bank"),
    ("Three people died in the fire.", "Three people"),
    ("A rough diamond weighs 2,492 carats.", "2,492 carats"),  # a weight, not a unit's definition
    ("One share is worth 5 cents.", "One share"),
    ("Exports hit a record $4.2 billion.", "$4.2 billion"),  # money is never a phrase
    ("The share of renewables hit a 10% high.", "10%"),
    ("The protest went on for three weeks.", "three weeks"),
    ("Unemployment rose for three months, its longest rise.", "three months"),
    ("Their two sons run the firm.", "two sons"),
    ("“I have 30 years of experience,” the minister told reporters.", "30 years"),  # quoted: the model decides
    ("Writing to the 40,000 pupils sent home, she said: “My brother and I know from experience", "40,000 pupils"),  # a quote
    # the sentence's end cuts
    ("The writer spent 12 years in prison.", "12 years"),  # third person: not a byline
    ("The driver, aged 34, was taken to hospital.", "34"),  # one person's age: the model decides
    ("The four climbers, aged between 31 and 47, were rescued.", "between 31 and 47"),  # the ages of a few named
    ("Six ponies aged between 3 and 9 years were sold.", "between 3 and 9 years"),
    ("Workers between 20 and 30 years of service retire early.", "between 20 and 30"),  # no age
    ("Children under 5 accounted for 42 of the deaths.", "42"),  # the count of the band is a fact
    ("Prices rose between 3 and 5 percent.", "between 3 and 5 percent"),
    ("The floods displaced over 300 people.", "over 300 people"),
    ("The five most recent deaths came in May.", "five most recent deaths"),  # "most": a count of deaths
    ("The 3 test matches drew big crowds.", "3 test matches"),  # no superlative
    ("They sold 3 in the world before the recall.", "3"),  # no word of rank before it
    ("The vote was held two weeks later than planned.", "two weeks"),  # a delay measures something
    ("A strong aftershock struck 19 minutes later.", "19 minutes"),  # so does a short one
    ("Grains smaller than 2 millimetres were found in 41 samples.", "smaller than 2 millimetres"),  # no word defined
    ("Patients took a 15 mg dose of the drug each week.", "15 mg"),  # a dose of its own
    ("Prices stayed high for two years after the war.", "two years"),  # a length, after "for"
    ("Hailstones were larger than 4 cm in the north on Friday.", "larger than 4 cm"),  # "were": what was seen
    ("The hailstones are balls larger than 4 cm today.", "larger than 4 cm"),  # these hailstones, no kind
    ("The tumour, measuring less than 2 cm, was removed.", "less than 2 cm"),  # one thing's size
    ("Microbeads are small resin balls, and 40 mm of rain fell.", "40 mm"),  # no bound
    ("The report refers to 12 cases a year.", "12 cases a year"),  # no bound after "refers to"
    ("Under the rules defined as law in 2021, 30 firms were fined.", "30 firms"),  # a number between: "2021"
    ("The leaders pulled clear after the 30km mark.", "30km"),  # a point of the course
    ("The wreck lies more than 900 metres (more than 2,950 feet) below the surface.", "more than 2,950 feet"),  # a conversion
    ("It hit 46 degrees on three days in June.", "46 degrees"),  # a reading, no bound
    ("The dig went on for nine days, and at least 12 of them were spent in rain.", "at least 12"),  # a part of a group
    ("Temperatures reached at least 45 degrees, killing 12 people.", "at least 45 degrees"),  # no days counted
    ("The typhoon twice reached Category 5 strength before it weakened.", "5"),  # a category it reached
    ("Home sales were the lowest in 12 years.", "12 years"),  # the time since a record: the model decides
    ("The index posted its biggest weekly gain in two years.", "two years"),
    ("The river rose above its banks for the first time in 30 years.", "30 years"),
    ("The fund's 10-year average return was 6.1%, and its 10-year bond paid 3%.", "6.1%"),  # the average itself
    ("Players average 30 years of age across a 12-year career.", "12-year"),  # no average after the span
    ("The tunnel took between 18 and 29 years to dig.", "between 18 and 29"),  # no "aged": a length
    ("The regulator approved the therapy for patients aged 12 years and older.", "12 years"),  # an age limit: the fact itself
    ("In 2024 every day was at least 1.1C warmer than the 1850-1900 average.", "at least 1.1C"),  # a warming, no days counted
    ("Gusts ranged from 0 to 45 mph through the night.", "from 0 to 45 mph"),  # no acceleration: a range of speeds
    ("The index rose above 300 on Tuesday, a record.", "above 300"),  # a reading, no band classed
    ("Values between 50 and 90 were recorded in six towns.", "between 50 and 90"),
    ("The agency recommended the vaccine for children aged 6 to 16 in areas where the virus spreads.", "6 to 16"),
    ("Officials from those three countries met in Geneva.", "three countries"),  # a group larger than a pair
    ("A dozen growers paid $900 in fees.", "A dozen growers"),  # no price of a thing sold by the dozen
    ("The crew spent two weeks back home after the refit.", "two weeks"),  # "back home", no time ago
]


@pytest.mark.parametrize(("sentence", "words"), FACTS)
def test_amounts_streaks_and_counts_are_not_phrases(sentence: str, words: str) -> None:
    assert rule_for(sentence, words) is None


def test_ordinals_and_definite_pairs_never_reach_the_labeller() -> None:
    assert quantities("She was the first woman to lead the central bank.") == []
    assert quantities("The two countries signed a trade deal.") == []


PERIOD_PHRASES = [
    ("The economy shrank 0.3% in the final three months of 2023.", "three months", "period_span"),
    ("Sales rose 4% in the first six months of the year.", "six months", "period_span"),
    ("Output fell 0.1% in the previous three-month period.", "three-month", "period_span"),
    ("For the six-month period of the first half, sales rose 3%.", "six-month", "period_span"),
    ("Car exports grew 9% to $41 billion in the first ten months, the ministry said.", "ten months", "period_span"),
    ("It was the strongest quarter since the economy locked down four years ago.", "four years", "time_ago"),
    ("The plant opened 12 years ago.", "12 years", "time_ago"),
    ("The firm posted a record profit three years after losses peaked.", "three years", "time_ago"),
    ("The mill closed in 2011 two years after the merger.", "two years", "time_ago"),
]


@pytest.mark.parametrize(("sentence", "words", "rule"), PERIOD_PHRASES)
def test_a_span_that_names_a_period_or_a_date_is_settled_by_rule(sentence: str, words: str, rule: str) -> None:
    assert rule_for(sentence, words) == rule


@pytest.mark.parametrize(("sentence", "words"), [
    ("The economy has been shrinking over the last five years.", "five years"),  # may be a streak
    ("Over the past 12 months, shares tripled.", "12 months"),
    ("Two aides were given jail terms of six and nine years earlier on Tuesday.", "nine years"),  # the day's "earlier"
    ("The final three weeks were the hardest.", "three weeks"),
    ("The first two weeks were the calmest of the season.", "two weeks"),
    ("The app drew 3 million sign-ups in the first six hours.", "six hours"),  # how long it took, not a period
    ("The rival needed 14 months after its launch to reach that size.", "14 months"),
    ("The city doubled its tram network in just six years after the first line opened.", "six years"),  # a span taken
    ("The grace period was to end 90 days after the ruling, officials said.", "90 days"),  # a deadline
    ("Results must be published no later than five days after the count.", "five days"),
    ("The old cat lived to be 24 years and two months before dying in 2016.", "24 years and two months"),  # an age
])
def test_spans_that_may_be_streaks_stay_with_the_model(sentence: str, words: str) -> None:
    assert rule_for(sentence, words) is None
