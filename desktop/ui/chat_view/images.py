"""Images in message cards: thumbnails decoded off the UI thread, cached by hash, and the strip.

`ChatImages` (one per chat view) knows where attachment files are, decodes thumbnails in
worker threads (cached by content hash, so a re-bound card shows at once) and carries out
open / save / copy. `ImageStrip` is the part of a card that shows a message's images as
fixed-size tiles: its height depends only on the width and the number of images, so the
virtualised view measures a card right before its thumbnails have loaded.
"""

from __future__ import annotations

import shutil
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QGuiApplication,
    QImage,
    QImageReader,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QFileDialog, QMenu, QSizePolicy, QWidget
from shiboken6 import isValid

from desktop.core.store.models import FilePart, ImagePart
from desktop.ui.attachments.background import BackgroundCalls
from desktop.ui.attachments.tray import paint_cropped
from desktop.ui.chat_view.image_viewer import ImageViewer

USER_TILE = 160
REPLY_TILE = 280
TILE_GAP = 8
CACHE_SIZE = 96
SavePathChooser = Callable[[QWidget, str], "Path | None"]


def read_image(path: Path, fit: int | None = None) -> QImage:
    """Decode a stored image (EXIF orientation applied), scaled to fit `fit` if given.

    Blocking: runs in a worker thread. A null image means the file is missing or broken.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    if fit is not None:
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > fit:
            reader.setScaledSize(size.scaled(QSize(fit, fit), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if fit is not None and not image.isNull() and max(image.width(), image.height()) > fit:
        image = image.scaled(QSize(fit, fit), Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


def _extension(part: ImagePart) -> str:
    return {"image/png": "png", "image/gif": "gif", "image/webp": "webp"}.get(part.mime, "jpg")


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ChatImages", "Save image as"), suggested)
    return Path(name) if name else None


class ChatImages(QObject):
    """Thumbnails and actions for the images shown in one chat view."""

    thumbnail_ready = Signal(str, int)  # hash, side
    failed = Signal(str)  # a message for the user (save or copy went wrong)
    saved = Signal(str)  # the path an image was saved to
    edit_requested = Signal(object, bool)  # ImagePart, variations (the image edit controller)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = BackgroundCalls(self)
        self._path_for: Callable[[str], Path] | None = None
        self._thumbnails: OrderedDict[tuple[str, int], QImage] = OrderedDict()
        self._loading: set[tuple[str, int]] = set()
        self.choose_save_path: SavePathChooser = ask_save_path  # replaceable in tests
        self.viewers: list[QWidget] = []  # open full-size viewers (kept alive)

    def set_source(self, path_for: Callable[[str], Path] | None) -> None:
        """Where attachment files are (`Store.attachment_path`); None: nothing to show."""
        self._path_for = path_for
        self._thumbnails.clear()

    def path_of(self, part: ImagePart | FilePart) -> Path | None:
        if self._path_for is None:
            return None
        try:
            return self._path_for(part.hash)
        except Exception:  # a malformed hash: shown as missing
            return None

    # --- thumbnails -----------------------------------------------------------------------
    def thumbnail(self, part: ImagePart, side: int) -> QImage | None:
        """The cached thumbnail (a null image if it could not be read), else None and load."""
        key = (part.hash, side)
        image = self._thumbnails.get(key)
        if image is not None:
            self._thumbnails.move_to_end(key)
            return image
        path = self.path_of(part)
        if path is None or key in self._loading:
            return None
        self._loading.add(key)
        def loaded(image: QImage) -> None:
            self._loaded(key, image)

        self.jobs.submit(lambda: read_image(path, side), loaded)
        return None

    def _loaded(self, key: tuple[str, int], image: QImage) -> None:
        self._loading.discard(key)
        self._thumbnails[key] = image
        while len(self._thumbnails) > CACHE_SIZE:
            self._thumbnails.popitem(last=False)
        self.thumbnail_ready.emit(*key)

    # --- actions --------------------------------------------------------------------------
    def open_image(self, part: ImagePart, parent: QWidget) -> None:
        """Show the image at full size in a viewer window (loaded off the UI thread)."""
        path = self.path_of(part)
        viewer = ImageViewer(part, self, parent)
        self.viewers.append(viewer)
        viewer.destroyed.connect(lambda _=None, v=viewer: self._forget_viewer(v))
        viewer.show()
        if path is None:
            viewer.show_image(QImage())
            return

        def loaded(image: QImage) -> None:
            if isValid(viewer):  # not closed while the image was read
                viewer.show_image(image)

        self.jobs.submit(lambda: read_image(path), loaded)

    def _forget_viewer(self, viewer: QWidget) -> None:
        if viewer in self.viewers:
            self.viewers.remove(viewer)

    def save_image(self, part: ImagePart, parent: QWidget) -> None:
        """Ask where, then copy the stored file there (in a worker thread)."""
        source = self.path_of(part)
        if source is None:
            self.failed.emit(self.tr("The image file is missing."))
            return
        stem = Path(part.name).stem if part.name else "image"
        target = self.choose_save_path(parent, f"{stem}.{_extension(part)}")
        if target is None:
            return

        def copy() -> str:
            shutil.copyfile(source, target)
            return str(target)

        self.jobs.submit(copy, self.saved.emit, lambda exc: self.failed.emit(
            self.tr("The image could not be saved: {0}").format(exc)))

    def copy_image(self, part: ImagePart) -> None:
        """Put the full image on the clipboard (decoded off the UI thread)."""
        path = self.path_of(part)
        if path is None:
            self.failed.emit(self.tr("The image file is missing."))
            return

        def done(image: QImage) -> None:
            if image.isNull():
                self.failed.emit(self.tr("The image could not be read."))
            else:
                QGuiApplication.clipboard().setImage(image)

        self.jobs.submit(lambda: read_image(path), done)


class ImageStrip(QWidget):
    """A message's images as tiles; click opens one, the context menu saves or copies it.

    Until its thumbnail is decoded an image takes a whole square tile; then its own shape
    (`height_changed` asks the card to be measured again). Cached thumbnails give the exact
    height at the first measurement.
    """

    height_changed = Signal()

    def __init__(self, images: ChatImages | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageStrip")
        self.images = images
        self.parts: tuple[ImagePart, ...] = ()
        self.tile = REPLY_TILE
        self.align_right = False
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)  # a card of images alone is measured through this
        self.setSizePolicy(policy)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # ←/→ pick, Enter opens, Menu: actions
        self.current = 0  # the image the keyboard acts on
        self.retranslate_ui()
        if images is not None:
            images.thumbnail_ready.connect(self._on_thumbnail_ready)

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Images"))
        self.update()  # "Image missing" is painted

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_images(self, parts: tuple[ImagePart, ...], *, user: bool) -> None:
        self.parts = parts
        self.current = 0
        self.tile = USER_TILE if user else REPLY_TILE
        self.align_right = user
        self.setVisible(bool(parts))
        names = ", ".join(part.name or part.mime for part in parts)
        self.setAccessibleDescription(names)
        self.setToolTip(names if len(parts) > 1 else "")
        self.update()

    def _tile_size(self, part: ImagePart, tile: int) -> QSize:
        """The image fitted into a tile once its thumbnail is known; the whole tile before."""
        image = self.images.thumbnail(part, self._side()) if self.images else None
        if image is None or image.isNull():
            return QSize(tile, tile)
        return QSize(image.width(), image.height()).scaled(
            QSize(tile, tile), Qt.AspectRatioMode.KeepAspectRatio).expandedTo(QSize(24, 24))

    def layout_rects(self, width: int) -> list[QRect]:
        """Where each image goes at `width`: rows that wrap, right-aligned for the user."""
        tile = min(self.tile, max(width, 40))
        sizes = [self._tile_size(part, tile) for part in self.parts]
        rows: list[list[int]] = [[]]
        used = 0
        for number, size in enumerate(sizes):
            if rows[-1] and used + TILE_GAP + size.width() > width:
                rows.append([])
                used = 0
            used += (TILE_GAP if rows[-1] else 0) + size.width()
            rows[-1].append(number)
        rects: list[QRect] = [QRect() for _ in sizes]
        top = 0
        for row in rows:
            row_width = sum(sizes[n].width() for n in row) + TILE_GAP * (len(row) - 1)
            x = width - row_width if self.align_right else 0
            for number in row:
                rects[number] = QRect(QPoint(x, top), sizes[number])
                x += sizes[number].width() + TILE_GAP
            top += max((sizes[n].height() for n in row), default=0) + TILE_GAP
        return rects

    def height_for(self, width: int) -> int:
        """The rows' height at `width`: exact once thumbnails are cached, tiles before."""
        if not self.parts:
            return 0
        return max(rect.bottom() + 1 for rect in self.layout_rects(width))

    def fit_width(self, width: int) -> None:
        self.setFixedHeight(self.height_for(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.height_for(width)

    def sizeHint(self) -> QSize:
        return QSize(self.width(), self.height_for(self.width()))

    def tile_rects(self) -> list[QRect]:
        return self.layout_rects(self.width())

    def part_at(self, point: QPoint) -> ImagePart | None:
        for part, rect in zip(self.parts, self.tile_rects(), strict=True):
            if rect.contains(point):
                return part
        return None

    def _side(self) -> int:
        return int(self.tile * max(self.devicePixelRatioF(), 1.0))

    def _on_thumbnail_ready(self, digest: str, side: int) -> None:
        if side != self._side() or not any(part.hash == digest for part in self.parts):
            return
        if self.isVisible() and self.height_for(self.width()) != self.height():
            self.height_changed.emit()  # the card is measured again (a landscape image)
        self.update()

    def is_loaded(self) -> bool:
        """Every tile has its thumbnail (or knows its file is missing)."""
        return self.images is not None and all(
            self.images.thumbnail(part, self._side()) is not None for part in self.parts)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        palette = self.palette()
        for part, rect in zip(self.parts, self.tile_rects(), strict=True):
            image = self.images.thumbnail(part, self._side()) if self.images else None
            if image is None or image.isNull():
                painter.setPen(QColor(palette.mid().color()))
                painter.setBrush(palette.alternateBase())
                painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
                text = "…" if image is None else self.tr("Image missing")
                painter.setPen(palette.placeholderText().color())
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
                continue
            paint_cropped(painter, rect, image, 10)
        if self.hasFocus() and self.parts:
            focus = self.tile_rects()[min(self.current, len(self.parts) - 1)]
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(palette.highlight().color())
            painter.drawRoundedRect(QRectF(focus).adjusted(1, 1, -1, -1), 10, 10)
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.parts:
            step = -1 if key == Qt.Key.Key_Left else 1
            self.current = max(0, min(len(self.parts) - 1, self.current + step))
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.parts:
            if self.images is not None:
                self.images.open_image(self.parts[self.current], self.window())
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        part = self.part_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and part is not None and self.images:
            self.images.open_image(part, self.window())
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard and self.parts:
            number = min(self.current, len(self.parts) - 1)
            part: ImagePart | None = self.parts[number]
            position = self.mapToGlobal(self.tile_rects()[number].center())
        else:
            part, position = self.part_at(event.pos()), event.globalPos()
        if part is None or self.images is None:
            return
        menu = self.context_menu(part)
        menu.exec(position)
        menu.deleteLater()

    def context_menu(self, part: ImagePart) -> QMenu:
        images = self.images
        assert images is not None
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: images.open_image(part, self.window()))
        menu.addAction(self.tr("Save image as…"), lambda: images.save_image(part, self.window()))
        menu.addAction(self.tr("Copy image"), lambda: images.copy_image(part))
        menu.addSeparator()
        menu.addAction(self.tr("Edit image…"), lambda: images.edit_requested.emit(part, False))
        menu.addAction(self.tr("Variations…"), lambda: images.edit_requested.emit(part, True))
        return menu
