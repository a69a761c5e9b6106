"""Relay quirks that used to cost a whole reply: split surrogate pairs, huge numbers, deep JSON."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.api.parsers.json_event_stream import JsonEventStreamParser
from desktop.core.api.parsers.relay_values import MAX_DEPTH
from desktop.core.api.parsers.stream_parser import make_stream_parser
from desktop.core.api.styles import ApiStyle
from desktop.core.safe_text import without_lone_surrogates

from ..stream_cases import assemble, chunk_at, sse_body, two_chunk_splits

CHAT = ApiStyle.OPENAI_CHAT


def _chunk(content: str | None = None, finish: str | None = None, **extra: Any) -> str:
    """One chat chunk as ASCII JSON, so surrogate halves travel as `\\udXXX` escapes."""
    delta = {} if content is None else {"content": content}
    body = {
        "id": "c",
        "model": "m",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    body.update(extra)
    return json.dumps(body)  # ensure_ascii: a lone half becomes the escape a relay sends


def _run(style: ApiStyle, chunks: list[bytes]) -> tuple[Any, JsonEventStreamParser]:
    parser = make_stream_parser(style)
    assert isinstance(parser, JsonEventStreamParser)
    events: list[Any] = []
    for chunk in chunks:
        events.extend(parser.feed(chunk))
    events.extend(parser.close())
    return assemble(events), parser


def _storable(text: str) -> None:
    """What used to fail: SQLite and a UTF-8 terminal reject lone surrogates."""
    text.encode("utf-8")
    sqlite3.connect(":memory:").execute("SELECT ?", (text,)).fetchone()


SPLIT_EMOJI = sse_body(
    _chunk("Hi "), _chunk("\ud83d"), _chunk("\ude00 there"), _chunk(finish="stop")
)


def test_emoji_split_across_chunks_is_joined_at_every_byte_split() -> None:
    assert b"\\ud83d" in SPLIT_EMOJI and b"\\ude00" in SPLIT_EMOJI
    for offset, chunks in two_chunk_splits(SPLIT_EMOJI):
        result, parser = _run(CHAT, chunks)
        text = result.choices[0].text
        assert text == "Hi \U0001f600 there", f"split at byte {offset}"
        assert not result.interrupted and parser.malformed_chunks == 0
        _storable(text)


@pytest.mark.parametrize("style", list(ApiStyle))
def test_lone_halves_become_replacement_characters(style: ApiStyle) -> None:
    if style is ApiStyle.ANTHROPIC_MESSAGES:
        body = "".join(
            f"event: {e['type']}\ndata: {json.dumps(e)}\n\n"
            for e in [
                {
                    "type": "content_block_delta",
                    "index": 0,
                    "delta": {"type": "text_delta", "text": "a\udc00b"},
                },
                {
                    "type": "content_block_delta",
                    "index": 0,
                    "delta": {"type": "text_delta", "text": "c\ud800"},
                },
                {"type": "message_stop"},
            ]
        ).encode()
    elif style is ApiStyle.OPENAI_RESPONSES:
        body = sse_body(
            json.dumps({"type": "response.output_text.delta", "delta": "a\udc00b"}),
            json.dumps({"type": "response.output_text.delta", "delta": "c\ud800"}),
        )
    elif style is ApiStyle.OPENAI_COMPLETIONS:
        body = sse_body(
            json.dumps({"choices": [{"index": 0, "text": "a\udc00b"}]}),
            json.dumps({"choices": [{"index": 0, "text": "c\ud800"}]}),
        )
    else:
        body = sse_body(_chunk("a\udc00b"), _chunk("c\ud800"))
    result, _ = _run(style, [body])
    text = result.choices[0].text
    assert text == "a\ufffdbc\ufffd"
    _storable(text)


@settings(max_examples=150, deadline=None)
@given(
    pieces=st.lists(
        st.text(
            alphabet=st.sampled_from(["a", "é", "\U0001f600", "\ud83d", "\ude00", "\n"]), max_size=6
        ),
        min_size=1,
        max_size=8,
    ),
    cuts=st.lists(st.integers(0, 4000), max_size=5),
)
def test_any_surrogates_in_any_chunking_give_storable_text(
    pieces: list[str], cuts: list[int]
) -> None:
    body = sse_body(*[_chunk(p) for p in pieces], _chunk(finish="stop"))
    result, _ = _run(CHAT, chunk_at(body, cuts))
    text = result.choices[0].text if result.choices else ""
    assert text == without_lone_surrogates("".join(pieces))
    _storable(text)


@pytest.mark.parametrize("bad", [2**63, 2**64 + 5, 10**40, -1, 1.5, 1e300, "9" * 30])
def test_out_of_range_usage_drops_only_its_chunk(bad: Any) -> None:
    body = sse_body(
        _chunk("Hello "),
        _chunk("world", usage={"prompt_tokens": bad, "completion_tokens": 2}),
        _chunk(finish="stop"),
        json.dumps(
            {"id": "c", "choices": [], "usage": {"prompt_tokens": 3, "completion_tokens": 2}}
        ),
    )
    for offset, chunks in two_chunk_splits(body):
        result, parser = _run(CHAT, chunks)
        assert result.choices[0].text == "Hello world", f"split at {offset}"
        assert parser.malformed_chunks == 1
        assert not result.interrupted
        assert result.usage is not None and result.usage.prompt_tokens == 3


def test_out_of_range_usage_in_an_anthropic_stream() -> None:
    events = [
        {"type": "message_start", "message": {"id": "m", "usage": {"input_tokens": 2**70}}},
        {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "ok"}},
        {
            "type": "message_delta",
            "delta": {"stop_reason": "end_turn"},
            "usage": {"output_tokens": 4},
        },
        {"type": "message_stop"},
    ]
    body = "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events).encode()
    result, parser = _run(ApiStyle.ANTHROPIC_MESSAGES, [body])
    assert result.choices[0].text == "ok" and not result.interrupted
    assert result.usage is not None and result.usage.completion_tokens == 4
    assert parser.malformed_chunks == 1


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 5000, 200_000])
def test_deeply_nested_chunk_is_one_malformed_chunk(depth: int) -> None:
    deep = "[" * depth + "]" * depth
    nested = '{"id": "c", "choices": [], "x": ' + deep + "}"
    body = sse_body(_chunk("before "), nested, deep, _chunk("after", finish="stop"))
    result, parser = _run(CHAT, [body])
    assert result.choices[0].text == "before after"
    assert parser.malformed_chunks == 2
    assert not result.interrupted


def test_deep_plain_json_body_is_reported_not_raised() -> None:
    depth = 100_000
    result, parser = _run(CHAT, [("[" * depth + "]" * depth).encode()])
    assert parser.malformed_chunks >= 1
    assert result.choices == []


def test_whole_reply_with_lone_surrogates_and_deep_json() -> None:
    from desktop.core.api.parsers.provider_json import (
        MalformedResponseError,
        parse_chat_response,
    )

    body = json.dumps({
        "choices": [{"index": 0, "message": {"content": "a\ud83d\ude00b\udc00"},
                     "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 2**70, "completion_tokens": 1},
    })
    result = parse_chat_response(CHAT, body)
    assert result.choices[0].text == "a\U0001f600b\ufffd"
    assert result.usage is None  # an impossible count drops the usage, not the reply
    with pytest.raises(MalformedResponseError):
        parse_chat_response(CHAT, "[" * 100_000 + "]" * 100_000)


@settings(max_examples=150, deadline=None)
@given(
    count=st.one_of(
        st.integers(), st.floats(allow_nan=True, allow_infinity=True),
        st.text(alphabet="0123456789", min_size=1, max_size=40),
    ),
    style=st.sampled_from([ApiStyle.OPENAI_CHAT, ApiStyle.ANTHROPIC_MESSAGES]),
)
def test_any_usage_number_keeps_the_reply(count: Any, style: ApiStyle) -> None:
    if style is ApiStyle.ANTHROPIC_MESSAGES:
        events = [
            {"type": "content_block_delta", "index": 0,
             "delta": {"type": "text_delta", "text": "kept"}},
            {"type": "message_delta", "delta": {"stop_reason": "end_turn"},
             "usage": {"output_tokens": count}},
            {"type": "message_stop"},
        ]
        body = "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events).encode()
    else:
        body = sse_body(_chunk("kept"), _chunk(finish="stop", usage={"completion_tokens": count}))
    result, parser = _run(style, [body])
    assert result.choices[0].text == "kept" and not result.interrupted
    if result.usage is not None and result.usage.completion_tokens is not None:
        assert 0 <= result.usage.completion_tokens < 2**63
        _storable(str(result.usage.completion_tokens))
    else:
        assert parser.malformed_chunks <= 1
