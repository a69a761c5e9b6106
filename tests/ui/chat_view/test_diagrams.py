"""Mermaid diagrams in the chat view: closed blocks become pictures, open ones stay code,
broken ones show code and message; the picture fits the width, and its menu and viewer work."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.api.events import TextDelta
from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.rendering.mermaid import DIAGRAMS, diagram_key
from desktop.core.store.models import MessageStatus, Role
from desktop.ui.chat_view import ChatView, diagram_viewer
from desktop.ui.chat_view.diagram_viewer import DiagramViewer
from desktop.ui.chat_view.diagrams import (
    DIAGRAM_IMAGE_PREFIX,
    PENDING_MARK,
    add_diagram_hook,
    diagram_href,
    diagram_service,
)
from desktop.ui.chat_view.rich_text import RichTextView
from desktop.ui.chat_view.rich_text_content import RichTextContent
from tests.ui.chat_view.conftest import MessageFactory

FLOW = "flowchart LR\n  A[Ask] --> B[Answer]\n"
WIDE = "flowchart LR\n" + "".join(f"  S{n}[Step {n}] --> S{n + 1}[Step {n + 1}]\n"
                                   for n in range(14))
BROKEN = "flowchart TD\n  A -->\n"
SHOTS = Path("/work/shots")


def settled(body: RichTextContent) -> bool:
    return not diagram_service().busy and PENDING_MARK not in body.html \
        and not body.highlight_pending


def body_of(chat_view: ChatView, message_id: int) -> tuple[RichTextContent, RichTextView]:
    content = chat_view.area.cache.cached_body(message_id)
    card = chat_view.area.bound_widget(message_id)
    assert content is not None and card is not None
    return content, card.body


def picture_sizes(content: RichTextContent) -> list[tuple[float, float]]:
    """(width, height) laid out for each picture in the message's documents."""
    sizes = []
    for doc in content.documents():
        block = doc.begin()
        while block.isValid():
            if "\ufffc" in block.text():
                rect = doc.documentLayout().blockBoundingRect(block)
                sizes.append((rect.width(), rect.height()))
            block = block.next()
    return sizes


def link_point(view: RichTextView, href: str) -> QPoint:
    """The middle of the area where `href` is (the picture's link)."""
    points = [QPoint(x, y) for y in range(0, view.height(), 4)
              for x in range(0, view.width(), 8) if view.anchor_at(QPoint(x, y)) == href]
    assert points, "the picture is on screen"
    return points[len(points) // 2]


def test_a_streamed_block_is_code_until_it_closes_then_a_diagram(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    reply = make_message(Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    chat_view.set_conversation([make_message(Role.USER, "Draw")], {})
    chat_view.append_message(reply)
    source = "flowchart LR\n  S[Streamed] --> T[Closed]\n"
    chat_view.apply_event(reply.id, TextDelta(0, "Here:\n\n```mermaid\n" + source + "```"))
    chat_view.flush()
    body, _view = body_of(chat_view, reply.id)
    qtbot.wait(300)  # a render, had one been asked for, would be back by now
    assert DIAGRAM_IMAGE_PREFIX not in body.html  # "```" may still become "```x"
    assert "S[Streamed] --&gt; T[Closed]" in body.html  # shown as code meanwhile
    chat_view.apply_event(reply.id, TextDelta(0, "\n\nAfter the diagram."))
    chat_view.flush()
    qtbot.waitUntil(lambda: settled(body), timeout=10_000)
    assert body.html.count(DIAGRAM_IMAGE_PREFIX) == 1
    assert "S[Streamed]" not in body.html
    assert "After the diagram." in body.html
    text = body.text
    chat_view.update_message(make_message(Role.ASSISTANT, text, id=reply.id, model="m"))
    qtbot.waitUntil(lambda: settled(body), timeout=10_000)
    full = add_diagram_hook(MarkdownRenderer(copy_label="Copy")).render(text)
    assert body.html == full  # the streamed rendering equals a render of the whole text


def test_a_broken_diagram_shows_its_source_and_the_message(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    reply = make_message(Role.ASSISTANT, f"Broken:\n\n```mermaid\n{BROKEN}```\n")
    chat_view.set_conversation([reply], {})
    body, _view = body_of(chat_view, reply.id)
    qtbot.waitUntil(lambda: settled(body), timeout=10_000)
    result = DIAGRAMS.get(diagram_key(BROKEN))
    assert result is not None and not result.ok
    assert "A --&gt;" in body.html
    assert "Diagram not shown: " in body.html and html.escape(result.error[:20]) in body.html
    assert DIAGRAM_IMAGE_PREFIX not in body.html


def test_large_diagrams_fit_the_width_and_small_ones_keep_their_size(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    text = f"```mermaid\n{FLOW}```\n\n```mermaid\n{WIDE}```\n"
    reply = make_message(Role.ASSISTANT, text)
    chat_view.set_conversation([reply], {})
    body, view = body_of(chat_view, reply.id)
    qtbot.waitUntil(lambda: settled(body), timeout=10_000)
    small, large = DIAGRAMS.get(diagram_key(FLOW)), DIAGRAMS.get(diagram_key(WIDE))
    assert small is not None and large is not None and small.ok and large.ok
    assert large.width > view.width()  # the case to test
    (small_w, small_h), (large_w, large_h) = picture_sizes(body)
    assert small_w >= small.width and small_h < small.height * 1.5  # not blown up
    assert large_w <= view.width() + 1
    assert large_h < large.height  # scaled down, proportions kept


def shown_diagram(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> tuple[RichTextView, QPoint]:
    reply = make_message(Role.ASSISTANT, f"Look:\n\n```mermaid\n{FLOW}```\n")
    chat_view.set_conversation([reply], {})
    body, view = body_of(chat_view, reply.id)
    qtbot.waitUntil(lambda: settled(body), timeout=10_000)
    return view, link_point(view, diagram_href(diagram_key(FLOW)))


def test_a_click_opens_the_viewer_which_zooms_and_fits(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    view, point = shown_diagram(qtbot, chat_view, make_message)

    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
    viewer = _viewer()
    qtbot.waitExposed(viewer)
    fitted = viewer.zoom
    assert 0 < fitted <= 1.0  # fit: never above full size
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.zoom == pytest.approx(fitted * 1.25)
    qtbot.keyClick(viewer, Qt.Key.Key_0)
    assert viewer.zoom == 1.0
    wide = viewer.picture.pixmap().deviceIndependentSize().width()
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    assert viewer.picture.pixmap().deviceIndependentSize().width() < wide
    qtbot.keyClick(viewer, Qt.Key.Key_F)
    assert viewer.fitted and viewer.zoom == pytest.approx(fitted)
    viewer.resize(900, 600)
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    SHOTS.mkdir(exist_ok=True)
    assert viewer.grab().save(str(SHOTS / "mermaid-viewer.png"))
    viewer.close()


def test_the_context_menu_copies_the_source_and_saves_svg_and_png(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view, point = shown_diagram(qtbot, chat_view, make_message)
    menus: list[QMenu] = []

    def close_menu() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            menus.append(menu)
            menu.close()
        else:
            QTimer.singleShot(10, close_menu)

    QTimer.singleShot(10, close_menu)
    view.contextMenuEvent(_context_event(view, point))
    texts = [action.text() for action in menus[0].actions() if action.text()]
    assert texts[-3:] == ["Copy source", "Save as SVG…", "Save as PNG…"]
    targets = iter([tmp_path / "d.svg", tmp_path / "d.png"])
    monkeypatch.setattr(diagram_viewer, "choose_save_path", lambda *_args: next(targets))
    for action in menus[0].actions():
        if action.text() in ("Copy source", "Save as SVG…", "Save as PNG…"):
            action.trigger()
    assert QGuiApplication.clipboard().text() == FLOW
    svg = (tmp_path / "d.svg").read_text()
    assert svg.startswith("<svg") and "<script" not in svg
    png = QImage(str(tmp_path / "d.png"))
    assert png.width() > 100 and png.height() > 20


def _context_event(view: QWidget, point: QPoint) -> QContextMenuEvent:
    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.mapToGlobal(point))


def _viewer() -> DiagramViewer:
    viewers = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, DiagramViewer) and w.isVisible()]
    assert len(viewers) == 1
    return viewers[0]


def test_an_image_named_in_a_reply_cannot_pose_as_a_diagram(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    text = f"![x]({DIAGRAM_IMAGE_PREFIX}{diagram_key(FLOW)})"
    reply = make_message(Role.ASSISTANT, text)
    chat_view.set_conversation([reply], {})
    body, _view = body_of(chat_view, reply.id)
    assert "<img" not in body.html  # a Markdown image stays a placeholder
