"""Stage (extraction, mention-guided): the model labels quantities that code has already parsed.

For prompt v2 the article is shown with every quantity marked (⟦m3: more than 1 million⟧). The
model returns one label per mark. Value, unit, qualifier, quote and span come from the scanner, so
each fact is grounded by construction and its number was never written by the model. Marks the
model leaves unanswered are asked about again, once, in a follow-up call for just those ids.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import ValidationError

from schemas.facts import Finding, QuantFact, Usage
from schemas.labels import MentionLabel, MentionLabels
from schemas.vocabulary import COUNT_NOUNS, METRIC_UNIT_CLASS

from . import llm
from .mentions import Mention
from .prompts import LoadedPrompt, render
from .settings import Settings
from .sources import Article

FOLLOW_UPS = 1
GENERIC_COUNT_UNIT = "items"


def mark_text(text: str, mentions: list[Mention]) -> str:
    """The text with each mention replaced by `⟦id: original words⟧`."""
    parts: list[str] = []
    cursor = 0
    for mention in mentions:
        parts += [text[cursor:mention.start], f"⟦{mention.id}: {mention.text}⟧"]
        cursor = mention.end
    return "".join(parts + [text[cursor:]])


def _fields(article: Article, marked: str, pending: list[Mention]) -> dict[str, str | None]:
    return {
        "text": article.text, "title": article.title, "source": article.source, "published": article.published,
        "url": article.url, "article_id": article.article_id, "marked_text": marked,
        "mention_ids": ", ".join(m.id for m in pending),
    }


def salvage_labels(raw_text: str | None, context: dict[str, Any]) -> list[MentionLabel]:
    """Labels that pass validation, read one by one from an answer that failed as a whole."""
    try:
        items = json.loads(raw_text or "").get("labels", [])
    except (ValueError, AttributeError):
        return []
    labels = []
    for item in items if isinstance(items, list) else []:
        try:
            labels.append(MentionLabel.model_validate(item, context=context))
        except ValidationError:
            continue
    return labels


async def label_mentions(
    article: Article, mentions: list[Mention], prompt: LoadedPrompt, client: Any, settings: Settings,
    params: llm.CallParams,
) -> tuple[dict[str, MentionLabel], Usage, int]:
    """Ask for a label per mention; ask again for the ones left unanswered."""
    context = {"mentions": {m.id: m.unit_class for m in mentions}}
    marked = mark_text(article.text, mentions)
    labels: dict[str, MentionLabel] = {}
    usage, attempts, pending = Usage(), 0, mentions
    for _ in range(1 + FOLLOW_UPS):
        messages = render(prompt, _fields(article, marked, pending))
        reply = await llm.structured(client, messages, MentionLabels, context, settings, params)
        usage, attempts = usage + reply.usage, attempts + reply.attempts
        answered = reply.output.labels if isinstance(reply.output, MentionLabels) else salvage_labels(reply.raw_text, context)
        for label in answered:
            labels.setdefault(label.id, label)
        pending = [m for m in mentions if m.id not in labels]
        if not pending:
            break
    return labels, usage, attempts


def signed_value(mention: Mention, metric: str) -> float:
    """A rate that the text says went down ("contracted 4.5 percent") is negative."""
    is_rate = METRIC_UNIT_CLASS.get(metric) == "percent" and metric.endswith("_growth")
    if is_rate and mention.direction == "down" and mention.value > 0:
        return -mention.value
    return mention.value


def unit_for(mention: Mention, metric: str) -> str:
    if mention.unit:
        return mention.unit
    return COUNT_NOUNS.get(metric, GENERIC_COUNT_UNIT)


def fact_from_label(mention: Mention, label: MentionLabel, article: Article, prompt_ref: str, model: str,
                    run_id: str, offset: int = 0) -> QuantFact:
    """A fact whose number, unit, quote and span come from the mention, and the rest from the label.

    `article` may be one chunk of a longer article that starts at `offset`; spans are absolute."""
    metric = label.metric or "other"
    start, end = mention.start + offset, mention.end + offset
    key = "|".join([article.article_id, prompt_ref, model, str(start), str(end), metric])
    value = signed_value(mention, metric)
    value_max = mention.value_max if mention.value_max is None or value >= 0 else -mention.value_max
    return QuantFact(
        fact_id="f_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16],
        article_id=article.article_id, source=article.source, url=article.url, published=article.published,
        entity=label.entity or "unknown", metric=metric, metric_label=label.metric_label,
        value=value, value_max=value_max, unit=unit_for(mention, metric), qualifier=mention.qualifier,
        period_text=label.period_text, status=label.status or "actual", attribution=label.attribution,
        quote=article.text[mention.sentence_start:mention.sentence_end],
        span=(mention.sentence_start + offset, mention.sentence_end + offset),
        mention_span=(start, end), prompt=prompt_ref, model=model, run_id=run_id,
    )


def facts_from_labels(mentions: list[Mention], labels: dict[str, MentionLabel], article: Article,
                      prompt_ref: str, model: str, run_id: str, offset: int = 0) -> tuple[list[QuantFact], list[Finding]]:
    """Facts for the marks labelled as facts; a finding for marks never answered."""
    facts = [
        fact_from_label(m, labels[m.id], article, prompt_ref, model, run_id, offset)
        for m in mentions if m.id in labels and labels[m.id].is_fact
    ]
    unanswered = [m for m in mentions if m.id not in labels]
    findings = []
    if unanswered:
        listed = ", ".join(f"{m.id} «{m.text}»" for m in unanswered)
        findings.append(Finding(check="extraction", severity="warning", article_id=article.article_id,
                                message=f"the model gave no label for {len(unanswered)} quantities after a follow-up: {listed}"))
    return facts, findings
