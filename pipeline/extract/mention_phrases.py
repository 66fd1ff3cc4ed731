"""Stage (extraction, labelling): numbers that only join a phrase, settled by rule and never sent to the model.

The scanner already sets aside the plainest phrases ("one of the", "the two sides", "the two
Koreas", "a two-horse race"; see `mention_filters`). A few kept quantities are still no fact, and a
small model labels them as one ("a seven-year high" became seven years of contraction). Each rule
here returns its name for such a mention:

- `record_span`: the span of a record, not a streak: "a seven-year high", "a 15-month low", "a record
  one-day loss" (the time since a record, "the highest level in 20 years", is left to the model);
- `average_span`: the span an average is taken over, the basis a figure is compared with: "the national
  30-year average", "its five-year average", "the 10-year norm";
- `one_as_pronoun`: "one" standing for "a" or "someone": "one factor", "one key reason", "one
  highlight", "one way", "one official said", "one wearing a hood", "on one side of", "on one side ... on the
  other side";
- `definite_group`: "these two", "those two companies": a pair already named, not an amount (a larger group
  with its noun, "these three nuclear power plants", "Of these five galaxies", is left to the model: the
  real-article gold counts all four such in the fetched texts, and none of the four pairs);
- `ranking`: the size of a ranked list: "one of the top 25 beaches", "among the world's top 10 banks",
  "the top 20 added $700 billion", "the 11 richest people", "the 10 highest-paid athletes"; or a place in a ranking: "world number 2", "number 2 in the world
  ranking" (the scanner already drops "No. 5");
- `period_span`: a span that names the period of other figures: "in the final three months of
  2023", "the previous three-month period", "the first six months of the year" (after "the" and
  an adjective of position, and before "of" or "period"; or "the three-month period" itself; or
  "in the first eleven months", a year's span so far; or "a 12-month period ending in January");
  "over the last five years" alone is left to the model, since it may be a streak;
- `time_ago`: "four years ago", "two weeks earlier", "a month later", "two years after the
  merger" date something; they measure nothing ("two weeks later than planned", "19 minutes
  later" for an aftershock's delay, "for two years after the war", a length, and a deadline, "to end
  60 days after the ruling", are left to the model);
- `change_window`: the time a change in its sentence took, after "in (just)", "within" or "in the last": "shed ₹2
  lakh crore in just three sessions", "Within a day the index lost 600 points" (the change's period, which
  the fact carries; hours to months, not years, which may be a streak; "the jury decided within two hours", with no
  change beside it, is left to the model);
- `author_bio`: a length of time or a count in the writer's own words about their work, outside
  quotation marks ("With 4+ years in journalism, I bring ..."): a byline's biography, not news;
- `age_band`: ages that define a group of people, counted by another number: "people aged 65 and older",
  "those between 16 and 59", "children under 5", "aged 15 to 24", "between 6 and 11 years old", "the
  18-34 age group", "the age groups from 35 years onwards" (a bare number of at most 120 after "aged" or
  a group's noun, or in years "old", with a band's bound: "and over", "or younger", "to N", "between",
  "under"). One person's age ("the driver, aged 34") is left to the model, and so are the ages of a few the story names
  ("The four divers, aged between 31 and 47, were rescued", "six ponies aged between 3-9 years") and an age limit in a
  sentence that approves, licenses or recommends something ("approved ... in patients aged 12 years and older").
- `dose_in_name`: a dose in milligrams or micrograms written right after a drug's name, which it
  belongs to ("semaglutide 2.4 mg", "Zepbound® 15 mg"; not "a 2.4 mg dose");
- `threshold`: a line a record breaks, "the ... mark", "barrier" or "threshold" after "broke (through)"
  or "cracked" ("broke the 2-hour mark", "to break the 70 million mark"), of any size: no measured amount ("crossed
  the 50-degree mark" is a reading, "from the 35km mark" a point of the course: left to the model);
- `day_bound`: a temperature, or a bare number, with a bound's words ("at or above", "of at least", "or
  higher", "plus", "did not reach", "never fell below") in a sentence that counts days ("22 days with highs of
  40 degrees or hotter", "nine nights in a row of at least 27", "a 40-degree streak"): the line that says
  which days are counted, not a reading (but "each day ran at least 1c above the 1850-1900 level", with no
  days counted, is a warming);
- `category_not_reached`: a storm category the storm fell short of ("just shy of a Category 5 storm", "on the
  threshold of Category 5 status") or whose meaning is given ("Category 5 winds start at 157 mph");
- `scale_band`: the ends of a scale ("rated on a scale between zero and 500") and the bounds of its
  bands ("anything above 150 considered to be unhealthy", "while above 300 is hazardous", "When readings are
  between 101 and 150, children"): what a reading would mean, no reading;
- `speed_benchmark`: a range from zero in a speed, in a sentence about acceleration ("sprints from 0 to 60 mph in
  2.6 seconds", "0-100 km/h in 3 seconds"; not "winds from 0 to 40 mph"): the yardstick an acceleration
  time is measured over, no speed of anything;
- `charge_basis`: "a single charge" or "one charge" beside a range in miles or kilometres ("a single charge range of
  250 to 340 miles"): what a battery's range is measured on, no count of charges ("faces a single charge of fraud" counts);
- `unit_of_sale`: "a dozen" of a good whose price its clause gives next ("a dozen eggs for around $1.54", "the
  price per dozen eggs hit $4.15"): how it is sold, no count ("a dozen firms paid $4m" counts);
- `definition`: a number that says what a word means, after "defined as" or "classed as" ("a
  heatwave is defined as three days above 32C", "a recession is commonly defined as two quarters of
  contraction"), or a bound after "refers to" ("the term refers to particles smaller than 5
  millimetres"), with no other number between: the word's meaning, no finding. So is a size
  class: a bound in a unit of measure that says what a kind of thing is ("Hailstones are balls of
  ice larger than 5 millimetres", at the start of its sentence, with no determiner before the
  kind), or stands beside the kind's name ("fine particles, measuring under 2.5 micrometres,").

Conservative by construction: money, percentages, counts of a million or more, hedged numbers
("more than seven years") and changes are never settled here (a line broken, `threshold`, is one
whatever its size, and so is the bound of the days counted, `day_bound`: "at least 110"; the bounds
of an age band, such as "under 5", are no hedged amounts, and a definition's numbers, money too, are
what a word means); the model decides them. Ordinals ("the first woman") are no quantities at all,
and a duration such as "a two-day visit" is left to the model.
"""

from __future__ import annotations

import re

from schemas.units import dimension_of

from .mention_signs import DOWN_VERBS, UP_VERBS
from .mention_units import MEASURE_UNITS
from .mentions import Mention

LARGE_COUNT = 1e6
_SPAN_UNITS = r"(?:years?|months?|weeks?|days?|decades?|quarters?)"
_THRESHOLD_AFTER = re.compile(r"^[\s-]*(?:mark|barrier|threshold)\b", re.IGNORECASE)
# Only a line broken is one: "crossed the 50-degree mark" is a reading, "from the 35km mark" a point of the course.
_BROKE_THE = re.compile(r"\b(?:break|breaks|breaking|broke|broken|crack|cracks|cracked|cracking|smash\w*)(?:\s+through)?\s+the\s+$",
                        re.IGNORECASE)
_AVERAGE_AFTER = re.compile(r"^\s+(?:rolling\s+|moving\s+|long-term\s+)?(?:average|mean|median|norm|normal)\b", re.IGNORECASE)
_RECORD_AFTER = re.compile(r"^[\s-]+(?:high|low|record|peak|trough|best|worst|top|bottom|highs|lows|peaks)\b", re.IGNORECASE)
_ONE_NOUNS = re.compile(
    r"^\s+(?:(?:key|main|major|big|important|other|possible|likely|final|early|clear|notable)\s+)?"
    r"(?:factor|reason|way|thing|example|explanation|possibility|option|question|problem|issue|sign|"
    r"consequence|lesson|idea|highlight|risk|concern|challenge|difference)\b|"
    r"^\s+(?:official|analyst|diplomat|economist|expert|source|trader|investor|executive|observer)\s+"
    r"(?:said|says|told|noted|added|warned|argued|wrote)\b|"
    r"^\s+(?:side|end|hand)\s+of\b|"  # "seated on one side of the square", "at one end of the hall"
    r"^\s+[a-z]{3,}ing\s+(?:an?|the|his|her|their)\b", re.IGNORECASE)  # "one wearing a yellow vest": someone
_OTHER_SIDE = re.compile(r"\s+side\b[^.;!?]*\bthe\s+other\s+side\b", re.IGNORECASE)
_TOP_BEFORE = re.compile(r"\bthe (?:[\w’']+\s+)?top\s+$", re.IGNORECASE)
# The size of a list ranked by a superlative: "the 11 richest people", "the 10 highest-paid athletes" (not "most":
# "the five most recent deaths" counts deaths)
_THE_WORDS_BEFORE = re.compile(r"\bthe (?:[\w’']+['’]s\s+)?$", re.IGNORECASE)
_SUPERLATIVE_AFTER = re.compile(
    r"\s+(?:richest|wealthiest|poorest|largest|biggest|smallest|highest|lowest|best|worst|busiest|fastest|tallest|strongest|"
    r"deadliest|costliest|hottest|warmest|coldest|wettest|driest|oldest|youngest|longest|heaviest|greatest|"
    r"(?:highest|best|top|worst|lowest)-[a-z]+)\b", re.IGNORECASE)
# A place in a ranking: "world number 2", "the current number 1", "number 3 in the world rankings".
_RANK_BEFORE = re.compile(r"\b(?:world|current|ranked|seeded|former|new)\s+(?:number|no\.?)\s+$", re.IGNORECASE)
_NUMBER_BEFORE = re.compile(r"\b(?:number|no\.?)\s+$", re.IGNORECASE)
_RANK_AFTER = re.compile(r"^\s*(?:in\s+the\s+(?:world(?:\s+rankings?)?|rankings?|standings|table)|seed|spot|ranked)\b",
                         re.IGNORECASE)
_GROUP_BEFORE = re.compile(r"\b(?:these|those)\s+$", re.IGNORECASE)
_POSITION_BEFORE = re.compile(
    r"\bthe\s+(?:final|last|first|previous|past|prior|preceding|next|coming|latest|same|opening|closing|following|"
    r"initial|early|late|latter|former)\s+$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b(?:the|this|that)\s+(?:\w+\s+)?$", re.IGNORECASE)  # "the (same) three-month period"
_PERIOD_AFTER = re.compile(r"^(?:\s+of\b|[\s-]+periods?\b)", re.IGNORECASE)
_PERIOD_WORD_AFTER = re.compile(r"^[\s-]+periods?\b", re.IGNORECASE)
# "a 12-month period ending in January": any span of that length with its end named, the period of a figure
_A_BEFORE = re.compile(r"\b(?:a|an|any)\s+$", re.IGNORECASE)
_PERIOD_ENDING_AFTER = re.compile(r"^[\s-]+periods?\s+(?:ending|ended|to|through|until)\b", re.IGNORECASE)
# "in the first eleven months" (of a year, or "of" anything); not hours or minutes counted from a start with no "of":
# "3 million signed up in the first six hours" took that long
_FIRST_SPAN_BEFORE = re.compile(r"\b(?:in|during|over)\s+the\s+first\s+$", re.IGNORECASE)
# A length of time that dates something: "four years ago", "two weeks earlier" (not the "earlier" of a day named
# after it: "jail terms of six and nine years earlier Tuesday").
_AGO_AFTER = re.compile(r"^\s+(ago\b|back\b(?=\s*[,.;:)]|\s+(?:when|following|after|before|in|on|and)\b)|(?:earlier|later|after|before)\b(?!\s+than)(?!,?\s+(?:on\s+)?(?:(?-i:[MTWFS][a-z]+day)|"
                        r"today|tonight|this\s+(?:week|month|year|morning|afternoon|evening)|"
                        r"in\s+the\s+(?:day|week|month|year|morning|afternoon|evening))\b))", re.IGNORECASE)
_LASTING_BEFORE = re.compile(r"\b(?:for|lasted|lasting|lasts|over|within|spent|spend|spends|took|takes?|taking|"
                             r"required|requires?|needed|needs?)\s+(?:\w+\s+)?$"  # "needed 14 months after its launch"
                             r"|\bin\s+(?:(?:only|just|barely|under|about|around|roughly|nearly|almost)\s+)?$"  # "reached in only 11 years after"
                             r"|\b(?:no\s+later\s+than|(?:to|will|would|must|shall)\s+(?:end|expire|lapse|begin|start|resume|"
                             r"close|open|take\s+effect|come\s+into\s+force|be\s+held)|\blived?\s+to\s+be|\baged)\s+$",
                             re.IGNORECASE)  # a deadline, "the pause was to end 60 days after the decision"; an age, "the cat lived
                                             # to be 24 years and two months before dying"
_DATING_UNITS = frozenset({"days", "weeks", "months", "quarters", "years", "decades"})  # "19 minutes later" is a delay
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")  # a quote the sentence's end cuts runs to that end
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Mm]e|I'm|I’m|I've|I’ve)\b")
_CAREER = re.compile(r"\b(?:journalis\w*|reporter|reporting|writer|writing|editor|correspondent|career|experience)\b",
                     re.IGNORECASE)
_SPELLED_SMALL = frozenset("two three four five six seven eight nine ten eleven twelve".split())
OLDEST_AGE = 120
_AGED_BEFORE = re.compile(r"\b(?:aged|ages|age)\s+$", re.IGNORECASE)
# The ages of a few the story names, not a band that defines a population: "The four divers, aged between 31 and 47,
# were rescued", "six ponies aged between 3-9 years" (not "3.2 million people aged 65 and over", "children aged 5 to 11")
_FEW_NAMED_BEFORE = re.compile(r"(?:\b(?i:the|these|those)|(?<![\d,.])\b(?:[1-9]|1\d|20|(?i:two|three|four|five|six|seven|eight|nine|"
                               r"ten|eleven|twelve)))\s+(?:[\w-]+\s+)?(?:[a-z]{2,}s|men|women|children|people),?\s+aged\s+$")
_GROUP_NOUN_BEFORE = re.compile(
    r"\b(?:population|people|persons|those|children|kids|adults|residents|women|men|girls|boys|workers|citizens|"
    r"individuals|seniors|pensioners|voters|youths?|teenagers|patients|anyone|everyone|minors|infants|babies|pupils|"
    r"students|visitors|passengers|drivers)(?:\s+(?:were|are|was|is))?\s+$",
    re.IGNORECASE)  # "residents were 65 and over"
# Whom a drug, vaccine or right is for: "approved ... for patients aged 12 and older" states the age limit itself.
_ELIGIBILITY_BEFORE = re.compile(r"\b(?:approv(?:e|es|ed|al)|authori[sz](?:e|es|ed|ation)|licen[sc]ed|eligib(?:le|ility)|"
                                 r"recommend(?:s|ed)?|indicated)\b", re.IGNORECASE)
_AGE_GROUP_AFTER = re.compile(r"^\s*(?:-?years?\s+)?age[\s-]+(?:groups?|brackets?|bands?|cohorts?)\b", re.IGNORECASE)
_AGE_GROUP_BEFORE = re.compile(r"\bage[\s-]+(?:groups?|brackets?|bands?)\s+(?:of\s+|from\s+|over\s+|above\s+)?$", re.IGNORECASE)
_YEARS_OLD_AFTER = re.compile(r"^\s*(?:old|of\s+age)\b", re.IGNORECASE)
_BAND_WORDS = re.compile(r"^(?:between|under|over|above|below|from)\b", re.IGNORECASE)
_BAND_AFTER = re.compile(
    r"^\s*(?:and|or)\s+(?:above|over|older|up|upwards|under|younger|below)\b|^\s*(?:onwards|upwards|and\s+up)\b|^\s*(?:to|-|–)\s*\d+\b|"
    r"^\s*(?:years?[\s-]+old|years\s+of\s+age)\s+(?:and|or)\s+(?:above|over|older|under|younger)\b", re.IGNORECASE)


_BORN_BEFORE = re.compile(r"\bborn\s+$", re.IGNORECASE)
# "a dozen" of a good whose price the clause gives next: its unit of sale, no count
_DOZEN_SOLD = re.compile(r"(?:(?:a|one)\s+)?dozen\b", re.IGNORECASE)
_PRICE_FOLLOWS = re.compile(r"[^.;:!?$€£¥₹\d]{0,40}?\b(?:for|costs?|costing|at|hit|reached|priced\s+at|price\s+of|sells?\s+for|sold\s+for)"
                            r"\b[^.;:!?$€£¥₹\d]{0,25}?(?:[$€£¥₹]\s?\d|\d[\d.,]*\s*(?:dollars|euros|pounds|cents|pence|p)\b)",
                            re.IGNORECASE)  # (not "a dozen firms paid $4m": a count of payers)


def phrase_rule(text: str, mention: Mention) -> str | None:
    """The name of the rule that makes `mention` a phrase rather than a fact, else None."""
    if mention.unit_class == "duration" and (match := _AGO_AFTER.match(text[mention.end:mention.end + 20])) \
            and (match.group(1).lower() in ("ago", "back") or mention.unit in _DATING_UNITS) \
            and not (match.group(1).lower() in ("after", "before")
                     and _LASTING_BEFORE.search(text[max(0, mention.start - 20):mention.start])) \
            and not _BORN_BEFORE.search(text, max(0, mention.start - 12), mention.start):
        return "time_ago"  # whatever verb is near ("locked down four years ago"), it dates something; "born 116 years ago"
        # is an age
    if mention.unit_class in ("duration", "count") and _is_author_bio(text[mention.sentence_start:mention.sentence_end]):
        return "author_bio"
    sentence_before = text[mention.sentence_start:mention.start]
    if _is_age_band(mention, text[max(0, mention.start - 30):mention.start], text[mention.end:mention.end + 30]) \
            and not _ELIGIBILITY_BEFORE.search(sentence_before) \
            and not (mention.value_max is not None and _FEW_NAMED_BEFORE.search(text, max(0, mention.start - 40), mention.start)):
        return "age_band"
    if _is_definition(mention, sentence_before) or _is_unit_equation(mention, sentence_before, text[mention.end:mention.end + 40]):
        return "definition"
    if mention.unit in _DOSE_UNITS and mention.qualifier == "exact" \
            and _DRUG_BEFORE.search(text[max(0, mention.start - 40):mention.start]):
        return "dose_in_name"
    before, after = text[max(0, mention.start - 80):mention.start], text[mention.end:mention.end + 40]
    if _THRESHOLD_AFTER.match(after) and _BROKE_THE.search(before):
        return "threshold"  # of any size: "break the 70 million mark"
    if mention.unit == "category" and (_SHORT_OF_CATEGORY.search(before) or _CATEGORY_DEFINED.match(after)):
        return "category_not_reached"
    if _is_day_bound(mention, before, after, text):
        return "day_bound"
    if _is_scale_band(mention, text, before, after):
        return "scale_band"  # "rated on a scale between zero and 500", "anything above 150 (is) considered unhealthy"
    if mention.value == 0 and mention.value_max is not None and mention.unit in _SPEED_UNITS \
            and _ACCELERATION.search(text, mention.sentence_start, mention.sentence_end):
        return "speed_benchmark"  # "goes from 0 to 60 mph in 2.6 seconds": the time is the fact
    if mention.value == 12 and _DOZEN_SOLD.match(mention.text) and _PRICE_FOLLOWS.match(text, mention.end):
        return "unit_of_sale"  # "a dozen eggs for around $1.54", "the price per dozen eggs hit $4.15": how eggs are sold
    if mention.value == 1 and (mention.unit or "").startswith("charge") \
            and _RANGE_NEAR.search(text, max(0, mention.start - 40), mention.end + 40):
        return "charge_basis"  # "a range on one charge of 250 to 340 miles"
    if _is_change_window(mention, text, before):
        return "change_window"  # "shed ₹2 lakh crore in just three sessions": the change's period, no fact
    if not _may_be_phrase(mention):
        return None
    words = mention.text.lower()
    first = words.split()[0]
    if mention.unit_class == "duration" and _is_record_span(words, before, after):
        return "record_span"
    if mention.unit_class == "duration" and re.fullmatch(rf"[\w.]+-{_SPAN_UNITS}", words) and _AVERAGE_AFTER.match(after):
        return "average_span"
    if first == "one" and (_ONE_NOUNS.match(text[mention.start + 3:mention.start + 60])
                           or _OTHER_SIDE.match(text[mention.start + 3:mention.sentence_end])):
        return "one_as_pronoun"  # ... and "on one side ..., on the other side": one of two, no count
    if (first == "two" or first in _SPELLED_SMALL and mention.unit is None) and _GROUP_BEFORE.search(before):
        return "definite_group"
    if mention.unit_class == "count" and (_TOP_BEFORE.search(before) or _THE_WORDS_BEFORE.search(before) and _SUPERLATIVE_AFTER.match(
            text, mention.start + len(mention.text.split()[0]))):
        return "ranking"  # "the top 20 added $700 billion", "the 11 richest people": a ranked list's size
    if mention.unit_class == "count" and mention.unit is None and (
            _RANK_BEFORE.search(before) or _NUMBER_BEFORE.search(before) and _RANK_AFTER.match(after)):
        return "ranking"  # a place in a ranking: "world number 2", "number 2 in the world ranking"
    if mention.unit_class == "duration" and (_POSITION_BEFORE.search(before) and _PERIOD_AFTER.match(after)
                                             or _THE_BEFORE.search(before) and _PERIOD_WORD_AFTER.match(after)
                                             or _A_BEFORE.search(before) and _PERIOD_ENDING_AFTER.match(after)
                                             or _FIRST_SPAN_BEFORE.search(before) and (mention.unit in _DATING_UNITS
                                                                                       or _PERIOD_AFTER.match(after))):
        return "period_span"
    return None


# The ends of a scale, and the bounds of its bands: "rated on a scale between zero and 500", "anything above
# 150 considered to be unhealthy", "When readings are between 101 and 150, children".
_SCALE_OF = re.compile(r"\bon\s+an?\s+(?:[a-z-]+\s+)?scale\s+(?:of\s+|from\s+|between\s+)?$", re.IGNORECASE)
_BOUND_WORD = re.compile(r"^(?:between|from|above|over|below|under|more\s+than|less\s+than)\s+", re.IGNORECASE)
_BAND = r"\b(?:anything|any\s+(?:value|reading|level|score)|values|readings|levels|scores)\s+(?:above|over|below|under)\s+"
_BAND_IS = re.compile(_BAND + "$", re.IGNORECASE)
_BAND_EARLIER = re.compile(_BAND + r"\d", re.IGNORECASE)
_NEXT_BAND = re.compile(r"\b(?:while|and|but|whereas)\s+(?:above|over|below|under)\s+$", re.IGNORECASE)  # "..., while above 300"
_CLASSED_AFTER = re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:(?:is|are|was|were)\s+)?(?:(?:considered|deemed|classed|classified|rated|"
                            r"labell?ed|regarded\s+as|counted\s+as)\b|“?(?:unhealthy|hazardous|good|moderate|healthy|dangerous)\b)",
                            re.IGNORECASE)
_WHEN_BAND = re.compile(r"\b(?:when|if)\s+[^.;,]{0,40}?\b(?:is|are)\s+(?:between|from)\s+$", re.IGNORECASE)


def _is_scale_band(mention: Mention, text: str, before: str, after: str) -> bool:
    """`scale_band`: the ends of a scale after "on a scale", a bound of a band that the words after it class ("anything
    above 150 considered unhealthy", and the next band of that sentence, "while above 300 is hazardous"), or a range
    in a sentence that opens with "when" ("When readings are between 101 and 150, ...")."""
    bound = _BOUND_WORD.match(mention.text)
    head = before + (bound.group(0) if bound else "")
    if mention.value_max is not None and (_SCALE_OF.search(head) or _WHEN_BAND.search(head)):
        return True
    if _BAND_IS.search(head):
        return _CLASSED_AFTER.match(after) is not None
    return bound is not None and _NEXT_BAND.search(head) is not None and re.match(r"\s+(?:is|are)\s+[“\"]?[a-z]+", after) is not None \
        and _BAND_EARLIER.search(text, mention.sentence_start, mention.start) is not None
_SPEED_UNITS = frozenset({"miles per hour", "kilometers per hour"})
_ACCELERATION = re.compile(r"\baccelerat\w*|\bsprints?\b|\bin\s+(?:just\s+|under\s+|about\s+|only\s+)?\d+(?:\.\d+)?\s?(?:seconds|secs?|s)\b",
                           re.IGNORECASE)
_RANGE_NEAR = re.compile(r"\brange\b|\bmiles\b|\bkilomet(?:re|er)s\b|\bkm\b", re.IGNORECASE)
# A storm category the storm did not reach, or whose meaning is given: "just shy of a strong Category 5 storm", "on
# the threshold of Category 5 status", "Category 5 winds start at 157 mph", "— Category 5, reserved
# for storms with" (not "twice reaching Category 5 status", "a Category 4 hurricane").
_SHORT_OF_CATEGORY = re.compile(r"\b(?:short|shy)\s+of\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+){0,3}[Cc]ategory\s+$"
                                r"|\bthreshold\s+of\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+){0,3}[Cc]ategory\s+$")
_CATEGORY_DEFINED = re.compile(r"^(?:\s*,\s*(?:reserved|which\s+(?:starts?|begins?|means?))\b|"
                               r"\s+(?:winds?|storms?|hurricanes?)\s+(?:start|begin|starts|begins)\s+at\b)", re.IGNORECASE)
# The bound of a reading that says which days are counted: "22 days with highs of 40 degrees or hotter", "nine
# nights in a row of at least 27", "the only day that did not reach 38 degrees", "40º plus days", "a 40-degree streak".
_BOUND_BEFORE = re.compile(r"\b(?:at\s+or\s+(?:above|below)|(?:of\s+)?at\s+least|above|below|over|under|"
                           r"(?:not|n['’]t|never|failed\s+to)\s+(?:reach|top|hit|f[ae]ll\s+below|drop(?:ped)?\s+below|dip(?:ped)?\s+below)"
                           r"(?:\s+(?:at\s+least|a\s+(?:temperature|high|low)\s+of))?)\s+$", re.IGNORECASE)
_DEGREES = r"(?:°\s?[FC]|º|degrees?(?:\s+(?:F|C|Fahrenheit|Celsius))?)?"  # a temperature's unit, if written apart
_BOUND_AFTER = re.compile(rf"^\s*{_DEGREES}\s*(?:or\s+(?:higher|more|hotter|above|warmer|"
                          r"colder|lower|below|less|over|under)\b|\+|plus\b|and\s+(?:above|over|higher|up)\b)|^(?:-degree)?\s+(?:streak|days)\b",
                          re.IGNORECASE)
_WARMER_THAN = re.compile(rf"^\s*{_DEGREES}\s*(?:\([^()]{{1,30}}\)\s*)?"
                          r"(?:warmer|hotter|higher|colder|cooler|lower)\s+than\b", re.IGNORECASE)
_DAYS_COUNTED = re.compile(r"\b(?:days|nights)\b|\bevery\s+(?:single\s+)?day\b|\bstreak\b|\bin\s+a\s+row\b|"
                           r"\b(?:only|one|single)\s+day\b", re.IGNORECASE)


_DONE_TO_THEM = re.compile(r"\s+(?:[a-z]{3,}ed|dead|hurt|held|taken|caught|shot)\b")  # "arrested", "killed"


def _is_day_bound(mention: Mention, before: str, after: str, text: str) -> bool:
    """`day_bound`: a temperature (or a bare number) with a bound's words, in a sentence that counts days."""
    if mention.unit_class != "count" or not (mention.unit is None or "degrees" in mention.unit) \
            or re.match(r"\s+(?:out\s+)?of\b", after):
        return False  # "after 17 days, with at least 15 of them evacuated": a part of a group
    if mention.unit is None and _DONE_TO_THEM.match(after):
        return False  # "more than 2,700 arrested in 13 days": people counted by what befell them, no bound of days
    bounded = mention.qualifier in ("at_least", "more_than", "less_than", "at_most") or _BOUND_BEFORE.search(before) \
        or _BOUND_AFTER.match(after)
    days = [m.group(0).lower() for m in _DAYS_COUNTED.finditer(text, mention.sentence_start, mention.sentence_end)]
    if days and all(day.startswith("every") for day in days) and _WARMER_THAN.match(after):
        return False  # "each day ran at least 1c above the 1850-1900 level": a warming, no days counted
    return bool(bounded and days)


# The window a change in its sentence took, after "in (just)", "within" or "in the last": "shed ₹2 lakh crore in
# just three sessions", "Within a day the index lost 600 points", "in the last four days the fall is 9%". Not a year ("lost 900 members in five years" may be a streak), nor a time with no change beside it
# ("the jury decided within two hours").
_WINDOW_BEFORE = re.compile(r"\b(?:in|within)\s+(?:just\s+|only\s+|barely\s+|the\s+(?:last|past)\s+)?$|^(?i:within)\b", re.IGNORECASE)
_WINDOW_UNITS = frozenset({"hours", "days", "weeks", "months", "sessions", "trading_sessions", "trading_days"})
_CHANGE_BESIDE = re.compile(rf"\b(?:{DOWN_VERBS}|{UP_VERBS}|lost|loses|losing|loss|wiped\s+out)\b[^.;:!?\d]{{0,40}}?[\d₹$€£¥]",
                            re.IGNORECASE)


def _is_change_window(mention: Mention, text: str, before: str) -> bool:
    if mention.unit not in _WINDOW_UNITS or mention.value >= 100 or mention.direction is not None \
            or mention.value_max is not None or mention.qualifier not in ("exact", "at_most"):
        return False
    if not (_WINDOW_BEFORE.search(before) or _WINDOW_BEFORE.match(mention.text)):
        return False
    sentence = text[mention.sentence_start:mention.start] + " " * (mention.end - mention.start) + text[mention.end:mention.sentence_end]
    return _CHANGE_BESIDE.search(sentence) is not None


def _may_be_phrase(mention: Mention) -> bool:
    """Money, percentages, large counts, hedged amounts and changes are always facts' business."""
    if mention.unit_class in ("percent", "currency") or abs(mention.value) >= LARGE_COUNT:
        return False
    return mention.qualifier == "exact" and mention.direction is None and mention.value_max is None


_OLDS_AFTER = re.compile(r"\s+(?:and|or|to)\s+\d{1,3}-year-olds\b", re.IGNORECASE)


def _is_age_band(mention: Mention, before: str, after: str) -> bool:
    """Ages that bound a band, bare after "aged" or a group's noun ("aged 60 and above", "those
    between 16 and 59", "children under 5"), or in "years old" ("between 6 and 11 years old"); ages that name a group
    ("21 and 22-year-olds")."""
    if mention.value_max is not None and mention.unit is None and _AGE_GROUP_AFTER.match(after) \
            and mention.value_max <= OLDEST_AGE:
        return True  # "the 18-34 age group"
    if re.search(r"-year-olds$", mention.text, re.IGNORECASE) or _OLDS_AFTER.match(after):
        return True  # "18 to 20-year-olds", "21 and 22-year-olds": an age that names a group, not anyone's age
    in_years = (mention.unit_class == "duration" and _YEARS_OLD_AFTER.match(after)) or \
        re.search(r"[\s-]old$", mention.text, re.IGNORECASE) or \
        (mention.unit == "years" and (_AGED_BEFORE.search(before) and (mention.value_max is not None or _BAND_AFTER.match(after))
                                      or _AGE_GROUP_BEFORE.search(before)))  # "aged 45 years or older", "aged
    # between 18 and 34 years", "in the age groups from 35 years onwards"
    # bare: no unit, or the years an age's words gave it ("aged 70", "aged 5 to 19", with no "years" written)
    bare = mention.unit_class == "count" and (mention.unit is None or mention.unit == "years" and "year" not in mention.text.lower())
    if not (bare or in_years) or max(mention.value, mention.value_max or 0) > OLDEST_AGE:
        return False
    bounded = bool(_BAND_WORDS.match(mention.text) or mention.value_max is not None or _BAND_AFTER.match(after))
    return bounded and bool(in_years or _AGED_BEFORE.search(before) or _GROUP_NOUN_BEFORE.search(before))


_DEFINED = re.compile(r"\b(?:defined|classed|classified)\s+as\b|\bby\s+definition\b", re.IGNORECASE)
_REFERS = re.compile(r"\brefers?\s+to\b|\bis\s+(?:the\s+)?(?:term|name)\s+for\b", re.IGNORECASE)
# A dose written right after a drug's name is part of what the drug is called ("semaglutide 2.4 mg",
# "Zepbound® 15 mg"): an international nonproprietary name by its stem, or a brand by its mark.
_DOSE_UNITS = frozenset({"milligrams", "micrograms"})
_DRUG_BEFORE = re.compile(
    r"(?:\b[A-Za-z][a-z]*(?:glutide|tide|mab|nib|pril|sartan|statin|mycin|cillin|azole|vir|parin|olol|dipine|formin|gliflozin|"
    r"gliptin|semide|oxetine|azepam|profen|caine|lukast|prazole|triptan)|[A-Za-z][\w-]*[®™])\s*(?:\(\s*)?$")
_BOUNDS = frozenset({"less_than", "at_most", "more_than", "at_least", "range"})
# What a kind of thing is: "Microbeads are small resin balls " (a bare plural or mass noun
# opens the sentence, "are" or "is", then the class it belongs to), or the kind's name with a size
# beside it: "nanoplastics, measuring ", "fine particles (".
_KIND_IS = re.compile(r"^\W*(?!(?:The|These|Those|This|That|Its|Their|His|Her|Our|Most|Some|All|Many|Few|Both)\b)"
                      r"[A-Z][a-z-]+(?:\s+[a-z-]+)?\s+(?:are|is)\s+(?:an?\s+)?(?:[a-z-]+\s+){1,6}$")
_KIND_BESIDE = re.compile(r"\b(?P<kind>[A-Za-z][a-z-]{2,}s)\s*(?:,|\(|[–—])\s*(?:measuring\s+|sized\s+|which\s+(?:are|measure)\s+)?$")


# A unit said in another: "One carat is 0.2 grams", "A troy ounce equals 31.1 grams" (both numbers define the unit).
_UNIT_NOUN = (r"(?:troy\s+)?(?:carat|ounce|barrel|mile|nautical\s+mile|kilometre|kilometer|acre|hectare|tola|pound|stone|foot|"
              r"inch|yard|gallon|litre|liter|tonne|ton|lakh|crore|knot|bushel|gram|kilo(?:gram)?|metre|meter)")
_UNIT_IS = r"(?:is|equals|is\s+equal\s+to|equates\s+to)\s+(?:about\s+|roughly\s+|around\s+|some\s+)?"
_UNIT_EQUATED = re.compile(rf"^\s*(?:One|A|An|1)\s+{_UNIT_NOUN}\s+{_UNIT_IS}$", re.IGNORECASE)
_EQUATED_TO = re.compile(rf"^\s+{_UNIT_IS}\d[\d.,]*\s*[a-z]+")
_ONE_UNIT = re.compile(rf"(?:One|A|An|1)\s+{_UNIT_NOUN}", re.IGNORECASE)


def _is_unit_equation(mention: Mention, sentence_before: str, after: str) -> bool:
    """Is the number one side of a unit said in another ("One carat is 0.2 grams")?"""
    if mention.unit_class != "count" or mention.unit is None:
        return False  # a measure or a counted unit, not money ("One share is worth $5")
    return bool(_UNIT_EQUATED.match(sentence_before)
                or not sentence_before.strip() and _ONE_UNIT.fullmatch(mention.text) and _EQUATED_TO.match(after))


def _is_definition(mention: Mention, sentence_before: str) -> bool:
    """Does the number say what a word means: after "defined as" or "classed as", or as a bound after
    "refers to", in its sentence and with no other number between; or a size class (a bound in a
    unit of measure, `_KIND_IS`, `_KIND_BESIDE`)?"""
    before = sentence_before[-100:]
    cue = _last(_DEFINED, before) or (_last(_REFERS, before) if mention.qualifier in _BOUNDS else None)
    if cue is not None and not re.search(r"\d", before[cue.end():]):
        return True
    beside = _KIND_BESIDE.search(before)
    # "more than 900 metres (more than 2,950 feet)": a measure converted, beside a unit, not a kind
    kind = beside is not None and dimension_of(beside["kind"]) is None and beside["kind"].lower() not in MEASURE_UNITS
    return mention.qualifier in _BOUNDS and mention.unit in MEASURE_UNITS and bool(_KIND_IS.match(sentence_before) or kind)


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def _is_author_bio(sentence: str) -> bool:
    """The writer speaks of their own work: first person singular outside quotes, and a career word."""
    unquoted = _QUOTED.sub(" ", sentence)
    return bool(_FIRST_PERSON.search(unquoted) and _CAREER.search(unquoted))


# The span a record move is counted over: "a record one-day loss", "the largest one-day drop", "its biggest
# two-week gain".
_RECORD_MOVE_BEFORE = re.compile(r"\b(?:record|biggest|largest|steepest|sharpest|worst|best|deepest|heaviest|smallest)\s+$",
                                 re.IGNORECASE)
_MOVE_AFTER = re.compile(r"^\s+(?:loss|losses|drop|fall|decline|gain|rise|jump|rally|slide|plunge|sell-?off|rout|increase|"
                         r"decrease|move|swing)\b", re.IGNORECASE)


def _is_record_span(words: str, before: str, after: str) -> bool:
    """"seven-year high" (the span names a record) or "the largest one-day drop". The time since a record,
    "highest in seven years", "for the first time in 17 years", goes to the model: the gold of the real-article
    sets counts it (years since the last such level): 23 of the 23 such readings of their texts (2026-12-05)."""
    if re.fullmatch(rf"[\w.]+[\s-]{_SPAN_UNITS}", words) and _RECORD_AFTER.match(after):
        return True
    return bool(re.fullmatch(rf"[\w.]+-{_SPAN_UNITS}", words) and _RECORD_MOVE_BEFORE.search(before) and _MOVE_AFTER.match(after))
