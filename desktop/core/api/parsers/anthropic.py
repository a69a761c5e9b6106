"""Stream parser for Anthropic Messages streaming (`message_start` … `message_stop`).

Text, thinking and tool_use content blocks become text, reasoning and tool-call deltas of
choice 0; `signature_delta` is dropped; `stop_reason` becomes a FinishEvent with the reason in
the OpenAI vocabulary (`end_turn` → `stop`, `max_tokens` → `length`, `tool_use` → `tool_calls`).
"""

from __future__ import annotations

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
    anthropic_finish_reason,
    arguments_text,
)
from desktop.core.api.parsers.usage import usage_from_anthropic
from desktop.core.api.styles import ApiStyle


class _ToolBlock:
    __slots__ = ("call_index", "got_arguments", "initial_input")

    def __init__(self, call_index: int, initial_input: Any) -> None:
        self.call_index = call_index
        self.initial_input = initial_input
        self.got_arguments = False


class AnthropicStreamParser(JsonEventStreamParser):
    """Bytes of an Anthropic Messages stream in, typed events out."""

    style = ApiStyle.ANTHROPIC_MESSAGES

    def __init__(self) -> None:
        super().__init__()
        self._tools: dict[int, _ToolBlock] = {}
        self._usage: dict[str, Any] = {}
        self._stopped = False
        self._finished = False
        self._text_length = 0  # of the reply so far: where a text block's citations go
        self._citations: dict[int, list[dict[str, Any]]] = {}  # by block, until it stops

    def _complete(self) -> bool:
        return self._stopped or self._finished

    def _on_json(self, event: str, obj: Any, raw: str, out: list[StreamEvent]) -> None:
        if not isinstance(obj, dict):
            return
        kind = obj.get("type") or event
        if kind == "content_block_delta":
            self._on_delta(obj, out)
        elif kind == "message_start":
            message = obj.get("message")
            message = message if isinstance(message, Mapping) else {}
            response_id, model = message.get("id"), message.get("model")
            out.append(
                MetadataEvent(
                    response_id if isinstance(response_id, str) else None,
                    model if isinstance(model, str) else None,
                )
            )
            self._on_usage(message.get("usage"), out)
        elif kind == "content_block_start":
            self._on_block_start(obj, out)
        elif kind == "content_block_stop":
            self._on_block_stop(obj, out)
        elif kind == "message_delta":
            self._on_usage(obj.get("usage"), out)
            delta = obj.get("delta")
            reason = delta.get("stop_reason") if isinstance(delta, Mapping) else None
            if isinstance(reason, str) and reason:
                self._finished = True
                self._flush_citations(out)
                if reason == "refusal":  # no refusal text: the reply may hold an apology
                    out.append(RefusalDelta(0, ""))
                out.append(FinishEvent(0, anthropic_finish_reason(reason)))
        elif kind == "message_stop":
            self._stopped = True
        elif kind == "error" or (kind != "ping" and obj.get("error")):
            self._error(obj, raw, out)
        # `ping` and unknown event types are ignored.

    def _on_usage(self, usage: Any, out: list[StreamEvent]) -> None:
        """Anthropic splits usage over message_start and message_delta: report the union."""
        if not isinstance(usage, Mapping):
            return
        merged = {**self._usage, **{k: v for k, v in usage.items() if v is not None}}
        parsed = usage_from_anthropic(merged)  # an out-of-range count raises before we keep it
        self._usage = merged
        if parsed is not None:
            out.append(UsageEvent(parsed))

    def _on_block_start(self, obj: dict[str, Any], out: list[StreamEvent]) -> None:
        block = obj.get("content_block")
        if not isinstance(block, Mapping):
            return
        kind = block.get("type")
        if kind == "text" and isinstance(block.get("text"), str) and block["text"]:
            self._text_length += len(block["text"])
            out.append(TextDelta(0, block["text"]))
        if kind == "text" and isinstance(block.get("citations"), list):
            self._cite(self._block_index(obj), block["citations"])
        elif kind == "thinking" and isinstance(block.get("thinking"), str) and block["thinking"]:
            out.append(ReasoningDelta(0, block["thinking"]))
        elif kind == "tool_use":
            tool = _ToolBlock(len(self._tools), block.get("input"))
            self._tools[self._block_index(obj)] = tool
            call_id, name = block.get("id"), block.get("name")
            out.append(
                ToolCallDelta(
                    0,
                    tool.call_index,
                    call_id if isinstance(call_id, str) and call_id else None,
                    name if isinstance(name, str) and name else None,
                )
            )

    def _on_delta(self, obj: dict[str, Any], out: list[StreamEvent]) -> None:
        delta = obj.get("delta")
        if not isinstance(delta, dict):
            return
        kind = delta.get("type")
        if kind == "text_delta":
            text = delta.get("text")
            if text and isinstance(text, str):
                self._text_length += len(text)
                out.append(TextDelta(0, text))
        elif kind == "thinking_delta":
            thinking = delta.get("thinking")
            if thinking and isinstance(thinking, str):
                out.append(ReasoningDelta(0, thinking))
        elif kind == "input_json_delta":
            tool = self._tools.get(self._block_index(obj))
            partial = delta.get("partial_json")
            if tool is not None and partial and isinstance(partial, str):
                tool.got_arguments = True
                out.append(ToolCallDelta(0, tool.call_index, arguments=partial))
        elif kind == "citations_delta" and isinstance(delta.get("citation"), dict):
            self._cite(self._block_index(obj), [delta["citation"]])
        # signature_delta carries no text for the user.

    def _on_block_stop(self, obj: dict[str, Any], out: list[StreamEvent]) -> None:
        """A text block's citations (they belong to its end); a tool_use block whose input
        came whole at its start (or is `{}`), never as deltas."""
        cited = self._citations.pop(self._block_index(obj), None)
        if cited:
            out.append(AnnotationsEvent(0, tuple(cited), position=self._text_length))
        tool = self._tools.get(self._block_index(obj))
        if tool is not None and not tool.got_arguments and tool.initial_input is not None:
            tool.got_arguments = True
            out.append(
                ToolCallDelta(0, tool.call_index, arguments=arguments_text(tool.initial_input))
            )

    def _cite(self, block: int, citations: list[Any]) -> None:
        kept = self._citations.setdefault(block, [])
        kept += [c for c in citations if isinstance(c, dict)][: 100 - len(kept)]

    def _flush_citations(self, out: list[StreamEvent]) -> None:
        """Citations of blocks that never stopped (a relay that leaves the stops out)."""
        for block in sorted(self._citations):
            out.append(AnnotationsEvent(0, tuple(self._citations[block]),
                                        position=self._text_length))
        self._citations.clear()

    def _flush(self, out: list[StreamEvent]) -> None:
        self._flush_citations(out)

    @staticmethod
    def _block_index(obj: Mapping[str, Any]) -> int:
        index = obj.get("index")
        return index if isinstance(index, int) else 0
