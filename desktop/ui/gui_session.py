"""The running app on one data directory: its window, its history, and restores.

A restore must close the history first (the data directory's lock refuses it while a Store
is open), so the session does it: the window shuts its history down, the current history
is saved as a backup, the backup replaces it, and a new window opens on the restored
history where the old one stood. Whatever happens — done, cancelled, failed — a window
opens on whatever history is there, and the status bar says what happened.
"""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from desktop.core.paths import DataDir
from desktop.core.progress import Progress
from desktop.core.settings import Settings
from desktop.core.store.backup_files import SAFETY_PREFIX, new_backup_path
from desktop.core.store.store import Store
from desktop.core.tools.hub import McpHub
from desktop.core.viewer_copies import sweep_stale
from desktop.core.window_state import WindowState
from desktop.ui.main_window import MainWindow
from desktop.ui.progress_dialog import ProgressRun
from desktop.ui.task_runner import TaskRunner
from desktop.ui.window_assembly import WindowParts, assemble

log = logging.getLogger(__name__)


async def open_history(window: MainWindow, data_dir: DataDir, settings: Settings,
                       window_state: WindowState, opened: list[Store]) -> WindowParts:
    """Open the Store off the UI thread, then build the controllers around it."""
    from desktop.core.api.limits import ResponseLimits
    from desktop.core.chat_service import ChatService
    from desktop.core.key_access import KeyAccess
    from desktop.core.providers import ProviderRegistry

    store = await asyncio.to_thread(Store.open, data_dir)
    opened.append(store)
    providers = await asyncio.to_thread(ProviderRegistry, data_dir.root)
    tool_hub = await asyncio.to_thread(McpHub.open, data_dir.root)  # reads mcp_servers.json
    await asyncio.to_thread(sweep_stale)  # viewer copies that earlier runs left a day ago
    if store.backup_made is None and store.recovered_messages:
        window.statusBar().showMessage(QCoreApplication.translate(
            "GuiSession",
            "Replies cut off by the last exit were kept and marked as interrupted."), 10000)
    # KeyAccess: keyring reads with a timeout, plus keys kept for this session only.
    service = ChatService(store, providers, secrets=KeyAccess(),
                          limits=ResponseLimits.from_settings(settings))
    parts = assemble(window, store, service, settings, window_state, tool_hub=tool_hub)
    # Core's own sentences (loading problems, a read-only directory, a failed backup), all
    # shown at once: one notice each would replace the one before.
    notices = [*providers.warnings, store.read_only, store.backup_problem]
    if shown := "\n".join(n for n in notices if n):
        window.chat.show_notice(shown)
    if store.read_only:  # the notice goes when a conversation opens; the badge stays
        window.show_read_only(store.read_only)
    return parts


class GuiSession(QObject):
    """Owns the main window (one at a time) and the stores it opened."""

    def __init__(self, data_dir: DataDir, settings: Settings, window_state: WindowState,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.settings = settings
        self.window_state = window_state
        self.tasks = TaskRunner(self)  # outlives every window's own runner
        self.stores: list[Store] = []
        self.parts: WindowParts | None = None
        self.window = self._new_window()
        self.restoring = False

    def _new_window(self) -> MainWindow:
        window = MainWindow(window_state=self.window_state, settings=self.settings)
        if self.settings.load_problem:
            window.statusBar().showMessage(self.settings.load_problem, 15000)
        return window

    def start(self, started: float | None = None) -> MainWindow:
        """Show the window; the history opens once it is on screen (so a big database
        cannot delay it). `started`: the process's start on the monotonic clock, for the log."""
        self.window.show()

        def after_first_paint() -> None:
            if started is not None:
                log.info("main window painted after %.0f ms",
                         (time.monotonic() - started) * 1000)
            self._open_history()

        QTimer.singleShot(0, after_first_paint)
        return self.window

    def _open_history(self, after: str = "") -> None:
        window = self.window

        def opened(parts: WindowParts) -> None:
            if window is not self.window:
                return
            self.parts = parts
            parts.history.restore_confirmed.connect(self.restore)
            if after:
                window.statusBar().showMessage(after, 20000)
                window.chat.show_notice(after)

        def failed(exc: BaseException) -> None:
            window.history_failed(str(exc))
            if after:
                window.chat.show_notice(after + "\n" + window.history_problem)

        window.tasks.start(
            open_history(window, self.data_dir, self.settings, self.window_state, self.stores),
            name="open history", on_success=opened, on_failure=failed)

    def bring_to_front(self) -> None:
        self.window.bring_to_front()

    def close_stores(self) -> None:
        while self.stores:
            self.stores.pop().close()

    # ----------------------------------------------------------------- restore

    def restore(self, source: Path) -> None:
        """Replace the history with the backup `source` (already checked and confirmed)."""
        if self.restoring or self.parts is None:
            return
        self.restoring = True
        self.tasks.start(self._restore(source), name="restore",
                         on_failure=lambda exc: self._reopen(self.tr(
                             "Nothing was restored: %1").replace("%1", str(exc))))

    async def _restore(self, source: Path) -> None:
        old, parts = self.window, self.parts
        assert parts is not None
        old.save_state()
        # Window-modal from the start, so nothing is clicked while the history closes.
        run = ProgressRun(old, self.tr("Restore from backup"), self.tasks)
        old.statusBar().showMessage(self.tr("Closing the history…"))
        await parts.shutdown()  # streams stopped (what arrived is kept), pending deletes done
        old.shutdown = None
        old.window_state = None  # the new window owns the state file from here
        self.parts = None
        stores, self.stores = list(self.stores), []
        backups = self.data_dir.backups
        data_dir = self.data_dir

        def work(progress: Progress) -> Path:
            safety = new_backup_path(backups, SAFETY_PREFIX)
            try:
                for store in stores:
                    store.backup_to(safety, progress)
            finally:
                for store in stores:
                    store.close()
            Store.restore_backup(data_dir, source, progress)
            return safety

        run.start(
            work, name="restore backup",
            on_done=lambda safety: self._reopen(
                self.tr("Restored the history from %1. The history before it was saved as %2.")
                .replace("%1", source.name).replace("%2", str(safety))),
            on_failed=lambda exc: self._reopen(
                self.tr("Nothing was restored: %1").replace("%1", str(exc))),
            on_cancelled=lambda: self._reopen(
                self.tr("Restore cancelled: the history was not changed.")))

    def _reopen(self, message: str) -> None:
        """A new window on whatever history is there now; the old one goes."""
        old = self.window
        for store in self.stores:  # a failure before the hand-over left it open
            store.close()
        self.stores.clear()
        self.window_state.set("open_conversation", None)
        drafts = self.window_state.get("drafts")
        if isinstance(drafts, dict) and drafts:
            # Drafts are keyed by conversation ids of the history that was replaced.
            self.window_state.set("drafts_before_restore", drafts)
            self.window_state.set("drafts", {k: v for k, v in drafts.items() if k == "new"})
        self.window_state.save()
        self.window = self._new_window()
        self.window.show()
        old.shutdown = None
        old.window_state = None
        old.tasks.cancel_all()  # nothing of the old window may touch the closed history
        old.hide()
        old.close()
        old.deleteLater()
        self.restoring = False
        log.info("history reopened after a restore: %s", message)
        self._open_history(after=message)
