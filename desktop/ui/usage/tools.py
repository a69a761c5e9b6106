"""View → Usage and costs, and "Recalculate costs": the usage window (one at a time) and the
re-pricing of replies with today's prices behind a cancellable progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.pricing.recording import recalculate_with_progress
from desktop.core.progress import Progress
from desktop.core.providers import ProviderRegistry
from desktop.core.store.changes import StoreChanges
from desktop.core.store.store import Store
from desktop.ui.progress_dialog import ProgressRun
from desktop.ui.task_runner import TaskRunner

if TYPE_CHECKING:  # QtCharts loads when the view first opens, not at start
    from desktop.ui.usage.window import UsageWindow


class UsageTools(QObject):
    """Opens the usage view and runs "Recalculate costs"; `open_conversation` asks the window
    to open a conversation picked in the view."""

    open_conversation = Signal(int)
    recalculated = Signal(int)  # how many replies got a price

    def __init__(self, store: Store, registry: ProviderRegistry, tasks: TaskRunner,
                 status: Callable[[str], None], dialog_parent: QWidget,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.registry, self.tasks = store, registry, tasks
        self._status, self._parent = status, dialog_parent
        self.window: UsageWindow | None = None
        self.running: ProgressRun | None = None

    def show_usage(self) -> UsageWindow:
        """Open (or raise) the usage view and load its numbers."""
        if self.window is None:
            from desktop.ui.usage.window import UsageWindow

            window = self.window = UsageWindow(self.store, self.tasks, self._parent)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda: setattr(self, "window", None))
            window.open_conversation.connect(self.open_conversation)
            window.recalculate_requested.connect(lambda: self.recalculate())
            window.show()
            window.reload()
        else:
            self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def store_changed(self, changes: StoreChanges) -> None:
        if self.window is not None:
            self.window.store_changed(changes)

    def recalculate(self, *, confirm: bool = True) -> ProgressRun | None:
        """Price every reply again with today's prices and each provider's overrides."""
        parent = self.window if self.window is not None else self._parent
        if confirm and QMessageBox.question(
                parent, self.tr("Recalculate costs"),
                self.tr("Price every reply again with today's prices and each provider's "
                        "overrides? The prices they were sent with are replaced.")
        ) != QMessageBox.StandardButton.Yes:
            return None
        pricing = {profile.name: profile.pricing for profile in self.registry.list()}
        store = self.store
        run = self.running = ProgressRun(parent, self.tr("Recalculating costs"), self.tasks)

        def work(progress: Progress) -> tuple[int, int]:
            ids = store.reply_ids()
            return recalculate_with_progress(store, pricing, ids, progress), len(ids)

        def done(result: tuple[int, int]) -> None:
            self.running = None
            self._status(self.tr("Priced %1 of %2 replies again with today's prices.")
                         .replace("%1", f"{result[0]:,}").replace("%2", f"{result[1]:,}"))
            self.recalculated.emit(result[0])
            if self.window is not None:
                self.window.reload()

        def cancelled() -> None:
            self.running = None
            self._status(self.tr("Recalculating stopped: the replies done so far keep their "
                                 "new prices."))
            if self.window is not None:
                self.window.reload()

        def failed(exc: BaseException) -> None:
            self.running = None
            self._status(self.tr("The costs could not be recalculated: %1")
                         .replace("%1", str(exc)[:300]))

        run.start(work, name="recalculate costs", on_done=done, on_failed=failed,
                  on_cancelled=cancelled)
        return run
