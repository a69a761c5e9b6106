"""The side-by-side columns of a compared exchange: one per target, each its own chat view.

Each column is a `ChatView` of its own (so streaming goes through the same per-frame
coalescer and incremental Markdown, and each reply's footer shows tokens, time to first
token, tokens/s and cost) under a header with the model, its own Stop and "Continue with
this one". The view only shows what it is handed; `CompareController` decides.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.api.events import StreamEvent
from desktop.core.store.compare_ops import CompareTarget
from desktop.core.store.models import Message, MessageStatus, Role
from desktop.ui.chat_view import ChatView
from desktop.ui.chat_view.cost_text import cost_tooltip
from desktop.ui.chat_view.footer import footer_text
from desktop.ui.elided_label import ElidedLabel
from desktop.ui.resources import icon
from desktop.ui.theme import current_colors

_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


class CompareColumn(QFrame):
    """One target's column: header (model, provider, state, Stop, choose) over its replies."""

    stop_requested = Signal(int)  # position
    choose_requested = Signal(int)  # the reply heading the column

    def __init__(self, position: int, target: CompareTarget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareColumn")
        # Equal widths whatever the headers hold (stretch decides, not the size hints).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(200)  # narrower, the columns scroll sideways
        self.position = position
        self.target = target
        self.head_id: int | None = None  # the reply that heads the column
        self.running = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)  # the frame's border stays visible
        layout.setSpacing(0)
        header = QFrame()
        header.setObjectName("compareColumnHeader")
        rows = QVBoxLayout(header)
        rows.setContentsMargins(12, 8, 8, 8)
        rows.setSpacing(6)
        row = self._top_row = QHBoxLayout()
        row.setSpacing(6)
        rows.addLayout(row)
        self._lower_row = QHBoxLayout()  # "Continue with this one" when the column is narrow
        rows.addLayout(self._lower_row)
        names = QVBoxLayout()
        names.setSpacing(0)
        self.model_label = ElidedLabel(target.model)
        self.model_label.setObjectName("compareModel")
        self.model_label.setToolTip(target.label)
        self.detail_label = ElidedLabel()
        self.detail_label.setObjectName("compareDetail")
        names.addWidget(self.model_label)
        names.addWidget(self.detail_label)
        row.addLayout(names, 1)
        self.stop_button = QToolButton()
        self.stop_button.setObjectName("compareStop")
        self.stop_button.setIcon(icon("stop"))
        self.stop_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.stop_button.clicked.connect(lambda: self.stop_requested.emit(self.position))
        row.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignTop)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("compareChoose")
        self.choose_button.clicked.connect(self._choose)
        row.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
        self._names = names
        # The header never widens the column (the side panels would be squeezed instead):
        # the names end with "…" when cut, the button moves under them (_place_choose).
        for widget in (self.model_label, self.detail_label, self.choose_button):
            widget.setMinimumWidth(1)
        layout.addWidget(header)
        self.chat_view = ChatView()
        self.chat_view.set_compact(True)  # icon actions; the stats once, in the footer
        layout.addWidget(self.chat_view, 1)
        self.footer = QLabel()  # the column's last reply: tokens, first token, speed, cost
        self.footer.setObjectName("compareFooter")
        self.footer.setWordWrap(True)
        self.footer.hide()
        layout.addWidget(self.footer)
        self.retranslate_ui()
        self.set_running(False)

    def retranslate_ui(self) -> None:
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop this model's reply"))
        self.stop_button.setAccessibleName(self.tr("Stop {0}").format(self.target.model))
        self.choose_button.setText(self.tr("Continue with this one"))
        self.choose_button.setToolTip(self.tr(
            "Make this reply's branch the conversation and go back to one model"))
        self._show_detail()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_choose()

    def _place_choose(self) -> None:
        """The choose button beside the model's name when both fit, else on a line below it,
        so that neither is cut."""
        needed = (self._names.sizeHint().width() + self.choose_button.sizeHint().width()
                  + (self.stop_button.sizeHint().width() if self.running else 0) + 40)
        narrow = self.width() < needed
        target = self._lower_row if narrow else self._top_row
        if target.indexOf(self.choose_button) < 0:
            (self._top_row if narrow else self._lower_row).removeWidget(self.choose_button)
            target.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
            if narrow:
                target.addStretch(1)
            else:
                while self._lower_row.count():
                    self._lower_row.takeAt(0)

    def _choose(self) -> None:
        if self.head_id is not None:
            self.choose_requested.emit(self.head_id)

    def set_running(self, running: bool) -> None:
        self.running = running
        self.stop_button.setVisible(running)
        last = self.last()
        failed = last is not None and last.status is MessageStatus.ERROR
        # A failed column has nothing worth keeping: Retry in its card is the way on.
        self.choose_button.setVisible(not running and not failed)
        self.choose_button.setEnabled(self.head_id is not None)
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.target.provider
        params = ", ".join(f"{k} {v}" for k, v in sorted(self.target.params.items())
                           if isinstance(v, int | float | str))
        if params:
            detail += f" · {params}"
        last = self.last()
        if self.running:
            detail += " · " + self.tr("streaming…")
        elif last is not None and last.status is MessageStatus.ERROR:
            detail += " · " + self.tr("failed")
        elif last is not None and last.status is MessageStatus.INTERRUPTED:
            detail += " · " + self.tr("stopped")
        self.detail_label.setText(detail)
        self.detail_label.setToolTip(detail)
        self._show_footer(last)

    def _show_footer(self, last: Message | None) -> None:
        text = footer_text(last) if last is not None and last.role is Role.ASSISTANT else ""
        self.footer.setText(text)
        self.footer.setToolTip(cost_tooltip(last.cost) if last is not None else "")
        self.footer.setVisible(bool(text) and not self.running)

    def last(self) -> Message | None:
        rows = self.chat_view.model.rows()
        return rows[-1].message if rows else None

    def show_messages(self, messages: list[Message]) -> None:
        self.head_id = next((m.id for m in messages if m.role is Role.ASSISTANT), None)
        self.chat_view.set_conversation(messages, {m.id: (1, 1, [m.id]) for m in messages})
        self.set_running(self.running)

    def append(self, message: Message) -> None:
        if self.head_id is None and message.role is Role.ASSISTANT:
            self.head_id = message.id
        self.chat_view.append_message(message)

    def message(self, message_id: int) -> Message | None:
        number = self.chat_view.model.row_of(message_id)
        return None if number is None else self.chat_view.model.row_at(number).message

    def replace_from(self, old_id: int, message: Message) -> None:
        messages = []
        for row in self.chat_view.model.rows():
            if row.message.id == old_id:
                break
            messages.append(row.message)
        self.show_messages([*messages, message])

    def has(self, message_id: int) -> bool:
        return self.chat_view.model.row_of(message_id) is not None


class CompareColumns(QWidget):
    """The columns of the open compare, side by side, with a line that says what they are."""

    stop_requested = Signal(int)  # a column's position
    choose_requested = Signal(int)  # the reply heading the chosen column
    # A message's actions in a column (message id): as the chat view's, for that column.
    copy_requested = Signal(int)
    delete_requested = Signal(int)
    edit_requested = Signal(int)
    regenerate_requested = Signal(int)  # Regenerate and Retry: that column's target again
    continue_requested = Signal(int)
    read_aloud_requested = Signal(int, str)  # message id, its text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareColumns")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.columns: list[CompareColumn] = []
        self.mode = False  # the conversation is in compare mode (every message goes to all)
        self.reading_id: int | None = None  # read aloud: kept for columns built later
        self._image_source: Callable[[str], Path] | None = None
        self._colours = current_colors()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 8)
        layout.setSpacing(6)
        self.hint = QLabel()
        self.hint.setObjectName("compareHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        # Side by side at their minimum width at least; narrower, they scroll sideways (the
        # window's side panels are not squeezed, the cards not cut).
        self.strip_scroll = QScrollArea()
        self.strip_scroll.setObjectName("compareScroll")
        self.strip_scroll.setWidgetResizable(True)
        self.strip_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.strip_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        strip = QWidget()
        strip.setObjectName("compareStrip")
        self.row = QHBoxLayout(strip)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(10)
        self.strip_scroll.setWidget(strip)
        layout.addWidget(self.strip_scroll, 1)
        self.setStyleSheet(compare_stylesheet(self._colours))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.mode:
            self.hint.setText(self.tr(
                "Compare mode: {0} models. Each new message goes to all of them, each on its "
                "own branch; “Continue with this one” keeps one and returns to a single "
                "model.").format(len(self.columns)))
        else:
            self.hint.setText(self.tr(
                "Comparing {0} models. A new message goes to each of them on its own branch; "
                "“Continue with this one” keeps one and returns to a single model.").format(
                len(self.columns)))
        for column in self.columns:
            column.retranslate_ui()

    def set_mode(self, on: bool) -> None:
        """Compare mode on or off: the line above the columns says so, in the accent."""
        self.mode = on
        self.hint.setProperty("mode", on)
        self.hint.style().unpolish(self.hint)
        self.hint.style().polish(self.hint)
        self.retranslate_ui()

    def set_image_source(self, path_for: Callable[[str], Path] | None) -> None:
        self._image_source = path_for
        for column in self.columns:
            column.chat_view.set_image_source(path_for)

    # --- what is shown ------------------------------------------------------------------
    def show_columns(self, columns: list[tuple[CompareTarget, list[Message]]]) -> None:
        """Show these columns (target and messages each), replacing what was shown."""
        if [c.target for c in self.columns] != [t for t, _m in columns]:
            self._rebuild([t for t, _m in columns])
        for column, (_target, messages) in zip(self.columns, columns, strict=True):
            column.show_messages(messages)
        self.retranslate_ui()
        self.show()

    def _rebuild(self, targets: list[CompareTarget]) -> None:
        for column in self.columns:
            self.row.removeWidget(column)
            column.deleteLater()
        self.columns = []
        for position, target in enumerate(targets):
            column = CompareColumn(position, target, self)
            column.chat_view.set_image_source(self._image_source)
            column.chat_view.set_reading(self.reading_id)
            column.stop_requested.connect(self.stop_requested)
            column.choose_requested.connect(self.choose_requested)
            view = column.chat_view
            view.copy_requested.connect(self.copy_requested)
            view.delete_requested.connect(self.delete_requested)
            view.edit_requested.connect(self.edit_requested)
            view.regenerate_requested.connect(self.regenerate_requested)
            view.retry_requested.connect(self.regenerate_requested)
            view.continue_requested.connect(self.continue_requested)
            view.read_aloud_requested.connect(
                lambda message_id, c=column: self._read_aloud(c, message_id))
            self.row.addWidget(column, 1)
            self.columns.append(column)

    def _read_aloud(self, column: CompareColumn, message_id: int) -> None:
        message = column.message(message_id)
        if message is not None:
            self.read_aloud_requested.emit(message_id, message.text)

    def set_reading(self, message_id: int | None) -> None:
        """The reply being read aloud (its card's button says Stop), in whichever column."""
        self.reading_id = message_id
        for column in self.columns:
            column.chat_view.set_reading(message_id)

    def replace_from(self, old_id: int, message: Message) -> None:
        """A regenerated reply: it takes `old_id`'s place (and what followed goes)."""
        column = self.column_of(old_id)
        if column is not None:
            column.replace_from(old_id, message)

    def clear(self) -> None:
        self._rebuild([])
        self.hide()

    def column(self, position: int) -> CompareColumn | None:
        return next((c for c in self.columns if c.position == position), None)

    def column_of(self, message_id: int) -> CompareColumn | None:
        return next((c for c in self.columns if c.has(message_id)), None)

    def append(self, position: int, message: Message) -> None:
        column = self.column(position)
        if column is not None:
            column.append(message)

    def update_message(self, message: Message) -> None:
        column = self.column_of(message.id)
        if column is not None:
            column.chat_view.update_message(message)
            column.set_running(column.running)

    def stream(self, message_id: int, event: StreamEvent) -> None:
        column = self.column_of(message_id)
        if column is not None:
            column.chat_view.apply_event(message_id, event)

    def set_reply_status(self, message_id: int, text: str) -> None:
        column = self.column_of(message_id)
        if column is not None:
            column.chat_view.set_reply_status(message_id, text)

    def set_running(self, position: int, running: bool) -> None:
        column = self.column(position)
        if column is not None:
            column.set_running(running)

    def flush(self) -> None:
        for column in self.columns:
            column.chat_view.flush()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _PALETTE_EVENTS and current_colors() is not self._colours:
            self._colours = current_colors()
            self.setStyleSheet(compare_stylesheet(self._colours))
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def compare_stylesheet(c: dict[str, str]) -> str:
    """The columns' frames and headers on this palette (the chat views style themselves)."""
    return f"""
QWidget#compareColumns, QScrollArea#compareScroll, QWidget#compareStrip {{
    background: {c['bg']};
}}
QLabel#compareHint {{ color: {c['muted']}; padding: 2px 2px; }}
QLabel#compareHint[mode="true"] {{
    color: {c['text']}; background: {c['selected']}; border-left: 3px solid {c['accent']};
    border-radius: 4px; padding: 5px 10px; font-weight: 600;
}}
QFrame#compareColumn {{
    background: {c['bg']}; border: 1px solid {c['border']}; border-radius: 10px;
}}
QFrame#compareColumnHeader {{
    background: {c['sidebar']}; border: none; border-bottom: 1px solid {c['border']};
    border-top-left-radius: 10px; border-top-right-radius: 10px;
}}
QLabel#compareModel {{ font-weight: 600; color: {c['text']}; background: transparent; }}
QLabel#compareDetail {{ color: {c['muted']}; font-size: 8.5pt; background: transparent; }}
QLabel#compareFooter {{
    color: {c['muted']}; font-size: 8.5pt; background: {c['sidebar']};
    border: none; border-top: 1px solid {c['border']}; padding: 6px 12px;
    border-bottom-left-radius: 10px; border-bottom-right-radius: 10px;
}}
QToolButton#compareStop {{
    border: 1px solid {c['border']}; border-radius: 6px; padding: 3px 8px;
    color: {c['text']}; background: {c['surface']};
}}
QToolButton#compareStop:hover {{ background: {c['hover']}; }}
QPushButton#compareChoose {{
    border: 1px solid {c['accent']}; border-radius: 6px; padding: 3px 10px;
    color: {c['accent']}; background: transparent;
}}
QPushButton#compareChoose:hover {{ background: {c['hover']}; }}
QPushButton#compareChoose:disabled {{ border-color: {c['border']}; color: {c['muted']}; }}
"""
