"""Small pieces of a message card: flat buttons, the error box, and dropping nested layouts'
sizes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QToolButton,
    QWidget,
)

from desktop.ui.resources import icon

ACTION_ICONS = {"copy": "copy", "edit": "edit", "regenerate": "regenerate",
                "read_aloud": "read-aloud", "delete": "delete"}
"""The icon of each message action (by the action's name), shown on narrow cards."""


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


def invalidate_up_to(widget: QWidget, top: QWidget) -> None:
    """`widget`'s size hint changed: drop the cached sizes between it and `top` now.

    `updateGeometry` drops only the widget's own cached sizes and those of its parent's top
    layout (not of the layouts nested in it); the widgets above hear of it from a posted
    event. A measure made before that (the chat area measures right after a formula arrived)
    got the card's height from before: a card cut short at the bottom."""
    current: QWidget | None = widget
    while current is not None and current is not top:
        current.updateGeometry()  # its own cached sizes (the layout item's)
        current = current.parentWidget()
        if current is not None:  # and the parent's layouts, nested ones too
            invalidate_layout(current.layout())


def set_static_contents(*widgets: QWidget) -> None:
    """Widgets that grow at the bottom (a streamed reply's card) and keep what they show when
    they do: a resize repaints only the part added (see RichTextView)."""
    for widget in widgets:
        widget.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
def fit_actions(bar: QWidget, *, compact: bool, reading: bool) -> None:
    """A card's action buttons (property "action"): words, or on a narrow card (a compare
    column) icons with the words as tooltips, so that nothing is cut ("Re…te")."""
    for button in bar.findChildren(QToolButton):
        name = button.property("action")
        if name not in ACTION_ICONS:
            continue
        if button.property("iconOnly") is not compact:  # narrower padding (styles.py)
            button.setProperty("iconOnly", compact)
            button.style().unpolish(button)
            button.style().polish(button)
        if compact:
            playing = name == "read_aloud" and reading
            button.setIcon(icon("stop" if playing else ACTION_ICONS[name]))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setToolTip(button.text())
        else:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setToolTip("")


def stack_error_box(frame: QWidget) -> None:
    """A narrow card: the error's buttons go under its text, which they would squeeze below
    its minimum width (and cut, as the card's height is measured at that minimum)."""
    layout = frame.layout()
    if not isinstance(layout, QBoxLayout):
        return
    layout.setDirection(QBoxLayout.Direction.TopToBottom)
    for number in range(1, layout.count()):
        item = layout.itemAt(number)
        widget = item.widget() if item is not None else None
        if widget is not None:
            layout.setAlignment(widget, Qt.AlignmentFlag.AlignLeft)
