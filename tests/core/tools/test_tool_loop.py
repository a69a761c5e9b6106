"""The tool-call loop end to end: the fake provider asks for tools in each API style, the
in-process tools run them, the results go back, and the tree in a real SQLite store shows it."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from desktop.core.chat_service import ChatService
from desktop.core.conversation_path import load_conversation, load_conversation_tail
from desktop.core.store.models import MessageStatus, Role, ToolStatus
from desktop.core.store.store import Store
from desktop.core.tools.contract import DENIED_TEXT
from desktop.core.tools.events import (
    LoopEnd,
    LoopFinished,
    StepStarted,
    ToolCallApproved,
    ToolCallDenied,
    ToolCallFinished,
    ToolCallPending,
    ToolCallStarted,
    ToolLoopEvent,
)
from desktop.core.tools.loop import ToolLoop, step_limit_text
from desktop.core.tools.results import CANCELLED_TEXT
from tests.core.tools.conftest import STYLE_CASES, Approver, drive, settings
from tests.helpers.fake_provider import FakeProvider
from tests.helpers.fake_tool_model import ToolScript
from tests.helpers.tool_executor import SPECS, LocalTools, wire

ADD = wire("add")
NOW = wire("now")
IMAGE = wire("image")
SLEEP = wire("sleep")
ALL = {spec.name for spec in SPECS}
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")


def make_loop(service: ChatService, tools: LocalTools, approver: Approver,
              events: list[ToolLoopEvent] | None = None, **options: object) -> ToolLoop:
    return ToolLoop(service, tools, SPECS, approve=approver,
                    on_event=None if events is None else events.append, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(("style", "stream"), STYLE_CASES)
def test_two_steps_with_parallel_calls_and_an_image(
    service: ChatService, fake_provider: FakeProvider, style: str, stream: bool
) -> None:
    ToolScript([[(ADD, {"a": 2, "b": 3}), (NOW, {})], [(IMAGE, {})]]).install(fake_provider)
    conversation = service.store.create_conversation()
    events: list[ToolLoopEvent] = []

    async def scenario() -> object:
        tools = LocalTools()
        loop = make_loop(service, tools, Approver(ALL), events)
        result = await loop.send(conversation.id, "Add 2 and 3, tell the time", settings(
            style, stream))
        assert tools.calls == [("add", {"a": 2, "b": 3}), ("now", {}), ("image", {})]
        return result

    result = drive(service, scenario())
    assert result.end is LoopEnd.ANSWERED and result.steps == 2  # type: ignore[attr-defined]
    final = result.final  # type: ignore[attr-defined]
    assert final.text.startswith("Tool results: 5 | ")
    assert ISO_TIME.search(final.text) and "A 2x2 grey image." in final.text
    assert final.text.endswith("(images: 1)")  # the image went back to the model
    path = service.store.active_path(conversation.id)
    assert [m.role for m in path] == [Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL,
                                      Role.ASSISTANT, Role.TOOL, Role.ASSISTANT]
    first, add, now, second, image = path[1], path[2], path[3], path[4], path[5]
    assert [c.name for c in first.tool_calls] == [ADD, NOW]
    assert [add.tool_call_id, now.tool_call_id] == [c.id for c in first.tool_calls]
    assert add.text == "5" and add.tool is not None
    assert (add.tool.name, add.tool.server, add.tool.status) == ("add", "local", ToolStatus.DONE)
    assert add.tool.duration_ms is not None and not add.tool.is_error
    assert second.tool_calls[0].name == IMAGE
    assert len(image.images) == 1 and image.images[0].mime == "image/png"
    assert service.store.read_attachment(image.images[0].hash).startswith(b"\x89PNG")
    kinds = [type(e) for e in events]
    assert kinds[0] is StepStarted and kinds[-1] is LoopFinished
    assert kinds.count(ToolCallPending) == kinds.count(ToolCallStarted) == 3
    assert kinds.count(ToolCallApproved) == kinds.count(ToolCallFinished) == 3
    # The offered tools, in the style's own shape, under their wire names.
    path_key = {"chat": "/chat/completions", "anthropic": "/messages",
                "responses": "/responses"}[style]
    bodies = fake_provider.bodies(path_key)
    assert len(bodies) == 3
    if style == "chat":
        assert {t["function"]["name"] for t in bodies[0]["tools"]} >= {ADD, NOW}
        roles = [m["role"] for m in bodies[2]["messages"]]
        assert roles == ["user", "assistant", "tool", "tool", "assistant", "tool", "user"]
        assert bodies[2]["messages"][-1]["content"][1]["type"] == "image_url"
    elif style == "anthropic":
        tool = next(t for t in bodies[0]["tools"] if t["name"] == ADD)
        assert tool["input_schema"]["required"] == ["a", "b"]
        results = bodies[1]["messages"][2]["content"]
        assert [b["type"] for b in results] == ["tool_result", "tool_result"]
        assert results[0] == {"type": "tool_result", "tool_use_id": first.tool_calls[0].id,
                              "content": "5"}
        image_result = bodies[2]["messages"][-1]["content"][0]["content"]
        assert [b["type"] for b in image_result] == ["text", "image"]
    else:
        assert {t["name"] for t in bodies[0]["tools"]} >= {ADD, NOW}
        kinds_sent = [item.get("type") for item in bodies[2]["input"]]
        assert kinds_sent == ["message", "function_call", "function_call",
                              "function_call_output", "function_call_output", "function_call",
                              "function_call_output", "message"]
        assert bodies[1]["input"][3] == {"type": "function_call_output",
                                         "call_id": first.tool_calls[0].id, "output": "5"}


@pytest.mark.parametrize("style", ["chat", "anthropic", "responses"])
def test_denied_call_sends_the_denial(service: ChatService, fake_provider: FakeProvider,
                                      style: str) -> None:
    ToolScript([[(ADD, {"a": 1, "b": 1})]]).install(fake_provider)
    conversation = service.store.create_conversation()
    tools, approver, events = LocalTools(), Approver(), []

    result = drive(service, make_loop(service, tools, approver, events).send(
        conversation.id, "add", settings(style)))
    assert tools.calls == [] and approver.asked == [("add", '{"a": 1, "b": 1}')]
    assert result.final is not None and result.final.text == (
        f"Tool results: {DENIED_TEXT} (images: 0)")
    denied = service.store.active_path(conversation.id)[2]
    assert denied.tool is not None and denied.tool.status is ToolStatus.DENIED
    assert any(isinstance(e, ToolCallDenied) for e in events)


def test_always_allowed_tools_are_not_asked(service: ChatService,
                                            fake_provider: FakeProvider) -> None:
    ToolScript([[(ADD, {"a": 1, "b": 2}), (NOW, {})]]).install(fake_provider)
    conversation = service.store.create_conversation()
    tools, approver, events = LocalTools(), Approver({"now"}), []
    loop = make_loop(service, tools, approver, events,
                     always_allow=lambda spec: spec.name == "add")
    drive(service, loop.send(conversation.id, "go", settings()))
    assert [name for name, _ in approver.asked] == ["now"]
    approved = [e for e in events if isinstance(e, ToolCallApproved)]
    assert [e.always for e in approved] == [True, False]
    assert [name for name, _ in tools.calls] == ["add", "now"]


def test_parallel_calls_run_at_the_same_time(service: ChatService,
                                             fake_provider: FakeProvider) -> None:
    ToolScript([[(SLEEP, {"seconds": 0.2}), (SLEEP, {"seconds": 0.2})]]).install(fake_provider)
    conversation = service.store.create_conversation()
    tools = LocalTools()
    result = drive(service, make_loop(service, tools, Approver(ALL)).send(
        conversation.id, "nap twice", settings()))
    assert tools.most_at_once == 2
    assert result.final is not None and result.final.text.startswith("Tool results: slept | slept")


def test_step_limit_stops_with_a_note_and_a_valid_history(
    service: ChatService, fake_provider: FakeProvider
) -> None:
    ToolScript([[(ADD, {"a": 1, "b": 1})]] * 5).install(fake_provider)
    conversation = service.store.create_conversation()
    tools = LocalTools()
    result = drive(service, make_loop(service, tools, Approver(ALL), max_steps=2).send(
        conversation.id, "loop forever", settings()))
    assert result.end is LoopEnd.STEP_LIMIT and result.steps == 2
    assert result.note is not None and "2 rounds" in result.note
    assert len(tools.calls) == 2
    last = service.store.active_path(conversation.id)[-1]
    assert last.role is Role.TOOL and last.tool is not None
    assert last.tool.status is ToolStatus.SKIPPED and last.text == step_limit_text(2)
    # The next turn's request answers every call (else the provider would refuse it).
    drive(service, service.send(conversation.id, "stop now", settings()))
    messages = fake_provider.bodies("/chat/completions")[-1]["messages"]
    calls = [c["id"] for m in messages for c in m.get("tool_calls", [])]
    answered = [m["tool_call_id"] for m in messages if m["role"] == "tool"]
    assert calls == answered and len(calls) == 3


@pytest.mark.parametrize("style", ["chat", "anthropic", "responses"])
def test_stop_cancels_the_running_call_and_keeps_the_history_valid(
    service: ChatService, fake_provider: FakeProvider, tmp_path: Path, style: str
) -> None:
    ToolScript([[(SLEEP, {"seconds": 30}), (ADD, {"a": 4, "b": 4})]]).install(fake_provider)
    conversation = service.store.create_conversation()
    events: list[ToolLoopEvent] = []

    async def scenario() -> LocalTools:
        tools = LocalTools()
        loop = make_loop(service, tools, Approver(ALL), events)
        task = asyncio.create_task(loop.send(conversation.id, "nap", settings(style)))
        await asyncio.wait_for(tools.sleeping.wait(), 10)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return tools

    tools = drive(service, scenario())
    assert tools.cancelled == ["sleep"]
    assert isinstance(events[-1], LoopFinished) and events[-1].end is LoopEnd.CANCELLED
    service.store.close()
    with Store.open(tmp_path, backup_interval=None) as store:  # what a restart finds
        path = store.active_path(conversation.id)
        sleep, add = path[2], path[3]
        assert sleep.tool is not None and sleep.tool.status is ToolStatus.CANCELLED
        assert sleep.text == CANCELLED_TEXT
        assert add.tool is not None and add.tool.status in (ToolStatus.DONE,
                                                            ToolStatus.CANCELLED)
        service.store = store  # go on after the restart: the loop resumes from the results
        resumed = drive(service, make_loop(service, LocalTools(), Approver(ALL)).resume(
            add.id, settings(style)))
        assert resumed.end is LoopEnd.ANSWERED and resumed.final is not None
        assert resumed.final.text.startswith(f"Tool results: {CANCELLED_TEXT} | ")


@pytest.mark.parametrize("style", ["chat", "responses"])
def test_malformed_arguments_and_unknown_tools_get_error_results(
    service: ChatService, fake_provider: FakeProvider, style: str
) -> None:
    deep = "[" * 100 + "]" * 100
    ToolScript([[(ADD, "{not json"), ("nobody__nothing", {}), (ADD, '{"a": ' + deep + "}"),
                 (ADD, "[1, 2]"), (wire("fail"), {}), (wire("explode"), {})]]
               ).install(fake_provider)
    conversation = service.store.create_conversation()
    tools = LocalTools()
    result = drive(service, make_loop(service, tools, Approver(ALL)).send(
        conversation.id, "break things", settings(style)))
    assert [name for name, _ in tools.calls] == ["fail", "explode"]
    text = result.final.text if result.final else ""
    assert "not valid JSON" in text and "Unknown tool 'nobody__nothing'" in text
    assert "nested too deeply" in text and "must be a JSON object" in text
    assert "The tool broke on purpose." in text and "RuntimeError: boom" in text
    results = [m for m in service.store.active_path(conversation.id) if m.role is Role.TOOL]
    assert all(m.tool is not None and m.tool.status is ToolStatus.FAILED and m.tool.is_error
               for m in results)


def test_the_tree_survives_a_restart_and_loads(service: ChatService,
                                               fake_provider: FakeProvider,
                                               tmp_path: Path) -> None:
    ToolScript([[(ADD, {"a": 20, "b": 22})]]).install(fake_provider)
    conversation = service.store.create_conversation()
    drive(service, make_loop(service, LocalTools(), Approver(ALL)).send(
        conversation.id, "sum", settings()))
    before = service.store.active_path(conversation.id)
    service.store.close()
    with Store.open(tmp_path, backup_interval=None) as store:
        after = store.active_path(conversation.id)
        assert after == before
        loaded = load_conversation(store, conversation.id)
        assert [m.id for m in loaded.path] == [m.id for m in before]
        tail, complete = load_conversation_tail(store, conversation.id, limit=2)
        assert complete is False and [m.role for m in tail.path] == [Role.TOOL, Role.ASSISTANT]
        hits = store.search("42")
        found = {h.message_id for hit in hits.hits for h in hit.messages}
        assert found == {before[2].id, before[3].id}  # the result and the answer quoting it


def test_regenerate_after_a_loop_reruns_from_the_last_result_and_edit_branches(
    service: ChatService, fake_provider: FakeProvider
) -> None:
    ToolScript([[(ADD, {"a": 1, "b": 2})]]).install(fake_provider)
    conversation = service.store.create_conversation()
    tools = LocalTools()
    loop = make_loop(service, tools, Approver(ALL))
    first = drive(service, loop.send(conversation.id, "sum", settings()))
    assert first.final is not None and first.user_message is not None
    again = drive(service, loop.regenerate(first.final.id, settings()))
    assert len(tools.calls) == 1  # the tool did not run again
    assert again.final is not None and again.final.parent_id == first.final.parent_id
    assert again.final.text == first.final.text == "Tool results: 3 (images: 0)"
    assert [m.id for m in service.store.siblings(again.final.id)] == [first.final.id,
                                                                      again.final.id]
    edited = drive(service, loop.edit_and_resend(first.user_message.id, "sum again",
                                                 settings()))
    assert len(tools.calls) == 2 and edited.steps == 1
    assert edited.user_message is not None
    assert edited.user_message.parent_id == first.user_message.parent_id
    path = service.store.active_path(conversation.id)
    assert [m.role for m in path] == [Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT]
    assert path[0].text == "sum again"


def test_a_reply_that_fails_ends_the_loop(service: ChatService,
                                          fake_provider: FakeProvider) -> None:
    from tests.helpers.fake_provider import Reply
    fake_provider.script("/chat/completions", Reply.error(500, "upstream broke"))
    conversation = service.store.create_conversation()
    result = drive(service, make_loop(service, LocalTools(), Approver(ALL)).send(
        conversation.id, "hi", settings()))
    assert result.end is LoopEnd.ERROR and result.error is not None
    assert result.final is not None and result.final.status is MessageStatus.ERROR
