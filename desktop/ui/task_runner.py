"""Runs coroutines for the UI on the qasync loop, keeping a strong reference to each task.

qasync 0.28 keeps no reference to the tasks it creates, so a task started from a slot can be
garbage-collected mid-flight; and `@asyncSlot` on module-level functions breaks with
PySide6 >= 6.10.2. Widgets therefore never create tasks themselves: they call `TaskRunner.start`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from desktop.core import notices

T = TypeVar("T")
log = logging.getLogger(__name__)
DRAIN_SECONDS = 3.0  # how long tasks cancelled at shut-down get to finish


class TaskRunner(QObject):
    """Starts coroutines, holds them until done, routes results and failures back."""

    task_failed = Signal(str, str)  # task name, message
    busy_changed = Signal(int)  # number of running tasks

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._write_locks: dict[str, asyncio.Lock] = {}

    @property
    def running(self) -> int:
        return len(self._tasks)

    def start(
        self,
        coro: Coroutine[Any, Any, T],
        *,
        name: str,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> asyncio.Task[T]:
        """Schedule `coro`; `on_success(result)` or `on_failure(exc)` runs on the loop's thread.

        Without `on_failure`, a failure is logged and published as an error notice.
        Cancellation is not a failure: neither callback runs.
        """
        loop = asyncio.get_event_loop()
        task = loop.create_task(coro, name=name)
        self._tasks.add(task)
        self.busy_changed.emit(len(self._tasks))

        def done(finished: asyncio.Task[T]) -> None:
            self._tasks.discard(finished)
            try:
                self.busy_changed.emit(len(self._tasks))
            except RuntimeError:  # the runner's window is gone (a task outlived the close)
                return
            if finished.cancelled():
                return
            exc = finished.exception()
            if exc is None:
                if on_success is not None:
                    self._guard(name, on_success, finished.result())
                return
            log.error("task %s failed", name, exc_info=exc)
            if on_failure is not None:
                self._guard(name, on_failure, exc)
            else:
                notices.error(f"{name} failed: {exc}")
            self.task_failed.emit(name, str(exc))

        task.add_done_callback(done)
        return task

    def write_in_order(
        self,
        queue: str,
        call: Callable[..., T],
        *args: Any,
        name: str,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> asyncio.Task[T]:
        """Run a blocking write (`call(*args)`) on a worker thread once the writes started
        before it on the same `queue` are done. Two writes of the same value put on the
        thread pool directly may land the other way round, and the older one then wins (a
        conversation's model written back over the user's pick)."""
        lock = self._write_locks.setdefault(queue, asyncio.Lock())

        async def in_turn() -> T:
            async with lock:  # FIFO: the order the writes were asked in
                return await asyncio.to_thread(call, *args)

        return self.start(in_turn(), name=name, on_success=on_success, on_failure=on_failure)

    def _guard(self, name: str, callback: Callable[[Any], None], value: Any) -> None:
        try:
            callback(value)
        except Exception as exc:  # a broken callback must not take the loop down
            log.exception("callback of task %s raised", name)
            notices.error(f"{name}: {exc}")

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    async def drain(self) -> None:
        """Cancel every other running task and give them a moment to close their
        connections and files, so nothing is left pending when the loop stops."""
        others = [t for t in self._tasks if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        if others:
            await asyncio.wait(others, timeout=DRAIN_SECONDS)
