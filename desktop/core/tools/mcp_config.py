"""The MCP servers the user configured, kept in `<data dir>/mcp_servers.json`.

Each server is validated when the file is read (types, sizes, names); a file that cannot be
read at all (not JSON, too big, nested too deeply) is moved aside and kept, and a single bad
server entry is skipped with a warning but written back unchanged, so nothing the user wrote
is lost. Bearer tokens are not in the file: they live in the OS keyring under `mcp:<name>`.
`import_file` reads the `{"mcpServers": {...}}` files other clients use.
"""

from __future__ import annotations

import json
import re
import shlex
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from desktop.core.atomic_file import write_json_atomic

CONFIG_FILE_NAME = "mcp_servers.json"
FILE_VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_SERVERS = 200
MAX_LIST = 256
MAX_TOOLS = 2000
MAX_TEXT = 8192
DEFAULT_START_TIMEOUT = 30.0
DEFAULT_CALL_TIMEOUT = 60.0
MAX_TIMEOUT = 3600.0

Transport = Literal["stdio", "http"]

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,47}$")
_ENV_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,127}$")
_HEADER_RE = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$")


class McpConfigError(ValueError):
    """A server entry, the file, or an import was refused; the message says why."""


@dataclass(frozen=True)
class ToolPolicy:
    """What the user chose for one tool: offered to models or not, asked before each run or not."""

    enabled: bool = True
    always_allow: bool = False


@dataclass(frozen=True)
class ServerConfig:
    """One MCP server: how to start or reach it, and what the user allowed of it."""

    name: str
    transport: Transport
    command: str = ""
    args: tuple[str, ...] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    cwd: str | None = None
    url: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)
    enabled: bool = True
    tools: Mapping[str, ToolPolicy] = field(default_factory=dict)
    start_timeout: float = DEFAULT_START_TIMEOUT
    call_timeout: float = DEFAULT_CALL_TIMEOUT

    @property
    def token_item(self) -> str:
        """The keyring item of this server's bearer token."""
        return token_item(self.name)

    def policy(self, tool: str) -> ToolPolicy:
        return self.tools.get(tool, ToolPolicy())

    def with_policy(self, tool: str, **changes: bool) -> ServerConfig:
        tools = dict(self.tools)
        tools[tool] = replace(self.policy(tool), **changes)
        return replace(self, tools=tools)

    def describe(self) -> str:
        """The command line or the URL, for listings."""
        if self.transport == "http":
            return self.url
        return shlex.join([self.command, *self.args])

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "transport": self.transport,
                                "enabled": self.enabled,
                                "start_timeout": self.start_timeout,
                                "call_timeout": self.call_timeout}
        if self.transport == "stdio":
            data.update(command=self.command, args=list(self.args), env=dict(self.env),
                        cwd=self.cwd)
        else:
            data.update(url=self.url, headers=dict(self.headers))
        if self.tools:
            data["tools"] = {name: {"enabled": p.enabled, "always_allow": p.always_allow}
                             for name, p in self.tools.items()}
        return data


def token_item(server: str) -> str:
    return f"mcp:{server}"


def config_path(data_dir_root: Path) -> Path:
    return Path(data_dir_root) / CONFIG_FILE_NAME


@dataclass
class McpConfig:
    """The servers read from the file, the warnings met, and entries kept as they were."""

    path: Path
    servers: list[ServerConfig] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kept_entries: list[Any] = field(default_factory=list)  # invalid entries, written back as-is

    def get(self, name: str) -> ServerConfig:
        for server in self.servers:
            if server.name.casefold() == name.casefold():
                return server
        raise McpConfigError(f"There is no MCP server named {name!r}.")

    def has(self, name: str) -> bool:
        return any(server.name.casefold() == name.casefold() for server in self.servers)

    def add(self, server: ServerConfig) -> None:
        if self.has(server.name):
            raise McpConfigError(f"An MCP server named {server.name!r} already exists.")
        if len(self.servers) >= MAX_SERVERS:
            raise McpConfigError(f"At most {MAX_SERVERS} MCP servers can be configured.")
        self.servers.append(server)

    def replace(self, server: ServerConfig) -> None:
        index = self.servers.index(self.get(server.name))
        self.servers[index] = server

    def remove(self, name: str) -> ServerConfig:
        server = self.get(name)
        self.servers.remove(server)
        return server

    def save(self) -> None:
        payload = {"version": FILE_VERSION,
                   "servers": [s.to_json() for s in self.servers] + list(self.kept_entries)}
        try:
            write_json_atomic(self.path, payload)
        except OSError as exc:
            raise McpConfigError(
                f"The MCP server list {self.path} could not be saved ({exc.strerror or exc}); "
                "nothing was changed.") from exc


def load_config(data_dir_root: Path) -> McpConfig:
    """The configured servers; never raises for a bad file (see `McpConfig.warnings`)."""
    config = McpConfig(config_path(data_dir_root))
    try:
        with config.path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return config
    except OSError as exc:
        config.warnings.append(f"The MCP server list {config.path} could not be read: {exc}.")
        return config
    try:
        if len(raw) > MAX_FILE_BYTES:
            raise McpConfigError(f"larger than {MAX_FILE_BYTES // 1000} kB")
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("servers"), list):
            raise McpConfigError("no 'servers' list")
    except RecursionError:
        _move_aside(config, "nested too deeply")
        return config
    except (ValueError, UnicodeDecodeError) as exc:
        _move_aside(config, str(exc) or type(exc).__name__)
        return config
    for index, entry in enumerate(data["servers"]):
        try:
            server = parse_server(entry)
            if config.has(server.name):
                raise McpConfigError(f"a second server named {server.name!r}")
            if len(config.servers) >= MAX_SERVERS:
                raise McpConfigError(f"more than {MAX_SERVERS} servers")
            config.servers.append(server)
        except McpConfigError as exc:
            config.kept_entries.append(entry)
            config.warnings.append(
                f"MCP server entry {index + 1} in {config.path.name} was skipped ({exc}); "
                "it is kept in the file.")
    return config


def _move_aside(config: McpConfig, reason: str) -> None:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = config.path.with_name(f"{config.path.stem}.corrupt-{stamp}.json")
    counter = 1
    while target.exists():
        target = config.path.with_name(f"{config.path.stem}.corrupt-{stamp}-{counter}.json")
        counter += 1
    try:
        config.path.replace(target)
        kept = f"It was kept as {target.name}"
    except OSError:
        kept = "It was left as it is"
    config.warnings.append(f"The MCP server list {config.path} could not be read ({reason}). "
                           f"{kept}; starting with no MCP servers.")


# --- validation -------------------------------------------------------------------------------

def check_name(name: object) -> str:
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise McpConfigError(
            f"{_shown(name)} is not a valid MCP server name: use 1 to 48 letters, digits, "
            "'.', '_' or '-', starting with a letter or digit.")
    return name


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _text(value: object, what: str, *, limit: int = MAX_TEXT, empty: bool = True) -> str:
    if not isinstance(value, str):
        raise McpConfigError(f"{what} must be a string")
    if len(value) > limit:
        raise McpConfigError(f"{what} is longer than {limit} characters")
    if "\x00" in value:
        raise McpConfigError(f"{what} contains a NUL character")
    if not empty and not value.strip():
        raise McpConfigError(f"{what} is empty")
    return value


def _mapping(value: object, what: str, key_re: re.Pattern[str]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise McpConfigError(f"{what} must be an object of strings")
    if len(value) > MAX_LIST:
        raise McpConfigError(f"{what} has more than {MAX_LIST} entries")
    result = {}
    for key, item in value.items():
        if not key_re.match(key):
            raise McpConfigError(f"{what} has an invalid name {_shown(key)}")
        text = _text(item, f"{what} {key}")
        if "\n" in text or "\r" in text:
            raise McpConfigError(f"{what} {key} contains a line break")
        result[key] = text
    return result


def _timeout(value: object, what: str, default: float) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise McpConfigError(f"{what} must be a number of seconds")
    if not 0 < value <= MAX_TIMEOUT:
        raise McpConfigError(f"{what} must be between 0 and {MAX_TIMEOUT:.0f} seconds")
    return float(value)


def _flag(value: object, what: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise McpConfigError(f"{what} must be true or false")
    return value


def check_url(url: object) -> str:
    text = _text(url, "url", limit=2048, empty=False).strip()
    if not re.match(r"^https?://[^\s/]+", text):
        raise McpConfigError(f"{_shown(text)} is not an http:// or https:// URL")
    return text


def _tools(value: object) -> dict[str, ToolPolicy]:
    if value is None:
        return {}
    if not isinstance(value, dict) or len(value) > MAX_TOOLS:
        raise McpConfigError(f"tools must be an object of at most {MAX_TOOLS} tools")
    tools = {}
    for name, raw in value.items():
        _text(name, "a tool name", limit=256, empty=False)
        if not isinstance(raw, dict):
            raise McpConfigError(f"tool {_shown(name)} must be an object")
        tools[name] = ToolPolicy(_flag(raw.get("enabled"), "enabled", True),
                                 _flag(raw.get("always_allow"), "always_allow", False))
    return tools


def parse_server(entry: object) -> ServerConfig:
    """A validated ServerConfig from one JSON entry of our own file."""
    if not isinstance(entry, dict):
        raise McpConfigError("not an object")
    name = check_name(entry.get("name"))
    transport = entry.get("transport", "stdio")
    common: dict[str, Any] = {
        "enabled": _flag(entry.get("enabled"), "enabled", True),
        "tools": _tools(entry.get("tools")),
        "start_timeout": _timeout(entry.get("start_timeout"), "start_timeout",
                                  DEFAULT_START_TIMEOUT),
        "call_timeout": _timeout(entry.get("call_timeout"), "call_timeout",
                                 DEFAULT_CALL_TIMEOUT),
    }
    if transport == "http":
        return ServerConfig(name, "http", url=check_url(entry.get("url")),
                            headers=_mapping(entry.get("headers"), "header", _HEADER_RE),
                            **common)
    if transport != "stdio":
        raise McpConfigError(f"transport {_shown(transport)} is not 'stdio' or 'http'")
    return stdio_server(name, entry.get("command"), entry.get("args"), entry.get("env"),
                        entry.get("cwd"), **common)


def _checked(common: dict[str, Any]) -> dict[str, Any]:
    """The shared settings given to the constructors below, validated like the file's."""
    checked = dict(common)
    for key, default in (("start_timeout", DEFAULT_START_TIMEOUT),
                         ("call_timeout", DEFAULT_CALL_TIMEOUT)):
        checked[key] = _timeout(common.get(key), key, default)
    checked["enabled"] = _flag(common.get("enabled"), "enabled", True)
    return checked


def stdio_server(name: str, command: object, args: object = None, env: object = None,
                 cwd: object = None, **common: Any) -> ServerConfig:
    command_text = _text(command, "command", empty=False)
    if args is None:
        args = []
    if not isinstance(args, list) or len(args) > MAX_LIST:
        raise McpConfigError(f"args must be a list of at most {MAX_LIST} strings")
    arg_texts = tuple(_text(arg, "an argument") for arg in args)
    cwd_text = None if cwd in (None, "") else _text(cwd, "cwd", limit=4096)
    return ServerConfig(check_name(name), "stdio", command=command_text, args=arg_texts,
                        env=_mapping(env, "environment variable", _ENV_RE), cwd=cwd_text,
                        **_checked(common))


def http_server(name: str, url: str, headers: Mapping[str, str] | None = None,
                **common: Any) -> ServerConfig:
    return ServerConfig(check_name(name), "http", url=check_url(url),
                        headers=_mapping(dict(headers or {}), "header", _HEADER_RE),
                        **_checked(common))


# --- import -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportedServer:
    server: ServerConfig
    token: str | None = None  # a bearer token found in the headers, for the keyring


def read_import_file(path: Path) -> list[ImportedServer]:
    """The servers of an `mcp.json` / `claude_desktop_config.json` style file."""
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise McpConfigError(f"{path} could not be read: {exc.strerror or exc}.") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise McpConfigError(f"{path} is larger than {MAX_FILE_BYTES // 1000} kB.")
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError as exc:
        raise McpConfigError(f"{path} is nested too deeply.") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise McpConfigError(f"{path} is not JSON: {exc}.") from exc
    servers = data.get("mcpServers") if isinstance(data, dict) else None
    if servers is None and isinstance(data, dict):
        servers = data.get("servers")  # VS Code's mcp.json
    if not isinstance(servers, dict):
        raise McpConfigError(f"{path} has no \"mcpServers\" object.")
    if len(servers) > MAX_SERVERS:
        raise McpConfigError(f"{path} lists more than {MAX_SERVERS} servers.")
    found = []
    for name, entry in servers.items():
        try:
            found.append(_imported(name, entry))
        except McpConfigError as exc:
            raise McpConfigError(f"Server {_shown(name)} in {path}: {exc}. "
                                 "Nothing was imported.") from exc
    return found


def _imported(name: str, entry: object) -> ImportedServer:
    if not isinstance(entry, dict):
        raise McpConfigError("not an object")
    common = {"enabled": not _flag(entry.get("disabled"), "disabled", False)}
    url = entry.get("url", entry.get("serverUrl"))
    kind = entry.get("type", entry.get("transport"))
    if url is not None or kind in ("http", "streamable-http", "streamableHttp", "sse"):
        headers = _mapping(entry.get("headers"), "header", _HEADER_RE)
        token = None
        for key in list(headers):
            value = headers[key]
            if key.lower() == "authorization" and value.lower().startswith("bearer "):
                token = value[7:].strip()
                del headers[key]
        return ImportedServer(http_server(name, str(url), headers, **common), token or None)
    return ImportedServer(stdio_server(name, entry.get("command"), entry.get("args"),
                                       entry.get("env"), entry.get("cwd"), **common))


def check_no_duplicates(config: McpConfig, names: Sequence[str]) -> None:
    """Refuse an import that names a server already configured (or one name twice)."""
    seen: set[str] = set()
    clashes = []
    for name in names:
        if config.has(name) or name.casefold() in seen:
            clashes.append(name)
        seen.add(name.casefold())
    if clashes:
        listed = ", ".join(repr(name) for name in clashes)
        raise McpConfigError(
            f"Already configured: {listed}. Remove or rename them first; nothing was imported.")
