"""Responses API stream parser."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.core.api.events import ErrorEvent, FinishEvent, MetadataEvent, StreamEnd
from desktop.core.api.styles import ApiStyle
from desktop.core.reply_parts import ToolCall, Usage

from ..stream_cases import assemble, byte_by_byte, fixture_bytes, parse_events, two_chunk_splits

STYLE = ApiStyle.OPENAI_RESPONSES
FIXTURES = ["responses_stream.sse", "responses_failed.sse"]


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


def test_full_stream() -> None:
    events = _events(fixture_bytes("responses_stream.sse"))
    assert events[0] == MetadataEvent(
        "resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654", "o4-mini-2025-04-16"
    )
    assert [e for e in events if isinstance(e, MetadataEvent)] == [events[0]]
    result = assemble(events)
    choice = result.choices[0]
    assert choice.text == "Checking Paris now."  # output_item.done does not repeat it
    assert choice.reasoning == "**Looking up** weather\n\nThen answer."
    assert choice.tool_calls == [ToolCall("call_9", "get_weather", '{"location":"Paris"}')]
    assert choice.annotations[0]["url"] == "https://example.org/w"
    assert choice.finish_reason == "tool_calls"
    assert result.usage == Usage(37, 120, 157, reasoning_tokens=64, cached_tokens=16)
    assert events[-1] == StreamEnd(interrupted=False)


def test_failed_response_after_text() -> None:
    events = _events(fixture_bytes("responses_failed.sse"))
    error = events[-2]
    assert isinstance(error, ErrorEvent)
    assert (error.code, error.message) == (
        "server_error",
        "The server had an error while processing your request.",
    )
    result = assemble(events)
    assert result.choices[0].text == "Part"
    assert result.interrupted


def test_error_event() -> None:
    body = _sse(
        {"type": "error", "code": "rate_limit_exceeded", "message": "Too many", "param": None}
    )
    error = _events(body)[0]
    assert isinstance(error, ErrorEvent)
    assert (error.code, error.message) == ("rate_limit_exceeded", "Too many")


def test_incomplete_response_is_a_length_finish() -> None:
    body = _sse(
        {"type": "response.output_text.delta", "item_id": "m", "output_index": 0, "delta": "cut"},
        {
            "type": "response.incomplete",
            "response": {
                "id": "r",
                "status": "incomplete",
                "incomplete_details": {"reason": "max_output_tokens"},
            },
        },
    )
    events = _events(body)
    assert FinishEvent(0, "length") in events
    assert events[-1] == StreamEnd(interrupted=False)


def test_relay_sending_only_done_items() -> None:
    body = _sse(
        {
            "type": "response.output_item.done",
            "output_index": 0,
            "item": {
                "id": "m",
                "type": "message",
                "content": [{"type": "output_text", "text": "Whole"}],
            },
        },
        {
            "type": "response.output_item.added",
            "output_index": 1,
            "item": {"id": "fc", "type": "function_call", "call_id": "c", "name": "f"},
        },
        {
            "type": "response.output_item.done",
            "output_index": 1,
            "item": {
                "id": "fc",
                "type": "function_call",
                "call_id": "c",
                "name": "f",
                "arguments": "{}",
            },
        },
        {"type": "response.completed", "response": {"id": "r", "status": "completed"}},
    )
    result = assemble(_events(body))
    assert result.choices[0].text == "Whole"
    assert result.choices[0].tool_calls == [ToolCall("c", "f", "{}")]


def test_refusal_and_reasoning_text() -> None:
    body = _sse(
        {"type": "response.reasoning_text.delta", "item_id": "r", "delta": "think"},
        {"type": "response.refusal.delta", "item_id": "m", "delta": "No."},
    )
    result = assemble(_events(body))
    assert (result.choices[0].reasoning, result.choices[0].refusal) == ("think", "No.")
    assert result.interrupted


def test_plain_json_response_when_stream_was_asked_for() -> None:
    result = assemble(_events(fixture_bytes("responses_output.json")))
    assert result.choices[0].text.startswith("In a peaceful grove")
    assert not result.interrupted


def test_text_from_output_text_done_when_no_deltas_came() -> None:
    done_text = {
        "type": "response.output_text.done",
        "item_id": "m",
        "output_index": 0,
        "text": "T",
    }
    item_done = {
        "type": "response.output_item.done",
        "output_index": 0,
        "item": {"id": "m", "type": "message", "content": [{"type": "output_text", "text": "T"}]},
    }
    assert assemble(_events(_sse(done_text, item_done))).choices[0].text == "T"
    delta = {"type": "response.output_text.delta", "item_id": "m", "output_index": 0, "delta": "T"}
    assert assemble(_events(_sse(delta, done_text, item_done))).choices[0].text == "T"
