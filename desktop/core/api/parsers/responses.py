"""Stream parser for the OpenAI Responses API (`response.created` … `response.completed`).

Output text, reasoning (summary or full text), function calls, refusals and annotations
become events of choice 0. Relays that send only the `.done` / `output_item.done` events
still yield the text: an item whose deltas never came is emitted from its final form.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from desktop.core.api.events import (
    AnnotationsEvent,
    FinishEvent,
    MetadataEvent,
    ReasoningDelta,
    RefusalDelta,
    StreamEvent,
    TextDelta,
    ToolCallDelta,
    UsageEvent,
)
from desktop.core.api.parsers.json_event_stream import JsonEventStreamParser
from desktop.core.api.parsers.provider_json import (
    arguments_text,
    responses_finish_reason,
)
from desktop.core.api.parsers.relay_values import RejectedValueError
from desktop.core.api.parsers.usage import usage_from
from desktop.core.api.styles import ApiStyle


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


class _Call:
    __slots__ = ("call_index", "got_arguments")

    def __init__(self, call_index: int) -> None:
        self.call_index = call_index
        self.got_arguments = False


class ResponsesStreamParser(JsonEventStreamParser):
    """Bytes of a Responses API stream in, typed events out."""

    style = ApiStyle.OPENAI_RESPONSES

    def __init__(self) -> None:
        super().__init__()
        self._metadata_sent = False
        self._calls: dict[str, _Call] = {}  # by item id (and by output index as a string)
        self._text_items: set[str] = set()  # items whose text arrived as deltas
        self._reasoning_items: set[str] = set()
        self._finished = False
        self._text_length = 0  # of the reply so far
        self._part_starts: dict[str, int] = {}  # where each text part starts in the reply
        self._refused = False

    def _complete(self) -> bool:
        return self._finished

    def _on_json(self, event: str, obj: Any, raw: str, out: list[StreamEvent]) -> None:
        if not isinstance(obj, dict):
            return
        kind = obj.get("type") or event
        if kind == "response.output_text.delta":
            text = _str(obj.get("delta"))
            if text:
                self._text_items.update(self._item_keys(obj))
                self._text(obj, text, out)
        elif kind in ("response.reasoning_summary_text.delta", "response.reasoning_text.delta"):
            text = _str(obj.get("delta"))
            if text:
                self._reasoning_items.update(self._item_keys(obj))
                out.append(ReasoningDelta(0, text))
        elif kind == "response.reasoning_summary_part.added":
            if isinstance(obj.get("summary_index"), int) and obj["summary_index"] > 0:
                out.append(ReasoningDelta(0, "\n\n"))
        elif kind == "response.function_call_arguments.delta":
            call = self._call_for(obj)
            text = _str(obj.get("delta"))
            if call is not None and text:
                call.got_arguments = True
                out.append(ToolCallDelta(0, call.call_index, arguments=text))
        elif kind == "response.function_call_arguments.done":
            call = self._call_for(obj)
            if call is not None and not call.got_arguments:
                call.got_arguments = True
                out.append(
                    ToolCallDelta(
                        0, call.call_index, arguments=arguments_text(obj.get("arguments"))
                    )
                )
        elif kind == "response.output_text.done":
            keys = self._item_keys(obj)
            text = _str(obj.get("text"))
            if text and not self._text_items.intersection(keys):
                self._text_items.update(keys)
                self._text(obj, text, out)
        elif kind == "response.output_item.added":
            self._on_item(obj, out, done=False)
        elif kind == "response.output_item.done":
            self._on_item(obj, out, done=True)
        elif kind == "response.refusal.delta":
            text = _str(obj.get("delta"))
            if text:
                self._refused = True
                out.append(RefusalDelta(0, text))
        elif kind == "response.output_text.annotation.added":
            annotation = obj.get("annotation")
            if isinstance(annotation, dict):
                out.append(AnnotationsEvent(0, (annotation,), base=self._part_start(obj)))
        elif kind in ("response.created", "response.in_progress"):
            self._on_metadata(obj.get("response"), out)
        elif kind in ("response.completed", "response.incomplete"):
            self._on_final(obj.get("response"), out)
        elif kind == "response.failed":
            response = obj.get("response")
            error = response.get("error") if isinstance(response, Mapping) else None
            self._finished = True
            self._error(error or obj, raw, out)
        elif kind == "error" or (kind is None and obj.get("error")):
            self._error(obj, raw, out)

    def _part_key(self, obj: Mapping[str, Any]) -> str:
        keys = self._item_keys(obj)
        return f"{keys[0] if keys else ''}/{obj.get('content_index')}"

    def _part_start(self, obj: Mapping[str, Any]) -> int:
        """Where the text part an event names starts in the reply (annotations index parts)."""
        return self._part_starts.get(self._part_key(obj), self._text_length)

    def _text(self, obj: Mapping[str, Any], text: str, out: list[StreamEvent]) -> None:
        self._part_starts.setdefault(self._part_key(obj), self._text_length)
        self._text_length += len(text)
        out.append(TextDelta(0, text))

    @staticmethod
    def _item_keys(obj: Mapping[str, Any]) -> tuple[str, ...]:
        """Keys an item is known by: its id and its output position (relays omit either)."""
        item_id = obj.get("item_id")
        position = obj.get("output_index")
        keys = (item_id,) if isinstance(item_id, str) and item_id else ()
        return (*keys, f"#{position}") if isinstance(position, int) else keys

    def _call_for(self, obj: Mapping[str, Any]) -> _Call | None:
        item_id = obj.get("item_id")
        if isinstance(item_id, str) and item_id in self._calls:
            return self._calls[item_id]
        return self._calls.get(f"#{obj.get('output_index')}")

    def _on_metadata(self, response: Any, out: list[StreamEvent]) -> None:
        if self._metadata_sent or not isinstance(response, Mapping):
            return
        response_id, model = _str(response.get("id")), _str(response.get("model"))
        if response_id or model:
            self._metadata_sent = True
            out.append(MetadataEvent(response_id, model))

    def _on_item(self, obj: Mapping[str, Any], out: list[StreamEvent], done: bool) -> None:
        item = obj.get("item")
        if not isinstance(item, Mapping):
            return
        item_id = _str(item.get("id"))
        position_key = f"#{obj.get('output_index')}"
        keys = {item_id, position_key}
        kind = item.get("type")
        if kind == "function_call":
            call = (self._calls.get(item_id) if item_id else None) or self._calls.get(position_key)
            if call is None:
                call = _Call(len({id(c) for c in self._calls.values()}))
                out.append(
                    ToolCallDelta(
                        0,
                        call.call_index,
                        _str(item.get("call_id")) or item_id,
                        _str(item.get("name")),
                    )
                )
                if item_id:
                    self._calls[item_id] = call
                self._calls[position_key] = call
            if done and not call.got_arguments and item.get("arguments") is not None:
                call.got_arguments = True
                out.append(
                    ToolCallDelta(0, call.call_index, arguments=arguments_text(item["arguments"]))
                )
        elif done and kind == "message" and not keys & self._text_items:
            for part in item.get("content") or []:
                if isinstance(part, Mapping) and part.get("type") == "output_text":
                    text = _str(part.get("text"))
                    base = self._text_length
                    if text:
                        self._text_length += len(text)
                        out.append(TextDelta(0, text))
                    annotations = part.get("annotations")
                    if isinstance(annotations, list) and annotations:
                        out.append(
                            AnnotationsEvent(
                                0, tuple(a for a in annotations if isinstance(a, dict)), base
                            )
                        )
                elif isinstance(part, Mapping) and part.get("type") == "refusal":
                    refusal = _str(part.get("refusal"))
                    if refusal and not self._refused:
                        self._refused = True
                        out.append(RefusalDelta(0, refusal))
        elif done and kind == "reasoning" and not keys & self._reasoning_items:
            summary = [
                part["text"]
                for part in item.get("summary") or []
                if isinstance(part, Mapping) and _str(part.get("text"))
            ]
            if summary:
                out.append(ReasoningDelta(0, "\n\n".join(summary)))

    def _on_final(self, response: Any, out: list[StreamEvent]) -> None:
        """`response.completed` / `response.incomplete`: usage and the finish reason."""
        self._finished = True
        if not isinstance(response, Mapping):
            out.append(FinishEvent(0, "stop"))
            return
        self._on_metadata(response, out)
        try:
            usage = usage_from(response.get("usage"))
        except RejectedValueError:  # the finish reason still counts; the usage is dropped
            usage = None
            self._count_malformed(json.dumps(response.get("usage"))[:4096])
        if usage is not None:
            out.append(UsageEvent(usage))
        out.append(FinishEvent(0, responses_finish_reason(response, bool(self._calls))))
