"""The file dialog of the composer's attach button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.jfif *.gif *.webp *.bmp *.tif *.tiff"


def choose_image_files(parent: QWidget) -> list[Path]:
    """Ask for one or more image files; [] when cancelled."""
    translate = QCoreApplication.translate
    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    names, _filter = QFileDialog.getOpenFileNames(
        parent,
        translate("AttachImages", "Attach images"),
        start,
        translate("AttachImages", "Images ({0});;All files (*)").format(IMAGE_PATTERNS),
    )
    return [Path(name) for name in names]
