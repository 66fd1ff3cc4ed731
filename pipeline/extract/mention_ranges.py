"""Stage (mentions, ranges and lists): join the ends of a range, and share units across a phrase.

- "from A to B", "between A and B" keep both ends, in either order; "A-B", "A to B" and a close
  "A or B" ("eight or nine euros") are ranges when the ends agree; "increased by X to Y" is two
  quantities (a change and a level);
- a unit or scale written once applies to the numbers that share it ("10 and 12 million people",
  "5 and 7 percent", "3.8 from 4.1 per cent", "$20-30M", "a mean of 41.2 ± 8.3 months", "1,200
  people in France and 800 in Spain", also with a bracketed share after each count ("41 districts
  (62%) in the north and 19 (29%) in the south"), and a list of bracketed figures, "services (down
  0.4 per cent), construction (-1.6) and production (-1)", and a part of a counted whole, "1,500 of
  a total of 6,142 buildings", "12 of the 20 players", and a tally of names with their counts, "412
  seats, the Conservatives 121, ... Green four"), a count's baseline ("12 cases, compared with 31",
  or in the next sentence, "That compares with 31"), and the bare subject of the next clause
  ("27 countries signed, and nine abstained"); two vague amounts joined by "to" are one range
  ("hundreds of millions to billions of dollars");
- a rate's denominator is shared by its change and its level ("by £95 to £1,290 a month", "$31 to
  a record $2,512 an ounce", "€1.74 a litre, up 9 cents"), and by
  an amount of money and its conversion in brackets ("90m euros (£77m) a season", "$900 a month
  (£700)"), and "points" moved towards a percentage are percentage points ("by 4 points to 68%").
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from schemas.primitives.numbers import find_numbers
from schemas.primitives.number_words import SCALE_WORDS, times
from schemas.units import base_unit, dimension_of

from .mention_filters import HARMED_WORDS, LIST_AFTER_COUNTED, LIST_WHEN, PLACED_NAME
from .mention_periods import DAY_OR_MONTH
from .mention_signs import DOWN_VERBS, HELD_COUNTS, UP_VERBS, change_at
from .mention_units import IRREGULAR_PAST, PARTICIPLE, SIZE_WORDS, measure_before, rate_after

if TYPE_CHECKING:
    from .mentions import Mention

_HYPHEN = re.compile(r"^\s?[-–—]\s?$")
_TO = re.compile(r"^(?:-?\s+to\s+(?:plus\s+)?|-to-)$")  # "from minus 6 to plus 9 degrees": the written sign is no gap; "12- to 16-hour", "5-to-10-year"
_AND = re.compile(r"^\s+and\s+(?:plus\s+)?$")
_OR = re.compile(r"^-?\s+or\s+$")  # "one- or two-day"
_SUBUNIT = re.compile(r"\b(?:cents?|pence)\b|\dp\b")  # money written in hundredths: "1.5 cents", "40p"
_AGED = re.compile(r"\b(?:aged|ages\s+(?:ranged|ranging|range|ran))\s+$", re.IGNORECASE)  # "aged 16 to 24", "ages ranged from 27 to 56"
# A level a move starts from named as the one now or before: "from the current £1,971", "from its previous 34%".
_LEFT_LEVEL = r"(?:the|its|their)\s+(?:current|present|existing|previous|old)"
# "between ", "from ", "from the current ", "between magnitudes " (the scale named once, before both ends)
_LEAD = re.compile(rf"\b(between|from)\s+(?:{_LEFT_LEVEL}\s+|magnitudes?\s+)?$", re.IGNORECASE)
# The words of a move "from A to B" before A (`is_move`), and the level left behind among them.
MOVE_START = re.compile(rf"from\s+(?:(?P<left>{_LEFT_LEVEL})\s+)?", re.IGNORECASE)
_PART_OF = re.compile(r"^\s+(?:out\s+)?of\s+(?:a\s+total\s+of\s+|the\s+|its\s+|their\s+|all\s+)?$", re.IGNORECASE)
_PLUS_MINUS = re.compile(r"^\s*(?:±|\+/-|\+/−|\+-)\s*$")
_LIST = re.compile(r"^(?:\s*,\s*|,?\s+and\s+|,?\s+or\s+|\s+from\s+|\s+to\s+)$")
# "1,200 people in France and 800 in Spain"; "41 districts (62%) in the north and 19 (29%) in the south":
# a group named after each number, a bracketed share of the count allowed after either
_SHARE_IN_BRACKETS = r"(?:\s*\(\s*[\d.]+\s*(?:%|per\s*cent|percent)\s*\))?"
# or a year or time of its own: "14 lenders last year, 4 in 2022 and 9 a year earlier"
_OWN_TIME = r"(?:last|this)\s+(?:year|season|month|week|quarter)|(?:a|the)\s+(?:year|season|month|week|quarter)\s+(?:earlier|before)"
_PARALLEL = re.compile(rf"^{_SHARE_IN_BRACKETS}\s+(?:(?:in|at|for|from|on|among|of|to|during|through|across|(?:north|south|east|west)\s+of)\s+(?:[A-Z][\w .'-]*?|[a-z][\w'-]*(?:\s+[A-Za-z][A-Za-z'-]*){{0,8}}"
                       rf"|(?:19|20)\d\d)|{_OWN_TIME})(?:,\s*|,?\s+and\s+|,?\s+while\s+)$")
_PARALLEL_AFTER = re.compile(rf"^{_SHARE_IN_BRACKETS}\s+(?:(?:in|at|for|from|on|among|to|after|before|during|until|since|through|across|(?:north|south|east|west)\s+of)\b|of\s+(?!(?:the|its|their|them|whom|these|those|a|an)\b)[a-z]|"
                             rf"(?:{_OWN_TIME})\b|(?:internationally|abroad|overseas|domestically|nationally|worldwide|globally|"
                             r"elsewhere|locally|online|offline|off-peak|at\s+peak)\b)")  # "200,000 subscribers in the US ..., and 1.2 million internationally"
# ... and with a verb before the first group: "3,000 migrants reached the island on Monday and (another)
# 1,900 on Tuesday", "42 tonnes of cocoons into the shed on Monday but only 37 on Tuesday"
_PARALLEL_VERB = re.compile(r"^\s+[a-z][^\d.;:!?()]{0,60}?\s(?:in|at|on|for|from|among|to)\s+[\w'’.-]+"
                            r"(?:,\s*|,?\s+and\s+|,?\s+while\s+|,?\s+but\s+(?:only\s+|just\s+)?)(?:another\s+|a\s+further\s+)?$")
# ... or the first group's day written before it: "On Wednesday the floors sold 120,000 bales, and 95,000 on Thursday"
_BARE_JOIN = re.compile(r"^(?:,\s*|,?\s+and\s+|,?\s+but\s+(?:only\s+|just\s+)?)$")
_ON_ITS_DAY = re.compile(rf"\s+(?:on|in)\s+(?:the\s+)?(?:{DAY_OR_MONTH}|(?:19|20)\d\d)\b")
# The people counted by a toll, carried to the next toll of the sentence: "12 people were killed and 40
# (were) injured", "One soldier died and two were wounded".
_TOLL_GAP = re.compile(rf"^\s+(?:(?:was|were|are|is|have\s+been|had\s+been)\s+)?(?:{HARMED_WORDS})\s*,?\s+(?:and|while)\s+"
                       r"(?:another\s+)?$", re.IGNORECASE)
_TOLL_AFTER = re.compile(rf"\s+(?:(?:more|others|other\s+people)\s+)?(?:(?:were|was|are|have\s+been|had\s+been)\s+)?"
                         rf"(?:left\s+)?(?:{HARMED_WORDS}|displaced|evacuated|arrested|detained|hospitali[sz]ed)\b", re.IGNORECASE)
# ... or to the next toll's verb before it: "killed 73 people and injured 410"
_TOLL_VERB_GAP = re.compile(r"^\s*,?\s+(?:and|while)\s+(?:also\s+)?(?:injured|wounded|hurt|killed|displaced|evacuated|rescued|"
                            r"hospitali[sz]ed|arrested|detained)\s+(?:(?:at\s+least|about|around|nearly|almost|some|more\s+than|over)\s+)?$",
                            re.IGNORECASE)
# People told by what befell them, with no noun and none to share: "left 15,000 homeless", "at least 53 dead".
_PEOPLE_LEFT = re.compile(r"\s+(?:homeless|dead|missing|injured|wounded|hurt|displaced)\b(?!-)")  # not a headline's "& 329 Injured"
# A size's sides: "48 kilometres long and 19 wide"
_SIDES = rf"(?:{SIZE_WORDS}|across)"
_SIDE_GAP = re.compile(rf"^\s+{_SIDES}\s*(?:,\s*|,?\s+and\s+|,?\s+by\s+)$")
_SIDE = re.compile(rf"\s+{_SIDES}\b")
# A part named right after its whole: "80 musicians, 12 of them on short contracts", "61 babies on
# New Year's Day, 34 of them girls", "Of the 120 pupils who sat the exam, 97 passed".
_PART_GAP = re.compile(r"^[^\d.;:()]{0,80}?(?:,\s*(?:(?:and|but|while)\s+)?|\s+(?:and|but|while)\s+)$")  # "14 horses, and nine of them"
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|which)\b")  # "200,000 fossils, 11,000 of which are on show"
_OF_WHICH = re.compile(r"^\s*,\s*of\s+(?:which|whom)\s+$")
# ... or a whole named first: "Of the plant's 2,300 workers, 1,850 voted to strike".
_OF_THE_WHOLE = re.compile(r"(?:^|[.!?]\s+|\n)Of\s+(?:the|its|their|[A-Z][\w.'’-]*['’]s)\s+(?:[A-Z][\w.'’-]*\s+)?(?:[a-z]+['’]s\s+)?$")
# ("Of the Winsford mine's 2,300 employees, 870 work underground")
# ... the whole's own clause, up to its comma, however long: "Of the 64 narrowboats inspected by the trust's surveyors
# at Braunston, 19 failed".
_WHOLE_CLAUSE_GAP = re.compile(r"^[^\d.;:(),]{0,100},\s*$")
# A count's noun carried to the subject of the next clause: "Twenty-seven countries signed the
# declaration, and nine abstained", "400 staff joined the strike while 120 were at work", "and 230 more arrived".
_NEXT_CLAUSE = re.compile(rf"^(?:\s+(?:[^\W\d_]|['’-])+){{0,12}}{LIST_WHEN}(?:\s*,?\s+(?:and|while|but|whereas|though|although)|\s*;)\s+"
                          r"(?:(?:just|only|some|about|around|nearly|almost|another|a\s+further)\s+)?$")  # "200 growers; just 11 remain"
_CLAUSE_VERB = re.compile(r"(?:\s+more)?(?:\s+(?:never|still|also|later|then|only|already|eventually|soon))?"  # "and 14 never left"
                          r"\s+(?:were|was|are|is|have|has|had|did|do|remain(?:s|ed)?|stayed|shut|died|come|go|return|stay|"
                          r"will|would|could|can|may|might|must|should|"  # "and nine more will join them"
                          r"sell|buy|carve|earn|bring|work|live|make|"
                          r"[a-z]{3,}ed|"
                          rf"{'|'.join(sorted(IRREGULAR_PAST - {'alive', 'said'}))})\b")
_BRACKETED = re.compile(r"^\s*\)\s*(?:,\s*|,?\s+and\s+)[\w' -]{1,30}?\s*\(\s*$")
_AFTER_PERCENT = re.compile(r"^[^\dA-Z.;]{0,40}$")
# "3% in 2022, 4% in 2023 and 5%", "by another half point by year-end, another full point in 2025,
# and by a final half point": one verb, and the listed numbers after it
_NO_VERB = (r"(?!(?:stood|stands?|held|holds?|kept|keeps?|remain\w*|stay\w*|sat|sits?|was|were|is|are|be|been|set|sets|"
            r"left|leaves?|put|puts|ended|closed|opened|traded|finished)\b)(?![a-z]+ed\b)")
_SPREAD = re.compile(r"^(?:\s+(?:for|in|at|on|by)\s+[\w' -]{1,25}?|\s+(?:to|from)\s+[A-Z][\w' -]{0,24}?)?(?:\s*,\s*|,?\s+and\s+|,?\s+or\s+)"
                     r"(?:[A-Z][\w&.' -]{0,25}\s|(?:by\s+)?(?:(?:another|a further|an additional|a final)\s+)?)$"
                     rf"|^(?:\s+[a-z]+)?,?\s+(?:followed\s+by|and)\s+(?:the\s+)?(?:{_NO_VERB}[A-Za-z][\w&.'’–-]*\s+){{1,3}}at\s+$")  # "a 95%
# drop, followed by Africa at 76% and the Asia-Pacific region at 60%", "plummeted by 85% followed by land species at 69%" (not
# "and unemployment stood at 4%", "and the bank held rates at 4%")
# A bracket opened on a conversion, hedged or not: "130,000 square kilometres (about 50,000 square miles)", "(or"
BRACKET_OPEN = re.compile(r"\s*\(\s*(?:about|around|roughly|some|nearly|almost|approx\.?|approximately|or)?\s*$", re.IGNORECASE)
_COMMA_OR = re.compile(r"^\s*[,—–]\s*or\s+$")  # "lost $12bn, or 8%"; "fell by 310,000, or 1.2 percent"; "the deepest cuts — 480,000 tonnes — or about a sixth"
# A share of a whole restated as a count: "cut 6% of its workforce, or 4,000 employees", "lay off 10% of its
# staff, about 9,000", "a 12% staff reduction in every region, amounting to 900 workers".
_SHARE_OR = re.compile(r"^\s+of\s+(?:(?:its|their|the|his|her|our)\s+)?[\w-]+(?:\s+[\w-]+)?\s*,\s*(?:or\s+)?$", re.IGNORECASE)
_AMOUNTING_TO = re.compile(r"^[^.;:!?\d]{0,60},\s*(?:amounting|equal|equivalent)\s+to\s+$", re.IGNORECASE)  # of a count only
_TALLY = re.compile(rf"^{LIST_AFTER_COUNTED}(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+){PLACED_NAME}$")  # "412 seats, the Conservatives 121"
_BY_BEFORE = re.compile(r"\bby\s+$")
# A second subject that did the same to a bare number, its clause's last word: "Queensland sent 18 rescuers ..., while
# Tasmania, with one coal mine left, sent six." (not a move: "..., while prices rose 5"); the first's time may come
# between ("30 trawlers in the 1990s, and its rival launched 12").
_PARALLEL_SUBJECT = re.compile(rf"^{LIST_WHEN}\s*,?\s+(?:and|while|but|whereas)\s+[A-Za-z][^.;:!?\d]{{0,60}}?\s(?P<verb>[a-z]{{3,}})\s+$")
# ... or the object of a second verb that deals with the same things: "hollowed 1,100 pairs of sabots last year and sold
# 870,", "received 5,000 applications and approved 3,200." (not "operates 120 planes and employs 9,000": another thing),
# no more of them than the first count ("employs 300 workers and sold 1.2 million" sold other things).
_SECOND_OBJECT = re.compile(rf"^[^\d.;:!?]{{0,80}}?{LIST_WHEN},?\s+(?:and|but|while)\s+(?:(?:only|just|then|later|eventually)\s+)?"
                            r"(?P<verb>sold|kept|exported|returned|retired|released|recovered|repaired|restored|rescued|"
                            r"shipped|delivered|finished|completed|approved|rejected|accepted|reopened|closed|rehomed|"
                            r"adopted|recycled|scrapped|destroyed|saved|treated|vaccinated|tested|checked|inspected)\s+"
                            r"(?:(?:only|just|about|around|some|nearly|almost|roughly|over|more\s+than|fewer\s+than)\s+)?$",
                            re.IGNORECASE)
_MULTIPLIER_WORD = re.compile(r"\b(?:doubled?|twice|tripled?|trebled?|quadrupled?|halved?)\b", re.IGNORECASE)
_OBJECT_ENDS = re.compile(r"\s*(?:[,.;)]|$)")
_HAVING_VERBS = frozenset("sends wins has have takes gets brings sells builds keeps holds makes fields enters employs runs owns "
                          "hires signs".split())
_MOVES = re.compile(rf"^(?:{DOWN_VERBS}|{UP_VERBS})$", re.IGNORECASE)
# The other kind, one word that ends its clause, after a count of two words' noun: "152 diesel cruisers and 398 electric"
_OTHER_KIND = re.compile(r"\s+(?!(?:more|less|fewer|too|also|each|apiece|later|earlier|before|since|now|then|instead|"
                         r"total|overall|again|today|yesterday|tonight|ago)\b)(?P<kind>[a-z]{3,}(?<!s)(?<!ed))(?=\s*(?:[,.;)]|$))")


def _has_verb(word: str) -> bool:
    """A verb of doing or having, in the past or the present, that moves nothing ("entered", "sent", "employs"; not "rose")."""
    return (bool(PARTICIPLE.match(word)) or word in IRREGULAR_PAST or word in _HAVING_VERBS) and not _MOVES.match(word) \
        and word not in ("said", "told")


# Verbs that move a count of things held (`HELD_COUNTS`), so that a second subject's bare number after one is of the
# same things ("shed 23 jobs ..., while the Risør yard added 8"; not "..., while prices rose 5").
_HELD_COUNT_MOVES = frozenset("added adds cut cuts shed sheds lost loses gained gains created creates axed axes slashed hired "
                            "hires".split())
_ANOTHER = re.compile(r"^[^.;:!?\d]{0,60}\b(?:another|a\s+further|an\s+additional)\s+$", re.IGNORECASE)
# ... a bare number after "another" whose next word is no plural, so no noun of its own: "and another 160 weave at home"
_VERB_NEXT = re.compile(r"\s+[a-z]{3,}(?<![^s]s)\b(?![-'’])")
_LINK = re.compile(r"^\s*,?\s*(?:to|from|up from|down from|compared with|versus|vs\.?|against)"
                   r"(?:\s+(?:a|an)\s+(?:new\s+|fresh\s+)?(?:record|all-time\s+high|high|low|peak)(?:\s+of)?)?\s+$")  # "to a record", "from a peak of"
# A count's baseline or change, bare after it: "recorded 12 cases, compared with 31 the year before",
# "41,000 students this autumn, an increase of 2,300", "15.4 crore voters, up 1.2 crore", or in the next sentence: "... 12 cases. That
# compares with 31 in 2022".
_BASELINE = re.compile(r"^(?:\s+(?:of|in|at|for|on|among|last|this|next)\s(?:[^\d,.;]|(?<!\d)(?:19|20)\d\d\b){0,30}?)?\s*,?\s*"
                       r"(?:compared\s+(?:with|to)|up\s+from|down\s+from|versus|vs\.?|against|"
                       r"(?:an?\s+)?(?:increase|rise|gain|jump|drop|fall|decline|decrease)\s+of|(?<=,\s)(?:up|down)(?:\s+by)?|"
                       r"\.\s+(?:that|this|it|the\s+(?:figure|number|total|tally))\s+(?:compares|compared|(?:is|was)\s+(?:up|down)\s+from)"
                       r"(?:\s+(?:with|to))?)\s+$"
                       r"|^\s+[a-z][^\d.;:()]{0,60}?,\s+(?:up|down)\s+from\s+$", re.IGNORECASE)  # "... this winter, down from four"
# The earlier level a rate is compared with, after the rate's time or place: "NZ$31 an hour this season, up from NZ$28",
# "EUR2.40 a stem on Monday, against EUR1.90", "JPY700 a visit after a rise from JPY600" (not one priced for a thing of
# its own, `_FOR_ONE`: "£900 a month, against £30,000 for a flat").
_RATE_LINK = re.compile(r"^(?:\s+(?:this|last|next|on|at|in|for|during)\s[^\d,.;:]{0,30}?)?\s*,?\s*(?:up\s+from|down\s+from|against|"
                        r"compared\s+(?:with|to)|after\s+an?\s+(?:rise|increase|hike|cut|fall|drop)\s+from)\s+$", re.IGNORECASE)
_FOR_ONE = re.compile(r"\s+for\s+(?:an?|one|each)\b", re.IGNORECASE)
# A change told right after a level with a rate, in its clause: "€1.74 a litre, up 9 cents".
_CHANGE_AFTER = re.compile(r"^[^\d;.]{0,30}?,\s+(?:up|down)\s+(?:by\s+)?$", re.IGNORECASE)


def scaled(mention: Mention) -> bool:
    return _scale_of(mention) != 1.0


# A length of time written in two units: "an hour and 45 minutes", "12 years and six months", "two days, 4 hours",
# "2 hours, 35 seconds" (a race time with no whole minute); a length or a weight too: "20 feet 6 inches", "7 pounds 3 ounces".
_PARTS = {("hours", "minutes"): 60, ("minutes", "seconds"): 60, ("hours", "seconds"): 3600, ("days", "hours"): 24,
          ("years", "months"): 12, ("weeks", "days"): 7, ("feet", "inches"): 12, ("pounds", "ounces"): 16,
          ("years", "days"): 365.2425, ("years", "weeks"): 52.1775, ("months", "days"): 30.436875}  # "31 years and 165 days old"
_AND_PART = re.compile(r"^(?:\s+and\s+|\s*,\s*|\s+)$")


def _in_two_units(text: str, whole: Mention, part: Mention) -> Mention | None:
    """"about an hour and 45 minutes" is about 1.75 hours, "20 feet 6 inches" 20.5 feet: one amount in its larger unit."""
    per = _PARTS.get((whole.unit, part.unit))
    if per is None or whole.value_max is not None or part.value_max is not None or part.qualifier != "exact" \
            or not 0 < part.value < per or not _AND_PART.match(text[whole.end:part.start]):
        return None
    return replace(whole, end=part.end, text=text[whole.start:part.end], value=whole.value + part.value / per)


def merge_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join each pair of mentions that forms a range into one mention with value and value_max, and
    a length of time written in two units into one (`_in_two_units`); a band after "aged" is in years."""
    merged: list[Mention] = []
    for mention in mentions:
        last = merged[-1] if merged else None
        joined = (_in_two_units(text, last, mention) or _range(text, last, mention)) if last is not None else None
        if joined is not None and joined.unit is None and _AGED.search(text, max(0, joined.start - 20), joined.start):
            joined = replace(joined, unit="years")  # "those aged 16 to 24": a band of ages
        if joined is not None:
            merged[-1] = joined
        else:
            merged.append(mention)
    return merged


_MAY_MOVE = re.compile(r"\b(?:would|will|could|may|might|should|(?:expected|forecast|projected|set|likely|estimated)\s+to)\s+"
                       r"(?:[^.;:!?]|\.\d){0,90}?\bby\s+$", re.IGNORECASE)


def _range(text: str, low: Mention, high: Mention) -> Mention | None:
    if low.is_year or high.is_year:
        return None
    if low.qualifier == high.qualifier == "several" and _TO.match(text[low.end:high.start]) and low.value_max < high.value_max \
            and (low.unit is None or low.unit == high.unit):  # "hundreds of millions to billions of dollars"
        return replace(high, start=low.start, text=text[low.start:high.end], value=low.value, qualifier="range")
    if low.value_max is not None or high.value_max is not None:
        return None
    if quote := _dealt_quote(text, low, high):
        return quote
    gap, lead = text[low.end:high.start], _LEAD.search(text[max(0, low.start - 30):low.start])
    # a currency written once, before the first end: "$20-30M", "€5 to 6bn"; a noun once, after the first end
    # of "from A to B": "from thirty concerts to twenty-two"
    currency_once = low.unit_class == "currency" and high.unit is None
    noun_once = low.unit_class == "count" and high.unit is None and lead is not None and lead.group(1).lower() == "from" \
        and _TO.match(gap) is not None
    rate_once = low.unit_class == high.unit_class == "currency" and (high.unit or "").startswith(f"{low.unit} per ") \
        and _OR.match(gap) is not None  # "€35 or €45 million a year": the rate written once, after the last end
    if low.unit is not None and not (currency_once or noun_once or rate_once or high.unit is None and _named_before(text, low)) \
            and base_unit(low.unit) != base_unit(high.unit):
        return None
    at_scale = times(low.value, _scale_of(high))
    # "US$10-$50 billion": the same currency at both ends; not "from $4 to $2 million", the top prize
    same_money = low.unit_class == high.unit_class == "currency" and (low.unit == high.unit or rate_once) and at_scale < high.value
    first = at_scale if not scaled(low) and scaled(high) and (low.unit is None or currency_once or same_money) \
        and high.unit != "meters" and abs(low.value) < 1000 else low.value  # "2 – 3m" in metres: its "m" is no million;
    # "500,000 to 1 million" is whole already
    if low.unit is None and _in_hundredths(text, high):
        first = _hundredth(first)  # "by 3 to 5 cents a litre": both ends in cents
    if lead and ((lead.group(1).lower() == "between" and _AND.match(gap)) or (lead.group(1).lower() == "from" and _TO.match(gap))):
        if _ALTERNATIVE_AFTER.match(text, high.end):
            return None  # "from €15 million to €35 or €45 million": the second end is the first of two alternatives
        return _joined(text, low, high, first, low.start - len(lead.group(0)))
    below_zero = first < 0 and high.value < 0 and _TO.match(gap)  # "-5 to -12C": the warmer end written first
    long_ago = high.unit == "years" and _TO.match(gap) and re.match(r"\s+ago\b", text[high.end:high.end + 8])  # "95
    # million to 66 million years ago": the older end written first
    if not (_HYPHEN.match(gap) or _TO.match(gap) or _OR.match(gap)) or first >= high.value and not (below_zero or long_ago):
        return None
    if _OR.match(gap) and (high.value > 2 * first or re.search(r"\d\S*,\s*$", text[max(0, low.start - 12):low.start])):
        return None  # "$50, $75 or $120" is a list
    change = change_at(text, low.start, low.end, money=low.unit_class == "currency") if _TO.match(gap) else None
    if change and not change.by_noun and not (low.unit is None and high.unit and high.value <= 3 * first) \
            and not (low.unit == high.unit and high.value <= 3 * first and _MAY_MOVE.search(text, max(0, low.start - 120), low.start)):
        return None  # "rose by 14 to 87": a change, then the level it reached (but "would increase transit use by 1% to
        # 2%": a move foreseen, its size a range)
    if _TO.match(gap) and low.unit in (None, high.unit) and high.value > 3 * first \
            and _BY_BEFORE.search(text, max(0, low.start - 4), low.start):
        return None  # "whittled its backlog by 41,000 to 512,000 cases", "tightened by 55 basis points to 310 basis
        # points": a verb the signs do not know, the same shape
    joined = _joined(text, low, high, first, low.start)
    if currency_once and " per " not in low.unit and (per := rate_after(text, high.end, of_one=True))[0]:
        end = high.end + per[1]  # "A$32-38 an hour": the rate after the second end is the range's
        joined = replace(joined, unit=f"{low.unit} per {per[0]}", end=end, text=text[joined.start:end])
    return joined


# A dealers' quote, bid and offer, the offer written by its last digits: "stood at 156.40-50 yen" is 156.40 to 156.50.
# Only when the second number has as many digits as the first has decimals, two or more, and the quote rises ("3.2-5%"
# and "12.50-15" are ranges of whole ends).
_QUOTE_DECIMALS = re.compile(r"(?<![\d,])\d+\.(\d{2,})$")
_QUOTE_TAIL = re.compile(r"\d{2,}(?![\d.,])")


def _dealt_quote(text: str, low: Mention, high: Mention) -> Mention | None:
    """The quote "156.40-50" as one range, 156.40 to 156.50 (`low` and `high` its two numbers), else None."""
    decimals, tail = _QUOTE_DECIMALS.search(low.text), _QUOTE_TAIL.match(high.text)
    if text[low.end:high.start] != "-" or low.unit is not None or not decimals or not tail \
            or len(tail.group()) != len(decimals.group(1)) or scaled(high):
        return None
    top = int(low.value) + int(tail.group()) / 10 ** len(tail.group())
    return replace(_joined(text, low, high, low.value, low.start), value=low.value, value_max=round(top, len(tail.group()))) \
        if top > low.value else None


def _named_before(text: str, mention: Mention) -> bool:
    """Is the mention's unit a scale named before it, or before the list it ends ("magnitude 4 to 5", "magnitude 4.8,
    5.1 and 5.6")?"""
    before = _LISTED_BEFORE.sub("", text[max(0, mention.start - 60):mention.start])
    return mention.unit is not None and measure_before(before) == mention.unit


_ALTERNATIVE_AFTER = re.compile(r"\s+or\s+(?:[$€£¥]|[A-Z]{3}\s?)?\d")
_LISTED_BEFORE = re.compile(r"(?:\d+(?:\.\d+)?(?:\s*,\s*|,?\s+(?:and|or)\s+))+$")


def is_move(mention: Mention) -> bool:
    """Is the mention written "from A to B", the ends of a move or of a range?"""
    return mention.qualifier == "range" and mention.text.lower().startswith("from ")


def written_falling(mention: Mention) -> bool | None:
    """Does a range's first-written end exceed its last ("from 3% to 2.5%")? None when the two are
    equal or the text holds fewer than two numbers. A bare first number shares the last one's scale
    ("from 1.2 to 1.5 billion")."""
    numbers = find_numbers(mention.text)
    if len(numbers) < 2:
        return None
    first, last = numbers[0], numbers[-1]
    value = times(first.value, last.scale) if first.scale == 1 and last.scale != 1 else first.value
    return None if value == last.value else value > last.value


def _scale_of(mention: Mention) -> float:
    numbers = find_numbers(mention.text)
    return numbers[0].scale if numbers else 1.0


_ONE_LIST = re.compile(r"^(?:\s*,\s*|,?\s+and\s+|,?\s+or\s+)$")
_SCALES = frozenset(SCALE_WORDS.values())


def _scale_carried(mention: Mention) -> float:
    """The scale word a listed number carries, its own ("2.9 billion") or the one it took from the list
    ("2.4" before "and 2.9 billion"); 1 for none."""
    numbers = find_numbers(mention.text)
    if not numbers or not numbers[0].value:
        return 1.0
    ratio = round(mention.value * numbers[0].scale / numbers[0].value)  # the value over its digits as written
    return float(ratio) if ratio in _SCALES else 1.0


def _joined(text: str, low: Mention, high: Mention, first: float, start: int) -> Mention:
    ends = sorted((first, high.value))
    per_low = low.unit is not None and high.unit == low.unit.split(" per ")[0]  # "a barrel ... at $60 or $65": the rate read once
    return replace(high, start=start, text=text[start:high.end], value=ends[0], value_max=ends[1], qualifier="range",
                   unit=low.unit if per_low else high.unit or low.unit,
                   unit_class=low.unit_class if high.unit is None else high.unit_class)


def share_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give each number the unit its phrase writes once (see the module docstring)."""
    result = list(mentions)
    for i in range(len(result) - 2, -1, -1):  # right to left: "10, 20 and 30 percent"
        result[i] = _shared(text, result[i], result[i + 1], backward=True)
    for i in range(1, len(result)):
        shared = _shared(text, result[i], result[i - 1], backward=False)
        if shared is result[i] and i >= 2 and (_share_in_brackets(text, result[i - 2], result[i - 1]) or result[i - 1].is_year):
            shared = _shared(text, result[i], result[i - 2], backward=False)  # "41 districts (62%) in the north and 19", "4 in 2022 and 9"
        if shared is result[i] and i >= 2 and result[i - 1].unit_class == "duration" and _OF_THEM.match(text, shared.end):
            shared = _shared(text, result[i], result[i - 2], backward=False)  # "31 luthiers in the past ten years, 12 of them"
        if shared.unit is None and i >= 2 and result[i - 2].unit and _of_each(text, result[i - 2], result[i - 1], shared):
            shared = replace(shared, unit=result[i - 2].unit, unit_class=result[i - 2].unit_class)  # "4 days of 40C and 2 of 42C"
        result[i] = shared
    return [replace(m, unit="people") if m.unit is None and m.unit_class == "count" and not m.is_year
            and _PEOPLE_LEFT.match(text, m.end) else m for m in result]


_OF_GAP = re.compile(r"^\s+of\s+$")
_BY_SIDE = re.compile(r"-by-|\s+by\s+|\s*[x×]\s*")  # the sides of a size
_OF_NUMBER_AFTER = re.compile(r"\s+of\s+[-+−]?\d")


def _of_each(text: str, first: Mention, its_of: Mention, mention: Mention) -> bool:
    """Are `first` and `mention` two parallel counts, each "of" a number of its own ("4 days of 40C and 2
    of 42C")?"""
    return bool(_OF_GAP.match(text[first.end:its_of.start]) and _ONE_LIST.match(text[its_of.end:mention.start])
                and _OF_NUMBER_AFTER.match(text, mention.end))


def _share_in_brackets(text: str, count: Mention, share: Mention) -> bool:
    """Is `share` a percentage in brackets right after `count` ("41 districts (62%)")?"""
    return share.unit_class == "percent" and bool(re.match(r"^\s*\(\s*$", text[count.end:share.start])) \
        and text[share.end:share.end + 1] == ")"


# A part of a count named right after it with "with", and where the part is: "12,000 acres, with 9,000 in burley"
_WITH_PART_GAP = re.compile(r"\s*,?\s+with\s+(?:(?:about|some|nearly|around|roughly|almost|over|just\s+over|more\s+than)\s+)?")
_PLACED_AFTER = re.compile(r"\s+(?:in|on|at|from)\s")
# A count of "ones" of the kind counted just before: "14 senior clubs and 12 junior ones", "300 new cars, 120 used ones"
_ONES_AFTER = re.compile(r"(?:\s+[a-z-]+){0,2}\s+ones\b")
_ONES_GAP = re.compile(r"(?:\s+[a-z-]+){0,6}?(?:\s*,\s*|\s+)(?:and|but|while|with|against)?\s*|\s*,\s*")


def _shared(text: str, mention: Mention, other: Mention, backward: bool) -> Mention:
    gap = text[mention.end:other.start] if backward else text[other.end:mention.start]
    if mention.is_year or other.is_year:
        return mention
    if mention.unit is None and other.unit_class == "count" and other.unit and not backward and _WITH_PART_GAP.fullmatch(gap) \
            and _PLACED_AFTER.match(text, mention.end) and abs(mention.value) < abs(other.value):
        return replace(mention, unit=other.unit)  # "12,000 acres, with 9,000 in burley": a part of the count, placed
    if mention.unit is None and other.unit_class == "count" and other.unit and not backward and _ONES_AFTER.match(text, mention.end) \
            and _ONES_GAP.fullmatch(gap):
        return replace(mention, unit=other.unit.rsplit("_", 1)[-1])  # "14 senior clubs and 12 junior ones": clubs
    if mention.unit is None and other.unit and backward and _BY_SIDE.fullmatch(gap) and dimension_of(other.unit):
        return replace(mention, unit=other.unit, unit_class=other.unit_class)  # "a 66-by-121-centimetre panel", "3 x 4 m"
    if mention.unit is None and other.unit and backward and _PLUS_MINUS.match(gap):
        return replace(mention, unit=other.unit, unit_class=other.unit_class)  # "a mean of 41.2 ± 8.3 months"
    if mention.unit is None and other.unit and backward and _LIST.match(gap) and not _restated(text, mention, other, gap) \
            and not _MULTIPLIER_WORD.search(other.text):  # "65,000, double the number": no list
        value = times(mention.value, _scale_carried(other)) if _ONE_LIST.match(gap) and not scaled(mention) \
            and abs(mention.value) < 1000 else mention.value
        return replace(mention, unit=other.unit, unit_class=other.unit_class,  # "2, 3 and 1.5 cents a bushel", "2.1, 2.4 and 2.9 billion"
                       value=_hundredth(value) if _in_hundredths(text, other) else value)
    if mention.unit is None and other.unit and not backward and (
            _ONE_LIST.match(gap) and _named_before(text, other) and other.value / 3 <= mention.value <= 3 * other.value
            or _SIDE_GAP.match(gap) and dimension_of(other.unit) == "length" and _SIDE.match(text, mention.end)):
        return replace(mention, unit=other.unit, unit_class=other.unit_class)  # "magnitude 4.8, 5.1 and 5.6", "48 km long and 19 wide"
    if mention.unit is None and other.unit and backward and other.unit_class in ("count", "duration") and _PART_OF.match(gap) \
            and not other.unit.startswith("degrees"):  # "3 of 118 degrees" are days of that heat, not degrees; "14 of the 20 days"
        return replace(mention, unit=other.unit, unit_class=other.unit_class)  # "1,500 of a total of 6,142 buildings"
    if mention.unit is None and other.unit and not backward and other.unit_class in ("count", "currency", "duration", "percent") \
            and ((_PARALLEL.match(gap) or _PARALLEL_VERB.match(gap)) and _PARALLEL_AFTER.match(text[mention.end:mention.end + 30])
                 or _BARE_JOIN.match(gap) and _ON_ITS_DAY.match(text, mention.end)):
        return replace(mention, unit=other.unit, unit_class=other.unit_class)
    if mention.unit is None and other.unit and not backward and other.unit_class == "count" \
            and ((_PART_GAP.match(gap) or _WHOLE_CLAUSE_GAP.match(gap))
                 and _OF_THE_WHOLE.search(text, max(0, other.start - 40), other.start)
                 or _PART_GAP.match(gap) and _OF_THEM.match(text, mention.end) or _OF_WHICH.match(gap)):
        return replace(mention, unit=other.unit, unit_class=other.unit_class)  # "80 musicians, 12 of them", "600 beds, of which 85"
    if mention.unit and other.unit and backward and re.match(r"^(?:\s*,\s*|,?\s+and\s+)$", gap) \
            and " per " in other.unit and " per " not in mention.unit and (mention.unit_class == other.unit_class == "count" or (
                mention.unit_class == "currency" and other.unit.startswith(f"{mention.unit} per ")
                and other.value / 10 <= mention.value <= 10 * other.value)):  # not "€3.1m, about €14,800 each": a total and its share
        return replace(mention, unit=f"{mention.unit} per {other.unit.split(' per ', 1)[1]}")  # "27.4 points, 8.1 rebounds and 6.3 assists a game", "Tk 78 and Tk 110 a kilo"
    if mention.unit is None and other.unit and not backward and _LINK.match(gap) and (
            other.unit_class == "duration" or other.unit_class == "currency" and other.value / 10 <= mention.value <= 10 * other.value):
        return replace(mention, unit=other.unit, unit_class=other.unit_class)  # "cut the sentence to 15 years from 20",
        # "to 800 pesos per dollar from 365"
    if mention.unit is None and other.unit_class == "count" and other.unit and not backward and re.fullmatch(r"\s+from\s+", gap) \
            and re.search(r"\bto\s+$", text[max(0, other.start - 5):other.start]):
        return replace(mention, unit=other.unit, unit_class="count")  # "fell to four instruments from seven"
    if mention.unit is None and other.unit_class == "count" and other.unit and not backward and _TO.match(gap) \
            and _BY_BEFORE.search(text, max(0, other.start - 12), other.start):
        return replace(mention, unit=other.unit, unit_class=other.unit_class)  # "rose by 1.2 million units to 9.4 million"
    if mention.unit is None and other.unit and not backward and other.unit_class == "count" \
            and (_TOLL_GAP.match(gap) and _TOLL_AFTER.match(text, mention.end) or _TOLL_VERB_GAP.match(gap)):
        return replace(mention, unit=other.unit, unit_class=other.unit_class)  # "12 people were killed and 40 injured"
    if mention.unit is None and other.unit_class in ("count", "currency") and other.unit and not backward \
            and _BASELINE.match(gap) and not _in_hundredths(text, other):
        return replace(mention, unit=other.unit, unit_class=other.unit_class)  # "12 cases, compared with 31", "CFA francs, up from 15,000"
    # a bare number after a count of things, not of a measure (not "are 350 meters underground and another 44 are")
    after_things = mention.unit is None and other.unit_class == "count" and other.unit and not backward \
        and dimension_of(other.unit) is None
    if after_things and (_NEXT_CLAUSE.match(gap) and _CLAUSE_VERB.match(text, mention.end) and not _named_before(text, other)
                         or _ANOTHER.search(gap) and (_CLAUSE_END.match(text, mention.end) or _VERB_NEXT.match(text, mention.end))
                         or ((parallel := _PARALLEL_SUBJECT.match(gap))
                             and (_has_verb(parallel["verb"]) or parallel["verb"] in _HELD_COUNT_MOVES and other.unit in HELD_COUNTS)
                             or _SECOND_OBJECT.match(gap) and abs(mention.value) <= abs(other.value))
                         and _OBJECT_ENDS.match(text, mention.end)):
        # "27 countries signed ..., and nine abstained" (not "a magnitude 5.6 tremor hit, and 200 died"); "600 coopers, and
        # family shops another 150"; "... and Japan 14, while Korea, hosting, entered 24."; "... and sold 870,"
        return replace(mention, unit=other.unit, unit_class=other.unit_class)
    if after_things and "_" in other.unit and re.fullmatch(r"\s+and\s+", gap) and (kind := _OTHER_KIND.match(text, mention.end)) \
            and other.unit.split("_")[0] != kind["kind"].lower():
        return replace(mention, unit=other.unit.split("_")[-1], unit_class="count")  # "152 diesel cruisers and 398 electric"
    if mention.unit is None and other.unit_class == "count" and other.unit and not backward and _TALLY.match(gap):
        return replace(mention, unit=other.unit)  # a tally: "Labour won 412 seats, the Conservatives 121, ... Green four"
    if mention.unit is None and other.unit and not backward and _BRACKETED.match(gap) \
            and text[mention.end:mention.end + 1] == ")":
        return replace(mention, unit=other.unit, unit_class=other.unit_class)
    rate_link = not backward and _RATE_LINK.match(gap) is not None and not _FOR_ONE.match(text, mention.end)
    if mention.unit and other.unit and (_LINK.match(gap) or rate_link or not backward and (_CHANGE_AFTER.match(gap) or (
            _PARALLEL.match(gap) and _PARALLEL_AFTER.match(text[mention.end:mention.end + 30])))) \
            and base_unit(mention.unit) == base_unit(other.unit) and " per " in other.unit and " per " not in mention.unit:
        return replace(mention, unit=other.unit)  # "30 cents per kWh in Auckland and 28 cents in Wellington"
    if mention.unit == "points" and other.unit == "percent" and abs(mention.value) <= 100 \
            and (_LINK.match(gap) if backward else _AFTER_PERCENT.match(gap)):
        return replace(mention, unit="percentage_points", unit_class="percent")  # "by 4 points to 68%", "31%, 5 points behind"
        # (not "rose 9% to 1,240 points", an index's level)
    return _converted(text, mention, other, backward)


_OPEN = re.compile(r"^\s*\(\s*$")
_CLOSE = re.compile(r"^\s*\)")


def _converted(text: str, mention: Mention, other: Mention, backward: bool) -> Mention:
    """Money and its conversion in brackets right after it share the rate written after the
    brackets ("90m euros (£77m) a season") or before them ("$900 a month (£700)")."""
    first, then = (mention, other) if backward else (other, mention)
    close = _CLOSE.match(text[then.end:then.end + 4])
    if not (first.unit_class == then.unit_class == "currency" and close and _OPEN.match(text[first.end:then.start])) \
            or " per " in mention.unit:
        return mention
    per = other.unit.split(" per ", 1)[1] if " per " in other.unit else rate_after(text, then.end + close.end())[0]
    return replace(mention, unit=f"{mention.unit} per {per}") if per else mention


def _restated(text: str, mention: Mention, other: Mention, gap: str) -> bool:
    """A percentage after ", or" that restates a number outside a list ("fell by 310,000, or 1.2
    percent"; "2.08 million, or 0.15 percent"), which keeps its own unit; in "10, 20, or 30
    percent" the numbers are listed and share it. A number above 100 before a percentage of at most
    100 restates it too ("obtained 1,524,255 or 9.51% of the vote")."""
    if other.unit_class != "percent":
        return False
    if _scale_of(mention) != 1 or abs(mention.value) > 100 >= abs(other.value):
        return True
    return bool(_COMMA_OR.match(gap)) and not re.search(r",\s*$", text[:mention.start])


# A percentage of a whole, after a change of no whole and "and": a share, no move ("grew 5pc, and 40pc of its visitors came
# with children"; not "cut 6% of its staff in May and 4% of its staff in June")
_NEW_CLAUSE = re.compile(r"\s*,\s+and\s+")  # (not a list: "lost 20%, 35% and 15% of its export value")
_SHARE_OF_WHOLE = re.compile(r"\s*(?:%|pc|per\s?cent|percent)?\s+of\s+(?:its|the|their|our|his|her|all)\b", re.IGNORECASE)


def _share_after_change(text: str, first: Mention, then: Mention, gap: str) -> bool:
    """Is `then` a share of a whole in a new clause after a change `first` of no whole (`_SHARE_OF_WHOLE`)?"""
    return bool(_NEW_CLAUSE.fullmatch(gap) and _SHARE_OF_WHOLE.match(text, then.end) and not _SHARE_OF_WHOLE.match(text, first.end))


def spread(mentions: list[Mention], text: str, key: Callable[[Mention, Mention], Mention | None]) -> list[Mention]:
    """Carry a change from a number to the numbers listed right after it ("lost $12bn, or 8%"; "cut 6%
    of its staff, or 4,000 jobs"; "rose
    3% in 2022, 4% in 2023", where the years do not break the list), and to a number whose verb is
    left out ("exports fell 13.1% and imports by 6.8%", "raised the basic rate from 12% to 19% and the
    top one from 21% to 26%", "the FTSE fell 1.1% and the DAX 0.9%", `_gapped`)."""
    result = list(mentions)
    previous = None  # the last number that is not a year: "3% in 2022, 4%" lists 3% and 4%
    for i, mention in enumerate(result):
        if previous is not None and not mention.is_year:
            gap = text[result[previous].end:mention.start]
            same = base_unit(result[previous].unit) == base_unit(mention.unit)
            if _COMMA_OR.match(gap) or (same and _SPREAD.match(gap) and not _share_after_change(text, result[previous], mention, gap)) \
                    or _restating(result[previous], mention, gap) \
                    or BRACKET_OPEN.fullmatch(gap) and _converts(result[previous], mention) \
                    or result[previous].unit_class == "percent" and (_SHARE_OR.match(gap) or
                                                                      mention.unit_class == "count" and _AMOUNTING_TO.match(gap)):
                result[i] = key(result[previous], mention) or mention
            elif (earlier := _gapped(result, i, text)) is not None:
                result[i] = key(earlier, mention) or mention
        if not mention.is_year:
            previous = i
    return result


def _converts(first: Mention, then: Mention) -> bool:
    """Can `then` be `first` in other units: money in another currency, or a measure of the same dimension
    ("fell 2.1 metres (6.9 feet)", "rose £10 ($12.70)")?"""
    if first.unit_class == then.unit_class == "currency":
        return first.unit != then.unit
    return dimension_of(first.unit) is not None and dimension_of(first.unit) == dimension_of(then.unit)


# "trimmed its draw by 300,000 litres, which is 12% of", "..., equal to 8% of": the same amount as a share
_WHICH_IS = re.compile(r"^\s*[,—–-]?\s*(?:(?:which|that)\s+(?:is|was|are|were)\s+(?:equal\s+to\s+|equivalent\s+to\s+)?|"
                       r"(?:equal|equivalent)\s+to\s+)$", re.IGNORECASE)


def _restating(first: Mention, then: Mention, gap: str) -> bool:
    """A percentage after "or" or "which is" that restates an amount or count as a share ("down $7.99 or 27.5%",
    "trimmed its draw by 300,000 litres, which is 12% of its supply")."""
    return bool(_OR.match(gap) or _WHICH_IS.match(gap)) and then.unit_class == "percent" \
        and first.unit_class in ("currency", "count") and first.unit is not None


# "..., imports by 0.9%", "... and imports by 6.8%": a subject of one to three words, then "by",
# with no verb of its own (not "driven by", "offset by", "rising by").
_GAPPED = re.compile(r"(?:[,;]|\band)\s+(?:the\s+)?(?P<subject>(?:[a-z][\w'’-]*\s+){1,3})by\s+$", re.IGNORECASE)
# "..., the Merval 2.4% and Mexico's IPC 0.6%", "and the Nasdaq 100 2.2%", "and spending at Esplanade kiosks 11pc": a
# subject of up to four words with neither verb nor "by", before a move or before a number that ends its clause (`_CLAUSE_END`)
_GAPPED_MOVE = re.compile(r"(?:[,;]|\band)\s+(?:the\s+)?(?P<subject>(?:(?:[a-z][\w'’&-]*|\d+)\s+){1,4})$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:[,.;)]|$)|\s+(?:and|while|as|but|respectively|in|on|at|after|from)\b")
# A verb's form ("rising", "taken"; "shipped" is `mention_units.PARTICIPLE`, which "feed" and "seed" are not)
_NOT_SUBJECT = re.compile(r"(?:ing|en)$|^(?:hit|led|set|cut|put|up|down|is|was|were|are|be|been)$", re.IGNORECASE)
# ... and a subject with nothing after it but the number has no word of a verb's other parts either
# ("and unemployment stood at 4%")
_NOT_BARE_SUBJECT = re.compile(r"^(?:at|to|of|in|on|for|from|with|than|about|around|nearly|almost|over|under|above|"
                               r"below|stood|stands|remains|reached|held|holds|has|have|had|will|would|could|said|says|"
                               r"just|only|a|an|while|but|or|it|its|they|their|he|his|she|her|we|our|now|still|also|already)$", re.IGNORECASE)

_PLACING = frozenset("at in on from".split())
_ING_NOUNS = frozenset("spending lending borrowing housing funding manufacturing shipping mining farming building "
                       "advertising banking parking gaming".split())  # "and spending at kiosks 11pc": a subject


def _gapped(mentions: list[Mention], i: int, text: str) -> Mention | None:
    """The change, among the two numbers before `mentions[i]` in its sentence, whose verb the
    number shares because its own clause leaves the verb out; None when its words have a verb. A
    move "from A to B" shares only another move's verb."""
    mention = mentions[i]
    head = text[max(0, mention.start - 40):mention.start]
    gapped = (_GAPPED_MOVE if is_move(mention) else _GAPPED).search(head)
    bare = gapped is None and _CLAUSE_END.match(text, mention.end) is not None
    gapped = _GAPPED_MOVE.search(head) if bare else gapped
    if mention.direction is not None or gapped is None:
        return None
    words = gapped["subject"].split()
    standing_in = words[0].lower() in ("those", "that")  # "and those from India 25%": the earlier noun, placed
    if any(PARTICIPLE.match(word.lower()) or _NOT_SUBJECT.search(word) and word.lower() not in _ING_NOUNS or bare and not standing_in and _NOT_BARE_SUBJECT.match(word)
           and not (word.lower() in _PLACING and index < len(words) - 1)  # "and spending at kiosks 11pc": a place in the subject
           for index, word in enumerate(words)):
        return None
    for earlier in reversed(mentions[max(0, i - 2):i]):
        if earlier.sentence_start != mention.sentence_start or re.search(r"[.!?]\s", text[earlier.end:mention.start]):
            return None
        if earlier.direction is not None and base_unit(earlier.unit) == base_unit(mention.unit) \
                and (is_move(earlier) or not is_move(mention)):
            return earlier
    return None


def _in_hundredths(text: str, mention: Mention) -> bool:
    """Is `mention` money written in cents or pence ("1.5 cents", "40p"), or a number that took its
    unit from such an amount (the "3" of "2, 3 and 1.5 cents")?"""
    if mention.unit_class != "currency":
        return False
    written = find_numbers(text[mention.start:mention.end])
    return bool(_SUBUNIT.search(text[mention.start:mention.end])) or bool(
        written and math.isclose(written[0].value, mention.value * 100))


def _hundredth(value: float) -> float:
    """A number of cents or pence in its currency (divided, so that no float error creeps in)."""
    return value / 100
