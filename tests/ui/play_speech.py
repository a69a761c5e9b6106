"""Play a WAV file through SpeechPlayer and print what happened (run in a child process).

    python -m tests.ui.play_speech FILE.wav

A child process because QtMultimedia connects to PulseAudio once per process: the test's
private server (PULSE_SERVER) must be in the environment before QtMultimedia starts.
Prints `outputs N`, `backend 0|1` (FFmpeg media backend), then `started <s>` and
`finished <s>` (seconds since play), or `failed <why>`. A file not named .wav goes through
QMediaPlayer.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.ui import audio_output
from desktop.ui.read_aloud import SpeechPlayer


def main(path: str) -> int:
    app = QApplication([])
    print(f"outputs {audio_output.output_count()}", flush=True)
    print(f"backend {int(audio_output.can_decode_compressed())}", flush=True)
    player = SpeechPlayer()
    began = time.monotonic()
    player.started.connect(lambda: print(f"started {time.monotonic() - began:.3f}", flush=True))
    player.finished.connect(lambda: (print(f"finished {time.monotonic() - began:.3f}",
                                           flush=True), app.quit()))
    player.failed.connect(lambda error: (print(f"failed {error}", flush=True), app.quit()))
    QTimer.singleShot(15000, app.quit)
    player.play(Path(path))
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
