"""What the tray says about documents: why one was refused, and a question for a large one.

`refusal_text` turns the core's typed refusals into the user's language. `LargeDocumentQuestion`
asks (without blocking: `QMessageBox.open`) before a document estimated above the limit
stays in the draft; declining removes that file only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop.core.documents.errors import (
    CorruptDocumentError,
    DocumentError,
    EncryptedDocumentError,
    ScannedDocumentError,
)
from desktop.ui.attachments.document_chip import compact_count

translate = QCoreApplication.translate  # lupdate collects translate("DocumentRefusal", …)


def refusal_text(exc: Exception, name: str) -> str:
    """Why `name` was not attached, for the notice above the composer."""
    if isinstance(exc, EncryptedDocumentError):
        return translate("DocumentRefusal", "{0} is protected by a password; remove the "
                                            "password and attach it again.").format(name)
    if isinstance(exc, CorruptDocumentError):
        return translate("DocumentRefusal", "{0} cannot be read: the file is damaged or "
                                            "incomplete ({1})").format(name, exc.detail)
    if isinstance(exc, DocumentError):  # too large, unsupported: the core's reason
        return translate("DocumentRefusal", "{0} cannot be attached: {1}").format(
            name, exc.detail)
    return translate("DocumentRefusal", "{0} cannot be attached: {1}").format(name, exc)


def scan_refusal(name: str, model: str) -> ScannedDocumentError:
    """A scanned PDF (no text layer) for a model not known to see images."""
    return ScannedDocumentError(name, translate(
        "DocumentRefusal", "it is a scan without a text layer, and {0} is not known to read "
                           "images; choose a vision model to send its pages as images."
    ).format(model or translate("DocumentRefusal", "the chosen model")))


def no_page_images(name: str) -> ScannedDocumentError:
    """A scan whose page images cannot be taken out (JPEG 2000, CCITT, vector drawings)."""
    return ScannedDocumentError(name, translate(
        "DocumentRefusal", "it has no text layer, and its page images are in a format that "
                           "cannot be extracted (only JPEG and 8-bit grey or RGB scans can)."))


class LargeDocumentQuestion(QObject):
    """Asks, one file at a time, whether a document above the token limit should stay."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.dialog: QMessageBox | None = None  # the open question (tests answer it)
        self.keep_button: QPushButton | None = None
        self._waiting: list[tuple[str, int, int, Callable[[bool], None]]] = []

    def ask(self, name: str, tokens: int, limit: int, answer: Callable[[bool], None]) -> None:
        """`answer(True)` keeps the file, `answer(False)` removes it."""
        self._waiting.append((name, tokens, limit, answer))
        if self.dialog is None:
            self._next()

    def _next(self) -> None:
        if not self._waiting:
            return
        name, tokens, limit, answer = self._waiting.pop(0)
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Attach a large document?"))
        box.setText(self.tr("{0} is about {1} tokens; the limit is {2}.").format(
            name, compact_count(tokens), compact_count(limit)))
        box.setInformativeText(self.tr(
            "The model may refuse it or cut it off, and every message of this conversation "
            "will send it again."))
        keep = box.addButton(self.tr("Attach anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Remove it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        self.dialog, self.keep_button = box, keep

        def finished() -> None:
            kept = box.clickedButton() is keep
            self.dialog = self.keep_button = None
            box.deleteLater()
            answer(kept)
            self._next()

        box.finished.connect(finished)
        box.open()

    def forget(self) -> None:
        """Drop the questions not asked yet (the tray was cleared)."""
        self._waiting.clear()
