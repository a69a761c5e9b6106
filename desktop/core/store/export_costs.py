"""What exported messages cost: a line per priced reply and the total per currency (costs as
kept with each message when it was sent; different currencies are listed apart)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop.core.pricing.cost import format_amount
from desktop.core.store.models import Message


def cost_text(message: Message) -> str:
    """"$0.0054" or "≈ $0.0054 (estimate)"; "" for a message without a cost."""
    cost = message.cost
    if cost is None:
        return ""
    amount = format_amount(cost.amount, cost.currency)
    return f"≈ {amount} (estimate)" if cost.estimated else amount


def cost_totals(messages: Iterable[Message]) -> dict[str, float]:
    """The sum per currency of the messages' costs, costliest first."""
    totals: dict[str, float] = {}
    for message in messages:
        if message.cost is not None:
            currency = message.cost.currency
            totals[currency] = totals.get(currency, 0.0) + message.cost.amount
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def totals_text(totals: dict[str, float], estimated: bool = False) -> str:
    """"$0.0123 + ¥1.25"; "" when nothing was priced."""
    text = " + ".join(format_amount(amount, currency) for currency, amount in totals.items())
    return f"≈ {text}" if text and estimated else text


def any_estimated(messages: Iterable[Message]) -> bool:
    return any(m.cost is not None and m.cost.estimated for m in messages)


def cost_json(message: Message) -> dict[str, Any] | None:
    """The JSON export's `cost` of a message (None without one)."""
    cost = message.cost
    if cost is None:
        return None
    return {"amount": round(cost.amount, 10), "currency": cost.currency,
            "estimated": cost.estimated, "prices": cost.prices() or None}
