"""Record from the default microphone through MicrophoneRecorder (run in a child process).

    python -m tests.ui.record_microphone SECONDS [FIFO PCM_FILE]

A child process because QtMultimedia connects to PulseAudio once per process. With FIFO and
PCM_FILE, the raw PCM is written into the FIFO (a PulseAudio pipe source) in 20 ms steps
while recording, as a microphone would deliver it. Prints `inputs N`, then `wav BYTES`,
`rate R`, `seconds S` and `peak P` of what was recorded, or `failed <why>`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.wav_audio import read_wav
from desktop.ui import audio_output
from desktop.ui.dictation.recorder import MicrophoneRecorder


def main(seconds: float, fifo: str = "", pcm_file: str = "") -> int:
    app = QApplication([])
    module = audio_output.multimedia()
    print(f"inputs {len(module.QMediaDevices.audioInputs()) if module else 0}", flush=True)
    recorder = MicrophoneRecorder()
    recorder.failed.connect(lambda why: (print(f"failed {why}", flush=True), app.quit()))
    pcm = Path(pcm_file).read_bytes() if pcm_file else b""
    sink = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK) if fifo else None
    step = 640  # 20 ms of 16 kHz mono 16-bit

    def feed() -> None:
        nonlocal pcm
        if sink is not None and pcm:
            chunk, pcm = pcm[:step], pcm[step:]
            with contextlib.suppress(BlockingIOError):
                os.write(sink, chunk)

    def finish() -> None:
        wav = recorder.stop()
        if wav:
            audio = read_wav(wav)
            samples = memoryview(audio.frames).cast("h")
            print(f"wav {len(wav)}", flush=True)
            print(f"rate {audio.format.sample_rate}", flush=True)
            print(f"seconds {audio.duration:.3f}", flush=True)
            print(f"peak {max((abs(s) for s in samples), default=0)}", flush=True)
        else:
            print("failed nothing recorded", flush=True)
        app.quit()

    if recorder.start():
        feeder = QTimer()
        feeder.timeout.connect(feed)
        feeder.start(20)
        QTimer.singleShot(int(seconds * 1000), finish)
        QTimer.singleShot(20000, app.quit)
        app.exec()
    if sink is not None:
        os.close(sink)
    return 0


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]), *sys.argv[2:4]))
