"""StreamCoalescer: events gathered per message, flushed at most once per frame."""

from __future__ import annotations

import itertools
import time

from pytestqt.qtbot import QtBot

from desktop.core.api.events import (
    MetadataEvent,
    ReasoningDelta,
    TextDelta,
    ToolCallDelta,
    UsageEvent,
)
from desktop.core.reply_parts import Usage
from desktop.ui.chat_view.stream_coalescer import (
    FRAME_MS,
    StreamBatch,
    StreamCoalescer,
    _FlushTurns,
)


def test_events_are_batched_per_message_and_nothing_is_lost(qtbot: QtBot) -> None:
    flushed: list[dict[int, StreamBatch]] = []
    coalescer = StreamCoalescer(flushed.append)
    for number in range(500):
        coalescer.add(1, TextDelta(0, f"{number},"))
        coalescer.add(2, ReasoningDelta(0, "r"))
    coalescer.add(1, TextDelta(1, "other choice"))  # only choice 0 is shown
    coalescer.add(1, ToolCallDelta(0, 0, id="t", name="f", arguments='{"a"'))
    coalescer.add(1, ToolCallDelta(0, 0, arguments=": 1}"))
    coalescer.add(1, MetadataEvent(model="m"))
    coalescer.add(1, UsageEvent(Usage(1, 2)))
    qtbot.waitUntil(lambda: bool(flushed), timeout=1000)
    assert len(flushed) == 1
    first, second = flushed[0][1], flushed[0][2]
    assert "".join(first.text) == "".join(f"{n}," for n in range(500))
    assert first.tool_calls[0].arguments == '{"a": 1}' and first.tool_calls[0].name == "f"
    assert first.model == "m" and first.usage == Usage(1, 2)
    assert "".join(second.reasoning) == "r" * 500
    assert coalescer.events == 1005


def test_an_expensive_flush_slows_the_pace(qtbot: QtBot) -> None:
    _FlushTurns.last_flush.clear()
    coalescer = StreamCoalescer(lambda batches: time.sleep(0.04))
    coalescer.add(1, TextDelta(0, "x"))
    coalescer.flush_now()
    assert coalescer._timer.interval() >= 40  # at least the 40 ms the flush took
    _FlushTurns.last_flush.clear()
    fast = StreamCoalescer(lambda batches: None)
    fast.add(1, TextDelta(0, "x"))
    fast.flush_now()
    assert fast._timer.interval() == FRAME_MS


def test_views_streaming_together_take_turns_and_slow_down(qtbot: QtBot) -> None:
    """Compare's columns: one flush at a time with the loop left free between them, and
    each view's pace set by how many stream (16 ms x views)."""
    _FlushTurns.last_flush.clear()
    order: list[tuple[int, float, float]] = []

    def slow(number: int) -> StreamCoalescer:
        def flush(batches: dict[int, StreamBatch]) -> None:
            started = time.perf_counter()
            time.sleep(0.02)
            order.append((number, started, time.perf_counter()))
        return StreamCoalescer(flush)

    views = [slow(n) for n in range(3)]
    for view in views:
        view.add(1, TextDelta(0, "x"))  # all three timers due at the same moment
    qtbot.waitUntil(lambda: len(order) == 3, timeout=2000)
    assert sorted(n for n, _, _ in order) == [0, 1, 2]
    for (_, _, ended), (_, started, _) in itertools.pairwise(order):
        assert started - ended >= 0.015  # the loop was left free about as long as a flush
    assert all(view._timer.interval() >= 2 * FRAME_MS for view in views[1:])
