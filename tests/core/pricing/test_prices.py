"""Per-model prices from the bundled genai-prices data, and per-provider overrides."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from desktop.core.pricing.overrides import PricingError, PricingOverrides, check_pricing
from desktop.core.pricing.prices import data_version, price_sheet
from desktop.core.providers import ProviderError, ProviderProfile, ProviderRegistry


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("pricing tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_prices_come_from_the_bundled_data_offline(offline: None) -> None:
    sheet = price_sheet("gpt-4o")
    assert sheet is not None
    # genai-prices 0.2.x: gpt-4o is $2.50 in, $1.25 cached in, $10 out per 1M tokens.
    assert (sheet.currency, sheet.input, sheet.cached_input, sheet.output) == (
        "USD", 2.5, 1.25, 10.0)
    assert sheet.source == f"{data_version()}: openai/gpt-4o"
    assert data_version().startswith("genai-prices 0.")


def test_vendor_prefixed_names_find_the_model(offline: None) -> None:
    assert price_sheet("openai/gpt-4o") == price_sheet("gpt-4o")
    sheet = price_sheet("anthropic/claude-3.5-sonnet")
    assert sheet is not None and (sheet.input, sheet.output, sheet.cached_input) == (
        3.0, 15.0, 0.3)


def test_unknown_and_absurd_models_have_no_price(offline: None) -> None:
    assert price_sheet("house-model-7") is None
    assert price_sheet("x" * 5000) is None
    assert price_sheet("") is None


def test_tiered_prices_follow_the_prompt_size(offline: None) -> None:
    small = price_sheet("claude-sonnet-4-5", None, 1000)
    large = price_sheet("claude-sonnet-4-5", None, 300_000)
    assert small is not None and large is not None
    assert (small.input, small.output) == (3.0, 15.0)
    assert (large.input, large.output) == (6.0, 22.5)  # over 200k tokens: Anthropic's long rate


def test_multiplier_and_currency_scale_the_data_prices() -> None:
    overrides = PricingOverrides.from_json({"multiplier": 0.5, "currency": "cny",
                                            "usd_rate": 7.2})
    sheet = price_sheet("gpt-4o", overrides)
    assert sheet is not None
    assert sheet.currency == "CNY"
    assert sheet.input == pytest.approx(2.5 * 0.5 * 7.2)  # 9.0
    assert sheet.cached_input == pytest.approx(1.25 * 0.5 * 7.2)  # 4.5
    assert sheet.output == pytest.approx(10 * 0.5 * 7.2)  # 36.0
    assert (sheet.multiplier, sheet.usd_rate) == (0.5, 7.2)


def test_own_model_price_wins_and_is_taken_as_is() -> None:
    overrides = PricingOverrides.from_json({
        "multiplier": 1.5, "currency": "CNY", "usd_rate": 7.0,
        "models": {"GPT-4o": {"input": 1.0, "output": 4.0}, "house-model-7": {
            "input": 0.2, "cached_input": 0.05, "output": 0.8}}})
    own = price_sheet("gpt-4o", overrides)
    assert own is not None and (own.currency, own.input, own.output, own.source) == (
        "CNY", 1.0, 4.0, "provider")
    assert own.cached_input_price == 1.0  # no cached price given: the input price
    house = price_sheet("house-model-7", overrides)
    assert house is not None and (house.input, house.cached_input, house.output) == (
        0.2, 0.05, 0.8)


@pytest.mark.parametrize(("data", "says"), [
    ({"multiplier": 0}, "multiplier"),
    ({"multiplier": -1}, "multiplier"),
    ({"multiplier": 1000}, "multiplier"),
    ({"multiplier": float("nan")}, "multiplier"),
    ({"multiplier": True}, "multiplier"),
    ({"currency": "XYZ"}, "currency"),
    ({"currency": "USD", "usd_rate": 7}, "USD to USD"),
    ({"currency": "CNY", "usd_rate": 0}, "exchange rate"),
    ({"currency": "CNY", "usd_rate": 1e9}, "exchange rate"),
    ({"models": {"m": {"input": -1, "output": 1}}}, "input price"),
    ({"models": {"m": {"input": 1}}}, "output price"),
    ({"models": {"m": {"input": 1, "output": 1e9}}}, "output price"),
    ({"models": {"m": {"input": 1, "output": 1, "bogus": 1}}}, "Unknown price kinds"),
    ({"models": {"": {"input": 1, "output": 1}}}, "model name"),
    ({"models": {f"m{i}": {"input": 1, "output": 1} for i in range(501)}}, "At most"),
    ({"models": []}, "object"),
    ("x2", "object"),
])
def test_out_of_range_overrides_are_refused(data: object, says: str) -> None:
    with pytest.raises(PricingError, match=says):
        PricingOverrides.from_json(data)


def test_overrides_are_kept_in_the_provider_profile(tmp_path: Path) -> None:
    registry = ProviderRegistry(tmp_path)
    registry.add(ProviderProfile(name="relay", base_url="https://relay.example/v1",
                                 pricing={"multiplier": 1.5, "currency": "CNY", "usd_rate": 7.1,
                                          "models": {"m": {"input": 1, "output": 2}}}))
    reopened = ProviderRegistry(tmp_path).get("relay")
    assert reopened.pricing == {"multiplier": 1.5, "currency": "CNY", "usd_rate": 7.1,
                                "models": {"m": {"input": 1.0, "output": 2.0}}}
    assert ProviderProfile(name="plain", base_url="https://x.example").pricing == {}
    assert check_pricing({"multiplier": 1.0, "currency": "USD"}) == {}
    with pytest.raises(ProviderError, match="multiplier"):
        registry.update("relay", pricing={"multiplier": -2})
    assert ProviderRegistry(tmp_path).get("relay").pricing["multiplier"] == 1.5
