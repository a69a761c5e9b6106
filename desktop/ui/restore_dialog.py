"""File → Restore from backup: pick one of the backups (or any file) to restore from."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store.backup_files import BackupFile, HistorySummary, summarize
from desktop.ui.task_runner import TaskRunner

PATH_ROLE = Qt.ItemDataRole.UserRole


class RestoreDialog(QDialog):
    """Lists the backups, newest first, each with its date, kind, size and contents."""

    def __init__(self, backups: list[BackupFile], backups_dir: Path, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumSize(560, 380)
        self.chosen: Path | None = None
        self._backups_dir = backups_dir
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Choose the backup to restore. The current history is saved as a backup first, "
            "so a restore can itself be undone."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list, 1)
        self._items: dict[Path, QListWidgetItem] = {}
        for backup in backups:
            item = QListWidgetItem(self._describe(backup, None))
            item.setData(PATH_ROLE, str(backup.path))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
            self._items[backup.path] = item
        if not backups:
            empty = QListWidgetItem(self.tr("No backups yet in %1").replace("%1", str(backups_dir)))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        else:
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox()
        self.other_button = QPushButton(self.tr("Choose a file…"))
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button = buttons.addButton(self.tr("Restore…"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button.setEnabled(bool(backups))
        layout.addWidget(buttons)
        buttons.accepted.connect(self._accept_selected)
        buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(self._choose_file)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept_selected())
        self._backups = backups
        if backups:
            tasks.start(self._summaries(), name="read backup summaries",
                        on_success=self._show_summaries)

    async def _summaries(self) -> dict[Path, HistorySummary | None]:
        paths = [b.path for b in self._backups]
        return await asyncio.to_thread(lambda: {p: summarize(p) for p in paths})

    def _show_summaries(self, summaries: dict[Path, HistorySummary | None]) -> None:
        for backup in self._backups:
            item = self._items.get(backup.path)
            if item is not None:
                item.setText(self._describe(backup, summaries.get(backup.path)))

    def _describe(self, backup: BackupFile, summary: HistorySummary | None) -> str:
        kinds = {"automatic": self.tr("automatic"), "manual": self.tr("made by you"),
                 "safety": self.tr("saved before a restore")}
        when = QDateTime.fromSecsSinceEpoch(int(backup.modified)).toString("yyyy-MM-dd HH:mm")
        size = QLocale().formattedDataSize(backup.size)
        text = f"{when}  ·  {kinds.get(backup.kind, backup.kind)}  ·  {size}"
        if summary is not None:
            text += "  ·  " + self.tr("%n conversation(s)", "", summary.conversations)
        return text

    def _accept_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or not item.data(PATH_ROLE):
            return
        self.chosen = Path(str(item.data(PATH_ROLE)))
        self.accept()

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup file"), str(self._backups_dir),
            self.tr("Switchboard backups (*.sqlite3 *.db);;All files (*)"))
        if path:
            self.chosen = Path(path)
            self.accept()
