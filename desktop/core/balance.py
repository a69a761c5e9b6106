"""What balance is left at a provider, from the billing endpoints gateways offer.

- OpenAI-style billing, which one-api, new-api and most relays built on them implement:
  `GET dashboard/billing/subscription` → `hard_limit_usd` (one-api: used + remaining quota;
  100,000,000 for an unlimited token) and `GET dashboard/billing/usage?start_date=&end_date=`
  → `total_usage` in cents (one-api ignores the dates and sums all use). Balance = limit −
  usage. one-api and new-api route both `/dashboard/...` and `/v1/dashboard/...` from the
  host root, so the base URL (`…/v1`) is tried first and the host root second, for relays
  whose base URL has another path. They answer errors with status 200 and `{"error": …}`.
- OpenRouter: `GET credits` → `{"data": {"total_credits", "total_usage"}}`, and
  `GET key` → `{"data": {"limit", "limit_remaining", "usage"}}` for keys with a limit.
- Relays that wrap every answer: `{"code": 0, "data": …}` or `{"success": true, "data": …}`.

Which one answers is detected once per provider and remembered in its profile
(`ProviderProfile.balance_api`, see `remember_balance_api`); "none" says nothing answered.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

import httpx

from desktop.core.api.client import ApiClient
from desktop.core.api.errors import (
    APIError,
    APIStatusError,
    AuthenticationError,
    MalformedResponseError,
)
from desktop.core.providers import ProviderRegistry

MAX_BALANCE_BODY = 64 * 1024
UNLIMITED_USD = 100_000_000.0  # what one-api reports for a token without a limit
MAX_AMOUNT = 1e12


class BalanceApi(StrEnum):
    OPENAI_BILLING = "openai-billing"  # relative to the base URL
    OPENAI_BILLING_ROOT = "openai-billing-root"  # from the host root
    OPENROUTER = "openrouter"
    NONE = "none"


class BalanceNotOfferedError(APIError):
    """None of the known balance endpoints answered at this provider."""


class BalanceReplyError(MalformedResponseError):
    """A balance endpoint answered, but not with a usable balance (or with an error)."""


@dataclass(frozen=True)
class Balance:
    """A provider's balance in `currency`; `remaining` None when the key has no limit."""

    api: BalanceApi
    remaining: float | None
    limit: float | None = None
    used: float | None = None
    currency: str = "USD"
    checked_at: float = 0.0

    @property
    def unlimited(self) -> bool:
        return self.remaining is None


def _amount(value: Any, what: str, provider: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise BalanceReplyError(f"{provider}'s balance reply has no {what}.", provider=provider)
    try:
        number = float(value)
    except ValueError:
        raise BalanceReplyError(f"{provider}'s balance reply has no {what}.",
                                provider=provider) from None
    if not math.isfinite(number) or abs(number) > MAX_AMOUNT:
        raise BalanceReplyError(f"{provider}'s {what} is out of range.", provider=provider)
    return number


def unwrap(data: Any, provider: str) -> Mapping[str, Any]:
    """The payload of a plain, `{code, data}`, `{success, data}` or `{data}` reply."""
    if not isinstance(data, Mapping):
        raise BalanceReplyError(f"{provider}'s balance reply is not an object.", provider=provider)
    error = data.get("error")
    if error:
        message = error.get("message") if isinstance(error, Mapping) else error
        raise BalanceReplyError(
            f"{provider} could not tell the balance: {str(message)[:300]}", provider=provider,
            provider_message=str(message)[:300])
    failed = data.get("success") is False or data.get("code") not in (None, 0, 200, "0", "200",
                                                                       "success", "ok")
    if failed:
        message = str(data.get("message") or data.get("msg") or data.get("code"))[:300]
        raise BalanceReplyError(f"{provider} could not tell the balance: {message}",
                                provider=provider, provider_message=message)
    inner = data.get("data")
    if isinstance(inner, Mapping) and ("code" in data or "success" in data or len(data) <= 2):
        return inner
    return data


async def _openai_billing(client: ApiClient, prefix: str) -> Balance:
    who = client.provider_name
    subscription = unwrap(await client.get_json(prefix + "dashboard/billing/subscription",
                                                limit=MAX_BALANCE_BODY), who)
    limit = _amount(subscription.get("hard_limit_usd"), "limit (hard_limit_usd)", who)
    today = date.today()
    query = (f"dashboard/billing/usage?start_date={today - timedelta(days=99)}"
             f"&end_date={today + timedelta(days=1)}")
    usage = unwrap(await client.get_json(prefix + query, limit=MAX_BALANCE_BODY), who)
    used = _amount(usage.get("total_usage"), "usage (total_usage)", who) / 100
    kind = BalanceApi.OPENAI_BILLING if not prefix else BalanceApi.OPENAI_BILLING_ROOT
    if limit >= UNLIMITED_USD:
        return Balance(kind, None, None, used, checked_at=time.time())
    return Balance(kind, limit - used, limit, used, checked_at=time.time())


async def _openrouter(client: ApiClient) -> Balance:
    who = client.provider_name
    try:
        credits = unwrap(await client.get_json("credits", limit=MAX_BALANCE_BODY), who)
        total = _amount(credits.get("total_credits"), "credits (total_credits)", who)
        used = _amount(credits.get("total_usage"), "usage (total_usage)", who)
        return Balance(BalanceApi.OPENROUTER, total - used, total, used, checked_at=time.time())
    except (APIStatusError, BalanceReplyError) as exc:
        if isinstance(exc, APIStatusError) and exc.status not in (401, 403, 404):
            raise
    key = unwrap(await client.get_json("key", limit=MAX_BALANCE_BODY), who)
    used = _amount(key.get("usage", 0), "usage", who)
    if key.get("limit") is None:
        return Balance(BalanceApi.OPENROUTER, None, None, used, checked_at=time.time())
    limit = _amount(key.get("limit"), "limit", who)
    remaining = key.get("limit_remaining")
    left = limit - used if remaining is None else _amount(remaining, "limit_remaining", who)
    return Balance(BalanceApi.OPENROUTER, left, limit, used, checked_at=time.time())


def _root_url(client: ApiClient) -> str:
    url = httpx.URL(client.profile.base_url)
    return f"{url.scheme}://{url.netloc.decode('ascii')}/"


async def fetch_balance(client: ApiClient, api: BalanceApi) -> Balance:
    """The balance from one known endpoint kind."""
    if api is BalanceApi.OPENAI_BILLING:
        return await _openai_billing(client, "")
    if api is BalanceApi.OPENAI_BILLING_ROOT:
        return await _openai_billing(client, _root_url(client))
    if api is BalanceApi.OPENROUTER:
        return await _openrouter(client)
    raise not_offered(client.provider_name)


def not_offered(provider: str) -> BalanceNotOfferedError:
    return BalanceNotOfferedError(
        f"A balance is not offered by this provider ({provider}): it answers none of the "
        "billing endpoints Switchboard knows (OpenAI-style dashboard/billing, OpenRouter's "
        "credits).", provider=provider)


def _order(client: ApiClient) -> list[BalanceApi]:
    kinds = [BalanceApi.OPENAI_BILLING, BalanceApi.OPENAI_BILLING_ROOT, BalanceApi.OPENROUTER]
    host = httpx.URL(client.profile.base_url).host
    if "openrouter" in host:
        kinds.insert(0, kinds.pop())
    if httpx.URL(client.profile.base_url).path.strip("/") in ("", "v1"):
        kinds.remove(BalanceApi.OPENAI_BILLING_ROOT)  # the same place as the base URL's /v1
    return kinds


def known_api(value: str | None) -> BalanceApi | None:
    """The remembered endpoint kind of a profile (None: not detected yet, or unreadable)."""
    try:
        return BalanceApi(value) if value else None
    except ValueError:
        return None


async def check_balance(client: ApiClient, known: str | None = None) -> Balance:
    """The balance, through the remembered endpoint kind or by trying each in turn.

    Raises BalanceNotOfferedError (its `.api` is NONE) when none answers; an authentication
    failure or a network error is raised as it is (it says nothing about support).
    """
    remembered = known_api(known)
    if remembered is BalanceApi.NONE:
        raise not_offered(client.provider_name)
    if remembered is not None:
        return await fetch_balance(client, remembered)
    for api in _order(client):
        try:
            return await fetch_balance(client, api)
        except AuthenticationError:
            raise
        except (APIStatusError, MalformedResponseError) as exc:
            if isinstance(exc, BalanceReplyError) and exc.provider_message:
                raise  # the endpoint exists and said why it cannot answer
            continue
    raise not_offered(client.provider_name)


def remember_balance_api(registry: ProviderRegistry, name: str, api: BalanceApi) -> None:
    """Keep which endpoint answered in the profile, so later checks ask it directly."""
    if registry.get(name).balance_api != api.value:
        registry.update(name, balance_api=api.value)


def format_balance(balance: Balance) -> str:
    """"$12.34 left of $50.00" / "unlimited ($3.20 used)"."""
    sign = "$" if balance.currency == "USD" else balance.currency + " "
    if balance.remaining is None:
        used = f" ({sign}{balance.used:.2f} used)" if balance.used is not None else ""
        return f"unlimited{used}"
    text = f"{sign}{balance.remaining:.2f} left"
    if balance.limit is not None:
        text += f" of {sign}{balance.limit:.2f}"
    return text
