"""Request bodies built from one ChatRequest: OpenAI chat, Anthropic Messages, Responses API,
including tool calls and results, and the parameters each API cannot take."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core.api.requests_anthropic import anthropic_messages_body
from desktop.core.api.requests_openai import (
    ChatRequest,
    RequestValidationError,
    openai_chat_body,
    parse_option_value,
    split_data_url,
)
from desktop.core.api.requests_responses import responses_body

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "weather",
            "description": "Weather in a city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
        },
    }
]
TOOL_TURN: list[dict[str, Any]] = [
    {"role": "system", "content": "S1"},
    {"role": "developer", "content": [{"type": "text", "text": "S2"}]},
    {"role": "user", "content": "Weather in Paris and Rome?"},
    {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "weather", "arguments": '{"city": "Paris"}'},
            },
            {
                "id": "call_2",
                "type": "function",
                "function": {"name": "weather", "arguments": '{"city": "Rome"}'},
            },
        ],
    },
    {"role": "tool", "tool_call_id": "call_1", "content": "18 C"},
    {"role": "tool", "tool_call_id": "call_2", "content": "24 C"},
]


def test_openai_body_keeps_messages_as_given() -> None:
    request = ChatRequest(
        "m",
        TOOL_TURN,
        tools=TOOLS,
        tool_choice={"type": "function", "function": {"name": "weather"}},
    )
    body = openai_chat_body(request, stream=True, include_usage=False)
    assert body["messages"] is TOOL_TURN
    assert body["tool_choice"] == {"type": "function", "function": {"name": "weather"}}
    assert "stream_options" not in body


def test_anthropic_tools_and_results() -> None:
    request = ChatRequest("claude", TOOL_TURN, tools=TOOLS, tool_choice="required", max_tokens=10)
    body = anthropic_messages_body(request, stream=False)
    assert body["system"] == "S1\n\nS2"
    assert body["tools"] == [
        {
            "name": "weather",
            "description": "Weather in a city",
            "input_schema": TOOLS[0]["function"]["parameters"],
        }
    ]
    assert body["tool_choice"] == {"type": "any"}
    assert body["messages"] == [
        {"role": "user", "content": "Weather in Paris and Rome?"},
        {
            "role": "assistant",
            "content": [
                {"type": "tool_use", "id": "call_1", "name": "weather", "input": {"city": "Paris"}},
                {"type": "tool_use", "id": "call_2", "name": "weather", "input": {"city": "Rome"}},
            ],
        },
        {
            "role": "user",
            "content": [
                {"type": "tool_result", "tool_use_id": "call_1", "content": "18 C"},
                {"type": "tool_result", "tool_use_id": "call_2", "content": "24 C"},
            ],
        },
    ]
    assert "stream" not in body


def test_anthropic_http_image_and_user_metadata() -> None:
    messages = [
        {
            "role": "user",
            "content": [{"type": "image_url", "image_url": "https://example.com/cat.jpg"}],
        }
    ]
    body = anthropic_messages_body(ChatRequest("c", messages, user="u1"), stream=False)
    assert body["messages"][0]["content"] == [
        {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.jpg"}}
    ]
    assert body["metadata"] == {"user_id": "u1"}


@pytest.mark.parametrize(
    "options",
    [
        {"presence_penalty": 0.1},
        {"frequency_penalty": 0.1},
        {"logit_bias": {"1": 1}},
        {"seed": 1},
        {"response_format": {"type": "json_object"}},
        {"n": 2},
    ],
)
def test_anthropic_refuses_what_it_cannot_take(options: dict[str, Any]) -> None:
    request = ChatRequest("c", [{"role": "user", "content": "x"}], **options)
    with pytest.raises(RequestValidationError):
        anthropic_messages_body(request, stream=False)


def test_responses_tools_and_results() -> None:
    request = ChatRequest(
        "gpt",
        TOOL_TURN,
        tools=TOOLS,
        tool_choice={"type": "function", "function": {"name": "weather"}},
        response_format={
            "type": "json_schema",
            "json_schema": {"name": "w", "schema": {"type": "object"}, "strict": True},
        },
        max_completion_tokens=30,
    )
    body = responses_body(request, stream=False)
    assert body["instructions"] == "S1\n\nS2"
    assert body["max_output_tokens"] == 30
    assert body["tools"] == [{"type": "function", **TOOLS[0]["function"]}]
    assert body["tool_choice"] == {"type": "function", "name": "weather"}
    assert body["text"] == {
        "format": {"type": "json_schema", "name": "w", "schema": {"type": "object"}, "strict": True}
    }
    assert body["input"] == [
        {
            "type": "message",
            "role": "user",
            "content": [{"type": "input_text", "text": "Weather in Paris and Rome?"}],
        },
        {
            "type": "function_call",
            "call_id": "call_1",
            "name": "weather",
            "arguments": '{"city": "Paris"}',
        },
        {
            "type": "function_call",
            "call_id": "call_2",
            "name": "weather",
            "arguments": '{"city": "Rome"}',
        },
        {"type": "function_call_output", "call_id": "call_1", "output": "18 C"},
        {"type": "function_call_output", "call_id": "call_2", "output": "24 C"},
    ]


def test_responses_earlier_assistant_text_is_output_text() -> None:
    messages = [
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello"},
        {"role": "user", "content": "Again"},
    ]
    body = responses_body(ChatRequest("gpt", messages), stream=True)
    assert [item["content"][0]["type"] for item in body["input"]] == [
        "input_text",
        "output_text",
        "input_text",
    ]
    assert body["stream"] is True


@pytest.mark.parametrize("options", [{"stop": "x"}, {"seed": 1}, {"n": 3}, {"logit_bias": {}}])
def test_responses_refuses_what_it_cannot_take(options: dict[str, Any]) -> None:
    with pytest.raises(RequestValidationError):
        responses_body(
            ChatRequest("g", [{"role": "user", "content": "x"}], **options), stream=False
        )


@pytest.mark.parametrize(
    ("messages", "problem"),
    [
        ([], "at least one message"),
        ([{"role": "robot", "content": "x"}], "unknown role"),
        ([{"role": "user"}], "no content"),
        ([{"role": "user", "content": [{"type": "video"}]}], "content part"),
        ([{"role": "user", "content": [{"type": "image_url", "image_url": {}}]}], "no url"),
        ([{"role": "user", "content": 5}], "string or a list"),
    ],
)
def test_bad_messages(messages: list[dict[str, Any]], problem: str) -> None:
    with pytest.raises(RequestValidationError, match=problem):
        ChatRequest("m", messages).validate()


@pytest.mark.parametrize(
    "options",
    [
        {"response_format": {"type": "xml"}},
        {"response_format": {"type": "json_schema"}},
        {"tool_choice": "always"},
        {"tools": [{"type": "function", "function": {}}]},
        {"logit_bias": {"1": 500}},
        {"max_tokens": 0},
        {"n": 2.5},
        {"stop": [1, 2]},
    ],
)
def test_bad_options(options: dict[str, Any]) -> None:
    with pytest.raises(RequestValidationError):
        ChatRequest.from_options("m", [{"role": "user", "content": "x"}], options)


def test_from_options_sorts_known_and_extra() -> None:
    request = ChatRequest.from_options(
        "m",
        [{"role": "user", "content": "x"}],
        {"temperature": 0.5, "response_format": "json_object", "top_k": 40},
    )
    assert request.temperature == 0.5
    assert request.response_format == {"type": "json_object"}
    assert request.extra == {"top_k": 40}
    with pytest.raises(RequestValidationError, match="stream"):
        ChatRequest.from_options("m", [{"role": "user", "content": "x"}], {"stream": False})


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.2", 0.2),
        ('["\\n"]', ["\n"]),
        ("true", True),
        ("hello", "hello"),
        ("", ""),
        ("null", None),
    ],
)
def test_option_values(text: str, value: Any) -> None:
    assert parse_option_value(text) == value


def test_split_data_url() -> None:
    assert split_data_url("data:image/jpeg;base64,AAAA") == ("image/jpeg", "AAAA")
    assert split_data_url("data:text/plain,hello") is None
    assert split_data_url("https://x/y.png") is None
