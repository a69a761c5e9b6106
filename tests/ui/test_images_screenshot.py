"""One conversation with an attached photo and a generated image: screenshot, checked on screen.

Saved as artifacts/images-conversation.png (look at it); both pictures' own colours must be
in the window's pixels, so neither can be missing or a placeholder.
"""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from desktop.core.settings import Settings
from desktop.core.store.models import Role
from desktop.ui import theme
from desktop.ui.attachments.intake import ImageSource
from tests.helpers.chat_window import KEY_ENV, add_provider, data_dir_at, fake_key, open_window
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider
from tests.helpers.images import distinct_colours
from tests.helpers.sample_images import encode, landscape
from tests.ui.test_image_generation_flow import painted_scene

__all__ = ["fake_provider"]

SUN_OF_THE_PHOTO = QColor(255, 230, 120)
SUN_OF_THE_GENERATED = QColor("#e9c46a")




def has_colour(shot: QImage, colour: QColor, tolerance: int = 6) -> bool:
    for y in range(0, shot.height(), 2):
        for x in range(0, shot.width(), 2):
            pixel = QColor(shot.pixel(x, y))
            if (abs(pixel.red() - colour.red()) <= tolerance
                    and abs(pixel.green() - colour.green()) <= tolerance
                    and abs(pixel.blue() - colour.blue()) <= tolerance):
                return True
    return False


def test_conversation_with_an_attached_and_a_generated_image(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch, artifacts_dir: Path,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    data = data_dir_at(tmp_path / "data")
    add_provider(data, fake_provider.base_url)
    settings = Settings(data.settings_file)
    settings.set("chat.default_model", "gpt-4o")  # known to have vision: no question first
    settings.set("images.models", {"fake": "dall-e-3"})
    photo = tmp_path / "valley.jpg"
    photo.write_bytes(encode(landscape(2400, 1600), "JPEG"))
    fake_provider.default_text = ("A valley at sunset: two rows of green hills under an orange "
                                  "sky, the sun low on the right. A lighthouse would suit it.")
    fake_provider.script("/images/generations", Reply.json({"data": [{
        "b64_json": base64.b64encode(painted_scene(384, 384)).decode(),
        "revised_prompt": "A white lighthouse on a cliff at dusk under an orange sky."}]}))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.style().name(), app.palette(), app.styleSheet(), theme.current_colors())
    theme.apply_theme(app, "light")
    chat = open_window(data, qasync_loop)
    try:
        chat.window.resize(1280, 900)
        tray = chat.window.chat.attachments
        tray.add_sources([ImageSource(photo.name, path=photo)])
        chat.wait(lambda: len(tray.images()) == 1 and not tray.is_busy())
        chat.type_and_send("What is in this picture?")
        chat.wait(chat.idle)
        chat.type_and_send("/image A lighthouse at dusk")
        chat.wait(chat.idle)
        path = chat.path()
        assert [m.role for m in path] == [Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT]
        assert len(path[0].images) == 1 and len(path[3].images) == 1
        assert fake_provider.bodies("/images/generations")[0]["model"] == "dall-e-3"
        area = chat.window.chat.chat_view.area
        area.verticalScrollBar().setValue(0)
        chat.wait(lambda: True, timeout=0.2)
        for message in (path[0], path[3]):
            card = area.bound_widget(message.id)
            assert card is not None, "both image cards fit on the screen"
            chat.wait(card.image_strip.is_loaded)
        chat.wait(lambda: True, timeout=0.2)
        target = artifacts_dir / "images-conversation.png"
        assert chat.window.grab().save(str(target))
        assert distinct_colours(target) > 40
        shot = QImage(str(target))
        assert has_colour(shot, SUN_OF_THE_PHOTO), "the attached photo is on screen"
        assert has_colour(shot, SUN_OF_THE_GENERATED), "the generated image is on screen"
    finally:
        chat.close()
        chat.store.close()
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setStyleSheet(saved[2])
        theme._current = saved[3]
