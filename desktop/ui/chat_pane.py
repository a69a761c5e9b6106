"""The centre of the window: conversation header, chat view and composer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.ui.resources import icon
from desktop.ui.theme import current_colors, document_stylesheet

WELCOME = """\
## Welcome to Switchboard

One desktop app for every OpenAI-compatible gateway: relays and aggregators, OpenAI,
Anthropic, DeepSeek, OpenRouter, Gemini and the local servers (Ollama, LM Studio,
llama.cpp, vLLM, LiteLLM).

- Keys stay in your system keyring, never on disk in plain text.
- Your history is a local database you can search offline.

| Shortcut | Action |
|---|---|
| `Ctrl+N` | New conversation |
| `Ctrl+K` | Search history |
| `Enter` / `Shift+Enter` | Send / new line |

```python
# Any OpenAI-compatible base URL works, e.g.
base_url = "http://127.0.0.1:11434/v1"
```
"""


class Composer(QPlainTextEdit):
    """Multi-line input: Enter sends, Shift+Enter inserts a line break."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.enter_sends = True
        self.setPlaceholderText(self.tr("Message…  (Enter to send, Shift+Enter for a new line)"))
        self.setAccessibleName(self.tr("Message"))
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        is_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if is_enter and (shift != self.enter_sends):
            self.submitted.emit()
            return
        if is_enter:
            self.insertPlainText("\n")
            return
        super().keyPressEvent(event)


class ChatPane(QWidget):
    send_requested = Signal(str)
    toggle_sidebar = Signal()
    toggle_parameters = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatPane")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.renderer = MarkdownRenderer()
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
        header_layout.addWidget(self.title)
        header_layout.addStretch(1)
        self.model_picker = QComboBox()
        self.model_picker.setMinimumWidth(220)
        self.model_picker.setAccessibleName(self.tr("Model"))
        self.model_picker.setPlaceholderText(self.tr("No provider yet — add one"))
        header_layout.addWidget(self.model_picker)
        self.parameters_button = self._flat_button("sliders", self.tr("Show or hide parameters"))
        self.parameters_button.clicked.connect(self.toggle_parameters)
        header_layout.addWidget(self.parameters_button)
        layout.addWidget(header)

        self.chat_view = QTextBrowser()
        self.chat_view.setObjectName("chatView")
        self.chat_view.setAccessibleName(self.tr("Conversation"))
        self.chat_view.setOpenExternalLinks(True)
        self.chat_view.document().setDocumentMargin(24)
        self.chat_view.document().setDefaultStyleSheet(document_stylesheet(current_colors()))
        self.chat_view.setHtml(self.renderer.render(WELCOME))
        layout.addWidget(self.chat_view, 1)

        composer_frame = QFrame()
        composer_frame.setObjectName("composerFrame")
        frame_layout = QHBoxLayout(composer_frame)
        frame_layout.setContentsMargins(8, 6, 8, 6)
        self.composer = Composer()
        self.composer.setFixedHeight(84)
        self.composer.submitted.connect(self._submit)
        frame_layout.addWidget(self.composer, 1)
        self.send_button = QPushButton(icon("send"), self.tr("Send"))
        self.send_button.setObjectName("primary")
        self.send_button.setAccessibleName(self.tr("Send"))
        self.send_button.clicked.connect(self._submit)
        frame_layout.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer = QVBoxLayout()
        outer.setContentsMargins(16, 8, 16, 14)
        outer.addWidget(composer_frame)
        layout.addLayout(outer)

    def _flat_button(self, icon_name: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName("flat")
        button.setIcon(icon(icon_name))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def _submit(self) -> None:
        text = self.composer.toPlainText().strip()
        if text:
            self.send_requested.emit(text)
