"""Image generation in the real window (store, services, widgets) against the fake provider."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.paths import DataDir
from desktop.core.settings import Settings
from desktop.core.store.models import ImagePart, Message, MessageStatus, Role, TextPart
from desktop.ui import theme
from desktop.ui.image_mode import ImageOptions
from tests.helpers.chat_window import (
    ChatWindow,
    open_window,
)
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider, tiny_png
from tests.helpers.images import distinct_colours

__all__ = ["fake_provider"]
IMAGES = "/images/generations"








def settings_of(chat: ChatWindow) -> Settings:
    assert chat.window.settings is not None
    return chat.window.settings


def shown(chat: ChatWindow) -> list[tuple[Role, MessageStatus, str, int]]:
    """What the chat view's rows hold: role, status, text, number of images."""
    return [(r.message.role, r.message.status, r.message.text, len(r.message.images))
            for r in chat.window.chat.chat_view.model.rows()]


def test_image_mode_generates_into_a_new_conversation(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    pane = chat.window.chat
    mode = pane.image_mode
    assert not mode.options.isVisible()
    assert mode.button.accessibleName() == "Image mode" and mode.button.toolTip()
    mode.button.click()
    assert mode.active and mode.options.isVisible()
    assert pane.composer.placeholderText() == "Describe the image to generate…"
    # The picker's model cannot make images and none was used before: the user is told.
    assert not pane.notice.isHidden() and "image model" in pane.notice_label.text()
    pane.model_picker.pick("fake", "dall-e-3")
    row = mode.options
    row.size_box.setCurrentIndex(row.size_box.findData("1024x1024"))
    row.n_box.setValue(2)
    row.style_box.setCurrentIndex(row.style_box.findData("vivid"))

    chat.type_and_send("A lighthouse at dusk")
    chat.wait(chat.idle)

    assert fake_provider.bodies(IMAGES) == [{"model": "dall-e-3", "prompt": "A lighthouse at dusk",
                                             "size": "1024x1024", "n": 2, "style": "vivid"}]
    assert fake_provider.bodies("/chat/completions") == []
    user, reply = chat.path()
    assert (user.role, user.text) == (Role.USER, "A lighthouse at dusk")
    assert reply.status is MessageStatus.COMPLETE and reply.model == "dall-e-3"
    assert len(reply.images) == 2
    assert all(isinstance(p, ImagePart) and p.mime == "image/png" for p in reply.parts)
    assert chat.store.read_attachment(reply.images[0].hash) == tiny_png()
    assert shown(chat) == [(Role.USER, MessageStatus.COMPLETE, "A lighthouse at dusk", 0),
                           (Role.ASSISTANT, MessageStatus.COMPLETE, "", 2)]
    assert pane.title.text() == "A lighthouse at dusk"
    assert pane.composer.toPlainText() == "" and pane.notice.isHidden()
    settings = settings_of(chat)
    assert (settings.get("images.size"), settings.get("images.n"),
            settings.get("images.style"), settings.get("images.quality")) == (
        "1024x1024", 2, "vivid", "")
    assert settings.get("images.models") == {"fake": "dall-e-3"}
    assert mode.active  # the mode stays on for the next prompt


def test_slash_image_from_chat_mode(chat: ChatWindow, fake_provider: FakeProvider) -> None:
    pane = chat.window.chat
    chat.type_and_send("/image a red fox")  # no image model known yet: nothing is sent
    chat.wait(chat.idle)
    assert "image model" in pane.notice_label.text() and not pane.notice.isHidden()
    assert pane.composer.toPlainText() == "/image a red fox"
    assert fake_provider.bodies(IMAGES) == []

    chat.type_and_send("Hello")  # a chat turn with the picker's chat model
    chat.wait(chat.idle)
    settings_of(chat).set("images.models", {"fake": "dall-e-3"})
    chat.type_and_send("/image a red fox")
    chat.wait(chat.idle)

    assert not pane.image_mode.active
    assert fake_provider.bodies(IMAGES) == [{"model": "dall-e-3", "prompt": "a red fox", "n": 1}]
    assert [(m.role, m.text, len(m.images)) for m in chat.path()] == [
        (Role.USER, "Hello", 0), (Role.ASSISTANT, "Hello from the fake provider.", 0),
        (Role.USER, "a red fox", 0), (Role.ASSISTANT, "", 1)]
    assert [row[3] for row in shown(chat)] == [0, 0, 0, 1]
    assert pane.selected_target() == ("fake", "fake-model")  # the chat model stays chosen
    chat.type_and_send("Thanks")  # and plain text goes to the chat model again
    chat.wait(chat.idle)
    assert fake_provider.bodies("/chat/completions")[-1]["model"] == "fake-model"
    assert len(fake_provider.bodies(IMAGES)) == 1


def test_content_policy_error_is_shown_inline_and_keeps_the_prompt(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    pane = chat.window.chat
    pane.model_picker.pick("fake", "dall-e-3")
    pane.image_mode.set_active(True)
    fake_provider.script(IMAGES, Reply.error(
        503, "Your request was rejected as a result of our safety system.",
        "content_policy_violation"))
    chat.type_and_send("something forbidden")
    chat.wait(chat.idle)
    user, reply = chat.path()
    assert reply.status is MessageStatus.ERROR
    assert reply.error is not None and "content filter" in reply.error
    assert "safety system" in reply.error
    assert shown(chat)[-1] == (Role.ASSISTANT, MessageStatus.ERROR, "", 0)
    assert chat.parts.state.messages[reply.id].error == reply.error  # shown on the card
    assert pane.composer.toPlainText() == "something forbidden"
    assert pane.notice.isHidden()  # inline, not above the composer

    chat.window.chat.send_button.click()  # sending the same prompt again retries in place
    chat.wait(chat.idle)
    messages = chat.store.messages(user.conversation_id)
    assert [m.role for m in messages] == [Role.USER, Role.ASSISTANT, Role.ASSISTANT]
    retried = chat.path()[-1]
    assert retried.parent_id == user.id and retried.status is MessageStatus.COMPLETE
    assert len(retried.images) == 1


def test_stop_cancels_a_slow_generation(chat: ChatWindow, fake_provider: FakeProvider) -> None:
    pane = chat.window.chat
    pane.model_picker.pick("fake", "dall-e-3")
    pane.image_mode.set_active(True)
    slow = Reply.json({"data": [{"b64_json": ""}]})
    slow.delay = 30.0
    fake_provider.script(IMAGES, slow)
    chat.type_and_send("a very slow painting")
    chat.wait(lambda: pane.streaming and len(shown(chat)) == 2)
    assert shown(chat)[-1] == (Role.ASSISTANT, MessageStatus.STREAMING, "Generating image…", 0)
    assert pane.send_button.text() == "Stop"
    chat.wait(lambda: bool(fake_provider.bodies(IMAGES)))  # the provider is working on it
    pane.send_button.click()
    chat.wait(chat.idle)
    reply = chat.path()[-1]
    assert reply.status is MessageStatus.INTERRUPTED and reply.error == "Stopped."
    assert shown(chat)[-1][:3] == (Role.ASSISTANT, MessageStatus.INTERRUPTED, "")
    assert not pane.streaming and pane.send_button.text() == "Send"
    chat.wait(fake_provider.disconnected.is_set, timeout=5)  # the request was closed

    chat.window.chat.chat_view.continue_requested.emit(reply.id)  # Continue: generate again
    chat.wait(chat.idle)
    again = chat.path()[-1]
    assert again.id != reply.id and again.parent_id == reply.parent_id
    assert again.status is MessageStatus.COMPLETE and len(again.images) == 1
    assert fake_provider.bodies("/chat/completions") == []


def test_regenerate_an_image_reply_makes_new_images(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    pane = chat.window.chat
    pane.model_picker.pick("fake", "dall-e-3")
    chat.type_and_send("/image a heron")
    chat.wait(chat.idle)
    first = chat.path()[-1]
    pane.model_picker.pick("fake", "fake-model")  # back to chat: regenerate still makes images
    chat.window.chat.chat_view.regenerate_requested.emit(first.id)
    chat.wait(chat.idle)
    second = chat.path()[-1]
    assert second.id != first.id and second.parent_id == first.parent_id
    assert second.images and second.model == "dall-e-3"
    assert [b["prompt"] for b in fake_provider.bodies(IMAGES)] == ["a heron", "a heron"]
    assert fake_provider.bodies("/chat/completions") == []


def test_export_of_generated_images_from_the_window(
    chat: ChatWindow, fake_provider: FakeProvider, tmp_path: Path
) -> None:
    chat.window.chat.model_picker.pick("fake", "dall-e-3")
    chat.type_and_send("/image a heron")
    chat.wait(chat.idle)
    cid = chat.parts.state.conversation_id
    assert cid is not None
    assert len(chat.path()[-1].images) == 1
    markdown, page = tmp_path / "heron.md", tmp_path / "heron.html"
    for target in (markdown, page):
        chat.parts.sidebar.export_conversation(cid, str(target))
        chat.wait(lambda target=target: target.exists() and chat.idle())  # type: ignore[misc]
    (saved,) = (tmp_path / "heron_files").iterdir()
    assert saved.read_bytes() == tiny_png()
    assert f"![image-1.png](heron_files/{saved.name})" in markdown.read_text(encoding="utf-8")
    assert "data:image/png;base64," in page.read_text(encoding="utf-8")


def test_picking_an_image_model_turns_image_mode_on(chat: ChatWindow) -> None:
    pane = chat.window.chat
    assert not pane.image_mode.active
    pane.model_picker.pick("fake", "gpt-4o")  # a chat model with vision: no change
    assert not pane.image_mode.active
    pane.model_picker.pick("fake", "dall-e-3")
    assert pane.image_mode.active and pane.image_mode.options.isVisible()
    pane.model_picker.pick("fake", "fake-model")  # the mode stays until turned off
    assert pane.image_mode.active
    pane.image_mode.button.click()
    assert not pane.image_mode.active and not pane.image_mode.options.isVisible()
    assert pane.composer.placeholderText().startswith("Message…")


def test_custom_size_and_bare_command(chat: ChatWindow, fake_provider: FakeProvider) -> None:
    pane = chat.window.chat
    pane.model_picker.pick("fake", "dall-e-3")
    row = pane.image_mode.options
    row.size_box.setCurrentIndex(row.size_box.findData("custom"))
    assert row.custom_size.isVisible()
    row.custom_size.setText("wide")
    chat.type_and_send("a fox")
    chat.wait(chat.idle)
    assert "1024x1024" in pane.notice_label.text() and not pane.notice.isHidden()
    assert pane.composer.toPlainText() == "a fox" and fake_provider.bodies(IMAGES) == []

    row.custom_size.setText("1536x1024")
    row.custom_size.editingFinished.emit()
    row.quality_box.setCurrentIndex(row.quality_box.findData("hd"))
    chat.type_and_send("a fox")
    chat.wait(chat.idle)
    assert fake_provider.bodies(IMAGES) == [{"model": "dall-e-3", "prompt": "a fox",
                                             "size": "1536x1024", "n": 1, "quality": "hd"}]
    assert settings_of(chat).get("images.size") == "1536x1024"

    pane.image_mode.set_active(False)
    chat.type_and_send("/image   ")
    chat.wait(chat.idle)
    assert "after /image" in pane.notice_label.text()
    assert len(fake_provider.bodies(IMAGES)) == 1


def test_options_are_restored_from_the_settings(
    data: DataDir, qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    settings = Settings(data.settings_file)
    settings.set("images.size", "640x480")
    settings.set("images.n", 3)
    settings.set("images.quality", "low")
    harness = open_window(data, qasync_loop)
    try:
        row = harness.window.chat.image_mode.options
        assert row.size_box.currentData() == "custom" and row.custom_size.text() == "640x480"
        assert row.options() == ImageOptions(size="640x480", n=3, quality="low", style=None)
    finally:
        harness.close()
        harness.store.close()


def painted_scene(width: int = 512, height: int = 512) -> bytes:
    """A lighthouse at dusk, painted: something recognisable in a screenshot."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    sky = QLinearGradient(0, 0, 0, height)
    sky.setColorAt(0, QColor("#f4a261"))
    sky.setColorAt(1, QColor("#264653"))
    painter.fillRect(0, 0, width, height, sky)
    painter.setBrush(QColor("#e9c46a"))
    painter.drawEllipse(int(width * 0.6), int(height * 0.2), width // 6, width // 6)
    painter.setBrush(QColor("#ffffff"))
    painter.drawRect(int(width * 0.25), int(height * 0.4), width // 12, int(height * 0.45))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def test_screenshot_of_a_generated_image(
    chat: ChatWindow, fake_provider: FakeProvider, artifacts_dir: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.style().name(), app.palette(), app.styleSheet(), theme.current_colors())
    theme.apply_theme(app, "light")  # as the app starts (restored below for the other tests)
    try:
        pane = chat.window.chat
        chat.window.resize(1280, 820)
        pane.model_picker.pick("fake", "dall-e-3")
        fake_provider.script(IMAGES, Reply.json({"data": [{
            "b64_json": base64.b64encode(painted_scene()).decode(),
            "revised_prompt": "A white lighthouse on a cliff at dusk under an orange sky."}]}))
        chat.type_and_send("A lighthouse at dusk")
        chat.wait(chat.idle)
        reply = chat.path()[-1]
        card = chat.window.chat.chat_view.area.bound_widget(reply.id)
        assert card is not None
        chat.wait(card.image_strip.is_loaded)
        slow = Reply.json({"data": []})
        slow.delay = 30.0
        fake_provider.script(IMAGES, slow)
        chat.type_and_send("The same lighthouse at night")  # busy while the screenshot is made
        chat.wait(lambda: bool(fake_provider.bodies(IMAGES)[1:]))
        chat.wait(lambda: True, timeout=0.2)
        target = artifacts_dir / "image-generation.png"
        assert chat.window.grab().save(str(target))
        assert distinct_colours(target) > 40
        # The generated picture is on screen: its sun and sky colours are in the screenshot.
        shot = QImage(str(target))
        colours = {QColor(shot.pixel(x, y)).name() for x in range(0, shot.width(), 2)
                   for y in range(0, shot.height(), 2)}
        assert "#e9c46a" in colours
        pane.send_button.click()  # Stop
        chat.wait(chat.idle)
    finally:
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setStyleSheet(saved[2])
        theme._current = saved[3]


def test_which_replies_regenerate_as_images(chat: ChatWindow) -> None:
    def reply(model: str, *, text: str = "", image: bool = False,
              role: Role = Role.ASSISTANT) -> Message:
        parts: tuple[TextPart | ImagePart, ...] = (TextPart(text),) if text else ()
        if image:
            parts += (ImagePart("0" * 64, "image/png", "image-1.png"),)
        return Message(1, 1, None, role, parts, 0.0, MessageStatus.ERROR, model=model)

    images = chat.parts.images
    assert images.is_image_reply(reply("fake-model", image=True))
    assert images.is_image_reply(reply("dall-e-3"))  # failed empty, an image-only model
    assert not images.is_image_reply(reply("gemini-2.5-flash-image"))  # it chats too
    assert not images.is_image_reply(reply("dall-e-3", text="partial text"))
    assert not images.is_image_reply(reply("relay-painter"))
    settings_of(chat).set("images.models", {"fake": "relay-painter"})
    assert images.is_image_reply(reply("relay-painter"))  # used for images before
    assert not images.is_image_reply(reply("dall-e-3", image=True, role=Role.USER))


def test_attached_images_are_kept_and_the_user_told(
    chat: ChatWindow, fake_provider: FakeProvider, tmp_path: Path
) -> None:
    from desktop.ui.attachments.intake import ImageSource

    photo = tmp_path / "photo.png"
    photo.write_bytes(tiny_png(8, 8))
    tray = chat.window.chat.attachments
    tray.add_sources([ImageSource(photo.name, path=photo)])
    chat.wait(lambda: len(tray.images()) == 1 and not tray.is_busy())
    chat.window.chat.model_picker.pick("fake", "dall-e-3")
    chat.type_and_send("A lighthouse at dusk")
    chat.wait(chat.idle)
    assert "prompt" in fake_provider.bodies(IMAGES)[0]
    assert len(tray.images()) == 1  # still there for the next chat message
    assert "does not use the attached images" in chat.window.chat.notice_label.text()
