"""What a reply carries besides its text: a refusal block, its sources, its usage details.

`RefusalBlock` shows a model's refusal apart from the answer (kept when the reply also has
text); `SourceList` numbers the sources the reply cites, the same numbers as the superscripts
in the text, and opens one in the browser when clicked (http and https only);
`usage_tooltip` is the footer's hover text: the provider's whole usage object.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desktop.core.citations import Source, numbered_sources, safe_url
from desktop.core.reply_parts import Usage
from desktop.core.store.models import Message
from desktop.ui.chat_view.model import LiveReply

MAX_SOURCES_SHOWN = 100
MAX_REFUSAL_SHOWN = 20_000  # characters (a stored refusal is capped alike)
TITLE_WIDTH_PX = 520  # a long title is elided to about this width



def open_source(url: str) -> bool:
    """Open a cited address in the system browser; anything but http(s) is refused."""
    if safe_url(url) is None:
        return False
    return bool(QDesktopServices.openUrl(QUrl(url)))


class _SizedBlock(QFrame):
    """A block whose height can change after its card was measured (a style sheet applied
    later, a font change): it says so, and the card is measured again."""

    size_changed = Signal()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if (event.type() == QEvent.Type.LayoutRequest and self.isVisible()
                and self.heightForWidth(self.width()) > self.height()):
            self.size_changed.emit()
        return handled


class RefusalBlock(_SizedBlock):
    """A muted, bordered block: a "Refused" label with an icon, then the model's words."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("refusalBox")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)
        self.icon = QLabel("⊘", self)
        self.icon.setObjectName("refusalIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(2)
        self.title = QLabel(self)
        self.title.setObjectName("refusalTitle")
        self.text = QLabel(self)
        self.text.setObjectName("refusalText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.title)
        column.addWidget(self.text)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(column, 1)
        self.hide()

    def show_refusal(self, refusal: str | None) -> None:
        """Show `refusal` ('' : refused without words); None hides the block."""
        self.setVisible(refusal is not None)
        if refusal is None:
            return
        self.title.setText(QCoreApplication.translate("ReplyExtras", "Refused"))
        shown = refusal.strip()[:MAX_REFUSAL_SHOWN]
        self.text.setText(shown or QCoreApplication.translate(
            "ReplyExtras", "The model declined to answer."))
        refused = QCoreApplication.translate("ReplyExtras", "Refused")
        self.setAccessibleName(refused + ": " + self.text.text()[:500])


class SourceList(_SizedBlock):
    """The reply's sources: "[n] Title · host" links; a click opens the address."""

    opened = Signal(str)  # the address that was opened

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("sourceList")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 2, 0, 2)
        self._layout.setSpacing(0)
        self.heading = QLabel(self)
        self.heading.setObjectName("sourcesTitle")
        self._layout.addWidget(self.heading)
        self.buttons: list[QToolButton] = []
        self.sources: list[Source] = []
        self.hide()

    def show_sources(self, sources: Sequence[Source]) -> None:
        self.sources = list(sources[:MAX_SOURCES_SHOWN])
        self.setVisible(bool(self.sources))
        self.heading.setText(QCoreApplication.translate("ReplyExtras", "Sources"))
        while len(self.buttons) < len(self.sources):
            button = QToolButton(self)
            button.setObjectName("sourceLink")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            number = len(self.buttons)
            button.clicked.connect(lambda _=False, number=number: self.open(number + 1))
            self.buttons.append(button)
            self._layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        metrics = QFontMetrics(self.font())
        for index, button in enumerate(self.buttons):
            if index >= len(self.sources):
                button.hide()
                continue
            source = self.sources[index]
            title = metrics.elidedText(
                source.title or source.host, Qt.TextElideMode.ElideRight, TITLE_WIDTH_PX
            )
            text = f"[{source.number}]  {title}"
            if source.title and source.host:
                text += f"  ·  {source.host}"
            button.setText(text)
            button.setToolTip(source.url)
            button.setAccessibleName(f"{source.number}: {source.title or source.host}")
            button.show()

    def open(self, number: int) -> bool:
        """Open source `number` (1-based) in the browser."""
        for source in self.sources:
            if source.number == number:
                if open_source(source.url):
                    self.opened.emit(source.url)
                    return True
                return False
        return False


def show_extras(refusal: RefusalBlock, sources: SourceList, message: Message,
                live: LiveReply | None) -> bool:
    """Show a reply's refusal and sources (the streaming ones until the reply is stored
    with its own); True if that changed."""
    before = (refusal.text.text(), refusal.isHidden(), sources.sources)
    live_refusal = live.refusal if live is not None else None
    refusal.show_refusal(live_refusal if live_refusal is not None else message.refusal)
    live_citations = live.citations if live is not None else []
    sources.show_sources(numbered_sources(message.citations or live_citations)[0])
    return before != (refusal.text.text(), refusal.isHidden(),
                      sources.sources)


def footer_usage(usage: Usage | None) -> list[str]:
    """The footer's extra token counts: cached prompt tokens and reasoning tokens, when told."""
    parts: list[str] = []
    if usage is None:
        return parts
    if usage.cached_tokens:
        parts.append(QCoreApplication.translate("ReplyExtras", "{0} cached")
                     .format(usage.cached_tokens))
    if usage.reasoning_tokens:
        parts.append(QCoreApplication.translate("ReplyExtras", "{0} reasoning")
                     .format(usage.reasoning_tokens))
    return parts


def usage_tooltip(usage: Usage | None) -> str:
    """The provider's whole usage object, pretty-printed (rich text, escaped), or ''."""
    if usage is None:
        return ""
    shown: object = None
    if usage.raw:
        try:
            shown = json.loads(usage.raw)
        except ValueError:
            shown = None
    if shown is None:
        shown = {name: getattr(usage, name) for name in (
            "prompt_tokens", "completion_tokens", "total_tokens", "reasoning_tokens",
            "cached_tokens") if getattr(usage, name) is not None}
    if not shown:
        return ""
    pretty = json.dumps(shown, indent=2, ensure_ascii=False)
    heading = QCoreApplication.translate("ReplyExtras", "Token usage")
    return (f"<b>{html.escape(heading)}</b>"
            f"<pre style='margin:0'>{html.escape(pretty)}</pre>")
