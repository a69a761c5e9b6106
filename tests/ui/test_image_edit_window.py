"""Edit image… and Variations… from an image in the chat, in the real window, against the
fake provider: the mask painted with the mouse arrives as OpenAI expects it."""

from __future__ import annotations

import base64

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QImage, QPainter
from PySide6.QtTest import QTest

from desktop.core.store.models import ImagePart, MessageStatus, Role
from desktop.ui.image_edit.dialog import ImageEditDialog
from desktop.ui.image_edit.mask_painter import png_bytes
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_media import parse_multipart, png_size
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider

__all__ = ["fake_provider"]
WIDTH, HEIGHT = 96, 64


def scene() -> bytes:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6f97"))
    painter = QPainter(image)
    painter.fillRect(30, 20, 30, 30, QColor("#e9c46a"))
    painter.end()
    return png_bytes(image)


def _generated(chat: ChatWindow, fake_provider: FakeProvider) -> tuple[int, ImagePart]:
    chat.window.chat.model_picker.pick("fake", "dall-e-3")
    fake_provider.script("/images/generations",
                         Reply.json({"data": [{"b64_json": base64.b64encode(scene()).decode()}]}))
    chat.type_and_send("A harbour")
    chat.wait(chat.idle)
    reply = chat.path()[-1]
    return reply.id, reply.images[0]


def _open_dialog(chat: ChatWindow, reply_id: int, part: ImagePart, label: str
                 ) -> ImageEditDialog:
    card = chat.window.chat.chat_view.area.bound_widget(reply_id)
    assert card is not None
    chat.wait(card.image_strip.is_loaded)
    menu = card.image_strip.context_menu(part)
    action = next(a for a in menu.actions() if isinstance(a, QAction) and a.text() == label)
    action.trigger()
    edits = chat.parts.image_edits
    assert edits is not None
    chat.wait(lambda: edits.dialog is not None)
    dialog = edits.dialog
    assert dialog is not None
    return dialog


def _drag(widget: ImageEditDialog, start: QPointF, end: QPointF) -> None:
    painter = widget.painter
    a, b = start.toPoint(), end.toPoint()
    QTest.mousePress(painter, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for step in range(1, 6):
        point = a + (b - a) * step / 5
        QTest.mouseMove(painter, QPoint(int(point.x()), int(point.y())))
    QTest.mouseRelease(painter, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def test_mask_painted_with_the_mouse_is_sent_with_image_and_prompt(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    reply_id, part = _generated(chat, fake_provider)
    dialog = _open_dialog(chat, reply_id, part, "Edit image…")
    assert dialog.isVisible() and dialog.model.currentText() == "gpt-image-1"
    dialog.resize(640, 700)
    painter = dialog.painter
    rect = painter.image_rect()
    to_widget = rect.width() / WIDTH
    def at(x: float, y: float) -> QPointF:
        return QPointF(rect.x() + x * to_widget, rect.y() + y * to_widget)
    dialog.brush_size.setValue(int(12 * to_widget))  # 12 image pixels wide
    _drag(dialog, at(20, 32), at(70, 32))  # a horizontal band through the middle
    dialog.eraser_button.click()
    _drag(dialog, at(66, 32), at(70, 32))  # its right end rubbed out again
    dialog.ok_button.click()
    assert "Describe the change" in dialog.error.text()  # no prompt yet: nothing sent
    dialog.prompt.setPlainText("Put a boat here")
    dialog.count.setValue(2)
    dialog.ok_button.click()
    chat.wait(lambda: chat.idle() and bool(fake_provider.bodies("/images/edits")))

    parts = parse_multipart(fake_provider.requests[-1])
    assert parts["prompt"].text == "Put a boat here"
    assert parts["model"].text == "gpt-image-1" and parts["n"].text == "2"
    assert png_size(parts["image"].data) == (WIDTH, HEIGHT)
    assert png_size(parts["mask"].data) == (WIDTH, HEIGHT)
    mask = QImage.fromData(parts["mask"].data)
    assert mask.hasAlphaChannel()
    alpha = [[mask.pixelColor(x, y).alpha() for x in range(WIDTH)] for y in range(HEIGHT)]
    assert alpha[32][20] == alpha[32][45] == 0  # painted: to be changed
    assert alpha[5][5] == alpha[60][90] == alpha[32][78] == 255  # kept
    assert alpha[32][68] == 255  # painted, then erased
    image = QImage.fromData(parts["image"].data)
    assert QColor(image.pixel(40, 30)).name() == "#e9c46a"  # the picture itself, full size

    user, reply = chat.path()[-2:]
    assert (user.role, user.text, len(user.images)) == (Role.USER, "Put a boat here", 1)
    assert reply.status is MessageStatus.COMPLETE and len(reply.images) == 2
    assert chat.store.read_attachment(user.images[0].hash) == parts["image"].data


def test_variations_and_a_content_filter_refusal(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    from tests.helpers.fake_media import content_blocked

    reply_id, part = _generated(chat, fake_provider)
    dialog = _open_dialog(chat, reply_id, part, "Variations…")
    assert not dialog.painter.isVisible() and not dialog.prompt.isVisible()
    assert dialog.model.currentText() == "dall-e-2"
    fake_provider.script("/images/variations", content_blocked())
    dialog.ok_button.click()
    chat.wait(lambda: chat.idle() and bool(fake_provider.bodies("/images/variations")))
    assert len([r for r in fake_provider.requests if r.path.endswith("/variations")]) == 1
    user, reply = chat.path()[-2:]
    assert user.text == "Variations of this image" and len(user.images) == 1
    assert reply.status is MessageStatus.ERROR and "content filter" in (reply.error or "")
    assert "prompt" not in parse_multipart(fake_provider.requests[-1])


def test_regenerate_of_an_edit_opens_the_dialog_again(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    reply_id, part = _generated(chat, fake_provider)
    dialog = _open_dialog(chat, reply_id, part, "Edit image…")
    dialog.prompt.setPlainText("A boat")
    dialog.ok_button.click()
    chat.wait(lambda: chat.idle() and chat.parts.image_edits is not None
              and chat.parts.image_edits.dialog is None)
    reply = chat.path()[-1]
    edits = chat.parts.image_edits
    assert edits is not None
    chat.parts.exchanges.regenerate(reply.id)
    chat.wait(lambda: edits.dialog is not None)
    assert edits.dialog is not None and edits.dialog.prompt.toPlainText() == "A boat"
    assert len(fake_provider.bodies("/images/generations")) == 1  # not generated from text
