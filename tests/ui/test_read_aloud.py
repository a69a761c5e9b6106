"""Read aloud in the real window against the fake provider; real playback on a null sink."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.paths import DataDir
from desktop.core.settings import Settings
from desktop.core.wav_audio import read_wav, tone_wav
from desktop.ui import audio_output
from desktop.ui.chat_view.message_widget import MessageWidget
from desktop.ui.read_aloud import ReadAloud
from desktop.ui.speech_settings import SpeechSettingsDialog
from tests.conftest import REPO_ROOT
from tests.helpers.chat_window import (
    ChatWindow,
    open_window,
)
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider
from tests.helpers.pulse_audio import private_pulse_audio

__all__ = ["fake_provider"]

SPEECH = "/audio/speech"








class SaveDialog:
    """Stands in for the file dialog: records the reason and answers with a path."""

    def __init__(self, target: Path | None) -> None:
        self.target = target
        self.reasons: list[str] = []

    def __call__(self, audio: Path, reason: str) -> str | None:
        self.reasons.append(reason)
        return str(self.target) if self.target else None


def reader(chat: ChatWindow) -> ReadAloud:
    assert chat.parts.read_aloud.read_aloud is not None
    return chat.parts.read_aloud.read_aloud


def reply_card(chat: ChatWindow) -> tuple[int, MessageWidget]:
    """Send a message and return the reply's id and its (bound) card."""
    chat.type_and_send("Hello")
    chat.wait(chat.idle)
    reply_id = chat.path()[-1].id
    widget = chat.window.chat.chat_view.area.bound_widget(reply_id)
    assert widget is not None
    return reply_id, widget


def without_output(chat: ChatWindow, target: Path | None) -> SaveDialog:
    dialog = SaveDialog(target)
    reader(chat).output_count = lambda: 0
    reader(chat).choose_save_path = dialog
    return dialog


def test_no_audio_output_offers_the_wav_for_saving(
    chat: ChatWindow, fake_provider: FakeProvider, tmp_path: Path
) -> None:
    dialog = without_output(chat, tmp_path / "reply.wav")
    reply_id, card = reply_card(chat)
    assert card.read_aloud_button.isVisible() and card.read_aloud_button.text() == "Read aloud"
    saved: list[str] = []
    reader(chat).saved.connect(saved.append)
    card.read_aloud_button.click()
    assert card.read_aloud_button.text() == "Stop reading"  # at once, while the request runs
    chat.wait(lambda: bool(saved))
    assert fake_provider.bodies(SPEECH) == [{
        "model": "tts-1", "voice": "alloy", "input": "Hello from the fake provider.",
        "response_format": "wav",
    }]
    assert dialog.reasons and "no audio output" in dialog.reasons[0]
    audio = read_wav((tmp_path / "reply.wav").read_bytes())
    assert audio.format.sample_rate == 24_000 and audio.duration > 0.05
    assert reader(chat).message_id is None
    assert chat.window.chat.chat_view.area.bound_widget(reply_id) is card
    assert card.read_aloud_button.text() == "Read aloud"
    assert str(tmp_path / "reply.wav") in chat.window.statusBar().currentMessage()


def test_second_read_aloud_comes_from_the_cache(
    chat: ChatWindow, fake_provider: FakeProvider, tmp_path: Path
) -> None:
    dialog = without_output(chat, None)  # the dialog is cancelled: nothing saved
    _reply_id, card = reply_card(chat)
    for _ in range(2):
        card.read_aloud_button.click()
        count = len(dialog.reasons)
        chat.wait(lambda count=count: len(dialog.reasons) > count)  # type: ignore[misc]
    assert len(fake_provider.bodies(SPEECH)) == 1
    files = list((Path(chat.store.data_dir.root) / "speech").iterdir())
    assert len(files) == 1 and files[0].suffix == ".wav"


def test_voice_from_settings_and_a_new_cache_entry(
    chat: ChatWindow, fake_provider: FakeProvider, data: DataDir
) -> None:
    dialog = without_output(chat, None)
    _reply_id, card = reply_card(chat)
    card.read_aloud_button.click()
    chat.wait(lambda: len(dialog.reasons) == 1)
    assert chat.window.settings is not None
    chat.window.settings.set("speech.voice", "nova")
    card.read_aloud_button.click()
    chat.wait(lambda: len(dialog.reasons) == 2)
    assert [b["voice"] for b in fake_provider.bodies(SPEECH)] == ["alloy", "nova"]
    assert len(list((data.root / "speech").iterdir())) == 2
    assert Settings(data.settings_file).get("speech.voice") == "nova"


def test_stop_while_fetching(chat: ChatWindow, fake_provider: FakeProvider) -> None:
    dialog = without_output(chat, None)
    slow = Reply.text(tone_wav(0.1), content_type="audio/wav")
    slow.delay = 3.0
    fake_provider.script(SPEECH, slow)
    _reply_id, card = reply_card(chat)
    card.read_aloud_button.click()
    chat.wait(lambda: bool(fake_provider.bodies(SPEECH)))
    assert card.read_aloud_button.text() == "Stop reading" and reader(chat).state == "fetching"
    card.read_aloud_button.click()
    assert card.read_aloud_button.text() == "Read aloud"
    assert reader(chat).message_id is None and reader(chat).state == "idle"
    chat.wait(lambda: chat.window.tasks.running == 0)
    assert dialog.reasons == []  # the cancelled request offered nothing


def test_provider_error_is_shown_like_a_chat_error(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    without_output(chat, None)
    fake_provider.script(SPEECH, Reply.error(429, "Rate limit reached for tts-1"))
    _reply_id, card = reply_card(chat)
    card.read_aloud_button.click()
    chat.wait(lambda: reader(chat).message_id is None)
    shown = chat.window.statusBar().currentMessage()
    assert shown.startswith("Read aloud failed:") and "Rate limit reached" in shown
    assert card.read_aloud_button.text() == "Read aloud"


def test_opening_another_conversation_stops_reading(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    without_output(chat, None)
    slow = Reply.text(tone_wav(0.1), content_type="audio/wav")
    slow.delay = 3.0
    fake_provider.script(SPEECH, slow)
    _reply_id, card = reply_card(chat)
    card.read_aloud_button.click()
    assert reader(chat).state == "fetching"
    chat.parts.opener.new_conversation()
    assert reader(chat).message_id is None and reader(chat).state == "idle"


@pytest.mark.parametrize(
    "name", ["speech.wav", "speech.audio"], ids=["QSoundEffect", "QMediaPlayer"]
)
def test_real_playback_on_a_null_sink(tmp_path: Path, name: str) -> None:
    """A WAV from the cache plays to the end through QtMultimedia and PulseAudio.

    `.wav` plays through QSoundEffect (no media backend needed, as in the bundle); any other
    name through QMediaPlayer, which needs the FFmpeg backend of pip installs.
    """
    audio = tmp_path / name
    audio.write_bytes(tone_wav(0.6))
    with private_pulse_audio(tmp_path) as env:
        env["QT_QPA_PLATFORM"] = "offscreen"
        result = subprocess.run(
            [sys.executable, "-m", "tests.ui.play_speech", str(audio)], cwd=REPO_ROOT, env=env,
            capture_output=True, text=True, timeout=60,
        )
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines.get("outputs") == "1", result.stdout + result.stderr
    if name != "speech.wav" and lines.get("backend") != "1":
        pytest.skip("QtMultimedia has no FFmpeg media backend here")
    assert "started" in lines and "finished" in lines, result.stdout + result.stderr
    played = float(lines["finished"]) - float(lines["started"])
    print(f"\n{name}: a 0.60 s WAV played in {played:.2f} s")
    assert 0.5 < played < 6.0  # played to the end, not cut short


def test_settings_dialog_sets_what_the_next_reading_asks_for(
    chat: ChatWindow, fake_provider: FakeProvider, qtbot: QtBot
) -> None:
    dialog = without_output(chat, None)
    chat.window.speech_action.trigger()
    settings_dialog = chat.window.findChild(SpeechSettingsDialog)
    assert settings_dialog is not None and settings_dialog.isVisible()
    assert settings_dialog.provider.currentData() == ""  # the conversation's provider
    settings_dialog.model.setText("gpt-4o-mini-tts")
    settings_dialog.voice.setCurrentText("coral")
    settings_dialog.format.setCurrentText("pcm")
    settings_dialog.accept()
    _reply_id, card = reply_card(chat)
    card.read_aloud_button.click()
    chat.wait(lambda: len(dialog.reasons) == 1)
    body = fake_provider.bodies(SPEECH)[0]
    assert (body["model"], body["voice"], body["response_format"]) == (
        "gpt-4o-mini-tts", "coral", "pcm")
    speech = list((chat.store.data_dir.root / "speech").iterdir())
    assert [path.suffix for path in speech] == [".wav"]  # PCM is kept as a playable WAV


def test_cache_entries_of_deleted_messages_go_at_the_next_start(
    data: DataDir, qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    speech = data.root / "speech"
    speech.mkdir()
    (speech / "999-0123456789abcdef01234567.wav").write_bytes(tone_wav(0.01))
    harness = open_window(data, qasync_loop)  # waits for its start-up tasks, the sweep too
    try:
        assert list(speech.iterdir()) == []
    finally:
        harness.close()
        harness.store.close()


def test_deleting_a_message_or_its_conversation_removes_its_audio(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    dialog = without_output(chat, None)
    speech = Path(chat.store.data_dir.root) / "speech"
    reply_id, card = reply_card(chat)
    card.read_aloud_button.click()
    chat.wait(lambda: bool(dialog.reasons))
    assert [p.name.split("-")[0] for p in speech.iterdir()] == [str(reply_id)]
    chat.parts.messages.delete(reply_id)
    chat.wait(lambda: not list(speech.iterdir()) and chat.idle())

    reply_id, card = reply_card(chat)
    card.read_aloud_button.click()
    chat.wait(lambda: len(dialog.reasons) == 2)
    assert len(list(speech.iterdir())) == 1
    conversation_id = chat.parts.state.conversation_id
    assert conversation_id is not None
    chat.parts.sidebar.delete_conversation(conversation_id)
    chat.parts.sidebar.commit_delete(conversation_id)  # as when the Undo offer runs out
    chat.wait(lambda: not list(speech.iterdir()) and chat.idle())


def test_without_qtmultimedia_the_audio_is_offered_for_saving(
    chat: ChatWindow, fake_provider: FakeProvider, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A host without libpulse: QtMultimedia does not import; the reason names it."""
    monkeypatch.setattr(audio_output, "_load", lambda: (None, "libpulse.so.0: not found"))
    dialog = SaveDialog(tmp_path / "reply.wav")
    reader(chat).choose_save_path = dialog
    saved: list[str] = []
    reader(chat).saved.connect(saved.append)
    _reply_id, card = reply_card(chat)
    card.read_aloud_button.click()
    chat.wait(lambda: bool(saved))
    assert "QtMultimedia does not load: libpulse.so.0: not found" in dialog.reasons[0]
    assert read_wav((tmp_path / "reply.wav").read_bytes()).frame_count > 0
