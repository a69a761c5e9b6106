"""Formulas in headings, formulas wider than the view, citations while streaming, and the
render processes ending with the window (issue 16), in the real window."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QPaintEvent, QPixmap, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.rendering.math_html import parse_math_name
from desktop.core.rendering.mermaid import shared_process
from desktop.core.store.models import MessageStatus
from desktop.ui import theme
from desktop.ui.chat_view.diagrams import add_diagram_hook
from desktop.ui.chat_view.documents import body_markdown
from desktop.ui.chat_view.formula_viewer import FormulaViewer
from desktop.ui.chat_view.rich_text_content import RichTextContent
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_provider import FakeProvider, Reply
from tests.ui.test_math_window import image_point, math_images

SHOTS = Path("/work/shots")
IMAGE = QTextDocument.ResourceType.ImageResource
WIDE = "$$\n" + " + ".join(f"\\frac{{x_{{{n}}}^2}}{{y_{{{n}}} + {n}}}" for n in range(24)) + "\n$$"
HEADED = f"## Energy $E=mc^2$ in a heading\n\nThe same $E=mc^2$ in the text.\n\n{WIDE}\n\nEnd.\n"


def _shot(chat: ChatWindow, name: str) -> None:
    if SHOTS.is_dir():
        chat.window.grab().save(str(SHOTS / f"math-{name}.png"))


def _reply_body(chat: ChatWindow) -> RichTextContent:
    view = chat.window.chat.chat_view
    view.flush()
    body = view.area.cache.cached_body(chat.path()[-1].id)
    assert body is not None
    return body


def _pixmaps(body: RichTextContent) -> dict[str, tuple[QTextDocument, QPixmap]]:
    found: dict[str, tuple[QTextDocument, QPixmap]] = {}
    for doc in body.documents():
        for name in math_images(doc):
            pixmap = doc.resource(IMAGE, QUrl(name))
            assert isinstance(pixmap, QPixmap)
            found[name] = (doc, pixmap)
    return found


def _typeset(chat: ChatWindow, count: int) -> None:
    math = chat.window.chat.chat_view.area.cache.math

    def done() -> bool:
        view = chat.window.chat.chat_view
        view.flush()
        body = view.area.cache.cached_body(chat.path()[-1].id)
        return body is not None and math.settled and len(_pixmaps(body)) == count

    chat.wait(done, timeout=60)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_heading_formulas_and_a_wide_formula(
    chat: ChatWindow, fake_provider: FakeProvider, qtbot: QtBot, scheme: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, scheme)
    try:
        fake_provider.default_text = HEADED
        chat.window.resize(900, 800)
        chat.type_and_send("Formulas, please")
        chat.wait(chat.idle)
        _typeset(chat, 3)
        body = _reply_body(chat)
        pixmaps = _pixmaps(body)
        spans = {name: parse_math_name(name) for name in pixmaps}
        (heading,) = [n for n, s in spans.items() if s is not None and s.heading == 2]
        (text,) = [n for n, s in spans.items() if s is not None and s.source == "$E=mc^2$"
                   and not s.heading]
        (wide,) = [n for n, s in spans.items() if s is not None and s.block]
        # The heading's formula follows the heading's font size.
        heading_size = pixmaps[heading][1].deviceIndependentSize()
        text_size = pixmaps[text][1].deviceIndependentSize()
        assert heading_size.height() > text_size.height() * 1.3
        assert heading_size.width() > text_size.width() * 1.3

        # The wide one is scaled down to the text width; the whole one is at hand.
        doc, shown = pixmaps[wide]
        math = chat.window.chat.chat_view.area.cache.math
        full = math.full_size(doc, wide)
        assert full is not None
        assert shown.deviceIndependentSize().width() <= doc.textWidth() + 1
        assert full.deviceIndependentSize().width() > doc.textWidth() * 1.5
        _shot(chat, f"heading-wide-{scheme}")
        narrow = shown.deviceIndependentSize().width()

        # It fits again when the view gets wider (and never grows past its full size).
        chat.window.resize(1300, 800)
        chat.wait(lambda: _pixmaps(_reply_body(chat))[wide][1].deviceIndependentSize().width()
                  > narrow + 100)
        doc, shown = _pixmaps(_reply_body(chat))[wide]
        assert shown.deviceIndependentSize().width() <= doc.textWidth() + 1

        # A click on it shows it at full size.
        card = chat.window.chat.chat_view.area.bound_widget(chat.path()[-1].id)
        assert card is not None
        point = image_point(card.body, wide)
        assert card.body.full_formula_at(point) is not None
        qtbot.mouseClick(card.body, Qt.MouseButton.LeftButton, pos=point)
        viewers = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, FormulaViewer) and w.isVisible()]
        assert len(viewers) == 1
        picture = viewers[0].picture.pixmap()
        assert picture.deviceIndependentSize().width() == full.deviceIndependentSize().width()
        viewers[0].close()
    finally:
        theme.apply_theme(app, "light")


STREAMED = ("Paris has a tall tower. The Eiffel Tower is 330 metres tall. "
            "It was finished in 1889 for the World's Fair, and $E=mc^2$ still holds. ")
TOWER = STREAMED.index(" It was")


def _cited_stream() -> Reply:
    """OpenAI chat deltas with a url_citation annotation that arrives mid-stream."""
    words = STREAMED.split(" ")
    first = [{"choices": [{"index": 0, "delta": {"content": w if n == 0 else " " + w}}]}
             for n, w in enumerate(words)]
    annotation = {"type": "url_citation", "url_citation": {
        "url": "https://en.wikipedia.org/wiki/Eiffel_Tower", "title": "Eiffel Tower",
        "start_index": STREAMED.index("The Eiffel"), "end_index": TOWER}}
    middle = len(" ".join(words[:14]))
    assert middle > TOWER
    events: list[str | dict[str, Any]] = [
        {"id": "c", "model": "fake-model", **event} for event in first[:14]]
    events.append({"id": "c", "model": "fake-model",
                   "choices": [{"index": 0, "delta": {"annotations": [annotation]}}]})
    events += [{"id": "c", "model": "fake-model", **event} for event in first[14:]]
    events.append({"id": "c", "model": "fake-model",
                   "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    return Reply.sse(events, delay=0.06)


def test_citations_show_while_the_reply_streams(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    fake_provider.script("/chat/completions", _cited_stream())
    chat.type_and_send("How tall is the Eiffel Tower?")
    view = chat.window.chat.chat_view
    seen: list[str] = []

    def cited_while_streaming() -> bool:
        view.flush()
        path = chat.path() if chat.parts.state.conversation_id is not None else []
        if len(path) < 2 or path[-1].status is not MessageStatus.STREAMING:
            return False
        card = view.area.bound_widget(path[-1].id)
        body = view.area.cache.cached_body(path[-1].id)
        if card is None or body is None or "cite:1" not in body.html:
            return False
        seen.extend(b.text() for b in card.source_list.buttons if b.isVisible())
        return True

    chat.wait(cited_while_streaming, timeout=20)
    assert seen == ["[1]  Eiffel Tower  ·  en.wikipedia.org"]
    _shot(chat, "citations-streaming")
    chat.wait(lambda: chat.idle() and chat.path()[-1].status is MessageStatus.COMPLETE)
    reply = chat.path()[-1]
    assert reply.text == STREAMED and len(reply.citations) == 1
    body = _reply_body(chat)
    # The final state is the rendering of the stored message.
    renderer = add_diagram_hook(MarkdownRenderer(copy_label="Copy"))
    assert body.html == renderer.render(body_markdown(reply))
    assert body.html.index("cite:1") < body.html.index("It was")


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


def test_render_processes_end_with_the_window(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    fake_provider.default_text = (
        "A formula $x^2 + y^2$ and a diagram:\n\n```mermaid\nflowchart LR\n  A --> B\n```\n")
    chat.type_and_send("Both, please")
    chat.wait(chat.idle)
    math = chat.window.chat.chat_view.area.cache.math
    chat.wait(lambda: math.typeset_count >= 1 and math.pending == 0, timeout=60)
    process = math._process
    assert process is not None
    children = process.children
    assert children and all(_alive(pid) for pid in children)
    mermaid = shared_process()
    chat.wait(lambda: mermaid._process is not None, timeout=30)
    assert mermaid._process is not None
    mermaid_pid = mermaid._process.pid
    chat.close()
    assert not any(_alive(pid) for pid in children)
    assert not _alive(mermaid_pid)
    assert os.getpid() not in children


def _annotated_stream(text: str, ends: list[tuple[int, str]]) -> Reply:
    """`text` as OpenAI chat deltas of 40 characters, with one url_citation per (end, url)
    sent half-way through the stream."""
    pieces = [text[start:start + 40] for start in range(0, len(text), 40)]
    events: list[str | dict[str, Any]] = [
        {"id": "m", "model": "fake-model", "choices": [{"index": 0, "delta": {"content": p}}]}
        for p in pieces]
    annotations = [{"type": "url_citation", "url_citation": {
        "url": url, "title": url.rsplit("/", 1)[-1], "start_index": 0, "end_index": end}}
        for end, url in ends]
    events.insert(len(events) // 2, {"id": "m", "model": "fake-model", "choices": [
        {"index": 0, "delta": {"annotations": annotations}}]})
    events.append({"id": "m", "model": "fake-model",
                   "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    return Reply.sse(events, delay=0.002)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_formulas_diagrams_and_citations_in_one_reply(
    chat: ChatWindow, fake_provider: FakeProvider, scheme: str
) -> None:
    from desktop.ui.chat_view.diagrams import DIAGRAM_IMAGE_PREFIX, PENDING_MARK, diagram_service
    from tests.ui.test_math_window import math_reply
    from tests.ui.test_mermaid_window import REPLY as DIAGRAMS

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, scheme)
    try:
        text = math_reply() + "\n" + DIAGRAMS
        first = text.index(" to get the result.")
        ends = [(first, "https://example.org/sums"),
                (text.index("That is all."), "https://example.org/flows")]
        fake_provider.script("/chat/completions", _annotated_stream(text, ends))
        chat.window.resize(1200, 900)
        chat.type_and_send("Sums and diagrams, with sources")
        chat.wait(lambda: chat.idle() and chat.path()[-1].status is MessageStatus.COMPLETE,
                  timeout=30)
        reply = chat.path()[-1]
        assert reply.text == text and len(reply.citations) == 2
        view = chat.window.chat.chat_view
        body = _reply_body(chat)
        math = view.area.cache.math
        chat.wait(lambda: not diagram_service().busy and PENDING_MARK not in body.html
                  and not body.highlight_pending and math.settled, timeout=60)
        body = _reply_body(chat)
        assert len(_pixmaps(body)) == 61
        assert body.html.count(DIAGRAM_IMAGE_PREFIX) == 2
        assert body.html.count('href="cite:') == 2
        renderer = add_diagram_hook(MarkdownRenderer(copy_label="Copy"))
        assert body.html == renderer.render(body_markdown(reply))
        card = view.area.bound_widget(reply.id)
        assert card is not None
        assert [b.text() for b in card.source_list.buttons if b.isVisible()] == [
            "[1]  sums  ·  example.org", "[2]  flows  ·  example.org"]
        view.area.scroll_to_end()
        chat.wait(lambda: math.settled)
        # The card is as tall as its text once every formula and diagram is in: a formula
        # that arrives after the reply ended re-measures the card at once (it used to be
        # measured from the layouts' cached sizes and stay ~30 px short, cutting the last
        # diagram's bottom).
        card = view.area.bound_widget(reply.id)
        assert card is not None
        assert card.body.height() == card.body.heightForWidth(card.body.width())
        assert card.height() == card.heightForWidth(card.width())
        _shot(chat, f"all-{scheme}")
    finally:
        theme.apply_theme(app, "light")


class _Paints(QObject):
    """Records the height of each paint event a widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.heights: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(event, QPaintEvent):
            self.heights.append(event.rect().height())
        return False


def test_following_a_stream_repaints_only_what_changed(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    """The text already shown is blitted as the view scrolls, not painted again each frame."""
    paragraph = "A line of text that wraps over the width of the view a few times. " * 6
    text = "\n\n".join(f"Paragraph {n}: {paragraph}" for n in range(60))
    pieces = [text[start:start + 60] for start in range(0, len(text), 60)]
    fake_provider.script("/chat/completions", Reply.sse(
        [{"choices": [{"index": 0, "delta": {"content": p}}]} for p in pieces], delay=0.004))
    chat.window.resize(1100, 800)
    chat.type_and_send("Write a lot")
    view = chat.window.chat.chat_view
    paints = _Paints()

    def streaming_card() -> bool:
        path = chat.path() if chat.parts.state.conversation_id is not None else []
        if len(path) < 2 or path[-1].status is not MessageStatus.STREAMING:
            return False
        card = view.area.bound_widget(path[-1].id)
        return card is not None and card.body.height() > 2 * view.area.viewport().height()

    chat.wait(streaming_card, timeout=20)
    card = view.area.bound_widget(chat.path()[-1].id)
    assert card is not None
    card.body.installEventFilter(paints)
    chat.wait(lambda: len(paints.heights) >= 30 or chat.idle(), timeout=20)
    card.body.removeEventFilter(paints)
    assert len(paints.heights) >= 10
    visible = view.area.viewport().height()
    paints.heights.sort()
    assert paints.heights[len(paints.heights) // 2] < visible // 2, paints.heights


def test_a_conversation_opened_again_mid_stream_shows_its_citations(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    """The citations that arrived while the conversation was not shown are there at once
    (they used to appear only when the reply ended), and the reply ends as stored."""
    slow = _cited_stream()
    slow.delay = 0.15
    fake_provider.script("/chat/completions", slow)
    chat.type_and_send("How tall is the Eiffel Tower?")
    service = chat.parts.exchanges.service
    chat.wait(lambda: chat.parts.state.conversation_id is not None)
    cid = chat.parts.state.conversation_id
    assert cid is not None
    chat.parts.opener.new_conversation()
    chat.wait(lambda: any(m.citations for m in service.live_replies(cid)), timeout=20)
    chat.parts.opener.open_conversation(cid)
    view = chat.window.chat.chat_view
    seen: list[str] = []

    def cited_while_streaming() -> bool:
        view.flush()
        live = service.live_replies(cid)
        if chat.parts.state.conversation_id != cid or not live:
            return False
        card = view.area.bound_widget(live[0].id)
        body = view.area.cache.cached_body(live[0].id)
        if card is None or body is None or "cite:1" not in body.html:
            return False
        seen[:] = [b.text() for b in card.source_list.buttons if b.isVisible()]
        return True

    chat.wait(cited_while_streaming, timeout=10)  # still streaming: checked with live replies
    assert seen == ["[1]  Eiffel Tower  ·  en.wikipedia.org"]
    chat.wait(lambda: chat.idle() and chat.path()[-1].status is MessageStatus.COMPLETE,
              timeout=20)
    reply = chat.path()[-1]
    assert reply.text == STREAMED and len(reply.citations) == 1
    body = _reply_body(chat)
    renderer = add_diagram_hook(MarkdownRenderer(copy_label="Copy"))
    assert body.html == renderer.render(body_markdown(reply))
    assert body.html.count("cite:1") == 1
