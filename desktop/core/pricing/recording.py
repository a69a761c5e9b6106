"""Pricing replies: when one finishes (ChatService's hook) and on "recalculate".

The cost is computed from the reply's usage with the prices in force at that moment and kept
with the message (amount, currency, prices and counts as JSON). A later price change does not
rewrite history; `recalculate` does, for the messages the user picks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from desktop.core.pricing.cost import CostBreakdown, MessageCost, cost_of
from desktop.core.pricing.estimate import estimate_prompt_tokens, estimate_reply_tokens
from desktop.core.pricing.overrides import PricingError, PricingOverrides
from desktop.core.pricing.prices import price_sheet
from desktop.core.progress import Progress, step
from desktop.core.reply_parts import Usage
from desktop.core.store.models import Message, MessageStatus, Role
from desktop.core.store.store import Store

log = logging.getLogger(__name__)


def overrides_of(pricing: Mapping[str, Any] | None) -> PricingOverrides:
    """A profile's overrides; broken ones (hand-edited file) count as none, with a log line."""
    try:
        return PricingOverrides.from_json(pricing or {})
    except PricingError as exc:
        log.warning("price overrides ignored: %s", exc)
        return PricingOverrides()


def has_usage(usage: Usage | None) -> bool:
    return usage is not None and (usage.prompt_tokens is not None
                                  or usage.completion_tokens is not None)


def reply_cost(message: Message, overrides: PricingOverrides,
               prompt_estimate: int | None = None) -> CostBreakdown | None:
    """The cost of a reply: from its usage, else estimated; None when its model has no price."""
    if message.role is not Role.ASSISTANT or not message.model:
        return None
    usage, estimated = message.usage, False
    if not has_usage(usage):
        if message.status is MessageStatus.ERROR:
            return None  # a refused request is not billed; nothing says otherwise
        completion = estimate_reply_tokens(message.text, message.reasoning)
        if prompt_estimate is None and completion == 0:
            return None
        usage, estimated = Usage(prompt_estimate or 0, completion), True
    assert usage is not None
    sheet = price_sheet(message.model, overrides, usage.prompt_tokens or 0)
    if sheet is None:
        return None
    return cost_of(usage, sheet, estimated=estimated)


def price_replies(store: Store, pricing: Mapping[str, Any] | None,
                  replies: Sequence[Message],
                  sent: Iterable[Mapping[str, Any]] | None = None) -> list[Message]:
    """Price finished replies and store their costs; returns them with `cost` filled.

    `sent` is the request's messages, for estimating the prompt when no usage came back.
    Runs in a worker thread (the data package loads on first use, the store writes).
    """
    overrides = overrides_of(pricing)
    prompt_estimate = None
    if sent is not None and not all(has_usage(m.usage) for m in replies):
        prompt_estimate = estimate_prompt_tokens(sent)
    costs: dict[int, MessageCost | None] = {}
    for index, message in enumerate(replies):
        # One request: its prompt is billed once, with the first choice.
        breakdown = reply_cost(message, overrides, prompt_estimate if index == 0 else 0)
        if breakdown is not None:
            costs[message.id] = MessageCost.of(breakdown)
    store.set_message_costs(costs)
    return [replace(m, cost=costs[m.id]) if m.id in costs else m for m in replies]


def price_finished(store: Store, pricing: Mapping[str, Any] | None,
                   replies: Sequence[Message],
                   sent: Iterable[Mapping[str, Any]] | None = None) -> list[Message]:
    """`price_replies` for ChatService: a failure to price never costs the user the reply."""
    try:
        return price_replies(store, pricing, replies, sent)
    except Exception:  # pricing is optional; the reply is already saved
        log.exception("the replies %s could not be priced", [m.id for m in replies])
        return list(replies)


def _count(value: Any) -> int:
    return value if isinstance(value, int) and 0 <= value < 2**53 else 0


def recalculate(store: Store, pricing_of: Mapping[str, Mapping[str, Any]],
                message_ids: Iterable[int]) -> int:
    """Price the messages again with today's prices; returns how many got a cost.

    `pricing_of` maps provider names to their profile's `pricing`. An estimated cost keeps
    the token counts estimated when it was sent (they are in its stored prices).
    """
    costs: dict[int, MessageCost | None] = {}
    for message_id in message_ids:
        message = store.get_message(message_id)
        overrides = overrides_of(pricing_of.get(message.provider or ""))
        if not has_usage(message.usage) and message.cost is not None:
            tokens = message.cost.prices().get("tokens", {})
            if isinstance(tokens, dict):
                prompt = sum(_count(tokens.get(k)) for k in ("input", "cached_input"))
                message = replace(message, usage=None)
                breakdown = reply_cost(message, overrides, prompt)
                costs[message_id] = MessageCost.of(breakdown) if breakdown else None
                continue
        breakdown = reply_cost(message, overrides)
        costs[message_id] = MessageCost.of(breakdown) if breakdown else None
    store.set_message_costs(costs)
    return sum(1 for cost in costs.values() if cost is not None)


RECALCULATE_BATCH = 500


def recalculate_with_progress(store: Store, pricing_of: Mapping[str, Mapping[str, Any]],
                              message_ids: Sequence[int],
                              progress: Progress | None = None) -> int:
    """`recalculate` in batches, reporting to `progress` (cancelling keeps finished batches:
    each batch is one transaction and prices are recomputed, never half-written)."""
    priced = 0
    step(progress, 0, len(message_ids), "recalculate")
    for start in range(0, len(message_ids), RECALCULATE_BATCH):
        priced += recalculate(store, pricing_of,
                              message_ids[start:start + RECALCULATE_BATCH])
        step(progress, min(len(message_ids), start + RECALCULATE_BATCH))
    return priced
