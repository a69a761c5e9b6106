"""What a paste or a drop brings: local files (images or documents) or image data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QImage, QPixmap

from desktop.media.image_prepare import (
    DEFAULT_MAX_SIDE,
    PreparedImage,
    prepare_file,
    prepare_image,
    prepare_qimage,
)

PASTED_NAME = "pasted-image"
# Encoded image formats a clipboard may carry as they are (preferred to a decoded bitmap).
_RAW_FORMATS = (("image/png", "png"), ("image/jpeg", "jpg"), ("image/webp", "webp"),
                ("image/gif", "gif"))


@dataclass(frozen=True)
class ImageSource:
    """One image to attach: a file, encoded bytes, or a bitmap (from the clipboard)."""

    name: str
    path: Path | None = None
    data: bytes | None = None
    image: QImage | None = None

    def prepare(self, max_side: int = DEFAULT_MAX_SIDE) -> PreparedImage:
        """Read and prepare it (blocking: call it in a worker thread)."""
        if self.path is not None:
            return prepare_file(self.path, max_side, self.name)
        if self.data is not None:
            return prepare_image(self.data, self.name, max_side)
        return prepare_qimage(self.image if self.image is not None else QImage(), self.name,
                              max_side)


@dataclass(frozen=True)
class DocumentSource:
    """A file to read as a document (PDF, Word, text), shown under `name`."""

    name: str
    path: Path


IMAGE_EXTENSIONS = frozenset(
    {".png", ".jpg", ".jpeg", ".jfif", ".gif", ".webp", ".bmp", ".tif", ".tiff"})


def is_document_path(path: Path) -> bool:
    """Files not named as images are read as documents (their content decides the kind)."""
    return path.suffix.lower() not in IMAGE_EXTENSIONS


def source_for_path(path: Path) -> ImageSource | DocumentSource:
    """A picked or dropped file: an image by its name, else a document."""
    if is_document_path(path):
        return DocumentSource(path.name, path)
    return ImageSource(path.name, path=path)


def sources_from_mime(mime: QMimeData) -> list[ImageSource | DocumentSource]:
    """Local files named by the data's URLs, else its image; [] when it holds neither."""
    files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    if files:
        return [source_for_path(path) for path in files]
    for fmt, extension in _RAW_FORMATS:
        if mime.hasFormat(fmt):
            data = bytes(mime.data(fmt).data())
            if data:
                return [ImageSource(f"{PASTED_NAME}.{extension}", data=data)]
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QPixmap):
            image = image.toImage()
        if isinstance(image, QImage) and not image.isNull():
            return [ImageSource(f"{PASTED_NAME}.png", image=image.copy())]
    return []


def has_attachable(mime: QMimeData) -> bool:
    """Cheap test for drag-enter: does the data name local files or carry an image?"""
    return any(url.isLocalFile() for url in mime.urls()) or mime.hasImage() or any(
        mime.hasFormat(fmt) for fmt, _ in _RAW_FORMATS
    )
