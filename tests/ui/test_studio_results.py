"""Studio result files without a media backend, and Save as… / Open of a stored result."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from desktop.core.tasks import TaskFile
from desktop.ui import audio_output
from desktop.ui.studio.media_players import MediaPlayer
from desktop.ui.studio.result_files import ResultFiles, file_name


def test_a_build_without_a_media_backend_says_so_instead_of_playing(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(audio_output, "can_decode_compressed", lambda: False)
    stored = tmp_path / "ab" / "cdef"  # stored by content: no extension
    stored.parent.mkdir()
    stored.write_bytes(b"ID3" + b"\0" * 64)
    player = MediaPlayer(stored, file_type="MP3")
    qtbot.addWidget(player)
    player.transport.play_button.click()
    assert player.problem_text == ("This build cannot play MP3; save it or open it with the "
                                   "system player.")
    assert player.transport.player is None


def test_save_as_and_open_use_a_readable_name(tmp_path: Path, qtbot: QtBot) -> None:
    stored = tmp_path / "ab" / "cdef"
    stored.parent.mkdir()
    stored.write_bytes(b"RIFF-clip")
    item = TaskFile("ab" + "cd" * 31, "audio/wav", "Sea song / take 1", 9, "audio",
                    path=str(stored))
    assert file_name(item) == "Sea song _ take 1.wav"
    files = ResultFiles()
    target = tmp_path / "out.wav"
    files.choose_save_path = lambda _parent, suggested: target
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    files.open_url = open_url
    with qtbot.waitSignal(files.saved, timeout=5000):
        files.save(item, None)  # type: ignore[arg-type]
    assert target.read_bytes() == b"RIFF-clip"
    with qtbot.waitSignal(files.opened, timeout=5000) as blocker:
        files.open_external(item)
    shown = Path(str(blocker.args[0]))
    assert shown.name.endswith("Sea song _ take 1.wav") and shown.read_bytes() == b"RIFF-clip"
    assert opened == [QUrl.fromLocalFile(str(shown))]
