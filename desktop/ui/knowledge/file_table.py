"""The Knowledge bases dialog's file table: each file of a base, its state, chunks and pages.

Filled again while a base is indexed, it keeps the selection and the scroll position; files
are in natural order ("chapter 2" before "chapter 10") and a failed one says why on hover.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.core.knowledge import FileState, IndexedFile
from desktop.ui.chat_view.kb_sources import plain_tooltip

PATH_ROLE = Qt.ItemDataRole.UserRole
MAX_FILES_SHOWN = 5000


def natural_key(path: str) -> list[object]:
    """"chapter 2" before "chapter 10"."""
    return [int(part) if part.isdigit() else part.casefold()
            for part in re.split(r"(\d+)", path)]


class FileTable(QTreeWidget):
    """File, state, chunks and pages of a base's files; several can be selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kbFiles")
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setColumnCount(4)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setHeaderLabels([self.tr("File"), self.tr("State"), self.tr("Chunks"),
                              self.tr("Pages")])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def selected_paths(self) -> list[str]:
        return [str(item.data(0, PATH_ROLE)) for item in self.selectedItems()]

    def fill(self, files: list[IndexedFile]) -> None:
        states = {FileState.INDEXED: self.tr("Indexed"), FileState.PENDING: self.tr("Waiting"),
                  FileState.FAILED: self.tr("Failed")}
        selected = set(self.selected_paths())
        scroll = self.verticalScrollBar().value()
        self.clear()
        items = []
        for entry in sorted(files[:MAX_FILES_SHOWN], key=lambda f: natural_key(f.path)):
            item = QTreeWidgetItem([Path(entry.path).name, states.get(entry.state, ""),
                                    str(entry.chunks) if entry.chunks else "",
                                    str(entry.pages) if entry.pages else ""])
            item.setData(0, PATH_ROLE, entry.path)
            item.setToolTip(0, plain_tooltip(entry.path))
            if entry.state == FileState.FAILED:
                item.setToolTip(1, plain_tooltip(entry.error[:500]))
                item.setForeground(1, Qt.GlobalColor.red)
            for column in (2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        self.addTopLevelItems(items)
        for item in items:
            item.setSelected(str(item.data(0, PATH_ROLE)) in selected)
        self.verticalScrollBar().setValue(scroll)
