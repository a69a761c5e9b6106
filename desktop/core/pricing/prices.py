"""Per-model prices: the provider's own price first, then the `genai-prices` data.

The data package ships a snapshot of prices inside the wheel (`genai_prices.data`); only that
bundled snapshot is read. Its `UpdatePrices` (which downloads newer prices) is never started,
so pricing works offline and a reply is never priced with data fetched behind the user's back.
The package is imported on first use: it costs ~0.2 s, which `switchboard --help` should not pay.
"""

from __future__ import annotations

import functools
import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from desktop.core.pricing.overrides import PricingOverrides

log = logging.getLogger(__name__)
PRICE_DATA_WARM = threading.Event()  # set once `warm_price_data` has run (benchmarks wait)

MAX_MODEL_REF = 200


@dataclass(frozen=True)
class PriceSheet:
    """What one model costs per 1,000,000 tokens, in `currency`, multiplier already applied.

    `cached_input` falls back to `input` and `reasoning` to `output` when the source names no
    separate price. `source` says where the figures came from (kept with each message).
    """

    currency: str
    input: float
    output: float
    cached_input: float | None = None
    reasoning: float | None = None
    source: str = ""
    multiplier: float = 1.0
    usd_rate: float = 1.0

    @property
    def cached_input_price(self) -> float:
        return self.input if self.cached_input is None else self.cached_input

    @property
    def reasoning_price(self) -> float:
        return self.output if self.reasoning is None else self.reasoning

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"currency": self.currency, "input": self.input,
                                "output": self.output, "source": self.source}
        if self.cached_input is not None:
            data["cached_input"] = self.cached_input
        if self.reasoning is not None:
            data["reasoning"] = self.reasoning
        if self.multiplier != 1.0:
            data["multiplier"] = self.multiplier
        if self.usd_rate != 1.0:
            data["usd_rate"] = self.usd_rate
        return data


@dataclass(frozen=True)
class DataPrice:
    """USD prices per 1M tokens from the data package for one model and a prompt size."""

    input: Decimal
    output: Decimal
    cached_input: Decimal | None
    reasoning: Decimal | None
    model_id: str
    provider_id: str


@functools.cache
def data_version() -> str:
    """The genai-prices release whose bundled snapshot is used (e.g. "genai-prices 0.2.3")."""
    from importlib import metadata  # (with `email`: not at start)

    try:
        return f"genai-prices {metadata.version('genai-prices')}"
    except metadata.PackageNotFoundError:
        return "genai-prices"


def _candidates(model: str) -> list[tuple[str, str | None]]:
    """(model ref, provider id) pairs to try: "openai/gpt-4o" also as gpt-4o at openai."""
    ref = model.strip().lower()
    found: list[tuple[str, str | None]] = [(ref, None)]
    if "/" in ref:
        vendor, _, rest = ref.rpartition("/")
        vendor = vendor.rsplit("/", 1)[-1]
        found += [(rest, vendor), (rest, None)]
    return found


def _tier_price(value: Any, prompt_tokens: int) -> Decimal | None:
    """A flat price, or the tier a prompt of `prompt_tokens` falls in ("cliff" tiers)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    base = getattr(value, "base", None)
    if not isinstance(base, Decimal):
        return None
    price = base
    for tier in getattr(value, "tiers", ()):
        if prompt_tokens > tier.start:
            price = tier.price
    return price


def lookup_data_price(model: str, prompt_tokens: int = 0,
                      when: datetime | None = None) -> DataPrice | None:
    """The data package's price of `model`; None when it does not know the model."""
    if not model or len(model) > MAX_MODEL_REF:
        return None
    from genai_prices import data_snapshot  # the bundled snapshot only; see module docstring

    snapshot = data_snapshot.get_snapshot()
    moment = when or datetime.now(UTC)
    for ref, provider_id in _candidates(model):
        try:
            provider, info = snapshot.find_provider_model(ref, None, provider_id, None)
        except (LookupError, ValueError):
            continue
        prices = info.get_prices(moment)
        input_price = _tier_price(getattr(prices, "input_mtok", None), prompt_tokens)
        output_price = _tier_price(getattr(prices, "output_mtok", None), prompt_tokens)
        if input_price is None or output_price is None:
            continue  # priced per image or per second: not a chat model's token price
        return DataPrice(
            input_price, output_price,
            _tier_price(getattr(prices, "cache_read_mtok", None), prompt_tokens),
            _tier_price(getattr(prices, "output_reasoning_mtok", None), prompt_tokens),
            info.id, provider.id,
        )
    return None


def _scaled(value: Decimal | None, factor: Decimal) -> float | None:
    return None if value is None else float(value * factor)


def price_sheet(model: str, overrides: PricingOverrides | None = None,
                prompt_tokens: int = 0) -> PriceSheet | None:
    """The prices to charge `model` with at a provider; None when no price is known.

    The provider's own per-model price wins; otherwise the data package's USD price times the
    provider's multiplier, converted at its exchange rate.
    """
    overrides = overrides or PricingOverrides()
    own = overrides.model_price(model)
    if own is not None:
        return PriceSheet(overrides.currency, own.input, own.output, own.cached_input,
                          own.reasoning, source="provider", usd_rate=overrides.usd_rate)
    data = lookup_data_price(model, prompt_tokens)
    if data is None:
        return None
    factor = Decimal(str(overrides.multiplier)) * Decimal(str(overrides.usd_rate))
    return PriceSheet(
        overrides.currency,
        float(data.input * factor), float(data.output * factor),
        _scaled(data.cached_input, factor), _scaled(data.reasoning, factor),
        source=f"{data_version()}: {data.provider_id}/{data.model_id}",
        multiplier=overrides.multiplier, usd_rate=overrides.usd_rate,
    )


def warm_price_data() -> None:
    """Load the data package's price table (about 250 ms, much of it one unmarshal call that
    holds the GIL, and about 40 MB resident). The window does not load it at start: the
    composer's estimate loads it on a worker thread when the first words are typed (an idle
    window stays ~40 MB smaller); benchmarks call this first so a measured stream does not
    include it."""
    try:
        from genai_prices import data_snapshot

        data_snapshot.get_snapshot()
    except Exception as exc:  # a broken install: prices are then simply unknown
        log.debug("price data not loaded: %s", exc)
    finally:
        PRICE_DATA_WARM.set()
