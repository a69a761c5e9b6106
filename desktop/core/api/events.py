"""Typed events that a streamed reply is decoded into, whatever the wire format.

The stream parsers (`desktop.core.api.parsers`) turn raw response bytes into these events; they
never raise for bad server data: a provider error inside a stream becomes an `ErrorEvent`
after the events that came before it, and the client turns that into a typed exception.

Contract of a stream parser (one per response)::

    parser = make_stream_parser(ApiStyle.OPENAI_CHAT)
    for chunk in response_bytes:            # any chunking, down to single bytes
        for event in parser.feed(chunk):
            ...
    for event in parser.close():            # end of body: flushes, then exactly one StreamEnd
        ...

`index` is the choice index (0 unless the request asked for n > 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.core.reply_parts import Citation, ToolCall, Usage


@dataclass(frozen=True, slots=True)
class TextDelta:
    index: int
    text: str


@dataclass(frozen=True, slots=True)
class ReasoningDelta:
    """Thinking text: `reasoning_content`, `reasoning`, `<think>` blocks, Anthropic thinking."""

    index: int
    text: str


@dataclass(frozen=True, slots=True)
class ToolCallDelta:
    """A piece of one tool call; `arguments` fragments are concatenated in arrival order."""

    index: int
    call_index: int
    id: str | None = None
    name: str | None = None
    arguments: str = ""


@dataclass(frozen=True, slots=True)
class RefusalDelta:
    """Refusal text; an empty `text` says the model refused without one (Anthropic)."""

    index: int
    text: str


@dataclass(frozen=True, slots=True)
class AnnotationsEvent:
    """Citations and similar (`url_citation`), passed through as the provider sent them.

    `base` is where the annotated text part starts in the whole reply (its indices are
    relative to the part); `position` is where annotations without indices belong (Anthropic
    citations: the end of their text block).
    """

    index: int
    annotations: tuple[dict[str, Any], ...]
    base: int = 0
    position: int | None = None


@dataclass(frozen=True, slots=True)
class LogprobsEvent:
    index: int
    content: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class UsageEvent:
    usage: Usage


@dataclass(frozen=True, slots=True)
class MetadataEvent:
    """Response id and model name as soon as the provider tells them."""

    response_id: str | None = None
    model: str | None = None


@dataclass(frozen=True, slots=True)
class FinishEvent:
    index: int
    reason: str


@dataclass(frozen=True, slots=True)
class ErrorEvent:
    """An error the provider reported inside the stream (HTTP status was 200)."""

    message: str
    code: str | None = None
    type: str | None = None
    status: int | None = None
    raw: str = ""


@dataclass(frozen=True, slots=True)
class StreamEnd:
    """Always the last event. `interrupted` when the body ended before the reply was complete."""

    interrupted: bool = False
    done_marker: bool = False


StreamEvent = (
    TextDelta
    | ReasoningDelta
    | ToolCallDelta
    | RefusalDelta
    | AnnotationsEvent
    | LogprobsEvent
    | UsageEvent
    | MetadataEvent
    | FinishEvent
    | ErrorEvent
    | StreamEnd
)


@dataclass(slots=True)
class Choice:
    """One assembled choice of a chat reply (streamed or not)."""

    index: int
    text: str = ""
    reasoning: str = ""
    refusal: str | None = None
    tool_calls: list[ToolCall] = field(default_factory=list)
    annotations: list[dict[str, Any]] = field(default_factory=list)
    logprobs: list[dict[str, Any]] | None = None
    finish_reason: str | None = None
    citations: list[Citation] = field(default_factory=list)
    """The usable `annotations` (http(s) sources), placed in `text`."""


@dataclass(slots=True)
class ChatResult:
    """A complete chat reply: every choice plus usage and metadata."""

    choices: list[Choice] = field(default_factory=list)
    usage: Usage | None = None
    response_id: str | None = None
    model: str | None = None
    interrupted: bool = False
