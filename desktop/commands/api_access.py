"""What the API commands (`ask`, `image`, `provider models`) share: the data dir with logging, a
client for a named provider, and errors turned into exit codes on stderr."""

from __future__ import annotations

import argparse
import asyncio
import logging
import shlex
import sys
from typing import Any

from desktop.commands.exit_codes import EXIT_INTERRUPTED_BY_USER, exit_code_for
from desktop.core.api.client import ApiClient
from desktop.core.api.errors import APIError, APIStatusError
from desktop.core.api.limits import ResponseLimits
from desktop.core.api.requests_openai import RequestValidationError
from desktop.core.logs import setup_logging
from desktop.core.paths import DataDir, resolve_data_dir
from desktop.core.providers import ProviderError, ProviderRegistry, resolve_api_key
from desktop.core.safe_text import SafeOutput
from desktop.core.secrets import KeyringUnavailableError
from desktop.core.settings import Settings


def report_error(error: BaseException) -> int:
    """Print the explanation of a failure on stderr; return its exit code."""
    text = error.details() if isinstance(error, APIError) else str(error)
    SafeOutput(sys.stderr).print(f"switchboard: {text}")  # may quote the provider
    if isinstance(error, APIStatusError) and error.balance_exhausted and error.provider:
        SafeOutput(sys.stderr).print(
            f"switchboard: see what is left with: switchboard provider balance "
            f"{shlex.quote(error.provider)}")
    return exit_code_for(error)


def open_data_dir(args: argparse.Namespace) -> DataDir:
    """The data dir from `--data-dir`, created, with logging (redacted) into its logs folder."""
    data_dir = resolve_data_dir(args.data_dir).ensure()
    level = logging.DEBUG if getattr(args, "debug", False) else logging.INFO
    setup_logging(data_dir.logs, level=level)
    return data_dir


def open_registry(data_dir: DataDir) -> ProviderRegistry:
    registry = ProviderRegistry(data_dir.root)
    for warning in registry.warnings:
        print(f"switchboard: warning: {warning}", file=sys.stderr)
    return registry


def client_for(args: argparse.Namespace, name: str) -> ApiClient:
    """An API client for the named provider, its key fetched from where the profile says."""
    data_dir = open_data_dir(args)
    profile = open_registry(data_dir).get(name)
    return ApiClient(profile, resolve_api_key(profile), limits=limits_for(data_dir))


def limits_for(data_dir: DataDir) -> ResponseLimits:
    """The caps on what a provider may send, from the user's settings (`limits.*`)."""
    return ResponseLimits.from_settings(Settings(data_dir.settings_file))


def run_api_command(coro: Any) -> int:
    """Run an API coroutine returning an exit code; errors become their exit codes."""
    try:
        result: int = asyncio.run(coro)
    except KeyboardInterrupt:
        print("switchboard: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED_BY_USER
    except (APIError, ProviderError, KeyringUnavailableError, RequestValidationError) as error:
        return report_error(error)
    return result
