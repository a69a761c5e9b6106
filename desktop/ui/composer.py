"""The message composer: multi-line, Enter or Shift+Enter sends, grows with its text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget

from desktop.ui.attachments.intake import has_attachable, sources_from_mime

MIN_LINES = 2
MAX_LINES = 10


class Composer(QPlainTextEdit):
    """Enter sends and Shift+Enter adds a line (swapped when `enter_sends` is False).

    Up on an empty composer asks to edit the last message; Esc asks to stop or cancel.
    """

    submitted = Signal()
    edit_last_requested = Signal()
    escape_pressed = Signal()
    images_pasted = Signal(list)  # list[ImageSource]: pasted image data or files (Ctrl+V)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.enter_sends = True
        self.image_mode = False
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().contentsChanged.connect(self.updateGeometry)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Message"))
        self.update_placeholder()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def update_placeholder(self) -> None:
        if self.image_mode:
            hint = self.tr("Describe the image to generate…")
        elif self.enter_sends:
            hint = self.tr("Message…  (Enter to send, Shift+Enter for a new line)")
        else:
            hint = self.tr("Message…  (Ctrl+Enter to send, Enter for a new line)")
        self.setPlaceholderText(hint)

    def set_enter_sends(self, enter_sends: bool) -> None:
        """Whether Enter sends (the composer.enter_sends setting, followed by the window)."""
        self.enter_sends = enter_sends
        self.update_placeholder()

    def set_image_mode(self, image_mode: bool) -> None:
        self.image_mode = image_mode
        self.update_placeholder()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing()
        lines = max(MIN_LINES, min(MAX_LINES, int(self.document().size().height())))
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        return QSize(super().sizeHint().width(), lines * line + frame + 4)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return has_attachable(source) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pasted images and files become attachments; text is pasted as text."""
        sources = sources_from_mime(source)
        if sources:
            self.images_pasted.emit(sources)
        else:
            super().insertFromMimeData(source)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            sends = (not shift and not ctrl) if self.enter_sends else (shift or ctrl)
            if sends:
                self.submitted.emit()
            else:
                self.insertPlainText("\n")
            return
        if key == Qt.Key.Key_Up and not modifiers and not self.toPlainText():
            self.edit_last_requested.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)
