"""`switchboard mcp add|list|tools|remove|import|enable|disable`: the MCP servers tools come from.

Everything a server says (tool names, descriptions, errors) is printed through SafeOutput, so
no escape sequence from a server reaches the terminal. Tokens go to the keyring, never echoed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.commands.api_access import open_data_dir
from desktop.commands.exit_codes import (
    EXIT_CONFIG,
    EXIT_FAILURE,
    EXIT_IMPORT,
    EXIT_INTERRUPTED_BY_USER,
    EXIT_OK,
)
from desktop.core.redaction import SECRET_HEADERS, redact_headers
from desktop.core.safe_text import SafeOutput
from desktop.core.secrets import KeyringUnavailableError, SecretStore
from desktop.core.tools.hub import McpHub, McpServerError
from desktop.core.tools.mcp_config import (
    McpConfig,
    McpConfigError,
    ServerConfig,
    check_no_duplicates,
    http_server,
    load_config,
    read_import_file,
    stdio_server,
)


def _out() -> SafeOutput:
    return SafeOutput(sys.stdout)


def _fail(message: str, code: int = EXIT_CONFIG) -> int:
    SafeOutput(sys.stderr).print(f"switchboard: {message}")
    return code


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value


def _open(args: argparse.Namespace) -> McpConfig:
    config = load_config(open_data_dir(args).root)
    for warning in config.warnings:
        SafeOutput(sys.stderr).print(f"switchboard: warning: {warning}")
    return config


def _add_options() -> argparse.ArgumentParser:
    """The options of `mcp add` (also parsed again from what follows NAME)."""
    options = argparse.ArgumentParser(add_help=False, prog="switchboard mcp add NAME")
    options.add_argument("--url", help="a Streamable HTTP server's endpoint")
    options.add_argument("--header", action="append", type=_pair, metavar="K=V",
                         help="an HTTP header to send (repeatable)")
    options.add_argument("--token-stdin", action="store_true",
                         help="read a bearer token from stdin into the system keyring")
    options.add_argument("--env", action="append", type=_pair, metavar="K=V",
                         help="an environment variable for a command server (repeatable)")
    options.add_argument("--cwd", metavar="DIR", help="the command's working directory")
    options.add_argument("--start-timeout", type=float, metavar="S")
    options.add_argument("--call-timeout", type=float, metavar="S")
    return options


def _split_add(args: argparse.Namespace) -> list[str]:
    """Options after NAME merged into `args`; returns the command that follows `--`."""
    rest = list(args.rest or [])
    if "--" in rest:
        cut = rest.index("--")
    elif rest and not rest[0].startswith("-"):
        return rest  # `NAME -- COMMAND`: argparse already took the `--`
    else:
        cut = len(rest)
    later = _add_options().parse_args(rest[:cut])
    for key, value in vars(later).items():
        if value not in (None, False):
            earlier = getattr(args, key, None)
            merged = earlier + value if isinstance(value, list) and earlier else value
            setattr(args, key, merged)
    return rest[cut + 1:]


def _read_token() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Bearer token: ").strip()
    return sys.stdin.readline().strip()


def _add(args: argparse.Namespace) -> int:
    config = _open(args)
    command = _split_add(args)
    try:
        timeouts: dict[str, Any] = {}
        if args.start_timeout is not None:
            timeouts["start_timeout"] = args.start_timeout
        if args.call_timeout is not None:
            timeouts["call_timeout"] = args.call_timeout
        if args.url:
            if command or args.env or args.cwd:
                raise McpConfigError("give either --url or a command after --, not both")
            headers = dict(args.header or [])
            if any(name.lower() == "authorization" for name in headers):
                raise McpConfigError("give a bearer token with --token-stdin (it is kept in the "
                                     "system keyring), not as an Authorization header")
            server = http_server(args.name, args.url, headers, **timeouts)
            _warn_secret_headers(server)
        else:
            if not command:
                raise McpConfigError("give the server's command after --, or --url URL")
            if args.header or args.token_stdin:
                raise McpConfigError("--header and --token-stdin are for --url servers")
            server = stdio_server(args.name, command[0], command[1:], dict(args.env or []),
                                  args.cwd, **timeouts)
        config.add(server)
        if args.token_stdin:
            token = _read_token()
            if not token:
                raise McpConfigError("--token-stdin was given but no token was read")
            SecretStore().set(server.token_item, token)
        config.save()
    except (McpConfigError, KeyringUnavailableError) as error:
        return _fail(str(error))
    _out().print(f"Added MCP server {server.name}: {server.describe()}")
    return EXIT_OK


def _warn_secret_headers(server: ServerConfig) -> None:
    secret = sorted(name for name in server.headers if name.lower() in SECRET_HEADERS)
    if secret:
        SafeOutput(sys.stderr).print(
            f"switchboard: warning: {server.name}: the header(s) {', '.join(secret)} are kept "
            "in plain text in mcp_servers.json; only a bearer token goes to the keyring.")


def _status_word(server: ServerConfig) -> str:
    return "enabled" if server.enabled else "disabled"


async def _check_all(config: McpConfig) -> dict[str, str]:
    hub = McpHub(config)
    results: dict[str, str] = {}
    try:
        for server in config.servers:
            if not server.enabled:
                results[server.name] = "disabled"
                continue
            try:
                tools = await hub.server_tools(server.name)
                results[server.name] = f"running ({len(tools)} tools)"
            except McpServerError:
                results[server.name] = f"failed: {hub.status(server.name).reason}"
    finally:
        await hub.close()
    return results


def _list(args: argparse.Namespace) -> int:
    config = _open(args)
    statuses = {s.name: _status_word(s) for s in config.servers}
    if args.check:
        statuses = _run(_check_all(config))
    out = _out()
    if args.json:
        shown = [{**s.to_json(), "status": statuses[s.name]} for s in config.servers]
        for entry in shown:
            if "headers" in entry:
                entry["headers"] = redact_headers(entry["headers"])
        out.print(json.dumps(shown, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not config.servers:
        out.print("No MCP servers yet. Add one with: switchboard mcp add NAME -- COMMAND ARGS...")
        return EXIT_OK
    rows: list[tuple[str, ...]] = [("NAME", "TRANSPORT", "STATUS", "COMMAND OR URL")]
    rows += [(s.name, s.transport, statuses[s.name], s.describe()) for s in config.servers]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        out.print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
                  + "  " + row[3])
    return EXIT_OK


async def _list_tools(config: McpConfig, name: str) -> list[Any]:
    hub = McpHub(config)
    try:
        return await hub.server_tools(name)
    finally:
        await hub.close()


def _tools(args: argparse.Namespace) -> int:
    config = _open(args)
    try:
        server = config.get(args.name)
        specs = _run(_list_tools(config, server.name))
    except (McpConfigError, McpServerError) as error:
        return _fail(str(error), EXIT_FAILURE if isinstance(error, McpServerError) else EXIT_CONFIG)
    out = _out()
    if args.json:
        rows = [{"name": s.name, "description": s.description, "input_schema": s.input_schema,
                 "enabled": server.policy(s.name).enabled,
                 "always_allow": server.policy(s.name).always_allow} for s in specs]
        out.print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    for spec in specs:
        policy = server.policy(spec.name)
        flags = "" if policy.enabled else " (disabled)"
        flags += " (always allowed)" if policy.always_allow else ""
        out.print(f"{spec.name}{flags}")
        for line in (spec.description.strip() or "(no description)").splitlines():
            out.print(f"    {line}")
    if not specs:
        out.print(f"{server.name} offers no tools.")
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    config = _open(args)
    try:
        server = config.remove(args.name)
        config.save()
    except McpConfigError as error:
        return _fail(str(error))
    try:
        SecretStore().delete(server.token_item)
    except KeyringUnavailableError as error:
        if server.transport == "http":
            _fail(f"warning: its token could not be deleted from the keyring: {error}", 0)
    _out().print(f"Removed MCP server {server.name}.")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    config = _open(args)
    stored: list[str] = []
    try:
        found = read_import_file(Path(args.file))
        check_no_duplicates(config, [item.server.name for item in found])
        for item in found:
            config.add(item.server)
            _warn_secret_headers(item.server)
        for item in found:
            if item.token:
                SecretStore().set(item.server.token_item, item.token)
                stored.append(item.server.token_item)
        config.save()
    except (McpConfigError, KeyringUnavailableError) as error:
        with contextlib.suppress(KeyringUnavailableError):
            for item_name in stored:
                SecretStore().delete(item_name)
        code = EXIT_CONFIG if isinstance(error, KeyringUnavailableError) else EXIT_IMPORT
        return _fail(str(error), code)
    names = ", ".join(item.server.name for item in found) or "none"
    _out().print(f"Imported {len(found)} MCP server(s): {names}")
    return EXIT_OK


def _toggle(args: argparse.Namespace) -> int:
    config = _open(args)
    enable = args.mcp_command == "enable"
    try:
        server = config.get(args.name)
        if args.tool:
            server = server.with_policy(args.tool, enabled=enable)
        else:
            server = replace(server, enabled=enable)
        config.replace(server)
        config.save()
    except McpConfigError as error:
        return _fail(str(error))
    what = f"tool {args.tool} of {server.name}" if args.tool else f"MCP server {server.name}"
    _out().print(f"{'Enabled' if enable else 'Disabled'} {what}.")
    return EXIT_OK


def _run(coro: Any) -> Any:
    try:
        return asyncio.run(coro)
    except KeyboardInterrupt:
        print("switchboard: interrupted", file=sys.stderr)
        raise SystemExit(EXIT_INTERRUPTED_BY_USER) from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("mcp", help="add, list, import MCP servers; list their tools")
    commands = parser.add_subparsers(dest="mcp_command", metavar="ACTION", required=True)

    add = commands.add_parser(
        "add", parents=[_add_options()],
        help="add a server: NAME -- COMMAND ARGS... or NAME --url URL",
        usage="%(prog)s NAME [--env K=V]... [--cwd DIR] -- COMMAND [ARGS...]\n"
              "       %(prog)s NAME --url URL [--header K=V]... [--token-stdin]")
    add.add_argument("name", metavar="NAME")
    add.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    add.set_defaults(func=_add)

    listing = commands.add_parser("list", help="list the configured servers")
    listing.add_argument("--check", action="store_true",
                         help="start each enabled server and show whether it runs")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_list)

    tools = commands.add_parser("tools", help="start a server and list its tools")
    tools.add_argument("name", metavar="NAME")
    tools.add_argument("--json", action="store_true", help="with input schemas")
    tools.set_defaults(func=_tools)

    remove = commands.add_parser("remove", help="remove a server and its stored token")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(func=_remove)

    importing = commands.add_parser(
        "import", help='import servers from an mcp.json / claude_desktop_config.json file')
    importing.add_argument("file", metavar="FILE")
    importing.set_defaults(func=_import)

    for action in ("enable", "disable"):
        toggle = commands.add_parser(action, help=f"{action} a server, or one of its tools")
        toggle.add_argument("name", metavar="NAME")
        toggle.add_argument("tool", metavar="TOOL", nargs="?")
        toggle.set_defaults(func=_toggle)
