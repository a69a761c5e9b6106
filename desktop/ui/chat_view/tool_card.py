"""ToolCard: one tool call of the tool-call loop (a `Role.TOOL` message) in the chat view.

Collapsible: the header shows the tool (server), its status and duration; open, the card shows
the arguments as pretty-printed JSON and the result. A call waiting for the user's approval is
open and offers Approve, Deny and "Always allow this tool". Everything a tool or a model sent
is shown as capped plain text: no rich text, no bidi or control characters.
"""

from __future__ import annotations

import json
import re
import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desktop.core.store.models import Message, ToolStatus

APPROVE, DENY, ALWAYS = "tool_approve", "tool_deny", "tool_always"
DECISIONS = (APPROVE, DENY, ALWAYS)
SHORT_LIMIT = 1500  # characters of a result or arguments shown before "Show all"
LONG_LIMIT = 100_000  # even "Show all" stops here (the full result is in the history)
_UNSAFE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f]")
_LONG_RUN = re.compile(r"\S{120}")


def plain(text: str, limit: int) -> tuple[str, bool]:
    """`text` safe to show: capped at `limit`, control and bidi characters dropped, very long
    unbroken runs given break opportunities (a label cannot wrap them otherwise)."""
    cut = len(text) > limit
    shown = _UNSAFE.sub("", text[:limit])
    shown = _LONG_RUN.sub(lambda m: m.group(0) + "\u200b", shown)
    return (shown + ("\n…" if cut else "")), cut


def pretty_arguments(arguments: str) -> str:
    try:
        return json.dumps(json.loads(arguments), indent=2, ensure_ascii=False)
    except (ValueError, RecursionError):
        return arguments


def duration_text(ms: float | None) -> str:
    if ms is None:
        return ""
    if ms < 1:
        return "< 1 ms"
    if ms < 1000:
        return f"{ms:.0f} ms"
    if ms < 60_000:
        return f"{ms / 1000:.1f} s"
    return f"{int(ms // 60_000)} min {int(ms % 60_000 // 1000)} s"


def _button(name: str, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName(name)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


class ToolCard(QFrame):
    """Shows one tool message; asks its MessageWidget to act through `action`."""

    action = Signal(str)  # APPROVE, DENY or ALWAYS
    toggled = Signal(bool)  # opened or closed by the user
    show_all_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toolCard")
        self.message: Message | None = None
        self.started: float | None = None
        self._polished_for: ToolStatus | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.setSpacing(6)
        header = QHBoxLayout()
        header.setSpacing(8)
        self.toggle = _button("toolToggle", self)
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.toggled)
        self.status = QLabel(self)
        self.status.setObjectName("toolStatus")
        self.duration = QLabel(self)
        self.duration.setObjectName("toolDuration")
        header.addWidget(self.toggle, 1, Qt.AlignmentFlag.AlignLeft)
        header.addWidget(self.duration)
        header.addWidget(self.status)
        outer.addLayout(header)

        self.details = QWidget(self)
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(4)
        self.arguments_caption = self._caption(details)
        self.arguments = self._text(details, "toolArgumentsText")
        self.result_caption = self._caption(details)
        self.result = self._text(details, "toolResultText")
        self.show_all = _button("toolLink", self.details)
        self.show_all.clicked.connect(self.show_all_requested)
        details.addWidget(self.show_all, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.details)

        self.approval = QWidget(self)
        approval = QHBoxLayout(self.approval)
        approval.setContentsMargins(0, 2, 0, 0)
        approval.setSpacing(6)
        self.approve_button = _button("toolApprove", self.approval)
        self.deny_button = _button("toolDeny", self.approval)
        self.always_button = _button("toolAlways", self.approval)
        for button, name in ((self.approve_button, APPROVE), (self.deny_button, DENY),
                             (self.always_button, ALWAYS)):
            button.clicked.connect(lambda _=False, name=name: self.action.emit(name))
            approval.addWidget(button)
        approval.addStretch(1)
        outer.addWidget(self.approval)

        self.ticker = QTimer(self)  # the elapsed time of a running call
        self.ticker.setInterval(200)
        self.ticker.timeout.connect(self._tick)
        self.retranslate_ui()

    def _caption(self, layout: QVBoxLayout) -> QLabel:
        label = QLabel(self.details)
        label.setObjectName("toolCaption")
        layout.addWidget(label)
        return label

    def _text(self, layout: QVBoxLayout, name: str) -> QLabel:
        label = QLabel(self.details)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout.addWidget(label)
        return label

    def retranslate_ui(self) -> None:
        self.arguments_caption.setText(self.tr("Arguments"))
        self.result_caption.setText(self.tr("Result"))
        self.show_all.setText(self.tr("Show all"))
        for button, text in ((self.approve_button, self.tr("Approve")),
                             (self.deny_button, self.tr("Deny")),
                             (self.always_button, self.tr("Always allow this tool"))):
            button.setText(text)
            button.setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.message is not None:
                self._show_status()
        super().changeEvent(event)

    # --- showing a message ---------------------------------------------------------------
    def show_message(self, message: Message, arguments: str, *, open_: bool | None,
                     show_all: bool, started: float | None, approvable: bool) -> None:
        """Show `message` (a Role.TOOL message); `arguments` come from the asking reply."""
        self.message = message
        self.started = started
        tool = message.tool
        status = tool.status if tool is not None else ToolStatus.DONE
        name, server = (tool.name, tool.server) if tool is not None else ("", "")
        waiting = status is ToolStatus.PENDING
        is_open = open_ if open_ is not None else waiting
        title, _ = plain(name or self.tr("tool"), 120)
        if server:
            title += f"  ({plain(server, 80)[0]})"
        self.toggle.setText(f"{'▾' if is_open else '▸'}  {title}")
        self.toggle.setAccessibleName(self.tr("Tool call {0}").format(title))
        self.toggle.blockSignals(True)
        self.toggle.setChecked(is_open)
        self.toggle.blockSignals(False)
        self.setProperty("status", status.value)
        self.status.setProperty("status", status.value)
        limit = LONG_LIMIT if show_all else SHORT_LIMIT
        shown_arguments, cut_arguments = plain(pretty_arguments(arguments) or "{}", limit)
        self.arguments.setText(shown_arguments)
        result_text = message.text if status.finished else ""
        shown_result, cut_result = plain(result_text, limit)
        self.result.setText(shown_result)
        self.result_caption.setVisible(bool(result_text))
        self.result.setVisible(bool(result_text))
        self.show_all.setVisible(not show_all and (cut_arguments or cut_result))
        self.details.setVisible(is_open)
        self.approval.setVisible(waiting and approvable)
        self.duration.setText(duration_text(tool.duration_ms) if tool and status.finished else "")
        self._show_status()
        if status is ToolStatus.APPROVED and started is not None:
            self.ticker.start()
        else:
            self.ticker.stop()
        if self._polished_for != status:  # the style sheet picks colours by status
            self._polished_for = status
            for widget in (self, self.status):
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def _show_status(self) -> None:
        message = self.message
        tool = message.tool if message is not None else None
        status = tool.status if tool is not None else ToolStatus.DONE
        texts = {
            ToolStatus.PENDING: self.tr("Waiting for approval"),
            ToolStatus.APPROVED: self.tr("Running"),
            ToolStatus.DONE: self.tr("Done"),
            ToolStatus.FAILED: self.tr("Failed"),
            ToolStatus.DENIED: self.tr("Denied"),
            ToolStatus.CANCELLED: self.tr("Cancelled"),
            ToolStatus.SKIPPED: self.tr("Skipped"),
        }
        text = texts[status]
        if status is ToolStatus.APPROVED and self.started is not None:
            elapsed = max(0.0, time.monotonic() - self.started)
            text = self.tr("Running · {0}").format(duration_text(elapsed * 1000))
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def _tick(self) -> None:
        if self.isVisible():
            self._show_status()

    def stop(self) -> None:
        """The card is released (recycled): no more ticking."""
        self.ticker.stop()
        self.message = None


class ToolCallBlock(QFrame):
    """A collapsible block: tool name on the toggle, arguments below when open."""

    toggled = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toolCall")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        self.toggle = _button("sectionToggle", self)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.toggled.connect(self._on_toggled)
        self.arguments = QLabel(self)
        self.arguments.setObjectName("toolArguments")
        self.arguments.setTextFormat(Qt.TextFormat.PlainText)
        self.arguments.setWordWrap(True)
        self.arguments.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.arguments.hide()
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.arguments)

    def show_call(self, name: str, arguments: str, open_: bool) -> None:
        arrow = "▾" if open_ else "▸"
        self.toggle.setText(f"{arrow}  {self.tr('Tool call')} · {name or '…'}")
        self.arguments.setText(plain(pretty_arguments(arguments), SHORT_LIMIT)[0])
        self.toggle.blockSignals(True)
        self.toggle.setChecked(open_)
        self.toggle.blockSignals(False)
        self.arguments.setVisible(open_)

    def _on_toggled(self, checked: bool) -> None:
        self.toggled.emit(checked)
