"""AttachmentTray: the images and documents waiting above the composer, one chip each.

Each added source is prepared in a worker thread while its chip shows a busy state: an image
is checked, oriented and downscaled; a document's text is extracted (desktop/core/documents).
A refused one disappears again and `refused` says why; nothing else in the draft is lost.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QWidget,
)

from desktop.core.documents.errors import DocumentError, ImageFileError
from desktop.core.documents.extract import ExtractedDocument, extract_file
from desktop.core.settings import Settings
from desktop.media.image_prepare import DEFAULT_MAX_SIDE, AttachmentError, PreparedImage
from desktop.ui.attachments.background import BackgroundCalls
from desktop.ui.attachments.document_checks import (
    LargeDocumentQuestion,
    no_page_images,
    refusal_text,
    scan_refusal,
)
from desktop.ui.attachments.document_chip import DocumentChip, PendingDocument
from desktop.ui.attachments.file_glyph import chip_remove_button
from desktop.ui.attachments.intake import DocumentSource, ImageSource

CHIP_SIDE = 60
THUMBNAIL_SIDE = 120  # decoded at twice the chip's size: sharp on high-DPI screens
MAX_ATTACHMENTS = 10
DEFAULT_DOCUMENT_TOKENS = int(Settings.default("attachments.max_document_tokens"))


@dataclass
class PendingImage:
    """One image in the tray: prepared (with a thumbnail) or still being prepared."""

    key: int
    name: str
    prepared: PreparedImage | None = None
    thumbnail: QImage | None = None


def thumbnail_of(data: bytes, side: int) -> QImage:
    """A small copy for showing, decoded in the worker (fills a `side` square when cropped)."""
    image = QImage.fromData(data)
    if image.isNull():
        return image
    return image.scaled(QSize(side, side), Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                        Qt.TransformationMode.SmoothTransformation)


def _prepare(source: ImageSource, max_side: int) -> tuple[PreparedImage, QImage]:
    prepared = source.prepare(max_side)
    return prepared, thumbnail_of(prepared.data, THUMBNAIL_SIDE)


def _size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1048576 else f"{size / 1048576:.1f} MB"


def paint_cropped(painter: QPainter, target: QRect, image: QImage, radius: float) -> None:
    """`image` scaled to cover `target`, centred and clipped to a rounded rectangle."""
    scale = max(target.width() / image.width(), target.height() / image.height())
    width, height = target.width() / scale, target.height() / scale
    source = QRectF((image.width() - width) / 2, (image.height() - height) / 2, width, height)
    path = QPainterPath()
    path.addRoundedRect(QRectF(target), radius, radius)
    painter.save()
    painter.setClipPath(path)
    painter.drawImage(QRectF(target), image, source)
    painter.restore()


class AttachmentChip(QFrame):
    """A thumbnail with a × button; busy (a moving bar) until its image is prepared."""

    remove_requested = Signal(int)

    def __init__(self, item: PendingImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentChip")
        self.item = item
        self.setFixedSize(CHIP_SIDE, CHIP_SIDE)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("attachmentBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setGeometry(10, CHIP_SIDE // 2 - 3, CHIP_SIDE - 20, 6)
        self.remove_button = chip_remove_button(
            self, CHIP_SIDE - 20, 2, lambda: self.remove_requested.emit(self.item.key))
        self.update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update_state()
        super().changeEvent(event)

    def update_state(self) -> None:
        """Busy or ready, and the texts that say so (also after a language change)."""
        item = self.item
        self.remove_button.setToolTip(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove {0}").format(item.name))
        prepared = item.prepared
        self.busy.setVisible(prepared is None)
        if prepared is None:
            self.setToolTip(self.tr("Preparing {0}…").format(item.name))
            self.setAccessibleName(self.tr("Preparing {0}").format(item.name))
        else:
            tip = self.tr("{0}\n{1} × {2} px, {3}").format(
                prepared.name, prepared.width, prepared.height, _size_text(len(prepared.data)))
            self.setToolTip(tip)
            self.setAccessibleName(self.tr("Image {0}").format(prepared.name))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        thumbnail = self.item.thumbnail
        if thumbnail is None or thumbnail.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_cropped(painter, self.rect().adjusted(1, 1, -1, -1), thumbnail, 7)
        painter.setPen(QColor(0, 0, 0, 40))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.end()


Pending = PendingImage | PendingDocument
Source = ImageSource | DocumentSource


class AttachmentTray(QWidget):
    """The chips above the composer and the images and documents they hold, in order."""

    changed = Signal()
    refused = Signal(str)  # why a file was not added (for the pane's notice)

    def __init__(self, jobs: BackgroundCalls | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentTray")
        self.jobs = jobs or BackgroundCalls(self)
        self.max_side = DEFAULT_MAX_SIDE  # the setting's default until set_max_side
        self.document_token_limit = DEFAULT_DOCUMENT_TOKENS  # attachments.max_document_tokens
        # (model, known to see images) of the next send: a scanned PDF becomes page images
        # for a vision model and is refused otherwise. Set by the window's assembly.
        self.model_vision: Callable[[], tuple[str, bool]] = lambda: ("", True)
        # The chosen model's context window in tokens, when known (the catalog knows none
        # yet): a document above it asks first even under the setting's limit.
        self.model_context: Callable[[], int | None] = lambda: None
        self.questions = LargeDocumentQuestion(self)
        self._keys = itertools.count(1)
        self._chips: dict[int, AttachmentChip | DocumentChip] = {}
        self._jobs: dict[int, int] = {}  # item key -> background job
        # The chips scroll sideways when they do not fit (ten documents are wider than a
        # window), so the tray never makes the window wider.
        self._scroll = QScrollArea(self)
        self._scroll.setObjectName("attachmentScroll")
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidgetResizable(True)
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        row = QWidget()
        row.setObjectName("attachmentRow")
        self._scroll.setWidget(row)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)
        layout = self._layout = QHBoxLayout(row)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(8)
        self.drop_hint = QLabel(self)
        self.drop_hint.setObjectName("dropHint")
        self.drop_hint.hide()
        layout.addWidget(self.drop_hint)
        layout.addStretch(1)
        self.setVisible(False)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.drop_hint.setText(self.tr("Drop images or documents here to attach them"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_max_side(self, max_side: int) -> None:
        """Downscale images added from now on to this longest side (attachments.max_image_side)."""
        self.max_side = max_side

    def set_document_token_limit(self, limit: int) -> None:
        """Ask before keeping a document estimated above this (max_document_tokens)."""
        self.document_token_limit = limit

    # --- what it holds --------------------------------------------------------------------
    def items(self) -> list[PendingImage]:
        """The images (ready or not), in the order added."""
        return [chip.item for chip in self._chips.values() if isinstance(chip, AttachmentChip)]

    def document_items(self) -> list[PendingDocument]:
        return [chip.item for chip in self._chips.values() if isinstance(chip, DocumentChip)]

    def images(self) -> list[PreparedImage]:
        """The prepared images, in the order they were added."""
        return [item.prepared for item in self.items() if item.prepared is not None]

    def documents(self) -> list[ExtractedDocument]:
        """The read documents (and agreed to, if large), in the order they were added."""
        return [item.document for item in self.document_items()
                if item.document is not None and self._ready(item)]

    def token_limit(self) -> int:
        """The setting's limit, or the model's context when that is known and smaller."""
        context = self.model_context()
        return min(self.document_token_limit, context) if context else self.document_token_limit

    def _ready(self, item: Pending) -> bool:
        if isinstance(item, PendingImage):
            return item.prepared is not None
        return item.document is not None and (
            item.confirmed or item.document.tokens <= self.token_limit())

    def is_busy(self) -> bool:
        """Something is still being read, or a large document waits for an answer."""
        return any(not self._ready(chip.item) for chip in self._chips.values())

    def is_empty(self) -> bool:
        return not self._chips

    # --- changes --------------------------------------------------------------------------
    def add_sources(self, sources: list[Source]) -> None:
        """Prepare each source off the UI thread; its chip shows until it is refused.

        Documents come as `DocumentSource`s (`source_for_path` tells a file's kind).
        """
        room = MAX_ATTACHMENTS - len(self._chips)
        if len(sources) > room:
            self.refused.emit(self.tr("A message can carry up to {0} attachments.").format(
                MAX_ATTACHMENTS))
            sources = sources[:max(room, 0)]
        max_side = self.max_side
        for source in sources:
            if isinstance(source, DocumentSource):
                document = PendingDocument(next(self._keys), source.name)
                self._add_chip(document)
                self._jobs[document.key] = self._submit_document(document.key, source)
                continue
            self._add_image(source, max_side)
        self._update_visibility()

    def _add_image(self, source: ImageSource, max_side: int) -> None:
        item = PendingImage(next(self._keys), source.name)
        self._add_chip(item)
        self._jobs[item.key] = self._submit(item.key, source, max_side)

    def _submit_document(self, key: int, source: DocumentSource) -> int:
        def read(result: ExtractedDocument) -> None:
            self._document_read(key, result)

        def failed(exc: Exception) -> None:
            self._document_failed(key, source, exc)

        return self.jobs.submit(lambda: extract_file(source.path, source.name), read, failed)

    def _submit(self, key: int, source: ImageSource, max_side: int) -> int:
        def prepared(result: tuple[PreparedImage, QImage]) -> None:
            self._prepared(key, result)

        def failed(exc: Exception) -> None:
            self._failed(key, source.name, exc)

        return self.jobs.submit(lambda: _prepare(source, max_side), prepared, failed)

    def put_back(self, items: list[Pending]) -> None:
        """Show already prepared attachments again (a send that failed gives them back)."""
        for item in items:
            if self._ready(item) and item.key not in self._chips:
                self._add_chip(item)
        self._update_visibility()
        self.changed.emit()

    def take(self) -> list[Pending]:
        """Remove and return the ready images and documents (what a send carries)."""
        taken = [chip.item for chip in self._chips.values() if self._ready(chip.item)]
        for item in taken:
            self._drop(item.key)
        self._update_visibility()
        self.changed.emit()
        return taken

    def remove(self, key: int) -> None:
        self._drop(key)
        self._update_visibility()
        self.changed.emit()

    def clear(self) -> None:
        self.questions.forget()
        for key in list(self._chips):
            self._drop(key)
        self._update_visibility()
        self.changed.emit()

    def chip(self, key: int) -> AttachmentChip | None:
        chip = self._chips.get(key)
        return chip if isinstance(chip, AttachmentChip) else None

    def document_chip(self, key: int) -> DocumentChip | None:
        chip = self._chips.get(key)
        return chip if isinstance(chip, DocumentChip) else None

    def set_drop_active(self, active: bool) -> None:
        """While something attachable is dragged over the pane, say where it goes."""
        self.drop_hint.setVisible(active)
        self._update_visibility()

    # --- internals ------------------------------------------------------------------------
    def _add_chip(self, item: Pending) -> None:
        chip: AttachmentChip | DocumentChip = (
            AttachmentChip(item, self) if isinstance(item, PendingImage)
            else DocumentChip(item, self))
        chip.remove_requested.connect(self.remove)
        self._chips[item.key] = chip
        self._layout.insertWidget(self._layout.count() - 2, chip)
        chip.show()

    def _drop(self, key: int) -> None:
        job = self._jobs.pop(key, None)
        if job is not None:
            self.jobs.forget(job)
        chip = self._chips.pop(key, None)
        if chip is not None:
            self._layout.removeWidget(chip)
            chip.hide()
            chip.deleteLater()

    def _prepared(self, key: int, result: tuple[PreparedImage, QImage]) -> None:
        self._jobs.pop(key, None)
        chip = self.chip(key)
        if chip is None:
            return
        chip.item.prepared, chip.item.thumbnail = result
        chip.update_state()
        self.changed.emit()

    def _failed(self, key: int, name: str, exc: Exception) -> None:
        self._jobs.pop(key, None)
        self._drop(key)
        self._update_visibility()
        if isinstance(exc, AttachmentError):
            self.refused.emit(str(exc))
        else:
            self.refused.emit(self.tr("{0} cannot be attached: {1}").format(name, exc))
        self.changed.emit()

    def _update_visibility(self) -> None:
        self.setVisible(bool(self._chips) or self.drop_hint.isVisibleTo(self))
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the chips, plus the scroll bar when they overflow the width."""
        row = self._scroll.widget()
        if row is None:
            return
        height = row.sizeHint().height()
        if row.sizeHint().width() > self._scroll.viewport().width() > 0:
            height += self._scroll.horizontalScrollBar().sizeHint().height()
        self._scroll.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    # --- documents ------------------------------------------------------------------------
    def _document_read(self, key: int, document: ExtractedDocument) -> None:
        self._jobs.pop(key, None)
        chip = self.document_chip(key)
        if chip is None:
            return
        if document.scanned:
            self._offer_scan(key, document)
            return
        chip.item.document = document
        chip.update_state()
        limit = self.token_limit()
        if document.tokens > limit:
            def answer(keep: bool) -> None:
                self._large_answered(key, keep)

            self.questions.ask(document.name, document.tokens, limit, answer)
        self.changed.emit()

    def _large_answered(self, key: int, keep: bool) -> None:
        chip = self.document_chip(key)
        if chip is None:
            return
        if keep:
            chip.item.confirmed = True
        else:
            self._drop(key)
            self._update_visibility()
        self.changed.emit()

    def _offer_scan(self, key: int, document: ExtractedDocument) -> None:
        """A PDF without text: its page images for a vision model, else refused with why."""
        self._drop(key)
        model, sees_images = self.model_vision()
        if not sees_images:
            self.refused.emit(refusal_text(scan_refusal(document.name, model), document.name))
        elif not document.page_images:
            self.refused.emit(refusal_text(no_page_images(document.name), document.name))
        else:
            stem = document.name.rsplit(".", 1)[0]
            extension = {"image/jpeg": "jpg", "image/png": "png"}
            self.add_sources([
                ImageSource(f"{stem}-page-{image.page}.{extension[image.mime]}", data=image.data)
                for image in document.page_images])
        self._update_visibility()
        self.changed.emit()

    def _document_failed(self, key: int, source: DocumentSource, exc: Exception) -> None:
        self._jobs.pop(key, None)
        if key not in self._chips:
            return
        self._drop(key)
        if isinstance(exc, ImageFileError):  # an image without an image's name
            self._add_image(ImageSource(source.name, path=source.path), self.max_side)
        else:
            self.refused.emit(refusal_text(exc, source.name) if isinstance(exc, DocumentError)
                              else self.tr("{0} cannot be attached: {1}").format(source.name,
                                                                                 exc))
        self._update_visibility()
        self.changed.emit()
