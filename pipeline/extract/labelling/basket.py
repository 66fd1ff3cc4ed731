"""Stage (extraction, labelling): a price change of one part of the consumer basket is that part's inflation rate.

A consumer price release gives the change of the whole index and of its parts: "the index for
gasoline fell 3.8%", "Used car prices fell 1.5%", "core CPI rose 0.1%", "shelter (+0.2%);
medical care (+0.2%)". A small model names most of those parts' changes only by their kind
("percentage"), and where it says `inflation_rate` it often gives the country, so a part's change
would meet the headline rate of that country and month as a conflict. So, in an article about
consumer prices (`_CONSUMER_PRICES`), a percentage whose own words make it the change of a part
(`basket_part`) is `inflation_rate` held by that part, named as the article writes it ("gasoline",
"used car", "core CPI"): two outlets that give one part's change meet, and no part meets the whole.

The part is read from the subject of the number's clause (before its verb; or, for a clause that
starts with its verb, the subject before it, past an aside or a shared predicate: "Core CPI, which
excludes food, gained 0.1%, also coming below forecasts of a 0.2% increase"), in one of a few
shapes: "the index for X", "the X index", "X prices" (also costs, fares, rents), "the price of X",
a "core" measure; from a list that names each part before its figure in brackets; or from the
words after the change ("a 0.3% rise in bread prices"). The whole index ("the consumer price
index", "the all-items index", "consumer prices", "goods and services") is no part, nor are the
prices of markets outside the basket as news reports them (oil, shares, homes, producers), nor a
share of the rise ("accounting for 60% of the total increase").
"""

from __future__ import annotations

import re

from schemas.metric_checks import ASIDE, Measured, clause_bounds, own_clauses, stated_share
from schemas.vocabulary import PERCENT_RANGE, is_kind_name

from ..mention_signs import DOWN_VERBS, UP_VERBS

_CONSUMER_PRICES = re.compile(r"\bconsumer[\s-]+price|\bCPI\b|\binflation\b", re.IGNORECASE)
_VERB = (rf"(?:(?:was|were|is|are|has|have|had)\s+(?:been\s+)?)?(?:shot\s+up|ticked\s+(?:up|down)|{DOWN_VERBS}|{UP_VERBS}|gained|gains|"
         r"showed|posted|edged)")
_NOT_A_SUBJECT = r"(?:was|were|is|are|has|have|had|been|after|before|following|having|while|from|than|as)\b"
_SUBJECT = re.compile(rf"^\W*(?:(?:and|while|as|because|since|when)\s+)?(?!{_NOT_A_SUBJECT})(?P<np>\w[^,;]*?)\s+{_VERB}\b", re.IGNORECASE)
# ... or before a copula when a comparison follows the number ("Egg prices are 53% higher than"), or before "cost" when
# the part itself is the subject ("Bacon, meanwhile, cost 4.1% more")
_COPULA_SUBJECT = re.compile(r"^\W*(?:(?:and|while|as)\s+)?(?P<np>\w[^,;]*?)\s+(?:are|is|were|was)\s+(?:now\s+)?$", re.IGNORECASE)
_COST_SUBJECT = re.compile(r"^\W*(?:(?:and|while|as)\s+)?(?P<np>(?!(?:the|a|an|but|it|this|that)\b)[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2}?)"
                           r"\s+(?:also\s+)?costs?\s+$", re.IGNORECASE)  # a bare noun: "Bacon cost", not "the dinner still costs"
_COMPARED_AFTER = re.compile(r"\s+(?:higher|lower|more|less|up|down|above|below)\b", re.IGNORECASE)
_ASIDE_WORD = re.compile(r",\s*(?:meanwhile|however|too|also|though|in\s+turn|by\s+contrast|in\s+contrast|for\s+example),\s*",
                         re.IGNORECASE)  # "Beef prices, meanwhile, also increased"
_ASIDE_BEFORE = re.compile(_ASIDE_WORD.pattern + "$", re.IGNORECASE)
_BARE_COST = re.compile(r"^\s*(?:also\s+)?costs?\s+$", re.IGNORECASE)
_PLACE_AFTER = re.compile(r"\s+(?:(?:around|across|in|throughout)\s+(?:the\s+)?(?:U\.S\.|US|United\s+States|country|nation|"
                          r"(?-i:[A-Z])[a-z]+)|nationwide)$", re.IGNORECASE)  # "the cost of eggs around the U.S."
_TRAILING_ADVERB = re.compile(r"\s+(?:also|overall|too|meanwhile|still|now|alone)$", re.IGNORECASE)  # "Pork prices overall"
_BARE_VERB = re.compile(rf"^\W*(?:also\s+|then\s+)?(?:(?:after|before|following|having|while)\s+)?(?:{_VERB}|\w{{3,}}ing)\b",
                        re.IGNORECASE)
_SHAPES = (
    re.compile(r"\bindex\s+for\s+(?P<part>.+)$", re.IGNORECASE),
    re.compile(r"\b(?:prices?|costs?)\s+(?:of|for)\s+(?P<part>.+)$", re.IGNORECASE),
    re.compile(r"^(?P<part>.+?)\s+(?:price\s+)?(?:index|indexes|indices|prices|costs)$", re.IGNORECASE),
    re.compile(r"^(?P<part>.+?\s+(?:fares|rents?))$", re.IGNORECASE),
)
_AFTER_PART = re.compile(
    r"^\s*(?:(?:monthly|annual|yearly)\s+)?(?:increase|rise|gain|jump|decline|drop|fall|decrease)\s+in\s+(?:the\s+)?"
    r"(?:(?P<price>prices?|costs?)\s+(?:of|for)\s+)?(?P<part>[a-z][a-z -]{1,30}?)(?:\s+(?P<price2>prices|costs|index))?"
    r"(?=\s+(?:for|in|on|over|during|from|last|this|since|compared)\b|\s*[,.;)]|\s*$)", re.IGNORECASE)
_CHANGE_CARRIES = re.compile(r"^\s*(?:jump|rise|increase|gain|surge|drop|fall|decline)\s+(?:brings|brought|takes|took|pushes|"
                             r"pushed|lifts|lifted|sends|sent|puts|put)\s+(?P<part>[a-z][a-z -]{1,30}?)\s+(?:prices|costs)\b")
_CORE = re.compile(r"^core\s+(?:cpi|inflation|prices|consumer\s+prices|index|consumer\s+price\s+index)$", re.IGNORECASE)
# Names of the whole index, and markets outside the basket's parts.
_WHOLE = re.compile(r"^(?:the\s+)?(?:(?:consumer|all[\s-]items|headline|overall|total|general|retail|annual|monthly|"
                    r"year-on-year|cpi|inflation|index|prices?)\s*)+$|^(?:all\s+)?goods\s+and\s+services$", re.IGNORECASE)
_MARKETS = re.compile(r"\b(?:oil|crude|brent|stocks?|shares?|equit\w+|gold|bonds?|bitcoin|crypto\w*|house|houses|(?<!at\s)home|homes|"
                      r"housing|property|wholesale|producer|import|export|commodit\w+|asset|market|s&p|dow|nasdaq)\b",
                      re.IGNORECASE)
# The list form: "shelter (+0.2%); medical care (+0.2%)", "health (32.6%) and transportation (31.7%)",
# "the categories of “household goods” (3.1 per cent)": the part is what follows the last separator.
_LIST_BREAK = re.compile(r"[;,:“\"]|\)\s*,?\s*and\b|\b(?:include[sd]?|including|of|were|are|was|is)\b", re.IGNORECASE)
_LISTED = re.compile(r"^\s*(?:the\s+)?(?P<part>[A-Za-z][\w'’ -]{0,40}?)[”\"]?\s*\(\s*[+\-−]?$")
_AFTER_VERB = re.compile(rf"\b{_VERB}\s*\(\s*[+\-−]?$", re.IGNORECASE)
_LIST_LEAD = re.compile(r"^(?:and\s+)?(?:(?:those|that)\s+)?(?:(?:in|for|on|among)\s+)?", re.IGNORECASE)
_INNER_PLACE = re.compile(r"\s(?:in|on|at|from|across)\s", re.IGNORECASE)  # "steepest in the north (": no part
_LIST_WORDS = re.compile(r"\b(?:index|indexes|indices|items|categories|components|prices|increases|rises|decreases|declines)\b",
                         re.IGNORECASE)


def basket_part(found: Measured, metric: str, label: str | None, text: str) -> str | None:
    """The part of the consumer basket whose price change the percentage is, as the article names
    it, when the fact is `inflation_rate` or named only by its kind and `text` (its article) is about
    consumer prices; else None."""
    if found.unit != "percent" or found.span is None or not (metric == "inflation_rate" or (
            metric == "other" and is_kind_name(label))) or not _CONSUMER_PRICES.search(text) or stated_share(found):
        return None  # "accounting for 60% of the total increase" is a share, no part's change
    low, high = PERCENT_RANGE["inflation_rate"]
    return (_listed(found) or _named_after(found) or _part_of(_subject(found))) if low <= found.value <= high else None


def _named_after(found: Measured) -> str | None:
    """The part a change names after itself: "a 0.3% rise in bread prices", "a 0.2% increase in
    rent" in a sentence about the index (nothing there says it is a price otherwise), or the prices the
    change carries ("the 15.2% jump takes egg prices to a new high")."""
    if carried := _CHANGE_CARRIES.match(found.sentence[found.span[1]:]):
        return _named_part(carried["part"])
    if not (match := _AFTER_PART.match(found.sentence[found.span[1]:])):
        return None
    priced = match["price"] or match["price2"] or re.search(r"\bindex\b|\bCPI\b", found.sentence)
    return _named_part(match["part"]) if priced and match["part"][0].islower() else None  # not "a gain in May"


def _listed(found: Measured) -> str | None:
    before = found.sentence[:found.span[0]]
    if not _LIST_WORDS.search(found.sentence) or _AFTER_VERB.search(before):
        return None  # "the index was down (-1.5%)": the bracket holds the verb's figure, not a listed part's
    if not (match := _LISTED.match(_LIST_BREAK.split(before)[-1])):
        return None
    part = _LIST_LEAD.sub("", match["part"].strip())  # "and health (", "were in clothing (", "those in fuel ("
    return None if _INNER_PLACE.search(part) else _named_part(part)


def _subject(found: Measured) -> str | None:
    """The noun phrase before the verb of the number's clause. A clause that starts with its verb
    ("and were down 10%", "after declining 3.6%", "gained just 0.1%" after an aside) takes the
    subject of the words before it; one that leaves its verb out ("and shelter costs 0.4%") is its
    own subject when the words before have one."""
    sentence = found.sentence
    start, _ = clause_bounds(sentence, found.span)
    pieces: list[str] = []
    for piece in re.split(r"\band\b", sentence[start:found.span[0]]):  # "and" parts figures, not "cars and trucks"
        if pieces and not re.search(r"\d", pieces[-1]):
            pieces[-1] += "and" + piece
        else:
            pieces.append(piece)
    compared = bool(_COMPARED_AFTER.match(sentence, found.span[1]))
    bare_cost = _BARE_COST.match(pieces[-1])
    if (aside := _ASIDE_BEFORE.search(sentence, 0, start)) and (bare_cost or _BARE_VERB.match(pieces[-1])):
        head = re.split(r"[,;:]", sentence[:aside.start()])[-1]  # "Beef prices, meanwhile, also increased 0.7%"
        return head + " prices" if bare_cost and compared else head  # "Bacon, meanwhile, cost 4.1% more"
    for n, piece in enumerate(reversed(pieces)):
        piece = _ASIDE_WORD.sub(" ", piece)
        if _BARE_VERB.match(piece):
            continue
        if match := _SUBJECT.match(piece) or (n == 0 and compared and _COPULA_SUBJECT.match(piece)):
            return match["np"]
        if n == 0 and compared and (match := _COST_SUBJECT.match(piece)):
            return match["np"] + " prices"  # "Bacon cost 4.1% more": bacon's prices
        elided = n == 0 and len(piece.split()) <= 4 and any(_SUBJECT.match(p) for p in pieces[:-1])
        return piece if elided else None
    for clause in own_clauses(found)[1:]:  # the clauses before, past asides and predicates (`own_clauses`)
        if ASIDE.match(clause) or _BARE_VERB.match(clause):
            continue
        match = _SUBJECT.match(clause)
        return match["np"] if match else clause  # "Core CPI, which excludes food, rose 0.1%": the clause is the subject
    return None


def _part_of(subject: str | None) -> str | None:
    if not subject:
        return None
    subject = re.sub(r"^(?:(?:over|in|during|for|since|after|on|at|from)\b[^,]*\s(?=the\s))?(?:the|its|and)\s+", "",
                     " ".join(subject.split()), flags=re.IGNORECASE)  # "Over the past 12 months the shelter index"
    subject = _PLACE_AFTER.sub("", _TRAILING_ADVERB.sub("", subject))
    if _CORE.match(subject):
        return subject
    for shape in _SHAPES:
        if match := shape.search(subject):
            return _named_part(re.sub(r"^(?:the|its)\s+", "", match["part"], flags=re.IGNORECASE))
    return None


def _named_part(part: str) -> str | None:
    """`part` when it can name a part of the basket: a few common nouns ("used cars and trucks"),
    not the whole index, a market, or a phrase with a name in it ("Argentina also surpasses Venezuela")."""
    words = part.split()
    if not 0 < len(words) <= 6 or any(w[:1].isupper() for w in words[1:]) or _WHOLE.match(part) or _MARKETS.search(part):
        return None
    return part
