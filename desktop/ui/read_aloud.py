"""Read aloud: a reply's speech fetched off the UI thread, cached, played one at a time.

`ReadAloud.toggle(message_id)` starts (or, for the reply being read, stops) reading. The card
shows "Stop" from the moment the request goes out until the audio ends. WAV plays through
QSoundEffect, other formats through QMediaPlayer where a media backend exists; without an
audio output, QtMultimedia or a backend the file is offered for saving, with the reason.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.api.errors import APIError
from desktop.core.speech import (
    NothingToReadError,
    SpeechAudio,
    SpeechCache,
    SpeechSettings,
    SpeechSource,
)
from desktop.core.store.errors import NotFoundError
from desktop.ui import audio_output

if TYPE_CHECKING:
    from desktop.core.chat_service import ChatService
    from desktop.core.store.store import Store
    from desktop.ui.main_window import MainWindow
    from desktop.ui.task_runner import TaskRunner

log = logging.getLogger(__name__)

SaveChooser = Callable[[Path, str], "str | None"]  # (audio file, reason) -> chosen path


class SpeechPlayer(QObject):
    """Plays one audio file: WAV through QSoundEffect, other formats through QMediaPlayer.

    Signals are connected without arguments: PySide6 cannot convert some of QtMultimedia's
    enum arguments (QAudio::State), so the state is read from the object instead.
    """

    started = Signal()
    finished = Signal()  # played to the end (not after stop())
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._media: Any = None
        self._started = False

    def play(self, path: Path) -> None:
        qm = audio_output.multimedia()
        if qm is None:
            self.failed.emit(audio_output.load_problem())
            return
        url = QUrl.fromLocalFile(str(path))
        if path.suffix == ".wav":
            effect = qm.QSoundEffect(qm.QMediaDevices.defaultAudioOutput(), self)
            effect.playingChanged.connect(lambda: self._on_playing(effect.isPlaying()))
            effect.statusChanged.connect(lambda: self._on_effect_status(effect))
            effect.setSource(url)
            self._media = effect
            effect.play()
            return
        player = qm.QMediaPlayer(self)
        player.setAudioOutput(qm.QAudioOutput(qm.QMediaDevices.defaultAudioOutput(), player))
        playing = qm.QMediaPlayer.PlaybackState.PlayingState
        player.playbackStateChanged.connect(
            lambda: self._on_playing(player.playbackState() == playing))
        player.errorOccurred.connect(lambda: self.failed.emit(player.errorString()))
        player.setSource(url)
        self._media = player
        player.play()

    def stop(self) -> None:
        media, self._media = self._media, None
        if media is not None:
            media.blockSignals(True)
            media.stop()
            media.deleteLater()

    def _on_effect_status(self, effect: Any) -> None:
        qm = audio_output.multimedia()
        if qm is not None and effect.status() == qm.QSoundEffect.Status.Error:
            self.failed.emit(self.tr("the WAV file could not be decoded"))

    def _on_playing(self, playing: bool) -> None:
        if playing and not self._started:
            self._started = True
            self.started.emit()
        elif not playing and self._started:
            self._started = False
            self.finished.emit()


class ReadAloud(QObject):
    """One reading at a time: fetching, then playing; Stop (or another reply) ends it."""

    reading_changed = Signal(object)  # message id being read (fetching or playing), or None
    playback_started = Signal(int)
    playback_finished = Signal(int)  # played to the end
    saved = Signal(str)  # path the audio was saved to instead of playing
    notice = Signal(str)  # what to tell the user (status bar)

    def __init__(
        self,
        tasks: TaskRunner,
        source: SpeechSource,
        settings: Callable[[], SpeechSettings | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.source = source
        self.settings = settings
        self.message_id: int | None = None
        self.state = "idle"  # idle, fetching, playing
        self._task: asyncio.Task[Any] | None = None
        self._player: SpeechPlayer | None = None
        # Replaceable in tests: how many outputs exist, and where to save unplayable audio.
        self.output_count: Callable[[], int] = audio_output.output_count
        self.choose_save_path: SaveChooser = self._ask_save_path
        self.dialog_parent: QWidget | None = None

    # ----------------------------------------------------------------- public

    def toggle(self, message_id: int, markdown: str) -> None:
        """Read the reply aloud, or stop it when it is the one being read."""
        if self.message_id == message_id:
            self.stop()
            return
        self.stop()
        settings = self.settings()
        if settings is None:
            return
        self._set_reading(message_id, "fetching")
        self._task = self.tasks.start(
            self.source.audio_for(message_id, markdown, settings),
            name="read aloud",
            on_success=lambda audio: self._got_audio(message_id, audio),
            on_failure=lambda exc: self._failed(message_id, exc),
        )

    def stop(self) -> None:
        """Cancel the request or stop the sound; the card shows "Read aloud" again."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None
        self._drop_player()
        self._set_reading(None, "idle")

    # ----------------------------------------------------------------- fetching

    def _set_reading(self, message_id: int | None, state: str) -> None:
        changed = message_id != self.message_id
        self.message_id = message_id
        self.state = state
        if changed:
            self.reading_changed.emit(message_id)

    def _failed(self, message_id: int, exc: BaseException) -> None:
        if self.message_id != message_id:
            return
        self._set_reading(None, "idle")
        if isinstance(exc, APIError):
            self.notice.emit(self.tr("Read aloud failed: %1").replace("%1", exc.explanation))
        elif isinstance(exc, NothingToReadError):
            self.notice.emit(self.tr("This reply has no text to read aloud."))
        else:
            self.notice.emit(self.tr("Read aloud failed: %1").replace("%1", str(exc)))

    def _got_audio(self, message_id: int, audio: SpeechAudio) -> None:
        if self.message_id != message_id:
            return  # stopped or replaced meanwhile
        self._task = None
        if audio.truncated:
            self.notice.emit(self.tr("This reply is long: only its first part is read aloud."))
        reason = self._why_not_playable(audio)
        if reason:
            self._set_reading(None, "idle")
            self._offer_save(audio.path, reason)
            return
        self._play(message_id, audio)

    def _why_not_playable(self, audio: SpeechAudio) -> str:
        if audio_output.multimedia() is None:
            return self.tr("Audio cannot be played here (QtMultimedia does not load: %1).").replace(
                "%1", audio_output.load_problem())
        if self.output_count() == 0:
            return self.tr("There is no audio output on this system.")
        if not audio.is_wav and not audio_output.can_decode_compressed():
            return self.tr(
                "This installation plays only WAV audio, and the provider sent %1. "
                "Choose WAV in the read-aloud settings to listen here."
            ).replace("%1", audio.path.suffix.lstrip(".").upper() or "?")
        return ""

    # ----------------------------------------------------------------- playing

    def _play(self, message_id: int, audio: SpeechAudio) -> None:
        player = SpeechPlayer(self)
        player.started.connect(lambda: self._on_started(message_id))
        player.finished.connect(lambda: self._on_finished(message_id))
        player.failed.connect(lambda error: self._on_player_error(message_id, audio, error))
        self._player = player
        self.state = "playing"
        player.play(audio.path)

    def _on_started(self, message_id: int) -> None:
        if self.message_id == message_id:
            self.playback_started.emit(message_id)

    def _on_finished(self, message_id: int) -> None:
        if self.message_id != message_id:
            return
        self._drop_player()
        self._set_reading(None, "idle")
        self.playback_finished.emit(message_id)

    def _on_player_error(self, message_id: int, audio: SpeechAudio, error: str) -> None:
        if self.message_id != message_id:
            return
        self.stop()
        self._offer_save(audio.path, self.tr("The audio could not be played: %1.").replace(
            "%1", error))

    def _drop_player(self) -> None:
        player, self._player = self._player, None
        if player is not None:
            player.blockSignals(True)
            player.stop()
            player.deleteLater()

    # ----------------------------------------------------------------- saving instead

    def _offer_save(self, audio: Path, reason: str) -> None:
        self.notice.emit(reason)
        # The file dialog runs its own event loop: open it from the Qt event queue, not from
        # inside the asyncio callback that delivered the audio.
        QTimer.singleShot(0, self, lambda: self._ask_and_save(audio, reason))

    def _ask_and_save(self, audio: Path, reason: str) -> None:
        target = self.choose_save_path(audio, reason)
        if not target:
            return
        self.tasks.start(asyncio.to_thread(shutil.copyfile, audio, target), name="save audio",
                         on_success=lambda _r: self._saved(target),
                         on_failure=lambda exc: self.notice.emit(
                             self.tr("The audio was not saved: %1").replace("%1", str(exc))))

    def _saved(self, target: str) -> None:
        self.notice.emit(self.tr("Audio saved to %1").replace("%1", target))
        self.saved.emit(target)

    def _ask_save_path(self, audio: Path, reason: str) -> str | None:
        suffix = audio.suffix or ".wav"
        path, _filter = QFileDialog.getSaveFileName(
            self.dialog_parent, self.tr("Save audio — %1").replace("%1", reason),
            f"reply{suffix}", self.tr("Audio (*%1)").replace("%1", suffix))
        return path or None


def attach_read_aloud(window: MainWindow, store: Store, service: ChatService) -> ReadAloud:
    """Wire read aloud into the window: card buttons, conversation switches, notices, settings."""
    controller = window.controller
    assert controller is not None
    megabytes = int(window.settings.get("speech.cache_mb")) if window.settings else 200
    cache = SpeechCache(store.data_dir.root / "speech", megabytes * 1_000_000)
    view = window.chat.chat_view

    def current_settings() -> SpeechSettings | None:
        target = window.chat.selected_target()
        settings = SpeechSettings.from_settings(window.settings, target[0] if target else "")
        if not settings.provider:
            read_aloud.notice.emit(read_aloud.tr(
                "Choose a provider first: read aloud uses the conversation's provider."))
            return None
        return settings

    source = SpeechSource(cache, service.client_for)
    read_aloud = ReadAloud(window.tasks, source, current_settings, window)
    read_aloud.dialog_parent = window

    def toggle(message_id: int) -> None:
        message = controller.messages.get(message_id)
        if message is not None:
            read_aloud.toggle(message_id, message.text)

    def message_exists(message_id: int) -> bool:
        try:
            store.get_message(message_id)
        except NotFoundError:
            return False
        return True

    view.read_aloud_requested.connect(toggle)
    read_aloud.reading_changed.connect(view.set_reading)
    read_aloud.notice.connect(lambda text: window.statusBar().showMessage(text, 10000))
    controller.conversation_opened.connect(lambda _id: read_aloud.stop())
    view.delete_requested.connect(lambda _id: read_aloud.stop())

    def open_settings() -> None:
        from desktop.ui.speech_settings import SpeechSettingsDialog

        names = [profile.name for profile in service.providers.list()]
        dialog = SpeechSettingsDialog(window.settings, names, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(read_aloud.stop)  # the next reading uses the new settings
        dialog.open()

    window.speech_action.triggered.connect(open_settings)

    def sweep() -> None:
        """Audio of messages no longer in the history is removed (at start, after deletes)."""
        window.tasks.start(asyncio.to_thread(cache.sweep, message_exists),
                           name="sweep speech cache")

    controller.messages_deleted.connect(sweep)
    sweep()
    return read_aloud
