"""Balances through the fake provider's billing endpoints, each variant a relay offers."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from desktop.core.api.client import ApiClient
from desktop.core.api.errors import (
    AuthenticationError,
    MalformedResponseError,
    ResponseTooLargeError,
)
from desktop.core.balance import (
    BalanceApi,
    BalanceNotOfferedError,
    BalanceReplyError,
    check_balance,
    format_balance,
    remember_balance_api,
)
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from tests.helpers.fake_billing import Billing
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider

__all__ = ["fake_provider"]


def balance_of(provider: FakeProvider, known: str | None = None, base: str | None = None,
               **profile: Any) -> Any:
    async def run() -> Any:
        p = ProviderProfile(name="relay", base_url=base or provider.base_url,
                            key_source=KeySource.NONE, max_retries=0, **profile)
        async with ApiClient(p, "sk-test") as client:
            return await check_balance(client, known)

    return asyncio.run(run())


def billing_paths(provider: FakeProvider) -> list[str]:
    return [r.path for r in provider.requests]


@pytest.mark.parametrize(("variant", "api"), [
    ("openai", BalanceApi.OPENAI_BILLING),
    ("wrapped", BalanceApi.OPENAI_BILLING),
    ("success", BalanceApi.OPENAI_BILLING),
    ("openrouter", BalanceApi.OPENROUTER),
    ("openrouter-key", BalanceApi.OPENROUTER),
])
def test_each_variant_gives_limit_minus_usage(
        fake_provider: FakeProvider, variant: str, api: BalanceApi) -> None:
    fake_provider.billing = Billing(variant, limit_usd=50.0, used_usd=12.5)
    balance = balance_of(fake_provider)
    assert balance.api is api
    assert (balance.remaining, balance.limit, balance.used) == (37.5, 50.0, 12.5)
    assert format_balance(balance) == "$37.50 left of $50.00"
    assert all(r.headers.get("authorization") == "Bearer sk-test" for r in fake_provider.requests)


def test_usage_is_asked_for_a_date_range_in_cents(fake_provider: FakeProvider) -> None:
    fake_provider.billing = Billing("openai", limit_usd=10.0, used_usd=2.25)
    assert balance_of(fake_provider).remaining == pytest.approx(7.75)
    usage = next(r for r in fake_provider.requests if r.path.endswith("/usage"))
    assert usage.path == "/v1/dashboard/billing/usage"
    assert "start_date=" in usage.query and "end_date=" in usage.query


def test_host_root_is_tried_when_the_base_url_has_another_path(
        fake_provider: FakeProvider) -> None:
    fake_provider.billing = Billing("root", limit_usd=20.0, used_usd=5.0)
    balance = balance_of(fake_provider, base=fake_provider.url + "/api/openai/v1")
    assert balance.api is BalanceApi.OPENAI_BILLING_ROOT and balance.remaining == 15.0
    assert "/dashboard/billing/subscription" in billing_paths(fake_provider)


def test_remembered_endpoint_is_asked_directly(fake_provider: FakeProvider) -> None:
    fake_provider.billing = Billing("openrouter")
    balance_of(fake_provider, known="openrouter")
    assert billing_paths(fake_provider) == ["/v1/credits"]


def test_unlimited_key(fake_provider: FakeProvider) -> None:
    fake_provider.billing = Billing("openai", unlimited=True, used_usd=3.2)
    balance = balance_of(fake_provider)
    assert balance.unlimited and balance.used == pytest.approx(3.2)
    assert format_balance(balance) == "unlimited ($3.20 used)"
    fake_provider.billing = Billing("openrouter-key", unlimited=True)
    assert balance_of(fake_provider).unlimited


def test_unsupported_provider_says_not_offered(fake_provider: FakeProvider) -> None:
    with pytest.raises(BalanceNotOfferedError, match="not offered by this provider"):
        balance_of(fake_provider)
    asked = billing_paths(fake_provider)
    assert "/v1/dashboard/billing/subscription" in asked and "/v1/credits" in asked
    fake_provider.requests.clear()
    with pytest.raises(BalanceNotOfferedError):
        balance_of(fake_provider, known="none")
    assert fake_provider.requests == []  # remembered: nothing is asked again


def test_error_inside_a_200_is_reported_not_hidden(fake_provider: FakeProvider) -> None:
    fake_provider.billing = Billing("error200")
    with pytest.raises(BalanceReplyError, match="token quota lookup failed"):
        balance_of(fake_provider)


def test_wrapped_failure_and_hostile_bodies(fake_provider: FakeProvider) -> None:
    fake_provider.route("/dashboard/billing/subscription",
                        Reply.json({"success": False, "message": "请先登录"}))
    with pytest.raises(BalanceReplyError, match="请先登录"):
        balance_of(fake_provider)
    fake_provider.route("/dashboard/billing/subscription",
                        Reply.json({"hard_limit_usd": "1e400"}))
    with pytest.raises(BalanceNotOfferedError):
        balance_of(fake_provider)
    fake_provider.route("/dashboard/billing/subscription", Reply.text("x" * 200_000))
    with pytest.raises(ResponseTooLargeError):
        balance_of(fake_provider, known="openai-billing")
    fake_provider.route("/dashboard/billing/subscription",
                        Reply.text("[" * 50_000, content_type="application/json"))
    with pytest.raises(MalformedResponseError, match="not JSON"):
        balance_of(fake_provider, known="openai-billing")


def test_rejected_key_is_raised_as_such(fake_provider: FakeProvider) -> None:
    fake_provider.require_key = "another-key"
    with pytest.raises(AuthenticationError):
        balance_of(fake_provider)


def test_detected_endpoint_is_remembered_in_the_profile(tmp_path: Path) -> None:
    registry = ProviderRegistry(tmp_path)
    registry.add(ProviderProfile(name="relay", base_url="https://relay.example/v1"))
    remember_balance_api(registry, "relay", BalanceApi.OPENROUTER)
    assert ProviderRegistry(tmp_path).get("relay").balance_api == "openrouter"
