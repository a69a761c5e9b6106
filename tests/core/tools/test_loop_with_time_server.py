"""The loop with a real third-party MCP server: the reference `mcp-server-time` over stdio,
its `get_current_time` and `convert_time` asked for by the fake provider in each API style."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop.core.chat_service import ChatService
from desktop.core.store.models import Role, ToolStatus
from desktop.core.tools.events import LoopEnd
from desktop.core.tools.loop import ToolLoop
from tests.core.tools.conftest import STYLE_CASES, Approver, drive, settings
from tests.core.tools.mcp_support import hub_for, time_server
from tests.helpers.fake_provider import FakeProvider
from tests.helpers.fake_tool_model import ToolScript

NOW = "time__get_current_time"
CONVERT = "time__convert_time"


@pytest.mark.parametrize(("style", "stream"), STYLE_CASES)
def test_time_server_tools_run_in_every_style(
    service: ChatService, fake_provider: FakeProvider, tmp_path: Path, style: str, stream: bool
) -> None:
    ToolScript([[(NOW, {"timezone": "Asia/Shanghai"})],
                [(CONVERT, {"source_timezone": "Europe/Paris", "time": "16:30",
                            "target_timezone": "America/New_York"})]]).install(fake_provider)
    conversation = service.store.create_conversation()
    hub = hub_for(tmp_path, time_server())

    async def scenario() -> object:
        try:
            specs = await hub.list_tools()
            assert sorted(s.wire_name for s in specs) == [CONVERT, NOW]
            approver = Approver({"get_current_time", "convert_time"})
            loop = ToolLoop(service, hub, specs, approve=approver)
            result = await loop.send(conversation.id, "What time is it in Shanghai, and what "
                                     "is 16:30 in Paris in New York?", settings(style, stream))
            assert [name for name, _args in approver.asked] == ["get_current_time",
                                                                 "convert_time"]
            return result
        finally:
            await hub.close()

    result = drive(service, scenario())
    assert result.end is LoopEnd.ANSWERED and result.steps == 2  # type: ignore[attr-defined]
    path = service.store.active_path(conversation.id)
    assert [m.role for m in path] == [Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT,
                                      Role.TOOL, Role.ASSISTANT]
    now, converted = json.loads(path[2].text), json.loads(path[4].text)
    assert now["timezone"] == "Asia/Shanghai"
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00", now["datetime"])
    assert converted["source"]["timezone"] == "Europe/Paris"
    assert converted["target"]["timezone"] == "America/New_York"
    assert converted["target"]["datetime"].endswith(("-05:00", "-04:00"))
    for message in (path[2], path[4]):
        assert message.tool is not None and message.tool.server == "time"
        assert message.tool.status is ToolStatus.DONE and not message.tool.is_error
    final = path[5].text
    assert final.startswith("Tool results: ") and "Asia/Shanghai" in final
    assert "America/New_York" in final  # both results went back to the model


def test_ask_tools_runs_the_real_server_from_the_command_line(
        tmp_path: Path, fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`switchboard mcp add time -- …` then `ask --tools time --approve all`: the real hub."""
    import io
    import sys

    from desktop.cli import main

    monkeypatch.setenv("SWITCHBOARD_TEST_TIME_KEY", "sk-test-time")
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    ToolScript([[(NOW, {"timezone": "Asia/Tokyo"})]]).install(fake_provider)
    data = ["--data-dir", str(tmp_path)]
    assert main([*data, "provider", "add", "Fake", "--base-url", fake_provider.url,
                 "--key-env", "SWITCHBOARD_TEST_TIME_KEY", "--max-retries", "0"]) == 0
    assert main([*data, "mcp", "add", "time", "--", sys.executable, "-m", "mcp_server_time",
                 "--local-timezone", "Europe/Paris"]) == 0
    capsys.readouterr()
    code = main([*data, "ask", "-p", "Fake", "-m", "m", "--tools", "time", "--approve", "all",
                 "What time is it in Tokyo?"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith("Tool results: ") and "Asia/Tokyo" in out and "+09:00" in out
    assert "get_current_time: done" in err
