"""In-app playback of Studio results: a Suno clip (play/pause/seek) and a Luma video.

Both use QMediaPlayer, which needs a media backend: pip installs carry QtMultimedia's FFmpeg
backend, the bundle leaves it out (docs/media-backend.md). Where playback is impossible the
player says so in one line and offers nothing that would fail; it never raises. Players are
made on the first Play, so a gallery of many results holds no idle decoders.

Signals are connected without arguments: PySide6 cannot convert some of QtMultimedia's enum
arguments, so the state is read from the player instead (as `read_aloud.SpeechPlayer` does).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import audio_output


def _clock(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


def playback_problem(path: Path, *, video: bool = False, file_type: str = "") -> str:
    """Why this build cannot play `path` ("" when it can), in the user's words;
    `file_type` names the format (MP3), as stored files have no extension."""
    from PySide6.QtCore import QCoreApplication

    def tr(text: str) -> str:
        return QCoreApplication.translate("MediaPlayers", text)

    if audio_output.multimedia() is None:
        return tr("This build cannot play media here (QtMultimedia does not load: %1). "
                  "Save the file or open it with the system player.").replace(
                      "%1", audio_output.load_problem())
    if not audio_output.can_decode_compressed():
        kind = file_type or path.suffix.lstrip(".").upper() or tr("this file")
        return tr("This build cannot play %1; save it or open it with the system player.").replace(
            "%1", kind)
    if video and _video_widget_class() is None:
        return tr("This build cannot show videos; save it or open it with the system player.")
    return ""


def _video_widget_class() -> Any:
    try:
        module = importlib.import_module("PySide6.QtMultimediaWidgets")
    except ImportError:
        return None
    return getattr(module, "QVideoWidget", None)


class _Transport(QWidget):
    """Play/pause, a seek slider and the time; drives one QMediaPlayer made on demand."""

    finished = Signal()  # played to the end
    failed = Signal(str)

    def __init__(self, path: Path, *, video: bool, file_type: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.file_type = file_type
        self.video = video
        self.player: Any = None
        self.video_widget: QWidget | None = None
        self._seeking = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.play_button = QToolButton()
        self.play_button.setObjectName("playButton")
        self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.clicked.connect(self.toggle)
        row.addWidget(self.play_button)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("seekSlider")
        self.slider.setRange(0, 0)
        self.slider.sliderPressed.connect(lambda: setattr(self, "_seeking", True))
        self.slider.sliderReleased.connect(self._seek_released)
        row.addWidget(self.slider, 1)
        self.time_label = QLabel("0:00")
        self.time_label.setObjectName("hint")
        self.time_label.setMinimumWidth(72)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.time_label)
        self.problem = QLabel()
        self.problem.setObjectName("hint")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.play_button.setToolTip(self.tr("Play or pause"))
        self.play_button.setAccessibleName(self.tr("Play or pause"))
        self.slider.setAccessibleName(self.tr("Position"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ----------------------------------------------------------------- playback

    def playing(self) -> bool:
        qm = audio_output.multimedia()
        return bool(self.player is not None and qm is not None and
                    self.player.playbackState() == qm.QMediaPlayer.PlaybackState.PlayingState)

    def toggle(self) -> None:
        if self.player is None and not self._make_player():
            return
        if self.playing():
            self.player.pause()
        else:
            self.player.play()

    def stop(self) -> None:
        if self.player is not None:
            self.player.stop()

    def _make_player(self) -> bool:
        problem = playback_problem(self.path, video=self.video, file_type=self.file_type)
        if problem:
            self.failed.emit(problem)
            return False
        qm = audio_output.multimedia()
        assert qm is not None
        player = qm.QMediaPlayer(self)
        self.player = player  # before setSource: its signals may come at once
        player.setAudioOutput(qm.QAudioOutput(player))
        if self.video:
            widget_class = _video_widget_class()
            widget = widget_class()
            widget.setObjectName("studioVideo")
            widget.setMinimumHeight(180)
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            player.setVideoOutput(widget)
            self.video_widget = widget
        player.positionChanged.connect(self._on_position)
        player.durationChanged.connect(self._on_duration)
        player.playbackStateChanged.connect(self._on_state)
        player.mediaStatusChanged.connect(self._on_status)
        player.errorOccurred.connect(lambda: self.failed.emit(
            self.tr("The file could not be played: %1").replace("%1", player.errorString())))
        player.setSource(QUrl.fromLocalFile(str(self.path)))
        self.created()
        return True

    def created(self) -> None:
        """Hook for the video player to place its surface."""

    def _on_position(self) -> None:
        position = int(self.player.position())
        if not self._seeking:
            self.slider.setValue(position)
        self.time_label.setText(f"{_clock(position)} / {_clock(int(self.player.duration()))}")

    def _on_duration(self) -> None:
        duration = int(self.player.duration())
        self.slider.setRange(0, max(0, duration))
        self._on_position()

    def _on_state(self) -> None:
        icon = (QStyle.StandardPixmap.SP_MediaPause if self.playing()
                else QStyle.StandardPixmap.SP_MediaPlay)
        self.play_button.setIcon(self.style().standardIcon(icon))

    def _on_status(self) -> None:
        qm = audio_output.multimedia()
        if qm is not None and self.player.mediaStatus() == qm.QMediaPlayer.MediaStatus.EndOfMedia:
            self.finished.emit()

    def _seek_released(self) -> None:
        self._seeking = False
        self.seek(self.slider.value())

    def seek(self, position_ms: int) -> None:
        if self.player is None and not self._make_player():
            return
        self.player.setPosition(max(0, position_ms))


class MediaPlayer(QWidget):
    """A clip (transport row) or a video (its picture, made on first Play, above the row);
    a file this build cannot play shows one line saying so instead of failing."""

    finished = Signal()

    def __init__(self, path: Path, *, video: bool = False, file_type: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoPlayer" if video else "clipPlayer")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(4)
        self.transport = _Transport(path, video=video, file_type=file_type)
        self.transport.created = self._place_video  # type: ignore[method-assign]
        self.transport.finished.connect(self.finished)
        self.transport.failed.connect(self._show_problem)
        self.column.addWidget(self.transport)
        self.column.addWidget(self.transport.problem)

    def position_seconds(self) -> float:
        """Where playback stands (0 before the first Play): "Continue from…" starts there."""
        player = self.transport.player
        return max(0.0, int(player.position()) / 1000) if player is not None else 0.0

    @property
    def problem_text(self) -> str:
        return self.transport.problem.text() if not self.transport.problem.isHidden() else ""

    def _show_problem(self, text: str) -> None:
        self.transport.problem.setText(text)
        self.transport.problem.show()

    def _place_video(self) -> None:
        widget = self.transport.video_widget
        if widget is not None:
            self.column.insertWidget(0, widget, 1)
            widget.show()
