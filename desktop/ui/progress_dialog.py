"""Long work in a worker thread behind a progress dialog that can be cancelled.

The work gets a core `Progress`; the dialog reads it on a timer (nothing crosses threads
but the cancel flag). Cancel asks the work to stop at its next safe point: the work undoes
what it did, and `on_cancelled` runs instead of `on_done`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.core.progress import Progress, WorkCancelledError
from desktop.core.store.errors import StoreError
from desktop.ui.task_runner import TaskRunner

T = TypeVar("T")
SHOW_AFTER_MS = 300  # quick work finishes before a dialog flashes up
POLL_MS = 100
_CANCELLED = object()
log = logging.getLogger(__name__)


class _Refused:
    """An expected failure (a bad file, a full disk): said to the user, no traceback logged."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


def phase_text(phase: str) -> str:
    """What a core phase name means to the user."""
    texts = {
        "reading": QCoreApplication.translate("ProgressDialog", "Reading the file…"),
        "checking": QCoreApplication.translate("ProgressDialog", "Checking the conversations…"),
        "writing": QCoreApplication.translate("ProgressDialog", "Saving the conversations…"),
        "copying": QCoreApplication.translate("ProgressDialog", "Copying the history…"),
        "exporting": QCoreApplication.translate("ProgressDialog", "Writing the export…"),
        "recalculate": QCoreApplication.translate("ProgressDialog", "Pricing the replies…"),
    }
    return texts.get(phase, "")


class ProgressRun:
    """One piece of work with its dialog; `progress` is what the worker reports to."""

    def __init__(self, parent: QWidget, title: str, tasks: TaskRunner, *,
                 cancellable: bool = True) -> None:
        self.progress = Progress()
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setObjectName("progressDialog")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setRange(0, 0)
        self.dialog.setMinimumWidth(420)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)
        self._tasks = tasks
        self._timer = QTimer(self.dialog)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.task: asyncio.Task[Any] | None = None

    def cancel(self) -> None:
        if not self.progress.cancelled:
            self.progress.cancel()
            self.dialog.setLabelText(QCoreApplication.translate("ProgressDialog", "Cancelling…"))

    def _poll(self) -> None:
        if self.progress.cancelled:
            return
        fraction = self.progress.fraction
        if fraction is None:
            self.dialog.setRange(0, 0)
        else:
            self.dialog.setRange(0, 1000)
            self.dialog.setValue(int(fraction * 1000))
        if text := phase_text(self.progress.phase):
            self.dialog.setLabelText(text)

    def start(self, work: Callable[[Progress], T], *, name: str,
              on_done: Callable[[T], None], on_failed: Callable[[BaseException], None],
              on_cancelled: Callable[[], None] | None = None) -> None:
        progress = self.progress

        async def run() -> Any:
            try:
                return await asyncio.to_thread(work, progress)
            except WorkCancelledError:
                return _CANCELLED
            except (StoreError, OSError) as exc:
                log.warning("%s: %s", name, exc)
                return _Refused(exc)

        def finish() -> None:
            self._timer.stop()
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()

        def done(result: Any) -> None:
            finish()
            if result is _CANCELLED:
                if on_cancelled is not None:
                    on_cancelled()
            elif isinstance(result, _Refused):
                on_failed(result.error)
            else:
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            on_failed(exc)

        self._timer.start()
        self.dialog.setValue(0)
        self.task = self._tasks.start(run(), name=name, on_success=done, on_failure=failed)
