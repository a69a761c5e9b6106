"""What the tool-call loop reports as it goes, for a view of tool cards (and the CLI).

Events are plain values delivered through one callback on the loop's thread, in order.
`message_id` is the call's `Role.TOOL` message in the store, which holds its state as well.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop.core.reply_parts import ToolCall
from desktop.core.store.models import Message
from desktop.core.tools.contract import ToolResult, ToolSpec


class LoopEnd(StrEnum):
    """Why a loop stopped."""

    ANSWERED = "answered"  # the model gave a reply without tool calls
    STEP_LIMIT = "step_limit"  # the model asked for more rounds than `max_steps`
    ERROR = "error"  # a request failed (the reply in the tree says why)
    CANCELLED = "cancelled"  # the user stopped it


@dataclass(frozen=True, slots=True)
class StepStarted:
    """Request `step` (1 for the first) goes to the model."""

    conversation_id: int
    step: int


@dataclass(frozen=True, slots=True)
class ToolCallPending:
    """The model asked for a call; `spec` is None for a tool it was not offered, `arguments`
    None when they did not parse (such calls are answered with an error, never run)."""

    message_id: int
    call: ToolCall
    spec: ToolSpec | None
    arguments: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class ToolCallApproved:
    message_id: int
    call: ToolCall
    always: bool  # allowed without asking ("always allow this tool")


@dataclass(frozen=True, slots=True)
class ToolCallDenied:
    message_id: int
    call: ToolCall


@dataclass(frozen=True, slots=True)
class ToolCallStarted:
    message_id: int
    call: ToolCall
    started: float  # time.monotonic() when the executor was called (for an elapsed-time label)


@dataclass(frozen=True, slots=True)
class ToolCallFinished:
    """The call ended (done, failed, denied, cancelled or skipped); `message` is as stored."""

    message: Message
    result: ToolResult | None  # None when it never ran


@dataclass(frozen=True, slots=True)
class LoopFinished:
    end: LoopEnd
    steps: int  # rounds of tool calls that ran
    reply: Message | None  # the last reply of the model
    note: str | None = None  # what to tell the user (the step limit, a failure)


ToolLoopEvent = (
    StepStarted | ToolCallPending | ToolCallApproved | ToolCallDenied | ToolCallStarted
    | ToolCallFinished | LoopFinished
)
EventCallback = Callable[[ToolLoopEvent], None]
