"""Math in the real window: a streamed reply with 50 inline and 10 display formulas."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QHelpEvent, QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.rendering.math_html import parse_math_name
from desktop.core.rendering.math_spans import find_math
from desktop.ui import theme
from desktop.ui.chat_view.rich_text import RichTextView
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_provider import FakeProvider

SHOTS = Path("/work/shots")
BAD = "$\\frac{1}{$"


def math_reply() -> str:
    """50 inline formulas, 10 display ones, one broken formula and currency text."""
    inline = [
        f"$x_{{{n}}}^2$" if n % 5 else f"\\(\\frac{{a_{{{n}}}}}{{b}}\\)" for n in range(50)
    ]
    display = [
        f"$$\n\\sum_{{k=1}}^{{{n}}} k = \\frac{{{n}({n}+1)}}{{2}}\n$$" if n % 2 else
        f"\\[\n\\begin{{pmatrix}} {n} & 0 \\\\ 0 & 1 \\end{{pmatrix}}\n\\]"
        for n in range(10)
    ]
    paragraphs = []
    for number in range(10):
        words = " and ".join(inline[number * 5 : number * 5 + 5])
        paragraphs.append(f"Step {number}: we combine {words} to get the result.")
        paragraphs.append(display[number])
    paragraphs.append(f"It costs $5 and $10, see `$PATH`; a broken one: {BAD} stays code.")
    return "\n\n".join(paragraphs) + "\n"


def math_images(doc: QTextDocument) -> list[str]:
    names = []
    block = doc.firstBlock()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            if fmt.isImageFormat() and parse_math_name(fmt.toImageFormat().name()):
                names.append(fmt.toImageFormat().name())
            fragments += 1
        block = block.next()
    return names


def ink(pixmap: QPixmap) -> list[QColor]:
    """The opaque pixels of an image (the formula's strokes)."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return [
        QColor.fromRgba(image.pixel(x, y))
        for y in range(image.height()) for x in range(image.width())
        if QColor.fromRgba(image.pixel(x, y)).alpha() > 200
    ]


def image_point(view: RichTextView, name: str) -> QPoint:
    """Widget coordinates of the middle of the formula image `name`."""
    assert view.content is not None
    tops = view.content.tops()
    for index, doc in enumerate(view.content.documents()):
        block = doc.firstBlock()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat() and fmt.toImageFormat().name() == name:
                    offset = fragment.position() - block.position()
                    line = block.layout().lineForTextPosition(offset)
                    origin = doc.documentLayout().blockBoundingRect(block).topLeft()
                    x = line.cursorToX(offset)[0] + 3
                    y = line.y() + line.height() / 2
                    return QPoint(int(origin.x() + x), int(tops[index] + origin.y() + y))
                fragments += 1
            block = block.next()
    raise AssertionError(f"no image {name}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_reply_with_60_formulas(
    chat: ChatWindow, fake_provider: FakeProvider, scheme: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, scheme)
    try:
        check_reply(chat, fake_provider, scheme)
    finally:
        theme.apply_theme(app, "light")  # as the other tests expect


def check_reply(chat: ChatWindow, fake_provider: FakeProvider, scheme: str) -> None:
    reply_text = math_reply()
    spans = find_math(reply_text)
    assert (sum(not s.block for s in spans), sum(s.block for s in spans)) == (51, 10)
    fake_provider.default_text = reply_text
    chat.window.resize(1100, 900)
    chat.type_and_send("Show me some sums")
    chat.wait(chat.idle)
    view = chat.window.chat.chat_view
    view.flush()
    math = view.area.cache.math
    reply = chat.path()[-1]

    def drawn() -> bool:
        """All 61 formulas typeset (in the child process) and in the documents: no blank
        placeholder left. (The image cache is shared by windows, so its size says little.)"""
        cached = view.area.cache.cached_body(reply.id)
        if cached is None or math.pending:
            return False
        docs = cached.documents()
        found = [(doc, name) for doc in docs for name in math_images(doc)]
        return len(found) == 61 and all(
            ink(doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(name)))
            for doc, name in found[:12])

    chat.wait(drawn, timeout=60)
    body = view.area.cache.cached_body(reply.id)
    assert body is not None
    # The streamed rendering is the rendering of the complete text.
    assert body.html == MarkdownRenderer(copy_label="Copy").render(reply_text)

    # Every formula is an image in the documents, drawn in the theme's text colour.
    names = [name for doc in body.documents() for name in math_images(doc)]
    assert len(names) == 61
    text_colour = QColor(theme.current_colors()["text"])
    widget = view.area.bound_widget(reply.id)
    assert widget is not None
    docs = body.documents()
    for name in names[:12]:
        doc = next(doc for doc in docs if name in math_images(doc))
        pixmap = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert isinstance(pixmap, QPixmap) and pixmap.width() > 4
        strokes = ink(pixmap)
        assert strokes, name
        darkest = min(strokes, key=lambda c: abs(c.lightness() - text_colour.lightness()))
        assert abs(darkest.lightness() - text_colour.lightness()) < 40, (scheme, name)

    if SHOTS.is_dir():  # to look at: the top and the end of the reply
        chat.window.grab().save(str(SHOTS / f"math-{scheme}-end.png"))
        number = view.model.row_of(reply.id)
        assert number is not None
        view.area.scroll_to_row(number)  # (scroll_to_message would tint the card)
        chat.wait(lambda: math.pending == 0)
        chat.window.grab().save(str(SHOTS / f"math-{scheme}.png"))

    # Selecting and copying gives the LaTeX with its delimiters.
    widget.body.select_all()
    widget.body.copy_selection()
    copied = QGuiApplication.clipboard().text()
    assert "\ufffc" not in copied
    for span in spans:
        assert span.source in copied
    assert "It costs $5 and $10" in copied

    # The broken formula shows its source in code style, its error on hover.
    bad_name = next(name for name in names if parse_math_name(name).source == BAD)
    found = widget.body.formula_at(image_point(widget.body, bad_name))
    assert found is not None and found[1].source == BAD
    point = image_point(widget.body, bad_name)
    help_event = QHelpEvent(QEvent.Type.ToolTip, point, widget.body.mapToGlobal(point))
    widget.body.event(help_event)
    assert "formula" in QToolTip.text() or "Error" in QToolTip.text()

    # Copy LaTeX and Copy as MathML (what the context menu's actions do).
    first = next(name for name in names if parse_math_name(name).source == "$x_{1}^2$")
    found = widget.body.formula_at(image_point(widget.body, first))
    assert found is not None
    widget.body.copy_formula(found[1], mathml=False)
    assert QGuiApplication.clipboard().text() == "$x_{1}^2$"
    widget.body.copy_formula(found[1], mathml=True)
    assert QGuiApplication.clipboard().text().startswith("<math")
