"""What this installation can play: QtMultimedia loaded lazily, audio outputs, compressed formats.

QtMultimedia needs the host's libpulse; where it cannot load, read aloud still works by saving
the file. WAV plays through QSoundEffect (inside libQt6Multimedia, no media backend needed);
MP3/Opus/AAC/FLAC (and Studio's MP4 videos) need QMediaPlayer's FFmpeg backend, which pip
installs carry and the bundle carries too since issue 17 (docs/media-backend.md).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from types import ModuleType

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _load() -> tuple[ModuleType | None, str]:
    try:
        from PySide6 import QtMultimedia
    except ImportError as exc:  # libQt6Multimedia or the host's libpulse is missing
        log.warning("QtMultimedia is not available: %s", exc)
        return None, str(exc)
    return QtMultimedia, ""


def multimedia() -> ModuleType | None:
    """The QtMultimedia module, or None where it cannot be loaded."""
    return _load()[0]


def load_problem() -> str:
    """Why QtMultimedia could not be loaded ("" when it could)."""
    return _load()[1]


def output_count() -> int:
    """Audio outputs the system offers (0 without a sound server or without QtMultimedia)."""
    module = multimedia()
    return len(module.QMediaDevices.audioOutputs()) if module is not None else 0


def can_decode_compressed() -> bool:
    """Whether QMediaPlayer has a media backend that decodes MP3/Opus/AAC/FLAC."""
    module = multimedia()
    if module is None:
        return False
    formats = module.QMediaFormat().supportedFileFormats(module.QMediaFormat.ConversionMode.Decode)
    return bool(formats)


def has_video_widget() -> bool:
    """Whether QtMultimediaWidgets (QVideoWidget, for Studio's videos) loads."""
    try:
        from PySide6 import QtMultimediaWidgets  # noqa: F401
    except ImportError:
        return False
    return True


def describe() -> str:
    """One line for the self-test: loads, outputs, media backend, video widget."""
    if multimedia() is None:
        return f"QtMultimedia does not load ({load_problem()})"
    backend = "FFmpeg backend" if can_decode_compressed() else "no media backend (WAV only)"
    video = "QVideoWidget" if has_video_widget() else "no QVideoWidget"
    return f"QtMultimedia loads, {output_count()} outputs, {backend}, {video}"
