"""Images sent through the real window, store and chat service to the fake provider.

For each API style the request body carries the image in that style's shape; the image is
stored once; the sent message shows it as a thumbnail; a model not known to have vision is
asked about first; a failed send gives text and images back.
"""

from __future__ import annotations

import asyncio
import base64
import socket
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.api.styles import ApiStyle
from desktop.core.model_catalog import Capability
from desktop.core.paths import DataDir
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.settings import Settings
from desktop.core.store.models import ImagePart, MessageStatus, Role, TextPart
from desktop.ui import theme
from desktop.ui.attachments.intake import ImageSource
from tests.helpers.chat_window import KEY_ENV, ChatWindow, data_dir_at, fake_key, open_window
from tests.helpers.fake_provider import FakeProvider, fake_provider
from tests.helpers.sample_images import encode, landscape, two_colour_image

__all__ = ["fake_provider"]

CHAT_PATHS = {
    ApiStyle.OPENAI_CHAT: "/v1/chat/completions",
    ApiStyle.ANTHROPIC_MESSAGES: "/v1/messages",
    ApiStyle.OPENAI_RESPONSES: "/v1/responses",
}




def set_up(data_dir: DataDir, base_url: str, style: ApiStyle, model: str) -> None:
    registry = ProviderRegistry(data_dir.root)
    registry.add(ProviderProfile(name="fake", base_url=base_url, key_source=KeySource.ENV,
                                 key_env=KEY_ENV, max_retries=0, connect_timeout=2.0,
                                 api_style=style))
    settings = Settings(data_dir.settings_file)
    settings.set("chat.default_provider", "fake")
    settings.set("chat.default_model", model)


def open_chat(tmp_path: Path, loop: asyncio.AbstractEventLoop, base_url: str,
              style: ApiStyle = ApiStyle.OPENAI_CHAT, model: str = "gpt-4o") -> ChatWindow:
    data_dir = data_dir_at(tmp_path / "data")
    set_up(data_dir, base_url, style, model)
    return open_window(data_dir, loop)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "photo.jpg"
    path.write_bytes(encode(two_colour_image(3000, 2000), "JPEG"))
    return path


def attach(chat: ChatWindow, *paths: Path) -> None:
    tray = chat.window.chat.attachments
    before = len(tray.images())
    tray.add_sources([ImageSource(path.name, path=path) for path in paths])
    chat.wait(lambda: len(tray.images()) == before + len(paths) and not tray.is_busy())


def image_in_body(style: ApiStyle, body: dict[str, Any]) -> tuple[str, bytes, str]:
    """(media type, decoded bytes, the text beside it) from the last user message."""
    if style is ApiStyle.OPENAI_CHAT:
        content = body["messages"][-1]["content"]
        text = next(p["text"] for p in content if p["type"] == "text")
        url = next(p["image_url"]["url"] for p in content if p["type"] == "image_url")
    elif style is ApiStyle.ANTHROPIC_MESSAGES:
        content = body["messages"][-1]["content"]
        text = next(p["text"] for p in content if p["type"] == "text")
        block = next(p for p in content if p["type"] == "image")
        source = block["source"]
        assert source["type"] == "base64"
        return source["media_type"], base64.b64decode(source["data"]), text
    else:
        content = body["input"][-1]["content"]
        text = next(p["text"] for p in content if p["type"] == "input_text")
        url = next(p["image_url"] for p in content if p["type"] == "input_image")
    header, data = url.split(",", 1)
    assert header.startswith("data:") and header.endswith(";base64")
    return header[5:-7], base64.b64decode(data), text


@pytest.mark.parametrize("style", list(CHAT_PATHS), ids=lambda s: str(s))
def test_image_reaches_the_provider_in_its_shape(
    style: ApiStyle, tmp_path: Path, fake_provider: FakeProvider,
    qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
    photo: Path,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    model = "claude-3-5-sonnet" if style is ApiStyle.ANTHROPIC_MESSAGES else "gpt-4o"
    chat = open_chat(tmp_path, qasync_loop, fake_provider.base_url, style, model)
    try:
        attach(chat, photo)
        chat.type_and_send("What is in this picture?")
        assert chat.window.chat.attachments.is_empty()  # the chips go with the message
        chat.wait(chat.idle)
        assert chat.parts.exchanges.vision.dialog is None  # a vision model: no question
        (body,) = fake_provider.bodies(CHAT_PATHS[style])
        mime, data, text = image_in_body(style, body)
        assert mime == "image/jpeg" and text == "What is in this picture?"
        assert data[:3] == b"\xff\xd8\xff"
        user, reply = chat.path()
        assert reply.status is MessageStatus.COMPLETE
        assert isinstance(user.parts[0], TextPart) and isinstance(user.parts[1], ImagePart)
        assert chat.store.read_attachment(user.images[0].hash) == data  # what was stored
        assert user.images[0].name == "photo.jpg"
    finally:
        chat.close()
        chat.store.close()


def test_same_image_twice_is_stored_once_and_shown(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, photo: Path,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    chat = open_chat(tmp_path, qasync_loop, fake_provider.base_url)
    try:
        attach(chat, photo)
        chat.type_and_send("first look")
        chat.wait(chat.idle)
        attach(chat, photo)
        chat.type_and_send("")  # images only
        chat.wait(chat.idle)
        path = chat.path()
        assert [m.role for m in path] == [Role.USER, Role.ASSISTANT] * 2
        first, second = path[0], path[2]
        assert second.text == "" and len(second.images) == 1
        assert first.images[0].hash == second.images[0].hash
        assert len(chat.store.attachments.stored_hashes()) == 1
        # The second request carries the history: the image twice, from the one file.
        body = fake_provider.bodies("/v1/chat/completions")[-1]
        urls = [p["image_url"]["url"] for m in body["messages"] if isinstance(m["content"], list)
                for p in m["content"] if p["type"] == "image_url"]
        assert len(urls) == 2 and urls[0] == urls[1]

        view = chat.window.chat.chat_view
        view.area.scroll_to_end()
        card = view.area.bound_widget(second.id)
        assert card is not None and card.image_strip.isVisible()
        assert not card.bubble.isVisible()  # no empty bubble for an images-only message
        strip = card.image_strip
        chat.wait(strip.is_loaded)
        chat.wait(lambda: True, timeout=0.1)  # let the strip repaint
        picture = strip.grab().toImage()
        tile = strip.tile_rects()[0]
        # Right-aligned user image, 3:2, red left half and blue right half.
        red = picture.pixelColor(QPoint(tile.right() - tile.width() * 3 // 4, tile.y() + 20))
        blue = picture.pixelColor(QPoint(tile.right() - tile.width() // 4, tile.y() + 20))
        assert red.red() > 180 and red.blue() < 90, red.name()
        assert blue.blue() > 180 and blue.red() < 90, blue.name()
        assert strip.height() == 106  # 3000x2000 fitted into a 160 px tile, measured again
    finally:
        chat.close()
        chat.store.close()


def test_non_vision_model_asks_first_and_cancel_does_not_send(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, photo: Path,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    chat = open_chat(tmp_path, qasync_loop, fake_provider.base_url, model="fake-model")
    check = chat.parts.exchanges.vision
    try:
        attach(chat, photo)
        chat.type_and_send("describe")
        dialog = check.dialog
        assert dialog is not None and dialog.isVisible()
        assert "fake-model" in dialog.text()
        cancel = dialog.button(QMessageBox.StandardButton.Cancel)
        cancel.click()
        chat.wait(lambda: check.dialog is None)
        chat.wait(chat.idle)
        assert fake_provider.bodies("/v1/chat/completions") == []
        assert chat.parts.state.conversation_id is None  # nothing was created
        assert chat.window.chat.composer.toPlainText() == "describe"  # all kept
        assert len(chat.window.chat.attachments.images()) == 1

        # Send anyway, and don't ask again for this model: it is recorded as seeing images.
        chat.window.chat.send_button.click()
        dialog = check.dialog
        assert dialog is not None and check.remember is not None and check.send_button
        check.remember.setChecked(True)
        check.send_button.click()
        chat.wait(chat.idle)
        (body,) = fake_provider.bodies("/v1/chat/completions")
        assert any(p["type"] == "image_url" for p in body["messages"][-1]["content"])
        catalog = chat.parts.providers.catalog
        assert Capability.VISION in catalog.capabilities("fake-model")
        attach(chat, photo)
        chat.type_and_send("again")
        assert check.dialog is None  # not asked again
        chat.wait(chat.idle)
        assert len(fake_provider.bodies("/v1/chat/completions")) == 2
    finally:
        chat.close()
        chat.store.close()


def test_offline_send_keeps_text_and_images(
    tmp_path: Path, qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch, photo: Path,
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv(KEY_ENV, fake_key())
    chat = open_chat(tmp_path, qasync_loop, f"http://127.0.0.1:{port}/v1")
    try:
        attach(chat, photo)
        chat.type_and_send("anyone there?")
        chat.wait(chat.idle)
        _user, reply = chat.path()
        assert reply.status is MessageStatus.ERROR
        assert chat.window.chat.composer.toPlainText() == "anyone there?"
        images = chat.window.chat.attachments.images()
        assert [i.name for i in images] == ["photo.jpg"]
        assert chat.window.chat.attachments.isVisible()
    finally:
        chat.close()
        chat.store.close()


def test_editing_a_message_keeps_its_images(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, photo: Path,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    chat = open_chat(tmp_path, qasync_loop, fake_provider.base_url)
    tray = chat.window.chat.attachments
    try:
        attach(chat, photo)
        chat.type_and_send("what colour is on the left?")
        chat.wait(chat.idle)
        original = chat.path()[0]
        chat.parts.editing.edit(original.id)
        chat.wait(lambda: len(tray.images()) == 1 and not tray.is_busy())
        assert tray.images()[0].name == "photo.jpg"
        assert not tray.images()[0].changed  # the stored image goes again as it is
        chat.parts.editing.cancel()
        assert tray.is_empty()

        chat.parts.editing.edit(original.id)
        chat.wait(lambda: len(tray.images()) == 1 and not tray.is_busy())
        chat.type_and_send("and on the right?")
        chat.wait(chat.idle)
        edited = chat.path()[0]
        assert edited.id != original.id and edited.parent_id == original.parent_id
        assert edited.text == "and on the right?"
        assert [p.hash for p in edited.images] == [p.hash for p in original.images]
        assert len(chat.store.attachments.stored_hashes()) == 1
    finally:
        chat.close()
        chat.store.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshot_of_a_conversation_with_an_image(
    scheme: str, tmp_path: Path, fake_provider: FakeProvider,
    qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
    artifacts_dir: Path,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    fake_provider.default_text = ("A valley at sunset: two rows of green hills under an "
                                  "orange sky, with the sun low on the right.")
    scene = tmp_path / "valley.jpg"
    scene.write_bytes(encode(landscape(2400, 1600), "JPEG"))
    second = tmp_path / "hills.png"
    second.write_bytes(encode(landscape(600, 400), "PNG"))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.style().name(), app.palette(), app.styleSheet(), theme.current_colors())
    theme.apply_theme(app, scheme)  # as the app starts (restored below for the other tests)
    chat = open_chat(tmp_path, qasync_loop, fake_provider.base_url)
    try:
        chat.window.resize(1280, 820)
        attach(chat, scene)
        chat.type_and_send("What is in this picture?")
        chat.wait(chat.idle)
        attach(chat, second)  # a chip waiting in the composer
        chat.window.chat.composer.setPlainText("And this one?")
        view = chat.window.chat.chat_view
        strip = view.area.bound_widget(chat.path()[0].id)
        assert strip is not None
        chat.wait(strip.image_strip.is_loaded)
        chat.wait(lambda: True, timeout=0.2)
        target = artifacts_dir / ("attachments.png" if scheme == "light"
                                  else f"attachments-{scheme}.png")
        assert chat.window.grab().save(str(target))
        from tests.helpers.images import distinct_colours

        assert distinct_colours(target) > 40
    finally:
        chat.close()
        chat.store.close()
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setStyleSheet(saved[2])
        theme._current = saved[3]


def test_images_the_store_refuses_are_kept_with_the_text(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, photo: Path,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    chat = open_chat(tmp_path, qasync_loop, fake_provider.base_url)
    try:
        chat.store.attachments.max_bytes = 1000  # a store with a tiny limit refuses the photo
        attach(chat, photo)
        chat.type_and_send("too big for this store")
        chat.wait(chat.idle)
        pane = chat.window.chat
        assert pane.notice.isVisible() and "could not be stored" in pane.notice_label.text()
        assert pane.composer.toPlainText() == "too big for this store"
        assert [i.name for i in pane.attachments.images()] == ["photo.jpg"]
        assert fake_provider.bodies("/v1/chat/completions") == []
        assert chat.parts.state.conversation_id is None and chat.store.count_conversations() == 0
    finally:
        chat.close()
        chat.store.close()


def test_waiting_images_stay_with_their_conversation(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, photo: Path,
) -> None:
    """Chips in the tray are part of the conversation's draft: switching away and back keeps
    them there, and they are not carried into another conversation."""
    monkeypatch.setenv(KEY_ENV, fake_key())
    chat = open_chat(tmp_path, qasync_loop, fake_provider.base_url)
    try:
        chat.type_and_send("an earlier chat")
        chat.wait(chat.idle)
        earlier = chat.parts.state.conversation_id
        assert earlier is not None
        chat.parts.opener.new_conversation()
        tray = chat.window.chat.attachments
        attach(chat, photo)
        chat.window.chat.composer.setPlainText("about this photo")
        chat.parts.opener.open_conversation(earlier)
        chat.wait(chat.idle)
        assert tray.is_empty() and not tray.isVisible()
        chat.parts.opener.new_conversation()
        assert len(tray.images()) == 1 and tray.isVisible()
        assert chat.window.chat.composer.toPlainText() == "about this photo"
        chat.window.chat.send_button.click()
        chat.wait(chat.idle)
        sent = chat.path()[0]
        assert sent.text == "about this photo" and len(sent.images) == 1
        assert tray.is_empty()
    finally:
        chat.close()
        chat.store.close()
