"""parse_chat_response: whole replies of every API style, errors and malformed bodies."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.core.api.parsers.provider_json import (
    MalformedResponseError,
    ResponseBodyError,
    error_event,
    parse_chat_response,
    usage_from,
    usage_from_anthropic,
)
from desktop.core.api.styles import ApiStyle
from desktop.core.reply_parts import ToolCall, Usage

from ..stream_cases import fixture_bytes


def _fixture(name: str) -> Any:
    return json.loads(fixture_bytes(name))


def test_openai_chat_full_response() -> None:
    result = parse_chat_response(ApiStyle.OPENAI_CHAT, _fixture("openai_chat_full.json"))
    assert (result.response_id, result.model) == ("chatcmpl-Full01", "gpt-4o-2024-08-06")
    assert [c.index for c in result.choices] == [0, 1]
    first, second = result.choices
    assert first.text == "Paris is sunny [1]."
    assert first.reasoning == "Check the weather tool first."
    assert first.tool_calls == [ToolCall("call_A", "get_weather", '{"city":"Paris"}')]
    assert first.annotations[0]["url_citation"]["url"] == "https://example.org/paris"
    assert first.logprobs is not None and first.logprobs[0]["token"] == "Paris"
    assert first.finish_reason == "tool_calls"
    assert (second.text, second.refusal, second.tool_calls) == ("", "I can't help with that.", [])
    assert result.usage == Usage(50, 30, 80, reasoning_tokens=12, cached_tokens=32)
    assert not result.interrupted


def test_gateway_doc_example_response() -> None:
    body = {
        "id": "chatcmpl-8Je5EIkoizgX7HIZHCfak05B9YmYx",
        "object": "chat.completion",
        "created": 1699693004,
        "model": "gpt-3.5-turbo-1106",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "Test"},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 19, "completion_tokens": 1, "total_tokens": 20},
        "system_fingerprint": "fp_eeff13170a",
    }
    result = parse_chat_response(ApiStyle.OPENAI_CHAT, json.dumps(body))
    assert result.choices[0].text == "Test"
    assert result.usage == Usage(19, 1, 20)


def test_think_tags_in_a_whole_reply() -> None:
    body = {"choices": [{"message": {"content": "<think>\nhmm\n</think>\n\nAnswer"}}]}
    choice = parse_chat_response(ApiStyle.OPENAI_CHAT, body).choices[0]
    assert (choice.reasoning, choice.text) == ("\nhmm\n", "\n\nAnswer")
    assert choice.index == 0


def test_content_parts_and_reasoning_field() -> None:
    body = {
        "choices": [
            {
                "index": 0,
                "message": {
                    "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}],
                    "reasoning": "why",
                },
            }
        ]
    }
    choice = parse_chat_response(ApiStyle.OPENAI_CHAT, body).choices[0]
    assert (choice.text, choice.reasoning) == ("ab", "why")


def test_null_content_and_object_arguments() -> None:
    body = {
        "choices": [
            {
                "message": {
                    "content": None,
                    "tool_calls": [{"id": "c", "function": {"name": "f", "arguments": {"x": 1}}}],
                },
                "finish_reason": "tool_calls",
            }
        ],
        "usage": None,
    }
    result = parse_chat_response(ApiStyle.OPENAI_CHAT, body)
    assert result.choices[0].text == ""
    assert result.choices[0].tool_calls == [ToolCall("c", "f", '{"x": 1}')]
    assert result.usage is None


def test_legacy_function_call() -> None:
    body = {"choices": [{"message": {"function_call": {"name": "f", "arguments": "{}"}}}]}
    assert parse_chat_response(ApiStyle.OPENAI_CHAT, body).choices[0].tool_calls == [
        ToolCall("", "f", "{}")
    ]


def test_empty_choices_is_a_reply_without_choices() -> None:
    result = parse_chat_response(
        ApiStyle.OPENAI_CHAT, {"choices": [], "usage": {"total_tokens": 3}}
    )
    assert result.choices == []
    assert result.usage == Usage(total_tokens=3)


def test_anthropic_message() -> None:
    result = parse_chat_response(ApiStyle.ANTHROPIC_MESSAGES, _fixture("anthropic_message.json"))
    choice = result.choices[0]
    assert choice.text == "Let me check."
    assert choice.reasoning == "The user asks about weather; use the tool."
    assert choice.tool_calls == [
        ToolCall(
            "toolu_01A09q90qw90lq917835lq9",
            "get_weather",
            '{"location": "San Francisco, CA", "unit": "celsius"}',
        )
    ]
    assert choice.finish_reason == "tool_calls"
    assert result.usage == Usage(3095, 503, 3598, None, 1000)
    assert result.model == "claude-sonnet-4-20250514"


def test_responses_output() -> None:
    result = parse_chat_response(ApiStyle.OPENAI_RESPONSES, _fixture("responses_output.json"))
    choice = result.choices[0]
    assert choice.text == "In a peaceful grove beneath a silver moon..."
    assert choice.reasoning == "**Planning** the answer.\n\nThen writing it."
    assert choice.tool_calls == [
        ToolCall("call_12345xyz", "get_weather", '{"location":"Paris, France"}')
    ]
    assert choice.annotations[0]["url"] == "https://example.org/story"
    assert choice.finish_reason == "tool_calls"
    assert result.usage == Usage(36, 87, 123, reasoning_tokens=64, cached_tokens=0)


def test_responses_incomplete_and_failed() -> None:
    body = _fixture("responses_output.json")
    body["output"] = body["output"][:2]
    body["status"] = "incomplete"
    body["incomplete_details"] = {"reason": "max_output_tokens"}
    assert parse_chat_response(ApiStyle.OPENAI_RESPONSES, body).choices[0].finish_reason == "length"
    body["status"] = "failed"
    body["error"] = {"code": "server_error", "message": "The model failed."}
    with pytest.raises(ResponseBodyError) as caught:
        parse_chat_response(ApiStyle.OPENAI_RESPONSES, body)
    assert caught.value.error.code == "server_error"
    assert str(caught.value) == "The model failed."


def test_legacy_completions() -> None:
    result = parse_chat_response(ApiStyle.OPENAI_COMPLETIONS, _fixture("completions_text.json"))
    first, second = result.choices
    assert first.text == "\n\nThis is indeed a test"
    assert first.finish_reason == "length"
    assert first.logprobs == [
        {"token": "\n\n", "logprob": -0.2, "top_logprobs": [{"token": "\n\n", "logprob": -0.2}]},
        {"token": "This", "logprob": -0.01, "top_logprobs": [{"token": "This", "logprob": -0.01}]},
    ]
    assert second.text == " Second"
    assert result.usage == Usage(5, 7, 12)


def test_a_body_of_another_style_is_still_read() -> None:
    chat = _fixture("openai_chat_full.json")
    assert parse_chat_response(ApiStyle.OPENAI_RESPONSES, chat).choices[0].text
    anthropic = _fixture("anthropic_message.json")
    assert parse_chat_response(ApiStyle.OPENAI_CHAT, anthropic).choices[0].text == "Let me check."
    completions = _fixture("completions_text.json")
    assert parse_chat_response(ApiStyle.OPENAI_CHAT, completions).choices[1].text == " Second"


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        (
            {"error": {"message": "Invalid key", "type": "auth", "code": "invalid_api_key"}},
            None,
            "Invalid key",
        ),
        ({"error": "quota exceeded"}, None, "quota exceeded"),
        (
            {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}},
            529,
            "Overloaded",
        ),
        ({"error": {"message": "slow down", "code": 429}}, 429, "slow down"),
    ],
)
def test_error_bodies_raise_response_body_error(
    body: Any, status: int | None, message: str
) -> None:
    with pytest.raises(ResponseBodyError) as caught:
        parse_chat_response(ApiStyle.OPENAI_CHAT, body)
    assert isinstance(caught.value, ValueError)
    assert caught.value.error.message == message
    assert caught.value.error.status == status


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"<html>502 Bad Gateway</html>", "not valid JSON"),
        ("[1, 2]", r"not an object \(got list\)"),
        ({"object": "chat.completion"}, "no 'choices' list"),
        ({"choices": "nope"}, "no 'choices' list"),
    ],
)
def test_malformed_bodies_name_the_problem(body: Any, fragment: str) -> None:
    with pytest.raises(MalformedResponseError, match=fragment) as caught:
        parse_chat_response(ApiStyle.OPENAI_CHAT, body)
    assert not isinstance(caught.value, ResponseBodyError)


@pytest.mark.parametrize(
    ("style", "key"),
    [(ApiStyle.ANTHROPIC_MESSAGES, "content"), (ApiStyle.OPENAI_RESPONSES, "output")],
)
def test_malformed_bodies_of_other_styles(style: ApiStyle, key: str) -> None:
    with pytest.raises(MalformedResponseError, match=f"no '{key}' list"):
        parse_chat_response(style, {"id": "x"})


def test_usage_variants() -> None:
    assert usage_from({"prompt_tokens": "7", "completion_tokens": 3.0}) == Usage(7, 3, 10)
    assert usage_from({"prompt_tokens": 9, "prompt_cache_hit_tokens": 4}) == Usage(
        9, cached_tokens=4
    )
    assert usage_from({}) is None
    assert usage_from("nonsense") is None
    assert usage_from_anthropic({"input_tokens": 10}) == Usage(10, None, None, None, None)


def test_error_event_without_message() -> None:
    event = error_event({"code": "E1"}, raw='{"code": "E1"}')
    assert event.code == "E1"
    assert "E1" in event.message
