"""The Help dialog (F1): every keyboard shortcut of the window, in one table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__


def shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do), translated."""
    translate = QCoreApplication.translate
    return [
        ("Ctrl+N", translate("Help", "New conversation")),
        ("Ctrl+K", translate("Help", "Search history")),
        ("Enter", translate("Help", "Send (or new line, when swapped in the Settings menu)")),
        ("Shift+Enter", translate("Help", "New line (or send, when swapped)")),
        ("Esc", translate("Help", "Stop the reply, cancel editing, clear the search")),
        ("↑", translate("Help", "In an empty composer: edit your last message")),
        ("F2", translate("Help", "Rename the selected conversation")),
        ("Delete", translate("Help", "Delete the selected conversation (with Undo)")),
        ("Ctrl+Z", translate("Help", "Undo the last delete")),
        ("Ctrl+B", translate("Help", "Show or hide the sidebar")),
        ("Ctrl+Shift+P", translate("Help", "Show or hide the parameters")),
        ("Ctrl+Shift+S", translate("Help", "Switch between the chats and the Studio")),
        ("Ctrl+L", translate("Help", "Focus the composer")),
        ("F1", translate("Help", "This help")),
        ("Ctrl+Q", translate("Help", "Quit")),
    ]


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setMinimumSize(520, 460)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{APP_NAME} {__version__}</b> — " + self.tr("keyboard shortcuts"))
        layout.addWidget(heading)
        rows = shortcuts()
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode
                                                           .ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, action) in enumerate(rows):
            key_item = QTableWidgetItem(keys)
            key_item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, 0, key_item)
            self.table.setItem(row, 1, QTableWidgetItem(action))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
