"""Model output never makes the chat view read a file or fetch an address, and long unbroken
runs get break opportunities that copying removes again."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QUrl
from PySide6.QtGui import QFont

from desktop.core.api.events import TextDelta
from desktop.core.rendering.long_runs import BREAK
from desktop.core.rendering.markdown_html import IMAGE_HREF_PREFIX, image_address
from desktop.core.store.models import MessageStatus, Role
from desktop.ui.chat_view import ChatView
from desktop.ui.chat_view.rich_text import RichTextView
from desktop.ui.chat_view.rich_text_content import ChatDocument, new_document
from tests.helpers.fake_provider import FakeProvider, fake_provider
from tests.ui.chat_view.conftest import MessageFactory
from tests.ui.conftest import run_until

__all__ = ["fake_provider"]


class FifoWatch:
    """A FIFO that notices being opened for reading (and then lets the reader go)."""

    def __init__(self, path: Path) -> None:
        os.mkfifo(path)
        self.path = path
        self.opened = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(0.005):
            try:  # succeeds only while someone holds the FIFO open for reading
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                continue
            self.opened = True
            os.close(fd)  # the reader gets end-of-file instead of hanging

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


@pytest.fixture
def fifo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FifoWatch]:
    monkeypatch.chdir(tmp_path)  # relative image paths point at it too
    watch = FifoWatch(tmp_path / "picture.png")
    yield watch
    watch.stop()


def hostile_reply(fifo: Path, server: str) -> str:
    return (
        f"Look: ![secret]({fifo}) and ![rel](picture.png) and ![uri](file://{fifo})\n\n"
        f"and ![remote]({server}/tracker.png) and a raw <img src=\"{fifo}\">.\n"
    )


def body_view(chat_view: ChatView, message_id: int) -> RichTextView:
    card = chat_view.area.bound_widget(message_id)
    assert card is not None
    return card.body


def test_stored_and_live_replies_never_load_images(
    qasync_loop: asyncio.AbstractEventLoop,
    chat_view: ChatView,
    make_message: MessageFactory,
    fifo: FifoWatch,
    fake_provider: FakeProvider,
) -> None:
    text = hostile_reply(fifo.path, fake_provider.url)
    stored = make_message(Role.ASSISTANT, text)
    live = make_message(Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    chat_view.set_conversation([make_message(Role.USER, "go"), stored], {})
    chat_view.append_message(live)
    for start in range(0, len(text), 7):
        chat_view.apply_event(live.id, TextDelta(0, text[start : start + 7]))
    body = chat_view.area.cache.cached_body
    run_until(qasync_loop, lambda: (content := body(live.id)) is not None and (
        content.text == text))
    for message_id in (stored.id, live.id):
        view = body_view(chat_view, message_id)
        view.grab()  # lay out and paint
        assert view.content is not None
        shown = view.content.html
        assert "<img" not in shown
        addresses = {image_address(href) for href in _hrefs(shown)} - {None}
        # (markdown-it refuses file: links, so that one stays literal text.)
        assert addresses == {str(fifo.path), "picture.png", f"{fake_provider.url}/tracker.png"}
        shown_text = "".join(doc.toPlainText() for doc in view.content.documents())
        assert f"[image: secret] {fifo.path}" in shown_text.replace(BREAK, "")
    qasync_loop.run_until_complete(asyncio.sleep(0.2))  # the watcher has had its chance
    assert not fifo.opened
    assert not fake_provider.requests


def _hrefs(html: str) -> list[str]:
    import re

    return [match.replace("&amp;", "&") for match in re.findall(r'href="([^"]*)"', html)]


def test_document_refuses_every_resource(qapp: object, fifo: FifoWatch) -> None:
    doc = new_document("", QFont(), 300)
    assert isinstance(doc, ChatDocument)
    doc.setHtml(f'<p>x<img src="{fifo.path}"><img src="file://{fifo.path}">'
                '<img src="picture.png"></p>')
    doc.size()  # layout asks for the images
    threading.Event().wait(0.1)
    assert not fifo.opened
    assert str(fifo.path) in doc.refused_resources


def test_opening_an_image_address_asks_first(
    qasync_loop: asyncio.AbstractEventLoop, chat_view: ChatView, make_message: MessageFactory
) -> None:
    reply = make_message(Role.ASSISTANT, "![cat](https://example.com/cat.png)")
    chat_view.set_conversation([reply], {})
    view = body_view(chat_view, reply.id)
    asked: list[str] = []
    opened: list[QUrl] = []
    answer = [False]
    view.confirm_open = lambda parent, address: asked.append(address) or answer[0]
    view.open_url = opened.append
    assert view.content is not None
    href = _hrefs(view.content.html)[0]
    assert href.startswith(IMAGE_HREF_PREFIX)
    view.activate_link(href, QPoint(0, 0))
    assert asked == ["https://example.com/cat.png"] and opened == []
    answer[0] = True
    view.activate_link(href, QPoint(0, 0))
    assert [url.toString() for url in opened] == ["https://example.com/cat.png"]


@pytest.mark.parametrize("role", [Role.ASSISTANT, Role.USER])
def test_long_runs_get_breaks_and_copy_gives_the_original(
    qasync_loop: asyncio.AbstractEventLoop,
    chat_view: ChatView,
    make_message: MessageFactory,
    role: Role,
) -> None:
    run = "0123456789abcdef" * 40  # 640 characters without a break point
    text = f"start {run} middle {'x' * 333}"
    message = make_message(role, text)
    chat_view.set_conversation([message], {})
    view = body_view(chat_view, message.id)
    assert view.content is not None
    shown = "".join(doc.toPlainText() for doc in view.content.documents())
    assert shown.count(BREAK) >= 6  # at least every RUN_LIMIT characters of each run
    view.select_all()
    assert view.selected_text().strip() == text
