"""A message's documents as file chips (icon, name, pages and size); a click opens the file.

`ChatFiles` opens a stored document with the system's viewer: the file (stored under its
hash) is copied, off the UI thread, to a private temporary folder (`core/viewer_copies.py`:
one per session, left for the viewer and swept a day later) under its real name, then handed
to `QDesktopServices.openUrl`. `FileStrip` is the part of a card that shows the chips; its
height depends only on the number of files, so the card is measured exactly at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.core.store.models import FilePart
from desktop.core.viewer_copies import copy_for_viewer
from desktop.ui import theme
from desktop.ui.attachments.background import BackgroundCalls
from desktop.ui.attachments.document_chip import size_text
from desktop.ui.attachments.file_glyph import badge_of, glyph_rect, paint_file_glyph
from desktop.ui.chat_view.images import ChatImages

CHIP_HEIGHT = 50
GAP = 6
MIN_WIDTH, MAX_WIDTH = 200, 360


class ChatFiles(QObject):
    """Opens the documents shown in one chat view with the system's viewer."""

    failed = Signal(str)  # a message for the user

    def __init__(self, images: ChatImages, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.images = images  # knows where attachment files are (`set_source`)
        self.jobs = BackgroundCalls(self, threads=1)
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl  # tests replace it

    def open_file(self, part: FilePart) -> None:
        path = self.images.path_of(part)
        if path is None:
            self.failed.emit(self.tr("{0} is missing from the attachment store.").format(
                part.name))
            return

        def opened(target: Path) -> None:
            if not self.open_url(QUrl.fromLocalFile(str(target))):
                self.failed.emit(self.tr("No application opens {0}.").format(part.name))

        def failed(exc: Exception) -> None:
            self.failed.emit(self.tr("{0} could not be opened: {1}").format(part.name, exc))

        self.jobs.submit(lambda: copy_for_viewer(path, path.name, part.name), opened, failed)


class FileStrip(QWidget):
    """A message's documents, one chip per row; click (or Enter) opens one."""

    def __init__(self, files: ChatFiles | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileStrip")
        self.files = files
        self.parts: tuple[FilePart, ...] = ()
        self.align_right = False
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setMouseTracking(True)
        self._hover = -1
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Attached files"))
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_files(self, parts: tuple[FilePart, ...], *, user: bool) -> None:
        self.parts = parts
        self.align_right = user
        self.setVisible(bool(parts))
        self.setFixedHeight(max(0, len(parts) * (CHIP_HEIGHT + GAP) - GAP))
        self.setAccessibleDescription(", ".join(part.name for part in parts))
        self.update()

    def detail(self, part: FilePart) -> str:
        """"PDF · 12 pages · 1.2 MB"."""
        kind, _colour = badge_of(part.name, part.mime)
        bits = [kind]
        if part.pages:
            bits.append(self.tr("1 page") if part.pages == 1
                        else self.tr("{0} pages").format(part.pages))
        if part.size:
            bits.append(size_text(part.size))
        return " · ".join(bits)

    def chip_width(self) -> int:
        """One width for all the strip's chips (the widest text's), so their edges line up."""
        bold = QFont(self.font())
        bold.setBold(True)
        wanted = max((max(QFontMetrics(bold).horizontalAdvance(part.name),
                          self.fontMetrics().horizontalAdvance(self.detail(part))) + 66
                      for part in self.parts), default=MIN_WIDTH)
        return max(MIN_WIDTH, min(MAX_WIDTH, wanted, self.width()))

    def chip_rect(self, index: int) -> QRect:
        width = self.chip_width()
        left = self.width() - width if self.align_right else 0
        return QRect(left, index * (CHIP_HEIGHT + GAP), width, CHIP_HEIGHT)

    def index_at(self, point: QPoint) -> int:
        for index in range(len(self.parts)):
            if self.chip_rect(index).contains(point):
                return index
        return -1

    def sizeHint(self) -> QSize:
        return QSize(MAX_WIDTH, self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = theme.current_colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = QFont(self.font())
        bold.setBold(True)
        for index, part in enumerate(self.parts):
            rect = self.chip_rect(index)
            hovered = index == self._hover
            painter.setPen(QColor(colors["accent" if hovered else "border"]))
            painter.setBrush(QColor(colors["hover" if hovered else "sidebar"]))
            painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
            paint_file_glyph(painter, glyph_rect(rect.left() + 12, rect.top() + 9, 32),
                             part.name, part.mime)
            text = rect.adjusted(52, 7, -12, -7)
            painter.setFont(bold)
            painter.setPen(QColor(colors["text"]))
            name = painter.fontMetrics().elidedText(part.name, Qt.TextElideMode.ElideMiddle,
                                                    text.width())
            painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, name)
            painter.setFont(self.font())
            painter.setPen(QColor(colors["muted"]))
            painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             self.detail(part))
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().toPoint())
        if index != self._hover:
            self._hover = index
            self.setToolTip(self.tr("Open {0}").format(self.parts[index].name)
                            if index >= 0 else "")
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index >= 0:
            self.open(index)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.parts:
            self.open(0)
            return
        super().keyPressEvent(event)

    def open(self, index: int) -> None:
        if self.files is not None and 0 <= index < len(self.parts):
            self.files.open_file(self.parts[index])
