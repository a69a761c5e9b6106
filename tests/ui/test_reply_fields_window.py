"""Citations, refusals and usage details in the real window, from the fake provider."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.store.models import MessageStatus
from desktop.ui import theme
from desktop.ui.chat_view.message_widget import MessageWidget
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_provider import FakeProvider
from tests.helpers.reply_fields import (
    REFUSAL,
    TOUR_URL,
    WIKI_URL,
    chat_cited,
    chat_refusal,
)

SHOTS = Path("/work/shots")


class Browser(QObject):
    """Stands in for the system browser: records every http(s) address QDesktopServices opens."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def browser() -> Iterator[Browser]:
    catcher = Browser()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open_url")
    yield catcher
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def _reply_card(chat: ChatWindow) -> MessageWidget:
    view = chat.window.chat.chat_view
    view.flush()
    reply = chat.path()[-1]
    card = view.area.bound_widget(reply.id)
    assert card is not None
    return card


def _anchor_point(card: MessageWidget, href: str) -> QPoint:
    body = card.body
    return next(  # not (0, 0): QTest clicks the centre for a null point
        QPoint(x, y)
        for y in range(1, body.height(), 2)
        for x in range(1, body.width(), 2)
        if body.anchor_at(QPoint(x, y)) == href
    )


def test_citations_show_as_superscripts_and_a_source_list(
    chat: ChatWindow, fake_provider: FakeProvider, qtbot: QtBot, browser: Browser
) -> None:
    fake_provider.script("/chat/completions", chat_cited(stream=True))
    chat.type_and_send("How tall is the Eiffel Tower?")
    chat.wait(lambda: chat.idle() and chat.path()[-1].status is MessageStatus.COMPLETE)
    card = _reply_card(chat)
    content = card.body.content
    assert content is not None
    html = "".join(doc.toHtml() for doc in content.documents())
    assert 'href="cite:1"' in html and 'href="cite:2"' in html
    assert "vertical-align:super" in html  # drawn as superscripts
    sources = card.source_list
    assert sources.isVisible()
    shown = [b.text() for b in sources.buttons if b.isVisible()]
    assert shown == ["[1]  The Eiffel Tower – official site  ·  toureiffel.paris",
                     "[2]  Eiffel Tower - Wikipedia  ·  en.wikipedia.org"]
    qtbot.mouseClick(card.body, Qt.MouseButton.LeftButton, pos=_anchor_point(card, "cite:2"))
    assert browser.urls == [WIKI_URL]
    qtbot.mouseClick(sources.buttons[0], Qt.MouseButton.LeftButton)
    assert browser.urls == [WIKI_URL, TOUR_URL]
    footer = card.footer
    assert "1024 cached" in footer.text() and "192 reasoning" in footer.text()
    assert "accepted_prediction_tokens" in footer.toolTip()
    assert "&quot;cached_tokens&quot;: 1024" in footer.toolTip()  # pretty, escaped


def test_refusal_is_shown_apart_while_streaming_and_after(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    fake_provider.script("/chat/completions",
                         chat_refusal(stream=True, text="Here is what I can say.", delay=0.15))
    chat.type_and_send("Help me with something bad")
    view = chat.window.chat.chat_view

    def refusal_streaming() -> bool:
        if chat.parts.state.conversation_id is None:
            return False
        path = chat.path()
        card = view.area.bound_widget(path[-1].id) if len(path) > 1 else None
        return (card is not None and card.refusal_block.isVisible()
                and path[-1].status is MessageStatus.STREAMING)

    chat.wait(refusal_streaming)
    chat.wait(lambda: chat.idle() and chat.path()[-1].status is MessageStatus.COMPLETE)
    card = _reply_card(chat)
    block = card.refusal_block
    assert block.isVisible() and block.objectName() == "refusalBox"
    assert (block.title.text(), block.text.text()) == ("Refused", REFUSAL)
    assert card.body.content is not None
    assert card.body.content.text == "Here is what I can say."  # the answer is kept apart
    assert REFUSAL not in card.body.content.text
    assert block.palette().window().color() != card.palette().window().color() or \
        "refusalBox" in view.styleSheet() + chat.window.styleSheet() + card.styleSheet()


def _theme_action(chat: ChatWindow, value: str) -> QAction:
    (action,) = [a for a in chat.window.theme_group.actions() if a.data() == value]
    return action


def test_screenshots_light_and_dark(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    fake_provider.script("/chat/completions", chat_cited(stream=True),
                         chat_refusal(stream=True, text="I can explain how locks work in "
                                                         "general terms."))
    chat.type_and_send("How tall is the Eiffel Tower?")
    chat.wait(lambda: chat.idle() and chat.path()[-1].status is MessageStatus.COMPLETE)
    chat.type_and_send("And how do I pick my neighbour's lock?")
    chat.wait(lambda: chat.idle() and len(chat.path()) == 4
              and chat.path()[-1].status is MessageStatus.COMPLETE)
    chat.window.resize(1100, 900)
    try:
        for scheme in ("dark", "light"):
            _theme_action(chat, scheme).trigger()
            chat.window.chat.chat_view.flush()
            chat.wait(lambda: True)
            QApplication.processEvents()
            card = _reply_card(chat)  # re-measured under the new style: nothing clipped
            assert card.height() >= card.heightForWidth(card.width()), scheme
            block = card.refusal_block
            assert block.height() >= block.heightForWidth(block.width()), scheme
            SHOTS.mkdir(parents=True, exist_ok=True)
            assert chat.window.grab().save(str(SHOTS / f"replyfields-{scheme}.png"))
    finally:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply_theme(app, "light")



def test_refusal_block_is_not_clipped(chat: ChatWindow, fake_provider: FakeProvider) -> None:
    fake_provider.script("/chat/completions", chat_refusal(stream=True, text="Some of it."))
    chat.type_and_send("x")
    chat.wait(lambda: chat.idle() and chat.path()[-1].status is MessageStatus.COMPLETE)
    for size in (None, (1100, 900), (700, 900)):
        if size is not None:  # a new width: every card is measured again
            chat.window.resize(*size)
            chat.wait(lambda: True)
        card = _reply_card(chat)
        block = card.refusal_block
        assert card.height() >= card.heightForWidth(card.width())
        assert block.height() >= block.heightForWidth(block.width())
        assert block.text.height() >= block.text.fontMetrics().height()
