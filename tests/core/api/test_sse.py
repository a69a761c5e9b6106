"""SSE decoder: WHATWG field rules, every line-end style, every chunk boundary."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.api.sse import ServerSentEvent, SSEDecoder

from .stream_cases import (
    byte_by_byte,
    chunk_at,
    decode_all,
    fixture_bytes,
    two_chunk_splits,
    with_line_ends,
)

SSE_FIXTURES = [
    "openai_chat_basic.sse",
    "openrouter_reasoning_crlf.sse",
    "unicode_separators.sse",
    "generic_fields.sse",
]
LINE_ENDS = {"lf": b"\n", "crlf": b"\r\n", "cr": b"\r"}


def _decode(chunks: list[bytes]) -> list[ServerSentEvent]:
    return decode_all(SSEDecoder, chunks)


@pytest.mark.parametrize("ending", LINE_ENDS)
@pytest.mark.parametrize("name", SSE_FIXTURES)
def test_every_two_chunk_split_gives_the_same_events(name: str, ending: str) -> None:
    body = with_line_ends(fixture_bytes(name), LINE_ENDS[ending])
    expected = _decode([body])
    assert expected, "fixture produced no events"
    for offset, chunks in two_chunk_splits(body):
        assert _decode(chunks) == expected, f"split at byte {offset}"


@pytest.mark.parametrize("ending", LINE_ENDS)
@pytest.mark.parametrize("name", SSE_FIXTURES)
def test_byte_by_byte_gives_the_same_events(name: str, ending: str) -> None:
    body = with_line_ends(fixture_bytes(name), LINE_ENDS[ending])
    assert _decode(byte_by_byte(body)) == _decode([body])


@pytest.mark.parametrize("ending", LINE_ENDS)
def test_line_end_styles_decode_alike(ending: str) -> None:
    body = fixture_bytes("openai_chat_basic.sse")
    assert _decode([with_line_ends(body, LINE_ENDS[ending])]) == _decode([body])


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(SSE_FIXTURES),
    ending=st.sampled_from(sorted(LINE_ENDS)),
    cuts=st.lists(st.integers(min_value=0, max_value=4000), max_size=40),
)
def test_random_chunkings_give_the_same_events(name: str, ending: str, cuts: list[int]) -> None:
    body = with_line_ends(fixture_bytes(name), LINE_ENDS[ending])
    assert _decode(chunk_at(body, cuts)) == _decode([body])


def test_openai_fixture_yields_json_data_events() -> None:
    events = _decode([fixture_bytes("openai_chat_basic.sse")])
    assert events[-1] == ServerSentEvent(data="[DONE]")
    payloads = [json.loads(e.data) for e in events[:-1]]
    text = "".join((c["delta"].get("content") or "") for p in payloads for c in p["choices"])
    assert text == "Hello! How can I help you today?"
    assert all(e.event == "message" and e.id is None for e in events)


def test_comments_are_skipped_and_counted() -> None:
    decoder = SSEDecoder()
    events = decoder.feed(fixture_bytes("openrouter_reasoning_crlf.sse")) + decoder.close()
    assert decoder.comments == 3
    assert all(not e.data.startswith(":") for e in events)
    assert events[-1].data == "[DONE]"
    assert len(events) == 5


def test_unicode_line_separators_inside_json_survive() -> None:
    events = _decode([fixture_bytes("unicode_separators.sse")])
    texts = [json.loads(e.data)["choices"][0]["delta"].get("content") for e in events[:-1]]
    assert texts[:5] == [
        "第一行\u2028第二行",
        "naïve \u0085 next",
        "emoji 👩‍💻 done",
        "Zeile\u2029Absatz",
        "\u00e9\u0301",
    ]


def test_multibyte_character_split_across_chunks() -> None:
    body = "data: 👩‍💻\n\n".encode()
    start = body.index(b"\xf0")
    for offset in range(start + 1, start + 4):
        assert _decode([body[:offset], body[offset:]]) == [ServerSentEvent(data="👩‍💻")]


def test_crlf_split_across_chunks_is_one_line_end() -> None:
    # If the LF after a chunk-final CR counted as a second line end, "a" would be dispatched
    # early and "b" would become a separate event.
    chunks = [b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"]
    assert _decode(chunks) == [ServerSentEvent(data="a\nb")]


def test_cr_only_lines() -> None:
    assert _decode([b"event: x\rdata: 1\r\rdata: 2\r\r"]) == [
        ServerSentEvent(event="x", data="1"),
        ServerSentEvent(data="2"),
    ]


def test_generic_fields_follow_the_spec() -> None:
    decoder = SSEDecoder()
    events = decoder.feed(fixture_bytes("generic_fields.sse")) + decoder.close()
    assert events == [
        ServerSentEvent("greeting", "first line\nsecond line\n two spaces kept", "1", 3000),
        ServerSentEvent("message", "", "1", None),
        ServerSentEvent("message", '{"a": 1}', "2", None),
        ServerSentEvent("message", "after unknown", "2", None),
        ServerSentEvent("message", "bad retry ignored", "2", None),
        ServerSentEvent("message", "no trailing blank line", "2", None),
    ]
    assert decoder.comments == 3
    assert decoder.last_event_id == "2"
    assert decoder.last_retry == 3000


def test_bom_is_stripped_only_at_the_start() -> None:
    bom = b"\xef\xbb\xbf"
    assert _decode([bom + b"data: x\n\n"]) == [ServerSentEvent(data="x")]
    assert _decode([bom[:1], bom[1:], b"data: x\n\n"]) == [ServerSentEvent(data="x")]
    # A BOM later in the stream is part of the field name, which makes it unknown.
    assert _decode([b"data: x\n\n" + bom + b"data: y\n\n"]) == [ServerSentEvent(data="x")]


def test_event_name_resets_after_dispatch_and_events_without_data_are_dropped() -> None:
    assert _decode([b"event: a\n\nevent: b\ndata: 1\n\ndata: 2\n\n"]) == [
        ServerSentEvent(event="b", data="1"),
        ServerSentEvent(data="2"),
    ]


def test_only_one_leading_space_is_removed_and_colons_in_values_are_kept() -> None:
    assert _decode([b"data:   x: y\n\n"]) == [ServerSentEvent(data="  x: y")]


def test_id_with_nul_is_ignored() -> None:
    assert _decode([b"id: a\x00b\ndata: x\n\n"]) == [ServerSentEvent(data="x", id=None)]


def test_empty_chunks_and_empty_body() -> None:
    assert _decode([]) == []
    assert _decode([b"", b"", b""]) == []
    assert _decode([b"\n\n\r\n"]) == []


def test_close_without_pending_data_dispatches_nothing() -> None:
    assert _decode([b"data: x\n\n", b"event: y\n"]) == [ServerSentEvent(data="x")]


def test_invalid_utf8_is_replaced_not_raised() -> None:
    assert _decode([b"data: \xff\xfe ok\n\n"]) == [ServerSentEvent(data="\ufffd\ufffd ok")]


def test_long_line_in_tiny_chunks_is_reassembled() -> None:
    payload = "x" * 50_000
    body = f"data: {payload}\n\n".encode()
    assert _decode([body[i : i + 7] for i in range(0, len(body), 7)]) == [
        ServerSentEvent(data=payload)
    ]
