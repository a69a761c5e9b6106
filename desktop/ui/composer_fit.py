"""The composer's bottom row keeps room to type: when the row is too narrow for its buttons'
words (a narrow window with the parameter panel open, long translations), the tool buttons
that show words (Tools, Knowledge, Compare's "3 models") show only their icons, the words
going to their tooltips, and last Send too; they get their words back when there is room.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QFrame, QPushButton, QToolButton, QWidget

MIN_TYPING_WIDTH = 220
"""The composer's text field is never squeezed below this (px) to keep buttons' words."""

UNFOLD_MARGIN = 24
"""Px more than a button's words measure that must be spare before they come back."""
_ICON_ONLY = Qt.ToolButtonStyle.ToolButtonIconOnly
# New sizes, new words (the pane retranslates its buttons before the frame hears of it).
_REFIT_EVENTS = (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.LanguageChange,
                 QEvent.Type.StyleChange)


class ComposerRowFit(QObject):
    """Watches the composer's frame; folds worded tool buttons to icons when it is narrow."""

    def __init__(self, frame: QFrame, typing: QWidget) -> None:
        super().__init__(frame)
        self.frame = frame
        self.typing = typing
        self.folded: dict[QAbstractButton, Qt.ToolButtonStyle | str] = {}
        """Each folded button: its style before (a push button: its words)."""
        self._fitting = False
        # Fitted just after the event, not inside the layout's own pass (a change made while
        # the layout sets geometries would wait for the next one).
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        frame.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.frame and event.type() in _REFIT_EVENTS:
            self._timer.start()
        return False

    def _buttons(self) -> list[QAbstractButton]:
        """The row's buttons in folding order: tool buttons from the right (Compare, then
        Knowledge, then Tools), then push buttons (Send)."""
        layout = self.frame.layout()
        if layout is None:
            return []
        found = []
        for number in range(layout.count()):
            item = layout.itemAt(number)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QAbstractButton) and widget.isVisibleTo(self.frame):
                found.append(widget)
        return sorted(found[::-1], key=lambda b: isinstance(b, QPushButton))

    def spare(self) -> int:
        """Width left over when the text field has its minimum (negative: too narrow)."""
        layout = self.frame.layout()
        if layout is None:
            return 0
        margins = layout.contentsMargins()
        used = margins.left() + margins.right() + MIN_TYPING_WIDTH
        shown = 0
        for number in range(layout.count()):
            item = layout.itemAt(number)
            widget = item.widget() if item is not None else None
            if widget is None or widget is self.typing or not widget.isVisibleTo(self.frame):
                continue
            used += widget.sizeHint().width()
            shown += 1
        return self.frame.width() - used - layout.spacing() * shown

    @property
    def pending(self) -> bool:
        """A fit is due (after the events now queued)."""
        return self._timer.isActive()

    def fit(self) -> None:
        if self._fitting or self.frame.width() <= 0:
            return
        self._fitting = True
        try:
            # A button that chose its style or words again itself is no longer folded.
            self.folded = {b: v for b, v in self.folded.items() if _is_folded(b)}
            spare = self.spare()
            buttons = self._buttons()
            if spare < 0:
                for button in buttons:
                    if spare >= 0:
                        break
                    if _is_folded(button):
                        continue
                    before, words = button.sizeHint().width(), button.text()
                    if not button.toolTip():
                        button.setToolTip(words)
                    if isinstance(button, QToolButton):
                        self.folded[button] = button.toolButtonStyle()
                        button.setToolButtonStyle(_ICON_ONLY)
                    else:
                        self.folded[button] = words
                        button.setText("")
                    spare += before - button.sizeHint().width()
                return
            for button in reversed(buttons):  # words back, the last folded first
                state = self.folded.get(button)
                if state is None:
                    continue
                words = state if isinstance(state, str) else button.text()
                # Generously measured (and a margin), so that it never folds again at once.
                need = button.fontMetrics().horizontalAdvance(words) + UNFOLD_MARGIN
                if need > spare:
                    break
                del self.folded[button]
                if isinstance(state, str):
                    button.setText(state)
                elif isinstance(button, QToolButton):
                    button.setToolButtonStyle(state)
                spare -= need
        finally:
            self._fitting = False


def _is_folded(button: QAbstractButton) -> bool:
    """Shows only its icon: no words to fold (or folded already)."""
    if isinstance(button, QToolButton):
        return button.toolButtonStyle() == _ICON_ONLY or not button.text()
    return not button.text()
