"""Save as…, Copy and Open for a task's result files (stored by content, without a name).

Saving copies the stored file (in a worker thread); opening hands the system viewer a copy
under a readable name with the right extension in a private temporary folder, since the
stored file has neither.
"""

from __future__ import annotations

import mimetypes
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.tasks import TaskFile
from desktop.core.viewer_copies import copy_for_viewer
from desktop.ui.attachments.background import BackgroundCalls
from desktop.ui.chat_view.images import read_image

EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp",
              "image/gif": ".gif", "audio/mpeg": ".mp3", "audio/wav": ".wav",
              "audio/x-wav": ".wav", "audio/mp4": ".m4a", "video/mp4": ".mp4",
              "video/webm": ".webm", "audio/ogg": ".ogg"}
SavePathChooser = Callable[[QWidget, str], "Path | None"]


def file_name(item: TaskFile) -> str:
    """A safe, readable name with the extension the file's type calls for."""
    clean = re.sub(r"[^\w.\- ]+", "_", item.name or item.role or "result")
    stem = Path(clean).stem[:80]
    extension = EXTENSIONS.get(item.mime) or mimetypes.guess_extension(item.mime) or ""
    return f"{stem.strip() or 'result'}{extension}"


def _ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(parent, parent.tr("Save as"), suggested)
    return Path(name) if name else None


class ResultFiles(QObject):
    """File actions of the Studio; failures and successes come back as one line."""

    saved = Signal(str)
    failed = Signal(str)
    opened = Signal(str)  # the temporary copy handed to the system viewer

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = BackgroundCalls(self)
        self.choose_save_path: SavePathChooser = _ask_save_path  # replaceable in tests
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl  # likewise

    def save(self, item: TaskFile, parent: QWidget) -> None:
        source = Path(item.path)
        target = self.choose_save_path(parent, file_name(item))
        if target is None:
            return

        def copy() -> str:
            shutil.copyfile(source, target)
            return str(target)

        self.jobs.submit(copy, self.saved.emit, lambda exc: self.failed.emit(
            self.tr("The file could not be saved: %1").replace("%1", str(exc))))

    def copy_image(self, item: TaskFile) -> None:
        def done(image: QImage) -> None:
            if image.isNull():
                self.failed.emit(self.tr("The image could not be read."))
            else:
                QGuiApplication.clipboard().setImage(image)

        self.jobs.submit(lambda: read_image(Path(item.path)), done)

    def open_external(self, item: TaskFile) -> None:
        source = Path(item.path)

        def copy() -> str:  # a private per-session folder, swept a day later
            return str(copy_for_viewer(source, item.hash, file_name(item)))

        def open_copy(path: str) -> None:
            if self.open_url(QUrl.fromLocalFile(path)):
                self.opened.emit(path)
            else:
                self.failed.emit(self.tr("No program is set up to open %1.").replace(
                    "%1", Path(path).name))

        self.jobs.submit(copy, open_copy, lambda exc: self.failed.emit(
            self.tr("The file could not be opened: %1").replace("%1", str(exc))))
