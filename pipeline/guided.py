"""Stage (extraction, mention-guided): the model labels quantities that code has already parsed.

Value, unit, qualifier, quote and span come from the scanner, so each fact is grounded by
construction and its number was never written by the model.
- Prompt v2 shows the article with every quantity marked (⟦m3: more than 1 million⟧) and asks for
  one label per mark in one call; marks left unanswered are asked about again, once.
- Prompt v3 asks about one quantity per call, showing its sentence and the text before it, with
  the metric limited to those of its unit class; no quantity can be skipped.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import ValidationError

from schemas.facts import Finding, QuantFact, Usage
from schemas.labels import MentionLabel, MentionLabels, QuantityLabel, metrics_for, quantity_label_model
from schemas.vocabulary import COUNT_NOUNS, METRIC_UNIT_CLASS

from . import llm
from .chunking import shift_span
from .mentions import Mention, sentence_starts
from .prompts import LoadedPrompt, render
from .settings import Settings
from .sources import Article

FOLLOW_UPS = 1
GENERIC_COUNT_UNIT = "items"
LARGE_COUNT = 1e6


def must_be_fact(mention: Mention) -> bool:
    """Money, percentages and counts in the millions are quantities whatever the model thinks."""
    return mention.unit_class in ("percent", "currency") or abs(mention.value) >= LARGE_COUNT


def mark_text(text: str, mentions: list[Mention]) -> str:
    """The text with each mention replaced by `⟦id: original words⟧`."""
    parts: list[str] = []
    cursor = 0
    for mention in mentions:
        parts += [text[cursor:mention.start], f"⟦{mention.id}: {mention.text}⟧"]
        cursor = mention.end
    return "".join(parts + [text[cursor:]])


def call_fields(article: Article, marked: str, pending: list[Mention], notes: dict[str, str]) -> dict[str, str | None]:
    """Template fields for one labelling call: the marked text, the ids to label, rejections."""
    rejected = "".join(f"\n- {mark}: {why}" for mark, why in notes.items())
    return {
        "text": article.text, "title": article.title, "source": article.source, "published": article.published,
        "url": article.url, "article_id": article.article_id, "marked_text": marked,
        "mention_ids": ", ".join(m.id for m in pending),
        "notes": f"Your earlier labels for these marks were rejected:{rejected}" if rejected else "",
    }


def _read_labels(reply: llm.StructuredReply, context: dict[str, Any]) -> MentionLabels | None:
    """The reply's labels; an answer that failed as a whole is re-read once, leniently."""
    if isinstance(reply.output, MentionLabels):
        return reply.output
    try:
        return MentionLabels.model_validate_json(reply.raw_text or "", context=context)
    except ValidationError:
        return None


async def label_mentions(
    article: Article, mentions: list[Mention], prompt: LoadedPrompt, client: Any, settings: Settings,
    params: llm.CallParams, offset: int = 0,
) -> tuple[dict[str, MentionLabel], Usage, int]:
    """Ask for a label per mention; ask again, with the reasons, for marks left out or rejected."""
    context = {
        "mentions": {m.id: m.unit_class for m in mentions},
        "required": {m.id: m.text for m in mentions if must_be_fact(m)},
    }
    marked = mark_text(article.text, mentions)
    labels: dict[str, MentionLabel] = {}
    usage, attempts, pending, notes = Usage(), 0, mentions, {}
    for _ in range(1 + FOLLOW_UPS):
        messages = render(prompt, call_fields(article, marked, pending, notes))
        reply = await llm.structured(client, messages, MentionLabels, context, settings, params)
        usage, attempts = usage + reply.usage, attempts + reply.attempts
        answer = _read_labels(reply, context)
        for label in answer.labels if answer else []:
            labels.setdefault(label.id, label)
        notes = {mark: why for mark, why in (answer.rejected if answer else {}).items() if mark not in labels}
        pending = [m for m in mentions if m.id not in labels]
        if not pending:
            break
    return labels, usage, attempts


PRECEDING_SENTENCES = 2
_KINDS = {"percent": "a percentage", "currency": "an amount of money in {unit}", "count": "a count of {unit}",
          "duration": "a length of time in {unit}"}


def quantity_fields(article: Article, mention: Mention, starts: list[int]) -> dict[str, str | None]:
    """Template fields for asking about one quantity: its marked sentence and the text before it."""
    index = max(i for i, start in enumerate(starts) if start <= mention.sentence_start) if starts else 0
    first = starts[max(0, index - PRECEDING_SENTENCES)] if starts else 0
    text = article.text
    sentence = (text[mention.sentence_start:mention.start] + "⟦" + mention.text + "⟧"
                + text[mention.end:mention.sentence_end])
    kind = _KINDS[mention.unit_class].format(unit=mention.unit or "things")
    return {
        "title": article.title, "source": article.source, "published": article.published, "url": article.url,
        "article_id": article.article_id, "preceding": text[first:mention.sentence_start].strip() or "(start of the article)",
        "sentence": sentence.strip(), "quantity": mention.text, "quantity_kind": kind,
        "metrics": ", ".join(metrics_for(mention.unit_class)),
    }


def label_context(mention: Mention) -> dict[str, Any]:
    """What the one-quantity label validators need to know about the quantity."""
    return {"required": must_be_fact(mention), "words": mention.text}


async def label_each(
    article: Article, mentions: list[Mention], prompt: LoadedPrompt, client: Any, settings: Settings,
    params: llm.CallParams, offset: int = 0,
) -> tuple[dict[str, MentionLabel], Usage, int]:
    """One call per quantity; a label that fails validation is reasked by instructor, then left out."""
    starts = sentence_starts(article.text)
    labels: dict[str, MentionLabel] = {}
    usage, attempts = Usage(), 0
    for mention in mentions:
        messages = render(prompt, quantity_fields(article, mention, starts))
        reply = await llm.structured(client, messages, quantity_label_model(mention.unit_class), label_context(mention),
                                     settings, params)
        usage, attempts = usage + reply.usage, attempts + reply.attempts
        if isinstance(reply.output, QuantityLabel):
            labels[mention.id] = reply.output.for_mention(mention.id)
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
        entity=label.entity or "unknown", metric=metric, metric_label=label.metric_label if metric == "other" else None,
        value=value, value_max=value_max, unit=unit_for(mention, metric), qualifier=mention.qualifier,
        period_text=label.period_text, status=label.status or "actual", attribution=label.attribution,
        quote=article.text[mention.sentence_start:mention.sentence_end],
        span=shift_span((mention.sentence_start, mention.sentence_end), offset),
        mention_span=(start, end), prompt=prompt_ref, model=model, run_id=run_id,
    )


def unlabelled(mention: Mention) -> MentionLabel:
    """The label given to a quantity that must be a fact but that the model never labelled."""
    return MentionLabel(id=mention.id, is_fact=True, metric="other", metric_label=f"unlabelled_{mention.unit_class}",
                        entity="unknown", status="claim")


def facts_from_labels(mentions: list[Mention], labels: dict[str, MentionLabel], article: Article,
                      prompt_ref: str, model: str, run_id: str, offset: int = 0) -> tuple[list[QuantFact], list[Finding]]:
    """Facts for the marks labelled as facts, and for unlabelled money, percentages and large counts.

    Those keep their number, quote and span but say plainly that nothing else is known about them,
    with a warning finding; other unlabelled marks are only listed in the finding."""
    unanswered = [m for m in mentions if m.id not in labels]
    filled = {**labels, **{m.id: unlabelled(m) for m in unanswered if must_be_fact(m)}}
    facts = [
        fact_from_label(m, filled[m.id], article, prompt_ref, model, run_id, offset)
        for m in mentions if m.id in filled and filled[m.id].is_fact
    ]
    findings = []
    if unanswered:
        listed = ", ".join(f"{m.id} «{m.text}»" for m in unanswered)
        findings.append(Finding(
            check="extraction", severity="warning", article_id=article.article_id,
            fact_ids=[f.fact_id for f in facts if f.metric_label and f.metric_label.startswith("unlabelled_")],
            message=f"the model gave no usable label for {len(unanswered)} quantities: {listed}; "
                    f"money, percentages and counts in the millions among them are kept as metric 'other' (unlabelled)",
        ))
    return facts, findings
