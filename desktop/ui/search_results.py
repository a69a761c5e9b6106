"""Full-text search in the sidebar: a runner bridge, the results model and its painted rows.

The store's `SearchRunner` searches on its own thread and drops stale queries; its callback
arrives on that thread, so `SearchBridge` re-emits it as a (queued) Qt signal. Connected to
`StoreEvents.changed`, the bridge runs the current query again when searchable text changed,
so results never show a deleted message or miss a new one.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, replace
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.core.store.changes import StoreChanges
from desktop.core.store.models import HIGHLIGHT_END, HIGHLIGHT_START, SearchResults
from desktop.core.store.search import SearchRunner
from desktop.ui.theme import current_colors

AnyIndex = QModelIndex | QPersistentModelIndex
RESULT_HEIGHT = 64
DEBOUNCE_MS = 120
REFRESH_MS = 250  # after a store change: a send writes several times in a row
MARKUP = re.compile(r"```+|\*\*|__|(?<!\S)#{1,6}(?=\s)")  # Markdown noise in a snippet


class SearchRoles(IntEnum):
    CONVERSATION_ID = Qt.ItemDataRole.UserRole + 1
    MESSAGE_ID = Qt.ItemDataRole.UserRole + 2  # None for a title-only hit
    SNIPPET_HTML = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True, slots=True)
class ResultRow:
    conversation_id: int
    message_id: int | None
    title: str
    snippet_html: str
    plain: str
    updated_at: float


def snippet_html(snippet: str, lead: int = 40) -> str:
    """Escape a store snippet and turn its highlight markers into <b> tags.

    Text before the first hit is cut to about `lead` characters, so the hit shows in the
    two lines a result has.
    """
    snippet = " ".join(MARKUP.sub("", snippet).split())
    first = snippet.find(HIGHLIGHT_START)
    if first > lead:
        cut = snippet.find(" ", first - lead, first)
        snippet = "…" + snippet[(cut + 1 if cut != -1 else first - lead):]
    escaped = html.escape(snippet)
    return escaped.replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")


def _plain(snippet: str) -> str:
    return " ".join(snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "").split())


def as_you_type(query: str) -> str:
    """The store query for what is typed: the word being typed matches as a prefix.

    "puff" finds "puffins" while the user is still typing; a trailing space, a closing
    quote or an explicit `*` leave the query as it is.
    """
    if not query.strip() or query.count('"') % 2 or not query[-1].isalnum():
        return query.strip()
    query = query.strip()
    last = query.split()[-1]
    if len(last) < 2 or (last.startswith("-") and len(last) < 3):
        return query
    return query + "*"


class SearchBridge(QObject):
    """Debounces typed queries into the store's SearchRunner and brings results back.

    A store change to searchable text runs the current query again (`on_store_changed`).
    """

    results_ready = Signal(object)  # SearchResults
    failed = Signal(str)
    _result = Signal(int, object)
    _error = Signal(int, str)

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = SearchRunner(
            database,
            lambda gen, results: self._result.emit(gen, results),
            lambda gen, exc: self._error.emit(gen, str(exc)),
        )
        self._result.connect(self._on_result, Qt.ConnectionType.QueuedConnection)
        self._error.connect(self._on_error, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._submit)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._submit_again)
        self._query = ""
        self._typed: dict[int, str] = {}
        self.latest = 0

    def search(self, query: str, *, immediately: bool = False) -> None:
        self._query = query.lstrip()  # a trailing space says the last word is finished
        if not self._query.strip():
            self._timer.stop()
            self._refresh.stop()
            self._runner.cancel()
            return
        if immediately:
            self._submit()
        else:
            self._timer.start()

    @property
    def refresh_pending(self) -> bool:
        """The current query will run again (a store change arrived)."""
        return self._refresh.isActive()

    def on_store_changed(self, changes: StoreChanges) -> None:
        """Slot for `StoreEvents.changed`: re-run the current query if its results may differ."""
        if changes.text_changed and self._query.strip():
            self._refresh.start()

    def _submit_again(self) -> None:
        if self._query.strip() and not self._timer.isActive():  # typing submits by itself
            self._submit()

    def _submit(self) -> None:
        self._timer.stop()
        self._refresh.stop()
        self.latest = self._runner.submit(as_you_type(self._query), limit=30)
        self._typed = {self.latest: self._query}  # only the newest query is answered

    def _on_result(self, generation: int, results: SearchResults) -> None:
        typed = self._typed.pop(generation, results.query).strip()
        if generation == self._runner.generation:
            # Report the query as typed (no added `*`): the view highlights it.
            self.results_ready.emit(replace(results, query=typed))

    def _on_error(self, generation: int, message: str) -> None:
        if generation == self._runner.generation:
            self.failed.emit(message)

    def close(self) -> None:
        self._timer.stop()
        self._refresh.stop()
        self._runner.close(timeout=2.0)


class SearchResultsModel(QAbstractListModel):
    """One row per matching message (or per conversation whose title matched)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ResultRow] = []
        self.query = ""

    def set_results(self, results: SearchResults) -> None:
        rows: list[ResultRow] = []
        for hit in results.hits:
            title = hit.title or "…"
            if not hit.messages:
                snippet = hit.title_snippet or hit.title
                rows.append(ResultRow(hit.conversation_id, None, title, snippet_html(snippet),
                                      _plain(snippet), hit.updated_at))
            for message in hit.messages:
                rows.append(ResultRow(hit.conversation_id, message.message_id, title,
                                      snippet_html(message.snippet), _plain(message.snippet),
                                      message.created_at))
        self.beginResetModel()
        self._rows = rows
        self.query = results.query
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.query = ""
        self.endResetModel()

    def row_at(self, row: int) -> ResultRow:
        return self._rows[row]

    def row_of(self, conversation_id: int, message_id: int | None) -> int | None:
        """The row of this hit, if the results hold it."""
        for number, row in enumerate(self._rows):
            if (row.conversation_id, row.message_id) == (conversation_id, message_id):
                return number
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{row.title}: {row.plain}"
        if role == SearchRoles.CONVERSATION_ID:
            return row.conversation_id
        if role == SearchRoles.MESSAGE_ID:
            return row.message_id
        if role == SearchRoles.SNIPPET_HTML:
            return row.snippet_html
        return None


class SearchResultDelegate(QStyledItemDelegate):
    """Title and date on the first line, the highlighted snippet (two lines) below."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(max(option.rect.width(), 100), RESULT_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        colors = current_colors()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect
        card = rect.adjusted(4, 2, -4, -2)
        state = option.state
        if state & QStyle.StateFlag.State_Selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colors["selected"]))
            painter.drawRoundedRect(card, 6, 6)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colors["hover"]))
            painter.drawRoundedRect(card, 6, 6)
        model = index.model()
        assert isinstance(model, SearchResultsModel)
        row = model.row_at(index.row())
        font = option.font
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        metrics = painter.fontMetrics()
        day = dt.datetime.fromtimestamp(row.updated_at).date()
        same_year = day.year == dt.date.today().year
        date = QLocale().toString(QDate(day.year, day.month, day.day),
                                  "d MMM" if same_year else "d MMM yyyy")
        date_width = metrics.horizontalAdvance(date) + 4
        title_rect = QRect(card.left() + 10, card.top() + 4, card.width() - 24 - date_width, 20)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(row.title, Qt.TextElideMode.ElideRight,
                                            title_rect.width()))
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(QColor(colors["muted"]))
        painter.drawText(QRect(card.right() - date_width - 8, card.top() + 4, date_width, 20),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, date)
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(f"b {{ color: {colors['accent']}; }}")
        doc.setHtml(f"<span style='color:{colors['muted']}'>{row.snippet_html}</span>")
        doc.setTextWidth(card.width() - 20)
        painter.translate(card.left() + 10, card.top() + 24)
        clip = QRect(0, 0, card.width() - 20, card.height() - 26)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()


class SearchResultsView(QListView):
    """Activating a result asks to open its conversation at the message."""

    open_requested = Signal(int, object, str)  # conversation id, message id or None, query

    def __init__(self, model: SearchResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.setModel(model)
        self.results = model
        self.setItemDelegate(SearchResultDelegate(self))
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.activated.connect(self.open_index)
        self.clicked.connect(self.open_index)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Search results"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.results.row_at(index.row())
        self.open_requested.emit(row.conversation_id, row.message_id, self.results.query)
