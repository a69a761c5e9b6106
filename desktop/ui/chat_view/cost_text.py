"""A reply's cost in its footer ("$0.0054", "≈ $0.0054" for an estimate) and its breakdown on
hover, from the prices and token counts stored with the message (core/pricing)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.core.pricing.cost import PER, MessageCost, format_amount


def cost_footer(cost: MessageCost | None) -> str:
    """The footer's cost part; empty when the reply has no price."""
    if cost is None:
        return ""
    amount = format_amount(cost.amount, cost.currency)
    return f"≈ {amount}" if cost.estimated else amount


def _price_of(prices: dict[str, Any], kind: str) -> float | None:
    value = prices.get(kind)
    if value is None and kind == "cached_input":
        value = prices.get("input")
    if value is None and kind == "reasoning":
        value = prices.get("output")
    return float(value) if isinstance(value, int | float) else None


def cost_tooltip(cost: MessageCost | None) -> str:
    """Each token kind with its count, price per 1M and amount; where the prices came from."""
    if cost is None:
        return ""
    prices = cost.prices()
    currency = cost.currency
    lines = [QCoreApplication.translate("MessageCost", "Cost: {0}").format(cost_footer(cost))]
    stored = prices.get("tokens")
    tokens: dict[str, Any] = stored if isinstance(stored, dict) else {}
    labels = {
        "input": QCoreApplication.translate("MessageCost", "Input"),
        "cached_input": QCoreApplication.translate("MessageCost", "Cached input"),
        "output": QCoreApplication.translate("MessageCost", "Output"),
        "reasoning": QCoreApplication.translate("MessageCost", "Reasoning"),
    }
    line = QCoreApplication.translate("MessageCost", "{0}: {1} tokens × {2}/M = {3}")
    for kind, label in labels.items():
        count = tokens.get(kind)
        price = _price_of(prices, kind)
        if not isinstance(count, int) or count <= 0 or price is None:
            continue
        lines.append(line.format(label, f"{count:,}", format_amount(price, currency),
                                 format_amount(count * price / PER, currency)))
    source = prices.get("source")
    if source == "provider":
        lines.append(QCoreApplication.translate("MessageCost", "Prices: set for this provider"))
    elif isinstance(source, str) and source:
        lines.append(QCoreApplication.translate("MessageCost", "Prices: {0}").format(source[:120]))
    multiplier = prices.get("multiplier")
    if isinstance(multiplier, int | float) and multiplier != 1:
        text = QCoreApplication.translate("MessageCost", "Provider multiplier: ×{0:g}")
        lines.append(text.format(multiplier))
    rate = prices.get("usd_rate")
    if isinstance(rate, int | float) and rate != 1:
        text = QCoreApplication.translate("MessageCost", "Exchange rate: {0:g} {1} per USD")
        lines.append(text.format(rate, currency))
    if cost.estimated:
        lines.append(QCoreApplication.translate(
            "MessageCost", "Estimated: the provider sent no token counts."))
    return "\n".join(lines)
