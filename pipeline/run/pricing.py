"""Primitive: what tokens cost, from a small price table keyed by model, overridable in settings.

Prices are US dollars per million tokens (input, output), as the providers publish them. A model
that is not in the table has no known price: its cost is reported as unknown, never as zero,
unless it is the embedded local model, which costs nothing per token.
"""

from __future__ import annotations

from collections.abc import Mapping

from schemas.facts import Usage

from ..errors import BudgetSpent
from ..settings import DEFAULT_LOCAL_MODEL

# (input, output) USD per 1M tokens; batch APIs bill half.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
    DEFAULT_LOCAL_MODEL: (0.0, 0.0),
}
BATCH_DISCOUNT = 0.5


def price_of(model: str, overrides: Mapping[str, tuple[float, float]] | None = None) -> tuple[float, float] | None:
    """The (input, output) price per 1M tokens for `model`; settings override the table."""
    table = {**PRICES, **(overrides or {})}
    return table.get(model)


def cost_of(usage: Usage, price: tuple[float, float] | None, batch: bool = False) -> float | None:
    """US dollars for `usage` at `price`; None when the price is unknown."""
    if price is None:
        return None
    dollars = (usage.prompt_tokens * price[0] + usage.completion_tokens * price[1]) / 1e6
    return dollars * (BATCH_DISCOUNT if batch else 1.0)


class Budget:
    """The run's spending so far against --max-tokens and --max-cost.

    Live model calls are metered one by one (`reserve` before each, `settle` after it, through the
    throttle): a call whose most (prompt estimate + output limit) would pass a limit is not sent,
    so the run never overruns. Work paid for elsewhere (a Batch API job, Ray workers) is `add`ed."""

    def __init__(self, max_tokens: int | None, max_cost: float | None, price: tuple[float, float] | None) -> None:
        self.max_tokens, self.max_cost, self.price = max_tokens, max_cost, price
        self.spent = Usage()
        self.reserved = (0, 0)  # (prompt, completion) tokens of the calls in flight, at their most
        self.refused: str | None = None

    def add(self, usage: Usage) -> None:
        self.spent = self.spent + usage

    def reserve(self, prompt_tokens: int, completion_tokens: int) -> None:
        """Set aside a call's most, or raise BudgetSpent if that would pass a limit."""
        prompt, completion = self.reserved[0] + prompt_tokens, self.reserved[1] + completion_tokens
        if reason := self._passed_by(self.spent + Usage(prompt_tokens=prompt, completion_tokens=completion)):
            self.refused = f"{reason}; the next call is not sent"
            raise BudgetSpent(self.refused)
        self.reserved = (prompt, completion)

    def settle(self, reserved: tuple[int, int], used: tuple[int, int]) -> None:
        """Release a call's reservation and count what it used."""
        self.reserved = (self.reserved[0] - reserved[0], self.reserved[1] - reserved[1])
        self.spent = self.spent + Usage(prompt_tokens=used[0], completion_tokens=used[1], calls=1)

    def _passed_by(self, usage: Usage) -> str | None:
        if self.max_tokens is not None and usage.total_tokens > self.max_tokens:
            return f"token budget reached ({self.spent.total_tokens:,} used of --max-tokens {self.max_tokens:,})"
        cost = cost_of(usage, self.price)
        if self.max_cost is not None and cost is not None and cost > self.max_cost:
            return f"cost budget reached (${cost_of(self.spent, self.price) or 0:.4f} spent of --max-cost ${self.max_cost:.4f})"
        return None

    @property
    def cost(self) -> float | None:
        return cost_of(self.spent, self.price)

    def exhausted(self) -> str | None:
        """Why no further article may start, or None."""
        if self.refused is not None:
            return self.refused
        if self.max_tokens is not None and self.spent.total_tokens >= self.max_tokens:
            return f"token budget reached ({self.spent.total_tokens:,} of --max-tokens {self.max_tokens:,})"
        cost = self.cost
        if self.max_cost is not None and cost is not None and cost >= self.max_cost:
            return f"cost budget reached (${cost:.4f} of --max-cost ${self.max_cost:.4f})"
        return None
