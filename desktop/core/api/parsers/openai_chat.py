"""Stream parser for OpenAI chat completions (`chat.completion.chunk`) and its relay variants.

Per choice index: `delta.content` (with `<think>` blocks separated out), `reasoning_content` /
`reasoning`, tool calls (by `index`, else by `id`), refusal, annotations, logprobs and the
finish reason; usage from any chunk, including the last one whose `choices` is empty.
"""

from __future__ import annotations

from typing import Any

from desktop.core.api.events import (
    AnnotationsEvent,
    FinishEvent,
    LogprobsEvent,
    MetadataEvent,
    ReasoningDelta,
    RefusalDelta,
    StreamEvent,
    TextDelta,
    ToolCallDelta,
    UsageEvent,
)
from desktop.core.api.parsers.json_event_stream import JsonEventStreamParser
from desktop.core.api.parsers.provider_json import arguments_text, legacy_logprobs
from desktop.core.api.parsers.usage import usage_from
from desktop.core.api.styles import ApiStyle
from desktop.core.api.think_tags import ThinkTagSplitter


class ToolCallTracker:
    """Gives each streamed tool call of one choice a stable `call_index`.

    Normally the wire `index` says which call a fragment belongs to. Some relays leave it out
    (then the `id` decides, and a fragment with neither continues the last call), send empty
    ids, or number every call 0 with different ids: a new id on a known index is a new call.
    """

    __slots__ = ("_by_id", "_by_index", "_ids", "_last")

    def __init__(self) -> None:
        self._by_index: dict[int, int] = {}
        self._by_id: dict[str, int] = {}
        self._ids: dict[int, str] = {}
        self._last: int | None = None

    def call_index(self, wire_index: Any, call_id: str | None) -> int:
        """The call index of a fragment with this wire index and id (either may be None)."""
        if call_id is not None and call_id in self._by_id:
            found = self._by_id[call_id]
        elif isinstance(wire_index, int) and not isinstance(wire_index, bool):
            known = self._by_index.get(wire_index)
            if known is None or (call_id is not None and self._ids.get(known, call_id) != call_id):
                known = self._new(wire_index)
                self._by_index[wire_index] = known
            found = known
        elif call_id is not None or self._last is None:
            found = self._new(None)
        else:
            found = self._last
        if call_id is not None:
            self._by_id[call_id] = found
            self._ids.setdefault(found, call_id)
        self._last = found
        return found

    def _new(self, wire_index: int | None) -> int:
        taken = set(self._by_index.values()) | set(self._by_id.values())
        if self._last is not None:
            taken.add(self._last)
        if wire_index is not None and wire_index not in taken:
            return wire_index
        return max(taken, default=-1) + 1


class _ChoiceState:
    __slots__ = ("finished", "splitter", "tools")

    def __init__(self) -> None:
        self.finished = False
        self.splitter: ThinkTagSplitter | None = None
        self.tools: ToolCallTracker | None = None


class OpenAIChatStreamParser(JsonEventStreamParser):
    """Bytes of a chat-completions stream in, typed events out."""

    style = ApiStyle.OPENAI_CHAT

    def __init__(self) -> None:
        super().__init__()
        self._choices: dict[int, _ChoiceState] = {}
        self._metadata_sent = False

    def _complete(self) -> bool:
        states = self._choices.values()
        return bool(states) and all(state.finished for state in states)

    def _flush(self, out: list[StreamEvent]) -> None:
        for index, state in self._choices.items():
            if state.splitter is not None:
                self._emit_content_parts(index, state.splitter.flush(), out)

    def _on_json(self, event: str, obj: Any, raw: str, out: list[StreamEvent]) -> None:
        if type(obj) is not dict:
            if isinstance(obj, list):
                for item in obj:
                    self._on_json(event, item, raw, out)
            return
        error = obj.get("error")
        if error:
            self._error(obj, raw, out)
            return
        if obj.get("type") == "error":
            self._error(obj, raw, out)
            return
        if not self._metadata_sent:
            response_id = obj.get("id")
            model = obj.get("model")
            if response_id or model:
                self._metadata_sent = True
                out.append(
                    MetadataEvent(
                        response_id if isinstance(response_id, str) else None,
                        model if isinstance(model, str) else None,
                    )
                )
        choices = obj.get("choices")
        if choices and type(choices) is list:
            for position, choice in enumerate(choices):
                if type(choice) is dict:
                    self._on_choice(choice, position, out)
        usage = obj.get("usage")
        if usage:
            parsed = usage_from(usage)
            if parsed is not None:
                out.append(UsageEvent(parsed))

    def _state(self, index: int) -> _ChoiceState:
        state = self._choices.get(index)
        if state is None:
            state = self._choices[index] = _ChoiceState()
        return state

    def _on_choice(self, choice: dict[str, Any], position: int, out: list[StreamEvent]) -> None:
        index = choice.get("index", position)
        if type(index) is not int:
            index = position
        state = self._choices.get(index) or self._state(index)
        delta = choice.get("delta")
        if delta is None:
            delta = choice.get("message")  # some relays send whole messages in chunks
        if delta and type(delta) is dict:
            content = delta.get("content")
            if content:
                if type(content) is str:
                    if state.splitter is None and "<" not in content:
                        out.append(TextDelta(index, content))
                    else:
                        if state.splitter is None:
                            state.splitter = ThinkTagSplitter()
                        self._emit_content_parts(index, state.splitter.feed(content), out)
                elif isinstance(content, list):
                    self._on_content_parts(index, state, content, out)
            if len(delta) > 1 or not content:
                self._on_delta_extras(index, state, delta, out)
        logprobs = choice.get("logprobs")
        if logprobs and type(logprobs) is dict:
            entries = logprobs.get("content")
            if isinstance(entries, list) and entries:
                out.append(LogprobsEvent(index, tuple(e for e in entries if isinstance(e, dict))))
            elif "tokens" in logprobs:
                out.append(LogprobsEvent(index, tuple(legacy_logprobs(logprobs))))
        reason = choice.get("finish_reason")
        if reason and type(reason) is str:
            if state.splitter is not None:
                self._emit_content_parts(index, state.splitter.flush(), out)
            state.finished = True
            out.append(FinishEvent(index, reason))

    def _on_delta_extras(
        self, index: int, state: _ChoiceState, delta: dict[str, Any], out: list[StreamEvent]
    ) -> None:
        """Everything in a delta besides plain content."""
        reasoning = delta.get("reasoning_content")
        if not reasoning or type(reasoning) is not str:
            reasoning = delta.get("reasoning")
        if reasoning and type(reasoning) is str:
            out.append(ReasoningDelta(index, reasoning))
        refusal = delta.get("refusal")
        if refusal and type(refusal) is str:
            out.append(RefusalDelta(index, refusal))
        tool_calls = delta.get("tool_calls")
        if tool_calls and isinstance(tool_calls, list):
            if state.tools is None:
                state.tools = ToolCallTracker()
            for call in tool_calls:
                if isinstance(call, dict):
                    out.append(self._tool_call_delta(index, state.tools, call))
        legacy_call = delta.get("function_call")
        if legacy_call and isinstance(legacy_call, dict):
            if state.tools is None:
                state.tools = ToolCallTracker()
            out.append(self._tool_call_delta(index, state.tools, {"function": legacy_call}))
        annotations = delta.get("annotations")
        if annotations and isinstance(annotations, list):
            out.append(
                AnnotationsEvent(index, tuple(a for a in annotations if isinstance(a, dict)))
            )

    @staticmethod
    def _tool_call_delta(index: int, tools: ToolCallTracker, call: dict[str, Any]) -> ToolCallDelta:
        call_id = call.get("id")
        call_id = call_id if isinstance(call_id, str) and call_id else None
        function = call.get("function")
        function = function if isinstance(function, dict) else {}
        name = function.get("name")
        return ToolCallDelta(
            index=index,
            call_index=tools.call_index(call.get("index"), call_id),
            id=call_id,
            name=name if isinstance(name, str) and name else None,
            arguments=arguments_text(function.get("arguments")),
        )

    def _on_content_parts(
        self, index: int, state: _ChoiceState, parts: list[Any], out: list[StreamEvent]
    ) -> None:
        """Content as a list of parts (Mistral and some relays): text and thinking parts."""
        for part in parts:
            text: str | None
            thinking: str | None
            if isinstance(part, str):
                text, thinking = part, None
            elif isinstance(part, dict):
                kind = part.get("type")
                value = part.get("thinking") if kind == "thinking" else part.get("text")
                if not isinstance(value, str):
                    continue
                text, thinking = (
                    (None, value) if kind in ("thinking", "reasoning") else (value, None)
                )
            else:
                continue
            if thinking:
                out.append(ReasoningDelta(index, thinking))
            elif text:
                if state.splitter is None:
                    state.splitter = ThinkTagSplitter()
                self._emit_content_parts(index, state.splitter.feed(text), out)

    @staticmethod
    def _emit_content_parts(
        index: int, parts: list[tuple[bool, str]], out: list[StreamEvent]
    ) -> None:
        for is_reasoning, text in parts:
            out.append(ReasoningDelta(index, text) if is_reasoning else TextDelta(index, text))
