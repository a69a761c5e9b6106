"""A changed setting takes effect in the open window at once, whoever changes it (issue 11)."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from desktop.core.settings import Settings
from desktop.ui.attachments.intake import ImageSource
from desktop.ui.settings_bridge import SettingsBridge
from tests.helpers.chat_window import ChatWindow
from tests.helpers.sample_images import encode, two_colour_image


def test_enter_sends_follows_the_setting_not_the_menu(chat: ChatWindow) -> None:
    window = chat.window
    composer = window.chat.composer
    assert composer.enter_sends and window.enter_sends_action.isChecked()
    window.settings.set("composer.enter_sends", False)  # e.g. a settings dialog, not the menu
    assert not composer.enter_sends
    assert not window.enter_sends_action.isChecked()
    assert "Ctrl+Enter" in composer.placeholderText()
    window.enter_sends_action.setChecked(True)  # the menu writes the setting
    assert window.settings.get("composer.enter_sends") is True
    assert composer.enter_sends


def test_max_image_side_reaches_the_tray_when_changed(chat: ChatWindow, tmp_path: Path) -> None:
    tray = chat.window.chat.attachments
    assert tray.max_side == Settings.default("attachments.max_image_side")
    chat.window.settings.set("attachments.max_image_side", 512)
    assert tray.max_side == 512
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(encode(two_colour_image(3000, 2000), "JPEG"))
    tray.add_sources([ImageSource(photo.name, path=photo)])
    chat.wait(lambda: len(tray.images()) == 1 and not tray.is_busy())
    image = tray.images()[0]
    assert (image.width, image.height) == (512, 341)


def test_bridge_follows_a_key_while_its_receiver_lives(qapp: QApplication) -> None:
    settings = Settings.in_memory()
    bridge = SettingsBridge(settings)
    seen: list[tuple[str, object]] = []
    bridge.changed.connect(lambda name, value: seen.append((name, value)))
    values: list[object] = []
    receiver = QObject()
    bridge.follow("ui.theme", receiver, values.append)  # called now with the current value
    settings.set("ui.theme", "dark")
    settings.set("speech.voice", "nova")
    assert values == ["system", "dark"]
    assert seen == [("ui.theme", "dark"), ("speech.voice", "nova")]
    shiboken6.delete(receiver)  # the widget is gone: its slot is no longer called
    settings.set("ui.theme", "light")
    assert values == ["system", "dark"]
