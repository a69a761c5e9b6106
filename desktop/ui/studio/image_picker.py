"""Reference images for a task form: files chosen by the user, sent as base64 data URLs.

Each file is checked before it is read (size cap, an image type Qt can decode) so a huge or
broken file gives one clear line instead of a stalled window.
"""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MAX_IMAGE_BYTES = 8 * 1024 * 1024
IMAGE_MIMES = {"image/png", "image/jpeg", "image/webp", "image/gif"}


def data_url(path: Path) -> str:
    """The file as `data:image/...;base64,...`; ValueError with the reason if unusable."""
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise ValueError(f"{path.name} is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB.")
    mime = mimetypes.guess_type(path.name)[0] or ""
    if mime not in IMAGE_MIMES or not QImageReader(str(path)).canRead():
        raise ValueError(f"{path.name} is not a PNG, JPEG, WebP or GIF image.")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


class ImagePicker(QWidget):
    """A row of chosen images (thumbnails) with Add and Remove; `images()` gives data URLs."""

    changed = Signal()
    problem = Signal(str)

    def __init__(self, *, most: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.most = most
        self.paths: list[Path] = []
        self._urls: list[str] = []
        # Replaceable in tests: asks for files, returns the chosen paths.
        self.choose_files: Callable[[], list[str]] = self._ask_files
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.list = QListWidget()
        self.list.setObjectName("studioImages")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(56, 56))
        self.list.setFixedHeight(76)
        self.list.setMinimumWidth(100)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        column.addWidget(self.list)
        row = QHBoxLayout()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_from_dialog)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        column.addLayout(row)
        self._update()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("Add image…"))
        self.remove_button.setText(self.tr("Remove"))
        self.list.setAccessibleName(self.tr("Reference images"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _ask_files(self) -> list[str]:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Choose images"), "", self.tr("Images (*.png *.jpg *.jpeg *.webp *.gif)"))
        return list(names)

    def add_from_dialog(self) -> None:
        for name in self.choose_files():
            self.add(Path(name))

    def add(self, path: Path) -> bool:
        if len(self.paths) >= self.most:
            self.problem.emit(self.tr("At most %n image(s).", "", self.most))
            return False
        try:
            url = data_url(path)
        except (OSError, ValueError) as exc:
            self.problem.emit(str(exc))
            return False
        self.paths.append(path)
        self._urls.append(url)
        item = QListWidgetItem(QIcon(QPixmap(str(path)).scaled(
            56, 56, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)), "")
        item.setToolTip(path.name)
        self.list.addItem(item)
        self._update()
        self.changed.emit()
        return True

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.paths):
            del self.paths[row], self._urls[row]
            self.list.takeItem(row)
            self._update()
            self.changed.emit()

    def clear(self) -> None:
        self.paths.clear()
        self._urls.clear()
        self.list.clear()
        self._update()

    def images(self) -> list[str]:
        return list(self._urls)

    def _update(self) -> None:
        self.remove_button.setEnabled(bool(self.paths))
        self.add_button.setEnabled(len(self.paths) < self.most)
