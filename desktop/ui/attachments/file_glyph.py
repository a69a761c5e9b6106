"""A document's icon drawn in code: a page with a folded corner and a coloured format badge.

Painted rather than an SVG so the badge can say the format (PDF, DOCX, MD…) and follow the
theme (the page takes the palette's surface and border colours).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QToolButton, QWidget

from desktop.ui import theme
from desktop.ui.resources import icon

_BADGES = {"PDF": "#d93f3f", "DOCX": "#2f6fd6", "DOC": "#2f6fd6", "MD": "#6e56cf",
           "CSV": "#1f9d55", "JSON": "#c97a00", "HTML": "#e06c2a", "HTM": "#e06c2a"}
_CODE = "#4b8b9b"
_TEXT = "#7a8391"
_CODE_EXTENSIONS = {"PY", "JS", "TS", "C", "H", "CPP", "GO", "RS", "JAVA", "RB", "SH", "SQL",
                    "KT", "CS", "PHP", "SWIFT", "LUA", "CSS", "XML", "YAML", "YML", "TOML"}


def badge_of(name: str, mime: str = "") -> tuple[str, QColor]:
    """The badge text (the extension, at most 4 letters) and its colour."""
    extension = PurePath(name).suffix.lstrip(".").upper()[:4]
    if not extension:
        extension = "PDF" if mime == "application/pdf" else "TXT"
    if extension in _BADGES:
        return extension, QColor(_BADGES[extension])
    return extension, QColor(_CODE if extension in _CODE_EXTENSIONS else _TEXT)


def paint_file_glyph(painter: QPainter, rect: QRectF, name: str, mime: str = "") -> None:
    """Draw the page and its badge inside `rect` (about 3:4, e.g. 30 × 38)."""
    colors = theme.current_colors()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fold = rect.width() * 0.32
    page = QPainterPath()
    page.moveTo(rect.topLeft())
    page.lineTo(rect.right() - fold, rect.top())
    page.lineTo(rect.right(), rect.top() + fold)
    page.lineTo(rect.bottomRight())
    page.lineTo(rect.bottomLeft())
    page.closeSubpath()
    painter.setPen(QPen(QColor(colors["muted"]), 1.2))
    painter.setBrush(QColor(colors["surface"]))
    painter.drawPath(page)
    corner = QPainterPath()
    corner.moveTo(rect.right() - fold, rect.top())
    corner.lineTo(rect.right() - fold, rect.top() + fold)
    corner.lineTo(rect.right(), rect.top() + fold)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(corner)
    text, colour = badge_of(name, mime)
    badge = QRectF(rect.left() - 3, rect.bottom() - rect.height() * 0.45,
                   rect.width() + 2, rect.height() * 0.3)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(badge, 3, 3)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(7, int(badge.height() * (0.72 if len(text) <= 3 else 0.6))))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def glyph_rect(left: float, top: float, height: float) -> QRectF:
    """A page-shaped rectangle (3:4) at this place."""
    return QRectF(QPointF(left, top), QPointF(left + height * 0.78, top + height))


def chip_remove_button(parent: QWidget, x: int, y: int,
                       on_click: Callable[[], None]) -> QToolButton:
    """The small x of an attachment chip (image or document) at (`x`, `y`)."""
    button = QToolButton(parent)
    button.setObjectName("chipRemove")
    button.setIcon(icon("close"))
    button.setIconSize(QSize(10, 10))
    button.setGeometry(x, y, 18, 18)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.clicked.connect(on_click)
    return button
