"""ChatView: the open conversation's messages, virtualised, streamed into, with actions.

The list itself is `MessageArea` (area.py); this widget adds the public API the window uses,
the per-frame stream coalescer, background code highlighting and the "Jump to latest" button.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

from desktop.core.api.events import StreamEvent
from desktop.core.citations import placeable
from desktop.core.conversation_path import SiblingInfo
from desktop.core.rendering.citation_marks import cited_markdown
from desktop.core.rendering.incremental import DeferredHighlight
from desktop.core.rendering.mermaid import shared_process
from desktop.core.store.models import Message, MessageStatus, Role
from desktop.ui.chat_view import message_widget as actions
from desktop.ui.chat_view.area import MessageArea
from desktop.ui.chat_view.diagrams import diagram_service, is_pending
from desktop.ui.chat_view.documents import body_markdown, copy_label, same_text
from desktop.ui.chat_view.highlighter import CodeHighlighter
from desktop.ui.chat_view.model import LiveReply, MessageListModel, live_reply_for
from desktop.ui.chat_view.rich_text_content import RichTextContent
from desktop.ui.chat_view.stream_coalescer import FRAME_MS, StreamBatch, StreamCoalescer
from desktop.ui.chat_view.styles import chat_view_stylesheet
from desktop.ui.chat_view.tool_card import ALWAYS, APPROVE, DENY
from desktop.ui.theme import current_colors

_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                   QEvent.Type.StyleChange)


class ChatView(QWidget):
    """The open conversation's messages: virtualised, streamed into, with per-message actions."""

    copy_requested = Signal(int)
    edit_requested = Signal(int)
    regenerate_requested = Signal(int)
    delete_requested = Signal(int)
    branch_requested = Signal(int)
    retry_requested = Signal(int)
    continue_requested = Signal(int)
    read_aloud_requested = Signal(int)
    tool_decision = Signal(int, str)  # a tool message's id; "approve", "deny" or "always"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatView")
        self._colours = current_colors()
        self.setStyleSheet(chat_view_stylesheet(self._colours))
        self.model = MessageListModel(self)
        self.area = MessageArea(self.model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area)
        self.coalescer = StreamCoalescer(self._apply_batches, self)
        self.highlighter = CodeHighlighter(
            self.area.cache.copy_label, self.area.cache.code_style, self
        )
        self.highlighter.highlighted.connect(self._on_highlighted)
        self.area.cache.math.arrived.connect(self._on_formulas)
        diagram_service().ready.connect(self._on_diagram_ready)
        self.area.action.connect(self._on_action)
        self.area.following_changed.connect(self._update_jump_button)

        self.jump_button = QToolButton(self)
        self.jump_button.setObjectName("jumpToLatest")
        self.jump_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.jump_button.clicked.connect(self.area.scroll_to_end)
        self.jump_button.hide()
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(2500)
        self._highlight_timer.timeout.connect(self._clear_highlight)
        self.reading_id: int | None = None  # the reply being read aloud (its card shows Stop)
        # Messages whose formulas arrived while a stream frame is due: measured in that frame
        # (one re-layout and one paint for both instead of two).
        self._formula_ids: set[int] = set()
        # ... or by this timer, should that frame not come (its batch was discarded).
        self._formula_timer = QTimer(self)
        self._formula_timer.setSingleShot(True)
        self._formula_timer.setInterval(FRAME_MS * 2)
        self._formula_timer.timeout.connect(self._on_formula_timer)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.area.setAccessibleName(self.tr("Conversation"))
        self.jump_button.setText(self.tr("↓  Jump to latest"))
        self.jump_button.setAccessibleName(self.tr("Jump to latest message"))

    # --- public API -----------------------------------------------------------------------
    def set_image_source(self, path_for: Callable[[str], Path] | None) -> None:
        """Where the cards' image files are (`Store.attachment_path`)."""
        self.area.images.set_source(path_for)

    def set_compact(self, compact: bool) -> None:
        """Narrow cards (a compare column): actions as icons with tooltips, and the last
        reply's stats left to the column's footer. Set before messages are shown."""
        self.area.compact = compact

    def set_conversation(
        self, messages: list[Message], sibling_info: Mapping[int, SiblingInfo]
    ) -> None:
        """Show a conversation's active path, scrolled to its end."""
        self.coalescer.flush_now()
        self.area.cache.forget_changed(messages)
        self.model.set_messages(list(messages), sibling_info)
        self.set_reading(self.reading_id)
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
            if same_text(body.text, body_markdown(message)):  # citations change the text
                if final:
                    body.finish()  # the streamed rendering already equals a full render
                    self.highlighter.submit(body)
            else:
                cache.drop(message.id)
                thinking = None
        if thinking is not None and not same_text(thinking.text, message.reasoning):
            cache.drop(message.id)
        elif thinking is not None and final:
            thinking.finish()
            self.highlighter.submit(thinking)
        self.model.replace(message)

    def set_reply_status(self, message_id: int, text: str) -> None:
        """A streaming reply's status line ("Waiting for the provider…"; "" clears it)."""
        number = self.model.row_of(message_id)
        if number is None:
            return
        row = self.model.row_at(number)
        if row.live is None:
            row.live = live_reply_for(row.message)
        if row.live.status != text:
            row.live.status = text
            self.area.invalidate_row(number)
            self.area.relayout()

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
        """Re-apply the current palette (after the light/dark scheme changed).

        The cards' style sheet and the rendered documents hold the colours they were made
        with, so both are rebuilt; called on the palette change `apply_theme` causes.
        """
        colours = self._colours = current_colors()
        self.setStyleSheet(chat_view_stylesheet(colours))
        self._rebuild_documents()

    def _rebuild_documents(self) -> None:
        """Render the messages again with the current colours and Copy label."""
        self.coalescer.flush_now()
        cache = self.area.cache
        cache.set_colours(self._colours)
        self.highlighter.set_code_style(cache.code_style, cache.copy_label)
        cache.drop_all_except(self.area.streaming_ids())
        self.area.rebind_all()

    def set_reading(self, message_id: int | None) -> None:
        """Mark the reply being read aloud (None: none); its card's button says Stop."""
        self.reading_id = message_id
        changed = False
        for number, row in enumerate(self.model.rows()):
            if row.reading != (row.message.id == message_id):
                row.reading = row.message.id == message_id
                self.area.invalidate_row(number)
                changed = True
        if changed:
            self.area.relayout()

    def set_tool_state(self, message_id: int, *, started: float | None = None,
                       approvable: bool | None = None) -> None:
        """A tool card's live state: when its call started running (monotonic time, for the
        elapsed time) and whether the window waits for the user's decision on it."""
        number = self.model.row_of(message_id)
        if number is None:
            return
        row = self.model.row_at(number)
        if started is not None:
            row.tool_started = started
        if approvable is not None:
            row.tool_approvable = approvable
        self.area.invalidate_row(number)
        self.area.relayout()

    def flush(self) -> None:
        """Render pending stream deltas now (tests, and before reading the view's state)."""
        self.coalescer.flush_now()

    def shutdown_renderers(self) -> None:
        """End the formula and diagram render processes (the window closes)."""
        self.area.cache.math.shutdown()
        shared_process().close()

    # --- internals ------------------------------------------------------------------------
    def _apply_batches(self, batches: dict[int, StreamBatch]) -> None:
        cache = self.area.cache
        for message_id, batch in batches.items():
            number = self.model.row_of(message_id)
            if number is None:
                continue  # another conversation's stream
            row = self.model.row_at(number)
            if row.live is None:
                row.live = live_reply_for(row.message)
            had_body = cache.cached_body(message_id)
            had_thinking = cache.cached_thinking(message_id)
            first_text = bool(batch.text) and not row.live.has_text
            row.live.merge(batch)
            # The rendered document is the one copy of the streamed text: made on the first
            # delta (from the stored text so far) and appended to from then on.
            if batch.text or row.live.citations:
                body = had_body or cache.body(row)
                self._stream_text(body, row.live, "".join(batch.text))
                self.highlighter.submit(body)
            if batch.reasoning:
                thinking = had_thinking or cache.thinking(row, streamed=True)
                if thinking is not None:
                    thinking.append("".join(batch.reasoning))
                    self.highlighter.submit(thinking)
            text_only = (
                had_body is not None
                and (had_thinking is not None or not batch.reasoning)
                and not first_text  # the Thinking label changes when the answer starts
                and not batch.tool_calls
                and batch.model is None
                and batch.error is None
                and batch.refusal is None  # the refusal block grows
                and not batch.citations  # the source list grows
            )
            self.area.invalidate_row(number, text_only=text_only)
        self._invalidate_formula_rows()
        self.area.relayout()

    @staticmethod
    def _stream_text(body: RichTextContent, live: LiveReply, delta: str) -> None:
        """Add streamed text; once citations arrived, show their markers where the text has
        grown past the cited spans (a render from the start when more can be placed)."""
        if not live.citations:
            body.append(delta)
            return
        if live.plain is None:
            live.plain = body.text  # no markers in it yet
        live.plain += delta.replace("\r\n", "\n").replace("\r", "\n")
        placed = sum(placeable(live.plain, citation) for citation in live.citations)
        if placed != live.placed:
            live.placed = placed
            body.retext(cited_markdown(live.plain, live.citations, streaming=True))
        elif delta:
            body.append(delta)

    def _invalidate_formula_rows(self) -> bool:
        """Mark the rows whose formulas arrived since the last frame; True if any is shown."""
        ids, self._formula_ids = self._formula_ids, set()
        rows = {number for number in map(self.model.row_of, ids) if number is not None}
        for number in rows:
            self.area.invalidate_row(number, text_only=True)
        return bool(rows)

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

    def _on_formulas(self, docs: list[QTextDocument]) -> None:
        """Typeset formulas were added to these documents: re-measure their rows (in the
        next stream frame when one is due, else now)."""
        for doc in docs:
            owner = getattr(doc, "owner", None)
            content = owner() if owner is not None else None
            if isinstance(content, RichTextContent) and content.formulas_arrived(doc):
                self._formula_ids.add(content.message_id)
        if self.coalescer.has_pending:
            if not self._formula_timer.isActive():
                self._formula_timer.start()
        elif self._invalidate_formula_rows():
            self.area.relayout()

    def _on_formula_timer(self) -> None:
        if self._invalidate_formula_rows():
            self.area.relayout()

    def _on_diagram_ready(self, key: str) -> None:
        """A diagram finished rendering: render the messages that show it as code again."""
        changed = False
        for content in self.area.cache.contents():
            if is_pending(content.html, key):
                content.rerender()
                self.highlighter.submit(content)
                number = self.model.row_of(content.message_id)
                if number is not None:
                    # Not text_only: the height changes, and a rebind re-measures the card.
                    self.area.invalidate_row(number)
                    changed = True
        if changed:
            self.area.relayout()

    def _on_action(self, name: str, message_id: int) -> None:
        decision = {APPROVE: "approve", DENY: "deny", ALWAYS: "always"}.get(name)
        if decision is not None:
            self.tool_decision.emit(message_id, decision)
            return
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
            actions.READ_ALOUD: self.read_aloud_requested,
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

    def changeEvent(self, event: QEvent) -> None:
        # apply_theme sets the palette of the application: restyle when its colours changed.
        if event.type() in _PALETTE_EVENTS and current_colors() is not self._colours:
            self.refresh_theme()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if copy_label() != self.area.cache.copy_label:  # code blocks' Copy links
                self.area.cache.copy_label = copy_label()
                self._rebuild_documents()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_jump_button()
