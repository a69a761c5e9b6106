"""Support of the MCP tests: hubs over real servers (the reference `mcp-server-time`, our stdio
and Streamable HTTP test servers), an in-memory keyring for bearer tokens."""

from __future__ import annotations

import asyncio
import secrets
import sys
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from desktop.core.secrets import SecretStore
from desktop.core.tools.hub import McpHub
from desktop.core.tools.mcp_config import McpConfig, ServerConfig, http_server, stdio_server
from tests.helpers.mcp_http_server import McpHttpServer
from tests.helpers.memory_keyring import MemoryKeyring

T = TypeVar("T")
HELPERS = Path(__file__).resolve().parents[2] / "helpers"
STDIO_SERVER = str(HELPERS / "mcp_stdio_server.py")


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def time_server(name: str = "time") -> ServerConfig:
    return stdio_server(name, sys.executable, ["-m", "mcp_server_time",
                                               "--local-timezone", "Europe/Paris"])


def stdio_test_server(name: str = "t", *args: str, **common: Any) -> ServerConfig:
    return stdio_server(name, sys.executable, [STDIO_SERVER, *args], **common)


def hub_for(tmp_path: Path, *servers: ServerConfig, store: SecretStore | None = None) -> McpHub:
    config = McpConfig(tmp_path / "mcp_servers.json")
    for server in servers:
        config.add(server)
    return McpHub(config, secrets=store or SecretStore(backend=MemoryKeyring()))


@pytest.fixture
def token() -> str:
    return "mcp-" + secrets.token_hex(12)


@pytest.fixture
def keyring_store() -> SecretStore:
    return SecretStore(backend=MemoryKeyring())


@pytest.fixture(scope="module")
def http_server_url() -> Iterator[tuple[str, str]]:
    """One HTTP test server for a module's tests that do not kill it: (url, token)."""
    token = "mcp-" + secrets.token_hex(12)
    with McpHttpServer(token) as server:
        yield server.url, token


def http_hub(tmp_path: Path, url: str, token: str, **common: Any) -> McpHub:
    store = SecretStore(backend=MemoryKeyring())
    server = http_server("web", url, {"X-Test": "1"}, **common)
    store.set(server.token_item, token)
    return hub_for(tmp_path, server, store=store)
