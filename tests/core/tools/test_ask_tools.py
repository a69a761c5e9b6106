"""`switchboard ask --tools`: the in-process tools stand in for the MCP hub (the
`executor_factory` seam); the terminal prompt runs the real CLI on a pseudo-terminal."""

from __future__ import annotations

import asyncio
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.commands import ask_tools
from desktop.core.reply_parts import ToolCall
from desktop.core.store.models import Role, ToolStatus
from desktop.core.store.store import Store
from desktop.core.tools.contract import DENIED_TEXT
from tests.helpers.fake_provider import FakeProvider, Reply
from tests.helpers.fake_tool_model import ToolScript
from tests.helpers.pty_run import run_in_terminal
from tests.helpers.tool_executor import BY_NAME, LocalTools, wire

REPO = Path(__file__).resolve().parents[3]
KEY_VAR = "SWITCHBOARD_TEST_TOOLS_CLI_KEY"
SCRIPT = [[(wire("add"), {"a": 2, "b": 3, "note": "\x1b[31mred\x1b]52;c;aGk=\x07"}),
           (wire("now"), {})]]


@pytest.fixture
def cli(tmp_path: Path, fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Any:
    """`main([...])` in this process with provider "Fake" and the in-process tools."""
    monkeypatch.setenv(KEY_VAR, "sk-test-tools")
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    monkeypatch.setattr(ask_tools, "executor_factory", lambda root: LocalTools())
    ToolScript(SCRIPT).install(fake_provider)

    def invoke(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        code = main(["--data-dir", str(tmp_path), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    assert invoke("provider", "add", "Fake", "--base-url", fake_provider.url, "--key-env",
                  KEY_VAR, "--max-retries", "0")[0] == 0
    return invoke


def test_approve_all_runs_every_call_without_a_terminal(cli: Any, tmp_path: Path,
                                                        fake_provider: FakeProvider) -> None:
    code, out, err = cli("ask", "-p", "Fake", "-m", "m", "--tools", "local",
                         "--approve", "all", "add 2 and 3")
    assert code == 0, err
    assert out.startswith("Tool results: 5 | ") and out.rstrip().endswith("(images: 0)")
    assert "[tool] add: done" in err and "[tool] now: done" in err
    assert len(fake_provider.bodies("/chat/completions")) == 2
    with Store.open(tmp_path, backup_interval=None) as store:
        (summary,) = store.list_conversations()
        roles = [m.role for m in store.active_path(summary.id)]
    assert roles == [Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL, Role.ASSISTANT]


def test_without_a_terminal_ask_refuses_before_sending(cli: Any, tmp_path: Path,
                                                       fake_provider: FakeProvider) -> None:
    code, out, err = cli("ask", "-p", "Fake", "-m", "m", "--tools", "local", "hi")
    assert code == 2 and "--approve all" in err and out == ""
    assert fake_provider.requests == [] or all(
        "/chat/completions" not in r.path for r in fake_provider.requests)
    with Store.open(tmp_path, backup_interval=None) as store:
        assert store.list_conversations() == []
    code, _out, err = cli("ask", "-p", "Fake", "-m", "m", "--tools", "local", "--approve",
                          "all", "--no-save", "hi")
    assert code == 2 and "--no-save" in err


def test_approve_none_sends_denials(cli: Any) -> None:
    code, out, err = cli("ask", "-p", "Fake", "-m", "m", "--tools", "local", "--approve",
                         "none", "--json", "add")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["choices"][0]["text"] == (
        f"Tool results: {DENIED_TEXT} | {DENIED_TEXT} (images: 0)")
    assert payload["tool_steps"] == 1 and payload["end"] == "answered"


def test_terminal_approval_shows_safe_arguments_and_remembers_always() -> None:
    asyncio.run(check_terminal_approval())


async def check_terminal_approval() -> None:
    shown = io.StringIO()
    approval = ask_tools.TerminalApproval(shown, io.StringIO("maybe\na\n"))
    spec = BY_NAME["add"]
    call = ToolCall("c1", spec.wire_name, json.dumps({"a": 1, "b": "\x1b[2J"}))
    assert await approval(call, spec) is True
    text = shown.getvalue()
    assert "local/add" in text and '"a": 1' in text and "\x1b" not in text
    assert text.count("Run it?") == 2  # "maybe" is asked again
    assert approval.always_allowed(spec) and not approval.always_allowed(BY_NAME["now"])
    raw = ToolCall("c2", spec.wire_name, "not json \x1b]52;c;aGk=\x07")
    shown = io.StringIO()
    assert await ask_tools.TerminalApproval(shown, io.StringIO(""))(raw, spec) is False
    assert "not json \\x1b]52;c;aGk=\\x07" in shown.getvalue()
    assert "\x1b" not in shown.getvalue()


def test_the_terminal_prompt_asks_per_call(tmp_path: Path, fake_provider: FakeProvider,
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    ToolScript(SCRIPT).install(fake_provider)
    assert main(["--data-dir", str(tmp_path), "provider", "add", "Fake", "--base-url",
                 fake_provider.url, "--key-env", KEY_VAR, "--max-retries", "0"]) == 0
    capsys.readouterr()
    runner = ("import sys; from desktop.commands import ask_tools; "
              "from tests.helpers.tool_executor import LocalTools; "
              "ask_tools.executor_factory = lambda root: LocalTools(); "
              "from desktop.cli import main; sys.exit(main(sys.argv[1:]))")
    env = {**os.environ, "PYTHONPATH": str(REPO), KEY_VAR: "sk-test-tools"}
    run = run_in_terminal(
        [sys.executable, "-c", runner, "--data-dir", str(tmp_path), "ask", "-p", "Fake",
         "-m", "m", "--tools", "local", "add them"],
        env=env, cwd=str(REPO), typed=b"y\nn\n")
    output = run.output.decode("utf-8", "replace")
    assert run.returncode == 0, output
    assert "The model wants to run local/add with:" in output
    assert '"note": "\\u001b[31mred\\u001b]52;c;aGk=\\u0007"' in output
    assert b"\x1b[31m" not in run.output and b"\x1b]52" not in run.output
    assert "The model wants to run local/now with:" in output
    assert f"Tool results: 5 | {DENIED_TEXT} (images: 0)" in output
    with Store.open(tmp_path, backup_interval=None) as store:
        (summary,) = store.list_conversations()
        statuses = [m.tool.status for m in store.active_path(summary.id) if m.tool]
    assert statuses == [ToolStatus.DONE, ToolStatus.DENIED]


def test_a_model_without_tools_is_named(cli: Any, fake_provider: FakeProvider) -> None:
    fake_provider.script("/chat/completions", Reply.error(400, "This model does not support tools"))
    code, _out, err = cli("ask", "-p", "Fake", "-m", "m", "--tools", "local", "--approve",
                          "all", "hi")
    assert code == 13 and "does not support tools" in err and "without --tools" in err
