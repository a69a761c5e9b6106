"""MathImages: formulas typeset off the UI thread, cached by source, mode, font and colour."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QPixmap, QTextDocument
from pytestqt.qtbot import QtBot

from desktop.core.rendering.math_html import math_name
from desktop.core.rendering.math_spans import find_math
from desktop.ui.chat_view.math_images import DocumentFormulas, FormulaStyle, MathImages
from desktop.ui.chat_view.rich_text_content import new_document

LIGHT = FormulaStyle("#1f2328", "#f6f7f9")
DARK = FormulaStyle("#e6e8eb", "#1c1f22")


def names(text: str) -> list[str]:
    return [math_name(span) for span in find_math(text)]


def test_a_formula_is_typeset_once_per_colour_and_reused(qtbot: QtBot) -> None:
    images = MathImages()
    try:
        doc = new_document("", QFont(), 400, DocumentFormulas(images, LIGHT))
        first, second = names("$x^2$ and $x^2$ and \\(y\\)")[::2]
        doc.setHtml(f'<p><img src="{first}" /> and <img src="{second}" /></p>')
        doc.size()  # layout asks for both: two jobs, placeholders meanwhile
        assert images.pending == 2
        with qtbot.waitSignal(images.arrived, timeout=30_000):
            pass
        qtbot.waitUntil(lambda: images.pending == 0, timeout=30_000)
        assert images.typeset_count == 2
        shown = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(first))
        assert isinstance(shown, QPixmap)
        # Another document in the same style gets the cached pixmap at once.
        other = new_document("", QFont(), 400, DocumentFormulas(images, LIGHT))
        assert images.resource(other, first, LIGHT) is images.lookup(first, other, LIGHT)
        assert images.pending == 0 and images.typeset_count == 2
        # Another colour is another image (from the typeset SVG: no new typesetting).
        dark = new_document("", QFont(), 400, DocumentFormulas(images, DARK))
        images.resource(dark, first, DARK)
        qtbot.waitUntil(lambda: images.pending == 0, timeout=30_000)
        assert images.typeset_count == 3 and len(images) == 3
        assert images.cached_bytes > 0
    finally:
        images.shutdown()


def test_a_bad_formula_keeps_its_error(qtbot: QtBot) -> None:
    images = MathImages()
    try:
        doc = new_document("", QFont(), 400, DocumentFormulas(images, LIGHT))
        (bad,) = names("$\\frac{1}{$")
        images.resource(doc, bad, LIGHT)
        qtbot.waitUntil(lambda: images.pending == 0, timeout=30_000)
        error = images.error_for("$\\frac{1}{$")
        assert error and "formula" in error
        assert images.error_for("$x$") is None
    finally:
        images.shutdown()


def test_a_name_that_is_no_formula_is_not_answered() -> None:
    images = MathImages()
    try:
        doc = new_document("", QFont(), 400, DocumentFormulas(images, LIGHT))
        assert images.resource(doc, "file:///etc/passwd", LIGHT) is None
        assert images.resource(doc, "switchboard-math:i?plain", LIGHT) is None
    finally:
        images.shutdown()
