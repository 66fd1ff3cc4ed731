"""Stage (mentions, signs): is a number the size of a movement, and which way did it go?

A direction is given only to a change, never to the level a movement reaches: in "rose 6.5% to
164p" the 6.5% is up and the 164p has none. A change is read from
- the verb right before it ("contracted 3.2%", "fell by 4%", "cut its rate by 25 basis points",
  "shrank an annualized 0.4%", "shrank (at) an annualized rate of 0.4%", "lower rates another half point",
  "cut 15% of its workforce", "axing 2,400 jobs", "sinking over 30%");
- "up"/"down" right before it ("up 20% on a year ago"), unless it only finishes a phrasal verb
  ("locked down four years ago", "made up 40% of exports");
- a movement noun ("a 0.7% dip", "a 40 bps cut", "growth of 2.5%", "100bp of easing", "a full
  percentage point in cuts"), and for a percentage a loss ("a 22.7% weight loss");
- a comparison with an earlier time ("three times higher than before", "12% smaller"), and a spread's
  basis points "tighter" or "wider".
A length moved along a path or written as a size is no change ("slid 60 feet down an embankment",
"down a 60-foot embankment", "panels of 2 metres by 3 metres"), nor is a count whose things move ("40 balloons
rise over the field"); when two by-verbs precede a number, the nearer one sets its way.
`change_at` returns the direction and the words that set it, which the Mention keeps as its cue.
A move "from A to B" takes its way from a verb a few words before it (`moved_object`: "cut its rate
from 4.25% to 4%"), or, for a verb that names no way ("revised", "went"), from the ends as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .mention_periods import DAY_OR_MONTH, MONTH_NAME

DOWN_VERBS = (
    "pared back|pared|collapsed|collapses|collapsing|fell|falls?|falling|fallen|dropped|drops?|dropping|declined|declines?|declining|decreased|decreases?|decreasing|"
    "contracted|(?<!the )(?<!his )(?<!her )(?<!its )(?<!new )(?<!a )(?<!their )contracts|(?<=to |ll |ld |ay |ht )contract|contracting|shrank|shrunk|shrinks?|shrinking|slid|slides?|sliding|slipped|slips?|slipping|sank|sinks?|"
    "sunk|tumbled|tumbles?|plunged|plunges?|plummeted|plummets?|slumped|slumps?|eased|eases?|easing|"
    "retreated|retreats?|retreating|dipped|(?<!each )(?<!every )(?<!a )(?<!the )(?<!his )(?<!her )dips?|dipping|dives?|diving|sagging|sags|skidding|skids|shedding|narrowed|narrows?|narrowing|down|shed|sheds|crashed|(?<!the )(?<!a )(?<!its )(?<![0-9] )crash|dived|tanked|tanks|tanking|sagged|skidded|"
    "dwindled|dwindles?|dwindling|cooled|cools|"
    "cratered|nosedived|nose-dived|nosedives?|nosediving|weakened|depreciated|fell back|falling back|falls back|fallen back|slowed|receded|sinking|plunging|plummeting|crashing|tumbling|slumping|shortened|shortens?|"
    "tightened|tightens?|tightening|"  # a spread "tightened 12bp" narrowed; "prices crash by 14%" ("crashes" is left out:
    # "a bug crashes 8.5 million devices" counts what crashed)
    "wiped|wipes|wiping|erased|erases|erasing|shaved|shaves|shaving|trimmed|trims|trimming|compressed|compresses|compressing|"  # "wiped $100 billion off its market value"
    # cutting what one has: "cut 15% of its workforce", "axing more than 15,000 jobs", "laying off 1,800"
    "cut|cuts|cutting|slash|slashed|slashes|slashing|axe|axed|axes|axing|lay off|lays off|laying off|laid off|eliminated|eliminates|"
    "eliminating|forgo|forgoes|forgoing|forwent|forgone|"  # "will forgo 50% of his monthly salary"
    # a market's "off": "shares were off 14%", "closed off 3.2%" (not "is off by one point", wrong by that much)
    "(?:(?<=were )|(?<=was )|(?<=is )|(?<=are )|(?<=closed )|(?<=ended )|(?<=finished )|(?<=trading )|(?<=traded ))off(?! by)"
)
UP_VERBS = (
    "rose|rises?|rising|risen|grew|grows?|growing|grown|increased|increases?|increasing|climbed|climbs?|climbing|"
    "jumped|jumps?|jumping|gained|gains?|gaining|surged|surges?|surging|soared|soars?|soaring|rallied|rall(?:y|ies)|"
    "advanced|(?<!that )(?<!this )(?<!the )(?<!an )(?<!its )(?<!cash )advances?|expanded|expands?|expanding|widened|widens?|widening|added|adds|adding|add|ballooned|spiked|leapt|leaped|"
    "rebounded|recovered|accelerated|up|strengthened|appreciated|swelled|doubled|tripled|firmed|firms|firming|lengthened|lengthens?|"
    "thickened|thickens?|thickening|deepened|deepens?|deepening|warmed|warms|"
    "improved|improves|improving"
)
BY_DOWN = ("cut|cuts|cutting|reduced|reduces?|reducing|lowered|lowers?|lowering|slashed|slash(?:es)?|trimmed|trims?|trimming|"
           "squeezed|squeezes?|squeezing|whittled|whittles?|whittling|thinned|thins?|thinning|"
           "devalued|devalues?|devaluing|drawn down|drew down|draws? down|drawing down")  # a reserve "drawn down by"
BY_UP = ("raised|raises?|raising|enlarged|enlarges?|enlarging|lifted|lifts?|lifting|hiked|hikes?|boosted|boosts?|increased|extended|extends?|extending|"
         "blew out|blown out|blows? out|stretched|stretch(?:es)?")  # spreads that "blew out by 85 basis points" widened
# With "a" or "an", any one word of praise or size between ("by a stunning 117,000", "jumped a whopping 48%"),
# but no fraction or time ("by a third", "a year").
_ADV = (r"(?:(?:by|at|a further|a cumulative|another|a total of|a combined|an average of|on average|"
        r"an?\s+(?!(?:third|quarter|half|fifth|tenth|year|month|week|day|decade|time|times|percentage)\b)[a-z]{3,}|"
        r"an?|some|sharply|steeply|just|only|a record|record|between|"
        r"annuali[sz]ed|annual|real|seasonally[\s-]adjusted|inflation[\s-]adjusted)\s+)*")
_MORE = r"(?:another|a further|an additional)\s+"
# A moving verb that is no adjective of the price: "lifted prices 12%", not "the lower rate" or "a cut price".
_NOT_ADJECTIVE = r"(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<!\bits\s)"
# A price, rate or output a verb moves, and what it is the price of: "prices ", "the price of its flagship phone ",
# "fares on the route ", "interest rates ", "German toy turnover ", "output ".
_PRICED = (r"(?:(?:the|its|their|his|her|our)\s+)?(?:[A-Za-z-]+\s+){0,3}?(?:prices?|fares?|tariffs?|fees?|rents?|charges?|rates?|quotas?|premiums?|wages?|salaries|pensions?|bills?|tolls?|"
           r"output|production|turnover|sales|revenues?|exports|imports|spending|profits?|earnings)\s+"
           r"(?:(?:of|for|on)\s+(?:(?!(?:to|from|at|by|between|and|or)\b)[\w'’-]+\s+){1,4}?)?")
_OWNED = (r"(?:its|their|his|her|our)\s+(?:(?!(?:to|from|at|by|of|in|on|for|with|and|or|than|as)\b)[A-Za-z-]+\s+){1,3}?"
          r"(?!to\b|from\b)")  # "its Latvian workforce ", never a level after it ("increased its tally to 99 seats")
# What a change is in, up to the "of" before its size, within one phrase: "a reduction in ER visits of".
_IN_WHAT = r"(?:(?!\b(?:after|before|while|than|and|but|as|compared|since|from|to)\b)[^.;:!?\d]){1,60}?"
NOUNS_DOWN = ("(?-i:[Dd]ips?)|drops?|declines?|falls?|cuts?|reductions?|decreases?|contractions?|slumps?|plunges?|slides?|tumbles?|easing|retreat|"
              "wipeouts?|routs?|sell-?offs?|"
              "negative\\s+impacts?|"
              "devaluations?|depreciations?")
NOUNS_UP = "rises?|increases?|gains?|jumps?|hikes?|surges?|growth|expansions?|rally|climb|tightening|uplift|boost|improvement"


@dataclass(frozen=True)
class Change:
    """A number read as the size of a movement: its direction and the words that say so."""

    direction: str
    cue: str
    by_noun: bool = False  # set by a noun ("growth of 2%", "a 0.7% dip") rather than a verb


# One character of the clause between a verb and its "by": no sentence's end, but a decimal point ("reduce their $4.2 billion
# in funded debt by $3 billion").
_WITHIN_CLAUSE = r"(?:[^.;:!?]|(?<=\d)\.(?=\d))"
_NOT_NOUN = _NOT_ADJECTIVE + r"(?<!['’]s\s)"
# ... whose "by" names no doer of another verb: "stretches 1.6 miles and was used by 12 million vehicles".
_NOT_AGENT = r"(?<![a-z]ed\s)(?<![a-z]en\s)\b"


def _compile() -> list[tuple[re.Pattern[str], str]]:
    adv = _ADV
    return [
        (re.compile(rf"(?<!-)\b({DOWN_VERBS})\s+{adv}$", re.IGNORECASE), "down"),  # not "a jaw-dropping 753,112"
        (re.compile(rf"(?<!-)\b({UP_VERBS})\s+{adv}$", re.IGNORECASE), "up"),
        # "cut the odds of a hospital stay, a transplant or death from liver disease by 31%"
        # (the verb is no noun after an owner or an article: "cut Isparta's rose harvest by a third"; nor an owner itself: "cut a
        # storm surge's height by up to 50 centimetres")
        (re.compile(rf"{_NOT_NOUN}\b({DOWN_VERBS}|{BY_DOWN})\b(?!['’]s\b)(?:\s+|{_WITHIN_CLAUSE}{{0,90}}?{_NOT_AGENT})by\s+{adv}$", re.IGNORECASE), "down"),
        (re.compile(rf"{_NOT_NOUN}\b({UP_VERBS}|{BY_UP})\b(?!['’]s\b)(?:\s+|{_WITHIN_CLAUSE}{{0,90}}?{_NOT_AGENT})by\s+{adv}$", re.IGNORECASE), "up"),
        (re.compile(rf"(?<!vertical\s)(?<!sheer\s)(?<!elevation\s)\b({NOUNS_DOWN})\s+of\s+{adv}$", re.IGNORECASE), "down"),  # not
        # "a vertical drop of 157 metres", a height
        (re.compile(rf"\b({NOUNS_UP})\s+of\s+{adv}$", re.IGNORECASE), "up"),
        (re.compile(rf"\b({UP_VERBS})\s+(?:at\s+)?an?\s+(?:[a-z]+\s+){{0,2}}(?:rate|pace)\s+of\s+{adv}$", re.IGNORECASE), "up"),
        (re.compile(rf"\b({DOWN_VERBS})\s+(?:at\s+)?an?\s+(?:[a-z]+\s+){{0,2}}(?:rate|pace)\s+of\s+{adv}$", re.IGNORECASE), "down"),
        # "to lower rates another half point", "raise rates a further 25 basis points"
        (re.compile(rf"\b({BY_DOWN})\s+(?:\w+\s+){{1,2}}{_MORE}$", re.IGNORECASE), "down"),
        (re.compile(rf"\b({BY_UP})\s+(?:\w+\s+){{1,2}}{_MORE}$", re.IGNORECASE), "up"),
        # "a reduction in ER visits [emergency room visits] of 12%", "an increase in sales of 4%"
        (re.compile(rf"\b({NOUNS_DOWN})\s+in\s+{_IN_WHAT}\bof\s+{adv}$", re.IGNORECASE), "down"),
        (re.compile(rf"\b({NOUNS_UP})\s+in\s+{_IN_WHAT}\bof\s+{adv}$", re.IGNORECASE), "up"),
        # a price moved with no "by": "lifted prices 12%", "cut the price of a loaf 10p"
        (re.compile(rf"{_NOT_ADJECTIVE}\b({BY_DOWN}|{DOWN_VERBS})\s+{_PRICED}{adv}$", re.IGNORECASE), "down"),
        (re.compile(rf"{_NOT_ADJECTIVE}\b({BY_UP}|{UP_VERBS})\s+{_PRICED}{adv}$", re.IGNORECASE), "up"),  # "grew its sales of
        # cheese 25%"
        # ... or what the subject owns: "grew its field 15%", "cut its workforce 5%", "raised its dividend 10%"
        (re.compile(rf"{_NOT_ADJECTIVE}\b({BY_DOWN}|{DOWN_VERBS})\s+{_OWNED}{adv}$", re.IGNORECASE), "down"),
        (re.compile(rf"{_NOT_ADJECTIVE}\b({BY_UP}|{UP_VERBS})\s+{_OWNED}{adv}$", re.IGNORECASE), "up"),
        # a passive with no "by": "the loan was raised 25 basis points", "rates were lowered half a point"
        (re.compile(rf"\b(?:was|were|been|be|is|are)\s+(?=[a-z]*(?:ed|cut)\b)({BY_DOWN})\s+{adv}$", re.IGNORECASE), "down"),
        (re.compile(rf"\b(?:was|were|been|be|is|are)\s+(?=[a-z]*ed\b)({BY_UP})\s+{adv}$", re.IGNORECASE), "up"),
    ]


_BEFORE = _compile()
# A noun of change, a dash, then its size: "the deepest cuts — 480,000 tonnes", "the biggest rise – 12%"
_NOUN_DASH = re.compile(rf"\b(?:(?P<down>{NOUNS_DOWN})|{NOUNS_UP})\s*[—–]\s*{_ADV}$", re.IGNORECASE)
# "down"/"up" that only finish a phrasal verb: "locked down four years ago", "made up 40% of exports",
# "wrote down $2bn" (a write-down's size), "picked up 2,760 bottles", "handed down a 20-year term", "the dig
# turned up 40 coins", "soaked up millions of euros", "snapped up 300 homes", "divers brought up 1.8 tonnes", "put
# down $1.2 million to win", "wolfed down 62 hot dogs", "gunned down 5 people" (not "put up prices by": only "down").
_PARTICLE_VERB = re.compile(
    r"\b(?:lock|locks|locked|locking|shut|shuts|shutting|broke|break|breaks|broken|calm|calmed|crack|cracked|"
    r"clamp|clamped|set|sets|settle|settled|sit|sat|lay|laid|hunker|hunkered|wound|tied|sign|signed|back|backed|"
    r"step|stepped|knock|knocked|struck|voted|hand|handed|take|takes|taking|took|taken|shot|bogged|make|makes|made|making|sum|summed|"
    r"drew|drawn|line|lined|team|teamed|gave|give|given|gives|giving|rack|racks|racked|racking|rang|rung|chalk|chalked|"
    r"clock|clocked|write|writes|wrote|written|writing|pick|picks|picked|picking|chase|chased|chasing|"
    r"turn|turns|turned|turning|dig|digs|dug|digging|show|shows|showed|shown|"
    r"soak\w*|snap|snaps|snapped|snapping|scoop\w*|buy|buys|bought|buying|use|uses|used|using|eat|eats|ate|eaten|"
    r"gobbl\w*|swallow\w*|mop|mops|mopped|mopping|stump\w*|cough\w*|rustl\w*|tot|tots|totted|totting|"
    r"bring|brings|brought|bringing|haul\w*|dredg\w*|churn\w*|serv(?:e|es|ed|ing)|"
    r"walk\w*|hik(?:e|es|ed|ing)|march\w*|trudg\w*|stroll\w*|scrambl\w*|ride|rides|rode|riding)\s+(?:down|up)"
    r"(?:\s+\S+){0,2}?\s*$"
    r"|\b(?:put|puts|putting|wolf\w*|scarf\w*|gulp\w*|chow\w*|wash\w*|jot\w*|gun|guns|gunned|gunning|mow\w*)\s+down"
    r"(?:\s+\S+){0,2}?\s*$",
    re.IGNORECASE)
# "forced down" before a count of things is what was done to them ("forced down 39 hot dogs", "forced down two drones"),
# not "prices were forced down 5%" (`change_at` asks it only of counts).
_FORCED_DOWN = re.compile(r"\bforc(?:e|es|ed|ing)\s+down(?:\s+\S+){0,2}?\s*$", re.IGNORECASE)
_PERCENT = re.compile(r"%|per\s?cent", re.IGNORECASE)
# A grower's crop, not a rise: "grew 390 tonnes of saffron", "grows nine-tenths of the world's saffron" (the verb alone
# before the number, what was grown after it; "grew by 390 tonnes" and "exports grew 3% to" stay rises).
_GROWN = re.compile(r"gr(?:ew|ow|ows|own|owing)", re.IGNORECASE)
_CUT = re.compile(r"cut(?:s|ting)?", re.IGNORECASE)
_MINED_OF = re.compile(r"\s+of\s+(?:[a-z-]+\s+){0,3}?(?:salt|coal|stone|rock|marble|granite|slate|limestone|sandstone|peat|turf|ice|"
                       r"timber|logs?|wood|blocks)\b", re.IGNORECASE)
_GROWN_OF = re.compile(r"\s+of\s+(?:(?:the\s+)?(?:world|country|nation|region|state)['’]s\s+|all\s+)?(?!(?:the|its|their|his|her|our|a|an)\b)"
                       r"[a-z]", re.IGNORECASE)
# Money or points put up right before the number ("put up a $5m prize pool", "she put up 33 points"), not "put up the
# price by €3".
_PUT_UP = re.compile(r"\b(?:put|puts|putting)\s+up$", re.IGNORECASE)
# Verbs that, right before a count, say what was done to the things counted, not how far a count
# fell: "a faulty update crashed 8.5 million computers", "the storm sank two ferries".
DONE_TO_COUNTED = frozenset({"crashed", "sank", "sunk"})
# "lost 12% of its value" and "lost $12bn" are falls; "lost four of its schools" and "lost by 106 runs" are not.
# What is held, so that losing some is a fall: "lost 12 seats", "losing 3,000 jobs", "lost 900,000 landline users"
# (the last word of the unit).
HELD_COUNTS = frozenset("seats jobs members subscribers customers users viewers followers votes beds outlets branches stores shops pubs visits "
                         "visitors listeners readers tourists pupils students"
                         .split())
_LOST = re.compile(rf"\b(lost|loses|losing|lose|wip(?:e|es|ed|ing)\s+out)\s+(?:(?:investors|shareholders|taxpayers|customers|clients|savers|depositors|"
                   rf"them|him|her|us|the\s+(?:company|firm|bank|state|government|city))\s+)?{_ADV}$", re.IGNORECASE)  # "lost investors $660m"


def lost_before(before: str) -> bool:
    """Does `before` end with a verb of losing ("lost ", "wiped out ")? What follows is a fall whatever its hedge
    ("wiped out over $589 billion"), where "over" after a verb of movement says where a level got to."""
    return bool(_LOST.search(before))


_LOSS_OF = re.compile(rf"\b(?:loss|losses)\s+of\s+{_ADV}$", re.IGNORECASE)
_LOSS_AFTER = re.compile(r"^\s+(?:(?!of\b|in\b|the\b|and\b|to\b|on\b|for\b)[a-z-]+\s+)?loss(?:es)?\b", re.IGNORECASE)
# One movement said to be of its size: "the real cut would be about 1 million", "the rise was 4%" (one movement, not
# "job cuts were 2,000").
_MOVE_IS = re.compile(rf"\b(?:(?P<down>dip|drop|decline|fall|cut|reduction|decrease|contraction|slump|loss)|rise|increase|gain|jump|hike|surge)"
                      rf"\s+(?:(?:would|will|could|may|might)\s+be|was|is|came\s+to|amounted\s+to|totall?ed)\s+{_ADV}$", re.IGNORECASE)
# The staff that job cuts affect: "job cuts today, affecting 10,000 employees", "layoffs affect around 5 percent of its workforce".
_CUTS_AFFECTING = re.compile(rf"\b(?:job\s+cuts|layoffs|lay-offs|redundancies)\b[^.;:!?]{{0,40}}?\baffect(?:s|ed|ing)?\s+{_ADV}"
                             r"(?:(?:about|around|roughly|nearly|almost|some|more\s+than|over|up\s+to)\s+)?$", re.IGNORECASE)
_LIES_WITHIN = re.compile(r"\b(?:to\s+fall\s+(?:between|within|in(?:to)?)|falls?\s+within|"
                          r"fall(?:s|ing)?\s+in(?:to)?\s+the\s+range\s+of)\s+$", re.IGNORECASE)
_TO_FALL = re.compile(r"\bto\s+fall\s+$", re.IGNORECASE)  # with "between A and B" or "within A" after it
# The word between the number and its movement noun describes the movement ("a 3% annual rise"); a
# verb of seeing or saying there makes the noun its object ("45 economists expecting growth to slow").
_SEEING = r"(?:see|sees|saw|seeing|expect\w*|predict\w*|forecast\w*|show\w*|say|says|said|saying|project\w*|" \
          r"anticipat\w*|estimat\w*|call\w*|report\w*)\b"
_NOT_DESCRIBING = r"(?:of|in|the|and|to|on|for|before|after|while|when|as|then|than|but|amid|despite|remain\w*|last|this|next|every|" \
                  r"are|were|is|was|be|been|being|have|has|had|will|would|could|may|might|can|must|should)\b"
_NOUN_AFTER = re.compile(rf"^\s+(?:(?!{_NOT_DESCRIBING}|{_SEEING})[a-z-]+\s+)?"
                         rf"(?:(?P<down>{NOUNS_DOWN})|(?P<up>{NOUNS_UP}))\b(?!\s+(?:due|through|into)\b)", re.IGNORECASE)
# (not "$6B falls due", nor "a 55-metre trench cut through the peat": a way made, no fall)
# Things counted that then act on an object: "38 sawmills cut 2,000 jobs", "its 12 mills still cuts oak". The
# noun after them is their verb, not a cut or rise they measure (unlike "a 50 bps cut", "3,000 jobs cut in Ohio").
_COUNTED_SUBJECT = re.compile(r"\s(?!(?:bps|points|pips|cents|pence|basis)\b)[a-z]{3,}s$")
# ... and one thing so counted: "A single miner still cuts salt by hand"
_ONE_SUBJECT = re.compile(r"(?:an?\s+single|one)\s+(?:[a-z-]+\s+){0,3}[a-z]{3,}", re.IGNORECASE)
# ... or that do something with no object, in the verb's plain form after a plural: "40 balloons rise over the field"
# (not "3,000 jobs cut in Ohio", where "cut" is what was done to them).
_BASE_VERB = re.compile(r"^\s+(?:rise|fall|drop|climb|dip|jump|surge|slump|plunge|slide|tumble|decline|gain)$", re.IGNORECASE)
_OBJECT = re.compile(r"\s+(?:\d|(?:the|a|an|its|their|his|her|our|some|more|back)\b|(?!(?:in|on|at|by|for|from|to|of|and|or|"
                     r"but|as|over|with|after|since|this|last|next|during|amid|than|while|because|across)\b)[a-z]+\b)")
# (Money "in losses" is an amount of losses, no fall of it: the labelling stage signs a company's result, `losses`.)
_OF_AFTER = re.compile(r"^\s+(?:of|in)\s+(?:(?-i:[A-Z][A-Za-z]+)\s+)?(?:(?P<down>easing|cuts|rate cuts|declines|losses)|"
                       r"(?P<up>tightening|hikes|rate hikes|increases|gains))\b", re.IGNORECASE)
# What is cut, as the subject of a passive cut: "about 1,200 jobs will be cut", "450 roles were axed", "the 18,000
# positions that were cut" (not the
# whole a part is cut from: "a tenth of the 3,000 workers will be laid off").
_CUT_AFTER = re.compile(r"^\s+(?:(?:that|which)\s+)?(?:(?:will|would|could|may|might|to)\s+(?:have\s+)?(?:be|been)|(?:are|were|is|was)(?:\s+being)?|"
                        r"(?:have|has|had)\s+been)\s+"
                        r"(?:(?:further|also)\s+)?(?P<down>cut(?!\s+(?:off|for|into)\b)|axed|eliminated|shed|slashed|laid\s+off)\b",
                        re.IGNORECASE)
# (not what "were cut off" from a service: "10 million Australians were cut off from the internet", nor what is cut for
# its use or into pieces: "tens of thousands of trees are cut for resin", "the logs were cut into planks")
_WHOLE_BEFORE = re.compile(r"\bof\s+(?:the|its|their|[A-Z][\w'’.-]*['’]s)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_MULTIPLE = re.compile(r"(?:times|fold|double|triple|twice|thrice)$", re.IGNORECASE)  # "five times cheaper": a ratio, not a fall of five
# A multiple of an earlier level is a rise: "2.5 times what it was in 2019", "double the number in 2021", "nearly
# double the price two years ago", "twice that of last year", "double last winter's price", "twice what they paid in
# March", "four times what shoppers paid", "three times what a net fetched", "three times what the same dealer paid",
# "1.8 times last season's pace", "twice last winter's thickness", "1.5 times last year's,", "double
# the pre-pandemic rate", "twice the rate of the previous period", "tenfold their pre-pandemic
# level", "three times their level before the drought", "three times as many visitors this year as in 2022", "twice as
# long as in 2023", "three times as often as in 2019", "five times as much as they did in the 1990s" (not "ten times as
# much as a year of hand-winding", nor "as many as the old one", another thing).
_OF_EARLIER = re.compile(r"^\s+(?:what\s+(?:it|they|we|you|he|she)\s+(?:was|were|did|had|paid|cost|charged|earned|fetched|made|sold\s+for)|"
                         r"what\s+(?:(?:a|an|one|the)\s+)?(?:(?-i:[a-z]+)\s+)?(?-i:[a-z]{3,})\s+(?:paid|charged|earned|fetched|cost|sold\s+for)|"
                         r"last\s+(?:year|season|month|week|winter|summer|spring|autumn)['’]s(?:\s+(?:[a-z-]+\s+)?[a-z]{3,}|(?=\s*(?:[,.;:)]|$)))|"
                         r"(?:the|its|their)\s+(?:number|level|figure|amount|total|"
                         r"count|rate|size|price|cost)\s+(?:before\s+(?:the|its|their)\s+[a-z-]+|(?:in|of)\s+(?:(?:19|20)\d\d|last|a\s+(?:year|decade)|"
                         r"the\s+(?:previous|prior|preceding)\s+(?:period|year|quarter|month|season|decade))|"
                         r"(?:of\s+)?(?:a|one|two|three|four|five|ten|\d+)\s+(?:years?|decades?)\s+ago)|"
                         r"(?:that|those)\s+of\s+(?:(?:19|20)\d\d|last\s+(?:year|season|month)|a\s+(?:year|decade)\s+(?:ago|earlier)|"
                         r"the\s+(?:previous|last|prior|preceding)\s+[a-z-]+)|"  # "roughly double those of the previous championship"
                         r"what\s+(?:(?:a|an|one|the)\s+)?(?-i:[a-z]{3,})\s+(?:competed|played|worked)\s+for\s+in\s+(?:the\s+)?(?:19|20)\d\d(?:['’]?s)?|"
                         r"(?:the|its|their)\s+(?:pre-[a-z]+|(?:19|20)\d\d|earlier|previous|former)\s+(?:levels?|figures?|totals?|peak|rates?|prices?|costs?|"
                         r"fares?|fees?|numbers?|pace)|"
                         r"as\s+(?:many|much|long|high|large|big|expensive|costly|often|far|fast|quickly|deep|wide|heavy|tall)\b[^.;:]{0,60}?\bas\s+"
                         r"(?:in\s+(?:19|20)\d\d|in\s+the\s+same\s+(?:day|week|month|quarter|period|season)|"
                         r"last|a\s+(?:year|decade)\s+(?:ago|earlier|before)|before|(?:it|they)\s+(?:was|were|did|had)\s+in\s+(?:the\s+)?(?:19|20)\d\d|"
                         r"the\s+(?:year|season)\s+before))\b", re.IGNORECASE)
# ... and the same thing at another time: "than it was before the lagoon opened", "than it did in 2021", "than in the same
# month of 2019", "than in January"
# ... or the earlier amount itself: "40% lower than the 90 billion yen of the same quarter last year", or an
# earlier estimate of it: "two more than the exit poll", "one seat less than in the first forecast"
_TIME_THAN = r"(?:before|last|a year|an? (?:season|month|week|quarter|day) (?:earlier|before|ago)|(?:two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+) (?:years|months|weeks|decades) (?:ago|earlier|before|back)|the previous|previously|earlier|in \d{4}|a decade|at the start|when|" \
             r"at (?:the same (?:point|time|stage) )?last\b|at the same (?:point|time|stage)\b|this time last\b|" \
             r"(?:in )?the (?:[a-z-]+ )?(?:year|month|week|quarter|season|day|spring|summer|autumn|fall|winter) (?:before|earlier)|in the (?:previous|prior)\b|(?:it|they) (?:was|were|did|had)\b(?! (?:built|designed|meant|made|intended|planned))|" \
             r"(?:it|they|we|he|she) (?:paid|charged|earned|spent)\b|(?:the )?[a-z]+ (?:was|were|had been) (?:paying|charging|earning)\b|the (?:last|previous) (?:issue|one|sale|auction|round)\b|" \
             r"(?:its|their|his|her|the) (?:previous|earlier|former|old) (?!one\b)[a-z-]+\b|(?:its|their|his|her) last [a-z-]+\b|" \
             rf"in the same (?:day|week|month|quarter|period|season)|in {MONTH_NAME}\b|" \
             r"(?:at|over|before|after)\s+(?:last\s+)?(?:Easter|Christmas|New\s+Year|Diwali|Eid|Ramadan|Passover|Thanksgiving|Hanukkah|Lunar\s+New\s+Year)\b|" \
             r"in (?:the )?(?:[a-z-]+ )?(?:spring|summer|autumn|fall|winter)\b|" \
             r"(?:the\s+)?[$£€¥₹]?\d[\d.,]*(?:\s+[a-z]+){0,2}\s+(?:(?:in|of|for)\s+(?:the\s+(?:same|previous|prior|year-earlier)|" \
             r"last|(?:19|20)\d\d)|a\s+year\s+(?:earlier|ago|before))|" \
             r"(?:in\s+)?(?:the|an?)\s+(?:(?:first|earlier|previous|initial|last)\s+)?(?:forecast|projection|exit\s+poll|preliminary\s+count)|" \
             r"the\s+(?:[a-z-]+\s+){1,5}?(?:last\s+(?:year|month|week|season|quarter)|a\s+year\s+(?:ago|earlier)))"  # "than the
# record prices shoppers paid last year"
_COMPARE = re.compile(
    rf"^\s+(?:(?P<up>higher|larger|bigger|more|greater|dearer)|(?P<down>lower|smaller|less|fewer|cheaper))\b"
    rf"(?!\s+(?:likely|(?:[a-z]+\s+)?than\s+(?!{_TIME_THAN})))"  # "more quickly than its rival": no change
    # ... and a measure's own comparatives, only against another time: "40 metres thinner than it was in 1990",
    # "1.3 degrees warmer than a year earlier" (not "5 degrees warmer than average")
    rf"|^\s+(?:(?P<up2>warmer|hotter|thicker|taller|deeper|wider|heavier|longer|faster|older)|"
    rf"(?P<down2>colder|cooler|thinner|shallower|narrower|tighter|lighter|slower|younger))\s+than\s+{_TIME_THAN}", re.IGNORECASE)
# A multiple of another thing, not of the same thing earlier: "expanding 2.5 times faster than sales of new
# fashion" is a ratio, no move of 2.5 (but "ten times higher than before the attacks" is a rise, `_COMPARE`).
_RATIO_THAN = re.compile(rf"^\s+(?:higher|larger|bigger|more|greater|dearer|lower|smaller|less|fewer|cheaper|warmer|hotter|"
                         rf"colder|cooler|faster|quicker|slower|longer|shorter|heavier|lighter)\s+(?:[a-z]+\s+)?than\s+(?!{_TIME_THAN})",
                         re.IGNORECASE)


# Below or above an earlier level of the same thing: "still a third below January's peak", "a tenth below this year's
# 355,000", "5% above its 2019 level", "20% above 2023 levels", "45 basis points below the previous rate" (not "below
# the long-term average", another thing's level, nor "1.5C above pre-industrial levels", a warming's baseline); a
# bracketed conversion may stand between ("130,000 square kilometers (50,000 square miles) below the previous record").
_AGAINST_EARLIER = re.compile(
    r"^(?:\s*\([^()]{0,80}\))?\s+(?:(?P<down>below|under|behind)|(?P<up>above|over|ahead\s+of))\s+(?:(?:its|their|the)\s+(?:\d{4}\s+|previous\s+|earlier\s+|all-time\s+)?"
    r"(?:peak|high|record|levels?|pre-pandemic)|(?:its|their|the)\s+(?:previous|earlier|former|old)\s+(?:rate|price|fare|fee|charge|figure)s?|"
    r"(?:(?:19|20)\d\d|pre-(?:pandemic|covid|crisis|war|strike|recession))\s+(?:levels?|peak)|(?:last|this|next)\s+(?:year|season|summer|winter|spring|autumn|month|quarter|week)['’]s|"
    r"last\s+(?:year|season|summer|winter|spring|autumn|month|quarter)(?!['’])|(?:this\s+time\s+|the\s+same\s+(?:period|time|point)\s+)last\s+year|"
    rf"(?:{MONTH_NAME}|[Ll]ast\s+\w+)['’]s?\s+(?:peak|high|level|record|figure|total))\b")


# A spread quoted against where it traded before: "traded 65 bps tighter" narrowed, "90 basis points wider" widened.
_SPREAD_AFTER = re.compile(r"^\s+(?:(?P<up>wider)|(?P<down>tighter))\b(?!\s+than)", re.IGNORECASE)
# ... or with "by" before the size: "tighter by 20 bps than in the spring"
_SPREAD_BY_BEFORE = re.compile(r"\b(?:(?P<up>wider)|(?P<down>tighter|narrower))\s+by\s+(?:(?:about|some|nearly|around|almost)\s+)?$",
                               re.IGNORECASE)
_BASIS_POINTS = re.compile(r"(?:bps?|basis\s+points?)$", re.IGNORECASE)
# The second side of a size, "rafts of 3 metres by 4 metres": no "by" of a change.
_DIMENSION_BEFORE = re.compile(r"\d\s*(?:mm|cm|m|km|ft|feet|foot|inch(?:es)?|metres?|meters?|yards?|miles?)\s+(?:by|x|×)\s+$",
                               re.IGNORECASE)
# A length moved along a path, or a length that sizes a thing, is no change of a level.
_MOTION = re.compile(r"\b(?:feet|foot|ft|meters?|metres?|miles?|km|kilometers?|kilometres?|yards?|inches?)\b|"
                     r"\d-(?:foot|meter|metre|mile|yard|inch)\b", re.IGNORECASE)
_FALLEN_AFTER = re.compile(r"^\s+of\s+(?:rain|rainfall|snow|snowfall|hail|sleet|water)\b", re.IGNORECASE)
# Money put into an expansion or an upgrade is what the project costs, not a rise: "a S$1.2bn expansion of the hub".
_PROJECT = re.compile(r"^\s+(?:[a-z-]+\s+)?expansions?\b", re.IGNORECASE)
_FALLEN_BEFORE = re.compile(r"\b(?:rain|rainfall|snow|snowfall|hail|sleet)\s+(?:fell|falls|fall|falling|had\s+fallen)\s+(?:at\s+(?:a\s+rate\s+of\s+)?)?$",
                            re.IGNORECASE)  # "Rain fell at 85mm an hour": how much fell, no fall
_MOTION_PATH = re.compile(r"^\s+(?:down|into|onto|off|across|along|toward|towards|to\s+the\s+(?:summit|top|peak|crest|ridge|cairn)|"
                          r"(?:tall|high|long|wide|deep|thick)\b|"  # "grow up to 20 metres tall": a thing's size
                          r"through\s+(?:the\s+)?(?:town|city|village|valley|gorge|forest|woods?)|through\s+(?:[\w-]+\s+){0,4}?locks?|"
                          r"over\s+(?:the\s+|a\s+)?(?:course|heather|scree|rocks?|ground|route|trail|stretch|mountain|hill|ridge)|"
                          r"over\s+(?:the\s+)?(?:first\s+|last\s+|next\s+)?[\d,.]+\s*(?:km|kilomet(?:er|re)s|miles)|"
                          r"at\s+an?\s+(?:average\s+|maximum\s+|steady\s+)?(?:grade|gradient|incline)|"
                          r"over\s+an?\s+(?:length|distance|stretch|run)\s+of|(?-i:(?:between|out\s+of)\s+(?:the\s+)?(?!" + DAY_OR_MONTH + r"\b)[A-Z]\w*)|"
                          r"(?:above|below)\s+(?:sea\s+level|the\b(?!\s+(?:normal|usual|average|typical|previous|record)\b)))\b",
                          re.IGNORECASE)  # a height: "the wall rises 5.6 ft above the promenade"; a route's climb: "climbs
# 470 metres over heather and scree", "climbs 1,420 metres over 96 kilometres", "climbs 1,100 metres at an average grade
# of 25 per cent", "falls 200 metres through the town", "climbs 1,100 metres between Bessans and the col", "climbs 14 metres
# over a length of 220 metres", "rises about 70 metres out of Lago Argentino", a canal's "rise 18 metres through four locks"


# A move "from A to B" whose verb has its object between ("cut its rate from 4.25% to 4%", "raised
# the fare from $2 to $2.50").
# The words between may be a number ("increase 9.8 per cent from £2.05 to £2.25", "fell 3%, from $10").
_OBJECT_WORD = r"[£$€¥]?[\w'’-]+(?:[.,]\d+)*%?"
_MOVED_OBJECT = (re.compile(rf"\b({DOWN_VERBS}|{BY_DOWN})\s+(?:{_OBJECT_WORD},?\s+){{0,5}}$", re.IGNORECASE),
                 re.compile(rf"\b({UP_VERBS}|{BY_UP})\s+(?:{_OBJECT_WORD},?\s+){{0,5}}$", re.IGNORECASE))
# ... farther off, up to eight words, a noun of a move only when the ends as written go its way ("recorded a decline in
# reef cover that year, from 38% to 34%").
# Words only (a year may be one), not across a line, nor over "up to" or a range's own verb ("tariffs up to 38%\n- New
# duties ranging from 17.4%").
_FAR_WORDS = r"(?!to\b)(?:(?!rang(?:e|es|ed|ing)\b)(?:[A-Za-z'’-]+|(?:19|20)\d\d),?[ \t]+){6,8}$"
_NOUN_LEAD = r"\b(?:a|an|the|its|their)\s+(?:[a-z]+\s+)?"  # a move named as a noun ("a sharp decline"), not "to jump solo at"
_MOVED_OBJECT_FAR = (re.compile(rf"{_NOUN_LEAD}({DOWN_VERBS}|{BY_DOWN})[ \t]+{_FAR_WORDS}", re.IGNORECASE),
                     re.compile(rf"{_NOUN_LEAD}({UP_VERBS}|{BY_UP})[ \t]+{_FAR_WORDS}", re.IGNORECASE))


# A verb that moves a level without saying which way: "revised its forecast from 2.1% to 2.4%",
# "went from 12 to 9", "taking it from $60 to $65"; the ends as written say the way. Not "revised to range from 8
# to 12", nor "takes from 3 to 5 hours" (a time, no object moved).
_MOVED_EITHER = re.compile(r"\b(revised|revises|revising|adjusted|adjusts|adjusting|changed|changes|changing|restated|"
                           r"amended|updated|shifted|moved|went|gone|sending|sends|sent|pushing|pushes|pushed|"
                           r"bringing|brings|brought|(?:taking|takes|take|took|taken)(?=\s+(?:it|them|the|its|their)\s))\s+(?:(?!rang(?:e|es|ed|ing)\b)[\w'’-]+\s+){0,5}$", re.IGNORECASE)


# A noun of change, what it changes, then "by": "the reduction of its holdings of securities under the scheme by
# EUR 7.5 billion", "an increase in the levy by 2%" (not "caused by", "driven by": a cause, no size).
_NOUN_THEN_BY = re.compile(rf"\b(?:(?P<down>reductions?|decreases?|(?<=\ba\s)(?:fall|drop|decline))|(?P<up>increases?|hikes?|(?<=\ba\s)(?:rise|gain)))"
                           rf"\s+(?:of|in|for)\b[^.;:!?]{{0,110}}?(?<!ed )(?<!en )\bby\s+{_ADV}$", re.IGNORECASE)  # "a fall for the third year
# running, by about 1,200 head"


def moved_object(before: str, falling: bool | None) -> Change | None:
    """The way a verb a few words before "from A to B" moved its object, the nearer verb deciding
    unless the ends as written (`falling`: A > B, None when they are equal or cannot be told apart)
    agree with the farther one ("raised the lower rate from 11% to 17%": "lower" is no verb there);
    for a verb that names no way (`_MOVED_EITHER`), or one farther off that agrees with them (`_MOVED_OBJECT_FAR`), the way the
    ends go as written."""
    down, up = (pattern.search(before) for pattern in _MOVED_OBJECT)
    if down and up and falling is not None:
        return Change("down", down.group(1)) if falling else Change("up", up.group(1))
    if down and (not up or down.start() > up.start()):
        return Change("down", down.group(1))
    if up:
        return Change("up", up.group(1))
    if falling is None:
        return None
    verb = _MOVED_EITHER.search(before) or _MOVED_OBJECT_FAR[0 if falling else 1].search(before)
    return Change("down" if falling else "up", verb.group(1)) if verb else None


def change_at(text: str, start: int, end: int, lost_ok: bool = False, loss_ok: bool = False,
              money: bool = False) -> Change | None:
    """The movement the number at [start, end) measures, if it is a change rather than a level.

    `lost_ok`: "lost" is a fall for money, percentages and index points, not for counted things;
    `loss_ok`: "a loss of" is a fall for counts and percentages ("the loss of 251 seats", "a loss
    of 19.9%"), not for money, where a loss is an amount ("a net loss of $5m"); `money`: the number is an amount
    of money, which an expansion after it costs rather than grows by (`_PROJECT`)."""
    if re.search(r"-olds?$", text[start:end], re.IGNORECASE):
        return None  # an age: "the fall of a 166-year-old bank" is no fall of 166 years
    before, after = text[max(0, start - 130):start], text[end:end + 80]
    if _RATE_NAMED.match(after) and re.search(r"(?:%|percent|per cent)$", text[start:end]):
        return None  # "eliminated an additional 45% tax rate", "sold its 20% stake": the level a thing is, no move
    ranged = text[start:start + 8].lower().startswith(("between ", "within "))
    if _LIES_WITHIN.search(before) or (ranged and _TO_FALL.search(before)):
        return None  # "expected to fall between $20 billion and $34 billion": where it lies, not a fall
    if lost_ok and (match := _LOST.search(before)):
        return Change("down", match.group(0).strip())
    if loss_ok and (match := _LOSS_OF.search(before)):
        return Change("down", match.group(0).strip(), by_noun=True)
    if loss_ok and re.search(r"(?:%|percent|per cent)$", text[start:end]) and (match := _LOSS_AFTER.match(after)):
        return Change("down", match.group(0).strip(), by_noun=True)  # "a 22.7% weight loss"; not "two losses"
    if _MOTION.search(text[start:end]) and (_MOTION_PATH.match(after) or re.search(r"\d-\w+$", text[start:end])) \
            or _SIZE_COMPOUND.search(text, start, end) and _THING_AFTER.match(after) and not _NOUN_AFTER.match(after) \
            or _FALLEN_AFTER.match(after) or _FALLEN_BEFORE.search(before) or _DIMENSION_BEFORE.search(before):
        before = ""  # a distance moved or a size, not a change: "slid 60 feet down an embankment", "down a 60-foot embankment"
        # (nor is rain that fell: "the storm dropped 4 inches of rain")
    multiple, lasting = bool(_MULTIPLE.search(text[start:end])), bool(_LASTING.search(text[start:end]))
    if multiple and _RATIO_THAN.match(after):
        return None
    near = before[-30:].lower()  # "Cuts Repo Rate By 25 bps": a headline's capitals
    for index, (pattern, direction) in enumerate(_BEFORE):
        if not _worth_trying(index, near) or index >= 10 and not lost_ok:
            continue  # a cheap test first: these patterns need "by", "of" or "rate of" near the number
        searched = before[-45:] if index in (0, 1, 4, 5) else before
        if match := pattern.search(searched):
            if match.group(1).lower() in ("down", "up") and (_PARTICLE_VERB.search(searched[:match.end(1)])
                                                               or index < 2 and _PUT_UP.search(searched[:match.end(1)])
                                                               or _FORCED_DOWN.search(searched[:match.end(1)])
                                                               and not (lost_ok or money or _PERCENT.search(text, start, end))):
                continue  # "locked down four years ago", "chased down 198 to win by eight wickets"
            if match.group(1) == "Falls" and re.fullmatch(r"\s+(?:[A-Z][\w'’-]*\s+)+by\s*", searched[match.end(1):match.end()]) \
                    and re.search(r"\b[A-Z][\w'’-]*\s+$", searched[:match.start(1)]):
                continue  # "the Routeburn Falls Hut by NZ$30": a place's name, no verb (not "Inflation Falls by 0.3%")
            if _GROWN.fullmatch(match.group(0).strip()) and _GROWN_OF.match(after):
                return None  # a harvest: "Razavi Khorasan grew 390 tonnes of saffron", "grows nine-tenths of the world's cork"
            if _CUT.fullmatch(match.group(0).strip()) and _MINED_OF.match(after):
                return None  # a quarry's or a mine's output: "cut 350,000 tonnes of pink rock salt"
            if index in (0, 2) and (rival := _BEFORE[3][0].search(before)) and (
                    index == 2 and rival.start(1) > match.start(1) or match.group(1).lower() in ("contract", "contracts")
                    or _A_NOUN_BEFORE.search(searched, 0, match.start(1))):
                # the nearer verb: "a contract that would have increased wages by"; or the only verb, the other word a
                # thing whose price moved ("raised the price of a two-tank boat dive by €8", "the cost of a dive charter by"), or
                # a noun that spells a verb ("lifted the deposit on cocoa contracts by 8%")
                return Change("up", rival.group(0).strip())
            return Change(direction, match.group(0).strip(), by_noun=index in (4, 5, 10, 11))
    if (match := _NOUN_DASH.search(before[-50:])) and not lasting and not multiple:
        return Change("down" if match["down"] else "up", match.group(0).strip(" —–"), by_noun=True)
    if (match := _MOVE_IS.search(before[-60:])) and not lasting and not multiple \
            and not (money and (match["down"] or "").lower() == "loss"):  # "the loss is over 513 points"; not a firm's loss in money
        return Change("down" if match["down"] else "up", match.group(0).strip(), by_noun=True)
    if "affect" in near and (match := _CUTS_AFFECTING.search(before)):
        return Change("down", match.group(0).strip(), by_noun=True)
    if "by " in near and (match := _NOUN_THEN_BY.search(before)):
        return Change("down" if match["down"] else "up", match.group(0).strip(), by_noun=True)
    if (match := _HOW_MUCH_AFTER.match(after)) and re.search(r"(?:^|\n)[^\w\n]{0,4}$", before):
        return Change("down" if match["down"] else "up", match["verb"])
    if multiple and (match := _OF_EARLIER.match(after)):
        return Change("up", match.group(0).strip(), by_noun=True)
    for pattern in (_NOUN_AFTER, _OF_AFTER, _COMPARE, _AGAINST_EARLIER):
        if (match := pattern.match(text[end:end + 160] if pattern is _AGAINST_EARLIER else after)) and not (pattern is _COMPARE and (match["down"] and multiple or _VAGUE_OF.search(text, start, end))) \
                and not (pattern is _OF_AFTER and money and match["down"] == "losses") \
                and not (pattern is _NOUN_AFTER and (money and _PROJECT.match(match.group(0)) or lasting
                                                     or (_COUNTED_SUBJECT.search(text, start, end) or _ONE_SUBJECT.fullmatch(text, start, end))
                                                     and (_OBJECT.match(after, match.end()) or _BASE_VERB.match(match.group(0))))):
            down = match["down"] or pattern is _COMPARE and match["down2"]
            return Change("down" if down else "up", match.group(0).strip(), by_noun=True)
    if _BASIS_POINTS.search(text[start:end]) and (match := _SPREAD_AFTER.match(after) or _SPREAD_BY_BEFORE.search(before[-30:])):
        return Change("down" if match["down"] else "up", match.group(0).strip(), by_noun=True)
    if (match := _CUT_AFTER.match(after)) and not _WHOLE_BEFORE.search(before):
        return Change("down", match.group(0).strip())
    if (verb := _KNOCKED_OFF.search(before[-30:])) and _OFF_AFTER.match(after):
        return Change("down", verb.group(0).strip())
    return None


# A figure opening a line, set before the question it answers, as explainers list them: "34%: How much the stock has
# fallen since Friday", "12%: how far the index rose this year".
_HOW_MUCH_AFTER = re.compile(rf"^\s*:\s*how\s+(?:much|far)\s+[^.;:!?\n\d]{{0,80}}?\b(?P<verb>(?P<down>{DOWN_VERBS})|{UP_VERBS})\b",
                             re.IGNORECASE)
_VAGUE_OF = re.compile(r"\s+of$")  # "hundreds of smaller projects": the comparative is the noun's adjective
# A tax rate, tariff or holding the percentage names, right after it ("a 45% tax rate", "its 20% stake"), not the size
# of a move of one ("a 0.25% rate cut").
_RATE_NAMED = re.compile(r"\s+(?:(?:[a-z]+\s+)?tax\s+rate|(?:top|basic|higher|additional)\s+rate|(?:[a-z]+\s+)?"
                         r"(?:tariff|levy|duty|stake|holding))\b(?!\s+(?:cuts?|hikes?|rises?|increases?|reductions?|changes?|moves?)\b)",
                         re.IGNORECASE)  # not "shrank at a 1.2% annual rate": a growth rate's size


# A weight, a volume or a count of parts written as an adjective before a thing sizes it: "lifted the price of a
# 20-kilo sack", "raised rents in its 12-storey blocks" (not "a 25-basis-point cut", whose noun is the move).
_SIZE_COMPOUND = re.compile(r"\d-(?:kilo(?:gram)?|kg|tonne|ton|litre|liter|gallon|pound|ounce|storey|story|floor|bed|"
                            r"room|seat|page|piece|pack|unit|wheel|lane|carriage|car)$", re.IGNORECASE)
_THING_AFTER = re.compile(r"^\s+[a-z]")
# A length of time written as an adjective: "a 45-minute power cut", "a three-day slump" last that long; they are
# no size of the cut or slump.
_LASTING = re.compile(r"-(?:second|minute|hour|day|week|month|year)$", re.IGNORECASE)
# What was knocked off: "knocking 32 basis points off yields", "knocked $2bn off its value".
_KNOCKED_OFF = re.compile(r"\b(?:knock|knocks|knocked|knocking|shave[sd]?|shaving|take|takes|took|taking|taken)\s+$", re.IGNORECASE)
_OFF_AFTER = re.compile(r"^\s+off\b(?!\s+(?:the\s+)?(?:coast|shore|pace|lead))", re.IGNORECASE)  # not "two shots off the lead"


_A_NOUN_BEFORE = re.compile(r"\bof\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)  # "the price of a two-tank boat "


def _worth_trying(index: int, near: str) -> bool:
    if index >= 12:
        return True
    if index >= 10:
        return "of " in near
    if index >= 8:
        return "another " in near or "further " in near or "additional " in near
    if index in (2, 3):
        return "by " in near
    if index in (4, 5):
        return "of " in near
    return index < 2 or "of " in near and ("rate" in near or "pace" in near)


def signed(value: float, direction: str | None) -> float:
    """The size of a fall is negative: "contracted 3.2%" is -3.2."""
    return -abs(value) if direction == "down" else value
