"""Dictation in the real window: the microphone button records (a WAV file fed as the
microphone through the test hook), the fake provider transcribes, the text lands at the
composer's cursor; a missing microphone and a refused transcription are told plainly."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QTextCursor

from desktop.core.wav_audio import tone_wav
from desktop.ui.dictation import recorder as recorder_module
from desktop.ui.dictation.button import DictationState
from desktop.ui.dictation.controller import DictationController
from desktop.ui.dictation.recorder import TEST_MICROPHONE_ENV, MicrophoneRecorder
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_media import content_blocked, parse_multipart
from tests.helpers.fake_provider import FakeProvider, fake_provider

__all__ = ["fake_provider"]


@pytest.fixture
def spoken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    wav = tone_wav(0.3, sample_rate=16_000)
    (tmp_path / "spoken.wav").write_bytes(wav)
    monkeypatch.setenv(TEST_MICROPHONE_ENV, str(tmp_path / "spoken.wav"))
    return wav


def _dictation(chat: ChatWindow) -> DictationController:
    dictation = chat.parts.dictation
    assert dictation is not None
    return dictation


def test_dictated_text_goes_in_at_the_cursor(
    chat: ChatWindow, fake_provider: FakeProvider, spoken: bytes
) -> None:
    pane = chat.window.chat
    assert chat.window.settings is not None
    chat.window.settings.set("dictation.language", "de")
    button = pane.dictation_button
    assert button.isVisible() and button.accessibleName() == "Dictate"
    composer = pane.composer
    composer.setPlainText("Before after")
    cursor = composer.textCursor()
    cursor.setPosition(len("Before"))
    composer.setTextCursor(cursor)
    button.click()
    assert button.state is DictationState.RECORDING and button.text().startswith("● 0:00")
    assert button.accessibleName() == "Stop recording"
    button.click()
    assert button.state is DictationState.TRANSCRIBING and not button.isEnabled()
    chat.wait(lambda: button.state is DictationState.IDLE)
    heard = f"heard {len(spoken)} bytes of dictation.wav in de"
    assert composer.toPlainText() == f"Before {heard} after"
    assert composer.textCursor().position() == len(f"Before {heard}")
    request = fake_provider.requests[-1]
    assert request.path == "/v1/audio/transcriptions"
    parts = parse_multipart(request)
    assert parts["file"].data == spoken and parts["file"].content_type == "audio/wav"
    assert (parts["model"].text, parts["language"].text) == ("whisper-1", "de")
    assert pane.notice.isHidden()
    composer.setPlainText("end")  # the cursor at the start: a space keeps the words apart
    button.click()
    button.click()
    chat.wait(lambda: button.state is DictationState.IDLE)
    assert composer.toPlainText() == f"{heard} end"


def test_a_refused_transcription_leaves_the_composer_alone(
    chat: ChatWindow, fake_provider: FakeProvider, spoken: bytes
) -> None:
    pane = chat.window.chat
    pane.composer.setPlainText("draft")
    pane.composer.moveCursor(QTextCursor.MoveOperation.End)
    fake_provider.script("/audio/transcriptions", content_blocked())
    pane.dictation_button.click()
    pane.dictation_button.click()
    chat.wait(lambda: pane.dictation_button.state is DictationState.IDLE)
    assert pane.composer.toPlainText() == "draft"
    assert "content filter" in pane.notice_label.text() and not pane.notice.isHidden()
    assert len(fake_provider.bodies("/audio/transcriptions")) == 1  # not retried


def test_no_microphone_is_said_plainly(
    chat: ChatWindow, fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real recorder on a system without an audio input (QMediaDevices lists none)."""
    monkeypatch.delenv(TEST_MICROPHONE_ENV, raising=False)
    devices = SimpleNamespace(audioInputs=lambda: [])
    monkeypatch.setattr(recorder_module, "multimedia",
                        lambda: SimpleNamespace(QMediaDevices=devices))
    dictation = _dictation(chat)
    dictation.make_recorder = MicrophoneRecorder
    pane = chat.window.chat
    pane.dictation_button.click()
    assert pane.dictation_button.state is DictationState.IDLE
    assert "No microphone was found" in pane.notice_label.text()
    assert fake_provider.bodies("/audio/transcriptions") == []


def test_real_recording_from_a_pulseaudio_pipe_source(tmp_path: Path) -> None:
    """MicrophoneRecorder records what a PulseAudio source delivers (a pipe fed with a tone,
    paced like a microphone), as 16 kHz mono WAV."""
    import subprocess
    import sys

    from desktop.core.wav_audio import read_wav
    from tests.helpers.pulse_microphone import private_pulse_microphone

    pcm = tmp_path / "tone.pcm"
    pcm.write_bytes(read_wav(tone_wav(1.0, sample_rate=16_000)).frames)
    repo = Path(__file__).resolve().parents[2]
    with private_pulse_microphone(tmp_path) as (env, fifo):
        env["QT_QPA_PLATFORM"] = "offscreen"
        result = subprocess.run(
            [sys.executable, "-m", "tests.ui.record_microphone", "0.8", str(fifo), str(pcm)],
            cwd=repo, env=env, capture_output=True, text=True, timeout=60)
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines.get("inputs") == "1", result.stdout + result.stderr
    assert "failed" not in lines, result.stdout + result.stderr
    assert lines["rate"] == "16000"
    assert 0.5 < float(lines["seconds"]) < 1.5
    assert int(lines["peak"]) > 4000  # the tone, not silence


def test_settings_dialog_sets_model_and_language_of_the_next_dictation(
    chat: ChatWindow, fake_provider: FakeProvider, spoken: bytes
) -> None:
    dictation = _dictation(chat)
    dictation.open_settings()
    dialog = dictation.settings_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.provider.currentData() == "" and dialog.model.currentText() == "whisper-1"
    dialog.provider.setCurrentIndex(dialog.provider.findData("fake"))
    dialog.model.setCurrentText("gpt-4o-transcribe")
    dialog.language.setText("fr")
    dialog.accept()
    button = chat.window.chat.dictation_button
    button.click()
    button.click()
    chat.wait(lambda: button.state is DictationState.IDLE)
    parts = parse_multipart(fake_provider.requests[-1])
    assert (parts["model"].text, parts["language"].text) == ("gpt-4o-transcribe", "fr")
    assert chat.window.chat.composer.toPlainText().endswith(" in fr")
