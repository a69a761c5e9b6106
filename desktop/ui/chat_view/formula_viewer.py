"""FormulaViewer: a display formula too wide for the chat, at full size with a scroll bar.

The chat view scales such a formula down to its width (math_images.MathImages._show); a
click on it opens this window with the whole formula.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.rendering.math_spans import MathSpan


class FormulaViewer(QDialog):
    """One formula at its full size; scrolls when wider than the window. Not modal."""

    def __init__(self, pixmap: QPixmap, span: MathSpan, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("formulaViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Formula"))
        self.span = span
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.picture = QLabel(self)
        self.picture.setObjectName("formulaViewerPicture")
        self.picture.setPixmap(pixmap)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMargin(12)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.picture)
        self.scroller.setWidgetResizable(True)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.scroller, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        copy = QPushButton(self.tr("Copy LaTeX"), self)
        copy.setAutoDefault(False)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(span.source))
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        row.addWidget(copy)
        row.addWidget(close)
        layout.addLayout(row)
        size = pixmap.deviceIndependentSize()
        screen = self.screen().availableGeometry() if self.screen() else None
        limit = int(screen.width() * 0.9) if screen is not None else 1400
        self.resize(min(int(size.width()) + 60, limit), int(size.height()) + 110)


def open_formula(pixmap: QPixmap, span: MathSpan, parent: QWidget) -> FormulaViewer:
    viewer = FormulaViewer(pixmap, span, parent.window())
    viewer.show()
    return viewer
