"""Stage (extraction): name the entity of a fact the model left without one, when the text does.

A fact whose entity is missing is useless across sources: it can never be grouped. When its own
sentence names exactly one of the entities the model gave the article's other facts, that entity
is the one the sentence is about, and the fact takes it; an info finding lists every fact so
named. With no such entity, or more than one, the fact stays "unknown": never a guess. An entity
the article never names at all is the model's own guess and is dropped first (`unnamed_entities`).

An economy's figure belongs to the economy its sentence names (`economy_owner`): in "North
Korea's tiny economy, which South Korea's central bank says was worth 22.6 billion euro", the
figure is North Korea's, whoever reports it; and it is not the figure of an entity other than the
one "the Japanese economy" names (`another_economy`).
"""

from __future__ import annotations

import re

from schemas.facts import Finding, QuantFact
from schemas.primitives.names import name_found

UNKNOWN = frozenset({"", "unknown", "none", "null", "n/a"})


def is_unknown(entity: str) -> bool:
    return entity.strip().lower() in UNKNOWN


def _places(name: str, sentence: str) -> list[re.Match[str]]:
    """Where the sentence names `name`, as whole words, case-insensitively."""
    return list(re.finditer(rf"(?<!\w){re.escape(name.strip())}(?!\w)", sentence, flags=re.IGNORECASE))


def named_in(sentence: str, entities: set[str]) -> list[str]:
    """The entities the sentence names, as whole words, case-insensitively."""
    return sorted(e for e in entities if _places(e, sentence))


ECONOMY_FIGURES = frozenset({"gdp_nominal", "gni_nominal", "gni_per_capita", "gdp_real_growth"})
# "North Korea's tiny, centralized economy", "Japan's GDP": a capitalised name in the possessive,
# then at most three words that describe the economy (no preposition, article or verb: "the IMF's
# outlook for the economy" and "the bank's estimate put the economy at" are not their economies),
# then the economy.
_OWNED_ECONOMY = re.compile(
    r"\b(?:The\s+)?((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['’]s\s+"
    r"(?:(?!(?:for|of|on|in|at|about|to|and|or|with|from|by|the|an?|its|their|says?|said|puts?|is|was|are|were|"
    r"ha[sd]|have)\b)[\w,-]+\s+){0,3}?"
    r"(?:economy|GDP|gross domestic product)\b")


# Who reports a figure: "South Korea's spy agency said", "Japan's defence ministry estimated".
_SOURCE_NOUNS = (r"(?:(?!(?:to|from|with|of|in|on|for|at|by|and|has|have|had|was|were|is|are)\b)[a-z][\w-]*\s+){0,3}"
                 r"(?:spy agency|intelligence(?:\s+(?:service|agency))?|"
                 r"(?:defen[cs]e\s+)?ministry|government|central bank|statistics\s+(?:office|bureau|agency)|officials?|"
                 r"president|prime minister|joint chiefs(?:\s+of\s+staff)?|agency|office|bureau|service|lawmakers?)\b")
_REPORTER_AFTER = re.compile(rf"['’]s\s+{_SOURCE_NOUNS}", re.IGNORECASE)  # right after the name
_REPORTED = re.compile(r"\b(?:said|says|told|reported|estimated|estimates|believes|believed|according)\b", re.IGNORECASE)


def only_the_reporter(entity: str, sentence: str) -> bool:
    """Whether `entity` is named in the sentence only as the owner of whoever reports the figure
    ("North Korea has sent 1 million shells to Russia, South Korea's spy agency said"): the figure
    is about someone else."""
    places = _places(entity, sentence)
    if not places or not _REPORTED.search(sentence):
        return False
    return all(_REPORTER_AFTER.match(sentence, place.end()) for place in places)


# "the Japanese economy", "the U.S. economy", "The German GDP": an economy named by its adjective
_ADJECTIVE_ECONOMY = re.compile(r"\b[Tt]he\s+(?:(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*)\s+(?:economy|GDP|gross domestic product)\b")


def another_economy(entity: str, sentence: str) -> bool:
    """Whether the sentence speaks of one economy by its adjective ("the Japanese economy") and
    `entity` does not name it ("Germany"): the figure is not that entity's."""
    named = {" ".join(found.group(0).split()) for found in _ADJECTIVE_ECONOMY.finditer(sentence)}
    return len(named) == 1 and not name_found(entity, named.pop())


def economy_owner(sentence: str) -> str | None:
    """The one name whose economy the sentence speaks of ("North Korea's small economy"); None
    when it names no such owner, or two ("Japan's economy grew, while China's economy ...")."""
    owners = {" ".join(found.group(1).split()) for found in _OWNED_ECONOMY.finditer(sentence)}
    return owners.pop() if len(owners) == 1 else None


_MINOR = frozenset({"the", "and", "of", "for", "inc", "ltd", "plc", "corp", "group"})


def named_in_article(entity: str, text: str) -> bool:
    """Whether the article names `entity` at all: one of its words, whole ("Harris"), or the first five
    letters of a longer one ("Japan" in "Japanese", "Britain" in "British"), or its initials ("U.S.",
    "EU"). Lenient by design: only an entity the text never touches is taken for the model's own."""
    low = text.lower()
    words = [w.lower().rstrip(".").removesuffix("'s").removesuffix("’s") for w in re.findall(r"[^\W\d_][\w'’.&-]*", entity)]
    words = [w for w in words if len(w) >= 3 and w not in _MINOR]
    if not words or any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) or len(w) >= 5 and re.search(rf"(?<!\w){re.escape(w[:5])}", low)
                        for w in words):
        return True
    initials = [w[0] for w in re.findall(r"\b[A-Z][a-z]+", entity)]
    return len(initials) >= 2 and bool(re.search(rf"(?<!\w){'[.]?'.join(initials)}[.]?(?!\w)", text))


def unnamed_entities(facts: list[QuantFact], text: str, article_id: str) -> tuple[list[QuantFact], list[Finding]]:
    """The facts, each whose entity the article never names made "unknown" ("United States" for a
    dollar amount in a story about a football club's sale): the model's guess, not the text's."""
    out, dropped = [], []
    for fact in facts:
        if not is_unknown(fact.entity) and not named_in_article(fact.entity, text):
            dropped.append((fact.fact_id, fact.entity))
            fact = fact.model_copy(update={"entity": "unknown"})
        out.append(fact)
    if not dropped:
        return out, []
    listed = ", ".join(f"{fact_id} ({entity})" for fact_id, entity in dropped)
    return out, [Finding(check="extraction", severity="info", article_id=article_id, fact_ids=[fact_id for fact_id, _ in dropped],
                         message=f"the article never names the entity the model gave {len(dropped)} facts; they are left "
                                 f"without one: {listed}")]


def fill_entities(facts: list[QuantFact], article_id: str) -> tuple[list[QuantFact], list[Finding]]:
    """The facts, with a missing entity taken from the sentence where exactly one known entity is named."""
    known = {f.entity.strip() for f in facts if not is_unknown(f.entity)}
    out, named = [], []
    for fact in facts:
        candidates = named_in(fact.quote, known) if is_unknown(fact.entity) else []
        if len(candidates) == 1:
            fact = fact.model_copy(update={"entity": candidates[0]})
            named.append(fact)
        out.append(fact)
    if not named:
        return out, []
    listed = ", ".join(f"{f.fact_id} ({f.entity})" for f in named)
    return out, [Finding(check="extraction", severity="info", article_id=article_id, fact_ids=[f.fact_id for f in named],
                         message=f"the model named no entity for {len(named)} facts; their sentences name one the "
                                 f"article's other facts use, so they take it: {listed}")]
