"""The chat pane's attachments: attach button, Ctrl+V paste, drag-and-drop, chips and remove."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.attachments.intake import ImageSource
from desktop.ui.chat_pane import ChatPane
from tests.helpers.sample_images import encode, gif_frames, two_colour_image


@pytest.fixture
def pane(qtbot: QtBot) -> ChatPane:
    widget = ChatPane()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "photo.jpg"
    path.write_bytes(encode(two_colour_image(4000, 3000), "JPEG"))
    return path


@pytest.fixture
def icon_png(tmp_path: Path) -> Path:
    path = tmp_path / "icon.png"
    path.write_bytes(encode(two_colour_image(64, 48), "PNG"))
    return path


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def wait_ready(qtbot: QtBot, pane: ChatPane, count: int) -> None:
    qtbot.waitUntil(lambda: len(pane.attachments.images()) == count
                    and not pane.attachments.is_busy(), timeout=10_000)


def paste(qtbot: QtBot, pane: ChatPane, mime: QMimeData) -> None:
    QApplication.clipboard().setMimeData(mime)
    pane.composer.setFocus()
    qtbot.keyClick(pane.composer, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def drag(widget: QWidget, mime: QMimeData, kind: str) -> bool:
    """Deliver a drag enter or drop with `mime` at the widget's centre; True if accepted."""
    centre = widget.rect().center()
    action = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    event: QDropEvent
    if kind == "enter":
        event = QDragEnterEvent(centre, action, mime, buttons, modifiers)
    else:
        event = QDropEvent(QPointF(centre), action, mime, buttons, modifiers)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_pasted_image_data_becomes_a_chip(qtbot: QtBot, pane: ChatPane) -> None:
    mime = QMimeData()
    mime.setImageData(two_colour_image(300, 200))
    paste(qtbot, pane, mime)
    wait_ready(qtbot, pane, 1)
    assert pane.composer.toPlainText() == ""  # nothing pasted as text
    (image,) = pane.attachments.images()
    assert (image.width, image.height) == (300, 200) and image.mime == "image/png"
    assert image.name.startswith("pasted-image")
    assert pane.attachments.isVisible()


def test_pasted_file_urls_become_chips(
    qtbot: QtBot, pane: ChatPane, photo: Path, icon_png: Path
) -> None:
    paste(qtbot, pane, file_mime(photo, icon_png))
    items = pane.attachments.items()
    assert len(items) == 2
    chip = pane.attachments.chip(items[0].key)
    assert chip is not None and chip.busy.isVisibleTo(chip)  # preparing off the UI thread
    wait_ready(qtbot, pane, 2)
    assert not chip.busy.isVisibleTo(chip)
    assert "photo.jpg" in chip.toolTip() and "2048 × 1536" in chip.toolTip()
    assert [i.name for i in pane.attachments.images()] == ["photo.jpg", "icon.png"]


def test_pasted_text_stays_text(qtbot: QtBot, pane: ChatPane) -> None:
    mime = QMimeData()
    mime.setText("just words")
    paste(qtbot, pane, mime)
    assert pane.composer.toPlainText() == "just words"
    assert pane.attachments.is_empty() and not pane.attachments.isVisible()


def test_refused_file_shows_notice_and_no_chip(
    qtbot: QtBot, pane: ChatPane, tmp_path: Path
) -> None:
    # A text file is a document now (issue 15); a program is refused as an unknown binary.
    program = tmp_path / "tool.exe"
    program.write_bytes(b"MZ" + b"\x00" * 64)
    spinner = tmp_path / "spinner.gif"
    spinner.write_bytes(gif_frames(3))
    paste(qtbot, pane, file_mime(program, spinner))
    qtbot.waitUntil(lambda: pane.attachments.is_empty(), timeout=10_000)
    assert pane.notice.isVisible()
    # Both refusals were shown; the last one is what the notice holds now.
    assert "animated" in pane.notice_label.text() or "program" in pane.notice_label.text()
    assert not pane.attachments.isVisible()


def test_drop_on_composer_highlights_and_adds(
    qtbot: QtBot, pane: ChatPane, photo: Path
) -> None:
    target = pane.composer.viewport()
    mime = file_mime(photo)
    assert drag(target, mime, "enter")
    assert pane.composer_frame.property("dropTarget") is True
    assert pane.attachments.drop_hint.isVisible()
    assert drag(target, mime, "drop")
    assert pane.composer_frame.property("dropTarget") is False
    assert not pane.attachments.drop_hint.isVisible()
    wait_ready(qtbot, pane, 1)
    assert pane.composer.toPlainText() == ""  # the file's URL was not inserted as text


def test_drop_on_chat_view_adds_and_leave_clears_highlight(
    qtbot: QtBot, pane: ChatPane, photo: Path, icon_png: Path
) -> None:
    mime = file_mime(photo, icon_png)
    assert drag(pane, mime, "enter")
    assert pane.drop_zone.active
    QApplication.sendEvent(pane, QDragLeaveEvent())
    assert not pane.drop_zone.active and pane.composer_frame.property("dropTarget") is False
    assert drag(pane, mime, "enter")
    assert drag(pane, mime, "drop")
    wait_ready(qtbot, pane, 2)


def test_plain_text_drag_is_left_to_the_composer(pane: ChatPane) -> None:
    mime = QMimeData()
    mime.setText("dragged words")
    drag(pane.composer.viewport(), mime, "enter")
    assert not pane.drop_zone.active


def test_remove_button_drops_the_chip(qtbot: QtBot, pane: ChatPane, icon_png: Path) -> None:
    pane.attachments.add_sources([ImageSource(icon_png.name, path=icon_png)] * 2)
    wait_ready(qtbot, pane, 2)
    first = pane.attachments.items()[0]
    chip = pane.attachments.chip(first.key)
    assert chip is not None
    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    assert len(pane.attachments.images()) == 1 and pane.attachments.chip(first.key) is None
    last = pane.attachments.items()[0]
    last_chip = pane.attachments.chip(last.key)
    assert last_chip is not None
    qtbot.mouseClick(last_chip.remove_button, Qt.MouseButton.LeftButton)
    assert pane.attachments.is_empty() and not pane.attachments.isVisible()


def test_removing_a_chip_while_it_is_prepared(qtbot: QtBot, pane: ChatPane, photo: Path) -> None:
    pane.attachments.add_sources([ImageSource(photo.name, path=photo)])
    (item,) = pane.attachments.items()
    pane.attachments.remove(item.key)
    assert pane.attachments.jobs.wait(10_000)
    qtbot.wait(50)  # the finished job's result arrives and is dropped
    assert pane.attachments.is_empty()


def test_attach_button_uses_the_file_chooser(
    qtbot: QtBot, pane: ChatPane, photo: Path, icon_png: Path
) -> None:
    pane.choose_files = lambda parent: [photo, icon_png]
    qtbot.mouseClick(pane.attach_button, Qt.MouseButton.LeftButton)
    wait_ready(qtbot, pane, 2)
    assert pane.attach_button.accessibleName() == "Attach images"


def test_send_with_images_only_and_not_while_preparing(
    qtbot: QtBot, pane: ChatPane, photo: Path
) -> None:
    sent: list[str] = []
    pane.send_requested.connect(sent.append)
    pane.attachments.add_sources([ImageSource(photo.name, path=photo)])
    pane.send_button.click()  # still being prepared: not sent, and the pane says why
    assert sent == [] and pane.notice.isVisible()
    wait_ready(qtbot, pane, 1)
    pane.send_button.click()
    assert sent == [""]  # images only: empty text, the images are in the tray


def test_thumbnail_is_painted_in_the_chip(qtbot: QtBot, pane: ChatPane, icon_png: Path) -> None:
    pane.attachments.add_sources([ImageSource(icon_png.name, path=icon_png)])
    wait_ready(qtbot, pane, 1)
    (item,) = pane.attachments.items()
    chip = pane.attachments.chip(item.key)
    assert chip is not None
    picture = chip.grab().toImage()
    left = picture.pixelColor(QPoint(12, chip.height() // 2))
    right = picture.pixelColor(QPoint(chip.width() - 12, chip.height() // 2))
    assert left.red() > 180 and left.blue() < 90, left.name()
    assert right.blue() > 180 and right.red() < 90, right.name()
    assert not QImage(item.thumbnail).isNull()
