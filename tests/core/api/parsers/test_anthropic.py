"""Anthropic Messages stream parser."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.core.api.events import (
    ErrorEvent,
    FinishEvent,
    MetadataEvent,
    ReasoningDelta,
    StreamEnd,
    TextDelta,
)
from desktop.core.api.styles import ApiStyle
from desktop.core.reply_parts import ToolCall, Usage

from ..stream_cases import assemble, byte_by_byte, fixture_bytes, parse_events, two_chunk_splits

STYLE = ApiStyle.ANTHROPIC_MESSAGES
FIXTURES = ["anthropic_tool_use.sse", "anthropic_overloaded.sse"]


def _events(body: bytes) -> list[Any]:
    return parse_events(STYLE, [body])


def _sse(*events: dict[str, Any]) -> bytes:
    return "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events).encode()


@pytest.mark.parametrize("name", FIXTURES)
def test_every_split_and_byte_by_byte(name: str) -> None:
    body = fixture_bytes(name)
    expected = _events(body)
    for offset, chunks in two_chunk_splits(body):
        assert parse_events(STYLE, chunks) == expected, f"split at byte {offset}"
    assert parse_events(STYLE, byte_by_byte(body)) == expected


def test_thinking_text_and_tool_use() -> None:
    events = _events(fixture_bytes("anthropic_tool_use.sse"))
    assert events[0] == MetadataEvent("msg_01HCDu5LRGeP2o7s2xGmxyx8", "claude-sonnet-4-20250514")
    assert FinishEvent(0, "tool_calls") in events
    assert events[-1] == StreamEnd(interrupted=False)
    result = assemble(events)
    choice = result.choices[0]
    assert choice.reasoning == "The user wants the weather in Paris."
    assert choice.text == "I'll check the weather — один момент. 😀"
    assert choice.tool_calls == [
        ToolCall("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "get_weather", '{"location": "Paris, FR"}')
    ]
    assert "EqQB" not in choice.reasoning + choice.text  # signature_delta dropped
    # input 472 uncached + 128 read from cache; output from message_delta.
    assert result.usage == Usage(600, 89, 689, None, 128)
    assert not result.interrupted


def test_overloaded_error_after_text() -> None:
    events = _events(fixture_bytes("anthropic_overloaded.sse"))
    assert isinstance(events[-2], ErrorEvent)
    assert (events[-2].message, events[-2].type, events[-2].status) == (
        "Overloaded",
        "overloaded_error",
        529,
    )
    assert events.index(TextDelta(0, "Once upon")) < len(events) - 2
    result = assemble(events)
    assert result.choices[0].text == "Once upon"
    assert result.interrupted


def test_stream_cut_before_message_stop_is_interrupted() -> None:
    body = _sse(
        {
            "type": "message_start",
            "message": {"id": "m", "model": "c", "usage": {"input_tokens": 1}},
        },
        {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
        {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hal"}},
    )
    events = _events(body)
    assert events[-1] == StreamEnd(interrupted=True)
    assert assemble(events).choices[0].text == "Hal"


def test_max_tokens_stop_reason_without_message_stop() -> None:
    body = _sse(
        {
            "type": "message_delta",
            "delta": {"stop_reason": "max_tokens"},
            "usage": {"output_tokens": 5},
        }
    )
    events = _events(body)
    assert FinishEvent(0, "length") in events
    assert events[-1] == StreamEnd(interrupted=False)


def test_tool_input_given_whole_at_block_start() -> None:
    body = _sse(
        {
            "type": "content_block_start",
            "index": 0,
            "content_block": {"type": "tool_use", "id": "t1", "name": "f", "input": {"a": 1}},
        },
        {"type": "content_block_stop", "index": 0},
        {
            "type": "content_block_start",
            "index": 1,
            "content_block": {"type": "tool_use", "id": "t2", "name": "g", "input": {}},
        },
        {"type": "content_block_stop", "index": 1},
        {"type": "message_stop"},
    )
    assert assemble(_events(body)).choices[0].tool_calls == [
        ToolCall("t1", "f", '{"a": 1}'),
        ToolCall("t2", "g", "{}"),
    ]


def test_relay_without_event_lines_and_unknown_events() -> None:
    lines = [
        {"type": "message_start", "message": {"id": "m", "model": "c"}},
        {
            "type": "content_block_start",
            "index": 0,
            "content_block": {"type": "text", "text": "Hi"},
        },
        {"type": "some_future_event", "x": 1},
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "citations_delta", "citation": {"url": "u"}},
        },
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "thinking_delta", "thinking": "t"},
        },
        {"type": "message_stop"},
    ]
    body = "".join(f"data: {json.dumps(line)}\n\n" for line in lines).encode()
    result = assemble(_events(body))
    assert (result.choices[0].text, result.choices[0].reasoning) == ("Hi", "t")
    assert result.choices[0].annotations == [{"url": "u"}]
    assert not result.interrupted


def test_plain_json_message_when_stream_was_asked_for() -> None:
    events = _events(fixture_bytes("anthropic_message.json"))
    assert ReasoningDelta(0, "The user asks about weather; use the tool.") in events
    result = assemble(events)
    assert result.choices[0].tool_calls[0].name == "get_weather"
    assert not result.interrupted


def test_error_in_data_without_event_name() -> None:
    error_object = {"type": "error", "error": {"type": "rate_limit_error", "message": "Slow down"}}
    body = f"data: {json.dumps(error_object)}\n\n".encode()
    error = _events(body)[0]
    assert isinstance(error, ErrorEvent)
    assert (error.message, error.status) == ("Slow down", 429)
