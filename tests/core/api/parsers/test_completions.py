"""Legacy text-completions stream parser."""

from __future__ import annotations

from desktop.core.api.events import LogprobsEvent, StreamEnd
from desktop.core.api.styles import ApiStyle
from desktop.core.reply_parts import Usage

from ..stream_cases import (
    assemble,
    byte_by_byte,
    fixture_bytes,
    parse_events,
    sse_body,
    two_chunk_splits,
)

STYLE = ApiStyle.OPENAI_COMPLETIONS


def test_every_split_and_byte_by_byte() -> None:
    body = fixture_bytes("completions_stream.sse")
    expected = parse_events(STYLE, [body])
    for offset, chunks in two_chunk_splits(body):
        assert parse_events(STYLE, chunks) == expected, f"split at byte {offset}"
    assert parse_events(STYLE, byte_by_byte(body)) == expected


def test_text_finish_and_usage() -> None:
    events = parse_events(STYLE, [fixture_bytes("completions_stream.sse")])
    result = assemble(events)
    assert result.choices[0].text == "\n\nThis is a test"
    assert result.choices[0].finish_reason == "length"
    assert result.usage == Usage(5, 5, 10)
    assert events[-1] == StreamEnd(interrupted=False, done_marker=True)


def test_legacy_logprobs_and_think_tags_untouched() -> None:
    chunk = {
        "choices": [
            {
                "text": "<think>x</think>",
                "index": 0,
                "logprobs": {"tokens": ["a"], "token_logprobs": [-1.0], "top_logprobs": None},
            }
        ]
    }
    events = parse_events(STYLE, [sse_body(chunk)])
    assert LogprobsEvent(0, ({"token": "a", "logprob": -1.0},)) in events
    assert assemble(events).choices[0].text == "<think>x</think>"


def test_server_answering_in_chat_shape() -> None:
    chunk = {"choices": [{"index": 0, "delta": {"content": "chatty"}, "finish_reason": "stop"}]}
    assert assemble(parse_events(STYLE, [sse_body(chunk)])).choices[0].text == "chatty"


def test_plain_json_completion() -> None:
    result = assemble(parse_events(STYLE, [fixture_bytes("completions_text.json")]))
    assert [c.text for c in result.choices] == ["\n\nThis is indeed a test", " Second"]
