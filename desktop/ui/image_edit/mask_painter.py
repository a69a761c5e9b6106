"""A mask painter: brush and eraser strokes over an image, exported as OpenAI's edit mask.

The painted areas are kept in a layer at the image's own resolution and shown tinted over the
image (scaled to fit the widget). `mask_png()` is what /images/edits takes: a PNG the size of
the image, opaque where it must stay and fully transparent where the user painted.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageWriter,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

TINT = QColor(255, 64, 160)  # the painted areas, drawn at half opacity over the image
MIN_BRUSH, MAX_BRUSH = 4, 200


def png_bytes(image: QImage) -> bytes:
    """`image` encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, b"png").write(image)
    buffer.close()
    return bytes(data.data())


class MaskPainter(QWidget):
    """Shows the image; dragging paints (brush) or unpaints (eraser) the area to change."""

    changed = Signal()  # a stroke or a clear changed the painted area

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maskPainter")
        self.image = image.convertToFormat(QImage.Format.Format_ARGB32)
        self.layer = QImage(self.image.size(), QImage.Format.Format_ARGB32_Premultiplied)
        self.layer.fill(Qt.GlobalColor.transparent)
        self.brush_size = 40  # in widget pixels; converted to image pixels per stroke
        self.erasing = False
        self._last: QPointF | None = None
        self._hover: QPointF | None = None
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 240)

    def sizeHint(self) -> QSize:
        return self.image.size().scaled(QSize(560, 560), Qt.AspectRatioMode.KeepAspectRatio)

    # -- geometry -----------------------------------------------------------------------
    def image_rect(self) -> QRectF:
        """Where the image is drawn: fitted into the widget, centred."""
        size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) / 2
        y = (self.height() - size.height()) / 2
        return QRectF(x, y, size.width(), size.height())

    def _scale(self) -> float:
        rect = self.image_rect()
        return self.image.width() / rect.width() if rect.width() else 1.0

    def to_image(self, point: QPointF) -> QPointF:
        rect = self.image_rect()
        scale = self._scale()
        return QPointF((point.x() - rect.x()) * scale, (point.y() - rect.y()) * scale)

    # -- painting -----------------------------------------------------------------------
    def set_brush_size(self, size: int) -> None:
        self.brush_size = max(MIN_BRUSH, min(MAX_BRUSH, size))
        self.update()

    def set_erasing(self, erasing: bool) -> None:
        self.erasing = erasing

    def stroke(self, start: QPointF, end: QPointF) -> None:
        """Paint (or erase) a line between two widget points with the round brush."""
        painter = QPainter(self.layer)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # a clean binary mask
        if self.erasing:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
        pen = QPen(TINT, self.brush_size * self._scale(), Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        a, b = self.to_image(start), self.to_image(end)
        if a == b:
            painter.drawPoint(a)
        else:
            painter.drawLine(a, b)
        painter.end()
        self.update()
        self.changed.emit()

    def clear(self) -> None:
        self.layer.fill(Qt.GlobalColor.transparent)
        self.update()
        self.changed.emit()

    def has_mask(self) -> bool:
        """Whether anything is painted (without a mask the whole image may change)."""
        return not self.layer.isNull() and any(
            self.layer.pixelColor(x, y).alpha() for y in range(0, self.layer.height(), 4)
            for x in range(0, self.layer.width(), 4))

    def mask_image(self) -> QImage:
        """Opaque black where the image stays, transparent where it was painted."""
        mask = QImage(self.image.size(), QImage.Format.Format_ARGB32)
        mask.fill(QColor(0, 0, 0, 255))
        painter = QPainter(mask)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationOut)
        painter.drawImage(0, 0, self.layer)
        painter.end()
        return mask

    def mask_png(self) -> bytes:
        return png_bytes(self.mask_image())

    def image_png(self) -> bytes:
        return png_bytes(self.image)

    # -- events -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._last = event.position()
            self.stroke(self._last, self._last)
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._hover = event.position()
        if self._last is not None:  # pressed: between press and release
            self.stroke(self._last, event.position())
            self._last = event.position()
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._last = None
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: object) -> None:
        self._hover = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = self.image_rect()
        painter.drawImage(rect, self.image)
        painter.setOpacity(0.55)
        painter.drawImage(rect, self.layer)
        painter.setOpacity(1.0)
        if self._hover is not None:  # the brush's outline under the pointer
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(self.palette().highlight().color(), 1.5))
            radius = self.brush_size / 2
            painter.drawEllipse(self._hover, radius, radius)
        painter.end()
