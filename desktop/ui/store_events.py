"""`StoreEvents`: the store's change reports as one Qt signal on the UI thread.

`Store.subscribe` calls back on whatever thread made the mutation (usually a worker of
`asyncio.to_thread`). This bridge queues each report to the thread it lives on and merges
all reports that arrive before the event loop gets to them, so a burst (a send writes the
question, the reply and its final state) reaches the views as one `changed(StoreChanges)`.
Views connect to `changed` and decide for themselves what to reload.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal

from desktop.core.store.changes import StoreChanges

log = logging.getLogger(__name__)


class ChangeSource(Protocol):
    """What the bridge needs of a Store."""

    def subscribe(self, callback: Callable[[StoreChanges], None]) -> Callable[[], None]: ...


class StoreEvents(QObject):
    """Re-emits a store's changes on this object's thread, merged per event-loop turn."""

    changed = Signal(object)  # StoreChanges
    _arrived = Signal()

    def __init__(self, source: ChangeSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[StoreChanges] = []
        self._lock = threading.Lock()
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        unsubscribe = source.subscribe(self._on_change)
        self._unsubscribe: Callable[[], None] | None = unsubscribe
        self.destroyed.connect(lambda *_args: unsubscribe())  # never call a deleted object

    def _on_change(self, changes: StoreChanges) -> None:
        """Runs on the mutating thread: remember, and wake the UI thread once per burst."""
        with self._lock:
            first = not self._pending
            self._pending.append(changes)
        if first:
            try:
                self._arrived.emit()
            except RuntimeError:  # the bridge was deleted while a worker wrote: nobody listens
                log.debug("store change after the bridge was deleted")

    def _deliver(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, []
        if pending:
            self.changed.emit(StoreChanges.merge(pending))

    def close(self) -> None:
        """Stop listening to the store (call before the store is closed)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
