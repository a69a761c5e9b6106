"""ChatView: the virtualised message list of the open conversation.

Only rows that intersect the viewport get a (recycled) MessageWidget and a measured height;
the others keep an estimate from their text length, corrected when they scroll into view
while the row at the top of the viewport stays put. Rendered documents are cached per
message (LRU), so scrolling back is cheap and memory stays bounded at any length.
"""

from __future__ import annotations

import bisect
import itertools
from collections import OrderedDict
from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.api.events import StreamEvent
from desktop.core.rendering.incremental import DeferredHighlight
from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.store.models import Message, MessageStatus, Role
from desktop.ui.chat_view import message_widget as actions
from desktop.ui.chat_view.highlighter import CodeHighlighter
from desktop.ui.chat_view.message_widget import MessageWidget
from desktop.ui.chat_view.model import LiveReply, MessageListModel, MessageRow, SiblingInfo
from desktop.ui.chat_view.rich_text import RichTextContent
from desktop.ui.chat_view.streaming import StreamBatch, StreamCoalescer
from desktop.ui.chat_view.styles import (
    chat_document_stylesheet,
    chat_view_stylesheet,
    code_style,
)
from desktop.ui.theme import current_colors

MAX_CONTENT_WIDTH = 820  # readable line length, centred like the peers do
SIDE_MARGIN = 24
CACHE_LIMIT = 150  # rendered messages kept besides the visible and streaming ones
CACHE_CHARS = 120_000  # ... holding at most this much text (~100 bytes of document a char)
FOLLOW_SLACK = 4  # pixels from the bottom that still count as "at the end"


class DocumentCache:
    """Rendered body and thinking documents per message id, least recently used dropped."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.copy_label = QGuiApplication.translate("ChatView", "Copy")
        self.set_colours(current_colors())
        self._bodies: OrderedDict[int, RichTextContent] = OrderedDict()
        self._thinking: OrderedDict[int, RichTextContent] = OrderedDict()
        self.built = 0  # contents built (tests check that only visible rows are)

    def set_colours(self, colours: dict[str, str]) -> None:
        """Use these palette colours for documents built from now on."""
        self.code_style = code_style(colours)
        self._renderer = MarkdownRenderer(code_style=self.code_style, copy_label=self.copy_label)
        self._stylesheet = chat_document_stylesheet(colours)
        self._thinking_stylesheet = chat_document_stylesheet(colours, muted=True)

    def body(self, row: MessageRow) -> RichTextContent:
        message = row.message
        content = self._bodies.get(message.id)
        if content is None:
            streaming = message.status == MessageStatus.STREAMING
            content = RichTextContent(
                self._renderer, self._stylesheet, self.font, defer_highlight=streaming
            )
            content.message_id = message.id
            self.built += 1
            if message.role == Role.USER:
                content.set_plain_text(message.text)
            elif message.status == MessageStatus.STREAMING:
                content.append(message.text + "".join(row.live.text if row.live else ()))
            else:
                content.build(message.text)
            self._bodies[message.id] = content
        self._bodies.move_to_end(message.id)
        return content

    def thinking(self, row: MessageRow) -> RichTextContent | None:
        message = row.message
        live = "".join(row.live.reasoning) if row.live else ""
        if not message.reasoning and not live:
            return None
        content = self._thinking.get(message.id)
        if content is None:
            streaming = message.status == MessageStatus.STREAMING
            content = RichTextContent(
                self._renderer, self._thinking_stylesheet, self.font, defer_highlight=streaming
            )
            content.message_id = message.id
            if streaming:
                content.append(message.reasoning + live)
            else:
                content.build(message.reasoning)
            self._thinking[message.id] = content
        self._thinking.move_to_end(message.id)
        return content

    def forget_changed(self, messages: list[Message]) -> None:
        """Drop cached renderings that no longer match these messages (or may still grow)."""
        by_id = {message.id: message for message in messages}
        for message_id, content in list(self._bodies.items()):
            message = by_id.get(message_id)
            if message is None:
                continue
            if message.status == MessageStatus.STREAMING or (
                message.role != Role.USER and not _same_text(content.text, message.text)
            ):
                self.drop(message_id)

    def cached_body(self, message_id: int) -> RichTextContent | None:
        return self._bodies.get(message_id)

    def cached_thinking(self, message_id: int) -> RichTextContent | None:
        return self._thinking.get(message_id)

    def drop(self, message_id: int) -> None:
        self._bodies.pop(message_id, None)
        self._thinking.pop(message_id, None)

    def clear(self) -> None:
        self._bodies.clear()
        self._thinking.clear()

    def trim(self, keep: set[int]) -> None:
        """Drop least recently used contents beyond the limits, never those in `keep`."""
        for cache in (self._bodies, self._thinking):
            count = 0
            chars = 0
            for message_id in reversed(list(cache)):  # newest use first
                if message_id in keep:
                    continue
                count += 1
                chars += cache[message_id].size
                if count > CACHE_LIMIT or chars > CACHE_CHARS:
                    del cache[message_id]

    def __len__(self) -> int:
        return len(self._bodies)


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
        self.model = model
        self.cache = DocumentCache(self.font())
        self._heights: list[int] = []
        self._measured: list[bool] = []
        self._tops: list[int] | None = None
        self._bound: dict[int, MessageWidget] = {}
        self._pool: list[MessageWidget] = []
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
        if text_only:
            widget.body.refresh()
            widget.thinking_view.refresh()
        else:
            self._bind(widget, number)

    # --- geometry -------------------------------------------------------------------------
    def _content_width(self) -> int:
        return max(min(self.viewport().width() - 2 * SIDE_MARGIN, MAX_CONTENT_WIDTH), 120)

    def _estimate(self, row: MessageRow) -> int:
        """A height guess for a row never laid out at this width (from its text length)."""
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
        self.cache.trim(set(self._bound) | self._streaming_ids())
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

    def _streaming_ids(self) -> set[int]:
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
        widget = MessageWidget(self.viewport())
        widget.action.connect(self.action)
        widget.layout_changed.connect(lambda w=widget: self._on_widget_layout_changed(w))
        return widget

    def _bind(self, widget: MessageWidget, number: int) -> None:
        row = self.model.row_at(number)
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def sizeHint(self) -> QSize:
        return QSize(640, 480)


class ChatView(QWidget):
    """The open conversation's messages: virtualised, streamed into, with per-message actions."""

    copy_requested = Signal(int)
    edit_requested = Signal(int)
    regenerate_requested = Signal(int)
    delete_requested = Signal(int)
    branch_requested = Signal(int)
    retry_requested = Signal(int)
    continue_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatView")
        self.setStyleSheet(chat_view_stylesheet(current_colors()))
        self.model = MessageListModel(self)
        self.area = MessageArea(self.model, self)
        self.area.setAccessibleName(self.tr("Conversation"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area)
        self.coalescer = StreamCoalescer(self._apply_batches, self)
        self.highlighter = CodeHighlighter(
            self.area.cache.copy_label, self.area.cache.code_style, self
        )
        self.highlighter.highlighted.connect(self._on_highlighted)
        self.area.action.connect(self._on_action)
        self.area.following_changed.connect(self._update_jump_button)

        self.jump_button = QToolButton(self)
        self.jump_button.setObjectName("jumpToLatest")
        self.jump_button.setText(self.tr("↓  Jump to latest"))
        self.jump_button.setAccessibleName(self.tr("Jump to latest message"))
        self.jump_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.jump_button.clicked.connect(self.area.scroll_to_end)
        self.jump_button.hide()
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(2500)
        self._highlight_timer.timeout.connect(self._clear_highlight)

    # --- public API -----------------------------------------------------------------------
    def set_conversation(
        self, messages: list[Message], sibling_info: Mapping[int, SiblingInfo]
    ) -> None:
        """Show a conversation's active path, scrolled to its end."""
        self.coalescer.flush_now()
        self.area.cache.forget_changed(messages)
        self.model.set_messages(list(messages), sibling_info)
        self._update_jump_button()

    def append_message(self, message: Message, sibling_info: SiblingInfo | None = None) -> None:
        """Add a message (a new user turn or a reply that starts streaming)."""
        self.model.append(message, sibling_info)
        self._update_jump_button()

    def prepend_messages(
        self, messages: list[Message], sibling_info: Mapping[int, SiblingInfo]
    ) -> None:
        """Add the older part of the path above what is shown, without moving the view.

        Open a long conversation with its tail (`Store.active_path_tail`) for a fast first
        paint, then prepend the rest when it has loaded.
        """
        self.model.prepend(list(messages), sibling_info)
        self._update_jump_button()

    def update_message(self, message: Message) -> None:
        """A message's new state as stored (final text, status, error, usage)."""
        if self.model.row_of(message.id) is None:
            return
        # Render what is still queued first: then the shown text usually is the final text
        # and the streamed rendering is kept instead of rebuilt.
        self.coalescer.flush_now()
        cache = self.area.cache
        body = cache.cached_body(message.id)
        thinking = cache.cached_thinking(message.id)
        final = message.status != MessageStatus.STREAMING
        if body is not None and message.role != Role.USER:
            if _same_text(body.text, message.text):
                if final:
                    body.finish()  # the streamed rendering already equals a full render
                    self.highlighter.submit(body)
            else:
                cache.drop(message.id)
                thinking = None
        if thinking is not None and not _same_text(thinking.text, message.reasoning):
            cache.drop(message.id)
        elif thinking is not None and final:
            thinking.finish()
            self.highlighter.submit(thinking)
        self.model.replace(message)

    def apply_event(self, message_id: int, event: StreamEvent) -> None:
        """A streamed delta; rendering happens at most once per frame for all of them."""
        self.coalescer.add(message_id, event)

    def scroll_to_message(self, message_id: int, highlight: str = "") -> None:
        """Scroll so that the message is at the top and flash it (from a search result)."""
        number = self.model.row_of(message_id)
        if number is None:
            return
        self.area.highlight_id = message_id
        self.area.invalidate_row(number)
        self.area.scroll_to_row(number)
        widget = self.area.bound_widget(message_id)
        if widget is not None and highlight:
            widget.body.select_text(highlight)
        self._highlight_timer.start()
        self._update_jump_button()

    def is_following(self) -> bool:
        return self.area.is_following()

    def set_thinking_open(self, message_id: int, open_: bool) -> None:
        """Open or close a reply's Thinking section."""
        number = self.model.row_of(message_id)
        if number is not None:
            self.model.row_at(number).thinking_open = open_
            self.area.invalidate_row(number)
            self.area.relayout()

    def refresh_theme(self) -> None:
        """Re-apply the current palette (after the light/dark scheme changed)."""
        colours = current_colors()
        self.setStyleSheet(chat_view_stylesheet(colours))
        self.coalescer.flush_now()
        streaming = self.area._streaming_ids()
        cache = self.area.cache
        cache.set_colours(colours)
        self.highlighter.set_code_style(cache.code_style)
        for message_id in list(cache._bodies):
            if message_id not in streaming:
                cache.drop(message_id)
        self.area.rebind_all()

    def flush(self) -> None:
        """Render pending stream deltas now (tests, and before reading the view's state)."""
        self.coalescer.flush_now()

    # --- internals ------------------------------------------------------------------------
    def _apply_batches(self, batches: dict[int, StreamBatch]) -> None:
        cache = self.area.cache
        for message_id, batch in batches.items():
            number = self.model.row_of(message_id)
            if number is None:
                continue  # another conversation's stream
            row = self.model.row_at(number)
            if row.live is None:
                row.live = LiveReply()
            had_body = cache.cached_body(message_id)
            had_thinking = cache.cached_thinking(message_id)
            first_text = bool(batch.text) and not row.live.text
            row.live.merge(batch)
            if had_body is not None and batch.text:
                had_body.append("".join(batch.text))
                self.highlighter.submit(had_body)
            if batch.reasoning and had_thinking is not None:
                had_thinking.append("".join(batch.reasoning))
                self.highlighter.submit(had_thinking)
            text_only = (
                had_body is not None
                and (had_thinking is not None or not batch.reasoning)
                and not first_text  # the Thinking label changes when the answer starts
                and not batch.tool_calls
                and batch.model is None
                and batch.error is None
            )
            self.area.invalidate_row(number, text_only=text_only)
        self.area.relayout()

    def _on_highlighted(
        self, content: RichTextContent, job: DeferredHighlight, html: str, doc: object
    ) -> None:
        """A code block's highlighted HTML is ready: swap it in and re-measure its row."""
        self.highlighter.pending -= 1
        built = doc if isinstance(doc, QTextDocument) else None
        if not html or not content.resolve(job, html, built):
            return
        number = self.model.row_of(content.message_id)
        if number is not None:
            self.area.invalidate_row(number, text_only=True)
            self.area.relayout()

    def _on_action(self, name: str, message_id: int) -> None:
        if name == actions.COPY:
            number = self.model.row_of(message_id)
            if number is not None:
                QGuiApplication.clipboard().setText(self.model.row_at(number).message.text)
        signal = {
            actions.COPY: self.copy_requested,
            actions.EDIT: self.edit_requested,
            actions.REGENERATE: self.regenerate_requested,
            actions.DELETE: self.delete_requested,
            actions.BRANCH: self.branch_requested,
            actions.RETRY: self.retry_requested,
            actions.CONTINUE: self.continue_requested,
        }[name]
        signal.emit(message_id)

    def _clear_highlight(self) -> None:
        previous = self.area.highlight_id
        self.area.highlight_id = None
        if previous is not None:
            number = self.model.row_of(previous)
            if number is not None:
                self.area.invalidate_row(number)

    def _update_jump_button(self, _following: bool | None = None) -> None:
        overflow = self.area.total_height() > self.area.viewport().height()
        self.jump_button.setVisible(overflow and not self.area.is_following())
        self._place_jump_button()

    def _place_jump_button(self) -> None:
        hint = self.jump_button.sizeHint()
        self.jump_button.setGeometry(
            (self.width() - hint.width()) // 2, self.height() - hint.height() - 16,
            hint.width(), hint.height(),
        )
        self.jump_button.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_jump_button()


def _same_text(shown: str, stored: str) -> bool:
    """Whether a rendered text (line endings normalised) is the stored text."""
    return shown == stored.replace("\r\n", "\n").replace("\r", "\n")
