"""Screenshots of the mask painter and of the composer while recording, light and dark
(left in the test artifacts; the lead looks at them)."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from desktop.core.paths import DataDir
from desktop.ui import theme
from desktop.ui.dictation.button import DictationState
from desktop.ui.dictation.recorder import TEST_MICROPHONE_ENV
from tests.helpers.chat_window import open_window
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider
from tests.helpers.images import distinct_colours
from tests.ui.test_image_edit_window import _open_dialog
from tests.ui.test_image_generation_flow import painted_scene

__all__ = ["fake_provider"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(
    data: DataDir, qasync_loop: asyncio.AbstractEventLoop, fake_provider: FakeProvider,
    artifacts_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scheme: str,
) -> None:
    from desktop.core.wav_audio import tone_wav

    (tmp_path / "mic.wav").write_bytes(tone_wav(0.1))
    monkeypatch.setenv(TEST_MICROPHONE_ENV, str(tmp_path / "mic.wav"))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.style().name(), app.palette(), app.styleSheet(), theme.current_colors())
    theme.apply_theme(app, scheme)
    chat = open_window(data, qasync_loop)
    try:
        chat.window.resize(1100, 760)
        chat.window.chat.model_picker.pick("fake", "dall-e-3")
        fake_provider.script("/images/generations", Reply.json({"data": [
            {"b64_json": base64.b64encode(painted_scene(384, 384)).decode()}]}))
        chat.type_and_send("A lighthouse at dusk")
        chat.wait(chat.idle)
        reply = chat.path()[-1]
        dialog = _open_dialog(chat, reply.id, reply.images[0], "Edit image…")
        dialog.resize(620, 720)
        chat.wait(lambda: True, timeout=0.1)
        painter = dialog.painter
        rect = painter.image_rect()
        painter.set_brush_size(36)
        for y in (0.22, 0.3):
            painter.stroke(QPointF(rect.x() + rect.width() * 0.55, rect.y() + rect.height() * y),
                           QPointF(rect.x() + rect.width() * 0.85, rect.y() + rect.height() * y))
        dialog.prompt.setPlainText("Add a full moon to the sky")
        chat.wait(lambda: True, timeout=0.1)
        target = artifacts_dir / f"media-mask-painter-{scheme}.png"
        assert dialog.grab().save(str(target))
        assert distinct_colours(target) > 40
        dialog.reject()
        pane = chat.window.chat
        pane.composer.setPlainText("Summarise this: ")
        pane.composer.moveCursor(QTextCursor.MoveOperation.End)
        pane.dictation_button.click()
        assert pane.dictation_button.state is DictationState.RECORDING
        pane.dictation_button.set_state(DictationState.RECORDING, 7_400)
        chat.wait(lambda: True, timeout=0.1)
        pane.dictation_button.set_state(DictationState.RECORDING, 7_400)
        target = artifacts_dir / f"media-recording-{scheme}.png"
        assert chat.window.grab().save(str(target))
        pane.dictation_button.click()
        chat.wait(lambda: pane.dictation_button.state is DictationState.IDLE)
        chat.wait(lambda: True, timeout=0.1)
        assert pane.composer_frame.grab().save(str(artifacts_dir / f"media-idle-{scheme}.png"))
    finally:
        chat.close()
        chat.store.close()
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setStyleSheet(saved[2])
        theme._current = saved[3]
