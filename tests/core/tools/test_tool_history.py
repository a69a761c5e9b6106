"""Tool messages in the store and in requests: a crash mid-loop, images per API style, the
exports and re-import, a provider that refuses tools, and argument caps."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from desktop.core.api.errors import ToolsUnsupportedError, tools_unsupported
from desktop.core.api.requests_anthropic import anthropic_messages_body
from desktop.core.api.requests_openai import TOOL_IMAGES_NOTE, ChatRequest, openai_chat_body
from desktop.core.api.requests_responses import responses_body
from desktop.core.chat_messages import TOOL_NO_RESULT, TOOL_NOT_FINISHED, build_messages
from desktop.core.chat_service import ChatService
from desktop.core.reply_parts import ToolCall
from desktop.core.store.export_html import export_html
from desktop.core.store.export_json import export_json, write_json
from desktop.core.store.export_markdown import export_markdown
from desktop.core.store.importer import import_file
from desktop.core.store.models import Role, TextPart, ToolRun, ToolStatus
from desktop.core.store.store import Store
from desktop.core.tools.arguments import (
    MAX_ARGUMENT_CHARS,
    ArgumentsError,
    parse_arguments,
    pretty_arguments,
)
from desktop.core.tools.loop import ToolLoop
from tests.core.tools.conftest import Approver, drive, settings
from tests.helpers.fake_provider import FakeProvider, Reply, tiny_png
from tests.helpers.fake_tool_model import ToolScript
from tests.helpers.tool_executor import SPECS, LocalTools, wire

CALLS = (ToolCall("c1", wire("add"), '{"a": 1, "b": 2}'), ToolCall("c2", wire("now"), "{}"))


def crashed_conversation(store: Store) -> int:
    """A loop that died while `add` ran: one call pending, the other never recorded."""
    conversation = store.create_conversation()
    user = store.append_message(conversation.id, Role.USER, "sum")
    reply = store.append_message(conversation.id, Role.ASSISTANT, "", parent_id=user.id,
                                 tool_calls=CALLS)
    store.append_tool_message(conversation.id, reply.id, CALLS[0],
                              ToolRun("add", "local", ToolStatus.APPROVED))
    return conversation.id


def test_a_crash_mid_call_leaves_a_history_every_api_accepts(tmp_path: Path) -> None:
    with Store.open(tmp_path, backup_interval=None) as store:
        conversation_id = crashed_conversation(store)
    with Store.open(tmp_path, backup_interval=None) as store:
        path = store.active_path(conversation_id)
        # Recovery at open: the call that was running is marked as not finished.
        assert path[-1].tool == ToolRun("add", "local", ToolStatus.CANCELLED)
        assert path[-1].text == TOOL_NOT_FINISHED
        messages = build_messages(path, "", store.read_attachment)
    assert messages[2:] == [
        {"role": "tool", "tool_call_id": "c1", "content": TOOL_NOT_FINISHED},
        {"role": "tool", "tool_call_id": "c2", "content": TOOL_NO_RESULT},
    ]
    request = ChatRequest.from_options("m", [*messages, {"role": "user", "content": "go on"}],
                                       {})
    anthropic = anthropic_messages_body(request, stream=False)["messages"]
    assert [m["role"] for m in anthropic] == ["user", "assistant", "user"]  # one turn of results
    assert [b.get("tool_use_id") for b in anthropic[2]["content"]] == ["c1", "c2", None]
    assert anthropic[2]["content"][2] == {"type": "text", "text": "go on"}
    items = responses_body(request, stream=False)["input"]
    assert [i.get("call_id") for i in items if i["type"] == "function_call_output"] == [
        "c1", "c2"]


def image_history(store: Store) -> list[dict[str, object]]:
    conversation = store.create_conversation()
    user = store.append_message(conversation.id, Role.USER, "draw")
    reply = store.append_message(conversation.id, Role.ASSISTANT, "", parent_id=user.id,
                                 tool_calls=CALLS)
    image = store.add_attachment(tiny_png(), "image/png", "tool-image-1")
    first = store.append_tool_message(conversation.id, reply.id, CALLS[0],
                                      ToolRun("image", "local"), [TextPart("A picture:"), image])
    store.append_tool_message(conversation.id, first.id, CALLS[1], ToolRun("now", "local"),
                              "12:00")
    return build_messages(store.active_path(conversation.id), "", store.read_attachment)


def test_result_images_go_where_each_api_style_takes_them(tmp_path: Path) -> None:
    with Store.open(tmp_path, backup_interval=None) as store:
        request = ChatRequest.from_options("m", image_history(store), {})
    chat = openai_chat_body(request, stream=False, include_usage=False)["messages"]
    assert [m["role"] for m in chat] == ["user", "assistant", "tool", "tool", "user"]
    assert chat[2]["content"] == "A picture:"  # tool messages take text only
    assert chat[4]["content"][0] == {"type": "text", "text": TOOL_IMAGES_NOTE}
    assert chat[4]["content"][1]["image_url"]["url"].startswith("data:image/png;base64,")
    anthropic = anthropic_messages_body(request, stream=False)["messages"]
    first = anthropic[2]["content"][0]
    assert first["type"] == "tool_result" and [b["type"] for b in first["content"]] == [
        "text", "image"]
    assert first["content"][1]["source"]["media_type"] == "image/png"
    items = responses_body(request, stream=False)["input"]
    assert [i["type"] for i in items] == ["message", "function_call", "function_call",
                                          "function_call_output", "function_call_output",
                                          "message"]
    assert items[3]["output"] == "A picture:"
    assert [p["type"] for p in items[5]["content"]] == ["input_text", "input_image"]


def test_exports_and_reimport_keep_tool_messages(service: ChatService,
                                                 fake_provider: FakeProvider,
                                                 tmp_path: Path) -> None:
    ToolScript([[(wire("add"), {"a": 6, "b": 7}), (wire("image"), {})]]).install(fake_provider)
    conversation = service.store.create_conversation()
    drive(service, ToolLoop(service, LocalTools(), SPECS, approve=Approver({"add"})).send(
        conversation.id, "sum and draw", settings()))
    store = service.store
    markdown = export_markdown(store, conversation.id)
    assert "Tool call `local__add`" in markdown and "## Tool `local/add · done · " in markdown
    assert "```text\n13\n```" in markdown and "local/image · denied" in markdown
    page = export_html(store, conversation.id)
    assert "local/add · done" in page and "<pre>13</pre>" in page
    document = export_json(store, [conversation.id])
    tool_messages = [m for m in document["conversations"][0]["messages"] if m["role"] == "tool"]
    assert [m["tool"]["status"] for m in tool_messages] == ["done", "denied"]
    dest = tmp_path / "export.json"
    write_json(store, [conversation.id], dest)
    (new_id,) = import_file(store, dest)
    original = store.active_path(conversation.id)
    imported = store.active_path(new_id)
    assert [(m.role, m.text, m.tool, m.tool_call_id, m.tool_calls) for m in imported] == [
        (m.role, m.text, m.tool, m.tool_call_id, m.tool_calls) for m in original]


def test_a_provider_that_refuses_tools_gets_a_typed_error(service: ChatService,
                                                          fake_provider: FakeProvider) -> None:
    fake_provider.script("/chat/completions", Reply.error(
        400, "registry.ollama.ai/library/gemma:2b does not support tools"))
    conversation = service.store.create_conversation()
    loop = ToolLoop(service, LocalTools(), SPECS, approve=Approver())
    with pytest.raises(ToolsUnsupportedError, match="does not support tools") as refused:
        drive(service, loop.send(conversation.id, "keep this text", settings()))
    path = service.store.active_path(conversation.id)
    assert path[0].text == "keep this text" and refused.value.reply_id == path[1].id
    assert json.loads(fake_provider.requests[-1].body)["tools"]
    # "Send without tools": the failed reply is replaced by one asked for without tools.
    again = drive(service, service.regenerate(path[1].id, settings()))
    assert again.error is None and "tools" not in fake_provider.requests[-1].json
    assert [m.id for m in service.store.active_path(conversation.id)] == [
        path[0].id, again.replies[0].id]


def test_an_approval_that_fails_denies(service: ChatService,
                                       fake_provider: FakeProvider) -> None:
    ToolScript([[(wire("add"), {"a": 1, "b": 1})]]).install(fake_provider)
    conversation = service.store.create_conversation()

    async def broken(_call: ToolCall, _spec: object) -> bool:
        raise RuntimeError("the window went away")

    tools = LocalTools()
    result = drive(service, ToolLoop(service, tools, SPECS, approve=broken).send(
        conversation.id, "add", settings()))
    assert tools.calls == [] and result.final is not None
    assert "denied" in result.final.text


@pytest.mark.parametrize("message", [
    "This model does not support tools.",
    "tools is not supported for this model",
    "Unrecognized request argument supplied: tools",
    "No endpoints found that support tool use.",
    "Function calling is not supported by this model",
])
def test_known_refusals_are_recognised(message: str) -> None:
    from desktop.core.api.errors import error_from_status
    error = error_from_status(400, {"content-type": "application/json"},
                              json.dumps({"error": {"message": message}}), provider="Relay")
    typed = tools_unsupported(error)
    assert typed is not None and "does not support tools" in str(typed)
    other = error_from_status(400, {}, json.dumps({"error": {"message": "max_tokens too big"}}))
    assert tools_unsupported(other) is None


def test_arguments_are_parsed_with_caps() -> None:
    assert parse_arguments("") == {} and parse_arguments('{"a": [1, {"b": 2}]}')["a"][1] == {
        "b": 2}
    for bad, why in [("{", "not valid JSON"), ("[1]", "must be a JSON object"),
                     ('{"a": NaN}', "NaN"), ('{"a": ' + "[" * 40 + "]" * 40 + "}", "deeply"),
                     ('{"a": "' + "x" * MAX_ARGUMENT_CHARS + '"}', "too long")]:
        with pytest.raises(ArgumentsError, match=why):
            parse_arguments(bad)
    with pytest.raises(ArgumentsError):
        parse_arguments("[" * 100_000 + "]" * 100_000)
    assert pretty_arguments('{"a":1}') == '{\n  "a": 1\n}' and pretty_arguments("{x") == "{x"


def test_the_tool_script_loads_from_a_json_script(service: ChatService, tmp_path: Path) -> None:
    with FakeProvider() as provider:
        provider.load_script({"tool_script": {"steps": [[[wire("add"), {"a": 1, "b": 1}]]]}})
        chat = service.providers.get("chat")
        service.providers.add(dataclasses.replace(chat, name="scripted", id="scripted",
                                                  base_url=provider.base_url))
        conversation = service.store.create_conversation()
        result = drive(service, ToolLoop(service, LocalTools(), SPECS, approve=Approver(
            {"add"})).send(conversation.id, "one plus one", settings("scripted")))
    assert result.final is not None and result.final.text == "Tool results: 2 (images: 0)"
