"""Stage (mentions, not quantities): numbers that are written but are not amounts.

Each rule looks at one number in its text and returns the rule's name when the number is not a
quantity: part of a name ("S&P 500", "Model 3", "787 Dreamliner", "G7", "10 Downing Street", the
"10-year" of a bond, the "155 mm" of a shell), a clock time ("3:45 p.m.", "04:00 GMT"), a sports
score ("3-1", "won 7 to 3", "bowled out for 188"), or a word that only joins a phrase ("one of
the", "the two sides", "Big Four", "a two-horse race"). A number grouped by commas is never a
model's name ("33,000 Boeing machinists"), nor one after an owner ("Coldplay's 156-date tour");
one of 100 or more between an article and a singular noun is ("the 767 cargo plane"), and so are
a model's variant and codes ("Boeing 737-800", "7C2216", "401(k)"). Numbers in the title of a link
to another story ("(Also Read: ...)") are a `link`. Dates are
decided in mention_rules, because they stay in `scan()` flagged. The labelling stage uses these
names to skip model calls and to say why.
"""

from __future__ import annotations

import re

from schemas.primitives.number_words import TENS, UNITS

from .mention_units import (BONUS_BALL, CALIBRE_UNIT, CLOCK_LEAD, COMPOUND_NOUNS, CRYPTO_COINS, IRREGULAR_PAST, LISTED_DEMONYM, NOUN_STOP,
                            TIME_LEAD_END, part_of_whole)
from .mention_rules import hedge_before
from .mention_signs import BY_DOWN, BY_UP, DOWN_VERBS, UP_VERBS
from .mention_tables import RUN_ROW, signed_column

# Words that may stand capitalised before a number without naming it ("About 300", "In 2023").
_HEDGE_WORDS = frozenset("only about some nearly around just almost roughly approximately exactly up down well".split())
_OTHER_WORDS = frozenset("another its all last next also still even both until if q "
                         "initially originally currently previously overall additionally altogether together eventually "
                         "finally ultimately recently separately meanwhile today yesterday then once".split())  # "Initially 12 trains"
# Verbs that open a sentence before an amount ("Losing 250 seats, ...", "Adding 1,200 jobs"): no name.
_LEAD_VERBS = frozenset("losing winning gaining adding including excluding taking cutting raising reaching shedding "
                        "selling buying spending paying killing injuring displacing affecting employing following "
                        "lost won gained added cut raised".split())
_MONTHS = "january february march april may june july august september october november december"
_CALENDAR = frozenset(f"{_MONTHS} {' '.join(m[:3] for m in _MONTHS.split())} sept monday tuesday wednesday thursday "
                      "friday saturday sunday".split())
_FUNCTION = NOUN_STOP | _HEDGE_WORDS | _OTHER_WORDS | _LEAD_VERBS | _CALENDAR | {"rs", "chf", "usd", "eur", "gbp", "jpy", "inr"}
_NAME_BEFORE = re.compile(r"(?:^|[\s(\"“])([A-Z][\w&'.]*(?:-[A-Za-z]+)*|[a-z]+[A-Z]\w*)\s$")  # "Model 3", "Wi-Fi 7"
_NAME_AFTER = re.compile(r"^[ \t]([A-Z][a-z]+)\b(?!\s+\d)")  # on the same line: a next line is no name of it
# In a headline every word is capitalised: a number before a capitalised plural of people or things
# counted ("Crash Kills 179 People", "Strike Idles 33,000 Workers") counts them, whatever word stands before.
_HEADLINE_COUNTED = re.compile(
    r"^\s(?:People|Persons|Children|Men|Women|Workers|Employees|Jobs|Passengers|Homes|Houses|Deaths|Lives|Migrants|"
    r"Refugees|Soldiers|Troops|Students|Patients|Victims|Families|Residents|Staff|Fans|Flights|Vehicles|Cars|Acres|"
    r"Tonnes|Tons|Barrels|Miles|Kilometres|Kilometers|Hours|Days|Weeks|Months|Years)\b")
# ... and what befell people, capitalised after a count in any title, never a name: "Rain: 24 Dead, 23 Missing".
_TITLE_HARMED = re.compile(r"^\s(?:Dead|Killed|Injured|Hurt|Wounded|Missing|Displaced|Evacuated|Rescued|Arrested)\b")
# A model's variant ("Boeing 737-800", "A320-200"), and a code whose digits run into letters ("7C2216")
# or a bracketed letter ("401(k)", "501(c)(3)").
# "ATR 72-600", "DHC8-300", not "FY23-24", nor a range after a capitalised word of no name ("About 250-300")
_VARIANT_BEFORE = re.compile(r"(?:\b(?P<name>[A-Z][\w&]*)\s|\b[A-Z])\d{2,4}-$|\b(?!FY)[A-Z]{2,}\d+-$")
_SCALED_BEFORE = re.compile(r"\d(?:m|mn|bn|b|k|tn|pc|pct|p|c|ft|km|kg|cm|mm|mi|lbs?|oz|g)-$", re.IGNORECASE)  # "25m-30m", "10pc-15pc",
# "56ft-66ft": a range's first end, no name
_RUNWAY, _RUNWAY_BEFORE = re.compile(r"^[LRC]/\d"), re.compile(r"\d[LRC]/$")  # "runway 16R/34L"
_CODE_AFTER = re.compile(r"^(?:[A-Z]{1,2}\d|\([a-z]\)|ers\b|\s?FM\b)")  # also a team named by a number: "the 49ers"; a station "92.3 FM"
# Boeing's jetliner families, which reports about planes name by their numbers alone ("its 767 tanker", "the 777X",
# "charges on the 767 and 777 programs").
_JETLINER = re.compile(r"7[0-8]7")
_LABEL_LETTER_AFTER = re.compile(r"[NSED]\b(?![’'])|L(?=\s+[A-Z][a-z])")  # "the 32N" (a train), "3D", a bearing "45N",
# the "1L Notes" of a lien: a label, not an amount
_MILE_MARKER_BEFORE = re.compile(r"\b(?:mile\s*(?:marker|post)|mileposts?|(?:kilometre|kilometer|km)\s+(?:marker|post)|"
                                 r"(?:at|passed|passing|near|past|reached|beyond)\s+mile)\s+$", re.IGNORECASE)
_MODEL_CODE_AFTER = re.compile(r"(?![CFKMBWVGTL])[A-Z]s?\b")  # one capital glued after: "777X", "777Xs" (not a unit or scale)
_PLANE_WORDS = re.compile(r"\b(?:Boeing|jets?|jetliners?|planes?|aircraft|airliners?|widebody|narrowbody|MAXs?|Dreamliner|"
                          r"airlines?|tankers?|freighters?)\b")
# A place in an order: "ranks 182 out of 197", "was ranked 174", "ranking at 12".
_RANKED_BEFORE = re.compile(r"\b(?:ranks|ranked|ranking)\s+(?:(?:at|as|joint|equal)\s+)?$", re.IGNORECASE)
# A number inside a web address, a handle or a hashtag, with no space before it: "pic.twitter.com/9EeaCu",
# "www.example.org/2024/report-12", "@user123", "#Euro2024".
_WEB_BEFORE = re.compile(r"(?:https?://|www\.|\b[\w-]+\.[a-z]{2,6}/|[@#]\w*)\S*$", re.IGNORECASE)
# The title of a link to another story, inside the text: "(Also Read: ...)", a line "Read more: ...".
_LINK_BEFORE = re.compile(r"\(\s*(?:also\s+read|read\s+(?:more|also))\b[^()]*$|(?:^|\n)[ \t]*(?:also\s+read|read\s+(?:more|also))\b[^\n]*$",
                          re.IGNORECASE)
# A small count before a name and a lowercase plural counts the plural: "a streak of 35 Powerball
# drawings", "12 Apple stores" (a model number is rarely under 100; "the 787 Dreamliner jets" stays a name).
_PLACE_WORDS = frozenset("street road avenue lane boulevard square drive place way court crescent terrace close row hill".split())
_NO_PLACE_WORD = rf"(?!(?:{'|'.join(sorted(word.capitalize() for word in _PLACE_WORDS))})\b)"  # a capitalised word of no address
_NOT_A_VERB_S = r"(?!remains\b)"  # a plural that is no verb ("14 Kensington Road remains shut")
_WHOSE_THEN_PLURAL = re.compile(rf"^(?:\s{_NO_PLACE_WORD}[A-Z][\w&'’-]*){{1,3}}"
                                rf"(?:\s[a-z]{{3,}}(?<!s))?\s{_NOT_A_VERB_S}(?P<noun>[a-z]{{3,}}s)\b")  # "15 Amur leopard cubs" (not "14
# Kensington Road remains shut": an address and a verb)
# Larger counts too, of what no model number names: "293 Lok Sabha seats", "543 Lok Sabha constituencies", and of
# vehicles after their maker's name ("220 Boeing airplanes", "140 Volvo trucks": a model's number follows the maker).
_NEVER_MODELS = frozenset("seats constituencies districts votes voters members lawmakers legislators deputies delegates "
                          "candidates councillors senators people workers employees residents students soldiers troops "
                          "stores branches schools hospitals airplanes planes jets jetliners airliners helicopters vehicles cars "
                          "trucks buses ships vessels".split())  # "220 Boeing airplanes": a maker before what is counted
# A nationality before what is counted is no name: "22 Indian crew members", "40 Japanese tourists".
_DEMONYM_AFTER = re.compile(rf"^\s(?:{LISTED_DEMONYM}|"
                            r"[A-Z][a-z]+(?:(?:an|ese|ish|ch|i|ic)\s+[a-z]+|\s+(?:refugees|migrants|civilians|"
                            r"fighters|prisoners|detainees|hostages|pilgrims|villagers|families|children|women|men)\b))")
# ... nor a people's name before people counted: "600 Rohingya refugees", "40 Maasai villagers"; a nationality alone in a
# list of them counts people: "53 Nepali, five Indian, four Russians"
# People counted by what befell them: "the six missing", "the 12 people killed" are amounts, not "the two sides".
HARMED_WORDS = (r"died|dead|deaths?|killed|injured|hurt|wounded|missing|unaccounted|rescued|trapped|survivors?|victims?|"
                r"bodies|hostages?")
# "the five most recent deaths", "the two new victims": which of them, then what befell them.
_HARMED_AFTER = re.compile(rf"^\s+(?:(?:most\s+)?(?:recent|latest|new|additional|further|confirmed|reported)\s+)?"
                           rf"(?:people\s+|workers\s+|passengers\s+)?(?:{HARMED_WORDS})\b", re.IGNORECASE)
_TITLE_SMALL = frozenset("To Of After In On At For And The As By With From Over Into Amid".split())
# Capitalised words after a number that are what it counts, not a name: their last word is a plural
# ("24 Grand Slams", "the 58 Super Bowls"), or a plural follows them ("150 Loch Ryan native oysters"), or a person's or
# maker's verb follows them ("the 419 Tony Blair won", "the 371 Airbus delivered").
_COUNTED_NAME = re.compile(rf"^(?:\s{_NO_PLACE_WORD}[A-Z][a-z]+){{1,3}}"
                           rf"(?:(?<=[a-rt-z]s)(?![\w'’-]|\s[A-Z])|(?:\s[a-z]{{3,}}){{0,2}}\s{_NOT_A_VERB_S}[a-z]{{2,}}[a-rt-z]s(?![\w'’-])"
                           r"|\s(?:won|had|took|scored|secured|earned|claimed|needed|held|got|delivered|built|sold|shipped|"
                           rf"produced|made|bought|ordered)\b)|^\s(?:{CRYPTO_COINS})\b(?![-’'])")  # "200 Bitcoin": coins counted
_BOND = re.compile(r"^-year\s+(?:treasury|treasuries|bonds?|notes?|gilts?|yields?|bunds?|jgbs?|government|paper|debt|sukuks?|eurobonds?|"
                   r"(?:green|social|sustainability|blue|sovereign|corporate|dollar|euro|islamic|senior|convertible)\s+(?:bonds?|notes?|sukuks?)|"
                   r"borrowing|benchmark|spreads?|swaps?|breakevens?|mortgages?|fixed|fixes|rates?|(?:time[\s-])?deposits?)\b",
                   re.IGNORECASE)  # "a two-year fixed", "its one-year time-deposit rate", "a five-year green bond"
_AM_PM = r"(?:am|pm|[ap]\.m\b\.?)"  # "9am", "9 p.m.", "7 p.m," (its last dot dropped)
_PART_OF_DAY_AFTER = re.compile(r"\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b", re.IGNORECASE)
_METAL_TENOR = re.compile(r"^-month\s+(?:nickel|copper|aluminium|aluminum|zinc|cobalt)\b", re.IGNORECASE)
_TIME_AFTER = re.compile(rf"^(?::\s?\d\d(?=\s?{_AM_PM})|:\d\d|\s?{_AM_PM}(?![a-z])|\s?o['’]clock|\s(?:GMT|UTC|CET|BST|EST|EDT|PST|ET|"
                         r"local time)\b)", re.IGNORECASE)
_HRS_AFTER = re.compile(r"^\s?hrs\b", re.IGNORECASE)  # "at 1400 hrs" (not "2 hrs", a length of time)
# the last part of "9:30 hours" or "2:11 minutes" (a time of day, or a reading `mention_words` takes whole)
_TIME_UNIT_AFTER = re.compile(r"^\s?(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b", re.IGNORECASE)
_NOON_AFTER = re.compile(r"^\s(?:noon|midnight)\b", re.IGNORECASE)  # "at 12 noon"
_SPELLED_TIME_AFTER = re.compile(r"^\s(?:o['’]clock|[ap]\.m\b|[ap]m\b|in\s+the\s+(?:morning|afternoon|evening)\b|at\s+night\b)",
                                 re.IGNORECASE)  # "six o'clock", "ten p.m.", "at five in the morning" (not "Two ET hosts")
_TIME_BEFORE = re.compile(r"\d:$|\b(?:half|quarter|twenty|ten|five)\s+(?:past|to)\s+$", re.IGNORECASE)  # "half past six"
# ... but "five to ten years", "five to 10 percent" are a range of an amount, not "ten to five"
_AMOUNT_AFTER = re.compile(r"^[\s-]+(?:(?!(?:this|was|is|has|as|its|his|yes|unless|plus|thus|perhaps|always|besides|whereas|"
                           r"across|towards|afterwards|sometimes)\b)[a-z]+s|people|per\s?cent|percent|million|billion|"
                           r"thousand|hundred)\b", re.IGNORECASE)
_PAST_THE_HOUR = re.compile(r"^\s+past\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|midnight|noon)\b",
                            re.IGNORECASE)  # the minutes of "twenty past four"
# A 24-hour clock time: "0500", or a time of four digits from or to one ("from 2200 to 0500").
_CLOCK_24 = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_ZERO_CLOCK_NEAR = re.compile(r"^\s*(?:to|-|–|until|and)\s*0\d{3}\b")
_ZERO_CLOCK_BEFORE = re.compile(r"\b0\d{3}\b[^.;\d]{0,60}\b(?:at|until|by|to|and)\s+$")  # "left at 0700 and docked at 1245"
# A provision's number, and the numbers of a list of provisions: "section 144", "BNS Section-105, 110,
# 126, 223, 238", "sections 105 (culpable homicide), 110 (attempt) and 126 (2)", "Article 8(3)", "120B" (not
# "under the new rules 40 people may gather").
_PROVISION_BEFORE = re.compile(
    r"(?:\b(?:sections?|articles?|clauses?|rule|(?-i:Rules)|paragraphs?|schedules?|chapters?|subsections?)|§§?)[\s-]*"
    r"(?:\d+[A-Za-z]?(?:\s*\(\w{1,3}\))*(?:\s+\([^()\d][^()]{0,60}\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+))*"
    r"(?:\d+[A-Za-z]?\s*\()?$", re.IGNORECASE)
# ... and a law's number with its date after it
_LAW_BEFORE = re.compile(r"\b(?:law|decree|ordinance|resolution)\s+(?:no\.?\s*)?$", re.IGNORECASE)
_LAW_DATED_AFTER = re.compile(rf"\s+of\s+(?:(?:19|20)\d\d|(?:\d{{1,2}}\s+)?(?:{'|'.join(_MONTHS.split())}))\b|\s*/\s*(?:19|20)?\d\d\b",
                              re.IGNORECASE)
_SCORE_AFTER = re.compile(r"^\s?[-–]\s?(\d+)\b(?![.,]\d)(?!\s?(?:%|per|pc))")
_SCORE_BEFORE = re.compile(r"(?<![\d.,])(\d+)\s?[-–]\s?$")
_MEASURED_PAIR = re.compile(r"\s?(?:thousand|million|billion|lakh|crore|kilo(?:gram|metre|meter)?s?|kg|km|grams?|tonnes?|tons?|"
                            r"met(?:re|er)s?|feet|foot|inch(?:es)?|miles|pounds|ounces|lit(?:re|er)s?|hectares?|acres?|"
                            r"degrees?|hours?|hrs|minutes?|mins|days?|weeks?|months?|years?|per\s?cent|percent|%)(?!\w)", re.IGNORECASE)
# A vote's word before its pair, or a court's ("the court ruled 6-3", "sided 5-4 with"); or an earlier pair of the same
# vote in its sentence ("voted 6-3 to uphold the law and 5-4 to overturn it").
_VOTE_BEFORE = re.compile(r"\b(?:vot(?:e|ed|es|ing)|majority|split)\b[^.;\d]{0,20}$|\b(?:ruled|sided)\s+$"
                          r"|\bvoted\s+(?:along\s+[a-z]+\s+lines|unanimously|narrowly)?,?\s+$"
                          r"|\b(?:vot(?:e|ed|es|ing)|ruled)\b[^.;\d]{0,40}\d+\s?[-–]\s?\d+\b[^.;]{0,100}\b(?:and|while|but)\s+$",
                          re.IGNORECASE)
_VOTE_NOUN_AFTER = re.compile(r"\s+(?:(?:party-line|partisan|bipartisan)\s+)?(?:votes?|vote\s+margin|ballot|decision|ruling|verdict|opinion|judg(?:e)?ment)\b",
                              re.IGNORECASE)  # "a 220-207 vote", "in a 6-3 decision", "In the 6-3 opinion"
_LIST_NUMBER = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# The other side of a vote written as one pair: "5-4", "5–4", "five to four", "by 52 to 48".
_VOTE_OTHER_AFTER = re.compile(rf"^\s?(?:[-–]|to)\s?{_LIST_NUMBER}\b(?![.,]\d)", re.IGNORECASE)
_VOTE_OTHER_BEFORE = re.compile(rf"(?<![\d.,\w]){_LIST_NUMBER}\s?(?:[-–]|to)\s?$", re.IGNORECASE)
LIST_NAME = r"(?:(?:[A-Z][\w'’.-]*|&)\s+){1,6}"  # a name in a tally list: "Conservatives ", "Plaid Cymru "
_LIST_JOIN = r"(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+)"
# The place a listed count went to or came from, between it and the next name: "sent 300 firefighters to
# Greece, France 250 and Italy 180".
LIST_PLACE = r"(?:\s+(?:to|in|at|for|from)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?"
# The time a listed count is for, right after it: "145 donors last year and Slovenia 52", "890 refugees in 2015, and
# Sweden 163", "30 trawlers in the 1990s".
LIST_WHEN = (r"(?:\s+(?:last|this|next|over\s+the|during\s+the)\s+(?:year|month|week|season|winter|summer|spring|autumn)"
             r"|\s+in\s+(?:the\s+)?(?:19|20)\d\d(?:['’]?s)?)?")
_NOT_KIND = r"(?:said|says|say|expects?|has|had|have|is|was|were|are|will|would|could|may|might|\w+ed)"  # a verb, not a kind
# After a count that says what it counts, the place may be any words and the time may follow it: "sent 16 pullers
# to the Asian championships and Japan 14", "received 1,950 parcels by boat last year and Tarbet 240".
# ... and what the things are made of and a second place may come between: "stripped 1,900 tonnes of cork bark this season,
# and those near Chamusca 840", "logged 140 avalanches in the Valais over the storm weekend, and Graubünden 95".
LIST_AFTER_COUNTED = (rf"(?:\s+of\s+(?:[a-z][\w'’-]*\s+){{0,2}}[a-z][\w'’-]*)?{LIST_WHEN}"
                      rf"(?:\s+(?:to|in|at|for|from|by|over|across|along|near|on)\s+(?:the\s+|its\s+|their\s+)?[A-Za-z][\w'’.-]*"
                      rf"(?:\s+(?!and\b)[A-Za-z][\w'’.-]*){{0,3}}){{0,2}}{LIST_WHEN}")
_LIST_PREV = re.compile(rf"\b{_LIST_NUMBER}(?:\s+[a-z-]+){{0,3}}{LIST_PLACE}{_LIST_JOIN}(?:the\s+)?{LIST_NAME}$")  # "412 seats, the Tories "
# Two entries are enough when the first says what it counts: "the Unity Party winning 198 seats and
# the Greens 61" ("Windows 10 and Windows 11" counts nothing), and so is a third after two such
# ("won 15 seats, the Centre Party 14 and the Farmers Party 11", "180 rural post offices, Wales 95 and Scotland 60").
_COUNTED = rf"\b\d[\d,]*\s+(?:[a-z-]+\s+){{0,2}}[a-z]{{3,}}s{LIST_PLACE}{_LIST_JOIN}(?:the\s+)?{LIST_NAME}"
# ... and so are two whose first names what it counts with words before the plural and a time after it, when the
# second ends its clause: "recorded 145 deceased organ donors last year and Slovenia 52,".
# ... whose entry may be a common noun placed by a name: "34 dive centres and the main island of Malta 52", "350 camels
# and the army's breeding unit at Jaisalmer 210"
# ... or a name with its place or its kind after it, and a hedge: "and Ischgl across the valley ridge 1,100", "and the Dart
# ten-kilometre race 310", "and Fars only 12".
PLACED_NAME = (rf"(?:the\s+|those\s+)?(?:(?:[a-z'’-]+\s+){{1,4}}(?:of|at|in|on|from|near)\s+(?:the\s+)?)?{LIST_NAME}"
               rf"(?:(?:across|along|near|on|at|in)\s+(?:the\s+)?(?:[A-Za-z'’-]+\s+){{1,3}}|(?:(?!{_NOT_KIND}\b)[a-z][a-z'’-]*\s+){{1,2}})?"
               r"(?:(?:only|just|about|some|nearly|around|almost)\s+)?")
_COUNTED_WIDE = re.compile(rf"\b\d[\d,]*\s+(?:[a-z-]+\s+){{0,3}}[a-z]{{3,}}s{LIST_AFTER_COUNTED}{_LIST_JOIN}{PLACED_NAME}$")
_CLAUSE_END = re.compile(r"^\s*(?:[,.;:)]|$)")
_TALLY_NEXT = re.compile(rf"^{_LIST_JOIN}{PLACED_NAME}{_LIST_NUMBER}\b")  # "..., South Khorasan 70 and Fars only 12"
_COUNTED_PREV = re.compile(rf"{_COUNTED}$")
_COUNTED_TWO_BACK = re.compile(rf"{_COUNTED}{_LIST_NUMBER}{_LIST_JOIN}(?:the\s+)?{LIST_NAME}$")
_LIST_NEXT = re.compile(rf"^{_LIST_JOIN}(?:the\s+)?{LIST_NAME}{_LIST_NUMBER}\b")
_INDEX_NAME = re.compile(r"\b(?:S&P|Nasdaq|Dow(?: Jones)?|FTSE|Russell|Nikkei|DAX|CAC|Stoxx|ASX|Hang Seng|Nifty|Sensex|"
                         r"Kospi|TSX|IBEX|MIB|AEX|SMI|OMX|Top|Group of|G)\s*$")
_LIST_ENTRY = re.compile(rf"{LIST_NAME}{_LIST_NUMBER}\b")
_TO_AFTER = re.compile(r"^\s+to\s+(\d+)\b(?![.,]\d)")
_TO_BEFORE = re.compile(r"(?<![\d.,])(\d+)\s+to\s+$")
_SPORT = re.compile(r"(?<!-)\b(beat|beats|won|win|wins|lost|lose|loses|defeat\w*|draw|drew|lead|leads|led|trail\w*|victory|"
                    r"match|game|final|half-time|halftime|aggregate|score\w*|run|series|innings|league|set|sets|"
                    r"thrash\w*|held|cup|title|goal\w*)\b(?!-)", re.IGNORECASE)  # not "in the run-up to"
_SPORT_VERB = re.compile(r"\b(beat|beats|won|lost|defeated|thrashed|edged|led|trailed|lead)\b[^.;\d]{0,40}$", re.IGNORECASE)
_DATE_NAMED = re.compile(r"\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
                         r"diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)\b", re.IGNORECASE)
_RACE_NUMBER_BEFORE = re.compile(r"\b(?:car|kart|bike|sidecar)\s+(?:No\.?\s+|number\s+)?$")
_CRICKET = re.compile(r"(?:(?:bowled out|bowl(?:ing|s|ed)?\s+(?:them|him|her|us|the\s+\w+)\s+out|all out|dismissed|folded|collapsed|crumbled)(?:\s+(?!for\b)[\w'’]+){0,3}\s+for|in reply to)\s+$",
                      re.IGNORECASE)  # "bowled out for 188", "folded for 164" (a bare number: "collapsed for 3 hours" is a time)
# A cricket score or bowling figures, runs for wickets or wickets for runs ("302 for 7", "took 5 for 42"),
# and a target ("chasing 245"), in a sentence about cricket.
_FOR_PAIR_AFTER = re.compile(r"^\s+for\s+\d{1,3}\b(?![.,]\d)")
_FOR_PAIR_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}\s+for\s+$")
# ... and the side it was made against, a score's mark where no cricket word is near: "made 212 for 6 against Plaistow".
_FOR_PAIR_AGAINST = re.compile(r"^(?:\s+for\s+\d{1,2})?\s+(?:against|versus|vs\.?|v\.?)\s+(?:the\s+)?[A-Z]")
# A team's total set, chased or defended, with another team's name between: "chasing Oman's 261", "chased down 198"
_CHASING = re.compile(r"\b(?:(?:chasing|chased(?:\s+down)?|defending|overhauled)\s+(?:(?:the\s+)?[a-z][\w.-]*(?:['’]s|s['’])\s+)?"
                      r"|(?:subsided|slumped|skittled(?:\s+out)?|limped)\s+for\s+)$", re.IGNORECASE)  # "chasing the visitors' 201", "subsided for 143"
# A Gaelic games score, goals and points for each side: "2-24 to 1-19".
_GAELIC = re.compile(r"(?<![\d.,])\d-\d{1,2}\s+to\s+\d-\d{1,2}(?![\d.,]?\d|\s?(?:%|per\b|pc\b|percent\b))")
_CRICKET_WORDS = re.compile(r"\b(?:cricket|wickets?|innings|overs|bowl\w*|batt\w+|Test|ODI|T20|centur(?:y|ies)|declared|"
                            r"pitch|runs|balls|dismissed|skittled)\b")
_GOLF = re.compile(r"^-(?:under|over)\b|^\s+for\s+\d+\s+wickets?", re.IGNORECASE)
_GOLF_BEFORE = re.compile(r"\d-(?:under|over)(?:-par)?\s+$", re.IGNORECASE)
_ONE_NOT = re.compile(r"^(?:\s+(?:of|another|by|and|to|in|on|at|who|that|which|is|was|has|had|would|will|can|could|"
                      r"said|says|thing|day,|go|piece|way or another|belonging|after another|after the other|nor)\b|-off\b|\s*[,.;:!?)]|\s*$)", re.IGNORECASE)
# ... but a hedged "one" before its verb counts: "no more than one has fallen in", "just one is lit"
_HEDGED_ONE_BEFORE = re.compile(r"\b(?:no\s+more\s+than|no\s+fewer\s+than|at\s+most|only|just|exactly|not\s+even)\s+$", re.IGNORECASE)
_ONE_VERB_AFTER = re.compile(r"^\s+(?:has|had|have|was|were|is|are|will|would|can|could)\b")
# ... and a hedged "one of" a counted whole is one of them: "Only one of the 38 boats", "just one of the organ's 4,200 pipes"
_OF_COUNTED_WHOLE = re.compile(r"^\s+of\s+(?:the|its|their|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s)\s+(?:[a-z]+['’]s\s+)?"
                               rf"(?:\d[\d,.]*|{'|'.join(w for w in UNITS | TENS if w not in ('zero', 'one'))})\s+[a-z]",
                               re.IGNORECASE)
# "won one and two seats", "one or two days": listed with another count of the same noun.
# "one" as "a certain" before a person's name: "the farm of one Henry Aldous in the valley", "sold by one John Hale,"
_A_CERTAIN_BEFORE = re.compile(r"\b(?:of|by|to|from|with|named|called)\s+$", re.IGNORECASE)
_PERSON_NAMED_AFTER = re.compile(r"^\s+[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+)+(?=\s*[,.;:)]|\s+(?:in|of|and|who|said|was|is|has|had|from)\b)")
_ONE_LISTED = re.compile(r"^\s+(?:and|or)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(?:more\s+)?[a-z]+s\b",
                         re.IGNORECASE)
# A margin ends the clause: "won by one.", "trailing the leader's mark by one," counts one, no phrase.
_MARGIN_BEFORE = re.compile(r"\b(?:won|lost|los[ei]ng|trail(?:s|ed|ing)?|led|lead(?:s|ing)?|beat(?:s|en|ing)?|behind|ahead|"
                            r"fell|rose|missed|miss(?:es|ing)|exceeded)\s+(?:[\w'’.]+\s+){0,3}by\s$", re.IGNORECASE)
# A study's statistics that are no findings: a p-value ("P<0.001", "a p-value of 0.03") and the level
# of a confidence interval ("95% CI").
_P_VALUE_BEFORE = re.compile(r"(?<![\w-])[Pp]\s?(?:[<>=≤≥]|&lt;|&gt;)\s?$|\bp[\s-]values?\s+(?:(?:of|was|is|were)\s+)?"
                             r"(?:(?:less|lower)\s+than\s+|below\s+|[<>=≤≥]\s?)?$", re.IGNORECASE)
_CONFIDENCE_AFTER = re.compile(r"^\s?(?:%|percent|per\s+cent)?\s?(?:CI\b|C\.I\.|(?i:confidence\s+(?:interval|level|limit)))")
# A gun's or a shell's calibre names the kind of weapon: "155 mm shells", "155-millimetre artillery
# ammunition", "a .50-calibre machine gun".
_CALIBRE_AFTER = re.compile(
    rf"^[\s-]?{CALIBRE_UNIT}\b[\s-]+(?:[a-z]+[\s-]+){{0,2}}?"
    r"(?:shells?|rounds?|ammunition|ammo|artillery|howitzers?|guns?|projectiles?|cannons?|mortars?|munitions?|rockets?|"
    r"cartridges?|bullets?|rifles?|pistols?|shots?)\b", re.IGNORECASE)
# A race named by its distance: "the 200m", "the women's 1500m final", "the 100m hurdles".
_DISTANCES = r"(?:60|100|110|200|400|800|1500|1,500|3000|3,000|5000|5,000|10000|10,000)"  # a race's, in metres
_EVENT = re.compile(rf"(?:50|{_DISTANCES})m")
_EVENT_BEFORE = re.compile(r"\b(?:in|won|wins?|take|takes|took|clinched|claimed|ran|runs?|swam|swims?)\s+the\s+"
                           r"(?:(?:wo)?men['’]s\s+)?$|\b(?:wo)?men['’]s\s+$", re.IGNORECASE)
_RACE_WORDS = ("final|races?|events?|freestyle|hurdles|butterfly|backstroke|breaststroke|medley|relay|steeplechase|title|gold|"
               "silver|bronze")
_EVENT_AFTER = re.compile(rf"^\s+(?:{_RACE_WORDS}|sprint|dash|heats?|semi-?finals?|world record)\b", re.IGNORECASE)
# ... and a distance spelled out before what names the race or its runner: "a former 800 metre runner", "her 1,500 metres career"
_EVENT_SPELLED = re.compile(_DISTANCES)
_EVENT_SPELLED_AFTER = re.compile(rf"^[\s-](?:metres?|meters?)\s+(?:{_RACE_WORDS}|runners?|career|specialists?|champions?)\b",
                                  re.IGNORECASE)
_STAGE_NAME_AFTER = re.compile(r"^\sCent\b")
_TITLED_SPAN = re.compile(r"^-(?:Year|Month|Week|Day|Hour|Decade)s?\b"
                          r"|^\s(?:Times\s+(?:the|as|More|Bigger|Larger|Higher|Faster)|Percent|Per\s+Cent)\b")  # a headline's "Five Times the Size"
_COMPOUND_COUNT = re.compile(rf"^-(?:{COMPOUND_NOUNS}|strong)\b", re.IGNORECASE)  # "an eight-person jury", "5,000-strong"
_HYPHEN_OK = re.compile(rf"^-(?:year|month|week|day|hour|minute|second(?![-\w])|quarter|decade|centur(?:y|ies)|fold|pound|mile|point|percent|percentage|thirds?|quarters?|"
                        r"kilomet(?:re|er)s?|met(?:re|er)s?|foot|feet|inch|acre|hectare|tonne|ton|lit(?:re|er)|gallon|kilo(?:gram)?|degree|"
                        rf"{COMPOUND_NOUNS}|strong|halves|half|fifths?|tenths?|times?|euro|dollar|rupee|peso|franc|rand)\b"
                        r"|^-\s+(?:to|or)\s+\S+-|^-to-\w+-\w", re.IGNORECASE)  # the range's first end: "a two- to three-week stint",
# "a five-to-ten-year span"


_PHONE = re.compile(r"(?:\b1[-.\s])?(?:\(\d{3}\)\s?|\b\d{3}[-.])\d{3}[-.]\d{4}\b"
                    r"|\b0\d{2,4}[\s-]\d{3,4}(?:[\s-]\d{3,4})?\b")  # "(202) 555-0143", "0800 555 111", "020 7946 0958"
# A number to call or text: "dial 999", "text 61016 to", "call 0800"
_DIAL_BEFORE = re.compile(r"\b(?:call|called|calling|dial|dialled|dialed|dialling|dialing|ring|text|texting|phone)\s+$",
                          re.IGNORECASE)
_REPEATED_DIGIT_BEFORE = re.compile(r"\b(?:double|triple)[\s-]$", re.IGNORECASE)
_DIAL_AFTER = re.compile(r"^(?:\s*[,.;:)]|\s*$|\s+(?:to|for|or|and|in|if|on|from)\b)", re.IGNORECASE)
# A version or release: "Version 2.4.1", "iOS 17.1.2" (a third part after the decimal); a network generation: "5G"
_VERSION_AFTER = re.compile(r"^\.\d{1,3}(?![\d.])")
_VERSION_BEFORE = re.compile(r"\b(?:version|v\.|firmware|iOS|Android|Bluetooth|USB|HDMI|PCIe)\s?$", re.IGNORECASE)  # "Version 2.1", "USB 3.0"
_GENERATION_AFTER = re.compile(r"^G\b")
_DIGITS_LONG = re.compile(r"^-digit\b", re.IGNORECASE)
# A time of day written "23h59" or, after "until", "23.59"; a knockout stage ("the round of 16"); an ordinal
# written with a scale ("the 8 billionth").
_CLOCK_H_AFTER = re.compile(r"^h[0-5]\d\b")
_HOUR_H_AFTER = re.compile(r"^h(?![\w-])")
_AT_HOUR = re.compile(r"\b(?:at|until|till)\s$", re.IGNORECASE)
_DOTTED_HOURS = re.compile(r"\bfrom\s+[012]?\d\.[0-5]\d\s*(?:to|until|till|-|–)\s*[012]?\d\.[0-5]\d\b", re.IGNORECASE)
_UNTIL_DOTTED = re.compile(r"\b(?:until|till)" + TIME_LEAD_END, re.IGNORECASE)  # "closed until 23.59 on Friday"
# ... or after "at" ("by", "after", "before") in a clause that keeps a timetable ("the post boat leaves at 10.20 and again at 16.45") or beside
# a time written with am or pm or a colon ("begins at 1.30pm, after the massed pipes at 12.45", "is at 18.30, and the
# last bus leaves at 22:10"); not "the shares closed at 16.45"
_AT_DOTTED = re.compile(r"\b(?:at|by|after|before)" + TIME_LEAD_END, re.IGNORECASE)
_CHANGED_BY = re.compile(rf"\b(?:{DOWN_VERBS}|{UP_VERBS}|{BY_DOWN}|{BY_UP}|down|up)\s+by" + TIME_LEAD_END, re.IGNORECASE)  # "fell by 2.45"
_TIMETABLE_VERB = re.compile(r"\b(?:leaves?|left|depart(?:s|ed)?|sails?|sailed|arrives?|arrived|begins?|starts?|"
                             r"kicks?\s+off|kicked\s+off|lands?|landed|takes?\s+off|timed\s+for|scheduled\s+for|due|"
                             r"published|updated|posted|modified)\b"  # a page's stamp: "Published 14.08.2024, at 09.02"
                             r"(?:[^.;:!?\d]|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b\d{1,2}\.[0-5]\d\b){0,40}$",
                             re.IGNORECASE)  # (and past a time or a dotted date: "and again at", "14.08.2024, at")
_AM_PM_NEAR = re.compile(rf"\b\d{{1,2}}(?:[.:][0-5]\d)?\s?{_AM_PM}(?!\w)"
                         r"|(?<![\d.:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])"  # ... or with a colon: "leaves at 22:10"
                         r"|\b(?:midday|noon|midnight|o['’]clock|(?:in\s+the\s+|this\s+|each\s+|every\s+)(?:morning|afternoon|evening))\b",
                         re.IGNORECASE)  # ... or a time of day named: "at 9.30 and, for their midday meal, at 11.45"
_KNOCKOUT_ROUND_BEFORE = re.compile(r"\b(?:(?P<round>round\s+of)|the\s+last)\s$", re.IGNORECASE)  # "the last 16 miners" counts
_BIG_ORDINAL_AFTER = re.compile(r"^[\s-](?:hundred|thousand|million|billion|trillion)th\b", re.IGNORECASE)
# A reference mark glued to the end of a sentence, as medical and academic sites print their notes:
# "international spread.”2", "men who have sex with men .1", "on July 23, 2022.1". It stands where a
# sentence or paragraph ends: before a line end, the text's end, or a space and a capital.
_NOTE_AFTER = re.compile(r"^(?:[ \t]*(?:\n|$)|[ \t]+[A-Z“\"])")
_NOTE_AFTER_QUOTE = re.compile(r"[.!?][\"”’)]$")
_NOTE_AFTER_WORD = re.compile(r"[a-z] $")
_NOTE_AFTER_DATE = re.compile(r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},|in|since)\s$",
                              re.IGNORECASE)
_YEAR_AND_NOTE = re.compile(r"(?:19|20)\d\d\.\d{1,2}")


def _reference_mark(number: str, before: str, after: str) -> bool:
    """Whether `number` is a note's mark printed after a sentence (`_NOTE_AFTER`), not a figure: one
    to three digits right after its closing quote or bracket, a bare ".1" after a word and a space,
    or a year that a date ends with and a mark glued to it."""
    return bool(_NOTE_AFTER.match(after)) and (
        number.isdigit() and len(number) <= 3 and bool(_NOTE_AFTER_QUOTE.search(before))
        or number[:1] == "." and number[1:].isdigit() and len(number) <= 3 and bool(_NOTE_AFTER_WORD.search(before))
        or bool(_YEAR_AND_NOTE.fullmatch(number)) and bool(_NOTE_AFTER_DATE.search(before)))


_SHOPPING_DAYS = frozenset({"11.11", "12.12", "6.18", "9.9", "10.10"})  # shopping festivals named by their dates
_SHOPPING_WORDS = re.compile(r"\b(?:singles(?:'|’)?\s?day|double\s+(?:11|eleven|12)|shopping|festival|sales?|gmv|e-commerce)\b",
                             re.IGNORECASE)


def _enumerator(text: str, start: int, end: int, value: float) -> bool:
    """Is the number at [start, end) a list item's mark in brackets, "(1)", whose neighbour "(2)" (or "(1)" before a
    "(2)") the same sentence or paragraph also has?"""
    if not (text[start - 1:start] == "(" and text[end:end + 1] == ")" and value.is_integer() and 1 <= value <= 9):
        return False
    near = text[max(0, start - 300):end + 300]
    return any(f"({int(value) + step})" in near for step in (-1, 1) if value + step >= 1)


_MADE_OF = re.compile(r"\d-of-$|\d(?:-[a-z]+)?-by-$")  # "13-of-20 shooting": made of attempted; "2-foot-by-4-foot": a size
_GAME_CLOCK = re.compile(r"^\s+(?:seconds?|secs?|minutes?|mins?)\s+(?:left|remaining|to\s+play|to\s+go)\b", re.IGNORECASE)
_WITH_BEFORE = re.compile(r"\bwith\s+(?:just\s+|only\s+)?$", re.IGNORECASE)
_IDIOM = re.compile(r"\bin\s+a\s+million\s+years\b|\bone\s+step\s+(?:closer|nearer|further|ahead|forward|back)\b"
                    r"|\ba\s+million\s+miles\s+(?:apart|away\s+from\s+(?:a\s+deal|an?\s+agreement|agreement|each\s+other))\b"
                    r"|\bcloud\s+nine\b|\bone\s+fell\s+swoop\b|\b(?:in|of)\s+two\s+minds\b|\bof\s+one\s+mind\b|\bone[\s-]night\s+stands?\b|\b(?:1|one)[\s-]to[\s-](?:1|one)\b(?![.,]?\d)|\bunder\s+one\s+(?:[a-z]+\s+)?roof\b|\b(?:to|aside\s+to)\s+one\s+side\b"
                    r"|\b(?:any|each)\s+one\b(?!\s+(?:of|in)\b)"
                    # "one death is too many", "one death is a death too many": a stand against any, no toll
                    r"|\bone\s+(?:death|life|case|victim|injury|child|person)\s+(?:is|was|would\s+be)\s+(?:(?:one|a\s+[a-z]+)\s+)?too\s+many\b"
                    # "100 percent sure", "100% preventable": a speaker's certainty or blame, not a share of anything
                    r"|\b(?:100|a\s+hundred|one\s+hundred)\s?(?:%|percent|per\s?cent)\s+(?:sure|certain|confident|convinced|committed|"
                    r"dedicated|behind|honest|serious|focused|preventable|avoidable|wrong|right|correct|guaranteed)\b"
                    r"|\bone\s+(?:day|time)(?=(?:,?\s+one\s+(?:day|time))?,?\s+(?:I|we|you|he|she|they|it)\s+(?:would|will|could|might|can|had|'d|’d)\b)"
                    r"|(?:\b(?:could|might|may|will|would|can|hopes?\sto)|['’]ll)\sone\s+day"  # "could one day be used"
                    # "a four-day week", "the 4-day workweek": a way of working named, not a length of four days
                    r"|\b(?:three|four|five|six|[3-6])[-\s]day\s+(?:work(?:ing)?\s*)?weeks?\b(?!\s+of\b)",
                    re.IGNORECASE)  # "I knew one day I would": some day, not a day's length
# A photo gallery's counter at the start of a caption line: "1 of 3 | Convicted ...", "4 / 6 Stephan's Quintet".
_GALLERY = re.compile(r"^[ \t]*(\d{1,2})\s+of\s+(\d{1,2})[ \t]*(?:\||$)|^[ \t]*(\d{1,2}) / (\d{1,2})[ \t]+(?=[A-Z])", re.MULTILINE)
_COURT_SHOT = re.compile(r"^-point(?:ers?\b|\s+(?:line|shots?|shooting|attempts?|range|plays?|baskets?|field\s+goals?|"
                         r"percentage|arc|shooters?|distance|territory|land|specialists?)\b)", re.IGNORECASE)
# "made a 3 from the left side", "hit another 3 off the wing": one shot, not three points
_SHOT_FROM = re.compile(r"^\s+(?:from|off)\s+(?:the\s+)?(?:left|right|top|corner|wing|deep)\b", re.IGNORECASE)
_ONE_SHOT_BEFORE = re.compile(r"\b(?:a|another|his|her|their)\s+$", re.IGNORECASE)
_BANKNOTE = re.compile(r"^\s+(?:bills?|notes?|banknotes?|coins?)\b", re.IGNORECASE)
_FACE_VALUE = re.compile(r"^[\s-](?:cents?|pence|penny|p|euros?|dollars?|pounds?|rupees?|yen)[\s-](?:coins?|pieces?|stamps?)\b",
                         re.IGNORECASE)  # "smaller than a 10-cent coin", "a 50 pence piece"


# A past moment that a figure is compared with, or that dates the figure just before: "higher than two years ago",
# "22% more than two years ago", "up from five years ago", "up from €7 two years ago", "the price of a decade ago",
# "down from 45% four years ago", "against 480 pa'anga two years ago", "against 3,400 two decades ago", "more than it
# did two years ago", "double what they were a decade ago" (a plain "ended 30 years ago" stays a span of time).
_AGO = re.compile(r"^[\s-]+(?:years?|months?|weeks?|days?|decades?)\s+(?:ago|back)\b", re.IGNORECASE)  # "three years back"
_SPAN_END_BEFORE = re.compile(r"\d(?:\s+(?:thousand|million|billion))?\s+to\s+$", re.IGNORECASE)
_COMPARED_WITH = re.compile(r"(?:\b(?:(?:higher|lower|bigger|smaller|larger|greater|cheaper|dearer|better|worse|stronger|"
                            r"weaker|faster|slower|more|less|fewer)\s+than|(?:up|down|rose|fell|risen|fallen)\s+from|compared\s+(?:with|to)|"
                            r"of|(?:than|what)(?:\s+[a-z'’]+){1,3})|\d(?:%|\s?(?:percent|per\s?cent|pc|bn|billion|million)\b)(?:\s+[a-z'’]+)?"
                            r"|[$£€¥₹]\s?\d[\d,.]*(?:\s?(?:bn|m|billion|million)\b)?"
                            r"|\d[\d,.]*(?:\s+(?!(?:years?|months?|weeks?|days?|decades?)\b)[a-z'’]+)?)\s+$",
                            re.IGNORECASE)


# The numbers a lottery drew, a run of four or more small numbers after "numbers" or "balls" ("the winning numbers were
# 10, 33, 41, 47, 56", "matched the numbers 10-33-41-47-56"), and its bonus ball's ("and the Powerball was 10"): labels.
_DRAWN_RUN = re.compile(r"(?<![\d.,])\d{1,2}(?:(?:\s*[,-]\s*(?:and\s+)?|\s+and\s+)\d{1,2}(?![\d.,]\d)){3,}")
_DRAWN_BEFORE = re.compile(r"\b(?:numbers?|balls?)\b(?:(?!\.\s+[A-Z])[^;]){0,60}$", re.IGNORECASE)  # "numbers drawn on Aug. 8 were"


_SCREEN = re.compile(r"(?:(?:[248]|16)K|(?:480|576|720|1080|1440|2160|4320)[pi])\b")  # a screen's resolution, a name
# The other side of odds written "N to 1", and the numbers or balls a game's player must match.
_ODDS_TO_ONE = re.compile(r"\bodds\b[^.;]{0,80}\d\s+to\s$", re.IGNORECASE)
_GAME_RULE_AFTER = re.compile(r"\s+(?:(?:white|winning|main|red|gold|bonus|lucky)\s+)?(?:[A-Z][a-z]+\s+){0,2}(?:numbers|balls)\b")
_GAME_RULE_BEFORE = re.compile(r"\b(?:match\w*|fitted|fits?|pick\w*|choos\w*|chose|select\w*)\s+(?:(?:all|only|just)\s+)?"
                               r"(?:(?:the|of\s+the)\s+)?$", re.IGNORECASE)
_ROUTE_AFTER = re.compile(r"\s(?:bus|tram|trolleybus)(?:\s+(?:route|service))?(?=\s+(?:to|from|at|in|on|into|towards|through|"
                          r"that|which|home|back|leaves|left|runs|ran|goes|went|stops|stopped)\b|\s*[,.;:)]|\s*$)", re.IGNORECASE)


# A number inside arithmetic or code: after "=", "^" or a power written in superscripts, or before them or a variable
# it multiplies ("2p-1", "2n+1", "2^n"); a run of four bare numbers joined by commas with no space, a sequence, however
# long; and three or more small numbers joined by hyphens, a combination ("a $1 trifecta (8-3-14)", "Pick 3 7-5-8").
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FORMULA_BEFORE = re.compile(rf"(?:[=^]\s*|[{_SUPERSCRIPTS}]\s*[-−+]\s*|\b\d[a-z]\s*[-−+]\s*)$")  # "=7", "2⁸²⁵-1", "2n-1"
_FORMULA_AFTER = re.compile(rf"^(?:\s*[=^]|[{_SUPERSCRIPTS}])")
_VARIABLE_AFTER = re.compile(r"^[a-z]\s*[-−+]\s*1\b(?![.,]\d)")  # "2p-1", "2n+1" (not "20p-30p", a range of pence)
_LISTED_NAME_AFTER = re.compile(r":\s+[A-Z][^\n\d:]{0,40}(?:\n|$)")
_SEQUENCE = re.compile(r"\d+(?:,\d+){3,}")
_COMBINATION = re.compile(r"\d{1,3}(?:-\d{1,3}){2,}")


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,2},(?:\d{2},)+\d{3}")  # thousands, or the Indian way: "4,55,06,791"


def _in_sequence(text: str, start: int, end: int) -> bool:
    """Is the number one of a comma run (`_SEQUENCE`, not a number in thousands) or a hyphen combination (`_COMBINATION`)?"""
    for joint, run in ((",", _SEQUENCE), ("-", _COMBINATION)):
        left, right = start, end
        while left > 0 and (text[left - 1].isdigit() or text[left - 1] == joint and text[left - 2:left - 1].isdigit()):
            left -= 1
        while right < len(text) and (text[right].isdigit() or text[right] == joint and text[right + 1:right + 2].isdigit()):
            right += 1
        bare = not re.match(r"[\w.,]", text[left - 1:left] if left else "") and not re.match(r"\w", text[right:right + 1])
        if bare and run.fullmatch(text, left, right) and not _GROUPED.fullmatch(text, left, right):
            return True
    return False


def _drawn(text: str, start: int, end: int) -> bool:
    """Is the number at [start, end) one a lottery drew (`_DRAWN_RUN`, `mention_units.BONUS_BALL`)?"""
    if BONUS_BALL.search(text, max(0, start - 30), start):
        return True
    return any(run.start() <= start and end <= run.end() and _DRAWN_BEFORE.search(text, max(0, run.start() - 70), run.start())
               for run in _DRAWN_RUN.finditer(text, max(0, start - 40), min(len(text), end + 40)))


def not_quantity(text: str, start: int, end: int, value: float, spelled: bool, has_unit: bool) -> str | None:
    """The name of the rule that makes the number at [start, end) not a quantity, else None."""
    before, after = text[max(0, start - 80):start], text[end:end + 60]
    if not spelled and text[start:end] in ("1", "2", "3", "4") and (code := _PERIOD_CODE.match(text, end)) \
            and (code[0][0] == "Q" or text[start:end] in ("1", "2")):
        return "date"  # "in 3Q", "1H23": a quarter or a half written the analysts' way
    if _AGO.match(after) and _COMPARED_WITH.search(before) and not (value >= 1e6 or _SPAN_END_BEFORE.search(before)):
        return "date"  # (not "23 million years ago", "5,000 to 3,000 years ago": when, in the far past, or a span's end)
    if not spelled and not has_unit and value < 100 and _drawn(text, start, end):
        return "label"
    if not spelled and not has_unit and (start == 0 or text[start - 1] == "\n") and _LISTED_NAME_AFTER.match(after):
        return "label"  # "8: Mage" on a line of its own: a results list's number, no amount
    if not spelled and (not has_unit and (_FORMULA_BEFORE.search(before) or _FORMULA_AFTER.match(after) or _in_sequence(text, start, end))
                        or _VARIABLE_AFTER.match(after)):
        return "formula"  # "23-1=7", "2p-1", "2⁸²⁵⁸⁹⁹³³-1", ">>> a=2", "the primes 2,3,5,7,13": arithmetic, not amounts
    if not spelled and not has_unit and _ROUTE_AFTER.match(after):
        return "name"  # "The 38 bus to the horse fair": a route
    if not spelled and _DATE_NAMED.match(after):
        return "name"  # "the 20 de Noviembre market", "the 25 de Abril bridge": a date that names a place
    if not spelled and not has_unit and value.is_integer() and _RACE_NUMBER_BEFORE.search(before):
        return "name"  # "with car 44 leading the field": a racer's number
    if not spelled and (screen := _SCREEN.match(text, start)) and screen.end() >= end and not re.search(r"[$£€¥₹]\s?$", before):
        return "name"  # "4K", "1080p": a screen's resolution
    if not spelled and value.is_integer() and re.search(r"[(\s][A-Z]{2,10}:$", before):
        return "name"  # "(TADAWUL:2222)", "HKEX:700": a share's code on its exchange
    if not spelled and value.is_integer() and re.match(r"\.[A-Z]{1,2}\)", after) and before.endswith("("):
        return "name"  # "SoftBank Group (9984.T)", "(0700.HK)": a share's code with its exchange's suffix
    if not spelled and re.search(r"\d\.\d+\s+out\s+of\s+$", before):
        return "phrase"  # "a score of 4.2 out of 5": the top of the rating's scale, no amount (not "27 out of 34 regions")
    if value == 1 and re.match(r"\s*(?:[A-Z]{3}\s*)?=\s*\d", after):
        return "phrase"  # "$1 = 10.71 crowns", "1 EUR = 11.77 NOK": the base of a rate, not an amount
    if not spelled and not has_unit and (re.match(r"-[A-Z](?![\w-])", after) or re.match(r"[A-Z](?![\w-])", after) and _named_before(before)):
        return "name"  # "the 4-H steer auction", "Kasumi 8A": a letter that ends a name or a label
    if not spelled and value == 1 and text[start:end] == "1" and _ODDS_TO_ONE.search(before):
        return "phrase"  # "odds ... are 302,575,350 to 1": the odds' other side
    if _GAME_RULE_AFTER.match(after) and _GAME_RULE_BEFORE.search(before):
        return "phrase"  # "matched all six numbers", "fitted the five white balls": the game's rule, no count
    if _BOND.match(after) or _METAL_TENOR.match(after):
        return "bond_tenor"  # ... or a metals contract's: "Three-month nickel on the LME"
    if not spelled and not has_unit and any(m.start(a) <= start and end <= m.end(a + 1) and int(m[a]) <= int(m[a + 1])
                                            for m in _GALLERY.finditer(text, max(0, start - 12), end + 12)
                                            for a in ((1,) if m[1] else (3,))):
        return "gallery"  # a slideshow's "1 of 3 |", the page's counter
    if not spelled and any(m.start() <= start and end <= m.end() for m in _PHONE.finditer(text, max(0, start - 16), end + 16)):
        return "phone"  # "1-855-371-9460", "(202) 555-0143"
    if not spelled and not has_unit and value.is_integer() and _DIAL_BEFORE.search(before) and _DIAL_AFTER.match(after):
        return "phone"  # "dial 999", "text 61016 to get updates"
    if spelled and _REPEATED_DIGIT_BEFORE.search(before):
        return "phone"  # "triple zero", "double-oh seven": a number dialled or a code
    if not spelled and ("." in text[start:end] and _VERSION_AFTER.match(after)
                        or 2 <= value <= 6 and _GENERATION_AFTER.match(after) or not has_unit and _VERSION_BEFORE.search(before)):
        return "name"  # "Version 2.4.1", "its 5G network", "version 2.1"
    if not spelled and re.fullmatch(r"0+", text[start:end]) and re.search(r"\d,$", before):
        return "fragment"  # the "00" of a figure cut short, "£425,00" or "710,00 workers": no count of zero
    if not spelled and _reference_mark(text[start:end], before, after):
        return "reference_mark"  # "spread.”2": a note's number, not the article's
    if not spelled and text[start:end] in _SHOPPING_DAYS and not has_unit \
            and _SHOPPING_WORDS.search(text, max(0, start - 400), end + 400):
        return "date"  # "a new chapter for 11.11": China's Singles Day sales, named by their date
    if not spelled and _enumerator(text, start, end, value):
        return "label"  # "either (1) fails to impress or (2) overcommits": the items of a list, counted off
    if not has_unit and value.is_integer() and 1 <= value <= 12 and _PART_OF_DAY_AFTER.match(after) \
            and re.search(r"\b(?:at|around|about|by|until|till|from|before|after)\s+(?:around\s+|about\s+)?$", before, re.IGNORECASE):
        return "clock_time"  # "began at 9 in the morning", "reached around 3 at night": an hour of the day
    if value == 12 and _NOON_AFTER.match(after):
        return "clock_time"  # "at 12 noon", "12 midnight"
    if value <= 24 and _CLOCK_H_AFTER.match(after) and CLOCK_LEAD.search(before):
        return "clock_time"  # "until 23h59 on 21 March", as French and others write a time (not "won in 2h05")
    if not spelled and value <= 24 and value.is_integer() and _HOUR_H_AFTER.match(after) and _AT_HOUR.search(before):
        return "clock_time"  # "the evening show at 20h", "ends at 18h sharp": an hour of the day (not "in 2h")
    dotted = not has_unit and value <= 24 and re.fullmatch(r"\d{1,2}\.[0-5]\d", text[start:end]) is not None \
        and not re.match(r"\.\d", text[end:end + 2])  # "23.59", not the day and month of "by 15.03.2026"
    if dotted and value < 24 and _UNTIL_DOTTED.search(before):
        return "clock_time"  # "until 23.59": a time of day written with a dot
    if dotted and value < 24 and (at := _AT_DOTTED.search(before)) and not _CHANGED_BY.search(before) \
            and (_TIMETABLE_VERB.search(before, 0, at.start()) or _AM_PM_NEAR.search(text, max(0, start - 100), end + 100)):
        return "clock_time"  # "leaves at 10.20", "at 12.45" beside "1.30pm"
    if dotted and any(re.search(r"\b0\d\.[0-5]\d\b", m[0]) for m in _DOTTED_HOURS.finditer(text, max(0, start - 20), end + 20)
                      if m.start() <= start and end <= m.end()):
        return "clock_time"  # "from 08.30 to 16.00": the hours of the day a rule holds
    if value in (4, 8, 16, 32, 64, 128) and (knockout := _KNOCKOUT_ROUND_BEFORE.search(before)) \
            and (knockout["round"] or not _PLURAL_AFTER.match(after)):
        return "name"  # "the round of 16", "reached the last 16": a stage of a knockout, not a count
    if _BIG_ORDINAL_AFTER.match(after):
        return "ordinal"  # "the world's 8 billionth resident": a place in a count, not an amount
    if not spelled and _DIGITS_LONG.match(after):
        return "phrase"  # "their 17-digit vehicle identification number": a code's length
    if not has_unit and re.search(r"\bGroup of\s$", before):
        return "name"  # "the Group of 20"
    if value.is_integer() and (label := _NUMBER_LABEL_BEFORE.search(before)) and (not has_unit or label.group(0).rstrip().endswith(".")) \
            and not _RANK_AFTER.match(after):
        return "name"  # "candidate pair number two", "Law Number 7 of 2017", "train No. 4381 inches": a label, not an amount
    if _holding(_RELAY, text, start, end, 40):
        return "name"  # "the 4x100m medley relay": a race's name
    if not has_unit and value.is_integer() and _NUMBERED_BEFORE.search(before) and not _PLURAL_AFTER.match(after) \
            and "," not in text[start:end]:
        return "name"  # "between junctions 10 and 11", "flight 1282"; not "will seat 62,000 spectators", "seats 2,800"
    if _GAME_CLOCK.match(after) and _WITH_BEFORE.search(before):
        return "clock_time"  # "with 42 seconds left in the half": a moment of the game, not a length
    if any(m.start() <= start and end <= m.end() for m in _IDIOM.finditer(text, max(0, start - 20), end + 30)):
        return "phrase"  # "never in a million years", "one step closer"
    if value in (2, 3, 4) and (_COURT_SHOT.match(after) or re.search(r"\d-of-\d+\s+from\s+$", before)
                               or _SHOT_FROM.match(after) and _ONE_SHOT_BEFORE.search(before)):
        return "name"  # "the 3-point line", "a 3-point shot", "4-of-6 from 3": a kind of shot, not three points
    if value <= 1000 and (_BANKNOTE.match(after) and re.search(r"[$£€¥₹]\s?$", before) or _FACE_VALUE.match(after)):
        return "name"  # "as phony as a $3 bill", "£50 notes": a banknote's face, not a sum (not "a $1.2 trillion bill")
    if spelled:
        return "clock_time" if _TIME_BEFORE.search(before) and not _AMOUNT_AFTER.match(after) or _PAST_THE_HOUR.match(after) \
            or value <= 12 and _SPELLED_TIME_AFTER.match(after) else _spelled_rule(text, start, end, value, before, after)
    if _JETLINER.fullmatch(text[start:end]) and _PLANE_WORDS.search(text, max(0, start - 300), end + 300):
        return "name"  # "the 767 and 777 programs" of a story about planes
    if value >= 100 and _MODEL_CODE_AFTER.match(after) or value.is_integer() and _LABEL_LETTER_AFTER.match(after):
        return "name"  # a model's code: "the 777X" (not "10X"; nor "1,500C", "$100M", "400W": a unit or scale); "the 32N" train
    if not has_unit and _MILE_MARKER_BEFORE.search(before):
        return "name"  # a place on a line: "at mile marker 79.9", "passed mile 49.81"
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha() and not _MADE_OF.search(before) \
            and not _SCALED_BEFORE.search(before) and not (re.search(r"\d-to-$", before) and after[:1] == "-") \
            or _variant(before) or _RUNWAY.match(after) or _RUNWAY_BEFORE.search(before) \
            or _CODE_AFTER.match(after):
        return "name"  # "COVID-19", "F-16", "Pac-12" (not "5-to-10-year"); "Boeing 737-800", "A320-200", "DHC8-300"; flight "7C2216"; "401(k)";
        # "76ers"; runways "16R/34L"; a radio station "KTAR 92.3 FM"
    if _LINK_BEFORE.search(text[max(0, start - 300):start]) or _WEB_BEFORE.search(before):
        return "link"  # "(Also Read: Invest Rs 5,000 And Earn ...)": a link to another story; "pic.twitter.com/9Ee…"
    if _TIME_AFTER.match(after) or _TIME_BEFORE.search(before) and (not _AMOUNT_AFTER.match(after) or _TIME_UNIT_AFTER.match(after)):
        return "clock_time"
    if _CLOCK_24.fullmatch(text[start:end]) and (text[start] == "0" or _ZERO_CLOCK_NEAR.match(after)
                                                  or _ZERO_CLOCK_BEFORE.search(before) or _HRS_AFTER.match(after)):
        return "clock_time"  # a curfew "from 2200 to 0500"
    if _CALIBRE_AFTER.match(after):
        return "calibre"
    if _P_VALUE_BEFORE.search(before):
        return "p_value"  # "P<0.001", "a p-value of 0.03": a test's chance, not an amount
    if value in (80, 90, 95, 99) and _CONFIDENCE_AFTER.match(after):
        return "confidence_level"  # "95% CI": the interval's level, not a finding
    if _EVENT.fullmatch(text[start:end]) and (_EVENT_BEFORE.search(before) or _EVENT_AFTER.match(after)) \
            or _EVENT_SPELLED.fullmatch(text[start:end]) and _EVENT_SPELLED_AFTER.match(after):
        return "name"  # "finished 4th in the 200m", "the 400m final": a race, not 200 million
    if _STAGE_NAME_AFTER.match(after):
        return "name"  # "50 Cent": a stage name, not half a dollar
    lettered = re.fullmatch(r"\d+(?:[A-Z]|[a-e])", text[start:end])  # "120B", "1b" a section, not 120 billion
    if lettered and _DESIGNATION_BEFORE.search(before):
        return "name"  # "Group 2B": a class
    if (not has_unit or lettered) and _PROVISION_BEFORE.search(text[max(0, start - 300):start]):
        return "provision"
    if not has_unit and _LAW_BEFORE.search(before) and _LAW_DATED_AFTER.match(after):
        return "provision"  # "the entire law 406 of October 20, 2023", "Decree 12/2024": a law's number
    if not has_unit and value.is_integer() and _RANKED_BEFORE.search(before):
        return "rank"  # "India ranks 182 out of 197 countries": a place in an order, not an amount
    if not has_unit and _half_point_score(text, start, end):
        return "sports_score"
    if not has_unit and value.is_integer() and (rule := _score(text, start, end, value, before, after)):
        return rule
    if not has_unit and value.is_integer() and _model_number(value, text[start:end], before, after):
        return "name"
    if not has_unit and value >= 10000 and text[start:end].isdigit() and _NAME_THEN_BRACKET.search(before) and after.startswith(")"):
        return "name"  # "the Coromandel Express (12841)": a train's, a form's or a case's number, ungrouped
    if value.is_integer() and value < 10 and _STAGE_BEFORE.search(before) and not _DECIMAL_AFTER.match(after):
        return "name"  # "the phase 3 trial", "a stage 4 cancer", "type 2 diabetes": a stage's number, not an amount
    if not has_unit and value.is_integer() and _LIST_MARK_BEFORE.search(before) and _LIST_MARK_AFTER.match(after):
        return "list_position"  # "3.) The third film", "2) Rents": a list's numbering
    if not has_unit and value.is_integer() and value < 1000 and _POSITION_BEFORE.search(before) \
            and not _DECIMAL_AFTER.match(after):
        return "position"  # "Day 3 of the strike", "Wk 2", "in Game 7": a place in a sequence
    if not spelled and re.fullmatch(r"0\d{2,}", text[start:end]):
        return "phone"  # "000", "0800": a number dialled or a code, once no time or date has claimed it
    if not has_unit and value.is_integer() and not re.fullmatch(r"[-\u2212]?\d{1,3}(?:,\d{3})+", text[start:end]) \
            and text[start] not in "-\u2212":  # a signed figure names nothing: "Midland −95, Western +380"
        plural = _WHOSE_THEN_PLURAL.match(after)
        counts_after = bool(plural) and (value < 100 or plural["noun"].lower() in _NEVER_MODELS
                                         or hedge_before(before)[0] != "exact")  # "fewer than 150 Amur leopards"
        return _name_rule(before, after, _in_headline(text, start) or counts_after)  # "33,000 Boeing machinists" names no model
    return None


def vote_split(text: str, start: int, end: int) -> bool:
    """Is the number at [start, end) one side of a vote written as a pair after a word of voting
    ("the committee voted 5-4", "a majority of 5–4", "voting five to four"): a count of votes; never a pair before a
    measure ("split duties of 9 to 11 hours" is a range)."""
    before, after = text[max(0, start - 160):start], text[end:end + 30]
    if other := _VOTE_OTHER_AFTER.match(after):
        return not _MEASURED_PAIR.match(after, other.end()) \
            and bool(_VOTE_BEFORE.search(before) or _VOTE_NOUN_AFTER.match(after, other.end()))
    if pair := _VOTE_OTHER_BEFORE.search(before):
        return not _MEASURED_PAIR.match(after) and bool(_VOTE_BEFORE.search(before[:pair.start()]) or _VOTE_NOUN_AFTER.match(after))
    return False



def _in_headline(text: str, start: int) -> bool:
    """Whether the line holding `start` is in title case ("Quake Toll Climbs To 410 & 215 Hurt In ...").

    There every word is capitalised, so a capital after a number says nothing of a name. A line is
    a headline when it is short and at least two small words ("To", "Of", "After") past its first word
    are capitalised, or when it ends with no stop and each of at least four longer words past its
    first is capitalised ("South Korea's Deadliest Plane Crash Kills 179 People")."""
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    line_end = text.find("\n", start, start + 200)
    if line_start == 0 and start >= 200 or line_end < 0 and len(text) > start + 200:
        return False  # a line of over 200 characters is no headline
    line = text[line_start:line_end if line_end >= 0 else len(text)].rstrip()
    words = re.findall(r"[A-Za-z]+", line)[1:]
    if sum(word in _TITLE_SMALL for word in words) >= 2:
        return True
    long_words = [word for word in words if len(word) >= 4]
    return len(long_words) >= 4 and not line.endswith((".", "?", "!")) and all(word[0].isupper() for word in long_words)


# A chess match's score in points, halves included: "won 2.5-1.5", "ended 1.5-0.5".
_HALF_POINTS = re.compile(r"(?<![\d.,])(\d+(?:\.5|½)?)\s?[-–]\s?(\d+(?:\.5|½)?)(?![\d,]|\.\d|\s?(?:%|per|pc)\b)")  # "10½-9½"


def _holding(pattern: re.Pattern[str], text: str, start: int, end: int, reach: int) -> list[re.Match[str]]:
    """The matches of `pattern` within `reach` characters of [start, end) that hold all of it."""
    return [match for match in pattern.finditer(text, max(0, start - reach), min(len(text), end + reach))
            if match.start() <= start and end <= match.end()]


def _half_point_score(text: str, start: int, end: int) -> bool:
    """Is [start, end) one side of a score with a half point, higher side first ("1.5-0.5")? Halves that
    make a whole together and fall, as no range is written, name points won, not an amount."""
    def points(written: str) -> float:
        return float(written.replace("½", ".5"))
    return any(re.search(r"[.½]", match.group(0)) and (high := points(match.group(1))) > (low := points(match.group(2)))
               and (high + low).is_integer() for match in _holding(_HALF_POINTS, text, start, end, 8))


# The sets of a tennis match, or the games of a series: "6-4, 3-6, 7-5".
_SCORE_LIST = re.compile(r"(?<![\d.,])\d+\s?[-–]\s?\d+(?:,\s+\d+\s?[-–]\s?\d+)+(?![\d.,]?\d|\s?(?:%|per|pc)\b)")


def _in_score_list(text: str, start: int, end: int) -> bool:
    """Is [start, end) in a list of pairs, one of them falling as no range is written ("6-4, 3-6, 7-5")?"""
    return any(int(a) > int(b) for match in _holding(_SCORE_LIST, text, start, end, 60)
               for a, b in re.findall(r"(\d+)\s?[-–]\s?(\d+)", match.group(0)))


def _score(text: str, start: int, end: int, value: float, before: str, after: str) -> str | None:
    """A sports score: "3-1", "112-104", "won 7 to 3", "bowled out for 188", "302 for 7", "a 4-under 68"."""
    if _CRICKET.search(before) or _GOLF.match(after) or _GOLF_BEFORE.search(before) or _in_score_list(text, start, end) \
            or _holding(_GAELIC, text, start, end, 20):
        return "sports_score"
    paired = _FOR_PAIR_AFTER.match(after) or _FOR_PAIR_BEFORE.search(before)  # "302 for 7"
    if (paired or _CHASING.search(before)) and _CRICKET_WORDS.search(text, max(0, start - 150), end + 150) \
            or paired and _FOR_PAIR_AGAINST.match(after):
        return "sports_score"
    window = text[max(0, start - 80):end + 60]
    if signed_column(text, start) and _SPORT.search(window):
        return "sports_score"  # "won 3 -1": a score's second number, its dash read as a sign
    pair = _SCORE_AFTER.match(after) or _SCORE_BEFORE.search(before)
    if pair and vote_split(text, start, end):
        return None  # "voted 5-4", "a majority of 5–4": the votes for and against are counts
    if pair:
        first, second = (value, int(pair.group(1))) if pair.re is _SCORE_AFTER else (int(pair.group(1)), value)
        if first < second and _MEASURED_PAIR.match(after[pair.end():] if pair.re is _SCORE_AFTER else after):
            return None  # "bows that draw at 25-30 kilograms", "drew 20-25 thousand fans": a rising range of a measure
        if 1900 <= first <= 2100:
            return None  # "2024-25" is a fiscal year, decided as a date
        signed = any(signed_column(text, at) for at in (start - 1, end + 1))
        if _SPORT.search(window) or first >= second and not signed:
            return "sports_score"  # not "161 -76" in a table: a count and a signed change
    to_before = _TO_BEFORE.search(before)
    lead = before[:to_before.start()] if to_before else before
    if (_TO_AFTER.match(after) or to_before) and _SPORT_VERB.search(lead):
        return "sports_score"
    return None


# A model number: "the 767 cargo plane", "a 747 jet", "the airline's last 747 jet". A count of 100
# or more takes a plural noun ("the 150 jets"), so a singular noun right after an article (or an
# owner) and such a number names a thing instead.
_ARTICLE_BEFORE = re.compile(r"\b(?:the|an?|its|their|[A-Za-z]+['’]s)(?:\s+(?:last|first|only|new|old|sole|iconic|famous|classic|legendary|flagship|popular|best-selling))?\s$", re.IGNORECASE)
_SINGULAR_AFTER = re.compile(r"^\s([a-z]{3,})(?:\s([a-z]{3,}))?\b(?![-'’])")
_NOT_NOUNS = IRREGULAR_PAST | frozenset("remain remains were are "
                       "have had will would could meter metre mile foot acre ton tonne pound yard inch hectare "
                       "staff crew personnel police aircraft cattle sheep fish deer people "
                       "majority mark threshold milestone barrier target goal ceiling".split())  # "the 272 majority mark"


# A relay race named by its legs and their length: "the 4x100m medley relay", "4 x 400 metres relay".
_RELAY = re.compile(r"\b\d\s?[x×]\s?\d{2,4}(?:\s?(?:m|metres?|meters?)\b)?(?=(?:\s+[a-z]+){0,2}\s+relays?\b)", re.IGNORECASE)
# A road's junctions and exits, a service or a place known by its number, alone or in a list: "between
# junctions 10 and 11", "exit 42", "Alaska Airlines flight 1282", "bus 42", "runway 34", "Wards 7 and 12", "on line 62",
# "swam in lane 4".
_NUMBERED_BEFORE = re.compile(r"\b(?:junction|exit|flight|bus|route|runway|gate|platform|highway|interstate|tram|berth|pier|ward|line|lane|"
                              r"(?-i:[Gg]ame|[Rr]ound|[Ee]pisode|[Cc]hapter)(?=s\s+\d+\s*,)|"  # "Games 3, 11 and 14"
                              r"room|(?<!in a )row|seat|H\.?R\.?|S\.)s?\s+(?:\d+[a-z]?\s*(?:,\s*|\s+(?:and|or|to)\s+))*$", re.IGNORECASE)  # "HR 5376": a bill
_PLURAL_AFTER = re.compile(r"(?:\s?[-–]\s?\d+)?\s+(?!(?:was|is|has|does|goes|says)\b)[a-z]+s\b")  # what a number counts: "62,000 spectators", "60-70 bathers"
# "pair number two", "Law No. 7" (an abbreviated "No." labels whatever word follows); not a rank ("the world number 2", "number 3 in the world": `mention_phrases`).
_NUMBER_LABEL_BEFORE = re.compile(r"(?<!world\s)(?<!current\s)(?<!now\s)(?<!still\s)(?<!already\s)\b(?:number|no\.|nr\.)\s$", re.IGNORECASE)
_RANK_AFTER = re.compile(r"^\s+in\s+the\s+world\b", re.IGNORECASE)
_STAGES = "phase|stage|tier|grade|type"
_STAGE_BEFORE = re.compile(rf"\b(?:{_STAGES})\s$", re.IGNORECASE)
_DECIMAL_AFTER = re.compile(r"^[.,]\d")
_LIST_MARK_BEFORE = re.compile(r"(?:^|\n)[ \t]*\(?$")
_LIST_MARK_AFTER = re.compile(r"^(?:\.\)|\)|\.)(?:[ \t]|$)")
_POSITION_BEFORE = re.compile(r"\b(?:wk|week|day|round|game|episode|chapter|matchday|gameweek|leg|lap)\.?\s?$",
                              re.IGNORECASE)
# A label before digits glued to one letter names a class, not billions or millions: "Group 2B",
# "Terminal 5A", "Type 1B", "clade 1b", "a phase 1b trial".
_DESIGNATION_BEFORE = re.compile(rf"\b(?:{_STAGES}|group|class|type|level|category|division|zone|gate|terminal|platform|"
                                 r"row|ward|line|route|block|list|clade|subclade|lineage|strain|variant)\s$", re.IGNORECASE)


def _model_number(value: float, number: str, before: str, after: str) -> bool:
    if not (100 <= value <= 9999 and number.isdigit() and _ARTICLE_BEFORE.search(before)) \
            or re.search(r"(?:^|[.!?]\s+|\n)Of\s+the\s+$", before):
        return False  # "Of the 120 ryokan in the town, 95 ...": a whole its part is counted from, no model's number
    words = _SINGULAR_AFTER.match(after)
    if words and words[2] and re.match(r"\s[a-z]{3,}s\b(?!['’])", after[words.end():]):
        return False  # "the 211 national member associations": two words before a plural noun describe what is counted
    nouns = [w for w in (words.groups() if words else ()) if w]
    if nouns and nouns[0] in ("they", "we", "he", "she", "it", "you", "i", "who", "which", "that"):
        return False  # "short of the 226 they needed": the number is what they needed
    if len(nouns) == 2 and (nouns[1] in NOUN_STOP or nouns[1] in _NOT_NOUNS or nouns[1].endswith("ed")):
        nouns = nouns[:1]  # "747 jet after the inspection", "a 911 call came in", "the 921 earthquake killed"
    return bool(nouns) and not any(w.endswith(("s", "ed")) and not w.endswith("us") or w in NOUN_STOP or w in _NOT_NOUNS
                                   for w in nouns)  # "the 381 bus" is a name as "the 747 jet" is


_NAME_THEN_BRACKET = re.compile(r"[A-Z][\w.-]*\s\($")
_GLUED_CAPITAL = re.compile(r"(\d+)([A-Z])$")


_PERIOD_CODE = re.compile(r"[QH](?:\d{2}|\d{4})?(?![\w-])")
# Digits glued to a capital scale letter that the text also uses as a company's name: "3M's", "3M Co.", "3M said".
_GLUED_SCALE = re.compile(r"\d{1,3}[MBK]")


def company_named(text: str, start: int, end: int) -> bool:
    """Is the number at [start, end) ("3M") written as a name the text gives a company ("3M said", "3M's filing",
    "3M Co."), so that every such "3M" in it is the company ("3M continues", "3M investors"), not 3 million?"""
    token = text[start:end]
    return bool(_GLUED_SCALE.fullmatch(token)) and bool(re.search(
        rf"(?<![\w$£€¥₹.,]){token}(?:['’]s\b|\s+(?:Co|Corp|Company|Inc|said|says|agreed|agrees|will|has|is|was)\b)", text))


def glued_name(text: str, start: int, end: int) -> bool:
    """Is the number at [start, end) glued to one capital letter right after a name ("Boeing 777F", "Unit 7B"):
    a model's or a unit's name, not 777 °F or 7 billion? A temperature's scale letter counts only above any
    weather's reading ("Phoenix 118F" is a reading)."""
    glued = _GLUED_CAPITAL.search(text, start, end)
    if not glued or text[end:end + 1].isalnum() or glued[2] in "FC" and int(glued[1]) < 200:
        return False
    return _named_before(text[max(0, start - 40):start]) or _MONTH_IN_NAME.search(text, max(0, start - 40), start) is not None


# A month's name inside a longer name, before a glued capital that no date has: "the Long March 5B rocket"
_MONTH_IN_NAME = re.compile(rf"\b[A-Z][a-z]+\s+(?:{'|'.join(month.capitalize() for month in _MONTHS.split())})\s$")


def glued_brand(text: str, end: int) -> bool:
    """Is the number ending at `end` glued to a word of capitals it reads no unit in: a brand ("7NEWS", "9News",
    "21Shares")?"""
    return _GLUED_WORD.match(text, end) is not None


_GLUED_WORD = re.compile(r"[A-Z][A-Za-z]{2,}\b")


def _named_before(before: str) -> bool:
    """Does `before` end with a name ("Model ", "Boeing "), not a function word or an owner ("Britain's ")?"""
    match = _NAME_BEFORE.search(before)
    if match and match.group(1).endswith(".") and "." not in match.group(1)[:-1] and not match.group(1)[:-1].isupper() \
            and match.group(1)[:-1].lower() not in _TITLE_ABBREVIATIONS:
        return False  # "according to the Himalayan Database. 12 people were": a sentence's end, then a count
    return bool(match) and match.group(1).lower().rstrip(".") not in _FUNCTION and not match.group(1).endswith("'s")


# Abbreviations written with a period before a number they name: "St. 12", "Vol. 3", "Fig. 2", "Op. 27" (and any in
# capitals: "EST. 12612").
_TITLE_ABBREVIATIONS = frozenset("st mt no nr vol ch fig gen rev sgt lt col capt gov sen rep pt art sec ft dr mr mrs ms prof "
                                 "jr sr ave rd op ex pp vs bros co inc corp ltd".split())  # "Super Mario Bros. 3", "EST. 12612"


def _variant(before: str) -> bool:
    """Does `before` end with a model's number and a hyphen ("Boeing 737-", "ATR 72-"), whose variant follows?"""
    match = _VARIANT_BEFORE.search(before)
    return bool(match) and (match["name"] is None or match["name"].lower() not in _FUNCTION)


_PLACE_OPENS = re.compile(r"\b(?:In|At|Across)\s+[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)?\s+$")


def _place_opens(before: str, after: str) -> bool:
    """A sentence that opens on its place, then a count: "In Kilkenny 63 clubs entered" (not "In Windows 10 the menu",
    "At Terminal 5 queues grew")."""
    place = _PLACE_OPENS.search(before)
    return bool(place) and _sentence_start(before[:place.start()]) and not _DESIGNATION_BEFORE.search(before) \
        and bool(_PLURAL_AFTER.match(after))


def _name_rule(before: str, after: str, capital_after_names_nothing: bool) -> str | None:
    """"S&P 500", "Model 3", "Channel 4" (a name before); "787 Dreamliner", "10 Downing Street" (after,
    unless the line is a headline); not a tally list's entry ("Labour has won 412, Conservatives 121"),
    nor a headline's count ("Crash Kills 179 People"). `capital_after_names_nothing` in a headline, and
    before a name and a lowercase plural ("35 Powerball drawings")."""
    if _in_tally_list(before, after) or (capital_after_names_nothing or _sentence_start(before)) and _HEADLINE_COUNTED.match(after) \
            or _TITLE_HARMED.match(after) or _place_opens(before, after):  # "72 People are believed to have died": a count capitalised at a sentence's start
        return None
    if _named_before(before) and not re.match(r"\s+times\b", after):
        return "name"  # not after an owner: "Coldplay's 156-date tour", "Britain's 650 seats"; nor "scaled Everest 28 times"
    if (named := _NAMED_PAIR_BEFORE.search(before)) and _named_before(before[:named.start(1)]):
        return "name"  # "the Nord Stream 1 and 2 pipelines", "Windows 10 and 11": the name's second number
    if not capital_after_names_nothing and before.endswith(" The ") and not _sentence_start(before[:-4]) \
            and re.match(r"^\s[A-Z][a-z]", after):
        return "name"  # a title inside a sentence: "staging The 39 Steps at Easter"
    match = None if capital_after_names_nothing or _DEMONYM_AFTER.match(after) else _NAME_AFTER.match(after)
    if match and match.group(1).lower() not in _FUNCTION and (not match.group(1).endswith("s") or match.group(1) == "Series") \
            and not _COUNTED_NAME.match(after):  # "the 500 Series Shinkansen", "a BMW 3 Series"
        place = re.match(r"^(?:\s[A-Z][a-z]+)+", after)
        return "address" if place and place.group(0).split()[-1].lower() in _PLACE_WORDS else "name"
    return None


_NAMED_PAIR_BEFORE = re.compile(r"(?<![\d,.])(\d{1,2})\s+(?:and|or|&)\s+$")

_ORDINAL_ONE = re.compile(r"\bthe\s+(?:first|second|third|fourth|fifth|last|latest|next|previous|new|same|other|only|"
                          r"biggest|largest|main)\s+$", re.IGNORECASE)
_A_KIND_ONE = re.compile(r"\b(?:an?|the)\s+(?:[a-z]{3,}er|[a-z]+(?:-[a-z]+)+|new|old|similar|different|bigger|smaller|fresh|big|small|real|right|wrong|"
                         r"good|bad|same)\s+$"
                         r"|\b(?:an?|the)\s+(?!(?:mere|further|additional|extra|single|total|estimated|approximate|full|whole|net|record)\s)"
                         r"(?-i:[a-z]{4,})\s+$", re.IGNORECASE)  # "a larger one named", "the big one they remember", "a welcome one for him"
_NAMED_AFTER = re.compile(r"\s+(?:named|called|known\s+as|dubbed)\b", re.IGNORECASE)
_ONE_DID = re.compile(r"^\s+(?:[a-z]{3,}ed|cost|costs|sold|sells|went|made|makes|brought|fetches|paid|pays)\b")
_ONE_PRONOUN = re.compile(r"^(?:\s*[,.;:)!?—–]|\s+-\s|\s*$|['’]s\s|\s+(?:it|that|which|who|he|she|they|we|you|i|before|after|in|on|at|from|"
                          r"with|for|is|was|are|were|has|had|does|did|costs?|sells?|down|up|over|near|by|under|across|beside|"
                          r"outside|inside|behind|above|below|along|there|here)\b|\s+[a-z]{3,}ed\s+(?!(?:[a-z]+\s+)?(?:is|was|were|are|has|had)\b)"
                          r"|\s+(?:[A-Z]{3}\s?|[$£€¥₹]\s?)?\d)",
                          re.IGNORECASE)  # ... "this one involved deception" (not "the one injured worker was"); "a full-size one EUR1,200"
_NO_VERB = r"(?!(?:would|will|could|can|may|might|must|should|was|were|is|are|has|had|have|did|does|do|said|says)\b)"
_ANYTHING = re.compile("")
# "one" that counts nothing, by the words before it (None: any) and after it:
_ONE_NO_COUNT: tuple[tuple[re.Pattern[str] | None, tuple[re.Pattern[str], ...]], ...] = (
    (re.compile(r"\b(?:the|this|that)\s$", re.IGNORECASE), (_ONE_PRONOUN,)),  # "the one it replaces", "this one", "the one before"
    (_A_KIND_ONE, (_ONE_PRONOUN, _NAMED_AFTER)),  # "orbits a larger one named Didymos", "a new one is planned"
    (re.compile(r"\bwhat\s$", re.IGNORECASE), (_ONE_DID,)),  # "ten times what one fetched": any one of them
    (_ORDINAL_ONE, (_ANYTHING,)),  # "the second one this year", "the latest one": which of them
    (_A_CERTAIN_BEFORE, (_PERSON_NAMED_AFTER,)),  # "the farm of one Henry Aldous": a certain person
    (re.compile(r"(?:[,”\"’]\s*(?:said|says)|\baccording\s+to)\s+$", re.IGNORECASE),  # ..." said one marine shipping expert.": a source
     (re.compile(rf"^(?:\s+{_NO_VERB}[a-z-]+){{1,4}}(?<!ed)(?=\s*[,.;:]|\s+(?:who|at|in|from|with)\b)"),)),
    (None, (re.compile(r"^\s+(?:for|in|at|from|with|on|by)\b[^.;]{0,80}?\bthe\s+other\b"),)),  # "two film crews, one for a nature
    # programme and the other for Dutch TV": one of them
    (None, (re.compile(r"^\s+[a-z]+,\s+[A-Z][a-z]+\s+[A-Z]"),  # "One resident, Julia Moss, watched": a person named
            re.compile(r"^\s+last\s+(?:chance|time|look|try|attempt|shot|hurrah|push|effort|bid)\b", re.IGNORECASE))),  # "one last chance"
)


def counted_one_of(before: str, after: str) -> bool:
    """Is this "one" a hedged one of a counted whole ("Only one of the 38 boats", "just one of the organ's 4,200
    pipes"), a count of one, where a bare "one of the" is a phrase?"""
    return bool(_HEDGED_ONE_BEFORE.search(before) and _OF_COUNTED_WHOLE.match(after))


# The second end of a range written in two number words, before the plural it counts: "closed for six-seven months".
_WORD_PAIR_AFTER = re.compile(r"-([a-z]+)\s+[a-z]{3,}s\b", re.IGNORECASE)
_PLURAL_NEXT_WORD = re.compile(r"\s+[a-z]{3,}s\b")


def _spelled_rule(text: str, start: int, end: int, value: float, before: str, after: str) -> str | None:
    """Number words in names ("Big Four"), phrases ("one of the", "the two sides"), compounds ("two-horse")."""
    words = text[start:end]
    first = words.split()[0].split("-")[0].lower()
    if first not in UNITS and first not in TENS:
        return None
    if words[0].isupper() and not _sentence_start(before) and not _TITLED_SPAN.match(after):
        return "name"  # "the Big Four"; not "Copper Climbs To Two-Year High", a headline's span of time
    if words == "ten" and re.search(r"\b[A-Z][a-z]+\s$", before) and re.match(r"\s[A-Z][a-z]", after):
        return "name"  # "Erik ten Hag": the particle of a Dutch surname, between two capitalised names
    if text[end:end + 1] == "-" and (not _HYPHEN_OK.match(after) or value == 1 and after.lower().startswith("-time")) \
            and not ((pair := _WORD_PAIR_AFTER.match(after)) and UNITS.get(pair[1].lower(), 0) > value):
        return "phrase"  # "a two-horse race", "a one-off", "a one-time bonus" (once only; "a two-time champion" counts)
    joined = re.search(r"\b([a-z]+)-$", before, re.IGNORECASE)
    if joined and UNITS.get(joined.group(1).lower(), value) < value and _PLURAL_NEXT_WORD.match(after):
        return None  # "closed for six-seven months": a range's second end
    if joined and joined.group(1).lower() in UNITS:
        return "phrase"  # "the one-two punch": a sequence of number words, no amount
    if joined and joined.group(1).lower() not in TENS and joined.group(1).lower() not in ("by", "to", "or", "and", "x"):
        return "name"  # "the board-one game", "from day-one": a number that ends a name, no count
    if value in (4, 8, 16) and re.search(r"\bfinal\s$", before, re.IGNORECASE) and not re.match(r"\s+[a-z]+s\b", after):
        return "name"  # "the handball final four in Herning": a tournament's last stage (not "the final four games")
    if value < 100 and _POSITION_BEFORE.search(before) and not re.match(r"\s+[a-z]+s\b", after):
        return "position"  # "closed day two on 87 for 3", "in round three": a place in a sequence
    if words.lower() == "one" and (_ONE_NOT.match(after) or re.search(r"\bat\s+$", before, re.IGNORECASE)) \
            and not (_HEDGED_ONE_BEFORE.search(before) and _ONE_VERB_AFTER.match(after)) and not _in_tally_list(before, after) \
            and not _MARGIN_BEFORE.search(before) and not _ONE_LISTED.match(after) \
            and not (re.search(r"\bat\s+least\s+$", before, re.IGNORECASE) and re.match(r"\s+of\s", after)):
        return "phrase"  # "one of the", "one another", "at one point"; not "..., Alliance one, UUP one", "at least one of its"
    if value <= 10 and _FOR_PAIR_BEFORE.search(before) and _CRICKET_WORDS.search(text, max(0, start - 150), end + 150):
        return "sports_score"  # "301 for six": runs for wickets
    if re.search(rf"\b{re.escape(words)}\s+by\s+$", before, re.IGNORECASE):
        return "phrase"  # "one by one", "two by two": one at a time, no count
    if words.lower() == "one" and (any(
            (said_before is None or said_before.search(before)) and any(p.match(after) for p in said_after)
            for said_before, said_after in _ONE_NO_COUNT)
            or _sentence_start(before) and re.match(r"^\s+day\b", after, re.IGNORECASE)):  # "One day, ..."
        return "phrase"
    if 2 <= value <= 12 and re.search(r"\ball\s$", before, re.IGNORECASE) \
            and re.match(r"^(?:\s*[,.;:)]|\s+(?:from|of|were|are|was|is|have|has|had|will|would|could|to|in|on|at|said|say|[a-z]{3,}ed)\b)",
                         after) \
            and not part_of_whole(text, end):
        return "phrase"  # "barred all three from", "all three of the major indexes", "all four agreed": the ones just named, no count ("all
        # four of its runways" counts runways)
    if 2 <= value <= 6 and re.search(r"\bthe\s+big\s$", before, re.IGNORECASE):
        return "phrase"  # "the big two attar houses", "the big three carmakers": the leaders of a trade, a name for them
    if _definite_group(value, before, after):
        return "phrase"  # "the two sides", "the other three countries", "the three were": a definite group, not an amount
    return None


_NO_NOUN_AFTER = re.compile(r"^(?:\s*[,.;:)]|\s+(?:were|are|was|is|have|has|had|will|would|could|of|from|to|in|on|at|for|with)\b"
                            r"|\s+[a-z]{3,}ed\s+(?:for|to|in|on|at|by|with|about|over)\b)", re.IGNORECASE)  # "the top six accounted for"


def _definite_group(value: float, before: str, after: str) -> bool:
    """"the two sides", "the two clubs", "the other three countries", "the three were": a group the
    story has named, not an amount. A pair is read so whatever its noun; a larger group only after
    "other" or with no noun of its own ("the five people on board" counts them). Never a hurt or
    compound count, a span of time or a share ("the two consecutive declines", "the two-mile deep
    wreck", "the two years")."""
    if not (2 <= value <= 12 and re.search(r"\bthe\s(?:other\s|top\s|bottom\s)?$|\b(?:the|those|these)\s(?:latter|former)\s$", before,
                                           re.IGNORECASE)):
        return False
    if _HARMED_AFTER.match(after) or _HYPHEN_OK.match(after) \
            or re.match(r"^\s+(?:or|to)\s+[a-z]+\b", after) \
            or re.match(r"^\s+(?:consecutive|straight|successive|on\s+board|aboard)\b", after, re.IGNORECASE) \
            or re.match(r"^[\s-](?:years?|months?|weeks?|days?|hours?|quarters?|decades?|percent|per cent)\b", after):
        return False
    return value == 2 or bool(re.search(r"\bother\s$", before, re.IGNORECASE) or _NO_NOUN_AFTER.match(after))


def _in_tally_list(before: str, after: str) -> bool:
    """A number after a name in a list of names with their numbers, such as seats won or medals
    ("Labour has won 412, Conservatives 121, ..., Green four, ... and UUP one"): the entry before
    or after it is a name and a number too, and the list has three entries at least ("Windows 10
    and Windows 11" is two names)."""
    if _INDEX_NAME.search(before):
        return False
    if RUN_ROW.fullmatch((before.rpartition("\n")[2] + "0" + after.partition("\n")[0]).strip()):
        return True  # a table flattened into one line: "Alliance Won NDA 292 INDIA 234 Other 17"
    if _COUNTED_WIDE.search(before) and (_CLAUSE_END.match(after) or _TALLY_NEXT.match(after)):
        return True
    if not (_LIST_PREV.search(before) or _LIST_NEXT.match(after)) or not _NAME_BEFORE.search(before):
        return False
    return len(_LIST_ENTRY.findall(before)) + len(_LIST_ENTRY.findall(after)) >= 2 or bool(_COUNTED_PREV.search(before)) \
        or bool(_COUNTED_TWO_BACK.search(before))


# A wire story's dateline opens its first sentence: "CHICAGO –", "NEW YORK, Feb 12 (Reuters) -",
# "CHICAGO (August 29, 2024) –".
_DATELINE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z.'’ -]{1,30}(?:,[^\n()–—]{1,30})?(?:\s*\([^()\n]{1,40}\))*\s*[-–—]\s*$"
                       r"|\([A-Z][A-Za-z .]{1,25}\)\s*[-–—]\s*$"  # "(Reuters) -Five people aboard"
                       r"|(?:^|\n)[ \t]*(?:[A-Z][a-z]+day,?\s+)?[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}\s*[-–—]\s*$")  # "Tuesday, May 7, 2024 –"


def _sentence_start(before: str) -> bool:
    stripped = before.rstrip(" \"“‘('")
    return not stripped or stripped[-1] in ".!?\n:" or bool(_DATELINE.search(before))
