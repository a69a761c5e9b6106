"""`switchboard provider add|list|remove|models`: manage provider profiles from the shell.

Also holds what the other API commands (`ask`, `image`) share: opening a client for a named
provider, and the exit code for each error class (listed in `desktop.commands.ask`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from typing import Any

from desktop.core.api.client import ApiClient
from desktop.core.api.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ContentPolicyError,
    InternalServerError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    StreamInterruptedError,
)
from desktop.core.api.requests_openai import RequestValidationError
from desktop.core.api.styles import ApiStyle
from desktop.core.logs import setup_logging
from desktop.core.paths import DataDir, resolve_data_dir
from desktop.core.providers import (
    KeySource,
    ProviderError,
    ProviderProfile,
    ProviderRegistry,
    resolve_api_key,
)
from desktop.core.secrets import KeyringUnavailableError, SecretStore

EXIT_OK = 0
EXIT_FAILURE = 1  # anything unexpected
EXIT_USAGE = 2  # argparse's code for bad command lines
EXIT_CONFIG = 3  # unknown provider, missing key, keyring unavailable, bad profile
EXIT_INVALID_REQUEST = 4  # a parameter we refuse before sending (n=11, 5 stop sequences...)
EXIT_INTERRUPTED_BY_USER = 130

# Most specific class first; the first isinstance match wins.
API_EXIT_CODES: tuple[tuple[type[APIError], int], ...] = (
    (AuthenticationError, 10),
    (PermissionDeniedError, 11),
    (NotFoundError, 12),
    (BadRequestError, 13),
    (RateLimitError, 14),
    (ContentPolicyError, 15),
    (InternalServerError, 16),
    (APITimeoutError, 17),
    (APIConnectionError, 18),
    (StreamInterruptedError, 19),
    (MalformedResponseError, 20),
    (APIStatusError, 21),
    (APIError, 22),
)

EXIT_CODES_HELP = (
    "exit codes: 0 success, 1 unexpected failure, 2 bad command line, 3 configuration "
    "(provider, key, keyring), 4 invalid parameter, 10 key rejected (401), 11 permission or "
    "balance (402/403), 12 model or endpoint not found (404), 13 bad request (400/422), "
    "14 rate limited (429), 15 content filter, 16 server error (5xx), 17 timeout, "
    "18 connection failed (DNS, refused, TLS, proxy), 19 reply interrupted (partial text "
    "printed), 20 malformed reply, 21 other HTTP status, 22 other API error, 130 Ctrl+C"
)


def exit_code_for(error: BaseException) -> int:
    """The documented exit code of an error raised by an API command."""
    if isinstance(error, RequestValidationError):
        return EXIT_INVALID_REQUEST
    if isinstance(error, ProviderError | KeyringUnavailableError):
        return EXIT_CONFIG
    for cls, code in API_EXIT_CODES:
        if isinstance(error, cls):
            return code
    return EXIT_FAILURE


def report_error(error: BaseException) -> int:
    """Print the explanation of a failure on stderr; return its exit code."""
    text = error.details() if isinstance(error, APIError) else str(error)
    print(f"switchboard: {text}", file=sys.stderr)
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
    registry = open_registry(open_data_dir(args))
    profile = registry.get(name)
    return ApiClient(profile, resolve_api_key(profile))


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


# -- subcommands ------------------------------------------------------------------------------


def _parse_header(text: str) -> tuple[str, str]:
    name, sep, value = text.partition(":") if ":" in text else text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME: VALUE, got {text!r}")
    return name.strip(), value.strip()


def _add(args: argparse.Namespace) -> int:
    data_dir = open_data_dir(args)
    registry = open_registry(data_dir)
    if args.key_stdin:
        key_source = KeySource.KEYRING
    elif args.key_env:
        key_source = KeySource.ENV
    else:
        key_source = KeySource.NONE
    try:
        profile = ProviderProfile(
            name=args.name,
            base_url=args.base_url,
            api_style=ApiStyle(args.api),
            key_source=key_source,
            key_env=args.key_env,
            extra_headers=dict(args.header or []),
            proxy=args.proxy,
            verify_tls=not args.insecure,
            ca_bundle=args.ca_bundle,
            connect_timeout=args.connect_timeout,
            read_timeout=args.read_timeout,
            include_usage=not args.no_include_usage,
            max_retries=args.max_retries,
            image_size_separator=args.image_size_separator,
        )
        if key_source is KeySource.KEYRING:
            key = sys.stdin.readline().strip()
            if not key:
                raise ProviderError("--key-stdin was given but stdin held no key.")
            SecretStore().set(profile.keyring_item, key)
        registry.add(profile)
    except KeyringUnavailableError as error:
        report_error(error)
        print(
            "switchboard: use --key-env VAR to read the key from an environment variable.",
            file=sys.stderr,
        )
        return EXIT_CONFIG
    except ProviderError as error:
        return report_error(error)
    print(f"Added {profile.name}: requests go to {profile.chat_url}")
    if key_source is KeySource.NONE:
        print("No key configured (fine for local servers).", file=sys.stderr)
    return EXIT_OK


def _key_description(profile: ProviderProfile) -> str:
    if profile.key_source is KeySource.ENV:
        return f"env ${profile.key_env}"
    return "keyring" if profile.key_source is KeySource.KEYRING else "none"


def _list(args: argparse.Namespace) -> int:
    registry = open_registry(open_data_dir(args))
    profiles = registry.list()
    if args.json:
        print(json.dumps([p.to_json() for p in profiles], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not profiles:
        print("No providers yet. Add one with: switchboard provider add NAME --base-url URL")
        return EXIT_OK
    rows = [("NAME", "API", "KEY", "BASE URL")]
    rows += [(p.name, str(p.api_style), _key_description(p), p.base_url) for p in profiles]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
            + "  "
            + row[3]
        )
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    registry = open_registry(open_data_dir(args))
    try:
        profile = registry.get(args.name)
        store = SecretStore() if profile.key_source is KeySource.KEYRING else None
        registry.remove(args.name, store)
    except (ProviderError, KeyringUnavailableError) as error:
        return report_error(error)
    print(f"Removed {profile.name}.")
    return EXIT_OK


async def _models_async(args: argparse.Namespace) -> int:
    async with client_for(args, args.name) as client:
        models = await client.list_models()
    if args.json:
        rows = [
            {"id": m.id, "owned_by": m.owned_by, "display_name": m.display_name} for m in models
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for model in models:
            print(model.id)
    return EXIT_OK


def _models(args: argparse.Namespace) -> int:
    return run_api_command(_models_async(args))


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "provider", help="add, list, remove providers; list their models"
    )
    commands = parser.add_subparsers(dest="provider_command", metavar="ACTION", required=True)

    add = commands.add_parser("add", help="add a provider profile")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--base-url", required=True, metavar="URL", help="with or without /v1")
    add.add_argument(
        "--api",
        choices=[str(style) for style in ApiStyle],
        default=str(ApiStyle.OPENAI_CHAT),
        help="wire format (default: %(default)s)",
    )
    keys = add.add_mutually_exclusive_group()
    keys.add_argument(
        "--key-stdin", action="store_true", help="read the key from stdin into the system keyring"
    )
    keys.add_argument("--key-env", metavar="VAR", help="take the key from environment variable VAR")
    add.add_argument(
        "--header", action="append", type=_parse_header, metavar="NAME:VALUE", help="extra header"
    )
    add.add_argument("--proxy", metavar="URL", help='proxy URL, or "direct" (default: system)')
    add.add_argument("--ca-bundle", metavar="FILE", help="PEM file of extra trusted CAs")
    add.add_argument("--insecure", action="store_true", help="do not verify TLS certificates")
    add.add_argument("--connect-timeout", type=float, default=10.0, metavar="S")
    add.add_argument("--read-timeout", type=float, default=300.0, metavar="S")
    add.add_argument("--max-retries", type=int, default=2, metavar="N")
    add.add_argument(
        "--no-include-usage",
        action="store_true",
        help="do not send stream_options.include_usage (some relays reject it)",
    )
    add.add_argument(
        "--image-size-separator", choices=["x", "*"], default="x", help="1024x1024 or 1024*1024"
    )
    add.set_defaults(func=_add)

    listing = commands.add_parser("list", help="list provider profiles")
    listing.add_argument("--json", action="store_true", help="print the profiles as JSON")
    listing.set_defaults(func=_list)

    remove = commands.add_parser("remove", help="remove a provider and its stored key")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(func=_remove)

    models = commands.add_parser(
        "models", help="list the models a provider offers", epilog=EXIT_CODES_HELP
    )
    models.add_argument("name", metavar="NAME")
    models.add_argument("--json", action="store_true", help="print the models as JSON")
    models.set_defaults(func=_models)
