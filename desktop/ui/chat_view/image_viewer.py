"""ImageViewer: one image at full size, fitted to the window, with Save and Copy."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store.models import ImagePart


class ImageActions(Protocol):
    """Save and Copy of a stored image (`ChatImages` does them for the chat view)."""

    def save_image(self, part: ImagePart, parent: QWidget) -> None: ...

    def copy_image(self, part: ImagePart) -> None: ...


class ImageViewer(QDialog):
    """Shows the image scaled down to fit (never up beyond its size); not modal."""

    def __init__(self, part: ImagePart, images: ImageActions, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(part.name or self.tr("Image"))
        self.part = part
        self.image = QImage()
        self.loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.picture = QLabel(self.tr("Loading…"), self)
        self.picture.setObjectName("imageViewerPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setMinimumSize(200, 150)
        self.picture.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.picture.customContextMenuRequested.connect(self._menu)
        layout.addWidget(self.picture, 1)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.save_button.clicked.connect(lambda: images.save_image(part, self))
        self.copy_button.clicked.connect(lambda: images.copy_image(part))
        QShortcut(QKeySequence.StandardKey.Copy, self, lambda: images.copy_image(part))
        layout.addWidget(buttons)
        self._images = images
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(int(screen.width() * 0.6), int(screen.height() * 0.7))
        else:
            self.resize(900, 700)

    def show_image(self, image: QImage) -> None:
        """The decoded image arrived (a null image: the file is missing or unreadable)."""
        self.loaded = True
        self.image = image
        if image.isNull():
            self.picture.setText(self.tr("The image could not be read."))
            self.save_button.setEnabled(False)
            self.copy_button.setEnabled(False)
            return
        self.setWindowTitle(f"{self.part.name or self.tr('Image')} — "
                            f"{image.width()} × {image.height()}")
        self._fit()

    def _fit(self) -> None:
        if self.image.isNull():
            return
        ratio = self.devicePixelRatioF()
        area = self.picture.size() * ratio
        size = self.image.size()
        if size.width() > area.width() or size.height() > area.height():
            size = size.scaled(area, Qt.AspectRatioMode.KeepAspectRatio)
        pixmap = QPixmap.fromImage(self.image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        pixmap.setDevicePixelRatio(ratio)
        self.picture.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _menu(self, point: QPoint) -> None:
        if self.image.isNull():
            return
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        menu.addAction(self.tr("Save image as…"), lambda: self._images.save_image(self.part, self))
        menu.addAction(self.tr("Copy image"), lambda: self._images.copy_image(self.part))
        menu.exec(self.picture.mapToGlobal(point))
        menu.deleteLater()
