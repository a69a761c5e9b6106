"""MessageWidget: one message card; the view binds a few of them to the visible rows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.store.models import MessageStatus, Role
from desktop.ui.chat_view.card_parts import (
    error_box,
    fit_actions,
    flat_button,
    invalidate_layout,
    set_static_contents,
)
from desktop.ui.chat_view.cost_text import cost_tooltip
from desktop.ui.chat_view.file_chips import ChatFiles, FileStrip
from desktop.ui.chat_view.footer import footer_text
from desktop.ui.chat_view.images import ChatImages, ImageStrip
from desktop.ui.chat_view.kb_sources import KbSourceBook, KbSourceChips
from desktop.ui.chat_view.model import MessageRow
from desktop.ui.chat_view.reply_extras import RefusalBlock, SourceList, show_extras, usage_tooltip
from desktop.ui.chat_view.rich_text import RichTextView
from desktop.ui.chat_view.rich_text_content import RichTextContent
from desktop.ui.chat_view.tool_card import ToolCallBlock, ToolCard
from desktop.ui.elided_label import ElidedLabel

# Actions a card can ask for (ChatView turns them into its signals).
COPY, EDIT, REGENERATE, DELETE, BRANCH, RETRY, CONTINUE = (
    "copy", "edit", "regenerate", "delete", "branch", "retry", "continue",
)
READ_ALOUD = "read_aloud"


class MessageWidget(QFrame):
    """Header, optional Thinking section, body, tool calls, error, footer and action buttons."""

    action = Signal(str, int)  # (action name, message id)
    layout_changed = Signal()  # a section opened or closed: the row's height changed

    def __init__(self, parent: QWidget | None = None, *,
                 images: ChatImages | None = None, files: ChatFiles | None = None,
                 sources: KbSourceBook | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageCard")
        self.row: MessageRow | None = None
        self._hovered = False
        self._last = False
        self.compact = False  # a compare column: icon actions; the column shows the stats
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 2)
        outer.setSpacing(6)
        outer.addLayout(self._build_header())
        self._build_thinking(outer)
        self._build_body(outer)
        self.refusal_block = RefusalBlock(self)  # a refusal, apart from any text
        self.source_list = SourceList(self)  # the sources the reply cites, numbered
        self.body.citation_clicked.connect(self.source_list.open)
        for block in (self.refusal_block, self.source_list):
            block.size_changed.connect(self.layout_changed)
        outer.addWidget(self.refusal_block)
        outer.addWidget(self.source_list)
        self.kb_sources, self.kb_chips = sources, KbSourceChips(self)  # knowledge-base passages
        if sources is not None:
            self.kb_chips.passage_requested.connect(sources.passage_requested)
        outer.addWidget(self.kb_chips)
        self.image_strip = ImageStrip(images, self)  # the message's images as thumbnails
        self.image_strip.height_changed.connect(self.layout_changed)
        self.image_strip.hide()
        outer.addWidget(self.image_strip)
        self.file_strip = FileStrip(files, self)  # the message's documents as file chips
        self.file_strip.hide()
        outer.addWidget(self.file_strip)
        self.tools_box = QVBoxLayout()
        self.tools_box.setSpacing(4)
        self.tool_blocks: list[ToolCallBlock] = []
        outer.addLayout(self.tools_box)
        outer.addWidget(self._build_error_box())
        self.footer = QLabel(self)
        self.footer.setObjectName("footer")
        outer.addWidget(self.footer)
        outer.addWidget(self._build_actions())
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        set_static_contents(self, self.bubble, self.thinking_frame)
        self.tool_card: ToolCard | None = None  # made for the first Role.TOOL row bound
        self.retranslate_ui()

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        header.setSpacing(6)
        self.role_label = QLabel(self)
        self.role_label.setObjectName("roleLabel")
        self.model_label = ElidedLabel("", self)  # a long model id ends with "…"
        self.model_label.setObjectName("modelLabel")
        self.previous_button = flat_button("‹", "branchButton", self)
        self.branch_label = QLabel(self)
        self.branch_label.setObjectName("branchLabel")
        self.next_button = flat_button("›", "branchButton", self)
        self.previous_button.clicked.connect(lambda: self._switch_branch(-1))
        self.next_button.clicked.connect(lambda: self._switch_branch(+1))
        header.addWidget(self.role_label)
        header.addWidget(self.model_label)
        header.addStretch(1)
        header.addWidget(self.previous_button)
        header.addWidget(self.branch_label)
        header.addWidget(self.next_button)

        return header

    def _build_thinking(self, outer: QVBoxLayout) -> None:
        self.thinking_toggle = flat_button("", "sectionToggle", self)
        self.thinking_toggle.setCheckable(True)
        self.thinking_toggle.toggled.connect(self._on_thinking_toggled)
        self.thinking_frame = QFrame(self)
        self.thinking_frame.setObjectName("thinking")
        thinking_layout = QVBoxLayout(self.thinking_frame)
        thinking_layout.setContentsMargins(12, 2, 4, 2)
        self.thinking_view = RichTextView(self.thinking_frame)
        self.thinking_view.setObjectName("thinkingText")
        thinking_layout.addWidget(self.thinking_view)
        outer.addWidget(self.thinking_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.thinking_frame)

    def _build_body(self, outer: QVBoxLayout) -> None:
        # The body sits in a bubble for user messages, full width for replies.
        self.body_row = QHBoxLayout()
        self.body_row.setContentsMargins(0, 0, 0, 0)
        self.bubble = QFrame(self)
        self.bubble.setObjectName("bubble")
        bubble_layout = self.bubble_layout = QVBoxLayout(self.bubble)
        bubble_layout.setContentsMargins(0, 0, 0, 0)
        self.body = RichTextView(self.bubble)
        self.body.setObjectName("messageBody")
        bubble_layout.addWidget(self.body)
        self.body_row.addStretch(0)
        self.body_row.addWidget(self.bubble, 1)
        outer.addLayout(self.body_row)

    def _build_error_box(self) -> QFrame:
        self.error_frame, self.error_label, error_layout = error_box(self)
        self.continue_button = flat_button("", "errorAction", self.error_frame)
        self.retry_button = flat_button("", "errorAction", self.error_frame)
        self.continue_button.clicked.connect(lambda: self._emit(CONTINUE))
        self.retry_button.clicked.connect(lambda: self._emit(RETRY))
        error_layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignTop)
        error_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        return self.error_frame

    def _build_actions(self) -> QWidget:
        # Actions keep their space when hidden so that hovering does not move anything.
        self.actions_bar = QWidget(self)
        self.actions_bar.setObjectName("actionsBar")
        actions = QHBoxLayout(self.actions_bar)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.setSpacing(2)
        self.copy_button = flat_button("", "messageAction", self.actions_bar)
        self.edit_button = flat_button("", "messageAction", self.actions_bar)
        self.regenerate_button = flat_button("", "messageAction", self.actions_bar)
        self.delete_button = flat_button("", "messageAction", self.actions_bar)
        self.read_aloud_button = flat_button("", "messageAction", self.actions_bar)
        for button, name in (
            (self.copy_button, COPY),
            (self.edit_button, EDIT),
            (self.regenerate_button, REGENERATE),
            (self.read_aloud_button, READ_ALOUD),
            (self.delete_button, DELETE),
        ):
            button.clicked.connect(lambda _=False, name=name: self._emit(name))
            button.setProperty("action", name)
            actions.addWidget(button)
        actions.insertStretch(0, 0)
        actions.addStretch(1)
        self.actions_layout = actions
        self.actions_bar.setFixedHeight(26)
        return self.actions_bar

    def retranslate_ui(self) -> None:
        """The card's fixed texts, and the bound message's header, error and footer again."""
        self.previous_button.setAccessibleName(self.tr("Previous version"))
        self.next_button.setAccessibleName(self.tr("Next version"))
        self.body.setAccessibleName(self.tr("Message text"))
        for button, text in ((self.continue_button, self.tr("Continue")),
                             (self.retry_button, self.tr("Retry")),
                             (self.copy_button, self.tr("Copy")),
                             (self.edit_button, self.tr("Edit")),
                             (self.regenerate_button, self.tr("Regenerate")),
                             (self.delete_button, self.tr("Delete")),
                             (self.read_aloud_button, self.tr("Read aloud"))):
            button.setText(text)
            button.setAccessibleName(text)
        if self.row is not None:
            self._show_role()
            self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # only a streaming reply's growth is left unpainted
        streaming = self.row is not None and self.row.message.status is MessageStatus.STREAMING
        if not streaming or event.oldSize().width() != event.size().width():
            self.update()  # a rebind, a new width, a highlighted card's rounded background

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_role(self) -> None:
        is_user = self.row is not None and self.row.message.role == Role.USER
        self.role_label.setText("" if is_user else self.tr("Assistant"))
        self.role_label.setVisible(not is_user)

    # --- binding --------------------------------------------------------------------------
    def bind(
        self,
        row: MessageRow,
        body: RichTextContent,
        thinking: RichTextContent | None,
        *,
        last: bool,
        highlighted: bool = False,
    ) -> None:
        """Show `row` (body/thinking are its rendered documents, from the view's cache)."""
        self._show_card_parts(tool=False)
        self.row = row
        self._last = last
        message = row.message
        is_user = message.role == Role.USER
        self.setProperty("role", message.role.value)
        self.setProperty("highlighted", highlighted)
        self.bubble.setProperty("user", is_user)
        self._show_role()
        self.body.set_content(body)
        self.body.setAccessibleDescription(message.text[:1000])
        self.thinking_view.set_content(thinking)
        self.image_strip.set_images(message.images, user=is_user)
        self.file_strip.set_files(message.files, user=is_user)
        self.bubble.setVisible(not ((message.images or message.files or message.tool_calls)
                                    and not message.text.strip()
                                    and message.status != MessageStatus.STREAMING))
        # A step that only asked for tools: its cards below say it all (no empty action row).
        self.actions_bar.setVisible(not (message.tool_calls and not message.text.strip()
                                         and message.status == MessageStatus.COMPLETE))
        self.body_row.setStretch(0, 1 if is_user else 0)
        self.body_row.setStretch(1, 0 if is_user else 1)
        self.actions_layout.setStretch(0, 1 if is_user else 0)
        self.actions_layout.setStretch(self.actions_layout.count() - 1, 0 if is_user else 1)
        self.edit_button.setVisible(is_user)
        self.regenerate_button.setVisible(message.role == Role.ASSISTANT)
        self.refresh()
        self._restyle()
        # A recycled card's nested layouts still hold the sizes of what it showed before
        # (children shown or hidden while the card was hidden do not invalidate them).
        self._invalidate_all()

    # --- tool cards -----------------------------------------------------------------------
    def bind_tool(self, row: MessageRow) -> None:
        """Show a Role.TOOL row as a tool card (and its result images below it)."""
        self.row = row
        self._last = False
        if self.tool_card is None:
            card = self.tool_card = ToolCard(self)
            card.action.connect(self._emit)
            card.toggled.connect(self._on_card_toggled)
            card.show_all_requested.connect(self._on_show_all)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(1, card)
        self._show_card_parts(tool=True)
        self.setProperty("role", row.message.role.value)
        self.setProperty("highlighted", False)
        self.body.set_content(None)
        self.thinking_view.set_content(None)
        self.image_strip.set_images(row.message.images, user=False)
        self.image_strip.setVisible(bool(row.message.images))
        self.refresh()
        invalidate_layout(self.layout())

    def _show_card_parts(self, *, tool: bool) -> None:
        """A tool row shows only its card (and images); a message row everything but it."""
        if self.tool_card is not None:
            self.tool_card.setVisible(tool)
            if not tool:
                self.tool_card.stop()
        if tool:  # a message row's bind shows what it needs again
            for widget in (self.role_label, self.model_label, self.previous_button,
                           self.branch_label, self.next_button, self.thinking_toggle,
                           self.thinking_frame, self.bubble, self.error_frame, self.footer,
                           *self.tool_blocks):
                widget.hide()
        self.actions_bar.setVisible(not tool)

    def heightForWidth(self, width: int) -> int:
        # A closed tool card has nothing that wraps: its layout has no height-for-width.
        height = super().heightForWidth(width)
        return height if height >= 0 else self.sizeHint().height()

    def _refresh_tool(self, row: MessageRow) -> None:
        if self.tool_card is not None:
            self.tool_card.show_message(
                row.message, row.tool_arguments, open_=row.tool_open,
                show_all=row.tool_show_all, started=row.tool_started,
                approvable=row.tool_approvable)
        self.updateGeometry()

    def _on_card_toggled(self, open_: bool) -> None:
        if self.row is not None:
            self.row.tool_open = open_
            self.refresh()
            self.layout_changed.emit()

    def _on_show_all(self) -> None:
        if self.row is not None:
            self.row.tool_show_all = True
            self.refresh()
            self.layout_changed.emit()

    def refresh(self) -> None:
        """Re-read the bound row (after a stream flush or a status change)."""
        row = self.row
        if row is None:
            return
        if row.message.role is Role.TOOL:
            self._refresh_tool(row)
            return
        message = row.message
        streaming = message.status == MessageStatus.STREAMING
        live = row.live
        model = (live.model if live and live.model else None) or message.model or ""
        self.model_label.setText(model if message.role == Role.ASSISTANT else "")
        self.model_label.setToolTip(self.model_label.text())

        position, count, _ids = row.siblings
        branched = count > 1
        for widget in (self.previous_button, self.branch_label, self.next_button):
            widget.setVisible(branched)
        self.model_label.setVisible(message.role != Role.USER)
        if branched:
            self.branch_label.setText(f"{position}/{count}")
            self.previous_button.setEnabled(position > 1)
            self.next_button.setEnabled(position < count)

        has_thinking = self.thinking_view.content is not None and bool(
            self.thinking_view.content.text.strip()
        )
        self.thinking_toggle.setVisible(has_thinking)
        open_ = row.thinking_open if row.thinking_open is not None else streaming
        if has_thinking:
            arrow = "▾" if open_ else "▸"
            label = self.tr("Thinking…") if streaming and not message.text and not (
                live and live.has_text
            ) else self.tr("Thinking")
            self.thinking_toggle.setText(f"{arrow}  {label}")
            self.thinking_toggle.blockSignals(True)
            self.thinking_toggle.setChecked(open_)
            self.thinking_toggle.blockSignals(False)
        self.thinking_frame.setVisible(has_thinking and open_)
        self.thinking_view.refresh()
        self.body.refresh()

        self._show_tool_calls(row)
        if show_extras(self.refusal_block, self.source_list, message, live) | \
                self.kb_chips.set_passages(
                    self.kb_sources.of(message.id) if self.kb_sources is not None else ()):
            self._invalidate_all()

        error = (live.error if live else None) or message.error
        failed = message.status == MessageStatus.ERROR
        stopped = message.stopped_by_user  # the user's choice: said plainly, not as a warning
        interrupted = message.status == MessageStatus.INTERRUPTED and not stopped
        self.error_frame.setVisible(failed or interrupted or stopped)
        if failed:
            self.error_label.setText(error or self.tr("The request failed."))
        elif interrupted:
            self.error_label.setText(
                self.tr("The reply was interrupted.") + (f"\n{error}" if error else "")
            )
        elif stopped:
            self.error_label.setText(self.tr("Stopped. Continue picks up where it ended."))
        self.error_frame.setProperty("interrupted", interrupted)
        self.error_frame.setProperty("stopped", stopped)
        self.continue_button.setVisible(interrupted or stopped)
        self.retry_button.setVisible(failed or interrupted or stopped)

        footer = footer_text(message) if message.role == Role.ASSISTANT else ""
        waiting = live.status if streaming and live is not None else ""
        self.footer.setVisible(bool(waiting) or (
            bool(footer) and not streaming and not (self.compact and self._last)))
        self.footer.setText(waiting or footer)
        self.footer.setToolTip("" if waiting else "\n\n".join(
            t for t in (cost_tooltip(message.cost), usage_tooltip(message.usage)) if t))
        self._update_actions()
        self._restyle()
        self.updateGeometry()

    def _invalidate_all(self) -> None:  # also the blocks with layouts of their own
        for widget in (self.refusal_block, self.source_list, self):
            widget.ensurePolished()  # measured with the style sheet's fonts and borders
            invalidate_layout(widget.layout())

    def _show_tool_calls(self, row: MessageRow) -> None:
        calls: list[tuple[str, str]]
        if row.live is not None and row.live.tool_calls:
            calls = [(d.name, d.arguments) for _, d in sorted(row.live.tool_calls.items())]
        elif row.calls_answered:
            calls = []  # the tool cards below show these calls
        else:
            calls = [(call.name, call.arguments) for call in row.message.tool_calls]
        while len(self.tool_blocks) < len(calls):
            block = ToolCallBlock(self)
            number = len(self.tool_blocks)
            block.toggled.connect(lambda open_, number=number: self._on_tool_toggled(number, open_))
            self.tool_blocks.append(block)
            self.tools_box.addWidget(block)
        for number, block in enumerate(self.tool_blocks):
            if number < len(calls):
                name, arguments = calls[number]
                block.show_call(name, arguments, number in row.open_tools)
                block.show()
            else:
                block.hide()

    # --- interaction ----------------------------------------------------------------------
    def _emit(self, name: str) -> None:
        if self.row is not None:
            self.action.emit(name, self.row.message.id)

    def _switch_branch(self, step: int) -> None:
        if self.row is None:
            return
        position, _count, ids = self.row.siblings
        target = position - 1 + step
        if 0 <= target < len(ids):
            self.action.emit(BRANCH, ids[target])

    def _on_thinking_toggled(self, checked: bool) -> None:
        if self.row is not None:
            self.row.thinking_open = checked
            self.refresh()
            self.layout_changed.emit()

    def _on_tool_toggled(self, number: int, open_: bool) -> None:
        if self.row is not None:
            if open_:
                self.row.open_tools.add(number)
            else:
                self.row.open_tools.discard(number)
            self.refresh()
            self.layout_changed.emit()

    def _update_actions(self) -> None:
        streaming = self.row is not None and self.row.message.status == MessageStatus.STREAMING
        visible = (self._hovered or self._last or self.hasFocus()) and not streaming
        for button in (self.copy_button, self.delete_button):
            button.setVisible(visible)
        if self.row is not None:
            self.edit_button.setVisible(visible and self.row.message.role == Role.USER)
            self.regenerate_button.setVisible(
                visible and self.row.message.role == Role.ASSISTANT
            )
            reading = self.row.reading
            self.read_aloud_button.setText(
                self.tr("Stop reading") if reading else self.tr("Read aloud"))
            self.read_aloud_button.setAccessibleName(self.read_aloud_button.text())
            self.read_aloud_button.setVisible((visible or reading) and bool(
                self.row.message.role == Role.ASSISTANT and self.row.message.text.strip()))
            fit_actions(self.actions_bar, compact=self.compact, reading=reading)

    def event(self, event: QEvent) -> bool:
        if self.row is not None and self.row.message.role is Role.TOOL:
            return super().event(event)
        if event.type() in (QEvent.Type.HoverEnter, QEvent.Type.HoverLeave):
            self._hovered = event.type() == QEvent.Type.HoverEnter
            self._update_actions()
        return super().event(event)

    def _restyle(self) -> None:
        for widget in (self, self.bubble, self.error_frame):
            style = widget.style()
            style.unpolish(widget)
            style.polish(widget)

    def fit_width(self, width: int) -> None:
        """User bubbles hug their text (up to 80 % of the width); replies use the full width."""
        self.image_strip.fit_width(width)
        row = self.row
        if row is None or row.message.role != Role.USER or self.body.content is None:
            self.bubble.setMaximumWidth(16777215)
            self.bubble_layout.setContentsMargins(0, 0, 0, 0)
            return
        self.bubble_layout.setContentsMargins(14, 9, 14, 9)
        limit = int(width * 0.8)
        ideal = self.body.content.ideal_width(limit - 28) + 28 + 2
        self.bubble.setMaximumWidth(max(min(ideal, limit), 60))
