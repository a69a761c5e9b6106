"""The conversation sidebar: new-chat button, search box, conversation list or search results."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.core.store.models import SearchResults
from desktop.ui.conversation_list import ConversationListModel, ConversationListView
from desktop.ui.resources import icon
from desktop.ui.search_results import SearchResultsModel, SearchResultsView, SearchRoles
from desktop.ui.studio.section_tabs import SectionTabs


class Sidebar(QWidget):
    new_chat_requested = Signal()
    search_changed = Signal(str)
    section_requested = Signal(str)  # "chats" or "studio" (the tabs under the title)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 12, 8, 8)
        layout.setSpacing(8)

        top = QHBoxLayout()
        top.setContentsMargins(4, 0, 0, 0)
        title = QLabel(APP_NAME)
        title.setObjectName("appTitle")
        top.addWidget(title)
        top.addStretch(1)
        self.new_button = QToolButton()
        self.new_button.setObjectName("flat")
        self.new_button.setIcon(icon("new-chat"))
        self.new_button.clicked.connect(self.new_chat_requested)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.sections = SectionTabs()
        self.sections.chosen.connect(self.section_requested)
        layout.addWidget(self.sections)
        self.pages = QStackedWidget()
        chats_page = QWidget()
        outer, layout = layout, QVBoxLayout(chats_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.pages.addWidget(chats_page)
        outer.addWidget(self.pages, 1)

        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._on_search_text)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)

        self.model = ConversationListModel(self)
        self.list_view = ConversationListView(self.model)
        self.results_model = SearchResultsModel(self)
        self.results_view = SearchResultsView(self.results_model)
        self.search_status = QLabel()
        self.search_status.setObjectName("hint")
        self.search_status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.search_status.setWordWrap(True)
        results_page = QWidget()
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.search_status)
        results_layout.addWidget(self.results_view, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(results_page)
        layout.addWidget(self.stack, 1)

        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("hint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_hint)
        self.model.modelReset.connect(self._update_hint)
        self._update_hint()
        self.retranslate_ui()

    def set_studio_page(self, page: QWidget) -> None:
        """The Studio tab's content (built with the Studio by the composition root)."""
        self.pages.addWidget(page)

    def show_section(self, section: str) -> None:
        """Show the chats' or the Studio's page (the main area follows `section_requested`)."""
        self.sections.set_current(section)
        self.pages.setCurrentIndex(1 if section == "studio" and self.pages.count() > 1 else 0)

    def retranslate_ui(self) -> None:
        self.new_button.setToolTip(self.tr("New conversation (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("New conversation"))
        self.search.setPlaceholderText(self.tr("Search  (Ctrl+K)"))
        self.search.setAccessibleName(self.tr("Search conversations"))
        self.empty_hint.setText(self.tr("No conversations yet.\nStart one with Ctrl+N."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ----------------------------------------------------------------- search

    def _on_search_text(self, text: str) -> None:
        searching = bool(text.strip())
        self.stack.setCurrentIndex(1 if searching else 0)
        if searching:
            self.search_status.setText(self.tr("Searching…"))
            self.search_status.show()
        else:
            self.results_model.clear()
        self._update_hint()
        self.search_changed.emit(text)

    def show_results(self, results: SearchResults) -> None:
        if results.query.strip() != self.search.text().strip():
            return  # an answer to a query the user has since changed
        model = self.results_model
        current = self.results_view.currentIndex()
        # The same query answered again (the history changed): the chosen hit stays chosen.
        kept = ((current.data(SearchRoles.CONVERSATION_ID), current.data(SearchRoles.MESSAGE_ID))
                if current.isValid() and results.query == model.query else None)
        model.set_results(results)
        if model.rowCount() == 0:
            self.search_status.setText(self.tr("No matches for “%1”.").replace(
                "%1", results.query))
            self.search_status.show()
            return
        self.search_status.hide()
        row = model.row_of(*kept) if kept is not None else None
        self.results_view.setCurrentIndex(model.index(row if row is not None else 0))

    def show_search_error(self, message: str) -> None:
        self.search_status.setText(self.tr("Search failed: %1").replace("%1", message))
        self.search_status.show()

    def is_searching(self) -> bool:
        return self.stack.currentIndex() == 1

    def clear_search(self) -> None:
        self.search.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.clear_search()
                return True
            if event.key() == Qt.Key.Key_Down:
                target = self.results_view if self.is_searching() else self.list_view
                target.setFocus()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.is_searching():
                self.results_view.open_index(self.results_view.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _update_hint(self) -> None:
        self.empty_hint.setVisible(
            not self.is_searching() and self.model.conversation_count() == 0
        )
