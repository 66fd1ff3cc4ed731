"""Stage (extraction, labelling): money that its words call a company's loss is net income below zero.

"posted a loss of $1.6 billion", "a $1.6 billion net loss", "$900 million in losses", "losses are expected to
reach $5 billion": the amount is
the result of the period, and a result is one question whether a source says "a loss of $1.6
billion" or "net income of -$1.6 billion" (and a profit of another quarter is the same question for
another period). So such an amount, when the model names it only by its kind ("money") or as a loss
or a result, is labelled `net_income` and signed negative; a loss per share, written after it ("a
loss of $2.4 billion, or 52 cents per share") or as "a loss of 38 cents a share", is `eps`, negative.

An operating or pre-tax loss ("an operating loss of $4.0 billion", "a loss from operations totaling $2.4
billion") is that other measure of the result below zero: `operating_income` or `pretax_income`, negative.
A loss that its words say is of something else is left as labelled: insured and economic losses,
underlying and adjusted losses, losses of value, jobs,
lives or market value, a loss on a sale ("a $1.8 billion loss on asset sales", "sold at a $2bn loss"),
a loss something caused ("a promotion that caused $11 million in losses", "$70 million in losses after a
cyberattack"), and what a loss suffered, estimated or counted per day says something cost ("suffered $70 million in
losses", "estimated losses of $110 million", "a daily loss of $8.4 million"): the size of a cost, positive.
"""

from __future__ import annotations

import re

from schemas.vocabulary import is_kind_name

_HEDGE = r"(?:about|around|roughly|nearly|almost|some|just|over|more than|less than|an estimated|up to|as much as)?\s*"
# What a loss is of, when it is not the result itself.
_SOMETHING_ELSE = (r"insured|insurance|economic|operating|pre-?tax|pretax|before[- ]tax|underlying|adjusted|"
                   r"trading|credit|impairment|underwriting|investment|currency|exchange|hedging|paper|crop|property|"
                   r"jobs?|weight|market|capital|tax|revenue|sales")
_ELSE_BEFORE = re.compile(rf"\b(?:{_SOMETHING_ELSE})\s+(?:net\s+)?$", re.IGNORECASE)
# Other measures of a result, which a loss also puts below zero: the label each takes.
_RESULT_MEASURES = {"operating": "operating_income", "pre-tax": "pretax_income", "pretax": "pretax_income",
                    "before-tax": "pretax_income", "before tax": "pretax_income"}
_MEASURE_BEFORE = re.compile(r"\b(operating|pre-?tax|before[- ]tax)\s+$", re.IGNORECASE)
_MEASURE_AFTER = re.compile(r"^\s*(operating|pre-?tax|before[- ]tax)\s+loss(?:es)?\b", re.IGNORECASE)
_FROM_OPERATIONS = re.compile(rf"\bloss(?:es)?\s+from\s+operations\s+(?:(?:totall?(?:ing|ed)|of|was|were|at|reached|came\s+to|amounted\s+to)\s+)?{_HEDGE}$",
                              re.IGNORECASE)
_FOR_PERIOD = r"(?:\s+(?:for|in|over)\s+(?:the\s+)?(?:first|second|third|fourth|full|whole|last|past|latest|fiscal|financial)\s+" \
              r"(?:half|quarter|year|six\s+months|nine\s+months)(?:\s+of\s+(?:this|the|last)\s+year|\s+of\s+(?:19|20)\d\d)?)?"
_LOSS_OF = re.compile(rf"\b(?:net\s+)?loss(?:es)?{_FOR_PERIOD}\s+(?:of|(?:(?:are|were|is|was|will|would|could|may|might|be|been|"
                      rf"expected|projected|forecast|set|likely|to)\s+){{0,4}}(?:reach(?:ed)?|total(?:l?(?:ed|ing))?|hit|"
                      rf"top(?:ped)?|exceed(?:ed)?|came\s+to|come\s+to|amount(?:ed)?\s+to|stood\s+at))\s+{_HEDGE}$",
                      re.IGNORECASE)  # "a net loss of", "losses are expected to reach", "its loss totalled", "a net loss for
# the first half totalling"
_LOSS_AFTER = re.compile(r"^\s*(?:in\s+)?(?:net\s+)?loss(?:es)?\b"
                         r"(?!\s+(?:of|in)\s+(?:life|lives|value|market|jobs?|revenue|sales|income)|\s+on\b)", re.IGNORECASE)
# A loss someone else bears: "the FDIC will cover the $13 billion loss", "taxpayers will cover the losses of": a cost to
# them, not the result of the firm that made it.
_COVERED = re.compile(r"\b(?:cover(?:s|ed|ing)?|absorb(?:s|ed|ing)?|shoulder(?:s|ed|ing)?|bear(?:s|ing)?|bore|"
                      r"reimburs(?:e|es|ed|ing))\s+(?:(?:the|its|their|any|all)\s+)?$", re.IGNORECASE)
# The amount a conversion restates, and its opening bracket or ", or": "CNY55 billion (", "$3bn, or ".
_CONVERSION_OF = re.compile(r"[^\s(]*\d[\d.,]*(?:\s*(?:million|billion|trillion|bn|m))?(?:\s+[a-z]{3,6})?\s*(?:\(|,\s*or\s+)\s*"
                            r"(?:about\s+|around\s+|roughly\s+|some\s+)?$", re.IGNORECASE)
# Sold at a loss: "sold its bonds at a $1.8 billion loss" is the loss on a sale, not the period's result.
_AT_A = re.compile(r"\bat\s+an?\s+$", re.IGNORECASE)
_ON_A_SALE = re.compile(r"^\s*loss(?:es)?\s+(?:\w+\s+){0,3}on\s+(?:its\s+|the\s+|a\s+)?(?:asset\s+)?sales?\b", re.IGNORECASE)
# A loss that something caused: "a promotion that caused $11 million in losses", "the strike led to
# $300 million of losses": what one part of the business cost, not the period's result.
_CAUSED = re.compile(r"\b(?:caus(?:ed|es|ing)|led\s+to|leads?\s+to|leading\s+to|result(?:ed|s|ing)?\s+in|"
                     rf"contribut(?:ed|es|ing)\s+to|blamed\s+for|responsible\s+for)\s+{_HEDGE}$", re.IGNORECASE)
# What an incident cost, named after the loss: "$70 million in losses after a cyberattack", "a loss of $8m from the fire"
# (not "a loss of $1.2bn after a write-down", a cause of the period's result, nor "a loss of $300m in the quarter after the
# strike", the period's result).
_INCIDENTS = (r"(?:cyber-?)?attacks?|hacks?|hacking|breach(?:es)?|outages?|fires?|blaze|floods?|flooding|storms?|hurricanes?|"
              r"typhoons?|cyclones?|earthquakes?|quakes?|strikes?|walkouts?|shutdowns?|disruptions?|incidents?|explosions?|"
              r"blasts?|ransomware|recalls?|crash(?:es)?|accidents?|spills?|sanctions|war|pandemic|lockdowns?")
_EVENT_AFTER = re.compile(rf"^\s*(?:in\s+losses?\s+)?(?:after|from|due\s+to|because\s+of|following|caused\s+by|"
                          rf"as\s+a\s+result\s+of|in\s+the\s+wake\s+of)\s+(?:the|a|an|its|last|this|that)\s+"
                          rf"(?:[\w-]+\s+){{0,2}}?(?:{_INCIDENTS})\b", re.IGNORECASE)
# ... unless a company's report gives it: "posted a loss of $300 million after the strike" is the period's result.
_REPORTED = re.compile(r"\b(?:posted|posts|reported|reports|booked|books|recorded|records|swung\s+to|swings\s+to)\b[^.;]{0,30}$",
                       re.IGNORECASE)
# A loss estimated, counted per day or suffered is what something cost, not the period's result: "estimated losses of
# $110 million", "an estimated daily loss of $8.4 million", "suffered $70 million in losses" (not "an estimated net loss
# of", "suffered a net loss of").
_WHAT_IT_COST = re.compile(r"\b(?:estimated|daily|weekly|hourly|per-day)\s+(?:[a-z]+\s+)?$|\bsuffer(?:ed|s|ing)?\s+(?:(?:an?|the)\s+)?$",
                           re.IGNORECASE)
# The per-share figure that restates the loss just before it: "a loss of $2.4 billion, or 52 cents per share".
_RESTATED = re.compile(r"\bloss(?:es)?\s+of\s+\S+(?:\s+(?:million|billion|trillion|bn|m))?,?\s+or\s+$", re.IGNORECASE)
_RESULT_LABEL = re.compile(r"^(?:(?:net|quarterly|annual|total|q[1-4])_)*(?:loss(?:es)?|income|profit|earnings|result)"
                           r"(?:_per_share)?$|^eps$|^earnings_per_share$")


def loss_label(text: str, start: int, end: int, unit: str | None, unit_class: str, label: str | None) -> str | None:
    """`net_income` (or `eps` for money per share) when the money at [start, end) of `text` is called a
    loss and the model's name for it (`label`) is only its kind, a loss or a result; else None."""
    if unit_class != "currency" or not (is_kind_name(label) or _RESULT_LABEL.match((label or "").lower())):
        return None
    before, after = text[max(0, start - 90):start], text[end:end + 40]
    if measure := _result_measure(before, after):
        return measure
    per_share = bool(unit and unit.endswith(" per share"))
    restated = _RESTATED.search(before) if per_share else None
    if not (_called_a_loss(before, after) or restated and not _ELSE_BEFORE.search(before[:restated.start()])):
        return None
    return "eps" if per_share else "net_income"


def _result_measure(before: str, after: str) -> str | None:
    """`operating_income` or `pretax_income` when the words next to the money call it an operating or
    pre-tax loss ("an operating loss of", "a $2 billion pre-tax loss", "a loss from operations totaling")."""
    if _FROM_OPERATIONS.search(before):
        return "operating_income"
    if measure := _MEASURE_AFTER.match(after):
        return _RESULT_MEASURES[measure.group(1).lower()]
    if (match := _LOSS_OF.search(before)) and (measure := _MEASURE_BEFORE.search(before[:match.start()])):
        return _RESULT_MEASURES[measure.group(1).lower()]
    return None


def _called_a_loss(before: str, after: str) -> bool:
    """Whether the words next to the number name it a loss, and no loss of something else; a conversion right
    after a loss is that loss ("losses of up to CNY55 billion (USD7.5 billion)")."""
    if _EVENT_AFTER.match(after) and not _REPORTED.search(before):
        return False  # "suffered $70 million in losses after a cyberattack": what an incident cost
    if match := _LOSS_OF.search(before):
        return not _ELSE_BEFORE.search(before[:match.start()]) and not _COVERED.search(before[:match.start()]) \
            and not (_WHAT_IT_COST.search(before[:match.start()]) and not match.group(0).lower().startswith("net"))
    if converted := _CONVERSION_OF.search(before):
        return _called_a_loss(before[:converted.start()], "")
    if _LOSS_AFTER.match(after):
        return not re.match(rf"^\s*(?:{_SOMETHING_ELSE})\b", after, re.IGNORECASE) and not _AT_A.search(before) \
            and not _WHAT_IT_COST.search(before) \
            and not _ON_A_SALE.search(after) and not _CAUSED.search(before) and not _COVERED.search(before)
    return False
