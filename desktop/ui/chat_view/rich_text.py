"""A message's rendered Markdown as a stack of small QTextDocuments, painted by one widget.

A streamed reply grows by whole finished blocks plus an unfinished tail
(`IncrementalMarkdown`); appending finished HTML to a small open segment and re-setting only
the tail keeps the cost of a flush independent of the reply's length. `RichTextView` paints
the visible part of the segments and gives them selection, links and code-block Copy links.
"""

from __future__ import annotations

import bisect
import html

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QContextMenuEvent,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from desktop.core.rendering.incremental import (
    DeferredHighlight,
    IncrementalMarkdown,
    RenderUpdate,
)
from desktop.core.rendering.markdown_html import COPY_CODE_HREF, MarkdownRenderer

# Finished HTML goes into the open segment until it holds this many characters.
SEGMENT_HTML_CHARS = 1500
# Text of a finished message is fed in pieces of this size so that it splits into segments.
BUILD_PIECE_CHARS = 3000


def new_document(stylesheet: str, font: QFont, width: float) -> QTextDocument:
    """An empty document set up like every message document (also usable off the UI thread)."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(stylesheet)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    if width > 0:
        doc.setTextWidth(width)
    return doc


class RichTextContent:
    """The segment documents of one message body; built whole or grown by stream deltas."""

    def __init__(
        self,
        renderer: MarkdownRenderer,
        stylesheet: str,
        font: QFont,
        *,
        defer_highlight: bool = False,
    ) -> None:
        self._markdown = IncrementalMarkdown(renderer, defer_highlight=defer_highlight)
        self.message_id = 0
        self._deferred_docs: dict[int, QTextDocument] = {}  # finished part -> its document
        self._stylesheet = stylesheet
        self._font = font
        self.width = -1.0
        self._tops_key: tuple[float, int] = (-2.0, -1)
        self._tops: list[float] = []
        # Per document: (y below it, the last non-empty document so far) — so that `tops`
        # re-measures only from the first document changed since (a stream changes the end).
        self._tops_state: list[tuple[float, QTextDocument | None]] = []
        self._tops_dirty_from = 0
        self._plain_length = 0
        self._changed_from = 0
        self.segments: list[QTextDocument] = []
        self._open_html = ""  # finished HTML held by the last (open) segment
        self._open_doc: QTextDocument | None = None
        self.tail_doc = self._new_document()
        self.revision = 0
        self.renders = 0  # how many document (re)builds: tests count them

    def _new_document(self) -> QTextDocument:
        return new_document(self._stylesheet, self._font, self.width)

    @property
    def text(self) -> str:
        return self._markdown.text

    @property
    def html(self) -> str:
        """The HTML shown (finished segments + tail): equals a full render of `text`."""
        return self._markdown.html

    def documents(self) -> list[QTextDocument]:
        return [*self.segments, self.tail_doc]

    @property
    def size(self) -> int:
        """Characters shown (what the cache budgets)."""
        return max(self._markdown.length, self._plain_length)

    def set_plain_text(self, text: str) -> None:
        """Show `text` as it is (user messages): one document, line breaks kept."""
        self._plain_length = len(text)
        self.tail_doc.setHtml(
            '<p style="white-space: pre-wrap; margin: 0">' + html.escape(text) + "</p>"
        )
        self.renders += 1
        self.revision += 1
        self._tops_dirty_from = min(self._tops_dirty_from, len(self.segments))

    def build(self, text: str) -> None:
        """Render a complete text, split into segments at block boundaries."""
        for start in range(0, len(text), BUILD_PIECE_CHARS):
            if self._markdown.tail_length > 4 * BUILD_PIECE_CHARS:
                # One huge block that does not end: feeding it piecewise would re-parse it
                # for every piece; take the rest at once.
                self._apply(self._markdown.append(text[start:]))
                break
            self._apply(self._markdown.append(text[start : start + BUILD_PIECE_CHARS]))
        self.finish()

    def append(self, delta: str) -> None:
        self._apply(self._markdown.append(delta))

    def finish(self) -> None:
        self._apply(self._markdown.finish())

    def _apply(self, update: RenderUpdate) -> None:
        if update.reset:
            self.segments = []
            self._open_doc = None
            self._open_html = ""
            self._deferred_docs = {}
        if update.finished and update.deferred:
            # Its own document, so that the highlighted HTML can replace it later.
            doc = self._new_document()
            doc.setHtml(update.finished)
            self.segments.append(doc)
            self._deferred_docs[update.part] = doc
            self._open_doc = None
            self.renders += 1
        elif update.finished:
            if self._open_doc is None or len(self._open_html) > SEGMENT_HTML_CHARS:
                self._open_doc = self._new_document()
                self._open_html = ""
                self.segments.append(self._open_doc)
            self._open_html += update.finished
            self._open_doc.setHtml(self._open_html)
            self.renders += 1
        self.tail_doc.setHtml(update.tail)
        self.renders += 1
        self.revision += 1
        changed = len(self.segments) - (1 if update.finished else 0)
        self._changed_from = min(self._changed_from, changed)
        self._tops_dirty_from = min(self._tops_dirty_from, 0 if update.reset else changed)

    def take_deferred(self) -> list[DeferredHighlight]:
        """Finished parts shown with plain code, to highlight off the UI thread."""
        return self._markdown.take_deferred()

    def resolve(
        self, job: DeferredHighlight, html: str, built: QTextDocument | None = None
    ) -> bool:
        """Show the highlighted HTML of a deferred part; False if it no longer applies.

        `built` is a document already holding `html` (laid out on a worker thread): swapping
        it in costs the UI thread nothing.
        """
        doc = self._deferred_docs.pop(job.part, None)
        if doc is None or not self._markdown.resolve(job.generation, job.part, html):
            return False
        try:
            index = self.segments.index(doc)
        except ValueError:
            return False
        if built is None:
            doc.setHtml(html)
        else:
            if built.textWidth() != self.width:
                built.setTextWidth(self.width)
            self.segments[index] = built
        self.renders += 1
        self.revision += 1
        self._changed_from = min(self._changed_from, index)
        self._tops_dirty_from = min(self._tops_dirty_from, index)
        return True

    def take_changed(self) -> int:
        """Index of the first document changed since the last call (0 when unknown)."""
        first, self._changed_from = self._changed_from, 1 << 30
        return 0 if first == 1 << 30 else first

    @property
    def highlight_pending(self) -> bool:
        return bool(self._deferred_docs)

    def ideal_width(self, limit: float) -> int:
        """The narrowest width (up to `limit`) that wraps no more than `limit` does."""
        self.set_width(limit)
        return int(max(doc.idealWidth() for doc in self.documents()) + 0.999)

    def set_width(self, width: float) -> None:
        if width != self.width:
            self.width = width
            for doc in self.documents():
                doc.setTextWidth(width)

    def tops(self) -> list[float]:
        """Top of each document; adjacent block margins collapse like inside one document.

        Only documents from the first one changed since the last call are measured again, so
        a flush of a long streaming reply costs the same at its end as at its start.
        """
        key = (self.width, self.revision)
        if self._tops_key == key:
            return self._tops
        start = self._tops_dirty_from if self._tops_key[0] == self.width else 0
        start = max(0, min(start, len(self._tops_state)))
        docs = self.documents()
        tops = self._tops[:start]
        state = self._tops_state[:start]
        y, previous = state[-1] if state else (0.0, None)
        for doc in docs[start:]:
            empty = doc.isEmpty()
            if previous is not None and not empty:
                overlap = min(
                    previous.lastBlock().blockFormat().bottomMargin(),
                    doc.firstBlock().blockFormat().topMargin(),
                )
                y -= overlap
            tops.append(y)
            if not empty:
                y += doc.size().height()
                previous = doc
            state.append((y, previous))
        tops.append(y)
        self._tops_key, self._tops, self._tops_state = key, tops, state
        self._tops_dirty_from = 1 << 30
        return tops

    def height(self) -> float:
        return self.tops()[-1]


class RichTextView(QWidget):
    """Paints a RichTextContent; selection across segments, links, Copy links on code blocks."""

    code_copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content: RichTextContent | None = None
        self._tops: list[float] = [0.0]
        self._selection: tuple[tuple[int, int], tuple[int, int]] | None = None
        self._press: tuple[int, int] | None = None
        self._press_anchor = ""
        self._dragged = False
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setCursor(Qt.CursorShape.IBeamCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

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
        first = self.content.take_changed() if self.content is not None else 0
        if first <= 0 or first >= len(self._tops):
            self.update()
        else:
            # Only from the first changed document down: the finished ones above stay.
            top = int(self._tops[first]) - 2
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

    def resizeEvent(self, event: object) -> None:
        if self.content is not None:
            self.content.set_width(float(max(self.width(), 10)))
            self._tops = self.content.tops()

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if self.content is None:
            return
        painter = QPainter(self)
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

    def anchor_at(self, point: QPoint) -> str:
        if self.content is None:
            return ""
        docs = self.content.documents()
        index = max(0, min(bisect.bisect_right(self._tops, point.y()) - 1, len(docs) - 1))
        local = QPointF(point.x(), point.y() - self._tops[index])
        return str(docs[index].documentLayout().anchorAt(local))

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
                parts.append(cursor.selection().toPlainText())
        return "\n".join(parts)

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
        return start.selection().toPlainText()

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
        link = self.anchor_at(point)
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
        url = QUrl(anchor)
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

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
        if link and link != COPY_CODE_HREF:
            menu.addAction(
                self.tr("Copy link address"), lambda: QGuiApplication.clipboard().setText(link)
            )
        menu.exec(event.globalPos())
