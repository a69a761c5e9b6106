"""A message's rendered Markdown as a stack of small QTextDocuments, painted by one widget.

`RichTextView` paints the visible part of a `RichTextContent` (rich_text_content.py) and
gives it selection, links and code-block Copy links.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QContextMenuEvent,
    QDesktopServices,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QMessageBox, QSizePolicy, QToolTip, QWidget

from desktop.core.rendering.citation_marks import citation_number
from desktop.core.rendering.long_runs import remove_breaks
from desktop.core.rendering.markdown_html import COPY_CODE_HREF, image_address
from desktop.core.rendering.math_spans import MathSpan
from desktop.ui.chat_view import math_interaction
from desktop.ui.chat_view.diagram_viewer import add_diagram_actions, open_diagram
from desktop.ui.chat_view.diagrams import diagram_key_of, diagram_link_at
from desktop.ui.chat_view.formula_viewer import open_formula
from desktop.ui.chat_view.rich_text_content import RichTextContent


def ask_to_open(parent: QWidget, address: str) -> bool:
    """Ask before opening an image address that came from a reply."""
    answer = QMessageBox.question(
        parent,
        QGuiApplication.translate("RichTextView", "Open image address"),
        QGuiApplication.translate(
            "RichTextView",
            "The reply names this image. Switchboard does not load images from replies.\n\n"
            "{0}\n\nOpen it with the system's default application?",
        ).format(address),
    )
    return answer == QMessageBox.StandardButton.Yes


class RichTextView(QWidget):
    """Paints a RichTextContent; selection across segments, links, Copy links on code blocks."""

    code_copied = Signal(str)
    citation_clicked = Signal(int)  # a citation number (`cite:n` link) in the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content: RichTextContent | None = None
        self._tops: list[float] = [0.0]
        self._selection: tuple[tuple[int, int], tuple[int, int]] | None = None
        self._press: tuple[int, int] | None = None
        self._press_anchor = ""
        self._dragged = False
        # Both replaceable in tests: the question before an image address is opened, and
        # what opens it.
        self.confirm_open: Callable[[QWidget, str], bool] = ask_to_open
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setCursor(Qt.CursorShape.IBeamCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        # A streamed reply grows at the bottom: a taller view paints only what was added
        # (plus what `refresh` marks), not the whole visible text again every frame.
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)

    def set_content(self, content: RichTextContent | None) -> None:
        self.content = content
        self._selection = None
        self.refresh()
        self.update()  # another message may have been shown here: paint all of it

    def refresh(self) -> None:
        """The content changed: re-measure and repaint."""
        if self.content is not None:
            if self.content.width <= 0:
                self.content.set_width(float(max(self.width(), 10)))
            self._tops = self.content.tops()
        else:
            self._tops = [0.0]
        self.updateGeometry()
        first, below = self.content.take_changed() if self.content is not None else (0, 0.0)
        if first <= 0 or first >= len(self._tops):
            self.update()
        else:
            # Only from the first changed document (and the part of it that changed) down:
            # the finished text above stays.
            top = int(self._tops[first] + below) - 2
            self.update(0, top, self.width(), max(self.height() - top, 0))

    # --- size -----------------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if self.content is None:
            return 0
        self.content.set_width(float(max(width, 10)))
        self._tops = self.content.tops()
        return int(self._tops[-1] + 0.999)

    def sizeHint(self) -> QSize:
        # Layouts ask heightForWidth(sizeHint().width()): answer at the width already laid
        # out, or every probe would re-wrap all the documents at another width.
        content = self.content
        width = int(content.width) if content is not None and content.width > 0 else 400
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.oldSize().width() != event.size().width():
            self.update()  # the text wraps anew (static contents paint only the new part)
        if self.content is not None:
            self.content.set_width(float(max(self.width(), 10)))
            self._tops = self.content.tops()

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if self.content is None:
            return
        painter = QPainter(self)
        # Diagram pictures are drawn scaled (to the width, to the screen's pixel ratio).
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = event.rect()
        docs = self.content.documents()
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        for index, doc in enumerate(docs):
            top = self._tops[index]
            bottom = self._tops[index + 1] if index + 1 < len(self._tops) else top
            if bottom < rect.top() or top > rect.bottom() or doc.isEmpty():
                continue
            painter.save()
            painter.translate(0, top)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(rect.translated(0, int(-top)))
            context.palette.setColor(QPalette.ColorRole.Text, text_colour)
            context.selections = self._selections_for(index, doc)
            doc.documentLayout().draw(painter, context)
            painter.restore()

    def _selections_for(
        self, index: int, doc: QTextDocument
    ) -> list[QAbstractTextDocumentLayout.Selection]:
        span = self._segment_span(index, doc)
        if span is None:
            return []
        cursor = QTextCursor(doc)
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        selection = QAbstractTextDocumentLayout.Selection()
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(self.palette().color(QPalette.ColorRole.Highlight))
        fmt.setForeground(self.palette().color(QPalette.ColorRole.HighlightedText))
        selection.format = fmt
        return [selection]

    def _segment_span(self, index: int, doc: QTextDocument) -> tuple[int, int] | None:
        if self._selection is None:
            return None
        start, end = sorted(self._selection)
        if start == end or index < start[0] or index > end[0]:
            return None
        first = start[1] if index == start[0] else 0
        last = end[1] if index == end[0] else doc.characterCount() - 1
        return (first, last) if first != last else None

    # --- hit testing ----------------------------------------------------------------------
    def _hit(self, point: QPoint) -> tuple[int, int]:
        """(segment index, character position) nearest to a point in widget coordinates."""
        assert self.content is not None
        docs = self.content.documents()
        index = max(0, min(bisect.bisect_right(self._tops, point.y()) - 1, len(docs) - 1))
        doc = docs[index]
        local = QPointF(point.x(), point.y() - self._tops[index])
        position = doc.documentLayout().hitTest(local, Qt.HitTestAccuracy.FuzzyHit)
        return index, max(position, 0)

    def formula_at(self, point: QPoint) -> tuple[QTextDocument, MathSpan] | None:
        """The formula at a point in widget coordinates (and its document), if any."""
        if self.content is None:
            return None
        docs = self.content.documents()
        index = max(0, min(bisect.bisect_right(self._tops, point.y()) - 1, len(docs) - 1))
        local = QPointF(point.x(), point.y() - self._tops[index])
        span = math_interaction.formula_at(docs[index], local)
        return (docs[index], span) if span is not None else None

    def full_formula_at(self, point: QPoint) -> tuple[QPixmap, MathSpan] | None:
        """The whole formula at a point, when it is shown scaled down to fit the width."""
        found = self.formula_at(point)
        if found is None:
            return None
        doc, span = found
        index = self.content.documents().index(doc) if self.content is not None else 0
        local = QPointF(point.x(), point.y() - self._tops[index])
        pixmap = math_interaction.full_size_at(doc, local)
        return (pixmap, span) if pixmap is not None else None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.formula_at(event.pos())
            error = math_interaction.formula_error(*found) if found is not None else None
            if not error and self.full_formula_at(event.pos()) is not None:
                error = self.tr("Scaled down to fit. Click to see it at full size.")
            if error:
                QToolTip.showText(event.globalPos(), error, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def anchor_at(self, point: QPoint) -> str:
        if self.content is None:
            return ""
        docs = self.content.documents()
        index = max(0, min(bisect.bisect_right(self._tops, point.y()) - 1, len(docs) - 1))
        local = QPointF(point.x(), point.y() - self._tops[index])
        anchor = str(docs[index].documentLayout().anchorAt(local))
        return anchor or diagram_link_at(docs[index], local)

    def selected_text(self) -> str:
        if self.content is None or self._selection is None:
            return ""
        parts = []
        for index, doc in enumerate(self.content.documents()):
            span = self._segment_span(index, doc)
            if span is not None:
                cursor = QTextCursor(doc)
                cursor.setPosition(span[0])
                cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
                parts.append(math_interaction.selection_text(cursor))  # formulas as LaTeX
        return remove_breaks("\n".join(parts))

    def select_text(self, needle: str) -> bool:
        """Select the first occurrence of `needle` (case-insensitive), e.g. a search hit."""
        if self.content is None or not needle.strip():
            return False
        for index, doc in enumerate(self.content.documents()):
            found = doc.find(needle.strip())
            if not found.isNull():
                self._selection = ((index, found.selectionStart()), (index, found.selectionEnd()))
                self.update()
                return True
        return False

    def select_all(self) -> None:
        if self.content is not None:
            docs = self.content.documents()
            self._selection = ((0, 0), (len(docs) - 1, docs[-1].characterCount() - 1))
            self.update()

    def code_at(self, point: QPoint) -> str:
        """The code of the code block whose Copy link is at `point`."""
        if self.content is None:
            return ""
        index, position = self._hit(point)
        cursor = QTextCursor(self.content.documents()[index])
        cursor.setPosition(position)
        table = cursor.currentTable()
        if table is None or table.rows() < 2:
            return ""
        cell = table.cellAt(1, 0)
        start = cell.firstCursorPosition()
        start.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        return remove_breaks(start.selection().toPlainText())

    # --- mouse and keys -------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.content is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = event.position().toPoint()
        self._press = self._hit(point)
        self._press_anchor = self.anchor_at(point)
        self._dragged = False
        self._selection = (self._press, self._press)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._selection = (self._press, self._hit(point))
            self._dragged = self._selection[0] != self._selection[1]
            self.update()
            return
        link = self.anchor_at(point) or self.full_formula_at(point) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if link else Qt.CursorShape.IBeamCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            super().mouseReleaseEvent(event)
            return
        point = event.position().toPoint()
        anchor = self.anchor_at(point)
        self._press = None
        if not self._dragged and anchor and anchor == self._press_anchor:
            self._selection = None
            self.activate_link(anchor, point)
        elif not self._dragged and not anchor:
            wide = self.full_formula_at(point)
            if wide is not None:
                self._selection = None
                open_formula(*wide, self)
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.content is None:
            return
        index, position = self._hit(event.position().toPoint())
        cursor = QTextCursor(self.content.documents()[index])
        cursor.setPosition(position)
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        self._selection = ((index, cursor.selectionStart()), (index, cursor.selectionEnd()))
        self.update()

    def activate_link(self, anchor: str, point: QPoint) -> None:
        """Copy links copy their code block; other links open in the system browser."""
        if anchor == COPY_CODE_HREF:
            code = self.code_at(point)
            QGuiApplication.clipboard().setText(code)
            self.code_copied.emit(code)
            return
        address = image_address(anchor)
        if address is not None:
            self.open_image_address(address)
            return
        number = citation_number(anchor)
        if number is not None:
            self.citation_clicked.emit(number)
            return
        diagram = diagram_key_of(anchor)
        if diagram is not None:
            open_diagram(diagram, self)
            return
        url = QUrl(anchor)
        if url.scheme() in ("http", "https", "mailto"):
            self.open_url(url)

    def open_image_address(self, address: str) -> None:
        """An image named by a reply is never loaded; the user may open it elsewhere."""
        if address and self.confirm_open(self, address):
            self.open_url(QUrl.fromUserInput(address))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
        else:
            super().keyPressEvent(event)

    def copy_selection(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        copy = menu.addAction(self.tr("Copy"), self.copy_selection)
        copy.setEnabled(bool(self.selected_text()))
        menu.addAction(self.tr("Select all"), self.select_all)
        link = self.anchor_at(event.pos())
        address = image_address(link) if link else None
        diagram = diagram_key_of(link) if link else None
        if diagram is not None:
            menu.addSeparator()
            add_diagram_actions(menu, diagram, self)
        elif address is not None:
            menu.addAction(self.tr("Open…"), lambda: self.open_image_address(address))
            menu.addAction(
                self.tr("Copy image address"),
                lambda: QGuiApplication.clipboard().setText(address),
            )
        elif link and link != COPY_CODE_HREF:
            menu.addAction(
                self.tr("Copy link address"), lambda: QGuiApplication.clipboard().setText(link)
            )
        found = self.formula_at(event.pos())
        if found is not None:
            span = found[1]
            menu.addSeparator()
            menu.addAction(self.tr("Copy LaTeX"), lambda: self.copy_formula(span, mathml=False))
            menu.addAction(self.tr("Copy as MathML"), lambda: self.copy_formula(span, mathml=True))
        menu.exec(event.globalPos())

    def copy_formula(self, span: MathSpan, *, mathml: bool) -> None:
        """Put a formula on the clipboard: its LaTeX source, or MathML."""
        text = math_interaction.mathml_of(span) if mathml else span.source
        QGuiApplication.clipboard().setText(text or span.source)
