"""Stage (extraction, labelling): prompt v2 — every quantity marked in the text, labelled in one call.

The article is shown with every scanned quantity marked (⟦m3: more than 1 million⟧) and the model
returns one label per mark. Labels the schema rejects are kept out with the validator's reason;
marks left unanswered or rejected are asked about once more, with those reasons in the prompt. A
label still rejected after that follow-up (or a last answer invalid as a whole) fails the article
as `validation_failed`; a mark merely left unanswered is kept unlabelled (`mention_facts`).
Quantities that only join a phrase (`Part.settled`) are neither marked nor asked about.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import ValidationError

from schemas.facts import Usage
from schemas.labels import MentionLabel, MentionLabels

from ...errors import InvalidAnswer
from ..mentions import Mention
from ..prompt_spec import LoadedPrompt, render
from .base import Asker, LabelRequest, Part, PartResult, Provenance, article_context, not_batchable, still_invalid
from .mention_facts import measured, must_be_fact, part_from_labels

if TYPE_CHECKING:
    from ...ingest.sources import Article
    from ...model.llm import StructuredReply

FOLLOW_UPS = 1


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


def _read_labels(reply: StructuredReply, context: dict[str, Any]) -> MentionLabels | None:
    """The reply's labels; an answer that failed as a whole is re-read once, leniently."""
    if isinstance(reply.output, MentionLabels):
        return reply.output
    try:
        return MentionLabels.model_validate_json(reply.raw_text or "", context=context)
    except ValidationError:
        return None


def _still_invalid(reply: StructuredReply, whole: bool, pending: list[Mention], notes: dict[str, str],
                   usage: Usage) -> InvalidAnswer:
    """The error for a last answer that failed as a whole, or whose labels of some marks the validator
    still rejected after the follow-up (marks merely left out stay unlabelled, see `mention_facts`)."""
    if whole:
        return still_invalid(reply, "marks " + ", ".join(m.id for m in pending), usage)
    words = {m.id: m.text for m in pending}
    about = ", ".join(f"{mark} «{words.get(mark, '?')}»" for mark in notes)
    return InvalidAnswer(f"the labels of {about} were still rejected after the follow-up call: "
                         f"{'; '.join(notes.values())}", reply.raw_text, usage)


class MarkedMentions:
    """Prompt v2: one call labels every marked quantity; one follow-up for what is missing."""

    response_model: ClassVar[str] = "MentionLabels"
    batchable: ClassVar[bool] = False
    labels_mentions: ClassVar[bool] = True

    def first_messages(self, prompt: LoadedPrompt, article: Article) -> list[dict[str, str]]:
        mentions = Part(article, 0).asked
        return render(prompt, call_fields(article, mark_text(article.text, mentions), mentions, {}))

    def requests(self, part: Part, prompt: LoadedPrompt) -> Iterator[tuple[str, LabelRequest]]:
        raise not_batchable(prompt)

    async def extract_part(self, part: Part, prompt: LoadedPrompt, ask: Asker, stamp: Provenance) -> PartResult:
        if not part.asked:
            return part_from_labels(part, {}, Usage(), 0, stamp)
        labels, usage, attempts = await self.label(part.article, part.asked, prompt, ask)
        return part_from_labels(part, labels, usage, attempts, stamp)

    async def label(self, article: Article, mentions: list[Mention], prompt: LoadedPrompt,
                    ask: Asker) -> tuple[dict[str, MentionLabel], Usage, int]:
        """Ask for a label per mention; ask again, with the reasons, for marks left out or rejected."""
        context = {
            "mentions": {m.id: m.unit_class for m in mentions},
            "required": {m.id: m.text for m in mentions if must_be_fact(m)},
            **article_context(article),
            "measured": {m.id: measured(m, article.text) for m in mentions},
        }
        marked = mark_text(article.text, mentions)
        labels: dict[str, MentionLabel] = {}
        usage, attempts, pending, notes = Usage(), 0, mentions, {}
        for _ in range(1 + FOLLOW_UPS):
            reply = await ask(LabelRequest(render(prompt, call_fields(article, marked, pending, notes)), MentionLabels, context))
            usage, attempts = usage + reply.usage, attempts + reply.attempts
            answer = _read_labels(reply, context)
            for label in answer.labels if answer else []:
                labels.setdefault(label.id, label)
            notes = {mark: why for mark, why in (answer.rejected if answer else {}).items() if mark not in labels}
            pending = [m for m in mentions if m.id not in labels]
            if not pending:
                return labels, usage, attempts
        if answer is None or notes:
            raise _still_invalid(reply, answer is None, pending, notes, usage)
        return labels, usage, attempts
