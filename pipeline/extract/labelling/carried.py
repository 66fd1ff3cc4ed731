"""Stage (extraction, labelling): a figure whose clause names no subject of its own takes the subject of the figure before it.

News goes from one figure to the next without naming the subject again: "Wholesale prices rose
0.4%. It came in above the 0.3% consensus", "The figure is down from a 7.2% gain a year earlier",
"Analysts had pencilled in a 0.5% rise". A small model names such a number only by its kind
("percentage"), so it is never compared, and its metric is lost. So a figure named only by its kind
(`is_unnamed`) whose clause stands for an earlier figure, by a pronoun or a word such as "the
figure" at the start of its sentence (`_ANAPHOR`; "Among those without it, the rate was 7.5%" is
another group's), or by forecasters who expected it (`_FORECASTERS`), and whose own
words are all words of change, forecast, comparison or grammar (`_PLAIN`: "Analysts had expected
sales growth of 5%" names sales, and keeps its label), takes the metric, name and entity of the
nearest figure before it with the same unit that names what it measures: in its own sentence or
the one just before for a pronoun, anywhere before in the article for forecasters.
So does a figure listed right after another of its sentence with only such words and dates
between them ("The price of fuel rose 2.1% on the month and 9.4% year-on-year"; not "and diesel
9.4%"). A share ("That is 5% of the total") is no such figure. A pronoun's figure that the model
gave a vocabulary metric which its sentence does not name ("That was more than the 0.2% decline
economists expected", labelled `inflation_rate` after a GDP figure) takes the metric of the figure
the pronoun stands for, too.
"""

from __future__ import annotations

import re

from schemas.facts import QuantFact, fact_id
from schemas.metric_checks import Measured, clause_bounds, nouns_in, stated_share
from schemas.vocabulary import is_unnamed

_OPENER = r"^\W*(?:(?:but|and|still|yet|however|so)\s*,?\s+)?"
_ANAPHOR = re.compile(
    _OPENER + r"(?:it|this|that|(?:the|that|this)\s+(?:(?:monthly|quarterly|annual|yearly)\s+)?(?:figure|reading|number|"
              r"print|rate|result|increase|rise|gain|drop|decline|fall|jump|change|level|pace))\b(?!\s*(?:-|is\s+(?:likely|possible|expected)|was\s+expected))",
    re.IGNORECASE)
_FORECASTERS = re.compile(r"\b(?:economists?|analysts?|forecasters?|strategists?|wall\s+street|consensus|polls?)\b",
                          re.IGNORECASE)
# Words that say nothing of what a number measures: grammar, change, forecast, comparison, basis.
_PLAIN = frozenset("""
a an the and of to by at in on under below above over than from with for as its their also just only still even well
much slightly sharply sharp slight modest steep small smaller big bigger larger large mild marked far more less
greater worse better weaker stronger faster slower deeper steeper
is was were are be been being has had have came come comes coming expected expecting expect expects forecast
forecasts forecasting forecasted predicted predicting estimated estimating anticipated anticipating projected
looking looked seen see seeing called calling penciled pencilled followed follows following
increase increases rise rises gain gains jump climb advance drop drops decline declines fall falls dip decrease
slowdown pace reading readings estimate estimates expectation expectations consensus projection projections
up down higher lower level levels rate mark figure year month quarter week ago last earlier previous prior
monthly annual yearly annualized annualised quarterly year-on-year month-on-month year-over-year
economist economists analyst analysts forecaster forecasters strategist strategists wall street polled surveyed
poll polls median average compared versus vs respectively
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split())
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_NUMBER = re.compile(r"[-+−]?[$€£¥]?\d[\d,.]*\s*(?:%|percent|per\s+cent|pc)?", re.IGNORECASE)
# Where a number's own words end after it: a preposition, a conjunction, a participle, punctuation.
_STOP = frozenset({"in", "on", "for", "from", "to", "by", "at", "over", "during", "since", "according", "and", "or",
                   "but", "that", "which", "who", "while", "than", "as", "after", "before", "with"})


def carry_subjects(facts: list[QuantFact], text: str, offset: int = 0) -> list[QuantFact]:
    """The article's facts, each figure that stands for an earlier one (`stands_for`) with the
    metric, name and entity of the nearest naming figure before it of the same unit: in its own or
    the sentence just before for a pronoun, anywhere before for forecasters. `text` may be one chunk
    of a longer article that starts at `offset` (the facts' spans are absolute)."""
    order = sorted(range(len(facts)), key=lambda i: facts[i].mention_span or (0, 0))
    ordered = [facts[i] for i in order]
    for i, fact in enumerate(ordered):
        named_elsewhere = fact.metric != "other" and not nouns_in(fact.quote)  # "That was ... the 0.1% decline"
        if not (_kind_only(fact) or named_elsewhere):
            continue
        before = ordered[i - 1] if i else None
        if not named_elsewhere and before is not None and before.span == fact.span and before.unit == fact.unit \
                and not _kind_only(before) and listed_after(fact.quote, before.number_in_quote(), fact.number_in_quote()):
            ordered[i] = _with_subject(fact, before)
            continue
        if not (how := stands_for(_measured(fact))) or named_elsewhere and how != "pronoun":
            continue
        earlier = next((f for f in reversed(ordered[:i]) if f.unit == fact.unit and not _kind_only(f)), None)
        if earlier is not None and (how == "forecast" or earlier.span == fact.span
                                    or not text[earlier.span[1] - offset:fact.span[0] - offset].strip()):
            ordered[i] = _with_subject(fact, earlier)
    result = list(facts)
    for place, fact in zip(order, ordered):
        result[place] = fact
    return result


def _with_subject(fact: QuantFact, earlier: QuantFact) -> QuantFact:
    """`fact` with the metric, name and entity of `earlier`, and the id its new metric gives it."""
    start, end = fact.mention_span
    return fact.model_copy(update={
        "metric": earlier.metric, "metric_label": earlier.metric_label, "entity": earlier.entity,
        "fact_id": fact_id(fact.article_id, fact.prompt or "", fact.model or "", str(start), str(end), earlier.metric)})


def stands_for(measured: Measured) -> str | None:
    """Does the number's clause name no subject of its own, only a pronoun, "the figure" or the
    forecasters who expected it, with words of change, forecast and grammar up to the number and
    right after it ("It came in below Wall Street's 0.3% forecast")? "pronoun" or "forecast" when
    it does, by which, else None."""
    if measured.span is None or stated_share(measured):
        return None
    start, end = clause_bounds(measured.sentence, measured.span)
    before, after = measured.sentence[start:measured.span[0]], measured.sentence[measured.span[1]:end]
    if start == 0 and (opener := _ANAPHOR.match(before)):  # not "Among those without it, the rate was 7.5%"
        before, how = before[opener.end():], "pronoun"
    elif _FORECASTERS.search(before):
        how = "forecast"
    else:
        return None
    return how if _plain(_NUMBER.sub(" ", before), names=True) and _plain(_head(after)) else None


_JOINED = re.compile(r"(?:,\s*|\s+)(?:and|or)\s+$|,\s*$", re.IGNORECASE)


def listed_after(quote: str, before: tuple[int, int] | None, span: tuple[int, int] | None) -> bool:
    """Is the number at `span` of `quote` listed right after the one at `before`, joined by "and",
    "or" or a comma, with only plain words and dates between them and right after it?"""
    if before is None or span is None or before[1] > span[0]:
        return False
    gap = quote[before[1]:span[0]]
    joined = _JOINED.search(gap)
    return bool(joined) and _plain(gap[:joined.start()]) and _plain(_head(quote[span[1]:]))


def _head(after: str) -> str:
    """The words right after the number, up to a preposition, conjunction, participle or punctuation."""
    words = []
    for match in _WORD.finditer(after.split(",")[0].split(";")[0]):
        word = match.group().lower()
        if word in _STOP or (word.endswith("ed") and word not in _PLAIN):
            break
        words.append(match.group())
    return " ".join(words)


def _plain(words: str, names: bool = False) -> bool:
    """Are all `words` plain (`_PLAIN`), or, with `names`, a name's possessive ("Wall Street's",
    "FactSet's") or a name after "by" ("polled by Reuters")?"""
    tokens = _WORD.findall(words)
    for i, token in enumerate(tokens):
        low = token.lower().rstrip(".")
        if low in _PLAIN:
            continue
        if names and token[0].isupper() and (re.search(r"['’]s$", token) or i and tokens[i - 1][0].isupper()
                                             or i and tokens[i - 1].lower() == "by"):
            continue
        return False
    return True


def _kind_only(fact: QuantFact) -> bool:
    return fact.metric == "other" and is_unnamed(fact.metric_label)


def _measured(fact: QuantFact) -> Measured:
    return Measured(fact.value, fact.unit, "", fact.quote, fact.number_in_quote())
