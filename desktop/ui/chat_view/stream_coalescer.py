"""Stream deltas gathered per message and handed to the view at most once per frame."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer

from desktop.core.api.events import (
    AnnotationsEvent,
    ErrorEvent,
    MetadataEvent,
    ReasoningDelta,
    RefusalDelta,
    StreamEvent,
    TextDelta,
    ToolCallDelta,
    UsageEvent,
)
from desktop.core.citations import citations_from
from desktop.core.reply_parts import Citation, Usage

FRAME_MS = 16  # ~60 Hz
MAX_FRAME_MS = 250  # slowest pace when flushes are expensive (a huge unfinished block)


@dataclass
class ToolCallDraft:
    """A tool call as far as it has streamed."""

    id: str = ""
    name: str = ""
    arguments: str = ""


@dataclass
class StreamBatch:
    """Everything that arrived for one message since the last flush (choice 0 only)."""

    text: list[str] = field(default_factory=list)
    reasoning: list[str] = field(default_factory=list)
    tool_calls: dict[int, ToolCallDraft] = field(default_factory=dict)
    model: str | None = None
    usage: Usage | None = None
    error: str | None = None
    refusal: list[str] | None = None  # None: no refusal arrived
    citations: list[Citation] = field(default_factory=list)  # from streamed annotations
    events: int = 0

    def add(self, event: StreamEvent) -> None:
        self.events += 1
        if isinstance(event, TextDelta):
            if event.index == 0:
                self.text.append(event.text)
        elif isinstance(event, RefusalDelta):
            if event.index == 0:
                if self.refusal is None:
                    self.refusal = []
                self.refusal.append(event.text)
        elif isinstance(event, ReasoningDelta):
            if event.index == 0:
                self.reasoning.append(event.text)
        elif isinstance(event, ToolCallDelta):
            if event.index == 0:
                draft = self.tool_calls.setdefault(event.call_index, ToolCallDraft())
                draft.id = event.id or draft.id
                draft.name = event.name or draft.name
                draft.arguments += event.arguments
        elif isinstance(event, MetadataEvent):
            self.model = event.model or self.model
        elif isinstance(event, UsageEvent):
            self.usage = event.usage
        elif isinstance(event, ErrorEvent):
            self.error = event.message
        elif isinstance(event, AnnotationsEvent) and event.index == 0:
            self.citations += citations_from(
                event.annotations, base=event.base, position=event.position)


class StreamCoalescer(QObject):
    """Collects events per message id; calls `flush(batches)` at most once per frame."""

    def __init__(
        self, flush: Callable[[dict[int, StreamBatch]], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._flush = flush
        self._pending: dict[int, StreamBatch] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.flush_now)
        self.flushes = 0
        self.events = 0

    def add(self, message_id: int, event: StreamEvent) -> None:
        """Queue one event (cheap: no rendering here)."""
        batch = self._pending.get(message_id)
        if batch is None:
            batch = self._pending[message_id] = StreamBatch()
        batch.add(event)
        self.events += 1
        if not self._timer.isActive():
            self._timer.start()

    def discard(self, message_id: int) -> StreamBatch | None:
        """Take a message's pending batch out (its final state arrived)."""
        return self._pending.pop(message_id, None)

    def flush_now(self) -> None:
        self._timer.stop()
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        self.flushes += 1
        started = time.perf_counter()
        self._flush(pending)
        # A flush longer than a frame (a huge unfinished block) leaves the event loop at least
        # as much time before the next one, for input and painting.
        cost_ms = (time.perf_counter() - started) * 1000
        self._timer.setInterval(int(min(max(FRAME_MS, cost_ms), MAX_FRAME_MS)))

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)
