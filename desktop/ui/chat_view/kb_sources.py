"""Knowledge-base sources under a reply: numbered chips, and the passage behind each one.

`KbSourceChips` paints one small chip per passage the reply was given ("1  report.pdf · p. 3"),
wrapping to more rows when the card is narrow; its height follows its width, so the card
is measured exactly. A click asks for the passage (`passage_requested`); `PassageDialog`
shows it with its file and page and a button that opens the file with the system viewer.
The file to open is looked up by the caller in the knowledge base itself, never taken from
the reply's text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.passages import Passage
from desktop.ui import theme

MAX_CHIPS = 50
CHIP_HEIGHT = 26
GAP = 6
HEADING_HEIGHT = 20
MAX_CHIP_WIDTH = 260
MAX_PASSAGE_CHARS = 20_000


@dataclass(frozen=True)
class ShownSource:
    """One passage a reply was given, with its number under the reply (1-based)."""

    number: int
    passage: Passage

    @property
    def file_name(self) -> str:
        return self.passage.file_name

    @property
    def page(self) -> int | None:
        return self.passage.page


def numbered(passages: Sequence[Passage]) -> tuple[ShownSource, ...]:
    """The passages numbered as the request numbered them (their order)."""
    return tuple(ShownSource(n, p) for n, p in enumerate(passages[:MAX_CHIPS], start=1))


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as it is (Qt would read a text with tags as HTML)."""
    return f"<p>{html.escape(text[:1000])}</p>"


def chip_label(source: ShownSource, page_text: str) -> str:
    """"report.pdf · p. 3" (the number is painted apart)."""
    name = source.file_name or "?"
    return f"{name} · {page_text}" if source.page else name


class KbSourceBook(QObject):
    """The knowledge-base sources of the shown messages, as the store keeps them.

    The window's knowledge wiring fills it (a conversation shown, a reply's sources
    stored); the cards read it when they are bound, and a change re-measures the card.
    """

    changed = Signal(int)  # message id whose sources changed
    passage_requested = Signal(object)  # ShownSource: a chip was clicked

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sources: dict[int, tuple[Passage, ...]] = {}

    def of(self, message_id: int) -> tuple[Passage, ...]:
        return self._sources.get(message_id, ())

    def set_sources(self, message_id: int, passages: Sequence[Passage]) -> None:
        shown = tuple(passages[:MAX_CHIPS])
        if self._sources.get(message_id, ()) == shown:
            return
        if shown:
            self._sources[message_id] = shown
        else:
            self._sources.pop(message_id, None)
        self.changed.emit(message_id)

    def forget_all_but(self, message_ids: set[int]) -> None:
        """Drop the sources of messages no longer shown (another conversation opened)."""
        for message_id in [m for m in self._sources if m not in message_ids]:
            del self._sources[message_id]


class KbSourceChips(QWidget):
    """A reply's knowledge-base passages as numbered chips; a click asks for one."""

    passage_requested = Signal(object)  # ShownSource

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kbSourceChips")
        self.sources: tuple[ShownSource, ...] = ()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setMouseTracking(True)
        self._hover = -1
        self._focus = 0
        self.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Knowledge base sources"))
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_passages(self, passages: Sequence[Passage]) -> bool:
        """Show `passages` numbered; True if what is shown changed (the card is measured
        again)."""
        shown = numbered(passages)
        if shown == self.sources:
            return False
        self.sources = shown
        self._hover = -1
        self._focus = 0
        self.setVisible(bool(shown))
        self.setAccessibleDescription(", ".join(
            f"{s.number}: {self.label(s)}" for s in shown))
        self.updateGeometry()
        self.update()
        return True

    # ----------------------------------------------------------------- geometry

    def page_text(self, page: int | None) -> str:
        return self.tr("p. {0}").format(page) if page else ""

    def label(self, source: ShownSource) -> str:
        return chip_label(source, self.page_text(source.page))

    def _number_font(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def chip_width(self, source: ShownSource) -> int:
        metrics = self.fontMetrics()
        number = QFontMetrics(self._number_font()).horizontalAdvance(str(source.number))
        wanted = 4 + max(number + 10, 18) + 7 + metrics.horizontalAdvance(
            self.label(source)) + 12
        return min(MAX_CHIP_WIDTH, wanted)

    def chip_rects(self, width: int) -> list[QRect]:
        """Where each chip goes at `width`: left to right, wrapping below the heading."""
        rects: list[QRect] = []
        x, y = 0, HEADING_HEIGHT
        for source in self.sources:
            w = min(self.chip_width(source), max(width, 80))
            if x > 0 and x + w > width:
                x, y = 0, y + CHIP_HEIGHT + GAP
            rects.append(QRect(x, y, w, CHIP_HEIGHT))
            x += w + GAP
        return rects

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rects = self.chip_rects(width)
        return rects[-1].bottom() + 1 if rects else 0

    def sizeHint(self) -> QSize:
        width = max(self.width(), 200)
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self.heightForWidth(event.size().width()) != event.size().height():
            self.updateGeometry()
        super().resizeEvent(event)

    def index_at(self, point: QPoint) -> int:
        for index, rect in enumerate(self.chip_rects(self.width())):
            if rect.contains(point):
                return index
        return -1

    # ----------------------------------------------------------------- painting and input

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = theme.current_colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(self.font())
        small.setBold(True)
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.85))
        painter.setFont(small)
        painter.setPen(QColor(colors["muted"]))
        painter.drawText(QRect(0, 0, self.width(), HEADING_HEIGHT - 4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.tr("From your knowledge bases"))
        focused = self.hasFocus()
        for index, (source, rect) in enumerate(zip(self.sources, self.chip_rects(self.width()),
                                                   strict=True)):
            self._paint_chip(painter, colors, source, rect,
                             hovered=index == self._hover,
                             focused=focused and index == self._focus)
        painter.end()

    def _paint_chip(self, painter: QPainter, colors: dict[str, str], source: ShownSource,
                    rect: QRect, *, hovered: bool, focused: bool) -> None:
        accent = QColor(colors["accent"])
        painter.setPen(accent if hovered or focused else QColor(colors["border"]))
        painter.setBrush(QColor(colors["hover" if hovered else "sidebar"]))
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 13, 13)
        number = str(source.number)
        number_font = self._number_font()
        number_width = max(QFontMetrics(number_font).horizontalAdvance(number) + 10, 18)
        badge = QRectF(rect.left() + 4, rect.top() + 4, number_width, rect.height() - 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setFont(number_font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, number)
        left = int(badge.right()) + 7
        text = QRect(left, rect.top(), rect.right() - left - 9, rect.height())
        painter.setFont(self.font())
        painter.setPen(QColor(colors["text"]))
        shown = painter.fontMetrics().elidedText(self.label(source),
                                                 Qt.TextElideMode.ElideMiddle, text.width())
        painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().toPoint())
        if index != self._hover:
            self._hover = index
            if index >= 0:
                source = self.sources[index]
                self.setToolTip(plain_tooltip(self.tr("Show passage {0} from {1}").format(
                    source.number, source.passage.knowledge_base)))
            else:
                self.setToolTip("")
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index >= 0:
            self.show_passage(self.sources[index].number)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.sources and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if key == Qt.Key.Key_Right else -1
            self._focus = (self._focus + step) % len(self.sources)
            self.update()
            return
        if self.sources and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.show_passage(self.sources[min(self._focus, len(self.sources) - 1)].number)
            return
        super().keyPressEvent(event)

    def show_passage(self, number: int) -> bool:
        """Ask for passage `number` (as numbered under the reply)."""
        for source in self.sources:
            if source.number == number:
                self.passage_requested.emit(source)
                return True
        return False


class PassageDialog(QDialog):
    """One passage with its knowledge base, file and page; Open file shows the whole file."""

    open_requested = Signal(object)  # ShownSource

    def __init__(self, source: ShownSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kbPassageDialog")
        self.source = source
        self.resize(560, 380)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(8)
        head = QHBoxLayout()
        head.setSpacing(10)
        self.number = QLabel(str(source.number))
        self.number.setObjectName("kbPassageNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setMinimumSize(26, 26)
        head.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.file_label = QLabel()
        self.file_label.setObjectName("kbPassageFile")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.where = QLabel()
        self.where.setObjectName("kbPassageWhere")
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        titles.addWidget(self.file_label)
        titles.addWidget(self.where)
        head.addLayout(titles, 1)
        layout.addLayout(head)
        self.text = QPlainTextEdit()
        self.text.setObjectName("kbPassageText")
        self.text.setReadOnly(True)
        self.text.setPlainText(source.passage.text[:MAX_PASSAGE_CHARS])
        layout.addWidget(self.text, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton()
        self.open_button.setObjectName("kbOpenFile")
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.source))
        layout.addWidget(self.buttons)
        self._style()
        self.retranslate_ui()

    def _style(self) -> None:
        colors = theme.current_colors()
        self.setStyleSheet(
            f"QLabel#kbPassageNumber {{ background: {colors['accent']}; color: #ffffff;"
            " border-radius: 13px; font-weight: 700; padding: 0 6px; }"
            "QLabel#kbPassageFile { font-size: 11pt; font-weight: 600; }"
            f"QLabel#kbPassageWhere {{ color: {colors['muted']}; }}"
            f"QPlainTextEdit#kbPassageText {{ background: {colors['sidebar']};"
            f" border: 1px solid {colors['border']}; border-radius: 8px; padding: 8px;"
            f" color: {colors['text']}; }}")

    def retranslate_ui(self) -> None:
        source = self.source
        self.setWindowTitle(self.tr("Source {0}").format(source.number))
        self.file_label.setText(source.file_name)
        self.file_label.setToolTip(plain_tooltip(source.passage.path))
        bits = [self.tr("Knowledge base: {0}").format(source.passage.knowledge_base)]
        if source.page:
            bits.append(self.tr("page {0}").format(source.page))
        bits.append(self.tr("similarity {0}").format(f"{source.passage.score:.2f}"))
        self.where.setText(" · ".join(bits))
        self.open_button.setText(self.tr("Open file"))
        self.open_button.setToolTip(plain_tooltip(self.tr(
            "Open {0} with the system viewer").format(source.file_name)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
