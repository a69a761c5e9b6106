"""BackgroundCalls: blocking image work in a thread pool, results back on the UI thread.

Decoding, scaling and encoding images and reading their files must not stall the window;
QImage and QImageReader work in any thread. The widgets that need it (the composer's tray,
the chat view's thumbnails) share one of these instead of making threads themselves.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal

T = TypeVar("T")
log = logging.getLogger(__name__)


class BackgroundCalls(QObject):
    """Runs functions in its own small thread pool; callbacks run on this object's thread."""

    _finished = Signal(int, bool, object)  # job id, succeeded, result or exception

    def __init__(self, parent: QObject | None = None, *, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._ids = itertools.count(1)
        self._callbacks: dict[
            int, tuple[Callable[[Any], None], Callable[[Exception], None] | None]
        ] = {}
        self._finished.connect(self._deliver)

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def submit(
        self,
        call: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[Exception], None] | None = None,
    ) -> int:
        """Run `call()` in a worker thread; `on_success(result)` or `on_failure(exc)` later."""
        job = next(self._ids)
        self._callbacks[job] = (on_success, on_failure)

        def run() -> None:
            try:
                result: object = call()
                succeeded = True
            except Exception as exc:  # handed to on_failure on the UI thread
                result, succeeded = exc, False
            # RuntimeError: this object was deleted meanwhile (the window closed).
            with contextlib.suppress(RuntimeError):
                self._finished.emit(job, succeeded, result)

        self.pool.start(run)
        return job

    def forget(self, job: int) -> None:
        """Drop a job's callbacks (its result is no longer wanted)."""
        self._callbacks.pop(job, None)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the running jobs are done (shutdown and tests)."""
        return bool(self.pool.waitForDone(msecs))

    def _deliver(self, job: int, succeeded: bool, result: object) -> None:
        callbacks = self._callbacks.pop(job, None)
        if callbacks is None:
            return
        on_success, on_failure = callbacks
        try:
            if succeeded:
                on_success(result)
            elif on_failure is not None and isinstance(result, Exception):
                on_failure(result)
            else:
                log.error("background job %d failed", job, exc_info=result)  # type: ignore[arg-type]
        except Exception:  # a broken callback must not take the event loop down
            log.exception("callback of background job %d raised", job)
