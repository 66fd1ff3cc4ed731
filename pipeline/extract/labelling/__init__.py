"""Stage (extraction, labelling): the registry of labelling strategies, keyed by `response_model`.

A prompt file names its strategy with `response_model`; `prompts.load_prompt` refuses a name
that is not here. To add a way of labelling, write a strategy (see `base.Strategy`) and list it.
"""

from __future__ import annotations

from ...errors import PromptError
from ..prompt_spec import LoadedPrompt
from .base import Asker, LabelRequest, Part, PartResult, Provenance, Strategy, parts_of
from .free import FreeExtraction
from .grouped import GroupedQuantities
from .marked import MarkedMentions
from .per_quantity import PerQuantity

__all__ = ["STRATEGIES", "Asker", "LabelRequest", "Part", "PartResult", "Provenance", "Strategy", "parts_of", "strategy_for"]

STRATEGIES: dict[str, Strategy] = {s.response_model: s for s in (FreeExtraction(), MarkedMentions(), PerQuantity(), GroupedQuantities())}


def strategy_for(prompt: LoadedPrompt) -> Strategy:
    """The strategy a loaded prompt names."""
    try:
        return STRATEGIES[prompt.spec.response_model]
    except KeyError:
        raise PromptError(f"prompt {prompt.name}: unknown response_model {prompt.spec.response_model!r}; "
                          f"known: {', '.join(sorted(STRATEGIES))}") from None
