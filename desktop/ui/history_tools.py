"""The File menu's history tools: import, export everything, back up now, restore.

Each long step runs in a worker thread behind a progress dialog that can be cancelled
(`progress_dialog`); a cancelled import or export leaves nothing half-done. A restore is
prepared here (choose, check, confirm) and carried out by the GUI session, which must
close this history first: `restore_confirmed` asks it to.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.progress import Progress
from desktop.core.store.backup import verify_backup
from desktop.core.store.backup_files import (
    MANUAL_PREFIX,
    HistorySummary,
    list_backup_files,
    new_backup_path,
    summarize,
)
from desktop.core.store.errors import StoreError
from desktop.core.store.export_json import write_json
from desktop.core.store.importer import import_file
from desktop.core.store.store import Store
from desktop.ui.progress_dialog import ProgressRun
from desktop.ui.restore_dialog import RestoreDialog
from desktop.ui.task_runner import TaskRunner


@dataclass(frozen=True)
class RestorePlan:
    source: Path
    backup: HistorySummary | None
    current: HistorySummary | None


class HistoryTools(QObject):
    """Runs File → Import, Export all, Back up now and Restore from backup."""

    restore_confirmed = Signal(object)  # Path: the session closes the history and restores
    imported = Signal(list)  # ids of the conversations an import added

    def __init__(self, store: Store, tasks: TaskRunner, status: Callable[[str], None],
                 dialog_parent: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._status = status
        self._parent = dialog_parent
        self.running: ProgressRun | None = None  # the work in progress, for tests

    def _fail(self, title: str, exc: BaseException) -> None:
        """Say what went wrong in a window-modal box (nothing was changed)."""
        self._warn(title, str(exc) or type(exc).__name__)

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self._parent)
        box.setObjectName("historyToolsProblem")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # ----------------------------------------------------------------- import

    def import_history(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self._parent, self.tr("Import conversations"), "",
                self.tr("Conversations (*.json *.zip);;All files (*)"))
            if not path:
                return
        source, store = Path(path), self._store
        title = self.tr("Import conversations")
        run = self.running = ProgressRun(self._parent, title, self._tasks)

        def done(ids: list[int]) -> None:
            self.running = None
            self._status(self.tr("Imported %n conversation(s).", "", len(ids)))
            self.imported.emit(ids)

        def cancelled() -> None:
            self.running = None
            self._status(self.tr("Import cancelled: nothing was imported."))

        def failed(exc: BaseException) -> None:
            self.running = None
            self._fail(title, exc)

        run.start(lambda progress: import_file(store, source, progress), name="import",
                  on_done=done, on_failed=failed, on_cancelled=cancelled)

    # ----------------------------------------------------------------- export everything

    def export_all(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self._parent, self.tr("Export all conversations"),
                "switchboard-conversations.json", self.tr("JSON (*.json)"))
            if not path:
                return
        dest, store = Path(path), self._store
        if not dest.suffix:
            dest = dest.with_suffix(".json")
        title = self.tr("Export all conversations")
        run = self.running = ProgressRun(self._parent, title, self._tasks)

        def work(progress: Progress) -> int:
            ids = [c.id for c in store.list_conversations(archived=None)][::-1]
            write_json(store, ids, dest, progress)
            return len(ids)

        def done(count: int) -> None:
            self.running = None
            self._status(self.tr("Exported %n conversation(s) to %1", "", count)
                         .replace("%1", str(dest)))

        def cancelled() -> None:
            self.running = None
            self._status(self.tr("Export cancelled: no file was written."))

        def failed(exc: BaseException) -> None:
            self.running = None
            self._fail(title, exc)

        run.start(work, name="export all", on_done=done, on_failed=failed,
                  on_cancelled=cancelled)

    # ----------------------------------------------------------------- backup

    def backup_now(self) -> None:
        store = self._store
        dest = new_backup_path(store.data_dir.backups, MANUAL_PREFIX)
        title = self.tr("Back up now")
        run = self.running = ProgressRun(self._parent, title, self._tasks)

        def done(path: Path) -> None:
            self.running = None
            self._status(self.tr("Backed up to %1").replace("%1", str(path)))

        def cancelled() -> None:
            self.running = None
            self._status(self.tr("Backup cancelled."))

        def failed(exc: BaseException) -> None:
            self.running = None
            self._fail(title, exc)

        run.start(lambda progress: store.backup_to(dest, progress), name="back up",
                  on_done=done, on_failed=failed, on_cancelled=cancelled)

    # ----------------------------------------------------------------- restore

    def choose_restore(self) -> None:
        """Choose a backup, check it, confirm what will be replaced, then ask for it."""
        backups_dir = self._store.data_dir.backups
        dialog = RestoreDialog(list_backup_files(backups_dir), backups_dir, self._tasks,
                               self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            if dialog.chosen is not None:
                self.check_restore(dialog.chosen)

        dialog.accepted.connect(chosen)
        dialog.open()

    def check_restore(self, source: Path) -> None:
        """Check `source` off the UI thread; a good one is offered for confirmation."""
        store = self._store

        async def check() -> RestorePlan:
            def work() -> RestorePlan:
                verify_backup(source)
                return RestorePlan(source, summarize(source), summarize(store.path, live=True))
            return await asyncio.to_thread(work)

        def failed(exc: BaseException) -> None:
            message = str(exc) if isinstance(exc, StoreError | OSError) else repr(exc)
            self._warn(self.tr("Restore from backup"),
                       self.tr("This file cannot be restored: %1").replace("%1", message))

        self._tasks.start(check(), name="check backup", on_success=self.confirm_restore,
                          on_failure=failed)

    def confirm_text(self, plan: RestorePlan) -> str:
        def describe(summary: HistorySummary | None) -> str:
            if summary is None:
                return self.tr("an unknown number of conversations")
            return (self.tr("%n conversation(s)", "", summary.conversations) + ", "
                    + self.tr("%n message(s)", "", summary.messages))

        return self.tr(
            "Replace the whole current history ({current}) with the backup {name} "
            "({backup})?\n\nThe current history is first saved as a backup in {folder}, "
            "so nothing is lost. Replies still streaming are stopped, and the window "
            "reopens on the restored history.").format(
                current=describe(plan.current), name=plan.source.name,
                backup=describe(plan.backup), folder=self._store.data_dir.backups)

    def confirm_restore(self, plan: RestorePlan) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore from backup"),
                          self.confirm_text(plan), parent=self._parent)
        box.setObjectName("confirmRestore")
        restore = box.addButton(self.tr("Replace the history"),
                                QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is restore:
                self.restore_confirmed.emit(plan.source)

        box.finished.connect(answered)
        box.open()
