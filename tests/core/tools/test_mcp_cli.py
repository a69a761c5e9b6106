"""`switchboard mcp ...`: the real CLI in a subprocess with the reference time server, and
in-process runs for the keyring paths (tokens) and imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.secrets import SERVICE
from tests.helpers.memory_keyring import MemoryKeyring, active_keyring
from tests.helpers.pty_run import run_in_terminal

from .mcp_support import STDIO_SERVER

REPO = Path(__file__).resolve().parents[3]


def cli(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
                          input=stdin, capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=120)


def test_add_list_tools_remove_with_the_time_server(tmp_path: Path) -> None:
    added = cli(tmp_path, "mcp", "add", "time", "--", sys.executable, "-m", "mcp_server_time",
                "--local-timezone", "Europe/Paris")
    assert added.returncode == 0, added.stderr
    assert "Added MCP server time:" in added.stdout and "mcp_server_time" in added.stdout
    listed = cli(tmp_path, "mcp", "list")
    assert listed.returncode == 0 and "time" in listed.stdout and "enabled" in listed.stdout
    checked = cli(tmp_path, "mcp", "list", "--check")
    assert "running (2 tools)" in checked.stdout, checked.stderr
    tools = cli(tmp_path, "mcp", "tools", "time")
    assert tools.returncode == 0, tools.stderr
    assert "get_current_time\n    Get current time in a specific timezone" in tools.stdout
    assert "convert_time" in tools.stdout
    assert cli(tmp_path, "mcp", "disable", "time", "convert_time").returncode == 0
    as_json = json.loads(cli(tmp_path, "mcp", "tools", "time", "--json").stdout)
    assert {t["name"]: t["enabled"] for t in as_json} == {"get_current_time": True,
                                                           "convert_time": False}
    assert "timezone" in as_json[0]["input_schema"]["properties"]
    removed = cli(tmp_path, "mcp", "remove", "time")
    assert removed.returncode == 0 and "Removed MCP server time." in removed.stdout
    assert "No MCP servers yet" in cli(tmp_path, "mcp", "list").stdout
    missing = cli(tmp_path, "mcp", "tools", "time")
    assert missing.returncode == 3 and "There is no MCP server named 'time'" in missing.stderr


def test_a_failing_server_and_bad_command_lines(tmp_path: Path) -> None:
    assert cli(tmp_path, "mcp", "add", "broken", "--", str(tmp_path / "nothing")).returncode == 0
    failed = cli(tmp_path, "mcp", "tools", "broken")
    assert failed.returncode == 1
    assert "The MCP server 'broken' did not start: the command was not found" in failed.stderr
    assert "failed: did not start" in cli(tmp_path, "mcp", "list", "--check").stdout
    assert cli(tmp_path, "mcp", "add", "x").returncode == 3
    both = cli(tmp_path, "mcp", "add", "y", "--url", "http://h/mcp", "--", "cmd")
    assert both.returncode == 3 and "not both" in both.stderr
    assert cli(tmp_path, "mcp", "add", "z", "--bogus", "--", "cmd").returncode == 2
    negative = cli(tmp_path, "mcp", "add", "n", "--call-timeout", "-5", "--", "cmd")
    assert negative.returncode == 3 and "call_timeout must be between" in negative.stderr
    bearer = cli(tmp_path, "mcp", "add", "h", "--url", "http://h/mcp",
                 "--header", "Authorization=Bearer abcdefgh123")
    assert bearer.returncode == 3 and "--token-stdin" in bearer.stderr
    keyed = cli(tmp_path, "mcp", "add", "k", "--url", "http://h/mcp",
                "--header", "X-Api-Key=key-value-12345")
    assert keyed.returncode == 0 and "kept in plain text" in keyed.stderr
    listed = cli(tmp_path, "mcp", "list", "--json")
    assert "key-value-12345" not in listed.stdout
    assert json.loads(listed.stdout)[-1]["headers"] == {"X-Api-Key": "[redacted]"}


def test_server_text_cannot_drive_the_terminal(tmp_path: Path) -> None:
    assert cli(tmp_path, "mcp", "add", "t", "--", sys.executable, STDIO_SERVER).returncode == 0
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = run_in_terminal([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path),
                           "mcp", "tools", "t"], env=env, cwd=str(REPO))
    assert run.returncode == 0
    assert b"paint" in run.output and b"\\x1b]0;pwned" in run.output
    assert b"\x1b" not in run.output


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    backend = MemoryKeyring()
    with active_keyring(backend):
        yield backend


def test_token_stdin_goes_to_the_keyring_and_remove_deletes_it(
        tmp_path: Path, keyring_backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("tok-secret-123\n"))
    code = main(["--data-dir", str(tmp_path), "mcp", "add", "web", "--url",
                 "https://mcp.example.com/mcp", "--header", "X-Org=7", "--token-stdin"])
    assert code == 0
    out = capsys.readouterr()
    assert "tok-secret-123" not in out.out + out.err
    assert keyring_backend.items == {(SERVICE, "mcp:web"): "tok-secret-123"}
    saved = (tmp_path / "mcp_servers.json").read_text()
    assert "tok-secret-123" not in saved and '"X-Org": "7"' in saved
    assert main(["--data-dir", str(tmp_path), "mcp", "remove", "web"]) == 0
    assert keyring_backend.items == {}


def test_import_stores_tokens_and_refuses_duplicates(
        tmp_path: Path, keyring_backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    data = tmp_path / "data"
    source = tmp_path / "mcp.json"
    source.write_text(json.dumps({"mcpServers": {
        "fs": {"command": "npx", "args": ["-y", "server-filesystem"]},
        "remote": {"url": "https://m.example.com/mcp",
                   "headers": {"Authorization": "Bearer imported-token-1"}}}}))
    assert main(["--data-dir", str(data), "mcp", "import", str(source)]) == 0
    assert "Imported 2 MCP server(s): fs, remote" in capsys.readouterr().out
    assert keyring_backend.items == {(SERVICE, "mcp:remote"): "imported-token-1"}
    before = (data / "mcp_servers.json").read_bytes()
    assert main(["--data-dir", str(data), "mcp", "import", str(source)]) == 31
    assert "Already configured: 'fs', 'remote'" in capsys.readouterr().err
    assert (data / "mcp_servers.json").read_bytes() == before
