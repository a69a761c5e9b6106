"""A diagram's actions (Copy source, Save as SVG/PNG) and its full-size viewer with zoom.

The viewer draws the SVG again at each zoom (sharp at any size); the wheel and the keys
+ - 0 F zoom, the scroll bars pan. Saving writes the sanitised SVG, or a PNG drawn at twice
the diagram's size.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QImageWriter,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.rendering.mermaid import DiagramResult
from desktop.ui.chat_view.diagrams import diagram_result, render_card

ZOOM_STEP = 1.25
ZOOM_MIN = 0.1
ZOOM_MAX = 8.0
VIEW_MAX_SIDE = 8192  # the viewer's picture, in device pixels
PNG_SCALE = 2.0


def ask_save_path(parent: QWidget, suggested: str, kind: str) -> Path | None:
    title = QCoreApplication.translate("DiagramViewer", "Save diagram as")
    name, _filter = QFileDialog.getSaveFileName(parent, title, suggested, kind)
    return Path(name) if name else None


# Replaceable in tests: asks where to save (parent, suggested name, file filter).
choose_save_path: Callable[[QWidget, str, str], Path | None] = ask_save_path


def copy_source(result: DiagramResult) -> None:
    QGuiApplication.clipboard().setText(result.source)


def _report(parent: QWidget, error: OSError) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("DiagramViewer", "Diagram not saved"),
                        str(error))


def save_svg(result: DiagramResult, parent: QWidget) -> Path | None:
    """Ask where, then write the (sanitised) SVG; the path written, or None."""
    target = choose_save_path(parent, "diagram.svg", "SVG (*.svg)")
    if target is None:
        return None
    try:
        target.write_text(result.svg, encoding="utf-8")
    except OSError as error:
        _report(parent, error)
        return None
    return target


def save_png(result: DiagramResult, parent: QWidget) -> Path | None:
    """Ask where, then write a PNG drawn at twice the diagram's size."""
    target = choose_save_path(parent, "diagram.png", "PNG (*.png)")
    if target is None:
        return None
    image = render_card(result, PNG_SCALE, dark=False)
    if not QImageWriter(str(target), QByteArray(b"PNG")).write(image):
        _report(parent, OSError(str(target)))
        return None
    return target


def add_diagram_actions(menu: QMenu, key: str, parent: QWidget) -> bool:
    """Add Copy source / Save as SVG… / Save as PNG… for diagram `key`; False if unknown."""
    result = diagram_result(key)
    if result is None or not result.ok:
        return False
    menu.addAction(QCoreApplication.translate("DiagramViewer", "Copy source"),
                   lambda: copy_source(result))
    menu.addAction(QCoreApplication.translate("DiagramViewer", "Save as SVG…"),
                   lambda: save_svg(result, parent))
    menu.addAction(QCoreApplication.translate("DiagramViewer", "Save as PNG…"),
                   lambda: save_png(result, parent))
    return True


class DiagramViewer(QDialog):
    """One diagram at full size, zoomable; not modal."""

    def __init__(self, result: DiagramResult, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("diagramViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Diagram"))
        self.diagram = result
        self.zoom = 1.0
        self.fitted = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.picture = QLabel(self)
        self.picture.setObjectName("diagramViewerPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.picture)
        self.scroller.setWidgetResizable(True)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller.viewport().installEventFilter(self)
        layout.addWidget(self.scroller, 1)
        row = QHBoxLayout()
        self.zoom_label = QLabel(self)
        buttons: list[tuple[str, Callable[[], object]]] = [
            (self.tr("Fit"), self.fit),
            ("100%", lambda: self.set_zoom(1.0)),
            ("−", self.zoom_out),
            ("+", self.zoom_in),
            (self.tr("Copy source"), lambda: copy_source(result)),
            (self.tr("Save as SVG…"), lambda: save_svg(result, self)),
            (self.tr("Save as PNG…"), lambda: save_png(result, self)),
            (self.tr("Close"), self.close),
        ]
        row.addWidget(self.zoom_label)
        row.addStretch(1)
        for text, action in buttons:
            button = QPushButton(text, self)
            button.setAutoDefault(False)
            button.clicked.connect(action)
            row.addWidget(button)
        layout.addLayout(row)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(int(screen.width() * 0.7), int(screen.height() * 0.75))
        else:
            self.resize(1000, 750)

    # --- zoom -------------------------------------------------------------------------------
    def fit_zoom(self) -> float:
        """The zoom that shows the whole diagram (never above 100% for a small one)."""
        area = self.scroller.viewport().size()
        width = self.diagram.width + 24
        height = self.diagram.height + 24
        return max(ZOOM_MIN, min(1.0, (area.width() - 8) / width, (area.height() - 8) / height))

    def fit(self) -> None:
        self.fitted = True
        self._show(self.fit_zoom())

    def set_zoom(self, zoom: float) -> None:
        self.fitted = False
        self._show(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def _show(self, zoom: float) -> None:
        ratio = self.devicePixelRatioF()
        largest = max(self.diagram.width, self.diagram.height) + 24
        zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom, VIEW_MAX_SIDE / (largest * ratio)))
        self.zoom = zoom
        image = render_card(self.diagram, zoom * ratio, dark=False, max_side=VIEW_MAX_SIDE)
        image.setDevicePixelRatio(ratio)
        self.picture.setPixmap(QPixmap.fromImage(image))
        self.zoom_label.setText(f"{round(zoom * 100)}%")

    # --- events -----------------------------------------------------------------------------
    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.fitted:
            self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted and self.isVisible():
            self.fit()

    def eventFilter(self, watched: object, event: object) -> bool:
        if isinstance(event, QWheelEvent) and watched is self.scroller.viewport():
            self.wheelEvent(event)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.set_zoom(self.zoom * ZOOM_STEP ** steps)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) or event.matches(
            QKeySequence.StandardKey.ZoomIn
        ):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus or event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.set_zoom(1.0)
        elif key == Qt.Key.Key_F:
            self.fit()
        elif event.matches(QKeySequence.StandardKey.Copy):
            copy_source(self.diagram)
        else:
            super().keyPressEvent(event)


def open_diagram(key: str, parent: QWidget) -> DiagramViewer | None:
    """Show diagram `key` at full size (None when it is not rendered)."""
    result = diagram_result(key)
    if result is None or not result.ok:
        return None
    viewer = DiagramViewer(result, parent.window())
    viewer.show()
    return viewer
