"""The file dialog of the composer's attach button: images and documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.documents.extract import DOCUMENT_EXTENSIONS

IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.jfif *.gif *.webp *.bmp *.tif *.tiff"
DOCUMENT_PATTERNS = " ".join(f"*.{extension}" for extension in DOCUMENT_EXTENSIONS)


def choose_attachment_files(parent: QWidget) -> list[Path]:
    """Ask for one or more images or documents; [] when cancelled."""
    translate = QCoreApplication.translate
    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    filters = ";;".join((
        translate("AttachImages", "Images and documents ({0})").format(
            f"{IMAGE_PATTERNS} {DOCUMENT_PATTERNS}"),
        translate("AttachImages", "Images ({0})").format(IMAGE_PATTERNS),
        translate("AttachImages", "PDF and Word documents ({0})").format("*.pdf *.docx"),
        translate("AttachImages", "Text and code ({0})").format(
            " ".join(f"*.{e}" for e in DOCUMENT_EXTENSIONS if e not in ("pdf", "docx"))),
        translate("AttachImages", "All files (*)"),
    ))
    names, _filter = QFileDialog.getOpenFileNames(
        parent, translate("AttachImages", "Attach files"), start, filters)
    return [Path(name) for name in names]


choose_image_files = choose_attachment_files  # the old name
