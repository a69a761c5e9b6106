"""Scripted fake-provider replies that carry refusals, citations and detailed usage.

Shapes as the providers send them (OpenAI chat and Responses, Anthropic Messages), streamed
and whole, for `FakeProvider.script(path, reply)`.
"""

from __future__ import annotations

import json
from typing import Any

from tests.helpers.fake_provider import Reply

CITED_TEXT = (
    "The Eiffel Tower is 330 metres tall. It was finished in 1889 for the World's Fair."
)
"""The reply text the citation scripts use; the annotations point into it."""
TOWER_END = CITED_TEXT.index(" It was")
FAIR_END = len(CITED_TEXT)
TOUR_URL = "https://www.toureiffel.paris/en/the-monument"
WIKI_URL = "https://en.wikipedia.org/wiki/Eiffel_Tower"
REFUSAL = "I can't help with making that."

CHAT_USAGE: dict[str, Any] = {
    "prompt_tokens": 1200,
    "completion_tokens": 300,
    "total_tokens": 1500,
    "prompt_tokens_details": {"cached_tokens": 1024, "audio_tokens": 0},
    "completion_tokens_details": {"reasoning_tokens": 192, "accepted_prediction_tokens": 0},
}


def chat_annotations() -> list[dict[str, Any]]:
    """OpenAI chat `url_citation` annotations into CITED_TEXT (plus a hostile one)."""
    return [
        {"type": "url_citation", "url_citation": {
            "url": TOUR_URL, "title": "The Eiffel Tower – official site",
            "start_index": 0, "end_index": TOWER_END}},
        {"type": "url_citation", "url_citation": {
            "url": WIKI_URL, "title": "Eiffel Tower - Wikipedia",
            "start_index": TOWER_END + 1, "end_index": FAIR_END}},
        {"type": "url_citation", "url_citation": {
            "url": "javascript:alert(1)", "title": "bad", "start_index": 0, "end_index": 3}},
    ]


def chat_cited(*, stream: bool, model: str = "fake-model") -> Reply:
    """An OpenAI chat reply with url_citation annotations and detailed usage."""
    if not stream:
        return Reply.json({
            "id": "chatcmpl-cite", "object": "chat.completion", "model": model,
            "choices": [{"index": 0, "finish_reason": "stop", "message": {
                "role": "assistant", "content": CITED_TEXT, "annotations": chat_annotations(),
            }}],
            "usage": CHAT_USAGE,
        })
    words = CITED_TEXT.split(" ")
    events: list[str | dict[str, Any]] = [
        {"id": "c1", "model": model, "choices": [
            {"index": 0, "delta": {"content": word if n == 0 else " " + word}}]}
        for n, word in enumerate(words)
    ]
    events.append({"id": "c1", "model": model, "choices": [{
        "index": 0, "delta": {"annotations": chat_annotations()}, "finish_reason": "stop"}]})
    events.append({"id": "c1", "model": model, "choices": [], "usage": CHAT_USAGE})
    return Reply.sse(events)


def chat_refusal(*, stream: bool, text: str = "", model: str = "fake-model",
                 delay: float = 0.0) -> Reply:
    """An OpenAI chat refusal (structured outputs), with optional ordinary text beside it."""
    if not stream:
        return Reply.json({
            "id": "chatcmpl-ref", "object": "chat.completion", "model": model,
            "choices": [{"index": 0, "finish_reason": "stop", "message": {
                "role": "assistant", "content": text or None, "refusal": REFUSAL}}],
            "usage": {"prompt_tokens": 9, "completion_tokens": 8, "total_tokens": 17},
        })
    events: list[str | dict[str, Any]] = []
    if text:
        events.append({"id": "r1", "model": model, "choices": [
            {"index": 0, "delta": {"content": text}}]})
    for piece in ("I can't", " help with", " making that."):
        events.append({"id": "r1", "model": model, "choices": [
            {"index": 0, "delta": {"refusal": piece}}]})
    events.append({"id": "r1", "model": model, "choices": [
        {"index": 0, "delta": {}, "finish_reason": "stop"}]})
    return Reply.sse(events, delay=delay)


def _named(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data)}"


ANTHROPIC_CITATIONS = [
    {"type": "web_search_result_location", "url": TOUR_URL,
     "title": "The Eiffel Tower – official site", "encrypted_index": "Eo8BCioIAhgB",
     "cited_text": "The tower is 330 metres (1,083 ft) tall"},
]


def anthropic_cited(*, stream: bool, refusal: bool = False, model: str = "claude-fake") -> Reply:
    """An Anthropic reply: a cited text block, a plain one, web-search usage; or a refusal."""
    first, second = CITED_TEXT[:TOWER_END], CITED_TEXT[TOWER_END:]
    stop = "refusal" if refusal else "end_turn"
    usage = {"input_tokens": 40, "cache_read_input_tokens": 2000,
             "cache_creation_input_tokens": 0, "output_tokens": 60,
             "server_tool_use": {"web_search_requests": 1}}
    if not stream:
        return Reply.json({
            "id": "msg_cite", "type": "message", "role": "assistant", "model": model,
            "content": [
                {"type": "text", "text": first, "citations": ANTHROPIC_CITATIONS},
                {"type": "text", "text": second},
            ],
            "stop_reason": stop, "usage": usage,
        })
    events: list[str | dict[str, Any]] = [
        _named("message_start", {"type": "message_start", "message": {
            "id": "msg_cite", "type": "message", "role": "assistant", "model": model,
            "content": [], "usage": {"input_tokens": 40, "cache_read_input_tokens": 2000,
                                     "output_tokens": 1}}}),
        _named("content_block_start", {"type": "content_block_start", "index": 0,
                                       "content_block": {"type": "text", "text": "",
                                                         "citations": []}}),
        _named("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {
            "type": "citations_delta", "citation": ANTHROPIC_CITATIONS[0]}}),
        _named("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {
            "type": "text_delta", "text": first}}),
        _named("content_block_stop", {"type": "content_block_stop", "index": 0}),
        _named("content_block_start", {"type": "content_block_start", "index": 1,
                                       "content_block": {"type": "text", "text": ""}}),
        _named("content_block_delta", {"type": "content_block_delta", "index": 1, "delta": {
            "type": "text_delta", "text": second}}),
        _named("content_block_stop", {"type": "content_block_stop", "index": 1}),
        _named("message_delta", {"type": "message_delta", "delta": {"stop_reason": stop},
                                 "usage": {"output_tokens": 60,
                                           "server_tool_use": {"web_search_requests": 1}}}),
        _named("message_stop", {"type": "message_stop"}),
    ]
    return Reply.sse(events, done=False)


def responses_cited(*, stream: bool, model: str = "fake-model") -> Reply:
    """A Responses API reply whose output_text carries url_citation annotations."""
    annotations = [
        {"type": "url_citation", "url": TOUR_URL, "title": "The Eiffel Tower – official site",
         "start_index": 0, "end_index": TOWER_END},
    ]
    usage = {"input_tokens": 300, "input_tokens_details": {"cached_tokens": 256},
             "output_tokens": 90, "output_tokens_details": {"reasoning_tokens": 64},
             "total_tokens": 390}
    item = {"id": "msg_1", "type": "message", "role": "assistant", "status": "completed",
            "content": [{"type": "output_text", "text": CITED_TEXT,
                         "annotations": annotations}]}
    final = {"id": "resp_cite", "object": "response", "status": "completed", "model": model,
             "output": [item], "usage": usage}
    if not stream:
        return Reply.json(final)
    events: list[str | dict[str, Any]] = [
        {"type": "response.created", "response": {**final, "status": "in_progress",
                                                  "output": []}},
        {"type": "response.output_text.delta", "item_id": "msg_1", "output_index": 0,
         "content_index": 0, "delta": CITED_TEXT},
        {"type": "response.output_text.annotation.added", "item_id": "msg_1",
         "output_index": 0, "content_index": 0, "annotation_index": 0,
         "annotation": annotations[0]},
        {"type": "response.output_item.done", "output_index": 0, "item": item},
        {"type": "response.completed", "response": final},
    ]
    return Reply.sse(events, done=False)
