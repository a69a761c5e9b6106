"""Small pieces of a message card: flat buttons, the error box, and dropping nested layouts'
sizes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QToolButton, QWidget


def flat_button(text: str, name: str, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setObjectName(name)
    button.setAccessibleName(text)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


def error_box(parent: QWidget) -> tuple[QFrame, QLabel, QHBoxLayout]:
    """The frame a failed or stopped reply shows, with its selectable plain-text label."""
    frame = QFrame(parent)
    frame.setObjectName("errorBox")
    layout = QHBoxLayout(frame)
    layout.setContentsMargins(10, 8, 10, 8)
    label = QLabel(frame)
    label.setObjectName("errorText")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(label, 1)
    return frame, label, layout


def invalidate_layout(layout: QLayout | None) -> None:
    """Drop the cached sizes of a layout and every layout nested in it."""
    if layout is None:
        return
    for number in range(layout.count()):
        item = layout.itemAt(number)
        nested = item.layout() if item is not None else None
        if nested is not None:
            invalidate_layout(nested)
    layout.invalidate()


def set_static_contents(*widgets: QWidget) -> None:
    """Widgets that grow at the bottom (a streamed reply's card) and keep what they show when
    they do: a resize repaints only the part added (see RichTextView)."""
    for widget in widgets:
        widget.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
