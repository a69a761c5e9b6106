"""A message's rendered Markdown as a stack of small QTextDocuments (`RichTextContent`).

A streamed reply grows by whole finished blocks plus an unfinished tail
(`IncrementalMarkdown`); appending finished HTML to a small open segment and re-setting only
the tail keeps the cost of a flush independent of the reply's length. `RichTextView`
(rich_text.py) paints the segments.
"""

from __future__ import annotations

import html
import weakref
from typing import Any, Protocol

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPixmap,
    QTextDocument,
    QTextOption,
)

from desktop.core.rendering.incremental import (
    DeferredHighlight,
    IncrementalMarkdown,
    RenderUpdate,
)
from desktop.core.rendering.long_runs import break_long_runs_text
from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.ui.chat_view.diagrams import diagram_image

# Finished HTML goes into the open segment until it holds this many characters.
SEGMENT_HTML_CHARS = 1500
# Text of a finished message is fed in pieces of this size so that it splits into segments.
BUILD_PIECE_CHARS = 3000


def _blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    return image


class Formulas(Protocol):
    """Where a document gets its formulas' pixmaps (math_images.DocumentFormulas)."""

    def resource(self, doc: QTextDocument, name: str) -> QPixmap | None: ...

    def refit(self, doc: QTextDocument) -> bool:
        """`doc`'s width changed: fit its formulas to it again (True: some changed)."""
        ...


class ChatDocument(QTextDocument):
    """A message document that never loads a resource (file, URL or qrc) named by its HTML.

    The rendered Markdown names none (images are placeholders) but formulas, which come from
    `formulas` (typeset in memory); this is the second wall, so that no HTML from model
    output can make layout read a file or fetch an address.
    """

    formulas: Formulas | None = None
    owner: weakref.ref[RichTextContent] | None = None  # the content it is a segment of

    def loadResource(self, kind: int, name: QUrl | str, /) -> Any:
        if self.formulas is not None and kind == QTextDocument.ResourceType.ImageResource.value:
            text = name.toString(QUrl.ComponentFormattingOption.FullyEncoded) if isinstance(
                name, QUrl) else name
            pixmap = self.formulas.resource(self, text)
            if pixmap is not None:
                return pixmap
        address = name.toString() if isinstance(name, QUrl) else name
        diagram = diagram_image(address)  # a rendered diagram, held in memory (no file)
        if diagram is not None and kind == QTextDocument.ResourceType.ImageResource.value:
            return diagram
        self.refused_resources.append(name.toString() if isinstance(name, QUrl) else name)
        if kind == QTextDocument.ResourceType.ImageResource.value:
            # Not None: for a null resource Qt's image handler reads the file itself.
            return _blank_image()
        return QByteArray()

    @property
    def refused_resources(self) -> list[str]:
        """Addresses the document asked for and was refused (tests look)."""
        refused: list[str] | None = self.__dict__.get("_refused")
        if refused is None:
            refused = self.__dict__["_refused"] = []
        return refused


def new_document(
    stylesheet: str, font: QFont, width: float, formulas: Formulas | None = None
) -> QTextDocument:
    """An empty document set up like every message document (also usable off the UI thread)."""
    doc = ChatDocument()
    doc.formulas = formulas
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
        formulas: Formulas | None = None,
    ) -> None:
        self._formulas = formulas
        self._markdown = IncrementalMarkdown(renderer, defer_highlight=defer_highlight)
        self._renderer = renderer
        self._defer_highlight = defer_highlight
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
        self._changed_below = 0.0  # the first changed document changed only below this y
        self.segments: list[QTextDocument] = []
        self._open_html = ""  # finished HTML held by the last (open) segment
        self._open_doc: QTextDocument | None = None
        self.tail_doc = self._new_document()
        self.revision = 0
        self.renders = 0  # how many document (re)builds: tests count them

    def _new_document(self) -> QTextDocument:
        doc = new_document(self._stylesheet, self._font, self.width, self._formulas)
        if isinstance(doc, ChatDocument):
            doc.owner = weakref.ref(self)
        return doc

    def formulas_arrived(self, doc: QTextDocument) -> bool:
        """Formulas of `doc` were typeset: measure it again (False: no longer shown here)."""
        try:
            index = self.documents().index(doc)
        except ValueError:
            return False
        self.revision += 1
        self._changed_from = min(self._changed_from, index)
        self._tops_dirty_from = min(self._tops_dirty_from, index)
        return True

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
            '<p style="white-space: pre-wrap; margin: 0">'
            + html.escape(break_long_runs_text(text))
            + "</p>"
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

    def rerender(self, text: str | None = None) -> None:
        """Render the text (or `text` instead) again from the start: e.g. a diagram it shows
        has been drawn, or citation markers were placed in a streaming reply."""
        complete = self._markdown.complete
        text = self._markdown.text if text is None else text
        self._markdown = IncrementalMarkdown(self._renderer, defer_highlight=self._defer_highlight)
        self._apply(RenderUpdate("", "", reset=True))
        if complete:
            self.build(text)
        else:
            for start in range(0, len(text), BUILD_PIECE_CHARS):
                self.append(text[start : start + BUILD_PIECE_CHARS])

    def retext(self, text: str) -> None:
        """Show `text` instead of the text so far (a streaming reply's citation numbers
        placed): only the part still streaming is rendered again when the rest is the same,
        else everything (`rerender`)."""
        update = self._markdown.retext(text)
        if update is None:
            self.rerender(text)
        else:
            self._apply(update)

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
        below = 0.0
        into_open = bool(update.finished) and not update.deferred
        if into_open:
            if self._open_doc is None or len(self._open_html) > SEGMENT_HTML_CHARS:
                self._open_doc = self._new_document()
                self._open_html = ""
                self.segments.append(self._open_doc)
            else:
                # The blocks it held lay out as before: only what follows them is new.
                below = self._shown_height(len(self.segments) - 1)
            self._open_html += update.finished
            self._open_doc.setHtml(self._open_html)
            self.renders += 1
        self.tail_doc.setHtml(update.tail)
        self.renders += 1
        self.revision += 1
        changed = len(self.segments) - (1 if update.finished else 0)
        if changed < self._changed_from:
            self._changed_below = below if into_open and not update.reset else 0.0
        elif changed == self._changed_from:
            self._changed_below = min(self._changed_below, below)
        self._changed_from = min(self._changed_from, changed)
        self._tops_dirty_from = min(self._tops_dirty_from, 0 if update.reset else changed)

    def _shown_height(self, index: int) -> float:
        """Document `index`'s height as last measured (`tops`; no layout forced), less a
        margin for the block margins that collapse with what is added; 0 when unknown."""
        if self._tops_key[0] != self.width or index + 1 >= len(self._tops) - 1:
            return 0.0
        return max(0.0, self._tops[index + 1] - self._tops[index] - 24)

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
                if self._formulas is not None:
                    self._formulas.refit(built)
            self.segments[index] = built
        self.renders += 1
        self.revision += 1
        self._changed_from = min(self._changed_from, index)
        self._tops_dirty_from = min(self._tops_dirty_from, index)
        return True

    def take_changed(self) -> tuple[int, float]:
        """Index of the first document changed since the last call (0 when unknown), and
        the y in it above which nothing changed (a block added to the open segment)."""
        first, self._changed_from = self._changed_from, 1 << 30
        below, self._changed_below = self._changed_below, 0.0
        return (0, 0.0) if first == 1 << 30 else (first, below)

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
                if self._formulas is not None:
                    self._formulas.refit(doc)  # wide formulas shrink or grow to the width

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
