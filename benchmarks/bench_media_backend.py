"""What QtMultimedia's FFmpeg backend would add to the bundle, and what plays without it.

    python benchmarks/bench_media_backend.py [--bundle DIST_DIR]

Prints the size of the FFmpeg media plugin and the libav* libraries it loads (as pip's
PySide6 ships them: already stripped), compressed with gzip and xz as an AppImage or a
tarball would, plus QtMultimediaWidgets (QVideoWidget, for Luma videos), which the bundle
also leaves out. Then plays a WAV, an MP3 and an MP4 in child processes, once with the
pip install's plugins and once with the multimedia plugin hidden (as in the bundle), and
prints what QMediaPlayer reports. Figures for docs/media-backend.md.
"""

from __future__ import annotations

import argparse
import gzip
import io
import lzma
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import PySide6

QT = Path(PySide6.__file__).parent / "Qt"
BACKEND = ["plugins/multimedia/libffmpegmediaplugin.so", "lib/libavcodec.so.61",
           "lib/libavformat.so.61", "lib/libavutil.so.59", "lib/libswresample.so.5",
           "lib/libswscale.so.8"]
WIDGETS = [QT / "lib/libQt6MultimediaWidgets.so.6",
           Path(PySide6.__file__).parent / "QtMultimediaWidgets.abi3.so"]

PROBE = r"""
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer, QUrl
import PySide6
if sys.argv[2] == "hidden":
    plugins = Path(PySide6.__file__).parent / "Qt" / "plugins"
    tmp = Path(tempfile.mkdtemp())
    (tmp / "platforms").symlink_to(plugins / "platforms")
    QCoreApplication.setLibraryPaths([str(tmp)])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from PySide6 import QtMultimedia as qm
player = qm.QMediaPlayer()
output = qm.QAudioOutput(player)  # parented: a collected output stalls the player
player.setAudioOutput(output)
sink = qm.QVideoSink()  # a video needs somewhere to go, or it never advances
player.setVideoOutput(sink)
if not player.isAvailable():
    print("not available (no media backend)"); sys.exit(0)
end = qm.QMediaPlayer.MediaStatus.EndOfMedia
player.mediaStatusChanged.connect(
    lambda: player.mediaStatus() == end and (print("played to the end"), app.quit()))
player.errorOccurred.connect(lambda: (print("error:", player.errorString()), app.quit()))
player.setSource(QUrl.fromLocalFile(sys.argv[1]))
player.play()
QTimer.singleShot(8000, lambda: (print("no end within 8 s"), app.quit()))
app.exec()
"""


def sizes(paths: list[Path]) -> tuple[int, int, int]:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as tar:
        for path in paths:
            tar.add(path, arcname=path.name)
    data = raw.getvalue()
    return (sum(p.stat().st_size for p in paths), len(gzip.compress(data, 6)),
            len(lzma.compress(data, preset=6)))


def probe(path: Path, mode: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", PROBE, str(path), mode], env=env,
                            capture_output=True, text=True, timeout=60)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    return lines[-1] if lines else f"no answer ({result.stderr.strip()[-120:]})"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, help="a built onedir bundle to measure")
    parser.add_argument("--samples", type=Path, help="folder with sample.wav/.mp3/.mp4")
    args = parser.parse_args()
    mb = 1_000_000
    raw, gz, xz = sizes([QT / name for name in BACKEND])
    print(f"FFmpeg backend (plugin + libav*): {raw / mb:.1f} MB, gzip {gz / mb:.1f} MB, "
          f"xz {xz / mb:.1f} MB")
    for name in BACKEND:
        print(f"  {name}: {(QT / name).stat().st_size / mb:.2f} MB")
    wraw, _wgz, _wxz = sizes(WIDGETS)
    print(f"QtMultimediaWidgets (QVideoWidget): {wraw / mb:.2f} MB")
    if args.bundle is not None:
        total = sum(p.lstat().st_size for p in args.bundle.rglob("*")
                    if p.is_file() and not p.is_symlink())
        print(f"bundle now: {total / mb:.1f} MB; with the backend and QVideoWidget: "
              f"{(total + raw + wraw) / mb:.1f} MB")
    if args.samples is not None:
        for sample in sorted(args.samples.glob("sample.*")):
            for mode in ("pip", "hidden"):
                print(f"{sample.suffix[1:].upper():4} {mode:6}: {probe(sample, mode)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
