"""Formulas as pixmaps for the chat view's documents: typeset off the UI thread, cached.

A message document names each formula as an image (`switchboard-math:…`, see
core/rendering/math_html.py). When its layout asks for one, `MathImages.resource` answers
from the cache — keyed by (LaTeX, mode, font, colour, pixel ratio) — or with a blank
placeholder of about the right size while a worker typesets it (ziamath, ~5–30 ms). The
finished pixmap is added to every document that asked, and `arrived` names those
documents so that the view measures them again. A formula that cannot be typeset shows its
source in code style; `error_for` gives the reason (the view's tooltip).
"""

from __future__ import annotations

import contextlib
import weakref
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPixmap,
    QTextCursor,
    QTextDocument,
)

from desktop.core.rendering.math_html import parse_math_name
from desktop.core.threads import prefer_short_gil_slices
from desktop.media.math_image import baseline_pads, code_box, code_image, svg_image

if TYPE_CHECKING:
    from desktop.core.rendering.math_process import TypesetProcess
    from desktop.core.rendering.math_svg import MathSvgCache

MATH_SCALE = 1.2  # STIX Two's x-height is smaller than the UI font's: match it by eye
PIXMAP_BUDGET = 48 << 20  # bytes of cached pixmaps
# Formulas typeset within this time are shown together: one re-layout of a document for
# several formulas while a reply full of them streams.
ARRIVAL_BATCH_MS = 40
_IMAGE = QTextDocument.ResourceType.ImageResource


@dataclass(frozen=True, slots=True)
class FormulaStyle:
    """How a document's formulas look: ink and the code-box tint for failed ones."""

    colour: str
    background: str


@dataclass(frozen=True, slots=True)
class _Job:
    latex: str
    source: str
    display: bool
    block: bool
    size: float
    half_x: float
    colour: str
    background: str
    code_font: QFont
    ratio: float


@dataclass(slots=True)
class _Formula:
    pixmap: QPixmap
    error: str | None

    @property
    def bytes(self) -> int:
        return self.pixmap.width() * self.pixmap.height() * 4


Key = tuple[str, bool, bool, str, str, float]


def code_font(font: QFont) -> QFont:
    """The monospace font failed formulas are shown in (a little smaller than the text)."""
    mono = QFont(font)
    mono.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
    mono.setStyleHint(QFont.StyleHint.Monospace)
    mono.setPixelSize(max(8, round(QFontInfo(font).pixelSize() * 0.9)))
    return mono


class MathImages(QObject):
    """Typesets formulas on a worker thread and hands their pixmaps to the documents."""

    arrived = Signal(object)  # list[QTextDocument] whose formulas were added
    _typeset = Signal(object, object, object)  # (key, QImage, error or None), from the worker

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="math")
        prefer_short_gil_slices()  # the worker is CPU-bound Python
        self.svg_cache: MathSvgCache | None = None  # None: the shared one
        self._process: TypesetProcess | None = None  # ziamath runs there (started on use)
        self._pixmaps: OrderedDict[Key, _Formula] = OrderedDict()
        self._bytes = 0
        self._errors: dict[str, str] = {}  # source -> message (bounded by the pixmaps)
        self._waiting: dict[Key, list[tuple[weakref.ref[QTextDocument], str]]] = {}
        self._changed: dict[int, QTextDocument] = {}
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(ARRIVAL_BATCH_MS)
        self._flush.timeout.connect(self._emit_arrived)
        self._typeset.connect(self._on_typeset)
        self._placeholders: dict[tuple[int, int], QPixmap] = {}
        # Per document, its formulas shown scaled down to its width: name -> full pixmap.
        self._scaled: weakref.WeakKeyDictionary[QTextDocument, dict[str, QPixmap]] = (
            weakref.WeakKeyDictionary())
        # Per document, the natural width of its widest formula (what `refit` checks first).
        self._widest: weakref.WeakKeyDictionary[QTextDocument, float] = (
            weakref.WeakKeyDictionary())
        self.typeset_count = 0  # formulas typeset (tests, benchmark)
        self._closed = False

    # --- the documents' side --------------------------------------------------------------
    def resource(self, doc: QTextDocument, name: str, style: FormulaStyle) -> QPixmap | None:
        """The pixmap for image `name` in `doc` (a placeholder while it is typeset); None for
        a name that is no formula."""
        span = parse_math_name(name)
        if span is None:
            return None
        font = heading_font(doc.defaultFont(), span.heading)
        ratio = _pixel_ratio()
        key: Key = (span.source, span.display, span.block, font.key(), style.colour, ratio)
        formula = self._pixmaps.get(key)
        if formula is not None:
            self._pixmaps.move_to_end(key)
            return self._show(doc, name, formula.pixmap)  # no more asking on paints
        # The document is listed and shown the placeholder BEFORE the job is submitted: a
        # job that ends at once (an SVG cache hit) may deliver on this thread, right inside
        # `submit`/`add_done_callback`, and must find the document waiting.
        waiting = self._waiting.get(key)
        first = waiting is None
        if waiting is None:
            waiting = self._waiting[key] = []
        if not any(ref() is doc and known == name for ref, known in waiting):
            waiting.append((weakref.ref(doc), name))
        placeholder = self._placeholder(span.latex, QFontInfo(font).pixelSize(), span.display)
        doc.addResource(_IMAGE, QUrl(name), placeholder)  # layouts until then need not ask
        if first:
            pixel_size = QFontInfo(font).pixelSize()
            job = _Job(span.latex, span.source, span.display, span.block,
                       pixel_size * MATH_SCALE, QFontMetricsF(font).xHeight() / 2,
                       style.colour, style.background, code_font(font), ratio)
            future = self._pool.submit(self._render, job, self.svg_cache, self._typesetter)
            future.add_done_callback(lambda done, key=key: self._finished(key, done))  # type: ignore[misc]
        arrived = self._pixmaps.get(key)  # delivered already (see above)
        return self._show(doc, name, arrived.pixmap) if arrived is not None else placeholder

    def _show(self, doc: QTextDocument, name: str, pixmap: QPixmap) -> QPixmap:
        """Give `doc` the formula's pixmap, scaled down to the document's width when wider
        (a long display formula); the full one stays at hand (`full_size`)."""
        width = doc.textWidth()
        ratio = pixmap.devicePixelRatio()
        natural = pixmap.width() / ratio
        if natural > self._widest.get(doc, 0.0):
            self._widest[doc] = natural
        scaled = self._scaled.get(doc)
        if width > 0 and natural > width + 0.5:
            shown = pixmap.scaledToWidth(max(1, int(width * ratio)),
                                         Qt.TransformationMode.SmoothTransformation)
            shown.setDevicePixelRatio(ratio)
            if scaled is None:
                scaled = self._scaled[doc] = {}
            scaled[name] = pixmap
        else:
            shown = pixmap
            if scaled is not None:
                scaled.pop(name, None)
        doc.addResource(_IMAGE, QUrl(name), shown)
        return shown

    def refit(self, doc: QTextDocument) -> bool:
        """`doc` has a new width: fit its formulas to it again (True: some changed size)."""
        if not self._scaled.get(doc) and self._widest.get(doc, 0.0) <= doc.textWidth() + 0.5:
            return False  # every formula fits and none is scaled
        changed = False
        for name in _image_names(doc):
            full = self._scaled.get(doc, {}).get(name)
            current = doc.resource(_IMAGE, QUrl(name))
            pixmap = full if full is not None else current
            if not isinstance(pixmap, QPixmap) or parse_math_name(name) is None:
                continue
            if full is None and pixmap.width() / pixmap.devicePixelRatio() <= doc.textWidth() + 0.5:
                continue  # fits and was never scaled
            self._show(doc, name, pixmap)
            changed = True
        if changed:
            doc.markContentsDirty(0, doc.characterCount())
        return changed

    def full_size(self, doc: QTextDocument, name: str) -> QPixmap | None:
        """The whole formula when `doc` shows it scaled down (None when it does not)."""
        return self._scaled.get(doc, {}).get(name)

    def lookup(self, name: str, doc: QTextDocument, style: FormulaStyle) -> QPixmap | None:
        """A cached pixmap only (no typesetting): what a cache hit costs (benchmark)."""
        span = parse_math_name(name)
        if span is None:
            return None
        key: Key = (span.source, span.display, span.block,
                    heading_font(doc.defaultFont(), span.heading).key(), style.colour,
                    _pixel_ratio())
        formula = self._pixmaps.get(key)
        return None if formula is None else formula.pixmap

    def error_for(self, source: str) -> str | None:
        """Why the formula with this source (delimiters included) could not be typeset."""
        return self._errors.get(source)

    @property
    def pending(self) -> int:
        return len(self._waiting)

    @property
    def settled(self) -> bool:
        """Nothing being typeset and every arrival handed to the documents' views."""
        return not self._waiting and not self._flush.isActive()

    @property
    def cached_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._pixmaps)

    def shutdown(self) -> None:
        """Stop typesetting and end the child process (the window closes)."""
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self._process is not None:
            self._process.shutdown()

    # --- the worker -------------------------------------------------------------------------
    def _typesetter(self) -> TypesetProcess:
        """The child process (made on the worker thread: its imports stay off the UI's)."""
        if self._process is None:
            from desktop.core.rendering.math_process import TypesetProcess

            self._process = TypesetProcess()
            if self._closed:  # shut down meanwhile: this one starts no child either
                self._process.shutdown()
        return self._process

    @staticmethod
    def _render(
        job: _Job, cache: MathSvgCache | None, typesetter: Callable[[], TypesetProcess]
    ) -> tuple[QImage, str | None]:
        """On the worker thread: the formula's image (or its source in code style) and the
        error; the typesetting itself happens in the child process."""
        from desktop.core.rendering.math_svg import SHARED_SVG_CACHE, MathError

        process = typesetter()

        cache = cache if cache is not None else SHARED_SVG_CACHE
        try:
            typeset = cache.get(job.latex, display=job.display, size=job.size,
                                typeset=process.typeset)
        except MathError as error:
            _width, height, depth = code_box(job.source, job.code_font)
            top, bottom = baseline_pads(height - depth, depth, job.half_x)
            image = code_image(job.source, job.code_font, colour=job.colour,
                               background=job.background, top=top, bottom=bottom,
                               ratio=job.ratio)
            return image, str(error)
        if job.block:
            top = bottom = 0.0
        else:
            top, bottom = baseline_pads(typeset.height - typeset.depth, typeset.depth,
                                        job.half_x)
        image = svg_image(typeset.coloured(job.colour), typeset.width, typeset.height,
                          top=top, bottom=bottom, ratio=job.ratio)
        return image, None

    def _finished(self, key: Key, future: Future[tuple[QImage, str | None]]) -> None:
        if future.cancelled():
            return
        failure = future.exception()
        image, error = (QImage(), str(failure)) if failure is not None else future.result()
        with contextlib.suppress(RuntimeError):  # deleted meanwhile (shut down)
            self._typeset.emit(key, image, error)

    # --- back on the UI thread ------------------------------------------------------------
    def _on_typeset(self, key: Key, image: QImage, error: str | None) -> None:
        self.typeset_count += 1
        pixmap = QPixmap.fromImage(image) if not image.isNull() else QPixmap(1, 1)
        formula = _Formula(pixmap, error)
        self._pixmaps[key] = formula
        self._bytes += formula.bytes
        if error is not None:
            self._errors[key[0]] = error
        while self._bytes > PIXMAP_BUDGET and len(self._pixmaps) > 1:
            old_key, old = self._pixmaps.popitem(last=False)
            self._bytes -= old.bytes
            self._errors.pop(old_key[0], None)
        for ref, name in self._waiting.pop(key, []):
            doc = ref()
            if doc is not None:
                self._show(doc, name, pixmap)
                self._changed[id(doc)] = doc
        if self._changed and not self._flush.isActive():
            self._flush.start()

    def _emit_arrived(self) -> None:
        docs = list(self._changed.values())
        self._changed.clear()
        for doc in docs:
            doc.markContentsDirty(0, doc.characterCount())
        self.arrived.emit(docs)

    def _placeholder(self, latex: str, pixel_size: int, display: bool) -> QPixmap:
        """A blank of about the formula's size, so that text moves little when it arrives."""
        width = max(pixel_size, min(int(pixel_size * 0.42 * len(latex)), 480))
        height = int(pixel_size * (2.2 if display else 1.2))
        size = (width // 8 * 8 or 8, height)
        pixmap = self._placeholders.get(size)
        if pixmap is None:
            pixmap = self._placeholders[size] = QPixmap(*size)
            pixmap.fill(QColor(0, 0, 0, 0))
        return pixmap


def _image_names(doc: QTextDocument) -> list[str]:
    """The names of the images in `doc` (formulas among them), each once."""
    names: dict[str, None] = {}
    block = doc.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            if fmt.isImageFormat():
                names[fmt.toImageFormat().name()] = None
            fragments += 1
        block = block.next()
    return list(names)


_HEADING_FONTS: dict[tuple[str, int], QFont] = {}


def heading_font(font: QFont, level: int) -> QFont:
    """The font a document with default `font` shows a heading of `level` in (1–6; 0: the
    font itself): a formula in a heading is typeset at the heading's size."""
    if not level:
        return font
    key = (font.key(), level)
    found = _HEADING_FONTS.get(key)
    if found is None:
        probe = QTextDocument()
        probe.setDefaultFont(font)
        probe.setHtml(f"<h{level}>x</h{level}>")
        cursor = QTextCursor(probe)
        cursor.setPosition(1)
        found = _HEADING_FONTS[key] = cursor.charFormat().font()
    return found


def _pixel_ratio() -> float:
    app = QGuiApplication.instance()
    return float(app.devicePixelRatio()) if isinstance(app, QGuiApplication) else 1.0


class DocumentFormulas:
    """The formulas of documents drawn in one style (the `Formulas` a ChatDocument asks)."""

    def __init__(self, images: MathImages, style: FormulaStyle) -> None:
        self.images = images
        self.style = style

    def resource(self, doc: QTextDocument, name: str) -> QPixmap | None:
        return self.images.resource(doc, name, self.style)

    def refit(self, doc: QTextDocument) -> bool:
        return self.images.refit(doc)
