"""The centre of the window: conversation header, chat view, notices and the composer."""

from __future__ import annotations

import html
import importlib
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.api.events import ReasoningDelta, StreamEvent, TextDelta
from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.store.models import Message, MessageStatus, Role
from desktop.ui.composer import Composer
from desktop.ui.model_picker import ModelPicker
from desktop.ui.resources import icon
from desktop.ui.theme import current_colors, document_stylesheet

SiblingInfo = tuple[int, int, list[int]]


class SimpleChatView(QTextBrowser):
    """A stand-in with ChatView's API (one rich-text document), used until it is available."""

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
        self.setAccessibleName(self.tr("Conversation"))
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.document().setDocumentMargin(24)
        self.renderer = MarkdownRenderer()
        self._messages: list[Message] = []
        self._siblings: dict[int, SiblingInfo] = {}
        self._live: dict[int, tuple[list[str], list[str]]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(33)
        self._timer.timeout.connect(self._render)

    def set_conversation(self, messages: list[Message],
                         sibling_info: Mapping[int, SiblingInfo]) -> None:
        self._messages = list(messages)
        self._siblings = dict(sibling_info)
        self._live.clear()
        self._render()

    def append_message(self, message: Message, sibling_info: SiblingInfo | None = None) -> None:
        self._messages.append(message)
        if sibling_info is not None:
            self._siblings[message.id] = sibling_info
        self._timer.start()

    def update_message(self, message: Message) -> None:
        self._messages = [message if m.id == message.id else m for m in self._messages]
        self._live.pop(message.id, None)
        self._timer.start()

    def apply_event(self, message_id: int, event: StreamEvent) -> None:
        if isinstance(event, TextDelta | ReasoningDelta):
            text, reasoning = self._live.setdefault(message_id, ([], []))
            (text if isinstance(event, TextDelta) else reasoning).append(event.text)
            if not self._timer.isActive():
                self._timer.start()

    def scroll_to_message(self, message_id: int, highlight: str = "") -> None:
        self.scrollToAnchor(f"m{message_id}")

    def is_following(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() != "sb":
            return
        action, _, value = url.path().partition(":")
        signal = {
            "copy": self.copy_requested, "edit": self.edit_requested,
            "regenerate": self.regenerate_requested, "delete": self.delete_requested,
            "branch": self.branch_requested, "retry": self.retry_requested,
            "continue": self.continue_requested,
        }.get(action)
        if signal is not None and value.isdigit():
            signal.emit(int(value))

    def _render(self) -> None:
        follow = self.is_following()
        colors = current_colors()
        self.document().setDefaultStyleSheet(document_stylesheet(colors))
        out: list[str] = []
        for message in self._messages:
            text, reasoning = message.text, message.reasoning
            live = self._live.get(message.id)
            if live is not None:
                text += "".join(live[0])
                reasoning += "".join(live[1])
            who = self.tr("You") if message.role is Role.USER else (message.model or "Assistant")
            links = [f"<a href='sb:copy:{message.id}'>{self.tr('Copy')}</a>"]
            if message.role is Role.USER:
                links.append(f"<a href='sb:edit:{message.id}'>{self.tr('Edit')}</a>")
            else:
                links.append(f"<a href='sb:regenerate:{message.id}'>{self.tr('Regenerate')}</a>")
            links.append(f"<a href='sb:delete:{message.id}'>{self.tr('Delete')}</a>")
            if message.status is MessageStatus.INTERRUPTED:
                links.append(f"<a href='sb:continue:{message.id}'>{self.tr('Continue')}</a>")
            if message.status in (MessageStatus.ERROR, MessageStatus.INTERRUPTED):
                links.append(f"<a href='sb:retry:{message.id}'>{self.tr('Retry')}</a>")
            info = self._siblings.get(message.id)
            if info is not None and info[1] > 1:
                position, count, ids = info
                if position > 1:
                    links.append(f"<a href='sb:branch:{ids[position - 2]}'>‹</a>")
                links.append(f"{position}/{count}")
                if position < count:
                    links.append(f"<a href='sb:branch:{ids[position]}'>›</a>")
            out.append(f"<a name='m{message.id}'></a><p><b>{html.escape(who)}</b></p>")
            if reasoning:
                out.append(f"<blockquote>{html.escape(reasoning)}</blockquote>")
            out.append(self.renderer.render(text))
            if message.error and message.status is not MessageStatus.COMPLETE:
                out.append(f"<p style='color:#d04040'>{html.escape(message.error)}</p>")
            out.append(f"<p style='color:{colors['muted']}'>{' · '.join(links)}</p><hr/>")
        self.setHtml("".join(out))
        if follow:
            self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())


def chat_view_class() -> type[QWidget]:
    """The virtualised ChatView when this checkout has it, else the stand-in above."""
    try:
        module = importlib.import_module("desktop.ui.chat_view")
        view_class: type[QWidget] = module.ChatView
    except (ImportError, AttributeError):
        return SimpleChatView
    return view_class


class ChatPane(QWidget):
    """Header (title, model picker, panel toggles), the chat view, a notice line, the composer."""

    send_requested = Signal(str)
    stop_requested = Signal()
    toggle_sidebar = Signal()
    toggle_parameters = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatPane")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.streaming = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        header = QFrame()
        header.setObjectName("headerBar")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(8, 6, 8, 6)
        self.sidebar_button = self._flat_button("sidebar", self.tr("Show or hide the sidebar"))
        self.sidebar_button.clicked.connect(self.toggle_sidebar)
        header_layout.addWidget(self.sidebar_button)
        self.title = QLabel(self.tr("New conversation"))
        self.title.setObjectName("conversationTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header_layout.addWidget(self.title, 1)
        self.model_picker = ModelPicker()  # configured by ProviderWiring once history is open
        header_layout.addWidget(self.model_picker)
        self.parameters_button = self._flat_button("sliders", self.tr("Show or hide parameters"))
        self.parameters_button.clicked.connect(self.toggle_parameters)
        header_layout.addWidget(self.parameters_button)
        layout.addWidget(header)

        self.chat_view: Any = chat_view_class()()
        layout.addWidget(self.chat_view, 1)

        bottom = QVBoxLayout()
        bottom.setContentsMargins(16, 6, 16, 14)
        bottom.setSpacing(6)
        self.notice = QFrame()
        self.notice.setObjectName("noticeBar")
        notice_layout = QHBoxLayout(self.notice)
        notice_layout.setContentsMargins(10, 6, 6, 6)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("noticeText")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        notice_layout.addWidget(self.notice_label, 1)
        close_notice = self._flat_button("close", self.tr("Dismiss"))
        close_notice.clicked.connect(self.clear_notice)
        notice_layout.addWidget(close_notice, 0, Qt.AlignmentFlag.AlignTop)
        self.notice.hide()
        bottom.addWidget(self.notice)

        self.edit_banner = QFrame()
        self.edit_banner.setObjectName("editBanner")
        banner_layout = QHBoxLayout(self.edit_banner)
        banner_layout.setContentsMargins(10, 4, 6, 4)
        banner_text = QLabel(self.tr("Editing a message: sending makes a new branch."))
        banner_layout.addWidget(banner_text, 1)
        self.cancel_edit_button = QPushButton(self.tr("Cancel"))
        self.cancel_edit_button.setAccessibleName(self.tr("Cancel editing"))
        banner_layout.addWidget(self.cancel_edit_button)
        self.edit_banner.hide()
        bottom.addWidget(self.edit_banner)

        composer_frame = QFrame()
        composer_frame.setObjectName("composerFrame")
        frame_layout = QHBoxLayout(composer_frame)
        frame_layout.setContentsMargins(8, 6, 8, 6)
        self.composer = Composer()
        self.composer.submitted.connect(self._submit)
        frame_layout.addWidget(self.composer, 1)
        self.send_button = QPushButton(icon("send"), self.tr("Send"))
        self.send_button.setObjectName("primary")
        self.send_button.setAccessibleName(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send (Enter)"))
        self.send_button.clicked.connect(self._on_send_button)
        frame_layout.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        bottom.addWidget(composer_frame)
        layout.addLayout(bottom)

    def _flat_button(self, icon_name: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName("flat")
        button.setIcon(icon(icon_name))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc anywhere in the chat (not taken by a child) stops the reply."""
        if event.key() == Qt.Key.Key_Escape and self.streaming:
            self.stop_requested.emit()
            return
        super().keyPressEvent(event)

    # ----------------------------------------------------------------- state shown

    def set_streaming(self, streaming: bool) -> None:
        """Send becomes Stop while the open conversation streams."""
        self.streaming = streaming
        if streaming:
            self.send_button.setIcon(icon("stop"))
            self.send_button.setText(self.tr("Stop"))
            self.send_button.setAccessibleName(self.tr("Stop"))
            self.send_button.setToolTip(self.tr("Stop the reply (Esc)"))
            self.send_button.setObjectName("stop")
        else:
            self.send_button.setIcon(icon("send"))
            self.send_button.setText(self.tr("Send"))
            self.send_button.setAccessibleName(self.tr("Send"))
            self.send_button.setToolTip(self.tr("Send (Enter)"))
            self.send_button.setObjectName("primary")
        self.send_button.style().unpolish(self.send_button)
        self.send_button.style().polish(self.send_button)

    def show_notice(self, text: str) -> None:
        """An error or hint above the composer (e.g. why a message could not be sent)."""
        self.notice_label.setText(text)
        self.notice.show()

    def clear_notice(self) -> None:
        self.notice.hide()
        self.notice_label.clear()

    def set_editing(self, editing: bool) -> None:
        self.edit_banner.setVisible(editing)

    # ----------------------------------------------------------------- model picker

    def set_targets(self, targets: list[tuple[str, str]], current: tuple[str, str] | None) -> None:
        """Show `current` in the picker (it lists every provider's models itself)."""
        del targets
        if current is not None and current[0] and current[1]:
            self.model_picker.set_selection(*current)

    def selected_target(self) -> tuple[str, str] | None:
        return self.model_picker.current_selection()

    # ----------------------------------------------------------------- sending

    def _on_send_button(self) -> None:
        if self.streaming:
            self.stop_requested.emit()
        else:
            self._submit()

    def _submit(self) -> None:
        if self.streaming:
            return  # Enter while streaming keeps the text; the button says Stop
        text = self.composer.toPlainText().strip()
        if text:
            self.send_requested.emit(text)

