"""A tiny real video for the fake provider's Luma replies: 1 s, 10 frames of 64×48, MP4.

The bytes below were made by `make_tiny_mp4()` (QtMultimedia's FFmpeg backend, as pip
installs of PySide6 carry it; its LGPL build encodes MPEG-4 Part 2, not H.264) and are kept
here so the fake server needs no Qt and no encoder: `python -m tests.helpers.tiny_video OUT`
writes a fresh one. QtMultimedia plays it to the end (tests/ui use it for Luma results).
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path

_TINY_MP4 = """
AAAAHGZ0eXBpc29tAAACAGlzb21pc28ybXA0MQAAAAhmcmVlAAAETm1kYXQAAAGwAQAAAbWJEwAAAQAAAAEgAMSNiTiFAgQG
FEMAAAGyTGF2YzYxLjE5LjEwMQAAAbMAEAcAAAG2EAAxCMm2xIGiNtv422/jbb9/AACkEZNtiQNEbbfxtt/G234AAMQRk22J
A0Rtt/G238bbfgAAAbABAAABtYkTAAABAAAAASAAxI2JOIUCBAYUQwAAAbJMYXZjNjEuMTkuMTAxAAABswAQBwAAAbYQ+jEI
+2wlDeNtv422/jbb9wAApBH22Eobxtt/G238bbfvAADEEfbYShvG238bbfxtt+8AAAGwAQAAAbWJEwAAAQAAAAEgAMSNiTiF
AgQGFEMAAAGyTGF2YzYxLjE5LjEwMQAAAbMAEAcAAAG2EfQxCM82wWDo22/jbb+Ntv0AAKQRnm2CwdG238bbfxtt+wAAxBGe
bYLB0bbfxtt/G237AAABsAEAAAG1iRMAAAEAAAABIADEjYk4hQIEBhRDAAABskxhdmM2MS4xOS4xMDEAAAGzABAHAAABthLu
MQjMNsF8Sjbb+Ntv422/fwAApBGYbYL4lG238bbfxtt+AADEEZhtgviUbbfxtt/G234AAAGwAQAAAbWJEwAAAQAAAAEgAMSN
iTiFAgQGFEMAAAGyTGF2YzYxLjE5LjEwMQAAAbMAEAcAAAG2E+gxCPtsJQXo22/jbb+Ntv0AAKQR9thKC9G238bbfxtt+wAA
xBH22EoL0bbfxtt/G237AAABsAEAAAG1iRMAAAEAAAABIADEjYk4hQIEBhRDAAABskxhdmM2MS4xOS4xMDEAAAGzABAHAAAB
thTiMQjUbZILcbbfxtt/G237AACkEajbJBbjbb+Ntv422/cAAMQRqNskFuNtv422/jbb9wAAAbABAAABtYkTAAABAAAAASAA
xI2JOIUCBAYUQwAAAbJMYXZjNjEuMTkuMTAxAAABswAQBwAAAbYV3DEI1m2OgsRtt/G238bbfgAApBGs2x0FiNtv422/jbb9
AADEEazbHQWI22/jbb+Ntv0AAAGwAQAAAbWJEwAAAQAAAAEgAMSNiTiFAgQGFEMAAAGyTGF2YzYxLjE5LjEwMQAAAbMAEAcA
AAG2FtYxCNBth0FEbbfxtt/G234AAKQRoNsOgojbb+Ntv422/QAAxBGg2w6CiNtv422/jbb9AAABsAEAAAG1iRMAAAEAAAAB
IADEjYk4hQIEBhRDAAABskxhdmM2MS4xOS4xMDEAAAGzABAHAAABthfQMQjFbbBoJjbb+Ntv422/fwAApBGK22DQTG238bbf
xtt+AADEEYrbYNBMbbfxtt/G234AAAGwAQAAAbWJEwAAAQAAAAEgAMSNiTiFAgQGFEMAAAGyTGF2YzYxLjE5LjEwMQAAAbMA
EAcAAAG2GMoxCMk2wYR6Ntv422/jbb9/AACkEZJtgwj0bbfxtt/G234AAMQRkm2DCPRtt/G238bbfgAAAzRtb292AAAAbG12
aGQAAAAAAAAAAAAAAAAAAAPoAAAD6AABAAABAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAEAA
AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACAAACX3RyYWsAAABcdGtoZAAAAAMAAAAAAAAAAAAAAAEAAAAAAAAD6AAA
AAAAAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAEAAAAAAQAAAADAAAAAAACRlZHRzAAAAHGVs
c3QAAAAAAAAAAQAAA+gAAAAAAAEAAAAAAddtZGlhAAAAIG1kaGQAAAAAAAAAAAAAAAAAACcQAAAnEFXEAAAAAAAtaGRscgAA
AAAAAAAAdmlkZQAAAAAAAAAAAAAAAFZpZGVvSGFuZGxlcgAAAAGCbWluZgAAABR2bWhkAAAAAQAAAAAAAAAAAAAAJGRpbmYA
AAAcZHJlZgAAAAAAAAABAAAADHVybCAAAAABAAABQnN0YmwAAAC2c3RzZAAAAAAAAAABAAAApm1wNHYAAAAAAAAAAQAAAAAA
AAAAAAAAAAAAAAAAQAAwAEgAAABIAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAY//8AAAAsZXNk
cwAAAAADgICAGwABAASAgIANIBEAAAAAACIwAAAiMAaAgIABAgAAABBwYXNwAAAAAQAAAAEAAAAUYnRydAAAAAAAACIwAAAi
MAAAABhzdHRzAAAAAAAAAAEAAAAKAAAD6AAAABxzdHNjAAAAAAAAAAEAAAABAAAACgAAAAEAAAA8c3RzegAAAAAAAAAAAAAA
CgAAAG4AAABtAAAAbQAAAG4AAABtAAAAbQAAAG0AAABtAAAAbgAAAG4AAAAUc3RjbwAAAAAAAAABAAAALAAAAGF1ZHRhAAAA
WW1ldGEAAAAAAAAAIWhkbHIAAAAAAAAAAG1kaXJhcHBsAAAAAAAAAAAAAAAALGlsc3QAAAAkqXRvbwAAABxkYXRhAAAAAQAA
AABMYXZmNjEuNy4xMDM="""


def tiny_mp4() -> bytes:
    """The kept 1-second MP4 (about 2 KB)."""
    return base64.b64decode("".join(_TINY_MP4.split()))


def make_tiny_mp4(out: Path, frames: int = 10) -> None:  # pragma: no cover - a maker script
    """Encode a fresh tiny MP4 with QtMultimedia (needs PySide6 with its FFmpeg backend)."""
    from PySide6.QtCore import QCoreApplication, QSize, QTimer, QUrl
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtMultimedia import (
        QMediaCaptureSession,
        QMediaFormat,
        QMediaRecorder,
        QVideoFrame,
        QVideoFrameInput,
    )

    app = QCoreApplication.instance() or QCoreApplication([])
    session = QMediaCaptureSession()
    frame_input = QVideoFrameInput()
    session.setVideoFrameInput(frame_input)
    recorder = QMediaRecorder()
    session.setRecorder(recorder)
    recorder.setMediaFormat(QMediaFormat(QMediaFormat.FileFormat.MPEG4))
    recorder.setVideoResolution(QSize(64, 48))
    recorder.setVideoFrameRate(10)
    recorder.setOutputLocation(QUrl.fromLocalFile(str(out)))
    sent = [0]

    def push() -> None:
        if sent[0] >= frames:
            recorder.stop()
            return
        image = QImage(64, 48, QImage.Format.Format_RGBA8888)
        image.fill(QColor.fromHsv(sent[0] * 36 % 360, 200, 220))
        frame = QVideoFrame(image)
        frame.setStartTime(sent[0] * 100_000)
        frame.setEndTime((sent[0] + 1) * 100_000)
        if frame_input.sendVideoFrame(frame):
            sent[0] += 1

    frame_input.readyToSendVideoFrame.connect(push)
    recorder.recorderStateChanged.connect(
        lambda state: state == QMediaRecorder.RecorderState.StoppedState
        and QTimer.singleShot(100, app.quit))
    recorder.record()
    QTimer.singleShot(100, push)
    QTimer.singleShot(10_000, app.quit)
    app.exec()


if __name__ == "__main__":  # pragma: no cover
    make_tiny_mp4(Path(sys.argv[1]))
