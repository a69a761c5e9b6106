"""Sending images: stored once in the history, and a question first for a non-vision model.

`ChatController.send` hands the composer's prepared images here: `store_images` puts their
bytes into the attachment store (run it off the UI thread) and `message_content` makes the
user message [text, image, image…]. `VisionCheck` asks (without blocking: `QMessageBox.open`)
before images go to a model the catalog does not know to have vision; "Don't ask again for
this model" records a capability override, as the model picker's own menu does.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton, QWidget

from desktop.core.documents.extract import ExtractedDocument
from desktop.core.model_catalog import Capability, ModelCatalog, known_capabilities
from desktop.core.store.models import ContentPart, FilePart, ImagePart, TextPart
from desktop.core.store.store import Store
from desktop.media.image_prepare import PreparedImage
from desktop.ui.task_runner import TaskRunner

log = logging.getLogger(__name__)


def store_images(store: Store, images: Sequence[PreparedImage]) -> list[ImagePart]:
    """Put each image into the attachment store (once per content) — blocking."""
    return [store.add_attachment(image.data, image.mime, image.name) for image in images]


def store_documents(store: Store, documents: Sequence[ExtractedDocument]) -> list[FilePart]:
    """Put each document's original file into the attachment store (once) — blocking."""
    return [store.add_document(d.data, d.mime, d.name, d.page_count) for d in documents]


def message_content(text: str, images: Sequence[ImagePart | FilePart]) -> str | list[ContentPart]:
    """The user message's content: the text alone, or [documents…, text part, images…].

    Documents come before the question, where models read them best.
    """
    if not images:
        return text
    parts: list[ContentPart] = [part for part in images if isinstance(part, FilePart)]
    if text:
        parts.append(TextPart(text))
    parts.extend(part for part in images if isinstance(part, ImagePart))
    return parts


class VisionCheck(QObject):
    """Asks before images go to a model not known to see them; the answer comes by callback."""

    def __init__(self, parent: QWidget, tasks: TaskRunner,
                 catalog: Callable[[], ModelCatalog | None]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._tasks = tasks
        self._catalog = catalog
        self.dialog: QMessageBox | None = None  # the open question (tests answer it)
        self.send_button: QPushButton | None = None
        self.remember: QCheckBox | None = None

    def capabilities(self, model: str) -> Capability:
        catalog = self._catalog()
        return catalog.capabilities(model) if catalog is not None else known_capabilities(model)

    def has_vision(self, model: str) -> bool:
        return Capability.VISION in self.capabilities(model)

    def confirm(self, model: str, on_send: Callable[[], None],
                on_cancel: Callable[[], None] | None = None) -> None:
        """Call `on_send` now if the model has vision, else after the user agrees."""
        if self.has_vision(model):
            on_send()
            return
        if self.dialog is not None:  # one question at a time; a second Send waits for it
            return
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Send images?"))
        box.setText(self.tr("{0} is not known to understand images.").format(model))
        box.setInformativeText(self.tr(
            "The provider may refuse the request or the model may ignore the images."))
        send = box.addButton(self.tr("Send anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(send)
        remember = QCheckBox(self.tr("Don't ask again for this model"), box)
        box.setCheckBox(remember)
        self.dialog, self.send_button, self.remember = box, send, remember

        def finished() -> None:
            agreed = box.clickedButton() is send
            self.dialog = self.send_button = self.remember = None
            box.deleteLater()
            if agreed:
                if remember.isChecked():
                    self._remember_vision(model)
                on_send()
            elif on_cancel is not None:
                on_cancel()

        box.finished.connect(finished)
        box.open()

    def _remember_vision(self, model: str) -> None:
        catalog = self._catalog()
        if catalog is None:
            return
        caps = catalog.capabilities(model) | Capability.VISION
        self._tasks.start(asyncio.to_thread(catalog.set_override, model, caps),
                          name="remember vision override")
