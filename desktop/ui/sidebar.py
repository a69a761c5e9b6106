"""The conversation sidebar: new-chat button, search box and the conversation list view."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.ui.resources import icon


class Sidebar(QWidget):
    new_chat_requested = Signal()
    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 12, 10, 10)
        layout.setSpacing(10)

        top = QHBoxLayout()
        title = QLabel(APP_NAME)
        title.setObjectName("appTitle")
        top.addWidget(title)
        top.addStretch(1)
        self.new_button = QToolButton()
        self.new_button.setObjectName("flat")
        self.new_button.setIcon(icon("new-chat"))
        self.new_button.setToolTip(self.tr("New conversation (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("New conversation"))
        self.new_button.clicked.connect(self.new_chat_requested)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search conversations  (Ctrl+K)"))
        self.search.setAccessibleName(self.tr("Search conversations"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self.search_changed)
        layout.addWidget(self.search)

        section = QLabel(self.tr("CONVERSATIONS"))
        section.setObjectName("sectionTitle")
        layout.addWidget(section)

        self.model = QStandardItemModel(self)
        self.list_view = QListView()
        self.list_view.setObjectName("conversationList")
        self.list_view.setAccessibleName(self.tr("Conversations"))
        self.list_view.setModel(self.model)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.list_view, 1)

        self.empty_hint = QLabel(self.tr("No conversations yet.\nStart one with Ctrl+N."))
        self.empty_hint.setObjectName("hint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_hint)
        self.model.rowsInserted.connect(self._update_hint)
        self.model.rowsRemoved.connect(self._update_hint)
        self.model.modelReset.connect(self._update_hint)
        self._update_hint()

    def _update_hint(self) -> None:
        self.empty_hint.setVisible(self.model.rowCount() == 0)
