"""Dictation: the microphone button records, /audio/transcriptions turns it into text, and
the text goes into the composer at the cursor.

The provider is `dictation.provider` (empty: the picker's), the model `dictation.model`
(whisper-1) and the language `dictation.language` (empty: detected). Recording stops by
itself after `MAX_SECONDS`. Failures (no microphone, permission, the provider's error) are
told in the pane's notice line; the composer's text is never touched then.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from desktop.core.api.errors import APIError
from desktop.core.api.media_requests import Transcription, TranscriptionRequest, Upload
from desktop.core.chat_service import ChatService, ChatSetupError
from desktop.core.settings import Settings
from desktop.ui.dictation.button import DictationButton, DictationState
from desktop.ui.dictation.recorder import MAX_SECONDS, Recorder, make_recorder
from desktop.ui.dictation.settings_dialog import DictationSettingsDialog
from desktop.ui.task_runner import TaskRunner


class DictationController(QObject):
    """Runs the microphone button of one composer."""

    def __init__(self, button: DictationButton, composer: QPlainTextEdit, service: ChatService,
                 settings: Settings, tasks: TaskRunner, provider: Callable[[], str],
                 notice: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.button = button
        self.composer = composer
        self.service = service
        self.settings = settings
        self.tasks = tasks
        self._provider = provider
        self._notice = notice
        self.make_recorder: Callable[[QObject], Recorder] = make_recorder  # tests replace it
        self.recorder: Recorder | None = None
        self.ticker = QTimer(self)
        self.ticker.setInterval(250)
        self.ticker.timeout.connect(self._tick)
        button.clicked.connect(self.toggle)
        button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        button.customContextMenuRequested.connect(self._menu)
        self.settings_dialog: DictationSettingsDialog | None = None  # the open one

    def _menu(self, position: QPoint) -> None:
        menu = QMenu(self.button)
        menu.addAction(self.tr("Dictation settings…"), self.open_settings)
        menu.exec(self.button.mapToGlobal(position))
        menu.deleteLater()

    def open_settings(self) -> None:
        """Provider, model and language of dictation."""
        providers = [profile.name for profile in self.service.providers.list()]
        dialog = DictationSettingsDialog(self.settings, providers, self.button.window())
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()

    @property
    def recording(self) -> bool:
        return self.recorder is not None

    def toggle(self) -> None:
        if self.recording:
            self.stop()
        elif self.button.state is DictationState.IDLE:
            self.start()

    def start(self) -> None:
        provider = str(self.settings.get("dictation.provider") or self._provider())
        if not provider:
            self._notice(self.tr("Pick a model first: dictation uses its provider."))
            return
        recorder = self.make_recorder(self)
        recorder.failed.connect(self._failed)
        self.recorder = recorder
        if not recorder.start():
            self.recorder = None
            return
        self.button.set_state(DictationState.RECORDING)
        self.ticker.start()

    def _tick(self) -> None:
        if self.recorder is None:
            return
        elapsed = self.recorder.elapsed_ms()
        self.button.set_state(DictationState.RECORDING, elapsed)
        if elapsed >= MAX_SECONDS * 1000:
            self.stop()

    def _failed(self, message: str) -> None:
        self.ticker.stop()
        recorder, self.recorder = self.recorder, None
        if recorder is not None:
            recorder.deleteLater()
        self.button.set_state(DictationState.IDLE)
        self._notice(message)

    def stop(self) -> None:
        """Stop recording and send the audio to be transcribed."""
        self.ticker.stop()
        recorder, self.recorder = self.recorder, None
        if recorder is None:
            return
        audio = recorder.stop()
        recorder.deleteLater()
        if not audio:
            self.button.set_state(DictationState.IDLE)
            self._notice(self.tr("Nothing was recorded."))
            return
        self.button.set_state(DictationState.TRANSCRIBING)
        provider = str(self.settings.get("dictation.provider") or self._provider())
        request = TranscriptionRequest(
            Upload(audio, "dictation.wav", "audio/wav"),
            model=str(self.settings.get("dictation.model") or "whisper-1"),
            language=str(self.settings.get("dictation.language") or "") or None)
        self.tasks.start(self._transcribe(provider, request), name="transcribe dictation",
                         on_success=self._insert, on_failure=self._transcription_failed)

    async def _transcribe(self, provider: str, request: TranscriptionRequest) -> Transcription:
        client = await self.service.client_for(provider)
        return await client.transcribe(request)

    def _insert(self, result: Transcription) -> None:
        self.button.set_state(DictationState.IDLE)
        text = result.text.strip()
        if not text:
            self._notice(self.tr("No speech was heard in the recording."))
            return
        cursor = self.composer.textCursor()
        whole = self.composer.toPlainText()
        before, after = whole[:cursor.selectionStart()], whole[cursor.selectionEnd():]
        if before and not before[-1].isspace():
            text = " " + text
        if after and not after[0].isspace():
            text += " "
        cursor.insertText(text)
        self.composer.setTextCursor(cursor)
        self.composer.moveCursor(QTextCursor.MoveOperation.NoMove)
        self.composer.setFocus()

    def _transcription_failed(self, error: BaseException) -> None:
        self.button.set_state(DictationState.IDLE)
        if isinstance(error, APIError | ChatSetupError | ValueError):
            self._notice(self.tr("Dictation failed: {0}").format(
                error.explanation if isinstance(error, APIError) else str(error)))
        else:
            self._notice(self.tr("Dictation failed: {0}").format(type(error).__name__))
