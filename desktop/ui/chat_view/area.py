"""MessageArea: the scrolling surface of the chat view, laying out only the rows in view.

Only rows that intersect the viewport get a (recycled) MessageWidget and a measured height;
the others keep an estimate from their text length, corrected when they scroll into view
while the row at the top of the viewport stays put (or the end, while following).
"""

from __future__ import annotations

import bisect
import itertools

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QWidget

from desktop.core.store.models import MessageStatus, Role
from desktop.ui.chat_view.card_parts import invalidate_up_to, stack_error_box
from desktop.ui.chat_view.documents import DocumentCache
from desktop.ui.chat_view.file_chips import ChatFiles
from desktop.ui.chat_view.images import ChatImages
from desktop.ui.chat_view.kb_sources import KbSourceBook
from desktop.ui.chat_view.message_widget import MessageWidget
from desktop.ui.chat_view.model import MessageListModel, MessageRow
from desktop.ui.theme import current_colors

MAX_CONTENT_WIDTH = 820  # readable line length, centred like the peers do
SIDE_MARGIN = 24
FOLLOW_SLACK = 4  # pixels from the bottom that still count as "at the end"


class MessageArea(QAbstractScrollArea):
    """The scrolling surface: lays out and binds only the rows in view."""

    action = Signal(str, int)
    following_changed = Signal(bool)

    def __init__(self, model: MessageListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageArea")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setObjectName("messageViewport")
        # An opaque viewport lets a scroll blit what is shown and paint only the strip that
        # scrolled in (one the style sheet paints repaints all of it: every frame of a
        # stream). It paints its own background (paintEvent).
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.model = model
        self.cache = DocumentCache(self.font())
        self.images = ChatImages(self)  # thumbnails of the cards' images, cached by hash
        self.files = ChatFiles(self.images, self)  # opens the cards' documents
        self.kb_sources = KbSourceBook(self)  # the cards' knowledge-base passages
        self.kb_sources.changed.connect(self._on_sources_changed)
        self._heights: list[int] = []
        self._measured: list[bool] = []
        self._tops: list[int] | None = None
        self._bound: dict[int, MessageWidget] = {}
        self._pool: list[MessageWidget] = []
        self.compact = False  # narrow cards (compare columns): see ChatView.set_compact
        self._width = -1
        self._scroll = 0
        self._placed_scroll: int | None = None
        self._following = True
        self._setting_scroll = False
        self.highlight_id: int | None = None
        self.layouts = 0
        self.verticalScrollBar().setSingleStep(48)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        model.modelReset.connect(self._on_reset)
        model.rowsInserted.connect(self._on_rows_inserted)
        model.dataChanged.connect(self._on_data_changed)

    # --- model signals --------------------------------------------------------------------
    def _on_reset(self) -> None:
        for widget in list(self._bound.values()):
            self._release(widget)
        self._bound.clear()
        rows = self.model.rows()
        self._heights = [self._estimate(row) for row in rows]
        self._measured = [False] * len(rows)
        self._tops = None
        self._following = True
        self.relayout()

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        anchor = self.visible_rows().start if self._heights else 0
        added = [self._estimate(self.model.row_at(number)) for number in range(first, last + 1)]
        self._heights[first:first] = added
        self._measured[first:first] = [False] * len(added)
        self._tops = None
        if first <= anchor and not self._following:
            # Rows added above what is shown (older history): keep the view where it is.
            self._scroll += sum(added)
            self._placed_scroll = None
        # The card that was last loses its always-visible actions.
        if first > 0:
            self.invalidate_row(first - 1)
        self.relayout()

    def _on_data_changed(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: object = None,
    ) -> None:
        for number in range(top_left.row(), bottom_right.row() + 1):
            self.invalidate_row(number)
        self.relayout()

    def invalidate_row(self, number: int, *, text_only: bool = False) -> None:
        """The row's content or state changed: re-read it and measure it again.

        `text_only`: only streamed text was added to its documents (the cheap path).
        """
        if not 0 <= number < len(self._measured):
            return
        self._measured[number] = False
        row = self.model.row_at(number)
        widget = self._bound.get(row.message.id)
        if widget is None:
            return
        if text_only and row.message.role is not Role.TOOL:
            widget.body.refresh()
            widget.thinking_view.refresh()
            for view in (widget.body, widget.thinking_view):
                invalidate_up_to(view, widget)  # measured again below, not a frame late
        else:
            self._bind(widget, number)

    # --- geometry -------------------------------------------------------------------------
    def _content_width(self) -> int:
        return max(min(self.viewport().width() - 2 * SIDE_MARGIN, MAX_CONTENT_WIDTH), 120)

    def _estimate(self, row: MessageRow) -> int:
        """A height guess for a row never laid out at this width (from its text length)."""
        if row.message.role is Role.TOOL:
            return 56  # a closed tool card
        width = self._content_width()
        text = row.message.text
        per_line = max(width // 8, 20)
        lines = len(text) // per_line + text.count("\n") + 1
        return 70 + lines * 20

    def _prefix(self) -> list[int]:
        if self._tops is None:
            self._tops = [0, *itertools.accumulate(self._heights)]
        return self._tops

    def total_height(self) -> int:
        return self._prefix()[-1]

    def row_top(self, number: int) -> int:
        return int(self._prefix()[number])

    def visible_rows(self) -> range:
        tops = self._prefix()
        if not self._heights:
            return range(0)
        height = self.viewport().height()
        first = max(bisect.bisect_right(tops, self._scroll) - 1, 0)
        last = min(bisect.bisect_left(tops, self._scroll + height), len(self._heights))
        return range(first, max(last, first + 1))

    def _max_scroll(self) -> int:
        return max(self.total_height() - self.viewport().height(), 0)

    def relayout(self) -> None:
        """Measure the rows in view, keep the anchor row still (or the end), place widgets."""
        self.layouts += 1
        width = self._content_width()
        if width != self._width:
            self._width = width
            self._measured = [False] * len(self._heights)
        for _ in range(6):
            if self._following:
                self._scroll = self._max_scroll()
            self._scroll = max(0, min(self._scroll, self._max_scroll()))
            rows = self.visible_rows()
            if not rows:
                break
            anchor = rows.start
            anchor_offset = self._scroll - self.row_top(anchor)
            changed = False
            for number in rows:
                if self._measured[number]:
                    continue
                widget = self._widget_for(number)
                widget.fit_width(width)
                height = widget.heightForWidth(width)
                self._measured[number] = True
                if height != self._heights[number]:
                    self._heights[number] = height
                    self._tops = None
                    changed = True
            if not changed:
                break
            if not self._following:
                self._scroll = self.row_top(anchor) + anchor_offset
        self._place(width)

    def _place(self, width: int) -> None:
        rows = self.visible_rows()
        wanted = {self.model.row_at(number).message.id for number in rows}
        for message_id in [mid for mid in self._bound if mid not in wanted]:
            self._release(self._bound.pop(message_id))
        left = max((self.viewport().width() - width) // 2, 0)
        for number in rows:
            widget = self._widget_for(number)
            if not self._measured[number]:
                widget.fit_width(width)
                self._heights[number] = widget.heightForWidth(width)
                self._measured[number] = True
                self._tops = None
        self._scroll_widgets(rows)
        for number in rows:
            widget = self._widget_for(number)
            widget.setGeometry(left, self.row_top(number) - self._scroll, width,
                               self._heights[number])
            widget.show()
        self._placed_scroll = self._scroll
        self.cache.trim(set(self._bound) | self.streaming_ids())
        bar = self.verticalScrollBar()
        self._setting_scroll = True
        try:
            bar.setPageStep(self.viewport().height())
            bar.setRange(0, self._max_scroll())
            bar.setValue(self._scroll)
        finally:
            self._setting_scroll = False

    def _scroll_widgets(self, rows: range) -> None:
        """When every shown card just moves by the scroll change, blit instead of repainting.

        While following a stream the view scrolls every frame; QWidget.scroll moves the cards
        and copies their pixels, so only the strip that changed is painted again.
        """
        if self._placed_scroll is None or self._placed_scroll == self._scroll:
            return
        delta = self._placed_scroll - self._scroll
        for number in rows:
            widget = self._bound.get(self.model.row_at(number).message.id)
            if widget is None or widget.isHidden():
                return
            if widget.y() + delta != self.row_top(number) - self._scroll:
                return
        self.viewport().scroll(0, delta)

    def streaming_ids(self) -> set[int]:
        return {
            row.message.id
            for row in self.model.rows()[-8:]
            if row.message.status == MessageStatus.STREAMING
        }

    # --- widgets --------------------------------------------------------------------------
    def _widget_for(self, number: int) -> MessageWidget:
        row = self.model.row_at(number)
        widget = self._bound.get(row.message.id)
        if widget is None:
            widget = self._pool.pop() if self._pool else self._new_widget()
            self._bound[row.message.id] = widget
            self._bind(widget, number)
        return widget

    def _new_widget(self) -> MessageWidget:
        widget = MessageWidget(self.viewport(), images=self.images, files=self.files,
                               sources=self.kb_sources)
        widget.compact = self.compact
        if self.compact:
            stack_error_box(widget.error_frame)
        widget.action.connect(self.action)
        widget.layout_changed.connect(lambda w=widget: self._on_widget_layout_changed(w))
        return widget

    def _bind(self, widget: MessageWidget, number: int) -> None:
        row = self.model.row_at(number)
        if row.message.role is Role.TOOL:
            widget.bind_tool(row)  # plain text only: no rendered document for tool output
            return
        widget.bind(
            row,
            self.cache.body(row),
            self.cache.thinking(row),
            last=number == len(self._heights) - 1,
            highlighted=row.message.id == self.highlight_id,
        )

    def _release(self, widget: MessageWidget) -> None:
        widget.hide()
        widget.row = None
        widget.body.set_content(None)
        widget.thinking_view.set_content(None)
        self._pool.append(widget)

    def _on_widget_layout_changed(self, widget: MessageWidget) -> None:
        if widget.row is None:
            return
        number = self.model.row_of(widget.row.message.id)
        if number is not None:
            self._measured[number] = False
            self.relayout()

    def _on_sources_changed(self, message_id: int) -> None:
        number = self.model.row_of(message_id)
        if number is not None:
            self.invalidate_row(number)
            self.relayout()

    def rebind_all(self) -> None:
        """Re-read every shown row (documents may have been dropped from the cache)."""
        for message_id, widget in list(self._bound.items()):
            number = self.model.row_of(message_id)
            if number is not None:
                self._measured[number] = False
                self._bind(widget, number)
        self.relayout()

    def bound_widget(self, message_id: int) -> MessageWidget | None:
        return self._bound.get(message_id)

    # --- scrolling ------------------------------------------------------------------------
    def _on_scrolled(self, value: int) -> None:
        if self._setting_scroll:
            return
        self._scroll = value
        self.set_following(value >= self._max_scroll() - FOLLOW_SLACK)
        self.relayout()

    def set_following(self, following: bool) -> None:
        if following != self._following:
            self._following = following
            self.following_changed.emit(following)

    def is_following(self) -> bool:
        return self._following

    def scroll_to_row(self, number: int) -> None:
        """Bring a row to the top of the view (measuring the rows on the way)."""
        self.set_following(False)
        for _ in range(4):
            self._scroll = self.row_top(number) - 12
            self.relayout()
            if abs(self._scroll - max(0, min(self.row_top(number) - 12, self._max_scroll()))) < 2:
                break
        self.set_following(self._scroll >= self._max_scroll() - FOLLOW_SLACK)

    def scroll_to_end(self) -> None:
        self.set_following(True)
        self.relayout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        # Qt's default repaints the whole viewport on every scroll bar change; `relayout`
        # places the cards itself and blits what only moved (_scroll_widgets).
        pass

    def paintEvent(self, event: QPaintEvent) -> None:
        # The viewport's background (it is opaque: Qt paints none under it).
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), QColor(current_colors()["bg"]))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def sizeHint(self) -> QSize:
        return QSize(640, 480)
