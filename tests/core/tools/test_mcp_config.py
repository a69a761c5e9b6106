"""mcp_servers.json: validation on load (hostile files lose nothing), saving, and importing
`mcpServers` files from other clients."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.tools.mcp_config import (
    McpConfig,
    McpConfigError,
    check_no_duplicates,
    http_server,
    load_config,
    read_import_file,
    stdio_server,
)


def test_round_trip(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.servers == [] and config.warnings == []
    config.add(stdio_server("time", "uvx", ["mcp-server-time"], {"TZ": "UTC"}, "/tmp",
                            call_timeout=5))
    config.add(http_server("web", "https://example.com/mcp", {"X-Team": "a"}).with_policy(
        "search", always_allow=True))
    config.save()
    again = load_config(tmp_path)
    assert again.servers == config.servers and again.warnings == []
    web = again.get("WEB")
    assert web.policy("search").always_allow and not web.policy("other").always_allow
    assert web.token_item == "mcp:web"
    with pytest.raises(McpConfigError, match="already exists"):
        again.add(stdio_server("Time", "x"))


@pytest.mark.parametrize("content", [
    b"{not json",
    b"[" * 100_000 + b"]" * 100_000,
    b'{"servers": 5}',
    b'{"servers": [' + b'"x",' * 400_000 + b'"x"]}',
    "\udcff".encode("utf-8", "surrogatepass"),
])
def test_an_unreadable_file_is_moved_aside_and_kept(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "mcp_servers.json"
    path.write_bytes(content)
    config = load_config(tmp_path)
    assert config.servers == []
    assert len(config.warnings) == 1 and "could not be read" in config.warnings[0]
    kept = list(tmp_path.glob("mcp_servers.corrupt-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert not path.exists()


BAD_ENTRIES = [
    "a string",
    {"name": "has space", "command": "x"},
    {"name": "n1", "command": 5},
    {"name": "n2", "command": "x", "args": "not a list"},
    {"name": "n3", "command": "x", "args": [1]},
    {"name": "n4", "command": "x", "env": {"A": 1}},
    {"name": "n5", "command": "x", "env": {"BAD-NAME": "v"}},
    {"name": "n6", "command": "x", "call_timeout": -1},
    {"name": "n7", "command": "x", "start_timeout": True},
    {"name": "n8", "transport": "http", "url": "ftp://example.com"},
    {"name": "n9", "transport": "http", "url": "https://e.com", "headers": {"A": "b\r\nC: d"}},
    {"name": "n10", "transport": "carrier-pigeon"},
    {"name": "n11", "command": "x", "tools": {"t": {"enabled": "yes"}}},
    {"name": "n12", "command": "x" * 10_000},
    {"name": "n13", "command": "x\x00y"},
    {"name": "n14", "command": "x", "enabled": 1},
]


def test_bad_entries_are_skipped_with_a_warning_and_written_back(tmp_path: Path) -> None:
    good = stdio_server("good", "python", ["-m", "server"]).to_json()
    path = tmp_path / "mcp_servers.json"
    path.write_text(json.dumps({"version": 1, "servers": [good, *BAD_ENTRIES]}))
    config = load_config(tmp_path)
    assert [s.name for s in config.servers] == ["good"]
    assert len(config.warnings) == len(BAD_ENTRIES)
    assert all("is kept in the file" in w for w in config.warnings)
    config.add(stdio_server("new", "x"))
    config.save()
    saved = json.loads(path.read_text())["servers"]
    assert [s.get("name") if isinstance(s, dict) else s for s in saved][:2] == ["good", "new"]
    assert saved[2:] == BAD_ENTRIES


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "claude_desktop_config.json"
    path.write_text(json.dumps(data))
    return path


def test_import_claude_desktop_style(tmp_path: Path) -> None:
    path = _write(tmp_path, {"mcpServers": {
        "fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/d"],
               "env": {"DEBUG": "1"}},
        "remote": {"url": "https://mcp.example.com/mcp",
                   "headers": {"Authorization": "Bearer abc123secret", "X-Org": "7"}},
        "windsurf": {"serverUrl": "https://w.example.com/mcp", "disabled": True},
        "typed": {"type": "http", "url": "http://127.0.0.1:9000/mcp"},
    }, "otherSettings": {"theme": "dark"}})
    found = {item.server.name: item for item in read_import_file(path)}
    assert found["fs"].server.transport == "stdio"
    assert found["fs"].server.args == ("-y", "@modelcontextprotocol/server-filesystem", "/d")
    assert dict(found["fs"].server.env) == {"DEBUG": "1"} and found["fs"].token is None
    remote = found["remote"]
    assert remote.server.url == "https://mcp.example.com/mcp" and remote.token == "abc123secret"
    assert dict(remote.server.headers) == {"X-Org": "7"}  # the token is not kept in the file
    assert found["windsurf"].server.url == "https://w.example.com/mcp"
    assert not found["windsurf"].server.enabled
    assert found["typed"].server.transport == "http"


def test_import_refuses_duplicates_and_bad_files(tmp_path: Path) -> None:
    config = McpConfig(tmp_path / "mcp_servers.json")
    config.add(stdio_server("fs", "x"))
    found = read_import_file(_write(tmp_path, {"mcpServers": {"FS": {"command": "y"},
                                                              "new": {"command": "z"}}}))
    with pytest.raises(McpConfigError, match=r"Already configured: 'FS'.*nothing was imported"):
        check_no_duplicates(config, [item.server.name for item in found])
    with pytest.raises(McpConfigError, match='no "mcpServers" object'):
        read_import_file(_write(tmp_path, {"servers": 5}))
    with pytest.raises(McpConfigError, match=r"Server 'bad'.*command must be a string"):
        read_import_file(_write(tmp_path, {"mcpServers": {"bad": {"command": ["x"]}}}))
    with pytest.raises(McpConfigError, match="nested too deeply"):
        deep = tmp_path / "deep.json"
        deep.write_text("[" * 100_000 + "]" * 100_000)
        read_import_file(deep)
    with pytest.raises(McpConfigError, match="could not be read"):
        read_import_file(tmp_path / "missing.json")
