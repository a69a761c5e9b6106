"""Mermaid diagrams in the chat view: the fence hook, the background renderer, the pictures.

A closed ```mermaid block renders as an image whose name (DIAGRAM_IMAGE_PREFIX + key) the
message document asks `diagram_image` for; until the diagram is rendered (mmdr, in its own
process, via a daemon thread) the block shows as code, marked pending, and `DiagramService.ready`
tells the view to render the messages that show it again. A diagram that fails shows its code
and the renderer's message.
"""

from __future__ import annotations

import html
import queue
import threading
from collections import OrderedDict

from markdown_it.token import Token
from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer

from desktop.core.rendering.fences import is_closed
from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.rendering.mermaid import (
    DIAGRAMS,
    THEME,
    DiagramResult,
    diagram_key,
    render_diagram,
)
from desktop.ui.theme import current_colors

DIAGRAM_IMAGE_PREFIX = "switchboard:diagram-image/"
DIAGRAM_HREF_PREFIX = "switchboard:diagram?"
PENDING_MARK = "diagram-pending-"
CARD_PADDING = 12  # around the diagram on its card, in CSS pixels
CARD_RADIUS = 8.0
CARD_LIGHT = "#ffffff"
CARD_DARK = "#e9ecf0"  # mmdr draws for a light page: a light card, a little dimmed
RASTER_SCALE_MIN = 2.0  # pictures are drawn at least at twice their size (sharp when scaled)
RASTER_MAX_SIDE = 4096
RASTER_ENTRIES = 48


def diagram_href(key: str) -> str:
    return DIAGRAM_HREF_PREFIX + key


def diagram_key_of(href: str) -> str | None:
    """The diagram key behind a diagram link; None for any other link."""
    return href[len(DIAGRAM_HREF_PREFIX):] if href.startswith(DIAGRAM_HREF_PREFIX) else None


def diagram_result(key: str) -> DiagramResult | None:
    return DIAGRAMS.get(key)


def mermaid_fence(token: Token, code_html: str, final: bool) -> str:
    """Fence hook: a closed mermaid block as its picture, its code (pending) or code + error."""
    if not is_closed(token, final=final):
        return code_html  # still streaming: the block may grow
    source = token.content
    key = diagram_key(source, THEME)
    result = DIAGRAMS.get(key)
    if result is None:
        diagram_service().request(key, source)
        return code_html.replace('<table class="code"',
                                 f'<table class="code" title="{PENDING_MARK}{key}"', 1)
    if not result.ok:
        message = QCoreApplication.translate("ChatView", "Diagram not shown: {0}").format(
            result.error)
        muted = current_colors()["muted"]
        return (code_html + f'<p style="color: {muted}; font-size: 9pt">'
                f"{html.escape(message)}</p>\n")
    width = int(result.width + 2 * CARD_PADDING + 0.5)
    # line-height 100%: the chat's 140% would add 40% of the picture's height below it.
    return (f'<p style="line-height: 100%"><a href="{diagram_href(key)}">'
            f'<img src="{DIAGRAM_IMAGE_PREFIX}{key}" width="{width}" style="max-width: 100%">'
            "</a></p>\n")


def add_diagram_hook(renderer: MarkdownRenderer) -> MarkdownRenderer:
    """Give a chat renderer the mermaid fence hook (returns it, for chaining)."""
    renderer.fence_hooks["mermaid"] = mermaid_fence
    return renderer


def diagram_link_at(doc: QTextDocument, point: QPointF) -> str:
    """The diagram link of the picture under `point` (document coordinates), or "".

    Qt's anchorAt finds an image's link only at its edges (the hit position falls before or
    after the one character the image is), so the picture's own rectangle is tested.
    """
    block = doc.findBlock(doc.documentLayout().hitTest(point, Qt.HitTestAccuracy.FuzzyHit))
    if not block.isValid() or block.text() != "\ufffc":
        return ""
    name = block.begin().fragment().charFormat().toImageFormat().name()
    if not name.startswith(DIAGRAM_IMAGE_PREFIX):
        return ""
    rect = doc.documentLayout().blockBoundingRect(block)
    line = block.layout().lineAt(0)
    inside = (rect.top() <= point.y() <= rect.bottom()
              and line.isValid() and point.x() <= rect.left() + line.naturalTextWidth())
    return diagram_href(name[len(DIAGRAM_IMAGE_PREFIX):]) if inside else ""


def is_pending(html_text: str, key: str) -> bool:
    """Whether rendered HTML shows diagram `key` as code while it renders."""
    return f"{PENDING_MARK}{key}" in html_text


# --- pictures -------------------------------------------------------------------------------
def _dark() -> bool:
    background = current_colors()["bg"].lstrip("#")
    red, green, blue = (int(background[i : i + 2], 16) for i in (0, 2, 4))
    return (red * 299 + green * 587 + blue * 114) / 1000 < 128


def render_card(
    result: DiagramResult, scale: float, *, dark: bool, max_side: int = RASTER_MAX_SIDE
) -> QImage:
    """The diagram on a rounded light card (also in dark mode: mmdr draws for a light page)."""
    renderer = QSvgRenderer(QByteArray(result.svg.encode()))
    width = result.width + 2 * CARD_PADDING
    height = result.height + 2 * CARD_PADDING
    scale = min(scale, max_side / max(width, height))
    image = QImage(max(1, round(width * scale)), max(1, round(height * scale)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    card = QPainterPath()
    card.addRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), CARD_RADIUS, CARD_RADIUS)
    painter.fillPath(card, QColor(CARD_DARK if dark else CARD_LIGHT))
    if not dark:
        painter.setPen(QPen(QColor(current_colors()["border"]), 1.0))
        painter.drawPath(card)
    painter.setClipPath(card)
    if renderer.isValid():
        renderer.render(painter, QRectF(CARD_PADDING, CARD_PADDING, result.width, result.height))
    painter.end()
    image.setDevicePixelRatio(scale)
    return image


_pictures: OrderedDict[tuple[str, bool, float], QImage] = OrderedDict()
_pictures_lock = threading.Lock()


def _screen_scale() -> float:
    app = QGuiApplication.instance()
    screen = app.primaryScreen() if isinstance(app, QGuiApplication) else None
    return max(RASTER_SCALE_MIN, screen.devicePixelRatio() if screen is not None else 1.0)


def picture_for(result: DiagramResult, scale: float) -> QImage:
    """The card picture of a rendered diagram in the current theme (kept for reuse).

    Also called on the render thread right after a diagram is rendered, so the UI thread
    usually finds it drawn (QtSvg takes 4-20 ms a diagram).
    """
    entry = (result.key, _dark(), scale)
    with _pictures_lock:
        picture = _pictures.get(entry)
        if picture is not None:
            _pictures.move_to_end(entry)
            return picture
    picture = render_card(result, scale, dark=entry[1])
    with _pictures_lock:
        _pictures[entry] = picture
        while len(_pictures) > RASTER_ENTRIES:
            _pictures.popitem(last=False)
    return picture


def diagram_image(address: str) -> QImage | None:
    """The picture a message document names (None: not a diagram, or not rendered)."""
    if not address.startswith(DIAGRAM_IMAGE_PREFIX):
        return None
    result = DIAGRAMS.get(address[len(DIAGRAM_IMAGE_PREFIX):])
    if result is None or not result.ok:
        return None
    return picture_for(result, _screen_scale())


# --- background rendering -------------------------------------------------------------------
class DiagramService(QObject):
    """Renders requested diagrams one at a time on a daemon thread; `ready(key)` when done."""

    ready = Signal(str)  # emitted from the worker thread, delivered queued

    def __init__(self) -> None:
        super().__init__()
        self._queue: queue.Queue[tuple[str, str]] = queue.Queue()
        self._pending: set[str] = set()
        self._lock = threading.Lock()
        self._scale = _screen_scale()  # read here: screens belong to the UI thread
        self._thread = threading.Thread(target=self._run, name="mermaid", daemon=True)
        self._thread.start()
        self.rendered = 0

    def request(self, key: str, source: str) -> None:
        """Queue a diagram (once, however often it is asked for); thread-safe."""
        with self._lock:
            if key in self._pending:
                return
            self._pending.add(key)
        self._queue.put((key, source))

    @property
    def busy(self) -> bool:
        with self._lock:
            return bool(self._pending)

    def _run(self) -> None:
        while True:
            key, source = self._queue.get()
            try:
                result = render_diagram(source, THEME)
                if result.ok:
                    picture_for(result, self._scale)  # drawn here, not on the UI thread
            except Exception as error:  # keep serving; the message shows what went wrong
                DIAGRAMS.put(DiagramResult(key, source, error=str(error) or type(error).__name__))
            finally:
                with self._lock:
                    self._pending.discard(key)
                self.rendered += 1
            try:
                self.ready.emit(key)
            except RuntimeError:  # the application is going away
                return


_service: DiagramService | None = None


def diagram_service() -> DiagramService:
    """The one background renderer of the process (made on first use)."""
    global _service
    if _service is None:
        _service = DiagramService()
        app = QCoreApplication.instance()
        if app is not None:
            _service.moveToThread(app.thread())
    return _service
