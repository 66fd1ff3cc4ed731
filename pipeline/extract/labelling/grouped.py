"""Stage (extraction, labelling): prompt v4 — the article once, then its quantities in groups.

Every call of an article starts with the same tokens: the instructions (with the response schema
instructor adds, which never changes) and the article's text. Only the last lines differ: the
quantities asked about in this call, each marked in its sentence. A server with a prefix cache
evaluates the shared part once per article; a hosted API bills it at its cached-prefix price.

Up to `quantities_per_call` quantities go in one call, and the grammar (`grammar_for`) fixes the
ids and each one's metrics, so none can be skipped or mismatched. Labels that fail a check are set
aside with the validator's message and asked about again with that message; a label still failing
then fails the article (`validation_failed`), with the last answer kept for review. Quantities that
only join a phrase (`Part.settled`) are decided by rule and never sent.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from schemas.facts import Usage
from schemas.grouped_labels import GroupedLabels, grammar_for
from schemas.labels import MentionLabel, metrics_for
from schemas.vocabulary import METRIC_UNIT_CLASS

from ..mentions import Mention
from ..prompt_spec import LoadedPrompt, render
from .base import Asker, LabelRequest, Part, PartResult, Provenance, article_context, still_invalid
from .mention_facts import measured, must_be_fact, part_from_labels

if TYPE_CHECKING:
    from ...ingest.sources import Article

DEFAULT_PER_CALL = 8
FOLLOW_UPS = 1
_KINDS = {"percent": "a percentage", "currency": "money in {unit}", "count": "a count of {unit}",
          "duration": "a length of time in {unit}"}
_CLASS_NAMES = {"percent": "Percentages", "currency": "Money", "count": "Counts", "duration": "Durations"}


def metric_lines() -> str:
    """The metrics each unit class allows, one line a class (the same text in every call)."""
    classes = dict.fromkeys(METRIC_UNIT_CLASS.values())
    return "\n".join(f"- {_CLASS_NAMES[c]}: {', '.join(metrics_for(c))}" for c in classes)


def groups(mentions: list[Mention], size: int) -> list[list[Mention]]:
    """The mentions in calls of at most `size`, never splitting a sentence that fits in one call."""
    calls: list[list[Mention]] = [[]]
    for sentence in _by_sentence(mentions):
        if calls[-1] and len(calls[-1]) + len(sentence) > size:
            calls.append([])
        calls[-1].extend(sentence)
    return [call[i:i + size] for call in calls for i in range(0, len(call), size)]


def _by_sentence(mentions: list[Mention]) -> list[list[Mention]]:
    found: dict[int, list[Mention]] = {}
    for mention in mentions:
        found.setdefault(mention.sentence_start, []).append(mention)
    return list(found.values())


def quantity_lines(text: str, mentions: list[Mention], notes: dict[str, str]) -> str:
    """Each sentence once, with this call's quantities marked ⟦id: words⟧, then what each one is."""
    lines = []
    for sentence in _by_sentence(mentions):
        start, end = sentence[0].sentence_start, sentence[0].sentence_end
        marked, cursor = [], start
        for mention in sentence:
            marked += [text[cursor:mention.start], f"⟦{mention.id}: {mention.text}⟧"]
            cursor = mention.end
        lines.append("Sentence: " + " ".join(("".join(marked) + text[cursor:end]).split()))
        for mention in sentence:
            kind = _KINDS[mention.unit_class].format(unit=mention.unit or "things")
            note = f" (your earlier label was rejected: {notes[mention.id]})" if mention.id in notes else ""
            lines.append(f"- {mention.id}: {kind}{note}")
    return "\n".join(lines)


def call_fields(article: Article, mentions: list[Mention], notes: dict[str, str]) -> dict[str, str | None]:
    return {
        "title": article.title, "source": article.source, "published": article.published, "url": article.url,
        "article_id": article.article_id, "text": article.text, "metrics": metric_lines(),
        "quantities": quantity_lines(article.text, mentions, notes),
    }


def group_request(prompt: LoadedPrompt, article: Article, mentions: list[Mention], notes: dict[str, str]) -> LabelRequest:
    """The one request about these mentions, the same whether it is sent live or in a batch."""
    context: dict[str, Any] = {
        **article_context(article), "mentions": {m.id: m.unit_class for m in mentions},
        "required": {m.id: m.text for m in mentions if must_be_fact(m)},
        "measured": {m.id: measured(m, article.text) for m in mentions},
    }
    return LabelRequest(render(prompt, call_fields(article, mentions, notes)), GroupedLabels, context,
                        grammar=grammar_for({m.id: m.unit_class for m in mentions}))


class GroupedQuantities:
    """Prompt v4: the article once, then up to `quantities_per_call` quantities a call."""

    response_model: ClassVar[str] = "GroupedLabels"
    batchable: ClassVar[bool] = True
    labels_mentions: ClassVar[bool] = True

    def first_messages(self, prompt: LoadedPrompt, article: Article) -> list[dict[str, str]]:
        part = Part(article, 0)
        first = groups(part.asked, _size(prompt))[:1] or [[]]
        return group_request(prompt, article, first[0], {}).messages

    def requests(self, part: Part, prompt: LoadedPrompt) -> Iterator[tuple[str, LabelRequest]]:
        for group in groups(part.asked, _size(prompt)):
            yield part.key(f"{group[0].id}-{group[-1].id}"), group_request(prompt, part.article, group, {})

    async def extract_part(self, part: Part, prompt: LoadedPrompt, ask: Asker, stamp: Provenance) -> PartResult:
        labels: dict[str, MentionLabel] = {}
        usage, attempts = Usage(), 0
        for key, request in self.requests(part, prompt):
            pending = [m for m in part.asked if m.id in request.context["mentions"]]
            for follow_up in range(1 + FOLLOW_UPS):
                reply = await ask(request, key if follow_up == 0 else None)
                usage, attempts = usage + reply.usage, attempts + reply.attempts
                answer = reply.output if isinstance(reply.output, GroupedLabels) else None
                labels.update(answer.checked if answer else {})
                rejected = dict(answer.rejected) if answer else {}
                pending = [m for m in pending if m.id not in labels]
                if not pending:
                    break
                request = group_request(prompt, part.article, pending, rejected)
            if pending:
                about = "; ".join(f"{m.id} «{m.text}» ({rejected.get(m.id, 'no label')})" for m in pending)
                raise still_invalid(reply, about, usage)
        return part_from_labels(part, labels, usage, attempts, stamp)


def _size(prompt: LoadedPrompt) -> int:
    return prompt.spec.params.quantities_per_call or DEFAULT_PER_CALL
