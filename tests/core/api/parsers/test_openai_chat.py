"""OpenAI chat stream parser: fixtures at every split, and one test per relay quirk."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.api.events import (
    AnnotationsEvent,
    ErrorEvent,
    FinishEvent,
    LogprobsEvent,
    MetadataEvent,
    ReasoningDelta,
    RefusalDelta,
    StreamEnd,
    TextDelta,
    ToolCallDelta,
    UsageEvent,
)
from desktop.core.api.parsers.openai_chat import OpenAIChatStreamParser, ToolCallTracker
from desktop.core.api.styles import ApiStyle
from desktop.core.reply_parts import ToolCall, Usage

from ..stream_cases import (
    assemble,
    byte_by_byte,
    chunk_at,
    fixture_bytes,
    parse_events,
    sse_body,
    two_chunk_splits,
)

CHAT = ApiStyle.OPENAI_CHAT
CHAT_FIXTURES = [
    "openai_chat_basic.sse",
    "openrouter_reasoning_crlf.sse",
    "unicode_separators.sse",
    "openai_chat_tool_calls.sse",
    "deepseek_think_tags.sse",
    "openai_chat_n2.sse",
    "openai_chat_error_midstream.sse",
]


def _events(body: bytes) -> list[Any]:
    return parse_events(CHAT, [body])


def _chunk(delta: dict[str, Any], index: int = 0, finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-q",
        "object": "chat.completion.chunk",
        "model": "m",
        "choices": [{"index": index, "delta": delta, "finish_reason": finish}],
    }


@pytest.mark.parametrize("name", CHAT_FIXTURES)
def test_every_two_chunk_split_gives_the_same_events(name: str) -> None:
    body = fixture_bytes(name)
    expected = _events(body)
    assert isinstance(expected[-1], StreamEnd)
    for offset, chunks in two_chunk_splits(body):
        assert parse_events(CHAT, chunks) == expected, f"split at byte {offset}"


@pytest.mark.parametrize("name", CHAT_FIXTURES)
def test_byte_by_byte_gives_the_same_events(name: str) -> None:
    body = fixture_bytes(name)
    assert parse_events(CHAT, byte_by_byte(body)) == _events(body)


@settings(max_examples=40, deadline=None)
@given(
    name=st.sampled_from(CHAT_FIXTURES),
    cuts=st.lists(st.integers(min_value=0, max_value=5000), max_size=30),
)
def test_random_chunkings_give_the_same_result(name: str, cuts: list[int]) -> None:
    body = fixture_bytes(name)
    assert parse_events(CHAT, chunk_at(body, cuts)) == _events(body)


def test_basic_stream() -> None:
    events = _events(fixture_bytes("openai_chat_basic.sse"))
    assert events[0] == MetadataEvent("chatcmpl-AbC123", "gpt-4o-mini-2024-07-18")
    assert events[-1] == StreamEnd(interrupted=False, done_marker=True)
    result = assemble(events)
    assert [c.text for c in result.choices] == ["Hello! How can I help you today?"]
    assert result.choices[0].finish_reason == "stop"
    assert result.usage == Usage(19, 10, 29, 0, 0)
    assert not result.interrupted


def test_openrouter_reasoning_field_and_usage_details() -> None:
    result = assemble(_events(fixture_bytes("openrouter_reasoning_crlf.sse")))
    choice = result.choices[0]
    assert choice.reasoning == "Let me think."
    assert choice.text == "2 + 2 = **4**"
    assert result.usage == Usage(12, 40, 52, reasoning_tokens=31, cached_tokens=8)
    assert result.model == "deepseek/deepseek-r1"


def test_parallel_tool_calls_accumulate_by_index() -> None:
    result = assemble(_events(fixture_bytes("openai_chat_tool_calls.sse")))
    choice = result.choices[0]
    assert choice.tool_calls == [
        ToolCall("call_Wea1", "get_weather", '{"location": "Paris, FR"}'),
        ToolCall("call_Tim2", "get_time", '{"tz": "Europe/Paris"}'),
    ]
    assert choice.finish_reason == "tool_calls"
    assert choice.text == ""
    assert result.usage is not None and result.usage.cached_tokens == 64


def test_think_tags_in_content_are_reasoning() -> None:
    events = _events(fixture_bytes("deepseek_think_tags.sse"))
    result = assemble(events)
    assert result.choices[0].reasoning == "The user wants a greeting."
    assert result.choices[0].text == "\n\nHello there!"
    assert events[-1] == StreamEnd(interrupted=False, done_marker=True)  # "[DONE]  " counts


def test_two_choices_with_logprobs_annotations_and_refusal() -> None:
    events = _events(fixture_bytes("openai_chat_n2.sse"))
    result = assemble(events)
    first, second = result.choices
    assert (first.index, first.text, first.refusal) == (0, "Sunny", None)
    assert [entry["token"] for entry in first.logprobs or []] == ["Sun", "ny"]
    assert first.annotations[0]["url_citation"]["url"] == "https://example.org/weather"
    assert (second.index, second.text, second.refusal) == (1, "", "I can't help with that.")
    assert second.logprobs is None
    assert any(isinstance(e, LogprobsEvent) for e in events)
    assert any(isinstance(e, AnnotationsEvent) for e in events)
    assert any(isinstance(e, RefusalDelta) and e.index == 1 for e in events)


def test_error_inside_a_200_stream_comes_after_the_text() -> None:
    events = _events(fixture_bytes("openai_chat_error_midstream.sse"))
    kinds = [type(e) for e in events]
    assert kinds.index(ErrorEvent) > max(i for i, k in enumerate(kinds) if k is TextDelta)
    error = next(e for e in events if isinstance(e, ErrorEvent))
    assert error.message == "Upstream provider overloaded"
    assert (error.code, error.type) == ("502", "upstream_error")
    assert "overloaded" in error.raw
    result = assemble(events)
    assert result.choices[0].text == "Partial answer"
    assert result.interrupted


def test_missing_done_after_finish_reason_is_a_clean_end() -> None:
    body = sse_body(_chunk({"content": "Hi"}), _chunk({}, finish="stop"), done=False)
    assert _events(body)[-1] == StreamEnd(interrupted=False, done_marker=False)


def test_missing_done_without_finish_reason_is_interrupted_but_keeps_text() -> None:
    events = _events(sse_body(_chunk({"content": "Half a sen"}), done=False))
    assert events[-1] == StreamEnd(interrupted=True, done_marker=False)
    assert assemble(events).choices[0].text == "Half a sen"


def test_every_started_choice_needs_a_finish_reason() -> None:
    body = sse_body(
        _chunk({"content": "a"}, index=0),
        _chunk({"content": "b"}, index=1),
        _chunk({}, index=0, finish="stop"),
        done=False,
    )
    assert _events(body)[-1].interrupted


def test_final_event_without_blank_line_is_not_lost() -> None:
    body = b"data: " + json.dumps(_chunk({"content": "tail"}, finish="stop")).encode()
    result = assemble(_events(body))
    assert result.choices[0].text == "tail"
    assert not result.interrupted


def test_empty_choices_and_null_fields_are_tolerated() -> None:
    body = sse_body(
        {"id": "x", "model": "m", "choices": []},
        {"id": "x", "choices": None, "usage": None},
        {"id": "x", "choices": [{"index": 0, "delta": None, "finish_reason": None}]},
        {"id": "x", "choices": [{"index": 0, "delta": {"content": None, "role": None}}]},
        _chunk({"content": "ok", "reasoning_content": None, "tool_calls": None}),
        _chunk({}, finish="stop"),
    )
    events = _events(body)
    assert [e for e in events if isinstance(e, TextDelta)] == [TextDelta(0, "ok")]
    assert not [e for e in events if isinstance(e, ErrorEvent)]


def test_metadata_is_sent_once() -> None:
    events = _events(sse_body(_chunk({"content": "a"}), _chunk({"content": "b"})))
    assert [e for e in events if isinstance(e, MetadataEvent)] == [MetadataEvent("chatcmpl-q", "m")]


def test_usage_on_final_chunk_with_empty_choices() -> None:
    usage = {
        "prompt_tokens": 5,
        "completion_tokens": 7,
        "total_tokens": 12,
        "completion_tokens_details": {"reasoning_tokens": 3},
        "prompt_tokens_details": {"cached_tokens": 2},
    }
    body = sse_body(_chunk({"content": "a"}, finish="stop"), {"choices": [], "usage": usage})
    assert UsageEvent(Usage(5, 7, 12, 3, 2)) in _events(body)


def test_reasoning_content_field() -> None:
    body = sse_body(_chunk({"reasoning_content": "hmm"}), _chunk({"content": "yes"}))
    events = _events(body)
    assert ReasoningDelta(0, "hmm") in events
    assert TextDelta(0, "yes") in events


def test_reasoning_and_reasoning_content_together_are_not_doubled() -> None:
    body = sse_body(_chunk({"reasoning_content": "one", "reasoning": "one"}))
    assert [e for e in _events(body) if isinstance(e, ReasoningDelta)] == [ReasoningDelta(0, "one")]


@pytest.mark.parametrize(
    "content",
    [
        "Hi <think>abc</think>answer",
        "<think>\nplan\n</think>\n\nDone.",
        "a<think>b</think>c<think>d",
    ],
)
def test_think_tags_split_at_every_offset_across_events(content: str) -> None:
    whole = assemble(_events(sse_body(_chunk({"content": content}))))
    for offset in range(len(content) + 1):
        pieces = [content[:offset], content[offset:]]
        body = sse_body(*(_chunk({"content": p}) for p in pieces))
        result = assemble(_events(body))
        assert (result.choices[0].reasoning, result.choices[0].text) == (
            whole.choices[0].reasoning,
            whole.choices[0].text,
        ), f"split at {offset}"
    assert "<think>" not in whole.choices[0].text
    assert "</think>" not in whole.choices[0].reasoning


def test_think_tags_one_character_per_event() -> None:
    content = "<think>deep thought</think>The answer is 42. 1 < 2"
    body = sse_body(*(_chunk({"content": ch}) for ch in content), _chunk({}, finish="stop"))
    result = assemble(_events(body))
    assert result.choices[0].reasoning == "deep thought"
    assert result.choices[0].text == "The answer is 42. 1 < 2"


def test_unterminated_partial_tag_is_flushed_as_text() -> None:
    body = sse_body(_chunk({"content": "x <thi"}), done=False)
    assert assemble(_events(body)).choices[0].text == "x <thi"


def test_tool_calls_without_index_are_keyed_by_id() -> None:
    body = sse_body(
        _chunk({"tool_calls": [{"id": "a", "function": {"name": "f", "arguments": '{"x"'}}]}),
        _chunk({"tool_calls": [{"function": {"arguments": ": 1}"}}]}),
        _chunk({"tool_calls": [{"id": "b", "function": {"name": "g", "arguments": "{}"}}]}),
        _chunk({"tool_calls": [{"id": "a", "function": {"arguments": ""}}]}),
        _chunk({}, finish="tool_calls"),
    )
    assert assemble(_events(body)).choices[0].tool_calls == [
        ToolCall("a", "f", '{"x": 1}'),
        ToolCall("b", "g", "{}"),
    ]


def test_tool_calls_with_empty_ids_and_object_arguments() -> None:
    body = sse_body(
        _chunk({"tool_calls": [{"index": 0, "id": "call_1", "function": {"name": "f"}}]}),
        _chunk({"tool_calls": [{"index": 0, "id": "", "function": {"arguments": '{"a":'}}]}),
        _chunk({"tool_calls": [{"index": 0, "id": "", "function": {"arguments": "2}"}}]}),
        _chunk(
            {
                "tool_calls": [
                    {"index": 1, "id": "call_2", "function": {"name": "g", "arguments": {"b": 3}}}
                ]
            }
        ),
    )
    assert assemble(_events(body)).choices[0].tool_calls == [
        ToolCall("call_1", "f", '{"a":2}'),
        ToolCall("call_2", "g", '{"b": 3}'),
    ]


def test_tool_calls_all_numbered_zero_with_different_ids_stay_apart() -> None:
    body = sse_body(
        _chunk(
            {"tool_calls": [{"index": 0, "id": "c1", "function": {"name": "f", "arguments": "{"}}]}
        ),
        _chunk({"tool_calls": [{"index": 0, "function": {"arguments": "}"}}]}),
        _chunk(
            {"tool_calls": [{"index": 0, "id": "c2", "function": {"name": "g", "arguments": "["}}]}
        ),
        _chunk({"tool_calls": [{"index": 0, "function": {"arguments": "]"}}]}),
    )
    assert assemble(_events(body)).choices[0].tool_calls == [
        ToolCall("c1", "f", "{}"),
        ToolCall("c2", "g", "[]"),
    ]


def test_tool_call_tracker_keeps_wire_indices_when_it_can() -> None:
    tracker = ToolCallTracker()
    assert [tracker.call_index(i, None) for i in (0, 0, 1, 1, 0)] == [0, 0, 1, 1, 0]


def test_legacy_function_call_delta() -> None:
    body = sse_body(
        _chunk({"function_call": {"name": "lookup", "arguments": ""}}),
        _chunk({"function_call": {"arguments": '{"q": 1}'}}),
    )
    assert assemble(_events(body)).choices[0].tool_calls == [ToolCall("", "lookup", '{"q": 1}')]


def test_plain_json_body_when_a_stream_was_asked_for() -> None:
    body = json.dumps(
        {
            "id": "chatcmpl-plain",
            "object": "chat.completion",
            "model": "gpt-4o",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": "<think>hm</think>Whole reply"},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
        },
        indent=2,
    ).encode()
    for chunks in ([b"\n  " + body], [body[:1], body[1:7], body[7:]], byte_by_byte(body)):
        events = parse_events(CHAT, chunks)
        assert events[0] == MetadataEvent("chatcmpl-plain", "gpt-4o")
        result = assemble(events)
        assert result.choices[0].text == "Whole reply"
        assert result.choices[0].reasoning == "hm"
        assert result.usage == Usage(3, 2, 5)
        assert not result.interrupted


def test_plain_json_error_body() -> None:
    body = b'{"error": {"message": "Insufficient balance", "type": "billing", "code": 403}}'
    events = _events(body)
    assert events[0] == ErrorEvent(
        "Insufficient balance", code="403", type="billing", status=403, raw=body.decode()
    )
    assert events[-1].interrupted


def test_json_lines_without_sse_framing() -> None:
    body = (
        json.dumps(_chunk({"content": "a"})) + "\n" + json.dumps(_chunk({}, finish="stop"))
    ).encode()
    result = assemble(_events(body))
    assert (result.choices[0].text, result.interrupted) == ("a", False)


def test_json_array_of_chunks() -> None:
    body = json.dumps([_chunk({"content": "a"}), _chunk({"content": "b"}, finish="stop")]).encode()
    assert assemble(_events(body)).choices[0].text == "ab"


def test_consecutive_data_lines_without_blank_lines() -> None:
    # The ModelMax page shows its stream this way; strictly it is one multi-line event.
    lines = [json.dumps(_chunk({"content": t})) for t in ("Once", " upon")]
    body = ("\n".join(f"data: {line}" for line in lines) + "\ndata: [DONE]\n\n").encode()
    events = _events(body)
    assert assemble(events).choices[0].text == "Once upon"
    assert events[-1].done_marker


def test_chunks_glued_together_in_one_data_field() -> None:
    # Some relays batch chunks as {...}{...} (no separator) inside one data: line.
    glued = "".join(json.dumps(_chunk({"content": t})) for t in ("Once", " upon", " a"))
    body = sse_body(glued, _chunk({"content": " time"}, finish="stop"))
    parser = OpenAIChatStreamParser()
    events = parser.feed(body) + parser.close()
    assert assemble(events).choices[0].text == "Once upon a time"
    assert parser.malformed_chunks == 0
    # Glued with a broken second half: skipped and counted, not half-applied.
    broken = OpenAIChatStreamParser()
    events = broken.feed(sse_body(json.dumps(_chunk({"content": "x"})) + '{"choi',
                                  _chunk({"content": "ok"}, finish="stop")))
    events += broken.close()
    assert assemble(events).choices[0].text == "ok" and broken.malformed_chunks == 1


def test_malformed_chunk_mid_stream_is_skipped_and_counted() -> None:
    parser = OpenAIChatStreamParser()
    body = sse_body(
        _chunk({"content": "good "}), "{not json", _chunk({"content": "reply"}, finish="stop")
    )
    events = parser.feed(body) + parser.close()
    assert assemble(events).choices[0].text == "good reply"
    assert not [e for e in events if isinstance(e, ErrorEvent)]
    assert parser.malformed_chunks == 1


def test_only_malformed_chunks_become_an_error() -> None:
    events = _events(sse_body("{oops", "<html>", done=False))
    error = events[0]
    assert isinstance(error, ErrorEvent)
    assert "2 stream chunk(s)" in error.message and "{oops" in error.message
    assert events[-1].interrupted


def test_html_page_with_status_200_becomes_an_error() -> None:
    events = _events(b"<!DOCTYPE html><html><body>502 Bad Gateway</body></html>")
    assert isinstance(events[0], ErrorEvent)
    assert "502 Bad Gateway" in events[0].message
    assert events[-1] == StreamEnd(interrupted=True)


def test_event_error_with_plain_text_and_json() -> None:
    text_error = b"event: error\ndata: upstream timed out\n\n"
    events = _events(sse_body(_chunk({"content": "x"}), done=False) + text_error)
    assert events[-2] == ErrorEvent("upstream timed out", raw="upstream timed out")
    json_error = b'event: error\ndata: {"message": "rate limited", "code": 429}\n\n'
    error = _events(json_error)[0]
    assert (error.message, error.status) == ("rate limited", 429)


def test_openrouter_error_chunk_with_upstream_detail() -> None:
    chunk = {
        "id": "gen-1",
        "object": "chat.completion.chunk",
        "error": {
            "code": 502,
            "message": "Provider returned error",
            "metadata": {"raw": "model overloaded", "provider_name": "Fireworks"},
        },
        "choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": "error"}],
    }
    error = next(e for e in _events(sse_body(chunk)) if isinstance(e, ErrorEvent))
    assert error.message == "Provider returned error (Fireworks: model overloaded)"
    assert error.status == 502


def test_comments_only_and_empty_body_are_interrupted_without_error() -> None:
    assert _events(b": ping\n\n: ping\n\n") == [StreamEnd(interrupted=True)]
    assert _events(b"") == [StreamEnd(interrupted=True)]


def test_close_is_idempotent_and_ends_exactly_once() -> None:
    parser = OpenAIChatStreamParser()
    parser.feed(sse_body(_chunk({"content": "x"}, finish="stop")))
    assert [type(e) for e in parser.close()] == [StreamEnd]
    assert parser.close() == []


def test_content_as_list_of_parts() -> None:
    body = sse_body(
        _chunk(
            {"content": [{"type": "thinking", "thinking": "plan"}, {"type": "text", "text": "Hi"}]}
        )
    )
    events = _events(body)
    assert ReasoningDelta(0, "plan") in events
    assert TextDelta(0, "Hi") in events


def test_finish_event_per_choice() -> None:
    body = sse_body(_chunk({}, index=2, finish="length"))
    assert FinishEvent(2, "length") in _events(body)


def test_interleaved_tool_call_deltas_keep_their_choice() -> None:
    body = sse_body(
        _chunk(
            {"tool_calls": [{"index": 0, "id": "x", "function": {"name": "f", "arguments": "1"}}]},
            index=1,
        ),
        _chunk(
            {"tool_calls": [{"index": 0, "id": "y", "function": {"name": "g", "arguments": "2"}}]},
            index=0,
        ),
    )
    events = _events(body)
    assert ToolCallDelta(1, 0, "x", "f", "1") in events
    result = assemble(events)
    assert [c.tool_calls for c in result.choices] == [
        [ToolCall("y", "g", "2")],
        [ToolCall("x", "f", "1")],
    ]


def test_done_marker_without_space_and_numeric_string_error_code() -> None:
    body = b"data:" + json.dumps(_chunk({"content": "a"})).encode() + b"\n\ndata:[DONE]\n\n"
    assert _events(body)[-1] == StreamEnd(interrupted=False, done_marker=True)
    error = _events(sse_body({"error": {"message": "bad gateway", "code": "502"}}))[0]
    assert (error.status, error.code) == (502, "502")
