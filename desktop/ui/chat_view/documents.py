"""DocumentCache: the rendered documents of messages, kept while they are likely to be shown.

Least recently used renderings are dropped beyond a count and a text budget, never those of
visible or streaming messages, so memory stays bounded however long the history is.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator

from PySide6.QtGui import QFont, QGuiApplication

from desktop.core.rendering.citation_marks import cited_markdown
from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.store.models import Message, MessageStatus, Role
from desktop.ui.chat_view.diagrams import add_diagram_hook
from desktop.ui.chat_view.math_images import DocumentFormulas, FormulaStyle, MathImages
from desktop.ui.chat_view.model import MessageRow
from desktop.ui.chat_view.rich_text_content import RichTextContent
from desktop.ui.chat_view.styles import chat_document_stylesheet, code_style
from desktop.ui.theme import current_colors

CACHE_LIMIT = 150  # rendered messages kept besides the visible and streaming ones
CACHE_CHARS = 120_000  # ... holding at most this much text (~100 bytes of document a char)


def copy_label() -> str:
    """The text of a code block's Copy link, in the current language."""
    return QGuiApplication.translate("ChatView", "Copy")


class DocumentCache:
    """Rendered body and thinking documents per message id, least recently used dropped."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.copy_label = copy_label()
        self.math = MathImages()  # formulas typeset off the UI thread, cached
        self.set_colours(current_colors())
        self._bodies: OrderedDict[int, RichTextContent] = OrderedDict()
        self._thinking: OrderedDict[int, RichTextContent] = OrderedDict()
        self.built = 0  # contents built (tests check that only visible rows are)

    def set_colours(self, colours: dict[str, str]) -> None:
        """Use these palette colours (and the Copy label) for documents built from now on."""
        self.code_style = code_style(colours)
        self._renderer = add_diagram_hook(
            MarkdownRenderer(code_style=self.code_style, copy_label=self.copy_label))
        self._stylesheet = chat_document_stylesheet(colours)
        self._thinking_stylesheet = chat_document_stylesheet(colours, muted=True)
        self._formulas = DocumentFormulas(
            self.math, FormulaStyle(colours["text"], colours["sidebar"])
        )
        self._thinking_formulas = DocumentFormulas(
            self.math, FormulaStyle(colours["muted"], colours["sidebar"])
        )

    def body(self, row: MessageRow) -> RichTextContent:
        message = row.message
        content = self._bodies.get(message.id)
        if content is None:
            streaming = message.status == MessageStatus.STREAMING
            content = RichTextContent(
                self._renderer, self._stylesheet, self.font, defer_highlight=streaming,
                formulas=self._formulas,
            )
            content.message_id = message.id
            self.built += 1
            if message.role == Role.USER:
                content.set_plain_text(message.text)
            elif message.status == MessageStatus.STREAMING:
                # Deltas are appended to it as they come (with the citation numbers placed
                # so far when it was opened again mid-stream: see live_reply_for).
                content.append(body_markdown(message))
            else:
                content.build(body_markdown(message))
            self._bodies[message.id] = content
        self._bodies.move_to_end(message.id)
        return content

    def thinking(self, row: MessageRow, *, streamed: bool = False) -> RichTextContent | None:
        """The Thinking section's rendering; None without reasoning (`streamed`: some
        reasoning is arriving now, so make the section for it)."""
        message = row.message
        if not message.reasoning and not streamed and message.id not in self._thinking:
            return None
        content = self._thinking.get(message.id)
        if content is None:
            streaming = message.status == MessageStatus.STREAMING
            content = RichTextContent(
                self._renderer, self._thinking_stylesheet, self.font, defer_highlight=streaming,
                formulas=self._thinking_formulas,
            )
            content.message_id = message.id
            if streaming:
                content.append(message.reasoning)  # deltas are appended as they come
            else:
                content.build(message.reasoning)
            self._thinking[message.id] = content
        self._thinking.move_to_end(message.id)
        return content

    def forget_changed(self, messages: list[Message]) -> None:
        """Drop cached renderings that no longer match these messages (or may still grow)."""
        by_id = {message.id: message for message in messages}
        for message_id, content in list(self._bodies.items()):
            message = by_id.get(message_id)
            if message is None:
                continue
            if message.status == MessageStatus.STREAMING or (
                message.role != Role.USER
                and not same_text(content.text, body_markdown(message))
            ):
                self.drop(message_id)

    def contents(self) -> Iterator[RichTextContent]:
        """Every cached rendering (bodies, then Thinking sections)."""
        yield from list(self._bodies.values())
        yield from list(self._thinking.values())

    def cached_body(self, message_id: int) -> RichTextContent | None:
        return self._bodies.get(message_id)

    def cached_thinking(self, message_id: int) -> RichTextContent | None:
        return self._thinking.get(message_id)

    def drop(self, message_id: int) -> None:
        self._bodies.pop(message_id, None)
        self._thinking.pop(message_id, None)

    def drop_all_except(self, keep: set[int]) -> None:
        """Forget every rendering but those of `keep` (e.g. after a theme change)."""
        for message_id in [mid for mid in self._bodies if mid not in keep]:
            self.drop(message_id)
        for message_id in [mid for mid in self._thinking if mid not in keep]:
            self.drop(message_id)

    def clear(self) -> None:
        self._bodies.clear()
        self._thinking.clear()

    def trim(self, keep: set[int]) -> None:
        """Drop least recently used contents beyond the limits, never those in `keep`."""
        for cache in (self._bodies, self._thinking):
            count = 0
            chars = 0
            for message_id in reversed(list(cache)):  # newest use first
                if message_id in keep:
                    continue
                count += 1
                chars += cache[message_id].size
                if count > CACHE_LIMIT or chars > CACHE_CHARS:
                    del cache[message_id]

    def __len__(self) -> int:
        return len(self._bodies)




def body_markdown(message: Message) -> str:
    """A reply's Markdown as shown: its text with the citation numbers placed in it."""
    if not message.citations:
        return message.text
    streaming = message.status == MessageStatus.STREAMING  # (opened again mid-stream)
    return cited_markdown(message.text, message.citations, streaming=streaming)


def same_text(shown: str, stored: str) -> bool:
    """Whether a rendered text (line endings normalised) is the stored text."""
    return shown == stored.replace("\r\n", "\n").replace("\r", "\n")
