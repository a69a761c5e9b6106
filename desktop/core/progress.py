"""Progress and cancellation for long work that runs in a worker thread.

The worker calls `step()` at points where stopping is safe; after `cancel()` (from any
thread) the next `step()` raises `WorkCancelledError`, so the work unwinds through its own
transactions and clean-ups. The UI reads `fraction` and `phase` with a timer: no signal
crosses threads.
"""

from __future__ import annotations

import threading


class WorkCancelledError(Exception):
    """The user cancelled the work; everything it did was undone."""


class Progress:
    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.done = 0
        self.total = 0
        self.phase = ""

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def fraction(self) -> float | None:
        """How much is done, 0–1; None while the total is unknown."""
        if self.total <= 0:
            return None
        return min(1.0, max(0.0, self.done / self.total))

    def step(self, done: int | None = None, total: int | None = None,
             phase: str | None = None) -> None:
        """Record where the work is; raise `WorkCancelledError` if the user asked to stop."""
        if phase is not None and phase != self.phase:
            self.phase = phase
        if total is not None:
            self.total = total
        if done is not None:
            self.done = done
        if self._cancel.is_set():
            raise WorkCancelledError("cancelled by the user")


def step(progress: Progress | None, done: int | None = None, total: int | None = None,
         phase: str | None = None) -> None:
    """`progress.step(...)` when there is a progress to report to."""
    if progress is not None:
        progress.step(done, total, phase)
