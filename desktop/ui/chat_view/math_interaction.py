"""Formulas in a rendered message: copied as their LaTeX source, found under the mouse.

A formula is one image character in its document (named by math_html.math_name); copying
a selection puts the source with its delimiters in its place, so that `$x^2$` pasted
elsewhere is what the model wrote.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPixmap, QTextCursor, QTextDocument

from desktop.core.rendering.math_html import parse_math_name
from desktop.core.rendering.math_spans import MathSpan

OBJECT = "\ufffc"  # what QTextDocument's plain text has for an image


def selection_text(cursor: QTextCursor) -> str:
    """The plain text of `cursor`'s selection, each formula as its LaTeX source."""
    text = cursor.selection().toPlainText()
    if OBJECT not in text:
        return text
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    sources: list[str] = []
    block = cursor.document().findBlock(start)
    while block.isValid() and block.position() <= end:
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            first = max(start, fragment.position())
            last = min(end, fragment.position() + fragment.length())
            fmt = fragment.charFormat()
            if last > first and fmt.isImageFormat():
                span = parse_math_name(fmt.toImageFormat().name())
                sources.extend([span.source if span is not None else ""] * (last - first))
            fragments += 1
        block = block.next()
    pieces = text.split(OBJECT)
    out = [pieces[0]]
    for number, piece in enumerate(pieces[1:]):
        out.append(sources[number] if number < len(sources) else "")
        out.append(piece)
    return "".join(out)


def formula_at(doc: QTextDocument, point: QPointF) -> MathSpan | None:
    """The formula drawn at `point` (document coordinates), if any."""
    name = doc.documentLayout().imageAt(point)
    return parse_math_name(name) if name else None


def full_size_at(doc: QTextDocument, point: QPointF) -> QPixmap | None:
    """The whole formula at `point` when `doc` shows it scaled down to fit (else None)."""
    name = doc.documentLayout().imageAt(point)
    images = getattr(getattr(doc, "formulas", None), "images", None)
    full_size = getattr(images, "full_size", None)
    if not name or full_size is None:
        return None
    pixmap = full_size(doc, name)
    return pixmap if isinstance(pixmap, QPixmap) else None


def formula_error(doc: QTextDocument, span: MathSpan) -> str | None:
    """Why a formula shown in `doc` could not be typeset (None: it was, or is not yet)."""
    formulas = getattr(doc, "formulas", None)
    images = getattr(formulas, "images", None)
    error_for = getattr(images, "error_for", None)
    return error_for(span.source) if error_for is not None else None


def mathml_of(span: MathSpan) -> str:
    """The formula as MathML ("" when latex2mathml cannot read it)."""
    from desktop.core.rendering.math_svg import MathError, latex_to_mathml  # slow import

    try:
        return latex_to_mathml(span.latex, display=span.display)
    except MathError:
        return ""
