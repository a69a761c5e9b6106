"""Images in message cards: thumbnails from a real attachment store, heights, open, save, copy."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.paths import DataDir
from desktop.core.store.models import ImagePart, Message, Role, TextPart
from desktop.core.store.store import Store
from desktop.ui.chat_view import ChatView
from desktop.ui.chat_view.image_viewer import ImageViewer
from desktop.ui.chat_view.images import REPLY_TILE, USER_TILE, ImageStrip
from tests.helpers.sample_images import encode, two_colour_image


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(DataDir(tmp_path / "data").ensure(), backup_interval=None)
    yield opened
    opened.close()


@pytest.fixture
def view(chat_view: ChatView, store: Store) -> ChatView:
    chat_view.set_image_source(store.attachment_path)
    return chat_view


def message(number: int, role: Role, text: str, *images: ImagePart) -> Message:
    parts = ((TextPart(text),) if text else ()) + images
    return Message(id=number, conversation_id=1, parent_id=None, role=role, parts=parts,
                   created_at=time.time())


def strip_of(view: ChatView, message_id: int) -> ImageStrip:
    card = view.area.bound_widget(message_id)
    assert card is not None
    return card.image_strip


def assert_cards_fit(view: ChatView, ids: list[int]) -> None:
    """Each card is exactly as tall as the space the virtualised area gave it."""
    area = view.area
    for number, message_id in enumerate(ids):
        card = area.bound_widget(message_id)
        assert card is not None
        space = area.row_top(number + 1) - area.row_top(number)
        assert card.height() == space == card.heightForWidth(card.width())
        assert card.y() == area.row_top(number) - area.verticalScrollBar().value()


def test_user_and_generated_images_show_as_thumbnails(
    qtbot: QtBot, view: ChatView, store: Store
) -> None:
    photo = store.add_attachment(encode(two_colour_image(1200, 800), "JPEG"), name="photo.jpg")
    generated = store.add_attachment(encode(two_colour_image(1024, 1024), "PNG"),
                                     name="lighthouse.png")
    messages = [
        message(1, Role.USER, "what is this?", photo),
        message(2, Role.ASSISTANT, "", generated),  # as image generation saves its results
    ]
    view.set_conversation(messages, {})
    user_strip, reply_strip = strip_of(view, 1), strip_of(view, 2)
    assert user_strip.isVisible() and reply_strip.isVisible()
    # Measured before any thumbnail exists: a square tile each (a placeholder is painted).
    assert user_strip.height() == USER_TILE and reply_strip.height() == REPLY_TILE
    qtbot.waitUntil(lambda: user_strip.is_loaded() and reply_strip.is_loaded(), timeout=10_000)
    # Then the 3:2 photo takes its own shape and its card is measured again.
    landscape = QSize(1200, 800).scaled(QSize(USER_TILE, USER_TILE),
                                        Qt.AspectRatioMode.KeepAspectRatio)
    qtbot.waitUntil(lambda: user_strip.height() == landscape.height(), timeout=5_000)
    assert user_strip.tile_rects()[0].size() == landscape
    assert reply_strip.height() == REPLY_TILE  # square stays square
    assert_cards_fit(view, [1, 2])

    picture = reply_strip.grab().toImage()
    tile = reply_strip.tile_rects()[0]
    assert tile.x() == 0  # replies' images start at the left
    left = picture.pixelColor(QPoint(tile.x() + 20, tile.center().y()))
    right = picture.pixelColor(QPoint(tile.right() - 20, tile.center().y()))
    assert left.red() > 180 and left.blue() < 90, left.name()
    assert right.blue() > 180 and right.red() < 90, right.name()
    user_tile = user_strip.tile_rects()[0]
    assert user_tile.right() == user_strip.width() - 1  # the user's images sit on the right

    # Thumbnails are cached by hash: a card bound again has its final height at once.
    view.set_conversation(messages, {})
    assert strip_of(view, 1).height() == landscape.height()
    assert_cards_fit(view, [1, 2])


def test_placeholder_until_loaded_and_missing_file(
    qtbot: QtBot, view: ChatView, store: Store
) -> None:
    missing = ImagePart("0" * 64, "image/png", "gone.png")
    view.set_conversation([message(1, Role.USER, "", missing)], {})
    strip = strip_of(view, 1)
    assert strip.images is not None and strip.images.thumbnail(missing, USER_TILE) is None
    qtbot.waitUntil(strip.is_loaded, timeout=10_000)
    thumbnail = strip.images.thumbnail(missing, USER_TILE)
    assert thumbnail is not None and thumbnail.isNull()  # known missing: painted as such
    strip.grab()  # paints "Image missing" without failing


def test_many_images_wrap_into_rows(view: ChatView, store: Store) -> None:
    part = store.add_attachment(encode(two_colour_image(50, 50), "PNG"), name="dot.png")
    view.set_conversation([message(1, Role.ASSISTANT, "six images", *([part] * 6))], {})
    strip = strip_of(view, 1)
    assert strip.images is not None
    strip.images.thumbnail_ready.disconnect(strip._on_thumbnail_ready)  # stay with tiles
    per_row = (strip.width() + 8) // (REPLY_TILE + 8)
    rows = -(-6 // per_row)
    assert rows > 1
    assert strip.height() == rows * REPLY_TILE + (rows - 1) * 8
    assert len({rect.y() for rect in strip.tile_rects()}) == rows


def test_click_opens_viewer_at_full_size(qtbot: QtBot, view: ChatView, store: Store) -> None:
    part = store.add_attachment(encode(two_colour_image(1600, 900), "JPEG"), name="wide.jpg")
    view.set_conversation([message(1, Role.USER, "look", part)], {})
    strip = strip_of(view, 1)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=strip.tile_rects()[0].center())
    images = view.area.images
    assert len(images.viewers) == 1
    viewer = images.viewers[0]
    assert isinstance(viewer, ImageViewer)
    qtbot.waitUntil(lambda: viewer.loaded, timeout=10_000)
    assert (viewer.image.width(), viewer.image.height()) == (1600, 900)
    assert "1600 × 900" in viewer.windowTitle()
    pixmap = viewer.picture.pixmap()
    assert not pixmap.isNull() and pixmap.width() <= viewer.picture.width() + 1
    viewer.close()
    qtbot.waitUntil(lambda: not images.viewers, timeout=5_000)


def test_context_menu_saves_and_copies(
    qtbot: QtBot, view: ChatView, store: Store, tmp_path: Path
) -> None:
    data = encode(two_colour_image(300, 200), "PNG")
    part = store.add_attachment(data, name="chart.png")
    view.set_conversation([message(1, Role.ASSISTANT, "here", part)], {})
    strip = strip_of(view, 1)
    menu = strip.context_menu(part)
    labels = [action.text() for action in menu.actions()]
    assert labels == ["Open", "Save image as…", "Copy image", "", "Edit image…", "Variations…"]

    target = tmp_path / "out" / "saved.png"
    target.parent.mkdir()
    suggested: list[str] = []

    def choose(parent: object, name: str) -> Path:
        suggested.append(name)
        return target

    images = view.area.images
    images.choose_save_path = choose
    saved: list[str] = []
    images.saved.connect(saved.append)
    menu.actions()[1].trigger()
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    assert suggested == ["chart.png"] and target.read_bytes() == data

    QGuiApplication.clipboard().clear()
    menu.actions()[2].trigger()
    qtbot.waitUntil(lambda: not QApplication.clipboard().image().isNull(), timeout=10_000)
    copied = QApplication.clipboard().image()
    assert (copied.width(), copied.height()) == (300, 200)
    menu.deleteLater()


def test_keyboard_picks_and_opens_an_image(qtbot: QtBot, view: ChatView, store: Store) -> None:
    first = store.add_attachment(encode(two_colour_image(60, 40), "PNG"), name="first.png")
    second = store.add_attachment(encode(two_colour_image(40, 60), "PNG"), name="second.png")
    view.set_conversation([message(1, Role.USER, "two", first, second)], {})
    strip = strip_of(view, 1)
    assert strip.focusPolicy() == Qt.FocusPolicy.TabFocus
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_Right)
    qtbot.keyClick(strip, Qt.Key.Key_Right)  # stays on the last
    assert strip.current == 1
    qtbot.keyClick(strip, Qt.Key.Key_Return)
    images = view.area.images
    assert len(images.viewers) == 1
    viewer = images.viewers[0]
    assert isinstance(viewer, ImageViewer) and viewer.part == second
    qtbot.waitUntil(lambda: viewer.loaded, timeout=10_000)
    assert (viewer.image.width(), viewer.image.height()) == (40, 60)
    viewer.close()
