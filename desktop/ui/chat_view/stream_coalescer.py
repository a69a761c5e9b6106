"""Stream deltas gathered per message and handed to the view at most once per frame."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

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


class _FlushTurns:
    """When the next flush of any view may start (UI thread only).

    Several views stream at once in compare (up to four columns). Each has its own
    coalescer; if their timers fire together, their flushes run back to back and block
    the loop for the sum of them. After each flush, every coalescer leaves the loop free
    for as long as that flush took, so flushes take turns (Qt fires timers due at the
    same moment in the order they were armed, which makes the turns round-robin) and one
    flush is the longest the loop is held.
    """

    quiet_until = 0.0  # time.perf_counter() seconds
    last_flush: ClassVar[dict[int, float]] = {}  # id(coalescer) -> when it last flushed

    @classmethod
    def streaming_views(cls, now: float) -> int:
        """How many views flushed in the last 250 ms (this one included)."""
        recent = {key: at for key, at in cls.last_flush.items() if now - at < 0.25}
        cls.last_flush = recent
        return max(1, len(recent))


class StreamCoalescer(QObject):
    """Collects events per message id; calls `flush(batches)` at most once per frame, and
    not while another view's flush has just held the loop (`_FlushTurns`)."""

    def __init__(
        self, flush: Callable[[dict[int, StreamBatch]], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._flush = flush
        self._pending: dict[int, StreamBatch] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_timer)
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

    def _on_timer(self) -> None:
        wait_ms = (_FlushTurns.quiet_until - time.perf_counter()) * 1000
        if wait_ms >= 1 and self._pending:
            self._timer.start(int(wait_ms) + 1)  # another view flushed just now: its turn
            return
        self.flush_now()

    def flush_now(self) -> None:
        """Apply everything pending now (also called directly when a reply ends)."""
        self._timer.stop()
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        self.flushes += 1
        started = time.perf_counter()
        self._flush(pending)
        # A flush longer than a frame (a huge unfinished block) leaves the event loop at least
        # as much time before the next one, for input and painting.
        ended = time.perf_counter()
        cost_ms = (ended - started) * 1000
        _FlushTurns.last_flush[id(self)] = ended
        # With several views streaming (compare), each updates less often (4 columns: ~15
        # times a second each): the tail re-render is paid per flush, not per delta.
        frame = FRAME_MS * _FlushTurns.streaming_views(ended)
        self._timer.setInterval(int(min(max(frame, cost_ms), MAX_FRAME_MS)))
        _FlushTurns.quiet_until = ended + min(cost_ms, MAX_FRAME_MS) / 1000

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)
