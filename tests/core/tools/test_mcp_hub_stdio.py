"""McpHub over stdio: the reference `mcp-server-time`, and our stdio test server for the
environment a server sees, crashes, failed starts, cancellation and status reports."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.tools.contract import ToolSpec
from desktop.core.tools.hub import McpHub, ServerStatus
from desktop.core.tools.mcp_config import McpConfig

from .mcp_support import hub_for, run, stdio_test_server, time_server


def test_time_server_lists_and_runs_its_tools(tmp_path: Path) -> None:
    hub = hub_for(tmp_path, time_server())
    seen: list[tuple[str, ServerStatus, str]] = []
    hub.subscribe(lambda name, status: seen.append(
        (name, status, threading.current_thread().name)))

    async def scenario() -> None:
        tools = await hub.list_tools()
        assert {t.wire_name for t in tools} == {"time__get_current_time", "time__convert_time"}
        by_name = {t.name: t for t in tools}
        assert "timezone" in by_name["get_current_time"].input_schema["properties"]
        assert by_name["convert_time"].description
        now = await hub.call_tool(by_name["get_current_time"], {"timezone": "Asia/Tokyo"})
        assert not now.is_error and json.loads(now.text)["timezone"] == "Asia/Tokyo"
        converted = await hub.call_tool(by_name["convert_time"], {
            "source_timezone": "Europe/Paris", "time": "10:00", "target_timezone": "Asia/Tokyo"})
        assert not converted.is_error
        assert json.loads(converted.text)["target"]["datetime"].endswith("18:00:00+09:00")
        wrong = await hub.call_tool(by_name["get_current_time"], {"timezone": "Mars/Base"})
        assert wrong.is_error and "Mars/Base" in wrong.text
        assert hub.status("time") == ServerStatus("running")
        assert hub.tools_of("time") is not None and len(hub.tools_of("time") or ()) == 2
        await hub.close()

    run(scenario())
    assert hub.status("time") == ServerStatus("stopped")
    assert [s.state for _, s, _ in seen] == ["starting", "running", "stopped"]
    assert {thread for _, _, thread in seen} == {"mcp-hub"}


def test_a_server_never_sees_our_provider_keys(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-proj-leakleakleakleak")
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-leakleakleakleak")
    monkeypatch.setenv("SWITCHBOARD_TEST_KEY", "sk-test-leak")
    hub = hub_for(tmp_path, stdio_test_server(env={"GREETING": "hello"}))

    async def scenario() -> tuple[str, str, str]:
        names = await hub.call_tool(ToolSpec("t", "env_names"), {})
        key = await hub.call_tool(ToolSpec("t", "env_value"), {"name": "OPENAI_API_KEY"})
        greeting = await hub.call_tool(ToolSpec("t", "env_value"), {"name": "GREETING"})
        await hub.close()
        return names.text, key.text, greeting.text

    names, key, greeting = run(scenario())
    assert "PATH" in names.split()
    for variable in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "SWITCHBOARD_TEST_KEY"):
        assert variable not in names.split()
    assert key == "(unset)" and greeting == "hello"


def test_crash_mid_call_is_an_error_result_and_the_next_call_restarts(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    hub = hub_for(tmp_path, stdio_test_server())

    async def scenario() -> None:
        first = await hub.call_tool(ToolSpec("t", "count"), {})
        assert first.text == "1"
        crashed = await hub.call_tool(ToolSpec("t", "crash"), {})
        assert crashed.is_error
        assert "The MCP server 't' stopped during the call to 'crash'" in crashed.text
        assert "about to crash" in crashed.text and "sk-crashcrash" not in crashed.text
        assert hub.status("t").state == "failed"
        again = await hub.call_tool(ToolSpec("t", "count"), {})
        assert again.text == "1"  # a new process
        assert hub.status("t").state == "running"
        await hub.close()

    run(scenario())
    assert "about to crash" in caplog.text  # the server's stderr is logged ...
    assert "sk-crashcrashcrash123" not in caplog.text  # ... redacted


def test_a_server_that_does_not_start_is_tried_once_more_then_refused(tmp_path: Path) -> None:
    hub = hub_for(tmp_path, stdio_test_server("t", "--fail-start"))

    async def scenario() -> list[str]:
        texts = []
        for _ in range(3):
            result = await hub.call_tool(ToolSpec("t", "echo"), {"text": "x"})
            assert result.is_error
            texts.append(result.text)
        assert await hub.list_tools() == []
        await hub.close()
        return texts

    first, second, third = run(scenario())
    assert first.startswith("The MCP server 't' did not start:")
    assert "cannot start: config sk-[redacted] missing" in first
    assert second.startswith("The MCP server 't' did not start:")
    assert "failed again after a restart" in third and "Turn it off and on" in third


def test_start_timeout_and_missing_command(tmp_path: Path) -> None:
    hanging = stdio_test_server("slowstart", "--hang-start", start_timeout=1)
    missing = stdio_test_server("gone")
    missing = replace(missing, command=str(tmp_path / "no-such-program"))
    nowhere = stdio_test_server("nowhere", cwd=str(tmp_path / "no-such-dir"))
    hub = hub_for(tmp_path, hanging, missing, nowhere)

    async def scenario() -> list[str]:
        texts = [(await hub.call_tool(ToolSpec(name, "echo"), {"text": "x"})).text
                 for name in ("slowstart", "gone", "nowhere")]
        assert hub.status("gone").state == "failed"
        return texts

    hung, gone, nowhere_text = run(scenario())
    hub.shutdown()  # the blocking close, from outside any loop
    assert hung == "The MCP server 'slowstart' did not start: no answer within 1 s"
    assert gone.startswith("The MCP server 'gone' did not start: the command was not found")
    assert nowhere_text == (f"The MCP server 'nowhere' did not start: the working directory "
                            f"{tmp_path / 'no-such-dir'} does not exist")
    assert hub.status("gone").state == "stopped"


def test_cancelling_a_call_returns_at_once_and_the_hub_stays_usable(tmp_path: Path) -> None:
    hub = hub_for(tmp_path, stdio_test_server())

    async def scenario() -> None:
        await hub.list_tools()  # started
        call = asyncio.ensure_future(hub.call_tool(ToolSpec("t", "slow"), {"seconds": 3600}))
        await asyncio.sleep(0.3)
        assert not call.done()
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(call, 10)
        echo = await hub.call_tool(ToolSpec("t", "echo"), {"text": "still here"})
        assert echo.text == "still here" and not echo.is_error
        await hub.close()

    run(scenario())


def test_disabled_tools_are_not_offered_and_not_run(tmp_path: Path) -> None:
    server = stdio_test_server().with_policy("crash", enabled=False)
    off = stdio_test_server("off")
    off = replace(off, enabled=False)
    hub = hub_for(tmp_path, server, off)

    async def scenario() -> None:
        names = {t.name for t in await hub.list_tools()}
        assert "echo" in names and "crash" not in names
        refused = await hub.call_tool(ToolSpec("t", "crash"), {})
        assert refused.is_error and "turned off" in refused.text
        assert hub.status("off").state == "stopped"  # never started
        assert {t.name for t in await hub.server_tools("t")} >= {"echo", "crash"}
        await hub.close()

    run(scenario())


def test_changed_settings_restart_a_server_and_policies_do_not(tmp_path: Path) -> None:
    hub = hub_for(tmp_path, stdio_test_server())

    async def count() -> str:
        return (await hub.call_tool(ToolSpec("t", "count"), {})).text

    async def scenario() -> list[str]:
        seen = [await count(), await count()]
        changed = McpConfig(hub.config.path)
        changed.add(hub.config.get("t").with_policy("echo", always_allow=True))
        hub.set_config(changed)
        seen.append(await count())  # same process
        moved = McpConfig(hub.config.path)
        moved.add(replace(hub.config.get("t"), env={"NEW": "1"}))
        hub.set_config(moved)
        seen.append(await count())  # a new process with the new environment
        await hub.close()
        closed = await hub.call_tool(ToolSpec("t", "count"), {})
        assert closed.is_error and "closed" in closed.text
        return seen

    assert run(scenario()) == ["1", "2", "3", "1"]


def test_always_allow_is_remembered_per_tool(tmp_path: Path) -> None:
    hub = hub_for(tmp_path, stdio_test_server())
    assert not hub.is_always_allowed(ToolSpec("t", "echo"))
    hub.set_tool_policy("t", "echo", always_allow=True)
    again = McpHub.open(tmp_path)
    assert again.is_always_allowed(ToolSpec("t", "echo"))
    assert not again.is_always_allowed(ToolSpec("t", "count"))
    assert not again.is_always_allowed(ToolSpec("other", "echo"))
