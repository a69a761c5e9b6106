"""The cost of one reply from its token usage and a `PriceSheet`.

How the counts in `reply_parts.Usage` relate, per API style (the parsers normalise them):

- prompt_tokens includes cached_tokens in every style. OpenAI chat and Responses report
  `cached_tokens` inside the prompt count; DeepSeek's `prompt_cache_hit_tokens` likewise; for
  Anthropic the parser adds `cache_read_input_tokens` and `cache_creation_input_tokens` to
  `input_tokens`. So uncached input = prompt − cached. (Anthropic's cache writes, billed at
  1.25× input, are not kept apart by the parser and are priced as plain input: a slight
  underestimate.)
- completion_tokens includes reasoning_tokens for OpenAI chat (`completion_tokens_details`)
  and Responses (`output_tokens_details`); Anthropic reports thinking inside `output_tokens`
  and no separate count. Reasoning is billed as output, so it is not added again: the
  breakdown shows it as the part of the output it is, priced at the reasoning price (the
  output price unless the data names another).
- Some gateways (Gemini's OpenAI-compatible endpoint, a few relays) leave reasoning out of
  completion_tokens and count it in total_tokens. When total = prompt + completion + reasoning
  (and not prompt + completion) the reasoning tokens are added to the output.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop.core.pricing.prices import PriceSheet
from desktop.core.reply_parts import Usage

PER = 1_000_000
MAX_PRICE_JSON = 4096


@dataclass(frozen=True)
class CostBreakdown:
    """A reply's cost in `prices.currency`, by token kind; `estimated` when counts were guessed.

    `output` covers the visible output tokens, `reasoning` the reasoning tokens (billed as
    output); total = input + cached_input + output + reasoning.
    """

    prices: PriceSheet
    input_tokens: int
    cached_tokens: int
    output_tokens: int
    reasoning_tokens: int
    input: float
    cached_input: float
    output: float
    reasoning: float
    estimated: bool = False

    @property
    def total(self) -> float:
        return self.input + self.cached_input + self.output + self.reasoning

    @property
    def currency(self) -> str:
        return self.prices.currency

    def price_json(self) -> str:
        """The prices and counts as they were, stored with the message."""
        data: dict[str, Any] = self.prices.to_json()
        data["tokens"] = {"input": self.input_tokens, "cached_input": self.cached_tokens,
                          "output": self.output_tokens, "reasoning": self.reasoning_tokens}
        return json.dumps(data, sort_keys=True)


def reasoning_outside_completion(usage: Usage) -> bool:
    """Whether the gateway counted reasoning apart from completion_tokens (see the docstring)."""
    prompt, completion = usage.prompt_tokens, usage.completion_tokens
    reasoning, total = usage.reasoning_tokens, usage.total_tokens
    if not reasoning or prompt is None or completion is None or total is None:
        return False
    return total == prompt + completion + reasoning and total != prompt + completion


def cost_of(usage: Usage, prices: PriceSheet, *, estimated: bool = False) -> CostBreakdown:
    """Price `usage` (counts clamped to sane relations: cached ≤ prompt, reasoning ≤ output)."""
    prompt = max(0, usage.prompt_tokens or 0)
    cached = min(max(0, usage.cached_tokens or 0), prompt)
    completion = max(0, usage.completion_tokens or 0)
    reasoning = max(0, usage.reasoning_tokens or 0)
    if reasoning_outside_completion(usage):
        visible = completion
    else:
        reasoning = min(reasoning, completion)
        visible = completion - reasoning
    uncached = prompt - cached
    return CostBreakdown(
        prices=prices,
        input_tokens=uncached,
        cached_tokens=cached,
        output_tokens=visible,
        reasoning_tokens=reasoning,
        input=uncached * prices.input / PER,
        cached_input=cached * prices.cached_input_price / PER,
        output=visible * prices.output / PER,
        reasoning=reasoning * prices.reasoning_price / PER,
        estimated=estimated,
    )


@dataclass(frozen=True)
class MessageCost:
    """What the store keeps for a reply: total, currency, the prices used, estimate flag."""

    amount: float
    currency: str
    price_json: str | None = None
    estimated: bool = False

    @classmethod
    def of(cls, breakdown: CostBreakdown) -> MessageCost:
        return cls(breakdown.total, breakdown.currency, breakdown.price_json(),
                   breakdown.estimated)

    def prices(self) -> dict[str, Any]:
        """The stored prices and token counts (empty when missing or unreadable)."""
        if not self.price_json or len(self.price_json) > MAX_PRICE_JSON:
            return {}
        try:
            data = json.loads(self.price_json)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}


CURRENCY_SIGNS = {"USD": "$", "CNY": "¥", "EUR": "€", "GBP": "£", "JPY": "¥", "HKD": "HK$"}


def format_amount(amount: float, currency: str) -> str:
    """"$0.0123", "¥1.25": more digits for small amounts, which are the usual case."""
    sign = CURRENCY_SIGNS.get(currency, currency + " ")
    if amount == 0:
        return f"{sign}0"
    digits = 2 if amount >= 1 else 4 if amount >= 0.01 else 6
    return f"{sign}{amount:.{digits}f}"
