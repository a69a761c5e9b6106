"""The fake provider's scripted tool mode: a model that asks for tools, then quotes the results.

    script = ToolScript([[("local__add", {"a": 2, "b": 3}), ("local__now", {})]])
    script.install(fake_provider)        # OpenAI chat, Anthropic Messages and Responses

Round i of a turn (counted from the request's history after the last user message) asks for
`steps[i]`'s calls, several at once when a step lists several; when the steps are used up the
model answers `Tool results: r1 | r2 … (images: N)`, quoting every tool result it received
in this turn, so a test sees what went back. Streamed or not, as the request asks. Arguments
given as a string are sent as written (for malformed-argument tests).

In a JSON script (`python -m tests.helpers.fake_provider --script F`): `"tool_script":
{"steps": [[["local__add", {"a": 1, "b": 2}]]]}`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tests.helpers.fake_provider import FakeProvider, RecordedRequest, Reply, sse_event

PATHS = ("/chat/completions", "/messages", "/responses")
Call = tuple[str, "str | dict[str, Any]"]


@dataclass
class _Turn:
    rounds: int = 0
    results: list[str] = field(default_factory=list)
    images: int = 0


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(str(p.get("text", "")) for p in content
                       if isinstance(p, dict) and p.get("type") in ("text", "input_text"))
    return ""


def _images_in(content: Any) -> int:
    if not isinstance(content, list):
        return 0
    return sum(1 for p in content if isinstance(p, dict)
               and p.get("type") in ("image_url", "image", "input_image"))


def _is_tool_images_note(content: Any) -> bool:
    return isinstance(content, list) and _text_of(content[:1]).startswith("Images returned by")


def read_turn(path: str, body: dict[str, Any]) -> _Turn:
    """Tool rounds, results and result images since the last user message of a request."""
    turn = _Turn()
    if path.endswith("/responses"):
        previous = None
        for item in body.get("input") or []:
            kind = item.get("type")
            if kind == "message" and item.get("role") == "user":
                if _is_tool_images_note(item.get("content")):
                    turn.images += _images_in(item.get("content"))
                else:
                    turn = _Turn()
            elif kind == "function_call" and previous != "function_call":
                turn.rounds += 1  # a run of function_call items is one round
            elif kind == "function_call_output":
                turn.results.append(_text_of(item.get("output")))
            previous = kind
        return turn
    for message in body.get("messages") or []:
        role, content = message.get("role"), message.get("content")
        if path.endswith("/messages"):  # Anthropic: results are blocks of a user turn
            blocks = content if isinstance(content, list) else []
            results = [b for b in blocks if b.get("type") == "tool_result"]
            if role == "user" and not results:
                turn = _Turn()
            elif role == "user":
                for block in results:
                    turn.results.append(_text_of(block.get("content")))
                    turn.images += _images_in(block.get("content"))
            elif role == "assistant" and any(b.get("type") == "tool_use" for b in blocks):
                turn.rounds += 1
            continue
        if role == "user" and _is_tool_images_note(content):
            turn.images += _images_in(content)
        elif role == "user":
            turn = _Turn()
        elif role == "assistant" and message.get("tool_calls"):
            turn.rounds += 1
        elif role == "tool":
            turn.results.append(_text_of(content))
    return turn


def _arguments(arguments: str | dict[str, Any]) -> str:
    return arguments if isinstance(arguments, str) else json.dumps(arguments)


def _named(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data)}"


@dataclass
class ToolScript:
    """A ReplySource for the three chat paths (see the module docstring)."""

    steps: Sequence[Sequence[Call]]
    model: str = "fake-tools"

    def install(self, provider: FakeProvider) -> None:
        for path in PATHS:
            provider.route(path, self)

    def __call__(self, request: RecordedRequest) -> Reply:
        body = request.json if isinstance(request.json, dict) else {}
        path = request.path.split("?", 1)[0].rstrip("/")
        turn = read_turn(path, body)
        stream = bool(body.get("stream"))
        if turn.rounds < len(self.steps):
            calls = list(self.steps[turn.rounds])
            ids = [f"call_{turn.rounds + 1}_{i + 1}" for i in range(len(calls))]
            if path.endswith("/messages"):
                return self._anthropic_calls(calls, ids, stream)
            if path.endswith("/responses"):
                return self._responses_calls(calls, ids, stream)
            return self._chat_calls(calls, ids, stream)
        text = f"Tool results: {' | '.join(turn.results)} (images: {turn.images})"
        return self._text(path, text, stream)

    # -- OpenAI chat ----------------------------------------------------------------------

    def _chat_calls(self, calls: list[Call], ids: list[str], stream: bool) -> Reply:
        if not stream:
            tool_calls = [{"id": i, "type": "function",
                           "function": {"name": name, "arguments": _arguments(args)}}
                          for i, (name, args) in zip(ids, calls, strict=True)]
            return Reply.json({"id": "fake-tools", "object": "chat.completion",
                               "model": self.model, "choices": [{
                                   "index": 0, "finish_reason": "tool_calls",
                                   "message": {"role": "assistant", "content": None,
                                               "tool_calls": tool_calls}}]})
        events: list[str | dict[str, Any]] = [self._chunk({"role": "assistant"})]
        for index, (call_id, (name, args)) in enumerate(zip(ids, calls, strict=True)):
            text = _arguments(args)
            half = len(text) // 2
            events.append(self._chunk({"tool_calls": [{
                "index": index, "id": call_id, "type": "function",
                "function": {"name": name, "arguments": text[:half]}}]}))
            events.append(self._chunk({"tool_calls": [{
                "index": index, "function": {"arguments": text[half:]}}]}))
        events.append({"id": "fake-tools", "model": self.model,
                       "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]})
        return Reply.sse(events)

    def _chunk(self, delta: dict[str, Any]) -> dict[str, Any]:
        return {"id": "fake-tools", "object": "chat.completion.chunk", "model": self.model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}

    # -- Anthropic Messages ---------------------------------------------------------------

    def _anthropic_calls(self, calls: list[Call], ids: list[str], stream: bool) -> Reply:
        def parsed(args: str | dict[str, Any]) -> Any:
            try:
                return json.loads(args) if isinstance(args, str) else args
            except ValueError:
                return {"_raw": args}

        if not stream:
            content = [{"type": "tool_use", "id": i, "name": name, "input": parsed(args)}
                       for i, (name, args) in zip(ids, calls, strict=True)]
            return Reply.json({"id": "msg_tools", "type": "message", "role": "assistant",
                               "model": self.model, "content": content,
                               "stop_reason": "tool_use",
                               "usage": {"input_tokens": 5, "output_tokens": 5}})
        events: list[str | dict[str, Any]] = [_named("message_start", {
            "type": "message_start", "message": {
                "id": "msg_tools", "type": "message", "role": "assistant", "model": self.model,
                "content": [], "usage": {"input_tokens": 5, "output_tokens": 1}}})]
        for index, (call_id, (name, args)) in enumerate(zip(ids, calls, strict=True)):
            text = _arguments(args)
            half = len(text) // 2
            events.append(_named("content_block_start", {
                "type": "content_block_start", "index": index,
                "content_block": {"type": "tool_use", "id": call_id, "name": name,
                                  "input": {}}}))
            for piece in (text[:half], text[half:]):
                events.append(_named("content_block_delta", {
                    "type": "content_block_delta", "index": index,
                    "delta": {"type": "input_json_delta", "partial_json": piece}}))
            events.append(_named("content_block_stop",
                                 {"type": "content_block_stop", "index": index}))
        events += [
            _named("message_delta", {"type": "message_delta",
                                     "delta": {"stop_reason": "tool_use"},
                                     "usage": {"output_tokens": 5}}),
            _named("message_stop", {"type": "message_stop"}),
        ]
        return Reply.sse(events, done=False)

    # -- Responses ------------------------------------------------------------------------

    def _responses_calls(self, calls: list[Call], ids: list[str], stream: bool) -> Reply:
        items = [{"type": "function_call", "id": f"fc_{i}", "call_id": call_id, "name": name,
                  "arguments": _arguments(args), "status": "completed"}
                 for i, (call_id, (name, args)) in enumerate(zip(ids, calls, strict=True))]
        final = {"id": "resp_tools", "object": "response", "status": "completed",
                 "model": self.model, "output": items,
                 "usage": {"input_tokens": 5, "output_tokens": 5, "total_tokens": 10}}
        if not stream:
            return Reply.json(final)
        events: list[str | dict[str, Any]] = [_named("response.created", {
            "type": "response.created",
            "response": {**final, "status": "in_progress", "output": []}})]
        for index, item in enumerate(items):
            text = str(item["arguments"])
            half = len(text) // 2
            events.append(_named("response.output_item.added", {
                "type": "response.output_item.added", "output_index": index,
                "item": {**item, "arguments": "", "status": "in_progress"}}))
            for piece in (text[:half], text[half:]):
                events.append(_named("response.function_call_arguments.delta", {
                    "type": "response.function_call_arguments.delta", "output_index": index,
                    "item_id": item["id"], "delta": piece}))
            events.append(_named("response.output_item.done", {
                "type": "response.output_item.done", "output_index": index, "item": item}))
        events.append(_named("response.completed",
                             {"type": "response.completed", "response": final}))
        return Reply.sse(events, done=False)

    # -- the final answer -----------------------------------------------------------------

    def _text(self, path: str, text: str, stream: bool) -> Reply:
        if path.endswith("/messages"):
            message = {"id": "msg_answer", "type": "message", "role": "assistant",
                       "model": self.model, "content": [{"type": "text", "text": text}],
                       "stop_reason": "end_turn",
                       "usage": {"input_tokens": 5, "output_tokens": 5}}
            if not stream:
                return Reply.json(message)
            return Reply.sse([
                _named("message_start", {"type": "message_start",
                                         "message": {**message, "content": []}}),
                _named("content_block_start", {"type": "content_block_start", "index": 0,
                                               "content_block": {"type": "text", "text": ""}}),
                _named("content_block_delta", {"type": "content_block_delta", "index": 0,
                                               "delta": {"type": "text_delta", "text": text}}),
                _named("content_block_stop", {"type": "content_block_stop", "index": 0}),
                _named("message_delta", {"type": "message_delta",
                                         "delta": {"stop_reason": "end_turn"}}),
                _named("message_stop", {"type": "message_stop"}),
            ], done=False)
        if path.endswith("/responses"):
            final = {"id": "resp_answer", "object": "response", "status": "completed",
                     "model": self.model, "output": [{
                         "type": "message", "id": "msg_1", "role": "assistant",
                         "content": [{"type": "output_text", "text": text,
                                      "annotations": []}]}]}
            if not stream:
                return Reply.json(final)
            return Reply.sse([
                _named("response.output_text.delta", {
                    "type": "response.output_text.delta", "output_index": 0,
                    "content_index": 0, "delta": text}),
                _named("response.completed", {"type": "response.completed",
                                              "response": final}),
            ], done=False)
        if not stream:
            return Reply.json({"id": "fake-answer", "object": "chat.completion",
                               "model": self.model, "choices": [{
                                   "index": 0, "finish_reason": "stop",
                                   "message": {"role": "assistant", "content": text}}]})
        return Reply.sse([self._chunk({"content": text}),
                          {"id": "fake-answer", "model": self.model, "choices": [
                              {"index": 0, "delta": {}, "finish_reason": "stop"}]}])


def tool_script_from_spec(spec: dict[str, Any]) -> ToolScript:
    """A ToolScript from its JSON script form."""
    steps = [[(str(name), args) for name, args in step] for step in spec.get("steps", [])]
    return ToolScript(steps, model=str(spec.get("model", "fake-tools")))


__all__ = ["PATHS", "ToolScript", "read_turn", "sse_event", "tool_script_from_spec"]
