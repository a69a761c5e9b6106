"""The client against the fake provider over a real socket: exact request bodies and headers,
streams with relay quirks end to end, interruptions, cancellation and connection release."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Coroutine
from typing import Any, TypeVar

import pytest

from desktop.core.api.client import ApiClient
from desktop.core.api.errors import (
    APIStatusError,
    ContentPolicyError,
    MalformedResponseError,
    StreamInterruptedError,
)
from desktop.core.api.events import ChatResult, StreamEnd, StreamEvent, TextDelta
from desktop.core.api.requests_anthropic import DEFAULT_ANTHROPIC_MAX_TOKENS
from desktop.core.api.requests_openai import ChatRequest, RequestValidationError
from desktop.core.api.styles import ApiStyle
from tests.helpers.fake_provider import Chunk, FakeProvider, Reply

from .conftest import ClientFactory

T = TypeVar("T")
PIXEL = "data:image/png;base64,iVBORw0KGgo="
USER = [{"role": "user", "content": "Hi"}]


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


async def _chat(client: ApiClient, request: ChatRequest) -> ChatResult:
    async with client:
        return await client.chat(request)


async def _stream(client: ApiClient, request: ChatRequest) -> tuple[list[StreamEvent], ChatResult]:
    async with client, client.stream_chat(request) as stream:
        events = [event async for event in stream]
    return events, stream.result


def _chunk(content: str | None = None, finish: str | None = None, **delta: Any) -> dict[str, Any]:
    if content is not None:
        delta["content"] = content
    return {"id": "c1", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


# -- request bodies ---------------------------------------------------------------------------


def test_every_set_parameter_is_sent_exactly(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    messages = [
        {"role": "system", "content": "Be brief."},
        {
            "role": "user",
            "name": "ann",
            "content": [
                {"type": "text", "text": "What is this?"},
                {"type": "image_url", "image_url": {"url": PIXEL, "detail": "low"}},
                {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}},
            ],
        },
    ]
    tools = [{"type": "function", "function": {"name": "look", "parameters": {"type": "object"}}}]
    request = ChatRequest(
        model="gpt-x",
        messages=messages,
        temperature=0.2,
        top_p=0.9,
        max_tokens=100,
        max_completion_tokens=200,
        n=2,
        stop=["\n", "END"],
        presence_penalty=0.5,
        frequency_penalty=-0.5,
        logit_bias={"50256": -100},
        seed=7,
        user="user-123",
        response_format={"type": "json_object"},
        tools=tools,
        tool_choice="auto",
        extra={"reasoning_effort": "low"},
    )
    run(_chat(make_client(), request))
    assert fake_provider.bodies("/chat/completions") == [
        {
            "model": "gpt-x",
            "messages": messages,
            "temperature": 0.2,
            "top_p": 0.9,
            "max_tokens": 100,
            "max_completion_tokens": 200,
            "n": 2,
            "stop": ["\n", "END"],
            "presence_penalty": 0.5,
            "frequency_penalty": -0.5,
            "logit_bias": {"50256": -100},
            "seed": 7,
            "user": "user-123",
            "response_format": {"type": "json_object"},
            "tools": tools,
            "tool_choice": "auto",
            "reasoning_effort": "low",
            "stream": False,
        }
    ]


def test_unset_parameters_are_omitted(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    run(_chat(make_client(), ChatRequest(model="m", messages=USER)))
    run(_stream(make_client(include_usage=False), ChatRequest(model="m", messages=USER)))
    assert fake_provider.bodies("/chat/completions") == [
        {"model": "m", "messages": USER, "stream": False},
        {"model": "m", "messages": USER, "stream": True},
    ]


def test_stream_asks_for_usage_by_default(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    _events, result = run(_stream(make_client(), ChatRequest(model="m", messages=USER, seed=0)))
    body = fake_provider.bodies("/chat/completions")[0]
    assert body["stream_options"] == {"include_usage": True}
    assert body["seed"] == 0  # zero is a value, not "unset"
    assert result.usage is not None and result.usage.total_tokens == 10


def test_openai_headers(
    fake_provider: FakeProvider, make_client: ClientFactory, fake_key: str
) -> None:
    client = make_client(extra_headers={"X-Title": "Switchboard", "HTTP-Referer": "https://x"})
    run(_chat(client, ChatRequest(model="m", messages=USER)))
    headers = fake_provider.requests[0].headers
    assert headers["authorization"] == f"Bearer {fake_key}"
    assert headers["x-title"] == "Switchboard"
    assert headers["http-referer"] == "https://x"
    assert "x-api-key" not in headers


def test_no_key_sends_no_auth_header(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    run(_chat(make_client(key=None), ChatRequest(model="m", messages=USER)))
    assert "authorization" not in fake_provider.requests[0].headers


def test_anthropic_request(
    fake_provider: FakeProvider, make_client: ClientFactory, fake_key: str
) -> None:
    messages = [
        {"role": "system", "content": "Be brief."},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "What is this?"},
                {"type": "image_url", "image_url": {"url": PIXEL}},
            ],
        },
    ]
    request = ChatRequest(model="claude-x", messages=messages, temperature=0.1, stop="END")
    events, result = run(_stream(make_client(ApiStyle.ANTHROPIC_MESSAGES), request))
    sent = fake_provider.requests[0]
    assert sent.path == "/v1/messages"
    assert sent.headers["x-api-key"] == fake_key
    assert sent.headers["anthropic-version"] == "2023-06-01"
    assert "authorization" not in sent.headers
    assert sent.json == {
        "model": "claude-x",
        "max_tokens": DEFAULT_ANTHROPIC_MAX_TOKENS,
        "system": "Be brief.",
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "What is this?"},
                    {
                        "type": "image",
                        "source": {
                            "type": "base64",
                            "media_type": "image/png",
                            "data": "iVBORw0KGgo=",
                        },
                    },
                ],
            }
        ],
        "temperature": 0.1,
        "stop_sequences": ["END"],
        "stream": True,
    }
    assert result.choices[0].text == fake_provider.default_text
    assert isinstance(events[-1], StreamEnd)


def test_anthropic_uses_the_users_max_tokens(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    run(_chat(make_client(ApiStyle.ANTHROPIC_MESSAGES), ChatRequest("m", USER, max_tokens=9)))
    assert fake_provider.requests[0].json["max_tokens"] == 9


def test_responses_request(fake_provider: FakeProvider, make_client: ClientFactory) -> None:
    messages = [
        {"role": "system", "content": "Be brief."},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "What?"},
                {"type": "image_url", "image_url": {"url": PIXEL, "detail": "high"}},
            ],
        },
    ]
    request = ChatRequest(model="gpt-r", messages=messages, max_tokens=50)
    _events, result = run(_stream(make_client(ApiStyle.OPENAI_RESPONSES), request))
    assert fake_provider.requests[0].path == "/v1/responses"
    assert fake_provider.requests[0].json == {
        "model": "gpt-r",
        "instructions": "Be brief.",
        "input": [
            {
                "type": "message",
                "role": "user",
                "content": [
                    {"type": "input_text", "text": "What?"},
                    {"type": "input_image", "image_url": PIXEL, "detail": "high"},
                ],
            }
        ],
        "max_output_tokens": 50,
        "stream": True,
    }
    assert result.choices[0].text == fake_provider.default_text


@pytest.mark.parametrize(
    "options",
    [{"n": 11}, {"n": 0}, {"stop": ["a", "b", "c", "d", "e"]}, {"temperature": 3}, {"top_p": "x"}],
)
def test_wrong_values_are_refused_before_sending(
    fake_provider: FakeProvider, make_client: ClientFactory, options: dict[str, Any]
) -> None:
    with pytest.raises(RequestValidationError):
        ChatRequest.from_options("m", USER, options)
    with pytest.raises(RequestValidationError):
        run(_chat(make_client(), ChatRequest("m", USER, **options)))
    assert fake_provider.requests == []


# -- non-streamed replies ---------------------------------------------------------------------


def test_whole_reply_with_choices_tools_and_usage_details(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    body = {
        "id": "chatcmpl-1",
        "model": "gpt-x",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "A"}, "finish_reason": "stop"},
            {
                "index": 1,
                "message": {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": "look", "arguments": '{"q": 1}'},
                        }
                    ],
                },
                "finish_reason": "tool_calls",
            },
        ],
        "usage": {
            "prompt_tokens": 3,
            "completion_tokens": 4,
            "total_tokens": 7,
            "completion_tokens_details": {"reasoning_tokens": 2},
            "prompt_tokens_details": {"cached_tokens": 1},
        },
    }
    fake_provider.script("/chat/completions", Reply.json(body))
    result = run(_chat(make_client(), ChatRequest("m", USER, n=2)))
    assert [c.text for c in result.choices] == ["A", ""]
    assert result.choices[1].tool_calls[0].name == "look"
    assert result.choices[1].tool_calls[0].arguments == '{"q": 1}'
    assert result.usage is not None
    assert (result.usage.reasoning_tokens, result.usage.cached_tokens) == (2, 1)


def test_whole_reply_that_is_a_stream_anyway(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.script(
        "/chat/completions", Reply.sse([_chunk("Str"), _chunk("eamed", finish="stop")])
    )
    result = run(_chat(make_client(), ChatRequest("m", USER)))
    assert result.choices[0].text == "Streamed"


def test_error_object_in_a_200_reply(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.script(
        "/chat/completions",
        Reply.json({"error": {"message": "blocked by filter", "code": "content_filter"}}),
    )
    with pytest.raises(ContentPolicyError) as caught:
        run(_chat(make_client(), ChatRequest("m", USER)))
    assert caught.value.provider_message == "blocked by filter"


def test_html_page_with_200_is_malformed(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.script(
        "/chat/completions",
        Reply.text("<html><title>Welcome</title></html>", content_type="text/html"),
    )
    with pytest.raises(MalformedResponseError) as caught:
        run(_chat(make_client(), ChatRequest("m", USER)))
    assert "base URL" in caught.value.explanation


# -- streams with quirks, end to end ----------------------------------------------------------


def _text(result: ChatResult) -> str:
    return result.choices[0].text if result.choices else ""


def test_comments_keepalives_and_no_done_marker(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    events = [": OPENROUTER PROCESSING", _chunk("Hel"), ": ping", _chunk("lo", finish="stop")]
    fake_provider.script("/chat/completions", Reply.sse(events, done=False))
    received, result = run(_stream(make_client(), ChatRequest("m", USER)))
    assert _text(result) == "Hello"
    assert received[-1] == StreamEnd(interrupted=False, done_marker=False)


def test_crlf_lines_and_utf8_split_across_network_chunks(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    body = (
        "".join(
            f"data: {json.dumps(_chunk(t), ensure_ascii=False)}\r\n\r\n"
            for t in ("héllo ", "wörld\u2028")
        ).encode()
        + b'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\r\n\r\n'
        + b"data: [DONE]\r\n\r\n"
    )
    cut = body.index("ö".encode()) + 1  # inside the two-byte ö
    crlf = body.index(b"\r\n") + 1  # between CR and LF
    pieces = [body[:crlf], body[crlf:cut], body[cut:]]
    fake_provider.script(
        "/chat/completions",
        Reply(200, {"Content-Type": "text/event-stream"}, [Chunk(p, 0.01) for p in pieces]),
    )
    _received, result = run(_stream(make_client(), ChatRequest("m", USER)))
    assert _text(result) == "héllo wörld\u2028"


def test_wrong_content_type_still_streams(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.script(
        "/chat/completions",
        Reply.sse([_chunk("ok", finish="stop")], content_type="text/plain; charset=utf-8"),
    )
    _received, result = run(_stream(make_client(), ChatRequest("m", USER)))
    assert _text(result) == "ok"


def test_plain_json_body_when_stream_was_asked(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    body = {
        "id": "x",
        "choices": [{"index": 0, "message": {"content": "whole"}, "finish_reason": "stop"}],
    }
    fake_provider.script("/chat/completions", Reply.json(body))
    _received, result = run(_stream(make_client(), ChatRequest("m", USER)))
    assert _text(result) == "whole"


def test_error_inside_200_stream_after_text_keeps_the_text(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    events = [
        _chunk("Partial "),
        _chunk("answer"),
        {"error": {"message": "upstream overloaded", "code": "server_error"}},
    ]
    fake_provider.script("/chat/completions", Reply.sse(events, done=False))
    seen: list[str] = []

    async def consume() -> None:
        async with make_client() as client, client.stream_chat(ChatRequest("m", USER)) as stream:
            async for event in stream:
                if isinstance(event, TextDelta):
                    seen.append(event.text)

    with pytest.raises(APIStatusError) as caught:
        run(consume())
    assert "".join(seen) == "Partial answer"
    assert caught.value.partial is not None
    assert caught.value.partial.choices[0].text == "Partial answer"
    assert "upstream overloaded" in caught.value.explanation
    assert len(fake_provider.requests) == 1


def test_stream_without_finish_that_just_ends_is_interrupted(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.script("/chat/completions", Reply.sse([_chunk("cut o")], done=False))
    with pytest.raises(StreamInterruptedError) as caught:
        run(_stream(make_client(), ChatRequest("m", USER)))
    assert caught.value.partial is not None
    assert caught.value.partial.choices[0].text == "cut o"
    assert caught.value.partial.interrupted
    assert "interrupted" in caught.value.explanation


def test_connection_dropped_mid_body_is_not_retried(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: Any
) -> None:
    fake_provider.script(
        "/chat/completions", Reply.sse([_chunk("Some "), _chunk("text")], done=False, drop=True)
    )
    with pytest.raises(StreamInterruptedError) as caught:
        run(_stream(make_client(), ChatRequest("m", USER)))
    assert caught.value.partial is not None
    assert caught.value.partial.choices[0].text == "Some text"
    assert "kept" in caught.value.explanation
    assert len(fake_provider.requests) == 1
    assert sleeps.delays == []


def test_connection_dropped_before_any_body_is_retried(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: Any
) -> None:
    fake_provider.script(
        "/chat/completions", Reply(200, {"Content-Type": "text/event-stream"}, [], drop=True)
    )
    _received, result = run(_stream(make_client(), ChatRequest("m", USER)))
    assert _text(result) == fake_provider.default_text
    assert len(fake_provider.requests) == 2
    assert sleeps.delays == [0.5]


@pytest.mark.parametrize("style", list(ApiStyle))
def test_every_style_streams_and_whole(
    fake_provider: FakeProvider, make_client: ClientFactory, style: ApiStyle
) -> None:
    request = ChatRequest("m", [{"role": "system", "content": "S"}, *USER])
    _events, streamed = run(_stream(make_client(style), request))
    whole = run(_chat(make_client(style), request))
    assert _text(streamed) == _text(whole) == fake_provider.default_text


# -- cancellation and connection release -------------------------------------------------------


def _active_connections(client: ApiClient) -> list[Any]:
    pool = client.http._transport._pool  # type: ignore[attr-defined]
    return [c for c in pool.connections if not (c.is_idle() or c.is_closed())]


def test_cancelling_the_consumer_closes_the_response(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    slow = [_chunk(f"w{i} ") for i in range(200)]
    fake_provider.script("/chat/completions", Reply.sse(slow, delay=0.05))

    async def scenario() -> list[Any]:
        client = make_client()
        first = asyncio.Event()

        async def consume() -> None:
            async with client.stream_chat(ChatRequest("m", USER)) as stream:
                async for event in stream:
                    if isinstance(event, TextDelta):
                        first.set()

        task = asyncio.create_task(consume())
        await asyncio.wait_for(first.wait(), 5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        active = _active_connections(client)
        assert await asyncio.to_thread(fake_provider.wait_for_disconnect, 5.0)
        await client.aclose()
        return active

    assert run(scenario()) == []
    assert fake_provider.requests[0].disconnected


def test_breaking_out_early_releases_the_connection(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.script("/chat/completions", Reply.sse([_chunk("x")] * 100, delay=0.02))

    async def scenario() -> list[Any]:
        async with make_client() as client:
            async with client.stream_chat(ChatRequest("m", USER)) as stream:
                async for _event in stream:
                    break
            active = _active_connections(client)
            # The pool is still usable afterwards.
            await client.chat(ChatRequest("m", USER))
            return active

    assert run(scenario()) == []
    assert fake_provider.wait_for_disconnect(5.0)


def test_finished_stream_returns_connection_to_pool(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    async def scenario() -> tuple[list[Any], int]:
        async with make_client() as client:
            for _ in range(3):
                async with client.stream_chat(ChatRequest("m", USER)) as stream:
                    async for _event in stream:
                        pass
            pool = client.http._transport._pool  # type: ignore[attr-defined]
            return _active_connections(client), len(pool.connections)

    active, total = run(scenario())
    assert active == []
    assert total == 1  # keep-alive reuse: the three streams shared one connection


# -- secrets ----------------------------------------------------------------------------------


def test_key_never_in_logs_or_errors(
    fake_provider: FakeProvider,
    make_client: ClientFactory,
    fake_key: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake_provider.script(
        "/chat/completions",
        Reply.error(401, f"Incorrect API key provided: {fake_key}. Check it.", "invalid_api_key"),
    )
    caplog.set_level(logging.DEBUG)
    with pytest.raises(APIStatusError) as caught:
        run(_chat(make_client(max_retries=0), ChatRequest("m", USER)))
    run(_stream(make_client(), ChatRequest("m", USER)))
    assert fake_provider.requests[0].headers["authorization"] == f"Bearer {fake_key}"
    assert caplog.text  # something was logged
    assert fake_key not in caplog.text
    assert fake_key not in caught.value.details()
    assert fake_key not in repr(caught.value.args)


def test_web_page_instead_of_a_stream_is_malformed(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.script(
        "/chat/completions",
        Reply.text("<html><title>Welcome to nginx</title></html>", content_type="text/html"),
    )
    with pytest.raises(MalformedResponseError) as caught:
        run(_stream(make_client(), ChatRequest("m", USER)))
    assert "base URL" in caught.value.explanation
    assert "nginx" in caught.value.explanation


def test_anthropic_error_event_after_text(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    start = {
        "type": "message_start",
        "message": {"id": "m1", "model": "c", "content": [], "usage": {"input_tokens": 1}},
    }
    events = [
        f"event: message_start\ndata: {json.dumps(start)}",
        'event: content_block_start\ndata: {"type":"content_block_start","index":0,'
        '"content_block":{"type":"text","text":""}}',
        'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,'
        '"delta":{"type":"text_delta","text":"Bonjour"}}',
        'event: error\ndata: {"type":"error","error":{"type":"overloaded_error",'
        '"message":"Overloaded"}}',
    ]
    fake_provider.script("/messages", Reply.sse(events, done=False))
    with pytest.raises(APIStatusError) as caught:
        run(_stream(make_client(ApiStyle.ANTHROPIC_MESSAGES), ChatRequest("c", USER)))
    assert "Overloaded" in caught.value.explanation
    assert caught.value.partial is not None
    assert caught.value.partial.choices[0].text == "Bonjour"


def test_responses_failed_event(fake_provider: FakeProvider, make_client: ClientFactory) -> None:
    failed = {
        "type": "response.failed",
        "response": {
            "id": "r1",
            "status": "failed",
            "output": [],
            "error": {"code": "server_error", "message": "The model crashed"},
        },
    }
    delta = {"type": "response.output_text.delta", "output_index": 0, "delta": "Hal"}
    events = [
        f"event: response.output_text.delta\ndata: {json.dumps(delta)}",
        f"event: response.failed\ndata: {json.dumps(failed)}",
    ]
    fake_provider.script("/responses", Reply.sse(events, done=False))
    with pytest.raises(APIStatusError) as caught:
        run(_stream(make_client(ApiStyle.OPENAI_RESPONSES), ChatRequest("g", USER)))
    assert "The model crashed" in caught.value.explanation
    assert caught.value.partial is not None
    assert caught.value.partial.choices[0].text == "Hal"


def test_concurrent_streams_share_the_pool(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    async def scenario() -> tuple[list[str], list[Any]]:
        async with make_client() as client:

            async def one(i: int) -> str:
                async with client.stream_chat(ChatRequest("m", USER, seed=i)) as stream:
                    async for _event in stream:
                        pass
                return _text(stream.result)

            texts = await asyncio.gather(*(one(i) for i in range(20)))
            return list(texts), _active_connections(client)

    texts, active = run(scenario())
    assert texts == [fake_provider.default_text] * 20
    assert active == []
    assert sorted(body["seed"] for body in fake_provider.bodies("/chat/completions")) == list(
        range(20)
    )


def test_whole_responses_reply_that_failed(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    body = {
        "id": "r1",
        "object": "response",
        "status": "failed",
        "output": [],
        "error": {"code": "rate_limit_exceeded", "message": "Too many tokens"},
    }
    fake_provider.script("/responses", Reply.json(body))
    with pytest.raises(APIStatusError) as caught:
        run(_chat(make_client(ApiStyle.OPENAI_RESPONSES), ChatRequest("g", USER)))
    assert "Too many tokens" in caught.value.explanation


def test_whole_anthropic_reply_with_thinking_and_tool_use(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    body = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude-x",
        "content": [
            {"type": "thinking", "thinking": "Let me look.", "signature": "s"},
            {"type": "text", "text": "Checking."},
            {"type": "tool_use", "id": "tu_1", "name": "weather", "input": {"city": "Oslo"}},
        ],
        "stop_reason": "tool_use",
        "usage": {"input_tokens": 10, "output_tokens": 5},
    }
    fake_provider.script("/messages", Reply.json(body))
    result = run(_chat(make_client(ApiStyle.ANTHROPIC_MESSAGES), ChatRequest("c", USER)))
    choice = result.choices[0]
    assert (choice.text, choice.reasoning) == ("Checking.", "Let me look.")
    assert choice.tool_calls[0].name == "weather"
    assert json.loads(choice.tool_calls[0].arguments) == {"city": "Oslo"}
    assert choice.finish_reason == "tool_calls"
