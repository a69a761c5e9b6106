"""The tool-call loop in the real window: choosing tools per conversation, tool cards with
approval, always-allow, Stop mid-call, parallel calls, regenerate, and a provider that
refuses tools (Send without tools). The model is the fake provider's tool script; tools run
in-process (tests/helpers/tool_executor.py), and once through the real McpHub with the
reference `mcp-server-time` over stdio."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.core.store.models import Message, MessageStatus, Role, ToolStatus
from desktop.core.tools.choice import ToolChoice
from desktop.core.tools.contract import DENIED_TEXT, ToolSpec
from desktop.core.tools.hub import McpHub
from desktop.core.tools.mcp_config import McpConfig, stdio_server
from desktop.ui.chat_view.tool_card import ToolCard
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_provider import FakeProvider, RecordedRequest, Reply
from tests.helpers.fake_tool_model import ToolScript
from tests.helpers.tool_executor import LocalTools, wire


class MemoryPolicy:
    """The "always allow" switches, kept in memory (the hub keeps them in mcp_servers.json)."""

    def __init__(self) -> None:
        self.allowed: set[tuple[str, str]] = set()

    def is_always_allowed(self, spec: ToolSpec) -> bool:
        return (spec.server, spec.name) in self.allowed

    def set_tool_policy(self, server: str, tool: str, *, enabled: bool | None = None,
                        always_allow: bool | None = None) -> None:
        if always_allow:
            self.allowed.add((server, tool))


@pytest.fixture
def local(chat: ChatWindow) -> LocalTools:
    """In-process tools for the window, offered by the next (new) conversation."""
    tools = LocalTools()
    turns = chat.parts.tool_turns
    turns.executor = tools
    turns.policy = MemoryPolicy()
    turns.set_choice(ToolChoice({"local": None}))
    return tools


def card(chat: ChatWindow, message_id: int) -> ToolCard:
    chat.window.chat.chat_view.flush()
    widget = chat.window.chat.chat_view.area.bound_widget(message_id)
    assert widget is not None and widget.tool_card is not None
    return widget.tool_card


def waiting(chat: ChatWindow, count: int = 1) -> list[int]:
    turns = chat.parts.tool_turns
    chat.wait(lambda: len(turns.waiting_ids()) >= count)
    return turns.waiting_ids()


def chats(provider: FakeProvider) -> list[Any]:
    return provider.bodies("/chat/completions")


def tool_messages(chat: ChatWindow) -> list[Message]:
    return [m for m in chat.path() if m.role is Role.TOOL]


def test_approve_runs_the_call_and_the_model_answers(
        chat: ChatWindow, fake_provider: FakeProvider, local: LocalTools) -> None:
    ToolScript([[(wire("add"), {"a": 2, "b": 3})]]).install(fake_provider)
    chat.type_and_send("What is 2 + 3?")
    [pending] = waiting(chat)
    shown = card(chat, pending)
    assert shown.status.text() == "Waiting for approval"
    assert shown.approval.isVisibleTo(shown) and shown.details.isVisibleTo(shown)
    assert '"a": 2' in shown.arguments.text()  # the arguments are shown before anything runs
    assert local.calls == []
    shown.approve_button.click()
    chat.wait(chat.idle)
    assert local.calls == [("add", {"a": 2, "b": 3})]
    [tool] = tool_messages(chat)
    assert tool.tool is not None and tool.tool.status is ToolStatus.DONE and tool.text == "5"
    assert chat.path()[-1].text == "Tool results: 5 (images: 0)"
    done = card(chat, tool.id)
    assert done.status.text() == "Done" and not done.approval.isVisibleTo(done)
    assert done.duration.text().endswith(("ms", "s"))
    assert "tools" in chats(fake_provider)[0]
    # The choice was made on the new conversation: the saved one keeps it.
    cid = chat.parts.state.conversation_id
    assert cid is not None and chat.store.conversation_tools(cid).server_names() == ["local"]


def test_deny_sends_a_denial_and_runs_nothing(
        chat: ChatWindow, fake_provider: FakeProvider, local: LocalTools) -> None:
    ToolScript([[(wire("now"), {})]]).install(fake_provider)
    chat.type_and_send("What time is it?")
    [pending] = waiting(chat)
    deny = card(chat, pending).deny_button
    assert deny.focusPolicy() & Qt.FocusPolicy.TabFocus  # reachable with Tab
    QTest.keyClick(deny, Qt.Key.Key_Space)  # and works from the keyboard
    chat.wait(chat.idle)
    assert local.calls == []
    [tool] = tool_messages(chat)
    assert tool.tool is not None and tool.tool.status is ToolStatus.DENIED
    assert card(chat, tool.id).status.text() == "Denied"
    assert chat.path()[-1].text == f"Tool results: {DENIED_TEXT} (images: 0)"


def test_always_allow_is_remembered_for_the_next_calls(
        chat: ChatWindow, fake_provider: FakeProvider, local: LocalTools) -> None:
    ToolScript([[(wire("add"), {"a": 1, "b": 1})]]).install(fake_provider)
    chat.type_and_send("1 + 1?")
    [pending] = waiting(chat)
    card(chat, pending).always_button.click()
    chat.wait(chat.idle)
    policy = chat.parts.tool_turns.policy
    assert isinstance(policy, MemoryPolicy) and policy.allowed == {("local", "add")}
    chat.type_and_send("Again?")  # runs without asking this time
    chat.wait(lambda: chat.idle() and len(local.calls) == 2)
    assert chat.parts.tool_turns.waiting_ids() == []
    assert [m.tool.status for m in tool_messages(chat) if m.tool] == [ToolStatus.DONE] * 2


def test_stop_cancels_the_running_call_and_the_loop(
        chat: ChatWindow, fake_provider: FakeProvider, local: LocalTools) -> None:
    ToolScript([[(wire("sleep"), {"seconds": 30})]]).install(fake_provider)
    chat.type_and_send("Wait a while")
    [pending] = waiting(chat)
    card(chat, pending).approve_button.click()
    chat.wait(local.sleeping.is_set)
    chat.wait(lambda: card(chat, pending).status.text().startswith("Running"))
    assert chat.window.chat.streaming
    chat.window.chat.send_button.click()  # Stop
    chat.wait(chat.idle)
    assert local.cancelled == ["sleep"]
    [tool] = tool_messages(chat)
    assert tool.tool is not None and tool.tool.status is ToolStatus.CANCELLED
    assert card(chat, tool.id).status.text() == "Cancelled"
    assert not chat.window.chat.streaming
    assert len(chats(fake_provider)) == 1  # the loop went no further


def test_two_parallel_calls_are_asked_then_run_together(
        chat: ChatWindow, fake_provider: FakeProvider, local: LocalTools) -> None:
    ToolScript([[(wire("sleep"), {"seconds": 0.3}),
                 (wire("sleep"), {"seconds": 0.3})]]).install(fake_provider)
    chat.type_and_send("Two naps")
    first = waiting(chat)[0]
    assert len(tool_messages(chat)) == 2  # both cards are there before anything runs
    card(chat, first).approve_button.click()
    chat.wait(lambda: first not in chat.parts.tool_turns.waiting_ids()
              and bool(chat.parts.tool_turns.waiting_ids()))
    [second] = chat.parts.tool_turns.waiting_ids()
    assert local.calls == []  # the first waits for the second's approval
    card(chat, second).approve_button.click()
    chat.wait(chat.idle)
    assert local.most_at_once == 2
    assert chat.path()[-1].text == "Tool results: slept | slept (images: 0)"


def test_regenerate_after_a_loop_offers_the_tools_again(
        chat: ChatWindow, fake_provider: FakeProvider, local: LocalTools) -> None:
    ToolScript([[(wire("add"), {"a": 4, "b": 5})]]).install(fake_provider)
    chat.type_and_send("4 + 5?")
    card(chat, waiting(chat)[0]).approve_button.click()
    chat.wait(chat.idle)
    final = chat.path()[-1]
    asked = len(chats(fake_provider))
    chat.window.chat.chat_view.regenerate_requested.emit(final.id)
    chat.wait(lambda: chat.idle() and len(chats(fake_provider)) > asked)
    chat.wait(chat.idle)
    path = chat.path()
    assert path[-1].id != final.id and path[-1].text == "Tool results: 9 (images: 0)"
    assert path[-1].parent_id == final.parent_id  # beside the old answer, under the result
    assert "tools" in chats(fake_provider)[-1]
    assert local.calls == [("add", {"a": 4, "b": 5})]  # the result is reused, not run again


def test_a_provider_that_refuses_tools_offers_send_without_tools(
        chat: ChatWindow, fake_provider: FakeProvider, local: LocalTools) -> None:
    def refuse_tools(request: RecordedRequest) -> Reply:
        body: dict[str, Any] = request.json if isinstance(request.json, dict) else {}
        if body.get("tools"):
            return Reply.error(400, "This model does not support tools.")
        return Reply.json({"id": "x", "object": "chat.completion", "model": "fake-model",
                           "choices": [{"index": 0, "finish_reason": "stop", "message": {
                               "role": "assistant", "content": "Plain answer."}}]})

    fake_provider.route("/chat/completions", refuse_tools)
    chat.type_and_send("Hello there")
    pane = chat.window.chat
    chat.wait(lambda: chat.idle() and pane.notice_action.isVisibleTo(pane))
    assert "does not support tools" in pane.notice_label.text()
    assert pane.notice_action.text() == "Send without tools"
    pane.notice_action.click()
    chat.wait(lambda: chat.idle() and chat.path()[-1].text == "Plain answer.")
    users = [m for m in chat.path() if m.role is Role.USER]
    assert [m.text for m in users] == ["Hello there"]  # the text was kept, sent once
    assert "tools" not in chats(fake_provider)[-1]
    assert chat.path()[-1].status is MessageStatus.COMPLETE


def test_tools_menu_saves_the_choice_per_conversation(
        chat: ChatWindow, fake_provider: FakeProvider) -> None:
    fake_provider.script("/chat/completions", Reply.sse([{"choices": [
        {"index": 0, "delta": {"content": "hi"}, "finish_reason": "stop"}]}]))
    chat.type_and_send("No tools here")
    chat.wait(chat.idle)
    cid = chat.parts.state.conversation_id
    assert cid is not None and chat.store.conversation_tools(cid).is_empty  # the default
    assert "tools" not in chats(fake_provider)[-1]
    button = chat.window.chat.tool_choice
    assert button.text() == "Tools"
    button.set_servers([("time", ["get_current_time", "convert_time"]), ("files", None)])
    button.build_menu()
    [time_action] = [a for a in button.tool_menu.actions() if a.text() == "time"]
    time_action.trigger()
    chat.wait(lambda: not chat.store.conversation_tools(cid).is_empty)
    assert chat.store.conversation_tools(cid).servers == {"time": None}
    assert button.text() == "Tools · 1"
    button.build_menu()
    [submenu] = [a.menu() for a in button.tool_menu.actions() if a.menu() is not None]
    [convert] = [a for a in submenu.actions() if a.text() == "convert_time"]
    assert convert.isChecked()
    convert.trigger()  # off: only get_current_time stays
    chat.wait(lambda: chat.store.conversation_tools(cid).servers
              == {"time": frozenset({"get_current_time"})})
    chat.parts.opener.new_conversation()
    chat.wait(lambda: button.text() == "Tools")  # a new conversation offers none
    chat.parts.opener.open_conversation(cid)
    chat.wait(lambda: button.text() == "Tools · 1")


def test_mcp_server_time_through_the_hub(
        chat: ChatWindow, fake_provider: FakeProvider, tmp_path: Path) -> None:
    config = McpConfig(tmp_path / "mcp_servers.json")
    config.add(stdio_server("time", sys.executable, ["-m", "mcp_server_time",
                                                     "--local-timezone", "Europe/Paris"]))
    hub = McpHub(config)
    turns = chat.parts.tool_turns
    turns.executor = turns.policy = hub
    try:
        spec = ToolSpec("time", "get_current_time")
        ToolScript([[(spec.wire_name, {"timezone": "Europe/Paris"})]]).install(fake_provider)
        turns.set_choice(ToolChoice({"time": None}))
        chat.type_and_send("What time is it in Paris?")
        [pending] = waiting(chat)  # listing the tools started the server
        card(chat, pending).approve_button.click()
        chat.wait(chat.idle, timeout=60)
        [tool] = tool_messages(chat)
        assert tool.tool is not None and tool.tool.status is ToolStatus.DONE, tool.text
        assert "Europe/Paris" in tool.text
        assert "Europe/Paris" in chat.path()[-1].text
    finally:
        hub.shutdown()


def test_a_card_waiting_for_approval_survives_switching_conversations(
        chat: ChatWindow, fake_provider: FakeProvider, local: LocalTools) -> None:
    ToolScript([[(wire("add"), {"a": 20, "b": 22})]]).install(fake_provider)
    chat.type_and_send("20 + 22?")
    [pending] = waiting(chat)
    cid = chat.parts.state.conversation_id
    assert cid is not None
    chat.parts.opener.new_conversation()
    chat.wait(lambda: chat.parts.state.conversation_id is None)
    chat.parts.opener.open_conversation(cid)
    chat.wait(lambda: chat.window.chat.chat_view.model.row_of(pending) is not None)
    chat.wait(lambda: card(chat, pending).approval.isVisibleTo(card(chat, pending)))
    card(chat, pending).approve_button.click()
    chat.wait(chat.idle)
    assert chat.path()[-1].text == "Tool results: 42 (images: 0)"
    assert card(chat, tool_messages(chat)[0].id).status.text() == "Done"


def test_editing_after_a_loop_runs_a_fresh_loop(
        chat: ChatWindow, fake_provider: FakeProvider, local: LocalTools) -> None:
    ToolScript([[(wire("add"), {"a": 1, "b": 2})]]).install(fake_provider)
    chat.type_and_send("1 + 2?")
    card(chat, waiting(chat)[0]).approve_button.click()
    chat.wait(chat.idle)
    first_user = chat.path()[0]
    chat.parts.editing.edit(first_user.id)
    chat.window.chat.composer.setPlainText("1 + 2, again?")
    chat.window.chat.send_button.click()
    card(chat, waiting(chat)[0]).approve_button.click()  # the new branch asks again
    chat.wait(chat.idle)
    path = chat.path()
    assert path[0].id != first_user.id and path[0].text == "1 + 2, again?"
    assert [m.role for m in path] == [Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT]
    assert path[-1].text == "Tool results: 3 (images: 0)" and len(local.calls) == 2


def test_hostile_arguments_are_capped_plain_text(
        chat: ChatWindow, fake_provider: FakeProvider, local: LocalTools) -> None:
    hostile = "<b>bold</b>\u202eevil\x1b[31m" + "x" * 50_000
    ToolScript([[(wire("add"), {"a": 1, "b": hostile})]]).install(fake_provider)
    chat.type_and_send("Try this")
    [pending] = waiting(chat)
    shown = card(chat, pending)
    text = shown.arguments.text()
    assert "<b>bold</b>" in text  # shown as written, not rendered
    assert "\u202e" not in text and "\x1b" not in text
    assert len(text) < 2_500 and shown.show_all.isVisibleTo(shown)
    shown.show_all.click()
    chat.wait(lambda: len(card(chat, pending).arguments.text()) > 50_000)
    card(chat, pending).deny_button.click()
    chat.wait(chat.idle)


def test_switching_conversations_keeps_each_ones_choice(
        chat: ChatWindow, fake_provider: FakeProvider, local: LocalTools) -> None:
    ToolScript([]).install(fake_provider)  # answers at once, tools offered or not
    chat.type_and_send("With tools")
    chat.wait(chat.idle)
    with_tools = chat.parts.state.conversation_id
    assert "tools" in chats(fake_provider)[-1]
    chat.parts.opener.new_conversation()
    chat.wait(lambda: chat.window.chat.tool_choice.text() == "Tools")
    chat.type_and_send("Without tools")
    chat.wait(chat.idle)
    without = chat.parts.state.conversation_id
    assert without != with_tools and "tools" not in chats(fake_provider)[-1]
    chat.parts.opener.open_conversation(with_tools)  # A, then B: B stays without tools
    chat.wait(lambda: chat.window.chat.tool_choice.text() == "Tools · 1")
    chat.parts.opener.open_conversation(without)
    chat.wait(lambda: chat.window.chat.tool_choice.text() == "Tools")
    chat.wait(lambda: chat.window.tasks.running == 0)
    assert without is not None and chat.store.conversation_tools(without).is_empty
    chat.type_and_send("Still without")
    chat.wait(chat.idle)
    assert "tools" not in chats(fake_provider)[-1]
    chat.parts.opener.open_conversation(with_tools)
    chat.wait(lambda: chat.window.chat.tool_choice.text() == "Tools · 1")
    chat.type_and_send("With tools again")
    chat.wait(chat.idle)
    assert "tools" in chats(fake_provider)[-1]


def test_a_result_image_is_shown_under_its_card(
        chat: ChatWindow, fake_provider: FakeProvider, local: LocalTools) -> None:
    ToolScript([[(wire("image"), {})]]).install(fake_provider)
    chat.type_and_send("Draw something")
    card(chat, waiting(chat)[0]).approve_button.click()
    chat.wait(chat.idle)
    [tool] = tool_messages(chat)
    assert len(tool.images) == 1 and tool.text == "A 2x2 grey image."
    widget = chat.window.chat.chat_view.area.bound_widget(tool.id)
    assert widget is not None and widget.image_strip.isVisibleTo(widget)
    assert chat.path()[-1].text == "Tool results: A 2x2 grey image. (images: 1)"
