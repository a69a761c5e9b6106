"""Fold stream events back into a complete `ChatResult`, in time linear in the reply's length."""

from __future__ import annotations

from dataclasses import fields, replace

from desktop.core.api.events import (
    AnnotationsEvent,
    ChatResult,
    Choice,
    ErrorEvent,
    FinishEvent,
    LogprobsEvent,
    MetadataEvent,
    ReasoningDelta,
    RefusalDelta,
    StreamEnd,
    StreamEvent,
    TextDelta,
    ToolCallDelta,
    UsageEvent,
)
from desktop.core.citations import MAX_CITATIONS, citations_from
from desktop.core.reply_parts import Citation, ToolCall, Usage


class _ToolCallParts:
    __slots__ = ("arguments", "id", "name")

    def __init__(self) -> None:
        self.id: str | None = None
        self.name: str | None = None
        self.arguments: list[str] = []


class _ChoiceParts:
    """Text pieces of one choice, joined only when the result is asked for."""

    __slots__ = (
        "annotations",
        "citations",
        "finish_reason",
        "logprobs",
        "reasoning",
        "refusal",
        "text",
        "tools",
    )

    def __init__(self) -> None:
        self.text: list[str] = []
        self.reasoning: list[str] = []
        self.refusal: list[str] | None = None
        self.citations: list[Citation] = []
        self.tools: dict[int, _ToolCallParts] = {}
        self.annotations: list[dict] = []
        self.logprobs: list[dict] | None = None
        self.finish_reason: str | None = None


def _joined(pieces: list[str]) -> str:
    """Join the pieces and keep the join, so that asking for `result` again is cheap."""
    if len(pieces) > 1:
        pieces[:] = ["".join(pieces)]
    return pieces[0] if pieces else ""


def _merge_usage(old: Usage | None, new: Usage) -> Usage:
    """Later usage reports win field by field; a field the new one leaves out is kept."""
    if old is None:
        return new
    changes = {
        f.name: getattr(new, f.name) for f in fields(new) if getattr(new, f.name) is not None
    }
    return replace(old, **changes)


class StreamAssembler:
    """Collects the events of one reply; `result` is the reply so far (or complete)."""

    def __init__(self) -> None:
        self._choices: dict[int, _ChoiceParts] = {}
        self._usage: Usage | None = None
        self._response_id: str | None = None
        self._model: str | None = None
        self._ended = False
        self._interrupted = False
        self.errors: list[ErrorEvent] = []
        """Provider errors reported inside the stream, in order."""
        self.done_marker = False

    @property
    def error(self) -> ErrorEvent | None:
        """The first error the provider reported in the stream, if any."""
        return self.errors[0] if self.errors else None

    @property
    def ended(self) -> bool:
        """True once the final StreamEnd has been added."""
        return self._ended

    def _choice(self, index: int) -> _ChoiceParts:
        parts = self._choices.get(index)
        if parts is None:
            parts = self._choices[index] = _ChoiceParts()
        return parts

    def add(self, event: StreamEvent) -> None:
        """Fold one event into the reply."""
        kind = type(event)
        if kind is TextDelta:
            assert isinstance(event, TextDelta)
            parts = self._choices.get(event.index) or self._choice(event.index)
            parts.text.append(event.text)
        elif kind is ReasoningDelta:
            assert isinstance(event, ReasoningDelta)
            self._choice(event.index).reasoning.append(event.text)
        elif isinstance(event, ToolCallDelta):
            tools = self._choice(event.index).tools
            call = tools.get(event.call_index)
            if call is None:
                call = tools[event.call_index] = _ToolCallParts()
            if event.id and call.id is None:
                call.id = event.id
            if event.name and call.name is None:
                call.name = event.name
            if event.arguments:
                call.arguments.append(event.arguments)
        elif isinstance(event, RefusalDelta):
            parts = self._choice(event.index)
            if parts.refusal is None:
                parts.refusal = []
            parts.refusal.append(event.text)
        elif isinstance(event, AnnotationsEvent):
            parts = self._choice(event.index)
            parts.annotations.extend(event.annotations)
            room = MAX_CITATIONS - len(parts.citations)
            if room > 0:
                parts.citations += citations_from(
                    event.annotations, base=event.base, position=event.position
                )[:room]
        elif isinstance(event, LogprobsEvent):
            parts = self._choice(event.index)
            if parts.logprobs is None:
                parts.logprobs = []
            parts.logprobs.extend(event.content)
        elif isinstance(event, FinishEvent):
            self._choice(event.index).finish_reason = event.reason
        elif isinstance(event, UsageEvent):
            self._usage = _merge_usage(self._usage, event.usage)
        elif isinstance(event, MetadataEvent):
            self._response_id = self._response_id or event.response_id
            self._model = self._model or event.model
        elif isinstance(event, ErrorEvent):
            self.errors.append(event)
        elif isinstance(event, StreamEnd):
            self._ended = True
            self._interrupted = event.interrupted
            self.done_marker = event.done_marker

    @property
    def result(self) -> ChatResult:
        """The reply assembled so far; `interrupted` unless a clean StreamEnd arrived."""
        choices = []
        for index in sorted(self._choices):
            parts = self._choices[index]
            choices.append(
                Choice(
                    index=index,
                    text=_joined(parts.text),
                    reasoning=_joined(parts.reasoning),
                    refusal=_joined(parts.refusal) if parts.refusal is not None else None,
                    tool_calls=[
                        ToolCall(call.id or "", call.name or "", _joined(call.arguments))
                        for _, call in sorted(parts.tools.items())
                    ],
                    annotations=list(parts.annotations),
                    logprobs=list(parts.logprobs) if parts.logprobs is not None else None,
                    finish_reason=parts.finish_reason,
                    citations=list(parts.citations),
                )
            )
        return ChatResult(
            choices=choices,
            usage=self._usage,
            response_id=self._response_id,
            model=self._model,
            interrupted=self._interrupted or not self._ended,
        )
