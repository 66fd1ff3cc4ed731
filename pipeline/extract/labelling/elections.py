"""Stage (extraction, labelling): a share of the vote, a count of votes or of seats won, and who holds it.

A small model names such a figure only by its kind ("percentage"), and often gives it the entity
of another figure in the sentence (the winner's name for the runner-up's share). A kind-only
figure is never compared across sources, and a share under the wrong name would be compared with
the wrong one, so both come from the words:
- the name (`vote_label`): "won 40.2% of the vote", "a share of the vote of 9%", "the party's 12%
  vote share" are `vote_share` (`vote_share_quick_count` or `vote_share_exit_poll` when the sentence
  says the figures are a quick count's or an exit poll's estimate); a count of votes is `votes`, and
  a count of seats won `seats` (not a change, "lost 22 seats", a goal, "a target of 350 seats", or a
  region's, "37 seats in Eastland");
- the holder (`vote_holder`): the name the number belongs to by the sentence's grammar: the
  subject of the verb before it ("Xochitl Galvez obtained between 26.6% and 28.6%"; past an aside
  in commas), the owner in a possessive ("the Green Party's 7%"), the name before a bracket
  ("followed by MK (14.6%)"), the head of a ticket ("Lind and her running mate Berg", "Lind-Berg",
  "the then-KMT presidential ticket"), the one "declared victorious after obtaining" it, the name
  before "which" ("Congress, which won 99 seats") or before an apposition ("The bloc, an alliance of
  A, B and C, won"), the next entry of a list that gives the verb once ("the Unity Party winning 198 seats
  and the Greens 61"), and a table's row ("BJP – 240"; "NDA 292 INDIA 234" run together on one line).

A share in a sentence about one year ("In 2020, the party won 57.1% of the vote") is that year's
(`mention_periods.sentence_year`), so it meets only that election's figures. The rule speaks only when name and
holder are clear: a share of an earlier election the words do not date ("last", "previous", "from
35%", two years), an infinitive ("needs to win 50%"), an opinion poll, the part of the count
done so far ("85% of the ballots counted"), or a holder that is not plainly a name keeps the model's
label, which is never compared.
"""

from __future__ import annotations

import calendar
import re

from schemas.metric_checks import Measured, clause_bounds
from schemas.primitives.numbers import find_numbers
from schemas.vocabulary import is_unnamed

from ..mention_periods import sentence_year
from ..mention_tables import NAME_WORD, ROW_HEAD, RUN_ENTRY, RUN_ROW
from .names import name, name_at_end, runs

_HEDGES = (r"between|approximately|about|around|roughly|nearly|almost|just|only|over|under|some|an estimated|"
           r"a little over|just over|just under|more than|less than|close to|a total of|a|an|"
           r"whopping|mere|massive|solid|commanding|resounding|decisive|comfortable|narrow|slim|record")
_HEDGED_END = re.compile(rf"(?:\b(?:{_HEDGES})\s+)+$", re.IGNORECASE)
# "of the vote", "of all valid national votes"; not the part of the count done ("of the ballots counted").
_OF_THE_VOTE = (r"of\s+(?:the\s+|all\s+)?(?:(?:total|national|popular|valid|overall)\s+)*(?:votes?|ballots?)\b"
                r"(?!\s+(?:counted|tallied|processed|reporting|declared))")
_VOTE_AFTER = re.compile(rf"^\s*\)?\s*{_OF_THE_VOTE}", re.IGNORECASE)
_SHARE_AFTER = re.compile(r"^\s*(?:of\s+the\s+)?vote\s+share\b", re.IGNORECASE)
_SHARE_BEFORE = re.compile(r"(?:\bvote\s+share|\bshare\s+of\s+(?:the\s+)?votes?)\b[^.;]{0,60}?\b(?:of|at|on|to|was|is)\s+$",
                           re.IGNORECASE)
_BRACKETED = re.compile(r"\bvotes?\s*\(", re.IGNORECASE)  # "the second most votes (21.8%)"
# A count of votes restated as a share: "5,586,019 votes, or 40.05 percent", "with 4.6 million or 33.49%",
# "40,971,906 votes, equivalent to 24.95%".
_RESTATED_COUNT = re.compile(r"[\d][\d,.]*(?:\s+(?:million|thousand|[mk]))?(?:\s+votes)?,?\s+"
                             r"(?:or|\(|equivalent\s+to|representing|amounting\s+to)\s*$", re.IGNORECASE)
# A share whose "of the vote" an earlier clause gives: "X won 44% of the vote, and Y garnered 29.8%".
_EARLIER_SHARE = re.compile(rf"\b{_OF_THE_VOTE}", re.IGNORECASE)
# An earlier election ("the last election", "its previous result", "down from 19% last time"); not
# "last month's election" (this one) nor "the former governor" (a title).
_EARLIER = re.compile(r"\b(?:last|previous|prior|preceding|earlier)\s+(?:(?:general|presidential|parliamentary|national|"
                      r"legislative|local|federal|state|regional)\s+)?(?:elections?|votes?|polls?|results?|contests?|"
                      r"races?|ballots?|time|outing|cycle)\b|\b(?:previous|prior|preceding|earlier)\b(?!\s+(?:day|night|"
                      r"evening|count|tally))", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# A figure set against another year's: "down from 19% in 2019", "than in 2019" (not "far fewer than
# had been expected" in a sentence about the 2024 election).
_SET_AGAINST = re.compile(r"\b(?:from|than|compared|versus|vs|up|down)\b(?=[^.;]{0,30}?\b(?:1[89]|20)\d\d\b)", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:from|versus|vs\.?|compared\s+(?:with|to)|than)\s+$", re.IGNORECASE)
# A share of part of the electorate: "of the vote in five of the nine provinces", "in Wales".
_REGIONAL = re.compile(rf"^.{{0,40}}?\b(?:votes?|ballots?)\s+in\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                       rf"several|some|many|most|all)\b|(?!(?:{'|'.join(calendar.day_name)})\b)[A-Z])")
_QUICK_COUNT = re.compile(r"\bquick\s+count\b", re.IGNORECASE)
_GOAL_AFTER = re.compile(r"^\s+(?:(?:it|they|he|she|the\s+\w+)\s+)?(?:had\s+|has\s+|have\s+)?(?:needed|required|targeted|"
                         r"hoped|predicted|projected|forecast|expected|sought|aimed)\b", re.IGNORECASE)
_THAN_BEFORE = re.compile(r"\bthan\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)  # "fewer than (the) polls predicted"
_SEATS_BEFORE = re.compile(r"\bseats\b", re.IGNORECASE)  # "won 150 seats", "won the most seats"
_OPINION_POLL = re.compile(r"\b(?<!exit\s)(?:opinion\s+)?polls?\b|\bsurveys?\b", re.IGNORECASE)

# Counts of what an election gives, with the model names that only say what they count.
_COUNTED = {"votes": frozenset({"votes"}),
            "seats": frozenset({"seats", "seat", "seats_won", "constituencies", "seat_count", "number_of_seats"})}
# A count of seats hoped for, not won: "set ambitious goals of winning 370 seats", "a target of 400".
_GOAL = re.compile(r"\b(?:goals?|targets?|aim(?:s|ed|ing)?|hop(?:e|es|ed|ing)|bids?|slogan|predict\w*|project\w*|"
                   r"forecast\w*|expect\w*\s+(?:to|that|it|them)|needs?|needed|required?)\b", re.IGNORECASE)
# A change in seats, not seats won: "gaining over 200 seats", "lost 48 seats", "picked up 12".
_CHANGED = re.compile(r"\b(?:gain(?:s|ed|ing)?|lost|los(?:e|es|ing)|picked\s+up|pick(?:s|ing)?\s+up|add(?:s|ed|ing)?|"
                      r"shed(?:s|ding)?|dropp?(?:s|ed|ing)?|net(?:s|ted|ting)?)\s+(?:(?:over|more\s+than|about|nearly|"
                      r"some|around|almost|at\s+least|another|a\s+further|an\s+additional)\s+)*$", re.IGNORECASE)
# A figure of one region: a sentence that opens on a place ("In KwaZulu-Natal (KZN), MK won"), or
# seats "in" a place after the number ("won 29 seats in West Bengal").
_IN_A_REGION = re.compile(r"\s*In\s+(?!(?:19|20)\d\d)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:\s+\([A-Z]+\))?,")
_IN_A_PLACE = re.compile(r"\s+in\s+(?!the\b|all\b|total\b)[A-Z]")
# A row run together with others on one line, "... NDA 292 INDIA 234 Other 17": the words after the
# row before it name it (a row on a line of its own, "Shiv Sena (UBT) – 9", is `ROW_HEAD`'s name).
_RUN_NAME = re.compile(rf"\d[\d,]*\s+(?P<name>(?:{NAME_WORD}\s+){{1,6}})$")
# One entry of a list whose first entry has the verb: "the Unity Party winning 198 seats and the Greens 61".
_LISTED_AFTER = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?P<name>(?:{NAME_WORD}\s+){{1,5}})$")

# The verbs whose object is a share ("won", "has so far obtained only").
_WON = (r"won|wins?|winning|obtained|obtains?|obtaining|received|receives?|receiving|got|gets?|getting|garnered|garners?|"
        r"garnering|secured|secures?|securing|captured|captures?|capturing|took|takes?|taking|gained|gains?|gaining|polled")
_MAIN_VERB = re.compile(rf"\b(?:{_WON})\b", re.IGNORECASE)
# A verb of winning right before the number, whose object an earlier clause named ("X won 44% of the
# vote, and Y garnered 29.8%"; "A won 150 seats, while B got 125", "B, with 161").
_WON_AT_END = re.compile(rf"\b(?:{_WON})\s+$", re.IGNORECASE)
_WON_OR_WITH_AT_END = re.compile(rf"\b(?:{_WON}|with)\s+$", re.IGNORECASE)
# A place in the race, then the share: "came second with 30.2 percent", "led her rivals with 41.6 percent".
_PLACED_WITH = (r"(?:came|comes|finished|finishes|placed|ended\s+up)\s+(?:in\s+)?(?:first|second|third|fourth|fifth|last)"
                r"(?:\s+place)?,?\s+with|(?:led|leads?|leading)\s+(?:her|his|their|its)\s+(?:rivals|opponents|challengers)\s+with")
_PLACED_AT_END = re.compile(rf"\b(?:{_PLACED_WITH})\s+$", re.IGNORECASE)
# A verb before the share, or the word that ties it to its holder ("with", "on", "stands at").
_VERB = re.compile(rf"\b(?:{_WON}|ha[sd]|have|with|on|(?:stands?|stood|was|is|remains?|remained|sits?|sat)\s+(?:at|on)|"
                   r"(?:led|leads?|leading)\s+in|,\s*at|(?:won|wins?|winning|took|takes?|secured)\s+the\s+most\s+"
                   rf"(?:seats|votes)(?:\s+in\s+[\w\s]{{1,30}}?)?,?\s+with|{_PLACED_WITH})"
                   r"(?:\s+(?:so far|now|already|only|just|reportedly))*\s+$", re.IGNORECASE)
_AUXILIARY = re.compile(r"(?:\b(?:has|have|had|so far|now|already|only|just|reportedly)\s+)+$", re.IGNORECASE)
_INFINITIVE = re.compile(r"\b(?:to|would|could|might|will|must)\s+$", re.IGNORECASE)
_BOUNDARY = re.compile(r";|\s(?:while|whereas|but)\s", re.IGNORECASE)

# "the seat of Richmond", "the seat of Easton and Weston", "led by Zuma", "partnered with Wu": a place or
# another person, not who holds the share.
_NOT_THE_SUBJECT = re.compile(r"(?:\b(?:of|in|at|from|for|across|with|by|to|against)\s+(?:(?:the|an?)\s+)?(?:(?!and\b)[a-z]+\s+){0,2}"
                              r"|\b[A-Z][\w.'’-]*\s+and\s+)$")
# "Ko Wen-je (柯文哲) of the Taiwan People's Party": the person before the party is the holder.
_PERSON_OF = re.compile(r"\s+(?:\([^()]*\)\s+)?of\s+(?:the\s+)?$")
# A name followed by a common noun modifies it ("the Mexican presidency", "the Union party").
_MODIFIER = re.compile(r"\s+(?!(?:as|who|which|has|have|had|is|was|were|are|and|now|also|then|not|only|"
                       r"party|bloc|alliance|coalition|front)\b)[a-z]")
# "the Indian National Congress party", "the INDIA bloc": the name is the party's.
_PARTY_NOUN = re.compile(r"^\s+(?:party|bloc|alliance|coalition|front)\b")
# An apposition after the name, "The INDIA bloc, a coalition comprising A, B and C (DMK), won": the
# name before it is the subject.
_APPOSITION = re.compile(r",\s+(?:an?|the)\s+[a-z]+\b(?!.*\b(?:who|which)\b).*,\s*(?:[a-z]+\s*)?$")
# "Congress, which won 99 seats": the name before the relative pronoun.
_RELATIVE = re.compile(r",\s+(?:which|who)\s*$")
_PRONOUN = re.compile(r"\b(?:she|he|they|it|who|which|that)\s*$", re.IGNORECASE)
# A clause set off by commas that says more about the name before it ("Hols, who partnered with Moor, came second").
_ASIDE = re.compile(r",\s+(?:who|which|whose)\b[^,;]*,")
# A ticket is named by its head: "Lind (林) and her running mate Berg received" is Lind's share.
_RUNNING_MATE = re.compile(r"^(?P<head>.*?)(?:\s+\([^()]*\))?\s+and\s+(?:his|her|their)\s+running[- ]mates?\b", re.IGNORECASE)
# "The commission declared Lind victorious after obtaining": the one declared holds the share.
_DECLARED = re.compile(r"\bdeclared\s+(?P<who>.+?)\s+(?:victorious|the\s+winners?|winners?|the\s+victor)\s+(?:after|for|by)\s*$",
                       re.IGNORECASE)
# A party's ticket is the party: "the DPP's presidential ticket won", "the then-KMT ticket garnering".
_TICKET = re.compile(r"(?:['’]s)?\s+(?:presidential\s+|party\s+|joint\s+)?(?:ticket|slate)\s*$", re.IGNORECASE)
# A past election a "when" clause names: "compared to 2020, when the party won 57.1%".
_WHEN_YEAR = re.compile(r"\b((?:19|20)\d\d),?\s+when\b(?P<clause>[^;]*)$", re.IGNORECASE)


def vote_label(found: Measured, label: str | None, article: str) -> str | None:
    """`vote_share` (or its quick-count or exit-poll kind) for a percentage whose words call it a
    share of the vote and whose model name (`label`) is only its kind; `votes` or `seats` for a count
    of votes or seats won that the model named only by its kind or by what it counts; else None.
    `article` is the text the sentence is from."""
    if found.span is None:
        return None
    unit = found.unit if found.unit in _COUNTED else "seats" if _seats_understood(found) else None
    counted = unit is not None  # "received 96.2 million votes", "the party won 240 seats", "while the RN got 125"
    if not (found.unit == "percent" or counted):
        return None
    if not (is_unnamed(label) or counted and (label or "").lower() in _COUNTED[unit]):
        return None
    if counted and (found.direction or _hoped_for(found) or _CHANGED.search(found.sentence[:found.span[0]])):
        return None  # "falling short by 63 seats", "set a goal of winning 370 seats", "gaining 200 seats": not a result
    if _IN_A_REGION.match(found.sentence) or counted and _IN_A_PLACE.match(found.sentence[found.span[1]:]):
        return None  # "In KwaZulu-Natal, ... the ANC, which received about 18 percent", "29 seats in West Bengal"
    sentence, (start, end) = found.sentence, found.span
    before, after = sentence[:start], sentence[end:end + 60]
    unhedged = _unhedged(before)
    listed = before.endswith("(") and _BRACKETED.search(before)  # "... followed by MK (14.6%)"
    restated = _RESTATED_COUNT.search(unhedged) and re.search(r"\bvotes\b", before, re.IGNORECASE)
    elliptical = (_WON_AT_END.search(unhedged) or _PLACED_AT_END.search(unhedged)) and _EARLIER_SHARE.search(before)
    if not (counted or _VOTE_AFTER.match(after) or _SHARE_AFTER.match(after) or _SHARE_BEFORE.search(unhedged)
            or listed or restated or elliptical):
        return None
    if _EARLIER.search(sentence) or _COMPARED.search(unhedged) or _REGIONAL.match(after):
        return None
    if _YEAR.search(sentence) and not _when_year(before) and (_SET_AGAINST.search(sentence) or not sentence_year(sentence)):
        return None  # "12%, down from 19% in 2019", "in 2016 and 2020": which election's share is unclear
    if _QUICK_COUNT.search(sentence) or len(find_numbers(found.words)) > 1 and _QUICK_COUNT.search(article):
        return None if counted else "vote_share_quick_count"  # a range is the quick count's interval
    if re.search(r"\bexit\s+polls?\b", sentence, re.IGNORECASE):
        return None if counted else "vote_share_exit_poll"
    polled = any(not _THAN_BEFORE.search(sentence[:poll.start()]) for poll in _OPINION_POLL.finditer(sentence))
    return None if polled else unit if counted else "vote_share"  # not "80 fewer than polls predicted"


def _hoped_for(found: Measured) -> bool:
    """Is the count one hoped for or needed, not won: a goal word in its own clause before it ("set
    goals of winning 370 seats") or right after it ("the 289 seats needed"); not one in another
    clause ("won 182 seats, short of the 289 needed") nor a comparison ("80 fewer than polls predicted")."""
    start, end = found.span
    before = found.sentence[clause_bounds(found.sentence, found.span)[0]:start]
    if any(not _THAN_BEFORE.search(before[:goal.start()]) for goal in _GOAL.finditer(before)):
        return True
    return bool(_GOAL_AFTER.match(found.sentence[end:end + 40]))


def _seats_understood(found: Measured) -> bool:
    """A bare number after a verb of winning whose sentence gave the seats just before: "A won 150
    seats, while B got 125", "A, at 188 seats, and B, with 161"."""
    before = found.sentence[:found.span[0]]
    return found.unit is None and bool(_WON_OR_WITH_AT_END.search(_unhedged(before)) and _SEATS_BEFORE.search(before))


def only_what_it_counts(found: Measured, label: str | None) -> bool:
    """Did the model name a count of seats only by what it counts ("seats", "constituencies")? Such a
    label is compared only when `vote_label` and `vote_holder` speak; else it is a kind name (the
    model's "seats" for "the 310 and 280 seats it held after the 2019 and 2014 votes", held by "India")."""
    return found.unit == "seats" and (label or "").lower() in _COUNTED["seats"]


def vote_year(found: Measured) -> str | None:
    """The election year of the share at `found.span`: the year of the "when" clause it sits in
    ("compared to 2020, when the party won 57.1%"), else the one year its sentence is about."""
    if found.span is not None and (year := _when_year(found.sentence[:found.span[0]])):
        return year
    return sentence_year(found.sentence)


def _when_year(before: str) -> str | None:
    """The year of a "<year>, when" clause that runs on to the number (its later parts start with
    "or" or "and": the clause has not given way to the main one, as in "In 2019, when it won 33%, it")."""
    when = _WHEN_YEAR.search(before)
    if not when or _YEAR.search(when.group("clause")):
        return None
    later = when.group("clause").split(",")[1:]
    return when.group(1) if all(re.match(r"\s*(?:or|and)\b", part) for part in later) else None


def vote_holder(found: Measured) -> str | None:
    """The name the share at `found.span` belongs to by the sentence's grammar; None when unclear."""
    if found.span is None:
        return None
    before = _unhedged(found.sentence[:found.span[0]])
    if row := ROW_HEAD.fullmatch(before) or _RUN_NAME.search(before):
        return row["name"].strip()  # a table's row: "BJP – 240", "NDA 292 INDIA 234"
    if RUN_ROW.fullmatch(found.sentence.strip()) and not re.search(r"\d", before):
        return _first_entry(before, found.sentence)  # "Alliance Won NDA 292": after the column names
    if (listed := _LISTED_AFTER.search(before)) and re.search(r"\d", before[:listed.start()]) \
            and _MAIN_VERB.search(before[:listed.start()]):
        return name(listed["name"].split())  # "the Unity Party winning 198 seats and the Greens 61"
    if before.endswith("(") and not _RESTATED_COUNT.search(before):  # "followed by MK (14.59 percent)"
        return name_at_end(before[:-1])
    if owner := re.search(r"['’]s?\s*$", before):  # "the Green Party's 7%"
        return name_at_end(before[:owner.start()])
    if share := _SHARE_BEFORE.search(before):  # "the Conservative vote share fell to 24%"
        return name_at_end(re.sub(r"(?:\s+whose|['’]s?)\s*$", "", before[:share.start()]))
    before = _unhedged(_RESTATED_COUNT.sub("", before))
    verb = _VERB.search(before)
    if not verb:
        return None
    subject = _AUXILIARY.sub("", before[:verb.start()])
    if _INFINITIVE.search(subject) or re.match(r"\s*each\b", found.sentence[found.span[1]:]):
        return None  # "needs to win more than 50%", "both A and B winning 3 seats each": no one's own
    if relative := _RELATIVE.search(subject):
        return name_at_end(subject[:relative.start()])  # "the Opposition, Congress, which won 99 seats"
    if (apposition := _APPOSITION.search(subject)) and _nearest_name(subject[:apposition.start()]):
        subject = subject[:apposition.start()]  # only when a name stands before it
    cut = max((m.end() for m in _BOUNDARY.finditer(subject)), default=0)
    absolute = verb.group().strip().lower().endswith("ing")  # "with the KMT ticket garnering 38.6%"
    if absolute and (declared := _DECLARED.search(subject)):
        return name_at_end(declared.group("who"))
    return _nearest_name(_TICKET.sub("", _ASIDE.sub("", subject[cut:])), absolute)


def _first_entry(before: str, row: str) -> str | None:
    """The name of a run-together row's first entry, which follows the table's column names: as many
    of the last words as the longest name of the other entries has."""
    others = [entry.split() for entry in RUN_ENTRY.findall(row)[1:]]
    words = before.split()
    size = max(map(len, others), default=0)
    return " ".join(words[-size:]) if 0 < size < len(words) else None


def _unhedged(text: str) -> str:
    return _HEDGED_END.sub("", text)


def _nearest_name(subject: str, absolute: bool = False) -> str | None:
    """The name nearest before the verb in `subject`: the head of a ticket ("Lind and her running
    mate Berg"); the person before "of the <party>"; not a name after a preposition ("the seat of
    Richmond", "led by Zuma") unless it is the subject of an -ing verb right after it (`absolute`:
    "with the KMT garnering"), nor a possessive or a modifier of a common noun, nor one a pronoun
    stands between; a sentence's first word only when it is the verb's own subject or an acronym."""
    if mate := _RUNNING_MATE.search(subject):
        return name_at_end(mate.group("head"))
    found = runs(subject)
    if not found or _PRONOUN.search(subject) or re.search(r"\brunning[- ]mates?\b", subject, re.IGNORECASE):
        return None  # "..., she won", "Lind's running mate Berg won": not plainly whose
    start, end, words = found[-1]
    between = subject[end:]
    if re.search(r"\d", between) or _MAIN_VERB.search(between):
        return None  # "Sheinbaum won 59%, and her rival got": the name has its own figure
    if (of := _PERSON_OF.search(subject[:start])) and (person := name_at_end(subject[:of.start()])):
        return person  # "Hou Yu-ih of the Kuomintang (KMT) with 33.49%"
    if party := _PARTY_NOUN.match(between):
        between = between[party.end():]
    if (_NOT_THE_SUBJECT.search(subject[:start]) and not (absolute and not between.strip())
            or re.search(r"['’]s$", words[-1]) or _MODIFIER.match(between)):
        return None  # "the seat of Richmond", "INE's quick count", "the Mexican presidency": no subject
    if start == 0 and len(words) == 1 and between.strip() and not (words[0].isupper() and len(words[0]) > 1):
        return None  # "Opposition candidates won": a sentence's first word, not the verb's own subject
    return name(words)
