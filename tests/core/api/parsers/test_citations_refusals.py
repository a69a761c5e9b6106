"""Citations, refusals and usage details per API style, from real provider bytes.

The bodies are the fake provider's scripted replies (`tests/helpers/reply_fields.py`): the
same bytes the streaming and whole-reply tests of the service receive over HTTP.
"""

from __future__ import annotations

import json

import pytest

from desktop.core.api.assembler import StreamAssembler
from desktop.core.api.events import ChatResult
from desktop.core.api.parsers.provider_json import parse_chat_response
from desktop.core.api.parsers.stream_parser import make_stream_parser
from desktop.core.api.styles import ApiStyle
from desktop.core.reply_parts import Citation
from tests.helpers.fake_provider import Reply
from tests.helpers.reply_fields import (
    CITED_TEXT,
    FAIR_END,
    REFUSAL,
    TOUR_URL,
    TOWER_END,
    WIKI_URL,
    anthropic_cited,
    chat_cited,
    chat_refusal,
    responses_cited,
)


def _body(reply: Reply) -> bytes:
    return b"".join(chunk.data for chunk in reply.chunks)


def _streamed(style: ApiStyle, reply: Reply, piece: int = 7) -> ChatResult:
    """Feed the body in small pieces (events split anywhere), as the network delivers it."""
    parser = make_stream_parser(style)
    assembler = StreamAssembler()
    body = _body(reply)
    for start in range(0, len(body), piece):
        for event in parser.feed(body[start:start + piece]):
            assembler.add(event)
    for event in parser.close():
        assembler.add(event)
    return assembler.result


def _whole(style: ApiStyle, reply: Reply) -> ChatResult:
    return parse_chat_response(style, _body(reply))


@pytest.mark.parametrize("read", [_streamed, _whole], ids=["streamed", "whole"])
def test_openai_chat_url_citations_keep_their_indices(read) -> None:  # type: ignore[no-untyped-def]
    result = read(ApiStyle.OPENAI_CHAT, chat_cited(stream=read is _streamed))
    (choice,) = result.choices
    assert choice.text == CITED_TEXT
    assert choice.citations == [
        Citation(TOUR_URL, "The Eiffel Tower – official site", 0, TOWER_END),
        Citation(WIKI_URL, "Eiffel Tower - Wikipedia", TOWER_END + 1, FAIR_END),
    ]  # the javascript: one is dropped
    assert len(choice.annotations) == 3  # passed through raw for `ask --json`
    assert result.usage is not None
    assert (result.usage.cached_tokens, result.usage.reasoning_tokens) == (1024, 192)
    raw = json.loads(result.usage.raw or "{}")
    assert raw["prompt_tokens_details"]["audio_tokens"] == 0


@pytest.mark.parametrize("read", [_streamed, _whole], ids=["streamed", "whole"])
def test_responses_annotations_are_placed_in_the_whole_text(read) -> None:  # type: ignore[no-untyped-def]
    result = read(ApiStyle.OPENAI_RESPONSES, responses_cited(stream=read is _streamed))
    (choice,) = result.choices
    assert choice.text == CITED_TEXT
    assert choice.citations == [
        Citation(TOUR_URL, "The Eiffel Tower – official site", 0, TOWER_END)]
    assert result.usage is not None
    assert (result.usage.cached_tokens, result.usage.reasoning_tokens) == (256, 64)


def test_responses_second_text_part_indices_are_offset() -> None:
    first = "Intro paragraph. "
    body = {"id": "r", "object": "response", "status": "completed", "output": [
        {"type": "message", "content": [
            {"type": "output_text", "text": first, "annotations": []},
            {"type": "output_text", "text": "Cited claim.", "annotations": [
                {"type": "url_citation", "url": "https://example.org/a", "title": "A",
                 "start_index": 0, "end_index": 12}]},
        ]}]}
    (choice,) = parse_chat_response(ApiStyle.OPENAI_RESPONSES, json.dumps(body)).choices
    assert choice.citations == [Citation("https://example.org/a", "A", len(first),
                                         len(first) + 12)]


@pytest.mark.parametrize("read", [_streamed, _whole], ids=["streamed", "whole"])
def test_anthropic_citations_belong_to_the_end_of_their_block(read) -> None:  # type: ignore[no-untyped-def]
    result = read(ApiStyle.ANTHROPIC_MESSAGES, anthropic_cited(stream=read is _streamed))
    (choice,) = result.choices
    assert choice.text == CITED_TEXT
    (citation,) = choice.citations
    assert (citation.url, citation.end, citation.start) == (TOUR_URL, TOWER_END, None)
    assert citation.cited_text.startswith("The tower is 330 metres")
    assert choice.refusal is None
    assert result.usage is not None and result.usage.cached_tokens == 2000
    assert "web_search_requests" in (result.usage.raw or "")


@pytest.mark.parametrize("read", [_streamed, _whole], ids=["streamed", "whole"])
def test_anthropic_refusal_stop_reason_is_a_refusal(read) -> None:  # type: ignore[no-untyped-def]
    result = read(ApiStyle.ANTHROPIC_MESSAGES,
                  anthropic_cited(stream=read is _streamed, refusal=True))
    (choice,) = result.choices
    assert choice.refusal == ""  # refused, without words of its own
    assert choice.finish_reason == "content_filter"
    assert choice.text == CITED_TEXT  # the text before the refusal is kept


@pytest.mark.parametrize("read", [_streamed, _whole], ids=["streamed", "whole"])
def test_openai_chat_refusal_beside_text(read) -> None:  # type: ignore[no-untyped-def]
    result = read(ApiStyle.OPENAI_CHAT,
                  chat_refusal(stream=read is _streamed, text="Partial answer."))
    (choice,) = result.choices
    assert (choice.text, choice.refusal) == ("Partial answer.", REFUSAL)


def test_responses_refusal_from_final_item_when_no_deltas_came() -> None:
    item = {"id": "m", "type": "message", "content": [{"type": "refusal", "refusal": REFUSAL}]}
    reply = Reply.sse([
        {"type": "response.output_item.done", "output_index": 0, "item": item},
        {"type": "response.completed", "response": {"status": "completed", "output": [item]}},
    ], done=False)
    (choice,) = _streamed(ApiStyle.OPENAI_RESPONSES, reply).choices
    assert choice.refusal == REFUSAL
    (choice,) = _whole(ApiStyle.OPENAI_RESPONSES, Reply.json(
        {"status": "completed", "output": [item]})).choices
    assert choice.refusal == REFUSAL


def test_responses_streamed_refusal_deltas() -> None:
    reply = Reply.sse([
        {"type": "response.refusal.delta", "item_id": "m", "output_index": 0,
         "content_index": 0, "delta": "I can't"},
        {"type": "response.refusal.delta", "item_id": "m", "output_index": 0,
         "content_index": 0, "delta": " help with making that."},
        {"type": "response.output_item.done", "output_index": 0, "item": {
            "id": "m", "type": "message",
            "content": [{"type": "refusal", "refusal": REFUSAL}]}},
        {"type": "response.completed", "response": {"status": "completed", "output": []}},
    ], done=False)
    (choice,) = _streamed(ApiStyle.OPENAI_RESPONSES, reply).choices
    assert choice.refusal == REFUSAL  # not twice


def test_hostile_annotations_are_capped_and_validated() -> None:
    long_title = "T" * 5000
    annotations = [{"type": "url_citation", "url_citation": {
        "url": f"https://example.org/{n}", "title": long_title, "start_index": 0,
        "end_index": 10 ** 12}} for n in range(500)]
    annotations += [
        {"type": "url_citation", "url_citation": {"url": "file:///etc/passwd"}},
        {"type": "url_citation", "url_citation": {"url": "https://" + "a" * 5000 + ".org"}},
        {"type": "url_citation", "url_citation": {"url": "https://exa mple.org/"}},
        {"type": "url_citation", "url_citation": "not an object"},
        "not a dict", 7,
    ]
    body = {"choices": [{"index": 0, "message": {"content": "x", "annotations": annotations}}]}
    (choice,) = parse_chat_response(ApiStyle.OPENAI_CHAT, json.dumps(body)).choices
    assert len(choice.citations) == 100
    assert all(c.url.startswith("https://example.org/") for c in choice.citations)
    assert all(len(c.title) <= 300 and c.end is None for c in choice.citations)
