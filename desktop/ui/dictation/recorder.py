"""Recording from the microphone into WAV bytes, for dictation.

`MicrophoneRecorder` reads PCM from the default audio input with QAudioSource (inside
libQt6Multimedia: no media backend needed, so it works in the bundle too) and writes the WAV
itself (`desktop.core.wav_audio`). It asks for 16 kHz mono 16-bit, what speech models use; a
device that only offers float samples is converted. Every way it can fail — no QtMultimedia,
no input device, permission denied, the device stopping — becomes one sentence for the user.

Test hook: with `SWITCHBOARD_TEST_MICROPHONE=/path/file.wav` in the environment,
`make_recorder()` returns a `WavFileRecorder` that "records" that file, so GUI tests can
dictate a known WAV where no sound server exists.
"""

from __future__ import annotations

import array
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QIODevice, QObject, Qt, Signal

from desktop.core.wav_audio import PCM, WavAudio, WavFormat, wav_bytes
from desktop.ui.audio_output import load_problem, multimedia

log = logging.getLogger(__name__)

TEST_MICROPHONE_ENV = "SWITCHBOARD_TEST_MICROPHONE"
SAMPLE_RATE = 16_000
MAX_SECONDS = 600  # 10 min of 16 kHz mono 16-bit is 19 MB, under the 25 MB upload limit


class Recorder(QObject):
    """What the dictation controller needs of a recorder (the real one or the test file)."""

    failed = Signal(str)  # a sentence for the user; recording has stopped

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = QElapsedTimer()

    def start(self) -> bool:
        """Start recording; False (after `failed`) when it cannot."""
        self._clock.start()
        return True

    def elapsed_ms(self) -> int:
        self._check()
        return int(self._clock.elapsed()) if self._clock.isValid() else 0

    def _check(self) -> None:
        """Emit `failed` when the input stopped working (the real recorder checks)."""

    def stop(self) -> bytes:
        """Stop and return the WAV recorded so far (b"" when nothing was)."""
        self._clock.invalidate()
        return b""


class WavFileRecorder(Recorder):
    """The test hook: "records" the given WAV file (see the module docstring)."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path

    def stop(self) -> bytes:
        super().stop()
        try:
            return self.path.read_bytes()
        except OSError as exc:
            self.failed.emit(self.tr("The test microphone file cannot be read: {0}").format(
                exc.strerror or exc))
            return b""


class MicrophoneRecorder(Recorder):
    """The default audio input through QAudioSource, kept as PCM until `stop()`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: object | None = None
        self._device: QIODevice | None = None
        self._pcm = bytearray()
        self._float = False
        self._channels = 1
        self._rate = SAMPLE_RATE

    def _problem(self) -> str | None:
        """Why recording cannot start, or None."""
        module = multimedia()
        if module is None:
            return self.tr("Dictation needs QtMultimedia, which does not load here ({0}).").format(
                load_problem())
        if not module.QMediaDevices.audioInputs():
            return self.tr("No microphone was found. Connect one (or enable it in the system's "
                           "sound settings) and try again.")
        return self._permission_problem()

    def _permission_problem(self) -> str | None:
        try:
            from PySide6.QtCore import QMicrophonePermission
        except ImportError:  # Qt before 6.5: no permission API
            return None
        app = QCoreApplication.instance()
        if app is None:
            return None
        status = app.checkPermission(QMicrophonePermission())
        if status == Qt.PermissionStatus.Denied:
            where = ("System Settings → Privacy & Security → Microphone" if sys.platform ==
                     "darwin" else "Settings → Privacy → Microphone")
            return self.tr("Switchboard may not use the microphone. Allow it in {0}, then try "
                           "again.").format(where)
        if status == Qt.PermissionStatus.Undetermined:
            app.requestPermission(QMicrophonePermission(), self, lambda _p: None)
            return self.tr("Allow Switchboard to use the microphone, then press the microphone "
                           "button again.")
        return None

    def start(self) -> bool:
        problem = self._problem()
        if problem is not None:
            self.failed.emit(problem)
            return False
        module = multimedia()
        assert module is not None
        device = module.QMediaDevices.defaultAudioInput()
        wanted = module.QAudioFormat()
        wanted.setSampleRate(SAMPLE_RATE)
        wanted.setChannelCount(1)
        wanted.setSampleFormat(module.QAudioFormat.SampleFormat.Int16)
        audio_format = wanted if device.isFormatSupported(wanted) else device.preferredFormat()
        sample = audio_format.sampleFormat()
        if sample not in (module.QAudioFormat.SampleFormat.Int16,
                          module.QAudioFormat.SampleFormat.Float):
            audio_format.setSampleFormat(module.QAudioFormat.SampleFormat.Int16)
        self._float = audio_format.sampleFormat() == module.QAudioFormat.SampleFormat.Float
        self._channels = max(1, audio_format.channelCount())
        self._rate = audio_format.sampleRate() or SAMPLE_RATE
        source = module.QAudioSource(device, audio_format, self)
        self._pcm.clear()
        self._device = source.start()
        self._source = source
        if self._device is None:
            self._source = None
            self.failed.emit(self.tr("The microphone could not be opened."))
            return False
        self._device.readyRead.connect(self._read)
        return super().start()

    def _read(self) -> None:
        if self._device is None:
            return
        self._pcm += bytes(self._device.readAll().data())
        self._check()
        limit = MAX_SECONDS * self._rate * self._channels * (4 if self._float else 2)
        if len(self._pcm) > limit:
            del self._pcm[limit:]

    def _check(self) -> None:
        """A device that stopped (unplugged, taken away) ends the recording with a message.

        Polled with each read and by the controller's clock: PySide cannot pass
        QAudioSource.stateChanged's QAudio::State to Python."""
        module = multimedia()
        source = self._source
        if module is None or source is None:
            return
        error = source.error()  # type: ignore[attr-defined]
        if error != module.QtAudio.Error.NoError:
            log.warning("microphone stopped: %s", error)
            self._close()
            self.failed.emit(self.tr("The microphone stopped working ({0}).").format(
                getattr(error, "name", str(error))))

    def _close(self) -> None:
        source, self._source, self._device = self._source, None, None
        if source is not None:
            source.stop()  # type: ignore[attr-defined]
            source.deleteLater()  # type: ignore[attr-defined]

    def stop(self) -> bytes:
        self._read()
        self._close()
        super().stop()
        pcm = bytes(self._pcm)
        self._pcm.clear()
        if self._float:  # float32 → int16, which every transcription endpoint reads
            floats = array.array("f", pcm[: len(pcm) // 4 * 4])
            pcm = array.array("h", (int(max(-1.0, min(1.0, v)) * 32767) for v in floats)) \
                .tobytes()
        if not pcm:
            return b""
        audio_format = WavFormat(self._channels, self._rate, 2, PCM)
        return wav_bytes(WavAudio(audio_format, pcm))


def make_recorder(parent: QObject | None = None) -> Recorder:
    """The microphone, or the test file named by $SWITCHBOARD_TEST_MICROPHONE."""
    test_file = os.environ.get(TEST_MICROPHONE_ENV)
    if test_file:
        return WavFileRecorder(Path(test_file), parent)
    return MicrophoneRecorder(parent)
