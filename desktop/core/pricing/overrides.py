"""Per-provider price overrides, kept in the provider profile (`ProviderProfile.pricing`).

A relay often charges a multiple of the official price (x0.5, x1.5…) and may bill in another
currency; it may also serve models the price data does not know. The stored form is a small
JSON object, validated here before it reaches `providers.json`:

    {"multiplier": 1.5, "currency": "CNY", "usd_rate": 7.2,
     "models": {"my-model": {"input": 1.0, "cached_input": 0.1, "output": 2.0}}}

`usd_rate` is how many units of `currency` one US dollar buys (1 for USD). The multiplier and
the rate apply to prices from the data package (in USD); per-model prices are the relay's own,
in its currency, and are taken as they are. Prices are per 1,000,000 tokens.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

CURRENCIES = ("USD", "CNY", "EUR", "GBP", "JPY", "HKD")
MAX_MULTIPLIER = 100.0
MAX_USD_RATE = 100_000.0
MAX_PRICE_PER_MTOK = 100_000.0
MAX_CUSTOM_MODELS = 500
MAX_MODEL_NAME = 200
PRICE_KINDS = ("input", "cached_input", "output", "reasoning")


class PricingError(ValueError):
    """A price override is out of range or malformed (the message says which)."""


def _number(value: Any, what: str, low: float, high: float, *, low_open: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PricingError(f"{what} must be a number (got {value!r}).")
    number = float(value)
    if not math.isfinite(number) or number > high or number < low or (low_open and number == low):
        bound = f"more than {low:g}" if low_open else f"at least {low:g}"
        raise PricingError(f"{what} must be {bound} and at most {high:g} (got {value!r}).")
    return number


@dataclass(frozen=True)
class ModelPrice:
    """A price per 1M tokens for one model; None where a kind falls back (see `PriceSheet`)."""

    input: float
    output: float
    cached_input: float | None = None
    reasoning: float | None = None

    @classmethod
    def from_json(cls, model: str, data: Any) -> ModelPrice:
        if not isinstance(data, Mapping):
            raise PricingError(f"The price of {model!r} must be an object.")
        unknown = set(data) - set(PRICE_KINDS)
        if unknown:
            raise PricingError(f"Unknown price kinds for {model!r}: {', '.join(sorted(unknown))}.")
        values: dict[str, float | None] = {}
        for kind in PRICE_KINDS:
            raw = data.get(kind)
            if raw is None and kind in ("input", "output"):
                raise PricingError(f"The price of {model!r} needs an {kind} price.")
            values[kind] = None if raw is None else _number(
                raw, f"The {kind.replace('_', ' ')} price of {model!r}", 0.0, MAX_PRICE_PER_MTOK)
        return cls(**values)  # type: ignore[arg-type]

    def to_json(self) -> dict[str, float]:
        return {kind: value for kind in PRICE_KINDS
                if (value := getattr(self, kind)) is not None}


@dataclass(frozen=True)
class PricingOverrides:
    """A provider's multiplier, currency and exchange rate, and its own per-model prices."""

    multiplier: float = 1.0
    currency: str = "USD"
    usd_rate: float = 1.0
    models: Mapping[str, ModelPrice] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: Any) -> PricingOverrides:
        """Validate stored or entered overrides; raises PricingError with what is wrong."""
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise PricingError("Price overrides must be an object.")
        multiplier = _number(data.get("multiplier", 1.0), "The price multiplier", 0.0,
                             MAX_MULTIPLIER, low_open=True)
        currency = data.get("currency", "USD")
        if not isinstance(currency, str) or currency.upper() not in CURRENCIES:
            raise PricingError(
                f"The currency must be one of {', '.join(CURRENCIES)} (got {currency!r}).")
        currency = currency.upper()
        rate = _number(data.get("usd_rate", 1.0), f"The exchange rate ({currency} per USD)",
                       0.0, MAX_USD_RATE, low_open=True)
        if currency == "USD" and rate != 1.0:
            raise PricingError("The exchange rate of USD to USD is 1.")
        raw_models = data.get("models", {})
        if not isinstance(raw_models, Mapping):
            raise PricingError("Per-model prices must be an object keyed by model name.")
        if len(raw_models) > MAX_CUSTOM_MODELS:
            raise PricingError(f"At most {MAX_CUSTOM_MODELS} per-model prices per provider.")
        models: dict[str, ModelPrice] = {}
        for name, price in raw_models.items():
            if not isinstance(name, str) or not name.strip() or len(name) > MAX_MODEL_NAME:
                raise PricingError(f"Invalid model name in the prices: {name!r}.")
            models[name.strip()] = ModelPrice.from_json(name, price)
        return cls(multiplier, currency, rate, models)

    def to_json(self) -> dict[str, Any]:
        """The stored form; empty when nothing differs from the defaults."""
        data: dict[str, Any] = {}
        if self.multiplier != 1.0:
            data["multiplier"] = self.multiplier
        if self.currency != "USD":
            data["currency"] = self.currency
            data["usd_rate"] = self.usd_rate
        if self.models:
            data["models"] = {name: price.to_json() for name, price in self.models.items()}
        return data

    def model_price(self, model: str) -> ModelPrice | None:
        """The user's own price for `model` (names compared without case), if any."""
        wanted = model.strip().casefold()
        for name, price in self.models.items():
            if name.casefold() == wanted:
                return price
        return None


def check_pricing(data: Any) -> dict[str, Any]:
    """The normalised stored form of a profile's `pricing` field (raises PricingError)."""
    return PricingOverrides.from_json(data).to_json()


MAX_LOW_BALANCE = 1e9


def check_low_balance(value: Any) -> float | None:
    """A profile's low-balance threshold (None: never warn); raises PricingError."""
    if value is None:
        return None
    return _number(value, "The low-balance warning", 0.0, MAX_LOW_BALANCE)
