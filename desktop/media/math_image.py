"""Typeset formulas (SVG text) as images for QTextDocument, and the code-style error image.

QtGui only, no widgets: both run on the math worker thread (QImage painting is thread-safe).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ERROR_MAX_WIDTH = 520.0  # logical pixels; a failed formula's source wraps beyond this


def svg_image(svg: str, width: float, height: float, *, top: float, bottom: float,
              ratio: float) -> QImage:
    """The SVG drawn into a transparent image of `width` x `height` logical pixels, with
    `top` and `bottom` pixels of space added (to put the formula's baseline where the text's
    is); `ratio` is the device pixel ratio."""
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    full_height = height + top + bottom
    image = QImage(max(1, math.ceil(width * ratio)), max(1, math.ceil(full_height * ratio)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, top * ratio, width * ratio, height * ratio))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def baseline_pads(ascent: float, depth: float, half_x: float) -> tuple[float, float]:
    """Space to add above and below an image so that, placed with `vertical-align: middle`,
    its baseline (`depth` above its bottom) sits on the text's baseline.

    Qt centres such an image on half the x-height: ascent = (h + half_x) / 2 and descent =
    (h - half_x) / 2; the descent must equal the (padded) depth.
    """
    difference = half_x - ascent + depth  # top - bottom
    return (difference, 0.0) if difference >= 0 else (0.0, -difference)


_CODE_PAD = 3.0
_CODE_FLAGS = int(Qt.TextFlag.TextWrapAnywhere) | int(Qt.AlignmentFlag.AlignLeft)


def code_box(text: str, font: QFont) -> tuple[float, float, float]:
    """(width, height, depth) of `text` in code style; depth: the first line's baseline
    above the box's bottom edge (negative for more lines: it is what aligns)."""
    metrics = QFontMetricsF(font)
    bounds = metrics.boundingRect(QRectF(0, 0, ERROR_MAX_WIDTH, 1e6), _CODE_FLAGS, text)
    width = min(bounds.width(), ERROR_MAX_WIDTH) + 2 * _CODE_PAD
    height = bounds.height() + 2 * _CODE_PAD
    return width, height, height - (_CODE_PAD + metrics.ascent())


def code_image(text: str, font: QFont, *, colour: str, background: str, top: float,
               bottom: float, ratio: float) -> QImage:
    """`text` in code style (monospace on a tinted box, wrapped), with space added above and
    below as for `svg_image`."""
    width, height, _depth = code_box(text, font)
    image = QImage(max(1, math.ceil(width * ratio)),
                   max(1, math.ceil((height + top + bottom) * ratio)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(ratio, ratio)
    painter.translate(0, top)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(background))
    painter.drawRoundedRect(QRectF(0, 0, width, height), 3, 3)
    painter.setPen(QColor(colour))
    painter.setFont(font)
    box = QRectF(_CODE_PAD, _CODE_PAD, width - 2 * _CODE_PAD, height - 2 * _CODE_PAD)
    painter.drawText(box, _CODE_FLAGS, text)
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image
