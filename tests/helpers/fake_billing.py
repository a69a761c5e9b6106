"""Billing endpoints for the fake provider: what relays and OpenRouter answer for a balance.

    fake_provider.billing = Billing("openai", limit_usd=50.0, used_usd=12.5)

Variants:
- "openai": `/v1/dashboard/billing/subscription` and `/v1/dashboard/billing/usage` (cents),
  as OpenAI used to and one-api/new-api still do; the host-root paths answer 404.
- "root": only the host-root `/dashboard/billing/...` paths answer (a relay whose base URL
  has another path).
- "wrapped": like "openai", each answer wrapped as `{"code": 0, "data": …}`; "success" wraps as
  `{"success": true, "data": …}`.
- "error200": one-api's failure shape, status 200 with `{"error": {"message": …}}`.
- "openrouter": `/v1/credits` → `{"data": {"total_credits", "total_usage"}}` and `/v1/key`.
- "openrouter-key": `/v1/credits` refused with 403 (not a management key), `/v1/key` answers.
- "none": nothing (every billing path 404s, as the default replies do).
`unlimited=True` reports one-api's 100,000,000 USD for a token without a limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

VARIANTS = ("openai", "root", "wrapped", "success", "error200", "openrouter",
            "openrouter-key", "none")


@dataclass
class Billing:
    variant: str = "openai"
    limit_usd: float = 50.0
    used_usd: float = 12.5
    unlimited: bool = False

    def answer(self, path: str) -> tuple[int, Any] | None:
        """(status, JSON body) for a billing path, or None when it is not one."""
        bare = path.split("?", 1)[0].rstrip("/")
        if bare.endswith("/dashboard/billing/subscription"):
            return self._openai(bare, {
                "object": "billing_subscription", "has_payment_method": True,
                "hard_limit_usd": 100_000_000.0 if self.unlimited else self.limit_usd,
                "soft_limit_usd": self.limit_usd, "system_hard_limit_usd": self.limit_usd,
                "access_until": 0})
        if bare.endswith("/dashboard/billing/usage"):
            if "start_date=" not in path or "end_date=" not in path:
                return 400, {"error": {"message": "start_date and end_date are required"}}
            return self._openai(bare, {"object": "list", "total_usage": self.used_usd * 100})
        if bare == "/v1/credits" and self.variant == "openrouter":
            return 200, {"data": {"total_credits": self.limit_usd,
                                  "total_usage": self.used_usd}}
        if bare == "/v1/credits" and self.variant == "openrouter-key":
            return 403, {"error": {"message": "Only management keys can fetch credits"}}
        if bare == "/v1/key" and self.variant in ("openrouter", "openrouter-key"):
            limit = None if self.unlimited else self.limit_usd
            return 200, {"data": {"label": "sk-or-v1-abc...", "usage": self.used_usd,
                                  "limit": limit, "is_free_tier": False,
                                  "limit_remaining": None if limit is None
                                  else limit - self.used_usd}}
        return None

    def _openai(self, path: str, body: dict[str, Any]) -> tuple[int, Any] | None:
        at_root, at_base = path.startswith("/dashboard/"), path.startswith("/v1/dashboard/")
        if self.variant == "root" and at_root:
            return 200, body
        if self.variant in ("openai", "wrapped", "success", "error200") and at_base:
            if self.variant == "wrapped":
                return 200, {"code": 0, "message": "", "data": body}
            if self.variant == "success":
                return 200, {"success": True, "message": "", "data": body}
            if self.variant == "error200":
                return 200, {"error": {"message": "token quota lookup failed",
                                       "type": "one_api_error"}}
            return 200, body
        return None
