"""Cost arithmetic per token kind against hand-computed figures, per API style's usage."""

from __future__ import annotations

import json

import pytest

from desktop.core.api.parsers.usage import usage_from, usage_from_anthropic
from desktop.core.pricing.cost import MessageCost, cost_of, format_amount
from desktop.core.pricing.estimate import (
    TOKENS_PER_IMAGE,
    estimate_prompt_tokens,
    estimate_reply_tokens,
    estimate_text_tokens,
)
from desktop.core.pricing.overrides import PricingOverrides
from desktop.core.pricing.prices import PriceSheet, price_sheet
from desktop.core.reply_parts import Usage

SHEET = PriceSheet("USD", input=2.0, output=8.0, cached_input=0.5)


def test_openai_chat_usage_prices_each_kind() -> None:
    usage = usage_from({
        "prompt_tokens": 1000, "completion_tokens": 500, "total_tokens": 1500,
        "prompt_tokens_details": {"cached_tokens": 400},
        "completion_tokens_details": {"reasoning_tokens": 200}})
    assert usage is not None
    cost = cost_of(usage, SHEET)
    # 600 uncached × $2, 400 cached × $0.5, 300 visible output × $8, 200 reasoning × $8 (per 1M)
    assert (cost.input_tokens, cost.cached_tokens, cost.output_tokens, cost.reasoning_tokens) == (
        600, 400, 300, 200)
    assert cost.input == pytest.approx(0.0012)
    assert cost.cached_input == pytest.approx(0.0002)
    assert cost.output == pytest.approx(0.0024)
    assert cost.reasoning == pytest.approx(0.0016)
    assert cost.total == pytest.approx(0.0054)


def test_responses_usage_prices_like_chat() -> None:
    usage = usage_from({
        "input_tokens": 1000, "output_tokens": 500, "total_tokens": 1500,
        "input_tokens_details": {"cached_tokens": 400},
        "output_tokens_details": {"reasoning_tokens": 200}})
    assert usage is not None
    assert cost_of(usage, SHEET).total == pytest.approx(0.0054)


def test_reasoning_counted_outside_completion_is_added() -> None:
    # Gemini's OpenAI-compatible endpoint: total = prompt + completion + reasoning.
    usage = Usage(prompt_tokens=1000, completion_tokens=300, total_tokens=1500,
                  reasoning_tokens=200, cached_tokens=400)
    cost = cost_of(usage, SHEET)
    assert (cost.output_tokens, cost.reasoning_tokens) == (300, 200)
    assert cost.total == pytest.approx(0.0054)
    # The same counts where total = prompt + completion: reasoning is inside the 300.
    inside = cost_of(Usage(1000, 300, 1300, 200, 400), SHEET)
    assert (inside.output_tokens, inside.reasoning_tokens) == (100, 200)
    assert inside.total == pytest.approx(0.0012 + 0.0002 + 0.0008 + 0.0016)


def test_anthropic_usage_with_cache_reads() -> None:
    usage = usage_from_anthropic({"input_tokens": 100, "cache_read_input_tokens": 900,
                                  "output_tokens": 50})
    assert usage is not None
    sheet = price_sheet("claude-sonnet-4-5")
    assert sheet is not None
    cost = cost_of(usage, sheet)
    # 100 × $3 + 900 × $0.30 + 50 × $15 per 1M = 0.0003 + 0.00027 + 0.00075
    assert cost.total == pytest.approx(0.00132)


def test_separate_reasoning_price() -> None:
    sheet = PriceSheet("USD", input=1.0, output=4.0, reasoning=10.0)
    cost = cost_of(Usage(100, 1000, 1100, 600, None), sheet)
    assert cost.output == pytest.approx(400 * 4.0 / 1e6)
    assert cost.reasoning == pytest.approx(600 * 10.0 / 1e6)
    assert cost.cached_input == 0


def test_multiplier_and_currency_reach_the_cost() -> None:
    sheet = price_sheet("gpt-4o", PricingOverrides.from_json(
        {"multiplier": 1.5, "currency": "CNY", "usd_rate": 7.0}))
    assert sheet is not None
    cost = cost_of(Usage(1_000_000, 100_000, 1_100_000, None, 200_000), sheet)
    # (800k × 2.5 + 200k × 1.25 + 100k × 10) / 1M USD = 3.25 USD; × 1.5 × 7 = 34.125 CNY
    assert cost.currency == "CNY"
    assert cost.total == pytest.approx(34.125)


def test_inconsistent_counts_are_clamped() -> None:
    cost = cost_of(Usage(100, 10, None, 50, 500), SHEET)
    assert (cost.input_tokens, cost.cached_tokens) == (0, 100)
    assert (cost.output_tokens, cost.reasoning_tokens) == (0, 10)
    assert cost_of(Usage(), SHEET).total == 0


def test_stored_cost_keeps_prices_and_counts() -> None:
    stored = MessageCost.of(cost_of(Usage(1000, 500, 1500, 200, 400), SHEET))
    data = json.loads(stored.price_json or "")
    assert data["input"] == 2.0 and data["cached_input"] == 0.5 and data["output"] == 8.0
    assert data["tokens"] == {"input": 600, "cached_input": 400, "output": 300,
                              "reasoning": 200}
    assert stored.prices()["currency"] == "USD"
    assert MessageCost(1.0, "USD", "not json").prices() == {}
    assert MessageCost(1.0, "USD", "[1]").prices() == {}


def test_token_estimates() -> None:
    assert estimate_text_tokens("") == 0
    assert estimate_text_tokens("abcd" * 10) == 10
    assert estimate_text_tokens("abcde") == 2
    assert estimate_text_tokens("你好世界") == 4
    assert estimate_text_tokens("こんにちは hi") == 5 + 1
    assert estimate_reply_tokens("abcd", "efgh") == 2
    messages = [{"role": "system", "content": "abcdabcd"},
                {"role": "user", "content": [{"type": "text", "text": "abcd"},
                                             {"type": "image_url", "image_url": {"url": "x"}}]}]
    assert estimate_prompt_tokens(messages) == 3 + (4 + 2) + (4 + 1 + TOKENS_PER_IMAGE)


def test_amounts_are_formatted_with_enough_digits() -> None:
    assert format_amount(0.0054, "USD") == "$0.005400"
    assert format_amount(0.25, "USD") == "$0.2500"
    assert format_amount(34.125, "CNY") == "¥34.12"
    assert format_amount(0, "EUR") == "€0"
