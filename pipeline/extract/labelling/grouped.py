"""Stage (extraction, labelling): prompts v4 to v7 — the article once, then its quantities in groups.

Every call of an article starts with the same tokens: the instructions (with the response schema
instructor adds, which never changes) and the article's text. Only the last lines differ: the
quantities asked about in this call and the metrics their kinds allow, less those code rules out
for the number (`implausible`). v4 and v5 show each quantity marked in its sentence after the
sentences before it; v6 marks every quantity in the article itself and only names them, which
sends each sentence once instead of twice. A server with a prefix cache evaluates the shared part
once per article; a hosted API bills it at its cached-prefix price.

Up to `quantities_per_call` quantities go in one call, and the grammar (`grammar_for`) fixes the
ids and each one's metrics, so none can be skipped or mismatched. Labels that fail a check are set
aside with the validator's message and asked about again with that message; a label still failing
then is kept without the failing name or metric when that alone saves it, and money, a percentage
or a large count still called no fact is kept unlabelled (`_keep_salvaged`); anything else fails
the article (`validation_failed`), with the last answer kept for review. A metric
code had ruled out, written anyway as "other:<metric>", is salvaged at once (`REPEATED`). A
quantity code only expects to be a fact (`expected_facts`: a count in digits, a decimal, a multiple,
a hedged count or length of time, people killed, hurt, missing or rescued, votes, measures) is asked about again once when
answered "not a fact", and after a second "not a fact" it is kept unlabelled too.
Quantities that only join a phrase (`Part.settled`) are decided by rule and never sent. v7 then
asks once more, for the metric alone, about facts whose `other` name only gives the kind of number
(`kind_only`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from schemas.facts import Finding, Usage
from schemas.grouped_labels import GroupedLabels, grammar_for
from schemas.labels import MentionLabel, metrics_for
from schemas.metric_checks import Measured, measured_problem
from schemas.vocabulary import METRIC_UNIT_CLASS, is_kind_name

from ...errors import InvalidAnswer
from ..mentions import Mention, preceding_start, sentence_starts
from ..prompt_spec import LoadedPrompt, render
from .base import PRECEDING_SENTENCES, Asker, LabelRequest, Part, PartResult, Provenance, article_context
from .marked import mark_text
from .mention_facts import expected_facts, kind_of, measured, must_be_fact, part_from_labels, unlabelled, vocabulary_metric

if TYPE_CHECKING:
    from ...ingest.sources import Article

DEFAULT_PER_CALL = 8
FOLLOW_UPS = 2
_CLASS_NAMES = {"percent": "Percentages", "currency": "Money", "count": "Counts", "duration": "Durations"}


def metric_lines(mentions: list[Mention], refused: dict[str, frozenset[str]]) -> str:
    """The metrics these mentions may take, one line per unit class, in the vocabulary's order:
    those of the class that at least one of its mentions is not refused."""
    lines = []
    for unit_class in dict.fromkeys(METRIC_UNIT_CLASS.values()):
        of_class = [m for m in mentions if m.unit_class == unit_class]
        offered = [metric for metric in metrics_for(unit_class)[:-1]
                   if any(metric not in refused.get(m.id, frozenset()) for m in of_class)]
        if of_class:
            lines.append(f"{_CLASS_NAMES[unit_class]}: {', '.join([*offered, 'other:<name>'])}")
    return "\n".join(lines)


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


def quantity_lines(text: str, mentions: list[Mention], notes: dict[str, str], in_sentences: bool = True) -> str:
    """What each of this call's quantities is; with `in_sentences`, each sentence once first, after
    the sentences just before it, with the quantities marked ⟦id: words⟧ (prompts v4 and v5; v6
    marks them in the article instead)."""
    lines, starts = [], sentence_starts(text)
    for sentence in _by_sentence(mentions):
        if in_sentences:
            start, end = sentence[0].sentence_start, sentence[0].sentence_end
            before = " ".join(text[preceding_start(starts, start, PRECEDING_SENTENCES):start].split()) or "(start of the article)"
            lines.append(f"Text before the sentence:\n<<<\n{before}\n>>>\n")
            marked = mark_text(text[:end], sentence)[start:]  # no mark before the sentence's start
            lines.append("Sentence, with the number marked:\n<<<\n" + " ".join(marked.split()) + "\n>>>\n")
        for mention in sentence:
            note = f" (your earlier label was rejected: {notes[mention.id]})" if mention.id in notes else ""
            lines.append(f"The number {mention.id}: {mention.text} ({kind_of(mention)}){note}")
    return "\n".join(lines)


def marks_in_article(prompt: LoadedPrompt) -> bool:
    """Prompts v6 and v7 mark the quantities in the article (`{marked_text}`) and show no sentence
    beside each one, so their grammar asks every fact for an entity: the answer cannot copy a null
    down the list."""
    return "{marked_text}" in prompt.spec.user


def call_fields(part: Part, mentions: list[Mention], notes: dict[str, str], refused: dict[str, frozenset[str]],
                in_article: bool) -> dict[str, str | None]:
    """With `in_article` (v6 and v7, `marks_in_article`) every quantity the part asks about is marked in
    the article, the same in each of its calls, and this call's quantities are listed without their
    sentences."""
    article = part.article
    return {
        "title": article.title, "source": article.source, "published": article.published, "url": article.url,
        "article_id": article.article_id, "text": article.text, "metrics": metric_lines(mentions, refused),
        "marked_text": mark_text(article.text, part.asked) if in_article else None,
        "quantities": quantity_lines(article.text, mentions, notes, in_sentences=not in_article),
    }


def implausible(found: Measured) -> frozenset[str]:
    """The metrics of the number's unit class that the metric checks rule out for its value and
    words (`schemas.metric_checks`): they are never offered, so the model cannot choose them."""
    return frozenset(metric for metric in metrics_for(found.unit_class)
                     if metric != "other" and measured_problem(metric, found))


def group_request(prompt: LoadedPrompt, part: Part, mentions: list[Mention], notes: dict[str, str],
                  refused: dict[str, frozenset[str]] | None = None, metric_only: bool = False) -> LabelRequest:
    """The one request about these mentions, the same whether it is sent live or in a batch;
    `notes` say why earlier labels were rejected, and their `refused` metrics are left out of the grammar,
    as are the metrics that code already rules out for each number (`implausible`). With
    `metric_only` the grammar asks for each one's metric alone."""
    article, in_article = part.article, marks_in_article(prompt)
    found = {m.id: measured(m, article.text) for m in mentions}
    refused = {m.id: implausible(found[m.id]) | (refused or {}).get(m.id, frozenset()) for m in mentions}
    required = {m.id: m.text for m in mentions if must_be_fact(m)}
    expected = expected_facts(mentions, article.text)
    context: dict[str, Any] = {
        **article_context(article), "mentions": {m.id: m.unit_class for m in mentions},
        "required": required | {m.id: m.text for m in mentions if m.id in expected}, "required_why": expected,
        "measured": found, "refused": refused,
    }
    facts = frozenset(required) if prompt.spec.params.facts_by_grammar else frozenset()
    return LabelRequest(render(prompt, call_fields(part, mentions, notes, refused, in_article)), GroupedLabels, context,
                        grammar=grammar_for({m.id: m.unit_class for m in mentions}, refused, entity_required=in_article,
                                            metric_only=metric_only, facts=facts))


class GroupedQuantities:
    """Prompts v4 (one quantity a call), v5 to v7 (up to eight): the article once, then the quantities."""

    response_model: ClassVar[str] = "GroupedLabels"
    batchable: ClassVar[bool] = True
    labels_mentions: ClassVar[bool] = True

    def first_messages(self, prompt: LoadedPrompt, article: Article) -> list[dict[str, str]]:
        part = Part(article, 0)
        first = groups(part.asked, _size(prompt))[:1] or [[]]
        return group_request(prompt, part, first[0], {}).messages

    def requests(self, part: Part, prompt: LoadedPrompt) -> Iterator[tuple[str, LabelRequest]]:
        for group in groups(part.asked, _size(prompt)):
            yield _group_key(part, group), group_request(prompt, part, group, {})

    async def extract_part(self, part: Part, prompt: LoadedPrompt, ask: Asker, stamp: Provenance) -> PartResult:
        labels: dict[str, MentionLabel] = {}
        usage, attempts, findings = Usage(), 0, []
        for group in groups(part.asked, _size(prompt)):
            try:
                spent = await _label_group(part, prompt, ask, group, labels)
            except InvalidAnswer as exc:
                exc.usage = usage + exc.usage  # what the whole part spent
                raise
            usage, attempts = usage + spent.usage, attempts + spent.attempts
            findings += spent.findings
        if prompt.spec.params.kind_only_follow_up:
            spent = await _name_kind_only(part, prompt, ask, labels)
            usage, attempts = usage + spent.usage, attempts + spent.attempts
        result = part_from_labels(part, labels, usage, attempts, stamp)
        result.findings += findings
        return result


def _group_key(part: Part, group: list[Mention]) -> str:
    """The name of the request about `group` (a Batch API custom_id)."""
    return part.key(f"{group[0].id}-{group[-1].id}")


async def _label_group(part: Part, prompt: LoadedPrompt, ask: Asker, group: list[Mention],
                       labels: dict[str, MentionLabel]) -> PartResult:
    """Ask about `group`, then ask again about the labels it rejected (with the reasons, without the
    refused metrics); adds the accepted labels to `labels`. Raises InvalidAnswer when some label
    is still rejected after `FOLLOW_UPS` more answers."""
    key, request, pending = _group_key(part, group), group_request(prompt, part, group, {}), group
    refused: dict[str, frozenset[str]] = {}
    spent = PartResult(facts=[])
    for follow_up in range(1 + FOLLOW_UPS):
        reply = await ask(request, key if follow_up == 0 else None)
        spent.usage, spent.attempts = spent.usage + reply.usage, spent.attempts + reply.attempts
        answer = reply.output if isinstance(reply.output, GroupedLabels) else None
        labels.update(answer.checked if answer else {})
        rejected = dict(answer.rejected) if answer else {}
        chosen = answer.refused_metrics() if answer else {}
        for mention_id, metric in chosen.items():
            refused[mention_id] = refused.get(mention_id, frozenset()) | {metric}
        repeated = [m for m in pending if m.id not in labels and chosen.get(m.id) in request.context["refused"][m.id]
                    and not answer.without_unfound_names(m.id, request.context)]  # the metric is the fault
        _keep_salvaged(repeated, answer, rejected, request.context, labels, spent, part, REPEATED)  # into labels
        if follow_up and answer:
            _accept_not_a_fact(pending, answer, request.context, labels, spent, part)
        pending = [m for m in pending if m.id not in labels]
        if not pending:
            return spent
        if follow_up < FOLLOW_UPS:
            request = group_request(prompt, part, pending, rejected, refused)
    pending = _keep_salvaged(pending, answer, rejected, request.context, labels, spent, part, EVERY_ANSWER)
    if not pending:
        return spent
    about = "; ".join(f"{m.id} «{m.text}» ({rejected.get(m.id, 'no label')})" for m in pending)
    raise InvalidAnswer(f"the labels of {about} still failed their checks after {1 + FOLLOW_UPS} answers",
                        reply.raw_text or (answer.model_dump_json() if answer else None), spent.usage)


def kind_only(label: MentionLabel, found: Measured) -> bool:
    """A fact labelled `other` with a name that only gives the kind of number ("other:count",
    `vocabulary.is_kind_name`), for which code reads no vocabulary metric either (`vocabulary_metric`)."""
    return (label.is_fact and label.metric == "other" and is_kind_name(label.metric_label)
            and vocabulary_metric(label, found) == "other")


def _worth_naming(label: MentionLabel, found: Measured) -> bool:
    """A kind-only label (`kind_only`) of a number that some vocabulary metric could still measure."""
    return kind_only(label, found) and bool(set(metrics_for(found.unit_class)[:-1]) - implausible(found))


async def _name_kind_only(part: Part, prompt: LoadedPrompt, ask: Asker, labels: dict[str, MentionLabel]) -> PartResult:
    """Prompt v7: ask once more, for the metric alone, about the part's facts whose label only names
    the kind of number (`kind_only`) while some vocabulary metric could still fit the number (not
    all ruled out by `implausible`), and take each new metric that passes every check. A label the
    answer does not improve stays as it was: its fact is kept, never compared across sources."""
    text, spent = part.article.text, PartResult(facts=[])
    vague = [m for m in part.asked if m.id in labels and _worth_naming(labels[m.id], measured(m, text))]
    for group in groups(vague, _size(prompt)):
        notes = dict.fromkeys((m.id for m in group), "it named only the kind of number")
        request = group_request(prompt, part, group, notes, metric_only=True)
        try:
            reply = await ask(request)
        except InvalidAnswer as exc:  # the labels stand as they are
            spent.usage = spent.usage + exc.usage
            continue
        spent.usage, spent.attempts = spent.usage + reply.usage, spent.attempts + reply.attempts
        if not isinstance(reply.output, GroupedLabels):
            continue
        for mention in group:
            named = reply.output.with_metric(mention.id, labels[mention.id], request.context)
            if named is not None and not kind_only(named, request.context["measured"][mention.id]):
                labels[mention.id] = named
    return spent


def _accept_not_a_fact(pending: list[Mention], answer: GroupedLabels, context: dict[str, Any],
                       labels: dict[str, MentionLabel], spent: PartResult, part: Part) -> None:
    """A quantity code expects to be a fact (`expected_facts`), answered "not a fact" again after the
    reason was given, is kept as a fact with metric `other`, unlabelled (`unlabelled`), with a
    warning finding; it never fails the article. On the six real-article sets' runs of 2026-12-01,
    17 of the 18 quantities so refused twice were gold facts ("More than 4,000 people had been
    evacuated", "a 200-ton lift capacity", "voted by a majority of 5-4")."""
    for mention in pending:
        why = context["required_why"].get(mention.id)
        if why and mention.id not in labels and answer.not_a_fact(mention.id, context):
            labels[mention.id] = unlabelled(mention)
            spent.findings.append(Finding(
                check="extraction", severity="warning", article_id=part.article.article_id,
                message=f"{mention.id} «{mention.text}»: answered 'not a fact' again after being told it is {why}; "
                        f"kept as metric 'other', unlabelled"))


EVERY_ANSWER = "in every answer"
# The metric of a label that code had already ruled out for its number (`implausible`, or refused
# in an earlier answer) and that the model wrote anyway as "other:<metric>", which the grammar
# cannot forbid: asking again brings the same answer, so the label is salvaged at once.
REPEATED = "though the checks had ruled it out before the answer"


def _keep_salvaged(pending: list[Mention], answer: GroupedLabels | None, rejected: dict[str, str],
                   context: dict[str, Any], labels: dict[str, MentionLabel], spent: PartResult, part: Part,
                   when: str) -> list[Mention]:
    """Keep each label that fails in every answer (or whose metric was `REPEATED`: `when` says which)
    but can be saved, with a warning finding each; the mentions still pending after that. Three
    salvages, in order: a label whose only fault is a name the article does not give, or a name or period in a
    script it never uses, keeps its metric with those words left blank (code fills the entity from the sentence,
    `GroupedLabels.without_unfound_names`); a fact whose metric fails its checks is kept as metric
    `other`, unlabelled, never compared across sources (`GroupedLabels.without_metric`); and money,
    a percentage or a large count (`must_be_fact`) that the model calls no fact in every answer is
    kept the same way (`unlabelled`): one stubborn answer does not lose the article's other facts."""
    left = []
    for mention in pending:
        about = f"{mention.id} «{mention.text}»"
        if answer and (named := answer.without_unfound_names(mention.id, context)):
            labels[mention.id], check = named[0], "names"
            message = (f"{about}: the model wrote {' and '.join(named[1])}, which the article does not give (a name it "
                       f"does not use, or letters of a script it never uses), in every answer; the fact is kept without it")
        elif answer and (kept := answer.without_metric(mention.id, context)):
            labels[mention.id], check = kept, "extraction"
            message = (f"{about}: the model's metric failed its checks {when} "
                       f"({rejected.get(mention.id, 'no reason given')}); the fact is kept as metric 'other', unlabelled")
        elif when == EVERY_ANSWER and must_be_fact(mention):
            labels[mention.id], check = unlabelled(mention), "extraction"
            message = (f"{about}: money, a percentage or a large count that the model called no fact {when} "
                       f"({rejected.get(mention.id, 'no reason given')}); the fact is kept as metric 'other', unlabelled")
        else:
            left.append(mention)
            continue
        spent.findings.append(Finding(check=check, severity="warning", article_id=part.article.article_id, message=message))
    return left


def _size(prompt: LoadedPrompt) -> int:
    return prompt.spec.params.quantities_per_call or DEFAULT_PER_CALL
