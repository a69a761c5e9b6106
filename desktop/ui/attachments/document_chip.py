"""Documents waiting in the tray: what is being read (`PendingDocument`) and its chip.

The chip shows the file's icon, its name, its pages (or characters) and the estimated
tokens; busy while the text is extracted in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop.core.documents.extract import ExtractedDocument
from desktop.ui.attachments.file_glyph import chip_remove_button, glyph_rect, paint_file_glyph

CHIP_HEIGHT = 60
CHIP_WIDTH = 236


@dataclass
class PendingDocument:
    """One document in the tray: read (its text extracted) or still being read."""

    key: int
    name: str
    document: ExtractedDocument | None = None
    confirmed: bool = False  # a large one the user agreed to send


def compact_count(value: int) -> str:
    """1234 -> 1.2k, 1234567 -> 1.2M (tokens and characters on a chip)."""
    if value < 1000:
        return str(value)
    if value < 1_000_000:
        return f"{value / 1000:.1f}k".replace(".0k", "k")
    return f"{value / 1_000_000:.1f}M".replace(".0M", "M")


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    return f"{size / 1024:.0f} KB" if size < 1048576 else f"{size / 1048576:.1f} MB"


class DocumentChip(QFrame):
    """A document's icon, name and size (pages or characters, estimated tokens), with ×."""

    remove_requested = Signal(int)

    def __init__(self, item: PendingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentChip")
        self.item = item
        self.setFixedSize(CHIP_WIDTH, CHIP_HEIGHT)
        column = QVBoxLayout(self)
        column.setContentsMargins(50, 9, 8, 8)  # the × sits above the detail line
        column.setSpacing(2)
        self.name_label = QLabel(self)
        self.name_label.setObjectName("documentName")
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("documentDetail")
        column.addWidget(self.name_label)
        column.addWidget(self.detail_label)
        column.addStretch(1)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("attachmentBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setGeometry(50, CHIP_HEIGHT - 16, CHIP_WIDTH - 74, 5)
        self.remove_button = chip_remove_button(
            self, CHIP_WIDTH - 21, 3, lambda: self.remove_requested.emit(self.item.key))
        self.update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update_state()
        super().changeEvent(event)

    def detail_text(self) -> str:
        """"12 pages · ≈3.4k tokens", or characters for a file without pages."""
        document = self.item.document
        if document is None:
            return self.tr("Reading…")
        if document.page_count:
            count = document.page_count
            size = self.tr("1 page") if count == 1 else self.tr("{0} pages").format(count)
        else:
            size = self.tr("{0} characters").format(compact_count(document.chars))
        return self.tr("{0} · ≈{1} tokens").format(size, compact_count(document.tokens))

    def update_state(self) -> None:
        """Busy or ready, and the texts that say so (also after a language change)."""
        item = self.item
        metrics = self.name_label.fontMetrics()
        self.name_label.setText(metrics.elidedText(item.name, Qt.TextElideMode.ElideMiddle,
                                                   CHIP_WIDTH - 80))
        self.detail_label.setText(self.detail_text())
        self.busy.setVisible(item.document is None)
        self.remove_button.setToolTip(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove {0}").format(item.name))
        document = item.document
        if document is None:
            self.setToolTip(self.tr("Reading {0}…").format(item.name))
            self.setAccessibleName(self.tr("Reading {0}").format(item.name))
        else:
            self.setToolTip(self.tr("{0}\n{1}, {2}").format(
                item.name, size_text(len(document.data)), self.detail_text()))
            self.setAccessibleName(self.tr("Document {0}").format(item.name))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        mime = self.item.document.mime if self.item.document is not None else ""
        paint_file_glyph(painter, glyph_rect(14, 11, 38), self.item.name, mime)
        painter.end()
