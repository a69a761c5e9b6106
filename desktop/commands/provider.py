"""`switchboard provider add|list|remove|models|balance`: manage provider profiles."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from typing import Any

from desktop.commands.api_access import (
    client_for,
    open_data_dir,
    open_registry,
    report_error,
    run_api_command,
)
from desktop.commands.exit_codes import EXIT_CODES_HELP, EXIT_CONFIG, EXIT_OK
from desktop.commands.provider_balance import register_balance
from desktop.core.api.styles import ApiStyle
from desktop.core.provider_credentials import redacted_profile_json
from desktop.core.providers import (
    KeySource,
    ProviderError,
    ProviderProfile,
    ProviderRegistry,
)
from desktop.core.secrets import KeyringUnavailableError, SecretStore


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
            send_pdfs_natively=args.send_pdfs_natively,
        )
        if any(p.name.casefold() == profile.name.casefold() for p in registry.list()):
            raise ProviderError(f"A provider named {profile.name!r} already exists.")
        if key_source is KeySource.KEYRING:
            key = sys.stdin.readline().strip()
            if not key:
                raise ProviderError("--key-stdin was given but stdin held no key.")
            SecretStore().set(profile.keyring_item, key)
        _add_or_forget_key(registry, profile)
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


def _add_or_forget_key(registry: ProviderRegistry, profile: ProviderProfile) -> None:
    """Save the profile; when that fails, delete the key just stored (no orphan in the keyring)."""
    try:
        registry.add(profile)
    except BaseException:
        if profile.key_source is KeySource.KEYRING:
            with contextlib.suppress(KeyringUnavailableError):
                SecretStore().delete(profile.keyring_item)
        raise


def _key_description(profile: ProviderProfile) -> str:
    if profile.key_source is KeySource.ENV:
        return f"env ${profile.key_env}"
    return "keyring" if profile.key_source is KeySource.KEYRING else "none"


def _list(args: argparse.Namespace) -> int:
    registry = open_registry(open_data_dir(args))
    profiles = registry.list()
    if args.json:
        shown = [redacted_profile_json(p) for p in profiles]
        print(json.dumps(shown, indent=2, ensure_ascii=False))
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
        "provider", help="add, list, remove providers; list their models; show a balance"
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
    add.add_argument(
        "--send-pdfs-natively", action="store_true",
        help="send attached PDFs as files (OpenAI file part, Anthropic document, Responses "
             "input_file) instead of their extracted text",
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

    register_balance(commands)
