"""`switchboard provider balance NAME`: what balance is left at a provider."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.commands.api_access import (
    limits_for,
    open_data_dir,
    open_registry,
    report_error,
    run_api_command,
)
from desktop.commands.exit_codes import EXIT_CODES_HELP, EXIT_OK
from desktop.core.api.client import ApiClient
from desktop.core.balance import (
    BalanceApi,
    BalanceNotOfferedError,
    check_balance,
    format_balance,
    remember_balance_api,
)
from desktop.core.providers import ProviderError, ProviderRegistry, resolve_api_key
from desktop.core.safe_text import SafeOutput


async def _balance_async(args: argparse.Namespace) -> int:
    data_dir = open_data_dir(args)
    registry = open_registry(data_dir)
    profile = registry.get(args.name)
    known = None if args.detect else profile.balance_api
    async with ApiClient(profile, resolve_api_key(profile), limits=limits_for(data_dir)) as client:
        try:
            balance = await check_balance(client, known)
        except BalanceNotOfferedError as error:
            if known is None:
                _remember(registry, profile.name, BalanceApi.NONE)
            return report_error(error)
    if known is None:
        _remember(registry, profile.name, balance.api)
    if args.json:
        print(json.dumps({
            "provider": profile.name, "api": str(balance.api), "currency": balance.currency,
            "remaining": balance.remaining, "limit": balance.limit, "used": balance.used,
            "unlimited": balance.unlimited,
        }, indent=2))
    else:
        SafeOutput(sys.stdout).print(f"{profile.name}: {format_balance(balance)}")
    return EXIT_OK


def _remember(registry: ProviderRegistry, name: str, api: BalanceApi) -> None:
    try:
        remember_balance_api(registry, name, api)
    except ProviderError as error:  # a read-only or newer providers file: ask again next time
        report_error(error)


def _balance(args: argparse.Namespace) -> int:
    return run_api_command(_balance_async(args))


def register_balance(commands: Any) -> None:
    """Add `balance` to the `provider` command's actions."""
    balance = commands.add_parser(
        "balance", help="show the balance left at a provider", epilog=EXIT_CODES_HELP,
        description="Ask the provider's billing endpoints (OpenAI-style dashboard/billing, "
        "OpenRouter's credits) what is left. Which one answers is remembered per provider.",
    )
    balance.add_argument("name", metavar="NAME")
    balance.add_argument("--json", action="store_true", help="print the balance as JSON")
    balance.add_argument("--detect", action="store_true",
                         help="try every endpoint again instead of the remembered one")
    balance.set_defaults(func=_balance)
